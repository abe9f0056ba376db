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
// main location, one archived, a small job catalog (seedJobCatalog), the banking records
// (seedBanking), the recruiting records around v1's (seedAts), the
// performance review catalogues (seedPerformance), the community groups
// and comments around v1's post (seedPosts) and one employee update of
// each kind (seedEmployeeUpdates).
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
	s.seedAts(put)
	seedPerformance(put)
	now := s.clock().UTC()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	seedPosts(put)
	seedEmployeeUpdates(put, func(offset int) string { return today.AddDate(0, 0, offset).Format(time.DateOnly) }, now.Format(time.RFC3339))
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

// seedPerformance writes the two predefined employee score scales (five
// steps, the default, and four), the company's choice of the default one,
// a custom template for a yearly self and manager review of everyone, and
// one finished review process (seedReviewProcess).
func seedPerformance(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	steps := func(labels ...string) []any {
		out := make([]any, len(labels))
		for i, l := range labels {
			out[i] = M{"value": i + 1, "text": l}
		}
		return out
	}
	put(ResPerfScales,
		M{"id": 1, "is_default": true, "scale": steps("Unsatisfactory", "Missed expectations", "Meets expectations", "Exceeds expectations", "Outstanding")},
		M{"id": 2, "is_default": false, "scale": steps("Below expectations", "Meets expectations", "Above expectations", "Exceptional")})
	put(ResPerfCompanyScales, M{"id": 1, "scale_id": 1, "is_default": true})
	put(ResPerfTemplates, M{"id": 1, "author_id": 1, "company_id": 1, "name": "Yearly review",
		"description": "Our yearly self and manager review.", "template_description": "Self and manager review of every employee, with action plans.",
		"target_strategy": M{"strategy": "all_employees", "arguments": []any{}}, "reviewer_strategies": []any{"self", "manager"},
		"agreements_enabled": true, "employee_potential_score_enabled": false, "competencies_assessments_enabled": false,
		"visibility_settings": M{"restrict_answers_visibility_to_reportees": false, "early_access_to_answers_for_managers": true,
			"anonymous_peer_evaluation_for_target": false}})
	seedReviewProcess(put)
}

// seedReviewProcess writes process 1, the Engineering team's 2023 review,
// finished: Ada owns it; Manu, Bea and Bruno took part with a self review
// each and a manager review (Ada reviewed Manu, Manu reviewed Bea and
// Bruno), all published; Bea's two evaluations have their answers and
// scores, and her action plan is signed.
func seedReviewProcess(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	const published = "2023-12-10T17:00:00Z"
	question := func(uuid, title string) M {
		return M{"uuid": uuid, "mandatory": true, "with_comment": true, "title": title, "answer_type": "rating"}
	}
	questionnaire := func(strategy, title string) M {
		return M{"reviewer_strategy": strategy, "content": []any{M{"uuid": "sec-" + strategy, "type": "section",
			"section_title": "Delivery", "questions": []any{question("q-"+strategy, title)}}}}
	}
	put(ResPerfProcesses, M{"id": 1, "company_id": 1, "name": "2023 yearly review", "description": "The Engineering team's yearly review.",
		"status": perfFinished, "author_access_id": 1, "target_strategy": M{"strategy": "by_teams", "arguments": []any{"1"}},
		"reviewer_strategies": []any{"self", "manager"}, "starts_at": "2023-11-01T08:00:00Z", "ends_at": "2023-12-15T00:00:00Z",
		"archived": false, "agreements_configuration": M{"enabled": true}, "competencies_assessments_configuration": M{"enabled": false},
		"employee_score_enabled": true, "employee_potential_score_enabled": false, "last_bulk_reminder": "2023-12-01T09:00:00Z", "cycle_id": nil})
	put(ResPerfOwners, M{"id": 1, "access_id": 1, "performance_review_process_id": 1})
	put(ResPerfVisibility, M{"id": 1, "performance_review_process_id": 1, "restrict_answers_visibility_to_reportees": false,
		"early_access_to_answers_for_managers": true, "anonymous_peer_evaluation_for_target": false})
	q := M{"id": 1, "performance_review_process_id": 1, "default_rating_scale": perfDefaultRatingScale(),
		"self_questionnaire":    questionnaire("self", "How well did you deliver this year?"),
		"manager_questionnaire": questionnaire("manager", "How well did they deliver this year?")}
	for _, s := range []string{"direct_reports", "peers"} {
		q[perfQuestionnaireField[s]] = M{"reviewer_strategy": s, "content": []any{}}
	}
	put(ResPerfQuestionnaires, q)
	// Participants (access, employee, manager's access) and their evaluations.
	for i, p := range [][3]int{{2, DemoManagerID, 1}, {3, DemoBasicID, 2}, {4, DemoBasic2ID, 2}} {
		put(ResPerfTargets, M{"id": i + 1, "performance_review_process_id": 1, "access_id": p[0], "employee_id": p[1]})
		for j, e := range []struct {
			kind     string
			reviewer int
		}{{"self", p[0]}, {"manager", p[2]}} {
			put(ResPerfEvaluations, M{"id": 2*i + j + 1, "performance_review_process_id": 1, "target_access_id": p[0],
				"reviewer_access_id": e.reviewer, "evaluation_type": e.kind, "published": true, "status": "published",
				"review_process_target_id": perfTargetID(1, p[0]), "published_at": published})
		}
	}
	// Bea's evaluations are 3 (self) and 4 (manager).
	answered := func(strategy, title string, value int, comment string) M {
		return M{"content": []any{M{"uuid": "sec-" + strategy, "type": "section", "section_title": "Delivery", "questions": []any{
			M{"question": question("q-"+strategy, title), "answer": M{"uuid": "q-" + strategy, "answer_rating": M{"value": value, "comment": comment}}}}}}}
	}
	put(ResPerfAnswers,
		M{"id": 3, "performance_review_evaluation_id": 3, "answered_questionnaire_with_sections": answered("self", "How well did you deliver this year?", 4, "Shipped the billing revamp."),
			"answered_employee_score_questionnaire": nil, "answered_employee_potential_score_questionnaire": nil},
		M{"id": 4, "performance_review_evaluation_id": 4, "answered_questionnaire_with_sections": answered("manager", "How well did they deliver this year?", 4, "Reliable and thorough."),
			"answered_employee_score_questionnaire": nil, "answered_employee_potential_score_questionnaire": nil})
	score := func(id, eval int, strategy string, value float64) M {
		return M{"id": id, "review_process_id": 1, "review_evaluation_id": eval, "target_access_id": 3, "company_id": 1,
			"reviewer_strategy": strategy, "review_process_target_id": perfTargetID(1, 3), "potential_score": nil,
			"normalized_potential_score": nil, "score": value, "scale_min": 1, "scale_max": 5, "normalized_score": (value - 1) / 4 * 100,
			"published_at": published}
	}
	put(ResPerfScores, score(1, 3, "self", 4), score(2, 4, "manager", 3.5))
	put(ResPerfAgreements, M{"id": 1, "process_id": 1, "target_id": perfTargetID(1, 3), "signer_id": 2, "reviewer_id": DemoManagerID,
		"manager_signed_at": "2023-12-18T10:00:00Z", "target_signed_at": "2023-12-19T09:30:00Z", "agreement_signed_at": "2023-12-19T09:30:00Z",
		"last_modified_at": "2023-12-19T09:30:00Z", "status": "signed", "locked": true,
		"conclusions":        M{"text": "Lead the next billing project.", "last_updated_at": "2023-12-18T10:00:00Z"},
		"self_evaluation_id": 3, "manager_evaluation_id": 4, "self_comments": []any{},
		"manager_comments": []any{M{"question_uuid": "q-manager", "author_access_id": 2, "text": "Keep mentoring Bruno.", "updated_at": "2023-12-18T10:00:00Z"}}})
}
