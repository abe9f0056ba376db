package api_test

import (
	"bytes"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"reflect"
	"testing"
)

// g4FilePart is one file part of a multipart request built by g4Multipart.
type g4FilePart struct {
	Field, Filename, ContentType string
	Data                         []byte
}

// g4Multipart encodes fields (name, value pairs, in order) and files as
// multipart/form-data and returns the Content-Type and the body.
func g4Multipart(t testing.TB, fields [][2]string, files ...g4FilePart) (string, *bytes.Buffer) {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for _, f := range fields {
		if err := w.WriteField(f[0], f[1]); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range files {
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", `form-data; name="`+f.Field+`"; filename="`+f.Filename+`"`)
		h.Set("Content-Type", f.ContentType)
		p, err := w.CreatePart(h)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := p.Write(f.Data); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return w.FormDataContentType(), &buf
}

// g4ParseMultipart parses the multipart body the handler already read,
// failing the test when the request is not multipart/form-data.
func g4ParseMultipart(t testing.TB, r *http.Request, body []byte) *multipart.Form {
	t.Helper()
	r.Body = io.NopCloser(bytes.NewReader(body))
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		t.Fatalf("ParseMultipartForm: %v (Content-Type %q)", err, r.Header.Get("Content-Type"))
	}
	return r.MultipartForm
}

// g4WantQuery fails the test unless the request's raw query string is
// exactly want (what the generated client put on the wire) and every
// decoded parameter matches.
func g4WantQuery(t testing.TB, r *http.Request, wantRaw string, want map[string][]string) {
	t.Helper()
	if r.URL.RawQuery != wantRaw {
		t.Errorf("raw query = %q, want %q", r.URL.RawQuery, wantRaw)
	}
	got := r.URL.Query()
	if len(got) != len(want) {
		t.Errorf("query = %v, want %v", got, want)
	}
	for k, v := range want {
		if !reflect.DeepEqual(got[k], v) {
			t.Errorf("query %s = %q, want %q", k, got[k], v)
		}
	}
}

// g4Want fails the test when got != want, naming the field.
func g4Want[T comparable](t testing.TB, field string, got *T, want T) {
	t.Helper()
	if got == nil {
		t.Errorf("%s = nil, want %v", field, want)
		return
	}
	if *got != want {
		t.Errorf("%s = %v, want %v", field, *got, want)
	}
}

// g4Nil fails the test when a decoded optional field is not nil (a null or
// absent value on the wire).
func g4Nil[T any](t testing.TB, field string, got *T) {
	t.Helper()
	if got != nil {
		t.Errorf("%s = %v, want nil", field, *got)
	}
}
