package main

import (
	"strings"
	"testing"
)

// list reaches every collection of the dated API: it names them, follows
// the pages of any of them, checks filters against the spec and shows a
// table or the records as the API sent them.
func TestList(t *testing.T) {
	sb := newSandbox(t)

	r := runCLI(t, sb.keyArgs("list")...)
	if r.code != exitOK || !strings.HasPrefix(r.stdout, "COLLECTION") {
		t.Fatalf("collections: exit %d\n%s", r.code, r.all())
	}
	rows := map[string]string{}
	for _, line := range strings.Split(r.stdout, "\n") {
		if f := strings.Fields(line); len(f) == 2 {
			rows[f[0]] = f[1]
		}
	}
	for coll, op := range map[string]string{"employees/employees": "ListEmployees", "banking/transactions": "ListBankTransactions",
		"job_catalog/roles": "ListJobCatalogRoles", "tasks/tasks": "ListTasks"} {
		if rows[coll] != op {
			t.Errorf("collection %s: operation %q, want %s", coll, rows[coll], op)
		}
	}
	if _, ok := rows["employees/employees/{id}"]; ok {
		t.Error("an item path is listed as a collection")
	}

	// One record per page: every employee, in order, through the cursors.
	employees := len(sb.List("employees"))
	r = runCLI(t, sb.keyArgs("list", "employees/employees", "-f", "limit=1", "-o", "json")...)
	recs := decodeJSON[[]map[string]any](t, r.stdout)
	if r.code != exitOK || len(recs) != employees || recs[0]["id"] != "1001" {
		t.Fatalf("json over %d pages: exit %d, %d records\n%s", employees, r.code, len(recs), r.all())
	}
	seen := map[any]bool{}
	for _, rec := range recs {
		if seen[rec["id"]] {
			t.Errorf("employee %v listed twice", rec["id"])
		}
		seen[rec["id"]] = true
	}

	// The table shows the id and the fields that name a record.
	r = runCLI(t, sb.keyArgs("list", "/employees/employees/", "--max", "2")...)
	lines := strings.Split(strings.TrimRight(r.stdout, "\n"), "\n")
	if r.code != exitOK || len(lines) != 3 || !strings.HasPrefix(lines[0], "ID") || !strings.Contains(lines[0], "FULL_NAME") || !strings.Contains(r.stdout, "Ada Admin") {
		t.Fatalf("table, --max 2: exit %d\n%s", r.code, r.all())
	}

	// A declared filter is sent.
	r = runCLI(t, sb.keyArgs("list", "timeoff/leaves", "-F", "employee_ids[]=1003", "-o", "json")...)
	leaves := decodeJSON[[]map[string]any](t, r.stdout)
	if r.code != exitOK || len(leaves) == 0 {
		t.Fatalf("filtered leaves: exit %d\n%s", r.code, r.all())
	}
	for _, l := range leaves {
		if l["employee_id"] != "1003" {
			t.Errorf("leave of employee %v passed the employee_ids[] filter", l["employee_id"])
		}
	}

	// Bad input is refused before anything is sent.
	sb.requested()
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"list", "ats/nothing"}, "not a collection"},
		{[]string{"list", "employees/employees/1001"}, "not a collection"},
		{[]string{"list", "employees/employees", "-f", "colour=red"}, "takes no parameter \"colour\""},
		{[]string{"list", "employees/employees", "-F", "after_id=x"}, "set by list itself"},
		{[]string{"list", "employees/employees", "--max", "-1"}, "--max"},
		{[]string{"list", "employees/employees", "-o", "yaml"}, "--output"},
		{[]string{"list", "employees/employees", "--api", "v1"}, "dated API"},
		{[]string{"list", "a/b", "c/d"}, "one COLLECTION"},
	} {
		if r := runCLI(t, sb.keyArgs(tc.args...)...); r.code != exitUsage || !strings.Contains(r.stderr, tc.want) {
			t.Errorf("%v: exit %d, want %d and %q\n%s", tc.args, r.code, exitUsage, tc.want, r.all())
		}
	}
	if sent := sb.requested(); len(sent) > 0 {
		t.Errorf("refused commands sent requests: %v", sent)
	}
}
