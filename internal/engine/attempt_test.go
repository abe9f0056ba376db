package engine

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"testing/iotest"

	"golang.org/x/oauth2"
)

// attemptRequest must produce what http.Request.Clone followed by the
// header Sets it replaces produced, and leave the caller's request alone.
func TestAttemptRequestMatchesCloneAndSet(t *testing.T) {
	headers := []http.Header{
		{},
		{"User-Agent": {"mine/1"}, "Accept": {"text/csv"}},
		{"User-Agent": {""}, "X-Custom": {"a", "b"}, "X-Empty": nil},
		{"X-Api-Key": {"callers-key"}, "Authorization": {"Basic x"}},
		{"A": {"1"}, "B": {"2"}, "C": {"3"}, "D": {"4"}, "E": {"5"}, "F": {"6"}, "G": {"7", "8", "9"}},
	}
	toks := []*oauth2.Token{nil, {AccessToken: "tok-123456"}, {AccessToken: "tok-123456", TokenType: "bearer"}, {AccessToken: "m", TokenType: "MAC"}}
	for hi, h := range headers {
		for _, tok := range toks {
			for _, useKey := range []bool{false, true} {
				for _, form := range []bool{false, true} {
					u, _ := url.Parse("https://user:pw@api.example.com/api/v1/me?x=1")
					req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, u.String(), nil)
					req.Header = h.Clone()
					if form {
						req.Form = url.Values{"a": {"b"}}
					}
					before := req.Header.Clone()
					c := &exchange{eng: &Engine{userAgent: "factorial-go/test", apiKey: "key-abcdef"}, req: req, useKey: useKey}
					ctx := context.WithValue(context.Background(), attemptTestKey{}, 1)

					got, _ := c.attemptRequest(ctx, tok)

					want := req.Clone(ctx)
					if want.Header.Get("User-Agent") == "" {
						want.Header.Set("User-Agent", c.eng.userAgent)
					}
					if want.Header.Get("Accept") == "" {
						want.Header.Set("Accept", "application/json")
					}
					if useKey {
						want.Header.Set(APIKeyHeader, c.eng.apiKey)
					}
					if tok != nil {
						tok.SetAuthHeader(want)
					}
					name := func() string { return "header set " + strconv.Itoa(hi) }
					if !reflect.DeepEqual(got.Header, want.Header) {
						t.Errorf("%s, tok %v, key %v: header %v, want %v", name(), tok, useKey, got.Header, want.Header)
					}
					if got.Context() != ctx || got.URL.String() != want.URL.String() || *got.URL.User != *req.URL.User ||
						got.URL == req.URL || got.URL.User == req.URL.User {
						t.Errorf("%s: context or URL not copied like Clone", name())
					}
					if !reflect.DeepEqual(req.Header, before) {
						t.Errorf("%s: the caller's request was modified: %v", name(), req.Header)
					}
					got.Header.Set("X-Later", "1")
					got.URL.Path = "/changed"
					if req.Header.Get("X-Later") != "" || req.URL.Path != "/api/v1/me" {
						t.Errorf("%s: the attempt shares state with the caller's request", name())
					}
				}
			}
		}
	}
}

func TestBodyReader(t *testing.T) {
	for _, size := range []int{0, 1, 100, bigBody - 1, bigBody, bigBody + bodyBlock/2, 3*bodyBlock + bigBody} {
		data := make([]byte, size)
		for i := range data {
			data[i] = byte(i * 7)
		}
		b := newBodyReader(data)
		if size >= bigBody && len(b.blocks) == 0 {
			t.Errorf("%d bytes: not split into blocks", size)
		}
		if err := iotest.TestReader(&b, data); err != nil {
			t.Errorf("%d bytes: %v", size, err)
		}

		b = newBodyReader(data)
		got, err := io.ReadAll(&b)
		if err != nil || !bytes.Equal(got, data) {
			t.Errorf("%d bytes: ReadAll got %d bytes, %v", size, len(got), err)
		}
		if b.data != nil || b.blocks != nil {
			t.Errorf("%d bytes: the reader still holds the body after EOF", size)
		}
		if n, err := b.Read(make([]byte, 10)); n != 0 || err != io.EOF {
			t.Errorf("%d bytes: read after EOF: %d, %v", size, n, err)
		}

		b = newBodyReader(data)
		var buf bytes.Buffer
		if n, err := io.Copy(&buf, &b); err != nil || n != int64(size) || !bytes.Equal(buf.Bytes(), data) {
			t.Errorf("%d bytes: io.Copy %d, %v", size, n, err)
		}
		if err := b.Close(); err != nil {
			t.Error(err)
		}
	}
	// A short write stops WriteTo with io.ErrShortWrite, and what is left
	// can still be read.
	data := bytes.Repeat([]byte("abcdefgh"), (bigBody+bodyBlock)/8)
	b := newBodyReader(data)
	n, err := b.WriteTo(shortWriter{max: 1000})
	if n != 1000 || !errors.Is(err, io.ErrShortWrite) {
		t.Fatalf("short write: %d, %v", n, err)
	}
	rest, _ := io.ReadAll(&b)
	if !bytes.Equal(rest, data[1000:]) {
		t.Fatalf("after a short write: %d bytes left, want %d", len(rest), len(data)-1000)
	}
}

type attemptTestKey struct{}

type shortWriter struct{ max int }

func (w shortWriter) Write(p []byte) (int, error) { return min(len(p), w.max), nil }

// readBody keeps its contract: whole body, size limit, JSON sniffing, and
// a small body read into the scratch buffer.
func TestReadBody(t *testing.T) {
	scratch := make([]byte, 0, smallBody)
	for _, tc := range []struct {
		body          string
		size          int64
		limit         int64
		sniff         bool
		tooLarge, not bool
	}{
		{`{"a":1}`, 7, 100, true, false, false},
		{`{"a":1}`, -1, 100, true, false, false},
		{`   [1,2]`, -1, 100, true, false, false},
		{`<html>`, 6, 100, true, false, true},
		{`<html>`, 6, 100, false, false, false},
		{strings.Repeat("x", 2000), 2000, 100, false, true, false},
		{strings.Repeat(" ", 70<<10) + "{}", -1, 1 << 20, true, false, false},
		{"", 0, 100, true, false, false},
		{strings.Repeat("7", 5000), 5000, 1 << 20, true, false, false},
	} {
		data, tooLarge, notJSON, err := readBody(iotest.HalfReader(strings.NewReader(tc.body)), tc.size, tc.limit, tc.sniff, scratch)
		if err != nil || tooLarge != tc.tooLarge || notJSON != tc.not {
			t.Errorf("%.20q: tooLarge %v notJSON %v err %v", tc.body, tooLarge, notJSON, err)
			continue
		}
		if !tooLarge && !notJSON && string(data) != tc.body {
			t.Errorf("%.20q: read %d bytes", tc.body, len(data))
		}
	}
	data, _, _, _ := readBody(strings.NewReader(smallJSON), int64(len(smallJSON)), 1<<20, true, scratch)
	if string(data) != smallJSON || &data[:1][0] != &scratch[:1][0] {
		t.Error("a small body was not read into the scratch buffer")
	}
	_, _, _, err := readBody(iotest.ErrReader(io.ErrUnexpectedEOF), -1, 100, true, nil)
	if !errors.Is(err, io.ErrUnexpectedEOF) {
		t.Errorf("read error: %v", err)
	}
}

// smallJSON is a body that fits the scratch buffer.
const smallJSON = `{"email":"ada@example.com","employee_id":7,"full_name":"Ada Lovelace","role":"admin"}`

// A service's own request goes itself on its first attempt, under the
// attempt's context and with the client's headers, and as a copy on a
// later attempt (the transport may still hold the first).
func TestAttemptRequestOwned(t *testing.T) {
	req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, "https://api.example.com/api/v1/me", nil)
	c := &exchange{eng: &Engine{userAgent: "factorial-go/test", apiKey: "key-abcdef"}, req: req, useKey: true, owned: true}
	for attempt := 1; attempt <= 2; attempt++ {
		c.sent = attempt
		ctx := context.WithValue(context.Background(), attemptTestKey{}, attempt)
		got, copies := c.attemptRequest(ctx, &oauth2.Token{AccessToken: "tok-123456"})
		if copies != nil {
			t.Errorf("attempt %d: copies made for an owned request", attempt)
		}
		if (got == req) != (attempt == 1) {
			t.Errorf("attempt %d: sent the service's request itself: %v", attempt, got == req)
		}
		if got.Context().Value(attemptTestKey{}) != attempt {
			t.Errorf("attempt %d: not under the attempt's context", attempt)
		}
		want := http.Header{"User-Agent": {"factorial-go/test"}, "Accept": {"application/json"}, APIKeyHeader: {"key-abcdef"}, "Authorization": {"Bearer tok-123456"}}
		if !reflect.DeepEqual(got.Header, want) {
			t.Errorf("attempt %d: headers %v", attempt, got.Header)
		}
	}
}
