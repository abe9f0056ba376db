package factorial

import (
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/loopback"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

// Hosts Factorial serves its APIs and its OAuth server from. REST paths
// live under /api and OAuth under /oauth, so the base URL is the bare host.
const (
	// ProductionURL serves the dated API, v1 (retired by Factorial in 2025)
	// and OAuth.
	ProductionURL = "https://api.factorialhr.com"
	// DemoURL is Factorial's demo environment for the dated API.
	DemoURL = "https://api.eu2.demo.factorial.dev"
	// OldDemoURL is the dated API's previous demo host.
	//
	// Deprecated: Factorial marks it deprecated; use DemoURL.
	OldDemoURL = "https://api.demo.factorial.dev"
	// V1DemoURL is the demo host of the v1 API.
	V1DemoURL = "https://api.demo.factorialhr.com"
)

// Version is this module's version, sent in the User-Agent.
const Version = "0.1.0"

// DefaultUserAgent identifies this client to Factorial.
const DefaultUserAgent = "factorial-go/" + Version

// core is what every service shares: the transport, the generated client
// for Raw, and what the generated request constructors need.
type core struct {
	doer    *doer
	raw     *api.ClientWithResponses
	server  string // the base URL with a trailing slash, as the generated constructors expect
	editors []api.RequestEditorFn

	// The dated API: its version, the base URL its constructors take
	// (server + "api/<version>/resources/"), and the once-per-client
	// warning for a version past its year of service.
	apiVersion      string
	resourcesServer string
	resourcesPath   string // resourcesServer's path, to recognise its requests
	retiredOnce     sync.Once
	retiredOn       time.Time
}

// NewClient returns a Client for ProductionURL with no credentials, the
// default retry policy, a 30 s per-attempt timeout and a silent logger,
// each changed by opts.
func NewClient(opts ...Option) (*Client, error) {
	cfg := config{
		apiVersion: DefaultAPIVersion,
		baseURL:    ProductionURL,
		timeout:    DefaultTimeout,
		userAgent:  DefaultUserAgent,
		logger:     slog.New(slog.DiscardHandler),
		retry:      DefaultRetryPolicy(),
		maxBody:    DefaultMaxResponseBytes,
	}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	base, err := parseBaseURL(cfg.baseURL)
	if err != nil {
		return nil, err
	}
	validator, err := specvalidate.New()
	if err != nil {
		return nil, fmt.Errorf("factorial: load embedded spec: %w", err)
	}
	d := &doer{
		hc:         buildHTTPClient(cfg.httpClient, cfg.transport),
		base:       base,
		basePath:   strings.TrimSuffix(base.Path, "/"),
		userAgent:  cfg.userAgent,
		apiKey:     cfg.apiKey,
		tokens:     cfg.tokens,
		timeout:    cfg.timeout,
		retry:      cfg.retry,
		maxBody:    cfg.maxBody,
		validator:  validator,
		resources:  specvalidate.NewResources,
		validation: cfg.validation,
		log:        cfg.logger,
		keySecrets: scrubber(nil).with(cfg.apiKey),
		sleep:      sleepContext,
		rand:       rand.Float64,
		now:        time.Now,
	}
	genOpts := []api.ClientOption{api.WithHTTPClient(d)}
	for _, ed := range cfg.editors {
		genOpts = append(genOpts, api.WithRequestEditorFn(ed))
	}
	gen, err := api.NewClientWithResponses(base.String(), genOpts...)
	if err != nil {
		return nil, fmt.Errorf("factorial: %w", err)
	}
	server := base.String()
	if !strings.HasSuffix(server, "/") {
		server += "/"
	}
	c := &Client{core: core{doer: d, raw: gen, server: server, editors: slices.Clone(cfg.editors), apiVersion: cfg.apiVersion}}
	c.resourcesServer = server + "api/" + cfg.apiVersion + "/resources/"
	c.resourcesPath = strings.TrimSuffix(base.Path, "/") + "/api/" + cfg.apiVersion + "/resources/"
	c.retiredOn = versionRetires(cfg.apiVersion)
	c.initServices()
	return c, nil
}

// APIVersion returns the dated API version the client's Resources calls
// use (WithAPIVersion).
func (c *Client) APIVersion() string { return c.apiVersion }

// Raw returns the generated client the services are built on, for what a
// service does not express: the response headers, or a body sent as raw
// bytes (the *WithBody methods). It shares the Client's transport, so a
// non-2xx answer is still an *Error; but a 2xx body that does not fit its
// type comes back as the generated parser's own json error, where a
// service returns an *Error of KindDecode.
func (c *Client) Raw() *api.ClientWithResponses { return c.raw }

// Do sends a hand-built request through the same pipeline as the services: credentials (only for the client's own origin), retries, the 401
// refresh, and errors as *Error. It is the escape hatch for an endpoint the
// spec does not describe yet; such a request gets the generic checks only
// (non-2xx is an *Error, announced JSON must be well-formed). On success the
// body is already read into memory; closing it is still good form.
func (c *Client) Do(req *http.Request) (*http.Response, error) { return c.doer.Do(req) }

// BaseURL returns the base URL the client sends requests to.
func (c *Client) BaseURL() string { return c.doer.base.String() }

func parseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, &ConfigError{Option: "WithBaseURL", Err: errors.New("unparseable URL")}
	}
	if u.Scheme == "" || u.Host == "" {
		return nil, configErr("WithBaseURL", "%s is not an absolute URL", redactURL(u))
	}
	if u.User != nil {
		return nil, configErr("WithBaseURL", "URL must not carry credentials; use WithAPIKey or WithTokenSource")
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, configErr("WithBaseURL", "URL must not have a query or fragment")
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
	case "http":
		if !loopback.Host(u.Hostname()) {
			return nil, &ConfigError{Option: "WithBaseURL", Err: fmt.Errorf("%w: %s", ErrInsecureURL, redactURL(u))}
		}
	default:
		return nil, configErr("WithBaseURL", "unsupported scheme %q", u.Scheme)
	}
	return u, nil
}

// buildHTTPClient returns the client attempts are sent with. The caller's
// *http.Client is copied, never modified.
func buildHTTPClient(hc *http.Client, rt http.RoundTripper) *http.Client {
	var out http.Client
	if hc != nil {
		out = *hc
	}
	if rt != nil {
		out.Transport = rt
	}
	if hc == nil && rt == nil {
		out.Transport = defaultTransport()
	}
	if out.CheckRedirect == nil {
		// The API does not redirect; a redirect means a wrong base URL, and
		// following it would send the x-api-key header (which Go does not
		// strip the way it strips Authorization) to another host. The 3xx
		// comes back as an *Error instead.
		out.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	} else {
		out.CheckRedirect = credentialsStayHome(out.CheckRedirect)
	}
	return &out
}

// credentialsStayHome wraps a caller's redirect policy: a redirect to
// another origin (another host or port, or https to http on the same host)
// loses the x-api-key and Authorization headers before the policy decides.
// Go copies every header to a redirect and strips Authorization only when
// the domain changes, so neither would otherwise be safe.
func credentialsStayHome(policy func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) > 0 && !sameOrigin(req.URL, via[0].URL) {
			req.Header.Del(apiKeyHeader)
			req.Header.Del("Authorization")
		}
		return policy(req, via)
	}
}

// defaultTransport is http.DefaultTransport's configuration with a pool
// sized for one API host. The stdlib keeps at most 2 idle connections per
// host: at 16 concurrent calls, 14 connections would be closed after every
// burst and re-dialled (TCP and TLS handshakes, TIME_WAIT sockets) for the
// next. A Client talks to a single host, so the per-host limit can equal the
// total.
func defaultTransport() *http.Transport {
	var t *http.Transport
	if dt, ok := http.DefaultTransport.(*http.Transport); ok {
		t = dt.Clone()
	} else {
		t = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			ForceAttemptHTTP2:     true,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
		}
	}
	t.MaxIdleConns = 100
	t.MaxIdleConnsPerHost = 100
	t.IdleConnTimeout = 90 * time.Second
	return t
}
