package engine

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/factorial-go/factorial/internal/datedpath"
)

// maxErrorBody caps what is read of a body the client will not hand to the
// parser (error responses, wrong content types) and what a *Failure keeps.
// A body that fits is read to EOF so the connection goes back to the pool;
// a larger one is abandoned and its connection closed, which costs a new
// handshake but never reads megabytes nobody will look at.
const maxErrorBody = 64 << 10

// Engine sends every request of a Client: the services' (Decode, List,
// StartStream), the raw generated clients' (it is their HTTP doer) and
// Client.Do's. Everything that makes a response trustworthy happens here:
// credentials, retries, the 401 refresh, the checks of status, media type
// and size, and for a service the one decode of the body into its
// generated type. A failure in which the server answered is a *Failure,
// which leaves the engine as the error Config.PublicError makes of it.
type Engine struct {
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
	tokens    Tokens
	timeout   time.Duration
	retry     Retry
	maxBody   int64
	// validator checks responses against the spec when validation is on;
	// nil otherwise.
	validator  Validator
	validation Validation
	log        *slog.Logger
	keySecrets scrubber // scrubber(nil).with(apiKey), computed once
	deadlines  deadlines
	operations func() (v1, dated *Index)
	public     func(*Failure) error

	// Clock and randomness; tests replace them before the first request.
	// Now, when set, replaces the wall clock for retry budgets,
	// Retry-After dates, logged durations and the version check (not for
	// attempt deadlines, which are always the wall clock's).
	Sleep func(context.Context, time.Duration) error
	Rand  func() float64
	Now   func() time.Time
}

// now reads the engine's clock.
func (d *Engine) now() time.Time {
	if d.Now != nil {
		return d.Now()
	}
	return time.Now()
}

// Config is what an Engine is built from.
type Config struct {
	// APIVersion is the dated API version the client's services call,
	// RetiredOn the day Factorial stops serving it.
	APIVersion string
	RetiredOn  time.Time
	// HTTPClient sends each attempt.
	HTTPClient *http.Client
	// Base is the client's base URL: only requests to its origin get
	// credentials, and its path is removed before an operation lookup.
	Base      *url.URL
	UserAgent string
	// APIKey and Tokens are the credentials; either may be empty.
	APIKey string
	Tokens Tokens
	// Timeout bounds each attempt, body included; 0 for none.
	Timeout time.Duration
	Retry   Retry
	// MaxBody bounds a response body held in memory.
	MaxBody    int64
	Validator  Validator
	Validation Validation
	Log        *slog.Logger
	// Operations returns the indexes that find the descriptor of a request
	// that came without one (the raw generated clients', Do's).
	Operations func() (v1, dated *Index)
	// PublicError turns a *Failure into the error callers receive.
	PublicError func(*Failure) error
}

// New returns the engine cfg describes.
func New(cfg Config) *Engine {
	public := cfg.PublicError
	if public == nil {
		public = func(f *Failure) error { return f }
	}
	return &Engine{
		apiVersion: cfg.APIVersion,
		retiredOn:  cfg.RetiredOn,
		hc:         cfg.HTTPClient,
		base:       cfg.Base,
		basePath:   strings.TrimSuffix(cfg.Base.Path, "/"),
		userAgent:  cfg.UserAgent,
		apiKey:     cfg.APIKey,
		tokens:     cfg.Tokens,
		timeout:    cfg.Timeout,
		retry:      cfg.Retry,
		maxBody:    cfg.MaxBody,
		validator:  cfg.Validator,
		validation: cfg.Validation,
		log:        cfg.Log,
		keySecrets: scrubber(nil).with(cfg.APIKey),
		operations: cfg.Operations,
		public:     public,
		Sleep:      sleepContext,
		Rand:       rand.Float64,
	}
}

// APIVersion returns the dated API version of the client's services.
func (d *Engine) APIVersion() string { return d.apiVersion }

// Base returns the client's base URL.
func (d *Engine) Base() *url.URL { return d.base }

// BasePath returns the base URL's path without its trailing slash.
func (d *Engine) BasePath() string { return d.basePath }

// Validation returns the response validation mode.
func (d *Engine) Validation() Validation { return d.validation }

// Do sends req with retries, credentials and response checks. A 2xx that
// passes the checks comes back with its body fully read into memory (the
// raw generated parser reads it all anyway), so the connection is released
// before Do returns and the per-attempt timeout covers the body too.
func (d *Engine) Do(req *http.Request) (*http.Response, error) {
	c, err := d.newExchange(req, d.findOperation(req))
	if err != nil {
		return nil, err
	}
	return c.run()
}

// Decode sends a service call and decodes a JSON success body into target
// (nil for an operation without one). decoded reports whether the status
// carried a body that was decoded.
func (d *Engine) Decode(req *http.Request, op *Operation, target any) (decoded bool, err error) {
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

// StartStream sends a list call whose JSON success body is consumed as it
// arrives: open runs inside the attempt with the unread body, and the body
// stays open (under the attempt's timeout) until the returned Stream is
// closed.
// A sequence is not bounded by WithMaxResponseBytes: it holds one element
// at a time.
func (d *Engine) StartStream(req *http.Request, op *Operation, open func(io.Reader) error) (*Stream, error) {
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
		return nil, d.export(c.newError(KindContentType, resp, nil, false))
	}
	return &Stream{c: c, resp: resp}, nil
}

// streamAbove is the announced body size above which a list call decodes
// element by element rather than reading the body whole first.
const streamAbove = 1 << 20

// DecodeList sends a list call: a body announced at most streamAbove bytes is
// read whole and decoded into target; a larger or unannounced one is
// handed to open as it arrives, inside the attempt, bounded by
// WithMaxResponseBytes.
func (d *Engine) DecodeList(req *http.Request, op *Operation, target any, open func(io.Reader) error) error {
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
		(&Stream{c: c, resp: resp}).Close()
	}
	return nil
}

// newExchange starts a call of op (nil for a request to no known operation).
func (d *Engine) newExchange(req *http.Request, op *Operation) (*exchange, error) {
	if req.URL == nil || !req.URL.IsAbs() {
		return nil, errors.New("factorial: request URL must be absolute")
	}
	if req.Header == nil {
		req.Header = make(http.Header)
	}
	if err := makeReplayable(req); err != nil {
		return nil, fmt.Errorf("factorial: %s %s: read request body: %w", req.Method, RedactURL(req.URL), err)
	}
	c := &exchange{
		eng:        d,
		ctx:        req.Context(),
		req:        req,
		idempotent: isIdempotent(req),
		start:      d.now(),
	}
	if op != nil {
		c.op = op.ID
		if op.Dated {
			d.warnIfRetired(c.ctx, c.start)
		}
	}
	c.operation = op
	if wantsCredentials(req, d.base, op) {
		c.useKey = d.apiKey != "" && req.Header.Get(APIKeyHeader) == ""
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
func (d *Engine) findOperation(req *http.Request) *Operation {
	if req.URL == nil || !SameOrigin(req.URL, d.base) {
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
	if d.operations == nil {
		return nil
	}
	v1, dated := d.operations()
	if rest, ok := datedpath.Rest(p); ok {
		return dated.Find(req.Method, rest)
	}
	return v1.Find(req.Method, p)
}
