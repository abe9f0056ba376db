package factorial

// Fuzz targets for the client layer. Seed corpora live in
// testdata/fuzz/<FuzzName>/ next to the f.Add seeds below; scripts/fuzz.sh
// runs every target. A plain `go test` replays the seeds as regression tests.

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/factorial-go/factorial/api"
)

// nginx502 is the page nginx serves when Factorial's backend is down.
const nginx502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.20.1</center>\r\n</body>\r\n</html>\r\n"

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
	c, err := NewClient(WithBaseURL("http://127.0.0.1:1"), WithTransport(rt), WithRetryPolicy(RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		f.Fatal(err)
	}

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

		// The same bytes as a non-2xx answer through the client.
		st := 100 + int(crc(body, contentType))%900
		if st >= 200 && st <= 299 {
			st += 100
		}
		cleanCT := headerSafe(contentType)
		mu.Lock()
		status, ct, payload = st, cleanCT, body
		mu.Unlock()
		res, err := c.V1.Raw().GetMeWithResponse(context.Background())
		if res != nil || err == nil {
			t.Fatalf("status %d: got result %v, error %v; want (nil, *Error)", st, res != nil, err)
		}
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("status %d: error %T %v is not an *Error", st, err, err)
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
		if msg := e.Error(); len(msg) > maxMessagesTotal+2*len(e.Messages)+1024 {
			t.Errorf("Error() is %d bytes", len(msg))
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

// headerSafe drops what a server cannot put in a header value (CR, LF, NUL
// and other controls), so a fuzzed value reaches the client as sent.
func headerSafe(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s[:min(len(s), 256)])
}

// fuzzOps are the service methods FuzzClientResponse drives: each returns
// its result (nil when the call failed and the result is the zero value)
// and whether the result holds a body for the status.
var fuzzOps = []struct {
	name string
	// declared lists the 2xx statuses the spec declares and whether each
	// has a JSON body.
	declared map[int]bool
	call     func(c *Client) (any, func(status int) bool, error)
}{
	{"GetMe", map[int]bool{200: true}, func(c *Client) (any, func(int) bool, error) {
		r, err := c.V1.Credentials.GetMe(context.Background())
		return resultOf(r, err), always, err
	}},
	{"ListEmployees", map[int]bool{200: true}, func(c *Client) (any, func(int) bool, error) {
		r, err := c.V1.Employees.List(context.Background())
		return resultOf(r, err), always, err
	}},
	{"GetEmployee", map[int]bool{200: true}, func(c *Client) (any, func(int) bool, error) {
		r, err := c.V1.Employees.Get(context.Background(), 7)
		return resultOf(r, err), always, err
	}},
	{"UpdateEmployee", map[int]bool{200: true}, func(c *Client) (any, func(int) bool, error) {
		r, err := c.V1.Employees.Update(context.Background(), 7, api.EmployeeUpdate{FirstName: Ptr("Ada")})
		return resultOf(r, err), always, err
	}},
	{"DeleteLeave", map[int]bool{200: true, 204: false}, func(c *Client) (any, func(int) bool, error) {
		r, err := c.V1.TimeOff.DeleteLeave(context.Background(), 9)
		return resultOf(r, err), func(s int) bool { return (s == 204) == (r == nil) }, err
	}},
	{"CreateLeave", map[int]bool{201: true}, func(c *Client) (any, func(int) bool, error) {
		r, err := c.V1.TimeOff.CreateLeave(context.Background(), leaveCreate())
		return resultOf(r, err), always, err
	}},
	{"ClockIn", map[int]bool{200: true, 201: true}, func(c *Client) (any, func(int) bool, error) {
		r, err := c.V1.Attendance.ClockIn(context.Background(), api.ClockInInput{EmployeeID: 7, Now: time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC)})
		return resultOf(r, err), always, err
	}},
	{"ListEmployeesIter", map[int]bool{200: true}, func(c *Client) (any, func(int) bool, error) {
		var all []api.Employee
		for e, err := range c.V1.Employees.ListIter(context.Background()) {
			if err != nil {
				return nil, always, err
			}
			all = append(all, e)
		}
		return resultOf(all, nil), always, nil
	}},
}

func always(int) bool { return true }

// resultOf returns the call's result, or nil when it failed; a failed call
// must return the zero value, which resultOf checks by returning a marker
// that fails the "exactly one" property otherwise.
func resultOf[T any](v T, err error) any {
	if err != nil {
		if !reflect.ValueOf(&v).Elem().IsZero() {
			return fmt.Sprintf("non-zero result %v beside an error", v)
		}
		return nil
	}
	return &v
}

func leaveCreate() api.LeaveCreate {
	return api.LeaveCreate{EmployeeID: 7, StartOn: DateOf(2025, time.August, 1), FinishOn: DateOf(2025, time.August, 15)}
}

// Framing modes of FuzzClientResponse (the low two bits of mode).
const (
	frameLength  = iota // Content-Length set by the server
	frameChunked        // flushed before the body: chunked encoding
	frameCut            // Content-Length promises more, then the connection closes
)

// Mode bits above the framing: modeInflate repeats the body past the
// client's WithMaxResponseBytes, to reach the size checks; modeUpper sends
// the Content-Type in upper case (media types are case-insensitive, the
// generated parser's "json" test is not).
const (
	modeInflate = 4
	modeUpper   = 8
)

// fuzzMaxBody is the client's WithMaxResponseBytes in FuzzClientResponse.
const fuzzMaxBody = 32 << 10

type fuzzReply struct {
	status      int
	contentType string
	retryAfter  string
	body        []byte
	frame       int
}

// FuzzClientResponse replays a fuzzed status, Content-Type, Retry-After and
// body from a real HTTP server to a Client through one of several service
// methods (GET, PUT, DELETE, POST, a streamed list). Properties: no panic;
// a failed call returns the zero value; any error is an *Error (a response
// always arrives, so no raw decode error or transport error may escape); a
// non-2xx is an *Error with that status; a nil error means a declared 2xx
// whose result holds a body exactly when the status declares one; error
// bodies and messages stay bounded.
func FuzzClientResponse(f *testing.F) {
	const (
		employee = `{"id":7,"email":"ada@example.com","first_name":"Ada","last_name":"Lovelace","full_name":"Ada Lovelace","birthday_on":"1815-12-10","role":"admin"}`
		leave    = `{"id":9,"employee_id":7,"start_on":"2025-08-01","finish_on":"2025-08-15","approved":null,"half_day":null}`
		shift    = `{"id":3,"employee_id":7,"day":2,"month":1,"year":2025,"clock_in":"09:00","clock_out":null}`
	)
	for _, s := range []struct {
		op     uint8
		status uint16
		ct, ra string
		body   string
		mode   uint8
	}{
		{0, 200, "application/json", "", accessJSON, frameLength},
		{1, 200, "application/json; charset=utf-8", "", "[" + employee + "]", frameChunked},
		{2, 200, "application/json", "", employee, frameLength},
		{3, 200, "application/json", "", employee, frameChunked},
		{4, 200, "application/json", "", leave, frameLength},
		{4, 204, "", "", "", frameLength},
		{5, 201, "application/json", "", leave, frameLength},
		{6, 200, "application/json", "", shift, frameLength},
		{6, 201, "application/json", "", shift, frameChunked},
		{2, 404, "application/json", "", `{"errors":"Record not found"}`, frameLength},
		{3, 422, "application/json", "", `{"errors":{"email":["is invalid"]}}`, frameLength},
		{1, 429, "application/json", "0", `{"errors":"slow down"}`, frameLength},
		{1, 503, "", "1", "", frameLength},
		{5, 502, "text/html", "", nginx502, frameLength},
		{0, 500, "text/html", "", "<html><body>oops</body></html>", frameLength},
		{2, 200, "text/html", "", "<html>login</html>", frameLength},
		{2, 200, "application/json", "", `{"id":7,"first_na`, frameLength},
		{2, 200, "application/json", "", `{"id":7,"first_name":"Ada"`, frameCut},
		{2, 200, "application/json", "", "", frameLength},
		{1, 200, "application/json", "", "[" + employee + "]", frameChunked | modeInflate},
		{2, 200, "application/json", "", `{"id":"7"}`, frameLength},
		{2, 202, "application/json", "", employee, frameLength},
		{4, 204, "application/json", "", "ignored", frameLength},
		{0, 301, "", "", "", frameLength},
	} {
		f.Add(s.op, s.status, s.ct, s.ra, []byte(s.body), s.mode)
	}

	var (
		mu   sync.Mutex
		next fuzzReply
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		mu.Lock()
		rep := next
		mu.Unlock()
		if rep.frame == frameCut {
			conn, buf, err := w.(http.Hijacker).Hijack()
			if err != nil {
				return
			}
			defer conn.Close()
			fmt.Fprintf(buf, "HTTP/1.1 %d %s\r\n", rep.status, http.StatusText(rep.status))
			if rep.contentType != "" {
				fmt.Fprintf(buf, "Content-Type: %s\r\n", rep.contentType)
			}
			if rep.retryAfter != "" {
				fmt.Fprintf(buf, "Retry-After: %s\r\n", rep.retryAfter)
			}
			fmt.Fprintf(buf, "Content-Length: %d\r\nConnection: close\r\n\r\n", len(rep.body)+10)
			_, _ = buf.Write(rep.body)
			_ = buf.Flush()
			return
		}
		if rep.contentType != "" {
			w.Header().Set("Content-Type", rep.contentType)
		} else {
			w.Header()["Content-Type"] = nil // no sniffing
		}
		if rep.retryAfter != "" {
			w.Header().Set("Retry-After", rep.retryAfter)
		}
		w.WriteHeader(rep.status)
		if rep.frame == frameChunked {
			w.(http.Flusher).Flush()
		}
		_, _ = w.Write(rep.body)
	}))
	f.Cleanup(srv.Close)
	c, err := NewClient(WithBaseURL(srv.URL), WithTimeout(5*time.Second), WithMaxResponseBytes(fuzzMaxBody),
		WithRetryPolicy(RetryPolicy{MaxAttempts: 2, BaseDelay: time.Microsecond, MaxDelay: time.Microsecond, MaxRetryAfter: time.Millisecond}))
	if err != nil {
		f.Fatal(err)
	}

	f.Fuzz(func(t *testing.T, op uint8, status uint16, contentType, retryAfter string, body []byte, mode uint8) {
		o := fuzzOps[int(op)%len(fuzzOps)]
		rep := fuzzReply{
			status:      fuzzStatus(status),
			contentType: headerSafe(contentType),
			retryAfter:  headerSafe(retryAfter),
			body:        body,
			frame:       int(mode&3) % 3,
		}
		if mode&modeUpper != 0 {
			rep.contentType = strings.ToUpper(rep.contentType)
		}
		if mode&modeInflate != 0 && len(body) > 0 {
			rep.body = bytes.Repeat(body, fuzzMaxBody/len(body)+1)
		}
		mu.Lock()
		next = rep
		mu.Unlock()

		res, typed, err := o.call(c)
		if msg, ok := res.(string); ok {
			t.Fatalf("%s on %d: %s", o.name, rep.status, msg)
		}
		if (res == nil) == (err == nil) {
			t.Fatalf("%s on %d: result %v, error %v: want exactly one", o.name, rep.status, res != nil, err)
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("%s on %d %q: error %T %v is not an *Error", o.name, rep.status, rep.contentType, err, err)
			}
			if e.StatusCode != rep.status {
				t.Errorf("%s: *Error status %d, server sent %d", o.name, e.StatusCode, rep.status)
			}
			if rep.status < 200 || rep.status > 299 {
				if e.Kind != KindStatus {
					t.Errorf("%s on %d: kind %q, want %q", o.name, rep.status, e.Kind, KindStatus)
				}
			}
			if len(e.Body) > maxErrorBody {
				t.Errorf("*Error keeps %d bytes of body", len(e.Body))
			}
			total := 0
			for _, m := range e.Messages {
				total += len(m)
			}
			if total > maxMessagesTotal {
				t.Errorf("messages total %d bytes", total)
			}
			_ = e.Error()
			return
		}
		hasJSON, declared := o.declared[rep.status]
		if !declared {
			t.Fatalf("%s: success for undeclared status %d", o.name, rep.status)
		}
		if rep.frame == frameCut && rep.status != http.StatusNoContent {
			// (A 204 has no body whatever Content-Length says.)
			t.Fatalf("%s: success from a body cut short", o.name)
		}
		if hasJSON && !typed(rep.status) {
			t.Fatalf("%s: nil error on %d %q but no result for the body (body %q)", o.name, rep.status, rep.contentType, rep.body)
		}
	})
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

// Duplicate keys: encoding/json decodes every occurrence into the struct
// and reports a type error in any of them, so {"id":"x","id":1} must come
// back as a KindDecode *Error (not a raw *json.UnmarshalTypeError) even
// though its last id fits.
func TestDuplicateKeyIsChecked(t *testing.T) {
	for _, body := range []string{`{"id":"x","id":1}`, `{"id":1,"nested":{},"id":"x"}`, `{"\u0069d":"x","id":1}`} {
		c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			reply(w, 200, "application/json", body)
		}))
		res, err := c.V1.Employees.Get(context.Background(), 7)
		if res.ID != 0 {
			t.Errorf("%s: got a result", body)
			continue
		}
		if e := asError(t, err); e.Kind != KindDecode {
			t.Errorf("%s: kind %q (%v)", body, e.Kind, err)
		}
	}
	// Duplicates that all fit still decode, the last one winning.
	c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reply(w, 200, "application/json", `{"id":1,"id":2,"email":null,"email":"a@b.c"}`)
	}))
	if res, err := c.V1.Employees.Get(context.Background(), 7); err != nil || res.ID != 2 {
		t.Errorf("err %v", err)
	}
}

// Media types are case-insensitive, but the generated parser looks for a
// lowercase "json" in the raw Content-Type: an "Application/JSON" response
// must still fill JSON200, not come back as a success with JSON200 nil.
func TestUppercaseJSONMediaTypeFillsTypedField(t *testing.T) {
	for _, ct := range []string{"Application/JSON", "APPLICATION/JSON; charset=UTF-8", "application/Problem+JSON"} {
		c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			reply(w, 200, ct, `{"id":7}`)
		}))
		res, err := c.V1.Raw().GetEmployeeWithResponse(context.Background(), 7)
		if err != nil || res.JSON200 == nil || res.JSON200.ID != 7 {
			t.Errorf("%q: err %v, typed result set: %v", ct, err, err == nil && res.JSON200 != nil)
		}
	}
}

// fuzzStatus maps a fuzzed number to an HTTP status a server can send (200-599),
// keeping the ones already in range so seeds mean what they say.
func fuzzStatus(n uint16) int {
	if n >= 200 && n <= 599 {
		return int(n)
	}
	return 200 + int(n)%400
}
