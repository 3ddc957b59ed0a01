#!/bin/sh
# Seeds corpus/frontend with the project's valid Go programs (run from fuzz/).
set -e
mkdir -p corpus/frontend
for f in ../tests/run/*.go ../tests/conformance/*.go ../tests/errors/*.go ../examples/*.go; do
    [ -f "$f" ] && cp "$f" "corpus/frontend/$(basename "$(dirname "$f")")_$(basename "$f")"
done
echo "corpus/frontend: $(ls corpus/frontend | wc -l) files"
