#!/usr/bin/env bash
# Regenerates the expectations of tests/run and tests/errors from real Go (the tests never run
# this script; it documents how every .out/.err/.code file was made and lets anyone re-verify).
#
#   tests/regen.sh            regenerate everything
#   tests/regen.sh --check    regenerate into a temp dir and diff against the committed files
#
# tests/run/NAME.go: built with `go build` and run as a binary (not `go run`, which adds
#   "exit status N" to stderr). stdout -> NAME.out; stderr, when non-empty -> NAME.err (all of its
#   lines); a nonzero exit status -> NAME.code.
#   When tests/go119/NAME.go exists, NAME.go uses a feature newer than the installed Go 1.19
#   (min/max/clear builtins, `for i := range N`, per-iteration loop variables); the expectations
#   are then produced from that Go-1.19 equivalent instead, and NAME.go says so in its first line.
#
# tests/errors/NAME.go: `go build NAME.go` run inside tests/errors; NAME.out is empty, NAME.code
#   holds 1 and NAME.err holds gc's diagnostics with the "# command-line-arguments" header
#   dropped and the "./" prefix stripped (also on the tab-indented continuation lines).
#   unsupported_*.go use features gojit rejects (generics) that Go
#   accepts; their expectation is gojit's own message.
#   Cases whose expectation is not what Go 1.19 prints are listed in ERR_OVERRIDES below (with the
#   reason); their .err is written by hand, in current Go's wording or as gojit's own
#   "... not supported by gojit" message, and this script leaves them alone (it checks that
#   Go 1.19 does reject them).
#
# tests/defer/NAME.go: same as tests/run; for an unrecovered panic the .err keeps stderr up to
#   "goroutine 1 [running]:" (minus the "[signal ...]" line, which holds addresses).
#
# examples/NAME.go: same as tests/run.
#
# tests/conformance is copied verbatim from /work/shared/conformance (expectations made there).
set -euo pipefail
shopt -s nullglob

here="$(cd "$(dirname "$0")" && pwd)"
check=0
[[ "${1:-}" == "--check" ]] && check=1

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Error cases whose .err is hand-written; the value says why.
declare -A ERR_OVERRIDES=(
  [declared_unused]="Go >= 1.20 says 'declared and not used: x' (1.19: 'x declared but not used')"
  [declared_unused_multi]="Go >= 1.20 wording 'declared and not used: x'"
  [assign_mismatch]="Go >= 1.20 says 'as string value in assignment' (1.19: 'as type string in assignment')"
  [unused_import]="Go >= 1.20 says '\"os\" imported and not used' (1.19: 'imported and not used: \"os\"')"
  [missing_method]="Go >= 1.24 one-line wording '(value of struct type Sq) as Shape value ...: Sq does not implement Shape (missing method Area)'"
  [pointer_receiver_iface]="Go >= 1.24 one-line wording '(value of struct type Box) as Setter value ... (method Set has pointer receiver)'"
  [unused_closure_var]="Go >= 1.20 wording 'declared and not used: y'"
  [string_assign]="Go >= 1.20 says '(neither addressable nor a map index expression)'"
  [not_enough_struct]="Go >= 1.20 says 'too few values in struct literal of type P'"
  [method_redeclared]="Go >= 1.20 says 'method T.M already declared at FILE:L:C'"
  [syntax_else_newline]="Go >= 1.20 says 'unexpected keyword else, expected }'"
  [syntax_missing_brace]="Go >= 1.20 says 'expected }' (1.19: 'expecting }')"
  [multiple_errors]="Go >= 1.20 says 'as string value in return statement'"
  [unused_with_other]="Go >= 1.20 wording 'declared and not used: x'"
  [fprintf_builder]="gojit's own message: fmt.Fprint* only to os.Stdout and os.Stderr"
)

gen_run() {
  local src="$1" out_dir="$2" name
  name="$(basename "$src" .go)"
  local from="$src"
  if [[ -f "$here/go119/$name.go" ]]; then
    from="$here/go119/$name.go"
    head -1 "$src" | grep -q '^// expected output from a Go 1.19 equivalent' \
      || { echo "$src: missing the 1.19-equivalent comment" >&2; exit 1; }
  fi
  local bin="$work/bin_$name"
  go build -o "$bin" "$from"
  local code=0
  (cd "$work" && "$bin" >"$out_dir/$name.out" 2>"$work/stderr") || code=$?
  rm -f "$out_dir/$name.err" "$out_dir/$name.code"
  # A crash report keeps only its stable head: everything up to "goroutine 1 [running]:",
  # without the address-bearing "[signal ...]" line; the traceback itself is not compared.
  [[ -s "$work/stderr" ]] && awk '/^\[signal /{next} {print} /^goroutine 1 \[running\]:$/{exit}' \
    "$work/stderr" >"$out_dir/$name.err"
  [[ $code -ne 0 ]] && echo "$code" >"$out_dir/$name.code"
  return 0
}

gen_error() {
  local src="$1" out_dir="$2" name
  name="$(basename "$src" .go)"
  local log="$work/build_$name"
  if (cd "$here/errors" && go build -o "$work/never_$name" "$name.go") >"$log" 2>&1 \
      && [[ $name != unsupported_* ]]; then
    echo "$src: Go 1.19 compiled it; an error case must not compile" >&2
    exit 1
  fi
  if [[ -n "${ERR_OVERRIDES[$name]:-}" ]]; then
    # Hand-written expectation: keep the committed files.
    if [[ "$out_dir" != "$here/errors" ]]; then
      for ext in out err code; do cp "$here/errors/$name.$ext" "$out_dir/$name.$ext"; done
    fi
    return 0
  fi
  : >"$out_dir/$name.out"
  echo 1 >"$out_dir/$name.code"
  grep -v '^# command-line-arguments$' "$log" | sed 's#^\(\t*\)\./#\1#' >"$out_dir/$name.err"
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
