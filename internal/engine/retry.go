package engine

import (
	"context"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// Retry bounds how a call is repeated; the public retry policy documents
// each field and converts to it.
type Retry struct {
	MaxAttempts   int
	BaseDelay     time.Duration
	MaxDelay      time.Duration
	MaxRetryAfter time.Duration
	MaxElapsed    time.Duration
}

// Backoff returns the wait before retry number n (1 for the first retry):
// full jitter, uniform in [0, min(MaxDelay, BaseDelay·2^(n-1))), so that
// clients that failed together do not retry together.
func (p Retry) Backoff(n int, rand func() float64) time.Duration {
	ceiling := p.MaxDelay
	if n-1 < 62 {
		if d := p.BaseDelay << (n - 1); d > 0 && d < ceiling {
			ceiling = d
		}
	}
	return time.Duration(rand() * float64(ceiling))
}

type idempotentKey struct{}

// WithIdempotent marks ctx: calls of any method under it may be retried.
func WithIdempotent(ctx context.Context) context.Context {
	return context.WithValue(ctx, idempotentKey{}, true)
}

// isIdempotent reports whether req may be sent more than once.
func isIdempotent(req *http.Request) bool {
	switch req.Method {
	case http.MethodGet, http.MethodHead, http.MethodOptions, http.MethodPut, http.MethodDelete:
		return true
	}
	marked, _ := req.Context().Value(idempotentKey{}).(bool)
	return marked
}

// parseRetryAfter reads Retry-After as delay-seconds or an HTTP-date. ok is
// false when the header is absent or unreadable.
func parseRetryAfter(h http.Header, now time.Time) (d time.Duration, ok bool) {
	v := strings.TrimSpace(h.Get("Retry-After"))
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.ParseInt(v, 10, 64); err == nil {
		if secs < 0 {
			return 0, false
		}
		// Clamp before multiplying: a hostile header must not overflow.
		const maxSecs = int64(365 * 24 * 3600)
		return time.Duration(min(secs, maxSecs)) * time.Second, true
	}
	t, err := http.ParseTime(v)
	if err != nil {
		return 0, false
	}
	return max(t.Sub(now), 0), true
}

// sleepContext waits for d or until ctx is done.
func sleepContext(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
