package factorialtest

import (
	"fmt"
	"slices"
	"strings"
)

// IssueToken mints a token for userID on the default application with its
// scopes, as if the user had approved and the code had been exchanged: for
// tests that skip the browser step.
func (s *Server) IssueToken(userID int) (IssuedToken, error) {
	return s.IssueTokenFor(DefaultClientID, userID)
}

// IssueTokenFor is IssueToken for another registered application.
func (s *Server) IssueTokenFor(clientID string, userID int) (IssuedToken, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	app := s.apps[clientID]
	if app == nil {
		return IssuedToken{}, fmt.Errorf("factorialtest: unknown client id")
	}
	if s.users[userID] == nil {
		return IssuedToken{}, fmt.Errorf("factorialtest: user %d does not exist", userID)
	}
	return s.issueLocked(app.ClientID, userID, app.Scopes).issued(), nil
}

// ExpireToken makes the token (access or refresh token of the same pair)
// expire now. It reports whether the token exists.
func (s *Server) ExpireToken(token string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.findLocked(token)
	if t == nil {
		return false
	}
	t.expiresAt = s.clock.now()
	return true
}

// RevokeToken revokes the pair the access or refresh token belongs to, now.
// It reports whether the token exists.
func (s *Server) RevokeToken(token string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.findLocked(token)
	if t == nil {
		return false
	}
	t.revoked = true
	return true
}

func (s *Server) findLocked(token string) *tokenRecord {
	if t := s.byAccess[token]; t != nil {
		return t
	}
	return s.byRefresh[token]
}

// LastIssued returns the most recent token the server minted.
func (s *Server) LastIssued() (IssuedToken, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.last == nil {
		return IssuedToken{}, false
	}
	return s.last.issued(), true
}

// TokenActive reports whether an access token would authenticate a request
// now (without counting as its first use).
func (s *Server) TokenActive(access string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.byAccess[access]
	return t != nil && !t.revoked && !t.expired(s.clock.now())
}

// TokenRequests counts POST /oauth/token requests with this grant_type
// ("authorization_code", "refresh_token"; "" for requests without one),
// failed ones included.
func (s *Server) TokenRequests(grantType string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[grantType]
}

// TokenErrors counts token endpoint failures with this error code
// ("invalid_grant", "invalid_client", ...).
func (s *Server) TokenErrors(code string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.tokenErrs[code]
}

// Secrets returns every secret the server knows: client secrets, API keys
// (the sandbox's api_keys table included), authorization codes and access
// and refresh tokens. Tests scan logs and error messages for them to prove
// nothing leaks.
func (s *Server) Secrets() []string {
	var out []string
	// The sandbox's API keys authenticate too. Read them before taking
	// s.mu: the sandbox is never called with s.mu held.
	for _, rec := range s.sb.List(APIKeys) {
		if tok, _ := rec["token"].(string); tok != "" {
			out = append(out, tok)
		}
	}
	s.mu.Lock()
	for _, a := range s.apps {
		out = append(out, a.ClientSecret)
	}
	for k := range s.cfg.apiKeys {
		out = append(out, k)
	}
	for c := range s.codes {
		out = append(out, c)
	}
	for _, t := range s.byAccess {
		out = append(out, t.access, t.refresh)
	}
	s.mu.Unlock()
	out = slices.DeleteFunc(out, func(v string) bool { return strings.TrimSpace(v) == "" })
	slices.Sort(out)
	return slices.Compact(out)
}
