package api_test

import (
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

// legacyOperations are the 37 operations tagged Legacy in openapi.yaml: the
// 2021-22 flat-path routes that the 2024 spec no longer lists.
var legacyOperations = []string{
	"ListPayslipsLegacy",
	"ListTeamsLegacy", "CreateTeamLegacy", "GetTeamLegacy", "UpdateTeamLegacy", "DeleteTeamLegacy",
	"ListAtsCandidatesLegacy", "CreateAtsCandidateLegacy", "UpdateAtsCandidateLegacy",
	"ListWebhooksLegacy", "CreateWebhookLegacy", "DeleteWebhookLegacy",
	"ListLeavesLegacy", "CreateLeaveLegacy", "UpdateLeaveLegacy", "DeleteLeaveLegacy",
	"ListLeaveTypesLegacy", "CreateLeaveTypeLegacy", "UpdateLeaveTypeLegacy",
	"ListShiftsLegacy", "ClockInLegacy", "ClockOutLegacy", "UpdateShiftLegacy", "DeleteShiftLegacy",
	"ListDocumentsLegacy", "CreateDocumentLegacy", "GetDocumentLegacy", "UpdateDocumentLegacy", "DeleteDocumentLegacy",
	"ListFoldersLegacy", "CreateFolderLegacy", "GetFolderLegacy", "UpdateFolderLegacy",
	"UpdateFamilySituationLegacy", "GetContractVersionLegacy", "UpdateContractVersionLegacy", "UpdateSupplementLegacy",
}

// legacyWithoutReplacement lists the Legacy operations whose resource has
// no modern twin at all, mapped to the path fragment of that resource. Their
// description must say so instead of naming a replacement, and no modern
// path may contain the fragment (payslips are already deprecated in the
// November 2021 spec and absent from every later one).
var legacyWithoutReplacement = map[string]string{
	"ListPayslipsLegacy": "payslip",
}

// TestLegacyOperationsNameReplacement reads the embedded spec: every Legacy
// operation is deprecated and its description names an existing modern
// operationId, with a method and path that match where that operation
// really lives ("replaced by ListTeams (GET /api/v1/core/teams)" or
// "replaced by UpdateSupplement (PUT on the same path)").
func TestLegacyOperationsNameReplacement(t *testing.T) {
	doc, err := specvalidate.LoadV1()
	if err != nil {
		t.Fatal(err)
	}
	type located struct {
		method, path string
		op           *openapi3.Operation
	}
	ops := map[string]located{}
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			ops[op.OperationID] = located{method, path, op}
		}
	}
	isLegacy := func(op *openapi3.Operation) bool { return slices.Contains(op.Tags, "Legacy") }
	modern := func(id string) bool {
		l, ok := ops[id]
		return ok && !l.op.Deprecated && !isLegacy(l.op)
	}

	var legacy []string
	for id, l := range ops {
		if isLegacy(l.op) {
			legacy = append(legacy, id)
		}
	}
	sort.Strings(legacy)
	want := slices.Clone(legacyOperations)
	sort.Strings(want)
	if !slices.Equal(legacy, want) {
		t.Errorf("Legacy operations in the spec = %v\nwant (legacyOperations) %v", legacy, want)
	}
	if len(legacy) != 37 {
		t.Errorf("%d Legacy operations, want 37", len(legacy))
	}

	word := regexp.MustCompile(`\b[A-Z][A-Za-z0-9]+\b`)
	// "ListTeams (GET /api/v1/core/teams)" or "UpdateSupplement (PUT on the same path)".
	ref := regexp.MustCompile(`\b([A-Z][A-Za-z0-9]+) \((GET|POST|PUT|PATCH|DELETE) (/[^)\s]+|on the same path)\)`)
	for _, id := range legacy {
		l := ops[id]
		if !l.op.Deprecated {
			t.Errorf("%s (%s %s) is tagged Legacy but not deprecated", id, l.method, l.path)
		}
		desc := l.op.Description
		var named []string
		for _, w := range word.FindAllString(desc, -1) {
			if w != id && modern(w) && !slices.Contains(named, w) {
				named = append(named, w)
			}
		}
		// A (METHOD path) reference whose name is not an operationId points
		// at the operation the description meant: say which one it is.
		for _, m := range ref.FindAllStringSubmatch(desc, -1) {
			name, method, path := m[1], m[2], m[3]
			if path == "on the same path" {
				path = l.path
			}
			if _, ok := ops[name]; ok {
				continue
			}
			for other, o := range ops {
				if o.method == method && o.path == path {
					t.Errorf("%s: description names %s, which is no operationId; %s %s is %s", id, name, method, path, other)
				}
			}
		}
		if len(named) == 0 {
			if resource, ok := legacyWithoutReplacement[id]; ok {
				// The description must say there is none, and there must
				// really be none: a modern operation on the resource would
				// have to be named.
				if !strings.Contains(desc, "no replacement") {
					t.Errorf("%s names no replacement and does not say it has none: %q", id, desc)
				}
				for other, o := range ops {
					if modern(other) && strings.Contains(o.path, resource) {
						t.Errorf("%s says it has no replacement, but %s (%s %s) exists", id, other, o.method, o.path)
					}
				}
				continue
			}
			t.Errorf("%s: description names no existing modern operationId: %q", id, desc)
			continue
		}
		if _, ok := legacyWithoutReplacement[id]; ok {
			t.Errorf("%s now names %v; drop it from legacyWithoutReplacement", id, named)
		}
		verified := 0
		for _, m := range ref.FindAllStringSubmatch(desc, -1) {
			name, method, path := m[1], m[2], m[3]
			if !modern(name) {
				continue
			}
			if path == "on the same path" {
				path = l.path
			}
			if r := ops[name]; r.method != method || r.path != path {
				t.Errorf("%s: description places %s at %s %s, the spec has it at %s %s", id, name, method, path, r.method, r.path)
				continue
			}
			verified++
		}
		if verified == 0 {
			t.Errorf("%s names %v but gives no (METHOD path) that locates it: %q", id, named, desc)
		}
	}
}
