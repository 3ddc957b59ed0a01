#!/usr/bin/env bash
# Writes NAME.tb, the traceback shape below "goroutine 1 [running]:", for every crashing case
# (one with a NAME.code) of tests/defer, tests/conformance and examples, from the reference Go:
# the program is built with `go build` (Go 1.27.3) and run as a binary, and its stderr reduced by
# the rules of tests/corpus.rs::traceback_shape (frame names and arguments, words gc marks `?`
# and words of 0x10000 or more masked as `?`, `(…)` for inlined frames and the panic frame, the
# location's file base name and line, gc's runtime frame location as `<runtime>`).
#
#   tests/regen_tracebacks.sh [FILE.go...]     (default: every crashing case)
set -euo pipefail
shopt -s nullglob
root="$(cd "$(dirname "$0")/.." && pwd)"
go version | grep -q 'go1.27.3 ' || { echo "needs go1.27.3 on PATH" >&2; exit 1; }
# Module mode outside any module: the toolchain's own language version and GODEBUG defaults (see
# tests/regen.sh).
export GOTOOLCHAIN=local GO111MODULE=on GOFLAGS=
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
shape() {
    python3 -c '
import re, sys
def mask(m):
    w = m.group(0)
    if w.endswith("?") or int(w, 16) >= 0x10000:
        return "?"
    return hex(int(w, 16))
out, in_panic, seen = [], False, False
for l in sys.stdin.read().split("\n"):
    if not seen:
        seen = l == "goroutine 1 [running]:"
        continue
    if not l or l.startswith("exit status"):
        continue
    if l.startswith("\t"):
        if in_panic:
            out.append("\t<runtime>")
        else:
            loc = l[1:].split(" +0x")[0]
            out.append("\t" + loc.rsplit("/", 1)[-1])
        continue
    i = l.rfind("(")
    if i >= 0 and l.endswith(")"):
        in_panic = l[:i] == "panic"
        args = l[i + 1:-1]
        if in_panic or args == "...":
            args = "\u2026"
        else:
            args = re.sub(r"0x[0-9a-f]+\??", mask, args)
        out.append(l[:i] + "(" + args + ")")
    else:
        in_panic = False
        out.append(l)
print("\n".join(out))
'
}
if (($#)); then cases=("$@"); else cases=("$root"/tests/defer/*.go "$root"/tests/conformance/*.go "$root"/examples/*.go); fi
for go in "${cases[@]}"; do
    base="${go%.go}"
    [[ -f "$base.code" ]] || continue
    dir="$(dirname "$go")"
    name="$(basename "$base")"
    (cd "$dir" && go build -o "$work/$name" "$name.go")
    (cd "$dir" && "$work/$name" >/dev/null 2>"$work/$name.stderr") || true
    grep -q '^goroutine 1 \[running\]:$' "$work/$name.stderr" || continue
    shape <"$work/$name.stderr" >"$base.tb"
    echo "wrote ${base#"$root"/}.tb"
done
