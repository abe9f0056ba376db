package api_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

const leaveTypesJSON = `[
 {"id":101,"accrues":true,"active":true,"approval_required":true,"attachment":false,"color":"07A2AD","identifier":"holiday","name":"Vacaciones","visibility":true,"workable":false,"half_days_units_enabled":true,"max_days_in_cents":null,"min_days_in_cents":50},
 {"id":117,"accrues":false,"active":true,"approval_required":true,"attachment":true,"color":"F4A261","identifier":"custom","name":"Medical appointment","visibility":false,"workable":true,"half_days_units_enabled":null,"max_days_in_cents":100,"min_days_in_cents":null}
]`

func TestListLeaveTypes(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/time/leave_types", Status: 200, Body: leaveTypesJSON,
	}))
	res, err := c.ListLeaveTypesWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, leave types = %v", res.StatusCode(), res.JSON200)
	}
	lt := (*res.JSON200)[1]
	if lt.ID != 117 || *lt.Name != "Medical appointment" || *lt.Color != "F4A261" || *lt.Identifier != "custom" ||
		!*lt.Attachment || *lt.Visibility || !*lt.Workable || lt.HalfDaysUnitsEnabled != nil || *lt.MaxDaysInCents != 100 || lt.MinDaysInCents != nil {
		t.Errorf("leave type = %+v", lt)
	}
	if v := (*res.JSON200)[0]; v.ID != 101 || *v.Name != "Vacaciones" || !*v.Accrues || *v.MinDaysInCents != 50 || v.MaxDaysInCents != nil {
		t.Errorf("first leave type = %+v", v)
	}
}

func TestCreateLeaveType(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/time/leave_types", Status: 201,
		Body: `{"id":118,"accrues":false,"active":true,"approval_required":true,"attachment":true,"color":"E76F51","identifier":"custom","name":"Moving day","visibility":true,"workable":false}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["name"] != "Moving day" || m["color"] != "E76F51" || m["attachment"] != true || m["workable"] != false {
				t.Errorf("body = %v", m)
			}
			if _, ok := m["accrues"]; ok {
				t.Errorf("unset accrues was sent: %v", m)
			}
		},
	}))
	res, err := c.CreateLeaveTypeWithResponse(context.Background(), api.CreateLeaveTypeJSONRequestBody{
		Name: "Moving day", Color: "E76F51", Attachment: apitest.Ptr(true), Workable: apitest.Ptr(false),
	})
	if err != nil {
		t.Fatal(err)
	}
	lt := res.JSON201
	if lt == nil || lt.ID != 118 || *lt.Name != "Moving day" || *lt.Identifier != "custom" || !*lt.ApprovalRequired {
		t.Fatalf("status %d, leave type = %+v", res.StatusCode(), lt)
	}
}

func TestUpdateLeaveType(t *testing.T) {
	// The 2022 spec answers 200, the 2024 spec 201: both must decode.
	for _, status := range []int{200, 201} {
		c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
			Method: http.MethodPut, Path: "/api/v1/time/leave_types/118", Status: status,
			Body: `{"id":118,"accrues":false,"active":false,"approval_required":true,"attachment":true,"color":"2A9D8F","identifier":"custom","name":"Moving day (retired)","visibility":true,"workable":false}`,
			Check: func(t testing.TB, r *http.Request, body []byte) {
				m := apitest.JSONBody(t, r, body)
				if m["name"] != "Moving day (retired)" || m["color"] != "2A9D8F" || m["active"] != false {
					t.Errorf("body = %v", m)
				}
			},
		}))
		res, err := c.UpdateLeaveTypeWithResponse(context.Background(), 118, api.UpdateLeaveTypeJSONRequestBody{
			Name: "Moving day (retired)", Color: "2A9D8F", Active: apitest.Ptr(false),
		})
		if err != nil {
			t.Fatal(err)
		}
		lt := res.JSON200
		if status == 201 {
			lt = res.JSON201
			if res.JSON200 != nil {
				t.Errorf("201: JSON200 also set")
			}
		}
		if lt == nil || lt.ID != 118 || *lt.Active || *lt.Color != "2A9D8F" {
			t.Fatalf("status %d: leave type = %+v", status, lt)
		}
	}
}

// leavesJSON: a whole-day approved vacation, and a pending morning half
// day of 4 hours (hours in hundredths: 400 = 4 h).
const leavesJSON = `[
 {"id":4512,"description":"Summer holidays","approved":true,"employee_id":1,"employee_full_name":"Ana Ruiz","leave_type_id":101,"leave_type_name":"Vacaciones","start_on":"2022-08-01","finish_on":"2022-08-12","half_day":null,"hours_amount_in_cents":null},
 {"id":4530,"description":"Dentist","approved":null,"employee_id":2,"employee_full_name":"Jordi Puig","leave_type_id":117,"leave_type_name":"Medical appointment","start_on":"2022-08-22","finish_on":"2022-08-22","half_day":"beggining_of_day","hours_amount_in_cents":400}
]`

func TestListLeaves_BracketArrayQuery(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/time/leaves", Status: 200, Body: leavesJSON,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantBracketArray(t, r, "employee_ids[]", "1", "2")
			wantBracketArray(t, r, "leave_type_ids[]", "101", "117")
			// Generated client: percent-encoded brackets, one key per value,
			// in parameter order.
			const want = "employee_ids%5B%5D=1&employee_ids%5B%5D=2&leave_type_ids%5B%5D=101&leave_type_ids%5B%5D=117&from=2022-08-01&to=2022-08-31&include_leave_type=true"
			wantRawQuery(t, r, want)
		},
	}))
	res, err := c.ListLeavesWithResponse(context.Background(), &api.ListLeavesParams{
		EmployeeIDs: []int{1, 2}, LeaveTypeIDs: []int{101, 117},
		From: apitest.Ptr(mustDate(t, "2022-08-01")), To: apitest.Ptr(mustDate(t, "2022-08-31")), IncludeLeaveType: apitest.Ptr(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, leaves = %v", res.StatusCode(), res.JSON200)
	}
	whole, half := (*res.JSON200)[0], (*res.JSON200)[1]
	if whole.ID != 4512 || *whole.EmployeeID != 1 || whole.HalfDay != nil || whole.HoursAmountInCents != nil ||
		!dateIs(whole.StartOn, "2022-08-01") || !dateIs(whole.FinishOn, "2022-08-12") || !*whole.Approved || *whole.LeaveTypeName != "Vacaciones" {
		t.Errorf("whole-day leave = %+v", whole)
	}
	if half.ID != 4530 || *half.EmployeeID != 2 || half.HalfDay == nil || *half.HalfDay != api.LeaveHalfDayBegginingOfDay ||
		*half.HoursAmountInCents != 400 || half.Approved != nil || *half.EmployeeFullName != "Jordi Puig" {
		t.Errorf("half-day leave = %+v", half)
	}
}

func TestListLeaves_RestrictedBasicUser(t *testing.T) {
	// A basic user's token: other people's leaves come back with the
	// descriptive fields nulled; no filters means no query string at all.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/time/leaves", Status: 200,
		Body: `[{"id":4512,"description":null,"approved":null,"employee_id":1,"employee_full_name":null,"leave_type_id":null,"leave_type_name":null,"start_on":"2022-08-01","finish_on":"2022-08-12","half_day":null,"hours_amount_in_cents":null}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			noQuery(t, r)
		},
	}))
	res, err := c.ListLeavesWithResponse(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, leaves = %v", res.StatusCode(), res.JSON200)
	}
	l := (*res.JSON200)[0]
	if l.ID != 4512 || l.Description != nil || l.Approved != nil || l.EmployeeFullName != nil || l.LeaveTypeID != nil ||
		l.LeaveTypeName != nil || l.HalfDay != nil || !dateIs(l.FinishOn, "2022-08-12") {
		t.Errorf("restricted leave = %+v", l)
	}
}

func TestCreateLeave(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/time/leaves", Status: 201,
		Body: `{"id":4561,"description":"Parent-teacher meeting","approved":null,"employee_id":7,"employee_full_name":"Ana Ruiz","leave_type_id":101,"leave_type_name":null,"start_on":"2022-09-15","finish_on":"2022-09-15","half_day":"beggining_of_day","hours_amount_in_cents":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["employee_id"] != float64(7) || m["start_on"] != "2022-09-15" || m["finish_on"] != "2022-09-15" ||
				m["leave_type_id"] != float64(101) || m["half_day"] != "beggining_of_day" || m["description"] != "Parent-teacher meeting" {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.CreateLeaveWithResponse(context.Background(), api.CreateLeaveJSONRequestBody{
		EmployeeID: 7, StartOn: mustDate(t, "2022-09-15"), FinishOn: mustDate(t, "2022-09-15"),
		LeaveTypeID: apitest.Ptr(101), Description: apitest.Ptr("Parent-teacher meeting"),
		HalfDay: apitest.Ptr(api.LeaveCreateHalfDayBegginingOfDay),
	})
	if err != nil {
		t.Fatal(err)
	}
	l := res.JSON201
	if l == nil || l.ID != 4561 || *l.EmployeeID != 7 || l.HalfDay == nil || *l.HalfDay != api.LeaveHalfDayBegginingOfDay ||
		l.Approved != nil || l.LeaveTypeName != nil || !dateIs(l.StartOn, "2022-09-15") {
		t.Fatalf("status %d, leave = %+v", res.StatusCode(), l)
	}
}

func TestGetLeave(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/time/leaves/4530", Status: 200,
		Body: `{"id":4530,"description":"Dentist","approved":true,"employee_id":2,"employee_full_name":"Jordi Puig","leave_type_id":117,"leave_type_name":"Medical appointment","start_on":"2022-08-22","finish_on":"2022-08-22","half_day":"end_of_day","hours_amount_in_cents":350}`,
	}))
	res, err := c.GetLeaveWithResponse(context.Background(), 4530)
	if err != nil {
		t.Fatal(err)
	}
	l := res.JSON200
	if l == nil || l.ID != 4530 || *l.HalfDay != api.LeaveHalfDayEndOfDay || *l.HoursAmountInCents != 350 || *l.LeaveTypeID != 117 || !*l.Approved {
		t.Fatalf("status %d, leave = %+v", res.StatusCode(), l)
	}
}

func TestGetLeave_NotFound(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/time/leaves/111", Status: 404, Body: `{"errors":"Resource #111 not found"}`,
	}))
	res, err := c.GetLeaveWithResponse(context.Background(), 111)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 != nil || res.JSONDefault == nil {
		t.Fatalf("status %d: JSON200=%v JSONDefault=%v", res.StatusCode(), res.JSON200, res.JSONDefault)
	}
	env, err := res.JSONDefault.AsErrorEnvelope()
	if err != nil {
		t.Fatal(err)
	}
	if msg, err := env.Errors.AsErrorMessages0(); err != nil || msg != "Resource #111 not found" {
		t.Errorf("errors = %v (%v)", msg, err)
	}
}

func TestUpdateLeave(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/time/leaves/4512", Status: 200,
		Body: `{"id":4512,"description":"Summer holidays (extended)","approved":true,"employee_id":1,"employee_full_name":"Ana Ruiz","leave_type_id":101,"leave_type_name":"Vacaciones","start_on":"2022-08-01","finish_on":"2022-08-16","half_day":null,"hours_amount_in_cents":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			// finish_on goes out as a date string, not the 2024 spec's integer.
			if m["finish_on"] != "2022-08-16" || m["description"] != "Summer holidays (extended)" {
				t.Errorf("body = %v", m)
			}
			for _, k := range []string{"start_on", "employee_id", "half_day", "leave_type_id"} {
				if _, ok := m[k]; ok {
					t.Errorf("unset %s was sent: %v", k, m)
				}
			}
		},
	}))
	res, err := c.UpdateLeaveWithResponse(context.Background(), 4512, api.UpdateLeaveJSONRequestBody{
		FinishOn: apitest.Ptr(mustDate(t, "2022-08-16")), Description: apitest.Ptr("Summer holidays (extended)"),
	})
	if err != nil {
		t.Fatal(err)
	}
	l := res.JSON200
	if l == nil || l.ID != 4512 || !dateIs(l.FinishOn, "2022-08-16") || *l.Description != "Summer holidays (extended)" || l.HalfDay != nil {
		t.Fatalf("status %d, leave = %+v", res.StatusCode(), l)
	}
}

func TestDeleteLeave(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/time/leaves/4561", Status: 200,
		Body: `{"id":4561,"description":"Parent-teacher meeting","approved":null,"employee_id":7,"employee_full_name":"Ana Ruiz","leave_type_id":101,"leave_type_name":"Vacaciones","start_on":"2022-09-15","finish_on":"2022-09-15","half_day":"beggining_of_day","hours_amount_in_cents":null}`,
	}))
	res, err := c.DeleteLeaveWithResponse(context.Background(), 4561)
	if err != nil {
		t.Fatal(err)
	}
	if l := res.JSON200; l == nil || l.ID != 4561 || *l.HalfDay != api.LeaveHalfDayBegginingOfDay || *l.EmployeeID != 7 {
		t.Fatalf("status %d, deleted leave = %+v", res.StatusCode(), l)
	}
}

func TestDeleteLeave_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/time/leaves/4561", Status: 204,
	}))
	res, err := c.DeleteLeaveWithResponse(context.Background(), 4561)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil || len(res.Body) != 0 {
		t.Fatalf("status %d, JSON200 %v, body %q", res.StatusCode(), res.JSON200, res.Body)
	}
}

// leavesV2JSON: an hour-based leave with timestamp bounds (the 2024
// spec's example form) and a day-based one with plain dates.
const leavesV2JSON = `[
 {"id":9120,"description":"Doctor visit","approved":true,"employee_id":1,"employee_full_name":"Ana Ruiz","leave_type_id":117,"leave_type_name":"Medical appointment","start_on":"2022-04-29T12:00:00.000Z","finish_on":"2022-04-29T15:30:00.000Z","half_day":null},
 {"id":9121,"description":null,"approved":null,"employee_id":2,"employee_full_name":"Jordi Puig","leave_type_id":101,"leave_type_name":"Vacaciones","start_on":"2022-05-02","finish_on":"2022-05-02","half_day":"beggining_of_day"}
]`

func TestListLeavesV2_BracketArrayQuery(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/time/leaves", Status: 200, Body: leavesV2JSON,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantBracketArray(t, r, "employee_ids[]", "1", "2")
			wantBracketArray(t, r, "leave_type_ids[]", "117", "101")
			const want = "employee_ids%5B%5D=1&employee_ids%5B%5D=2&leave_type_ids%5B%5D=117&leave_type_ids%5B%5D=101&from=2022-04-01&to=2022-05-31"
			wantRawQuery(t, r, want)
		},
	}))
	res, err := c.ListLeavesV2WithResponse(context.Background(), &api.ListLeavesV2Params{
		EmployeeIDs: []int{1, 2}, LeaveTypeIDs: []int{117, 101}, From: apitest.Ptr(mustDate(t, "2022-04-01")), To: apitest.Ptr(mustDate(t, "2022-05-31")),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, leaves = %v", res.StatusCode(), res.JSON200)
	}
	hourly, daily := (*res.JSON200)[0], (*res.JSON200)[1]
	if hourly.ID != 9120 || *hourly.StartOn != "2022-04-29T12:00:00.000Z" || *hourly.FinishOn != "2022-04-29T15:30:00.000Z" || hourly.HalfDay != nil {
		t.Errorf("hourly leave = %+v", hourly)
	}
	if daily.ID != 9121 || *daily.StartOn != "2022-05-02" || *daily.HalfDay != api.LeaveV2HalfDayBegginingOfDay || daily.Description != nil || daily.Approved != nil {
		t.Errorf("daily leave = %+v", daily)
	}
}

func TestCreateLeaveV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v2/time/leaves", Status: 201,
		Body: `{"id":9133,"description":"Blood test","approved":null,"employee_id":7,"employee_full_name":"Ana Ruiz","leave_type_id":117,"leave_type_name":"Medical appointment","start_on":"2022-06-07T07:00:00.000Z","finish_on":"2022-06-07T11:00:00.000Z","half_day":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			// 4 hours travel as 400 hundredths.
			if m["employee_id"] != float64(7) || m["start_on"] != "2022-06-07" || m["finish_on"] != "2022-06-07" ||
				m["start_time"] != "09:00" || m["hours_amount_in_cents"] != float64(400) || m["leave_type_id"] != float64(117) {
				t.Errorf("body = %v", m)
			}
			if _, ok := m["half_day"]; ok {
				t.Errorf("half_day sent for an hourly leave: %v", m)
			}
		},
	}))
	res, err := c.CreateLeaveV2WithResponse(context.Background(), api.CreateLeaveV2JSONRequestBody{
		EmployeeID: 7, StartOn: "2022-06-07", FinishOn: "2022-06-07", LeaveTypeID: apitest.Ptr(117),
		StartTime: apitest.Ptr("09:00"), HoursAmountInCents: apitest.Ptr(400), Description: apitest.Ptr("Blood test"),
	})
	if err != nil {
		t.Fatal(err)
	}
	l := res.JSON201
	if l == nil || l.ID != 9133 || *l.StartOn != "2022-06-07T07:00:00.000Z" || *l.FinishOn != "2022-06-07T11:00:00.000Z" || l.Approved != nil || l.HalfDay != nil {
		t.Fatalf("status %d, leave = %+v", res.StatusCode(), l)
	}
}

func TestCreateLeaveV2_MedicalLeave(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v2/time/leaves", Status: 201,
		Body: `{"id":9140,"description":null,"approved":true,"employee_id":9,"employee_full_name":"Lucía Gómez","leave_type_id":120,"leave_type_name":"Sick leave","start_on":"2022-10-03","finish_on":"2022-10-14","half_day":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["medical_leave_type"] != float64(2) || m["effective_on"] != "2022-10-03" || m["accident_on"] != "2022-10-02" ||
				m["colegiate_number"] != float64(282845123) || m["has_previous_relapse"] != false {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.CreateLeaveV2WithResponse(context.Background(), api.CreateLeaveV2JSONRequestBody{
		EmployeeID: 9, StartOn: "2022-10-03", FinishOn: "2022-10-14", LeaveTypeID: apitest.Ptr(120),
		MedicalLeaveType: apitest.Ptr(2), EffectiveOn: apitest.Ptr(mustDate(t, "2022-10-03")), AccidentOn: apitest.Ptr(mustDate(t, "2022-10-02")),
		ColegiateNumber: apitest.Ptr(282845123), HasPreviousRelapse: apitest.Ptr(false),
	})
	if err != nil {
		t.Fatal(err)
	}
	if l := res.JSON201; l == nil || l.ID != 9140 || *l.LeaveTypeName != "Sick leave" || l.Description != nil || *l.FinishOn != "2022-10-14" {
		t.Fatalf("status %d, leave = %+v", res.StatusCode(), l)
	}
}

func TestGetLeaveV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v2/time/leaves/9120", Status: 200,
		Body: `{"id":9120,"description":"Doctor visit","approved":true,"employee_id":1,"employee_full_name":"Ana Ruiz","leave_type_id":117,"leave_type_name":"Medical appointment","start_on":"2022-04-29T12:00:00.000Z","finish_on":"2022-04-29T15:30:00.000Z","half_day":null}`,
	}))
	res, err := c.GetLeaveV2WithResponse(context.Background(), 9120)
	if err != nil {
		t.Fatal(err)
	}
	l := res.JSON200
	if l == nil || l.ID != 9120 || *l.EmployeeID != 1 || *l.EmployeeFullName != "Ana Ruiz" || *l.StartOn != "2022-04-29T12:00:00.000Z" || !*l.Approved {
		t.Fatalf("status %d, leave = %+v", res.StatusCode(), l)
	}
}

func TestUpdateLeaveV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v2/time/leaves/9133", Status: 200,
		Body: `{"id":9133,"description":"Blood test and results","approved":true,"employee_id":7,"employee_full_name":"Ana Ruiz","leave_type_id":117,"leave_type_name":"Medical appointment","start_on":"2022-06-07T07:30:00.000Z","finish_on":"2022-06-07T10:00:00.000Z","half_day":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			// The 2024 spec's update spelling hour_amount_in_cents: 2.5 h = 250.
			if m["start_time"] != "09:30" || m["hour_amount_in_cents"] != float64(250) || m["description"] != "Blood test and results" {
				t.Errorf("body = %v", m)
			}
			if _, ok := m["hours_amount_in_cents"]; ok {
				t.Errorf("unset hours_amount_in_cents was sent: %v", m)
			}
		},
	}))
	res, err := c.UpdateLeaveV2WithResponse(context.Background(), 9133, api.UpdateLeaveV2JSONRequestBody{
		StartTime: apitest.Ptr("09:30"), HourAmountInCents: apitest.Ptr(250), Description: apitest.Ptr("Blood test and results"),
	})
	if err != nil {
		t.Fatal(err)
	}
	l := res.JSON200
	if l == nil || l.ID != 9133 || *l.Description != "Blood test and results" || *l.FinishOn != "2022-06-07T10:00:00.000Z" {
		t.Fatalf("status %d, leave = %+v", res.StatusCode(), l)
	}
}

func TestDeleteLeaveV2(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v2/time/leaves/9133", Status: 200,
		Body: `{"id":9133,"description":"Blood test","approved":null,"employee_id":7,"employee_full_name":"Ana Ruiz","leave_type_id":117,"leave_type_name":"Medical appointment","start_on":"2022-06-07T07:00:00.000Z","finish_on":"2022-06-07T11:00:00.000Z","half_day":null}`,
	}))
	res, err := c.DeleteLeaveV2WithResponse(context.Background(), 9133)
	if err != nil {
		t.Fatal(err)
	}
	if l := res.JSON200; l == nil || l.ID != 9133 || *l.EmployeeID != 7 || l.Approved != nil {
		t.Fatalf("status %d, deleted leave = %+v", res.StatusCode(), l)
	}
}

func TestDeleteLeaveV2_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v2/time/leaves/9133", Status: 204,
	}))
	res, err := c.DeleteLeaveV2WithResponse(context.Background(), 9133)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %v", res.StatusCode(), res.JSON200)
	}
}

func TestListTimeOffPolicies(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/time/policies", Status: 200,
		Body: `[
 {"id":3,"name":"Spain - Madrid office","description":"23 working days plus local holidays","main":true,"default_allowance_id":12,"allowance_incidences":0,"company_id":1,"created_at":"2021-03-04T09:12:33.000Z","updated_at":"2022-01-12T11:20:57.000Z"},
 {"id":8,"name":"Portugal - Lisbon office","description":null,"main":false,"default_allowance_id":null,"allowance_incidences":2,"company_id":1,"created_at":"2021-11-15T16:40:02.000Z","updated_at":"2021-11-15T16:40:02.000Z"}
]`,
	}))
	res, err := c.ListTimeOffPoliciesWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, policies = %v", res.StatusCode(), res.JSON200)
	}
	p := (*res.JSON200)[0]
	if p.ID != 3 || !*p.Main || *p.DefaultAllowanceID != 12 || *p.AllowanceIncidences != 0 || *p.CompanyID != 1 ||
		!p.UpdatedAt.Equal(time.Date(2022, 1, 12, 11, 20, 57, 0, time.UTC)) {
		t.Errorf("policy = %+v", p)
	}
	if q := (*res.JSON200)[1]; q.ID != 8 || *q.Main || q.Description != nil || q.DefaultAllowanceID != nil || *q.AllowanceIncidences != 2 {
		t.Errorf("second policy = %+v", q)
	}
}

func TestGetTimeOffPolicy(t *testing.T) {
	// Restricted payload: a basic user sees the policy name only.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/time/policies/3", Status: 200,
		Body: `{"id":3,"name":"Spain - Madrid office","description":null,"main":null,"default_allowance_id":null,"allowance_incidences":null,"company_id":null,"created_at":null,"updated_at":null}`,
	}))
	res, err := c.GetTimeOffPolicyWithResponse(context.Background(), 3)
	if err != nil {
		t.Fatal(err)
	}
	p := res.JSON200
	if p == nil || p.ID != 3 || *p.Name != "Spain - Madrid office" || p.Main != nil || p.CreatedAt != nil || p.DefaultAllowanceID != nil {
		t.Fatalf("status %d, policy = %+v", res.StatusCode(), p)
	}
}
