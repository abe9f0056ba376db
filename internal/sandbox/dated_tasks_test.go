package sandbox

import (
	"encoding/json"
	"net/url"
	"reflect"
	"slices"
	"sync/atomic"
	"testing"
	"time"
)

// The dated API's work areas and tasks: the rules of their actions and
// the filters of their lists.

// TestDatedWorkAreas: a work area belongs to an existing location;
// archiving sets archived_at once, unarchiving clears it, and
// only_non_archived leaves archived ones out.
func TestDatedWorkAreas(t *testing.T) {
	t.Parallel()
	var now atomic.Pointer[time.Time]
	start := DefaultNow
	now.Store(&start)
	e := newEnv(t, WithClock(func() time.Time { return *now.Load() }))
	key := "key:" + tokKey
	if r := e.dated("POST", "/locations/work_areas", key, map[string]any{"name": "Cellar", "location_id": "999"}); r.status != 422 {
		t.Errorf("work area of a missing location: %d %s", r.status, r.body)
	}
	r := e.dated("POST", "/locations/work_areas", key, map[string]any{"name": "Cellar", "location_id": "1"})
	if r.status != 201 || r.obj(t)["archived_at"] != nil || r.obj(t)["location_id"] != "1" {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	id := idOf(t, r.obj(t))

	first := e.dated("POST", "/locations/work_areas/archive", key, map[string]any{"id": id}).obj(t)["archived_at"]
	if first == nil {
		t.Fatal("archive left archived_at null")
	}
	later := start.Add(time.Hour)
	now.Store(&later)
	if again := e.dated("POST", "/locations/work_areas/archive", key, map[string]any{"id": id}).obj(t)["archived_at"]; again != first {
		t.Errorf("archiving twice moved archived_at from %v to %v", first, again)
	}

	active := func() []string {
		data, _ := e.dated("GET", "/locations/work_areas?only_non_archived=true&location_ids[]=1", key, nil).page(t)
		var out []string
		for _, w := range data {
			out = append(out, w["name"].(string))
		}
		return out
	}
	all, _ := e.dated("GET", "/locations/work_areas?only_non_archived=false", key, nil).page(t)
	if got := active(); !slices.Equal(got, []string{"Front desk"}) || len(all) != 3 {
		t.Errorf("active %v of %d work areas, want [Front desk] of 3", got, len(all))
	}
	r = e.dated("POST", "/locations/work_areas/unarchive", key, map[string]any{"id": id})
	if r.status != 200 || r.obj(t)["archived_at"] != nil {
		t.Fatalf("unarchive: %d %s", r.status, r.body)
	}
	if got := active(); !slices.Equal(got, []string{"Front desk", "Cellar"}) {
		t.Errorf("after unarchiving: %v", got)
	}
	if r := e.dated("POST", "/locations/work_areas/archive", key, map[string]any{"id": "999"}); r.status != 404 {
		t.Errorf("archive of a missing work area: %d %s", r.status, r.body)
	}
	// A basic user reads work areas but does not change them.
	if r := e.dated("GET", "/locations/work_areas/1", tokBasic, nil); r.status != 200 {
		t.Errorf("basic user's read: %d", r.status)
	}
	if r := e.dated("POST", "/locations/work_areas/archive", tokBasic, map[string]any{"id": "1"}); r.status != 403 {
		t.Errorf("basic user's archive: %d %s", r.status, r.body)
	}
}

// TestDatedTaskAssigneesAndStatus: assignees are access ids on the wire
// and employee ids in v1's records; moving to done records when and by
// whom, moving out clears both; v1's tasks read as todo or done.
func TestDatedTaskAssigneesAndStatus(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	// v1's seeded task 1 is assigned to employee 1003, access 3, and open.
	seeded := e.dated("GET", "/tasks/tasks/1", tokAdmin, nil).obj(t)
	if !slices.Equal(seeded["assignee_ids"].([]any), []any{"3"}) || seeded["status"] != "todo" || seeded["company_id"] != "1" {
		t.Errorf("v1's task through the dated API: %v", seeded)
	}

	if r := e.dated("POST", "/tasks/tasks", tokAdmin, map[string]any{"name": "X", "status": "todo", "assignee_ids": []string{"1003"}}); r.status != 422 {
		t.Errorf("an employee id as assignee (no such access): %d %s", r.status, r.body)
	}
	r := e.dated("POST", "/tasks/tasks", tokAdmin, map[string]any{"name": "Review the budget", "status": "todo", "assignee_ids": []string{"3", "4"}})
	if r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	task := r.obj(t)
	id := idOf(t, task)
	if !slices.Equal(task["assignee_ids"].([]any), []any{"3", "4"}) || task["author_employee_id"] != "1001" || task["completed_at"] != nil {
		t.Errorf("created: %v", task)
	}
	n, _ := numericID(id)
	stored, _ := e.s.Get(ResTasks, n)
	if !slices.Equal(intSlice(stored["assignee_ids"]), []int{DemoBasicID, DemoBasic2ID}) {
		t.Errorf("stored assignees %v, want employees %d and %d", stored["assignee_ids"], DemoBasicID, DemoBasic2ID)
	}

	done := e.dated("PUT", "/tasks/tasks/"+id, tokAdmin, map[string]any{"id": id, "status": "done"}).obj(t)
	if done["status"] != "done" || done["completed_at"] == nil || done["completed_by_id"] != "1" {
		t.Errorf("moved to done: %v", done)
	}
	// An update that does not touch the status keeps the completion.
	kept := e.dated("PUT", "/tasks/tasks/"+id, tokAdmin, map[string]any{"id": id, "content": "Q3"}).obj(t)
	if kept["completed_at"] != done["completed_at"] || !slices.Equal(kept["assignee_ids"].([]any), []any{"3", "4"}) {
		t.Errorf("update of the content: %v", kept)
	}
	reopened := e.dated("PUT", "/tasks/tasks/"+id, tokAdmin, map[string]any{"id": id, "status": "in_progress"}).obj(t)
	if reopened["completed_at"] != nil || reopened["completed_by_id"] != nil {
		t.Errorf("moved out of done: %v", reopened)
	}
	// An API key acts for no one: done, but by nobody.
	byKey := e.dated("PUT", "/tasks/tasks/"+id, "key:"+tokKey, map[string]any{"id": id, "status": "done"}).obj(t)
	if byKey["completed_at"] == nil || byKey["completed_by_id"] != nil {
		t.Errorf("done with an API key: %v", byKey)
	}
	// A basic user's token cannot create tasks.
	if r := e.dated("POST", "/tasks/tasks", tokBasic, map[string]any{"name": "Mine", "status": "todo"}); r.status != 403 {
		t.Errorf("basic user's create: %d %s", r.status, r.body)
	}
}

// TestDatedTaskFilters: every declared filter of the tasks list.
func TestDatedTaskFilters(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	today := DefaultNow
	day := func(n int) string { return today.AddDate(0, 0, n).Format(time.DateOnly) }
	mk := func(name, status, due string, assignees ...string) string {
		body := map[string]any{"name": name, "status": status, "assignee_ids": assignees}
		if due != "" {
			body["due_on"] = due
		}
		r := e.dated("POST", "/tasks/tasks", key, body)
		if r.status != 201 {
			t.Fatalf("create %s: %d %s", name, r.status, r.body)
		}
		return idOf(t, r.obj(t))
	}
	late := mk("Late", "todo", day(-2), "4")
	soon := mk("Soon", "in_progress", day(2), "2")
	mk("Closed", "done", "", "2")
	names := func(query string) []string {
		t.Helper()
		data, _ := e.dated("GET", "/tasks/tasks?"+query, key, nil).page(t)
		var out []string
		for _, rec := range data {
			out = append(out, rec["name"].(string))
		}
		return out
	}
	for q, want := range map[string][]string{
		"task_status=in_progress":          {"Soon"},
		"task_status=done":                 {"Closed"},
		"already_due=true":                 {"Late"},
		"already_due=false":                {"Sign your contract", "Soon", "Closed"},
		"assignee_id=2":                    {"Soon", "Closed"},
		"involvee_id=4":                    {"Late"},
		"due_on=" + day(2):                 {"Soon"},
		"ids[]=" + late + "&ids[]=" + soon: {"Late", "Soon"},
		"company_id=1&task_status=todo":    {"Sign your contract", "Late"},
		"company_id=2":                     nil,
		"category=performance":             {"Sign your contract", "Late", "Soon", "Closed"},
	} {
		if got := names(q); !slices.Equal(got, want) {
			t.Errorf("%s: %v, want %v", q, got, want)
		}
	}
}

// TestDatedTaskBulkActions: one task per assignee; bulk updates and
// deletes are all or nothing.
func TestDatedTaskBulkActions(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	r := e.dated("POST", "/tasks/tasks/bulk_create", key, map[string]any{"name": "Sign the policy", "status": "todo",
		"due_on": "2026-07-31", "assignee_ids": []string{"3", "4"}})
	if r.status != 200 {
		t.Fatalf("bulk create: %d %s", r.status, r.body)
	}
	var made []map[string]any
	_ = json.Unmarshal(r.body, &made)
	if len(made) != 2 || !slices.Equal(made[0]["assignee_ids"].([]any), []any{"3"}) ||
		!slices.Equal(made[1]["assignee_ids"].([]any), []any{"4"}) || made[1]["due_on"] != "2026-07-31" {
		t.Fatalf("bulk create made %v", made)
	}
	a, b := made[0]["id"].(string), made[1]["id"].(string)
	if r := e.dated("POST", "/tasks/tasks/bulk_create", key, map[string]any{"name": "Nobody", "status": "todo", "assignee_ids": []string{}}); r.status != 200 || len(r.list(t)) != 0 {
		t.Errorf("bulk create without assignees: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/tasks/tasks/bulk_create", key, map[string]any{"name": "X", "status": "todo", "assignee_ids": []string{"3", "99"}}); r.status != 422 {
		t.Errorf("bulk create with an unknown access: %d %s", r.status, r.body)
	}
	if n := len(e.s.List(ResTasks)); n != 3 {
		t.Errorf("%d tasks after the refused bulk create, want 3", n)
	}

	// One unknown id: nothing is updated.
	r = e.dated("POST", "/tasks/tasks/bulk_update", key, map[string]any{"tasks": []any{
		map[string]any{"id": a, "status": "done"}, map[string]any{"id": "999", "status": "done"}}})
	if r.status != 404 || e.dated("GET", "/tasks/tasks/"+a, key, nil).obj(t)["status"] != "todo" {
		t.Errorf("bulk update naming a missing task: %d %s", r.status, r.body)
	}
	r = e.dated("POST", "/tasks/tasks/bulk_update", key, map[string]any{"tasks": []any{
		map[string]any{"id": a, "status": "done"}, map[string]any{"id": b, "name": "Sign it", "assignee_ids": []string{"2"}}}})
	var upd []map[string]any
	_ = json.Unmarshal(r.body, &upd)
	if r.status != 200 || len(upd) != 2 || upd[0]["status"] != "done" || upd[0]["completed_at"] == nil ||
		upd[1]["name"] != "Sign it" || !slices.Equal(upd[1]["assignee_ids"].([]any), []any{"2"}) {
		t.Fatalf("bulk update: %d %s", r.status, r.body)
	}

	if r := e.dated("POST", "/tasks/tasks/bulk_delete", key, map[string]any{"ids": []string{a, "999"}}); r.status != 404 {
		t.Errorf("bulk delete naming a missing task: %d %s", r.status, r.body)
	}
	if r := e.dated("GET", "/tasks/tasks/"+a, key, nil); r.status != 200 {
		t.Errorf("a refused bulk delete removed task %s", a)
	}
	r = e.dated("POST", "/tasks/tasks/bulk_delete", key, map[string]any{"ids": []string{a, b}})
	if r.status != 200 || len(r.list(t)) != 2 || e.dated("GET", "/tasks/tasks/"+b, key, nil).status != 404 {
		t.Errorf("bulk delete: %d %s", r.status, r.body)
	}
}

// TestDatedTaskCopyCommentAndFiles: a copy starts over as todo; comments
// need an existing task and author; files need an existing task and get a
// download path.
func TestDatedTaskCopyCommentAndFiles(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	id := idOf(t, e.dated("POST", "/tasks/tasks", key, map[string]any{"name": "Audit", "status": "done", "content": "All laptops",
		"assignee_ids": []string{"2"}}).obj(t))
	cp := e.dated("POST", "/tasks/tasks/copy", key, map[string]any{"id": id}).obj(t)
	if cp["id"] == id || cp["name"] != "Audit" || cp["content"] != "All laptops" || cp["status"] != "todo" || cp["completed_at"] != nil ||
		!slices.Equal(cp["assignee_ids"].([]any), []any{"2"}) {
		t.Errorf("copy: %v", cp)
	}
	if named := e.dated("POST", "/tasks/tasks/copy", key, map[string]any{"id": id, "name": "Audit 2"}).obj(t); named["name"] != "Audit 2" {
		t.Errorf("renamed copy: %v", named)
	}

	comment := func(resource, author string) datedResp {
		return e.dated("POST", "/tasks/tasks/create_comment", key, map[string]any{"content": "Done for Barcelona",
			"author_id": author, "resource_id": resource, "company_id": "1", "mentioned_access_ids": []string{"3"}})
	}
	if r := comment("999", "2"); r.status != 404 {
		t.Errorf("comment on a missing task: %d %s", r.status, r.body)
	}
	if r := comment(id, "99"); r.status != 422 {
		t.Errorf("comment by an unknown author: %d %s", r.status, r.body)
	}
	if r := comment(id, "2"); r.status != 200 || idOf(t, r.obj(t)) != id || r.obj(t)["comments"] != nil {
		t.Errorf("comment: %d %s", r.status, r.body)
	}
	n, _ := numericID(id)
	stored, _ := e.s.Get(ResTasks, n)
	if cs, _ := stored["comments"].([]any); len(cs) != 1 || cs[0].(map[string]any)["content"] != "Done for Barcelona" {
		t.Errorf("stored comments: %v", stored["comments"])
	}

	if r := e.dated("POST", "/tasks/task_files", key, multipartOf(t, map[string][]string{"task_id": {"999"}}, "file", "a.png")); r.status != 422 {
		t.Errorf("file for a missing task: %d %s", r.status, r.body)
	}
	f := e.dated("POST", "/tasks/task_files", key, multipartOf(t, map[string][]string{"task_id": {id}}, "file", "receipt.png")).obj(t)
	fid := idOf(t, f)
	if f["task_id"] != id || f["filename"] != "receipt.png" || f["path"] != "/tasks/tasks_files/"+fid {
		t.Errorf("file: %v", f)
	}
	data, _ := e.dated("GET", "/tasks/task_files?task_id="+url.QueryEscape(id), key, nil).page(t)
	if len(data) != 1 || data[0]["id"] != fid {
		t.Errorf("files of task %s: %v", id, data)
	}
}

// TestDatedTaskWebhooks: a bulk create delivers one tasks/task/bulk_create
// event per task it made, each the task as answered; a copy delivers
// tasks/task/copy.
func TestDatedTaskWebhooks(t *testing.T) {
	e := newEnv(t)
	t.Cleanup(e.s.Close)
	bulk, copies := newReceiver(t), newReceiver(t)
	e.subscribe("tasks/task/bulk_create", bulk.srv.URL, "", true)
	e.subscribe("tasks/task/copy", copies.srv.URL, "", true)
	r := e.dated("POST", "/tasks/tasks/bulk_create", tokAdmin, map[string]any{"name": "Fire drill", "status": "todo",
		"assignee_ids": []string{"2", "3"}})
	if r.status != 200 {
		t.Fatalf("bulk create: %d %s", r.status, r.body)
	}
	var answered []any
	_ = json.Unmarshal(r.body, &answered)
	first, _ := answered[0].(map[string]any)
	if r := e.dated("POST", "/tasks/tasks/copy", tokAdmin, map[string]any{"id": first["id"]}); r.status != 200 {
		t.Fatalf("copy: %d %s", r.status, r.body)
	}
	e.waitWebhooks()
	if bulk.count() != 2 || copies.count() != 1 {
		t.Fatalf("deliveries: bulk_create %d, copy %d", bulk.count(), copies.count())
	}
	for i := range 2 {
		_, body := bulk.at(i)
		var payload any
		_ = json.Unmarshal(body, &payload)
		if !slices.ContainsFunc(answered, func(a any) bool { return reflect.DeepEqual(a, payload) }) {
			t.Errorf("payload %s is none of the tasks answered %s", body, r.body)
		}
	}
}
