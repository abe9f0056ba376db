package sandbox

// The dated API's employee updates (employee_updates/*): the changes
// payroll has to act on, read-only. Each kind has its table, seeded by
// seedEmployeeUpdates; summaries are computed from all of them, an update
// keeping its id in both lists (the seeded ids do not overlap across
// kinds, and the API creates none).

import "slices"

// Tables of the employee updates, one per kind.
const (
	ResEUAbsences        = "employee_updates_absences"
	ResEUContractChanges = "employee_updates_contract_changes"
	ResEUNewHires        = "employee_updates_new_hires"
	ResEUPersonalChanges = "employee_updates_personal_changes"
	ResEUTerminations    = "employee_updates_terminations"
)

// euKind says how an update of one table reads as a summary: its type and
// the fields holding its first and last day.
type euKind struct {
	table, typ, start, end string
}

// euKinds lists the kinds in the order summaries list them. A personal
// change's type is the one it was seeded with (summary_type), as one
// table holds name, address, bank... changes.
var euKinds = []euKind{
	{ResEUAbsences, "custom-leave", "start_on", "finish_on"},
	{ResEUContractChanges, "contract", "effective_on", "ends_on"},
	{ResEUNewHires, "hiring", "start_date", "contract_end_date"},
	{ResEUPersonalChanges, "", "effective_on", ""},
	{ResEUTerminations, "termination", "terminated_on", "contract_end_date"},
}

// employeeUpdateSummaries computes every summary, ordered by id. The
// caller holds the lock.
func (s *Sandbox) employeeUpdateSummaries() []map[string]any {
	var out []map[string]any
	for _, k := range euKinds {
		s.tbl(k.table).each(func(r map[string]any) bool {
			typ := k.typ
			if typ == "" {
				typ = fmtVal(r["summary_type"])
			}
			legal := r["legal_entity_id"]
			if legal == nil {
				if emp := s.tbl(ResEmployees).recs[intOr(r["employee_id"])]; emp != nil {
					legal = emp["legal_entity_id"]
				}
			}
			sum := map[string]any{"id": r["id"], "employee_id": r["employee_id"], "legal_entity_id": legal,
				"status": r["status"], "type": typ, "starts_on": r[k.start], "ends_on": nil, "created_at": r["created_at"]}
			if k.end != "" {
				sum["ends_on"] = r[k.end]
			}
			out = append(out, sum)
			return true
		})
	}
	slices.SortStableFunc(out, func(a, b map[string]any) int { return intOr(a["id"]) - intOr(b["id"]) })
	for i, sum := range out {
		sum["_seq"] = i + 1
	}
	return out
}

// listEmployeeUpdateSummaries applies the summaries' filters: ids,
// employees, legal entities (legal_entities_ids[]), types, and the start
// day, which both starts_on (on or after) and ends_on (on or before)
// bound, as Factorial describes them.
func (c *call) listEmployeeUpdateSummaries() {
	c.locked(readLock, func() *apiError {
		q := c.r.URL.Query()
		in := func(name string, v any) bool {
			vals := q[name]
			return len(vals) == 0 || slices.Contains(vals, fmtVal(v))
		}
		from, to := q.Get("starts_on"), q.Get("ends_on")
		var out []map[string]any
		for _, sum := range c.s.employeeUpdateSummaries() {
			start := fmtVal(sum["starts_on"])
			if !in("ids[]", sum["id"]) || !in("employee_ids[]", sum["employee_id"]) ||
				!in("legal_entities_ids[]", sum["legal_entity_id"]) || !in("type[]", sum["type"]) ||
				(from != "" && (sum["starts_on"] == nil || start < from)) || (to != "" && (sum["starts_on"] == nil || start > to)) {
				continue
			}
			out = append(out, sum)
		}
		return c.respondPage(out)
	})
}

// getEmployeeUpdateSummary answers one summary by the update's id.
func (c *call) getEmployeeUpdateSummary() {
	c.locked(readLock, func() *apiError {
		raw := c.path["id"]
		id, ok := canonicalID(raw)
		if ok {
			for _, sum := range c.s.employeeUpdateSummaries() {
				if intOr(sum["id"]) == id {
					c.respond(sum)
					return nil
				}
			}
		}
		return notFound(raw)
	})
}

// seedEmployeeUpdates writes one update of each kind about the seeded
// people: Bea's summer trip and Bruno's sick days (the seeded leaves 1 and
// 2), Bea's raise, Bruno's hire, Manu's new address and Tere's
// termination (the seeded terminated employee). day gives a date relative
// to today; now is the creation timestamp.
func seedEmployeeUpdates(put func(res string, recs ...map[string]any), day func(int) string, now string) {
	type M = map[string]any
	put(ResEUAbsences,
		M{"id": 1, "status": "to-do", "employee_id": DemoBasicID, "employee_full_name": "Bea Basic", "approved": true,
			"description": "Summer trip", "start_on": day(7), "prev_start_on": day(8), "finish_on": day(11), "prev_finish_on": day(11),
			"half_day": nil, "hours_amount_in_cents": nil, "leave_type_id": 1, "leave_type_name": "Vacation", "created_at": now},
		M{"id": 2, "status": "done", "employee_id": DemoBasic2ID, "employee_full_name": "Bruno Basic", "approved": true,
			"description": "Flu", "start_on": day(-3), "prev_start_on": nil, "finish_on": day(-2), "prev_finish_on": nil,
			"half_day": nil, "hours_amount_in_cents": nil, "leave_type_id": 2, "leave_type_name": "Sick leave", "created_at": now})
	put(ResEUContractChanges, M{"id": 3, "status": "to-do", "effective_on": day(-60), "starts_on": day(-365 * 3), "ends_on": nil,
		"employee_id": DemoBasicID, "job_title": "Senior Engineer", "job_role": "Software Engineer", "job_level": "Senior",
		"has_payroll": true, "salary_amount": 4800000, "salary_frequency": "yearly", "working_week_days": "monday,tuesday,wednesday,thursday,friday",
		"working_hours": 40, "working_hours_frequency": "week", "country": "es", "es_has_teleworking_contract": true,
		"es_cotization_group": 1, "es_contract_type_id": 1, "es_contract_type_name": "Indefinido", "fr_forfait_jours": false,
		"compensation_ids": []int{}, "created_at": now, "updated_at": now})
	put(ResEUNewHires, M{"id": 4, "status": "done", "employee_id": DemoBasic2ID, "first_name": "Bruno", "last_name": "Basic",
		"identifier": "44444444A", "identifier_type": "dni", "work_email": DemoBasic2Email, "phone_number": "+34 600 000 004",
		"gender": "male", "job_title": "Engineer", "address": "Carrer Demo 44", "city": "Barcelona", "country": "ES",
		"state": "Barcelona", "postal_code": "08004", "date_of_birth": "1995-12-30", "nationality": "ES",
		"start_date": day(-365 * 4), "contract_effective_date": day(-365 * 4), "contract_end_date": nil,
		"bank_account": "ES9121000418450200051444", "salary_amount_in_cents": 5000000, "salary_frequency": "yearly",
		"working_hours": 40, "working_hours_frequency": "week", "social_security_number": "08/123456744", "manager_id": DemoManagerID,
		"tax_id": "44444444A", "legal_entity_id": 1, "workplace_id": 1, "created_at": now})
	put(ResEUPersonalChanges, M{"id": 5, "status": "to-do", "summary_type": "address", "effective_on": day(-10),
		"employee_id": DemoManagerID, "first_name": "Manu", "last_name": "Manager", "address_line_1": "Carrer Nou 12",
		"address_line_2": "3r 2a", "postal_code": "08012", "city": "Barcelona", "state": "Barcelona", "country": "ES", "created_at": now})
	put(ResEUTerminations, M{"id": 6, "status": "to-do", "employee_id": DemoTerminatedID, "terminated_on": day(-30),
		"contract_end_date": day(-30), "termination_reason": "End of contract", "termination_observations": nil, "legal_entity_id": 1,
		"remaining_holidays": []any{M{"name": "Vacation", "available_days": "3 working days"}}, "termination_reason_type": "company",
		"termination_type_description": "End of a temporary contract", "created_at": now})
}
