package sandbox

import (
	"fmt"

	"github.com/factorial-go/factorial/api"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"testing"
	"time"
)

// TestDatedPagination: limit (default and maximum 100), cursors in both
// directions, page numbers, the meta members, ascending string ids, and
// filters applied before paginating.
func TestDatedPagination(t *testing.T) {
	e := newEnv(t)
	for i := range 250 {
		if _, err := e.s.Create(ResEmployees, map[string]any{
			"first_name": "P", "last_name": strconv.Itoa(i), "email": fmt.Sprintf("p%d@example.com", i)}); err != nil {
			t.Fatal(err)
		}
	}
	const total = 255 // with the five demo people
	key := "key:" + tokKey
	var seen []int
	after := ""
	var pages []map[string]any
	for {
		path := "/employees/employees"
		if after != "" {
			path += "?after_id=" + url.QueryEscape(after)
		}
		data, meta := e.dated("GET", path, key, nil).page(t)
		pages = append(pages, meta)
		for _, rec := range data {
			n, err := strconv.Atoi(rec["id"].(string))
			if err != nil {
				t.Fatalf("id %v is not a decimal string", rec["id"])
			}
			seen = append(seen, n)
		}
		if meta["total"] != float64(total) || meta["limit"] != float64(100) {
			t.Fatalf("meta %v", meta)
		}
		if meta["has_next_page"] != true {
			break
		}
		after = meta["end_cursor"].(string)
	}
	if len(pages) != 3 || len(seen) != total || !slices.IsSorted(seen) || slices.Compact(slices.Clone(seen))[total-1] != seen[total-1] {
		t.Fatalf("walked %d pages, %d employees (sorted %v)", len(pages), len(seen), slices.IsSorted(seen))
	}
	if pages[0]["has_previous_page"] != false || pages[1]["has_previous_page"] != true || pages[2]["has_next_page"] != false {
		t.Errorf("has_previous/next: %v", pages)
	}
	// before_id with page 2's start_cursor is page 1.
	data, meta := e.dated("GET", "/employees/employees?before_id="+url.QueryEscape(pages[1]["start_cursor"].(string)), key, nil).page(t)
	if len(data) != 100 || data[0]["id"] != "1001" || meta["has_previous_page"] != false || meta["has_next_page"] != true {
		t.Errorf("before_id: %d records from %v, meta %v", len(data), data[0]["id"], meta)
	}
	// Cursors are opaque: not record ids.
	if c := pages[0]["end_cursor"].(string); c == "1100" || c == strconv.Itoa(seen[99]) {
		t.Errorf("end_cursor %q is a record id", c)
	}
	// Page numbers.
	data, meta = e.dated("GET", "/employees/employees?page=3&limit=100", key, nil).page(t)
	if len(data) != 55 || meta["has_next_page"] != false || meta["has_previous_page"] != true {
		t.Errorf("page 3: %d records, meta %v", len(data), meta)
	}
	data, meta = e.dated("GET", "/employees/employees?page=2&limit=10", key, nil).page(t)
	if len(data) != 10 || data[0]["id"] != strconv.Itoa(seen[10]) || meta["limit"] != float64(10) {
		t.Errorf("page 2 of 10: first %v, meta %v", data[0]["id"], meta)
	}
	data, meta = e.dated("GET", "/employees/employees?page=9", key, nil).page(t)
	if len(data) != 0 || meta["has_next_page"] != false || meta["start_cursor"] != nil {
		t.Errorf("past the end: %d records, meta %v", len(data), meta)
	}
	// Filters first: ids[] and team_ids[].
	data, meta = e.dated("GET", "/employees/employees?ids[]=1003&ids[]=1001&ids[]=99999", key, nil).page(t)
	if len(data) != 2 || data[0]["id"] != "1001" || data[1]["id"] != "1003" || meta["total"] != float64(2) {
		t.Errorf("ids[]: %v", data)
	}
	data, _ = e.dated("GET", "/employees/employees?team_ids[]=1&limit=2", key, nil).page(t)
	if len(data) != 2 || data[0]["id"] != "1002" {
		t.Errorf("team_ids[]: %v", data)
	}
	// A limit above 100 is outside the spec; a cursor not issued is refused.
	e.strict = false
	if r := e.dated("GET", "/employees/employees?limit=500", key, nil); r.status != http.StatusBadRequest {
		t.Errorf("limit=500: %d %s", r.status, r.body)
	}
	r := e.dated("GET", "/employees/employees?after_id=1001", key, nil)
	e.strict = true
	if r.status != http.StatusBadRequest || string(r.body) != `{"errors":{"errors":["Invalid value for parameter after_id: not a cursor this API issued"]}}` {
		t.Errorf("after_id=1001: %d %s", r.status, r.body)
	}
	// Shifts come unpaginated, as Factorial's live list does.
	_, meta = e.dated("GET", "/attendance/shifts", key, nil).page(t)
	if meta["paginateable"] != false || meta["limit"] != nil || meta["has_next_page"] != false || meta["total"] != float64(2) {
		t.Errorf("shifts meta: %v", meta)
	}
}

// TestDatedSharesTheV1Company: one company through both APIs, ids as
// strings on the dated side, and any version date answered.
func TestDatedSharesTheV1Company(t *testing.T) {
	e := newEnv(t)
	key := "key:" + tokKey
	emp := e.dated("GET", "/employees/employees/1003", key, nil).obj(t)
	if emp["id"] != "1003" || emp["manager_id"] != "1002" || emp["location_id"] != "1" || emp["company_id"] != "1" ||
		emp["email"] != DemoBasicEmail || emp["active"] != true || emp["access_id"] != "3" {
		t.Errorf("employee 1003: %v", emp)
	}
	// A hire on the dated API is an employee on v1, in the team given.
	hire := e.dated("POST", "/employees/employees/create_with_contract", key, map[string]any{
		"company_id": "1", "first_name": "Nora", "last_name": "New", "email": "nora@example.com", "team_id": "2"}).obj(t)
	id, _ := strconv.Atoi(idOf(t, hire))
	v1, _ := e.client(tokAdmin).GetEmployeeWithResponse(t.Context(), id)
	if v1.JSON200 == nil || *v1.JSON200.FirstName != "Nora" || !slices.Contains(v1.JSON200.TeamIDs, 2) {
		t.Errorf("v1 sees %s", v1.Body)
	}
	data, _ := e.dated("GET", "/teams/memberships?team_ids[]=2", key, nil).page(t)
	if len(data) != 2 || data[1]["employee_id"] != strconv.Itoa(id) || data[1]["lead"] != false {
		t.Errorf("memberships of People: %v", data)
	}
	// A v1 assignment is a dated membership; a dated membership is in v1's team.
	if r, _ := e.client(tokAdmin).AssignEmployeeToTeamWithResponse(t.Context(), 2, DemoBasicID); r.StatusCode() > 299 {
		t.Fatalf("v1 assign: %s", r.Body)
	}
	data, _ = e.dated("GET", "/teams/memberships?employee_ids[]=1003", key, nil).page(t)
	if len(data) != 2 {
		t.Errorf("1003's memberships after the v1 assignment: %v", data)
	}
	m := e.dated("POST", "/teams/memberships", key, map[string]any{"team_id": "2", "employee_id": "1004", "lead": true}).obj(t)
	team, _ := e.client(tokAdmin).GetTeamWithResponse(t.Context(), 2)
	if !slices.Contains(team.JSON200.LeadIDs, DemoBasic2ID) {
		t.Errorf("v1 team after the dated membership: %s", team.Body)
	}
	if r := e.dated("POST", "/teams/memberships", key, map[string]any{"team_id": "2", "employee_id": "1004"}); r.status != 422 {
		t.Errorf("a second membership: %d %s", r.status, r.body)
	}
	e.dated("DELETE", "/teams/memberships/"+idOf(t, m), key, nil)
	team, _ = e.client(tokAdmin).GetTeamWithResponse(t.Context(), 2)
	if slices.Contains(team.JSON200.EmployeeIDs, DemoBasic2ID) {
		t.Errorf("v1 team after deleting the membership: %s", team.Body)
	}
	// Any version date is served; something else is not a version.
	if r := e.datedAt("2024-10-01", "GET", "/employees/employees/1001", key, nil); r.status != 200 {
		t.Errorf("a retired version: %d %s", r.status, r.body)
	}
	req, _ := http.NewRequest("GET", e.srv.URL+"/api/latest/resources/employees/employees", nil)
	req.Header.Set("x-api-key", tokKey)
	resp, err := e.srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 404 {
		t.Errorf("/api/latest/resources: %d", resp.StatusCode)
	}
}

// TestDatedErrorShapes: 404 {"errors": [...]}, 422 {"errors": {"errors":
// [...]}} with full messages, blank required strings answered as missing.
func TestDatedErrorShapes(t *testing.T) {
	e := newEnv(t)
	key := "key:" + tokKey
	for _, tc := range []struct {
		name, method, path string
		body               any
		status             int
		want               string
	}{
		{"missing record", "GET", "/employees/employees/99999", nil, 404, `{"errors":["Resource #99999 not found"]}`},
		{"missing record of an action", "POST", "/timeoff/leaves/approve", map[string]any{"id": "99999"}, 404, `{"errors":["Resource #99999 not found"]}`},
		{"blank required string", "POST", "/teams/teams", map[string]any{"name": " "}, 422, `{"errors":{"errors":["Name can't be blank"]}}`},
		{"blank required id", "POST", "/timeoff/leaves/reject", map[string]any{"id": ""}, 422, `{"errors":{"errors":["Id can't be blank"]}}`},
		{"blank beside a schema error", "POST", "/locations/locations", map[string]any{"name": "", "country": "es", "timezone": "Europe/Madrid"}, 422,
			`{"errors":{"errors":["Company can't be blank","Name can't be blank"]}}`},
		{"rule", "POST", "/employees/employees/create_with_contract", map[string]any{"company_id": "1", "first_name": "A", "last_name": "B", "email": DemoBasicEmail}, 422,
			`{"errors":{"errors":["There is already a user with that email (basic@example.com)"]}}`},
		{"rule on a field", "POST", "/payroll/supplements", map[string]any{"employee_id": "99999", "payroll_policy_period_id": "1", "contracts_taxonomy_id": "1", "effective_on": "2024-03-01", "amount_in_cents": 1}, 422,
			`{"errors":{"errors":["The employee does not belong to the company"]}}`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e.strict = tc.status != 422 || tc.name != "blank beside a schema error"
			r := e.dated(tc.method, tc.path, key, tc.body)
			e.strict = true
			if r.status != tc.status || string(r.body) != tc.want {
				t.Errorf("%d %s, want %d %s", r.status, r.body, tc.status, tc.want)
			}
		})
	}
	if vs := e.s.Violations(); len(vs) > 0 {
		t.Errorf("violations: %v", vs)
	}
}

// TestDatedScopes: an operation's scope is required of tokens that carry
// scopes, checked before anything else; tokens without scopes (API keys,
// v1 tokens) and the scope-less credentials pass.
func TestDatedScopes(t *testing.T) {
	e := newEnv(t)
	if r := e.dated("GET", "/timeoff/leaves", tokTimeOff, nil); r.status != 200 {
		t.Errorf("time_off token on leaves: %d %s", r.status, r.body)
	}
	for _, tc := range []struct{ method, path string }{
		{"GET", "/employees/employees"},
		{"GET", "/teams/teams"}, // teams fall under employees
		{"POST", "/attendance/shifts/clock_in"},
	} {
		r := e.dated(tc.method, tc.path, tokTimeOff, map[string]any{"now": "2024-03-04T09:00:00Z"})
		if tc.method == "GET" {
			r = e.dated(tc.method, tc.path, tokTimeOff, nil)
		}
		if r.status != http.StatusForbidden || r.header.Get("WWW-Authenticate") != `Bearer realm="Doorkeeper", error="insufficient_scope", error_description="`+insufficientScope+`"` {
			t.Errorf("%s %s without its scope: %d %v %s", tc.method, tc.path, r.status, r.header, r.body)
		}
	}
	// A request the spec rejects is still refused for the scope first.
	e.strict = false
	r := e.dated("POST", "/teams/teams", tokTimeOff, map[string]any{"name": 5})
	e.strict = true
	if r.status != http.StatusForbidden || string(r.body) != `{"errors":["The access token does not grant the employees scope"]}` {
		t.Errorf("invalid body without the scope: %d %s", r.status, r.body)
	}
	for _, tok := range []string{tokTimeOff, tokAdmin, "key:" + tokKey} {
		if r := e.dated("GET", "/api_public/credentials", tok, nil); r.status != 200 {
			t.Errorf("credentials with %s: %d", tok, r.status)
		}
	}
	if r := e.dated("GET", "/employees/employees", tokAdmin, nil); r.status != 200 {
		t.Errorf("a token without scopes: %d", r.status)
	}
	// A company token acts for the company: admin actions within its
	// scopes, but no employee of its own to clock in.
	if r := e.dated("POST", "/employees/employees/terminate", tokCompany, map[string]any{"id": "1004", "terminated_on": "2024-04-01"}); r.status != 200 {
		t.Errorf("company token terminating: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/attendance/shifts/clock_in", tokCompany, map[string]any{"now": "2024-03-04T09:00:00Z"}); r.status != 422 {
		t.Errorf("company token clocking in nobody: %d %s", r.status, r.body)
	}
	if r := e.dated("GET", "/documents/documents", tokCompany, nil); r.status != 403 {
		t.Errorf("company token outside its scopes: %d", r.status)
	}
	// v1 is not checked by scope.
	if r, _ := e.client(tokTimeOff).ListEmployeesWithResponse(t.Context()); r.StatusCode() != 200 {
		t.Errorf("v1 with a scoped token: %d", r.StatusCode())
	}
}

// TestDatedCredentials: the caller, per credential kind.
func TestDatedCredentials(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		tok  string
		want map[string]any
		null []string
	}{
		{tokBasic, map[string]any{"id": "access-3", "company_id": "1", "employee_id": "1003", "email": DemoBasicEmail,
			"first_name": "Bea", "role": "basic"}, []string{"name", "legal_name"}},
		{tokManager, map[string]any{"id": "access-2", "employee_id": "1002", "role": "manager"}, []string{"tin"}},
		{tokAdmin, map[string]any{"id": "access-1", "employee_id": "1001", "role": "admin"}, nil},
		{tokCompany, map[string]any{"id": "company-1", "company_id": "1", "name": DemoCompanyName, "legal_name": "Acme Labs S.L.",
			"tin": "B12345678"}, []string{"employee_id", "email", "first_name"}},
		{"key:" + tokKey, map[string]any{"id": "api_key-1", "company_id": "1", "name": DemoCompanyName}, []string{"employee_id"}},
	} {
		data, meta := e.dated("GET", "/api_public/credentials", tc.tok, nil).page(t)
		if len(data) != 1 || meta["total"] != float64(1) {
			t.Fatalf("%s: %v", tc.tok, data)
		}
		for k, v := range tc.want {
			if data[0][k] != v {
				t.Errorf("%s: %s = %v, want %v", tc.tok, k, data[0][k], v)
			}
		}
		for _, k := range tc.null {
			if v, ok := data[0][k]; !ok || v != nil {
				t.Errorf("%s: %s = %v, want null", tc.tok, k, v)
			}
		}
	}
}

// TestDatedAttendance: no double clock-in, breaks inside a shift, toggling,
// self-service for basic users, autofill skipping what is taken.
func TestDatedAttendance(t *testing.T) {
	e := newEnv(t)
	key := "key:" + tokKey
	post := func(tok, verb string, body map[string]any) datedResp {
		t.Helper()
		return e.dated("POST", "/attendance/shifts/"+verb, tok, body)
	}
	at := func(hhmm string) string { return "2024-03-04T" + hhmm + ":00+01:00" }
	// Bea clocks herself in: employee_id defaults to the caller.
	r := post(tokBasic, "clock_in", map[string]any{"now": at("09:00"), "location_type": "office"})
	open := r.obj(t)
	if r.status != 200 || open["employee_id"] != "1003" || open["clock_in"] != "09:00" || open["clock_out"] != nil || open["minutes"] != nil {
		t.Fatalf("clock in: %d %s", r.status, r.body)
	}
	if r := post(tokBasic, "clock_in", map[string]any{"now": at("09:05")}); r.status != 422 ||
		string(r.body) != `{"errors":{"errors":["You are already clocked in. Clock out before clocking in again"]}}` {
		t.Errorf("double clock-in: %d %s", r.status, r.body)
	}
	// Clocked in through the dated API is clocked in on v1 too.
	if r, _ := e.client(tokBasic).ClockInWithResponse(t.Context(), api.ClockInInput{EmployeeID: DemoBasicID, Now: time.Date(2024, 3, 4, 10, 0, 0, 0, time.UTC)}); r.StatusCode() != 422 {
		t.Errorf("v1 clock-in during a dated shift: %d %s", r.StatusCode(), r.Body)
	}
	if r := post(tokBasic, "clock_in", map[string]any{"employee_id": "1004", "now": at("09:05")}); r.status != 403 {
		t.Errorf("clocking in a colleague: %d %s", r.status, r.body)
	}
	if r := post(tokBasic, "break_end", map[string]any{"now": at("11:00")}); r.status != 422 {
		t.Errorf("break_end without a break: %d %s", r.status, r.body)
	}
	brk := post(tokBasic, "break_start", map[string]any{"now": at("13:00")}).obj(t)
	if brk["workable"] != false || brk["clock_in"] != "13:00" {
		t.Errorf("break: %v", brk)
	}
	if r := post(tokBasic, "break_start", map[string]any{"now": at("13:10")}); r.status != 422 {
		t.Errorf("break during a break: %d", r.status)
	}
	if r := post(tokBasic, "break_end", map[string]any{"now": at("13:30")}); r.obj(t)["minutes"] != float64(30) {
		t.Errorf("break_end: %s", r.body)
	}
	closed := post(tokBasic, "clock_out", map[string]any{"now": at("17:00")}).obj(t)
	if closed["clock_out"] != "17:00" || closed["clock_in"] != "13:30" || closed["minutes"] != float64(210) {
		t.Errorf("clock out: %v", closed)
	}
	if r := post(tokBasic, "clock_out", map[string]any{"now": at("17:05")}); r.status != 422 {
		t.Errorf("clock out when out: %d", r.status)
	}
	data, _ := e.dated("GET", "/attendance/shifts?employee_ids[]=1003&start_on=2024-03-04", key, nil).page(t)
	var mins []any
	for _, s := range data {
		mins = append(mins, s["minutes"], s["workable"])
	}
	if fmt.Sprint(mins) != "[240 true 30 false 210 true]" {
		t.Errorf("Bea's day: %v", mins)
	}
	// Toggle: in, then out.
	in := post(key, "toggle_clock", map[string]any{"employee_id": "1004", "clock_time": at("08:00")}).obj(t)
	out := post(key, "toggle_clock", map[string]any{"employee_id": "1004", "clock_time": at("16:00")}).obj(t)
	if in["id"] != out["id"] || out["clock_out"] != "16:00" || out["minutes"] != float64(480) {
		t.Errorf("toggle: %v then %v", in, out)
	}
	// An API key acts for no employee: it names one.
	if r := post(key, "clock_in", map[string]any{"now": at("08:00")}); r.status != 422 {
		t.Errorf("API key clock-in without employee_id: %d %s", r.status, r.body)
	}
	// Autofill: weekdays without a shift, a leave or a holiday. Bea (1003)
	// has a vacation from day +7 to +11 (Monday to Friday).
	r = e.dated("POST", "/attendance/shifts/autofill", key, map[string]any{"employee_ids": []string{"1003", "1004"},
		"start_on": "2024-03-04", "end_on": "2024-03-15"})
	var got []string
	for _, s := range r.list(t) {
		m := s.(map[string]any)
		got = append(got, m["employee_id"].(string)+"@"+m["date"].(string)[8:])
	}
	want := "[1003@05 1003@06 1003@07 1003@08 1004@05 1004@06 1004@07 1004@08 1004@11 1004@12 1004@13 1004@14 1004@15]"
	if fmt.Sprint(got) != want {
		t.Errorf("autofill: %v\nwant %v", got, want)
	}
}

// TestDatedLeaveDecisions: only pending leaves are decided, by admins or
// the employee's time-off manager.
func TestDatedLeaveDecisions(t *testing.T) {
	e := newEnv(t)
	key := "key:" + tokKey
	request := func() string {
		t.Helper()
		r := e.dated("POST", "/timeoff/leaves", tokBasic, map[string]any{"employee_id": "1003", "leave_type_id": "1",
			"start_on": "2024-04-01", "finish_on": "2024-04-03"})
		if r.status != 201 || r.obj(t)["approved"] != false || r.obj(t)["days_taken"] != float64(3) {
			t.Fatalf("request: %d %s", r.status, r.body)
		}
		return idOf(t, r.obj(t))
	}
	a := request()
	if r := e.dated("POST", "/timeoff/leaves/approve", tokBasic, map[string]any{"id": a}); r.status != 403 {
		t.Errorf("approving one's own leave: %d", r.status)
	}
	if r := e.dated("POST", "/timeoff/leaves/approve", tokManager, map[string]any{"id": a}); r.status != 200 || r.obj(t)["approved"] != true {
		t.Errorf("the manager approves: %d %s", r.status, r.body)
	}
	for _, verb := range []string{"approve", "reject", "approve_all"} {
		if r := e.dated("POST", "/timeoff/leaves/"+verb, key, map[string]any{"id": a}); r.status != 422 {
			t.Errorf("%s of an approved leave: %d %s", verb, r.status, r.body)
		}
	}
	b := request()
	if r := e.dated("POST", "/timeoff/leaves/reject", key, map[string]any{"id": b, "reason": "Release week"}); r.status != 200 || r.obj(t)["approved"] != false {
		t.Errorf("reject: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/timeoff/leaves/approve", key, map[string]any{"id": b}); r.status != 422 ||
		string(r.body) != `{"errors":{"errors":["The leave is already rejected: only a pending leave can be approved or rejected"]}}` {
		t.Errorf("approve a rejected leave: %d %s", r.status, r.body)
	}
	// The approved leave counts in Bea's vacation stats; the rejected one not.
	data, _ := e.dated("GET", "/timeoff/allowance_stats?employee_ids[]=1003&allowance_ids[]=1&reference_date=2024-03-04", key, nil).page(t)
	if len(data) != 1 || data[0]["id"] != "1003/1/2024-03-04" || data[0]["total"] != "23.0" ||
		data[0]["outstanding_units"] != "8.0" || data[0]["available_days"] != "15.0" {
		t.Errorf("stats: %v", data)
	}
}

// TestDatedEmployeeLifecycle: terminate, unterminate, regular access.
func TestDatedEmployeeLifecycle(t *testing.T) {
	e := newEnv(t)
	key := "key:" + tokKey
	future := DefaultNow.AddDate(0, 1, 0).Format(time.DateOnly)
	emp := e.dated("POST", "/employees/employees/terminate", key, map[string]any{"id": "1004", "terminated_on": future, "termination_reason": "Moving"}).obj(t)
	if emp["terminated_on"] != future || emp["active"] != true || emp["is_terminating"] != true || emp["termination_reason"] != "Moving" {
		t.Errorf("terminating: %v", emp)
	}
	if r := e.dated("POST", "/employees/employees/terminate", key, map[string]any{"id": "1004", "terminated_on": future}); r.status != 422 {
		t.Errorf("terminating twice: %d", r.status)
	}
	emp = e.dated("POST", "/employees/employees/unterminate", key, map[string]any{"id": "1004"}).obj(t)
	if emp["terminated_on"] != nil || emp["active"] != true || emp["is_terminating"] != false {
		t.Errorf("unterminated: %v", emp)
	}
	emp = e.dated("POST", "/employees/employees/terminate", key, map[string]any{"id": "1004", "terminated_on": "2024-03-01"}).obj(t)
	if emp["active"] != false || emp["is_terminating"] != false {
		t.Errorf("terminated in the past: %v", emp)
	}
	data, _ := e.dated("GET", "/employees/employees?only_active=true", key, nil).page(t)
	for _, d := range data {
		if d["id"] == "1004" || d["id"] == "1005" {
			t.Errorf("only_active lists %v", d["id"])
		}
	}
	if r := e.dated("POST", "/employees/employees/set_regular_access_start_date", key, map[string]any{"id": "1003", "starts_on": "2024-05-01"}); r.status != 200 {
		t.Errorf("set_regular_access_start_date: %d %s", r.status, r.body)
	}
	if v1, _ := e.s.Get(ResEmployees, DemoBasicID); v1["regular_access_starts_on"] != "2024-05-01" {
		t.Errorf("regular access: %v", v1["regular_access_starts_on"])
	}
	if r := e.dated("POST", "/employees/employees/terminate", tokBasic, map[string]any{"id": "1004", "terminated_on": future}); r.status != 403 {
		t.Errorf("a basic user terminating: %d", r.status)
	}
}

// TestDatedDocumentsTrash: trashed documents leave the list until
// restored; by_trash_bin lists them.
func TestDatedDocumentsTrash(t *testing.T) {
	e := newEnv(t)
	key := "key:" + tokKey
	r := e.dated("POST", "/documents/documents/move_to_trash_bin", key, map[string]any{"document_ids": []string{"1"}})
	if docs := r.list(t); len(docs) != 1 || docs[0].(map[string]any)["deleted_at"] == nil {
		t.Fatalf("trash: %s", r.body)
	}
	if data, _ := e.dated("GET", "/documents/documents", key, nil).page(t); len(data) != 0 {
		t.Errorf("trashed document listed: %v", data)
	}
	if data, _ := e.dated("GET", "/documents/documents?by_trash_bin=true", key, nil).page(t); len(data) != 1 {
		t.Errorf("trash bin: %v", data)
	}
	if r := e.dated("POST", "/documents/documents/restore_from_trash_bin", key, map[string]any{"document_ids": []string{"1", "42"}}); r.status != 404 {
		t.Errorf("restoring a missing document: %d", r.status)
	}
	e.dated("POST", "/documents/documents/restore_from_trash_bin", key, map[string]any{"document_ids": []string{"1"}})
	if data, _ := e.dated("GET", "/documents/documents", key, nil).page(t); len(data) != 1 || data[0]["deleted_at"] != nil {
		t.Errorf("restored: %v", data)
	}
}

// TestDatedFaults: a fault names a dated operation by operationId or by
// its template, like a v1 one.
func TestDatedFaults(t *testing.T) {
	e := newEnv(t)
	e.strict = false // a forced 503 is off-spec on purpose
	key := "key:" + tokKey
	h := e.s.InjectFault(Fault{Match: "ListCredentials", Status: http.StatusServiceUnavailable, Times: 1})
	if r := e.dated("GET", "/api_public/credentials", key, nil); r.status != 503 || h.Hits() != 1 {
		t.Errorf("by operationId: %d, hits %d", r.status, h.Hits())
	}
	h = e.s.InjectFault(Fault{Match: "POST /api/{version}/resources/timeoff/leaves/approve", Status: http.StatusTooManyRequests, Times: 1})
	if r := e.dated("POST", "/timeoff/leaves/approve", key, map[string]any{"id": "3"}); r.status != 429 || h.Hits() != 1 {
		t.Errorf("by template: %d, hits %d", r.status, h.Hits())
	}
	if r := e.dated("GET", "/api_public/credentials", key, nil); r.status != 200 {
		t.Errorf("after the one-shot faults: %d", r.status)
	}
}
