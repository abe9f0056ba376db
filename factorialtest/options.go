package factorialtest

import (
	"net"
	"slices"
	"strings"
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
	clock            func() time.Time
	noDemoData       bool
	deleteNoContent  bool
	addr             string
	listener         net.Listener
	allowNonLoopback bool
	hookAttempts     int
	hookBackoff      time.Duration
}

func defaultConfig() config {
	return config{
		apps:     []App{defaultApp()},
		users:    defaultUsers(),
		apiKeys:  map[string]int{DefaultAPIKey: AdminUserID},
		approver: AdminUserID,
		// Doorkeeper's access_token_expires_in default, and the figure in
		// Factorial's token sample.
		lifetime:     7200 * time.Second,
		hookAttempts: 5,
		hookBackoff:  100 * time.Millisecond,
	}
}

// WithTB reports spec violations through tb.Error and closes the server in
// tb.Cleanup. Without it violations are only answered 500 and recorded in
// Errors, so the server also works outside tests (Start, examples).
func WithTB(tb testing.TB) Option { return func(c *config) { c.tb = tb } }

// WithApp registers another application, or replaces the one with the same
// client id (the default application included).
func WithApp(app App) Option {
	// NewServer copies RedirectURIs and Scopes; OptionalScopes is copied
	// here, so a caller changing its slice later does not change the
	// registration.
	app.OptionalScopes = slices.Clone(app.OptionalScopes)
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

// WithAppScopes registers the default application with exactly these
// scopes, as if they had been chosen when it was created on Factorial: an
// authorization without a scope parameter, IssueToken and Credentials get
// all of them, and any other scope is invalid_scope. An element may hold
// several space-separated scopes. Without this option the default
// application has read and write by default and every granular scope
// (GranularScopes) on request. WithApp for DefaultClientID given after
// this option replaces the application, scopes included.
func WithAppScopes(scopes ...string) Option {
	return func(c *config) {
		var list []string
		for _, s := range scopes {
			for _, f := range strings.Fields(s) {
				if !slices.Contains(list, f) {
					list = append(list, f)
				}
			}
		}
		// The default application is always registered: WithApp replaces
		// applications but never removes one.
		for i := range c.apps {
			if c.apps[i].ClientID == DefaultClientID {
				c.apps[i].Scopes, c.apps[i].OptionalScopes = list, nil
			}
		}
	}
}

// WithUser adds a resource owner, or replaces the one with the same ID. The
// user is a person of the sandbox company: the employee EmployeeID is
// created if the demo data has no such employee, and its name and email
// follow the user's (see AddUser to add one to a running server).
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

// WithAPIKey defines a company API key accepted in x-api-key. Like
// Factorial's API keys it has full access to the REST API; /api/v1/me
// answers with the user userID's employee.
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
// plus whatever Advance added. WithFrozenClock(DemoTime) makes the demo
// data, and every timestamp the server writes, identical from run to run.
func WithFrozenClock(start time.Time) Option {
	return func(c *config) {
		c.frozen = true
		c.start = start
	}
}

// WithClock makes now the server's clock (plus whatever Advance adds), for
// tests that drive time with a fake clock of their own. It wins over
// WithFrozenClock. now must be safe for concurrent use and must not call
// back into the Server.
func WithClock(now func() time.Time) Option { return func(c *config) { c.clock = now } }

// WithoutDemoData starts the REST API empty instead of with the demo
// company (Reset keeps it empty). The employees behind the OAuth users
// (admin, manager and basic users) are still created, without teams or
// other data: every credential has to belong to someone for /api/v1/me and
// the permission rules to work.
func WithoutDemoData() Option { return func(c *config) { c.noDemoData = true } }

// WithDeleteNoContent answers deletes 204 with no body, as the 2022 spec
// and a capture of the real API show, instead of 200 with the deleted
// record (the 2024 spec). Both are valid per openapi.yaml; clients must
// handle either.
func WithDeleteNoContent() Option { return func(c *config) { c.deleteNoContent = true } }

// WithAddr serves on addr ("127.0.0.1:8080", "localhost:8080",
// "[::1]:8080") instead of a free port, for a command or a fixed
// configuration that points a client at the sandbox. Addresses other than
// loopback are refused unless WithAllowNonLoopback is also given.
func WithAddr(addr string) Option { return func(c *config) { c.addr = addr } }

// WithListener serves on ln, which the server closes on Close. A listener
// not bound to a loopback address is refused unless WithAllowNonLoopback.
func WithListener(ln net.Listener) Option { return func(c *config) { c.listener = ln } }

// WithAllowNonLoopback lets WithAddr and WithListener use addresses other
// than loopback (a container's interface, say). The server hands working
// credentials to anyone who connects: never expose it to a network you do
// not control.
func WithAllowNonLoopback() Option { return func(c *config) { c.allowNonLoopback = true } }

// WithWebhookRetries sets how webhook deliveries of the dated API retry a
// failed attempt (an answer other than 2xx, or no answer): at most attempts
// tries in all, the first retry backoff after the failure, each later one
// twice the previous wait. Once the attempts are spent the subscription is
// disabled (enabled false), as Factorial disables one after 20 failed
// attempts over 48 hours. Default: 5 attempts from 100 ms, about 1.5 s in
// all, so tests of a failing receiver stay short.
func WithWebhookRetries(attempts int, backoff time.Duration) Option {
	return func(c *config) {
		c.hookAttempts = attempts
		c.hookBackoff = backoff
	}
}
