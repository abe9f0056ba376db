package factorialtest

import (
	"fmt"
	"strconv"

	"github.com/factorial-go/factorial/oauth"
)

// TokenSourceAs returns a token source that acts as the user userID
// (AdminUserID, BasicUserID, one added with AddUser...), for a client of
// this server on either API:
//
//	ts, _ := srv.TokenSourceAs(factorialtest.BasicUserID)
//	c, _ := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithTokenSource(ts))
//
// The token is issued as IssueToken does (the default application's
// scopes, read and write, which the dated API treats as unrestricted), and
// the source refreshes it through the server's token endpoint when it
// expires on the server's clock, as a real login would; it never expires
// in the middle of a test that advances the clock.
//
// What the client may then do is what that user may do on Factorial: an
// admin anything; a basic user reads colleagues with private fields
// nulled, writes only their own leaves, shifts and clock-ins, and gets
// 403 elsewhere. Acting as a user is how a test sees the rules that
// depend on who calls, such as a leave staying pending when the employee
// requests it (CreateLeave by an admin or an API key approves it at
// once).
func (s *Server) TokenSourceAs(userID int) (*oauth.TokenSource, error) {
	issued, err := s.IssueToken(userID)
	if err != nil {
		return nil, err
	}
	s.mu.Lock()
	app := s.apps[DefaultClientID]
	var secret string
	if app != nil {
		secret = app.ClientSecret
	}
	s.mu.Unlock()
	cfg, err := oauth.New(DefaultClientID, secret, OOBRedirectURI, oauth.WithBaseURL(s.URL()), oauth.WithClock(s.Now))
	if err != nil {
		return nil, fmt.Errorf("factorialtest: %w", err)
	}
	ts, err := oauth.NewTokenSource(cfg, oauth.NewMemoryStore(issued.Token()))
	if err != nil {
		return nil, fmt.Errorf("factorialtest: %w", err)
	}
	return ts, nil
}

// TokenSourceAsEmployee is TokenSourceAs for the user who logs in as the
// employee employeeID, an id as the dated API writes it ("1003", or one
// AddEmployee returned). An employee without a login gets one first
// (AddUser, with the employee's name, email and role), so any employee
// can act in one call. It fails for an id that is not a number or names no
// employee.
func (s *Server) TokenSourceAsEmployee(employeeID string) (*oauth.TokenSource, error) {
	user, err := s.userOfEmployee(employeeID)
	if err != nil {
		return nil, err
	}
	return s.TokenSourceAs(user)
}

// userOfEmployee returns the id of the user who logs in as the employee,
// adding one when there is none.
func (s *Server) userOfEmployee(employeeID string) (int, error) {
	emp, err := IntID(employeeID)
	if err != nil {
		return 0, err
	}
	if _, ok := s.sb.Get(Employees, emp); !ok {
		return 0, fmt.Errorf("factorialtest: employee %s does not exist", employeeID)
	}
	s.mu.Lock()
	found := 0
	for id, u := range s.users {
		if u.EmployeeID == emp && (found == 0 || id < found) {
			found = id
		}
	}
	s.mu.Unlock()
	if found != 0 {
		return found, nil
	}
	u, err := s.AddUser(User{EmployeeID: emp})
	if err != nil {
		return 0, err
	}
	return u.ID, nil
}

// StringID is an id as the dated API writes it: the decimal string of the
// number v1 and the constants of this package use (StringID(BasicEmployeeID)
// is "1003").
func StringID(id int) string { return strconv.Itoa(id) }

// IntID is the number behind a dated API id, for v1 and for the helpers
// that take the sandbox's integer ids (Get, Put, Delete, AddUser). It
// fails for anything but a positive decimal number.
func IntID(id string) (int, error) {
	n, err := strconv.Atoi(id)
	if err != nil || n <= 0 || strconv.Itoa(n) != id {
		return 0, fmt.Errorf("factorialtest: %q is not an id of this server (a positive decimal number)", id)
	}
	return n, nil
}
