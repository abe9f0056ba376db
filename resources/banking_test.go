package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/resources"
)

// Banking: company bank accounts, card payments and transactions, amounts
// in cents.

// bankAccountJSON is a euro account of one legal entity.
const bankAccountJSON = `{"id":"31","external_id":"erp-31","legal_entity_id":"301","currency":"EUR","country":"es",` +
	`"account_alias":"Payroll account","account_number":"ES9121000418450200051332","account_number_type":"iban",` +
	`"iban":"ES9121000418450200051332","bic":"CAIXESBBXXX","sort_code":null,"routing_number":null,"bank_name":"CaixaBank",` +
	`"beneficiary_name":"Acme Iberia SL","account_balance_cents":1250000,"available_balance_cents":1200000,` +
	`"pending_balance_cents":50000,"updated_at":"2026-06-30T08:00:00Z"}`

// bankAccountUSJSON is a dollar account written as routing and account number.
const bankAccountUSJSON = `{"id":"32","external_id":null,"legal_entity_id":"302","currency":"USD","country":"us",` +
	`"account_number":"000123456789","account_number_type":"routing_number_and_account_number","routing_number":"021000021",` +
	`"account_balance_cents":0,"available_balance_cents":0,"pending_balance_cents":0,"updated_at":null}`

// cardPaymentJSON is a closed payment at a merchant abroad.
const cardPaymentJSON = `{"id":"135","card_id":"77","amount_cents":-10870,"currency":"EUR","merchant_name":"Coffee Lab",` +
	`"merchant_amount_cents":-9500,"merchant_currency":"GBP","exchange_rate":1.144,"approved":true,` +
	`"external_created_at":"2026-06-12T09:15:00Z","status":"closed","type":"payment","rejected_reason":null,` +
	`"created_at":"2026-06-12T09:15:02Z"}`

// cardPaymentRejectedJSON was refused for lack of funds.
const cardPaymentRejectedJSON = `{"id":"136","card_id":"77","amount_cents":-500000,"currency":"EUR","merchant_name":"Laptops Inc",` +
	`"merchant_amount_cents":-500000,"merchant_currency":"EUR","exchange_rate":1,"approved":false,` +
	`"external_created_at":"2026-06-13T10:00:00Z","status":"rejected","type":"payment","rejected_reason":"insufficient_funds",` +
	`"created_at":"2026-06-13T10:00:01Z"}`

// bankTransactionJSON is the booking of cardPaymentJSON.
const bankTransactionJSON = `{"id":"900","bank_account_id":"31","card_payment_id":"135","amount_cents":-10870,` +
	`"balance_after_cents":1239130,"currency":"EUR","type":"card_payment","description":"Coffee Lab",` +
	`"booking_date":"2026-06-12T00:00:00Z","value_date":"2026-06-13T00:00:00Z","updated_at":"2026-06-13T06:00:00Z"}`

func checkEuroAccount(t *testing.T, a resources.BankAccount) {
	t.Helper()
	eq(t, "ID", a.ID, "31")
	is(t, "ExternalID", a.ExternalID, "erp-31")
	is(t, "LegalEntityID", a.LegalEntityID, "301")
	is(t, "AccountNumber", a.AccountNumber, "ES9121000418450200051332")
	is(t, "AccountNumberType", a.AccountNumberType, resources.BankAccountNumberTypeIban)
	is(t, "Bic", a.Bic, "CAIXESBBXXX")
	null(t, "SortCode", a.SortCode)
	is(t, "AccountBalanceCents", a.AccountBalanceCents, 1250000)
	is(t, "PendingBalanceCents", a.PendingBalanceCents, 50000)
	at(t, "UpdatedAt", a.UpdatedAt, "2026-06-30T08:00:00Z")
}

func TestListBankAccounts(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/banking/bank_accounts", status: 200,
		body: page(onePage(2), bankAccountJSON, bankAccountUSJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ids[]": {"31", "32"}, "currency": {"EUR"}, "legal_entity_ids[]": {"301"}, "updated_from": {"2026-06-01"}})
		},
	})
	all, err := c.Banking.ListBankAccounts(t.Context(), &resources.ListBankAccountsParams{
		IDs: []string{"31", "32"}, Currency: ptr("EUR"), LegalEntityIDs: []string{"301"}, UpdatedFrom: datep("2026-06-01"),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d accounts, want 2", len(all))
	}
	checkEuroAccount(t, all[0])
	is(t, "US AccountNumberType", all[1].AccountNumberType, resources.BankAccountNumberTypeRoutingNumberAndAccountNumber)
	is(t, "US RoutingNumber", all[1].RoutingNumber, "021000021")
	null(t, "US ExternalID", all[1].ExternalID)
	null(t, "US UpdatedAt", all[1].UpdatedAt)
}

func TestGetBankAccount(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/banking/bank_accounts/31", status: 200, body: bankAccountJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	a, err := c.Banking.GetBankAccount(t.Context(), "31")
	must(t, err)
	checkEuroAccount(t, a)
}

func TestCreateManualBankAccount(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/banking/bank_accounts/create_manual", status: 200, body: bankAccountJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"legal_entity_id":"301","currency":"EUR","account_number":"ES9121000418450200051332",`+
				`"account_number_type":"iban","account_alias":"Payroll account","bank_account_membership_employee_ids":["4243"],`+
				`"external_id":"erp-31"}`)
		},
	})
	a, err := c.Banking.CreateManualBankAccount(t.Context(), resources.CreateManualBankAccountInput{
		LegalEntityID: "301", Currency: "EUR", AccountNumber: "ES9121000418450200051332",
		AccountNumberType: resources.BankAccountNumberTypeIban, AccountAlias: ptr("Payroll account"),
		BankAccountMembershipEmployeeIDs: []string{"4243"}, ExternalID: ptr("erp-31"),
	})
	must(t, err)
	checkEuroAccount(t, a)
}

func TestListCardPayments(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/banking/card_payments", status: 200,
		body: page(onePage(2), cardPaymentJSON, cardPaymentRejectedJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"account_ids[]": {"31"}, "status": {"closed"}, "from": {"2026-06-01"}, "to": {"2026-06-30"}})
		},
	})
	all, err := c.Banking.ListCardPayments(t.Context(), &resources.ListCardPaymentsParams{
		AccountIDs: []string{"31"}, Status: ptr(resources.CardPaymentStatusClosed), From: datep("2026-06-01"), To: datep("2026-06-30"),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d card payments, want 2", len(all))
	}
	eq(t, "ID", all[0].ID, "135")
	is(t, "AmountCents", all[0].AmountCents, -10870)
	is(t, "MerchantCurrency", all[0].MerchantCurrency, "GBP")
	is(t, "ExchangeRate", all[0].ExchangeRate, float32(1.144))
	is(t, "Type", all[0].Type, resources.CardPaymentTypePayment)
	null(t, "RejectedReason", all[0].RejectedReason)
	is(t, "rejected Status", all[1].Status, resources.CardPaymentStatusRejected)
	is(t, "rejected Approved", all[1].Approved, false)
	is(t, "rejected RejectedReason", all[1].RejectedReason, resources.CardPaymentRejectedReasonInsufficientFunds)
}

func TestGetCardPayment(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/banking/card_payments/135", status: 200, body: cardPaymentJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	p, err := c.Banking.GetCardPayment(t.Context(), "135")
	must(t, err)
	eq(t, "ID", p.ID, "135")
	is(t, "CardID", p.CardID, "77")
	is(t, "Status", p.Status, resources.CardPaymentStatusClosed)
	at(t, "ExternalCreatedAt", p.ExternalCreatedAt, "2026-06-12T09:15:00Z")
}

func TestListBankTransactions(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/banking/transactions", status: 200,
		body: page(onePage(1), bankTransactionJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"bank_account_ids[]": {"31"}, "card_payment_ids[]": {"135"},
				"from": {"2026-06-01"}, "to": {"2026-06-30"}, "updated_from": {"2026-06-10"}})
		},
	})
	all, err := c.Banking.ListBankTransactions(t.Context(), &resources.ListBankTransactionsParams{
		BankAccountIDs: []string{"31"}, CardPaymentIDs: []string{"135"}, From: datep("2026-06-01"), To: datep("2026-06-30"),
		UpdatedFrom: datep("2026-06-10"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d transactions, want 1", len(all))
	}
	eq(t, "ID", all[0].ID, "900")
	is(t, "BankAccountID", all[0].BankAccountID, "31")
	is(t, "CardPaymentID", all[0].CardPaymentID, "135")
	is(t, "BalanceAfterCents", all[0].BalanceAfterCents, 1239130)
	is(t, "Type", all[0].Type, resources.BankTransactionTypeCardPayment)
}

func TestGetBankTransaction(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/banking/transactions/900", status: 200, body: bankTransactionJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	tx, err := c.Banking.GetBankTransaction(t.Context(), "900")
	must(t, err)
	eq(t, "ID", tx.ID, "900")
	is(t, "AmountCents", tx.AmountCents, -10870)
	at(t, "BookingDate", tx.BookingDate, "2026-06-12T00:00:00Z")
	at(t, "ValueDate", tx.ValueDate, "2026-06-13T00:00:00Z")
}
