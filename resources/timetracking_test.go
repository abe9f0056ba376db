package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/resources"
)

// Time tracking beyond clocking: attendance requests, reviews, expected
// and worked time, open shifts; the company's kinds of break; planned
// breaks and planning versions; work schedules.

const employeeBreakConfigJSON = `{"id":"7","attendance_employees_setting_id":"44","time_settings_break_configuration_id":"2",` +
	`"enabled":true,"name":"Lunch","paid":false}`

func TestListEmployeeBreakConfigurations(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/attendance/break_configurations", status: 200, body: page(onePage(1), employeeBreakConfigJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"time_settings_break_configuration_ids[]": {"2"}, "attendance_employees_setting_id": {"44"}, "enabled": {"true"}})
		},
	})
	all, err := c.Attendance.ListEmployeeBreakConfigurations(t.Context(), &resources.ListEmployeeBreakConfigurationsParams{
		TimeSettingsBreakConfigurationIDs: []string{"2"}, AttendanceEmployeesSettingID: ptr("44"), Enabled: ptr(true)})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d records, want 1", len(all))
	}
	eq(t, "ID", all[0].ID, "7")
	is(t, "Name", all[0].Name, "Lunch")
	is(t, "Paid", all[0].Paid, false)
}

func TestCreateEmployeeBreakConfiguration(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/attendance/break_configurations", status: 201, body: employeeBreakConfigJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"time_settings_break_configuration_id":"2","attendance_employees_setting_id":"44","enabled":true}`)
		},
	})
	b, err := c.Attendance.CreateEmployeeBreakConfiguration(t.Context(), resources.EmployeeBreakConfigurationCreate{
		TimeSettingsBreakConfigurationID: "2", AttendanceEmployeesSettingID: "44", Enabled: true})
	must(t, err)
	is(t, "TimeSettingsBreakConfigurationID", b.TimeSettingsBreakConfigurationID, "2")
}

func TestGetAndUpdateEmployeeBreakConfiguration(t *testing.T) {
	c, _ := newClient(t,
		exchange{method: http.MethodGet, path: "/attendance/break_configurations/7", status: 200, body: employeeBreakConfigJSON,
			check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) }},
		exchange{method: http.MethodPut, path: "/attendance/break_configurations/7", status: 200,
			body:  `{"id":"7","attendance_employees_setting_id":"44","time_settings_break_configuration_id":"2","enabled":false,"name":null,"paid":null}`,
			check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"7","enabled":false}`) }},
	)
	b, err := c.Attendance.GetEmployeeBreakConfiguration(t.Context(), "7")
	must(t, err)
	is(t, "Enabled", b.Enabled, true)
	b, err = c.Attendance.UpdateEmployeeBreakConfiguration(t.Context(), "7", resources.EmployeeBreakConfigurationUpdate{ID: "7", Enabled: ptr(false)})
	must(t, err)
	is(t, "Enabled", b.Enabled, false)
	null(t, "Name", b.Name)
}

const editTimesheetJSON = `{"id":"12","approved":null,"request_type":"update_shift","employee_id":"3","workable":true,` +
	`"clock_in":"08:30:00","clock_out":"17:00:00","location_type":"office","reason":null,"attendance_shift_id":"900",` +
	`"time_settings_break_configuration_id":null,"observations":"Forgot to clock out","date":"2026-06-29","reference_date":"2026-06-29"}`

func TestListEditTimesheetRequests(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/attendance/edit_timesheet_requests", status: 200, body: page(onePage(1), editTimesheetJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"employee_ids[]": {"3"}, "shift_id": {"900"}, "pending": {"true"},
				"start_on": {"2026-06-01"}, "end_on": {"2026-06-30"}})
		},
	})
	all, err := c.Attendance.ListEditTimesheetRequests(t.Context(), &resources.ListEditTimesheetRequestsParams{
		EmployeeIDs: []string{"3"}, ShiftID: ptr("900"), Pending: ptr(true), StartOn: datep("2026-06-01"), EndOn: datep("2026-06-30")})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d requests, want 1", len(all))
	}
	null(t, "Approved", all[0].Approved)
	is(t, "RequestType", all[0].RequestType, resources.TimesheetEditTypeUpdateShift)
	is(t, "ClockOut", all[0].ClockOut, "17:00:00")
	day(t, "Date", all[0].Date, "2026-06-29")
}

func TestEditTimesheetRequestLifecycle(t *testing.T) {
	c, _ := newClient(t,
		exchange{method: http.MethodPost, path: "/attendance/edit_timesheet_requests", status: 201, body: editTimesheetJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"employee_id":"3","request_type":"update_shift","attendance_shift_id":"900",`+
					`"clock_out":"2026-06-29T17:00:00+02:00","observations":"Forgot to clock out","location_type":"office"}`)
			}},
		exchange{method: http.MethodGet, path: "/attendance/edit_timesheet_requests/12", status: 200, body: editTimesheetJSON},
		exchange{method: http.MethodPut, path: "/attendance/edit_timesheet_requests/12", status: 200, body: editTimesheetJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"id":"12","employee_id":"3","reason":"Client visit ran late"}`)
			}},
		exchange{method: http.MethodDelete, path: "/attendance/edit_timesheet_requests/12", status: 200, body: editTimesheetJSON,
			check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) }},
	)
	req, err := c.Attendance.CreateEditTimesheetRequest(t.Context(), resources.TimesheetEditCreate{
		EmployeeID: "3", RequestType: resources.TimesheetEditTypeUpdateShift, AttendanceShiftID: ptr("900"),
		ClockOut: ptr("2026-06-29T17:00:00+02:00"), Observations: ptr("Forgot to clock out"),
		LocationType: ptr(resources.ShiftLocationTypeOffice)})
	must(t, err)
	eq(t, "ID", req.ID, "12")
	_, err = c.Attendance.GetEditTimesheetRequest(t.Context(), "12")
	must(t, err)
	_, err = c.Attendance.UpdateEditTimesheetRequest(t.Context(), "12", resources.TimesheetEditUpdate{
		ID: "12", EmployeeID: "3", Reason: ptr("Client visit ran late")})
	must(t, err)
	req, err = c.Attendance.DeleteEditTimesheetRequest(t.Context(), "12")
	must(t, err)
	is(t, "AttendanceShiftID", req.AttendanceShiftID, "900")
}

func TestListEstimatedTimes(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/attendance/estimated_times", status: 200,
		body: page(onePage(1), `{"id":"3_2026-06-29","date":"2026-06-29","company_id":"1","employee_id":"3","expected_minutes":480,`+
			`"regular_minutes":420,"overtime_minutes":60,"breaks":[{"minutes":30}],"time_unit":"minute","estimated_half_days":0,`+
			`"shifts":[],"source":"shift_management","minutes":480}`),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"start_on": {"2026-06-29"}, "end_on": {"2026-06-29"}, "employee_ids[]": {"3"}})
		},
	})
	all, err := c.Attendance.ListEstimatedTimes(t.Context(), &resources.ListEstimatedTimesParams{
		StartOn: ptr("2026-06-29"), EndOn: ptr("2026-06-29"), EmployeeIDs: []string{"3"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d estimated times, want 1", len(all))
	}
	eq(t, "ID", all[0].ID, "3_2026-06-29")
	is(t, "OvertimeMinutes", all[0].OvertimeMinutes, float32(60))
	is(t, "Source", all[0].Source, resources.EstimatedTimeSourceShiftManagement)
	is(t, "TimeUnit", all[0].TimeUnit, resources.TimeUnitMinute)
	if len(all[0].Breaks) != 1 || all[0].Breaks[0]["minutes"] != float64(30) {
		t.Errorf("Breaks = %v", all[0].Breaks)
	}
}

func TestListOpenShifts(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/attendance/open_shifts", status: 200,
		body: page(onePage(1), `{"id":"901","employee_id":"3","date":"2026-07-01","reference_date":"2026-07-01",`+
			`"clock_in":"2000-01-01T08:05:00.000Z","clock_out":null,"status":"opened","workable":true,"automatic_clock_in":false,`+
			`"location_type":"work_from_home","workplace_id":null,"time_settings_break_configuration_id":null}`),
		check: func(t testing.TB, r *http.Request, body []byte) { wantQuery(t, r, url.Values{"employee_ids[]": {"3"}}) },
	})
	all, err := c.Attendance.ListOpenShifts(t.Context(), &resources.ListOpenShiftsParams{EmployeeIDs: []string{"3"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d open shifts, want 1", len(all))
	}
	is(t, "Status", all[0].Status, resources.OpenShiftStatusOpened)
	at(t, "ClockIn", all[0].ClockIn, "2000-01-01T08:05:00Z")
	null(t, "ClockOut", all[0].ClockOut)
}

func TestListWorkedTimes(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/attendance/worked_times", status: 200,
		body: page(onePage(1), `{"id":"3_2026-06-27","employee_id":"3","date":"2026-06-27","company_id":"1","tracked_minutes":240,`+
			`"multiplied_minutes":360,"pending_minutes":0,"minutes":240,"time_unit":"minute","worked_time_blocks":[],"day_type":"saturday"}`),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"start_on": {"2026-06-27"}, "end_on": {"2026-06-28"}, "employee_ids[]": {"3"},
				"include_non_attendable_employees": {"false"}})
		},
	})
	all, err := c.Attendance.ListWorkedTimes(t.Context(), &resources.ListWorkedTimesParams{
		StartOn: ptr("2026-06-27"), EndOn: ptr("2026-06-28"), EmployeeIDs: []string{"3"}, IncludeNonAttendableEmployees: ptr(false)})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d worked times, want 1", len(all))
	}
	is(t, "MultipliedMinutes", all[0].MultipliedMinutes, 360)
	is(t, "DayType", all[0].DayType, resources.WorkedTimeDayTypeSaturday)
}

const overtimeJSON = `{"id":"21","employee_id":"3","author_id":"3","approver_id":null,"approver_full_name":null,"status":"pending",` +
	`"date":"2026-06-30","hours_amount_in_cents":150,"description":"Release night","reason":null,` +
	`"created_at":"2026-07-01T08:00:00.000Z","approver":true,"is_editable":true}`

const overtimeApprovedJSON = `{"id":"21","employee_id":"3","author_id":"3","approver_id":"1","approver_full_name":"Ada Admin",` +
	`"status":"approved","date":"2026-06-30","hours_amount_in_cents":150,"reason":"Agreed","approver":true,"is_editable":false}`

func TestListOvertimeRequests(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/attendance/overtime_requests", status: 200, body: page(onePage(1), overtimeJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"employee_ids[]": {"3"}, "status": {"pending"}, "start_on": {"2026-06-01"}})
		},
	})
	all, err := c.Attendance.ListOvertimeRequests(t.Context(), &resources.ListOvertimeRequestsParams{
		EmployeeIDs: []string{"3"}, Status: ptr(resources.OvertimeStatusPending), StartOn: ptr("2026-06-01")})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d requests, want 1", len(all))
	}
	is(t, "HoursAmountInCents", all[0].HoursAmountInCents, 150)
	is(t, "IsEditable", all[0].IsEditable, true)
}

func TestOvertimeRequestLifecycle(t *testing.T) {
	c, _ := newClient(t,
		exchange{method: http.MethodPost, path: "/attendance/overtime_requests", status: 201, body: overtimeJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"date":"2026-06-30","employee_id":"3","author_id":"3","hours_amount":1.5,"description":"Release night"}`)
			}},
		exchange{method: http.MethodGet, path: "/attendance/overtime_requests/21", status: 200, body: overtimeJSON},
		exchange{method: http.MethodPut, path: "/attendance/overtime_requests/21", status: 200, body: overtimeJSON,
			check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"21","hours_amount":2}`) }},
		exchange{method: http.MethodPost, path: "/attendance/overtime_requests/approve", status: 200, body: overtimeApprovedJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"id":"21","reason":"Agreed","approver_id":"1"}`)
			}},
		exchange{method: http.MethodPost, path: "/attendance/overtime_requests/reject", status: 200,
			body: `{"id":"22","employee_id":"4","author_id":"4","status":"rejected","date":"2026-06-29","hours_amount_in_cents":300,` +
				`"reason":"Not agreed beforehand","approver":true,"is_editable":false}`,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"id":"22","reason":"Not agreed beforehand"}`)
			}},
		exchange{method: http.MethodDelete, path: "/attendance/overtime_requests/21", status: 200, body: overtimeApprovedJSON},
	)
	o, err := c.Attendance.CreateOvertimeRequest(t.Context(), resources.OvertimeCreate{
		Date: "2026-06-30", EmployeeID: "3", AuthorID: "3", HoursAmount: ptr(float32(1.5)), Description: ptr("Release night")})
	must(t, err)
	is(t, "Status", o.Status, resources.OvertimeStatusPending)
	_, err = c.Attendance.GetOvertimeRequest(t.Context(), "21")
	must(t, err)
	_, err = c.Attendance.UpdateOvertimeRequest(t.Context(), "21", resources.OvertimeUpdate{ID: "21", HoursAmount: ptr(float32(2))})
	must(t, err)
	o, err = c.Attendance.ApproveOvertimeRequest(t.Context(), resources.ApproveOvertimeRequestInput{ID: "21", Reason: ptr("Agreed"), ApproverID: ptr("1")})
	must(t, err)
	is(t, "Status", o.Status, resources.OvertimeStatusApproved)
	is(t, "ApproverFullName", o.ApproverFullName, "Ada Admin")
	o, err = c.Attendance.RejectOvertimeRequest(t.Context(), resources.RejectOvertimeRequestInput{ID: "22", Reason: "Not agreed beforehand"})
	must(t, err)
	is(t, "Status", o.Status, resources.OvertimeStatusRejected)
	o, err = c.Attendance.DeleteOvertimeRequest(t.Context(), "21")
	must(t, err)
	eq(t, "ID", o.ID, "21")
}

const reviewJSON = `{"id":"5","employee_id":"3","date":"2026-06-01","reviewed_at":"2026-07-01T09:00:00Z","author_id":"1"}`

func TestAttendanceReviews(t *testing.T) {
	c, _ := newClient(t,
		exchange{method: http.MethodGet, path: "/attendance/reviews", status: 200, body: page(onePage(1), reviewJSON),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantQuery(t, r, url.Values{"employee_ids[]": {"3"}, "start_on": {"2026-06-01"}, "end_on": {"2026-06-30"},
					"reviewed_at": {"2026-07-01T09:00:00Z"}})
			}},
		exchange{method: http.MethodPost, path: "/attendance/reviews/bulk_create", status: 200, body: "[" + reviewJSON + "]",
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"employee_ids":["3"],"start_on":"2026-06-01","end_on":"2026-06-01","reviewed_by":"1"}`)
			}},
		exchange{method: http.MethodPost, path: "/attendance/reviews/bulk_destroy", status: 200, body: "[" + reviewJSON + "]",
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"employee_ids":["3"],"start_on":"2026-06-01","end_on":"2026-06-01"}`)
			}},
	)
	all, err := c.Attendance.ListAttendanceReviews(t.Context(), &resources.ListAttendanceReviewsParams{EmployeeIDs: []string{"3"},
		StartOn: datep("2026-06-01"), EndOn: datep("2026-06-30"), ReviewedAt: ptr("2026-07-01T09:00:00Z")})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d reviews, want 1", len(all))
	}
	at(t, "ReviewedAt", all[0].ReviewedAt, "2026-07-01T09:00:00Z")
	made, err := c.Attendance.CreateAttendanceReviewsInBulk(t.Context(), resources.CreateAttendanceReviewsInBulkInput{
		EmployeeIDs: []string{"3"}, StartOn: date("2026-06-01"), EndOn: date("2026-06-01"), ReviewedBy: "1"})
	must(t, err)
	if len(made) != 1 {
		t.Fatalf("%d reviews created, want 1", len(made))
	}
	day(t, "Date", made[0].Date, "2026-06-01")
	gone, err := c.Attendance.DeleteAttendanceReviewsInBulk(t.Context(), resources.DeleteAttendanceReviewsInBulkInput{
		EmployeeIDs: []string{"3"}, StartOn: date("2026-06-01"), EndOn: date("2026-06-01")})
	must(t, err)
	if len(gone) != 1 {
		t.Fatalf("%d reviews removed, want 1", len(gone))
	}
}

const plannedShiftJSON = `{"id":"31","company_id":"1","name":"Morning","state":"draft","location_id":"3","locations_work_area_id":"5",` +
	`"employee_id":"3","start_at":"2026-07-06T06:00:00.000+00:00","end_at":"2026-07-06T14:00:00.000+00:00","notes":null,` +
	`"extra_hours":false,"default_shift_title":null,"timezone":"Europe/Madrid","local_start_at":"2026-07-06T08:00:00.000+00:00",` +
	`"local_end_at":"2026-07-06T16:00:00.000+00:00"}`

func TestListPlannedShifts(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/shift_management/shifts", status: 200, body: page(onePage(1), plannedShiftJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"without_ids[]": {"30"}, "location_ids[]": {"3"}, "start_at": {"2026-07-06"},
				"end_at": {"2026-07-12"}, "only_states[]": {"draft", "published"}})
		},
	})
	all, err := c.ShiftManagement.List(t.Context(), &resources.ListPlannedShiftsParams{WithoutIDs: []string{"30"},
		LocationIDs: []string{"3"}, StartAt: datep("2026-07-06"), EndAt: datep("2026-07-12"),
		OnlyStates: []resources.PlannedShiftState{resources.PlannedShiftStateDraft, resources.PlannedShiftStatePublished}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d shifts, want 1", len(all))
	}
	is(t, "State", all[0].State, resources.PlannedShiftStateDraft)
	is(t, "LocationsWorkAreaID", all[0].LocationsWorkAreaID, "5")
	at(t, "LocalStartAt", all[0].LocalStartAt, "2026-07-06T08:00:00Z")
}

func TestPlannedShiftLifecycle(t *testing.T) {
	c, _ := newClient(t,
		exchange{method: http.MethodPost, path: "/shift_management/shifts", status: 201, body: plannedShiftJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"name":"Morning","start_at":"2026-07-06T06:00:00+02:00","end_at":"2026-07-06T14:00:00+02:00",`+
					`"employee_id":"3","location_id":"3","work_area_id":"5","company_id":"1"}`)
			}},
		exchange{method: http.MethodGet, path: "/shift_management/shifts/31", status: 200, body: plannedShiftJSON},
		exchange{method: http.MethodDelete, path: "/shift_management/shifts/31", status: 200, body: plannedShiftJSON},
		exchange{method: http.MethodPost, path: "/shift_management/shifts/bulk_create", status: 200, body: "[" + plannedShiftJSON + "]",
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"shifts":[{"start_at":"2026-07-06T06:00:00+02:00","end_at":"2026-07-06T14:00:00+02:00",`+
					`"employee_id":"3","company_id":"1"}],"planned_breaks":[{"break_type":"fixed","break_configuration_id":"1","duration":30}]}`)
			}},
		exchange{method: http.MethodPost, path: "/shift_management/shifts/bulk_delete", status: 200, body: "[" + plannedShiftJSON + "]",
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"author_id":"1","employee_ids":["3"],"start_at":"2026-07-06T00:00:00+02:00","destroy_backup_shifts":true}`)
			}},
	)
	start, end := clock(6, 6, 0, 0), clock(6, 14, 0, 0)
	s, err := c.ShiftManagement.Create(t.Context(), resources.PlannedShiftCreate{Name: ptr("Morning"), StartAt: start, EndAt: end,
		EmployeeID: "3", LocationID: ptr("3"), WorkAreaID: ptr("5"), CompanyID: "1"})
	must(t, err)
	eq(t, "ID", s.ID, "31")
	_, err = c.ShiftManagement.Get(t.Context(), "31")
	must(t, err)
	_, err = c.ShiftManagement.Delete(t.Context(), "31")
	must(t, err)
	made, err := c.ShiftManagement.CreateInBulk(t.Context(), resources.CreatePlannedShiftsInBulkInput{
		Shifts:        []resources.PlannedShiftCreate{{StartAt: start, EndAt: end, EmployeeID: "3", CompanyID: "1"}},
		PlannedBreaks: []resources.FreeFormObject{{"break_type": "fixed", "break_configuration_id": "1", "duration": 30}}})
	must(t, err)
	if len(made) != 1 {
		t.Fatalf("%d shifts created, want 1", len(made))
	}
	dayStart := clock(6, 0, 0, 0)
	gone, err := c.ShiftManagement.DeleteInBulk(t.Context(), resources.DeletePlannedShiftsInBulkInput{AuthorID: "1",
		EmployeeIDs: []string{"3"}, StartAt: &dayStart, DestroyBackupShifts: ptr(true)})
	must(t, err)
	if len(gone) != 1 {
		t.Fatalf("%d shifts deleted, want 1", len(gone))
	}
}

const plannedBreakJSON = `{"id":"8","start_at":"2026-07-06T11:00:00.000+00:00","end_at":"2026-07-06T11:30:00.000+00:00","duration":30,` +
	`"break_type":"fixed","break_configuration_id":"1","break_configuration_name":"Lunch","break_configuration_paid":false,` +
	`"default_shift_id":null,"shift_configuration_id":null,"shift_id":"31","day_configuration_id":null}`

func TestPlannedBreaks(t *testing.T) {
	c, _ := newClient(t,
		exchange{method: http.MethodGet, path: "/time_planning/planned_breaks", status: 200, body: page(onePage(1), plannedBreakJSON),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantQuery(t, r, url.Values{"shift_ids[]": {"31"}, "paid": {"false"}, "active_break_configuration": {"true"}})
			}},
		exchange{method: http.MethodGet, path: "/time_planning/planned_breaks/8", status: 200, body: plannedBreakJSON},
		exchange{method: http.MethodPost, path: "/time_planning/planned_breaks/bulk_create", status: 200, body: "[" + plannedBreakJSON + "]",
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"planned_breaks":[{"break_type":"fixed","break_configuration_id":"1","shift_id":"31",`+
					`"start_at":"2026-07-06T11:00:00+02:00","end_at":"2026-07-06T11:30:00+02:00","duration":30}]}`)
			}},
	)
	all, err := c.TimePlanning.ListPlannedBreaks(t.Context(), &resources.ListPlannedBreaksParams{ShiftIDs: []string{"31"},
		Paid: ptr(false), ActiveBreakConfiguration: ptr(true)})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d breaks, want 1", len(all))
	}
	is(t, "BreakType", all[0].BreakType, resources.PlannedBreakTypeFixed)
	b, err := c.TimePlanning.GetPlannedBreak(t.Context(), "8")
	must(t, err)
	is(t, "BreakConfigurationName", b.BreakConfigurationName, "Lunch")
	start, end := clock(6, 11, 0, 0), clock(6, 11, 30, 0)
	made, err := c.TimePlanning.CreatePlannedBreaksInBulk(t.Context(), resources.CreatePlannedBreaksInBulkInput{
		PlannedBreaks: []resources.PlannedBreakCreate{{BreakType: resources.PlannedBreakTypeFixed, BreakConfigurationID: "1",
			ShiftID: ptr("31"), StartAt: &start, EndAt: &end, Duration: ptr(30)}}})
	must(t, err)
	if len(made) != 1 {
		t.Fatalf("%d breaks created, want 1", len(made))
	}
}

const planningVersionJSON = `{"id":"4","effective_at":"2026-07-01","planning_tool":"work_schedule","number_of_rest_days_in_cents":200,` +
	`"employee_id":"3","work_schedule_schedule_id":"2"}`

func TestPlanningVersions(t *testing.T) {
	c, _ := newClient(t,
		exchange{method: http.MethodGet, path: "/time_planning/planning_versions", status: 200, body: page(onePage(1), planningVersionJSON),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantQuery(t, r, url.Values{"employee_ids[]": {"3"}, "only_active": {"true"}, "planning_tool": {"work_schedule"},
					"schedule_ids[]": {"2"}})
			}},
		exchange{method: http.MethodPost, path: "/time_planning/planning_versions", status: 201, body: planningVersionJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"effective_at":"2026-07-01","planning_tool":"work_schedule","employee_id":"3","schedule_id":"2",`+
					`"number_of_rest_days_in_cents":200}`)
			}},
		exchange{method: http.MethodPut, path: "/time_planning/planning_versions/4", status: 200, body: planningVersionJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"id":"4","effective_at":"2026-07-01","planning_tool":"contract_hours"}`)
			}},
		exchange{method: http.MethodDelete, path: "/time_planning/planning_versions/4", status: 200, body: planningVersionJSON},
		exchange{method: http.MethodPost, path: "/time_planning/planning_versions/bulk_create", status: 200, body: "[" + planningVersionJSON + "]",
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"effective_at":"2026-07-01","planning_tool":"work_schedule","employee_ids":["3"],"schedule_id":"2"}`)
			}},
	)
	all, err := c.TimePlanning.ListPlanningVersions(t.Context(), &resources.ListPlanningVersionsParams{EmployeeIDs: []string{"3"},
		OnlyActive: ptr(true), PlanningTool: ptr(resources.PlanningToolWorkSchedule), ScheduleIDs: []string{"2"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d versions, want 1", len(all))
	}
	is(t, "WorkScheduleScheduleID", all[0].WorkScheduleScheduleID, "2")
	day(t, "EffectiveAt", all[0].EffectiveAt, "2026-07-01")
	v, err := c.TimePlanning.CreatePlanningVersion(t.Context(), resources.PlanningVersionCreate{EffectiveAt: date("2026-07-01"),
		PlanningTool: resources.PlanningToolWorkSchedule, EmployeeID: "3", ScheduleID: ptr("2"), NumberOfRestDaysInCents: ptr(200)})
	must(t, err)
	is(t, "ID", v.ID, "4")
	_, err = c.TimePlanning.UpdatePlanningVersion(t.Context(), "4", resources.PlanningVersionUpdate{ID: "4",
		EffectiveAt: date("2026-07-01"), PlanningTool: resources.PlanningToolContractHours})
	must(t, err)
	_, err = c.TimePlanning.DeletePlanningVersion(t.Context(), "4")
	must(t, err)
	made, err := c.TimePlanning.CreatePlanningVersionsInBulk(t.Context(), resources.CreatePlanningVersionsInBulkInput{
		EffectiveAt: date("2026-07-01"), PlanningTool: resources.PlanningToolWorkSchedule, EmployeeIDs: []string{"3"}, ScheduleID: ptr("2")})
	must(t, err)
	if len(made) != 1 {
		t.Fatalf("%d versions created, want 1", len(made))
	}
}

const breakConfigJSON = `{"id":"2","name":"Rest","paid":true,"archived":false}`

func TestBreakConfigurations(t *testing.T) {
	c, _ := newClient(t,
		exchange{method: http.MethodGet, path: "/time_settings/break_configurations", status: 200, body: page(onePage(1), breakConfigJSON),
			check: func(t testing.TB, r *http.Request, body []byte) { wantQuery(t, r, url.Values{"active": {"true"}}) }},
		exchange{method: http.MethodPost, path: "/time_settings/break_configurations", status: 201, body: breakConfigJSON,
			check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"name":"Rest","paid":true}`) }},
		exchange{method: http.MethodGet, path: "/time_settings/break_configurations/2", status: 200, body: breakConfigJSON},
		exchange{method: http.MethodPut, path: "/time_settings/break_configurations/2", status: 200,
			body:  `{"id":"2","name":"Rest","paid":true,"archived":true}`,
			check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"2","archived":true}`) }},
	)
	all, err := c.TimeSettings.ListBreakConfigurations(t.Context(), &resources.ListBreakConfigurationsParams{Active: ptr(true)})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d kinds of break, want 1", len(all))
	}
	is(t, "Paid", all[0].Paid, true)
	b, err := c.TimeSettings.CreateBreakConfiguration(t.Context(), resources.BreakConfigurationCreate{Name: "Rest", Paid: true})
	must(t, err)
	eq(t, "ID", b.ID, "2")
	_, err = c.TimeSettings.GetBreakConfiguration(t.Context(), "2")
	must(t, err)
	b, err = c.TimeSettings.UpdateBreakConfiguration(t.Context(), "2", resources.BreakConfigurationUpdate{ID: "2", Archived: ptr(true)})
	must(t, err)
	is(t, "Archived", b.Archived, true)
}

const workScheduleJSON = `{"id":"2","name":"Office hours","archived_at":null,"company_id":"1","created_at":"2026-01-01T09:00:00Z",` +
	`"updated_at":"2026-01-01T09:00:00Z","employee_ids":["3","4"],"periods":[{"id":"6","default":true}]}`

const overlapPeriodJSON = `{"id":"6","default":false,"schedule_id":"2","start_month":7,"start_day":1,"end_month":8,"end_day":31,` +
	`"schedule_type":"fixed"}`

const dayConfigurationJSON = `{"id":"11","overlap_period_id":"6","weekday":"monday","start_at":"08:00","duration_in_seconds":25200}`

func TestWorkSchedules(t *testing.T) {
	c, _ := newClient(t,
		exchange{method: http.MethodGet, path: "/work_schedule/schedules", status: 200, body: page(onePage(1), workScheduleJSON),
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantQuery(t, r, url.Values{"with_employee_ids": {"true"}, "with_periods": {"true"}})
			}},
		exchange{method: http.MethodPost, path: "/work_schedule/schedules", status: 201, body: workScheduleJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"name":"Office hours","schedule_type":"fixed"}`)
			}},
		exchange{method: http.MethodGet, path: "/work_schedule/schedules/2", status: 200, body: workScheduleJSON},
		exchange{method: http.MethodPut, path: "/work_schedule/schedules/2", status: 200, body: workScheduleJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"id":"2","name":"Office hours"}`)
			}},
		exchange{method: http.MethodPost, path: "/work_schedule/schedules/toggle_archive", status: 200,
			body: `{"id":"2","name":"Office hours","archived_at":"2026-07-01T10:00:00Z","company_id":"1","created_at":null,` +
				`"updated_at":null,"employee_ids":[],"periods":[]}`,
			check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"2"}`) }},
	)
	all, err := c.WorkSchedules.List(t.Context(), &resources.ListWorkSchedulesParams{WithEmployeeIDs: ptr(true), WithPeriods: ptr(true)})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d schedules, want 1", len(all))
	}
	ids(t, "EmployeeIDs", all[0].EmployeeIDs, "3", "4")
	if len(all[0].Periods) != 1 || all[0].Periods[0]["default"] != true {
		t.Errorf("Periods = %v", all[0].Periods)
	}
	_, err = c.WorkSchedules.Create(t.Context(), resources.WorkScheduleCreate{Name: "Office hours", ScheduleType: "fixed"})
	must(t, err)
	_, err = c.WorkSchedules.Get(t.Context(), "2")
	must(t, err)
	_, err = c.WorkSchedules.Update(t.Context(), "2", resources.WorkScheduleUpdate{ID: "2", Name: ptr("Office hours")})
	must(t, err)
	s, err := c.WorkSchedules.ToggleArchive(t.Context(), resources.ToggleWorkScheduleArchiveInput{ID: "2"})
	must(t, err)
	is(t, "ArchivedAt", s.ArchivedAt, "2026-07-01T10:00:00Z")
}

func TestWorkScheduleOverlapPeriodsAndDays(t *testing.T) {
	c, _ := newClient(t,
		exchange{method: http.MethodGet, path: "/work_schedule/overlap_periods", status: 200, body: page(onePage(1), overlapPeriodJSON),
			check: func(t testing.TB, r *http.Request, body []byte) { wantQuery(t, r, url.Values{"ids[]": {"6"}}) }},
		exchange{method: http.MethodPost, path: "/work_schedule/overlap_periods", status: 201, body: overlapPeriodJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"schedule_id":"2","create_params":{"start_month":7,"start_day":1,"end_month":8,"end_day":31}}`)
			}},
		exchange{method: http.MethodGet, path: "/work_schedule/overlap_periods/6", status: 200, body: overlapPeriodJSON},
		exchange{method: http.MethodPut, path: "/work_schedule/overlap_periods/6", status: 200, body: overlapPeriodJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"id":"6","update_params":{"end_day":31}}`)
			}},
		exchange{method: http.MethodDelete, path: "/work_schedule/overlap_periods/6", status: 200, body: overlapPeriodJSON},
		exchange{method: http.MethodGet, path: "/work_schedule/day_configurations", status: 200, body: page(onePage(1), dayConfigurationJSON),
			check: func(t testing.TB, r *http.Request, body []byte) { wantQuery(t, r, url.Values{"schedule_id": {"2"}}) }},
		exchange{method: http.MethodGet, path: "/work_schedule/day_configurations/11", status: 200, body: dayConfigurationJSON},
		exchange{method: http.MethodPost, path: "/work_schedule/day_configurations/bulk_cud", status: 200, body: dayConfigurationJSON,
			check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSON(t, r, body, `{"overlap_period_id":"6","day_configurations":[{"id":"10","_destroy":true},`+
					`{"weekday":"monday","start_at":"08:00","duration_in_seconds":25200}]}`)
			}},
	)
	all, err := c.WorkSchedules.ListOverlapPeriods(t.Context(), &resources.ListWorkScheduleOverlapPeriodsParams{IDs: []string{"6"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d periods, want 1", len(all))
	}
	is(t, "EndMonth", all[0].EndMonth, 8)
	p, err := c.WorkSchedules.CreateOverlapPeriod(t.Context(), resources.WorkScheduleOverlapPeriodCreate{ScheduleID: "2",
		CreateParams: map[string]any{"start_month": 7, "start_day": 1, "end_month": 8, "end_day": 31}})
	must(t, err)
	is(t, "Default", p.Default, false)
	_, err = c.WorkSchedules.GetOverlapPeriod(t.Context(), "6")
	must(t, err)
	_, err = c.WorkSchedules.UpdateOverlapPeriod(t.Context(), "6", resources.WorkScheduleOverlapPeriodUpdate{ID: "6",
		UpdateParams: map[string]any{"end_day": 31}})
	must(t, err)
	_, err = c.WorkSchedules.DeleteOverlapPeriod(t.Context(), "6")
	must(t, err)
	days, err := c.WorkSchedules.ListDayConfigurations(t.Context(), &resources.ListWorkScheduleDayConfigurationsParams{ScheduleID: ptr("2")})
	must(t, err)
	if len(days) != 1 {
		t.Fatalf("%d days, want 1", len(days))
	}
	is(t, "DurationInSeconds", days[0].DurationInSeconds, 25200)
	d, err := c.WorkSchedules.GetDayConfiguration(t.Context(), "11")
	must(t, err)
	is(t, "Weekday", d.Weekday, "monday")
	d, err = c.WorkSchedules.ApplyDayConfigurationChanges(t.Context(), resources.ApplyWorkScheduleDayConfigurationChangesInput{
		OverlapPeriodID: "6", DayConfigurations: []resources.FreeFormObject{{"id": "10", "_destroy": true},
			{"weekday": "monday", "start_at": "08:00", "duration_in_seconds": 25200}}})
	must(t, err)
	eq(t, "ID", d.ID, "11")
}
