package factorial

import (
	"bufio"
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/http/httptrace"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// Every response body is drained (up to 64 KiB) and closed on every path,
// so 10,000 calls at concurrency 16 reuse the connections they opened.
func TestConnectionReuse(t *testing.T) {
	const (
		calls       = 10_000
		concurrency = 16
	)
	var served, opened atomic.Int64
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch served.Add(1) % 4 {
		case 0:
			reply(w, 200, "application/json", accessJSON)
		case 1:
			reply(w, 404, "application/json", `{"errors":"Resource #1 not found"}`)
		case 2:
			reply(w, 429, "application/json", `{"errors":["Too many requests"]}`)
		case 3:
			reply(w, 500, "text/html", "<html><body><h1>We're sorry, but something went wrong.</h1></body></html>")
		}
	}))
	srv.Config.ConnState = func(_ net.Conn, s http.ConnState) {
		if s == http.StateNew {
			opened.Add(1)
		}
	}
	srv.Start()
	t.Cleanup(srv.Close)
	// The transport a Client gets without WithTransport, wrapped to count
	// the bodies read to EOF.
	tr := defaultTransport()
	if tr.MaxIdleConnsPerHost < concurrency {
		t.Fatalf("default MaxIdleConnsPerHost %d", tr.MaxIdleConnsPerHost)
	}
	// Without a cap, net/http dials a new connection whenever a request
	// finds the pool empty for an instant, even if a connection is about to
	// come back (a bare http.Client does the same: on a loaded machine it
	// can open more than 16 connections for 16 concurrent requests).
	// Capping at the concurrency turns that instant into a wait, so a
	// connection beyond 16 is one that was closed: a body not drained, or
	// an idle pool too small to keep it.
	tr.MaxConnsPerHost = concurrency
	bodies := &eofTracker{base: tr}
	c, err := NewClient(WithBaseURL(srv.URL), WithTransport(bodies))
	if err != nil {
		t.Fatal(err)
	}
	c.engine.Sleep = func(ctx context.Context, _ time.Duration) error { return ctx.Err() }
	// net/http also declines to pool a connection whose request write it has
	// not seen confirmed within 50 ms (maxWriteWaitBeforeConnReuse), which a
	// loaded machine occasionally causes. Count those: PutIdleConn is called
	// for every connection it does pool.
	var pooled atomic.Int64
	ctx := httptrace.WithClientTrace(context.Background(), &httptrace.ClientTrace{
		PutIdleConn: func(err error) {
			if err == nil {
				pooled.Add(1)
			}
		},
	})

	var ok, failed atomic.Int64
	call := func() {
		res, err := c.V1.Raw().GetMeWithResponse(ctx)
		if err == nil {
			if res.JSON200 == nil {
				t.Error("nil JSON200 with nil error")
			}
			ok.Add(1)
			return
		}
		var e *Error
		if !errors.As(err, &e) || (e.StatusCode != 404 && e.StatusCode != 429 && e.StatusCode != 500) {
			t.Errorf("unexpected error %v", err)
		}
		failed.Add(1)
	}
	jobs := make(chan struct{})
	var wg sync.WaitGroup
	for range concurrency {
		wg.Go(func() {
			for range jobs {
				call()
			}
		})
	}
	for range calls {
		jobs <- struct{}{}
	}
	close(jobs)
	wg.Wait()
	declined := bodies.responses.Load() - bodies.abandoned.Load() - pooled.Load()
	t.Logf("%d calls (%d ok, %d errors), %d requests served, %d TCP connections opened; %d bodies abandoned, %d connections declined by net/http",
		calls, ok.Load(), failed.Load(), served.Load(), opened.Load(), bodies.abandoned.Load(), declined)
	if ok.Load()+failed.Load() != calls || bodies.responses.Load() != served.Load() {
		t.Errorf("lost calls or responses")
	}
	if n := bodies.abandoned.Load(); n != 0 {
		t.Errorf("%d response bodies closed before EOF", n)
	}
	if n := opened.Load(); n > concurrency+declined {
		t.Errorf("opened %d connections for concurrency %d: bodies not drained or pool too small", n, concurrency)
	}
}

// eofTracker counts response bodies closed before being read to EOF, the
// ones whose connection net/http cannot reuse.
type eofTracker struct {
	base                 http.RoundTripper
	responses, abandoned atomic.Int64
}

func (e *eofTracker) RoundTrip(r *http.Request) (*http.Response, error) {
	resp, err := e.base.RoundTrip(r)
	if err == nil {
		e.responses.Add(1)
		resp.Body = &trackedBody{ReadCloser: resp.Body, t: e}
	}
	return resp, err
}

type trackedBody struct {
	io.ReadCloser
	t   *eofTracker
	eof bool
}

func (b *trackedBody) Read(p []byte) (int, error) {
	n, err := b.ReadCloser.Read(p)
	if err == io.EOF {
		b.eof = true
	}
	return n, err
}

func (b *trackedBody) Close() error {
	if !b.eof {
		b.t.abandoned.Add(1)
	}
	return b.ReadCloser.Close()
}

func TestStalledBodyTimesOut(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(200)
		_, _ = io.WriteString(w, `{"email":`)
		w.(http.Flusher).Flush()
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	c, _, _ := newTestClient(t, h, WithTimeout(100*time.Millisecond), WithRetryPolicy(RetryPolicy{MaxAttempts: 2}))
	start := time.Now()
	res, err := c.V1.Raw().GetMeWithResponse(context.Background())
	if res != nil {
		t.Fatal("result from a stalled body")
	}
	e := asError(t, err)
	if e.Kind != KindBodyRead || e.StatusCode != 200 || string(e.Body) != `{"email":` {
		t.Errorf("got %v (body %q)", err, e.Body)
	}
	if !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("errors.Is(%v, context.DeadlineExceeded) = false", err)
	}
	if h.hits() != 2 || time.Since(start) > 5*time.Second {
		t.Errorf("%d attempts in %v", h.hits(), time.Since(start))
	}
}

func TestStalledHeadersTimeOut(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(10 * time.Second):
		}
	})
	c, _, _ := newTestClient(t, h, WithTimeout(50*time.Millisecond))
	_, err := c.V1.Raw().GetMeWithResponse(context.Background())
	if !errors.Is(err, context.DeadlineExceeded) || !IsRetryable(err) {
		t.Errorf("err %v", err)
	}
	var e *Error
	if errors.As(err, &e) {
		t.Error("no response arrived, yet *Error")
	}
	if h.hits() != 3 {
		t.Errorf("%d attempts, want 3", h.hits())
	}
	// The caller's deadline ends the call, however many attempts are left.
	c2, _, _ := newTestClient(t, h, WithTimeout(0))
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := c2.V1.Raw().GetMeWithResponse(ctx); !errors.Is(err, context.DeadlineExceeded) || h.hits() != 4 {
		t.Errorf("err %v after %d attempts", err, h.hits())
	}
}

// The server promises 100 bytes, sends 11, and hangs up.
func TestConnectionClosedMidBody(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close()
		_, _ = buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"email\":\"a")
		_ = buf.Flush()
	})
	c, _, _ := newTestClient(t, h)
	res, err := c.V1.Raw().GetMeWithResponse(context.Background())
	if res != nil {
		t.Fatal("result from a broken body")
	}
	e := asError(t, err)
	if e.Kind != KindBodyRead || !errors.Is(err, io.ErrUnexpectedEOF) || !IsRetryable(err) {
		t.Errorf("got %v", err)
	}
	if h.hits() != 3 {
		t.Errorf("GET: %d attempts, want 3", h.hits())
	}
	// A POST is not repeated: the server may have acted on it.
	p := count(h.h)
	c2, _, _ := newTestClient(t, p)
	if _, err := c2.V1.Raw().RevokeTokenWithFormdataBodyWithResponse(context.Background(), revokeBody); err == nil || p.hits() != 1 {
		t.Errorf("POST: %d attempts, err %v", p.hits(), err)
	}
}

func TestRedirectIsNotFollowed(t *testing.T) {
	elsewhere := count(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Api-Key") != "" {
			t.Error("API key sent to another host")
		}
		reply(w, 200, "application/json", accessJSON)
	})
	other := httptest.NewServer(elsewhere)
	t.Cleanup(other.Close)
	c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, other.URL+"/api/v1/me", http.StatusFound)
	}), WithAPIKey("test-key-123"))
	_, err := c.V1.Raw().GetMeWithResponse(context.Background())
	e := asError(t, err)
	if e.StatusCode != 302 || e.Header.Get("Location") != other.URL+"/api/v1/me" || elsewhere.hits() != 0 {
		t.Errorf("got %v, location %q, other host hit %d times", err, e.Header.Get("Location"), elsewhere.hits())
	}
}

// A body passed as a plain io.Reader is buffered so a retry sends it again.
func TestRequestBodyReplayedOnRetry(t *testing.T) {
	var mu sync.Mutex
	var bodies []string
	h := count(nil)
	h.h = func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		mu.Lock()
		bodies = append(bodies, string(b))
		mu.Unlock()
		if h.hits() == 1 {
			reply(w, 503, "", "")
			return
		}
		reply(w, 200, "application/json", `{"access_token":"x","token_type":"Bearer"}`)
	}
	c, _, _ := newTestClient(t, h)
	body := bufio.NewReader(strings.NewReader("grant_type=refresh_token&refresh_token=r"))
	res, err := c.V1.Raw().CreateTokenWithBodyWithResponse(Idempotent(context.Background()), "application/x-www-form-urlencoded", body)
	if err != nil || res.JSON200 == nil {
		t.Fatalf("err %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(bodies) != 2 || bodies[0] != bodies[1] || bodies[1] != "grant_type=refresh_token&refresh_token=r" {
		t.Errorf("bodies %q", bodies)
	}
}

// Attempts in flight at once each get their own timeout from the client's
// one deadline timer: the stalled ones end with context.DeadlineExceeded
// no sooner than the timeout, the others succeed, and a streamed list
// whose body stalls after its first element ends the sequence the same way.
func TestConcurrentAttemptsTimeOutOnTheirOwn(t *testing.T) {
	t.Parallel()
	// Long enough for the calls that do not stall to finish on a loaded
	// machine under -race.
	const timeout = 400 * time.Millisecond
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Query().Get("stall") == "headers":
			<-r.Context().Done()
		case strings.HasSuffix(r.URL.Path, "/employees"):
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(200)
			_, _ = io.WriteString(w, `[{"id":1,"email":"a@example.com","first_name":"A","last_name":"B"},`)
			w.(http.Flusher).Flush()
			<-r.Context().Done()
		default:
			reply(w, 200, "application/json", accessJSON)
		}
	})
	c, srv, _ := newTestClient(t, h, WithTimeout(timeout), WithRetryPolicy(RetryPolicy{MaxAttempts: 1}))

	var wg sync.WaitGroup
	for i := range 24 {
		wg.Go(func() {
			stalled := i%3 == 0
			url := srv.URL + "/api/v1/me"
			if stalled {
				url += "?stall=headers"
			}
			req, _ := http.NewRequest(http.MethodGet, url, nil)
			start := time.Now()
			resp, err := c.Do(req)
			took := time.Since(start)
			if !stalled {
				if err != nil {
					t.Errorf("call %d: %v", i, err)
					return
				}
				_ = resp.Body.Close()
				return
			}
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("stalled call %d: %v", i, err)
			}
			if took < timeout {
				t.Errorf("stalled call %d ended after %v, before the timeout", i, took)
			}
		})
	}
	wg.Wait()

	n := 0
	for e, err := range c.V1.Employees.ListIter(context.Background()) {
		if err != nil {
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("stalled stream: %v", err)
			}
			break
		}
		n++
		_ = e
	}
	if n != 1 {
		t.Errorf("%d elements before the stall, want 1", n)
	}
}

// A RoundTripper of the caller's that waits on the request's context and
// reports its Err: an attempt ended by the client's timeout is still a
// retryable timeout, not the caller's cancellation.
func TestTimeoutThroughACustomTransport(t *testing.T) {
	t.Parallel()
	var attempts atomic.Int32
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		attempts.Add(1)
		<-r.Context().Done()
		return nil, r.Context().Err()
	})
	c, err := NewClient(WithBaseURL("http://127.0.0.1:1"), WithTransport(rt), WithTimeout(30*time.Millisecond),
		WithRetryPolicy(RetryPolicy{MaxAttempts: 2, BaseDelay: time.Millisecond, MaxDelay: time.Millisecond}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Employees.Get(context.Background(), "7")
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) || !IsRetryable(err) {
		t.Errorf("err %v: DeadlineExceeded %v, Canceled %v, retryable %v", err,
			errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled), IsRetryable(err))
	}
	if n := attempts.Load(); n != 2 {
		t.Errorf("%d attempts, want 2", n)
	}
}
