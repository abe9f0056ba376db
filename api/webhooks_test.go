package api_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// Webhook, Webhook_v2 and Event shapes: v1 subscriptions are keyed by a
// snake_case type, v2 ones by an event class.
const (
	webhookV2JSON      = `{"id":61,"subscription_type":"Employees::Events::EmployeeCreated","name":"Alta en nómina externa","challenge":"c8f2e1d0a9b7","target_url":"https://hooks.acme-payroll.es/factorial/employees","company_id":1203}`
	webhookV2LeaveJSON = `{"id":62,"subscription_type":"Timeoff::Events::LeaveApproved","name":"Ausencias aprobadas","challenge":"5d4c3b2a1f0e","target_url":"https://hooks.acme-payroll.es/factorial/leaves","company_id":1203}`
	webhookJSON        = `{"id":17,"type":"employee_created","target_url":"https://hooks.acme-payroll.es/factorial/v1/employees","company_id":1203}`
)

func TestListWebhooksV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/core/webhooks", Status: 200,
		Body:  `[` + webhookV2JSON + `,` + webhookV2LeaveJSON + `]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) { noQuery(t, r) },
	}))
	res, err := c.ListWebhooksV2WithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, webhooks = %v", res.StatusCode(), res.JSON200)
	}
	w := (*res.JSON200)[1]
	if w.ID != 62 {
		t.Errorf("ID = %d, want 62", w.ID)
	}
	wantPtr(t, "SubscriptionType", w.SubscriptionType, "Timeoff::Events::LeaveApproved")
	wantPtr(t, "TargetURL", w.TargetURL, "https://hooks.acme-payroll.es/factorial/leaves")
	wantPtr(t, "CompanyID", w.CompanyID, 1203)
}

func TestListWebhooksV2_BasicUser(t *testing.T) {
	// Restricted payload: the subscription's name, secret and company
	// withheld.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/core/webhooks", Status: 200,
		Body: `[{"id":63,"subscription_type":"Payroll::Events::SupplementCreated","name":null,"challenge":null,"target_url":"https://n8n.example.org/webhook/factorial","company_id":null}]`,
	}))
	res, err := c.ListWebhooksV2WithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, webhooks = %v", res.StatusCode(), res.JSON200)
	}
	w := (*res.JSON200)[0]
	wantPtr(t, "SubscriptionType", w.SubscriptionType, "Payroll::Events::SupplementCreated")
	wantNil(t, "Name", w.Name)
	wantNil(t, "Challenge", w.Challenge)
	wantNil(t, "CompanyID", w.CompanyID)
}

func TestCreateWebhookV2(t *testing.T) {
	// The 2024 spec and another open-source client both read an array of
	// subscriptions here.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v2/core/webhooks", Status: 200,
		Body: `[` + webhookV2JSON + `]`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"subscription_type":"Employees::Events::EmployeeCreated","target_url":"https://hooks.acme-payroll.es/factorial/employees","name":"Alta en nómina externa","challenge":"c8f2e1d0a9b7"}`)
		},
	}))
	res, err := c.CreateWebhookV2WithResponse(context.Background(), api.WebhookV2Create{
		SubscriptionType: "Employees::Events::EmployeeCreated", TargetURL: "https://hooks.acme-payroll.es/factorial/employees",
		Name: apitest.Ptr("Alta en nómina externa"), Challenge: apitest.Ptr("c8f2e1d0a9b7"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, webhooks = %v", res.StatusCode(), res.JSON200)
	}
	w := (*res.JSON200)[0]
	if w.ID != 61 {
		t.Errorf("ID = %d, want 61", w.ID)
	}
	wantPtr(t, "Challenge", w.Challenge, "c8f2e1d0a9b7")
	wantPtr(t, "Name", w.Name, "Alta en nómina externa")
}

func TestUpdateWebhookV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v2/core/webhooks/61", Status: 200,
		Body: `{"id":61,"subscription_type":"Employees::Events::EmployeeCreated","name":"Alta en nómina externa","challenge":"c8f2e1d0a9b7","target_url":"https://hooks.acme-payroll.es/v2/factorial/employees","company_id":1203}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"target_url":"https://hooks.acme-payroll.es/v2/factorial/employees"}`)
		},
	}))
	res, err := c.UpdateWebhookV2WithResponse(context.Background(), 61, api.WebhookV2Update{TargetURL: apitest.Ptr("https://hooks.acme-payroll.es/v2/factorial/employees")})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 61 {
		t.Fatalf("status %d, webhook = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "TargetURL", res.JSON200.TargetURL, "https://hooks.acme-payroll.es/v2/factorial/employees")
}

func TestDeleteWebhookV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v2/core/webhooks/62", Status: 200, Body: webhookV2LeaveJSON,
	}))
	res, err := c.DeleteWebhookV2WithResponse(context.Background(), 62)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 62 {
		t.Fatalf("status %d, webhook = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "SubscriptionType", res.JSON200.SubscriptionType, "Timeoff::Events::LeaveApproved")
}

func TestDeleteWebhookV2_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v2/core/webhooks/62", Status: 204,
	}))
	res, err := c.DeleteWebhookV2WithResponse(context.Background(), 62)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %+v; want 204 and nil", res.StatusCode(), res.JSON200)
	}
}

func TestListEvents(t *testing.T) {
	// Event ids are UUID strings, not integers.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/events", Status: 200,
		Body: `[{"id":"3f1c2a9e-8b7d-4c55-9a0e-2d6f7b1e4c90","type":"employee_created","name":"Employee created","datetime":"2024-02-19T10:42:11.000Z","resource_id":214},` +
			`{"id":"b7e0d6a1-1c2f-4e3a-8d9b-5a6c7e8f9012","type":"timeoff_leave_approved","name":null,"datetime":"2024-02-19T11:03:57.000Z","resource_id":null}]`,
	}))
	res, err := c.ListEventsWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, events = %v", res.StatusCode(), res.JSON200)
	}
	e := (*res.JSON200)[0]
	if e.ID != "3f1c2a9e-8b7d-4c55-9a0e-2d6f7b1e4c90" {
		t.Errorf("ID = %q", e.ID)
	}
	wantPtr(t, "Type", e.Type, "employee_created")
	wantPtr(t, "Datetime", e.Datetime, "2024-02-19T10:42:11.000Z")
	wantPtr(t, "ResourceID", e.ResourceID, 214)
	wantNil(t, "[1].Name", (*res.JSON200)[1].Name)
	wantNil(t, "[1].ResourceID", (*res.JSON200)[1].ResourceID)
}

func TestListWebhooks(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/webhooks", Status: 200,
		Body: `[` + webhookJSON + `,{"id":18,"type":"timeoff_leave_approved","target_url":"https://hooks.acme-payroll.es/factorial/v1/leaves","company_id":1203}]`,
	}))
	res, err := c.ListWebhooksWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, webhooks = %v", res.StatusCode(), res.JSON200)
	}
	w := (*res.JSON200)[1]
	if w.ID != 18 {
		t.Errorf("ID = %d, want 18", w.ID)
	}
	wantPtr(t, "Type", w.Type, string(api.WebhookCreateTypeTimeoffLeaveApproved))
	wantPtr(t, "TargetURL", w.TargetURL, "https://hooks.acme-payroll.es/factorial/v1/leaves")
}

func TestCreateWebhook(t *testing.T) {
	// An upsert: answers the one subscription of that type.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/webhooks", Status: 200, Body: webhookJSON,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"type":"employee_created","target_url":"https://hooks.acme-payroll.es/factorial/v1/employees"}`)
		},
	}))
	res, err := c.CreateWebhookWithResponse(context.Background(), api.WebhookCreate{
		Type: api.WebhookCreateTypeEmployeeCreated, TargetURL: "https://hooks.acme-payroll.es/factorial/v1/employees",
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 17 {
		t.Fatalf("status %d, webhook = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Type", res.JSON200.Type, "employee_created")
	wantPtr(t, "CompanyID", res.JSON200.CompanyID, 1203)
}

func TestDeleteWebhook(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/core/webhooks/17", Status: 200, Body: webhookJSON,
	}))
	res, err := c.DeleteWebhookWithResponse(context.Background(), 17)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 17 {
		t.Fatalf("status %d, webhook = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "TargetURL", res.JSON200.TargetURL, "https://hooks.acme-payroll.es/factorial/v1/employees")
}

func TestDeleteWebhook_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/core/webhooks/17", Status: 204,
	}))
	res, err := c.DeleteWebhookWithResponse(context.Background(), 17)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %+v; want 204 and nil", res.StatusCode(), res.JSON200)
	}
}
