package sandbox

import (
	"slices"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

// TestBlankRequired: the check reads the request schema only (any spec),
// names nested fields like the schema's errors do, and leaves optional
// properties, non-strings and enums that list a blank value alone.
func TestBlankRequired(t *testing.T) {
	var sch openapi3.Schema
	if err := sch.UnmarshalJSON([]byte(`{
		"type": "object",
		"required": ["name", "kind", "mode", "size", "owner", "rows"],
		"properties": {
			"name": {"type": "string"},
			"note": {"type": "string"},
			"kind": {"type": "string", "enum": ["", "a"]},
			"mode": {"type": "string", "enum": ["a", "b"]},
			"size": {"type": "integer"},
			"owner": {"type": "object", "required": ["email"], "properties": {"email": {"type": "string"}, "nick": {"type": "string"}}},
			"rows": {"type": "array", "items": {"type": "object", "required": ["label"], "properties": {"label": {"type": "string"}}}}
		}}`)); err != nil {
		t.Fatal(err)
	}
	body := newCompiler(&Sandbox{}).compile(openapi3.NewSchemaRef("", &sch))
	in := map[string]any{
		"name": " \t", "note": "", "kind": "", "mode": " ", "size": 0,
		"owner": map[string]any{"email": "\n", "nick": ""},
		"rows":  []any{map[string]any{"label": "ok"}, map[string]any{"label": ""}, "not an object"},
	}
	want := []string{"mode", "name", "owner.email", "rows.1.label"}
	if got := blankRequired(body, in); !slices.Equal(got, want) {
		t.Errorf("blankRequired = %v, want %v", got, want)
	}
	if got := blankRequired(body, map[string]any{"name": "x", "owner": map[string]any{"email": "a@b"}}); len(got) != 0 {
		t.Errorf("filled in (or absent: the schema's business): %v", got)
	}
	if got := blankRequired(nil, in); len(got) != 0 {
		t.Errorf("no body schema: %v", got)
	}
}
