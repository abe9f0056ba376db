package sandbox

// Dated API: contracts and payroll. Contract versions, compensations,
// taxonomies, family situations and payroll integration codes are v1's
// records (datedTables), so both APIs show one company; the catalogues
// contracts name (contract templates, per-country contract types, the
// Spanish lists, payroll concepts, materialized templates), the history
// of contract versions, payroll policy periods and employees' payroll
// identifiers are the dated API's own tables.
//
// Writes follow Rails' belongs_to validations: a record naming an
// employee, contract version, taxonomy or template that does not exist is
// 422 "<Thing> must exist". Users who are not admins change nothing.
//
// Who sees what: Factorial's document states no rule beyond the scopes,
// and Factorial applies the web app's permissions to API callers. Contract
// versions and their history (salaries), family situations and payroll
// identifiers are an employee's personal data: an admin, an API key or a
// company token sees every record, any other user only their own; another
// employee's record reads as missing (404), as banking does with accounts.
// The catalogues, compensations, taxonomies and integration codes are
// readable by everyone.

import (
	"net/url"
	"slices"
	"sort"
)

// compensationTypes are the values Factorial's document lists for a
// compensation's compensation_type.
var compensationTypes = []string{"fixed", "undefined", "up_to", "per_worked_day", "per_worked_hour"}

// codeableTables maps the kinds of record a payroll integration code may
// name to their tables; "Company" is the sandbox's one company.
var codeableTables = map[string]string{
	"Employee":         ResEmployees,
	"LegalEntity":      ResLegalEntities,
	"Location":         ResLocations,
	"TimeoffLeaveType": ResLeaveTypes,
}

// mustExist is Rails' belongs_to message for a reference to no record.
func mustExist(field string) *apiError { return invalid(field, "must exist") }

// ownOrPrivileged reports whether the caller may see an employee's
// personal record.
func (c *call) ownOrPrivileged(rec map[string]any) bool {
	return c.p.privileged() || (c.p.EmployeeID != 0 && intOr(rec["employee_id"]) == c.p.EmployeeID)
}

// getPersonalRecord answers GET of one personal record the caller may
// see; another employee's reads as missing.
func (c *call) getPersonalRecord() {
	c.onRecord(readLock, byID(c.rt.resource), func(rec map[string]any) *apiError {
		if !c.ownOrPrivileged(rec) {
			return notFound(c.path["id"])
		}
		c.respond(rec)
		return nil
	})
}

// personal narrows a list filter of a personal table to the records the
// caller may see.
func personal(f func(c *call, q url.Values) func(v map[string]any) bool) func(c *call, q url.Values) func(v map[string]any) bool {
	return func(c *call, q url.Values) func(v map[string]any) bool {
		var keep func(v map[string]any) bool
		if f != nil {
			keep = f(c, q)
		}
		if c.p.privileged() {
			return keep
		}
		return func(v map[string]any) bool { return c.ownOrPrivileged(v) && (keep == nil || keep(v)) }
	}
}

// viewMaterializedTemplate shows the synthetic id Factorial builds,
// <company_id>-<template_type>-<legal_entity_id>-<country_code>; the
// table's id stays the page key.
func viewMaterializedTemplate(c *call, v map[string]any) {
	v["_seq"] = intOr(v["id"])
	v["id"] = fmtVal(v["company_id"]) + "-" + fmtVal(v["template_type"]) + "-" + fmtVal(v["legal_entity_id"]) + "-" + fmtVal(v["country_code"])
}

// viewContractVersion fills the members v1's records lack: the company,
// and the flags Factorial always sends.
func viewContractVersion(c *call, v map[string]any) {
	setDefault(v, "company_id", demoCompanyID)
	setDefault(v, "has_payroll", false)
	setDefault(v, "fr_forfait_jours", false)
	setDefault(v, "bank_holiday_treatment", "workable")
}

// prepareDatedContractVersion checks the employee and the job catalog
// node, copies the version in force when asked to, and refuses a salary
// added without its frequency (or the reverse).
func prepareDatedContractVersion(c *call, rec, old map[string]any) *apiError {
	if c.existing(ResEmployees, rec["employee_id"]) == nil {
		return mustExist("employee")
	}
	copyCurrent, _ := toBool(rec["copy_current_contract_version"])
	delete(rec, "copy_current_contract_version")
	if old == nil && copyCurrent {
		if cur := c.versionInForce(intOr(rec["employee_id"]), fmtVal(rec["effective_on"])); cur != nil {
			for k, v := range cur {
				if _, sent := rec[k]; !sent && k != "id" && k != "created_at" && k != "updated_at" {
					rec[k] = v
				}
			}
		}
	}
	if uuid, ok := rec["job_catalog_tree_node_uuid"].(string); ok && uuid != "" {
		node := c.treeNode(uuid)
		if node == nil || node["type"] != "jobcatalog_treelevel" {
			return invalid("job_catalog_tree_node_uuid", "must be a level of the job catalog")
		}
	}
	hadSalary := old != nil && old["salary_amount"] != nil && old["salary_frequency"] != nil
	if !hadSalary && (rec["salary_amount"] == nil) != (rec["salary_frequency"] == nil) {
		if rec["salary_amount"] == nil {
			return invalid("salary_amount", msgBlank)
		}
		return invalid("salary_frequency", msgBlank)
	}
	if s, e := fmtVal(rec["starts_on"]), fmtVal(rec["ends_on"]); rec["ends_on"] != nil && s != "" && e < s {
		return invalid("ends_on", "must be on or after starts_on")
	}
	return nil
}

// treeNode finds a job catalog node by its uuid. The caller holds the lock.
func (c *call) treeNode(uuid string) map[string]any {
	var found map[string]any
	c.s.tbl(ResJobCatalogTreeNodes).each(func(n map[string]any) bool {
		if n["uuid"] == uuid {
			found = n
			return false
		}
		return true
	})
	return found
}

// versionInForce is the employee's contract version with the latest
// effective_on on or before day (any day when day is empty). The caller
// holds the lock.
func (c *call) versionInForce(emp int, day string) map[string]any {
	var best map[string]any
	c.s.tbl(ResContractVersions).each(func(v map[string]any) bool {
		if intOr(v["employee_id"]) != emp {
			return true
		}
		eff := fmtVal(v["effective_on"])
		if (day == "" || eff <= day) && (best == nil || eff >= fmtVal(best["effective_on"])) {
			best = v
		}
		return true
	})
	return best
}

// referenceVersion is an employee's reference contract version: the one
// in force today, else the nearest one starting later, else the latest
// past one (every version of an employee started before today when none
// is in force and none is ahead, so the latest is the one in force, which
// the first rule already picks; the last rule covers versions that ended).
func referenceVersion(versions []map[string]any, today string) map[string]any {
	sort.SliceStable(versions, func(i, j int) bool {
		return fmtVal(versions[i]["effective_on"]) < fmtVal(versions[j]["effective_on"])
	})
	var current, next, last map[string]any
	for _, v := range versions {
		eff, end := fmtVal(v["effective_on"]), fmtVal(v["ends_on"])
		switch {
		case eff > today:
			if next == nil {
				next = v
			}
		case v["ends_on"] == nil || end >= today:
			current = v
		default:
			last = v
		}
	}
	switch {
	case current != nil:
		return current
	case next != nil:
		return next
	}
	return last
}

// referenceContracts answers GET contracts/reference_contracts: one
// contract version per employee, chosen by referenceVersion, filtered by
// employee_ids[] and job_catalog_tree_node_uuids[].
func (c *call) referenceContracts() {
	c.locked(readLock, func() *apiError {
		m := newMatcher(c.rt, c.r.URL.Query(), c.path)
		byEmployee := map[int][]map[string]any{}
		c.s.tbl(ResContractVersions).each(func(v map[string]any) bool {
			emp := intOr(v["employee_id"])
			byEmployee[emp] = append(byEmployee[emp], v)
			return true
		})
		var out []map[string]any
		for _, emp := range slices.Sorted(mapKeys(byEmployee)) {
			ref := referenceVersion(byEmployee[emp], c.pj.today)
			if ref == nil || !c.ownOrPrivileged(ref) {
				continue
			}
			if v := c.decorate(ref); m.match(v) {
				out = append(out, v)
			}
		}
		sort.SliceStable(out, func(i, j int) bool { return intOr(out[i]["id"]) < intOr(out[j]["id"]) })
		return c.respondPage(out)
	})
}

func mapKeys[K comparable, V any](m map[K]V) func(yield func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// contractVersionMetaData answers GET contracts/contract_version_meta_data:
// for each existing contract version named in contract_version_ids[], the
// kind of change that created it (the action_type of its latest history
// entry, null when it has none). No ids, no entries.
func (c *call) contractVersionMetaData() {
	c.locked(readLock, func() *apiError {
		var out []map[string]any
		seen := map[int]bool{}
		for _, id := range queryIDs(c.r.URL.Query(), "contract_version_ids[]") {
			cv := c.s.tbl(ResContractVersions).recs[id]
			if seen[id] || cv == nil || !c.ownOrPrivileged(cv) {
				continue
			}
			seen[id] = true
			var action any
			latest := ""
			c.s.tbl(ResContractVersionHistories).each(func(h map[string]any) bool {
				if intOr(h["original_contract_version_id"]) == id && fmtVal(h["changed_at"]) >= latest {
					latest, action = fmtVal(h["changed_at"]), h["action_type"]
				}
				return true
			})
			out = append(out, map[string]any{"_seq": id, "contract_version_id": id, "action_type": action})
		}
		sort.Slice(out, func(i, j int) bool { return out[i]["_seq"].(int) < out[j]["_seq"].(int) })
		return c.respondPage(out)
	})
}

// prepareDatedCompensation checks the contract version and the taxonomy
// and the type's rules from Factorial's descriptions: compensation_type
// is needed and one of compensationTypes, amount unless it is undefined.
// A new compensation joins its contract version's compensation_ids, as
// v1 shows them.
func prepareDatedCompensation(c *call, rec, old map[string]any) *apiError {
	if c.existing(ResContractVersions, rec["contract_version_id"]) == nil {
		return mustExist("contract_version")
	}
	if c.existing(ResTaxonomies, rec["contracts_taxonomy_id"]) == nil {
		return mustExist("contracts_taxonomy")
	}
	typ, _ := rec["compensation_type"].(string)
	switch {
	case typ == "":
		return invalid("compensation_type", msgBlank)
	case !slices.Contains(compensationTypes, typ):
		return invalid("compensation_type", "is not included in the list")
	case typ != "undefined" && rec["amount"] == nil:
		return invalid("amount", msgBlank)
	}
	setDefault(rec, "unit", "money")
	if old == nil {
		cv := c.s.tbl(ResContractVersions).recs[intOr(rec["contract_version_id"])]
		cv["compensation_ids"] = anySlice(append(intSlice(cv["compensation_ids"]), intOr(rec["id"])))
	}
	return nil
}

// compensationDeleted drops a deleted compensation from its contract
// version's compensation_ids.
func compensationDeleted(s *Sandbox, rec map[string]any) {
	if cv := s.tbl(ResContractVersions).recs[intOr(rec["contract_version_id"])]; cv != nil {
		id := intOr(rec["id"])
		cv["compensation_ids"] = anySlice(slices.DeleteFunc(intSlice(cv["compensation_ids"]), func(n int) bool { return n == id }))
	}
}

// prepareSpanishCatalogue: a Spanish list entry belongs to an existing
// contract template (required except for working day types, where it is
// checked when sent); entries created through the API are the company's
// own, never predefined.
func prepareSpanishCatalogue(c *call, rec, old map[string]any) *apiError {
	if v, sent := rec["contracts_contract_template_id"]; sent || c.rt.resource != ResSpanishWorkingDayTypes {
		if c.existing(ResContractTemplates, v) == nil {
			return mustExist("contracts_contract_template")
		}
	}
	if old == nil {
		rec["default"] = false
		rec["archived"] = false
	}
	return nil
}

// prepareFamilySituation: the employee exists and has one family
// situation (an employee's second is refused, as a has_one uniqueness
// validation does).
func prepareFamilySituation(c *call, rec, old map[string]any) *apiError {
	if c.existing(ResEmployees, rec["employee_id"]) == nil {
		return mustExist("employee")
	}
	if dup := c.findOther(ResFamilySituations, rec, "employee_id"); dup {
		return invalid("employee", "has already been taken")
	}
	return nil
}

// findOther reports whether another record of table has the same values
// of fields as rec. The caller holds the lock.
func (c *call) findOther(table string, rec map[string]any, fields ...string) bool {
	found := false
	c.s.tbl(table).each(func(o map[string]any) bool {
		if intOr(o["id"]) == intOr(rec["id"]) {
			return true
		}
		for _, f := range fields {
			if fmtVal(o[f]) != fmtVal(rec[f]) {
				return true
			}
		}
		found = true
		return false
	})
	return found
}

// prepareEmployeeIdentifier: the employee exists and has one identifier
// record per country.
func prepareEmployeeIdentifier(c *call, rec, old map[string]any) *apiError {
	if c.existing(ResEmployees, rec["employee_id"]) == nil {
		return mustExist("employee")
	}
	if c.findOther(ResPayrollEmployeeIdentifiers, rec, "employee_id", "country") {
		return invalid("country", "has already been taken")
	}
	return nil
}

// prepareIntegrationCode: the record a code names exists (the company is
// the sandbox's one company) and each record has one code per payroll
// system; codes belong to the company.
func prepareIntegrationCode(c *call, rec, old map[string]any) *apiError {
	typ, _ := rec["codeable_type"].(string)
	if table, ok := codeableTables[typ]; ok {
		if c.existing(table, rec["codeable_id"]) == nil {
			return mustExist("codeable")
		}
	} else if typ == "Company" {
		if intOr(rec["codeable_id"]) != demoCompanyID {
			return mustExist("codeable")
		}
	} else {
		return invalid("codeable_type", "is not included in the list")
	}
	if c.findOther(ResPayrollIntegrationCodes, rec, "integration", "codeable_type", "codeable_id") {
		return invalid("codeable", "already has a code for this integration")
	}
	rec["company_id"] = demoCompanyID
	return nil
}

// changePolicyPeriodStatus answers POST payroll/policy_periods/change_status:
// the period moves to the status sent (Factorial documents no order
// between stages, so any stage may follow any other); every employee
// named must exist. notify_employee sends nothing in the sandbox.
func (c *call) changePolicyPeriodStatus() {
	c.edit(ResPayrollPolicyPeriods, func(rec map[string]any) *apiError {
		xs, _ := c.in["employee_ids"].([]any)
		for _, e := range xs {
			if c.existing(ResEmployees, e) == nil {
				return mustExist("employee")
			}
		}
		rec["status"] = c.in["status"]
		return nil
	})
}

// contractVersionFilter applies date: versions in effect on or before
// that day.
func contractVersionFilter(c *call, q url.Values) func(v map[string]any) bool {
	day := q.Get("date")
	if day == "" {
		return nil
	}
	return func(v map[string]any) bool { return onOrBefore(v["effective_on"], day) }
}

// versionHistoryFilter applies contract_version_ids[] (the version each
// entry changed, original_contract_version_id) and changes_gteq and
// changes_lteq to the day of changed_at.
func versionHistoryFilter(c *call, q url.Values) func(v map[string]any) bool {
	versions := queryIDs(q, "contract_version_ids[]")
	from, to := q.Get("changes_gteq"), q.Get("changes_lteq")
	return func(v map[string]any) bool {
		return (len(versions) == 0 || slices.Contains(versions, intOr(v["original_contract_version_id"]))) &&
			onOrAfter(v["changed_at"], from) && onOrBefore(v["changed_at"], to)
	}
}

// materializedTemplateFilter applies countries[] to country_code.
func materializedTemplateFilter(c *call, q url.Values) func(v map[string]any) bool {
	countries := q["countries[]"]
	if len(countries) == 0 {
		return nil
	}
	return func(v map[string]any) bool { return slices.Contains(countries, fmtVal(v["country_code"])) }
}

// compensationConceptFilter applies with_active_status: true keeps the
// active concepts (the internal active flag; false means every concept).
func compensationConceptFilter(c *call, q url.Values) func(v map[string]any) bool {
	active, set := queryBool(q, "with_active_status")
	if !set || !active {
		return nil
	}
	return func(v map[string]any) bool { return v["active"] != false }
}

// employeeIdentifierFilter applies employees_ids[] and
// legal_entities_ids[] (the employee's legal entity).
func employeeIdentifierFilter(c *call, q url.Values) func(v map[string]any) bool {
	emps, entities := queryIDs(q, "employees_ids[]"), queryIDs(q, "legal_entities_ids[]")
	return func(v map[string]any) bool {
		if len(emps) > 0 && !slices.Contains(emps, intOr(v["employee_id"])) {
			return false
		}
		if len(entities) > 0 {
			e := c.s.tbl(ResEmployees).recs[intOr(v["employee_id"])]
			return e != nil && slices.Contains(entities, intOr(e["legal_entity_id"]))
		}
		return true
	}
}

// catalogueFilter applies archived (the contract type lists; the records
// keep the flag internally) and contract_template_id (the Spanish lists).
func catalogueFilter(c *call, q url.Values) func(v map[string]any) bool {
	archived, byArchived := queryBool(q, "archived")
	tmpl := q.Get("contract_template_id")
	return func(v map[string]any) bool {
		if byArchived && (v["archived"] == true) != archived {
			return false
		}
		return tmpl == "" || fmtVal(v["contracts_contract_template_id"]) == tmpl
	}
}
