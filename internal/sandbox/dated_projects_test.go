package sandbox

import (
	"slices"
	"testing"
	"time"
)

func init() { areaWalks["project_management"] = walkProjectManagement }

// shiftOn creates a shift of Bea Basic (1003) on the day offset days from
// the sandbox's today, 09:00 to 13:00 UTC, and returns its id.
func shiftOn(t *testing.T, ok okFunc, offset int) string {
	t.Helper()
	day := DefaultNow.AddDate(0, 0, offset).Format(time.DateOnly)
	return idOf(t, ok("POST", "/attendance/shifts", map[string]any{"employee_id": "1003", "date": day,
		"clock_in": day + "T09:00:00+00:00", "clock_out": day + "T13:00:00+00:00"}))
}

// walkProjectManagement is the project management part of
// TestDatedEveryOperationAnswers2xx.
func walkProjectManagement(t *testing.T, _ *env, ok okFunc) {
	pm := "/project_management/"
	ok("GET", pm+"projects?include_inputed_minutes=true", nil)
	p := idOf(t, ok("POST", pm+"projects", map[string]any{"name": "Mobile app", "code": "APP", "start_date": "2026-07-01",
		"project_admins": []string{"1001"}, "is_billable": true}))
	ok("GET", pm+"projects/"+p, nil)
	ok("PUT", pm+"projects/"+p, map[string]any{"id": p, "name": "Mobile app v2", "due_date": "2026-12-31"})
	ok("POST", pm+"projects/close", map[string]any{"id": p})
	ok("POST", pm+"projects/activate", map[string]any{"id": p})
	ok("POST", pm+"projects/change_status", map[string]any{"id": p, "status": "active"})
	ok("POST", pm+"projects/change_assignment", map[string]any{"id": p, "employees_assignment": "manual"})
	ok("GET", pm+"imputable_projects?only_active=true", nil)
	ok("GET", pm+"imputable_projects/"+p, nil)

	ok("GET", pm+"subprojects", nil)
	sp := idOf(t, ok("POST", pm+"subprojects", map[string]any{"name": "iOS", "project_id": p}))
	ok("GET", pm+"subprojects/"+sp, nil)
	ok("PUT", pm+"subprojects/"+sp, map[string]any{"id": sp, "code": "IOS", "status": "active"})
	ok("POST", pm+"subprojects/rename", map[string]any{"id": sp, "name": "iPhone"})

	ok("GET", pm+"project_workers", nil)
	w := idOf(t, ok("POST", pm+"project_workers", map[string]any{"project_id": p, "employee_id": "1003"}))
	ok("GET", pm+"project_workers/"+w, nil)
	ok("POST", pm+"project_workers/bulk_create", map[string]any{"project_id": p, "employee_ids": []string{"1004"}})
	ok("POST", pm+"project_workers/bulk_assign", map[string]any{"project_ids": []string{p}, "employee_ids": []string{"1003"}})

	ok("GET", pm+"time_records", nil)
	tr := idOf(t, ok("POST", pm+"time_records", map[string]any{"project_worker_id": w, "attendance_shift_id": shiftOn(t, ok, -20), "subproject_id": sp}))
	ok("GET", pm+"time_records/"+tr, nil)
	ok("POST", pm+"time_records/update_project_worker", map[string]any{"id": tr, "project_worker_id": w})
	ok("POST", pm+"time_records/bulk_process", map[string]any{"items": []any{
		map[string]any{"attendance_shift_id": shiftOn(t, ok, -21), "project_worker_id": w}}})
	ok("POST", pm+"time_records/bulk_delete", map[string]any{"date": DefaultNow.AddDate(0, 0, -21).Format(time.DateOnly), "project_worker_id": w})
	ok("DELETE", pm+"time_records/"+tr, nil)

	ok("GET", pm+"planned_records", nil)
	ok("POST", pm+"planned_records/bulk_create", map[string]any{"project_worker_ids": []string{w}, "start_date": "2026-07-06",
		"end_date": "2026-07-10", "daily_minutes": 120})
	ok("GET", pm+"planned_records/1", nil)
	ok("PUT", pm+"planned_records/1", map[string]any{"id": "1", "start_date": "2026-07-06", "end_date": "2026-07-17", "daily_minutes": 180})
	ok("DELETE", pm+"planned_records/1", nil)

	ok("GET", pm+"budget_strategies", nil)
	bs := idOf(t, ok("POST", pm+"budget_strategies", map[string]any{"budget_strategy_type": "total_budget", "project_id": p, "planned_cents": 100000}))
	ok("GET", pm+"budget_strategies/"+bs, nil)
	ok("PUT", pm+"budget_strategies/"+bs, map[string]any{"id": bs, "planned_minutes": 6000})
	ok("DELETE", pm+"budget_strategies/"+bs, nil)

	ok("GET", pm+"expense_records", nil)
	ok("GET", pm+"expense_records/1", nil)
	ok("GET", pm+"exportable_expenses?start_date=2000-01-01&end_date=2100-01-01&project_ids%5B%5D=1", nil)

	ok("GET", pm+"project_tasks", nil)
	pt := idOf(t, ok("POST", pm+"project_tasks", multipartOf(t, map[string][]string{"name": {"Store listing"}, "project_id": {p},
		"status": {"todo"}, "assignee_employee_ids[]": {"1003"}}, "files[]", "brief.pdf")))
	ok("GET", pm+"project_tasks/"+pt, nil)
	ok("PUT", pm+"project_tasks/"+pt, multipartOf(t, map[string][]string{"id": {pt}, "name": {"Store listing copy"}, "project_id": {p}}, "", ""))
	ok("POST", pm+"project_tasks/bulk_duplicate", map[string]any{"ids": []string{pt}, "exclude_assignees": true})
	ok("POST", pm+"project_tasks/bulk_destroy", map[string]any{"ids": []string{pt}})

	ok("POST", pm+"project_workers/unassign", map[string]any{"id": w})
	ok("DELETE", pm+"subprojects/"+sp, nil)
	ok("POST", pm+"projects/soft_delete", map[string]any{"id": p})
}

// pmIDs lists the ids of a dated list answer.
func pmIDs(t *testing.T, e *env, path, token string) []string {
	t.Helper()
	r := e.dated("GET", "/project_management/"+path, token, nil)
	if r.status != 200 {
		t.Fatalf("GET %s as %s: %d %s", path, token, r.status, r.body)
	}
	return idsOf(t, r)
}

// TestDatedProjectVisibility: an admin or API key sees every project; Bea
// Basic the company-wide project and the one she is assigned to; the
// manager, assigned to none, only the company-wide one, and reads the
// other as missing. Project tasks show to the project's administrators and
// managers only.
func TestDatedProjectVisibility(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	for _, tc := range []struct {
		path, token string
		want        []string
	}{
		{"projects", key, []string{"1", "2"}},
		{"projects", tokBasic, []string{"1", "2"}},
		{"projects", tokManager, []string{"2"}},
		{"imputable_projects", tokManager, []string{"2"}},
		{"project_tasks", key, []string{"1"}},
		{"project_tasks", tokManager, []string{"1"}},
		{"project_tasks", tokBasic, []string{}},
	} {
		if got := pmIDs(t, e, tc.path, tc.token); !slices.Equal(got, tc.want) {
			t.Errorf("%s as %s: %v, want %v", tc.path, tc.token, got, tc.want)
		}
	}
	for _, tc := range []struct {
		path, token string
		status      int
	}{
		{"/project_management/projects/1", tokManager, 404},
		{"/project_management/imputable_projects/1", tokManager, 404},
		{"/project_management/projects/1", tokBasic, 200},
		{"/project_management/project_tasks/1", tokBasic, 404},
		{"/project_management/project_tasks/1", tokManager, 200},
	} {
		if r := e.dated("GET", tc.path, tc.token, nil); r.status != tc.status {
			t.Errorf("GET %s as %s: %d %s, want %d", tc.path, tc.token, r.status, r.body, tc.status)
		}
	}
	// Writes need project permissions a basic user lacks.
	if r := e.dated("POST", "/project_management/projects/close", tokBasic, map[string]any{"id": "1"}); r.status != 403 {
		t.Errorf("basic user closes a project: %d %s", r.status, r.body)
	}
	// Each resource takes its own scope: a time-off token is refused.
	if r := e.dated("GET", "/project_management/time_records", tokTimeOff, nil); r.status != 403 {
		t.Errorf("token without project_management_time: %d %s", r.status, r.body)
	}
}

// TestDatedProjectLifecycle: a new project is active with manual
// assignment and the first legal entity; codes are unique; the status
// actions move it; a soft-deleted project reads as missing.
func TestDatedProjectLifecycle(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	r := e.dated("POST", "/project_management/projects", key, map[string]any{"name": "Audit"})
	if r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	got := r.obj(t)
	for k, want := range map[string]any{"status": "active", "employees_assignment": "manual", "legal_entity_id": "1", "is_billable": false} {
		if got[k] != want {
			t.Errorf("%s = %v, want %v", k, got[k], want)
		}
	}
	id := idOf(t, got)
	for _, tc := range []struct {
		path   string
		body   map[string]any
		status int
		field  string
		want   any
	}{
		{"close", map[string]any{"id": id}, 200, "status", "closed"},
		{"activate", map[string]any{"id": id}, 200, "status", "active"},
		{"change_status", map[string]any{"id": id, "status": "draft"}, 200, "status", "draft"},
		{"change_status", map[string]any{"id": id, "status": "processing"}, 422, "", nil},
		{"change_assignment", map[string]any{"id": id, "employees_assignment": "company"}, 200, "employees_assignment", "company"},
		{"close", map[string]any{"id": "999"}, 404, "", nil},
	} {
		e.strict = tc.status != 422 // the client side refuses an unknown enum value too
		r := e.dated("POST", "/project_management/projects/"+tc.path, key, tc.body)
		e.strict = true
		if r.status != tc.status {
			t.Errorf("%s %v: %d %s, want %d", tc.path, tc.body, r.status, r.body, tc.status)
			continue
		}
		if tc.field != "" && r.obj(t)[tc.field] != tc.want {
			t.Errorf("%s: %s = %v, want %v", tc.path, tc.field, r.obj(t)[tc.field], tc.want)
		}
	}
	for _, body := range []map[string]any{
		{"name": "Copy", "code": "WEB"},
		{"name": "Bad entity", "legal_entity_id": "99"},
		{"name": "Bad admin", "project_admins": []string{"9999"}},
	} {
		if r := e.dated("POST", "/project_management/projects", key, body); r.status != 422 {
			t.Errorf("create %v: %d %s, want 422", body, r.status, r.body)
		}
	}
	if r := e.dated("POST", "/project_management/projects/soft_delete", key, map[string]any{"id": id}); r.status != 200 {
		t.Fatalf("soft delete: %d %s", r.status, r.body)
	}
	if r := e.dated("GET", "/project_management/projects/"+id, key, nil); r.status != 404 {
		t.Errorf("soft-deleted project: %d, want 404", r.status)
	}
}

// TestDatedProjectWorkers: an employee is a worker of a project once;
// bulk assign leaves exactly the employees listed assigned; unassigned
// workers take no time records.
func TestDatedProjectWorkers(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	if r := e.dated("POST", "/project_management/project_workers", key, map[string]any{"project_id": "1", "employee_id": "1003"}); r.status != 422 {
		t.Errorf("second worker for the same employee: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/project_management/project_workers", key, map[string]any{"project_id": "9", "employee_id": "1003"}); r.status != 422 {
		t.Errorf("worker of a missing project: %d %s", r.status, r.body)
	}
	r := e.dated("POST", "/project_management/project_workers/bulk_assign", key, map[string]any{"project_ids": []string{"1"}, "employee_ids": []string{"1004", "1002"}})
	if r.status != 200 {
		t.Fatalf("bulk assign: %d %s", r.status, r.body)
	}
	assigned := map[string]bool{}
	for _, x := range r.list(t) {
		w := x.(map[string]any)
		assigned[w["employee_id"].(string)] = w["assigned"].(bool)
	}
	if want := map[string]bool{"1003": false, "1004": true, "1002": true}; !mapsEqual(assigned, want) {
		t.Errorf("after bulk assign: %v, want %v", assigned, want)
	}
	if got := pmIDs(t, e, "project_workers?assigned=false", key); !slices.Equal(got, []string{"1", "3"}) {
		t.Errorf("unassigned workers: %v", got)
	}
	// Bea (worker 1) is unassigned now: her shift cannot be charged.
	if r := e.dated("POST", "/project_management/time_records", key, map[string]any{"project_worker_id": "1", "attendance_shift_id": "1"}); r.status != 422 {
		t.Errorf("time record of an unassigned worker: %d %s", r.status, r.body)
	}
	// A bulk create naming a missing employee writes nothing.
	before := pmIDs(t, e, "project_workers", key)
	if r := e.dated("POST", "/project_management/project_workers/bulk_create", key, map[string]any{"project_id": "2", "employee_ids": []string{"1002", "9999"}}); r.status != 422 {
		t.Errorf("bulk create with a missing employee: %d %s", r.status, r.body)
	}
	if after := pmIDs(t, e, "project_workers", key); !slices.Equal(before, after) {
		t.Errorf("a refused bulk create left workers: %v, before %v", after, before)
	}
}

func mapsEqual[K comparable, V comparable](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// TestDatedProjectTimeRecords: a record takes its date and minutes from
// the shift; a shift holds one record; a closed project takes none; bulk
// process creates, updates and deletes, and a refused item undoes the rest.
func TestDatedProjectTimeRecords(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	r := e.dated("GET", "/project_management/time_records/1", key, nil)
	if r.status != 200 {
		t.Fatalf("GET: %d %s", r.status, r.body)
	}
	rec := r.obj(t)
	yesterday := DefaultNow.AddDate(0, 0, -1).Format(time.DateOnly)
	if rec["date"] != yesterday || rec["imputed_minutes"] != 510.0 || rec["clock_in"] != yesterday+"T09:00:00Z" {
		t.Errorf("time record of shift 1: %v", rec)
	}
	for _, tc := range []struct {
		body map[string]any
		why  string
	}{
		{map[string]any{"project_worker_id": "1", "attendance_shift_id": "1"}, "the shift already holds a record"},
		{map[string]any{"project_worker_id": "1", "attendance_shift_id": "2"}, "the shift is another employee's"},
		{map[string]any{"project_worker_id": "3"}, "the worker is unassigned (of a closed project)"},
		{map[string]any{"project_worker_id": "2", "attendance_shift_id": "2", "subproject_id": "99"}, "the subproject does not exist"},
	} {
		if r := e.dated("POST", "/project_management/time_records", key, tc.body); r.status != 422 {
			t.Errorf("%s: %d %s, want 422", tc.why, r.status, r.body)
		}
	}
	// Bruno (worker 2) charges shift 2; then one bulk call moves it to a
	// subproject and deletes Bea's record.
	r = e.dated("POST", "/project_management/time_records", key, map[string]any{"project_worker_id": "2", "attendance_shift_id": "2"})
	if r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	bruno := idOf(t, r.obj(t))
	r = e.dated("POST", "/project_management/time_records/bulk_process", key, map[string]any{"items": []any{
		map[string]any{"time_record_id": bruno, "subproject_id": "2"},
		map[string]any{"time_record_id": "1"},
	}})
	if r.status != 200 || len(r.list(t)) != 1 || r.list(t)[0].(map[string]any)["subproject_id"] != "2" {
		t.Fatalf("bulk process: %d %s", r.status, r.body)
	}
	if got := pmIDs(t, e, "time_records", key); !slices.Equal(got, []string{bruno}) {
		t.Errorf("after bulk process: %v", got)
	}
	// A missing record in the middle undoes the update before it.
	r = e.dated("POST", "/project_management/time_records/bulk_process", key, map[string]any{"items": []any{
		map[string]any{"time_record_id": bruno, "subproject_id": "1"},
		map[string]any{"time_record_id": "999"},
	}})
	if r.status != 404 {
		t.Errorf("bulk process with a missing record: %d %s", r.status, r.body)
	}
	if got := e.dated("GET", "/project_management/time_records/"+bruno, key, nil).obj(t)["subproject_id"]; got != "2" {
		t.Errorf("a refused bulk process changed the record: subproject %v", got)
	}
	// Filters on the shift's month and year, and on the employee.
	day := DefaultNow.AddDate(0, 0, -1)
	for path, want := range map[string][]string{
		"time_records?year=" + day.Format("2006") + "&month=" + day.Format("1"): {bruno},
		"time_records?year=1999":           {},
		"time_records?employee_ids[]=1003": {},
		"time_records?employee_ids[]=1004": {bruno},
	} {
		if got := pmIDs(t, e, path, key); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", path, got, want)
		}
	}
	r = e.dated("POST", "/project_management/time_records/bulk_delete", key, map[string]any{"date": day.Format(time.DateOnly), "project_worker_id": "2"})
	if r.status != 200 || len(r.list(t)) != 1 {
		t.Errorf("bulk delete of the day: %d %s", r.status, r.body)
	}
}

// TestDatedProjectPlansAndBudgets: plans check their range and week
// days, and filter by the window they overlap; a budget strategy's kind
// is sent as budget_strategy_type and read as budget_type.
func TestDatedProjectPlansAndBudgets(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	today := DefaultNow.Format(time.DateOnly)
	for path, want := range map[string][]string{
		"planned_records?start_date=" + today:                                            {"1"},
		"planned_records?end_date=" + DefaultNow.AddDate(0, 0, -1).Format(time.DateOnly): {},
		"budget_strategies?without_subproject=true":                                      {"1"},
		"budget_strategies?subproject_ids[]=1":                                           {"2"},
	} {
		if got := pmIDs(t, e, path, key); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", path, got, want)
		}
	}
	for _, body := range []map[string]any{
		{"project_worker_ids": []string{"1"}, "start_date": "2026-07-10", "end_date": "2026-07-06", "daily_minutes": 60},
		{"project_worker_ids": []string{"1"}, "start_date": "2026-07-06", "end_date": "2026-07-10", "daily_minutes": 60, "week_days": []int{7}},
		{"project_worker_ids": []string{"1", "99"}, "start_date": "2026-07-06", "end_date": "2026-07-10", "daily_minutes": 60},
	} {
		if r := e.dated("POST", "/project_management/planned_records/bulk_create", key, body); r.status != 422 {
			t.Errorf("bulk create %v: %d %s, want 422", body, r.status, r.body)
		}
	}
	if got := pmIDs(t, e, "planned_records", key); !slices.Equal(got, []string{"1"}) {
		t.Errorf("refused bulk creates left plans: %v", got)
	}
	r := e.dated("POST", "/project_management/planned_records/bulk_create", key, map[string]any{"project_worker_ids": []string{"1", "2"},
		"start_date": "2026-07-06", "end_date": "2026-07-10", "daily_minutes": 60})
	if r.status != 200 || len(r.list(t)) != 2 {
		t.Fatalf("bulk create: %d %s", r.status, r.body)
	}
	if wd := r.list(t)[0].(map[string]any)["week_days"]; len(wd.([]any)) != 5 {
		t.Errorf("default week days: %v", wd)
	}
	r = e.dated("POST", "/project_management/budget_strategies", key, map[string]any{"budget_strategy_type": "without_budget", "project_id": "2"})
	if r.status != 201 || r.obj(t)["budget_type"] != "without_budget" || r.obj(t)["delegated"] != false {
		t.Errorf("budget strategy create: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/project_management/budget_strategies", key, map[string]any{"budget_strategy_type": "total_budget", "project_id": "2", "subproject_id": "1"}); r.status != 422 {
		t.Errorf("budget strategy on another project's subproject: %d %s", r.status, r.body)
	}
}

// TestDatedProjectExpenses: expense records filter through their worker;
// the export needs its three parameters and names what the records hold.
func TestDatedProjectExpenses(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	for path, want := range map[string][]string{
		"expense_records?project_ids[]=1":                                {"1"},
		"expense_records?project_ids[]=2":                                {},
		"expense_records?employee_user_name_like=bruno":                  {"1"},
		"expense_records?start_date=" + DefaultNow.Format(time.DateOnly): {},
	} {
		if got := pmIDs(t, e, path, key); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", path, got, want)
		}
	}
	if r := e.dated("GET", "/project_management/exportable_expenses?start_date=2000-01-01&end_date=2100-01-01", key, nil); r.status != 400 {
		t.Errorf("export without project_ids[]: %d %s", r.status, r.body)
	}
	r := e.dated("GET", "/project_management/exportable_expenses?start_date=2000-01-01&end_date=2100-01-01&project_ids[]=1", key, nil)
	data, _ := r.page(t)
	if r.status != 200 || len(data) != 1 {
		t.Fatalf("export: %d %s", r.status, r.body)
	}
	for k, want := range map[string]any{"project_name": "Website relaunch", "subproject_name": "Backend", "amount": "45.90", "currency": "EUR"} {
		if data[0][k] != want {
			t.Errorf("export %s = %v, want %v", k, data[0][k], want)
		}
	}
}

// TestDatedProjectTasks: a project task creates its task in the Tasks
// area with the files sent; the list filters on the task; bulk deletes
// are all or nothing.
func TestDatedProjectTasks(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	r := e.dated("POST", "/project_management/project_tasks", key, multipartOf(t, map[string][]string{"name": {"Press kit"},
		"project_id": {"1"}, "subproject_id": {"2"}, "status": {"in_progress"}, "due_on": {DefaultNow.AddDate(0, 0, -2).Format(time.DateOnly)},
		"assignee_employee_ids[]": {"1003", "1004"}}, "files[]", "kit.pdf"))
	if r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	pt := r.obj(t)
	task := e.dated("GET", "/tasks/tasks/"+pt["task_id"].(string), key, nil).obj(t)
	if task["name"] != "Press kit" || task["status"] != "in_progress" || len(task["assignee_ids"].([]any)) != 2 {
		t.Errorf("the task created: %v", task)
	}
	files, _ := e.dated("GET", "/tasks/task_files?task_id="+pt["task_id"].(string), key, nil).page(t)
	if len(files) != 1 || files[0]["filename"] != "kit.pdf" {
		t.Errorf("the task's files: %v", files)
	}
	id := idOf(t, pt)
	for path, want := range map[string][]string{
		"project_tasks?overdue=true":             {id},
		"project_tasks?search=press":             {id},
		"project_tasks?due_status=due_in_future": {"1"},
		"project_tasks?completed=true":           {},
	} {
		if got := pmIDs(t, e, path, key); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", path, got, want)
		}
	}
	if r := e.dated("POST", "/project_management/project_tasks", key, multipartOf(t, map[string][]string{"name": {"x"}, "project_id": {"1"},
		"status": {"todo"}, "subproject_id": {"99"}}, "", "")); r.status != 422 {
		t.Errorf("create with a missing subproject: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/project_management/project_tasks/bulk_destroy", key, map[string]any{"ids": []string{id, "999"}}); r.status != 404 {
		t.Errorf("bulk destroy with a missing id: %d %s", r.status, r.body)
	}
	if got := pmIDs(t, e, "project_tasks", key); !slices.Equal(got, []string{"1", id}) {
		t.Errorf("a refused bulk destroy removed tasks: %v", got)
	}
	r = e.dated("POST", "/project_management/project_tasks/bulk_duplicate", key, map[string]any{"ids": []string{id}, "project_id": "2", "exclude_assignees": true})
	if r.status != 200 || len(r.list(t)) != 1 {
		t.Fatalf("duplicate: %d %s", r.status, r.body)
	}
	cp := r.list(t)[0].(map[string]any)
	if cp["project_id"] != "2" || cp["subproject_id"] != nil || cp["task_id"] == pt["task_id"] {
		t.Errorf("the copy: %v", cp)
	}
	if a := e.dated("GET", "/tasks/tasks/"+cp["task_id"].(string), key, nil).obj(t)["assignee_ids"]; len(a.([]any)) != 0 {
		t.Errorf("the copy's assignees: %v", a)
	}
}
