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
