package oauth

import (
	"context"
	"math"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// computeExpiry turns Doorkeeper's created_at + expires_in into a deadline
// on the local clock.
//
// created_at + expires_in is the server's own statement of when the token
// dies, but in the server's clock. Comparing it with a local clock that is
// minutes off would refresh too late (401s) or too early, so when the
// response carries a Date header the value is shifted by the observed
// offset (received - Date): expiry = received + expires_in - (Date -
// created_at). For a fresh token that is received + expires_in; for one the
// server issued earlier (Doorkeeper's reuse_access_token) it is earlier,
// which is the safe side. Without Date, trust created_at only if it does
// not push the deadline past received + expires_in. Without created_at,
// fall back to x/oauth2's local computation. Both values have one-second
// resolution, which the refresh margin absorbs.
func computeExpiry(expiresIn int64, hasExpiry bool, createdAt, serverDate, received time.Time) time.Time {
	if !hasExpiry {
		return time.Time{}
	}
	life := time.Duration(expiresIn) * time.Second
	local := received.Add(life)
	switch {
	case createdAt.IsZero():
		return local
	case !serverDate.IsZero():
		age := max(serverDate.Sub(createdAt), 0)
		return received.Add(life - age)
	default:
		if viaCreated := createdAt.Add(life); viaCreated.Before(local) {
			return viaCreated
		}
		return local
	}
}

// wireInfo records facts about a token response that x/oauth2 does not
// expose: when it arrived and the server's Date header.
type wireInfo struct {
	received time.Time
	date     time.Time
}

type wireKey struct{}

// dateTransport fills the wireInfo found in the request's context. x/oauth2
// sends the token request synchronously with the context it was given, so
// the write happens before Exchange returns.
type dateTransport struct {
	base http.RoundTripper
	now  func() time.Time
}

func (d *dateTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := d.base.RoundTrip(req)
	if err == nil {
		if w, ok := req.Context().Value(wireKey{}).(*wireInfo); ok {
			w.received = d.now()
			w.date, _ = http.ParseTime(resp.Header.Get("Date"))
		}
	}
	return resp, err
}

func withDateCapture(hc *http.Client, now func() time.Time) *http.Client {
	base := hc.Transport
	if base == nil {
		base = http.DefaultTransport
	}
	c := *hc
	c.Transport = &dateTransport{base: base, now: now}
	return &c
}

func withWireInfo(ctx context.Context) (context.Context, *wireInfo) {
	w := &wireInfo{}
	return context.WithValue(ctx, wireKey{}, w), w
}

// maxExpiresIn caps expires_in (seconds) where x/oauth2 caps it for JSON
// bodies: about 68 years, far from overflowing a time.Duration.
const maxExpiresIn = math.MaxInt32

// maxCreatedAt is the last Unix second encoding/json can write as a
// time.Time (9999-12-31T23:59:59Z): a later created_at would make the token
// impossible to store.
const maxCreatedAt = 253402300799

// createdAt reads Doorkeeper's created_at from x/oauth2's Extra, or returns
// the zero time when it is absent or not a plausible Unix time.
func createdAt(v any) time.Time {
	sec, ok := number(v)
	if !ok || sec <= 0 || sec > maxCreatedAt {
		return time.Time{}
	}
	return time.Unix(sec, 0)
}

// number reads an integer field (created_at, expires_in) from x/oauth2's
// Extra: a float64 from JSON bodies, an int64 or string from form-encoded
// ones.
func number(v any) (int64, bool) {
	switch n := v.(type) {
	case float64:
		// >= : MaxInt64 rounds up to 2^63 as a float64, which int64()
		// cannot hold.
		if n < 0 || n >= math.MaxInt64 {
			return 0, false
		}
		return int64(n), true
	case int64:
		return n, n >= 0
	case string:
		i, err := strconv.ParseInt(strings.TrimSpace(n), 10, 64)
		return i, err == nil && i >= 0
	}
	return 0, false
}
