package resources_test

import (
	"net/http"
	"testing"
)

// The credential making the call (the dated API's successor of v1's /me).
// An API key or company token fills the company fields, a user token the
// employee fields; the others are null or absent.

// TestListCredentialsAPIKey: the tests call with an API key, so the
// answer describes the company.
func TestListCredentialsAPIKey(t *testing.T) {
	const company = `{"id":"api_key-3","company_id":"77","employee_id":null,"email":null,"login_email":null,` +
		`"full_name":null,"first_name":null,"last_name":null,"role":null,"name":"Acme Robotics",` +
		`"legal_name":"Acme Robotics S.L.","locale":"es","logo":"https://api.factorialhr.com/rails/active_storage/representations/acme.png",` +
		`"tin":"B12345674","subscription_plan":"business","onboarded_on":"2019-08-20","to_be_deleted":null,"tos":true,` +
		`"gdpr_tos":true}`
	c := one(t, exchange{
		method: http.MethodGet, path: "/api_public/credentials", status: 200, body: page(onePage(1), company),
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	all, err := c.Credentials.List(t.Context(), nil)
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d credentials, want 1", len(all))
	}
	cr := all[0]
	eq(t, "ID", cr.ID, "api_key-3")
	eq(t, "CompanyID", cr.CompanyID, "77")
	is(t, "Name", cr.Name, "Acme Robotics")
	is(t, "LegalName", cr.LegalName, "Acme Robotics S.L.")
	is(t, "Tin", cr.Tin, "B12345674")
	is(t, "SubscriptionPlan", cr.SubscriptionPlan, "business")
	is(t, "Tos", cr.Tos, true)
	null(t, "EmployeeID", cr.EmployeeID)
	null(t, "Email", cr.Email)
	null(t, "ToBeDeleted", cr.ToBeDeleted)
}

// TestListCredentialsUserToken: a user's OAuth token is described by its
// employee fields; company fields are absent.
func TestListCredentialsUserToken(t *testing.T) {
	const user = `{"id":"access-5150","company_id":"77","employee_id":"4242","email":"ana.ruiz@acmerobotics.es",` +
		`"login_email":"ana.ruiz@acmerobotics.es","full_name":"Ana Ruiz","first_name":"Ana","last_name":"Ruiz","role":"admin"}`
	c := one(t, exchange{method: http.MethodGet, path: "/api_public/credentials", status: 200, body: page(onePage(1), user)})
	pg, err := c.Credentials.ListPage(t.Context(), nil)
	must(t, err)
	wantOnePage(t, pg.Meta, 1)
	if len(pg.Data) != 1 {
		t.Fatalf("%d credentials, want 1", len(pg.Data))
	}
	cr := pg.Data[0]
	eq(t, "ID", cr.ID, "access-5150")
	is(t, "EmployeeID", cr.EmployeeID, "4242")
	is(t, "Role", cr.Role, "admin")
	is(t, "FullName", cr.FullName, "Ana Ruiz")
	null(t, "Name", cr.Name)
	null(t, "GdprTos", cr.GdprTos)
}
