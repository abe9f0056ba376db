package factorialtest_test

import (
	"bytes"
	"encoding/json"
	"io"
	"mime/multipart"
	"net/http"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/factorialtest"
)

// apiCall sends a request with a body of the given content type as the
// admin and returns the answer.
func apiCall(t *testing.T, srv *factorialtest.Server, method, path, contentType string, body io.Reader) response {
	t.Helper()
	tok, err := srv.IssueToken(factorialtest.AdminUserID)
	if err != nil {
		t.Fatal(err)
	}
	req, err := http.NewRequestWithContext(ctx, method, srv.URL()+path, body)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
	req.Header.Set("Content-Type", contentType)
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return response{resp.StatusCode, resp.Header, string(b)}
}

func jsonCall(t *testing.T, srv *factorialtest.Server, method, path, body string) response {
	t.Helper()
	return apiCall(t, srv, method, path, "application/json", strings.NewReader(body))
}

// wantFieldErrors checks a 422 whose body is exactly {"errors": want}.
func wantFieldErrors(t *testing.T, what string, r response, want map[string][]string) {
	t.Helper()
	if r.status != http.StatusUnprocessableEntity {
		t.Errorf("%s: status %d, want 422: %s", what, r.status, r.body)
		return
	}
	var got struct {
		Errors map[string][]string `json:"errors"`
	}
	wantBody, _ := json.Marshal(want)
	if err := json.Unmarshal([]byte(r.body), &got); err != nil {
		t.Errorf("%s: body %s, want {\"errors\": %s}", what, r.body, wantBody)
		return
	}
	if gotBody, _ := json.Marshal(got.Errors); !bytes.Equal(gotBody, wantBody) {
		t.Errorf("%s: errors %s, want %s", what, gotBody, wantBody)
	}
}

// TestBlankRequiredStrings: Rails validates presence with blank?, so a
// required string sent empty or as white space is answered like a missing
// one (422, "can't be blank", the sandbox's field-error shape) on every
// operation, and nothing is stored.
func TestBlankRequiredStrings(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	blank := []string{"can't be blank"}
	cases := []struct {
		name, path, body, resource string
		want                       map[string][]string
	}{
		{"empty email", "/api/v1/employees", `{"email":"","first_name":"Nora","last_name":"New"}`,
			factorialtest.Employees, map[string][]string{"email": blank}},
		{"white-space email", "/api/v1/employees", `{"email":" \t\n","first_name":"Nora","last_name":"New"}`,
			factorialtest.Employees, map[string][]string{"email": blank}},
		{"blank names", "/api/v1/employees", `{"email":"nora@example.com","first_name":"","last_name":"  "}`,
			factorialtest.Employees, map[string][]string{"first_name": blank, "last_name": blank}},
		{"blank and missing together", "/api/v1/employees", `{"email":" ","first_name":"Nora"}`,
			factorialtest.Employees, map[string][]string{"email": blank, "last_name": blank}},
		{"blank and invalid together", "/api/v2/core/employees", `{"email":"","first_name":"Nora","last_name":"New","role":"boss"}`,
			factorialtest.Employees, map[string][]string{"email": blank, "role": {"is not included in the list"}}},
		{"v2 employee", "/api/v2/core/employees", `{"email":"nora@example.com","first_name":"Nora","last_name":""}`,
			factorialtest.Employees, map[string][]string{"last_name": blank}},
		{"team name", "/api/v1/core/teams", `{"name":"   ","description":"no name"}`,
			factorialtest.Teams, map[string][]string{"name": blank}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			before := len(srv.List(tc.resource))
			wantFieldErrors(t, tc.name, jsonCall(t, srv, http.MethodPost, tc.path, tc.body), tc.want)
			if after := len(srv.List(tc.resource)); after != before {
				t.Errorf("%s: %d %s stored, want %d", tc.name, after, tc.resource, before)
			}
		})
	}

	t.Run("multipart team name", func(t *testing.T) {
		var buf bytes.Buffer
		mw := multipart.NewWriter(&buf)
		_ = mw.WriteField("name", " ")
		_ = mw.Close()
		before := len(srv.List(factorialtest.Teams))
		r := apiCall(t, srv, http.MethodPost, "/api/v1/core/teams", mw.FormDataContentType(), &buf)
		wantFieldErrors(t, "multipart", r, map[string][]string{"name": blank})
		if after := len(srv.List(factorialtest.Teams)); after != before {
			t.Errorf("%d teams stored, want %d", after, before)
		}
	})

	t.Run("filled in, it is created", func(t *testing.T) {
		r := jsonCall(t, srv, http.MethodPost, "/api/v1/core/teams", `{"name":"Platform"}`)
		if r.status != http.StatusCreated {
			t.Errorf("create team: %d %s", r.status, r.body)
		}
	})
	noViolations(t, srv)
}

// TestEmailUniquenessVariants: an employee email is unique however it is
// written (case, surrounding white space), on create and the change-email
// action, which cannot blank it; the plain update does not write it.
func TestEmailUniquenessVariants(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	bea := "/api/v1/employees/1003"
	stored := func() any {
		rec, _ := srv.Get(factorialtest.Employees, factorialtest.BasicEmployeeID)
		return rec["email"]
	}
	taken := func(what string, r response, email string) {
		t.Helper()
		if want := `["There is already a user with that email (` + email + `)"]`; r.status != http.StatusUnprocessableEntity || r.body != want {
			t.Errorf("%s: %d %s, want 422 %s", what, r.status, r.body, want)
		}
	}

	employees := len(srv.List(factorialtest.Employees))
	taken("create, another case and white space",
		jsonCall(t, srv, http.MethodPost, "/api/v1/employees", `{"email":" ADMIN@Example.com ","first_name":"Ada","last_name":"Again"}`),
		" ADMIN@Example.com ")
	if n := len(srv.List(factorialtest.Employees)); n != employees {
		t.Errorf("%d employees after a refused create, want %d", n, employees)
	}

	// The update's schema (EmployeeUpdate) does not declare email: strong
	// parameters drop it, whatever it holds, and the email changes only
	// through the change-email action.
	for _, body := range []string{`{"email":"Basic2@EXAMPLE.com"}`, `{"email":"  "}`} {
		if r := jsonCall(t, srv, http.MethodPut, bea, body); r.status != http.StatusOK || stored() != "basic@example.com" {
			t.Errorf("update with %s: %d, email %v", body, r.status, stored())
		}
	}
	wantFieldErrors(t, "change email to another's, padded",
		jsonCall(t, srv, http.MethodPut, "/api/v2/core/employees/1003/email", `{"email":" BASIC2@example.com"}`),
		map[string][]string{"email": {"has already been taken"}})
	wantFieldErrors(t, "change email to blank",
		jsonCall(t, srv, http.MethodPut, "/api/v2/core/employees/1003/email", `{"email":""}`),
		map[string][]string{"email": {"can't be blank"}})
	if got := stored(); got != "basic@example.com" {
		t.Errorf("email after refused changes = %v", got)
	}

	// Her own address in another case is hers, not taken.
	if r := jsonCall(t, srv, http.MethodPut, bea, `{"email":"Basic@Example.com"}`); r.status != http.StatusOK {
		t.Errorf("own email, another case: %d %s", r.status, r.body)
	}

	// Seeding runs the same rules.
	if _, err := srv.AddEmployee("Nora", "New", " "); err == nil || !strings.Contains(err.Error(), `"email":["can't be blank"]`) {
		t.Errorf("AddEmployee with a blank email: %v", err)
	}
	if _, err := srv.AddEmployee("Ada", "Again", "admin@EXAMPLE.com"); err == nil || !strings.Contains(err.Error(), "already a user") {
		t.Errorf("AddEmployee with a taken email in another case: %v", err)
	}
	noViolations(t, srv)
}
