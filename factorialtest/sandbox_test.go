package factorialtest_test

import (
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
)

// TestCRUDRoundTrips drives create → get → list → update → delete on
// several resources with the generated client, authenticated by a token
// from the real code flow, every exchange validated against openapi.yaml.
func TestCRUDRoundTrips(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(factorialtest.DemoTime))
	tok := codeFlowToken(t, srv, factorialtest.AdminUserID)
	c := client(t, srv, bearerAuth(tok.AccessToken))
	stamp := factorialtest.DemoTime.Format(time.RFC3339)

	t.Run("teams", func(t *testing.T) {
		created, err := c.CreateTeamWithResponse(ctx, api.TeamCreate{Name: "Platform", Description: ptr("Runs the servers")})
		wantStatus(t, "create", created, err, http.StatusCreated)
		id := created.JSON201.ID
		got, err := c.GetTeamWithResponse(ctx, id)
		wantStatus(t, "get", got, err, http.StatusOK)
		if *got.JSON200.Name != "Platform" || *got.JSON200.Description != "Runs the servers" || len(got.JSON200.EmployeeIDs) != 0 {
			t.Errorf("get: %s", got.Body)
		}
		list, err := c.ListTeamsWithResponse(ctx)
		wantStatus(t, "list", list, err, http.StatusOK)
		if !slices.ContainsFunc(*list.JSON200, func(tm api.Team) bool { return tm.ID == id }) || len(*list.JSON200) != 3 {
			t.Errorf("list: %s", list.Body)
		}
		upd, err := c.UpdateTeamWithResponse(ctx, id, api.TeamUpdate{Name: ptr("Infrastructure")})
		wantStatus(t, "update", upd, err, http.StatusOK)
		if rec, _ := srv.Get(factorialtest.Teams, id); rec["name"] != "Infrastructure" || rec["description"] != "Runs the servers" || rec["updated_at"] != stamp {
			t.Errorf("stored after update: %v", rec)
		}
		del, err := c.DeleteTeamWithResponse(ctx, id)
		wantStatus(t, "delete", del, err, http.StatusOK)
		gone, err := c.GetTeamWithResponse(ctx, id)
		wantStatus(t, "get deleted", gone, err, http.StatusNotFound)
	})

	t.Run("leaves", func(t *testing.T) {
		created, err := c.CreateLeaveWithResponse(ctx, api.LeaveCreate{EmployeeID: factorialtest.BasicEmployeeID,
			StartOn: date("2024-04-08"), FinishOn: date("2024-04-10"), LeaveTypeID: ptr(1), Description: ptr("Easter")})
		wantStatus(t, "create", created, err, http.StatusCreated)
		id := created.JSON201.ID
		if *created.JSON201.EmployeeFullName != "Bea Basic" || *created.JSON201.LeaveTypeName != "Vacation" || !*created.JSON201.Approved {
			t.Errorf("create: %s", created.Body)
		}
		got, err := c.GetLeaveWithResponse(ctx, id)
		wantStatus(t, "get", got, err, http.StatusOK)
		list, err := c.ListLeavesWithResponse(ctx, &api.ListLeavesParams{EmployeeIDs: []int{factorialtest.BasicEmployeeID}})
		wantStatus(t, "list", list, err, http.StatusOK)
		var ids []int
		for _, l := range *list.JSON200 {
			if *l.EmployeeID != factorialtest.BasicEmployeeID {
				t.Errorf("filter let through employee %d", *l.EmployeeID)
			}
			ids = append(ids, l.ID)
		}
		if !slices.Equal(ids, []int{1, id}) {
			t.Errorf("Bea's leaves = %v, want [1 %d]", ids, id)
		}
		upd, err := c.UpdateLeaveWithResponse(ctx, id, api.LeaveUpdate{FinishOn: ptr(date("2024-04-12"))})
		wantStatus(t, "update", upd, err, http.StatusOK)
		if upd.JSON200.FinishOn.String() != "2024-04-12" || upd.JSON200.StartOn.String() != "2024-04-08" {
			t.Errorf("update: %s", upd.Body)
		}
		bad, err := c.UpdateLeaveWithResponse(ctx, id, api.LeaveUpdate{FinishOn: ptr(date("2024-04-01"))})
		wantStatus(t, "update before start", bad, err, http.StatusUnprocessableEntity)
		del, err := c.DeleteLeaveWithResponse(ctx, id)
		wantStatus(t, "delete", del, err, http.StatusOK)
		if _, ok := srv.Get(factorialtest.Leaves, id); ok {
			t.Error("deleted leave still stored")
		}
	})

	t.Run("tasks", func(t *testing.T) {
		created, err := c.CreateTaskWithResponse(ctx, api.TaskCreate{Name: "Laptop", AssigneeIDs: []int{factorialtest.Basic2EmployeeID}})
		wantStatus(t, "create", created, err, http.StatusCreated)
		id := created.JSON201.ID
		list, err := c.ListTasksWithResponse(ctx, &api.ListTasksParams{AssigneeID: ptr(factorialtest.Basic2EmployeeID)})
		wantStatus(t, "list", list, err, http.StatusOK)
		if len(*list.JSON200) != 1 || (*list.JSON200)[0].ID != id {
			t.Errorf("Bruno's tasks: %s", list.Body)
		}
		upd, err := c.UpdateTaskWithResponse(ctx, id, api.TaskUpdate{Content: ptr("MacBook")})
		wantStatus(t, "update", upd, err, http.StatusOK)
		got, err := c.GetTaskWithResponse(ctx, id)
		wantStatus(t, "get", got, err, http.StatusOK)
		if *got.JSON200.Name != "Laptop" || *got.JSON200.Content != "MacBook" {
			t.Errorf("get after update: %s", got.Body)
		}
		del, err := c.DeleteTaskWithResponse(ctx, id)
		wantStatus(t, "delete", del, err, http.StatusOK)
		gone, err := c.GetTaskWithResponse(ctx, id)
		wantStatus(t, "get deleted", gone, err, http.StatusNotFound)
	})

	t.Run("employees", func(t *testing.T) {
		created, err := c.CreateEmployeeWithResponse(ctx, api.EmployeeCreate{FirstName: "Nora", LastName: "New",
			Email: "nora@example.com", ManagerID: ptr(factorialtest.ManagerEmployeeID)})
		wantStatus(t, "create", created, err, http.StatusCreated)
		id := created.JSON201.ID
		if id != factorialtest.TerminatedEmployeeID+1 || *created.JSON201.Role != "basic" || *created.JSON201.FullName != "Nora New" {
			t.Errorf("create: %s", created.Body)
		}
		dup, err := c.CreateEmployeeWithResponse(ctx, api.EmployeeCreate{FirstName: "N", LastName: "Twin", Email: "nora@example.com"})
		wantStatus(t, "duplicate email", dup, err, http.StatusUnprocessableEntity)
		upd, err := c.UpdateEmployeeWithResponse(ctx, id, api.EmployeeUpdate{LastName: ptr("Newer")})
		wantStatus(t, "update", upd, err, http.StatusOK)
		got, err := c.GetEmployeeWithResponse(ctx, id)
		wantStatus(t, "get", got, err, http.StatusOK)
		if *got.JSON200.FullName != "Nora Newer" || *got.JSON200.ManagerID != factorialtest.ManagerEmployeeID {
			t.Errorf("get: %s", got.Body)
		}
		list, err := c.ListEmployeesWithResponse(ctx)
		wantStatus(t, "list", list, err, http.StatusOK)
		if n := len(*list.JSON200); n != 6 {
			t.Errorf("%d employees, want the 5 demo people and Nora", n)
		}
		// Employees are not deleted on Factorial; they are terminated.
		term, err := c.TerminateEmployeeWithResponse(ctx, id, api.TerminateEmployeeJSONRequestBody{TerminatedOn: ptr(date("2024-03-31"))})
		wantStatus(t, "terminate", term, err, http.StatusOK)
		if rec, _ := srv.Get(factorialtest.Employees, id); rec["terminated_on"] != "2024-03-31" {
			t.Errorf("stored after termination: %v", rec["terminated_on"])
		}
	})
	noViolations(t, srv)
}

// TestPermissions: the sandbox's permission model through real tokens.
func TestPermissions(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	basicTok, _ := srv.IssueToken(factorialtest.BasicUserID)
	managerTok, _ := srv.IssueToken(factorialtest.ManagerUserID)
	adminTok, _ := srv.IssueToken(factorialtest.AdminUserID)
	basic := client(t, srv, bearerAuth(basicTok.AccessToken))
	manager := client(t, srv, bearerAuth(managerTok.AccessToken))
	admin := client(t, srv, bearerAuth(adminTok.AccessToken))

	for _, tc := range []struct {
		c        *api.ClientWithResponses
		emp      int
		email    string
		wantRole string
	}{
		{admin, factorialtest.AdminEmployeeID, "admin@example.com", "admin"},
		{manager, factorialtest.ManagerEmployeeID, "manager@example.com", "manager"},
		{basic, factorialtest.BasicEmployeeID, "basic@example.com", "basic"},
	} {
		me, err := tc.c.GetMeWithResponse(ctx)
		wantStatus(t, "me", me, err, http.StatusOK)
		if me.JSON200.EmployeeID != tc.emp || me.JSON200.Email != tc.email || *me.JSON200.Role != tc.wantRole {
			t.Errorf("me = %s, want employee %d %s %s", me.Body, tc.emp, tc.email, tc.wantRole)
		}
	}

	// A basic user sees a colleague without private data, herself in full.
	other, err := basic.GetEmployeeWithResponse(ctx, factorialtest.Basic2EmployeeID)
	wantStatus(t, "basic reads a colleague", other, err, http.StatusOK)
	full, err := admin.GetEmployeeWithResponse(ctx, factorialtest.Basic2EmployeeID)
	wantStatus(t, "admin reads the same", full, err, http.StatusOK)
	if *other.JSON200.FullName != "Bruno Basic" || other.JSON200.BankNumber != nil && *other.JSON200.BankNumber != "" ||
		other.JSON200.Hiring != nil && other.JSON200.Hiring.BaseCompensationAmountInCents != nil {
		t.Errorf("restricted view leaks: %s", other.Body)
	}
	if full.JSON200.BankNumber == nil || *full.JSON200.BankNumber == "" || full.JSON200.Hiring.BaseCompensationAmountInCents == nil {
		t.Errorf("admin view is missing private data: %s", full.Body)
	}
	self, err := basic.GetEmployeeWithResponse(ctx, factorialtest.BasicEmployeeID)
	wantStatus(t, "basic reads herself", self, err, http.StatusOK)
	if self.JSON200.BankNumber == nil || *self.JSON200.BankNumber == "" {
		t.Errorf("own record restricted: %s", self.Body)
	}

	// Admin actions are 403; self-service is allowed for oneself only.
	team, err := basic.CreateTeamWithResponse(ctx, api.TeamCreate{Name: "Rogue"})
	wantStatus(t, "basic creates a team", team, err, http.StatusForbidden)
	term, err := basic.TerminateEmployeeWithResponse(ctx, factorialtest.Basic2EmployeeID, api.TerminateEmployeeJSONRequestBody{})
	wantStatus(t, "basic terminates a colleague", term, err, http.StatusForbidden)
	keys, err := basic.ListAPIKeysWithResponse(ctx)
	wantStatus(t, "basic lists API keys", keys, err, http.StatusForbidden)
	own, err := basic.CreateLeaveWithResponse(ctx, api.LeaveCreate{EmployeeID: factorialtest.BasicEmployeeID,
		StartOn: date("2030-01-02"), FinishOn: date("2030-01-03"), LeaveTypeID: ptr(1)})
	wantStatus(t, "basic requests her own leave", own, err, http.StatusCreated)
	if *own.JSON201.Approved {
		t.Error("a basic user's vacation request is approved without a manager")
	}
	theirs, err := basic.CreateLeaveWithResponse(ctx, api.LeaveCreate{EmployeeID: factorialtest.Basic2EmployeeID,
		StartOn: date("2030-01-02"), FinishOn: date("2030-01-03")})
	wantStatus(t, "basic requests a colleague's leave", theirs, err, http.StatusForbidden)
	if rec, ok := srv.Get(factorialtest.Teams, 3); ok {
		t.Errorf("a forbidden create stored %v", rec)
	}
	noViolations(t, srv)
}

// TestAPIKeys: company API keys have full access, and keys created through
// the API work at once and stop working when deleted.
func TestAPIKeys(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	c := client(t, srv, apiKeyAuth(factorialtest.DefaultAPIKey))
	team, err := c.CreateTeamWithResponse(ctx, api.TeamCreate{Name: "Keyed"})
	wantStatus(t, "create with the API key", team, err, http.StatusCreated)
	emp, err := c.GetEmployeeWithResponse(ctx, factorialtest.Basic2EmployeeID)
	wantStatus(t, "read with the API key", emp, err, http.StatusOK)
	if emp.JSON200.BankNumber == nil || *emp.JSON200.BankNumber == "" {
		t.Errorf("API key got a restricted view: %s", emp.Body)
	}
	me, err := c.GetMeWithResponse(ctx)
	wantStatus(t, "me with the API key", me, err, http.StatusOK)
	if me.JSON200.EmployeeID != factorialtest.AdminEmployeeID || *me.JSON200.Role != "admin" {
		t.Errorf("me = %s", me.Body)
	}

	created, err := c.CreateAPIKeyWithResponse(ctx, api.APIKeyCreate{Name: "CI"})
	wantStatus(t, "create an API key", created, err, http.StatusCreated)
	if !slices.Contains(srv.Secrets(), *created.JSON201.Token) {
		t.Error("Secrets misses an API key created through the API")
	}
	fresh := client(t, srv, apiKeyAuth(*created.JSON201.Token))
	list, err := fresh.ListTeamsWithResponse(ctx)
	wantStatus(t, "use the new key", list, err, http.StatusOK)
	del, err := c.DeleteAPIKeyWithResponse(ctx, created.JSON201.ID)
	wantStatus(t, "delete the key", del, err, http.StatusOK)
	gone, err := fresh.ListTeamsWithResponse(ctx)
	wantStatus(t, "use the deleted key", gone, err, http.StatusUnauthorized)

	bad, err := client(t, srv, apiKeyAuth("not-a-key")).ListTeamsWithResponse(ctx)
	wantStatus(t, "unknown key", bad, err, http.StatusUnauthorized)
	if len(bad.Body) != 0 || !strings.Contains(bad.HTTPResponse.Header.Get("WWW-Authenticate"), `error="invalid_token"`) {
		t.Errorf("401 for an unknown key: %q %v", bad.Body, bad.HTTPResponse.Header)
	}
	noViolations(t, srv)
}

// TestTokenExpiryAndRefresh: an expired or revoked token is Doorkeeper's
// 401 on the REST API, and a refresh restores access.
func TestTokenExpiryAndRefresh(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(factorialtest.DemoTime))
	tok := codeFlowToken(t, srv, factorialtest.BasicUserID)
	c := client(t, srv, bearerAuth(tok.AccessToken))
	r, err := c.ListLeavesWithResponse(ctx, nil)
	wantStatus(t, "before expiry", r, err, http.StatusOK)

	srv.ExpireToken(tok.AccessToken)
	r, err = c.ListLeavesWithResponse(ctx, nil)
	wantStatus(t, "after ExpireToken", r, err, http.StatusUnauthorized)
	want := `Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token expired"`
	if got := r.HTTPResponse.Header.Get("WWW-Authenticate"); got != want || len(r.Body) != 0 {
		t.Errorf("401: %q %q", got, r.Body)
	}

	fresh := refresh(t, srv, tok.RefreshToken)
	c2 := client(t, srv, bearerAuth(fresh.AccessToken))
	r, err = c2.ListLeavesWithResponse(ctx, nil)
	wantStatus(t, "after refresh", r, err, http.StatusOK)
	me, err := c2.GetMeWithResponse(ctx)
	wantStatus(t, "me after refresh", me, err, http.StatusOK)
	if me.JSON200.EmployeeID != factorialtest.BasicEmployeeID {
		t.Errorf("refreshed token acts as employee %d", me.JSON200.EmployeeID)
	}

	// The clock expires tokens too: 7200 s later the new one is dead.
	srv.Advance(2 * time.Hour)
	r, err = c2.ListLeavesWithResponse(ctx, nil)
	wantStatus(t, "after Advance", r, err, http.StatusUnauthorized)

	revoked := refresh(t, srv, fresh.RefreshToken)
	srv.RevokeToken(revoked.AccessToken)
	r, err = client(t, srv, bearerAuth(revoked.AccessToken)).ListLeavesWithResponse(ctx, nil)
	wantStatus(t, "revoked", r, err, http.StatusUnauthorized)
	if got := r.HTTPResponse.Header.Get("WWW-Authenticate"); !strings.Contains(got, "The access token was revoked") {
		t.Errorf("revoked challenge: %q", got)
	}
	noViolations(t, srv)
}
