package sandbox

// Dated API: deciding leaves, deleting an allowance in favour of another,
// and the allowance counters (stats), computed from the employees, their
// policy's allowances and their approved leaves.

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
)

// approveLeave approves a pending leave (approve and approve_all: the
// sandbox has no multi-step approval flow, so both approve the leave).
func (c *call) approveLeave() { c.decideLeave(true) }

// rejectLeave rejects a pending leave; reason is kept for the employee.
func (c *call) rejectLeave() { c.decideLeave(false) }

// decideLeave approves or rejects the body's leave. Admins, API keys,
// company tokens and the employee's time-off manager may decide (403
// otherwise); only a pending leave can be decided (422 for one already
// approved or rejected). A rejected leave stays listed, not approved.
func (c *call) decideLeave(approve bool) {
	c.edit(ResLeaves, func(rec map[string]any) *apiError {
		if !c.p.privileged() && !c.managesLeave(rec) {
			return errForbidden
		}
		switch {
		case rec["approved"] == true:
			return invalid("base", "The leave is already approved: only a pending leave can be approved or rejected")
		case rec["_rejected"] == true:
			return invalid("base", "The leave is already rejected: only a pending leave can be approved or rejected")
		}
		if approve {
			rec["approved"] = true
			return nil
		}
		rec["approved"], rec["_rejected"] = false, true
		if r, ok := c.in["reason"]; ok {
			rec["_rejection_reason"] = r
		}
		return nil
	})
}

// managesLeave reports whether the caller is the time-off manager of the
// leave's employee. The caller holds the lock.
func (c *call) managesLeave(leave map[string]any) bool {
	emp := c.s.tbl(ResEmployees).recs[intOr(leave["employee_id"])]
	return emp != nil && c.p.EmployeeID != 0 && intOr(emp["timeoff_manager_id"]) == c.p.EmployeeID
}

// deleteAllowanceWithAlt deletes the body's allowance, naming another
// existing allowance to take over its adjustments (422 otherwise); it
// answers the deleted allowance. The sandbox keeps no adjustments, so
// nothing moves.
func (c *call) deleteAllowanceWithAlt() {
	c.onRecord(writeLock, byID(ResAllowances), func(rec map[string]any) *apiError {
		t := c.s.tbl(ResAllowances)
		alt := intOr(c.in["alt_allowance_id"])
		if alt == rec["id"] || t.recs[alt] == nil {
			return invalid("alt_allowance_id", "must name another existing allowance")
		}
		c.s.store(ResAllowances).remove(rec["id"].(int))
		c.respond(rec)
		return nil
	})
}

// referenceDate is the request's reference_date, today by default.
func (c *call) referenceDate() (time.Time, *apiError) {
	raw := c.r.URL.Query().Get("reference_date")
	if raw == "" {
		raw = c.pj.today
	}
	t, err := time.Parse(time.DateOnly, raw)
	if err != nil {
		return time.Time{}, invalid("reference_date", "is invalid")
	}
	return t, nil
}

// allowanceStats lists the counter of every employee for every allowance
// of the employee's time-off policy at the reference date.
func (c *call) allowanceStats() {
	c.locked(readLock, func() *apiError {
		ref, aerr := c.referenceDate()
		if aerr != nil {
			return aerr
		}
		m := newMatcher(c.rt, c.r.URL.Query(), c.path)
		var out []map[string]any
		for _, st := range c.s.allowanceStats(ref) {
			if m.match(st) {
				out = append(out, st)
			}
		}
		return c.respondPage(out)
	})
}

// allowanceStat answers one counter by its virtual id,
// <employee_id>/<allowance_id>/<reference_date>.
func (c *call) allowanceStat() {
	c.locked(readLock, func() *apiError {
		raw := c.path["id"]
		parts := strings.Split(raw, "/")
		if len(parts) != 3 {
			return notFound(raw)
		}
		ref, err := time.Parse(time.DateOnly, parts[2])
		if err != nil {
			return notFound(raw)
		}
		for _, st := range c.s.allowanceStats(ref) {
			if st["id"] == raw {
				c.respond(st)
				return nil
			}
		}
		return notFound(raw)
	})
}

// policyOf is an employee's time-off policy: the one assigned, else the
// company's main policy, else the first. The caller holds the lock.
func (s *Sandbox) policyOf(emp map[string]any) int {
	if id, ok := toInt(emp["timeoff_policy_id"]); ok {
		return id
	}
	first := 0
	main := 0
	s.tbl(ResPolicies).each(func(p map[string]any) bool {
		if first == 0 {
			first = p["id"].(int)
		}
		if p["main"] == true {
			main = p["id"].(int)
		}
		return main == 0
	})
	if main != 0 {
		return main
	}
	return first
}

// allowanceStats computes every counter at ref, in employee then
// allowance order, for the allowances of the employee's policy at ref
// (policyAt): the allowance's yearly units (holiday_allowance_in_cents
// hundredths, all granted on the cycle's first day), plus the employee's
// adjustments of it effective in ref's year by ref, the days of the
// employee's approved leaves of its leave types in ref's year that started
// by ref (used) or start after it (outstanding), and what is left. Amounts
// are decimal strings, as Factorial sends them. The caller holds the lock.
func (s *Sandbox) allowanceStats(ref time.Time) []map[string]any {
	day := ref.Format(time.DateOnly)
	year := ref.Year()
	leaves := map[int][]map[string]any{}
	s.tbl(ResLeaves).each(func(l map[string]any) bool {
		if l["approved"] == true {
			emp := intOr(l["employee_id"])
			leaves[emp] = append(leaves[emp], l)
		}
		return true
	})
	// Adjustments effective in ref's year by ref, per employee and allowance.
	type adjKey struct{ emp, allowance int }
	accrued, available := map[adjKey]float64{}, map[adjKey]float64{}
	s.tbl(ResAllowanceIncidences).each(func(in map[string]any) bool {
		on := fmtVal(in["effective_on"])
		if !strings.HasPrefix(on, strconv.Itoa(year)) || on > day {
			return true
		}
		k := adjKey{intOr(in["employee_id"]), intOr(in["timeoff_allowance_id"])}
		units := float64(intOr(in["days_in_cents"])) / 100
		if in["target_balance"] == "accrued" {
			accrued[k] += units
		} else {
			available[k] += units
		}
		return true
	})
	dec := func(x float64) string { return strconv.FormatFloat(x, 'f', 1, 64) }
	var out []map[string]any
	s.tbl(ResEmployees).each(func(emp map[string]any) bool {
		policy := s.policyAt(emp, day)
		empID := emp["id"].(int)
		s.tbl(ResAllowances).each(func(a map[string]any) bool {
			if intOr(a["timeoff_policy_id"]) != policy {
				return true
			}
			types := intSlice(a["leave_type_ids"])
			total := float64(intOr(a["holiday_allowance_in_cents"])) / 100
			var before, used, outstanding float64
			for _, l := range leaves[empID] {
				start := cut(fmtVal(l["start_on"]), day)
				if !slices.Contains(types, intOr(l["leave_type_id"])) || !strings.HasPrefix(start, strconv.Itoa(year)) {
					continue
				}
				d := leaveDays(l)
				switch {
				case start < day:
					before += d
					used += d
				case start == day:
					used += d
				default:
					outstanding += d
				}
			}
			zero := dec(0)
			k := adjKey{empID, a["id"].(int)}
			adj := accrued[k] + available[k]
			out = append(out, map[string]any{
				"_seq": len(out) + 1,
				"id":   fmt.Sprintf("%d/%d/%s", empID, a["id"], day), "employee_id": empID, "allowance_id": a["id"], "year": year,
				"cycles": []any{map[string]any{
					"start_at": fmt.Sprintf("%d-01-01", year), "end_at": fmt.Sprintf("%d-12-31", year),
					"regular_start_at": fmt.Sprintf("%d-01-01", year), "regular_end_at": fmt.Sprintf("%d-12-31", year),
				}},
				"cycle_carry_overs": []any{},
				"policy_allowance":  dec(total), "prorated_allowance_days": dec(total), "total_accrued_units": dec(total),
				"accumulated_carry_over": zero, "used_carry_over": zero, "incidences": dec(adj),
				"accrued_incidences": dec(accrued[k]), "available_incidences": dec(available[k]),
				"total": dec(total + adj), "total_in_decimal": dec(total + adj), "max_balance_cap": nil,
				"used_days": dec(used), "used_units_until_reference_date": dec(before), "outstanding_units": dec(outstanding),
				"available_days": dec(total + adj - used - outstanding),
			})
			return true
		})
		return true
	})
	return out
}

// prepareAllowanceIncidence: the employee and the allowance exist; an
// update keeps the employee (its body has no employee_id).
func prepareAllowanceIncidence(c *call, rec, old map[string]any) *apiError {
	if c.s.tbl(ResEmployees).recs[intOr(rec["employee_id"])] == nil {
		return invalid("employee_id", "The employee does not belong to the company")
	}
	if c.s.tbl(ResAllowances).recs[intOr(rec["timeoff_allowance_id"])] == nil {
		return invalid("timeoff_allowance_id", "The allowance does not exist")
	}
	delete(rec, "_skip_notifications")
	return nil
}

// viewAllowanceIncidence: Factorial sends an adjustment's timestamps as
// Unix seconds, where the store keeps RFC 3339 strings.
func viewAllowanceIncidence(c *call, v map[string]any) {
	for _, k := range []string{"created_at", "updated_at"} {
		if t, err := time.Parse(time.RFC3339, fmtVal(v[k])); err == nil {
			v[k] = t.Unix()
		}
	}
}

// prepareBlockedPeriod: the leave types exist; the update's
// time_periods_attributes replace the record's time_periods. A new blocked
// period has no date ranges and no employees until an update sets them
// (the create takes neither).
func prepareBlockedPeriod(c *call, rec, old map[string]any) *apiError {
	for _, id := range intSlice(rec["leave_type_ids"]) {
		if c.s.tbl(ResLeaveTypes).recs[id] == nil {
			return invalid("leave_type_ids", fmt.Sprintf("The leave type %d does not exist", id))
		}
	}
	if tp, ok := rec["time_periods_attributes"]; ok {
		rec["time_periods"] = tp
		delete(rec, "time_periods_attributes")
	}
	setDefault(rec, "time_periods", []any{})
	setDefault(rec, "members", []any{})
	setDefault(rec, "company_id", demoCompanyID)
	return nil
}

// preparePolicyAssignment: the policy and the employee exist, and an
// employee has one assignment per date.
func preparePolicyAssignment(c *call, rec, old map[string]any) *apiError {
	if c.s.tbl(ResPolicies).recs[intOr(rec["timeoff_policy_id"])] == nil {
		return invalid("timeoff_policy_id", "The time off policy does not exist")
	}
	emp := intOr(rec["employee_id"])
	if c.s.tbl(ResEmployees).recs[emp] == nil {
		return invalid("employee_id", "The employee does not belong to the company")
	}
	day := fmtVal(rec["effective_at"])
	var clash bool
	c.s.tbl(ResPolicyAssignments).each(func(a map[string]any) bool {
		clash = a["id"] != rec["id"] && intOr(a["employee_id"]) == emp && fmtVal(a["effective_at"]) == day
		return !clash
	})
	if clash {
		return invalid("effective_at", "has already been taken")
	}
	return nil
}

// policyAssignments lists an employee's policy assignments by date. The
// caller holds the lock.
func (s *Sandbox) policyAssignments(emp int) []map[string]any {
	var out []map[string]any
	s.tbl(ResPolicyAssignments).each(func(a map[string]any) bool {
		if intOr(a["employee_id"]) == emp {
			out = append(out, a)
		}
		return true
	})
	slices.SortStableFunc(out, func(a, b map[string]any) int {
		return strings.Compare(fmtVal(a["effective_at"]), fmtVal(b["effective_at"]))
	})
	return out
}

// policyAt is an employee's time-off policy on day: that of their latest
// assignment effective by then, else policyOf's. The caller holds the lock.
func (s *Sandbox) policyAt(emp map[string]any, day string) int {
	policy := 0
	for _, a := range s.policyAssignments(emp["id"].(int)) {
		if fmtVal(a["effective_at"]) <= day {
			policy = intOr(a["timeoff_policy_id"])
		}
	}
	if policy != 0 {
		return policy
	}
	return s.policyOf(emp)
}

// policyTimelines answers the timeline of one employee over the calendar
// year of reference_date: one item per policy in effect during that year,
// from their assignments (start_on the assignment's date, finish_on the day
// before the next one, null for the last). An employee without assignments
// gets their current policy with open dates. Factorial requires both
// parameters (400 otherwise); an unknown employee has no timeline.
func (c *call) policyTimelines() {
	c.locked(readLock, func() *apiError {
		q := c.r.URL.Query()
		for _, p := range []string{"employee_id", "reference_date"} {
			if q.Get(p) == "" {
				return missingParam(p)
			}
		}
		ref, aerr := c.referenceDate()
		if aerr != nil {
			return aerr
		}
		id, _ := canonicalID(q.Get("employee_id"))
		emp := c.s.tbl(ResEmployees).recs[id]
		if emp == nil {
			return c.respondPage(nil)
		}
		first := fmt.Sprintf("%d-01-01", ref.Year())
		last := fmt.Sprintf("%d-12-31", ref.Year())
		name := func(policy int) any {
			if p := c.s.tbl(ResPolicies).recs[policy]; p != nil {
				return p["name"]
			}
			return nil
		}
		items := []any{}
		as := c.s.policyAssignments(id)
		for i, a := range as {
			start := fmtVal(a["effective_at"])
			var finish any
			if i+1 < len(as) {
				next, err := time.Parse(time.DateOnly, fmtVal(as[i+1]["effective_at"]))
				if err == nil {
					finish = next.AddDate(0, 0, -1).Format(time.DateOnly)
				}
			}
			if start > last || (finish != nil && finish.(string) < first) {
				continue
			}
			policy := intOr(a["timeoff_policy_id"])
			items = append(items, map[string]any{"timeoff_policy_id": strconv.Itoa(policy), "timeoff_policy_name": name(policy), "start_on": start, "finish_on": finish})
		}
		if len(as) == 0 {
			policy := c.s.policyOf(emp)
			items = append(items, map[string]any{"timeoff_policy_id": strconv.Itoa(policy), "timeoff_policy_name": name(policy), "start_on": nil, "finish_on": nil})
		}
		return c.respondPage([]map[string]any{{
			"_seq": 1, "id": id, "employee_id": id, "start_limit_date": first, "end_limit_date": last, "items": items,
		}})
	})
}

// blockedLeave refuses a leave of a blocked leave type, for an employee a
// blocked period applies to, overlapping one of its date ranges: fixed
// ranges (start_on to finish_on) and ranges counted from the employee's
// start date (period_type by_contract_start_date, a duration in days,
// weeks, months or years). A period applies to everyone (strategy
// everyone) or to its members and the employees of its teams, locations
// and legal entities. The caller holds the lock.
func (s *Sandbox) blockedLeave(leave map[string]any) *apiError {
	emp := s.tbl(ResEmployees).recs[intOr(leave["employee_id"])]
	if emp == nil {
		return nil
	}
	start, finish := cut(fmtVal(leave["start_on"]), time.DateOnly), cut(fmtVal(leave["finish_on"]), time.DateOnly)
	var aerr *apiError
	s.tbl(ResBlockedPeriods).each(func(bp map[string]any) bool {
		if !slices.Contains(intSlice(bp["leave_type_ids"]), intOr(leave["leave_type_id"])) || !blockedFor(bp, emp) {
			return true
		}
		periods, _ := bp["time_periods"].([]any)
		for _, raw := range periods {
			tp, _ := raw.(map[string]any)
			from, to, ok := blockedRange(tp, emp)
			if ok && start <= to && finish >= from {
				aerr = invalid("start_on", fmt.Sprintf("falls in the blocked period %s (%s to %s)", fmtVal(bp["name"]), from, to))
				return false
			}
		}
		return true
	})
	return aerr
}

// blockedFor says whether a blocked period applies to an employee.
func blockedFor(bp, emp map[string]any) bool {
	if bp["strategy"] == "everyone" {
		return true
	}
	id := emp["id"].(int)
	return slices.Contains(intSlice(bp["members"]), id) ||
		slices.ContainsFunc(intSlice(emp["team_ids"]), func(t int) bool { return slices.Contains(intSlice(bp["team_ids"]), t) }) ||
		slices.Contains(intSlice(bp["location_ids"]), intOr(emp["location_id"])) ||
		slices.Contains(intSlice(bp["legal_entity_ids"]), intOr(emp["legal_entity_id"]))
}

// blockedRange is the first and last day of one range of a blocked period
// for an employee; ok is false for a range that cannot be placed.
func blockedRange(tp, emp map[string]any) (from, to string, ok bool) {
	if tp == nil {
		return "", "", false
	}
	if s, f := fmtVal(tp["start_on"]), fmtVal(tp["finish_on"]); tp["start_on"] != nil && tp["finish_on"] != nil {
		return s, f, true
	}
	if tp["period_type"] != "by_contract_start_date" {
		return "", "", false
	}
	begin, err := time.Parse(time.DateOnly, cut(fmtVal(emp["start_date"]), time.DateOnly))
	n := intOr(tp["duration"])
	if err != nil || n <= 0 {
		return "", "", false
	}
	var end time.Time
	switch tp["duration_unit"] {
	case "days":
		end = begin.AddDate(0, 0, n)
	case "weeks":
		end = begin.AddDate(0, 0, 7*n)
	case "months":
		end = begin.AddDate(0, n, 0)
	case "years":
		end = begin.AddDate(n, 0, 0)
	default:
		return "", "", false
	}
	return begin.Format(time.DateOnly), end.AddDate(0, 0, -1).Format(time.DateOnly), true
}
