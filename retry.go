package factorial

import (
	"context"
	"net/http"
	"time"

	"github.com/factorial-go/factorial/internal/engine"
)

// RetryPolicy bounds how the client repeats a call that failed in a way
// that may pass: a 429, 502, 503 or 504, or a connection that failed.
//
// A 429 is repeated for every method, POST included: the server refused
// the request before it had any effect. The other failures are repeated
// only for idempotent calls: GET, HEAD, OPTIONS, PUT and DELETE, and any
// other method whose context or request carries the caller's promise
// (Idempotent, IdempotentRequest). Factorial has no Idempotency-Key header,
// so the promise is the caller's alone. A POST that may have reached the
// server is never re-sent: clocking someone in twice is real harm. A
// connection that could not be established at all proves nothing was sent,
// and is repeated for every method too.
//
// Waits use exponential backoff with full jitter (uniform in [0, min(MaxDelay,
// BaseDelay·2^n))) unless the server sent Retry-After, which is honoured in
// both its forms (seconds, HTTP-date) up to MaxRetryAfter.
type RetryPolicy struct {
	// MaxAttempts counts every attempt, the first included (default 3).
	// 1 disables retries.
	MaxAttempts int
	// BaseDelay is the backoff ceiling of the first retry (default 500ms).
	BaseDelay time.Duration
	// MaxDelay caps the backoff ceiling (default 30s).
	MaxDelay time.Duration
	// MaxRetryAfter is the longest Retry-After the client waits for
	// (default 60s). A longer one ends the call with the *Error, whose
	// RetryAfter tells the caller when to come back.
	MaxRetryAfter time.Duration
	// MaxElapsed bounds the whole call, attempts and waits together
	// (default 2m): no retry starts whose wait would cross it. The context
	// deadline is honoured the same way.
	MaxElapsed time.Duration
}

// DefaultRetryPolicy returns the policy a Client uses unless told otherwise.
func DefaultRetryPolicy() RetryPolicy { return RetryPolicy{}.withDefaults() }

func (p RetryPolicy) withDefaults() RetryPolicy {
	if p.MaxAttempts == 0 {
		p.MaxAttempts = 3
	}
	if p.BaseDelay == 0 {
		p.BaseDelay = 500 * time.Millisecond
	}
	if p.MaxDelay == 0 {
		p.MaxDelay = 30 * time.Second
	}
	if p.MaxRetryAfter == 0 {
		p.MaxRetryAfter = 60 * time.Second
	}
	if p.MaxElapsed == 0 {
		p.MaxElapsed = 2 * time.Minute
	}
	return p
}

// Idempotent returns a context under which calls of any method may be
// retried. Use it for a POST that is safe to repeat; the client cannot know
// that, and Factorial offers no idempotency key to make it so.
func Idempotent(ctx context.Context) context.Context {
	return engine.WithIdempotent(ctx)
}

// IdempotentRequest is Idempotent as a request editor, for the raw
// generated methods, which take editors per call. Approving a leave twice
// leaves it approved, so the POST may be repeated after a 503:
//
//	c.Raw().ApproveLeaveWithResponse(ctx, body, factorial.IdempotentRequest())
//
// With a service, pass an Idempotent context instead.
func IdempotentRequest() func(ctx context.Context, req *http.Request) error {
	return func(ctx context.Context, req *http.Request) error {
		// The editor can only reach the request, so the mark travels in the
		// request's context, where the transport reads it.
		*req = *req.WithContext(Idempotent(req.Context()))
		return nil
	}
}
