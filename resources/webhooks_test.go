package resources_test

import (
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/resources"
)

// Webhook subscriptions. The event type is sent as subscription_type and
// read back as type; api_version is an enum on requests and a plain string
// in responses.

const subscriptionLeavesJSON = `{"id":"612","type":"timeoff/leave/approve","target_url":"https://hooks.acmerobotics.es/factorial/leaves",` +
	`"company_id":"77","enabled":true,"api_version":"2026-07-01","name":"Approved leaves to payroll",` +
	`"challenge":"2bca4e6d-9aaf-4f11-9e5d-7d1c0b3e9a41"}`

// subscriptionDisabledJSON was disabled by Factorial after failed
// deliveries; it has no name or challenge.
const subscriptionDisabledJSON = `{"id":"613","type":"employees/employee/terminate",` +
	`"target_url":"https://hooks.acmerobotics.es/factorial/offboarding","company_id":"77","enabled":false,` +
	`"api_version":"2025-10-01","name":null,"challenge":null}`

func checkLeavesSubscription(t *testing.T, s resources.WebhookSubscription) {
	t.Helper()
	eq(t, "ID", s.ID, "612")
	eq(t, "Type", s.Type, "timeoff/leave/approve")
	eq(t, "TargetURL", s.TargetURL, "https://hooks.acmerobotics.es/factorial/leaves")
	eq(t, "CompanyID", s.CompanyID, "77")
	eq(t, "Enabled", s.Enabled, true)
	eq(t, "APIVersion", s.APIVersion, "2026-07-01")
	is(t, "Name", s.Name, "Approved leaves to payroll")
	is(t, "Challenge", s.Challenge, "2bca4e6d-9aaf-4f11-9e5d-7d1c0b3e9a41")
}

func TestListWebhookSubscriptions(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/api_public/webhook_subscriptions", status: 200,
		body: page(onePage(2), subscriptionLeavesJSON, subscriptionDisabledJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"company_id": {"77"}})
		},
	})
	all, err := c.Webhooks.List(t.Context(), &resources.ListWebhookSubscriptionsParams{CompanyID: ptr("77")})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d subscriptions, want 2", len(all))
	}
	checkLeavesSubscription(t, all[0])
	eq(t, "second Enabled", all[1].Enabled, false)
	eq(t, "second APIVersion", all[1].APIVersion, "2025-10-01")
	null(t, "second Name", all[1].Name)
	null(t, "second Challenge", all[1].Challenge)
}

// TestListWebhookSubscriptionsByType filters on an event type (slashes
// escaped in the query) and enabled=false.
func TestListWebhookSubscriptionsByType(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/api_public/webhook_subscriptions", status: 200,
		body: page(onePage(1), subscriptionDisabledJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"type": {"employees/employee/terminate"}, "enabled": {"false"}})
			wantRawQuery(t, r, "type=employees%2Femployee%2Fterminate&enabled=false")
		},
	})
	pg, err := c.Webhooks.ListPage(t.Context(), &resources.ListWebhookSubscriptionsParams{
		Type: ptr("employees/employee/terminate"), Enabled: ptr(false),
	})
	must(t, err)
	wantOnePage(t, pg.Meta, 1)
	if len(pg.Data) != 1 || pg.Data[0].ID != "613" {
		t.Fatalf("subscriptions = %+v, want 613", pg.Data)
	}
}

func TestCreateWebhookSubscription(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/api_public/webhook_subscriptions", status: 201, body: subscriptionLeavesJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"subscription_type":"timeoff/leave/approve",`+
				`"target_url":"https://hooks.acmerobotics.es/factorial/leaves","company_id":"77",`+
				`"name":"Approved leaves to payroll","challenge":"2bca4e6d-9aaf-4f11-9e5d-7d1c0b3e9a41","enabled":true,`+
				`"api_version":"2026-07-01"}`)
		},
	})
	s, err := c.Webhooks.Create(t.Context(), resources.WebhookSubscriptionCreate{
		SubscriptionType: "timeoff/leave/approve", TargetURL: "https://hooks.acmerobotics.es/factorial/leaves",
		CompanyID: "77", Name: ptr("Approved leaves to payroll"), Challenge: ptr("2bca4e6d-9aaf-4f11-9e5d-7d1c0b3e9a41"),
		Enabled: ptr(true), APIVersion: ptr(resources.WebhookPayloadVersionN20260701),
	})
	must(t, err)
	checkLeavesSubscription(t, s)
}

func TestGetWebhookSubscription(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/api_public/webhook_subscriptions/612", status: 200, body: subscriptionLeavesJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	s, err := c.Webhooks.Get(t.Context(), "612")
	must(t, err)
	checkLeavesSubscription(t, s)
}

// TestUpdateWebhookSubscription re-enables a subscription on the current
// payload version.
func TestUpdateWebhookSubscription(t *testing.T) {
	const reenabled = `{"id":"613","type":"employees/employee/terminate",` +
		`"target_url":"https://hooks.acmerobotics.es/factorial/offboarding","company_id":"77","enabled":true,` +
		`"api_version":"2026-07-01","name":"Offboarding","challenge":null}`
	c := one(t, exchange{
		method: http.MethodPut, path: "/api_public/webhook_subscriptions/613", status: 200, body: reenabled,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"613","name":"Offboarding","enabled":true,"api_version":"2026-07-01"}`)
		},
	})
	s, err := c.Webhooks.Update(t.Context(), "613", resources.WebhookSubscriptionUpdate{
		ID: "613", Name: ptr("Offboarding"), Enabled: ptr(true), APIVersion: ptr(resources.WebhookPayloadVersionN20260701),
	})
	must(t, err)
	eq(t, "Enabled", s.Enabled, true)
	eq(t, "APIVersion", s.APIVersion, "2026-07-01")
	is(t, "Name", s.Name, "Offboarding")
}

func TestDeleteWebhookSubscription(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/api_public/webhook_subscriptions/613", status: 200, body: subscriptionDisabledJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	s, err := c.Webhooks.Delete(t.Context(), "613")
	must(t, err)
	eq(t, "ID", s.ID, "613")
	eq(t, "Type", s.Type, "employees/employee/terminate")
}

// TestDeleteWebhookSubscriptionUnauthorized: a revoked key answers 401 with
// no body and a WWW-Authenticate header, which becomes an *Error matching
// ErrUnauthorized.
func TestDeleteWebhookSubscriptionUnauthorized(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/api_public/webhook_subscriptions/613", status: 401,
		header: map[string]string{"WWW-Authenticate": `Bearer realm="Doorkeeper", error="invalid_token"`},
	})
	_, err := c.Webhooks.Delete(t.Context(), "613")
	if !errors.Is(err, factorial.ErrUnauthorized) {
		t.Fatalf("err = %v, want ErrUnauthorized", err)
	}
	fe := apiError(t, err)
	eq(t, "StatusCode", fe.StatusCode, 401)
	eq(t, "Operation", fe.Operation, "DeleteWebhookSubscription")
	eq(t, "Method", fe.Method, http.MethodDelete)
	if len(fe.Body) != 0 || len(fe.Messages) != 0 {
		t.Errorf("Body = %q, Messages = %q, want none", fe.Body, fe.Messages)
	}
	if got := fe.Header.Get("WWW-Authenticate"); got == "" {
		t.Error("Header lost WWW-Authenticate")
	}
}
