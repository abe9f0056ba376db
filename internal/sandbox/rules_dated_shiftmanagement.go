package sandbox

// The dated API's shift management (scope shift_management): planned
// shifts are v1's managed shifts (one rota for both APIs). A shift starts
// as a draft (prepareManagedShift); employees who are not admins see only
// published shifts, as Factorial hides drafts from employees.

import (
	"net/url"
	"slices"
	"time"
)

// shiftTimezone is the time zone of a planned shift when its location
// names none: the sandbox company's, Madrid's.
const shiftTimezone = "Europe/Madrid"

// preparePlannedShift: the employee exists, and the location and the work
// area when named (422); a shift does not end before it starts.
func preparePlannedShift(c *call, rec, old map[string]any) *apiError {
	if c.existing(ResEmployees, rec["employee_id"]) == nil {
		return invalid("employee_id", "The employee does not exist")
	}
	if rec["location_id"] != nil && c.s.tbl(ResLocations).recs[intOr(rec["location_id"])] == nil {
		return invalid("location_id", "The location does not exist")
	}
	if rec["work_area_id"] != nil && c.s.tbl(ResWorkAreas).recs[intOr(rec["work_area_id"])] == nil {
		return invalid("work_area_id", "The work area does not exist")
	}
	start, err1 := time.Parse(time.RFC3339, fmtVal(rec["start_at"]))
	end, err2 := time.Parse(time.RFC3339, fmtVal(rec["end_at"]))
	if err1 == nil && err2 == nil && end.Before(start) {
		return invalid("end_at", "must be after start_at")
	}
	return nil
}

// viewPlannedShift: the company, the work area under its dated name, no
// extra hours unless recorded, and the local times in the location's time
// zone (the wall-clock time written with a +00:00 offset, as Factorial's
// examples show it).
func viewPlannedShift(c *call, v map[string]any) {
	setDefault(v, "company_id", 1)
	v["locations_work_area_id"] = v["work_area_id"]
	setDefault(v, "extra_hours", false)
	tz := shiftTimezone
	if loc := c.s.tbl(ResLocations).recs[intOr(v["location_id"])]; loc != nil && v["location_id"] != nil {
		if s, _ := loc["timezone"].(string); s != "" {
			tz = s
		}
	}
	v["timezone"] = tz
	zone, err := time.LoadLocation(tz)
	if err != nil {
		zone = time.UTC
	}
	local := func(field string) any {
		t, err := time.Parse(time.RFC3339, fmtVal(v[field]))
		if err != nil {
			return nil
		}
		wall := t.In(zone)
		return time.Date(wall.Year(), wall.Month(), wall.Day(), wall.Hour(), wall.Minute(), wall.Second(), 0, time.UTC).Format("2006-01-02T15:04:05.000+00:00")
	}
	v["local_start_at"], v["local_end_at"] = local("start_at"), local("end_at")
}

// plannedShiftFilter: without_ids[] leaves shifts out, only_states[] keeps
// those states; callers who are not admins see published shifts only.
func plannedShiftFilter(c *call, q url.Values) func(v map[string]any) bool {
	without := queryIDs(q, "without_ids[]")
	states := q["only_states[]"]
	privileged := c.p.privileged()
	return func(v map[string]any) bool {
		return !slices.Contains(without, intOr(v["id"])) &&
			(len(states) == 0 || slices.Contains(states, fmtVal(v["state"]))) &&
			(privileged || v["state"] == "published")
	}
}

// plannedShiftFields are the members of a bulk-created shift written to
// the record, as CreatePlannedShift's body.
var plannedShiftFields = []string{"name", "start_at", "end_at", "notes", "employee_id", "location_id", "work_area_id", "company_id"}

// createPlannedShiftsInBulk plans every shift, or none when one is refused
// (422). Each of planned_breaks is added to every shift created, its kind
// of break (break_configuration_id) existing and its break_type one of
// fixed, flexible, semi_flexible (422 otherwise).
func (c *call) createPlannedShiftsInBulk() {
	c.locked(writeLock, func() *apiError {
		var recs []map[string]any
		for _, it := range listOf(c.in["shifts"]) {
			item, _ := it.(map[string]any)
			rec := map[string]any{}
			for _, k := range plannedShiftFields {
				if v, ok := item[k]; ok {
					rec[k] = cloneVal(v)
				}
			}
			if id, ok := toInt(rec["company_id"]); !ok || id != demoCompanyID {
				return invalid("company_id", "The company does not exist")
			}
			recs = append(recs, rec)
		}
		var breaks []map[string]any
		for _, it := range listOf(c.in["planned_breaks"]) {
			item, _ := it.(map[string]any)
			b := map[string]any{}
			for _, k := range plannedBreakFields {
				if v, ok := item[k]; ok && k != "shift_id" {
					b[k] = cloneVal(v)
				}
			}
			if id, ok := toInt(b["break_configuration_id"]); ok {
				b["break_configuration_id"] = id
			}
			if !slices.Contains([]string{"fixed", "flexible", "semi_flexible"}, fmtVal(b["break_type"])) {
				return invalid("planned_breaks", "break_type must be fixed, flexible or semi_flexible")
			}
			if aerr := preparePlannedBreak(c, clone(b), nil); aerr != nil {
				return aerr
			}
			breaks = append(breaks, b)
		}
		if aerr := c.insertAll(ResManagedShifts, recs); aerr != nil {
			return aerr
		}
		for _, rec := range recs {
			for _, b := range breaks {
				pb := clone(b)
				pb["shift_id"] = rec["id"]
				if aerr := c.insert(ResPlannedBreaks, pb); aerr != nil {
					return aerr
				}
			}
		}
		return nil
	})
}

// deletePlannedShiftsInBulk deletes the shifts every filter given selects
// (ids, employees, and the days of start_at and end_at: shifts ending on
// or after the first, starting on or before the second); with no filter,
// every shift. Backup shifts stay unless destroy_backup_shifts. Answers
// the deleted shifts.
func (c *call) deletePlannedShiftsInBulk() {
	c.locked(writeLock, func() *apiError {
		ids, emps := intSlice(c.in["ids"]), intSlice(c.in["employee_ids"])
		day := func(k string) (string, *apiError) {
			if c.in[k] == nil {
				return "", nil
			}
			t, err := time.Parse(time.RFC3339, fmtVal(c.in[k]))
			if err != nil {
				return "", invalid(k, "is not a timestamp")
			}
			return t.UTC().Format(time.DateOnly), nil
		}
		from, aerr := day("start_at")
		if aerr != nil {
			return aerr
		}
		to, aerr := day("end_at")
		if aerr != nil {
			return aerr
		}
		backups, _ := c.in["destroy_backup_shifts"].(bool)
		var gone []map[string]any
		c.s.tbl(ResManagedShifts).each(func(r map[string]any) bool {
			start, end := cut(fmtVal(r["start_at"]), "YYYY-MM-DD"), cut(fmtVal(r["end_at"]), "YYYY-MM-DD")
			switch {
			case len(ids) > 0 && !slices.Contains(ids, intOr(r["id"])),
				len(emps) > 0 && !slices.Contains(emps, intOr(r["employee_id"])),
				from != "" && end < from, to != "" && start > to,
				r["state"] == "backup" && !backups:
				return true
			}
			gone = append(gone, r)
			return true
		})
		out := make([]map[string]any, 0, len(gone))
		for _, r := range gone {
			out = append(out, c.decorate(r))
			c.s.tbl(ResManagedShifts).remove(intOr(r["id"]))
		}
		c.respondList(out)
		return nil
	})
}
