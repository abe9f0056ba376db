#!/usr/bin/env bash
# The project's test command (README "Testing"); .ci/run calls it. Each gate
# prints one line saying what it checked; the first failing gate stops the run.
set -euo pipefail
cd "$(dirname "$0")/.."
# go.mod's toolchain line: go1.26.8 (this machine's Go) ships standard-library
# vulnerabilities that govulncheck finds reachable; go1.26.10 fixes them. The
# go command fetches that toolchain from the module proxy on first use.
export GOTOOLCHAIN="${GOTOOLCHAIN_OVERRIDE:-go1.26.10}"
go version
STATICCHECK_VERSION=v0.8.2

files=$(git ls-files '*.go' 2>/dev/null || find . -name '*.go' -not -path './.git/*')
unformatted=$(gofmt -l $files)
if [ -n "$unformatted" ]; then
  echo "gofmt: these files need formatting:" >&2; echo "$unformatted" >&2; exit 1
fi
echo "gofmt: $(echo "$files" | wc -w) Go files formatted"

go vet ./...
echo "vet: go vet ./... clean"

# staticcheck skips files marked "Code generated ... DO NOT EDIT" (api/),
# as the oapi-codegen README asks.
if ! out=$(go run "honnef.co/go/tools/cmd/staticcheck@$STATICCHECK_VERSION" ./...); then
  echo "$out" >&2; echo "staticcheck: findings above" >&2; exit 1
fi
echo "staticcheck: $STATICCHECK_VERSION clean on ./... (generated code skipped)"

if [ -x scripts/govulncheck.sh ]; then scripts/govulncheck.sh; fi

scripts/check-generated.sh
scripts/lint-openapi.sh

go test -race -count=1 ./...
echo "test: go test -race ./... passed"

# Each fuzz target briefly over its committed seeds and a few seconds of
# new inputs (scripts/fuzz.sh without --ci runs them longer).
scripts/fuzz.sh --ci
