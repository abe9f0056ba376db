package api_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

const expenseJSON = `{"id":881,"description":"Taxi to the client office","employee_id":7,"company_id":1,"merchant_name":"Cabify","category":"transport","creation_type":"manual","reference":"EXP-2024-000881","amount":2350,"vat_amount":214,"currency":"EUR","status":"published","effective_on":"2024-02-19","status_updated_at":"2024-02-20T09:14:02.000Z","files":["https://api.factorialhr.com/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnsibWVzc2FnZSI6IkJBaHBBdz09In19--b1c6/receipt-881.pdf"]}`

func checkExpense(t testing.TB, e *api.Expense) {
	t.Helper()
	if e == nil || e.ID != 881 || *e.EmployeeID != 7 || *e.CompanyID != 1 || *e.MerchantName != "Cabify" || *e.Amount != 2350 || *e.VatAmount != 214 ||
		*e.Currency != "EUR" || *e.Status != api.ExpenseStatusPublished || !dateIs(e.EffectiveOn, "2024-02-19") ||
		*e.StatusUpdatedAt != "2024-02-20T09:14:02.000Z" || len(e.Files) != 1 || *e.Reference != "EXP-2024-000881" {
		t.Fatalf("expense = %+v", e)
	}
}

func TestListExpenses(t *testing.T) {
	// The second expense is a draft seen through a basic user's token:
	// amounts, merchant and files are null.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/finance/expenses", Status: 200,
		Body: `[` + expenseJSON + `,
 {"id":902,"description":null,"employee_id":12,"company_id":1,"merchant_name":null,"category":null,"creation_type":null,"reference":null,"amount":null,"vat_amount":null,"currency":null,"status":"draft","effective_on":null,"status_updated_at":null,"files":null}]`,
	}))
	res, err := c.ListExpensesWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, expenses = %v", res.StatusCode(), res.JSON200)
	}
	checkExpense(t, &(*res.JSON200)[0])
	d := (*res.JSON200)[1]
	if d.ID != 902 || *d.Status != api.ExpenseStatusDraft || d.Amount != nil || d.MerchantName != nil || d.Files != nil || d.EffectiveOn != nil {
		t.Errorf("restricted expense = %+v", d)
	}
}

func TestListExpenses_Forbidden(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/finance/expenses", Status: 403, Body: `{"errors":["Forbidden access to a paid resource"]}`,
	}))
	res, err := c.ListExpensesWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 403 || res.JSON200 != nil || res.JSONDefault == nil {
		t.Fatalf("status %d, JSON200 %v, JSONDefault %v", res.StatusCode(), res.JSON200, res.JSONDefault)
	}
	env, err := res.JSONDefault.AsErrorEnvelope()
	if err != nil {
		t.Fatal(err)
	}
	if msgs, err := env.Errors.AsErrorList(); err != nil || len(msgs) != 1 || msgs[0] != "Forbidden access to a paid resource" {
		t.Errorf("errors = %v (%v)", msgs, err)
	}
}

func TestGetExpense(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/finance/expenses/881", Status: 200, Body: expenseJSON,
	}))
	res, err := c.GetExpenseWithResponse(context.Background(), 881)
	if err != nil {
		t.Fatal(err)
	}
	checkExpense(t, res.JSON200)
}
