package api_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// Leaves, leave types and shifts on their 2021-22 flat paths, in the 2022
// shapes: day-based leaves with the
// beggining_of_day typo, HH:MM shift clock times, deletes answering 204.

// legacyLeaveJSON is a whole-day, approved leave as an admin sees it (2022 shape:
// no hours_amount_in_cents).
const legacyLeaveJSON = `{"id":4187,"description":"Vacaciones de verano","approved":true,"employee_id":7,` +
	`"employee_full_name":"Ana Ruiz","leave_type_id":311,"leave_type_name":"Vacaciones",` +
	`"start_on":"2022-08-01","finish_on":"2022-08-12","half_day":null}`

func TestListLeavesLegacy(t *testing.T) {
	// The second item is a colleague's pending half-day leave as a basic
	// user's token sees it: description, approval and type name nulled.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/leaves", Status: 200,
		Body: `[` + legacyLeaveJSON + `,{"id":4203,"description":null,"approved":null,"employee_id":12,` +
			`"employee_full_name":"Marc Vidal","leave_type_id":318,"leave_type_name":null,` +
			`"start_on":"2022-09-05","finish_on":"2022-09-05","half_day":"beggining_of_day"}]`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r) // the 2022 route takes no filters
			noBody(t, body)
		},
	}))
	res, err := c.ListLeavesLegacyWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, leaves = %v", res.StatusCode(), res.JSON200)
	}
	full, half := (*res.JSON200)[0], (*res.JSON200)[1]
	if full.ID != 4187 || *full.EmployeeID != 7 || *full.LeaveTypeName != "Vacaciones" || !*full.Approved ||
		full.StartOn.String() != "2022-08-01" || full.FinishOn.String() != "2022-08-12" || full.HalfDay != nil {
		t.Errorf("whole-day leave = %+v", full)
	}
	if half.ID != 4203 || *half.EmployeeFullName != "Marc Vidal" || half.Description != nil || half.Approved != nil ||
		half.LeaveTypeName != nil || *half.HalfDay != api.LeaveHalfDayBegginingOfDay || half.StartOn.String() != "2022-09-05" {
		t.Errorf("restricted half-day leave = %+v", half)
	}
}

func TestCreateLeaveLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/leaves", Status: 201,
		Body: `{"id":4290,"description":"Médico","approved":null,"employee_id":7,"employee_full_name":"Ana Ruiz",` +
			`"leave_type_id":318,"leave_type_name":"Asuntos propios","start_on":"2022-03-14","finish_on":"2022-03-14",` +
			`"half_day":"end_of_day"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			want := map[string]any{"employee_id": 7.0, "start_on": "2022-03-14", "finish_on": "2022-03-14",
				"leave_type_id": 318.0, "description": "Médico", "half_day": "end_of_day"}
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
	// The 2022 spec required leave_type_id, so legacy callers send it.
	res, err := c.CreateLeaveLegacyWithResponse(context.Background(), api.CreateLeaveLegacyJSONRequestBody{
		EmployeeID: 7, StartOn: mustDate(t, "2022-03-14"), FinishOn: mustDate(t, "2022-03-14"),
		LeaveTypeID: apitest.Ptr(318), Description: apitest.Ptr("Médico"),
		HalfDay: apitest.Ptr(api.LeaveCreateHalfDayEndOfDay),
	})
	if err != nil {
		t.Fatal(err)
	}
	l := res.JSON201
	if l == nil || l.ID != 4290 || l.Approved != nil || *l.HalfDay != api.LeaveHalfDayEndOfDay ||
		*l.LeaveTypeID != 318 || l.FinishOn.String() != "2022-03-14" {
		t.Fatalf("status %d, leave = %+v", res.StatusCode(), l)
	}
}

func TestUpdateLeaveLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/leaves/4187", Status: 200,
		Body: `{"id":4187,"description":"Vacaciones de verano","approved":true,"employee_id":7,` +
			`"employee_full_name":"Ana Ruiz","leave_type_id":311,"leave_type_name":"Vacaciones",` +
			`"start_on":"2022-08-01","finish_on":"2022-08-19","half_day":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["finish_on"] != "2022-08-19" || len(m) != 1 {
				t.Errorf("body = %v, want only finish_on 2022-08-19 (a date, not the 2024 spec's integer)", m)
			}
		},
	}))
	res, err := c.UpdateLeaveLegacyWithResponse(context.Background(), 4187, api.UpdateLeaveLegacyJSONRequestBody{
		FinishOn: apitest.Ptr(mustDate(t, "2022-08-19")),
	})
	if err != nil {
		t.Fatal(err)
	}
	if l := res.JSON200; l == nil || l.ID != 4187 || l.FinishOn.String() != "2022-08-19" || l.StartOn.String() != "2022-08-01" {
		t.Fatalf("status %d, leave = %+v", res.StatusCode(), res.JSON200)
	}
}

func TestDeleteLeaveLegacy(t *testing.T) {
	// 2022: 204 with no body.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/leaves/4290", Status: 204,
		Check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	}))
	res, err := c.DeleteLeaveLegacyWithResponse(context.Background(), 4290)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil || len(res.Body) != 0 {
		t.Fatalf("status %d, JSON200 %v, body %q", res.StatusCode(), res.JSON200, res.Body)
	}
}

func TestDeleteLeaveLegacy_200(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/leaves/4187", Status: 200, Body: legacyLeaveJSON,
	}))
	res, err := c.DeleteLeaveLegacyWithResponse(context.Background(), 4187)
	if err != nil {
		t.Fatal(err)
	}
	if l := res.JSON200; l == nil || l.ID != 4187 || *l.EmployeeFullName != "Ana Ruiz" || l.StartOn.String() != "2022-08-01" {
		t.Fatalf("status %d, leave = %+v", res.StatusCode(), res.JSON200)
	}
}

// legacyVacationTypeJSON is the built-in vacation type (colour from the spec example).
const legacyVacationTypeJSON = `{"id":311,"name":"Vacaciones","identifier":"holiday","color":"07A2AD","accrues":true,` +
	`"active":true,"approval_required":true,"attachment":false,"visibility":true,"workable":false,` +
	`"half_days_units_enabled":true,"max_days_in_cents":null,"min_days_in_cents":null}`

func TestListLeaveTypesLegacy(t *testing.T) {
	// A basic user's token: the custom type comes back with its settings nulled.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/leave_types", Status: 200,
		Body: `[` + legacyVacationTypeJSON + `,{"id":318,"name":"Asuntos propios","identifier":null,"color":"F5A623",` +
			`"accrues":null,"active":true,"approval_required":null,"attachment":null,"visibility":null,"workable":null}]`,
	}))
	res, err := c.ListLeaveTypesLegacyWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, types = %v", res.StatusCode(), res.JSON200)
	}
	vac, own := (*res.JSON200)[0], (*res.JSON200)[1]
	if vac.ID != 311 || *vac.Name != "Vacaciones" || *vac.Color != "07A2AD" || !*vac.Accrues || *vac.Workable || vac.MaxDaysInCents != nil {
		t.Errorf("vacation type = %+v", vac)
	}
	if own.ID != 318 || own.Identifier != nil || own.Accrues != nil || !*own.Active || own.Workable != nil {
		t.Errorf("restricted custom type = %+v", own)
	}
}

func TestCreateLeaveTypeLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/leave_types", Status: 201,
		Body: `{"id":3120,"name":"Mudanza","identifier":"custom","color":"F7B500","accrues":false,"active":true,` +
			`"approval_required":true,"attachment":true,"visibility":false,"workable":false}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			want := map[string]any{"name": "Mudanza", "color": "F7B500", "accrues": false, "active": true,
				"approval_required": true, "attachment": true, "visibility": false, "workable": false}
			for k, v := range want {
				if m[k] != v {
					t.Errorf("body %s = %v, want %v", k, m[k], v)
				}
			}
		},
	}))
	res, err := c.CreateLeaveTypeLegacyWithResponse(context.Background(), api.CreateLeaveTypeLegacyJSONRequestBody{
		Name: "Mudanza", Color: "F7B500", Accrues: apitest.Ptr(false), Active: apitest.Ptr(true),
		ApprovalRequired: apitest.Ptr(true), Attachment: apitest.Ptr(true), Visibility: apitest.Ptr(false), Workable: apitest.Ptr(false),
	})
	if err != nil {
		t.Fatal(err)
	}
	if lt := res.JSON201; lt == nil || lt.ID != 3120 || *lt.Name != "Mudanza" || !*lt.Attachment || *lt.Accrues {
		t.Fatalf("status %d, type = %+v", res.StatusCode(), res.JSON201)
	}
}

func TestUpdateLeaveTypeLegacy(t *testing.T) {
	// 200 in the 2022 spec, 201 as the modern route answers in 2024.
	for _, status := range []int{200, 201} {
		c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
			Method: http.MethodPut, Path: "/api/v1/leave_types/3120", Status: status,
			Body: `{"id":3120,"name":"Mudanza","identifier":"custom","color":"E94E3C","accrues":false,"active":false,` +
				`"approval_required":true,"attachment":true,"visibility":false,"workable":false}`,
			Check: func(t testing.TB, r *http.Request, body []byte) {
				m := apitest.JSONBody(t, r, body)
				// name and color are required even on update.
				if m["name"] != "Mudanza" || m["color"] != "E94E3C" || m["active"] != false || len(m) != 3 {
					t.Errorf("body = %v", m)
				}
			},
		}))
		res, err := c.UpdateLeaveTypeLegacyWithResponse(context.Background(), 3120, api.UpdateLeaveTypeLegacyJSONRequestBody{
			Name: "Mudanza", Color: "E94E3C", Active: apitest.Ptr(false),
		})
		if err != nil {
			t.Fatal(err)
		}
		lt := res.JSON200
		if status == 201 {
			if res.JSON200 != nil {
				t.Errorf("201: JSON200 = %+v, want nil", res.JSON200)
			}
			lt = res.JSON201
		}
		if lt == nil || lt.ID != 3120 || *lt.Color != "E94E3C" || *lt.Active {
			t.Fatalf("status %d: type = %+v", res.StatusCode(), lt)
		}
	}
}

// legacyShiftJSON is a closed 2022 shift: wall-clock HH:MM strings, no location fields.
const legacyShiftJSON = `{"id":90211,"employee_id":7,"day":12,"month":1,"year":2022,"clock_in":"08:00","clock_out":"16:30","observations":null}`

func TestListShiftsLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/shifts", Status: 200,
		Body: `[` + legacyShiftJSON + `,{"id":90240,"employee_id":7,"day":13,"month":1,"year":2022,` +
			`"clock_in":"08:05","clock_out":null,"observations":"Reunión con cliente"}]`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			// Both are needed, or the route returns every shift ever.
			wantQuery(t, r, map[string][]string{"year": {"2022"}, "month": {"1"}})
		},
	}))
	res, err := c.ListShiftsLegacyWithResponse(context.Background(), &api.ListShiftsLegacyParams{Year: apitest.Ptr(2022), Month: apitest.Ptr(1)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, shifts = %v", res.StatusCode(), res.JSON200)
	}
	closed, open := (*res.JSON200)[0], (*res.JSON200)[1]
	if closed.ID != 90211 || *closed.ClockIn != "08:00" || *closed.ClockOut != "16:30" || *closed.Day != 12 || closed.Observations != nil {
		t.Errorf("closed shift = %+v", closed)
	}
	if open.ID != 90240 || *open.ClockIn != "08:05" || open.ClockOut != nil || *open.Observations != "Reunión con cliente" || open.LocationType != nil {
		t.Errorf("open shift = %+v", open)
	}
}

func TestClockInLegacy(t *testing.T) {
	// The Postman collection sample's `now`: ISO-8601 with the caller's offset.
	now := time.Date(2022, 1, 25, 12, 12, 1, 0, time.FixedZone("", -2*3600))
	for _, tc := range []struct {
		status int
		body   string
	}{
		// 2022 spec: 200, no location fields.
		{200, `{"id":90301,"employee_id":7,"day":25,"month":1,"year":2022,"clock_in":"12:12","clock_out":null,"observations":"Teletrabajo"}`},
		// As the modern route answers in 2024: 201 with the location fields.
		{201, `{"id":90301,"employee_id":7,"day":25,"month":1,"year":2022,"clock_in":"12:12","clock_out":null,"observations":"Teletrabajo",` +
			`"location_type":"work_from_home","in_location_latitude":41.3874,"in_location_longitude":2.1686,"in_location_accuracy":12.5,` +
			`"out_location_latitude":null,"out_location_longitude":null,"out_location_accuracy":null}`},
	} {
		c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
			Method: http.MethodPost, Path: "/api/v1/shifts/clock_in", Status: tc.status, Body: tc.body,
			Check: func(t testing.TB, r *http.Request, body []byte) {
				m := apitest.JSONBody(t, r, body)
				if m["employee_id"] != 7.0 || m["now"] != "2022-01-25T12:12:01-02:00" || m["observations"] != "Teletrabajo" || len(m) != 3 {
					t.Errorf("body = %v", m)
				}
			},
		}))
		res, err := c.ClockInLegacyWithResponse(context.Background(), api.ClockInLegacyJSONRequestBody{
			EmployeeID: 7, Now: now, Observations: apitest.Ptr("Teletrabajo"),
		})
		if err != nil {
			t.Fatal(err)
		}
		s := res.JSON200
		if tc.status == 201 {
			if res.JSON200 != nil {
				t.Errorf("201: JSON200 = %+v, want nil", res.JSON200)
			}
			s = res.JSON201
			if s != nil && (*s.LocationType != api.ShiftLocationTypeWorkFromHome || *s.InLocationLatitude != 41.3874 || s.OutLocationLatitude != nil) {
				t.Errorf("201 location = %+v", s)
			}
		}
		if s == nil || s.ID != 90301 || *s.ClockIn != "12:12" || s.ClockOut != nil || *s.Day != 25 {
			t.Fatalf("status %d: shift = %+v", res.StatusCode(), s)
		}
	}
}

func TestClockOutLegacy(t *testing.T) {
	now := time.Date(2022, 1, 25, 18, 40, 0, 0, time.FixedZone("", -2*3600))
	for _, status := range []int{200, 201} {
		c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
			Method: http.MethodPost, Path: "/api/v1/shifts/clock_out", Status: status,
			Body: `{"id":90301,"employee_id":7,"day":25,"month":1,"year":2022,"clock_in":"12:12","clock_out":"18:40","observations":"Teletrabajo"}`,
			Check: func(t testing.TB, r *http.Request, body []byte) {
				m := apitest.JSONBody(t, r, body)
				if m["employee_id"] != 7.0 || m["now"] != "2022-01-25T18:40:00-02:00" || len(m) != 2 {
					t.Errorf("body = %v", m)
				}
			},
		}))
		res, err := c.ClockOutLegacyWithResponse(context.Background(), api.ClockOutLegacyJSONRequestBody{EmployeeID: 7, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		s := res.JSON200
		if status == 201 {
			s = res.JSON201
		}
		if s == nil || s.ID != 90301 || *s.ClockOut != "18:40" || *s.ClockIn != "12:12" {
			t.Fatalf("status %d: shift = %+v", res.StatusCode(), s)
		}
	}
}

func TestUpdateShiftLegacy(t *testing.T) {
	for _, status := range []int{200, 201} {
		c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
			Method: http.MethodPut, Path: "/api/v1/shifts/90240", Status: status,
			Body: `{"id":90240,"employee_id":7,"day":13,"month":1,"year":2022,"clock_in":"08:05","clock_out":"17:00","observations":"Olvidé fichar la salida"}`,
			Check: func(t testing.TB, r *http.Request, body []byte) {
				m := apitest.JSONBody(t, r, body)
				if m["clock_out"] != "17:00" || m["observations"] != "Olvidé fichar la salida" || len(m) != 2 {
					t.Errorf("body = %v", m)
				}
			},
		}))
		res, err := c.UpdateShiftLegacyWithResponse(context.Background(), 90240, api.UpdateShiftLegacyJSONRequestBody{
			ClockOut: apitest.Ptr("17:00"), Observations: apitest.Ptr("Olvidé fichar la salida"),
		})
		if err != nil {
			t.Fatal(err)
		}
		s := res.JSON200
		if status == 201 {
			s = res.JSON201
		}
		if s == nil || s.ID != 90240 || *s.ClockOut != "17:00" || *s.Observations != "Olvidé fichar la salida" {
			t.Fatalf("status %d: shift = %+v", res.StatusCode(), s)
		}
	}
}

func TestDeleteShiftLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/shifts/90211", Status: 204,
		Check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	}))
	res, err := c.DeleteShiftLegacyWithResponse(context.Background(), 90211)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %+v", res.StatusCode(), res.JSON200)
	}
}

func TestDeleteShiftLegacy_200(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/shifts/90211", Status: 200, Body: legacyShiftJSON,
	}))
	res, err := c.DeleteShiftLegacyWithResponse(context.Background(), 90211)
	if err != nil {
		t.Fatal(err)
	}
	if s := res.JSON200; s == nil || s.ID != 90211 || *s.ClockOut != "16:30" || *s.Year != 2022 {
		t.Fatalf("status %d, shift = %+v", res.StatusCode(), res.JSON200)
	}
}
