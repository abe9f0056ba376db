package oauth_test

import (
	"bytes"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial/oauth"
)

func TestBaseURL(t *testing.T) {
	tests := []struct {
		base      string
		wantToken string // "" when New must fail
		insecure  bool   // the failure is *InsecureURLError
	}{
		{base: "", wantToken: "https://api.factorialhr.com/oauth/token"},
		{base: oauth.DemoURL, wantToken: "https://api.eu2.demo.factorial.dev/oauth/token"},
		{base: oauth.V1DemoURL, wantToken: "https://api.demo.factorialhr.com/oauth/token"},
		{base: "https://proxy.example/factorial/", wantToken: "https://proxy.example/factorial/oauth/token"},
		{base: "http://127.0.0.1:8080", wantToken: "http://127.0.0.1:8080/oauth/token"},
		{base: "http://[::1]:9", wantToken: "http://[::1]:9/oauth/token"},
		{base: "http://localhost", wantToken: "http://localhost/oauth/token"},
		{base: "http://api.factorialhr.com", insecure: true},
		{base: "http://127.0.0.1.evil.example", insecure: true},
		{base: "http://localhost.evil.example", insecure: true},
		{base: "http://10.0.0.1", insecure: true},
		{base: "ftp://api.factorialhr.com"},
		{base: "https://user:pass@api.factorialhr.com"},
		{base: "https://api.factorialhr.com?x=1"},
		{base: "api.factorialhr.com"},
	}
	for _, tc := range tests {
		t.Run(tc.base, func(t *testing.T) {
			var opts []oauth.Option
			if tc.base != "" {
				opts = append(opts, oauth.WithBaseURL(tc.base))
			}
			cfg, err := oauth.New("id", "secret-value", oauth.OOBRedirectURI, opts...)
			if tc.wantToken == "" {
				if err == nil {
					t.Fatalf("New accepted %q", tc.base)
				}
				var ie *oauth.InsecureURLError
				if got := errors.As(err, &ie); got != tc.insecure {
					t.Fatalf("error %v: InsecureURLError = %v, want %v", err, got, tc.insecure)
				}
				if strings.Contains(err.Error(), "secret-value") || strings.Contains(err.Error(), "pass@") {
					t.Errorf("error leaks credentials: %v", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			ep := cfg.Endpoint()
			if ep.TokenURL != tc.wantToken {
				t.Errorf("TokenURL = %s, want %s", ep.TokenURL, tc.wantToken)
			}
			prefix := strings.TrimSuffix(tc.wantToken, "/oauth/token")
			if ep.AuthURL != prefix+"/oauth/authorize" || ep.RevokeURL != prefix+"/oauth/revoke" || ep.InfoURL != prefix+"/oauth/token/info" {
				t.Errorf("endpoints = %+v", ep)
			}
		})
	}
}

func TestNewRejects(t *testing.T) {
	tests := []struct {
		name                 string
		id, secret, redirect string
		opts                 []oauth.Option
	}{
		{name: "empty client id", secret: "s", redirect: oauth.OOBRedirectURI},
		{name: "empty redirect", id: "id", secret: "s"},
		{name: "basic auth with a secret x/oauth2 would escape", id: "id", secret: "a+b/c=", redirect: oauth.OOBRedirectURI,
			opts: []oauth.Option{oauth.WithBasicAuth()}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := oauth.New(tc.id, tc.secret, tc.redirect, tc.opts...)
			if err == nil {
				t.Fatal("New succeeded")
			}
			if tc.secret != "" && len(tc.secret) > 2 && strings.Contains(err.Error(), tc.secret) {
				t.Errorf("error leaks the secret: %v", err)
			}
		})
	}
}

func TestAuthorizeURL(t *testing.T) {
	tests := []struct {
		name     string
		opts     []oauth.Option
		authOpts []oauth.AuthOption
		wantPKCE bool
		redirect string
	}{
		{name: "defaults", wantPKCE: true, redirect: oauth.OOBRedirectURI},
		{name: "without PKCE", opts: []oauth.Option{oauth.WithoutPKCE()}, redirect: oauth.OOBRedirectURI},
		{name: "loopback redirect and company token", wantPKCE: true, redirect: "http://127.0.0.1:4321/cb",
			authOpts: []oauth.AuthOption{oauth.AuthRedirectURI("http://127.0.0.1:4321/cb"), oauth.AuthParam("resource_owner_type", "company")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			cfg, err := oauth.New("my-client", "s", oauth.OOBRedirectURI, tc.opts...)
			if err != nil {
				t.Fatal(err)
			}
			a, err := cfg.Authorize(tc.authOpts...)
			if err != nil {
				t.Fatal(err)
			}
			u, err := url.Parse(a.URL)
			if err != nil {
				t.Fatal(err)
			}
			q := u.Query()
			if u.Scheme+"://"+u.Host+u.Path != "https://api.factorialhr.com/oauth/authorize" {
				t.Errorf("URL = %s", a.URL)
			}
			if q.Get("response_type") != "code" || q.Get("client_id") != "my-client" || q.Get("redirect_uri") != tc.redirect {
				t.Errorf("query = %v", q)
			}
			// Doorkeeper splits scopes on whitespace.
			if q.Get("scope") != "read write" || !strings.Contains(u.RawQuery, "scope=read+write") {
				t.Errorf("scope = %q (raw %s)", q.Get("scope"), u.RawQuery)
			}
			if q.Get("state") == "" || q.Get("state") != a.State() {
				t.Errorf("state %q, Authorization.State %q", q.Get("state"), a.State())
			}
			if a.RedirectURI() != tc.redirect {
				t.Errorf("RedirectURI = %s", a.RedirectURI())
			}
			hasPKCE := q.Get("code_challenge") != ""
			if hasPKCE != tc.wantPKCE || (tc.wantPKCE && (q.Get("code_challenge_method") != "S256" || a.Verifier() == "")) {
				t.Errorf("PKCE params %v, verifier set %v, want PKCE %v", q, a.Verifier() != "", tc.wantPKCE)
			}
			if tc.authOpts != nil && q.Get("resource_owner_type") != "company" {
				t.Errorf("extra param missing: %v", q)
			}
			b, _ := cfg.Authorize(tc.authOpts...)
			if b.State() == a.State() || (tc.wantPKCE && b.Verifier() == a.Verifier()) {
				t.Error("two authorizations share a state or verifier")
			}
		})
	}
}

// TestRedaction prints an Authorization and a Token every way a program
// might and checks that no secret appears.
func TestRedaction(t *testing.T) {
	cfg, _ := oauth.New("id", "s", oauth.OOBRedirectURI)
	a, _ := cfg.Authorize()
	tok := &oauth.Token{AccessToken: "access-SECRET-1234", RefreshToken: "refresh-SECRET-5678", TokenType: "Bearer",
		Scopes: []string{"read"}, Expiry: time.Unix(1_800_000_000, 0)}
	secrets := []string{a.State(), a.Verifier(), tok.AccessToken, tok.RefreshToken}

	var buf bytes.Buffer
	log := slog.New(slog.NewJSONHandler(&buf, nil))
	log.Info("x", "auth", a, "auth_value", *a, "tok", tok, "tok_value", *tok)
	slog.New(slog.NewTextHandler(&buf, nil)).Info("y", "auth", a, "tok", tok)
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q"} {
		fmt.Fprintf(&buf, verb+"\n", a)
		fmt.Fprintf(&buf, verb+"\n", *a)
		fmt.Fprintf(&buf, verb+"\n", tok)
		fmt.Fprintf(&buf, verb+"\n", *tok)
		fmt.Fprintf(&buf, verb+"\n", []any{a, tok})
		fmt.Fprintf(&buf, verb+"\n", struct{ T *oauth.Token }{tok})
	}
	out := buf.String()
	for _, s := range secrets {
		if strings.Contains(out, s) {
			t.Fatalf("secret %q printed in:\n%s", s, out)
		}
	}
	if !strings.Contains(out, "[REDACTED]") || !strings.Contains(out, "2027-01-15T08:00:00Z") {
		t.Errorf("redacted output lost its useful parts:\n%s", out)
	}
}
