package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/resources"
)

// Employee updates: the changes payroll acts on, per kind and in short
// form; read-only.

const (
	euAbsenceJSON = `{"id":"901","status":"to-do","employee_id":"4243","employee_full_name":"Marc Puig","approved":true,` +
		`"description":"Summer holidays","start_on":"2026-08-03","prev_start_on":"2026-08-04","finish_on":"2026-08-14",` +
		`"prev_finish_on":"2026-08-14","half_day":null,"hours_amount_in_cents":null,"leave_type_id":"501","leave_type_name":"Vacaciones"}`
	euContractChangeJSON = `{"id":"902","status":"done","effective_on":"2026-07-01","starts_on":"2024-03-01","ends_on":null,` +
		`"employee_id":"4243","job_title":"Senior Designer","job_role":"Designer","job_level":"Senior","has_payroll":true,` +
		`"salary_amount":4800000,"salary_frequency":"yearly","working_hours":40,"working_hours_frequency":"week","country":"es",` +
		`"es_contract_type_id":"1","es_contract_type_name":"Indefinido","es_trial_period_ends_on":null,"fr_forfait_jours":false,` +
		`"compensation_ids":["77"],"created_at":"2026-06-20T10:00:00Z","updated_at":"2026-06-20T10:00:00Z"}`
	euNewHireJSON = `{"id":"903","status":"done","employee_id":"4250","first_name":"Laura","last_name":"Serra","birth_name":null,` +
		`"identifier":"X1234567L","identifier_type":"nie","payroll_identifier":"123456","work_email":"laura@acme.test",` +
		`"phone_number":"+34600000000","gender":"female","job_title":"Engineer","address":"Carrer Gran 1","city":"Girona",` +
		`"country":"ES","state":null,"postal_code":"17001","date_of_birth":"1994-05-12","nationality":"ES","start_date":"2026-07-01",` +
		`"contract_effective_date":"2026-07-01","contract_end_date":null,"bank_account":"ES9121000418450200051332",` +
		`"salary_amount_in_cents":4200000,"salary_frequency":"yearly","working_hours":40,"working_hours_frequency":"week",` +
		`"social_security_number":"171234567890","manager_id":"4242","tax_id":"X1234567L","legal_entity_id":"301","workplace_id":"12"}`
	euPersonalChangeJSON = `{"id":"904","status":"to-do","employee_id":"4243","first_name":"Marc","last_name":"Puig",` +
		`"address_line_1":"Carrer Nou 12","address_line_2":null,"postal_code":"08012","city":"Barcelona","country":"ES",` +
		`"bank_number":null,"date_of_birth":"1990-06-06"}`
	euTerminationJSON = `{"id":"905","status":"to-do","employee_id":"4251","terminated_on":"2026-07-31","contract_end_date":"2026-07-15",` +
		`"termination_reason":"Moving abroad","termination_observations":null,"legal_entity_id":"301",` +
		`"remaining_holidays":[{"name":"Vacaciones","available_days":"3 días laborables"}],"termination_reason_type":"employee",` +
		`"termination_type_description":"Baja voluntaria"}`
	euSummaryJSON = `{"id":"905","employee_id":"4251","legal_entity_id":"301","status":"to-do","type":"termination",` +
		`"starts_on":"2026-07-31","ends_on":"2026-07-15","created_at":"2026-07-01T09:00:00Z"}`
)

func checkEUAbsence(t *testing.T, a resources.EmployeeUpdateAbsence) {
	t.Helper()
	eq(t, "ID", a.ID, "901")
	is(t, "Status", a.Status, "to-do")
	is(t, "EmployeeID", a.EmployeeID, "4243")
	day(t, "StartOn", a.StartOn, "2026-08-03")
	day(t, "PrevStartOn", a.PrevStartOn, "2026-08-04")
	null(t, "HalfDay", a.HalfDay)
	is(t, "LeaveTypeID", a.LeaveTypeID, "501")
}

func TestListEmployeeUpdateAbsences(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/employee_updates/absences", status: 200, body: page(onePage(1), euAbsenceJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ids[]": {"901"}})
		},
	})
	all, err := c.EmployeeUpdates.ListAbsences(t.Context(), &resources.ListEmployeeUpdateAbsencesParams{IDs: []string{"901"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d absences, want 1", len(all))
	}
	checkEUAbsence(t, all[0])
}

func TestGetEmployeeUpdateAbsence(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/employee_updates/absences/901", status: 200, body: euAbsenceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) }})
	a, err := c.EmployeeUpdates.GetAbsence(t.Context(), "901")
	must(t, err)
	checkEUAbsence(t, a)
}

func checkEUContractChange(t *testing.T, cc resources.EmployeeUpdateContractChange) {
	t.Helper()
	eq(t, "ID", cc.ID, "902")
	day(t, "EffectiveOn", cc.EffectiveOn, "2026-07-01")
	null(t, "EndsOn", cc.EndsOn)
	is(t, "SalaryAmount", cc.SalaryAmount, 4800000)
	is(t, "HasPayroll", cc.HasPayroll, true)
	is(t, "EsContractTypeName", cc.EsContractTypeName, "Indefinido")
	ids(t, "CompensationIDs", cc.CompensationIDs, "77")
}

func TestListEmployeeUpdateContractChanges(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/employee_updates/contract_changes", status: 200,
		body:  page(onePage(1), euContractChangeJSON),
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body); noQuery(t, r) }})
	all, err := c.EmployeeUpdates.ListContractChanges(t.Context(), nil)
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d contract changes, want 1", len(all))
	}
	checkEUContractChange(t, all[0])
}

func TestGetEmployeeUpdateContractChange(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/employee_updates/contract_changes/902", status: 200, body: euContractChangeJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) }})
	cc, err := c.EmployeeUpdates.GetContractChange(t.Context(), "902")
	must(t, err)
	checkEUContractChange(t, cc)
}

func checkEUNewHire(t *testing.T, h resources.EmployeeUpdateNewHire) {
	t.Helper()
	eq(t, "ID", h.ID, "903")
	is(t, "FirstName", h.FirstName, "Laura")
	is(t, "PayrollIdentifier", h.PayrollIdentifier, "123456")
	is(t, "PostalCode", h.PostalCode, "17001")
	day(t, "DateOfBirth", h.DateOfBirth, "1994-05-12")
	is(t, "StartDate", h.StartDate, "2026-07-01")
	null(t, "ContractEndDate", h.ContractEndDate)
	is(t, "ManagerID", h.ManagerID, "4242")
}

func TestListEmployeeUpdateNewHires(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/employee_updates/new_hires", status: 200,
		body:  page(onePage(1), euNewHireJSON),
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body); noQuery(t, r) }})
	all, err := c.EmployeeUpdates.ListNewHires(t.Context(), nil)
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d new hires, want 1", len(all))
	}
	checkEUNewHire(t, all[0])
}

func TestGetEmployeeUpdateNewHire(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/employee_updates/new_hires/903", status: 200, body: euNewHireJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) }})
	h, err := c.EmployeeUpdates.GetNewHire(t.Context(), "903")
	must(t, err)
	checkEUNewHire(t, h)
}

func checkEUPersonalChange(t *testing.T, p resources.EmployeeUpdatePersonalChange) {
	t.Helper()
	eq(t, "ID", p.ID, "904")
	is(t, "AddressLine1", p.AddressLine1, "Carrer Nou 12")
	null(t, "AddressLine2", p.AddressLine2)
	null(t, "BankNumber", p.BankNumber)
	day(t, "DateOfBirth", p.DateOfBirth, "1990-06-06")
}

func TestListEmployeeUpdatePersonalChanges(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/employee_updates/personal_changes", status: 200,
		body: page(onePage(1), euPersonalChangeJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ids[]": {"904", "906"}})
		}})
	all, err := c.EmployeeUpdates.ListPersonalChanges(t.Context(), &resources.ListEmployeeUpdatePersonalChangesParams{IDs: []string{"904", "906"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d personal changes, want 1", len(all))
	}
	checkEUPersonalChange(t, all[0])
}

func TestGetEmployeeUpdatePersonalChange(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/employee_updates/personal_changes/904", status: 200, body: euPersonalChangeJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) }})
	p, err := c.EmployeeUpdates.GetPersonalChange(t.Context(), "904")
	must(t, err)
	checkEUPersonalChange(t, p)
}

func checkEUTermination(t *testing.T, tm resources.EmployeeUpdateTermination) {
	t.Helper()
	eq(t, "ID", tm.ID, "905")
	day(t, "TerminatedOn", tm.TerminatedOn, "2026-07-31")
	day(t, "ContractEndDate", tm.ContractEndDate, "2026-07-15")
	null(t, "TerminationObservations", tm.TerminationObservations)
	is(t, "TerminationReasonType", tm.TerminationReasonType, "employee")
	if len(tm.RemainingHolidays) != 1 || tm.RemainingHolidays[0]["available_days"] != "3 días laborables" {
		t.Errorf("RemainingHolidays = %v", tm.RemainingHolidays)
	}
}

func TestListEmployeeUpdateTerminations(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/employee_updates/terminations", status: 200,
		body:  page(onePage(1), euTerminationJSON),
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body); noQuery(t, r) }})
	all, err := c.EmployeeUpdates.ListTerminations(t.Context(), nil)
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d terminations, want 1", len(all))
	}
	checkEUTermination(t, all[0])
}

func TestGetEmployeeUpdateTermination(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/employee_updates/terminations/905", status: 200, body: euTerminationJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) }})
	tm, err := c.EmployeeUpdates.GetTermination(t.Context(), "905")
	must(t, err)
	checkEUTermination(t, tm)
}

func TestListEmployeeUpdateSummaries(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/employee_updates/summaries", status: 200,
		body: page(onePage(1), euSummaryJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_ids[]": {"4251"}, "legal_entities_ids[]": {"301"},
				"type[]": {"termination", "hiring"}, "starts_on": {"2026-07-01"}, "ends_on": {"2026-07-31"}})
		}})
	all, err := c.EmployeeUpdates.ListSummaries(t.Context(), &resources.ListEmployeeUpdateSummariesParams{
		EmployeeIDs: []string{"4251"}, LegalEntitiesIDs: []string{"301"}, Type: []string{"termination", "hiring"},
		StartsOn: datep("2026-07-01"), EndsOn: datep("2026-07-31"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d summaries, want 1", len(all))
	}
	is(t, "Type", all[0].Type, "termination")
	is(t, "StartsOn", all[0].StartsOn, "2026-07-31")
}

func TestGetEmployeeUpdateSummary(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/employee_updates/summaries/905", status: 200, body: euSummaryJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) }})
	s, err := c.EmployeeUpdates.GetSummary(t.Context(), "905")
	must(t, err)
	eq(t, "ID", s.ID, "905")
	is(t, "LegalEntityID", s.LegalEntityID, "301")
	is(t, "CreatedAt", s.CreatedAt, "2026-07-01T09:00:00Z")
}
