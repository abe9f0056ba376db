package engine

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
)

// watchedBody is the body of a streamed list as the decoder reads it. It
// remembers the first read error, which makes a failure a KindBodyRead
// rather than a decode problem, and the first bytes, for the *Failure's
// excerpt.
type watchedBody struct {
	r       io.Reader
	readErr error
	head    []byte
	ctx     context.Context // the attempt's: its deadline bounds the reads
	// bounded reports that the attempt is under the engine's deadlines,
	// which the stream's Close releases.
	bounded bool
}

func (b *watchedBody) Read(p []byte) (int, error) {
	n, err := b.r.Read(p)
	if room := maxErrorBody - len(b.head); room > 0 && n > 0 {
		b.head = append(b.head, p[:min(n, room)]...)
	}
	if err != nil && err != io.EOF && b.readErr == nil {
		b.readErr = err
	}
	return n, err
}

// openBody hands a checked 2xx body to the call's open function inside
// the attempt. A failure there is an attempt failure: retried when the
// connection broke and the request is idempotent, returned otherwise.
func (c *exchange) openBody(ctx context.Context, resp *http.Response) outcome {
	body := &watchedBody{r: resp.Body, ctx: ctx}
	if c.limited {
		body.r = &limitReader{r: resp.Body, left: c.eng.maxBody}
	}
	if err := c.open(body); err != nil {
		e := c.streamError(ctx, resp, body, err)
		_ = resp.Body.Close()
		retry := body.readErr != nil && !errors.Is(body.readErr, errTooLarge) && c.idempotent && c.ctx.Err() == nil
		return outcome{err: e, retryable: retry}
	}
	c.watched = body
	return outcome{resp: resp}
}

// streamError turns a failure while decoding a streamed body into an
// *Failure: KindBodyRead when the connection failed, KindEmptyBody when
// there was nothing, else the decode kind.
func (c *exchange) streamError(ctx context.Context, resp *http.Response, body *watchedBody, err error) *Failure {
	var notArray *notArrayError
	if body.readErr == nil && errors.As(err, &notArray) {
		// Read the rest (up to the excerpt's size) to tell "another kind
		// of JSON" from "not JSON", as a single decode would.
		_, _ = io.Copy(io.Discard, io.LimitReader(body, int64(maxErrorBody-len(body.head))+1))
		if body.readErr == nil && len(body.head) < maxErrorBody && !json.Valid(body.head) {
			err = jsonSyntaxError(body.head)
		}
	}
	truncated := len(body.head) == maxErrorBody
	switch {
	case errors.Is(body.readErr, errTooLarge):
		e := c.newError(KindTooLarge, resp, body.head, true)
		e.Err = fmt.Errorf("limit is %d bytes", c.eng.maxBody)
		return e
	case body.readErr != nil:
		e := c.newError(KindBodyRead, resp, body.head, truncated)
		e.Err = c.bodyReadError(ctx, body.readErr)
		return e
	}
	kind := decodeKind(err)
	if kind == KindInvalidJSON && len(bytes.TrimSpace(body.head)) == 0 {
		return c.newError(KindEmptyBody, resp, body.head, truncated)
	}
	e := c.newError(kind, resp, body.head, truncated)
	e.Err = err
	return e
}

// limitReader fails with errTooLarge once more than left bytes arrive.
type limitReader struct {
	r    io.Reader
	left int64
}

var errTooLarge = errors.New("body exceeds the response size limit")

func (l *limitReader) Read(p []byte) (int, error) {
	if l.left < 0 {
		return 0, errTooLarge
	}
	if int64(len(p)) > l.left+1 {
		p = p[:l.left+1]
	}
	n, err := l.r.Read(p)
	l.left -= int64(n)
	if l.left < 0 {
		return n, errTooLarge
	}
	return n, err
}

// Stream is an open streamed response, consumed by the iterator.
type Stream struct {
	c    *exchange
	resp *http.Response
}

// Fail returns the error of a failure after the stream was opened: a
// decode error of a later element, or the connection breaking off.
func (s *Stream) Fail(err error) error {
	b := s.c.watched
	return s.c.eng.export(s.c.streamError(b.ctx, s.resp, b, err))
}

// Close releases the connection and the attempt's timeout.
func (s *Stream) Close() {
	_ = s.resp.Body.Close()
	if s.c.watched.bounded {
		s.c.eng.deadlines.end(&s.c.watch)
	}
}
