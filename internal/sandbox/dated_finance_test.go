package sandbox

import (
	"encoding/json"
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
	ok("GET", "/finance/cost_centers", nil)
	center := idOf(t, ok("POST", "/finance/cost_centers", map[string]any{"name": "Marketing", "company_id": "1", "code": "MKT"}))
	ok("GET", "/finance/cost_centers/"+center, nil)
	ok("POST", "/finance/cost_centers/edit", map[string]any{"id": center, "company_id": "1", "name": "Growth"})
	ok("GET", "/finance/cost_center_memberships", nil)
	ok("POST", "/finance/cost_center_memberships/bulk_create_update", map[string]any{"employee_id": "1001", "company_id": "1",
		"memberships": []map[string]any{{"cost_center_id": center, "percentage": 1}}})
	ok("POST", "/finance/cost_center_memberships/bulk_create_update", map[string]any{"employee_id": "1001", "company_id": "1",
		"memberships": []map[string]any{}})
	ok("DELETE", "/finance/cost_centers/"+center, nil)
	ok("GET", "/finance/ledger_account_resources", nil)
	ok("POST", "/finance/ledger_account_resources/upsert", map[string]any{"legal_entity_id": "1", "resource_type": "taxtype",
		"resource_id": "1", "account_id": acct, "balance_type": "debit"})
	ok("GET", "/finance/ledger_account_resources/1", nil)
	ok("GET", "/finance/tax_types", nil)
	taxType := idOf(t, ok("POST", "/finance/tax_types", map[string]any{"name": "IGIC", "type": "vat", "country_code": "ES"}))
	ok("GET", "/finance/tax_types/"+taxType, nil)
	ok("PUT", "/finance/tax_types/"+taxType, map[string]any{"id": taxType, "type": "vat", "name": "IGIC general"})
	ok("GET", "/finance/tax_rates", nil)
	rate := idOf(t, ok("POST", "/finance/tax_rates", map[string]any{"rate": 0.07, "tax_type_id": taxType}))
	ok("GET", "/finance/tax_rates/"+rate, nil)
	ok("PUT", "/finance/tax_rates/"+rate, map[string]any{"id": rate, "description": "General IGIC"})
	ok("GET", "/finance/financial_documents", nil)
	ok("GET", "/finance/financial_documents/1", nil)
	ok("GET", "/finance/journal_entries", nil)
	entry := idOf(t, ok("POST", "/finance/journal_entries", map[string]any{"legal_entity_id": "1", "reference_date": "2026-06-30",
		"description": "Office rent", "lines": []map[string]any{
			{"account_id": "3", "debit_amount_cents": 120000, "credit_amount_cents": 0},
			{"account_id": "1", "debit_amount_cents": 0, "credit_amount_cents": 120000}}}))
	ok("GET", "/finance/journal_entries/"+entry, nil)
	ok("GET", "/finance/journal_lines?journal_entry_ids[]="+entry, nil)
	ok("GET", "/finance/journal_lines/1", nil)
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
		{"/finance/financial_documents?statuses[]=review&vendor_id=2", []string{"1"}},
		{"/finance/financial_documents?document_types[]=credit_note", []string{}},
		{"/finance/financial_documents?company_id=1&updated_from=" + day(-2), []string{"1"}},
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

// TestDatedCostCenters: counts derived from the memberships, edit,
// filters, and the memberships replacement keeping the history.
func TestDatedCostCenters(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	today := DefaultNow.Format("2006-01-02")
	yesterday := DefaultNow.AddDate(0, 0, -1).Format("2006-01-02")
	m := e.dated("GET", "/finance/cost_centers/1", key, nil).obj(t)
	if m["active_employees_count"] != float64(2) || m["historical_employees_count"] != float64(2) || m["status"] != "active" {
		t.Errorf("cost center 1: %v", m)
	}
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/finance/cost_centers?search=sal", []string{"2"}},
		{"/finance/cost_centers?include_actives_on_date=" + today, []string{"1", "2"}},
		{"/finance/cost_center_memberships?employee_id=1002", []string{"2", "3"}},
		{"/finance/cost_center_memberships?cost_center_ids[]=2", []string{"3"}},
		{"/finance/cost_center_memberships?active_on=" + DefaultNow.AddDate(0, 0, -200).Format("2006-01-02"), []string{"1"}},
	} {
		r := e.dated("GET", tc.path, key, nil)
		if got := idsOf(t, r); r.status != 200 || !slices.Equal(got, tc.want) {
			t.Errorf("%s: %d ids %v, want %v", tc.path, r.status, got, tc.want)
		}
	}
	r := e.dated("POST", "/finance/cost_centers/edit", key, map[string]any{"id": "2", "company_id": "1", "code": "SALES"})
	if m := r.obj(t); r.status != 200 || m["code"] != "SALES" || m["name"] != "Sales" {
		t.Errorf("edit: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/finance/cost_centers/edit", key, map[string]any{"id": "2", "company_id": "1", "name": " "}); r.status != 422 {
		t.Errorf("blank name: %d %s, want 422", r.status, r.body)
	}
	if r := e.dated("POST", "/finance/cost_centers/edit", key, map[string]any{"id": "9", "company_id": "1"}); r.status != 404 {
		t.Errorf("unknown cost center: %d %s, want 404", r.status, r.body)
	}

	path := "/finance/cost_center_memberships/bulk_create_update"
	for _, body := range []map[string]any{
		{"employee_id": "1002", "company_id": "1", "memberships": []map[string]any{{"cost_center_id": "1", "percentage": 0.3}, {"cost_center_id": "2", "percentage": 0.3}}},
		{"employee_id": "1002", "company_id": "1", "memberships": []map[string]any{{"cost_center_id": "9", "percentage": 1}}},
		{"employee_id": "1002", "company_id": "1", "memberships": []map[string]any{{"cost_center_id": "1", "percentage": 1.5}}},
		{"employee_id": "9999", "company_id": "1", "memberships": []map[string]any{{"cost_center_id": "1", "percentage": 1}}},
	} {
		if r := e.dated("POST", path, key, body); r.status != 422 {
			t.Errorf("%v: %d %s, want 422", body, r.status, r.body)
		}
	}
	r = e.dated("POST", path, key, map[string]any{"employee_id": "1002", "company_id": "1",
		"memberships": []map[string]any{{"cost_center_id": "1", "percentage": 0.3}, {"cost_center_id": "2", "percentage": 0.7}}})
	if r.status != 200 || len(r.list(t)) != 2 {
		t.Fatalf("replace: %d %s", r.status, r.body)
	}
	first := r.list(t)[0].(map[string]any)
	if first["start_date"] != today || first["percentage"] != 0.3 || first["end_date"] != nil {
		t.Errorf("new membership: %v", first)
	}
	all, _ := e.dated("GET", "/finance/cost_center_memberships?employee_id=1002&only_active=false", key, nil).page(t)
	if len(all) != 4 {
		t.Fatalf("%d memberships of the manager, want 4 (two ended, two new)", len(all))
	}
	if all[0]["end_date"] != yesterday || all[1]["end_date"] != yesterday {
		t.Errorf("the old memberships did not end yesterday: %v %v", all[0], all[1])
	}
	if got := idsOf(t, e.dated("GET", "/finance/cost_center_memberships?employee_id=1002", key, nil)); len(got) != 2 || got[0] == "2" {
		t.Errorf("memberships in force: %v, want the two new ones", got)
	}
	if r := e.dated("POST", path, tokBasic, map[string]any{"employee_id": "1003", "company_id": "1", "memberships": []map[string]any{}}); r.status != 403 {
		t.Errorf("basic user: %d %s, want 403", r.status, r.body)
	}
}

// TestDatedCostCenterEvents: create, edit and delete raise their events.
func TestDatedCostCenterEvents(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rc := newReceiver(t)
	for _, ev := range []string{"finance/cost_center/create", "finance/cost_center/edit", "finance/cost_center/delete"} {
		e.subscribe(ev, rc.srv.URL, ev, true)
	}
	key := "key:" + tokKey
	id := idOf(t, e.dated("POST", "/finance/cost_centers", key, map[string]any{"name": "Ops", "company_id": "1"}).obj(t))
	e.dated("POST", "/finance/cost_centers/edit", key, map[string]any{"id": id, "company_id": "1", "name": "Operations"})
	e.dated("DELETE", "/finance/cost_centers/"+id, key, nil)
	e.waitWebhooks()
	if rc.count() != 3 {
		t.Fatalf("%d deliveries, want 3", rc.count())
	}
	seen := map[string]string{}
	for i := range 3 {
		req, b := rc.at(i)
		var p map[string]any
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatal(err)
		}
		if p["id"] != id {
			t.Errorf("payload %s", b)
		}
		seen[req.Header.Get("x-factorial-wh-challenge")], _ = p["name"].(string)
	}
	if seen["finance/cost_center/create"] != "Ops" || seen["finance/cost_center/edit"] != "Operations" || seen["finance/cost_center/delete"] != "Operations" {
		t.Errorf("events by type: %v", seen)
	}
}

// TestDatedTaxesAndAssignments: tax type and rate filters and checks, and
// the ledger account assignment upsert.
func TestDatedTaxesAndAssignments(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	day := func(offset int) string { return DefaultNow.AddDate(0, 0, offset).Format("2006-01-02") }
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/finance/tax_types?type=vat", []string{"1"}},
		{"/finance/tax_types?country_code=FR", []string{}},
		{"/finance/tax_rates?tax_type_ids[]=1", []string{"1", "2"}},
		{"/finance/tax_rates?updated_from=" + day(-2), []string{"3"}},
		{"/finance/ledger_account_resources?resource_type=vendor", []string{"1"}},
		{"/finance/ledger_account_resources?finance_account_ids[]=1", []string{"2"}},
		{"/finance/ledger_account_resources?updated_from=" + day(-2), []string{"2"}},
	} {
		r := e.dated("GET", tc.path, key, nil)
		if got := idsOf(t, r); r.status != 200 || !slices.Equal(got, tc.want) {
			t.Errorf("%s: %d ids %v, want %v", tc.path, r.status, got, tc.want)
		}
	}
	for _, body := range []map[string]any{
		{"rate": 0.07},
		{"rate": 0.07, "tax_type_id": "99"},
		{"rate": 1.5, "tax_type_id": "1"},
		{"tax_type_id": "1"},
	} {
		if r := e.dated("POST", "/finance/tax_rates", key, body); r.status != 422 {
			t.Errorf("tax rate %v: %d %s, want 422", body, r.status, r.body)
		}
	}
	if r := e.dated("POST", "/finance/tax_rates", key, map[string]any{"rate": -0.19, "tax_type_id": "2"}); r.status != 201 {
		t.Errorf("a negative rate: %d %s", r.status, r.body)
	}

	path := "/finance/ledger_account_resources/upsert"
	r := e.dated("POST", path, key, map[string]any{"legal_entity_id": "1", "resource_type": "vendor", "resource_id": "1", "number": "629100"})
	if m := r.obj(t); r.status != 200 || m["id"] != "1" || m["account_id"] != "3" || m["balance_type"] != "credit" {
		t.Errorf("upsert of the vendor's assignment by account number: %d %s", r.status, r.body)
	}
	r = e.dated("POST", path, key, map[string]any{"legal_entity_id": "1", "resource_type": "taxtype", "resource_id": "1", "account_id": "2"})
	if m := r.obj(t); r.status != 200 || m["id"] != "3" || m["resource_type"] != "taxtype" {
		t.Errorf("new assignment: %d %s", r.status, r.body)
	}
	r = e.dated("POST", path, key, map[string]any{"id": "2", "legal_entity_id": "1", "resource_type": "bankaccount", "balance_type": "credit"})
	if m := r.obj(t); r.status != 200 || m["account_id"] != "1" || m["balance_type"] != "credit" {
		t.Errorf("upsert by id keeping the account: %d %s", r.status, r.body)
	}
	for _, tc := range []struct {
		body   map[string]any
		status int
	}{
		{map[string]any{"id": "99", "legal_entity_id": "1", "resource_type": "vendor", "account_id": "1"}, 404},
		{map[string]any{"legal_entity_id": "1", "resource_type": "vendor", "resource_id": "2", "account_id": "99"}, 422},
		{map[string]any{"legal_entity_id": "1", "resource_type": "vendor", "resource_id": "2"}, 422},
		{map[string]any{"legal_entity_id": "99", "resource_type": "vendor", "account_id": "1"}, 422},
	} {
		if r := e.dated("POST", path, key, tc.body); r.status != tc.status {
			t.Errorf("%v: %d %s, want %d", tc.body, r.status, r.body, tc.status)
		}
	}
}

// TestDatedJournalEntries: a balanced entry is booked with its lines,
// numbered after the entity's last entry; unbalanced entries and foreign
// accounts are refused; the line filters read the entry.
func TestDatedJournalEntries(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	line := func(acct string, debit, credit int) map[string]any {
		return map[string]any{"account_id": acct, "debit_amount_cents": debit, "credit_amount_cents": credit}
	}
	for _, body := range []map[string]any{
		{"legal_entity_id": "1", "reference_date": "2026-06-30", "lines": []map[string]any{line("3", 100, 0), line("1", 0, 90)}},
		{"legal_entity_id": "1", "reference_date": "2026-06-30", "lines": []map[string]any{line("3", 100, 0), line("99", 0, 100)}},
		{"legal_entity_id": "1", "reference_date": "2026-06-30", "lines": []map[string]any{line("3", -100, 0), line("1", 0, -100)}},
		{"legal_entity_id": "1", "reference_date": "2026-06-30", "lines": []map[string]any{}},
		{"legal_entity_id": "99", "reference_date": "2026-06-30", "lines": []map[string]any{line("3", 100, 0), line("1", 0, 100)}},
	} {
		if r := e.dated("POST", "/finance/journal_entries", key, body); r.status != 422 {
			t.Errorf("%v: %d %s, want 422", body, r.status, r.body)
		}
	}
	r := e.dated("POST", "/finance/journal_entries", key, map[string]any{"legal_entity_id": "1", "reference_date": "2026-06-30",
		"type": "bill", "description": "Train tickets", "external_id": "EXT-9",
		"lines": []map[string]any{line("3", 12000, 0), line("2", 0, 12000)}})
	m := r.obj(t)
	if r.status != 201 || m["type"] != "bill" || m["status"] != "published" || m["number"] != float64(2) || m["reference_date"] != "2026-06-30" {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	id := m["id"].(string)
	lines, _ := e.dated("GET", "/finance/journal_lines?journal_entry_ids[]="+id, key, nil).page(t)
	if len(lines) != 2 || lines[0]["number"] != float64(1) || lines[0]["debit_amount_cents"] != float64(12000) || lines[1]["account_id"] != "2" {
		t.Errorf("lines of the new entry: %v", lines)
	}
	for _, tc := range []struct {
		path string
		n    int
	}{
		{"/finance/journal_lines?journal_entry_types[]=bill", 2},
		{"/finance/journal_lines?description=TRAIN", 2},
		{"/finance/journal_lines?reconciliation_status=reconciled", 1},
		{"/finance/journal_lines?reconciliation_status=pending&account_ids[]=2", 2},
		{"/finance/journal_entries?types[]=bill&status=published", 1},
	} {
		data, _ := e.dated("GET", tc.path, key, nil).page(t)
		if len(data) != tc.n {
			t.Errorf("%s: %d records, want %d", tc.path, len(data), tc.n)
		}
	}
	if r := e.dated("POST", "/finance/journal_entries", tokBasic, map[string]any{"legal_entity_id": "1", "reference_date": "2026-06-30",
		"lines": []map[string]any{line("3", 1, 0), line("2", 0, 1)}}); r.status != 403 {
		t.Errorf("basic user: %d %s, want 403", r.status, r.body)
	}
}
