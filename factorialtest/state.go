package factorialtest

import (
	"crypto/rand"
	"encoding/base64"
	"slices"
	"time"
)

// Doorkeeper's authorization_code_expires_in default.
const codeLifetime = 600 * time.Second

// grant is an authorization code (Doorkeeper's oauth_access_grants row).
type grant struct {
	code        string
	clientID    string
	userID      int
	redirectURI string
	scopes      []string
	challenge   string
	method      string // "S256" or "plain"; "" without PKCE
	expiresAt   time.Time
	used        bool
}

// tokenRecord is one access token with its refresh token
// (Doorkeeper's oauth_access_tokens row: revoking it revokes both).
type tokenRecord struct {
	access          string
	refresh         string
	clientID        string
	userID          int
	scopes          []string
	createdAt       time.Time
	lifetime        time.Duration // as issued; 0 never expires
	expiresAt       time.Time     // zero: never
	revoked         bool
	previousRefresh string // grace window: revoked when this token is first used
}

func (t *tokenRecord) expired(now time.Time) bool {
	return !t.expiresAt.IsZero() && !now.Before(t.expiresAt)
}

func (t *tokenRecord) issued() IssuedToken {
	return IssuedToken{
		AccessToken:  t.access,
		RefreshToken: t.refresh,
		ClientID:     t.clientID,
		UserID:       t.userID,
		Scopes:       slices.Clone(t.scopes),
		CreatedAt:    t.createdAt,
		ExpiresIn:    t.lifetime,
	}
}

// randomToken mimics Doorkeeper >= 5.1's urlsafe_base64 generator.
func randomToken() string {
	b := make([]byte, 32)
	_, _ = rand.Read(b) // never fails (crypto/rand panics instead)
	return base64.RawURLEncoding.EncodeToString(b)
}

// issueLocked mints a token. The caller holds s.mu.
func (s *Server) issueLocked(clientID string, userID int, scopes []string) *tokenRecord {
	// Doorkeeper stores created_at and reports it in whole seconds; keeping
	// the truncated value makes the server agree with what clients compute.
	now := s.clock.now().Truncate(time.Second)
	t := &tokenRecord{
		access:    randomToken(),
		refresh:   randomToken(),
		clientID:  clientID,
		userID:    userID,
		scopes:    slices.Clone(scopes),
		createdAt: now,
		lifetime:  s.cfg.lifetime,
	}
	if t.lifetime > 0 {
		t.expiresAt = now.Add(t.lifetime)
	}
	s.byAccess[t.access] = t
	s.byRefresh[t.refresh] = t
	s.last = t
	return t
}

// authReason says why a bearer token was refused, in Doorkeeper's words.
type authReason string

const (
	reasonUnknown authReason = "The access token is invalid"
	reasonExpired authReason = "The access token expired"
	reasonRevoked authReason = "The access token was revoked"
)

// authenticateLocked finds a usable access token. Like Doorkeeper's
// OAuth::Token.authenticate, the first use of a token ends the grace window
// of the refresh token it replaced. The caller holds s.mu.
func (s *Server) authenticateLocked(access string) (*tokenRecord, authReason) {
	t := s.byAccess[access]
	switch {
	case t == nil || access == "":
		return nil, reasonUnknown
	case t.revoked:
		return nil, reasonRevoked
	case t.expired(s.clock.now()):
		return nil, reasonExpired
	}
	if t.previousRefresh != "" {
		if old := s.byRefresh[t.previousRefresh]; old != nil {
			old.revoked = true
		}
		t.previousRefresh = ""
	}
	return t, ""
}
