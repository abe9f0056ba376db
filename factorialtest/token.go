package factorialtest

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"
)

// tokenResponse is Doorkeeper's TokenResponse body, fields in its order.
type tokenResponse struct {
	AccessToken  string `json:"access_token"`
	TokenType    string `json:"token_type"`
	ExpiresIn    *int64 `json:"expires_in,omitempty"`
	RefreshToken string `json:"refresh_token,omitempty"`
	Scope        string `json:"scope,omitempty"`
	CreatedAt    int64  `json:"created_at"`
}

func newTokenResponse(t *tokenRecord) tokenResponse {
	resp := tokenResponse{
		AccessToken:  t.access,
		TokenType:    "Bearer",
		RefreshToken: t.refresh,
		Scope:        strings.Join(t.scopes, " "),
		CreatedAt:    t.createdAt.Unix(),
	}
	if t.lifetime > 0 {
		secs := int64(t.lifetime.Seconds())
		resp.ExpiresIn = &secs
	}
	return resp
}

// tokenError is an OAuth error the token endpoint answers with.
type tokenError struct{ code, desc string }

// handleToken is POST /oauth/token for the authorization_code and
// refresh_token grants.
func (s *Server) handleToken(w http.ResponseWriter, r *http.Request) {
	// Doorkeeper reads params from the query string and the body alike.
	if err := r.ParseForm(); err != nil {
		s.mu.Lock()
		s.requests[""]++
		s.mu.Unlock()
		s.tokenFail(w, &tokenError{"invalid_request", ""})
		return
	}
	grantType := r.Form.Get("grant_type")

	s.mu.Lock()
	s.requests[grantType]++
	var (
		t    *tokenRecord
		terr *tokenError
	)
	switch grantType {
	case "":
		terr = &tokenError{"invalid_request", missingParam("grant_type")}
	case "authorization_code":
		t, terr = s.codeGrantLocked(r)
	case "refresh_token":
		t, terr = s.refreshGrantLocked(r)
	default:
		terr = &tokenError{"unsupported_grant_type", ""}
	}
	var resp tokenResponse
	if t != nil {
		resp = newTokenResponse(t)
	}
	s.mu.Unlock()

	if terr != nil {
		s.tokenFail(w, terr)
		return
	}
	w.Header().Set("Cache-Control", "no-store, no-cache")
	w.Header().Set("Pragma", "no-cache")
	writeJSON(w, http.StatusOK, resp)
}

func (s *Server) tokenFail(w http.ResponseWriter, e *tokenError) {
	s.mu.Lock()
	s.tokenErrs[e.code]++
	s.mu.Unlock()
	s.writeOAuthError(w, e.code, e.desc)
}

// clientLocked authenticates the client from HTTP Basic or the form, like
// Doorkeeper's Client::Credentials: Basic is base64-decoded but not
// URL-unescaped, and a request that carries a secret in both places (or two
// different client ids) is refused with invalid_request (RFC 6749 section
// 2.3). The caller holds s.mu.
func (s *Server) clientLocked(r *http.Request) (*App, *tokenError) {
	basicID, basicSecret, hasBasic := r.BasicAuth()
	formID, formSecret := r.PostForm.Get("client_id"), r.PostForm.Get("client_secret")
	if hasBasic && (formSecret != "" || (formID != "" && formID != basicID)) {
		return nil, &tokenError{"invalid_request", "The request uses more than one method for including the client credentials."}
	}
	id, secret := formID, formSecret
	if hasBasic {
		id, secret = basicID, basicSecret
	}
	if id == "" {
		return nil, &tokenError{"invalid_client", ""}
	}
	app := s.apps[id]
	if app == nil {
		return nil, &tokenError{"invalid_client", ""}
	}
	if !app.Public || secret != "" {
		if subtle.ConstantTimeCompare([]byte(secret), []byte(app.ClientSecret)) != 1 {
			return nil, &tokenError{"invalid_client", ""}
		}
	}
	return app, nil
}

func (s *Server) codeGrantLocked(r *http.Request) (*tokenRecord, *tokenError) {
	code := r.Form.Get("code")
	g := s.codes[code]
	verifier := r.Form.Get("code_verifier")
	redirectURI := r.Form.Get("redirect_uri")
	// Doorkeeper's AuthorizationCodeRequest validations, in order: params,
	// client, grant, redirect_uri, code_verifier.
	if g != nil && g.challenge != "" && verifier == "" {
		return nil, &tokenError{"invalid_request", missingParam("code_verifier")}
	}
	if redirectURI == "" {
		return nil, &tokenError{"invalid_request", missingParam("redirect_uri")}
	}
	app, terr := s.clientLocked(r)
	if terr != nil {
		return nil, terr
	}
	now := s.clock.now()
	if g == nil || code == "" || g.used || g.clientID != app.ClientID || !now.Before(g.expiresAt) {
		return nil, &tokenError{"invalid_grant", ""}
	}
	if g.redirectURI != redirectURI {
		return nil, &tokenError{"invalid_grant", ""}
	}
	if !verifyPKCE(g, verifier) {
		return nil, &tokenError{"invalid_grant", ""}
	}
	// Single use: a replayed code is invalid_grant even if the first
	// exchange's response was lost.
	g.used = true
	if g.userID == companyOwner {
		return s.issueCompanyLocked(app.ClientID, g.scopes), nil
	}
	return s.issueLocked(app.ClientID, g.userID, g.scopes), nil
}

// companyOwner is the resource owner id of company grants and tokens:
// they belong to the company, and user ids are positive.
const companyOwner = 0

// companyID is the id of the sandbox's one company (company_id in its
// records), reported as the resource owner of company tokens.
const companyID = 1

// issueCompanyLocked mints a company token (resource_owner_type=company),
// as Factorial does: no expires_in and no refresh token, so it never
// expires, on any clock, and lives until it is revoked. The caller holds
// s.mu.
func (s *Server) issueCompanyLocked(clientID string, scopes []string) *tokenRecord {
	t := &tokenRecord{
		access:    randomToken(),
		clientID:  clientID,
		userID:    companyOwner,
		scopes:    slices.Clone(scopes),
		createdAt: s.clock.now().Truncate(time.Second),
	}
	s.byAccess[t.access] = t
	s.last = t
	return t
}

// IssueScopedToken mints a token for userID on the default application
// with the given scopes (the application's default scopes if none), as if
// the user had approved an authorization asking for them. A scope the
// application may not request is an error, as the consent step would
// answer invalid_scope. Like an authorization, an element may hold several
// space-separated scopes.
//
// A token whose scopes are all v1 ones (read, write) has v1's full access
// on the REST API; one with a granular scope is held to its scopes on the
// dated API (v1 operations know only read and write, and are not checked).
func (s *Server) IssueScopedToken(userID int, scopes ...string) (IssuedToken, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	app, granted, err := s.grantableLocked(scopes)
	if err != nil {
		return IssuedToken{}, err
	}
	if s.users[userID] == nil {
		return IssuedToken{}, fmt.Errorf("factorialtest: user %d does not exist", userID)
	}
	return s.issueLocked(app.ClientID, userID, granted).issued(), nil
}

// IssueCompanyToken mints a company token on the default application with
// the given scopes (the application's default scopes if none), as if an
// admin had approved an authorization with resource_owner_type=company:
// it never expires (ExpiresIn 0, whatever Advance does), has no refresh
// token and no user (UserID 0). ExpireToken and RevokeToken still end it.
// On the REST API it has the company-wide access of an admin, bounded by
// its scopes; /api/v1/me describes the company's first admin.
func (s *Server) IssueCompanyToken(scopes ...string) (IssuedToken, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	app, granted, err := s.grantableLocked(scopes)
	if err != nil {
		return IssuedToken{}, err
	}
	return s.issueCompanyLocked(app.ClientID, granted).issued(), nil
}

// grantableLocked resolves the scopes IssueScopedToken and
// IssueCompanyToken grant on the default application. The caller holds
// s.mu.
func (s *Server) grantableLocked(scopes []string) (*App, []string, error) {
	app := s.apps[DefaultClientID]
	if app == nil {
		return nil, nil, fmt.Errorf("factorialtest: no default application")
	}
	granted, ok := requestedScopes(app, strings.Join(scopes, " "))
	if !ok {
		return nil, nil, fmt.Errorf("factorialtest: the application may not request scopes %q (invalid_scope)", strings.Join(scopes, " "))
	}
	return app, granted, nil
}

// verifyPKCE follows Doorkeeper: no challenge and no verifier passes; a
// verifier without a challenge, or one that does not match, fails.
func verifyPKCE(g *grant, verifier string) bool {
	if g.challenge == "" {
		return verifier == ""
	}
	switch g.method {
	case "S256":
		sum := sha256.Sum256([]byte(verifier))
		return subtle.ConstantTimeCompare([]byte(base64.RawURLEncoding.EncodeToString(sum[:])), []byte(g.challenge)) == 1
	case "plain":
		return subtle.ConstantTimeCompare([]byte(verifier), []byte(g.challenge)) == 1
	}
	return false
}

func (s *Server) refreshGrantLocked(r *http.Request) (*tokenRecord, *tokenError) {
	rt := r.Form.Get("refresh_token")
	if rt == "" {
		return nil, &tokenError{"invalid_request", missingParam("refresh_token")}
	}
	old := s.byRefresh[rt]
	if old == nil || old.revoked {
		return nil, &tokenError{"invalid_grant", ""}
	}
	app, terr := s.clientLocked(r)
	if terr != nil {
		return nil, terr
	}
	if old.clientID != app.ClientID {
		return nil, &tokenError{"invalid_grant", ""}
	}
	scopes := old.scopes
	if req := strings.Fields(r.Form.Get("scope")); len(req) > 0 {
		for _, sc := range req {
			if !slices.Contains(old.scopes, sc) {
				return nil, &tokenError{"invalid_scope", ""}
			}
		}
		scopes = req
	}
	t := s.issueLocked(app.ClientID, old.userID, scopes)
	if s.cfg.refreshGrace {
		// Doorkeeper's previous_refresh_token: the old token stays usable
		// until the new access token authenticates a request, so clients
		// that raced on one refresh token both succeed.
		t.previousRefresh = old.refresh
	} else {
		old.revoked = true
	}
	return t, nil
}
