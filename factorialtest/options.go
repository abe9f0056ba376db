package factorialtest

import (
	"testing"
	"time"
)

// Option configures a Server.
type Option func(*config)

type config struct {
	tb               testing.TB
	apps             []App
	users            []User
	apiKeys          map[string]int
	autoApprove      bool
	approver         int
	loopback         bool
	nativeCodeInPath bool
	lifetime         time.Duration
	refreshGrace     bool
	legacyStatuses   bool
	frozen           bool
	start            time.Time
}

func defaultConfig() config {
	return config{
		apps:     []App{defaultApp()},
		users:    defaultUsers(),
		apiKeys:  map[string]int{DefaultAPIKey: AdminUserID},
		approver: AdminUserID,
		// Doorkeeper's access_token_expires_in default, and the figure in
		// Factorial's token sample.
		lifetime: 7200 * time.Second,
	}
}

// WithTB reports spec violations through tb.Errorf and closes the server in
// tb.Cleanup. Without it violations are only answered 500 and recorded in
// Errors.
func WithTB(tb testing.TB) Option { return func(c *config) { c.tb = tb } }

// WithApp registers another application, or replaces the one with the same
// client id (the default application included).
func WithApp(app App) Option {
	return func(c *config) {
		for i := range c.apps {
			if c.apps[i].ClientID == app.ClientID {
				c.apps[i] = app
				return
			}
		}
		c.apps = append(c.apps, app)
	}
}

// WithUser adds a resource owner, or replaces the one with the same ID.
func WithUser(u User) Option {
	return func(c *config) {
		for i := range c.users {
			if c.users[i].ID == u.ID {
				c.users[i] = u
				return
			}
		}
		c.users = append(c.users, u)
	}
}

// WithAPIKey defines a company API key accepted in x-api-key; /api/v1/me
// answers with the user userID.
func WithAPIKey(key string, userID int) Option {
	return func(c *config) { c.apiKeys[key] = userID }
}

// WithAutoApprove skips the consent page: GET /oauth/authorize redirects
// with a code at once, for headless tests.
func WithAutoApprove() Option { return func(c *config) { c.autoApprove = true } }

// WithApprover chooses the user who approves authorizations (default the
// admin).
func WithApprover(userID int) Option { return func(c *config) { c.approver = userID } }

// WithLoopbackRedirects accepts any http://127.0.0.1, http://[::1] or
// http://localhost redirect URI, whatever the port and path, for every
// application: a CLI login listens on a port it picks at run time (RFC 8252
// section 7.3).
func WithLoopbackRedirects() Option { return func(c *config) { c.loopback = true } }

// WithNativeCodeInPath sends out-of-band approvals to /oauth/authorize/CODE
// instead of /oauth/authorize/native?code=CODE (Doorkeeper's
// use_url_path_for_native_authorization).
func WithNativeCodeInPath() Option { return func(c *config) { c.nativeCodeInPath = true } }

// WithAccessTokenLifetime sets expires_in for new tokens; 0 issues tokens
// that never expire. Default 7200 s.
func WithAccessTokenLifetime(d time.Duration) Option {
	return func(c *config) { c.lifetime = d }
}

// WithRefreshGrace keeps a rotated refresh token valid until the new access
// token is first used (Doorkeeper with a previous_refresh_token column).
// Without it the old token is revoked at once and reuse is invalid_grant,
// which is what catches a client that spends a refresh token twice.
func WithRefreshGrace() Option { return func(c *config) { c.refreshGrace = true } }

// WithLegacyErrorStatuses answers every OAuth error with 401, as Doorkeeper
// did before 5.1. By default invalid_client and unauthorized_client are 401
// and the other errors 400.
func WithLegacyErrorStatuses() Option { return func(c *config) { c.legacyStatuses = true } }

// WithFrozenClock starts the clock at start (the current time if zero) and
// moves it only through Advance. By default the clock follows real time,
// plus whatever Advance added.
func WithFrozenClock(start time.Time) Option {
	return func(c *config) {
		c.frozen = true
		c.start = start
	}
}
