#!/usr/bin/env bash
# Fails when the committed generated code (api/, services.gen.go) or the
# generated docs are not what `go generate ./...` produces from openapi.yaml
# today.
set -euo pipefail
cd "$(dirname "$0")/.."
before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
cp -a api "$before/api"
cp services.gen.go "$before/"
[ -f docs/operations.md ] && mkdir -p "$before/docs" && cp docs/operations.md "$before/docs/"
go generate ./...
stale=0
if ! diff -ru "$before/api" api >/dev/null; then
  echo "generated code is stale: run 'go generate ./...' and commit api/" >&2
  diff -ru "$before/api" api | head -40 >&2 || true
  stale=1
fi
if ! diff -u "$before/services.gen.go" services.gen.go >/dev/null; then
  echo "services.gen.go is stale: run 'go generate ./...' and commit it" >&2
  stale=1
fi
if [ -f "$before/docs/operations.md" ] && ! diff -u "$before/docs/operations.md" docs/operations.md >/dev/null; then
  echo "docs/operations.md is stale: run 'go generate ./...' and commit it" >&2
  stale=1
fi
[ "$stale" = 0 ] && echo "generated: api/, services.gen.go and docs are fresh against openapi.yaml"
exit "$stale"
