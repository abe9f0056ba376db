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
// subscription's (compared in constant time) and the body decodes into the
// event's generated type; it answers 4xx to anything else, and 500 when the
// callback fails, so that Factorial delivers again (it retries up to 20
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
	"slices"
	"strings"
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

// WithLogger logs refused deliveries and callback failures (never the
// challenge or the payload). The default discards.
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
	}
	for _, o := range opts {
		if o != nil {
			o(h)
		}
	}
	h.serve = func(ctx context.Context, body []byte, d Delivery) (int, error) {
		var payload T
		if trimmed := strings.TrimSpace(string(body)); trimmed == "null" {
			return http.StatusBadRequest, errors.New("payload is null")
		}
		if err := json.Unmarshal(body, &payload); err != nil {
			return http.StatusBadRequest, fmt.Errorf("payload does not decode into %s: %w", want, err)
		}
		if err := fn(ctx, payload, d); err != nil {
			return http.StatusInternalServerError, err
		}
		return http.StatusOK, nil
	}
	return h, nil
}

// ServeHTTP checks and decodes one delivery.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	status, reason := h.handle(r)
	if status != http.StatusOK {
		h.log.LogAttrs(r.Context(), slog.LevelWarn, "webhook: delivery refused",
			slog.String("event", string(h.event)), slog.Int("status", status), slog.String("reason", reason))
		http.Error(w, http.StatusText(status), status)
		return
	}
	w.WriteHeader(http.StatusOK)
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
