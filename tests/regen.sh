#!/usr/bin/env bash
# Regenerates the expectations of tests/run, tests/defer, tests/errors and examples from the
# reference Go, Go 1.27.3 (`go` on PATH; the script refuses any other version). The tests never
# run this script; it documents how every .out/.err/.code file was made and lets anyone re-verify.
# Programs are built one file at a time in module mode outside any module (GO111MODULE=on,
# GOTOOLCHAIN=local; `go env GOMOD` is /dev/null), so both the language version and the GODEBUG
# defaults are the toolchain's own (per-iteration loop variables, panic(nil) raising a
# *runtime.PanicNilError). GOPATH mode (GO111MODULE=off) would not do: it keeps Go 1.20's GODEBUG
# defaults (panicnil=1) and silently reproduces old behaviour.
#
#   tests/regen.sh            regenerate everything
#   tests/regen.sh --check    regenerate into a temp dir and diff against the committed files
#
# tests/run/NAME.go: built with `go build` and run as a binary (not `go run`, which adds
#   "exit status N" to stderr), standard input from NAME.in when it exists. stdout -> NAME.out; stderr, when non-empty -> NAME.err (all of its
#   lines); a nonzero exit status -> NAME.code.
#
# tests/errors/NAME.go: `go build NAME.go` run inside tests/errors; NAME.out is empty, NAME.code
#   holds 1 and NAME.err holds gc's diagnostics with the "# command-line-arguments" header
#   dropped and the "./" prefix of file positions stripped (at the start of a line, also on the
#   tab-indented continuation lines, and inside messages such as "already declared at ./F.go:L:C").
#   unsupported_*.go use features gojit rejects that Go accepts; their expectation is gojit's own
#   "... not supported by gojit" message. The cases in GOJIT_OWN below are the same kind under
#   another name; this script leaves their hand-written .err alone.
#
# tests/defer/NAME.go: same as tests/run; for an unrecovered panic the .err keeps stderr up to
#   "goroutine 1 [running]:" (minus the "[signal ...]" line, which holds addresses).
#
# examples/NAME.go: same as tests/run.
#
# tests/conformance is copied verbatim from /work/shared/conformance (expectations made there).
set -uo pipefail   # no -e: --check reports every difference and runs to the end
shopt -s nullglob

here="$(cd "$(dirname "$0")" && pwd)"
check=0
[[ "${1:-}" == "--check" ]] && check=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Error cases Go accepts and gojit rejects with its own message (hand-written .err); the value says why.
declare -A GOJIT_OWN=(
  [runtime_api_unsupported]="gojit's own message: runtime functions gojit's model of package runtime lacks"
)

go version | grep -q 'go1\.27\.3 ' || { echo "tests/regen.sh needs Go 1.27.3 on PATH (found: $(go version))" >&2; exit 1; }
export GOTOOLCHAIN=local GO111MODULE=on GOFLAGS=

gen_run() {
  local src="$1" out_dir="$2" name
  name="$(basename "$src" .go)"
  local from="$src"
  local bin="$work/bin_$name"
  go build -o "$bin" "$from" || { echo "BUILD FAILED: $src" >&2; failed=1; return 0; }
  local code=0
  local input=/dev/null
  [[ -f "${src%.go}.in" ]] && input="$(cd "$(dirname "$src")" && pwd)/$name.in"
  (cd "$work" && "$bin" <"$input" >"$out_dir/$name.out" 2>"$work/stderr") || code=$?
  rm -f "$out_dir/$name.err" "$out_dir/$name.code"
  # A crash report keeps only its stable head: everything up to "goroutine 1 [running]:",
  # without the address-bearing "[signal ...]" line; the traceback itself is not compared. A fatal
  # error's header ("goroutine 1 gp=0x... m=0 mp=0x... [running]:") holds addresses and ends the
  # head unprinted; the out-of-memory line's "(M in use)" is gc's heap size at that moment (its
  # allocator's state, which gojit's heap does not reproduce byte for byte) and is dropped.
  # (A blank line is held back until the next printed line, so the one before a fatal error's
  # header is not kept either.)
  [[ -s "$work/stderr" ]] && awk '/^\[signal /{next} /^runtime: out of memory: cannot allocate /{next}
      /^goroutine 1 gp=/{exit} /^$/{held++; next} {for (; held > 0; held--) print ""; print}
      /^goroutine 1 \[running\]:$/{exit}' \
    "$work/stderr" >"$out_dir/$name.err"
  [[ $code -ne 0 ]] && echo "$code" >"$out_dir/$name.code"
  return 0
}

gen_error() {
  local src="$1" out_dir="$2" name
  name="$(basename "$src" .go)"
  local log="$work/build_$name"
  if [[ -n "${GOJIT_OWN[$name]:-}" ]]; then
    # Hand-written expectation: keep the committed files.
    if [[ "$out_dir" != "$here/errors" ]]; then
      for ext in out err code; do cp "$here/errors/$name.$ext" "$out_dir/$name.$ext"; done
    fi
    return 0
  fi
  if (cd "$here/errors" && go build -o "$work/never_$name" "$name.go") >"$log" 2>&1 \
      && [[ $name != unsupported_* ]]; then
    echo "$src: Go compiled it; an error case must not compile" >&2
    exit 1
  fi
  : >"$out_dir/$name.out"
  echo 1 >"$out_dir/$name.code"
  grep -v '^# command-line-arguments$' "$log" | sed -e 's#^\(\t*\)\./#\1#' -e 's# at \./\([^ /]*\.go:\)# at \1#g' >"$out_dir/$name.err"
}

for kind in run defer errors ../examples; do
  dest="$here/$kind"
  if [[ $check -eq 1 ]]; then
    dest="$work/check_$(basename "$kind")"
    mkdir -p "$dest"
  fi
  for src in "$here/$kind"/*.go; do
    if [[ $kind != errors ]]; then gen_run "$src" "$dest"; else gen_error "$src" "$dest"; fi
  done
  if [[ $check -eq 1 ]]; then
    status=0
    for f in "$dest"/*; do
      cmp -s "$f" "$here/$kind/$(basename "$f")" || { echo "DIFFERS: $kind/$(basename "$f")"; status=1; }
    done
    for f in "$here/$kind"/*.{out,err,code}; do
      [[ -e "$f" && ! -e "$dest/$(basename "$f")" ]] && { echo "STALE: $kind/$(basename "$f")"; status=1; }
    done
    if [[ $status -eq 0 ]]; then echo "$kind: all expectations reproduced"; else failed=1; fi
  fi
done
exit "${failed:-0}"
