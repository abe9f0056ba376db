package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/resources"
)

// Expenses: claims (expensables) and their details, amounts in cents.

// expensableJSON is an approved train ticket owed to the employee.
const expensableJSON = `{"id":"41","type":"expense","company_id":"1","employee_id":"7","group_id":"3","legal_entity_id":"2",` +
	`"created_at":"2026-06-02T18:00:00Z","amount":12000,"currency":"EUR","status":"approved","description":"Train to Lyon",` +
	`"reporter_id":null,"status_updated_at":"2026-06-03T09:00:00Z","effective_on":"2026-06-02T08:00:00Z",` +
	`"review_request_at":"2026-06-02T18:30:00Z","paid_at":null,"updated_at":"2026-06-03T09:00:00Z","reimbursable_amount":12000,` +
	`"reimbursable_currency":"EUR","reimbursement_method":"sepa_transfer","internal_reference":"EXP-41","expense_id":"88",` +
	`"mileage_id":null,"per_diem_id":null,"budget_id":null,"project_id":"5","cost_center_ids":["10","11"]}`

// expensablePaidJSON is the same claim once paid.
const expensablePaidJSON = `{"id":"41","type":"expense","company_id":"1","employee_id":"7","created_at":"2026-06-02T18:00:00Z",` +
	`"currency":"EUR","status":"paid","status_updated_at":"2026-06-20T10:00:00Z","paid_at":"2026-06-20T10:00:00Z",` +
	`"updated_at":"2026-06-20T10:00:00Z","reimbursable_amount":9000,"cost_center_ids":[]}`

// expenseJSON is the ticket behind expensableJSON, its category a name.
const expenseJSON = `{"id":"88","employee_id":"7","company_id":"1","card_payment_id":null,"dispute_id":null,` +
	`"expenses_expensable_id":"41","merchant_name":"SNCF","user_merchant":"SNCF Connect","merchant_tin":"FR552321","category":"travel",` +
	`"subcategory":"train","creation_type":"manual","reference":"TK-99","amount":12000,"currency":"EUR","status":"approved",` +
	`"description":"Train to Lyon","effective_on":"2026-06-02","review_request_at":"2026-06-02T18:30:00.000Z",` +
	`"status_updated_at":"2026-06-03T09:00:00.000Z","files":[{"name":"ticket.pdf"}],"external_authorization_id":null,` +
	`"expenses_card_id":null,"card":null,"document_id":"501","signed_document":null,"access_token":null,"paid_at":null,` +
	`"document_number":"INV-1","document_type":"invoice","payment":"reimbursable","payment_method":null,"exchange_rate":1,` +
	`"reimbursable_currency":"EUR","reimbursable_amount":12000,"taxes":[{"name":"TVA","amount":1091}],"category_id":"12",` +
	`"ledger_account_id":"600","budget_id":null,"project_id":"5","cost_center_ids":["10"]}`

// expenseCardJSON was paid with a company card; its category is an object.
const expenseCardJSON = `{"id":"89","company_id":"1","creation_type":"automatic","currency":"EUR","status":"pending",` +
	`"effective_on":"2026-06-05","status_updated_at":null,"files":[],"taxes":[],"cost_center_ids":[],"card_payment_id":"135",` +
	`"expenses_card_id":"77","card":{"last4":"4242"},"payment":"not_reimbursable","category":{"name":"meals"}}`

// mileageJSON is a round trip by car.
const mileageJSON = `{"id":"12","employee_id":"8","company_id":"1","expenses_expensable_id":"42","category":"business_travel",` +
	`"subcategory":"client_visit","category_id":null,"amount":5200,"currency":"EUR","reimbursable_amount":5200,` +
	`"reimbursable_currency":"EUR","status":"pending","mileage":200,"units":"km","rate":"0.26","from":"Barcelona","to":"Girona",` +
	`"description":"Client visit","effective_on":"2026-06-10T12:00:00Z","review_request_at":null,"files":[],"paid_at":null,` +
	`"payment":"reimbursable","ledger_account_id":null,"round_trip":true,"origin_longitude":"2.1686","origin_latitude":"41.3874",` +
	`"destination_longitude":"2.8214","destination_latitude":"41.9794","calculated_mileage":10000,"budget_id":null,` +
	`"project_id":null,"cost_center_ids":[]}`

// perDiemJSON covers two days of a trip.
const perDiemJSON = `{"id":"5","employee_id":"7","company_id":"1","expenses_expensable_id":"43","start_date":"2026-06-15",` +
	`"end_date":"2026-06-16","from":"Barcelona","to":"Madrid","trip_name":"Madrid offsite","ledger_account_id":null,"amount":5300,` +
	`"currency":"EUR","reimbursable_amount":5300,"reimbursable_currency":"EUR","payment":"reimbursable","paid_at":null,"files":[],` +
	`"review_request_at":null,"effective_on":"2026-06-15T12:00:00Z","description":"Offsite","category":"travel",` +
	`"subcategory":"national","status":"draft","budget_id":null,"project_id":null,"cost_center_ids":[],` +
	`"rates":[{"date":"2026-06-15","amount":2650},{"date":"2026-06-16","amount":2650}]}`

func checkTrainClaim(t *testing.T, x resources.Expensable) {
	t.Helper()
	eq(t, "ID", x.ID, "41")
	is(t, "Type", x.Type, resources.ExpensableTypeExpense)
	is(t, "Status", x.Status, resources.ExpensableStatusApproved)
	is(t, "Amount", x.Amount, 12000)
	is(t, "ReimbursementMethod", x.ReimbursementMethod, resources.ExpenseReimbursementMethodSepaTransfer)
	is(t, "ExpenseID", x.ExpenseID, "88")
	null(t, "MileageID", x.MileageID)
	null(t, "PaidAt", x.PaidAt)
	at(t, "EffectiveOn", x.EffectiveOn, "2026-06-02T08:00:00Z")
	ids(t, "CostCenterIDs", x.CostCenterIDs, "10", "11")
}

func TestListExpensables(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/expenses/expensables", status: 200,
		body: page(onePage(1), expensableJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_ids[]": {"7"}, "status[]": {"approved", "pending"}, "creation_type[]": {"manual"},
				"from": {"2026-06-01"}, "include_manual_drafts": {"false"}, "search": {"Lyon"}})
		},
	})
	all, err := c.Expenses.ListExpensables(t.Context(), &resources.ListExpensablesParams{
		EmployeeIDs: []string{"7"}, Status: []resources.ExpensableStatus{resources.ExpensableStatusApproved, resources.ExpensableStatusPending},
		CreationType: []string{"manual"}, From: ptr("2026-06-01"), IncludeManualDrafts: ptr(false), Search: ptr("Lyon"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d expensables, want 1", len(all))
	}
	checkTrainClaim(t, all[0])
}

func TestGetExpensable(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/expenses/expensables/41", status: 200, body: expensableJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	x, err := c.Expenses.GetExpensable(t.Context(), "41")
	must(t, err)
	checkTrainClaim(t, x)
}

func TestSetExpensablesToPaid(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/expenses/expensables/bulk_set_to_paid", status: 200, body: "[" + expensablePaidJSON + "]",
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"ids":["41"]}`)
		},
	})
	xs, err := c.Expenses.SetExpensablesToPaid(t.Context(), resources.SetExpensablesToPaidInput{IDs: []string{"41"}})
	must(t, err)
	if len(xs) != 1 {
		t.Fatalf("%d expensables, want 1", len(xs))
	}
	is(t, "Status", xs[0].Status, resources.ExpensableStatusPaid)
	at(t, "PaidAt", xs[0].PaidAt, "2026-06-20T10:00:00Z")
}

func TestUpdateExpensableReimbursableAmount(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/expenses/expensables/update_reimbursable_amount", status: 200, body: expensablePaidJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"id":"41","reimbursable_amount":9000}`)
		},
	})
	x, err := c.Expenses.UpdateExpensableReimbursableAmount(t.Context(), resources.UpdateExpensableReimbursableAmountInput{ID: "41", ReimbursableAmount: 9000})
	must(t, err)
	is(t, "ReimbursableAmount", x.ReimbursableAmount, 9000)
}

func TestListExpenses(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/expenses/expenses", status: 200,
		body: page(onePage(2), expenseJSON, expenseCardJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"card_ids[]": {"77"}, "expenses_expensable_ids[]": {"41"}, "include_attachments": {"true"}})
		},
	})
	all, err := c.Expenses.List(t.Context(), &resources.ListExpensesParams{
		CardIDs: []string{"77"}, ExpensesExpensableIDs: []string{"41"}, IncludeAttachments: ptr(true),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d expenses, want 2", len(all))
	}
	e := all[0]
	is(t, "ID", e.ID, "88")
	is(t, "UserMerchant", e.UserMerchant, "SNCF Connect")
	is(t, "CreationType", e.CreationType, resources.ExpenseCreationTypeManual)
	is(t, "Payment", e.Payment, resources.ExpensePaymentReimbursable)
	day(t, "EffectiveOn", e.EffectiveOn, "2026-06-02")
	is(t, "ReviewRequestAt", e.ReviewRequestAt, "2026-06-02T18:30:00.000Z")
	if name, err := e.Category.AsExpenseCategory0(); err != nil || name != "travel" {
		t.Errorf("Category = %q (%v), want travel", name, err)
	}
	if len(e.Files) != 1 || len(e.Taxes) != 1 {
		t.Errorf("Files %v, Taxes %v", e.Files, e.Taxes)
	}
	card := all[1]
	is(t, "card ExpensesCardID", card.ExpensesCardID, "77")
	if card.Card["last4"] != "4242" {
		t.Errorf("Card = %v", card.Card)
	}
	if obj, err := card.Category.AsExpenseCategory1(); err != nil || obj["name"] != "meals" {
		t.Errorf("card Category = %v (%v)", obj, err)
	}
	null(t, "card StatusUpdatedAt", card.StatusUpdatedAt)
}

func TestGetExpense(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/expenses/expenses/88", status: 200, body: expenseJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	e, err := c.Expenses.Get(t.Context(), "88")
	must(t, err)
	is(t, "MerchantName", e.MerchantName, "SNCF")
	is(t, "Status", e.Status, resources.ExpensableStatusApproved)
	is(t, "ExpensesExpensableID", e.ExpensesExpensableID, "41")
}

func TestListMileages(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/expenses/mileages", status: 200, body: page(onePage(1), mileageJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_ids[]": {"8"}, "to": {"2026-06-30"}})
		},
	})
	all, err := c.Expenses.ListMileages(t.Context(), &resources.ListMileagesParams{EmployeeIDs: []string{"8"}, To: ptr("2026-06-30")})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d mileages, want 1", len(all))
	}
	m := all[0]
	is(t, "Mileage", m.Mileage, 200)
	is(t, "Rate", m.Rate, "0.26")
	is(t, "RoundTrip", m.RoundTrip, true)
	is(t, "Status", m.Status, "pending")
	at(t, "EffectiveOn", m.EffectiveOn, "2026-06-10T12:00:00Z")
}

func TestGetMileage(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/expenses/mileages/12", status: 200, body: mileageJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	m, err := c.Expenses.GetMileage(t.Context(), "12")
	must(t, err)
	is(t, "To", m.To, "Girona")
	is(t, "CalculatedMileage", m.CalculatedMileage, 10000)
}

func TestListPerDiems(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/expenses/per_diems", status: 200, body: page(onePage(1), perDiemJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"exclude_drafts": {"false"}})
		},
	})
	all, err := c.Expenses.ListPerDiems(t.Context(), &resources.ListPerDiemsParams{ExcludeDrafts: ptr(false)})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d per diems, want 1", len(all))
	}
	day(t, "StartDate", all[0].StartDate, "2026-06-15")
	is(t, "Status", all[0].Status, resources.ExpensableStatusDraft)
	if len(all[0].Rates) != 2 {
		t.Errorf("Rates = %v", all[0].Rates)
	}
}

func TestGetPerDiem(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/expenses/per_diems/5", status: 200, body: perDiemJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	p, err := c.Expenses.GetPerDiem(t.Context(), "5")
	must(t, err)
	is(t, "TripName", p.TripName, "Madrid offsite")
	day(t, "EndDate", p.EndDate, "2026-06-16")
}
