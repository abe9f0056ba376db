package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/resources"
)

// Payroll supplements: one-off amounts in hundredths (cents for money).

// supplementBonusJSON is a money supplement of 500.00 EUR.
const supplementBonusJSON = `{"id":"5101","employee_id":"4243","company_id":"77","legal_entity_id":"301",` +
	`"payroll_policy_period_id":"2026-06","contracts_taxonomy_id":"14","contracts_compensation_id":null,"unit":"money",` +
	`"amount_in_cents":50000,"currency":"EUR","effective_on":"2026-06-30","description":"Bonus for the June release",` +
	`"employee_observations":["Worked two weekends before the release"],"raw_minutes_in_cents":null,"minutes_in_cents":null,` +
	`"equivalent_minutes_in_cents":null,"created_at":"2026-06-25T12:00:00Z","updated_at":"2026-06-26T09:30:00Z"}`

// supplementOvertimeJSON is a time supplement of overtime minutes.
const supplementOvertimeJSON = `{"id":"5102","employee_id":"4250","company_id":"77","legal_entity_id":"301",` +
	`"payroll_policy_period_id":"2026-06","contracts_taxonomy_id":"22","contracts_compensation_id":null,"unit":"time",` +
	`"amount_in_cents":null,"currency":null,"effective_on":"2026-06-30","description":"Overtime",` +
	`"employee_observations":[],"raw_minutes_in_cents":54000,"minutes_in_cents":48000,"equivalent_minutes_in_cents":60000,` +
	`"created_at":"2026-06-30T18:00:00Z","updated_at":"2026-06-30T18:00:00Z"}`

func checkBonus(t *testing.T, s resources.Supplement) {
	t.Helper()
	eq(t, "ID", s.ID, "5101")
	is(t, "EmployeeID", s.EmployeeID, "4243")
	is(t, "PayrollPolicyPeriodID", s.PayrollPolicyPeriodID, "2026-06")
	is(t, "ContractsTaxonomyID", s.ContractsTaxonomyID, "14")
	null(t, "ContractsCompensationID", s.ContractsCompensationID)
	is(t, "Unit", s.Unit, resources.SupplementUnitMoney)
	is(t, "AmountInCents", s.AmountInCents, 50000)
	is(t, "Currency", s.Currency, "EUR")
	day(t, "EffectiveOn", s.EffectiveOn, "2026-06-30")
	ids(t, "EmployeeObservations", s.EmployeeObservations, "Worked two weekends before the release")
	at(t, "CreatedAt", s.CreatedAt, "2026-06-25T12:00:00Z")
}

func TestListSupplements(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/payroll/supplements", status: 200,
		body: page(onePage(2), supplementBonusJSON, supplementOvertimeJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"policy_period_ids[]": {"2026-06"}, "legal_entity_ids[]": {"301"},
				"from": {"2026-06-01"}, "to": {"2026-06-30"}})
			wantRawQuery(t, r, "policy_period_ids%5B%5D=2026-06&legal_entity_ids%5B%5D=301&from=2026-06-01&to=2026-06-30")
		},
	})
	all, err := c.Payroll.List(t.Context(), &resources.ListSupplementsParams{
		PolicyPeriodIDs: []string{"2026-06"}, LegalEntityIDs: []string{"301"}, From: datep("2026-06-01"), To: datep("2026-06-30"),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d supplements, want 2", len(all))
	}
	checkBonus(t, all[0])
	is(t, "overtime Unit", all[1].Unit, resources.SupplementUnitTime)
	null(t, "overtime AmountInCents", all[1].AmountInCents)
	is(t, "overtime MinutesInCents", all[1].MinutesInCents, 48000)
	is(t, "overtime EquivalentMinutesInCents", all[1].EquivalentMinutesInCents, 60000)
}

func TestCreateSupplement(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/payroll/supplements", status: 201, body: supplementBonusJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"employee_id":"4243","payroll_policy_period_id":"2026-06","contracts_taxonomy_id":"14",`+
				`"effective_on":"2026-06-30","amount_in_cents":50000,"unit":"money"}`)
		},
	})
	s, err := c.Payroll.Create(t.Context(), resources.SupplementCreate{
		EmployeeID: "4243", PayrollPolicyPeriodID: "2026-06", ContractsTaxonomyID: "14", EffectiveOn: date("2026-06-30"),
		AmountInCents: 50000, Unit: ptr(resources.SupplementUnitMoney),
	})
	must(t, err)
	checkBonus(t, s)
}

func TestGetSupplement(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/payroll/supplements/5101", status: 200, body: supplementBonusJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	s, err := c.Payroll.Get(t.Context(), "5101")
	must(t, err)
	checkBonus(t, s)
}

func TestUpdateSupplement(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/payroll/supplements/5101", status: 200, body: supplementBonusJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"5101","amount_in_cents":50000,"effective_on":"2026-06-30"}`)
		},
	})
	s, err := c.Payroll.Update(t.Context(), "5101", resources.SupplementUpdate{
		ID: "5101", AmountInCents: ptr(50000), EffectiveOn: datep("2026-06-30"),
	})
	must(t, err)
	checkBonus(t, s)
}

func TestDeleteSupplement(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/payroll/supplements/5102", status: 200, body: supplementOvertimeJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	s, err := c.Payroll.Delete(t.Context(), "5102")
	must(t, err)
	eq(t, "ID", s.ID, "5102")
	is(t, "RawMinutesInCents", s.RawMinutesInCents, 54000)
}

// Payroll periods, family situations, payroll identifiers and the codes
// external payroll systems know records by.

const familySituationJSON = `{"id":"12","employee_id":"4243","civil_status":"married","number_of_dependants":2}`

func TestListFamilySituations(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/payroll/family_situations", status: 200,
		body: page(onePage(2), familySituationJSON, `{"id":"13","employee_id":"4250","civil_status":null,"number_of_dependants":null}`),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_ids[]": {"4243", "4250"}})
		},
	})
	all, err := c.Payroll.ListFamilySituations(t.Context(), &resources.ListFamilySituationsParams{EmployeeIDs: []string{"4243", "4250"}})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d family situations, want 2", len(all))
	}
	is(t, "CivilStatus", all[0].CivilStatus, resources.CivilStatusMarried)
	is(t, "NumberOfDependants", all[0].NumberOfDependants, 2)
	null(t, "second CivilStatus", all[1].CivilStatus)
}

func TestCreateFamilySituation(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/payroll/family_situations", status: 201, body: familySituationJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"employee_id":"4243","civil_status":"married","number_of_dependants":2}`)
		},
	})
	fs, err := c.Payroll.CreateFamilySituation(t.Context(), resources.FamilySituationCreate{
		EmployeeID: "4243", CivilStatus: ptr(resources.CivilStatusMarried), NumberOfDependants: ptr(2),
	})
	must(t, err)
	eq(t, "ID", fs.ID, "12")
}

func TestUpdateFamilySituation(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/payroll/family_situations/12", status: 200, body: familySituationJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"12","employee_id":"4243","number_of_dependants":2}`)
		},
	})
	fs, err := c.Payroll.UpdateFamilySituation(t.Context(), "12", resources.FamilySituationUpdate{ID: "12", EmployeeID: "4243", NumberOfDependants: ptr(2)})
	must(t, err)
	is(t, "EmployeeID", fs.EmployeeID, "4243")
}

func TestChangePolicyPeriodStatus(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/payroll/policy_periods/change_status", status: 200,
		body: `{"id":"6","name":"Monthly 1 Jun - 30 Jun","starts_on":"2026-06-01","ends_on":"2026-06-30","policy_id":"2",` +
			`"policy_name":"Monthly","company_id":"77","period":"1 jun - 30 jun 2026","status":"under_review","calculation_started_at":null}`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"6","status":"under_review","notify_employee":true,"employee_ids":["4243","4250"]}`)
		},
	})
	p, err := c.Payroll.ChangePolicyPeriodStatus(t.Context(), resources.ChangePolicyPeriodStatusInput{
		ID: "6", Status: resources.PolicyPeriodStatusUnderReview, NotifyEmployee: true, EmployeeIDs: []string{"4243", "4250"},
	})
	must(t, err)
	eq(t, "ID", p.ID, "6")
	is(t, "Status", p.Status, "under_review")
	day(t, "EndsOn", p.EndsOn, "2026-06-30")
	null(t, "CalculationStartedAt", p.CalculationStartedAt)
}

const identifierJSON = `{"id":"40","employee_id":"4243","country":"pt","social_security_number":"12345678901","tax_id":"123456789"}`

func TestEmployeeIdentifiers(t *testing.T) {
	c, _ := newClient(t,
		exchange{method: http.MethodGet, path: "/payroll_employees/identifiers", status: 200, body: page(onePage(1), identifierJSON),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantQuery(t, r, url.Values{"employees_ids[]": {"4243"}, "legal_entities_ids[]": {"301"}, "country": {"pt"}})
			}},
		exchange{method: http.MethodPost, path: "/payroll_employees/identifiers", status: 201, body: identifierJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"employee_id":"4243","country":"pt","social_security_number":"12345678901","tax_id":"123456789"}`)
			}},
		exchange{method: http.MethodGet, path: "/payroll_employees/identifiers/40", status: 200, body: identifierJSON},
		exchange{method: http.MethodPut, path: "/payroll_employees/identifiers/40", status: 200, body: identifierJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"id":"40","country":"pt","tax_id":"123456789"}`)
			}},
		exchange{method: http.MethodDelete, path: "/payroll_employees/identifiers/40", status: 200, body: identifierJSON},
	)
	ctx := t.Context()
	all, err := c.Payroll.ListEmployeeIdentifiers(ctx, &resources.ListEmployeeIdentifiersParams{
		EmployeesIDs: []string{"4243"}, LegalEntitiesIDs: []string{"301"}, Country: ptr(resources.PayrollIdentifierCountryPt),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d identifiers, want 1", len(all))
	}
	is(t, "Country", all[0].Country, resources.PayrollIdentifierCountryPt)
	is(t, "SocialSecurityNumber", all[0].SocialSecurityNumber, "12345678901")
	id, err := c.Payroll.CreateEmployeeIdentifier(ctx, resources.PayrollEmployeeIdentifierCreate{
		EmployeeID: "4243", Country: resources.PayrollIdentifierCountryPt, SocialSecurityNumber: ptr("12345678901"), TaxID: ptr("123456789"),
	})
	must(t, err)
	eq(t, "created ID", id.ID, "40")
	id, err = c.Payroll.GetEmployeeIdentifier(ctx, "40")
	must(t, err)
	is(t, "TaxID", id.TaxID, "123456789")
	id, err = c.Payroll.UpdateEmployeeIdentifier(ctx, "40", resources.PayrollEmployeeIdentifierUpdate{
		ID: "40", Country: resources.PayrollIdentifierCountryPt, TaxID: ptr("123456789"),
	})
	must(t, err)
	is(t, "updated EmployeeID", id.EmployeeID, "4243")
	id, err = c.Payroll.DeleteEmployeeIdentifier(ctx, "40")
	must(t, err)
	eq(t, "deleted ID", id.ID, "40")
}

const integrationCodeJSON = `{"id":"61","company_id":"77","code":"EMP-0042","codeable_id":"4243","codeable_type":"Employee","integration":"a3nom"}`

func TestIntegrationCodes(t *testing.T) {
	c, _ := newClient(t,
		exchange{method: http.MethodGet, path: "/payroll_integrations_base/codes", status: 200, body: page(onePage(1), integrationCodeJSON),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantQuery(t, r, url.Values{"integrations[]": {"a3nom", "silae"}, "codeable_type": {"Employee"}, "codeable_id": {"4243"}})
			}},
		exchange{method: http.MethodPost, path: "/payroll_integrations_base/codes", status: 201, body: integrationCodeJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"code":"EMP-0042","codeable_id":"4243","codeable_type":"Employee","integration":"a3nom"}`)
			}},
		exchange{method: http.MethodPut, path: "/payroll_integrations_base/codes/61", status: 200, body: integrationCodeJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"id":"61","code":"EMP-0042"}`)
			}},
		exchange{method: http.MethodDelete, path: "/payroll_integrations_base/codes/61", status: 200, body: integrationCodeJSON},
	)
	ctx := t.Context()
	all, err := c.Payroll.ListIntegrationCodes(ctx, &resources.ListIntegrationCodesParams{
		Integrations: []resources.PayrollIntegration{resources.PayrollIntegrationA3Nom, resources.PayrollIntegrationSilae},
		CodeableType: ptr("Employee"), CodeableID: ptr("4243"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d codes, want 1", len(all))
	}
	is(t, "Integration", all[0].Integration, resources.PayrollIntegrationA3Nom)
	is(t, "Code", all[0].Code, "EMP-0042")
	code, err := c.Payroll.CreateIntegrationCode(ctx, resources.PayrollIntegrationCodeCreate{
		Code: "EMP-0042", CodeableID: "4243", CodeableType: "Employee", Integration: resources.PayrollIntegrationA3Nom,
	})
	must(t, err)
	eq(t, "created ID", code.ID, "61")
	code, err = c.Payroll.UpdateIntegrationCode(ctx, "61", resources.PayrollIntegrationCodeUpdate{ID: "61", Code: "EMP-0042"})
	must(t, err)
	is(t, "updated CodeableID", code.CodeableID, "4243")
	code, err = c.Payroll.DeleteIntegrationCode(ctx, "61")
	must(t, err)
	is(t, "deleted CompanyID", code.CompanyID, "77")
}
