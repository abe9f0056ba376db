package sandbox

// The dated API's time tracking beyond clocking in and out (scope
// time_tracking): requests to edit a timesheet or count overtime, reviews
// of timesheet days, the open shifts, expected and worked time per day
// computed from the other records, the company's kinds of break (time
// settings) and each employee's switch for them, planned breaks and
// planning versions (time planning), and work schedules with their periods
// of the year and their weekdays.

import (
	"math"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// maxRangeDays bounds the date ranges of the computed lists and the bulk
// reviews: a year, as autofill's.
const maxRangeDays = 366

// byBodyID finds the record of resource the body's id names (404).
func byBodyID(resource string) finder {
	return func(c *call) (map[string]any, *apiError) {
		id, ok := toInt(c.in["id"])
		rec := c.s.tbl(resource).recs[id]
		if !ok || rec == nil {
			return nil, notFound(fmtVal(c.in["id"]))
		}
		return rec, nil
	}
}

// dayRange reads two YYYY-MM-DD values as an inclusive range of at most
// maxRangeDays days (422 naming the field otherwise).
func dayRange(startName, start, endName, end string) (time.Time, time.Time, *apiError) {
	from, err := time.Parse(time.DateOnly, start)
	if err != nil {
		return time.Time{}, time.Time{}, invalid(startName, "is not a date (YYYY-MM-DD)")
	}
	to, err := time.Parse(time.DateOnly, end)
	if err != nil {
		return time.Time{}, time.Time{}, invalid(endName, "is not a date (YYYY-MM-DD)")
	}
	if to.Before(from) {
		return time.Time{}, time.Time{}, invalid(endName, "must be on or after "+startName)
	}
	if to.Sub(from) > maxRangeDays*24*time.Hour {
		return time.Time{}, time.Time{}, invalid(endName, "must be within a year of "+startName)
	}
	return from, to, nil
}

// requireParams answers 400 for the first of the names the query lacks.
func requireParams(q url.Values, names ...string) *apiError {
	for _, n := range names {
		if strings.TrimSpace(strings.Join(q[n], "")) == "" {
			return missingParam(n)
		}
	}
	return nil
}

// ------------------------------------------------------------ time settings and employee switches

// prepareTimeBreakConfig: a new kind of break is not archived.
func prepareTimeBreakConfig(c *call, rec, old map[string]any) *apiError {
	setDefault(rec, "archived", false)
	return nil
}

// prepareEmployeeBreakConfig: the kind of break exists (422).
func prepareEmployeeBreakConfig(c *call, rec, old map[string]any) *apiError {
	if c.s.tbl(ResTimeBreakConfigs).recs[intOr(rec["time_settings_break_configuration_id"])] == nil {
		return invalid("time_settings_break_configuration_id", "The break configuration does not exist")
	}
	return nil
}

// viewEmployeeBreakConfig: name and paid are the kind of break's.
func viewEmployeeBreakConfig(c *call, v map[string]any) {
	if b := c.s.tbl(ResTimeBreakConfigs).recs[intOr(v["time_settings_break_configuration_id"])]; b != nil {
		v["name"], v["paid"] = b["name"], b["paid"]
	}
}

// ------------------------------------------------------------ edit timesheet requests

// prepareEditTimesheetRequest: the employee exists; a request to change or
// remove a shift names an existing shift, one to create a shift gives its
// day; a decided request (approved true or false) no longer changes (422).
func prepareEditTimesheetRequest(c *call, rec, old map[string]any) *apiError {
	if old != nil && old["approved"] != nil {
		return invalid("base", "A decided edit timesheet request can no longer be changed")
	}
	if c.existing(ResEmployees, rec["employee_id"]) == nil {
		return invalid("employee_id", "The employee does not exist")
	}
	switch rec["request_type"] {
	case "update_shift", "delete_shift":
		if c.s.tbl(ResShifts).recs[intOr(rec["attendance_shift_id"])] == nil {
			return invalid("attendance_shift_id", "The shift does not exist")
		}
	case "create_shift":
		if rec["date"] == nil {
			return invalid("date", msgBlank)
		}
	}
	if old == nil {
		rec["approved"] = nil
		setDefault(rec, "workable", true)
	}
	return nil
}

// editTimesheetFilter: shift_id names the shift, pending selects undecided
// requests, start_on and end_on bound the day of creation.
func editTimesheetFilter(c *call, q url.Values) func(v map[string]any) bool {
	shift := q.Get("shift_id")
	pending, byPending := queryBool(q, "pending")
	from, to := q.Get("start_on"), q.Get("end_on")
	return func(v map[string]any) bool {
		created := cut(fmtVal(v["created_at"]), "YYYY-MM-DD")
		return (shift == "" || fmtVal(v["attendance_shift_id"]) == shift) &&
			(!byPending || (v["approved"] == nil) == pending) &&
			(from == "" || created >= from) && (to == "" || created <= to)
	}
}

// ------------------------------------------------------------ overtime requests

// prepareOvertimeRequest: a new request is pending and its employee exists;
// hours_amount (hours) is kept as hours_amount_in_cents; the day is a
// date; a decided request no longer changes (422), except through the
// decision itself.
func prepareOvertimeRequest(c *call, rec, old map[string]any) *apiError {
	if old != nil && old["status"] != "pending" && rec["status"] == old["status"] {
		return invalid("base", "Only a pending overtime request can be changed")
	}
	if old == nil {
		if c.existing(ResEmployees, rec["employee_id"]) == nil {
			return invalid("employee_id", "The employee does not exist")
		}
		rec["status"] = "pending"
	}
	if d, ok := rec["date"].(string); ok {
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			return invalid("date", "is not a date (YYYY-MM-DD)")
		}
	}
	if h, ok := rec["hours_amount"]; ok {
		delete(rec, "hours_amount")
		if h != nil {
			f, ok := toFloat(h)
			if !ok || f < 0 || f > 24 {
				return invalid("hours_amount", "must be between 0 and 24")
			}
			rec["hours_amount_in_cents"] = int(math.Round(f * 100))
		}
	}
	return nil
}

// viewOvertimeRequest: approver says whether the caller may decide
// (admins, API keys, company tokens); a pending request is editable; the
// approver's name is the employee's.
func viewOvertimeRequest(c *call, v map[string]any) {
	v["approver"] = c.p.privileged()
	v["is_editable"] = v["status"] == "pending"
	v["approver_full_name"] = nil
	if e := c.s.tbl(ResEmployees).recs[intOr(v["approver_id"])]; e != nil && v["approver_id"] != nil {
		v["approver_full_name"] = e["full_name"]
	}
}

// dateBetween is the filter of start_on and end_on on a record's date; a
// bound that is not a date matches nothing.
func dateBetween(field string) func(c *call, q url.Values) func(v map[string]any) bool {
	return func(c *call, q url.Values) func(v map[string]any) bool {
		from, to := q.Get("start_on"), q.Get("end_on")
		if from == "" && to == "" {
			return nil
		}
		for _, b := range []string{from, to} {
			if _, err := time.Parse(time.DateOnly, b); b != "" && err != nil {
				return func(map[string]any) bool { return false }
			}
		}
		return func(v map[string]any) bool {
			d := cut(fmtVal(v[field]), "YYYY-MM-DD")
			return (from == "" || d >= from) && (to == "" || d <= to)
		}
	}
}

func (c *call) approveOvertimeRequest() { c.decideOvertime(true) }
func (c *call) rejectOvertimeRequest()  { c.decideOvertime(false) }

// decideOvertime approves or rejects the body's request. Only admins, API
// keys and company tokens decide (403 otherwise); only a pending request
// is decided (422); a rejection needs a reason (422). The approver is
// approver_id (an existing employee, 422 otherwise) or else the caller's
// employee.
func (c *call) decideOvertime(approve bool) {
	c.onRecord(writeLock, byBodyID(ResOvertimeRequests), func(old map[string]any) *apiError {
		if !c.p.privileged() {
			return errForbidden
		}
		if old["status"] != "pending" {
			return invalid("base", "Only a pending overtime request can be approved or rejected")
		}
		rec := clone(old)
		reason, _ := c.in["reason"].(string)
		if !approve && strings.TrimSpace(reason) == "" {
			return invalid("reason", msgBlank)
		}
		if _, ok := c.in["reason"]; ok {
			rec["reason"] = c.in["reason"]
		}
		switch {
		case c.in["approver_id"] != nil:
			if c.existing(ResEmployees, c.in["approver_id"]) == nil {
				return invalid("approver_id", "The employee does not exist")
			}
			rec["approver_id"] = c.in["approver_id"]
		case c.p.EmployeeID != 0 && !c.p.APIKey && !c.p.Company:
			rec["approver_id"] = c.p.EmployeeID
		}
		rec["status"] = "rejected"
		if approve {
			rec["status"] = "approved"
		}
		return c.save(ResOvertimeRequests, rec, old)
	})
}

// ------------------------------------------------------------ reviews

// listAttendanceReviews: Factorial requires the employees and the range
// (400 without them); reviewed_at, also required there, is applied when
// given.
func (c *call) listAttendanceReviews() {
	if aerr := requireParams(c.r.URL.Query(), "employee_ids[]", "start_on", "end_on"); aerr != nil {
		c.fail(aerr)
		return
	}
	c.pagedList()
}

// reviewFilter bounds the reviewed day and matches reviewed_at as an
// instant (any offset).
func reviewFilter(c *call, q url.Values) func(v map[string]any) bool {
	days := dateBetween("date")(c, q)
	at, byAt := time.Time{}, q.Get("reviewed_at") != ""
	if byAt {
		t, err := time.Parse(time.RFC3339, q.Get("reviewed_at"))
		if err != nil {
			return func(map[string]any) bool { return false }
		}
		at = t
	}
	return func(v map[string]any) bool {
		if days != nil && !days(v) {
			return false
		}
		if !byAt {
			return true
		}
		t, err := time.Parse(time.RFC3339, fmtVal(v["reviewed_at"]))
		return err == nil && t.Equal(at)
	}
}

// reviewEmployees reads the body's employee_ids, each an existing
// employee (422 otherwise). The caller holds the lock.
func (c *call) reviewEmployees() ([]int, *apiError) {
	var out []int
	for _, x := range listOf(c.in["employee_ids"]) {
		id, ok := toInt(x)
		if !ok || c.s.tbl(ResEmployees).recs[id] == nil {
			return nil, invalid("employee_ids", "names an employee that does not exist: "+fmtVal(x))
		}
		if !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out, nil
}

// reviewScope reads what a bulk review or its removal covers: the
// employees (reviewEmployees) and the days from start_on to end_on. The
// caller holds the lock.
func (c *call) reviewScope() (emps []int, from, to time.Time, aerr *apiError) {
	if emps, aerr = c.reviewEmployees(); aerr != nil {
		return nil, from, to, aerr
	}
	from, to, aerr = dayRange("start_on", fmtVal(c.in["start_on"]), "end_on", fmtVal(c.in["end_on"]))
	return emps, from, to, aerr
}

// createAttendanceReviews reviews every day of the range for each
// employee, by reviewed_by (an existing employee), and answers the reviews
// created; a day already reviewed keeps its review.
func (c *call) createAttendanceReviews() {
	c.locked(writeLock, func() *apiError {
		emps, from, to, aerr := c.reviewScope()
		if aerr != nil {
			return aerr
		}
		if c.existing(ResEmployees, c.in["reviewed_by"]) == nil {
			return invalid("reviewed_by", "The employee does not exist")
		}
		reviewed := map[string]bool{}
		c.s.tbl(ResAttendanceReviews).each(func(r map[string]any) bool {
			reviewed[fmtVal(r["employee_id"])+" "+fmtVal(r["date"])] = true
			return true
		})
		out := []map[string]any{}
		for _, emp := range emps {
			for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
				day := d.Format(time.DateOnly)
				if reviewed[strconv.Itoa(emp)+" "+day] {
					continue
				}
				rec := map[string]any{"employee_id": emp, "date": day, "reviewed_at": c.pj.now, "author_id": c.in["reviewed_by"]}
				if aerr := c.insert(ResAttendanceReviews, rec); aerr != nil {
					return aerr
				}
				out = append(out, c.decorate(rec))
			}
		}
		c.respondList(out)
		return nil
	})
}

// deleteAttendanceReviews removes the reviews of the employees within the
// range and answers them.
func (c *call) deleteAttendanceReviews() {
	c.locked(writeLock, func() *apiError {
		emps, from, to, aerr := c.reviewScope()
		if aerr != nil {
			return aerr
		}
		lo, hi := from.Format(time.DateOnly), to.Format(time.DateOnly)
		var gone []map[string]any
		c.s.tbl(ResAttendanceReviews).each(func(r map[string]any) bool {
			d := fmtVal(r["date"])
			if slices.Contains(emps, intOr(r["employee_id"])) && d >= lo && d <= hi {
				gone = append(gone, r)
			}
			return true
		})
		out := make([]map[string]any, 0, len(gone))
		for _, r := range gone {
			out = append(out, c.decorate(r))
			c.s.tbl(ResAttendanceReviews).remove(intOr(r["id"]))
		}
		c.respondList(out)
		return nil
	})
}

// ------------------------------------------------------------ computed lists

// listOpenShifts answers the attendance shifts clocked in and not out,
// optionally of some employees. clock_in is the time of day on Factorial's
// placeholder date, 2000-01-01.
func (c *call) listOpenShifts() {
	emps := queryIDs(c.r.URL.Query(), "employee_ids[]")
	c.locked(readLock, func() *apiError {
		var out []map[string]any
		c.s.tbl(ResShifts).each(func(r map[string]any) bool {
			v := c.datedView(ResShifts, r)
			in, _ := v["clock_in"].(string)
			if in == "" || v["clock_out"] != nil || (len(emps) > 0 && !slices.Contains(emps, intOr(v["employee_id"]))) {
				return true
			}
			out = append(out, map[string]any{
				"id": v["id"], "employee_id": v["employee_id"], "date": v["date"], "reference_date": v["reference_date"],
				"clock_in": "2000-01-01T" + in + ":00.000Z", "clock_out": nil, "status": "opened", "workable": v["workable"],
				"automatic_clock_in": v["automatic_clock_in"] == true, "location_type": v["location_type"],
				"workplace_id": v["workplace_id"], "time_settings_break_configuration_id": v["time_settings_break_configuration_id"],
			})
			return true
		})
		return c.respondPage(out)
	})
}

// listWorkedTimes sums the worked (workable, closed) attendance shifts per
// employee and day, within start_on and end_on when given. Every minute
// tracked counts once (the sandbox has no overtime multipliers nor
// pending approvals); worked_time_blocks is empty (Factorial does not
// describe its members).
func (c *call) listWorkedTimes() {
	q := c.r.URL.Query()
	emps := queryIDs(q, "employee_ids[]")
	from, to := q.Get("start_on"), q.Get("end_on")
	c.locked(readLock, func() *apiError {
		type key struct {
			emp  int
			date string
		}
		sums := map[key]int{}
		c.s.tbl(ResShifts).each(func(r map[string]any) bool {
			v := c.datedView(ResShifts, r)
			k := key{intOr(v["employee_id"]), fmtVal(v["reference_date"])}
			m, ok := toInt(v["minutes"])
			if !ok || v["workable"] == false || (len(emps) > 0 && !slices.Contains(emps, k.emp)) ||
				(from != "" && k.date < from) || (to != "" && k.date > to) {
				return true
			}
			sums[k] += m
			return true
		})
		keys := make([]key, 0, len(sums))
		for k := range sums {
			keys = append(keys, k)
		}
		slices.SortFunc(keys, func(a, b key) int {
			if a.emp != b.emp {
				return a.emp - b.emp
			}
			return strings.Compare(a.date, b.date)
		})
		out := make([]map[string]any, 0, len(keys))
		for i, k := range keys {
			m := sums[k]
			out = append(out, map[string]any{
				"_seq": i + 1, "id": strconv.Itoa(k.emp) + "_" + k.date, "employee_id": k.emp, "date": k.date, "company_id": 1,
				"tracked_minutes": m, "multiplied_minutes": m, "pending_minutes": 0, "minutes": m, "time_unit": "minute",
				"worked_time_blocks": []any{}, "day_type": dayType(k.date),
			})
		}
		return c.respondPage(out)
	})
}

// dayType is the kind of calendar day of a YYYY-MM-DD date.
func dayType(day string) string {
	d, err := time.Parse(time.DateOnly, day)
	switch {
	case err != nil:
		return "workday"
	case d.Weekday() == time.Saturday:
		return "saturday"
	case d.Weekday() == time.Sunday:
		return "sunday"
	}
	return "workday"
}

// standardDayMinutes is the working day of an employee whose hours come
// from the contract: eight hours Monday to Friday, the hours autofill
// records (09:00-17:00).
const standardDayMinutes = 480

// listEstimatedTimes answers, per employee and day of the range, the time
// to work as the employee's planning version in force that day sets it:
// the day configuration of the work schedule's period covering the day,
// the planned shifts of shift management (extra-hours shifts as
// overtime), or the contract's standard day (standardDayMinutes on
// weekdays), which also applies with no planning version. An approved
// leave or a company holiday of the employee's location makes minutes 0
// (expected_minutes keeps the planned time). Factorial requires start_on,
// end_on and employee_ids[] (400 without them); unknown employees are
// left out.
func (c *call) listEstimatedTimes() {
	q := c.r.URL.Query()
	if aerr := requireParams(q, "start_on", "end_on", "employee_ids[]"); aerr != nil {
		c.fail(aerr)
		return
	}
	from, to, aerr := dayRange("start_on", q.Get("start_on"), "end_on", q.Get("end_on"))
	if aerr != nil {
		c.fail(aerr)
		return
	}
	emps := queryIDs(q, "employee_ids[]")
	slices.Sort(emps)
	emps = slices.Compact(emps)
	c.locked(readLock, func() *apiError {
		var out []map[string]any
		for _, emp := range emps {
			e := c.s.tbl(ResEmployees).recs[emp]
			if e == nil {
				continue
			}
			off := c.daysOff(emp, intOr(e["location_id"]))
			for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
				day := d.Format(time.DateOnly)
				expected, overtime, source := c.plannedMinutes(emp, d)
				minutes := expected
				if off[day] {
					minutes = 0
				}
				out = append(out, map[string]any{
					"_seq": len(out) + 1, "id": strconv.Itoa(emp) + "_" + day, "date": day, "company_id": 1, "employee_id": emp,
					"expected_minutes": expected, "regular_minutes": max(minutes-overtime, 0), "overtime_minutes": overtime,
					"breaks": []any{}, "time_unit": "minute", "estimated_half_days": 0, "shifts": []any{}, "source": source,
					"minutes": minutes,
				})
			}
		}
		return c.respondPage(out)
	})
}

// daysOff lists the days of the employee's approved leaves and of the
// company holidays of the location. The caller holds the lock.
func (c *call) daysOff(emp, location int) map[string]bool {
	off := map[string]bool{}
	c.s.tbl(ResLeaves).each(func(l map[string]any) bool {
		if l["approved"] == true && intOr(l["employee_id"]) == emp {
			from, to, ok := leaveSpan(l)
			for d := from; ok && !d.After(to); d = d.AddDate(0, 0, 1) {
				off[d.Format(time.DateOnly)] = true
			}
		}
		return true
	})
	if loc := c.s.tbl(ResLocations).recs[location]; loc != nil {
		for _, h := range intSlice(loc["company_holiday_ids"]) {
			if rec := c.s.tbl(ResCompanyHolidays).recs[h]; rec != nil {
				off[cut(fmtVal(rec["date"]), "YYYY-MM-DD")] = true
			}
		}
	}
	return off
}

// planningVersionOn is the employee's planning version in force on day
// (the latest effective on or before it), or nil. The caller holds the
// lock.
func (c *call) planningVersionOn(emp int, day string) map[string]any {
	var best map[string]any
	c.s.tbl(ResPlanningVersions).each(func(r map[string]any) bool {
		eff := fmtVal(r["effective_at"])
		if intOr(r["employee_id"]) == emp && eff <= day && (best == nil || eff >= fmtVal(best["effective_at"])) {
			best = r
		}
		return true
	})
	return best
}

// plannedMinutes is the time the employee's planning sets for day: the
// minutes, the overtime among them and the source. The caller holds the
// lock.
func (c *call) plannedMinutes(emp int, d time.Time) (minutes, overtime int, source string) {
	day := d.Format(time.DateOnly)
	v := c.planningVersionOn(emp, day)
	switch fmtVal(mapGet(v, "planning_tool")) {
	case "work_schedule":
		return c.scheduleMinutes(intOr(v["work_schedule_schedule_id"]), d), 0, "work_schedule"
	case "shift_management":
		c.s.tbl(ResManagedShifts).each(func(r map[string]any) bool {
			start, err1 := time.Parse(time.RFC3339, fmtVal(r["start_at"]))
			end, err2 := time.Parse(time.RFC3339, fmtVal(r["end_at"]))
			if intOr(r["employee_id"]) != emp || err1 != nil || err2 != nil || start.UTC().Format(time.DateOnly) != day {
				return true
			}
			m := int(end.Sub(start) / time.Minute)
			minutes += m
			if r["extra_hours"] == true {
				overtime += m
			}
			return true
		})
		return minutes, overtime, "shift_management"
	}
	if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return 0, 0, "contract_hours"
	}
	return standardDayMinutes, 0, "contract_hours"
}

// mapGet reads a key of a record that may be nil.
func mapGet(m map[string]any, k string) any {
	if m == nil {
		return nil
	}
	return m[k]
}

// scheduleMinutes is the working time a work schedule sets for a day: the
// day configuration of its weekday in the period covering the day (a
// non-default period first, else the default one). The caller holds the
// lock.
func (c *call) scheduleMinutes(schedule int, d time.Time) int {
	md := int(d.Month())*100 + d.Day()
	var period map[string]any
	c.s.tbl(ResOverlapPeriods).each(func(p map[string]any) bool {
		if intOr(p["schedule_id"]) != schedule {
			return true
		}
		if p["default"] == true {
			if period == nil {
				period = p
			}
			return true
		}
		lo := intOr(p["start_month"])*100 + intOr(p["start_day"])
		hi := intOr(p["end_month"])*100 + intOr(p["end_day"])
		if (lo <= hi && md >= lo && md <= hi) || (lo > hi && (md >= lo || md <= hi)) {
			period = p
			return false
		}
		return true
	})
	if period == nil {
		return 0
	}
	weekday := strings.ToLower(d.Weekday().String())
	seconds := 0
	c.s.tbl(ResDayConfigurations).each(func(r map[string]any) bool {
		if intOr(r["overlap_period_id"]) == intOr(period["id"]) && strings.EqualFold(fmtVal(r["weekday"]), weekday) {
			seconds += intOr(r["duration_in_seconds"])
		}
		return true
	})
	return seconds / 60
}

// ------------------------------------------------------------ time planning

// preparePlannedBreak: the kind of break exists and the planned shift, when
// named, too (422); a break does not end before it starts.
func preparePlannedBreak(c *call, rec, old map[string]any) *apiError {
	if c.s.tbl(ResTimeBreakConfigs).recs[intOr(rec["break_configuration_id"])] == nil {
		return invalid("break_configuration_id", "The break configuration does not exist")
	}
	if rec["shift_id"] != nil && c.s.tbl(ResManagedShifts).recs[intOr(rec["shift_id"])] == nil {
		return invalid("shift_id", "The shift does not exist")
	}
	if s, e := fmtVal(rec["start_at"]), fmtVal(rec["end_at"]); rec["start_at"] != nil && rec["end_at"] != nil {
		st, err1 := time.Parse(time.RFC3339, s)
		en, err2 := time.Parse(time.RFC3339, e)
		if err1 == nil && err2 == nil && en.Before(st) {
			return invalid("end_at", "must be after start_at")
		}
	}
	return nil
}

// viewPlannedBreak: the kind of break's name and paid flag.
func viewPlannedBreak(c *call, v map[string]any) {
	v["break_configuration_name"], v["break_configuration_paid"] = nil, nil
	if b := c.s.tbl(ResTimeBreakConfigs).recs[intOr(v["break_configuration_id"])]; b != nil {
		v["break_configuration_name"], v["break_configuration_paid"] = b["name"], b["paid"]
	}
}

// plannedBreakFilter: paid on the kind of break's flag; an active break
// configuration is one not archived.
func plannedBreakFilter(c *call, q url.Values) func(v map[string]any) bool {
	paid, byPaid := queryBool(q, "paid")
	active, byActive := queryBool(q, "active_break_configuration")
	if !byPaid && !byActive {
		return nil
	}
	return func(v map[string]any) bool {
		b := c.s.tbl(ResTimeBreakConfigs).recs[intOr(v["break_configuration_id"])]
		if b == nil {
			return false
		}
		return (!byPaid || v["break_configuration_paid"] == paid) && (!byActive || (b["archived"] != true) == active)
	}
}

// plannedBreakFields are the members of a bulk-created break written to
// the record (the item's id is not: records get their own).
var plannedBreakFields = []string{"start_at", "end_at", "duration", "break_type", "break_configuration_id", "shift_id"}

// insertAll stores recs as new records of resource when every one passes
// the resource's rules, and none otherwise; it answers them. The caller
// holds the write lock.
func (c *call) insertAll(resource string, recs []map[string]any) *apiError {
	for _, rec := range recs {
		if aerr := c.applyRules(resource, rec, nil); aerr != nil {
			return aerr
		}
	}
	t := c.s.store(resource)
	out := make([]map[string]any, 0, len(recs))
	for _, rec := range recs {
		rec["id"] = t.next
		rec["created_at"], rec["updated_at"] = c.pj.now, c.pj.now
		t.insert(rec)
		out = append(out, c.decorate(rec))
	}
	c.respondList(out)
	return nil
}

// createPlannedBreaksInBulk stores every break, or none when one is
// refused (422).
func (c *call) createPlannedBreaksInBulk() {
	c.locked(writeLock, func() *apiError {
		var recs []map[string]any
		for _, it := range listOf(c.in["planned_breaks"]) {
			item, _ := it.(map[string]any)
			rec := map[string]any{}
			for _, k := range plannedBreakFields {
				if v, ok := item[k]; ok {
					rec[k] = cloneVal(v)
				}
			}
			recs = append(recs, rec)
		}
		return c.insertAll(ResPlannedBreaks, recs)
	})
}

// preparePlanningVersion: the employee exists (on create) and the work
// schedule, when named, too (422); the request's schedule_id is kept as
// work_schedule_schedule_id.
func preparePlanningVersion(c *call, rec, old map[string]any) *apiError {
	if old == nil && c.existing(ResEmployees, rec["employee_id"]) == nil {
		return invalid("employee_id", "The employee does not exist")
	}
	if v, ok := rec["schedule_id"]; ok {
		delete(rec, "schedule_id")
		if v != nil && c.s.tbl(ResWorkSchedules).recs[intOr(v)] == nil {
			return invalid("schedule_id", "The work schedule does not exist")
		}
		rec["work_schedule_schedule_id"] = v
	}
	return nil
}

// planningVersionFilter: for_shifts selects shift management versions,
// schedule_ids[] the versions following those schedules, only_active each
// employee's version in force today.
func planningVersionFilter(c *call, q url.Values) func(v map[string]any) bool {
	shifts, byShifts := queryBool(q, "for_shifts")
	schedules := queryIDs(q, "schedule_ids[]")
	active, _ := queryBool(q, "only_active")
	return func(v map[string]any) bool {
		if byShifts && shifts && v["planning_tool"] != "shift_management" {
			return false
		}
		if len(schedules) > 0 && !slices.Contains(schedules, intOr(v["work_schedule_schedule_id"])) {
			return false
		}
		if active {
			cur := c.planningVersionOn(intOr(v["employee_id"]), c.pj.today)
			return cur != nil && intOr(cur["id"]) == intOr(v["id"])
		}
		return true
	}
}

// createPlanningVersionsInBulk creates the same version for each employee,
// or none when one is refused (422).
func (c *call) createPlanningVersionsInBulk() {
	c.locked(writeLock, func() *apiError {
		var recs []map[string]any
		for _, emp := range listOf(c.in["employee_ids"]) {
			rec := map[string]any{"employee_id": emp}
			for _, k := range []string{"effective_at", "planning_tool", "number_of_rest_days_in_cents", "schedule_id"} {
				if v, ok := c.in[k]; ok {
					rec[k] = cloneVal(v)
				}
			}
			recs = append(recs, rec)
		}
		return c.insertAll(ResPlanningVersions, recs)
	})
}

// ------------------------------------------------------------ work schedules

// viewWorkSchedule: the company; the employees whose planning version
// follows the schedule; its periods of the year.
func viewWorkSchedule(c *call, v map[string]any) {
	setDefault(v, "company_id", 1)
	id := intOr(v["id"])
	emps := []any{}
	c.s.tbl(ResPlanningVersions).each(func(r map[string]any) bool {
		if intOr(r["work_schedule_schedule_id"]) == id && r["planning_tool"] == "work_schedule" && !slices.Contains(emps, any(intOr(r["employee_id"]))) {
			emps = append(emps, intOr(r["employee_id"]))
		}
		return true
	})
	v["employee_ids"] = emps
	periods := []any{}
	c.s.tbl(ResOverlapPeriods).each(func(p map[string]any) bool {
		if intOr(p["schedule_id"]) == id {
			periods = append(periods, map[string]any{"id": strconv.Itoa(intOr(p["id"])), "default": p["default"],
				"start_month": p["start_month"], "start_day": p["start_day"], "end_month": p["end_month"], "end_day": p["end_day"]})
		}
		return true
	})
	v["periods"] = periods
}

// toggleWorkScheduleArchive archives an active schedule (archived_at now)
// and brings back an archived one.
func (c *call) toggleWorkScheduleArchive() {
	c.onRecord(writeLock, byBodyID(ResWorkSchedules), func(old map[string]any) *apiError {
		rec := clone(old)
		rec["archived_at"] = nil
		if old["archived_at"] == nil {
			rec["archived_at"] = c.pj.now
		}
		return c.save(ResWorkSchedules, rec, old)
	})
}

// overlapPeriodFields are the members of create_params and update_params
// the sandbox reads (the period's attributes); others are ignored.
var overlapPeriodFields = []string{"start_month", "start_day", "end_month", "end_day", "schedule_type", "default"}

// prepareOverlapPeriod: the schedule exists (422); the attributes come from
// create_params (update_params on update), months 1-12 and days 1-31; a
// new period takes its schedule's schedule_type and is not the default
// unless it says so.
func prepareOverlapPeriod(c *call, rec, old map[string]any) *apiError {
	sched := c.s.tbl(ResWorkSchedules).recs[intOr(rec["schedule_id"])]
	if sched == nil {
		return invalid("schedule_id", "The work schedule does not exist")
	}
	params := "create_params"
	if old != nil {
		params = "update_params"
	}
	in, _ := rec[params].(map[string]any)
	delete(rec, "create_params")
	delete(rec, "update_params")
	for _, k := range overlapPeriodFields {
		if v, ok := in[k]; ok {
			rec[k] = cloneVal(v)
		}
	}
	for _, k := range []string{"start_month", "end_month"} {
		if n, ok := toInt(rec[k]); rec[k] != nil && (!ok || n < 1 || n > 12) {
			return invalid(k, "must be a month, 1 to 12")
		}
	}
	for _, k := range []string{"start_day", "end_day"} {
		if n, ok := toInt(rec[k]); rec[k] != nil && (!ok || n < 1 || n > 31) {
			return invalid(k, "must be a day of the month, 1 to 31")
		}
	}
	if d, ok := rec["default"]; ok && d != nil {
		if _, isBool := d.(bool); !isBool {
			return invalid("default", "must be true or false")
		}
	}
	if old == nil {
		setDefault(rec, "default", false)
		setDefault(rec, "schedule_type", sched["schedule_type"])
	}
	return nil
}

// overlapPeriodDeleted removes the day configurations of a deleted period.
func overlapPeriodDeleted(s *Sandbox, rec map[string]any) {
	t := s.tbl(ResDayConfigurations)
	var gone []int
	t.each(func(r map[string]any) bool {
		if intOr(r["overlap_period_id"]) == intOr(rec["id"]) {
			gone = append(gone, intOr(r["id"]))
		}
		return true
	})
	for _, id := range gone {
		t.remove(id)
	}
}

// dayConfigurationFilter: schedule_id selects the days of the schedule's
// periods.
func dayConfigurationFilter(c *call, q url.Values) func(v map[string]any) bool {
	sched := q.Get("schedule_id")
	if sched == "" {
		return nil
	}
	return func(v map[string]any) bool {
		p := c.s.tbl(ResOverlapPeriods).recs[intOr(v["overlap_period_id"])]
		return p != nil && fmtVal(p["schedule_id"]) == sched
	}
}

// applyDayConfigurationChanges applies the items of day_configurations to
// the days of the period overlap_period_id names (422 when none does),
// read as Rails' nested attributes: an item without id creates a day
// (weekday and duration_in_seconds required), one with id changes that day
// of the period, one with id and _destroy true deletes it; an id naming no
// day of the period is 422. All or nothing. Factorial answers one day
// configuration without saying which: the sandbox answers the last one
// created or changed, else the last one deleted, and 422 for an empty
// list.
func (c *call) applyDayConfigurationChanges() {
	c.locked(writeLock, func() *apiError {
		period, ok := toInt(c.in["overlap_period_id"])
		if !ok || c.s.tbl(ResOverlapPeriods).recs[period] == nil {
			return invalid("overlap_period_id", "The overlap period does not exist")
		}
		items := listOf(c.in["day_configurations"])
		if len(items) == 0 {
			return invalid("day_configurations", msgBlank)
		}
		t := c.s.tbl(ResDayConfigurations)
		type change struct {
			rec     map[string]any
			old     map[string]any
			destroy bool
		}
		var changes []change
		for _, it := range items {
			item, _ := it.(map[string]any)
			if item == nil {
				return invalid("day_configurations", "must be a list of objects")
			}
			ch := change{rec: map[string]any{"overlap_period_id": period}}
			if item["id"] != nil {
				id, _ := toInt(item["id"])
				old := t.recs[id]
				if old == nil || intOr(old["overlap_period_id"]) != period {
					return invalid("day_configurations", "names a day configuration the period does not have: "+fmtVal(item["id"]))
				}
				ch.old, ch.rec = old, clone(old)
				ch.destroy, _ = item["_destroy"].(bool)
			}
			for _, k := range []string{"weekday", "start_at", "duration_in_seconds"} {
				if v, ok := item[k]; ok {
					ch.rec[k] = cloneVal(v)
				}
			}
			if !ch.destroy {
				if w, _ := ch.rec["weekday"].(string); strings.TrimSpace(w) == "" {
					return invalid("weekday", msgBlank)
				}
				if n, ok := toInt(ch.rec["duration_in_seconds"]); !ok || n < 0 || n > 24*3600 {
					return invalid("duration_in_seconds", "must be between 0 and 86400")
				}
			}
			changes = append(changes, ch)
		}
		var answer, deleted map[string]any
		for _, ch := range changes {
			switch {
			case ch.destroy:
				t.remove(intOr(ch.old["id"]))
				deleted = ch.old
			case ch.old != nil:
				if aerr := c.replace(ResDayConfigurations, ch.rec, ch.old); aerr != nil {
					return aerr
				}
				answer = ch.rec
			default:
				if aerr := c.insert(ResDayConfigurations, ch.rec); aerr != nil {
					return aerr
				}
				answer = ch.rec
			}
		}
		if answer == nil {
			answer = deleted
		}
		c.respond(answer)
		return nil
	})
}
