package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
)

// The resource commands call the typed services, which return decoded
// records; --output json prints the response body as the API sent it
// instead (fields the spec does not describe and explicit nulls
// included). So the CLI's clients send requests through bodyCopier, which
// keeps a copy of the response body for the calls whose context asks for
// one.

type bodyCopyKey struct{}

// withBodyCopy returns a context under which the client keeps a copy of
// the response body in the returned buffer, readable once the call has
// returned. When the call was retried, the buffer holds the last
// attempt's body.
func withBodyCopy(ctx context.Context) (context.Context, *bytes.Buffer) {
	buf := new(bytes.Buffer)
	return context.WithValue(ctx, bodyCopyKey{}, buf), buf
}

// bodyCopier is a RoundTripper that tees the response body into the
// buffer of withBodyCopy, when the request's context carries one.
type bodyCopier struct{ base http.RoundTripper }

func (t bodyCopier) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	buf, _ := req.Context().Value(bodyCopyKey{}).(*bytes.Buffer)
	if err != nil || buf == nil {
		return resp, err
	}
	buf.Reset()
	resp.Body = teeBody{Reader: io.TeeReader(resp.Body, buf), Closer: resp.Body}
	return resp, nil
}

type teeBody struct {
	io.Reader
	io.Closer
}
