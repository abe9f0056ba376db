package factorialtest

import (
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"slices"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

// Server is a Doorkeeper-faithful fake of Factorial's OAuth server on
// loopback. All state lives in memory behind one mutex, so a Server is safe
// for concurrent use; each test should start its own.
//
// Every request and response passes through specvalidate.Middleware: a
// response that violates openapi.yaml is never sent (the client gets a 500)
// and is recorded in Errors (and reported to the testing.TB of WithTB).
type Server struct {
	cfg       config
	srv       *httptest.Server
	mux       *http.ServeMux
	handler   http.Handler // mux behind response-only validation
	closeOnce sync.Once

	mu         sync.Mutex
	clock      clock
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

// NewServer starts a server on 127.0.0.1. A configuration mistake (an
// unknown approver, say) fails the test given with WithTB, or panics, as
// httptest.NewServer does.
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

func newServer(cfg config) (*Server, error) {
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
	s.clock = newClock(cfg.frozen, cfg.start)
	for i := range cfg.apps {
		app := cfg.apps[i]
		app.RedirectURIs = slices.Clone(app.RedirectURIs)
		app.Scopes = slices.Clone(app.Scopes)
		s.apps[app.ClientID] = &app
	}
	for i := range cfg.users {
		u := cfg.users[i]
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

	// Listen on IPv4 loopback explicitly: a redirect URI or base URL that
	// tests compare must not flip to [::1] on some machines.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listen: %w", err)
	}
	s.srv = httptest.NewUnstartedServer(s.withDate(strict.Wrap(s.mux)))
	_ = s.srv.Listener.Close()
	s.srv.Listener = ln
	s.srv.Start()
	return s, nil
}

// routes registers the OAuth endpoints. The sandbox will add the REST API
// to the same mux.
func (s *Server) routes() {
	s.mux.HandleFunc("GET /oauth/authorize", s.handleAuthorize)
	s.mux.HandleFunc("POST /oauth/authorize", s.handleDecision)
	s.mux.HandleFunc("DELETE /oauth/authorize", s.handleDecision)
	s.mux.HandleFunc("GET /oauth/authorize/native", s.handleNative)
	s.mux.HandleFunc("GET /oauth/authorize/{code}", s.handleNative)
	s.mux.HandleFunc("POST /oauth/token", s.handleToken)
	s.mux.HandleFunc("POST /oauth/revoke", s.handleRevoke)
	s.mux.HandleFunc("GET /oauth/token/info", s.handleTokenInfo)
	s.mux.HandleFunc("GET /api/v1/me", s.handleMe)
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
// URL and as the API server URL.
func (s *Server) URL() string { return s.srv.URL }

// Client returns an HTTP client for the server.
func (s *Server) Client() *http.Client { return s.srv.Client() }

// Close shuts the server down. It is safe to call more than once.
func (s *Server) Close() { s.closeOnce.Do(s.srv.Close) }

// Errors returns the spec violations seen so far.
func (s *Server) Errors() []error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return slices.Clone(s.violations)
}

// Now is the server clock.
func (s *Server) Now() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.clock.now()
}

// Advance moves the server clock forward by d, so tests expire tokens and
// codes without sleeping.
func (s *Server) Advance(d time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.clock.offset += d
}

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
