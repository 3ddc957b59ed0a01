//! The formatter: a port of Go's `fmt/print.go` (`pp`: argument dispatch, methods, reflection-style
//! printing of composite values, `Printf` parsing) and `fmt/format.go` (`fmt`: padding, integers,
//! strings, quoting, floats), driven by [`Type`]s instead of reflection.
//!
//! Invariants: a [`Printer`] owns its output buffer (pooled per thread, so nested fmt calls from
//! `String()` methods get their own); a value being printed is a [`Val`] = descriptor + pointer to
//! the value in memory (for pointer-shaped types, a pointer to the word holding the pointer).
//! User `String()`/`Error()` methods are called in catching mode: a panic inside prints
//! `%!v(PANIC=String method: boom)` (or `<nil>` for a nil pointer receiver) like Go's catchPanic.
//! Not supported: `fmt.Formatter`, `GoStringer`.

use std::cell::RefCell;

use super::float::append_float;
use super::quote;
use super::sort::{load_int, load_uint, sort_entries};
use crate::abi::*;
use crate::gocall::{self, CallResult};
use crate::gostring::{bytes, decode_rune, encode_rune, rune_count};
use crate::typedesc::name_of;

const LDIGITS: &[u8; 17] = b"0123456789abcdefx";
const UDIGITS: &[u8; 17] = b"0123456789ABCDEFX";

/// A Go value to print: its type and a pointer to it.
#[derive(Clone, Copy)]
pub struct Val {
    pub typ: *const Type,
    pub ptr: *const u8,
}

impl Val {
    fn t(&self) -> &Type {
        // SAFETY: Val is only built with valid descriptors.
        unsafe { &*self.typ }
    }

    /// The value as an interface data word.
    fn data_word(&self) -> *mut u8 {
        if self.t().is_direct_iface() {
            // SAFETY: ptr points to the pointer-shaped value.
            unsafe { *(self.ptr as *const *mut u8) }
        } else {
            self.ptr as *mut u8
        }
    }

    fn from_eface(e: &Eface) -> Val {
        // SAFETY: a valid non-nil interface.
        let direct = unsafe { (*e.typ).is_direct_iface() };
        let ptr = if direct { &e.data as *const *mut u8 as *const u8 } else { e.data as *const u8 };
        Val { typ: e.typ, ptr }
    }

    fn word(&self) -> usize {
        // SAFETY: callers use this only for pointer-shaped kinds and slices (first word).
        unsafe { *(self.ptr as *const usize) }
    }
}

#[derive(Clone, Copy, Default)]
struct Flags {
    wid: i64,
    prec: i64,
    wid_present: bool,
    prec_present: bool,
    minus: bool,
    plus: bool,
    sharp: bool,
    space: bool,
    zero: bool,
    plus_v: bool,
    sharp_v: bool,
}

thread_local! {
    /// Reached only by the non-inlined `take` and `give_back`: a printer may call Go methods
    /// (Stringer, Error) that switch goroutines, and its goroutine may resume on another thread,
    /// whose pool it must then use (see `sched::proc`'s thread-local slots).
    static POOL: RefCell<Vec<Vec<u8>>> = const { RefCell::new(Vec::new()) };
}

/// Go's `pp`.
pub struct Printer {
    buf: Vec<u8>,
    f: Flags,
    /// The current operand as an interface argument (Go's `p.arg`) ...
    arg: Option<Val>,
    /// ... or as a nested value (Go's `p.value`).
    value: Option<Val>,
    erroring: bool,
    panicking: bool,
    /// The value at depth 0 came from printArg (not from badVerb's printValue).
    top_is_arg: bool,
    reordered: bool,
    good_arg_num: bool,
    /// Errorf: `%w` is allowed.
    pub wrap_errs: bool,
    /// Errorf: the operand of the `%w` verb.
    pub wrapped_err: Option<Iface>,
    /// A panic raised while printing a panic value (Go re-raises it out of fmt). Printing stops;
    /// the fmt entry point re-raises it once the printer is dropped, so no Rust value with `Drop`
    /// lives in a frame the panic's resume skips.
    pub reraise: Option<Eface>,
}

impl Printer {
    /// A printer with an empty buffer taken from the thread's pool.
    #[inline(never)]
    pub fn take() -> Printer {
        let buf = POOL.with(|p| p.borrow_mut().pop()).unwrap_or_default();
        Printer {
            buf,
            f: Flags::default(),
            arg: None,
            value: None,
            erroring: false,
            panicking: false,
            top_is_arg: false,
            reordered: false,
            good_arg_num: true,
            wrap_errs: false,
            wrapped_err: None,
            reraise: None,
        }
    }

    /// Returns the buffer to the pool.
    #[inline(never)]
    pub fn give_back(mut self) {
        if self.buf.capacity() <= 64 * 1024 {
            self.buf.clear();
            let b = std::mem::take(&mut self.buf);
            POOL.with(|p| p.borrow_mut().push(b));
        }
    }

    /// The output so far.
    pub fn bytes(&self) -> &[u8] {
        &self.buf
    }

    // ----- format.go -----

    fn write_padding(&mut self, n: i64) {
        if n <= 0 {
            return;
        }
        let c = if self.f.zero { b'0' } else { b' ' };
        self.buf.extend(std::iter::repeat_n(c, n as usize));
    }

    fn pad(&mut self, b: &[u8]) {
        if !self.f.wid_present || self.f.wid == 0 {
            self.buf.extend_from_slice(b);
            return;
        }
        let width = self.f.wid - rune_count(b) as i64;
        if !self.f.minus {
            self.write_padding(width);
            self.buf.extend_from_slice(b);
        } else {
            self.buf.extend_from_slice(b);
            self.write_padding(width);
        }
    }

    fn fmt_boolean(&mut self, v: bool) {
        self.pad(if v { b"true" } else { b"false" });
    }

    fn fmt_unicode(&mut self, u: u64) {
        let mut prec = 4;
        if self.f.prec_present && self.f.prec > 4 {
            prec = self.f.prec as usize;
        }
        let mut hex = Vec::new();
        let mut x = u;
        loop {
            hex.push(UDIGITS[(x & 15) as usize]);
            x >>= 4;
            if x == 0 {
                break;
            }
        }
        while hex.len() < prec {
            hex.push(b'0');
        }
        hex.reverse();
        let mut out = b"U+".to_vec();
        out.extend_from_slice(&hex);
        if self.f.sharp && u <= 0x10FFFF && quote::is_print(u as i32) {
            out.extend_from_slice(b" '");
            encode_rune(u as i64, &mut out);
            out.push(b'\'');
        }
        let old = self.f.zero;
        self.f.zero = false;
        self.pad(&out);
        self.f.zero = old;
    }

    fn fmt_integer(&mut self, mut u: u64, base: u64, signed: bool, verb: u8, digits: &[u8; 17]) {
        let negative = signed && (u as i64) < 0;
        if negative {
            u = u.wrapping_neg();
        }
        let mut prec: i64 = 0;
        if self.f.prec_present {
            prec = self.f.prec;
            if prec == 0 && u == 0 {
                let old = self.f.zero;
                self.f.zero = false;
                let w = self.f.wid;
                self.write_padding(w);
                self.f.zero = old;
                return;
            }
        } else if self.f.zero && self.f.wid_present {
            prec = self.f.wid;
            if negative || self.f.plus || self.f.space {
                prec -= 1;
            }
        }
        let mut buf: Vec<u8> = Vec::with_capacity(24);
        loop {
            buf.push(digits[(u % base) as usize]);
            u /= base;
            if u == 0 {
                break;
            }
        }
        while (buf.len() as i64) < prec {
            buf.push(b'0');
        }
        if self.f.sharp {
            match base {
                2 => buf.extend_from_slice(b"b0"),
                8 => {
                    if buf.last() != Some(&b'0') {
                        buf.push(b'0');
                    }
                }
                16 => {
                    buf.push(digits[16]);
                    buf.push(b'0');
                }
                _ => {}
            }
        }
        if verb == b'O' {
            buf.extend_from_slice(b"o0");
        }
        if negative {
            buf.push(b'-');
        } else if self.f.plus {
            buf.push(b'+');
        } else if self.f.space {
            buf.push(b' ');
        }
        buf.reverse();
        let old = self.f.zero;
        self.f.zero = false;
        self.pad(&buf);
        self.f.zero = old;
    }

    fn truncate<'a>(&self, s: &'a [u8]) -> &'a [u8] {
        if self.f.prec_present {
            let mut n = self.f.prec;
            let mut i = 0;
            while i < s.len() {
                n -= 1;
                if n < 0 {
                    return &s[..i];
                }
                i += decode_rune(&s[i..]).1;
            }
        }
        s
    }

    fn fmt_s(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        self.pad(s);
    }

    fn fmt_sbx(&mut self, s: &[u8], digits: &[u8; 17]) {
        let mut length = s.len() as i64;
        if self.f.prec_present && self.f.prec < length {
            length = self.f.prec;
        }
        let mut width = 2 * length;
        if width > 0 {
            if self.f.space {
                if self.f.sharp {
                    width *= 2;
                }
                width += length - 1;
            } else if self.f.sharp {
                width += 2;
            }
        } else {
            if self.f.wid_present {
                let w = self.f.wid;
                self.write_padding(w);
            }
            return;
        }
        if self.f.wid_present && self.f.wid > width && !self.f.minus {
            self.write_padding(self.f.wid - width);
        }
        if self.f.sharp {
            self.buf.push(b'0');
            self.buf.push(digits[16]);
        }
        for (i, &c) in s[..length as usize].iter().enumerate() {
            if self.f.space && i > 0 {
                self.buf.push(b' ');
                if self.f.sharp {
                    self.buf.push(b'0');
                    self.buf.push(digits[16]);
                }
            }
            self.buf.push(digits[(c >> 4) as usize]);
            self.buf.push(digits[(c & 15) as usize]);
        }
        if self.f.wid_present && self.f.wid > width && self.f.minus {
            self.write_padding(self.f.wid - width);
        }
    }

    fn fmt_q(&mut self, s: &[u8]) {
        let s = self.truncate(s);
        if self.f.sharp && quote::can_backquote(s) {
            let mut v = Vec::with_capacity(s.len() + 2);
            v.push(b'`');
            v.extend_from_slice(s);
            v.push(b'`');
            self.pad(&v);
            return;
        }
        let mut v = Vec::with_capacity(s.len() + 2);
        quote::quote_into(&mut v, s, b'"', self.f.plus);
        self.pad(&v);
    }

    fn fmt_c(&mut self, c: u64) {
        let r = if c > 0x10FFFF { 0xFFFD } else { c as i64 };
        let mut v = Vec::new();
        encode_rune(r, &mut v);
        self.pad(&v);
    }

    fn fmt_qc(&mut self, c: u64) {
        let r = if c > 0x10FFFF { 0xFFFD } else { c as i64 };
        let mut v = Vec::new();
        quote::quote_rune_into(&mut v, r, self.f.plus);
        self.pad(&v);
    }

    fn fmt_0x64(&mut self, v: u64, leading0x: bool) {
        let sharp = self.f.sharp;
        self.f.sharp = leading0x;
        self.fmt_integer(v, 16, false, b'v', LDIGITS);
        self.f.sharp = sharp;
    }

    fn fmt_float_raw(&mut self, v: f64, size: u32, verb: u8, prec: i64) {
        let prec = if self.f.prec_present { self.f.prec } else { prec };
        let mut num = vec![b'+'];
        append_float(&mut num, v, verb, prec as i32, size);
        if num[1] == b'-' || num[1] == b'+' {
            num.remove(0);
        }
        if self.f.space && num[0] == b'+' && !self.f.plus {
            num[0] = b' ';
        }
        if num[1] == b'I' || num[1] == b'N' {
            let old = self.f.zero;
            self.f.zero = false;
            if num[1] == b'N' && !self.f.space && !self.f.plus {
                num.remove(0);
            }
            self.pad(&num);
            self.f.zero = old;
            return;
        }
        if self.f.sharp && verb != b'b' {
            let mut digits: i64 = 0;
            if matches!(verb, b'v' | b'g' | b'G' | b'x') {
                digits = prec;
                if digits == -1 {
                    digits = 6;
                }
            }
            let mut tail: Vec<u8> = Vec::new();
            let mut has_dp = false;
            let mut saw_nonzero = false;
            let mut i = 1;
            while i < num.len() {
                match num[i] {
                    b'.' => has_dp = true,
                    b'p' | b'P' => {
                        tail.extend_from_slice(&num[i..]);
                        num.truncate(i);
                        break;
                    }
                    // In %x/%X output 'e'/'E' are hex digits, not the exponent.
                    b'e' | b'E' if verb != b'x' && verb != b'X' => {
                        tail.extend_from_slice(&num[i..]);
                        num.truncate(i);
                        break;
                    }
                    c => {
                        if c != b'0' {
                            saw_nonzero = true;
                        }
                        if saw_nonzero {
                            digits -= 1;
                        }
                    }
                }
                i += 1;
            }
            if !has_dp {
                if num.len() == 2 && num[1] == b'0' {
                    digits -= 1;
                }
                num.push(b'.');
            }
            while digits > 0 {
                num.push(b'0');
                digits -= 1;
            }
            num.extend_from_slice(&tail);
        }
        if self.f.plus || num[0] != b'+' {
            if self.f.zero && self.f.wid_present && self.f.wid > num.len() as i64 {
                self.buf.push(num[0]);
                self.write_padding(self.f.wid - num.len() as i64);
                self.buf.extend_from_slice(&num[1..]);
                return;
            }
            self.pad(&num);
            return;
        }
        self.pad(&num[1..]);
    }

    // ----- print.go -----

    fn bad_verb(&mut self, verb: char) {
        self.erroring = true;
        self.buf.extend_from_slice(b"%!");
        self.push_char(verb);
        self.buf.push(b'(');
        if let Some(a) = self.arg {
            self.buf.extend_from_slice(name_of(a.t()).as_bytes());
            self.buf.push(b'=');
            self.print_arg_val(Some(a), 'v');
        } else if let Some(v) = self.value {
            self.buf.extend_from_slice(name_of(v.t()).as_bytes());
            self.buf.push(b'=');
            self.print_value(v, 'v', 0, true);
        } else {
            self.buf.extend_from_slice(b"<nil>");
        }
        self.buf.push(b')');
        self.erroring = false;
    }

    fn push_char(&mut self, c: char) {
        let mut b = [0u8; 4];
        self.buf.extend_from_slice(c.encode_utf8(&mut b).as_bytes());
    }

    fn fmt_bool(&mut self, v: bool, verb: char) {
        match verb {
            't' | 'v' => self.fmt_boolean(v),
            _ => self.bad_verb(verb),
        }
    }

    fn fmt_int(&mut self, v: u64, signed: bool, verb: char) {
        match verb {
            'v' => {
                if self.f.sharp_v && !signed {
                    self.fmt_0x64(v, true)
                } else {
                    self.fmt_integer(v, 10, signed, b'v', LDIGITS)
                }
            }
            'd' => self.fmt_integer(v, 10, signed, b'd', LDIGITS),
            'b' => self.fmt_integer(v, 2, signed, b'b', LDIGITS),
            'o' | 'O' => self.fmt_integer(v, 8, signed, verb as u8, LDIGITS),
            'x' => self.fmt_integer(v, 16, signed, b'x', LDIGITS),
            'X' => self.fmt_integer(v, 16, signed, b'X', UDIGITS),
            'c' => self.fmt_c(v),
            'q' => self.fmt_qc(v),
            'U' => self.fmt_unicode(v),
            _ => self.bad_verb(verb),
        }
    }

    fn fmt_float(&mut self, v: f64, size: u32, verb: char) {
        match verb {
            'v' => self.fmt_float_raw(v, size, b'g', -1),
            'b' | 'g' | 'G' | 'x' | 'X' => self.fmt_float_raw(v, size, verb as u8, -1),
            'f' | 'e' | 'E' => self.fmt_float_raw(v, size, verb as u8, 6),
            'F' => self.fmt_float_raw(v, size, b'f', 6),
            _ => self.bad_verb(verb),
        }
    }

    /// Go's `fmtComplex`: `(re+imi)`, the imaginary part always signed.
    fn fmt_complex(&mut self, re: f64, im: f64, size: u32, verb: char) {
        match verb {
            'v' | 'b' | 'g' | 'G' | 'x' | 'X' | 'f' | 'F' | 'e' | 'E' => {
                let old_plus = self.f.plus;
                self.buf.push(b'(');
                self.fmt_float(re, size / 2, verb);
                self.f.plus = true;
                self.fmt_float(im, size / 2, verb);
                self.buf.extend_from_slice(b"i)");
                self.f.plus = old_plus;
            }
            _ => self.bad_verb(verb),
        }
    }

    fn fmt_string(&mut self, s: &[u8], verb: char) {
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.fmt_q(s)
                } else {
                    self.fmt_s(s)
                }
            }
            's' => self.fmt_s(s),
            'x' => self.fmt_sbx(s, LDIGITS),
            'X' => self.fmt_sbx(s, UDIGITS),
            'q' => self.fmt_q(s),
            _ => self.bad_verb(verb),
        }
    }

    fn fmt_bytes(&mut self, v: Val, b: &[u8], is_nil: bool, verb: char, depth: usize) {
        match verb {
            'v' | 'd' => {
                if self.f.sharp_v {
                    self.buf.extend_from_slice(name_of(v.t()).as_bytes());
                    if is_nil {
                        self.buf.extend_from_slice(b"(nil)");
                        return;
                    }
                    self.buf.push(b'{');
                    for (i, &c) in b.iter().enumerate() {
                        if i > 0 {
                            self.buf.extend_from_slice(b", ");
                        }
                        self.fmt_0x64(c as u64, true);
                    }
                    self.buf.push(b'}');
                } else {
                    self.buf.push(b'[');
                    for (i, &c) in b.iter().enumerate() {
                        if i > 0 {
                            self.buf.push(b' ');
                        }
                        self.fmt_integer(c as u64, 10, false, verb as u8, LDIGITS);
                    }
                    self.buf.push(b']');
                }
            }
            's' => {
                let s = self.truncate(b);
                self.pad(s);
            }
            'x' => self.fmt_sbx(b, LDIGITS),
            'X' => self.fmt_sbx(b, UDIGITS),
            'q' => self.fmt_q(b),
            _ => self.print_elems(v, verb, depth, true),
        }
    }

    fn fmt_pointer(&mut self, v: Val, verb: char) {
        let u = match v.t().kind() {
            Kind::Chan | Kind::Map | Kind::Pointer | Kind::Slice | Kind::UnsafePointer => v.word(),
            Kind::Func => {
                let c = v.word();
                // SAFETY: a non-nil func value points to a closure whose first word is the code.
                if c == 0 { 0 } else { unsafe { *(c as *const usize) } }
            }
            _ => {
                self.bad_verb(verb);
                return;
            }
        };
        match verb {
            'v' => {
                if self.f.sharp_v {
                    self.buf.push(b'(');
                    self.buf.extend_from_slice(name_of(v.t()).as_bytes());
                    self.buf.extend_from_slice(b")(");
                    if u == 0 {
                        self.buf.extend_from_slice(b"nil");
                    } else {
                        self.fmt_0x64(u as u64, true);
                    }
                    self.buf.push(b')');
                } else if u == 0 {
                    self.pad(b"<nil>");
                } else {
                    let s = !self.f.sharp;
                    self.fmt_0x64(u as u64, s);
                }
            }
            'p' => {
                let s = !self.f.sharp;
                self.fmt_0x64(u as u64, s)
            }
            'b' | 'o' | 'd' | 'x' | 'X' => self.fmt_int(u as u64, false, verb),
            _ => self.bad_verb(verb),
        }
    }

    /// Go's `handleMethods`: Error()/String() for %v %s %x %X %q, and %w in Errorf.
    fn handle_methods(&mut self, v: Val, mut verb: char) -> bool {
        if self.erroring {
            return false;
        }
        let t = v.t();
        // SAFETY: t is a valid descriptor.
        let err_m = unsafe { gocall::find_method(t, b"Error") }.filter(|m| gocall::sig_is(&m, b"func() string"));
        if verb == 'w' {
            if err_m.is_none() || !self.wrap_errs || self.wrapped_err.is_some() {
                self.wrapped_err = None;
                self.wrap_errs = false;
                self.bad_verb(verb);
                return true;
            }
            // SAFETY: valid descriptors.
            let tab = unsafe { crate::iface::gort_getitab(crate::errors::error_interface_desc(), v.typ) };
            self.wrapped_err = Some(Iface { tab, data: v.data_word() });
            verb = 'v';
        }
        if self.f.sharp_v || !matches!(verb, 'v' | 's' | 'x' | 'X' | 'q') {
            return false;
        }
        let (m, what) = match err_m {
            Some(m) => (m, "Error"),
            None => {
                // SAFETY: as above.
                match unsafe { gocall::find_method(t, b"String") }.filter(|m| gocall::sig_is(&m, b"func() string")) {
                    Some(m) => (m, "String"),
                    None => return false,
                }
            }
        };
        // SAFETY: m belongs to t; the data word is a valid receiver.
        match unsafe { gocall::call_string_method(v.typ, &m, v.data_word(), true) } {
            CallResult::Ok(s) => {
                // SAFETY: methods return valid Go strings.
                let b = unsafe { bytes(s.ptr, s.len) };
                self.fmt_string(b, verb);
            }
            CallResult::Panicked(pv) => self.catch_panic(v, verb, what, pv),
        }
        true
    }

    fn catch_panic(&mut self, v: Val, verb: char, method: &str, pv: Eface) {
        if v.t().kind() == Kind::Pointer && v.word() == 0 {
            self.fmt_s(b"<nil>");
            return;
        }
        if self.panicking {
            // A panic while printing a panic value: re-raised by the entry point, like Go.
            self.reraise.get_or_insert(pv);
            return;
        }
        let old = self.f;
        self.f = Flags::default();
        self.buf.extend_from_slice(b"%!");
        self.push_char(verb);
        self.buf.extend_from_slice(b"(PANIC=");
        self.buf.extend_from_slice(method.as_bytes());
        self.buf.extend_from_slice(b" method: ");
        self.panicking = true;
        self.print_arg(&pv, 'v');
        self.panicking = false;
        self.buf.push(b')');
        self.f = old;
    }

    /// Go's `printArg` for an interface argument.
    pub fn print_arg(&mut self, e: &Eface, verb: char) {
        if self.reraise.is_some() {
            return;
        }
        let v = if e.typ.is_null() { None } else { Some(Val::from_eface(e)) };
        self.print_arg_val(v, verb);
    }

    fn print_arg_val(&mut self, v: Option<Val>, verb: char) {
        self.arg = v;
        self.value = None;
        let Some(v) = v else {
            match verb {
                'T' | 'v' => self.pad(b"<nil>"),
                _ => self.bad_verb(verb),
            }
            return;
        };
        match verb {
            'T' => {
                let n = name_of(v.t());
                self.fmt_s(n.as_bytes());
                return;
            }
            'p' => {
                self.fmt_pointer(v, 'p');
                return;
            }
            _ => {}
        }
        if v.t().methods().len() > 0 && self.handle_methods(v, verb) {
            return;
        }
        if verb == 'w' {
            // %w on a value without methods.
            self.handle_methods(v, verb);
            return;
        }
        self.top_is_arg = true;
        self.print_value(v, verb, 0, true);
        self.top_is_arg = false;
    }

    fn print_elems(&mut self, v: Val, verb: char, depth: usize, exported: bool) {
        let t = v.t();
        // SAFETY: element type valid.
        let e = t.elem();
        let (base, n, is_nil) = if t.kind() == Kind::Array {
            (v.ptr, t.len(), false)
        } else {
            // SAFETY: v points to a slice header.
            let s = unsafe { &*(v.ptr as *const GoSlice) };
            (s.ptr as *const u8, s.len.max(0) as usize, s.ptr.is_null())
        };
        if self.f.sharp_v {
            let name = name_of(t);
            // printArg's `case []byte` names the unnamed byte slice type "[]byte".
            let name = if depth == 0 && self.arg.is_none() && self.top_is_arg && name == "[]uint8" { "[]byte".to_string() } else { name };
            self.buf.extend_from_slice(name.as_bytes());
            if t.kind() == Kind::Slice && is_nil {
                self.buf.extend_from_slice(b"(nil)");
                return;
            }
            self.buf.push(b'{');
            for i in 0..n {
                if i > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                // SAFETY: i < n elements.
                let ev = Val { typ: e, ptr: unsafe { base.add(i * e.size()) } };
                self.print_value(ev, verb, depth + 1, exported);
            }
            self.buf.push(b'}');
        } else {
            self.buf.push(b'[');
            for i in 0..n {
                if i > 0 {
                    self.buf.push(b' ');
                }
                // SAFETY: i < n elements.
                let ev = Val { typ: e, ptr: unsafe { base.add(i * e.size()) } };
                self.print_value(ev, verb, depth + 1, exported);
            }
            self.buf.push(b']');
        }
    }

    /// Go's `printValue`. `exported` is `CanInterface()` (false for unexported struct fields).
    fn print_value(&mut self, v: Val, verb: char, depth: usize, exported: bool) {
        if depth > 0 && exported && v.t().methods().len() > 0 {
            self.arg = Some(v);
            self.value = None;
            if self.handle_methods(v, verb) {
                return;
            }
        }
        self.arg = None;
        self.value = Some(v);
        let t = v.t();
        // SAFETY: v.ptr points to a value of type t; all derived pointers stay inside it or follow
        // its pointers/headers.
        unsafe {
            match t.kind() {
                Kind::Bool => self.fmt_bool(*v.ptr != 0, verb),
                Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => {
                    self.fmt_int(load_int(t.kind(), v.ptr) as u64, true, verb)
                }
                Kind::Uint | Kind::Uint8 | Kind::Uint16 | Kind::Uint32 | Kind::Uint64 | Kind::Uintptr => {
                    self.fmt_int(load_uint(t.kind(), v.ptr), false, verb)
                }
                Kind::Float32 => self.fmt_float(*(v.ptr as *const f32) as f64, 32, verb),
                Kind::Float64 => self.fmt_float(*(v.ptr as *const f64), 64, verb),
                Kind::Complex64 => {
                    let c = *(v.ptr as *const [f32; 2]);
                    self.fmt_complex(c[0] as f64, c[1] as f64, 64, verb)
                }
                Kind::Complex128 => {
                    let c = *(v.ptr as *const [f64; 2]);
                    self.fmt_complex(c[0], c[1], 128, verb)
                }
                Kind::String => {
                    let s = &*(v.ptr as *const GoString);
                    self.fmt_string(bytes(s.ptr, s.len), verb)
                }
                Kind::Map => {
                    let m = v.word() as *const crate::map::GoMap;
                    if self.f.sharp_v {
                        self.buf.extend_from_slice(name_of(t).as_bytes());
                        if m.is_null() {
                            self.buf.extend_from_slice(b"(nil)");
                            return;
                        }
                        self.buf.push(b'{');
                    } else {
                        self.buf.extend_from_slice(b"map[");
                    }
                    let mut es = crate::map::entries(m);
                    let (kt, vt) = (t.key(), t.elem());
                    sort_entries(kt, &mut es);
                    for (i, (k, val)) in es.iter().enumerate() {
                        if i > 0 {
                            if self.f.sharp_v {
                                self.buf.extend_from_slice(b", ");
                            } else {
                                self.buf.push(b' ');
                            }
                        }
                        self.print_value(Val { typ: kt, ptr: *k }, verb, depth + 1, exported);
                        self.buf.push(b':');
                        self.print_value(Val { typ: vt, ptr: *val }, verb, depth + 1, exported);
                    }
                    self.buf.push(if self.f.sharp_v { b'}' } else { b']' });
                }
                Kind::Struct => {
                    if self.f.sharp_v {
                        self.buf.extend_from_slice(name_of(t).as_bytes());
                    }
                    self.buf.push(b'{');
                    let fields = t.fields();
                    for (i, f) in fields.iter().enumerate() {
                        if i > 0 {
                            if self.f.sharp_v {
                                self.buf.extend_from_slice(b", ");
                            } else {
                                self.buf.push(b' ');
                            }
                        }
                        let name = f.name.name();
                        if (self.f.plus_v || self.f.sharp_v) && !name.is_empty() {
                            self.buf.extend_from_slice(name);
                            self.buf.push(b':');
                        }
                        let exp = name.first().is_some_and(|c| c.is_ascii_uppercase())
                            || (name.first().is_some_and(|&c| c >= 0x80) && {
                                let (r, _) = decode_rune(name);
                                char::from_u32(r as u32).is_some_and(|c| c.is_uppercase())
                            });
                        self.print_value(Val { typ: f.typ, ptr: v.ptr.add(f.offset) }, verb, depth + 1, exp && exported);
                    }
                    self.buf.push(b'}');
                }
                Kind::Interface => {
                    let dt = crate::hash::iface_dyn_type(t, v.ptr);
                    if dt.is_null() {
                        if self.f.sharp_v {
                            self.buf.extend_from_slice(name_of(t).as_bytes());
                            self.buf.extend_from_slice(b"(nil)");
                        } else {
                            self.buf.extend_from_slice(b"<nil>");
                        }
                    } else {
                        let data_slot = v.ptr.add(8);
                        let ptr = if (*dt).is_direct_iface() { data_slot } else { *(data_slot as *const *const u8) };
                        self.print_value(Val { typ: dt, ptr }, verb, depth + 1, exported);
                    }
                }
                Kind::Array | Kind::Slice => {
                    if matches!(verb, 's' | 'q' | 'x' | 'X' | 'v' | 'd') && t.elem().kind() == Kind::Uint8 {
                        let (b, is_nil) = if t.kind() == Kind::Array {
                            (std::slice::from_raw_parts(v.ptr, t.len()), false)
                        } else {
                            let s = &*(v.ptr as *const GoSlice);
                            (bytes(s.ptr, s.len), s.ptr.is_null())
                        };
                        if matches!(verb, 's' | 'q' | 'x' | 'X') {
                            self.fmt_bytes(v, b, is_nil, verb, depth);
                            return;
                        }
                    }
                    self.print_elems(v, verb, depth, exported);
                }
                Kind::Pointer => {
                    let p = v.word();
                    if depth == 0 && p != 0 {
                        let e = t.elem();
                        if matches!(e.kind(), Kind::Array | Kind::Slice | Kind::Struct | Kind::Map) {
                            self.buf.push(b'&');
                            self.print_value(Val { typ: e, ptr: p as *const u8 }, verb, depth + 1, exported);
                            return;
                        }
                    }
                    self.fmt_pointer(v, verb);
                }
                Kind::Chan | Kind::Func | Kind::UnsafePointer => self.fmt_pointer(v, verb),
                _ => {
                    self.buf.extend_from_slice(b"?");
                    self.buf.extend_from_slice(name_of(t).as_bytes());
                    self.buf.push(b'?');
                }
            }
        }
    }

    fn clear_flags(&mut self) {
        self.f = Flags::default();
    }

    /// `Print`: spaces between operands when neither side is a string.
    pub fn do_print(&mut self, a: &[Eface]) {
        let mut prev_string = false;
        for (i, arg) in a.iter().enumerate() {
            // SAFETY: non-null dynamic types are valid.
            let is_string = !arg.typ.is_null() && unsafe { (*arg.typ).kind() } == Kind::String;
            if i > 0 && !is_string && !prev_string {
                self.buf.push(b' ');
            }
            self.print_arg(arg, 'v');
            prev_string = is_string;
        }
    }

    /// `Println`: spaces between all operands, newline at the end.
    pub fn do_println(&mut self, a: &[Eface]) {
        for (i, arg) in a.iter().enumerate() {
            if i > 0 {
                self.buf.push(b' ');
            }
            self.print_arg(arg, 'v');
        }
        self.buf.push(b'\n');
    }

    fn arg_number(&mut self, arg_num: usize, format: &[u8], i: usize, num_args: usize) -> (usize, usize, bool) {
        if format.len() <= i || format[i] != b'[' {
            return (arg_num, i, false);
        }
        self.reordered = true;
        let (index, wid, ok) = parse_arg_number(&format[i..]);
        if ok && index >= 0 && (index as usize) < num_args {
            return (index as usize, i + wid, true);
        }
        self.good_arg_num = false;
        (arg_num, i + wid, ok)
    }

    /// `Printf`.
    pub fn do_printf(&mut self, format: &[u8], a: &[Eface]) {
        let end = format.len();
        let mut arg_num = 0usize;
        let mut after_index;
        self.reordered = false;
        let mut i = 0usize;
        'format_loop: while i < end {
            self.good_arg_num = true;
            let lasti = i;
            while i < end && format[i] != b'%' {
                i += 1;
            }
            if i > lasti {
                self.buf.extend_from_slice(&format[lasti..i]);
            }
            if i >= end {
                break;
            }
            i += 1;
            self.clear_flags();
            while i < end {
                let c = format[i];
                match c {
                    b'#' => self.f.sharp = true,
                    b'0' => self.f.zero = !self.f.minus,
                    b'+' => self.f.plus = true,
                    b'-' => {
                        self.f.minus = true;
                        self.f.zero = false;
                    }
                    b' ' => self.f.space = true,
                    _ => {
                        if c.is_ascii_lowercase() && arg_num < a.len() {
                            if c == b'v' {
                                self.f.sharp_v = self.f.sharp;
                                self.f.sharp = false;
                                self.f.plus_v = self.f.plus;
                                self.f.plus = false;
                            }
                            self.print_arg(&a[arg_num], c as char);
                            arg_num += 1;
                            i += 1;
                            continue 'format_loop;
                        }
                        break;
                    }
                }
                i += 1;
            }
            (arg_num, i, after_index) = self.arg_number(arg_num, format, i, a.len());
            if i < end && format[i] == b'*' {
                i += 1;
                let (n, ok, na) = int_from_arg(a, arg_num);
                self.f.wid = n;
                self.f.wid_present = ok;
                arg_num = na;
                if !ok {
                    self.buf.extend_from_slice(b"%!(BADWIDTH)");
                }
                if self.f.wid < 0 {
                    self.f.wid = -self.f.wid;
                    self.f.minus = true;
                    self.f.zero = false;
                }
                after_index = false;
            } else {
                let (n, ok, ni) = parsenum(format, i, end);
                self.f.wid = n;
                self.f.wid_present = ok;
                i = ni;
                if after_index && self.f.wid_present {
                    self.good_arg_num = false;
                }
            }
            if i + 1 < end && format[i] == b'.' {
                i += 1;
                if after_index {
                    self.good_arg_num = false;
                }
                (arg_num, i, after_index) = self.arg_number(arg_num, format, i, a.len());
                if i < end && format[i] == b'*' {
                    i += 1;
                    let (n, ok, na) = int_from_arg(a, arg_num);
                    self.f.prec = n;
                    self.f.prec_present = ok;
                    arg_num = na;
                    if self.f.prec < 0 {
                        self.f.prec = 0;
                        self.f.prec_present = false;
                    }
                    if !self.f.prec_present {
                        self.buf.extend_from_slice(b"%!(BADPREC)");
                    }
                    after_index = false;
                } else {
                    let (n, ok, ni) = parsenum(format, i, end);
                    self.f.prec = n;
                    self.f.prec_present = ok;
                    i = ni;
                    if !self.f.prec_present {
                        self.f.prec = 0;
                        self.f.prec_present = true;
                    }
                }
            }
            if !after_index {
                (arg_num, i, _) = self.arg_number(arg_num, format, i, a.len());
            }
            if i >= end {
                self.buf.extend_from_slice(b"%!(NOVERB)");
                break;
            }
            let (r, size) = if format[i] < 0x80 { (format[i] as i32, 1) } else { decode_rune(&format[i..]) };
            let verb = char::from_u32(r as u32).unwrap_or('\u{FFFD}');
            i += size;
            if verb == '%' {
                self.buf.push(b'%');
            } else if !self.good_arg_num {
                self.buf.extend_from_slice(b"%!");
                self.push_char(verb);
                self.buf.extend_from_slice(b"(BADINDEX)");
            } else if arg_num >= a.len() {
                self.buf.extend_from_slice(b"%!");
                self.push_char(verb);
                self.buf.extend_from_slice(b"(MISSING)");
            } else {
                if verb == 'v' {
                    self.f.sharp_v = self.f.sharp;
                    self.f.sharp = false;
                    self.f.plus_v = self.f.plus;
                    self.f.plus = false;
                }
                self.print_arg(&a[arg_num], verb);
                arg_num += 1;
            }
        }
        if !self.reordered && arg_num < a.len() {
            self.clear_flags();
            self.buf.extend_from_slice(b"%!(EXTRA ");
            for (k, arg) in a[arg_num..].iter().enumerate() {
                if k > 0 {
                    self.buf.extend_from_slice(b", ");
                }
                if arg.typ.is_null() {
                    self.buf.extend_from_slice(b"<nil>");
                } else {
                    // SAFETY: valid dynamic type.
                    self.buf.extend_from_slice(name_of(unsafe { &*arg.typ }).as_bytes());
                    self.buf.push(b'=');
                    self.print_arg(arg, 'v');
                }
            }
            self.buf.push(b')');
        }
    }
}

fn too_large(x: i64) -> bool {
    !(-1_000_000..=1_000_000).contains(&x)
}

fn parsenum(s: &[u8], start: usize, end: usize) -> (i64, bool, usize) {
    if start >= end {
        return (0, false, end);
    }
    let (mut num, mut isnum, mut i) = (0i64, false, start);
    while i < end && s[i].is_ascii_digit() {
        if too_large(num) {
            return (0, false, end);
        }
        num = num * 10 + (s[i] - b'0') as i64;
        isnum = true;
        i += 1;
    }
    (num, isnum, i)
}

fn parse_arg_number(format: &[u8]) -> (i64, usize, bool) {
    if format.len() < 3 {
        return (0, 1, false);
    }
    for i in 1..format.len() {
        if format[i] == b']' {
            let (width, ok, newi) = parsenum(format, 1, i);
            if !ok || newi != i {
                return (0, i + 1, false);
            }
            return (width - 1, i + 1, true);
        }
    }
    (0, 1, false)
}

fn int_from_arg(a: &[Eface], arg_num: usize) -> (i64, bool, usize) {
    if arg_num >= a.len() {
        return (0, false, arg_num);
    }
    let e = &a[arg_num];
    let mut num = 0i64;
    let mut is_int = false;
    if !e.typ.is_null() {
        let v = Val::from_eface(e);
        let k = v.t().kind();
        // SAFETY: v points to a value of kind k.
        unsafe {
            match k {
                Kind::Int | Kind::Int8 | Kind::Int16 | Kind::Int32 | Kind::Int64 => {
                    num = load_int(k, v.ptr);
                    is_int = true;
                }
                Kind::Uint | Kind::Uint8 | Kind::Uint16 | Kind::Uint32 | Kind::Uint64 | Kind::Uintptr => {
                    let u = load_uint(k, v.ptr);
                    if (u as i64) >= 0 {
                        num = u as i64;
                        is_int = true;
                    }
                }
                _ => {}
            }
        }
    }
    if too_large(num) {
        num = 0;
        is_int = false;
    }
    (num, is_int, arg_num + 1)
}
