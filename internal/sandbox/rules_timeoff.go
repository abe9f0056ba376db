package sandbox

// Time off: the defaults, checks and read-time joins of leaves.

import (
	"time"
)

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
	// A blocked period refuses new leaves, and changes of dates or type,
	// that fall in it.
	if old == nil || old["start_on"] != rec["start_on"] || old["finish_on"] != rec["finish_on"] || old["leave_type_id"] != rec["leave_type_id"] {
		return c.s.blockedLeave(rec)
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
