package factorialtest_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
)

func TestSeedingHelpers(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(factorialtest.DemoTime))
	c := client(t, srv, apiKeyAuth(factorialtest.DefaultAPIKey))

	id, err := srv.V1().AddEmployee("Olga", "Ops", "olga@example.com", factorialtest.ManagedBy(factorialtest.ManagerEmployeeID),
		factorialtest.StartingOn(time.Date(2023, 9, 1, 0, 0, 0, 0, time.UTC)), factorialtest.EmployeeFields(map[string]any{"location_id": 2}))
	if err != nil {
		t.Fatal(err)
	}
	emp, err := c.GetEmployeeWithResponse(ctx, id)
	wantStatus(t, "get the added employee", emp, err, http.StatusOK)
	if *emp.JSON200.FullName != "Olga Ops" || *emp.JSON200.ManagerID != factorialtest.ManagerEmployeeID || emp.JSON200.StartDate.String() != "2023-09-01" ||
		*emp.JSON200.LocationID != 2 || *emp.JSON200.Role != "basic" {
		t.Errorf("added employee: %s", emp.Body)
	}
	if _, err := srv.V1().AddEmployee("Olga", "Twin", "olga@example.com"); err == nil || !strings.Contains(err.Error(), "422") {
		t.Errorf("duplicate email: %v", err)
	}
	if _, err := srv.V1().AddEmployee("No", "Boss", "noboss@example.com", factorialtest.ManagedBy(999)); err == nil || !strings.Contains(err.Error(), "manager_id") {
		t.Errorf("unknown manager: %v", err)
	}
	admin, _ := srv.V1().AddEmployee("Root", "Admin", "root@example.com", factorialtest.AsAdmin())
	if rec, _ := srv.Get(factorialtest.Employees, admin); rec["role"] != "admin" {
		t.Errorf("AsAdmin: role %v", rec["role"])
	}

	team, err := srv.V1().AddTeam("Ops", id)
	if err != nil {
		t.Fatal(err)
	}
	if err := srv.V1().AddTeamMember(team, factorialtest.BasicEmployeeID, true); err != nil {
		t.Fatal(err)
	}
	got, err := c.GetTeamWithResponse(ctx, team)
	wantStatus(t, "get the added team", got, err, http.StatusOK)
	if !slices.Equal(got.JSON200.EmployeeIDs, []int{factorialtest.BasicEmployeeID, id}) || !slices.Equal(got.JSON200.LeadIDs, []int{factorialtest.BasicEmployeeID}) {
		t.Errorf("team: %s", got.Body)
	}
	bea, _ := c.GetEmployeeWithResponse(ctx, factorialtest.BasicEmployeeID)
	if !slices.Equal(bea.JSON200.TeamIDs, []int{1, team}) {
		t.Errorf("Bea's team_ids = %v", bea.JSON200.TeamIDs)
	}
	if err := srv.V1().AddTeamMember(99, id, false); err == nil {
		t.Error("AddTeamMember to a missing team succeeded")
	}

	leave, err := srv.V1().AddLeave(id, 0, time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	leaves, err := c.ListLeavesWithResponse(ctx, &api.ListLeavesParams{EmployeeIDs: []int{id}})
	wantStatus(t, "list the added leave", leaves, err, http.StatusOK)
	if len(*leaves.JSON200) != 1 || (*leaves.JSON200)[0].ID != leave || *(*leaves.JSON200)[0].LeaveTypeName != "Vacation" {
		t.Errorf("leaves: %s", leaves.Body)
	}
	if _, err := srv.V1().AddLeave(id, 1, time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC), time.Date(2024, 3, 11, 0, 0, 0, 0, time.UTC)); err == nil {
		t.Error("a leave ending before it starts was accepted")
	}

	// Put stores generated types as they are, with the id given.
	pid := srv.Put(factorialtest.Teams, factorialtest.Record(api.Team{ID: 77, Name: ptr("Seeded"), Description: ptr("by Put")}))
	seeded, err := c.GetTeamWithResponse(ctx, 77)
	wantStatus(t, "get the Put team", seeded, err, http.StatusOK)
	if pid != 77 || *seeded.JSON200.Name != "Seeded" {
		t.Errorf("Put: id %d, %s", pid, seeded.Body)
	}
	rec, _ := srv.Get(factorialtest.Teams, 77)
	rec["name"] = "mutated"
	if again, _ := srv.Get(factorialtest.Teams, 77); again["name"] != "Seeded" {
		t.Error("Get returned the stored record, not a copy")
	}
	if !srv.Delete(factorialtest.Teams, 77) || srv.Delete(factorialtest.Teams, 77) {
		t.Error("Delete")
	}
	if !slices.Contains(srv.Resources(), factorialtest.Shifts) || len(srv.Resources()) < 52 {
		t.Errorf("Resources() = %v", srv.Resources())
	}
	if _, err := srv.Create(factorialtest.Employees, factorialtest.Record(api.EmployeeCreate{FirstName: "Via", LastName: "Record", Email: "via@example.com"})); err != nil {
		t.Errorf("Create from a generated type: %v", err)
	}

	// A login for the new employee.
	u, err := srv.AddUser(factorialtest.User{EmployeeID: id})
	if err != nil {
		t.Fatal(err)
	}
	if u.ID != factorialtest.Basic2UserID+1 || u.Email != "olga@example.com" || u.Role != "basic" {
		t.Errorf("AddUser = %+v", u)
	}
	tok, err := srv.IssueToken(u.ID)
	if err != nil {
		t.Fatal(err)
	}
	me, err := client(t, srv, bearerAuth(tok.AccessToken)).GetMeWithResponse(ctx)
	wantStatus(t, "me as the new user", me, err, http.StatusOK)
	if me.JSON200.EmployeeID != id || me.JSON200.Email != "olga@example.com" {
		t.Errorf("me = %s", me.Body)
	}
	if _, err := srv.AddUser(factorialtest.User{ID: u.ID, EmployeeID: id}); err == nil {
		t.Error("AddUser reused a user id")
	}
	// A user whose employee does not exist yet brings one.
	ghost, err := srv.AddUser(factorialtest.User{EmployeeID: 5000, FirstName: "Gus", LastName: "Ghost", Email: "gus@example.com", Role: "admin"})
	if err != nil {
		t.Fatal(err)
	}
	if rec, ok := srv.Get(factorialtest.Employees, 5000); !ok || rec["full_name"] != "Gus Ghost" || rec["role"] != "admin" || ghost.ID != u.ID+1 {
		t.Errorf("AddUser's employee: %v", rec)
	}
	noViolations(t, srv)
}

// TestResetAndDeterminism: Reset restores exactly the initial data, keeps
// OAuth state, and two servers on the same frozen clock hold identical
// data.
func TestResetAndDeterminism(t *testing.T) {
	opts := []factorialtest.Option{factorialtest.WithFrozenClock(factorialtest.DemoTime)}
	srv := factorialtest.NewServer(append(opts, factorialtest.WithTB(t))...)
	twin := factorialtest.NewServer(append(opts, factorialtest.WithTB(t))...)
	same := func(when string) {
		t.Helper()
		for _, res := range srv.Resources() {
			a, _ := json.Marshal(srv.List(res))
			b, _ := json.Marshal(twin.List(res))
			if string(a) != string(b) {
				t.Errorf("%s: %s differs from a fresh server", when, res)
			}
		}
	}
	same("at start")

	tok, _ := srv.IssueToken(factorialtest.BasicUserID)
	c := client(t, srv, bearerAuth(tok.AccessToken))
	r, err := c.CreateLeaveWithResponse(ctx, api.LeaveCreate{EmployeeID: factorialtest.BasicEmployeeID, StartOn: date("2024-07-01"), FinishOn: date("2024-07-05")})
	wantStatus(t, "create a leave", r, err, http.StatusCreated)
	srv.Delete(factorialtest.Teams, 1)
	u, _ := srv.AddUser(factorialtest.User{EmployeeID: 6000, FirstName: "Kai", LastName: "Kept", Email: "kai@example.com"})
	h := srv.InjectFault(factorialtest.Fault{Match: "GetTeam", Status: http.StatusTeapot})

	srv.Reset()
	if _, ok := srv.Get(factorialtest.Leaves, r.JSON201.ID); ok {
		t.Error("Reset kept a created leave")
	}
	if rec, ok := srv.Get(factorialtest.Employees, 6000); !ok || rec["email"] != "kai@example.com" {
		t.Errorf("Reset dropped the employee of user %d: %v", u.ID, rec)
	}
	srv.Delete(factorialtest.Employees, 6000) // the only difference from the twin
	same("after Reset")
	// Tokens and faults survive Reset.
	me, err := c.GetMeWithResponse(ctx)
	wantStatus(t, "me after Reset", me, err, http.StatusOK)
	if g, _ := c.GetTeamWithResponse(ctx, 1); g.StatusCode() != http.StatusTeapot || h.Hits() != 1 {
		t.Errorf("fault after Reset: %d", g.StatusCode())
	}
	noViolations(t, srv)
}

func TestWithoutDemoData(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithoutDemoData())
	c := client(t, srv, apiKeyAuth(factorialtest.DefaultAPIKey))
	emps, err := c.ListEmployeesWithResponse(ctx)
	wantStatus(t, "list employees", emps, err, http.StatusOK)
	var ids []int
	for _, e := range *emps.JSON200 {
		ids = append(ids, e.ID)
		if len(e.TeamIDs) != 0 {
			t.Errorf("employee %d is in teams %v", e.ID, e.TeamIDs)
		}
	}
	want := []int{factorialtest.AdminEmployeeID, factorialtest.ManagerEmployeeID, factorialtest.BasicEmployeeID, factorialtest.Basic2EmployeeID}
	if !slices.Equal(ids, want) {
		t.Errorf("employees %v, want only the users' %v", ids, want)
	}
	for _, res := range srv.Resources() {
		if n := len(srv.List(res)); res != factorialtest.Employees && n != 0 {
			t.Errorf("%s has %d records", res, n)
		}
	}
	tok, _ := srv.IssueToken(factorialtest.BasicUserID)
	me, err := client(t, srv, bearerAuth(tok.AccessToken)).GetMeWithResponse(ctx)
	wantStatus(t, "me", me, err, http.StatusOK)
	if me.JSON200.EmployeeID != factorialtest.BasicEmployeeID || me.JSON200.Email != "basic@example.com" {
		t.Errorf("me = %s", me.Body)
	}
	srv.V1().AddTeam("Only")
	srv.Reset()
	if len(srv.List(factorialtest.Teams)) != 0 || len(srv.List(factorialtest.Employees)) != 4 {
		t.Error("Reset did not return to the empty company")
	}
	noViolations(t, srv)
}

func TestWithDeleteNoContent(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithDeleteNoContent())
	c := client(t, srv, apiKeyAuth(factorialtest.DefaultAPIKey))
	r, err := c.DeleteTeamWithResponse(ctx, 1)
	wantStatus(t, "delete", r, err, http.StatusNoContent)
	if len(r.Body) != 0 || r.JSON200 != nil {
		t.Errorf("204 with a body: %q", r.Body)
	}
	if _, ok := srv.Get(factorialtest.Teams, 1); ok {
		t.Error("team 1 not deleted")
	}
	noViolations(t, srv)
}

// TestOneClock: the OAuth server and the sandbox read the same clock,
// whether frozen, injected or advanced.
func TestOneClock(t *testing.T) {
	var fake atomic.Int64
	fake.Store(time.Date(2031, 1, 6, 8, 0, 0, 0, time.UTC).Unix())
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithClock(func() time.Time { return time.Unix(fake.Load(), 0).UTC() }))
	if got := srv.Now(); !got.Equal(time.Date(2031, 1, 6, 8, 0, 0, 0, time.UTC)) {
		t.Fatalf("Now = %v", got)
	}
	// The demo data is anchored to the clock's day.
	if leave, _ := srv.Get(factorialtest.Leaves, 1); leave["start_on"] != "2031-01-13" {
		t.Errorf("seeded leave starts %v, want a week after the clock's day", leave["start_on"])
	}
	fake.Add(3600)
	srv.Advance(30 * time.Minute)
	now := time.Date(2031, 1, 6, 9, 30, 0, 0, time.UTC)
	tok, _ := srv.IssueToken(factorialtest.AdminUserID)
	if !tok.CreatedAt.Equal(now) {
		t.Errorf("token created_at %v, want %v", tok.CreatedAt, now)
	}
	c := client(t, srv, bearerAuth(tok.AccessToken))
	team, err := c.CreateTeamWithResponse(ctx, api.TeamCreate{Name: "Clocked"})
	wantStatus(t, "create", team, err, http.StatusCreated)
	if rec, _ := srv.Get(factorialtest.Teams, team.JSON201.ID); rec["created_at"] != now.Format(time.RFC3339) {
		t.Errorf("record created_at %v, want %v", rec["created_at"], now)
	}
	if d := team.HTTPResponse.Header.Get("Date"); d != now.Format(http.TimeFormat) {
		t.Errorf("Date = %q", d)
	}
	// Token expiry follows the same clock.
	srv.Advance(2 * time.Hour)
	r, err := c.ListTeamsWithResponse(ctx)
	wantStatus(t, "after two hours", r, err, http.StatusUnauthorized)
	noViolations(t, srv)
}

// TestUsersAreEmployees: the default users are exactly the demo people,
// and WithUser adds or overrides a person on both sides.
func TestUsersAreEmployees(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t),
		factorialtest.WithUser(factorialtest.User{ID: 9, EmployeeID: 4242, Email: "nine@example.com", FirstName: "Nina", LastName: "Nine", Role: "admin"}),
		factorialtest.WithUser(factorialtest.User{ID: factorialtest.ManagerUserID, EmployeeID: factorialtest.ManagerEmployeeID,
			Email: "boss@example.com", FirstName: "Manu", LastName: "Manager", Role: "manager"}))
	for _, u := range srv.Users() {
		rec, ok := srv.Get(factorialtest.Employees, u.EmployeeID)
		if !ok || rec["email"] != u.Email || rec["first_name"] != u.FirstName || rec["last_name"] != u.LastName {
			t.Errorf("user %d and employee %d disagree: %+v vs %v", u.ID, u.EmployeeID, u, rec)
		}
	}
	tok, _ := srv.IssueToken(9)
	c := client(t, srv, bearerAuth(tok.AccessToken))
	me, err := c.GetMeWithResponse(ctx)
	wantStatus(t, "me", me, err, http.StatusOK)
	if me.JSON200.EmployeeID != 4242 || *me.JSON200.Role != "admin" {
		t.Errorf("me = %s", me.Body)
	}
	team, err := c.CreateTeamWithResponse(ctx, api.TeamCreate{Name: "Nine's"})
	wantStatus(t, "an added admin creates a team", team, err, http.StatusCreated)

	// Without WithUser the users are the demo company's people as seeded.
	plain := factorialtest.NewServer(factorialtest.WithTB(t))
	fresh := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithoutDemoData())
	_ = fresh
	var emails []string
	for _, u := range plain.Users() {
		emails = append(emails, u.Email)
	}
	if want := []string{"admin@example.com", "manager@example.com", "basic@example.com", "basic2@example.com"}; !reflect.DeepEqual(emails, want) {
		t.Errorf("users %v, want %v", emails, want)
	}
	if rec, _ := plain.Get(factorialtest.Employees, factorialtest.TerminatedEmployeeID); rec["terminated_on"] == nil {
		t.Error("the terminated demo employee is not terminated")
	}
	if _, err := factorialtest.Start("", factorialtest.WithUser(factorialtest.User{ID: 7})); err == nil {
		t.Error("a user without an employee id was accepted")
	}
	noViolations(t, srv)
}
