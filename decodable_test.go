package factorial

import (
	"encoding/json"
	"strings"
	"testing"

	"time"

	"github.com/getkin/kin-openapi/openapi3"
	openapi_types "github.com/oapi-codegen/runtime/types"
)

func schema(t *testing.T, js string) *openapi3.Schema {
	t.Helper()
	var s openapi3.Schema
	if err := json.Unmarshal([]byte(js), &s); err != nil {
		t.Fatal(err)
	}
	return &s
}

// genObj is what oapi-codegen v2.8.2 generates for the schema in
// TestCheckDecodable (with the x-go-type field as raw JSON).
type genObj struct {
	Any         interface{}         `json:"any,omitempty"`
	At          time.Time           `json:"at"`
	Counts      map[string]int      `json:"counts,omitempty"`
	Custom      json.RawMessage     `json:"custom,omitempty"`
	Day         openapi_types.Date  `json:"day"`
	ID          int                 `json:"id"`
	NullableDay *openapi_types.Date `json:"nullable_day"`
	Ok          *bool               `json:"ok,omitempty"`
	OptDay      *openapi_types.Date `json:"opt_day,omitempty"`
	Ratio       *float32            `json:"ratio,omitempty"`
	Small       *int32              `json:"small,omitempty"`
	Tags        []string            `json:"tags,omitempty"`
	Union       json.RawMessage     `json:"union,omitempty"`
}

// Each case also runs through encoding/json into the Go type oapi-codegen
// generates, so the walk cannot drift from what the parser does.
func TestCheckDecodable(t *testing.T) {
	type item struct {
		Day  *string `json:"day,omitempty"`
		Size int32   `json:"size"`
	}
	obj := `{"type":"object","required":["id","at","day"],"properties":{
		"id":{"type":"integer"},
		"ratio":{"type":"number"},
		"ok":{"type":"boolean"},
		"at":{"type":"string","format":"date-time"},
		"day":{"type":"string","format":"date"},
		"opt_day":{"type":"string","format":"date"},
		"nullable_day":{"type":"string","format":"date","nullable":true},
		"tags":{"type":"array","items":{"type":"string"}},
		"small":{"type":"integer","format":"int32"},
		"counts":{"type":"object","additionalProperties":{"type":"integer"}},
		"any":{},
		"union":{"oneOf":[{"type":"string"},{"type":"integer"}]},
		"custom":{"type":"string","x-go-type":"mytype.T"}
	}}`
	s := schema(t, obj)
	tests := []struct {
		body string
		want string // "" for decodable
	}{
		{`{"id":1,"at":"2022-01-12T11:20:57.000Z","day":"2022-01-12","tags":["a"],"counts":{"a":1},"any":[1],"union":{"x":1},"custom":5,"unknown":{"deep":[1]}}`, ""},
		{`{"id":null,"at":null,"day":"2022-01-12","opt_day":null,"nullable_day":null}`, ""},
		{`{"ID":"7"}`, "at /ID: JSON string where the spec declares integer"},
		{`{"id":1.5}`, "at /id: number does not fit integer"},
		{`{"id":1e3}`, "at /id: number does not fit integer"},
		{`{"id":99999999999999999999}`, "at /id: number does not fit integer"},
		{`{"small":2147483648}`, "at /small: number does not fit integer (int32)"},
		{`{"ratio":"1"}`, "at /ratio: JSON string where the spec declares number"},
		{`{"ratio":1e39}`, "at /ratio: number does not fit number"},
		{`{"ok":"true"}`, "at /ok: JSON string where the spec declares boolean"},
		{`{"at":"12/01/2022"}`, `at /at: string is not a valid "date-time" value`},
		{`{"day":"2022-13-01"}`, `at /day: string is not a valid "date" value`},
		{`{"day":null}`, "at /day: null for a required string (date)"},
		{`{"tags":"a"}`, "at /tags: JSON string where the spec declares array"},
		{`{"tags":["a",1]}`, "at /tags/1: JSON number where the spec declares string"},
		{`{"counts":{"a/b":"x"}}`, "at /counts/a~1b: JSON string where the spec declares integer"},
		{`[]`, "at /: JSON array where the spec declares object"},
		{`null`, "null body"},
	}
	for _, tt := range tests {
		err := checkDecodable([]byte(tt.body), s)
		// The walk must agree with encoding/json on the generated type
		// (except for a null body, which the walk rejects on purpose).
		if tt.body != "null" {
			var g genObj
			if jsonErr := json.Unmarshal([]byte(tt.body), &g); (jsonErr == nil) != (err == nil) {
				t.Errorf("%s: walk says %v, encoding/json says %v", tt.body, err, jsonErr)
			}
		}
		if tt.want == "" && err != nil {
			t.Errorf("%s: %v", tt.body, err)
		}
		if tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)) {
			t.Errorf("%s: got %v, want %q", tt.body, err, tt.want)
		}
	}
	// Arrays of objects, and allOf merged into one struct.
	list := schema(t, `{"type":"array","items":{"allOf":[
		{"type":"object","properties":{"day":{"type":"string","format":"date"}}},
		{"type":"object","properties":{"size":{"type":"integer","format":"int32"}}}]}}`)
	if err := checkDecodable([]byte(`[{"day":"2022-01-01","size":1},{"size":"2"}]`), list); err == nil || !strings.Contains(err.Error(), "at /1/size") {
		t.Errorf("allOf: %v", err)
	}
	var v []item
	if err := json.Unmarshal([]byte(`[{"day":"2022-01-01","size":1},{"size":"2"}]`), &v); err == nil {
		t.Error("encoding/json accepted what the walk rejects")
	}
}
