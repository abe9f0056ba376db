package factorialtest

import (
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// authRequest is a validated /oauth/authorize request (Doorkeeper's
// PreAuthorization).
type authRequest struct {
	app         *App
	redirectURI string
	state       string
	scopes      []string
	challenge   string
	method      string
	company     bool // resource_owner_type=company
}

// authError is a failed pre-authorization. Errors found before the client
// and redirect URI are trusted are rendered; later ones are redirected to
// the client, as Doorkeeper does (except for the out-of-band URI, which has
// nowhere to go).
type authError struct {
	code, desc  string
	redirectURI string // "" renders the error page
	state       string
}

// preAuthorize validates the parameters in Doorkeeper's order. The caller
// holds s.mu.
func (s *Server) preAuthorizeLocked(q url.Values) (*authRequest, *authError) {
	clientID := q.Get("client_id")
	if clientID == "" {
		return nil, &authError{code: "invalid_request", desc: missingParam("client_id")}
	}
	app := s.apps[clientID]
	if app == nil {
		return nil, &authError{code: "invalid_client"}
	}
	redirect := q.Get("redirect_uri")
	if redirect == "" {
		return nil, &authError{code: "invalid_request", desc: missingParam("redirect_uri")}
	}
	if !s.redirectAllowed(app, redirect) {
		return nil, &authError{code: "invalid_redirect_uri"}
	}
	fail := func(code, desc string) *authError {
		e := &authError{code: code, desc: desc, state: q.Get("state")}
		if redirect != OOBRedirectURI {
			e.redirectURI = redirect
		}
		return e
	}
	switch rt := q.Get("response_type"); {
	case rt == "":
		return nil, fail("invalid_request", missingParam("response_type"))
	case rt != "code":
		return nil, fail("unsupported_response_type", "")
	}
	scopes, ok := requestedScopes(app, q.Get("scope"))
	if !ok {
		return nil, fail("invalid_scope", "")
	}
	req := &authRequest{app: app, redirectURI: redirect, state: q.Get("state"), scopes: scopes}
	// Factorial's extension for company tokens. Anything but "company" or
	// an explicit "user" is refused, so a misspelt value fails loudly
	// instead of silently yielding a user token.
	switch q.Get("resource_owner_type") {
	case "", "user":
	case "company":
		req.company = true
	default:
		return nil, fail("invalid_request", "The resource_owner_type must be user or company.")
	}
	if ch := q.Get("code_challenge"); ch != "" {
		req.challenge = ch
		req.method = q.Get("code_challenge_method")
		if req.method == "" {
			req.method = "plain" // RFC 7636 section 4.3
		}
		if req.method != "plain" && req.method != "S256" {
			return nil, fail("invalid_request", "The code challenge method must be plain or S256.")
		}
	}
	return req, nil
}

// requestedScopes parses a scope parameter as Doorkeeper does: split on
// whitespace (a comma-joined "read,write", as one Factorial page shows, is
// therefore one unknown scope), duplicates dropped, the application's
// default scopes when empty. It reports false when a scope is neither a
// default nor an optional scope of the application.
func requestedScopes(app *App, param string) ([]string, bool) {
	var scopes []string
	for _, sc := range strings.Fields(param) {
		if !slices.Contains(scopes, sc) {
			scopes = append(scopes, sc)
		}
	}
	if len(scopes) == 0 {
		return slices.Clone(app.Scopes), true
	}
	for _, sc := range scopes {
		if !slices.Contains(app.Scopes, sc) && !slices.Contains(app.OptionalScopes, sc) {
			return nil, false
		}
	}
	return scopes, true
}

func (s *Server) redirectAllowed(app *App, uri string) bool {
	if slices.Contains(app.RedirectURIs, uri) {
		return true
	}
	if !s.cfg.loopback {
		return false
	}
	u, err := url.Parse(uri)
	if err != nil || u.Scheme != "http" || u.User != nil || u.Fragment != "" {
		return false
	}
	host := u.Hostname()
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// handleAuthorize is GET /oauth/authorize: the consent page, or an
// immediate redirect with WithAutoApprove.
func (s *Server) handleAuthorize(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	req, aerr := s.preAuthorizeLocked(r.URL.Query())
	if aerr != nil {
		s.mu.Unlock()
		s.writeAuthError(w, aerr)
		return
	}
	if s.cfg.autoApprove {
		target := s.approveLocked(req)
		s.mu.Unlock()
		redirect(w, target)
		return
	}
	page := consentPage{App: req.app.Name, Email: s.users[s.approver].Email, Scopes: req.scopes}
	s.mu.Unlock()
	for _, k := range []string{"client_id", "redirect_uri", "state", "response_type", "scope", "code_challenge", "code_challenge_method", "resource_owner_type"} {
		if v := r.URL.Query().Get(k); v != "" {
			page.Fields = append(page.Fields, field{k, v})
		}
	}
	renderPage(w, http.StatusOK, "consent", page)
}

// handleDecision is the consent form: POST approves, DELETE (or the Rails
// _method=delete override the Deny form sends) denies.
func (s *Server) handleDecision(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.writeAuthError(w, &authError{code: "invalid_request"})
		return
	}
	deny := r.Method == http.MethodDelete || r.PostForm.Get("_method") == "delete"
	s.mu.Lock()
	req, aerr := s.preAuthorizeLocked(r.Form)
	if aerr != nil {
		s.mu.Unlock()
		s.writeAuthError(w, aerr)
		return
	}
	if deny {
		s.mu.Unlock()
		e := &authError{code: "access_denied", state: req.state}
		if req.redirectURI != OOBRedirectURI {
			e.redirectURI = req.redirectURI
		}
		s.writeAuthError(w, e)
		return
	}
	target := s.approveLocked(req)
	s.mu.Unlock()
	redirect(w, target)
}

// approveLocked creates the authorization code and returns where the
// browser goes next. The caller holds s.mu.
func (s *Server) approveLocked(req *authRequest) string {
	owner := s.approver
	if req.company {
		// The grant's resource owner is the company, not the user who
		// approved: users have positive ids, and owner 0 makes the code
		// exchange mint a company token (see codeGrantLocked).
		owner = companyOwner
	}
	g := &grant{
		code:        randomToken(),
		clientID:    req.app.ClientID,
		userID:      owner,
		redirectURI: req.redirectURI,
		scopes:      req.scopes,
		challenge:   req.challenge,
		method:      req.method,
		expiresAt:   s.clock.now().Add(codeLifetime),
	}
	s.codes[g.code] = g
	if req.redirectURI == OOBRedirectURI {
		if s.cfg.nativeCodeInPath {
			return "/oauth/authorize/" + url.PathEscape(g.code)
		}
		return "/oauth/authorize/native?" + url.Values{"code": {g.code}}.Encode()
	}
	q := url.Values{"code": {g.code}}
	if req.state != "" {
		q.Set("state", req.state)
	}
	return withQuery(req.redirectURI, q)
}

// handleNative shows an out-of-band code, from ?code= or the path form.
func (s *Server) handleNative(w http.ResponseWriter, r *http.Request) {
	code := r.URL.Query().Get("code")
	if p := r.PathValue("code"); p != "" {
		code = p
	}
	if code == "" {
		renderPage(w, http.StatusBadRequest, "error", errorPage{"invalid_request", missingParam("code")})
		return
	}
	renderPage(w, http.StatusOK, "native", code)
}

func (s *Server) writeAuthError(w http.ResponseWriter, e *authError) {
	desc := e.desc
	if desc == "" {
		desc = describe(e.code)
	}
	if e.redirectURI == "" {
		renderPage(w, s.oauthStatus(e.code), "error", errorPage{e.code, desc})
		return
	}
	q := url.Values{"error": {e.code}, "error_description": {desc}}
	if e.state != "" {
		q.Set("state", e.state)
	}
	redirect(w, withQuery(e.redirectURI, q))
}

func withQuery(base string, q url.Values) string {
	sep := "?"
	if strings.Contains(base, "?") {
		sep = "&"
	}
	return base + sep + q.Encode()
}

// redirect answers 302 without the HTML body http.Redirect would add: the
// spec declares the 302 with a Location header and no content.
func redirect(w http.ResponseWriter, target string) {
	w.Header().Set("Location", target)
	w.WriteHeader(http.StatusFound)
}
