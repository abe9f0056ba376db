// Package webhook receives Factorial's webhook deliveries.
//
// Factorial POSTs the bare resource (the same JSON the dated API returns
// for it, no envelope) to a subscription's target URL when one of the
// subscription's events happens, with the subscription's challenge in the
// x-factorial-wh-challenge header and, when the actor is visible,
// x-factorial-author-type ("employee" or "company") and
// x-factorial-author-id. Nothing in the body names the event, so a
// receiver learns it from the URL it was delivered to: subscribe each
// event type to its own URL and mount one Handler per URL.
//
//	h, err := webhook.NewHandler(webhook.TimeOffLeaveApprove, challenge,
//		func(ctx context.Context, leave resources.Leave, d webhook.Delivery) error {
//			return notify(ctx, leave.GetEmployeeID())
//		})
//	mux.Handle("POST /hooks/leave-approved", h)
//
// A Handler accepts a delivery only when its challenge header equals the
// subscription's (compared in constant time) and the body is the event's
// resource: it decodes into the event's generated type and has every key
// that type's schema requires, a non-empty id among them (so {} or
// another resource's JSON is refused rather than passed on as a zero
// value). It answers 4xx to anything else, and 500 when the callback
// fails or panics, so that Factorial delivers again (it retries up to 20
// times over 48 hours, then disables the subscription).
//
// Every event type is a constant of type Event (TimeOffLeaveApprove is
// "timeoff/leave/approve"), whose doc names the payload type its
// deliveries decode into; EventTypes lists them all.
package webhook

import (
	"context"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"mime"
	"net/http"
	"reflect"
	"runtime/debug"
	"slices"
	"strings"
	"sync"
	"time"
)

// Header names of a delivery.
const (
	ChallengeHeader  = "x-factorial-wh-challenge"
	AuthorTypeHeader = "x-factorial-author-type"
	AuthorIDHeader   = "x-factorial-author-id"
)

// DefaultMaxBodyBytes bounds a delivery's body: one resource.
const DefaultMaxBodyBytes = 1 << 20

// Event is the type of a webhook subscription, the event it delivers
// ("timeoff/leave/approve"). The constants of this package name every event
// type Factorial delivers for the resources this module describes.
type Event string

// Delivery is what a delivery says besides its payload.
type Delivery struct {
	// Event is the subscription type the Handler was built for, e.g.
	// TimeOffLeaveApprove.
	Event Event
	// AuthorType is "employee" or "company" when Factorial names the actor.
	AuthorType string
	// AuthorID is the actor's id, when Factorial names it.
	AuthorID string
	// Body is the payload as delivered.
	Body json.RawMessage
}

// EventTypes lists the event types a Handler can be built for, sorted.
func EventTypes() []Event {
	out := make([]Event, 0, len(payloads))
	for t := range payloads {
		out = append(out, t)
	}
	slices.Sort(out)
	return out
}

// PayloadType returns the generated type an event's payload decodes into,
// or nil for an event this module does not describe.
func PayloadType(event Event) reflect.Type { return payloads[event] }

// Handler is an http.Handler that receives one subscription's deliveries.
// It is safe for concurrent use.
type Handler struct {
	event     Event
	challenge []byte
	maxBody   int64
	log       *slog.Logger
	serve     func(ctx context.Context, body []byte, d Delivery) (status int, err error)
	refusals  rateLimit
	now       func() time.Time
}

// Option configures a Handler.
type Option func(*Handler)

// WithMaxBodyBytes bounds the body a delivery may carry (default
// DefaultMaxBodyBytes); a larger one is answered 413.
func WithMaxBodyBytes(n int64) Option {
	return func(h *Handler) {
		if n > 0 {
			h.maxBody = n
		}
	}
}

// WithLogger logs refused deliveries, at a bounded rate (at most 10 at
// once, then one a second, each saying how many were left out), and every
// callback failure or panic (never the challenge or the payload). The
// default discards.
func WithLogger(l *slog.Logger) Option {
	return func(h *Handler) {
		if l != nil {
			h.log = l
		}
	}
}

// ErrUnknownEvent is returned by NewHandler for an event type this module
// has no payload type for (see EventTypes).
var ErrUnknownEvent = errors.New("webhook: unknown event type")

// NewHandler returns the Handler for the subscription of event whose
// challenge is challenge. T must be the event's payload type (PayloadType):
// resources.Leave for TimeOffLeaveApprove, say; a mismatch is an error
// here, never a failed delivery later. fn runs for every accepted
// delivery, with the request's context; an error from it answers 500 so
// Factorial delivers again.
func NewHandler[T any](event Event, challenge string, fn func(ctx context.Context, payload T, d Delivery) error, opts ...Option) (*Handler, error) {
	want, ok := payloads[event]
	if !ok {
		return nil, fmt.Errorf("%w: %q", ErrUnknownEvent, event)
	}
	if got := reflect.TypeFor[T](); got != want {
		return nil, fmt.Errorf("webhook: %s delivers %s, not %s", event, want, got)
	}
	if challenge == "" {
		return nil, errors.New("webhook: empty challenge: set one on the subscription so deliveries can be told from forgeries")
	}
	if fn == nil {
		return nil, errors.New("webhook: nil callback")
	}
	h := &Handler{
		event:     event,
		challenge: []byte(challenge),
		maxBody:   DefaultMaxBodyBytes,
		log:       slog.New(slog.DiscardHandler),
		now:       time.Now,
	}
	for _, o := range opts {
		if o != nil {
			o(h)
		}
	}
	required := requiredKeys(want)
	h.serve = func(ctx context.Context, body []byte, d Delivery) (int, error) {
		var payload T
		if trimmed := strings.TrimSpace(string(body)); trimmed == "null" {
			return http.StatusBadRequest, errors.New("payload is null")
		}
		if err := json.Unmarshal(body, &payload); err != nil {
			return http.StatusBadRequest, fmt.Errorf("payload does not decode into %s: %w", want, err)
		}
		if err := checkRequired(body, required); err != nil {
			return http.StatusBadRequest, fmt.Errorf("payload is not a %s: %w", want, err)
		}
		return callback(ctx, fn, payload, d)
	}
	return h, nil
}

// callback runs fn; an error or a panic in it answers 500 (so Factorial
// delivers again) instead of a reset connection.
func callback[T any](ctx context.Context, fn func(context.Context, T, Delivery) error, payload T, d Delivery) (status int, err error) {
	defer func() {
		if r := recover(); r != nil {
			if r == http.ErrAbortHandler {
				panic(r)
			}
			status, err = http.StatusInternalServerError, &panicError{value: r, stack: debug.Stack()}
		}
	}()
	if err := fn(ctx, payload, d); err != nil {
		return http.StatusInternalServerError, err
	}
	return http.StatusOK, nil
}

// panicError is a callback's panic, recovered. Its message names the
// panic value's type only: the value may hold payload data, which is
// never logged.
type panicError struct {
	value any
	stack []byte
}

func (e *panicError) Error() string {
	return fmt.Sprintf("callback panicked (%T)\n%s", e.value, e.stack)
}

// requiredKeys lists the JSON keys of the payload type that its schema
// requires: the generated struct's fields tagged without omitempty.
func requiredKeys(t reflect.Type) []string {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if t.Kind() != reflect.Struct {
		return nil
	}
	var out []string
	for f := range t.Fields() {
		name, opts, _ := strings.Cut(f.Tag.Get("json"), ",")
		if !f.IsExported() || name == "-" || name == "" || slices.Contains(strings.Split(opts, ","), "omitempty") {
			continue
		}
		out = append(out, name)
	}
	return out
}

// checkRequired refuses a payload object missing a key its schema
// requires, or whose id is null or empty: {} or another resource's JSON
// decodes into the event's type without an error, as a zero value.
func checkRequired(body []byte, required []string) error {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(body, &m); err != nil {
		return err
	}
	var missing []string
	for _, k := range required {
		if _, ok := m[k]; !ok {
			missing = append(missing, k)
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("missing %s", strings.Join(missing, ", "))
	}
	if id, ok := m["id"]; ok {
		if s := strings.TrimSpace(string(id)); s == "null" || s == `""` {
			return errors.New("empty id")
		}
	}
	return nil
}

// ServeHTTP checks and decodes one delivery.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	status, reason := h.handle(r)
	if status != http.StatusOK {
		if status >= 500 {
			// The callback failed: every one is logged (it is the
			// receiver's own failure, bounded by Factorial's retries).
			h.log.LogAttrs(r.Context(), slog.LevelError, "webhook: callback failed",
				slog.String("event", string(h.event)), slog.Int("status", status), slog.String("reason", reason))
		} else if n, ok := h.refusals.allow(h.now()); ok {
			// Refusals are what a forger produces at will: logged at a
			// bounded rate, with how many were left out since the last.
			attrs := []slog.Attr{slog.String("event", string(h.event)), slog.Int("status", status), slog.String("reason", reason)}
			if n > 0 {
				attrs = append(attrs, slog.Int64("suppressed", n))
			}
			h.log.LogAttrs(r.Context(), slog.LevelWarn, "webhook: delivery refused", attrs...)
		}
		http.Error(w, http.StatusText(status), status)
		return
	}
	w.WriteHeader(http.StatusOK)
}

// Refused deliveries are logged at most refusalBurst at once and then
// one per refusalEvery, so a flood of forged requests cannot fill the
// receiver's disk with logs.
const (
	refusalBurst = 10
	refusalEvery = time.Second
)

// rateLimit is a token bucket of refusalBurst tokens refilled at one per
// refusalEvery; it counts the events it turned away.
type rateLimit struct {
	mu         sync.Mutex
	tokens     float64
	last       time.Time
	suppressed int64
}

// allow reports whether an event at now may be logged and, if so, how
// many were suppressed since the last one that was.
func (l *rateLimit) allow(now time.Time) (int64, bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.last.IsZero() {
		l.tokens = refusalBurst
	} else if d := now.Sub(l.last); d > 0 {
		l.tokens = min(refusalBurst, l.tokens+float64(d)/float64(refusalEvery))
	}
	l.last = now
	if l.tokens < 1 {
		l.suppressed++
		return 0, false
	}
	l.tokens--
	n := l.suppressed
	l.suppressed = 0
	return n, true
}

func (h *Handler) handle(r *http.Request) (int, string) {
	if r.Method != http.MethodPost {
		return http.StatusMethodNotAllowed, "method " + r.Method
	}
	got := r.Header.Get(ChallengeHeader)
	if subtle.ConstantTimeCompare([]byte(got), h.challenge) != 1 {
		return http.StatusUnauthorized, "missing or wrong challenge header"
	}
	if ct := r.Header.Get("Content-Type"); ct != "" {
		mt, _, err := mime.ParseMediaType(ct)
		if err != nil || !strings.Contains(mt, "json") {
			return http.StatusUnsupportedMediaType, "content type is not JSON"
		}
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, h.maxBody+1))
	if err != nil {
		return http.StatusBadRequest, "reading body: " + err.Error()
	}
	if int64(len(body)) > h.maxBody {
		return http.StatusRequestEntityTooLarge, fmt.Sprintf("body over %d bytes", h.maxBody)
	}
	d := Delivery{
		Event:      h.event,
		AuthorType: r.Header.Get(AuthorTypeHeader),
		AuthorID:   r.Header.Get(AuthorIDHeader),
		Body:       json.RawMessage(body),
	}
	status, err := h.serve(r.Context(), body, d)
	if err != nil {
		return status, err.Error()
	}
	return status, ""
}
