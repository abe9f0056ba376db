package factorialtest

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/factorial-go/factorial/internal/loopback"
	"github.com/factorial-go/factorial/internal/sandbox"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

// Server is a fake of Factorial on loopback: a Doorkeeper-faithful OAuth
// server (/oauth/*) and a stateful sandbox of every REST operation of
// openapi.yaml (/api/v1/..., /api/v2/...) and of the dated API,
// openapi-resources.yaml (/api/<YYYY-MM-DD>/resources/...), sharing one
// clock, one company and one set of people. All
// state lives in memory, so a Server is safe for concurrent use; each test
// should start its own (or Reset a shared one).
//
// Every request and response passes through the module's OpenAPI
// validator: a response that violates its spec is never sent (the client
// gets a 500) and is recorded in Errors (and reported to the testing.TB of
// WithTB).
type Server struct {
	cfg       config
	srv       *httptest.Server
	mux       *http.ServeMux // the OAuth endpoints
	handler   http.Handler   // mux behind response-only validation
	sb        *sandbox.Sandbox
	clock     *clock
	closeOnce sync.Once

	mu         sync.Mutex
	approver   int
	apps       map[string]*App
	users      map[int]*User
	codes      map[string]*grant
	byAccess   map[string]*tokenRecord
	byRefresh  map[string]*tokenRecord
	last       *tokenRecord
	requests   map[string]int // token requests by grant_type
	tokenErrs  map[string]int // token endpoint errors by error code
	violations []error
}

// NewServer starts a server, on a free port of 127.0.0.1 unless WithAddr
// or WithListener says otherwise. A configuration mistake (an unknown
// approver, a non-loopback address, a port in use) fails the test given
// with WithTB, or panics, as httptest.NewServer does; Start returns it as
// an error instead.
func NewServer(opts ...Option) *Server {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	s, err := newServer(cfg)
	if err != nil {
		if cfg.tb != nil {
			cfg.tb.Helper()
			cfg.tb.Fatalf("factorialtest: %v", err)
		}
		panic("factorialtest: " + err.Error())
	}
	if cfg.tb != nil {
		cfg.tb.Cleanup(s.Close)
	}
	return s
}

// Start runs a server on addr ("127.0.0.1:8080"; "" picks a free port),
// for programs such as a command that serves the sandbox to curl or to a
// client under development, or a TestMain that shares one server. Unlike
// NewServer it reports problems as errors. addr must be a loopback address
// unless WithAllowNonLoopback is given. Call Close when done.
func Start(addr string, opts ...Option) (*Server, error) {
	cfg := defaultConfig()
	for _, o := range opts {
		o(&cfg)
	}
	if addr != "" {
		cfg.addr = addr
	}
	s, err := newServer(cfg)
	if err != nil {
		return nil, fmt.Errorf("factorialtest: %w", err)
	}
	if cfg.tb != nil {
		cfg.tb.Cleanup(s.Close)
	}
	return s, nil
}

func newServer(cfg config) (*Server, error) {
	s, err := build(cfg)
	if err != nil && cfg.listener != nil {
		_ = cfg.listener.Close() // WithListener hands it over, even on failure
	}
	return s, err
}

func build(cfg config) (*Server, error) {
	s := &Server{
		cfg:       cfg,
		mux:       http.NewServeMux(),
		approver:  cfg.approver,
		apps:      map[string]*App{},
		users:     map[int]*User{},
		codes:     map[string]*grant{},
		byAccess:  map[string]*tokenRecord{},
		byRefresh: map[string]*tokenRecord{},
		requests:  map[string]int{},
		tokenErrs: map[string]int{},
	}
	s.clock = newClock(cfg.clock, cfg.frozen, cfg.start)
	for i := range cfg.apps {
		app := cfg.apps[i]
		app.RedirectURIs = slices.Clone(app.RedirectURIs)
		app.Scopes = slices.Clone(app.Scopes)
		s.apps[app.ClientID] = &app
	}
	for i := range cfg.users {
		u := cfg.users[i]
		if u.ID <= 0 || u.EmployeeID <= 0 {
			return nil, fmt.Errorf("user %d needs a positive ID and EmployeeID", u.ID)
		}
		s.users[u.ID] = &u
	}
	if s.users[cfg.approver] == nil {
		return nil, fmt.Errorf("approver %d is not a user", cfg.approver)
	}
	for _, id := range cfg.apiKeys {
		if s.users[id] == nil {
			return nil, fmt.Errorf("API key owner %d is not a user", id)
		}
	}
	s.routes()

	v, err := specvalidate.New()
	if err != nil {
		return nil, err
	}
	sbOpts := []sandbox.Option{
		sandbox.WithValidator(v),
		sandbox.WithAuthenticator(s.authenticate),
		sandbox.WithClock(s.clock.now),
		sandbox.WithViolationHandler(func(_ *http.Request, err error) { s.onResponseError(nil, err) }),
		sandbox.WithWebhookRetries(cfg.hookAttempts, cfg.hookBackoff),
	}
	if cfg.noDemoData {
		sbOpts = append(sbOpts, sandbox.WithoutDemoData())
	}
	if cfg.deleteNoContent {
		sbOpts = append(sbOpts, sandbox.WithDeleteNoContent())
	}
	if s.sb, err = sandbox.New(sbOpts...); err != nil {
		return nil, err
	}
	s.syncUsers()

	strict := &specvalidate.Middleware{
		Validator:       v,
		OnRequestError:  s.onRequestError,
		OnResponseError: s.onResponseError,
		SkipRequest:     skipOAuthRequestValidation,
	}
	lenient := &specvalidate.Middleware{
		Validator:       v,
		OnResponseError: s.onResponseError,
		SkipRequest:     func(*http.Request, *specvalidate.Route) bool { return true },
	}
	s.handler = lenient.Wrap(s.mux)
	oauth, api := strict.Wrap(s.mux), s.sb.APIHandler()
	split := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if strings.HasPrefix(r.URL.Path, "/api/") {
			api.ServeHTTP(w, r)
			return
		}
		oauth.ServeHTTP(w, r)
	})

	ln, err := listen(cfg)
	if err != nil {
		return nil, err
	}
	// Faults sit in front of both halves, like a proxy before the API;
	// every answer, the OAuth server's too, carries an X-Request-Id, as
	// every answer of a Rails app does.
	s.srv = &httptest.Server{
		Listener: ln,
		Config: &http.Server{
			Handler:           s.withDate(sandbox.RequestID(s.sb.FaultLayer(split))),
			ReadHeaderTimeout: 30 * time.Second,
		},
	}
	s.srv.Start()
	return s, nil
}

// listen opens the configured listener. Only loopback addresses are
// accepted unless WithAllowNonLoopback: the server hands out working
// credentials to whoever connects.
func listen(cfg config) (net.Listener, error) {
	ln := cfg.listener
	if ln == nil {
		addr := cfg.addr
		if addr == "" {
			// IPv4 loopback explicitly: a redirect URI or base URL that
			// tests compare must not flip to [::1] on some machines.
			addr = "127.0.0.1:0"
		}
		if !cfg.allowNonLoopback {
			if err := checkLoopbackAddr(addr); err != nil {
				return nil, err
			}
		}
		var err error
		if ln, err = net.Listen("tcp", addr); err != nil {
			return nil, fmt.Errorf("listen: %w", err)
		}
	}
	if !cfg.allowNonLoopback {
		if tcp, ok := ln.Addr().(*net.TCPAddr); !ok || !tcp.IP.IsLoopback() {
			_ = ln.Close()
			return nil, fmt.Errorf("refusing to serve on %s: not a loopback address (WithAllowNonLoopback overrides)", ln.Addr())
		}
	}
	return ln, nil
}

// checkLoopbackAddr accepts host:port where host is localhost or a
// loopback IP; an empty host (every interface) is refused.
func checkLoopbackAddr(addr string) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("address %q: %w", addr, err)
	}
	if loopback.Host(host) {
		return nil
	}
	return fmt.Errorf("refusing to serve on %q: not a loopback address (WithAllowNonLoopback overrides)", addr)
}

// routes registers the OAuth endpoints; everything under /api/ is the
// sandbox's.
func (s *Server) routes() {
	s.mux.HandleFunc("GET /oauth/authorize", s.handleAuthorize)
	s.mux.HandleFunc("POST /oauth/authorize", s.handleDecision)
	s.mux.HandleFunc("DELETE /oauth/authorize", s.handleDecision)
	s.mux.HandleFunc("GET /oauth/authorize/native", s.handleNative)
	s.mux.HandleFunc("GET /oauth/authorize/{code}", s.handleNative)
	s.mux.HandleFunc("POST /oauth/token", s.handleToken)
	s.mux.HandleFunc("POST /oauth/revoke", s.handleRevoke)
	s.mux.HandleFunc("GET /oauth/token/info", s.handleTokenInfo)
}

// skipOAuthRequestValidation lets the OAuth endpoints see malformed
// requests: Doorkeeper answers them with its own error bodies and pages,
// and tests of a client's error handling need exactly those answers.
// Responses are still validated.
func skipOAuthRequestValidation(_ *http.Request, route *specvalidate.Route) bool {
	switch route.OperationID() {
	case "Authorize", "CreateToken", "RevokeToken":
		return true
	}
	return false
}

// onRequestError answers a request the spec rejects. Missing credentials
// are not a client bug but the 401 case itself, so the handler answers them
// the way Doorkeeper does; anything else is recorded as a violation.
func (s *Server) onRequestError(w http.ResponseWriter, r *http.Request, err error) {
	var sec *openapi3filter.SecurityRequirementsError
	if errors.As(err, &sec) {
		s.handler.ServeHTTP(w, r)
		return
	}
	s.violation(fmt.Errorf("factorialtest: request violates the spec: %w", err))
	writeJSON(w, http.StatusBadRequest, map[string]string{"errors": "request does not match the API description: " + err.Error()})
}

func (s *Server) onResponseError(_ *http.Request, err error) {
	s.violation(fmt.Errorf("factorialtest: response violates the spec: %w", err))
}

func (s *Server) violation(err error) {
	s.mu.Lock()
	s.violations = append(s.violations, err)
	s.mu.Unlock()
	if s.cfg.tb != nil {
		s.cfg.tb.Error(err)
	}
}

// withDate stamps responses with the server clock, so a client that
// corrects created_at by the Date header sees a consistent pair even when
// the clock was advanced.
func (s *Server) withDate(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Date", s.Now().UTC().Format(http.TimeFormat))
		next.ServeHTTP(w, r)
	})
}

// URL is the base URL (http://127.0.0.1:PORT), usable as the OAuth base
// URL and as the API server URL (api.NewClientWithResponses(srv.URL())).
func (s *Server) URL() string { return s.srv.URL }

// Client returns an HTTP client for the server.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Close shuts the server down: it stops serving, then cancels webhook
// deliveries in progress (and the waits before their retries) and returns
// once their goroutines have ended. It is safe to call more than once.
func (s *Server) Close() {
	s.closeOnce.Do(func() {
		s.srv.Close()
		s.sb.Close()
	})
}

// Errors returns the spec violations seen so far.
func (s *Server) Errors() []error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.violations)
}

// Now is the server clock, which the OAuth server and the sandbox share.
func (s *Server) Now() time.Time { return s.clock.now() }

// Advance moves the server clock forward by d, so tests expire tokens and
// codes without sleeping; new records are stamped with the advanced time
// too.
func (s *Server) Advance(d time.Duration) { s.clock.advance(d) }

// SetApprover changes the user who approves authorizations from now on.
func (s *Server) SetApprover(userID int) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.users[userID] == nil {
		return fmt.Errorf("factorialtest: user %d does not exist", userID)
	}
	s.approver = userID
	return nil
}

// Users returns the resource owners.
func (s *Server) Users() []User {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]User, 0, len(s.users))
	for _, u := range s.users {
		out = append(out, *u)
	}
	slices.SortFunc(out, func(a, b User) int { return a.ID - b.ID })
	return out
}
