package factorialtest_test

import (
	"fmt"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
)

// TestConcurrentClients: 1,000 clients at once, each with its own OAuth
// token, through the whole server (authentication included). Three in
// four are admins doing mixed CRUD (an employee, a team they join, a leave
// they update and half of them delete); the rest are basic users
// requesting their own leave and being refused an admin action. Afterwards
// every count is exact and every cross reference agrees.
func TestConcurrentClients(t *testing.T) {
	const clients = 1000
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(factorialtest.DemoTime))
	// The server validates both directions already; the clients skip their
	// own validation to keep the test quick under the race detector.
	tr := &http.Transport{MaxIdleConnsPerHost: 256, MaxConnsPerHost: 256}
	t.Cleanup(tr.CloseIdleConnections)
	hc := &http.Client{Transport: tr, Timeout: time.Minute}
	before := map[string]int{}
	for _, r := range []string{factorialtest.Employees, factorialtest.Teams, factorialtest.Leaves} {
		before[r] = len(srv.List(r))
	}

	var failures, requests, adminCount, basicLeaves, deleted atomic.Int64
	fail := func(format string, args ...any) {
		if failures.Add(1) <= 10 {
			t.Errorf(format, args...)
		}
	}
	type made struct{ emp, team, leave int }
	var mu sync.Mutex
	var kept []made
	start := time.Now()
	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() {
			user := factorialtest.AdminUserID
			if i%4 == 3 {
				user = factorialtest.BasicUserID
			}
			tok, err := srv.IssueToken(user)
			if err != nil {
				fail("client %d: %v", i, err)
				return
			}
			c, _ := api.NewClientWithResponses(srv.URL(), api.WithHTTPClient(hc), api.WithRequestEditorFn(bearerAuth(tok.AccessToken)))
			req := func() { requests.Add(1) }
			if user == factorialtest.BasicUserID {
				req()
				l, err := c.CreateLeaveWithResponse(ctx, api.LeaveCreate{EmployeeID: factorialtest.BasicEmployeeID,
					StartOn: date("2024-06-03"), FinishOn: date("2024-06-04"), LeaveTypeID: ptr(2)})
				if err != nil || l.StatusCode() != http.StatusCreated {
					fail("basic client %d own leave: %v %d", i, err, l.StatusCode())
					return
				}
				basicLeaves.Add(1)
				req()
				if r, err := c.CreateTeamWithResponse(ctx, api.TeamCreate{Name: "nope"}); err != nil || r.StatusCode() != http.StatusForbidden {
					fail("basic client %d created a team: %v", i, err)
				}
				return
			}
			adminCount.Add(1)
			req()
			emp, err := c.CreateEmployeeWithResponse(ctx, api.EmployeeCreate{FirstName: "Load", LastName: fmt.Sprint(i),
				Email: fmt.Sprintf("load%d@example.com", i), ManagerID: ptr(factorialtest.ManagerEmployeeID)})
			if err != nil || emp.StatusCode() != http.StatusCreated {
				fail("client %d create employee: %v", i, err)
				return
			}
			req()
			team, err := c.CreateTeamWithResponse(ctx, api.TeamCreate{Name: fmt.Sprintf("Team %d", i)})
			if err != nil || team.StatusCode() != http.StatusCreated {
				fail("client %d create team: %v", i, err)
				return
			}
			req()
			if r, err := c.AssignEmployeeToTeamWithResponse(ctx, team.JSON201.ID, emp.JSON201.ID); err != nil || r.StatusCode() != http.StatusOK {
				fail("client %d assign: %v", i, err)
				return
			}
			req()
			leave, err := c.CreateLeaveWithResponse(ctx, api.LeaveCreate{EmployeeID: emp.JSON201.ID,
				StartOn: date("2024-05-06"), FinishOn: date("2024-05-07"), LeaveTypeID: ptr(1)})
			if err != nil || leave.StatusCode() != http.StatusCreated {
				fail("client %d create leave: %v", i, err)
				return
			}
			req()
			upd, err := c.UpdateLeaveWithResponse(ctx, leave.JSON201.ID, api.LeaveUpdate{Description: ptr(fmt.Sprintf("updated by %d", i))})
			if err != nil || upd.StatusCode() != http.StatusOK || *upd.JSON200.EmployeeFullName != fmt.Sprintf("Load %d", i) {
				fail("client %d update leave: %v", i, err)
			}
			if i%2 == 0 {
				req()
				if r, err := c.DeleteLeaveWithResponse(ctx, leave.JSON201.ID); err != nil || r.StatusCode() != http.StatusOK {
					fail("client %d delete leave: %v", i, err)
				}
				deleted.Add(1)
				mu.Lock()
				kept = append(kept, made{emp.JSON201.ID, team.JSON201.ID, 0})
				mu.Unlock()
				return
			}
			mu.Lock()
			kept = append(kept, made{emp.JSON201.ID, team.JSON201.ID, leave.JSON201.ID})
			mu.Unlock()
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	t.Logf("%d clients, %d requests in %v (%.0f req/s)", clients, requests.Load(), elapsed.Round(time.Millisecond),
		float64(requests.Load())/elapsed.Seconds())
	if failures.Load() > 0 {
		t.FailNow()
	}

	admins := int(adminCount.Load())
	if admins != 750 || basicLeaves.Load() != 250 {
		t.Fatalf("%d admin clients, %d basic leaves", admins, basicLeaves.Load())
	}
	counts := map[string]int{
		factorialtest.Employees: len(srv.List(factorialtest.Employees)) - before[factorialtest.Employees],
		factorialtest.Teams:     len(srv.List(factorialtest.Teams)) - before[factorialtest.Teams],
		factorialtest.Leaves:    len(srv.List(factorialtest.Leaves)) - before[factorialtest.Leaves],
	}
	want := map[string]int{
		factorialtest.Employees: admins,
		factorialtest.Teams:     admins,
		factorialtest.Leaves:    admins - int(deleted.Load()) + int(basicLeaves.Load()),
	}
	for res, n := range want {
		if counts[res] != n {
			t.Errorf("%s: %d new records, want %d", res, counts[res], n)
		}
	}

	// Every client's records reference each other both ways, and the API
	// agrees with the store.
	c := client(t, srv, apiKeyAuth(factorialtest.DefaultAPIKey))
	emps, err := c.ListEmployeesWithResponse(ctx)
	wantStatus(t, "list employees", emps, err, http.StatusOK)
	teamsOf := map[int][]int{}
	for _, e := range *emps.JSON200 {
		teamsOf[e.ID] = e.TeamIDs
	}
	if len(teamsOf) != before[factorialtest.Employees]+admins {
		t.Errorf("ListEmployees has %d employees", len(teamsOf))
	}
	for _, m := range kept {
		team, _ := srv.Get(factorialtest.Teams, m.team)
		if ids, _ := team["employee_ids"].([]any); len(ids) != 1 || ids[0] != m.emp {
			t.Errorf("team %d members %v, want [%d]", m.team, team["employee_ids"], m.emp)
		}
		if !slices.Equal(teamsOf[m.emp], []int{m.team}) {
			t.Errorf("employee %d team_ids %v, want [%d]", m.emp, teamsOf[m.emp], m.team)
		}
		if m.leave != 0 {
			leave, ok := srv.Get(factorialtest.Leaves, m.leave)
			if !ok || leave["employee_id"] != m.emp || leave["description"] == nil {
				t.Errorf("leave %d: %v", m.leave, leave)
			}
		}
	}
	noViolations(t, srv)
}
