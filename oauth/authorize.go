package oauth

import (
	"crypto/rand"
	"crypto/subtle"
	"errors"
	"fmt"
	"log/slog"
	"net/url"

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
	params      [][2]string
}

// AuthRedirectURI overrides the redirect URI for this authorization, for a
// CLI that listens on a loopback port chosen at run time. Exchange reuses
// it, since the token request must repeat it exactly.
func AuthRedirectURI(uri string) AuthOption {
	return func(o *authOptions) { o.redirectURI = uri }
}

// AuthParam adds a query parameter to the authorize URL (for example
// resource_owner_type=company for a company token).
func AuthParam(key, value string) AuthOption {
	return func(o *authOptions) { o.params = append(o.params, [2]string{key, value}) }
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
	a.URL = c.o2.AuthCodeURL(a.state, params...)
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
