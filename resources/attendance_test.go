package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/resources"
)

// Attendance shifts. Responses give clock_in/clock_out as times of day
// (HH:MM); requests send timestamps with their UTC offset.

// shiftMorningJSON is a closed office shift with a geolocated clock-in.
const shiftMorningJSON = `{"id":"990101","employee_id":"4243","company_id":"77","date":"2026-07-06","reference_date":"2026-07-06",` +
	`"clock_in":"08:30","clock_out":"14:00","clock_in_with_seconds":"08:30:12","minutes":330,"workable":true,"half_day":null,` +
	`"location_type":"office","workplace_id":"12","time_settings_break_configuration_id":null,"in_source":"mobile_geolocation",` +
	`"out_source":"desktop","observations":null,"in_location_latitude":41.3996,"in_location_longitude":2.1953,` +
	`"in_location_accuracy":12.5,"out_location_latitude":null,"out_location_longitude":null,"out_location_accuracy":null,` +
	`"created_at":"2026-07-06T08:30:12.000+02:00","updated_at":"2026-07-06T14:00:03.000+02:00"}`

// shiftBreakJSON is a lunch break: workable false, with its break kind.
const shiftBreakJSON = `{"id":"990102","employee_id":"4243","company_id":"77","date":"2026-07-06","reference_date":"2026-07-06",` +
	`"clock_in":"14:00","clock_out":"14:45","clock_in_with_seconds":"14:00:03","minutes":45,"workable":false,"half_day":null,` +
	`"location_type":null,"workplace_id":null,"time_settings_break_configuration_id":"15","in_source":"desktop",` +
	`"out_source":"desktop","observations":"Lunch","created_at":"2026-07-06T14:00:03.000+02:00",` +
	`"updated_at":"2026-07-06T14:45:10.000+02:00"}`

// shiftNightJSON crosses midnight: its date is the 7th, but it counts for
// the 6th (reference_date).
const shiftNightJSON = `{"id":"990103","employee_id":"4250","company_id":"77","date":"2026-07-07","reference_date":"2026-07-06",` +
	`"clock_in":"00:00","clock_out":"02:00","clock_in_with_seconds":"00:00:00","minutes":120,"workable":true,` +
	`"half_day":"end_of_day","location_type":"work_from_home","workplace_id":null,"in_source":"system","out_source":"mobile",` +
	`"observations":null,"created_at":"2026-07-07T02:00:10.000+02:00","updated_at":"2026-07-07T02:00:10.000+02:00"}`

// shiftOpenJSON is a shift opened by ClockIn and not yet closed.
const shiftOpenJSON = `{"id":"990110","employee_id":"4243","company_id":"77","date":"2026-07-07","reference_date":"2026-07-07",` +
	`"clock_in":"08:58","clock_out":null,"clock_in_with_seconds":"08:58:12","minutes":0,"workable":true,"half_day":null,` +
	`"location_type":"office","workplace_id":"12","time_settings_break_configuration_id":null,"in_source":"api",` +
	`"out_source":null,"observations":null,"in_location_latitude":41.3996,"in_location_longitude":2.1953,` +
	`"in_location_accuracy":12.5,"created_at":"2026-07-07T08:58:12.000+02:00","updated_at":"2026-07-07T08:58:12.000+02:00"}`

// shiftClosedJSON is shiftOpenJSON after ClockOut.
const shiftClosedJSON = `{"id":"990110","employee_id":"4243","company_id":"77","date":"2026-07-07","reference_date":"2026-07-07",` +
	`"clock_in":"08:58","clock_out":"17:31","clock_in_with_seconds":"08:58:12","minutes":513,"workable":true,"half_day":null,` +
	`"location_type":"office","workplace_id":"12","in_source":"api","out_source":"api","observations":"Closed sprint review",` +
	`"in_location_latitude":41.3996,"in_location_longitude":2.1953,"in_location_accuracy":12.5,` +
	`"out_location_latitude":41.3998,"out_location_longitude":2.1951,"out_location_accuracy":8,` +
	`"created_at":"2026-07-07T08:58:12.000+02:00","updated_at":"2026-07-07T17:31:40.000+02:00"}`

func checkMorningShift(t *testing.T, s resources.Shift) {
	t.Helper()
	eq(t, "ID", s.ID, "990101")
	is(t, "EmployeeID", s.EmployeeID, "4243")
	day(t, "Date", s.Date, "2026-07-06")
	day(t, "ReferenceDate", s.ReferenceDate, "2026-07-06")
	is(t, "ClockIn", s.ClockIn, "08:30")
	is(t, "ClockOut", s.ClockOut, "14:00")
	is(t, "ClockInWithSeconds", s.ClockInWithSeconds, "08:30:12")
	is(t, "Minutes", s.Minutes, 330)
	is(t, "Workable", s.Workable, true)
	is(t, "LocationType", s.LocationType, resources.ShiftLocationTypeOffice)
	is(t, "WorkplaceID", s.WorkplaceID, "12")
	is(t, "InSource", s.InSource, "mobile_geolocation")
	is(t, "InLocationLatitude", s.InLocationLatitude, float32(41.3996))
	is(t, "InLocationAccuracy", s.InLocationAccuracy, float32(12.5))
	null(t, "OutLocationLatitude", s.OutLocationLatitude)
	null(t, "HalfDay", s.HalfDay)
	at(t, "CreatedAt", s.CreatedAt, "2026-07-06T06:30:12Z")
}

// TestListShiftsUnpaginated: the shifts list answers everything at once
// (paginateable false, limit null); List stops after that one response.
func TestListShiftsUnpaginated(t *testing.T) {
	c, f := newClient(t, exchange{
		method: http.MethodGet, path: "/attendance/shifts", status: 200,
		body: page(`{"has_next_page":false,"has_previous_page":false,"limit":null,"total":3,"paginateable":false}`,
			shiftMorningJSON, shiftBreakJSON, shiftNightJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_ids[]": {"4243", "4250"}, "start_on": {"2026-07-06"}, "end_on": {"2026-07-07"}})
			wantRawQuery(t, r, "employee_ids%5B%5D=4243&employee_ids%5B%5D=4250&start_on=2026-07-06&end_on=2026-07-07")
		},
	})
	all, err := c.Attendance.List(t.Context(), &resources.ListShiftsParams{
		EmployeeIDs: []string{"4243", "4250"}, StartOn: datep("2026-07-06"), EndOn: datep("2026-07-07"),
	})
	must(t, err)
	if len(all) != 3 || f.served() != 1 {
		t.Fatalf("%d shifts in %d requests, want 3 in 1", len(all), f.served())
	}
	checkMorningShift(t, all[0])
	is(t, "break Workable", all[1].Workable, false)
	is(t, "break TimeSettingsBreakConfigurationID", all[1].TimeSettingsBreakConfigurationID, "15")
	is(t, "break Observations", all[1].Observations, "Lunch")
	day(t, "night Date", all[2].Date, "2026-07-07")
	day(t, "night ReferenceDate", all[2].ReferenceDate, "2026-07-06")
	is(t, "night HalfDay", all[2].HalfDay, resources.ShiftHalfDayEndOfDay)
	is(t, "night LocationType", all[2].LocationType, resources.ShiftLocationTypeWorkFromHome)
}

// TestListShiftsPageMeta reads the unpaginated meta through ListPage and
// sends the boolean filters, false included.
func TestListShiftsPageMeta(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/attendance/shifts", status: 200,
		body: page(`{"has_next_page":false,"has_previous_page":false,"limit":null,"total":1,"paginateable":false}`, shiftBreakJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"employee_ids[]": {"4243"}, "updated_at": {"2026-07-06"}, "workable": {"false"},
				"sort_created_at_asc": {"true"}})
		},
	})
	pg, err := c.Attendance.ListPage(t.Context(), &resources.ListShiftsParams{
		EmployeeIDs: []string{"4243"}, UpdatedAt: datep("2026-07-06"), Workable: ptr(false), SortCreatedAtAsc: ptr(true),
	})
	must(t, err)
	null(t, "Meta.Limit", pg.Meta.Limit)
	is(t, "Meta.Paginateable", pg.Meta.Paginateable, false)
	eq(t, "Meta.Total", pg.Meta.Total, 1)
	if len(pg.Data) != 1 || pg.Data[0].ID != "990102" {
		t.Fatalf("shifts = %+v, want 990102", pg.Data)
	}
}

// TestCreateShift records a whole shift: timestamps with offset in, times
// of day out.
func TestCreateShift(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/attendance/shifts", status: 201, body: shiftMorningJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"employee_id":"4243","date":"2026-07-06","reference_date":"2026-07-06",`+
				`"clock_in":"2026-07-06T08:30:00+02:00","clock_out":"2026-07-06T14:00:00+02:00","workable":true,`+
				`"location_type":"office","source":"api"}`)
		},
	})
	s, err := c.Attendance.Create(t.Context(), resources.ShiftCreate{
		EmployeeID: ptr("4243"), Date: date("2026-07-06"), ReferenceDate: datep("2026-07-06"),
		ClockIn: ptr(clock(6, 8, 30, 0)), ClockOut: ptr(clock(6, 14, 0, 0)), Workable: ptr(true),
		LocationType: ptr(resources.ShiftLocationTypeOffice), Source: ptr(resources.ShiftSourceAPI),
	})
	must(t, err)
	checkMorningShift(t, s)
}

func TestGetShift(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/attendance/shifts/990101", status: 200, body: shiftMorningJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	s, err := c.Attendance.Get(t.Context(), "990101")
	must(t, err)
	checkMorningShift(t, s)
}

func TestUpdateShift(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/attendance/shifts/990101", status: 200, body: shiftMorningJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"990101","clock_in":"2026-07-06T08:30:00+02:00","clock_out":"2026-07-06T14:00:00+02:00",`+
				`"workplace_id":"12","observations":"Forgot to clock in at the door"}`)
		},
	})
	s, err := c.Attendance.Update(t.Context(), "990101", resources.ShiftUpdate{
		ID: "990101", ClockIn: ptr(clock(6, 8, 30, 0)), ClockOut: ptr(clock(6, 14, 0, 0)), WorkplaceID: ptr("12"),
		Observations: ptr("Forgot to clock in at the door"),
	})
	must(t, err)
	checkMorningShift(t, s)
}

func TestDeleteShift(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/attendance/shifts/990103", status: 200, body: shiftNightJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	s, err := c.Attendance.Delete(t.Context(), "990103")
	must(t, err)
	eq(t, "ID", s.ID, "990103")
	is(t, "Minutes", s.Minutes, 120)
}

// TestAutofillShifts: the action answers a bare array of the shifts it
// created, not a page.
func TestAutofillShifts(t *testing.T) {
	const planned = `{"id":"990201","employee_id":"4242","company_id":"77","date":"2026-07-06","reference_date":"2026-07-06",` +
		`"clock_in":"09:00","clock_out":"17:00","minutes":480,"workable":true,"in_source":"system","out_source":"system",` +
		`"created_at":"2026-07-10T18:00:00.000+02:00","updated_at":"2026-07-10T18:00:00.000+02:00"}`
	const planned2 = `{"id":"990202","employee_id":"4243","company_id":"77","date":"2026-07-06","reference_date":"2026-07-06",` +
		`"clock_in":"08:00","clock_out":"15:00","minutes":420,"workable":true,"in_source":"system","out_source":"system",` +
		`"created_at":"2026-07-10T18:00:00.000+02:00","updated_at":"2026-07-10T18:00:00.000+02:00"}`
	c := one(t, exchange{
		method: http.MethodPost, path: "/attendance/shifts/autofill", status: 200, body: `[` + planned + `,` + planned2 + `]`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"employee_ids":["4242","4243"],"start_on":"2026-07-06","end_on":"2026-07-10","source":"desktop"}`)
		},
	})
	shifts, err := c.Attendance.Autofill(t.Context(), resources.AutofillShiftsInput{
		EmployeeIDs: []string{"4242", "4243"}, StartOn: date("2026-07-06"), EndOn: date("2026-07-10"), Source: ptr("desktop"),
	})
	must(t, err)
	if len(shifts) != 2 {
		t.Fatalf("%d shifts, want 2", len(shifts))
	}
	eq(t, "first ID", shifts[0].ID, "990201")
	is(t, "first Minutes", shifts[0].Minutes, 480)
	is(t, "second EmployeeID", shifts[1].EmployeeID, "4243")
	is(t, "second InSource", shifts[1].InSource, "system")
}

func TestStartShiftBreak(t *testing.T) {
	const onBreak = `{"id":"990111","employee_id":"4243","company_id":"77","date":"2026-07-07","reference_date":"2026-07-07",` +
		`"clock_in":"13:30","clock_out":null,"clock_in_with_seconds":"13:30:00","minutes":0,"workable":false,` +
		`"time_settings_break_configuration_id":"15","in_source":"api","out_source":null,"observations":null,` +
		`"created_at":"2026-07-07T13:30:00.000+02:00","updated_at":"2026-07-07T13:30:00.000+02:00"}`
	c := one(t, exchange{
		method: http.MethodPost, path: "/attendance/shifts/break_start", status: 200, body: onBreak,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"now":"2026-07-07T13:30:00+02:00","employee_id":"4243","time_settings_break_configuration_id":"15"}`)
		},
	})
	s, err := c.Attendance.StartBreak(t.Context(), resources.StartShiftBreakInput{
		Now: clock(7, 13, 30, 0), EmployeeID: ptr("4243"), TimeSettingsBreakConfigurationID: ptr("15"),
	})
	must(t, err)
	eq(t, "ID", s.ID, "990111")
	is(t, "Workable", s.Workable, false)
	null(t, "ClockOut", s.ClockOut)
}

func TestEndShiftBreak(t *testing.T) {
	const breakOver = `{"id":"990111","employee_id":"4243","company_id":"77","date":"2026-07-07","reference_date":"2026-07-07",` +
		`"clock_in":"13:30","clock_out":"14:05","minutes":35,"workable":false,"time_settings_break_configuration_id":"15",` +
		`"in_source":"api","out_source":"api","created_at":"2026-07-07T13:30:00.000+02:00",` +
		`"updated_at":"2026-07-07T14:05:00.000+02:00"}`
	c := one(t, exchange{
		method: http.MethodPost, path: "/attendance/shifts/break_end", status: 200, body: breakOver,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"now":"2026-07-07T14:05:00+02:00","employee_id":"4243","project_worker_id":"3301"}`)
		},
	})
	s, err := c.Attendance.EndBreak(t.Context(), resources.EndShiftBreakInput{
		Now: clock(7, 14, 5, 0), EmployeeID: ptr("4243"), ProjectWorkerID: ptr("3301"),
	})
	must(t, err)
	is(t, "ClockOut", s.ClockOut, "14:05")
	is(t, "Minutes", s.Minutes, 35)
}

func TestClockIn(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/attendance/shifts/clock_in", status: 200, body: shiftOpenJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"now":"2026-07-07T08:58:12+02:00","employee_id":"4243","location_type":"office",`+
				`"workplace_id":"12","latitude":41.3996,"longitude":2.1953,"accuracy":12.5}`)
		},
	})
	s, err := c.Attendance.ClockIn(t.Context(), resources.ClockInInput{
		Now: clock(7, 8, 58, 12), EmployeeID: ptr("4243"), LocationType: ptr(resources.ShiftLocationTypeOffice),
		WorkplaceID: ptr("12"), Latitude: ptr(float32(41.3996)), Longitude: ptr(float32(2.1953)), Accuracy: ptr(float32(12.5)),
	})
	must(t, err)
	eq(t, "ID", s.ID, "990110")
	is(t, "ClockIn", s.ClockIn, "08:58")
	null(t, "ClockOut", s.ClockOut)
	null(t, "OutSource", s.OutSource)
	is(t, "InSource", s.InSource, "api")
}

func TestClockOut(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/attendance/shifts/clock_out", status: 200, body: shiftClosedJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"now":"2026-07-07T17:31:40+02:00","employee_id":"4243","latitude":41.3998,`+
				`"longitude":2.1951,"accuracy":8,"observations":"Closed sprint review"}`)
		},
	})
	s, err := c.Attendance.ClockOut(t.Context(), resources.ClockOutInput{
		Now: clock(7, 17, 31, 40), EmployeeID: ptr("4243"), Latitude: ptr(float32(41.3998)), Longitude: ptr(float32(2.1951)),
		Accuracy: ptr(float32(8)), Observations: ptr("Closed sprint review"),
	})
	must(t, err)
	eq(t, "ID", s.ID, "990110")
	is(t, "ClockOut", s.ClockOut, "17:31")
	is(t, "Minutes", s.Minutes, 513)
	is(t, "OutLocationAccuracy", s.OutLocationAccuracy, float32(8))
	at(t, "UpdatedAt", s.UpdatedAt, "2026-07-07T15:31:40Z")
}

func TestToggleClock(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/attendance/shifts/toggle_clock", status: 200, body: shiftOpenJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"employee_id":"4243","clock_time":"2026-07-07T08:58:12+02:00","location_type":"office",`+
				`"project_id":"120"}`)
		},
	})
	s, err := c.Attendance.ToggleClock(t.Context(), resources.ToggleClockInput{
		EmployeeID: "4243", ClockTime: clock(7, 8, 58, 12), LocationType: ptr(resources.ShiftLocationTypeOffice),
		ProjectID: ptr("120"),
	})
	must(t, err)
	eq(t, "ID", s.ID, "990110")
	null(t, "ClockOut", s.ClockOut)
}
