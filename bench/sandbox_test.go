package bench

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factorial-go/factorial/internal/sandbox"
)

// sandboxWorkers is figure 4's concurrency.
const sandboxWorkers = 8

// sandboxStep is one request of a worker's cycle. Each worker owns an
// employee and cycles me, clock in, me, clock out, so the sandbox's rule
// "no clock-in while a shift is open" never answers 422: half the traffic
// is GET /api/v1/me, a quarter each POST clock_in and clock_out.
type sandboxStep struct {
	method, path string
	body         func(employee int) string
	want         int
}

var sandboxCycle = []sandboxStep{
	{http.MethodGet, "/api/v1/me", nil, http.StatusOK},
	{http.MethodPost, "/api/v1/time/shifts/clock_in", clockBody, 0},
	{http.MethodGet, "/api/v1/me", nil, http.StatusOK},
	{http.MethodPost, "/api/v1/time/shifts/clock_out", clockBody, 0},
}

func clockBody(employee int) string {
	return fmt.Sprintf(`{"employee_id":%d,"now":"2024-03-04T09:00:00+01:00"}`, employee)
}

// newBenchSandbox returns a sandbox with full validation (its default) and
// one employee per worker.
func newBenchSandbox(tb testing.TB) (*sandbox.Sandbox, []int) {
	tb.Helper()
	s, err := sandbox.New(sandbox.WithViolationHandler(func(r *http.Request, err error) {
		tb.Errorf("spec violation answering %s %s: %v", r.Method, r.URL.Path, err)
	}))
	if err != nil {
		tb.Fatal(err)
	}
	var emps []int
	for i := range sandboxWorkers {
		id, err := s.Create(sandbox.ResEmployees, map[string]any{
			"first_name": "Worker", "last_name": fmt.Sprint(i), "email": fmt.Sprintf("worker%d@example.com", i),
		})
		if err != nil {
			tb.Fatal(err)
		}
		emps = append(emps, id)
	}
	return s, emps
}

// sandboxRun is the request count of one figure-4 run.
const sandboxRun = 4000

// BenchmarkSandbox is figure 4: requests per second through the sandbox's
// HTTP handler (routing, request validation, rules, response validation)
// from 8 keep-alive clients over loopback. One iteration is a fresh
// sandbox answering 4,000 requests (1,000 clock-in/clock-out pairs);
// req/s is the median over iterations.
func BenchmarkSandbox(b *testing.B) {
	var rates []float64
	for b.Loop() {
		rates = append(rates, sandboxRate(b, 0, sandboxRun))
	}
	b.ReportMetric(median(rates), "req/s")
}

// BenchmarkSandboxLong is figure 4 after 16,000 requests: the sandbox
// keeps every shift, so this shows whether the rate holds as its tables
// grow (benchsummary holds it to the same target as BenchmarkSandbox).
func BenchmarkSandboxLong(b *testing.B) {
	var rates []float64
	for b.Loop() {
		rates = append(rates, sandboxRate(b, 16000, sandboxRun))
	}
	b.ReportMetric(median(rates), "req/s")
}

// sandboxRate starts a sandbox, sends warm requests untimed, then timed
// requests, and returns the timed rate.
func sandboxRate(b *testing.B, warm, timed int) float64 {
	b.StopTimer()
	defer b.StartTimer()
	s, emps := newBenchSandbox(b)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: sandboxWorkers}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr}
	// At least one cycle per worker opens the connections.
	if _, err := runSandbox(hc, srv.URL, emps, max(warm, len(sandboxCycle)*sandboxWorkers)); err != nil {
		b.Fatal(err)
	}
	b.StartTimer()
	start := time.Now()
	sent, err := runSandbox(hc, srv.URL, emps, timed)
	elapsed := time.Since(start)
	b.StopTimer()
	if err != nil {
		b.Fatal(err)
	}
	return float64(sent) / elapsed.Seconds()
}

// runSandbox sends n requests, spread over the workers (each keeps its
// own clock-in/clock-out cycle, finished past n) and returns how many it
// sent.
func runSandbox(hc *http.Client, base string, emps []int, n int) (int64, error) {
	var (
		sent     atomic.Int64
		next     atomic.Int64
		wg       sync.WaitGroup
		firstErr error
		errOnce  sync.Once
	)
	fail := func(err error) { errOnce.Do(func() { firstErr = err }) }
	for w := range sandboxWorkers {
		emp := emps[w]
		wg.Go(func() {
			for step := 0; ; step++ {
				if next.Add(1) > int64(n) {
					// Finish the cycle so the next run starts clocked out.
					if step%len(sandboxCycle) == 0 {
						return
					}
				}
				st := sandboxCycle[step%len(sandboxCycle)]
				var body io.Reader
				if st.body != nil {
					body = strings.NewReader(st.body(emp))
				}
				req, err := http.NewRequest(st.method, base+st.path, body)
				if err != nil {
					fail(err)
					return
				}
				req.Header.Set("Authorization", "Bearer bench-admin-token")
				if body != nil {
					req.Header.Set("Content-Type", "application/json")
				}
				resp, err := hc.Do(req)
				sent.Add(1)
				if err != nil {
					fail(err)
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close()
				ok := resp.StatusCode == st.want || (st.want == 0 && (resp.StatusCode == 200 || resp.StatusCode == 201))
				if !ok {
					fail(fmt.Errorf("%s %s: status %d", st.method, st.path, resp.StatusCode))
					return
				}
			}
		})
	}
	wg.Wait()
	return sent.Load(), firstErr
}
