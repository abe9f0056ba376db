package api_test

import (
	"bytes"
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
