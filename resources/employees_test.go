package resources_test

import (
	"errors"
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/resources"
)

// Employees in the 2026-07-01 shape: string ids, YYYY-MM-DD dates,
// timestamps with milliseconds and offset, and every field but id nullable.

// employeeAnaJSON is employee 4242 as an admin's credential sees her.
const employeeAnaJSON = `{"id":"4242","access_id":"5150","company_id":"77","legal_entity_id":"301","location_id":"12",` +
	`"default_work_area_id":"88","manager_id":"4100","timeoff_manager_id":"4100","first_name":"Ana","last_name":"Ruiz",` +
	`"full_name":"Ana Ruiz","preferred_name":"Ana","birth_name":null,"pronouns":"she/her","gender":"female",` +
	`"birthday_on":"1988-04-12","age_number":38,"country_of_birth":"es","birthplace":"Barcelona","nationality":"es",` +
	`"identifier":"12345678Z","identifier_type":"dni","identifier_expiration_date":"2031-05-20",` +
	`"social_security_number":"081234567840","email":"ana.ruiz@acmerobotics.es","login_email":"ana.ruiz@acmerobotics.es",` +
	`"personal_email":"ana.ruiz.p@gmail.com","communications_email":null,"unconfirmed_communications_email":null,` +
	`"phone_number":"+34612345678","address_line_1":"Carrer de Pallars 85","address_line_2":"3º 2ª","postal_code":"08018",` +
	`"city":"Barcelona","state":"Barcelona","country":"es","bank_number":"ES9121000418450200051332","swift_bic":"CAIXESBBXXX",` +
	`"bank_number_format":"iban","contact_name":"Jordi Ruiz","contact_number":"+34698765432","company_identifier":"ACME-0042",` +
	`"seniority_calculation_date":"2019-09-02","disability_percentage_cents":null,"active":true,"attendable":true,` +
	`"is_terminating":false,"terminated_on":null,"termination_reason_type":null,"termination_reason":null,` +
	`"termination_type_description":null,"termination_observations":null,` +
	`"created_at":"2019-08-26T09:14:03.000+02:00","updated_at":"2026-06-30T16:42:51.123+02:00"}`

// employeeMarcJSON is employee 4243 as a basic user's credential receives
// him: the same object with every field the user may not see set to null.
const employeeMarcJSON = `{"id":"4243","access_id":"5151","company_id":"77","legal_entity_id":"301","location_id":"12",` +
	`"default_work_area_id":null,"manager_id":"4242","timeoff_manager_id":"4242","first_name":"Marc","last_name":"Puig",` +
	`"full_name":"Marc Puig","preferred_name":null,"birth_name":null,"pronouns":null,"gender":null,"birthday_on":null,` +
	`"age_number":null,"country_of_birth":null,"birthplace":null,"nationality":null,"identifier":null,"identifier_type":null,` +
	`"identifier_expiration_date":null,"social_security_number":null,"email":"marc.puig@acmerobotics.es",` +
	`"login_email":"marc.puig@acmerobotics.es","personal_email":null,"communications_email":null,` +
	`"unconfirmed_communications_email":null,"phone_number":null,"address_line_1":null,"address_line_2":null,` +
	`"postal_code":null,"city":null,"state":null,"country":null,"bank_number":null,"swift_bic":null,"bank_number_format":null,` +
	`"contact_name":null,"contact_number":null,"company_identifier":null,"seniority_calculation_date":null,` +
	`"disability_percentage_cents":null,"active":true,"attendable":null,"is_terminating":null,"terminated_on":null,` +
	`"termination_reason_type":null,"termination_reason":null,"termination_type_description":null,` +
	`"termination_observations":null,"created_at":"2021-01-18T08:02:44.000+01:00","updated_at":"2025-11-06T10:27:15.000+01:00"}`

// employeeLauraJSON is employee 4250, terminated at the end of July 2026.
const employeeLauraJSON = `{"id":"4250","access_id":"5160","company_id":"77","legal_entity_id":"301","location_id":"14",` +
	`"manager_id":"4242","timeoff_manager_id":"4242","first_name":"Laura","last_name":"Serra","full_name":"Laura Serra",` +
	`"email":"laura.serra@acmerobotics.es","active":true,"attendable":true,"is_terminating":true,` +
	`"terminated_on":"2026-07-31","termination_reason_type":"voluntary","termination_reason":"Moving abroad",` +
	`"termination_type_description":"Voluntary resignation","termination_observations":"Handover to Marc Puig",` +
	`"created_at":"2022-03-01T08:00:00.000+01:00","updated_at":"2026-07-06T11:20:00.000+02:00"}`

// checkAna asserts the decoded form of employeeAnaJSON.
func checkAna(t *testing.T, e resources.Employee) {
	t.Helper()
	eq(t, "ID", e.ID, "4242")
	is(t, "AccessID", e.AccessID, "5150")
	is(t, "CompanyID", e.CompanyID, "77")
	is(t, "LegalEntityID", e.LegalEntityID, "301")
	is(t, "LocationID", e.LocationID, "12")
	is(t, "DefaultWorkAreaID", e.DefaultWorkAreaID, "88")
	is(t, "ManagerID", e.ManagerID, "4100")
	is(t, "FullName", e.FullName, "Ana Ruiz")
	is(t, "Pronouns", e.Pronouns, "she/her")
	is(t, "Gender", e.Gender, "female")
	day(t, "BirthdayOn", e.BirthdayOn, "1988-04-12")
	is(t, "AgeNumber", e.AgeNumber, 38)
	is(t, "Identifier", e.Identifier, "12345678Z")
	day(t, "IdentifierExpirationDate", e.IdentifierExpirationDate, "2031-05-20")
	is(t, "AddressLine2", e.AddressLine2, "3º 2ª")
	is(t, "PostalCode", e.PostalCode, "08018")
	is(t, "BankNumber", e.BankNumber, "ES9121000418450200051332")
	is(t, "BankNumberFormat", e.BankNumberFormat, resources.EmployeeBankNumberFormatIban)
	is(t, "CompanyIdentifier", e.CompanyIdentifier, "ACME-0042")
	day(t, "SeniorityCalculationDate", e.SeniorityCalculationDate, "2019-09-02")
	is(t, "Active", e.Active, true)
	is(t, "Attendable", e.Attendable, true)
	is(t, "IsTerminating", e.IsTerminating, false)
	null(t, "BirthName", e.BirthName)
	null(t, "CommunicationsEmail", e.CommunicationsEmail)
	null(t, "DisabilityPercentageCents", e.DisabilityPercentageCents)
	null(t, "TerminatedOn", e.TerminatedOn)
	at(t, "CreatedAt", e.CreatedAt, "2019-08-26T07:14:03Z")
	at(t, "UpdatedAt", e.UpdatedAt, "2026-06-30T14:42:51.123Z")
}

// checkMarc asserts the decoded form of employeeMarcJSON: identity and
// placement set, everything personal null.
func checkMarc(t *testing.T, e resources.Employee) {
	t.Helper()
	eq(t, "ID", e.ID, "4243")
	is(t, "FullName", e.FullName, "Marc Puig")
	is(t, "ManagerID", e.ManagerID, "4242")
	is(t, "Email", e.Email, "marc.puig@acmerobotics.es")
	for name, p := range map[string]*string{
		"Gender": e.Gender, "Nationality": e.Nationality, "Identifier": e.Identifier,
		"SocialSecurityNumber": e.SocialSecurityNumber, "PhoneNumber": e.PhoneNumber, "AddressLine1": e.AddressLine1,
		"City": e.City, "BankNumber": e.BankNumber, "SwiftBic": e.SwiftBic, "ContactName": e.ContactName,
		"CompanyIdentifier": e.CompanyIdentifier, "DefaultWorkAreaID": e.DefaultWorkAreaID,
	} {
		null(t, name, p)
	}
	null(t, "BirthdayOn", e.BirthdayOn)
	null(t, "AgeNumber", e.AgeNumber)
	null(t, "BankNumberFormat", e.BankNumberFormat)
	null(t, "Attendable", e.Attendable)
	null(t, "IsTerminating", e.IsTerminating)
	at(t, "CreatedAt", e.CreatedAt, "2021-01-18T07:02:44Z")
}

// TestListEmployeesIterFollowsCursor walks two pages: the second request
// repeats the filters and limit and carries the first page's end_cursor as
// after_id, escaped on the wire and unchanged once decoded.
func TestListEmployeesIterFollowsCursor(t *testing.T) {
	const cursor = "eyJpZCI6NDI0M30=" // opaque, base64 with padding
	c, f := newClient(t,
		exchange{
			method: http.MethodGet, path: "/employees/employees", status: 200,
			body: page(`{"has_next_page":true,"has_previous_page":false,"limit":2,"total":3,`+
				`"start_cursor":"eyJpZCI6NDI0Mn0=","end_cursor":"`+cursor+`"}`, employeeAnaJSON, employeeMarcJSON),
			check: func(t testing.TB, r *http.Request, body []byte) {
				noBody(t, body)
				wantRawQuery(t, r, "only_active=true&limit=2")
			},
		},
		exchange{
			method: http.MethodGet, path: "/employees/employees", status: 200,
			body: page(`{"has_next_page":false,"has_previous_page":true,"limit":2,"total":3,`+
				`"start_cursor":"eyJpZCI6NDI1MH0=","end_cursor":"eyJpZCI6NDI1MH0="}`, employeeLauraJSON),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantQuery(t, r, url.Values{"only_active": {"true"}, "limit": {"2"}, "after_id": {cursor}})
				wantRawQuery(t, r, "only_active=true&limit=2&after_id=eyJpZCI6NDI0M30%3D")
			},
		},
	)
	params := &resources.ListEmployeesParams{OnlyActive: ptr(true), Limit: ptr(2)}
	var got []resources.Employee
	for e, err := range c.Employees.ListIter(t.Context(), params) {
		must(t, err)
		got = append(got, e)
	}
	if len(got) != 3 || f.served() != 2 {
		t.Fatalf("%d employees in %d requests, want 3 in 2", len(got), f.served())
	}
	checkAna(t, got[0])
	checkMarc(t, got[1])
	eq(t, "third ID", got[2].ID, "4250")
	if params.AfterID != nil || params.Page != nil {
		t.Errorf("the caller's params were modified: after_id %v, page %v", params.AfterID, params.Page)
	}
}

// TestListEmployeesPage asks for page 2 of 25 with every kind of filter:
// bracketed arrays repeated once per value, a date, strings and booleans.
func TestListEmployeesPage(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/employees/employees", status: 200,
		body: page(`{"has_next_page":true,"has_previous_page":true,"limit":25,"total":61,"start_cursor":null,"end_cursor":null}`,
			employeeAnaJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{
				"ids[]": {"4242", "4243"}, "emails[]": {"ana.ruiz@acmerobotics.es"}, "name_starts_with": {"An"},
				"updated_at_gteq": {"2026-06-01"}, "legal_entity_ids[]": {"301"}, "team_ids[]": {"31", "32"},
				"location_ids[]": {"12"}, "only_managers": {"false"}, "limit": {"25"}, "page": {"2"},
			})
			wantRawQuery(t, r, "ids%5B%5D=4242&ids%5B%5D=4243&emails%5B%5D=ana.ruiz%40acmerobotics.es&name_starts_with=An"+
				"&updated_at_gteq=2026-06-01&legal_entity_ids%5B%5D=301&team_ids%5B%5D=31&team_ids%5B%5D=32"+
				"&location_ids%5B%5D=12&only_managers=false&limit=25&page=2")
		},
	})
	pg, err := c.Employees.ListPage(t.Context(), &resources.ListEmployeesParams{
		IDs: []string{"4242", "4243"}, Emails: []string{"ana.ruiz@acmerobotics.es"}, NameStartsWith: ptr("An"),
		UpdatedAtGteq: datep("2026-06-01"), LegalEntityIDs: []string{"301"}, TeamIDs: []string{"31", "32"},
		LocationIDs: []string{"12"}, OnlyManagers: ptr(false), Limit: ptr(25), Page: ptr(2),
	})
	must(t, err)
	if len(pg.Data) != 1 {
		t.Fatalf("%d employees, want 1", len(pg.Data))
	}
	checkAna(t, pg.Data[0])
	if !pg.Meta.HasNextPage || !pg.Meta.HasPreviousPage || pg.Meta.Total != 61 {
		t.Errorf("meta = %+v", pg.Meta)
	}
	is(t, "Meta.Limit", pg.Meta.Limit, 25)
	null(t, "Meta.EndCursor", pg.Meta.EndCursor)
}

// TestListEmployeesAll: List with no params sends no query and returns the
// one page's records.
func TestListEmployeesAll(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/employees/employees", status: 200,
		body:  page(onePage(2), employeeAnaJSON, employeeMarcJSON),
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	all, err := c.Employees.List(t.Context(), nil)
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d employees, want 2", len(all))
	}
	checkAna(t, all[0])
	checkMarc(t, all[1])
}

func TestGetEmployee(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/employees/employees/4242", status: 200, body: employeeAnaJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	e, err := c.Employees.Get(t.Context(), "4242")
	must(t, err)
	checkAna(t, e)
}

// TestGetEmployeeRestricted: a basic user's token gets the object with the
// hidden fields null, and the client keeps them nil.
func TestGetEmployeeRestricted(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/employees/employees/4243", status: 200, body: employeeMarcJSON})
	e, err := c.Employees.Get(t.Context(), "4243")
	must(t, err)
	checkMarc(t, e)
}

// TestGetEmployeeNotFound: a missing record answers 404 with
// {"errors": [...]}, which becomes an *Error matching ErrNotFound.
func TestGetEmployeeNotFound(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/employees/employees/999999", status: 404,
		body:   `{"errors":["Couldn't find Employees::Employee with 'id'=999999"]}`,
		header: map[string]string{"X-Request-Id": "b7d1c0de-0000-4c1e-9a55-2f0c3e6a1d01"},
	})
	_, err := c.Employees.Get(t.Context(), "999999")
	if !errors.Is(err, factorial.ErrNotFound) {
		t.Fatalf("err = %v, want ErrNotFound", err)
	}
	fe := apiError(t, err)
	eq(t, "StatusCode", fe.StatusCode, 404)
	eq(t, "Kind", fe.Kind, factorial.KindStatus)
	eq(t, "Operation", fe.Operation, "GetEmployee")
	eq(t, "Method", fe.Method, http.MethodGet)
	eq(t, "RequestID", fe.RequestID, "b7d1c0de-0000-4c1e-9a55-2f0c3e6a1d01")
	eq(t, "Message()", fe.Message(), "Couldn't find Employees::Employee with 'id'=999999")
}

func TestUpdateEmployee(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/employees/employees/4242", status: 200,
		body: employeeAnaJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			// The id is repeated in the body; only the fields set are sent.
			wantJSON(t, r, body, `{"id":"4242","preferred_name":"Ana","pronouns":"she/her","phone_number":"+34612345678",`+
				`"address_line_1":"Carrer de Pallars 85","address_line_2":"3º 2ª","postal_code":"08018","city":"Barcelona",`+
				`"manager_id":"4100","location_id":"12","identifier_expiration_date":"2031-05-20","has_work_permit":true}`)
		},
	})
	e, err := c.Employees.Update(t.Context(), "4242", resources.EmployeeUpdate{
		ID: "4242", PreferredName: ptr("Ana"), Pronouns: ptr("she/her"), PhoneNumber: ptr("+34612345678"),
		AddressLine1: ptr("Carrer de Pallars 85"), AddressLine2: ptr("3º 2ª"), PostalCode: ptr("08018"),
		City: ptr("Barcelona"), ManagerID: ptr("4100"), LocationID: ptr("12"),
		IdentifierExpirationDate: datep("2031-05-20"), HasWorkPermit: ptr(true),
	})
	must(t, err)
	checkAna(t, e)
}

// TestCreateEmployeeWithContract hires through the action (200, not 201),
// with Factorial's `address_line1` spelling and the contract fields.
func TestCreateEmployeeWithContract(t *testing.T) {
	const hired = `{"id":"4260","access_id":"5170","company_id":"77","legal_entity_id":"301","location_id":"12",` +
		`"manager_id":"4242","timeoff_manager_id":"4242","first_name":"Pau","last_name":"Vidal","full_name":"Pau Vidal",` +
		`"email":"pau.vidal@acmerobotics.es","birthday_on":"1996-02-29","address_line_1":"Carrer de Sants 12",` +
		`"company_identifier":"ACME-0060","active":true,"attendable":true,"is_terminating":false,"terminated_on":null,` +
		`"created_at":"2026-07-06T10:00:00.000+02:00","updated_at":"2026-07-06T10:00:00.000+02:00"}`
	c := one(t, exchange{
		method: http.MethodPost, path: "/employees/employees/create_with_contract", status: 200, body: hired,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"company_id":"77","first_name":"Pau","last_name":"Vidal","email":"pau.vidal@acmerobotics.es",`+
				`"contract_starts_on":"2026-09-01","contract_effective_on":"2026-09-01","has_trial_period":true,`+
				`"trial_period_ends_on":"2026-11-30","legal_entity_id":"301","location_id":"12","team_id":"31",`+
				`"manager_id":"4242","timeoff_manager_id":"4242","company_identifier":"ACME-0060","birthday_on":"1996-02-29",`+
				`"address_line1":"Carrer de Sants 12","contracts_bank_holiday_treatment":"non_workable",`+
				`"contracts_annual_working_time_distribution":"limit_workdays","contracts_working_time_percentage_in_cents":10000,`+
				`"contracts_maximum_weekly_hours":40}`)
		},
	})
	e, err := c.Employees.CreateWithContract(t.Context(), resources.CreateEmployeeWithContractInput{
		CompanyID: "77", FirstName: "Pau", LastName: "Vidal", Email: "pau.vidal@acmerobotics.es",
		ContractStartsOn: datep("2026-09-01"), ContractEffectiveOn: datep("2026-09-01"), HasTrialPeriod: ptr(true),
		TrialPeriodEndsOn: datep("2026-11-30"), LegalEntityID: ptr("301"), LocationID: ptr("12"), TeamID: ptr("31"),
		ManagerID: ptr("4242"), TimeoffManagerID: ptr("4242"), CompanyIdentifier: ptr("ACME-0060"),
		BirthdayOn: datep("1996-02-29"), AddressLine1: ptr("Carrer de Sants 12"),
		ContractsBankHolidayTreatment:          ptr(resources.BankHolidayTreatmentNonWorkable),
		ContractsAnnualWorkingTimeDistribution: ptr(resources.AnnualWorkingTimeDistributionLimitWorkdays),
		ContractsWorkingTimePercentageInCents:  ptr(10000), ContractsMaximumWeeklyHours: ptr(40),
	})
	must(t, err)
	eq(t, "ID", e.ID, "4260")
	is(t, "FullName", e.FullName, "Pau Vidal")
	is(t, "AddressLine1", e.AddressLine1, "Carrer de Sants 12")
	day(t, "BirthdayOn", e.BirthdayOn, "1996-02-29")
	at(t, "CreatedAt", e.CreatedAt, "2026-07-06T08:00:00Z")
}

func TestInviteEmployee(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/employees/employees/invite", status: 200, body: employeeMarcJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"4243","company_id":"77"}`)
		},
	})
	e, err := c.Employees.Invite(t.Context(), resources.InviteEmployeeInput{ID: "4243", CompanyID: "77"})
	must(t, err)
	eq(t, "ID", e.ID, "4243")
	is(t, "LoginEmail", e.LoginEmail, "marc.puig@acmerobotics.es")
}

func TestSetEmployeeRegularAccessStartDate(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/employees/employees/set_regular_access_start_date", status: 200, body: employeeAnaJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"4242","starts_on":"2026-09-01"}`)
		},
	})
	e, err := c.Employees.SetRegularAccessStartDate(t.Context(),
		resources.SetEmployeeRegularAccessStartDateInput{ID: "4242", StartsOn: datep("2026-09-01")})
	must(t, err)
	eq(t, "ID", e.ID, "4242")
}

func TestTerminateEmployee(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/employees/employees/terminate", status: 200, body: employeeLauraJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"4250","terminated_on":"2026-07-31","termination_reason":"Moving abroad",`+
				`"termination_assigned_manager_id":"4242","open_backfill":false}`)
		},
	})
	e, err := c.Employees.Terminate(t.Context(), resources.TerminateEmployeeInput{
		ID: "4250", TerminatedOn: date("2026-07-31"), TerminationReason: ptr("Moving abroad"),
		TerminationAssignedManagerID: ptr("4242"), OpenBackfill: ptr(false),
	})
	must(t, err)
	eq(t, "ID", e.ID, "4250")
	is(t, "IsTerminating", e.IsTerminating, true)
	day(t, "TerminatedOn", e.TerminatedOn, "2026-07-31")
	is(t, "TerminationReasonType", e.TerminationReasonType, "voluntary")
	is(t, "TerminationObservations", e.TerminationObservations, "Handover to Marc Puig")
}

func TestUnterminateEmployee(t *testing.T) {
	const active = `{"id":"4250","access_id":"5160","company_id":"77","location_id":"14","first_name":"Laura",` +
		`"last_name":"Serra","full_name":"Laura Serra","active":true,"attendable":true,"is_terminating":false,` +
		`"terminated_on":null,"termination_reason_type":null,"termination_reason":null,` +
		`"created_at":"2022-03-01T08:00:00.000+01:00","updated_at":"2026-07-07T09:05:00.000+02:00"}`
	c := one(t, exchange{
		method: http.MethodPost, path: "/employees/employees/unterminate", status: 200, body: active,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"4250"}`) },
	})
	e, err := c.Employees.Unterminate(t.Context(), resources.UnterminateEmployeeInput{ID: "4250"})
	must(t, err)
	eq(t, "ID", e.ID, "4250")
	is(t, "IsTerminating", e.IsTerminating, false)
	null(t, "TerminatedOn", e.TerminatedOn)
	null(t, "TerminationReason", e.TerminationReason)
	at(t, "UpdatedAt", e.UpdatedAt, "2026-07-07T07:05:00Z")
}
