package sandbox

import (
	"slices"
	"time"
)

// seedDated writes the records only the dated API has, consistent with the
// shared ones: the memberships of the seeded teams, the allowances of the
// time-off policy, the options of the T-shirt size field and a custom
// table column, a webhook subscription left disabled (its target, the
// discard port of loopback, is never called), two work areas of the
// main location, one archived, a small job catalog (seedJobCatalog) and the banking records
// (seedBanking).
// The caller holds the write lock.
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
	s.seedBanking(put)
	put(ResWebhookSubscriptions, M{"id": 1, "type": "employees/employee/update", "target_url": "http://127.0.0.1:9/factorial-webhooks",
		"name": "HRIS sync (disabled)", "challenge": "sandbox-challenge", "enabled": false, "api_version": DatedAPIVersion, "company_id": 1})
	put(ResWorkAreas,
		M{"id": 1, "location_id": 1, "name": "Front desk", "archived_at": nil},
		M{"id": 2, "location_id": 1, "name": "Terrace", "archived_at": s.clock().UTC().AddDate(0, 0, -30).Format(time.RFC3339)})
	s.seedJobCatalog(put)
	s.seedContracts(put)
}

// seedContracts writes the dated API's contract and payroll records: two
// contract templates (Spain, France) with one entry in each Spanish list,
// contract types of France, Germany, Portugal and Spain (one Spanish type
// archived), two payroll concepts (one inactive), the history entry of
// the seeded contract version, the materialized templates of the Spanish
// legal entity at each level, this month's payroll period and the
// Portuguese payroll identifiers of the manager.
func (s *Sandbox) seedContracts(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	now := s.clock().UTC()
	first := time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, time.UTC)
	last := first.AddDate(0, 1, -1)
	put(ResContractTemplates,
		M{"id": 1, "company_id": 1, "contract_version_type": "es"},
		M{"id": 2, "company_id": 1, "contract_version_type": "fr"})
	entry := func(id int, name string, archived bool) M {
		return M{"id": id, "name": name, "default": true, "archived": archived, "contracts_contract_template_id": 1}
	}
	put(ResSpanishContractTypes, entry(1, "Indefinido", false), entry(2, "Obra y servicio", true))
	put(ResSpanishEducationLevels, entry(1, "Without studies", false))
	put(ResSpanishProfessionalCats, entry(1, "Administration Manager", false))
	put(ResSpanishWorkingDayTypes, entry(1, "Fulltime", false))
	put(ResFrenchContractTypes,
		M{"id": 1, "name": "CDI - Contrat à durée indéterminée", "archived": false},
		M{"id": 2, "name": "CDD - Contrat à durée déterminée", "archived": false})
	put(ResGermanContractTypes, M{"id": 1, "name": "Unbefristet Vollzeit", "archived": false})
	put(ResPortugueseContractTypes, M{"id": 1, "name": "Sem Termo", "archived": false})
	put(ResCompensationConcepts,
		M{"id": 1, "company_id": 1, "category": "earnings_fixed_salary", "default": true, "name": "base_salary",
			"label": "Base salary", "description": "Monthly base salary", "translated_name": "Base salary",
			"unit_name": "EUR", "unit_type": "money", "active": true},
		M{"id": 2, "company_id": 1, "category": "earnings_variable", "default": false, "name": "fixed_comission",
			"label": "Fixed comission", "description": "Fixed comission", "translated_name": "Fixed comission",
			"unit_name": "EUR", "unit_type": "money", "active": false})
	cv := s.tbl(ResContractVersions).recs[1]
	put(ResContractVersionHistories, M{"id": 1, "employee_id": DemoBasicID, "original_contract_version_id": 1,
		"contracts_contract_version_id": 1, "changed_at": now.AddDate(0, 0, -30).Format(time.RFC3339),
		"author": "Ada Admin", "action_type": "promotion", "effective_on": cv["effective_on"], "starts_on": cv["starts_on"],
		"country": "es", "job_title": cv["job_title"], "has_payroll": true, "salary_amount": cv["salary_amount"],
		"salary_frequency": cv["salary_frequency"], "fr_forfait_jours": false,
		"created_at": now.AddDate(0, 0, -30).Format(time.DateOnly), "updated_at": now.AddDate(0, 0, -30).Format(time.DateOnly)})
	fields := []M{
		{"field_id": "contract_type", "name": "Contract type", "required": true},
		{"field_id": "job_title", "name": "Job title", "required": false},
	}
	put(ResMaterializedTemplates,
		M{"id": 1, "company_id": 1, "template_type": "company", "legal_entity_id": nil, "country_code": nil, "template": fields[1:]},
		M{"id": 2, "company_id": 1, "template_type": "country", "legal_entity_id": nil, "country_code": "es", "template": fields},
		M{"id": 3, "company_id": 1, "template_type": "legal_entity", "legal_entity_id": 1, "country_code": "es", "template": fields})
	put(ResPayrollPolicyPeriods, M{"id": 1, "policy_id": 1, "policy_name": "Monthly payroll", "company_id": 1,
		"name":      "Monthly payroll " + first.Format("2 Jan") + " - " + last.Format("2 Jan"),
		"starts_on": first.Format(time.DateOnly), "ends_on": last.Format(time.DateOnly),
		"period": first.Format("2 Jan") + " - " + last.Format("2 Jan 2006"), "status": "supplements_definition",
		"calculation_started_at": nil})
	put(ResPayrollEmployeeIdentifiers, M{"id": 1, "employee_id": DemoManagerID, "country": "pt",
		"social_security_number": "12345678901", "tax_id": "123456789"})
}

// seedJobCatalog writes a small job catalog: two roles, three levels, the
// tree above them (one root, two families, two functions) and attributes
// on the Senior level and the Software Engineer role. Role and level
// nodes carry the ids of the role and level records in their UUIDs.
func (s *Sandbox) seedJobCatalog(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	put(ResJobCatalogRoles,
		M{"id": 1, "name": "Software Engineer", "description": "Designs, builds and runs the product.",
			"legal_entities_ids": []any{1}, "supervisors_ids": []any{DemoManagerID}, "competencies_ids": []any{1, 2}, "archived": false},
		M{"id": 2, "name": "People Partner", "description": nil,
			"legal_entities_ids": []any{1}, "supervisors_ids": []any{DemoAdminID}, "competencies_ids": []any{}, "archived": false})
	put(ResJobCatalogLevels,
		M{"id": 1, "role_id": 1, "name": "Junior", "order": 1, "archived": false, "is_default": true},
		M{"id": 2, "role_id": 1, "name": "Senior", "order": 2, "archived": false, "is_default": false},
		M{"id": 3, "role_id": 2, "name": "Partner", "order": 1, "archived": false, "is_default": true})
	node := func(id int, typ, uuid, parent, name, title string) M {
		rec := M{"id": id, "type": typ, "uuid": uuid, "ancestor_uuid": nil, "name": name, "description": nil,
			"created_at": "2026-01-15", "updated_at": "2026-01-15", "job_catalog_title": nil}
		if parent != "" {
			rec["ancestor_uuid"] = parent
		}
		if title != "" {
			rec["job_catalog_title"] = title
		}
		return rec
	}
	put(ResJobCatalogTreeNodes,
		node(1, "jobcatalog_treeroot", "jobcatalog_treeroot-1", "", "Job catalog", ""),
		node(2, "jobcatalog_treefamily", "jobcatalog_treefamily-1", "jobcatalog_treeroot-1", "Engineering", ""),
		node(3, "jobcatalog_treefamily", "jobcatalog_treefamily-2", "jobcatalog_treeroot-1", "People", ""),
		node(4, "jobcatalog_treefunction", "jobcatalog_treefunction-1", "jobcatalog_treefamily-1", "Software development", ""),
		node(5, "jobcatalog_treefunction", "jobcatalog_treefunction-2", "jobcatalog_treefamily-2", "People operations", ""),
		node(6, "jobcatalog_treerole", "jobcatalog_treerole-1", "jobcatalog_treefunction-1", "Software Engineer", "Software Engineer"),
		node(7, "jobcatalog_treerole", "jobcatalog_treerole-2", "jobcatalog_treefunction-2", "People Partner", "People Partner"),
		node(8, "jobcatalog_treelevel", "jobcatalog_treelevel-1", "jobcatalog_treerole-1", "Junior", "Software Engineer, Junior"),
		node(9, "jobcatalog_treelevel", "jobcatalog_treelevel-2", "jobcatalog_treerole-1", "Senior", "Software Engineer, Senior"),
		node(10, "jobcatalog_treelevel", "jobcatalog_treelevel-3", "jobcatalog_treerole-2", "Partner", "People Partner, Partner"))
	attr := func(id int, node, typ string, attributeID any, value M) M {
		rec := M{"id": id, "node_uuid": node, "type": typ, "attribute_id": attributeID, "value_competency": nil,
			"value_it_management_asset": nil, "value_salary_range": nil, "value_working_conditions": nil}
		rec["value_"+typ] = value
		return rec
	}
	put(ResJobCatalogNodeAttributes,
		attr(1, "jobcatalog_treelevel-2", "competency", 1, M{"name": "Code review", "description": "Reviews the changes of others",
			"level": M{"id": 2, "name": "Level 2", "description": "Reviews without guidance"}}),
		attr(2, "jobcatalog_treelevel-2", "salary_range", nil, M{"currency": "EUR", "periodicity": "yearly", "min": 4500000,
			"max": 6000000, "workplaces": []any{M{"id": 1, "name": "Barcelona"}}}),
		attr(3, "jobcatalog_treerole-1", "working_conditions", nil, M{"name": "Office agreement", "description": "Standard contract",
			"conditions": []any{M{"key": "max_weekly_hours", "value": "4000"}}}),
		attr(4, "jobcatalog_treerole-1", "it_management_asset", nil, M{"type_name": "laptop", "brand": "Lenovo", "name": "ThinkPad T14"}))
}

// seedBanking writes two company bank accounts of the legal entity, the
// operating account (its only member the admin) and a card account shared
// with the manager and Bea Basic, with one card payment and transactions
// on each. Times are relative to the clock's day.
func (s *Sandbox) seedBanking(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	now := s.clock().UTC()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	at := func(offset int, hhmm string) string {
		return today.AddDate(0, 0, offset).Format(time.DateOnly) + "T" + hhmm + ":00Z"
	}
	account := func(id int, alias, number, bic string, members []int, balance int) M {
		return M{"id": id, "external_id": nil, "legal_entity_id": 1, "currency": "EUR", "country": "es",
			"account_alias": alias, "account_number": number, "account_number_type": "iban", "iban": number, "bic": bic,
			"sort_code": nil, "routing_number": nil, "bank_name": "Factorial Banking", "beneficiary_name": "Acme Labs S.L.",
			"account_balance_cents": balance, "available_balance_cents": balance, "pending_balance_cents": 0,
			"ledger_account_id": nil, bankAccountMembers: members, "updated_at": at(-1, "06:00")}
	}
	put(ResBankAccounts,
		account(1, "Operating account", "ES7921000813610123456789", "FACTESB2XXX", []int{DemoAdminID}, 8450000),
		account(2, "Team cards", "ES6000491500051234567892", "FACTESB2XXX", []int{DemoManagerID, DemoBasicID}, 120000))
	put(ResCardPayments,
		M{"id": 1, "bank_account_id": 2, "card_id": 21, "amount_cents": -4590, "currency": "EUR", "merchant_name": "Cafe Central",
			"merchant_amount_cents": -4590, "merchant_currency": "EUR", "exchange_rate": 1.0, "approved": true,
			"external_created_at": at(-2, "13:05"), "status": "closed", "type": "payment", "rejected_reason": nil,
			"created_at": at(-2, "13:05"), "updated_at": at(-2, "13:05")},
		M{"id": 2, "bank_account_id": 1, "card_id": 11, "amount_cents": -250000, "currency": "EUR", "merchant_name": "Office Supply Co",
			"merchant_amount_cents": -250000, "merchant_currency": "EUR", "exchange_rate": 1.0, "approved": false,
			"external_created_at": at(-1, "10:00"), "status": "rejected", "type": "payment", "rejected_reason": "spending_controls",
			"created_at": at(-1, "10:00"), "updated_at": at(-1, "10:00")})
	put(ResBankTransactions,
		M{"id": 1, "bank_account_id": 1, "card_payment_id": nil, "amount_cents": 5000000, "balance_after_cents": 8450000,
			"currency": "EUR", "type": "topup", "description": "Transfer from the main bank", "booking_date": at(-7, "00:00"),
			"value_date": at(-7, "00:00"), "updated_at": at(-7, "06:00")},
		M{"id": 2, "bank_account_id": 2, "card_payment_id": 1, "amount_cents": -4590, "balance_after_cents": 120000,
			"currency": "EUR", "type": "card_payment", "description": "Cafe Central", "booking_date": at(-2, "00:00"),
			"value_date": at(-1, "00:00"), "updated_at": at(-1, "06:00")})
}
