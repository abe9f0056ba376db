package api_test

import (
	"context"
	"net/http"
	"slices"
	"testing"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// Team fixtures: the 2022 spec's single-object example {id, name,
// employee_ids, lead_ids}, plus the description and avatar another
// open-source client models. Lists include terminated employees, so
// lead_ids can name people the web app hides.

// teamEngineeringJSON is team 4 with Ana (7, lead), Marc (12) and Laia (58).
const teamEngineeringJSON = `{"id":4,"name":"Engineering","employee_ids":[7,12,58],"lead_ids":[7],` +
	`"description":"Robot firmware and cloud platform","avatar":null}`

// checkEngineeringTeam asserts the decoded form of teamEngineeringJSON.
func checkEngineeringTeam(t testing.TB, team *api.Team) {
	t.Helper()
	if team == nil {
		t.Fatal("no typed team")
	}
	if team.ID != 4 || !ptrIs(team.Name, "Engineering") || !ptrIs(team.Description, "Robot firmware and cloud platform") || team.Avatar != nil {
		t.Errorf("team = %d %v %v %v", team.ID, team.Name, team.Description, team.Avatar)
	}
	if !slices.Equal(team.EmployeeIDs, []int{7, 12, 58}) || !slices.Equal(team.LeadIDs, []int{7}) {
		t.Errorf("EmployeeIDs = %v, LeadIDs = %v", team.EmployeeIDs, team.LeadIDs)
	}
}

func TestListTeams(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/teams", Status: 200,
		// Sales keeps Oriol (3, terminated in 2023) among its leads.
		Body: `[` + teamEngineeringJSON + `,{"id":9,"name":"Sales","employee_ids":[3,21,22],"lead_ids":[3,21],` +
			`"description":null,"avatar":"https://api.factorialhr.com/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnsiZGF0YSI6NDQxfX0--9a7e/sales.png"}]`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			noQuery(t, r)
		},
	}))
	res, err := c.ListTeamsWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, teams = %v", res.StatusCode(), res.JSON200)
	}
	checkEngineeringTeam(t, &(*res.JSON200)[0])
	sales := (*res.JSON200)[1]
	if sales.ID != 9 || !slices.Equal(sales.LeadIDs, []int{3, 21}) || sales.Description != nil || sales.Avatar == nil {
		t.Errorf("sales = %d leads %v description %v avatar %v", sales.ID, sales.LeadIDs, sales.Description, sales.Avatar)
	}
}

func TestListTeams_BasicUserRestricted(t *testing.T) {
	// The minimal 2024 shape for a basic user: no description/avatar keys,
	// member lists hidden as null.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/teams", Status: 200,
		Body: `[{"id":4,"name":"Engineering","employee_ids":[7,12,58],"lead_ids":[7]},{"id":9,"name":"Sales","employee_ids":null,"lead_ids":null}]`,
	}))
	res, err := c.ListTeamsWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, teams = %v", res.StatusCode(), res.JSON200)
	}
	eng, sales := (*res.JSON200)[0], (*res.JSON200)[1]
	if eng.Description != nil || eng.Avatar != nil || len(eng.EmployeeIDs) != 3 {
		t.Errorf("engineering = %+v", eng)
	}
	if !ptrIs(sales.Name, "Sales") || sales.EmployeeIDs != nil || sales.LeadIDs != nil {
		t.Errorf("sales = name %v employees %v leads %v, want nil lists", sales.Name, sales.EmployeeIDs, sales.LeadIDs)
	}
}

func TestCreateTeam(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/teams", Status: 201,
		Body: `{"id":15,"name":"Customer Success","employee_ids":[],"lead_ids":[],"description":"Onboarding and support for fleet customers","avatar":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			wantKeys(t, m, "name", "description")
			if m["name"] != "Customer Success" || m["description"] != "Onboarding and support for fleet customers" {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.CreateTeamWithResponse(context.Background(), api.CreateTeamJSONRequestBody{
		Name: "Customer Success", Description: apitest.Ptr("Onboarding and support for fleet customers"),
	})
	if err != nil {
		t.Fatal(err)
	}
	team := res.JSON201
	if team == nil {
		t.Fatalf("status %d, no typed 201 body: %s", res.StatusCode(), res.Body)
	}
	if team.ID != 15 || !ptrIs(team.Name, "Customer Success") || team.EmployeeIDs == nil || len(team.EmployeeIDs) != 0 || len(team.LeadIDs) != 0 {
		t.Errorf("team = %d %v employees %#v leads %#v", team.ID, team.Name, team.EmployeeIDs, team.LeadIDs)
	}
}

func TestGetTeam(t *testing.T) {
	// A single object, as in the 2022 spec's example (the 2024 spec's array
	// for this route is its own bug).
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/teams/4", Status: 200, Body: teamEngineeringJSON,
		Check: func(t testing.TB, _ *http.Request, body []byte) { noBody(t, body) },
	}))
	res, err := c.GetTeamWithResponse(context.Background(), 4)
	if err != nil {
		t.Fatal(err)
	}
	checkEngineeringTeam(t, res.JSON200)
}

func TestUpdateTeam(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/core/teams/4", Status: 200,
		Body: `{"id":4,"name":"Platform Engineering","employee_ids":[7,12,58],"lead_ids":[7],` +
			`"description":"Cloud platform and internal tools","avatar":"https://cdn.acmerobotics.es/teams/platform.png"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			wantKeys(t, m, "name", "description", "avatar")
			if m["name"] != "Platform Engineering" || m["description"] != "Cloud platform and internal tools" ||
				m["avatar"] != "https://cdn.acmerobotics.es/teams/platform.png" {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.UpdateTeamWithResponse(context.Background(), 4, api.UpdateTeamJSONRequestBody{
		Name: apitest.Ptr("Platform Engineering"), Description: apitest.Ptr("Cloud platform and internal tools"),
		Avatar: apitest.Ptr("https://cdn.acmerobotics.es/teams/platform.png"),
	})
	if err != nil {
		t.Fatal(err)
	}
	team := res.JSON200
	if team == nil || team.ID != 4 || !ptrIs(team.Name, "Platform Engineering") || !ptrIs(team.Avatar, "https://cdn.acmerobotics.es/teams/platform.png") {
		t.Fatalf("status %d, team = %+v", res.StatusCode(), team)
	}
}

func TestDeleteTeam(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/core/teams/15", Status: 200,
		Body:  `{"id":15,"name":"Customer Success","employee_ids":[],"lead_ids":[],"description":"Onboarding and support for fleet customers","avatar":null}`,
		Check: func(t testing.TB, _ *http.Request, body []byte) { noBody(t, body) },
	}))
	res, err := c.DeleteTeamWithResponse(context.Background(), 15)
	if err != nil {
		t.Fatal(err)
	}
	if team := res.JSON200; team == nil || team.ID != 15 || !ptrIs(team.Name, "Customer Success") {
		t.Fatalf("status %d, deleted team = %+v", res.StatusCode(), res.JSON200)
	}
}

func TestDeleteTeam_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/core/teams/15", Status: 204,
	}))
	res, err := c.DeleteTeamWithResponse(context.Background(), 15)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil || len(res.Body) != 0 {
		t.Fatalf("status %d, JSON200 %v, body %q", res.StatusCode(), res.JSON200, res.Body)
	}
}

func TestAssignEmployeeToTeam(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/teams/15/employees/58", Status: 200,
		Body: `{"id":15,"name":"Customer Success","employee_ids":[58],"lead_ids":[],"description":"Onboarding and support for fleet customers","avatar":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			if ct := r.Header.Get("Content-Type"); ct != "" {
				t.Errorf("Content-Type = %q, want none", ct)
			}
		},
	}))
	res, err := c.AssignEmployeeToTeamWithResponse(context.Background(), 15, 58)
	if err != nil {
		t.Fatal(err)
	}
	team := res.JSON200
	if team == nil || team.ID != 15 || !slices.Equal(team.EmployeeIDs, []int{58}) || team.LeadIDs == nil || len(team.LeadIDs) != 0 {
		t.Fatalf("status %d, team = %+v", res.StatusCode(), team)
	}
}

func TestUpdateTeamMembership(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/core/teams/4/employees/58", Status: 200,
		Body: `{"id":4,"name":"Engineering","employee_ids":[7,12,58],"lead_ids":[7,58],"description":"Robot firmware and cloud platform","avatar":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			wantKeys(t, m, "lead")
			if m["lead"] != true {
				t.Errorf("lead = %#v, want true", m["lead"])
			}
		},
	}))
	res, err := c.UpdateTeamMembershipWithResponse(context.Background(), 4, 58, api.UpdateTeamMembershipJSONRequestBody{Lead: apitest.Ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	team := res.JSON200
	if team == nil || !slices.Equal(team.LeadIDs, []int{7, 58}) || !slices.Contains(team.EmployeeIDs, 58) {
		t.Fatalf("status %d, team = %+v", res.StatusCode(), team)
	}
}

func TestUpdateTeamMembership_DemoteLead(t *testing.T) {
	// lead:false must reach the wire (a pointer, not dropped by omitempty).
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/core/teams/4/employees/7", Status: 200,
		Body: `{"id":4,"name":"Engineering","employee_ids":[7,12,58],"lead_ids":[58],"description":"Robot firmware and cloud platform","avatar":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			if string(body) != `{"lead":false}` {
				t.Errorf("body = %s, want {\"lead\":false}", body)
			}
			apitest.JSONBody(t, r, body)
		},
	}))
	res, err := c.UpdateTeamMembershipWithResponse(context.Background(), 4, 7, api.UpdateTeamMembershipJSONRequestBody{Lead: apitest.Ptr(false)})
	if err != nil {
		t.Fatal(err)
	}
	team := res.JSON200
	if team == nil || !slices.Equal(team.LeadIDs, []int{58}) || !slices.Contains(team.EmployeeIDs, 7) {
		t.Fatalf("status %d, team = %+v", res.StatusCode(), team)
	}
}

func TestUnassignEmployeeFromTeam(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/core/teams/4/employees/12", Status: 200,
		Body:  `{"id":4,"name":"Engineering","employee_ids":[7,58],"lead_ids":[7],"description":"Robot firmware and cloud platform","avatar":null}`,
		Check: func(t testing.TB, _ *http.Request, body []byte) { noBody(t, body) },
	}))
	res, err := c.UnassignEmployeeFromTeamWithResponse(context.Background(), 4, 12)
	if err != nil {
		t.Fatal(err)
	}
	team := res.JSON200
	if team == nil || team.ID != 4 || !slices.Equal(team.EmployeeIDs, []int{7, 58}) || slices.Contains(team.EmployeeIDs, 12) {
		t.Fatalf("status %d, team = %+v", res.StatusCode(), team)
	}
}

func TestUnassignEmployeeFromTeam_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/core/teams/4/employees/12", Status: 204,
	}))
	res, err := c.UnassignEmployeeFromTeamWithResponse(context.Background(), 4, 12)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil || len(res.Body) != 0 {
		t.Fatalf("status %d, JSON200 %v, body %q", res.StatusCode(), res.JSON200, res.Body)
	}
}
