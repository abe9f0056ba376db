package engine

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"syscall"
	"time"
)

// Kind says why a response was turned into a *Failure; the public error
// kind of the same name carries the same text.
type Kind string

// The kinds of failure, as the public error kinds describe them.
const (
	KindStatus             Kind = "status"
	KindUndocumentedStatus Kind = "undocumented status"
	KindContentType        Kind = "unexpected content type"
	KindEmptyBody          Kind = "empty body"
	KindInvalidJSON        Kind = "invalid JSON"
	KindDecode             Kind = "undecodable body"
	KindBodyRead           Kind = "reading body"
	KindTooLarge           Kind = "body too large"
	KindSpecDrift          Kind = "spec drift"
)

// Failure is an exchange in which the server answered and the engine will
// not hand back a success: a non-2xx status, or a 2xx it cannot trust.
// Its fields are those of the public error it becomes (Config.PublicError),
// already redacted: the URL without secret query values, the body and
// messages without the credentials the call used, the header without
// Set-Cookie, the body cut at 64 KiB.
type Failure struct {
	Kind          Kind
	StatusCode    int
	Method        string
	URL           string
	Operation     string
	RequestID     string
	Code          string
	Messages      []string
	FieldErrors   map[string][]string
	RetryAfter    time.Duration
	Header        http.Header
	Body          []byte
	BodyTruncated bool
	Err           error
}

// Error describes the failure; callers see the public error instead.
func (f *Failure) Error() string {
	s := "factorial: " + f.Method + " " + f.URL + ": " + string(f.Kind)
	if f.Err != nil {
		s += ": " + f.Err.Error()
	}
	return s
}

// Unwrap returns the cause.
func (f *Failure) Unwrap() error { return f.Err }

// RetryableStatus lists the statuses that say "not now" rather than "no":
// rate limiting and a gateway or backend that is briefly unavailable. A 500
// is not among them: Factorial's 500s are bugs that repeat.
func RetryableStatus(code int) bool {
	switch code {
	case http.StatusTooManyRequests, http.StatusBadGateway, http.StatusServiceUnavailable, http.StatusGatewayTimeout:
		return true
	}
	return false
}

// TransientTransportError reports network failures worth another try.
func TransientTransportError(err error) bool {
	if errors.Is(err, context.DeadlineExceeded) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) ||
		errors.Is(err, syscall.ECONNRESET) || errors.Is(err, syscall.ECONNREFUSED) || errors.Is(err, syscall.EPIPE) ||
		errors.Is(err, syscall.ECONNABORTED) {
		return true
	}
	// *url.Error implements net.Error for every cause; look beneath it.
	var ue *url.Error
	if errors.As(err, &ue) {
		err = ue.Err
	}
	var ne net.Error
	return errors.As(err, &ne)
}

// PermanentTransportError reports failures no retry can fix: a
// certificate the client does not trust, a request the transport refuses.
func PermanentTransportError(err error) bool {
	var (
		cve *tls.CertificateVerificationError
		uae x509.UnknownAuthorityError
		he  x509.HostnameError
		cie x509.CertificateInvalidError
	)
	return errors.As(err, &cve) || errors.As(err, &uae) || errors.As(err, &he) || errors.As(err, &cie)
}

// isDialError reports a failure to establish the connection, which proves
// no byte of the request was sent.
func isDialError(err error) bool {
	var op *net.OpError
	if errors.As(err, &op) && (op.Op == "dial" || op.Op == "proxyconnect") {
		return true
	}
	var dns *net.DNSError
	return errors.As(err, &dns)
}
