package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/resources"
)

// Teams and team memberships (the `employees` scope covers both).

const teamRoboticsJSON = `{"id":"31","name":"Robotics","description":"Firmware and motion control",` +
	`"avatar":"https://api.factorialhr.com/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnt9--9f1c/robotics.png",` +
	`"company_id":"77","employee_ids":["4242","4243","4250"],"lead_ids":["4242"]}`

// teamEmptyJSON is a team just created: no members, no picture.
const teamEmptyJSON = `{"id":"35","name":"Field Service","description":null,"avatar":null,"company_id":"77",` +
	`"employee_ids":[],"lead_ids":[]}`

const membershipJSON = `{"id":"901","company_id":"77","employee_id":"4243","team_id":"31","lead":false}`

func checkRobotics(t *testing.T, tm resources.Team) {
	t.Helper()
	eq(t, "ID", tm.ID, "31")
	is(t, "Name", tm.Name, "Robotics")
	is(t, "Description", tm.Description, "Firmware and motion control")
	is(t, "CompanyID", tm.CompanyID, "77")
	ids(t, "EmployeeIDs", tm.EmployeeIDs, "4242", "4243", "4250")
	ids(t, "LeadIDs", tm.LeadIDs, "4242")
	if tm.Avatar == nil {
		t.Error("Avatar = nil, want the picture URL")
	}
}

func TestListTeams(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/teams/teams", status: 200,
		body: page(onePage(2), teamRoboticsJSON, teamEmptyJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantRawQuery(t, r, "ids%5B%5D=31&ids%5B%5D=35")
		},
	})
	all, err := c.Teams.List(t.Context(), &resources.ListTeamsParams{IDs: []string{"31", "35"}})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d teams, want 2", len(all))
	}
	checkRobotics(t, all[0])
	eq(t, "second ID", all[1].ID, "35")
	null(t, "second Description", all[1].Description)
	if all[1].EmployeeIDs == nil || len(all[1].EmployeeIDs) != 0 {
		t.Errorf("second EmployeeIDs = %#v, want empty", all[1].EmployeeIDs)
	}
}

func TestCreateTeam(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/teams/teams", status: 201, body: teamEmptyJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"name":"Field Service"}`)
		},
	})
	tm, err := c.Teams.Create(t.Context(), resources.TeamCreate{Name: "Field Service"})
	must(t, err)
	eq(t, "ID", tm.ID, "35")
	is(t, "Name", tm.Name, "Field Service")
	null(t, "Avatar", tm.Avatar)
}

func TestGetTeam(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/teams/teams/31", status: 200, body: teamRoboticsJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	tm, err := c.Teams.Get(t.Context(), "31")
	must(t, err)
	checkRobotics(t, tm)
}

func TestUpdateTeam(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/teams/teams/31", status: 200, body: teamRoboticsJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"31","name":"Robotics","description":"Firmware and motion control"}`)
		},
	})
	tm, err := c.Teams.Update(t.Context(), "31", resources.TeamUpdate{
		ID: "31", Name: ptr("Robotics"), Description: ptr("Firmware and motion control"),
	})
	must(t, err)
	checkRobotics(t, tm)
}

func TestDeleteTeam(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/teams/teams/35", status: 200, body: teamEmptyJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	tm, err := c.Teams.Delete(t.Context(), "35")
	must(t, err)
	eq(t, "ID", tm.ID, "35")
	is(t, "Name", tm.Name, "Field Service")
}

func TestListTeamMemberships(t *testing.T) {
	const lead = `{"id":"900","company_id":"77","employee_id":"4242","team_id":"31","lead":true}`
	c := one(t, exchange{
		method: http.MethodGet, path: "/teams/memberships", status: 200,
		body: page(onePage(2), lead, membershipJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"team_ids[]": {"31"}, "employee_ids[]": {"4242", "4243"}, "limit": {"100"}})
		},
	})
	pg, err := c.Teams.ListMembershipsPage(t.Context(), &resources.ListTeamMembershipsParams{
		TeamIDs: []string{"31"}, EmployeeIDs: []string{"4242", "4243"}, Limit: ptr(100),
	})
	must(t, err)
	if len(pg.Data) != 2 {
		t.Fatalf("%d memberships, want 2", len(pg.Data))
	}
	wantOnePage(t, pg.Meta, 2)
	eq(t, "first ID", pg.Data[0].ID, "900")
	is(t, "first Lead", pg.Data[0].Lead, true)
	is(t, "second EmployeeID", pg.Data[1].EmployeeID, "4243")
	is(t, "second Lead", pg.Data[1].Lead, false)
}

// TestListTeamMembershipsLeads filters on a boolean that is false on the
// wire: lead=false must be sent, not dropped.
func TestListTeamMembershipsLeads(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/teams/memberships", status: 200,
		body: page(onePage(1), membershipJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantRawQuery(t, r, "team_ids%5B%5D=31&lead=false")
		},
	})
	all, err := c.Teams.ListMemberships(t.Context(), &resources.ListTeamMembershipsParams{
		TeamIDs: []string{"31"}, Lead: ptr(false),
	})
	must(t, err)
	if len(all) != 1 || all[0].ID != "901" {
		t.Fatalf("memberships = %+v, want 901 only", all)
	}
}

func TestCreateTeamMembership(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/teams/memberships", status: 201, body: membershipJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"team_id":"31","employee_id":"4243","lead":false}`)
		},
	})
	m, err := c.Teams.CreateMembership(t.Context(), resources.TeamMembershipCreate{
		TeamID: "31", EmployeeID: "4243", Lead: ptr(false),
	})
	must(t, err)
	eq(t, "ID", m.ID, "901")
	is(t, "TeamID", m.TeamID, "31")
	is(t, "EmployeeID", m.EmployeeID, "4243")
	is(t, "CompanyID", m.CompanyID, "77")
}

func TestGetTeamMembership(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/teams/memberships/901", status: 200, body: membershipJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	m, err := c.Teams.GetMembership(t.Context(), "901")
	must(t, err)
	eq(t, "ID", m.ID, "901")
	is(t, "Lead", m.Lead, false)
}

func TestUpdateTeamMembership(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/teams/memberships/901", status: 200,
		body: `{"id":"901","company_id":"77","employee_id":"4243","team_id":"31","lead":true}`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"901","lead":true}`)
		},
	})
	m, err := c.Teams.UpdateMembership(t.Context(), "901", resources.TeamMembershipUpdate{ID: "901", Lead: ptr(true)})
	must(t, err)
	eq(t, "ID", m.ID, "901")
	is(t, "Lead", m.Lead, true)
}

func TestDeleteTeamMembership(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/teams/memberships/901", status: 200, body: membershipJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	m, err := c.Teams.DeleteMembership(t.Context(), "901")
	must(t, err)
	eq(t, "ID", m.ID, "901")
	is(t, "TeamID", m.TeamID, "31")
}
