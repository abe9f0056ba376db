package factorialtest

import (
	"net/http/httptest"
	"reflect"
	"testing"

	"github.com/factorial-go/factorial/internal/sandbox"
)

// TestTokenPrincipals pins what each credential hands the sandbox, which
// enforces scopes from it: v1 credentials keep nil scopes (every scope),
// tokens with a granular scope carry their scopes, and company tokens act
// for the company with an admin's employee.
func TestTokenPrincipals(t *testing.T) {
	srv := NewServer(WithTB(t))
	mustIssue := func(tok IssuedToken, err error) string {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return tok.AccessToken
	}
	tests := []struct {
		name   string
		bearer string
		apiKey string
		want   sandbox.Principal
	}{
		{name: "API key", apiKey: DefaultAPIKey,
			want: sandbox.Principal{EmployeeID: AdminEmployeeID, APIKey: true}},
		{name: "v1 admin token", bearer: mustIssue(srv.IssueToken(AdminUserID)),
			want: sandbox.Principal{EmployeeID: AdminEmployeeID, Admin: true}},
		{name: "v1 basic token", bearer: mustIssue(srv.IssueToken(BasicUserID)),
			want: sandbox.Principal{EmployeeID: BasicEmployeeID}},
		{name: "read only", bearer: mustIssue(srv.IssueScopedToken(BasicUserID, ScopeRead)),
			want: sandbox.Principal{EmployeeID: BasicEmployeeID}},
		{name: "granular user token", bearer: mustIssue(srv.IssueScopedToken(BasicUserID, "employees", "time_off")),
			want: sandbox.Principal{EmployeeID: BasicEmployeeID, Scopes: []string{"employees", "time_off"}}},
		{name: "v1 and granular user token", bearer: mustIssue(srv.IssueScopedToken(ManagerUserID, ScopeRead, "tasks")),
			want: sandbox.Principal{EmployeeID: ManagerEmployeeID, Scopes: []string{ScopeRead, "tasks"}}},
		{name: "granular company token", bearer: mustIssue(srv.IssueCompanyToken("employees")),
			want: sandbox.Principal{EmployeeID: AdminEmployeeID, Admin: true, Company: true, Scopes: []string{"employees"}}},
		{name: "v1 company token", bearer: mustIssue(srv.IssueCompanyToken()),
			want: sandbox.Principal{EmployeeID: AdminEmployeeID, Admin: true, Company: true}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := httptest.NewRequest("GET", "/api/v1/me", nil)
			if tc.bearer != "" {
				r.Header.Set("Authorization", "Bearer "+tc.bearer)
			}
			if tc.apiKey != "" {
				r.Header.Set("x-api-key", tc.apiKey)
			}
			got, err := srv.authenticate(r)
			if err != nil || !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("principal = %+v (%v), want %+v", got, err, tc.want)
			}
		})
	}

	// The principal's scopes are a copy: the sandbox cannot change the
	// token's.
	tok, _ := srv.IssueScopedToken(BasicUserID, "employees")
	r := httptest.NewRequest("GET", "/api/v1/me", nil)
	r.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	p, _ := srv.authenticate(r)
	p.Scopes[0] = "changed"
	if p, _ := srv.authenticate(r); p.Scopes[0] != "employees" {
		t.Error("the principal shares the token's scope list")
	}
}
