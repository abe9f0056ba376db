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
