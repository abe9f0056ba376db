package resources_test

import (
	"bytes"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"slices"
	"testing"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/factorial-go/factorial/resources"
)

// Documents (metadata, multipart upload, trash bin) and folders.

// documentPayslipJSON is an employee's payslip in their documents space.
const documentPayslipJSON = `{"id":"31337","company_id":"77","employee_id":"4243","author_id":"5150","folder_id":"204",` +
	`"leave_id":null,"filename":"Nomina_2026-06_Marc_Puig.pdf","extension":"pdf","content_type":"application/pdf",` +
	`"file_size":84211,"space":"employee_my_documents","public":false,"is_company_document":false,` +
	`"is_management_document":false,"is_pending_assignment":false,"signature_status":null,"signees":[],` +
	`"created_at":"2026-07-01T09:00:00.000+02:00","updated_at":"2026-07-01T09:00:00.000+02:00","deleted_at":null}`

// documentHandbookJSON is a public company document sent for signature.
const documentHandbookJSON = `{"id":"31338","company_id":"77","employee_id":null,"author_id":"5150","folder_id":null,` +
	`"leave_id":null,"filename":"Employee handbook 2026.pdf","extension":"pdf","content_type":"application/pdf",` +
	`"file_size":1048576,"space":"company_public","public":true,"is_company_document":true,"is_management_document":false,` +
	`"is_pending_assignment":false,"signature_status":"partially_signed","signees":["5150","5151"],` +
	`"created_at":"2026-06-20T12:00:00.000+02:00","updated_at":"2026-07-02T10:15:00.000+02:00","deleted_at":null}`

// documentTrashedJSON is documentPayslipJSON in the trash bin.
const documentTrashedJSON = `{"id":"31337","company_id":"77","employee_id":"4243","author_id":"5150","folder_id":"204",` +
	`"filename":"Nomina_2026-06_Marc_Puig.pdf","extension":"pdf","content_type":"application/pdf","file_size":84211,` +
	`"space":"employee_my_documents","public":false,"is_pending_assignment":false,"signees":null,` +
	`"created_at":"2026-07-01T09:00:00.000+02:00","updated_at":"2026-07-06T11:00:00.000+02:00",` +
	`"deleted_at":"2026-07-06T11:00:00.000+02:00"}`

func checkPayslip(t *testing.T, d resources.Document) {
	t.Helper()
	eq(t, "ID", d.ID, "31337")
	is(t, "EmployeeID", d.EmployeeID, "4243")
	is(t, "AuthorID", d.AuthorID, "5150")
	is(t, "FolderID", d.FolderID, "204")
	is(t, "Filename", d.Filename, "Nomina_2026-06_Marc_Puig.pdf")
	is(t, "ContentType", d.ContentType, "application/pdf")
	is(t, "FileSize", d.FileSize, 84211)
	is(t, "Space", d.Space, "employee_my_documents")
	is(t, "Public", d.Public, false)
	null(t, "LeaveID", d.LeaveID)
	null(t, "SignatureStatus", d.SignatureStatus)
	null(t, "DeletedAt", d.DeletedAt)
	at(t, "CreatedAt", d.CreatedAt, "2026-07-01T07:00:00Z")
}

func TestListDocuments(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/documents/documents", status: 200,
		body: page(onePage(2), documentPayslipJSON, documentHandbookJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"employee_ids[]": {"4243"}, "by_trash_bin": {"false"}, "limit": {"50"}})
		},
	})
	all, err := c.Documents.List(t.Context(), &resources.ListDocumentsParams{
		EmployeeIDs: []string{"4243"}, ByTrashBin: ptr(false), Limit: ptr(50),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d documents, want 2", len(all))
	}
	checkPayslip(t, all[0])
	is(t, "second SignatureStatus", all[1].SignatureStatus, resources.DocumentSignatureStatusPartiallySigned)
	ids(t, "second Signees", all[1].Signees, "5150", "5151")
	null(t, "second EmployeeID", all[1].EmployeeID)
	is(t, "second IsCompanyDocument", all[1].IsCompanyDocument, true)
}

// formPart is one part of a multipart body as the server received it.
type formPart struct {
	name, filename, contentType, content string
}

// readMultipart parses a multipart/form-data request body into its parts,
// in order. It runs inside the fake server, so it reports with Errorf.
func readMultipart(t testing.TB, r *http.Request, body []byte) []formPart {
	t.Helper()
	mt, params, err := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if err != nil || mt != "multipart/form-data" || params["boundary"] == "" {
		t.Errorf("Content-Type = %q, want multipart/form-data with a boundary", r.Header.Get("Content-Type"))
		return nil
	}
	mr := multipart.NewReader(bytes.NewReader(body), params["boundary"])
	var parts []formPart
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			return parts
		}
		if err != nil {
			t.Errorf("multipart: %v", err)
			return parts
		}
		b, _ := io.ReadAll(p)
		parts = append(parts, formPart{p.FormName(), p.FileName(), p.Header.Get("Content-Type"), string(b)})
	}
}

// fieldValues returns the values of the text parts named name, in order.
func fieldValues(parts []formPart, name string) []string {
	var vs []string
	for _, p := range parts {
		if p.name == name && p.filename == "" {
			vs = append(vs, p.content)
		}
	}
	return vs
}

// wantFields checks the text parts: every name of want with exactly its
// values in order, and no other text part.
func wantFields(t testing.TB, parts []formPart, want map[string][]string) {
	t.Helper()
	for name, w := range want {
		if got := fieldValues(parts, name); !slices.Equal(got, w) {
			t.Errorf("multipart field %s = %q, want %q", name, got, w)
		}
	}
	for _, p := range parts {
		if _, ok := want[p.name]; !ok && p.filename == "" {
			t.Errorf("unexpected multipart field %s=%q", p.name, p.content)
		}
	}
}

// wantFile checks the one file part: its field name, filename, media type
// and bytes.
func wantFile(t testing.TB, parts []formPart, name, filename, contentType, content string) {
	t.Helper()
	var files []formPart
	for _, p := range parts {
		if p.filename != "" {
			files = append(files, p)
		}
	}
	if len(files) != 1 {
		t.Errorf("%d file parts, want 1", len(files))
		return
	}
	f := files[0]
	if f.name != name || f.filename != filename || f.contentType != contentType || f.content != content {
		t.Errorf("file part = %s %q %s %d bytes, want %s %q %s %d bytes",
			f.name, f.filename, f.contentType, len(f.content), name, filename, contentType, len(content))
	}
}

// pdf is a small stand-in for an uploaded PDF.
const pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

// TestCreateDocument uploads a file for signature: one form part per field,
// booleans as true/false, the file as a file part, and one signee_ids[]
// part per signee.
func TestCreateDocument(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/documents/documents", status: 201, body: documentHandbookJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			parts := readMultipart(t, r, body)
			wantFile(t, parts, "file", "handbook.pdf", "application/pdf", pdf)
			wantFields(t, parts, map[string][]string{
				"file_filename": {"Employee handbook 2026.pdf"}, "company_id": {"77"}, "author_id": {"5150"},
				"space": {"company_public"}, "public": {"true"}, "is_pending_assignment": {"false"},
				"request_esignature": {"true"}, "signee_ids[]": {"5150", "5151"},
			})
		},
	})
	var file openapi_types.File
	file.InitFromBytes([]byte(pdf), "handbook.pdf")
	d, err := c.Documents.Create(t.Context(), resources.DocumentCreate{
		File: file, FileFilename: ptr("Employee handbook 2026.pdf"), CompanyID: "77", AuthorID: "5150",
		Space: resources.DocumentSpaceCompanyPublic, Public: true, IsPendingAssignment: false, RequestEsignature: true,
		SigneeIDs: []string{"5150", "5151"},
	})
	must(t, err)
	eq(t, "ID", d.ID, "31338")
	is(t, "Filename", d.Filename, "Employee handbook 2026.pdf")
	is(t, "Public", d.Public, true)
	ids(t, "Signees", d.Signees, "5150", "5151")
}

// TestCreateDocumentWithoutSignees uploads a payslip to an employee's
// folder with no signature requested: the usual upload. signee_ids[] is
// empty, and an empty list has no form part to send.
func TestCreateDocumentWithoutSignees(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/documents/documents", status: 201, body: documentPayslipJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			parts := readMultipart(t, r, body)
			wantFile(t, parts, "file", "Nomina_2026-06_Marc_Puig.pdf", "application/pdf", pdf)
			wantFields(t, parts, map[string][]string{
				"company_id": {"77"}, "author_id": {"5150"}, "employee_id": {"4243"}, "space": {"employee_my_documents"},
				"folder_id": {"204"}, "public": {"false"}, "is_pending_assignment": {"false"}, "request_esignature": {"false"},
			})
		},
	})
	var file openapi_types.File
	file.InitFromBytes([]byte(pdf), "Nomina_2026-06_Marc_Puig.pdf")
	d, err := c.Documents.Create(t.Context(), resources.DocumentCreate{
		File: file, CompanyID: "77", AuthorID: "5150", EmployeeID: ptr("4243"), Space: resources.DocumentSpaceEmployeeMyDocuments,
		FolderID: ptr("204"), SigneeIDs: []string{},
	})
	must(t, err)
	checkPayslip(t, d)
}

func TestGetDocument(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/documents/documents/31337", status: 200, body: documentPayslipJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	d, err := c.Documents.Get(t.Context(), "31337")
	must(t, err)
	checkPayslip(t, d)
}

// TestUpdateDocument: the required booleans and the signee list are sent
// even when false or empty.
func TestUpdateDocument(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/documents/documents/31337", status: 200, body: documentPayslipJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"31337","public":false,"request_esignature":false,"signee_ids":[],"folder_id":"204"}`)
		},
	})
	d, err := c.Documents.Update(t.Context(), "31337", resources.DocumentUpdate{
		ID: "31337", Public: false, RequestEsignature: false, SigneeIDs: []string{}, FolderID: ptr("204"),
	})
	must(t, err)
	checkPayslip(t, d)
}

func TestDeleteDocument(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/documents/documents/31338", status: 200, body: documentHandbookJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	d, err := c.Documents.Delete(t.Context(), "31338")
	must(t, err)
	eq(t, "ID", d.ID, "31338")
}

// TestMoveDocumentsToTrashBin: the ids go in the body, the answer is a bare
// array of the moved documents, deleted_at set.
func TestMoveDocumentsToTrashBin(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/documents/documents/move_to_trash_bin", status: 200, body: `[` + documentTrashedJSON + `]`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"document_ids":["31337"]}`)
		},
	})
	docs, err := c.Documents.MoveToTrashBin(t.Context(), resources.MoveDocumentsToTrashBinInput{DocumentIDs: []string{"31337"}})
	must(t, err)
	if len(docs) != 1 {
		t.Fatalf("%d documents, want 1", len(docs))
	}
	eq(t, "ID", docs[0].ID, "31337")
	at(t, "DeletedAt", docs[0].DeletedAt, "2026-07-06T09:00:00Z")
	if docs[0].Signees != nil {
		t.Errorf("Signees = %q, want nil (JSON null)", docs[0].Signees)
	}
}

func TestRestoreDocumentsFromTrashBin(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/documents/documents/restore_from_trash_bin", status: 200,
		body: `[` + documentPayslipJSON + `,` + documentHandbookJSON + `]`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"document_ids":["31337","31338"]}`)
		},
	})
	docs, err := c.Documents.RestoreFromTrashBin(t.Context(), resources.RestoreDocumentsFromTrashBinInput{
		DocumentIDs: []string{"31337", "31338"},
	})
	must(t, err)
	if len(docs) != 2 {
		t.Fatalf("%d documents, want 2", len(docs))
	}
	checkPayslip(t, docs[0])
	eq(t, "second ID", docs[1].ID, "31338")
}

// Folders.

const folderPayslipsJSON = `{"id":"204","company_id":"77","name":"Payslips","space":"employee_my_documents","active":true,` +
	`"parent_folder_id":null}`

const folderContractsJSON = `{"id":"205","company_id":"77","name":"Contracts 2026","space":"employee_my_documents",` +
	`"active":true,"parent_folder_id":"203"}`

func TestListFolders(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/documents/folders", status: 200,
		body: page(onePage(2), folderPayslipsJSON, folderContractsJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"active": {"true"}, "employee_id": {"4243"}})
		},
	})
	all, err := c.Documents.ListFolders(t.Context(), &resources.ListFoldersParams{
		Active: ptr(true), EmployeeID: ptr("4243"),
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d folders, want 2", len(all))
	}
	eq(t, "ID", all[0].ID, "204")
	null(t, "ParentFolderID", all[0].ParentFolderID)
	is(t, "second ParentFolderID", all[1].ParentFolderID, "203")
}

func TestCreateFolder(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/documents/folders", status: 201, body: folderContractsJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"company_id":"77","name":"Contracts 2026","space":"employee_my_documents"}`)
		},
	})
	f, err := c.Documents.CreateFolder(t.Context(), resources.FolderCreate{
		CompanyID: "77", Name: "Contracts 2026", Space: "employee_my_documents",
	})
	must(t, err)
	eq(t, "ID", f.ID, "205")
	is(t, "Name", f.Name, "Contracts 2026")
	is(t, "Active", f.Active, true)
}

func TestGetFolder(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/documents/folders/204", status: 200, body: folderPayslipsJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	f, err := c.Documents.GetFolder(t.Context(), "204")
	must(t, err)
	eq(t, "ID", f.ID, "204")
	is(t, "Space", f.Space, "employee_my_documents")
}

func TestUpdateFolder(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/documents/folders/204", status: 200,
		body: `{"id":"204","company_id":"77","name":"Nóminas","space":"employee_my_documents","active":true,"parent_folder_id":null}`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"204","company_id":"77","name":"Nóminas"}`)
		},
	})
	f, err := c.Documents.UpdateFolder(t.Context(), "204", resources.FolderUpdate{ID: "204", CompanyID: "77", Name: "Nóminas"})
	must(t, err)
	is(t, "Name", f.Name, "Nóminas")
}
