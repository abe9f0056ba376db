#!/usr/bin/env bash
# Lints openapi.yaml with Redocly CLI (pinned) at zero errors and zero
# warnings, using its recommended ruleset. Installs the CLI from npm into a
# cache directory on first use.
set -euo pipefail
cd "$(dirname "$0")/.."
REDOCLY_VERSION=2.77.0
dir="${XDG_CACHE_HOME:-$HOME/.cache}/factorial-go/redocly-$REDOCLY_VERSION"
if [ ! -x "$dir/node_modules/.bin/redocly" ]; then
  mkdir -p "$dir"
  (cd "$dir" && npm install --silent --no-audit --no-fund --no-save "@redocly/cli@$REDOCLY_VERSION" >/dev/null 2>&1) || {
    echo "openapi lint: could not install @redocly/cli@$REDOCLY_VERSION from npm" >&2; exit 1; }
fi
out=$(NO_UPDATE_NOTIFIER=1 REDOCLY_TELEMETRY=off "$dir/node_modules/.bin/redocly" lint openapi.yaml --format=summary 2>&1) || {
  echo "$out" | grep -v '^\s*[║╔╚]' >&2
  "$dir/node_modules/.bin/redocly" lint openapi.yaml 2>&1 | grep -v '^\s*[║╔╚]' | tail -60 >&2
  echo "openapi lint: Redocly $REDOCLY_VERSION found problems in openapi.yaml" >&2; exit 1; }
if echo "$out" | grep -q "^warning"; then
  "$dir/node_modules/.bin/redocly" lint openapi.yaml 2>&1 | grep -v '^\s*[║╔╚]' | tail -60 >&2
  echo "openapi lint: Redocly $REDOCLY_VERSION reports warnings in openapi.yaml" >&2; exit 1
fi
ops=$(grep -c 'operationId:' openapi.yaml)
echo "openapi lint: Redocly $REDOCLY_VERSION recommended rules, 0 errors, 0 warnings ($ops operations)"
