package factorial_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
)

func ExampleNewClient() {
	// The guide's flow against a local sandbox; against Factorial, use
	// oauth.ProductionURL (or oauth.DemoURL) and a real browser.
	srv := factorialtest.NewServer()
	defer srv.Close()
	ctx := context.Background()

	cfg, err := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret,
		oauth.OOBRedirectURI, oauth.WithBaseURL(srv.URL()))
	if err != nil {
		log.Fatal(err)
	}
	auth, err := cfg.Authorize()
	if err != nil {
		log.Fatal(err)
	}
	page, err := srv.Approve(ctx, auth.URL) // the user approves and copies the code
	if err != nil {
		log.Fatal(err)
	}
	code, err := oauth.ParseCode(page.String())
	if err != nil {
		log.Fatal(err)
	}
	tok, err := cfg.Exchange(ctx, code, auth)
	if err != nil {
		log.Fatal(err)
	}
	ts, err := oauth.NewTokenSource(cfg, oauth.NewMemoryStore(tok)) // oauth.NewFileStore to keep it
	if err != nil {
		log.Fatal(err)
	}

	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithTokenSource(ts))
	if err != nil {
		log.Fatal(err)
	}
	me, err := c.V1.Credentials.GetMe(ctx)
	if err != nil {
		log.Fatal(err)
	}
	emps, err := c.V1.Employees.List(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(me.Email, len(emps), "employees")
	// Output: admin@example.com 5 employees
}

// Every failed call returns an *Error: why (Kind), the status, the
// server's messages in whatever shape it sent them, the request id, and
// the raw body.
func ExampleError() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Request-Id", "req-7f3a")
		w.WriteHeader(http.StatusNotFound)
		io.WriteString(w, `{"errors":"Resource #111 not found"}`)
	}))
	defer srv.Close()

	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL), factorial.WithAPIKey("my-api-key"))
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.V1.Employees.Get(context.Background(), 111)

	var fe *factorial.Error
	if errors.As(err, &fe) {
		fmt.Println(fe.Kind, fe.StatusCode, fe.Message())
		fmt.Println("request id:", fe.RequestID)
	}
	fmt.Println("not found:", errors.Is(err, factorial.ErrNotFound))
	fmt.Println("worth retrying:", factorial.IsRetryable(err))
	// Output:
	// status 404 Resource #111 not found
	// request id: req-7f3a
	// not found: true
	// worth retrying: false
}

// Validation errors keep their field names.
func ExampleError_fieldErrors() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusUnprocessableEntity)
		io.WriteString(w, `{"errors":{"manager_id":["The manager does not belong to the company"]}}`)
	}))
	defer srv.Close()

	c, _ := factorial.NewClient(factorial.WithBaseURL(srv.URL), factorial.WithAPIKey("my-api-key"))
	_, err := c.V1.Employees.Update(context.Background(), 1003, api.EmployeeUpdate{ManagerID: factorial.Ptr(99)})

	var fe *factorial.Error
	if errors.As(err, &fe) {
		for field, msgs := range fe.FieldErrors {
			fmt.Println(field, "→", msgs[0])
		}
	}
	// Output:
	// manager_id → The manager does not belong to the company
}

// A POST is retried only when the caller promises it is safe to repeat:
// Factorial has no idempotency keys, and a POST that reached the server
// (a clock-in, say) must not happen twice.
func ExampleIdempotent() {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if requests.Add(1) < 3 {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{}`)
	}))
	defer srv.Close()

	c, err := factorial.NewClient(
		factorial.WithBaseURL(srv.URL),
		factorial.WithRetryPolicy(factorial.RetryPolicy{BaseDelay: time.Millisecond}),
	)
	if err != nil {
		log.Fatal(err)
	}
	body := api.RevokeRequest{Token: "old-refresh-token"}

	_, err = c.OAuth.RevokeToken(context.Background(), body)
	var fe *factorial.Error
	if errors.As(err, &fe) {
		fmt.Printf("without the promise: %d after %d request(s)\n", fe.StatusCode, requests.Load())
	}

	// Revoking a token twice is harmless, so this call may be repeated.
	if _, err := c.OAuth.RevokeToken(factorial.Idempotent(context.Background()), body); err != nil {
		log.Fatal(err)
	}
	fmt.Printf("with the promise: revoked after %d request(s)\n", requests.Load())
	// Output:
	// without the promise: 503 after 1 request(s)
	// with the promise: revoked after 3 request(s)
}

// A 429 is retried for every method, POST included: the server refused
// the request before it had any effect. Its Retry-After is honoured up to
// MaxRetryAfter. A 503 to a POST is not retried: the request may have
// reached Factorial, and this clock-in must not happen twice.
func ExampleRetryPolicy() {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch requests.Add(1) {
		case 1:
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			w.WriteHeader(http.StatusServiceUnavailable)
		}
	}))
	defer srv.Close()

	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL), factorial.WithAPIKey("my-api-key"),
		factorial.WithRetryPolicy(factorial.RetryPolicy{
			MaxAttempts:   5,                // every attempt, the first included
			BaseDelay:     time.Millisecond, // backoff when the server sends no Retry-After
			MaxRetryAfter: 30 * time.Second, // a longer Retry-After ends the call with the *Error
		}))
	if err != nil {
		log.Fatal(err)
	}
	_, err = c.V1.Attendance.ClockIn(context.Background(), api.ClockInInput{
		EmployeeID: 1003,
		Now:        time.Date(2024, time.March, 4, 9, 0, 0, 0, time.UTC),
	})
	var fe *factorial.Error
	if errors.As(err, &fe) {
		fmt.Printf("%d after %d requests\n", fe.StatusCode, requests.Load())
	}
	// Output: 503 after 2 requests
}

// Requests go through the *http.Client you provide (its transport, proxy,
// TLS settings), still with the client's retries and errors on top.
func ExampleWithHTTPClient() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"email":"ada@example.com","employee_id":7}`)
	}))
	defer srv.Close()

	var seen []string
	hc := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		seen = append(seen, r.Method+" "+r.URL.Path)
		return http.DefaultTransport.RoundTrip(r)
	})}
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL), factorial.WithHTTPClient(hc))
	if err != nil {
		log.Fatal(err)
	}
	me, err := c.V1.Credentials.GetMe(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(me.Email)
	fmt.Println(seen)
	// Output:
	// ada@example.com
	// [GET /api/v1/me]
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// A company API key is sent bare in the x-api-key header.
func ExampleWithAPIKey() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("x-api-key") != "my-api-key" {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		io.WriteString(w, `{"email":"ada@example.com","employee_id":7,"role":"admin"}`)
	}))
	defer srv.Close()

	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL), factorial.WithAPIKey("my-api-key"))
	if err != nil {
		log.Fatal(err)
	}
	me, err := c.V1.Credentials.GetMe(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(me.Email, me.GetRole())

	anon, _ := factorial.NewClient(factorial.WithBaseURL(srv.URL))
	_, err = anon.V1.Credentials.GetMe(context.Background())
	fmt.Println("without the key:", errors.Is(err, factorial.ErrUnauthorized))
	// Output:
	// ada@example.com admin
	// without the key: true
}
