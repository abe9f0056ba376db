//lint:file-ignore SA1019 the deprecated legacy operations are exercised on purpose.

package sandbox

import (
	"context"
	"encoding/json"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/factorial-go/factorial/api"
)

var ctx = context.Background()

func ptr[T any](v T) *T { return &v }

func date(s string) openapi_types.Date {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return openapi_types.Date{Time: t}
}

// wantErrors checks a Factorial error body: status and {"errors": ...}
// containing want (a field name or message fragment).
func wantErrors(t *testing.T, what string, status int, body []byte, wantStatus int, want ...string) {
	t.Helper()
	if status != wantStatus {
		t.Fatalf("%s: status %d, want %d: %s", what, status, wantStatus, body)
	}
	var env struct {
		Errors json.RawMessage `json:"errors"`
	}
	if err := json.Unmarshal(body, &env); err != nil || len(env.Errors) == 0 {
		t.Fatalf("%s: body %s is not {\"errors\": ...}", what, body)
	}
	for _, w := range want {
		if !strings.Contains(string(env.Errors), w) {
			t.Errorf("%s: errors %s do not mention %q", what, env.Errors, w)
		}
	}
}

func TestClockInOut(t *testing.T) {
	e := newEnv(t)
	c := e.client(tokAdmin)
	now := time.Date(2024, 3, 4, 22, 5, 0, 0, time.FixedZone("", -2*3600)) // 2024-03-05 00:05 UTC

	in, err := c.ClockInWithResponse(ctx, api.ClockInJSONRequestBody{EmployeeID: DemoBasic2ID, Now: now, Observations: ptr("remote")})
	if err != nil || in.StatusCode() != http.StatusCreated || in.JSON201 == nil {
		t.Fatalf("clock in: %v %d %s", err, in.StatusCode(), in.Body)
	}
	sh := in.JSON201
	// v1 shifts keep the local day and HH:MM of `now` (its own offset).
	if *sh.Day != 4 || *sh.Month != 3 || *sh.Year != 2024 || *sh.ClockIn != "22:05" || sh.ClockOut != nil {
		t.Errorf("clock-in shift = day %v month %v year %v in %v out %v", *sh.Day, *sh.Month, *sh.Year, *sh.ClockIn, sh.ClockOut)
	}

	// Clocking in twice: 422 with Factorial's errors body, on the legacy path too.
	again, _ := c.ClockInWithResponse(ctx, api.ClockInJSONRequestBody{EmployeeID: DemoBasic2ID, Now: now.Add(time.Minute)})
	wantErrors(t, "second clock in", again.StatusCode(), again.Body, http.StatusUnprocessableEntity, "clock_in", "already clocked in")
	legacy, _ := c.ClockInLegacyWithResponse(ctx, api.ClockInLegacyJSONRequestBody{EmployeeID: DemoBasic2ID, Now: now.Add(time.Minute)})
	wantErrors(t, "legacy clock in", legacy.StatusCode(), legacy.Body, http.StatusUnprocessableEntity, "clock_in")

	// Clock out closes the latest open shift.
	out, _ := c.ClockOutWithResponse(ctx, api.ClockOutJSONRequestBody{EmployeeID: DemoBasic2ID, Now: now.Add(3 * time.Hour)})
	if out.StatusCode() != http.StatusCreated || out.JSON201.ID != sh.ID || *out.JSON201.ClockOut != "01:05" {
		t.Fatalf("clock out: %d %s", out.StatusCode(), out.Body)
	}
	// Nothing open any more.
	none, _ := c.ClockOutLegacyWithResponse(ctx, api.ClockOutLegacyJSONRequestBody{EmployeeID: DemoBasic2ID, Now: now.Add(4 * time.Hour)})
	wantErrors(t, "clock out with no open shift", none.StatusCode(), none.Body, http.StatusUnprocessableEntity, "clock_out", "not clocked in")

	// Toggle alternates.
	t1, _ := c.ToggleClockWithResponse(ctx, api.ToggleClockJSONRequestBody{EmployeeID: DemoBasic2ID, Now: now.Add(5 * time.Hour)})
	t2, _ := c.ToggleClockWithResponse(ctx, api.ToggleClockJSONRequestBody{EmployeeID: DemoBasic2ID, Now: now.Add(6 * time.Hour)})
	if t1.JSON201 == nil || t2.JSON201 == nil || t1.JSON201.ID != t2.JSON201.ID || t1.JSON201.ClockOut != nil || t2.JSON201.ClockOut == nil {
		t.Fatalf("toggle: %s / %s", t1.Body, t2.Body)
	}

	// Clock out before clock in is rejected.
	_, _ = c.ClockInWithResponse(ctx, api.ClockInJSONRequestBody{EmployeeID: DemoBasicID, Now: now})
	early, _ := c.ClockOutWithResponse(ctx, api.ClockOutJSONRequestBody{EmployeeID: DemoBasicID, Now: now.Add(-time.Hour)})
	wantErrors(t, "clock out before clock in", early.StatusCode(), early.Body, http.StatusUnprocessableEntity, "clock_out")

	// Both paths list the same shifts; year/month filter.
	list, _ := c.ListShiftsWithResponse(ctx, &api.ListShiftsParams{Year: ptr(2024), Month: ptr(3)})
	legacyList, _ := c.ListShiftsLegacyWithResponse(ctx, &api.ListShiftsLegacyParams{Year: ptr(2024), Month: ptr(3)})
	if list.JSON200 == nil || len(*list.JSON200) != len(*legacyList.JSON200) || len(*list.JSON200) != 5 {
		t.Errorf("March 2024 shifts: v1 %s legacy %s", list.Body, legacyList.Body)
	}
	other, _ := c.ListShiftsWithResponse(ctx, &api.ListShiftsParams{Year: ptr(2023), Month: ptr(3)})
	if len(*other.JSON200) != 0 {
		t.Errorf("March 2023 shifts: %s", other.Body)
	}
}

func TestBreaks(t *testing.T) {
	e := newEnv(t)
	c := e.client(tokBasic)
	now := e.s.Now()
	start, _ := c.StartBreakWithResponse(ctx, api.StartBreakJSONRequestBody{EmployeeID: DemoBasicID, Now: now})
	if start.StatusCode() != http.StatusCreated || start.JSON201.ClockOut != nil || *start.JSON201.Workable {
		t.Fatalf("start break: %d %s", start.StatusCode(), start.Body)
	}
	twice, _ := c.StartBreakWithResponse(ctx, api.StartBreakJSONRequestBody{EmployeeID: DemoBasicID, Now: now})
	wantErrors(t, "second break", twice.StatusCode(), twice.Body, http.StatusUnprocessableEntity, "break in progress")
	end, _ := c.EndBreakWithResponse(ctx, api.EndBreakJSONRequestBody{EmployeeID: DemoBasicID, Now: now.Add(30 * time.Minute)})
	if end.StatusCode() != http.StatusCreated || end.JSON201.ID != start.JSON201.ID || end.JSON201.ClockOut == nil {
		t.Fatalf("end break: %d %s", end.StatusCode(), end.Body)
	}
	none, _ := c.EndBreakWithResponse(ctx, api.EndBreakJSONRequestBody{EmployeeID: DemoBasicID, Now: now})
	wantErrors(t, "end without break", none.StatusCode(), none.Body, http.StatusUnprocessableEntity, "no break")
	bad, _ := c.CreateBreakWithResponse(ctx, api.CreateBreakJSONRequestBody{EmployeeID: DemoBasicID, BreakStart: "noon", BreakEnd: "13:00"})
	wantErrors(t, "break with unparseable times", bad.StatusCode(), bad.Body, http.StatusUnprocessableEntity, "break_start")
	// A basic user cannot take a break for somebody else.
	other, _ := c.StartBreakWithResponse(ctx, api.StartBreakJSONRequestBody{EmployeeID: DemoBasic2ID, Now: now})
	wantErrors(t, "break for another employee", other.StatusCode(), other.Body, http.StatusForbidden, "Forbidden access")
}

func TestTerminateUnterminateV1AndV2(t *testing.T) {
	e := newEnv(t)
	c := e.client(tokAdmin)
	term, err := c.TerminateEmployeeWithResponse(ctx, DemoManagerID, api.TerminateEmployeeJSONRequestBody{
		TerminatedOn: ptr(date("2024-04-30")), TerminationReason: ptr("Moved abroad"), TerminationAssignedManagerID: ptr(DemoAdminID)})
	if err != nil || term.StatusCode() != http.StatusOK {
		t.Fatalf("terminate: %v %s", err, term.Body)
	}
	v1, _ := c.GetEmployeeWithResponse(ctx, DemoManagerID)
	v2, _ := c.GetEmployeeV2WithResponse(ctx, DemoManagerID)
	if v1.JSON200.TerminatedOn == nil || v1.JSON200.TerminatedOn.String() != "2024-04-30" {
		t.Errorf("v1 terminated_on = %v", v1.JSON200.TerminatedOn)
	}
	if v2.JSON200.TerminatedOn == nil || v2.JSON200.TerminatedOn.String() != "2024-04-30" || *v2.JSON200.TerminationReason != "Moved abroad" {
		t.Errorf("v2 after v1 terminate: %s", v2.Body)
	}
	// The leaver's reports moved to the assigned manager.
	bea, _ := c.GetEmployeeWithResponse(ctx, DemoBasicID)
	if *bea.JSON200.ManagerID != DemoAdminID {
		t.Errorf("report's manager_id = %d, want %d", *bea.JSON200.ManagerID, DemoAdminID)
	}

	un, _ := c.UnterminateEmployeeV2WithResponse(ctx, DemoManagerID)
	if un.StatusCode() != http.StatusOK || un.JSON200.TerminatedOn != nil || un.JSON200.TerminationReason != nil {
		t.Fatalf("unterminate v2: %s", un.Body)
	}
	v1, _ = c.GetEmployeeWithResponse(ctx, DemoManagerID)
	if v1.JSON200.TerminatedOn != nil {
		t.Errorf("v1 after v2 unterminate: %s", v1.Body)
	}

	// v2 terminate requires terminated_on (422 from the spec) and records the type.
	st, _, body := e.raw(http.MethodPost, "/api/v2/core/employees/1003/terminate", tokAdmin, "application/json", `{}`)
	wantErrors(t, "v2 terminate without date", st, body, http.StatusUnprocessableEntity, `"terminated_on":["can't be blank"]`)
	t2, _ := c.TerminateEmployeeV2WithResponse(ctx, DemoBasicID, api.TerminateEmployeeV2JSONRequestBody{
		TerminatedOn: date("2024-05-31"), TerminationReasonType: ptr(api.TerminateEmployeeV2InputTerminationReasonTypeEmployee)})
	if t2.StatusCode() != http.StatusOK || *t2.JSON200.TerminationReasonType != "employee" {
		t.Fatalf("terminate v2: %s", t2.Body)
	}
	// A terminated employee cannot be invited.
	inv, _ := c.InviteEmployeeWithResponse(ctx, DemoBasicID)
	wantErrors(t, "invite terminated", inv.StatusCode(), inv.Body, http.StatusUnprocessableEntity, "terminated")
	inv, _ = c.InviteEmployeeWithResponse(ctx, DemoBasic2ID)
	if inv.StatusCode() != http.StatusOK {
		t.Errorf("invite: %s", inv.Body)
	}
}

func TestEmployeeEmailRules(t *testing.T) {
	e := newEnv(t)
	c := e.client(tokAdmin)
	dup, _ := c.CreateEmployeeWithResponse(ctx, api.CreateEmployeeJSONRequestBody{Email: DemoBasicEmail, FirstName: "B", LastName: "Twin"})
	if dup.StatusCode() != http.StatusUnprocessableEntity || !strings.HasPrefix(string(dup.Body), `["There is already a user with that email`) {
		t.Errorf("duplicate email: %d %s (want Factorial's bare array)", dup.StatusCode(), dup.Body)
	}
	badMgr, _ := c.CreateEmployeeV2WithResponse(ctx, api.CreateEmployeeV2JSONRequestBody{Email: "new@acme.test", FirstName: "N", LastName: "Ew", ManagerID: ptr(999)})
	wantErrors(t, "unknown manager", badMgr.StatusCode(), badMgr.Body, http.StatusUnprocessableEntity, "manager_id", "does not belong")
	taken, _ := c.UpdateEmployeeEmailWithResponse(ctx, DemoBasicID, api.UpdateEmployeeEmailJSONRequestBody{Email: DemoBasic2Email})
	wantErrors(t, "email taken", taken.StatusCode(), taken.Body, http.StatusUnprocessableEntity, "email", "taken")
	ok, _ := c.UpdateEmployeeEmailWithResponse(ctx, DemoBasicID, api.UpdateEmployeeEmailJSONRequestBody{Email: "bea@acme.test"})
	if ok.StatusCode() != http.StatusOK || *ok.JSON200.Email != "bea@acme.test" {
		t.Errorf("change email: %s", ok.Body)
	}
	created, _ := c.CreateEmployeeWithResponse(ctx, api.CreateEmployeeJSONRequestBody{Email: "zoe@acme.test", FirstName: "Zoe", LastName: "Zed"})
	if created.StatusCode() != http.StatusCreated || *created.JSON201.FullName != "Zoe Zed" || *created.JSON201.Role != "basic" {
		t.Fatalf("create: %s", created.Body)
	}
	// v1 and v2 share the table: the v1-created employee is in every list.
	v2, _ := c.ListEmployeesV2WithResponse(ctx, &api.ListEmployeesV2Params{FullTextName: ptr("zoe")})
	bulk, _ := c.ListEmployeesBulkWithResponse(ctx)
	if len(*v2.JSON200) != 1 || (*v2.JSON200)[0].ID != created.JSON201.ID || len(*bulk.JSON200) != 6 {
		t.Errorf("v2 search %s; bulk has %d", v2.Body, len(*bulk.JSON200))
	}
}

func TestTeamMembershipBothSides(t *testing.T) {
	e := newEnv(t)
	c := e.client(tokAdmin)
	team, _ := c.AssignEmployeeToTeamWithResponse(ctx, 2, DemoBasic2ID)
	if team.StatusCode() != http.StatusOK || !slices.Contains(team.JSON200.EmployeeIDs, DemoBasic2ID) {
		t.Fatalf("assign: %s", team.Body)
	}
	emp, _ := c.GetEmployeeWithResponse(ctx, DemoBasic2ID)
	if !slices.Equal(emp.JSON200.TeamIDs, []int{1, 2}) {
		t.Errorf("employee team_ids = %v, want [1 2]", emp.JSON200.TeamIDs)
	}
	lead, _ := c.UpdateTeamMembershipWithResponse(ctx, 2, DemoBasic2ID, api.UpdateTeamMembershipJSONRequestBody{Lead: ptr(true)})
	if !slices.Equal(lead.JSON200.LeadIDs, []int{DemoAdminID, DemoBasic2ID}) {
		t.Errorf("lead_ids = %v", lead.JSON200.LeadIDs)
	}
	unlead, _ := c.UpdateTeamMembershipWithResponse(ctx, 2, DemoBasic2ID, api.UpdateTeamMembershipJSONRequestBody{Lead: ptr(false)})
	if !slices.Equal(unlead.JSON200.LeadIDs, []int{DemoAdminID}) || !slices.Contains(unlead.JSON200.EmployeeIDs, DemoBasic2ID) {
		t.Errorf("after un-lead: %s", unlead.Body)
	}
	out, _ := c.UnassignEmployeeFromTeamWithResponse(ctx, 2, DemoBasic2ID)
	if out.StatusCode() != http.StatusOK || slices.Contains(out.JSON200.EmployeeIDs, DemoBasic2ID) {
		t.Fatalf("unassign: %s", out.Body)
	}
	empV2, _ := c.GetEmployeeV2WithResponse(ctx, DemoBasic2ID)
	if !slices.Equal(empV2.JSON200.TeamIDs, []int{1}) {
		t.Errorf("employee team_ids after unassign = %v", empV2.JSON200.TeamIDs)
	}
	// Not a member / no such team / no such employee.
	notMember, _ := c.UpdateTeamMembershipWithResponse(ctx, 2, DemoBasic2ID, api.UpdateTeamMembershipJSONRequestBody{Lead: ptr(true)})
	wantErrors(t, "update non-member", notMember.StatusCode(), notMember.Body, http.StatusNotFound, "Resource #"+strconv.Itoa(DemoBasic2ID)+" not found")
	noTeam, _ := c.AssignEmployeeToTeamWithResponse(ctx, 99, DemoBasicID)
	wantErrors(t, "no team", noTeam.StatusCode(), noTeam.Body, http.StatusNotFound, "Resource #99 not found")
	// Deleting a team leaves no dangling team_ids.
	del, _ := c.DeleteTeamWithResponse(ctx, 1)
	if del.StatusCode() != http.StatusOK {
		t.Fatalf("delete team: %s", del.Body)
	}
	for _, id := range []int{DemoManagerID, DemoBasicID, DemoBasic2ID} {
		if got, _ := e.s.Get(ResEmployees, id); len(intSlice(got["team_ids"])) != 0 {
			t.Errorf("employee %d keeps team_ids %v after the team was deleted", id, got["team_ids"])
		}
	}
	// ... and the team, which had members, stays deleted.
	if gone, _ := c.GetTeamWithResponse(ctx, 1); gone.StatusCode() != http.StatusNotFound {
		t.Errorf("deleted team answers %d", gone.StatusCode())
	}
	if _, ok := e.s.Get(ResTeams, 1); ok {
		t.Error("deleting a team with members stored it again")
	}
}

func TestLeaveValidation(t *testing.T) {
	e := newEnv(t)
	c := e.client(tokAdmin)
	cases := []struct {
		name  string
		body  api.LeaveCreate
		field string
	}{
		{"finish before start", api.LeaveCreate{EmployeeID: DemoBasicID, StartOn: date("2024-03-20"), FinishOn: date("2024-03-18"), LeaveTypeID: ptr(1)}, "finish_on"},
		{"unknown leave type", api.LeaveCreate{EmployeeID: DemoBasicID, StartOn: date("2024-03-20"), FinishOn: date("2024-03-21"), LeaveTypeID: ptr(42)}, "leave_type_id"},
		{"unknown employee", api.LeaveCreate{EmployeeID: 4242, StartOn: date("2024-03-20"), FinishOn: date("2024-03-21")}, "employee_id"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			r, _ := c.CreateLeaveWithResponse(ctx, tc.body)
			wantErrors(t, tc.name, r.StatusCode(), r.Body, http.StatusUnprocessableEntity, `"`+tc.field+`":[`)
			legacy, _ := c.CreateLeaveLegacyWithResponse(ctx, tc.body)
			wantErrors(t, tc.name+" (legacy)", legacy.StatusCode(), legacy.Body, http.StatusUnprocessableEntity, tc.field)
		})
	}
	// v2 validates too, with its string dates.
	v2, _ := c.CreateLeaveV2WithResponse(ctx, api.LeaveV2Create{EmployeeID: DemoBasicID, StartOn: "2024-03-20T09:00:00Z", FinishOn: "2024-03-20T08:00:00Z"})
	wantErrors(t, "v2 finish before start", v2.StatusCode(), v2.Body, http.StatusUnprocessableEntity, "finish_on")
	upd, _ := c.UpdateLeaveWithResponse(ctx, 1, api.UpdateLeaveJSONRequestBody{FinishOn: ptr(date("2000-01-01"))})
	wantErrors(t, "update finish before start", upd.StatusCode(), upd.Body, http.StatusUnprocessableEntity, "finish_on")

	ok, _ := c.CreateLeaveWithResponse(ctx, api.LeaveCreate{EmployeeID: DemoBasicID, StartOn: date("2024-04-01"), FinishOn: date("2024-04-01"), LeaveTypeID: ptr(2)})
	if ok.StatusCode() != http.StatusCreated || *ok.JSON201.LeaveTypeName != "Sick leave" || *ok.JSON201.EmployeeFullName != "Bea Basic" {
		t.Fatalf("create leave: %s", ok.Body)
	}
	id := ok.JSON201.ID
	// One table behind v1, v2 and the legacy path; filters by employee and window.
	v2get, _ := c.GetLeaveV2WithResponse(ctx, id)
	legacy, _ := c.ListLeavesLegacyWithResponse(ctx)
	filtered, _ := c.ListLeavesWithResponse(ctx, &api.ListLeavesParams{EmployeeIDs: []int{DemoBasicID}, From: ptr(openapi_types.Date{Time: time.Date(2024, 3, 25, 0, 0, 0, 0, time.UTC)}), To: ptr(openapi_types.Date{Time: time.Date(2024, 4, 5, 0, 0, 0, 0, time.UTC)})})
	if v2get.StatusCode() != http.StatusOK || *v2get.JSON200.StartOn != "2024-04-01" {
		t.Errorf("v2 get: %s", v2get.Body)
	}
	if !slices.ContainsFunc(*legacy.JSON200, func(l api.Leave) bool { return l.ID == id }) {
		t.Errorf("legacy list misses %d", id)
	}
	if len(*filtered.JSON200) != 1 || (*filtered.JSON200)[0].ID != id {
		t.Errorf("filtered list: %s", filtered.Body)
	}
}

func TestBasicUserRestrictionsAndAPIKey(t *testing.T) {
	e := newEnv(t)
	basic, admin, key := e.client(tokBasic), e.client(tokAdmin), e.client("key:"+tokKey)

	list, _ := basic.ListEmployeesWithResponse(ctx)
	for _, emp := range *list.JSON200 {
		self := emp.ID == DemoBasicID
		if (emp.Identifier != nil) != self || (emp.BankNumber != nil) != self || (emp.BirthdayOn != nil) != self ||
			(emp.PhoneNumber != nil) != self || (emp.Hiring.BaseCompensationAmountInCents != nil) != self {
			t.Errorf("basic user sees employee %d: identifier %v bank %v birthday %v phone %v", emp.ID, emp.Identifier, emp.BankNumber, emp.BirthdayOn, emp.PhoneNumber)
		}
		if emp.FirstName == nil || emp.Email == nil {
			t.Errorf("basic user lost public fields of %d", emp.ID)
		}
	}
	v2, _ := basic.GetEmployeeV2WithResponse(ctx, DemoBasic2ID)
	if v2.JSON200.SwiftBic != nil || v2.JSON200.TaxID != nil || v2.JSON200.SocialSecurityNumber != nil || v2.JSON200.FullName == nil {
		t.Errorf("basic v2 view of another employee: %s", v2.Body)
	}
	for name, c := range map[string]*api.ClientWithResponses{"admin": admin, "api key": key} {
		full, _ := c.GetEmployeeWithResponse(ctx, DemoBasic2ID)
		if full.JSON200.Identifier == nil || full.JSON200.BankNumber == nil {
			t.Errorf("%s sees a restricted payload: %s", name, full.Body)
		}
	}

	// Admin actions are forbidden to basic users.
	forbidden := []struct {
		name string
		do   func() (int, []byte)
	}{
		{"create team", func() (int, []byte) {
			r, _ := basic.CreateTeamWithResponse(ctx, api.CreateTeamJSONRequestBody{Name: "Skunkworks"})
			return r.StatusCode(), r.Body
		}},
		{"update employee", func() (int, []byte) {
			r, _ := basic.UpdateEmployeeWithResponse(ctx, DemoBasicID, api.UpdateEmployeeJSONRequestBody{Role: ptr(api.EmployeeUpdateRoleAdmin)})
			return r.StatusCode(), r.Body
		}},
		{"terminate", func() (int, []byte) {
			r, _ := basic.TerminateEmployeeWithResponse(ctx, DemoBasic2ID, api.TerminateEmployeeJSONRequestBody{})
			return r.StatusCode(), r.Body
		}},
		{"leave for somebody else", func() (int, []byte) {
			r, _ := basic.CreateLeaveWithResponse(ctx, api.LeaveCreate{EmployeeID: DemoBasic2ID, StartOn: date("2024-04-01"), FinishOn: date("2024-04-02")})
			return r.StatusCode(), r.Body
		}},
		{"delete leave", func() (int, []byte) {
			r, _ := basic.DeleteLeaveWithResponse(ctx, 1)
			return r.StatusCode(), r.Body
		}},
		{"clock in somebody else", func() (int, []byte) {
			r, _ := basic.ClockInWithResponse(ctx, api.ClockInJSONRequestBody{EmployeeID: DemoBasic2ID, Now: e.s.Now()})
			return r.StatusCode(), r.Body
		}},
		{"list API keys", func() (int, []byte) {
			r, _ := basic.ListAPIKeysWithResponse(ctx)
			return r.StatusCode(), r.Body
		}},
	}
	for _, f := range forbidden {
		st, body := f.do()
		wantErrors(t, f.name, st, body, http.StatusForbidden, "Forbidden access")
	}

	// Self-service is allowed: own clock-in and own leave (pending approval).
	in, _ := basic.ClockInWithResponse(ctx, api.ClockInJSONRequestBody{EmployeeID: DemoBasicID, Now: e.s.Now()})
	if in.StatusCode() != http.StatusCreated {
		t.Errorf("own clock in: %s", in.Body)
	}
	lv, _ := basic.CreateLeaveWithResponse(ctx, api.LeaveCreate{EmployeeID: DemoBasicID, StartOn: date("2024-04-01"), FinishOn: date("2024-04-02"), LeaveTypeID: ptr(1)})
	if lv.StatusCode() != http.StatusCreated || lv.JSON201.Approved == nil || *lv.JSON201.Approved {
		t.Errorf("own leave: %s (want pending)", lv.Body)
	}
	me, _ := basic.GetMeWithResponse(ctx)
	if me.JSON200.EmployeeID != DemoBasicID || *me.JSON200.Role != "basic" {
		t.Errorf("basic /me: %s", me.Body)
	}
	mgr, _ := e.client(tokManager).GetMeWithResponse(ctx)
	if *mgr.JSON200.Role != "manager" {
		t.Errorf("manager /me: %s", mgr.Body)
	}

	// An API key has full access.
	team, _ := key.CreateTeamWithResponse(ctx, api.CreateTeamJSONRequestBody{Name: "Skunkworks"})
	keys, _ := key.ListAPIKeysWithResponse(ctx)
	if team.StatusCode() != http.StatusCreated || keys.StatusCode() != http.StatusOK {
		t.Errorf("api key: create team %d, list keys %d", team.StatusCode(), keys.StatusCode())
	}
	created, _ := key.CreateAPIKeyWithResponse(ctx, api.CreateAPIKeyJSONRequestBody{Name: "CI"})
	if created.JSON201 == nil || created.JSON201.Token == nil || *created.JSON201.Token == "" {
		t.Errorf("create key returns the token once: %s", created.Body)
	}

	// No or unknown credentials: Doorkeeper's 401.
	for _, tok := range []string{"", "expired-token"} {
		st, h, body := e.raw(http.MethodGet, "/api/v1/employees", tok, "", "")
		if st != http.StatusUnauthorized || len(body) != 0 || !strings.Contains(h.Get("WWW-Authenticate"), `error="invalid_token"`) {
			t.Errorf("token %q: %d %q %q", tok, st, h.Get("WWW-Authenticate"), body)
		}
	}
}

// TestInvalidRequests: what the real API sends for bad input (mapping in
// errors.go).
func TestInvalidRequests(t *testing.T) {
	e := newEnv(t)
	cases := []struct {
		name, method, path, body string
		status                   int
		want                     []string
	}{
		{"wrong type", "POST", "/api/v1/time/leaves", `{"employee_id":"three","start_on":"2024-03-20","finish_on":"2024-03-21"}`,
			422, []string{`"employee_id":["is invalid"]`}},
		{"missing required", "POST", "/api/v1/core/teams", `{"description":"no name"}`, 422, []string{`"name":["can't be blank"]`}},
		{"bad enum", "POST", "/api/v1/time/shifts/clock_in", `{"employee_id":3,"now":"2024-03-04T09:00:00Z","location_type":"moon"}`,
			422, []string{`"location_type":["is not included in the list"]`}},
		{"bad date", "POST", "/api/v1/time/leaves", `{"employee_id":3,"start_on":"20/03/2024","finish_on":"2024-03-21"}`,
			422, []string{`"start_on":["is invalid"]`}},
		{"several fields", "POST", "/api/v1/employees", `{"email":3}`, 422, []string{"email", "first_name", "last_name"}},
		{"malformed JSON", "POST", "/api/v1/core/teams", `{"name":`, 400, []string{"problem in the JSON"}},
		{"bad query param", "GET", "/api/v1/time/leaves?employee_ids[]=x", "", 400, []string{"employee_ids[]"}},
		{"missing required query", "GET", "/api/v1/ats/messages", "", 400, []string{"conversation_id"}},
		{"non-numeric id", "GET", "/api/v1/employees/abc", "", 404, []string{"Resource #abc not found"}},
		{"unknown id", "GET", "/api/v1/employees/999", "", 404, []string{"Resource #999 not found"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			st, _, body := e.raw(tc.method, tc.path, tokAdmin, "application/json", tc.body)
			wantErrors(t, tc.name, st, body, tc.status, tc.want...)
		})
	}
	// Bad input without credentials is a 401 first.
	st, _, body := e.raw("POST", "/api/v1/core/teams", "", "application/json", `{"name":`)
	if st != http.StatusUnauthorized || len(body) != 0 {
		t.Errorf("unauthenticated bad body: %d %s", st, body)
	}
}

// TestResponseViolationsAreLoud: a record that cannot be answered within
// the spec produces a 500 naming the violation and a report, never a
// silent bad response.
func TestResponseViolationsAreLoud(t *testing.T) {
	var reported []error
	s, err := New(WithAuthenticator(StaticTokens(testTokens)),
		WithViolationHandler(func(r *http.Request, err error) { reported = append(reported, err) }))
	if err != nil {
		t.Fatal(err)
	}
	s.Put(ResEmployees, map[string]any{"id": 77, "first_name": "Bad", "gender": "unknown"}) // gender is an enum
	e := &env{t: t, s: s}
	e.srv = newServer(t, s)
	st, h, body := e.raw(http.MethodGet, "/api/v1/employees/77", tokAdmin, "", "")
	if st != http.StatusInternalServerError || h.Get("X-Spec-Violation") != "response" || !strings.Contains(string(body), "GetEmployee") {
		t.Errorf("violation answered %d %q %s", st, h.Get("X-Spec-Violation"), body)
	}
	if len(reported) != 1 || len(s.Violations()) != 1 || !strings.Contains(reported[0].Error(), "gender") {
		t.Errorf("reported %v, violations %v", reported, s.Violations())
	}
}

func TestOtherActions(t *testing.T) {
	e := newEnv(t)
	c := e.client(tokAdmin)

	dup, _ := c.DuplicateJobPostingWithResponse(ctx, 1)
	if dup.StatusCode() != http.StatusCreated || *dup.JSON201.Title != "Backend Engineer Copy" || *dup.JSON201.Status != "draft" || dup.JSON201.ID == 1 {
		t.Errorf("duplicate: %s", dup.Body)
	}

	res, _ := c.ResolveTaskWithResponse(ctx, 1, api.ResolveTaskJSONRequestBody{Done: ptr(true)})
	if res.JSON200.CompletedAt == nil {
		t.Errorf("resolve: %s", res.Body)
	}
	cp, _ := c.CopyTaskWithResponse(ctx, 1, api.CopyTaskJSONRequestBody{Name: ptr("Sign it again")})
	if cp.JSON200.ID == 1 || *cp.JSON200.Name != "Sign it again" || cp.JSON200.CompletedAt != nil || !slices.Equal(cp.JSON200.AssigneeIDs, []int{DemoBasicID}) {
		t.Errorf("copy: %s", cp.Body)
	}
	undo, _ := c.ResolveTaskWithResponse(ctx, 1, api.ResolveTaskJSONRequestBody{Done: ptr(false)})
	if undo.JSON200.CompletedAt != nil {
		t.Errorf("unresolve: %s", undo.Body)
	}
	mine, _ := c.ListTasksWithResponse(ctx, &api.ListTasksParams{AssigneeID: ptr(DemoBasicID)})
	if len(*mine.JSON200) != 2 {
		t.Errorf("tasks of assignee: %s", mine.Body)
	}

	pub, _ := c.PublishManagedShiftsWithResponse(ctx, api.PublishManagedShiftsJSONRequestBody{EmployeeIDs: []int{DemoBasicID}})
	if pub.StatusCode() != http.StatusCreated {
		t.Fatalf("publish: %d %s", pub.StatusCode(), pub.Body)
	}
	shift, _ := c.GetManagedShiftWithResponse(ctx, 1)
	if *shift.JSON200.State != "published" {
		t.Errorf("shift after publish: %s", shift.Body)
	}
	notes, _ := c.UpdateManagedShiftNotesWithResponse(ctx, 1, api.UpdateManagedShiftNotesJSONRequestBody{Notes: ptr("Bring keys")})
	if *notes.JSON200.Notes != "Bring keys" || *notes.JSON200.State != "published" {
		t.Errorf("notes: %s", notes.Body)
	}

	// v1 webhooks are unique per type: creating again changes target_url.
	w1, _ := c.CreateWebhookWithResponse(ctx, api.CreateWebhookJSONRequestBody{Type: "employee_created", TargetURL: "https://new.test/hook"})
	all, _ := c.ListWebhooksWithResponse(ctx)
	if w1.JSON200.ID != 1 || *w1.JSON200.TargetURL != "https://new.test/hook" || len(*all.JSON200) != 1 {
		t.Errorf("webhook upsert: %s; list %s", w1.Body, all.Body)
	}
	gone, _ := c.DeleteWebhookLegacyWithResponse(ctx, api.DeleteWebhookLegacyJSONRequestBody{Type: "employee_created"})
	if gone.StatusCode() != http.StatusOK || len(e.s.List(ResWebhooks)) != 0 {
		t.Errorf("legacy unsubscribe: %s", gone.Body)
	}

	found, _ := c.FindEmployeeByIntegrationCodeWithResponse(ctx, 1, nil)
	if len(*found.JSON200) != 1 || (*found.JSON200)[0].ID != DemoBasicID {
		t.Errorf("find employee by code: %s", found.Body)
	}
}

func TestDeleteNoContentOption(t *testing.T) {
	e := newEnv(t, WithDeleteNoContent())
	c := e.client(tokAdmin)
	r, _ := c.DeleteLeaveWithResponse(ctx, 1)
	if r.StatusCode() != http.StatusNoContent || len(r.Body) != 0 {
		t.Errorf("delete: %d %q", r.StatusCode(), r.Body)
	}
	m, _ := c.UnassignEmployeeFromTeamWithResponse(ctx, 1, DemoBasicID)
	if m.StatusCode() != http.StatusNoContent {
		t.Errorf("unassign: %d", m.StatusCode())
	}
	if _, ok := e.s.Get(ResLeaves, 1); ok {
		t.Error("leave 1 still stored")
	}
}
