package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/factorial-go/factorial/resources"
)

// ProjectManagement: projects, subprojects, workers, time and expense
// records, planned time, budgets and project tasks.

// projectJSON is an active billable project with its totals.
const projectJSON = `{"id":"314","name":"Website relaunch","code":"WEB","description":"New public website",` +
	`"start_date":"2026-06-01","due_date":"2026-12-31","status":"active","employees_assignment":"manual",` +
	`"inputed_minutes":1530,"is_billable":true,"fixed_cost_cents":500000,"labor_cost_cents":120000,` +
	`"legal_entity_id":"7","spending_cost_cents":4590,"client_id":"88","total_cost_cents":624590}`

// projectClosedJSON is a closed project open to the whole company, as a
// user who may not see its costs reads it.
const projectClosedJSON = `{"id":"315","name":"Internal tools","code":null,"description":null,"start_date":null,` +
	`"due_date":null,"status":"closed","employees_assignment":"company","inputed_minutes":null,"is_billable":false,` +
	`"fixed_cost_cents":null,"labor_cost_cents":null,"legal_entity_id":"7","spending_cost_cents":null,"client_id":null,` +
	`"total_cost_cents":null}`

func checkProject(t *testing.T, p resources.Project) {
	t.Helper()
	eq(t, "ID", p.ID, "314")
	is(t, "Name", p.Name, "Website relaunch")
	is(t, "Code", p.Code, "WEB")
	day(t, "StartDate", p.StartDate, "2026-06-01")
	day(t, "DueDate", p.DueDate, "2026-12-31")
	is(t, "Status", p.Status, resources.ProjectStatusActive)
	is(t, "EmployeesAssignment", p.EmployeesAssignment, resources.ProjectEmployeesAssignmentManual)
	is(t, "InputedMinutes", p.InputedMinutes, 1530)
	is(t, "IsBillable", p.IsBillable, true)
	is(t, "LegalEntityID", p.LegalEntityID, "7")
	is(t, "ClientID", p.ClientID, "88")
	is(t, "TotalCostCents", p.TotalCostCents, 624590)
}

func TestListProjects(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/projects", status: 200,
		body: page(onePage(2), projectJSON, projectClosedJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"name_or_code": {"WEB"}, "include_inputed_minutes": {"true"}, "include_costs": {"false"},
				"updated_after": {"2026-06-01"}, "client_ids[]": {"88", "89"}, "total_currency": {"EUR"}})
		},
	})
	all, err := c.ProjectManagement.ListProjects(t.Context(), &resources.ListProjectsParams{
		NameOrCode: ptr("WEB"), IncludeInputedMinutes: ptr(true), IncludeCosts: ptr(false), UpdatedAfter: datep("2026-06-01"),
		ClientIDs: []string{"88", "89"}, TotalCurrency: ptr("EUR"),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d projects, want 2", len(all))
	}
	checkProject(t, all[0])
	is(t, "closed Status", all[1].Status, resources.ProjectStatusClosed)
	is(t, "closed EmployeesAssignment", all[1].EmployeesAssignment, resources.ProjectEmployeesAssignmentCompany)
	null(t, "closed InputedMinutes", all[1].InputedMinutes)
	null(t, "closed ClientID", all[1].ClientID)
}

func TestCreateProject(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/projects", status: 201, body: projectJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"name":"Website relaunch","code":"WEB","start_date":"2026-06-01","status":"active",`+
				`"employees_assignment":"manual","project_admins":["4243"],"project_managers":["4244"],"is_billable":true,`+
				`"budget_allocation_cents":1000000,"legal_entity_id":"7","client_id":"88"}`)
		},
	})
	p, err := c.ProjectManagement.CreateProject(t.Context(), resources.ProjectCreate{
		Name: "Website relaunch", Code: ptr("WEB"), StartDate: datep("2026-06-01"), Status: ptr(resources.ProjectStatusActive),
		EmployeesAssignment: ptr(resources.ProjectEmployeesAssignmentManual), ProjectAdmins: []string{"4243"},
		ProjectManagers: []string{"4244"}, IsBillable: ptr(true), BudgetAllocationCents: ptr(1000000),
		LegalEntityID: ptr("7"), ClientID: ptr("88"),
	})
	must(t, err)
	checkProject(t, p)
}

func TestGetProject(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/projects/314", status: 200, body: projectJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	p, err := c.ProjectManagement.GetProject(t.Context(), "314")
	must(t, err)
	checkProject(t, p)
}

func TestUpdateProject(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/project_management/projects/314", status: 200, body: projectJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"314","name":"Website relaunch","due_date":"2026-12-31"}`)
		},
	})
	p, err := c.ProjectManagement.UpdateProject(t.Context(), "314", resources.ProjectUpdate{ID: "314", Name: "Website relaunch", DueDate: datep("2026-12-31")})
	must(t, err)
	checkProject(t, p)
}

// TestProjectActions calls each project action, by its path, with the
// body it must send.
func TestProjectActions(t *testing.T) {
	for _, tc := range []struct{ path, body string }{
		{"activate", `{"id":"314"}`},
		{"close", `{"id":"314"}`},
		{"soft_delete", `{"id":"314"}`},
		{"change_status", `{"id":"314","status":"draft"}`},
		{"change_assignment", `{"id":"314","employees_assignment":"company"}`},
	} {
		t.Run(tc.path, func(t *testing.T) {
			c := one(t, exchange{
				method: http.MethodPost, path: "/project_management/projects/" + tc.path, status: 200, body: projectJSON,
				check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); wantJSON(t, r, body, tc.body) },
			})
			var p resources.Project
			var err error
			pm := c.ProjectManagement
			switch tc.path {
			case "activate":
				p, err = pm.ActivateProject(t.Context(), resources.ActivateProjectInput{ID: "314"})
			case "close":
				p, err = pm.CloseProject(t.Context(), resources.CloseProjectInput{ID: "314"})
			case "soft_delete":
				p, err = pm.SoftDeleteProject(t.Context(), resources.SoftDeleteProjectInput{ID: "314"})
			case "change_status":
				p, err = pm.ChangeProjectStatus(t.Context(), resources.ChangeProjectStatusInput{ID: "314", Status: resources.ChangeProjectStatusInputStatusDraft})
			case "change_assignment":
				p, err = pm.ChangeProjectAssignment(t.Context(), resources.ChangeProjectAssignmentInput{ID: "314", EmployeesAssignment: resources.ProjectEmployeesAssignmentCompany})
			}
			must(t, err)
			checkProject(t, p)
		})
	}
}

// imputableProjectJSON is the short form of projectJSON.
const imputableProjectJSON = `{"id":"314","name":"Website relaunch","code":"WEB","start_date":"2026-06-01",` +
	`"due_date":null,"status":"active","currency":"EUR","client_id":null}`

func TestListImputableProjects(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/imputable_projects", status: 200,
		body: page(onePage(1), imputableProjectJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"only_active": {"true"}, "assigned": {"true"}, "employee_ids[]": {"4243"}, "name_or_code": {"web"}})
		},
	})
	all, err := c.ProjectManagement.ListImputableProjects(t.Context(), &resources.ListImputableProjectsParams{
		OnlyActive: ptr(true), Assigned: ptr(true), EmployeeIDs: []string{"4243"}, NameOrCode: ptr("web"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d projects, want 1", len(all))
	}
	eq(t, "ID", all[0].ID, "314")
	is(t, "Currency", all[0].Currency, "EUR")
	is(t, "Status", all[0].Status, resources.ProjectStatusActive)
	null(t, "DueDate", all[0].DueDate)
}

func TestGetImputableProject(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/imputable_projects/314", status: 200, body: imputableProjectJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	p, err := c.ProjectManagement.GetImputableProject(t.Context(), "314")
	must(t, err)
	is(t, "Name", p.Name, "Website relaunch")
	day(t, "StartDate", p.StartDate, "2026-06-01")
}

// subprojectJSON is a subproject with its minutes computed.
const subprojectJSON = `{"id":"12","name":"Design","project_id":"314","inputed_minutes":480,"labor_cost_cents":0,` +
	`"description":"Visual design","status":"active","code":"DES","start_date":"2026-06-01","due_date":"2026-07-31","is_billable":true}`

func checkSubproject(t *testing.T, s resources.Subproject) {
	t.Helper()
	eq(t, "ID", s.ID, "12")
	is(t, "Name", s.Name, "Design")
	is(t, "ProjectID", s.ProjectID, "314")
	is(t, "InputedMinutes", s.InputedMinutes, 480)
	is(t, "Status", s.Status, resources.ProjectStatusActive)
	day(t, "DueDate", s.DueDate, "2026-07-31")
}

func TestListSubprojects(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/subprojects", status: 200, body: page(onePage(1), subprojectJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"project_ids[]": {"314"}, "include_inputed_minutes": {"true"}, "name": {"Design"}})
		},
	})
	all, err := c.ProjectManagement.ListSubprojects(t.Context(), &resources.ListSubprojectsParams{
		ProjectIDs: []string{"314"}, IncludeInputedMinutes: ptr(true), Name: ptr("Design"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d subprojects, want 1", len(all))
	}
	checkSubproject(t, all[0])
}

func TestCreateSubproject(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/subprojects", status: 201, body: subprojectJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"name":"Design","project_id":"314"}`)
		},
	})
	s, err := c.ProjectManagement.CreateSubproject(t.Context(), resources.SubprojectCreate{Name: "Design", ProjectID: "314"})
	must(t, err)
	checkSubproject(t, s)
}

func TestGetSubproject(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/subprojects/12", status: 200, body: subprojectJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	s, err := c.ProjectManagement.GetSubproject(t.Context(), "12")
	must(t, err)
	checkSubproject(t, s)
}

func TestUpdateSubproject(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/project_management/subprojects/12", status: 200, body: subprojectJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"12","status":"active","due_date":"2026-07-31"}`)
		},
	})
	s, err := c.ProjectManagement.UpdateSubproject(t.Context(), "12", resources.SubprojectUpdate{ID: "12",
		Status: ptr(resources.ProjectStatusActive), DueDate: datep("2026-07-31")})
	must(t, err)
	checkSubproject(t, s)
}

func TestDeleteSubproject(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/project_management/subprojects/12", status: 200, body: subprojectJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	s, err := c.ProjectManagement.DeleteSubproject(t.Context(), "12")
	must(t, err)
	checkSubproject(t, s)
}

func TestRenameSubproject(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/subprojects/rename", status: 200, body: subprojectJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"12","name":"Design"}`) },
	})
	s, err := c.ProjectManagement.RenameSubproject(t.Context(), resources.RenameSubprojectInput{ID: "12", Name: "Design"})
	must(t, err)
	checkSubproject(t, s)
}

// workerJSON is an assigned worker; workerOffJSON an unassigned one.
const (
	workerJSON = `{"id":"92","project_id":"314","employee_id":"4243","assigned":true,"inputed_minutes":510,` +
		`"labor_cost_cents":8500,"company_labor_cost_cents":8500,"spending_cost_cents":0}`
	workerOffJSON = `{"id":"93","project_id":"314","employee_id":"4244","assigned":false}`
)

func checkWorker(t *testing.T, w resources.ProjectWorker) {
	t.Helper()
	eq(t, "ID", w.ID, "92")
	is(t, "ProjectID", w.ProjectID, "314")
	is(t, "EmployeeID", w.EmployeeID, "4243")
	is(t, "Assigned", w.Assigned, true)
	is(t, "InputedMinutes", w.InputedMinutes, 510)
	is(t, "LaborCostCents", w.LaborCostCents, 8500)
}

func TestListProjectWorkers(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/project_workers", status: 200, body: page(onePage(2), workerJSON, workerOffJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"project_ids[]": {"314"}, "assigned": {"true"}, "project_active": {"true"},
				"employee_name": {"Bea"}, "include_cost": {"true"}})
		},
	})
	all, err := c.ProjectManagement.ListProjectWorkers(t.Context(), &resources.ListProjectWorkersParams{
		ProjectIDs: []string{"314"}, Assigned: ptr(true), ProjectActive: ptr(true), EmployeeName: ptr("Bea"), IncludeCost: ptr(true),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d workers, want 2", len(all))
	}
	checkWorker(t, all[0])
	is(t, "second Assigned", all[1].Assigned, false)
	null(t, "second InputedMinutes", all[1].InputedMinutes)
}

func TestCreateProjectWorker(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/project_workers", status: 201, body: workerJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"project_id":"314","employee_id":"4243"}`)
		},
	})
	w, err := c.ProjectManagement.CreateProjectWorker(t.Context(), resources.ProjectWorkerCreate{ProjectID: "314", EmployeeID: "4243"})
	must(t, err)
	checkWorker(t, w)
}

func TestGetProjectWorker(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/project_workers/92", status: 200, body: workerJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	w, err := c.ProjectManagement.GetProjectWorker(t.Context(), "92")
	must(t, err)
	checkWorker(t, w)
}

func TestAssignProjectWorkersInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/project_workers/bulk_assign", status: 200,
		body: "[" + workerJSON + "," + workerOffJSON + "]",
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"project_ids":["314"],"employee_ids":["4243"]}`)
		},
	})
	all, err := c.ProjectManagement.AssignProjectWorkersInBulk(t.Context(), resources.AssignProjectWorkersInBulkInput{
		ProjectIDs: []string{"314"}, EmployeeIDs: []string{"4243"},
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d workers, want 2", len(all))
	}
	checkWorker(t, all[0])
	is(t, "unassigned", all[1].Assigned, false)
}

func TestCreateProjectWorkersInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/project_workers/bulk_create", status: 200, body: "[" + workerJSON + "]",
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"project_id":"314","employee_ids":["4243"]}`)
		},
	})
	all, err := c.ProjectManagement.CreateProjectWorkersInBulk(t.Context(), resources.CreateProjectWorkersInBulkInput{
		ProjectID: "314", EmployeeIDs: []string{"4243"},
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d workers, want 1", len(all))
	}
	checkWorker(t, all[0])
}

func TestUnassignProjectWorker(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/project_workers/unassign", status: 200, body: workerOffJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"93"}`) },
	})
	w, err := c.ProjectManagement.UnassignProjectWorker(t.Context(), resources.UnassignProjectWorkerInput{ID: "93"})
	must(t, err)
	eq(t, "ID", w.ID, "93")
	is(t, "Assigned", w.Assigned, false)
}

// timeRecordJSON charges a shift of 8.5 hours to a subproject.
const timeRecordJSON = `{"id":"501","project_worker_id":"92","attendance_shift_id":"7001","subproject_id":"12",` +
	`"date":"2026-06-15","imputed_minutes":510,"clock_in":"2026-06-15T09:00:00Z","clock_out":"2026-06-15T17:30:00Z",` +
	`"observations":"Mock-ups"}`

func checkTimeRecord(t *testing.T, r resources.ProjectTimeRecord) {
	t.Helper()
	eq(t, "ID", r.ID, "501")
	is(t, "ProjectWorkerID", r.ProjectWorkerID, "92")
	is(t, "AttendanceShiftID", r.AttendanceShiftID, "7001")
	day(t, "Date", r.Date, "2026-06-15")
	is(t, "ImputedMinutes", r.ImputedMinutes, 510)
	at(t, "ClockOut", r.ClockOut, "2026-06-15T17:30:00Z")
	is(t, "Observations", r.Observations, "Mock-ups")
}

func TestListProjectTimeRecords(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/time_records", status: 200, body: page(onePage(1), timeRecordJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"project_worker_ids[]": {"92"}, "month": {"6"}, "year": {"2026"}, "attendance_shift_ids[]": {"7001"}})
		},
	})
	all, err := c.ProjectManagement.ListProjectTimeRecords(t.Context(), &resources.ListProjectTimeRecordsParams{
		ProjectWorkerIDs: []string{"92"}, Month: ptr(6), Year: ptr(2026), AttendanceShiftIDs: []string{"7001"},
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d records, want 1", len(all))
	}
	checkTimeRecord(t, all[0])
}

func TestCreateProjectTimeRecord(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/time_records", status: 201, body: timeRecordJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"project_worker_id":"92","attendance_shift_id":"7001","subproject_id":"12"}`)
		},
	})
	rec, err := c.ProjectManagement.CreateProjectTimeRecord(t.Context(), resources.ProjectTimeRecordCreate{
		ProjectWorkerID: "92", AttendanceShiftID: ptr("7001"), SubprojectID: ptr("12"),
	})
	must(t, err)
	checkTimeRecord(t, rec)
}

func TestGetProjectTimeRecord(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/time_records/501", status: 200, body: timeRecordJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	rec, err := c.ProjectManagement.GetProjectTimeRecord(t.Context(), "501")
	must(t, err)
	checkTimeRecord(t, rec)
}

func TestDeleteProjectTimeRecord(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/project_management/time_records/501", status: 200, body: timeRecordJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	rec, err := c.ProjectManagement.DeleteProjectTimeRecord(t.Context(), "501")
	must(t, err)
	checkTimeRecord(t, rec)
}

func TestDeleteProjectTimeRecordsInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/time_records/bulk_delete", status: 200, body: "[" + timeRecordJSON + "]",
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"date":"2026-06-15","project_worker_id":"92"}`)
		},
	})
	all, err := c.ProjectManagement.DeleteProjectTimeRecordsInBulk(t.Context(), resources.DeleteProjectTimeRecordsInBulkInput{
		Date: date("2026-06-15"), ProjectWorkerID: "92",
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d records, want 1", len(all))
	}
	checkTimeRecord(t, all[0])
}

func TestProcessProjectTimeRecordsInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/time_records/bulk_process", status: 200, body: "[" + timeRecordJSON + "]",
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"items":[{"attendance_shift_id":"7001","project_worker_id":"92","subproject_id":"12"},{"time_record_id":"500"}]}`)
		},
	})
	all, err := c.ProjectManagement.ProcessProjectTimeRecordsInBulk(t.Context(), resources.ProcessProjectTimeRecordsInBulkInput{
		Items: []resources.ProjectTimeRecordBulkItem{
			{AttendanceShiftID: ptr("7001"), ProjectWorkerID: ptr("92"), SubprojectID: ptr("12")},
			{TimeRecordID: ptr("500")},
		},
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d records, want 1", len(all))
	}
	checkTimeRecord(t, all[0])
}

func TestUpdateProjectTimeRecordWorker(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/time_records/update_project_worker", status: 200, body: timeRecordJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"501","project_worker_id":"92","subproject_id":"12"}`)
		},
	})
	rec, err := c.ProjectManagement.UpdateProjectTimeRecordWorker(t.Context(), resources.UpdateProjectTimeRecordWorkerInput{
		ID: "501", ProjectWorkerID: "92", SubprojectID: ptr("12"),
	})
	must(t, err)
	checkTimeRecord(t, rec)
}

// plannedRecordJSON plans four hours a day on weekdays.
const plannedRecordJSON = `{"id":"61","daily_minutes":240,"start_date":"2026-07-06","end_date":"2026-07-17",` +
	`"project_worker_id":"92","subproject_id":null,"week_days":[1,2,3,4,5]}`

func checkPlannedRecord(t *testing.T, p resources.ProjectPlannedRecord) {
	t.Helper()
	eq(t, "ID", p.ID, "61")
	is(t, "DailyMinutes", p.DailyMinutes, 240)
	day(t, "StartDate", p.StartDate, "2026-07-06")
	day(t, "EndDate", p.EndDate, "2026-07-17")
	null(t, "SubprojectID", p.SubprojectID)
	if len(p.WeekDays) != 5 || p.WeekDays[0] != 1 || p.WeekDays[4] != 5 {
		t.Errorf("WeekDays = %v, want Monday to Friday", p.WeekDays)
	}
}

func TestListProjectPlannedRecords(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/planned_records", status: 200, body: page(onePage(1), plannedRecordJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"project_worker_ids[]": {"92"}, "start_date": {"2026-07-01"}, "end_date": {"2026-07-31"}})
		},
	})
	all, err := c.ProjectManagement.ListProjectPlannedRecords(t.Context(), &resources.ListProjectPlannedRecordsParams{
		ProjectWorkerIDs: []string{"92"}, StartDate: datep("2026-07-01"), EndDate: datep("2026-07-31"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d plans, want 1", len(all))
	}
	checkPlannedRecord(t, all[0])
}

func TestCreateProjectPlannedRecordsInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/planned_records/bulk_create", status: 200, body: "[" + plannedRecordJSON + "]",
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"project_worker_ids":["92"],"start_date":"2026-07-06","end_date":"2026-07-17","daily_minutes":240,"week_days":[1,2,3,4,5]}`)
		},
	})
	all, err := c.ProjectManagement.CreateProjectPlannedRecordsInBulk(t.Context(), resources.CreateProjectPlannedRecordsInBulkInput{
		ProjectWorkerIDs: []string{"92"}, StartDate: date("2026-07-06"), EndDate: date("2026-07-17"), DailyMinutes: 240,
		WeekDays: []int{1, 2, 3, 4, 5},
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d plans, want 1", len(all))
	}
	checkPlannedRecord(t, all[0])
}

func TestGetProjectPlannedRecord(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/planned_records/61", status: 200, body: plannedRecordJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	p, err := c.ProjectManagement.GetProjectPlannedRecord(t.Context(), "61")
	must(t, err)
	checkPlannedRecord(t, p)
}

func TestUpdateProjectPlannedRecord(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/project_management/planned_records/61", status: 200, body: plannedRecordJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"61","start_date":"2026-07-06","end_date":"2026-07-17","daily_minutes":240}`)
		},
	})
	p, err := c.ProjectManagement.UpdateProjectPlannedRecord(t.Context(), "61", resources.ProjectPlannedRecordUpdate{
		ID: "61", StartDate: date("2026-07-06"), EndDate: date("2026-07-17"), DailyMinutes: 240,
	})
	must(t, err)
	checkPlannedRecord(t, p)
}

func TestDeleteProjectPlannedRecord(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/project_management/planned_records/61", status: 200, body: plannedRecordJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	p, err := c.ProjectManagement.DeleteProjectPlannedRecord(t.Context(), "61")
	must(t, err)
	checkPlannedRecord(t, p)
}

// budgetStrategyJSON is a time-and-materials budget of a whole project.
const budgetStrategyJSON = `{"id":"21","budget_type":"total_budget","planned_cents":2000000,"planned_minutes":48000,` +
	`"fee_amount_cents":null,"project_id":"314","subproject_id":null,"delegated":false}`

func checkBudgetStrategy(t *testing.T, b resources.BudgetStrategy) {
	t.Helper()
	eq(t, "ID", b.ID, "21")
	is(t, "BudgetType", b.BudgetType, resources.BudgetStrategyTypeTotalBudget)
	is(t, "PlannedCents", b.PlannedCents, 2000000)
	is(t, "PlannedMinutes", b.PlannedMinutes, 48000)
	null(t, "FeeAmountCents", b.FeeAmountCents)
	is(t, "Delegated", b.Delegated, false)
}

func TestListBudgetStrategies(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/budget_strategies", status: 200, body: page(onePage(1), budgetStrategyJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"project_ids[]": {"314"}, "without_subproject": {"true"}})
		},
	})
	all, err := c.ProjectManagement.ListBudgetStrategies(t.Context(), &resources.ListBudgetStrategiesParams{
		ProjectIDs: []string{"314"}, WithoutSubproject: ptr(true),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d strategies, want 1", len(all))
	}
	checkBudgetStrategy(t, all[0])
}

func TestCreateBudgetStrategy(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/budget_strategies", status: 201, body: budgetStrategyJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"budget_strategy_type":"total_budget","planned_cents":2000000,"planned_minutes":48000,"project_id":"314"}`)
		},
	})
	b, err := c.ProjectManagement.CreateBudgetStrategy(t.Context(), resources.BudgetStrategyCreate{
		BudgetStrategyType: resources.BudgetStrategyTypeTotalBudget, PlannedCents: ptr(2000000), PlannedMinutes: ptr(48000), ProjectID: "314",
	})
	must(t, err)
	checkBudgetStrategy(t, b)
}

func TestGetBudgetStrategy(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/budget_strategies/21", status: 200, body: budgetStrategyJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	b, err := c.ProjectManagement.GetBudgetStrategy(t.Context(), "21")
	must(t, err)
	checkBudgetStrategy(t, b)
}

func TestUpdateBudgetStrategy(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/project_management/budget_strategies/21", status: 200, body: budgetStrategyJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"21","planned_minutes":48000,"delegated":false}`)
		},
	})
	b, err := c.ProjectManagement.UpdateBudgetStrategy(t.Context(), "21", resources.BudgetStrategyUpdate{ID: "21", PlannedMinutes: ptr(48000), Delegated: ptr(false)})
	must(t, err)
	checkBudgetStrategy(t, b)
}

func TestDeleteBudgetStrategy(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/project_management/budget_strategies/21", status: 200, body: budgetStrategyJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	b, err := c.ProjectManagement.DeleteBudgetStrategy(t.Context(), "21")
	must(t, err)
	checkBudgetStrategy(t, b)
}

// expenseRecordJSON is a dollar expense charged to a euro project; the
// legal entity's amount is a string, as Factorial's document types it.
const expenseRecordJSON = `{"id":"71","project_worker_id":"92","expense_id":"3301","subproject_id":null,` +
	`"original_amount_currency":"USD","original_amount_cents":5000,"legal_entity_amount_currency":"EUR",` +
	`"legal_entity_amount_cents":"4610","effective_on":"2026-06-12","exchange_rate":0.922,"status":"approved"}`

func checkExpenseRecord(t *testing.T, e resources.ProjectExpenseRecord) {
	t.Helper()
	eq(t, "ID", e.ID, "71")
	is(t, "ExpenseID", e.ExpenseID, "3301")
	is(t, "OriginalAmountCents", e.OriginalAmountCents, 5000)
	is(t, "LegalEntityAmountCents", e.LegalEntityAmountCents, "4610")
	is(t, "EffectiveOn", e.EffectiveOn, "2026-06-12")
	if e.ExchangeRate == nil || *e.ExchangeRate < 0.92 || *e.ExchangeRate > 0.93 {
		t.Errorf("ExchangeRate = %v, want 0.922", e.ExchangeRate)
	}
	null(t, "SubprojectID", e.SubprojectID)
}

func TestListProjectExpenseRecords(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/expense_records", status: 200, body: page(onePage(1), expenseRecordJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"project_ids[]": {"314"}, "start_date": {"2026-06-01"}, "end_date": {"2026-06-30"},
				"employee_user_name_like": {"Bea"}})
		},
	})
	all, err := c.ProjectManagement.ListProjectExpenseRecords(t.Context(), &resources.ListProjectExpenseRecordsParams{
		ProjectIDs: []string{"314"}, StartDate: datep("2026-06-01"), EndDate: datep("2026-06-30"), EmployeeUserNameLike: ptr("Bea"),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d records, want 1", len(all))
	}
	checkExpenseRecord(t, all[0])
}

func TestGetProjectExpenseRecord(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/expense_records/71", status: 200, body: expenseRecordJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	e, err := c.ProjectManagement.GetProjectExpenseRecord(t.Context(), "71")
	must(t, err)
	checkExpenseRecord(t, e)
}

func TestListProjectExportableExpenses(t *testing.T) {
	row := `{"date":"2026-06-12","project_name":"Website relaunch","subproject_name":null,"employee_name":"Bea Basic",` +
		`"preferred_name":"Bea","amount":"50.00","currency":"USD","expense_category":"travel","expense_subcategory":null,` +
		`"expense_status":"approved","expense_link":null}`
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/exportable_expenses", status: 200, body: page(onePage(1), row),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"start_date": {"2026-06-01"}, "end_date": {"2026-06-30"}, "project_ids[]": {"314"}})
		},
	})
	all, err := c.ProjectManagement.ListProjectExportableExpenses(t.Context(), &resources.ListProjectExportableExpensesParams{
		StartDate: datep("2026-06-01"), EndDate: datep("2026-06-30"), ProjectIDs: []string{"314"},
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d rows, want 1", len(all))
	}
	is(t, "EmployeeName", all[0].EmployeeName, "Bea Basic")
	is(t, "Amount", all[0].Amount, "50.00")
	is(t, "ExpenseCategory", all[0].ExpenseCategory, "travel")
	null(t, "SubprojectName", all[0].SubprojectName)
}

// projectTaskJSON links task 780 to a subproject.
const projectTaskJSON = `{"id":"789","project_id":"314","subproject_id":"12","task_id":"780","follow_up":true}`

func checkProjectTask(t *testing.T, p resources.ProjectTask) {
	t.Helper()
	eq(t, "ID", p.ID, "789")
	is(t, "ProjectID", p.ProjectID, "314")
	is(t, "SubprojectID", p.SubprojectID, "12")
	is(t, "TaskID", p.TaskID, "780")
	is(t, "FollowUp", p.FollowUp, true)
}

func TestListProjectTasks(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/project_tasks", status: 200, body: page(onePage(1), projectTaskJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"project_ids[]": {"314"}, "overdue": {"true"}, "search": {"docs"}, "due_status": {"over_due"}})
		},
	})
	all, err := c.ProjectManagement.ListProjectTasks(t.Context(), &resources.ListProjectTasksParams{
		ProjectIDs: []string{"314"}, Overdue: ptr(true), Search: ptr("docs"), DueStatus: ptr(resources.ProjectTaskDueStatusOverDue),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d tasks, want 1", len(all))
	}
	checkProjectTask(t, all[0])
}

func TestCreateProjectTask(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/project_tasks", status: 201, body: projectTaskJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			parts := readMultipart(t, r, body)
			wantFile(t, parts, "files[]", "brief.pdf", "application/pdf", pdf)
			wantFields(t, parts, map[string][]string{"name": {"Write the docs"}, "project_id": {"314"}, "subproject_id": {"12"},
				"status": {"todo"}, "due_on": {"2026-07-01"}, "follow_up": {"true"}, "assignee_employee_ids[]": {"4243", "4244"}})
		},
	})
	var file openapi_types.File
	file.InitFromBytes([]byte(pdf), "brief.pdf")
	p, err := c.ProjectManagement.CreateProjectTask(t.Context(), resources.ProjectTaskCreate{
		Name: "Write the docs", ProjectID: "314", SubprojectID: ptr("12"), Status: resources.TaskStatusTodo, DueOn: datep("2026-07-01"),
		FollowUp: ptr(true), AssigneeEmployeeIDs: []string{"4243", "4244"}, Files: []openapi_types.File{file},
	})
	must(t, err)
	checkProjectTask(t, p)
}

func TestGetProjectTask(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/project_management/project_tasks/789", status: 200, body: projectTaskJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	p, err := c.ProjectManagement.GetProjectTask(t.Context(), "789")
	must(t, err)
	checkProjectTask(t, p)
}

func TestUpdateProjectTask(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/project_management/project_tasks/789", status: 200, body: projectTaskJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			parts := readMultipart(t, r, body)
			wantFields(t, parts, map[string][]string{"id": {"789"}, "name": {"Write the docs"}, "project_id": {"314"},
				"status": {"done"}, "files_to_remove[]": {"405"}})
		},
	})
	p, err := c.ProjectManagement.UpdateProjectTask(t.Context(), "789", resources.ProjectTaskUpdate{
		ID: "789", Name: "Write the docs", ProjectID: "314", Status: ptr(resources.TaskStatusDone), FilesToRemove: []string{"405"},
	})
	must(t, err)
	checkProjectTask(t, p)
}

func TestDeleteProjectTasksInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/project_tasks/bulk_destroy", status: 200, body: "[" + projectTaskJSON + "]",
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"ids":["789"]}`) },
	})
	all, err := c.ProjectManagement.DeleteProjectTasksInBulk(t.Context(), resources.DeleteProjectTasksInBulkInput{IDs: []string{"789"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d tasks, want 1", len(all))
	}
	checkProjectTask(t, all[0])
}

func TestDuplicateProjectTasksInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/project_management/project_tasks/bulk_duplicate", status: 200, body: "[" + projectTaskJSON + "]",
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"project_id":"314","ids":["700"],"exclude_assignees":true}`)
		},
	})
	all, err := c.ProjectManagement.DuplicateProjectTasksInBulk(t.Context(), resources.DuplicateProjectTasksInBulkInput{
		ProjectID: ptr("314"), IDs: []string{"700"}, ExcludeAssignees: ptr(true),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d tasks, want 1", len(all))
	}
	checkProjectTask(t, all[0])
}
