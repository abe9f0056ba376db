package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
)

// response reads and checks one response. Every path closes the body.
// Failures are built by functions of their own, which keeps this frame,
// on the stack of every call, small.
func (c *exchange) response(ctx context.Context, resp *http.Response) outcome {
	status := resp.StatusCode
	if status < 200 || status > 299 {
		return c.statusFailure(ctx, resp)
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
	if c.open != nil && wantJSON && c.eng.validation == ValidationOff && !small {
		if c.limited && resp.ContentLength > c.eng.maxBody {
			return c.announcedTooLarge(ctx, resp)
		}
		return c.openBody(ctx, resp)
	}

	if resp.ContentLength > c.eng.maxBody {
		// Known to be too large: do not read megabytes to find out.
		return c.announcedTooLarge(ctx, resp)
	}
	var scratch []byte
	if c.copies != nil {
		scratch = c.copies.small[:0]
	}
	data, tooLarge, notJSON, readErr := readBody(resp.Body, resp.ContentLength, c.eng.maxBody, wantJSON || announcedJSON, scratch)
	if readErr != nil || tooLarge || notJSON {
		return c.readFailure(ctx, resp, data, readErr, tooLarge)
	}
	_ = resp.Body.Close() // read to EOF: the connection is reusable

	trimmed := bytes.TrimSpace(data)
	if len(trimmed) == 0 && wantJSON {
		return outcome{err: c.newError(KindEmptyBody, resp, data, false)}
	}
	if c.target != nil {
		return c.decodeBody(resp, data, trimmed, wantJSON || (c.operation == nil && announcedJSON && len(trimmed) > 0))
	}
	return c.handOver(resp, data, trimmed, contentType, wantJSON, announcedJSON)
}

// decodeBody ends a service call's checked 2xx: the one decode into the
// generated type is the check (decode reports whether there is a JSON
// body to decode). Validation, when on, looks at the bytes first.
func (c *exchange) decodeBody(resp *http.Response, data, trimmed []byte, decode bool) outcome {
	if err := c.validate(resp, data, true); err != nil {
		return outcome{err: err}
	}
	if decode {
		if bytes.Equal(trimmed, nullJSON) {
			// encoding/json leaves the value untouched for null: a
			// zero employee with a nil error would pass for a real one.
			return c.decodeFailure(resp, data, errNullBody)
		}
		if err := json.Unmarshal(data, c.target); err != nil {
			return c.decodeFailure(resp, data, err)
		}
		c.decoded = true
	}
	resp.Body = http.NoBody
	resp.ContentLength = 0
	return outcome{resp: resp}
}

// handOver ends a checked 2xx for the raw generated client or Do: the
// body, read into memory, goes back with the response.
func (c *exchange) handOver(resp *http.Response, data, trimmed []byte, contentType string, wantJSON, announcedJSON bool) outcome {
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

// statusFailure is the outcome of a non-2xx response: a KindStatus
// failure with what the body says, retryable when the status says "not
// now" and repeating the request is safe.
func (c *exchange) statusFailure(ctx context.Context, resp *http.Response) outcome {
	status := resp.StatusCode
	data, truncated, readErr := readCapped(resp.Body, maxErrorBody)
	_ = resp.Body.Close()
	e := c.newError(KindStatus, resp, data, truncated)
	c.addDetails(e, resp, data)
	if readErr != nil {
		e.Err = c.bodyReadError(ctx, readErr)
	}
	out := outcome{err: e, unauthorized: status == http.StatusUnauthorized}
	out.retryAfter, out.hasRetryAfter = parseRetryAfter(resp.Header, c.eng.now())
	e.RetryAfter = out.retryAfter
	// A 429 is a refusal before any effect, so every method may go
	// again; other "not now" statuses only for idempotent requests.
	out.retryable = (c.idempotent || status == http.StatusTooManyRequests) && RetryableStatus(status) && c.ctx.Err() == nil
	if readErr == nil && !truncated {
		_ = c.validate(resp, data, false) // logs only: the status is the error
	}
	return out
}

// announcedTooLarge is the outcome of a 2xx whose Content-Length exceeds
// the limit: an excerpt is kept, the rest is never read.
func (c *exchange) announcedTooLarge(ctx context.Context, resp *http.Response) outcome {
	out := c.excerptError(ctx, KindTooLarge, resp, false)
	out.err.(*Failure).Err = fmt.Errorf("Content-Length %d exceeds the limit of %d bytes", resp.ContentLength, c.eng.maxBody)
	return out
}

// readFailure is the outcome of a 2xx body that could not be read whole,
// grew past the limit, or does not start like JSON; data is what was read.
func (c *exchange) readFailure(ctx context.Context, resp *http.Response, data []byte, readErr error, tooLarge bool) outcome {
	if readErr != nil {
		_ = resp.Body.Close()
		e := c.newError(KindBodyRead, resp, data, false)
		e.Err = c.bodyReadError(ctx, readErr)
		return outcome{err: e, retryable: c.idempotent && c.ctx.Err() == nil}
	}
	if tooLarge {
		_ = resp.Body.Close()
		e := c.newError(KindTooLarge, resp, data, true)
		e.Err = fmt.Errorf("limit is %d bytes", c.eng.maxBody)
		return outcome{err: e}
	}
	// Not JSON: keep an excerpt for the error, then drop the connection
	// rather than read the rest of something that is not JSON.
	more, truncated, _ := readCapped(resp.Body, maxErrorBody-int64(len(data)))
	_ = resp.Body.Close()
	data = append(data, more...)
	e := c.newError(KindInvalidJSON, resp, data, truncated)
	e.Err = errors.New("body does not start like JSON")
	return outcome{err: e}
}

// decodeFailure is the outcome of a body that does not decode into the
// call's type.
func (c *exchange) decodeFailure(resp *http.Response, data []byte, err error) outcome {
	kind := KindDecode
	if err != errNullBody {
		kind = decodeKind(err)
	}
	e := c.newError(kind, resp, data, false)
	e.Err = err
	return outcome{err: e}
}

// excerptError builds a *Failure from the first 64 KiB of a body the client
// will not parse. An empty body where JSON is declared gets its own kind.
func (c *exchange) excerptError(ctx context.Context, kind Kind, resp *http.Response, details bool) outcome {
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

func (c *exchange) newError(kind Kind, resp *http.Response, data []byte, truncated bool) *Failure {
	if len(data) > maxErrorBody {
		data, truncated = data[:maxErrorBody], true
	}
	h := resp.Header.Clone()
	h.Del("Set-Cookie")
	return &Failure{
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

func (c *exchange) addDetails(e *Failure, resp *http.Response, data []byte) {
	d := c.errorDetails(resp, data)
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
func (c *exchange) bodyReadError(ctx context.Context, err error) error {
	return deadlineError(ctx, err)
}

// deadlineError makes sure err, which ended an attempt under ctx, matches
// why ctx ended under errors.Is: context.DeadlineExceeded for the
// client's timeout (the cause of an attempt's context, see deadlines) or
// the caller's deadline, context.Canceled for the caller's cancellation,
// whatever error the transport or the body reported.
func deadlineError(ctx context.Context, err error) error {
	if ctx.Err() == nil {
		return err
	}
	cause := context.Cause(ctx)
	switch {
	case errors.Is(err, cause):
		return err
	case errors.Is(err, context.Canceled):
		// A transport that reports the context's Err for an attempt its
		// deadline ended: the cause alone, or the error would also match
		// context.Canceled, which says the caller gave up.
		return fmt.Errorf("%w (%v)", cause, err)
	}
	return fmt.Errorf("%w: %w", cause, err)
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
