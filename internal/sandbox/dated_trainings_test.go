package sandbox

import (
	"slices"
	"testing"
)

func init() { areaWalks["trainings"] = walkTrainings }

// walkTrainings is the trainings part of TestDatedEveryOperationAnswers2xx.
func walkTrainings(t *testing.T, _ *env, ok okFunc) {
	ok("GET", "/trainings/categories", nil)
	cat := idOf(t, ok("POST", "/trainings/categories", map[string]any{"name": "Safety", "company_id": "1"}))
	ok("GET", "/trainings/categories/"+cat, nil)

	ok("GET", "/trainings/trainings", nil)
	tr := idOf(t, ok("POST", "/trainings/trainings", map[string]any{"name": "First aid", "description": "Basic first aid",
		"external": false, "year": 2026, "attachments": []any{}, "category_ids": []string{cat}, "valid_for": 2}))
	ok("GET", "/trainings/trainings/"+tr, nil)
	ok("PUT", "/trainings/trainings/"+tr, map[string]any{"id": tr, "name": "First aid", "description": "Basic first aid, 2026",
		"external": false, "year": 2026})
	ok("POST", "/trainings/trainings/update_status", map[string]any{"id": tr, "status": "active", "notify": false})
	ok("POST", "/trainings/trainings/bulk_update_catalog", map[string]any{"ids": []string{tr}, "catalog": true})

	ok("GET", "/trainings/training_classes", nil)
	class := idOf(t, ok("POST", "/trainings/training_classes", map[string]any{"name": "Spring", "start_date": "2026-03-02",
		"end_date": "2026-03-06", "training_id": tr, "company_id": "1", "author_id": "1", "cost": "100.0",
		"subsidized_cost": "50.0", "indirect_cost": "30.0", "salary_cost": "60.0", "payment_status": "pending"}))
	ok("GET", "/trainings/training_classes/"+class, nil)
	ok("PUT", "/trainings/training_classes/"+class, map[string]any{"id": class, "cost": "120.0", "subsidized_cost": "50.0",
		"salary_cost": "60.0", "indirect_cost": "30.0", "payment_status": "paid"})

	ok("GET", "/trainings/sessions", nil)
	session := idOf(t, ok("POST", "/trainings/sessions", map[string]any{"name": "Day one", "training_id": tr,
		"training_class_id": class, "starts_at": "2026-03-02T09:00:00Z", "ends_at": "2026-03-02T12:00:00Z", "duration": "3",
		"modality": "inperson", "schedule": "scheduled"}))
	ok("GET", "/trainings/sessions/"+session, nil)
	ok("PUT", "/trainings/sessions/"+session, map[string]any{"id": session, "name": "Day one (morning)", "location": "Room 2"})

	ok("GET", "/trainings/session_access_memberships", nil)
	ok("POST", "/trainings/session_access_memberships/bulk_create", map[string]any{"session_id": session, "employee_ids": []string{"1003"},
		"access_ids": []string{"2"}, "notify": false})
	members, _ := ok("GET", "/trainings/session_access_memberships?session_id="+session, nil)["data"].([]any)
	if len(members) != 2 {
		t.Fatalf("invitations of the new session: %v", members)
	}
	member := idOf(t, members[0].(map[string]any))
	ok("GET", "/trainings/session_access_memberships/"+member, nil)
	ok("GET", "/trainings/session_attendances", nil)
	atts, _ := ok("GET", "/trainings/session_attendances?session_id="+session, nil)["data"].([]any)
	if len(atts) != 2 {
		t.Fatalf("attendances of the new session: %v", atts)
	}
	att := idOf(t, atts[0].(map[string]any))
	ok("GET", "/trainings/session_attendances/"+att, nil)
	ok("POST", "/trainings/session_attendances/bulk_update", map[string]any{"ids": []string{att}, "status": "completed"})
	ok("POST", "/trainings/session_access_memberships/bulk_destroy", map[string]any{"ids": []string{member}, "notify": false})

	ok("GET", "/trainings/training_memberships", nil)
	ok("POST", "/trainings/training_memberships/bulk_create", map[string]any{"employee_ids": []string{"1003", "1002"}, "training_id": tr})
	enrolled, _ := ok("GET", "/trainings/training_memberships?training_id="+tr, nil)["data"].([]any)
	if len(enrolled) != 2 {
		t.Fatalf("memberships of the new training: %v", enrolled)
	}
	tm := idOf(t, enrolled[0].(map[string]any))
	ok("GET", "/trainings/training_memberships/"+tm, nil)
	ok("PUT", "/trainings/training_memberships/"+tm, map[string]any{"id": tm, "training_completed_at": "2026-03-06"})
	ok("POST", "/trainings/training_memberships/bulk_destroy", map[string]any{"ids": []string{tm}})

	ok("DELETE", "/trainings/sessions/"+session, nil)
	ok("DELETE", "/trainings/training_classes/"+class, nil)
	ok("DELETE", "/trainings/categories/"+cat, nil)
	ok("DELETE", "/trainings/trainings/"+tr, nil)
	other := idOf(t, ok("POST", "/trainings/trainings", map[string]any{"name": "Fire drill", "description": "Evacuation",
		"external": true, "external_provider": "Bomberos SL", "year": 2026, "attachments": []any{}}))
	ok("POST", "/trainings/trainings/bulk_delete", map[string]any{"ids": []string{other}})
}

// trainingFixture is a training with a class, a session of that class
// and the people invited to it, made through the API for one test.
type trainingFixture struct {
	training, class, session string
	members                  []map[string]any
}

func newTrainingFixture(t *testing.T, e *env) trainingFixture {
	t.Helper()
	key := "key:" + tokKey
	post := func(path string, body map[string]any) datedResp {
		t.Helper()
		r := e.dated("POST", path, key, body)
		if r.status/100 != 2 {
			t.Fatalf("POST %s: %d %s", path, r.status, r.body)
		}
		return r
	}
	var f trainingFixture
	f.training = idOf(t, post("/trainings/trainings", map[string]any{"name": "Forklift licence", "description": "Warehouse safety",
		"external": false, "year": 2026, "attachments": []any{}, "valid_for": 1}).obj(t))
	f.class = idOf(t, post("/trainings/training_classes", map[string]any{"name": "June", "start_date": DefaultNow.Format("2006-01-02"),
		"end_date": DefaultNow.AddDate(0, 0, 5).Format("2006-01-02"), "training_id": f.training, "company_id": "1", "author_id": "1",
		"cost": "100.0", "subsidized_cost": "25.5", "indirect_cost": "30", "salary_cost": "60.0", "payment_status": "pending"}).obj(t))
	f.session = idOf(t, post("/trainings/sessions", map[string]any{"name": "Practice", "training_id": f.training,
		"training_class_id": f.class, "duration": "1.5", "starts_at": DefaultNow.AddDate(0, 0, 1).Format("2006-01-02") + "T09:00:00Z"}).obj(t))
	for _, x := range post("/trainings/session_access_memberships/bulk_create", map[string]any{"session_id": f.session,
		"employee_ids": []string{"1003"}, "access_ids": []string{"2", "3"}, "notify": true}).list(t) {
		f.members = append(f.members, x.(map[string]any))
	}
	return f
}

// TestDatedTrainingSessionMembers: an invitation names the person and
// comes with a pending attendance; inviting someone twice adds nothing;
// unknown sessions and people are 422; withdrawing an invitation removes
// its attendance, all or nothing.
func TestDatedTrainingSessionMembers(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	f := newTrainingFixture(t, e)
	if len(f.members) != 2 {
		t.Fatalf("employee 1003 named by employee and access id, and access 2: %d invitations, want 2: %v", len(f.members), f.members)
	}
	var bea map[string]any
	for _, m := range f.members {
		if m["employee_id"] == "1003" {
			bea = m
		}
	}
	if bea["employee_id"] != "1003" || bea["access_id"] != "3" || bea["first_name"] != "Bea" || bea["job_title"] != "Software Engineer" || bea["session_id"] != f.session {
		t.Errorf("invitation of employee 1003: %v", bea)
	}
	data, _ := e.dated("GET", "/trainings/session_attendances?session_id="+f.session, key, nil).page(t)
	if len(data) != 2 || data[1]["status"] != "pending" || data[1]["session_access_membership_id"] != bea["id"] || data[1]["employee_id"] != "1003" {
		t.Fatalf("attendances of the session (Bea's second): %v", data)
	}
	s := e.dated("GET", "/trainings/sessions/"+f.session, key, nil).obj(t)
	if ids, _ := s["session_attendance_ids"].([]any); len(ids) != 2 || s["subsidized"] != false {
		t.Errorf("session: %v", s)
	}
	r := e.dated("POST", "/trainings/session_access_memberships/bulk_create", key, map[string]any{"session_id": f.session,
		"employee_ids": []string{"1003"}, "notify": false})
	if r.status != 200 || len(r.list(t)) != 0 {
		t.Errorf("inviting an invited person again: %d %s", r.status, r.body)
	}
	for _, body := range []map[string]any{
		{"session_id": "999", "employee_ids": []string{"1003"}, "notify": false},
		{"session_id": f.session, "employee_ids": []string{"999"}, "notify": false},
		{"session_id": f.session, "access_ids": []string{"999"}, "notify": false},
	} {
		if r := e.dated("POST", "/trainings/session_access_memberships/bulk_create", key, body); r.status != 422 {
			t.Errorf("bulk create %v: %d %s, want 422", body, r.status, r.body)
		}
	}
	for _, tc := range []struct {
		query string
		want  int
	}{
		{"search=bea", 1}, {"search=nobody", 0}, {"status[]=pending", 2}, {"status[]=completed", 0},
		{"team_ids[]=1", 2}, {"team_ids[]=2", 0}, {"ids[]=" + fmtVal(bea["id"]), 1},
	} {
		data, _ := e.dated("GET", "/trainings/session_access_memberships?session_id="+f.session+"&"+tc.query, key, nil).page(t)
		if len(data) != tc.want {
			t.Errorf("invitations ?%s: %d, want %d", tc.query, len(data), tc.want)
		}
	}
	if r := e.dated("POST", "/trainings/session_access_memberships/bulk_destroy", key, map[string]any{"ids": []string{fmtVal(bea["id"]), "999"}, "notify": false}); r.status != 404 {
		t.Errorf("withdrawing a missing invitation: %d %s, want 404", r.status, r.body)
	}
	r = e.dated("POST", "/trainings/session_access_memberships/bulk_destroy", key, map[string]any{"ids": []string{fmtVal(bea["id"])}, "notify": false})
	if r.status != 200 || len(r.list(t)) != 1 {
		t.Fatalf("withdraw: %d %s", r.status, r.body)
	}
	if data, _ := e.dated("GET", "/trainings/session_attendances?session_id="+f.session, key, nil).page(t); len(data) != 1 {
		t.Errorf("attendances after withdrawing one invitation: %v", data)
	}
	// Deleting the session removes the remaining invitation and attendance.
	if r := e.dated("DELETE", "/trainings/sessions/"+f.session, key, nil); r.status != 200 {
		t.Fatalf("delete session: %d %s", r.status, r.body)
	}
	if data, _ := e.dated("GET", "/trainings/session_access_memberships?session_id="+f.session, key, nil).page(t); len(data) != 0 {
		t.Errorf("invitations of a deleted session: %v", data)
	}
	// Basic users read sessions but invite nobody.
	if r := e.dated("POST", "/trainings/session_access_memberships/bulk_create", tokBasic, map[string]any{"session_id": "1", "employee_ids": []string{"1003"}, "notify": false}); r.status != 403 {
		t.Errorf("basic user's invitation: %d %s, want 403", r.status, r.body)
	}
	if r := e.dated("GET", "/trainings/sessions", tokBasic, nil); r.status != 200 {
		t.Errorf("basic user's read: %d %s", r.status, r.body)
	}
}

// TestDatedTrainingSessionAttendances: completing records the session's
// duration (or the one sent), another status clears it, a duration alone
// changes only completed attendances; bad input is 422, a missing id 404,
// and nothing is written on a refusal.
func TestDatedTrainingSessionAttendances(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	f := newTrainingFixture(t, e)
	data, _ := e.dated("GET", "/trainings/session_attendances?session_id="+f.session, key, nil).page(t)
	if len(data) != 2 {
		t.Fatalf("attendances of the fixture's session: %v", data)
	}
	a, b := idOf(t, data[0]), idOf(t, data[1])
	update := func(body map[string]any) datedResp {
		return e.dated("POST", "/trainings/session_attendances/bulk_update", key, body)
	}

	r := update(map[string]any{"ids": []string{a}, "status": "completed"})
	if got := r.list(t); r.status != 200 || len(got) != 1 || got[0].(map[string]any)["completed_duration"] != "1.5" {
		t.Fatalf("complete: %d %s", r.status, r.body)
	}
	if r := update(map[string]any{"ids": []string{a, b}, "completed_duration": "1"}); r.status != 422 {
		t.Errorf("a duration for a pending attendance: %d %s, want 422", r.status, r.body)
	}
	if got := e.dated("GET", "/trainings/session_attendances/"+a, key, nil).obj(t); got["completed_duration"] != "1.5" {
		t.Errorf("a refused bulk update wrote: %v", got)
	}
	r = update(map[string]any{"ids": []string{a}, "completed_duration": "1.25"})
	if got := r.list(t); r.status != 200 || got[0].(map[string]any)["completed_duration"] != "1.25" {
		t.Errorf("duration of a completed attendance: %d %s", r.status, r.body)
	}
	r = update(map[string]any{"ids": []string{a, b}, "status": "missing"})
	for _, x := range r.list(t) {
		if m := x.(map[string]any); m["status"] != "missing" || m["completed_duration"] != nil {
			t.Errorf("marked missing: %v", m)
		}
	}
	for _, body := range []map[string]any{
		{"ids": []string{a}, "status": "completed", "completed_duration": "an hour"},
	} {
		if r := update(body); r.status != 422 {
			t.Errorf("bulk update %v: %d %s, want 422", body, r.status, r.body)
		}
	}
	if r := update(map[string]any{"ids": []string{a, "999"}, "status": "completed"}); r.status != 404 {
		t.Errorf("bulk update naming a missing attendance: %d %s, want 404", r.status, r.body)
	}
	if got := e.dated("GET", "/trainings/session_attendances/"+a, key, nil).obj(t); got["status"] != "missing" {
		t.Errorf("a 404 bulk update wrote: %v", got)
	}
	cl := e.dated("GET", "/trainings/training_classes/"+f.class, key, nil).obj(t)
	if cl["total_attendances_count"] != float64(2) || cl["completed_attendances_count"] != float64(0) {
		t.Errorf("class counts: %v", cl)
	}
	update(map[string]any{"ids": []string{b}, "status": "completed"})
	cl = e.dated("GET", "/trainings/training_classes/"+f.class, key, nil).obj(t)
	if cl["completed_attendances_count"] != float64(1) {
		t.Errorf("class counts after completing one: %v", cl)
	}
}

// TestDatedTrainings: a class's gross and net costs, the training's
// totals and participants, status and catalog actions with their 404 and
// 422 answers, categories that must exist, and the list's filters.
func TestDatedTrainings(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	f := newTrainingFixture(t, e)
	cl := e.dated("GET", "/trainings/training_classes/"+f.class, key, nil).obj(t)
	if cl["cost"] != "100.0" || cl["indirect_cost"] != "30.0" || cl["gross_cost"] != "190.0" || cl["net_cost"] != "164.5" || cl["currency"] != "EUR" {
		t.Errorf("class costs: %v", cl)
	}
	for _, body := range []map[string]any{
		{"start_date": "2026-01-01", "end_date": "2026-01-02", "training_id": "999", "company_id": "1", "author_id": "1",
			"cost": "1", "subsidized_cost": "0", "indirect_cost": "0", "salary_cost": "0", "payment_status": "paid"},
		{"start_date": "2026-01-01", "end_date": "2026-01-02", "training_id": f.training, "company_id": "1", "author_id": "999",
			"cost": "1", "subsidized_cost": "0", "indirect_cost": "0", "salary_cost": "0", "payment_status": "paid"},
		{"start_date": "2026-01-01", "end_date": "2026-01-02", "training_id": f.training, "company_id": "1", "author_id": "1",
			"cost": "a lot", "subsidized_cost": "0", "indirect_cost": "0", "salary_cost": "0", "payment_status": "paid"},
	} {
		if r := e.dated("POST", "/trainings/training_classes", key, body); r.status != 422 {
			t.Errorf("class %v: %d %s, want 422", body, r.status, r.body)
		}
	}
	if r := e.dated("POST", "/trainings/sessions", key, map[string]any{"name": "Elsewhere", "training_id": "1", "training_class_id": f.class}); r.status != 422 {
		t.Errorf("session in a class of another training: %d %s, want 422", r.status, r.body)
	}
	if r := e.dated("POST", "/trainings/trainings", key, map[string]any{"name": "X", "description": "Y", "external": false, "year": 2026,
		"attachments": []any{}, "category_ids": []string{"999"}}); r.status != 422 {
		t.Errorf("training in a missing category: %d %s, want 422", r.status, r.body)
	}

	e.dated("POST", "/trainings/training_memberships/bulk_create", key, map[string]any{"employee_ids": []string{"1003", "1002"}, "training_id": f.training})
	tr := e.dated("GET", "/trainings/trainings/"+f.training, key, nil).obj(t)
	if tr["total_training_cost"] != "100.0" || tr["total_training_subsidized_cost"] != "25.5" || tr["total_participants"] != float64(2) ||
		tr["status"] != "draft" || tr["catalog"] != false || tr["training_attendance_status"] != "notassigned" || tr["cost_decimal"] != "0.0" {
		t.Errorf("training: %v", tr)
	}
	if got := e.dated("GET", "/trainings/trainings/"+f.training, tokBasic, nil).obj(t); got["training_attendance_status"] != "notstarted" {
		t.Errorf("an enrolled user's own progress: %v", got["training_attendance_status"])
	}

	r := e.dated("POST", "/trainings/trainings/update_status", key, map[string]any{"id": f.training, "status": "active", "notify": true})
	if r.status != 200 || r.obj(t)["status"] != "active" {
		t.Errorf("update status: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/trainings/trainings/update_status", key, map[string]any{"id": "999", "status": "active", "notify": true}); r.status != 404 {
		t.Errorf("status of a missing training: %d %s, want 404", r.status, r.body)
	}
	if r := e.dated("POST", "/trainings/trainings/bulk_update_catalog", key, map[string]any{"ids": []string{f.training, "999"}, "catalog": true}); r.status != 404 {
		t.Errorf("catalog naming a missing training: %d %s, want 404", r.status, r.body)
	}
	if got := e.dated("GET", "/trainings/trainings/"+f.training, key, nil).obj(t); got["catalog"] != false {
		t.Errorf("a refused catalog change wrote: %v", got["catalog"])
	}
	e.dated("POST", "/trainings/trainings/bulk_update_catalog", key, map[string]any{"ids": []string{f.training}, "catalog": true})

	list := func(query, token string) []string {
		t.Helper()
		r := e.dated("GET", "/trainings/trainings?"+query, token, nil)
		if r.status != 200 {
			t.Fatalf("trainings ?%s: %d %s", query, r.status, r.body)
		}
		return idsOf(t, r)
	}
	for _, tc := range []struct {
		query, token string
		want         bool // whether the fixture's training is listed
	}{
		{"catalog=true", key, true}, {"catalog=false", key, false}, {"status=active", key, true}, {"status=draft", key, false},
		{"search=forklift", key, true}, {"search=warehouse", key, true}, {"search=piano", key, false},
		{"is_mandatory=false", key, true}, {"is_mandatory=true", key, false},
		{"with_current_training_classes=true", key, true},
		{"only_assigned=true", tokBasic, true}, {"only_assigned=true", tokAdmin, false},
		{"access_id=2", key, true}, {"access_id=1", key, false},
		{"with_expired_memberships=true", key, false}, {"with_expired_memberships=false", key, true},
	} {
		if got := slices.Contains(list(tc.query, tc.token), f.training); got != tc.want {
			t.Errorf("trainings ?%s as %s: listed %v, want %v", tc.query, tc.token, got, tc.want)
		}
	}

	r = e.dated("POST", "/trainings/trainings/bulk_delete", key, map[string]any{"ids": []string{f.training, "999"}})
	if r.status != 404 {
		t.Errorf("bulk delete naming a missing training: %d %s, want 404", r.status, r.body)
	}
	if r := e.dated("GET", "/trainings/trainings/"+f.training, key, nil); r.status != 200 {
		t.Errorf("a refused bulk delete deleted: %d", r.status)
	}
	if r := e.dated("POST", "/trainings/trainings/bulk_delete", key, map[string]any{"ids": []string{f.training}}); r.status != 200 || len(r.list(t)) != 1 {
		t.Errorf("bulk delete: %d %s", r.status, r.body)
	}
	if r := e.dated("GET", "/trainings/trainings", tokTimeOff, nil); r.status != 403 {
		t.Errorf("token without the trainings scope: %d %s, want 403", r.status, r.body)
	}
}

// TestDatedTrainingMemberships: enrolment skips people already enrolled,
// a completion date gives a due date from the training's validity, the
// due_date filter's three forms, and withdrawal by ids or by "all but".
func TestDatedTrainingMemberships(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	f := newTrainingFixture(t, e)
	enrol := func(emps ...string) datedResp {
		return e.dated("POST", "/trainings/training_memberships/bulk_create", key, map[string]any{"employee_ids": emps, "training_id": f.training})
	}
	r := enrol("1003", "1002", "1001")
	ms := r.list(t)
	if r.status != 200 || len(ms) != 3 {
		t.Fatalf("enrol: %d %s", r.status, r.body)
	}
	first := ms[0].(map[string]any)
	if first["status"] != "notstarted" || first["access_id"] != "3" || first["training_due_date"] != nil {
		t.Errorf("new membership: %v", first)
	}
	if r := enrol("1003"); r.status != 200 || len(r.list(t)) != 0 {
		t.Errorf("enrolling an enrolled employee again: %d %s", r.status, r.body)
	}
	if r := enrol("999"); r.status != 422 {
		t.Errorf("enrolling a missing employee: %d %s, want 422", r.status, r.body)
	}
	if r := e.dated("POST", "/trainings/training_memberships/bulk_create", key, map[string]any{"employee_ids": []string{"1003"}, "training_id": "999"}); r.status != 422 {
		t.Errorf("enrolling in a missing training: %d %s, want 422", r.status, r.body)
	}
	id := idOf(t, first)
	// Completed thirteen months ago with a validity of one year: overdue.
	done := DefaultNow.AddDate(-1, -1, 0).Format("2006-01-02")
	r = e.dated("PUT", "/trainings/training_memberships/"+id, key, map[string]any{"id": id, "training_completed_at": done})
	if want := DefaultNow.AddDate(0, -1, 0).Format("2006-01-02"); r.status != 200 || r.obj(t)["training_due_date"] != want {
		t.Fatalf("completion: %d %s, want due %s", r.status, r.body, want)
	}
	second := idOf(t, ms[1].(map[string]any))
	e.dated("PUT", "/trainings/training_memberships/"+second, key, map[string]any{"id": second, "training_completed_at": DefaultNow.AddDate(-1, 0, 10).Format("2006-01-02")})
	for _, tc := range []struct {
		query string
		want  int
	}{
		{"due_date=overdue", 1}, {"due_date=no_due_date", 1}, {"due_date=30", 1}, {"due_date=5", 0}, {"due_date=soon", 0},
		{"status=notstarted", 3}, {"employee_id=1003", 1}, {"search=manu", 1}, {"class_id=" + f.class, 2}, {"team_id=999", 0},
	} {
		data, _ := e.dated("GET", "/trainings/training_memberships?training_id="+f.training+"&"+tc.query, key, nil).page(t)
		if len(data) != tc.want {
			t.Errorf("memberships ?%s: %d, want %d", tc.query, len(data), tc.want)
		}
	}
	tr := e.dated("GET", "/trainings/trainings/"+f.training+"?return_expired_memberships=true", key, nil).obj(t)
	if tr["number_of_expired_participants"] != nil {
		t.Errorf("a single training read fills number_of_expired_participants: %v", tr["number_of_expired_participants"])
	}
	data, _ := e.dated("GET", "/trainings/trainings?ids[]="+f.training+"&return_expired_memberships=true", key, nil).page(t)
	if len(data) != 1 || data[0]["number_of_expired_participants"] != float64(2) {
		t.Errorf("expired or expiring participants: %v", data)
	}

	if r := e.dated("POST", "/trainings/training_memberships/bulk_destroy", key, map[string]any{"ids": []string{}, "all": true}); r.status != 422 {
		t.Errorf("all without training_id: %d %s, want 422", r.status, r.body)
	}
	if r := e.dated("POST", "/trainings/training_memberships/bulk_destroy", key, map[string]any{"ids": []string{id, "999"}}); r.status != 404 {
		t.Errorf("withdrawing a missing membership: %d %s, want 404", r.status, r.body)
	}
	r = e.dated("POST", "/trainings/training_memberships/bulk_destroy", key, map[string]any{"ids": []string{id}, "all": true, "training_id": f.training})
	if r.status != 200 || len(r.list(t)) != 2 {
		t.Fatalf("all but one: %d %s", r.status, r.body)
	}
	if data, _ := e.dated("GET", "/trainings/training_memberships?training_id="+f.training, key, nil).page(t); len(data) != 1 || idOf(t, data[0]) != id {
		t.Errorf("memberships left: %v", data)
	}
}

// TestDatedTrainingSessionFilters: the session list's search, start
// window, upcoming-only and invited-person filters.
func TestDatedTrainingSessionFilters(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	f := newTrainingFixture(t, e)
	tomorrow := DefaultNow.AddDate(0, 0, 1).Format("2006-01-02")
	for _, tc := range []struct {
		query string
		want  bool
	}{
		{"search=pract", true}, {"search=theory", false},
		{"start_after=" + DefaultNow.Format("2006-01-02") + "T00:00:00Z", true}, {"start_before=" + tomorrow + "T08:00:00Z", false},
		{"next=true", true}, {"employee_id=1003", true}, {"employee_id=1001", false}, {"access_id=2", true},
		{"training_class_ids[]=" + f.class, true}, {"training_ids[]=" + f.training, true}, {"modality=online", false},
	} {
		r := e.dated("GET", "/trainings/sessions?"+tc.query, key, nil)
		if r.status != 200 {
			t.Fatalf("sessions ?%s: %d %s", tc.query, r.status, r.body)
		}
		if got := slices.Contains(idsOf(t, r), f.session); got != tc.want {
			t.Errorf("sessions ?%s: listed %v, want %v", tc.query, got, tc.want)
		}
	}
}
