package sandbox

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Dated API: trainings. Only the dated API has them, each resource in a
// table of its own. A training has classes (groups) and sessions; people
// are enrolled in a training (training memberships, by employee) and
// invited to sessions (session access memberships), and each invitation
// carries one attendance record. What the answers total or derive (a
// training's costs and participants, a class's gross and net cost and its
// attendance counts, a session's attendance ids, a membership's due date)
// is computed at read time from those tables.

// Tables of the trainings namespace that hand-written code names.
const (
	ResTrainingCategories   = "trainings_categories"
	ResTrainings            = "trainings_trainings"
	ResTrainingClasses      = "trainings_training_classes"
	ResTrainingSessions     = "trainings_sessions"
	ResSessionAccessMembers = "trainings_session_access_memberships"
	ResSessionAttendances   = "trainings_session_attendances"
	ResTrainingMemberships  = "trainings_training_memberships"
)

const (
	// expiryWarningMonths: number_of_expired_participants counts the
	// completions that have expired or expire within this many months.
	expiryWarningMonths = 3
	// sessionAttendanceCompleted is the attendance status that carries a
	// completed duration.
	sessionAttendanceCompleted = "completed"
)

// trainingStatuses and sessionAttendanceStatuses are the values of
// TrainingStatus and TrainingSessionAttendanceStatus.
var (
	trainingStatuses          = []string{"draft", "active", "deleted"}
	sessionAttendanceStatuses = []string{"pending", "missing", "inprogress", sessionAttendanceCompleted}
)

// decimalString writes an amount as Factorial writes decimal strings:
// at least one decimal (100 is "100.0", 12.25 is "12.25").
func decimalString(f float64) string {
	s := strconv.FormatFloat(f, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

// decimalOf reads a decimal string (or a number) as a float; ok is false
// for anything else.
func decimalOf(v any) (float64, bool) {
	switch x := v.(type) {
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil
	case int:
		return float64(x), true
	case float64:
		return x, true
	}
	return 0, false
}

// checkDecimals refuses (422) a decimal-string field of rec that is not a
// number, as a Rails numericality validation does.
func checkDecimals(rec map[string]any, fields ...string) *apiError {
	for _, f := range fields {
		if v, ok := rec[f]; ok && v != nil {
			if _, ok := decimalOf(v); !ok {
				return invalid(f, "is not a number")
			}
		}
	}
	return nil
}

// prepareTraining: the categories named exist (422); a new training
// defaults its flags, costs and status so that the list's filters see
// them, and its author is the caller's access when none is given.
func prepareTraining(c *call, rec, old map[string]any) *apiError {
	for _, x := range listOf(rec["category_ids"]) {
		id, _ := x.(int)
		if c.s.tbl(ResTrainingCategories).recs[id] == nil {
			return invalid("category_ids", "The category "+fmtVal(x)+" does not exist")
		}
	}
	if aerr := checkDecimals(rec, "cost_decimal", "subsidized_cost_decimal"); aerr != nil {
		return aerr
	}
	if old != nil {
		return nil
	}
	setDefault(rec, "company_id", demoCompanyID)
	setDefault(rec, "status", "draft")
	for _, f := range []string{"catalog", "is_mandatory", "external", "fundae_subsidized", "subsidized"} {
		setDefault(rec, f, false)
	}
	setDefault(rec, "cost", 0)
	setDefault(rec, "subsidized_cost", 0)
	setDefault(rec, "total_duration", 0)
	setDefault(rec, "category_ids", []any{})
	setDefault(rec, "competency_ids", []any{})
	if rec["author_id"] == nil && c.p.EmployeeID != 0 && !c.p.APIKey && !c.p.Company {
		if a := c.s.accessOf(c.p.EmployeeID); a != 0 {
			rec["author_id"] = a
		}
	}
	return nil
}

// viewTraining derives a training's answer: decimal costs from the whole
// ones where none was written, the totals over its classes, its
// participants, the caller's own progress, the author's employee, and,
// when a list asks for it, the participants whose completion has
// expired or expires soon.
func viewTraining(c *call, v map[string]any) {
	setDefault(v, "company_id", demoCompanyID)
	id := intOr(v["id"])
	for _, f := range []string{"cost", "subsidized_cost"} {
		if v[f+"_decimal"] == nil {
			n, _ := decimalOf(v[f])
			v[f+"_decimal"] = decimalString(n)
		}
	}
	cost, _ := decimalOf(v["cost_decimal"])
	v["total_cost_decimal"] = decimalString(cost)
	v["total_cost"] = int(cost)
	// Categories deleted since are no longer listed.
	cats := []any{}
	for _, x := range listOf(v["category_ids"]) {
		if c.s.tbl(ResTrainingCategories).recs[intOr(x)] != nil {
			cats = append(cats, x)
		}
	}
	v["category_ids"] = cats
	var direct, indirect, salary, subsidized float64
	c.s.tbl(ResTrainingClasses).each(func(cl map[string]any) bool {
		if intOr(cl["training_id"]) == id {
			for f, sum := range map[string]*float64{"cost": &direct, "indirect_cost": &indirect, "salary_cost": &salary, "subsidized_cost": &subsidized} {
				n, _ := decimalOf(cl[f])
				*sum += n
			}
		}
		return true
	})
	v["total_training_cost"] = decimalString(direct)
	v["total_training_indirect_cost"] = decimalString(indirect)
	v["total_training_salary_cost"] = decimalString(salary)
	v["total_training_subsidized_cost"] = decimalString(subsidized)
	members := c.trainingMembers(id)
	v["total_participants"] = len(members)
	v["training_attendance_status"] = "notassigned"
	if c.p.EmployeeID != 0 && !c.p.APIKey && !c.p.Company {
		for _, m := range members {
			if intOr(m["employee_id"]) == c.p.EmployeeID {
				v["training_attendance_status"] = m["status"]
			}
		}
	}
	if a, ok := toInt(v["author_id"]); ok {
		if emp, found := c.s.employeeOfAccess(a); found {
			v["author_employee_id"] = emp
		}
	}
	v["number_of_expired_participants"] = nil
	if c.r == nil || c.rt.kind != kindList {
		return
	}
	if want, _ := queryBool(c.r.URL.Query(), "return_expired_memberships"); want && v["valid_for"] != nil {
		v["number_of_expired_participants"] = c.expiringMembers(v, members)
	}
}

// trainingMembers lists the memberships of a training. The caller holds
// the lock.
func (c *call) trainingMembers(training int) []map[string]any {
	var out []map[string]any
	c.s.tbl(ResTrainingMemberships).each(func(m map[string]any) bool {
		if intOr(m["training_id"]) == training {
			out = append(out, m)
		}
		return true
	})
	return out
}

// membershipDueDate is when a membership's completion expires: the day it
// was completed plus the training's validity in years; "" when either is
// missing. The caller holds the lock.
func (c *call) membershipDueDate(m map[string]any) string {
	t := c.s.tbl(ResTrainings).recs[intOr(m["training_id"])]
	if t == nil {
		return ""
	}
	years, ok := toInt(t["valid_for"])
	done, _ := m["training_completed_at"].(string)
	if !ok || years <= 0 || len(done) < 10 {
		return ""
	}
	d, err := time.Parse("2006-01-02", done[:10])
	if err != nil {
		return ""
	}
	return d.AddDate(years, 0, 0).Format("2006-01-02")
}

// expiringMembers counts the members whose completion has expired or
// expires within expiryWarningMonths. The caller holds the lock.
func (c *call) expiringMembers(training map[string]any, members []map[string]any) int {
	limit := c.today().AddDate(0, expiryWarningMonths, 0).Format("2006-01-02")
	n := 0
	for _, m := range members {
		if due := c.membershipDueDate(m); due != "" && due <= limit {
			n++
		}
	}
	return n
}

// today is the sandbox clock's current day, in UTC.
func (c *call) today() time.Time {
	d, _ := time.Parse(time.DateOnly, c.pj.today)
	return d
}

// viewTrainingMembership: the access of the employee and the due date of
// a completed training that expires.
func viewTrainingMembership(c *call, v map[string]any) {
	if a := c.s.accessOf(intOr(v["employee_id"])); a != 0 {
		v["access_id"] = a
	}
	v["training_due_date"] = nil
	if due := c.membershipDueDate(v); due != "" {
		v["training_due_date"] = due
	}
}

// prepareTrainingClass: the training exists and the author is an access
// of the company (422); costs are decimal strings.
func prepareTrainingClass(c *call, rec, old map[string]any) *apiError {
	if c.s.tbl(ResTrainings).recs[intOr(rec["training_id"])] == nil {
		return invalid("training_id", "The training does not exist")
	}
	if old == nil {
		if _, ok := c.s.employeeOfAccess(intOr(rec["author_id"])); !ok {
			return invalid("author_id", "The author does not exist")
		}
	}
	return checkDecimals(rec, "cost", "subsidized_cost", "indirect_cost", "salary_cost")
}

// viewTrainingClass: gross cost is direct plus indirect plus salary
// costs, net cost the gross less the subsidised part; the attendance
// counts are those of the class's sessions.
func viewTrainingClass(c *call, v map[string]any) {
	sum := func(fields ...string) float64 {
		var t float64
		for _, f := range fields {
			n, _ := decimalOf(v[f])
			t += n
		}
		return t
	}
	for _, f := range []string{"cost", "indirect_cost", "salary_cost", "subsidized_cost"} {
		n, _ := decimalOf(v[f])
		v[f] = decimalString(n)
	}
	gross := sum("cost", "indirect_cost", "salary_cost")
	v["gross_cost"] = decimalString(gross)
	v["net_cost"] = decimalString(gross - sum("subsidized_cost"))
	setDefault(v, "currency", "EUR")
	id := intOr(v["id"])
	total, done := 0, 0
	c.s.tbl(ResSessionAttendances).each(func(a map[string]any) bool {
		if s := c.sessionOfAttendance(a); s != nil && intOr(s["training_class_id"]) == id && id != 0 {
			total++
			if a["status"] == sessionAttendanceCompleted {
				done++
			}
		}
		return true
	})
	v["total_attendances_count"], v["completed_attendances_count"] = total, done
}

// sessionOfAttendance is the session an attendance belongs to, through
// its invitation (nil when either is gone). The caller holds the lock.
func (c *call) sessionOfAttendance(a map[string]any) map[string]any {
	m := c.s.tbl(ResSessionAccessMembers).recs[intOr(a["session_access_membership_id"])]
	if m == nil {
		return nil
	}
	return c.s.tbl(ResTrainingSessions).recs[intOr(m["session_id"])]
}

// prepareTrainingSession: the training exists, and a class named exists
// and belongs to that training (422); subsidized defaults to false.
func prepareTrainingSession(c *call, rec, old map[string]any) *apiError {
	training := intOr(rec["training_id"])
	if c.s.tbl(ResTrainings).recs[training] == nil {
		return invalid("training_id", "The training does not exist")
	}
	if cl, named := rec["training_class_id"]; named && cl != nil {
		class := c.s.tbl(ResTrainingClasses).recs[intOr(cl)]
		if class == nil {
			return invalid("training_class_id", "The training class does not exist")
		}
		if intOr(class["training_id"]) != training {
			return invalid("training_class_id", "The training class belongs to another training")
		}
	}
	if aerr := checkDecimals(rec, "duration"); aerr != nil {
		return aerr
	}
	setDefault(rec, "subsidized", false)
	return nil
}

// viewTrainingSession lists the attendance records of the people invited.
func viewTrainingSession(c *call, v map[string]any) {
	id := intOr(v["id"])
	ids := []any{}
	c.s.tbl(ResSessionAttendances).each(func(a map[string]any) bool {
		if s := c.sessionOfAttendance(a); s != nil && intOr(s["id"]) == id {
			ids = append(ids, a["id"])
		}
		return true
	})
	v["session_attendance_ids"] = ids
}

// viewSessionAccessMember names the person invited: access, employee,
// first and last name, and the job title of their latest contract.
func viewSessionAccessMember(c *call, v map[string]any) {
	emp := intOr(v["employee_id"])
	if a := c.s.accessOf(emp); a != 0 {
		v["access_id"] = a
	}
	if e := c.s.tbl(ResEmployees).recs[emp]; e != nil {
		v["first_name"], v["last_name"] = e["first_name"], e["last_name"]
	}
	c.s.tbl(ResContractVersions).each(func(cv map[string]any) bool {
		if intOr(cv["employee_id"]) == emp && emp != 0 && cv["job_title"] != nil {
			v["job_title"] = cv["job_title"]
		}
		return true
	})
}

// viewSessionAttendance: the employee of the attendance's access.
func viewSessionAttendance(c *call, v map[string]any) {
	if emp, ok := c.s.employeeOfAccess(intOr(v["access_id"])); ok {
		v["employee_id"] = emp
	}
	if v["status"] != sessionAttendanceCompleted {
		v["completed_duration"] = nil
	}
}

// sessionDeleted removes a deleted session's invitations and their
// attendance records. The caller holds the write lock.
func sessionDeleted(s *Sandbox, rec map[string]any) {
	id := intOr(rec["id"])
	var members []int
	s.tbl(ResSessionAccessMembers).each(func(m map[string]any) bool {
		if intOr(m["session_id"]) == id {
			members = append(members, intOr(m["id"]))
		}
		return true
	})
	for _, m := range members {
		s.removeSessionMember(m)
	}
}

// removeSessionMember removes one invitation and its attendance records.
// The caller holds the write lock.
func (s *Sandbox) removeSessionMember(id int) {
	var atts []int
	s.tbl(ResSessionAttendances).each(func(a map[string]any) bool {
		if intOr(a["session_access_membership_id"]) == id {
			atts = append(atts, intOr(a["id"]))
		}
		return true
	})
	for _, a := range atts {
		s.tbl(ResSessionAttendances).remove(a)
	}
	s.tbl(ResSessionAccessMembers).remove(id)
}

// employeesNamed turns the access ids and employee ids a request names
// into employee ids, in order and without repeats; 422 naming the first
// that is no access or employee of the company. The caller holds the lock.
func (c *call) employeesNamed() ([]int, *apiError) {
	var out []int
	add := func(emp int) {
		if !slices.Contains(out, emp) {
			out = append(out, emp)
		}
	}
	for _, x := range listOf(c.in["access_ids"]) {
		a, _ := x.(int)
		emp, ok := c.s.employeeOfAccess(a)
		if !ok {
			return nil, invalid("access_ids", "The access "+fmtVal(x)+" does not exist")
		}
		add(emp)
	}
	for _, x := range listOf(c.in["employee_ids"]) {
		emp, _ := x.(int)
		if c.s.tbl(ResEmployees).recs[emp] == nil {
			return nil, invalid("employee_ids", "The employee "+fmtVal(x)+" does not exist")
		}
		add(emp)
	}
	return out, nil
}

// createSessionAccessMembers invites people to a session: one invitation
// and one pending attendance record per person not yet invited; the
// answer lists the new invitations. The session must exist (422).
func (c *call) createSessionAccessMembers() {
	c.locked(writeLock, func() *apiError {
		session, _ := c.in["session_id"].(int)
		if c.s.tbl(ResTrainingSessions).recs[session] == nil {
			return invalid("session_id", "The session does not exist")
		}
		emps, aerr := c.employeesNamed()
		if aerr != nil {
			return aerr
		}
		invited := map[int]bool{}
		c.s.tbl(ResSessionAccessMembers).each(func(m map[string]any) bool {
			if intOr(m["session_id"]) == session {
				invited[intOr(m["employee_id"])] = true
			}
			return true
		})
		out := []map[string]any{}
		for _, emp := range emps {
			if invited[emp] {
				continue
			}
			m := map[string]any{"session_id": session, "employee_id": emp, "access_id": c.s.accessOf(emp)}
			if aerr := c.insert(ResSessionAccessMembers, m); aerr != nil {
				return aerr
			}
			att := map[string]any{"session_access_membership_id": m["id"], "access_id": m["access_id"], "status": "pending"}
			if aerr := c.insert(ResSessionAttendances, att); aerr != nil {
				return aerr
			}
			out = append(out, c.decorate(m))
		}
		c.respondList(out)
		return nil
	})
}

// deleteSessionAccessMembers withdraws every invitation named, with its
// attendance records, or none when one id names no invitation (404).
func (c *call) deleteSessionAccessMembers() {
	c.locked(writeLock, func() *apiError {
		recs, aerr := c.recordsByIDs(ResSessionAccessMembers, listOf(c.in["ids"]))
		if aerr != nil {
			return aerr
		}
		out := make([]map[string]any, 0, len(recs))
		for _, rec := range recs {
			out = append(out, c.decorate(rec))
			c.s.removeSessionMember(intOr(rec["id"]))
		}
		c.respondList(out)
		return nil
	})
}

// updateSessionAttendances sets the status or the completed duration of
// every attendance named, all or nothing: an id naming none is 404; an
// unknown status, a duration that is no number, or a duration without a
// status for an attendance that is not completed is 422. Completing an
// attendance records the session's duration unless one is sent; any
// other status clears it.
func (c *call) updateSessionAttendances() {
	c.locked(writeLock, func() *apiError {
		olds, aerr := c.recordsByIDs(ResSessionAttendances, listOf(c.in["ids"]))
		if aerr != nil {
			return aerr
		}
		status, hasStatus := c.in["status"].(string)
		if _, set := c.in["status"]; set && (!hasStatus || !slices.Contains(sessionAttendanceStatuses, status)) {
			return invalid("status", "is not included in the list")
		}
		duration, hasDuration := c.in["completed_duration"]
		if hasDuration {
			if _, ok := decimalOf(duration); !ok {
				return invalid("completed_duration", "is not a number")
			}
		}
		recs := make([]map[string]any, len(olds))
		for i, old := range olds {
			rec := clone(old)
			switch {
			case hasStatus && status == sessionAttendanceCompleted:
				rec["status"] = status
				rec["completed_duration"] = duration
				if !hasDuration {
					rec["completed_duration"] = nil
					if s := c.sessionOfAttendance(old); s != nil {
						rec["completed_duration"] = s["duration"]
					}
				}
			case hasStatus:
				rec["status"], rec["completed_duration"] = status, nil
			case hasDuration:
				if old["status"] != sessionAttendanceCompleted {
					return invalid("completed_duration", "can only be set on completed attendances")
				}
				rec["completed_duration"] = duration
			}
			rec["updated_at"] = c.pj.now
			recs[i] = rec
		}
		out := make([]map[string]any, len(recs))
		for i, rec := range recs {
			c.s.store(ResSessionAttendances).insert(rec)
			out[i] = c.decorate(rec)
		}
		c.respondList(out)
		return nil
	})
}

// deleteTrainingsInBulk deletes every training named, or none when one
// id names no training (404), and answers the deleted trainings.
func (c *call) deleteTrainingsInBulk() {
	c.locked(writeLock, func() *apiError {
		recs, aerr := c.recordsByIDs(ResTrainings, listOf(c.in["ids"]))
		if aerr != nil {
			return aerr
		}
		out := make([]map[string]any, 0, len(recs))
		for _, rec := range recs {
			out = append(out, c.decorate(rec))
			c.s.tbl(ResTrainings).remove(intOr(rec["id"]))
		}
		c.respondList(out)
		return nil
	})
}

// setTrainingsCatalog shows or hides every training named in the
// catalog, or none when one id names no training (404).
func (c *call) setTrainingsCatalog() {
	c.locked(writeLock, func() *apiError {
		olds, aerr := c.recordsByIDs(ResTrainings, listOf(c.in["ids"]))
		if aerr != nil {
			return aerr
		}
		catalog, ok := c.in["catalog"].(bool)
		if !ok {
			return invalid("catalog", "is not included in the list")
		}
		out := make([]map[string]any, 0, len(olds))
		for _, old := range olds {
			rec := clone(old)
			rec["catalog"], rec["updated_at"] = catalog, c.pj.now
			c.s.store(ResTrainings).insert(rec)
			out = append(out, c.decorate(rec))
		}
		c.respondList(out)
		return nil
	})
}

// updateTrainingStatus moves the training the body's id names (404) to
// draft, active or deleted (any other status is 422).
func (c *call) updateTrainingStatus() {
	c.edit(ResTrainings, func(rec map[string]any) *apiError {
		status, _ := c.in["status"].(string)
		if !slices.Contains(trainingStatuses, status) {
			return invalid("status", "is not included in the list")
		}
		rec["status"] = status
		return nil
	})
}

// createTrainingMemberships enrols each employee named who is not yet
// enrolled in the training, as not started; the training and every
// employee must exist (422). The answer lists the new memberships.
func (c *call) createTrainingMemberships() {
	c.locked(writeLock, func() *apiError {
		training, _ := c.in["training_id"].(int)
		if c.s.tbl(ResTrainings).recs[training] == nil {
			return invalid("training_id", "The training does not exist")
		}
		emps, aerr := c.employeesNamed()
		if aerr != nil {
			return aerr
		}
		enrolled := map[int]bool{}
		for _, m := range c.trainingMembers(training) {
			enrolled[intOr(m["employee_id"])] = true
		}
		out := []map[string]any{}
		for _, emp := range emps {
			if enrolled[emp] {
				continue
			}
			m := map[string]any{"training_id": training, "employee_id": emp, "access_id": c.s.accessOf(emp), "status": "notstarted"}
			if aerr := c.insert(ResTrainingMemberships, m); aerr != nil {
				return aerr
			}
			out = append(out, c.decorate(m))
		}
		c.respondList(out)
		return nil
	})
}

// deleteTrainingMemberships removes the memberships named (404 when one
// id names none), or, with all true, every membership of training_id
// except those named (training_id missing or naming no training: 422).
func (c *call) deleteTrainingMemberships() {
	c.locked(writeLock, func() *apiError {
		ids := listOf(c.in["ids"])
		keep := map[int]bool{}
		for _, x := range ids {
			if id, ok := numericID(x); ok {
				keep[id] = true
			}
		}
		var recs []map[string]any
		if all, _ := c.in["all"].(bool); all {
			training, _ := c.in["training_id"].(int)
			if c.in["training_id"] == nil {
				return invalid("training_id", "can't be blank")
			}
			if c.s.tbl(ResTrainings).recs[training] == nil {
				return invalid("training_id", "The training does not exist")
			}
			for _, m := range c.trainingMembers(training) {
				if !keep[intOr(m["id"])] {
					recs = append(recs, m)
				}
			}
		} else {
			var aerr *apiError
			if recs, aerr = c.recordsByIDs(ResTrainingMemberships, ids); aerr != nil {
				return aerr
			}
		}
		out := make([]map[string]any, 0, len(recs))
		for _, rec := range recs {
			out = append(out, c.decorate(rec))
			c.s.tbl(ResTrainingMemberships).remove(intOr(rec["id"]))
		}
		c.respondList(out)
		return nil
	})
}

// nameContains reports whether an employee's first, last or full name
// contains needle (already lower-cased). The caller holds the lock.
func (c *call) nameContains(emp int, needle string) bool {
	e := c.s.tbl(ResEmployees).recs[emp]
	if e == nil {
		return false
	}
	for _, f := range []string{"first_name", "last_name", "full_name"} {
		if s, _ := e[f].(string); strings.Contains(strings.ToLower(s), needle) {
			return true
		}
	}
	return false
}

// sessionsOfEmployee lists the sessions an employee is invited to. The
// caller holds the lock.
func (c *call) sessionsOfEmployee(emp int) []int {
	var out []int
	c.s.tbl(ResSessionAccessMembers).each(func(m map[string]any) bool {
		if intOr(m["employee_id"]) == emp {
			out = append(out, intOr(m["session_id"]))
		}
		return true
	})
	return out
}

// instantOf parses a timestamp parameter or field (RFC 3339, or a bare day).
func instantOf(v any) (time.Time, bool) {
	s, _ := v.(string)
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05.000Z07:00", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	return time.Time{}, false
}

// trainingSessionFilter applies a session list's name search, start
// window, upcoming-only selection and the invited person's access or
// employee id.
func trainingSessionFilter(c *call, q url.Values) func(v map[string]any) bool {
	needle := strings.ToLower(q.Get("search"))
	// A bound that is no timestamp selects nothing, as an unknown value of
	// any other filter does.
	after, afterOK := instantOf(q.Get("start_after"))
	before, beforeOK := instantOf(q.Get("start_before"))
	byAfter, byBefore := q.Has("start_after"), q.Has("start_before")
	next, _ := queryBool(q, "next")
	now, _ := instantOf(c.pj.now)
	var invited []int
	byPerson := q.Has("employee_id") || q.Has("access_id")
	if emp, err := strconv.Atoi(q.Get("employee_id")); err == nil {
		invited = append(invited, c.sessionsOfEmployee(emp)...)
	}
	if a, err := strconv.Atoi(q.Get("access_id")); err == nil {
		if emp, ok := c.s.employeeOfAccess(a); ok {
			invited = append(invited, c.sessionsOfEmployee(emp)...)
		}
	}
	return func(v map[string]any) bool {
		start, hasStart := instantOf(v["starts_at"])
		switch {
		case needle != "" && !textContains(v, "name", needle):
			return false
		case byAfter && (!afterOK || !hasStart || !start.After(after)):
			return false
		case byBefore && (!beforeOK || !hasStart || !start.Before(before)):
			return false
		case next && (!hasStart || start.Before(now)):
			return false
		case byPerson && !slices.Contains(invited, intOr(v["id"])):
			return false
		}
		return true
	}
}

// sessionMemberFilter applies an invitation list's name search, teams
// and attendance states.
func sessionMemberFilter(c *call, q url.Values) func(v map[string]any) bool {
	needle := strings.ToLower(q.Get("search"))
	teams := queryIDs(q, "team_ids[]")
	members := c.teamMembers(teams)
	statuses := q["status[]"]
	status := map[int]string{}
	if len(statuses) > 0 {
		c.s.tbl(ResSessionAttendances).each(func(a map[string]any) bool {
			status[intOr(a["session_access_membership_id"])] = fmtVal(a["status"])
			return true
		})
	}
	return func(v map[string]any) bool {
		emp := intOr(v["employee_id"])
		switch {
		case needle != "" && !c.nameContains(emp, needle):
			return false
		case q.Has("team_ids[]") && !slices.Contains(members, emp):
			return false
		case len(statuses) > 0 && !slices.Contains(statuses, status[intOr(v["id"])]):
			return false
		}
		return true
	}
}

// sessionAttendanceFilter selects the attendances of one session.
func sessionAttendanceFilter(c *call, q url.Values) func(v map[string]any) bool {
	if !q.Has("session_id") {
		return nil
	}
	session, _ := strconv.Atoi(q.Get("session_id"))
	return func(v map[string]any) bool {
		s := c.sessionOfAttendance(v)
		return s != nil && intOr(s["id"]) == session && session != 0
	}
}

// trainingFilter applies a training list's text search (name,
// description, category names), the enrolment of an access, the caller's
// own enrolment, expiring completions and classes running today.
func trainingFilter(c *call, q url.Values) func(v map[string]any) bool {
	needle := strings.ToLower(q.Get("search"))
	assigned, _ := queryBool(q, "only_assigned")
	expired, byExpired := queryBool(q, "with_expired_memberships")
	current, _ := queryBool(q, "with_current_training_classes")
	byAccess := q.Has("access_id")
	accessEmp := -1
	if a, err := strconv.Atoi(q.Get("access_id")); err == nil {
		if emp, ok := c.s.employeeOfAccess(a); ok {
			accessEmp = emp
		}
	}
	caller := -1
	if c.p.EmployeeID != 0 && !c.p.APIKey && !c.p.Company {
		caller = c.p.EmployeeID
	}
	today := c.today().Format("2006-01-02")
	enrolled := func(training, emp int) bool {
		return slices.ContainsFunc(c.trainingMembers(training), func(m map[string]any) bool { return intOr(m["employee_id"]) == emp })
	}
	return func(v map[string]any) bool {
		id := intOr(v["id"])
		if needle != "" && !textContains(v, "name", needle) && !textContains(v, "description", needle) &&
			!slices.ContainsFunc(listOf(v["category_ids"]), func(x any) bool {
				cat := c.s.tbl(ResTrainingCategories).recs[intOr(x)]
				return cat != nil && textContains(cat, "name", needle)
			}) {
			return false
		}
		if byAccess && !enrolled(id, accessEmp) {
			return false
		}
		if assigned && !enrolled(id, caller) {
			return false
		}
		if byExpired && (v["valid_for"] != nil && c.expiringMembers(v, c.trainingMembers(id)) > 0) != expired {
			return false
		}
		if current {
			running := false
			c.s.tbl(ResTrainingClasses).each(func(cl map[string]any) bool {
				start, _ := cl["start_date"].(string)
				end, _ := cl["end_date"].(string)
				if intOr(cl["training_id"]) == id && start != "" && start <= today && (end == "" || today <= end) {
					running = true
					return false
				}
				return true
			})
			if !running {
				return false
			}
		}
		return true
	}
}

// trainingMembershipFilter applies a membership list's name search, team,
// class (the people invited to a session of the class) and due date:
// overdue, none, or within a number of days from today (anything else
// selects nothing).
func trainingMembershipFilter(c *call, q url.Values) func(v map[string]any) bool {
	needle := strings.ToLower(q.Get("search"))
	var team []int
	if id, err := strconv.Atoi(q.Get("team_id")); err == nil {
		team = c.teamMembers([]int{id})
	}
	var inClass []int
	if class, err := strconv.Atoi(q.Get("class_id")); err == nil {
		c.s.tbl(ResSessionAccessMembers).each(func(m map[string]any) bool {
			s := c.s.tbl(ResTrainingSessions).recs[intOr(m["session_id"])]
			if s != nil && intOr(s["training_class_id"]) == class {
				inClass = append(inClass, intOr(m["employee_id"]))
			}
			return true
		})
	}
	due := q.Get("due_date")
	today := c.today()
	days, dueErr := strconv.Atoi(due)
	return func(v map[string]any) bool {
		emp := intOr(v["employee_id"])
		switch {
		case needle != "" && !c.nameContains(emp, needle):
			return false
		case q.Has("team_id") && !slices.Contains(team, emp):
			return false
		case q.Has("class_id") && !slices.Contains(inClass, emp):
			return false
		}
		if due == "" {
			return true
		}
		d := c.membershipDueDate(v)
		switch {
		case due == "no_due_date":
			return d == ""
		case due == "overdue":
			return d != "" && d < today.Format("2006-01-02")
		case dueErr == nil && days >= 0:
			return d != "" && d >= today.Format("2006-01-02") && d <= today.AddDate(0, 0, days).Format("2006-01-02")
		}
		return false
	}
}
