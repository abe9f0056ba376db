package sandbox

import (
	"encoding/json"
	"slices"
	"testing"
)

func init() { areaWalks["expenses"] = walkExpenses }

// walkExpenses is the expenses part of TestDatedEveryOperationAnswers2xx.
func walkExpenses(t *testing.T, _ *env, ok okFunc) {
	ok("GET", "/expenses/expensables?include_manual_drafts=true", nil)
	ok("GET", "/expenses/expensables/1", nil)
	ok("POST", "/expenses/expensables/update_reimbursable_amount", map[string]any{"id": "2", "reimbursable_amount": 11000})
	ok("POST", "/expenses/expensables/bulk_set_to_paid", map[string]any{"ids": []string{"1", "2"}})
	ok("GET", "/expenses/expenses", nil)
	ok("GET", "/expenses/expenses/1", nil)
	ok("GET", "/expenses/mileages", nil)
	ok("GET", "/expenses/mileages/1", nil)
	ok("GET", "/expenses/per_diems", nil)
	ok("GET", "/expenses/per_diems/1", nil)
}

// TestDatedExpensesListsAndFilters: the declared filters, drafts left out
// on request, and the details showing their expensable's status.
func TestDatedExpensesListsAndFilters(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	day := func(offset int) string { return DefaultNow.AddDate(0, 0, offset).Format("2006-01-02") }
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/expenses/expensables", []string{"1", "2", "3", "4", "5"}},
		{"/expenses/expensables?include_manual_drafts=false", []string{"1", "2", "3"}},
		{"/expenses/expensables?include_manual_drafts=true", []string{"1", "2", "3", "4", "5"}},
		{"/expenses/expensables?status[]=draft", []string{"4", "5"}},
		{"/expenses/expensables?status[]=approved&status[]=pending", []string{"1", "2", "3"}},
		{"/expenses/expensables?employee_ids[]=1002&include_manual_drafts=false", []string{"3"}},
		{"/expenses/expensables?group_ids[]=1", []string{"2", "3"}},
		{"/expenses/expensables?creation_type[]=automatic", []string{"1"}},
		{"/expenses/expensables?creation_type[]=manual", []string{"2", "5"}},
		{"/expenses/expensables?search=GIRONA", []string{"3"}},
		{"/expenses/expensables?search=exp-2", []string{"2"}},
		{"/expenses/expensables?from=" + day(-6) + "&to=" + day(-2), []string{"1", "3"}},
		{"/expenses/expensables?company_id=1&include_manual_drafts=false", []string{"1", "2", "3"}},
		{"/expenses/expensables?company_id=2", []string{}},
		{"/expenses/expenses", []string{"1", "2", "3"}},
		{"/expenses/expenses?include_manual_drafts=false", []string{"1", "2"}},
		{"/expenses/expenses?card_ids[]=21", []string{"1"}},
		{"/expenses/expenses?card_payment_ids[]=1", []string{"1"}},
		{"/expenses/expenses?expenses_expensable_ids[]=2", []string{"2"}},
		{"/expenses/expenses?employee_ids[]=1003&from=" + day(-3), []string{"1"}},
		{"/expenses/expenses?dispute_ids[]=9", []string{}},
		{"/expenses/mileages", []string{"1"}},
		{"/expenses/mileages?card_ids[]=21", []string{}},
		{"/expenses/mileages?employee_ids[]=1003", []string{}},
		{"/expenses/mileages?include_manual_drafts=false", []string{"1"}},
		{"/expenses/per_diems", []string{"1"}},
		{"/expenses/per_diems?exclude_drafts=true", []string{}},
		{"/expenses/per_diems?expenses_expensable_ids[]=4", []string{"1"}},
	} {
		r := e.dated("GET", tc.path, key, nil)
		if r.status != 200 {
			t.Fatalf("%s: %d %s", tc.path, r.status, r.body)
		}
		if got := idsOf(t, r); !slices.Equal(got, tc.want) {
			t.Errorf("%s: ids %v, want %v", tc.path, got, tc.want)
		}
	}
	// A detail shows the status of its expensable; a draft per diem is a draft.
	if m := e.dated("GET", "/expenses/expenses/2", key, nil).obj(t); m["status"] != "approved" || m["merchant_name"] != "Renfe" ||
		m["expenses_expensable_id"] != "2" || m["reimbursable_amount"] != float64(12000) {
		t.Errorf("expense 2: %v", m)
	}
	if m := e.dated("GET", "/expenses/mileages/1", key, nil).obj(t); m["status"] != "pending" || m["units"] != "km" {
		t.Errorf("mileage 1: %v", m)
	}
	if m := e.dated("GET", "/expenses/per_diems/1", key, nil).obj(t); m["status"] != "draft" || len(m["rates"].([]any)) != 2 {
		t.Errorf("per diem 1: %v", m)
	}
	// The expenses scope gates the namespace.
	if r := e.dated("GET", "/expenses/expensables", tokTimeOff, nil); r.status != 403 {
		t.Errorf("token without the expenses scope: %d %s, want 403", r.status, r.body)
	}
}

// TestDatedExpensesShareV1Records: the dated expenses are v1's finance
// expenses; v1 keeps its own status names while the dated API shows the
// review status.
func TestDatedExpensesShareV1Records(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	res, err := e.client(tokAdmin).GetExpenseWithResponse(t.Context(), 2)
	if err != nil || res.JSON200 == nil {
		t.Fatalf("v1 GetExpense: %v %s", err, res.Body)
	}
	if v := res.JSON200; v.MerchantName == nil || *v.MerchantName != "Renfe" || v.Status == nil || *v.Status != "published" {
		t.Errorf("v1 expense 2: %s", res.Body)
	}
	m := e.dated("GET", "/expenses/expenses/2", tokAdmin, nil).obj(t)
	if m["merchant_name"] != "Renfe" || m["status"] != "approved" || m["amount"] != float64(12000) {
		t.Errorf("dated expense 2: %v", m)
	}
	if m := e.dated("GET", "/expenses/expenses/3", tokAdmin, nil).obj(t); m["status"] != "draft" {
		t.Errorf("dated expense 3: %v", m)
	}
}

// TestDatedSetExpensablesToPaid: approved claims become paid, together
// with their details; an unknown id (404) or a claim still in review
// (422) changes nothing; a paid claim keeps its payment date; basic users
// may not pay (403).
func TestDatedSetExpensablesToPaid(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	if r := e.dated("POST", "/expenses/expensables/bulk_set_to_paid", key, map[string]any{"ids": []string{"1", "99"}}); r.status != 404 {
		t.Errorf("unknown id: %d %s, want 404", r.status, r.body)
	}
	r := e.dated("POST", "/expenses/expensables/bulk_set_to_paid", key, map[string]any{"ids": []string{"2", "3"}})
	if r.status != 422 {
		t.Errorf("pending claim: %d %s, want 422", r.status, r.body)
	}
	if m := e.dated("GET", "/expenses/expensables/2", key, nil).obj(t); m["status"] != "approved" || m["paid_at"] != nil {
		t.Errorf("a refused call changed expensable 2: %v", m)
	}
	if r := e.dated("POST", "/expenses/expensables/bulk_set_to_paid", tokBasic, map[string]any{"ids": []string{"2"}}); r.status != 403 {
		t.Errorf("basic user: %d %s, want 403", r.status, r.body)
	}
	r = e.dated("POST", "/expenses/expensables/bulk_set_to_paid", key, map[string]any{"ids": []string{"1", "2"}})
	if r.status != 200 {
		t.Fatalf("pay: %d %s", r.status, r.body)
	}
	xs := r.list(t)
	if len(xs) != 2 {
		t.Fatalf("%d expensables answered, want 2", len(xs))
	}
	first := xs[0].(map[string]any)
	if first["id"] != "1" || first["status"] != "paid" || first["paid_at"] == nil {
		t.Errorf("paid expensable: %v", first)
	}
	if m := e.dated("GET", "/expenses/expenses/2", key, nil).obj(t); m["status"] != "paid" || m["paid_at"] == nil {
		t.Errorf("the expense of a paid claim: %v", m)
	}
	again := e.dated("POST", "/expenses/expensables/bulk_set_to_paid", key, map[string]any{"ids": []string{"1"}})
	if again.status != 200 || again.list(t)[0].(map[string]any)["paid_at"] != first["paid_at"] {
		t.Errorf("paying again: %d %s", again.status, again.body)
	}
}

// TestDatedUpdateReimbursableAmount: only an expense with a reimbursable
// payment takes an amount; negative amounts and unknown ids are refused.
func TestDatedUpdateReimbursableAmount(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	path := "/expenses/expensables/update_reimbursable_amount"
	for _, tc := range []struct {
		body   map[string]any
		status int
	}{
		{map[string]any{"id": "1", "reimbursable_amount": 100}, 422}, // paid with a company card
		{map[string]any{"id": "3", "reimbursable_amount": 100}, 422}, // a mileage claim
		{map[string]any{"id": "2", "reimbursable_amount": -1}, 422},
		{map[string]any{"id": "99", "reimbursable_amount": 100}, 404},
	} {
		if r := e.dated("POST", path, key, tc.body); r.status != tc.status {
			t.Errorf("%v: %d %s, want %d", tc.body, r.status, r.body, tc.status)
		}
	}
	if r := e.dated("POST", path, tokBasic, map[string]any{"id": "2", "reimbursable_amount": 100}); r.status != 403 {
		t.Errorf("basic user: %d %s, want 403", r.status, r.body)
	}
	r := e.dated("POST", path, key, map[string]any{"id": "2", "reimbursable_amount": 9000})
	if m := r.obj(t); r.status != 200 || m["reimbursable_amount"] != float64(9000) || m["amount"] != float64(12000) {
		t.Fatalf("update: %d %s", r.status, r.body)
	}
	if m := e.dated("GET", "/expenses/expenses/2", key, nil).obj(t); m["reimbursable_amount"] != float64(9000) {
		t.Errorf("the expense shows %v, want 9000", m["reimbursable_amount"])
	}
}

// TestDatedExpensableEvents: both actions raise their event with the
// expensable as payload.
func TestDatedExpensableEvents(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	rc := newReceiver(t)
	e.subscribe("expenses/expensable/bulk_set_to_paid", rc.srv.URL, "paid", true)
	e.subscribe("expenses/expensable/update_reimbursable_amount", rc.srv.URL, "amount", true)
	key := "key:" + tokKey
	if r := e.dated("POST", "/expenses/expensables/update_reimbursable_amount", key, map[string]any{"id": "2", "reimbursable_amount": 500}); r.status != 200 {
		t.Fatalf("update: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/expenses/expensables/bulk_set_to_paid", key, map[string]any{"ids": []string{"1", "2"}}); r.status != 200 {
		t.Fatalf("pay: %d %s", r.status, r.body)
	}
	e.waitWebhooks()
	if rc.count() != 3 {
		t.Fatalf("%d deliveries, want 3 (one update, one per paid claim)", rc.count())
	}
	paid := map[string]string{}
	for i := range 3 {
		req, b := rc.at(i)
		var p map[string]any
		if err := json.Unmarshal(b, &p); err != nil {
			t.Fatal(err)
		}
		switch req.Header.Get("x-factorial-wh-challenge") {
		case "amount":
			if p["id"] != "2" || p["reimbursable_amount"] != float64(500) {
				t.Errorf("update event: %s", b)
			}
		case "paid":
			id, _ := p["id"].(string)
			paid[id], _ = p["status"].(string)
		default:
			t.Errorf("delivery %d without a known challenge: %s", i, b)
		}
	}
	if paid["1"] != "paid" || paid["2"] != "paid" {
		t.Errorf("paid events by expensable: %v", paid)
	}
}
