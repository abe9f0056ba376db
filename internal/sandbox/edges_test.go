package sandbox

import (
	"encoding/json"
	"net/http"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// datedPath is path under the dated API's current version.
func datedPath(path string) string { return "/api/" + DatedAPIVersion + "/resources" + path }

func jsonBody(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestStrongParametersKeepMembership: a team update carrying employee_ids
// (which TeamUpdate does not declare) changes the name and nothing of the
// membership, on any side: the team, its memberships, v1's team_ids.
func TestStrongParametersKeepMembership(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	team, _ := e.s.Get(ResTeams, 1)
	members := intSlice(team["employee_ids"])
	if len(members) == 0 {
		t.Fatal("team 1 has no members to lose")
	}
	memberships := len(e.s.List(ResMemberships))
	status, _, body := e.send(http.MethodPut, datedPath("/teams/teams/1"), "application/json",
		jsonBody(t, map[string]any{"id": "1", "name": "Renamed", "employee_ids": []any{}, "lead_ids": []any{}}), nil)
	if status != http.StatusOK {
		t.Fatalf("PUT teams/teams/1: %d %s", status, body)
	}
	team, _ = e.s.Get(ResTeams, 1)
	if team["name"] != "Renamed" || !slices.Equal(intSlice(team["employee_ids"]), members) {
		t.Errorf("team after the update: %v", team)
	}
	if n := len(e.s.List(ResMemberships)); n != memberships {
		t.Errorf("memberships: %d, were %d", n, memberships)
	}
	for _, id := range members {
		emp, _ := e.s.Get(ResEmployees, id)
		if !slices.Contains(intSlice(emp["team_ids"]), 1) {
			t.Errorf("employee %d no longer lists team 1: %v", id, emp["team_ids"])
		}
	}
}

// TestStrongParametersEmployee: an employee update writes what
// EmployeeUpdate declares and nothing else: not created_at, company_id or
// terminated_on (which would skip the terminate rules); its access_id
// names the person making the change, so the employee's stays. An
// employee cannot manage themself.
func TestStrongParametersEmployee(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	before, _ := e.s.Get(ResEmployees, DemoBasicID)
	status, _, body := e.send(http.MethodPut, datedPath("/employees/employees/"+strconv.Itoa(DemoBasicID)), "application/json", jsonBody(t, map[string]any{
		"id": strconv.Itoa(DemoBasicID), "first_name": "Beatriz", "created_at": "2000-01-01T00:00:00Z",
		"company_id": "77", "access_id": "999", "terminated_on": "2024-01-01", "role": "admin",
	}), nil)
	if status != http.StatusOK {
		t.Fatalf("PUT employee: %d %s", status, body)
	}
	after, _ := e.s.Get(ResEmployees, DemoBasicID)
	if after["first_name"] != "Beatriz" {
		t.Errorf("first_name not written: %v", after["first_name"])
	}
	for _, k := range []string{"created_at", "company_id", "access_id", "terminated_on", "role"} {
		if !reflectEqual(before[k], after[k]) {
			t.Errorf("%s: %v, was %v", k, after[k], before[k])
		}
	}
	// The same through v1.
	status, _, body = e.send(http.MethodPut, "/api/v1/employees/"+strconv.Itoa(DemoBasicID), "application/json", jsonBody(t, map[string]any{
		"first_name": "Bea", "created_at": "2000-01-01T00:00:00Z", "terminated_on": "2024-01-01", "company_id": 77, "access_id": 999,
	}), nil)
	if status != http.StatusOK {
		t.Fatalf("PUT v1 employee: %d %s", status, body)
	}
	after, _ = e.s.Get(ResEmployees, DemoBasicID)
	for _, k := range []string{"created_at", "terminated_on", "company_id", "access_id"} {
		if !reflectEqual(before[k], after[k]) {
			t.Errorf("v1 %s: %v, was %v", k, after[k], before[k])
		}
	}
	// Their own manager: refused on both APIs, nothing written.
	id := strconv.Itoa(DemoBasicID)
	status, _, body = e.send(http.MethodPut, datedPath("/employees/employees/"+id), "application/json",
		jsonBody(t, map[string]any{"id": id, "manager_id": id}), nil)
	if status != http.StatusUnprocessableEntity || !strings.Contains(string(body), "own manager") {
		t.Errorf("manager_id = own id: %d %s", status, body)
	}
	status, _, body = e.send(http.MethodPut, "/api/v1/employees/"+id, "application/json",
		jsonBody(t, map[string]any{"manager_id": DemoBasicID}), nil)
	if status != http.StatusUnprocessableEntity {
		t.Errorf("v1 manager_id = own id: %d %s", status, body)
	}
	if got, _ := e.s.Get(ResEmployees, DemoBasicID); intOr(got["manager_id"]) == DemoBasicID {
		t.Error("the employee became their own manager")
	}
}

func reflectEqual(a, b any) bool { return jsonOf(a) == jsonOf(b) }

func jsonOf(v any) string { b, _ := json.Marshal(v); return string(b) }

// TestStrongParametersEveryWrite sends every create and update of both
// APIs, with a JSON body, an attribute its schema does not declare: no
// stored record ever holds it.
func TestStrongParametersEveryWrite(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	const undeclared = "zz_undeclared_attribute"
	written := 0
	for _, rt := range e.allRoutes() {
		if (rt.kind != kindCreate && rt.kind != kindUpdate) || !isJSONBody(e, rt) || rt.body == nil || rt.body.addl {
			continue
		}
		in := e.requestFor(rt)
		body, _ := in.body.(map[string]any)
		if body == nil {
			body = map[string]any{}
		}
		body[undeclared] = "mass-assigned"
		id := "1"
		if rt.idParam != "" {
			if recs := e.s.List(rt.resource); len(recs) > 0 {
				id = strconv.Itoa(intOr(recs[len(recs)-1]["id"]))
			}
			if _, has := body["id"]; has {
				if rt.dated {
					body["id"] = id
				} else {
					body["id"], _ = strconv.Atoi(id)
				}
			}
		}
		if rt.dated {
			datedStrings(body)
		}
		path := urlFor(rt, id)
		if !rt.dated {
			path = v1Path(e, rt, id)
		}
		status, _, _ := e.send(rt.method, path, "application/json", jsonBody(t, body), nil)
		if status/100 == 2 {
			written++
		}
	}
	if written < 40 {
		t.Fatalf("only %d writes succeeded", written)
	}
	for res, recs := range e.s.snapshot() {
		for _, rec := range recs {
			if _, ok := rec[undeclared]; ok {
				t.Errorf("%s %v stored the undeclared attribute", res, rec["id"])
			}
		}
	}
}

// datedStrings writes the dated API's ids as strings, as its schemas type
// them.
func datedStrings(m map[string]any) {
	for k, v := range m {
		if n, ok := v.(int); ok && (k == "id" || strings.HasSuffix(k, "_id")) {
			m[k] = strconv.Itoa(n)
		}
	}
}

// v1Path fills a v1 template with pathFor's parameters, id for the item.
func v1Path(e *env, rt *route, id string) string {
	vals := e.pathFor(rt)
	segs := strings.Split(rt.template, "/")
	j := 0
	for i, sg := range segs {
		if !isParam(sg) {
			continue
		}
		if paramName(sg) == rt.idParam {
			segs[i] = id
		} else if j < len(vals) {
			segs[i] = jsonScalar(vals[j])
		}
		j++
	}
	return strings.Join(segs, "/")
}

func jsonScalar(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	return jsonOf(v)
}

// TestBlankOnUpdate: a name the create requires cannot be blanked by an
// update, on either API (Rails validates presence on every save).
func TestBlankOnUpdate(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for _, tc := range []struct{ path, body string }{
		{datedPath("/teams/teams/2"), `{"id":"2","name":"  "}`},
		{datedPath("/locations/locations/1"), `{"id":"1","name":"\t"}`},
		{"/api/v1/core/teams/2", `{"name":" "}`},
	} {
		status, _, body := e.send(http.MethodPut, tc.path, "application/json", []byte(tc.body), nil)
		if status != http.StatusUnprocessableEntity || !strings.Contains(string(body), "blank") {
			t.Errorf("PUT %s %s: %d %s", tc.path, tc.body, status, body)
		}
	}
	if team, _ := e.s.Get(ResTeams, 2); isBlank(team["name"].(string)) {
		t.Errorf("team 2 was blanked: %v", team)
	}
}

// TestBodyIDMustMatchPath: an update whose body names another record than
// its path is refused, and neither record changes.
func TestBodyIDMustMatchPath(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	before := e.s.snapshot()
	status, _, body := e.send(http.MethodPut, datedPath("/teams/teams/1"), "application/json", []byte(`{"id":"2","name":"Other"}`), nil)
	if status != http.StatusUnprocessableEntity || !strings.Contains(string(body), "Id does not match") {
		t.Errorf("body id 2, path id 1: %d %s", status, body)
	}
	e.unchanged(t, before, "a mismatched body id")
}

// TestUnknownCompany: the sandbox has one company; hiring into another, or
// subscribing a webhook for it, is refused.
func TestUnknownCompany(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	before := e.s.snapshot()
	status, _, body := e.send(http.MethodPost, datedPath("/employees/employees/create_with_contract"), "application/json",
		[]byte(`{"company_id":"999","first_name":"Ann","last_name":"Other","email":"ann@other.example"}`), nil)
	if status != http.StatusUnprocessableEntity || !strings.Contains(string(body), "company does not exist") {
		t.Errorf("create_with_contract company 999: %d %s", status, body)
	}
	e.unchanged(t, before, "an unknown company")
	status, _, body = e.send(http.MethodPost, datedPath("/employees/employees/create_with_contract"), "application/json",
		[]byte(`{"company_id":"1","first_name":"Ann","last_name":"Here","email":"ann@here.example"}`), nil)
	if status != http.StatusOK {
		t.Errorf("create_with_contract company 1: %d %s", status, body)
	}
}

// TestServedVersions: released versions are served alike; a date that is
// impossible, not a quarter's first day, before the first dated release
// or not yet released is 404.
func TestServedVersions(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for v, want := range map[string]int{
		FirstAPIVersion: 200, "2025-04-01": 200, DatedAPIVersion: 200, NewestAPIVersion: 200,
		"2026-13-01": 404, "2026-02-30": 404, "2026-00-01": 404, "2026-08-01": 404, "2026-07-02": 404,
		"2024-07-01": 404, "2027-01-01": 404, "9999-01-01": 404, "0000-01-01": 404,
	} {
		status, _, body := e.send(http.MethodGet, "/api/"+v+"/resources/teams/teams", "", nil, nil)
		if status != want {
			t.Errorf("version %s: %d, want %d: %s", v, status, want, body)
		}
	}
}

// TestRackQuery: a repeated scalar parameter keeps its last value, and a
// boolean one is cast as ActiveModel casts it ("yes" is true, "0" false).
func TestRackQuery(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	ids := func(path string) []string {
		t.Helper()
		status, _, body := e.send(http.MethodGet, datedPath(path), "", nil, nil)
		if status != http.StatusOK {
			t.Fatalf("GET %s: %d %s", path, status, body)
		}
		var out []string
		for _, r := range listRecords(t, body) {
			out = append(out, r["id"].(string))
		}
		return out
	}
	if got := ids("/timeoff/leave_types?leave_type_id=2&leave_type_id=1"); !slices.Equal(got, []string{"1"}) {
		t.Errorf("leave_type_id=2&leave_type_id=1: %v, want the last, [1]", got)
	}
	if got := ids("/timeoff/leave_types?leave_type_id=&leave_type_id=3"); !slices.Equal(got, []string{"3"}) {
		t.Errorf("leave_type_id=&leave_type_id=3: %v", got)
	}
	active := ids("/employees/employees?only_active=true")
	all := ids("/employees/employees")
	if len(active) >= len(all) {
		t.Fatalf("only_active=true lists %v of %v: the seed needs an inactive employee", active, all)
	}
	for v, want := range map[string][]string{"yes": active, "1": active, "TRUE": active, "t": active,
		"0": all, "false": all, "off": all, "": all, "yes&only_active=false": all} {
		if got := ids("/employees/employees?only_active=" + v); !slices.Equal(got, want) {
			t.Errorf("only_active=%s: %v, want %v", v, got, want)
		}
	}
}

var uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// TestRequestID: every answer carries X-Request-Id: a fresh UUID, or the
// client's own id reduced to Rails' alphabet and 255 characters.
func TestRequestID(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	cases := []struct {
		method, path, token, sent, want string
	}{
		{"GET", "/api/v1/employees", tokAdmin, "", "uuid"},
		{"GET", datedPath("/teams/teams"), tokAdmin, "", "uuid"},
		{"GET", datedPath("/teams/teams/999"), tokAdmin, "", "uuid"},
		{"GET", "/api/v1/employees", "nobody", "", "uuid"},
		{"GET", "/oauth/authorize", tokAdmin, "", "uuid"},
		{"GET", "/api/2026-13-01/resources/teams/teams", tokAdmin, "", "uuid"},
		{"GET", "/api/v1/employees", tokAdmin, "trace-42@edge_1", "trace-42@edge_1"},
		{"GET", datedPath("/teams/teams"), tokAdmin, "a b<script>;c", "abscriptc"},
		{"GET", datedPath("/teams/teams"), tokAdmin, strings.Repeat("x", 300), strings.Repeat("x", 255)},
		{"GET", datedPath("/teams/teams"), tokAdmin, "!!!", "uuid"},
	}
	seen := map[string]bool{}
	for _, tc := range cases {
		h := http.Header{"Authorization": {"Bearer " + tc.token}}
		if tc.sent != "" {
			h.Set(RequestIDHeader, tc.sent)
		}
		_, got, _ := e.send(tc.method, tc.path, "", nil, h)
		id := got.Get(RequestIDHeader)
		switch {
		case tc.want == "uuid" && !uuidRE.MatchString(id):
			t.Errorf("%s %s (sent %q): X-Request-Id %q is not a UUID", tc.method, tc.path, tc.sent, id)
		case tc.want != "uuid" && id != tc.want:
			t.Errorf("%s %s (sent %q): X-Request-Id %q, want %q", tc.method, tc.path, tc.sent, id, tc.want)
		}
		if len(got.Values(RequestIDHeader)) != 1 {
			t.Errorf("%s %s: %d X-Request-Id headers", tc.method, tc.path, len(got.Values(RequestIDHeader)))
		}
		if tc.want == "uuid" {
			if seen[id] {
				t.Errorf("X-Request-Id %s answered twice", id)
			}
			seen[id] = true
		}
	}
}

// TestLowercaseBearer: the scheme is case-insensitive (RFC 7235), on both
// APIs, through validation and authentication alike.
func TestLowercaseBearer(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for _, scheme := range []string{"bearer", "BEARER", "bEaReR"} {
		for _, path := range []string{"/api/v1/employees", datedPath("/employees/employees")} {
			status, _, body := e.send(http.MethodGet, path, "", nil, http.Header{"Authorization": {scheme + " " + tokAdmin}})
			if status != http.StatusOK {
				t.Errorf("%s with %q: %d %s", path, scheme, status, body)
			}
		}
	}
	status, _, _ := e.send(http.MethodGet, "/api/v1/employees", "", nil, http.Header{"Authorization": {"bearer "}})
	if status != http.StatusUnauthorized {
		t.Errorf("an empty bearer token: %d", status)
	}
}
