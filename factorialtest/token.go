package factorialtest

import (
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"net/http"
	"slices"
	"strings"
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
	return s.issueLocked(app.ClientID, g.userID, g.scopes), nil
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
