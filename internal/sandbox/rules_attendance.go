package sandbox

// Attendance: clocking in and out of v1 shifts, breaks, and publishing
// planned (managed) shifts.

import (
	"slices"
	"time"
)

// openRecord returns the latest record of an employee stored without a
// clock_out (and accepted by pred, when given): an open shift or break.
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

// prepareManagedShift: a planned shift starts as a draft until published.
func prepareManagedShift(c *call, rec, old map[string]any) {
	if old == nil && rec["state"] == nil {
		rec["state"] = "draft"
	}
}
