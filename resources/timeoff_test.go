package resources_test

import (
	"errors"
	"net/http"
	"net/url"
	"slices"
	"testing"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/resources"
)

// Time off: leaves and their approval actions, leave types, allowances,
// allowance stats and policies.

// leavePendingJSON is a two-week vacation waiting for approval (approved
// null). duration_attributes, optional in Factorial's document, is left out
// here; TestGetLeaveNullDuration covers the null the API sends for it.
const leavePendingJSON = `{"id":"88001","company_id":"77","employee_id":"4243","employee_full_name":"Marc Puig",` +
	`"leave_type_id":"501","leave_type_name":null,"start_on":"2026-08-03","finish_on":"2026-08-14","half_day":null,` +
	`"start_time":null,"hours_amount_in_cents":null,"days_taken":10.0,"approved":null,"description":"Summer holidays",` +
	`"reason":null,"created_at":"2026-06-15T09:12:44.000+02:00",` +
	`"updated_at":"2026-06-15T09:12:44.000+02:00","deleted_at":null}`

// leaveApprovedJSON is the same leave once approved.
const leaveApprovedJSON = `{"id":"88001","company_id":"77","employee_id":"4243","employee_full_name":"Marc Puig",` +
	`"leave_type_id":"501","leave_type_name":null,"start_on":"2026-08-03","finish_on":"2026-08-14","half_day":null,` +
	`"start_time":null,"hours_amount_in_cents":null,"days_taken":10.0,"approved":true,"description":"Summer holidays",` +
	`"reason":null,"created_at":"2026-06-15T09:12:44.000+02:00",` +
	`"updated_at":"2026-07-06T12:30:00.000+02:00","deleted_at":null}`

// leaveDetailedJSON is the vacation as a list asked for include_leave_type
// and include_duration returns it: the leave type's name and the duration
// breakdown per year (the shape of Factorial's example).
const leaveDetailedJSON = `{"id":"88001","company_id":"77","employee_id":"4243","employee_full_name":"Marc Puig",` +
	`"leave_type_id":"501","leave_type_name":"Vacaciones","start_on":"2026-08-03","finish_on":"2026-08-14","half_day":null,` +
	`"start_time":null,"hours_amount_in_cents":null,"days_taken":10.0,"approved":true,"description":"Summer holidays",` +
	`"reason":null,"duration_attributes":{"accrues_list":{"2026":10.0},"workable_units":{"days":{"2026":10.0},` +
	`"hours":{"2026":80.0}},"used_units":{"days":{"2026":10.0},"hours":{"2026":80.0}},"french_calendar_flag_enabled":false,` +
	`"finish_on_natural":"2026-08-14"},"created_at":"2026-06-15T09:12:44.000+02:00",` +
	`"updated_at":"2026-07-06T12:30:00.000+02:00","deleted_at":null}`

// leaveHourlyJSON is a two-hour medical appointment: an hourly leave.
const leaveHourlyJSON = `{"id":"88002","company_id":"77","employee_id":"4242","employee_full_name":"Ana Ruiz",` +
	`"leave_type_id":"507","leave_type_name":"Medical appointment","start_on":"2026-07-09","finish_on":"2026-07-09",` +
	`"half_day":null,"start_time":"09:00","hours_amount_in_cents":200,"days_taken":0.25,"approved":true,` +
	`"description":null,"reason":"Dentist","created_at":"2026-07-01T17:03:12.000+02:00",` +
	`"updated_at":"2026-07-02T08:00:00.000+02:00","deleted_at":null}`

// leaveHalfDayJSON is a half-day leave, spelled as Factorial spells it.
const leaveHalfDayJSON = `{"id":"88003","company_id":"77","employee_id":"4250","employee_full_name":"Laura Serra",` +
	`"leave_type_id":"501","leave_type_name":"Vacaciones","start_on":"2026-07-24","finish_on":"2026-07-24",` +
	`"half_day":"beggining_of_day","start_time":null,"hours_amount_in_cents":null,"days_taken":0.5,"approved":false,` +
	`"description":null,"reason":null,"created_at":"2026-07-03T10:00:00.000+02:00",` +
	`"updated_at":"2026-07-03T10:00:00.000+02:00","deleted_at":null}`

func checkPendingLeave(t *testing.T, l resources.Leave) {
	t.Helper()
	eq(t, "ID", l.ID, "88001")
	is(t, "CompanyID", l.CompanyID, "77")
	is(t, "EmployeeID", l.EmployeeID, "4243")
	is(t, "EmployeeFullName", l.EmployeeFullName, "Marc Puig")
	is(t, "LeaveTypeID", l.LeaveTypeID, "501")
	day(t, "StartOn", l.StartOn, "2026-08-03")
	day(t, "FinishOn", l.FinishOn, "2026-08-14")
	is(t, "DaysTaken", l.DaysTaken, float32(10))
	null(t, "Approved", l.Approved)
	null(t, "HalfDay", l.HalfDay)
	null(t, "DeletedAt", l.DeletedAt)
	if l.DurationAttributes != nil {
		t.Errorf("DurationAttributes = %v, want nil", l.DurationAttributes)
	}
	at(t, "CreatedAt", l.CreatedAt, "2026-06-15T07:12:44Z")
}

// TestListLeavesPage asks for page 3 of 20 with the list's filters,
// including Factorial's singular `leave_type_id[]` and both includes.
func TestListLeavesPage(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/leaves", status: 200,
		body: page(`{"has_next_page":false,"has_previous_page":true,"limit":20,"total":43,`+
			`"start_cursor":"eyJpZCI6ODgwMDF9","end_cursor":"eyJpZCI6ODgwMDN9"}`, leaveDetailedJSON, leaveHourlyJSON, leaveHalfDayJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{
				"employee_ids[]": {"4242", "4243", "4250"}, "leave_type_id[]": {"501", "507"}, "from": {"2026-07-01"},
				"to": {"2026-09-30"}, "include_leave_type": {"true"}, "include_duration": {"true"}, "limit": {"20"}, "page": {"3"},
			})
			wantRawQuery(t, r, "employee_ids%5B%5D=4242&employee_ids%5B%5D=4243&employee_ids%5B%5D=4250"+
				"&leave_type_id%5B%5D=501&leave_type_id%5B%5D=507&from=2026-07-01&to=2026-09-30"+
				"&include_leave_type=true&include_duration=true&limit=20&page=3")
		},
	})
	pg, err := c.TimeOff.ListLeavesPage(t.Context(), &resources.ListLeavesParams{
		EmployeeIDs: []string{"4242", "4243", "4250"}, LeaveTypeID: []string{"501", "507"},
		From: datep("2026-07-01"), To: datep("2026-09-30"), IncludeLeaveType: ptr(true), IncludeDuration: ptr(true),
		Limit: ptr(20), Page: ptr(3),
	})
	must(t, err)
	if len(pg.Data) != 3 {
		t.Fatalf("%d leaves, want 3", len(pg.Data))
	}
	if pg.Meta.HasNextPage || !pg.Meta.HasPreviousPage || pg.Meta.Total != 43 {
		t.Errorf("meta = %+v", pg.Meta)
	}
	is(t, "Meta.StartCursor", pg.Meta.StartCursor, "eyJpZCI6ODgwMDF9")

	vacation, hourly, half := pg.Data[0], pg.Data[1], pg.Data[2]
	is(t, "LeaveTypeName", vacation.LeaveTypeName, "Vacaciones")
	is(t, "Approved", vacation.Approved, true)
	// duration_attributes is a free-form object.
	d := vacation.DurationAttributes
	if d == nil {
		t.Fatal("DurationAttributes is nil")
	}
	if d["finish_on_natural"] != "2026-08-14" || d["french_calendar_flag_enabled"] != false {
		t.Errorf("DurationAttributes = %v", d)
	}
	if used, _ := d["used_units"].(map[string]any); used == nil || used["hours"].(map[string]any)["2026"] != 80.0 {
		t.Errorf("DurationAttributes.used_units = %v, want 80 hours in 2026", d["used_units"])
	}

	is(t, "hourly StartTime", hourly.StartTime, "09:00")
	is(t, "hourly HoursAmountInCents", hourly.HoursAmountInCents, 200)
	is(t, "hourly DaysTaken", hourly.DaysTaken, float32(0.25))
	is(t, "hourly Reason", hourly.Reason, "Dentist")

	is(t, "half HalfDay", half.HalfDay, "beggining_of_day")
	is(t, "half DaysTaken", half.DaysTaken, float32(0.5))
	is(t, "half Approved", half.Approved, false)
}

// TestListLeavesIncludingDeleted: a deleted leave carries deleted_at.
func TestListLeavesIncludingDeleted(t *testing.T) {
	const deleted = `{"id":"87990","company_id":"77","employee_id":"4243","leave_type_id":"501","start_on":"2026-07-20",` +
		`"finish_on":"2026-07-21","days_taken":2.0,"approved":true,"created_at":"2026-06-01T09:00:00.000+02:00",` +
		`"updated_at":"2026-06-20T15:45:00.000+02:00","deleted_at":"2026-06-20T15:45:00.000+02:00"}`
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/leaves", status: 200,
		body: page(onePage(2), leavePendingJSON, deleted),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"employee_ids[]": {"4243"}, "include_deleted_leaves": {"true"}})
		},
	})
	all, err := c.TimeOff.ListLeaves(t.Context(), &resources.ListLeavesParams{
		EmployeeIDs: []string{"4243"}, IncludeDeletedLeaves: ptr(true),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d leaves, want 2", len(all))
	}
	checkPendingLeave(t, all[0])
	at(t, "DeletedAt", all[1].DeletedAt, "2026-06-20T13:45:00Z")
}

func TestCreateLeave(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/timeoff/leaves", status: 201, body: leavePendingJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"employee_id":"4243","leave_type_id":"501","start_on":"2026-08-03",`+
				`"finish_on":"2026-08-14","description":"Summer holidays"}`)
		},
	})
	l, err := c.TimeOff.CreateLeave(t.Context(), resources.LeaveCreate{
		EmployeeID: "4243", LeaveTypeID: ptr("501"), StartOn: date("2026-08-03"), FinishOn: datep("2026-08-14"),
		Description: ptr("Summer holidays"),
	})
	must(t, err)
	checkPendingLeave(t, l)
}

// TestCreateLeaveHourly sends the hourly form: start time and hundredths of
// hours.
func TestCreateLeaveHourly(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/timeoff/leaves", status: 201, body: leaveHourlyJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"employee_id":"4242","leave_type_id":"507","start_on":"2026-07-09","finish_on":"2026-07-09",`+
				`"start_time":"09:00","hours_amount_in_cents":200}`)
		},
	})
	l, err := c.TimeOff.CreateLeave(t.Context(), resources.LeaveCreate{
		EmployeeID: "4242", LeaveTypeID: ptr("507"), StartOn: date("2026-07-09"), FinishOn: datep("2026-07-09"),
		StartTime: ptr("09:00"), HoursAmountInCents: ptr(200),
	})
	must(t, err)
	eq(t, "ID", l.ID, "88002")
	is(t, "HoursAmountInCents", l.HoursAmountInCents, 200)
}

// TestCreateLeaveRejected: request validation fails with 422 and
// {"errors": {"errors": [...]}}, the nested shape seen from the dated API.
func TestCreateLeaveRejected(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/timeoff/leaves", status: 422,
		body: `{"errors":{"errors":["Leave overlaps with another leave of the employee"]}}`,
	})
	_, err := c.TimeOff.CreateLeave(t.Context(), resources.LeaveCreate{
		EmployeeID: "4243", LeaveTypeID: ptr("501"), StartOn: date("2026-08-03"), FinishOn: datep("2026-08-14"),
	})
	fe := apiError(t, err)
	eq(t, "StatusCode", fe.StatusCode, 422)
	eq(t, "Kind", fe.Kind, factorial.KindStatus)
	eq(t, "Operation", fe.Operation, "CreateLeave")
	eq(t, "Method", fe.Method, http.MethodPost)
	// The nested list is the messages themselves: "errors" names no field.
	if fe.FieldErrors != nil {
		t.Errorf("FieldErrors = %q, want none", fe.FieldErrors)
	}
	if !slices.Equal(fe.Messages, []string{"Leave overlaps with another leave of the employee"}) {
		t.Errorf("Messages = %q, want the one message", fe.Messages)
	}
	if errors.Is(err, factorial.ErrNotFound) || errors.Is(err, factorial.ErrForbidden) {
		t.Errorf("a 422 matched a status sentinel: %v", err)
	}
}

func TestGetLeave(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/leaves/88001", status: 200, body: leavePendingJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	l, err := c.TimeOff.GetLeave(t.Context(), "88001")
	must(t, err)
	checkPendingLeave(t, l)
}

// TestGetLeaveNullDuration: without include_duration the API answers
// duration_attributes as null (a leave recorded from the live 2026 API by a
// peer client carries "duration_attributes": null, and that client's schema
// declares the field nullable). The spec must accept the null.
func TestGetLeaveNullDuration(t *testing.T) {
	const leave = `{"id":"88001","company_id":"77","employee_id":"4243","employee_full_name":"Marc Puig",` +
		`"leave_type_id":"501","leave_type_name":null,"start_on":"2026-08-03","finish_on":"2026-08-14","half_day":null,` +
		`"start_time":null,"hours_amount_in_cents":null,"days_taken":10.0,"approved":null,"description":"Summer holidays",` +
		`"reason":null,"duration_attributes":null,"created_at":"2026-06-15T09:12:44.000+02:00",` +
		`"updated_at":"2026-06-15T09:12:44.000+02:00","deleted_at":null}`
	c := one(t, exchange{method: http.MethodGet, path: "/timeoff/leaves/88001", status: 200, body: leave})
	l, err := c.TimeOff.GetLeave(t.Context(), "88001")
	must(t, err)
	checkPendingLeave(t, l)
}

func TestUpdateLeave(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/timeoff/leaves/88003", status: 200, body: leaveHalfDayJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"88003","start_on":"2026-07-24","finish_on":"2026-07-24",`+
				`"half_day":"beggining_of_day","skip_notifications":true}`)
		},
	})
	l, err := c.TimeOff.UpdateLeave(t.Context(), "88003", resources.LeaveUpdate{
		ID: "88003", StartOn: datep("2026-07-24"), FinishOn: datep("2026-07-24"), HalfDay: ptr("beggining_of_day"),
		SkipNotifications: ptr(true),
	})
	must(t, err)
	eq(t, "ID", l.ID, "88003")
	is(t, "HalfDay", l.HalfDay, "beggining_of_day")
}

func TestDeleteLeave(t *testing.T) {
	const deleted = `{"id":"88003","company_id":"77","employee_id":"4250","leave_type_id":"501","start_on":"2026-07-24",` +
		`"finish_on":"2026-07-24","half_day":"beggining_of_day","days_taken":0.5,"approved":false,` +
		`"created_at":"2026-07-03T10:00:00.000+02:00","updated_at":"2026-07-06T16:00:00.000+02:00",` +
		`"deleted_at":"2026-07-06T16:00:00.000+02:00"}`
	c := one(t, exchange{
		method: http.MethodDelete, path: "/timeoff/leaves/88003", status: 200, body: deleted,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	l, err := c.TimeOff.DeleteLeave(t.Context(), "88003")
	must(t, err)
	eq(t, "ID", l.ID, "88003")
	at(t, "DeletedAt", l.DeletedAt, "2026-07-06T14:00:00Z")
}

func TestApproveLeave(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/timeoff/leaves/approve", status: 200, body: leaveApprovedJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"88001"}`) },
	})
	l, err := c.TimeOff.ApproveLeave(t.Context(), resources.ApproveLeaveInput{ID: "88001"})
	must(t, err)
	eq(t, "ID", l.ID, "88001")
	is(t, "Approved", l.Approved, true)
	at(t, "UpdatedAt", l.UpdatedAt, "2026-07-06T10:30:00Z")
}

// TestApproveLeaveForbidden: a caller outside the leave's approval flow is
// refused with 403 and {"message": ...}.
func TestApproveLeaveForbidden(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/timeoff/leaves/approve", status: 403,
		body: `{"message":"You are not authorized to perform this action"}`,
	})
	_, err := c.TimeOff.ApproveLeave(t.Context(), resources.ApproveLeaveInput{ID: "88001"})
	if !errors.Is(err, factorial.ErrForbidden) {
		t.Fatalf("err = %v, want ErrForbidden", err)
	}
	fe := apiError(t, err)
	eq(t, "StatusCode", fe.StatusCode, 403)
	eq(t, "Operation", fe.Operation, "ApproveLeave")
	eq(t, "Message()", fe.Message(), "You are not authorized to perform this action")
	if fe.FieldErrors != nil {
		t.Errorf("FieldErrors = %v, want none", fe.FieldErrors)
	}
}

func TestApproveLeaveDirectly(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/timeoff/leaves/approve_all", status: 200, body: leaveApprovedJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"88001"}`) },
	})
	l, err := c.TimeOff.ApproveLeaveDirectly(t.Context(), resources.ApproveLeaveDirectlyInput{ID: "88001"})
	must(t, err)
	eq(t, "ID", l.ID, "88001")
	is(t, "Approved", l.Approved, true)
}

func TestRejectLeave(t *testing.T) {
	const rejected = `{"id":"88001","company_id":"77","employee_id":"4243","leave_type_id":"501","start_on":"2026-08-03",` +
		`"finish_on":"2026-08-14","days_taken":10.0,"approved":false,"description":"Summer holidays",` +
		`"reason":"Team coverage is too low in August","created_at":"2026-06-15T09:12:44.000+02:00",` +
		`"updated_at":"2026-07-06T12:31:00.000+02:00","deleted_at":null}`
	c := one(t, exchange{
		method: http.MethodPost, path: "/timeoff/leaves/reject", status: 200, body: rejected,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"88001","reason":"Team coverage is too low in August"}`)
		},
	})
	l, err := c.TimeOff.RejectLeave(t.Context(), resources.RejectLeaveInput{
		ID: "88001", Reason: ptr("Team coverage is too low in August"),
	})
	must(t, err)
	is(t, "Approved", l.Approved, false)
	is(t, "Reason", l.Reason, "Team coverage is too low in August")
}

// Leave types.

const leaveTypeVacationJSON = `{"id":"501","company_id":"77","name":"Vacaciones","translated_name":"Vacation",` +
	`"identifier":"holiday","description":null,"color":"#3ea9f5","active":true,"editable":false,"approval_required":true,` +
	`"accrues":true,"attachment":false,"is_attachment_mandatory":false,"details_required":false,"allow_endless":false,` +
	`"restricted":false,"visibility":true,"workable":false,"payable":true,"half_days_units_enabled":true,` +
	`"max_days_in_cents":null,"min_days_in_cents":50,"allowance_ids":["610"]}`

const leaveTypeMedicalJSON = `{"id":"507","company_id":"77","name":"Medical appointment","translated_name":null,` +
	`"identifier":"custom","description":"Doctor or dentist visits, up to 4 hours","color":"#f57e3e","active":true,` +
	`"editable":true,"approval_required":false,"accrues":false,"attachment":true,"is_attachment_mandatory":true,` +
	`"details_required":true,"allow_endless":false,"restricted":false,"visibility":false,"workable":false,"payable":true,` +
	`"half_days_units_enabled":false,"max_days_in_cents":50,"min_days_in_cents":null,"allowance_ids":[]}`

func TestListLeaveTypes(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/leave_types", status: 200,
		body: page(onePage(2), leaveTypeVacationJSON, leaveTypeMedicalJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"active": {"true"}, "employee_id": {"4243"}, "reference_date": {"2026-07-06"}})
		},
	})
	all, err := c.TimeOff.ListLeaveTypes(t.Context(), &resources.ListLeaveTypesParams{
		Active: ptr(true), EmployeeID: ptr("4243"), ReferenceDate: datep("2026-07-06"),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d leave types, want 2", len(all))
	}
	eq(t, "ID", all[0].ID, "501")
	is(t, "Identifier", all[0].Identifier, "holiday")
	is(t, "TranslatedName", all[0].TranslatedName, "Vacation")
	ids(t, "AllowanceIDs", all[0].AllowanceIDs, "610")
	null(t, "MaxDaysInCents", all[0].MaxDaysInCents)
	is(t, "second IsAttachmentMandatory", all[1].IsAttachmentMandatory, true)
	is(t, "second MaxDaysInCents", all[1].MaxDaysInCents, 50)
	if all[1].AllowanceIDs == nil || len(all[1].AllowanceIDs) != 0 {
		t.Errorf("second AllowanceIDs = %#v, want empty", all[1].AllowanceIDs)
	}
}

// TestListLeaveTypesByIdentifier filters on one identifier.
func TestListLeaveTypesByIdentifier(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/leave_types", status: 200,
		body: page(onePage(1), leaveTypeVacationJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantRawQuery(t, r, "company_ids%5B%5D=77&identifier=holiday")
		},
	})
	all, err := c.TimeOff.ListLeaveTypes(t.Context(), &resources.ListLeaveTypesParams{
		CompanyIDs: []string{"77"}, Identifier: ptr("holiday"),
	})
	must(t, err)
	if len(all) != 1 || all[0].ID != "501" {
		t.Fatalf("leave types = %+v, want 501", all)
	}
}

func TestCreateLeaveType(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/timeoff/leave_types", status: 201, body: leaveTypeMedicalJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"company_id":"77","name":"Medical appointment","identifier":"custom",`+
				`"description":"Doctor or dentist visits, up to 4 hours","color":"#f57e3e","accrues":false,`+
				`"approval_required":false,"attachment":true,"is_attachment_mandatory":true,"details_required":true,`+
				`"visibility":false,"workable":false,"payable":true,"max_days_in_cents":50}`)
		},
	})
	lt, err := c.TimeOff.CreateLeaveType(t.Context(), resources.LeaveTypeCreate{
		CompanyID: "77", Name: "Medical appointment", Identifier: "custom",
		Description: ptr("Doctor or dentist visits, up to 4 hours"), Color: "#f57e3e", Accrues: false,
		ApprovalRequired: false, Attachment: ptr(true), IsAttachmentMandatory: ptr(true), DetailsRequired: true,
		Visibility: ptr(false), Workable: false, Payable: ptr(true), MaxDaysInCents: ptr(50),
	})
	must(t, err)
	eq(t, "ID", lt.ID, "507")
	is(t, "Color", lt.Color, "#f57e3e")
	is(t, "Attachment", lt.Attachment, true)
}

func TestGetLeaveType(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/leave_types/501", status: 200, body: leaveTypeVacationJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	lt, err := c.TimeOff.GetLeaveType(t.Context(), "501")
	must(t, err)
	eq(t, "ID", lt.ID, "501")
	is(t, "Name", lt.Name, "Vacaciones")
	is(t, "ApprovalRequired", lt.ApprovalRequired, true)
	is(t, "HalfDaysUnitsEnabled", lt.HalfDaysUnitsEnabled, true)
	is(t, "MinDaysInCents", lt.MinDaysInCents, 50)
	null(t, "Description", lt.Description)
}

// TestUpdateLeaveType deactivates a type; the update body requires nothing,
// the id included, so only what is set is sent.
func TestUpdateLeaveType(t *testing.T) {
	const inactive = `{"id":"507","company_id":"77","name":"Medical appointment","identifier":"custom","color":"#f57e3e",` +
		`"active":false,"attachment":true,"is_attachment_mandatory":false,"details_required":true,"visibility":false,` +
		`"workable":false,"allowance_ids":[]}`
	c := one(t, exchange{
		method: http.MethodPut, path: "/timeoff/leave_types/507", status: 200, body: inactive,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"507","active":false,"is_attachment_mandatory":false}`)
		},
	})
	lt, err := c.TimeOff.UpdateLeaveType(t.Context(), "507", resources.LeaveTypeUpdate{
		ID: ptr("507"), Active: ptr(false), IsAttachmentMandatory: ptr(false),
	})
	must(t, err)
	is(t, "Active", lt.Active, false)
	is(t, "IsAttachmentMandatory", lt.IsAttachmentMandatory, false)
}

// Allowances.

// allowanceJSON is the yearly vacation allowance of policy 41: 23 days,
// accrued monthly, with one tenure period (untyped objects in Factorial's
// document, kept as maps here).
const allowanceJSON = `{"id":"610","name":"Vacaciones 2026","timeoff_policy_id":"41","leave_type_ids":["501"],` +
	`"allowance_type":"days","available_days":"generated_days_monthly","accrued_units_availability":"current_cycle",` +
	`"days_type":"working_days","frequency":"yearly","negative_counter_type":"negative_counter_disabled",` +
	`"proration_type":"proration_enabled","range_type":"exact_range","rounding":"half_day","source_units":"base_units",` +
	`"tenure_period_transition":"beginning_of_cycle","cycle_start":"jan","cycle_length":12,"timeoff_cycle":"jan_dec",` +
	`"holiday_allowance_in_cents":2300,"maximum_amount_in_cents":null,"accrued_factor_in_cents":null,` +
	`"accrued_denominator_in_cents":null,"carry_over_days":5,"carry_over_units_in_cents":500,` +
	`"employee_carry_over_starting_year":null,"expire_in_months":3,"count_holiday_as_workable":false,` +
	`"pto_proratio_enabled":true,"position":0,"send_notification":null,"tenure_periods_enabled":true,` +
	`"tenure_periods":[{"id":"7","period_type":"years","period_length":5,"adjustment_in_cents":100,"max_cap_in_cents":2800,` +
	`"time_worked_based_hours_accrued_in_cents":null,"time_worked_based_per_hours_worked_in_cents":null,` +
	`"balance_type":"fixed_balance"}],"unlimited_holidays":false,"unlimited_accrued_hours":false,` +
	`"unlimited_carry_over":false,"unlimited_carry_over_expiration":false}`

func checkAllowance(t *testing.T, a resources.Allowance) {
	t.Helper()
	eq(t, "ID", a.ID, "610")
	is(t, "Name", a.Name, "Vacaciones 2026")
	is(t, "TimeoffPolicyID", a.TimeoffPolicyID, "41")
	ids(t, "LeaveTypeIDs", a.LeaveTypeIDs, "501")
	is(t, "AllowanceType", a.AllowanceType, resources.AllowanceUnitDays)
	is(t, "AvailableDays", a.AvailableDays, resources.AllowanceAccrualGeneratedDaysMonthly)
	is(t, "DaysType", a.DaysType, resources.AllowanceDaysTypeWorkingDays)
	is(t, "ProrationType", a.ProrationType, resources.AllowanceProrationProrationEnabled)
	is(t, "RangeType", a.RangeType, resources.AllowanceRangeTypeExactRange)
	is(t, "Rounding", a.Rounding, resources.AllowanceRoundingHalfDay)
	is(t, "CycleStart", a.CycleStart, "jan")
	is(t, "TimeoffCycle", a.TimeoffCycle, "jan_dec")
	is(t, "HolidayAllowanceInCents", a.HolidayAllowanceInCents, 2300)
	null(t, "MaximumAmountInCents", a.MaximumAmountInCents)
	is(t, "PtoProratioEnabled", a.PtoProratioEnabled, true)
	if len(a.TenurePeriods) != 1 || a.TenurePeriods[0]["period_type"] != "years" || a.TenurePeriods[0]["period_length"] != 5.0 {
		t.Errorf("TenurePeriods = %v, want one of 5 years", a.TenurePeriods)
	}
}

func TestListAllowances(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/allowances", status: 200,
		body: page(onePage(1), allowanceJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"timeoff_policy_id": {"41"}, "by_overtime": {"false"}})
		},
	})
	all, err := c.TimeOff.ListAllowances(t.Context(), &resources.ListAllowancesParams{
		TimeoffPolicyID: ptr("41"), ByOvertime: ptr(false),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d allowances, want 1", len(all))
	}
	checkAllowance(t, all[0])
}

// TestCreateAllowance sends every setting Factorial's document requires,
// the false booleans and the empty tenure list included.
func TestCreateAllowance(t *testing.T) {
	const created = `{"id":"612","name":"Overtime compensation","timeoff_policy_id":"41","leave_type_ids":["509"],` +
		`"allowance_type":"hours","available_days":"all_days","accrued_units_availability":"next_cycle",` +
		`"days_type":"working_days","negative_counter_type":"negative_counter_enabled","proration_type":"proration_disabled",` +
		`"rounding":"decimals","source_units":"overtime_units","cycle_start":"employee_hired_date","timeoff_cycle":null,` +
		`"holiday_allowance_in_cents":0,"count_holiday_as_workable":true,"pto_proratio_enabled":false,"tenure_periods":[],` +
		`"unlimited_holidays":false,"unlimited_accrued_hours":true,"unlimited_carry_over":false,` +
		`"unlimited_carry_over_expiration":false}`
	c := one(t, exchange{
		method: http.MethodPost, path: "/timeoff/allowances", status: 201, body: created,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"name":"Overtime compensation","timeoff_policy_id":"41","leave_type_ids":["509"],`+
				`"allowance_type":"hours","available_days":"all_days","accrued_units_availability":"next_cycle",`+
				`"cycle_start":"employee_hired_date","days_type":"working_days","holiday_allowance_in_cents":0,`+
				`"negative_counter_type":"negative_counter_enabled","proration_type":"proration_disabled",`+
				`"pto_proratio_enabled":false,"rounding":"decimals","source_units":"overtime_units",`+
				`"count_holiday_as_workable":true,"tenure_periods":[],"unlimited_accrued_hours":true,`+
				`"unlimited_carry_over":false,"unlimited_carry_over_expiration":false,"unlimited_holidays":false}`)
		},
	})
	a, err := c.TimeOff.CreateAllowance(t.Context(), resources.AllowanceCreate{
		Name: "Overtime compensation", TimeoffPolicyID: "41", LeaveTypeIDs: []string{"509"},
		AllowanceType: resources.AllowanceUnitHours, AvailableDays: resources.AllowanceAccrualAllDays,
		AccruedUnitsAvailability: resources.AllowanceUnitsAvailabilityNextCycle,
		CycleStart:               resources.AllowanceCycleStartEmployeeHiredDate, DaysType: resources.AllowanceDaysTypeWorkingDays,
		HolidayAllowanceInCents: 0, NegativeCounterType: resources.AllowanceNegativeCounterNegativeCounterEnabled,
		ProrationType: resources.AllowanceProrationProrationDisabled, PtoProratioEnabled: false,
		Rounding: resources.AllowanceRoundingDecimals, SourceUnits: resources.AllowanceSourceUnitsOvertimeUnits,
		CountHolidayAsWorkable: true, TenurePeriods: []resources.AllowanceTenurePeriod{}, UnlimitedAccruedHours: true,
	})
	must(t, err)
	eq(t, "ID", a.ID, "612")
	is(t, "AllowanceType", a.AllowanceType, resources.AllowanceUnitHours)
	is(t, "SourceUnits", a.SourceUnits, resources.AllowanceSourceUnitsOvertimeUnits)
	is(t, "CycleStart", a.CycleStart, "employee_hired_date")
	null(t, "TimeoffCycle", a.TimeoffCycle)
	if a.TenurePeriods == nil || len(a.TenurePeriods) != 0 {
		t.Errorf("TenurePeriods = %#v, want empty", a.TenurePeriods)
	}
}

func TestGetAllowance(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/allowances/610", status: 200, body: allowanceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	a, err := c.TimeOff.GetAllowance(t.Context(), "610")
	must(t, err)
	checkAllowance(t, a)
}

func TestUpdateAllowance(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/timeoff/allowances/610", status: 200, body: allowanceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"610","name":"Vacaciones 2026","holiday_allowance_in_cents":2300,`+
				`"carry_over_units_in_cents":500,"expire_in_months":3,"tenure_periods_enabled":true,`+
				`"tenure_periods":[{"period_type":"years","period_length":5,"adjustment_in_cents":100,"balance_type":"fixed_balance"}]}`)
		},
	})
	a, err := c.TimeOff.UpdateAllowance(t.Context(), "610", resources.AllowanceUpdate{
		ID: "610", Name: ptr("Vacaciones 2026"), HolidayAllowanceInCents: ptr(2300), CarryOverUnitsInCents: ptr(500),
		ExpireInMonths: ptr(3), TenurePeriodsEnabled: ptr(true),
		TenurePeriods: []resources.AllowanceTenurePeriod{{
			"period_type": "years", "period_length": 5, "adjustment_in_cents": 100, "balance_type": "fixed_balance",
		}},
	})
	must(t, err)
	checkAllowance(t, a)
}

func TestDeleteAllowance(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/timeoff/allowances/610", status: 200, body: allowanceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	a, err := c.TimeOff.DeleteAllowance(t.Context(), "610")
	must(t, err)
	checkAllowance(t, a)
}

func TestDeleteAllowanceWithAltAllowance(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/timeoff/allowances/delete_with_alt_allowance", status: 200, body: allowanceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"610","alt_allowance_id":"611"}`)
		},
	})
	a, err := c.TimeOff.DeleteAllowanceWithAltAllowance(t.Context(),
		resources.DeleteAllowanceWithAltAllowanceInput{ID: "610", AltAllowanceID: "611"})
	must(t, err)
	checkAllowance(t, a)
}

// Allowance stats: counters with decimal strings and a virtual id.

const allowanceStatJSON = `{"id":"4243/610/2026-07-06","allowance_id":"610","employee_id":"4243","year":2026,` +
	`"cycles":[{"id":"610/2026-01-01/2026-12-31","start_at":"2026-01-01","end_at":"2026-12-31",` +
	`"regular_start_at":"2026-01-01","regular_end_at":"2026-12-31","allowance_id":"610"}],` +
	`"cycle_carry_overs":[{"from_cycle_ending_on":"2025-12-31","expire_in_months":3,"non_expire":false,"total":"3.0",` +
	`"used":[{"date":"2026-02-16","amount":"1.0"}],"accumulated":"3.0","expired":"2.0","taken":"1.0"}],` +
	`"policy_allowance":"23.0","prorated_allowance_days":"23.0","total_accrued_units":"11.5","accumulated_carry_over":"3.0",` +
	`"used_carry_over":"1.0","incidences":"1.0","accrued_incidences":"0.0","available_incidences":"1.0","total":"15.5",` +
	`"total_in_decimal":null,"max_balance_cap":null,"used_days":"4.0","used_units_until_reference_date":"4.0",` +
	`"outstanding_units":"10.0","available_days":"1.5"}`

func checkAllowanceStat(t *testing.T, s resources.AllowanceStat) {
	t.Helper()
	eq(t, "ID", s.ID, "4243/610/2026-07-06")
	is(t, "AllowanceID", s.AllowanceID, "610")
	is(t, "EmployeeID", s.EmployeeID, "4243")
	is(t, "Year", s.Year, 2026)
	is(t, "Total", s.Total, "15.5")
	is(t, "AvailableDays", s.AvailableDays, "1.5")
	is(t, "OutstandingUnits", s.OutstandingUnits, "10.0")
	null(t, "MaxBalanceCap", s.MaxBalanceCap)
	null(t, "TotalInDecimal", s.TotalInDecimal)
	if len(s.Cycles) != 1 || s.Cycles[0]["start_at"] != "2026-01-01" {
		t.Errorf("Cycles = %v", s.Cycles)
	}
	if len(s.CycleCarryOvers) != 1 || s.CycleCarryOvers[0]["expired"] != "2.0" {
		t.Errorf("CycleCarryOvers = %v", s.CycleCarryOvers)
	}
}

func TestListAllowanceStats(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/allowance_stats", status: 200,
		body: page(onePage(1), allowanceStatJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantRawQuery(t, r, "employee_ids%5B%5D=4243&allowance_ids%5B%5D=610&reference_date=2026-07-06")
		},
	})
	all, err := c.TimeOff.ListAllowanceStats(t.Context(), &resources.ListAllowanceStatsParams{
		EmployeeIDs: []string{"4243"}, AllowanceIDs: []string{"610"}, ReferenceDate: datep("2026-07-06"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d stats, want 1", len(all))
	}
	checkAllowanceStat(t, all[0])
}

// TestGetAllowanceStat: the virtual id's slashes are percent-encoded in the
// path, so the id stays one path segment.
func TestGetAllowanceStat(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/allowance_stats/4243%2F610%2F2026-07-06", status: 200, body: allowanceStatJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	s, err := c.TimeOff.GetAllowanceStat(t.Context(), "4243/610/2026-07-06")
	must(t, err)
	checkAllowanceStat(t, s)
}

// Policies.

const policyJSON = `{"id":"41","name":"Spain – office staff","company_id":"77","description":"23 working days a year",` +
	`"main":true}`

const policyFranceJSON = `{"id":"42","name":"France – cadres","company_id":"77","description":null,"main":false}`

func TestListPolicies(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/policies", status: 200,
		body: page(onePage(2), policyJSON, policyFranceJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"company_ids[]": {"77"}})
		},
	})
	all, err := c.TimeOff.ListPolicies(t.Context(), &resources.ListPoliciesParams{CompanyIDs: []string{"77"}})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d policies, want 2", len(all))
	}
	eq(t, "ID", all[0].ID, "41")
	is(t, "Main", all[0].Main, true)
	is(t, "second Name", all[1].Name, "France – cadres")
	null(t, "second Description", all[1].Description)
}

func TestCreatePolicy(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/timeoff/policies", status: 201, body: policyFranceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"name":"France – cadres","company_id":"77","main":false}`)
		},
	})
	p, err := c.TimeOff.CreatePolicy(t.Context(), resources.TimeOffPolicyCreate{
		Name: "France – cadres", CompanyID: ptr("77"), Main: ptr(false),
	})
	must(t, err)
	eq(t, "ID", p.ID, "42")
	is(t, "CompanyID", p.CompanyID, "77")
}

func TestGetPolicy(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/policies/41", status: 200, body: policyJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	p, err := c.TimeOff.GetPolicy(t.Context(), "41")
	must(t, err)
	eq(t, "ID", p.ID, "41")
	is(t, "Description", p.Description, "23 working days a year")
}

func TestUpdatePolicy(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/timeoff/policies/41", status: 200, body: policyJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"41","description":"23 working days a year"}`)
		},
	})
	p, err := c.TimeOff.UpdatePolicy(t.Context(), "41", resources.TimeOffPolicyUpdate{
		ID: "41", Description: ptr("23 working days a year"),
	})
	must(t, err)
	is(t, "Description", p.Description, "23 working days a year")
}

func TestDeletePolicy(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/timeoff/policies/42", status: 200, body: policyFranceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	p, err := c.TimeOff.DeletePolicy(t.Context(), "42")
	must(t, err)
	eq(t, "ID", p.ID, "42")
	is(t, "Main", p.Main, false)
}

// Allowance adjustments (incidences), blocked periods, policy assignments
// and policy timelines.

// incidenceJSON adds one and a half days to an employee's vacation
// counter; its timestamps are Unix seconds, as Factorial sends them.
const incidenceJSON = `{"id":"7001","employee_id":"4243","timeoff_allowance_id":"610","days_in_cents":150,` +
	`"effective_on":"2026-03-02","target_balance":"available","description":"Worked on a bank holiday",` +
	`"created_at":1772443200,"updated_at":1772443200}`

func checkIncidence(t *testing.T, in resources.AllowanceIncidence) {
	t.Helper()
	eq(t, "ID", in.ID, "7001")
	is(t, "EmployeeID", in.EmployeeID, "4243")
	is(t, "TimeoffAllowanceID", in.TimeoffAllowanceID, "610")
	is(t, "DaysInCents", in.DaysInCents, 150)
	day(t, "EffectiveOn", in.EffectiveOn, "2026-03-02")
	is(t, "TargetBalance", in.TargetBalance, "available")
	is(t, "CreatedAt", in.CreatedAt, int64(1772443200))
}

func TestListAllowanceIncidences(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/allowance_incidences", status: 200,
		body: page(onePage(1), incidenceJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_ids[]": {"4243"}, "timeoff_allowance_ids[]": {"610", "611"}})
		},
	})
	all, err := c.TimeOff.ListAllowanceIncidences(t.Context(), &resources.ListAllowanceIncidencesParams{
		EmployeeIDs: []string{"4243"}, TimeoffAllowanceIDs: []string{"610", "611"},
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d adjustments, want 1", len(all))
	}
	checkIncidence(t, all[0])
}

func TestCreateAllowanceIncidence(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/timeoff/allowance_incidences", status: 201, body: incidenceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"employee_id":"4243","timeoff_allowance_id":"610","days_in_cents":150,`+
				`"effective_on":"2026-03-02","target_balance":"available","description":"Worked on a bank holiday",`+
				`"_skip_notifications":true}`)
		},
	})
	in, err := c.TimeOff.CreateAllowanceIncidence(t.Context(), resources.AllowanceIncidenceCreate{
		EmployeeID: "4243", TimeoffAllowanceID: "610", DaysInCents: 150, EffectiveOn: date("2026-03-02"),
		TargetBalance: resources.AllowanceIncidenceTargetBalanceAvailable, Description: ptr("Worked on a bank holiday"),
		UnderscoreSkipNotifications: ptr(true),
	})
	must(t, err)
	checkIncidence(t, in)
}

func TestGetAllowanceIncidence(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/allowance_incidences/7001", status: 200, body: incidenceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	in, err := c.TimeOff.GetAllowanceIncidence(t.Context(), "7001")
	must(t, err)
	checkIncidence(t, in)
}

// TestUpdateAllowanceIncidence removes units: a negative amount.
func TestUpdateAllowanceIncidence(t *testing.T) {
	const updated = `{"id":"7001","employee_id":"4243","timeoff_allowance_id":"610","days_in_cents":-50,` +
		`"effective_on":"2026-03-02","target_balance":"accrued","description":null,"created_at":1772443200,"updated_at":1772529600}`
	c := one(t, exchange{
		method: http.MethodPut, path: "/timeoff/allowance_incidences/7001", status: 200, body: updated,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"7001","days_in_cents":-50,"target_balance":"accrued"}`)
		},
	})
	in, err := c.TimeOff.UpdateAllowanceIncidence(t.Context(), "7001", resources.AllowanceIncidenceUpdate{
		ID: "7001", DaysInCents: ptr(-50), TargetBalance: ptr(resources.AllowanceIncidenceTargetBalanceAccrued),
	})
	must(t, err)
	is(t, "DaysInCents", in.DaysInCents, -50)
	is(t, "TargetBalance", in.TargetBalance, "accrued")
	null(t, "Description", in.Description)
	is(t, "UpdatedAt", in.UpdatedAt, int64(1772529600))
}

func TestDeleteAllowanceIncidence(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/timeoff/allowance_incidences/7001", status: 200, body: incidenceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	in, err := c.TimeOff.DeleteAllowanceIncidence(t.Context(), "7001")
	must(t, err)
	checkIncidence(t, in)
}

// blockedPeriodJSON blocks vacation for new joiners' first two months and
// for everyone in the last week of the year.
const blockedPeriodJSON = `{"id":"12","company_id":"77","name":"Year-end close","leave_type_ids":["501","502"],` +
	`"time_periods":[{"name":"Onboarding","period_type":"by_contract_start_date","duration":2,"duration_unit":"months",` +
	`"start_on":null,"finish_on":null},{"name":"Close","period_type":"fixed","duration":null,"duration_unit":null,` +
	`"start_on":"2026-12-21","finish_on":"2026-12-31"}],"strategy":"fqlmultiselect","members":["4242","4243"],` +
	`"team_ids":["5"],"location_ids":[],"legal_entity_ids":null}`

func checkBlockedPeriod(t *testing.T, b resources.TimeOffBlockedPeriod) {
	t.Helper()
	eq(t, "ID", b.ID, "12")
	is(t, "Name", b.Name, "Year-end close")
	ids(t, "LeaveTypeIDs", b.LeaveTypeIDs, "501", "502")
	ids(t, "Members", b.Members, "4242", "4243")
	is(t, "Strategy", b.Strategy, "fqlmultiselect")
	if len(b.TimePeriods) != 2 {
		t.Fatalf("%d time periods, want 2", len(b.TimePeriods))
	}
	is(t, "TimePeriods[0].Duration", b.TimePeriods[0].Duration, 2)
	null(t, "TimePeriods[0].StartOn", b.TimePeriods[0].StartOn)
	day(t, "TimePeriods[1].FinishOn", b.TimePeriods[1].FinishOn, "2026-12-31")
}

func TestListBlockedPeriods(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/blocked_periods", status: 200,
		body: page(onePage(1), blockedPeriodJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"company_ids[]": {"77"}})
		},
	})
	all, err := c.TimeOff.ListBlockedPeriods(t.Context(), &resources.ListBlockedPeriodsParams{CompanyIDs: []string{"77"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d blocked periods, want 1", len(all))
	}
	checkBlockedPeriod(t, all[0])
}

// TestCreateBlockedPeriod: the create takes no dates and no employees.
func TestCreateBlockedPeriod(t *testing.T) {
	const created = `{"id":"13","company_id":"77","name":"Launch week","leave_type_ids":["501"],"time_periods":[],` +
		`"strategy":null,"members":[]}`
	c := one(t, exchange{
		method: http.MethodPost, path: "/timeoff/blocked_periods", status: 201, body: created,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"company_id":"77","name":"Launch week","leave_type_ids":["501"]}`)
		},
	})
	b, err := c.TimeOff.CreateBlockedPeriod(t.Context(), resources.TimeOffBlockedPeriodCreate{
		CompanyID: "77", Name: "Launch week", LeaveTypeIDs: []string{"501"},
	})
	must(t, err)
	eq(t, "ID", b.ID, "13")
	null(t, "Strategy", b.Strategy)
	if b.TimePeriods == nil || len(b.TimePeriods) != 0 {
		t.Errorf("TimePeriods = %v, want empty", b.TimePeriods)
	}
}

func TestGetBlockedPeriod(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/blocked_periods/12", status: 200, body: blockedPeriodJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	b, err := c.TimeOff.GetBlockedPeriod(t.Context(), "12")
	must(t, err)
	checkBlockedPeriod(t, b)
}

// TestUpdateBlockedPeriod sends the ranges as time_periods_attributes.
func TestUpdateBlockedPeriod(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/timeoff/blocked_periods/12", status: 200, body: blockedPeriodJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"12","name":"Year-end close","leave_type_ids":["501","502"],`+
				`"time_periods_attributes":[{"name":"Onboarding","period_type":"by_contract_start_date","duration":2,"duration_unit":"months"},`+
				`{"name":"Close","period_type":"fixed","start_on":"2026-12-21","finish_on":"2026-12-31"}],`+
				`"strategy":"fqlmultiselect","members":["4242","4243"],"team_ids":["5"]}`)
		},
	})
	b, err := c.TimeOff.UpdateBlockedPeriod(t.Context(), "12", resources.TimeOffBlockedPeriodUpdate{
		ID: "12", Name: "Year-end close", LeaveTypeIDs: []string{"501", "502"}, Strategy: "fqlmultiselect",
		Members: []string{"4242", "4243"}, TeamIDs: []string{"5"},
		TimePeriodsAttributes: []resources.TimeOffBlockedPeriodTimePeriod{
			{Name: ptr("Onboarding"), PeriodType: ptr("by_contract_start_date"), Duration: ptr(2), DurationUnit: ptr("months")},
			{Name: ptr("Close"), PeriodType: ptr("fixed"), StartOn: datep("2026-12-21"), FinishOn: datep("2026-12-31")},
		},
	})
	must(t, err)
	checkBlockedPeriod(t, b)
}

func TestDeleteBlockedPeriod(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/timeoff/blocked_periods/12", status: 200, body: blockedPeriodJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	b, err := c.TimeOff.DeleteBlockedPeriod(t.Context(), "12")
	must(t, err)
	checkBlockedPeriod(t, b)
}

const policyAssignmentJSON = `{"id":"301","timeoff_policy_id":"41","employee_id":"4243","effective_at":"2026-01-01"}`

func checkPolicyAssignment(t *testing.T, a resources.TimeOffPolicyAssignment) {
	t.Helper()
	eq(t, "ID", a.ID, "301")
	is(t, "TimeoffPolicyID", a.TimeoffPolicyID, "41")
	is(t, "EmployeeID", a.EmployeeID, "4243")
	day(t, "EffectiveAt", a.EffectiveAt, "2026-01-01")
}

func TestListPolicyAssignments(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/policy_assignments", status: 200,
		body: page(onePage(1), policyAssignmentJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_ids[]": {"4243"}, "timeoff_policy_ids[]": {"41"}})
		},
	})
	all, err := c.TimeOff.ListPolicyAssignments(t.Context(), &resources.ListPolicyAssignmentsParams{
		EmployeeIDs: []string{"4243"}, TimeoffPolicyIDs: []string{"41"},
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d assignments, want 1", len(all))
	}
	checkPolicyAssignment(t, all[0])
}

func TestCreatePolicyAssignment(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/timeoff/policy_assignments", status: 201, body: policyAssignmentJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"timeoff_policy_id":"41","employee_id":"4243","effective_at":"2026-01-01"}`)
		},
	})
	a, err := c.TimeOff.CreatePolicyAssignment(t.Context(), resources.TimeOffPolicyAssignmentCreate{
		TimeoffPolicyID: "41", EmployeeID: "4243", EffectiveAt: date("2026-01-01"),
	})
	must(t, err)
	checkPolicyAssignment(t, a)
}

func TestGetPolicyAssignment(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/policy_assignments/301", status: 200, body: policyAssignmentJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	a, err := c.TimeOff.GetPolicyAssignment(t.Context(), "301")
	must(t, err)
	checkPolicyAssignment(t, a)
}

func TestUpdatePolicyAssignment(t *testing.T) {
	const updated = `{"id":"301","timeoff_policy_id":"42","employee_id":"4243","effective_at":"2026-07-01"}`
	c := one(t, exchange{
		method: http.MethodPut, path: "/timeoff/policy_assignments/301", status: 200, body: updated,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"301","timeoff_policy_id":"42","effective_at":"2026-07-01"}`)
		},
	})
	a, err := c.TimeOff.UpdatePolicyAssignment(t.Context(), "301", resources.TimeOffPolicyAssignmentUpdate{
		ID: "301", TimeoffPolicyID: "42", EffectiveAt: date("2026-07-01"),
	})
	must(t, err)
	is(t, "TimeoffPolicyID", a.TimeoffPolicyID, "42")
	day(t, "EffectiveAt", a.EffectiveAt, "2026-07-01")
}

func TestDeletePolicyAssignment(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/timeoff/policy_assignments/301", status: 200, body: policyAssignmentJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	a, err := c.TimeOff.DeletePolicyAssignment(t.Context(), "301")
	must(t, err)
	checkPolicyAssignment(t, a)
}

// TestListPolicyTimelines: one timeline, keyed by the employee, whose
// items are free-form objects.
func TestListPolicyTimelines(t *testing.T) {
	const timeline = `{"id":"4243","employee_id":"4243","start_limit_date":"2026-01-01","end_limit_date":"2026-12-31",` +
		`"items":[{"timeoff_policy_id":"41","start_on":"2026-01-01","finish_on":"2026-06-30"},` +
		`{"timeoff_policy_id":"42","start_on":"2026-07-01","finish_on":null}]}`
	c := one(t, exchange{
		method: http.MethodGet, path: "/timeoff/policy_timelines", status: 200,
		body: page(onePage(1), timeline),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_id": {"4243"}, "reference_date": {"2026-05-15"}})
		},
	})
	all, err := c.TimeOff.ListPolicyTimelines(t.Context(), &resources.ListPolicyTimelinesParams{
		EmployeeID: ptr("4243"), ReferenceDate: datep("2026-05-15"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d timelines, want 1", len(all))
	}
	tl := all[0]
	eq(t, "ID", tl.ID, "4243")
	day(t, "StartLimitDate", tl.StartLimitDate, "2026-01-01")
	day(t, "EndLimitDate", tl.EndLimitDate, "2026-12-31")
	if len(tl.Items) != 2 || tl.Items[1]["timeoff_policy_id"] != "42" || tl.Items[1]["finish_on"] != nil {
		t.Errorf("Items = %v", tl.Items)
	}
}
