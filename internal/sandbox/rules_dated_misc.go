package sandbox

// Dated API: the smaller namespaces. IT assets and their models, custom
// tables (schemas, their rows and cells), the bookkeeper's incidences,
// approval flows decided by naming their record, the integration
// framework's sync runs, marketplace installations and documents'
// download links.
//
// Factorial documents little behaviour for these beyond the shapes; where
// it says nothing the sandbox follows the Rails defaults (docs/dated-api.md,
// S1-S15) and the choices written on each rule below.

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Tables of these namespaces named by hand-written code.
const (
	ResITAssets                 = "it_management_it_assets"
	ResITAssetModels            = "it_management_it_asset_models"
	ResCustomResources          = "custom_resources_resources"
	ResCustomResourceSchemas    = "custom_resources_schemas"
	ResCustomResourceValues     = "custom_resources_values"
	ResBookkeeperIncidences     = "bookkeepers_management_incidences"
	ResApprovalFlows            = "approvals_materialized_approvals_flows"
	ResSyncableItems            = "integrations_syncable_items"
	ResSyncableSyncRuns         = "integrations_syncable_sync_runs"
	ResSyncRunOutputs           = "integrations_sync_run_outputs"
	ResMarketplaceInstallations = "marketplace_installations"
	ResMarketplaceSettings      = "marketplace_installation_settings"
)

// itAssetStatuses are the states Factorial lists for an asset.
var itAssetStatuses = []string{"assigned", "in_stock", "maintenance", "retired"}

// itAssetTypes are the kinds of model Factorial lists.
var itAssetTypes = []string{"laptop", "desktop", "tablet", "phone", "screen", "mouse", "keyboard", "headset", "other"}

// prepareITAsset: the model must exist, and the holder, workplace and team
// when given (422). A new asset is assigned when it has a holder, else in
// stock; an update may set only one of the four documented states.
func prepareITAsset(c *call, rec, old map[string]any) *apiError {
	if c.s.tbl(ResITAssetModels).recs[intOr(rec["it_asset_model_id"])] == nil {
		return invalid("it_asset_model_id", "The IT asset model does not exist")
	}
	for _, ref := range [][2]string{{"owner_id", ResEmployees}, {"workplace_id", ResLocations}, {"team_id", ResTeams}} {
		if v, ok := rec[ref[0]]; ok && v != nil && c.s.tbl(ref[1]).recs[intOr(v)] == nil {
			return invalid(ref[0], "does not exist")
		}
	}
	if old == nil {
		setDefault(rec, "company_id", demoCompanyID)
		if rec["owner_id"] != nil {
			rec["status"] = "assigned"
		} else {
			rec["status"] = "in_stock"
		}
		return nil
	}
	if s, ok := rec["status"].(string); ok && !slices.Contains(itAssetStatuses, s) {
		return invalid("status", "is not included in the list")
	}
	return nil
}

// prepareITAssetModel: the kind is one of Factorial's nine.
func prepareITAssetModel(c *call, rec, old map[string]any) *apiError {
	if s, _ := rec["type_name"].(string); !slices.Contains(itAssetTypes, s) {
		return invalid("type_name", "is not included in the list")
	}
	setDefault(rec, "company_id", demoCompanyID)
	return nil
}

// itAssetFilter applies type_names[]: the kind of the asset's model.
func itAssetFilter(c *call, q url.Values) func(v map[string]any) bool {
	kinds := queryList(q, "type_names[]")
	if len(kinds) == 0 {
		return nil
	}
	return func(v map[string]any) bool {
		m := c.s.tbl(ResITAssetModels).recs[intOr(v["it_asset_model_id"])]
		return m != nil && slices.Contains(kinds, fmtVal(m["type_name"]))
	}
}

// deleteITAsset removes the asset and answers it with discarded_at set:
// Factorial deletes assets softly, and the sandbox no longer shows a
// discarded one (a later read is 404).
func (c *call) deleteITAsset() {
	c.onRecord(writeLock, byID(ResITAssets), func(rec map[string]any) *apiError {
		c.s.tbl(ResITAssets).remove(rec["id"].(int))
		rec["discarded_at"] = c.pj.now
		c.respond(rec)
		return nil
	})
}

// prepareCustomResourceValue: the table, the employee and the column (a
// custom field) must exist (422). The value goes into the row given, which
// must be a row of that table for that employee, or into a new row of the
// table attached to the employee.
func prepareCustomResourceValue(c *call, rec, old map[string]any) *apiError {
	schema := intOr(rec["schema_id"])
	if c.s.tbl(ResCustomResourceSchemas).recs[schema] == nil {
		return invalid("schema_id", "The custom table does not exist")
	}
	emp := intOr(rec["employee_id"])
	if c.s.tbl(ResEmployees).recs[emp] == nil {
		return invalid("employee_id", "The employee does not belong to the company")
	}
	if c.s.tbl(ResCustomFields).recs[intOr(rec["field_id"])] == nil {
		return invalid("field_id", "The custom field does not exist")
	}
	rows := c.s.store(ResCustomResources)
	if v, ok := rec["custom_resource_id"]; ok && v != nil {
		row := rows.recs[intOr(v)]
		if row == nil || intOr(row["schema_id"]) != schema || intOr(row["attachable_id"]) != emp {
			return invalid("custom_resource_id", "is not a row of this table for this employee")
		}
		rec["resource_id"] = row["id"]
	} else {
		row := map[string]any{"id": rows.next, "schema_id": schema, "attachable_type": "Employee", "attachable_id": emp}
		rows.insert(row)
		rec["resource_id"] = row["id"]
	}
	delete(rec, "custom_resource_id")
	rec["attachable_id"] = emp
	return nil
}

// attachedEmployeeFilter applies employee_ids[] to rows and cells of
// custom tables: the employee the row is attached to.
func attachedEmployeeFilter(c *call, q url.Values) func(v map[string]any) bool {
	emps := queryIDs(q, "employee_ids[]")
	if len(emps) == 0 {
		if len(q["employee_ids[]"]) > 0 {
			return func(map[string]any) bool { return false }
		}
		return nil
	}
	return func(v map[string]any) bool {
		if c.rt.resource == ResCustomResources && fmtVal(v["attachable_type"]) != "Employee" {
			return false
		}
		return slices.Contains(emps, intOr(v["attachable_id"]))
	}
}

// incidenceStatuses are the states of a bookkeeper's incidence.
var incidenceStatuses = []string{"in-preparation", "to-do", "doing", "done", "discarded"}

// prepareIncidence: a status must be one of the five; mark_as_read sets
// read_at to today and is not stored.
func prepareIncidence(c *call, rec, old map[string]any) *apiError {
	if s, ok := rec["status"].(string); ok && !slices.Contains(incidenceStatuses, s) {
		return invalid("status", "is not included in the list")
	}
	if m, _ := rec["mark_as_read"].(bool); m {
		rec["read_at"] = c.pj.today
	}
	delete(rec, "mark_as_read")
	return nil
}

// incidenceFilter applies the incidence list's parameters that are not a
// field of the same name: legal_entities_ids[], type[] (the name),
// starts_on / ends_on (bounds, not equality), search (the employee's
// names), contains_message (has_message) and custom_leave_name[].
func incidenceFilter(c *call, q url.Values) func(v map[string]any) bool {
	entities := queryIDs(q, "legal_entities_ids[]")
	kinds := queryList(q, "type[]")
	customs := queryList(q, "custom_leave_name[]")
	from, to := q.Get("starts_on"), q.Get("ends_on")
	search := strings.ToLower(strings.TrimSpace(q.Get("search")))
	msg, byMsg := queryBool(q, "contains_message")
	unmatchable := len(entities) == 0 && len(q["legal_entities_ids[]"]) > 0
	return func(v map[string]any) bool {
		name := strings.ToLower(fmtVal(v["employee_first_name"]) + " " + fmtVal(v["employee_last_name"]))
		switch {
		case unmatchable:
			return false
		case len(entities) > 0 && !slices.Contains(entities, intOr(v["legal_entity_id"])):
			return false
		case len(kinds) > 0 && !slices.Contains(kinds, fmtVal(v["name"])):
			return false
		case len(customs) > 0 && !slices.Contains(customs, fmtVal(v["custom_name"])):
			return false
		case !onOrAfter(v["starts_on"], from) || !onOrBefore(v["ends_on"], to):
			return false
		case search != "" && !strings.Contains(name, search):
			return false
		case byMsg && (v["has_message"] == true) != msg:
			return false
		}
		return true
	}
}

// decideApprovalFlow approves or rejects the running flow of the record
// named by resource_type and resource_id. No flow for it is 404; a flow
// that is not running is 422. A caller who is not an admin, API key or
// company token must be one of the flow's approvers (403).
func (c *call) decideApprovalFlow(status string) {
	c.locked(writeLock, func() *apiError {
		typ, id := stringOr(c.in["resource_type"]), intOr(c.in["resource_id"])
		var flow map[string]any
		c.s.tbl(ResApprovalFlows).each(func(rec map[string]any) bool {
			if fmtVal(rec["resource_type"]) == typ && intOr(rec["resource_id"]) == id {
				flow = rec
				return false
			}
			return true
		})
		if flow == nil {
			return notFound(fmtVal(c.in["resource_id"]))
		}
		if !c.p.privileged() && !slices.Contains(flowApprovers(flow), c.p.EmployeeID) {
			return errForbidden
		}
		if flow["status"] != "running" {
			return invalid("status", "The approval flow is not pending a decision")
		}
		next := clone(flow)
		next["status"], next["final_decision_at"] = status, c.pj.now
		next["action_type"] = strings.TrimSuffix(status, "d")
		if status == "rejected" {
			next["reason"] = c.in["reason"]
		}
		c.s.tbl(ResApprovalFlows).recs[intOr(flow["id"])] = next
		c.respond(next)
		return nil
	})
}

// flowApprovers lists the employee ids named by a flow's approvers
// (entries with an employee_id).
func flowApprovers(flow map[string]any) []int {
	var out []int
	list, _ := flow["approvers"].([]any)
	for _, a := range list {
		if m, ok := a.(map[string]any); ok {
			if n, ok := toInt(m["employee_id"]); ok {
				out = append(out, n)
			}
		}
	}
	return out
}

// listSyncableItems needs sync_run_id (400 without it) and lists that
// run's items.
func (c *call) listSyncableItems() {
	if strings.TrimSpace(c.r.URL.Query().Get("sync_run_id")) == "" {
		c.fail(missingParam("sync_run_id"))
		return
	}
	c.list()
}

// syncRunFilter applies sync_run_id: items name their sync record, which
// names the run.
func syncRunFilter(c *call, q url.Values) func(v map[string]any) bool {
	run := q.Get("sync_run_id")
	if run == "" {
		return nil
	}
	return func(v map[string]any) bool {
		sr := c.s.tbl(ResSyncableSyncRuns).recs[intOr(v["syncable_sync_run_id"])]
		return sr != nil && fmtVal(sr["sync_run_id"]) == run
	}
}

// prepareSyncRunOutput keeps the uploaded file's name; the run must be
// one the sandbox knows (a sync record names it), else 422.
func prepareSyncRunOutput(c *call, rec, old map[string]any) *apiError {
	run := fmtVal(rec["sync_run_id"])
	known := false
	c.s.tbl(ResSyncableSyncRuns).each(func(sr map[string]any) bool {
		known = fmtVal(sr["sync_run_id"]) == run
		return !known
	})
	if !known {
		return invalid("sync_run_id", "The sync run does not exist")
	}
	f, _ := rec["file"].(map[string]any)
	rec["file_name"] = f["filename"]
	delete(rec, "file")
	return nil
}

// prepareSyncableSyncRun turns the keyed error messages of an update into
// the list of {key, value} the record shows, and drops them on success.
func prepareSyncableSyncRun(c *call, rec, old map[string]any) *apiError {
	if old == nil {
		return nil
	}
	msgs, sent := rec["error_messages"].(map[string]any)
	switch {
	case rec["status"] == "success":
		rec["error_messages"] = []any{}
	case sent:
		keys := make([]string, 0, len(msgs))
		for k := range msgs {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		list := make([]any, 0, len(keys))
		for _, k := range keys {
			list = append(list, map[string]any{"key": k, "value": msgs[k]})
		}
		rec["error_messages"] = list
	default:
		rec["error_messages"] = old["error_messages"]
	}
	return nil
}

// listInstallationSettings needs company_id and integration_id (400
// without either) and lists the settings of that installation.
func (c *call) listInstallationSettings() {
	q := c.r.URL.Query()
	for _, p := range []string{"company_id", "integration_id"} {
		if strings.TrimSpace(q.Get(p)) == "" {
			c.fail(missingParam(p))
			return
		}
	}
	c.list()
}

// installationFilter applies integration_id: the settings name the
// integration internally (no response shows it).
func installationFilter(c *call, q url.Values) func(v map[string]any) bool {
	id := q.Get("integration_id")
	if id == "" {
		return nil
	}
	return func(v map[string]any) bool { return fmtVal(v["integration_id"]) == id }
}

// prepareInstallation: an integration is installed once per company.
func prepareInstallation(c *call, rec, old map[string]any) *apiError {
	uuid := strings.TrimSpace(fmtVal(rec["integration_uuid"]))
	dup := false
	c.s.tbl(ResMarketplaceInstallations).each(func(r map[string]any) bool {
		dup = fmtVal(r["integration_uuid"]) == uuid
		return !dup
	})
	if dup {
		return invalid("integration_uuid", "has already been taken")
	}
	return nil
}

// documentDownloadURLs answers a temporary link per document asked for,
// in the order asked. Every document must exist (404 naming the first
// that does not); whoever may read a document (GetDocument) may link it.
func (c *call) documentDownloadURLs() {
	c.locked(readLock, func() *apiError {
		docs, aerr := c.recordsByIDs(ResDocuments, listOf(c.in["ids"]))
		if aerr != nil {
			return aerr
		}
		out := make([]map[string]any, 0, len(docs))
		for _, doc := range docs {
			id := intOr(doc["id"])
			name := fmtVal(doc["filename"])
			if name == "" {
				name = "document-" + strconv.Itoa(id)
			}
			out = append(out, map[string]any{"id": id,
				"url": "https://sandbox.factorial.test/downloads/documents/" + strconv.Itoa(id) + "/" + url.PathEscape(name) + "?expires_in=300"})
		}
		c.respondList(out)
		return nil
	})
}
