package oauth

import (
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"slices"

	"golang.org/x/oauth2"
)

// Authorization is one started authorization: the URL to open and the
// secrets needed to finish it (the state that ties the callback to this
// request, and the PKCE verifier the code exchange must prove). Keep it
// until the callback arrives; State and Verifier let a web application put
// it in a server-side session and ResumeAuthorization rebuild it.
//
// Printing or logging an Authorization shows neither secret.
type Authorization struct {
	// URL is the authorize URL to open in the user's browser.
	URL string

	state       string
	verifier    string
	redirectURI string
}

// AuthOption adjusts one authorization.
type AuthOption func(*authOptions)

type authOptions struct {
	redirectURI string
	scopes      []string
	scopesSet   bool
	params      [][2]string
}

// AuthRedirectURI overrides the redirect URI for this authorization, for a
// CLI that listens on a loopback port chosen at run time. Exchange reuses
// it, since the token request must repeat it exactly.
func AuthRedirectURI(uri string) AuthOption {
	return func(o *authOptions) { o.redirectURI = uri }
}

// AuthParam adds a query parameter to the authorize URL, for parameters
// this package has no option for. It is applied last, so it overrides
// what the other options set (scope included).
func AuthParam(key, value string) AuthOption {
	return func(o *authOptions) { o.params = append(o.params, [2]string{key, value}) }
}

// AuthScopes requests these scopes in this authorization instead of the
// Config's (WithScopes), with the same rules: Scope constants, sent
// space-separated, no commas. With no scopes the URL carries no scope
// parameter and the server grants its defaults.
func AuthScopes(scopes ...string) AuthOption {
	return func(o *authOptions) {
		o.scopes = slices.Clone(scopes)
		o.scopesSet = true
	}
}

// CompanyToken asks for a company token (resource_owner_type=company): a
// token that acts for the company rather than for the user who approves
// it, within the scopes requested. Factorial's company tokens never expire
// and come without a refresh token (the token's Expiry is zero), so they
// stay valid until revoked (Revoke) or until the application's scopes
// change. TokenSource hands such a token out as is and never tries to
// refresh it; if the server rejects it, it reports a *TokenRejectedError
// and a new authorization is needed. User tokens, the default, last an
// hour and are refreshed.
func CompanyToken() AuthOption {
	return AuthParam("resource_owner_type", "company")
}

// Authorize starts an authorization: a fresh random state and, unless
// WithoutPKCE, a PKCE S256 verifier whose challenge goes in the URL.
func (c *Config) Authorize(opts ...AuthOption) (*Authorization, error) {
	o := authOptions{redirectURI: c.redirectURI}
	for _, opt := range opts {
		opt(&o)
	}
	if o.redirectURI == "" {
		return nil, errors.New("oauth: empty redirect URI")
	}
	// A copy of the x/oauth2 config, so one authorization can ask for
	// other scopes without touching the shared Config.
	o2 := c.o2
	if o.scopesSet {
		scopes, err := normalizeScopes(o.scopes)
		if err != nil {
			return nil, err
		}
		o2.Scopes = scopes
	}
	a := &Authorization{
		// 128+ bits from crypto/rand; it never fails (it panics instead).
		state:       rand.Text(),
		redirectURI: o.redirectURI,
	}
	params := []oauth2.AuthCodeOption{oauth2.SetAuthURLParam("redirect_uri", o.redirectURI)}
	if c.pkce {
		a.verifier = oauth2.GenerateVerifier()
		params = append(params, oauth2.S256ChallengeOption(a.verifier))
	}
	for _, p := range o.params {
		params = append(params, oauth2.SetAuthURLParam(p[0], p[1]))
	}
	a.URL = o2.AuthCodeURL(a.state, params...)
	return a, nil
}

// ResumeAuthorization rebuilds an Authorization saved through State,
// Verifier and RedirectURI (verifier is "" without PKCE).
func ResumeAuthorization(state, verifier, redirectURI string) *Authorization {
	return &Authorization{state: state, verifier: verifier, redirectURI: redirectURI}
}

// State returns the state parameter. It is a secret until the callback.
func (a *Authorization) State() string { return a.state }

// Verifier returns the PKCE verifier ("" without PKCE). It is a secret.
func (a *Authorization) Verifier() string { return a.verifier }

// RedirectURI returns the redirect URI this authorization used.
func (a *Authorization) RedirectURI() string { return a.redirectURI }

// Callback checks the query of the redirect to the callback URL and
// returns the authorization code. The state is compared in constant time;
// an error redirect (the user denied, say) becomes an *Error with the
// server's error and error_description.
func (a *Authorization) Callback(query url.Values) (string, error) {
	if a.state == "" {
		// Accepting an empty state would make the check pass for any
		// request that omits it.
		return "", errors.New("oauth: authorization has no state to check the callback against")
	}
	if subtle.ConstantTimeCompare([]byte(query.Get("state")), []byte(a.state)) != 1 {
		return "", ErrStateMismatch
	}
	if code := query.Get("error"); code != "" {
		return "", &Error{Op: "authorize", Code: sanitize(code), Description: sanitize(query.Get("error_description"))}
	}
	code := query.Get("code")
	if code == "" {
		return "", fmt.Errorf("%w: the callback carries no code", ErrInvalidCode)
	}
	return code, nil
}

const redacted = "[REDACTED]"

// String shows the authorization without its secrets. The redaction
// methods have value receivers so that printing a dereferenced value is
// covered too.
func (a Authorization) String() string {
	return fmt.Sprintf("oauth.Authorization{redirect: %s, state: %s, verifier: %s}", a.redirectURI, redacted, redacted)
}

// GoString keeps %#v from printing the unexported secrets.
func (a Authorization) GoString() string { return a.String() }

// Format applies String to every verb (%v, %+v, %#v, %s, %q), so no
// formatting path reaches the fields.
func (a Authorization) Format(f fmt.State, verb rune) {
	if verb == 'q' {
		fmt.Fprintf(f, "%q", a.String())
		return
	}
	_, _ = f.Write([]byte(a.String()))
}

// LogValue keeps slog from printing the secrets.
func (a Authorization) LogValue() slog.Value {
	return slog.GroupValue(slog.String("redirect_uri", a.redirectURI), slog.String("state", redacted), slog.String("verifier", redacted))
}
