#!/usr/bin/env python3
"""Fault sweep: runtime errors of every kind x operand type and width, compared with real Go.

Generates Go programs that provoke runtime faults (index and slice bounds with every integer type
and out-of-range values, nil maps/pointers/funcs, division, shifts, conversions, type assertions,
make with bad or huge sizes, uncomparable interface comparison and hashing, struct/array equality
with interface fields, float->int edge values, panics of every basic value type, big frames and
big allocations, panics while printing a panic value, float formatting verbs), runs each with `go build` + the binary and with `gojit run`, and compares stdout,
exit status and the stable stderr lines (see `stable_stderr`).

Most programs hold many cases, each recovered and printed (`fmt.Println(name, recover())`), so
the sweep stays fast; one program per fault kind also crashes unrecovered to pin the crash report.

    python3 tests/faultsweep/sweep.py [--gojit target/release/gojit] [--keep DIR] [--only SUBSTR]

Prints one line per differing program and a summary `faultsweep: P programs (C cases), D differ`.
Exit status 1 when anything differs. Needs `go` on PATH (the reference, Go 1.27.3).
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile

SIGNED = ["int", "int8", "int16", "int32", "int64"]
UNSIGNED = ["uint", "uint8", "uint16", "uint32", "uint64", "uintptr"]
INTS = SIGNED + UNSIGNED
BITS = {"int": 64, "int8": 8, "int16": 16, "int32": 32, "int64": 64, "uint": 64, "uint8": 8,
        "uint16": 16, "uint32": 32, "uint64": 64, "uintptr": 64}

HEADER = """package main

import "fmt"

func try(name string, f func()) {
\tdefer func() {
\t\tfmt.Println(name, recover())
\t}()
\tf()
}

"""


def int_values(t):
    """Out-of-range (and in-range) index values of type t, as Go expressions."""
    b = BITS[t]
    if t in SIGNED:
        vs = ["-1", "3", "4", str(2 ** (b - 1) - 1), "-" + str(2 ** (b - 1))]
    else:
        vs = ["3", "4", str(2 ** b - 1), str(2 ** (b - 1))]
    return vs


class Prog:
    def __init__(self, name):
        self.name = name
        self.decls = []
        self.cases = []

    def case(self, body):
        n = len(self.cases)
        self.cases.append(f'\ttry("{self.name}#{n}", func() {{\n{body}\n\t}})')

    def source(self):
        return HEADER + "\n".join(self.decls) + "\n\nfunc main() {\n" + "\n".join(self.cases) + "\n}\n"


def index_progs():
    for cont in ["slice", "array", "string", "ptrarray"]:
        p = Prog(f"index_{cont}")
        for t in INTS:
            for v in int_values(t):
                setup = {
                    "slice": "\t\ts := []int{1, 2, 3}",
                    "array": "\t\tvar s [3]int",
                    "string": '\t\ts := "abc"',
                    "ptrarray": "\t\ts := &[3]int{1, 2, 3}",
                }[cont]
                p.case(f"{setup}\n\t\tvar i {t} = {v}\n\t\tfmt.Println(s[i])")
                if cont != "string":
                    p.case(f"{setup}\n\t\tvar i {t} = {v}\n\t\ts[i] = 9")
        yield p


def slice_progs():
    conts = {
        "slice": "\t\ts := make([]int, 3, 5)",
        "array": "\t\tvar s [3]int",
        "string": '\t\ts := "abc"',
        "ptrarray": "\t\ts := &[3]int{1, 2, 3}",
    }
    for cont, setup in conts.items():
        p = Prog(f"slice_{cont}")
        for t in INTS:
            vals = ["-1", "2", "4", "6", str(2 ** BITS[t] - 1) if t in UNSIGNED else str(2 ** (BITS[t] - 1) - 1)]
            if t in UNSIGNED:
                vals = [v for v in vals if v != "-1"]
            for v in vals:
                forms = ["s[i:]", "s[:i]", "s[i:1]", "s[1:i]"]
                if cont != "string":
                    forms += ["s[:i:i]", "s[i:2:3]", "s[1:i:3]", "s[0:1:i]", "s[:2:i]"]
                for f in forms:
                    p.case(f"{setup}\n\t\tvar i {t} = {v}\n\t\tx := {f}\n\t\tfmt.Println(len(x), cap(x))" if cont != "string"
                           else f"{setup}\n\t\tvar i {t} = {v}\n\t\tx := {f}\n\t\tfmt.Println(len(x))")
        yield p


def nil_progs():
    p = Prog("nil")
    p.decls.append("type T struct{ a, b int }\n\nfunc (t *T) M() int { return t.a }\n\nfunc (t T) V() int { return t.b }\n\ntype I interface{ M() int }")
    p.case("\t\tvar m map[string]int\n\t\tm[\"a\"] = 1")
    p.case("\t\tvar m map[string]int\n\t\tfmt.Println(m[\"a\"], len(m))\n\t\tdelete(m, \"a\")")
    p.case("\t\tvar q *T\n\t\tfmt.Println(q.a)")
    p.case("\t\tvar q *T\n\t\tq.b = 1")
    p.case("\t\tvar q *T\n\t\tfmt.Println(q.M())")
    p.case("\t\tvar q *T\n\t\tfmt.Println(q.V())")
    p.case("\t\tvar q *T\n\t\tf := q.V\n\t\tfmt.Println(f())")
    p.case("\t\tvar f func() int\n\t\tfmt.Println(f())")
    p.case("\t\tvar i I\n\t\tfmt.Println(i.M())")
    p.case("\t\tvar i I = (*T)(nil)\n\t\tfmt.Println(i.M())")
    p.case("\t\tvar s []int\n\t\tfmt.Println(s[0])")
    p.case("\t\tvar a *[3]int\n\t\tfmt.Println(len(a))\n\t\tfmt.Println(a[1])")
    p.case("\t\tvar a *[3]int\n\t\tfor i := range a {\n\t\t\tfmt.Println(i)\n\t\t}\n\t\tfor i, v := range a {\n\t\t\tfmt.Println(i, v)\n\t\t}")
    p.case("\t\tvar a *[3]int\n\t\tx := a[:]\n\t\tfmt.Println(len(x))")
    p.case("\t\tvar p *int\n\t\t*p = 1")
    p.case("\t\tvar p **int\n\t\tfmt.Println(*p)")
    p.case("\t\tvar p *[1 << 20]byte\n\t\tfmt.Println(p[1<<19])")
    p.case("\t\tvar p *struct{ a [1 << 16]byte; b int }\n\t\tfmt.Println(p.b)")
    yield p


def arith_progs():
    p = Prog("divide")
    for t in INTS:
        p.case(f"\t\tvar x, y {t} = 7, 0\n\t\tfmt.Println(x / y)")
        p.case(f"\t\tvar x, y {t} = 7, 0\n\t\tfmt.Println(x % y)")
        p.case(f"\t\tvar x, y {t} = 7, 0\n\t\tx /= y\n\t\tfmt.Println(x)")
        if t in SIGNED:
            m = "-" + str(2 ** (BITS[t] - 1))
            p.case(f"\t\tvar x, y {t} = {m}, -1\n\t\tfmt.Println(x / y, x % y)")
    yield p
    p = Prog("shift")
    for t in INTS:
        for c in INTS:
            v = "-1" if c in SIGNED else "200"
            p.case(f"\t\tvar x {t} = 5\n\t\tvar c {c} = {v}\n\t\tfmt.Println(x << c, x >> c)")
        p.case(f"\t\tvar x {t} = 1\n\t\tvar c int = 70\n\t\tfmt.Println(x<<c, ^x>>c, x<<(c-{BITS[t]}+1))")
    yield p


def convert_progs():
    p = Prog("convert")
    for n in [0, 2, 3, 5]:
        p.case(f"\t\ts := make([]int, {n})\n\t\ta := [3]int(s)\n\t\tfmt.Println(a)")
        p.case(f"\t\ts := make([]int, {n})\n\t\ta := (*[3]int)(s)\n\t\tfmt.Println(a[0])")
    p.case("\t\tvar s []int\n\t\ta := (*[0]int)(s)\n\t\tfmt.Println(a == nil)")
    floats = ["zero / zero", "1 / zero", "-1 / zero", "-1.5", "1e20", "-1e20", "9223372036854775808.0",
              "18446744073709551616.0", "300.7", "-129.5", "4294967296.5", "-2147483649.0", "2147483648.0",
              "-0.9", "1.8446744073709552e19", "-9223372036854777856.0", "2147483903.5", "-32768.5", "-2147483648.5"]
    for f in floats:
        for t in INTS:
            p.case(f"\t\tzero := 0.0\n\t\t_ = zero\n\t\tf := {f}\n\t\tg := float32(f)\n\t\tfmt.Println({t}(f), {t}(g))")
    yield p


def assert_progs():
    p = Prog("assert")
    p.decls.append("type T struct{ a int }\n\nfunc (T) M() {}\n\ntype I interface{ M() }\n\ntype J interface{ N() }\n\ntype E struct{}\n\nfunc (E) Error() string { return \"E\" }")
    p.case("\t\tvar x interface{} = 1\n\t\tfmt.Println(x.(string))")
    p.case("\t\tvar x interface{}\n\t\tfmt.Println(x.(int))")
    p.case("\t\tvar x interface{} = T{}\n\t\tfmt.Println(x.(J))")
    p.case("\t\tvar x I = T{}\n\t\tfmt.Println(x.(J))")
    p.case("\t\tvar x I\n\t\tfmt.Println(x.(T))")
    p.case("\t\tvar x I = T{}\n\t\tfmt.Println(x.(*T))")
    p.case("\t\tvar x interface{} = int8(1)\n\t\tfmt.Println(x.(uint8))")
    p.case("\t\tvar x error = E{}\n\t\tfmt.Println(x.(I))")
    p.case("\t\tvar x interface{} = []int{}\n\t\tfmt.Println(x.(map[int]int))")
    yield p


def make_progs():
    p = Prog("make")
    for t in INTS:
        vals = ["-1", "1 << 40"] if t in SIGNED else ["1 << 40", str(2 ** BITS[t] - 1)]
        for v in vals:
            if BITS[t] < 64 and v == "1 << 40":
                continue
            p.case(f"\t\tvar n {t} = {v}\n\t\ts := make([]int64, n)\n\t\tfmt.Println(len(s))")
            p.case(f"\t\tvar n {t} = {v}\n\t\ts := make([]byte, 0, n)\n\t\tfmt.Println(cap(s))")
            p.case(f"\t\tvar n {t} = {v}\n\t\tm := make(map[int]int, n)\n\t\tm[1] = 2\n\t\tfmt.Println(len(m))")
    p.case("\t\tn := 5\n\t\ts := make([]int, n, n-1)\n\t\tfmt.Println(len(s))")
    p.case("\t\tn := 1 << 62\n\t\tm := make(map[int]int, n)\n\t\tm[1] = 2\n\t\tfmt.Println(len(m), m[1])")
    p.case("\t\tn := 1 << 50\n\t\ts := make([]byte, n)\n\t\tfmt.Println(len(s))")
    p.case("\t\tn := 1 << 45\n\t\ts := make([]struct{ a, b int64 }, n)\n\t\tfmt.Println(len(s))")
    p.case("\t\ts := make([]int, 3)\n\t\tn := -1\n\t\ts = append(s, make([]int, 2, 2)...)\n\t\tfmt.Println(len(s), n)")
    p.case("\t\tvar s []struct{}\n\t\tn := 1 << 62\n\t\ts = make([]struct{}, n)\n\t\tfmt.Println(len(s))")
    yield p


def compare_progs():
    p = Prog("compare")
    p.decls.append("type S struct{ a, b interface{} }\n\ntype K struct {\n\tn int\n\tx interface{}\n}")
    p.case("\t\tfmt.Println(S{1, []int{}} == S{2, []int{}})")
    p.case("\t\tfmt.Println(S{1, []int{}} == S{1, []int{}})")
    p.case("\t\tfmt.Println(S{[]int{}, 1} == S{[]int{}, 2})")
    p.case("\t\tvar x, y interface{} = S{1, []int{}}, S{2, []int{}}\n\t\tfmt.Println(x == y)")
    p.case("\t\tvar x, y interface{} = S{1, []int{}}, S{1, []int{}}\n\t\tfmt.Println(x == y)")
    p.case("\t\tfmt.Println([2]interface{}{1, []int{}} == [2]interface{}{2, []int{}})")
    p.case("\t\tfmt.Println([2]interface{}{1, []int{}} == [2]interface{}{1, []int{}})")
    p.case("\t\tfmt.Println([2]interface{}{[]int{}, 1} == [2]interface{}{[]int{}, 1})")
    p.case("\t\tvar x, y interface{} = [2]interface{}{1, map[int]int{}}, [2]interface{}{2, map[int]int{}}\n\t\tfmt.Println(x == y)")
    p.case("\t\tfmt.Println(K{1, []int{}} == K{2, []int{}})")
    p.case("\t\tfmt.Println(K{1, []int{}} == K{1, []int{}})")
    p.case("\t\tvar x, y interface{} = []int{}, []int{}\n\t\tfmt.Println(x == y)")
    p.case("\t\tvar x, y interface{} = []int{}, 1\n\t\tfmt.Println(x == y)")
    p.case("\t\tvar x, y interface{} = func() {}, func() {}\n\t\tfmt.Println(x == y)")
    p.case("\t\tvar x interface{} = map[int]int{}\n\t\tfmt.Println(x == x)")
    p.case("\t\tm := map[interface{}]int{}\n\t\tm[[]int{}] = 1")
    p.case("\t\tm := map[interface{}]int{}\n\t\tfmt.Println(m[[]int{}])")
    p.case("\t\tm := map[interface{}]int{}\n\t\tm[S{1, []int{}}] = 1")
    p.case("\t\tm := map[interface{}]int{}\n\t\tm[[1]interface{}{func() {}}] = 1")
    p.case("\t\tvar m map[interface{}]int\n\t\tfmt.Println(m[[]int{}])")
    p.case("\t\tm := map[interface{}]int{}\n\t\tdelete(m, []int{})")
    p.case("\t\tm := map[K]int{}\n\t\tm[K{1, []int{}}] = 1")
    yield p


def panic_value_progs():
    """Unrecovered panics of every basic value type (the crash report's first line)."""
    vals = {
        "int": "-5", "int8": "int8(-5)", "int16": "int16(300)", "int32": "int32(-7)", "int64": "int64(1) << 62",
        "uint": "^uint(0)", "uint8": "uint8(200)", "uint16": "uint16(65535)", "uint32": "uint32(1) << 31",
        "uint64": "^uint64(0)", "uintptr": "uintptr(12)", "float64": "1.5", "float32": "float32(-0.25)",
        "bool": "true", "string": '"boom"', "error": 'fmt.Errorf("e%d", 1)', "rune": "'x'", "nil": "nil",
        "stringer": "N(3)", "errtype": "E{}", "quoted": '"a\\nb"',
    }
    for name, v in vals.items():
        p = Prog(f"panic_{name}")
        p.decls.append("type N int\n\nfunc (n N) String() string { return fmt.Sprint(\"N\", int(n)) }\n\n"
                       "type E struct{}\n\nfunc (E) Error() string { return \"E!\" }")
        p.crash = f"\tfmt.Println(\"start\")\n\tpanic({v})"
        yield p


def crash_progs():
    """One unrecovered program per runtime fault kind."""
    bodies = {
        "crash_index_u": "\ts := []int{1, 2, 3}\n\tu := ^uint(0)\n\tfmt.Println(s[u])",
        "crash_index_u8": "\ts := \"ab\"\n\tvar u uint8 = 200\n\tfmt.Println(s[u])",
        "crash_slice_u": "\ts := []int{1, 2, 3}\n\tu := ^uint64(0)\n\tfmt.Println(s[u:])",
        "crash_slice3": "\ts := make([]int, 2, 4)\n\tn := 5\n\tfmt.Println(s[1:2:n])",
        "crash_nilmap": "\tvar m map[int]int\n\tm[1] = 1",
        "crash_nilptr": "\tvar p *struct{ a, b int }\n\tfmt.Println(p.b)",
        "crash_nilfunc": "\tvar f func()\n\tf()",
        "crash_divide": "\tx, y := 1, 0\n\tfmt.Println(x / y)",
        "crash_shift": "\tx, c := 1, -3\n\tfmt.Println(x << c)",
        "crash_assert": "\tvar x interface{} = 1\n\tfmt.Println(x.(string))",
        "crash_uncomparable": "\tvar x, y interface{} = []int{}, []int{}\n\tfmt.Println(x == y)",
        "crash_unhashable": "\tm := map[interface{}]int{}\n\tm[[]int{}] = 1",
        "crash_makeslice": "\tn := -1\n\tfmt.Println(make([]int, n))",
        "crash_makeslice_cap": "\tn := 3\n\tfmt.Println(make([]int, n, 1))",
        "crash_makeslice_huge": "\tn := 1 << 60\n\tfmt.Println(len(make([]int, n)))",
        "crash_convert": "\ts := []int{1}\n\tfmt.Println([2]int(s))",
        "crash_bigstruct_eq": "\ttype S struct{ a, b interface{} }\n\tfmt.Println(S{1, []int{}} == S{1, []int{}})",
    }
    for name, b in bodies.items():
        p = Prog(name)
        p.crash = b
        yield p


def preprint_progs():
    """gc's preprintpanics: a crashing panic whose value's Error/String method panics in turn (with
    every kind of value, runtime errors included) ends in `fatal error: panic while printing panic
    value: ...`; methods run once, newest panic first, also through recovered and repanicked
    chains."""
    inner = {
        "string": '"inner"', "named_string": 'Msg("named")', "error": 'fmt.Errorf("wrapped %d", 1)',
        "int": "42", "nilmap": "nilMap()", "index": "index(5)", "nilptr": "nilDeref()", "divide": "div(0)",
        "assert": "assertString(1)", "self": "Bad{}",
    }
    decls = ("type Msg string\n\n"
             "func nilMap() int {\n\tvar m map[int]int\n\tm[1] = 1\n\treturn 0\n}\n\n"
             "func index(i int) int {\n\ts := []int{1}\n\treturn s[i]\n}\n\n"
             "func nilDeref() int {\n\tvar p *int\n\treturn *p\n}\n\n"
             "func div(d int) int { return 1 / d }\n\n"
             "func assertString(x interface{}) string { return x.(string) }\n\n"
             "type Bad struct{}\n\nfunc (Bad) Error() string { panic(\"bad's own\") }\n\n"
             "type Order struct{ n int }\n\n"
             "func (o Order) String() string {\n\tprintln(\"String\", o.n)\n\treturn fmt.Sprint(\"order \", o.n)\n}\n\n")
    for kind in ["Error", "String"]:
        for name, v in inner.items():
            p = Prog(f"preprint_{kind.lower()}_{name}")
            p.decls.append(decls + f"type V struct{{ n int }}\n\nfunc (v V) {kind}() string {{\n\tpanic({v})\n}}")
            p.crash = "\tfmt.Println(\"start\")\n\tpanic(V{1})"
            yield p
    p = Prog("preprint_order")
    p.decls.append(decls)
    p.crash = ("\tdefer func() { panic(Order{3}) }()\n\tdefer func() {\n\t\tr := recover()\n\t\tpanic(r)\n\t}()\n"
               "\tdefer func() { panic(Order{2}) }()\n\tpanic(Order{1})")
    yield p
    p = Prog("preprint_repanicked_bad")
    p.decls.append(decls)
    p.crash = "\tdefer func() {\n\t\tr := recover()\n\t\tpanic(r)\n\t}()\n\tpanic(Bad{})"
    yield p


def fmt_float_progs():
    """%x, %X and %b (strconv's 'x' and 'b' formats) and the other float verbs with flags,
    precisions and widths, on float64, float32 and complex values (gojit once printed %x/%b as %g)."""
    vals = ["0", "-0.0 * neg", "1", "-1", "0.1", "3.5", "1e300", "5e-324", "2.2250738585072014e-308", "123456.789",
            "1.7976931348623157e308", "1.0 / 3", "0.9999999", "15.999", "2.5", "0x1.fffffffffffffp0", "60", "inf",
            "-inf", "nan"]
    verbs = ["%x", "%X", "%b", "%e", "%g", "%.0x", "%.1x", "%.3X", "%.13x", "%.15x", "%.20x", "%#x", "%#X",
             "%#.0x", "%#.4x", "%#b", "%#g", "%+x", "% x", "%12x", "%-12x|", "%012x", "%+015.2x", "%- 9.1X|",
             "%#012.3x", "%.2e", "%#.0e", "%10.3g"]
    pre = "\t\tzero, neg := 0.0, -1.0\n\t\tinf, nan := 1/zero, zero/zero\n\t\t_, _, _ = inf, nan, neg\n"
    pre += "\t\ta := []float64{" + ", ".join(vals) + "}\n\t\t_ = a\n"
    for width in ["float64", "float32"]:
        p = Prog(f"fmt_float_{width}")
        for verb in verbs:
            args = ", ".join(f"{width}(a[{i}])" for i in range(len(vals)))
            fmts = " ".join([verb] * len(vals))
            p.case(pre + f'\t\tfmt.Printf("{fmts}\\n", {args})')
        yield p
    p = Prog("fmt_float_complex")
    for verb in verbs:
        p.case(pre + f'\t\tfmt.Printf("{verb} {verb} {verb}\\n", complex(0.1, -3), complex64(complex(inf, 1.5)), complex(nan, 0))')
    yield p


def big_progs():
    """Big frames, literals and allocations that gc compiles by moving them to the heap."""
    p = Prog("big")
    p.decls.append("type B [1 << 31]byte\n\ntype H [1 << 25]int\n\n"
                   "func rec(n int) int {\n\tvar a [1 << 25]int\n\ta[n] = n\n\tif n == 10 {\n\t\treturn a[n]\n\t}\n\treturn rec(n+1) + a[n]\n}\n\n"
                   "func local() byte {\n\tvar a [1 << 29]byte\n\ta[len(a)-1] = 7\n\treturn a[len(a)-1] + a[0]\n}\n\n"
                   "func lit() int {\n\tx := [1 << 24]int{5: 1, 1<<24 - 1: 2}\n\treturn x[5] + x[len(x)-1]\n}\n\n"
                   "func byval(h H) int { return h[len(h)-1] }\n\n"
                   "func ret() (h H) {\n\th[3] = 4\n\treturn\n}")
    p.case("\t\tfmt.Println(rec(0))")
    p.case("\t\tfmt.Println(local())")
    p.case("\t\tfmt.Println(lit())")
    p.case("\t\tp := new(B)\n\t\tp[5] = 1\n\t\t*p = B{}\n\t\tfmt.Println(p[5], len(p))")
    p.case("\t\tvar h H\n\t\th[len(h)-1] = 3\n\t\tfmt.Println(byval(h))")
    p.case("\t\th := ret()\n\t\tfmt.Println(h[3])")
    p.case("\t\tvar p *[1 << 40]byte\n\t\tfmt.Println(p == nil, len(p))")
    p.case("\t\tvar p *[1 << 44]int64\n\t\tfmt.Println(len(p), cap(p[:0]))")
    yield p


def all_progs():
    for gen in [index_progs, slice_progs, nil_progs, arith_progs, convert_progs, assert_progs, make_progs,
                compare_progs, big_progs, crash_progs, panic_value_progs, preprint_progs, fmt_float_progs]:
        yield from gen()


def source_of(p):
    if getattr(p, "crash", None) is not None:
        return HEADER.replace("func try(", "func _try(") + "\n".join(p.decls) + "\n\nfunc main() {\n" + p.crash + "\n}\n"
    return p.source()


IN_USE = re.compile(r"\(\d+ in use\)$")


def stable_stderr(err):
    """The lines of a crash report that do not depend on addresses or the heap's history: up to
    `goroutine 1 [running]:` (minus `[signal ...]`), or up to a `fatal error:` line (gc then
    prints runtime frames); the heap size in gc's out-of-memory line is masked."""
    out = []
    for line in err.splitlines():
        if line.startswith("[signal "):
            continue
        out.append(IN_USE.sub("(N in use)", line))
        if line.startswith("goroutine 1 [running]:") or line.startswith("goroutine 1 gp="):
            break
        if line.startswith("fatal error: "):
            break
    return out


def run(cmd, cwd, timeout=60):
    try:
        # Module mode outside any module: Go 1.27.3's own language version and GODEBUG defaults
        # (GOPATH mode keeps Go 1.20's, e.g. panicnil=1).
        env = dict(os.environ, GO111MODULE="on", GOTOOLCHAIN="local", GOFLAGS="")
        r = subprocess.run(cmd, cwd=cwd, capture_output=True, timeout=timeout, env=env)
        return r.returncode, r.stdout.decode("utf-8", "replace"), r.stderr.decode("utf-8", "replace")
    except subprocess.TimeoutExpired:
        return -1, "", "TIMEOUT"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--gojit", default=os.path.join(os.path.dirname(__file__), "../../target/release/gojit"))
    ap.add_argument("--keep", help="write the programs and outputs into this directory")
    ap.add_argument("--only", default="")
    args = ap.parse_args()
    gojit = os.path.abspath(args.gojit)
    d = args.keep or tempfile.mkdtemp(prefix="faultsweep-")
    os.makedirs(d, exist_ok=True)
    progs = [p for p in all_progs() if args.only in p.name]
    ncases = sum(max(len(p.cases), 1) for p in progs)
    bad = 0
    for p in progs:
        src = os.path.join(d, p.name + ".go")
        with open(src, "w") as f:
            f.write(source_of(p))
        code, _, err = run(["go", "build", "-o", p.name + ".bin", p.name + ".go"], d, 300)
        if code != 0:
            print(f"{p.name}: go build failed:\n{err}")
            bad += 1
            continue
        g = run(["./" + p.name + ".bin"], d)
        j = run([gojit, "run", p.name + ".go"], d)
        diffs = []
        if g[0] != j[0]:
            diffs.append(f"exit {g[0]} vs gojit {j[0]}")
        if g[1] != j[1]:
            gl, jl = g[1].splitlines(), j[1].splitlines()
            for i in range(max(len(gl), len(jl))):
                a = gl[i] if i < len(gl) else "<none>"
                b = jl[i] if i < len(jl) else "<none>"
                if a != b:
                    diffs.append(f"stdout line {i + 1}: go {a!r} vs gojit {b[:300]!r}")
        ge, je = stable_stderr(g[2]), stable_stderr(j[2])
        if ge != je:
            diffs.append(f"stderr: go {ge[:4]!r} vs gojit {[l[:300] for l in je[:4]]!r}")
        if diffs:
            bad += 1
            print(f"{p.name}: {len(diffs)} difference(s)")
            for x in diffs[:12]:
                print("   ", x)
            if len(diffs) > 12:
                print(f"    ... {len(diffs) - 12} more")
        if args.keep:
            for suffix, text in [("go.out", g[1]), ("go.err", g[2]), ("gojit.out", j[1]), ("gojit.err", j[2][:100000])]:
                with open(os.path.join(d, f"{p.name}.{suffix}"), "w") as f:
                    f.write(text)
    print(f"faultsweep: {len(progs)} programs ({ncases} cases), {bad} differ")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
