package factorial

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptrace"
	"net/url"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/oauth2"
)

// maxErrorBody caps what is read of a body the client will not hand to the
// parser (error responses, wrong content types) and what an *Error keeps.
// A body that fits is read to EOF so the connection goes back to the pool;
// a larger one is abandoned and its connection closed, which costs a new
// handshake but never reads megabytes nobody will look at.
const maxErrorBody = 64 << 10

// doer sends every request of a Client: the services' (decode, stream),
// the raw generated client's (it is its api.HttpRequestDoer) and Do's.
// Everything that makes a response trustworthy happens here: credentials,
// retries, the 401 refresh, the checks of status, media type and size, and
// for a service the one decode of the body into its generated type. A
// failure is an *Error, which the raw generated methods return as (nil,
// err).
type doer struct {
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
func (d *doer) Do(req *http.Request) (*http.Response, error) {
	c, err := d.newCall(req, d.findOperation(req))
	if err != nil {
		return nil, err
	}
	return c.run()
}

// decode sends a service call and decodes a JSON success body into target
// (nil for an operation without one). decoded reports whether the status
// carried a body that was decoded.
func (d *doer) decode(req *http.Request, op *operation, target any) (decoded bool, err error) {
	c, err := d.newCall(req, op)
	if err != nil {
		return false, err
	}
	c.target = target
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

// stream sends a list call whose JSON success body is consumed as a stream:
// open runs inside the attempt with the unread body, and the body stays
// open (under the attempt's timeout) until the returned stream is closed.
// A sequence is not bounded by WithMaxResponseBytes: it holds one element
// at a time.
func (d *doer) stream(req *http.Request, op *operation, open func(io.Reader) error) (*bodyStream, error) {
	c, err := d.newCall(req, op)
	if err != nil {
		return nil, err
	}
	c.open = open
	resp, err := c.run()
	if err != nil {
		return nil, err
	}
	if c.streamBody == nil {
		_ = resp.Body.Close()
		return nil, c.newError(KindContentType, resp, nil, false)
	}
	return &bodyStream{c: c, resp: resp}, nil
}

// streamAbove is the announced body size above which a list call decodes
// element by element rather than reading the body whole first.
const streamAbove = 1 << 20

// list sends a list call: a body announced at most streamAbove bytes is
// read whole and decoded into target; a larger or unannounced one is
// handed to open as it arrives, inside the attempt, bounded by
// WithMaxResponseBytes.
func (d *doer) list(req *http.Request, op *operation, target any, open func(io.Reader) error) error {
	c, err := d.newCall(req, op)
	if err != nil {
		return err
	}
	c.target, c.open, c.limited = target, open, true
	resp, err := c.run()
	if err != nil {
		return err
	}
	if c.streamBody != nil {
		(&bodyStream{c: c, resp: resp}).close()
	}
	return nil
}

// newCall starts a call of op (nil for a request to no known operation).
func (d *doer) newCall(req *http.Request, op *operation) (*call, error) {
	if req.URL == nil || !req.URL.IsAbs() {
		return nil, errors.New("factorial: request URL must be absolute")
	}
	if req.Header == nil {
		req.Header = make(http.Header)
	}
	if err := makeReplayable(req); err != nil {
		return nil, fmt.Errorf("factorial: %s %s: read request body: %w", req.Method, redactURL(req.URL), err)
	}
	c := &call{
		d:          d,
		ctx:        req.Context(),
		req:        req,
		idempotent: isIdempotent(req),
		start:      d.now(),
	}
	if op != nil {
		c.op = op.id
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
func (d *doer) findOperation(req *http.Request) *operation {
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
	if rest, ok := datedPathRest(p); ok {
		return dated.find(req.Method, rest)
	}
	return v1.find(req.Method, p)
}

// call is one Do: the request, what the spec says about it, and the state
// carried across attempts.
type call struct {
	d          *doer
	ctx        context.Context
	req        *http.Request
	operation  *operation     // nil for a request to no known operation
	op         string         // operation's id, or ""
	urlStr     string         // redacted, for errors and logs: see redactedURL
	copies     *attemptCopies // the current attempt's, or nil
	idempotent bool
	useKey     bool
	useToken   bool
	start      time.Time
	secrets    scrubber

	// A service call decodes a JSON success into target (decoded tells
	// it did); a streamed list hands the unread body to open instead.
	target     any
	decoded    bool
	open       func(io.Reader) error
	limited    bool // a list decoded into a slice: bounded by WithMaxResponseBytes
	streamBody *streamBody
}

// redactedURL is the request URL for errors and logs (redactURL), built
// on first use: a call that succeeds never needs it.
func (c *call) redactedURL() string {
	if c.urlStr == "" {
		c.urlStr = redactURL(c.req.URL)
	}
	return c.urlStr
}

// outcome is what one attempt produced and whether it may be repeated.
type outcome struct {
	resp          *http.Response
	err           error
	retryable     bool
	retryAfter    time.Duration
	hasRetryAfter bool
	unauthorized  bool
}

func (c *call) run() (*http.Response, error) {
	var tok *oauth2.Token
	refreshed := false
	for attempt := 1; ; {
		if c.useToken && tok == nil {
			t, err := c.d.tokens.TokenContext(c.ctx)
			if err != nil {
				return nil, fmt.Errorf("factorial: %s %s: get access token: %w", c.req.Method, c.redactedURL(), err)
			}
			if t == nil || t.AccessToken == "" {
				return nil, fmt.Errorf("factorial: %s %s: token source returned no access token", c.req.Method, c.redactedURL())
			}
			tok = t
			c.secrets = c.secrets.with(t.AccessToken)
		}

		out := c.attempt(attempt, tok)

		// A 401 means the request was rejected before it had any effect, so
		// even a POST may go again, once, with a refreshed token.
		if out.unauthorized && c.useToken && !refreshed {
			refreshed = true
			stale := tok.AccessToken
			fresh, err := c.d.tokens.RefreshIfStale(c.ctx, stale)
			if err == nil && fresh != nil && fresh.AccessToken != "" && fresh.AccessToken != stale {
				c.log(slog.LevelInfo, "factorial: access token rejected, retrying with a refreshed token", slog.Int("attempt", attempt))
				tok = fresh
				c.secrets = c.secrets.with(fresh.AccessToken)
				continue
			}
			var e *Error
			if err != nil && errors.As(out.err, &e) {
				e.Err = fmt.Errorf("refresh access token: %w", err)
			}
			return nil, out.err
		}
		if out.err == nil {
			return out.resp, nil
		}
		if !out.retryable || attempt >= c.d.retry.MaxAttempts {
			return nil, out.err
		}
		wait, ok := c.wait(attempt, out)
		if !ok {
			return nil, out.err
		}
		c.log(slog.LevelInfo, "factorial: retrying", slog.Int("attempt", attempt), slog.Duration("wait", wait), slog.String("error", out.err.Error()))
		if err := c.d.sleep(c.ctx, wait); err != nil {
			return nil, fmt.Errorf("factorial: %s %s: stopped waiting to retry: %w (last attempt: %w)", c.req.Method, c.redactedURL(), err, out.err)
		}
		attempt++
		if c.useToken {
			tok = nil // the token may have expired while waiting
		}
	}
}

// wait returns how long to wait before the next attempt, or false when
// waiting would break a bound: a Retry-After beyond MaxRetryAfter, the
// MaxElapsed budget, or the context deadline. Giving up now returns the
// informative error instead of sleeping only to fail.
func (c *call) wait(attempt int, out outcome) (time.Duration, bool) {
	p := c.d.retry
	var w time.Duration
	if out.hasRetryAfter {
		if out.retryAfter > p.MaxRetryAfter {
			c.log(slog.LevelInfo, "factorial: Retry-After exceeds MaxRetryAfter, not retrying", slog.Duration("retry_after", out.retryAfter))
			return 0, false
		}
		w = out.retryAfter
	} else {
		w = p.backoff(attempt, c.d.rand)
	}
	next := c.d.now().Add(w)
	if next.Sub(c.start) > p.MaxElapsed {
		return 0, false
	}
	if deadline, ok := c.ctx.Deadline(); ok && next.After(deadline) {
		return 0, false
	}
	return w, true
}

func (c *call) attempt(n int, tok *oauth2.Token) (out outcome) {
	ctx, cancel := c.attemptContext()
	defer func() {
		if out.err == nil && c.streamBody != nil {
			// The body is read after the attempt returns: its timeout
			// ends when the stream is closed.
			c.streamBody.cancel = cancel
			return
		}
		cancel()
	}()
	// GotConn never firing proves that no byte of the request left: the
	// only failure after which a non-idempotent request may be re-sent. An
	// idempotent request is retried after any transient failure, dial
	// errors included, so it needs no trace (transportRetryable).
	var connected atomic.Bool
	if !c.idempotent {
		ctx = httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
			GotConn: func(httptrace.GotConnInfo) { connected.Store(true) },
		})
	}
	r, copies := c.attemptRequest(ctx, tok)
	c.copies = copies
	if c.req.GetBody != nil {
		body, err := c.req.GetBody()
		if err != nil {
			return outcome{err: fmt.Errorf("factorial: %s %s: replay request body: %w", c.req.Method, c.redactedURL(), err)}
		}
		r.Body = body
	}

	began := c.d.now()
	resp, err := c.d.hc.Do(r)
	if err != nil {
		out = outcome{err: c.transportError(err), retryable: c.transportRetryable(err, connected.Load())}
		c.log(slog.LevelDebug, "factorial: request failed", slog.Int("attempt", n),
			slog.Duration("duration", c.d.now().Sub(began)), slog.String("error", out.err.Error()))
		return out
	}
	out = c.response(ctx, resp)
	if !c.d.log.Enabled(c.ctx, slog.LevelDebug) {
		return out // skip building attributes nobody reads
	}
	attrs := []slog.Attr{slog.Int("attempt", n), slog.Int("status", resp.StatusCode), slog.Duration("duration", c.d.now().Sub(began))}
	if id := requestID(resp.Header); id != "" {
		attrs = append(attrs, slog.String("request_id", id))
	}
	if out.err != nil {
		attrs = append(attrs, slog.String("error", out.err.Error()))
	}
	c.log(slog.LevelDebug, "factorial: response", attrs...)
	return out
}

func (c *call) attemptContext() (context.Context, context.CancelFunc) {
	if c.d.timeout > 0 {
		return context.WithTimeout(c.ctx, c.d.timeout)
	}
	return context.WithCancel(c.ctx)
}

// transportError returns err as a *url.Error carrying the redacted URL:
// http.Client's own *url.Error holds the URL verbatim, query secrets
// included.
func (c *call) transportError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return fmt.Errorf("factorial: %w", &url.Error{Op: ue.Op, URL: c.redactedURL(), Err: ue.Err})
	}
	op := c.req.Method
	if len(op) > 1 {
		op = op[:1] + strings.ToLower(op[1:])
	}
	return fmt.Errorf("factorial: %w", &url.Error{Op: op, URL: c.redactedURL(), Err: err})
}

func (c *call) transportRetryable(err error, connected bool) bool {
	if c.ctx.Err() != nil || isPermanentTransportError(err) {
		return false
	}
	if !connected && isDialError(err) {
		return true // nothing was sent: safe for any method
	}
	return c.idempotent && isTransientTransportError(err)
}

// response reads and checks one response. Every path closes the body.
func (c *call) response(ctx context.Context, resp *http.Response) outcome {
	status := resp.StatusCode
	if status < 200 || status > 299 {
		data, truncated, readErr := readCapped(resp.Body, maxErrorBody)
		_ = resp.Body.Close()
		e := c.newError(KindStatus, resp, data, truncated)
		c.addDetails(e, resp, data)
		if readErr != nil {
			e.Err = c.bodyReadError(ctx, readErr)
		}
		out := outcome{err: e, unauthorized: status == http.StatusUnauthorized}
		out.retryAfter, out.hasRetryAfter = parseRetryAfter(resp.Header, c.d.now())
		e.RetryAfter = out.retryAfter
		// A 429 is a refusal before any effect, so every method may go
		// again; other "not now" statuses only for idempotent requests.
		out.retryable = (c.idempotent || status == http.StatusTooManyRequests) && retryableStatus(status) && c.ctx.Err() == nil
		if readErr == nil && !truncated {
			_ = c.validate(resp, data, false) // logs only: the status is the error
		}
		return out
	}

	exp := c.operation.expect(status)
	contentType := resp.Header.Get("Content-Type")
	if exp.undocumented {
		return c.excerptError(ctx, KindUndocumentedStatus, resp, true)
	}
	var wantJSON bool
	if len(exp.media) > 0 && !bodyless(c.req, status) {
		mt, ok := exp.match(contentType)
		if !ok {
			return c.excerptError(ctx, KindContentType, resp, true)
		}
		wantJSON = isJSONMedia(mt)
	}
	announcedJSON := isJSONMedia(mediaTypeOf(contentType)) && !bodyless(c.req, status)
	// A stream reads the body as it arrives. A list call (limited) whose
	// body is announced small takes the buffered path instead, when the
	// call also has a target: one read and one decode beat a streaming
	// decoder there, and its memory is no concern.
	small := c.limited && c.target != nil && resp.ContentLength >= 0 && resp.ContentLength <= streamAbove
	if c.open != nil && wantJSON && c.d.validation == ValidationOff && !small {
		if c.limited && resp.ContentLength > c.d.maxBody {
			out := c.excerptError(ctx, KindTooLarge, resp, false)
			out.err.(*Error).Err = fmt.Errorf("Content-Length %d exceeds the limit of %d bytes", resp.ContentLength, c.d.maxBody)
			return out
		}
		return c.openBody(ctx, resp)
	}

	if resp.ContentLength > c.d.maxBody {
		// Known to be too large: do not read megabytes to find out.
		out := c.excerptError(ctx, KindTooLarge, resp, false)
		out.err.(*Error).Err = fmt.Errorf("Content-Length %d exceeds the limit of %d bytes", resp.ContentLength, c.d.maxBody)
		return out
	}
	var scratch []byte
	if c.copies != nil {
		scratch = c.copies.small[:0]
	}
	data, tooLarge, notJSON, readErr := readBody(resp.Body, resp.ContentLength, c.d.maxBody, wantJSON || announcedJSON, scratch)
	if readErr != nil {
		_ = resp.Body.Close()
		e := c.newError(KindBodyRead, resp, data, false)
		e.Err = c.bodyReadError(ctx, readErr)
		return outcome{err: e, retryable: c.idempotent && c.ctx.Err() == nil}
	}
	switch {
	case tooLarge:
		_ = resp.Body.Close()
		e := c.newError(KindTooLarge, resp, data, true)
		e.Err = fmt.Errorf("limit is %d bytes", c.d.maxBody)
		return outcome{err: e}
	case notJSON:
		// Keep an excerpt for the error, then drop the connection rather
		// than read the rest of something that is not JSON.
		more, truncated, _ := readCapped(resp.Body, maxErrorBody-int64(len(data)))
		_ = resp.Body.Close()
		data = append(data, more...)
		e := c.newError(KindInvalidJSON, resp, data, truncated)
		e.Err = errors.New("body does not start like JSON")
		return outcome{err: e}
	}
	_ = resp.Body.Close() // read to EOF: the connection is reusable

	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 && wantJSON {
		return outcome{err: c.newError(KindEmptyBody, resp, data, false)}
	}
	if c.target != nil {
		// A service call: the one decode into the generated type is the
		// check. Validation, when on, looks at the bytes first.
		if err := c.validate(resp, data, true); err != nil {
			return outcome{err: err}
		}
		if wantJSON || (c.operation == nil && announcedJSON && len(trimmed) > 0) {
			if bytes.Equal(trimmed, nullJSON) {
				// encoding/json leaves the value untouched for null: a
				// zero employee with a nil error would pass for a real one.
				e := c.newError(KindDecode, resp, data, false)
				e.Err = errNullBody
				return outcome{err: e}
			}
			if err := json.Unmarshal(data, c.target); err != nil {
				e := c.newError(decodeKind(err), resp, data, false)
				e.Err = err
				return outcome{err: e}
			}
			c.decoded = true
		}
		resp.Body = http.NoBody
		resp.ContentLength = 0
		return outcome{resp: resp}
	}
	// The raw generated client unmarshals whatever says it is JSON, declared
	// or not, so announced JSON must at least be well-formed.
	if (wantJSON || announcedJSON) && len(trimmed) > 0 && !json.Valid(data) {
		e := c.newError(KindInvalidJSON, resp, data, false)
		e.Err = jsonSyntaxError(data)
		return outcome{err: e}
	}
	if err := c.validate(resp, data, true); err != nil {
		return outcome{err: err}
	}
	if wantJSON && !strings.Contains(contentType, "json") {
		// Media types are case-insensitive ("Application/JSON"), but the
		// generated parser looks for a lowercase "json" in the raw header
		// and would return a success with every typed field nil.
		normalized := mediaTypeOf(contentType)
		if _, params, ok := strings.Cut(contentType, ";"); ok {
			normalized += ";" + params
		}
		resp.Header.Set("Content-Type", normalized)
	}

	if c.copies != nil {
		c.copies.body = newBodyReader(data)
		resp.Body = &c.copies.body
	} else {
		body := newBodyReader(data)
		resp.Body = &body
	}
	resp.ContentLength = int64(len(data))
	return outcome{resp: resp}
}

// excerptError builds an *Error from the first 64 KiB of a body the client
// will not parse. An empty body where JSON is declared gets its own kind.
func (c *call) excerptError(ctx context.Context, kind ErrorKind, resp *http.Response, details bool) outcome {
	data, truncated, readErr := readCapped(resp.Body, maxErrorBody)
	_ = resp.Body.Close()
	if kind == KindContentType && !truncated && readErr == nil && len(bytes.TrimSpace(data)) == 0 {
		kind = KindEmptyBody
	}
	e := c.newError(kind, resp, data, truncated)
	if details {
		c.addDetails(e, resp, data)
	}
	if readErr != nil {
		e.Err = c.bodyReadError(ctx, readErr)
	}
	return outcome{err: e}
}

func (c *call) newError(kind ErrorKind, resp *http.Response, data []byte, truncated bool) *Error {
	if len(data) > maxErrorBody {
		data, truncated = data[:maxErrorBody], true
	}
	h := resp.Header.Clone()
	h.Del("Set-Cookie")
	return &Error{
		Kind:          kind,
		StatusCode:    resp.StatusCode,
		Method:        c.req.Method,
		URL:           c.redactedURL(),
		Operation:     c.op,
		RequestID:     requestID(resp.Header),
		Header:        h,
		Body:          c.secrets.bytes(bytes.Clone(data)),
		BodyTruncated: truncated,
	}
}

func (c *call) addDetails(e *Error, resp *http.Response, data []byte) {
	d := parseErrorBody(resp.Header.Get("Content-Type"), data)
	e.Code = c.secrets.string(d.code)
	for _, m := range d.messages {
		e.Messages = append(e.Messages, c.secrets.string(m))
	}
	if d.fields != nil {
		e.FieldErrors = make(map[string][]string, len(d.fields))
		for f, msgs := range d.fields {
			clean := make([]string, len(msgs))
			for i, m := range msgs {
				clean[i] = c.secrets.string(m)
			}
			e.FieldErrors[f] = clean
		}
	}
}

// bodyReadError makes sure a body read cut short by the attempt's deadline
// or the caller's cancellation matches context.DeadlineExceeded /
// context.Canceled under errors.Is, whatever error the transport reported.
func (c *call) bodyReadError(ctx context.Context, err error) error {
	if ctxErr := ctx.Err(); ctxErr != nil && !errors.Is(err, ctxErr) {
		return fmt.Errorf("%w: %w", ctxErr, err)
	}
	return err
}

func (c *call) log(level slog.Level, msg string, attrs ...slog.Attr) {
	if !c.d.log.Enabled(c.ctx, level) {
		return
	}
	base := []slog.Attr{slog.String("method", c.req.Method), slog.String("url", c.redactedURL())}
	if c.op != "" {
		base = append(base, slog.String("operation", c.op))
	}
	c.d.log.LogAttrs(c.ctx, level, msg, append(base, attrs...)...)
}

// readCapped reads at most limit bytes; truncated reports there was more.
// When the body fits, it has been read to EOF.
func readCapped(r io.Reader, limit int64) (data []byte, truncated bool, err error) {
	if limit <= 0 {
		return nil, true, nil
	}
	data, err = io.ReadAll(io.LimitReader(r, limit+1))
	if int64(len(data)) > limit {
		return data[:limit], true, err
	}
	return data, false, err
}

// readBody reads a 2xx body up to limit. With sniff set it stops as soon as
// the first non-blank byte shows the body cannot be JSON, so megabytes of
// garbage cost one small buffer, not the whole body.
//
// The bytes go straight into the slice that is returned: a body that
// announces its length gets one buffer of that size once the sniff has
// passed (or at once when it fits the sniff buffer), with one spare byte
// so the read that finds EOF needs no room of its own. The first 512
// bytes go into scratch when it has the room.
func readBody(r io.Reader, size, limit int64, sniff bool, scratch []byte) (data []byte, tooLarge, notJSON bool, err error) {
	lr := io.LimitedReader{R: r, N: limit + 1}
	first := 512
	if size >= 0 && size < int64(first) {
		first = int(size) + 1
	}
	var buf []byte
	if cap(scratch) >= first {
		buf = scratch[:0:first]
	} else {
		buf = make([]byte, 0, first)
	}
	read := func(most int) error {
		if len(buf) == cap(buf) {
			nb := make([]byte, len(buf), max(2*cap(buf), 512))
			copy(nb, buf)
			buf = nb
		}
		end := cap(buf)
		if most > 0 {
			end = min(end, len(buf)+most)
		}
		n, rerr := lr.Read(buf[len(buf):end])
		if n < 0 {
			panic("factorial: reader returned a negative count from Read")
		}
		buf = buf[:len(buf)+n]
		return rerr
	}
	if sniff {
		for len(buf) < maxErrorBody {
			rerr := read(512)
			if first, ok := firstNonSpace(buf); ok {
				if !startsJSON(first) {
					return buf, false, true, nil
				}
				break
			}
			if rerr == io.EOF {
				return buf, false, false, nil
			}
			if rerr != nil {
				return buf, false, false, rerr
			}
		}
	}
	if size > 0 && size <= limit && int64(cap(buf)) <= size {
		// One allocation instead of doubling, once the sniff has passed.
		nb := make([]byte, len(buf), size+1)
		copy(nb, buf)
		buf = nb
	}
	for {
		rerr := read(0)
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			err = rerr
			break
		}
	}
	if int64(len(buf)) > limit {
		return buf, true, false, err
	}
	return buf, false, false, err
}

func firstNonSpace(b []byte) (byte, bool) {
	for _, c := range b {
		switch c {
		case ' ', '\t', '\r', '\n':
			continue
		}
		return c, true
	}
	return 0, false
}

func startsJSON(c byte) bool {
	switch c {
	case '{', '[', '"', 't', 'f', 'n', '-':
		return true
	}
	return c >= '0' && c <= '9'
}

// jsonSyntaxError explains why json.Valid said no (offset, not content).
func jsonSyntaxError(data []byte) error {
	var v any
	if err := json.Unmarshal(data, &v); err != nil {
		return err
	}
	return errors.New("invalid JSON")
}

// requestID returns the id the server assigned to the request, which
// Factorial (Rails) sends as X-Request-Id.
func requestID(h http.Header) string {
	for _, k := range []string{"X-Request-Id", "Request-Id", "X-Correlation-Id"} {
		if v := h.Get(k); v != "" {
			return v
		}
	}
	return ""
}
