package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"testing"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/api"
)

// newClient is the full client with default settings and an API key.
func newClient(tb testing.TB, baseURL string) *factorial.Client {
	tb.Helper()
	c, err := factorial.NewClient(factorial.WithBaseURL(baseURL), factorial.WithAPIKey(apiKey))
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

// rawClient is what a hand-written caller would use: net/http with the
// same connection pool settings as the client's default transport.
func rawClient() *http.Client {
	t := http.DefaultTransport.(*http.Transport).Clone()
	t.MaxIdleConns, t.MaxIdleConnsPerHost = 100, 100
	return &http.Client{Transport: t}
}

// rawGet is the baseline: build the request, send the key, check the
// status, read the body and unmarshal it into the generated type. It is
// what the generated parser itself does after the transport, minus the
// transport.
func rawGet(ctx context.Context, hc *http.Client, url string, dest any) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return err
	}
	req.Header.Set("X-Api-Key", apiKey)
	req.Header.Set("Accept", "application/json")
	resp, err := hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("status %d", resp.StatusCode)
	}
	return json.Unmarshal(body, dest)
}

func rawMe(ctx context.Context, hc *http.Client, base string) (*api.Access, error) {
	var a api.Access
	if err := rawGet(ctx, hc, base+"/api/v1/me", &a); err != nil {
		return nil, err
	}
	return &a, nil
}

func rawEmployees(ctx context.Context, hc *http.Client, base string) ([]api.Employee, error) {
	var es []api.Employee
	if err := rawGet(ctx, hc, base+"/api/v1/employees", &es); err != nil {
		return nil, err
	}
	return es, nil
}

func clientMe(ctx context.Context, c *factorial.Client) (*api.Access, error) {
	r, err := c.Raw().GetMeWithResponse(ctx)
	if err != nil {
		return nil, err
	}
	if r.JSON200 == nil {
		return nil, fmt.Errorf("no JSON200 (status %d)", r.StatusCode())
	}
	return r.JSON200, nil
}

func clientEmployees(ctx context.Context, c *factorial.Client) ([]api.Employee, error) {
	r, err := c.Raw().ListEmployeesWithResponse(ctx)
	if err != nil {
		return nil, err
	}
	if r.JSON200 == nil {
		return nil, fmt.Errorf("no JSON200 (status %d)", r.StatusCode())
	}
	return *r.JSON200, nil
}

// BenchmarkCall is figure 1's allocations (and a second view of its time):
// GET /api/v1/me and GET /api/v1/employees with 100 and 10,000 employees,
// raw net/http+encoding/json against the client, as separate benchmarks.
func BenchmarkCall(b *testing.B) {
	srv := cannedServer(b)
	ctx := context.Background()
	b.Run("me/raw", func(b *testing.B) {
		hc, base := rawClient(), srv.urls[100]
		benchLoop(b, func() error {
			a, err := rawMe(ctx, hc, base)
			if err == nil && a.EmployeeID != 1001 {
				err = fmt.Errorf("employee_id %d", a.EmployeeID)
			}
			return err
		})
	})
	b.Run("me/client", func(b *testing.B) {
		c := newClient(b, srv.urls[100])
		benchLoop(b, func() error {
			a, err := clientMe(ctx, c)
			if err == nil && a.EmployeeID != 1001 {
				err = fmt.Errorf("employee_id %d", a.EmployeeID)
			}
			return err
		})
	})
	for _, n := range []int{100, 10_000} {
		b.Run(fmt.Sprintf("employees%d/raw", n), func(b *testing.B) {
			hc, base := rawClient(), srv.urls[n]
			b.SetBytes(int64(srv.sizes[n]))
			benchLoop(b, func() error { return wantLen(rawEmployees(ctx, hc, base))(n) })
		})
		b.Run(fmt.Sprintf("employees%d/client", n), func(b *testing.B) {
			c := newClient(b, srv.urls[n])
			b.SetBytes(int64(srv.sizes[n]))
			benchLoop(b, func() error { return wantLen(clientEmployees(ctx, c))(n) })
		})
	}
}

// BenchmarkCallPaired is figure 1's time: each iteration makes one raw
// call and one client call, alternating which goes first, and times each.
// On a shared machine a burst of load then slows both sides of the ratio
// alike, where separate benchmarks seconds apart can catch it on one side
// only. It reports both means and client/raw, the ratio of their sums.
func BenchmarkCallPaired(b *testing.B) {
	srv := cannedServer(b)
	ctx := context.Background()
	b.Run("me", func(b *testing.B) {
		hc, c := rawClient(), newClient(b, srv.urls[100])
		base := srv.urls[100]
		pairedLoop(b,
			func() error { _, err := rawMe(ctx, hc, base); return err },
			func() error { _, err := clientMe(ctx, c); return err })
	})
	for _, n := range []int{100, 10_000} {
		b.Run(fmt.Sprintf("employees%d", n), func(b *testing.B) {
			hc, c := rawClient(), newClient(b, srv.urls[n])
			base := srv.urls[n]
			pairedLoop(b,
				func() error { return wantLen(rawEmployees(ctx, hc, base))(n) },
				func() error { return wantLen(clientEmployees(ctx, c))(n) })
		})
	}
}

// BenchmarkBigList is figure 3's time: 50,000 employees, paired like
// BenchmarkCallPaired.
func BenchmarkBigList(b *testing.B) {
	srv := cannedServer(b)
	ctx := context.Background()
	const n = 50_000
	hc, c := rawClient(), newClient(b, srv.urls[n])
	base := srv.urls[n]
	// Warm up with GET /api/v1/me on the same server (the connection),
	// not with two more 2-second list calls.
	if _, err := rawMe(ctx, hc, base); err != nil {
		b.Fatal(err)
	}
	if _, err := clientMe(ctx, c); err != nil {
		b.Fatal(err)
	}
	pairedTimes(b,
		func() error { return wantLen(rawEmployees(ctx, hc, base))(n) },
		func() error { return wantLen(clientEmployees(ctx, c))(n) })
}

// pairedLoop times raw and client calls in alternation (see
// BenchmarkCallPaired), after one warm-up call of each.
func pairedLoop(b *testing.B, raw, client func() error) {
	b.Helper()
	for _, f := range []func() error{raw, client} {
		if err := f(); err != nil {
			b.Fatal(err)
		}
	}
	pairedTimes(b, raw, client)
}

// pairedTimes is pairedLoop without the warm-up.
func pairedTimes(b *testing.B, raw, client func() error) {
	b.Helper()
	var rawT, clientT time.Duration
	i := 0
	timed := func(f func() error, into *time.Duration) {
		t0 := time.Now()
		err := f()
		*into += time.Since(t0)
		if err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if i%2 == 0 {
			timed(raw, &rawT)
			timed(client, &clientT)
		} else {
			timed(client, &clientT)
			timed(raw, &rawT)
		}
		i++
	}
	b.ReportMetric(float64(rawT.Nanoseconds())/float64(i), "raw-ns/call")
	b.ReportMetric(float64(clientT.Nanoseconds())/float64(i), "client-ns/call")
	b.ReportMetric(float64(clientT)/float64(rawT), "client/raw")
}

// BenchmarkBigListHeap is figure 3's memory: the peak heap of one call
// with 50,000 employees, as a multiple of the body size (see peakHeap).
func BenchmarkBigListHeap(b *testing.B) {
	srv := cannedServer(b)
	ctx := context.Background()
	const n = 50_000
	size := float64(srv.sizes[n])
	run := func(b *testing.B, call func() error) {
		if err := call(); err != nil { // warm the connection
			b.Fatal(err)
		}
		var peaks []float64
		b.ResetTimer()
		for b.Loop() {
			peak, err := peakHeap(call)
			if err != nil {
				b.Fatal(err)
			}
			peaks = append(peaks, float64(peak))
		}
		m := median(peaks)
		b.ReportMetric(m/size, "peak/body")
		b.ReportMetric(m/(1<<20), "peak-MiB")
		b.ReportMetric(size/(1<<20), "body-MiB")
	}
	b.Run("raw", func(b *testing.B) {
		hc, base := rawClient(), srv.urls[n]
		run(b, func() error { return wantLen(rawEmployees(ctx, hc, base))(n) })
	})
	b.Run("client", func(b *testing.B) {
		c := newClient(b, srv.urls[n])
		run(b, func() error { return wantLen(clientEmployees(ctx, c))(n) })
	})
}

// benchLoop runs call b.N times after one warm-up call that opens the
// connection, failing on the first error.
func benchLoop(b *testing.B, call func() error) {
	b.Helper()
	if err := call(); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if err := call(); err != nil {
			b.Fatal(err)
		}
	}
}

func wantLen(es []api.Employee, err error) func(int) error {
	return func(n int) error {
		if err != nil {
			return err
		}
		if len(es) != n || es[n-1].ID != 1000+n || es[n-1].BirthdayOn == nil {
			return fmt.Errorf("got %d employees", len(es))
		}
		return nil
	}
}
