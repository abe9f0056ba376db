package sandbox

// Dated API: expenses. An expensable is one claim for reimbursement of any
// kind (type expense, mileage or perdiem) and carries its review and
// payment status; the details of each kind live in the expense (v1's
// expense records, one company for both APIs), the mileage claim or the
// per diem it names (expense_id, mileage_id, per_diem_id), and each detail
// names its expensable back (expenses_expensable_id). The detail records
// show the status, payment date and reimbursable amount of their
// expensable, so the two actions, which change expensables, are seen on
// the details at once.

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// payableStatuses are the states from which an expensable may be marked
// paid: approved, or already on its way to payment. Factorial does not
// document them; a claim still in review, rejected or reversed is not
// owed to anyone.
var payableStatuses = []string{"approved", "sent_to_pay", "in_payroll"}

// setExpensablesToPaid marks every expensable the body names as paid, all
// or nothing: an unknown id is 404, one that is not payable (a paid one is
// left as it is, keeping its payment date) makes the call 422, and nothing
// changes in either case. Answers the expensables, a bare array.
func (c *call) setExpensablesToPaid() {
	c.locked(writeLock, func() *apiError {
		t := c.s.tbl(ResExpensables)
		var recs []map[string]any
		for _, x := range listOf(c.in["ids"]) {
			id, ok := numericID(x)
			rec := t.recs[id]
			if !ok || rec == nil {
				return notFound(fmtVal(x))
			}
			st, _ := rec["status"].(string)
			if st != "paid" && !slices.Contains(payableStatuses, st) {
				return invalid("base", "Expensable #"+strconv.Itoa(id)+" is "+st+" and cannot be set to paid")
			}
			recs = append(recs, rec)
		}
		out := make([]map[string]any, 0, len(recs))
		for _, old := range recs {
			rec := old
			if rec["status"] != "paid" {
				rec = clone(old)
				rec["status"] = "paid"
				rec["paid_at"], rec["status_updated_at"], rec["updated_at"] = c.pj.now, c.pj.now, c.pj.now
				c.s.store(ResExpensables).insert(rec)
			}
			out = append(out, c.decorate(rec))
		}
		c.respondList(out)
		return nil
	})
}

// updateReimbursableAmount sets the amount paid back for an expensable of
// type expense whose expense is reimbursable (Factorial supports no
// other); the amount is in cents and may not be negative.
func (c *call) updateReimbursableAmount() {
	c.edit(ResExpensables, func(rec map[string]any) *apiError {
		exp := c.s.tbl(ResExpenses).recs[intOr(rec["expense_id"])]
		if rec["type"] != "expense" || exp == nil || exp["payment"] != "reimbursable" {
			return invalid("base", "Only expensables of type expense with a reimbursable payment support a reimbursable amount")
		}
		amount, ok := toInt(c.in["reimbursable_amount"])
		switch {
		case !ok:
			return invalid("reimbursable_amount", msgBlank)
		case amount < 0:
			return invalid("reimbursable_amount", "must be greater than or equal to 0")
		}
		rec["reimbursable_amount"] = amount
		setDefault(rec, "reimbursable_currency", rec["currency"])
		rec["updated_at"] = c.pj.now
		return nil
	})
}

// viewExpenseDetail shows an expense, mileage claim or per diem with the
// review status, payment date and reimbursable amount of its expensable.
// A v1 expense no expensable names reads as its v1 status says: a draft
// is a draft, a published expense is pending review.
func viewExpenseDetail(c *call, v map[string]any) {
	setDefault(v, "company_id", demoCompanyID)
	for _, k := range []string{"files", "taxes", "cost_center_ids", "rates"} {
		setDefault(v, k, []any{})
	}
	exp := c.s.tbl(ResExpensables).recs[intOr(v["expenses_expensable_id"])]
	if exp == nil {
		if v["status"] != "draft" {
			v["status"] = "pending"
		}
		return
	}
	for _, k := range []string{"status", "paid_at", "review_request_at", "reimbursable_amount", "reimbursable_currency"} {
		v[k] = exp[k]
	}
	if _, ok := v["status_updated_at"]; ok {
		v["status_updated_at"] = exp["status_updated_at"]
	}
}

// isManualDraft reports whether a claim is a draft the employee started by
// hand (expenses created from card payments or imports are not): the
// records include_manual_drafts admits.
func isManualDraft(v map[string]any) bool {
	return v["status"] == "draft" && (v["creation_type"] == nil || v["creation_type"] == "manual")
}

// expensableFilter applies the expensables list parameters that are not
// field comparisons: include_manual_drafts (drafts started by hand, which
// is every draft but an expense created from a card payment or an import,
// are left out when it is false; without it every claim is listed), creation_type[] (read from the expense; mileage claims and per
// diems have none) and search (a case-insensitive part of the
// description or the internal reference).
func expensableFilter(c *call, q url.Values) func(v map[string]any) bool {
	drafts, set := queryBool(q, "include_manual_drafts")
	hide := set && !drafts
	types := q["creation_type[]"]
	search := strings.ToLower(q.Get("search"))
	return func(v map[string]any) bool {
		if hide && v["status"] == "draft" {
			exp := c.s.tbl(ResExpenses).recs[intOr(v["expense_id"])]
			if v["type"] != "expense" || exp == nil || isManualDraft(map[string]any{"status": "draft", "creation_type": exp["creation_type"]}) {
				return false
			}
		}
		if len(types) > 0 {
			exp := c.s.tbl(ResExpenses).recs[intOr(v["expense_id"])]
			if v["type"] != "expense" || exp == nil || !slices.Contains(types, fmtVal(exp["creation_type"])) {
				return false
			}
		}
		if search != "" {
			d, _ := v["description"].(string)
			r, _ := v["internal_reference"].(string)
			return strings.Contains(strings.ToLower(d), search) || strings.Contains(strings.ToLower(r), search)
		}
		return true
	}
}

// expenseFilter: manual drafts left out by include_manual_drafts=false, and
// card_ids[] matched against the card the expense was paid with
// (expenses_card_id).
func expenseFilter(_ *call, q url.Values) func(v map[string]any) bool {
	drafts, set := queryBool(q, "include_manual_drafts")
	cards := queryIDs(q, "card_ids[]")
	return func(v map[string]any) bool {
		if set && !drafts && isManualDraft(v) {
			return false
		}
		return len(cards) == 0 || slices.Contains(cards, intOr(v["expenses_card_id"]))
	}
}

// mileageFilter: drafts left out by include_manual_drafts=false; a mileage claim
// is paid by no card and has no authorization, card payment or dispute,
// so any of those filters selects none.
func mileageFilter(_ *call, q url.Values) func(v map[string]any) bool {
	drafts, set := queryBool(q, "include_manual_drafts")
	for _, p := range []string{"external_authorization_ids[]", "card_ids[]", "card_payment_ids[]", "dispute_ids[]"} {
		if len(q[p]) > 0 {
			return func(map[string]any) bool { return false }
		}
	}
	return func(v map[string]any) bool { return !set || drafts || v["status"] != "draft" }
}

// perDiemFilter: exclude_drafts leaves out the per diems still in draft.
func perDiemFilter(_ *call, q url.Values) func(v map[string]any) bool {
	if exclude, _ := queryBool(q, "exclude_drafts"); !exclude {
		return nil
	}
	return func(v map[string]any) bool { return v["status"] != "draft" }
}
