package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/resources"
)

// Procurement: purchase requests, purchase orders and procurement types
// (read-only).

const purchaseOrderJSON = `{"id":"678432","po_number":2131,"formatted_po_number":"PO-02131","description":"Office supplies for Q1",` +
	`"status":"ordered","cost":{"cents":10000,"currency":"EUR"},"date":"2026-01-15","vendor_id":"9012",` +
	`"purchase_request_id":"5678","legal_entity_id":"3456","company_id":"1"}`

const purchaseRequestJSON = `{"id":"5678","description":"Office supplies request","type_id":"12","company_id":"1",` +
	`"cost":{"cents":10000,"currency":"EUR"},"date":"2026-01-10","requester_employee_id":"20","vendor_id":null,` +
	`"status":"approved","url":"https://example.com/product","additional_information":"Urgent","deadline":"2026-02-15"}`

const procurementTypeJSON = `{"id":"12","author_id":null,"company_id":"1","name":"Software Purchase","description":"Licences",` +
	`"enabled":true,"identifier":"software_license","created_at":"2026-01-01T00:00:00Z","updated_at":"2026-01-02T00:00:00Z"}`

func TestListPurchaseOrders(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/procurement/purchase_orders", status: 200, body: page(onePage(1), purchaseOrderJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"purchase_request_ids[]": {"5678"}, "status": {"ordered"}, "vendor_ids[]": {"9012"}})
		},
	})
	all, err := c.Procurement.ListPurchaseOrders(t.Context(), &resources.ListPurchaseOrdersParams{
		PurchaseRequestIDs: []string{"5678"}, Status: ptr(resources.PurchaseOrderStatusOrdered), VendorIDs: []string{"9012"},
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d orders, want 1", len(all))
	}
	o := all[0]
	eq(t, "ID", o.ID, "678432")
	is(t, "PoNumber", o.PoNumber, 2131)
	is(t, "FormattedPoNumber", o.FormattedPoNumber, "PO-02131")
	is(t, "Status", o.Status, resources.PurchaseOrderStatusOrdered)
	day(t, "Date", o.Date, "2026-01-15")
	if o.Cost["cents"] != float64(10000) || o.Cost["currency"] != "EUR" {
		t.Errorf("Cost = %v", o.Cost)
	}
}

func TestGetPurchaseOrder(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/procurement/purchase_orders/678432", status: 200, body: purchaseOrderJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	o, err := c.Procurement.GetPurchaseOrder(t.Context(), "678432")
	must(t, err)
	is(t, "PurchaseRequestID", o.PurchaseRequestID, "5678")
	is(t, "VendorID", o.VendorID, "9012")
}

func TestListPurchaseRequests(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/procurement/purchase_requests", status: 200, body: page(onePage(1), purchaseRequestJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"requester_employee_ids[]": {"20"}, "type_ids[]": {"12"}, "status": {"approved"}})
		},
	})
	all, err := c.Procurement.ListPurchaseRequests(t.Context(), &resources.ListPurchaseRequestsParams{
		RequesterEmployeeIDs: []string{"20"}, TypeIDs: []string{"12"}, Status: ptr(resources.PurchaseRequestStatusApproved),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d requests, want 1", len(all))
	}
	is(t, "Status", all[0].Status, resources.PurchaseRequestStatusApproved)
	day(t, "Deadline", all[0].Deadline, "2026-02-15")
	null(t, "VendorID", all[0].VendorID)
}

func TestGetPurchaseRequest(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/procurement/purchase_requests/5678", status: 200, body: purchaseRequestJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	p, err := c.Procurement.GetPurchaseRequest(t.Context(), "5678")
	must(t, err)
	is(t, "TypeID", p.TypeID, "12")
	is(t, "URL", p.URL, "https://example.com/product")
}

func TestListProcurementTypes(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/procurement/types", status: 200, body: page(onePage(1), procurementTypeJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ids[]": {"12"}})
		},
	})
	all, err := c.Procurement.ListTypes(t.Context(), &resources.ListProcurementTypesParams{IDs: []string{"12"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d types, want 1", len(all))
	}
	is(t, "Identifier", all[0].Identifier, "software_license")
	null(t, "AuthorID", all[0].AuthorID)
	at(t, "CreatedAt", all[0].CreatedAt, "2026-01-01T00:00:00Z")
}

func TestGetProcurementType(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/procurement/types/12", status: 200, body: procurementTypeJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	p, err := c.Procurement.GetType(t.Context(), "12")
	must(t, err)
	is(t, "Name", p.Name, "Software Purchase")
	is(t, "Enabled", p.Enabled, true)
}
