package api_test

import (
	"context"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// A Spanish contract version: salary_amount in cents (42,000.00 EUR a
// year), working_hours in hundredths (4000 = 40 h a week), es_* fields set,
// fr_* fields null.
const contractVersionESJSON = `{
  "id": 1042,
  "employee_id": 7,
  "country": "es",
  "job_title": "Backend Engineer",
  "role": "Engineering",
  "level": "Senior",
  "effective_on": "2023-01-01",
  "starts_on": "2021-03-15",
  "ends_on": null,
  "has_payroll": true,
  "salary_amount": 4200000,
  "salary_frequency": "yearly",
  "working_week_days": "monday,tuesday,wednesday,thursday,friday",
  "working_hours": 4000,
  "working_hours_frequency": "week",
  "es_has_teleworking_contract": true,
  "es_cotization_group": 1,
  "es_contract_observations": null,
  "es_job_description": "Desarrollo y mantenimiento de servicios backend",
  "es_trial_period_ends_on": "2021-09-15",
  "es_contract_type_id": 3,
  "es_working_day_type_id": 1,
  "es_education_level_id": 8,
  "es_professional_category_id": 12,
  "fr_employee_type": null,
  "fr_forfait_jours": null,
  "fr_jours_par_an": null,
  "fr_coefficient": null,
  "fr_contract_type_id": null,
  "fr_level_id": null,
  "fr_step_id": null,
  "fr_mutual_id": null,
  "fr_professional_category_id": null,
  "fr_work_type_id": null,
  "compensation_ids": [88, 89],
  "created_at": "2022-12-19T10:41:07.000Z",
  "updated_at": "2023-01-02T08:15:33.000Z"
}`

// A French cadre au forfait jours (218 days a year), part-time hours null.
const contractVersionFRJSON = `{
  "id": 1077,
  "employee_id": 44,
  "country": "fr",
  "job_title": "Responsable commercial",
  "role": null,
  "level": null,
  "effective_on": "2023-04-01",
  "starts_on": "2023-04-01",
  "ends_on": null,
  "has_payroll": true,
  "salary_amount": 5500000,
  "salary_frequency": "yearly",
  "working_week_days": "monday,tuesday,wednesday,thursday,friday",
  "working_hours": null,
  "working_hours_frequency": null,
  "es_has_teleworking_contract": null,
  "es_cotization_group": null,
  "es_contract_observations": null,
  "es_job_description": null,
  "es_trial_period_ends_on": null,
  "es_contract_type_id": null,
  "es_working_day_type_id": null,
  "es_education_level_id": null,
  "es_professional_category_id": null,
  "fr_employee_type": "cadre",
  "fr_forfait_jours": true,
  "fr_jours_par_an": 218,
  "fr_coefficient": 130,
  "fr_contract_type_id": 1,
  "fr_level_id": 4,
  "fr_step_id": 2,
  "fr_mutual_id": 6,
  "fr_professional_category_id": 3,
  "fr_work_type_id": 1,
  "compensation_ids": [],
  "created_at": "2023-03-20T14:02:51.000Z",
  "updated_at": "2023-03-20T14:02:51.000Z"
}`

// What a basic user's token gets for a colleague's contract: identifiers and
// dates stay, pay and hours are nulled.
const contractVersionRestrictedJSON = `{
  "id": 1090,
  "employee_id": 12,
  "country": "de",
  "job_title": "Customer Success Manager",
  "role": null,
  "level": null,
  "effective_on": "2023-07-01",
  "starts_on": "2022-07-01",
  "ends_on": "2024-06-30",
  "has_payroll": null,
  "salary_amount": null,
  "salary_frequency": null,
  "working_week_days": null,
  "working_hours": null,
  "working_hours_frequency": null,
  "de_contract_type_id": 2,
  "compensation_ids": null,
  "created_at": "2022-06-14T09:00:00.000Z",
  "updated_at": "2023-06-28T17:22:10.000Z"
}`

func checkContractES(t testing.TB, cv api.ContractVersion) {
	t.Helper()
	if cv.ID != 1042 {
		t.Errorf("ID = %d, want 1042", cv.ID)
	}
	wantPtr(t, "EmployeeID", cv.EmployeeID, 7)
	wantPtr(t, "SalaryAmount (cents)", cv.SalaryAmount, 4200000)
	wantPtr(t, "WorkingHours (hundredths)", cv.WorkingHours, 4000)
	if cv.WorkingHours != nil && *cv.WorkingHours/100 != 40 {
		t.Errorf("working hours = %d h, want 40 h", *cv.WorkingHours/100)
	}
	wantPtr(t, "WorkingHoursFrequency", cv.WorkingHoursFrequency, "week")
	wantPtr(t, "SalaryFrequency", cv.SalaryFrequency, "yearly")
	wantDate(t, "EffectiveOn", cv.EffectiveOn, "2023-01-01")
	wantDate(t, "StartsOn", cv.StartsOn, "2021-03-15")
	wantNil(t, "EndsOn", cv.EndsOn)
	wantDate(t, "EsTrialPeriodEndsOn", cv.EsTrialPeriodEndsOn, "2021-09-15")
	wantPtr(t, "EsHasTeleworkingContract", cv.EsHasTeleworkingContract, true)
	wantPtr(t, "EsProfessionalCategoryID", cv.EsProfessionalCategoryID, 12)
	wantNil(t, "EsContractObservations", cv.EsContractObservations)
	wantNil(t, "FrCoefficient", cv.FrCoefficient)
	if !reflect.DeepEqual(cv.CompensationIDs, []int{88, 89}) {
		t.Errorf("CompensationIDs = %v", cv.CompensationIDs)
	}
}

func TestListContractVersions(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/payroll/contract_versions", Status: 200,
		Body: "[" + contractVersionESJSON + "," + contractVersionFRJSON + "]",
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantRawQuery(t, r, "ids%5B%5D=1042&ids%5B%5D=1077&employee_ids%5B%5D=7&employee_ids%5B%5D=44&date=2023-06-01")
			wantQuery(t, r, map[string][]string{"ids[]": {"1042", "1077"}, "employee_ids[]": {"7", "44"}, "date": {"2023-06-01"}})
		},
	}))
	res, err := c.ListContractVersionsWithResponse(context.Background(), &api.ListContractVersionsParams{
		IDs: []int{1042, 1077}, EmployeeIDs: []int{7, 44}, Date: apitest.Ptr(dateOf(2023, time.June, 1)),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, contract versions = %v", res.StatusCode(), res.JSON200)
	}
	checkContractES(t, (*res.JSON200)[0])
	fr := (*res.JSON200)[1]
	wantPtr(t, "fr.Country", fr.Country, "fr")
	wantPtr(t, "fr.FrForfaitJours", fr.FrForfaitJours, true)
	wantPtr(t, "fr.FrJoursParAn", fr.FrJoursParAn, 218)
	wantPtr(t, "fr.FrCoefficient", fr.FrCoefficient, 130)
	wantPtr(t, "fr.FrEmployeeType", fr.FrEmployeeType, "cadre")
	wantPtr(t, "fr.SalaryAmount", fr.SalaryAmount, 5500000)
	wantNil(t, "fr.WorkingHours", fr.WorkingHours)
	wantNil(t, "fr.EsCotizationGroup", fr.EsCotizationGroup)
	if fr.CompensationIDs == nil || len(fr.CompensationIDs) != 0 {
		t.Errorf("fr.CompensationIDs = %v, want empty", fr.CompensationIDs)
	}
}

func TestListContractVersions_FrenchDayRateFilters(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/payroll/contract_versions", Status: 200,
		Body: "[" + contractVersionFRJSON + "]",
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantRawQuery(t, r, "ends_on_gt=2023-06-30&starts_on_lteq=2023-06-30&forfait_jours=true")
			wantQuery(t, r, map[string][]string{"ends_on_gt": {"2023-06-30"}, "starts_on_lteq": {"2023-06-30"}, "forfait_jours": {"true"}})
		},
	}))
	res, err := c.ListContractVersionsWithResponse(context.Background(), &api.ListContractVersionsParams{
		EndsOnGt: apitest.Ptr(dateOf(2023, time.June, 30)), StartsOnLteq: apitest.Ptr(dateOf(2023, time.June, 30)),
		ForfaitJours: apitest.Ptr(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 || (*res.JSON200)[0].ID != 1077 {
		t.Fatalf("status %d, contract versions = %v", res.StatusCode(), res.JSON200)
	}
}

func TestCreateContractVersion(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/payroll/contract_versions", Status: 201,
		Body: contractVersionESJSON,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			want := map[string]any{
				"employee_id": float64(7), "effective_on": "2023-01-01", "starts_on": "2021-03-15",
				"working_hours_frequency": "week", "working_week_days": "monday,tuesday,wednesday,thursday,friday",
				"working_hours": float64(4000), "salary_frequency": "yearly", "salary_amount": float64(4200000),
				"job_title": "Backend Engineer",
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.CreateContractVersionWithResponse(context.Background(), api.CreateContractVersionJSONRequestBody{
		EmployeeID:            apitest.Ptr(7),
		EffectiveOn:           apitest.Ptr(dateOf(2023, time.January, 1)),
		StartsOn:              apitest.Ptr(dateOf(2021, time.March, 15)),
		WorkingHoursFrequency: apitest.Ptr(api.ContractVersionCreateWorkingHoursFrequencyWeek),
		WorkingWeekDays:       apitest.Ptr("monday,tuesday,wednesday,thursday,friday"),
		WorkingHours:          apitest.Ptr(4000),
		SalaryFrequency:       apitest.Ptr(api.ContractVersionCreateSalaryFrequencyYearly),
		SalaryAmount:          apitest.Ptr(4200000),
		JobTitle:              apitest.Ptr("Backend Engineer"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON201 == nil {
		t.Fatalf("status %d, no typed 201 body: %s", res.StatusCode(), res.Body)
	}
	checkContractES(t, *res.JSON201)
}

func TestUpdateContractVersion(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/payroll/contract_versions/1042", Status: 200,
		Body: contractVersionESJSON,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			want := map[string]any{
				"effective_on": "2023-01-01", "salary_amount": float64(4200000),
				"es_cotization_group": float64(1), "es_professional_category_id": float64(12),
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.UpdateContractVersionWithResponse(context.Background(), 1042, api.UpdateContractVersionJSONRequestBody{
		EffectiveOn:              dateOf(2023, time.January, 1),
		SalaryAmount:             apitest.Ptr(4200000),
		EsCotizationGroup:        apitest.Ptr(1),
		EsProfessionalCategoryID: apitest.Ptr(12),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil {
		t.Fatalf("status %d, no typed 200 body: %s", res.StatusCode(), res.Body)
	}
	checkContractES(t, *res.JSON200)
	if u := res.JSON200.UpdatedAt; u == nil || !u.Equal(mustTime(t, "2023-01-02T08:15:33Z")) {
		t.Errorf("UpdatedAt = %v", u)
	}
}

func TestDeleteContractVersion(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/payroll/contract_versions/1077", Status: 200,
		Body: contractVersionFRJSON,
	}))
	res, err := c.DeleteContractVersionWithResponse(context.Background(), 1077)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 1077 {
		t.Fatalf("status %d, deleted = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "EmployeeID", res.JSON200.EmployeeID, 44)
}

func TestDeleteContractVersion_NoContent(t *testing.T) {
	// The 2022 spec's answer: 204, no body.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/payroll/contract_versions/1078", Status: 204,
	}))
	res, err := c.DeleteContractVersionWithResponse(context.Background(), 1078)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil || len(res.Body) != 0 {
		t.Fatalf("status %d, JSON200 %v, body %q", res.StatusCode(), res.JSON200, res.Body)
	}
}

func TestListReferenceContracts(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/payroll/reference_contracts", Status: 200,
		Body: "[" + contractVersionESJSON + "," + contractVersionRestrictedJSON + "]",
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			// Bracket names, one per value, as Rails expects for arrays.
			wantRawQuery(t, r, "employee_ids%5B%5D=7&employee_ids%5B%5D=12")
			wantQuery(t, r, map[string][]string{"employee_ids[]": {"7", "12"}})
		},
	}))
	res, err := c.ListReferenceContractsWithResponse(context.Background(), &api.ListReferenceContractsParams{EmployeeIDs: []int{7, 12}})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, reference contracts = %v", res.StatusCode(), res.JSON200)
	}
	checkContractES(t, (*res.JSON200)[0])
	de := (*res.JSON200)[1]
	wantPtr(t, "de.EmployeeID", de.EmployeeID, 12)
	wantPtr(t, "de.DeContractTypeID", de.DeContractTypeID, 2)
	wantDate(t, "de.EndsOn", de.EndsOn, "2024-06-30")
	wantNil(t, "de.SalaryAmount", de.SalaryAmount)
	wantNil(t, "de.WorkingHours", de.WorkingHours)
	wantNil(t, "de.HasPayroll", de.HasPayroll)
	if de.CompensationIDs != nil {
		t.Errorf("de.CompensationIDs = %v, want nil", de.CompensationIDs)
	}
}

func TestBulkListContractVersions(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v2/core/bulk/contract_version", Status: 200,
		Body: "[" + contractVersionRestrictedJSON + "," + contractVersionFRJSON + "]",
		Check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			noQuery(t, r)
		},
	}))
	res, err := c.BulkListContractVersionsWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, contract versions = %v", res.StatusCode(), res.JSON200)
	}
	r0 := (*res.JSON200)[0]
	if r0.ID != 1090 {
		t.Errorf("ID = %d", r0.ID)
	}
	wantNil(t, "SalaryAmount (restricted)", r0.SalaryAmount)
	wantNil(t, "SalaryFrequency (restricted)", r0.SalaryFrequency)
	wantPtr(t, "JobTitle", r0.JobTitle, "Customer Success Manager")
	wantPtr(t, "[1].FrMutualID", (*res.JSON200)[1].FrMutualID, 6)
}

const supplementJSON = `{
  "id": 3301,
  "employee_id": 7,
  "contracts_compensation_id": 88,
  "contracts_taxonomy_id": 14,
  "amount_in_cents": 15000,
  "unit": "money",
  "effective_on": "2023-06-30",
  "updated_at": "2023-07-03T11:20:45.000Z",
  "description_entity": "Bonus objetivos Q2",
  "created_by_access_id": 5,
  "payroll_policy_period_id": 61,
  "validated": false
}`

func TestListSupplements(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/payroll/supplements", Status: 200,
		Body: "[" + supplementJSON + `,
{"id": 3302, "employee_id": 12, "contracts_compensation_id": null, "contracts_taxonomy_id": 15, "amount_in_cents": 800, "unit": "units", "effective_on": "2023-06-15", "updated_at": "2023-06-16T07:55:02.000Z", "description_entity": null, "created_by_access_id": null, "payroll_policy_period_id": 61, "validated": true}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantRawQuery(t, r, "employee_ids%5B%5D=7&employee_ids%5B%5D=12&from=2023-06-01&to=2023-06-30&payroll_policy_period_id=61")
			wantQuery(t, r, map[string][]string{"employee_ids[]": {"7", "12"}, "from": {"2023-06-01"}, "to": {"2023-06-30"}, "payroll_policy_period_id": {"61"}})
		},
	}))
	res, err := c.ListSupplementsWithResponse(context.Background(), &api.ListSupplementsParams{
		EmployeeIDs: []int{7, 12}, From: apitest.Ptr(dateOf(2023, time.June, 1)), To: apitest.Ptr(dateOf(2023, time.June, 30)),
		PayrollPolicyPeriodID: apitest.Ptr(61),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, supplements = %v", res.StatusCode(), res.JSON200)
	}
	s := (*res.JSON200)[0]
	if s.ID != 3301 {
		t.Errorf("ID = %d", s.ID)
	}
	wantPtr(t, "AmountInCents", s.AmountInCents, 15000)
	wantPtr(t, "Unit", s.Unit, "money")
	wantDate(t, "EffectiveOn", s.EffectiveOn, "2023-06-30")
	wantPtr(t, "Validated", s.Validated, false)
	s1 := (*res.JSON200)[1]
	wantPtr(t, "[1].Unit", s1.Unit, "units")
	wantNil(t, "[1].ContractsCompensationID", s1.ContractsCompensationID)
	wantNil(t, "[1].DescriptionEntity", s1.DescriptionEntity)
}

func TestListSupplements_PayrollDisabled(t *testing.T) {
	// The 2021 spec documents 402 "This company doesn't have payroll enabled".
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/payroll/supplements", Status: 402,
		Body: `{"errors":["This company doesn't have payroll enabled"]}`,
	}))
	res, err := c.ListSupplementsWithResponse(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 402 || res.JSON200 != nil || res.JSONDefault == nil {
		t.Fatalf("status %d, JSON200 %v, JSONDefault %v", res.StatusCode(), res.JSON200, res.JSONDefault)
	}
	env, err := res.JSONDefault.AsErrorEnvelope()
	if err != nil {
		t.Fatal(err)
	}
	msgs, err := env.Errors.AsErrorList()
	if err != nil || len(msgs) != 1 || msgs[0] != "This company doesn't have payroll enabled" {
		t.Errorf("errors = %q, %v", msgs, err)
	}
}

func TestCreateSupplement(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/payroll/supplements", Status: 201,
		Body: supplementJSON,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			want := map[string]any{
				"employee_id": float64(7), "amount_in_cents": float64(15000), "effective_on": "2023-06-30",
				"contracts_taxonomy_id": float64(14), "payroll_policy_period_id": float64(61), "unit": "money",
				"contracts_compensation_id": float64(88),
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.CreateSupplementWithResponse(context.Background(), api.CreateSupplementJSONRequestBody{
		EmployeeID: apitest.Ptr(7), AmountInCents: apitest.Ptr(15000), EffectiveOn: apitest.Ptr(dateOf(2023, time.June, 30)),
		ContractsTaxonomyID: apitest.Ptr(14), PayrollPolicyPeriodID: apitest.Ptr(61), Unit: apitest.Ptr("money"),
		ContractsCompensationID: apitest.Ptr(88),
	})
	if err != nil {
		t.Fatal(err)
	}
	s := res.JSON201
	if s == nil || s.ID != 3301 {
		t.Fatalf("status %d, supplement = %+v", res.StatusCode(), s)
	}
	wantPtr(t, "AmountInCents", s.AmountInCents, 15000)
	wantPtr(t, "CreatedByAccessID", s.CreatedByAccessID, 5)
	wantPtr(t, "DescriptionEntity", s.DescriptionEntity, "Bonus objetivos Q2")
	if s.UpdatedAt == nil || !s.UpdatedAt.Equal(mustTime(t, "2023-07-03T11:20:45Z")) {
		t.Errorf("UpdatedAt = %v", s.UpdatedAt)
	}
}

func TestUpdateSupplement(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/payroll/supplements/3301", Status: 200,
		Body: `{"id": 3301, "employee_id": 7, "contracts_compensation_id": 88, "contracts_taxonomy_id": 14, "amount_in_cents": 22550, "unit": "money", "effective_on": "2023-06-30", "updated_at": "2023-07-04T09:01:12.000Z", "description_entity": "Bonus objetivos Q2", "created_by_access_id": 5, "payroll_policy_period_id": 61, "validated": false}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			if want := (map[string]any{"amount_in_cents": float64(22550)}); !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.UpdateSupplementWithResponse(context.Background(), 3301, api.UpdateSupplementJSONRequestBody{AmountInCents: apitest.Ptr(22550)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 3301 {
		t.Fatalf("status %d, supplement = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "AmountInCents", res.JSON200.AmountInCents, 22550)
}

func TestDeleteSupplement(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/payroll/supplements/3301", Status: 200, Body: supplementJSON,
	}))
	res, err := c.DeleteSupplementWithResponse(context.Background(), 3301)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 3301 {
		t.Fatalf("status %d, supplement = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "PayrollPolicyPeriodID", res.JSON200.PayrollPolicyPeriodID, 61)
}

func TestDeleteSupplement_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/payroll/supplements/3302", Status: 204,
	}))
	res, err := c.DeleteSupplementWithResponse(context.Background(), 3302)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %v", res.StatusCode(), res.JSON200)
	}
}

func TestListFamilySituations(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/payroll/family_situation", Status: 200,
		Body: `[{"id": 19, "employee_id": 44, "civil_status": "married", "number_of_dependants": 2}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantRawQuery(t, r, "employee_id=44")
			wantQuery(t, r, map[string][]string{"employee_id": {"44"}})
		},
	}))
	res, err := c.ListFamilySituationsWithResponse(context.Background(), &api.ListFamilySituationsParams{EmployeeID: apitest.Ptr(44)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, family situations = %v", res.StatusCode(), res.JSON200)
	}
	f := (*res.JSON200)[0]
	if f.ID != 19 {
		t.Errorf("ID = %d", f.ID)
	}
	wantPtr(t, "EmployeeID", f.EmployeeID, 44)
	wantPtr(t, "CivilStatus", f.CivilStatus, api.FamilySituationCivilStatusMarried)
	wantPtr(t, "NumberOfDependants", f.NumberOfDependants, 2)
}

func TestCreateFamilySituation(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/payroll/family_situation", Status: 201,
		Body: `{"id": 23, "employee_id": 51, "civil_status": "civil_partnership", "number_of_dependants": 0}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			want := map[string]any{"employee_id": float64(51), "civil_status": "civil_partnership", "number_of_dependants": float64(0)}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.CreateFamilySituationWithResponse(context.Background(), api.CreateFamilySituationJSONRequestBody{
		EmployeeID: 51, CivilStatus: api.FamilySituationCreateCivilStatusCivilPartnership, NumberOfDependants: apitest.Ptr(0),
	})
	if err != nil {
		t.Fatal(err)
	}
	f := res.JSON201
	if f == nil || f.ID != 23 {
		t.Fatalf("status %d, family situation = %+v", res.StatusCode(), f)
	}
	wantPtr(t, "CivilStatus", f.CivilStatus, api.FamilySituationCivilStatusCivilPartnership)
	wantPtr(t, "NumberOfDependants", f.NumberOfDependants, 0)
}

func TestUpdateFamilySituation(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/payroll/family_situation/19", Status: 200,
		// A basic user updating their own record does not get the
		// dependants count back (null).
		Body: `{"id": 19, "employee_id": 44, "civil_status": "divorced", "number_of_dependants": null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			if want := (map[string]any{"civil_status": "divorced"}); !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.UpdateFamilySituationWithResponse(context.Background(), 19, api.UpdateFamilySituationJSONRequestBody{
		CivilStatus: apitest.Ptr(api.FamilySituationUpdateCivilStatusDivorced),
	})
	if err != nil {
		t.Fatal(err)
	}
	f := res.JSON200
	if f == nil || f.ID != 19 {
		t.Fatalf("status %d, family situation = %+v", res.StatusCode(), f)
	}
	wantPtr(t, "CivilStatus", f.CivilStatus, api.FamilySituationCivilStatusDivorced)
	wantNil(t, "NumberOfDependants", f.NumberOfDependants)
}

const integrationCodeJSON = `{"id": 55, "codeable_id": 7, "codeable_type": "Employee", "integration": "a3nom", "code": "000123", "company_id": 1, "forfait_jours": false}`

func TestListPayrollIntegrationCodes(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/payroll_integrations/codes", Status: 200,
		Body: "[" + integrationCodeJSON + `,{"id": 56, "codeable_id": 14, "codeable_type": "ContractsCompensationsTaxonomy", "integration": "a3nom", "code": "C017", "company_id": 1, "forfait_jours": null}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantRawQuery(t, r, "integration=a3nom")
			wantQuery(t, r, map[string][]string{"integration": {"a3nom"}})
		},
	}))
	res, err := c.ListPayrollIntegrationCodesWithResponse(context.Background(), &api.ListPayrollIntegrationCodesParams{
		Integration: apitest.Ptr(api.PayrollIntegrationNameA3Nom),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, codes = %v", res.StatusCode(), res.JSON200)
	}
	c0 := (*res.JSON200)[0]
	if c0.ID != 55 {
		t.Errorf("ID = %d", c0.ID)
	}
	wantPtr(t, "Code", c0.Code, "000123")
	wantPtr(t, "CodeableType", c0.CodeableType, "Employee")
	wantPtr(t, "CodeableID", c0.CodeableID, 7)
	wantPtr(t, "Integration", c0.Integration, "a3nom")
	wantPtr(t, "ForfaitJours", c0.ForfaitJours, false)
	wantPtr(t, "[1].CodeableType", (*res.JSON200)[1].CodeableType, "ContractsCompensationsTaxonomy")
	wantNil(t, "[1].ForfaitJours", (*res.JSON200)[1].ForfaitJours)
}

func TestListPayrollIntegrationCodes_ByCode(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/payroll_integrations/codes", Status: 200,
		Body: "[" + integrationCodeJSON + "]",
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantRawQuery(t, r, "integration=a3nom&code=000123")
			wantQuery(t, r, map[string][]string{"integration": {"a3nom"}, "code": {"000123"}})
		},
	}))
	res, err := c.ListPayrollIntegrationCodesWithResponse(context.Background(), &api.ListPayrollIntegrationCodesParams{
		Integration: apitest.Ptr(api.PayrollIntegrationNameA3Nom), Code: apitest.Ptr("000123"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 || (*res.JSON200)[0].ID != 55 {
		t.Fatalf("status %d, codes = %v", res.StatusCode(), res.JSON200)
	}
}

func TestCreatePayrollIntegrationCode(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v2/payroll_integrations/codes", Status: 201,
		Body: integrationCodeJSON,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			want := map[string]any{"code": "000123", "codeable_id": float64(7), "codeable_type": "Employee", "integration": "a3nom", "forfait_jours": false}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.CreatePayrollIntegrationCodeWithResponse(context.Background(), api.CreatePayrollIntegrationCodeJSONRequestBody{
		Code: "000123", CodeableID: 7, CodeableType: api.PayrollIntegrationCodeCreateCodeableTypeEmployee,
		Integration: api.PayrollIntegrationNameA3Nom, ForfaitJours: apitest.Ptr(false),
	})
	if err != nil {
		t.Fatal(err)
	}
	code := res.JSON201
	if code == nil || code.ID != 55 {
		t.Fatalf("status %d, code = %+v", res.StatusCode(), code)
	}
	wantPtr(t, "CompanyID", code.CompanyID, 1)
	wantPtr(t, "Code", code.Code, "000123")
}

func TestUpdatePayrollIntegrationCode(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPatch, Path: "/api/v2/payroll_integrations/codes/55", Status: 200,
		Body: `{"id": 55, "codeable_id": 7, "codeable_type": "Employee", "integration": "a3nom", "code": "000124", "company_id": 1, "forfait_jours": false}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			if want := (map[string]any{"id": float64(55), "code": "000124"}); !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.UpdatePayrollIntegrationCodeWithResponse(context.Background(), 55, api.UpdatePayrollIntegrationCodeJSONRequestBody{
		ID: apitest.Ptr(55), Code: apitest.Ptr("000124"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 55 {
		t.Fatalf("status %d, code = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Code", res.JSON200.Code, "000124")
}

func TestDeletePayrollIntegrationCode(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v2/payroll_integrations/codes/55", Status: 200, Body: integrationCodeJSON,
	}))
	res, err := c.DeletePayrollIntegrationCodeWithResponse(context.Background(), 55)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 55 {
		t.Fatalf("status %d, code = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Integration", res.JSON200.Integration, "a3nom")
}

func TestDeletePayrollIntegrationCode_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v2/payroll_integrations/codes/56", Status: 204,
	}))
	res, err := c.DeletePayrollIntegrationCodeWithResponse(context.Background(), 56)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %v", res.StatusCode(), res.JSON200)
	}
}

func TestFindEmployeeByIntegrationCode(t *testing.T) {
	// The employee as a basic user's token sees it: personal, bank and
	// address fields null.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/payroll_integrations/codes/55/find_employee", Status: 200,
		Body: `[{
  "id": 7, "first_name": "Ana", "last_name": "Ruiz", "full_name": "Ana Ruiz", "email": "ana.ruiz@acme-logistics.es",
  "birthday_on": null, "terminated_on": null, "termination_reason": null, "termination_observations": null,
  "identifier": null, "identifier_type": null, "gender": null, "nationality": null, "bank_number": null,
  "country": null, "city": null, "state": null, "postal_code": null, "address_line_1": null, "address_line_2": null,
  "swift_bic": null, "company_id": 1, "legal_entity_id": 2, "created_at": "2021-03-01T09:12:44.000Z",
  "updated_at": "2023-06-12T15:03:29.000Z", "manager_id": 3, "location_id": 1, "timeoff_manager_id": 3,
  "social_security_number": null, "tax_id": null, "timeoff_policy_id": 4, "team_ids": [2, 5],
  "phone_number": null, "company_identifier": "EMP-0007"
}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantRawQuery(t, r, "integration=a3nom")
			wantQuery(t, r, map[string][]string{"integration": {"a3nom"}})
		},
	}))
	res, err := c.FindEmployeeByIntegrationCodeWithResponse(context.Background(), 55, &api.FindEmployeeByIntegrationCodeParams{
		Integration: apitest.Ptr(api.PayrollIntegrationNameA3Nom),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, employees = %v", res.StatusCode(), res.JSON200)
	}
	e := (*res.JSON200)[0]
	if e.ID != 7 {
		t.Errorf("ID = %d", e.ID)
	}
	wantPtr(t, "FullName", e.FullName, "Ana Ruiz")
	wantPtr(t, "CompanyIdentifier", e.CompanyIdentifier, "EMP-0007")
	wantPtr(t, "TimeoffPolicyID", e.TimeoffPolicyID, 4)
	wantNil(t, "BankNumber", e.BankNumber)
	wantNil(t, "Gender", e.Gender)
	wantNil(t, "BirthdayOn", e.BirthdayOn)
	wantNil(t, "SocialSecurityNumber", e.SocialSecurityNumber)
	if !reflect.DeepEqual(e.TeamIDs, []int{2, 5}) {
		t.Errorf("TeamIDs = %v", e.TeamIDs)
	}
}

const compensationJSON = `{
  "id": 88,
  "description": "Tickets restaurante",
  "contract_version_id": 1042,
  "compensation_type": "fixed",
  "amount": 11000,
  "unit": "money",
  "recurrence": "monthly",
  "first_payment_on": "2023-01-31",
  "sync_with_supplements": true,
  "contracts_taxonomy_id": 14,
  "payroll_policy_id": 3,
  "recurrence_count": 12,
  "starts_on": "2023-01-01",
  "calculation": "current_period"
}`

func checkCompensation(t testing.TB, c *api.Compensation) {
	t.Helper()
	if c == nil {
		t.Fatal("compensation = nil")
	}
	if c.ID != 88 {
		t.Errorf("ID = %d, want 88", c.ID)
	}
	wantPtr(t, "ContractVersionID", c.ContractVersionID, 1042)
	wantPtr(t, "CompensationType", c.CompensationType, api.CompensationCompensationTypeFixed)
	wantPtr(t, "Amount (cents)", c.Amount, 11000)
	wantPtr(t, "Unit", c.Unit, api.CompensationUnitMoney)
	wantPtr(t, "Recurrence", c.Recurrence, api.CompensationRecurrenceMonthly)
	wantPtr(t, "Calculation", c.Calculation, api.CompensationCalculationCurrentPeriod)
	wantDate(t, "FirstPaymentOn", c.FirstPaymentOn, "2023-01-31")
	wantDate(t, "StartsOn", c.StartsOn, "2023-01-01")
	wantPtr(t, "RecurrenceCount", c.RecurrenceCount, 12)
	wantPtr(t, "SyncWithSupplements", c.SyncWithSupplements, true)
}

func TestListCompensations(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/payroll/compensations", Status: 200,
		Body: "[" + compensationJSON + `,
{"id": 89, "description": "Bonus anual por objetivos", "contract_version_id": 1042, "compensation_type": "up_to", "amount": 300000, "unit": "money", "recurrence": "every_12_months", "first_payment_on": "2023-12-31", "sync_with_supplements": false, "contracts_taxonomy_id": 15, "payroll_policy_id": null, "recurrence_count": null, "starts_on": "2023-01-01", "calculation": "previous_period"}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			// Repeated names without brackets, in spec parameter order.
			wantRawQuery(t, r, "ids=88&ids=89&contract_version_ids=1042")
			wantQuery(t, r, map[string][]string{"ids": {"88", "89"}, "contract_version_ids": {"1042"}})
		},
	}))
	res, err := c.ListCompensationsWithResponse(context.Background(), &api.ListCompensationsParams{
		IDs: []int{88, 89}, ContractVersionIDs: []int{1042},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, compensations = %v", res.StatusCode(), res.JSON200)
	}
	checkCompensation(t, &(*res.JSON200)[0])
	b := (*res.JSON200)[1]
	wantPtr(t, "[1].CompensationType", b.CompensationType, api.CompensationCompensationTypeUpTo)
	wantPtr(t, "[1].Recurrence", b.Recurrence, api.CompensationRecurrenceEvery12Months)
	wantPtr(t, "[1].Calculation", b.Calculation, api.CompensationCalculationPreviousPeriod)
	wantPtr(t, "[1].Amount", b.Amount, 300000)
	wantNil(t, "[1].PayrollPolicyID", b.PayrollPolicyID)
}

func TestCreateCompensation(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/payroll/compensations", Status: 201,
		Body: compensationJSON,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			want := map[string]any{
				"contract_version_id": float64(1042), "description": "Tickets restaurante", "contracts_taxonomy_id": float64(14),
				"compensation_type": "fixed", "amount": float64(11000), "unit": "money", "sync_with_supplements": true,
				"payroll_policy_id": float64(3), "recurrence_count": float64(12), "starts_on": "2023-01-01",
				"recurrence": "monthly", "first_payment_on": "2023-01-31", "calculation": "current_period",
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.CreateCompensationWithResponse(context.Background(), api.CreateCompensationJSONRequestBody{
		ContractVersionID: 1042, Description: apitest.Ptr("Tickets restaurante"), ContractsTaxonomyID: apitest.Ptr(14),
		CompensationType: apitest.Ptr(api.CompensationCreateCompensationTypeFixed), Amount: apitest.Ptr(11000),
		Unit: apitest.Ptr(api.CompensationCreateUnitMoney), SyncWithSupplements: apitest.Ptr(true),
		PayrollPolicyID: apitest.Ptr(3), RecurrenceCount: apitest.Ptr(12), StartsOn: apitest.Ptr(dateOf(2023, time.January, 1)),
		Recurrence: apitest.Ptr(api.CompensationCreateRecurrenceMonthly), FirstPaymentOn: apitest.Ptr(dateOf(2023, time.January, 31)),
		Calculation: apitest.Ptr(api.CompensationCreateCalculationCurrentPeriod),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON201 == nil {
		t.Fatalf("status %d, no typed 201 body: %s", res.StatusCode(), res.Body)
	}
	checkCompensation(t, res.JSON201)
}

func TestGetCompensation(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/payroll/compensations/88", Status: 200, Body: compensationJSON,
	}))
	res, err := c.GetCompensationWithResponse(context.Background(), 88)
	if err != nil {
		t.Fatal(err)
	}
	checkCompensation(t, res.JSON200)
	if res.JSON200 != nil {
		wantPtr(t, "Description", res.JSON200.Description, "Tickets restaurante")
	}
}

func TestUpdateCompensation(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/payroll/compensations/88", Status: 200,
		Body: `{"id": 88, "description": "Tickets restaurante", "contract_version_id": 1042, "compensation_type": "up_to", "amount": 12500, "unit": "money", "recurrence": "monthly", "first_payment_on": "2023-01-31", "sync_with_supplements": true, "contracts_taxonomy_id": 14, "payroll_policy_id": 3, "recurrence_count": 12, "starts_on": "2023-01-01", "calculation": "previous_period"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			want := map[string]any{"compensation_type": "up_to", "amount": float64(12500), "calculation": "previous_period"}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.UpdateCompensationWithResponse(context.Background(), 88, api.UpdateCompensationJSONRequestBody{
		CompensationType: apitest.Ptr(api.CompensationUpdateCompensationTypeUpTo), Amount: apitest.Ptr(12500),
		Calculation: apitest.Ptr(api.CompensationUpdateCalculationPreviousPeriod),
	})
	if err != nil {
		t.Fatal(err)
	}
	comp := res.JSON200
	if comp == nil || comp.ID != 88 {
		t.Fatalf("status %d, compensation = %+v", res.StatusCode(), comp)
	}
	wantPtr(t, "CompensationType", comp.CompensationType, api.CompensationCompensationTypeUpTo)
	wantPtr(t, "Amount", comp.Amount, 12500)
	wantPtr(t, "Calculation", comp.Calculation, api.CompensationCalculationPreviousPeriod)
}

func TestDeleteCompensation(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/payroll/compensations/88", Status: 200, Body: compensationJSON,
	}))
	res, err := c.DeleteCompensationWithResponse(context.Background(), 88)
	if err != nil {
		t.Fatal(err)
	}
	checkCompensation(t, res.JSON200)
}

func TestDeleteCompensation_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/payroll/compensations/89", Status: 204,
	}))
	res, err := c.DeleteCompensationWithResponse(context.Background(), 89)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %v", res.StatusCode(), res.JSON200)
	}
}

func TestListTaxonomies(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/payroll/taxonomies", Status: 200,
		Body: `[
  {"id": 14, "name": "Tickets restaurante", "archived": false, "default": true, "legal_entity_id": 2},
  {"id": 15, "name": "Bonus por objetivos", "archived": false, "default": false, "legal_entity_id": 2},
  {"id": 21, "name": "Plus transporte", "archived": true, "default": false, "legal_entity_id": 3}
]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantRawQuery(t, r, "ids=14&ids=15&ids=21&legal_entity_ids=2&legal_entity_ids=3")
			wantQuery(t, r, map[string][]string{"ids": {"14", "15", "21"}, "legal_entity_ids": {"2", "3"}})
		},
	}))
	res, err := c.ListTaxonomiesWithResponse(context.Background(), &api.ListTaxonomiesParams{
		IDs: []int{14, 15, 21}, LegalEntityIDs: []int{2, 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 3 {
		t.Fatalf("status %d, taxonomies = %v", res.StatusCode(), res.JSON200)
	}
	tx := *res.JSON200
	if tx[0].ID != 14 {
		t.Errorf("ID = %d", tx[0].ID)
	}
	wantPtr(t, "Name", tx[0].Name, "Tickets restaurante")
	wantPtr(t, "Default", tx[0].Default, true)
	wantPtr(t, "[2].Archived", tx[2].Archived, true)
	wantPtr(t, "[2].LegalEntityID", tx[2].LegalEntityID, 3)
}

func TestGetTaxonomy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/payroll/taxonomies/15", Status: 200,
		Body: `{"id": 15, "name": "Bonus por objetivos", "archived": false, "default": false, "legal_entity_id": 2}`,
	}))
	res, err := c.GetTaxonomyWithResponse(context.Background(), 15)
	if err != nil {
		t.Fatal(err)
	}
	tx := res.JSON200
	if tx == nil || tx.ID != 15 {
		t.Fatalf("status %d, taxonomy = %+v", res.StatusCode(), tx)
	}
	wantPtr(t, "Name", tx.Name, "Bonus por objetivos")
	wantPtr(t, "Archived", tx.Archived, false)
	wantPtr(t, "LegalEntityID", tx.LegalEntityID, 2)
}
