#!/usr/bin/env python3
"""Measure gojit's start-up: wall-clock time of `gojit run PROG` with an empty code cache (cold),
with the cache filled by a previous run (warm) and with the cache off, against the gc-built
binary of the same program (`go build`, run directly). Each figure is the median wall time (and
the median CPU time, user + system, which a loaded machine disturbs less) of K runs, in ms.

Usage: bench/startup.py [--runs K] [--gojit PATH] [PROG.go ...] (default: bench/startup/*.go).
Needs Go 1.27.3 on PATH for the gc column (skipped otherwise). GOROOT is passed explicitly to
gojit when set, as the go command would find it otherwise (see src/load/goroot.rs).
"""
import argparse
import glob
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def timed(cmd, env):
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    p = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    dt = (time.perf_counter() - t) * 1e3
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    if p.returncode != 0:
        sys.exit(f"{' '.join(cmd)} failed ({p.returncode}):\n{p.stderr}")
    return dt, (r1.ru_utime - r0.ru_utime + r1.ru_stime - r0.ru_stime) * 1e3


def stats(xs):
    return f"{statistics.median(x[0] for x in xs):8.1f} ({statistics.median(x[1] for x in xs):7.1f})"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--gojit", default=os.path.join(HERE, "..", "target", "release", "gojit"))
    ap.add_argument("progs", nargs="*")
    a = ap.parse_args()
    progs = a.progs or sorted(glob.glob(os.path.join(HERE, "startup", "*.go")))
    work = tempfile.mkdtemp(prefix="gojit-startup-")
    cache_home = os.path.join(work, "cache")
    env = dict(os.environ, XDG_CACHE_HOME=cache_home)
    env.pop("GOJIT_CACHE", None)
    off = dict(env, GOJIT_CACHE="off")
    have_go = shutil.which("go") is not None
    print(f"median of {a.runs} runs: wall ms (CPU ms)")
    print(f"{'program':14} {'cold':>18} {'warm':>18} {'cache off':>18} {'gc binary':>18} {'warm/gc':>8}")
    try:
        for prog in progs:
            cmd = [a.gojit, "run", prog]
            cold, warm, nocache, gc = [], [], [], []
            for _ in range(a.runs):
                shutil.rmtree(cache_home, ignore_errors=True)
                cold.append(timed(cmd, env))
                warm.append(timed(cmd, env))
                nocache.append(timed(cmd, off))
            ratio = ""
            gc_col = f"{'-':>18}"
            if have_go:
                exe = os.path.join(work, "prog")
                subprocess.run(["go", "build", "-o", exe, prog], check=True)
                gc = [timed([exe], env) for _ in range(a.runs)]
                gc_col = stats(gc)
                ratio = f"{statistics.median(x[0] for x in warm) / statistics.median(x[0] for x in gc):8.1f}"
            name = os.path.basename(prog)
            print(f"{name:14} {stats(cold)} {stats(warm)} {stats(nocache)} {gc_col} {ratio}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
