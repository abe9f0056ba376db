package sandbox

// Hand-written behaviour: the actions whose rules the research documents
// (factorial-v1-api.md §2, §4) and per-resource hooks the generic engine
// calls. Everything else is generic.

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
)

type actionFunc func(c *call)

// actionDef binds a hand-written handler to every operation whose method
// and trailing path segments match ("{}" matches any parameter), so v1/v2
// twins and legacy aliases share one handler.
type actionDef struct {
	method   string
	suffix   string
	resource string
	fn       actionFunc
	self     bool // basic users may call it for their own employee_id
}

var actionDefs = []actionDef{
	{http.MethodGet, "v1/me", ResEmployees, (*call).me, false},
	{http.MethodPost, "employees/{}/terminate", ResEmployees, (*call).terminate, false},
	{http.MethodPost, "employees/{}/unterminate", ResEmployees, (*call).unterminate, false},
	{http.MethodPost, "employees/{}/invite", ResEmployees, (*call).invite, false},
	{http.MethodPut, "employees/{}/email", ResEmployees, (*call).changeEmail, false},
	{http.MethodPost, "teams/{}/employees/{}", ResTeams, (*call).membership, false},
	{http.MethodPut, "teams/{}/employees/{}", ResTeams, (*call).membership, false},
	{http.MethodDelete, "teams/{}/employees/{}", ResTeams, (*call).membership, false},
	{http.MethodPost, "shifts/clock_in", ResShifts, (*call).clockIn, true},
	{http.MethodPost, "shifts/clock_out", ResShifts, (*call).clockOut, true},
	{http.MethodPost, "shifts/toggle", ResShifts, (*call).toggle, true},
	{http.MethodPost, "breaks/start", ResAttendance, (*call).breakStart, true},
	{http.MethodPost, "breaks/end", ResAttendance, (*call).breakEnd, true},
	{http.MethodPost, "time/breaks", ResAttendance, (*call).createBreak, true},
	{http.MethodPost, "job_postings/{}/duplicate", ResJobPostings, (*call).duplicatePosting, false},
	{http.MethodPost, "tasks/{}/resolve", ResTasks, (*call).resolveTask, false},
	{http.MethodPost, "tasks/{}/copy", ResTasks, (*call).copyTask, false},
	{http.MethodPost, "shifts_management/publish", ResManagedShifts, (*call).publishShifts, false},
	{http.MethodPost, "v1/core/webhooks", ResWebhooks, (*call).subscribeWebhook, false},
	{http.MethodPost, "v1/webhooks", ResWebhooks, (*call).subscribeWebhook, false},
	{http.MethodDelete, "v1/webhooks", ResWebhooks, (*call).unsubscribeWebhook, false},
	{http.MethodGet, "codes/{}/find_employee", ResEmployees, (*call).findEmployeeByCode, false},
}

// adminOnly resources are hidden from basic users even for reads (API keys
// need full-admin credentials).
var adminOnly = map[string]bool{ResAPIKeys: true}

func findAction(method string, segs []string) *actionDef {
	for i := range actionDefs {
		a := &actionDefs[i]
		if a.method != method {
			continue
		}
		want := strings.Split(a.suffix, "/")
		if len(want) > len(segs) {
			continue
		}
		tail := segs[len(segs)-len(want):]
		ok := true
		for j, w := range want {
			if (w == "{}") != isParam(tail[j]) || (w != "{}" && w != tail[j]) {
				ok = false
				break
			}
		}
		if ok {
			return a
		}
	}
	return nil
}

// resourceHooks are the per-resource rules of the generic engine.
type resourceHooks struct {
	prepare  func(c *call, rec, old map[string]any) // defaults and derived fields (old nil on create)
	validate func(c *call, rec, old map[string]any) *apiError
	decorate func(s *Sandbox, rec map[string]any) map[string]any // read-time joins
	deleted  func(s *Sandbox, rec map[string]any)
}

var hooks map[string]*resourceHooks

func init() {
	hooks = map[string]*resourceHooks{
		ResEmployees: {prepare: prepareEmployee, validate: validateEmployee},
		ResTeams:     {prepare: prepareTeam, deleted: teamDeleted},
		ResLeaves:    {prepare: prepareLeave, validate: validateLeave, decorate: decorateLeave},
		ResAPIKeys: {prepare: func(c *call, rec, old map[string]any) {
			if old == nil {
				id := strconv.Itoa(rec["id"].(int))
				rec["token"] = "sandbox-api-key-" + id
				rec["token_digest"] = "****-" + id
			}
		}},
		ResCustomTableFields: {prepare: func(c *call, rec, old map[string]any) {
			if def, ok := rec["custom_field"].(map[string]any); ok {
				for k, v := range def {
					rec[k] = v
				}
				delete(rec, "custom_field")
			}
		}},
		ResCustomTableValues: {prepare: func(c *call, rec, old map[string]any) {
			rows, _ := rec["table_values"].([]any)
			for _, row := range rows {
				if m, ok := row.(map[string]any); ok {
					for k, v := range m {
						rec[k] = v
					}
				}
			}
			delete(rec, "table_values")
			delete(rec, "emloyee_id")
		}},
		ResManagedShifts: {prepare: func(c *call, rec, old map[string]any) {
			if old == nil && rec["state"] == nil {
				rec["state"] = "draft"
			}
		}},
		ResJobPostings: {prepare: func(c *call, rec, old map[string]any) {
			if old == nil {
				rec["creation_date"] = rec["created_at"]
			}
		}},
		ResAtsMessages: {prepare: func(c *call, rec, old map[string]any) {
			// A message joins its application's conversation, sent now by the caller.
			if app := c.s.tbl(ResApplications).recs[intOr(rec["job_application_id"])]; app != nil && rec["conversation_id"] == nil {
				rec["conversation_id"] = app["conversation_id"]
			}
			if old == nil {
				rec["sent_at"], rec["sent_by_type"], rec["sent_by_id"] = c.pj.now, "Access", c.p.EmployeeID
				setDefault(rec, "attachments", []any{})
			}
		}},
		ResWebhooksV2: {prepare: func(c *call, rec, old map[string]any) { rec["company_id"] = 1 }},
		ResWebhooks:   {prepare: func(c *call, rec, old map[string]any) { rec["company_id"] = 1 }},
	}
}

// ---------------------------------------------------------------- employees

func prepareEmployee(c *call, rec, old map[string]any) {
	if old != nil {
		return
	}
	setDefault(rec, "role", "basic")
	setDefault(rec, "company_id", 1)
	setDefault(rec, "legal_entity_id", 1)
	setDefault(rec, "location_id", 1)
	setDefault(rec, "start_date", c.pj.today)
	setDefault(rec, "team_ids", []any{})
	setDefault(rec, "company_holiday_ids", []any{})
	setDefault(rec, "hiring", map[string]any{"base_compensation_amount_in_cents": nil, "base_compensation_type": nil})
}

// validateEmployee: unique email (Factorial answers a bare array for it)
// and managers that exist.
func validateEmployee(c *call, rec, old map[string]any) *apiError {
	email, _ := rec["email"].(string)
	if email != "" && (old == nil || old["email"] != email) && emailTaken(c.s, email, rec["id"]) {
		return &apiError{http.StatusUnprocessableEntity, []string{"There is already a user with that email (" + email + ")"}}
	}
	errs := map[string][]string{}
	for field, msg := range map[string]string{
		"manager_id":         "The manager does not belong to the company",
		"timeoff_manager_id": "The time off manager does not belong to the company",
	} {
		if id, ok := toInt(rec[field]); ok && c.s.tbl(ResEmployees).recs[id] == nil {
			errs[field] = []string{msg}
		}
	}
	if len(errs) > 0 {
		return fieldErrors(errs)
	}
	return nil
}

func emailTaken(s *Sandbox, email string, self any) bool {
	taken := false
	s.tbl(ResEmployees).each(func(e map[string]any) bool {
		taken = e["email"] == email && e["id"] != self
		return !taken
	})
	return taken
}

// me answers GET /api/v1/me from the principal's employee.
func (c *call) me() {
	c.s.mu.RLock()
	defer c.s.mu.RUnlock()
	emp := c.s.tbl(ResEmployees).recs[c.p.EmployeeID]
	if emp == nil {
		c.fail(notFound(strconv.Itoa(c.p.EmployeeID)))
		return
	}
	role := "basic"
	switch {
	case c.p.privileged():
		role = "admin"
	case c.s.leadsAnyone(c.p.EmployeeID):
		role = "manager"
	}
	c.out = reply{set: true, one: map[string]any{
		"email": emp["email"], "full_name": emp["full_name"], "first_name": emp["first_name"],
		"last_name": emp["last_name"], "employee_id": emp["id"], "role": role,
	}}
}

func (s *Sandbox) leadsAnyone(id int) bool {
	found := false
	s.tbl(ResEmployees).each(func(e map[string]any) bool {
		m, _ := toInt(e["manager_id"])
		found = m == id
		return !found
	})
	return found
}

// employeeAction runs f on the addressed employee and stores the result.
func (c *call) employeeAction(f func(rec map[string]any) *apiError) {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	old, aerr := c.lookup(ResEmployees)
	if aerr != nil {
		c.fail(aerr)
		return
	}
	rec := clone(old)
	if aerr := f(rec); aerr != nil {
		c.fail(aerr)
		return
	}
	if aerr := c.replace(ResEmployees, rec, old); aerr != nil {
		c.fail(aerr)
		return
	}
	c.respond(rec)
}

// terminate sets terminated_on (default today) and the reason; the leaver's
// reports move to termination_assigned_manager_id when given.
func (c *call) terminate() {
	c.employeeAction(func(rec map[string]any) *apiError {
		on, _ := c.in["terminated_on"].(string)
		if on == "" {
			on = c.pj.today
		}
		rec["terminated_on"] = on
		for _, k := range []string{"termination_reason", "termination_reason_type", "termination_observations"} {
			rec[k] = c.in[k]
		}
		if to, ok := toInt(c.in["termination_assigned_manager_id"]); ok {
			emps := c.s.store(ResEmployees)
			if emps.recs[to] == nil {
				return invalid("termination_assigned_manager_id", "The manager does not belong to the company")
			}
			emps.each(func(e map[string]any) bool {
				if m, _ := toInt(e["manager_id"]); m == rec["id"] {
					e2 := clone(e)
					e2["manager_id"] = to
					emps.insert(e2)
				}
				return true
			})
		}
		return nil
	})
}

func (c *call) unterminate() {
	c.employeeAction(func(rec map[string]any) *apiError {
		for _, k := range []string{"terminated_on", "termination_reason", "termination_reason_type", "termination_observations"} {
			rec[k] = nil
		}
		return nil
	})
}

// invite records the invitation; terminated employees cannot be invited.
func (c *call) invite() {
	c.employeeAction(func(rec map[string]any) *apiError {
		if rec["terminated_on"] != nil {
			return invalid("base", "A terminated employee cannot be invited")
		}
		if rec["email"] == nil {
			return invalid("email", "can't be blank")
		}
		rec["invited"], rec["invited_on"] = true, c.pj.today
		return nil
	})
}

func (c *call) changeEmail() {
	c.employeeAction(func(rec map[string]any) *apiError {
		email, _ := c.in["email"].(string)
		if !strings.Contains(email, "@") {
			return invalid("email", "is invalid")
		}
		if emailTaken(c.s, email, rec["id"]) {
			return invalid("email", "has already been taken")
		}
		rec["email"] = email
		return nil
	})
}

// ---------------------------------------------------------------- teams

func prepareTeam(c *call, rec, old map[string]any) {
	setDefault(rec, "employee_ids", []any{})
	setDefault(rec, "lead_ids", []any{})
}

// teamDeleted removes the team from its members' team_ids. (Only the
// employee side: setMembership would store the deleted team again.)
func teamDeleted(s *Sandbox, team map[string]any) {
	teamID := team["id"].(int)
	emps := s.store(ResEmployees)
	now := s.clock().UTC().Format(time.RFC3339)
	for _, id := range intSlice(team["employee_ids"]) {
		if emp := emps.recs[id]; emp != nil {
			e := clone(emp)
			e["team_ids"] = anySlice(toggleID(intSlice(e["team_ids"]), teamID, false))
			e["updated_at"] = now
			emps.insert(e)
		}
	}
}

// membership assigns (POST), updates the lead flag of (PUT) or unassigns
// (DELETE) an employee, on both sides: the team's employee_ids/lead_ids and
// the employee's team_ids.
func (c *call) membership() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	team, aerr := c.lookup(ResTeams)
	if aerr != nil {
		c.fail(aerr)
		return
	}
	raw := c.path["employee_id"]
	empID, _ := strconv.Atoi(raw)
	emp := c.s.tbl(ResEmployees).recs[empID]
	if emp == nil {
		c.fail(notFound(raw))
		return
	}
	member := slices.Contains(intSlice(team["employee_ids"]), empID)
	switch c.r.Method {
	case http.MethodPost:
		var lead *bool
		if b, ok := toBool(c.in["lead"]); ok && c.in["lead"] != nil {
			lead = &b
		}
		team = c.s.setMembership(team, emp, true, lead)
	case http.MethodPut:
		if !member {
			c.fail(notFound(raw))
			return
		}
		b, _ := toBool(c.in["lead"])
		team = c.s.setMembership(team, emp, true, &b)
	case http.MethodDelete:
		if !member {
			c.fail(notFound(raw))
			return
		}
		team = c.s.setMembership(team, emp, false, nil)
	}
	c.respond(team)
}

// setMembership writes both sides of a membership and returns the stored
// team. lead nil keeps the lead flag. Callers hold the write lock.
func (s *Sandbox) setMembership(team, emp map[string]any, in bool, lead *bool) map[string]any {
	teamID, empID := team["id"].(int), emp["id"].(int)
	t, e := clone(team), clone(emp)
	members, leads, teams := intSlice(t["employee_ids"]), intSlice(t["lead_ids"]), intSlice(e["team_ids"])
	members, teams = toggleID(members, empID, in), toggleID(teams, teamID, in)
	switch {
	case !in:
		leads = toggleID(leads, empID, false)
	case lead != nil:
		leads = toggleID(leads, empID, *lead)
	}
	t["employee_ids"], t["lead_ids"], e["team_ids"] = anySlice(members), anySlice(leads), anySlice(teams)
	now := s.clock().UTC().Format(time.RFC3339)
	t["updated_at"], e["updated_at"] = now, now
	s.store(ResTeams).insert(t)
	s.store(ResEmployees).insert(e)
	return t
}

func toggleID(ids []int, id int, in bool) []int {
	i := slices.Index(ids, id)
	switch {
	case in && i < 0:
		ids = append(ids, id)
		slices.Sort(ids)
	case !in && i >= 0:
		ids = slices.Delete(ids, i, i+1)
	}
	return ids
}

// ---------------------------------------------------------------- leaves

func prepareLeave(c *call, rec, old map[string]any) {
	if old != nil {
		return
	}
	if _, ok := toInt(rec["leave_type_id"]); !ok {
		// The 2024 spec made leave_type_id optional: use the first type.
		if ids := c.s.tbl(ResLeaveTypes).ids; len(ids) > 0 {
			rec["leave_type_id"] = ids[0]
		}
	}
	approved := c.p.privileged()
	if lt := c.s.tbl(ResLeaveTypes).recs[intOr(rec["leave_type_id"])]; lt != nil && lt["approval_required"] == false {
		approved = true
	}
	setDefault(rec, "approved", approved)
}

// validateLeave: the employee and the leave type exist and finish_on is
// not before start_on. Factorial's 422 body: {"errors": {"field": [msg]}}.
func validateLeave(c *call, rec, old map[string]any) *apiError {
	errs := map[string][]string{}
	if c.s.tbl(ResEmployees).recs[intOr(rec["employee_id"])] == nil {
		errs["employee_id"] = []string{"The employee does not belong to the company"}
	}
	if c.s.tbl(ResLeaveTypes).recs[intOr(rec["leave_type_id"])] == nil {
		errs["leave_type_id"] = []string{"The leave type does not exist"}
	}
	start, _ := rec["start_on"].(string)
	finish, _ := rec["finish_on"].(string)
	ts, serr := parseTime(start)
	tf, ferr := parseTime(finish)
	switch {
	case serr != nil:
		errs["start_on"] = []string{"is invalid"}
	case ferr != nil:
		errs["finish_on"] = []string{"is invalid"}
	case tf.Format(time.DateOnly) < ts.Format(time.DateOnly) || (len(start) > 10 && len(finish) > 10 && tf.Before(ts)):
		errs["finish_on"] = []string{"must be on or after start_on"}
	}
	if len(errs) > 0 {
		return fieldErrors(errs)
	}
	return nil
}

func decorateLeave(s *Sandbox, rec map[string]any) map[string]any {
	out := make(map[string]any, len(rec)+2)
	for k, v := range rec {
		out[k] = v
	}
	if e := s.tbl(ResEmployees).recs[intOr(rec["employee_id"])]; e != nil {
		out["employee_full_name"] = e["full_name"]
	}
	if lt := s.tbl(ResLeaveTypes).recs[intOr(rec["leave_type_id"])]; lt != nil {
		out["leave_type_name"] = lt["name"]
	}
	return out
}

// ---------------------------------------------------------------- shifts

// openShift returns the latest shift of an employee without clock_out.
func openRecord(t *table, employeeID int, pred func(map[string]any) bool) map[string]any {
	var open map[string]any
	t.openOfEmployee(employeeID, func(r map[string]any) {
		if intOr(r["employee_id"]) == employeeID && (pred == nil || pred(r)) {
			open = r // ids ascend, so the last one wins
		}
	})
	return open
}

// selfEmployee checks that the body's employee exists.
func (c *call) selfEmployee() (int, *apiError) {
	id := intOr(c.in["employee_id"])
	if c.s.tbl(ResEmployees).recs[id] == nil {
		return 0, invalid("employee_id", "The employee does not belong to the company")
	}
	return id, nil
}

// clockIn opens a v1 shift: day/month/year and an HH:MM clock_in from
// `now` in its own offset. No clock-in while a shift is open (422).
func (c *call) clockIn() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	c.doClockIn()
}

func (c *call) doClockIn() {
	emp, aerr := c.selfEmployee()
	if aerr == nil {
		if openRecord(c.s.tbl(ResShifts), emp, nil) != nil {
			aerr = invalid("clock_in", "You are already clocked in. Clock out before clocking in again")
		}
	}
	now, nerr := c.nowArg("now")
	if aerr == nil {
		aerr = nerr
	}
	if aerr != nil {
		c.fail(aerr)
		return
	}
	rec := map[string]any{
		"employee_id": emp, "day": now.Day(), "month": int(now.Month()), "year": now.Year(),
		"clock_in": now.Format("15:04"), "clock_out": nil, "_clock_in_at": now.Format(time.RFC3339),
		"observations": c.in["observations"], "location_type": c.in["location_type"],
	}
	if aerr := c.insert(ResShifts, rec); aerr != nil {
		c.fail(aerr)
		return
	}
	c.respond(rec)
}

// clockOut closes the employee's latest open shift (422 when none).
func (c *call) clockOut() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	c.doClockOut()
}

func (c *call) doClockOut() {
	emp, aerr := c.selfEmployee()
	var open map[string]any
	if aerr == nil {
		if open = openRecord(c.s.tbl(ResShifts), emp, nil); open == nil {
			aerr = invalid("clock_out", "You are not clocked in")
		}
	}
	now, nerr := c.nowArg("now")
	if aerr == nil {
		aerr = nerr
	}
	if aerr == nil {
		if in, err := time.Parse(time.RFC3339, fmtVal(open["_clock_in_at"])); err == nil && now.Before(in) {
			aerr = invalid("clock_out", "must be after clock_in")
		}
	}
	if aerr != nil {
		c.fail(aerr)
		return
	}
	rec := clone(open)
	rec["clock_out"] = now.Format("15:04")
	if o, ok := c.in["observations"]; ok {
		rec["observations"] = o
	}
	if aerr := c.replace(ResShifts, rec, open); aerr != nil {
		c.fail(aerr)
		return
	}
	c.respond(rec)
}

// toggle clocks out when a shift is open, in otherwise.
func (c *call) toggle() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	if openRecord(c.s.tbl(ResShifts), intOr(c.in["employee_id"]), nil) != nil {
		c.doClockOut()
		return
	}
	c.doClockIn()
}

func isBreak(r map[string]any) bool { return r["workable"] == false }

// breakStart opens a break (a non-workable attendance record); one at a time.
func (c *call) breakStart() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	emp, aerr := c.selfEmployee()
	if aerr == nil && openRecord(c.s.tbl(ResAttendance), emp, isBreak) != nil {
		aerr = invalid("base", "There is already a break in progress")
	}
	now, nerr := c.nowArg("now")
	if aerr == nil {
		aerr = nerr
	}
	if aerr != nil {
		c.fail(aerr)
		return
	}
	rec := map[string]any{
		"employee_id": emp, "clock_in": now.Format(time.RFC3339), "clock_out": nil, "workable": false,
		"observations": c.in["observations"], "time_settings_break_configuration_id": c.in["time_settings_break_configuration_id"],
		"automatic_clock_in": false, "automatic_clock_out": false,
	}
	if aerr := c.insert(ResAttendance, rec); aerr != nil {
		c.fail(aerr)
		return
	}
	c.respond(rec)
}

// breakEnd closes the employee's open break (422 when none).
func (c *call) breakEnd() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	emp, aerr := c.selfEmployee()
	var open map[string]any
	if aerr == nil {
		if open = openRecord(c.s.tbl(ResAttendance), emp, isBreak); open == nil {
			aerr = invalid("base", "There is no break in progress")
		}
	}
	now, nerr := c.nowArg("now")
	if aerr == nil {
		aerr = nerr
	}
	if aerr != nil {
		c.fail(aerr)
		return
	}
	rec := clone(open)
	rec["clock_out"] = now.Format(time.RFC3339)
	if o, ok := c.in["observations"]; ok {
		rec["observations"] = o
	}
	if aerr := c.replace(ResAttendance, rec, open); aerr != nil {
		c.fail(aerr)
		return
	}
	c.respond(rec)
}

// createBreak records a closed break from break_start to break_end.
func (c *call) createBreak() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	emp, aerr := c.selfEmployee()
	start, serr := parseTime(fmtVal(c.in["break_start"]))
	end, eerr := parseTime(fmtVal(c.in["break_end"]))
	switch {
	case aerr != nil:
	case serr != nil:
		aerr = invalid("break_start", "is invalid")
	case eerr != nil:
		aerr = invalid("break_end", "is invalid")
	case end.Before(start):
		aerr = invalid("break_end", "must be after break_start")
	}
	if aerr != nil {
		c.fail(aerr)
		return
	}
	rec := map[string]any{
		"employee_id": emp, "clock_in": start.Format(time.RFC3339), "clock_out": end.Format(time.RFC3339),
		"workable": false, "observations": c.in["observations"],
	}
	if aerr := c.insert(ResAttendance, rec); aerr != nil {
		c.fail(aerr)
		return
	}
	c.respond(rec)
}

// publishShifts publishes the draft planned shifts in the window (and of
// the employees, when given). 201, no body.
func (c *call) publishShifts() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	from, _ := c.in["start_at"].(string)
	to, _ := c.in["end_at"].(string)
	emps := intSlice(c.in["employee_ids"])
	t := c.s.tbl(ResManagedShifts)
	var changed []map[string]any
	t.each(func(r map[string]any) bool {
		start, _ := r["start_at"].(string)
		if r["state"] == "published" || (from != "" && cut(start, from) < from) || (to != "" && cut(start, to) > to) ||
			(len(emps) > 0 && !slices.Contains(emps, intOr(r["employee_id"]))) {
			return true
		}
		changed = append(changed, r)
		return true
	})
	for _, r := range changed {
		r2 := clone(r)
		r2["state"] = "published"
		_ = c.replace(ResManagedShifts, r2, r)
	}
	c.w.WriteHeader(c.rt.status)
}

// ---------------------------------------------------------------- ATS, tasks

// duplicatePosting copies a job posting: title + " Copy", status draft.
func (c *call) duplicatePosting() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	src, aerr := c.lookup(ResJobPostings)
	if aerr != nil {
		c.fail(aerr)
		return
	}
	rec := clone(src)
	delete(rec, "id")
	rec["title"] = fmtVal(src["title"]) + " Copy"
	rec["status"] = "draft"
	rec["candidate_count"] = 0
	_ = c.insert(ResJobPostings, rec)
	c.respond(rec)
}

// resolveTask sets completed_at (done, the default) or clears it.
func (c *call) resolveTask() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	old, aerr := c.lookup(ResTasks)
	if aerr != nil {
		c.fail(aerr)
		return
	}
	rec := clone(old)
	done := true
	if b, ok := toBool(c.in["done"]); ok && c.in["done"] != nil {
		done = b
	}
	rec["completed_at"] = nil
	if done {
		rec["completed_at"] = c.pj.now
	}
	_ = c.replace(ResTasks, rec, old)
	c.respond(rec)
}

// copyTask copies a task (optionally renamed) as not done.
func (c *call) copyTask() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	src, aerr := c.lookup(ResTasks)
	if aerr != nil {
		c.fail(aerr)
		return
	}
	rec := clone(src)
	delete(rec, "id")
	if name, ok := c.in["name"].(string); ok && name != "" {
		rec["name"] = name
	}
	rec["completed_at"] = nil
	_ = c.insert(ResTasks, rec)
	c.respond(rec)
}

// ---------------------------------------------------------------- webhooks

// subscribeWebhook: "if the webhook already exists, it just changes the
// target_url" (v1 subscriptions are unique per type).
func (c *call) subscribeWebhook() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	if existing := webhookOfType(c.s.tbl(ResWebhooks), c.in["type"]); existing != nil {
		rec := clone(existing)
		rec["target_url"] = c.in["target_url"]
		_ = c.replace(ResWebhooks, rec, existing)
		c.respond(rec)
		return
	}
	rec := map[string]any{"type": c.in["type"], "target_url": c.in["target_url"]}
	_ = c.insert(ResWebhooks, rec)
	c.respond(rec)
}

// webhookOfType finds the v1 subscription of an event type (at most one).
func webhookOfType(t *table, typ any) map[string]any {
	var found map[string]any
	t.each(func(r map[string]any) bool {
		if r["type"] == typ {
			found = r
		}
		return found == nil
	})
	return found
}

// unsubscribeWebhook is the legacy DELETE /api/v1/webhooks with {type}.
func (c *call) unsubscribeWebhook() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	t := c.s.tbl(ResWebhooks)
	found := webhookOfType(t, c.in["type"])
	if found == nil {
		c.fail(&apiError{http.StatusNotFound, map[string]any{"errors": "Resource not found"}})
		return
	}
	t.remove(found["id"].(int))
	c.respond(found)
}

// findEmployeeByCode answers the employee a payroll integration code is
// attached to (an empty list for codes of other records).
func (c *call) findEmployeeByCode() {
	c.s.mu.RLock()
	defer c.s.mu.RUnlock()
	code, aerr := c.lookup(ResPayrollIntegrationCodes)
	if aerr != nil {
		c.fail(aerr)
		return
	}
	out := []map[string]any{}
	integration := c.r.URL.Query().Get("integration")
	if code["codeable_type"] == "Employee" && (integration == "" || integration == code["integration"]) {
		if emp := c.s.tbl(ResEmployees).recs[intOr(code["codeable_id"])]; emp != nil {
			out = append(out, emp)
		}
	}
	c.respondList(out)
}

// ---------------------------------------------------------------- permissions

// restrictedFields are what a basic user may not see of other employees
// (the 2022 spec's "Normal Employee" example nulls these).
var restrictedFields = []string{
	"identifier", "identifier_type", "bank_number", "swift_bic", "social_security_number", "tax_id",
	"birthday_on", "gender", "nationality", "country", "city", "state", "postal_code",
	"address_line_1", "address_line_2", "phone_number", "hiring", "company_identifier",
	"termination_reason", "termination_reason_type", "termination_observations", "timeoff_policy_id",
	"contact_name", "contact_number",
}

// restrict nulls the restricted fields of a projected employee; a
// non-nullable object (hiring) keeps its shape with null members.
func restrict(pj projector, item *shape, v any) {
	out, ok := v.(*object)
	if !ok || item == nil {
		return
	}
	for _, f := range restrictedFields {
		ps := item.props[f]
		switch {
		case ps == nil:
		case ps.nullable:
			out.set(f, nil)
		case ps.kind == shObject:
			out.set(f, pj.object(ps, nil))
		}
	}
}

// ---------------------------------------------------------------- helpers

func setDefault(rec map[string]any, k string, v any) {
	if rec[k] == nil {
		rec[k] = v
	}
}

func intOr(v any) int {
	n, _ := toInt(v)
	return n
}
