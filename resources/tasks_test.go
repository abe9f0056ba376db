package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/factorial-go/factorial/resources"
)

// Tasks and the files attached to them.

const taskReviewJSON = `{"id":"901","company_id":"77","name":"Complete your self-review","content":"Before Friday",` +
	`"due_on":"2026-07-10","status":"todo","assignee_ids":["5150","5151"],"author_employee_id":"4242",` +
	`"completed_at":null,"completed_by_id":null,"created_at":"2026-07-01T08:00:00.000Z","updated_at":"2026-07-01T08:00:00.000Z"}`

// taskDoneJSON is a completed task.
const taskDoneJSON = `{"id":"902","company_id":"77","name":"Sign the contract","content":null,"due_on":null,"status":"done",` +
	`"assignee_ids":["5150"],"author_employee_id":"4242","completed_at":"2026-07-02T09:30:00.000Z","completed_by_id":"5150",` +
	`"created_at":"2026-07-01T08:00:00.000Z","updated_at":"2026-07-02T09:30:00.000Z"}`

func checkReview(t *testing.T, task resources.Task) {
	t.Helper()
	eq(t, "ID", task.ID, "901")
	is(t, "Name", task.Name, "Complete your self-review")
	is(t, "Content", task.Content, "Before Friday")
	day(t, "DueOn", task.DueOn, "2026-07-10")
	is(t, "Status", task.Status, resources.TaskStatusTodo)
	ids(t, "AssigneeIDs", task.AssigneeIDs, "5150", "5151")
	is(t, "AuthorEmployeeID", task.AuthorEmployeeID, "4242")
	null(t, "CompletedAt", task.CompletedAt)
	null(t, "CompletedByID", task.CompletedByID)
	at(t, "CreatedAt", task.CreatedAt, "2026-07-01T08:00:00Z")
}

func TestListTasks(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/tasks/tasks", status: 200, body: page(onePage(2), taskReviewJSON, taskDoneJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"assignee_id": {"5150"}, "already_due": {"false"}, "task_status": {"todo"},
				"due_on": {"2026-07-10"}, "category": {"performance"}})
		},
	})
	all, err := c.Tasks.List(t.Context(), &resources.ListTasksParams{
		AssigneeID: ptr("5150"), AlreadyDue: ptr(false), TaskStatus: ptr(resources.TaskStatusTodo),
		DueOn: datep("2026-07-10"), Category: ptr(resources.TaskCategoryPerformance),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d tasks, want 2", len(all))
	}
	checkReview(t, all[0])
	is(t, "second Status", all[1].Status, resources.TaskStatusDone)
	at(t, "second CompletedAt", all[1].CompletedAt, "2026-07-02T09:30:00Z")
	is(t, "second CompletedByID", all[1].CompletedByID, "5150")
	null(t, "second DueOn", all[1].DueOn)
}

// TestCreateTask: status is required and sent; absent optional members are
// not.
func TestCreateTask(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/tasks/tasks", status: 201, body: taskReviewJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"name":"Complete your self-review","content":"Before Friday","due_on":"2026-07-10",`+
				`"assignee_ids":["5150","5151"],"status":"todo"}`)
		},
	})
	task, err := c.Tasks.Create(t.Context(), resources.TaskCreate{
		Name: "Complete your self-review", Content: ptr("Before Friday"), DueOn: datep("2026-07-10"),
		AssigneeIDs: []string{"5150", "5151"}, Status: resources.TaskStatusTodo,
	})
	must(t, err)
	checkReview(t, task)
}

func TestGetTask(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/tasks/tasks/901", status: 200, body: taskReviewJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	task, err := c.Tasks.Get(t.Context(), "901")
	must(t, err)
	checkReview(t, task)
}

func TestUpdateTask(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/tasks/tasks/902", status: 200, body: taskDoneJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"902","status":"done"}`)
		},
	})
	task, err := c.Tasks.Update(t.Context(), "902", resources.TaskUpdate{ID: "902", Status: ptr(resources.TaskStatusDone)})
	must(t, err)
	is(t, "Status", task.Status, resources.TaskStatusDone)
	is(t, "CompletedByID", task.CompletedByID, "5150")
}

func TestDeleteTask(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/tasks/tasks/901", status: 200, body: taskReviewJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	task, err := c.Tasks.Delete(t.Context(), "901")
	must(t, err)
	checkReview(t, task)
}

// TestCreateTasksInBulk: one task per assignee, answered as a bare array.
func TestCreateTasksInBulk(t *testing.T) {
	one1 := `{"id":"910","company_id":"77","name":"Read the handbook","status":"todo","assignee_ids":["5150"],` +
		`"created_at":"2026-07-01T08:00:00.000Z","updated_at":"2026-07-01T08:00:00.000Z"}`
	one2 := `{"id":"911","company_id":"77","name":"Read the handbook","status":"todo","assignee_ids":["5151"],` +
		`"created_at":"2026-07-01T08:00:00.000Z","updated_at":"2026-07-01T08:00:00.000Z"}`
	c := one(t, exchange{
		method: http.MethodPost, path: "/tasks/tasks/bulk_create", status: 200, body: `[` + one1 + `,` + one2 + `]`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"name":"Read the handbook","assignee_ids":["5150","5151"],"status":"todo"}`)
		},
	})
	tasks, err := c.Tasks.CreateInBulk(t.Context(), resources.CreateTasksInBulkInput{
		Name: "Read the handbook", AssigneeIDs: []string{"5150", "5151"}, Status: resources.TaskStatusTodo,
	})
	must(t, err)
	if len(tasks) != 2 {
		t.Fatalf("%d tasks, want 2", len(tasks))
	}
	ids(t, "first AssigneeIDs", tasks[0].AssigneeIDs, "5150")
	ids(t, "second AssigneeIDs", tasks[1].AssigneeIDs, "5151")
}

func TestDeleteTasksInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/tasks/tasks/bulk_delete", status: 200, body: `[` + taskReviewJSON + `,` + taskDoneJSON + `]`,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"ids":["901","902"]}`) },
	})
	tasks, err := c.Tasks.DeleteInBulk(t.Context(), resources.DeleteTasksInBulkInput{IDs: []string{"901", "902"}})
	must(t, err)
	if len(tasks) != 2 {
		t.Fatalf("%d tasks, want 2", len(tasks))
	}
	checkReview(t, tasks[0])
}

// TestUpdateTasksInBulk: each item carries its id and only what changes;
// ids are strings, although Factorial's example shows integers.
func TestUpdateTasksInBulk(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/tasks/tasks/bulk_update", status: 200, body: `[` + taskDoneJSON + `]`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"tasks":[{"id":"902","status":"done","assignee_ids":["5150"]}]}`)
		},
	})
	tasks, err := c.Tasks.UpdateInBulk(t.Context(), resources.UpdateTasksInBulkInput{Tasks: []resources.TaskBulkUpdateItem{
		{ID: "902", Status: ptr(resources.TaskStatusDone), AssigneeIDs: []string{"5150"}},
	}})
	must(t, err)
	if len(tasks) != 1 {
		t.Fatalf("%d tasks, want 1", len(tasks))
	}
	is(t, "Status", tasks[0].Status, resources.TaskStatusDone)
}

func TestCopyTask(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/tasks/tasks/copy", status: 200,
		body: `{"id":"903","company_id":"77","name":"Self-review (Q3)","content":"Before Friday","due_on":"2026-07-10",` +
			`"status":"todo","assignee_ids":["5150","5151"],"created_at":"2026-07-03T08:00:00.000Z","updated_at":"2026-07-03T08:00:00.000Z"}`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"901","name":"Self-review (Q3)"}`)
		},
	})
	task, err := c.Tasks.Copy(t.Context(), resources.CopyTaskInput{ID: "901", Name: ptr("Self-review (Q3)")})
	must(t, err)
	eq(t, "ID", task.ID, "903")
	is(t, "Name", task.Name, "Self-review (Q3)")
	ids(t, "AssigneeIDs", task.AssigneeIDs, "5150", "5151")
}

func TestCreateTaskComment(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/tasks/tasks/create_comment", status: 200, body: taskReviewJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"content":"Done with part one","author_id":"5150","resource_id":"901","company_id":"77",`+
				`"mentioned_access_ids":["5151"]}`)
		},
	})
	task, err := c.Tasks.CreateComment(t.Context(), resources.CreateTaskCommentInput{
		Content: "Done with part one", AuthorID: "5150", ResourceID: "901", CompanyID: "77", MentionedAccessIDs: []string{"5151"},
	})
	must(t, err)
	checkReview(t, task)
}

// Task files.

const taskFileJSON = `{"id":"405","task_id":"901","filename":"expenses.png","content_type":"image/png",` +
	`"path":"/tasks/tasks_files/405","created_at":"2026-07-06"}`

func TestListTaskFiles(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/tasks/task_files", status: 200, body: page(onePage(1), taskFileJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"task_id": {"901"}})
		},
	})
	files, err := c.Tasks.ListFiles(t.Context(), &resources.ListTaskFilesParams{TaskID: ptr("901")})
	must(t, err)
	if len(files) != 1 {
		t.Fatalf("%d files, want 1", len(files))
	}
	eq(t, "ID", files[0].ID, "405")
	is(t, "TaskID", files[0].TaskID, "901")
	is(t, "Path", files[0].Path, "/tasks/tasks_files/405")
	is(t, "CreatedAt", files[0].CreatedAt, "2026-07-06")
}

func TestCreateTaskFile(t *testing.T) {
	const png = "\x89PNG\r\n\x1a\nfake image bytes"
	c := one(t, exchange{
		method: http.MethodPost, path: "/tasks/task_files", status: 201, body: taskFileJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			parts := readMultipart(t, r, body)
			wantFile(t, parts, "file", "expenses.png", "image/png", png)
			wantFields(t, parts, map[string][]string{"task_id": {"901"}})
		},
	})
	var file openapi_types.File
	file.InitFromBytes([]byte(png), "expenses.png")
	f, err := c.Tasks.CreateFile(t.Context(), resources.TaskFileCreate{TaskID: "901", File: file})
	must(t, err)
	eq(t, "ID", f.ID, "405")
	is(t, "Filename", f.Filename, "expenses.png")
	is(t, "ContentType", f.ContentType, "image/png")
}

func TestGetTaskFile(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/tasks/task_files/405", status: 200, body: taskFileJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	f, err := c.Tasks.GetFile(t.Context(), "405")
	must(t, err)
	eq(t, "ID", f.ID, "405")
	is(t, "Filename", f.Filename, "expenses.png")
}

func TestDeleteTaskFile(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/tasks/task_files/405", status: 200, body: taskFileJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	f, err := c.Tasks.DeleteFile(t.Context(), "405")
	must(t, err)
	eq(t, "ID", f.ID, "405")
}
