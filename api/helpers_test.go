package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/textproto"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/factorial-go/factorial/internal/apitest"
)

func newServer(t *testing.T, h http.Handler) string {
	t.Helper()
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s.URL
}

// Decoded values.

// wantPtr checks an optional typed field: set, and equal to want.
func wantPtr[T comparable](t testing.TB, field string, got *T, want T) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = nil, want %v", field, want)
		return
	}
	if *got != want {
		t.Errorf("%s = %v, want %v", field, *got, want)
	}
}

// wantNil checks that an optional field decoded as absent or null.
func wantNil[T any](t testing.TB, field string, got *T) {
	t.Helper()
	if got != nil {
		t.Errorf("%s = %v, want nil", field, *got)
	}
}

// ptrIs reports whether p is set and equal to v, for use inside a larger
// condition (wantPtr reports a single field on its own).
func ptrIs[T comparable](p *T, v T) bool { return p != nil && *p == v }

// mustDate parses a YYYY-MM-DD fixture date.
func mustDate(t testing.TB, s string) openapi_types.Date {
	t.Helper()
	d, err := time.Parse(openapi_types.DateFormat, s)
	if err != nil {
		t.Fatalf("date %q: %v", s, err)
	}
	return openapi_types.Date{Time: d}
}

// mustTime parses an RFC 3339 fixture timestamp.
func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := time.Parse(time.RFC3339, s)
	if err != nil {
		t.Fatalf("time %q: %v", s, err)
	}
	return v
}

// dateOf builds a date from its parts.
func dateOf(y int, m time.Month, d int) openapi_types.Date {
	return openapi_types.Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// dateIs reports whether d is set and prints as s (YYYY-MM-DD).
func dateIs(d *openapi_types.Date, s string) bool { return d != nil && d.String() == s }

// wantDate checks an optional date field: set, and printing as want
// (YYYY-MM-DD).
func wantDate(t testing.TB, field string, got *openapi_types.Date, want string) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = nil, want %s", field, want)
		return
	}
	if s := got.String(); s != want {
		t.Errorf("%s = %s, want %s", field, s, want)
	}
}

// Query strings. These run inside handlers, so they report with Errorf.

// noQuery checks that the request carried no query string.
func noQuery(t testing.TB, r *http.Request) {
	t.Helper()
	if r.URL.RawQuery != "" {
		t.Errorf("query = %q, want none", r.URL.RawQuery)
	}
}

// wantRawQuery checks the query string exactly as the generated client put
// it on the wire: parameter order, escaping and array style included.
func wantRawQuery(t testing.TB, r *http.Request, want string) {
	t.Helper()
	if r.URL.RawQuery != want {
		t.Errorf("raw query = %q, want %q", r.URL.RawQuery, want)
	}
}

// wantQuery checks the decoded query parameters: every key in want with
// exactly its values (repeats in order), and no other key.
func wantQuery(t testing.TB, r *http.Request, want map[string][]string) {
	t.Helper()
	q := r.URL.Query()
	for k, w := range want {
		if got := q[k]; !reflect.DeepEqual(got, w) {
			t.Errorf("query %s = %q, want %q (raw %q)", k, got, w, r.URL.RawQuery)
		}
	}
	for k := range q {
		if _, ok := want[k]; !ok {
			t.Errorf("unexpected query parameter %s (raw %q)", k, r.URL.RawQuery)
		}
	}
}

// wantBracketArray checks the bracket-style array query parameter Factorial
// reads (Rails' `employee_ids[]=1&employee_ids[]=2`): decoded, the key
// "employee_ids[]" carries every value in order, and on the wire the
// bracketed key is repeated once per value. The generated client
// (oapi-codegen runtime escapeParameterName) percent-encodes the brackets,
// so the raw query holds `employee_ids%5B%5D=1&employee_ids%5B%5D=2`: that
// is the exact form asserted here (Rails decodes it to the same params).
// It must never fall back to `employee_ids=1,2` or an unbracketed key.
func wantBracketArray(t testing.TB, r *http.Request, key string, want ...string) {
	t.Helper()
	if got := r.URL.Query()[key]; !slices.Equal(got, want) {
		t.Errorf("query %s = %q, want %q", key, got, want)
	}
	enc := strings.ReplaceAll(strings.ReplaceAll(key, "[", "%5B"), "]", "%5D")
	var frags []string
	for _, v := range want {
		frags = append(frags, enc+"="+v)
	}
	if raw := r.URL.RawQuery; !strings.Contains(raw, strings.Join(frags, "&")) {
		t.Errorf("raw query %q does not repeat %s once per value (%s)", raw, enc, strings.Join(frags, "&"))
	}
	bare := strings.TrimSuffix(key, "[]")
	if q := r.URL.Query(); q.Has(bare) {
		t.Errorf("query also carries unbracketed %s=%q", bare, q[bare])
	}
}

// Request bodies.

// noBody fails when a request that declares no body carried one.
func noBody(t testing.TB, body []byte) {
	t.Helper()
	if len(body) != 0 {
		t.Errorf("request body = %q, want none", body)
	}
}

// wantJSONBody checks that the JSON request body equals want (a JSON object
// literal), key for key: nothing missing, nothing extra.
func wantJSONBody(t testing.TB, r *http.Request, body []byte, want string) {
	t.Helper()
	got := apitest.JSONBody(t, r, body)
	var w map[string]any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Errorf("bad want %q: %v", want, err)
		return
	}
	if !reflect.DeepEqual(got, w) {
		t.Errorf("JSON body = %s, want %s", body, want)
	}
}

// wantKeys fails unless the JSON object m has exactly the keys want
// (omitempty must drop every field the caller left unset).
func wantKeys(t testing.TB, m map[string]any, want ...string) {
	t.Helper()
	var got []string
	for k := range m {
		got = append(got, k)
	}
	slices.Sort(got)
	want = slices.Clone(want)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("request body keys = %v, want %v", got, want)
	}
}

// Multipart bodies.

// formPart is one part of a multipart/form-data request body. A part with a
// Filename is a file part carrying Value as its content, with ContentType
// (application/octet-stream when empty, as multipart.Writer.CreateFormFile
// sends).
type formPart struct {
	Name        string
	Value       string
	Filename    string
	ContentType string
}

// quoteEscaper escapes a Content-Disposition parameter the way
// mime/multipart does.
var quoteEscaper = strings.NewReplacer(`\`, `\\`, `"`, `\"`)

// multipartBody builds a multipart/form-data body, parts in order, and
// returns its Content-Type (with the boundary) and the body.
func multipartBody(t testing.TB, parts ...formPart) (string, *bytes.Buffer) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, p := range parts {
		if p.Filename == "" {
			if err := w.WriteField(p.Name, p.Value); err != nil {
				t.Fatalf("multipart field %s: %v", p.Name, err)
			}
			continue
		}
		ct := p.ContentType
		if ct == "" {
			ct = "application/octet-stream"
		}
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`,
			quoteEscaper.Replace(p.Name), quoteEscaper.Replace(p.Filename)))
		h.Set("Content-Type", ct)
		pw, err := w.CreatePart(h)
		if err != nil {
			t.Fatalf("multipart file %s: %v", p.Name, err)
		}
		if _, err := io.WriteString(pw, p.Value); err != nil {
			t.Fatalf("multipart file %s: %v", p.Name, err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatalf("multipart close: %v", err)
	}
	return w.FormDataContentType(), &buf
}

// parseMultipart checks the request is multipart/form-data with a boundary
// and parses it from the captured body. It runs inside handlers, so it
// reports with Errorf and returns nil rather than calling Fatal.
func parseMultipart(t testing.TB, r *http.Request, body []byte) *multipart.Form {
	t.Helper()
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		t.Errorf("Content-Type = %q, want multipart/form-data with a boundary", r.Header.Get("Content-Type"))
		return nil
	}
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err := r.ParseMultipartForm(10 << 20); err != nil {
		t.Errorf("ParseMultipartForm: %v", err)
		return nil
	}
	return r.MultipartForm
}

// wantFormValues checks that the multipart form carries exactly want for
// each named (non-file) field, repeated parts included. Fields not in want
// are not checked.
func wantFormValues(t testing.TB, f *multipart.Form, want map[string][]string) {
	t.Helper()
	if f == nil {
		return
	}
	for k, w := range want {
		if got := f.Value[k]; !reflect.DeepEqual(got, w) {
			t.Errorf("multipart field %s = %q, want %q", k, got, w)
		}
	}
}

// wantFilePart checks one file part: its name, filename, Content-Type and
// content.
func wantFilePart(t testing.TB, f *multipart.Form, name, filename, contentType, content string) {
	t.Helper()
	if f == nil {
		return
	}
	files := f.File[name]
	if len(files) != 1 {
		t.Errorf("multipart file parts %s = %d, want 1", name, len(files))
		return
	}
	fh := files[0]
	if fh.Filename != filename {
		t.Errorf("part %s filename = %q, want %q", name, fh.Filename, filename)
	}
	if ct := fh.Header.Get("Content-Type"); ct != contentType {
		t.Errorf("part %s Content-Type = %q, want %q", name, ct, contentType)
	}
	rc, err := fh.Open()
	if err != nil {
		t.Errorf("part %s: %v", name, err)
		return
	}
	defer rc.Close()
	got, _ := io.ReadAll(rc)
	if string(got) != content {
		t.Errorf("part %s content = %q, want %q", name, got, content)
	}
}
