package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/resources"
)

// Locations, legal entities (Companies) and company holidays.

const locationBarcelonaJSON = `{"id":"12","company_id":"77","name":"Barcelona HQ","main":true,"timezone":"Europe/Madrid",` +
	`"country":"es","state":"Barcelona","city":"Barcelona","address_line_1":"Carrer de Pallars 85","address_line_2":"Planta 3",` +
	`"postal_code":"08018","phone_number":"+34930001122","latitude":41.3996,"longitude":2.1953,"radius":150,"siret":null}`

// locationLyonJSON is a French site: siret set, no coordinates.
const locationLyonJSON = `{"id":"14","company_id":"77","name":"Lyon","main":false,"timezone":"Europe/Paris","country":"fr",` +
	`"state":"Auvergne-Rhône-Alpes","city":"Lyon","address_line_1":"12 Rue de la République","address_line_2":null,` +
	`"postal_code":"69002","phone_number":null,"latitude":null,"longitude":null,"radius":null,"siret":"73282932000074"}`

func checkBarcelona(t *testing.T, l resources.Location) {
	t.Helper()
	eq(t, "ID", l.ID, "12")
	is(t, "Name", l.Name, "Barcelona HQ")
	is(t, "Main", l.Main, true)
	is(t, "Timezone", l.Timezone, "Europe/Madrid")
	is(t, "Country", l.Country, "es")
	is(t, "AddressLine1", l.AddressLine1, "Carrer de Pallars 85")
	is(t, "AddressLine2", l.AddressLine2, "Planta 3")
	is(t, "Latitude", l.Latitude, float32(41.3996))
	is(t, "Longitude", l.Longitude, float32(2.1953))
	is(t, "Radius", l.Radius, float32(150))
	null(t, "Siret", l.Siret)
}

func TestListLocations(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/locations/locations", status: 200,
		body: page(onePage(2), locationBarcelonaJSON, locationLyonJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_ids[]": {"4242", "4250"}})
		},
	})
	all, err := c.Locations.List(t.Context(), &resources.ListLocationsParams{EmployeeIDs: []string{"4242", "4250"}})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d locations, want 2", len(all))
	}
	checkBarcelona(t, all[0])
	eq(t, "second ID", all[1].ID, "14")
	is(t, "second Main", all[1].Main, false)
	is(t, "second Siret", all[1].Siret, "73282932000074")
	null(t, "second Latitude", all[1].Latitude)
}

// TestCreateLocation: requests spell the address lines address_line_one and
// address_line_two; the response spells them address_line_1 and _2.
func TestCreateLocation(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/locations/locations", status: 201, body: locationLyonJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"name":"Lyon","country":"fr","timezone":"Europe/Paris","company_id":"77","main":false,`+
				`"state":"Auvergne-Rhône-Alpes","city":"Lyon","address_line_one":"12 Rue de la République","postal_code":"69002",`+
				`"siret":"73282932000074"}`)
		},
	})
	l, err := c.Locations.Create(t.Context(), resources.LocationCreate{
		Name: "Lyon", Country: "fr", Timezone: "Europe/Paris", CompanyID: "77", Main: ptr(false),
		State: ptr("Auvergne-Rhône-Alpes"), City: ptr("Lyon"), AddressLineOne: ptr("12 Rue de la République"),
		PostalCode: ptr("69002"), Siret: ptr("73282932000074"),
	})
	must(t, err)
	eq(t, "ID", l.ID, "14")
	is(t, "AddressLine1", l.AddressLine1, "12 Rue de la République")
	null(t, "AddressLine2", l.AddressLine2)
}

func TestGetLocation(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/locations/locations/12", status: 200, body: locationBarcelonaJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	l, err := c.Locations.Get(t.Context(), "12")
	must(t, err)
	checkBarcelona(t, l)
}

func TestUpdateLocation(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/locations/locations/12", status: 200, body: locationBarcelonaJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"12","address_line_two":"Planta 3","phone_number":"+34930001122",`+
				`"latitude":41.3996,"longitude":2.1953,"radius":150}`)
		},
	})
	l, err := c.Locations.Update(t.Context(), "12", resources.LocationUpdate{
		ID: "12", AddressLineTwo: ptr("Planta 3"), PhoneNumber: ptr("+34930001122"),
		Latitude: ptr(float32(41.3996)), Longitude: ptr(float32(2.1953)), Radius: ptr(float32(150)),
	})
	must(t, err)
	checkBarcelona(t, l)
}

func TestDeleteLocation(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/locations/locations/14", status: 200, body: locationLyonJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	l, err := c.Locations.Delete(t.Context(), "14")
	must(t, err)
	eq(t, "ID", l.ID, "14")
	is(t, "Name", l.Name, "Lyon")
}

// Legal entities.

const legalEntitySpainJSON = `{"id":"301","company_id":"77","country":"es","legal_name":"Acme Robotics S.L.",` +
	`"currency":"EUR","tin":"B12345674","address_line_1":"Carrer de Pallars 85","address_line_2":null,` +
	`"postal_code":"08018","city":"Barcelona","state":"Barcelona"}`

const legalEntityFranceJSON = `{"id":"302","company_id":"77","country":"fr","legal_name":"Acme Robotics France SAS",` +
	`"currency":"EUR","tin":"FR40303265045","address_line_1":"12 Rue de la République","address_line_2":null,` +
	`"postal_code":"69002","city":"Lyon","state":null}`

func TestListLegalEntities(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/companies/legal_entities", status: 200,
		body: page(onePage(2), legalEntitySpainJSON, legalEntityFranceJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			// Factorial's spellings: employees_ids[] (plural), country_ids[]
			// carrying country codes.
			wantRawQuery(t, r, "employees_ids%5B%5D=4242&companies_ids%5B%5D=77&country_ids%5B%5D=es&country_ids%5B%5D=fr")
		},
	})
	all, err := c.Companies.List(t.Context(), &resources.ListLegalEntitiesParams{
		EmployeesIDs: []string{"4242"}, CompaniesIDs: []string{"77"}, CountryIDs: []string{"es", "fr"},
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d legal entities, want 2", len(all))
	}
	eq(t, "first ID", all[0].ID, "301")
	is(t, "first LegalName", all[0].LegalName, "Acme Robotics S.L.")
	is(t, "first Currency", all[0].Currency, "EUR")
	is(t, "second Country", all[1].Country, "fr")
	null(t, "second State", all[1].State)
}

func TestCreateLegalEntity(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/companies/legal_entities", status: 201, body: legalEntityFranceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"company_id":"77","country":"fr","legal_name":"Acme Robotics France SAS","currency":"EUR",`+
				`"tin":"FR40303265045","address_line_1":"12 Rue de la République","postal_code":"69002","city":"Lyon"}`)
		},
	})
	le, err := c.Companies.Create(t.Context(), resources.LegalEntityCreate{
		CompanyID: "77", Country: "fr", LegalName: "Acme Robotics France SAS", Currency: "EUR", Tin: ptr("FR40303265045"),
		AddressLine1: ptr("12 Rue de la République"), PostalCode: ptr("69002"), City: ptr("Lyon"),
	})
	must(t, err)
	eq(t, "ID", le.ID, "302")
	is(t, "Tin", le.Tin, "FR40303265045")
}

func TestGetLegalEntity(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/companies/legal_entities/301", status: 200, body: legalEntitySpainJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	le, err := c.Companies.Get(t.Context(), "301")
	must(t, err)
	eq(t, "ID", le.ID, "301")
	is(t, "CompanyID", le.CompanyID, "77")
	is(t, "Tin", le.Tin, "B12345674")
	null(t, "AddressLine2", le.AddressLine2)
}

// Company holidays.

const holidayNationalJSON = `{"id":"7001","location_id":"12","date":"2026-08-15","summary":"Assumption of Mary",` +
	`"description":"National holiday","half_day":null}`

const holidayHalfJSON = `{"id":"7002","location_id":"12","date":"2026-12-24","summary":"Christmas Eve",` +
	`"description":null,"half_day":"end_of_day"}`

func TestListCompanyHolidays(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/holidays/company_holidays", status: 200,
		body: page(onePage(2), holidayNationalJSON, holidayHalfJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"location_ids[]": {"12"}, "start_at": {"2026-07-01"}, "end_at": {"2026-12-31"}})
		},
	})
	all, err := c.Holidays.List(t.Context(), &resources.ListCompanyHolidaysParams{
		LocationIDs: []string{"12"}, StartAt: datep("2026-07-01"), EndAt: datep("2026-12-31"),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d holidays, want 2", len(all))
	}
	day(t, "first Date", all[0].Date, "2026-08-15")
	null(t, "first HalfDay", all[0].HalfDay)
	is(t, "second HalfDay", all[1].HalfDay, resources.CompanyHolidayHalfDayEndOfDay)
	null(t, "second Description", all[1].Description)
}

func TestGetCompanyHoliday(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/holidays/company_holidays/7001", status: 200, body: holidayNationalJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	h, err := c.Holidays.Get(t.Context(), "7001")
	must(t, err)
	eq(t, "ID", h.ID, "7001")
	is(t, "LocationID", h.LocationID, "12")
	is(t, "Summary", h.Summary, "Assumption of Mary")
	day(t, "Date", h.Date, "2026-08-15")
}

// Work areas.

const workAreaKitchenJSON = `{"id":"31","location_id":"12","name":"Kitchen","archived_at":null}`

// workAreaTerraceJSON is an archived work area.
const workAreaTerraceJSON = `{"id":"32","location_id":"12","name":"Terrace","archived_at":"2026-06-30T18:00:00.000+02:00"}`

func TestListWorkAreas(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/locations/work_areas", status: 200,
		body: page(onePage(2), workAreaKitchenJSON, workAreaTerraceJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"location_ids[]": {"12"}, "only_non_archived": {"false"}})
		},
	})
	all, err := c.Locations.ListWorkAreas(t.Context(), &resources.ListWorkAreasParams{
		LocationIDs: []string{"12"}, OnlyNonArchived: ptr(false),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d work areas, want 2", len(all))
	}
	eq(t, "ID", all[0].ID, "31")
	is(t, "LocationID", all[0].LocationID, "12")
	is(t, "Name", all[0].Name, "Kitchen")
	null(t, "ArchivedAt", all[0].ArchivedAt)
	is(t, "second ArchivedAt", all[1].ArchivedAt, "2026-06-30T18:00:00.000+02:00")
}

func TestCreateWorkArea(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/locations/work_areas", status: 201, body: workAreaKitchenJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"name":"Kitchen","location_id":"12"}`)
		},
	})
	w, err := c.Locations.CreateWorkArea(t.Context(), resources.WorkAreaCreate{Name: "Kitchen", LocationID: "12"})
	must(t, err)
	eq(t, "ID", w.ID, "31")
	is(t, "Name", w.Name, "Kitchen")
}

func TestGetWorkArea(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/locations/work_areas/32", status: 200, body: workAreaTerraceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	w, err := c.Locations.GetWorkArea(t.Context(), "32")
	must(t, err)
	eq(t, "ID", w.ID, "32")
	is(t, "ArchivedAt", w.ArchivedAt, "2026-06-30T18:00:00.000+02:00")
}

// TestUpdateWorkArea: the name is required on an update, besides the id.
func TestUpdateWorkArea(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/locations/work_areas/31", status: 200,
		body: `{"id":"31","location_id":"12","name":"Main kitchen","archived_at":null}`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"31","name":"Main kitchen"}`)
		},
	})
	w, err := c.Locations.UpdateWorkArea(t.Context(), "31", resources.WorkAreaUpdate{ID: "31", Name: "Main kitchen"})
	must(t, err)
	is(t, "Name", w.Name, "Main kitchen")
}

func TestArchiveWorkArea(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/locations/work_areas/archive", status: 200, body: workAreaTerraceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"32"}`) },
	})
	w, err := c.Locations.ArchiveWorkArea(t.Context(), resources.ArchiveWorkAreaInput{ID: "32"})
	must(t, err)
	is(t, "ArchivedAt", w.ArchivedAt, "2026-06-30T18:00:00.000+02:00")
}

func TestUnarchiveWorkArea(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/locations/work_areas/unarchive", status: 200,
		body:  `{"id":"32","location_id":"12","name":"Terrace","archived_at":null}`,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"32"}`) },
	})
	w, err := c.Locations.UnarchiveWorkArea(t.Context(), resources.UnarchiveWorkAreaInput{ID: "32"})
	must(t, err)
	eq(t, "ID", w.ID, "32")
	null(t, "ArchivedAt", w.ArchivedAt)
}
