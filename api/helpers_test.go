package api_test

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"
)

func newServer(t *testing.T, h http.Handler) string {
	t.Helper()
	s := httptest.NewServer(h)
	t.Cleanup(s.Close)
	return s.URL
}

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

// mustDate parses a YYYY-MM-DD fixture date.
func mustDate(t testing.TB, s string) openapi_types.Date {
	t.Helper()
	d, err := time.Parse(openapi_types.DateFormat, s)
	if err != nil {
		t.Fatalf("date %q: %v", s, err)
	}
	return openapi_types.Date{Time: d}
}

// dateOf builds a date from its parts.
func dateOf(y int, m time.Month, d int) openapi_types.Date {
	return openapi_types.Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
}

// dateIs reports whether d is set and prints as s (YYYY-MM-DD).
func dateIs(d *openapi_types.Date, s string) bool { return d != nil && d.String() == s }

// noBody fails when a request that declares no body carried one.
func noBody(t testing.TB, body []byte) {
	t.Helper()
	if len(body) != 0 {
		t.Errorf("request body = %q, want none", body)
	}
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
