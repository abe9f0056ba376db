package factorialtest_test

import (
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial/factorialtest"
)

// TestAuthorizeScopesAndCompanyTokens drives the consent page with every
// kind of scope and resource_owner_type parameter and checks what the code
// exchange then answers.
func TestAuthorizeScopesAndCompanyTokens(t *testing.T) {
	tests := []struct {
		name      string
		opts      []factorialtest.Option
		edit      func(q url.Values)
		wantError string // the error redirected to the callback
		wantScope string // the token response's scope
		company   bool
	}{
		{name: "no scope: the application's defaults", edit: func(q url.Values) { q.Del("scope") }, wantScope: "read write"},
		{name: "v1 scopes", wantScope: "read write"},
		{name: "granular scopes", edit: func(q url.Values) { q.Set("scope", "employees time_off") }, wantScope: "employees time_off"},
		{name: "v1 and granular", edit: func(q url.Values) { q.Set("scope", "read  tasks\tposts") }, wantScope: "read tasks posts"},
		{name: "duplicates collapse", edit: func(q url.Values) { q.Set("scope", "employees employees") }, wantScope: "employees"},
		{name: "every scope", edit: func(q url.Values) {
			q.Set("scope", "read write "+strings.Join(factorialtest.GranularScopes(), " "))
		}, wantScope: "read write " + strings.Join(factorialtest.GranularScopes(), " ")},
		{name: "unknown scope", edit: func(q url.Values) { q.Set("scope", "employees admin") }, wantError: "invalid_scope"},
		{name: "comma-separated", edit: func(q url.Values) { q.Set("scope", "employees,time_off") }, wantError: "invalid_scope"},
		{name: "app scopes: defaults", opts: []factorialtest.Option{factorialtest.WithAppScopes("employees time_off", "employees")},
			edit: func(q url.Values) { q.Del("scope") }, wantScope: "employees time_off"},
		{name: "app scopes: subset", opts: []factorialtest.Option{factorialtest.WithAppScopes("employees", "time_off")},
			edit: func(q url.Values) { q.Set("scope", "time_off") }, wantScope: "time_off"},
		{name: "app scopes: v1 scope not registered", opts: []factorialtest.Option{factorialtest.WithAppScopes("employees")},
			wantError: "invalid_scope"},
		{name: "app scopes: granular scope not registered", opts: []factorialtest.Option{factorialtest.WithAppScopes("employees")},
			edit: func(q url.Values) { q.Set("scope", "payroll") }, wantError: "invalid_scope"},
		{name: "company token", edit: func(q url.Values) {
			q.Set("scope", "employees time_off")
			q.Set("resource_owner_type", "company")
		}, wantScope: "employees time_off", company: true},
		{name: "company token with the default scopes", edit: func(q url.Values) {
			q.Del("scope")
			q.Set("resource_owner_type", "company")
		}, wantScope: "read write", company: true},
		{name: "explicit user token", edit: func(q url.Values) { q.Set("resource_owner_type", "user") }, wantScope: "read write"},
		{name: "misspelt owner type", edit: func(q url.Values) { q.Set("resource_owner_type", "Company") }, wantError: "invalid_request"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := append([]factorialtest.Option{factorialtest.WithTB(t), factorialtest.WithFrozenClock(time.Unix(1_700_000_000, 0))}, tc.opts...)
			srv := factorialtest.NewServer(opts...)
			q := authorizeQuery(factorialtest.DefaultRedirectURI)
			if tc.edit != nil {
				tc.edit(q)
			}
			// Approve goes through the consent page, so this also checks
			// that its form carries every parameter back.
			loc := approve(t, srv, q)
			if got := loc.Query().Get("error"); got != tc.wantError {
				t.Fatalf("callback %s: error %q, want %q", loc, got, tc.wantError)
			}
			if tc.wantError != "" {
				if loc.Query().Get("state") != "st-123" || loc.Query().Get("code") != "" {
					t.Errorf("error redirect %s", loc)
				}
				return
			}
			r := do(t, srv, "POST", "/oauth/token", clientForm(url.Values{
				"grant_type":   {"authorization_code"},
				"code":         {loc.Query().Get("code")},
				"redirect_uri": {factorialtest.DefaultRedirectURI},
			}), nil)
			if r.status != http.StatusOK {
				t.Fatalf("token: %d %s", r.status, r.body)
			}
			body := r.json(t)
			if body["scope"] != tc.wantScope {
				t.Errorf("scope = %v, want %q", body["scope"], tc.wantScope)
			}
			_, hasExpiry := body["expires_in"]
			_, hasRefresh := body["refresh_token"]
			if hasExpiry == tc.company || hasRefresh == tc.company {
				t.Errorf("company %v: expires_in present %v, refresh_token present %v", tc.company, hasExpiry, hasRefresh)
			}
			issued, _ := srv.LastIssued()
			if issued.Company() != tc.company || strings.Join(issued.Scopes, " ") != tc.wantScope {
				t.Errorf("issued: company %v, scopes %v", issued.Company(), issued.Scopes)
			}
			noViolations(t, srv)
		})
	}
}

// TestCompanyTokenLifetime: a company token never expires on the fake
// clock, token info says so, it cannot be refreshed, and revoking it ends
// it.
func TestCompanyTokenLifetime(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(time.Unix(1_700_000_000, 0)))
	tok, err := srv.IssueCompanyToken("employees", "time_off")
	if err != nil {
		t.Fatal(err)
	}
	if !tok.Company() || tok.RefreshToken != "" || tok.ExpiresIn != 0 || tok.UserID != 0 ||
		!slices.Equal(tok.Scopes, []string{"employees", "time_off"}) || tok.ClientID != factorialtest.DefaultClientID {
		t.Fatalf("issued %+v", tok)
	}
	srv.Advance(10 * 365 * 24 * time.Hour)
	if !srv.TokenActive(tok.AccessToken) {
		t.Fatal("a company token expired")
	}
	bearer := http.Header{"Authorization": {"Bearer " + tok.AccessToken}}

	info := do(t, srv, "GET", "/oauth/token/info", nil, bearer)
	body := info.json(t)
	if info.status != 200 || body["expires_in"] != nil || body["resource_owner_id"] != float64(1) ||
		body["created_at"] != float64(1_700_000_000) {
		t.Fatalf("token info: %d %s", info.status, info.body)
	}
	if _, ok := body["expires_in"]; !ok {
		t.Error("token info leaves expires_in out instead of null")
	}
	if s, _ := body["scope"].([]any); len(s) != 2 || s[0] != "employees" || s[1] != "time_off" {
		t.Errorf("token info scope = %v", body["scope"])
	}

	me := do(t, srv, "GET", "/api/v1/me", nil, bearer)
	if me.status != 200 || me.json(t)["employee_id"] != float64(factorialtest.AdminEmployeeID) {
		t.Fatalf("/me with a company token: %d %s", me.status, me.body)
	}

	// Nothing to refresh: the grant without a refresh token is malformed.
	r := do(t, srv, "POST", "/oauth/token", clientForm(url.Values{"grant_type": {"refresh_token"}, "refresh_token": {""}}), nil)
	if r.status != 400 || r.json(t)["error"] != "invalid_request" {
		t.Errorf("refresh without refresh token: %d %s", r.status, r.body)
	}

	rv := do(t, srv, "POST", "/oauth/revoke", clientForm(url.Values{"token": {tok.AccessToken}}), nil)
	if rv.status != 200 || srv.TokenActive(tok.AccessToken) {
		t.Fatalf("revoke: %d %s, active %v", rv.status, rv.body, srv.TokenActive(tok.AccessToken))
	}
	if me := do(t, srv, "GET", "/api/v1/me", nil, bearer); me.status != 401 ||
		!strings.Contains(me.header.Get("WWW-Authenticate"), "The access token was revoked") {
		t.Errorf("/me after revoke: %d %v", me.status, me.header)
	}
	noViolations(t, srv)
}

func TestIssueScopedAndCompanyTokens(t *testing.T) {
	tests := []struct {
		name       string
		opts       []factorialtest.Option
		issue      func(srv *factorialtest.Server) (factorialtest.IssuedToken, error)
		wantErr    string
		wantScopes []string
		company    bool
	}{
		{name: "scoped: granular", issue: func(srv *factorialtest.Server) (factorialtest.IssuedToken, error) {
			return srv.IssueScopedToken(factorialtest.BasicUserID, "employees", "time_off")
		}, wantScopes: []string{"employees", "time_off"}},
		{name: "scoped: space-separated and repeated", issue: func(srv *factorialtest.Server) (factorialtest.IssuedToken, error) {
			return srv.IssueScopedToken(factorialtest.BasicUserID, "employees time_off", "employees")
		}, wantScopes: []string{"employees", "time_off"}},
		{name: "scoped: none is the defaults", issue: func(srv *factorialtest.Server) (factorialtest.IssuedToken, error) {
			return srv.IssueScopedToken(factorialtest.BasicUserID)
		}, wantScopes: []string{"read", "write"}},
		{name: "scoped: unknown scope", issue: func(srv *factorialtest.Server) (factorialtest.IssuedToken, error) {
			return srv.IssueScopedToken(factorialtest.BasicUserID, "employees", "admin")
		}, wantErr: "invalid_scope"},
		{name: "scoped: unknown user", issue: func(srv *factorialtest.Server) (factorialtest.IssuedToken, error) {
			return srv.IssueScopedToken(99, "employees")
		}, wantErr: "user 99 does not exist"},
		{name: "scoped: outside WithAppScopes", opts: []factorialtest.Option{factorialtest.WithAppScopes("employees")},
			issue: func(srv *factorialtest.Server) (factorialtest.IssuedToken, error) {
				return srv.IssueScopedToken(factorialtest.BasicUserID, "read")
			}, wantErr: "invalid_scope"},
		{name: "IssueToken follows WithAppScopes", opts: []factorialtest.Option{factorialtest.WithAppScopes("employees", "tasks")},
			issue: func(srv *factorialtest.Server) (factorialtest.IssuedToken, error) {
				return srv.IssueToken(factorialtest.BasicUserID)
			}, wantScopes: []string{"employees", "tasks"}},
		{name: "company: granular", issue: func(srv *factorialtest.Server) (factorialtest.IssuedToken, error) {
			return srv.IssueCompanyToken("payroll")
		}, wantScopes: []string{"payroll"}, company: true},
		{name: "company: defaults", issue: func(srv *factorialtest.Server) (factorialtest.IssuedToken, error) {
			return srv.IssueCompanyToken()
		}, wantScopes: []string{"read", "write"}, company: true},
		{name: "company: unknown scope", issue: func(srv *factorialtest.Server) (factorialtest.IssuedToken, error) {
			return srv.IssueCompanyToken("everything")
		}, wantErr: "invalid_scope"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := factorialtest.NewServer(append([]factorialtest.Option{factorialtest.WithTB(t)}, tc.opts...)...)
			tok, err := tc.issue(srv)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v, want %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(tok.Scopes, tc.wantScopes) || tok.Company() != tc.company ||
				(tok.RefreshToken == "") != tc.company || (tok.ExpiresIn == 0) != tc.company {
				t.Errorf("issued: scopes %v, company %v, refresh token %v, expires in %v",
					tok.Scopes, tok.Company(), tok.RefreshToken != "", tok.ExpiresIn)
			}
			if last, _ := srv.LastIssued(); last.AccessToken != tok.AccessToken || last.Company() != tc.company {
				t.Error("LastIssued disagrees")
			}
			if !srv.TokenActive(tok.AccessToken) {
				t.Error("the token does not authenticate")
			}
		})
	}
}
