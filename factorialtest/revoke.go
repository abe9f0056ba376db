package factorialtest

import "net/http"

// handleRevoke is POST /oauth/revoke (RFC 7009) as Doorkeeper implements
// it: the client must authenticate (403 unauthorized_client otherwise), and
// any token, known or not, is answered 200 {} so the endpoint cannot be used
// to probe for valid tokens.
func (s *Server) handleRevoke(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.revokeRefused(w)
		return
	}
	s.mu.Lock()
	app, terr := s.clientLocked(r)
	if terr != nil {
		s.mu.Unlock()
		s.revokeRefused(w)
		return
	}
	token := r.PostForm.Get("token")
	var t *tokenRecord
	if r.PostForm.Get("token_type_hint") == "refresh_token" {
		t = s.byRefresh[token]
		if t == nil {
			t = s.byAccess[token]
		}
	} else {
		t = s.byAccess[token]
		if t == nil {
			t = s.byRefresh[token]
		}
	}
	if t != nil && token != "" {
		if t.clientID != app.ClientID {
			s.mu.Unlock()
			s.revokeRefused(w)
			return
		}
		// One row holds both tokens: revoking either revokes the pair.
		t.revoked = true
	}
	s.mu.Unlock()
	writeJSON(w, http.StatusOK, struct{}{})
}

func (s *Server) revokeRefused(w http.ResponseWriter) {
	s.writeOAuthErrorStatus(w, http.StatusForbidden, "unauthorized_client", "You are not authorized to revoke this token")
}
