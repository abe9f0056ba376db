package oauth_test

import (
	"context"
	"errors"
	"net/url"
	"slices"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
)

// The constants must name the scopes Factorial's guide lists; the fake
// server keeps its own copy of the list, so the two check each other.
func TestScopeLists(t *testing.T) {
	granular := oauth.GranularScopes()
	if !slices.Equal(granular, factorialtest.GranularScopes()) {
		t.Errorf("oauth.GranularScopes %v\nfactorialtest.GranularScopes %v", granular, factorialtest.GranularScopes())
	}
	if len(granular) != 27 {
		t.Errorf("%d granular scopes, want 27", len(granular))
	}
	seen := map[string]bool{}
	for _, s := range append(oauth.LegacyScopes(), granular...) {
		if s == "" || strings.ContainsAny(s, " ,") || seen[s] {
			t.Errorf("scope %q is empty, malformed or listed twice", s)
		}
		seen[s] = true
	}
	if !slices.Equal(oauth.LegacyScopes(), []string{oauth.ScopeRead, oauth.ScopeWrite}) {
		t.Errorf("LegacyScopes = %v", oauth.LegacyScopes())
	}
	// The lists are copies: changing one must not change the next.
	granular[0] = "changed"
	if oauth.GranularScopes()[0] != oauth.ScopeBanking {
		t.Error("GranularScopes returned shared storage")
	}
}

// TestAuthorizeScopesAndOwnerType pins the scope and resource_owner_type
// parameters of the authorize URL for every way of asking for them.
func TestAuthorizeScopesAndOwnerType(t *testing.T) {
	tests := []struct {
		name       string
		opts       []oauth.Option
		authOpts   []oauth.AuthOption
		wantScope  string // "" with wantNoScope: no parameter at all
		noScope    bool
		wantOwner  string
		wantConfig []string // Config.Scopes
	}{
		{name: "default: v1 read write", wantScope: "read write", wantConfig: []string{"read", "write"}},
		{name: "granular constants, space-joined",
			opts:      []oauth.Option{oauth.WithScopes(oauth.ScopeEmployees, oauth.ScopeTimeOff)},
			wantScope: "employees time_off", wantConfig: []string{"employees", "time_off"}},
		{name: "space-separated element is split, duplicates dropped",
			opts:      []oauth.Option{oauth.WithScopes("employees  time_off", oauth.ScopeEmployees, " ")},
			wantScope: "employees time_off", wantConfig: []string{"employees", "time_off"}},
		{name: "no scopes: no parameter", opts: []oauth.Option{oauth.WithScopes()}, noScope: true, wantConfig: []string{}},
		{name: "AuthScopes overrides the Config for one authorization",
			opts:      []oauth.Option{oauth.WithScopes(oauth.ScopeEmployees)},
			authOpts:  []oauth.AuthOption{oauth.AuthScopes(oauth.ScopeTasks, oauth.ScopePosts)},
			wantScope: "tasks posts", wantConfig: []string{"employees"}},
		{name: "empty AuthScopes: no parameter",
			authOpts: []oauth.AuthOption{oauth.AuthScopes()}, noScope: true, wantConfig: []string{"read", "write"}},
		{name: "company token",
			opts:      []oauth.Option{oauth.WithScopes(oauth.GranularScopes()...)},
			authOpts:  []oauth.AuthOption{oauth.CompanyToken()},
			wantScope: strings.Join(oauth.GranularScopes(), " "), wantOwner: "company", wantConfig: oauth.GranularScopes()},
		{name: "AuthParam still wins, as documented",
			authOpts:  []oauth.AuthOption{oauth.AuthScopes(oauth.ScopeTasks), oauth.AuthParam("scope", "read")},
			wantScope: "read", wantConfig: []string{"read", "write"}},
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
			if _, has := q["scope"]; has == tc.noScope || q.Get("scope") != tc.wantScope {
				t.Errorf("scope = %q (present %v), want %q", q.Get("scope"), has, tc.wantScope)
			}
			if strings.Contains(u.RawQuery, "%2C") {
				t.Errorf("comma in the query: %s", u.RawQuery)
			}
			if q.Get("resource_owner_type") != tc.wantOwner {
				t.Errorf("resource_owner_type = %q, want %q", q.Get("resource_owner_type"), tc.wantOwner)
			}
			if got := cfg.Scopes(); !slices.Equal(got, tc.wantConfig) {
				t.Errorf("Config.Scopes = %v, want %v", got, tc.wantConfig)
			}
			// One authorization's scopes never leak into the next.
			b, _ := cfg.Authorize()
			bu, _ := url.Parse(b.URL)
			if len(tc.wantConfig) > 0 && bu.Query().Get("scope") != strings.Join(tc.wantConfig, " ") {
				t.Errorf("next authorization asks for %q", bu.Query().Get("scope"))
			}
		})
	}
}

func TestCommaSeparatedScopesRefused(t *testing.T) {
	if _, err := oauth.New("id", "s", oauth.OOBRedirectURI, oauth.WithScopes("read,write")); err == nil || !strings.Contains(err.Error(), "comma") {
		t.Errorf("New with a comma-separated scope list: %v", err)
	}
	cfg, err := oauth.New("id", "s", oauth.OOBRedirectURI)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := cfg.Authorize(oauth.AuthScopes("employees,time_off")); err == nil || !strings.Contains(err.Error(), "comma") {
		t.Errorf("Authorize with a comma-separated scope list: %v", err)
	}
}

// TestScopedUserTokenFlow asks the fake for granular scopes: the consent
// page lists them, the token carries them, token info reports them, and a
// scope the application may not request comes back as invalid_scope.
func TestScopedUserTokenFlow(t *testing.T) {
	tests := []struct {
		name       string
		srvOpts    []factorialtest.Option
		scopes     []string
		wantScopes []string
		wantErr    string // OAuth error code of the callback
	}{
		{name: "granular scopes", scopes: []string{oauth.ScopeEmployees, oauth.ScopeTimeOff},
			wantScopes: []string{"employees", "time_off"}},
		{name: "v1 and granular together", scopes: []string{oauth.ScopeRead, oauth.ScopeTasks},
			wantScopes: []string{"read", "tasks"}},
		{name: "app registered with fewer scopes", srvOpts: []factorialtest.Option{factorialtest.WithAppScopes(oauth.ScopeEmployees)},
			scopes: []string{oauth.ScopeEmployees, oauth.ScopePayroll}, wantErr: oauth.CodeInvalidScope},
		{name: "unknown scope", scopes: []string{"employees", "admin"}, wantErr: oauth.CodeInvalidScope},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, tc.srvOpts...)
			lc := newLeakCheck(t, srv)
			ctx := context.Background()
			cfg := newConfig(t, srv, lc, factorialtest.DefaultRedirectURI, oauth.WithScopes(tc.scopes...))
			auth, err := cfg.Authorize()
			if err != nil {
				t.Fatal(err)
			}
			lc.secret(auth.State(), auth.Verifier())
			callback, err := srv.Approve(ctx, auth.URL)
			if err != nil {
				t.Fatal(lc.err(err))
			}
			code, err := auth.Callback(callback.Query())
			if tc.wantErr != "" {
				var oe *oauth.Error
				if !errors.As(lc.err(err), &oe) || oe.Code != tc.wantErr {
					t.Fatalf("callback error = %v, want %s", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(lc.err(err))
			}
			tok, err := cfg.Exchange(ctx, code, auth)
			if err != nil {
				t.Fatal(lc.err(err))
			}
			if !slices.Equal(tok.Scopes, tc.wantScopes) || tok.RefreshToken == "" || tok.NeverExpires() {
				t.Errorf("token: scopes %v, refresh token %v, never expires %v", tok.Scopes, tok.RefreshToken != "", tok.NeverExpires())
			}
			for _, s := range tc.wantScopes {
				if !tok.HasScope(s) {
					t.Errorf("HasScope(%q) = false", s)
				}
			}
			if tok.HasScope(oauth.ScopePayroll) {
				t.Error("HasScope(payroll) = true for a token without it")
			}
			info, err := cfg.TokenInfo(ctx, tok.AccessToken)
			if err != nil || !slices.Equal(info.Scopes, tc.wantScopes) || info.NeverExpires {
				t.Fatalf("token info: %+v, %v", info, lc.err(err))
			}
		})
	}
}
