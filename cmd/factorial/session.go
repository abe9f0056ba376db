package main

import (
	"context"
	"errors"
	"log/slog"
	"net/http"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/oauth"
)

// userAgent names the CLI and keeps the library's own User-Agent in it.
const userAgent = "factorial-cli/" + factorial.Version + " " + factorial.DefaultUserAgent

// logger logs to stderr: warnings by default, every request with --debug.
// The packages below never log a credential.
func (a *app) logger(s *settings) *slog.Logger {
	level := slog.LevelWarn
	if s.debug {
		level = slog.LevelDebug
	}
	return slog.New(slog.NewTextHandler(a.stderr, &slog.HandlerOptions{
		Level: level,
		ReplaceAttr: func(groups []string, attr slog.Attr) slog.Attr {
			if len(groups) == 0 && attr.Key == slog.TimeKey {
				return slog.Attr{} // a terminal does not need timestamps
			}
			return attr
		},
	}))
}

// oauthLogger is quieter than logger unless --debug: a failed refresh is
// reported once, by the command, not also as a warning.
func (a *app) oauthLogger(s *settings) *slog.Logger {
	if s.debug {
		return a.logger(s)
	}
	return slog.New(slog.DiscardHandler)
}

// oauthConfig is the OAuth application of s. The client id and secret are
// required: Factorial's token endpoint authenticates the client on every
// exchange, refresh and revocation.
func (a *app) oauthConfig(s *settings, redirectURI string, opts ...oauth.Option) (*oauth.Config, error) {
	if s.clientID == "" || s.clientSecret == "" {
		missing := "FACTORIAL_CLIENT_ID and FACTORIAL_CLIENT_SECRET"
		switch {
		case s.clientID != "":
			missing = "FACTORIAL_CLIENT_SECRET"
		case s.clientSecret != "":
			missing = "FACTORIAL_CLIENT_ID"
		}
		return nil, &credentialsError{msg: "missing OAuth client credentials: set " + missing + " (or --client-id/--client-secret), from your OAuth application's page in Factorial"}
	}
	opts = append([]oauth.Option{oauth.WithBaseURL(s.baseURL), oauth.WithLogger(a.oauthLogger(s))}, opts...)
	return oauth.New(s.clientID, s.clientSecret, redirectURI, opts...)
}

// tokenStore opens the environment's token file.
func (a *app) tokenStore(s *settings) (*oauth.FileStore, error) {
	return oauth.NewFileStore(s.tokenPath())
}

// session is what a command that calls the API works with.
type session struct {
	client *factorial.Client
	apiKey bool               // authenticated by API key rather than a login
	store  *oauth.FileStore   // nil with an API key
	ts     *oauth.TokenSource // nil with an API key
	cfg    *oauth.Config      // nil with an API key
}

// clientOptions are the options every API client of the CLI starts with.
// The transport keeps a copy of response bodies for --output json (see
// withBodyCopy and withPageCopies); the dated API's services call the
// command's --api version.
func (a *app) clientOptions(s *settings) []factorial.Option {
	opts := []factorial.Option{
		factorial.WithBaseURL(s.baseURL),
		factorial.WithTransport(bodyCopier{base: http.DefaultTransport}),
		factorial.WithLogger(a.logger(s)),
		factorial.WithUserAgent(userAgent),
	}
	if s.apiVersion != "" && s.apiVersion != apiV1 {
		opts = append(opts, factorial.WithAPIVersion(s.apiVersion))
	}
	return opts
}

// session builds an API client for s: the API key when there is one,
// otherwise the stored login, refreshed as needed. Missing credentials and
// sessionOn resolves the settings of the flags and the environment and
// opens a session on the API version given.
func (a *app) sessionOn(ctx context.Context, g *globals, version string) (*session, error) {
	s, err := a.resolve(g)
	if err != nil {
		return nil, err
	}
	s.apiVersion = version
	return a.session(ctx, s)
}

// a missing login are reported with their own exit codes.
func (a *app) session(ctx context.Context, s *settings) (*session, error) {
	if s.apiKey != "" {
		c, err := factorial.NewClient(append(a.clientOptions(s), factorial.WithAPIKey(s.apiKey))...)
		if err != nil {
			return nil, err
		}
		a.usedAPIKey = true
		return &session{client: c, apiKey: true}, nil
	}
	if s.clientID == "" && s.clientSecret == "" {
		return nil, &credentialsError{msg: "no credentials for " + s.describe() + ": set FACTORIAL_API_KEY, or FACTORIAL_CLIENT_ID and FACTORIAL_CLIENT_SECRET and run 'factorial auth login'"}
	}
	return a.loginSession(ctx, s)
}

// loginSession is session for the stored OAuth login only.
func (a *app) loginSession(ctx context.Context, s *settings) (*session, error) {
	cfg, err := a.oauthConfig(s, oauth.OOBRedirectURI)
	if err != nil {
		return nil, err
	}
	store, err := a.tokenStore(s)
	if err != nil {
		return nil, err
	}
	if _, err := store.Load(ctx); err != nil {
		if errors.Is(err, oauth.ErrNoToken) {
			return nil, &loginError{msg: "not logged in to " + s.describe()}
		}
		return nil, err
	}
	return a.tokenSession(ctx, s, cfg, store)
}

// tokenSession builds the client that uses (and refreshes) the token in
// store.
func (a *app) tokenSession(ctx context.Context, s *settings, cfg *oauth.Config, store *oauth.FileStore) (*session, error) {
	// A refresh is not cancelled with the command: Factorial rotates the
	// refresh token, and a refresh cut off after the server answered but
	// before the new pair was saved would lose the login. The HTTP client's
	// timeout still bounds it; ctx bounds only the wait for it.
	ts, err := oauth.NewTokenSource(cfg, store, oauth.WithBaseContext(context.WithoutCancel(ctx)))
	if err != nil {
		return nil, err
	}
	c, err := factorial.NewClient(append(a.clientOptions(s), factorial.WithTokenSource(ts))...)
	if err != nil {
		return nil, err
	}
	return &session{client: c, store: store, ts: ts, cfg: cfg}, nil
}
