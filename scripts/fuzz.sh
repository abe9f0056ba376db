#!/usr/bin/env bash
# Runs every Go fuzz target of the module, one after the other, and prints one
# line per target: its package, time, executions, new corpus entries and
# findings. A finding leaves the failing input under the package's
# testdata/fuzz/<Target>/ (commit it, minimised, as a regression seed) and
# makes the script exit 1 after the remaining targets have run.
#
#   scripts/fuzz.sh                 each target for $FUZZTIME (default 60s)
#   scripts/fuzz.sh --ci            each target for about 5 s (CI smoke run)
#   scripts/fuzz.sh [--ci] REGEX    only the targets whose name matches REGEX
#
# Targets are discovered with `go test -list '^Fuzz'`, so new ones are picked
# up without editing this script. The seed corpora (f.Add and testdata/fuzz)
# also run as ordinary tests in `go test ./...`.
set -uo pipefail
cd "$(dirname "$0")/.."

fuzztime="${FUZZTIME:-60s}"
filter='.'
for arg in "$@"; do
  case "$arg" in
    --ci) fuzztime="${FUZZTIME_CI:-5s}" ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    -*) echo "fuzz.sh: unknown option $arg" >&2; exit 2 ;;
    *) filter="$arg" ;;
  esac
done

# go test's -timeout (default 10m) must outlast -fuzztime, or a long run
# ends as a spurious "context deadline exceeded".
case "$fuzztime" in
  *h) timeout=$(( ${fuzztime%h} * 3600 + 600 ))s ;;
  *m) timeout=$(( ${fuzztime%m} * 60 + 600 ))s ;;
  *s) timeout=$(( ${fuzztime%s} + 600 ))s ;;
  *) timeout=1h ;; # Nx: a count of executions
esac

log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

targets=()
for pkg in $(go list ./...); do
  # -list compiles the package's tests; a package that does not build is
  # reported by the test gates, not here.
  for name in $(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true); do
    if [[ "$name" =~ $filter ]]; then
      targets+=("$pkg $name")
    fi
  done
done
if [ ${#targets[@]} -eq 0 ]; then
  echo "fuzz.sh: no fuzz targets match $filter" >&2
  exit 1
fi

module=$(go list -m)
failed=0
total_execs=0
echo "fuzz: ${#targets[@]} targets, $fuzztime each"
for t in "${targets[@]}"; do
  pkg=${t% *}
  name=${t#* }
  rel=".${pkg#"$module"}"
  log="$log_dir/$name.log"
  start=$(date +%s)
  go test -run='^$' -fuzz="^${name}\$" -fuzztime="$fuzztime" -timeout="$timeout" "$pkg" >"$log" 2>&1
  rc=$?
  secs=$(( $(date +%s) - start ))
  # The coordinator's last status line carries the totals:
  # "fuzz: elapsed: 1m0s, execs: 123456 (2057/sec), new interesting: 12 (total: 40)"
  status=$(grep -E '^fuzz: elapsed: .*execs: ' "$log" | tail -1)
  execs=$(sed -nE 's/.*execs: ([0-9]+).*/\1/p' <<<"$status")
  interesting=$(sed -nE 's/.*new interesting: ([0-9]+).*/\1/p' <<<"$status")
  execs=${execs:-0}
  interesting=${interesting:-0}
  # Replaying the cached corpus ("baseline coverage") counts against
  # -fuzztime but not as executions; with a large cache and a short run it
  # can take the whole time.
  baseline=$(grep -oE 'gathering baseline coverage: [0-9]+/[0-9]+' "$log" | tail -1 | sed 's/.*: //')
  baseline=${baseline:-0/0}
  total_execs=$((total_execs + execs))
  crasher=$(sed -nE 's/.*Failing input written to (.*)$/\1/p' "$log" | tail -1)
  note=""
  if [ $rc -ne 0 ] && [ -z "$crasher" ] && grep -qx '    context deadline exceeded' "$log" &&
    ! grep -qE '^\s+[a-z_]+_test\.go:[0-9]+:' "$log"; then
    # Go before 1.27 can report the -fuzztime deadline itself as a failure
    # when a worker is mid-input as time runs out: no input failed and none
    # was written. Not a finding.
    rc=0
    note="(fuzztime shutdown race go.dev/issue/75804 ignored)"
  fi
  if [ $rc -eq 0 ]; then
    printf '%-4s %-10s %-20s %4ss  baseline=%-9s execs=%-9s new-interesting=%-4s findings=0 %s\n' \
      ok "$rel" "$name" "$secs" "$baseline" "$execs" "$interesting" "$note"
  else
    failed=1
    printf '%-4s %-10s %-20s %4ss  baseline=%-9s execs=%-9s new-interesting=%-4s findings=1 %s\n' \
      FAIL "$rel" "$name" "$secs" "$baseline" "$execs" "$interesting" "${crasher:+input: $rel/$crasher}"
    # The failure itself, without the progress lines.
    grep -vE '^fuzz: (elapsed|minimizing)' "$log" | sed 's/^/     | /' | head -40
  fi
done
echo "fuzz: ${#targets[@]} targets, $total_execs executions, $([ $failed -eq 0 ] && echo "no findings" || echo "FINDINGS above")"
exit $failed
