package sandbox

import (
	"encoding/json"
	"slices"
	"strings"
	"testing"
)

func init() { areaWalks["banking"] = walkBanking }

// walkBanking is the banking part of TestDatedEveryOperationAnswers2xx.
func walkBanking(t *testing.T, _ *env, ok okFunc) {
	ok("GET", "/banking/bank_accounts", nil)
	acct := idOf(t, ok("POST", "/banking/bank_accounts/create_manual", map[string]any{"legal_entity_id": "1", "currency": "EUR",
		"account_number": "ES1000492352082414205416", "account_number_type": "iban", "bank_account_membership_employee_ids": []string{"1003"}}))
	ok("GET", "/banking/bank_accounts/"+acct, nil)
	ok("GET", "/banking/card_payments", nil)
	ok("GET", "/banking/card_payments/1", nil)
	ok("GET", "/banking/transactions", nil)
	ok("GET", "/banking/transactions/1", nil)
}

// idsOf lists the ids of a page's records.
func idsOf(t testing.TB, r datedResp) []string {
	t.Helper()
	data, _ := r.page(t)
	out := []string{}
	for _, rec := range data {
		id, _ := rec["id"].(string)
		out = append(out, id)
	}
	return out
}

// TestDatedBankingVisibility: admins and API keys see every account, a
// basic user only the accounts they are a member of, and the card payments
// and transactions of those; another account reads as missing.
func TestDatedBankingVisibility(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	for _, tc := range []struct {
		token, path string
		want        []string
	}{
		{key, "/banking/bank_accounts", []string{"1", "2"}},
		{tokAdmin, "/banking/bank_accounts", []string{"1", "2"}},
		{tokBasic, "/banking/bank_accounts", []string{"2"}},
		{tokManager, "/banking/bank_accounts", []string{"2"}},
		{key, "/banking/card_payments", []string{"1", "2"}},
		{tokBasic, "/banking/card_payments", []string{"1"}},
		{key, "/banking/transactions", []string{"1", "2"}},
		{tokBasic, "/banking/transactions", []string{"2"}},
	} {
		r := e.dated("GET", tc.path, tc.token, nil)
		if r.status != 200 {
			t.Fatalf("%s as %s: %d %s", tc.path, tc.token, r.status, r.body)
		}
		if got := idsOf(t, r); !slices.Equal(got, tc.want) {
			t.Errorf("%s as %s: ids %v, want %v", tc.path, tc.token, got, tc.want)
		}
	}
	for _, p := range []string{"/banking/bank_accounts/1", "/banking/card_payments/2", "/banking/transactions/1"} {
		if r := e.dated("GET", p, tokBasic, nil); r.status != 404 {
			t.Errorf("basic user GET %s: %d %s, want 404", p, r.status, r.body)
		}
		if r := e.dated("GET", p, key, nil); r.status != 200 {
			t.Errorf("API key GET %s: %d %s", p, r.status, r.body)
		}
	}
	r := e.dated("GET", "/banking/bank_accounts/2", tokBasic, nil)
	if r.status != 200 || r.obj(t)["account_number"] != "ES6000491500051234567892" {
		t.Errorf("member GET of the card account: %d %s", r.status, r.body)
	}
	if strings.Contains(string(r.body), "membership") {
		t.Errorf("the answer carries the internal member list: %s", r.body)
	}
	// The banking scope gates the namespace: a token granted only time_off
	// is refused before anything is read.
	if r := e.dated("GET", "/banking/bank_accounts", tokTimeOff, nil); r.status != 403 {
		t.Errorf("token without the banking scope: %d %s, want 403", r.status, r.body)
	}
}

// TestDatedBankingFilters: the declared filters select on the records'
// fields, the account of a card payment and the day of its dates.
func TestDatedBankingFilters(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	day := func(offset int) string { return DefaultNow.AddDate(0, 0, offset).Format("2006-01-02") }
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/banking/bank_accounts?ids[]=2", []string{"2"}},
		{"/banking/bank_accounts?currency=USD", []string{}},
		{"/banking/bank_accounts?legal_entity_ids[]=1", []string{"1", "2"}},
		{"/banking/bank_accounts?updated_from=" + day(0), []string{}},
		{"/banking/bank_accounts?updated_from=" + day(-1), []string{"1", "2"}},
		{"/banking/card_payments?account_ids[]=1", []string{"2"}},
		{"/banking/card_payments?status=closed", []string{"1"}},
		{"/banking/card_payments?from=" + day(-1), []string{"2"}},
		{"/banking/card_payments?to=" + day(-2), []string{"1"}},
		{"/banking/transactions?bank_account_ids[]=2", []string{"2"}},
		{"/banking/transactions?card_payment_ids[]=1", []string{"2"}},
		{"/banking/transactions?from=" + day(-3) + "&to=" + day(0), []string{"2"}},
		{"/banking/transactions?updated_from=" + day(-2), []string{"2"}},
	} {
		r := e.dated("GET", tc.path, key, nil)
		if r.status != 200 {
			t.Fatalf("%s: %d %s", tc.path, r.status, r.body)
		}
		if got := idsOf(t, r); !slices.Equal(got, tc.want) {
			t.Errorf("%s: ids %v, want %v", tc.path, got, tc.want)
		}
	}
}

// TestDatedCreateManualBankAccount: the account takes its country and
// beneficiary from the legal entity, starts at zero, and is seen by its
// members; references are checked and basic users may not create one.
func TestDatedCreateManualBankAccount(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	body := map[string]any{"legal_entity_id": "1", "currency": "eur", "account_number": "ES1000492352082414205416",
		"account_number_type": "iban", "account_alias": "Savings", "external_id": "erp-7",
		"bank_account_membership_employee_ids": []string{"1004"}}
	r := e.dated("POST", "/banking/bank_accounts/create_manual", key, body)
	if r.status != 200 {
		t.Fatalf("create_manual: %d %s", r.status, r.body)
	}
	got := r.obj(t)
	for k, want := range map[string]any{"legal_entity_id": "1", "currency": "EUR", "country": "es", "iban": "ES1000492352082414205416",
		"beneficiary_name": "Acme Labs S.L.", "account_balance_cents": 0.0, "external_id": "erp-7", "account_alias": "Savings"} {
		if got[k] != want {
			t.Errorf("%s = %v, want %v", k, got[k], want)
		}
	}
	id, _ := got["id"].(string)
	if r := e.dated("GET", "/banking/bank_accounts/"+id, tokBasic, nil); r.status != 404 {
		t.Errorf("non-member reads the new account: %d", r.status)
	}
	for _, tc := range []struct {
		name   string
		token  string
		change map[string]any
		status int
		msg    string
	}{
		{"basic user", tokBasic, nil, 403, ""},
		{"unknown legal entity", key, map[string]any{"legal_entity_id": "99"}, 422, "legal entity does not exist"},
		{"unknown member", key, map[string]any{"bank_account_membership_employee_ids": []string{"1003", "9999"}}, 422, "9999"},
		{"blank number", key, map[string]any{"account_number": "  "}, 422, "can't be blank"},
		{"bad currency", key, map[string]any{"currency": "euro"}, 422, "ISO 4217"},
		{"unknown number type", key, map[string]any{"account_number_type": "swift"}, 422, "is not included in the list"},
	} {
		b := map[string]any{}
		for k, v := range body {
			b[k] = v
		}
		for k, v := range tc.change {
			b[k] = v
		}
		e.strict = tc.change["account_number_type"] == nil // the client side refuses an unknown enum value too
		r := e.dated("POST", "/banking/bank_accounts/create_manual", tc.token, b)
		e.strict = true
		if r.status != tc.status || !strings.Contains(string(r.body), tc.msg) {
			t.Errorf("%s: %d %s, want %d naming %q", tc.name, r.status, r.body, tc.status, tc.msg)
		}
	}
	if r := e.dated("GET", "/banking/bank_accounts", key, nil); len(idsOf(t, r)) != 3 {
		t.Errorf("refused creates wrote accounts: %s", r.body)
	}
}

// TestDatedBankAccountNumberUpsert: writing an employee's bank_number
// raises banking/bank_account_number/upsert with the employee's id and
// number; a write without one raises nothing.
func TestDatedBankAccountNumberUpsert(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rc := newReceiver(t)
	e.subscribe(EventBankAccountNumberUpsert, rc.srv.URL, "bank-challenge", true)
	key := "key:" + tokKey
	if r := e.dated("PUT", "/employees/employees/1003", key, map[string]any{"id": "1003", "preferred_name": "Bee"}); r.status != 200 {
		t.Fatalf("update: %d %s", r.status, r.body)
	}
	if r := e.dated("PUT", "/employees/employees/1003", key, map[string]any{"id": "1003", "bank_number": "GB33BUKB20201555555555"}); r.status != 200 {
		t.Fatalf("update: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/employees/employees/create_with_contract", key, map[string]any{"company_id": "1", "first_name": "Ona",
		"last_name": "Nova", "email": "ona@example.com", "bank_number": "12345678"}); r.status != 200 {
		t.Fatalf("hire: %d %s", r.status, r.body)
	}
	e.waitWebhooks()
	if rc.count() != 2 {
		t.Fatalf("%d deliveries, want 2 (the update without a number raises none)", rc.count())
	}
	// Deliveries run concurrently, so they may arrive in either order:
	// the update's is the one for employee 1003.
	first, second := 0, 1
	if _, b := rc.at(0); !strings.Contains(string(b), `"id":"1003"`) {
		first, second = 1, 0
	}
	req, b := rc.at(first)
	var p map[string]any
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	if p["id"] != "1003" || p["account_number"] != "GB33BUKB20201555555555" || p["format"] != "iban" || p["company_id"] != "1" {
		t.Errorf("payload %s", b)
	}
	if req.Header.Get("x-factorial-wh-challenge") != "bank-challenge" {
		t.Errorf("challenge header %q", req.Header.Get("x-factorial-wh-challenge"))
	}
	_, b = rc.at(second)
	if err := json.Unmarshal(b, &p); err != nil {
		t.Fatal(err)
	}
	if p["account_number"] != "12345678" || p["format"] != "other" {
		t.Errorf("hire payload %s", b)
	}
}
