#!/usr/bin/env python3
"""Runs the programs of Go's test tree that gosweep leaves out, with Go 1.27.3 as the oracle.

gosweep (/work/shared/tools/gosweep.py) takes only files whose first line is exactly `// run`. The
tree has more runnable programs: `// run` after `// +build` lines, `// run ARGS` (compiler flags,
which gojit ignores, or program arguments), and `// runoutput` (the program prints a Go program;
that program is run in turn). With --rundir it takes the `// rundir` tests instead: NAME.dir laid out
as a module (see rundir_module) and run with `go run .` semantics. This script runs each of them under gojit and under Go 1.27.3
(`go build` in module mode outside any module, as tests/regen.sh) and compares stdout+stderr and
the exit status. Nothing of Go's tree is copied into the repository.

Usage: tests/gotree_extra.py --tree DIR --gojit target/release/gojit [--only SUBSTR] [--list FILE]
Classes: pass (same output and status as Go), reject (gojit exit 1 with a file:line:col error),
differ (anything else: the worst class, a wrong result or crash), oracle-failed (Go itself fails).
Last line: 'gotree_extra: P passed, R rejected, D differ, O oracle-failed of N'.
"""
import argparse, os, pathlib, re, shutil, subprocess, sys, tempfile

ENV = dict(os.environ, GOTOOLCHAIN="local", GO111MODULE="on", GOFLAGS="", CGO_ENABLED="0")


def action(src):
    """The `// run...` action line of a test file (after build lines), or None."""
    for line in src.split(b"\n")[:20]:
        s = line.strip()
        if s.startswith(b"// run") and not s.startswith(b"// rundir") and not s.startswith(b"// runindir"):
            return s.decode()
        if s and not s.startswith(b"//"):
            return None
    return None


def program_args(act):
    """Program arguments of `// run ARGS`: everything that is not a go-command flag."""
    words = act.split()[2:]
    out, skip = [], False
    for w in words:
        if skip:
            skip = False
            continue
        if w.startswith("-"):
            skip = "=" not in w and w in ("-gcflags", "-goexperiment", "-ldflags", "-tags")
            continue
        out.append(w)
    return out


def run(cmd, cwd, timeout, stdin=None):
    try:
        p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           timeout=timeout, env=ENV)
        return p.returncode, p.stdout
    except subprocess.TimeoutExpired:
        return "timeout", b""


def go_run(files, args, work, timeout):
    """Builds FILES with Go 1.27.3 and runs the binary: (status, output) or None if it does not build."""
    bin_ = os.path.join(work, "prog")
    st, out = run(["go", "build", "-o", bin_] + files, work, 300)
    if st != 0:
        return None, out
    return run([bin_] + args, os.path.dirname(files[0]), timeout), b""


def normalise(out, *paths):
    """Masks what legitimately differs between two runs: file paths of tracebacks, pc offsets."""
    for p in paths:
        out = out.replace(p.encode(), b"$DIR")
    out = re.sub(rb"\+0x[0-9a-f]+", b"+0xX", out)
    out = re.sub(rb"0x[0-9a-f]{6,}", b"0xADDR", out)
    out = re.sub(rb"goroutine \d+", b"goroutine N", out)
    return out


def classify(f, act, gojit, timeout, work):
    kind = act.split()[1]
    args = program_args(act)
    d = str(f.parent)
    if kind == "runoutput":
        extra = [str(f.parent / a) for a in args if a.endswith(".go")]
        want, err = go_run([str(f)] + extra, [], work, timeout)
        if want is None or want[0] != 0:
            return "oracle-failed", f"go: {(err or want[1])[:160]!r}"
        gen = os.path.join(work, "gen.go")
        with open(gen, "wb") as fh:
            fh.write(want[1])
        st, got = run([gojit, "run", str(f)] + extra, d, timeout)
        if st != 0 or got != want[1]:
            return classify_out(st, got, f"generator differs (exit {st})")
        want2, err = go_run([gen], [], work, timeout)
        if want2 is None:
            return "oracle-failed", f"go (generated): {err[:160]!r}"
        st, got = run([gojit, "run", gen], work, timeout)
        return compare(want2, (st, got), work, d, "generated program: ")
    files = [str(f)] + [str(f.parent / a) for a in args if a.endswith(".go")]
    pargs = [a for a in args if not a.endswith(".go")]
    want, err = go_run(files, pargs, work, timeout)
    if want is None:
        return "oracle-failed", f"go: {err[:160]!r}"
    st, got = run([gojit, "run"] + files + pargs, d, timeout)
    return compare(want, (st, got), work, d, "")


def classify_out(st, got, why):
    if st == 1 and re.match(rb"^\S+\.go:\d+:\d+: ", got):
        return "reject", re.sub(r"^\S+\.go:\d+:\d+: ", "", got.split(b"\n")[0].decode("utf-8", "replace"))
    # A compile error inside an imported package, under the go command's `# pkg` header.
    m = re.match(rb"^# (\S+)\n\S+\.go:\d+:\d+: ([^\n]*)", got)
    if st == 1 and m:
        return "reject", f"in {m.group(1).decode()}: {m.group(2).decode('utf-8', 'replace')}"
    return "differ", f"{why}: {got[:200]!r}"


def compare(want, got, work, d, what):
    (ws, wo), (gs, go) = want, got
    if ws == gs and normalise(wo, work, d) == normalise(go, work, d):
        return "pass", ""
    c, why = classify_out(gs, go, f"{what}go exit {ws}, gojit exit {gs}")
    if c == "differ":
        why += f" want {wo[:120]!r}"
    return c, why


def rundir_module(f, work):
    """Lays out `NAME.dir` of a `// rundir` test as module `test` in WORK: each package (the .go
    files of one package name, in file order, as Go's test driver groups them) in its own
    directory named after the package, `main` at the root; imports `"./a"` and `"a"` of a local
    package become `"test/a"`. Returns False when the layout does not fit (a name used twice)."""
    d = f.with_suffix(".dir")
    if not d.is_dir():
        return False
    groups, order = {}, []
    for g in sorted(d.glob("*.go")):
        if g.name.endswith("_test.go"):
            continue
        m = re.search(rb"^package\s+(\w+)", g.read_bytes(), re.M)
        if not m:
            return False
        name = m.group(1).decode()
        if name in groups and order[-1] != name:
            return False
        if name not in groups:
            order.append(name)
        groups.setdefault(name, []).append(g)
    if "main" not in groups:
        return False
    # The import path of a package is the name of its first file (`import "./a"` is a.go's package).
    dirs = {name: groups[name][0].stem for name in order}
    local = {dirs[n] for n in order if n != "main"}
    for name in order:
        out = pathlib.Path(work) if name == "main" else pathlib.Path(work) / dirs[name]
        out.mkdir(parents=True, exist_ok=True)
        for g in groups[name]:
            src = g.read_bytes()
            src = re.sub(rb'"\./(\w+)"', rb'"test/\1"', src)
            src = re.sub(rb'(?m)^(\s*(?:import\s+)?(?:\w+\s+|_\s+|\.\s+)?)"(\w+)"',
                         lambda m: m.group(1) + (b'"test/' + m.group(2) + b'"' if m.group(2).decode() in local else b'"' + m.group(2) + b'"'), src)
            (out / g.name).write_bytes(src)
    (pathlib.Path(work) / "go.mod").write_text("module test\n\ngo 1.27\n")
    return True


def classify_rundir(f, gojit, timeout, work):
    mod = os.path.join(work, "mod")
    os.mkdir(mod)
    if not rundir_module(f, mod):
        return "skipped", "directory layout not handled"
    bin_ = os.path.join(work, "prog")
    st, err = run(["go", "build", "-o", bin_, "."], mod, 300)
    if st != 0:
        return "oracle-failed", f"go: {err[:160]!r}"
    want = run([bin_], mod, timeout)
    got = run([gojit, "run", "."], mod, timeout)
    return compare(want, got, work, mod, "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--tree", required=True)
    ap.add_argument("--gojit", required=True)
    ap.add_argument("--only")
    ap.add_argument("--timeout", type=float, default=10)
    ap.add_argument("--list")
    ap.add_argument("--rundir", action="store_true", help="the `// rundir` tests instead (NAME.dir as module `test`)")
    a = ap.parse_args()
    gojit = os.path.abspath(a.gojit)
    root = pathlib.Path(a.tree)
    todo = []
    for f in sorted(root.rglob("*.go")):
        src = f.read_bytes()
        if a.rundir:
            if src.split(b"\n", 1)[0].strip() == b"// rundir" and (not a.only or a.only in str(f)):
                todo.append((f, "// rundir"))
            continue
        act = action(src)
        if act is None or b"package main" not in src[:4000]:
            continue
        if src.split(b"\n", 1)[0].strip() == b"// run":
            continue  # gosweep's
        if a.only and a.only not in str(f):
            continue
        todo.append((f, act))
    res = []
    for f, act in todo:
        work = tempfile.mkdtemp(prefix="gotree_extra")
        try:
            if act == "// rundir":
                c, why = classify_rundir(f, gojit, a.timeout, work)
            else:
                c, why = classify(f, act, gojit, a.timeout, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
        rel = f.relative_to(root)
        res.append((c, rel, why))
        print(f"{c:14} {rel}  {why[:220]}", flush=True)
    if a.list:
        with open(a.list, "w") as fh:
            for c, rel, why in res:
                fh.write(f"{c}\t{rel}\t{why[:300]}\n")
    n = lambda k: sum(1 for c, _, _ in res if c == k)
    print(f"gotree_extra: {n('pass')} passed, {n('reject')} rejected, {n('differ')} differ, "
          f"{n('oracle-failed')} oracle-failed, {n('skipped')} skipped of {len(res)}")


if __name__ == "__main__":
    main()
