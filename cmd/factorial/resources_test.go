package main

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/factorialtest"
)

func TestResourceCommands(t *testing.T) {
	sb := newSandbox(t)
	yesterday := sb.Now().AddDate(0, 0, -1)
	month := []string{"--year", strconv.Itoa(yesterday.Year()), "--month", strconv.Itoa(int(yesterday.Month()))}
	tests := []struct {
		cmd      []string
		resource string   // the sandbox table the rows come from ("" for me)
		header   string   // first line of the table
		cells    []string // values the table must show
	}{
		{[]string{"me"}, "", "FIELD ", []string{"Ada Admin", "admin@example.com", "1001", "admin"}},
		{[]string{"employees"}, "employees", "ID    NAME", []string{"1003  Bea Basic", "basic@example.com", "Tere Terminated"}},
		{[]string{"teams"}, "teams", "ID  NAME", []string{"Engineering", "People"}},
		{[]string{"locations"}, "locations", "ID  NAME", []string{"Barcelona HQ", "Europe/Madrid"}},
		{[]string{"leaves"}, "leaves", "ID  EMPLOYEE", []string{"Bea Basic", "Vacation", "Sick leave"}},
		{[]string{"leave-types"}, "leave_types", "ID  NAME", []string{"Vacation", "Training"}},
		{append([]string{"shifts"}, month...), "shifts", "ID  EMPLOYEE", []string{"1003", "09:00", "17:30"}},
		{[]string{"holidays"}, "company_holidays", "ID  DATE", []string{"Christmas Day", "end_of_day"}},
	}
	for _, tc := range tests {
		t.Run(tc.cmd[0], func(t *testing.T) {
			r := runCLI(t, sb.keyArgs(tc.cmd...)...)
			if r.code != exitOK {
				t.Fatalf("table: exit %d\n%s", r.code, r.all())
			}
			lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
			if !strings.HasPrefix(lines[0], tc.header) {
				t.Errorf("header %q, want %q", lines[0], tc.header)
			}
			for _, c := range tc.cells {
				if !strings.Contains(r.stdout, c) {
					t.Errorf("table lacks %q:\n%s", c, r.stdout)
				}
			}

			r = runCLI(t, sb.keyArgs(append(tc.cmd, "--output", "json")...)...)
			if r.code != exitOK {
				t.Fatalf("json: exit %d\n%s", r.code, r.all())
			}
			if tc.resource == "" {
				if decodeJSON[map[string]any](t, r.stdout)["employee_id"] != float64(1001) {
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
		})
	}
}

func TestResourceFilters(t *testing.T) {
	sb := newSandbox(t)
	r := runCLI(t, sb.keyArgs("leaves", "--employee", strconv.Itoa(factorialtest.BasicEmployeeID), "-o", "json")...)
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	leaves := decodeJSON[[]map[string]any](t, r.stdout)
	if len(leaves) == 0 {
		t.Fatal("no leaves for the basic employee")
	}
	for _, l := range leaves {
		if l["employee_id"] != float64(factorialtest.BasicEmployeeID) {
			t.Errorf("filter not applied: %v", l)
		}
	}
	// A month with no shifts says so on stderr and prints no table.
	r = runCLI(t, sb.keyArgs("shifts", "--year", "1999", "--month", "1")...)
	if r.code != exitOK || r.stdout != "" || !strings.Contains(r.stderr, "No shifts.") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
}

// The same commands with a stored OAuth login instead of the API key: a
// basic user sees her own view.
func TestResourceCommandsWithLogin(t *testing.T) {
	sb := newSandbox(t)
	sb.seedLogin(t, factorialtest.BasicUserID)
	r := runCLI(t, sb.oauthArgs("me")...)
	if r.code != exitOK || !regexp.MustCompile(`(?m)^email\s+basic@example\.com$`).MatchString(r.stdout) {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	r = runCLI(t, sb.oauthArgs("employees")...)
	if r.code != exitOK || !strings.Contains(r.stdout, "Bea Basic") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	assertNoSecrets(t, r.all(), sb.allSecrets())
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
	} {
		r := runCLI(t, sb.keyArgs(args...)...)
		if r.code != exitUsage {
			t.Errorf("%v: exit %d, want 2\n%s", args, r.code, r.all())
		}
	}
	if r := runCLI(t, "employees", "-h"); r.code != exitOK || !strings.Contains(r.stdout, "--output") {
		t.Errorf("-h: exit %d\n%s", r.code, r.all())
	}
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
	fault := sb.InjectFault(factorialtest.Fault{Match: "ListEmployees", Status: 503, Times: 1})
	r := runCLI(t, sb.oauthArgs("employees", "-o", "json")...)
	if r.code != exitOK || fault.Hits() != 1 {
		t.Fatalf("employees: exit %d, %d failed attempt(s)\n%s", r.code, fault.Hits(), r.all())
	}
	if r.stdout != viaAPI.stdout {
		t.Errorf("employees -o json differs from the response body:\n%s\nwant:\n%s", r.stdout, viaAPI.stdout)
	}
}
