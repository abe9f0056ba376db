package sandbox

// Employees: defaults and checks of the employee record, the lifecycle
// actions (terminate, unterminate, invite, change email), /me, the
// employee a payroll integration code names, and what basic users may see
// of other employees.

import (
	"net/http"
	"strconv"
	"strings"
)

func prepareEmployee(c *call, rec, old map[string]any) {
	if old != nil {
		return
	}
	setDefault(rec, "role", "basic")
	setDefault(rec, "access_id", c.s.nextAccessID())
	setDefault(rec, "company_id", 1)
	setDefault(rec, "legal_entity_id", 1)
	setDefault(rec, "location_id", 1)
	setDefault(rec, "start_date", c.pj.today)
	setDefault(rec, "team_ids", []any{})
	setDefault(rec, "company_holiday_ids", []any{})
	setDefault(rec, "hiring", map[string]any{"base_compensation_amount_in_cents": nil, "base_compensation_type": nil})
}

// validateEmployee: an email that is present and unique, and managers that
// exist, other than the employee. Emails are compared without surrounding white space and
// case-insensitively (how a Rails login such as Devise's keys them), so a
// variant of a taken address is taken too; Factorial answers a taken one
// with a bare array. A blank email is refused as a missing one, also on
// updates, whose request schema leaves the field optional: otherwise a
// blank email would slip past the uniqueness check.
func validateEmployee(c *call, rec, old map[string]any) *apiError {
	email, isStr := rec["email"].(string)
	if isStr && isBlank(email) {
		return missing([]string{"email"})
	}
	if isStr && (old == nil || !sameEmail(old["email"], email)) && emailTaken(c.s, email, rec["id"]) {
		return &apiError{status: http.StatusUnprocessableEntity, body: []string{"There is already a user with that email (" + email + ")"}}
	}
	errs := map[string][]string{}
	if id, ok := toInt(rec["manager_id"]); ok && id == intOr(rec["id"]) {
		errs["manager_id"] = []string{"An employee cannot be their own manager"}
	}
	for field, msg := range map[string]string{
		"manager_id":         "The manager does not belong to the company",
		"timeoff_manager_id": "The time off manager does not belong to the company",
	} {
		if id, ok := toInt(rec[field]); ok && c.s.tbl(ResEmployees).recs[id] == nil && errs[field] == nil {
			errs[field] = []string{msg}
		}
	}
	if len(errs) > 0 {
		return fieldErrors(errs)
	}
	return nil
}

// emailKey is the form under which emails are unique.
func emailKey(email string) string { return strings.ToLower(strings.TrimSpace(email)) }

func sameEmail(stored any, email string) bool {
	s, ok := stored.(string)
	return ok && emailKey(s) == emailKey(email)
}

// emailTaken reports whether an employee other than self has email, in
// any case and with any surrounding white space.
func emailTaken(s *Sandbox, email string, self any) bool {
	taken := false
	s.tbl(ResEmployees).each(func(e map[string]any) bool {
		taken = e["id"] != self && sameEmail(e["email"], email)
		return !taken
	})
	return taken
}

// me answers GET /api/v1/me from the principal's employee.
func (c *call) me() {
	c.onRecord(readLock, principalEmployee, func(emp map[string]any) *apiError {
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
		return nil
	})
}

// principalEmployee finds the employee the request acts as (404).
func principalEmployee(c *call) (map[string]any, *apiError) {
	emp := c.s.tbl(ResEmployees).recs[c.p.EmployeeID]
	if emp == nil {
		return nil, notFound(strconv.Itoa(c.p.EmployeeID))
	}
	return emp, nil
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

// terminate sets terminated_on (default today) and the reason; the leaver's
// reports move to termination_assigned_manager_id when given.
func (c *call) terminate() {
	c.edit(ResEmployees, func(rec map[string]any) *apiError {
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
	c.edit(ResEmployees, func(rec map[string]any) *apiError {
		for _, k := range []string{"terminated_on", "termination_reason", "termination_reason_type", "termination_observations"} {
			rec[k] = nil
		}
		return nil
	})
}

// invite records the invitation; terminated employees cannot be invited.
func (c *call) invite() {
	c.edit(ResEmployees, func(rec map[string]any) *apiError {
		if rec["terminated_on"] != nil {
			return invalid("base", "A terminated employee cannot be invited")
		}
		if rec["email"] == nil {
			return missing([]string{"email"})
		}
		rec["invited"], rec["invited_on"] = true, c.pj.today
		return nil
	})
}

func (c *call) changeEmail() {
	c.edit(ResEmployees, func(rec map[string]any) *apiError {
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

// findEmployeeByCode answers the employee a payroll integration code is
// attached to (an empty list for codes of other records).
func (c *call) findEmployeeByCode() {
	c.onRecord(readLock, byID(ResPayrollIntegrationCodes), func(code map[string]any) *apiError {
		out := []map[string]any{}
		integration := c.r.URL.Query().Get("integration")
		if code["codeable_type"] == "Employee" && (integration == "" || integration == code["integration"]) {
			if emp := c.s.tbl(ResEmployees).recs[intOr(code["codeable_id"])]; emp != nil {
				out = append(out, emp)
			}
		}
		c.respondList(out)
		return nil
	})
}

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
