package oauth_test

//lint:file-ignore SA1019 these show the retired v1 API's services on purpose

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
)

// companyLogin runs the whole authorization for a company token against
// the fake and returns what Exchange gave.
func companyLogin(t *testing.T, srv *factorialtest.Server, cfg *oauth.Config, lc *leakCheck, scopes ...string) *oauth.Token {
	t.Helper()
	ctx := context.Background()
	auth, err := cfg.Authorize(oauth.CompanyToken(), oauth.AuthScopes(scopes...))
	if err != nil {
		t.Fatal(err)
	}
	lc.secret(auth.State(), auth.Verifier())
	callback, err := srv.Approve(ctx, auth.URL)
	if err != nil {
		t.Fatal(lc.err(err))
	}
	code, err := auth.Callback(callback.Query())
	if err != nil {
		t.Fatal(lc.err(err))
	}
	tok, err := cfg.Exchange(ctx, code, auth)
	if err != nil {
		t.Fatal(lc.err(err))
	}
	return tok
}

// sameToken compares tokens field by field, times by instant (a file
// store gives them back in another location).
func sameToken(a, b *oauth.Token) bool {
	return a.AccessToken == b.AccessToken && a.TokenType == b.TokenType && a.RefreshToken == b.RefreshToken &&
		slices.Equal(a.Scopes, b.Scopes) && a.CreatedAt.Equal(b.CreatedAt) && a.ExpiresIn == b.ExpiresIn &&
		a.Expiry.Equal(b.Expiry) && a.Expiry.IsZero() == b.Expiry.IsZero()
}

// storeKinds are the stores every company-token test runs against.
var storeKinds = []struct {
	name string
	new  func(t *testing.T) oauth.Store
}{
	{name: "memory", new: func(*testing.T) oauth.Store { return oauth.NewMemoryStore(nil) }},
	{name: "file", new: func(t *testing.T) oauth.Store {
		fs, err := oauth.NewFileStore(filepath.Join(t.TempDir(), "factorial", "token.json"))
		if err != nil {
			t.Fatal(err)
		}
		return fs
	}},
}

// TestCompanyTokenLifecycle: a company token comes without expiry and
// refresh token, survives the store, is handed out however much time
// passes without a single refresh request, and, once revoked, ends in a
// TokenRejectedError rather than a refresh with an empty refresh token.
func TestCompanyTokenLifecycle(t *testing.T) {
	for _, sk := range storeKinds {
		t.Run(sk.name, func(t *testing.T) {
			srv := newServer(t)
			lc := newLeakCheck(t, srv)
			ctx := context.Background()
			cfg := newConfig(t, srv, lc, factorialtest.DefaultRedirectURI, oauth.WithLogger(lc.logger()))

			tok := companyLogin(t, srv, cfg, lc, oauth.ScopeEmployees, oauth.ScopeTimeOff)
			issued, _ := srv.LastIssued()
			if !issued.Company() || tok.AccessToken != issued.AccessToken {
				t.Fatal("the server did not issue a company token")
			}
			if tok.RefreshToken != "" || !tok.NeverExpires() || tok.ExpiresIn != 0 || !tok.Expiry.IsZero() ||
				!slices.Equal(tok.Scopes, []string{"employees", "time_off"}) || tok.CreatedAt.IsZero() {
				t.Fatalf("company token: %v (created %v, expires_in %d)", tok, tok.CreatedAt, tok.ExpiresIn)
			}
			if s := tok.String(); !strings.Contains(s, "expiry: never") || !strings.Contains(s, "refresh: none") {
				t.Errorf("String() = %s", s)
			}
			lc.text(tok.String())

			// Persist and reload: nothing lost, nothing invented.
			store := sk.new(t)
			if err := store.Save(ctx, tok); err != nil {
				t.Fatal(lc.err(err))
			}
			back, err := store.Load(ctx)
			if err != nil || !sameToken(back, tok) {
				t.Fatalf("reloaded %v (%v), want %v", back, lc.err(err), tok)
			}
			if fs, ok := store.(*oauth.FileStore); ok {
				raw, err := os.ReadFile(fs.Path())
				if err != nil {
					t.Fatal(err)
				}
				var file struct {
					Token map[string]any `json:"token"`
				}
				if err := json.Unmarshal(raw, &file); err != nil {
					t.Fatal(err)
				}
				for _, k := range []string{"refresh_token", "expiry", "expires_in"} {
					if _, has := file.Token[k]; has {
						t.Errorf("token file has %q for a company token", k)
					}
				}
			}

			// A new source, as after a restart: the token is used as is,
			// years later, and never refreshed.
			ts := mustSource(t, newConfig(t, srv, lc, factorialtest.DefaultRedirectURI), store)
			srv.Advance(3 * 365 * 24 * time.Hour)
			for range 3 {
				got, err := ts.TokenContext(ctx)
				if err != nil || got.AccessToken != tok.AccessToken || !got.Expiry.IsZero() || got.RefreshToken != "" {
					t.Fatalf("TokenContext: %v", lc.err(err))
				}
			}
			resp, err := me(t, srv, oauth.BearerEditor(ts))
			if err != nil || resp.JSON200 == nil || resp.JSON200.EmployeeID != factorialtest.AdminEmployeeID {
				t.Fatalf("GET /me with the company token: %v %s", lc.err(err), resp.Status())
			}
			info, err := cfg.TokenInfo(ctx, tok.AccessToken)
			if err != nil || !info.NeverExpires || !slices.Equal(info.Scopes, tok.Scopes) {
				t.Fatalf("token info: %+v %v", info, lc.err(err))
			}

			// Revoked: the API answers 401, the source cannot refresh.
			if err := cfg.Revoke(ctx, tok.AccessToken, oauth.AccessTokenHint); err != nil {
				t.Fatal(lc.err(err))
			}
			if resp, err := me(t, srv, oauth.BearerEditor(ts)); err != nil || resp.StatusCode() != 401 {
				t.Fatalf("revoked token: %v %d, want 401", lc.err(err), resp.StatusCode())
			}
			_, err = ts.RefreshIfStale(ctx, tok.AccessToken)
			var rejected *oauth.TokenRejectedError
			if !errors.As(lc.err(err), &rejected) || !rejected.NeverExpires || !errors.Is(err, oauth.ErrReauthRequired) {
				t.Fatalf("RefreshIfStale after 401 = %v, want a TokenRejectedError matching ErrReauthRequired", err)
			}
			// Every later 401 gets the same verdict, never a token request.
			if _, err := ts.RefreshIfStale(ctx, tok.AccessToken); !errors.As(lc.err(err), &rejected) {
				t.Fatalf("second RefreshIfStale = %v", err)
			}
			if n := srv.TokenRequests("refresh_token"); n != 0 {
				t.Errorf("%d refresh requests for a token without refresh token", n)
			}
			after, err := store.Load(ctx)
			if err != nil || !sameToken(after, tok) {
				t.Errorf("the store changed after the rejection (%v)", lc.err(err))
			}

			// Authorising again and saving the new token revives the source
			// (another process could have done it: the store is the truth):
			// the client's 401 for the old token makes the source adopt it.
			fresh := companyLogin(t, srv, cfg, lc, oauth.ScopeEmployees)
			if err := store.Save(ctx, fresh); err != nil {
				t.Fatal(lc.err(err))
			}
			client, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithTokenSource(ts),
				factorial.WithHTTPClient(validatingClient(t, srv)))
			if err != nil {
				t.Fatal(err)
			}
			if _, err := client.V1.Credentials.GetMe(ctx); err != nil {
				t.Fatalf("GetMe after re-authorization: %v", lc.err(err))
			}
			got, err := ts.TokenContext(ctx)
			if err != nil || got.AccessToken != fresh.AccessToken {
				t.Fatalf("after re-authorization: %v", lc.err(err))
			}
			if n := srv.TokenRequests("refresh_token"); n != 0 {
				t.Errorf("%d refresh requests", n)
			}
		})
	}
}

// TestRejectedTokenWithoutRefreshToken covers the other ways a token
// without refresh token meets a 401, and that the verdict is always
// ErrReauthRequired without a token request.
func TestRejectedTokenWithoutRefreshToken(t *testing.T) {
	tests := []struct {
		name         string
		token        func(t *testing.T, srv *factorialtest.Server) *oauth.Token
		neverExpires bool
	}{
		{name: "company token", neverExpires: true, token: func(t *testing.T, srv *factorialtest.Server) *oauth.Token {
			it, err := srv.IssueCompanyToken(oauth.ScopeEmployees)
			if err != nil {
				t.Fatal(err)
			}
			return it.Token()
		}},
		{name: "user token stored without its refresh token", token: func(t *testing.T, srv *factorialtest.Server) *oauth.Token {
			it, err := srv.IssueToken(factorialtest.AdminUserID)
			if err != nil {
				t.Fatal(err)
			}
			tok := it.Token()
			tok.RefreshToken = ""
			return tok
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t)
			lc := newLeakCheck(t, srv)
			ctx := context.Background()
			tok := tc.token(t, srv)
			if tok.NeverExpires() != tc.neverExpires {
				t.Fatalf("NeverExpires = %v", tok.NeverExpires())
			}
			ts := mustSource(t, newConfig(t, srv, lc, oauth.OOBRedirectURI), oauth.NewMemoryStore(tok))
			srv.RevokeToken(tok.AccessToken)

			// Through the client: the 401 is retried only if a new token
			// appears, and the API error carries the reason.
			client, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithTokenSource(ts),
				factorial.WithHTTPClient(validatingClient(t, srv)))
			if err != nil {
				t.Fatal(err)
			}
			_, err = client.V1.Credentials.GetMe(ctx)
			var rejected *oauth.TokenRejectedError
			if !errors.As(lc.err(err), &rejected) || rejected.NeverExpires != tc.neverExpires ||
				!errors.Is(err, oauth.ErrReauthRequired) || !errors.Is(err, factorial.ErrUnauthorized) {
				t.Fatalf("GetMe with a revoked token: %v", err)
			}
			if n := srv.TokenRequests("") + srv.TokenRequests("refresh_token"); n != 0 {
				t.Errorf("%d token requests", n)
			}
			// A second call gets the same verdict.
			if _, err := client.V1.Credentials.GetMe(ctx); !errors.As(lc.err(err), &rejected) {
				t.Fatalf("second GetMe: %v", err)
			}
			if n := srv.TokenRequests("refresh_token"); n != 0 {
				t.Errorf("%d refresh requests", n)
			}
		})
	}
}

// TestExpiredTokenWithoutRefreshToken: a user token that ran out and has
// no refresh token needs a new authorization; it is not a rejection.
func TestExpiredTokenWithoutRefreshToken(t *testing.T) {
	srv := newServer(t)
	lc := newLeakCheck(t, srv)
	it, err := srv.IssueToken(factorialtest.AdminUserID)
	if err != nil {
		t.Fatal(err)
	}
	tok := it.Token()
	tok.RefreshToken = ""
	ts := mustSource(t, newConfig(t, srv, lc, oauth.OOBRedirectURI), oauth.NewMemoryStore(tok))
	srv.Advance(3 * time.Hour)
	_, err = ts.TokenContext(context.Background())
	var rejected *oauth.TokenRejectedError
	if !errors.Is(lc.err(err), oauth.ErrReauthRequired) || errors.As(err, &rejected) {
		t.Fatalf("error = %v", err)
	}
	if n := srv.TokenRequests("refresh_token"); n != 0 {
		t.Errorf("%d refresh requests", n)
	}
}
