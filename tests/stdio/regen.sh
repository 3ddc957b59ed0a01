#!/usr/bin/env bash
# Regenerates tests/stdio/write_errors.MODE.out from the reference Go, Go 1.27.3: the program is
# built with `go build` and run with the redirections tests/cli.rs::write_errors_as_gc uses
# (MODE: normal, closed, full, ro on standard output; efull, ero, eclosed on standard error, with
# the argument "stderr"). Each .out is what the program prints on the other stream.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
go version | grep -q 'go1\.27\.3 ' || { echo "needs Go 1.27.3 on PATH (found: $(go version))" >&2; exit 1; }
export GOTOOLCHAIN=local GO111MODULE=on GOFLAGS=
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
go build -o "$work/w" "$here/write_errors.go"
w="$work/w"; o="$here/write_errors"
"$w" >/dev/null 2>"$o.normal.out"
"$w" >&- 2>"$o.closed.out"
"$w" >/dev/full 2>"$o.full.out"
"$w" 1</dev/null 2>"$o.ro.out"
"$w" stderr 2>/dev/full >"$o.efull.out"
"$w" stderr 2</dev/null >"$o.ero.out"
"$w" stderr 2>&- >"$o.eclosed.out"
