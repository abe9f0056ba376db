// Package bench holds the client's performance benchmarks (GitHub issue
// #8). Everything is in _test.go files; scripts/bench.sh runs them several
// times and prints one summary line per figure, computed by
// bench/benchsummary from the same run.
//
// The figures and how each is measured:
//
//  1. Per-call overhead. The full client (factorial.NewClient with an API
//     key and default settings: retries, response checks, error layer) and
//     a hand-written net/http + encoding/json call decode the same canned
//     bodies into the same generated types (api.Access, []api.Employee).
//     The canned server runs in a child process (this test binary re-run
//     with BENCH_CANNED_SERVER=1), so allocs/op counts the client side
//     only and the two sides do not share a Go scheduler.
//  2. Refresh fan-in. 1,000 goroutines ask an oauth.TokenSource for a token
//     that has just expired on factorialtest's clock; the benchmark fails
//     unless exactly one refresh_token request reached the server. It
//     reports the p50 and p99 of the time each goroutine waited.
//  3. Big lists. GET /api/v1/employees with 50,000 employees: time per call,
//     and the peak heap of one call (see peakHeap for the method).
//  4. Sandbox throughput: internal/sandbox with full request and response
//     validation, 8 concurrent keep-alive clients over loopback HTTP, GET
//     /api/v1/me and clock-in/clock-out pairs on distinct employees.
//  5. specvalidate.Transport: a validated round trip against a plain one.
package bench
