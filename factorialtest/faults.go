package factorialtest

import (
	"net/http"
	"time"

	"github.com/factorial-go/factorial/internal/sandbox"
)

// Fault makes matching requests misbehave, to test a client's retries,
// timeouts and error handling. Faults run in front of everything, OAuth
// endpoints included, like a proxy or load balancer failing before the
// API: a faulted answer is not validated against the spec (an HTML 503 is
// not in openapi.yaml, and a real proxy sends one anyway).
type Fault struct {
	// Match selects requests: an operationId ("ListEmployees",
	// "CreateToken"), a spec path template ("/api/v1/employees/{id}") or a
	// glob on the request path ("/api/v1/time/*"; a trailing * also
	// matches deeper paths), optionally after a method ("POST /api/*").
	// Empty matches every request.
	Match string
	// Times is how many matching requests the fault applies to (1: a
	// one-shot); 0 means every matching request until Remove or
	// ClearFaults.
	Times int

	// Latency delays the answer (or, with nothing else set, the request
	// before it reaches the server). A client that gives up first sees its
	// own timeout.
	Latency time.Duration
	// Status answers this status instead of the server, with Factorial's
	// {"errors": "Too Many Requests"} body unless Body or HTML says
	// otherwise.
	Status int
	// RetryAfter sets Retry-After (whole seconds, rounded up); a 429
	// without it says 1.
	RetryAfter time.Duration
	// Body is the raw body to send with Status (JSON unless HTML).
	Body string
	// HTML sends an nginx-style HTML error page, as a gateway does.
	HTML bool
	// Drop sends the status line, headers and part of the body, then
	// closes the connection: the client reads an unexpected EOF.
	Drop bool
	// ExpireToken expires the request's bearer token as it arrives
	// (ExpireToken), so the request itself is answered Doorkeeper's 401
	// "The access token expired": a token that runs out mid-test.
	ExpireToken bool
	// RevokeToken revokes it instead (401 "The access token was revoked").
	RevokeToken bool
}

// FaultHandle controls an injected fault.
type FaultHandle struct{ h *sandbox.FaultHandle }

// Hits is how many requests the fault has fired on.
func (h *FaultHandle) Hits() int { return h.h.Hits() }

// Remove stops the fault.
func (h *FaultHandle) Remove() { h.h.Remove() }

// InjectFault adds a fault. Faults are tried in the order added; the first
// that matches (and has shots left) fires.
func (s *Server) InjectFault(f Fault) *FaultHandle {
	sf := sandbox.Fault{
		Match: f.Match, Times: f.Times, Latency: f.Latency, Status: f.Status,
		RetryAfter: f.RetryAfter, Body: f.Body, HTML: f.HTML, Drop: f.Drop,
	}
	if f.ExpireToken || f.RevokeToken {
		sf.Hook = func(r *http.Request) {
			tok := bearer(r)
			if tok == "" {
				return
			}
			if f.RevokeToken {
				s.RevokeToken(tok)
			} else {
				s.ExpireToken(tok)
			}
		}
	}
	return &FaultHandle{h: s.sb.InjectFault(sf)}
}

// ClearFaults removes every fault.
func (s *Server) ClearFaults() { s.sb.ClearFaults() }
