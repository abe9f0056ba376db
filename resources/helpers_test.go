package resources_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/internal/specvalidate"
	"github.com/factorial-go/factorial/resources"
)

// The operation tests of the dated API. Each one serves a canned response
// in the shape Factorial's 2026-07-01 document gives, calls the operation
// through the client's services (c...), and checks what went on
// the wire and what came back typed. Every exchange passes through
// specvalidate.Transport, which validates the request and the response
// against openapi-resources.yaml and records the operation in coverage;
// TestMain fails the run unless every operation had a validated 2xx.

// base is the path every dated call of version 2026-07-01 starts with.
const base = "/api/2026-07-01/resources"

// apiKey is the credential the test clients send (x-api-key, bare).
const apiKey = "test-key"

// coverage is shared by every test of this binary.
var coverage = &specvalidate.Coverage{}

// TestMain fails the run when an operation of openapi-resources.yaml has no
// test whose exchange validated with a 2xx.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && runAll() {
		v := specvalidate.MustNewResources()
		total := len(v.Operations())
		if missing := coverage.Missing(v); len(missing) > 0 {
			os.Stderr.WriteString("operation coverage: missing tests for:\n  " + strings.Join(missing, "\n  ") + "\n")
			code = 1
		} else {
			n := strconv.Itoa(total)
			os.Stderr.WriteString("operation coverage: " + n + "/" + n + " client operations validated\n")
		}
	}
	os.Exit(code)
}

// runAll reports whether the whole package ran (no -run or -skip filter),
// the only case where coverage is meaningful.
func runAll() bool {
	for _, a := range os.Args {
		if strings.HasPrefix(a, "-test.run") || strings.HasPrefix(a, "-test.skip") {
			return false
		}
	}
	return true
}

// exchange is one request the fake server expects, in order, and its answer.
type exchange struct {
	method string
	path   string // below base, e.g. /employees/employees/4242, escaped as on the wire
	status int
	body   string            // sent as application/json when non-empty
	header map[string]string // extra response headers
	// check inspects the request; it runs in the server's goroutine, so it
	// reports with Errorf, never Fatal.
	check func(t testing.TB, r *http.Request, body []byte)
}

// fake holds the exchanges a test expects and counts the requests served.
type fake struct {
	t    testing.TB
	mu   sync.Mutex
	exs  []exchange
	next int
}

func (f *fake) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	f.mu.Lock()
	i := f.next
	f.next++
	f.mu.Unlock()
	if i >= len(f.exs) {
		f.t.Errorf("unexpected request %d: %s %s", i+1, r.Method, r.URL.RequestURI())
		http.Error(w, `{"message":"unexpected"}`, http.StatusTeapot)
		return
	}
	ex := f.exs[i]
	if r.Method != ex.method || r.URL.EscapedPath() != base+ex.path {
		f.t.Errorf("request %d: %s %s, want %s %s", i+1, r.Method, r.URL.EscapedPath(), ex.method, base+ex.path)
	}
	// Every call carries the API key bare in x-api-key, never as Bearer.
	if got := r.Header.Get("x-api-key"); got != apiKey {
		f.t.Errorf("request %d: x-api-key = %q, want %q", i+1, got, apiKey)
	}
	if got := r.Header.Get("Authorization"); got != "" {
		f.t.Errorf("request %d: Authorization = %q, want none with an API key", i+1, got)
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		f.t.Errorf("request %d: read body: %v", i+1, err)
	}
	if ex.check != nil {
		ex.check(f.t, r, body)
	}
	for k, v := range ex.header {
		w.Header().Set(k, v)
	}
	if ex.body != "" {
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	}
	w.WriteHeader(ex.status)
	_, _ = io.WriteString(w, ex.body)
}

// served returns how many requests the fake answered.
func (f *fake) served() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.next
}

// newClient starts a loopback server answering exs in order and returns a
// client that sends through the spec-validating transport: a request or
// response the spec does not describe fails the test. The test also fails
// if an expected exchange never happened.
func newClient(t *testing.T, exs ...exchange) (*factorial.Client, *fake) {
	t.Helper()
	f := &fake{t: t, exs: exs}
	srv := httptest.NewServer(f)
	t.Cleanup(srv.Close)
	c, err := factorial.NewClient(
		factorial.WithBaseURL(srv.URL),
		factorial.WithAPIKey(apiKey),
		// One attempt: a retried call would hide how many requests the
		// operation made, which the tests assert.
		factorial.WithRetryPolicy(factorial.RetryPolicy{MaxAttempts: 1}),
		factorial.WithTransport(&specvalidate.Transport{
			Validator: specvalidate.MustNewResources(),
			Base:      srv.Client().Transport,
			Report:    func(err error) { t.Error(err) },
			Coverage:  coverage,
		}),
	)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	t.Cleanup(func() {
		if n := f.served(); n < len(exs) {
			t.Errorf("%d of %d expected requests made", n, len(exs))
		}
	})
	return c, f
}

// one is newClient for a single exchange.
func one(t *testing.T, ex exchange) *factorial.Client {
	t.Helper()
	c, _ := newClient(t, ex)
	return c
}

// Request checks. They run inside the fake server, so they report with
// Errorf.

// noBody checks that a GET or DELETE carried no body.
func noBody(t testing.TB, body []byte) {
	t.Helper()
	if len(body) != 0 {
		t.Errorf("request body = %q, want none", body)
	}
}

// noQuery checks that the request carried no query string.
func noQuery(t testing.TB, r *http.Request) {
	t.Helper()
	if r.URL.RawQuery != "" {
		t.Errorf("query = %q, want none", r.URL.RawQuery)
	}
}

// wantQuery checks the decoded query: every key of want with exactly its
// values in order, and no other key.
func wantQuery(t testing.TB, r *http.Request, want url.Values) {
	t.Helper()
	got := r.URL.Query()
	for k, w := range want {
		if !slices.Equal(got[k], w) {
			t.Errorf("query %s = %q, want %q (raw %q)", k, got[k], w, r.URL.RawQuery)
		}
	}
	for k := range got {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected query parameter %s=%q (raw %q)", k, got[k], r.URL.RawQuery)
		}
	}
}

// wantRawQuery checks the query string exactly as the client wrote it:
// parameter order, escaping (brackets of array keys are percent-encoded,
// which Rails decodes to the same parameters) and one key per array value.
func wantRawQuery(t testing.TB, r *http.Request, want string) {
	t.Helper()
	if r.URL.RawQuery != want {
		t.Errorf("raw query = %q, want %q", r.URL.RawQuery, want)
	}
}

// wantJSON checks that the request is JSON and its body equals want as
// JSON values: every field present with its value, and no other field.
func wantJSON(t testing.TB, r *http.Request, body []byte, want string) {
	t.Helper()
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	var got, exp any
	if err := json.Unmarshal(body, &got); err != nil {
		t.Errorf("request body %q: %v", body, err)
		return
	}
	if err := json.Unmarshal([]byte(want), &exp); err != nil {
		t.Errorf("expected body %q: %v", want, err)
		return
	}
	if !reflect.DeepEqual(got, exp) {
		t.Errorf("request body =\n  %s\nwant\n  %s", compact(body), compact([]byte(want)))
	}
}

func compact(b []byte) string {
	var buf bytes.Buffer
	if err := json.Compact(&buf, b); err != nil {
		return string(b)
	}
	return buf.String()
}

// Result checks.

// must fails the test at once when an operation returned an error.
func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatalf("call failed: %v", err)
	}
}

// eq checks a plain value.
func eq[T comparable](t testing.TB, field string, got, want T) {
	t.Helper()
	if got != want {
		t.Errorf("%s = %v, want %v", field, got, want)
	}
}

// is checks an optional (nullable) field: present and equal to want.
func is[T comparable](t testing.TB, field string, got *T, want T) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = nil, want %v", field, want)
		return
	}
	if *got != want {
		t.Errorf("%s = %v, want %v", field, *got, want)
	}
}

// null checks that an optional field decoded as JSON null or absent.
func null[T any](t testing.TB, field string, got *T) {
	t.Helper()
	if got != nil {
		t.Errorf("%s = %v, want nil (JSON null)", field, *got)
	}
}

// ids checks a list of string ids.
func ids(t testing.TB, field string, got []string, want ...string) {
	t.Helper()
	if !slices.Equal(got, want) {
		t.Errorf("%s = %q, want %q", field, got, want)
	}
}

// day checks a date field (YYYY-MM-DD).
func day(t testing.TB, field string, got *openapi_types.Date, want string) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = nil, want %s", field, want)
		return
	}
	if s := got.String(); s != want {
		t.Errorf("%s = %s, want %s", field, s, want)
	}
}

// at checks a timestamp field against an RFC 3339 instant (any offset).
func at(t testing.TB, field string, got *time.Time, want string) {
	t.Helper()
	w, err := time.Parse(time.RFC3339Nano, want)
	if err != nil {
		t.Fatalf("fixture timestamp %q: %v", want, err)
	}
	if got == nil {
		t.Errorf("%s = nil, want %s", field, want)
		return
	}
	if !got.Equal(w) {
		t.Errorf("%s = %s, want %s", field, got.Format(time.RFC3339Nano), want)
	}
}

// date builds a request date.
func date(s string) openapi_types.Date {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return openapi_types.Date{Time: d}
}

// datep is date as a pointer, for optional request fields.
func datep(s string) *openapi_types.Date {
	d := date(s)
	return &d
}

// madrid is Spain's summer offset, the zone of the fixtures' company.
var madrid = time.FixedZone("CEST", 2*60*60)

// clock builds a request timestamp on a 2026 July day in madrid.
func clock(dayOfMonth, hour, minute, second int) time.Time {
	return time.Date(2026, time.July, dayOfMonth, hour, minute, second, 0, madrid)
}

// ptr returns a pointer to v, for optional request fields.
func ptr[T any](v T) *T { return &v }

// apiError returns the *factorial.Error err holds, failing the test when it
// holds none.
func apiError(t *testing.T, err error) *factorial.Error {
	t.Helper()
	var fe *factorial.Error
	if !errors.As(err, &fe) {
		t.Fatalf("error %v (%T), want a *factorial.Error", err, err)
	}
	return fe
}

// page builds a list response: the records and a meta object.
func page(meta string, records ...string) string {
	return `{"data":[` + strings.Join(records, ",") + `],"meta":` + meta + `}`
}

// onePage is the meta of a list that fits one page of limit 100.
func onePage(total int) string {
	return `{"has_next_page":false,"has_previous_page":false,"limit":100,"total":` + strconv.Itoa(total) +
		`,"start_cursor":"eyJpZCI6MX0","end_cursor":"eyJpZCI6MX0"}`
}

// wantOnePage checks the meta onePage built.
func wantOnePage(t testing.TB, m resources.PageMeta, total int) {
	t.Helper()
	if m.HasNextPage || m.HasPreviousPage || m.Total != total || m.Limit == nil || *m.Limit != 100 {
		t.Errorf("meta = has_next %v, has_previous %v, total %d, limit %v; want false, false, %d, 100",
			m.HasNextPage, m.HasPreviousPage, m.Total, m.Limit, total)
	}
}
