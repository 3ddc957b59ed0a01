#!/usr/bin/env python3
"""Generate a Go program of about LINES lines for measuring gojit's compile time.

Usage: gen_big.py [--lines N] [--defer] > big.go, or gen_big.py --measure [--runs K] [--defer]
(generates into a temporary file and runs `gojit run --time` on it K times, printing each phase's
median in ms). Each generated function is 12 lines of ordinary integer code (a loop, a branch, a
slice index, a call of the previous function), so N/12 functions; `--defer` adds a deferred
closure to every function (open-coded defers). The program prints one checksum, the same under
Go, so it can be checked with `go run` too.
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile


def program(lines, with_defer):
    n = max(1, lines // 12)
    out = ["package main", "", 'import "fmt"', "", "var sink int", ""]
    for k in range(n):
        prev = f"f{k - 1}(x - 1)" if k else "x"
        d = "\tdefer func() { sink++ }()\n" if with_defer else ""
        out.append(f"func f{k}(x int) int {{\n{d}\ts := []int{{x, x + {k}, 3}}\n\tt := 0\n"
                   f"\tfor i := range s {{\n\t\tt += s[i] * {k % 7 + 1}\n\t}}\n"
                   f"\tif t%2 == 0 {{\n\t\treturn t + {prev}\n\t}}\n\treturn t - 1\n}}\n")
    out.append("func main() {\n\tt := 0")
    for k in range(0, n, max(1, n // 50)):
        out.append(f"\tt += f{k}({k % 13})")
    out.append("\tfmt.Println(t, sink)\n}")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--lines", type=int, default=10000)
    ap.add_argument("--defer", action="store_true")
    ap.add_argument("--measure", action="store_true")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--gojit", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "gojit"))
    a = ap.parse_args()
    src = program(a.lines, a.defer)
    if not a.measure:
        sys.stdout.write(src)
        return
    with tempfile.NamedTemporaryFile("w", suffix=".go", delete=False) as f:
        f.write(src)
    phases = {}
    try:
        for _ in range(a.runs):
            p = subprocess.run([a.gojit, "run", "--time", f.name], capture_output=True, text=True, check=True)
            for line in p.stderr.splitlines():
                if line.startswith("gojit: "):
                    name, ms = line[7:].split()[:2]
                    phases.setdefault(name, []).append(float(ms))
    finally:
        os.unlink(f.name)
    print(f"{src.count(chr(10))} lines, {a.runs} runs, median ms:")
    for name, ms in phases.items():
        print(f"  {name:6} {statistics.median(ms):9.1f}   (min {min(ms):.1f})")


if __name__ == "__main__":
    main()
