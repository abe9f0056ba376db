package sandbox

import (
	"encoding/json"
	"slices"
	"strconv"
	"testing"
	"time"
)

func init() {
	areaWalks["attendance_requests"] = walkAttendanceRequests
	areaWalks["shift_management"] = walkShiftManagement
	areaWalks["time_planning"] = walkTimePlanning
	areaWalks["time_settings"] = walkTimeSettings
	areaWalks["work_schedules"] = walkWorkSchedules
}

// walkAttendanceRequests is the part of TestDatedEveryOperationAnswers2xx
// for the attendance operations other than shifts.
func walkAttendanceRequests(t *testing.T, _ *env, ok okFunc) {
	day := DefaultNow.Format(time.DateOnly)
	emp := strconv.Itoa(DemoBasicID)
	ok("GET", "/attendance/break_configurations", nil)
	bc := idOf(t, ok("POST", "/attendance/break_configurations", map[string]any{
		"time_settings_break_configuration_id": "2", "attendance_employees_setting_id": emp, "enabled": true}))
	ok("GET", "/attendance/break_configurations/"+bc, nil)
	ok("PUT", "/attendance/break_configurations/"+bc, map[string]any{"id": bc, "enabled": false})

	ok("GET", "/attendance/edit_timesheet_requests", nil)
	etr := idOf(t, ok("POST", "/attendance/edit_timesheet_requests", map[string]any{
		"employee_id": emp, "request_type": "create_shift", "date": day, "clock_in": "09:00", "clock_out": "13:00"}))
	ok("GET", "/attendance/edit_timesheet_requests/"+etr, nil)
	ok("PUT", "/attendance/edit_timesheet_requests/"+etr, map[string]any{"id": etr, "employee_id": emp, "observations": "Client visit"})
	ok("DELETE", "/attendance/edit_timesheet_requests/"+etr, nil)

	ok("GET", "/attendance/estimated_times?start_on="+day+"&end_on="+day+"&employee_ids%5B%5D="+emp, nil)
	ok("GET", "/attendance/open_shifts", nil)
	ok("GET", "/attendance/worked_times", nil)

	ok("GET", "/attendance/overtime_requests", nil)
	ot := idOf(t, ok("POST", "/attendance/overtime_requests", map[string]any{
		"employee_id": emp, "author_id": emp, "date": day, "hours_amount": 2}))
	ok("GET", "/attendance/overtime_requests/"+ot, nil)
	ok("PUT", "/attendance/overtime_requests/"+ot, map[string]any{"id": ot, "hours_amount": 2.5})
	ok("POST", "/attendance/overtime_requests/approve", map[string]any{"id": ot})
	ok("POST", "/attendance/overtime_requests/reject", map[string]any{"id": "1", "reason": "Not agreed beforehand"})
	ok("DELETE", "/attendance/overtime_requests/"+ot, nil)

	ok("GET", "/attendance/reviews?start_on="+day+"&end_on="+day+"&employee_ids%5B%5D="+emp, nil)
	ok("POST", "/attendance/reviews/bulk_create", map[string]any{"employee_ids": []string{emp}, "start_on": day, "end_on": day, "reviewed_by": "1001"})
	ok("POST", "/attendance/reviews/bulk_destroy", map[string]any{"employee_ids": []string{emp}, "start_on": day, "end_on": day})
}

// walkShiftManagement is the shift management part of
// TestDatedEveryOperationAnswers2xx.
func walkShiftManagement(t *testing.T, _ *env, ok okFunc) {
	emp := strconv.Itoa(DemoBasicID)
	ok("GET", "/shift_management/shifts", nil)
	sh := idOf(t, ok("POST", "/shift_management/shifts", map[string]any{"employee_id": emp, "company_id": "1",
		"start_at": "2026-07-06T07:00:00Z", "end_at": "2026-07-06T15:00:00Z", "location_id": "1"}))
	ok("GET", "/shift_management/shifts/"+sh, nil)
	ok("DELETE", "/shift_management/shifts/"+sh, nil)
	ok("POST", "/shift_management/shifts/bulk_create", map[string]any{"shifts": []any{
		map[string]any{"employee_id": emp, "company_id": "1", "start_at": "2026-07-07T07:00:00Z", "end_at": "2026-07-07T15:00:00Z"}}})
	ok("POST", "/shift_management/shifts/bulk_delete", map[string]any{"author_id": "1", "employee_ids": []string{emp},
		"start_at": "2026-07-07T00:00:00Z", "end_at": "2026-07-07T00:00:00Z"})
}

// walkTimePlanning is the time planning part of
// TestDatedEveryOperationAnswers2xx.
func walkTimePlanning(t *testing.T, _ *env, ok okFunc) {
	ok("GET", "/time_planning/planned_breaks", nil)
	ok("GET", "/time_planning/planned_breaks/1", nil)
	ok("POST", "/time_planning/planned_breaks/bulk_create", map[string]any{"planned_breaks": []any{
		map[string]any{"break_type": "flexible", "break_configuration_id": "2", "shift_id": "1", "duration": 15}}})
	ok("GET", "/time_planning/planning_versions", nil)
	pv := idOf(t, ok("POST", "/time_planning/planning_versions", map[string]any{
		"employee_id": strconv.Itoa(DemoAdminID), "effective_at": "2026-01-01", "planning_tool": "contract_hours"}))
	ok("PUT", "/time_planning/planning_versions/"+pv, map[string]any{"id": pv, "effective_at": "2026-02-01",
		"planning_tool": "work_schedule", "schedule_id": "1"})
	ok("DELETE", "/time_planning/planning_versions/"+pv, nil)
	ok("POST", "/time_planning/planning_versions/bulk_create", map[string]any{"employee_ids": []string{strconv.Itoa(DemoAdminID)},
		"effective_at": "2026-03-01", "planning_tool": "contract_hours"})
}

// walkTimeSettings is the time settings part of
// TestDatedEveryOperationAnswers2xx.
func walkTimeSettings(t *testing.T, _ *env, ok okFunc) {
	ok("GET", "/time_settings/break_configurations", nil)
	bc := idOf(t, ok("POST", "/time_settings/break_configurations", map[string]any{"name": "Coffee", "paid": true}))
	ok("GET", "/time_settings/break_configurations/"+bc, nil)
	ok("PUT", "/time_settings/break_configurations/"+bc, map[string]any{"id": bc, "archived": true})
}

// walkWorkSchedules is the work schedule part of
// TestDatedEveryOperationAnswers2xx.
func walkWorkSchedules(t *testing.T, _ *env, ok okFunc) {
	ok("GET", "/work_schedule/schedules", nil)
	ws := idOf(t, ok("POST", "/work_schedule/schedules", map[string]any{"name": "Summer hours", "schedule_type": "fixed"}))
	ok("GET", "/work_schedule/schedules/"+ws, nil)
	ok("PUT", "/work_schedule/schedules/"+ws, map[string]any{"id": ws, "name": "Summer timetable"})
	ok("POST", "/work_schedule/schedules/toggle_archive", map[string]any{"id": ws})
	ok("GET", "/work_schedule/overlap_periods", nil)
	op := idOf(t, ok("POST", "/work_schedule/overlap_periods", map[string]any{"schedule_id": ws,
		"create_params": map[string]any{"start_month": 6, "start_day": 15, "end_month": 9, "end_day": 15}}))
	ok("GET", "/work_schedule/overlap_periods/"+op, nil)
	ok("PUT", "/work_schedule/overlap_periods/"+op, map[string]any{"id": op, "update_params": map[string]any{"end_day": 30}})
	ok("DELETE", "/work_schedule/overlap_periods/"+op, nil)
	ok("GET", "/work_schedule/day_configurations", nil)
	ok("GET", "/work_schedule/day_configurations/1", nil)
	ok("POST", "/work_schedule/day_configurations/bulk_cud", map[string]any{"overlap_period_id": "1",
		"day_configurations": []any{map[string]any{"weekday": "saturday", "start_at": "10:00", "duration_in_seconds": 4 * 3600}}})
}

// TestDatedDayConfigurationChanges: bulk_cud creates, changes and deletes
// the days of one period, all or nothing, answering the last day written.
func TestDatedDayConfigurationChanges(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	r := e.dated("POST", "/work_schedule/day_configurations/bulk_cud", key, map[string]any{"overlap_period_id": "1",
		"day_configurations": []any{
			map[string]any{"id": "5", "_destroy": true},
			map[string]any{"id": "1", "duration_in_seconds": 7 * 3600},
			map[string]any{"weekday": "saturday", "duration_in_seconds": 3 * 3600},
		}})
	if r.status != 200 || r.obj(t)["weekday"] != "saturday" || r.obj(t)["duration_in_seconds"] != float64(3*3600) {
		t.Fatalf("bulk_cud: %d %s", r.status, r.body)
	}
	if r := e.dated("GET", "/work_schedule/day_configurations/5", key, nil); r.status != 404 {
		t.Errorf("destroyed day: %d %s", r.status, r.body)
	}
	if r := e.dated("GET", "/work_schedule/day_configurations/1", key, nil); r.obj(t)["duration_in_seconds"] != float64(7*3600) {
		t.Errorf("changed day: %s", r.body)
	}
	bad := map[string]any{"overlap_period_id": "1", "day_configurations": []any{
		map[string]any{"id": "2", "_destroy": true}, map[string]any{"weekday": "sunday"}}}
	if r := e.dated("POST", "/work_schedule/day_configurations/bulk_cud", key, bad); r.status != 422 {
		t.Errorf("a day without duration: %d %s", r.status, r.body)
	}
	if r := e.dated("GET", "/work_schedule/day_configurations/2", key, nil); r.status != 200 {
		t.Errorf("a refused bulk_cud deleted day 2: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/work_schedule/day_configurations/bulk_cud", key, map[string]any{"overlap_period_id": "99",
		"day_configurations": []any{map[string]any{"weekday": "sunday", "duration_in_seconds": 60}}}); r.status != 422 {
		t.Errorf("a missing period: %d %s", r.status, r.body)
	}
}

// TestDatedOvertimeRequests: a request is created pending with its hours
// in hundredths; only admins and API keys decide, only a pending request
// is decided, a rejection needs a reason, and a decided request no longer
// changes.
func TestDatedOvertimeRequests(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	emp := strconv.Itoa(DemoBasicID)
	r := e.dated("POST", "/attendance/overtime_requests", key, map[string]any{"employee_id": emp, "author_id": emp,
		"date": "2026-06-30", "hours_amount": 1.75})
	if r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	o := r.obj(t)
	id := idOf(t, o)
	if o["status"] != "pending" || o["hours_amount_in_cents"] != float64(175) || o["is_editable"] != true {
		t.Errorf("created request: %v", o)
	}
	if r := e.dated("POST", "/attendance/overtime_requests", key, map[string]any{"employee_id": "987654",
		"author_id": emp, "date": "2026-06-30"}); r.status != 422 {
		t.Errorf("unknown employee: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/attendance/overtime_requests/approve", tokBasic, map[string]any{"id": id}); r.status != 403 {
		t.Errorf("basic user approves: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/attendance/overtime_requests/reject", key, map[string]any{"id": id, "reason": " "}); r.status != 422 {
		t.Errorf("reject without a reason: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/attendance/overtime_requests/approve", key, map[string]any{"id": "987654"}); r.status != 404 {
		t.Errorf("approve a missing request: %d %s", r.status, r.body)
	}
	r = e.dated("POST", "/attendance/overtime_requests/approve", tokAdmin, map[string]any{"id": id, "reason": "Agreed"})
	if r.status != 200 {
		t.Fatalf("approve: %d %s", r.status, r.body)
	}
	o = r.obj(t)
	if o["status"] != "approved" || o["approver_id"] != strconv.Itoa(DemoAdminID) || o["approver_full_name"] == nil || o["is_editable"] != false {
		t.Errorf("approved request: %v", o)
	}
	if r := e.dated("POST", "/attendance/overtime_requests/reject", key, map[string]any{"id": id, "reason": "Late"}); r.status != 422 {
		t.Errorf("reject an approved request: %d %s", r.status, r.body)
	}
	if r := e.dated("PUT", "/attendance/overtime_requests/"+id, key, map[string]any{"id": id, "hours_amount": 3}); r.status != 422 {
		t.Errorf("update an approved request: %d %s", r.status, r.body)
	}
	got := idsOf(t, e.dated("GET", "/attendance/overtime_requests?status=approved", key, nil))
	if !slices.Equal(got, []string{id}) {
		t.Errorf("approved requests: %v, want [%s]", got, id)
	}
}

// TestDatedAttendanceReviews: the list needs the employees and the range
// (400); a bulk create reviews each day once, a bulk destroy removes the
// range's reviews.
func TestDatedAttendanceReviews(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	emp := strconv.Itoa(DemoBasic2ID)
	if r := e.dated("GET", "/attendance/reviews?start_on=2026-06-01&end_on=2026-06-03", key, nil); r.status != 400 {
		t.Errorf("list without employees: %d %s", r.status, r.body)
	}
	body := map[string]any{"employee_ids": []string{emp}, "start_on": "2026-06-01", "end_on": "2026-06-03", "reviewed_by": "1001"}
	r := e.dated("POST", "/attendance/reviews/bulk_create", key, body)
	if r.status != 200 || len(r.list(t)) != 3 {
		t.Fatalf("bulk create over three days: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/attendance/reviews/bulk_create", key, body); r.status != 200 || len(r.list(t)) != 0 {
		t.Errorf("reviewing the same days again creates: %d %s", r.status, r.body)
	}
	bad := map[string]any{"employee_ids": []string{emp}, "start_on": "2026-06-03", "end_on": "2026-06-01", "reviewed_by": "1001"}
	if r := e.dated("POST", "/attendance/reviews/bulk_create", key, bad); r.status != 422 {
		t.Errorf("range ending before it starts: %d %s", r.status, r.body)
	}
	q := "/attendance/reviews?start_on=2026-06-02&end_on=2026-06-03&employee_ids%5B%5D=" + emp
	if got := idsOf(t, e.dated("GET", q, key, nil)); len(got) != 2 {
		t.Errorf("reviews of two days: %v", got)
	}
	r = e.dated("POST", "/attendance/reviews/bulk_destroy", key, map[string]any{"employee_ids": []string{emp}, "start_on": "2026-06-01", "end_on": "2026-06-02"})
	if r.status != 200 || len(r.list(t)) != 2 {
		t.Fatalf("bulk destroy over two days: %d %s", r.status, r.body)
	}
	if got := idsOf(t, e.dated("GET", q, key, nil)); len(got) != 1 {
		t.Errorf("reviews left: %v", got)
	}
}

// TestDatedEstimatedAndWorkedTimes: the expected time follows the planning
// version (Bea's office-hours schedule: eight hours on weekdays, none at
// weekends); the range and employees are required (400); worked time sums
// the day's worked shifts; open shifts are those not clocked out.
func TestDatedEstimatedAndWorkedTimes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	emp := strconv.Itoa(DemoBasicID)
	if r := e.dated("GET", "/attendance/estimated_times?start_on=2026-06-01&end_on=2026-06-07", key, nil); r.status != 400 {
		t.Errorf("estimated times without employees: %d %s", r.status, r.body)
	}
	// 2026-06-05 is a Friday, 2026-06-06 a Saturday.
	r := e.dated("GET", "/attendance/estimated_times?start_on=2026-06-05&end_on=2026-06-06&employee_ids%5B%5D="+emp, key, nil)
	data, _ := r.page(t)
	if r.status != 200 || len(data) != 2 {
		t.Fatalf("estimated times: %d %s", r.status, r.body)
	}
	if data[0]["id"] != emp+"_2026-06-05" || data[0]["expected_minutes"] != float64(480) || data[0]["source"] != "work_schedule" {
		t.Errorf("Friday: %v", data[0])
	}
	if data[1]["expected_minutes"] != float64(0) {
		t.Errorf("Saturday: %v", data[1])
	}
	r = e.dated("GET", "/attendance/worked_times?employee_ids%5B%5D="+emp, key, nil)
	data, _ = r.page(t)
	if r.status != 200 || len(data) == 0 {
		t.Fatalf("worked times: %d %s", r.status, r.body)
	}
	for _, w := range data {
		if w["employee_id"] != emp || w["minutes"] == nil || w["minutes"] != w["tracked_minutes"] {
			t.Errorf("worked time: %v", w)
		}
	}
	r = e.dated("POST", "/attendance/shifts/clock_in", key, map[string]any{"employee_id": emp, "now": "2026-07-01T08:00:00+00:00"})
	if r.status != 200 {
		t.Fatalf("clock in: %d %s", r.status, r.body)
	}
	shift := idOf(t, r.obj(t))
	r = e.dated("GET", "/attendance/open_shifts?employee_ids%5B%5D="+emp, key, nil)
	data, _ = r.page(t)
	if r.status != 200 || len(data) != 1 || data[0]["id"] != shift || data[0]["status"] != "opened" {
		t.Fatalf("open shifts: %d %s", r.status, r.body)
	}
}

// TestDatedPlannedShifts: a new shift is a draft, hidden from basic users;
// the end may not precede the start; a bulk create is all or nothing; a
// bulk delete keeps backup shifts unless told.
func TestDatedPlannedShifts(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	emp := strconv.Itoa(DemoBasicID)
	shift := func(start, end string) map[string]any {
		return map[string]any{"employee_id": emp, "company_id": "1", "start_at": start, "end_at": end, "location_id": "1"}
	}
	r := e.dated("POST", "/shift_management/shifts", key, shift("2026-07-06T07:00:00Z", "2026-07-06T15:00:00Z"))
	if r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	o := r.obj(t)
	id := idOf(t, o)
	if o["state"] != "draft" || o["timezone"] != "Europe/Madrid" || o["local_start_at"] != "2026-07-06T09:00:00.000+00:00" {
		t.Errorf("created shift: %v", o)
	}
	if r := e.dated("POST", "/shift_management/shifts", key, shift("2026-07-06T15:00:00Z", "2026-07-06T07:00:00Z")); r.status != 422 {
		t.Errorf("shift ending before it starts: %d %s", r.status, r.body)
	}
	if got := idsOf(t, e.dated("GET", "/shift_management/shifts", tokBasic, nil)); slices.Contains(got, id) || len(got) == 0 {
		t.Errorf("basic user sees %v: drafts hidden, published shown", got)
	}
	if got := idsOf(t, e.dated("GET", "/shift_management/shifts?without_ids%5B%5D="+id, key, nil)); slices.Contains(got, id) {
		t.Errorf("without_ids lists the excluded shift: %v", got)
	}
	r = e.dated("POST", "/shift_management/shifts/bulk_create", key, map[string]any{"shifts": []any{
		shift("2026-07-08T07:00:00Z", "2026-07-08T15:00:00Z"), shift("2026-07-09T15:00:00Z", "2026-07-09T07:00:00Z")}})
	if r.status != 422 {
		t.Errorf("bulk create with a bad shift: %d %s", r.status, r.body)
	}
	if got := idsOf(t, e.dated("GET", "/shift_management/shifts?start_at=2026-07-08&end_at=2026-07-08", key, nil)); len(got) != 0 {
		t.Errorf("a refused bulk create stored %v", got)
	}
	r = e.dated("POST", "/shift_management/shifts/bulk_create", key, map[string]any{
		"shifts":         []any{shift("2026-07-08T07:00:00Z", "2026-07-08T15:00:00Z")},
		"planned_breaks": []any{map[string]any{"break_type": "fixed", "break_configuration_id": "1", "duration": 30}}})
	if r.status != 200 || len(r.list(t)) != 1 {
		t.Fatalf("bulk create: %d %s", r.status, r.body)
	}
	made := idOf(t, r.list(t)[0].(map[string]any))
	if got := idsOf(t, e.dated("GET", "/time_planning/planned_breaks?shift_ids%5B%5D="+made, key, nil)); len(got) != 1 {
		t.Errorf("breaks of the bulk-created shift: %v", got)
	}
	e.s.Put(ResManagedShifts, map[string]any{"id": 50, "employee_id": DemoBasicID, "state": "backup",
		"start_at": "2026-07-08T16:00:00Z", "end_at": "2026-07-08T20:00:00Z"})
	del := map[string]any{"author_id": "1", "start_at": "2026-07-08T00:00:00Z", "end_at": "2026-07-08T00:00:00Z"}
	r = e.dated("POST", "/shift_management/shifts/bulk_delete", key, del)
	if r.status != 200 || len(r.list(t)) != 1 {
		t.Fatalf("bulk delete of the day: %d %s", r.status, r.body)
	}
	del["destroy_backup_shifts"] = true
	r = e.dated("POST", "/shift_management/shifts/bulk_delete", key, del)
	if r.status != 200 || len(r.list(t)) != 1 || idOf(t, r.list(t)[0].(map[string]any)) != "50" {
		t.Errorf("bulk delete with backups: %d %s", r.status, r.body)
	}
}

// TestDatedWorkSchedules: employees follow a schedule through planning
// versions; periods come from create_params (422 for an impossible month);
// toggling twice archives and brings back; deleting a period removes its
// days; a break kind must exist for an employee switch.
func TestDatedWorkSchedules(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	r := e.dated("GET", "/work_schedule/schedules/1", key, nil)
	o := r.obj(t)
	emps, _ := o["employee_ids"].([]any)
	periods, _ := o["periods"].([]any)
	if r.status != 200 || !slices.Contains(emps, any(strconv.Itoa(DemoBasicID))) || len(periods) != 1 {
		t.Fatalf("schedule 1: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/work_schedule/overlap_periods", key, map[string]any{"schedule_id": "1",
		"create_params": map[string]any{"start_month": 13, "start_day": 1}}); r.status != 422 {
		t.Errorf("month 13: %d %s", r.status, r.body)
	}
	r = e.dated("POST", "/work_schedule/overlap_periods", key, map[string]any{"schedule_id": "1",
		"create_params": map[string]any{"start_month": 7, "start_day": 1, "end_month": 8, "end_day": 31}})
	if r.status != 201 || r.obj(t)["schedule_type"] != "fixed" || r.obj(t)["default"] != false {
		t.Fatalf("summer period: %d %s", r.status, r.body)
	}
	r = e.dated("POST", "/work_schedule/schedules/toggle_archive", key, map[string]any{"id": "1"})
	if r.status != 200 || r.obj(t)["archived_at"] == nil {
		t.Errorf("archive: %d %s", r.status, r.body)
	}
	r = e.dated("POST", "/work_schedule/schedules/toggle_archive", key, map[string]any{"id": "1"})
	if r.status != 200 || r.obj(t)["archived_at"] != nil {
		t.Errorf("unarchive: %d %s", r.status, r.body)
	}
	if got := idsOf(t, e.dated("GET", "/work_schedule/day_configurations?schedule_id=1", key, nil)); len(got) != 5 {
		t.Errorf("days of schedule 1: %v", got)
	}
	if r := e.dated("DELETE", "/work_schedule/overlap_periods/1", key, nil); r.status != 200 {
		t.Fatalf("delete period: %d %s", r.status, r.body)
	}
	if got := idsOf(t, e.dated("GET", "/work_schedule/day_configurations", key, nil)); len(got) != 0 {
		t.Errorf("days left after deleting their period: %v", got)
	}
	if r := e.dated("POST", "/attendance/break_configurations", key, map[string]any{"time_settings_break_configuration_id": "99",
		"attendance_employees_setting_id": "1", "enabled": true}); r.status != 422 {
		t.Errorf("switch for a missing kind of break: %d %s", r.status, r.body)
	}
	r = e.dated("GET", "/attendance/break_configurations/1", key, nil)
	if r.status != 200 || r.obj(t)["name"] != "Lunch" || r.obj(t)["paid"] != false {
		t.Errorf("employee switch shows its kind: %d %s", r.status, r.body)
	}
	if got := idsOf(t, e.dated("GET", "/time_settings/break_configurations?active=true", key, nil)); !slices.Equal(got, []string{"1", "2"}) {
		t.Errorf("active kinds of break: %v", got)
	}
}

// TestDatedTimeWebhooks: a bulk create of planned shifts delivers one
// shift_management/shift/bulk_create per shift, and toggling a schedule's
// archive delivers work_schedule/schedule/toggle_archive with the schedule.
func TestDatedTimeWebhooks(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	shifts, schedules := newReceiver(t), newReceiver(t)
	e.subscribe("shift_management/shift/bulk_create", shifts.srv.URL, "c1", true)
	e.subscribe("work_schedule/schedule/toggle_archive", schedules.srv.URL, "c2", true)
	key := "key:" + tokKey
	shift := func(day string) map[string]any {
		return map[string]any{"employee_id": "1003", "company_id": "1", "start_at": day + "T07:00:00Z", "end_at": day + "T15:00:00Z"}
	}
	if r := e.dated("POST", "/shift_management/shifts/bulk_create", key, map[string]any{"shifts": []any{shift("2026-07-13"), shift("2026-07-14")}}); r.status != 200 {
		t.Fatalf("bulk create: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/work_schedule/schedules/toggle_archive", key, map[string]any{"id": "1"}); r.status != 200 {
		t.Fatalf("toggle archive: %d %s", r.status, r.body)
	}
	e.waitWebhooks()
	if shifts.count() != 2 || schedules.count() != 1 {
		t.Fatalf("deliveries: %d planned shifts (want 2), %d schedules (want 1)", shifts.count(), schedules.count())
	}
	var p map[string]any
	_, b := schedules.at(0)
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	if p["id"] != "1" || p["archived_at"] == nil {
		t.Errorf("schedule payload %s", b)
	}
	_, b = shifts.at(0)
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	if p["state"] != "draft" || p["employee_id"] != "1003" || p["timezone"] == nil {
		t.Errorf("planned shift payload %s", b)
	}
}
