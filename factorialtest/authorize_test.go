package factorialtest_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/factorialtest"
)

func TestAuthorizeErrors(t *testing.T) {
	tests := []struct {
		name       string
		edit       func(q url.Values)
		wantStatus int    // 302: redirected to the client; otherwise the error page
		wantError  string // error code in the page or the redirect
	}{
		{name: "unknown client renders", edit: func(q url.Values) { q.Set("client_id", "nobody") }, wantStatus: 401, wantError: "invalid_client"},
		{name: "missing client renders", edit: func(q url.Values) { q.Del("client_id") }, wantStatus: 400, wantError: "invalid_request"},
		{name: "unregistered redirect renders", edit: func(q url.Values) { q.Set("redirect_uri", "https://evil.example/cb") }, wantStatus: 400, wantError: "invalid_redirect_uri"},
		{name: "loopback redirect needs the option", edit: func(q url.Values) { q.Set("redirect_uri", "http://127.0.0.1:5555/cb") }, wantStatus: 400, wantError: "invalid_redirect_uri"},
		{name: "bad response_type redirects", edit: func(q url.Values) { q.Set("response_type", "token") }, wantStatus: 302, wantError: "unsupported_response_type"},
		{name: "comma scopes redirect invalid_scope", edit: func(q url.Values) { q.Set("scope", "read,write") }, wantStatus: 302, wantError: "invalid_scope"},
		{name: "bad challenge method redirects", edit: func(q url.Values) {
			q.Set("code_challenge", "abc")
			q.Set("code_challenge_method", "S512")
		}, wantStatus: 302, wantError: "invalid_request"},
		{name: "OOB errors render", edit: func(q url.Values) {
			q.Set("redirect_uri", factorialtest.OOBRedirectURI)
			q.Set("response_type", "token")
		}, wantStatus: 400, wantError: "unsupported_response_type"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := factorialtest.NewServer(factorialtest.WithTB(t))
			q := authorizeQuery(factorialtest.DefaultRedirectURI)
			tc.edit(q)
			r := do(t, srv, "GET", "/oauth/authorize?"+q.Encode(), nil, nil)
			if r.status != tc.wantStatus {
				t.Fatalf("status = %d, want %d: %s", r.status, tc.wantStatus, r.body)
			}
			if tc.wantStatus == 302 {
				loc, err := url.Parse(r.header.Get("Location"))
				if err != nil {
					t.Fatal(err)
				}
				if !strings.HasPrefix(loc.String(), factorialtest.DefaultRedirectURI+"?") {
					t.Errorf("redirected to %s", loc)
				}
				if loc.Query().Get("error") != tc.wantError || loc.Query().Get("state") != "st-123" {
					t.Errorf("redirect query = %v, want error %s and the state", loc.Query(), tc.wantError)
				}
			} else if !strings.Contains(r.body, `data-error="`+tc.wantError+`"`) {
				t.Errorf("page does not show %s: %s", tc.wantError, r.body)
			}
			noViolations(t, srv)
		})
	}
}

func TestConsentPageApproveAndDeny(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	q := authorizeQuery(factorialtest.DefaultRedirectURI)
	page := do(t, srv, "GET", "/oauth/authorize?"+q.Encode(), nil, nil)
	if page.status != 200 || !strings.Contains(page.header.Get("Content-Type"), "text/html") {
		t.Fatalf("consent page: %d %s", page.status, page.header.Get("Content-Type"))
	}
	if !strings.Contains(page.body, "admin@example.com") {
		t.Errorf("page does not name the approving user")
	}
	form, err := factorialtest.ConsentForm(page.body)
	if err != nil {
		t.Fatal(err)
	}
	if form.Get("state") != "st-123" || form.Get("scope") != "read write" {
		t.Fatalf("form fields = %v", form)
	}

	// Deny: the Rails _method=delete override.
	denied := form
	denied.Set("_method", "delete")
	r := do(t, srv, "POST", "/oauth/authorize", denied, nil)
	loc, _ := url.Parse(r.header.Get("Location"))
	if r.status != 302 || loc.Query().Get("error") != "access_denied" || loc.Query().Get("state") != "st-123" {
		t.Fatalf("deny: %d %s", r.status, loc)
	}

	form.Del("_method")
	r = do(t, srv, "POST", "/oauth/authorize", form, nil)
	loc, _ = url.Parse(r.header.Get("Location"))
	if r.status != 302 || loc.Query().Get("code") == "" || loc.Query().Get("state") != "st-123" {
		t.Fatalf("approve: %d %s", r.status, loc)
	}
	noViolations(t, srv)
}

func TestNativeCodePage(t *testing.T) {
	tests := []struct {
		name   string
		opts   []factorialtest.Option
		prefix string
	}{
		{name: "query form", prefix: "/oauth/authorize/native?code="},
		{name: "path form", opts: []factorialtest.Option{factorialtest.WithNativeCodeInPath()}, prefix: "/oauth/authorize/"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := factorialtest.NewServer(append(tc.opts, factorialtest.WithTB(t))...)
			loc := approve(t, srv, authorizeQuery(factorialtest.OOBRedirectURI))
			if !strings.HasPrefix(loc.RequestURI(), tc.prefix) {
				t.Fatalf("redirected to %s, want prefix %s", loc.RequestURI(), tc.prefix)
			}
			page := do(t, srv, "GET", loc.RequestURI(), nil, nil)
			code, err := factorialtest.NativeCode(page.body)
			if err != nil {
				t.Fatal(err)
			}
			r := do(t, srv, "POST", "/oauth/token", clientForm(url.Values{
				"grant_type":   {"authorization_code"},
				"code":         {code},
				"redirect_uri": {factorialtest.OOBRedirectURI},
			}), nil)
			if r.status != 200 {
				t.Fatalf("exchange: %d %s", r.status, r.body)
			}
			noViolations(t, srv)
		})
	}
}

func TestLoopbackRedirectsAndApprover(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithLoopbackRedirects(),
		factorialtest.WithAutoApprove(), factorialtest.WithApprover(3))
	for _, redirect := range []string{"http://127.0.0.1:49152/callback", "http://localhost:8080/cb", "http://[::1]:9/x"} {
		loc := approve(t, srv, authorizeQuery(redirect))
		if !strings.HasPrefix(loc.String(), redirect+"?") {
			t.Errorf("redirect %s: got %s", redirect, loc)
		}
	}
	if r := do(t, srv, "GET", "/oauth/authorize?"+authorizeQuery("http://example.com:80/cb").Encode(), nil, nil); r.status != 400 {
		t.Errorf("non-loopback http redirect: status %d", r.status)
	}
	loc := approve(t, srv, authorizeQuery("http://127.0.0.1:1/cb"))
	r := do(t, srv, "POST", "/oauth/token", clientForm(url.Values{
		"grant_type": {"authorization_code"}, "code": {loc.Query().Get("code")}, "redirect_uri": {"http://127.0.0.1:1/cb"},
	}), nil)
	info := do(t, srv, "GET", "/oauth/token/info", nil, http.Header{"Authorization": {"Bearer " + r.json(t)["access_token"].(string)}})
	if info.json(t)["resource_owner_id"] != float64(3) {
		t.Errorf("token info = %s, want resource owner 3", info.body)
	}
	if err := srv.SetApprover(99); err == nil {
		t.Error("SetApprover(99) accepted an unknown user")
	}
	noViolations(t, srv)
}

func TestApproveReportsErrorPage(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	q := authorizeQuery("https://evil.example/cb")
	_, err := srv.Approve(context.Background(), srv.URL()+"/oauth/authorize?"+q.Encode())
	if err == nil || !strings.Contains(err.Error(), "invalid_redirect_uri") {
		t.Fatalf("Approve error = %v, want invalid_redirect_uri", err)
	}
}
