#!/usr/bin/env bash
# The project's test command (README "Testing"); .ci/run calls it.
set -euo pipefail
cd "$(dirname "$0")/.."
unformatted=$(gofmt -l $(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt: these files need formatting:" >&2; echo "$unformatted" >&2; exit 1
fi
echo "gofmt: all Go files formatted"
go vet ./...
echo "vet: go vet ./... clean"
scripts/check-generated.sh
go test -race -count=1 ./...
echo "test: go test -race ./... passed"
