package api_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// clockInTime is the Postman collection's clock-in moment, ISO-8601 with a
// -02:00 offset; the client must send it with that offset, not in UTC.
var clockInTime = time.Date(2022, 1, 25, 12, 12, 1, 0, time.FixedZone("", -2*60*60))

// openShiftJSON is a v1 time registry right after clock-in: HH:MM wall
// clock, clock_out null while the employee is clocked in.
const openShiftJSON = `{"id":98101,"employee_id":7,"day":25,"month":1,"year":2022,"clock_in":"12:12","clock_out":null,"observations":null,"location_type":"office","in_location_latitude":null,"in_location_longitude":null,"in_location_accuracy":null,"out_location_latitude":null,"out_location_longitude":null,"out_location_accuracy":null}`

// closedShiftJSON is the same registry after clock-out.
const closedShiftJSON = `{"id":98101,"employee_id":7,"day":25,"month":1,"year":2022,"clock_in":"12:12","clock_out":"18:30","observations":"Left early for the dentist","location_type":"office","in_location_latitude":40.4168,"in_location_longitude":-3.7038,"in_location_accuracy":12.5,"out_location_latitude":40.4169,"out_location_longitude":-3.7035,"out_location_accuracy":9}`

func checkOpenShift(t testing.TB, s *api.Shift) {
	t.Helper()
	if s == nil || s.ID != 98101 || *s.EmployeeID != 7 || *s.Day != 25 || *s.Month != 1 || *s.Year != 2022 ||
		s.ClockIn == nil || *s.ClockIn != "12:12" || s.ClockOut != nil || s.Observations != nil || *s.LocationType != api.ShiftLocationTypeOffice || s.InLocationLatitude != nil {
		t.Fatalf("open shift = %+v", s)
	}
}

func checkClosedShift(t testing.TB, s *api.Shift) {
	t.Helper()
	if s == nil || s.ID != 98101 || *s.ClockIn != "12:12" || s.ClockOut == nil || *s.ClockOut != "18:30" ||
		*s.Observations != "Left early for the dentist" || *s.InLocationLatitude != 40.4168 || *s.OutLocationAccuracy != 9 {
		t.Fatalf("closed shift = %+v", s)
	}
}

func TestListShifts(t *testing.T) {
	// One finished day and one still open (clock_out null), HH:MM clocks.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/time/shifts", Status: 200,
		Body: `[
 {"id":98077,"employee_id":7,"day":24,"month":1,"year":2022,"clock_in":"08:00","clock_out":"17:00","observations":null,"location_type":"work_from_home","in_location_latitude":null,"in_location_longitude":null,"in_location_accuracy":null,"out_location_latitude":null,"out_location_longitude":null,"out_location_accuracy":null},
 ` + openShiftJSON + `
]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			if q := r.URL.Query(); q.Get("year") != "2022" || q.Get("month") != "1" {
				t.Errorf("query = %v, want year=2022 month=1", q)
			}
		},
	}))
	res, err := c.ListShiftsWithResponse(context.Background(), &api.ListShiftsParams{Year: apitest.Ptr(2022), Month: apitest.Ptr(1)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, shifts = %v", res.StatusCode(), res.JSON200)
	}
	done := (*res.JSON200)[0]
	if done.ID != 98077 || *done.ClockIn != "08:00" || *done.ClockOut != "17:00" || *done.Day != 24 || *done.LocationType != api.ShiftLocationTypeWorkFromHome {
		t.Errorf("closed shift = %+v", done)
	}
	checkOpenShift(t, &(*res.JSON200)[1])
}

func TestListShifts_RestrictedBasicUser(t *testing.T) {
	// A basic user listing colleagues' registries: only the calendar keys and
	// ids survive; clock times, observations and locations are null.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/time/shifts", Status: 200,
		Body: `[{"id":98090,"employee_id":12,"day":24,"month":1,"year":2022,"clock_in":null,"clock_out":null,"observations":null,"location_type":null,"in_location_latitude":null,"in_location_longitude":null,"in_location_accuracy":null,"out_location_latitude":null,"out_location_longitude":null,"out_location_accuracy":null}]`,
	}))
	res, err := c.ListShiftsWithResponse(context.Background(), &api.ListShiftsParams{Year: apitest.Ptr(2022), Month: apitest.Ptr(1)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, shifts = %v", res.StatusCode(), res.JSON200)
	}
	s := (*res.JSON200)[0]
	if s.ID != 98090 || *s.EmployeeID != 12 || s.ClockIn != nil || s.ClockOut != nil || s.LocationType != nil || s.OutLocationLongitude != nil {
		t.Errorf("restricted shift = %+v", s)
	}
}

func TestClockIn(t *testing.T) {
	// 200 in the 2022 spec and Postman collection, 201 in the 2024 spec.
	for _, status := range []int{200, 201} {
		c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
			Method: http.MethodPost, Path: "/api/v1/time/shifts/clock_in", Status: status, Body: openShiftJSON,
			Check: func(t testing.TB, r *http.Request, body []byte) {
				m := apitest.JSONBody(t, r, body)
				if m["now"] != "2022-01-25T12:12:01-02:00" || m["employee_id"] != float64(7) || m["location_type"] != "office" {
					t.Errorf("body = %v", m)
				}
				if _, ok := m["observations"]; ok {
					t.Errorf("unset observations was sent: %v", m)
				}
			},
		}))
		res, err := c.ClockInWithResponse(context.Background(), api.ClockInJSONRequestBody{
			EmployeeID: 7, Now: clockInTime, LocationType: apitest.Ptr(api.ClockInInputLocationTypeOffice),
		})
		if err != nil {
			t.Fatal(err)
		}
		if res.StatusCode() != status {
			t.Fatalf("status %d, want %d", res.StatusCode(), status)
		}
		if status == 200 {
			checkOpenShift(t, res.JSON200)
			if res.JSON201 != nil {
				t.Errorf("200: JSON201 set")
			}
		} else {
			checkOpenShift(t, res.JSON201)
			if res.JSON200 != nil {
				t.Errorf("201: JSON200 set")
			}
		}
	}
}

func TestClockOut(t *testing.T) {
	now := time.Date(2022, 1, 25, 18, 30, 0, 0, time.FixedZone("", -2*60*60))
	for _, status := range []int{200, 201} {
		c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
			Method: http.MethodPost, Path: "/api/v1/time/shifts/clock_out", Status: status, Body: closedShiftJSON,
			Check: func(t testing.TB, r *http.Request, body []byte) {
				m := apitest.JSONBody(t, r, body)
				if m["now"] != "2022-01-25T18:30:00-02:00" || m["employee_id"] != float64(7) || m["observations"] != "Left early for the dentist" {
					t.Errorf("body = %v", m)
				}
			},
		}))
		res, err := c.ClockOutWithResponse(context.Background(), api.ClockOutJSONRequestBody{
			EmployeeID: 7, Now: now, Observations: apitest.Ptr("Left early for the dentist"),
		})
		if err != nil {
			t.Fatal(err)
		}
		if status == 200 {
			checkClosedShift(t, res.JSON200)
		} else {
			checkClosedShift(t, res.JSON201)
		}
	}
}

func TestToggleClock(t *testing.T) {
	// The toggle opens a shift when the employee is clocked out (201, 2024
	// spec) and closes it otherwise (200 declared like clock_in/out).
	cases := []struct {
		status int
		body   string
		now    time.Time
		wire   string
		check  func(testing.TB, *api.Shift)
	}{
		{201, openShiftJSON, clockInTime, "2022-01-25T12:12:01-02:00", checkOpenShift},
		{200, closedShiftJSON, time.Date(2022, 1, 25, 18, 30, 0, 0, time.FixedZone("", -2*60*60)), "2022-01-25T18:30:00-02:00", checkClosedShift},
	}
	for _, tc := range cases {
		c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
			Method: http.MethodPost, Path: "/api/v1/time/shifts/toggle", Status: tc.status, Body: tc.body,
			Check: func(t testing.TB, r *http.Request, body []byte) {
				m := apitest.JSONBody(t, r, body)
				if m["now"] != tc.wire || m["employee_id"] != float64(7) || len(m) != 2 {
					t.Errorf("body = %v", m)
				}
			},
		}))
		res, err := c.ToggleClockWithResponse(context.Background(), api.ToggleClockJSONRequestBody{EmployeeID: 7, Now: tc.now})
		if err != nil {
			t.Fatal(err)
		}
		if tc.status == 200 {
			tc.check(t, res.JSON200)
		} else {
			tc.check(t, res.JSON201)
		}
	}
}

func TestUpdateShift(t *testing.T) {
	for _, status := range []int{200, 201} {
		c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
			Method: http.MethodPut, Path: "/api/v1/time/shifts/98101", Status: status,
			Body: `{"id":98101,"employee_id":7,"day":25,"month":1,"year":2022,"clock_in":"12:30","clock_out":"14:00","observations":"Fixed forgotten clock-out","location_type":"office","in_location_latitude":null,"in_location_longitude":null,"in_location_accuracy":null,"out_location_latitude":null,"out_location_longitude":null,"out_location_accuracy":null}`,
			Check: func(t testing.TB, r *http.Request, body []byte) {
				m := apitest.JSONBody(t, r, body)
				if m["clock_in"] != "12:30" || m["clock_out"] != "14:00" || m["observations"] != "Fixed forgotten clock-out" {
					t.Errorf("body = %v", m)
				}
			},
		}))
		res, err := c.UpdateShiftWithResponse(context.Background(), 98101, api.UpdateShiftJSONRequestBody{
			ClockIn: apitest.Ptr("12:30"), ClockOut: apitest.Ptr("14:00"), Observations: apitest.Ptr("Fixed forgotten clock-out"),
		})
		if err != nil {
			t.Fatal(err)
		}
		s := res.JSON200
		if status == 201 {
			s = res.JSON201
		}
		if s == nil || s.ID != 98101 || *s.ClockIn != "12:30" || *s.ClockOut != "14:00" {
			t.Fatalf("status %d: shift = %+v", status, s)
		}
	}
}

func TestDeleteShift(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/time/shifts/98101", Status: 200, Body: openShiftJSON,
	}))
	res, err := c.DeleteShiftWithResponse(context.Background(), 98101)
	if err != nil {
		t.Fatal(err)
	}
	checkOpenShift(t, res.JSON200)
}

func TestDeleteShift_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/time/shifts/98101", Status: 204,
	}))
	res, err := c.DeleteShiftWithResponse(context.Background(), 98101)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil || len(res.Body) != 0 {
		t.Fatalf("status %d, JSON200 %v, body %q", res.StatusCode(), res.JSON200, res.Body)
	}
}

// attendanceJSON: a closed office day with geolocation, and an open
// remote record (clock_out null) whose location fields are null.
const attendanceJSON = `[
 {"id":55012,"employee_id":1,"clock_in":"2024-03-04T08:00:00.000Z","clock_out":"2024-03-04T16:30:00.000Z","observations":"Client visit in Alcobendas","location_type":"business_trip","half_day":null,"in_location_latitude":40.5475,"in_location_longitude":-3.6419,"in_location_accuracy":15.2,"out_location_latitude":40.5472,"out_location_longitude":-3.6421,"out_location_accuracy":11,"workable":true,"automatic_clock_in":false,"automatic_clock_out":false,"time_settings_break_configuration_id":null},
 {"id":55020,"employee_id":2,"clock_in":"2024-03-05T07:45:12.000Z","clock_out":null,"observations":null,"location_type":"work_from_home","half_day":null,"in_location_latitude":null,"in_location_longitude":null,"in_location_accuracy":null,"out_location_latitude":null,"out_location_longitude":null,"out_location_accuracy":null,"workable":true,"automatic_clock_in":false,"automatic_clock_out":null,"time_settings_break_configuration_id":null}
]`

func TestListAttendance_BracketArrayQuery(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/time/attendance", Status: 200, Body: attendanceJSON,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantBracketArray(t, r, "employee_ids[]", "1", "2")
			// Generated client: percent-encoded brackets, one key per value.
			const want = "employee_ids%5B%5D=1&employee_ids%5B%5D=2&date_from=2024-03-04&date_to=2024-03-08"
			wantRawQuery(t, r, want)
		},
	}))
	res, err := c.ListAttendanceWithResponse(context.Background(), &api.ListAttendanceParams{
		EmployeeIDs: []int{1, 2}, DateFrom: apitest.Ptr(mustDate(t, "2024-03-04")), DateTo: apitest.Ptr(mustDate(t, "2024-03-08")),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, attendance = %v", res.StatusCode(), res.JSON200)
	}
	a, open := (*res.JSON200)[0], (*res.JSON200)[1]
	if a.ID != 55012 || *a.EmployeeID != 1 || !a.ClockIn.Equal(time.Date(2024, 3, 4, 8, 0, 0, 0, time.UTC)) ||
		!a.ClockOut.Equal(time.Date(2024, 3, 4, 16, 30, 0, 0, time.UTC)) || *a.LocationType != api.AttendanceLocationTypeBusinessTrip ||
		*a.InLocationLatitude != 40.5475 || !*a.Workable || *a.AutomaticClockIn || a.HalfDay != nil || a.TimeSettingsBreakConfigurationID != nil {
		t.Errorf("closed record = %+v", a)
	}
	if open.ID != 55020 || open.ClockOut != nil || open.Observations != nil || open.InLocationLatitude != nil || open.AutomaticClockOut != nil ||
		*open.LocationType != api.AttendanceLocationTypeWorkFromHome {
		t.Errorf("open record = %+v", open)
	}
}

func TestListAttendance_HalfDaySpellings(t *testing.T) {
	// The 2024 spec spells beginning_of_day on attendance only; leaves and
	// holidays send beggining_of_day. Both decode to their own constants.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/time/attendance", Status: 200,
		Body: `[
 {"id":55030,"employee_id":7,"clock_in":"2024-03-06T08:00:00.000Z","clock_out":"2024-03-06T12:00:00.000Z","observations":null,"location_type":"office","half_day":"beginning_of_day","workable":true,"automatic_clock_in":false,"automatic_clock_out":false,"time_settings_break_configuration_id":null},
 {"id":55031,"employee_id":7,"clock_in":"2024-03-07T13:00:00.000Z","clock_out":"2024-03-07T17:00:00.000Z","observations":null,"location_type":"office","half_day":"beggining_of_day","workable":true,"automatic_clock_in":false,"automatic_clock_out":false,"time_settings_break_configuration_id":null}
]`,
	}))
	res, err := c.ListAttendanceWithResponse(context.Background(), &api.ListAttendanceParams{EmployeeIDs: []int{7}})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, attendance = %v", res.StatusCode(), res.JSON200)
	}
	if h := (*res.JSON200)[0].HalfDay; h == nil || *h != api.AttendanceHalfDayBeginningOfDay {
		t.Errorf("half_day = %v", h)
	}
	if h := (*res.JSON200)[1].HalfDay; h == nil || *h != api.AttendanceHalfDayBegginingOfDay {
		t.Errorf("half_day = %v", h)
	}
}

func TestCreateAttendance(t *testing.T) {
	in := time.Date(2024, 3, 4, 9, 0, 0, 0, time.FixedZone("", 60*60))
	out := time.Date(2024, 3, 4, 17, 30, 0, 0, time.FixedZone("", 60*60))
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v2/time/attendance", Status: 201,
		Body: `{"id":55040,"employee_id":7,"clock_in":"2024-03-04T08:00:00.000Z","clock_out":"2024-03-04T16:30:00.000Z","observations":"Forgot to clock in","location_type":"office","half_day":null,"in_location_latitude":null,"in_location_longitude":null,"in_location_accuracy":null,"out_location_latitude":null,"out_location_longitude":null,"out_location_accuracy":null,"workable":true,"automatic_clock_in":false,"automatic_clock_out":false,"time_settings_break_configuration_id":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["employee_id"] != float64(7) || m["clock_in"] != "2024-03-04T09:00:00+01:00" || m["clock_out"] != "2024-03-04T17:30:00+01:00" ||
				m["observations"] != "Forgot to clock in" || m["location_type"] != "office" {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.CreateAttendanceWithResponse(context.Background(), api.CreateAttendanceJSONRequestBody{
		EmployeeID: 7, ClockIn: in, ClockOut: out, Observations: apitest.Ptr("Forgot to clock in"),
		LocationType: apitest.Ptr(api.AttendanceCreateLocationTypeOffice),
	})
	if err != nil {
		t.Fatal(err)
	}
	a := res.JSON201
	if a == nil || a.ID != 55040 || !a.ClockIn.Equal(in) || !a.ClockOut.Equal(out) || *a.Observations != "Forgot to clock in" {
		t.Fatalf("status %d, attendance = %+v", res.StatusCode(), a)
	}
}

func TestListAttendanceBulk(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v2/core/bulk/attendance", Status: 200, Body: attendanceJSON,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			if len(body) != 0 {
				t.Errorf("bulk read sent a body: %q", body)
			}
		},
	}))
	res, err := c.ListAttendanceBulkWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, attendance = %v", res.StatusCode(), res.JSON200)
	}
	if a := (*res.JSON200)[1]; a.ID != 55020 || *a.EmployeeID != 2 || a.ClockOut != nil {
		t.Errorf("record = %+v", a)
	}
}

func TestStartBreak(t *testing.T) {
	now := time.Date(2024, 3, 4, 13, 0, 0, 0, time.FixedZone("", 60*60))
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/time/breaks/start", Status: 201,
		Body: `{"id":55041,"employee_id":7,"clock_in":"2024-03-04T12:00:00.000Z","clock_out":null,"observations":"Lunch","location_type":"office","half_day":null,"in_location_latitude":null,"in_location_longitude":null,"in_location_accuracy":null,"out_location_latitude":null,"out_location_longitude":null,"out_location_accuracy":null,"workable":false,"automatic_clock_in":false,"automatic_clock_out":false,"time_settings_break_configuration_id":3}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["now"] != "2024-03-04T13:00:00+01:00" || m["employee_id"] != float64(7) || m["observations"] != "Lunch" ||
				m["time_settings_break_configuration_id"] != float64(3) {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.StartBreakWithResponse(context.Background(), api.StartBreakJSONRequestBody{
		EmployeeID: 7, Now: now, Observations: apitest.Ptr("Lunch"), TimeSettingsBreakConfigurationID: apitest.Ptr(3),
	})
	if err != nil {
		t.Fatal(err)
	}
	a := res.JSON201
	if a == nil || a.ID != 55041 || !a.ClockIn.Equal(now) || a.ClockOut != nil || *a.Workable || *a.TimeSettingsBreakConfigurationID != 3 {
		t.Fatalf("status %d, break = %+v", res.StatusCode(), a)
	}
}

func TestEndBreak(t *testing.T) {
	now := time.Date(2024, 3, 4, 13, 45, 0, 0, time.FixedZone("", 60*60))
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/time/breaks/end", Status: 201,
		Body: `{"id":55041,"employee_id":7,"clock_in":"2024-03-04T12:00:00.000Z","clock_out":"2024-03-04T12:45:00.000Z","observations":"Lunch","location_type":"office","half_day":null,"in_location_latitude":null,"in_location_longitude":null,"in_location_accuracy":null,"out_location_latitude":null,"out_location_longitude":null,"out_location_accuracy":null,"workable":false,"automatic_clock_in":false,"automatic_clock_out":false,"time_settings_break_configuration_id":3}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["now"] != "2024-03-04T13:45:00+01:00" || m["employee_id"] != float64(7) {
				t.Errorf("body = %v", m)
			}
			if _, ok := m["observations"]; ok {
				t.Errorf("unset observations was sent: %v", m)
			}
		},
	}))
	res, err := c.EndBreakWithResponse(context.Background(), api.EndBreakJSONRequestBody{EmployeeID: 7, Now: now})
	if err != nil {
		t.Fatal(err)
	}
	a := res.JSON201
	if a == nil || a.ID != 55041 || a.ClockOut == nil || !a.ClockOut.Equal(now) || a.ClockOut.Sub(*a.ClockIn) != 45*time.Minute {
		t.Fatalf("status %d, break = %+v", res.StatusCode(), a)
	}
}

func TestCreateBreak(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/time/breaks", Status: 201,
		Body: `{"id":55050,"employee_id":7,"clock_in":"2024-03-05T10:30:00.000Z","clock_out":"2024-03-05T10:45:00.000Z","observations":"Coffee","location_type":null,"half_day":null,"in_location_latitude":null,"in_location_longitude":null,"in_location_accuracy":null,"out_location_latitude":null,"out_location_longitude":null,"out_location_accuracy":null,"workable":false,"automatic_clock_in":null,"automatic_clock_out":null,"time_settings_break_configuration_id":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["employee_id"] != float64(7) || m["break_start"] != "2024-03-05T11:30:00+01:00" || m["break_end"] != "2024-03-05T11:45:00+01:00" || m["observations"] != "Coffee" {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.CreateBreakWithResponse(context.Background(), api.CreateBreakJSONRequestBody{
		EmployeeID: 7, BreakStart: "2024-03-05T11:30:00+01:00", BreakEnd: "2024-03-05T11:45:00+01:00", Observations: apitest.Ptr("Coffee"),
	})
	if err != nil {
		t.Fatal(err)
	}
	a := res.JSON201
	if a == nil || a.ID != 55050 || *a.Workable || a.LocationType != nil || a.TimeSettingsBreakConfigurationID != nil ||
		a.ClockOut.Sub(*a.ClockIn) != 15*time.Minute {
		t.Fatalf("status %d, break = %+v", res.StatusCode(), a)
	}
}

func TestListBreakConfigurationsForDates(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/time/break_configurations_for_dates", Status: 200,
		Body: `[
 {"date":"2024-03-08","break_configurations":[{"time_settings_break_configuration_id":3,"name":"Lunch","paid":false},{"time_settings_break_configuration_id":4,"name":"Coffee break","paid":true}]},
 {"date":"2024-03-09","break_configurations":[]}
]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			q := r.URL.Query()
			if q.Get("start_at") != "2024-03-08" || q.Get("end_at") != "2024-03-09" || q.Get("employee_id") != "7" {
				t.Errorf("query = %v", q)
			}
		},
	}))
	res, err := c.ListBreakConfigurationsForDatesWithResponse(context.Background(), &api.ListBreakConfigurationsForDatesParams{
		StartAt: apitest.Ptr("2024-03-08"), EndAt: apitest.Ptr("2024-03-09"), EmployeeID: apitest.Ptr(7),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, configurations = %v", res.StatusCode(), res.JSON200)
	}
	day := (*res.JSON200)[0]
	if *day.Date != "2024-03-08" || len(day.BreakConfigurations) != 2 {
		t.Fatalf("day = %+v", day)
	}
	if b := day.BreakConfigurations[1]; *b.TimeSettingsBreakConfigurationID != 4 || *b.Name != "Coffee break" || !*b.Paid {
		t.Errorf("break configuration = %+v", b)
	}
	if weekend := (*res.JSON200)[1]; *weekend.Date != "2024-03-09" || weekend.BreakConfigurations == nil || len(weekend.BreakConfigurations) != 0 {
		t.Errorf("weekend = %+v", weekend)
	}
}
