package main

//lint:file-ignore SA1019 the CLI still speaks v1 when asked (--api v1, the v1 half of the demo)

import (
	"context"
	"errors"
	"fmt"
	"html"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
)

const demoUsage = `Usage: factorial demo [--api VERSION]

Walk Factorial's "Getting Started with Factorial API" guide end to end, over
real HTTP, against a local sandbox (factorialtest on 127.0.0.1): the OAuth
application, the authorize URL, the consent page and its Authorize button,
the code exchange, who the token acts as and the employee list (on the
current API, api_public/credentials and employees/employees; with --api v1
on v1, GET /api/v1/me and /api/v1/employees), a token refresh (showing that
the rotated refresh token was saved, by fingerprint), and revocation
(showing that the revoked token gets 401).

Then more of the current, dated API (/api/VERSION/resources) against the
same sandbox: a token with a granular scope (employees), who the token acts
as (the credentials), the employees listed two per page with each page's
cursor and metadata, and a webhook: a loopback receiver built with
webhook.NewHandler, a subscription with a random challenge, an employee update
that raises the event, the delivery it receives, and the unsubscription.

--api VERSION picks the API of the guide's requests: the current one by
default, v1, or another version date (which the second half uses too).

Every step is printed; no secret is (no token, code, verifier, client secret
or webhook challenge). Needs no account and no network, and takes a second.
`

func runDemo(ctx context.Context, a *app, g *globals, args []string) error {
	fs := newFlagSet("demo", g)
	var apiFlag string
	fs.StringVar(&apiFlag, "api", "", "")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return helpOrErr(err, a.stdout, demoUsage)
	}
	if err := noArgs("demo", rest); err != nil {
		return err
	}
	version, err := parseAPIVersion(apiFlag)
	if err != nil {
		return err
	}
	srv, err := factorialtest.Start("127.0.0.1:0", factorialtest.WithLoopbackRedirects())
	if err != nil {
		return fmt.Errorf("start the sandbox: %w", err)
	}
	defer srv.Close()
	if a.demoStarted != nil {
		a.demoStarted(srv)
	}
	dir, err := os.MkdirTemp("", "factorial-demo-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)

	base, _ := url.Parse(srv.URL())
	d := &demo{w: a.stdout, base: srv.URL(), dir: dir, version: version}
	d.traced = &http.Client{
		Timeout:   10 * time.Second,
		Transport: &tracer{w: a.stdout, base: http.DefaultTransport, home: base.Host, indent: "     "},
	}
	return d.run(ctx)
}

// demo is one walk through the guide.
type demo struct {
	w       io.Writer
	base    string
	dir     string
	traced  *http.Client // prints every exchange
	version string       // the API of the guide's requests: "v1" or a dated version
}

// clientOptions are the options of the guide's API clients: the sandbox,
// the traced HTTP client and the --api version.
func (d *demo) clientOptions(opts ...factorial.Option) []factorial.Option {
	base := []factorial.Option{factorial.WithBaseURL(d.base), factorial.WithHTTPClient(d.traced), factorial.WithUserAgent(userAgent)}
	if d.version != apiV1 {
		base = append(base, factorial.WithAPIVersion(d.version))
	}
	return append(base, opts...)
}

// employeeNames lists the company's employees on the demo's API.
func (d *demo) employeeNames(ctx context.Context, c *factorial.Client) ([]string, error) {
	var names []string
	if d.version == apiV1 {
		list, err := c.V1.Employees.List(ctx)
		if err != nil {
			return nil, err
		}
		for _, e := range list {
			names = append(names, employeeName(e))
		}
		return names, nil
	}
	list, err := c.Employees.List(ctx, nil)
	if err != nil {
		return nil, err
	}
	for _, e := range list {
		names = append(names, datedEmployeeName(e))
	}
	return names, nil
}

func (d *demo) say(format string, args ...any) { fmt.Fprintf(d.w, "   "+format+"\n", args...) }

func (d *demo) step(n int, title string) { fmt.Fprintf(d.w, "\n%d. %s\n", n, title) }

func (d *demo) run(ctx context.Context) error {
	fmt.Fprintln(d.w, "Factorial's getting-started guide, end to end")
	fmt.Fprintf(d.w, "A local sandbox stands in for Factorial: factorialtest at %s,\n", d.base)
	fmt.Fprintln(d.w, "a Doorkeeper-faithful OAuth server and the REST API with a demo company.")
	fmt.Fprintln(d.w, "Every request below really goes over HTTP. Secrets (client secret, code,")
	fmt.Fprintln(d.w, "PKCE verifier, tokens) are never shown; tokens appear as fingerprints.")

	// 1. The OAuth application.
	cb, err := listenCallback(0)
	if err != nil {
		return err
	}
	defer cb.close()
	cfg, err := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret, cb.redirectURI,
		oauth.WithBaseURL(d.base), oauth.WithHTTPClient(d.traced))
	if err != nil {
		return err
	}
	d.step(1, "Create an OAuth application")
	d.say("The sandbox has one registered, as an admin would in Factorial's OAuth applications page:")
	d.say("  Client ID      %s", cfg.ClientID())
	d.say("  Client secret  (set; never shown)")
	d.say("  Redirect URI   %s (a loopback listener this demo started)", cb.redirectURI)
	d.say("  Scopes         %s", strings.Join(cfg.Scopes(), " "))

	// 2. The authorization code.
	auth, err := cfg.Authorize()
	if err != nil {
		return err
	}
	cb.serve(auth)
	d.step(2, "Request an authorization code")
	d.say("Send the user to the authorize URL (client_id, redirect_uri, response_type=code, scope,")
	d.say("plus a random state and a PKCE S256 code_challenge):")
	d.say("  %s", auth.URL)
	d.say("The user's browser, played here by an HTTP client, opens it:")
	if err := d.consent(ctx, auth.URL); err != nil {
		return err
	}
	waitCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	code, err := cb.wait(waitCtx)
	cancel()
	if err != nil {
		return fmt.Errorf("waiting for the redirect: %w", err)
	}
	d.say("The redirect URI received the code, with the state of this request (checked).")
	d.say("Authorization code: received (single use, valid 10 minutes; not shown).")

	// 3. The access token.
	d.step(3, "Request an access token")
	d.say("As the guide's curl does (secret values left as placeholders):")
	d.say("  curl -X POST '%s/oauth/token' -d 'client_id=%s&client_secret=<CLIENT_SECRET>&code=<AUTHORIZATION_CODE>&grant_type=authorization_code&redirect_uri=%s&code_verifier=<PKCE_VERIFIER>'",
		d.base, cfg.ClientID(), url.QueryEscape(cb.redirectURI))
	tok, err := cfg.Exchange(ctx, code, auth)
	if err != nil {
		return err
	}
	d.say("Response: token_type %s, expires_in %d, scope %q;", tok.TokenType, tok.ExpiresIn, strings.Join(tok.Scopes, " "))
	d.say("access_token and refresh_token received (not shown).")
	store, err := oauth.NewFileStore(filepath.Join(d.dir, "token.json"))
	if err != nil {
		return err
	}
	if err := store.Save(ctx, tok); err != nil {
		return err
	}
	d.say("Saved to %s (mode 0600).", store.Path())
	d.say("Stored refresh token: %s", fingerprint(tok.RefreshToken))

	// 4. API calls.
	ts, err := oauth.NewTokenSource(cfg, store, oauth.WithBaseContext(ctx))
	if err != nil {
		return err
	}
	client, err := factorial.NewClient(d.clientOptions(factorial.WithTokenSource(ts))...)
	if err != nil {
		return err
	}
	d.step(4, "Make requests with the token (Authorization: Bearer <ACCESS_TOKEN>)")
	who, err := whoAmI(ctx, client, d.version)
	if err != nil {
		return err
	}
	d.say("You are %s.", who)
	names, err := d.employeeNames(ctx, client)
	if err != nil {
		return err
	}
	more := ""
	if len(names) > 3 {
		more = ", ..."
	}
	d.say("%d employees: %s%s", len(names), strings.Join(names[:min(3, len(names))], ", "), more)

	// 5. Refresh.
	d.step(5, "Refresh the access token")
	d.say("Access tokens expire (expires_in %d s); the refresh token buys a new pair:", tok.ExpiresIn)
	d.say("  curl -X POST '%s/oauth/token' -d 'client_id=%s&client_secret=<CLIENT_SECRET>&refresh_token=<REFRESH_TOKEN>&grant_type=refresh_token'",
		d.base, cfg.ClientID())
	before, err := store.Load(ctx)
	if err != nil {
		return err
	}
	if _, err := ts.RefreshIfStale(ctx, before.AccessToken); err != nil {
		return err
	}
	after, err := store.Load(ctx)
	if err != nil {
		return err
	}
	if after.RefreshToken == before.RefreshToken {
		return errors.New("the server did not rotate the refresh token")
	}
	d.say("Factorial rotates the refresh token on every refresh, and the token source saved the")
	d.say("new pair to the file before handing it out:")
	d.say("  stored refresh token  %s -> %s", fingerprint(before.RefreshToken), fingerprint(after.RefreshToken))
	d.say("The old refresh token is dead now; spending it again fails:")
	_, err = cfg.Refresh(ctx, before.RefreshToken)
	var oe *oauth.Error
	if !errors.As(err, &oe) || oe.Code != oauth.CodeInvalidGrant {
		return fmt.Errorf("reusing the rotated refresh token: want invalid_grant, got %v", err)
	}
	d.say("  error %s: a client that loses the new refresh token must log in again.", oe.Code)
	d.say("The new access token works:")
	if _, err := whoAmI(ctx, client, d.version); err != nil {
		return err
	}

	// 6. Revoke.
	d.step(6, "Revoke the token")
	d.say("Logging out posts the refresh token to the revocation endpoint (RFC 7009):")
	if err := cfg.Revoke(ctx, after.RefreshToken, oauth.RefreshTokenHint); err != nil {
		return err
	}
	d.say("That ends the pair: Doorkeeper keeps both tokens in one row.")
	d.say("The revoked access token, sent as it is (no refresh):")
	static, err := factorial.NewClient(d.clientOptions(
		factorial.WithRequestEditor(func(_ context.Context, req *http.Request) error {
			req.Header.Set("Authorization", "Bearer "+after.AccessToken)
			return nil
		}))...)
	if err != nil {
		return err
	}
	_, err = whoAmI(ctx, static, d.version)
	var fe *factorial.Error
	if !errors.As(err, &fe) || fe.StatusCode != http.StatusUnauthorized {
		return fmt.Errorf("the revoked token was not refused: %v", err)
	}
	d.say("  refused: %d %s (%s)", fe.StatusCode, http.StatusText(fe.StatusCode), challengeDescription(fe.Header))

	if err := d.runDated(ctx, cfg); err != nil {
		return err
	}

	if d.version == apiV1 {
		fmt.Fprintln(d.w, "\nDone: the whole guide ran against the sandbox, on v1 (steps 4 to 6) and on the current API. Next:")
	} else {
		fmt.Fprintln(d.w, "\nDone: the whole guide ran against the sandbox, on the current API. Next:")
	}
	fmt.Fprintln(d.w, "  go run ./cmd/factorial sandbox      # keep a sandbox running, with credentials to try")
	fmt.Fprintln(d.w, "  go run ./cmd/factorial auth login   # the same flow with your browser")
	return nil
}

var (
	consentAppRE  = regexp.MustCompile(`<strong id="application">([^<]*)</strong>`)
	consentUserRE = regexp.MustCompile(`<span id="user">([^<]*)</span>`)
)

// consent plays the browser: open the consent page, then submit its
// Authorize form, following the redirect to the callback.
func (d *demo) consent(ctx context.Context, authorizeURL string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, authorizeURL, nil)
	if err != nil {
		return err
	}
	resp, err := d.traced.Do(req)
	if err != nil {
		return err
	}
	page, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("the authorize page answered %s", resp.Status)
	}
	app, user := "?", "?"
	if m := consentAppRE.FindSubmatch(page); m != nil {
		app = html.UnescapeString(string(m[1]))
	}
	if m := consentUserRE.FindSubmatch(page); m != nil {
		user = html.UnescapeString(string(m[1]))
	}
	d.say("Consent page: \"Authorize %s to use the account of %s?\" [Authorize] [Deny]", app, user)
	form, err := factorialtest.ConsentForm(string(page))
	if err != nil {
		return err
	}
	d.say("Clicking Authorize posts the form; the server redirects to the redirect URI:")
	post, err := http.NewRequestWithContext(ctx, http.MethodPost, d.base+"/oauth/authorize", strings.NewReader(form.Encode()))
	if err != nil {
		return err
	}
	post.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	resp, err = d.traced.Do(post)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("the callback answered %s", resp.Status)
	}
	return nil
}
