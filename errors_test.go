package factorial

import (
	"bytes"
	"context"
	"crypto/x509"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"reflect"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/engine"
)

func TestErrorBodyShapes(t *testing.T) {
	const json = "application/json; charset=utf-8"
	tests := []struct {
		name        string
		status      int
		contentType string
		body        string
		messages    []string
		fields      map[string][]string
		code        string
	}{
		{"dated API nested list", 422, json, `{"errors":{"errors":["Start on must be before finish on","Employee is terminated"]}}`, []string{"Start on must be before finish on", "Employee is terminated"}, nil, ""},
		{"errors string", 404, json, `{"errors":"Resource #111 not found"}`, []string{"Resource #111 not found"}, nil, ""},
		{"errors list", 403, json, `{"errors":["Forbidden access to a paid resource","second"]}`, []string{"Forbidden access to a paid resource", "second"}, nil, ""},
		{"errors null", 500, json, `{"errors":null}`, nil, nil, ""},
		{"errors per field", 422, json,
			`{"errors":{"timeoff_manager_id":["The time off manager does not belong to the company"],"manager_id":["The manager does not belong to the company"]}}`,
			[]string{"manager_id: The manager does not belong to the company", "timeoff_manager_id: The time off manager does not belong to the company"},
			map[string][]string{
				"manager_id":         {"The manager does not belong to the company"},
				"timeoff_manager_id": {"The time off manager does not belong to the company"},
			}, ""},
		{"field with a bare string", 422, json, `{"errors":{"email":"is taken"}}`, []string{"email: is taken"}, map[string][]string{"email": {"is taken"}}, ""},
		{"bare array", 400, json, `["There is already a user with that email (ada@example.com)"]`, []string{"There is already a user with that email (ada@example.com)"}, nil, ""},
		{"doorkeeper", 400, json, `{"error":"invalid_grant","error_description":"The provided authorization grant is invalid."}`, []string{"The provided authorization grant is invalid."}, nil, "invalid_grant"},
		{"doorkeeper without description", 401, json, `{"error":"invalid_client"}`, []string{"invalid_client"}, nil, "invalid_client"},
		{"message key", 400, json, `{"message":"Bad request"}`, []string{"Bad request"}, nil, ""},
		{"html", 500, "text/html", "<html><head><title>Oops</title><style>p{}</style><script>var x=1</script></head><body><h1>We&#39;re sorry,</h1><!-- c --><p>but something went wrong.</p></body></html>",
			[]string{"Oops We're sorry, but something went wrong."}, nil, ""},
		{"plain text", 500, "text/plain", "Internal   Server\nError", []string{"Internal Server Error"}, nil, ""},
		{"empty", 500, "", "", nil, nil, ""},
		{"empty with json type", 500, json, "", nil, nil, ""},
		{"invalid json", 500, json, `{"errors":`, nil, nil, ""},
		{"binary garbage", 500, "application/octet-stream", "\x00\x01\x02\xff\xfe", nil, nil, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				reply(w, tt.status, tt.contentType, tt.body)
			}), WithAPIKey("test-key-123"))
			res, err := c.V1.Raw().GetMeWithResponse(context.Background())
			if res != nil {
				t.Fatalf("got a result with an error response: %+v", res)
			}
			e := asError(t, err)
			if e.Kind != KindStatus || e.StatusCode != tt.status || e.Method != "GET" {
				t.Errorf("kind %q status %d method %s, want status %d", e.Kind, e.StatusCode, e.Method, tt.status)
			}
			if !reflect.DeepEqual(e.Messages, tt.messages) {
				t.Errorf("Messages = %q, want %q", e.Messages, tt.messages)
			}
			if !reflect.DeepEqual(e.FieldErrors, tt.fields) {
				t.Errorf("FieldErrors = %q, want %q", e.FieldErrors, tt.fields)
			}
			if e.Code != tt.code {
				t.Errorf("Code = %q, want %q", e.Code, tt.code)
			}
			if string(e.Body) != tt.body {
				t.Errorf("Body = %q, want the raw body %q", e.Body, tt.body)
			}
			if e.Operation != "GetMe" || !strings.HasSuffix(e.URL, "/api/v1/me") {
				t.Errorf("Operation %q URL %q", e.Operation, e.URL)
			}
			for _, m := range tt.messages {
				if !strings.Contains(err.Error(), m) {
					t.Errorf("Error() = %q lacks %q", err, m)
				}
			}
		})
	}
}

func TestHTMLBadGatewayFromProxy(t *testing.T) {
	const page = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.20.1</center>\r\n</body>\r\n</html>\r\n"
	h := count(func(w http.ResponseWriter, r *http.Request) { reply(w, http.StatusBadGateway, "text/html", page) })
	c, _, sleeps := newTestClient(t, h)
	res, err := c.V1.Raw().GetMeWithResponse(context.Background())
	if res != nil {
		t.Fatal("result with error")
	}
	e := asError(t, err)
	if e.StatusCode != 502 || e.Message() != "502 Bad Gateway 502 Bad Gateway nginx/1.20.1" {
		t.Errorf("status %d message %q", e.StatusCode, e.Message())
	}
	if h.hits() != 3 || len(sleeps.get()) != 2 {
		t.Errorf("GET on 502: %d attempts, %d waits; want 3 and 2", h.hits(), len(sleeps.get()))
	}
	if !IsRetryable(err) {
		t.Error("IsRetryable(502) = false")
	}
}

func TestSuccessBodyChecks(t *testing.T) {
	tests := []struct {
		name        string
		status      int
		contentType string
		body        string
		kind        ErrorKind
		errText     string
	}{
		{"empty body, json declared", 200, "application/json", "", KindEmptyBody, "empty body"},
		{"empty body, no content type", 200, "", "", KindEmptyBody, "empty body"},
		{"truncated json", 200, "application/json", `{"email":"ada@example.com","employee_id":`, KindInvalidJSON, "unexpected end of JSON input"},
		{"invalid json", 200, "application/json", `{"email" "x"}`, KindInvalidJSON, "invalid character"},
		{"garbage", 200, "application/json", "\x00\x01garbage", KindInvalidJSON, "does not start like JSON"},
		{"html on 200", 200, "text/html; charset=utf-8", "<html><body><p>Please log in</p></body></html>", KindContentType, "Please log in"},
		{"text on 200", 200, "text/plain", "ok", KindContentType, `unexpected content type "text/plain"`},
		{"problem+json is JSON", 200, "application/problem+json", `{"email":"a@b.c","employee_id":"7"}`, KindDecode, "Access.employee_id of type int"},
		{"undocumented 2xx", 202, "application/json", accessJSON, KindUndocumentedStatus, "undocumented status for GetMe"},
		{"undocumented 204", 204, "", "", KindUndocumentedStatus, "204 No Content"},
		{"string for integer", 200, "application/json", `{"email":"a@b.c","employee_id":"7"}`, KindDecode, "cannot unmarshal string into Go struct field Access.employee_id of type int"},
		{"number for string", 200, "application/json", `{"email":5,"employee_id":7}`, KindDecode, "cannot unmarshal number into Go struct field Access.email of type string"},
		{"fraction for integer", 200, "application/json", `{"email":"a@b.c","employee_id":7.5}`, KindDecode, "cannot unmarshal number 7.5"},
		{"array for object", 200, "application/json", `[]`, KindDecode, "cannot unmarshal array into Go value of type api.Access"},
		{"null body", 200, "application/json", `null`, KindDecode, "null body where the spec declares a value"},
		{"case-folded key", 200, "application/json", `{"EMAIL":1,"employee_id":7}`, KindDecode, "Access.email of type string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				reply(w, tt.status, tt.contentType, tt.body)
			}))
			res, err := c.V1.Credentials.GetMe(context.Background())
			if res != (api.Access{}) {
				t.Fatalf("got result %+v with a bad body", res)
			}
			e := asError(t, err)
			if e.Kind != tt.kind || e.StatusCode != tt.status {
				t.Errorf("kind %q status %d, want %q %d (%v)", e.Kind, e.StatusCode, tt.kind, tt.status, err)
			}
			if !strings.Contains(err.Error(), tt.errText) {
				t.Errorf("Error() = %q, want it to contain %q", err, tt.errText)
			}
			if string(e.Body) != tt.body {
				t.Errorf("Body = %q, want %q", e.Body, tt.body)
			}
			if IsRetryable(err) {
				t.Error("a bad 2xx body is not retryable")
			}
		})
	}
}

func TestTypedResultsStillWork(t *testing.T) {
	c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reply(w, 200, "application/json; charset=utf-8", accessJSON)
	}))
	res, err := c.V1.Raw().GetMeWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.Email != "ada@example.com" || res.JSON200.EmployeeID != 7 || res.StatusCode() != 200 {
		t.Fatalf("JSON200 = %+v", res.JSON200)
	}
	if string(res.Body) != accessJSON {
		t.Errorf("Body = %q", res.Body)
	}
	// The raw generated method gets the buffered body too.
	raw, err := c.V1.Raw().GetMe(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(raw.Body)
	_ = raw.Body.Close()
	if string(b) != accessJSON {
		t.Errorf("raw body %q", b)
	}
}

// garbage returns n deterministic bytes that are neither JSON nor text.
func garbage(n int) []byte {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = byte(x)
	}
	b[0] = 0xff
	return b
}

// allocated runs f and returns the bytes allocated meanwhile.
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

func TestTenMegabytesOfGarbage(t *testing.T) {
	body := garbage(10 << 20)
	jsonLooking := append([]byte("["), body[1:]...)
	tests := []struct {
		name        string
		status      int
		contentType string
		body        []byte
		opts        []Option
		kind        ErrorKind
	}{
		{"error status", 500, "application/json", body, nil, KindStatus},
		{"json 200", 200, "application/json", body, nil, KindInvalidJSON},
		{"json-looking 200 over the size limit", 200, "application/json", jsonLooking, []Option{WithMaxResponseBytes(1 << 20)}, KindTooLarge},
		{"json-looking 200 over the size limit, chunked", 200, "application/json", jsonLooking, []Option{WithMaxResponseBytes(1 << 20)}, KindTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", tt.contentType)
				if !strings.HasSuffix(tt.name, "chunked") {
					w.Header().Set("Content-Length", fmt.Sprint(len(tt.body)))
				}
				w.WriteHeader(tt.status)
				_, _ = w.Write(tt.body)
			}), tt.opts...)
			var err error
			alloc := allocated(func() { _, err = c.V1.Raw().GetMeWithResponse(context.Background()) })
			e := asError(t, err)
			if e.Kind != tt.kind {
				t.Errorf("kind %q, want %q: %v", e.Kind, tt.kind, err)
			}
			if len(e.Body) != 64<<10 || !e.BodyTruncated {
				t.Errorf("Body holds %d bytes (truncated %v), want 65536 truncated", len(e.Body), e.BodyTruncated)
			}
			if !bytes.Equal(e.Body, tt.body[:64<<10]) {
				t.Error("Body is not the first 64 KiB of the response")
			}
			if len(e.Messages) != 0 {
				t.Errorf("garbage produced messages %q", e.Messages)
			}
			limit := uint64(2 << 20)
			if strings.HasSuffix(tt.name, "chunked") {
				limit = 12 << 20 // no length to fail fast on: 1 MiB is read into a doubling buffer
			}
			t.Logf("allocated %d KiB while receiving 10 MiB", alloc>>10)
			if alloc > limit {
				t.Errorf("allocated %d bytes for a 10 MiB body, want < %d", alloc, limit)
			}
		})
	}
}

func TestStatusSentinels(t *testing.T) {
	for _, tt := range []struct {
		status int
		want   error
	}{
		{404, ErrNotFound}, {401, ErrUnauthorized}, {403, ErrForbidden}, {429, ErrRateLimited},
	} {
		c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Retry-After", "120")
			w.Header().Set("X-Request-Id", "req-42")
			reply(w, tt.status, "application/json", `{"errors":"no"}`)
		}), WithAPIKey("test-key-123"))
		_, err := c.V1.Raw().GetMeWithResponse(context.Background())
		if !errors.Is(err, tt.want) {
			t.Errorf("%d: errors.Is(%v, %v) = false", tt.status, err, tt.want)
		}
		for _, other := range []error{ErrNotFound, ErrUnauthorized, ErrForbidden, ErrRateLimited} {
			if other != tt.want && errors.Is(err, other) {
				t.Errorf("%d matches %v", tt.status, other)
			}
		}
		e := asError(t, err)
		if e.RequestID != "req-42" || !strings.Contains(err.Error(), "(request id req-42)") {
			t.Errorf("request id %q in %q", e.RequestID, err)
		}
		if e.RetryAfter != 2*time.Minute {
			t.Errorf("RetryAfter = %v", e.RetryAfter)
		}
	}
}

func TestIsRetryable(t *testing.T) {
	tests := []struct {
		err  error
		want bool
	}{
		{nil, false},
		{&Error{Kind: KindStatus, StatusCode: 503}, true},
		{&Error{Kind: KindStatus, StatusCode: 429}, true},
		{&Error{Kind: KindStatus, StatusCode: 500}, false},
		{&Error{Kind: KindStatus, StatusCode: 404}, false},
		{&Error{Kind: KindBodyRead, StatusCode: 200, Err: io.ErrUnexpectedEOF}, true},
		{&Error{Kind: KindDecode, StatusCode: 200}, false},
		{fmt.Errorf("wrapped: %w", &Error{Kind: KindStatus, StatusCode: 502}), true},
		{&url.Error{Op: "Get", URL: "u", Err: syscall.ECONNREFUSED}, true},
		{&url.Error{Op: "Get", URL: "u", Err: context.DeadlineExceeded}, true},
		{&url.Error{Op: "Get", URL: "u", Err: context.Canceled}, false},
		{&url.Error{Op: "Get", URL: "u", Err: x509.UnknownAuthorityError{}}, false},
		{&url.Error{Op: "Get", URL: "u", Err: errors.New("unsupported protocol scheme")}, false},
		{errors.New("boom"), false},
	}
	for _, tt := range tests {
		if got := IsRetryable(tt.err); got != tt.want {
			t.Errorf("IsRetryable(%v) = %v, want %v", tt.err, got, tt.want)
		}
	}
}

// Every field of an engine failure reaches the *Error callers get, under
// the same name, and the two types have the same fields.
func TestPublicErrorCopiesEveryField(t *testing.T) {
	t.Parallel()
	f := &engine.Failure{
		Kind: engine.KindTooLarge, StatusCode: 418, Method: "GET", URL: "https://x/y", Operation: "GetY",
		RequestID: "req-1", Code: "invalid_grant", Messages: []string{"m"}, FieldErrors: map[string][]string{"f": {"m"}},
		RetryAfter: time.Second, Header: http.Header{"A": {"b"}}, Body: []byte("body"), BodyTruncated: true,
		Err: errors.New("cause"),
	}
	fv := reflect.ValueOf(f).Elem()
	for i := range fv.NumField() {
		if fv.Field(i).IsZero() {
			t.Fatalf("the test leaves Failure.%s zero", fv.Type().Field(i).Name)
		}
	}
	var e *Error
	if !errors.As(publicError(f), &e) {
		t.Fatal("publicError returned no *Error")
	}
	ev := reflect.ValueOf(e).Elem()
	if ev.NumField() != fv.NumField() {
		t.Fatalf("Error has %d fields, Failure %d", ev.NumField(), fv.NumField())
	}
	for i := range fv.NumField() {
		name := fv.Type().Field(i).Name
		got := ev.FieldByName(name)
		if !got.IsValid() {
			t.Errorf("Error has no field %s", name)
			continue
		}
		want := fv.Field(i)
		if got.Kind() == reflect.String {
			if got.String() != want.String() {
				t.Errorf("%s = %q, want %q", name, got.String(), want.String())
			}
			continue
		}
		if !reflect.DeepEqual(got.Interface(), want.Interface()) {
			t.Errorf("%s = %v, want %v", name, got.Interface(), want.Interface())
		}
	}
}

// The public error kinds carry the engine's kinds' text, one for one, and
// the validation modes convert to the engine's of the same meaning.
func TestPublicTypesMatchTheEngine(t *testing.T) {
	t.Parallel()
	pairs := map[ErrorKind]engine.Kind{
		KindStatus: engine.KindStatus, KindUndocumentedStatus: engine.KindUndocumentedStatus,
		KindContentType: engine.KindContentType, KindEmptyBody: engine.KindEmptyBody,
		KindInvalidJSON: engine.KindInvalidJSON, KindDecode: engine.KindDecode,
		KindBodyRead: engine.KindBodyRead, KindTooLarge: engine.KindTooLarge, KindSpecDrift: engine.KindSpecDrift,
	}
	for public, internal := range pairs {
		if string(public) != string(internal) {
			t.Errorf("%q is %q in the engine", public, internal)
		}
	}
	for public, internal := range map[ValidationMode]engine.Validation{
		ValidationOff: engine.ValidationOff, ValidationLog: engine.ValidationLog, ValidationStrict: engine.ValidationStrict,
	} {
		if engine.Validation(public) != internal {
			t.Errorf("mode %d converts to %d, want %d", public, engine.Validation(public), internal)
		}
	}
}
