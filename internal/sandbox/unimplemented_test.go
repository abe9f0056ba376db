package sandbox

import (
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

// An action the spec declares but the sandbox has no rule for answers 501
// naming it; the sandbox still starts and serves everything else.
func TestActionWithoutARuleAnswers501(t *testing.T) {
	t.Parallel()
	doc, err := specvalidate.LoadDated()
	if err != nil {
		t.Fatal(err)
	}
	// A copy of InviteEmployee under a verb no rule knows.
	invite := doc.Paths.Value("/employees/employees/invite").Post
	promote := *invite
	promote.OperationID = "PromoteEmployee"
	doc.Paths.Set("/employees/employees/promote", &openapi3.PathItem{Post: &promote})
	v, err := specvalidate.NewDated(doc)
	if err != nil {
		t.Fatal(err)
	}
	var violations []string
	s, err := New(WithDatedValidator(v), WithAuthenticator(StaticTokens(testTokens)),
		WithViolationHandler(func(r *http.Request, err error) { violations = append(violations, err.Error()) }))
	if err != nil {
		t.Fatalf("the sandbox does not start: %v", err)
	}
	t.Cleanup(s.Close)
	srv := newServer(t, s)

	call := func(method, path, body string) (int, string) {
		req, err := http.NewRequest(method, srv.URL+"/api/2026-07-01/resources"+path, strings.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("x-api-key", tokKey)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		data, err := io.ReadAll(resp.Body)
		if err != nil {
			t.Fatal(err)
		}
		if !json.Valid(data) {
			t.Errorf("%s %s: the body is not JSON: %q", method, path, data)
		}
		return resp.StatusCode, string(data)
	}
	status, msg := call(http.MethodPost, "/employees/employees/promote", `{"id":"1003","company_id":"1"}`)
	if status != http.StatusNotImplemented || !strings.Contains(msg, "PromoteEmployee") {
		t.Errorf("POST promote: %d %q, want 501 naming the operation", status, msg)
	}
	if status, _ := call(http.MethodGet, "/employees/employees/1003", ""); status != http.StatusOK {
		t.Errorf("GET an employee beside it: %d", status)
	}
	if len(violations) != 0 {
		t.Errorf("spec violations: %v", violations)
	}
}

// A dated resource the sandbox has no code for gets a table of its own,
// one record synthesised from its schema (its references the integers the
// tables hold, shown as strings) and the generic engine's answers.
func TestNewDatedResourceIsSeededAndServed(t *testing.T) {
	t.Parallel()
	doc, err := specvalidate.LoadDated()
	if err != nil {
		t.Fatal(err)
	}
	// Work areas again, under a collection no code names.
	list := *doc.Paths.Value("/locations/work_areas").Get
	list.OperationID = "ListSiteAreas"
	item := doc.Paths.Value("/locations/work_areas/{id}")
	get := *item.Get
	get.OperationID = "GetSiteArea"
	doc.Paths.Set("/sites/areas", &openapi3.PathItem{Get: &list})
	doc.Paths.Set("/sites/areas/{id}", &openapi3.PathItem{Get: &get, Parameters: item.Parameters})
	v, err := specvalidate.NewDated(doc)
	if err != nil {
		t.Fatal(err)
	}
	var violations []string
	s, err := New(WithDatedValidator(v), WithAuthenticator(StaticTokens(testTokens)),
		WithViolationHandler(func(r *http.Request, err error) { violations = append(violations, err.Error()) }))
	if err != nil {
		t.Fatalf("the sandbox does not start: %v", err)
	}
	t.Cleanup(s.Close)
	if recs := s.List("sites_areas"); len(recs) != 1 || recs[0]["location_id"] != 1 || recs[0]["name"] == nil {
		t.Fatalf("seeded %v, want one record of location 1", recs)
	}
	srv := newServer(t, s)
	req, err := http.NewRequest(http.MethodGet, srv.URL+"/api/2026-07-01/resources/sites/areas/1", nil)
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("x-api-key", tokKey)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var got map[string]any
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("GET the seeded record: %d %v", resp.StatusCode, err)
	}
	if got["id"] != "1" || got["location_id"] != "1" {
		t.Errorf("answered %v, want id and location_id \"1\"", got)
	}
	if len(violations) != 0 {
		t.Errorf("spec violations: %v", violations)
	}
}
