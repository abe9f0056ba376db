package factorial

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"time"
)

// Option configures a Client in NewClient.
type Option func(*config) error

// ErrInsecureURL is wrapped by the *ConfigError NewClient returns for an
// http:// base URL that is not loopback: credentials would cross the network
// in clear text.
var ErrInsecureURL = errors.New("factorial: base URL must use https (http is allowed for loopback only)")

// ConfigError reports an option NewClient cannot accept.
type ConfigError struct {
	Option string // the option at fault, e.g. "WithBaseURL"
	Err    error
}

func (e *ConfigError) Error() string { return "factorial: " + e.Option + ": " + e.Err.Error() }

func (e *ConfigError) Unwrap() error { return e.Err }

func configErr(option, format string, args ...any) error {
	return &ConfigError{Option: option, Err: fmt.Errorf(format, args...)}
}

// config collects options; NewClient validates it as a whole so that option
// order never matters.
type config struct {
	baseURL        string
	apiKey         string
	tokens         TokenSource
	httpClient     *http.Client
	transport      http.RoundTripper
	timeout        time.Duration
	userAgent      string
	logger         *slog.Logger
	retry          RetryPolicy
	maxBody        int64
	validation     ValidationMode
	validator      ResponseValidator
	editors        []func(ctx context.Context, req *http.Request) error
	authOptionSeen string
	apiVersion     string
}

// Defaults. The per-attempt timeout bounds one request including its body;
// the retry policy's MaxElapsed bounds the whole call (see RetryPolicy).
const (
	DefaultTimeout          = 30 * time.Second
	DefaultMaxResponseBytes = 64 << 20
)

// WithBaseURL sets the API host: ProductionURL (the default), DemoURL, or
// another https URL (a proxy may add a path prefix). http:// is refused
// except on loopback, where tests and local fakes live.
func WithBaseURL(baseURL string) Option {
	return func(c *config) error {
		c.baseURL = baseURL
		return nil
	}
}

// WithAPIKey authenticates with a company API key, sent bare in the
// x-api-key header as Factorial requires. API keys have full access and never
// expire; prefer OAuth for anything a user acts through.
func WithAPIKey(key string) Option {
	return func(c *config) error {
		if key == "" {
			return configErr("WithAPIKey", "empty key")
		}
		if c.authOptionSeen != "" && c.authOptionSeen != "WithAPIKey" {
			return configErr("WithAPIKey", "cannot combine with %s: choose one credential", c.authOptionSeen)
		}
		c.authOptionSeen = "WithAPIKey"
		c.apiKey = key
		return nil
	}
}

// WithTokenSource authenticates with OAuth access tokens from ts (see
// TokenSource; oauth.TokenSource implements it). On a 401 the client asks ts
// to refresh the rejected token and retries the call once.
func WithTokenSource(ts TokenSource) Option {
	return func(c *config) error {
		if ts == nil {
			return configErr("WithTokenSource", "nil TokenSource")
		}
		if c.authOptionSeen != "" && c.authOptionSeen != "WithTokenSource" {
			return configErr("WithTokenSource", "cannot combine with %s: choose one credential", c.authOptionSeen)
		}
		c.authOptionSeen = "WithTokenSource"
		c.tokens = ts
		return nil
	}
}

// WithHTTPClient sends requests through hc (its Transport, Jar and Timeout
// apply to every attempt). A client without a Transport uses
// http.DefaultTransport, which keeps only 2 idle connections per host; the
// client's own default keeps 100. When hc follows redirects with Go's default
// policy, the client stops it from following them: a redirect from the API
// means a wrong base URL, and Go would forward the x-api-key header to
// whatever host the redirect names. When hc has its own CheckRedirect, it
// decides, but a redirect to another origin (host, port or scheme) no
// longer carries the x-api-key or Authorization header.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *config) error {
		if hc == nil {
			return configErr("WithHTTPClient", "nil *http.Client")
		}
		c.httpClient = hc
		return nil
	}
}

// WithTransport sends requests through rt. Combined with WithHTTPClient it
// replaces that client's Transport.
func WithTransport(rt http.RoundTripper) Option {
	return func(c *config) error {
		if rt == nil {
			return configErr("WithTransport", "nil RoundTripper")
		}
		c.transport = rt
		return nil
	}
}

// WithTimeout bounds each attempt: connecting, sending, and reading the
// whole response body. The default is DefaultTimeout; 0 disables it (the
// context and the retry policy's MaxElapsed still apply). It is per attempt
// rather than per call so that one stalled attempt leaves room to retry;
// bound the whole call with the context or RetryPolicy.MaxElapsed.
//
// An attempt that runs out of time is cancelled through its request's
// context (one timer serves all of a client's attempts), and the error
// matches context.DeadlineExceeded under errors.Is. A RoundTripper of
// your own (WithTransport) sees the cancellation, with
// context.DeadlineExceeded as its context.Cause, but no Deadline on the
// request's context.
func WithTimeout(d time.Duration) Option {
	return func(c *config) error {
		if d < 0 {
			return configErr("WithTimeout", "negative timeout %v", d)
		}
		c.timeout = d
		return nil
	}
}

// WithUserAgent replaces the User-Agent header (default DefaultUserAgent).
// Keep the default in it so Factorial can tell which client sent a request:
// WithUserAgent("myapp/1.2 " + factorial.DefaultUserAgent).
func WithUserAgent(ua string) Option {
	return func(c *config) error {
		if ua == "" {
			return configErr("WithUserAgent", "empty user agent")
		}
		c.userAgent = ua
		return nil
	}
}

// WithLogger logs requests (Debug), retries and token refreshes (Info) and
// spec drift (Warn) to l. Nothing secret is logged: no headers, no bodies,
// and URLs with secret query values replaced. The default logs nothing.
func WithLogger(l *slog.Logger) Option {
	return func(c *config) error {
		if l == nil {
			l = slog.New(slog.DiscardHandler)
		}
		c.logger = l
		return nil
	}
}

// WithRetryPolicy replaces the retry policy. Zero fields take their
// defaults; MaxAttempts 1 disables retries.
func WithRetryPolicy(p RetryPolicy) Option {
	return func(c *config) error {
		if p.MaxAttempts < 0 || p.BaseDelay < 0 || p.MaxDelay < 0 || p.MaxRetryAfter < 0 || p.MaxElapsed < 0 {
			return configErr("WithRetryPolicy", "negative value in %+v", p)
		}
		c.retry = p.withDefaults()
		return nil
	}
}

// WithMaxResponseBytes bounds the size of a successful response body
// (default DefaultMaxResponseBytes; Factorial's lists are unpaginated, so a
// large company's employee list is several megabytes). A larger body is an
// *Error of kind KindTooLarge.
func WithMaxResponseBytes(n int64) Option {
	return func(c *config) error {
		if n <= 0 {
			return configErr("WithMaxResponseBytes", "limit must be positive, got %d", n)
		}
		c.maxBody = n
		return nil
	}
}

// WithRequestEditor adds an editor every request passes through before it
// is sent (after the generated code built it, before credentials are
// attached). Per-call editors can still be passed to each method.
func WithRequestEditor(fn func(ctx context.Context, req *http.Request) error) Option {
	return func(c *config) error {
		if fn == nil {
			return configErr("WithRequestEditor", "nil editor")
		}
		c.editors = append(c.editors, fn)
		return nil
	}
}
