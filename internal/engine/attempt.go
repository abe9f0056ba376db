package engine

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/url"

	"golang.org/x/oauth2"
)

// attemptRequest returns the request one attempt sends: a copy of c.req
// under ctx with the client's headers added (User-Agent and Accept unless
// the caller set them, the API key, the bearer token). A caller's request
// (Do's, the raw generated client's) is never modified, so every retry
// starts from it again; a service's own request (owned) gets the headers
// set in place and goes itself on the first attempt, as a shallow copy
// after.
//
// It is http.Request.Clone followed by Header.Set calls, in fewer
// allocations: the header map is built once with room for the added
// headers, all values sharing one backing array (Clone plus four Sets cost
// seven allocations of a call's budget). Requests carrying server-side or
// form fields, which client requests do not, take Clone itself.
func (c *exchange) attemptRequest(ctx context.Context, tok *oauth2.Token) (*http.Request, *attemptCopies) {
	src := c.req
	var auth string
	if tok != nil {
		auth = tok.Type() + " " + tok.AccessToken // as tok.SetAuthHeader sets it
	}
	if c.owned {
		// A service's own request: set the headers in place, each at
		// its own slot of the exchange's values (which outlive the
		// request), so a later attempt replaces exactly what an earlier
		// one set. Whether User-Agent and Accept are the client's to set
		// is decided on the first attempt, before it sets them.
		h := src.Header
		vals := &c.headerValues
		if c.sent == 1 {
			c.setAgent = len(h["User-Agent"]) == 0 || h["User-Agent"][0] == ""
			c.setAccept = len(h["Accept"]) == 0 || h["Accept"][0] == ""
		}
		set := func(slot int, key, value string) { // key is canonical
			vals[slot] = value
			h[key] = vals[slot : slot+1 : slot+1]
		}
		if c.setAgent {
			set(0, "User-Agent", c.eng.userAgent)
		}
		if c.setAccept {
			set(1, "Accept", "application/json")
		}
		if c.useKey {
			set(2, APIKeyHeader, c.eng.apiKey)
		}
		if tok != nil {
			set(3, "Authorization", auth)
		}
		if c.sent == 1 {
			// The first attempt takes the request itself onto its
			// context: nothing else holds it, and the copy WithContext
			// makes does not outlive the statement (no allocation). A
			// later attempt sends a copy, since the transport may still
			// be reading the request an earlier attempt sent.
			*src = *src.WithContext(ctx)
			return src, nil
		}
		return src.WithContext(ctx), nil
	}
	if src.Trailer != nil || src.TransferEncoding != nil || src.Form != nil || src.PostForm != nil || src.MultipartForm != nil {
		r := src.Clone(ctx)
		if r.Header.Get("User-Agent") == "" {
			r.Header.Set("User-Agent", c.eng.userAgent)
		}
		if r.Header.Get("Accept") == "" {
			r.Header.Set("Accept", "application/json")
		}
		if c.useKey {
			r.Header.Set(APIKeyHeader, c.eng.apiKey)
		}
		if tok != nil {
			r.Header.Set("Authorization", auth)
		}
		return r, nil
	}

	r := src.WithContext(ctx) // a shallow copy

	// The headers: Clone's layout (one map, one backing array for every
	// value) with room for what Set would add.
	h := src.Header
	var add [4]struct{ key, value string }
	n := 0
	if h.Get("User-Agent") == "" {
		add[n] = struct{ key, value string }{"User-Agent", c.eng.userAgent}
		n++
	}
	if h.Get("Accept") == "" {
		add[n] = struct{ key, value string }{"Accept", "application/json"}
		n++
	}
	if c.useKey {
		add[n] = struct{ key, value string }{APIKeyHeader, c.eng.apiKey}
		n++
	}
	if tok != nil {
		add[n] = struct{ key, value string }{"Authorization", auth}
		n++
	}
	nv := n
	for _, vv := range h {
		nv += len(vv)
	}
	// The URL copy and, when they fit, the header values share one
	// allocation.
	x := new(attemptCopies)
	var sv []string
	if nv <= len(x.values) {
		sv = x.values[:nv]
	} else {
		sv = make([]string, nv)
	}
	if src.URL != nil {
		x.url = *src.URL
		if src.URL.User != nil {
			x.url.User = new(url.Userinfo)
			*x.url.User = *src.URL.User
		}
		r.URL = &x.url
	}
	h2 := make(http.Header, len(h)+n)
	for k, vv := range h {
		if vv == nil {
			h2[k] = nil
			continue
		}
		m := copy(sv, vv)
		h2[k] = sv[:m:m]
		sv = sv[m:]
	}
	for _, a := range add[:n] {
		sv[0] = a.value
		h2[a.key] = sv[:1:1] // Set: replaces any value under the key
		sv = sv[1:]
	}
	r.Header = h2
	return r, x
}

// attemptCopies is one allocation for what an attempt needs besides the
// request: the URL copy (as http.Request.Clone copies it), the header
// values, the body reader of a checked response, and a buffer a small
// response body is read into. A call that succeeds at once thus allocates
// for the client layer only this, the request copy, and the header map.
type attemptCopies struct {
	url    url.URL
	values [8]string
	body   bodyReader
	small  [smallBody]byte
}

// smallBody is the largest body (plus the byte that sees EOF) read into
// attemptCopies.small instead of a buffer of its own.
const smallBody = 512

// bodyReader is the body of a checked 2xx response: the bytes the
// transport read, handed to the generated parser (which reads them all
// with io.ReadAll) or to a Client.Do caller.
//
// It lets go of what has been read. A big body (bigBody or more) is moved
// into blocks of bodyBlock bytes once the checks have passed, and each
// block is dropped as soon as it has been read: while io.ReadAll builds the
// parser's copy, the transport's copy shrinks by as much, so the call
// never holds three copies of a big list at once (the transport's,
// ReadAll's intermediate chunks and its final slice). The move costs one
// memory copy, a few milliseconds for 50 MB. Close does nothing: the body
// is already in memory and the connection already released.
type bodyReader struct {
	data   []byte   // the block being read
	off    int      // read offset in data
	blocks [][]byte // the blocks after data
}

const (
	bigBody   = 4 << 20
	bodyBlock = 1 << 20
)

// newBodyReader returns the reader of a checked body.
func newBodyReader(data []byte) bodyReader {
	if len(data) < bigBody {
		return bodyReader{data: data}
	}
	blocks := make([][]byte, 0, (len(data)+bodyBlock-1)/bodyBlock)
	for rest := data; len(rest) > 0; {
		n := min(len(rest), bodyBlock)
		blocks = append(blocks, bytes.Clone(rest[:n]))
		rest = rest[n:]
	}
	return bodyReader{data: blocks[0], blocks: blocks[1:]}
}

// next moves to the next block, dropping the one read; false at the end.
func (b *bodyReader) next() bool {
	if len(b.blocks) == 0 {
		b.data, b.off, b.blocks = nil, 0, nil
		return false
	}
	b.data, b.off = b.blocks[0], 0
	b.blocks[0] = nil
	b.blocks = b.blocks[1:]
	return true
}

func (b *bodyReader) Read(p []byte) (int, error) {
	for b.off >= len(b.data) {
		if !b.next() {
			return 0, io.EOF
		}
	}
	n := copy(p, b.data[b.off:])
	b.off += n
	return n, nil
}

// WriteTo hands io.Copy the unread bytes block by block, as bytes.Reader
// does, so copying the body needs no intermediate buffer.
func (b *bodyReader) WriteTo(w io.Writer) (int64, error) {
	var total int64
	for {
		for b.off >= len(b.data) {
			if !b.next() {
				return total, nil
			}
		}
		rest := b.data[b.off:]
		n, err := w.Write(rest)
		if n < 0 || n > len(rest) {
			panic("factorial: invalid Write count")
		}
		b.off += n
		total += int64(n)
		if n != len(rest) && err == nil {
			err = io.ErrShortWrite
		}
		if err != nil {
			return total, err
		}
	}
}

// Close does nothing: the body is in memory.
func (b *bodyReader) Close() error { return nil }
