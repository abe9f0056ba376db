package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/resources"
)

// Custom fields, their options, custom-table (resource) fields and values.

const fieldShirtJSON = `{"id":"75","field_type":"single_choice","label_text":"T-Shirt size","slug":"tshirt_size","position":3,` +
	`"required":false,"min_value":null,"max_value":null,"legal_entity_id":null,"legal_entity_name":null}`

const fieldEnglishJSON = `{"id":"76","field_type":"rating","label_text":"English level","slug":"english_level","position":4,` +
	`"required":true,"min_value":1,"max_value":5,"legal_entity_id":"301","legal_entity_name":"Acme Robotics S.L."}`

func TestListCustomFields(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/custom_fields/fields", status: 200,
		body: page(onePage(2), fieldShirtJSON, fieldEnglishJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"company_id": {"77"}, "field_type": {"rating"}})
		},
	})
	all, err := c.CustomFields.List(t.Context(), &resources.ListCustomFieldsParams{
		CompanyID: ptr("77"), FieldType: ptr(resources.CustomFieldTypeRating),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d fields, want 2", len(all))
	}
	eq(t, "ID", all[0].ID, "75")
	is(t, "FieldType", all[0].FieldType, resources.CustomFieldTypeSingleChoice)
	is(t, "LabelText", all[0].LabelText, "T-Shirt size")
	null(t, "MinValue", all[0].MinValue)
	is(t, "second MaxValue", all[1].MaxValue, 5)
	is(t, "second LegalEntityName", all[1].LegalEntityName, "Acme Robotics S.L.")
}

func TestCreateCustomField(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/custom_fields/fields", status: 201, body: fieldShirtJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"company_id":"77","field_type":"single_choice","label":"T-Shirt size","required":false,`+
				`"position":3,"editable":"owned","visible":"everybody","options":["S","M","L","XL"]}`)
		},
	})
	f, err := c.CustomFields.Create(t.Context(), resources.CustomFieldCreate{
		CompanyID: "77", FieldType: resources.CustomFieldTypeSingleChoice, Label: ptr("T-Shirt size"), Required: ptr(false),
		Position: ptr(3), Editable: ptr(resources.CustomFieldAudienceOwned), Visible: ptr(resources.CustomFieldAudienceEverybody),
		Options: []string{"S", "M", "L", "XL"},
	})
	must(t, err)
	eq(t, "ID", f.ID, "75")
	is(t, "Slug", f.Slug, "tshirt_size")
}

func TestGetCustomField(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/custom_fields/fields/76", status: 200, body: fieldEnglishJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	f, err := c.CustomFields.Get(t.Context(), "76")
	must(t, err)
	eq(t, "ID", f.ID, "76")
	is(t, "FieldType", f.FieldType, resources.CustomFieldTypeRating)
	is(t, "MinValue", f.MinValue, 1)
	is(t, "Required", f.Required, true)
	is(t, "LegalEntityID", f.LegalEntityID, "301")
}

func TestDeleteCustomField(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/custom_fields/fields/75", status: 200, body: fieldShirtJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	f, err := c.CustomFields.Delete(t.Context(), "75")
	must(t, err)
	eq(t, "ID", f.ID, "75")
}

// Options.

const optionMJSON = `{"id":"1202","field_id":"75","label":"M","value":"M","is_active":true}`
const optionXXLJSON = `{"id":"1205","field_id":"75","label":"XXL","value":"XXL","is_active":false}`

func TestListCustomFieldOptions(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/custom_fields/options", status: 200,
		body: page(onePage(2), optionMJSON, optionXXLJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantRawQuery(t, r, "field_ids%5B%5D=75")
		},
	})
	all, err := c.CustomFields.ListOptions(t.Context(), &resources.ListCustomFieldOptionsParams{FieldIDs: []string{"75"}})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d options, want 2", len(all))
	}
	is(t, "Label", all[0].Label, "M")
	is(t, "second IsActive", all[1].IsActive, false)
}

func TestCreateCustomFieldOption(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/custom_fields/options", status: 201, body: optionXXLJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"field_id":"75","label":"XXL","is_active":false}`)
		},
	})
	o, err := c.CustomFields.CreateOption(t.Context(), resources.CustomFieldOptionCreate{
		FieldID: "75", Label: "XXL", IsActive: ptr(false),
	})
	must(t, err)
	eq(t, "ID", o.ID, "1205")
	is(t, "FieldID", o.FieldID, "75")
}

func TestGetCustomFieldOption(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/custom_fields/options/1202", status: 200, body: optionMJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	o, err := c.CustomFields.GetOption(t.Context(), "1202")
	must(t, err)
	eq(t, "ID", o.ID, "1202")
	is(t, "Value", o.Value, "M")
	is(t, "IsActive", o.IsActive, true)
}

// Resource fields (columns of custom tables).

func TestListResourceFields(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/custom_fields/resource_fields", status: 200,
		body: page(onePage(2), `{"id":"3001","field_id":"80"}`, `{"id":"3002","field_id":null}`),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"schema_ids[]": {"12"}})
		},
	})
	all, err := c.CustomFields.ListResourceFields(t.Context(), &resources.ListResourceFieldsParams{SchemaIDs: []string{"12"}})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d resource fields, want 2", len(all))
	}
	is(t, "FieldID", all[0].FieldID, "80")
	null(t, "second FieldID", all[1].FieldID)
}

func TestCreateResourceField(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/custom_fields/resource_fields", status: 201, body: `{"id":"3003","field_id":"81"}`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"schema_id":"12","company_id":"77","field_type":"date","label":"Certification expiry",`+
				`"required":true,"editable":"reportees","visible":"team_leader"}`)
		},
	})
	f, err := c.CustomFields.CreateResourceField(t.Context(), resources.ResourceFieldCreate{
		SchemaID: "12", CompanyID: "77", FieldType: resources.CustomFieldTypeDate, Label: ptr("Certification expiry"),
		Required: true, Editable: resources.CustomFieldAudienceReportees, Visible: resources.CustomFieldAudienceTeamLeader,
	})
	must(t, err)
	eq(t, "ID", f.ID, "3003")
	is(t, "FieldID", f.FieldID, "81")
}

func TestGetResourceField(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/custom_fields/resource_fields/3001", status: 200, body: `{"id":"3001","field_id":"80"}`,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	f, err := c.CustomFields.GetResourceField(t.Context(), "3001")
	must(t, err)
	eq(t, "ID", f.ID, "3001")
	is(t, "FieldID", f.FieldID, "80")
}

// Values. `value` has no declared type: it follows the field's type, and
// the typed members repeat it.

const valueShirtJSON = `{"id":"73","field_id":"75","custom_field_identifier":"01f931507aa27e1168025e27cd46b8588435b741",` +
	`"label":"T-Shirt size","required":false,"valuable_type":"Employee","valuable_id":"4243","value":"M",` +
	`"long_text_value":null,"date_value":null,"single_choice_value":"M","cents_value":null,"usage_group_id":"37",` +
	`"usage_group_slug":"employees-questions","updated_at":"2026-07-06T10:00:00.000+02:00"}`

const valueBonusJSON = `{"id":"74","field_id":"78","custom_field_identifier":"9a0c7e3d51f2b8e4a6c1d0f9e8b7a6c5d4e3f2a1",` +
	`"label":"Signing bonus","required":false,"valuable_type":"Contracts::ContractVersion","valuable_id":"6120",` +
	`"value":150000,"long_text_value":null,"date_value":null,"single_choice_value":null,"cents_value":150000,` +
	`"usage_group_id":null,"usage_group_slug":null,"updated_at":"2026-06-01T08:00:00.000+02:00"}`

const valueExpiryJSON = `{"id":"75","field_id":"81","custom_field_identifier":"3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09",` +
	`"label":"Certification expiry","required":true,"valuable_type":"CustomResources::Value","valuable_id":"5501",` +
	`"value":"2027-03-31","long_text_value":null,"date_value":"2027-03-31","single_choice_value":null,"cents_value":null,` +
	`"usage_group_id":null,"usage_group_slug":null,"updated_at":"2026-05-12T16:20:00.000+02:00"}`

func checkShirtValue(t *testing.T, v resources.CustomFieldValue) {
	t.Helper()
	eq(t, "ID", v.ID, "73")
	is(t, "FieldID", v.FieldID, "75")
	is(t, "CustomFieldIdentifier", v.CustomFieldIdentifier, "01f931507aa27e1168025e27cd46b8588435b741")
	is(t, "ValuableType", v.ValuableType, "Employee")
	is(t, "ValuableID", v.ValuableID, "4243")
	if v.Value == nil {
		t.Fatal("Value is nil")
	}
	if s, err := v.Value.AsCustomFieldValueValue0(); err != nil || s != "M" {
		t.Errorf("Value as a string = %q, %v; want \"M\"", s, err)
	}
	is(t, "SingleChoiceValue", v.SingleChoiceValue, "M")
	null(t, "CentsValue", v.CentsValue)
	is(t, "UsageGroupSlug", v.UsageGroupSlug, "employees-questions")
	at(t, "UpdatedAt", v.UpdatedAt, "2026-07-06T08:00:00Z")
}

// TestListCustomFieldValues decodes values of three field types: a choice
// (string), money (number) and a date (string, repeated in date_value).
func TestListCustomFieldValues(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/custom_fields/values", status: 200,
		body: page(onePage(3), valueShirtJSON, valueBonusJSON, valueExpiryJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_ids[]": {"4243"}, "identifiers[]": {"01f931507aa27e1168025e27cd46b8588435b741"},
				"updated_at_gteq": {"2026-01-01"}})
		},
	})
	all, err := c.CustomFields.ListValues(t.Context(), &resources.ListCustomFieldValuesParams{
		EmployeeIDs: []string{"4243"}, Identifiers: []string{"01f931507aa27e1168025e27cd46b8588435b741"},
		UpdatedAtGteq: datep("2026-01-01"),
	})
	must(t, err)
	if len(all) != 3 {
		t.Fatalf("%d values, want 3", len(all))
	}
	checkShirtValue(t, all[0])
	if n, err := all[1].Value.AsCustomFieldValueValue1(); err != nil || n != 150000 {
		t.Errorf("money Value as a number = %v, %v; want 150000", n, err)
	}
	is(t, "money CentsValue", all[1].CentsValue, 150000)
	null(t, "money UsageGroupID", all[1].UsageGroupID)
	if d, err := all[2].Value.AsCustomFieldValueValue0(); err != nil || d != "2027-03-31" {
		t.Errorf("date Value as a string = %q, %v; want \"2027-03-31\"", d, err)
	}
	day(t, "date DateValue", all[2].DateValue, "2027-03-31")
}

// TestListCustomFieldValuesHidden: a basic user's token receives a value it
// may not see with every value member null, `value` included (the
// document's rule for restricted callers: every response field but id is
// nullable).
func TestListCustomFieldValuesHidden(t *testing.T) {
	const hidden = `{"id":"74","field_id":"78","custom_field_identifier":"9a0c7e3d51f2b8e4a6c1d0f9e8b7a6c5d4e3f2a1",` +
		`"label":"Signing bonus","required":false,"valuable_type":"Contracts::ContractVersion","valuable_id":"6120",` +
		`"value":null,"long_text_value":null,"date_value":null,"single_choice_value":null,"cents_value":null,` +
		`"usage_group_id":null,"usage_group_slug":null,"updated_at":"2026-06-01T08:00:00.000+02:00"}`
	c := one(t, exchange{
		method: http.MethodGet, path: "/custom_fields/values", status: 200, body: page(onePage(1), hidden),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"field_id": {"78"}, "instance_id": {"6120"}})
		},
	})
	all, err := c.CustomFields.ListValues(t.Context(), &resources.ListCustomFieldValuesParams{
		FieldID: ptr("78"), InstanceID: ptr("6120"),
	})
	must(t, err)
	if len(all) != 1 || all[0].Value != nil {
		t.Fatalf("values = %+v, want one with a nil Value", all)
	}
	null(t, "CentsValue", all[0].CentsValue)
}

func TestCreateCustomFieldValue(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/custom_fields/values", status: 201, body: valueShirtJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"field_id":"75","valuable_type":"Employee","valuable_id":"4243","value":"M"}`)
		},
	})
	v, err := c.CustomFields.CreateValue(t.Context(), resources.CustomFieldValueCreate{
		FieldID: "75", ValuableType: "Employee", ValuableID: "4243", Value: "M",
	})
	must(t, err)
	checkShirtValue(t, v)
}

func TestGetCustomFieldValue(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/custom_fields/values/73", status: 200, body: valueShirtJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	v, err := c.CustomFields.GetValue(t.Context(), "73")
	must(t, err)
	checkShirtValue(t, v)
}

// TestUpdateCustomFieldValue: the money value is written as a string; the
// response gives it back as a number.
func TestUpdateCustomFieldValue(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/custom_fields/values/74", status: 200, body: valueBonusJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"74","value":"150000"}`)
		},
	})
	v, err := c.CustomFields.UpdateValue(t.Context(), "74", resources.CustomFieldValueUpdate{
		ID: ptr("74"), Value: ptr("150000"),
	})
	must(t, err)
	eq(t, "ID", v.ID, "74")
	is(t, "CentsValue", v.CentsValue, 150000)
}
