package main

//lint:file-ignore SA1019 the CLI still speaks v1 when asked (--api v1, the v1 half of the demo)

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/oauth"
)

const authUsage = `Usage: factorial auth SUBCOMMAND [flags]

Subcommands:
  login    log in through the browser (loopback redirect) or by pasting the code (--oob)
  status   who the credentials act as, the scopes and the token's expiry
  refresh  refresh the stored token now (Factorial rotates the refresh token)
  logout   revoke the stored token, then delete it

Run 'factorial help auth' or 'factorial auth SUBCOMMAND -h' for details.

` + loginUsage + `
Usage: factorial auth status [--api VERSION]
  Asks the API who the credentials act as, with the API key or the stored
  login (refreshing it if it expired), and prints that, the scopes and the
  expiry. Never the token. The dated API's GET
  /api/VERSION/resources/api_public/credentials by default; --api v1 calls
  the legacy GET /api/v1/me.

Usage: factorial auth refresh
  Spends the refresh token for a new pair and saves it before anything else.

Usage: factorial auth logout
  Revokes the stored token (POST /oauth/revoke; in Factorial revoking either
  token of a pair ends both) and deletes the token file.
`

func runAuth(ctx context.Context, a *app, g *globals, args []string) error {
	if len(args) == 0 {
		fmt.Fprint(a.stderr, authUsage)
		return usagef("auth: missing subcommand (login, status, refresh or logout)")
	}
	sub, rest := args[0], args[1:]
	switch sub {
	case "login":
		return runLogin(ctx, a, g, rest)
	case "status":
		return runStatus(ctx, a, g, rest)
	case "refresh":
		return runRefresh(ctx, a, g, rest)
	case "logout":
		return runLogout(ctx, a, g, rest)
	case "-h", "--help", "help":
		fmt.Fprint(a.stdout, authUsage+"\n"+globalsHelp)
		return nil
	}
	return usagef("auth: unknown subcommand %q (login, status, refresh or logout)", sub)
}

// parseSimple parses a subcommand that has only the global flags.
func parseSimple(a *app, g *globals, name, usage string, args []string) (*settings, error) {
	fs := newFlagSet(name, g)
	rest, err := parseFlags(fs, args)
	if err != nil {
		return nil, helpOrErr(err, a.stdout, usage)
	}
	if err := noArgs(name, rest); err != nil {
		return nil, err
	}
	return a.resolve(g)
}

func runStatus(ctx context.Context, a *app, g *globals, args []string) error {
	fs := newFlagSet("auth status", g)
	var apiFlag string
	fs.StringVar(&apiFlag, "api", "", "")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return helpOrErr(err, a.stdout, authUsage)
	}
	if err := noArgs("auth status", rest); err != nil {
		return err
	}
	version, err := parseAPIVersion(apiFlag)
	if err != nil {
		return err
	}
	s, err := a.resolve(g)
	if err != nil {
		return err
	}
	s.apiVersion = version
	sess, err := a.session(ctx, s)
	if err != nil {
		return err
	}
	who, err := whoAmI(ctx, sess.client, version)
	if err != nil {
		return err
	}
	if sess.apiKey {
		fmt.Fprintf(a.stdout, "Authenticated to %s with an API key (x-api-key) as %s.\n", s.describe(), who)
		fmt.Fprintln(a.stdout, "  API keys have full company access and do not expire.")
		return nil
	}
	// The call may have refreshed the token: report what is stored now.
	tok, err := sess.store.Load(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Logged in to %s as %s.\n", s.describe(), who)
	fmt.Fprintf(a.stdout, "  Scopes:      %s\n", scopeList(tok.Scopes))
	fmt.Fprintf(a.stdout, "  Expires:     %s\n", describeExpiry(tok.Expiry, time.Now()))
	if tok.RefreshToken != "" {
		fmt.Fprintf(a.stdout, "  Refresh:     refresh token stored (fingerprint %s); refreshed automatically\n", fingerprint(tok.RefreshToken))
	} else {
		fmt.Fprintln(a.stdout, "  Refresh:     no refresh token; log in again when the token expires")
	}
	fmt.Fprintf(a.stdout, "  Token file:  %s\n", sess.store.Path())
	return nil
}

func runRefresh(ctx context.Context, a *app, g *globals, args []string) error {
	s, err := parseSimple(a, g, "auth refresh", authUsage, args)
	if err != nil {
		return err
	}
	sess, err := a.loginSession(ctx, s)
	if err != nil {
		return err
	}
	before, err := sess.store.Load(ctx)
	if err != nil {
		return err
	}
	// RefreshIfStale with the current access token forces a refresh (and
	// adopts a newer token if another process already refreshed).
	if _, err := sess.ts.RefreshIfStale(ctx, before.AccessToken); err != nil {
		return err
	}
	after, err := sess.store.Load(ctx)
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Refreshed the login to %s (POST /oauth/token, grant_type=refresh_token).\n", s.describe())
	fmt.Fprintf(a.stdout, "  The new access token expires %s.\n", describeExpiry(after.Expiry, time.Now()))
	if before.RefreshToken != after.RefreshToken {
		fmt.Fprintf(a.stdout, "  Refresh token rotated: %s -> %s, saved to %s.\n",
			fingerprint(before.RefreshToken), fingerprint(after.RefreshToken), sess.store.Path())
	} else {
		fmt.Fprintf(a.stdout, "  Refresh token unchanged (%s).\n", fingerprint(after.RefreshToken))
	}
	return nil
}

func runLogout(ctx context.Context, a *app, g *globals, args []string) error {
	s, err := parseSimple(a, g, "auth logout", authUsage, args)
	if err != nil {
		return err
	}
	store, err := a.tokenStore(s)
	if err != nil {
		return err
	}
	tok, err := store.Load(ctx)
	if errors.Is(err, oauth.ErrNoToken) {
		fmt.Fprintf(a.stdout, "Not logged in to %s; nothing to do.\n", s.describe())
		return nil
	}
	if err != nil {
		return err
	}
	cfg, err := a.oauthConfig(s, oauth.OOBRedirectURI)
	if err != nil {
		return err
	}
	unlock, err := store.Lock(ctx)
	if err != nil {
		return err
	}
	defer unlock()
	// Revoking the refresh token ends the pair; an access token alone is
	// all there is to revoke without one.
	token, hint := tok.RefreshToken, oauth.RefreshTokenHint
	if token == "" {
		token, hint = tok.AccessToken, oauth.AccessTokenHint
	}
	if err := cfg.Revoke(ctx, token, hint); err != nil {
		return fmt.Errorf("could not revoke the token, so it stays in %s (run logout again): %w", store.Path(), err)
	}
	if err := os.Remove(store.Path()); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return fmt.Errorf("the token was revoked but its file could not be deleted: %w", err)
	}
	fmt.Fprintf(a.stdout, "Revoked the token (POST /oauth/revoke) and deleted %s.\n", store.Path())
	fmt.Fprintf(a.stdout, "Logged out of %s.\n", s.describe())
	return nil
}

// whoAmI describes who the client's credentials act as, asking the API
// the command speaks: the dated API's api_public/credentials, or v1's
// /api/v1/me for version "v1".
func whoAmI(ctx context.Context, c *factorial.Client, version string) (string, error) {
	if version == apiV1 {
		me, err := c.V1.Credentials.GetMe(ctx)
		if err != nil {
			return "", err
		}
		return describeAccess(me), nil
	}
	creds, err := c.Credentials.List(ctx, nil)
	if err != nil {
		return "", err
	}
	if len(creds) == 0 {
		return "", errors.New("GET api_public/credentials answered an empty list: the API did not say who the credentials are")
	}
	return describeCredential(creds[0]), nil
}

// whoAmIPath is the request whoAmI makes, for messages.
func whoAmIPath(version string) string {
	if version == apiV1 {
		return "GET /api/v1/me"
	}
	return "GET /api/" + version + "/resources/api_public/credentials"
}
