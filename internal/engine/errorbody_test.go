package engine

// FuzzParseErrorBody's seed corpus lives in testdata/fuzz/FuzzParseErrorBody
// next to the f.Add seeds below; scripts/fuzz.sh runs it with the other
// targets. A plain `go test` replays the seeds as regression tests.

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"
)

// nginx502 is the page nginx serves when Factorial's backend is down.
const nginx502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.20.1</center>\r\n</body>\r\n</html>\r\n"

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

// maxMessagesTotal is the bound FuzzParseErrorBody holds parseErrorBody to:
// the message budget plus the truncation mark.
const maxMessagesTotal = maxMessagesBytes + len("…")

func addErrorBodySeeds(f *testing.F) {
	for _, s := range []struct{ ct, body string }{
		{"application/json", `{"errors":"Employee not found"}`},
		{"application/json", `{"errors":["first","second"]}`},
		{"application/json", `{"errors":null}`},
		{"application/json; charset=utf-8", `{"errors":{"email":["is invalid","is taken"],"birthday_on":"bad"}}`},
		{"application/json", `["a","b",3,{"x":1},null]`},
		{"application/json", `{"error":"invalid_grant","error_description":"The provided authorization grant is invalid."}`},
		{"application/json", `{"error":{"message":"nested"}}`},
		{"application/json", `{"message":"Internal Server Error"}`},
		{"application/json", `"bare string"`},
		{"application/json", `{"errors": "unterminated`},
		{"text/html", nginx502},
		{"text/html", "<!-- c --><script>x()</script><style>p{}</style><p>Please &amp; log in</p>"},
		{"text/plain", "Retry later"},
		{"", "\x00\x01\x02 binary"},
		{"application/octet-stream", "\xff\xfe"},
		{"text/html", "<\u212a\u212a\u212a<b>x"}, // Kelvin sign: 3 bytes, lowercases to 1
	} {
		f.Add(s.ct, []byte(s.body))
	}
}

// FuzzParseErrorBody feeds arbitrary bytes and content types to the error
// body parser, then the same response through a real Client as a non-2xx
// answer. Properties: no panic; messages are valid UTF-8, bounded in total
// size and deterministic; field errors appear among the messages; and the
// client never turns a non-2xx into a nil error or into anything but an
// *Error carrying the status, the (capped) body and those messages.
func FuzzParseErrorBody(f *testing.F) {
	addErrorBodySeeds(f)

	var (
		mu      sync.Mutex
		status  int
		ct      string
		payload []byte
	)
	rt := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		mu.Lock()
		defer mu.Unlock()
		h := http.Header{}
		if ct != "" {
			h.Set("Content-Type", ct)
		}
		return &http.Response{
			StatusCode: status, Status: strconv.Itoa(status), Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
			Header: h, Body: io.NopCloser(bytes.NewReader(payload)), ContentLength: -1, Request: r,
		}, nil
	})
	base, _ := url.Parse("http://127.0.0.1:1")
	eng := New(Config{Base: base, HTTPClient: &http.Client{Transport: rt}, Retry: Retry{MaxAttempts: 1}, MaxBody: 10 << 20, Log: slog.New(slog.DiscardHandler)})

	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		d := parseErrorBody(contentType, body)
		total := 0
		for _, m := range d.messages {
			total += len(m)
			if !utf8.ValidString(m) {
				t.Errorf("message %q is not valid UTF-8", m)
			}
		}
		if total > maxMessagesTotal {
			t.Errorf("messages total %d bytes from a %d-byte body (limit %d)", total, len(body), maxMessagesTotal)
		}
		if len(d.messages) > len(body) {
			t.Errorf("%d messages from a %d-byte body", len(d.messages), len(body))
		}
		for field, msgs := range d.fields {
			for _, m := range msgs {
				if !slices.Contains(d.messages, field+": "+m) {
					t.Errorf("field error %q: %q missing from messages", field, m)
				}
			}
		}
		if again := parseErrorBody(contentType, body); !equalDetails(d, again) {
			t.Errorf("parseErrorBody is not deterministic: %+v then %+v", d, again)
		}

		// The same bytes as a non-2xx answer through the engine.
		st := 100 + int(crc(body, contentType))%900
		if st >= 200 && st <= 299 {
			st += 100
		}
		cleanCT := contentType // an in-memory response carries any header value as it is
		mu.Lock()
		status, ct, payload = st, cleanCT, body
		mu.Unlock()
		req, _ := http.NewRequestWithContext(context.Background(), http.MethodGet, "http://127.0.0.1:1/api/v1/me", nil)
		res, err := eng.Do(req)
		if res != nil || err == nil {
			t.Fatalf("status %d: got result %v, error %v; want (nil, *Failure)", st, res != nil, err)
		}
		var e *Failure
		if !errors.As(err, &e) {
			t.Fatalf("status %d: error %T %v is not a *Failure", st, err, err)
		}
		if e.StatusCode != st || e.Kind != KindStatus {
			t.Errorf("got status %d kind %q, want %d %q", e.StatusCode, e.Kind, st, KindStatus)
		}
		kept := body[:min(len(body), maxErrorBody)]
		if !bytes.Equal(e.Body, kept) || e.BodyTruncated != (len(body) > maxErrorBody) {
			t.Errorf("Body %d bytes truncated=%v, want %d bytes truncated=%v", len(e.Body), e.BodyTruncated, len(kept), len(body) > maxErrorBody)
		}
		if want := parseErrorBody(cleanCT, kept); !slices.Equal(e.Messages, want.messages) {
			t.Errorf("Messages %q, want %q", e.Messages, want.messages)
		}
	})
}

func equalDetails(a, b errorDetails) bool {
	if a.code != b.code || !slices.Equal(a.messages, b.messages) || len(a.fields) != len(b.fields) {
		return false
	}
	for k, v := range a.fields {
		w, ok := b.fields[k]
		if !ok || !slices.Equal(v, w) {
			return false
		}
	}
	return true
}

// crc derives a stable number from the input, so one fuzz input always
// maps to the same status.
func crc(b []byte, s string) uint32 {
	h := uint32(2166136261)
	for _, c := range b {
		h = (h ^ uint32(c)) * 16777619
	}
	for i := 0; i < len(s); i++ {
		h = (h ^ uint32(s[i])) * 16777619
	}
	return h
}

// Regression tests for inputs the fuzz targets found, kept as plain tests
// so they read as documentation; the same inputs are committed under
// testdata/fuzz.

// An HTML error page whose text lowercases to fewer bytes (the Kelvin sign
// K is 3 bytes, k is 1) must not make htmlExcerpt index past the end of
// the page: a proxy's page must never panic the client.
func TestHTMLExcerptNonASCIICase(t *testing.T) {
	for _, page := range []string{"<\u212a\u212a\u212a<b>x", "<p>\u212aELVIN <SCRIPT>x</SCRIPT>ok</p>", "<\u0130<i>x", "<\xff<i>y"} {
		d := parseErrorBody("text/html", []byte(page))
		t.Logf("%q -> %q", page, d.messages)
	}
	d := parseErrorBody("text/html", []byte("<P>\u212aelvin</P><SCRIPT>secret()</SCRIPT><!-- x -->done"))
	if want := []string{"\u212aelvin done"}; !slices.Equal(d.messages, want) {
		t.Errorf("messages %q, want %q", d.messages, want)
	}
}

// {"errors": {"<long field>": ["a", "b", ...]}} repeats the field name in
// every message: without the message budget a 64 KiB body would expand into
// gigabytes of messages.
func TestFieldErrorAmplificationBounded(t *testing.T) {
	field := strings.Repeat("f", 30<<10)
	items := strings.TrimSuffix(strings.Repeat(`"x",`, 8<<10), ",")
	body := `{"errors":{"` + field + `":[` + items + `]}}`
	if len(body) > maxErrorBody {
		t.Fatalf("test body %d bytes exceeds the error body cap", len(body))
	}
	d := parseErrorBody("application/json", []byte(body))
	total := 0
	for _, m := range d.messages {
		total += len(m)
	}
	if total > maxMessagesTotal || len(d.messages) == 0 {
		t.Errorf("%d messages, %d bytes from a %d-byte body", len(d.messages), total, len(body))
	}
	if got := d.fields[field]; len(got) == 0 || len(got) > len(d.messages) {
		t.Errorf("field errors %d, messages %d", len(got), len(d.messages))
	}
}
