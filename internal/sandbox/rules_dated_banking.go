package sandbox

// Dated API: banking. Company bank accounts, the card payments made on them
// and their transactions, and the event raised when an employee's own bank
// account number is written.
//
// Who sees what: Factorial's document masks no field (account numbers come
// whole) and declares no rule beyond the banking scope, and Factorial
// applies the web app's permissions to API callers. The sandbox gives an
// admin, an API key or a company token every account; a basic user (or a
// manager) only the accounts they are a member of
// (bank_account_membership_employee_ids of CreateManualBankAccount), and the
// card payments and transactions of those accounts. Another account reads
// as missing (404), as a record outside the caller's reach does elsewhere.
// Account numbers are personal and financial data: nothing here logs them.

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// EventBankAccountNumberUpsert is raised when an employee's own bank
// account number (bank_number) is written.
const EventBankAccountNumberUpsert = "banking/bank_account_number/upsert"

// bankAccountMembers is the internal field holding the employees who may
// see an account; no response declares it.
const bankAccountMembers = "bank_account_membership_employee_ids"

// bankAccountVisible reports whether the caller may see the account. The
// caller holds the lock.
func (c *call) bankAccountVisible(acct map[string]any) bool {
	if c.p.privileged() {
		return true
	}
	return c.p.EmployeeID != 0 && slices.Contains(intSlice(acct[bankAccountMembers]), c.p.EmployeeID)
}

// bankingVisible reports whether the caller may see a banking record: an
// account it is a member of, or a payment or transaction of one. The
// caller holds the lock.
func (c *call) bankingVisible(res string, rec map[string]any) bool {
	if c.p.privileged() {
		return true
	}
	if res == ResBankAccounts {
		return c.bankAccountVisible(rec)
	}
	acct := c.s.tbl(ResBankAccounts).recs[intOr(rec["bank_account_id"])]
	return acct != nil && c.bankAccountVisible(acct)
}

// getBankingRecord answers GET of one account, card payment or transaction
// the caller may see; any other reads as missing.
func (c *call) getBankingRecord() {
	c.onRecord(readLock, byID(c.rt.resource), func(rec map[string]any) *apiError {
		if !c.bankingVisible(c.rt.resource, rec) {
			return notFound(c.path["id"])
		}
		c.respond(rec)
		return nil
	})
}

// bankAccountFilter keeps the accounts the caller may see, changed on or
// after updated_from.
func bankAccountFilter(c *call, q url.Values) func(v map[string]any) bool {
	from := q.Get("updated_from")
	return func(v map[string]any) bool {
		return c.bankAccountVisible(v) && onOrAfter(v["updated_at"], from)
	}
}

// bankingFilter is the list filter of card payments and transactions:
// the caller's visibility, account_ids[] (card payments name their account
// so), a from/to window on the day of dateField, and updated_from.
func bankingFilter(dateField string) func(c *call, q url.Values) func(v map[string]any) bool {
	return func(c *call, q url.Values) func(v map[string]any) bool {
		accounts := queryIDs(q, "account_ids[]")
		from, to, updated := q.Get("from"), q.Get("to"), q.Get("updated_from")
		return func(v map[string]any) bool {
			switch {
			case !c.bankingVisible(c.rt.resource, v):
				return false
			case len(accounts) > 0 && !slices.Contains(accounts, intOr(v["bank_account_id"])):
				return false
			case !onOrAfter(v[dateField], from) || !onOrBefore(v[dateField], to):
				return false
			}
			return onOrAfter(v["updated_at"], updated)
		}
	}
}

// onOrAfter compares a record's date or timestamp with a YYYY-MM-DD bound
// by day; an empty bound admits everything, a record without the value
// nothing.
func onOrAfter(v any, bound string) bool {
	if bound == "" {
		return true
	}
	s, _ := v.(string)
	return s != "" && cut(s, bound) >= bound
}

func onOrBefore(v any, bound string) bool {
	if bound == "" {
		return true
	}
	s, _ := v.(string)
	return s != "" && cut(s, bound) <= bound
}

// createManualBankAccount registers an account held outside Factorial's
// banking product. The legal entity and every member must exist (422);
// country and beneficiary come from the legal entity, balances start at
// zero, and an IBAN account fills iban with its number.
func (c *call) createManualBankAccount() {
	c.locked(writeLock, func() *apiError {
		le := c.s.tbl(ResLegalEntities).recs[intOr(c.in["legal_entity_id"])]
		if le == nil {
			return invalid("legal_entity_id", "The legal entity does not exist")
		}
		number := strings.TrimSpace(stringOr(c.in["account_number"]))
		if number == "" {
			return invalid("account_number", "can't be blank")
		}
		currency := strings.ToUpper(strings.TrimSpace(stringOr(c.in["currency"])))
		if len(currency) != 3 {
			return invalid("currency", "is not an ISO 4217 code")
		}
		members := []int{}
		raw, _ := c.in[bankAccountMembers].([]any)
		for _, x := range raw {
			id, ok := x.(int)
			if !ok || c.s.tbl(ResEmployees).recs[id] == nil {
				return invalid(bankAccountMembers, "names an employee that does not exist: "+fmtVal(x))
			}
			if !slices.Contains(members, id) {
				members = append(members, id)
			}
		}
		kind := stringOr(c.in["account_number_type"])
		rec := map[string]any{
			"legal_entity_id": le["id"], "currency": currency, "country": le["country"],
			"account_number": number, "account_number_type": kind, "account_alias": c.in["account_alias"],
			"external_id": c.in["external_id"], "ledger_account_id": c.in["ledger_account_id"],
			"beneficiary_name": le["legal_name"], "bank_name": nil, "bic": nil, "sort_code": nil, "routing_number": nil,
			"iban": nil, "account_balance_cents": 0, "available_balance_cents": 0, "pending_balance_cents": 0,
			bankAccountMembers: members,
		}
		if kind == "iban" {
			rec["iban"] = number
		}
		return c.save(ResBankAccounts, rec, nil)
	})
}

// raiseBankNumberUpsert publishes banking/bank_account_number/upsert when
// a dated employee write (an update or a hire) set a bank_number: the
// payload is the employee's id and number, delivered to the subscriptions
// of that event only (as every payload, never logged).
func (c *call) raiseBankNumberUpsert() {
	rt := c.rt
	if c.failed || !c.out.set || rt.resource != ResEmployees || c.out.list || c.out.one == nil {
		return
	}
	if rt.kind != kindUpdate && rt.opID != "CreateEmployeeWithContract" {
		return
	}
	if n, _ := c.in["bank_number"].(string); strings.TrimSpace(n) == "" {
		return
	}
	sh := c.s.events[EventBankAccountNumberUpsert]
	if sh == nil {
		return
	}
	emp := c.out.one
	number, _ := emp["bank_number"].(string)
	payload := map[string]any{"id": emp["id"], "company_id": demoCompanyID, "account_number": number,
		"format": bankNumberFormat(emp, number), "complementary_data": nil}
	author := webhookAuthor{kind: "company", id: "1"}
	if c.p.EmployeeID != 0 && !c.p.APIKey && !c.p.Company {
		author = webhookAuthor{kind: "employee", id: strconv.Itoa(c.p.EmployeeID)}
	}
	c.s.hooks.publish(EventBankAccountNumberUpsert, appendJSON(nil, c.pj.value(sh, payload)), author)
}

// bankNumberFormat is the employee's bank_number_format when set, else
// iban for a number shaped like one (two letters, two digits, then
// letters and digits), else other.
func bankNumberFormat(emp map[string]any, number string) string {
	if f, _ := emp["bank_number_format"].(string); f != "" {
		return f
	}
	n := strings.ReplaceAll(number, " ", "")
	if len(n) >= 15 && len(n) <= 34 && isUpperLetter(n[0]) && isUpperLetter(n[1]) && isDigit(n[2]) && isDigit(n[3]) {
		return "iban"
	}
	return "other"
}

func isUpperLetter(b byte) bool { return b >= 'A' && b <= 'Z' }
func isDigit(b byte) bool       { return b >= '0' && b <= '9' }

// stringOr is v when it is a string, else "".
func stringOr(v any) string {
	s, _ := v.(string)
	return s
}
