package factorial

import (
	"errors"
	"net/http"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/internal/engine"
)

// Every descriptor is found again from a concrete path of its template,
// so Raw and Do calls are checked against the same declarations as the
// services' calls.
func TestOperationIndexFindsEveryOperation(t *testing.T) {
	t.Parallel()
	v1, dated := operations()
	for _, tc := range []struct {
		ix  *engine.Index
		ops []*engine.Operation
	}{{v1, v1Operations}, {dated, datedOperations}} {
		if len(tc.ops) < 90 {
			t.Fatalf("only %d descriptors", len(tc.ops))
		}
		for _, op := range tc.ops {
			var segs []string
			for _, s := range strings.Split(op.Path, "/") {
				if strings.HasPrefix(s, "{") {
					s = "42"
				}
				segs = append(segs, s)
			}
			if got := tc.ix.Find(op.Method, strings.Join(segs, "/")); got != op {
				t.Errorf("%s %s: found %v", op.Method, op.Path, got)
			}
		}
	}
}

func TestFindOperation(t *testing.T) {
	t.Parallel()
	// Every request answers 404: the *Error names the operation the
	// request was checked against, "" for none.
	notFound := roundTripFunc(func(r *http.Request) (*http.Response, error) {
		return &http.Response{StatusCode: 404, Header: http.Header{}, Body: http.NoBody, Request: r}, nil
	})
	c, err := NewClient(WithBaseURL("http://127.0.0.1:8080/proxy"), WithTransport(notFound))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ method, url, want string }{
		{"GET", "http://127.0.0.1:8080/proxy/api/v1/me", "GetMe"},
		{"GET", "http://127.0.0.1:8080/proxy/api/2026-07-01/resources/employees/employees/7", "GetEmployee"},
		{"GET", "http://127.0.0.1:8080/proxy/api/2025-01-01/resources/employees/employees", "ListEmployees"},
		// A literal segment beats a parameter.
		{"POST", "http://127.0.0.1:8080/proxy/api/2026-07-01/resources/timeoff/leaves/approve", "ApproveLeave"},
		{"POST", "http://127.0.0.1:8080/proxy/oauth/token", "CreateToken"},
		// Not ours: another origin, outside the base path, an unknown
		// path.
		{"GET", "http://127.0.0.1:9999/proxy/api/v1/me", ""},
		{"GET", "http://127.0.0.1:8080/api/v1/me", ""},
		{"GET", "http://127.0.0.1:8080/proxy/api/v1/nothing/here", ""},
	} {
		req, err := http.NewRequest(tc.method, tc.url, nil)
		if err != nil {
			t.Fatal(err)
		}
		_, err = c.Do(req)
		var e *Error
		if !errors.As(err, &e) {
			t.Fatalf("%s %s: %v", tc.method, tc.url, err)
		}
		got := e.Operation
		if got != tc.want {
			t.Errorf("%s %s: got %q, want %q", tc.method, tc.url, got, tc.want)
		}
	}
}
