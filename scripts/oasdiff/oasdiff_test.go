package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

func loadFixtures(t *testing.T) (ours, theirs *Document) {
	t.Helper()
	ctx := context.Background()
	ours, err := LoadDocument(ctx, "testdata/ours.yaml")
	if err != nil {
		t.Fatal(err)
	}
	theirs, err = LoadDocument(ctx, "testdata/theirs.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return ours, theirs
}

func key(d Difference) string {
	return strings.Join([]string{d.Operation, d.Where, d.Name, d.Kind, d.Ours, d.Theirs}, " | ")
}

// TestCompareFixtures checks every difference of the fixture pair, one
// row per kind and place, and that nothing else is reported.
func TestCompareFixtures(t *testing.T) {
	t.Parallel()
	ours, theirs := loadFixtures(t)
	got := map[string]bool{}
	for _, d := range Compare(ours, theirs) {
		if got[key(d)] {
			t.Errorf("reported twice: %s", key(d))
		}
		got[key(d)] = true
	}
	tests := []struct {
		name string
		want string
	}{
		{"operation only in ours", "DELETE /things/widgets/{id} | operation |  | only-ours |  | "},
		{"operation only in theirs", "POST /things/widgets/archive | operation |  | only-theirs |  | "},
		{"parameter only in ours", "GET /things/widgets | parameter | query:limit | only-ours | integer | "},
		{"parameter only in theirs", "GET /things/widgets | parameter | query:only_mine | only-theirs |  | boolean"},
		{"path parameter named differently (ours)", "GET /things/widgets/{id} | parameter | path:id | only-ours | string | "},
		{"path parameter named differently (theirs)", "GET /things/widgets/{id} | parameter | path:widget_id | only-theirs |  | string"},
		{"array items", "GET /things/widgets | parameter | query:ids[] | items | string | integer"},
		{"enum values", "GET /things/widgets | parameter | query:status | enum | [active archived] | [active deleted]"},
		{"request field only in ours", "POST /things/widgets | request | tags | only-ours | array<string> | "},
		{"request field only in theirs", "POST /things/widgets | request | colour | only-theirs |  | string"},
		{"request field type", "POST /things/widgets | request | size | type | integer | number"},
		{"request field required", "POST /things/widgets | request | name | required | yes | no"},
		{"list wrapper member only in ours", "GET /things/widgets | response | meta | only-ours | object | "},
		{"nested response field only in ours", "GET /things/widgets | response | meta.total | only-ours | integer | "},
		{"response field only in theirs, inside the list", "GET /things/widgets | response | data[].legacy_code | only-theirs |  | integer"},
		{"response wrapper member required", "GET /things/widgets | response | data | required | yes | no"},
		{"response format inside the list", "GET /things/widgets | response | data[].created_on | format | date | "},
		{"response nullable (3.0 nullable against a plain 3.1 type)", "GET /things/widgets/{id} | response | owner_id | nullable | yes | no"},
		{"response format", "GET /things/widgets/{id} | response | created_on | format | date | "},
		{"response nullable, second field", "GET /things/widgets/{id} | response | created_on | nullable | yes | no"},
		{"response field only in theirs", "GET /things/widgets/{id} | response | legacy_code | only-theirs |  | integer"},
		{"create response compared although its status differs", "POST /things/widgets | response | owner_id | nullable | yes | no"},
	}
	for _, tt := range tests {
		if !got[tt.want] {
			t.Errorf("%s: missing %q", tt.name, tt.want)
		}
	}

	// Shapes written the 3.0 way and the 3.1 way are the same shape:
	// nullable against a type list with "null", a nullable allOf enum
	// against anyOf [enum, null], a nullable array against [array, null].
	ds := Compare(ours, theirs)
	for _, d := range ds {
		if d.Where != WhereResponse {
			continue
		}
		switch d.Name {
		case "name", "kind", "parts", "parts[].part_id", "id",
			"data[].name", "data[].kind", "data[].parts", "data[].parts[].part_id", "data[].id":
			t.Errorf("unexpected difference %q", key(d))
		}
	}
	if len(got) != 27 {
		t.Errorf("got %d differences, want 27:\n%s", len(got), strings.Join(sortedKeys(got), "\n"))
	}
}

func sortedKeys(m map[string]bool) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func TestCompareIdentical(t *testing.T) {
	t.Parallel()
	ours, _ := loadFixtures(t)
	if ds := Compare(ours, ours); len(ds) != 0 {
		t.Fatalf("a document compared with itself: %d differences, first %+v", len(ds), ds[0])
	}
}

// TestLoadFactorialQuirks loads the constructs of Factorial's documents
// that a strict loader would refuse.
func TestLoadFactorialQuirks(t *testing.T) {
	t.Parallel()
	doc, err := LoadDocument(context.Background(), "testdata/quirks.yaml")
	if err != nil {
		t.Fatal(err)
	}
	op := doc.Operations["PUT /things/widgets/{}"]
	if op == nil {
		t.Fatalf("operations: %v", doc.SortedKeys())
	}
	tests := []struct {
		where map[string]Field
		name  string
		want  string
	}{
		{op.Request, "settings", "unknown"},
		{op.Request, "parts", "array<any>"},
		{op.Response, "note", "string?"},
		{op.Params, "path:id", "string"},
	}
	for _, tt := range tests {
		f, ok := tt.where[tt.name]
		if !ok {
			t.Errorf("%s: missing", tt.name)
			continue
		}
		if got := f.Shape.String(); got != tt.want {
			t.Errorf("%s: shape %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestNormalisePath(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"/api/2026-07-01/resources/employees/employees", "/employees/employees"},
		{"/api/2026-10-01/resources/timeoff/leaves/{id}", "/timeoff/leaves/{id}"},
		{"/api/{version}/resources/teams/teams", "/teams/teams"},
		{"/api/v2/resources/teams/teams/", "/teams/teams"},
		{"/employees/employees", "/employees/employees"},
		{"/api/2026-07-01/resourcesx/a", "/api/2026-07-01/resourcesx/a"},
		{"/api/2026-07-01/resources", "/"},
	}
	for _, tt := range tests {
		if got := normalisePath(tt.in); got != tt.want {
			t.Errorf("normalisePath(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if a, b := (&Operation{Method: "GET", Path: "/x/{id}"}).Key(), (&Operation{Method: "GET", Path: "/x/{widget_id}"}).Key(); a != b {
		t.Errorf("keys differ by parameter name: %q, %q", a, b)
	}
}

func TestParseAllowlist(t *testing.T) {
	t.Parallel()
	known := map[int]bool{1: true, 4: true}
	tests := []struct {
		name    string
		in      string
		wantErr string
		entries int
	}{
		{"comments and blanks", "# c\n\n1 GET * parameter query:limit only-ours # why\n", "", 1},
		{"kind pattern", "4 * * response * *\n", "", 1},
		{"too few fields", "1 GET /a parameter query:limit\n", "want 6 fields", 0},
		{"not a number", "x GET /a parameter a only-ours\n", "not a positive number", 0},
		{"zero", "0 GET /a parameter a only-ours\n", "not a positive number", 0},
		{"unknown deviation", "9 GET /a parameter a only-ours\n", "deviation 9 is not in the deviations table", 0},
		{"unknown where", "1 GET /a header a only-ours\n", "where \"header\"", 0},
		{"unknown kind", "1 GET /a parameter a renamed\n", "unknown kind", 0},
	}
	for _, tt := range tests {
		a, err := ParseAllowlist(strings.NewReader(tt.in), known)
		if tt.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tt.wantErr) || !errors.Is(err, ErrAllowlist) {
				t.Errorf("%s: err = %v, want ErrAllowlist containing %q", tt.name, err, tt.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.name, err)
			continue
		}
		if len(a.Entries) != tt.entries {
			t.Errorf("%s: %d entries, want %d", tt.name, len(a.Entries), tt.entries)
		}
	}
}

func TestAllowlistMatch(t *testing.T) {
	t.Parallel()
	a, err := ParseAllowlist(strings.NewReader(`
4 GET  *              parameter query:limit   only-ours
2 *    /teams/*       response  meta*         *
3 POST /a/{id}        request   -             type
`), nil)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		d    Difference
		want int
	}{
		{Difference{Operation: "GET /employees/employees", Where: WhereParameter, Name: "query:limit", Kind: KindOnlyOurs}, 4},
		{Difference{Operation: "POST /employees/employees", Where: WhereParameter, Name: "query:limit", Kind: KindOnlyOurs}, 0},
		{Difference{Operation: "GET /employees/employees", Where: WhereParameter, Name: "query:limits", Kind: KindOnlyOurs}, 0},
		{Difference{Operation: "GET /teams/teams/{id}", Where: WhereResponse, Name: "meta.total", Kind: KindNullable}, 2},
		{Difference{Operation: "GET /teams/teams", Where: WhereResponse, Name: "data[].meta", Kind: KindNullable}, 0},
		{Difference{Operation: "POST /a/{id}", Where: WhereRequest, Name: "", Kind: KindType}, 3},
		{Difference{Operation: "POST /a/{id}", Where: WhereRequest, Name: "x", Kind: KindType}, 0},
	}
	for _, tt := range tests {
		got := 0
		if e := a.Match(tt.d); e != nil {
			got = e.Deviation
		}
		if got != tt.want {
			t.Errorf("Match(%+v) = deviation %d, want %d", tt.d, got, tt.want)
		}
	}
}

func TestLoadDeviationNumbers(t *testing.T) {
	t.Parallel()
	known, err := LoadDeviationNumbers("testdata/deviations.md")
	if err != nil {
		t.Fatal(err)
	}
	if len(known) != 3 || !known[1] || !known[2] || !known[3] {
		t.Errorf("known = %v, want 1, 2, 3", known)
	}
	empty := filepath.Join(t.TempDir(), "empty.md")
	if err := os.WriteFile(empty, []byte("# nothing\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := LoadDeviationNumbers(empty); err == nil {
		t.Error("a file without a numbered table: no error")
	}
}

func TestRun(t *testing.T) {
	t.Parallel()
	base := []string{"-ours", "testdata/ours.yaml", "-theirs", "testdata/theirs.yaml", "-deviations", "testdata/deviations.md"}
	badAllow := filepath.Join(t.TempDir(), "bad.txt")
	if err := os.WriteFile(badAllow, []byte("9 GET /a parameter a only-ours\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	allowAll := filepath.Join(t.TempDir(), "all.txt")
	if err := os.WriteFile(allowAll, []byte("1 * * * * *\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name       string
		args       []string
		wantStatus int
		wantOut    []string
		notOut     []string
		wantErr    string
	}{
		{
			name:       "report with allowlist",
			args:       append(base, "-allow", "testdata/allow.txt"),
			wantStatus: 0,
			wantOut: []string{
				"in both: 3; only in ours: 1; only in theirs: 1",
				"query:limit", "[deviation 1]",
				"DELETE /things/widgets/{id}: operation only in ours",
				"POST /things/widgets/archive: operation only in theirs",
				"allowlist line 5 accepted nothing",
				"differences: 27 (not listed as deviations: 21)\n",
			},
		},
		{
			name:       "strict fails on unlisted differences",
			args:       append(base, "-allow", "testdata/allow.txt", "-strict"),
			wantStatus: 1,
			wantOut:    []string{"differences: 27 (not listed as deviations: 21)"},
		},
		{
			name:       "strict passes when everything is listed",
			args:       append(base, "-allow", allowAll, "-strict"),
			wantStatus: 0,
			wantOut:    []string{"differences: 27 (not listed as deviations: 0)"},
		},
		{
			name:       "no allowlist",
			args:       append(base, "-allow", ""),
			wantStatus: 0,
			wantOut:    []string{"differences: 27 (not listed as deviations: 27)"},
			notOut:     []string{"[deviation"},
		},
		{
			name:       "unlisted only",
			args:       append(base, "-allow", "testdata/allow.txt", "-unlisted"),
			wantStatus: 0,
			wantOut:    []string{"query:only_mine", "differences: 27 (not listed as deviations: 21)"},
			notOut:     []string{"query:limit", "[deviation"},
		},
		{
			name:       "restricted to some paths",
			args:       append(base, "-allow", "", "-paths", "/things/widgets/*"),
			wantStatus: 0,
			wantOut: []string{
				"paths:  /things/widgets/*\n",
				"in both: 1; only in ours: 1; only in theirs: 1",
				"differences: 8 (not listed as deviations: 8)",
			},
			notOut: []string{"GET /things/widgets\n"},
		},
		{
			name:       "several path patterns",
			args:       append(base, "-allow", "", "-paths", "/nothing*, /things/widgets/archive"),
			wantStatus: 0,
			wantOut: []string{
				"in both: 0; only in ours: 0; only in theirs: 1",
				"differences: 1 (not listed as deviations: 1)",
			},
		},
		{name: "missing -theirs", args: []string{"-ours", "testdata/ours.yaml"}, wantStatus: 2, wantErr: "usage:"},
		{name: "stray argument", args: append(base, "-allow", "", "extra"), wantStatus: 2, wantErr: "usage:"},
		{name: "unknown flag", args: []string{"-nope"}, wantStatus: 2, wantErr: "-nope"},
		{name: "theirs missing", args: []string{"-theirs", "testdata/none.yaml", "-ours", "testdata/ours.yaml", "-allow", ""}, wantStatus: 2, wantErr: "testdata/none.yaml"},
		{name: "theirs not OpenAPI", args: []string{"-theirs", "testdata/deviations.md", "-ours", "testdata/ours.yaml", "-allow", ""}, wantStatus: 2, wantErr: "oasdiff: load testdata/deviations.md"},
		{name: "allowlist citing an unknown deviation", args: append(base, "-allow", badAllow), wantStatus: 2, wantErr: "deviation 9 is not in the deviations table"},
		{name: "allowlist missing", args: append(base, "-allow", "testdata/none.txt"), wantStatus: 2, wantErr: "none.txt"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var out, errOut bytes.Buffer
			status := run(context.Background(), tt.args, &out, &errOut)
			if status != tt.wantStatus {
				t.Fatalf("status %d, want %d; stderr: %s", status, tt.wantStatus, errOut.String())
			}
			for _, w := range tt.wantOut {
				if !strings.Contains(out.String(), w) {
					t.Errorf("stdout lacks %q:\n%s", w, out.String())
				}
			}
			for _, w := range tt.notOut {
				if strings.Contains(out.String(), w) {
					t.Errorf("stdout has %q:\n%s", w, out.String())
				}
			}
			if tt.wantErr != "" && !strings.Contains(errOut.String(), tt.wantErr) {
				t.Errorf("stderr lacks %q: %s", tt.wantErr, errOut.String())
			}
			if tt.wantStatus == 2 && out.Len() != 0 {
				t.Errorf("an error still printed a report: %s", out.String())
			}
		})
	}
}

// TestRunOurSpec checks that the module's own dated-API document loads
// and matches itself.
func TestRunOurSpec(t *testing.T) {
	t.Parallel()
	var out, errOut bytes.Buffer
	spec := "../../openapi-resources.yaml"
	status := run(context.Background(), []string{"-ours", spec, "-theirs", spec, "-allow", "", "-strict"}, &out, &errOut)
	if status != 0 {
		t.Fatalf("status %d: %s", status, errOut.String())
	}
	if !strings.HasSuffix(out.String(), "differences: 0 (not listed as deviations: 0)\n") {
		t.Errorf("report:\n%s", out.String())
	}
}

// TestRepositoryAllowlist checks that docs/oasdiff-allowlist.txt parses and
// cites only deviations of docs/dated-api.md's table.
func TestRepositoryAllowlist(t *testing.T) {
	t.Parallel()
	known, err := LoadDeviationNumbers("../../docs/dated-api.md")
	if err != nil {
		t.Fatal(err)
	}
	a, err := LoadAllowlist("../../docs/oasdiff-allowlist.txt", known)
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Entries) == 0 {
		t.Fatal("no entries")
	}
}
