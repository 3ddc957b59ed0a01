#!/usr/bin/env python3
"""reduce.py: minimises a Go source file while a predicate command keeps succeeding.

    tools/reduce.py PROG.go [--out MIN.go] -- CMD [ARGS...]

CMD is run in a scratch directory holding the candidate as `prog.go` (the same base name as the
input when `--keep-name` is given); `{}` in ARGS is replaced by the candidate's absolute path. The
candidate is *interesting* when CMD exits 0. The input must be interesting; the output is an
interesting file that no single step below can shrink further (1-minimal for these steps).

The file is read as a tree of lines: a line ending in `{` opens a block that closes at the line
where the brace depth comes back (a `} else {` line stays inside its `if`). The steps are
hierarchical delta debugging (Misherghi and Su, ICSE 2006) over that tree:

1. ddmin (Zeller) over the children of every node, top level first (functions, types, vars),
   then inside each surviving block (statements, nested blocks);
2. unwrapping a block: replacing `if c { body }`, `for ... { body }`, `{ body }`,
   `defer func() { body }()` by its body (the predicate decides whether that is still valid Go);
   dropping the `else` part of an `if`, or keeping only the `else` part;
3. rewriting single lines: a counted loop `for i := 0; i < N; i++ {` runs once
   (`if i := 0; true {`), a condition `if C {` becomes `if true {` / `if false {`, an
   `if v := 0; true {` header loses its variable, a use of a loop variable `iN` becomes `0`, a
   call's last argument is dropped (`fmt.Println(a, b)` -> `fmt.Println(a)`), and
   `fmt.Println("tag", f(x))` becomes the bare call `f(x)`;
4. repeated until a whole round changes nothing.

Candidates are cached by content, so a text is never judged twice. Compile errors (an unused
variable after a deletion, a call of a removed function) simply make a candidate uninteresting.

Example (keep Go's runtime throwing "bad panic stack"):

    tools/reduce.py prog.go --out min.go -- sh -c \
      'go build -o p prog.go && ./p 2>&1 | grep -q "fatal error: bad panic stack"'
"""

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tempfile

STRING_OR_COMMENT = re.compile(r'"(?:[^"\\]|\\.)*"|`[^`]*`|\'(?:[^\'\\]|\\.)*\'|//.*$')


def braces(line):
    """(closes, opens): braces of a line outside strings, runes and comments."""
    code = STRING_OR_COMMENT.sub('""', line)
    depth = lowest = 0
    for ch in code:
        if ch == '{':
            depth += 1
        elif ch == '}':
            depth -= 1
            lowest = min(lowest, depth)
    return -lowest, depth - lowest


class Node:
    """Lines [start, end] of the file; `children` are the nodes strictly inside a block."""

    def __init__(self, start, end, children):
        self.start, self.end, self.children = start, end, children

    def lines(self):
        return range(self.start, self.end + 1)


def parse(lines):
    """The forest of top-level nodes; unbalanced input yields one node per line."""
    def block(i, stop_depth):
        nodes = []
        depth = stop_depth
        while i < len(lines):
            closes, opens = braces(lines[i])
            if closes > 0 and depth - closes < stop_depth:
                return nodes, i
            if opens > closes:
                start = i
                children, j = block(i + 1, depth + 1)
                # j is the line closing the block; a `} else {` line keeps the block open.
                while j < len(lines):
                    c, o = braces(lines[j])
                    if o >= c and o > 0:
                        more, j = block(j + 1, depth + 1)
                        children += more
                        continue
                    break
                end = min(j, len(lines) - 1)
                nodes.append(Node(start, end, children))
                i = end + 1
            else:
                nodes.append(Node(i, i, []))
                i += 1
        return nodes, i

    nodes, _ = block(0, 0)
    return nodes


class Reducer:
    def __init__(self, cmd, name, verbose):
        self.cmd, self.name, self.verbose = cmd, name, verbose
        self.cache = {}
        self.tests = 0
        self.scratch = tempfile.mkdtemp(prefix="reduce-")

    def interesting(self, text):
        key = hashlib.sha256(text.encode()).hexdigest()
        if key not in self.cache:
            path = os.path.join(self.scratch, self.name)
            with open(path, "w") as f:
                f.write(text)
            argv = [a.replace("{}", path) for a in self.cmd]
            r = subprocess.run(argv, cwd=self.scratch, stdout=subprocess.DEVNULL,
                               stderr=subprocess.DEVNULL)
            self.tests += 1
            self.cache[key] = r.returncode == 0
        return self.cache[key]


def render(lines, dropped):
    return "".join(l for i, l in enumerate(lines) if i not in dropped)


def ddmin(red, lines, dropped, units):
    """Zeller's ddmin over `units` (each a set of line numbers): removes as many as it can while
    the rest stays interesting. Returns the new dropped set."""
    n = 2
    units = list(units)
    while len(units) >= 1:
        chunk = max(1, len(units) // n)
        subsets = [units[k:k + chunk] for k in range(0, len(units), chunk)]
        progress = False
        for k, sub in enumerate(subsets):
            # Try removing this subset (keeping its complement).
            trial = set(dropped)
            for u in sub:
                trial |= u
            if trial != dropped and red.interesting(render(lines, trial)):
                dropped = trial
                units = [u for j, s in enumerate(subsets) if j != k for u in s]
                n = max(n - 1, 2)
                progress = True
                break
        if not progress:
            if chunk == 1:
                break
            n = min(len(units), n * 2)
    return dropped


def live(node, dropped):
    return node.start not in dropped


def reduce_once(red, lines, dropped):
    """One round of HDD plus unwrapping; returns the new dropped set."""
    level = [n for n in parse(lines) if live(n, dropped)]
    while level:
        dropped = ddmin(red, lines, dropped, [set(n.lines()) for n in level])
        nxt = []
        for n in level:
            if live(n, dropped):
                nxt += [c for c in n.children if live(c, dropped)]
        level = nxt
    # Unwrap blocks: drop the opening and closing lines (and `} else {` lines become a join).
    def walk(nodes):
        for n in nodes:
            yield n
            yield from walk(n.children)
    for n in list(walk(parse(lines))):
        if not (n.children and live(n, dropped) and n.end not in dropped):
            continue
        elses = [i for i in range(n.start + 1, n.end) if i not in dropped and is_else(lines[i])]
        trials = [{n.start, n.end}]
        if len(elses) == 1:
            e = elses[0]
            trials.append(set(range(e, n.end)))          # drop the else part, keep `}`
            trials.append(set(range(n.start, e + 1)) | {n.end})  # keep only the else body
        for t in trials:
            trial = dropped | t
            if trial != dropped and red.interesting(render(lines, trial)):
                dropped = trial
                break
    return dropped


def is_else(line):
    return re.match(r"^\s*\}\s*else\s*(if\b.*)?\{\s*$", line) is not None


LOOP = re.compile(r"^(\s*)for (\w+) := 0; \2 < \w+; \2\+\+ \{\s*$")
IF = re.compile(r"^(\s*)if (.+) \{\s*$")


IF_INIT = re.compile(r"^(\s*)if \w+ := 0; true \{\s*$")
LOOP_VAR = re.compile(r"\bi\d+\b")
PRINT_CALL = re.compile(r"^(\s*)fmt\.Println\(\"[^\"]*\", (\w+\(.*\))\)\s*$")
CALL = re.compile(r"^(\s*)((?:defer )?[\w.]+)\((.*)\)\s*$")


def split_args(text):
    """Top-level comma-separated arguments of a call (strings and brackets respected)."""
    args, depth, cur, quote = [], 0, "", None
    for ch in text:
        if quote:
            cur += ch
            if ch == quote and not cur.endswith("\\" + quote):
                quote = None
            continue
        if ch in "\"'`":
            quote = ch
        elif ch in "([{":
            depth += 1
        elif ch in ")]}":
            depth -= 1
        elif ch == "," and depth == 0:
            args.append(cur.strip())
            cur = ""
            continue
        cur += ch
    if cur.strip():
        args.append(cur.strip())
    return args


def rewrites(line):
    """Simpler versions of one line, most aggressive first."""
    m = LOOP.match(line)
    if m:
        yield f"{m.group(1)}if {m.group(2)} := 0; true {{\n"
        return
    m = IF_INIT.match(line)
    if m:
        yield f"{m.group(1)}if true {{\n"
        return
    m = IF.match(line)
    if m and m.group(2) not in ("true", "false") and ";" not in m.group(2):
        yield f"{m.group(1)}if true {{\n"
        yield f"{m.group(1)}if false {{\n"
        return
    m = PRINT_CALL.match(line)
    if m:
        yield f"{m.group(1)}{m.group(2)}\n"
    if LOOP_VAR.search(line) and ":=" not in line:
        yield LOOP_VAR.sub("0", line)
    m = CALL.match(line)
    if m and m.group(2).endswith("Println"):
        args = split_args(m.group(3))
        if len(args) > 1:
            yield f"{m.group(1)}{m.group(2)}({', '.join(args[:-1])})\n"


def rewrite_lines(red, lines):
    """Tries every rewrite of every line; returns the new lines and whether anything changed."""
    changed = False
    for i in range(len(lines)):
        for new in rewrites(lines[i]):
            trial = lines[:i] + [new] + lines[i + 1:]
            if red.interesting("".join(trial)):
                lines = trial
                changed = True
                break
    return lines, changed


def gofmt_in_goroot():
    try:
        root = subprocess.run(["go", "env", "GOROOT"], capture_output=True, text=True).stdout.strip()
    except OSError:
        return None
    path = os.path.join(root, "bin", "gofmt")
    return path if root and os.access(path, os.X_OK) else None


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("file")
    ap.add_argument("--out", help="where to write the result (default: FILE.min.go)")
    ap.add_argument("--keep-name", action="store_true",
                    help="name the candidate like the input instead of prog.go")
    ap.add_argument("-v", "--verbose", action="store_true")
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    a = ap.parse_args(argv[:split])
    cmd = argv[split + 1:]
    if not cmd:
        ap.error("give the predicate command after --")
    with open(a.file) as f:
        lines = f.read().splitlines(keepends=True)
    name = os.path.basename(a.file) if a.keep_name else "prog.go"
    red = Reducer(cmd, name, a.verbose)
    try:
        if not red.interesting("".join(lines)):
            print("reduce: the input is not interesting (the predicate fails on it)", file=sys.stderr)
            return 2
        # Work on the surviving text each round so blocks are re-parsed after unwrapping.
        rounds = 0
        while True:
            rounds += 1
            dropped = reduce_once(red, lines, set())
            lines = [l for i, l in enumerate(lines) if i not in dropped]
            lines, rewritten = rewrite_lines(red, lines)
            if not dropped and not rewritten:
                break
            print(f"reduce: round {rounds}: {len(lines)} lines ({red.tests} tests)", file=sys.stderr)
        text = "".join(lines)
        gofmt = shutil.which("gofmt") or gofmt_in_goroot()
        if gofmt:
            r = subprocess.run([gofmt], input=text, capture_output=True, text=True)
            if r.returncode == 0 and red.interesting(r.stdout):
                lines = r.stdout.splitlines(keepends=True)
        out = a.out or re.sub(r"\.go$", "", a.file) + ".min.go"
        with open(out, "w") as f:
            f.write("".join(lines))
        print(f"reduce: {len(lines)} lines after {red.tests} tests -> {out}", file=sys.stderr)
        return 0
    finally:
        shutil.rmtree(red.scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
