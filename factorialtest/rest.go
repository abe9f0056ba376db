package factorialtest

import (
	"crypto/subtle"
	"net/http"
	"slices"
	"time"

	"github.com/factorial-go/factorial/internal/sandbox"
)

// This file joins the OAuth server to the REST sandbox: who a credential
// is, and the employees behind the OAuth users.

// authenticate is the sandbox's Authenticator. An x-api-key wins over a
// bearer token when both are sent, as Factorial documents. A failure
// carries Doorkeeper's reason ("The access token expired"), which the
// sandbox puts in the 401's WWW-Authenticate challenge.
func (s *Server) authenticate(r *http.Request) (sandbox.Principal, error) {
	if key := r.Header.Get("x-api-key"); key != "" {
		s.mu.Lock()
		var owner *User
		if id, ok := s.cfg.apiKeys[key]; ok {
			owner = s.users[id]
		}
		s.mu.Unlock()
		if owner != nil {
			return sandbox.Principal{EmployeeID: owner.EmployeeID, APIKey: true}, nil
		}
		if s.companyAPIKey(key) {
			return sandbox.Principal{EmployeeID: s.adminEmployee(), APIKey: true}, nil
		}
		return sandbox.Principal{}, &sandbox.InvalidTokenError{Description: string(reasonUnknown)}
	}
	s.mu.Lock()
	t, reason := s.authenticateLocked(bearer(r))
	var (
		p  sandbox.Principal
		ok bool
	)
	if t != nil {
		p, ok = s.tokenPrincipalLocked(t)
	}
	s.mu.Unlock()
	if !ok {
		if reason == "" {
			reason = reasonUnknown
		}
		return sandbox.Principal{}, &sandbox.InvalidTokenError{Description: string(reason)}
	}
	return p, nil
}

// tokenPrincipalLocked is who an access token acts as, or false when its
// user no longer exists. The caller holds s.mu.
//
// A user token acts as its user's employee, with the user's role. A
// company token acts for the company: Company, with an admin's full access
// (bounded by its scopes) and the company's first admin as EmployeeID, so
// that what needs an employee (/api/v1/me, records stamped with their
// author) keeps working as it does for a company API key.
func (s *Server) tokenPrincipalLocked(t *tokenRecord) (sandbox.Principal, bool) {
	scopes := principalScopes(t.scopes)
	if t.userID == companyOwner {
		emp := AdminEmployeeID
		if u := s.adminLocked(); u != nil {
			emp = u.EmployeeID
		}
		return sandbox.Principal{EmployeeID: emp, Admin: true, Company: true, Scopes: scopes}, true
	}
	u := s.users[t.userID]
	if u == nil {
		return sandbox.Principal{}, false
	}
	return sandbox.Principal{EmployeeID: u.EmployeeID, Admin: u.Role == "admin", Scopes: scopes}, true
}

// principalScopes is what the sandbox enforces for a token's scopes: nil
// (every scope, v1's behaviour) for a token with only the v1 scopes read
// and write, or none, so v1 clients keep the access they always had; the
// scopes themselves as soon as one is granular.
func principalScopes(scopes []string) []string {
	for _, sc := range scopes {
		if sc != ScopeRead && sc != ScopeWrite {
			return slices.Clone(scopes)
		}
	}
	return nil
}

// companyAPIKey reports whether key is the token of an API key in the
// sandbox's api_keys table: a key created through CreateApiKey works at
// once, and deleting it revokes it, as on Factorial.
func (s *Server) companyAPIKey(key string) bool {
	for _, rec := range s.sb.List(sandbox.ResAPIKeys) {
		if tok, _ := rec["token"].(string); tok != "" && subtle.ConstantTimeCompare([]byte(tok), []byte(key)) == 1 {
			return true
		}
	}
	return false
}

// adminEmployee is the employee an API key without an owner acts as: the
// first admin user's.
func (s *Server) adminEmployee() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	if u := s.adminLocked(); u != nil {
		return u.EmployeeID
	}
	return AdminEmployeeID
}

// adminLocked returns the admin user with the lowest id, or the approver.
// The caller holds s.mu.
func (s *Server) adminLocked() *User {
	var best *User
	for _, u := range s.users {
		if u.Role == "admin" && (best == nil || u.ID < best.ID) {
			best = u
		}
	}
	if best == nil {
		best = s.users[s.approver]
	}
	return best
}

// syncUsers makes sure every user's employee exists and carries the user's
// name, email and role, after construction and Reset. The default users
// match the demo company exactly, so they change nothing.
func (s *Server) syncUsers() {
	s.mu.Lock()
	users := make([]User, 0, len(s.users))
	for _, u := range s.users {
		users = append(users, *u)
	}
	s.mu.Unlock()
	slices.SortFunc(users, func(a, b User) int { return a.ID - b.ID })
	for _, u := range users {
		s.syncUser(u)
	}
}

func (s *Server) syncUser(u User) {
	rec, ok := s.sb.Get(sandbox.ResEmployees, u.EmployeeID)
	changed := !ok
	if !ok {
		rec = map[string]any{
			"id": u.EmployeeID, "company_id": 1, "legal_entity_id": 1, "location_id": 1,
			"start_date": s.Now().UTC().Format(time.DateOnly), "terminated_on": nil,
			"team_ids": []any{}, "company_holiday_ids": []any{},
			"hiring": map[string]any{"base_compensation_amount_in_cents": nil, "base_compensation_type": nil},
		}
	}
	for field, v := range map[string]string{"first_name": u.FirstName, "last_name": u.LastName, "email": u.Email} {
		if v != "" && rec[field] != v {
			rec[field], changed = v, true
		}
	}
	role := "basic"
	if u.Role == "admin" {
		role = "admin"
	}
	if rec["role"] != role {
		rec["role"], changed = role, true
	}
	// The user is the employee's access (login): the dated API's access_id
	// and credential id (access-<user id>) name the OAuth resource owner.
	if id, _ := rec["access_id"].(int); id != u.ID {
		rec["access_id"], changed = u.ID, true
	}
	if changed {
		s.sb.Put(sandbox.ResEmployees, rec)
	}
}

// Reset puts the REST API back to its initial state: every record dropped,
// the demo company reseeded (unless WithoutDemoData) and the users'
// employees restored. OAuth state (applications, users, tokens) and
// injected faults are kept, so a server shared by several tests can be
// reset between them without logging in again.
func (s *Server) Reset() {
	s.sb.Reset()
	s.syncUsers()
}
