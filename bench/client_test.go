package bench

//lint:file-ignore SA1019 the v1 benchmarks measure the retired API's services on purpose

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
// status, read the whole body with io.ReadAll and json.Unmarshal it into
// the generated type. A service call does the same read-then-decode once
// its transport has checked the response; what the figures compare is the
// cost of everything the client adds around it.
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

// clientMe is GET /api/v1/me as an SDK user makes it: through the typed
// service, which returns the success type or an error.
func clientMe(ctx context.Context, c *factorial.Client) (api.Access, error) {
	return c.V1.Credentials.GetMe(ctx)
}

// clientEmployees is the employee list through the typed service: the
// whole list decoded into one slice.
func clientEmployees(ctx context.Context, c *factorial.Client) ([]api.Employee, error) {
	return c.V1.Employees.List(ctx)
}

// iterEmployees consumes the employee list through the service's iterator
// as a streaming consumer would: each element is looked at (its id must
// follow the previous one) and dropped, so nothing but the decoder's state
// and the element in hand is live at any moment. It checks what wantLen
// checks of a slice.
func iterEmployees(ctx context.Context, c *factorial.Client, n int) error {
	count := 0
	lastBirthday := false
	for e, err := range c.V1.Employees.ListIter(ctx) {
		if err != nil {
			return err
		}
		if e.ID != 1001+count {
			return fmt.Errorf("element %d has id %d", count, e.ID)
		}
		count++
		lastBirthday = e.BirthdayOn != nil
	}
	if count != n || !lastBirthday {
		return fmt.Errorf("got %d employees", count)
	}
	return nil
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

// BenchmarkBigList is figure 3's time: GET /api/v1/employees with 50,000
// employees, three ways timed in rotation (see rotatedTimes): the raw
// baseline, Employees.List (the whole slice) and Employees.ListIter (each
// element decoded from the connection and dropped). Run it with a
// multiple of 3 iterations so each way is timed once in each position.
func BenchmarkBigList(b *testing.B) {
	srv := cannedServer(b)
	ctx := context.Background()
	const n = 50_000
	hc, c := rawClient(), newClient(b, srv.urls[n])
	base := srv.urls[n]
	// Warm up with GET /api/v1/me on the same server (the connection),
	// not with three more list calls of a second or more each.
	if _, err := rawMe(ctx, hc, base); err != nil {
		b.Fatal(err)
	}
	if _, err := clientMe(ctx, c); err != nil {
		b.Fatal(err)
	}
	rotatedTimes(b,
		leg{"raw", func() error { return wantLen(rawEmployees(ctx, hc, base))(n) }},
		leg{"list", func() error { return wantLen(clientEmployees(ctx, c))(n) }},
		leg{"iter", func() error { return iterEmployees(ctx, c, n) }})
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
	rotatedTimes(b, leg{"raw", raw}, leg{"client", client})
}

// leg is one way of making a call in a timed comparison; name prefixes
// its metrics.
type leg struct {
	name string
	call func() error
}

// rotatedTimes makes one call of every leg per iteration and times each,
// starting iteration i with leg i mod len(legs), so over len(legs)
// iterations every leg runs once in every position (with two legs: raw
// and client alternate which goes first). A burst of load on a shared
// machine then slows all legs alike, and no leg always pays for the
// garbage the one before it left. legs[0] is the baseline. It reports
// each leg's mean, NAME-ns/call, and for the others NAME/BASE, the ratio
// of their sums.
func rotatedTimes(b *testing.B, legs ...leg) {
	b.Helper()
	totals := make([]time.Duration, len(legs))
	i := 0
	for b.Loop() {
		for k := range legs {
			j := (i + k) % len(legs)
			t0 := time.Now()
			err := legs[j].call()
			totals[j] += time.Since(t0)
			if err != nil {
				b.Fatalf("%s: %v", legs[j].name, err)
			}
		}
		i++
	}
	for j, l := range legs {
		b.ReportMetric(float64(totals[j].Nanoseconds())/float64(i), l.name+"-ns/call")
		if j > 0 {
			b.ReportMetric(float64(totals[j])/float64(totals[0]), l.name+"/"+legs[0].name)
		}
	}
}

// BenchmarkBigListHeap is figure 3's memory: the peak heap of one call
// with 50,000 employees (see peakHeap), for the raw baseline,
// Employees.List and Employees.ListIter, reported in MiB and as a
// multiple of the body size.
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
	b.Run("list", func(b *testing.B) {
		c := newClient(b, srv.urls[n])
		run(b, func() error { return wantLen(clientEmployees(ctx, c))(n) })
	})
	b.Run("iter", func(b *testing.B) {
		c := newClient(b, srv.urls[n])
		run(b, func() error { return iterEmployees(ctx, c, n) })
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
