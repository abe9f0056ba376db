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
// main location, one archived, and each area's records (the seed<Area>
// functions below, each describing what it writes).
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
	s.seedProjects(put)
	s.seedTrainings(put)
	s.seedTimeTracking(put)
	put(ResWebhookSubscriptions, M{"id": 1, "type": "employees/employee/update", "target_url": "http://127.0.0.1:9/factorial-webhooks",
		"name": "HRIS sync (disabled)", "challenge": "sandbox-challenge", "enabled": false, "api_version": DatedAPIVersion, "company_id": 1})
	put(ResWorkAreas,
		M{"id": 1, "location_id": 1, "name": "Front desk", "archived_at": nil},
		M{"id": 2, "location_id": 1, "name": "Terrace", "archived_at": s.clock().UTC().AddDate(0, 0, -30).Format(time.RFC3339)})
	s.seedJobCatalog(put)
	s.seedAts(put)
	seedPerformance(put)
	s.seedMisc(put)
	s.seedContracts(put)
	s.seedExpenses(put)
	s.seedProcurement(put)
	s.seedFinance(put)
	now := s.clock().UTC()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	seedPosts(put)
	seedEmployeeUpdates(put, func(offset int) string { return today.AddDate(0, 0, offset).Format(time.DateOnly) }, now.Format(time.RFC3339))
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

// seedTimeTracking writes the records of the time areas: two kinds of
// break (the lunch break v1's break configurations name, id 1, and a paid
// rest), Bea Basic's switch for the lunch break, an office-hours work
// schedule (one default period, eight hours Monday to Friday from 09:00)
// that Bea follows from 2024-01-01 while Bruno's hours are planned with
// shift management, a lunch break in Bea's planned shift, a pending
// overtime request of Bea's for yesterday, her undecided request to add a
// shift two days ago, and the review of her timesheet of three days ago.
// The caller holds the write lock.
func (s *Sandbox) seedTimeTracking(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	now := s.clock().UTC()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	day := func(offset int) string { return today.AddDate(0, 0, offset).Format(time.DateOnly) }
	at := func(offset int, hhmm string) string { return day(offset) + "T" + hhmm + ":00Z" }
	put(ResTimeBreakConfigs,
		M{"id": 1, "name": "Lunch", "paid": false, "archived": false},
		M{"id": 2, "name": "Rest", "paid": true, "archived": false})
	put(ResEmployeeBreakConfigs, M{"id": 1, "attendance_employees_setting_id": DemoBasicID,
		"time_settings_break_configuration_id": 1, "enabled": true})
	put(ResWorkSchedules, M{"id": 1, "name": "Office hours", "schedule_type": "fixed", "archived_at": nil,
		"company_id": 1, "created_at": at(-400, "09:00"), "updated_at": at(-400, "09:00")})
	put(ResOverlapPeriods, M{"id": 1, "schedule_id": 1, "default": true, "start_month": 1, "start_day": 1,
		"end_month": 12, "end_day": 31, "schedule_type": "fixed"})
	for i, wd := range []string{"monday", "tuesday", "wednesday", "thursday", "friday"} {
		put(ResDayConfigurations, M{"id": i + 1, "overlap_period_id": 1, "weekday": wd, "start_at": "09:00",
			"duration_in_seconds": 8 * 3600})
	}
	put(ResPlanningVersions,
		M{"id": 1, "employee_id": DemoBasicID, "effective_at": "2024-01-01", "planning_tool": "work_schedule",
			"work_schedule_schedule_id": 1, "number_of_rest_days_in_cents": 200},
		M{"id": 2, "employee_id": DemoBasic2ID, "effective_at": "2024-01-01", "planning_tool": "shift_management",
			"work_schedule_schedule_id": nil, "number_of_rest_days_in_cents": 200})
	put(ResPlannedBreaks, M{"id": 1, "shift_id": 1, "break_configuration_id": 1, "break_type": "fixed",
		"start_at": at(1, "13:00"), "end_at": at(1, "13:30"), "duration": 30})
	put(ResOvertimeRequests, M{"id": 1, "employee_id": DemoBasicID, "author_id": DemoBasicID, "status": "pending",
		"date": day(-1), "hours_amount_in_cents": 150, "description": "Release night", "reason": nil,
		"approver_id": nil, "created_at": at(0, "08:00")})
	put(ResEditTimesheetRequests, M{"id": 1, "employee_id": DemoBasicID, "request_type": "create_shift",
		"approved": nil, "date": day(-2), "reference_date": day(-2), "clock_in": "09:00:00", "clock_out": "17:00:00",
		"workable": true, "location_type": "office", "reason": nil, "observations": "Forgot to clock in",
		"created_at": at(-1, "10:00")})
	put(ResAttendanceReviews, M{"id": 1, "employee_id": DemoBasicID, "date": day(-3), "reviewed_at": at(-2, "12:00"),
		"author_id": DemoAdminID})
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

// seedMisc writes the records of the smaller namespaces tests rely on: two
// IT asset models and a laptop held by the basic employee; a custom table
// (the one the seeded resource field belongs to) with one row and cell for
// that employee; two bookkeeper incidences; an approval flow running for
// leave 1 (its approver the manager) and a decided one; a sync run (7) with
// a failed and a pending item; and the settings of one installed payroll
// integration.
func (s *Sandbox) seedMisc(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	now := s.clock().UTC()
	ts := now.AddDate(0, 0, -10).Format(time.RFC3339)
	day := func(offset int) string { return now.AddDate(0, 0, offset).Format(time.DateOnly) }
	put(ResITAssetModels,
		M{"id": 1, "type_name": "laptop", "company_id": 1, "brand": "Apple", "name": "MacBook Pro", "created_at": ts, "updated_at": ts},
		M{"id": 2, "type_name": "phone", "company_id": 1, "brand": "Google", "name": "Pixel 9", "created_at": ts, "updated_at": ts})
	put(ResITAssets,
		M{"id": 1, "company_id": 1, "it_asset_model_id": 1, "serial_number": "C02ZK1XXMD6M", "status": "assigned",
			"owner_id": DemoBasicID, "location_id": nil, "workplace_id": 1, "team_id": nil, "purchase_date": day(-400),
			"purchase_price_cents": 249900, "currency": "EUR", "warranty_end_date": day(330), "label": "BEA-LAPTOP",
			"notes": nil, "created_at": ts, "updated_at": ts, "discarded_at": nil},
		M{"id": 2, "company_id": 1, "it_asset_model_id": 2, "serial_number": "GPX9-00042", "status": "in_stock",
			"owner_id": nil, "location_id": nil, "workplace_id": 1, "team_id": nil, "purchase_date": day(-30),
			"purchase_price_cents": 89900, "currency": "EUR", "warranty_end_date": day(700), "label": nil,
			"notes": "Spare phone", "created_at": ts, "updated_at": ts, "discarded_at": nil})
	put(ResCustomResourceSchemas, M{"id": 1, "name": "Equipment", "company_id": 1, "hidden": false, "position": 1,
		"usage_group_slug": "equipment"})
	put(ResCustomResources, M{"id": 1, "schema_id": 1, "attachable_type": "Employee", "attachable_id": DemoBasicID})
	put(ResCustomResourceValues, M{"id": 1, "resource_id": 1, "attachable_id": DemoBasicID, "schema_id": 1,
		"employee_id": DemoBasicID, "field_id": 2, "value": "MacBook Pro 14"})
	incidence := func(id int, name, target string, targetID int, status string, emp int, first, last string, start, end string, msg bool) M {
		return M{"id": id, "employee_id": emp, "legal_entity_id": 1, "name": name, "custom_name": nil, "target_id": targetID,
			"target_type": target, "starts_on": start, "ends_on": end, "read_at": nil, "status": status, "company_id": 1,
			"message_from": nil, "has_message": msg, "created_at": ts, "is_reopened": false,
			"legal_entity_name": "Acme Labs S.L.", "employee_first_name": first, "employee_last_name": last}
	}
	put(ResBookkeeperIncidences,
		incidence(1, "sick", "Timeoff::Leave", 1, "to-do", DemoBasicID, "Bea", "Basic", day(-5), day(-3), true),
		incidence(2, "hiring", "Employee", DemoBasic2ID, "done", DemoBasic2ID, "Bruno", "Basic", day(-60), day(-60), false))
	flow := func(id, leave int, status string) M {
		return M{"id": id, "author_id": 3, "author_employee_id": DemoBasicID, "owner_id": 3, "owner_employee_id": DemoBasicID,
			"resource_type": "Timeoff::Leave", "resource_id": leave, "resource_url": "https://app.factorialhr.com/time_off/leaves/" + strconv.Itoa(leave),
			"status": status, "expires_at": now.AddDate(0, 0, 14).Format(time.RFC3339), "final_decision_at": nil,
			"approval_flow_id": 1, "approvers": []any{M{"step": 1, "employee_id": DemoManagerID, "status": "pending"}},
			"email_detail_blocks": []any{"Vacation", day(10) + " - " + day(12)}, "override_approver_id": nil,
			"override_approver_employee_id": nil, "rules_decision": nil, "auto_approval_description": nil,
			"action_type": nil, "reason": nil}
	}
	decided := flow(2, 2, "approved")
	decided["final_decision_at"], decided["action_type"] = ts, "approve"
	put(ResApprovalFlows, flow(1, 1, "running"), decided)
	put(ResSyncableSyncRuns,
		M{"id": 1, "status": "failed", "error_messages": []any{M{"key": "sync_validation_error", "value": "Missing payroll concept code"}},
			"sync_run_id": 7, "company_id": 1},
		M{"id": 2, "status": nil, "error_messages": []any{}, "sync_run_id": 7, "company_id": 1})
	put(ResSyncableItems,
		M{"id": 1, "syncable_sync_run_id": 1, "syncable_type": "compensations/compensation", "sync_payload": M{"employee_id": DemoBasicID,
			"payroll_concept_id": 1, "legal_entity_id": 1, "amount": 7500, "unit": "money", "effective_on": day(25),
			"employee_company_identifier": "EMP-003"}},
		M{"id": 2, "syncable_sync_run_id": 2, "syncable_type": "employee_updates/leave", "sync_payload": M{"employee_id": DemoBasic2ID,
			"leave_id": 1, "start_on": day(-5), "finish_on": day(-3)}})
	put(ResMarketplaceSettings, M{"id": 1, "company_id": 1, "integration_id": "Y0h_Sh7pRxCWpl0DySn_uQ",
		"leave_types": []any{M{"id": "holidays", "value": "VAC"}}, "file_numbers": []any{M{"legal_entity_id": "1", "value": "123456"}},
		"establishment_codes": []any{M{"location_id": "1", "value": "0001"}}, "timeoff_allowance_code": []any{M{"id": "1", "value": "A1"}}})
}

// seedProjects writes two projects: the active Website relaunch (its
// administrator the admin, its manager the manager, two subprojects, Bea
// and Bruno Basic assigned, a budget, Bea's time record of yesterday's
// shift and her plan for the next two weeks, Bruno's expense and a task)
// and Internal tools, closed, open to the whole company, where Bea is no
// longer assigned. Dates are relative to the clock's day.
func (s *Sandbox) seedProjects(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	now := s.clock().UTC()
	day := func(offset int) string {
		return time.Date(now.Year(), now.Month(), now.Day()+offset, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
	}
	put(ResPMProjects,
		M{"id": 1, "name": "Website relaunch", "code": "WEB", "description": "New public website and blog",
			"start_date": day(-30), "due_date": day(60), "status": "active", "employees_assignment": "manual",
			"is_billable": true, "fixed_cost_cents": 500000, "legal_entity_id": 1, "client_id": nil,
			"project_admins": []int{DemoAdminID}, "project_managers": []int{DemoManagerID}},
		M{"id": 2, "name": "Internal tools", "code": "INT", "description": nil, "start_date": day(-400), "due_date": day(-30),
			"status": "closed", "employees_assignment": "company", "is_billable": false, "fixed_cost_cents": 0,
			"legal_entity_id": 1, "client_id": nil, "project_admins": []int{DemoAdminID}, "project_managers": []int{}})
	put(ResPMSubprojects,
		M{"id": 1, "name": "Design", "project_id": 1, "description": "Visual design", "status": "active", "code": "DES",
			"start_date": day(-30), "due_date": day(0)},
		M{"id": 2, "name": "Backend", "project_id": 1, "description": nil, "status": "active", "code": "BE",
			"start_date": day(-10), "due_date": day(60)})
	put(ResPMWorkers,
		M{"id": 1, "project_id": 1, "employee_id": DemoBasicID, "assigned": true},
		M{"id": 2, "project_id": 1, "employee_id": DemoBasic2ID, "assigned": true},
		M{"id": 3, "project_id": 2, "employee_id": DemoBasicID, "assigned": false})
	put(ResPMTimeRecords, M{"id": 1, "project_worker_id": 1, "attendance_shift_id": 1, "subproject_id": 1, "observations": "Mock-ups"})
	put(ResPMPlannedRecords, M{"id": 1, "project_worker_id": 1, "subproject_id": 2, "start_date": day(0), "end_date": day(13),
		"daily_minutes": 240, "week_days": []int{1, 2, 3, 4, 5}})
	put(ResPMBudgetStrategies,
		M{"id": 1, "project_id": 1, "subproject_id": nil, "budget_type": "total_budget", "planned_cents": 2000000,
			"planned_minutes": 48000, "fee_amount_cents": nil, "delegated": false},
		M{"id": 2, "project_id": 1, "subproject_id": 1, "budget_type": "project_fixed_cost", "planned_cents": 300000,
			"planned_minutes": nil, "fee_amount_cents": 50000, "delegated": true})
	put(ResPMExpenseRecords, M{"id": 1, "project_worker_id": 2, "expense_id": 1, "subproject_id": 2,
		"original_amount_currency": "EUR", "original_amount_cents": 4590, "legal_entity_amount_currency": "EUR",
		"legal_entity_amount_cents": "4590", "effective_on": day(-3), "exchange_rate": 1.0, "status": "approved"})
	put(ResPMProjectTasks, M{"id": 1, "project_id": 1, "subproject_id": 2, "task_id": 1, "follow_up": true})
}

// seedTrainings writes two training categories and two trainings: a
// mandatory risk-prevention course valid for two years, active and in the
// catalog, with one class, one session next week to which Bea Basic is
// invited (attendance pending), Bea enrolled and started and the manager
// enrolled and completed a year ago; and a draft leadership course from
// an outside provider. Dates are relative to the clock's day.
func (s *Sandbox) seedTrainings(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	now := s.clock().UTC()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	day := func(offset int) string { return today.AddDate(0, 0, offset).Format(time.DateOnly) }
	put(ResTrainingCategories,
		M{"id": 1, "name": "Health and safety", "company_id": 1, "created_at": day(-400) + "T09:00:00Z", "updated_at": day(-400) + "T09:00:00Z"},
		M{"id": 2, "name": "Leadership", "company_id": 1, "created_at": day(-400) + "T09:00:00Z", "updated_at": day(-400) + "T09:00:00Z"})
	training := func(id int, name, desc, status string, catalog, mandatory bool, cats []int, extra M) M {
		rec := M{"id": id, "company_id": 1, "author_id": 1, "name": name, "description": desc, "status": status,
			"catalog": catalog, "is_mandatory": mandatory, "category_ids": cats, "competency_ids": []int{}, "external": false,
			"external_provider": nil, "fundae_subsidized": false, "subsidized": false, "cost": 0, "subsidized_cost": 0,
			"year": today.Year(), "valid_for": nil, "total_duration": 4, "objectives": nil, "code": nil,
			"created_at": day(-200) + "T10:00:00Z", "updated_at": day(-200) + "T10:00:00Z"}
		for k, v := range extra {
			rec[k] = v
		}
		return rec
	}
	put(ResTrainings,
		training(1, "Occupational risk prevention", "Workplace hazards and how to avoid them", "active", true, true, []int{1},
			M{"code": "PRL-01", "valid_for": 2, "objectives": "Know the risks of each workplace"}),
		training(2, "Feedback for managers", "Giving and receiving feedback", "draft", false, false, []int{2},
			M{"external": true, "external_provider": "Coursera", "cost": 300, "cost_decimal": "300.0"}))
	put(ResTrainingClasses, M{"id": 1, "training_id": 1, "name": "Spring edition", "description": "Barcelona office",
		"start_date": day(-3), "end_date": day(10), "cost": "400.0", "indirect_cost": "50.0", "salary_cost": "120.0",
		"subsidized_cost": "100.0", "payment_status": "pending", "currency": "EUR", "author_id": 1, "created_at": day(-30) + "T08:00:00Z"})
	put(ResTrainingSessions, M{"id": 1, "training_id": 1, "training_class_id": 1, "name": "Hazards on site",
		"description": "First session", "starts_at": day(7) + "T09:00:00Z", "ends_at": day(7) + "T11:00:00Z", "duration": "2",
		"modality": "inperson", "schedule": "scheduled", "location": "Room 1", "link": nil, "subsidized": false, "status": "pending"})
	put(ResSessionAccessMembers, M{"id": 1, "session_id": 1, "employee_id": DemoBasicID, "access_id": 3})
	put(ResSessionAttendances, M{"id": 1, "session_access_membership_id": 1, "access_id": 3, "status": "pending", "completed_duration": nil})
	put(ResTrainingMemberships,
		M{"id": 1, "training_id": 1, "employee_id": DemoBasicID, "access_id": 3, "status": "started", "training_completed_at": nil},
		M{"id": 2, "training_id": 1, "employee_id": DemoManagerID, "access_id": 2, "status": "completed", "training_completed_at": day(-365)})
}
