package sandbox

// Dated API: clocking in and out, breaks and autofill. The dated API's
// shifts are v1's shift records (one table: a shift opened through one API
// is open for the other); a break is a shift that is not workable, and
// taking one closes the worked shift and opens the break, ending it opens
// a new worked shift, as Factorial's timesheets show.

import (
	"time"
)

var (
	errNotClockedIn = invalid("base", "You are not clocked in")
	errOnBreak      = invalid("base", "There is already a break in progress")
	errNoBreak      = invalid("base", "There is no break in progress")
)

// openShift is a new open shift (a break when not workable) of emp at now.
func (c *call) openShift(emp int, now time.Time, workable bool) map[string]any {
	rec := map[string]any{
		"employee_id": emp, "day": now.Day(), "month": int(now.Month()), "year": now.Year(),
		"date": now.Format(time.DateOnly), "reference_date": now.Format(time.DateOnly),
		"clock_in": now.Format("15:04"), "clock_out": nil, "_clock_in_at": now.Format(time.RFC3339),
		"workable": workable, "in_source": "api", "observations": c.in["observations"],
		"in_location_latitude": c.in["latitude"], "in_location_longitude": c.in["longitude"], "in_location_accuracy": c.in["accuracy"],
	}
	if workable {
		rec["location_type"], rec["workplace_id"] = c.in["location_type"], c.in["workplace_id"]
	} else {
		rec["time_settings_break_configuration_id"] = c.in["time_settings_break_configuration_id"]
	}
	return rec
}

// closeShift closes emp's open shift or break at the request's time (the
// body's key, default the sandbox clock) and returns it as stored; none is
// the answer when nothing is open. The caller holds the write lock.
func (c *call) closeShift(emp int, key string, none *apiError) (map[string]any, *apiError) {
	open := openRecord(c.s.tbl(ResShifts), emp, nil)
	if open == nil {
		return nil, none
	}
	now, aerr := c.nowArg(key)
	if aerr != nil {
		return nil, aerr
	}
	if in, err := time.Parse(time.RFC3339, fmtVal(open["_clock_in_at"])); err == nil && now.Before(in) {
		return nil, invalid("clock_out", "must be after clock_in")
	}
	rec := clone(open)
	rec["clock_out"] = now.Format("15:04")
	rec["out_source"] = "api"
	if o, ok := c.in["observations"]; ok {
		rec["observations"] = o
	}
	rec["out_location_latitude"], rec["out_location_longitude"], rec["out_location_accuracy"] = c.in["latitude"], c.in["longitude"], c.in["accuracy"]
	if aerr := c.replace(ResShifts, rec, open); aerr != nil {
		return nil, aerr
	}
	return rec, nil
}

// clockInDated opens a shift at now. No clock-in while a shift or break is
// open (422).
func (c *call) clockInDated() {
	c.onRecord(writeLock, bodyEmployee, func(emp map[string]any) *apiError { return c.punchInDated(emp, "now") })
}

func (c *call) punchInDated(emp map[string]any, key string) *apiError {
	id := intOr(emp["id"])
	if openRecord(c.s.tbl(ResShifts), id, nil) != nil {
		return shiftPunch.already
	}
	now, aerr := c.nowArg(key)
	if aerr != nil {
		return aerr
	}
	return c.save(ResShifts, c.openShift(id, now, true), nil)
}

// clockOutDated closes the open shift (or break) at now (422 when none).
func (c *call) clockOutDated() {
	c.onRecord(writeLock, bodyEmployee, func(emp map[string]any) *apiError {
		rec, aerr := c.closeShift(intOr(emp["id"]), "now", shiftPunch.none)
		if aerr == nil {
			c.respond(rec)
		}
		return aerr
	})
}

// toggleClock clocks out when something is open, in otherwise, at
// clock_time.
func (c *call) toggleClock() {
	c.onRecord(writeLock, bodyEmployee, func(emp map[string]any) *apiError {
		id := intOr(emp["id"])
		if openRecord(c.s.tbl(ResShifts), id, nil) == nil {
			return c.punchInDated(emp, "clock_time")
		}
		rec, aerr := c.closeShift(id, "clock_time", shiftPunch.none)
		if aerr == nil {
			c.respond(rec)
		}
		return aerr
	})
}

// breakStartDated closes the open worked shift and opens a break in its
// place; it needs an open worked shift (422 when clocked out or already on
// a break). It answers the break.
func (c *call) breakStartDated() {
	c.onRecord(writeLock, bodyEmployee, func(emp map[string]any) *apiError {
		id := intOr(emp["id"])
		open := openRecord(c.s.tbl(ResShifts), id, nil)
		switch {
		case open == nil:
			return errNotClockedIn
		case open["workable"] == false:
			return errOnBreak
		}
		now, aerr := c.nowArg("now")
		if aerr != nil {
			return aerr
		}
		if _, aerr := c.closeShift(id, "now", errNotClockedIn); aerr != nil {
			return aerr
		}
		return c.save(ResShifts, c.openShift(id, now, false), nil)
	})
}

// breakEndDated closes the running break and opens a worked shift from
// the same instant (422 without a break). It answers the closed break.
func (c *call) breakEndDated() {
	c.onRecord(writeLock, bodyEmployee, func(emp map[string]any) *apiError {
		id := intOr(emp["id"])
		open := openRecord(c.s.tbl(ResShifts), id, nil)
		if open == nil || open["workable"] != false {
			return errNoBreak
		}
		now, aerr := c.nowArg("now")
		if aerr != nil {
			return aerr
		}
		brk, aerr := c.closeShift(id, "now", errNoBreak)
		if aerr != nil {
			return aerr
		}
		if aerr := c.insert(ResShifts, c.openShift(id, now, true)); aerr != nil {
			return aerr
		}
		c.respond(brk)
		return nil
	})
}

// maxAutofillDays bounds an autofill's range, as a timesheet tool would.
const maxAutofillDays = 366

// autofill fills the employees' timesheets from start_on to end_on with
// 09:00-17:00 worked shifts, on working days (Monday to Friday) that have
// no shift yet, no approved leave and no company holiday at the
// employee's location. It answers the created shifts, a bare array.
func (c *call) autofill() {
	c.locked(writeLock, func() *apiError {
		start, serr := time.Parse(time.DateOnly, fmtVal(c.in["start_on"]))
		end, eerr := time.Parse(time.DateOnly, fmtVal(c.in["end_on"]))
		switch {
		case serr != nil:
			return invalid("start_on", "is invalid")
		case eerr != nil:
			return invalid("end_on", "is invalid")
		case end.Before(start):
			return invalid("end_on", "must be on or after start_on")
		case end.Sub(start) > maxAutofillDays*24*time.Hour:
			return invalid("end_on", "must be at most a year after start_on")
		}
		emps := intSlice(c.in["employee_ids"])
		raw, _ := c.in["employee_ids"].([]any)
		if len(emps) != len(raw) {
			return invalid("employee_ids", "The employee does not belong to the company")
		}
		busy := map[int]map[string]bool{} // employee -> dates with a shift, a leave or a holiday
		mark := func(emp int, day string) {
			if busy[emp] == nil {
				busy[emp] = map[string]bool{}
			}
			busy[emp][day] = true
		}
		for _, id := range emps {
			emp := c.s.tbl(ResEmployees).recs[id]
			if emp == nil {
				return invalid("employee_ids", "The employee does not belong to the company")
			}
			loc := intOr(emp["location_id"])
			c.s.tbl(ResCompanyHolidays).each(func(h map[string]any) bool {
				if intOr(h["location_id"]) == loc {
					mark(id, fmtVal(h["date"]))
				}
				return true
			})
		}
		c.s.tbl(ResShifts).each(func(r map[string]any) bool {
			v := c.datedView(ResShifts, r)
			mark(intOr(v["employee_id"]), fmtVal(v["date"]))
			return true
		})
		c.s.tbl(ResLeaves).each(func(l map[string]any) bool {
			if l["approved"] == true {
				from, to, ok := leaveSpan(l)
				for d := from; ok && !d.After(to); d = d.AddDate(0, 0, 1) {
					mark(intOr(l["employee_id"]), d.Format(time.DateOnly))
				}
			}
			return true
		})
		source := c.in["source"]
		if source == nil {
			source = "system"
		}
		out := []map[string]any{}
		for _, id := range emps {
			for d := start; !d.After(end); d = d.AddDate(0, 0, 1) {
				day := d.Format(time.DateOnly)
				if wd := d.Weekday(); wd == time.Saturday || wd == time.Sunday || busy[id][day] {
					continue
				}
				mark(id, day)
				rec := map[string]any{
					"employee_id": id, "day": d.Day(), "month": int(d.Month()), "year": d.Year(),
					"date": day, "reference_date": day, "clock_in": "09:00", "clock_out": "17:00",
					"_clock_in_at": day + "T09:00:00Z", "workable": true, "in_source": source, "out_source": source,
				}
				if aerr := c.insert(ResShifts, rec); aerr != nil {
					return aerr
				}
				out = append(out, c.decorate(rec))
			}
		}
		c.respondList(out)
		return nil
	})
}
