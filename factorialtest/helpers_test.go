package factorialtest_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/factorialtest"
)

// response is what a test needs from one exchange.
type response struct {
	status int
	header http.Header
	body   string
}

func (r response) json(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal([]byte(r.body), &m); err != nil {
		t.Fatalf("body %q is not JSON: %v", r.body, err)
	}
	return m
}

// do sends a request to the server without following redirects.
func do(t *testing.T, srv *factorialtest.Server, method, path string, form url.Values, header http.Header) response {
	t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	req, err := http.NewRequestWithContext(context.Background(), method, srv.URL()+path, body)
	if err != nil {
		t.Fatal(err)
	}
	if form != nil {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	for k, vs := range header {
		req.Header[k] = vs
	}
	hc := srv.Client()
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	resp, err := hc.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(b)}
}

func clientForm(extra url.Values) url.Values {
	f := url.Values{
		"client_id":     {factorialtest.DefaultClientID},
		"client_secret": {factorialtest.DefaultClientSecret},
	}
	for k, v := range extra {
		f[k] = v
	}
	return f
}

// approve runs the consent step for an authorize query and returns the
// redirect target.
func approve(t *testing.T, srv *factorialtest.Server, q url.Values) *url.URL {
	t.Helper()
	u, err := srv.Approve(context.Background(), srv.URL()+"/oauth/authorize?"+q.Encode())
	if err != nil {
		t.Fatalf("Approve: %v", err)
	}
	return u
}

func authorizeQuery(redirect string) url.Values {
	return url.Values{
		"client_id":     {factorialtest.DefaultClientID},
		"redirect_uri":  {redirect},
		"response_type": {"code"},
		"scope":         {"read write"},
		"state":         {"st-123"},
	}
}

func noViolations(t *testing.T, srv *factorialtest.Server) {
	t.Helper()
	if errs := srv.Errors(); len(errs) != 0 {
		t.Errorf("spec violations: %v", errs)
	}
}
