package oauth_test

import (
	"context"
	"errors"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
)

// browser is an HTTP client that, like a test driving a real browser step
// by step, never follows redirects.
func browser(srv *factorialtest.Server) *http.Client {
	hc := srv.Client()
	hc.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	return hc
}

// consent opens the authorize URL, submits the consent page's form with
// the given button and returns the redirect.
func consent(t *testing.T, srv *factorialtest.Server, authURL string, deny bool) *url.URL {
	t.Helper()
	hc := browser(srv)
	resp, err := hc.Get(authURL)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("authorize page: %d %s", resp.StatusCode, page)
	}
	form, err := factorialtest.ConsentForm(string(page))
	if err != nil {
		t.Fatal(err)
	}
	if deny {
		form.Set("_method", "delete")
	}
	resp, err = hc.PostForm(srv.URL()+"/oauth/authorize", form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusFound {
		t.Fatalf("consent answered %d", resp.StatusCode)
	}
	loc, err := resp.Location()
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestCodeFlowWithStateAndPKCE(t *testing.T) {
	srv := newServer(t)
	lc := newLeakCheck(t, srv)
	ctx := context.Background()
	cfg := newConfig(t, srv, lc, factorialtest.DefaultRedirectURI)

	auth, err := cfg.Authorize()
	if err != nil {
		t.Fatal(err)
	}
	lc.secret(auth.State(), auth.Verifier())
	loc := consent(t, srv, auth.URL, false)
	if !strings.HasPrefix(loc.String(), factorialtest.DefaultRedirectURI+"?") {
		t.Fatalf("redirected to %s", loc)
	}
	code, err := auth.Callback(loc.Query())
	if err != nil {
		t.Fatal(lc.err(err))
	}
	tok, err := cfg.Exchange(ctx, code, auth)
	if err != nil {
		t.Fatal(lc.err(err))
	}
	issued, _ := srv.LastIssued()
	if tok.AccessToken != issued.AccessToken || tok.RefreshToken != issued.RefreshToken || tok.TokenType != "Bearer" {
		t.Fatalf("Exchange returned a different token than the server issued")
	}
	if strings.Join(tok.Scopes, " ") != "read write" || !tok.CreatedAt.Equal(srv.Now()) ||
		!tok.Expiry.Equal(srv.Now().Add(7200e9)) || tok.ExpiresIn != 7200 {
		t.Errorf("token metadata: scopes %v created %v expiry %v expires_in %d", tok.Scopes, tok.CreatedAt, tok.Expiry, tok.ExpiresIn)
	}
	lc.text(tok.String())

	resp, err := me(t, srv, oauth.BearerEditor(mustSource(t, cfg, oauth.NewMemoryStore(tok))))
	if err != nil || resp.JSON200 == nil || resp.JSON200.EmployeeID != 1001 {
		t.Fatalf("GET /me: %v %v", lc.err(err), resp.Status())
	}

	// The code is single use, and a dead code means authorising again.
	_, err = cfg.Exchange(ctx, code, auth)
	var oe *oauth.Error
	if !errors.As(lc.err(err), &oe) || oe.Code != oauth.CodeInvalidGrant || !errors.Is(err, oauth.ErrReauthRequired) {
		t.Errorf("replayed code: %v", err)
	}
	if n := srv.TokenRequests("authorization_code"); n != 2 {
		t.Errorf("authorization_code requests = %d, want 2 (no auth-style probing)", n)
	}
}

func TestCodeFlowFailures(t *testing.T) {
	tests := []struct {
		name  string
		run   func(t *testing.T, srv *factorialtest.Server, cfg *oauth.Config, auth *oauth.Authorization) error
		check func(err error) bool
	}{
		{name: "forged state", run: func(t *testing.T, srv *factorialtest.Server, cfg *oauth.Config, auth *oauth.Authorization) error {
			loc := consent(t, srv, auth.URL, false)
			q := loc.Query()
			q.Set("state", "forged")
			_, err := auth.Callback(q)
			return err
		}, check: func(err error) bool { return errors.Is(err, oauth.ErrStateMismatch) }},
		{name: "missing state", run: func(t *testing.T, srv *factorialtest.Server, cfg *oauth.Config, auth *oauth.Authorization) error {
			loc := consent(t, srv, auth.URL, false)
			q := loc.Query()
			q.Del("state")
			_, err := auth.Callback(q)
			return err
		}, check: func(err error) bool { return errors.Is(err, oauth.ErrStateMismatch) }},
		{name: "user denies", run: func(t *testing.T, srv *factorialtest.Server, cfg *oauth.Config, auth *oauth.Authorization) error {
			_, err := auth.Callback(consent(t, srv, auth.URL, true).Query())
			return err
		}, check: func(err error) bool {
			var oe *oauth.Error
			return errors.As(err, &oe) && oe.Code == oauth.CodeAccessDenied && oe.Description != ""
		}},
		{name: "exchange without the verifier", run: func(t *testing.T, srv *factorialtest.Server, cfg *oauth.Config, auth *oauth.Authorization) error {
			code, err := auth.Callback(consent(t, srv, auth.URL, false).Query())
			if err != nil {
				t.Fatal(err)
			}
			_, err = cfg.Exchange(context.Background(), code, nil)
			return err
		}, check: func(err error) bool {
			var oe *oauth.Error
			return errors.As(err, &oe) && oe.Code == oauth.CodeInvalidRequest && oe.StatusCode == 400
		}},
		{name: "exchange with another authorization's verifier", run: func(t *testing.T, srv *factorialtest.Server, cfg *oauth.Config, auth *oauth.Authorization) error {
			code, err := auth.Callback(consent(t, srv, auth.URL, false).Query())
			if err != nil {
				t.Fatal(err)
			}
			other, _ := cfg.Authorize()
			_, err = cfg.Exchange(context.Background(), code, other)
			return err
		}, check: func(err error) bool { return errors.Is(err, oauth.ErrReauthRequired) }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t)
			lc := newLeakCheck(t, srv)
			cfg := newConfig(t, srv, lc, factorialtest.DefaultRedirectURI)
			auth, _ := cfg.Authorize()
			lc.secret(auth.State(), auth.Verifier())
			err := lc.err(tc.run(t, srv, cfg, auth))
			if !tc.check(err) {
				t.Fatalf("unexpected error: %v", err)
			}
		})
	}
}

// TestLoopbackCLILogin is the CLI login: a callback server on a port picked
// at run time, the browser following redirects to it.
func TestLoopbackCLILogin(t *testing.T) {
	srv := newServer(t, factorialtest.WithLoopbackRedirects(), factorialtest.WithAutoApprove(), factorialtest.WithApprover(2))
	lc := newLeakCheck(t, srv)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	redirect := "http://" + ln.Addr().String() + "/callback"
	cfg := newConfig(t, srv, lc, factorialtest.DefaultRedirectURI, oauth.WithBasicAuth())
	auth, _ := cfg.Authorize(oauth.AuthRedirectURI(redirect))
	lc.secret(auth.State(), auth.Verifier())

	codes := make(chan string, 1)
	cb := &http.Server{Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		code, err := auth.Callback(r.URL.Query())
		if err != nil {
			http.Error(w, lc.err(err).Error(), http.StatusBadRequest)
			return
		}
		io.WriteString(w, "You can close this window.")
		codes <- code
	})}
	go cb.Serve(ln)
	t.Cleanup(func() { cb.Close() })

	resp, err := http.Get(auth.URL) // follows the 302 to the callback
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("callback answered %d", resp.StatusCode)
	}
	tok, err := cfg.Exchange(context.Background(), <-codes, auth)
	if err != nil {
		t.Fatal(lc.err(err))
	}
	info, err := cfg.TokenInfo(context.Background(), tok.AccessToken)
	if err != nil || info.ResourceOwnerID != 2 {
		t.Fatalf("token info: %+v %v", info, lc.err(err))
	}
	if n := srv.TokenRequests("authorization_code"); n != 1 {
		t.Errorf("token requests = %d, want 1 with Basic auth", n)
	}
}

func mustSource(t *testing.T, cfg *oauth.Config, store oauth.Store, opts ...oauth.TokenSourceOption) *oauth.TokenSource {
	t.Helper()
	ts, err := oauth.NewTokenSource(cfg, store, opts...)
	if err != nil {
		t.Fatal(err)
	}
	return ts
}
