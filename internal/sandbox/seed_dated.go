package sandbox

import (
	"slices"
	"strconv"
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
	s.seedExpenses(put)
	s.seedProcurement(put)
	s.seedFinance(put)
}

// seedFinance writes a small chart of accounts of the first legal entity
// (a bank account, a suppliers account and a travel expenses account), its
// accounting settings pointing at them, expense categories (travel with
// two subcategories, one switched off, and meals), two vendors, two cost
// centers (the manager split between them), VAT and withholding tax types
// with their rates, the ledger accounts of a vendor and of a bank account,
// a journal entry with its two lines (one reconciled), a vendor's invoice
// in review and a budget.
func (s *Sandbox) seedFinance(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	now := s.clock().UTC()
	stamp := func(days int) string { return now.AddDate(0, 0, days).Format(time.RFC3339) }
	account := func(id int, name, number, typ string) M {
		return M{"id": id, "name": name, "legal_entity_id": 1, "number": number, "disabled": false, "type": typ,
			"currency": "EUR", "external_id": nil, "updated_at": stamp(-30)}
	}
	put(ResLedgerAccounts, account(1, "Bank", "572000", "bank"), account(2, "Suppliers", "400000", "current_liability"),
		account(3, "Travel expenses", "629100", "expense"))
	put(ResAccountingSettings, M{"id": 1, "external_id": nil, "company_id": 1, "legal_entity_id": 1, "updated_at": stamp(-30),
		"default_account_for_purchase_invoices_id": nil, "default_account_for_vendors_id": 2, "default_account_for_banks_id": 1,
		"default_account_for_suspense_id": nil, "default_account_for_expenses_id": 3, "default_account_for_employees_id": nil,
		"default_account_for_sale_invoices_id": nil, "default_account_for_clients_id": nil, "default_account_for_benefits_id": nil})
	category := func(id int, parent any, label, identifier string, enabled bool) M {
		return M{"id": id, "label": label, "default_label": label, "parent_category_id": parent, "identifier": identifier,
			"visible": enabled, "enabled": enabled, "position": id}
	}
	put(ResFinanceCategories, category(1, nil, "Travel", "travel", true), category(2, 1, "Train", "train", true),
		category(3, 1, "Flights", "flights", false), category(4, nil, "Meals", "meals", true))
	contact := func(id int, name, legal, taxID, email string, days int) M {
		return M{"id": id, "name": name, "legal_name": legal, "tax_id": taxID, "external_id": nil, "updated_at": stamp(days),
			"address": M{"line1": "Carrer de Pallars 193", "line2": nil, "postal_code": "08005", "city": "Barcelona",
				"state": nil, "country_code": "ES"},
			"iban": nil, "bank_code": nil, "preferred_payment_method": "banktransfer", "website": nil, "email": email, "phone_number": nil}
	}
	put(ResFinanceContacts, contact(1, "Renfe", "Renfe Viajeros S.M.E., S.A.", "A86868189", "billing@renfe.test", -60),
		contact(2, "Office Supply Co", "Office Supply Company S.L.", "B12345678", "invoices@officesupply.test", -1))
	day := func(offset int) string { return now.AddDate(0, 0, offset).Format(time.DateOnly) }
	put(ResCostCenters,
		M{"id": 1, "name": "Engineering", "company_id": 1, "legal_entity_id": 1, "code": "ENG", "description": "Product engineering",
			"status": "active", "deactivation_date": nil},
		M{"id": 2, "name": "Sales", "company_id": 1, "legal_entity_id": 1, "code": "SAL", "description": nil,
			"status": "active", "deactivation_date": nil})
	put(ResCostCenterMemberships,
		M{"id": 1, "employee_id": DemoBasicID, "cost_center_id": 1, "start_date": day(-365), "end_date": nil, "percentage": 1.0},
		M{"id": 2, "employee_id": DemoManagerID, "cost_center_id": 1, "start_date": day(-100), "end_date": nil, "percentage": 0.5},
		M{"id": 3, "employee_id": DemoManagerID, "cost_center_id": 2, "start_date": day(-100), "end_date": nil, "percentage": 0.5})
	put(ResTaxTypes,
		M{"id": 1, "name": "IVA", "type": "vat", "country_code": "ES", "external_id": nil, "updated_at": stamp(-30)},
		M{"id": 2, "name": "IRPF", "type": "personal_income", "country_code": "ES", "external_id": nil, "updated_at": stamp(-30)})
	put(ResTaxRates,
		M{"id": 1, "rate": 0.21, "description": "General VAT", "tax_type_id": 1, "external_id": nil, "updated_at": stamp(-30)},
		M{"id": 2, "rate": 0.10, "description": "Reduced VAT", "tax_type_id": 1, "external_id": nil, "updated_at": stamp(-30)},
		M{"id": 3, "rate": -0.15, "description": "Professional withholding", "tax_type_id": 2, "external_id": nil, "updated_at": stamp(-1)})
	put(ResLedgerAccountResources,
		M{"id": 1, "resource_type": "vendor", "resource_id": 1, "account_id": 2, "balance_type": "credit", "updated_at": stamp(-30),
			"external_id": nil, "legal_entity_id": 1},
		M{"id": 2, "resource_type": "bankaccount", "resource_id": 1, "account_id": 1, "balance_type": "debit", "updated_at": stamp(-1),
			"external_id": nil, "legal_entity_id": 1})
	put(ResJournalEntries, M{"id": 1, "number": 1, "published_at": stamp(-7), "type": "bank", "source_id": 1,
		"source_type": "bank_transaction", "reference_date": day(-7), "description": "Transfer from the main bank",
		"legal_entity_id": 1, "external_id": nil, "status": "published", "updated_at": stamp(-7)})
	put(ResJournalLines,
		M{"id": 1, "number": 1, "debit_amount_cents": 5000000, "credit_amount_cents": 0, "journal_entry_id": 1, "account_id": 1,
			"fully_reconciled_at": stamp(-6), "external_id": nil, "updated_at": stamp(-6)},
		M{"id": 2, "number": 2, "debit_amount_cents": 0, "credit_amount_cents": 5000000, "journal_entry_id": 1, "account_id": 2,
			"fully_reconciled_at": nil, "external_id": nil, "updated_at": stamp(-7)})
	put(ResFinancialDocuments, M{"id": 1, "net_amount_cents": 10000, "total_amount_cents": 12100, "document_number": "OS-2026-17",
		"currency": "EUR", "status": "review", "due_date": day(20), "document_date": day(-10), "legal_entity_id": 1, "vendor_id": 2,
		"file":       M{"id": 1, "filename": "OS-2026-17.pdf", "content_type": "application/pdf", "size": 48213},
		"updated_at": stamp(-2), "taxes": []M{{"amount_cents": 2100, "base_amount_cents": 10000, "percentage": 0.21, "type": "vat"}},
		"fully_reconciled_at": nil, "recorded_at": stamp(-9), "duplicate_financial_document_id": nil, "validated_at": nil,
		"validated_by_id": nil, "document_type": "invoice", "parent_financial_document_id": nil, "taxes_total_amount_cents": 2100,
		"issuer_name": "Office Supply Company S.L.", "issuer_address_line_1": "Carrer de Pallars 193", "issuer_address_line_2": nil,
		"issuer_city": "Barcelona", "issuer_postal_code": "08005", "issuer_state": nil, "issuer_country_code": "ES",
		"issuer_tax_id": "B12345678", "recipient_name": "Acme Labs S.L.", "recipient_address_line_1": "Avinguda Diagonal 1",
		"recipient_address_line_2": nil, "recipient_city": "Barcelona", "recipient_postal_code": "08019", "recipient_state": nil,
		"recipient_country_code": "ES", "recipient_tax_id": "B87654321"})
	put(ResBudgetOptions, M{"id": 1, "name": "Engineering travel", "description": "Trips of the engineering team",
		"currency": "EUR", "legal_entity_id": 1})
}

// seedProcurement writes two procurement types (one of Factorial's
// defaults, one the admin added), two purchase requests (laptops,
// approved and ordered; a software licence pending) and the order placed
// for the approved one.
func (s *Sandbox) seedProcurement(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	now := s.clock().UTC()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	day := func(offset int) string { return today.AddDate(0, 0, offset).Format(time.DateOnly) }
	stamp := today.AddDate(0, 0, -90).Format(time.RFC3339)
	put(ResProcurementTypes,
		M{"id": 1, "author_id": nil, "company_id": 1, "name": "Hardware", "description": "Computers, screens and peripherals",
			"enabled": true, "identifier": "hardware", "created_at": stamp, "updated_at": stamp},
		M{"id": 2, "author_id": DemoAdminID, "company_id": 1, "name": "Software licences", "description": "Yearly software subscriptions",
			"enabled": true, "identifier": nil, "created_at": stamp, "updated_at": stamp})
	put(ResPurchaseRequests,
		M{"id": 1, "description": "Two laptops for the new engineers", "type_id": 1, "company_id": 1,
			"cost": M{"cents": 360000, "currency": "EUR"}, "date": day(-14), "requester_employee_id": DemoManagerID,
			"vendor_id": nil, "status": "approved", "url": nil, "additional_information": "14-inch, 32 GB", "deadline": day(7)},
		M{"id": 2, "description": "Design tool licence", "type_id": 2, "company_id": 1,
			"cost": M{"cents": 54000, "currency": "EUR"}, "date": day(-2), "requester_employee_id": DemoBasicID,
			"vendor_id": nil, "status": "pending", "url": "https://example.com/pricing", "additional_information": nil, "deadline": nil})
	put(ResPurchaseOrders, M{"id": 1, "po_number": 42, "formatted_po_number": "PO-00042", "description": "Two laptops for the new engineers",
		"status": "ordered", "cost": M{"cents": 356000, "currency": "EUR"}, "date": day(-10), "vendor_id": nil,
		"purchase_request_id": 1, "legal_entity_id": 1, "company_id": 1})
}

// seedExpenses writes five claims: an approved lunch paid with a team card
// (seedBanking's first card payment), an approved train ticket owed to the
// employee, a mileage claim pending review, a per diem still in draft and
// a taxi expense drafted by hand. The expenses are v1's records (v1 fields
// plus the dated ones); each claim's status is on its expensable.
func (s *Sandbox) seedExpenses(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	now := s.clock().UTC()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	day := func(offset int) string { return today.AddDate(0, 0, offset).Format(time.DateOnly) }
	at := func(offset int, hhmm string) string { return day(offset) + "T" + hhmm + ":00Z" }
	expensable := func(id int, typ string, detail string, emp int, status string, amount, reimbursable int, effective int) M {
		rec := M{"id": id, "type": typ, "company_id": 1, "employee_id": emp, "group_id": nil, "legal_entity_id": 1,
			"created_at": at(effective, "18:00"), "amount": amount, "currency": "EUR", "status": status, "description": nil,
			"reporter_id": nil, "status_updated_at": at(effective+1, "09:00"), "effective_on": at(effective, "12:00"),
			"review_request_at": nil, "paid_at": nil, "updated_at": at(effective+1, "09:00"), "reimbursable_amount": reimbursable,
			"reimbursable_currency": "EUR", "reimbursement_method": "sepa_transfer", "internal_reference": "EXP-" + strconv.Itoa(id),
			"expense_id": nil, "mileage_id": nil, "per_diem_id": nil, "budget_id": nil, "project_id": nil, "cost_center_ids": []int{}}
		rec[detail] = 1
		if status != "draft" {
			rec["review_request_at"] = at(effective, "18:30")
		}
		return rec
	}
	lunch := expensable(1, "expense", "expense_id", DemoBasicID, "approved", 4590, 0, -2)
	lunch["description"], lunch["reimbursement_method"] = "Team lunch with a candidate", "unknown"
	train := expensable(2, "expense", "expense_id", DemoBasicID, "approved", 12000, 12000, -10)
	train["description"], train["expense_id"], train["group_id"] = "Train to Barcelona", 2, 1
	mileage := expensable(3, "mileage", "mileage_id", DemoManagerID, "pending", 5200, 5200, -5)
	mileage["description"], mileage["group_id"] = "Visit to the Girona client", 1
	perDiem := expensable(4, "perdiem", "per_diem_id", DemoBasicID, "draft", 5300, 5300, -20)
	perDiem["description"] = "Two days at the Madrid offsite"
	taxi := expensable(5, "expense", "expense_id", DemoManagerID, "draft", 2350, 2350, -1)
	taxi["description"], taxi["expense_id"] = "Taxi to the client", 3
	put(ResExpensables, lunch, train, mileage, perDiem, taxi)

	expense := func(id, expensable, emp int, v1Status, creation, payment, merchant, category string, amount, vat, effective int) M {
		return M{"id": id, "employee_id": emp, "company_id": 1, "description": nil, "merchant_name": merchant, "user_merchant": nil,
			"merchant_tin": nil, "category": category, "subcategory": nil, "creation_type": creation, "reference": nil,
			"amount": amount, "vat_amount": vat, "currency": "EUR", "status": v1Status, "effective_on": day(effective),
			"status_updated_at": at(effective+1, "09:00"), "files": []string{}, "expenses_expensable_id": expensable,
			"card_payment_id": nil, "dispute_id": nil, "external_authorization_id": nil, "expenses_card_id": nil,
			"document_id": nil, "document_number": nil, "document_type": "receipt", "payment": payment,
			"payment_method": nil, "exchange_rate": 1.0, "taxes": []M{}, "category_id": nil, "ledger_account_id": nil,
			"budget_id": nil, "project_id": nil, "cost_center_ids": []int{}}
	}
	card := expense(1, 1, DemoBasicID, "published", "automatic", "not_reimbursable", "Cafe Central", "meals", 4590, 417, -2)
	card["description"], card["card_payment_id"], card["expenses_card_id"], card["payment_method"] = "Team lunch with a candidate", 1, 21, "card"
	ticket := expense(2, 2, DemoBasicID, "published", "manual", "reimbursable", "Renfe", "travel", 12000, 1091, -10)
	ticket["description"], ticket["document_type"], ticket["document_number"] = "Train to Barcelona", "invoice", "R-2231"
	ticket["taxes"] = []M{{"name": "IVA", "percentage": 10, "amount": 1091}}
	cab := expense(3, 5, DemoManagerID, "draft", "manual", "reimbursable", "Taxi BCN", "travel", 2350, 214, -1)
	cab["description"] = "Taxi to the client"
	put(ResExpenses, card, ticket, cab)

	put(ResMileages, M{"id": 1, "employee_id": DemoManagerID, "company_id": 1, "expenses_expensable_id": 3,
		"category": "business_travel", "subcategory": "client_visit", "category_id": nil, "amount": 5200, "currency": "EUR",
		"mileage": 200, "units": "km", "rate": "0.26", "from": "Barcelona", "to": "Girona",
		"description": "Visit to the Girona client", "effective_on": at(-5, "12:00"), "files": []string{},
		"payment": "reimbursable", "ledger_account_id": nil, "round_trip": true, "origin_longitude": "2.1686",
		"origin_latitude": "41.3874", "destination_longitude": "2.8214", "destination_latitude": "41.9794",
		"calculated_mileage": 10000, "budget_id": nil, "project_id": nil, "cost_center_ids": []int{}})
	put(ResPerDiems, M{"id": 1, "employee_id": DemoBasicID, "company_id": 1, "expenses_expensable_id": 4,
		"start_date": day(-20), "end_date": day(-19), "from": "Barcelona", "to": "Madrid", "trip_name": "Madrid offsite",
		"ledger_account_id": nil, "amount": 5300, "currency": "EUR", "payment": "reimbursable", "files": []string{},
		"effective_on": at(-20, "12:00"), "description": "Two days at the Madrid offsite", "category": "travel",
		"subcategory": "national", "budget_id": nil, "project_id": nil, "cost_center_ids": []int{},
		"rates": []M{{"date": day(-20), "amount": 2650}, {"date": day(-19), "amount": 2650}}})
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
