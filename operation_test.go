package factorial

import (
	"net/http"
	"strings"
	"testing"
)

// Every descriptor is found again from a concrete path of its template,
// so Raw and Do calls are checked against the same declarations as the
// services' calls.
func TestOperationIndexFindsEveryOperation(t *testing.T) {
	t.Parallel()
	v1, dated := operations()
	for _, tc := range []struct {
		ix  *operationIndex
		ops []*operation
	}{{v1, v1Operations}, {dated, datedOperations}} {
		if len(tc.ops) < 90 {
			t.Fatalf("only %d descriptors", len(tc.ops))
		}
		for _, op := range tc.ops {
			var segs []string
			for _, s := range strings.Split(op.path, "/") {
				if strings.HasPrefix(s, "{") {
					s = "42"
				}
				segs = append(segs, s)
			}
			if got := tc.ix.find(op.method, strings.Join(segs, "/")); got != op {
				t.Errorf("%s %s: found %v", op.method, op.path, got)
			}
		}
	}
}

func TestFindOperation(t *testing.T) {
	t.Parallel()
	c, err := NewClient(WithBaseURL("http://127.0.0.1:8080/proxy"))
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
		got := ""
		if op := c.doer.findOperation(req); op != nil {
			got = op.id
		}
		if got != tc.want {
			t.Errorf("%s %s: got %q, want %q", tc.method, tc.url, got, tc.want)
		}
	}
}
