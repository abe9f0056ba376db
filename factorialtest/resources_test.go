package factorialtest_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/factorial-go/factorial/factorialtest"
)

func TestRevoke(t *testing.T) {
	tests := []struct {
		name       string
		form       func(tok factorialtest.IssuedToken) url.Values
		wantStatus int
		revoked    bool
	}{
		{name: "access token", form: func(tok factorialtest.IssuedToken) url.Values {
			return clientForm(url.Values{"token": {tok.AccessToken}})
		}, wantStatus: 200, revoked: true},
		{name: "refresh token with hint", form: func(tok factorialtest.IssuedToken) url.Values {
			return clientForm(url.Values{"token": {tok.RefreshToken}, "token_type_hint": {"refresh_token"}})
		}, wantStatus: 200, revoked: true},
		{name: "unknown token is still 200", form: func(factorialtest.IssuedToken) url.Values {
			return clientForm(url.Values{"token": {"never-issued"}})
		}, wantStatus: 200},
		{name: "no client authentication", form: func(tok factorialtest.IssuedToken) url.Values {
			return url.Values{"token": {tok.AccessToken}}
		}, wantStatus: 403},
		{name: "another application's token", form: func(tok factorialtest.IssuedToken) url.Values {
			return url.Values{"token": {tok.AccessToken}, "client_id": {"other"}, "client_secret": {"other-secret"}}
		}, wantStatus: 403},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithApp(factorialtest.App{
				Name: "other", ClientID: "other", ClientSecret: "other-secret", RedirectURIs: []string{factorialtest.OOBRedirectURI},
			}))
			tok, _ := srv.IssueToken(factorialtest.AdminUserID)
			r := do(t, srv, "POST", "/oauth/revoke", tc.form(tok), nil)
			if r.status != tc.wantStatus {
				t.Fatalf("status %d, want %d: %s", r.status, tc.wantStatus, r.body)
			}
			if tc.wantStatus == 200 && r.body != "{}" {
				t.Errorf("body = %q, want {}", r.body)
			}
			if tc.wantStatus == 403 && r.json(t)["error"] != "unauthorized_client" {
				t.Errorf("body = %s", r.body)
			}
			if got := !srv.TokenActive(tok.AccessToken); got != tc.revoked {
				t.Errorf("revoked = %v, want %v", got, tc.revoked)
			}
			noViolations(t, srv)
		})
	}
}

func TestTokenInfoAndMe(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(time.Unix(1_700_000_000, 0)),
		factorialtest.WithAPIKey("key-bob", 2))
	tok, _ := srv.IssueToken(factorialtest.AdminUserID)
	expired, _ := srv.IssueToken(2)
	srv.ExpireToken(expired.AccessToken)
	revoked, _ := srv.IssueToken(3)
	srv.RevokeToken(revoked.RefreshToken)
	srv.Advance(100 * time.Second)

	info := do(t, srv, "GET", "/oauth/token/info", nil, http.Header{"Authorization": {"Bearer " + tok.AccessToken}})
	body := info.json(t)
	if info.status != 200 || body["resource_owner_id"] != float64(1) || body["expires_in"] != float64(7100) ||
		body["created_at"] != float64(1_700_000_000) || body["application"].(map[string]any)["uid"] != factorialtest.DefaultClientID {
		t.Fatalf("token info: %d %s", info.status, info.body)
	}
	if scopes := body["scope"].([]any); len(scopes) != 2 || scopes[0] != "read" {
		t.Errorf("scope = %v, want [read write]", body["scope"])
	}

	tests := []struct {
		name       string
		path       string
		header     http.Header
		wantStatus int
		wantEmp    float64 // employee_id for /me successes
		wantDesc   string  // error_description in the challenge
	}{
		{"me bearer", "/api/v1/me", http.Header{"Authorization": {"Bearer " + tok.AccessToken}}, 200, 1001, ""},
		{"me api key", "/api/v1/me", http.Header{"X-Api-Key": {"key-bob"}}, 200, 1002, ""},
		{"me default api key", "/api/v1/me", http.Header{"X-Api-Key": {factorialtest.DefaultAPIKey}}, 200, 1001, ""},
		{"me api key wins", "/api/v1/me", http.Header{"X-Api-Key": {"key-bob"}, "Authorization": {"Bearer " + tok.AccessToken}}, 200, 1002, ""},
		{"me bad api key", "/api/v1/me", http.Header{"X-Api-Key": {"wrong"}}, 401, 0, "The access token is invalid"},
		{"me no credentials", "/api/v1/me", nil, 401, 0, "The access token is invalid"},
		{"me basic scheme", "/api/v1/me", http.Header{"Authorization": {"Basic eDp5"}}, 401, 0, "The access token is invalid"},
		{"me expired", "/api/v1/me", http.Header{"Authorization": {"Bearer " + expired.AccessToken}}, 401, 0, "The access token expired"},
		{"me revoked", "/api/v1/me", http.Header{"Authorization": {"Bearer " + revoked.AccessToken}}, 401, 0, "The access token was revoked"},
		{"info expired", "/oauth/token/info", http.Header{"Authorization": {"Bearer " + expired.AccessToken}}, 401, 0, "The access token expired"},
		{"info missing", "/oauth/token/info", nil, 401, 0, "The access token is invalid"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := do(t, srv, "GET", tc.path, nil, tc.header)
			if r.status != tc.wantStatus {
				t.Fatalf("status %d, want %d: %s", r.status, tc.wantStatus, r.body)
			}
			if tc.wantStatus == 200 {
				if r.json(t)["employee_id"] != tc.wantEmp {
					t.Errorf("body %s, want employee %v", r.body, tc.wantEmp)
				}
				return
			}
			want := `Bearer realm="Doorkeeper", error="invalid_token", error_description="` + tc.wantDesc + `"`
			if got := r.header.Get("WWW-Authenticate"); got != want {
				t.Errorf("WWW-Authenticate = %q, want %q", got, want)
			}
			if tc.path == "/api/v1/me" && r.body != "" {
				t.Errorf("/me 401 body = %q, want empty", r.body)
			}
			if tc.path == "/oauth/token/info" && r.json(t)["error"] != "invalid_token" {
				t.Errorf("token info 401 body = %s", r.body)
			}
		})
	}
	noViolations(t, srv)
}

func TestSecretsAndLastIssued(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	tok, _ := srv.IssueToken(2)
	last, ok := srv.LastIssued()
	if !ok || last.AccessToken != tok.AccessToken || last.UserID != 2 || last.ExpiresIn != 7200*time.Second {
		t.Fatalf("LastIssued = %+v, %v", last.UserID, ok)
	}
	want := map[string]bool{tok.AccessToken: true, tok.RefreshToken: true, factorialtest.DefaultClientSecret: true, factorialtest.DefaultAPIKey: true}
	for _, s := range srv.Secrets() {
		delete(want, s)
	}
	if len(want) != 0 {
		t.Errorf("Secrets misses %d values", len(want))
	}
	if _, err := srv.IssueToken(42); err == nil {
		t.Error("IssueToken(42) accepted an unknown user")
	}
}
