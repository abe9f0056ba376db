#!/usr/bin/env bash
# Fails when any committed generated file is not what `go generate ./...`
# produces from openapi.yaml and openapi-resources.yaml today: the
# generated packages (api/, resources/), the services over them, the
# webhook event registry and the operation tables in docs/.
set -euo pipefail
cd "$(dirname "$0")/.."
generated=(
  api/api.gen.go api/getters.gen.go
  resources/resources.gen.go resources/getters.gen.go
  services.gen.go resources_services.gen.go
  webhook/events.gen.go
  internal/specvalidate/specs.gen.go
  resources/raw/raw.gen.go
  scripts/servicegen/testdata/mini.gen.go
  docs/operations.md docs/resources-operations.md
)
before=$(mktemp -d)
trap 'rm -rf "$before"' EXIT
for f in "${generated[@]}"; do
  mkdir -p "$before/$(dirname "$f")"
  cp "$f" "$before/$f"
done
go generate ./...
stale=0
for f in "${generated[@]}"; do
  if ! diff -u "$before/$f" "$f" >/dev/null; then
    echo "$f is stale: run 'go generate ./...' and commit it" >&2
    diff -u "$before/$f" "$f" | head -20 >&2 || true
    stale=1
  fi
done
[ "$stale" = 0 ] && echo "generated: ${#generated[@]} files fresh against openapi.yaml and openapi-resources.yaml"
exit "$stale"
