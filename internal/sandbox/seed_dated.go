package sandbox

import (
	"slices"
	"time"
)

// seedDated writes the records only the dated API has, consistent with the
// shared ones: the memberships of the seeded teams, the allowances of the
// time-off policy, the options of the T-shirt size field and a custom
// table column, a webhook subscription left disabled (its target, the
// discard port of loopback, is never called), and two work areas of the
// main location, one archived. The caller holds the write lock.
func (s *Sandbox) seedDated(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	teams := s.tbl(ResTeams)
	for _, id := range teams.ids {
		team := teams.recs[id]
		leads := intSlice(team["lead_ids"])
		for _, emp := range intSlice(team["employee_ids"]) {
			put(ResMemberships, M{"team_id": id, "employee_id": emp, "lead": slices.Contains(leads, emp), "company_id": 1})
		}
	}
	allowance := func(id int, name string, leaveTypes []int, cents int) M {
		return M{"id": id, "name": name, "timeoff_policy_id": 1, "leave_type_ids": leaveTypes, "allowance_type": "days",
			"available_days": "all_days", "accrued_units_availability": "current_cycle", "days_type": "working_days",
			"frequency": "yearly", "negative_counter_type": "negative_counter_disabled", "proration_type": "proration_enabled",
			"range_type": "exact_range", "rounding": "half_day", "source_units": "base_units", "cycle_start": "jan",
			"cycle_length": 12, "timeoff_cycle": "jan_dec", "holiday_allowance_in_cents": cents, "maximum_amount_in_cents": nil,
			"carry_over_days": 0, "carry_over_units_in_cents": 0, "expire_in_months": nil, "count_holiday_as_workable": false,
			"pto_proratio_enabled": true, "position": id, "send_notification": true, "tenure_periods_enabled": false,
			"tenure_periods": []M{}, "unlimited_holidays": false, "unlimited_accrued_hours": false,
			"unlimited_carry_over": false, "unlimited_carry_over_expiration": false}
	}
	put(ResAllowances, allowance(1, "Vacation", []int{1}, 2300), allowance(2, "Training days", []int{3}, 500))
	put(ResCustomFields, M{"id": 2, "label": "Laptop", "identifier": "laptop", "position": 2, "required": false,
		"field_type": "text", "min_value": nil, "max_value": nil, "slug_id": 2, "slug_name": "laptop"})
	put(ResCustomFieldOptions,
		M{"id": 1, "field_id": 1, "label": "S", "value": "s", "is_active": true},
		M{"id": 2, "field_id": 1, "label": "M", "value": "m", "is_active": true})
	put(ResResourceFields, M{"id": 1, "field_id": 2, "schema_id": 1})
	put(ResWebhookSubscriptions, M{"id": 1, "type": "employees/employee/update", "target_url": "http://127.0.0.1:9/factorial-webhooks",
		"name": "HRIS sync (disabled)", "challenge": "sandbox-challenge", "enabled": false, "api_version": DatedAPIVersion, "company_id": 1})
	put(ResWorkAreas,
		M{"id": 1, "location_id": 1, "name": "Front desk", "archived_at": nil},
		M{"id": 2, "location_id": 1, "name": "Terrace", "archived_at": s.clock().UTC().AddDate(0, 0, -30).Format(time.RFC3339)})
}
