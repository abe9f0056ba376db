package oauth

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"golang.org/x/oauth2"

	"github.com/factorial-go/factorial/internal/loopback"
)

// Factorial environments, usable with WithBaseURL. The OAuth endpoints live
// at the host root (/oauth/...), not under /api. They are the hosts of
// package factorial's constants of the same names.
const (
	ProductionURL = "https://api.factorialhr.com"
	// DemoURL is Factorial's demo environment.
	DemoURL = "https://api.eu2.demo.factorial.dev"
	// OldDemoURL is the previous demo host.
	//
	// Deprecated: Factorial marks it deprecated; use DemoURL.
	OldDemoURL = "https://api.demo.factorial.dev"
	// V1DemoURL is the demo host of the v1 API.
	V1DemoURL = "https://api.demo.factorialhr.com"
)

// OOBRedirectURI is the out-of-band redirect URI: Factorial shows the code
// on a page for the user to paste (see ParseCode) instead of redirecting.
const OOBRedirectURI = "urn:ietf:wg:oauth:2.0:oob"

// Config is a registered Factorial OAuth application. It is immutable after
// New and safe for concurrent use.
type Config struct {
	clientID     string
	clientSecret string
	redirectURI  string
	scopes       []string
	base         string
	basicAuth    bool
	pkce         bool
	httpClient   *http.Client // for revoke and token info
	tokenClient  *http.Client // httpClient plus Date-header capture, for x/oauth2
	logger       *slog.Logger
	now          func() time.Time
	o2           oauth2.Config
}

// Endpoint lists the OAuth URLs derived from the base URL.
type Endpoint struct {
	AuthURL   string // base + /oauth/authorize
	TokenURL  string // base + /oauth/token
	RevokeURL string // base + /oauth/revoke
	InfoURL   string // base + /oauth/token/info
}

// New configures an application from the credentials Factorial's OAuth
// applications page shows. redirectURI must be the one registered there
// (OOBRedirectURI for copy-and-paste logins); Factorial compares it
// literally at the token endpoint.
func New(clientID, clientSecret, redirectURI string, opts ...Option) (*Config, error) {
	o := defaultOptions()
	for _, opt := range opts {
		opt(&o)
	}
	if clientID == "" {
		return nil, errors.New("oauth: empty client id")
	}
	if redirectURI == "" {
		return nil, errors.New("oauth: empty redirect URI")
	}
	base, err := checkBaseURL(o.baseURL)
	if err != nil {
		return nil, err
	}
	scopes, err := normalizeScopes(o.scopes)
	if err != nil {
		return nil, err
	}
	if o.basicAuth && (url.QueryEscape(clientID) != clientID || url.QueryEscape(clientSecret) != clientSecret) {
		// x/oauth2 URL-escapes Basic credentials (RFC 6749 section 2.3.1)
		// and Doorkeeper does not unescape them, so such a secret would
		// fail as invalid_client. Form credentials have no such problem.
		return nil, errors.New("oauth: client id or secret contains characters that break HTTP Basic with Doorkeeper; drop WithBasicAuth")
	}
	c := &Config{
		clientID:     clientID,
		clientSecret: clientSecret,
		redirectURI:  redirectURI,
		scopes:       scopes,
		base:         base,
		basicAuth:    o.basicAuth,
		pkce:         o.pkce,
		httpClient:   o.httpClient,
		logger:       o.logger,
		now:          o.now,
	}
	c.tokenClient = withDateCapture(c.httpClient, c.now)
	// Set the auth style explicitly: the zero value (auto-detect) tries
	// Basic, and on any error retries with form credentials, which sends a
	// single-use code or rotating refresh token twice.
	style := oauth2.AuthStyleInParams
	if c.basicAuth {
		style = oauth2.AuthStyleInHeader
	}
	ep := c.Endpoint()
	c.o2 = oauth2.Config{
		ClientID:     clientID,
		ClientSecret: clientSecret,
		Endpoint:     oauth2.Endpoint{AuthURL: ep.AuthURL, TokenURL: ep.TokenURL, AuthStyle: style},
		RedirectURL:  redirectURI,
		Scopes:       c.scopes,
	}
	return c, nil
}

// Endpoint returns the OAuth URLs of the configured environment.
func (c *Config) Endpoint() Endpoint {
	return Endpoint{
		AuthURL:   c.base + "/oauth/authorize",
		TokenURL:  c.base + "/oauth/token",
		RevokeURL: c.base + "/oauth/revoke",
		InfoURL:   c.base + "/oauth/token/info",
	}
}

// ClientID returns the application's client id.
func (c *Config) ClientID() string { return c.clientID }

// Scopes returns the scopes authorizations request (see WithScopes), as
// they are sent.
func (c *Config) Scopes() []string { return slices.Clone(c.scopes) }

// checkBaseURL accepts https URLs, and http only on loopback so a token is
// never sent in clear text over a network. It returns the URL without a
// trailing slash.
func checkBaseURL(raw string) (string, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return "", fmt.Errorf("oauth: base URL: %w", err)
	}
	if u.Host == "" || u.Opaque != "" {
		return "", fmt.Errorf("oauth: base URL %q has no host", raw)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", fmt.Errorf("oauth: base URL must not carry credentials, a query or a fragment")
	}
	switch u.Scheme {
	case "https":
	case "http":
		if !loopback.Host(u.Hostname()) {
			return "", &InsecureURLError{URL: raw}
		}
	default:
		return "", fmt.Errorf("oauth: base URL %q: scheme must be https", raw)
	}
	return strings.TrimSuffix(u.String(), "/"), nil
}
