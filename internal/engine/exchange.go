package engine

import (
	"context"
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

// exchange is one Do: the request, what the spec says about it, and the state
// carried across attempts.
type exchange struct {
	eng        *Engine
	ctx        context.Context
	req        *http.Request
	operation  *Operation     // nil for a request to no known operation
	op         string         // operation's id, or ""
	urlStr     string         // redacted, for errors and logs: see redactedURL
	copies     *attemptCopies // the current attempt's, or nil
	idempotent bool
	// owned marks a request a service built for this call alone (never a
	// caller's, as Do's is): its headers are set in place on each
	// attempt instead of copied.
	owned bool
	// headerValues back the headers an owned request gets on each
	// attempt: User-Agent, Accept, the API key, Authorization. setAgent
	// and setAccept say whether the first two are the client's to set
	// (the request came without them).
	headerValues        [4]string
	setAgent, setAccept bool
	useKey              bool
	useToken            bool
	start               time.Time
	watch               watch // the current attempt's deadline (Engine.deadlines)
	sent                int   // attempts started, the repeat after a 401 included
	secrets             scrubber

	// A service call decodes a JSON success into target (decoded tells
	// it did); a streamed list hands the unread body to open instead.
	target  any
	decoded bool
	open    func(io.Reader) error
	limited bool // a list decoded into a slice: bounded by WithMaxResponseBytes
	watched *watchedBody
}

// redactedURL is the request URL for errors and logs (redactURL), built
// on first use: a call that succeeds never needs it.
func (c *exchange) redactedURL() string {
	if c.urlStr == "" {
		c.urlStr = RedactURL(c.req.URL)
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

// run sends the request until an attempt succeeds or no retry is left.
// A *Failure leaves it as the public error (Config.PublicError).
func (c *exchange) run() (*http.Response, error) {
	resp, err := c.attempts()
	return resp, c.eng.export(err)
}

// export turns a *Failure into the error callers receive.
func (d *Engine) export(err error) error {
	if f, ok := err.(*Failure); ok {
		return d.public(f)
	}
	return err
}

// attempts is the loop of attempts. What is rare (a token to fetch, a 401
// to refresh after, a wait before a retry) happens in functions of its own,
// which keeps this frame, on the stack of every call, small.
func (c *exchange) attempts() (*http.Response, error) {
	var tok *oauth2.Token
	refreshed := false
	for attempt := 1; ; {
		if c.useToken && tok == nil {
			t, err := c.token()
			if err != nil {
				return nil, err
			}
			tok = t
		}

		out := c.attempt(attempt, tok)

		// A 401 means the request was rejected before it had any effect, so
		// even a POST may go again, once, with a refreshed token.
		if out.unauthorized && c.useToken && !refreshed {
			refreshed = true
			fresh, err := c.refresh(attempt, tok, out.err)
			if err != nil {
				return nil, err
			}
			tok = fresh
			continue
		}
		if out.err == nil {
			return out.resp, nil
		}
		if !out.retryable || attempt >= c.eng.retry.MaxAttempts {
			return nil, out.err
		}
		if err := c.waitToRetry(attempt, &out); err != nil {
			return nil, err
		}
		attempt++
		if c.useToken {
			tok = nil // the token may have expired while waiting
		}
	}
}

// token gets the access token an attempt sends.
func (c *exchange) token() (*oauth2.Token, error) {
	t, err := c.eng.tokens.TokenContext(c.ctx)
	if err != nil {
		return nil, fmt.Errorf("factorial: %s %s: get access token: %w", c.req.Method, c.redactedURL(), err)
	}
	if t == nil || t.AccessToken == "" {
		return nil, fmt.Errorf("factorial: %s %s: token source returned no access token", c.req.Method, c.redactedURL())
	}
	c.secrets = c.secrets.with(t.AccessToken)
	return t, nil
}

// refresh asks the token source for a token to replace tok, which the
// server refused with rejected. It returns the new token, or rejected
// (its cause the failed refresh, if it failed) when there is none.
func (c *exchange) refresh(attempt int, tok *oauth2.Token, rejected error) (*oauth2.Token, error) {
	stale := tok.AccessToken
	fresh, err := c.eng.tokens.RefreshIfStale(c.ctx, stale)
	if err == nil && fresh != nil && fresh.AccessToken != "" && fresh.AccessToken != stale {
		c.log(slog.LevelInfo, "factorial: access token rejected, retrying with a refreshed token", slog.Int("attempt", attempt))
		c.secrets = c.secrets.with(fresh.AccessToken)
		return fresh, nil
	}
	var e *Failure
	if err != nil && errors.As(rejected, &e) {
		e.Err = fmt.Errorf("refresh access token: %w", err)
	}
	return nil, rejected
}

// waitToRetry waits before attempt+1, or returns the error to end the
// call with: out's, when a bound forbids waiting (see wait), or the
// context's, when it ends during the wait.
func (c *exchange) waitToRetry(attempt int, out *outcome) error {
	wait, ok := c.wait(attempt, *out)
	if !ok {
		return out.err
	}
	c.log(slog.LevelInfo, "factorial: retrying", slog.Int("attempt", attempt), slog.Duration("wait", wait), slog.String("error", c.eng.export(out.err).Error()))
	if err := c.eng.Sleep(c.ctx, wait); err != nil {
		return fmt.Errorf("factorial: %s %s: stopped waiting to retry: %w (last attempt: %w)", c.req.Method, c.redactedURL(), err, c.eng.export(out.err))
	}
	return nil
}

// wait returns how long to wait before the next attempt, or false when
// waiting would break a bound: a Retry-After beyond MaxRetryAfter, the
// MaxElapsed budget, or the context deadline. Giving up now returns the
// informative error instead of sleeping only to fail.
func (c *exchange) wait(attempt int, out outcome) (time.Duration, bool) {
	p := c.eng.retry
	var w time.Duration
	if out.hasRetryAfter {
		if out.retryAfter > p.MaxRetryAfter {
			c.log(slog.LevelInfo, "factorial: Retry-After exceeds MaxRetryAfter, not retrying", slog.Duration("retry_after", out.retryAfter))
			return 0, false
		}
		w = out.retryAfter
	} else {
		w = p.Backoff(attempt, c.eng.Rand)
	}
	next := c.eng.now().Add(w)
	if next.Sub(c.start) > p.MaxElapsed {
		return 0, false
	}
	if deadline, ok := c.ctx.Deadline(); ok && next.After(deadline) {
		return 0, false
	}
	return w, true
}

func (c *exchange) attempt(n int, tok *oauth2.Token) (out outcome) {
	c.sent++
	ctx, bounded := c.attemptContext()
	defer func() {
		if !bounded {
			return
		}
		if out.err == nil && c.watched != nil {
			// The body is read after the attempt returns: its timeout
			// ends when the stream is closed.
			c.watched.bounded = true
			return
		}
		c.eng.deadlines.end(&c.watch)
	}()
	var connected *atomic.Bool
	if !c.idempotent {
		ctx, connected = traceConnection(ctx)
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
	if c.eng.log.Enabled(c.ctx, slog.LevelDebug) {
		return c.loggedRoundTrip(ctx, n, r, connected)
	}
	resp, err := c.eng.hc.Do(r)
	if err != nil {
		return c.transportFailure(ctx, err, connected)
	}
	return c.response(ctx, resp)
}

// traceConnection returns ctx traced so that the returned flag is set
// once a connection is obtained. GotConn never firing proves that no byte
// of the request left: the only failure after which a non-idempotent
// request may be re-sent. An idempotent request is retried after any
// transient failure, dial errors included, so it needs no trace
// (transportRetryable).
func traceConnection(ctx context.Context) (context.Context, *atomic.Bool) {
	connected := new(atomic.Bool)
	return httptrace.WithClientTrace(ctx, &httptrace.ClientTrace{
		GotConn: func(httptrace.GotConnInfo) { connected.Store(true) },
	}), connected
}

// transportFailure is the outcome of an attempt that got no response.
func (c *exchange) transportFailure(ctx context.Context, err error, connected *atomic.Bool) outcome {
	err = c.transportError(ctx, err)
	return outcome{err: err, retryable: c.transportRetryable(err, connected != nil && connected.Load())}
}

// loggedRoundTrip is the end of an attempt with debug logging on: the
// round trip, timed and logged.
func (c *exchange) loggedRoundTrip(ctx context.Context, n int, r *http.Request, connected *atomic.Bool) outcome {
	began := c.eng.now()
	resp, err := c.eng.hc.Do(r)
	if err != nil {
		out := c.transportFailure(ctx, err, connected)
		c.log(slog.LevelDebug, "factorial: request failed", slog.Int("attempt", n),
			slog.Duration("duration", c.eng.now().Sub(began)), slog.String("error", out.err.Error()))
		return out
	}
	out := c.response(ctx, resp)
	attrs := []slog.Attr{slog.Int("attempt", n), slog.Int("status", resp.StatusCode), slog.Duration("duration", c.eng.now().Sub(began))}
	if id := requestID(resp.Header); id != "" {
		attrs = append(attrs, slog.String("request_id", id))
	}
	if out.err != nil {
		attrs = append(attrs, slog.String("error", c.eng.export(out.err).Error()))
	}
	c.log(slog.LevelDebug, "factorial: response", attrs...)
	return out
}

// attemptContext returns the next attempt's context, bounded by the
// client's timeout on the wall clock (the engine's clock, which tests
// replace, decides retries, not deadlines) through the engine's
// deadlines; bounded reports that it is, and that deadlines.end must
// follow. When the caller's deadline comes first, or there is no timeout,
// the caller's context is the bound and is returned as it is.
func (c *exchange) attemptContext() (ctx context.Context, bounded bool) {
	if c.eng.timeout <= 0 {
		return c.ctx, false
	}
	at := time.Now().Add(c.eng.timeout)
	if d, ok := c.ctx.Deadline(); ok && !d.After(at) {
		return c.ctx, false
	}
	return c.eng.deadlines.start(c.ctx, &c.watch, at), true
}

// transportError returns err, which ended an attempt under ctx, as a
// *url.Error that carries the redacted URL (http.Client's own holds the
// URL verbatim, query secrets included) and a cause that matches why ctx
// ended (deadlineError).
func (c *exchange) transportError(ctx context.Context, err error) error {
	var ue *url.Error
	op := c.req.Method
	if errors.As(err, &ue) {
		op, err = ue.Op, ue.Err
	} else if len(op) > 1 {
		op = op[:1] + strings.ToLower(op[1:])
	}
	return fmt.Errorf("factorial: %w", &url.Error{Op: op, URL: c.redactedURL(), Err: deadlineError(ctx, err)})
}

func (c *exchange) transportRetryable(err error, connected bool) bool {
	if c.ctx.Err() != nil || PermanentTransportError(err) {
		return false
	}
	if !connected && isDialError(err) {
		return true // nothing was sent: safe for any method
	}
	return c.idempotent && TransientTransportError(err)
}

func (c *exchange) log(level slog.Level, msg string, attrs ...slog.Attr) {
	if !c.eng.log.Enabled(c.ctx, level) {
		return
	}
	base := []slog.Attr{slog.String("method", c.req.Method), slog.String("url", c.redactedURL())}
	if c.op != "" {
		base = append(base, slog.String("operation", c.op))
	}
	c.eng.log.LogAttrs(c.ctx, level, msg, append(base, attrs...)...)
}
