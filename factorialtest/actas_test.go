package factorialtest_test

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
	"github.com/factorial-go/factorial/resources"
)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

// clientOf returns what turns the result of srv's TokenSourceAs or
// TokenSourceAsEmployee into a client of srv, or returns their error:
// clientOf(srv)(srv.TokenSourceAs(id)).
func clientOf(srv *factorialtest.Server) func(*oauth.TokenSource, error) (*factorial.Client, error) {
	return func(ts *oauth.TokenSource, err error) (*factorial.Client, error) {
		if err != nil {
			return nil, err
		}
		return factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithTokenSource(ts))
	}
}

// TestDatedSeedingHelpers: the helpers take and return the dated API's
// string ids, and what they seed is what the dated API serves.
func TestDatedSeedingHelpers(t *testing.T) {
	t.Parallel()
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(factorialtest.DemoTime))
	defer srv.Close()
	ctx := t.Context()
	c := datedClient(t, srv, 0)
	manager := factorialtest.StringID(factorialtest.ManagerEmployeeID)
	bea := factorialtest.StringID(factorialtest.BasicEmployeeID)

	id, err := srv.AddEmployee("Olga", "Ops", "olga@example.com", factorialtest.ManagedBy(manager))
	if err != nil {
		t.Fatal(err)
	}
	if id != "1006" {
		t.Errorf("AddEmployee = %q, want the next employee id, 1006", id)
	}
	emp, err := c.Employees.Get(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if emp.GetFullName() != "Olga Ops" || emp.GetManagerID() != manager {
		t.Errorf("employee %s: %q managed by %q", id, emp.GetFullName(), emp.GetManagerID())
	}
	if _, err := srv.AddEmployee("Olga", "Twin", " OLGA@example.com "); err == nil || !strings.Contains(err.Error(), "422") {
		t.Errorf("a taken email: %v", err)
	}
	if _, err := srv.AddEmployee("No", "Boss", "noboss@example.com", factorialtest.ManagedBy("999")); err == nil || !strings.Contains(err.Error(), "manager_id") {
		t.Errorf("an unknown manager: %v", err)
	}

	team, err := srv.AddTeam("Ops", id)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.AddTeamMember(team, bea, true); err != nil {
		t.Fatal(err)
	}
	got, err := c.Teams.Get(ctx, team)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(got.EmployeeIDs, []string{bea, id}) || !slices.Equal(got.LeadIDs, []string{bea}) {
		t.Errorf("team %s: employees %q leads %q", team, got.EmployeeIDs, got.LeadIDs)
	}
	members, err := c.Teams.ListMemberships(ctx, &resources.ListTeamMembershipsParams{TeamIDs: []string{team}})
	if err != nil {
		t.Fatal(err)
	}
	if len(members) != 2 {
		t.Errorf("%d memberships of team %s, want 2", len(members), team)
	}
	if err := srv.AddTeamMember("99", id, false); err == nil {
		t.Error("AddTeamMember to a missing team succeeded")
	}

	leave, err := srv.AddLeave(id, "", day(2024, 3, 11), day(2024, 3, 12))
	if err != nil {
		t.Fatal(err)
	}
	l, err := c.TimeOff.GetLeave(ctx, leave)
	if err != nil {
		t.Fatal(err)
	}
	// Vacation (the first type) needs approval, but the admin created it.
	if l.GetEmployeeID() != id || l.GetLeaveTypeID() != "1" || !l.GetApproved() {
		t.Errorf("leave %s: employee %q type %q approved %v", leave, l.GetEmployeeID(), l.GetLeaveTypeID(), l.GetApproved())
	}
	if _, err := srv.AddLeave(id, "1", day(2024, 3, 12), day(2024, 3, 11)); err == nil {
		t.Error("a leave ending before it starts was accepted")
	}

	// The same records, with v1's integer ids.
	n, err := factorialtest.IntID(id)
	if err != nil || n != 1006 {
		t.Fatalf("IntID(%q) = %d, %v", id, n, err)
	}
	if rec, ok := srv.Get(factorialtest.Employees, n); !ok || rec["email"] != "olga@example.com" {
		t.Errorf("v1's employee %d: %v", n, rec)
	}
}

// TestDatedHelpersRefuseBadIDs: an id that is not one of the server's
// is an error naming it, before anything is written.
func TestDatedHelpersRefuseBadIDs(t *testing.T) {
	t.Parallel()
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	defer srv.Close()
	teams, employees := len(srv.List(factorialtest.Teams)), len(srv.List(factorialtest.Employees))
	for _, bad := range []string{"", "abc", "0", "-3", "01", "1003 ", "1e3"} {
		if _, err := factorialtest.IntID(bad); err == nil {
			t.Errorf("IntID(%q) succeeded", bad)
		}
		if _, err := srv.AddTeam("Bad", bad); err == nil || !strings.Contains(err.Error(), "not an id") {
			t.Errorf("AddTeam with member %q: %v", bad, err)
		}
		if err := srv.AddTeamMember("1", bad, false); err == nil {
			t.Errorf("AddTeamMember of %q succeeded", bad)
		}
		if _, err := srv.AddLeave(bad, "", day(2024, 3, 11), day(2024, 3, 12)); err == nil {
			t.Errorf("AddLeave for %q succeeded", bad)
		}
		if _, err := srv.TokenSourceAsEmployee(bad); err == nil {
			t.Errorf("TokenSourceAsEmployee(%q) succeeded", bad)
		}
		if _, err := srv.AddEmployee("Bad", "Boss", "bad@example.com", factorialtest.ManagedBy(bad)); err == nil || !strings.Contains(err.Error(), "not an id") {
			t.Errorf("AddEmployee managed by %q: %v", bad, err)
		}
	}
	if n := len(srv.List(factorialtest.Teams)); n != teams {
		t.Errorf("refused calls created %d teams", n-teams)
	}
	if n := len(srv.List(factorialtest.Employees)); n != employees {
		t.Errorf("refused calls created %d employees", n-employees)
	}
	if got := factorialtest.StringID(factorialtest.BasicEmployeeID); got != "1003" {
		t.Errorf("StringID = %q", got)
	}
}

// TestTokenSourceAs: a client that acts as a user, where the rules that depend
// on the caller show: Bea's own leave stays pending, another's is
// refused, her time-off manager approves it once, and the admin's leave
// is approved at once.
func TestTokenSourceAs(t *testing.T) {
	t.Parallel()
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(factorialtest.DemoTime))
	defer srv.Close()
	ctx := t.Context()
	bea := factorialtest.StringID(factorialtest.BasicEmployeeID)

	basic, err := clientOf(srv)(srv.TokenSourceAs(factorialtest.BasicUserID))
	if err != nil {
		t.Fatal(err)
	}
	creds, err := basic.Credentials.List(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(creds) != 1 || creds[0].GetEmployeeID() != bea || creds[0].GetRole() != "basic" {
		t.Fatalf("credentials of Bea's client: %+v", creds)
	}
	vacation := func(emp string) resources.LeaveCreate {
		return resources.LeaveCreate{EmployeeID: emp, LeaveTypeID: factorial.Ptr("1"),
			StartOn: openapi_types.Date{Time: day(2024, 4, 1)}, FinishOn: &openapi_types.Date{Time: day(2024, 4, 2)}}
	}
	own, err := basic.TimeOff.CreateLeave(ctx, vacation(bea))
	if err != nil {
		t.Fatal(err)
	}
	if own.GetApproved() {
		t.Error("a leave Bea requested for herself came back approved")
	}
	_, err = basic.TimeOff.CreateLeave(ctx, vacation(factorialtest.StringID(factorialtest.Basic2EmployeeID)))
	if !errors.Is(err, factorial.ErrForbidden) {
		t.Errorf("Bea creating Bruno's leave: %v, want ErrForbidden", err)
	}

	manager, err := clientOf(srv)(srv.TokenSourceAs(factorialtest.ManagerUserID))
	if err != nil {
		t.Fatal(err)
	}
	approved, err := manager.TimeOff.ApproveLeave(ctx, resources.ApproveLeaveInput{ID: own.ID})
	if err != nil || !approved.GetApproved() {
		t.Fatalf("the time-off manager approving: %v, approved %v", err, approved.GetApproved())
	}
	_, err = manager.TimeOff.ApproveLeave(ctx, resources.ApproveLeaveInput{ID: own.ID})
	if !errors.Is(err, factorial.ErrValidation) {
		t.Errorf("approving twice: %v, want ErrValidation", err)
	}

	admin, err := clientOf(srv)(srv.TokenSourceAs(factorialtest.AdminUserID))
	if err != nil {
		t.Fatal(err)
	}
	byAdmin, err := admin.TimeOff.CreateLeave(ctx, vacation(factorialtest.StringID(factorialtest.Basic2EmployeeID)))
	if err != nil || !byAdmin.GetApproved() {
		t.Errorf("the admin's leave: %v, approved %v", err, byAdmin.GetApproved())
	}

	if _, err := srv.TokenSourceAs(999); err == nil {
		t.Error("TokenSourceAs of an unknown user succeeded")
	}
}

// TestTokenSourceAsRefreshes: the client outlives its first access token: on
// the server's clock it expires, and the client refreshes it.
func TestTokenSourceAsRefreshes(t *testing.T) {
	t.Parallel()
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	defer srv.Close()
	c, err := clientOf(srv)(srv.TokenSourceAs(factorialtest.BasicUserID))
	if err != nil {
		t.Fatal(err)
	}
	srv.Advance(3 * time.Hour)
	creds, err := c.Credentials.List(t.Context(), nil)
	if err != nil || len(creds) != 1 || creds[0].GetEmployeeID() != "1003" {
		t.Fatalf("after the token expired: %v %+v", err, creds)
	}
	if n := srv.TokenRequests("refresh_token"); n != 1 {
		t.Errorf("%d refreshes, want 1", n)
	}
}

// TestTokenSourceAsEmployee: any employee acts in one call; one without a
// login gets one, once.
func TestTokenSourceAsEmployee(t *testing.T) {
	t.Parallel()
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(factorialtest.DemoTime))
	defer srv.Close()
	ctx := t.Context()
	id, err := srv.AddEmployee("Nia", "New", "nia@example.com")
	if err != nil {
		t.Fatal(err)
	}
	users := len(srv.Users())
	for range 2 {
		c, err := clientOf(srv)(srv.TokenSourceAsEmployee(id))
		if err != nil {
			t.Fatal(err)
		}
		creds, err := c.Credentials.List(ctx, nil)
		if err != nil || len(creds) != 1 || creds[0].GetEmployeeID() != id || creds[0].GetEmail() != "nia@example.com" {
			t.Fatalf("credentials: %v %+v", err, creds)
		}
	}
	if n := len(srv.Users()); n != users+1 {
		t.Errorf("%d users, want one more than %d", n, users)
	}
	// An employee with a login acts as that login's user.
	c, err := clientOf(srv)(srv.TokenSourceAsEmployee("1001"))
	if err != nil {
		t.Fatal(err)
	}
	if creds, err := c.Credentials.List(ctx, nil); err != nil || creds[0].GetRole() != "admin" {
		t.Errorf("Ada's credentials: %v %+v", err, creds)
	}
	if _, err := srv.TokenSourceAsEmployee("4242"); err == nil || !strings.Contains(err.Error(), "does not exist") {
		t.Errorf("an unknown employee: %v", err)
	}
}
