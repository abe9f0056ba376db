package sandbox

import (
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"
)

func init() { areaWalks["misc"] = walkMisc }

// walkMisc is the part of TestDatedEveryOperationAnswers2xx for the smaller
// namespaces: IT management, custom tables, bookkeepers, approvals,
// integrations, marketplace and documents' download links.
func walkMisc(t *testing.T, e *env, ok okFunc) {
	basic := strconv.Itoa(DemoBasicID)

	ok("GET", "/it_management/it_asset_models", nil)
	model := idOf(t, ok("POST", "/it_management/it_asset_models", map[string]any{"type_name": "screen", "brand": "Dell", "name": "U2723QE"}))
	ok("GET", "/it_management/it_asset_models/"+model, nil)
	ok("PUT", "/it_management/it_asset_models/"+model, map[string]any{"id": model, "type_name": "screen", "brand": "Dell", "name": "U2724D"})
	ok("GET", "/it_management/it_assets", nil)
	asset := idOf(t, ok("POST", "/it_management/it_assets", map[string]any{"it_asset_model_id": model, "serial_number": "CN-0ABC",
		"owner_id": basic, "purchase_date": "2024-01-15", "purchase_price_cents": 59900, "currency": "EUR"}))
	ok("GET", "/it_management/it_assets/"+asset, nil)
	ok("PUT", "/it_management/it_assets/"+asset, map[string]any{"id": asset, "status": "maintenance", "notes": "Flickers"})
	ok("DELETE", "/it_management/it_assets/"+asset, nil)

	ok("GET", "/custom_resources/schemas", nil)
	schema := idOf(t, ok("POST", "/custom_resources/schemas", map[string]any{"name": "Company offsite", "company_id": "1", "hidden": false}))
	ok("GET", "/custom_resources/schemas/"+schema, nil)
	ok("GET", "/custom_resources/values", nil)
	val := ok("POST", "/custom_resources/values", map[string]any{"schema_id": schema, "employee_id": basic, "field_id": "2", "value": "Vegetarian"})
	ok("GET", "/custom_resources/values/"+idOf(t, val), nil)
	ok("GET", "/custom_resources/resources", nil)
	row, _ := val["resource_id"].(string)
	ok("GET", "/custom_resources/resources/"+row, nil)

	ok("GET", "/bookkeepers_management/incidences", nil)
	ok("GET", "/bookkeepers_management/incidences/1", nil)
	ok("PUT", "/bookkeepers_management/incidences/1", map[string]any{"id": "1", "status": "doing", "mark_as_read": true})

	ok("POST", "/approvals/materialized_approvals_flows/approve_resource", map[string]any{"resource_type": "Timeoff::Leave", "resource_id": "1"})
	e.s.mu.Lock()
	e.s.tbl(ResApprovalFlows).recs[1]["status"] = "running"
	e.s.mu.Unlock()
	ok("POST", "/approvals/materialized_approvals_flows/reject_resource", map[string]any{"resource_type": "Timeoff::Leave", "resource_id": "1", "reason": "Team offsite"})

	ok("GET", "/integrations/syncable_items?sync_run_id=7", nil)
	ok("PUT", "/integrations/syncable_sync_runs/1", map[string]any{"id": "1", "status": "success"})
	ok("POST", "/integrations/sync_run_outputs", multipartOf(t, map[string][]string{"sync_run_id": {"7"}}, "file", "run-7.csv"))

	ok("POST", "/marketplace/installations", map[string]any{"company_id": "1", "integration_uuid": "123e4567-e89b-12d3-a456-426614174000"})
	ok("GET", "/marketplace/installation_settings?company_id=1&integration_id=Y0h_Sh7pRxCWpl0DySn_uQ", nil)

	docs, _ := e.dated("GET", "/documents/documents", "key:"+tokKey, nil).page(t)
	if len(docs) == 0 {
		t.Fatal("no document to link")
	}
	ok("POST", "/documents/download_urls/bulk_create", map[string]any{"ids": []string{idOf(t, docs[0])}})
}

// TestDatedITAssets: a new asset is assigned when it has a holder and in
// stock otherwise, needs an existing model, filters by its model's kind,
// accepts only the four states and reads as missing once deleted.
func TestDatedITAssets(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	r := e.dated("POST", "/it_management/it_assets", key, map[string]any{"it_asset_model_id": "2", "serial_number": "GPX9-1"})
	if r.status != 201 || r.obj(t)["status"] != "in_stock" || r.obj(t)["company_id"] != "1" {
		t.Fatalf("create without holder: %d %s", r.status, r.body)
	}
	spare := idOf(t, r.obj(t))
	r = e.dated("POST", "/it_management/it_assets", key, map[string]any{"it_asset_model_id": "1", "serial_number": "C02-2", "owner_id": strconv.Itoa(DemoManagerID)})
	if r.status != 201 || r.obj(t)["status"] != "assigned" {
		t.Fatalf("create with holder: %d %s", r.status, r.body)
	}
	for _, tc := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"it_asset_model_id": "99", "serial_number": "X"}, "The IT asset model does not exist"},
		{map[string]any{"it_asset_model_id": "1", "serial_number": "X", "owner_id": "987654"}, "Owner does not exist"},
		{map[string]any{"it_asset_model_id": "1", "serial_number": "X", "workplace_id": "987654"}, "Workplace does not exist"},
	} {
		r := e.dated("POST", "/it_management/it_assets", key, tc.body)
		if r.status != 422 || !strings.Contains(string(r.body), tc.field) {
			t.Errorf("create %v: %d %s, want 422 %q", tc.body, r.status, r.body, tc.field)
		}
	}
	if r := e.dated("PUT", "/it_management/it_assets/"+spare, key, map[string]any{"id": spare, "status": "lost"}); r.status != 422 {
		t.Errorf("unknown status: %d %s", r.status, r.body)
	}
	r = e.dated("GET", "/it_management/it_assets?type_names%5B%5D=phone", key, nil)
	if got := idsOf(t, r); !slices.Equal(got, []string{"2", spare}) {
		t.Errorf("phones: %v", got)
	}
	if got := idsOf(t, e.dated("GET", "/it_management/it_assets?owner_ids%5B%5D="+strconv.Itoa(DemoBasicID), key, nil)); !slices.Equal(got, []string{"1"}) {
		t.Errorf("held by the basic employee: %v", got)
	}
	r = e.dated("DELETE", "/it_management/it_assets/"+spare, key, nil)
	if r.status != 200 || r.obj(t)["discarded_at"] == nil {
		t.Fatalf("delete: %d %s", r.status, r.body)
	}
	if r := e.dated("GET", "/it_management/it_assets/"+spare, key, nil); r.status != 404 {
		t.Errorf("read after delete: %d", r.status)
	}
	if r := e.dated("POST", "/it_management/it_asset_models", key, map[string]any{"type_name": "toaster", "brand": "X", "name": "Y"}); r.status != 422 {
		t.Errorf("model of an unknown kind: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/it_management/it_assets", tokBasic, map[string]any{"it_asset_model_id": "1", "serial_number": "Z"}); r.status != 403 {
		t.Errorf("basic user creating an asset: %d %s", r.status, r.body)
	}
}

// TestDatedCustomResourceValues: a cell goes into a new row of the table
// for the employee, or into a row given that belongs to both; the table,
// employee and column must exist; rows and cells filter by employee.
func TestDatedCustomResourceValues(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	basic, mgr := strconv.Itoa(DemoBasicID), strconv.Itoa(DemoManagerID)
	r := e.dated("POST", "/custom_resources/values", key, map[string]any{"schema_id": "1", "employee_id": mgr, "field_id": "2", "value": "ThinkPad"})
	if r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	v := r.obj(t)
	if v["resource_id"] == "1" || v["attachable_id"] != mgr {
		t.Errorf("a cell without a row goes into a new row of the manager: %v", v)
	}
	r = e.dated("GET", "/custom_resources/resources/"+v["resource_id"].(string), key, nil)
	if o := r.obj(t); o["schema_id"] != "1" || o["attachable_type"] != "Employee" || o["attachable_id"] != mgr {
		t.Errorf("new row: %s", r.body)
	}
	r = e.dated("POST", "/custom_resources/values", key, map[string]any{"schema_id": "1", "employee_id": basic, "custom_resource_id": "1", "field_id": "2", "value": "Dock"})
	if r.status != 201 || r.obj(t)["resource_id"] != "1" {
		t.Errorf("cell in the basic employee's row: %d %s", r.status, r.body)
	}
	for _, tc := range []struct {
		body  map[string]any
		field string
	}{
		{map[string]any{"schema_id": "99", "employee_id": basic, "field_id": "2", "value": "x"}, "The custom table does not exist"},
		{map[string]any{"schema_id": "1", "employee_id": "987654", "field_id": "2", "value": "x"}, "The employee does not belong to the company"},
		{map[string]any{"schema_id": "1", "employee_id": basic, "field_id": "999", "value": "x"}, "The custom field does not exist"},
		{map[string]any{"schema_id": "1", "employee_id": mgr, "custom_resource_id": "1", "field_id": "2", "value": "x"}, "is not a row of this table for this employee"},
	} {
		r := e.dated("POST", "/custom_resources/values", key, tc.body)
		if r.status != 422 || !strings.Contains(string(r.body), tc.field) {
			t.Errorf("create %v: %d %s, want 422 %q", tc.body, r.status, r.body, tc.field)
		}
	}
	if got := idsOf(t, e.dated("GET", "/custom_resources/resources?employee_ids%5B%5D="+basic, key, nil)); !slices.Equal(got, []string{"1"}) {
		t.Errorf("rows of the basic employee: %v", got)
	}
	if got := idsOf(t, e.dated("GET", "/custom_resources/values?employee_ids%5B%5D="+mgr, key, nil)); len(got) != 1 || got[0] != v["id"] {
		t.Errorf("cells of the manager: %v", got)
	}
}

// TestDatedBookkeeperIncidences: the list's filters, the status values and
// mark_as_read.
func TestDatedBookkeeperIncidences(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	for q, want := range map[string][]string{
		"type%5B%5D=sick":                                 {"1"},
		"status%5B%5D=done":                               {"2"},
		"search=bruno":                                    {"2"},
		"contains_message=true":                           {"1"},
		"contains_message=false":                          {"2"},
		"legal_entities_ids%5B%5D=1":                      {"1", "2"},
		"legal_entities_ids%5B%5D=2":                      {},
		"employee_ids%5B%5D=" + strconv.Itoa(DemoBasicID): {"1"},
	} {
		if got := idsOf(t, e.dated("GET", "/bookkeepers_management/incidences?"+q, key, nil)); !slices.Equal(got, want) {
			t.Errorf("?%s: %v, want %v", q, got, want)
		}
	}
	r := e.dated("PUT", "/bookkeepers_management/incidences/1", key, map[string]any{"id": "1", "mark_as_read": true, "status": "done"})
	if o := r.obj(t); r.status != 200 || o["status"] != "done" || o["read_at"] == nil {
		t.Errorf("mark as read: %d %s", r.status, r.body)
	}
	if r := e.dated("PUT", "/bookkeepers_management/incidences/1", key, map[string]any{"id": "1", "status": "closed"}); r.status != 422 {
		t.Errorf("unknown status: %d %s", r.status, r.body)
	}
}

// TestDatedApprovalFlows: the running flow of a record is decided once;
// an unknown record is 404, a decided flow 422, and a user who is not an
// approver 403.
func TestDatedApprovalFlows(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	leave1 := map[string]any{"resource_type": "Timeoff::Leave", "resource_id": "1"}
	if r := e.dated("POST", "/approvals/materialized_approvals_flows/approve_resource", tokBasic, leave1); r.status != http.StatusForbidden {
		t.Errorf("not an approver: %d %s", r.status, r.body)
	}
	r := e.dated("POST", "/approvals/materialized_approvals_flows/reject_resource", tokManager, map[string]any{"resource_type": "Timeoff::Leave", "resource_id": "1", "reason": "Busy week"})
	if o := r.obj(t); r.status != 200 || o["status"] != "rejected" || o["reason"] != "Busy week" || o["final_decision_at"] == nil {
		t.Fatalf("approver rejects: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/approvals/materialized_approvals_flows/approve_resource", "key:"+tokKey, leave1); r.status != 422 {
		t.Errorf("deciding a rejected flow: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/approvals/materialized_approvals_flows/approve_resource", "key:"+tokKey, map[string]any{"resource_type": "Attendance::OvertimeRequest", "resource_id": "1"}); r.status != 404 {
		t.Errorf("no flow for the record: %d %s", r.status, r.body)
	}
}

// TestDatedIntegrationsAndMarketplace: the lists need their parameters
// (400), items filter by run, a sync record keeps its messages as key and
// value, an output needs a known run, an integration installs once.
func TestDatedIntegrationsAndMarketplace(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	if r := e.dated("GET", "/integrations/syncable_items", key, nil); r.status != 400 || !strings.Contains(string(r.body), "sync_run_id") {
		t.Errorf("items without sync_run_id: %d %s", r.status, r.body)
	}
	if data, _ := e.dated("GET", "/integrations/syncable_items?sync_run_id=7", key, nil).page(t); len(data) != 2 {
		t.Errorf("items of run 7: %d", len(data))
	}
	if data, _ := e.dated("GET", "/integrations/syncable_items?sync_run_id=8", key, nil).page(t); len(data) != 0 {
		t.Errorf("items of run 8: %d", len(data))
	}
	r := e.dated("PUT", "/integrations/syncable_sync_runs/2", key, map[string]any{"id": "2", "status": "failed",
		"error_messages": map[string]any{"sync_api_error": "Timeout"}})
	msgs, _ := r.obj(t)["error_messages"].([]any)
	if r.status != 200 || len(msgs) != 1 || msgs[0].(map[string]any)["key"] != "sync_api_error" {
		t.Errorf("failed item: %d %s", r.status, r.body)
	}
	r = e.dated("POST", "/integrations/sync_run_outputs", key, multipartOf(t, map[string][]string{"sync_run_id": {"7"}}, "file", "out.csv"))
	if r.status != 201 || r.obj(t)["file_name"] != "out.csv" {
		t.Errorf("output: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/integrations/sync_run_outputs", key, multipartOf(t, map[string][]string{"sync_run_id": {"99"}}, "file", "out.csv")); r.status != 422 {
		t.Errorf("output of an unknown run: %d %s", r.status, r.body)
	}
	for _, q := range []string{"", "?company_id=1", "?integration_id=Y0h_Sh7pRxCWpl0DySn_uQ"} {
		if r := e.dated("GET", "/marketplace/installation_settings"+q, key, nil); r.status != 400 {
			t.Errorf("settings%s: %d %s, want 400", q, r.status, r.body)
		}
	}
	if data, _ := e.dated("GET", "/marketplace/installation_settings?company_id=1&integration_id=other", key, nil).page(t); len(data) != 0 {
		t.Errorf("settings of another integration: %d", len(data))
	}
	inst := map[string]any{"company_id": "1", "integration_uuid": "9f1c2d3e-0000-4000-8000-000000000001"}
	if r := e.dated("POST", "/marketplace/installations", key, inst); r.status != 201 {
		t.Fatalf("install: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/marketplace/installations", key, inst); r.status != 422 {
		t.Errorf("second install: %d %s", r.status, r.body)
	}
}

// TestDatedDocumentDownloadURLs: one link per document, in the order
// asked; an unknown document is 404.
func TestDatedDocumentDownloadURLs(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	docs, _ := e.dated("GET", "/documents/documents", key, nil).page(t)
	if len(docs) == 0 {
		t.Fatal("no document seeded")
	}
	up := e.dated("POST", "/documents/documents", key, multipartOf(t, map[string][]string{"public": {"false"}, "space": {"company_internal"},
		"is_pending_assignment": {"false"}, "author_id": {"1"}, "company_id": {"1"}, "request_esignature": {"false"}}, "file", "policy.pdf"))
	if up.status != 201 {
		t.Fatalf("upload: %d %s", up.status, up.body)
	}
	a, b := idOf(t, docs[0]), idOf(t, up.obj(t))
	r := e.dated("POST", "/documents/download_urls/bulk_create", key, map[string]any{"ids": []string{b, a}})
	links := r.list(t)
	if r.status != 200 || len(links) != 2 {
		t.Fatalf("links: %d %s", r.status, r.body)
	}
	first := links[0].(map[string]any)
	if first["id"] != b || !strings.Contains(first["url"].(string), "/documents/"+b+"/") {
		t.Errorf("first link: %v", first)
	}
	if r := e.dated("POST", "/documents/download_urls/bulk_create", key, map[string]any{"ids": []string{a, "987654"}}); r.status != 404 {
		t.Errorf("unknown document: %d %s", r.status, r.body)
	}
}

// TestDatedMiscEvents: a custom table's creation and an incidence's update
// reach their subscribers with the record as payload.
func TestDatedMiscEvents(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	schemas, incidences := newReceiver(t), newReceiver(t)
	e.subscribe("custom_resources/schema/create", schemas.srv.URL, "s", true)
	e.subscribe("bookkeepers_management/incidence/update", incidences.srv.URL, "i", true)
	if r := e.dated("POST", "/custom_resources/schemas", key, map[string]any{"name": "Bikes", "company_id": "1", "hidden": true}); r.status != 201 {
		t.Fatalf("schema: %d %s", r.status, r.body)
	}
	if r := e.dated("PUT", "/bookkeepers_management/incidences/2", key, map[string]any{"id": "2", "status": "discarded"}); r.status != 200 {
		t.Fatalf("incidence: %d %s", r.status, r.body)
	}
	e.waitWebhooks()
	if schemas.count() != 1 || incidences.count() != 1 {
		t.Fatalf("deliveries: %d schema, %d incidence", schemas.count(), incidences.count())
	}
	if _, b := schemas.at(0); !strings.Contains(string(b), `"name":"Bikes"`) || !strings.Contains(string(b), `"hidden":true`) {
		t.Errorf("schema payload %s", b)
	}
	if _, b := incidences.at(0); !strings.Contains(string(b), `"status":"discarded"`) || !strings.Contains(string(b), `"id":"2"`) {
		t.Errorf("incidence payload %s", b)
	}
}
