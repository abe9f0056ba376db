package sandbox

// Dated API: finance. Ledger accounts, accounting settings, contacts,
// budget options and expense categories are served by the generic engine
// from tables of their own; what is here is the accounting settings
// upsert and the list parameters that are not field comparisons.

import (
	"net/url"
	"slices"
	"strings"
)

// accountingDefaults are the default ledger accounts of an accounting
// setting, each naming an account of the setting's legal entity.
var accountingDefaults = []string{
	"default_account_for_purchase_invoices_id", "default_account_for_vendors_id", "default_account_for_banks_id",
	"default_account_for_suspense_id", "default_account_for_expenses_id", "default_account_for_employees_id",
	"default_account_for_sale_invoices_id", "default_account_for_clients_id", "default_account_for_benefits_id",
}

// upsertAccountingSetting writes the accounting settings of a legal
// entity: the entity's existing record, changed in the members sent, or
// a new one. The entity must exist and each default account must be a
// ledger account of that entity (422 otherwise).
func (c *call) upsertAccountingSetting() {
	c.locked(writeLock, func() *apiError {
		le := intOr(c.in["legal_entity_id"])
		if c.s.tbl(ResLegalEntities).recs[le] == nil {
			return invalid("legal_entity_id", "The legal entity does not exist")
		}
		for _, k := range accountingDefaults {
			v, sent := c.in[k]
			if !sent || v == nil {
				continue
			}
			acct := c.s.tbl(ResLedgerAccounts).recs[intOr(v)]
			if acct == nil || intOr(acct["legal_entity_id"]) != le {
				return invalid(k, "is not a ledger account of the legal entity")
			}
		}
		var rec map[string]any
		c.s.tbl(ResAccountingSettings).each(func(r map[string]any) bool {
			if intOr(r["legal_entity_id"]) == le {
				rec = clone(r)
				return false
			}
			return true
		})
		if rec == nil {
			rec = map[string]any{"company_id": demoCompanyID, "legal_entity_id": le, "external_id": nil}
			for _, k := range accountingDefaults {
				rec[k] = nil
			}
		}
		for _, k := range append([]string{"external_id"}, accountingDefaults...) {
			if v, sent := c.in[k]; sent {
				rec[k] = v
			}
		}
		rec["updated_at"] = c.pj.now
		c.s.store(ResAccountingSettings).insert(rec)
		c.respond(rec)
		return nil
	})
}

// updatedFromFilter keeps the records changed on or after updated_from.
func updatedFromFilter(_ *call, q url.Values) func(v map[string]any) bool {
	from := q.Get("updated_from")
	if from == "" {
		return nil
	}
	return func(v map[string]any) bool { return onOrAfter(v["updated_at"], from) }
}

// financeCategoryFilter: category_level (main categories have no parent),
// statuses[] (an enabled category is enabled, any other disabled; the
// sandbox keeps no deleted ones) and search (part of the label or the
// identifier, any case).
func financeCategoryFilter(_ *call, q url.Values) func(v map[string]any) bool {
	level := q.Get("category_level")
	statuses := q["statuses[]"]
	search := strings.ToLower(q.Get("search"))
	return func(v map[string]any) bool {
		switch {
		case level == "category" && v["parent_category_id"] != nil,
			level == "subcategory" && v["parent_category_id"] == nil:
			return false
		}
		if len(statuses) > 0 {
			st := "disabled"
			if v["enabled"] == true {
				st = "enabled"
			}
			if !slices.Contains(statuses, st) {
				return false
			}
		}
		if search != "" {
			l, _ := v["label"].(string)
			id, _ := v["identifier"].(string)
			return strings.Contains(strings.ToLower(l), search) || strings.Contains(strings.ToLower(id), search)
		}
		return true
	}
}

// financeContactFilter: contact_type (every contact the API creates is a
// vendor, Factorial's default; no clients are kept), legal_name as part of
// the legal name in any case, and updated_from.
func financeContactFilter(c *call, q url.Values) func(v map[string]any) bool {
	kind := q.Get("contact_type")
	name := strings.ToLower(q.Get("legal_name"))
	updated := updatedFromFilter(c, q)
	return func(v map[string]any) bool {
		if kind != "" && kind != "vendor" {
			return false
		}
		if name != "" {
			l, _ := v["legal_name"].(string)
			if !strings.Contains(strings.ToLower(l), name) {
				return false
			}
		}
		return updated == nil || updated(v)
	}
}

// editCostCenter changes the name, code or description of the cost
// center the body's id names; a blank name is refused.
func (c *call) editCostCenter() {
	c.edit(ResCostCenters, func(rec map[string]any) *apiError {
		for _, k := range []string{"name", "code", "description"} {
			if v, sent := c.in[k]; sent {
				rec[k] = v
			}
		}
		if strings.TrimSpace(stringOr(rec["name"])) == "" {
			return invalid("name", msgBlank)
		}
		return nil
	})
}

// membershipInForce reports whether a cost center membership applies on
// day (YYYY-MM-DD): started on or before it and not ended before it.
func membershipInForce(m map[string]any, day string) bool {
	start, _ := m["start_date"].(string)
	end, _ := m["end_date"].(string)
	return start <= day && (end == "" || end >= day)
}

// replaceCostCenterMemberships gives the employee the memberships of the
// body from today and ends those in force yesterday (one that started
// today is replaced). All or nothing: an unknown employee or cost center,
// a share outside (0, 1] or shares that do not add up to 1 are 422.
func (c *call) replaceCostCenterMemberships() {
	c.locked(writeLock, func() *apiError {
		emp := intOr(c.in["employee_id"])
		if c.s.tbl(ResEmployees).recs[emp] == nil {
			return invalid("employee_id", "The employee does not exist")
		}
		type share struct {
			center int
			pct    float64
		}
		var shares []share
		total := 0.0
		for _, x := range listOf(c.in["memberships"]) {
			m, _ := x.(map[string]any)
			center := intOr(m["cost_center_id"])
			if c.s.tbl(ResCostCenters).recs[center] == nil {
				return invalid("memberships", "names a cost center that does not exist: "+fmtVal(m["cost_center_id"]))
			}
			pct, ok := m["percentage"].(float64)
			if n, isInt := m["percentage"].(int); isInt {
				pct, ok = float64(n), true
			}
			if !ok || pct <= 0 || pct > 1 {
				return invalid("memberships", "percentage must be greater than 0 and at most 1")
			}
			shares = append(shares, share{center, pct})
			total += pct
		}
		if len(shares) > 0 && (total < 0.9999 || total > 1.0001) {
			return invalid("memberships", "percentages must add up to 1")
		}
		today := c.pj.today
		yesterday := c.s.clock().UTC().AddDate(0, 0, -1).Format("2006-01-02")
		t := c.s.store(ResCostCenterMemberships)
		var ended, dropped []int
		t.each(func(m map[string]any) bool {
			if intOr(m["employee_id"]) == emp && membershipInForce(m, today) {
				if m["start_date"] == today {
					dropped = append(dropped, intOr(m["id"]))
				} else {
					ended = append(ended, intOr(m["id"]))
				}
			}
			return true
		})
		for _, id := range dropped {
			t.remove(id)
		}
		for _, id := range ended {
			m := clone(t.recs[id])
			m["end_date"] = yesterday
			t.insert(m)
		}
		out := []map[string]any{}
		for _, sh := range shares {
			rec := map[string]any{"employee_id": emp, "cost_center_id": sh.center, "start_date": today, "end_date": nil, "percentage": sh.pct}
			t.insert(rec)
			out = append(out, c.decorate(rec))
		}
		c.respondList(out)
		return nil
	})
}

// viewCostCenter counts the employees with a membership in force today
// and those who ever had one.
func viewCostCenter(c *call, v map[string]any) {
	setDefault(v, "company_id", demoCompanyID)
	setDefault(v, "status", "active")
	id := intOr(v["id"])
	active, ever := map[int]bool{}, map[int]bool{}
	c.s.tbl(ResCostCenterMemberships).each(func(m map[string]any) bool {
		if intOr(m["cost_center_id"]) == id {
			emp := intOr(m["employee_id"])
			ever[emp] = true
			if membershipInForce(m, c.pj.today) {
				active[emp] = true
			}
		}
		return true
	})
	v["active_employees_count"], v["historical_employees_count"] = len(active), len(ever)
}

// costCenterFilter: include_actives_on_date keeps the cost centers not
// deactivated by that day; search matches part of the name or code.
func costCenterFilter(_ *call, q url.Values) func(v map[string]any) bool {
	on := q.Get("include_actives_on_date")
	search := strings.ToLower(q.Get("search"))
	return func(v map[string]any) bool {
		if on != "" {
			if d, _ := v["deactivation_date"].(string); d != "" && d <= on {
				return false
			}
		}
		if search != "" {
			n, _ := v["name"].(string)
			code, _ := v["code"].(string)
			return strings.Contains(strings.ToLower(n), search) || strings.Contains(strings.ToLower(code), search)
		}
		return true
	}
}

// costCenterMembershipFilter: only the memberships in force today unless
// only_active is false (Factorial's default), and those in force on
// active_on or applying_on.
func costCenterMembershipFilter(c *call, q url.Values) func(v map[string]any) bool {
	onlyActive, set := queryBool(q, "only_active")
	days := []string{}
	if !set || onlyActive {
		days = append(days, c.pj.today)
	}
	for _, p := range []string{"active_on", "applying_on"} {
		if d := q.Get(p); d != "" {
			days = append(days, d)
		}
	}
	return func(v map[string]any) bool {
		for _, d := range days {
			if !membershipInForce(v, d) {
				return false
			}
		}
		return true
	}
}

// prepareTaxRate: a new rate names an existing tax type and has a rate
// between -1 and 1 (the answer always carries both, though Factorial's
// request marks neither required).
func prepareTaxRate(c *call, rec, old map[string]any) *apiError {
	if old != nil {
		return nil
	}
	if c.s.tbl(ResTaxTypes).recs[intOr(rec["tax_type_id"])] == nil {
		return invalid("tax_type_id", "The tax type does not exist")
	}
	rate, ok := rec["rate"].(float64)
	if n, isInt := rec["rate"].(int); isInt {
		rate, ok = float64(n), true
	}
	if !ok || rate < -1 || rate > 1 {
		return invalid("rate", "must be between -1 and 1")
	}
	return nil
}

// upsertLedgerAccountResource assigns a ledger account to a resource of a
// legal entity: the assignment the body's id names (404 if none), else the
// entity's assignment of the same resource, else a new one. The account is
// account_id, or the entity's account numbered number; it must be a
// ledger account of the entity (422).
func (c *call) upsertLedgerAccountResource() {
	c.locked(writeLock, func() *apiError {
		le := intOr(c.in["legal_entity_id"])
		if c.s.tbl(ResLegalEntities).recs[le] == nil {
			return invalid("legal_entity_id", "The legal entity does not exist")
		}
		t := c.s.store(ResLedgerAccountResources)
		var rec map[string]any
		if v, sent := c.in["id"]; sent && v != nil {
			old := t.recs[intOr(v)]
			if old == nil {
				return notFound(fmtVal(v))
			}
			rec = clone(old)
		} else {
			t.each(func(r map[string]any) bool {
				if intOr(r["legal_entity_id"]) == le && r["resource_type"] == c.in["resource_type"] && intOr(r["resource_id"]) == intOr(c.in["resource_id"]) {
					rec = clone(r)
					return false
				}
				return true
			})
		}
		if rec == nil {
			rec = map[string]any{"external_id": nil, "balance_type": nil, "account_id": nil, "resource_id": nil}
		}
		account := 0
		if v, sent := c.in["account_id"]; sent && v != nil {
			account = intOr(v)
		} else if number := stringOr(c.in["number"]); number != "" {
			c.s.tbl(ResLedgerAccounts).each(func(a map[string]any) bool {
				if intOr(a["legal_entity_id"]) == le && a["number"] == number {
					account = intOr(a["id"])
					return false
				}
				return true
			})
		} else {
			account = intOr(rec["account_id"])
		}
		if a := c.s.tbl(ResLedgerAccounts).recs[account]; a == nil || intOr(a["legal_entity_id"]) != le {
			return invalid("account_id", "is not a ledger account of the legal entity")
		}
		rec["account_id"], rec["legal_entity_id"], rec["resource_type"] = account, le, c.in["resource_type"]
		for _, k := range []string{"resource_id", "external_id", "balance_type"} {
			if v, sent := c.in[k]; sent {
				rec[k] = v
			}
		}
		rec["updated_at"] = c.pj.now
		t.insert(rec)
		c.respond(rec)
		return nil
	})
}

// ledgerAccountResourceFilter: finance_account_ids[] matches account_id,
// and updated_from.
func ledgerAccountResourceFilter(c *call, q url.Values) func(v map[string]any) bool {
	accounts := queryIDs(q, "finance_account_ids[]")
	updated := updatedFromFilter(c, q)
	return func(v map[string]any) bool {
		if len(accounts) > 0 && !slices.Contains(accounts, intOr(v["account_id"])) {
			return false
		}
		return updated == nil || updated(v)
	}
}

// createJournalEntry books an entry of a legal entity with its lines: each
// line names a ledger account of that entity and non-negative amounts,
// and the debits equal the credits (an unbalanced entry is 422; Factorial
// does not document its checks). The entry takes the next number of the
// entity's journal; the lines are numbered in the order sent.
func (c *call) createJournalEntry() {
	c.locked(writeLock, func() *apiError {
		le := intOr(c.in["legal_entity_id"])
		if c.s.tbl(ResLegalEntities).recs[le] == nil {
			return invalid("legal_entity_id", "The legal entity does not exist")
		}
		lines := listOf(c.in["lines"])
		if len(lines) == 0 {
			return invalid("lines", msgBlank)
		}
		debit, credit := 0, 0
		for _, x := range lines {
			l, _ := x.(map[string]any)
			acct := c.s.tbl(ResLedgerAccounts).recs[intOr(l["account_id"])]
			if acct == nil || intOr(acct["legal_entity_id"]) != le {
				return invalid("lines", "names an account that is not a ledger account of the legal entity: "+fmtVal(l["account_id"]))
			}
			d, dok := toInt(l["debit_amount_cents"])
			cr, cok := toInt(l["credit_amount_cents"])
			if !dok || !cok || d < 0 || cr < 0 {
				return invalid("lines", "amounts must be whole cents, zero or more")
			}
			debit, credit = debit+d, credit+cr
		}
		if debit != credit {
			return invalid("lines", "debits and credits must add up to the same amount")
		}
		number := 0
		c.s.tbl(ResJournalEntries).each(func(e map[string]any) bool {
			if intOr(e["legal_entity_id"]) == le {
				number = max(number, intOr(e["number"]))
			}
			return true
		})
		entry := map[string]any{"number": number + 1, "published_at": c.pj.now, "type": "external", "source_id": nil,
			"source_type": nil, "reference_date": c.in["reference_date"], "description": c.in["description"],
			"legal_entity_id": le, "external_id": c.in["external_id"], "status": "published", "updated_at": c.pj.now}
		for _, k := range []string{"type", "status"} {
			if v, ok := c.in[k].(string); ok && v != "" {
				entry[k] = v
			}
		}
		id := c.s.store(ResJournalEntries).insert(entry)
		for i, x := range lines {
			l := x.(map[string]any)
			c.s.store(ResJournalLines).insert(map[string]any{"number": i + 1, "debit_amount_cents": l["debit_amount_cents"],
				"credit_amount_cents": l["credit_amount_cents"], "journal_entry_id": id, "account_id": intOr(l["account_id"]),
				"fully_reconciled_at": nil, "external_id": l["external_id"], "updated_at": c.pj.now})
		}
		c.respond(entry)
		return nil
	})
}

// journalLineFilter: journal_entry_types[] and description read the
// line's entry (its type; part of its description, any case),
// reconciliation_status is reconciled for a line with fully_reconciled_at
// and pending otherwise (the sandbox snoozes none), and updated_from.
func journalLineFilter(c *call, q url.Values) func(v map[string]any) bool {
	types := q["journal_entry_types[]"]
	desc := strings.ToLower(q.Get("description"))
	status := q.Get("reconciliation_status")
	updated := updatedFromFilter(c, q)
	return func(v map[string]any) bool {
		entry := c.s.tbl(ResJournalEntries).recs[intOr(v["journal_entry_id"])]
		if len(types) > 0 && (entry == nil || !slices.Contains(types, fmtVal(entry["type"]))) {
			return false
		}
		if desc != "" {
			d := ""
			if entry != nil {
				d, _ = entry["description"].(string)
			}
			if !strings.Contains(strings.ToLower(d), desc) {
				return false
			}
		}
		if status != "" {
			st := "pending"
			if v["fully_reconciled_at"] != nil {
				st = "reconciled"
			}
			if st != status {
				return false
			}
		}
		return updated == nil || updated(v)
	}
}

// financialDocumentFilter: statuses[] matches status, and updated_from.
func financialDocumentFilter(c *call, q url.Values) func(v map[string]any) bool {
	statuses := q["statuses[]"]
	updated := updatedFromFilter(c, q)
	return func(v map[string]any) bool {
		if len(statuses) > 0 && !slices.Contains(statuses, fmtVal(v["status"])) {
			return false
		}
		return updated == nil || updated(v)
	}
}
