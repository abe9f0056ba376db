package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync"
)

// The resource commands call the typed services, which return decoded
// records; --output json prints the response body as the API sent it
// instead (fields the spec does not describe and explicit nulls
// included). So the CLI's clients send requests through bodyCopier, which
// keeps a copy of the response body for the calls whose context asks for
// one: withBodyCopy for a single response (v1), withPageCopies for every
// page of a dated list, which the service walks in several requests.

type (
	bodyCopyKey   struct{}
	pageCopiesKey struct{}
)

// withBodyCopy returns a context under which the client keeps a copy of
// the response body in the returned buffer, readable once the call has
// returned. When the call was retried, the buffer holds the last
// attempt's body.
func withBodyCopy(ctx context.Context) (context.Context, *bytes.Buffer) {
	buf := new(bytes.Buffer)
	return context.WithValue(ctx, bodyCopyKey{}, buf), buf
}

// pageCopies holds the body of each page of a paginated list, in the
// order the pages were fetched.
type pageCopies struct {
	mu    sync.Mutex
	urls  []string
	pages []*bytes.Buffer
}

// withPageCopies returns a context under which the client keeps a copy of
// every response body, one per page. A retried attempt requests the same
// URL as the attempt before it and replaces that attempt's copy; the next
// page has another URL (its after_id or page) and adds one.
func withPageCopies(ctx context.Context) (context.Context, *pageCopies) {
	pc := new(pageCopies)
	return context.WithValue(ctx, pageCopiesKey{}, pc), pc
}

// buffer returns the (emptied) buffer for a response to url.
func (pc *pageCopies) buffer(url string) *bytes.Buffer {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if n := len(pc.urls); n > 0 && pc.urls[n-1] == url {
		pc.pages[n-1].Reset()
		return pc.pages[n-1]
	}
	buf := new(bytes.Buffer)
	pc.urls = append(pc.urls, url)
	pc.pages = append(pc.pages, buf)
	return buf
}

// data joins the data arrays of the pages into one JSON array. Each
// element is copied as the API sent it, byte for byte; only the page
// envelope (data and meta) is dropped.
func (pc *pageCopies) data() ([]byte, error) {
	pc.mu.Lock()
	defer pc.mu.Unlock()
	var out bytes.Buffer
	out.WriteByte('[')
	n := 0
	for i, page := range pc.pages {
		var env struct {
			Data []json.RawMessage `json:"data"`
		}
		if err := json.Unmarshal(page.Bytes(), &env); err != nil {
			return nil, fmt.Errorf("page %d of the response is not a list page: %w", i+1, err)
		}
		for _, el := range env.Data {
			if n > 0 {
				out.WriteByte(',')
			}
			out.Write(el)
			n++
		}
	}
	out.WriteByte(']')
	return out.Bytes(), nil
}

// bodyCopier is a RoundTripper that tees the response body into the
// buffer of withBodyCopy or withPageCopies, when the request's context
// carries one.
type bodyCopier struct{ base http.RoundTripper }

func (t bodyCopier) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		return resp, err
	}
	buf, _ := req.Context().Value(bodyCopyKey{}).(*bytes.Buffer)
	if pc, ok := req.Context().Value(pageCopiesKey{}).(*pageCopies); ok {
		buf = pc.buffer(req.URL.String())
	}
	if buf == nil {
		return resp, nil
	}
	buf.Reset()
	resp.Body = teeBody{Reader: io.TeeReader(resp.Body, buf), Closer: resp.Body}
	return resp, nil
}

type teeBody struct {
	io.Reader
	io.Closer
}
