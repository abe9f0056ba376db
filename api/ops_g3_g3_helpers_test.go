package api_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"reflect"
	"testing"

	"github.com/factorial-go/factorial/internal/apitest"
)

// g3Part is one part of a multipart/form-data request body. A part with a
// Filename is a file part carrying Value as its content.
type g3Part struct {
	Name        string
	Value       string
	Filename    string
	ContentType string
}

// g3Multipart builds a multipart/form-data body with mime/multipart.Writer
// and returns its Content-Type (with the boundary) and the body.
func g3Multipart(t testing.TB, parts ...g3Part) (string, *bytes.Buffer) {
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
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%q; filename=%q`, p.Name, p.Filename))
		h.Set("Content-Type", p.ContentType)
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

// g3FormValues checks that the multipart form carries exactly want for each
// named (non-file) field, repeated parts included.
func g3FormValues(t testing.TB, f *multipart.Form, want map[string][]string) {
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

// g3FilePart checks one file part: its name, filename, Content-Type and
// content.
func g3FilePart(t testing.TB, f *multipart.Form, name, filename, contentType, content string) {
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

// g3Query checks query parameters of the request the handler received.
func g3Query(t testing.TB, r *http.Request, want map[string][]string) {
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

// g3NoQuery checks that the request carried no query string.
func g3NoQuery(t testing.TB, r *http.Request) {
	t.Helper()
	if r.URL.RawQuery != "" {
		t.Errorf("query = %q, want none", r.URL.RawQuery)
	}
}

// g3JSONSent checks that the JSON request body equals want (a JSON object
// literal), key for key: nothing missing, nothing extra.
func g3JSONSent(t testing.TB, r *http.Request, body []byte, want string) {
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
