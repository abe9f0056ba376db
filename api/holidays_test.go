package api_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// CompanyHoliday fixtures: YYYY-MM-DD dates, half_day null for a whole day
// or Factorial's misspelt beggining_of_day / end_of_day, and the location
// the holiday belongs to. The ids are the ones employees list in
// company_holiday_ids.

func TestListCompanyHolidays(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/company_holidays", Status: 200,
		Body: `[{"id":31,"summary":"Any Nou","description":null,"date":"2024-01-01","half_day":null,"location_id":1},` +
			`{"id":36,"summary":"La Mercè","description":"Morning off for the city festival","date":"2024-09-23","half_day":"beggining_of_day","location_id":1},` +
			`{"id":35,"summary":"Nit de Nadal","description":"Office closes at 14:00","date":"2024-12-24","half_day":"end_of_day","location_id":1},` +
			`{"id":40,"summary":"Sant Narcís","description":null,"date":"2024-10-29","half_day":null,"location_id":2}]`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			// No date filter exists: the client filters after the fact.
			noQuery(t, r)
			noBody(t, body)
		},
	}))
	res, err := c.ListCompanyHolidaysWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 4 {
		t.Fatalf("status %d, holidays = %v", res.StatusCode(), res.JSON200)
	}
	hs := *res.JSON200
	if h := hs[0]; h.ID != 31 || !ptrIs(h.Summary, "Any Nou") || h.Description != nil || h.HalfDay != nil || !dateIs(h.Date, "2024-01-01") {
		t.Errorf("whole day = %+v", h)
	}
	if h := hs[1]; h.HalfDay == nil || *h.HalfDay != api.CompanyHolidayHalfDayBegginingOfDay || !dateIs(h.Date, "2024-09-23") {
		t.Errorf("morning off = %+v (half_day %v)", h, h.HalfDay)
	}
	if h := hs[2]; h.HalfDay == nil || *h.HalfDay != api.CompanyHolidayHalfDayEndOfDay || !ptrIs(h.Description, "Office closes at 14:00") {
		t.Errorf("afternoon off = %+v (half_day %v)", h, h.HalfDay)
	}
	if h := hs[3]; h.ID != 40 || !ptrIs(h.LocationID, 2) {
		t.Errorf("Girona holiday = %+v", h)
	}
}

func TestGetCompanyHoliday(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/company_holidays/36", Status: 200,
		Body:  `{"id":36,"summary":"La Mercè","description":"Morning off for the city festival","date":"2024-09-23","half_day":"beggining_of_day","location_id":1}`,
		Check: func(t testing.TB, _ *http.Request, body []byte) { noBody(t, body) },
	}))
	res, err := c.GetCompanyHolidayWithResponse(context.Background(), 36)
	if err != nil {
		t.Fatal(err)
	}
	h := res.JSON200
	if h == nil {
		t.Fatalf("status %d, no typed body", res.StatusCode())
	}
	if h.ID != 36 || !ptrIs(h.Summary, "La Mercè") || !dateIs(h.Date, "2024-09-23") || !ptrIs(h.LocationID, 1) {
		t.Errorf("holiday = %+v", h)
	}
	if h.HalfDay == nil || *h.HalfDay != api.CompanyHolidayHalfDayBegginingOfDay || string(*h.HalfDay) != "beggining_of_day" {
		t.Errorf("HalfDay = %v, want the wire spelling beggining_of_day", h.HalfDay)
	}
}

func TestGetCompanyHoliday_NullHeavy(t *testing.T) {
	// A whole-day holiday with no description; summary and location_id are
	// nullable in another open-source client's model.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/company_holidays/41", Status: 200,
		Body: `{"id":41,"summary":null,"description":null,"date":"2024-12-26","half_day":null,"location_id":null}`,
	}))
	res, err := c.GetCompanyHolidayWithResponse(context.Background(), 41)
	if err != nil {
		t.Fatal(err)
	}
	h := res.JSON200
	if h == nil || h.ID != 41 || h.Summary != nil || h.Description != nil || h.HalfDay != nil || h.LocationID != nil || !dateIs(h.Date, "2024-12-26") {
		t.Fatalf("status %d, holiday = %+v", res.StatusCode(), h)
	}
}
