package sandbox

import (
	"slices"
	"testing"
)

func init() { areaWalks["finance"] = walkFinance }

// walkFinance is the finance part of TestDatedEveryOperationAnswers2xx.
func walkFinance(t *testing.T, _ *env, ok okFunc) {
	ok("GET", "/finance/accounts", nil)
	acct := idOf(t, ok("POST", "/finance/accounts", map[string]any{"number": "410000", "type": "current_liability",
		"currency": "EUR", "legal_entity_id": "1", "name": "Creditors"}))
	ok("GET", "/finance/accounts/"+acct, nil)
	ok("PUT", "/finance/accounts/"+acct, map[string]any{"id": acct, "name": "Trade creditors"})
	ok("GET", "/finance/accounting_settings", nil)
	ok("POST", "/finance/accounting_settings/upsert", map[string]any{"legal_entity_id": "1", "default_account_for_vendors_id": acct})
	ok("GET", "/finance/accounting_settings/1", nil)
	ok("GET", "/finance/budget_options", nil)
	ok("GET", "/finance/budget_options/1", nil)
	ok("GET", "/finance/categories", nil)
	ok("GET", "/finance/categories/1", nil)
	ok("GET", "/finance/contacts", nil)
	contact := idOf(t, ok("POST", "/finance/contacts", map[string]any{"name": "Acme Paper", "address": map[string]any{"city": "Girona"}}))
	ok("GET", "/finance/contacts/"+contact, nil)
	ok("PUT", "/finance/contacts/"+contact, map[string]any{"id": contact, "address": map[string]any{"city": "Lleida"}, "email": "a@b.test"})
}

// TestDatedFinanceFilters: the finance lists' filters, including those the
// sandbox applies by rule (updated_from, category level and status,
// search, contact type and partial legal names).
func TestDatedFinanceFilters(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	day := func(offset int) string { return DefaultNow.AddDate(0, 0, offset).Format("2006-01-02") }
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/finance/accounts?types[]=bank&types[]=expense", []string{"1", "3"}},
		{"/finance/accounts?number=400000", []string{"2"}},
		{"/finance/accounts?legal_entity_ids[]=1", []string{"1", "2", "3"}},
		{"/finance/accounts?updated_from=" + day(-29), []string{}},
		{"/finance/accounting_settings?legal_entity_ids[]=1&updated_from=" + day(-31), []string{"1"}},
		{"/finance/categories?category_level=category", []string{"1", "4"}},
		{"/finance/categories?category_level=subcategory&statuses[]=enabled", []string{"2"}},
		{"/finance/categories?statuses[]=disabled", []string{"3"}},
		{"/finance/categories?parent_category_ids[]=1", []string{"2", "3"}},
		{"/finance/categories?search=TRA", []string{"1", "2"}},
		{"/finance/categories?category_level=all&type=expense", []string{"1", "2", "3", "4"}},
		{"/finance/contacts?legal_name=supply", []string{"2"}},
		{"/finance/contacts?contact_type=client", []string{}},
		{"/finance/contacts?contact_type=vendor&updated_from=" + day(-2), []string{"2"}},
		{"/finance/contacts?tax_ids[]=A86868189", []string{"1"}},
		{"/finance/contacts?email=billing@renfe.test", []string{"1"}},
	} {
		r := e.dated("GET", tc.path, key, nil)
		if r.status != 200 {
			t.Fatalf("%s: %d %s", tc.path, r.status, r.body)
		}
		if got := idsOf(t, r); !slices.Equal(got, tc.want) {
			t.Errorf("%s: ids %v, want %v", tc.path, got, tc.want)
		}
	}
	if r := e.dated("GET", "/finance/accounts", tokTimeOff, nil); r.status != 403 {
		t.Errorf("token without the finance scope: %d %s, want 403", r.status, r.body)
	}
}

// TestDatedUpsertAccountingSetting: the upsert changes the legal entity's
// existing settings in the members sent, creates settings for an entity
// without them, and refuses an unknown entity or an account of another
// entity.
func TestDatedUpsertAccountingSetting(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	path := "/finance/accounting_settings/upsert"
	r := e.dated("POST", path, key, map[string]any{"legal_entity_id": "1", "default_account_for_suspense_id": "2", "external_id": "erp-1"})
	m := r.obj(t)
	if r.status != 200 || m["id"] != "1" || m["default_account_for_suspense_id"] != "2" || m["default_account_for_banks_id"] != "1" ||
		m["external_id"] != "erp-1" {
		t.Fatalf("upsert of the existing settings: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", path, key, map[string]any{"legal_entity_id": "99"}); r.status != 422 {
		t.Errorf("unknown legal entity: %d %s, want 422", r.status, r.body)
	}
	if r := e.dated("POST", path, key, map[string]any{"legal_entity_id": "1", "default_account_for_banks_id": "999"}); r.status != 422 {
		t.Errorf("unknown ledger account: %d %s, want 422", r.status, r.body)
	}
	le := idOf(t, e.dated("POST", "/companies/legal_entities", key, map[string]any{"country": "es", "legal_name": "Acme Norte S.L.",
		"tin": "B99999999", "currency": "EUR", "company_id": "1"}).obj(t))
	if r := e.dated("POST", path, key, map[string]any{"legal_entity_id": le, "default_account_for_banks_id": "1"}); r.status != 422 {
		t.Errorf("an account of another legal entity: %d %s, want 422", r.status, r.body)
	}
	r = e.dated("POST", path, key, map[string]any{"legal_entity_id": le})
	if m := r.obj(t); r.status != 200 || m["id"] == "1" || m["legal_entity_id"] != le || m["default_account_for_banks_id"] != nil {
		t.Errorf("upsert for a new legal entity: %d %s", r.status, r.body)
	}
	if got := idsOf(t, e.dated("GET", "/finance/accounting_settings", key, nil)); len(got) != 2 {
		t.Errorf("settings after the upserts: %v, want two", got)
	}
	if r := e.dated("POST", path, tokBasic, map[string]any{"legal_entity_id": "1"}); r.status != 403 {
		t.Errorf("basic user: %d %s, want 403", r.status, r.body)
	}
}
