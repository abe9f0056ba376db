package factorial

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"golang.org/x/oauth2"
)

// accessJSON is a spec-valid GET /api/v1/me body.
const accessJSON = `{"email":"ada@example.com","employee_id":7,"full_name":"Ada Lovelace","first_name":"Ada","last_name":"Lovelace","role":"admin"}`

// fakeTokens implements TokenSource the way oauth.TokenSource behaves:
// RefreshIfStale switches to the next token only if the stale one is still
// current.
type fakeTokens struct {
	mu           sync.Mutex
	current      string
	next         []string
	refreshErr   error
	tokenCalls   int
	refreshCalls int
	stale        []string
}

func (f *fakeTokens) TokenContext(context.Context) (*oauth2.Token, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.tokenCalls++
	return &oauth2.Token{AccessToken: f.current, TokenType: "Bearer"}, nil
}

func (f *fakeTokens) RefreshIfStale(_ context.Context, stale string) (*oauth2.Token, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.refreshCalls++
	f.stale = append(f.stale, stale)
	if f.refreshErr != nil {
		return nil, f.refreshErr
	}
	if stale == f.current && len(f.next) > 0 {
		f.current, f.next = f.next[0], f.next[1:]
	}
	return &oauth2.Token{AccessToken: f.current, TokenType: "Bearer"}, nil
}

func (f *fakeTokens) counts() (token, refresh int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.tokenCalls, f.refreshCalls
}

// sleepRecorder replaces the client's sleep so retry tests run instantly
// and can assert on the waits.
type sleepRecorder struct {
	mu    sync.Mutex
	waits []time.Duration
}

func (s *sleepRecorder) sleep(ctx context.Context, d time.Duration) error {
	s.mu.Lock()
	s.waits = append(s.waits, d)
	s.mu.Unlock()
	return ctx.Err()
}

func (s *sleepRecorder) get() []time.Duration {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]time.Duration(nil), s.waits...)
}

// newTestClient starts h on loopback and returns a client for it whose
// retry waits are recorded instead of slept.
func newTestClient(t testing.TB, h http.Handler, opts ...Option) (*Client, *httptest.Server, *sleepRecorder) {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	c, err := NewClient(append([]Option{WithBaseURL(srv.URL)}, opts...)...)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	rec := &sleepRecorder{}
	c.engine.Sleep = rec.sleep
	return c, srv, rec
}

// counted wraps a handler and counts the requests it answers.
type counted struct {
	n atomic.Int64
	h http.HandlerFunc
}

func (c *counted) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	c.n.Add(1)
	c.h(w, r)
}

func (c *counted) hits() int { return int(c.n.Load()) }

func count(h http.HandlerFunc) *counted { return &counted{h: h} }

// reply writes a canned response.
func reply(w http.ResponseWriter, status int, contentType, body string) {
	if contentType != "" {
		w.Header().Set("Content-Type", contentType)
	}
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// asError unwraps err to *Error or fails the test.
func asError(t testing.TB, err error) *Error {
	t.Helper()
	if err == nil {
		t.Fatal("got nil error, want *Error")
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not an *Error", err, err)
	}
	return e
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }
