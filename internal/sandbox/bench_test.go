package sandbox

import (
	"io"
	"net/http"
	"net/http/httptest"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// mixedRequests is a read-heavy mix with writes, as a client test suite
// sends: lists, gets, a filtered list, creates and clock in/out.
var mixedRequests = []struct{ method, path, body string }{
	{"GET", "/api/v1/employees/1003", ""},
	{"GET", "/api/v2/core/employees/1004", ""},
	{"GET", "/api/v1/core/teams", ""},
	{"GET", "/api/v1/time/leaves?employee_ids[]=1003&from=2024-03-01", ""},
	{"GET", "/api/v1/me", ""},
	{"POST", "/api/v1/core/tasks", `{"name":"Bench task","assignee_ids":[1003]}`},
	{"GET", "/api/v1/time/leave_types", ""},
	{"PUT", "/api/v1/core/teams/2", `{"description":"bench"}`},
}

// loadHandler runs n requests through h from `workers` goroutines
// in-process (no sockets, so the figure is the sandbox's own cost: routing,
// both validations, projection) and returns requests per second.
func loadHandler(t testing.TB, h http.Handler, workers, n int) float64 {
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if i >= int64(n) {
					return
				}
				rq := mixedRequests[i%int64(len(mixedRequests))]
				req := httptest.NewRequest(rq.method, rq.path, strings.NewReader(rq.body))
				req.Header.Set("Authorization", "Bearer "+tokAdmin)
				if rq.body != "" {
					req.Header.Set("Content-Type", "application/json")
				}
				w := httptest.NewRecorder()
				h.ServeHTTP(w, req)
				if w.Code >= 300 {
					t.Errorf("%s %s: %d %s", rq.method, rq.path, w.Code, w.Body)
					return
				}
				_, _ = io.Copy(io.Discard, w.Body)
			}
		})
	}
	wg.Wait()
	return float64(n) / time.Since(start).Seconds()
}

// BenchmarkHandlerParallel: go test -bench . -cpu 2 ./internal/sandbox/
func BenchmarkHandlerParallel(b *testing.B) {
	s, err := New(WithAuthenticator(StaticTokens(testTokens)))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	rate := loadHandler(b, s.Handler(), 8, b.N)
	b.ReportMetric(rate, "req/s")
}

// loadHTTP is loadHandler over loopback HTTP/1.1 with keep-alive.
func loadHTTP(t testing.TB, h http.Handler, workers, n int) float64 {
	srv := httptest.NewServer(h)
	defer srv.Close()
	tr := &http.Transport{MaxIdleConnsPerHost: workers}
	defer tr.CloseIdleConnections()
	hc := &http.Client{Transport: tr}
	var next atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for range workers {
		wg.Go(func() {
			for {
				i := next.Add(1) - 1
				if i >= int64(n) {
					return
				}
				rq := mixedRequests[i%int64(len(mixedRequests))]
				req, _ := http.NewRequest(rq.method, srv.URL+rq.path, strings.NewReader(rq.body))
				req.Header.Set("Authorization", "Bearer "+tokAdmin)
				if rq.body != "" {
					req.Header.Set("Content-Type", "application/json")
				}
				resp, err := hc.Do(req)
				if err != nil {
					t.Error(err)
					return
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				_ = resp.Body.Close()
				if resp.StatusCode >= 300 {
					t.Errorf("%s %s: %d", rq.method, rq.path, resp.StatusCode)
					return
				}
			}
		})
	}
	wg.Wait()
	return float64(n) / time.Since(start).Seconds()
}

// BenchmarkHTTPParallel: 8 concurrent keep-alive clients over loopback.
func BenchmarkHTTPParallel(b *testing.B) {
	s, err := New(WithAuthenticator(StaticTokens(testTokens)))
	if err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	b.ReportMetric(loadHTTP(b, s.Handler(), 8, b.N), "req/s")
}

// TestThroughput reports the sandbox's rate with full validation at
// concurrency 8 (in-process and over loopback HTTP). It only fails on a
// gross regression: the figure depends on the machine and its load.
func TestThroughput(t *testing.T) {
	if testing.Short() {
		t.Skip("short")
	}
	s, err := New(WithAuthenticator(StaticTokens(testTokens)))
	if err != nil {
		t.Fatal(err)
	}
	n := 6000
	if raceEnabled {
		n = 1500
	}
	inproc := loadHandler(t, s.Handler(), 8, n)
	overHTTP := loadHTTP(t, s.Handler(), 8, n)
	t.Logf("concurrency 8, GOMAXPROCS %d, race %v: %.0f req/s in-process, %.0f req/s over HTTP",
		runtime.GOMAXPROCS(0), raceEnabled, inproc, overHTTP)
	if !raceEnabled && overHTTP < 1000 {
		t.Errorf("throughput collapsed: %.0f req/s over HTTP", overHTTP)
	}
}
