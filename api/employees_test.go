package api_test

import (
	"context"
	"net/http"
	"slices"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// Employee and Employee_v2 fixtures in the shapes Factorial sends: bare
// objects, YYYY-MM-DD dates, ISO-8601 timestamps with milliseconds, integer
// cents, and a basic user's restricted view with hidden fields null.

// employeeAdminJSON is employee 7 in the v1 shape as an admin token sees it.
const employeeAdminJSON = `{"id":7,"email":"ana.ruiz@acmerobotics.es","first_name":"Ana","last_name":"Ruiz","full_name":"Ana Ruiz",` +
	`"birthday_on":"1988-04-12","role":"admin","terminated_on":null,"gender":"female","nationality":"es",` +
	`"bank_number":"ES9121000418450200051332","country":"es","city":"Barcelona","state":"Barcelona","postal_code":"08018",` +
	`"address_line_1":"Carrer de Pallars 85","address_line_2":"3º 2ª","identifier":"12345678Z","identifier_type":"dni",` +
	`"company_id":3,"legal_entity_id":5,"manager_id":null,"timeoff_manager_id":2,"regular_access_starts_on":"2019-09-02",` +
	`"phone_number":"+34612345678","social_security_number":"081234567840","start_date":"2019-09-02","location_id":1,` +
	`"team_ids":[4],"company_holiday_ids":[31,35,36],` +
	`"avatar":"https://api.factorialhr.com/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnsiZGF0YSI6ODgxMn19--4c1f/ana.jpg",` +
	`"company_identifier":"ACME-0007","hiring":{"base_compensation_amount_in_cents":5400000,"base_compensation_type":"yearly"}}`

// employeeRestrictedJSON is employee 12 in the v1 shape as a basic user's
// token receives it: personal, bank, address and pay fields are null, the
// hiring object is still present with both fields null.
const employeeRestrictedJSON = `{"id":12,"email":"marc.puig@acmerobotics.es","first_name":"Marc","last_name":"Puig","full_name":"Marc Puig",` +
	`"birthday_on":null,"role":"basic","terminated_on":null,"gender":null,"nationality":null,"bank_number":null,` +
	`"country":null,"city":null,"state":null,"postal_code":null,"address_line_1":null,"address_line_2":null,` +
	`"identifier":null,"identifier_type":null,"company_id":3,"legal_entity_id":5,"manager_id":7,"timeoff_manager_id":7,` +
	`"regular_access_starts_on":"2021-02-01","phone_number":null,"social_security_number":null,"start_date":"2021-02-01",` +
	`"location_id":1,"team_ids":[4],"company_holiday_ids":[31,35,36],"avatar":null,"company_identifier":null,` +
	`"hiring":{"base_compensation_amount_in_cents":null,"base_compensation_type":null}}`

// employeeV2AdminJSON is employee 7 in the v2 shape: no role, hiring,
// avatar, start_date or company_holiday_ids, but created_at/updated_at,
// swift_bic, tax_id, timeoff_policy_id and the termination_* fields.
const employeeV2AdminJSON = `{"id":7,"first_name":"Ana","last_name":"Ruiz","full_name":"Ana Ruiz","email":"ana.ruiz@acmerobotics.es",` +
	`"birthday_on":"1988-04-12","terminated_on":null,"termination_reason":null,"termination_observations":null,` +
	`"identifier":"12345678Z","identifier_type":"dni","gender":"female","nationality":"es",` +
	`"bank_number":"ES9121000418450200051332","country":"es","city":"Barcelona","state":"Barcelona","postal_code":"08018",` +
	`"address_line_1":"Carrer de Pallars 85","address_line_2":"3º 2ª","swift_bic":"CAIXESBBXXX","company_id":3,"legal_entity_id":5,` +
	`"created_at":"2019-08-26T09:14:03.000Z","updated_at":"2024-03-11T16:42:51.000Z","manager_id":null,"location_id":1,` +
	`"timeoff_manager_id":2,"social_security_number":"081234567840","tax_id":"12345678Z","timeoff_policy_id":11,` +
	`"team_ids":[4],"phone_number":"+34612345678","company_identifier":"ACME-0007"}`

// employeeV2RestrictedJSON is employee 12 in the v2 shape for a basic user.
const employeeV2RestrictedJSON = `{"id":12,"first_name":"Marc","last_name":"Puig","full_name":"Marc Puig","email":"marc.puig@acmerobotics.es",` +
	`"birthday_on":null,"terminated_on":null,"termination_reason":null,"termination_observations":null,"identifier":null,` +
	`"identifier_type":null,"gender":null,"nationality":null,"bank_number":null,"country":null,"city":null,"state":null,` +
	`"postal_code":null,"address_line_1":null,"address_line_2":null,"swift_bic":null,"company_id":3,"legal_entity_id":5,` +
	`"created_at":"2021-01-18T08:02:44.000Z","updated_at":"2023-11-06T10:27:15.000Z","manager_id":7,"location_id":1,` +
	`"timeoff_manager_id":7,"social_security_number":null,"tax_id":null,"timeoff_policy_id":11,"team_ids":[4],` +
	`"phone_number":null,"company_identifier":null}`

// checkAdminEmployee asserts the decoded form of employeeAdminJSON.
func checkAdminEmployee(t testing.TB, e *api.Employee) {
	t.Helper()
	if e == nil {
		t.Fatal("no typed employee")
	}
	if e.ID != 7 || !ptrIs(e.FullName, "Ana Ruiz") || !ptrIs(e.Email, "ana.ruiz@acmerobotics.es") {
		t.Errorf("identity = %d %v %v", e.ID, e.FullName, e.Email)
	}
	if e.Role == nil || *e.Role != "admin" {
		t.Errorf("Role = %v, want admin", e.Role)
	}
	if e.Gender == nil || *e.Gender != api.EmployeeGenderFemale {
		t.Errorf("Gender = %v, want female", e.Gender)
	}
	if !dateIs(e.BirthdayOn, "1988-04-12") || !dateIs(e.StartDate, "2019-09-02") || !dateIs(e.RegularAccessStartsOn, "2019-09-02") {
		t.Errorf("dates = %v %v %v", e.BirthdayOn, e.StartDate, e.RegularAccessStartsOn)
	}
	if e.TerminatedOn != nil || e.ManagerID != nil {
		t.Errorf("TerminatedOn = %v, ManagerID = %v, want nil (JSON null)", e.TerminatedOn, e.ManagerID)
	}
	if !ptrIs(e.Identifier, "12345678Z") || !ptrIs(e.IdentifierType, "dni") || !ptrIs(e.BankNumber, "ES9121000418450200051332") {
		t.Errorf("identifier/bank = %v %v %v", e.Identifier, e.IdentifierType, e.BankNumber)
	}
	if !ptrIs(e.AddressLine2, "3º 2ª") || !ptrIs(e.PostalCode, "08018") || !ptrIs(e.SocialSecurityNumber, "081234567840") {
		t.Errorf("address/ssn = %v %v %v", e.AddressLine2, e.PostalCode, e.SocialSecurityNumber)
	}
	if !ptrIs(e.CompanyID, 3) || !ptrIs(e.LegalEntityID, 5) || !ptrIs(e.LocationID, 1) || !ptrIs(e.TimeoffManagerID, 2) {
		t.Errorf("ids = %v %v %v %v", e.CompanyID, e.LegalEntityID, e.LocationID, e.TimeoffManagerID)
	}
	if !slices.Equal(e.TeamIDs, []int{4}) || !slices.Equal(e.CompanyHolidayIDs, []int{31, 35, 36}) {
		t.Errorf("TeamIDs = %v, CompanyHolidayIDs = %v", e.TeamIDs, e.CompanyHolidayIDs)
	}
	if e.Hiring == nil || e.Hiring.BaseCompensationAmountInCents == nil || *e.Hiring.BaseCompensationAmountInCents != 5400000 ||
		e.Hiring.BaseCompensationType == nil || *e.Hiring.BaseCompensationType != api.EmployeeHiringBaseCompensationTypeYearly {
		t.Errorf("Hiring = %+v, want 5400000 cents yearly", e.Hiring)
	}
	if !ptrIs(e.CompanyIdentifier, "ACME-0007") || e.Avatar == nil {
		t.Errorf("CompanyIdentifier = %v, Avatar = %v", e.CompanyIdentifier, e.Avatar)
	}
}

// checkRestrictedEmployee asserts the decoded form of employeeRestrictedJSON.
func checkRestrictedEmployee(t testing.TB, e *api.Employee) {
	t.Helper()
	if e == nil {
		t.Fatal("no typed employee")
	}
	if e.ID != 12 || !ptrIs(e.FullName, "Marc Puig") || e.Role == nil || *e.Role != "basic" {
		t.Errorf("identity = %d %v %v", e.ID, e.FullName, e.Role)
	}
	for name, p := range map[string]*string{
		"Identifier": e.Identifier, "IdentifierType": e.IdentifierType, "BankNumber": e.BankNumber, "Nationality": e.Nationality,
		"Country": e.Country, "City": e.City, "State": e.State, "PostalCode": e.PostalCode, "AddressLine1": e.AddressLine1,
		"AddressLine2": e.AddressLine2, "PhoneNumber": e.PhoneNumber, "SocialSecurityNumber": e.SocialSecurityNumber,
		"Avatar": e.Avatar, "CompanyIdentifier": e.CompanyIdentifier,
	} {
		if p != nil {
			t.Errorf("%s = %q, want nil for a basic user's token", name, *p)
		}
	}
	if e.BirthdayOn != nil || e.Gender != nil || e.TerminatedOn != nil {
		t.Errorf("BirthdayOn = %v, Gender = %v, TerminatedOn = %v, want nil", e.BirthdayOn, e.Gender, e.TerminatedOn)
	}
	if e.Hiring == nil {
		t.Fatal("Hiring = nil, want the object with null fields")
	}
	if e.Hiring.BaseCompensationAmountInCents != nil || e.Hiring.BaseCompensationType != nil {
		t.Errorf("Hiring = %+v, want both fields nil", e.Hiring)
	}
	if !ptrIs(e.ManagerID, 7) || !ptrIs(e.LocationID, 1) || !slices.Equal(e.CompanyHolidayIDs, []int{31, 35, 36}) {
		t.Errorf("ManagerID = %v, LocationID = %v, CompanyHolidayIDs = %v", e.ManagerID, e.LocationID, e.CompanyHolidayIDs)
	}
}

// checkAdminEmployeeV2 asserts the decoded form of employeeV2AdminJSON.
func checkAdminEmployeeV2(t testing.TB, e *api.EmployeeV2) {
	t.Helper()
	if e == nil {
		t.Fatal("no typed employee")
	}
	if e.ID != 7 || !ptrIs(e.FullName, "Ana Ruiz") || !ptrIs(e.Email, "ana.ruiz@acmerobotics.es") {
		t.Errorf("identity = %d %v %v", e.ID, e.FullName, e.Email)
	}
	if e.Gender == nil || *e.Gender != api.EmployeeV2GenderFemale || !dateIs(e.BirthdayOn, "1988-04-12") {
		t.Errorf("Gender = %v, BirthdayOn = %v", e.Gender, e.BirthdayOn)
	}
	if !ptrIs(e.SwiftBic, "CAIXESBBXXX") || !ptrIs(e.TaxID, "12345678Z") || !ptrIs(e.TimeoffPolicyID, 11) {
		t.Errorf("SwiftBic = %v, TaxID = %v, TimeoffPolicyID = %v", e.SwiftBic, e.TaxID, e.TimeoffPolicyID)
	}
	wantCreated := time.Date(2019, 8, 26, 9, 14, 3, 0, time.UTC)
	if e.CreatedAt == nil || !e.CreatedAt.Equal(wantCreated) || e.UpdatedAt == nil || e.UpdatedAt.Year() != 2024 {
		t.Errorf("CreatedAt = %v, UpdatedAt = %v", e.CreatedAt, e.UpdatedAt)
	}
	if e.TerminatedOn != nil || e.TerminationReason != nil || e.TerminationObservations != nil || e.ManagerID != nil {
		t.Errorf("termination/manager = %v %v %v %v, want nil", e.TerminatedOn, e.TerminationReason, e.TerminationObservations, e.ManagerID)
	}
	if !ptrIs(e.LegalEntityID, 5) || !ptrIs(e.LocationID, 1) || !slices.Equal(e.TeamIDs, []int{4}) {
		t.Errorf("LegalEntityID = %v, LocationID = %v, TeamIDs = %v", e.LegalEntityID, e.LocationID, e.TeamIDs)
	}
}

// checkRestrictedEmployeeV2 asserts the decoded form of employeeV2RestrictedJSON.
func checkRestrictedEmployeeV2(t testing.TB, e *api.EmployeeV2) {
	t.Helper()
	if e == nil {
		t.Fatal("no typed employee")
	}
	if e.ID != 12 || !ptrIs(e.FullName, "Marc Puig") || !ptrIs(e.ManagerID, 7) {
		t.Errorf("identity = %d %v manager %v", e.ID, e.FullName, e.ManagerID)
	}
	for name, p := range map[string]*string{
		"Identifier": e.Identifier, "IdentifierType": e.IdentifierType, "BankNumber": e.BankNumber, "SwiftBic": e.SwiftBic,
		"Nationality": e.Nationality, "Country": e.Country, "City": e.City, "AddressLine1": e.AddressLine1,
		"PhoneNumber": e.PhoneNumber, "SocialSecurityNumber": e.SocialSecurityNumber, "TaxID": e.TaxID,
		"CompanyIdentifier": e.CompanyIdentifier,
	} {
		if p != nil {
			t.Errorf("%s = %q, want nil for a basic user's token", name, *p)
		}
	}
	if e.BirthdayOn != nil || e.Gender != nil {
		t.Errorf("BirthdayOn = %v, Gender = %v, want nil", e.BirthdayOn, e.Gender)
	}
	if e.CreatedAt == nil || e.CreatedAt.Year() != 2021 {
		t.Errorf("CreatedAt = %v", e.CreatedAt)
	}
}

// ---------------------------------------------------------------- v1

func TestListEmployees(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/employees", Status: 200,
		Body: `[` + employeeAdminJSON + `,` + employeeRestrictedJSON + `]`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r) // v1 lists take no pagination
			noBody(t, body)
		},
	}))
	res, err := c.ListEmployeesWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, employees = %v", res.StatusCode(), res.JSON200)
	}
	list := *res.JSON200
	checkAdminEmployee(t, &list[0])
	checkRestrictedEmployee(t, &list[1])
}

func TestListEmployees_BasicUserRestricted(t *testing.T) {
	// A basic user's token lists the same objects: its own row is complete,
	// everybody else's personal fields are null.
	self := `{"id":12,"email":"marc.puig@acmerobotics.es","first_name":"Marc","last_name":"Puig","full_name":"Marc Puig",` +
		`"birthday_on":"1993-07-21","role":"basic","terminated_on":null,"gender":"male","nationality":"es","bank_number":"ES7620770024003102575766",` +
		`"country":"es","city":"Sabadell","state":"Barcelona","postal_code":"08201","address_line_1":"Carrer de Gràcia 12","address_line_2":null,` +
		`"identifier":"87654321X","identifier_type":"dni","company_id":3,"legal_entity_id":5,"manager_id":7,"timeoff_manager_id":7,` +
		`"regular_access_starts_on":"2021-02-01","phone_number":"+34699111222","social_security_number":"081122334455","start_date":"2021-02-01",` +
		`"location_id":1,"team_ids":[4],"company_holiday_ids":[31,35,36],"avatar":null,"company_identifier":"ACME-0012",` +
		`"hiring":{"base_compensation_amount_in_cents":3200000,"base_compensation_type":"yearly"}}`
	other := `{"id":7,"email":"ana.ruiz@acmerobotics.es","first_name":"Ana","last_name":"Ruiz","full_name":"Ana Ruiz","birthday_on":null,` +
		`"role":null,"terminated_on":null,"gender":null,"nationality":null,"bank_number":null,"country":null,"city":null,"state":null,` +
		`"postal_code":null,"address_line_1":null,"address_line_2":null,"identifier":null,"identifier_type":null,"company_id":3,` +
		`"legal_entity_id":5,"manager_id":null,"timeoff_manager_id":null,"regular_access_starts_on":null,"phone_number":null,` +
		`"social_security_number":null,"start_date":null,"location_id":1,"team_ids":[4],"company_holiday_ids":null,"avatar":null,` +
		`"company_identifier":null,"hiring":{"base_compensation_amount_in_cents":null,"base_compensation_type":null}}`
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/employees", Status: 200, Body: `[` + self + `,` + other + `]`,
	}))
	res, err := c.ListEmployeesWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, employees = %v", res.StatusCode(), res.JSON200)
	}
	me, ana := (*res.JSON200)[0], (*res.JSON200)[1]
	if me.Gender == nil || *me.Gender != api.EmployeeGenderMale || !ptrIs(me.Identifier, "87654321X") || me.AddressLine2 != nil {
		t.Errorf("own row = gender %v identifier %v address2 %v", me.Gender, me.Identifier, me.AddressLine2)
	}
	if me.Hiring == nil || me.Hiring.BaseCompensationAmountInCents == nil || *me.Hiring.BaseCompensationAmountInCents != 3200000 {
		t.Errorf("own Hiring = %+v", me.Hiring)
	}
	if ana.ID != 7 || !ptrIs(ana.FullName, "Ana Ruiz") || ana.Role != nil || ana.StartDate != nil || ana.TimeoffManagerID != nil {
		t.Errorf("other row = %d %v role %v start %v timeoff manager %v", ana.ID, ana.FullName, ana.Role, ana.StartDate, ana.TimeoffManagerID)
	}
	if ana.CompanyHolidayIDs != nil || !slices.Equal(ana.TeamIDs, []int{4}) {
		t.Errorf("other CompanyHolidayIDs = %v, TeamIDs = %v", ana.CompanyHolidayIDs, ana.TeamIDs)
	}
}

func TestCreateEmployee(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/employees", Status: 201,
		Body: `{"id":58,"email":"laia.ferrer@acmerobotics.es","first_name":"Laia","last_name":"Ferrer","full_name":"Laia Ferrer",` +
			`"birthday_on":"1996-11-03","role":"basic","terminated_on":null,"gender":null,"nationality":null,"bank_number":null,` +
			`"country":null,"city":null,"state":null,"postal_code":null,"address_line_1":null,"address_line_2":null,"identifier":null,` +
			`"identifier_type":null,"company_id":3,"legal_entity_id":5,"manager_id":7,"timeoff_manager_id":7,` +
			`"regular_access_starts_on":"2024-09-02","phone_number":"+34655443322","social_security_number":null,"start_date":"2024-09-02",` +
			`"location_id":1,"team_ids":[],"company_holiday_ids":[31,35,36],"avatar":null,"company_identifier":"ACME-0058",` +
			`"hiring":{"base_compensation_amount_in_cents":null,"base_compensation_type":null}}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			wantKeys(t, m, "email", "first_name", "last_name", "birthday_on", "start_date", "regular_access_starts_on",
				"role", "manager_id", "timeoff_manager_id", "company_identifier", "phone_number")
			for k, want := range map[string]any{
				"email": "laia.ferrer@acmerobotics.es", "first_name": "Laia", "last_name": "Ferrer", "birthday_on": "1996-11-03",
				"start_date": "2024-09-02", "regular_access_starts_on": "2024-09-02", "role": "basic", "manager_id": float64(7),
				"timeoff_manager_id": float64(7), "company_identifier": "ACME-0058", "phone_number": "+34655443322",
			} {
				if m[k] != want {
					t.Errorf("body %s = %#v, want %#v", k, m[k], want)
				}
			}
		},
	}))
	res, err := c.CreateEmployeeWithResponse(context.Background(), api.CreateEmployeeJSONRequestBody{
		Email: "laia.ferrer@acmerobotics.es", FirstName: "Laia", LastName: "Ferrer",
		BirthdayOn: apitest.Ptr(mustDate(t, "1996-11-03")), StartDate: apitest.Ptr(mustDate(t, "2024-09-02")),
		RegularAccessStartsOn: apitest.Ptr(mustDate(t, "2024-09-02")), Role: apitest.Ptr(api.EmployeeCreateRoleBasic),
		ManagerID: apitest.Ptr(7), TimeoffManagerID: apitest.Ptr(7), CompanyIdentifier: apitest.Ptr("ACME-0058"),
		PhoneNumber: apitest.Ptr("+34655443322"),
	})
	if err != nil {
		t.Fatal(err)
	}
	e := res.JSON201
	if e == nil {
		t.Fatalf("status %d, no typed 201 body: %s", res.StatusCode(), res.Body)
	}
	if e.ID != 58 || !ptrIs(e.FullName, "Laia Ferrer") || e.Role == nil || *e.Role != "basic" {
		t.Errorf("employee = %d %v %v", e.ID, e.FullName, e.Role)
	}
	if !dateIs(e.StartDate, "2024-09-02") || !ptrIs(e.ManagerID, 7) || e.TeamIDs == nil || len(e.TeamIDs) != 0 {
		t.Errorf("StartDate = %v, ManagerID = %v, TeamIDs = %#v (want empty, not nil)", e.StartDate, e.ManagerID, e.TeamIDs)
	}
	if e.Hiring == nil || e.Hiring.BaseCompensationAmountInCents != nil {
		t.Errorf("Hiring = %+v, want object with null amount", e.Hiring)
	}
}

func TestCreateEmployee_ValidationErrors(t *testing.T) {
	// Both documented error bodies of employee creation: the field map and
	// the bare array.
	t.Run("field map", func(t *testing.T) {
		c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
			Method: http.MethodPost, Path: "/api/v1/employees", Status: 422,
			Body: `{"errors":{"timeoff_manager_id":["The time off manager does not belong to the company"],"manager_id":["The manager does not belong to the company"]}}`,
		}))
		res, err := c.CreateEmployeeWithResponse(context.Background(), api.CreateEmployeeJSONRequestBody{
			Email: "laia.ferrer@acmerobotics.es", FirstName: "Laia", LastName: "Ferrer", ManagerID: apitest.Ptr(9999), TimeoffManagerID: apitest.Ptr(9999),
		})
		if err != nil {
			t.Fatal(err)
		}
		if res.StatusCode() != 422 || res.JSON201 != nil || res.JSONDefault == nil {
			t.Fatalf("status %d, JSON201 %v, JSONDefault %v", res.StatusCode(), res.JSON201, res.JSONDefault)
		}
		env, err := res.JSONDefault.AsErrorEnvelope()
		if err != nil {
			t.Fatalf("envelope = %+v, %v", env, err)
		}
		fields, err := env.Errors.AsFieldErrors()
		if err != nil || len(fields["manager_id"]) != 1 || fields["manager_id"][0] != "The manager does not belong to the company" {
			t.Fatalf("field errors = %v, %v", fields, err)
		}
	})
	t.Run("bare array", func(t *testing.T) {
		c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
			Method: http.MethodPost, Path: "/api/v1/employees", Status: 422,
			Body: `["There is already a user with that email (laia.ferrer@acmerobotics.es)"]`,
		}))
		res, err := c.CreateEmployeeWithResponse(context.Background(), api.CreateEmployeeJSONRequestBody{
			Email: "laia.ferrer@acmerobotics.es", FirstName: "Laia", LastName: "Ferrer",
		})
		if err != nil {
			t.Fatal(err)
		}
		if res.JSONDefault == nil {
			t.Fatalf("status %d, no typed error body", res.StatusCode())
		}
		list, err := res.JSONDefault.AsErrorList()
		if err != nil || len(list) != 1 || list[0] != "There is already a user with that email (laia.ferrer@acmerobotics.es)" {
			t.Fatalf("error list = %v, %v", list, err)
		}
	})
}

func TestGetEmployee(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/employees/7", Status: 200, Body: employeeAdminJSON,
		Check: func(t testing.TB, _ *http.Request, body []byte) { noBody(t, body) },
	}))
	res, err := c.GetEmployeeWithResponse(context.Background(), 7)
	if err != nil {
		t.Fatal(err)
	}
	checkAdminEmployee(t, res.JSON200)
}

func TestGetEmployee_BasicUserRestricted(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/employees/12", Status: 200, Body: employeeRestrictedJSON,
	}))
	res, err := c.GetEmployeeWithResponse(context.Background(), 12)
	if err != nil {
		t.Fatal(err)
	}
	checkRestrictedEmployee(t, res.JSON200)
}

func TestGetEmployee_NotFound(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/employees/111", Status: 404, Body: `{"errors":"Resource #111 not found"}`,
	}))
	res, err := c.GetEmployeeWithResponse(context.Background(), 111)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 404 || res.JSON200 != nil || res.JSONDefault == nil {
		t.Fatalf("status %d, JSON200 %v, JSONDefault %v", res.StatusCode(), res.JSON200, res.JSONDefault)
	}
	env, err := res.JSONDefault.AsErrorEnvelope()
	if err != nil {
		t.Fatalf("envelope = %+v, %v", env, err)
	}
	msg, err := env.Errors.AsErrorMessages0()
	if err != nil || msg != "Resource #111 not found" {
		t.Fatalf("message = %q, %v", msg, err)
	}
}

func TestUpdateEmployee(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/employees/12", Status: 200,
		Body: `{"id":12,"email":"marc.puig@acmerobotics.es","first_name":"Marc","last_name":"Puig i Soler","full_name":"Marc Puig i Soler",` +
			`"birthday_on":"1993-07-21","role":"admin","terminated_on":null,"gender":"male","nationality":"es","bank_number":null,` +
			`"country":"es","city":"Sabadell","state":"Barcelona","postal_code":"08201","address_line_1":"Carrer de Gràcia 12","address_line_2":null,` +
			`"identifier":"87654321X","identifier_type":"dni","company_id":3,"legal_entity_id":5,"manager_id":2,"timeoff_manager_id":2,` +
			`"regular_access_starts_on":"2021-02-01","phone_number":"+34699111222","social_security_number":null,"start_date":"2021-02-01",` +
			`"location_id":1,"team_ids":[4],"company_holiday_ids":[31,35,36],"avatar":null,"company_identifier":"ACME-0012",` +
			`"hiring":{"base_compensation_amount_in_cents":3600000,"base_compensation_type":"yearly"}}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			wantKeys(t, m, "last_name", "role", "manager_id", "timeoff_manager_id", "company_identifier")
			if m["last_name"] != "Puig i Soler" || m["role"] != "admin" || m["manager_id"] != float64(2) ||
				m["timeoff_manager_id"] != float64(2) || m["company_identifier"] != "ACME-0012" {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.UpdateEmployeeWithResponse(context.Background(), 12, api.UpdateEmployeeJSONRequestBody{
		LastName: apitest.Ptr("Puig i Soler"), Role: apitest.Ptr(api.EmployeeUpdateRoleAdmin), ManagerID: apitest.Ptr(2),
		TimeoffManagerID: apitest.Ptr(2), CompanyIdentifier: apitest.Ptr("ACME-0012"),
	})
	if err != nil {
		t.Fatal(err)
	}
	e := res.JSON200
	if e == nil {
		t.Fatalf("status %d, no typed body: %s", res.StatusCode(), res.Body)
	}
	if e.ID != 12 || !ptrIs(e.LastName, "Puig i Soler") || e.Role == nil || *e.Role != "admin" || !ptrIs(e.ManagerID, 2) {
		t.Errorf("employee = %d %v %v %v", e.ID, e.LastName, e.Role, e.ManagerID)
	}
	if e.Hiring == nil || e.Hiring.BaseCompensationAmountInCents == nil || *e.Hiring.BaseCompensationAmountInCents != 3600000 {
		t.Errorf("Hiring = %+v", e.Hiring)
	}
}

func TestTerminateEmployee(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/employees/58/terminate", Status: 200,
		Body: `{"id":58,"email":"laia.ferrer@acmerobotics.es","first_name":"Laia","last_name":"Ferrer","full_name":"Laia Ferrer",` +
			`"birthday_on":"1996-11-03","role":"basic","terminated_on":"2025-01-31","gender":"female","nationality":"es","bank_number":null,` +
			`"country":"es","city":"Terrassa","state":"Barcelona","postal_code":"08221","address_line_1":"Rambla d'Ègara 140","address_line_2":null,` +
			`"identifier":"45678912K","identifier_type":"dni","company_id":3,"legal_entity_id":5,"manager_id":7,"timeoff_manager_id":7,` +
			`"regular_access_starts_on":"2024-09-02","phone_number":"+34655443322","social_security_number":"081199887766","start_date":"2024-09-02",` +
			`"location_id":1,"team_ids":[4],"company_holiday_ids":[31,35,36],"avatar":null,"company_identifier":"ACME-0058",` +
			`"hiring":{"base_compensation_amount_in_cents":2800000,"base_compensation_type":"yearly"}}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			wantKeys(t, m, "terminated_on", "termination_reason", "termination_assigned_manager_id")
			if m["terminated_on"] != "2025-01-31" || m["termination_reason"] != "End of fixed-term contract" || m["termination_assigned_manager_id"] != float64(7) {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.TerminateEmployeeWithResponse(context.Background(), 58, api.TerminateEmployeeJSONRequestBody{
		TerminatedOn: apitest.Ptr(mustDate(t, "2025-01-31")), TerminationReason: apitest.Ptr("End of fixed-term contract"),
		TerminationAssignedManagerID: apitest.Ptr(7),
	})
	if err != nil {
		t.Fatal(err)
	}
	if e := res.JSON200; e == nil || e.ID != 58 || !dateIs(e.TerminatedOn, "2025-01-31") {
		t.Fatalf("status %d, employee = %+v", res.StatusCode(), res.JSON200)
	}
}

func TestUnterminateEmployee(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/employees/7/unterminate", Status: 200, Body: employeeAdminJSON,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			if ct := r.Header.Get("Content-Type"); ct != "" {
				t.Errorf("Content-Type = %q, want none", ct)
			}
		},
	}))
	res, err := c.UnterminateEmployeeWithResponse(context.Background(), 7)
	if err != nil {
		t.Fatal(err)
	}
	checkAdminEmployee(t, res.JSON200)
}

// ---------------------------------------------------------------- v2

func TestListEmployeesV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/core/employees", Status: 200,
		Body: `[` + employeeV2AdminJSON + `]`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, map[string][]string{"full_text_name": {"Ana Ruiz"}})
			noBody(t, body)
		},
	}))
	res, err := c.ListEmployeesV2WithResponse(context.Background(), &api.ListEmployeesV2Params{FullTextName: apitest.Ptr("Ana Ruiz")})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, employees = %v", res.StatusCode(), res.JSON200)
	}
	checkAdminEmployeeV2(t, &(*res.JSON200)[0])
}

func TestListEmployeesV2_NoFilterBasicUser(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/core/employees", Status: 200,
		Body: `[` + employeeV2RestrictedJSON + `]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			noQuery(t, r)
		},
	}))
	res, err := c.ListEmployeesV2WithResponse(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, employees = %v", res.StatusCode(), res.JSON200)
	}
	checkRestrictedEmployeeV2(t, &(*res.JSON200)[0])
}

func TestCreateEmployeeV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v2/core/employees", Status: 201,
		Body: `{"id":59,"first_name":"Jordi","last_name":"Casals","full_name":"Jordi Casals","email":"jordi.casals@acmerobotics.es",` +
			`"birthday_on":"1991-02-14","terminated_on":null,"termination_reason":null,"termination_observations":null,` +
			`"identifier":"Y1234567X","identifier_type":"nie","gender":"male","nationality":"pt","bank_number":"ES7921000813610123456789",` +
			`"country":"es","city":"Girona","state":"Girona","postal_code":"17001","address_line_1":"Carrer Nou 7","address_line_2":null,` +
			`"swift_bic":"CAIXESBBXXX","company_id":3,"legal_entity_id":5,"created_at":"2024-09-02T07:30:12.000Z",` +
			`"updated_at":"2024-09-02T07:30:12.000Z","manager_id":7,"location_id":1,"timeoff_manager_id":7,` +
			`"social_security_number":"171234567890","tax_id":"Y1234567X","timeoff_policy_id":11,"team_ids":[],` +
			`"phone_number":"+34611000222","company_identifier":"ACME-0059"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			wantKeys(t, m, "email", "first_name", "last_name", "birthday_on", "role", "gender", "identifier", "identifier_type",
				"nationality", "bank_number", "swift_bic", "country", "city", "state", "postal_code", "address_line_1",
				"company_id", "manager_id", "location_id", "timeoff_manager_id", "legal_entity_id", "company_identifier",
				"phone_number", "social_security_number", "tax_id")
			for k, want := range map[string]any{
				"email": "jordi.casals@acmerobotics.es", "birthday_on": "1991-02-14", "role": "basic", "gender": "male",
				"identifier_type": "nie", "nationality": "pt", "swift_bic": "CAIXESBBXXX", "postal_code": "17001",
				"legal_entity_id": float64(5), "location_id": float64(1), "social_security_number": "171234567890",
			} {
				if m[k] != want {
					t.Errorf("body %s = %#v, want %#v", k, m[k], want)
				}
			}
		},
	}))
	res, err := c.CreateEmployeeV2WithResponse(context.Background(), api.CreateEmployeeV2JSONRequestBody{
		Email: "jordi.casals@acmerobotics.es", FirstName: "Jordi", LastName: "Casals",
		BirthdayOn: apitest.Ptr(mustDate(t, "1991-02-14")), Role: apitest.Ptr(api.EmployeeV2CreateRoleBasic),
		Gender: apitest.Ptr(api.EmployeeV2CreateGenderMale), Identifier: apitest.Ptr("Y1234567X"),
		IdentifierType: apitest.Ptr(api.EmployeeV2CreateIdentifierTypeNie), Nationality: apitest.Ptr("pt"),
		BankNumber: apitest.Ptr("ES7921000813610123456789"), SwiftBic: apitest.Ptr("CAIXESBBXXX"),
		Country: apitest.Ptr("es"), City: apitest.Ptr("Girona"), State: apitest.Ptr("Girona"), PostalCode: apitest.Ptr("17001"),
		AddressLine1: apitest.Ptr("Carrer Nou 7"), CompanyID: apitest.Ptr(3), ManagerID: apitest.Ptr(7), LocationID: apitest.Ptr(1),
		TimeoffManagerID: apitest.Ptr(7), LegalEntityID: apitest.Ptr(5), CompanyIdentifier: apitest.Ptr("ACME-0059"),
		PhoneNumber: apitest.Ptr("+34611000222"), SocialSecurityNumber: apitest.Ptr("171234567890"), TaxID: apitest.Ptr("Y1234567X"),
	})
	if err != nil {
		t.Fatal(err)
	}
	e := res.JSON201
	if e == nil {
		t.Fatalf("status %d, no typed 201 body: %s", res.StatusCode(), res.Body)
	}
	if e.ID != 59 || !ptrIs(e.IdentifierType, "nie") || !ptrIs(e.SwiftBic, "CAIXESBBXXX") || !ptrIs(e.TimeoffPolicyID, 11) {
		t.Errorf("employee = %d %v %v %v", e.ID, e.IdentifierType, e.SwiftBic, e.TimeoffPolicyID)
	}
	if e.CreatedAt == nil || !e.CreatedAt.Equal(time.Date(2024, 9, 2, 7, 30, 12, 0, time.UTC)) || e.TeamIDs == nil || len(e.TeamIDs) != 0 {
		t.Errorf("CreatedAt = %v, TeamIDs = %#v", e.CreatedAt, e.TeamIDs)
	}
}

func TestGetEmployeeV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/core/employees/7", Status: 200, Body: employeeV2AdminJSON,
	}))
	res, err := c.GetEmployeeV2WithResponse(context.Background(), 7)
	if err != nil {
		t.Fatal(err)
	}
	checkAdminEmployeeV2(t, res.JSON200)
}

func TestGetEmployeeV2_BasicUserRestricted(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/core/employees/12", Status: 200, Body: employeeV2RestrictedJSON,
	}))
	res, err := c.GetEmployeeV2WithResponse(context.Background(), 12)
	if err != nil {
		t.Fatal(err)
	}
	checkRestrictedEmployeeV2(t, res.JSON200)
}

func TestGetEmployeeV2_ShapeDiffersFromV1(t *testing.T) {
	// The same person through both generations: v1 carries role, hiring,
	// start_date and company_holiday_ids; v2 carries swift_bic, tax_id,
	// timeoff_policy_id and timestamps instead. Each decodes into its own type.
	v1 := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/employees/7", Status: 200, Body: employeeAdminJSON,
	}))
	v2 := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/core/employees/7", Status: 200, Body: employeeV2AdminJSON,
	}))
	r1, err := v1.GetEmployeeWithResponse(context.Background(), 7)
	if err != nil {
		t.Fatal(err)
	}
	r2, err := v2.GetEmployeeV2WithResponse(context.Background(), 7)
	if err != nil {
		t.Fatal(err)
	}
	e1, e2 := r1.JSON200, r2.JSON200
	if e1 == nil || e2 == nil {
		t.Fatalf("v1 %v, v2 %v", e1, e2)
	}
	if e1.ID != e2.ID || *e1.Email != *e2.Email || e1.BirthdayOn.String() != e2.BirthdayOn.String() {
		t.Errorf("shared fields differ: %d/%d %v/%v", e1.ID, e2.ID, e1.Email, e2.Email)
	}
	if e1.Role == nil || e1.Hiring == nil || e1.StartDate == nil || len(e1.CompanyHolidayIDs) != 3 {
		t.Errorf("v1-only fields: role %v hiring %v start %v holidays %v", e1.Role, e1.Hiring, e1.StartDate, e1.CompanyHolidayIDs)
	}
	if e2.SwiftBic == nil || e2.TaxID == nil || e2.TimeoffPolicyID == nil || e2.CreatedAt == nil || e2.UpdatedAt == nil {
		t.Errorf("v2-only fields: swift %v tax %v policy %v created %v updated %v", e2.SwiftBic, e2.TaxID, e2.TimeoffPolicyID, e2.CreatedAt, e2.UpdatedAt)
	}
}

func TestUpdateEmployeeV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v2/core/employees/7", Status: 200,
		Body: `{"id":7,"first_name":"Ana","last_name":"Ruiz","full_name":"Ana Ruiz","email":"ana.ruiz@acmerobotics.es",` +
			`"birthday_on":"1988-04-12","terminated_on":null,"termination_reason":null,"termination_observations":null,` +
			`"identifier":"12345678Z","identifier_type":"dni","gender":"female","nationality":"es",` +
			`"bank_number":"ES9121000418450200051332","country":"es","city":"Girona","state":"Girona","postal_code":"17002",` +
			`"address_line_1":"Plaça de la Independència 3","address_line_2":null,"swift_bic":"CAIXESBBXXX","company_id":3,"legal_entity_id":5,` +
			`"created_at":"2019-08-26T09:14:03.000Z","updated_at":"2024-10-01T12:05:33.000Z","manager_id":null,"location_id":2,` +
			`"timeoff_manager_id":2,"social_security_number":"081234567840","tax_id":"12345678Z","timeoff_policy_id":11,` +
			`"team_ids":[4],"phone_number":"+34612345678","company_identifier":"ACME-0007"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			wantKeys(t, m, "city", "state", "postal_code", "address_line_1", "location_id", "social_security_number",
				"contact_name", "contact_number")
			// social_security_number stays a string (leading zero kept),
			// though the 2024 spec typed it integer on update.
			if m["social_security_number"] != "081234567840" || m["location_id"] != float64(2) ||
				m["contact_name"] != "Jaume Ruiz" || m["contact_number"] != "+34677889900" || m["postal_code"] != "17002" {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.UpdateEmployeeV2WithResponse(context.Background(), 7, api.UpdateEmployeeV2JSONRequestBody{
		City: apitest.Ptr("Girona"), State: apitest.Ptr("Girona"), PostalCode: apitest.Ptr("17002"),
		AddressLine1: apitest.Ptr("Plaça de la Independència 3"), LocationID: apitest.Ptr(2),
		SocialSecurityNumber: apitest.Ptr("081234567840"), ContactName: apitest.Ptr("Jaume Ruiz"), ContactNumber: apitest.Ptr("+34677889900"),
	})
	if err != nil {
		t.Fatal(err)
	}
	e := res.JSON200
	if e == nil {
		t.Fatalf("status %d, no typed body: %s", res.StatusCode(), res.Body)
	}
	if e.ID != 7 || !ptrIs(e.City, "Girona") || !ptrIs(e.LocationID, 2) || e.AddressLine2 != nil || e.UpdatedAt == nil || e.UpdatedAt.Month() != time.October {
		t.Errorf("employee = %d %v %v %v %v", e.ID, e.City, e.LocationID, e.AddressLine2, e.UpdatedAt)
	}
}

func TestInviteEmployee(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v2/core/employees/12/invite", Status: 200, Body: employeeV2RestrictedJSON,
		Check: func(t testing.TB, _ *http.Request, body []byte) { noBody(t, body) },
	}))
	res, err := c.InviteEmployeeWithResponse(context.Background(), 12)
	if err != nil {
		t.Fatal(err)
	}
	checkRestrictedEmployeeV2(t, res.JSON200)
}

func TestUpdateEmployeeEmail(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v2/core/employees/12/email", Status: 200,
		Body: `{"id":12,"first_name":"Marc","last_name":"Puig","full_name":"Marc Puig","email":"marc.puig@acme-robotics.com",` +
			`"birthday_on":null,"terminated_on":null,"termination_reason":null,"termination_observations":null,"identifier":null,` +
			`"identifier_type":null,"gender":null,"nationality":null,"bank_number":null,"country":null,"city":null,"state":null,` +
			`"postal_code":null,"address_line_1":null,"address_line_2":null,"swift_bic":null,"company_id":3,"legal_entity_id":5,` +
			`"created_at":"2021-01-18T08:02:44.000Z","updated_at":"2024-10-07T09:00:01.000Z","manager_id":7,"location_id":1,` +
			`"timeoff_manager_id":7,"social_security_number":null,"tax_id":null,"timeoff_policy_id":11,"team_ids":[4],` +
			`"phone_number":null,"company_identifier":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			wantKeys(t, m, "email")
			if m["email"] != "marc.puig@acme-robotics.com" {
				t.Errorf("email = %v", m["email"])
			}
		},
	}))
	res, err := c.UpdateEmployeeEmailWithResponse(context.Background(), 12, api.UpdateEmployeeEmailJSONRequestBody{Email: "marc.puig@acme-robotics.com"})
	if err != nil {
		t.Fatal(err)
	}
	if e := res.JSON200; e == nil || e.ID != 12 || !ptrIs(e.Email, "marc.puig@acme-robotics.com") || e.Identifier != nil {
		t.Fatalf("status %d, employee = %+v", res.StatusCode(), res.JSON200)
	}
}

func TestTerminateEmployeeV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v2/core/employees/59/terminate", Status: 200,
		Body: `{"id":59,"first_name":"Jordi","last_name":"Casals","full_name":"Jordi Casals","email":"jordi.casals@acmerobotics.es",` +
			`"birthday_on":"1991-02-14","terminated_on":"2025-03-14","termination_reason":"Moving abroad",` +
			`"termination_reason_type":"employee","termination_observations":null,` +
			`"identifier":"Y1234567X","identifier_type":"nie","gender":"male","nationality":"pt","bank_number":"ES7921000813610123456789",` +
			`"country":"es","city":"Girona","state":"Girona","postal_code":"17001","address_line_1":"Carrer Nou 7","address_line_2":null,` +
			`"swift_bic":"CAIXESBBXXX","company_id":3,"legal_entity_id":5,"created_at":"2024-09-02T07:30:12.000Z",` +
			`"updated_at":"2025-02-28T15:11:09.000Z","manager_id":7,"location_id":1,"timeoff_manager_id":7,` +
			`"social_security_number":"171234567890","tax_id":"Y1234567X","timeoff_policy_id":11,"team_ids":[4],` +
			`"phone_number":"+34611000222","company_identifier":"ACME-0059"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			wantKeys(t, m, "terminated_on", "termination_reason", "termination_reason_type", "termination_assigned_manager_id")
			if m["terminated_on"] != "2025-03-14" || m["termination_reason"] != "Moving abroad" ||
				m["termination_reason_type"] != "employee" || m["termination_assigned_manager_id"] != float64(7) {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.TerminateEmployeeV2WithResponse(context.Background(), 59, api.TerminateEmployeeV2JSONRequestBody{
		TerminatedOn: mustDate(t, "2025-03-14"), TerminationReason: apitest.Ptr("Moving abroad"),
		TerminationReasonType:        apitest.Ptr(api.TerminateEmployeeV2InputTerminationReasonTypeEmployee),
		TerminationAssignedManagerID: apitest.Ptr(7),
	})
	if err != nil {
		t.Fatal(err)
	}
	e := res.JSON200
	if e == nil {
		t.Fatalf("status %d, no typed body: %s", res.StatusCode(), res.Body)
	}
	if e.ID != 59 || !dateIs(e.TerminatedOn, "2025-03-14") || !ptrIs(e.TerminationReason, "Moving abroad") ||
		!ptrIs(e.TerminationReasonType, "employee") || e.TerminationObservations != nil {
		t.Errorf("termination = %v %v %v %v", e.TerminatedOn, e.TerminationReason, e.TerminationReasonType, e.TerminationObservations)
	}
}

func TestUnterminateEmployeeV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v2/core/employees/59/unterminate", Status: 200,
		Body: `{"id":59,"first_name":"Jordi","last_name":"Casals","full_name":"Jordi Casals","email":"jordi.casals@acmerobotics.es",` +
			`"birthday_on":"1991-02-14","terminated_on":null,"termination_reason":null,"termination_reason_type":null,` +
			`"termination_observations":null,"identifier":"Y1234567X","identifier_type":"nie","gender":"male","nationality":"pt",` +
			`"bank_number":"ES7921000813610123456789","country":"es","city":"Girona","state":"Girona","postal_code":"17001",` +
			`"address_line_1":"Carrer Nou 7","address_line_2":null,"swift_bic":"CAIXESBBXXX","company_id":3,"legal_entity_id":5,` +
			`"created_at":"2024-09-02T07:30:12.000Z","updated_at":"2025-03-01T08:45:00.000Z","manager_id":7,"location_id":1,` +
			`"timeoff_manager_id":7,"social_security_number":"171234567890","tax_id":"Y1234567X","timeoff_policy_id":11,` +
			`"team_ids":[4],"phone_number":"+34611000222","company_identifier":"ACME-0059"}`,
		Check: func(t testing.TB, _ *http.Request, body []byte) { noBody(t, body) },
	}))
	res, err := c.UnterminateEmployeeV2WithResponse(context.Background(), 59)
	if err != nil {
		t.Fatal(err)
	}
	e := res.JSON200
	if e == nil || e.ID != 59 || e.TerminatedOn != nil || e.TerminationReason != nil || e.TerminationReasonType != nil {
		t.Fatalf("status %d, employee = %+v", res.StatusCode(), e)
	}
}

func TestListEmployeesBulk(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v2/core/bulk/employee", Status: 200,
		Body: `[` + employeeV2AdminJSON + `,` + employeeV2RestrictedJSON + `]`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			// A read despite the POST verb: no body, no query.
			noBody(t, body)
			noQuery(t, r)
		},
	}))
	res, err := c.ListEmployeesBulkWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, employees = %v", res.StatusCode(), res.JSON200)
	}
	checkAdminEmployeeV2(t, &(*res.JSON200)[0])
	checkRestrictedEmployeeV2(t, &(*res.JSON200)[1])
}
