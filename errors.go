package factorial

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/factorial-go/factorial/internal/engine"
)

// Sentinels for the statuses callers branch on. An *Error matches them
// through its Is method, so errors.Is(err, ErrNotFound) works on whatever a
// service (or a raw generated method) returned.
var (
	ErrNotFound     = errors.New("factorial: not found")
	ErrUnauthorized = errors.New("factorial: unauthorized")
	ErrForbidden    = errors.New("factorial: forbidden")
	ErrRateLimited  = errors.New("factorial: rate limited")
	// ErrValidation is a 422: the server understood the request and
	// refused its content (a required field blank, a date out of order,
	// a rule of the resource broken). Error.Messages says what, and
	// Error.FieldErrors which field, when the server or its messages tell.
	ErrValidation = errors.New("factorial: validation failed")
)

// ErrorKind says why a response was turned into an *Error. Only KindStatus
// comes from the server saying no; the others mean the server said yes in a
// way the client cannot trust.
type ErrorKind string

const (
	// KindStatus: the server answered with a non-2xx status.
	KindStatus ErrorKind = "status"
	// KindUndocumentedStatus: a 2xx status the operation does not declare
	// (there is no type to decode it into).
	KindUndocumentedStatus ErrorKind = "undocumented status"
	// KindContentType: a 2xx body in a media type the operation does not
	// declare for that status (an HTML page from a proxy, say).
	KindContentType ErrorKind = "unexpected content type"
	// KindEmptyBody: a 2xx with no body where the operation declares JSON.
	KindEmptyBody ErrorKind = "empty body"
	// KindInvalidJSON: a body that is not well-formed JSON (truncated,
	// garbage) where JSON is declared or announced.
	KindInvalidJSON ErrorKind = "invalid JSON"
	// KindDecode: well-formed JSON that the generated type cannot hold
	// (a string where the schema says integer, an object for an array).
	KindDecode ErrorKind = "undecodable body"
	// KindBodyRead: the connection failed or timed out while the body was
	// being read. Err holds the cause.
	KindBodyRead ErrorKind = "reading body"
	// KindTooLarge: the body exceeded the configured maximum size.
	KindTooLarge ErrorKind = "body too large"
	// KindSpecDrift: strict runtime validation found a 2xx response that
	// does not match the spec (see WithResponseValidator).
	KindSpecDrift ErrorKind = "spec drift"
)

// Error is every failed exchange in which the server answered: a non-2xx
// status, or a 2xx the client cannot trust (an undeclared status or media
// type, a body that is empty, too large, unreadable or does not decode into
// the generated type). Use
// errors.As to reach it; errors.Is matches ErrNotFound, ErrUnauthorized,
// ErrForbidden, ErrRateLimited and ErrValidation, and whatever Err wraps.
//
// Failures before any response arrives (refused connections, DNS, TLS,
// timeouts before headers) are not *Error: they wrap a *url.Error with the
// URL redacted (use errors.As to reach it). Errors from the TokenSource
// come back wrapped too.
type Error struct {
	Kind       ErrorKind
	StatusCode int
	Method     string
	// URL of the request with the values of secret query parameters
	// (token, code, client_secret, api_key, ...) and userinfo replaced.
	URL string
	// Operation is the spec's operationId when the request matched one.
	Operation string
	// RequestID is the server's X-Request-Id, for Factorial support.
	RequestID string
	// Code is the OAuth error code of a Doorkeeper error body
	// (invalid_grant, invalid_client, ...).
	Code string
	// Messages holds every human-readable message of the error body, in
	// order; field errors appear as "field: message".
	Messages []string
	// FieldErrors holds the messages that belong to a field, by the
	// field's JSON name, so a form can show each beside its input.
	//
	// When the body names the fields ({"errors": {"field": ["message"]}},
	// v1's validation errors) they are kept as sent. The dated API sends
	// Rails' full messages in a list instead ({"errors": {"errors":
	// ["Email can't be blank"]}}), which name the field only in words; for
	// a 422 whose body names no field, each message is filed, whole, under
	// the request field whose humanized name ("first_name" is "First
	// name", "leave_type_id" is "Leave type") starts it: FieldErrors["email"]
	// is ["Email can't be blank"]. The fields considered are the keys of
	// the JSON object the request sent; the generated request types send
	// every required field, empty or not. This is best effort: a message
	// that starts with no field's name ("The team does not exist"), about
	// an optional field the request left out, about a field Factorial
	// names differently in its messages, or matching two fields humanized
	// alike stays out of FieldErrors; Messages always has every message.
	FieldErrors map[string][]string
	// RetryAfter is the server's Retry-After, when it sent one.
	RetryAfter time.Duration
	// Header holds the response headers (Set-Cookie removed).
	Header http.Header
	// Body is the raw response body, at most 64 KiB of it.
	Body []byte
	// BodyTruncated reports that Body holds only the first 64 KiB.
	BodyTruncated bool
	// Err is the underlying cause, if any: a read error or timeout
	// (KindBodyRead), the decode or validation failure (KindInvalidJSON,
	// KindDecode, KindSpecDrift), or a failed token refresh after a 401.
	Err error
}

func (e *Error) Error() string {
	var b strings.Builder
	b.WriteString("factorial: ")
	b.WriteString(e.Method)
	b.WriteByte(' ')
	b.WriteString(e.URL)
	b.WriteString(": ")
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, "%d %s", e.StatusCode, http.StatusText(e.StatusCode))
	}
	if e.Kind != "" && e.Kind != KindStatus {
		b.WriteString(": ")
		b.WriteString(string(e.Kind))
		if e.Kind == KindUndocumentedStatus && e.Operation != "" {
			b.WriteString(" for ")
			b.WriteString(e.Operation)
		}
		if e.Kind == KindContentType {
			fmt.Fprintf(&b, " %q", e.Header.Get("Content-Type"))
		}
	}
	if len(e.Messages) > 0 {
		b.WriteString(": ")
		b.WriteString(strings.Join(e.Messages, "; "))
	}
	if e.Err != nil {
		b.WriteString(": ")
		b.WriteString(e.Err.Error())
	}
	if e.RequestID != "" {
		b.WriteString(" (request id ")
		b.WriteString(e.RequestID)
		b.WriteByte(')')
	}
	return b.String()
}

// Message joins the server's messages, or returns "" when it sent none.
func (e *Error) Message() string { return strings.Join(e.Messages, "; ") }

// Unwrap returns the underlying cause, so errors.Is(err,
// context.DeadlineExceeded) holds for a body that stalled past the timeout.
func (e *Error) Unwrap() error { return e.Err }

// Is matches the status sentinels.
func (e *Error) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.StatusCode == http.StatusNotFound
	case ErrUnauthorized:
		return e.StatusCode == http.StatusUnauthorized
	case ErrForbidden:
		return e.StatusCode == http.StatusForbidden
	case ErrRateLimited:
		return e.StatusCode == http.StatusTooManyRequests
	case ErrValidation:
		return e.StatusCode == http.StatusUnprocessableEntity
	}
	return false
}

// IsRetryable reports whether trying the same call again later may succeed:
// a 429, 502, 503 or 504, a connection that failed or timed out, or a body
// that broke off. It does not consider whether repeating the call is safe
// (a POST that may have reached the server); that is the caller's decision.
// A cancelled context is never retryable.
func IsRetryable(err error) bool {
	if err == nil || errors.Is(err, context.Canceled) {
		return false
	}
	var e *Error
	if errors.As(err, &e) {
		switch e.Kind {
		case KindStatus:
			return engine.RetryableStatus(e.StatusCode)
		case KindBodyRead:
			return true
		}
		return false
	}
	if engine.PermanentTransportError(err) {
		return false
	}
	return engine.TransientTransportError(err)
}

// publicError is the *Error of an engine failure: the same fields, the
// kind under its public type.
func publicError(f *engine.Failure) error {
	return &Error{
		Kind:          ErrorKind(f.Kind),
		StatusCode:    f.StatusCode,
		Method:        f.Method,
		URL:           f.URL,
		Operation:     f.Operation,
		RequestID:     f.RequestID,
		Code:          f.Code,
		Messages:      f.Messages,
		FieldErrors:   f.FieldErrors,
		RetryAfter:    f.RetryAfter,
		Header:        f.Header,
		Body:          f.Body,
		BodyTruncated: f.BodyTruncated,
		Err:           f.Err,
	}
}
