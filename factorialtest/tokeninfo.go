package factorialtest

import (
	"net/http"
	"strings"
	"time"
)

type tokenInfoResponse struct {
	ResourceOwnerID int         `json:"resource_owner_id"`
	Scope           []string    `json:"scope"`
	ExpiresIn       *int64      `json:"expires_in"`
	Application     application `json:"application"`
	CreatedAt       int64       `json:"created_at"`
}

type application struct {
	UID string `json:"uid"`
}

// handleTokenInfo is GET /oauth/token/info, Doorkeeper's TokenInfoController:
// the token as JSON (scope as an array of the granted scopes, expires_in as
// the remaining seconds, null for a token that never expires such as a
// company token), or a 401 invalid_token body.
func (s *Server) handleTokenInfo(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	t, reason := s.authenticateLocked(bearer(r))
	if t == nil {
		s.mu.Unlock()
		s.writeOAuthErrorStatus(w, http.StatusUnauthorized, "invalid_token", string(reason))
		return
	}
	owner := t.userID
	if owner == companyOwner {
		// Doorkeeper reports the owner record's id, here the company's.
		owner = companyID
	}
	resp := tokenInfoResponse{
		ResourceOwnerID: owner,
		Scope:           append([]string{}, t.scopes...),
		Application:     application{UID: t.clientID},
		CreatedAt:       t.createdAt.Unix(),
	}
	if !t.expiresAt.IsZero() {
		left := int64(max(t.expiresAt.Sub(s.clock.now()).Round(time.Second).Seconds(), 0))
		resp.ExpiresIn = &left
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, resp)
}

// bearer extracts the access token from "Authorization: Bearer ...";
// Doorkeeper also accepts the lowercase scheme.
func bearer(r *http.Request) string {
	h := r.Header.Get("Authorization")
	if len(h) > 7 && strings.EqualFold(h[:7], "Bearer ") {
		return strings.TrimSpace(h[7:])
	}
	return ""
}
