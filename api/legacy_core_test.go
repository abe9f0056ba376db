package api_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// Teams, ATS candidates, webhooks, documents and folders on their 2021-22
// paths, in the shapes the 2021 and 2022 specs and captures show.

// legacyTeamJSON has the 2022 spec's single-team example shape {id, name, employee_ids, lead_ids}.
const legacyTeamJSON = `{"id":41,"name":"Ingeniería","employee_ids":[7,12,19],"lead_ids":[12]}`

func TestListTeamsLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/teams", Status: 200,
		Body:  `[` + legacyTeamJSON + `,{"id":42,"name":"Ventas","employee_ids":[23,31],"lead_ids":[],"description":"Equipo comercial Iberia","avatar":null}]`,
		Check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	}))
	res, err := c.ListTeamsLegacyWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, teams = %v", res.StatusCode(), res.JSON200)
	}
	eng, sales := (*res.JSON200)[0], (*res.JSON200)[1]
	if eng.ID != 41 || *eng.Name != "Ingeniería" || len(eng.EmployeeIDs) != 3 || eng.LeadIDs[0] != 12 {
		t.Errorf("team = %+v", eng)
	}
	if sales.ID != 42 || *sales.Description != "Equipo comercial Iberia" || sales.Avatar != nil || len(sales.LeadIDs) != 0 {
		t.Errorf("team = %+v", sales)
	}
}

func TestCreateTeamLegacy(t *testing.T) {
	// The 2022-01 route took multipart/form-data.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/teams", Status: 201,
		Body: `{"id":57,"name":"Atención al cliente","employee_ids":[],"lead_ids":[],"description":"Soporte de primer nivel","avatar":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			f := parseMultipart(t, r, body)
			if f == nil {
				return
			}
			wantFormValues(t, f, map[string][]string{"name": {"Atención al cliente"}, "description": {"Soporte de primer nivel"}})
			if len(f.Value) != 2 || len(f.File) != 0 {
				t.Errorf("parts = %v / files %v", f.Value, f.File)
			}
		},
	}))
	ct, body := multipartBody(t, formPart{Name: "name", Value: "Atención al cliente"}, formPart{Name: "description", Value: "Soporte de primer nivel"})
	res, err := c.CreateTeamLegacyWithBodyWithResponse(context.Background(), ct, body)
	if err != nil {
		t.Fatal(err)
	}
	if tm := res.JSON201; tm == nil || tm.ID != 57 || *tm.Name != "Atención al cliente" || tm.EmployeeIDs == nil || len(tm.EmployeeIDs) != 0 || tm.Avatar != nil {
		t.Fatalf("status %d, team = %+v", res.StatusCode(), res.JSON201)
	}
}

func TestGetTeamLegacy(t *testing.T) {
	// A basic user's token: membership nulled, only id and name readable.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/teams/42", Status: 200,
		Body: `{"id":42,"name":"Ventas","employee_ids":null,"lead_ids":null,"description":null,"avatar":null}`,
	}))
	res, err := c.GetTeamLegacyWithResponse(context.Background(), 42)
	if err != nil {
		t.Fatal(err)
	}
	if tm := res.JSON200; tm == nil || tm.ID != 42 || *tm.Name != "Ventas" || tm.EmployeeIDs != nil || tm.LeadIDs != nil || tm.Description != nil {
		t.Fatalf("status %d, team = %+v", res.StatusCode(), res.JSON200)
	}
}

func TestGetTeamLegacy_Admin(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/teams/41", Status: 200, Body: legacyTeamJSON,
	}))
	res, err := c.GetTeamLegacyWithResponse(context.Background(), 41)
	if err != nil {
		t.Fatal(err)
	}
	// A single object, not the 2024 spec's array<Team>.
	if tm := res.JSON200; tm == nil || tm.ID != 41 || len(tm.EmployeeIDs) != 3 || tm.EmployeeIDs[2] != 19 || len(tm.LeadIDs) != 1 {
		t.Fatalf("status %d, team = %+v", res.StatusCode(), res.JSON200)
	}
}

func TestUpdateTeamLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/teams/41", Status: 200,
		Body: `{"id":41,"name":"Ingeniería de plataforma","employee_ids":[7,12,19],"lead_ids":[12]}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["name"] != "Ingeniería de plataforma" || len(m) != 1 {
				t.Errorf("body = %v, want only name", m)
			}
		},
	}))
	res, err := c.UpdateTeamLegacyWithResponse(context.Background(), 41, api.UpdateTeamLegacyJSONRequestBody{Name: apitest.Ptr("Ingeniería de plataforma")})
	if err != nil {
		t.Fatal(err)
	}
	if tm := res.JSON200; tm == nil || tm.ID != 41 || *tm.Name != "Ingeniería de plataforma" {
		t.Fatalf("status %d, team = %+v", res.StatusCode(), res.JSON200)
	}
}

func TestDeleteTeamLegacy(t *testing.T) {
	// The 2021 spec: the team delete answers 204.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/teams/57", Status: 204,
		Check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	}))
	res, err := c.DeleteTeamLegacyWithResponse(context.Background(), 57)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil || len(res.Body) != 0 {
		t.Fatalf("status %d, JSON200 %+v, body %q", res.StatusCode(), res.JSON200, res.Body)
	}
}

func TestDeleteTeamLegacy_200(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/teams/41", Status: 200, Body: legacyTeamJSON,
	}))
	res, err := c.DeleteTeamLegacyWithResponse(context.Background(), 41)
	if err != nil {
		t.Fatal(err)
	}
	if tm := res.JSON200; tm == nil || tm.ID != 41 || *tm.Name != "Ingeniería" {
		t.Fatalf("status %d, team = %+v", res.StatusCode(), res.JSON200)
	}
}

// legacyCandidateJSON follows the 2022 capture: photo and consent_given_at null,
// application_count present, ISO timestamps with milliseconds.
const legacyCandidateJSON = `{"id":1183,"first_name":"Lucía","last_name":"Gómez","full_name":"Lucía Gómez",` +
	`"email":"lucia.gomez@example.com","talent_pool":false,"photo":null,"application_count":1,` +
	`"consent_given_at":null,"created_at":"2022-01-12T11:20:57.000Z","updated_at":"2022-01-12T11:20:57.000Z"}`

func TestListAtsCandidatesLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/ats_candidates", Status: 200,
		Body: `[` + legacyCandidateJSON + `,{"id":1190,"first_name":"Jordi","last_name":"Puig","full_name":"Jordi Puig",` +
			`"email":"jordi.puig@example.com","talent_pool":true,"photo":null,"application_count":0,` +
			`"consent_given_at":"2022-01-14T09:02:11.000Z","created_at":"2022-01-14T09:02:11.000Z","updated_at":"2022-01-14T09:05:40.000Z"}]`,
	}))
	res, err := c.ListAtsCandidatesLegacyWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, candidates = %v", res.StatusCode(), res.JSON200)
	}
	lucia, jordi := (*res.JSON200)[0], (*res.JSON200)[1]
	if lucia.ID != 1183 || *lucia.FullName != "Lucía Gómez" || *lucia.ApplicationCount != 1 || lucia.Photo != nil ||
		lucia.ConsentGivenAt != nil || lucia.CreatedAt.UTC().Format("2006-01-02T15:04:05") != "2022-01-12T11:20:57" || lucia.Source != nil {
		t.Errorf("candidate = %+v", lucia)
	}
	if jordi.ID != 1190 || !*jordi.TalentPool || *jordi.ConsentGivenAt != "2022-01-14T09:02:11.000Z" || *jordi.ApplicationCount != 0 {
		t.Errorf("candidate = %+v", jordi)
	}
}

func TestCreateAtsCandidateLegacy(t *testing.T) {
	// The 2021 spec sent ats_company_id (required then) in the query; the
	// candidate fields go in the JSON body.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/ats_candidates", Status: 201,
		Body: `{"id":1201,"first_name":"Nerea","last_name":"Etxeberria","full_name":"Nerea Etxeberria",` +
			`"email":"nerea.etxeberria@example.com","talent_pool":false,"photo":null,"application_count":0,` +
			`"consent_given_at":null,"created_at":"2022-01-20T15:41:09.000Z","updated_at":"2022-01-20T15:41:09.000Z"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, map[string][]string{"ats_company_id": {"1402"}})
			m := apitest.JSONBody(t, r, body)
			want := map[string]any{"first_name": "Nerea", "last_name": "Etxeberria", "email": "nerea.etxeberria@example.com"}
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
	res, err := c.CreateAtsCandidateLegacyWithResponse(context.Background(),
		&api.CreateAtsCandidateLegacyParams{AtsCompanyID: apitest.Ptr(1402)},
		api.CreateAtsCandidateLegacyJSONRequestBody{FirstName: "Nerea", LastName: "Etxeberria", Email: "nerea.etxeberria@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	if cd := res.JSON201; cd == nil || cd.ID != 1201 || *cd.Email != "nerea.etxeberria@example.com" || *cd.ApplicationCount != 0 || cd.TalentPool == nil || *cd.TalentPool {
		t.Fatalf("status %d, candidate = %+v", res.StatusCode(), res.JSON201)
	}
}

func TestUpdateAtsCandidateLegacy(t *testing.T) {
	// The 2021 route required all five fields, so legacy callers send them all.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/ats_candidates/1183", Status: 200,
		Body: `{"id":1183,"first_name":"Lucía","last_name":"Gómez","full_name":"Lucía Gómez",` +
			`"email":"lucia.gomez@example.com","talent_pool":true,"photo":null,"application_count":1,` +
			`"consent_given_at":"2022-01-21T08:30:00.000Z","created_at":"2022-01-12T11:20:57.000Z","updated_at":"2022-01-21T08:30:00.000Z"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			want := map[string]any{"first_name": "Lucía", "last_name": "Gómez", "email": "lucia.gomez@example.com",
				"talent_pool": true, "consent_to_talent_pool": true}
			for k, v := range want {
				if m[k] != v {
					t.Errorf("body %s = %v, want %v", k, m[k], v)
				}
			}
		},
	}))
	res, err := c.UpdateAtsCandidateLegacyWithResponse(context.Background(), 1183, api.UpdateAtsCandidateLegacyJSONRequestBody{
		FirstName: apitest.Ptr("Lucía"), LastName: apitest.Ptr("Gómez"), Email: apitest.Ptr("lucia.gomez@example.com"),
		TalentPool: apitest.Ptr(true), ConsentToTalentPool: apitest.Ptr(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	if cd := res.JSON200; cd == nil || cd.ID != 1183 || !*cd.TalentPool || *cd.ConsentGivenAt != "2022-01-21T08:30:00.000Z" {
		t.Fatalf("status %d, candidate = %+v", res.StatusCode(), res.JSON200)
	}
}

func TestListWebhooksLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/webhooks", Status: 200,
		Body: `[{"id":301,"type":"employee_created","target_url":"https://hooks.example.com/factorial/employees","company_id":1402},` +
			`{"id":302,"type":"timeoff_leave_approved","target_url":"https://hooks.example.com/factorial/leaves","company_id":1402}]`,
	}))
	res, err := c.ListWebhooksLegacyWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, webhooks = %v", res.StatusCode(), res.JSON200)
	}
	if w := (*res.JSON200)[1]; w.ID == nil || *w.ID != 302 || w.Type != "timeoff_leave_approved" || *w.TargetURL != "https://hooks.example.com/factorial/leaves" || *w.CompanyID != 1402 {
		t.Errorf("webhook = %+v", w)
	}
}

func TestCreateWebhookLegacy(t *testing.T) {
	// 200 with one subscription in the 2022 spec (not the 2024 array).
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/webhooks", Status: 200,
		Body: `{"id":309,"type":"attendance_clockin","target_url":"https://hooks.example.com/factorial/clock","company_id":1402}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["type"] != "attendance_clockin" || m["target_url"] != "https://hooks.example.com/factorial/clock" || len(m) != 2 {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.CreateWebhookLegacyWithResponse(context.Background(), api.CreateWebhookLegacyJSONRequestBody{
		Type: api.WebhookCreateTypeAttendanceClockin, TargetURL: "https://hooks.example.com/factorial/clock",
	})
	if err != nil {
		t.Fatal(err)
	}
	if w := res.JSON200; w == nil || w.ID == nil || *w.ID != 309 || w.Type != "attendance_clockin" {
		t.Fatalf("status %d, webhook = %+v", res.StatusCode(), res.JSON200)
	}
}

// checkLegacyUnsubscribe checks the legacy unsubscribe sends DELETE with a JSON {type} body.
func checkLegacyUnsubscribe(t testing.TB, r *http.Request, body []byte) {
	t.Helper()
	m := apitest.JSONBody(t, r, body)
	if m["type"] != "employee_created" || len(m) != 1 {
		t.Errorf("body = %v, want {type: employee_created}", m)
	}
}

func TestDeleteWebhookLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/webhooks", Status: 204, Check: checkLegacyUnsubscribe,
	}))
	res, err := c.DeleteWebhookLegacyWithResponse(context.Background(), api.DeleteWebhookLegacyJSONRequestBody{Type: "employee_created"})
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %+v", res.StatusCode(), res.JSON200)
	}
}

func TestDeleteWebhookLegacy_200(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/webhooks", Status: 200, Check: checkLegacyUnsubscribe,
		Body: `{"id":301,"type":"employee_created","target_url":"https://hooks.example.com/factorial/employees","company_id":1402}`,
	}))
	res, err := c.DeleteWebhookLegacyWithResponse(context.Background(), api.DeleteWebhookLegacyJSONRequestBody{Type: "employee_created"})
	if err != nil {
		t.Fatal(err)
	}
	if w := res.JSON200; w == nil || w.ID == nil || *w.ID != 301 || w.Type != "employee_created" {
		t.Fatalf("status %d, webhook = %+v", res.StatusCode(), res.JSON200)
	}
}

func TestDeleteWebhookLegacy_TypeOnly(t *testing.T) {
	// The 2021 and 2022 specs and the Postman collection agree: the
	// unsubscribe answers 200 {type}. WebhookSubscriptionLegacy therefore
	// requires no id, so the validator accepts an answer that carries only
	// the type.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/webhooks", Status: 200, Check: checkLegacyUnsubscribe,
		Body: `{"type":"employee_created"}`,
	}))
	res, err := c.DeleteWebhookLegacyWithResponse(context.Background(), api.DeleteWebhookLegacyJSONRequestBody{Type: "employee_created"})
	if err != nil {
		t.Fatal(err)
	}
	if w := res.JSON200; w == nil || w.Type != "employee_created" || w.TargetURL != nil {
		t.Fatalf("status %d, webhook = %+v", res.StatusCode(), res.JSON200)
	}
}

// legacyDocumentJSON uses the 2022 name of the download URL (file, not url).
const legacyDocumentJSON = `{"id":55012,"employee_id":7,"company_id":1402,"folder_id":881,` +
	`"file":"https://api.factorialhr.com/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnsibWVzc2FnZSI6IkJBaHBBM2s9In19--5c1f/nomina-2022-01.pdf",` +
	`"filename":"nomina-2022-01.pdf","public":false,"created_at":"2022-01-31T09:14:03.000Z","updated_at":"2022-01-31T09:14:03.000Z"}`

func TestListDocumentsLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/documents", Status: 200,
		Body: `[` + legacyDocumentJSON + `,{"id":55013,"employee_id":7,"company_id":1402,"folder_id":881,` +
			`"file":"https://api.factorialhr.com/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnsibWVzc2FnZSI6IkJBaHBBM289In19--77aa/nomina-2022-02.pdf",` +
			`"filename":"nomina-2022-02.pdf","public":false,"created_at":"2022-02-28T09:10:44.000Z","updated_at":"2022-02-28T09:10:44.000Z"}]`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, map[string][]string{"employee_id": {"7"}, "folder_id": {"881"}})
		},
	}))
	res, err := c.ListDocumentsLegacyWithResponse(context.Background(), &api.ListDocumentsLegacyParams{EmployeeID: apitest.Ptr(7), FolderID: apitest.Ptr(881)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, documents = %v", res.StatusCode(), res.JSON200)
	}
	if d := (*res.JSON200)[1]; d.ID != 55013 || *d.Filename != "nomina-2022-02.pdf" || d.URL != nil || d.File == nil || *d.Public {
		t.Errorf("document = %+v", d)
	}
}

func TestCreateDocumentLegacy(t *testing.T) {
	pdf := "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n"
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/documents", Status: 201,
		Body: `{"id":55100,"employee_id":7,"company_id":1402,"folder_id":882,` +
			`"file":"https://api.factorialhr.com/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnsibWVzc2FnZSI6IkJBaHBBK1E9In19--0b9e/contrato-ana-ruiz.pdf",` +
			`"filename":"contrato-ana-ruiz.pdf","public":true,"created_at":"2022-02-03T10:00:12.000Z","updated_at":"2022-02-03T10:00:12.000Z"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			f := parseMultipart(t, r, body)
			wantFormValues(t, f, map[string][]string{"filename": {"contrato-ana-ruiz.pdf"}, "public": {"true"}, "employee_id": {"7"}, "folder_id": {"882"}})
			wantFilePart(t, f, "file", "contrato-ana-ruiz.pdf", "application/octet-stream", pdf)
		},
	}))
	// public was required by the 2022 spec.
	ct, body := multipartBody(t,
		formPart{Name: "file", Filename: "contrato-ana-ruiz.pdf", Value: pdf},
		formPart{Name: "filename", Value: "contrato-ana-ruiz.pdf"},
		formPart{Name: "public", Value: "true"},
		formPart{Name: "employee_id", Value: "7"},
		formPart{Name: "folder_id", Value: "882"})
	res, err := c.CreateDocumentLegacyWithBodyWithResponse(context.Background(), ct, body)
	if err != nil {
		t.Fatal(err)
	}
	if d := res.JSON201; d == nil || d.ID != 55100 || !*d.Public || *d.FolderID != 882 || *d.Filename != "contrato-ana-ruiz.pdf" {
		t.Fatalf("status %d, document = %+v", res.StatusCode(), res.JSON201)
	}
}

func TestGetDocumentLegacy(t *testing.T) {
	// A company-wide document: no owner.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/documents/54001", Status: 200,
		Body: `{"id":54001,"employee_id":null,"company_id":1402,"folder_id":null,` +
			`"file":"https://api.factorialhr.com/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnsibWVzc2FnZSI6IkJBaHBBOVE9In19--a1d2/politica-teletrabajo.pdf",` +
			`"filename":"politica-teletrabajo.pdf","public":true,"created_at":"2021-11-02T16:45:30.000Z","updated_at":"2021-11-02T16:45:30.000Z"}`,
	}))
	res, err := c.GetDocumentLegacyWithResponse(context.Background(), 54001)
	if err != nil {
		t.Fatal(err)
	}
	if d := res.JSON200; d == nil || d.ID != 54001 || d.EmployeeID != nil || d.FolderID != nil || *d.CompanyID != 1402 || d.CreatedAt.Year() != 2021 {
		t.Fatalf("status %d, document = %+v", res.StatusCode(), res.JSON200)
	}
}

func TestUpdateDocumentLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/documents/55012", Status: 200,
		Body: `{"id":55012,"employee_id":7,"company_id":1402,"folder_id":881,` +
			`"file":"https://api.factorialhr.com/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnsibWVzc2FnZSI6IkJBaHBBM2s9In19--5c1f/nomina-2022-01.pdf",` +
			`"filename":"nomina-2022-01.pdf","public":true,"created_at":"2022-01-31T09:14:03.000Z","updated_at":"2022-02-01T08:00:00.000Z"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["public"] != true || len(m) != 1 {
				t.Errorf("body = %v, want {public: true}", m)
			}
		},
	}))
	res, err := c.UpdateDocumentLegacyWithResponse(context.Background(), 55012, api.UpdateDocumentLegacyJSONRequestBody{Public: apitest.Ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	if d := res.JSON200; d == nil || d.ID != 55012 || !*d.Public || d.UpdatedAt.Month() != 2 {
		t.Fatalf("status %d, document = %+v", res.StatusCode(), res.JSON200)
	}
}

func TestDeleteDocumentLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/documents/55100", Status: 204,
		Check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	}))
	res, err := c.DeleteDocumentLegacyWithResponse(context.Background(), 55100)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %+v", res.StatusCode(), res.JSON200)
	}
}

func TestDeleteDocumentLegacy_200(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/documents/55012", Status: 200, Body: legacyDocumentJSON,
	}))
	res, err := c.DeleteDocumentLegacyWithResponse(context.Background(), 55012)
	if err != nil {
		t.Fatal(err)
	}
	if d := res.JSON200; d == nil || d.ID != 55012 || *d.Filename != "nomina-2022-01.pdf" {
		t.Fatalf("status %d, document = %+v", res.StatusCode(), res.JSON200)
	}
}

const legacyFolderJSON = `{"id":881,"company_id":1402,"name":"Nóminas","active":true,"created_at":"2021-06-01T07:30:00.000Z","updated_at":"2021-06-01T07:30:00.000Z"}`

func TestListFoldersLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/folders", Status: 200, Body: `[` + legacyFolderJSON + `]`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, map[string][]string{"name": {"Nóminas"}, "active": {"true"}})
		},
	}))
	res, err := c.ListFoldersLegacyWithResponse(context.Background(), &api.ListFoldersLegacyParams{Name: apitest.Ptr("Nóminas"), Active: apitest.Ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, folders = %v", res.StatusCode(), res.JSON200)
	}
	if f := (*res.JSON200)[0]; f.ID != 881 || *f.Name != "Nóminas" || !*f.Active || *f.CompanyID != 1402 {
		t.Errorf("folder = %+v", f)
	}
}

func TestCreateFolderLegacy(t *testing.T) {
	// 201 with one folder (the 2024 array answer on the modern route is a slip).
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/folders", Status: 201,
		Body: `{"id":882,"company_id":1402,"name":"Contratos","type":"custom","active":true,"created_at":"2022-02-03T09:58:00.000Z","updated_at":"2022-02-03T09:58:00.000Z"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["name"] != "Contratos" || m["active"] != true || len(m) != 2 {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.CreateFolderLegacyWithResponse(context.Background(), api.CreateFolderLegacyJSONRequestBody{Name: "Contratos", Active: apitest.Ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	// The 2022 spec: "you can only create custom folders".
	if f := res.JSON201; f == nil || f.ID != 882 || *f.Name != "Contratos" || *f.Type != "custom" {
		t.Fatalf("status %d, folder = %+v", res.StatusCode(), res.JSON201)
	}
}

func TestGetFolderLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/folders/881", Status: 200, Body: legacyFolderJSON,
	}))
	res, err := c.GetFolderLegacyWithResponse(context.Background(), 881)
	if err != nil {
		t.Fatal(err)
	}
	if f := res.JSON200; f == nil || f.ID != 881 || *f.Name != "Nóminas" || f.CreatedAt.Year() != 2021 {
		t.Fatalf("status %d, folder = %+v", res.StatusCode(), res.JSON200)
	}
}

func TestUpdateFolderLegacy(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/folders/881", Status: 200,
		Body: `{"id":881,"company_id":1402,"name":"Nóminas 2021","active":false,"created_at":"2021-06-01T07:30:00.000Z","updated_at":"2022-01-10T12:00:00.000Z"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["name"] != "Nóminas 2021" || m["active"] != false || len(m) != 2 {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.UpdateFolderLegacyWithResponse(context.Background(), 881, api.UpdateFolderLegacyJSONRequestBody{Name: apitest.Ptr("Nóminas 2021"), Active: apitest.Ptr(false)})
	if err != nil {
		t.Fatal(err)
	}
	if f := res.JSON200; f == nil || f.ID != 881 || *f.Name != "Nóminas 2021" || *f.Active {
		t.Fatalf("status %d, folder = %+v", res.StatusCode(), res.JSON200)
	}
}
