package factorialtest_test

import (
	"crypto/sha256"
	"encoding/base64"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial/factorialtest"
)

func TestTokenResponseShape(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(time.Unix(1_700_000_000, 0)))
	loc := approve(t, srv, authorizeQuery(factorialtest.DefaultRedirectURI))
	if got := loc.Query().Get("state"); got != "st-123" {
		t.Fatalf("state = %q, want st-123", got)
	}
	r := do(t, srv, "POST", "/oauth/token", clientForm(url.Values{
		"grant_type":   {"authorization_code"},
		"code":         {loc.Query().Get("code")},
		"redirect_uri": {factorialtest.DefaultRedirectURI},
	}), nil)
	if r.status != http.StatusOK {
		t.Fatalf("status %d: %s", r.status, r.body)
	}
	// Doorkeeper's key order is part of what identifies it; keep it.
	keys := []string{`"access_token"`, `"token_type":"Bearer"`, `"expires_in":7200`, `"refresh_token"`, `"scope":"read write"`, `"created_at":1700000000`}
	last := -1
	for _, k := range keys {
		i := strings.Index(r.body, k)
		if i <= last {
			t.Fatalf("body %s: %s missing or out of order", r.body, k)
		}
		last = i
	}
	if cc := r.header.Get("Cache-Control"); !strings.Contains(cc, "no-store") {
		t.Errorf("Cache-Control = %q", cc)
	}
	if p := r.header.Get("Pragma"); p != "no-cache" {
		t.Errorf("Pragma = %q", p)
	}
	if d := r.header.Get("Date"); d != "Tue, 14 Nov 2023 22:13:20 GMT" {
		t.Errorf("Date = %q, want the server clock", d)
	}
	if n := srv.TokenRequests("authorization_code"); n != 1 {
		t.Errorf("authorization_code requests = %d", n)
	}
	noViolations(t, srv)
}

func s256(v string) string {
	sum := sha256.Sum256([]byte(v))
	return base64.RawURLEncoding.EncodeToString(sum[:])
}

func TestTokenEndpointErrors(t *testing.T) {
	const verifier = "verifier-0123456789-0123456789-0123456789-abc"
	type setup struct {
		srv  *factorialtest.Server
		code string // a fresh code for DefaultRedirectURI
		tok  factorialtest.IssuedToken
	}
	tests := []struct {
		name       string
		pkce       string // "", "S256" or "plain" for the code
		form       func(s setup) url.Values
		header     http.Header
		before     func(t *testing.T, s setup)
		wantCode   string // "" means success
		wantModern int
	}{
		{name: "missing grant_type", form: func(s setup) url.Values { return clientForm(nil) },
			wantCode: "invalid_request", wantModern: 400},
		{name: "unsupported grant", form: func(s setup) url.Values {
			return clientForm(url.Values{"grant_type": {"password"}})
		}, wantCode: "unsupported_grant_type", wantModern: 400},
		{name: "wrong secret", form: func(s setup) url.Values {
			f := codeForm(s.code)
			f.Set("client_secret", "nope")
			return f
		}, wantCode: "invalid_client", wantModern: 401},
		{name: "no client", form: func(s setup) url.Values {
			f := codeForm(s.code)
			f.Del("client_id")
			f.Del("client_secret")
			return f
		}, wantCode: "invalid_client", wantModern: 401},
		{name: "basic auth", form: func(s setup) url.Values {
			f := codeForm(s.code)
			f.Del("client_id")
			f.Del("client_secret")
			return f
		}, header: basic(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret)},
		{name: "secret in basic and form", form: func(s setup) url.Values { return codeForm(s.code) },
			header: basic(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret), wantCode: "invalid_request", wantModern: 400},
		{name: "unknown code", form: func(s setup) url.Values { return codeForm("not-a-code") },
			wantCode: "invalid_grant", wantModern: 400},
		{name: "code reused", form: func(s setup) url.Values { return codeForm(s.code) },
			before: func(t *testing.T, s setup) {
				if r := do(t, s.srv, "POST", "/oauth/token", codeForm(s.code), nil); r.status != 200 {
					t.Fatalf("first exchange: %d %s", r.status, r.body)
				}
			}, wantCode: "invalid_grant", wantModern: 400},
		{name: "code expired after 600s", form: func(s setup) url.Values { return codeForm(s.code) },
			before: func(t *testing.T, s setup) { s.srv.Advance(600 * time.Second) }, wantCode: "invalid_grant", wantModern: 400},
		{name: "code valid just before 600s", form: func(s setup) url.Values { return codeForm(s.code) },
			before: func(t *testing.T, s setup) { s.srv.Advance(599 * time.Second) }},
		{name: "redirect_uri mismatch", form: func(s setup) url.Values {
			f := codeForm(s.code)
			f.Set("redirect_uri", factorialtest.OOBRedirectURI)
			return f
		}, wantCode: "invalid_grant", wantModern: 400},
		{name: "redirect_uri missing", form: func(s setup) url.Values {
			f := codeForm(s.code)
			f.Del("redirect_uri")
			return f
		}, wantCode: "invalid_request", wantModern: 400},
		{name: "pkce S256 ok", pkce: "S256", form: func(s setup) url.Values {
			f := codeForm(s.code)
			f.Set("code_verifier", verifier)
			return f
		}},
		{name: "pkce plain ok", pkce: "plain", form: func(s setup) url.Values {
			f := codeForm(s.code)
			f.Set("code_verifier", verifier)
			return f
		}},
		{name: "pkce wrong verifier", pkce: "S256", form: func(s setup) url.Values {
			f := codeForm(s.code)
			f.Set("code_verifier", verifier+"x")
			return f
		}, wantCode: "invalid_grant", wantModern: 400},
		{name: "pkce missing verifier", pkce: "S256", form: func(s setup) url.Values { return codeForm(s.code) },
			wantCode: "invalid_request", wantModern: 400},
		{name: "verifier without challenge", form: func(s setup) url.Values {
			f := codeForm(s.code)
			f.Set("code_verifier", verifier)
			return f
		}, wantCode: "invalid_grant", wantModern: 400},
		{name: "refresh ok", form: func(s setup) url.Values { return refreshForm(s.tok.RefreshToken) }},
		{name: "refresh missing token", form: func(s setup) url.Values { return refreshForm("") },
			wantCode: "invalid_request", wantModern: 400},
		{name: "refresh token reused after rotation", form: func(s setup) url.Values { return refreshForm(s.tok.RefreshToken) },
			before: func(t *testing.T, s setup) {
				if r := do(t, s.srv, "POST", "/oauth/token", refreshForm(s.tok.RefreshToken), nil); r.status != 200 {
					t.Fatalf("first refresh: %d %s", r.status, r.body)
				}
			}, wantCode: "invalid_grant", wantModern: 400},
		{name: "refresh token revoked", form: func(s setup) url.Values { return refreshForm(s.tok.RefreshToken) },
			before: func(t *testing.T, s setup) { s.srv.RevokeToken(s.tok.AccessToken) }, wantCode: "invalid_grant", wantModern: 400},
		{name: "refresh scope widened", form: func(s setup) url.Values {
			f := refreshForm(s.tok.RefreshToken)
			f.Set("scope", "read admin")
			return f
		}, wantCode: "invalid_scope", wantModern: 400},
	}
	for _, legacy := range []bool{false, true} {
		for _, tc := range tests {
			name := tc.name
			if legacy {
				name = "legacy/" + name
			}
			t.Run(name, func(t *testing.T) {
				opts := []factorialtest.Option{factorialtest.WithTB(t), factorialtest.WithAutoApprove()}
				if legacy {
					opts = append(opts, factorialtest.WithLegacyErrorStatuses())
				}
				srv := factorialtest.NewServer(opts...)
				q := authorizeQuery(factorialtest.DefaultRedirectURI)
				switch tc.pkce {
				case "S256":
					q.Set("code_challenge", s256(verifier))
					q.Set("code_challenge_method", "S256")
				case "plain":
					q.Set("code_challenge", verifier)
					q.Set("code_challenge_method", "plain")
				}
				loc := approve(t, srv, q)
				tok, err := srv.IssueToken(factorialtest.AdminUserID)
				if err != nil {
					t.Fatal(err)
				}
				s := setup{srv: srv, code: loc.Query().Get("code"), tok: tok}
				if tc.before != nil {
					tc.before(t, s)
				}
				r := do(t, srv, "POST", "/oauth/token", tc.form(s), tc.header)
				if tc.wantCode == "" {
					if r.status != 200 {
						t.Fatalf("status %d, body %s", r.status, r.body)
					}
					if r.json(t)["access_token"] == "" {
						t.Fatalf("no access token in %s", r.body)
					}
					noViolations(t, srv)
					return
				}
				want := tc.wantModern
				if legacy {
					want = 401
				}
				if r.status != want {
					t.Errorf("status = %d, want %d (%s)", r.status, want, r.body)
				}
				body := r.json(t)
				if body["error"] != tc.wantCode || body["error_description"] == "" {
					t.Errorf("body = %s, want error %s with a description", r.body, tc.wantCode)
				}
				if !strings.Contains(r.header.Get("WWW-Authenticate"), `error="`+tc.wantCode+`"`) {
					t.Errorf("WWW-Authenticate = %q", r.header.Get("WWW-Authenticate"))
				}
				if srv.TokenErrors(tc.wantCode) == 0 {
					t.Errorf("TokenErrors(%s) = 0", tc.wantCode)
				}
				noViolations(t, srv)
			})
		}
	}
}

func codeForm(code string) url.Values {
	return clientForm(url.Values{
		"grant_type":   {"authorization_code"},
		"code":         {code},
		"redirect_uri": {factorialtest.DefaultRedirectURI},
	})
}

func refreshForm(rt string) url.Values {
	f := clientForm(url.Values{"grant_type": {"refresh_token"}})
	if rt != "" {
		f.Set("refresh_token", rt)
	}
	return f
}

func basic(id, secret string) http.Header {
	r, _ := http.NewRequest("GET", "/", nil)
	r.SetBasicAuth(id, secret)
	return http.Header{"Authorization": r.Header["Authorization"]}
}

func TestRefreshRotationAndGrace(t *testing.T) {
	tests := []struct {
		name           string
		grace          bool
		useNewToken    bool
		wantOldRefresh int // status of refreshing with the old token again
	}{
		{name: "no grace: old token revoked at once", wantOldRefresh: 400},
		{name: "grace: old token valid until new one is used", grace: true, wantOldRefresh: 200},
		{name: "grace: old token revoked once new one is used", grace: true, useNewToken: true, wantOldRefresh: 400},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := []factorialtest.Option{factorialtest.WithTB(t)}
			if tc.grace {
				opts = append(opts, factorialtest.WithRefreshGrace())
			}
			srv := factorialtest.NewServer(opts...)
			tok, _ := srv.IssueToken(2)
			r := do(t, srv, "POST", "/oauth/token", refreshForm(tok.RefreshToken), nil)
			if r.status != 200 {
				t.Fatalf("refresh: %d %s", r.status, r.body)
			}
			next := r.json(t)
			if next["refresh_token"] == tok.RefreshToken || next["access_token"] == tok.AccessToken {
				t.Fatal("refresh did not rotate both tokens")
			}
			if tc.useNewToken {
				me := do(t, srv, "GET", "/api/v1/me", nil, http.Header{"Authorization": {"Bearer " + next["access_token"].(string)}})
				if me.status != 200 || me.json(t)["employee_id"] != float64(1002) {
					t.Fatalf("me: %d %s", me.status, me.body)
				}
			}
			again := do(t, srv, "POST", "/oauth/token", refreshForm(tok.RefreshToken), nil)
			if again.status != tc.wantOldRefresh {
				t.Fatalf("old refresh token: status %d, want %d (%s)", again.status, tc.wantOldRefresh, again.body)
			}
			noViolations(t, srv)
		})
	}
}
