package factorialtest

import (
	"fmt"
	"net/http"
)

// This file is the stand-in for the REST API until the sandbox replaces it.

type access struct {
	Email      string `json:"email"`
	FullName   string `json:"full_name"`
	FirstName  string `json:"first_name"`
	LastName   string `json:"last_name"`
	EmployeeID int    `json:"employee_id"`
	Role       string `json:"role"`
}

// handleMe is GET /api/v1/me: the credential holder. An API key wins over a
// bearer token when both are sent, as Factorial documents. Failures are
// Doorkeeper's protected-resource 401: an empty body and a WWW-Authenticate
// challenge.
func (s *Server) handleMe(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	var (
		user   *User
		reason = reasonUnknown
	)
	if key := r.Header.Get("x-api-key"); key != "" {
		if id, ok := s.cfg.apiKeys[key]; ok {
			user = s.users[id]
		}
	} else {
		var t *tokenRecord
		if t, reason = s.authenticateLocked(bearer(r)); t != nil {
			user = s.users[t.userID]
		}
	}
	var body access
	if user != nil {
		body = access{
			Email:      user.Email,
			FullName:   fmt.Sprintf("%s %s", user.FirstName, user.LastName),
			FirstName:  user.FirstName,
			LastName:   user.LastName,
			EmployeeID: user.EmployeeID,
			Role:       user.Role,
		}
	}
	s.mu.Unlock()
	if user == nil {
		w.Header().Set("WWW-Authenticate", challenge("invalid_token", string(reason)))
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	writeJSON(w, http.StatusOK, body)
}
