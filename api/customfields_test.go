package api_test

import (
	"context"
	"net/http"
	"reflect"
	"sort"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// Shapes of the spec's CustomField, CustomField_v2, CustomValue,
// CustomValue_v2, CustomResource, CustomHeader and CustomResourceValue
// schemas (table rows are keyed by field ids written as strings).
const (
	customTableJSON   = `{"id":31,"name":"Evaluación de idiomas","created_at":"2023-05-08T09:12:44.000Z","topic_name":"employee","custom_resources_topic_id":2,"reportable":true,"hidden":false}`
	customFieldV2JSON = `{"id":401,"label":"Talla de camiseta","identifier":"talla_camiseta","position":1,"required":false,"field_type":"single_choice","min_value":null,"max_value":null,"slug_id":77,"slug_name":"talla_camiseta",` +
		`"choice_options":[{"id":1,"label":"S","value":"s","is_active":true},{"id":2,"label":"M","value":"m","is_active":true},{"id":3,"label":"XXL","value":"xxl","is_active":false}]}`
	customValueV2JSON = `{"id":9901,"label":"Talla de camiseta","value":"M","field_id":401,"slug_id":77,"slug_name":"talla_camiseta","required":false,"instance_id":7}`
)

func TestListCustomFields(t *testing.T) {
	// 2024 spec: choice options are objects {id, label, value, is_active}.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/custom_fields", Status: 200,
		Body: `[{"id":301,"label":"Talla de camiseta","position":1,"required":false,"field_type":"single_choice","min_value":null,"max_value":null,"choice_options":[{"id":1,"label":"S","value":"s","is_active":true},{"id":2,"label":"M","value":"m","is_active":true}]},` +
			`{"id":302,"label":"Años de experiencia","position":2,"required":true,"field_type":"number","min_value":0,"max_value":50,"choice_options":[]}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantQuery(t, r, map[string][]string{"field_group": {"employees-questions"}})
		},
	}))
	res, err := c.ListCustomFieldsWithResponse(context.Background(), &api.ListCustomFieldsParams{FieldGroup: api.ListCustomFieldsParamsFieldGroupEmployeesQuestions})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, fields = %v", res.StatusCode(), res.JSON200)
	}
	choice, number := (*res.JSON200)[0], (*res.JSON200)[1]
	if choice.ID != 301 {
		t.Errorf("ID = %d, want 301", choice.ID)
	}
	wantPtr(t, "FieldType", choice.FieldType, "single_choice")
	wantNil(t, "MinValue", choice.MinValue)
	if len(choice.ChoiceOptions) != 2 {
		t.Fatalf("ChoiceOptions = %v, want 2", choice.ChoiceOptions)
	}
	opt, ok := choice.ChoiceOptions[1].(map[string]any)
	if !ok || opt["label"] != "M" || opt["value"] != "m" || opt["is_active"] != true || opt["id"] != float64(2) {
		t.Errorf("ChoiceOptions[1] = %#v", choice.ChoiceOptions[1])
	}
	wantPtr(t, "[1].Required", number.Required, true)
	wantPtr(t, "[1].MinValue", number.MinValue, 0)
	wantPtr(t, "[1].MaxValue", number.MaxValue, 50)
	if number.ChoiceOptions == nil || len(number.ChoiceOptions) != 0 {
		t.Errorf("[1].ChoiceOptions = %#v, want empty", number.ChoiceOptions)
	}
}

func TestListCustomFields_2022StringChoices(t *testing.T) {
	// 2022 spec: choice options are plain strings; contract-versions group.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/custom_fields", Status: 200,
		Body: `[{"id":350,"label":"Convenio colectivo","position":1,"required":null,"field_type":"single_choice","min_value":null,"max_value":null,"choice_options":["Oficinas y despachos","Comercio textil"]}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantQuery(t, r, map[string][]string{"field_group": {"contract-versions"}})
		},
	}))
	res, err := c.ListCustomFieldsWithResponse(context.Background(), &api.ListCustomFieldsParams{FieldGroup: api.ListCustomFieldsParamsFieldGroupContractVersions})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, fields = %v", res.StatusCode(), res.JSON200)
	}
	f := (*res.JSON200)[0]
	wantNil(t, "Required", f.Required)
	if !reflect.DeepEqual(f.ChoiceOptions, []any{"Oficinas y despachos", "Comercio textil"}) {
		t.Errorf("ChoiceOptions = %#v", f.ChoiceOptions)
	}
}

func TestListCustomValues(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/custom_fields/values", Status: 200,
		Body: `[{"id":8812,"label":"Talla de camiseta","value":"M","field_id":301,"required":false,"instance_id":7}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantQuery(t, r, map[string][]string{"field_id": {"301"}, "instance_id": {"7"}})
		},
	}))
	res, err := c.ListCustomValuesWithResponse(context.Background(), &api.ListCustomValuesParams{FieldID: 301, InstanceID: 7})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, values = %v", res.StatusCode(), res.JSON200)
	}
	v := (*res.JSON200)[0]
	if v.ID != 8812 {
		t.Errorf("ID = %d, want 8812", v.ID)
	}
	wantPtr(t, "Value", v.Value, "M")
	wantPtr(t, "FieldID", v.FieldID, 301)
	wantPtr(t, "InstanceID", v.InstanceID, 7)
	wantPtr(t, "Label", v.Label, "Talla de camiseta")
}

func TestListCustomValues_BasicUser(t *testing.T) {
	// A basic user asking about a colleague: the answer is hidden.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/custom_fields/values", Status: 200,
		Body: `[{"id":8830,"label":"Años de experiencia","value":null,"field_id":302,"required":null,"instance_id":12}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantQuery(t, r, map[string][]string{"field_id": {"302"}, "instance_id": {"12"}})
		},
	}))
	res, err := c.ListCustomValuesWithResponse(context.Background(), &api.ListCustomValuesParams{FieldID: 302, InstanceID: 12})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, values = %v", res.StatusCode(), res.JSON200)
	}
	v := (*res.JSON200)[0]
	wantNil(t, "Value", v.Value)
	wantNil(t, "Required", v.Required)
	wantPtr(t, "InstanceID", v.InstanceID, 12)
}

func TestCreateCustomValue(t *testing.T) {
	// field_id and instance_id travel in the query string, value in the body.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/custom_fields/values", Status: 200,
		Body: `{"id":8813,"label":"Años de experiencia","value":"12","field_id":302,"required":true,"instance_id":7}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, map[string][]string{"field_id": {"302"}, "instance_id": {"7"}})
			wantJSONBody(t, r, body, `{"value":"12"}`)
		},
	}))
	res, err := c.CreateCustomValueWithResponse(context.Background(), &api.CreateCustomValueParams{FieldID: 302, InstanceID: 7}, api.CustomValueCreate{Value: "12"})
	if err != nil {
		t.Fatal(err)
	}
	v := res.JSON200
	if v == nil || v.ID != 8813 {
		t.Fatalf("status %d, value = %+v", res.StatusCode(), v)
	}
	wantPtr(t, "Value", v.Value, "12")
	wantPtr(t, "FieldID", v.FieldID, 302)
	wantPtr(t, "InstanceID", v.InstanceID, 7)
}

func TestListCustomTables(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/custom/tables", Status: 200,
		Body: `[` + customTableJSON + `,{"id":32,"name":"Vehículo de empresa","created_at":"2023-06-01T14:03:10.000Z","topic_name":"employee","custom_resources_topic_id":2,"reportable":false,"hidden":true}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantQuery(t, r, map[string][]string{"topic_name": {"employee"}})
		},
	}))
	res, err := c.ListCustomTablesWithResponse(context.Background(), &api.ListCustomTablesParams{TopicName: apitest.Ptr("employee")})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, tables = %v", res.StatusCode(), res.JSON200)
	}
	tb := (*res.JSON200)[0]
	if tb.ID != 31 {
		t.Errorf("ID = %d, want 31", tb.ID)
	}
	wantPtr(t, "Name", tb.Name, "Evaluación de idiomas")
	wantPtr(t, "CustomResourcesTopicID", tb.CustomResourcesTopicID, 2)
	wantPtr(t, "Reportable", tb.Reportable, true)
	wantPtr(t, "[1].Hidden", (*res.JSON200)[1].Hidden, true)
}

func TestCreateCustomTable(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/custom/tables", Status: 201,
		Body: `{"id":33,"name":"Certificaciones","created_at":"2024-03-04T15:20:00.000Z","topic_name":"employee","custom_resources_topic_id":2,"reportable":false,"hidden":false}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"name":"Certificaciones"}`)
		},
	}))
	res, err := c.CreateCustomTableWithResponse(context.Background(), api.CustomTableCreate{Name: "Certificaciones"})
	if err != nil {
		t.Fatal(err)
	}
	tb := res.JSON201
	if tb == nil || tb.ID != 33 {
		t.Fatalf("status %d, table = %+v", res.StatusCode(), tb)
	}
	wantPtr(t, "Name", tb.Name, "Certificaciones")
	wantPtr(t, "CreatedAt", tb.CreatedAt, time.Date(2024, 3, 4, 15, 20, 0, 0, time.UTC))
}

func TestGetCustomTable(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/custom/tables/31", Status: 200, Body: customTableJSON,
	}))
	res, err := c.GetCustomTableWithResponse(context.Background(), 31)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 31 {
		t.Fatalf("status %d, table = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "TopicName", res.JSON200.TopicName, "employee")
	wantPtr(t, "Hidden", res.JSON200.Hidden, false)
}

func TestGetCustomTable_BasicUser(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/custom/tables/32", Status: 200,
		Body: `{"id":32,"name":"Vehículo de empresa","created_at":null,"topic_name":null,"custom_resources_topic_id":null,"reportable":null,"hidden":null}`,
	}))
	res, err := c.GetCustomTableWithResponse(context.Background(), 32)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 32 {
		t.Fatalf("status %d, table = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Name", res.JSON200.Name, "Vehículo de empresa")
	wantNil(t, "CreatedAt", res.JSON200.CreatedAt)
	wantNil(t, "Reportable", res.JSON200.Reportable)
}

func TestListCustomTableFields(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/custom/tables/31/fields", Status: 200,
		Body: `[{"id":1,"label":"Nivel de inglés","position":1},{"id":2,"label":"Nivel de francés","position":2}]`,
	}))
	res, err := c.ListCustomTableFieldsWithResponse(context.Background(), 31)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, columns = %v", res.StatusCode(), res.JSON200)
	}
	h := (*res.JSON200)[1]
	if h.ID != 2 {
		t.Errorf("ID = %d, want 2", h.ID)
	}
	wantPtr(t, "Label", h.Label, "Nivel de francés")
	wantPtr(t, "Position", h.Position, 2)
}

func TestCreateCustomTableField(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/custom/tables/31/fields", Status: 201,
		Body: `{"id":3,"label":"Nivel de alemán","identifier":"nivel_aleman","position":3,"required":false,"field_type":"single_choice","min_value":null,"max_value":null,"slug_id":null,"slug_name":null,` +
			`"choice_options":[{"id":11,"label":"Excellent","value":"excellent","is_active":true},{"id":12,"label":"Good","value":"good","is_active":true}]}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"id":31,"custom_field":{"label":"Nivel de alemán","position":3,"required":false,"field_type":"single_choice","choice_options":[{"label":"Excellent","value":"excellent"},{"label":"Good","value":"good"}]}}`)
		},
	}))
	res, err := c.CreateCustomTableFieldWithResponse(context.Background(), 31, api.CustomTableFieldCreate{
		ID: 31,
		CustomField: &api.CustomTableFieldDefinition{
			Label: apitest.Ptr("Nivel de alemán"), Position: apitest.Ptr(3), Required: apitest.Ptr(false), FieldType: apitest.Ptr("single_choice"),
			ChoiceOptions: []api.CustomFieldChoiceOption{
				{Label: apitest.Ptr("Excellent"), Value: apitest.Ptr("excellent")},
				{Label: apitest.Ptr("Good"), Value: apitest.Ptr("good")},
			},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	f := res.JSON201
	if f == nil || f.ID != 3 {
		t.Fatalf("status %d, field = %+v", res.StatusCode(), f)
	}
	wantPtr(t, "Identifier", f.Identifier, "nivel_aleman")
	wantNil(t, "SlugName", f.SlugName)
	if len(f.ChoiceOptions) != 2 {
		t.Fatalf("ChoiceOptions = %+v", f.ChoiceOptions)
	}
	wantPtr(t, "ChoiceOptions[0].ID", f.ChoiceOptions[0].ID, 11)
	wantPtr(t, "ChoiceOptions[1].Value", f.ChoiceOptions[1].Value, "good")
}

// cellKeys returns a row's cells (the keys besides id and employee_id).
func cellKeys(v api.CustomResourceValue) []string {
	var keys []string
	for k := range v.AdditionalProperties {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func TestListCustomTableValues(t *testing.T) {
	// Rows keyed by the column ids as strings, as in the 2024 spec's
	// example {"1": "Excellent", "2": "Good", "id": 1, "employee_id": 3}.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/custom/tables/31/values/3", Status: 200,
		Body: `[{"1":"Excellent","2":"Good","id":1,"employee_id":3},{"1":"Good","2":"Basic","id":4,"employee_id":3}]`,
	}))
	res, err := c.ListCustomTableValuesWithResponse(context.Background(), 31, 3)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, rows = %v", res.StatusCode(), res.JSON200)
	}
	row := (*res.JSON200)[0]
	if row.ID != 1 {
		t.Errorf("ID = %d, want 1", row.ID)
	}
	wantPtr(t, "EmployeeID", row.EmployeeID, 3)
	if got := cellKeys(row); !reflect.DeepEqual(got, []string{"1", "2"}) {
		t.Errorf("cells = %v, want [1 2] (id and employee_id are typed fields)", got)
	}
	if v, ok := stringCell(row, "1"); !ok || v != "Excellent" {
		t.Errorf(`Get("1") = %v, %v; want Excellent`, v, ok)
	}
	if v, ok := stringCell((*res.JSON200)[1], "2"); !ok || v != "Basic" {
		t.Errorf(`[1].Get("2") = %v, %v; want Basic`, v, ok)
	}
}

func TestCreateCustomTableValue(t *testing.T) {
	// The body repeats the table id and names the employee emloyee_id (sic).
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/custom/tables/31/values/3", Status: 201,
		Body: `{"1":"Good","2":"Excellent","id":5,"employee_id":3}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"id":31,"emloyee_id":3,"table_values":[{"1":"Good","2":"Excellent"}]}`)
		},
	}))
	res, err := c.CreateCustomTableValueWithResponse(context.Background(), 31, 3, api.CustomTableValueCreate{
		ID: 31, EmloyeeID: 3, TableValues: []map[string]any{{"1": "Good", "2": "Excellent"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	row := res.JSON201
	if row == nil || row.ID != 5 {
		t.Fatalf("status %d, row = %+v", res.StatusCode(), row)
	}
	wantPtr(t, "EmployeeID", row.EmployeeID, 3)
	for key, want := range map[string]string{"1": "Good", "2": "Excellent"} {
		if got, ok := stringCell(*row, key); !ok || got != want {
			t.Errorf("cell %s = %q, %v; want %q", key, got, ok, want)
		}
	}
}

func TestListCustomFieldsV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/custom_fields/fields", Status: 200,
		Body: `[` + customFieldV2JSON + `]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantQuery(t, r, map[string][]string{"slug_name": {"talla_camiseta"}, "label": {"Talla de camiseta"}})
		},
	}))
	res, err := c.ListCustomFieldsV2WithResponse(context.Background(), &api.ListCustomFieldsV2Params{SlugName: apitest.Ptr("talla_camiseta"), Label: apitest.Ptr("Talla de camiseta")})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, fields = %v", res.StatusCode(), res.JSON200)
	}
	f := (*res.JSON200)[0]
	if f.ID != 401 {
		t.Errorf("ID = %d, want 401", f.ID)
	}
	wantPtr(t, "SlugID", f.SlugID, 77)
	wantPtr(t, "SlugName", f.SlugName, "talla_camiseta")
	if len(f.ChoiceOptions) != 3 {
		t.Fatalf("ChoiceOptions = %+v", f.ChoiceOptions)
	}
	wantPtr(t, "ChoiceOptions[2].Label", f.ChoiceOptions[2].Label, "XXL")
	wantPtr(t, "ChoiceOptions[2].IsActive", f.ChoiceOptions[2].IsActive, false)
}

func TestListCustomFieldsV2_ByID(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/custom_fields/fields", Status: 200,
		Body: `[{"id":402,"label":"Número de pie","identifier":null,"position":null,"required":null,"field_type":"number","min_value":30,"max_value":50,"slug_id":78,"slug_name":"numero_pie","choice_options":null}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantQuery(t, r, map[string][]string{"id": {"402"}, "slug_id": {"78"}})
		},
	}))
	res, err := c.ListCustomFieldsV2WithResponse(context.Background(), &api.ListCustomFieldsV2Params{ID: apitest.Ptr(402), SlugID: apitest.Ptr(78)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, fields = %v", res.StatusCode(), res.JSON200)
	}
	f := (*res.JSON200)[0]
	wantPtr(t, "MinValue", f.MinValue, 30)
	wantNil(t, "Identifier", f.Identifier)
	if f.ChoiceOptions != nil {
		t.Errorf("ChoiceOptions = %+v, want nil", f.ChoiceOptions)
	}
}

func TestCreateCustomFieldV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v2/custom_fields/fields", Status: 200,
		Body: `{"id":402,"label":"Número de pie","identifier":"numero_pie","position":4,"required":false,"field_type":"number","min_value":30,"max_value":50,"slug_id":78,"slug_name":"numero_pie","choice_options":[]}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"label":"Número de pie","slug_name":"numero_pie","field_type":"number","min_value":30,"max_value":50,"required":false,"editable":"owned","visible":"reportees"}`)
		},
	}))
	res, err := c.CreateCustomFieldV2WithResponse(context.Background(), api.CustomFieldV2Create{
		Label: "Número de pie", SlugName: "numero_pie", FieldType: api.CustomFieldV2CreateFieldTypeNumber,
		MinValue: apitest.Ptr(30), MaxValue: apitest.Ptr(50), Required: false,
		Editable: api.CustomFieldV2CreateEditableOwned, Visible: api.CustomFieldV2CreateVisibleReportees,
	})
	if err != nil {
		t.Fatal(err)
	}
	f := res.JSON200
	if f == nil || f.ID != 402 {
		t.Fatalf("status %d, field = %+v", res.StatusCode(), f)
	}
	wantPtr(t, "FieldType", f.FieldType, string(api.CustomFieldV2CreateFieldTypeNumber))
	wantPtr(t, "MaxValue", f.MaxValue, 50)
	wantPtr(t, "SlugID", f.SlugID, 78)
}

func TestCreateCustomFieldV2_SingleChoice(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v2/custom_fields/fields", Status: 200, Body: customFieldV2JSON,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"label":"Talla de camiseta","slug_name":"talla_camiseta","field_type":"single_choice","required":false,"editable":"everybody","visible":"team_leader",`+
				`"choice_options":[{"label":"S","value":"s","is_active":true},{"label":"M","value":"m","is_active":true}]}`)
		},
	}))
	res, err := c.CreateCustomFieldV2WithResponse(context.Background(), api.CustomFieldV2Create{
		Label: "Talla de camiseta", SlugName: "talla_camiseta", FieldType: api.CustomFieldV2CreateFieldTypeSingleChoice,
		Editable: api.CustomFieldV2CreateEditableEverybody, Visible: api.CustomFieldV2CreateVisibleTeamLeader,
		ChoiceOptions: []api.CustomFieldChoiceOption{
			{Label: apitest.Ptr("S"), Value: apitest.Ptr("s"), IsActive: apitest.Ptr(true)},
			{Label: apitest.Ptr("M"), Value: apitest.Ptr("m"), IsActive: apitest.Ptr(true)},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 401 || len(res.JSON200.ChoiceOptions) != 3 {
		t.Fatalf("status %d, field = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "ChoiceOptions[0].ID", res.JSON200.ChoiceOptions[0].ID, 1)
}

func TestDeleteCustomFieldV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v2/custom_fields/fields/401", Status: 200, Body: customFieldV2JSON,
	}))
	res, err := c.DeleteCustomFieldV2WithResponse(context.Background(), 401)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 401 {
		t.Fatalf("status %d, field = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Label", res.JSON200.Label, "Talla de camiseta")
}

func TestDeleteCustomFieldV2_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v2/custom_fields/fields/401", Status: 204,
	}))
	res, err := c.DeleteCustomFieldV2WithResponse(context.Background(), 401)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %+v; want 204 and nil", res.StatusCode(), res.JSON200)
	}
}

func TestListCustomValuesV2(t *testing.T) {
	// employee_ids[] is a bracketed array parameter: one
	// employee_ids[]=<id> pair per employee.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/custom_fields/values", Status: 200,
		Body: `[` + customValueV2JSON + `,{"id":9902,"label":"Talla de camiseta","value":null,"field_id":401,"slug_id":77,"slug_name":"talla_camiseta","required":false,"instance_id":12}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantQuery(t, r, map[string][]string{"employee_ids[]": {"7", "12"}, "field_id": {"401"}})
		},
	}))
	res, err := c.ListCustomValuesV2WithResponse(context.Background(), &api.ListCustomValuesV2Params{EmployeeIDs: []int{7, 12}, FieldID: apitest.Ptr(401)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, values = %v", res.StatusCode(), res.JSON200)
	}
	v := (*res.JSON200)[0]
	if v.ID != 9901 {
		t.Errorf("ID = %d, want 9901", v.ID)
	}
	wantPtr(t, "Value", v.Value, "M")
	wantPtr(t, "SlugName", v.SlugName, "talla_camiseta")
	wantPtr(t, "InstanceID", v.InstanceID, 7)
	wantNil(t, "[1].Value", (*res.JSON200)[1].Value)
	wantPtr(t, "[1].InstanceID", (*res.JSON200)[1].InstanceID, 12)
}

func TestListCustomValuesV2_BySlugAndValue(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/custom_fields/values", Status: 200, Body: `[` + customValueV2JSON + `]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantQuery(t, r, map[string][]string{"slug_name": {"talla_camiseta"}, "slug_id": {"77"}, "field_value": {"M"}, "id": {"9901"}})
		},
	}))
	res, err := c.ListCustomValuesV2WithResponse(context.Background(), &api.ListCustomValuesV2Params{
		SlugName: apitest.Ptr("talla_camiseta"), SlugID: apitest.Ptr(77), FieldValue: apitest.Ptr("M"), ID: apitest.Ptr(9901),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 || (*res.JSON200)[0].ID != 9901 {
		t.Fatalf("status %d, values = %v", res.StatusCode(), res.JSON200)
	}
}

func TestUpdateCustomValueV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v2/custom_fields/values/9901", Status: 200,
		Body: `{"id":9901,"label":"Talla de camiseta","value":"L","field_id":401,"slug_id":77,"slug_name":"talla_camiseta","required":false,"instance_id":7}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"value":"L"}`)
		},
	}))
	res, err := c.UpdateCustomValueV2WithResponse(context.Background(), 9901, api.CustomValueV2Update{Value: apitest.Ptr("L")})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 9901 {
		t.Fatalf("status %d, value = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Value", res.JSON200.Value, "L")
	wantPtr(t, "FieldID", res.JSON200.FieldID, 401)
}

// stringCell reads a string cell of a custom table row (cells are a union of
// string, number and boolean in the spec).
func stringCell(row api.CustomResourceValue, key string) (string, bool) {
	v, ok := row.Get(key)
	if !ok {
		return "", false
	}
	s, err := v.AsCustomResourceValue0()
	if err != nil {
		return "", false
	}
	return s, true
}
