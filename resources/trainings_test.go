package resources_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/factorial-go/factorial/resources"
)

// Trainings: courses, their classes and sessions, enrolments, invitations
// and attendance, and categories. Ids are strings, costs decimal strings.

const trainingCategoryJSON = `{"id":"7","name":"Health and safety","company_id":"1",` +
	`"created_at":"2026-01-10T09:00:00Z","updated_at":"2026-01-11T09:00:00Z"}`

// trainingJSON is an active, mandatory course valid for two years.
const trainingJSON = `{"id":"41","company_id":"1","author_id":"20","author_employee_id":"15","name":"Risk prevention",` +
	`"code":"PRL-01","description":"Workplace hazards","objectives":"Know the risks","created_at":"2026-02-04T10:31:48Z",` +
	`"updated_at":"2026-02-05T10:31:48Z","external":true,"external_provider":"Coursera","fundae_subsidized":false,` +
	`"subsidized":true,"cost":150,"subsidized_cost":50,"total_cost":150,"cost_decimal":"150.5","subsidized_cost_decimal":"50.0",` +
	`"total_cost_decimal":"150.5","category_ids":["7"],"competency_ids":["3"],"status":"active","year":2026,"catalog":true,` +
	`"is_mandatory":true,"valid_for":2,"total_duration":2.5,"total_training_cost":"400.0","total_training_indirect_cost":"50.0",` +
	`"total_training_salary_cost":"120.0","total_training_subsidized_cost":"100.0","total_participants":12,` +
	`"training_attendance_status":"partiallycompleted","number_of_expired_participants":null}`

// trainingDraftJSON is a draft course as a basic user sees it, some
// fields withheld.
const trainingDraftJSON = `{"id":"42","company_id":"1","author_id":null,"name":"Feedback","description":"Giving feedback",` +
	`"external":false,"fundae_subsidized":false,"subsidized":false,"cost":0,"subsidized_cost":0,"cost_decimal":"0.0",` +
	`"subsidized_cost_decimal":"0.0","year":2026,"catalog":false,"competency_ids":[],"total_training_cost":"0.0",` +
	`"total_training_indirect_cost":"0.0","total_training_salary_cost":"0.0","total_training_subsidized_cost":"0.0",` +
	`"total_participants":0,"training_attendance_status":"notassigned","total_duration":0,"is_mandatory":false,` +
	`"status":"draft","valid_for":null,"number_of_expired_participants":3}`

const trainingClassJSON = `{"id":"5","training_id":"41","name":"Edition 25","description":"Spring group",` +
	`"start_date":"2026-03-24","end_date":"2026-03-28","cost":"100.0","indirect_cost":"30.0","salary_cost":"60.0",` +
	`"subsidized_cost":"50.0","gross_cost":"190.0","net_cost":"140.0","completed_attendances_count":10,` +
	`"total_attendances_count":15,"payment_status":"pending","currency":"EUR","created_at":"2026-03-01T10:00:00Z"}`

const trainingSessionJSON = `{"id":"9","name":"Day one","training_id":"41","training_class_id":"5","description":"Hazards",` +
	`"starts_at":"2026-03-24T09:00:00Z","ends_at":"2026-03-24T11:30:00Z","due_date":null,"duration":"2.5",` +
	`"modality":"inperson","schedule":"scheduled","link":null,"location":"Room 1","session_attendance_ids":["70","71"],` +
	`"session_feedback_id":null,"subsidized":false,"status":"pending","parent_id":null}`

const sessionMemberJSON = `{"id":"60","access_id":"20","employee_id":"15","session_id":"9","first_name":"Bea",` +
	`"last_name":"Basic","job_title":"Software Engineer"}`

const sessionAttendanceJSON = `{"id":"70","status":"completed","session_access_membership_id":"60","access_id":"20",` +
	`"employee_id":"15","completed_duration":"1.5"}`

const trainingMembershipJSON = `{"id":"80","access_id":"20","employee_id":"15","training_id":"41","status":"completed",` +
	`"training_due_date":"2028-03-28","training_completed_at":"2026-03-28"}`

func checkTraining(t *testing.T, tr resources.Training) {
	t.Helper()
	eq(t, "ID", tr.ID, "41")
	is(t, "AuthorEmployeeID", tr.AuthorEmployeeID, "15")
	is(t, "Code", tr.Code, "PRL-01")
	is(t, "CostDecimal", tr.CostDecimal, "150.5")
	is(t, "Cost", tr.Cost, 150)
	is(t, "Status", tr.Status, resources.TrainingStatusActive)
	is(t, "TotalDuration", tr.TotalDuration, float32(2.5))
	is(t, "ValidFor", tr.ValidFor, 2)
	is(t, "TotalTrainingCost", tr.TotalTrainingCost, "400.0")
	is(t, "TotalParticipants", tr.TotalParticipants, 12)
	is(t, "TrainingAttendanceStatus", tr.TrainingAttendanceStatus, resources.TrainingAttendanceStatusPartiallycompleted)
	ids(t, "CategoryIDs", tr.CategoryIDs, "7")
	null(t, "NumberOfExpiredParticipants", tr.NumberOfExpiredParticipants)
	at(t, "CreatedAt", tr.CreatedAt, "2026-02-04T10:31:48Z")
}

func TestListTrainingCategories(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/trainings/categories", status: 200, body: page(onePage(1), trainingCategoryJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ids[]": {"7", "8"}})
		},
	})
	all, err := c.Trainings.ListCategories(t.Context(), &resources.ListTrainingCategoriesParams{IDs: []string{"7", "8"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d categories, want 1", len(all))
	}
	eq(t, "ID", all[0].ID, "7")
	is(t, "Name", all[0].Name, "Health and safety")
	at(t, "UpdatedAt", all[0].UpdatedAt, "2026-01-11T09:00:00Z")
}

func TestCreateTrainingCategory(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/trainings/categories", status: 201, body: trainingCategoryJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"name":"Health and safety","company_id":"1"}`)
		},
	})
	cat, err := c.Trainings.CreateCategory(t.Context(), resources.TrainingCategoryCreate{Name: "Health and safety", CompanyID: "1"})
	must(t, err)
	eq(t, "ID", cat.ID, "7")
	is(t, "CompanyID", cat.CompanyID, "1")
}

func TestGetTrainingCategory(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/trainings/categories/7", status: 200, body: trainingCategoryJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	cat, err := c.Trainings.GetCategory(t.Context(), "7")
	must(t, err)
	is(t, "Name", cat.Name, "Health and safety")
	at(t, "CreatedAt", cat.CreatedAt, "2026-01-10T09:00:00Z")
}

func TestDeleteTrainingCategory(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/trainings/categories/7", status: 200, body: trainingCategoryJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	cat, err := c.Trainings.DeleteCategory(t.Context(), "7")
	must(t, err)
	eq(t, "ID", cat.ID, "7")
}

func TestListTrainings(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/trainings/trainings", status: 200, body: page(onePage(2), trainingJSON, trainingDraftJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ids[]": {"41", "42"}, "search": {"risk"}, "status": {"active"}, "catalog": {"true"},
				"only_assigned": {"false"}, "with_expired_memberships": {"true"}, "return_expired_memberships": {"true"},
				"is_mandatory": {"true"}, "with_current_training_classes": {"false"}})
		},
	})
	all, err := c.Trainings.List(t.Context(), &resources.ListTrainingsParams{
		IDs: []string{"41", "42"}, Search: ptr("risk"), Status: ptr(resources.TrainingStatusActive), Catalog: ptr(true),
		OnlyAssigned: ptr(false), WithExpiredMemberships: ptr(true), ReturnExpiredMemberships: ptr(true), IsMandatory: ptr(true),
		WithCurrentTrainingClasses: ptr(false),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d trainings, want 2", len(all))
	}
	checkTraining(t, all[0])
	null(t, "draft AuthorID", all[1].AuthorID)
	null(t, "draft ValidFor", all[1].ValidFor)
	is(t, "draft NumberOfExpiredParticipants", all[1].NumberOfExpiredParticipants, 3)
	is(t, "draft Status", all[1].Status, resources.TrainingStatusDraft)
	is(t, "draft TrainingAttendanceStatus", all[1].TrainingAttendanceStatus, resources.TrainingAttendanceStatusNotassigned)
}

func TestCreateTraining(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/trainings/trainings", status: 201, body: trainingJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"name":"Risk prevention","description":"Workplace hazards","external":true,`+
				`"external_provider":"Coursera","year":2026,"attachments":[],"category_ids":["7"],"cost_decimal":"150.5",`+
				`"valid_for":2,"total_duration":2.5,"is_mandatory":true}`)
		},
	})
	tr, err := c.Trainings.Create(t.Context(), resources.TrainingCreate{
		Name: "Risk prevention", Description: "Workplace hazards", External: true, ExternalProvider: ptr("Coursera"),
		Year: 2026, Attachments: []resources.TrainingAttachment{}, CategoryIDs: []string{"7"}, CostDecimal: ptr("150.5"),
		ValidFor: ptr(2), TotalDuration: ptr(float32(2.5)), IsMandatory: ptr(true),
	})
	must(t, err)
	checkTraining(t, tr)
}

func TestGetTraining(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/trainings/trainings/41", status: 200, body: trainingJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	tr, err := c.Trainings.Get(t.Context(), "41")
	must(t, err)
	checkTraining(t, tr)
}

func TestUpdateTraining(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/trainings/trainings/41", status: 200, body: trainingJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"id":"41","name":"Risk prevention","description":"Workplace hazards","external":true,`+
				`"year":2026,"competency_ids":["3"]}`)
		},
	})
	tr, err := c.Trainings.Update(t.Context(), "41", resources.TrainingUpdate{ID: "41", Name: "Risk prevention",
		Description: "Workplace hazards", External: true, Year: 2026, CompetencyIDs: []string{"3"}})
	must(t, err)
	ids(t, "CompetencyIDs", tr.CompetencyIDs, "3")
}

func TestDeleteTraining(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/trainings/trainings/42", status: 200, body: trainingDraftJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	tr, err := c.Trainings.Delete(t.Context(), "42")
	must(t, err)
	eq(t, "ID", tr.ID, "42")
	is(t, "Catalog", tr.Catalog, false)
}

func TestDeleteTrainingsInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/trainings/trainings/bulk_delete", status: 200, body: `[` + trainingJSON + `,` + trainingDraftJSON + `]`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"ids":["41","42"]}`)
		},
	})
	all, err := c.Trainings.DeleteInBulk(t.Context(), resources.DeleteTrainingsInBulkInput{IDs: []string{"41", "42"}})
	must(t, err)
	if len(all) != 2 || all[1].ID != "42" {
		t.Fatalf("deleted %v", all)
	}
}

func TestSetTrainingsCatalogInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/trainings/trainings/bulk_update_catalog", status: 200, body: `[` + trainingJSON + `]`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"ids":["41"],"catalog":true}`)
		},
	})
	all, err := c.Trainings.SetCatalogInBulk(t.Context(), resources.SetTrainingsCatalogInBulkInput{IDs: []string{"41"}, Catalog: true})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d trainings, want 1", len(all))
	}
	is(t, "Catalog", all[0].Catalog, true)
}

func TestUpdateTrainingStatus(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/trainings/trainings/update_status", status: 200, body: trainingJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"id":"41","status":"active","notify":false}`)
		},
	})
	tr, err := c.Trainings.UpdateStatus(t.Context(), resources.UpdateTrainingStatusInput{ID: "41", Status: resources.TrainingStatusActive, Notify: false})
	must(t, err)
	is(t, "Status", tr.Status, resources.TrainingStatusActive)
}

func checkTrainingClass(t *testing.T, cl resources.TrainingClass) {
	t.Helper()
	eq(t, "ID", cl.ID, "5")
	is(t, "TrainingID", cl.TrainingID, "41")
	day(t, "StartDate", cl.StartDate, "2026-03-24")
	is(t, "GrossCost", cl.GrossCost, "190.0")
	is(t, "NetCost", cl.NetCost, "140.0")
	is(t, "CompletedAttendancesCount", cl.CompletedAttendancesCount, 10)
	is(t, "PaymentStatus", cl.PaymentStatus, resources.TrainingClassPaymentStatusPending)
	is(t, "Currency", cl.Currency, "EUR")
}

func TestListTrainingClasses(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/trainings/training_classes", status: 200, body: page(onePage(1), trainingClassJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"training_id": {"41"}, "search": {"edition"}, "start_date[]": {"2026-03-24"}, "end_date[]": {"2026-03-28"}})
		},
	})
	all, err := c.Trainings.ListClasses(t.Context(), &resources.ListTrainingClassesParams{TrainingID: ptr("41"), Search: ptr("edition"),
		StartDate: []openapi_types.Date{date("2026-03-24")}, EndDate: []openapi_types.Date{date("2026-03-28")}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d classes, want 1", len(all))
	}
	checkTrainingClass(t, all[0])
}

func TestCreateTrainingClass(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/trainings/training_classes", status: 201, body: trainingClassJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"name":"Edition 25","start_date":"2026-03-24","end_date":"2026-03-28","training_id":"41",`+
				`"company_id":"1","author_id":"20","cost":"100.0","subsidized_cost":"50.0","indirect_cost":"30.0",`+
				`"salary_cost":"60.0","payment_status":"pending"}`)
		},
	})
	cl, err := c.Trainings.CreateClass(t.Context(), resources.TrainingClassCreate{Name: ptr("Edition 25"), StartDate: date("2026-03-24"),
		EndDate: date("2026-03-28"), TrainingID: "41", CompanyID: "1", AuthorID: "20", Cost: "100.0", SubsidizedCost: "50.0",
		IndirectCost: "30.0", SalaryCost: "60.0", PaymentStatus: resources.TrainingClassPaymentStatusPending})
	must(t, err)
	checkTrainingClass(t, cl)
}

func TestGetTrainingClass(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/trainings/training_classes/5", status: 200, body: trainingClassJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	cl, err := c.Trainings.GetClass(t.Context(), "5")
	must(t, err)
	checkTrainingClass(t, cl)
}

func TestUpdateTrainingClass(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/trainings/training_classes/5", status: 200, body: trainingClassJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"id":"5","cost":"100.0","subsidized_cost":"50.0","salary_cost":"60.0","indirect_cost":"30.0",`+
				`"payment_status":"paid","end_date":"2026-03-28"}`)
		},
	})
	cl, err := c.Trainings.UpdateClass(t.Context(), "5", resources.TrainingClassUpdate{ID: "5", Cost: "100.0", SubsidizedCost: "50.0",
		SalaryCost: "60.0", IndirectCost: "30.0", PaymentStatus: resources.TrainingClassPaymentStatusPaid, EndDate: datep("2026-03-28")})
	must(t, err)
	checkTrainingClass(t, cl)
}

func TestDeleteTrainingClass(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/trainings/training_classes/5", status: 200, body: trainingClassJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	cl, err := c.Trainings.DeleteClass(t.Context(), "5")
	must(t, err)
	eq(t, "ID", cl.ID, "5")
}

func checkTrainingSession(t *testing.T, s resources.TrainingSession) {
	t.Helper()
	eq(t, "ID", s.ID, "9")
	is(t, "TrainingClassID", s.TrainingClassID, "5")
	at(t, "StartsAt", s.StartsAt, "2026-03-24T09:00:00Z")
	is(t, "Duration", s.Duration, "2.5")
	is(t, "Modality", s.Modality, resources.TrainingSessionModalityInperson)
	is(t, "Schedule", s.Schedule, resources.TrainingSessionScheduleScheduled)
	null(t, "DueDate", s.DueDate)
	ids(t, "SessionAttendanceIDs", s.SessionAttendanceIDs, "70", "71")
}

func TestListTrainingSessions(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/trainings/sessions", status: 200, body: page(onePage(1), trainingSessionJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"training_ids[]": {"41"}, "training_class_ids[]": {"5"}, "search": {"day"},
				"start_after": {"2026-03-01T00:00:00Z"}, "start_before": {"2026-04-01T00:00:00Z"}, "employee_id": {"15"},
				"access_id": {"20"}, "next": {"true"}, "modality": {"inperson"}, "starts_at[]": {"2026-03-24T09:00:00Z"}, "active": {"true"}})
		},
	})
	all, err := c.Trainings.ListSessions(t.Context(), &resources.ListTrainingSessionsParams{TrainingIDs: []string{"41"},
		TrainingClassIDs: []string{"5"}, Search: ptr("day"), StartAfter: ptr("2026-03-01T00:00:00Z"), StartBefore: ptr("2026-04-01T00:00:00Z"),
		EmployeeID: ptr("15"), AccessID: ptr("20"), Next: ptr(true), Modality: ptr(resources.TrainingSessionModalityInperson),
		StartsAt: []string{"2026-03-24T09:00:00Z"}, Active: ptr(true)})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d sessions, want 1", len(all))
	}
	checkTrainingSession(t, all[0])
}

func TestCreateTrainingSession(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/trainings/sessions", status: 201, body: trainingSessionJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"name":"Day one","training_id":"41","training_class_id":"5","starts_at":"2026-03-24T09:00:00Z",`+
				`"ends_at":"2026-03-24T11:30:00Z","duration":"2.5","modality":"inperson","schedule":"scheduled","location":"Room 1",`+
				`"send_calendar_invites":true}`)
		},
	})
	s, err := c.Trainings.CreateSession(t.Context(), resources.TrainingSessionCreate{Name: "Day one", TrainingID: "41",
		TrainingClassID: ptr("5"), StartsAt: ptr(time.Date(2026, time.March, 24, 9, 0, 0, 0, time.UTC)), EndsAt: ptr(time.Date(2026, time.March, 24, 11, 30, 0, 0, time.UTC)),
		Duration: ptr("2.5"), Modality: ptr(resources.TrainingSessionModalityInperson), Schedule: ptr(resources.TrainingSessionScheduleScheduled),
		Location: ptr("Room 1"), SendCalendarInvites: ptr(true)})
	must(t, err)
	checkTrainingSession(t, s)
}

func TestGetTrainingSession(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/trainings/sessions/9", status: 200, body: trainingSessionJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	s, err := c.Trainings.GetSession(t.Context(), "9")
	must(t, err)
	checkTrainingSession(t, s)
}

func TestUpdateTrainingSession(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/trainings/sessions/9", status: 200, body: trainingSessionJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"id":"9","name":"Day one","location":"Room 1","subsidized":false}`)
		},
	})
	s, err := c.Trainings.UpdateSession(t.Context(), "9", resources.TrainingSessionUpdate{ID: "9", Name: "Day one",
		Location: ptr("Room 1"), Subsidized: ptr(false)})
	must(t, err)
	is(t, "Location", s.Location, "Room 1")
}

func TestDeleteTrainingSession(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/trainings/sessions/9", status: 200, body: trainingSessionJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	s, err := c.Trainings.DeleteSession(t.Context(), "9")
	must(t, err)
	eq(t, "ID", s.ID, "9")
}

func checkSessionMember(t *testing.T, m resources.TrainingSessionAccessMembership) {
	t.Helper()
	eq(t, "ID", m.ID, "60")
	is(t, "AccessID", m.AccessID, "20")
	is(t, "EmployeeID", m.EmployeeID, "15")
	is(t, "SessionID", m.SessionID, "9")
	is(t, "JobTitle", m.JobTitle, "Software Engineer")
}

func TestListTrainingSessionAccessMemberships(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/trainings/session_access_memberships", status: 200, body: page(onePage(1), sessionMemberJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"session_id": {"9"}, "search": {"bea"}, "team_ids[]": {"1"}, "status[]": {"pending", "completed"}})
		},
	})
	all, err := c.Trainings.ListSessionAccessMemberships(t.Context(), &resources.ListTrainingSessionAccessMembershipsParams{
		SessionID: ptr("9"), Search: ptr("bea"), TeamIDs: []string{"1"},
		Status: []resources.TrainingSessionAttendanceStatus{resources.TrainingSessionAttendanceStatusPending, resources.TrainingSessionAttendanceStatusCompleted},
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d invitations, want 1", len(all))
	}
	checkSessionMember(t, all[0])
}

func TestGetTrainingSessionAccessMembership(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/trainings/session_access_memberships/60", status: 200, body: sessionMemberJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	m, err := c.Trainings.GetSessionAccessMembership(t.Context(), "60")
	must(t, err)
	checkSessionMember(t, m)
}

func TestCreateTrainingSessionAccessMembershipsInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/trainings/session_access_memberships/bulk_create", status: 200, body: `[` + sessionMemberJSON + `]`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"session_id":"9","employee_ids":["15"],"notify":true}`)
		},
	})
	all, err := c.Trainings.CreateSessionAccessMembershipsInBulk(t.Context(), resources.CreateTrainingSessionAccessMembershipsInBulkInput{
		SessionID: "9", EmployeeIDs: []string{"15"}, Notify: true})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d invitations, want 1", len(all))
	}
	checkSessionMember(t, all[0])
}

func TestDeleteTrainingSessionAccessMembershipsInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/trainings/session_access_memberships/bulk_destroy", status: 200, body: `[` + sessionMemberJSON + `]`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"ids":["60"],"notify":false}`)
		},
	})
	all, err := c.Trainings.DeleteSessionAccessMembershipsInBulk(t.Context(), resources.DeleteTrainingSessionAccessMembershipsInBulkInput{
		IDs: []string{"60"}, Notify: false})
	must(t, err)
	if len(all) != 1 || all[0].ID != "60" {
		t.Fatalf("withdrawn %v", all)
	}
}

func checkSessionAttendance(t *testing.T, a resources.TrainingSessionAttendance) {
	t.Helper()
	eq(t, "ID", a.ID, "70")
	is(t, "Status", a.Status, resources.TrainingSessionAttendanceStatusCompleted)
	is(t, "SessionAccessMembershipID", a.SessionAccessMembershipID, "60")
	is(t, "CompletedDuration", a.CompletedDuration, "1.5")
}

func TestListTrainingSessionAttendances(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/trainings/session_attendances", status: 200, body: page(onePage(1), sessionAttendanceJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"session_id": {"9"}, "session_access_membership_ids[]": {"60"}, "access_ids[]": {"20"}})
		},
	})
	all, err := c.Trainings.ListSessionAttendances(t.Context(), &resources.ListTrainingSessionAttendancesParams{
		SessionID: ptr("9"), SessionAccessMembershipIDs: []string{"60"}, AccessIDs: []string{"20"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d attendances, want 1", len(all))
	}
	checkSessionAttendance(t, all[0])
}

func TestGetTrainingSessionAttendance(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/trainings/session_attendances/70", status: 200, body: sessionAttendanceJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	a, err := c.Trainings.GetSessionAttendance(t.Context(), "70")
	must(t, err)
	checkSessionAttendance(t, a)
}

func TestUpdateTrainingSessionAttendancesInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/trainings/session_attendances/bulk_update", status: 200, body: `[` + sessionAttendanceJSON + `]`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"ids":["70"],"status":"completed","completed_duration":"1.5"}`)
		},
	})
	all, err := c.Trainings.UpdateSessionAttendancesInBulk(t.Context(), resources.UpdateTrainingSessionAttendancesInBulkInput{
		IDs: []string{"70"}, Status: ptr(resources.TrainingSessionAttendanceStatusCompleted), CompletedDuration: ptr("1.5")})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d attendances, want 1", len(all))
	}
	checkSessionAttendance(t, all[0])
}

func checkTrainingMembership(t *testing.T, m resources.TrainingMembership) {
	t.Helper()
	eq(t, "ID", m.ID, "80")
	is(t, "AccessID", m.AccessID, "20")
	is(t, "TrainingID", m.TrainingID, "41")
	is(t, "Status", m.Status, resources.TrainingAttendanceStatusCompleted)
	day(t, "TrainingCompletedAt", m.TrainingCompletedAt, "2026-03-28")
	day(t, "TrainingDueDate", m.TrainingDueDate, "2028-03-28")
}

func TestListTrainingMemberships(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/trainings/training_memberships", status: 200, body: page(onePage(1), trainingMembershipJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"training_id": {"41"}, "search": {"bea"}, "team_id": {"1"}, "status": {"completed"},
				"class_id": {"5"}, "employee_id": {"15"}, "due_date": {"overdue"}})
		},
	})
	all, err := c.Trainings.ListMemberships(t.Context(), &resources.ListTrainingMembershipsParams{TrainingID: ptr("41"), Search: ptr("bea"),
		TeamID: ptr("1"), Status: ptr(resources.TrainingAttendanceStatusCompleted), ClassID: ptr("5"), EmployeeID: ptr("15"),
		DueDate: ptr("overdue")})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d memberships, want 1", len(all))
	}
	checkTrainingMembership(t, all[0])
}

func TestGetTrainingMembership(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/trainings/training_memberships/80", status: 200, body: trainingMembershipJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	m, err := c.Trainings.GetMembership(t.Context(), "80")
	must(t, err)
	checkTrainingMembership(t, m)
}

func TestUpdateTrainingMembership(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/trainings/training_memberships/80", status: 200, body: trainingMembershipJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"id":"80","training_completed_at":"2026-03-28"}`)
		},
	})
	m, err := c.Trainings.UpdateMembership(t.Context(), "80", resources.TrainingMembershipUpdate{ID: "80", TrainingCompletedAt: datep("2026-03-28")})
	must(t, err)
	checkTrainingMembership(t, m)
}

func TestCreateTrainingMembershipsInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/trainings/training_memberships/bulk_create", status: 200, body: `[` + trainingMembershipJSON + `]`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"employee_ids":["15"],"training_id":"41"}`)
		},
	})
	all, err := c.Trainings.CreateMembershipsInBulk(t.Context(), resources.CreateTrainingMembershipsInBulkInput{EmployeeIDs: []string{"15"}, TrainingID: "41"})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d memberships, want 1", len(all))
	}
	checkTrainingMembership(t, all[0])
}

func TestDeleteTrainingMembershipsInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/trainings/training_memberships/bulk_destroy", status: 200, body: `[` + trainingMembershipJSON + `]`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"ids":["81"],"training_id":"41","all":true}`)
		},
	})
	all, err := c.Trainings.DeleteMembershipsInBulk(t.Context(), resources.DeleteTrainingMembershipsInBulkInput{IDs: []string{"81"},
		TrainingID: ptr("41"), All: ptr(true)})
	must(t, err)
	if len(all) != 1 || all[0].ID != "80" {
		t.Fatalf("removed %v", all)
	}
}
