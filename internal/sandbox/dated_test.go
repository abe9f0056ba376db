package sandbox

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

// datedResp is one dated exchange.
type datedResp struct {
	status int
	header http.Header
	body   []byte
}

func (r datedResp) obj(t testing.TB) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(r.body, &m); err != nil {
		t.Fatalf("body %q: %v", r.body, err)
	}
	return m
}

func (r datedResp) list(t testing.TB) []any {
	t.Helper()
	var xs []any
	if err := json.Unmarshal(r.body, &xs); err != nil {
		t.Fatalf("body %q: %v", r.body, err)
	}
	return xs
}

// data returns a page's records and meta.
func (r datedResp) page(t testing.TB) ([]map[string]any, map[string]any) {
	t.Helper()
	var pg struct {
		Data []map[string]any `json:"data"`
		Meta map[string]any   `json:"meta"`
	}
	if err := json.Unmarshal(r.body, &pg); err != nil || pg.Meta == nil {
		t.Fatalf("not a page: %s (%v)", r.body, err)
	}
	return pg.Data, pg.Meta
}

// dated sends a request to the dated API through a transport that
// validates both directions against the dated spec (failures are test
// errors unless e.strict is off) and records coverage. path is relative to
// /api/<version>/resources; body is JSON unless it is a *multipart.Writer
// payload (see multipartBody). token "key:..." is sent as x-api-key.
func (e *env) dated(method, path, token string, body any) datedResp {
	e.t.Helper()
	return e.datedAt(DatedAPIVersion, method, path, token, body)
}

// datedAt is dated at another version of the API.
func (e *env) datedAt(version, method, path, token string, body any) datedResp {
	e.t.Helper()
	var rd io.Reader
	ct := ""
	switch b := body.(type) {
	case nil:
	case multipartBody:
		rd, ct = bytes.NewReader(b.data), b.contentType
	default:
		j, err := json.Marshal(b)
		if err != nil {
			e.t.Fatal(err)
		}
		rd, ct = bytes.NewReader(j), "application/json"
	}
	req, err := http.NewRequest(method, e.srv.URL+"/api/"+version+"/resources"+path, rd)
	if err != nil {
		e.t.Fatal(err)
	}
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	if k, ok := strings.CutPrefix(token, "key:"); ok {
		req.Header.Set("x-api-key", k)
	} else if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	hc := &http.Client{Transport: &specvalidate.Transport{
		Validator: specvalidate.MustNewResources(),
		Base:      e.srv.Client().Transport,
		Report: func(err error) {
			if e.strict {
				e.t.Errorf("dated exchange violates the spec: %v", err)
			}
		},
		Coverage: e.cov,
	}, Timeout: 30 * time.Second}
	resp, err := hc.Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return datedResp{resp.StatusCode, resp.Header, b}
}

type multipartBody struct {
	data        []byte
	contentType string
}

func multipartOf(t testing.TB, fields map[string][]string, file, filename string) multipartBody {
	t.Helper()
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for k, vs := range fields {
		for _, v := range vs {
			_ = w.WriteField(k, v)
		}
	}
	if file != "" {
		fw, _ := w.CreateFormFile(file, filename)
		_, _ = fw.Write([]byte("%PDF-1.4 sandbox"))
	}
	_ = w.Close()
	return multipartBody{buf.Bytes(), w.FormDataContentType()}
}

// id of a created record, as the dated API sends it.
func idOf(t testing.TB, m map[string]any) string {
	t.Helper()
	id, ok := m["id"].(string)
	if !ok || id == "" {
		t.Fatalf("no string id in %v", m)
	}
	return id
}

// TestDatedEveryOperationAnswers2xx drives every operation of the dated
// spec, in an order that creates before it reads, updates and deletes, and
// requires a validated 2xx exchange of each: 100% of openapi-resources.yaml.
// okFunc makes a dated call with the API key and fails the test unless it
// answers 2xx; it returns the decoded object body (nil for arrays).
type okFunc func(method, path string, body any) map[string]any

// areaWalks are the parts of TestDatedEveryOperationAnswers2xx kept beside
// an area's other tests (dated_<area>_test.go registers its walk in an
// init function); they run after the walk below, in the order of their
// names, on the same sandbox.
var areaWalks = map[string]func(t *testing.T, e *env, ok okFunc){}

func TestDatedEveryOperationAnswers2xx(t *testing.T) {
	e := newEnv(t)
	key := "key:" + tokKey
	today := DefaultNow.Format(time.DateOnly)
	ok := func(method, path string, body any) map[string]any {
		t.Helper()
		r := e.dated(method, path, key, body)
		if r.status < 200 || r.status > 299 {
			t.Fatalf("%s %s: %d %s", method, path, r.status, r.body)
		}
		var m map[string]any
		_ = json.Unmarshal(r.body, &m)
		return m
	}
	ok("GET", "/api_public/credentials", nil)
	sub := idOf(t, ok("POST", "/api_public/webhook_subscriptions", map[string]any{
		"subscription_type": "employees/employee/update", "target_url": "http://127.0.0.1:9/hooks", "company_id": "1", "enabled": false}))
	ok("GET", "/api_public/webhook_subscriptions", nil)
	ok("GET", "/api_public/webhook_subscriptions/"+sub, nil)
	ok("PUT", "/api_public/webhook_subscriptions/"+sub, map[string]any{"id": sub, "name": "renamed"})
	ok("DELETE", "/api_public/webhook_subscriptions/"+sub, nil)

	ok("GET", "/employees/employees", nil)
	ok("GET", "/employees/employees/1003", nil)
	ok("PUT", "/employees/employees/1003", map[string]any{"id": "1003", "preferred_name": "B"})
	hire := idOf(t, ok("POST", "/employees/employees/create_with_contract", map[string]any{
		"company_id": "1", "first_name": "Nora", "last_name": "New", "email": "nora@example.com", "team_id": "1",
		"contract_starts_on": today, "address_line1": "Carrer Nou 1"}))
	ok("POST", "/employees/employees/invite", map[string]any{"id": hire, "company_id": "1"})
	ok("POST", "/employees/employees/set_regular_access_start_date", map[string]any{"id": hire, "starts_on": today})
	ok("POST", "/employees/employees/terminate", map[string]any{"id": hire, "terminated_on": today, "termination_reason": "Test"})
	ok("POST", "/employees/employees/unterminate", map[string]any{"id": hire})

	ok("GET", "/teams/teams", nil)
	team := idOf(t, ok("POST", "/teams/teams", map[string]any{"name": "Platform"}))
	ok("GET", "/teams/teams/"+team, nil)
	ok("PUT", "/teams/teams/"+team, map[string]any{"id": team, "description": "Infra"})
	ok("GET", "/teams/memberships", nil)
	mem := idOf(t, ok("POST", "/teams/memberships", map[string]any{"team_id": team, "employee_id": "1003", "lead": true}))
	ok("GET", "/teams/memberships/"+mem, nil)
	ok("PUT", "/teams/memberships/"+mem, map[string]any{"id": mem, "lead": false})
	ok("DELETE", "/teams/memberships/"+mem, nil)
	ok("DELETE", "/teams/teams/"+team, nil)

	ok("GET", "/locations/locations", nil)
	loc := idOf(t, ok("POST", "/locations/locations", map[string]any{"name": "Valencia", "country": "es", "timezone": "Europe/Madrid",
		"company_id": "1", "address_line_one": "Carrer de Colón 1"}))
	ok("GET", "/locations/locations/"+loc, nil)
	ok("PUT", "/locations/locations/"+loc, map[string]any{"id": loc, "city": "Valencia"})
	ok("DELETE", "/locations/locations/"+loc, nil)
	ok("GET", "/locations/work_areas", nil)
	wa := idOf(t, ok("POST", "/locations/work_areas", map[string]any{"name": "Kitchen", "location_id": "1"}))
	ok("GET", "/locations/work_areas/"+wa, nil)
	ok("PUT", "/locations/work_areas/"+wa, map[string]any{"id": wa, "name": "Main kitchen"})
	ok("POST", "/locations/work_areas/archive", map[string]any{"id": wa})
	ok("POST", "/locations/work_areas/unarchive", map[string]any{"id": wa})

	ok("GET", "/companies/legal_entities", nil)
	le := idOf(t, ok("POST", "/companies/legal_entities", map[string]any{"company_id": "1", "country": "fr", "legal_name": "Acme SAS", "currency": "EUR", "tin": "FR123"}))
	ok("GET", "/companies/legal_entities/"+le, nil)

	ok("GET", "/holidays/company_holidays", nil)
	ok("GET", "/holidays/company_holidays/1", nil)

	ok("GET", "/timeoff/allowance_stats", nil)
	ok("GET", "/timeoff/allowance_stats/"+url.PathEscape("1003/1/"+today), nil)
	ok("GET", "/timeoff/allowances", nil)
	newAllowance := func(name string) string {
		return idOf(t, ok("POST", "/timeoff/allowances", map[string]any{
			"name": name, "timeoff_policy_id": "1", "leave_type_ids": []string{"2"}, "allowance_type": "days",
			"available_days": "all_days", "accrued_units_availability": "current_cycle", "cycle_start": "jan",
			"days_type": "working_days", "holiday_allowance_in_cents": 300, "negative_counter_type": "negative_counter_disabled",
			"proration_type": "proration_disabled", "pto_proratio_enabled": false, "rounding": "half_day", "source_units": "base_units",
			"count_holiday_as_workable": false, "tenure_periods": []any{}, "unlimited_accrued_hours": false,
			"unlimited_carry_over": false, "unlimited_carry_over_expiration": false, "unlimited_holidays": false}))
	}
	al := newAllowance("Sick days")
	ok("GET", "/timeoff/allowances/"+al, nil)
	ok("PUT", "/timeoff/allowances/"+al, map[string]any{"id": al, "holiday_allowance_in_cents": 400})
	ok("POST", "/timeoff/allowances/delete_with_alt_allowance", map[string]any{"id": al, "alt_allowance_id": "1"})
	ok("DELETE", "/timeoff/allowances/"+newAllowance("Spare"), nil)
	ok("GET", "/timeoff/leave_types", nil)
	lt := idOf(t, ok("POST", "/timeoff/leave_types", map[string]any{"company_id": "1", "name": "Moving day", "identifier": "custom",
		"color": "AABBCC", "accrues": false, "approval_required": true, "workable": false, "details_required": false}))
	ok("GET", "/timeoff/leave_types/"+lt, nil)
	ok("PUT", "/timeoff/leave_types/"+lt, map[string]any{"color": "112233"})
	ok("GET", "/timeoff/leaves", nil)
	lv := idOf(t, ok("POST", "/timeoff/leaves", map[string]any{"employee_id": "1004", "leave_type_id": lt, "start_on": today, "finish_on": today}))
	ok("GET", "/timeoff/leaves/"+lv, nil)
	ok("PUT", "/timeoff/leaves/"+lv, map[string]any{"id": lv, "description": "Boxes"})
	// A basic user's own request waits for approval; the admin's did not.
	pending := func() string {
		r := e.dated("POST", "/timeoff/leaves", tokBasic, map[string]any{"employee_id": "1003", "leave_type_id": lt, "start_on": today})
		if r.status != 201 || r.obj(t)["approved"] != false {
			t.Fatalf("basic user's leave: %d %s", r.status, r.body)
		}
		return idOf(t, r.obj(t))
	}
	ok("POST", "/timeoff/leaves/approve", map[string]any{"id": pending()})
	ok("POST", "/timeoff/leaves/approve_all", map[string]any{"id": "3"})
	ok("POST", "/timeoff/leaves/reject", map[string]any{"id": pending(), "reason": "Busy week"})
	ok("DELETE", "/timeoff/leaves/"+lv, nil)
	ok("GET", "/timeoff/policies", nil)
	pol := idOf(t, ok("POST", "/timeoff/policies", map[string]any{"name": "Interns"}))
	ok("GET", "/timeoff/policies/"+pol, nil)
	ok("PUT", "/timeoff/policies/"+pol, map[string]any{"id": pol, "main": false})
	ok("DELETE", "/timeoff/policies/"+pol, nil)

	ok("GET", "/attendance/shifts", nil)
	sh := idOf(t, ok("POST", "/attendance/shifts", map[string]any{"employee_id": "1004", "date": today,
		"clock_in": today + "T08:00:00+01:00", "clock_out": today + "T12:00:00+01:00"}))
	ok("POST", "/attendance/shifts/clock_in", map[string]any{"employee_id": "1003", "now": today + "T13:00:00+01:00"})
	ok("POST", "/attendance/shifts/break_start", map[string]any{"employee_id": "1003", "now": today + "T15:00:00+01:00"})
	ok("POST", "/attendance/shifts/break_end", map[string]any{"employee_id": "1003", "now": today + "T15:30:00+01:00"})
	ok("POST", "/attendance/shifts/clock_out", map[string]any{"employee_id": "1003", "now": today + "T18:00:00+01:00"})
	ok("POST", "/attendance/shifts/toggle_clock", map[string]any{"employee_id": "1001", "clock_time": today + "T09:00:00+01:00"})
	r := e.dated("POST", "/attendance/shifts/autofill", key, map[string]any{"employee_ids": []string{"1002"},
		"start_on": DefaultNow.AddDate(0, 0, 7).Format(time.DateOnly), "end_on": DefaultNow.AddDate(0, 0, 13).Format(time.DateOnly)})
	if r.status != 200 || len(r.list(t)) != 5 {
		t.Fatalf("autofill of a week: %d %s", r.status, r.body)
	}
	ok("GET", "/attendance/shifts/"+sh, nil)
	ok("PUT", "/attendance/shifts/"+sh, map[string]any{"id": sh, "observations": "Early"})
	ok("DELETE", "/attendance/shifts/"+sh, nil)

	ok("GET", "/documents/documents", nil)
	doc := idOf(t, ok("POST", "/documents/documents", multipartOf(t, map[string][]string{
		"company_id": {"1"}, "author_id": {"1"}, "space": {"company_public"}, "public": {"true"},
		"is_pending_assignment": {"false"}, "request_esignature": {"false"}, "signee_ids[]": {"3"}}, "file", "handbook.pdf")))
	r = e.dated("POST", "/documents/documents/move_to_trash_bin", key, map[string]any{"document_ids": []string{doc}})
	if r.status != 200 || len(r.list(t)) != 1 {
		t.Fatalf("move to trash: %d %s", r.status, r.body)
	}
	ok("POST", "/documents/documents/restore_from_trash_bin", map[string]any{"document_ids": []string{doc}})
	ok("GET", "/documents/documents/"+doc, nil)
	ok("PUT", "/documents/documents/"+doc, map[string]any{"id": doc, "public": false, "request_esignature": false, "signee_ids": []string{}})
	ok("DELETE", "/documents/documents/"+doc, nil)
	ok("GET", "/documents/folders", nil)
	fo := idOf(t, ok("POST", "/documents/folders", map[string]any{"company_id": "1", "name": "Payslips", "space": "employee_my_documents"}))
	ok("GET", "/documents/folders/"+fo, nil)
	ok("PUT", "/documents/folders/"+fo, map[string]any{"id": fo, "company_id": "1", "name": "Old payslips"})

	ok("GET", "/custom_fields/fields", nil)
	cf := idOf(t, ok("POST", "/custom_fields/fields", map[string]any{"company_id": "1", "field_type": "single_choice", "label": "Diet", "options": []string{"Vegan", "Any"}}))
	ok("GET", "/custom_fields/fields/"+cf, nil)
	ok("GET", "/custom_fields/options", nil)
	opt := idOf(t, ok("POST", "/custom_fields/options", map[string]any{"field_id": cf, "label": "Halal"}))
	ok("GET", "/custom_fields/options/"+opt, nil)
	ok("GET", "/custom_fields/resource_fields", nil)
	rf := idOf(t, ok("POST", "/custom_fields/resource_fields", map[string]any{"schema_id": "1", "company_id": "1", "field_type": "text",
		"label": "Monitor", "required": false, "editable": "owned", "visible": "everybody"}))
	ok("GET", "/custom_fields/resource_fields/"+rf, nil)
	ok("GET", "/custom_fields/values", nil)
	val := idOf(t, ok("POST", "/custom_fields/values", map[string]any{"field_id": cf, "valuable_type": "Employee", "valuable_id": "1003", "value": "vegan"}))
	ok("GET", "/custom_fields/values/"+val, nil)
	ok("PUT", "/custom_fields/values/"+val, map[string]any{"value": "any"})
	ok("DELETE", "/custom_fields/fields/"+cf, nil)

	ok("GET", "/payroll/supplements", nil)
	sup := idOf(t, ok("POST", "/payroll/supplements", map[string]any{"employee_id": "1003", "payroll_policy_period_id": "1",
		"contracts_taxonomy_id": "1", "effective_on": today, "amount_in_cents": 5000}))
	ok("GET", "/payroll/supplements/"+sup, nil)
	ok("PUT", "/payroll/supplements/"+sup, map[string]any{"id": sup, "amount_in_cents": 6000})
	ok("DELETE", "/payroll/supplements/"+sup, nil)

	ok("GET", "/tasks/tasks", nil)
	task := idOf(t, ok("POST", "/tasks/tasks", map[string]any{"name": "Read the handbook", "status": "todo", "assignee_ids": []string{"3"}}))
	ok("GET", "/tasks/tasks/"+task, nil)
	ok("PUT", "/tasks/tasks/"+task, map[string]any{"id": task, "status": "in_progress"})
	ok("POST", "/tasks/tasks/copy", map[string]any{"id": task, "name": "Read the handbook again"})
	ok("POST", "/tasks/tasks/create_comment", map[string]any{"content": "Halfway", "author_id": "3", "resource_id": task, "company_id": "1"})
	ok("POST", "/tasks/tasks/bulk_update", map[string]any{"tasks": []any{map[string]any{"id": task, "status": "done"}}})
	r = e.dated("POST", "/tasks/tasks/bulk_create", key, map[string]any{"name": "Sign the policy", "status": "todo", "assignee_ids": []string{"3", "4"}})
	if r.status != 200 || len(r.list(t)) != 2 {
		t.Fatalf("bulk create for two assignees: %d %s", r.status, r.body)
	}
	bulk := r.list(t)
	first, _ := bulk[0].(map[string]any)
	second, _ := bulk[1].(map[string]any)
	ok("POST", "/tasks/tasks/bulk_delete", map[string]any{"ids": []string{idOf(t, first), idOf(t, second)}})
	ok("GET", "/tasks/task_files", nil)
	tf := idOf(t, ok("POST", "/tasks/task_files", multipartOf(t, map[string][]string{"task_id": {task}}, "file", "receipt.png")))
	ok("GET", "/tasks/task_files/"+tf, nil)
	ok("DELETE", "/tasks/task_files/"+tf, nil)
	ok("DELETE", "/tasks/tasks/"+task, nil)

	ok("GET", "/job_catalog/roles", nil)
	ok("GET", "/job_catalog/roles/1", nil)
	ok("GET", "/job_catalog/levels", nil)
	ok("GET", "/job_catalog/levels/2", nil)
	ok("GET", "/job_catalog/tree_nodes?node_type=jobcatalog_treelevel&include_full_path=true", nil)
	ok("GET", "/job_catalog/node_attributes?node_uuid=jobcatalog_treelevel-2&attribute_types%5B%5D=competency", nil)

	for _, area := range slices.Sorted(maps.Keys(areaWalks)) {
		areaWalks[area](t, e, ok)
	}

	missing := e.cov.Missing(specvalidate.MustNewResources())
	if len(missing) > 0 {
		t.Errorf("dated operations without a validated 2xx exchange: %v", missing)
	}
	if vs := e.s.Violations(); len(vs) > 0 {
		t.Errorf("sandbox produced %d spec violations: %v", len(vs), vs)
	}
}
