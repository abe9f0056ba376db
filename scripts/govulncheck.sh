#!/usr/bin/env bash
# Offline govulncheck gate (called by scripts/test.sh when executable).
#
# vuln.go.dev is unreachable from CI, but the Go module proxy serves
# golang.org/x/vulndb, whose data/osv/ holds the OSV entries. This script
# downloads a pinned vulndb snapshot through the proxy, converts data/osv into
# the v1 database layout (scripts/vulndb), and runs a pinned govulncheck
# against it with -db file://<dir>. Prints one summary line on success.
#
# Exit status: 0 = no known vulnerabilities in called code (or skipped because
# the vulndb module / govulncheck could not be fetched); 3 = vulnerabilities in
# called code (govulncheck's own code; the findings are printed); anything
# else = govulncheck or the DB build failed.
#
# To move to a newer database, run `go list -m golang.org/x/vulndb@latest`
# outside this module and paste the pseudo-version below.
set -euo pipefail
cd "$(dirname "$0")/.."

GOVULNCHECK_VERSION=v1.9.0
VULNDB_VERSION=v0.0.0-20261105234957-e22db6528018
GOVULNCHECK="golang.org/x/vuln/cmd/govulncheck@$GOVULNCHECK_VERSION"

scratch=$(mktemp -d)
tmpdb=""
cleanup() { rm -rf "$scratch" ${tmpdb:+"$tmpdb"}; }
trap cleanup EXIT

skip() { echo "govulncheck: skipped: $*"; exit 0; }

# 1. Fetch the vulndb snapshot. Run outside this module (no go.mod in
#    $scratch) so nothing here touches go.mod/go.sum.
if ! dl=$(cd "$scratch" && GOFLAGS='' GOWORK=off go mod download -json "golang.org/x/vulndb@$VULNDB_VERSION" 2>&1); then
  reason=$(printf '%s\n' "$dl" | sed -n 's/^[[:space:]]*"Error": "\(.*\)",\{0,1\}$/\1/p' | head -n1)
  reason=${reason%%\\n*} # keep the first line of the JSON-escaped error
  skip "cannot fetch golang.org/x/vulndb@$VULNDB_VERSION: ${reason:-$(printf '%s\n' "$dl" | tail -n1)}"
fi
vulndb_dir=$(printf '%s\n' "$dl" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')
vulndb_info=$(printf '%s\n' "$dl" | sed -n 's/^[[:space:]]*"Info": "\(.*\)",\{0,1\}$/\1/p')
[ -d "$vulndb_dir/data/osv" ] || skip "golang.org/x/vulndb@$VULNDB_VERSION has no data/osv directory"
snapshot_time=$(sed -n 's/.*"Time":"\([^"]*\)".*/\1/p' "$vulndb_info" 2>/dev/null || true)

# 2. Build the database once per (vulndb version, converter source) into the
#    user cache; build into a temp dir and rename so a cache entry is never
#    half-written.
cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/factorial-go/vulndb"
converter_sum=$(sha256sum scripts/vulndb/main.go | cut -c1-12)
db="$cache_root/$VULNDB_VERSION-$converter_sum"
if [ ! -f "$db/index/modules.json" ]; then
  mkdir -p "$cache_root"
  tmpdb=$(mktemp -d "$cache_root/.build.XXXXXX")
  if ! out=$(go run ./scripts/vulndb -osv "$vulndb_dir/data/osv" -out "$tmpdb" ${snapshot_time:+-snapshot-time "$snapshot_time"} 2>&1); then
    rm -rf "$tmpdb"
    echo "$out" >&2
    echo "govulncheck: building the offline database from golang.org/x/vulndb@$VULNDB_VERSION failed" >&2
    exit 1
  fi
  mv -T "$tmpdb" "$db" 2>/dev/null || true # fails if a concurrent run won the race
  [ -f "$db/index/modules.json" ] || { echo "govulncheck: could not install the offline database at $db" >&2; exit 1; }
fi
entries=$(find "$db/ID" -name '*.json' | wc -l | tr -d ' ')
dbdesc="offline DB golang.org/x/vulndb@$VULNDB_VERSION, $entries entries"

# 3. Fetch and build govulncheck into the scratch dir. (Not `go run`: it
#    turns the tool's exit code 3 into 1.) The build cache makes this ~1s
#    after the first run.
if ! out=$(cd "$scratch" && GOFLAGS='' GOWORK=off GOBIN="$scratch/bin" go install "$GOVULNCHECK" 2>&1); then
  skip "cannot fetch/build $GOVULNCHECK: $(printf '%s\n' "$out" | grep -v '^go: downloading' | head -n1)"
fi

# 4. Scan. Patterns default to ./... (e.g. scripts/govulncheck.sh ./api/...).
[ "$#" -gt 0 ] || set -- ./...
rc=0
out=$("$scratch/bin/govulncheck" -db "file://$db" "$@" 2>&1) || rc=$?
flat=$(printf '%s\n' "$out" | tr '\n' ' ' | tr -s ' ')
case $rc in
  0)
    other=""
    if [[ $flat =~ This\ scan\ also\ found\ ([0-9]+)\ vulnerabilit[a-z]+\ in\ packages\ you\ import\ and\ ([0-9]+)\ vulnerabilit[a-z]+\ in\ modules\ you\ require ]]; then
      other="; not called: ${BASH_REMATCH[1]} in imported packages, ${BASH_REMATCH[2]} in required modules"
    fi
    echo "govulncheck: no known vulnerabilities in called code ($dbdesc$other)"
    ;;
  3)
    printf '%s\n' "$out"
    found="vulnerabilities found in called code"
    if [[ $flat =~ Your\ code\ is\ affected\ by\ ([0-9]+\ vulnerabilit[a-z]+[^.]*)\. ]]; then
      found="called code is affected by ${BASH_REMATCH[1]}"
    fi
    echo "govulncheck: $found ($dbdesc)" >&2
    exit 3
    ;;
  *)
    printf '%s\n' "$out" >&2
    echo "govulncheck: failed with exit code $rc ($dbdesc)" >&2
    exit "$rc"
    ;;
esac
