#!/usr/bin/env python3
"""Generate a Go program with INSTANCES generic function instances, for gojit's compile time.

Usage: gen_generic.py [--instances N] [--hand] > gen.go, or gen_generic.py --measure [--hand] [--runs K]
[--cache cold|warm|off] (generates into a temporary file, runs `gojit run --time` on it K times and
prints each phase's median in ms, as gen_big.py does; `--cache cold`, the default, gives every run
an empty code cache).

The program declares N/5 defined types `K0 ... K{N/5-1}` (alternately over int and float64) and
five generic functions and methods, each instantiated at every one of them, so N function
instances (and N/5 instances of the generic type `Stack[T]`), all reachable from `main`:
`Sum[T Number]`, `Max[T Number]`, `Map[T, U any]` (instantiated as `Map[Ki, int]`),
`(*Stack[T]).Push` and `(*Stack[T]).Pop`. It prints one checksum, the same under Go
(`go run gen.go`), so the generated code is checked as well as timed. `--hand` writes the same
program with each instance written out by hand for its type (`Sum7`, `Stack7`, ...): the baseline
that the generic program's compile time is compared with.
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile

PRELUDE = """package main

import "fmt"

type Number interface {
	~int | ~float64
}

func Sum[T Number](s []T) T {
	var t T
	for _, v := range s {
		t += v
	}
	return t
}

func Max[T Number](s []T) T {
	m := s[0]
	for _, v := range s[1:] {
		if v > m {
			m = v
		}
	}
	return m
}

func Map[T, U any](s []T, f func(T) U) []U {
	r := make([]U, 0, len(s))
	for _, v := range s {
		r = append(r, f(v))
	}
	return r
}

type Stack[T any] struct {
	items []T
}

func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }

func (s *Stack[T]) Pop() T {
	v := s.items[len(s.items)-1]
	s.items = s.items[:len(s.items)-1]
	return v
}
"""


def hand_written(k):
    """The five instances at K{k}, written by hand (what monomorphization should produce)."""
    t = f"K{k}"
    return (f"func Sum{k}(s []{t}) {t} {{\n\tvar t {t}\n\tfor _, v := range s {{\n\t\tt += v\n\t}}\n\treturn t\n}}\n\n"
            f"func Max{k}(s []{t}) {t} {{\n\tm := s[0]\n\tfor _, v := range s[1:] {{\n\t\tif v > m {{\n\t\t\tm = v\n\t\t}}\n\t}}\n\treturn m\n}}\n\n"
            f"func Map{k}(s []{t}, f func({t}) int) []int {{\n\tr := make([]int, 0, len(s))\n\tfor _, v := range s {{\n\t\tr = append(r, f(v))\n\t}}\n\treturn r\n}}\n\n"
            f"type Stack{k} struct {{\n\titems []{t}\n}}\n\n"
            f"func (s *Stack{k}) Push(v {t}) {{ s.items = append(s.items, v) }}\n\n"
            f"func (s *Stack{k}) Pop() {t} {{\n\tv := s.items[len(s.items)-1]\n\ts.items = s.items[:len(s.items)-1]\n\treturn v\n}}\n")


def program(instances, hand=False):
    ntypes = max(1, instances // 5)
    out = ["package main\n\nimport \"fmt\"\n"] if hand else [PRELUDE]
    for k in range(ntypes):
        out.append(f"type K{k} {'int' if k % 2 == 0 else 'float64'}")
    out.append("")
    for k in range(ntypes):
        if hand:
            out.append(hand_written(k))
        # One function per type, so that every instance is reached from main.
        sfx = str(k) if hand else ""
        stack = f"Stack{k}" if hand else f"Stack[K{k}]"
        out.append(f"func use{k}() int {{\n"
                   f"\ts := []K{k}{{{k % 7}, {k % 5 + 1}, 3}}\n"
                   f"\tvar st {stack}\n"
                   f"\tst.Push(Sum{sfx}(s))\n"
                   f"\tst.Push(Max{sfx}(s))\n"
                   f"\tm := Map{sfx}(s, func(v K{k}) int {{ return int(v) * 2 }})\n"
                   f"\treturn int(st.Pop()) + int(st.Pop()) + m[0]\n}}\n")
    out.append("func main() {\n\tt := 0")
    for k in range(ntypes):
        out.append(f"\tt += use{k}()")
    out.append("\tfmt.Println(t)\n}")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--instances", type=int, default=1000)
    ap.add_argument("--hand", action="store_true", help="the same program with every instance written by hand")
    ap.add_argument("--measure", action="store_true")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--cache", choices=["cold", "warm", "off"], default="cold")
    ap.add_argument("--gojit", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "gojit"))
    a = ap.parse_args()
    src = program(a.instances, a.hand)
    if not a.measure:
        sys.stdout.write(src)
        return
    with tempfile.NamedTemporaryFile("w", suffix=".go", delete=False) as f:
        f.write(src)
    phases = {}
    cache_home = tempfile.mkdtemp(prefix="gojit-gen-generic-cache-")
    env = dict(os.environ, XDG_CACHE_HOME=cache_home)
    if a.cache == "off":
        env["GOJIT_CACHE"] = "off"
    else:
        env.pop("GOJIT_CACHE", None)

    def run():
        return subprocess.run([a.gojit, "run", "--time", f.name], capture_output=True, text=True, check=True, env=env)

    try:
        if a.cache == "warm":
            run()
        for _ in range(a.runs):
            if a.cache == "cold":
                shutil.rmtree(os.path.join(cache_home, "gojit"), ignore_errors=True)
            p = run()
            for line in p.stderr.splitlines():
                parts = line[7:].split()
                if line.startswith("gojit: ") and len(parts) == 3 and parts[2] == "ms":
                    phases.setdefault(parts[0], []).append(float(parts[1]))
    finally:
        os.unlink(f.name)
        shutil.rmtree(cache_home, ignore_errors=True)
    print(f"{a.instances} {'hand-written functions' if a.hand else 'generic function instances'}, {src.count(chr(10))} lines, {a.runs} runs, cache {a.cache}, median ms:")
    for name, ms in phases.items():
        print(f"  {name:6} {statistics.median(ms):9.1f}   (min {min(ms):.1f})")


if __name__ == "__main__":
    main()
