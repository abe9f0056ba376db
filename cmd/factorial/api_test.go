package main

import (
	"encoding/json"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
)

func decodeJSON[T any](t *testing.T, s string) T {
	t.Helper()
	var v T
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, s)
	}
	return v
}

func TestAPIGet(t *testing.T) {
	sb := newSandbox(t)
	r := runCLI(t, sb.keyArgs("api", "/api/v1/employees")...)
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	emps := decodeJSON[[]map[string]any](t, r.stdout)
	if len(emps) != len(sb.List("employees")) || !strings.Contains(r.stdout, "\n  {\n    ") {
		t.Errorf("want every employee, indented:\n%s", r.stdout)
	}

	// Shorthand path, explicit method, flags after the arguments.
	r = runCLI(t, append(sb.keyArgs(), "api", "get", "v1/employees/1003")...)
	if r.code != exitOK || decodeJSON[map[string]any](t, r.stdout)["email"] != "basic@example.com" {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}

	// -i prints the status line and headers first.
	r = runCLI(t, sb.keyArgs("api", "-i", "/api/v1/me")...)
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "HTTP 200 OK\n") || !strings.Contains(r.stdout, "Content-Type: application/json") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	assertNoSecrets(t, r.all(), sb.allSecrets())
}

// For GET, fields are query parameters; key[] keeps its brackets, which is
// how Factorial's filters are named.
func TestAPIGetFieldsBecomeQuery(t *testing.T) {
	sb := newSandbox(t)
	r := runCLI(t, "api", "GET", "/api/v1/time/leaves", "-f", "employee_ids[]=1003", "-f", "include_leave_type=true", "--env", sb.URL(), "--api-key", factorialtest.DefaultAPIKey, "--config-dir", sb.dir)
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	leaves := decodeJSON[[]map[string]any](t, r.stdout)
	if len(leaves) == 0 {
		t.Fatal("no leaves")
	}
	for _, l := range leaves {
		if l["employee_id"] != float64(1003) || l["leave_type_name"] == nil {
			t.Errorf("leave %v: the filter or include_leave_type was not applied", l)
		}
	}
	// A typed query value the spec rejects (year is an integer).
	r = runCLI(t, sb.keyArgs("api", "GET", "/api/v1/time/shifts", "-f", "year=twenty")...)
	if r.code != exitUsage || !strings.Contains(r.stderr, "ListShifts") || !strings.Contains(r.stderr, "year") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
}

// -f types its values, -F keeps strings; the spec decides which is right.
func TestAPIPostTypedFields(t *testing.T) {
	sb := newSandbox(t)
	day := sb.Now().AddDate(0, 0, 40).Format(time.DateOnly)
	before := len(sb.List("leaves"))

	// employee_id is an integer: -F sends "1003", which the spec refuses
	// before anything is sent.
	r := runCLI(t, sb.keyArgs("api", "POST", "/api/v1/time/leaves", "-F", "employee_id=1003", "-f", "start_on="+day, "-f", "finish_on="+day)...)
	if r.code != exitUsage {
		t.Fatalf("-F employee_id: exit %d\n%s", r.code, r.all())
	}
	for _, want := range []string{"CreateLeave", "does not match the API description, so it was not sent", "employee_id"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, r.stderr)
		}
	}
	if n := len(sb.List("leaves")); n != before {
		t.Fatalf("a refused request created a leave (%d -> %d)", before, n)
	}

	// -f makes it a number; half_day stays a string, description too.
	r = runCLI(t, sb.keyArgs("api", "POST", "/api/v1/time/leaves", "-f", "employee_id=1003", "-f", "start_on="+day,
		"-f", "finish_on="+day, "-F", "description=42", "-f", "leave_type_id=1")...)
	if r.code != exitOK {
		t.Fatalf("-f employee_id: exit %d\n%s", r.code, r.all())
	}
	leave := decodeJSON[map[string]any](t, r.stdout)
	if leave["employee_id"] != float64(1003) || leave["description"] != "42" || leave["start_on"] != day {
		t.Errorf("created %v", leave)
	}
	if n := len(sb.List("leaves")); n != before+1 {
		t.Errorf("leaves %d -> %d, want one more", before, n)
	}
}

func TestAPISpecRejections(t *testing.T) {
	sb := newSandbox(t)
	teams := len(sb.List("teams"))
	tests := []struct {
		name string
		args []string
		want string
	}{
		{"missing required field", []string{"POST", "/api/v1/core/teams", "-f", "description=x"}, `property "name" is missing`},
		{"unknown route", []string{"GET", "/api/v1/nope"}, "no operation in the API description (openapi.yaml) matches GET /api/v1/nope"},
		{"method not allowed", []string{"PATCH", "/api/v1/core/teams"}, "no operation in the API description"},
		{"wrong type", []string{"POST", "/api/v1/core/teams", "-f", "name=true"}, "name"},
		{"path id not an integer", []string{"GET", "/api/v1/employees/abc"}, "GetEmployee"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := runCLI(t, sb.keyArgs(append([]string{"api"}, tc.args...)...)...)
			if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
				t.Fatalf("exit %d, want 2 and %q:\n%s", r.code, tc.want, r.all())
			}
		})
	}
	if n := len(sb.List("teams")); n != teams {
		t.Errorf("refused requests changed the teams (%d -> %d)", teams, n)
	}

	// --no-validate sends it anyway, and the server's answer is an API
	// error with its messages.
	r := runCLI(t, sb.keyArgs("api", "--no-validate", "POST", "/api/v1/core/teams", "-f", "description=x")...)
	if r.code != exitAPI || !strings.Contains(r.stderr, "factorial: POST /api/v1/core/teams: 4") {
		t.Fatalf("--no-validate: exit %d\n%s", r.code, r.all())
	}
}

func TestAPIErrorMessages(t *testing.T) {
	sb := newSandbox(t)
	r := runCLI(t, sb.keyArgs("api", "/api/v1/employees/999999")...)
	if r.code != exitAPI || !strings.Contains(r.stderr, "factorial: GET /api/v1/employees/999999: 404 Not Found") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	if !strings.Contains(r.stderr, "\n  ") || r.stdout != "" {
		t.Errorf("want the server's message indented on stderr and nothing on stdout:\n%s", r.all())
	}
	// -i prints the error response too.
	r = runCLI(t, sb.keyArgs("api", "-i", "/api/v1/employees/999999")...)
	if r.code != exitAPI || !strings.HasPrefix(r.stdout, "HTTP 404 Not Found\n") {
		t.Fatalf("-i: exit %d\n%s", r.code, r.all())
	}
}

func TestAPIInput(t *testing.T) {
	sb := newSandbox(t)
	r := runCLIInput(t, `{"name": "Platform", "description": "from stdin"}`, sb.keyArgs("api", "POST", "/api/v1/core/teams", "--input", "-")...)
	if r.code != exitOK || decodeJSON[map[string]any](t, r.stdout)["name"] != "Platform" {
		t.Fatalf("stdin: exit %d\n%s", r.code, r.all())
	}
	file := filepath.Join(t.TempDir(), "team.json")
	if err := os.WriteFile(file, []byte(`{"name": "Data"}`), 0o600); err != nil {
		t.Fatal(err)
	}
	r = runCLI(t, sb.keyArgs("api", "/api/v1/core/teams", "--input", file)...) // POST by default
	if r.code != exitOK || decodeJSON[map[string]any](t, r.stdout)["name"] != "Data" {
		t.Fatalf("file: exit %d\n%s", r.code, r.all())
	}
	r = runCLI(t, sb.keyArgs("api", "GET", "/api/v1/core/teams", "--input", file)...)
	if r.code != exitUsage {
		t.Fatalf("GET with --input: exit %d\n%s", r.code, r.all())
	}
	r = runCLI(t, sb.keyArgs("api", "POST", "/api/v1/core/teams", "--input", filepath.Join(t.TempDir(), "missing.json"))...)
	if r.code != exitUsage {
		t.Fatalf("missing file: exit %d\n%s", r.code, r.all())
	}
}

func TestAPIWithLogin(t *testing.T) {
	sb := newSandbox(t)
	sb.seedLogin(t, factorialtest.BasicUserID)
	r := runCLI(t, sb.oauthArgs("api", "/api/v1/me")...)
	if r.code != exitOK || decodeJSON[map[string]any](t, r.stdout)["email"] != "basic@example.com" {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	// A basic user may not create teams: 403 from the server.
	r = runCLI(t, sb.oauthArgs("api", "POST", "/api/v1/core/teams", "-f", "name=Nope")...)
	if r.code != exitAPI || !strings.Contains(r.stderr, "403 Forbidden") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	assertNoSecrets(t, r.all(), sb.allSecrets())
}

func TestAPIUsage(t *testing.T) {
	for _, args := range [][]string{
		{"api"},
		{"api", "GET", "/a", "/b"},
		{"api", "TRACE", "/api/v1/me"},
		{"api", "POST", "/oauth/token"},
		{"api", "/api/v1/me", "-f", "novalue"},
		{"api", "/api/v1/me", "-f", "=x"},
		{"api", "POST", "/api/v1/core/teams", "-f", "name=a", "-f", "name=b"},
		{"api", "--api", "2025-13-01", "employees/employees"},
		{"api", "--api", "latest", "employees/employees"},
	} {
		r := runCLI(t, args...)
		if r.code != exitUsage {
			t.Errorf("%v: exit %d, want 2\n%s", args, r.code, r.all())
		}
	}
}

func TestFieldTyping(t *testing.T) {
	var fields []field
	typed, raw := fieldFlag{fields: &fields, typed: true}, fieldFlag{fields: &fields}
	for _, f := range []struct {
		ff fieldFlag
		v  string
	}{
		{typed, "int=42"}, {typed, "neg=-7"}, {typed, "dec=1.5"}, {typed, "exp=2e3"}, {typed, "yes=true"}, {typed, "no=false"},
		{typed, "nil=null"}, {typed, "str=hello"}, {typed, "zip=007"}, {typed, "eq=a=b"}, {typed, "empty="},
		{raw, "rawint=42"}, {raw, "rawbool=true"},
		{typed, "ids[]=1"}, {raw, "ids[]=2"}, {typed, "ids[]=x"}, {typed, "none[]"},
	} {
		if err := f.ff.Set(f.v); err != nil {
			t.Fatalf("%s: %v", f.v, err)
		}
	}
	body, err := fieldsBody(fields)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"dec":1.5,"empty":"","eq":"a=b","exp":2e3,"ids":[1,"2","x"],"int":42,"neg":-7,"nil":null,"no":false,"none":[],"rawbool":"true","rawint":"42","str":"hello","yes":true,"zip":"007"}`
	if string(body) != want {
		t.Errorf("body\n got %s\nwant %s", body, want)
	}
	q := url.Values{}
	addFieldsToQuery(q, fields)
	if got := q.Encode(); !strings.Contains(got, "ids%5B%5D=1&ids%5B%5D=2&ids%5B%5D=x") || !strings.Contains(got, "nil=&") || strings.Contains(got, "none") {
		t.Errorf("query %s", got)
	}
	if _, err := fieldsBody([]field{{key: "a", value: "1"}, {key: "a[]", array: true, value: "2"}}); err == nil {
		t.Error("a value and an array under one name were accepted")
	}
}

func TestParseFlagsInterspersed(t *testing.T) {
	var g globals
	fs := newFlagSet("x", &g)
	n := fs.Int("n", 0, "")
	pos, err := parseFlags(fs, []string{"a", "-n", "3", "b", "--env", "demo", "--", "-c", "--env"})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(pos, " ") != "a b -c --env" || *n != 3 || g.env != "demo" {
		t.Errorf("pos %v, n %d, env %q", pos, *n, g.env)
	}
}

// Paths of the dated API: relative ones go under /api/<--api>/resources,
// and the page comes back whole (data and meta), its cursor leading to the
// next.
func TestAPIDated(t *testing.T) {
	sb := newSandbox(t)
	r := runCLI(t, sb.keyArgs("api", "employees/employees")...)
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	page := decodeJSON[map[string]any](t, r.stdout)
	if data, _ := page["data"].([]any); len(data) != len(sb.List("employees")) || page["meta"] == nil {
		t.Fatalf("want every employee in one page, with meta:\n%s", r.stdout)
	}

	// One page of two, then the next through its cursor.
	r = runCLI(t, sb.keyArgs("api", "GET", "employees/employees", "-f", "limit=2")...)
	page = decodeJSON[map[string]any](t, r.stdout)
	meta, _ := page["meta"].(map[string]any)
	if r.code != exitOK || len(page["data"].([]any)) != 2 || meta["has_next_page"] != true {
		t.Fatalf("limit=2: exit %d\n%s", r.code, r.all())
	}
	r = runCLI(t, sb.keyArgs("api", "GET", "/api/"+factorial.DefaultAPIVersion+"/resources/employees/employees",
		"-f", "limit=2", "-F", "after_id="+meta["end_cursor"].(string))...)
	page = decodeJSON[map[string]any](t, r.stdout)
	if first, _ := page["data"].([]any); r.code != exitOK || len(first) != 2 || first[0].(map[string]any)["id"] != "1003" {
		t.Fatalf("second page: exit %d\n%s", r.code, r.all())
	}

	// A write: ids are strings (-F), checked against openapi-resources.yaml.
	day := sb.Now().AddDate(0, 0, 50).Format(time.DateOnly)
	r = runCLI(t, sb.keyArgs("api", "POST", "timeoff/leaves", "-F", "employee_id=1003", "-F", "leave_type_id=1",
		"-f", "start_on="+day, "-f", "finish_on="+day)...)
	if r.code != exitOK || decodeJSON[map[string]any](t, r.stdout)["employee_id"] != "1003" {
		t.Fatalf("create leave: exit %d\n%s", r.code, r.all())
	}
	r = runCLI(t, sb.keyArgs("api", "POST", "timeoff/leaves", "-f", "employee_id=1003", "-F", "leave_type_id=1",
		"-f", "start_on="+day, "-f", "finish_on="+day)...)
	if r.code != exitUsage || !strings.Contains(r.stderr, "CreateLeave") || !strings.Contains(r.stderr, "employee_id") {
		t.Fatalf("numeric id: exit %d\n%s", r.code, r.all())
	}

	// Refusals name the dated API's description.
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"employees/nope"}, "no operation in the API description (openapi-resources.yaml) matches GET /api/" + factorial.DefaultAPIVersion + "/resources/employees/nope"},
		{[]string{"GET", "employees/employees", "-f", "limit=many"}, `ListEmployees`},
		{[]string{"--api", "2025-10-01", "PATCH", "teams/teams"}, "matches PATCH /api/2025-10-01/resources/teams/teams; see docs/resources-operations.md"},
	} {
		r := runCLI(t, sb.keyArgs(append([]string{"api"}, tc.args...)...)...)
		if r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, want 2 and %q:\n%s", tc.args, r.code, tc.want, r.all())
		}
	}

	// --api v1 makes relative paths v1's.
	r = runCLI(t, sb.keyArgs("api", "--api", "v1", "employees/1003")...)
	if r.code != exitOK || decodeJSON[map[string]any](t, r.stdout)["id"] != float64(1003) {
		t.Fatalf("--api v1: exit %d\n%s", r.code, r.all())
	}
	assertNoSecrets(t, r.all(), sb.allSecrets())
}

func TestAPITargetPaths(t *testing.T) {
	dated := "/api/" + factorial.DefaultAPIVersion + "/resources"
	for _, tc := range []struct {
		version, path, want string
	}{
		{factorial.DefaultAPIVersion, "employees/employees", dated + "/employees/employees"},
		{factorial.DefaultAPIVersion, "/teams/teams/1", dated + "/teams/teams/1"},
		{"2025-10-01", "teams/teams", "/api/2025-10-01/resources/teams/teams"},
		{factorial.DefaultAPIVersion, "/api/v1/employees", "/api/v1/employees"},
		{factorial.DefaultAPIVersion, "/api/2025-10-01/resources/teams/teams", "/api/2025-10-01/resources/teams/teams"},
		{factorial.DefaultAPIVersion, "v1/employees", "/api/v1/employees"},
		{factorial.DefaultAPIVersion, "/v2/core/employees", "/api/v2/core/employees"},
		{"v1", "employees", "/api/v1/employees"},
		{"v1", "v1/employees", "/api/v1/employees"},
		{"v1", "/api/2026-07-01/resources/teams/teams", "/api/2026-07-01/resources/teams/teams"},
	} {
		af := apiFlags{version: tc.version}
		_, got, err := af.target([]string{tc.path})
		if err != nil || got != tc.want {
			t.Errorf("--api %s %s: %q, %v; want %q", tc.version, tc.path, got, err, tc.want)
		}
	}
	for _, p := range []string{"/oauth/token", "oauth/revoke", "/oauth"} {
		af := apiFlags{version: factorial.DefaultAPIVersion}
		if _, _, err := af.target([]string{p}); exitCode(err) != exitUsage {
			t.Errorf("%s: %v, want a usage error", p, err)
		}
	}
}
