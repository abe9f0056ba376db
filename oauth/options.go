package oauth

import (
	"log/slog"
	"net/http"
	"slices"
	"time"
)

// Option configures New.
type Option func(*options)

type options struct {
	baseURL    string
	scopes     []string
	basicAuth  bool
	pkce       bool
	httpClient *http.Client
	logger     *slog.Logger
	now        func() time.Time
}

func defaultOptions() options {
	return options{
		baseURL: ProductionURL,
		// Factorial's v1 scopes; sent space-delimited ("read write"), which
		// is how Doorkeeper splits them (its docs' "read,write" is a slip).
		scopes: LegacyScopes(),
		pkce:   true,
		// Token calls must not hang forever; http.DefaultClient has no
		// timeout.
		httpClient: &http.Client{Timeout: 30 * time.Second},
		logger:     slog.New(slog.DiscardHandler),
		now:        time.Now,
	}
}

// WithBaseURL selects the environment: ProductionURL (the default), DemoURL
// or any other base URL. It must be https, except on loopback.
func WithBaseURL(u string) Option { return func(o *options) { o.baseURL = u } }

// WithScopes replaces the scopes every authorization requests (default
// LegacyScopes: read and write, the v1 API's). Pass the Scope constants,
// for the dated API the granular ones the program needs:
//
//	oauth.WithScopes(oauth.ScopeEmployees, oauth.ScopeTimeOff)
//
// They are sent space-separated in the authorize URL's scope parameter. An
// element may itself hold space-separated scopes ("employees time_off");
// duplicates are dropped, and a comma-separated list makes New fail, since
// Factorial would reject it as one unknown scope. With no scopes at all the
// URL carries no scope parameter and the server grants its defaults.
// AuthScopes overrides the scopes for one authorization.
func WithScopes(scopes ...string) Option {
	return func(o *options) { o.scopes = slices.Clone(scopes) }
}

// WithBasicAuth sends the client credentials with HTTP Basic instead of in
// the form body. Factorial documents form credentials; Doorkeeper accepts
// both.
func WithBasicAuth() Option { return func(o *options) { o.basicAuth = true } }

// WithoutPKCE leaves PKCE out of authorizations, for servers that reject
// it. PKCE (S256) is on by default: it protects the code even if the
// redirect leaks.
func WithoutPKCE() Option { return func(o *options) { o.pkce = false } }

// WithHTTPClient sets the client for token, revoke and token-info calls
// (default: a client with a 30 s timeout). Its Transport is used as is;
// nil restores the default.
func WithHTTPClient(hc *http.Client) Option {
	return func(o *options) {
		if hc != nil {
			o.httpClient = hc
		}
	}
}

// WithLogger sets the logger for token lifecycle events. Nothing secret is
// ever logged. The default discards.
func WithLogger(l *slog.Logger) Option {
	return func(o *options) {
		if l != nil {
			o.logger = l
		}
	}
}

// WithClock replaces time.Now for expiry decisions, so tests can move time
// (factorialtest.Server.Now fits).
func WithClock(now func() time.Time) Option {
	return func(o *options) {
		if now != nil {
			o.now = now
		}
	}
}
