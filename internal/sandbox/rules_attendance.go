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

// bodyEmployee finds the employee the body's employee_id names (422).
func bodyEmployee(c *call) (map[string]any, *apiError) {
	emp := c.s.tbl(ResEmployees).recs[intOr(c.in["employee_id"])]
	if emp == nil {
		return nil, invalid("employee_id", "The employee does not belong to the company")
	}
	return emp, nil
}

// punch is a kind of record an employee opens and later closes: a v1 shift
// or a break.
type punch struct {
	resource      string
	counts        func(map[string]any) bool // which of the employee's open records are of this kind (nil: all)
	already, none *apiError                 // opening while one is open; closing with none open
	layout        string                    // of clock_out
	afterClockIn  bool                      // clock_out may not precede the instant stored in _clock_in_at
}

var (
	shiftPunch = punch{
		resource: ResShifts,
		already:  invalid("clock_in", "You are already clocked in. Clock out before clocking in again"),
		none:     invalid("clock_out", "You are not clocked in"),
		layout:   "15:04", afterClockIn: true,
	}
	breakPunch = punch{
		resource: ResAttendance, counts: isBreak,
		already: invalid("base", "There is already a break in progress"),
		none:    invalid("base", "There is no break in progress"),
		layout:  time.RFC3339,
	}
)

func isBreak(r map[string]any) bool { return r["workable"] == false }

// punchIn stores the record build makes from the request's now (default the
// sandbox clock) for employee emp, unless one of p's kind is open (422).
func (c *call) punchIn(p punch, emp int, build func(now time.Time) map[string]any) *apiError {
	if openRecord(c.s.tbl(p.resource), emp, p.counts) != nil {
		return p.already
	}
	now, aerr := c.nowArg("now")
	if aerr != nil {
		return aerr
	}
	return c.save(p.resource, build(now), nil)
}

// punchOut sets clock_out of emp's latest open record of p's kind to the
// request's now, and its observations when given (422 when none is open).
func (c *call) punchOut(p punch, emp int) *apiError {
	open := openRecord(c.s.tbl(p.resource), emp, p.counts)
	if open == nil {
		return p.none
	}
	now, aerr := c.nowArg("now")
	if aerr != nil {
		return aerr
	}
	if p.afterClockIn {
		if in, err := time.Parse(time.RFC3339, fmtVal(open["_clock_in_at"])); err == nil && now.Before(in) {
			return invalid("clock_out", "must be after clock_in")
		}
	}
	rec := clone(open)
	rec["clock_out"] = now.Format(p.layout)
	if o, ok := c.in["observations"]; ok {
		rec["observations"] = o
	}
	return c.save(p.resource, rec, open)
}

// clockIn opens a v1 shift: day/month/year and an HH:MM clock_in from
// `now` in its own offset. No clock-in while a shift is open (422).
func (c *call) clockIn() { c.onRecord(writeLock, bodyEmployee, c.clockInAs) }

func (c *call) clockInAs(emp map[string]any) *apiError {
	id := intOr(emp["id"])
	return c.punchIn(shiftPunch, id, func(now time.Time) map[string]any {
		return map[string]any{
			"employee_id": id, "day": now.Day(), "month": int(now.Month()), "year": now.Year(),
			"clock_in": now.Format("15:04"), "clock_out": nil, "_clock_in_at": now.Format(time.RFC3339),
			"observations": c.in["observations"], "location_type": c.in["location_type"],
		}
	})
}

// clockOut closes the employee's latest open shift (422 when none).
func (c *call) clockOut() { c.onRecord(writeLock, bodyEmployee, c.clockOutAs) }

func (c *call) clockOutAs(emp map[string]any) *apiError {
	return c.punchOut(shiftPunch, intOr(emp["id"]))
}

// toggle clocks out when a shift is open, in otherwise.
func (c *call) toggle() {
	c.onRecord(writeLock, bodyEmployee, func(emp map[string]any) *apiError {
		if openRecord(c.s.tbl(ResShifts), intOr(emp["id"]), nil) != nil {
			return c.clockOutAs(emp)
		}
		return c.clockInAs(emp)
	})
}

// breakStart opens a break (a non-workable attendance record); one at a time.
func (c *call) breakStart() {
	c.onRecord(writeLock, bodyEmployee, func(emp map[string]any) *apiError {
		id := intOr(emp["id"])
		return c.punchIn(breakPunch, id, func(now time.Time) map[string]any {
			return map[string]any{
				"employee_id": id, "clock_in": now.Format(time.RFC3339), "clock_out": nil, "workable": false,
				"observations": c.in["observations"], "time_settings_break_configuration_id": c.in["time_settings_break_configuration_id"],
				"automatic_clock_in": false, "automatic_clock_out": false,
			}
		})
	})
}

// breakEnd closes the employee's open break (422 when none).
func (c *call) breakEnd() {
	c.onRecord(writeLock, bodyEmployee, func(emp map[string]any) *apiError {
		return c.punchOut(breakPunch, intOr(emp["id"]))
	})
}

// createBreak records a closed break from break_start to break_end.
func (c *call) createBreak() {
	c.onRecord(writeLock, bodyEmployee, func(emp map[string]any) *apiError {
		start, serr := parseTime(fmtVal(c.in["break_start"]))
		end, eerr := parseTime(fmtVal(c.in["break_end"]))
		switch {
		case serr != nil:
			return invalid("break_start", "is invalid")
		case eerr != nil:
			return invalid("break_end", "is invalid")
		case end.Before(start):
			return invalid("break_end", "must be after break_start")
		}
		return c.save(ResAttendance, map[string]any{
			"employee_id": intOr(emp["id"]), "clock_in": start.Format(time.RFC3339), "clock_out": end.Format(time.RFC3339),
			"workable": false, "observations": c.in["observations"],
		}, nil)
	})
}

// publishShifts publishes the draft planned shifts in the window (and of
// the employees, when given). 201, no body.
func (c *call) publishShifts() {
	c.locked(writeLock, func() *apiError {
		from, _ := c.in["start_at"].(string)
		to, _ := c.in["end_at"].(string)
		emps := intSlice(c.in["employee_ids"])
		var changed []map[string]any
		c.s.tbl(ResManagedShifts).each(func(r map[string]any) bool {
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
		return nil
	})
}

// prepareManagedShift: a planned shift starts as a draft until published.
func prepareManagedShift(c *call, rec, old map[string]any) {
	if old == nil && rec["state"] == nil {
		rec["state"] = "draft"
	}
}
