package factorial

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
)

var revokeBody = api.RevokeRequest{Token: "some-token"}

func TestGETRetriedThreeTimesOn503(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) {
		reply(w, http.StatusServiceUnavailable, "application/json", `{"errors":"maintenance"}`)
	})
	c, _, sleeps := newTestClient(t, h)
	_, err := c.V1.Raw().GetMeWithResponse(context.Background())
	e := asError(t, err)
	if e.StatusCode != 503 || e.Message() != "maintenance" {
		t.Errorf("got %v", err)
	}
	if h.hits() != 3 || len(sleeps.get()) != 2 {
		t.Errorf("%d attempts, %d waits; want 3 attempts, 2 waits", h.hits(), len(sleeps.get()))
	}
}

func TestGETRetriesUntilSuccess(t *testing.T) {
	statuses := []int{503, 429, 200}
	h := count(nil)
	h.h = func(w http.ResponseWriter, r *http.Request) {
		s := statuses[h.hits()-1]
		if s == 200 {
			reply(w, 200, "application/json", accessJSON)
			return
		}
		reply(w, s, "", "")
	}
	c, _, _ := newTestClient(t, h)
	res, err := c.V1.Raw().GetMeWithResponse(context.Background())
	if err != nil || res.JSON200 == nil {
		t.Fatalf("err %v", err)
	}
	if h.hits() != 3 {
		t.Errorf("%d attempts", h.hits())
	}
}

func TestPOSTNotRetriedUnlessIdempotent(t *testing.T) {
	for _, tt := range []struct {
		name string
		ctx  func(context.Context) context.Context
		eds  []api.RequestEditorFn
		want int
	}{
		{"unmarked", func(ctx context.Context) context.Context { return ctx }, nil, 1},
		{"context", Idempotent, nil, 3},
		{"editor", func(ctx context.Context) context.Context { return ctx }, []api.RequestEditorFn{IdempotentRequest()}, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var bodies []string
			var mu sync.Mutex
			h := count(func(w http.ResponseWriter, r *http.Request) {
				b, _ := io.ReadAll(r.Body)
				mu.Lock()
				bodies = append(bodies, string(b))
				mu.Unlock()
				reply(w, http.StatusServiceUnavailable, "", "")
			})
			c, _, _ := newTestClient(t, h)
			_, err := c.V1.Raw().RevokeTokenWithFormdataBodyWithResponse(tt.ctx(context.Background()), revokeBody, tt.eds...)
			if e := asError(t, err); e.StatusCode != 503 || e.Method != "POST" {
				t.Errorf("got %v", err)
			}
			if h.hits() != tt.want {
				t.Errorf("POST on 503: %d attempts, want %d", h.hits(), tt.want)
			}
			for _, b := range bodies {
				if b != "token=some-token" {
					t.Errorf("attempt sent body %q", b)
				}
			}
		})
	}
}

// A 429 refuses the request before it has any effect, so every method goes
// again, a POST through a service and one through Client.Do included, after
// the Retry-After the server asked for.
func TestPOSTRetriedOn429(t *testing.T) {
	var bodies []string
	var mu sync.Mutex
	h := count(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		n := len(bodies)
		mu.Unlock()
		if n == 1 {
			w.Header().Set("Retry-After", "2")
			reply(w, http.StatusTooManyRequests, "application/json", `{"errors":"Too many requests"}`)
			return
		}
		reply(w, http.StatusCreated, "application/json", `{"id":3,"employee_id":7,"clock_in":"09:00"}`)
	})
	c, _, rec := newTestClient(t, h)
	sh, err := c.V1.Attendance.ClockIn(context.Background(), api.ClockInInput{EmployeeID: 7, Now: time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC)})
	if err != nil || sh.ID != 3 {
		t.Fatalf("ClockIn after a 429: %+v, %v", sh, err)
	}
	if h.hits() != 2 || len(bodies) != 2 || bodies[0] != bodies[1] {
		t.Errorf("%d attempts with bodies %q, want the same body twice", h.hits(), bodies)
	}
	if w := rec.get(); len(w) != 1 || w[0] != 2*time.Second {
		t.Errorf("waited %v, want the 2 s Retry-After", w)
	}
}

// A clock-in style POST to an endpoint the spec does not know yet, through
// Client.Do: one attempt on 503.
func TestHandBuiltPOSTNotRetried(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) { reply(w, 503, "", "") })
	c, srv, _ := newTestClient(t, h, WithAPIKey("test-key-123"))
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/shifts/clock_in", strings.NewReader(`{"employee_id":7}`))
	req.Header.Set("Content-Type", "application/json")
	_, err := c.Do(req)
	if e := asError(t, err); e.StatusCode != 503 {
		t.Fatal(err)
	}
	if h.hits() != 1 {
		t.Errorf("clock-in sent %d times", h.hits())
	}
}

// refusingDialer fails the first n dials with a real "connection refused"
// and then dials the real server. Refused dials go to port 1 on loopback,
// which nothing listens on; a port freed by closing a listener could be
// handed to a parallel test's server and accept the dial.
func refusingDialer(t *testing.T, n int32, dials *atomic.Int32) *http.Transport {
	t.Helper()
	const dead = "127.0.0.1:1"
	var d net.Dialer
	return &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		if dials.Add(1) <= n {
			return d.DialContext(ctx, network, dead)
		}
		return d.DialContext(ctx, network, addr)
	}}
}

func TestPOSTRetriedOnConnectionRefused(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) { reply(w, 200, "application/json", `{}`) })
	var dials atomic.Int32
	c, _, sleeps := newTestClient(t, h, WithTransport(refusingDialer(t, 1, &dials)))
	res, err := c.V1.Raw().RevokeTokenWithFormdataBodyWithResponse(context.Background(), revokeBody)
	if err != nil || res.JSON200 == nil {
		t.Fatalf("err %v", err)
	}
	if dials.Load() != 2 || h.hits() != 1 || len(sleeps.get()) != 1 {
		t.Errorf("%d dials, %d requests served, %d waits; want 2, 1, 1", dials.Load(), h.hits(), len(sleeps.get()))
	}
}

func TestConnectionRefusedEveryTime(t *testing.T) {
	var dials atomic.Int32
	c, _, _ := newTestClient(t, http.NotFoundHandler(), WithTransport(refusingDialer(t, 100, &dials)))
	res, err := c.V1.Raw().RevokeTokenWithFormdataBodyWithResponse(context.Background(), revokeBody)
	if res != nil || err == nil {
		t.Fatal("want an error")
	}
	var e *Error
	if errors.As(err, &e) {
		t.Errorf("no response arrived, yet got *Error %v", e)
	}
	if !errors.Is(err, syscall.ECONNREFUSED) || !IsRetryable(err) {
		t.Errorf("err %v: Is ECONNREFUSED %v", err, errors.Is(err, syscall.ECONNREFUSED))
	}
	if dials.Load() != 3 {
		t.Errorf("%d dials, want 3", dials.Load())
	}
}

// A POST whose connection breaks after the request was written may have
// taken effect: it must not be sent again.
func TestPOSTNotResentAfterConnectionDrop(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.ReadAll(r.Body)
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			_ = conn.Close()
		}
	})
	c, _, _ := newTestClient(t, h)
	_, err := c.V1.Raw().RevokeTokenWithFormdataBodyWithResponse(context.Background(), revokeBody)
	if err == nil {
		t.Fatal("want error")
	}
	if h.hits() != 1 {
		t.Errorf("POST reached the server %d times", h.hits())
	}
	// The same failure on a GET is retried.
	g := count(h.h)
	c2, _, _ := newTestClient(t, g)
	_, err = c2.V1.Raw().GetMeWithResponse(context.Background())
	if err == nil || g.hits() != 3 {
		t.Errorf("GET: %d attempts, err %v", g.hits(), err)
	}
}

func TestRetryAfterSecondsAndDate(t *testing.T) {
	now := time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC)
	for _, tt := range []struct {
		header string
		want   time.Duration
	}{
		{"7", 7 * time.Second},
		{now.Add(30 * time.Second).Format(http.TimeFormat), 30 * time.Second},
		{now.Add(-time.Hour).Format(http.TimeFormat), 0},
		{"soon", 0}, // unreadable: backoff with rand 0 below
	} {
		h := count(nil)
		h.h = func(w http.ResponseWriter, r *http.Request) {
			if h.hits() == 1 {
				w.Header().Set("Retry-After", tt.header)
				reply(w, http.StatusTooManyRequests, "", "")
				return
			}
			reply(w, 200, "application/json", accessJSON)
		}
		c, _, sleeps := newTestClient(t, h)
		c.engine.Now = func() time.Time { return now }
		c.engine.Rand = func() float64 { return 0 }
		if _, err := c.V1.Raw().GetMeWithResponse(context.Background()); err != nil {
			t.Fatalf("Retry-After %q: %v", tt.header, err)
		}
		if got := sleeps.get(); !reflect.DeepEqual(got, []time.Duration{tt.want}) {
			t.Errorf("Retry-After %q: waited %v, want %v", tt.header, got, tt.want)
		}
	}
}

func TestRetryAfterBeyondCapIsNotWaitedFor(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		reply(w, http.StatusServiceUnavailable, "", "")
	})
	c, _, sleeps := newTestClient(t, h)
	_, err := c.V1.Raw().GetMeWithResponse(context.Background())
	e := asError(t, err)
	if e.RetryAfter != time.Hour || h.hits() != 1 || len(sleeps.get()) != 0 {
		t.Errorf("RetryAfter %v, %d attempts, waits %v", e.RetryAfter, h.hits(), sleeps.get())
	}
}

func TestBackoffFullJitter(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) { reply(w, 502, "", "") })
	c, _, sleeps := newTestClient(t, h, WithRetryPolicy(RetryPolicy{MaxAttempts: 5, BaseDelay: 100 * time.Millisecond, MaxDelay: 300 * time.Millisecond}))
	c.engine.Rand = func() float64 { return 0.5 }
	_, _ = c.V1.Raw().GetMeWithResponse(context.Background())
	// Ceilings 100, 200, 400→300 (capped), 300 ms; half of each.
	want := []time.Duration{50 * time.Millisecond, 100 * time.Millisecond, 150 * time.Millisecond, 150 * time.Millisecond}
	if got := sleeps.get(); !reflect.DeepEqual(got, want) || h.hits() != 5 {
		t.Errorf("waits %v (attempts %d), want %v", got, h.hits(), want)
	}
	if got := DefaultRetryPolicy(); got.MaxAttempts != 3 {
		t.Errorf("default MaxAttempts %d", got.MaxAttempts)
	}
}

func TestRetryWaitRespectsContext(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) { reply(w, 503, "", "") })
	c, _, _ := newTestClient(t, h)
	ctx, cancel := context.WithCancel(context.Background())
	realSleep := c.engine.Sleep
	c.engine.Sleep = func(ctx context.Context, d time.Duration) error {
		cancel()
		return realSleep(ctx, d)
	}
	_, err := c.V1.Raw().GetMeWithResponse(ctx)
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err %v, want context.Canceled", err)
	}
	if e := asError(t, err); e.StatusCode != 503 {
		t.Errorf("last response lost: %v", err)
	}
	if h.hits() != 1 {
		t.Errorf("%d attempts after cancel", h.hits())
	}
	// The real sleep returns as soon as the context ends.
	start := time.Now()
	if err := realSleep(ctx, time.Hour); !errors.Is(err, context.Canceled) || time.Since(start) > time.Second {
		t.Errorf("sleepContext: %v after %v", err, time.Since(start))
	}
}

func TestRetryBudgets(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "5")
		reply(w, 503, "", "")
	})
	// MaxElapsed below the server's Retry-After: give up at once.
	c, _, sleeps := newTestClient(t, h, WithRetryPolicy(RetryPolicy{MaxElapsed: 2 * time.Second}))
	_, err := c.V1.Raw().GetMeWithResponse(context.Background())
	if asError(t, err).StatusCode != 503 || h.hits() != 1 || len(sleeps.get()) != 0 {
		t.Errorf("MaxElapsed: %d attempts, waits %v", h.hits(), sleeps.get())
	}
	// A context deadline nearer than the wait does the same.
	c2, _, sleeps2 := newTestClient(t, h)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	_, err = c2.V1.Raw().GetMeWithResponse(ctx)
	if asError(t, err).StatusCode != 503 || h.hits() != 2 || len(sleeps2.get()) != 0 {
		t.Errorf("deadline: %d attempts, waits %v", h.hits(), sleeps2.get())
	}
}

func TestUnauthorizedRefreshesAndRetriesOnce(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer fresh-token-2" {
			w.Header().Set("WWW-Authenticate", `Bearer realm="Doorkeeper", error="invalid_token"`)
			reply(w, http.StatusUnauthorized, "", "")
			return
		}
		reply(w, 200, "application/json", accessJSON)
	})
	ts := &fakeTokens{current: "stale-token-1", next: []string{"fresh-token-2"}}
	c, _, sleeps := newTestClient(t, h, WithTokenSource(ts))
	res, err := c.V1.Raw().GetMeWithResponse(context.Background())
	if err != nil || res.JSON200 == nil {
		t.Fatalf("err %v", err)
	}
	if _, refreshes := ts.counts(); refreshes != 1 || !reflect.DeepEqual(ts.stale, []string{"stale-token-1"}) {
		t.Errorf("refreshes %d with %q", refreshes, ts.stale)
	}
	if h.hits() != 2 || len(sleeps.get()) != 0 {
		t.Errorf("%d requests, %d waits", h.hits(), len(sleeps.get()))
	}
}

func TestSecondUnauthorizedIsReturned(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) { reply(w, 401, "", "") })
	ts := &fakeTokens{current: "stale-token-1", next: []string{"fresh-token-2", "fresh-token-3"}}
	c, _, _ := newTestClient(t, h, WithTokenSource(ts))
	_, err := c.V1.Raw().GetTokenInfoWithResponse(context.Background())
	if !errors.Is(err, ErrUnauthorized) || asError(t, err).StatusCode != 401 {
		t.Fatalf("err %v", err)
	}
	if _, refreshes := ts.counts(); refreshes != 1 || h.hits() != 2 {
		t.Errorf("%d refreshes, %d requests; want 1 and 2", refreshes, h.hits())
	}
}

func TestRefreshFailureIsWrapped(t *testing.T) {
	errReauth := errors.New("oauth: re-authorization required")
	h := count(func(w http.ResponseWriter, r *http.Request) { reply(w, 401, "", "") })
	ts := &fakeTokens{current: "stale-token-1", refreshErr: errReauth}
	c, _, _ := newTestClient(t, h, WithTokenSource(ts))
	_, err := c.V1.Raw().GetMeWithResponse(context.Background())
	if !errors.Is(err, errReauth) || !errors.Is(err, ErrUnauthorized) || h.hits() != 1 {
		t.Errorf("err %v after %d requests", err, h.hits())
	}
	// A refresh that yields the same token also ends the call.
	ts2 := &fakeTokens{current: "stale-token-1"}
	c2, _, _ := newTestClient(t, h, WithTokenSource(ts2))
	_, err = c2.V1.Raw().GetMeWithResponse(context.Background())
	if !errors.Is(err, ErrUnauthorized) || h.hits() != 2 {
		t.Errorf("err %v after %d requests", err, h.hits())
	}
}

// A 401 is a rejection before any effect: a non-idempotent POST is sent
// again after the refresh, with the same body.
func TestUnauthorizedPOSTRetriedAfterRefresh(t *testing.T) {
	var mu sync.Mutex
	var bodies []string
	h := count(nil)
	h.h = func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
		if r.Header.Get("Authorization") != "Bearer fresh-token-2" {
			reply(w, 401, "", "")
			return
		}
		reply(w, 201, "application/json", `{"id":1}`)
	}
	ts := &fakeTokens{current: "stale-token-1", next: []string{"fresh-token-2"}}
	c, srv, _ := newTestClient(t, h, WithTokenSource(ts))
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/api/v1/shifts/clock_in", io.MultiReader(strings.NewReader(`{"employee_id":7}`)))
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != 201 || string(b) != `{"id":1}` {
		t.Errorf("status %d body %q", resp.StatusCode, b)
	}
	mu.Lock()
	defer mu.Unlock()
	if !reflect.DeepEqual(bodies, []string{`{"employee_id":7}`, `{"employee_id":7}`}) {
		t.Errorf("bodies %q", bodies)
	}
}

func TestUnauthorizedWithAPIKeyIsNotRetried(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) { reply(w, 401, "", "") })
	c, _, _ := newTestClient(t, h, WithAPIKey("test-key-123"))
	if _, err := c.V1.Raw().GetMeWithResponse(context.Background()); !errors.Is(err, ErrUnauthorized) || h.hits() != 1 {
		t.Errorf("err %v, %d requests", err, h.hits())
	}
}

// Concurrent 401s share one refresh: the fake refreshes only while the stale
// token is current, like oauth.TokenSource.
func TestConcurrentUnauthorizedShareOneRefresh(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("Authorization") != "Bearer fresh-token-2" {
			reply(w, 401, "", "")
			return
		}
		reply(w, 200, "application/json", accessJSON)
	})
	ts := &fakeTokens{current: "stale-token-1", next: []string{"fresh-token-2", "fresh-token-3"}}
	c, _, _ := newTestClient(t, h, WithTokenSource(ts))
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := c.V1.Raw().GetMeWithResponse(context.Background()); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	ts.mu.Lock()
	defer ts.mu.Unlock()
	if ts.current != "fresh-token-2" {
		t.Errorf("token rotated past the first refresh: %q", ts.current)
	}
}

// Every attempt of a service call carries the client's headers, each under
// its own name: a retry after a 503 and the repeat after a 401 included.
func TestServiceCallAttemptsCarryTheSameHeaders(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		opts []Option
		fail func(w http.ResponseWriter)
	}{
		{"503 then 200, API key", []Option{WithAPIKey("key-abcdef123")}, func(w http.ResponseWriter) { reply(w, 503, "", "") }},
		{"401 then 200, tokens", []Option{WithTokenSource(&fakeTokens{current: "stale-token-1", next: []string{"fresh-token-2"}})}, func(w http.ResponseWriter) { reply(w, 401, "", "") }},
	} {
		var mu sync.Mutex
		var seen []http.Header
		h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			mu.Lock()
			seen = append(seen, r.Header.Clone())
			first := len(seen) == 1
			mu.Unlock()
			if first {
				tc.fail(w)
				return
			}
			reply(w, 200, "application/json", `{"id":"7","first_name":"Ada","last_name":"Lovelace","full_name":"Ada Lovelace"}`)
		})
		c, _, _ := newTestClient(t, h, tc.opts...)
		if _, err := c.Employees.Get(context.Background(), "7"); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		mu.Lock()
		if len(seen) != 2 {
			t.Fatalf("%s: %d attempts", tc.name, len(seen))
		}
		for i, hd := range seen {
			if hd.Get("User-Agent") != DefaultUserAgent || hd.Get("Accept") != "application/json" {
				t.Errorf("%s, attempt %d: User-Agent %q, Accept %q", tc.name, i+1, hd.Get("User-Agent"), hd.Get("Accept"))
			}
		}
		if k := seen[1].Get("X-Api-Key"); k != seen[0].Get("X-Api-Key") {
			t.Errorf("%s: API key changed between attempts", tc.name)
		}
		if tc.opts != nil && seen[1].Get("Authorization") != "" && seen[1].Get("Authorization") != "Bearer fresh-token-2" {
			t.Errorf("%s: second attempt's Authorization %q", tc.name, seen[1].Get("Authorization"))
		}
		mu.Unlock()
	}
}
