package api_test

import (
	"context"
	"net/http"
	"reflect"
	"testing"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// Task and TaskFile shapes: only the 2024 spec and one other open-source
// client (leon1995's) describe tasks.
const (
	taskOpenJSON  = `{"id":5120,"name":"Firmar contrato","content":"Revisa y firma tu contrato antes del primer día.","due_on":"2024-03-15","assignee_ids":[7],"completed_at":null}`
	taskDoneJSON  = `{"id":5121,"name":"Recoger portátil","content":"Pasa por IT (planta 2) a recoger el MacBook.","due_on":"2024-03-18","assignee_ids":[7,12],"completed_at":"2024-03-18T09:41:07.000+01:00"}`
	taskFileJSON  = `{"id":310,"task_id":5120,"filename":"contrato-ana-ruiz.pdf","path":"https://factorial-production.s3.eu-west-1.amazonaws.com/tasks/5120/files/310/contrato-ana-ruiz.pdf"}`
	taskFile2JSON = `{"id":311,"task_id":5120,"filename":"checklist-onboarding.xlsx","path":"https://factorial-production.s3.eu-west-1.amazonaws.com/tasks/5120/files/311/checklist-onboarding.xlsx"}`
)

func TestListTasks(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/tasks", Status: 200,
		Body: `[` + taskOpenJSON + `,` + taskDoneJSON + `]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantQuery(t, r, map[string][]string{"assignee_id": {"7"}})
		},
	}))
	res, err := c.ListTasksWithResponse(context.Background(), &api.ListTasksParams{AssigneeID: apitest.Ptr(7)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, tasks = %v", res.StatusCode(), res.JSON200)
	}
	open, done := (*res.JSON200)[0], (*res.JSON200)[1]
	if open.ID != 5120 {
		t.Errorf("ID = %d, want 5120", open.ID)
	}
	wantPtr(t, "Name", open.Name, "Firmar contrato")
	wantPtr(t, "DueOn", open.DueOn, dateOf(2024, 3, 15))
	wantNil(t, "CompletedAt", open.CompletedAt)
	if !reflect.DeepEqual(open.AssigneeIDs, []int{7}) {
		t.Errorf("AssigneeIDs = %v, want [7]", open.AssigneeIDs)
	}
	wantPtr(t, "[1].CompletedAt", done.CompletedAt, "2024-03-18T09:41:07.000+01:00")
	if !reflect.DeepEqual(done.AssigneeIDs, []int{7, 12}) {
		t.Errorf("[1].AssigneeIDs = %v, want [7 12]", done.AssigneeIDs)
	}
}

func TestListTasks_BasicUser(t *testing.T) {
	// Restricted payload: a task the user can see but whose content,
	// assignees and dates are hidden from their permission group.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/tasks", Status: 200,
		Body:  `[{"id":5130,"name":"Revisión trimestral","content":null,"due_on":null,"assignee_ids":null,"completed_at":null}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) { noQuery(t, r) },
	}))
	res, err := c.ListTasksWithResponse(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, tasks = %v", res.StatusCode(), res.JSON200)
	}
	task := (*res.JSON200)[0]
	wantPtr(t, "Name", task.Name, "Revisión trimestral")
	wantNil(t, "Content", task.Content)
	wantNil(t, "DueOn", task.DueOn)
	if task.AssigneeIDs != nil {
		t.Errorf("AssigneeIDs = %v, want nil", task.AssigneeIDs)
	}
}

func TestCreateTask(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/tasks", Status: 201, Body: taskOpenJSON,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"name":"Firmar contrato","content":"Revisa y firma tu contrato antes del primer día.","due_on":"2024-03-15","assignee_ids":[7]}`)
		},
	}))
	res, err := c.CreateTaskWithResponse(context.Background(), api.TaskCreate{
		Name: "Firmar contrato", Content: apitest.Ptr("Revisa y firma tu contrato antes del primer día."),
		DueOn: apitest.Ptr(dateOf(2024, 3, 15)), AssigneeIDs: []int{7},
	})
	if err != nil {
		t.Fatal(err)
	}
	task := res.JSON201
	if task == nil || task.ID != 5120 {
		t.Fatalf("status %d, task = %+v", res.StatusCode(), task)
	}
	wantPtr(t, "DueOn", task.DueOn, dateOf(2024, 3, 15))
	wantNil(t, "CompletedAt", task.CompletedAt)
}

func TestGetTask(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/tasks/5121", Status: 200, Body: taskDoneJSON,
	}))
	res, err := c.GetTaskWithResponse(context.Background(), 5121)
	if err != nil {
		t.Fatal(err)
	}
	task := res.JSON200
	if task == nil || task.ID != 5121 {
		t.Fatalf("status %d, task = %+v", res.StatusCode(), task)
	}
	wantPtr(t, "Content", task.Content, "Pasa por IT (planta 2) a recoger el MacBook.")
	wantPtr(t, "CompletedAt", task.CompletedAt, "2024-03-18T09:41:07.000+01:00")
}

func TestUpdateTask(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/core/tasks/5120", Status: 200,
		Body: `{"id":5120,"name":"Firmar contrato","content":"Revisa y firma tu contrato antes del primer día.","due_on":"2024-03-22","assignee_ids":[7,3],"completed_at":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"due_on":"2024-03-22","assignee_ids":[7,3]}`)
		},
	}))
	res, err := c.UpdateTaskWithResponse(context.Background(), 5120, api.TaskUpdate{DueOn: apitest.Ptr(dateOf(2024, 3, 22)), AssigneeIDs: []int{7, 3}})
	if err != nil {
		t.Fatal(err)
	}
	task := res.JSON200
	if task == nil || task.ID != 5120 {
		t.Fatalf("status %d, task = %+v", res.StatusCode(), task)
	}
	wantPtr(t, "DueOn", task.DueOn, dateOf(2024, 3, 22))
	if !reflect.DeepEqual(task.AssigneeIDs, []int{7, 3}) {
		t.Errorf("AssigneeIDs = %v, want [7 3]", task.AssigneeIDs)
	}
}

func TestDeleteTask(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/core/tasks/5121", Status: 200, Body: taskDoneJSON,
	}))
	res, err := c.DeleteTaskWithResponse(context.Background(), 5121)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 5121 {
		t.Fatalf("status %d, task = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Name", res.JSON200.Name, "Recoger portátil")
}

func TestDeleteTask_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/core/tasks/5121", Status: 204,
	}))
	res, err := c.DeleteTaskWithResponse(context.Background(), 5121)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %+v; want 204 and nil", res.StatusCode(), res.JSON200)
	}
}

func TestResolveTask(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/tasks/5120/resolve", Status: 200,
		Body: `{"id":5120,"name":"Firmar contrato","content":"Revisa y firma tu contrato antes del primer día.","due_on":"2024-03-15","assignee_ids":[7],"completed_at":"2024-03-14T17:05:33.000+01:00"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"done":true}`)
		},
	}))
	res, err := c.ResolveTaskWithResponse(context.Background(), 5120, api.ResolveTaskInput{Done: apitest.Ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 5120 {
		t.Fatalf("status %d, task = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "CompletedAt", res.JSON200.CompletedAt, "2024-03-14T17:05:33.000+01:00")
}

func TestResolveTask_Reopen(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/tasks/5121/resolve", Status: 200,
		Body: `{"id":5121,"name":"Recoger portátil","content":"Pasa por IT (planta 2) a recoger el MacBook.","due_on":"2024-03-18","assignee_ids":[7,12],"completed_at":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"done":false}`)
		},
	}))
	res, err := c.ResolveTaskWithResponse(context.Background(), 5121, api.ResolveTaskInput{Done: apitest.Ptr(false)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 5121 {
		t.Fatalf("status %d, task = %+v", res.StatusCode(), res.JSON200)
	}
	wantNil(t, "CompletedAt", res.JSON200.CompletedAt)
}

func TestCopyTask(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/tasks/5120/copy", Status: 200,
		Body: `{"id":5188,"name":"Firmar contrato (Marc Soler)","content":"Revisa y firma tu contrato antes del primer día.","due_on":"2024-03-15","assignee_ids":[7],"completed_at":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"name":"Firmar contrato (Marc Soler)"}`)
		},
	}))
	res, err := c.CopyTaskWithResponse(context.Background(), 5120, api.CopyTaskInput{Name: apitest.Ptr("Firmar contrato (Marc Soler)")})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 5188 {
		t.Fatalf("status %d, task = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Name", res.JSON200.Name, "Firmar contrato (Marc Soler)")
}

func TestListTaskFiles(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/tasks/5120/files", Status: 200,
		Body: `[` + taskFileJSON + `,` + taskFile2JSON + `]`,
	}))
	res, err := c.ListTaskFilesWithResponse(context.Background(), 5120)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, files = %v", res.StatusCode(), res.JSON200)
	}
	f := (*res.JSON200)[1]
	if f.ID != 311 {
		t.Errorf("ID = %d, want 311", f.ID)
	}
	wantPtr(t, "TaskID", f.TaskID, 5120)
	wantPtr(t, "Filename", f.Filename, "checklist-onboarding.xlsx")
}

func TestCreateTaskFile(t *testing.T) {
	const pdf = "%PDF-1.7\n% contrato\n%%EOF\n"
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/tasks/5120/files", Status: 200, Body: taskFileJSON,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			f := parseMultipart(t, r, body)
			wantFilePart(t, f, "file", "contrato-ana-ruiz.pdf", "application/pdf", pdf)
			if f != nil && (len(f.Value) != 0 || len(f.File) != 1) {
				t.Errorf("multipart = %v fields, %d file parts; want only the file", f.Value, len(f.File))
			}
		},
	}))
	ct, body := multipartBody(t, formPart{Name: "file", Filename: "contrato-ana-ruiz.pdf", ContentType: "application/pdf", Value: pdf})
	res, err := c.CreateTaskFileWithBodyWithResponse(context.Background(), 5120, ct, body)
	if err != nil {
		t.Fatal(err)
	}
	f := res.JSON200
	if f == nil || f.ID != 310 {
		t.Fatalf("status %d, file = %+v (body %s)", res.StatusCode(), f, res.Body)
	}
	wantPtr(t, "TaskID", f.TaskID, 5120)
	wantPtr(t, "Filename", f.Filename, "contrato-ana-ruiz.pdf")
	wantPtr(t, "Path", f.Path, "https://factorial-production.s3.eu-west-1.amazonaws.com/tasks/5120/files/310/contrato-ana-ruiz.pdf")
}

func TestGetTaskFile(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/tasks/5120/files/311", Status: 200, Body: taskFile2JSON,
	}))
	res, err := c.GetTaskFileWithResponse(context.Background(), 5120, 311)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 311 {
		t.Fatalf("status %d, file = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Filename", res.JSON200.Filename, "checklist-onboarding.xlsx")
}

func TestGetTaskFile_BasicUser(t *testing.T) {
	// The file's storage path is withheld from a user who may not download it.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/tasks/5130/files/402", Status: 200,
		Body: `{"id":402,"task_id":null,"filename":"evaluacion-q1.pdf","path":null}`,
	}))
	res, err := c.GetTaskFileWithResponse(context.Background(), 5130, 402)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 402 {
		t.Fatalf("status %d, file = %+v", res.StatusCode(), res.JSON200)
	}
	wantNil(t, "Path", res.JSON200.Path)
	wantNil(t, "TaskID", res.JSON200.TaskID)
}

func TestDeleteTaskFile(t *testing.T) {
	// Deleting a file is a POST on the file's URL (the 2024 spec and another
	// open-source client agree).
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/tasks/5120/files/311", Status: 200, Body: taskFile2JSON,
		Check: func(t testing.TB, _ *http.Request, body []byte) {
			if len(body) != 0 {
				t.Errorf("request body = %q, want none", body)
			}
		},
	}))
	res, err := c.DeleteTaskFileWithResponse(context.Background(), 5120, 311)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 311 {
		t.Fatalf("status %d, file = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "TaskID", res.JSON200.TaskID, 5120)
}

func TestDeleteTaskFile_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/tasks/5120/files/311", Status: 204,
	}))
	res, err := c.DeleteTaskFileWithResponse(context.Background(), 5120, 311)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %+v; want 204 and nil", res.StatusCode(), res.JSON200)
	}
}
