//! fmt tests: every expectation is the output of go1.19.8 on the same operands (the Go program
//! that produced them builds each line with fmt.Sprintf/Sprint/Sprintln and prints it with %q).

use super::Printer;
use crate::abi::*;
use crate::typedesc::*;

fn leak<T>(v: T) -> *mut u8 {
    Box::into_raw(Box::new(v)) as *mut u8
}

fn val<T>(t: &'static Type, v: T) -> Eface {
    if t.is_direct_iface() {
        assert_eq!(std::mem::size_of::<T>(), 8);
        // SAFETY: pointer-shaped value: its bits are the data word.
        let w: usize = unsafe { std::mem::transmute_copy(&v) };
        return Eface { typ: t, data: w as *mut u8 };
    }
    Eface { typ: t, data: leak(v) }
}

fn int(v: i64) -> Eface {
    val(predeclared(Kind::Int), v)
}
fn s(v: &'static str) -> Eface {
    val(predeclared(Kind::String), gs(v))
}
fn gs(v: &'static str) -> GoString {
    GoString::from_static(v.as_bytes())
}
fn f(v: f64) -> Eface {
    val(predeclared(Kind::Float64), v)
}
fn b(v: bool) -> Eface {
    val(predeclared(Kind::Bool), v)
}
fn rune(v: char) -> Eface {
    val(predeclared(Kind::Int32), v as i32)
}
fn nil() -> Eface {
    Eface { typ: std::ptr::null(), data: std::ptr::null_mut() }
}
fn slice<T: Copy>(elem: &'static Type, items: &[T]) -> Eface {
    let v: Vec<T> = items.to_vec();
    let n = v.len() as isize;
    let p = Box::leak(v.into_boxed_slice()).as_mut_ptr() as *mut u8;
    val(slice_of(elem), GoSlice { ptr: p, len: n, cap: n })
}
fn nil_slice(elem: &'static Type) -> Eface {
    val(slice_of(elem), GoSlice { ptr: std::ptr::null_mut(), len: 0, cap: 0 })
}

fn t_struct() -> &'static Type {
    struct_of(Some("main.T"), &[("A", predeclared(Kind::Int)), ("B", predeclared(Kind::String))])
}

#[repr(C)]
#[derive(Clone, Copy)]
struct TV {
    a: i64,
    b: GoString,
}

fn sprintf(format: &str, args: &[Eface]) -> String {
    let mut p = Printer::take();
    p.do_printf(format.as_bytes(), args);
    let r = String::from_utf8_lossy(p.bytes()).into_owned();
    p.give_back();
    r
}
fn sprint(args: &[Eface]) -> String {
    let mut p = Printer::take();
    p.do_print(args);
    let r = String::from_utf8_lossy(p.bytes()).into_owned();
    p.give_back();
    r
}
fn sprintln(args: &[Eface]) -> String {
    let mut p = Printer::take();
    p.do_println(args);
    let r = String::from_utf8_lossy(p.bytes()).into_owned();
    p.give_back();
    r
}

#[track_caller]
fn check(got: String, want: &str) {
    assert_eq!(got, want);
}

#[test]
fn integers_and_runes() {
    check(
        sprintf(
            "%d|%5d|%-5d|%05d|%+d|% d|%x|%X|%o|%#x|%#o|%b|%c|%q|%U|%#U",
            &[int(42), int(42), int(42), int(-42), int(42), int(42), int(255), int(255), int(8), int(255), int(8), int(5), rune('A'), rune('A'), int(0x1F600), int(0x1F600)],
        ),
        "42|   42|42   |-0042|+42| 42|ff|FF|10|0xff|010|101|A|'A'|U+1F600|U+1F600 '😀'",
    );
    check(
        sprintf(
            "%x|%08.3d|%.0d|%6.2d|%5s|%q|%q|%+q|%+q|%c",
            &[int(-255), int(7), int(0), int(3), s("é"), int(7), rune('é'), s("é"), rune('é'), int(0x110000)],
        ),
        "-ff|     007||    03|    é|'\\a'|'é'|\"\\u00e9\"|'\\u00e9'|�",
    );
    check(
        sprint(&[val(predeclared(Kind::Int8), -5i8), val(predeclared(Kind::Uint8), 200u8), val(predeclared(Kind::Uint64), u64::MAX), val(predeclared(Kind::Int64), i64::MIN)]),
        "-5 200 18446744073709551615 -9223372036854775808",
    );
    check(sprintf("%v %v", &[val(predeclared(Kind::Int32), -7i32), val(predeclared(Kind::Uint16), 65535u16)]), "-7 65535");
    check(
        sprintf("%010.3f|%-10.1e|%+010d|% 05d|%x", &[f(-1.5), f(12345.678), int(42), int(42), val(predeclared(Kind::Uint8), 10u8)]),
        "-00001.500|1.2e+04   |+000000042| 0042|a",
    );
}

#[test]
fn strings_and_quoting() {
    let bad = GoString::from_static(b"a\"b\n\x01\xc3\xa9\xff");
    check(
        sprintf(
            "%s|%10s|%-10s|%.2s|%q|%x|% x|%X|%#q",
            &[s("hello"), s("hi"), s("hi"), s("hello"), val(predeclared(Kind::String), bad), s("hi"), s("hi"), s("hi"), s("back`q")],
        ),
        "hello|        hi|hi        |he|\"a\\\"b\\n\\x01é\\xff\"|6869|68 69|6869|\"back`q\"",
    );
    check(sprintf("%#x|% #x|%05s|%-05d|%.4v", &[s("hi"), s("hi"), s("ab"), int(3), s("hello")]), "0x6869|0x68 0x69|000ab|3    |hell");
}

#[test]
fn floats() {
    check(
        sprintf(
            "%v|%f|%.2f|%e|%E|%g|%G|%8.3f|%-8.2f|%08.3f|%+.1f|%v|%v|%v|%+v|% f",
            &[
                f(3.14159),
                f(3.14159),
                f(3.14159),
                f(1234.5678),
                f(1234.5678),
                f(1e-7),
                f(1e21),
                f(3.14159),
                f(2.5),
                f(-3.14159),
                f(2.0),
                f(f64::INFINITY),
                f(f64::NAN),
                f(-0.0),
                f(f64::NEG_INFINITY),
                f(1.5),
            ],
        ),
        "3.14159|3.141590|3.14|1.234568e+03|1.234568E+03|1e-07|1E+21|   3.142|2.50    |-003.142|+2.0|+Inf|NaN|-0|-Inf| 1.500000",
    );
    check(
        sprintln(&[f(1e6), f(1e20), f(1e21), f(123456.0), f(0.000012), f(100.0), f(2.5), val(predeclared(Kind::Float32), 0.1f32), f(1.0 / 3.0)]),
        "1e+06 1e+20 1e+21 123456 1.2e-05 100 2.5 0.1 0.3333333333333333\n",
    );
    check(
        sprintf("%e|%g|%g|%.3g|%#g|%g|%.0f|%.1f|%G", &[f(0.0), f(100000.0), f(1e6), f(1234.5678), f(1.0), f(1e-5), f(0.5), f(0.25), f(1e-10)]),
        "0.000000e+00|100000|1e+06|1.23e+03|1.00000|1e-05|0|0.2|1E-10",
    );
    check(sprintf("%6.2f%%|%-8q|%8.3e", &[f(99.5), s("q"), f(123456.789)]), " 99.50%|\"q\"     |1.235e+05");
    check(sprintf("%6.2v", &[f(3.14159)]), "   3.1");
}

#[test]
fn nil_bad_verbs_missing_extra() {
    check(sprintf("%t|%v|%v|%d|%s", &[b(true), b(false), nil(), nil(), nil()]), "true|false|<nil>|%!d(<nil>)|%!s(<nil>)");
    check(sprintf("%d|%s|%z|%t", &[s("hi"), int(42), int(3), f(1.5)]), "%!d(string=hi)|%!s(int=42)|%!z(int=3)|%!t(float64=1.5)");
    check(sprintf("%d %d", &[int(1)]), "1 %!d(MISSING)");
    check(sprintf("%d", &[int(1), s("a"), f(2.5), nil()]), "1%!(EXTRA string=a, float64=2.5, <nil>)");
    check(sprintf("%*d|%-*d|%.*f|%*d", &[int(5), int(42), int(5), int(42), int(2), f(3.14159), s("x"), int(1)]), "   42|42   |3.14|%!(BADWIDTH)1");
    check(sprintf("%d|%[3]d|%[2]d %[1]d|%[5]d", &[b(true), int(1), int(2)]), "%!d(bool=true)|2|1 %!d(bool=true)|%!d(BADINDEX)");
    check(sprintf("%", &[]), "%!(NOVERB)");
    check(sprintf("abc%-", &[]), "abc%!(NOVERB)");
    check(sprintf("%x", &[int(-1)]).to_uppercase(), "-1");
}

#[test]
fn slices_maps_structs() {
    let it = predeclared(Kind::Int);
    let st = predeclared(Kind::String);
    let u8t = predeclared(Kind::Uint8);
    check(sprint(&[slice(it, &[1i64, 2, 3]), slice(st, &[gs("a"), gs("b")]), nil_slice(it)]), "[1 2 3] [a b] []");
    check(
        sprintf("%v %d %x %q %s", &[slice(it, &[1i64, 2]), slice(it, &[1i64, 2]), slice(it, &[10i64, 255]), slice(st, &[gs("a"), gs("b")]), slice(it, &[1i64])]),
        "[1 2] [1 2] [a ff] [\"a\" \"b\"] [%!s(int=1)]",
    );
    let hi = slice(u8t, b"hi");
    check(sprintf("%s|%x|%X|%q|%v|% x|%d", &[hi, hi, hi, hi, hi, hi, slice(u8t, &[1u8, 2])]), "hi|6869|6869|\"hi\"|[104 105]|68 69|[1 2]");

    // Maps.
    // SAFETY: maps built through the runtime API with valid keys.
    let m1 = unsafe {
        let mt = map_of(st, it);
        let m = crate::map::gort_makemap(mt, 0);
        for (k, v) in [("b", 2i64), ("a", 1), ("c", 3)] {
            let key = gs(k);
            *(crate::map::gort_mapassign(mt, m, &key as *const GoString as *const u8) as *mut i64) = v;
        }
        val(mt, m)
    };
    // SAFETY: as above.
    let m2 = unsafe {
        let mt = map_of(it, st);
        let m = crate::map::gort_makemap(mt, 0);
        for (k, v) in [(3i64, "c"), (1, "a"), (-5, "m")] {
            *(crate::map::gort_mapassign(mt, m, &k as *const i64 as *const u8) as *mut GoString) = gs(v);
        }
        val(mt, m)
    };
    let nilm = val(map_of(st, it), 0usize);
    // SAFETY: as above.
    let m3 = unsafe {
        let mt = map_of(predeclared(Kind::Float64), it);
        let m = crate::map::gort_makemap(mt, 0);
        for (k, v) in [(1.0f64, 2i64), (f64::NAN, 1), (-1.0, 3)] {
            *(crate::map::gort_mapassign(mt, m, &k as *const f64 as *const u8) as *mut i64) = v;
        }
        val(mt, m)
    };
    // SAFETY: as above.
    let m4 = unsafe {
        let mt = map_of(predeclared(Kind::Bool), it);
        let m = crate::map::gort_makemap(mt, 0);
        for (k, v) in [(true, 1i64), (false, 0)] {
            *(crate::map::gort_mapassign(mt, m, &k as *const bool as *const u8) as *mut i64) = v;
        }
        val(mt, m)
    };
    check(sprint(&[m1, m2, nilm, m3, m4]), "map[a:1 b:2 c:3] map[-5:m 1:a 3:c] map[] map[NaN:1 -1:3 1:2] map[false:0 true:1]");

    // Structs and pointers.
    let t = t_struct();
    let pt = ptr_to(t);
    let tv = TV { a: 1, b: gs("x") };
    let tv2 = leak(TV { a: 2, b: gs("y") });
    let unexp = struct_of(Some("main.Unexp"), &[("a", it), ("B", predeclared(Kind::Bool))]);
    #[repr(C)]
    #[derive(Clone, Copy)]
    struct UV {
        a: i64,
        b: bool,
    }
    check(
        sprintf("%v|%+v|%v|%+v|%v|%#v|%v", &[val(t, tv), val(t, tv), val(pt, tv2), val(pt, tv2), val(pt, 0usize), val(t, tv), val(unexp, UV { a: 3, b: true })]),
        "{1 x}|{A:1 B:x}|&{2 y}|&{A:2 B:y}|<nil>|main.T{A:1, B:\"x\"}|{3 true}",
    );
    let inner = struct_of(None, &[("B", st)]);
    let n = struct_of(Some("main.N"), &[("A", it), ("In", inner)]);
    check(sprintf("%+v|%v", &[val(n, TV { a: 1, b: gs("x") }), val(n, TV { a: 0, b: GoString::EMPTY })]), "{A:1 In:{B:x}}|{0 {}}");
    let any = interface("interface {}", &[]);
    let holder = struct_of(Some("main.Holder"), &[("X", any)]);
    let five = int(5);
    let sv = s("s");
    check(sprintf("%v|%v", &[val(holder, five), val(holder, sv)]), "{5}|{s}");
    check(
        sprintf("%5v|%-6v|%p|%v|%v", &[nil(), b(true), val(ptr_to(it), 0usize), val(ptr_to(it), 0usize), val(holder, nil())]),
        "<nil>|true  |0x0|<nil>|{<nil>}",
    );
    let arr3 = array_of(it, 3);
    let arrb = array_of(predeclared(Kind::Bool), 2);
    let arr_byte = array_of(u8t, 2);
    let sl = slice(it, &[1i64]);
    // SAFETY: the slice header lives in the leaked Eface data.
    let slp = val(ptr_to(slice_of(it)), sl.data);
    // SAFETY: as above.
    let ma = unsafe {
        let mt = map_of(st, it);
        let m = crate::map::gort_makemap(mt, 0);
        let k = gs("a");
        *(crate::map::gort_mapassign(mt, m, &k as *const GoString as *const u8) as *mut i64) = 1;
        val(mt, m)
    };
    check(
        sprintf("%v|%v|%s|%v|%v", &[val(arr3, [1i64, 2, 3]), val(arrb, [true, false]), val(arr_byte, [65u8, 66]), slp, val(ptr_to(map_of(st, it)), leak(ma.data))]),
        "[1 2 3]|[true false]|AB|&[1]|&map[a:1]",
    );
    check(
        sprintf(
            "%#v|%#v|%#v|%#v|%#v|%#v|%#v|%#v|%#v",
            &[slice(it, &[1i64, 2]), ma, nil_slice(it), s("s"), int(42), val(predeclared(Kind::Uint), 42u64), f(1.0), b(true), slice(u8t, &[1u8, 2])],
        ),
        "[]int{1, 2}|map[string]int{\"a\":1}|[]int(nil)|\"s\"|42|0x2a|1|true|[]byte{0x1, 0x2}",
    );
}

#[test]
fn print_println_types_errors() {
    check(sprint(&[s("a"), int(1), int(2), s("b"), f(3.0), s("c"), nil(), int(4)]), "a1 2b3c<nil> 4");
    check(sprintln(&[s("a"), int(1), b(true), nil()]), "a 1 true <nil>\n");
    let it = predeclared(Kind::Int);
    let t = t_struct();
    check(
        sprintf("%T %T %T %T %T %T %T %T", &[int(1), s("s"), f(2.0), slice(it, &[1i64]), val(map_of(predeclared(Kind::String), it), 0usize), nil(), val(t, TV { a: 0, b: GoString::EMPTY }), val(ptr_to(t), 8usize)]),
        "int string float64 []int map[string]int <nil> main.T *main.T",
    );
    let e = crate::errors::new_error(gs("boom"));
    // SAFETY: runtime-built error.
    let ee = Eface { typ: unsafe { (*e.tab).typ }, data: e.data };
    check(sprintf("%v|%s|%q|%T|%d", &[ee, ee, ee, ee, ee]), "boom|boom|\"boom\"|*errors.errorString|&{%!d(string=boom)}");
    // Errorf with %w.
    let mut out = Iface { tab: std::ptr::null(), data: std::ptr::null_mut() };
    let fmtw = "w: %w";
    // SAFETY: valid arguments.
    unsafe { super::gort_fmt_errorf(&mut out, fmtw.as_ptr(), fmtw.len() as isize, &ee, 1) };
    // SAFETY: runtime-built error.
    unsafe {
        assert_eq!((*(*out.tab).typ).string(), b"*fmt.wrapError");
        assert_eq!(crate::errors::error_message(out).as_bytes(), b"w: boom");
        let u = crate::errors::wraperror_unwrap(0, out.data);
        assert_eq!(u.data, e.data);
        let bad = "bad %w";
        let five = int(5);
        super::gort_fmt_errorf(&mut out, bad.as_ptr(), bad.len() as isize, &five, 1);
        assert_eq!((*(*out.tab).typ).string(), b"*errors.errorString");
        assert_eq!(crate::errors::error_message(out).as_bytes(), b"bad %!w(int=5)");
    }
}
