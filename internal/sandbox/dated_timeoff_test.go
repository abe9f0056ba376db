package sandbox

import (
	"net/http"
	"testing"
)

func init() { areaWalks["timeoff"] = walkTimeOff }

// walkTimeOff is the part of TestDatedEveryOperationAnswers2xx for the
// time-off resources beyond leaves, leave types, allowances and policies
// (those are in the main walk): allowance adjustments, blocked periods,
// policy assignments and policy timelines.
func walkTimeOff(t *testing.T, _ *env, ok okFunc) {
	ok("GET", "/timeoff/allowance_incidences", nil)
	inc := idOf(t, ok("POST", "/timeoff/allowance_incidences", map[string]any{"employee_id": "1003", "timeoff_allowance_id": "1",
		"days_in_cents": 100, "effective_on": "2024-03-01", "target_balance": "available", "description": "Worked a bank holiday"}))
	ok("GET", "/timeoff/allowance_incidences/"+inc, nil)
	ok("PUT", "/timeoff/allowance_incidences/"+inc, map[string]any{"id": inc, "days_in_cents": 200})
	ok("DELETE", "/timeoff/allowance_incidences/"+inc, nil)

	ok("GET", "/timeoff/blocked_periods", nil)
	bp := idOf(t, ok("POST", "/timeoff/blocked_periods", map[string]any{"company_id": "1", "name": "Year-end close", "leave_type_ids": []string{"1"}}))
	ok("GET", "/timeoff/blocked_periods/"+bp, nil)
	ok("PUT", "/timeoff/blocked_periods/"+bp, map[string]any{"id": bp, "name": "Year-end close", "leave_type_ids": []string{"1"},
		"strategy": "everyone", "time_periods_attributes": []any{map[string]any{"name": "Close", "start_on": "2024-12-20", "finish_on": "2024-12-31"}}})
	ok("DELETE", "/timeoff/blocked_periods/"+bp, nil)

	ok("GET", "/timeoff/policy_assignments", nil)
	pa := idOf(t, ok("POST", "/timeoff/policy_assignments", map[string]any{"timeoff_policy_id": "1", "employee_id": "1004", "effective_at": "2024-01-01"}))
	ok("GET", "/timeoff/policy_assignments/"+pa, nil)
	ok("PUT", "/timeoff/policy_assignments/"+pa, map[string]any{"id": pa, "timeoff_policy_id": "1", "effective_at": "2024-02-01"})
	ok("GET", "/timeoff/policy_timelines?employee_id=1004&reference_date=2024-06-01", nil)
	ok("DELETE", "/timeoff/policy_assignments/"+pa, nil)
}

// TestDatedAllowanceIncidences: an adjustment must name an existing
// employee and allowance, shows its timestamps as Unix seconds, and moves
// the employee's counter of that allowance from its date on.
func TestDatedAllowanceIncidences(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	for _, body := range []map[string]any{
		{"employee_id": "999999", "timeoff_allowance_id": "1", "days_in_cents": 100, "effective_on": "2024-03-01", "target_balance": "available"},
		{"employee_id": "1003", "timeoff_allowance_id": "999", "days_in_cents": 100, "effective_on": "2024-03-01", "target_balance": "available"},
	} {
		if r := e.dated("POST", "/timeoff/allowance_incidences", key, body); r.status != http.StatusUnprocessableEntity {
			t.Errorf("create %v: %d %s, want 422", body, r.status, r.body)
		}
	}
	stat := func(ref string) map[string]any {
		t.Helper()
		r := e.dated("GET", "/timeoff/allowance_stats?employee_ids%5B%5D=1003&allowance_ids%5B%5D=1&reference_date="+ref, key, nil)
		data, _ := r.page(t)
		if r.status != 200 || len(data) != 1 {
			t.Fatalf("stats at %s: %d %s", ref, r.status, r.body)
		}
		return data[0]
	}
	before := stat("2024-06-01")
	r := e.dated("POST", "/timeoff/allowance_incidences", key, map[string]any{"employee_id": "1003", "timeoff_allowance_id": "1",
		"days_in_cents": 150, "effective_on": "2024-03-01", "target_balance": "available", "_skip_notifications": true})
	if r.status != http.StatusCreated {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	inc := r.obj(t)
	if _, ok := inc["created_at"].(float64); !ok {
		t.Errorf("created_at %v (%T), want Unix seconds", inc["created_at"], inc["created_at"])
	}
	if _, ok := inc["_skip_notifications"]; ok {
		t.Errorf("the answer carries the request-only _skip_notifications: %v", inc)
	}
	after := stat("2024-06-01")
	if after["available_incidences"] != "1.5" || after["incidences"] != "1.5" {
		t.Errorf("incidences after a 1.5 adjustment: %v / %v", after["available_incidences"], after["incidences"])
	}
	if before["total"] == after["total"] {
		t.Errorf("total unchanged by the adjustment: %v", after["total"])
	}
	if early := stat("2024-02-01"); early["incidences"] != "0.0" {
		t.Errorf("an adjustment effective 2024-03-01 counts on 2024-02-01: %v", early["incidences"])
	}
	if r := e.dated("POST", "/timeoff/allowance_incidences", tokBasic, map[string]any{"employee_id": "1003", "timeoff_allowance_id": "1",
		"days_in_cents": 100, "effective_on": "2024-03-01", "target_balance": "available"}); r.status != http.StatusForbidden {
		t.Errorf("a basic user adjusting their own counter: %d %s, want 403", r.status, r.body)
	}
}

// TestDatedBlockedPeriods: a new blocked period has no ranges and no
// employees; the update's time_periods_attributes become time_periods; an
// unknown leave type is refused.
func TestDatedBlockedPeriods(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	if r := e.dated("POST", "/timeoff/blocked_periods", key, map[string]any{"company_id": "1", "name": "X", "leave_type_ids": []string{"999"}}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("unknown leave type: %d %s, want 422", r.status, r.body)
	}
	r := e.dated("POST", "/timeoff/blocked_periods", key, map[string]any{"company_id": "1", "name": "Launch week", "leave_type_ids": []string{"1", "2"}})
	if r.status != http.StatusCreated {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	bp := r.obj(t)
	if tp, _ := bp["time_periods"].([]any); tp == nil || len(tp) != 0 {
		t.Errorf("new blocked period's time_periods: %v", bp["time_periods"])
	}
	id := idOf(t, bp)
	r = e.dated("PUT", "/timeoff/blocked_periods/"+id, key, map[string]any{"id": id, "name": "Launch week", "leave_type_ids": []string{"1"},
		"strategy": "fqlmultiselect", "members": []string{"1003"},
		"time_periods_attributes": []any{map[string]any{"name": "Launch", "start_on": "2024-09-02", "finish_on": "2024-09-06"}}})
	if r.status != 200 {
		t.Fatalf("update: %d %s", r.status, r.body)
	}
	got := r.obj(t)
	tp, _ := got["time_periods"].([]any)
	if len(tp) != 1 || tp[0].(map[string]any)["start_on"] != "2024-09-02" {
		t.Errorf("time_periods after update: %v", got["time_periods"])
	}
	if _, ok := got["time_periods_attributes"]; ok {
		t.Errorf("the answer carries time_periods_attributes: %v", got)
	}
	if m, _ := got["members"].([]any); len(m) != 1 || m[0] != "1003" {
		t.Errorf("members: %v", got["members"])
	}
}

// TestDatedPolicyAssignments: assignments name an existing policy and
// employee, one per employee and date; the timeline needs both parameters
// and lists the policies of the reference date's year; allowance counters
// follow the policy in effect.
func TestDatedPolicyAssignments(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	pol := idOf(t, e.dated("POST", "/timeoff/policies", key, map[string]any{"name": "Remote", "company_id": "1"}).obj(t))
	for _, body := range []map[string]any{
		{"timeoff_policy_id": "999", "employee_id": "1004", "effective_at": "2024-01-01"},
		{"timeoff_policy_id": pol, "employee_id": "999999", "effective_at": "2024-01-01"},
	} {
		if r := e.dated("POST", "/timeoff/policy_assignments", key, body); r.status != http.StatusUnprocessableEntity {
			t.Errorf("create %v: %d %s, want 422", body, r.status, r.body)
		}
	}
	assign := func(policy, day string) datedResp {
		return e.dated("POST", "/timeoff/policy_assignments", key, map[string]any{"timeoff_policy_id": policy, "employee_id": "1004", "effective_at": day})
	}
	if r := assign("1", "2024-01-01"); r.status != http.StatusCreated {
		t.Fatalf("assign: %d %s", r.status, r.body)
	}
	if r := assign(pol, "2024-07-01"); r.status != http.StatusCreated {
		t.Fatalf("assign: %d %s", r.status, r.body)
	}
	if r := assign(pol, "2024-07-01"); r.status != http.StatusUnprocessableEntity {
		t.Errorf("second assignment on the same date: %d %s, want 422", r.status, r.body)
	}
	for _, q := range []string{"?employee_id=1004", "?reference_date=2024-06-01"} {
		if r := e.dated("GET", "/timeoff/policy_timelines"+q, key, nil); r.status != http.StatusBadRequest {
			t.Errorf("timeline %s: %d %s, want 400", q, r.status, r.body)
		}
	}
	r := e.dated("GET", "/timeoff/policy_timelines?employee_id=1004&reference_date=2024-06-01", key, nil)
	data, _ := r.page(t)
	if r.status != 200 || len(data) != 1 {
		t.Fatalf("timeline: %d %s", r.status, r.body)
	}
	tl := data[0]
	items, _ := tl["items"].([]any)
	if tl["id"] != "1004" || tl["start_limit_date"] != "2024-01-01" || tl["end_limit_date"] != "2024-12-31" || len(items) != 2 {
		t.Fatalf("timeline: %v", tl)
	}
	if first := items[0].(map[string]any); first["timeoff_policy_id"] != "1" || first["finish_on"] != "2024-06-30" {
		t.Errorf("first item: %v", first)
	}
	if second := items[1].(map[string]any); second["timeoff_policy_id"] != pol || second["finish_on"] != nil {
		t.Errorf("second item: %v", second)
	}
	// Policy 1 has the seeded allowances; the new policy has none, so from
	// July the employee has no counters.
	count := func(ref string) int {
		r := e.dated("GET", "/timeoff/allowance_stats?employee_ids%5B%5D=1004&reference_date="+ref, key, nil)
		d, _ := r.page(t)
		return len(d)
	}
	if count("2024-06-01") == 0 || count("2024-08-01") != 0 {
		t.Errorf("counters in June %d, in August %d: want some, then none", count("2024-06-01"), count("2024-08-01"))
	}
}

// TestDatedBlockedPeriodRefusesLeaves: a leave of a blocked type that
// overlaps a blocked range of a period applying to the employee is
// refused, through both APIs; other types, other employees and other
// days are not.
func TestDatedBlockedPeriodRefusesLeaves(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	bp := idOf(t, e.dated("POST", "/timeoff/blocked_periods", key, map[string]any{"company_id": "1", "name": "Year-end close", "leave_type_ids": []string{"1"}}).obj(t))
	leave := func(emp, typ, day string) datedResp {
		return e.dated("POST", "/timeoff/leaves", key, map[string]any{"employee_id": emp, "leave_type_id": typ, "start_on": day, "finish_on": day})
	}
	// A new period applies to nobody yet.
	if r := leave("1003", "1", "2030-12-22"); r.status != http.StatusCreated {
		t.Fatalf("leave before the period has members: %d %s", r.status, r.body)
	}
	r := e.dated("PUT", "/timeoff/blocked_periods/"+bp, key, map[string]any{"id": bp, "name": "Year-end close", "leave_type_ids": []string{"1"},
		"strategy": "fqlmultiselect", "team_ids": []string{"1"},
		"time_periods_attributes": []any{map[string]any{"name": "Close", "start_on": "2030-12-20", "finish_on": "2030-12-31"}}})
	if r.status != 200 {
		t.Fatalf("update: %d %s", r.status, r.body)
	}
	if r := leave("1003", "1", "2030-12-23"); r.status != http.StatusUnprocessableEntity {
		t.Errorf("Engineering vacation in the close: %d %s, want 422", r.status, r.body)
	}
	for _, c := range []struct{ emp, typ, day string }{
		{"1003", "2", "2030-12-23"}, // another leave type
		{"1001", "1", "2030-12-23"}, // the admin is not in Engineering
		{"1003", "1", "2030-12-19"}, // the day before the range
	} {
		if r := leave(c.emp, c.typ, c.day); r.status != http.StatusCreated {
			t.Errorf("leave %v: %d %s, want 201", c, r.status, r.body)
		}
	}
	// The same rule holds for leaves created through v1.
	status, _, body := e.raw("POST", "/api/v1/time/leaves", tokAdmin, "application/json",
		`{"employee_id":1004,"leave_type_id":1,"start_on":"2030-12-24","finish_on":"2030-12-24"}`)
	if status != http.StatusUnprocessableEntity {
		t.Errorf("v1 leave in the close: %d %s, want 422", status, body)
	}
}
