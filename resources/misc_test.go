package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/factorial-go/factorial/resources"
)

// The smaller namespaces: IT management, custom tables, bookkeepers,
// approvals, integrations, marketplace and documents' download links.

const itAssetJSON = `{"id":"0199e6ea-20c0-73d3-9782-8267dc96773a","company_id":"1","it_asset_model_id":"0199e6ea-1111",` +
	`"serial_number":"C02ZK1XXMD6M","status":"assigned","owner_id":"1003","location_id":null,"workplace_id":"1","team_id":null,` +
	`"purchase_date":"2024-01-15","purchase_price_cents":249900,"currency":"EUR","warranty_end_date":"2027-01-15",` +
	`"label":"BEA-LAPTOP","notes":null,"created_at":"2024-01-20T18:05:45Z","updated_at":"2024-01-20T18:05:45Z","discarded_at":null}`

const itAssetModelJSON = `{"id":"0199e6ea-1111","type_name":"laptop","company_id":"1","brand":"Apple","name":"MacBook Pro",` +
	`"created_at":"2024-01-20T18:05:45Z","updated_at":"2024-01-20T18:05:45Z"}`

func checkITAsset(t *testing.T, a resources.ITAsset) {
	t.Helper()
	eq(t, "ID", a.ID, "0199e6ea-20c0-73d3-9782-8267dc96773a")
	is(t, "ItAssetModelID", a.ItAssetModelID, "0199e6ea-1111")
	is(t, "Status", a.Status, "assigned")
	is(t, "OwnerID", a.OwnerID, "1003")
	null(t, "LocationID", a.LocationID)
	day(t, "PurchaseDate", a.PurchaseDate, "2024-01-15")
	is(t, "PurchasePriceCents", a.PurchasePriceCents, 249900)
	at(t, "CreatedAt", a.CreatedAt, "2024-01-20T18:05:45Z")
	null(t, "DiscardedAt", a.DiscardedAt)
}

func TestListITAssets(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/it_management/it_assets", status: 200, body: page(onePage(1), itAssetJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"type_names[]": {"laptop"}, "owner_ids[]": {"1003"}, "serial_numbers[]": {"C02ZK1XXMD6M"}})
		},
	})
	all, err := c.ITManagement.ListAssets(t.Context(), &resources.ListITAssetsParams{
		TypeNames: []string{"laptop"}, OwnerIDs: []string{"1003"}, SerialNumbers: []string{"C02ZK1XXMD6M"},
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d assets", len(all))
	}
	checkITAsset(t, all[0])
}

func TestCreateITAsset(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/it_management/it_assets", status: 201, body: itAssetJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"it_asset_model_id":"0199e6ea-1111","serial_number":"C02ZK1XXMD6M","owner_id":"1003",`+
				`"purchase_date":"2024-01-15","purchase_price_cents":249900}`)
		},
	})
	a, err := c.ITManagement.CreateAsset(t.Context(), resources.ITAssetCreate{ItAssetModelID: "0199e6ea-1111",
		SerialNumber: "C02ZK1XXMD6M", OwnerID: ptr("1003"), PurchaseDate: datep("2024-01-15"), PurchasePriceCents: ptr(249900)})
	must(t, err)
	checkITAsset(t, a)
}

func TestGetITAsset(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/it_management/it_assets/0199e6ea-20c0-73d3-9782-8267dc96773a", status: 200, body: itAssetJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	a, err := c.ITManagement.GetAsset(t.Context(), "0199e6ea-20c0-73d3-9782-8267dc96773a")
	must(t, err)
	checkITAsset(t, a)
}

func TestUpdateITAsset(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/it_management/it_assets/0199e6ea-20c0-73d3-9782-8267dc96773a", status: 200, body: itAssetJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"0199e6ea-20c0-73d3-9782-8267dc96773a","status":"maintenance","notes":"Flickers"}`)
		},
	})
	_, err := c.ITManagement.UpdateAsset(t.Context(), "0199e6ea-20c0-73d3-9782-8267dc96773a", resources.ITAssetUpdate{
		ID: "0199e6ea-20c0-73d3-9782-8267dc96773a", Status: ptr("maintenance"), Notes: ptr("Flickers")})
	must(t, err)
}

func TestDeleteITAsset(t *testing.T) {
	deleted := `{"id":"7","company_id":"1","it_asset_model_id":"2","serial_number":"X","status":"retired",` +
		`"created_at":"2024-01-20T18:05:45Z","updated_at":"2024-01-20T18:05:45Z","discarded_at":"2024-02-01T10:00:00Z"}`
	c := one(t, exchange{
		method: http.MethodDelete, path: "/it_management/it_assets/7", status: 200, body: deleted,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	a, err := c.ITManagement.DeleteAsset(t.Context(), "7")
	must(t, err)
	at(t, "DiscardedAt", a.DiscardedAt, "2024-02-01T10:00:00Z")
}

func TestITAssetModels(t *testing.T) {
	c, f := newClient(t,
		exchange{method: http.MethodGet, path: "/it_management/it_asset_models", status: 200, body: page(onePage(1), itAssetModelJSON),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantQuery(t, r, url.Values{"ids[]": {"0199e6ea-1111"}})
			}},
		exchange{method: http.MethodPost, path: "/it_management/it_asset_models", status: 201, body: itAssetModelJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"type_name":"laptop","brand":"Apple","name":"MacBook Pro"}`)
			}},
		exchange{method: http.MethodGet, path: "/it_management/it_asset_models/0199e6ea-1111", status: 200, body: itAssetModelJSON},
		exchange{method: http.MethodPut, path: "/it_management/it_asset_models/0199e6ea-1111", status: 200, body: itAssetModelJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"id":"0199e6ea-1111","type_name":"laptop","brand":"Apple","name":"MacBook Pro"}`)
			}},
	)
	all, err := c.ITManagement.ListAssetModels(t.Context(), &resources.ListITAssetModelsParams{IDs: []string{"0199e6ea-1111"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d models", len(all))
	}
	is(t, "TypeName", all[0].TypeName, "laptop")
	m, err := c.ITManagement.CreateAssetModel(t.Context(), resources.ITAssetModelCreate{TypeName: "laptop", Brand: "Apple", Name: "MacBook Pro"})
	must(t, err)
	is(t, "Brand", m.Brand, "Apple")
	m, err = c.ITManagement.GetAssetModel(t.Context(), "0199e6ea-1111")
	must(t, err)
	is(t, "Name", m.Name, "MacBook Pro")
	_, err = c.ITManagement.UpdateAssetModel(t.Context(), "0199e6ea-1111", resources.ITAssetModelUpdate{ID: "0199e6ea-1111", TypeName: "laptop", Brand: "Apple", Name: "MacBook Pro"})
	must(t, err)
	eq(t, "served", f.served(), 4)
}

func TestCustomResources(t *testing.T) {
	const row = `{"id":"11","schema_id":"2","attachable_type":"Employee","attachable_id":"1003"}`
	const schema = `{"id":"2","name":"Company offsite","company_id":"1","hidden":false,"position":1}`
	const value = `{"id":"31","resource_id":"11","attachable_id":"1003"}`
	c, f := newClient(t,
		exchange{method: http.MethodGet, path: "/custom_resources/resources", status: 200, body: page(onePage(1), row),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantQuery(t, r, url.Values{"employee_ids[]": {"1003"}})
			}},
		exchange{method: http.MethodGet, path: "/custom_resources/resources/11", status: 200, body: row},
		exchange{method: http.MethodGet, path: "/custom_resources/schemas", status: 200, body: page(onePage(1), schema)},
		exchange{method: http.MethodPost, path: "/custom_resources/schemas", status: 201, body: schema,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"name":"Company offsite","company_id":"1","hidden":false,"usage_group_slug":"company_offsite"}`)
			}},
		exchange{method: http.MethodGet, path: "/custom_resources/schemas/2", status: 200, body: schema},
		exchange{method: http.MethodGet, path: "/custom_resources/values", status: 200, body: page(onePage(1), value),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantQuery(t, r, url.Values{"ids[]": {"31"}})
			}},
		exchange{method: http.MethodPost, path: "/custom_resources/values", status: 201, body: value,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"schema_id":"2","employee_id":"1003","custom_resource_id":"11","field_id":"5","value":"Vegetarian"}`)
			}},
		exchange{method: http.MethodGet, path: "/custom_resources/values/31", status: 200, body: value},
	)
	rows, err := c.CustomResources.List(t.Context(), &resources.ListCustomResourcesParams{EmployeeIDs: []string{"1003"}})
	must(t, err)
	if len(rows) != 1 {
		t.Fatalf("%d rows", len(rows))
	}
	is(t, "AttachableType", rows[0].AttachableType, "Employee")
	r, err := c.CustomResources.Get(t.Context(), "11")
	must(t, err)
	is(t, "SchemaID", r.SchemaID, "2")
	schemas, err := c.CustomResources.ListSchemas(t.Context(), nil)
	must(t, err)
	is(t, "Hidden", schemas[0].Hidden, false)
	s, err := c.CustomResources.CreateSchema(t.Context(), resources.CustomResourceSchemaCreate{Name: "Company offsite", CompanyID: "1",
		UsageGroupSlug: ptr("company_offsite")})
	must(t, err)
	is(t, "Position", s.Position, 1)
	s, err = c.CustomResources.GetSchema(t.Context(), "2")
	must(t, err)
	is(t, "Name", s.Name, "Company offsite")
	vals, err := c.CustomResources.ListValues(t.Context(), &resources.ListCustomResourceValuesParams{IDs: []string{"31"}})
	must(t, err)
	is(t, "ResourceID", vals[0].ResourceID, "11")
	v, err := c.CustomResources.CreateValue(t.Context(), resources.CustomResourceValueCreate{SchemaID: "2", EmployeeID: "1003",
		CustomResourceID: ptr("11"), FieldID: "5", Value: "Vegetarian"})
	must(t, err)
	is(t, "AttachableID", v.AttachableID, "1003")
	v, err = c.CustomResources.GetValue(t.Context(), "31")
	must(t, err)
	eq(t, "ID", v.ID, "31")
	eq(t, "served", f.served(), 8)
}

func TestBookkeeperIncidences(t *testing.T) {
	const inc = `{"id":"1","employee_id":"1003","legal_entity_id":"1","name":"sick","custom_name":null,"target_id":"51",` +
		`"target_type":"Timeoff::Leave","starts_on":"2024-02-26","ends_on":"2024-02-28","read_at":null,"status":"to-do",` +
		`"company_id":"1","message_from":"admin","has_message":true,"created_at":"2024-02-26T09:00:00Z","is_reopened":false,` +
		`"legal_entity_name":"Acme Labs S.L.","employee_first_name":"Bea","employee_last_name":"Basic"}`
	c, f := newClient(t,
		exchange{method: http.MethodGet, path: "/bookkeepers_management/incidences", status: 200, body: page(onePage(1), inc),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantQuery(t, r, url.Values{"status[]": {"to-do", "doing"}, "type[]": {"sick"}, "starts_on": {"2024-02-01"},
					"contains_message": {"true"}, "legal_entities_ids[]": {"1"}})
			}},
		exchange{method: http.MethodGet, path: "/bookkeepers_management/incidences/1", status: 200, body: inc},
		exchange{method: http.MethodPut, path: "/bookkeepers_management/incidences/1", status: 200, body: inc,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"id":"1","status":"doing","mark_as_read":true}`)
			}},
	)
	all, err := c.Bookkeepers.ListIncidences(t.Context(), &resources.ListBookkeeperIncidencesParams{Status: []string{"to-do", "doing"},
		Type: []string{"sick"}, StartsOn: datep("2024-02-01"), ContainsMessage: ptr(true), LegalEntitiesIDs: []string{"1"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d incidences", len(all))
	}
	is(t, "TargetType", all[0].TargetType, "Timeoff::Leave")
	day(t, "EndsOn", all[0].EndsOn, "2024-02-28")
	null(t, "ReadAt", all[0].ReadAt)
	i, err := c.Bookkeepers.GetIncidence(t.Context(), "1")
	must(t, err)
	is(t, "EmployeeFirstName", i.EmployeeFirstName, "Bea")
	_, err = c.Bookkeepers.UpdateIncidence(t.Context(), "1", resources.BookkeeperIncidenceUpdate{ID: "1", Status: ptr("doing"), MarkAsRead: ptr(true)})
	must(t, err)
	eq(t, "served", f.served(), 3)
}

func TestApprovalFlows(t *testing.T) {
	flow := func(status, reason string) string {
		return `{"id":"5","author_id":"3","author_employee_id":"1003","owner_id":"3","owner_employee_id":"1003",` +
			`"resource_type":"Timeoff::Leave","resource_id":"51","resource_url":"https://app.factorialhr.com/time_off/leaves/51",` +
			`"status":"` + status + `","expires_at":"2024-03-18T09:00:00Z","final_decision_at":"2024-03-05T10:00:00Z",` +
			`"approval_flow_id":"1","approvers":[{"step":1,"employee_id":1002}],"email_detail_blocks":["Vacation"],` +
			`"reason":` + reason + `}`
	}
	c, f := newClient(t,
		exchange{method: http.MethodPost, path: "/approvals/materialized_approvals_flows/approve_resource", status: 200, body: flow("approved", "null"),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"resource_id":"51","resource_type":"Timeoff::Leave"}`)
			}},
		exchange{method: http.MethodPost, path: "/approvals/materialized_approvals_flows/reject_resource", status: 200, body: flow("rejected", `"Busy week"`),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"resource_id":"51","resource_type":"Timeoff::Leave","reason":"Busy week"}`)
			}},
	)
	a, err := c.Approvals.ApproveByResource(t.Context(), resources.ApproveApprovalFlowByResourceInput{ResourceID: "51", ResourceType: "Timeoff::Leave"})
	must(t, err)
	is(t, "Status", a.Status, resources.ApprovalFlowStatusApproved)
	null(t, "Reason", a.Reason)
	if len(a.Approvers) != 1 || a.Approvers[0]["employee_id"] != float64(1002) {
		t.Errorf("approvers %v", a.Approvers)
	}
	r, err := c.Approvals.RejectByResource(t.Context(), resources.RejectApprovalFlowByResourceInput{ResourceID: "51", ResourceType: "Timeoff::Leave", Reason: ptr("Busy week")})
	must(t, err)
	is(t, "Status", r.Status, resources.ApprovalFlowStatusRejected)
	is(t, "Reason", r.Reason, "Busy week")
	eq(t, "served", f.served(), 2)
}

func TestIntegrations(t *testing.T) {
	const csv = "employee_id,amount\n1003,7500\n"
	const item = `{"syncable_sync_run_id":"1","syncable_type":"compensations/compensation",` +
		`"sync_payload":{"employee_id":1003,"amount":7500,"unit":"money"}}`
	const run = `{"id":"1","status":"failed","error_messages":[{"key":"sync_api_error","value":"Timeout"}],"sync_run_id":"7","company_id":"1"}`
	c, f := newClient(t,
		exchange{method: http.MethodPost, path: "/integrations/sync_run_outputs", status: 201,
			body: `{"id":"3","sync_run_id":"7","file_name":"run-7.csv","created_at":"2024-03-04T09:00:00Z"}`,
			check: func(t testing.TB, r *http.Request, body []byte) {
				parts := readMultipart(t, r, body)
				wantFile(t, parts, "file", "run-7.csv", "text/csv; charset=utf-8", csv)
				wantFields(t, parts, map[string][]string{"sync_run_id": {"7"}})
			}},
		exchange{method: http.MethodGet, path: "/integrations/syncable_items", status: 200, body: page(onePage(1), item),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantQuery(t, r, url.Values{"sync_run_id": {"7"}})
			}},
		exchange{method: http.MethodPut, path: "/integrations/syncable_sync_runs/1", status: 200, body: run,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"id":"1","status":"failed","error_messages":{"sync_api_error":"Timeout"}}`)
			}},
	)
	var file openapi_types.File
	file.InitFromBytes([]byte(csv), "run-7.csv")
	out, err := c.Integrations.CreateSyncRunOutput(t.Context(), resources.IntegrationSyncRunOutputCreate{SyncRunID: "7", File: file})
	must(t, err)
	is(t, "FileName", out.FileName, "run-7.csv")
	items, err := c.Integrations.ListSyncableItems(t.Context(), &resources.ListIntegrationSyncableItemsParams{SyncRunID: ptr("7")})
	must(t, err)
	if len(items) != 1 || items[0].SyncPayload["amount"] != float64(7500) {
		t.Fatalf("items %v", items)
	}
	is(t, "SyncableType", items[0].SyncableType, resources.IntegrationSyncableTypeCompensationsCompensation)
	sr, err := c.Integrations.UpdateSyncableSyncRun(t.Context(), "1", resources.IntegrationSyncableSyncRunUpdate{ID: "1",
		Status: resources.IntegrationSyncStatusFailed, ErrorMessages: map[string]string{"sync_api_error": "Timeout"}})
	must(t, err)
	is(t, "Status", sr.Status, resources.IntegrationSyncStatusFailed)
	if len(sr.ErrorMessages) != 1 || sr.ErrorMessages[0]["value"] != "Timeout" {
		t.Errorf("messages %v", sr.ErrorMessages)
	}
	eq(t, "served", f.served(), 3)
}

func TestMarketplace(t *testing.T) {
	const settings = `{"leave_types":[{"id":"holidays","value":"VAC"}],"file_numbers":[{"legal_entity_id":"1","value":"123456"}],` +
		`"establishment_codes":[{"location_id":"1","value":"0001"}],"timeoff_allowance_code":[]}`
	c, f := newClient(t,
		exchange{method: http.MethodPost, path: "/marketplace/installations", status: 201,
			body: `{"id":"9","integration_uuid":"123e4567-e89b-12d3-a456-426614174000","company_id":"1","created_at":"2024-03-04T09:00:00Z"}`,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"company_id":"1","integration_uuid":"123e4567-e89b-12d3-a456-426614174000"}`)
			}},
		exchange{method: http.MethodGet, path: "/marketplace/installation_settings", status: 200, body: page(onePage(1), settings),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantQuery(t, r, url.Values{"company_id": {"1"}, "integration_id": {"Y0h_Sh7pRxCWpl0DySn_uQ"}})
			}},
	)
	inst, err := c.Marketplace.CreateInstallation(t.Context(), resources.MarketplaceInstallationCreate{CompanyID: "1",
		IntegrationUUID: "123e4567-e89b-12d3-a456-426614174000"})
	must(t, err)
	at(t, "CreatedAt", inst.CreatedAt, "2024-03-04T09:00:00Z")
	all, err := c.Marketplace.ListInstallationSettings(t.Context(), &resources.ListMarketplaceInstallationSettingsParams{
		CompanyID: ptr("1"), IntegrationID: ptr("Y0h_Sh7pRxCWpl0DySn_uQ")})
	must(t, err)
	if len(all) != 1 || len(all[0].LeaveTypes) != 1 || all[0].LeaveTypes[0]["value"] != "VAC" || len(all[0].TimeoffAllowanceCode) != 0 {
		t.Errorf("settings %+v", all)
	}
	eq(t, "served", f.served(), 2)
}

func TestCreateDocumentDownloadURLs(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/documents/download_urls/bulk_create", status: 200,
		body:  `[{"id":"4","url":"https://files.example/4.pdf?sig=a"},{"id":"9","url":"https://files.example/9.pdf?sig=b"}]`,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"ids":["4","9"]}`) },
	})
	links, err := c.Documents.CreateDownloadURLs(t.Context(), resources.CreateDocumentDownloadURLsInput{IDs: []string{"4", "9"}})
	must(t, err)
	if len(links) != 2 {
		t.Fatalf("%d links", len(links))
	}
	eq(t, "ID", links[1].ID, "9")
	is(t, "URL", links[1].URL, "https://files.example/9.pdf?sig=b")
}
