#!/usr/bin/env python3
"""Generate a Go program of about LINES lines for measuring gojit's compile time.

Usage: gen_big.py [--lines N] [--defer] > big.go, or gen_big.py --measure [--runs K] [--defer]
[--cache cold|warm|off] (generates into a temporary file and runs `gojit run --time` on it K times,
printing each phase's median in ms; `--cache cold`, the default, gives every run an empty code
cache, `warm` fills it once first, `off` sets GOJIT_CACHE=off). Each generated function is 12 lines of ordinary integer code (a loop, a branch, a
slice index, a call of the previous function), so N/12 functions; `--defer` adds a deferred
closure to every function (open-coded defers). The program prints one checksum, the same under
Go, so it can be checked with `go run` too.
"""
import argparse
import os
import shutil
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
    ap.add_argument("--cache", choices=["cold", "warm", "off"], default="cold")
    ap.add_argument("--gojit", default=os.path.join(os.path.dirname(__file__), "..", "target", "release", "gojit"))
    a = ap.parse_args()
    src = program(a.lines, a.defer)
    if not a.measure:
        sys.stdout.write(src)
        return
    with tempfile.NamedTemporaryFile("w", suffix=".go", delete=False) as f:
        f.write(src)
    phases = {}
    cache_home = tempfile.mkdtemp(prefix="gojit-gen-big-cache-")
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
                # phase lines: `gojit: NAME   12.345 ms`; notes (codegen, cache) are skipped
                parts = line[7:].split()
                if line.startswith("gojit: ") and len(parts) == 3 and parts[2] == "ms":
                    phases.setdefault(parts[0], []).append(float(parts[1]))
    finally:
        os.unlink(f.name)
        shutil.rmtree(cache_home, ignore_errors=True)
    print(f"{src.count(chr(10))} lines, {a.runs} runs, cache {a.cache}, median ms:")
    for name, ms in phases.items():
        print(f"  {name:6} {statistics.median(ms):9.1f}   (min {min(ms):.1f})")


if __name__ == "__main__":
    main()
