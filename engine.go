package factorial

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/factorial-go/factorial/internal/datedpath"
)

// maxErrorBody caps what is read of a body the client will not hand to the
// parser (error responses, wrong content types) and what an *Error keeps.
// A body that fits is read to EOF so the connection goes back to the pool;
// a larger one is abandoned and its connection closed, which costs a new
// handshake but never reads megabytes nobody will look at.
const maxErrorBody = 64 << 10

// engine sends every request of a Client: the services' (decode, list, startStream),
// the raw generated client's (it is its api.HttpRequestDoer) and Do's.
// Everything that makes a response trustworthy happens here: credentials,
// retries, the 401 refresh, the checks of status, media type and size, and
// for a service the one decode of the body into its generated type. A
// failure is an *Error, which the raw generated methods return as (nil,
// err).
type engine struct {
	// apiVersion is the dated API version of the client's services;
	// retiredOn when Factorial stops serving it, after which the first
	// dated call logs a warning (retiredOnce).
	apiVersion  string
	retiredOn   time.Time
	retiredOnce sync.Once

	hc        *http.Client
	base      *url.URL
	basePath  string // base.Path without its trailing slash, removed before an operation lookup
	userAgent string
	apiKey    string
	tokens    TokenSource
	timeout   time.Duration
	retry     RetryPolicy
	maxBody   int64
	// validator checks responses against the spec when validation is on
	// (WithResponseValidator); nil otherwise.
	validator  ResponseValidator
	validation ValidationMode
	log        *slog.Logger
	keySecrets scrubber // scrubber(nil).with(apiKey), computed once

	// Clock and randomness; tests replace them before the first request.
	sleep func(context.Context, time.Duration) error
	rand  func() float64
	now   func() time.Time
}

// Do sends req with retries, credentials and response checks. A 2xx that
// passes the checks comes back with its body fully read into memory (the
// raw generated parser reads it all anyway), so the connection is released
// before Do returns and the per-attempt timeout covers the body too.
func (d *engine) Do(req *http.Request) (*http.Response, error) {
	c, err := d.newExchange(req, d.findOperation(req))
	if err != nil {
		return nil, err
	}
	return c.run()
}

// decode sends a service call and decodes a JSON success body into target
// (nil for an operation without one). decoded reports whether the status
// carried a body that was decoded.
func (d *engine) decode(req *http.Request, op *operation, target any) (decoded bool, err error) {
	c, err := d.newExchange(req, op)
	if err != nil {
		return false, err
	}
	c.target, c.owned = target, true
	if target == nil {
		c.target = discard{}
	}
	if _, err := c.run(); err != nil {
		return false, err
	}
	return c.decoded, nil
}

var (
	nullJSON    = []byte("null")
	errNullBody = errors.New("null body where the spec declares a value")
)

// discard is the decode target of an operation declared without a success
// body: whatever the server sent is dropped.
type discard struct{}

func (discard) UnmarshalJSON([]byte) error { return nil }

// startStream sends a list call whose JSON success body is consumed as a startStream:
// open runs inside the attempt with the unread body, and the body stays
// open (under the attempt's timeout) until the returned startStream is closed.
// A sequence is not bounded by WithMaxResponseBytes: it holds one element
// at a time.
func (d *engine) startStream(req *http.Request, op *operation, open func(io.Reader) error) (*liveStream, error) {
	c, err := d.newExchange(req, op)
	if err != nil {
		return nil, err
	}
	c.open, c.owned = open, true
	resp, err := c.run()
	if err != nil {
		return nil, err
	}
	if c.watched == nil {
		_ = resp.Body.Close()
		return nil, c.newError(KindContentType, resp, nil, false)
	}
	return &liveStream{c: c, resp: resp}, nil
}

// streamAbove is the announced body size above which a list call decodes
// element by element rather than reading the body whole first.
const streamAbove = 1 << 20

// list sends a list call: a body announced at most streamAbove bytes is
// read whole and decoded into target; a larger or unannounced one is
// handed to open as it arrives, inside the attempt, bounded by
// WithMaxResponseBytes.
func (d *engine) list(req *http.Request, op *operation, target any, open func(io.Reader) error) error {
	c, err := d.newExchange(req, op)
	if err != nil {
		return err
	}
	c.target, c.open, c.limited, c.owned = target, open, true, true
	resp, err := c.run()
	if err != nil {
		return err
	}
	if c.watched != nil {
		(&liveStream{c: c, resp: resp}).close()
	}
	return nil
}

// newExchange starts a call of op (nil for a request to no known operation).
func (d *engine) newExchange(req *http.Request, op *operation) (*exchange, error) {
	if req.URL == nil || !req.URL.IsAbs() {
		return nil, errors.New("factorial: request URL must be absolute")
	}
	if req.Header == nil {
		req.Header = make(http.Header)
	}
	if err := makeReplayable(req); err != nil {
		return nil, fmt.Errorf("factorial: %s %s: read request body: %w", req.Method, redactURL(req.URL), err)
	}
	c := &exchange{
		eng:        d,
		ctx:        req.Context(),
		req:        req,
		idempotent: isIdempotent(req),
		start:      d.now(),
	}
	if op != nil {
		c.op = op.id
		if op.dated {
			d.warnIfRetired(c.ctx, c.start)
		}
	}
	c.operation = op
	if wantsCredentials(req, d.base, op) {
		c.useKey = d.apiKey != "" && req.Header.Get(apiKeyHeader) == ""
		// A caller that set Authorization itself keeps it, and owns its 401s.
		c.useToken = d.tokens != nil && req.Header.Get("Authorization") == ""
	}
	if sec := requestSecrets(req.URL); len(sec) > 0 {
		c.secrets = sec.with(d.apiKey)
	} else {
		c.secrets = d.keySecrets // shared: scrubber.with never modifies its receiver
	}
	return c, nil
}

// makeReplayable makes sure the body can be sent again (a retry, or the
// retry after a 401). Bodies built by the generated code already have
// GetBody; an arbitrary io.Reader passed to a *WithBody method is buffered.
func makeReplayable(req *http.Request) error {
	if req.Body == nil || req.Body == http.NoBody || req.GetBody != nil {
		return nil
	}
	data, err := io.ReadAll(req.Body)
	_ = req.Body.Close()
	if err != nil {
		return err
	}
	req.Body = io.NopCloser(bytes.NewReader(data))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
	req.ContentLength = int64(len(data))
	return nil
}

// findOperation returns the descriptor of a request that came without one
// (the raw generated client's, Do's): the operation of the document its
// path belongs to, the dated API's under /api/<version>/resources/ and
// openapi.yaml's for the rest. The specs' paths start at the host root, so
// a base URL path prefix (a proxy) is removed first. Requests for another
// origin, or matching no operation, get none.
func (d *engine) findOperation(req *http.Request) *operation {
	if req.URL == nil || !sameOrigin(req.URL, d.base) {
		return nil
	}
	p := req.URL.EscapedPath()
	if d.basePath != "" {
		rest, ok := strings.CutPrefix(p, d.basePath)
		if !ok || !strings.HasPrefix(rest, "/") {
			return nil
		}
		p = rest
	}
	v1, dated := operations()
	if rest, ok := datedpath.Rest(p); ok {
		return dated.find(req.Method, rest)
	}
	return v1.find(req.Method, p)
}
