package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/resources"
)

// Finance: ledger accounts, accounting settings, budget options, expense
// categories and contacts.

const ledgerAccountJSON = `{"id":"1","name":"Bank Account","legal_entity_id":"11","number":"572000","disabled":false,` +
	`"type":"bank","external_id":"ext_123","updated_at":"2026-01-01T00:00:00.000Z"}`

const accountingSettingJSON = `{"id":"1234","external_id":"ext_135","company_id":"1","legal_entity_id":"101",` +
	`"updated_at":"2026-01-01T00:00:00.000Z","default_account_for_purchase_invoices_id":"5001","default_account_for_vendors_id":"5002",` +
	`"default_account_for_banks_id":null,"default_account_for_suspense_id":null,"default_account_for_expenses_id":"5005",` +
	`"default_account_for_employees_id":null,"default_account_for_sale_invoices_id":null,"default_account_for_clients_id":null,` +
	`"default_account_for_benefits_id":null}`

const budgetOptionJSON = `{"id":"3","name":"Marketing Budget","description":"Campaigns","currency":"EUR","legal_entity_id":"11"}`

const financeCategoryJSON = `{"id":"7","label":"Hotels","default_label":"Alojamiento","parent_category_id":"2",` +
	`"identifier":"accommodation","visible":true,"enabled":true,"position":1}`

const financeContactJSON = `{"id":"123","name":"Google","legal_name":"Google Ireland Ltd","tax_id":"IE6388047V",` +
	`"address":{"city":"Dublin","country_code":"IE","line1":"Gordon House","line2":null,"postal_code":"D04","state":null,"floor":"3"},` +
	`"external_id":"EXT-CONTACT-001","updated_at":"2026-01-01T00:00:00.000Z","iban":"IE29AIBK93115212345678",` +
	`"bank_code":"AIBKIE2D","preferred_payment_method":"banktransfer","website":"https://www.example.com",` +
	`"email":"contact@example.com","phone_number":"+1234567890"}`

func TestListLedgerAccounts(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/accounts", status: 200, body: page(onePage(1), ledgerAccountJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"legal_entity_ids[]": {"11"}, "types[]": {"bank"}, "number": {"572000"}, "updated_from": {"2026-01-01"}})
		},
	})
	all, err := c.Finance.ListLedgerAccounts(t.Context(), &resources.ListLedgerAccountsParams{
		LegalEntityIDs: []string{"11"}, Types: []string{"bank"}, Number: ptr("572000"), UpdatedFrom: datep("2026-01-01"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d accounts, want 1", len(all))
	}
	is(t, "Type", all[0].Type, resources.LedgerAccountTypeBank)
	is(t, "Disabled", all[0].Disabled, false)
	at(t, "UpdatedAt", all[0].UpdatedAt, "2026-01-01T00:00:00Z")
}

func TestCreateLedgerAccount(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/finance/accounts", status: 201, body: ledgerAccountJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"number":"572000","type":"bank","currency":"EUR","legal_entity_id":"11","external_id":"ext_123"}`)
		},
	})
	a, err := c.Finance.CreateLedgerAccount(t.Context(), resources.LedgerAccountCreate{
		Number: "572000", Type: resources.LedgerAccountTypeBank, Currency: "EUR", LegalEntityID: "11", ExternalID: ptr("ext_123"),
	})
	must(t, err)
	eq(t, "ID", a.ID, "1")
	is(t, "Number", a.Number, "572000")
}

func TestGetLedgerAccount(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/accounts/1", status: 200, body: ledgerAccountJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	a, err := c.Finance.GetLedgerAccount(t.Context(), "1")
	must(t, err)
	is(t, "ExternalID", a.ExternalID, "ext_123")
}

func TestUpdateLedgerAccount(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/finance/accounts/1", status: 200, body: ledgerAccountJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"id":"1","name":"Bank Account"}`)
		},
	})
	a, err := c.Finance.UpdateLedgerAccount(t.Context(), "1", resources.LedgerAccountUpdate{ID: "1", Name: ptr("Bank Account")})
	must(t, err)
	is(t, "Name", a.Name, "Bank Account")
}

func TestListAccountingSettings(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/accounting_settings", status: 200, body: page(onePage(1), accountingSettingJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"legal_entity_ids[]": {"101"}})
		},
	})
	all, err := c.Finance.ListAccountingSettings(t.Context(), &resources.ListAccountingSettingsParams{LegalEntityIDs: []string{"101"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d settings, want 1", len(all))
	}
	is(t, "DefaultAccountForVendorsID", all[0].DefaultAccountForVendorsID, "5002")
	null(t, "DefaultAccountForBanksID", all[0].DefaultAccountForBanksID)
}

func TestGetAccountingSetting(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/accounting_settings/1234", status: 200, body: accountingSettingJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	s, err := c.Finance.GetAccountingSetting(t.Context(), "1234")
	must(t, err)
	is(t, "LegalEntityID", s.LegalEntityID, "101")
}

func TestUpsertAccountingSetting(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/finance/accounting_settings/upsert", status: 200, body: accountingSettingJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"legal_entity_id":"101","default_account_for_expenses_id":"5005"}`)
		},
	})
	s, err := c.Finance.UpsertAccountingSetting(t.Context(), resources.UpsertAccountingSettingInput{
		LegalEntityID: "101", DefaultAccountForExpensesID: ptr("5005"),
	})
	must(t, err)
	is(t, "DefaultAccountForExpensesID", s.DefaultAccountForExpensesID, "5005")
}

func TestListBudgetOptions(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/budget_options", status: 200, body: page(onePage(1), budgetOptionJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_ids[]": {"7"}, "effective_at": {"2026-06-01T00:00:00Z"}, "include_archived": {"false"}})
		},
	})
	all, err := c.Finance.ListBudgetOptions(t.Context(), &resources.ListBudgetOptionsParams{
		EmployeeIDs: []string{"7"}, EffectiveAt: ptr("2026-06-01T00:00:00Z"), IncludeArchived: ptr(false),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d budget options, want 1", len(all))
	}
	is(t, "Name", all[0].Name, "Marketing Budget")
}

func TestGetBudgetOption(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/budget_options/3", status: 200, body: budgetOptionJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	b, err := c.Finance.GetBudgetOption(t.Context(), "3")
	must(t, err)
	is(t, "Currency", b.Currency, "EUR")
}

func TestListFinanceCategories(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/categories", status: 200, body: page(onePage(1), financeCategoryJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"category_level": {"subcategory"}, "type": {"expense"}, "statuses[]": {"enabled"}, "search": {"hot"}})
		},
	})
	all, err := c.Finance.ListCategories(t.Context(), &resources.ListFinanceCategoriesParams{
		CategoryLevel: ptr(resources.FinanceCategoryLevelSubcategory), Type: ptr(resources.FinanceCategoryTypeExpense),
		Statuses: []resources.FinanceCategoryStatus{resources.FinanceCategoryStatusEnabled}, Search: ptr("hot"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d categories, want 1", len(all))
	}
	is(t, "ParentCategoryID", all[0].ParentCategoryID, "2")
	is(t, "Identifier", all[0].Identifier, "accommodation")
}

func TestGetFinanceCategory(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/categories/7", status: 200, body: financeCategoryJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	cat, err := c.Finance.GetCategory(t.Context(), "7")
	must(t, err)
	is(t, "Position", cat.Position, 1)
}

func checkGoogle(t *testing.T, ct resources.FinanceContact) {
	t.Helper()
	eq(t, "ID", ct.ID, "123")
	is(t, "TaxID", ct.TaxID, "IE6388047V")
	is(t, "PreferredPaymentMethod", ct.PreferredPaymentMethod, resources.FinanceContactPaymentMethodBanktransfer)
	if ct.Address == nil {
		t.Fatal("Address is nil")
	}
	is(t, "Address.City", ct.Address.City, "Dublin")
	null(t, "Address.Line2", ct.Address.Line2)
	if ct.Address.AdditionalProperties["floor"] != "3" {
		t.Errorf("Address extra members: %v", ct.Address.AdditionalProperties)
	}
}

func TestListFinanceContacts(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/contacts", status: 200, body: page(onePage(1), financeContactJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"tax_ids[]": {"IE6388047V"}, "contact_type": {"vendor"}, "legal_name": {"Google"}})
		},
	})
	all, err := c.Finance.ListContacts(t.Context(), &resources.ListFinanceContactsParams{
		TaxIDs: []string{"IE6388047V"}, ContactType: ptr(resources.FinanceContactTypeVendor), LegalName: ptr("Google"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d contacts, want 1", len(all))
	}
	checkGoogle(t, all[0])
}

func TestCreateFinanceContact(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/finance/contacts", status: 201, body: financeContactJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"name":"Google","address":{"city":"Dublin","country_code":"IE"},"project_ids":["5"]}`)
		},
	})
	ct, err := c.Finance.CreateContact(t.Context(), resources.FinanceContactCreate{
		Name: "Google", Address: resources.FinanceContactAddress{City: ptr("Dublin"), CountryCode: ptr("IE")}, ProjectIDs: []string{"5"},
	})
	must(t, err)
	checkGoogle(t, ct)
}

func TestGetFinanceContact(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/contacts/123", status: 200, body: financeContactJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	ct, err := c.Finance.GetContact(t.Context(), "123")
	must(t, err)
	checkGoogle(t, ct)
}

func TestUpdateFinanceContact(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/finance/contacts/123", status: 200, body: financeContactJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"id":"123","address":{"city":"Dublin"},"email":"contact@example.com"}`)
		},
	})
	ct, err := c.Finance.UpdateContact(t.Context(), "123", resources.FinanceContactUpdate{
		ID: "123", Address: resources.FinanceContactAddress{City: ptr("Dublin")}, Email: ptr("contact@example.com"),
	})
	must(t, err)
	is(t, "Email", ct.Email, "contact@example.com")
}

const costCenterJSON = `{"id":"4","name":"Engineering","company_id":"1","legal_entity_id":"11","code":"ENG",` +
	`"description":"Product engineering","active_employees_count":12,"historical_employees_count":20,"status":"active",` +
	`"deactivation_date":null}`

const costCenterMembershipJSON = `{"id":"9","employee_id":"7","cost_center_id":"4","start_date":"2026-06-01","end_date":null,"percentage":0.3}`

func TestListCostCenters(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/cost_centers", status: 200, body: page(onePage(1), costCenterJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"legal_entity_ids[]": {"11"}, "include_actives_on_date": {"2026-06-01"}, "search": {"eng"}})
		},
	})
	all, err := c.Finance.ListCostCenters(t.Context(), &resources.ListCostCentersParams{
		LegalEntityIDs: []string{"11"}, IncludeActivesOnDate: datep("2026-06-01"), Search: ptr("eng"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d cost centers, want 1", len(all))
	}
	is(t, "ActiveEmployeesCount", all[0].ActiveEmployeesCount, 12)
	is(t, "HistoricalEmployeesCount", all[0].HistoricalEmployeesCount, 20)
	null(t, "DeactivationDate", all[0].DeactivationDate)
}

func TestCreateCostCenter(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/finance/cost_centers", status: 201, body: costCenterJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"name":"Engineering","company_id":"1","code":"ENG"}`)
		},
	})
	cc, err := c.Finance.CreateCostCenter(t.Context(), resources.CostCenterCreate{Name: "Engineering", CompanyID: "1", Code: ptr("ENG")})
	must(t, err)
	eq(t, "ID", cc.ID, "4")
}

func TestGetCostCenter(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/cost_centers/4", status: 200, body: costCenterJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	cc, err := c.Finance.GetCostCenter(t.Context(), "4")
	must(t, err)
	is(t, "Code", cc.Code, "ENG")
}

func TestEditCostCenter(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/finance/cost_centers/edit", status: 200, body: costCenterJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"id":"4","company_id":"1","description":"Product engineering"}`)
		},
	})
	cc, err := c.Finance.EditCostCenter(t.Context(), resources.EditCostCenterInput{ID: "4", CompanyID: "1", Description: ptr("Product engineering")})
	must(t, err)
	is(t, "Description", cc.Description, "Product engineering")
}

func TestDeleteCostCenter(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/finance/cost_centers/4", status: 200, body: costCenterJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	cc, err := c.Finance.DeleteCostCenter(t.Context(), "4")
	must(t, err)
	is(t, "Name", cc.Name, "Engineering")
}

func TestListCostCenterMemberships(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/cost_center_memberships", status: 200, body: page(onePage(1), costCenterMembershipJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_id": {"7"}, "only_active": {"false"}, "active_on": {"2026-06-15"}})
		},
	})
	all, err := c.Finance.ListCostCenterMemberships(t.Context(), &resources.ListCostCenterMembershipsParams{
		EmployeeID: ptr("7"), OnlyActive: ptr(false), ActiveOn: datep("2026-06-15"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d memberships, want 1", len(all))
	}
	day(t, "StartDate", all[0].StartDate, "2026-06-01")
	null(t, "EndDate", all[0].EndDate)
	is(t, "Percentage", all[0].Percentage, float32(0.3))
}

func TestReplaceCostCenterMemberships(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/finance/cost_center_memberships/bulk_create_update", status: 200,
		body: "[" + costCenterMembershipJSON + "]",
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"employee_id":"7","company_id":"1","memberships":[{"cost_center_id":"4","percentage":0.3},`+
				`{"cost_center_id":"5","percentage":0.7}]}`)
		},
	})
	ms, err := c.Finance.ReplaceCostCenterMemberships(t.Context(), resources.ReplaceCostCenterMembershipsInput{
		EmployeeID: "7", CompanyID: "1",
		Memberships: []resources.CostCenterShare{{CostCenterID: "4", Percentage: 0.3}, {CostCenterID: "5", Percentage: 0.7}},
	})
	must(t, err)
	if len(ms) != 1 {
		t.Fatalf("%d memberships, want 1", len(ms))
	}
	is(t, "CostCenterID", ms[0].CostCenterID, "4")
}

const ledgerAccountResourceJSON = `{"id":"135","resource_type":"taxtype","resource_id":"155","account_id":"15","balance_type":"debit",` +
	`"updated_at":"2026-01-01T00:00:00.000Z","external_id":"ext_123","legal_entity_id":"13"}`

const taxRateJSON = `{"id":"123","rate":0.07,"description":"VAT for general goods","tax_type_id":"1234","external_id":"EXT-RATE-001",` +
	`"updated_at":"2026-01-01T00:00:00.000Z"}`

const taxTypeJSON = `{"id":"1234","name":"general IVA","type":"vat","country_code":"ES","external_id":"EXT-TYPE-001",` +
	`"updated_at":"2026-01-01T00:00:00.000Z"}`

func TestListLedgerAccountResources(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/ledger_account_resources", status: 200, body: page(onePage(1), ledgerAccountResourceJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"resource_type": {"taxtype"}, "finance_account_ids[]": {"15"}})
		},
	})
	all, err := c.Finance.ListLedgerAccountResources(t.Context(), &resources.ListLedgerAccountResourcesParams{
		ResourceType: ptr(resources.LedgerAccountResourceTypeTaxtype), FinanceAccountIDs: []string{"15"},
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d assignments, want 1", len(all))
	}
	is(t, "BalanceType", all[0].BalanceType, resources.LedgerAccountBalanceTypeDebit)
	is(t, "AccountID", all[0].AccountID, "15")
}

func TestGetLedgerAccountResource(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/ledger_account_resources/135", status: 200, body: ledgerAccountResourceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	a, err := c.Finance.GetLedgerAccountResource(t.Context(), "135")
	must(t, err)
	is(t, "ResourceID", a.ResourceID, "155")
}

func TestUpsertLedgerAccountResource(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/finance/ledger_account_resources/upsert", status: 200, body: ledgerAccountResourceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"legal_entity_id":"13","account_id":"15","resource_id":"155","resource_type":"taxtype",`+
				`"balance_type":"debit","operation_type":"purchase"}`)
		},
	})
	a, err := c.Finance.UpsertLedgerAccountResource(t.Context(), resources.UpsertLedgerAccountResourceInput{
		LegalEntityID: "13", AccountID: ptr("15"), ResourceID: ptr("155"), ResourceType: resources.LedgerAccountResourceTypeTaxtype,
		BalanceType: ptr(resources.LedgerAccountBalanceTypeDebit), OperationType: ptr(resources.LedgerAccountOperationTypePurchase),
	})
	must(t, err)
	eq(t, "ID", a.ID, "135")
}

func TestListTaxRates(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/tax_rates", status: 200, body: page(onePage(1), taxRateJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"tax_type_ids[]": {"1234"}, "updated_from": {"2026-01-01"}})
		},
	})
	all, err := c.Finance.ListTaxRates(t.Context(), &resources.ListTaxRatesParams{TaxTypeIDs: []string{"1234"}, UpdatedFrom: datep("2026-01-01")})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d rates, want 1", len(all))
	}
	is(t, "Rate", all[0].Rate, float32(0.07))
}

func TestCreateTaxRate(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/finance/tax_rates", status: 201, body: taxRateJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"rate":0.07,"tax_type_id":"1234"}`)
		},
	})
	tr, err := c.Finance.CreateTaxRate(t.Context(), resources.TaxRateCreate{Rate: ptr(float32(0.07)), TaxTypeID: ptr("1234")})
	must(t, err)
	is(t, "TaxTypeID", tr.TaxTypeID, "1234")
}

func TestGetTaxRate(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/tax_rates/123", status: 200, body: taxRateJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	tr, err := c.Finance.GetTaxRate(t.Context(), "123")
	must(t, err)
	is(t, "ExternalID", tr.ExternalID, "EXT-RATE-001")
}

func TestUpdateTaxRate(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/finance/tax_rates/123", status: 200, body: taxRateJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"id":"123","description":"VAT for general goods"}`)
		},
	})
	tr, err := c.Finance.UpdateTaxRate(t.Context(), "123", resources.TaxRateUpdate{ID: "123", Description: ptr("VAT for general goods")})
	must(t, err)
	is(t, "Description", tr.Description, "VAT for general goods")
}

func TestListTaxTypes(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/tax_types", status: 200, body: page(onePage(1), taxTypeJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"country_code": {"ES"}, "type": {"vat"}})
		},
	})
	all, err := c.Finance.ListTaxTypes(t.Context(), &resources.ListTaxTypesParams{CountryCode: ptr("ES"), Type: ptr(resources.TaxTypeKindVat)})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d tax types, want 1", len(all))
	}
	is(t, "Type", all[0].Type, resources.TaxTypeKindVat)
	at(t, "UpdatedAt", all[0].UpdatedAt, "2026-01-01T00:00:00Z")
}

func TestCreateTaxType(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/finance/tax_types", status: 201, body: taxTypeJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"name":"general IVA","type":"vat","country_code":"ES"}`)
		},
	})
	tt, err := c.Finance.CreateTaxType(t.Context(), resources.TaxTypeCreate{Name: "general IVA", Type: resources.TaxTypeKindVat, CountryCode: ptr("ES")})
	must(t, err)
	eq(t, "ID", tt.ID, "1234")
}

func TestGetTaxType(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/tax_types/1234", status: 200, body: taxTypeJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	tt, err := c.Finance.GetTaxType(t.Context(), "1234")
	must(t, err)
	is(t, "Name", tt.Name, "general IVA")
}

func TestUpdateTaxType(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/finance/tax_types/1234", status: 200, body: taxTypeJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"id":"1234","type":"vat","name":"general IVA"}`)
		},
	})
	tt, err := c.Finance.UpdateTaxType(t.Context(), "1234", resources.TaxTypeUpdate{ID: "1234", Type: resources.TaxTypeKindVat, Name: ptr("general IVA")})
	must(t, err)
	is(t, "CountryCode", tt.CountryCode, "ES")
}

const financialDocumentJSON = `{"id":"135","net_amount_cents":10000,"total_amount_cents":12100,"document_number":"INV-135","currency":"USD",` +
	`"status":"review","due_date":"2026-02-01","document_date":"2026-01-01","legal_entity_id":"13","vendor_id":"33",` +
	`"file":{"id":1,"filename":"invoice.pdf"},"updated_at":"2026-01-02T00:00:00.000Z",` +
	`"taxes":[{"amount_cents":2100,"base_amount_cents":10000,"percentage":0.21,"type":"vat"}],"fully_reconciled_at":null,` +
	`"recorded_at":"2026-01-01T10:00:00.000Z","duplicate_financial_document_id":null,"validated_at":null,"validated_by_id":null,` +
	`"document_type":"invoice","parent_financial_document_id":null,"taxes_total_amount_cents":2100,"issuer_name":"Acme Corporation",` +
	`"issuer_country_code":"US","recipient_name":"XYZ Company","recipient_country_code":"es","recipient_tax_id":"B66854530"}`

const journalEntryJSON = `{"id":"4321","number":7,"published_at":"2026-01-01T00:00:00.000Z","type":"bank","source_id":"15",` +
	`"source_type":"bank_transaction","reference_date":"2026-01-01","description":"Payment for invoice","legal_entity_id":"1001",` +
	`"external_id":"EXT-001","status":"published","updated_at":"2026-01-01T00:00:00.000Z"}`

const journalLineJSON = `{"id":"1234","number":1,"debit_amount_cents":0,"credit_amount_cents":100,"journal_entry_id":"4321",` +
	`"account_id":"9876","fully_reconciled_at":null,"external_id":"EXT-LINE-001","updated_at":"2026-01-01T00:00:00.000Z"}`

func TestListFinancialDocuments(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/financial_documents", status: 200, body: page(onePage(1), financialDocumentJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"statuses[]": {"review"}, "document_types[]": {"invoice"}, "vendor_id": {"33"}})
		},
	})
	all, err := c.Finance.ListFinancialDocuments(t.Context(), &resources.ListFinancialDocumentsParams{
		Statuses:      []resources.FinancialDocumentStatus{resources.FinancialDocumentStatusReview},
		DocumentTypes: []resources.FinancialDocumentType{resources.FinancialDocumentTypeInvoice}, VendorID: ptr("33"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d documents, want 1", len(all))
	}
	d := all[0]
	is(t, "TotalAmountCents", d.TotalAmountCents, 12100)
	day(t, "DueDate", d.DueDate, "2026-02-01")
	is(t, "DocumentType", d.DocumentType, resources.FinancialDocumentTypeInvoice)
	if len(d.Taxes) != 1 || d.Taxes[0]["type"] != "vat" || d.File["filename"] != "invoice.pdf" {
		t.Errorf("Taxes %v, File %v", d.Taxes, d.File)
	}
	null(t, "ValidatedAt", d.ValidatedAt)
}

func TestGetFinancialDocument(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/financial_documents/135", status: 200, body: financialDocumentJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	d, err := c.Finance.GetFinancialDocument(t.Context(), "135")
	must(t, err)
	is(t, "IssuerName", d.IssuerName, "Acme Corporation")
	at(t, "RecordedAt", d.RecordedAt, "2026-01-01T10:00:00Z")
}

func TestListJournalEntries(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/journal_entries", status: 200, body: page(onePage(1), journalEntryJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"types[]": {"bank", "invoice"}, "source_type": {"bank_transaction"}, "status": {"published"}})
		},
	})
	all, err := c.Finance.ListJournalEntries(t.Context(), &resources.ListJournalEntriesParams{
		Types:      []resources.JournalEntryType{resources.JournalEntryTypeBank, resources.JournalEntryTypeInvoice},
		SourceType: ptr(resources.JournalEntrySourceTypeBankTransaction), Status: ptr(resources.JournalEntryStatusPublished),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d entries, want 1", len(all))
	}
	is(t, "Number", all[0].Number, 7)
	day(t, "ReferenceDate", all[0].ReferenceDate, "2026-01-01")
}

func TestCreateJournalEntry(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/finance/journal_entries", status: 201, body: journalEntryJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"legal_entity_id":"1001","reference_date":"2026-01-01","lines":[`+
				`{"account_id":"9876","debit_amount_cents":0,"credit_amount_cents":100,"external_id":"LINE-001"},`+
				`{"account_id":"9877","debit_amount_cents":100,"credit_amount_cents":0}]}`)
		},
	})
	je, err := c.Finance.CreateJournalEntry(t.Context(), resources.JournalEntryCreate{
		LegalEntityID: "1001", ReferenceDate: date("2026-01-01"),
		Lines: []resources.JournalLineInput{
			{AccountID: "9876", DebitAmountCents: 0, CreditAmountCents: 100, ExternalID: ptr("LINE-001")},
			{AccountID: "9877", DebitAmountCents: 100, CreditAmountCents: 0},
		},
	})
	must(t, err)
	eq(t, "ID", je.ID, "4321")
	is(t, "Status", je.Status, resources.JournalEntryStatusPublished)
}

func TestGetJournalEntry(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/journal_entries/4321", status: 200, body: journalEntryJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	je, err := c.Finance.GetJournalEntry(t.Context(), "4321")
	must(t, err)
	is(t, "ExternalID", je.ExternalID, "EXT-001")
}

func TestListJournalLines(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/journal_lines", status: 200, body: page(onePage(1), journalLineJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"journal_entry_ids[]": {"4321"}, "reconciliation_status": {"pending"}, "description": {"invoice"}})
		},
	})
	all, err := c.Finance.ListJournalLines(t.Context(), &resources.ListJournalLinesParams{
		JournalEntryIDs: []string{"4321"}, ReconciliationStatus: ptr(resources.JournalLineReconciliationStatusPending), Description: ptr("invoice"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d lines, want 1", len(all))
	}
	is(t, "CreditAmountCents", all[0].CreditAmountCents, 100)
	null(t, "FullyReconciledAt", all[0].FullyReconciledAt)
}

func TestGetJournalLine(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/finance/journal_lines/1234", status: 200, body: journalLineJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	l, err := c.Finance.GetJournalLine(t.Context(), "1234")
	must(t, err)
	is(t, "AccountID", l.AccountID, "9876")
}
