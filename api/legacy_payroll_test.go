package api_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// Payslips and the 2021-22 payroll verbs (GET/PATCH contract version, PATCH
// family situation, PATCH supplement) in the 2021 and 2022 specs' shapes.
// Money is integer cents, working hours integer hundredths.

func TestListPayslipsLegacy(t *testing.T) {
	// Second item: a basic user's token sees another payslip with the
	// amounts nulled.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/payslips", Status: 200,
		Body: `[{"id":20931,"employee_id":7,"status":"published","start_date":"2021-10-01","end_date":"2021-10-31",` +
			`"base_cotization_in_cents":285000,"base_irpf_in_cents":285000,"gross_salary_in_cents":285000,` +
			`"net_salary_in_cents":229672,"irpf_in_cents":42750,"irpf_percentage":15,"is_last_payslip":true},` +
			`{"id":20874,"employee_id":7,"status":null,"start_date":"2021-09-01","end_date":"2021-09-30",` +
			`"base_cotization_in_cents":null,"base_irpf_in_cents":null,"gross_salary_in_cents":null,` +
			`"net_salary_in_cents":null,"irpf_in_cents":null,"irpf_percentage":null,"is_last_payslip":false}]`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, map[string][]string{"employee_id": {"7"}, "year": {"2021"}, "from": {"2021-09-01"}})
			noBody(t, body)
		},
	}))
	res, err := c.ListPayslipsLegacyWithResponse(context.Background(), &api.ListPayslipsLegacyParams{
		EmployeeID: apitest.Ptr(7), Year: apitest.Ptr(2021), From: apitest.Ptr("2021-09-01"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, payslips = %v", res.StatusCode(), res.JSON200)
	}
	oct, sep := (*res.JSON200)[0], (*res.JSON200)[1]
	if oct.ID != 20931 || *oct.GrossSalaryInCents != 285000 || *oct.NetSalaryInCents != 229672 || *oct.IrpfPercentage != 15 ||
		!*oct.IsLastPayslip || oct.StartDate.String() != "2021-10-01" || oct.EndDate.String() != "2021-10-31" {
		t.Errorf("payslip = %+v", oct)
	}
	if sep.ID != 20874 || sep.GrossSalaryInCents != nil || sep.IrpfInCents != nil || sep.Status != nil || *sep.IsLastPayslip {
		t.Errorf("restricted payslip = %+v", sep)
	}
}

func TestListPayslipsLegacy_NoPayroll(t *testing.T) {
	// The 2021 spec: 402 when the company has no payroll.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/payslips", Status: 402,
		Body: `{"errors":"This company doesn't have payroll enabled"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, map[string][]string{"month": {"10"}, "year": {"2021"}})
		},
	}))
	res, err := c.ListPayslipsLegacyWithResponse(context.Background(), &api.ListPayslipsLegacyParams{Month: apitest.Ptr(10), Year: apitest.Ptr(2021)})
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 402 || res.JSON200 != nil || res.JSON402 == nil {
		t.Fatalf("status %d, JSON200 %v, JSON402 %v", res.StatusCode(), res.JSON200, res.JSON402)
	}
	env, err := res.JSON402.AsErrorEnvelope()
	if err != nil {
		t.Fatal(err)
	}
	if msg, err := env.Errors.AsErrorMessages0(); err != nil || msg != "This company doesn't have payroll enabled" {
		t.Fatalf("402 errors = %v (%v)", msg, err)
	}
}

// legacyContractJSON is a Spanish contract version: salary in cents, 40 h/week as 4000.
const legacyContractJSON = `{"id":7781,"employee_id":7,"country":"es","job_title":"Desarrolladora backend","role":null,"level":null,` +
	`"effective_on":"2022-01-01","starts_on":"2021-03-15","ends_on":null,"has_payroll":true,` +
	`"salary_amount":3600000,"salary_frequency":"yearly","working_hours":4000,"working_hours_frequency":"week",` +
	`"es_has_teleworking_contract":true,"es_cotization_group":2,"es_contract_observations":null,"es_job_description":null,` +
	`"es_trial_period_ends_on":"2021-09-15","es_contract_type_id":3,"es_working_day_type_id":1,"es_education_level_id":6,` +
	`"es_professional_category_id":12,"compensation_ids":[402,403],` +
	`"created_at":"2021-12-20T10:11:12.000Z","updated_at":"2021-12-20T10:11:12.000Z"}`

func TestGetContractVersionLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/payroll/contract_versions/7781", Status: 200, Body: legacyContractJSON,
		Check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	}))
	res, err := c.GetContractVersionLegacyWithResponse(context.Background(), 7781)
	if err != nil {
		t.Fatal(err)
	}
	cv := res.JSON200
	if cv == nil || cv.ID != 7781 || *cv.SalaryAmount != 3600000 || *cv.WorkingHours != 4000 || *cv.SalaryFrequency != "yearly" ||
		cv.EffectiveOn.String() != "2022-01-01" || cv.EndsOn != nil || cv.EsTrialPeriodEndsOn.String() != "2021-09-15" ||
		!*cv.EsHasTeleworkingContract || len(cv.CompensationIDs) != 2 || cv.Role != nil {
		t.Fatalf("status %d, contract version = %+v", res.StatusCode(), cv)
	}
}

func TestGetContractVersionLegacy_Restricted(t *testing.T) {
	// A basic user's token: pay and contract details nulled.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/payroll/contract_versions/7790", Status: 200,
		Body: `{"id":7790,"employee_id":12,"country":"es","job_title":"Account executive","role":null,"level":null,` +
			`"effective_on":"2022-01-01","starts_on":"2020-05-04","ends_on":null,"has_payroll":null,` +
			`"salary_amount":null,"salary_frequency":null,"working_hours":null,"working_hours_frequency":null,` +
			`"es_has_teleworking_contract":null,"es_cotization_group":null,"es_contract_type_id":null,"compensation_ids":null,` +
			`"created_at":"2021-12-20T10:15:40.000Z","updated_at":"2021-12-20T10:15:40.000Z"}`,
	}))
	res, err := c.GetContractVersionLegacyWithResponse(context.Background(), 7790)
	if err != nil {
		t.Fatal(err)
	}
	cv := res.JSON200
	if cv == nil || cv.ID != 7790 || *cv.JobTitle != "Account executive" || cv.SalaryAmount != nil || cv.WorkingHours != nil ||
		cv.HasPayroll != nil || cv.CompensationIDs != nil || cv.StartsOn.String() != "2020-05-04" {
		t.Fatalf("status %d, contract version = %+v", res.StatusCode(), cv)
	}
}

func TestUpdateContractVersionLegacy(t *testing.T) {
	// The 2022 PATCH required employee_id and effective_on.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPatch, Path: "/api/v1/payroll/contract_versions/7781", Status: 200,
		Body: `{"id":7781,"employee_id":7,"country":"es","job_title":"Desarrolladora backend sénior","role":null,"level":null,` +
			`"effective_on":"2022-04-01","starts_on":"2021-03-15","ends_on":null,"has_payroll":true,` +
			`"salary_amount":3900000,"salary_frequency":"yearly","working_hours":4000,"working_hours_frequency":"week",` +
			`"compensation_ids":[402,403],"created_at":"2021-12-20T10:11:12.000Z","updated_at":"2022-03-28T14:02:51.000Z"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			want := map[string]any{"employee_id": 7.0, "effective_on": "2022-04-01", "salary_amount": 3900000.0,
				"salary_frequency": "yearly", "job_title": "Desarrolladora backend sénior", "working_hours": 4000.0, "working_hours_frequency": "week"}
			for k, v := range want {
				if m[k] != v {
					t.Errorf("body %s = %v, want %v", k, m[k], v)
				}
			}
			if len(m) != len(want) {
				t.Errorf("body = %v, want exactly %v", m, want)
			}
		},
	}))
	res, err := c.UpdateContractVersionLegacyWithResponse(context.Background(), 7781, api.UpdateContractVersionLegacyJSONRequestBody{
		EmployeeID: apitest.Ptr(7), EffectiveOn: mustDate(t, "2022-04-01"), SalaryAmount: apitest.Ptr(3900000),
		SalaryFrequency: apitest.Ptr(api.ContractVersionUpdateSalaryFrequencyYearly), JobTitle: apitest.Ptr("Desarrolladora backend sénior"),
		WorkingHours: apitest.Ptr(4000), WorkingHoursFrequency: apitest.Ptr(api.ContractVersionUpdateWorkingHoursFrequencyWeek),
	})
	if err != nil {
		t.Fatal(err)
	}
	if cv := res.JSON200; cv == nil || cv.ID != 7781 || *cv.SalaryAmount != 3900000 || cv.EffectiveOn.String() != "2022-04-01" || cv.UpdatedAt.Month() != 3 {
		t.Fatalf("status %d, contract version = %+v", res.StatusCode(), res.JSON200)
	}
}

func TestUpdateFamilySituationLegacy(t *testing.T) {
	// A French employee; the 2022 PATCH required employee_id.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPatch, Path: "/api/v1/payroll/family_situation/604", Status: 200,
		Body: `{"id":604,"employee_id":31,"civil_status":"married","number_of_dependants":2}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["employee_id"] != 31.0 || m["civil_status"] != "married" || m["number_of_dependants"] != 2.0 || len(m) != 3 {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.UpdateFamilySituationLegacyWithResponse(context.Background(), 604, api.UpdateFamilySituationLegacyJSONRequestBody{
		EmployeeID: apitest.Ptr(31), CivilStatus: apitest.Ptr(api.FamilySituationUpdateCivilStatusMarried), NumberOfDependants: apitest.Ptr(2),
	})
	if err != nil {
		t.Fatal(err)
	}
	if fs := res.JSON200; fs == nil || fs.ID != 604 || *fs.EmployeeID != 31 || *fs.CivilStatus != api.FamilySituationCivilStatusMarried || *fs.NumberOfDependants != 2 {
		t.Fatalf("status %d, family situation = %+v", res.StatusCode(), res.JSON200)
	}
}

func TestUpdateSupplementLegacy(t *testing.T) {
	// The 2022 PATCH required employee_id, amount_in_cents, effective_on,
	// contracts_taxonomy_id, payroll_policy_period_id and unit; it also took validated.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPatch, Path: "/api/v1/payroll/supplements/9120", Status: 200,
		Body: `{"id":9120,"employee_id":7,"contracts_compensation_id":null,"contracts_taxonomy_id":88,"amount_in_cents":15000,` +
			`"unit":"money","effective_on":"2022-02-28","updated_at":"2022-02-21T11:47:05.000Z","description_entity":null,` +
			`"created_by_access_id":5,"payroll_policy_period_id":1204,"validated":true}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			want := map[string]any{"employee_id": 7.0, "amount_in_cents": 15000.0, "effective_on": "2022-02-28",
				"contracts_taxonomy_id": 88.0, "payroll_policy_period_id": 1204.0, "unit": "money", "validated": true}
			for k, v := range want {
				if m[k] != v {
					t.Errorf("body %s = %v, want %v", k, m[k], v)
				}
			}
			if len(m) != len(want) {
				t.Errorf("body = %v, want exactly %v", m, want)
			}
		},
	}))
	res, err := c.UpdateSupplementLegacyWithResponse(context.Background(), 9120, api.UpdateSupplementLegacyJSONRequestBody{
		EmployeeID: apitest.Ptr(7), AmountInCents: apitest.Ptr(15000), EffectiveOn: apitest.Ptr(mustDate(t, "2022-02-28")),
		ContractsTaxonomyID: apitest.Ptr(88), PayrollPolicyPeriodID: apitest.Ptr(1204), Unit: apitest.Ptr("money"), Validated: apitest.Ptr(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	s := res.JSON200
	if s == nil || s.ID != 9120 || *s.AmountInCents != 15000 || !*s.Validated || s.ContractsCompensationID != nil || s.EffectiveOn.String() != "2022-02-28" {
		t.Fatalf("status %d, supplement = %+v", res.StatusCode(), s)
	}
}
