package api_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// Document and Folder shapes with the 2024 spec's field names (the 2022
// spec called the download URL `file`).
const (
	folderPayslipsJSON = `{"id":88,"company_id":1203,"name":"Payslips","active":true,"created_at":"2022-01-12T11:20:57.000Z","updated_at":"2023-06-30T08:02:14.000Z"}`
	folderArchiveJSON  = `{"id":91,"company_id":1203,"name":"Archive 2021","active":false,"created_at":"2021-03-01T09:00:00.000Z","updated_at":"2022-01-03T16:45:10.000Z"}`
	documentJSON       = `{"id":4211,"employee_id":7,"company_id":1203,"folder_id":88,"url":"https://api.factorialhr.com/api/v1/core/documents/4211/download","filename":"nomina-2024-01-ana-ruiz.pdf","public":true,"created_at":"2024-02-01T07:30:12.000Z","updated_at":"2024-02-01T07:30:12.000Z"}`
)

func TestListFolders(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/folders", Status: 200,
		Body: `[` + folderPayslipsJSON + `,` + folderArchiveJSON + `]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantQuery(t, r, map[string][]string{"name": {"Payslips"}, "active": {"true"}})
		},
	}))
	res, err := c.ListFoldersWithResponse(context.Background(), &api.ListFoldersParams{Name: apitest.Ptr("Payslips"), Active: apitest.Ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, folders = %v", res.StatusCode(), res.JSON200)
	}
	f := (*res.JSON200)[0]
	if f.ID != 88 {
		t.Errorf("ID = %d, want 88", f.ID)
	}
	wantPtr(t, "Name", f.Name, "Payslips")
	wantPtr(t, "Active", f.Active, true)
	wantPtr(t, "CompanyID", f.CompanyID, 1203)
	wantPtr(t, "CreatedAt", f.CreatedAt, time.Date(2022, 1, 12, 11, 20, 57, 0, time.UTC))
	wantPtr(t, "[1].Active", (*res.JSON200)[1].Active, false)
}

func TestListFolders_BasicUser(t *testing.T) {
	// A basic user's token: company and audit fields nulled; the 2022
	// spec's extra `type` field present but null.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/folders", Status: 200,
		Body:  `[{"id":88,"company_id":null,"name":"Payslips","active":true,"type":null,"created_at":null,"updated_at":null}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) { noQuery(t, r) },
	}))
	res, err := c.ListFoldersWithResponse(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, folders = %v", res.StatusCode(), res.JSON200)
	}
	f := (*res.JSON200)[0]
	wantPtr(t, "Name", f.Name, "Payslips")
	wantNil(t, "CompanyID", f.CompanyID)
	wantNil(t, "Type", f.Type)
	wantNil(t, "CreatedAt", f.CreatedAt)
}

func TestCreateFolder(t *testing.T) {
	// 200 is the 2024 spec's status, 201 the 2022 spec's; both carry one
	// folder.
	for _, status := range []int{200, 201} {
		c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
			Method: http.MethodPost, Path: "/api/v1/core/folders", Status: status,
			Body: `{"id":95,"company_id":1203,"name":"Contracts","active":true,"created_at":"2024-03-04T10:15:00.000Z","updated_at":"2024-03-04T10:15:00.000Z"}`,
			Check: func(t testing.TB, r *http.Request, body []byte) {
				wantJSONBody(t, r, body, `{"name":"Contracts","active":true}`)
			},
		}))
		res, err := c.CreateFolderWithResponse(context.Background(), api.FolderCreate{Name: "Contracts", Active: apitest.Ptr(true)})
		if err != nil {
			t.Fatal(err)
		}
		f := res.JSON200
		if status == 201 {
			f = res.JSON201
			if res.JSON200 != nil {
				t.Errorf("201: JSON200 = %+v, want nil", res.JSON200)
			}
		}
		if f == nil {
			t.Fatalf("status %d: no typed folder (body %s)", res.StatusCode(), res.Body)
		}
		if f.ID != 95 {
			t.Errorf("status %d: ID = %d, want 95", status, f.ID)
		}
		wantPtr(t, "Name", f.Name, "Contracts")
		wantPtr(t, "Active", f.Active, true)
	}
}

func TestGetFolder(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/folders/88", Status: 200, Body: folderPayslipsJSON,
	}))
	res, err := c.GetFolderWithResponse(context.Background(), 88)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 88 {
		t.Fatalf("status %d, folder = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Name", res.JSON200.Name, "Payslips")
	wantPtr(t, "UpdatedAt", res.JSON200.UpdatedAt, time.Date(2023, 6, 30, 8, 2, 14, 0, time.UTC))
}

func TestUpdateFolder(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/core/folders/91", Status: 200,
		Body: `{"id":91,"company_id":1203,"name":"Archive 2021","active":true,"created_at":"2021-03-01T09:00:00.000Z","updated_at":"2024-03-04T10:20:31.000Z"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"active":true}`)
		},
	}))
	res, err := c.UpdateFolderWithResponse(context.Background(), 91, api.FolderUpdate{Active: apitest.Ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 91 {
		t.Fatalf("status %d, folder = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Active", res.JSON200.Active, true)
	wantPtr(t, "Name", res.JSON200.Name, "Archive 2021")
}

func TestListDocuments(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/documents", Status: 200,
		Body: `[` + documentJSON + `,{"id":4212,"employee_id":7,"company_id":1203,"folder_id":88,"url":"https://api.factorialhr.com/api/v1/core/documents/4212/download","filename":"nomina-2024-02-ana-ruiz.pdf","public":false,"created_at":"2024-03-01T07:30:40.000Z","updated_at":"2024-03-02T12:01:09.000Z"}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantQuery(t, r, map[string][]string{"employee_id": {"7"}, "folder_id": {"88"}})
		},
	}))
	res, err := c.ListDocumentsWithResponse(context.Background(), &api.ListDocumentsParams{EmployeeID: apitest.Ptr(7), FolderID: apitest.Ptr(88)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, documents = %v", res.StatusCode(), res.JSON200)
	}
	d := (*res.JSON200)[0]
	if d.ID != 4211 {
		t.Errorf("ID = %d, want 4211", d.ID)
	}
	wantPtr(t, "EmployeeID", d.EmployeeID, 7)
	wantPtr(t, "FolderID", d.FolderID, 88)
	wantPtr(t, "Filename", d.Filename, "nomina-2024-01-ana-ruiz.pdf")
	wantPtr(t, "URL", d.URL, "https://api.factorialhr.com/api/v1/core/documents/4211/download")
	wantPtr(t, "Public", d.Public, true)
	wantNil(t, "File", d.File)
	wantPtr(t, "[1].Public", (*res.JSON200)[1].Public, false)
}

func TestListDocuments_BasicUser(t *testing.T) {
	// A basic user's restricted payload: a company document (employee_id
	// null) and fields the permission group may not see set to null.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/documents", Status: 200,
		Body: `[{"id":3990,"employee_id":null,"company_id":null,"folder_id":null,"url":null,"filename":"Employee handbook 2024.pdf","public":null,"created_at":null,"updated_at":null}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantQuery(t, r, map[string][]string{"folder_id": {"12"}})
		},
	}))
	res, err := c.ListDocumentsWithResponse(context.Background(), &api.ListDocumentsParams{FolderID: apitest.Ptr(12)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, documents = %v", res.StatusCode(), res.JSON200)
	}
	d := (*res.JSON200)[0]
	if d.ID != 3990 {
		t.Errorf("ID = %d, want 3990", d.ID)
	}
	wantPtr(t, "Filename", d.Filename, "Employee handbook 2024.pdf")
	wantNil(t, "EmployeeID", d.EmployeeID)
	wantNil(t, "URL", d.URL)
	wantNil(t, "Public", d.Public)
	wantNil(t, "CreatedAt", d.CreatedAt)
}

func TestCreateDocument(t *testing.T) {
	const pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/documents", Status: 201,
		Body: `{"id":4213,"employee_id":7,"company_id":1203,"folder_id":88,"url":"https://api.factorialhr.com/api/v1/core/documents/4213/download","filename":"contrato-ana-ruiz.pdf","public":true,"created_at":"2024-03-04T11:02:45.000Z","updated_at":"2024-03-04T11:02:45.000Z"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			f := parseMultipart(t, r, body)
			wantFilePart(t, f, "file", "contrato-ana-ruiz.pdf", "application/pdf", pdf)
			wantFormValues(t, f, map[string][]string{
				"filename":              {"contrato-ana-ruiz.pdf"},
				"public":                {"true"},
				"employee_id":           {"7"},
				"folder_id":             {"88"},
				"request_esignature":    {"true"},
				"signees[]":             {"7", "12"},
				"is_pending_assignment": {"false"},
			})
			if f != nil && len(f.Value) != 7 {
				t.Errorf("multipart fields = %v, want 7 named fields", f.Value)
			}
		},
	}))
	ct, body := multipartBody(t,
		formPart{Name: "file", Filename: "contrato-ana-ruiz.pdf", ContentType: "application/pdf", Value: pdf},
		formPart{Name: "filename", Value: "contrato-ana-ruiz.pdf"},
		formPart{Name: "public", Value: "true"},
		formPart{Name: "employee_id", Value: "7"},
		formPart{Name: "folder_id", Value: "88"},
		formPart{Name: "request_esignature", Value: "true"},
		// The bracketed array property `signees[]` as repeated parts (Rails
		// keeps every value of a bracketed key).
		formPart{Name: "signees[]", Value: "7"},
		formPart{Name: "signees[]", Value: "12"},
		formPart{Name: "is_pending_assignment", Value: "false"},
	)
	res, err := c.CreateDocumentWithBodyWithResponse(context.Background(), ct, body)
	if err != nil {
		t.Fatal(err)
	}
	d := res.JSON201
	if d == nil || d.ID != 4213 {
		t.Fatalf("status %d, document = %+v (body %s)", res.StatusCode(), d, res.Body)
	}
	wantPtr(t, "EmployeeID", d.EmployeeID, 7)
	wantPtr(t, "Filename", d.Filename, "contrato-ana-ruiz.pdf")
	wantPtr(t, "Public", d.Public, true)
	wantPtr(t, "CreatedAt", d.CreatedAt, time.Date(2024, 3, 4, 11, 2, 45, 0, time.UTC))
}

func TestCreateDocument_CompanyDocument(t *testing.T) {
	// The minimum upload: file and filename only; no employee_id makes a
	// company document, answered with employee_id null.
	const txt = "Oficina cerrada el 24 de junio (Sant Joan).\n"
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/documents", Status: 201,
		Body: `{"id":4214,"employee_id":null,"company_id":1203,"folder_id":null,"url":"https://api.factorialhr.com/api/v1/core/documents/4214/download","filename":"aviso-sant-joan.txt","public":false,"created_at":"2024-06-10T08:00:03.000Z","updated_at":"2024-06-10T08:00:03.000Z"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			f := parseMultipart(t, r, body)
			wantFilePart(t, f, "file", "aviso-sant-joan.txt", "text/plain", txt)
			wantFormValues(t, f, map[string][]string{"filename": {"aviso-sant-joan.txt"}})
			if f != nil && (len(f.Value) != 1 || f.Value["employee_id"] != nil) {
				t.Errorf("multipart fields = %v, want filename only", f.Value)
			}
		},
	}))
	ct, body := multipartBody(t,
		formPart{Name: "filename", Value: "aviso-sant-joan.txt"},
		formPart{Name: "file", Filename: "aviso-sant-joan.txt", ContentType: "text/plain", Value: txt},
	)
	res, err := c.CreateDocumentWithBodyWithResponse(context.Background(), ct, body)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON201 == nil || res.JSON201.ID != 4214 {
		t.Fatalf("status %d, document = %+v", res.StatusCode(), res.JSON201)
	}
	wantNil(t, "EmployeeID", res.JSON201.EmployeeID)
	wantNil(t, "FolderID", res.JSON201.FolderID)
	wantPtr(t, "Public", res.JSON201.Public, false)
}

func TestGetDocument(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/documents/4211", Status: 200, Body: documentJSON,
	}))
	res, err := c.GetDocumentWithResponse(context.Background(), 4211)
	if err != nil {
		t.Fatal(err)
	}
	d := res.JSON200
	if d == nil || d.ID != 4211 {
		t.Fatalf("status %d, document = %+v", res.StatusCode(), d)
	}
	wantPtr(t, "CompanyID", d.CompanyID, 1203)
	wantPtr(t, "URL", d.URL, "https://api.factorialhr.com/api/v1/core/documents/4211/download")
	wantPtr(t, "UpdatedAt", d.UpdatedAt, time.Date(2024, 2, 1, 7, 30, 12, 0, time.UTC))
}

func TestGetDocument_2022FileField(t *testing.T) {
	// The 2022 spec and Postman collection name the download URL `file`.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/documents/1877", Status: 200,
		Body: `{"id":1877,"employee_id":7,"company_id":1203,"folder_id":88,"file":"https://api.factorialhr.com/api/v1/documents/1877/download","filename":"nomina-2021-12-ana-ruiz.pdf","public":true,"created_at":"2022-01-12T11:20:57.000Z","updated_at":"2022-01-12T11:20:57.000Z"}`,
	}))
	res, err := c.GetDocumentWithResponse(context.Background(), 1877)
	if err != nil {
		t.Fatal(err)
	}
	d := res.JSON200
	if d == nil || d.ID != 1877 {
		t.Fatalf("status %d, document = %+v", res.StatusCode(), d)
	}
	wantPtr(t, "File", d.File, "https://api.factorialhr.com/api/v1/documents/1877/download")
	wantNil(t, "URL", d.URL)
}

func TestUpdateDocument(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/core/documents/4211", Status: 200,
		Body: `{"id":4211,"employee_id":7,"company_id":1203,"folder_id":95,"url":"https://api.factorialhr.com/api/v1/core/documents/4211/download","filename":"nomina-2024-01-ana-ruiz.pdf","public":false,"created_at":"2024-02-01T07:30:12.000Z","updated_at":"2024-03-04T12:40:00.000Z"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"public":false,"folder_id":95,"request_esignature":true,"signees":[7,3]}`)
		},
	}))
	res, err := c.UpdateDocumentWithResponse(context.Background(), 4211, api.DocumentUpdate{
		Public: apitest.Ptr(false), FolderID: apitest.Ptr(95), RequestEsignature: apitest.Ptr(true), Signees: []int{7, 3},
	})
	if err != nil {
		t.Fatal(err)
	}
	d := res.JSON200
	if d == nil || d.ID != 4211 {
		t.Fatalf("status %d, document = %+v", res.StatusCode(), d)
	}
	wantPtr(t, "FolderID", d.FolderID, 95)
	wantPtr(t, "Public", d.Public, false)
}

func TestDeleteDocument(t *testing.T) {
	// The 2024 spec answers 200 with the deleted document.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/core/documents/4212", Status: 200,
		Body: `{"id":4212,"employee_id":7,"company_id":1203,"folder_id":88,"url":null,"filename":"nomina-2024-02-ana-ruiz.pdf","public":false,"created_at":"2024-03-01T07:30:40.000Z","updated_at":"2024-03-02T12:01:09.000Z"}`,
	}))
	res, err := c.DeleteDocumentWithResponse(context.Background(), 4212)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 4212 {
		t.Fatalf("status %d, document = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Filename", res.JSON200.Filename, "nomina-2024-02-ana-ruiz.pdf")
	wantNil(t, "URL", res.JSON200.URL)
}

func TestDeleteDocument_NoContent(t *testing.T) {
	// The 2022 spec (and a captured delete) answer 204 with no body.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/core/documents/4212", Status: 204,
	}))
	res, err := c.DeleteDocumentWithResponse(context.Background(), 4212)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil || len(res.Body) != 0 {
		t.Fatalf("status %d, JSON200 %+v, body %q; want 204, nil, empty", res.StatusCode(), res.JSON200, res.Body)
	}
}
