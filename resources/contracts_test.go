package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/resources"
)

// Contracts: contract versions, their history and compensations, the
// taxonomies and payroll concepts pay is filed under, contract templates
// and the per-country catalogues contracts name.

// contractVersionJSON is a Spanish full-time contract with a yearly salary.
const contractVersionJSON = `{"id":"71","company_id":"77","employee_id":"4243","effective_on":"2026-01-01","starts_on":"2024-03-01",` +
	`"ends_on":null,"country":"es","job_title":"Backend Engineer","job_catalog_level_id":"9",` +
	`"job_catalog_tree_node_uuid":"jobcatalog_treelevel-9","has_payroll":true,"has_trial_period":false,"trial_period_ends_on":null,` +
	`"salary_amount":5200000,"salary_frequency":"yearly","working_week_days":"monday,tuesday,wednesday,thursday,friday",` +
	`"working_hours":4000,"working_hours_frequency":"week","max_legal_yearly_hours":1800,"maximum_weekly_hours":40,` +
	`"min_rest_minutes_between_days":720,"max_work_minutes_per_day":540,"max_work_days_in_row":6,"min_rest_hours_in_row":36,` +
	`"bank_holiday_treatment":"non_workable","working_time_percentage_in_cents":10000,"annual_working_time_distribution":"limit_workdays",` +
	`"version_data":{"country_data":{"country":"es","fields":[{"name":"contract_type","value_id":"1"}]}},` +
	`"created_at":"2025-12-20T10:00:00Z","updated_at":"2025-12-21T09:00:00Z","es_has_teleworking_contract":true,` +
	`"es_cotization_group":1,"contracts_es_tariff_group_id":null,"es_contract_observations":"Promotion","es_job_description":null,` +
	`"es_contract_type_id":"1","es_working_day_type_id":"1","es_education_level_id":"3","es_professional_category_id":"2",` +
	`"fr_employee_type":null,"fr_forfait_jours":false,"fr_jours_par_an":null,"fr_coefficient":null,"fr_contract_type_id":null,` +
	`"fr_level_id":null,"fr_step_id":null,"fr_mutual_id":null,"fr_professional_category_id":null,"fr_work_type_id":null,` +
	`"de_contract_type_id":null,"de_base_salary_type_id":null,"pt_contract_type_id":null}`

func checkContractVersion(t *testing.T, v resources.ContractVersion) {
	t.Helper()
	eq(t, "ID", v.ID, "71")
	is(t, "EmployeeID", v.EmployeeID, "4243")
	day(t, "EffectiveOn", v.EffectiveOn, "2026-01-01")
	day(t, "StartsOn", v.StartsOn, "2024-03-01")
	null(t, "EndsOn", v.EndsOn)
	is(t, "SalaryAmount", v.SalaryAmount, 5200000)
	is(t, "BankHolidayTreatment", v.BankHolidayTreatment, resources.BankHolidayTreatmentNonWorkable)
	is(t, "AnnualWorkingTimeDistribution", v.AnnualWorkingTimeDistribution, resources.AnnualWorkingTimeDistributionLimitWorkdays)
	is(t, "EsEducationLevelID", v.EsEducationLevelID, "3")
	is(t, "FrForfaitJours", v.FrForfaitJours, false)
	at(t, "UpdatedAt", v.UpdatedAt, "2025-12-21T09:00:00Z")
	if cd, _ := v.VersionData["country_data"].(map[string]any); cd["country"] != "es" {
		t.Errorf("VersionData = %v", v.VersionData)
	}
}

// compensationJSON is a monthly meal allowance paid per worked day.
const compensationJSON = `{"id":"501","contract_version_id":"71","contracts_taxonomy_id":"14","description":"Meal allowance",` +
	`"compensation_type":"per_worked_day","amount":1100,"unit":"money","currency":"EUR","sync_with_supplements":true,` +
	`"payroll_policy_id":null,"recurrence":"monthly","recurrence_count":null,"starts_on":"2026-01-01","first_payment_on":"2026-01-31",` +
	`"calculation":"current period","time_condition":"full_day","minimum_amount_of_hours":null,"minimum_amount_of_hours_in_cents":600}`

func checkCompensation(t *testing.T, c resources.Compensation) {
	t.Helper()
	eq(t, "ID", c.ID, "501")
	is(t, "ContractVersionID", c.ContractVersionID, "71")
	is(t, "CompensationType", c.CompensationType, "per_worked_day")
	is(t, "Amount", c.Amount, 1100)
	is(t, "TimeCondition", c.TimeCondition, resources.CompensationTimeConditionFullDay)
	is(t, "MinimumAmountOfHoursInCents", c.MinimumAmountOfHoursInCents, 600)
	null(t, "RecurrenceCount", c.RecurrenceCount)
}

func TestListCompensationConcepts(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/compensations/concepts", status: 200,
		body: page(onePage(1), `{"id":"3","company_id":"77","category":"earnings_variable","default":false,"name":"fixed_comission",`+
			`"label":"Fixed comission","description":"Fixed comission","translated_name":"Fixed comission","unit_name":"EUR","unit_type":"money"}`),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"categories[]": {"earnings_variable", "deductions"}, "with_active_status": {"true"}})
		},
	})
	all, err := c.Contracts.ListCompensationConcepts(t.Context(), &resources.ListCompensationConceptsParams{
		Categories:       []resources.CompensationConceptCategory{resources.CompensationConceptCategoryEarningsVariable, resources.CompensationConceptCategoryDeductions},
		WithActiveStatus: ptr(true),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d concepts, want 1", len(all))
	}
	eq(t, "ID", all[0].ID, "3")
	is(t, "Category", all[0].Category, resources.CompensationConceptCategoryEarningsVariable)
	is(t, "Default", all[0].Default, false)
	is(t, "UnitType", all[0].UnitType, resources.CompensationConceptUnitTypeMoney)
}

func TestGetCompensationConcept(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/compensations/concepts/1", status: 200,
		body:  `{"id":"1","company_id":"77","category":null,"default":true,"name":"base_salary","label":"Base salary","description":"Base salary","translated_name":"Salario base"}`,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	k, err := c.Contracts.GetCompensationConcept(t.Context(), "1")
	must(t, err)
	is(t, "TranslatedName", k.TranslatedName, "Salario base")
	null(t, "Category", k.Category)
	null(t, "UnitType", k.UnitType)
}

func TestListCompensations(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/contracts/compensations", status: 200, body: page(onePage(1), compensationJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"contract_version_ids[]": {"71"}})
		},
	})
	all, err := c.Contracts.ListCompensations(t.Context(), &resources.ListCompensationsParams{ContractVersionIDs: []string{"71"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d compensations, want 1", len(all))
	}
	checkCompensation(t, all[0])
}

func TestCreateCompensation(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/contracts/compensations", status: 201, body: compensationJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"contract_version_id":"71","contracts_taxonomy_id":"14","compensation_type":"per_worked_day",`+
				`"amount":1100,"recurrence":"monthly","time_condition":"full_day"}`)
		},
	})
	comp, err := c.Contracts.CreateCompensation(t.Context(), resources.CompensationCreate{
		ContractVersionID: "71", ContractsTaxonomyID: "14", CompensationType: ptr("per_worked_day"), Amount: ptr(1100),
		Recurrence: ptr("monthly"), TimeCondition: ptr(resources.CompensationTimeConditionFullDay),
	})
	must(t, err)
	checkCompensation(t, comp)
}

func TestGetCompensation(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/contracts/compensations/501", status: 200, body: compensationJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	comp, err := c.Contracts.GetCompensation(t.Context(), "501")
	must(t, err)
	checkCompensation(t, comp)
}

func TestUpdateCompensation(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/contracts/compensations/501", status: 200, body: compensationJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"contracts_taxonomy_id":"14","amount":1100}`)
		},
	})
	comp, err := c.Contracts.UpdateCompensation(t.Context(), "501", resources.CompensationUpdate{ContractsTaxonomyID: "14", Amount: ptr(1100)})
	must(t, err)
	checkCompensation(t, comp)
}

func TestDeleteCompensation(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/contracts/compensations/501", status: 200, body: compensationJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	comp, err := c.Contracts.DeleteCompensation(t.Context(), "501")
	must(t, err)
	checkCompensation(t, comp)
}

func TestListContractTemplates(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/contracts/contract_templates", status: 200,
		body: page(onePage(1), `{"id":"1","company_id":"77","contract_version_type":"es"}`),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"company_id": {"77"}, "contract_version_type": {"es"}})
		},
	})
	all, err := c.Contracts.ListContractTemplates(t.Context(), &resources.ListContractTemplatesParams{CompanyID: ptr("77"), ContractVersionType: ptr("es")})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d templates, want 1", len(all))
	}
	is(t, "ContractVersionType", all[0].ContractVersionType, "es")
}

func TestGetContractTemplate(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/contracts/contract_templates/2", status: 200, body: `{"id":"2","company_id":"77","contract_version_type":"fr"}`,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	tpl, err := c.Contracts.GetContractTemplate(t.Context(), "2")
	must(t, err)
	eq(t, "ID", tpl.ID, "2")
	is(t, "ContractVersionType", tpl.ContractVersionType, "fr")
}

func TestListContractVersions(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/contracts/contract_versions", status: 200, body: page(onePage(1), contractVersionJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_ids[]": {"4243"}, "date": {"2026-06-30"},
				"job_catalog_tree_node_uuids[]": {"jobcatalog_treelevel-9"}, "updated_at_gteq": {"2025-01-01T00:00:00Z"}})
		},
	})
	all, err := c.Contracts.ListContractVersions(t.Context(), &resources.ListContractVersionsParams{
		EmployeeIDs: []string{"4243"}, Date: datep("2026-06-30"), JobCatalogTreeNodeUUIDs: []string{"jobcatalog_treelevel-9"},
		UpdatedAtGteq: ptr("2025-01-01T00:00:00Z"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d contract versions, want 1", len(all))
	}
	checkContractVersion(t, all[0])
}

func TestCreateContractVersion(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/contracts/contract_versions", status: 201, body: contractVersionJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"employee_id":"4243","effective_on":"2026-01-01","starts_on":"2024-03-01",`+
				`"copy_current_contract_version":true,"salary_amount":5200000,"salary_frequency":"yearly","bank_holiday_treatment":"non_workable"}`)
		},
	})
	v, err := c.Contracts.CreateContractVersion(t.Context(), resources.ContractVersionCreate{
		EmployeeID: "4243", EffectiveOn: date("2026-01-01"), StartsOn: date("2024-03-01"), CopyCurrentContractVersion: ptr(true),
		SalaryAmount: ptr(5200000), SalaryFrequency: ptr("yearly"), BankHolidayTreatment: ptr(resources.BankHolidayTreatmentNonWorkable),
	})
	must(t, err)
	checkContractVersion(t, v)
}

func TestGetContractVersion(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/contracts/contract_versions/71", status: 200, body: contractVersionJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	v, err := c.Contracts.GetContractVersion(t.Context(), "71")
	must(t, err)
	checkContractVersion(t, v)
}

func TestUpdateContractVersion(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/contracts/contract_versions/71", status: 200, body: contractVersionJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"71","es_education_level_id":"3","es_cotization_group":1}`)
		},
	})
	v, err := c.Contracts.UpdateContractVersion(t.Context(), "71", resources.ContractVersionUpdate{ID: "71", EsEducationLevelID: ptr("3"), EsCotizationGroup: ptr(1)})
	must(t, err)
	checkContractVersion(t, v)
}

func TestDeleteContractVersion(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/contracts/contract_versions/71", status: 200, body: contractVersionJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	v, err := c.Contracts.DeleteContractVersion(t.Context(), "71")
	must(t, err)
	checkContractVersion(t, v)
}

// contractVersionHistoryJSON records a promotion.
const contractVersionHistoryJSON = `{"id":"900","employee_id":"4243","original_contract_version_id":"70","contracts_contract_version_id":"71",` +
	`"changed_at":"2025-12-20T10:00:00Z","author":"Ada Admin","action_type":"promotion","effective_on":"2026-01-01",` +
	`"has_payroll":true,"salary_amount":5200000,"fr_forfait_jours":false,"fr_jours_par_an_cents":null,` +
	`"created_at":"2025-12-20","updated_at":"2025-12-20"}`

func TestListContractVersionHistories(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/contracts/contract_version_histories", status: 200, body: page(onePage(1), contractVersionHistoryJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_ids[]": {"4243"}, "changes_gteq": {"2025-12-01"}, "changes_lteq": {"2025-12-31"}})
		},
	})
	all, err := c.Contracts.ListContractVersionHistories(t.Context(), &resources.ListContractVersionHistoriesParams{
		EmployeeIDs: []string{"4243"}, ChangesGteq: datep("2025-12-01"), ChangesLteq: datep("2025-12-31"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d entries, want 1", len(all))
	}
	is(t, "OriginalContractVersionID", all[0].OriginalContractVersionID, "70")
	at(t, "ChangedAt", all[0].ChangedAt, "2025-12-20T10:00:00Z")
	is(t, "ActionType", all[0].ActionType, "promotion")
	is(t, "CreatedAt", all[0].CreatedAt, "2025-12-20")
}

func TestGetContractVersionHistory(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/contracts/contract_version_histories/900", status: 200, body: contractVersionHistoryJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	h, err := c.Contracts.GetContractVersionHistory(t.Context(), "900")
	must(t, err)
	eq(t, "ID", h.ID, "900")
	is(t, "Author", h.Author, "Ada Admin")
	null(t, "FrJoursParAnCents", h.FrJoursParAnCents)
}

func TestListContractVersionMetaData(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/contracts/contract_version_meta_data", status: 200,
		body: page(onePage(2), `{"contract_version_id":"70","action_type":null}`, `{"contract_version_id":"71","action_type":"promotion"}`),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"contract_version_ids[]": {"70", "71"}})
		},
	})
	all, err := c.Contracts.ListContractVersionMetaData(t.Context(), &resources.ListContractVersionMetaDataParams{ContractVersionIDs: []string{"70", "71"}})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d entries, want 2", len(all))
	}
	eq(t, "ContractVersionID", all[1].ContractVersionID, "71")
	null(t, "ActionType", all[0].ActionType)
	is(t, "ActionType", all[1].ActionType, "promotion")
}

func TestCountryContractTypes(t *testing.T) {
	c, _ := newClient(t,
		exchange{method: http.MethodGet, path: "/contracts/french_contract_types", status: 200,
			body:  page(onePage(1), `{"id":"1","name":"CDI"}`),
			check: func(t testing.TB, r *http.Request, body []byte) { wantQuery(t, r, url.Values{"archived": {"false"}}) }},
		exchange{method: http.MethodGet, path: "/contracts/french_contract_types/1", status: 200, body: `{"id":"1","name":"CDI"}`},
		exchange{method: http.MethodGet, path: "/contracts/german_contract_types", status: 200,
			body:  page(onePage(1), `{"id":"4","name":"Unbefristet Vollzeit"}`),
			check: func(t testing.TB, r *http.Request, body []byte) { wantQuery(t, r, url.Values{"ids[]": {"4"}}) }},
		exchange{method: http.MethodGet, path: "/contracts/german_contract_types/4", status: 200, body: `{"id":"4","name":"Unbefristet Vollzeit"}`},
		exchange{method: http.MethodGet, path: "/contracts/portuguese_contract_types", status: 200,
			body: page(onePage(1), `{"id":"7","name":"Sem Termo"}`)},
		exchange{method: http.MethodGet, path: "/contracts/portuguese_contract_types/7", status: 200, body: `{"id":"7","name":null}`},
	)
	ctx := t.Context()
	fr, err := c.Contracts.ListFrenchContractTypes(ctx, &resources.ListFrenchContractTypesParams{Archived: ptr(false)})
	must(t, err)
	if len(fr) != 1 || fr[0].ID != "1" {
		t.Fatalf("French types %+v", fr)
	}
	frOne, err := c.Contracts.GetFrenchContractType(ctx, "1")
	must(t, err)
	is(t, "French Name", frOne.Name, "CDI")
	de, err := c.Contracts.ListGermanContractTypes(ctx, &resources.ListGermanContractTypesParams{IDs: []string{"4"}})
	must(t, err)
	if len(de) != 1 {
		t.Fatalf("German types %+v", de)
	}
	is(t, "German Name", de[0].Name, "Unbefristet Vollzeit")
	deOne, err := c.Contracts.GetGermanContractType(ctx, "4")
	must(t, err)
	eq(t, "German ID", deOne.ID, "4")
	pt, err := c.Contracts.ListPortugueseContractTypes(ctx, nil)
	must(t, err)
	if len(pt) != 1 {
		t.Fatalf("Portuguese types %+v", pt)
	}
	is(t, "Portuguese Name", pt[0].Name, "Sem Termo")
	ptOne, err := c.Contracts.GetPortugueseContractType(ctx, "7")
	must(t, err)
	null(t, "Portuguese Name", ptOne.Name)
}

func TestListMaterializedContractTemplates(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/contracts/materialized_templates", status: 200,
		body: page(onePage(1), `{"id":"77-legal_entity-301-es","company_id":"77","legal_entity_id":"301","country_code":"es",`+
			`"template_type":"legal_entity","template":[{"field_id":"contract_type","required":true}]}`),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"company_id": {"77"}, "template_type": {"legal_entity"}, "legal_entity_ids[]": {"301"},
				"field_ids[]": {"contract_type"}, "include_archived": {"false"}})
		},
	})
	all, err := c.Contracts.ListMaterializedContractTemplates(t.Context(), &resources.ListMaterializedContractTemplatesParams{
		CompanyID: ptr("77"), TemplateType: ptr(resources.MaterializedTemplateTypeLegalEntity), LegalEntityIDs: []string{"301"},
		FieldIDs: []string{"contract_type"}, IncludeArchived: ptr(false),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d templates, want 1", len(all))
	}
	eq(t, "ID", all[0].ID, "77-legal_entity-301-es")
	is(t, "TemplateType", all[0].TemplateType, resources.MaterializedTemplateTypeLegalEntity)
	if len(all[0].Template) != 1 || all[0].Template[0]["field_id"] != "contract_type" {
		t.Errorf("Template = %v", all[0].Template)
	}
}

func TestListReferenceContractVersions(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/contracts/reference_contracts", status: 200, body: page(onePage(1), contractVersionJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_ids[]": {"4243"}})
		},
	})
	all, err := c.Contracts.ListReferenceContractVersions(t.Context(), &resources.ListReferenceContractVersionsParams{EmployeeIDs: []string{"4243"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d versions, want 1", len(all))
	}
	checkContractVersion(t, all[0])
}

func TestSpanishCatalogues(t *testing.T) {
	entry := func(id, name string) string {
		return `{"id":"` + id + `","name":"` + name + `","default":false,"contracts_contract_template_id":"1"}`
	}
	create := func(path, id, name string, body string) exchange {
		return exchange{method: http.MethodPost, path: path, status: 201, body: entry(id, name),
			check: func(t testing.TB, r *http.Request, b []byte) { wantJSON(t, r, b, body) }}
	}
	c, _ := newClient(t,
		exchange{method: http.MethodGet, path: "/contracts/spanish_contract_types", status: 200, body: page(onePage(1), entry("1", "Indefinido")),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantQuery(t, r, url.Values{"archived": {"false"}, "contract_template_id": {"1"}})
			}},
		create("/contracts/spanish_contract_types", "8", "Fijo discontinuo", `{"name":"Fijo discontinuo","contracts_contract_template_id":"1"}`),
		exchange{method: http.MethodGet, path: "/contracts/spanish_contract_types/8", status: 200, body: entry("8", "Fijo discontinuo")},
		exchange{method: http.MethodGet, path: "/contracts/spanish_education_levels", status: 200, body: page(onePage(1), entry("2", "Bachillerato"))},
		create("/contracts/spanish_education_levels", "9", "Doctorado", `{"name":"Doctorado","contracts_contract_template_id":"1"}`),
		exchange{method: http.MethodGet, path: "/contracts/spanish_education_levels/9", status: 200, body: entry("9", "Doctorado")},
		exchange{method: http.MethodGet, path: "/contracts/spanish_professional_categories", status: 200, body: page(onePage(1), entry("3", "Oficial"))},
		create("/contracts/spanish_professional_categories", "10", "Jefe de equipo", `{"name":"Jefe de equipo","contracts_contract_template_id":"1"}`),
		exchange{method: http.MethodGet, path: "/contracts/spanish_professional_categories/10", status: 200, body: entry("10", "Jefe de equipo")},
		exchange{method: http.MethodGet, path: "/contracts/spanish_working_day_types", status: 200, body: page(onePage(1), entry("4", "Fulltime"))},
		create("/contracts/spanish_working_day_types", "11", "Media jornada", `{"name":"Media jornada"}`),
		exchange{method: http.MethodGet, path: "/contracts/spanish_working_day_types/11", status: 200, body: entry("11", "Media jornada")},
	)
	ctx := t.Context()
	types, err := c.Contracts.ListSpanishContractTypes(ctx, &resources.ListSpanishContractTypesParams{Archived: ptr(false), ContractTemplateID: ptr("1")})
	must(t, err)
	if len(types) != 1 {
		t.Fatalf("types %+v", types)
	}
	is(t, "type Name", types[0].Name, "Indefinido")
	ct, err := c.Contracts.CreateSpanishContractType(ctx, resources.SpanishContractTypeCreate{Name: "Fijo discontinuo", ContractsContractTemplateID: "1"})
	must(t, err)
	is(t, "new type Default", ct.Default, false)
	ct, err = c.Contracts.GetSpanishContractType(ctx, "8")
	must(t, err)
	eq(t, "type ID", ct.ID, "8")

	levels, err := c.Contracts.ListSpanishEducationLevels(ctx, nil)
	must(t, err)
	if len(levels) != 1 {
		t.Fatalf("levels %+v", levels)
	}
	is(t, "level Name", levels[0].Name, "Bachillerato")
	lv, err := c.Contracts.CreateSpanishEducationLevel(ctx, resources.SpanishEducationLevelCreate{Name: "Doctorado", ContractsContractTemplateID: "1"})
	must(t, err)
	eq(t, "new level ID", lv.ID, "9")
	lv, err = c.Contracts.GetSpanishEducationLevel(ctx, "9")
	must(t, err)
	is(t, "level template", lv.ContractsContractTemplateID, "1")

	cats, err := c.Contracts.ListSpanishProfessionalCategories(ctx, nil)
	must(t, err)
	if len(cats) != 1 {
		t.Fatalf("categories %+v", cats)
	}
	is(t, "category Name", cats[0].Name, "Oficial")
	cat, err := c.Contracts.CreateSpanishProfessionalCategory(ctx, resources.SpanishProfessionalCategoryCreate{Name: "Jefe de equipo", ContractsContractTemplateID: "1"})
	must(t, err)
	eq(t, "new category ID", cat.ID, "10")
	cat, err = c.Contracts.GetSpanishProfessionalCategory(ctx, "10")
	must(t, err)
	is(t, "category Name", cat.Name, "Jefe de equipo")

	days, err := c.Contracts.ListSpanishWorkingDayTypes(ctx, nil)
	must(t, err)
	if len(days) != 1 {
		t.Fatalf("working day types %+v", days)
	}
	is(t, "working day Name", days[0].Name, "Fulltime")
	wd, err := c.Contracts.CreateSpanishWorkingDayType(ctx, resources.SpanishWorkingDayTypeCreate{Name: "Media jornada"})
	must(t, err)
	eq(t, "new working day ID", wd.ID, "11")
	wd, err = c.Contracts.GetSpanishWorkingDayType(ctx, "11")
	must(t, err)
	is(t, "working day Name", wd.Name, "Media jornada")
}

func TestListTaxonomies(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/contracts/taxonomies", status: 200,
		body: page(onePage(1), `{"id":"14","name":"Meal vouchers","archived":false,"default":true,"legal_entity_id":"301"}`),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"legal_entity_ids[]": {"301"}})
		},
	})
	all, err := c.Contracts.ListTaxonomies(t.Context(), &resources.ListTaxonomiesParams{LegalEntityIDs: []string{"301"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d taxonomies, want 1", len(all))
	}
	is(t, "Name", all[0].Name, "Meal vouchers")
	is(t, "Default", all[0].Default, true)
}

func TestGetTaxonomy(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/contracts/taxonomies/14", status: 200,
		body:  `{"id":"14","name":"Meal vouchers","archived":true,"default":false,"legal_entity_id":"301"}`,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	tx, err := c.Contracts.GetTaxonomy(t.Context(), "14")
	must(t, err)
	is(t, "Archived", tx.Archived, true)
	is(t, "LegalEntityID", tx.LegalEntityID, "301")
}
