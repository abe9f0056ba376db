package factorialtest_test

import (
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/factorialtest"
)

// TestLowercaseBearerScheme: Doorkeeper, and so Factorial, matches the
// Bearer scheme case-insensitively (RFC 7235); the server accepts a real
// token sent as "bearer", on both APIs and on /oauth/token/info.
func TestLowercaseBearerScheme(t *testing.T) {
	t.Parallel()
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	tok, err := srv.IssueToken(factorialtest.AdminUserID)
	if err != nil {
		t.Fatal(err)
	}
	for _, path := range []string{"/api/v1/me", "/api/2026-07-01/resources/teams/teams", "/oauth/token/info"} {
		for _, scheme := range []string{"bearer", "BEARER", "Bearer"} {
			req, _ := http.NewRequest(http.MethodGet, srv.URL()+path, nil)
			req.Header.Set("Authorization", scheme+" "+tok.AccessToken)
			resp, err := http.DefaultClient.Do(req)
			if err != nil {
				t.Fatal(err)
			}
			body, _ := io.ReadAll(resp.Body)
			_ = resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				t.Errorf("%s with %q: %d %s", path, scheme, resp.StatusCode, body)
			}
		}
	}
	if errs := srv.Errors(); len(errs) > 0 {
		t.Errorf("spec violations: %v", errs)
	}
}

var requestIDRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// TestEveryAnswerHasARequestID: the API, the OAuth server, an injected
// fault and a 404 all answer with X-Request-Id, a fresh UUID each, or the
// client's own when it sent a valid one.
func TestEveryAnswerHasARequestID(t *testing.T) {
	t.Parallel()
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	srv.InjectFault(factorialtest.Fault{Match: "/api/v1/core/teams", Status: http.StatusTooManyRequests})
	seen := map[string]bool{}
	for _, tc := range []struct{ method, path, body string }{
		{"GET", "/api/v1/employees", ""},
		{"GET", "/api/2026-07-01/resources/employees/employees", ""},
		{"GET", "/api/v1/core/teams", ""},
		{"GET", "/nowhere", ""},
		{"POST", "/oauth/token", url.Values{"grant_type": {"client_credentials"}}.Encode()},
		{"GET", "/oauth/authorize?client_id=nobody", ""},
	} {
		req, _ := http.NewRequest(tc.method, srv.URL()+tc.path, strings.NewReader(tc.body))
		req.Header.Set("x-api-key", factorialtest.DefaultAPIKey)
		if tc.body != "" {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		id := resp.Header.Get("X-Request-Id")
		if !requestIDRE.MatchString(id) || seen[id] || len(resp.Header.Values("X-Request-Id")) != 1 {
			t.Errorf("%s %s (%d): X-Request-Id %q", tc.method, tc.path, resp.StatusCode, resp.Header.Values("X-Request-Id"))
		}
		seen[id] = true
	}
	req, _ := http.NewRequest("GET", srv.URL()+"/api/v1/employees", nil)
	req.Header.Set("x-api-key", factorialtest.DefaultAPIKey)
	req.Header.Set("X-Request-Id", "client-trace-7")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if got := resp.Header.Get("X-Request-Id"); got != "client-trace-7" {
		t.Errorf("a client's X-Request-Id comes back as %q", got)
	}
}
