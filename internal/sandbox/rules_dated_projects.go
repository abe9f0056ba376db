package sandbox

// Dated API: project management. Projects and their subprojects; project
// workers (an employee's place in a project, assigned or not); time
// records, each charging one attendance shift of a worker to the project;
// planned time, budget strategies, expense records and project tasks (a
// link from a project to a task of the Tasks area, whose name, status and
// dates live on the task).
//
// What Factorial documents and the sandbox follows: only an assigned
// worker of an active project takes a time record, a shift holds at most
// one time record, subprojects belong to one project. Who sees what: an
// admin, an API key or a company token sees every project; another user
// sees the projects assigned to the whole company and those they are an
// assigned worker of (Factorial's "owned" read permission), and the
// project tasks of projects where they are an administrator or manager
// (the "role in the project" Factorial requires); any other reads as
// missing (404). Writes need an admin (403 otherwise), as Factorial asks
// for project permissions a basic user lacks.

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
)

// projectRoles are the internal fields naming a project's administrators
// and managers (ProjectCreate's project_admins and project_managers); no
// response declares them.
var projectRoles = []string{"project_admins", "project_managers"}

// ---- visibility

// projectVisible reports whether the caller may see the project. The
// caller holds the lock.
func (c *call) projectVisible(p map[string]any) bool {
	if c.p.privileged() {
		return true
	}
	if p["employees_assignment"] == "company" {
		return true
	}
	emp := c.p.EmployeeID
	if emp == 0 {
		return false
	}
	found := false
	c.s.tbl(ResPMWorkers).each(func(w map[string]any) bool {
		if intOr(w["project_id"]) == intOr(p["id"]) && intOr(w["employee_id"]) == emp && w["assigned"] == true {
			found = true
			return false
		}
		return true
	})
	return found
}

// projectRole reports whether the caller administers or manages the
// project (admins, API keys and company tokens have every role).
func (c *call) projectRole(p map[string]any) bool {
	if c.p.privileged() {
		return true
	}
	for _, f := range projectRoles {
		if c.p.EmployeeID != 0 && slices.Contains(intSlice(p[f]), c.p.EmployeeID) {
			return true
		}
	}
	return false
}

// getVisibleProject answers GET of a project (or imputable project) the
// caller may see; any other reads as missing.
func (c *call) getVisibleProject() {
	c.onRecord(readLock, byID(ResPMProjects), func(rec map[string]any) *apiError {
		if !c.projectVisible(rec) {
			return notFound(c.path["id"])
		}
		c.respond(rec)
		return nil
	})
}

// getVisibleProjectTask answers GET of a project task of a project the
// caller holds a role in; any other reads as missing.
func (c *call) getVisibleProjectTask() {
	c.onRecord(readLock, byID(ResPMProjectTasks), func(rec map[string]any) *apiError {
		p := c.s.tbl(ResPMProjects).recs[intOr(rec["project_id"])]
		if p == nil || !c.projectRole(p) {
			return notFound(c.path["id"])
		}
		c.respond(rec)
		return nil
	})
}

// ---- views

// shiftTimes are the date, clock-in and clock-out timestamps and minutes
// of a v1 attendance shift (day, month, year and HH:MM times).
func shiftTimes(sh map[string]any) (date string, in, out any, minutes any) {
	y, yok := toInt(sh["year"])
	m, mok := toInt(sh["month"])
	d, dok := toInt(sh["day"])
	if !yok || !mok || !dok {
		return "", nil, nil, nil
	}
	date = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	ci, _ := sh["clock_in"].(string)
	co, _ := sh["clock_out"].(string)
	a, aok := clockMinutes(ci)
	if aok {
		in = date + "T" + ci + ":00Z"
	}
	b, bok := clockMinutes(co)
	if bok {
		next := date
		if aok && b < a {
			next = time.Date(y, time.Month(m), d+1, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
			b += 24 * 60
		}
		out = next + "T" + co + ":00Z"
	}
	if aok && bok {
		minutes = b - a
	}
	return date, in, out, minutes
}

// viewTimeRecord: the date, clock times and minutes are the shift's.
func viewTimeRecord(c *call, v map[string]any) {
	v["date"], v["clock_in"], v["clock_out"], v["imputed_minutes"] = nil, nil, nil, nil
	if sh := c.s.tbl(ResShifts).recs[intOr(v["attendance_shift_id"])]; sh != nil {
		v["date"], v["clock_in"], v["clock_out"], v["imputed_minutes"] = shiftTimes(sh)
	}
}

// recordMinutes is the minutes of a stored time record (0 for a shift
// still open or missing).
func (s *Sandbox) recordMinutes(tr map[string]any) int {
	sh := s.tbl(ResShifts).recs[intOr(tr["attendance_shift_id"])]
	if sh == nil {
		return 0
	}
	_, _, _, m := shiftTimes(sh)
	n, _ := m.(int)
	return n
}

// trackedMinutes sums the minutes of the time records keep selects.
func (s *Sandbox) trackedMinutes(keep func(tr, worker map[string]any) bool) int {
	total := 0
	workers := s.tbl(ResPMWorkers)
	s.tbl(ResPMTimeRecords).each(func(tr map[string]any) bool {
		if w := workers.recs[intOr(tr["project_worker_id"])]; w != nil && keep(tr, w) {
			total += s.recordMinutes(tr)
		}
		return true
	})
	return total
}

// wantsMinutes reports whether the request asked for the minutes to be
// computed (include_inputed_minutes); Factorial answers 0 otherwise.
func (c *call) wantsMinutes() bool {
	if c.r == nil {
		return false
	}
	v, _ := queryBool(c.r.URL.Query(), "include_inputed_minutes")
	return v
}

// viewProject: minutes tracked when asked for, costs 0 (the sandbox models
// no cost rates), the legal entity's currency for imputable projects.
func viewProject(c *call, v map[string]any) {
	v["inputed_minutes"] = 0
	if c.wantsMinutes() {
		id := intOr(v["id"])
		v["inputed_minutes"] = c.s.trackedMinutes(func(_, w map[string]any) bool { return intOr(w["project_id"]) == id })
	}
	for _, f := range []string{"labor_cost_cents", "spending_cost_cents", "total_cost_cents"} {
		v[f] = 0
	}
	setDefault(v, "fixed_cost_cents", 0)
	v["currency"] = "EUR"
	if le := c.s.tbl(ResLegalEntities).recs[intOr(v["legal_entity_id"])]; le != nil && le["currency"] != nil {
		v["currency"] = le["currency"]
	}
}

func viewSubproject(c *call, v map[string]any) {
	v["inputed_minutes"], v["labor_cost_cents"] = 0, 0
	if c.wantsMinutes() {
		id := intOr(v["id"])
		v["inputed_minutes"] = c.s.trackedMinutes(func(tr, _ map[string]any) bool { return intOr(tr["subproject_id"]) == id })
	}
	if p := c.s.tbl(ResPMProjects).recs[intOr(v["project_id"])]; p != nil {
		setDefault(v, "is_billable", p["is_billable"])
	}
}

func viewWorker(c *call, v map[string]any) {
	v["inputed_minutes"] = 0
	if c.wantsMinutes() {
		id := intOr(v["id"])
		v["inputed_minutes"] = c.s.trackedMinutes(func(_, w map[string]any) bool { return intOr(w["id"]) == id })
	}
	for _, f := range []string{"labor_cost_cents", "company_labor_cost_cents", "spending_cost_cents"} {
		v[f] = 0
	}
}

// ---- prepares

// subprojectOf checks that the subproject rec names, if any, belongs to
// the project (422 otherwise).
func (c *call) subprojectOf(rec map[string]any, project int) *apiError {
	if rec["subproject_id"] == nil {
		return nil
	}
	sp := c.existing(ResPMSubprojects, rec["subproject_id"])
	if sp == nil {
		return invalid("subproject_id", "The subproject does not exist")
	}
	if intOr(sp["project_id"]) != project {
		return invalid("subproject_id", "The subproject does not belong to the project")
	}
	return nil
}

// prepareProject: a legal entity of the company (the first when none is
// named), `active` and `manual` by default, a code no other project has,
// administrators and managers who are employees.
func prepareProject(c *call, rec, old map[string]any) *apiError {
	if rec["legal_entity_id"] == nil {
		if ids := c.s.tbl(ResLegalEntities).ids; len(ids) > 0 {
			rec["legal_entity_id"] = ids[0]
		}
	} else if c.existing(ResLegalEntities, rec["legal_entity_id"]) == nil {
		return invalid("legal_entity_id", "The legal entity does not exist")
	}
	setDefault(rec, "status", "active")
	setDefault(rec, "employees_assignment", "manual")
	setDefault(rec, "is_billable", false)
	if code, _ := rec["code"].(string); code != "" {
		taken := false
		c.s.tbl(ResPMProjects).each(func(p map[string]any) bool {
			taken = intOr(p["id"]) != intOr(rec["id"]) && p["code"] == code
			return !taken
		})
		if taken {
			return invalid("code", "has already been taken")
		}
	}
	for _, f := range projectRoles {
		ids := []any{}
		for _, x := range listOf(rec[f]) {
			n, ok := toInt(x)
			if !ok {
				n, ok = numericID(x)
			}
			if !ok || c.s.tbl(ResEmployees).recs[n] == nil {
				return invalid(f, "names an employee that does not exist: "+fmtVal(x))
			}
			ids = append(ids, n)
		}
		rec[f] = ids
	}
	return nil
}

// prepareSubproject: the project exists; `active` by default.
func prepareSubproject(c *call, rec, old map[string]any) *apiError {
	if c.existing(ResPMProjects, rec["project_id"]) == nil {
		return invalid("project_id", "The project does not exist")
	}
	setDefault(rec, "status", "active")
	return nil
}

// prepareWorker: the project and the employee exist and the employee is
// not yet a worker of the project; a new worker is assigned.
func prepareWorker(c *call, rec, old map[string]any) *apiError {
	if c.existing(ResPMProjects, rec["project_id"]) == nil {
		return invalid("project_id", "The project does not exist")
	}
	if c.existing(ResEmployees, rec["employee_id"]) == nil {
		return invalid("employee_id", "The employee does not exist")
	}
	if old == nil {
		if w := c.s.workerOf(intOr(rec["project_id"]), intOr(rec["employee_id"])); w != nil {
			return invalid("employee_id", "has already been taken")
		}
	}
	setDefault(rec, "assigned", true)
	return nil
}

// workerOf finds the worker of an employee in a project. The caller holds
// the lock.
func (s *Sandbox) workerOf(project, employee int) map[string]any {
	var found map[string]any
	s.tbl(ResPMWorkers).each(func(w map[string]any) bool {
		if intOr(w["project_id"]) == project && intOr(w["employee_id"]) == employee {
			found = w
			return false
		}
		return true
	})
	return found
}

// prepareTimeRecord: an assigned worker of an active project; the shift,
// when named, is the worker's employee's and holds no other time record;
// the subproject belongs to the project.
func prepareTimeRecord(c *call, rec, old map[string]any) *apiError {
	w := c.existing(ResPMWorkers, rec["project_worker_id"])
	if w == nil {
		return invalid("project_worker_id", "The project worker does not exist")
	}
	if w["assigned"] != true {
		return invalid("project_worker_id", "The project worker is not assigned to the project")
	}
	p := c.s.tbl(ResPMProjects).recs[intOr(w["project_id"])]
	if p == nil || p["status"] != "active" {
		return invalid("project_worker_id", "The project is not active")
	}
	if rec["attendance_shift_id"] != nil {
		sh := c.existing(ResShifts, rec["attendance_shift_id"])
		if sh == nil {
			return invalid("attendance_shift_id", "The attendance shift does not exist")
		}
		if intOr(sh["employee_id"]) != intOr(w["employee_id"]) {
			return invalid("attendance_shift_id", "The attendance shift is not the project worker's")
		}
		taken := false
		c.s.tbl(ResPMTimeRecords).each(func(tr map[string]any) bool {
			taken = intOr(tr["id"]) != intOr(rec["id"]) && intOr(tr["attendance_shift_id"]) == intOr(sh["id"])
			return !taken
		})
		if taken {
			return invalid("attendance_shift_id", "has already been taken")
		}
	}
	setDefault(rec, "observations", nil)
	return c.subprojectOf(rec, intOr(w["project_id"]))
}

// preparePlannedRecord: a worker, a subproject of its project, a range
// that does not end before it starts, minutes within a day, week days 0
// (Sunday) to 6; Monday to Friday when none are sent.
func preparePlannedRecord(c *call, rec, old map[string]any) *apiError {
	w := c.existing(ResPMWorkers, rec["project_worker_id"])
	if w == nil {
		return invalid("project_worker_id", "The project worker does not exist")
	}
	if aerr := c.subprojectOf(rec, intOr(w["project_id"])); aerr != nil {
		return aerr
	}
	if s, e := fmtVal(rec["start_date"]), fmtVal(rec["end_date"]); s != "" && e != "" && e < s {
		return invalid("end_date", "must be on or after the start date")
	}
	if m, ok := toInt(rec["daily_minutes"]); !ok || m <= 0 || m > 24*60 {
		return invalid("daily_minutes", "must be between 1 and 1440")
	}
	if rec["week_days"] == nil {
		rec["week_days"] = []any{1, 2, 3, 4, 5}
	}
	for _, d := range listOf(rec["week_days"]) {
		if n, ok := toInt(d); !ok || n < 0 || n > 6 {
			return invalid("week_days", "must be days from 0 (Sunday) to 6 (Saturday)")
		}
	}
	return nil
}

// prepareBudgetStrategy: the project exists and the subproject is one of
// it; the request's budget_strategy_type is the record's budget_type.
func prepareBudgetStrategy(c *call, rec, old map[string]any) *apiError {
	if t, ok := rec["budget_strategy_type"]; ok {
		rec["budget_type"] = t
		delete(rec, "budget_strategy_type")
	}
	if c.existing(ResPMProjects, rec["project_id"]) == nil {
		return invalid("project_id", "The project does not exist")
	}
	setDefault(rec, "delegated", false)
	return c.subprojectOf(rec, intOr(rec["project_id"]))
}

// ---- project actions

// setProject changes one field of the project the body's id names.
func (c *call) setProject(field string, value func() any) {
	c.edit(ResPMProjects, func(rec map[string]any) *apiError {
		rec[field] = value()
		return nil
	})
}

func (c *call) activateProject() { c.setProject("status", func() any { return "active" }) }
func (c *call) closeProject()    { c.setProject("status", func() any { return "closed" }) }
func (c *call) changeProjectStatus() {
	c.setProject("status", func() any { return c.in["status"] })
}
func (c *call) changeProjectAssignment() {
	c.setProject("employees_assignment", func() any { return c.in["employees_assignment"] })
}

// softDeleteProject removes the project from every read and answers it.
func (c *call) softDeleteProject() {
	c.onRecord(writeLock, byID(ResPMProjects), func(rec map[string]any) *apiError {
		c.s.tbl(ResPMProjects).remove(intOr(rec["id"]))
		c.respond(rec)
		return nil
	})
}

// renameSubproject changes only the name; a blank one is refused.
func (c *call) renameSubproject() {
	c.edit(ResPMSubprojects, func(rec map[string]any) *apiError {
		name, _ := c.in["name"].(string)
		if strings.TrimSpace(name) == "" {
			return invalid("name", msgBlank)
		}
		rec["name"] = name
		return nil
	})
}

// ---- worker actions

// undo collects the inverse of the writes of a handler that is all or
// nothing: on error every write is rolled back, newest first.
type undo []func()

func (u undo) run() {
	for i := len(u) - 1; i >= 0; i-- {
		u[i]()
	}
}

// insertUndoable inserts rec, recording its removal.
func (c *call) insertUndoable(u *undo, res string, rec map[string]any) *apiError {
	if aerr := c.insert(res, rec); aerr != nil {
		return aerr
	}
	id := intOr(rec["id"])
	*u = append(*u, func() { c.s.tbl(res).remove(id) })
	return nil
}

// replaceUndoable stores rec in place of old, recording the restore.
func (c *call) replaceUndoable(u *undo, res string, rec, old map[string]any) *apiError {
	if aerr := c.replace(res, rec, old); aerr != nil {
		return aerr
	}
	*u = append(*u, func() { c.s.tbl(res).insert(old) })
	return nil
}

// removeUndoable removes the record, recording its restore.
func (c *call) removeUndoable(u *undo, res string, rec map[string]any) {
	c.s.tbl(res).remove(intOr(rec["id"]))
	*u = append(*u, func() { c.s.tbl(res).insert(rec) })
}

// allOrNothing runs f under the write lock; when f fails, its recorded
// writes are undone before the error is answered.
func (c *call) allOrNothing(f func(u *undo) *apiError) {
	c.locked(writeLock, func() *apiError {
		var u undo
		if aerr := f(&u); aerr != nil {
			u.run()
			return aerr
		}
		return nil
	})
}

// assignWorker makes the employee an assigned worker of the project (a
// new one, or the existing one assigned again) and returns it.
func (c *call) assignWorker(u *undo, project int, employee any) (map[string]any, *apiError) {
	emp, ok := toInt(employee)
	if !ok || c.s.tbl(ResEmployees).recs[emp] == nil {
		return nil, invalid("employee_ids", "names an employee that does not exist: "+fmtVal(employee))
	}
	if w := c.s.workerOf(project, emp); w != nil {
		if w["assigned"] == true {
			return w, nil
		}
		rec := clone(w)
		rec["assigned"] = true
		return rec, c.replaceUndoable(u, ResPMWorkers, rec, w)
	}
	rec := map[string]any{"project_id": project, "employee_id": emp, "assigned": true}
	return rec, c.insertUndoable(u, ResPMWorkers, rec)
}

// createWorkersInBulk makes each employee an assigned worker of the
// project, all or none, and answers their workers.
func (c *call) createWorkersInBulk() {
	c.allOrNothing(func(u *undo) *apiError {
		p := c.existing(ResPMProjects, c.in["project_id"])
		if p == nil {
			return invalid("project_id", "The project does not exist")
		}
		out := []map[string]any{}
		for _, e := range listOf(c.in["employee_ids"]) {
			w, aerr := c.assignWorker(u, intOr(p["id"]), e)
			if aerr != nil {
				return aerr
			}
			out = append(out, c.decorate(w))
		}
		c.respondList(out)
		return nil
	})
}

// assignWorkersInBulk sets, for each project named (project_ids, or the
// deprecated project_id), the employees listed assigned and every other
// worker of the project unassigned; it answers the projects' workers.
func (c *call) assignWorkersInBulk() {
	c.allOrNothing(func(u *undo) *apiError {
		projects := listOf(c.in["project_ids"])
		if len(projects) == 0 && c.in["project_id"] != nil {
			projects = []any{c.in["project_id"]}
		}
		if len(projects) == 0 {
			return invalid("project_ids", msgBlank)
		}
		var ids []int
		for _, x := range projects {
			p := c.existing(ResPMProjects, x)
			if p == nil {
				return invalid("project_ids", "names a project that does not exist: "+fmtVal(x))
			}
			ids = append(ids, intOr(p["id"]))
		}
		var emps []int
		for _, pid := range ids {
			for _, e := range listOf(c.in["employee_ids"]) {
				w, aerr := c.assignWorker(u, pid, e)
				if aerr != nil {
					return aerr
				}
				emps = append(emps, intOr(w["employee_id"]))
			}
		}
		var out []map[string]any
		for _, w := range slices.Clone(c.s.tbl(ResPMWorkers).ids) {
			old := c.s.tbl(ResPMWorkers).recs[w]
			if !slices.Contains(ids, intOr(old["project_id"])) {
				continue
			}
			rec := old
			if !slices.Contains(emps, intOr(old["employee_id"])) && old["assigned"] == true {
				rec = clone(old)
				rec["assigned"] = false
				if aerr := c.replaceUndoable(u, ResPMWorkers, rec, old); aerr != nil {
					return aerr
				}
			}
			out = append(out, c.decorate(rec))
		}
		c.respondList(out)
		return nil
	})
}

// unassignWorker marks the worker unassigned.
func (c *call) unassignWorker() {
	c.edit(ResPMWorkers, func(rec map[string]any) *apiError {
		rec["assigned"] = false
		return nil
	})
}

// ---- time record actions

// deleteTimeRecordsOfDay deletes the worker's time records of the date
// (of the subproject, when one is named) and answers them.
func (c *call) deleteTimeRecordsOfDay() {
	c.locked(writeLock, func() *apiError {
		w := c.existing(ResPMWorkers, c.in["project_worker_id"])
		if w == nil {
			return invalid("project_worker_id", "The project worker does not exist")
		}
		date := fmtVal(c.in["date"])
		out := []map[string]any{}
		for _, id := range slices.Clone(c.s.tbl(ResPMTimeRecords).ids) {
			tr := c.s.tbl(ResPMTimeRecords).recs[id]
			if intOr(tr["project_worker_id"]) != intOr(w["id"]) {
				continue
			}
			if c.in["subproject_id"] != nil && intOr(tr["subproject_id"]) != intOr(c.in["subproject_id"]) {
				continue
			}
			v := c.decorate(tr)
			if v["date"] != date {
				continue
			}
			c.s.tbl(ResPMTimeRecords).remove(id)
			out = append(out, v)
		}
		c.respondList(out)
		return nil
	})
}

// timeRecordItem is one change of a bulk process, its ids as integers.
type timeRecordItem struct {
	record, shift, worker, subproject any
}

func (it timeRecordItem) isDelete() bool {
	return it.record != nil && it.shift == nil && it.worker == nil && it.subproject == nil
}

// processTimeRecordsInBulk applies each item: a create without
// time_record_id, a delete with only it, an update with it and more. Of
// two items naming the same shift only the last runs, unless the first
// deletes and the last updates. All or nothing; answers the records
// created or updated.
func (c *call) processTimeRecordsInBulk() {
	var items []timeRecordItem
	for _, raw := range listOf(c.in["items"]) {
		m, _ := raw.(map[string]any)
		id := func(k string) any {
			if n, ok := numericID(m[k]); ok {
				return n
			}
			return m[k]
		}
		items = append(items, timeRecordItem{id("time_record_id"), id("attendance_shift_id"), id("project_worker_id"), id("subproject_id")})
	}
	skip := make([]bool, len(items))
	for i := range items {
		for j := i + 1; j < len(items); j++ {
			if items[i].shift != nil && fmtVal(items[i].shift) == fmtVal(items[j].shift) {
				if !(items[i].isDelete() && items[j].record != nil && !items[j].isDelete()) {
					skip[i] = true
				}
			}
		}
	}
	c.allOrNothing(func(u *undo) *apiError {
		out := []map[string]any{}
		for i, it := range items {
			if skip[i] {
				continue
			}
			if it.record == nil {
				if it.shift == nil || it.worker == nil {
					return invalid("items", "a new time record needs attendance_shift_id and project_worker_id")
				}
				rec := map[string]any{"project_worker_id": it.worker, "attendance_shift_id": it.shift, "subproject_id": it.subproject}
				if aerr := c.insertUndoable(u, ResPMTimeRecords, rec); aerr != nil {
					return aerr
				}
				out = append(out, c.decorate(rec))
				continue
			}
			old := c.existing(ResPMTimeRecords, it.record)
			if old == nil {
				return notFound(fmtVal(it.record))
			}
			if it.isDelete() {
				c.removeUndoable(u, ResPMTimeRecords, old)
				continue
			}
			rec := clone(old)
			for k, v := range map[string]any{"attendance_shift_id": it.shift, "project_worker_id": it.worker, "subproject_id": it.subproject} {
				if v != nil {
					rec[k] = v
				}
			}
			if aerr := c.replaceUndoable(u, ResPMTimeRecords, rec, old); aerr != nil {
				return aerr
			}
			out = append(out, c.decorate(rec))
		}
		c.respondList(out)
		return nil
	})
}

// moveTimeRecord charges the record to another worker, and to the
// subproject named (none when none is named: the old one belongs to the
// old project).
func (c *call) moveTimeRecord() {
	c.edit(ResPMTimeRecords, func(rec map[string]any) *apiError {
		rec["project_worker_id"] = c.in["project_worker_id"]
		rec["subproject_id"] = c.in["subproject_id"]
		return nil
	})
}

// ---- planned records

// createPlannedRecordsInBulk creates the plan for each worker named, all
// or none.
func (c *call) createPlannedRecordsInBulk() {
	c.allOrNothing(func(u *undo) *apiError {
		out := []map[string]any{}
		for _, w := range listOf(c.in["project_worker_ids"]) {
			rec := map[string]any{"project_worker_id": w}
			for _, k := range []string{"start_date", "end_date", "daily_minutes", "subproject_id", "week_days"} {
				if v, ok := c.in[k]; ok {
					rec[k] = cloneVal(v)
				}
			}
			if aerr := c.insertUndoable(u, ResPMPlannedRecords, rec); aerr != nil {
				return aerr
			}
			out = append(out, c.decorate(rec))
		}
		c.respondList(out)
		return nil
	})
}

// ---- exportable expenses

// exportableExpenses answers the rows of the project expenses export: the
// expense records of the projects named, effective within the range.
// Factorial requires the three parameters (400 otherwise).
func (c *call) exportableExpenses() {
	q := c.r.URL.Query()
	for _, p := range []string{"start_date", "end_date", "project_ids[]"} {
		if q.Get(p) == "" {
			c.fail(missingParam(strings.TrimSuffix(p, "[]")))
			return
		}
	}
	projects := queryIDs(q, "project_ids[]")
	from, to := q.Get("start_date"), q.Get("end_date")
	c.locked(readLock, func() *apiError {
		var out []map[string]any
		c.s.tbl(ResPMExpenseRecords).each(func(er map[string]any) bool {
			w := c.s.tbl(ResPMWorkers).recs[intOr(er["project_worker_id"])]
			if w == nil || !slices.Contains(projects, intOr(w["project_id"])) {
				return true
			}
			day := fmtVal(er["effective_on"])
			if day < from || day > to {
				return true
			}
			out = append(out, c.exportRow(er, w))
			return true
		})
		return c.respondPage(out)
	})
}

// exportRow is one expense record as an export row. The caller holds the
// lock.
func (c *call) exportRow(er, w map[string]any) map[string]any {
	row := map[string]any{"_seq": intOr(er["id"]), "date": er["effective_on"], "currency": er["original_amount_currency"],
		"expense_status": er["status"], "expense_link": nil, "expense_subcategory": nil}
	if cents, ok := toInt(er["original_amount_cents"]); ok {
		row["amount"] = fmt.Sprintf("%d.%02d", cents/100, abs(cents%100))
	}
	if p := c.s.tbl(ResPMProjects).recs[intOr(w["project_id"])]; p != nil {
		row["project_name"] = p["name"]
	}
	if sp := c.s.tbl(ResPMSubprojects).recs[intOr(er["subproject_id"])]; sp != nil {
		row["subproject_name"] = sp["name"]
	}
	if e := c.s.tbl(ResEmployees).recs[intOr(w["employee_id"])]; e != nil {
		row["employee_name"] = strings.TrimSpace(fmtVal(e["first_name"]) + " " + fmtVal(e["last_name"]))
		row["preferred_name"] = e["preferred_name"]
	}
	if ex := c.s.tbl(ResExpenses).recs[intOr(er["expense_id"])]; ex != nil {
		row["expense_category"] = ex["category"]
	}
	return row
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// ---- project tasks

// projectTaskFields are the members of a project task that live on its
// task (the Tasks area's record).
var projectTaskFields = []string{"name", "content", "starts_on", "due_on", "status"}

// linkTask writes the task side of a project task create or update: the
// task's fields, its assignees (employees, 422 for one that does not
// exist) and the files added. The caller holds the write lock.
func (c *call) linkTask(u *undo, task, old map[string]any, files string) *apiError {
	for _, k := range projectTaskFields {
		if v, ok := c.in[k]; ok {
			task[k] = v
		}
	}
	if vs, ok := c.formValues("assignee_employee_ids[]"); ok {
		emps := []any{}
		for _, x := range vs {
			n, ok := numericID(x)
			if !ok || c.s.tbl(ResEmployees).recs[n] == nil {
				return invalid("assignee_employee_ids", "names an employee that does not exist: "+fmtVal(x))
			}
			emps = append(emps, n)
		}
		task["assignee_ids"] = emps
	}
	setDefault(task, "assignee_ids", []any{})
	setDefault(task, "company_id", demoCompanyID)
	var aerr *apiError
	if old == nil {
		aerr = c.insertUndoable(u, ResTasks, task)
	} else {
		aerr = c.replaceUndoable(u, ResTasks, task, old)
	}
	if aerr != nil {
		return aerr
	}
	if c.r.MultipartForm == nil {
		return nil
	}
	for _, fh := range c.r.MultipartForm.File[files] {
		file := map[string]any{"task_id": task["id"], "file": map[string]any{"filename": fh.Filename, "content_type": fh.Header.Get("Content-Type")}}
		if aerr := c.insertUndoable(u, ResTaskFiles, file); aerr != nil {
			return aerr
		}
	}
	return nil
}

// formValues are the values of a multipart form field, read from the form
// itself: the request schema names these fields with Rails' brackets
// ("assignee_employee_ids[]"), one part per value.
func (c *call) formValues(name string) ([]string, bool) {
	if c.r.MultipartForm == nil {
		return nil, false
	}
	vs, ok := c.r.MultipartForm.Value[name]
	return vs, ok
}

// checkTaskProject: the project exists and the subproject is one of it.
func (c *call) checkTaskProject(rec map[string]any) *apiError {
	if c.existing(ResPMProjects, rec["project_id"]) == nil {
		return invalid("project_id", "The project does not exist")
	}
	return c.subprojectOf(rec, intOr(rec["project_id"]))
}

// createProjectTask creates the task in the Tasks area, attaches the
// files sent and links it to the project.
func (c *call) createProjectTask() {
	c.allOrNothing(func(u *undo) *apiError {
		rec := map[string]any{"project_id": c.in["project_id"], "subproject_id": c.in["subproject_id"], "follow_up": c.in["follow_up"]}
		if rec["follow_up"] == nil {
			rec["follow_up"] = false
		}
		if aerr := c.checkTaskProject(rec); aerr != nil {
			return aerr
		}
		task := map[string]any{}
		if aerr := c.linkTask(u, task, nil, "files[]"); aerr != nil {
			return aerr
		}
		rec["task_id"] = task["id"]
		if aerr := c.insertUndoable(u, ResPMProjectTasks, rec); aerr != nil {
			return aerr
		}
		c.respond(rec)
		return nil
	})
}

// updateProjectTask changes the link and its task, adds the files sent
// and removes the task files named in files_to_remove[] (422 for one that
// is not the task's).
func (c *call) updateProjectTask() {
	c.allOrNothing(func(u *undo) *apiError {
		old, aerr := c.lookup(ResPMProjectTasks)
		if aerr != nil {
			return aerr
		}
		if body := c.in["id"]; body != nil && fmtVal(body) != c.path["id"] {
			return invalid("id", "Id does not match the id in the path")
		}
		rec := clone(old)
		for _, k := range []string{"project_id", "subproject_id", "follow_up"} {
			if v, ok := c.in[k]; ok {
				rec[k] = v
			}
		}
		if aerr := c.checkTaskProject(rec); aerr != nil {
			return aerr
		}
		oldTask := c.s.tbl(ResTasks).recs[intOr(old["task_id"])]
		task := map[string]any{}
		if oldTask != nil {
			task = clone(oldTask)
		}
		if aerr := c.linkTask(u, task, oldTask, "files_to_add[]"); aerr != nil {
			return aerr
		}
		removed, _ := c.formValues("files_to_remove[]")
		for _, x := range removed {
			n, _ := numericID(x)
			f := c.s.tbl(ResTaskFiles).recs[n]
			if f == nil || intOr(f["task_id"]) != intOr(task["id"]) {
				return invalid("files_to_remove", "names a file that is not the task's: "+fmtVal(x))
			}
			c.removeUndoable(u, ResTaskFiles, f)
		}
		rec["task_id"] = task["id"]
		if aerr := c.replaceUndoable(u, ResPMProjectTasks, rec, old); aerr != nil {
			return aerr
		}
		c.respond(rec)
		return nil
	})
}

// deleteProjectTasksInBulk deletes the project tasks named and their
// tasks, all or none, and answers the project tasks.
func (c *call) deleteProjectTasksInBulk() {
	c.locked(writeLock, func() *apiError {
		recs, aerr := c.recordsByIDs(ResPMProjectTasks, listOf(c.in["ids"]))
		if aerr != nil {
			return aerr
		}
		out := []map[string]any{}
		for _, rec := range recs {
			out = append(out, c.decorate(rec))
			c.s.tbl(ResPMProjectTasks).remove(intOr(rec["id"]))
			c.s.tbl(ResTasks).remove(intOr(rec["task_id"]))
		}
		c.respondList(out)
		return nil
	})
}

// duplicateProjectTasksInBulk copies each project task named and its
// task (without assignees when exclude_assignees is true), into the
// project (and subproject) sent or the original's; answers the copies.
func (c *call) duplicateProjectTasksInBulk() {
	c.allOrNothing(func(u *undo) *apiError {
		recs, aerr := c.recordsByIDs(ResPMProjectTasks, listOf(c.in["ids"]))
		if aerr != nil {
			return aerr
		}
		out := []map[string]any{}
		for _, src := range recs {
			rec := clone(src)
			delete(rec, "id")
			if c.in["project_id"] != nil {
				rec["project_id"], rec["subproject_id"] = c.in["project_id"], nil
			}
			if c.in["subproject_id"] != nil {
				rec["subproject_id"] = c.in["subproject_id"]
			}
			if aerr := c.checkTaskProject(rec); aerr != nil {
				return aerr
			}
			task := map[string]any{"name": nil, "assignee_ids": []any{}, "company_id": demoCompanyID}
			if t := c.s.tbl(ResTasks).recs[intOr(src["task_id"])]; t != nil {
				task = clone(t)
				delete(task, "id")
			}
			if c.in["exclude_assignees"] == true {
				task["assignee_ids"] = []any{}
			}
			if aerr := c.insertUndoable(u, ResTasks, task); aerr != nil {
				return aerr
			}
			rec["task_id"] = task["id"]
			if aerr := c.insertUndoable(u, ResPMProjectTasks, rec); aerr != nil {
				return aerr
			}
			out = append(out, c.decorate(rec))
		}
		c.respondList(out)
		return nil
	})
}

// ---- list filters

// containsFold reports whether s contains sub, ignoring case.
func containsFold(s any, sub string) bool {
	return strings.Contains(strings.ToLower(fmtVal(s)), strings.ToLower(sub))
}

// changedAfter reports whether the record was created or changed after
// the day given (YYYY-MM-DD); an empty day admits everything.
func changedAfter(v map[string]any, day string) bool {
	if day == "" {
		return true
	}
	return cut(fmtVal(v["updated_at"]), day) > day || cut(fmtVal(v["created_at"]), day) > day
}

// projectFilter applies the parameters of the projects and imputable
// projects lists: what the caller may see, name_or_code, updated_after,
// no_clients, total_currency, only_active, assigned and employee_ids[].
func projectFilter(c *call, q url.Values) func(v map[string]any) bool {
	text := q.Get("name_or_code")
	updated := q.Get("updated_after")
	noClients, byNoClients := queryBool(q, "no_clients")
	currency := q.Get("total_currency")
	active, byActive := queryBool(q, "only_active")
	assigned, byAssigned := queryBool(q, "assigned")
	emps := queryIDs(q, "employee_ids[]")
	return func(v map[string]any) bool {
		id := intOr(v["id"])
		switch {
		case !c.projectVisible(v):
			return false
		case text != "" && !containsFold(v["name"], text) && !containsFold(v["code"], text):
			return false
		case !changedAfter(v, updated):
			return false
		case byNoClients && noClients && v["client_id"] != nil:
			return false
		case currency != "" && !strings.EqualFold(fmtVal(v["currency"]), currency):
			return false
		case byActive && active && v["status"] != "active":
			return false
		}
		if (byAssigned && assigned) || len(emps) > 0 {
			found := false
			c.s.tbl(ResPMWorkers).each(func(w map[string]any) bool {
				if intOr(w["project_id"]) == id && w["assigned"] == true &&
					(len(emps) == 0 || slices.Contains(emps, intOr(w["employee_id"]))) {
					found = true
					return false
				}
				return true
			})
			return found
		}
		return true
	}
}

// updatedAfterFilter applies updated_after alone.
func updatedAfterFilter(_ *call, q url.Values) func(v map[string]any) bool {
	day := q.Get("updated_after")
	return func(v map[string]any) bool { return changedAfter(v, day) }
}

// budgetStrategyFilter applies without_subproject.
func budgetStrategyFilter(_ *call, q url.Values) func(v map[string]any) bool {
	without, by := queryBool(q, "without_subproject")
	return func(v map[string]any) bool { return !by || !without || v["subproject_id"] == nil }
}

// workerFilter applies assigned, project_active, employee_name and
// updated_after.
func workerFilter(c *call, q url.Values) func(v map[string]any) bool {
	assigned, byAssigned := queryBool(q, "assigned")
	active, byActive := queryBool(q, "project_active")
	name := q.Get("employee_name")
	updated := q.Get("updated_after")
	return func(v map[string]any) bool {
		switch {
		case byAssigned && (v["assigned"] == true) != assigned:
			return false
		case !changedAfter(v, updated):
			return false
		}
		if byActive {
			p := c.s.tbl(ResPMProjects).recs[intOr(v["project_id"])]
			if p == nil {
				return false
			}
			if active && p["status"] != "active" || !active && p["status"] != "closed" {
				return false
			}
		}
		if name != "" {
			e := c.s.tbl(ResEmployees).recs[intOr(v["employee_id"])]
			if e == nil || !containsFold(fmtVal(e["first_name"])+" "+fmtVal(e["last_name"]), name) {
				return false
			}
		}
		return true
	}
}

// timeRecordFilter applies employee_ids[] (through the worker), month and
// year (of the shift's date) and updated_after.
func timeRecordFilter(c *call, q url.Values) func(v map[string]any) bool {
	emps := queryIDs(q, "employee_ids[]")
	month, year := q.Get("month"), q.Get("year")
	updated := q.Get("updated_after")
	return func(v map[string]any) bool {
		if !changedAfter(v, updated) {
			return false
		}
		if len(emps) > 0 {
			w := c.s.tbl(ResPMWorkers).recs[intOr(v["project_worker_id"])]
			if w == nil || !slices.Contains(emps, intOr(w["employee_id"])) {
				return false
			}
		}
		if month != "" || year != "" {
			date := fmtVal(v["date"])
			if len(date) < 7 {
				return false
			}
			y, m := date[:4], date[5:7]
			if year != "" && fmt.Sprint(intOr(year)) != strings.TrimLeft(y, "0") {
				return false
			}
			if month != "" && fmt.Sprint(intOr(month)) != strings.TrimLeft(m, "0") {
				return false
			}
		}
		return true
	}
}

// plannedRecordFilter applies the start_date / end_date window: plans
// that end on or after start_date and start on or before end_date.
func plannedRecordFilter(_ *call, q url.Values) func(v map[string]any) bool {
	from, to := q.Get("start_date"), q.Get("end_date")
	return func(v map[string]any) bool {
		return (from == "" || fmtVal(v["end_date"]) >= from) && (to == "" || fmtVal(v["start_date"]) <= to)
	}
}

// expenseRecordFilter applies the start_date / end_date window on
// effective_on, project_ids[] (through the worker), updated_after and
// employee_user_name_like.
func expenseRecordFilter(c *call, q url.Values) func(v map[string]any) bool {
	from, to := q.Get("start_date"), q.Get("end_date")
	projects := queryIDs(q, "project_ids[]")
	updated := q.Get("updated_after")
	name := q.Get("employee_user_name_like")
	return func(v map[string]any) bool {
		day := fmtVal(v["effective_on"])
		switch {
		case from != "" && day < from, to != "" && day > to:
			return false
		case !changedAfter(v, updated):
			return false
		}
		w := c.s.tbl(ResPMWorkers).recs[intOr(v["project_worker_id"])]
		if len(projects) > 0 && (w == nil || !slices.Contains(projects, intOr(w["project_id"]))) {
			return false
		}
		if name != "" {
			var e map[string]any
			if w != nil {
				e = c.s.tbl(ResEmployees).recs[intOr(w["employee_id"])]
			}
			if e == nil || !containsFold(fmtVal(e["first_name"])+" "+fmtVal(e["last_name"]), name) {
				return false
			}
		}
		return true
	}
}

// projectTaskFilter applies what the caller may see (the tasks of
// projects they hold a role in), completed, overdue, search, due_status
// (all read on the task) and client_ids[] (on the project).
func projectTaskFilter(c *call, q url.Values) func(v map[string]any) bool {
	completed, byCompleted := queryBool(q, "completed")
	overdue, byOverdue := queryBool(q, "overdue")
	search := q.Get("search")
	due := q.Get("due_status")
	clients := queryIDs(q, "client_ids[]")
	today := c.pj.today
	return func(v map[string]any) bool {
		p := c.s.tbl(ResPMProjects).recs[intOr(v["project_id"])]
		if p == nil || !c.projectRole(p) {
			return false
		}
		if len(clients) > 0 && !slices.Contains(clients, intOr(p["client_id"])) {
			return false
		}
		t := c.s.tbl(ResTasks).recs[intOr(v["task_id"])]
		if t == nil {
			return !byCompleted && !byOverdue && search == "" && due == ""
		}
		t = c.datedView(ResTasks, t)
		dueOn := fmtVal(t["due_on"])
		done := t["status"] == "done" || t["status"] == "discarded"
		isOverdue := dueOn != "" && dueOn < today && !done
		switch {
		case byCompleted && completed && t["status"] != "done":
			return false
		case byOverdue && overdue && !isOverdue:
			return false
		case search != "" && !containsFold(t["name"], search):
			return false
		}
		switch due {
		case "no_due":
			return dueOn == ""
		case "due_today":
			return dueOn == today
		case "over_due":
			return dueOn != "" && dueOn < today
		case "due_in_future":
			return dueOn > today
		}
		return true
	}
}
