package factorial

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/factorial-go/factorial/internal/engine"
)

// apiBase is where the operations of one API live: the URL their
// requests are built on, parsed once by NewClient, and its escaped path,
// which every operation's path continues.
type apiBase struct {
	url  url.URL
	path string // url.EscapedPath(), without a trailing slash
}

func newAPIBase(u url.URL) apiBase { return apiBase{url: u, path: u.EscapedPath()} }

// newRequest builds the request of op from what the generated service
// knows: base is the API's base; path the request's escaped path from the
// host root (base.path followed by the operation's path, its parameters
// escaped with url.PathEscape or in the decimal form of an integer,
// joined in one concatenation by the generated code); query the encoded
// query string (the generated query encoders), or ""; body the JSON body,
// or nil. No URL is parsed.
func (c *Client) newRequest(ctx context.Context, op *engine.Operation, base *apiBase, path, query string, body any) (*http.Request, error) {
	req, err := http.NewRequestWithContext(ctx, op.Method, "", nil)
	if err != nil {
		return nil, err
	}
	u := req.URL // the empty URL NewRequestWithContext parsed: filled in, not replaced
	*u = base.url
	if strings.IndexByte(path, '%') < 0 {
		u.Path, u.RawPath = path, ""
	} else {
		unescaped, err := url.PathUnescape(path)
		if err != nil {
			return nil, err
		}
		u.Path, u.RawPath = unescaped, path
	}
	u.RawQuery = query
	req.Host = u.Host
	if body != nil {
		data, err := json.Marshal(body)
		if err != nil {
			return nil, err
		}
		req.Header.Set("Content-Type", "application/json")
		req.ContentLength = int64(len(data))
		req.Body = io.NopCloser(bytes.NewReader(data))
		req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil }
	}
	return req, nil
}

// query builds a query string the way the generated constructors do:
// parameters in the order they are added, names and values escaped with
// url.QueryEscape (ids[] goes as ids%5B%5D).
type query struct{ b strings.Builder }

func (q *query) add(name, value string) {
	if q.b.Len() > 0 {
		q.b.WriteByte('&')
	}
	q.b.WriteString(url.QueryEscape(name))
	q.b.WriteByte('=')
	q.b.WriteString(url.QueryEscape(value))
}

// addList adds a list sent as one comma-separated value (style form,
// explode false): the commas stay literal.
func (q *query) addList(name string, values []string) {
	for i, v := range values {
		if i == 0 {
			q.add(name, v)
			continue
		}
		q.b.WriteByte(',')
		q.b.WriteString(url.QueryEscape(v))
	}
}

func (q *query) String() string { return q.b.String() }
