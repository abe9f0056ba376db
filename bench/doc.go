// Package bench holds the client's performance benchmarks. Everything is
// in _test.go files; scripts/bench.sh runs them in several rounds and
// prints one summary line per figure, computed by bench/benchsummary from
// that run alone (medians over rounds).
//
// The figures and how each is measured:
//
//  1. Per-call overhead. The full client (factorial.NewClient with an API
//     key and default settings: per-attempt timeout, retries, response
//     checks, error layer), called through its typed services as an SDK
//     user calls it (Credentials.GetMe, Employees.List), and a hand-written
//     net/http GET + io.ReadAll + json.Unmarshal decode the same canned
//     bodies into the same generated types (api.Access, []api.Employee):
//     GET /api/v1/me and GET /api/v1/employees with 100 and 10,000
//     realistic employees (about 1 KiB of JSON each, nulls, accents,
//     nested hiring object). The canned server runs in a child process
//     (this test binary re-run with BENCH_CANNED_SERVER=1), so allocations
//     count the client side only. Time comes from BenchmarkCallPaired,
//     where each iteration makes one call of each kind in alternating
//     order and times both, so load on a shared machine hits both sides of
//     the ratio alike; allocations from BenchmarkCall's separate raw and
//     client benchmarks. BenchmarkCallInMemory repeats the comparison over
//     an in-memory RoundTripper: the client layer's own CPU cost, without
//     the network.
//  2. Refresh fan-in. 1,000 goroutines ask an oauth.TokenSource, on
//     factorialtest's clock, for a token that has just expired; the
//     benchmark fails unless exactly one refresh_token request reached the
//     server and all got the new token. p50 and p99 are over the waits of
//     every goroutine. BenchmarkRefreshFanInClient does the same through
//     the client: the server expires the token (ExpireToken), 1,000 calls
//     get 401, one refresh, 1,000 retries.
//  3. Big lists. GET /api/v1/employees with 50,000 employees (about
//     49 MiB) three ways: the raw baseline, Employees.List (the whole
//     slice) and Employees.ListIter (each element decoded from the
//     connection, checked and dropped, as a streaming consumer would).
//     Time: BenchmarkBigList times the three in rotation, each against
//     raw. Memory: BenchmarkBigListHeap's peak heap of one call (see
//     peakHeap), List's against raw's and ListIter's as a multiple of the
//     body size.
//  4. Sandbox throughput: internal/sandbox with full request and response
//     validation, 8 concurrent keep-alive clients over loopback HTTP; each
//     owns an employee and cycles GET /api/v1/me, clock in, GET
//     /api/v1/me, clock out, so the open-shift rule never answers 422. A
//     fresh sandbox per 4,000 requests, and once after 16,000.
//  5. specvalidate.Transport, which every HTTP test of the module wraps its
//     client in: a validated round trip against a plain one.
//  6. Paged lists of the dated API. The canned child also serves GET
//     /api/2026-07-01/resources/employees/employees in pages of 100
//     employees of the dated shape (every property of the Employee schema,
//     string ids, about 1.5 KiB each), chained by opaque base64 cursors in
//     meta.end_cursor, with 1,000 and 10,000 in all. Time:
//     BenchmarkPagedList walks the 10,000 (100 pages) with
//     Employees.ListIter and with a hand-written loop (GET a
//     page, io.ReadAll, json.Unmarshal into resources.EmployeePage, follow
//     end_cursor in after_id until has_next_page is false), paired like
//     figure 1. Memory: BenchmarkPagedListHeap's peak heap (peakHeap) of
//     a ListIter walk of 10,000 against ten walks of 1,000, the same
//     number of pages, so the ratio shows whether the total matters; and
//     the live heap at a forced collection mid-page at each total, which
//     is what one page holds.
package bench
