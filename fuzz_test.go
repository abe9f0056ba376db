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
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/factorial-go/factorial/api"
)

// nginx502 is the page nginx serves when Factorial's backend is down.
const nginx502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.20.1</center>\r\n</body>\r\n</html>\r\n"

// errorBodyCap is what an *Error keeps of a body (Error.Body: at most
// 64 KiB), and maxMessagesTotal the bound on all of its messages: the
// same budget plus the truncation mark.
const (
	errorBodyCap     = 64 << 10
	maxMessagesTotal = errorBodyCap + len("…")
)

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
			if len(e.Body) > errorBodyCap {
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
