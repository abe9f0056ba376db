package main

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
)

// Every resource command on both APIs: the dated one by default, v1 with
// --api v1. The table shows the sandbox's records and -o json holds one
// element per table row (every record of the sandbox's table).
func TestResourceCommands(t *testing.T) {
	sb := newSandbox(t)
	yesterday := sb.Now().AddDate(0, 0, -1)
	month := []string{"--year", strconv.Itoa(yesterday.Year()), "--month", strconv.Itoa(int(yesterday.Month()))}
	tests := []struct {
		cmd      []string
		resource string   // the sandbox table the rows come from ("" for me)
		header   string   // first line of the table
		cells    []string // values the table must show on both APIs
	}{
		{[]string{"me"}, "", "FIELD ", nil},
		{[]string{"employees"}, "employees", "ID    NAME", []string{"1003  Bea Basic", "basic@example.com", "Tere Terminated"}},
		{[]string{"teams"}, "teams", "ID  NAME", []string{"Engineering", "People"}},
		{[]string{"locations"}, "locations", "ID  NAME", []string{"Barcelona HQ", "Europe/Madrid"}},
		{[]string{"leaves"}, "leaves", "ID  EMPLOYEE", []string{"Bea Basic", "Vacation", "Sick leave"}},
		{[]string{"leave-types"}, "leave_types", "ID  NAME", []string{"Vacation", "Training"}},
		{append([]string{"shifts"}, month...), "shifts", "ID  EMPLOYEE", []string{"1003", "09:00", "17:30"}},
		{[]string{"holidays"}, "company_holidays", "ID  DATE", []string{"Christmas Day", "end_of_day"}},
	}
	// me differs: v1's /me describes the API key's admin, the dated
	// credentials describe the company the key belongs to.
	meCells := map[string][]string{
		"":   {"company (company token or API key)", "Acme Labs", "Acme Labs S.L."},
		"v1": {"Ada Admin", "admin@example.com", "1001", "admin"},
	}
	// Columns only one API has.
	extraHeader := map[string]map[string]string{
		"":   {"employees": "LOCATION", "shifts": "MINUTES", "locations": "MAIN"},
		"v1": {"employees": "ROLE"},
	}
	for _, api := range []string{"", "v1"} {
		for _, tc := range tests {
			args := tc.cmd
			if api != "" {
				args = append(append([]string{}, args...), "--api", api)
			}
			t.Run(fmt.Sprintf("%s/api=%s", tc.cmd[0], api), func(t *testing.T) {
				r := runCLI(t, sb.keyArgs(args...)...)
				if r.code != exitOK {
					t.Fatalf("table: exit %d\n%s", r.code, r.all())
				}
				lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
				if !strings.HasPrefix(lines[0], tc.header) {
					t.Errorf("header %q, want %q", lines[0], tc.header)
				}
				if col := extraHeader[api][tc.cmd[0]]; col != "" && !strings.Contains(lines[0], col) {
					t.Errorf("header %q lacks %s", lines[0], col)
				}
				cells := tc.cells
				if tc.cmd[0] == "me" {
					cells = meCells[api]
				}
				for _, c := range cells {
					if !strings.Contains(r.stdout, c) {
						t.Errorf("table lacks %q:\n%s", c, r.stdout)
					}
				}

				r = runCLI(t, sb.keyArgs(append(args, "--output", "json")...)...)
				if r.code != exitOK {
					t.Fatalf("json: exit %d\n%s", r.code, r.all())
				}
				if tc.resource == "" {
					if api == "v1" {
						if decodeJSON[map[string]any](t, r.stdout)["employee_id"] != float64(1001) {
							t.Errorf("json:\n%s", r.stdout)
						}
						return
					}
					creds := decodeJSON[[]map[string]any](t, r.stdout)
					if len(creds) != 1 || creds[0]["company_id"] != "1" || creds[0]["name"] != "Acme Labs" {
						t.Errorf("json:\n%s", r.stdout)
					}
					return
				}
				rows := decodeJSON[[]map[string]any](t, r.stdout)
				if want := len(sb.List(tc.resource)); tc.cmd[0] != "shifts" && len(rows) != want {
					t.Errorf("json has %d records, the sandbox %d", len(rows), want)
				}
				if len(rows) != len(lines)-1 {
					t.Errorf("json has %d records, the table %d rows", len(rows), len(lines)-1)
				}
				// The dated API's ids are strings, v1's numbers.
				if len(rows) > 0 {
					_, isString := rows[0]["id"].(string)
					if isString != (api == "") {
						t.Errorf("api=%q: id %#v", api, rows[0]["id"])
					}
				}
			})
		}
	}
}

// --api with the current version's date is the default.
func TestResourceExplicitVersion(t *testing.T) {
	sb := newSandbox(t)
	def := runCLI(t, sb.keyArgs("teams", "-o", "json")...)
	explicit := runCLI(t, sb.keyArgs("teams", "-o", "json", "--api", factorial.DefaultAPIVersion)...)
	if def.code != exitOK || explicit.code != exitOK || def.stdout != explicit.stdout {
		t.Fatalf("default: exit %d\n%s\nexplicit: exit %d\n%s", def.code, def.all(), explicit.code, explicit.all())
	}
}

func TestResourceFilters(t *testing.T) {
	sb := newSandbox(t)
	for _, api := range []string{factorial.DefaultAPIVersion, "v1"} {
		r := runCLI(t, sb.keyArgs("leaves", "--api", api, "--employee", strconv.Itoa(factorialtest.BasicEmployeeID), "-o", "json")...)
		if r.code != exitOK {
			t.Fatalf("%s: exit %d\n%s", api, r.code, r.all())
		}
		leaves := decodeJSON[[]map[string]any](t, r.stdout)
		if len(leaves) == 0 {
			t.Fatalf("%s: no leaves for the basic employee", api)
		}
		want := any(float64(factorialtest.BasicEmployeeID))
		if api != "v1" {
			want = strconv.Itoa(factorialtest.BasicEmployeeID)
		}
		for _, l := range leaves {
			if l["employee_id"] != want {
				t.Errorf("%s: filter not applied: %v", api, l)
			}
		}
		// A month with no shifts says so on stderr and prints no table.
		r = runCLI(t, sb.keyArgs("shifts", "--api", api, "--year", "1999", "--month", "1")...)
		if r.code != exitOK || r.stdout != "" || !strings.Contains(r.stderr, "No shifts.") {
			t.Fatalf("%s: exit %d\n%s", api, r.code, r.all())
		}
	}
	// --from and --to become the dated API's from and to: a window that
	// ends before every leave leaves none.
	r := runCLI(t, sb.keyArgs("leaves", "--from", "1999-01-01", "--to", "1999-12-31", "-o", "json")...)
	if r.code != exitOK || len(decodeJSON[[]map[string]any](t, r.stdout)) != 0 {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
}

// The same commands with a stored OAuth login instead of the API key: a
// basic user sees her own view, on both APIs.
func TestResourceCommandsWithLogin(t *testing.T) {
	sb := newSandbox(t)
	sb.seedLogin(t, factorialtest.BasicUserID)
	var outputs []string
	for _, api := range []string{factorial.DefaultAPIVersion, "v1"} {
		r := runCLI(t, sb.oauthArgs("me", "--api", api)...)
		if r.code != exitOK || !regexp.MustCompile(`(?m)^email\s+basic@example\.com$`).MatchString(r.stdout) {
			t.Fatalf("%s: exit %d\n%s", api, r.code, r.all())
		}
		outputs = append(outputs, r.all())
		r = runCLI(t, sb.oauthArgs("employees", "--api", api)...)
		if r.code != exitOK || !strings.Contains(r.stdout, "Bea Basic") {
			t.Fatalf("%s: exit %d\n%s", api, r.code, r.all())
		}
		outputs = append(outputs, r.all())
	}
	assertNoSecrets(t, strings.Join(outputs, "\n"), sb.allSecrets())
}

func TestResourceUsageErrors(t *testing.T) {
	sb := newSandbox(t)
	for _, args := range [][]string{
		{"employees", "--output", "xml"},
		{"employees", "extra"},
		{"leaves", "--from", "yesterday"},
		{"leaves", "--employee", "abc"},
		{"shifts", "--month", "13"},
		{"teams", "--nope"},
		{"employees", "--api", "2025-13-01"},
		{"employees", "--api", "2025-02-01"}, // not a quarter's first day
		{"employees", "--api", "v2"},
		{"me", "--api", "2026-7-1"},
	} {
		r := runCLI(t, sb.keyArgs(args...)...)
		if r.code != exitUsage {
			t.Errorf("%v: exit %d, want 2\n%s", args, r.code, r.all())
		}
		if slicesContains(args, "--api") && !strings.Contains(r.stderr, "--api") {
			t.Errorf("%v: the message does not name --api:\n%s", args, r.stderr)
		}
	}
	if r := runCLI(t, "employees", "-h"); r.code != exitOK || !strings.Contains(r.stdout, "--output") || !strings.Contains(r.stdout, "--api VERSION") {
		t.Errorf("-h: exit %d\n%s", r.code, r.all())
	}
}

func slicesContains(s []string, v string) bool {
	for _, x := range s {
		if x == v {
			return true
		}
	}
	return false
}

// --output json prints the response body as the API sent it, not the
// decoded records re-encoded: the same bytes as `factorial api` prints,
// explicit nulls included (a basic user sees colleagues' private fields as
// null). After a retried attempt it is the last attempt's body alone.
func TestResourceJSONIsTheResponse(t *testing.T) {
	sb := newSandbox(t)
	sb.seedLogin(t, factorialtest.BasicUserID)
	viaAPI := runCLI(t, sb.oauthArgs("api", "/api/v1/employees")...)
	if viaAPI.code != exitOK {
		t.Fatalf("api: exit %d\n%s", viaAPI.code, viaAPI.all())
	}
	if !strings.Contains(viaAPI.stdout, "null") {
		t.Fatalf("the basic user's view has no null field to compare:\n%s", viaAPI.stdout)
	}
	fault := sb.InjectFault(factorialtest.Fault{Match: "GET /api/v1/employees", Status: 503, Times: 1})
	r := runCLI(t, sb.oauthArgs("employees", "--api", "v1", "-o", "json")...)
	if r.code != exitOK || fault.Hits() != 1 {
		t.Fatalf("employees: exit %d, %d failed attempt(s)\n%s", r.code, fault.Hits(), r.all())
	}
	if r.stdout != viaAPI.stdout {
		t.Errorf("employees -o json differs from the response body:\n%s\nwant:\n%s", r.stdout, viaAPI.stdout)
	}
}

// On the dated API, -o json is the data of every page, each element as
// the API sent it (nulls kept): with more employees than fit in a page,
// the CLI walks two pages, and a retried attempt's body replaces the
// failed one instead of adding to the output.
func TestResourceJSONJoinsThePages(t *testing.T) {
	sb := newSandbox(t)
	for i := range 120 {
		if _, err := sb.AddEmployee("Extra", strconv.Itoa(i), fmt.Sprintf("extra%d@example.com", i)); err != nil {
			t.Fatal(err)
		}
	}
	want := len(sb.List("employees"))
	if want <= 100 {
		t.Fatalf("%d employees fit in one page", want)
	}
	sb.seedLogin(t, factorialtest.BasicUserID)

	// The pages as the API sends them, through factorial api.
	var fromPages []any
	after := ""
	pages := 0
	for {
		args := []string{"api", "GET", "employees/employees"}
		if after != "" {
			args = append(args, "-F", "after_id="+after)
		}
		r := runCLI(t, sb.oauthArgs(args...)...)
		if r.code != exitOK {
			t.Fatalf("api: exit %d\n%s", r.code, r.all())
		}
		page := decodeJSON[map[string]any](t, r.stdout)
		fromPages = append(fromPages, page["data"].([]any)...)
		pages++
		meta := page["meta"].(map[string]any)
		if meta["has_next_page"] != true {
			break
		}
		after = meta["end_cursor"].(string)
	}
	if pages != 2 {
		t.Fatalf("%d pages, want 2", pages)
	}

	fault := sb.InjectFault(factorialtest.Fault{Match: "GET /api/*/resources/employees/employees", Status: 503, Times: 1})
	r := runCLI(t, sb.oauthArgs("employees", "-o", "json")...)
	if r.code != exitOK || fault.Hits() != 1 {
		t.Fatalf("employees: exit %d, %d failed attempt(s)\n%s", r.code, fault.Hits(), r.all())
	}
	got := decodeJSON[[]any](t, r.stdout)
	if len(got) != want {
		t.Errorf("employees -o json has %d records, the sandbox %d", len(got), want)
	}
	if !reflect.DeepEqual(got, fromPages) {
		t.Errorf("employees -o json is not the pages' data")
	}
	if !strings.Contains(r.stdout, "null") {
		t.Errorf("the basic user's view lost its nulls:\n%.2000s", r.stdout)
	}
}
