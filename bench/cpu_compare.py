#!/usr/bin/env python3
"""CPU seconds (user + sys, the minimum of N runs) of Go programs under gojit and under real Go.

Usage: cpu_compare.py [--runs N] [--gojit PATH]... FILE.go...
Each FILE.go is built with `go build` (the `go` first on PATH: Go 1.27.3) and its binary run N
times; each gojit binary given (default target/release/gojit) runs `gojit run FILE.go` N times.
On a shared, loaded machine wall clock (../shared/bench/compare.py) is dominated by scheduling;
CPU time is not. gojit's figure includes compiling the program, the Go binary's does not.
"""
import argparse
import os
import pathlib
import subprocess
import tempfile


def cpu(cmd, runs):
    best = None
    for _ in range(runs):
        pid = os.fork()
        if pid == 0:
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, 1)
            os.dup2(fd, 2)
            os.execvp(cmd[0], cmd)
        _, _, usage = os.wait4(pid, 0)
        t = usage.ru_utime + usage.ru_stime
        best = t if best is None else min(best, t)
    return best


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--gojit", action="append")
    ap.add_argument("files", nargs="+")
    a = ap.parse_args()
    gojits = a.gojit or ["target/release/gojit"]
    tmp = pathlib.Path(tempfile.mkdtemp())
    print(f"{'program':20} " + " ".join(f"{'gojit' + str(i):>8} {'ratio':>6}" for i in range(len(gojits))) + f" {'go':>8}")
    for f in a.files:
        src = pathlib.Path(f)
        exe = tmp / src.stem
        subprocess.run(["go", "build", "-o", str(exe), str(src)], check=True)
        g = cpu([str(exe)], a.runs)
        cols = []
        for j in gojits:
            t = cpu([j, "run", str(src)], a.runs)
            cols.append(f"{t:8.3f} {t / g:6.2f}")
        print(f"{src.stem:20} " + " ".join(cols) + f" {g:8.3f}", flush=True)


if __name__ == "__main__":
    main()
