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
