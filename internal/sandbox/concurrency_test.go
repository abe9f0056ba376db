package sandbox

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
)

// fastClient skips client-side validation (the server still validates both
// directions) to keep the load tests quick under the race detector.
func (e *env) fastClient(token string, tr http.RoundTripper) *api.ClientWithResponses {
	c, err := api.NewClientWithResponses(e.srv.URL, api.WithHTTPClient(&http.Client{Transport: tr, Timeout: time.Minute}),
		api.WithRequestEditorFn(func(_ context.Context, r *http.Request) error {
			r.Header.Set("Authorization", "Bearer "+token)
			return nil
		}))
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

// TestConcurrentClients: 1,000 clients at once, each creating an employee,
// a team and a leave, clocking its employee in and out, joining a team (some
// as leads, some leaving again) and reading. Afterwards every count is
// exact and both sides of every team membership agree.
func TestConcurrentClients(t *testing.T) {
	const clients = 1000
	e := newEnv(t)
	tr := &http.Transport{MaxIdleConnsPerHost: 256, MaxConnsPerHost: 256}
	t.Cleanup(tr.CloseIdleConnections)
	c := e.fastClient(tokAdmin, tr)
	before := map[string]int{}
	for _, r := range []string{ResEmployees, ResTeams, ResLeaves, ResShifts} {
		before[r] = len(e.s.List(r))
	}

	var failures, requests atomic.Int64
	fail := func(format string, args ...any) {
		if failures.Add(1) <= 10 {
			t.Errorf(format, args...)
		}
	}
	type member struct{ team, emp int }
	var mu sync.Mutex
	var joined, left []member
	start := time.Now()
	var wg sync.WaitGroup
	for i := range clients {
		wg.Go(func() {
			req := func() { requests.Add(1) }
			req()
			emp, err := c.CreateEmployeeWithResponse(ctx, api.CreateEmployeeJSONRequestBody{
				Email: fmt.Sprintf("load%d@acme.test", i), FirstName: "Load", LastName: fmt.Sprint(i)})
			if err != nil || emp.StatusCode() != http.StatusCreated {
				fail("client %d create employee: %v %s", i, err, emp.Body)
				return
			}
			id := emp.JSON201.ID
			req()
			if r, err := c.CreateTeamWithResponse(ctx, api.CreateTeamJSONRequestBody{Name: fmt.Sprintf("Team %d", i)}); err != nil || r.StatusCode() != http.StatusCreated {
				fail("client %d create team: %v", i, err)
			}
			req()
			leave, err := c.CreateLeaveWithResponse(ctx, api.LeaveCreate{EmployeeID: id, StartOn: date("2024-05-01"), FinishOn: date("2024-05-03"), LeaveTypeID: ptr(1)})
			if err != nil || leave.StatusCode() != http.StatusCreated {
				fail("client %d create leave: %v", i, err)
				return
			}
			now := e.s.Now()
			req()
			if r, err := c.ClockInWithResponse(ctx, api.ClockInJSONRequestBody{EmployeeID: id, Now: now}); err != nil || r.StatusCode() != http.StatusCreated {
				fail("client %d clock in: %v", i, err)
			}
			req()
			if r, err := c.ClockOutWithResponse(ctx, api.ClockOutJSONRequestBody{EmployeeID: id, Now: now.Add(time.Hour)}); err != nil || r.StatusCode() != http.StatusCreated {
				fail("client %d clock out: %v", i, err)
			}
			team := 1 + i%2
			req()
			if r, err := c.AssignEmployeeToTeamWithResponse(ctx, team, id); err != nil || r.StatusCode() != http.StatusOK {
				fail("client %d assign: %v", i, err)
				return
			}
			if i%5 == 0 {
				req()
				if r, err := c.UpdateTeamMembershipWithResponse(ctx, team, id, api.UpdateTeamMembershipJSONRequestBody{Lead: ptr(true)}); err != nil || r.StatusCode() != http.StatusOK {
					fail("client %d lead: %v", i, err)
				}
			}
			m := member{team, id}
			if i%3 == 0 {
				req()
				if r, err := c.UnassignEmployeeFromTeamWithResponse(ctx, team, id); err != nil || r.StatusCode() != http.StatusOK {
					fail("client %d unassign: %v", i, err)
				}
				mu.Lock()
				left = append(left, m)
				mu.Unlock()
			} else {
				mu.Lock()
				joined = append(joined, m)
				mu.Unlock()
			}
			req()
			if r, err := c.GetLeaveV2WithResponse(ctx, leave.JSON201.ID); err != nil || r.JSON200 == nil || *r.JSON200.EmployeeID != id ||
				*r.JSON200.EmployeeFullName != fmt.Sprintf("Load %d", i) {
				fail("client %d read back its leave: %v", i, err)
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)
	t.Logf("%d clients, %d requests in %v (%.0f req/s, race detector %v)", clients, requests.Load(), elapsed.Round(time.Millisecond),
		float64(requests.Load())/elapsed.Seconds(), raceEnabled)

	// Exactly N more of everything, read back through the API.
	emps, _ := c.ListEmployeesWithResponse(ctx)
	teams, _ := c.ListTeamsWithResponse(ctx)
	leaves, _ := c.ListLeavesWithResponse(ctx, nil)
	shifts, _ := c.ListShiftsWithResponse(ctx, nil)
	for name, got := range map[string]int{
		ResEmployees: len(*emps.JSON200) - before[ResEmployees], ResTeams: len(*teams.JSON200) - before[ResTeams],
		ResLeaves: len(*leaves.JSON200) - before[ResLeaves], ResShifts: len(*shifts.JSON200) - before[ResShifts],
	} {
		if got != clients {
			t.Errorf("%s: %d new records, want %d", name, got, clients)
		}
	}
	open := 0
	for _, s := range *shifts.JSON200 {
		if s.ClockOut == nil {
			open++
		}
	}
	if open != 0 {
		t.Errorf("%d shifts left open", open)
	}

	// Both sides of every membership agree.
	teamMembers := map[int][]int{}
	edges := 0
	for _, tm := range *teams.JSON200 {
		teamMembers[tm.ID] = tm.EmployeeIDs
		edges += len(tm.EmployeeIDs)
		for _, l := range tm.LeadIDs {
			if !slices.Contains(tm.EmployeeIDs, l) {
				t.Errorf("team %d: lead %d is not a member", tm.ID, l)
			}
		}
	}
	empEdges := 0
	for _, em := range *emps.JSON200 {
		empEdges += len(em.TeamIDs)
		for _, tid := range em.TeamIDs {
			if !slices.Contains(teamMembers[tid], em.ID) {
				t.Errorf("employee %d lists team %d, which does not list it", em.ID, tid)
			}
		}
	}
	if edges != empEdges {
		t.Errorf("membership edges: %d from teams, %d from employees", edges, empEdges)
	}
	for _, m := range joined {
		if !slices.Contains(teamMembers[m.team], m.emp) {
			t.Errorf("employee %d missing from team %d", m.emp, m.team)
		}
	}
	for _, m := range left {
		if slices.Contains(teamMembers[m.team], m.emp) {
			t.Errorf("employee %d still in team %d after leaving", m.emp, m.team)
		}
	}
	wantEdges := 4 + len(joined) // seeded memberships + the ones that stayed
	if edges != wantEdges {
		t.Errorf("%d memberships, want %d", edges, wantEdges)
	}
	t.Logf("memberships: %d (both sides agree), %d joined and stayed, %d left", edges, len(joined), len(left))
	if vs := e.s.Violations(); len(vs) > 0 {
		t.Errorf("%d spec violations under load, first: %v", len(vs), vs[0])
	}
}
