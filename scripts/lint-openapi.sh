#!/usr/bin/env bash
# Lints every OpenAPI document at the repository root (openapi*.yaml:
# openapi.yaml for v1, openapi-resources.yaml for the dated API) with
# Redocly CLI (pinned) at zero errors and zero warnings, using its
# recommended ruleset. Installs the CLI from npm into a cache directory on
# first use. Prints one line per file.
set -euo pipefail
cd "$(dirname "$0")/.."
REDOCLY_VERSION=2.77.0
dir="${XDG_CACHE_HOME:-$HOME/.cache}/factorial-go/redocly-$REDOCLY_VERSION"
if [ ! -x "$dir/node_modules/.bin/redocly" ]; then
  mkdir -p "$dir"
  (cd "$dir" && npm install --silent --no-audit --no-fund --no-save "@redocly/cli@$REDOCLY_VERSION" >/dev/null 2>&1) || {
    echo "openapi lint: could not install @redocly/cli@$REDOCLY_VERSION from npm" >&2; exit 1; }
fi
redocly() { NO_UPDATE_NOTIFIER=1 REDOCLY_TELEMETRY=off "$dir/node_modules/.bin/redocly" "$@"; }
shopt -s nullglob
files=(openapi*.yaml)
if [ "${#files[@]}" = 0 ]; then
  echo "openapi lint: no openapi*.yaml at the repository root" >&2; exit 1
fi
for f in "${files[@]}"; do
  out=$(redocly lint "$f" --format=summary 2>&1) || {
    echo "$out" | grep -v '^\s*[║╔╚]' >&2
    redocly lint "$f" 2>&1 | grep -v '^\s*[║╔╚]' | tail -60 >&2
    echo "openapi lint: Redocly $REDOCLY_VERSION found problems in $f" >&2; exit 1; }
  if echo "$out" | grep -q "^warning"; then
    redocly lint "$f" 2>&1 | grep -v '^\s*[║╔╚]' | tail -60 >&2
    echo "openapi lint: Redocly $REDOCLY_VERSION reports warnings in $f" >&2; exit 1
  fi
  ops=$(grep -c 'operationId:' "$f")
  echo "openapi lint: $f: Redocly $REDOCLY_VERSION recommended rules, 0 errors, 0 warnings ($ops operations)"
done
