package main

//lint:file-ignore SA1019 the CLI still speaks v1 when asked (--api v1, the v1 half of the demo)

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/oauth"
)

const loginUsage = `Usage: factorial auth login [--oob] [--no-browser] [--port N] [--scopes "read write"] [--timeout 5m] [--api VERSION]

Log in with OAuth's authorization-code flow, with state and PKCE (S256).

By default the CLI listens on http://127.0.0.1:PORT/callback (a random port,
or --port) and Factorial redirects the browser there after you click
Authorize. Register that redirect URI in your OAuth application (with a fixed
--port if your server compares ports).

With --oob the redirect URI is urn:ietf:wg:oauth:2.0:oob, as in the guide's
sandbox section: Factorial shows the code on a page, and you paste the code,
or the URL of that page, at the prompt.

The authorize URL is always printed; it is also opened in your browser
($BROWSER, xdg-open, open or rundll32) unless --no-browser. The token is
stored in the config directory, readable only by you, and never printed.

Flags:
  --oob            paste the code instead of listening for the redirect
  --no-browser     do not open a browser; just print the URL
  --port N         loopback port for the redirect (default 0: any free port)
  --scopes LIST    scopes to request, space-separated (default "read write")
  --timeout D      how long to wait for the authorization (default 5m)
  --api VERSION    the API asked who you are once logged in: a dated API
                   version (default ` + factorial.DefaultAPIVersion + `, its api_public/credentials)
                   or v1 (GET /api/v1/me)
`

type loginFlags struct {
	oob       bool
	noBrowser bool
	port      int
	scopes    string
	timeout   time.Duration
	api       string
}

func runLogin(ctx context.Context, a *app, g *globals, args []string) error {
	lf := loginFlags{timeout: 5 * time.Minute}
	fs := newFlagSet("auth login", g)
	fs.BoolVar(&lf.oob, "oob", false, "")
	fs.BoolVar(&lf.noBrowser, "no-browser", false, "")
	fs.IntVar(&lf.port, "port", 0, "")
	fs.StringVar(&lf.scopes, "scopes", "", "")
	fs.DurationVar(&lf.timeout, "timeout", lf.timeout, "")
	fs.StringVar(&lf.api, "api", "", "")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return helpOrErr(err, a.stdout, loginUsage)
	}
	if err := noArgs("auth login", rest); err != nil {
		return err
	}
	if lf.timeout <= 0 {
		return usagef("--timeout must be positive")
	}
	if lf.oob && lf.port != 0 {
		return usagef("--port has no use with --oob")
	}
	version, err := parseAPIVersion(lf.api)
	if err != nil {
		return err
	}
	s, err := a.resolve(g)
	if err != nil {
		return err
	}
	s.apiVersion = version
	var opts []oauth.Option
	if scopes := strings.Fields(lf.scopes); len(scopes) > 0 {
		opts = append(opts, oauth.WithScopes(scopes...))
	}
	// Fail on credentials and the token directory before the browser dance.
	if _, err := a.oauthConfig(s, oauth.OOBRedirectURI, opts...); err != nil {
		return err
	}
	store, err := a.tokenStore(s)
	if err != nil {
		return err
	}

	var (
		cfg *oauth.Config
		tok *oauth.Token
	)
	if lf.oob {
		cfg, tok, err = a.loginOOB(ctx, s, lf, opts)
	} else {
		cfg, tok, err = a.loginLoopback(ctx, s, lf, opts)
	}
	if err != nil {
		return err
	}
	if err := saveToken(ctx, store, tok); err != nil {
		return err
	}

	sess, err := a.tokenSession(ctx, s, cfg, store)
	if err != nil {
		return err
	}
	who, err := whoAmI(ctx, sess.client, version)
	if err != nil {
		return fmt.Errorf("logged in, but %s failed: %w", whoAmIPath(version), err)
	}
	fmt.Fprintf(a.stdout, "Logged in to %s as %s.\n", s.describe(), who)
	fmt.Fprintf(a.stdout, "Scopes: %s; the access token expires %s.\n", scopeList(tok.Scopes), describeExpiry(tok.Expiry, time.Now()))
	fmt.Fprintf(a.stdout, "Token saved to %s (readable only by you).\n", store.Path())
	return nil
}

// loginLoopback runs the flow with a redirect to a loopback listener.
func (a *app) loginLoopback(ctx context.Context, s *settings, lf loginFlags, opts []oauth.Option) (*oauth.Config, *oauth.Token, error) {
	cb, err := listenCallback(lf.port)
	if err != nil {
		return nil, nil, err
	}
	defer cb.close()
	cfg, err := a.oauthConfig(s, cb.redirectURI, opts...)
	if err != nil {
		return nil, nil, err
	}
	auth, err := cfg.Authorize()
	if err != nil {
		return nil, nil, err
	}
	cb.serve(auth)

	fmt.Fprintf(a.stderr, "Logging in to %s with OAuth application %s.\n", s.describe(), s.clientID)
	fmt.Fprintf(a.stderr, "Open this URL in your browser and click Authorize:\n\n  %s\n\n", auth.URL)
	a.maybeOpen(ctx, lf.noBrowser, auth.URL)
	fmt.Fprintf(a.stderr, "Waiting for the redirect to %s (Ctrl-C to cancel)...\n", cb.redirectURI)

	waitCtx, cancel := context.WithTimeout(ctx, lf.timeout)
	defer cancel()
	code, err := cb.wait(waitCtx)
	if err != nil {
		return nil, nil, waitError(ctx, err, lf.timeout)
	}
	fmt.Fprintln(a.stderr, "Authorization received; exchanging the code for a token (POST /oauth/token).")
	tok, err := cfg.Exchange(ctx, code, auth)
	if err != nil {
		return nil, nil, fmt.Errorf("exchange the authorization code: %w", err)
	}
	return cfg, tok, nil
}

// loginOOB runs the flow with the out-of-band redirect: the user pastes
// the code Factorial shows.
func (a *app) loginOOB(ctx context.Context, s *settings, lf loginFlags, opts []oauth.Option) (*oauth.Config, *oauth.Token, error) {
	cfg, err := a.oauthConfig(s, oauth.OOBRedirectURI, opts...)
	if err != nil {
		return nil, nil, err
	}
	auth, err := cfg.Authorize()
	if err != nil {
		return nil, nil, err
	}
	fmt.Fprintf(a.stderr, "Logging in to %s with OAuth application %s.\n", s.describe(), s.clientID)
	fmt.Fprintf(a.stderr, "Open this URL in your browser and click Authorize:\n\n  %s\n\n", auth.URL)
	a.maybeOpen(ctx, lf.noBrowser, auth.URL)
	fmt.Fprint(a.stderr, "Then paste the code Factorial shows (or the URL of that page): ")

	waitCtx, cancel := context.WithTimeout(ctx, lf.timeout)
	defer cancel()
	line, err := readLine(waitCtx, a.stdin)
	if err != nil {
		return nil, nil, waitError(ctx, err, lf.timeout)
	}
	code, err := oauth.ParseCode(line)
	if err != nil {
		var oe *oauth.Error
		if errors.As(err, &oe) {
			return nil, nil, fmt.Errorf("the pasted page reports an error: %w", err)
		}
		return nil, nil, usagef("that is not an authorization code: %v", err)
	}
	fmt.Fprintln(a.stderr, "Exchanging the code for a token (POST /oauth/token).")
	tok, err := cfg.Exchange(ctx, code, auth)
	if err != nil {
		return nil, nil, fmt.Errorf("exchange the authorization code: %w", err)
	}
	return cfg, tok, nil
}

func (a *app) maybeOpen(ctx context.Context, noBrowser bool, url string) {
	if noBrowser {
		return
	}
	if err := a.openURL(ctx, url); err != nil {
		fmt.Fprintf(a.stderr, "(Could not open a browser: %v. Open the URL yourself.)\n", err)
	}
}

// waitError explains why the wait for the user ended.
func waitError(parent context.Context, err error, timeout time.Duration) error {
	if errors.Is(err, context.DeadlineExceeded) && parent.Err() == nil {
		return fmt.Errorf("no authorization arrived within %s; run factorial auth login again", timeout)
	}
	return err
}

// readLine reads one line from r, giving up when ctx ends.
func readLine(ctx context.Context, r io.Reader) (string, error) {
	type result struct {
		line string
		err  error
	}
	ch := make(chan result, 1)
	go func() {
		line, err := bufio.NewReader(r).ReadString('\n')
		if errors.Is(err, io.EOF) && strings.TrimSpace(line) != "" {
			err = nil
		}
		ch <- result{line, err}
	}()
	select {
	case res := <-ch:
		if errors.Is(res.err, io.EOF) {
			return "", usagef("no code entered")
		}
		return res.line, res.err
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// saveToken stores a new login under the store's lock, so a process
// refreshing the previous login cannot overwrite it.
func saveToken(ctx context.Context, store *oauth.FileStore, tok *oauth.Token) error {
	unlock, err := store.Lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	return store.Save(ctx, tok)
}
