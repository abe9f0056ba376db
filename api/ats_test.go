package api_test

import (
	"context"
	"net/http"
	"reflect"
	"strconv"
	"testing"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// Job-posting list items as captured from the live server on 2022-01-18
// (Postman collection of factorialco/oas @ a546dfa, "Get Ats Job Postings",
// nginx/1.20.1 headers): list items carry created_at (not creation_date),
// candidate_count and contract_type, and a fixed-amount posting omits
// salary_to_amount_in_cents entirely. Trailing spaces in titles are verbatim.
const jobPostingListCaptured = `[
    {
        "id": 1,
        "ats_company_id": 2,
        "created_at": "2022-01-12T11:20:57.000Z",
        "title": "A wonderful job ",
        "candidate_count": 0,
        "description": "The most wonderful job in the whoooole world",
        "contract_type": "indefinite",
        "remote": true,
        "status": "published",
        "schedule_type": "full_time",
        "team_id": 4,
        "location_id": 1,
        "salary_format": "fixed_amount",
        "salary_from_amount_in_cents": 600000,
        "cv_requirement": "mandatory",
        "cover_letter_requirement": "mandatory",
        "phone_requirement": "mandatory",
        "photo_requirement": "mandatory"
    },
    {
        "id": 2,
        "ats_company_id": 2,
        "created_at": "2022-01-12T11:21:32.000Z",
        "title": "A wonderful job ",
        "candidate_count": 0,
        "description": "The most wonderful job in the whoooole world",
        "contract_type": "indefinite",
        "remote": true,
        "status": "published",
        "schedule_type": "full_time",
        "team_id": 4,
        "location_id": 1,
        "salary_format": "fixed_amount",
        "salary_from_amount_in_cents": 300000,
        "salary_to_amount_in_cents": 600000,
        "cv_requirement": "mandatory",
        "cover_letter_requirement": "mandatory",
        "phone_requirement": "mandatory",
        "photo_requirement": "mandatory"
    },
    {
        "id": 4,
        "ats_company_id": 2,
        "created_at": "2022-01-12T11:40:50.000Z",
        "title": "A wonderful job  Copy",
        "candidate_count": 0,
        "description": "The most wonderful job in the whoooole world",
        "contract_type": "indefinite",
        "remote": true,
        "status": "draft",
        "schedule_type": "full_time",
        "team_id": 4,
        "location_id": 1,
        "salary_format": "fixed_amount",
        "salary_from_amount_in_cents": 300000,
        "salary_to_amount_in_cents": 600000,
        "cv_requirement": "mandatory",
        "cover_letter_requirement": "mandatory",
        "phone_requirement": "mandatory",
        "photo_requirement": "mandatory"
    },
    {
        "id": 9,
        "ats_company_id": 2,
        "created_at": "2022-01-18T14:14:02.000Z",
        "title": "A wonderful job",
        "candidate_count": 0,
        "description": "The most wonderful job in the whoooole world",
        "contract_type": "indefinite",
        "remote": true,
        "status": "published",
        "schedule_type": "full_time",
        "team_id": 2,
        "location_id": 1,
        "salary_format": "fixed_amount",
        "salary_from_amount_in_cents": 600000,
        "cv_requirement": "optional",
        "cover_letter_requirement": "do_not_ask",
        "phone_requirement": "mandatory",
        "photo_requirement": "mandatory"
    }
]`

// The captured 201 answer to "Create Ats Job Posting" (2022-01-18): single
// objects carry creation_date, and salary_to_amount_in_cents is null for a
// fixed amount.
const jobPostingCreatedCaptured = `{
    "id": 9,
    "creation_date": "2022-01-18T14:14:02.000Z",
    "title": "A wonderful job",
    "candidate_count": 0,
    "description": "The most wonderful job in the whoooole world",
    "contract_type": "indefinite",
    "remote": true,
    "status": "published",
    "schedule_type": "full_time",
    "team_id": 2,
    "location_id": 1,
    "ats_company_id": 2,
    "salary_format": "fixed_amount",
    "salary_from_amount_in_cents": 600000,
    "salary_to_amount_in_cents": null,
    "cv_requirement": "optional",
    "cover_letter_requirement": "do_not_ask",
    "phone_requirement": "mandatory",
    "photo_requirement": "mandatory"
}`

// The captured answer to "Duplicate Ats Job Posting" (2022-01-18, Spanish
// locale, nginx/1.20.1): HTTP 200 (not 201), title + " Copiar", status draft.
const jobPostingDuplicatedCaptured = `{
    "id": 10,
    "creation_date": "2022-01-18T14:21:03.000Z",
    "title": "A wonderful job, again Copiar",
    "candidate_count": 0,
    "description": "The most wonderful job in the whoooole world",
    "contract_type": "indefinite",
    "remote": true,
    "status": "draft",
    "schedule_type": "full_time",
    "team_id": 2,
    "location_id": 1,
    "ats_company_id": 2,
    "salary_format": "fixed_amount",
    "salary_from_amount_in_cents": 600000,
    "salary_to_amount_in_cents": 600000,
    "cv_requirement": "optional",
    "cover_letter_requirement": "do_not_ask",
    "phone_requirement": "mandatory",
    "photo_requirement": "mandatory"
}`

// Candidates as captured for "Fetch Ats candidates" (2022 collection): photo
// and consent_given_at null, application_count present, no source/medium.
const candidateListCaptured = `[
 {
  "id": 3,
  "photo": null,
  "first_name": "Dami",
  "last_name": "Olusakin",
  "full_name": "Dami Olusakin",
  "email": "example@email.com",
  "application_count": 0,
  "talent_pool": false,
  "created_at": "2021-12-28T13:17:58.000Z",
  "updated_at": "2021-12-28T13:17:58.000Z",
  "consent_given_at": null
 },
 {
  "id": 4,
  "photo": null,
  "first_name": "Dami",
  "last_name": "Olusakin",
  "full_name": "Dami Olusakin",
  "email": "example2@email.com",
  "application_count": 0,
  "talent_pool": false,
  "created_at": "2021-12-28T13:25:54.000Z",
  "updated_at": "2021-12-28T13:25:54.000Z",
  "consent_given_at": null
 },
 {
  "id": 5,
  "photo": null,
  "first_name": "Dami",
  "last_name": "Olusakin",
  "full_name": "Dami Olusakin",
  "email": "example2@email.co",
  "application_count": 0,
  "talent_pool": false,
  "created_at": "2021-12-28T13:31:39.000Z",
  "updated_at": "2021-12-28T13:31:39.000Z",
  "consent_given_at": null
 },
 {
  "id": 6,
  "photo": null,
  "first_name": "Dami",
  "last_name": "Olusakin",
  "full_name": "Dami Olusakin",
  "email": "example3@email.co",
  "application_count": 0,
  "talent_pool": false,
  "created_at": "2021-12-28T13:32:07.000Z",
  "updated_at": "2021-12-28T13:32:07.000Z",
  "consent_given_at": null
 }
]`

func TestListJobPostings(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/ats/job_postings", Status: 200,
		Body: jobPostingListCaptured,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantRawQuery(t, r, "status=published&team_id=4&location_id=1")
			wantQuery(t, r, map[string][]string{"status": {"published"}, "team_id": {"4"}, "location_id": {"1"}})
		},
	}))
	res, err := c.ListJobPostingsWithResponse(context.Background(), &api.ListJobPostingsParams{
		Status: apitest.Ptr(api.ListJobPostingsParamsStatusPublished), TeamID: apitest.Ptr(4), LocationID: apitest.Ptr(1),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 4 {
		t.Fatalf("status %d, postings = %v", res.StatusCode(), res.JSON200)
	}
	ps := *res.JSON200
	first := ps[0]
	if first.ID != 1 || *first.Title != "A wonderful job " || *first.AtsCompanyID != 2 {
		t.Errorf("first posting = %+v", first)
	}
	// List items carry created_at, never creation_date.
	if first.CreatedAt == nil || !first.CreatedAt.Equal(mustTime(t, "2022-01-12T11:20:57Z")) {
		t.Errorf("CreatedAt = %v", first.CreatedAt)
	}
	wantNil(t, "CreationDate", first.CreationDate)
	wantPtr(t, "CandidateCount", first.CandidateCount, 0)
	wantPtr(t, "ContractType", first.ContractType, "indefinite")
	wantPtr(t, "Remote", first.Remote, true)
	wantPtr(t, "SalaryFormat", first.SalaryFormat, "fixed_amount")
	wantPtr(t, "SalaryFromAmountInCents", first.SalaryFromAmountInCents, 600000)
	wantNil(t, "SalaryToAmountInCents (absent)", first.SalaryToAmountInCents)
	wantPtr(t, "ps[1].SalaryToAmountInCents", ps[1].SalaryToAmountInCents, 600000)
	wantPtr(t, "ps[2].Status", ps[2].Status, "draft")
	wantPtr(t, "ps[2].Title", ps[2].Title, "A wonderful job  Copy")
	wantPtr(t, "ps[3].CvRequirement", ps[3].CvRequirement, "optional")
	wantPtr(t, "ps[3].CoverLetterRequirement", ps[3].CoverLetterRequirement, "do_not_ask")
	wantPtr(t, "ps[3].TeamID", ps[3].TeamID, 2)
	if ps[3].Questions != nil || ps[3].LegalEntityID != nil {
		t.Errorf("2022 list item has 2024-only fields: %+v", ps[3])
	}
}

func TestListJobPostings_LegalEntityFilterEmpty(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/ats/job_postings", Status: 200, Body: `[]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantRawQuery(t, r, "status=archived&legal_entity_id=3")
			wantQuery(t, r, map[string][]string{"status": {"archived"}, "legal_entity_id": {"3"}})
		},
	}))
	res, err := c.ListJobPostingsWithResponse(context.Background(), &api.ListJobPostingsParams{
		Status: apitest.Ptr(api.ListJobPostingsParamsStatusArchived), LegalEntityID: apitest.Ptr(3),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 0 {
		t.Fatalf("status %d, postings = %v, want empty list", res.StatusCode(), res.JSON200)
	}
}

func TestCreateJobPosting(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/ats/job_postings", Status: 201,
		Body: jobPostingCreatedCaptured,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			want := map[string]any{
				"title": "A wonderful job", "description": "The most wonderful job in the whoooole world",
				"contract_type": "indefinite", "remote": true, "status": "published", "schedule_type": "full_time",
				"team_id": float64(2), "location_id": float64(1), "salary_format": "fixed_amount",
				"salary_from_amount_in_cents": float64(600000), "cv_requirement": "optional",
				"phone_requirement": "mandatory", "cover_letter_requirement": "do_not_ask",
				"photo_requirement": "mandatory", "ats_company_id": float64(2),
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.CreateJobPostingWithResponse(context.Background(), api.CreateJobPostingJSONRequestBody{
		Title:                   "A wonderful job",
		Description:             apitest.Ptr("The most wonderful job in the whoooole world"),
		ContractType:            apitest.Ptr(api.AtsJobPostingCreateContractTypeIndefinite),
		Remote:                  apitest.Ptr(true),
		Status:                  api.AtsJobPostingCreateStatusPublished,
		ScheduleType:            apitest.Ptr(api.AtsJobPostingCreateScheduleTypeFullTime),
		TeamID:                  apitest.Ptr(2),
		LocationID:              apitest.Ptr(1),
		SalaryFormat:            apitest.Ptr(api.AtsJobPostingCreateSalaryFormatFixedAmount),
		SalaryFromAmountInCents: apitest.Ptr(600000),
		CvRequirement:           apitest.Ptr(api.AtsJobPostingCreateCvRequirementOptional),
		PhoneRequirement:        apitest.Ptr(api.AtsJobPostingCreatePhoneRequirementMandatory),
		CoverLetterRequirement:  apitest.Ptr(api.AtsJobPostingCreateCoverLetterRequirementDoNotAsk),
		PhotoRequirement:        apitest.Ptr(api.AtsJobPostingCreatePhotoRequirementMandatory),
		AtsCompanyID:            apitest.Ptr(2),
	})
	if err != nil {
		t.Fatal(err)
	}
	p := res.JSON201
	if p == nil {
		t.Fatalf("status %d, no typed 201 body: %s", res.StatusCode(), res.Body)
	}
	if p.ID != 9 {
		t.Errorf("ID = %d, want 9", p.ID)
	}
	// Single objects carry creation_date, never created_at.
	wantPtr(t, "CreationDate", p.CreationDate, mustTime(t, "2022-01-18T14:14:02.000Z"))
	if p.CreatedAt != nil {
		t.Errorf("CreatedAt = %v, want nil on a single object", p.CreatedAt)
	}
	wantPtr(t, "Title", p.Title, "A wonderful job")
	wantPtr(t, "Status", p.Status, "published")
	wantPtr(t, "SalaryFromAmountInCents", p.SalaryFromAmountInCents, 600000)
	wantNil(t, "SalaryToAmountInCents (null)", p.SalaryToAmountInCents)
	wantPtr(t, "CandidateCount", p.CandidateCount, 0)
	wantPtr(t, "AtsCompanyID", p.AtsCompanyID, 2)
}

func TestCreateJobPosting_ValidationError(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/ats/job_postings", Status: 422,
		Body: `{"errors":{"title":["can't be blank"]}}`,
	}))
	res, err := c.CreateJobPostingWithResponse(context.Background(), api.CreateJobPostingJSONRequestBody{
		Title: "", Status: api.AtsJobPostingCreateStatusDraft,
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 422 || res.JSON201 != nil || res.JSONDefault == nil {
		t.Fatalf("status %d, JSON201 %v, JSONDefault %v", res.StatusCode(), res.JSON201, res.JSONDefault)
	}
	env, err := res.JSONDefault.AsErrorEnvelope()
	if err != nil {
		t.Fatal(err)
	}
	fields, err := env.Errors.AsFieldErrors()
	if err != nil {
		t.Fatal(err)
	}
	if got := fields["title"]; len(got) != 1 || got[0] != "can't be blank" {
		t.Errorf("errors.title = %q", got)
	}
}

func TestUpdateJobPosting(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/ats/job_postings/3", Status: 200,
		// Single-object shape (creation_date) with the 2024 additions
		// legal_entity_id and questions[].
		Body: `{
    "id": 3,
    "creation_date": "2022-01-12T11:23:09.000Z",
    "title": "A wonderful job, again",
    "candidate_count": 2,
    "description": "The most wonderful job in the whoooole world",
    "contract_type": "indefinite",
    "remote": false,
    "status": "published",
    "schedule_type": "part_time",
    "team_id": 2,
    "location_id": 1,
    "legal_entity_id": 1,
    "ats_company_id": 2,
    "salary_format": "range",
    "salary_from_amount_in_cents": 2800000,
    "salary_to_amount_in_cents": 3400000,
    "cv_requirement": "mandatory",
    "cover_letter_requirement": "optional",
    "phone_requirement": "mandatory",
    "photo_requirement": "do_not_ask",
    "questions": [
        {"id": 15, "label": "Do you have a valid EU work permit?", "position": 1, "mandatory": true, "question_type": "single_choice", "options": ["Yes", "No"], "ats_job_posting_id": 3, "created_at": "2022-01-19T09:02:11.000Z", "updated_at": "2022-01-19T09:02:11.000Z"},
        {"id": 16, "label": "Why do you want to join us?", "position": 2, "mandatory": false, "question_type": "long_text", "options": [], "ats_job_posting_id": 3, "created_at": "2022-01-19T09:02:11.000Z", "updated_at": "2022-01-19T09:03:40.000Z"}
    ]
}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			want := map[string]any{
				"title": "A wonderful job, again", "remote": false, "schedule_type": "part_time",
				"salary_format": "range", "salary_from_amount_in_cents": float64(2800000),
				"salary_to_amount_in_cents": float64(3400000), "photo_requirement": "do_not_ask",
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.UpdateJobPostingWithResponse(context.Background(), 3, api.UpdateJobPostingJSONRequestBody{
		Title:                   apitest.Ptr("A wonderful job, again"),
		Remote:                  apitest.Ptr(false),
		ScheduleType:            apitest.Ptr(api.AtsJobPostingUpdateScheduleTypePartTime),
		SalaryFormat:            apitest.Ptr(api.AtsJobPostingUpdateSalaryFormatRange),
		SalaryFromAmountInCents: apitest.Ptr(2800000),
		SalaryToAmountInCents:   apitest.Ptr(3400000),
		PhotoRequirement:        apitest.Ptr(api.AtsJobPostingUpdatePhotoRequirementDoNotAsk),
	})
	if err != nil {
		t.Fatal(err)
	}
	p := res.JSON200
	if p == nil {
		t.Fatalf("status %d, no typed 200 body: %s", res.StatusCode(), res.Body)
	}
	if p.ID != 3 {
		t.Errorf("ID = %d", p.ID)
	}
	wantPtr(t, "Title", p.Title, "A wonderful job, again")
	wantPtr(t, "CreationDate", p.CreationDate, mustTime(t, "2022-01-12T11:23:09.000Z"))
	wantPtr(t, "SalaryToAmountInCents", p.SalaryToAmountInCents, 3400000)
	wantPtr(t, "LegalEntityID", p.LegalEntityID, 1)
	if len(p.Questions) != 2 {
		t.Fatalf("Questions = %+v", p.Questions)
	}
	q := p.Questions[0]
	if q.ID != 15 || *q.AtsJobPostingID != 3 || !*q.Mandatory || *q.Position != 1 || !reflect.DeepEqual(q.Options, []string{"Yes", "No"}) {
		t.Errorf("question = %+v", q)
	}
	wantPtr(t, "QuestionType", q.QuestionType, api.AtsQuestionQuestionTypeSingleChoice)
	wantPtr(t, "Questions[1].QuestionType", p.Questions[1].QuestionType, api.AtsQuestionQuestionTypeLongText)
	if u := p.Questions[1].UpdatedAt; u == nil || !u.Equal(mustTime(t, "2022-01-19T09:03:40Z")) {
		t.Errorf("Questions[1].UpdatedAt = %v", u)
	}
}

func TestDeleteJobPosting(t *testing.T) {
	// 2024 spec: 200 with the deleted posting.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/ats/job_postings/9", Status: 200,
		Body: jobPostingCreatedCaptured,
	}))
	res, err := c.DeleteJobPostingWithResponse(context.Background(), 9)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 9 {
		t.Fatalf("status %d, deleted = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Title", res.JSON200.Title, "A wonderful job")
	wantNil(t, "SalaryToAmountInCents", res.JSON200.SalaryToAmountInCents)
}

func TestDeleteJobPosting_NoContent(t *testing.T) {
	// The 2022 capture ("Delete Ats Job Posting", id 10): 204, no body.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/ats/job_postings/10", Status: 204,
	}))
	res, err := c.DeleteJobPostingWithResponse(context.Background(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil || len(res.Body) != 0 {
		t.Fatalf("status %d, JSON200 %v, body %q", res.StatusCode(), res.JSON200, res.Body)
	}
}

func TestDuplicateJobPosting(t *testing.T) {
	// The 2024 spec's 201; English locale suffix " Copy", status draft.
	const original = "A wonderful job, again"
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/ats/job_postings/3/duplicate", Status: 201,
		Body: `{
    "id": 11,
    "creation_date": "2022-01-18T14:25:47.000Z",
    "title": "A wonderful job, again Copy",
    "candidate_count": 0,
    "description": "The most wonderful job in the whoooole world",
    "contract_type": "indefinite",
    "remote": true,
    "status": "draft",
    "schedule_type": "full_time",
    "team_id": 2,
    "location_id": 1,
    "ats_company_id": 2,
    "salary_format": "fixed_amount",
    "salary_from_amount_in_cents": 600000,
    "salary_to_amount_in_cents": 600000,
    "cv_requirement": "optional",
    "cover_letter_requirement": "do_not_ask",
    "phone_requirement": "mandatory",
    "photo_requirement": "mandatory"
}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			if len(body) != 0 {
				t.Errorf("duplicate sent a body: %q", body)
			}
		},
	}))
	res, err := c.DuplicateJobPostingWithResponse(context.Background(), 3)
	if err != nil {
		t.Fatal(err)
	}
	p := res.JSON201
	if p == nil {
		t.Fatalf("status %d, no typed 201 body: %s", res.StatusCode(), res.Body)
	}
	if p.ID == 3 || p.ID != 11 {
		t.Errorf("ID = %d, want the new posting 11", p.ID)
	}
	wantPtr(t, "Title", p.Title, original+" Copy")
	wantPtr(t, "Status", p.Status, "draft")
	wantPtr(t, "CandidateCount", p.CandidateCount, 0)
	wantPtr(t, "CreationDate", p.CreationDate, mustTime(t, "2022-01-18T14:25:47.000Z"))
}

// TestDuplicateJobPosting_Captured200 replays the live 2022 capture verbatim.
// The server answered 200 (Postman "status": "OK", "code": 200, nginx/1.20.1,
// X-Controller-Path api_public/v1/ats/job_postings#duplicate) where the 2024
// spec says 201, so the spec declares both and the 200 body decodes into
// JSON200.
func TestDuplicateJobPosting_Captured200(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/ats/job_postings/3/duplicate", Status: 200,
		Body: jobPostingDuplicatedCaptured,
	}))
	res, err := c.DuplicateJobPostingWithResponse(context.Background(), 3)
	if err != nil {
		t.Fatal(err)
	}
	p := res.JSON200
	if res.StatusCode() != 200 || p == nil {
		t.Fatalf("status %d, JSON200 %v", res.StatusCode(), p)
	}
	if p.ID != 10 || *p.Title != "A wonderful job, again Copiar" || *p.Status != "draft" || !p.CreationDate.Equal(mustTime(t, "2022-01-18T14:21:03.000Z")) {
		t.Errorf("duplicate = %+v", p)
	}
}

func TestListCandidates(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/ats/candidates", Status: 200,
		Body: candidateListCaptured,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			noQuery(t, r)
		},
	}))
	res, err := c.ListCandidatesWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 4 {
		t.Fatalf("status %d, candidates = %v", res.StatusCode(), res.JSON200)
	}
	cs := *res.JSON200
	c0 := cs[0]
	if c0.ID != 3 || *c0.FullName != "Dami Olusakin" || *c0.Email != "example@email.com" {
		t.Errorf("candidate = %+v", c0)
	}
	// Captured nulls and 2022-only fields.
	wantNil(t, "Photo", c0.Photo)
	wantNil(t, "ConsentGivenAt", c0.ConsentGivenAt)
	wantPtr(t, "ApplicationCount", c0.ApplicationCount, 0)
	wantPtr(t, "TalentPool", c0.TalentPool, false)
	wantNil(t, "Source (2024 only)", c0.Source)
	if c0.CreatedAt == nil || !c0.CreatedAt.Equal(mustTime(t, "2021-12-28T13:17:58Z")) {
		t.Errorf("CreatedAt = %v", c0.CreatedAt)
	}
	wantPtr(t, "cs[3].Email", cs[3].Email, "example3@email.co")
	wantPtr(t, "cs[3].ID", &cs[3].ID, 6)
}

func TestCreateCandidate(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/ats/candidates", Status: 201,
		// Captured "Create Ats Candidate" answer.
		Body: `{
 "id": 6,
 "photo": null,
 "first_name": "Dami",
 "last_name": "Olusakin",
 "full_name": "Dami Olusakin",
 "email": "example3@email.co",
 "application_count": 0,
 "talent_pool": false,
 "created_at": "2021-12-28T13:32:07.000Z",
 "updated_at": "2021-12-28T13:32:07.000Z",
 "consent_given_at": null
}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			want := map[string]any{"first_name": "Dami", "last_name": "Olusakin", "email": "example3@email.co",
				"source": "manually_added", "ats_company_id": float64(2)}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.CreateCandidateWithResponse(context.Background(), api.CreateCandidateJSONRequestBody{
		FirstName: "Dami", LastName: "Olusakin", Email: "example3@email.co",
		Source: apitest.Ptr(api.AtsCandidateCreateSourceManuallyAdded), AtsCompanyID: apitest.Ptr(2),
	})
	if err != nil {
		t.Fatal(err)
	}
	cand := res.JSON201
	if cand == nil || cand.ID != 6 {
		t.Fatalf("status %d, candidate = %+v", res.StatusCode(), cand)
	}
	wantPtr(t, "FullName", cand.FullName, "Dami Olusakin")
	wantNil(t, "Photo", cand.Photo)
	wantNil(t, "ConsentGivenAt", cand.ConsentGivenAt)
	wantPtr(t, "ApplicationCount", cand.ApplicationCount, 0)
}

func TestUpdateCandidate(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/ats/candidates/5", Status: 200,
		// Captured "Update Ats Candidate" answer (no photo/consent_given_at keys).
		Body: `{
 "id": 5,
 "first_name": "Chandler",
 "last_name": "Bing",
 "full_name": "Chandler Bing",
 "email": "example100@example.com",
 "application_count": 0,
 "talent_pool": false,
 "created_at": "2021-12-28T13:31:39.000Z",
 "updated_at": "2022-01-07T18:19:28.000Z"
}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			want := map[string]any{"first_name": "Chandler", "last_name": "Bing", "email": "example100@example.com",
				"talent_pool": false, "consent_to_talent_pool": true}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.UpdateCandidateWithResponse(context.Background(), 5, api.UpdateCandidateJSONRequestBody{
		FirstName: apitest.Ptr("Chandler"), LastName: apitest.Ptr("Bing"), Email: apitest.Ptr("example100@example.com"),
		TalentPool: apitest.Ptr(false), ConsentToTalentPool: apitest.Ptr(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	cand := res.JSON200
	if cand == nil || cand.ID != 5 {
		t.Fatalf("status %d, candidate = %+v", res.StatusCode(), cand)
	}
	wantPtr(t, "FullName", cand.FullName, "Chandler Bing")
	if cand.UpdatedAt == nil || !cand.UpdatedAt.Equal(mustTime(t, "2022-01-07T18:19:28Z")) {
		t.Errorf("UpdatedAt = %v", cand.UpdatedAt)
	}
	wantNil(t, "Photo (absent)", cand.Photo)
}

func TestDeleteCandidate(t *testing.T) {
	// 2024 spec: 200 with the deleted candidate (its 2024 source/medium).
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/ats/candidates/57", Status: 200,
		Body: `{"id":57,"first_name":"Lucía","last_name":"Martín Ortega","full_name":"Lucía Martín Ortega","email":"lucia.martin.ortega@gmail.com","talent_pool":true,"created_at":"2023-09-04T08:12:45.000Z","updated_at":"2023-11-20T16:40:02.000Z","source":"linkedin","medium":"job_post"}`,
	}))
	res, err := c.DeleteCandidateWithResponse(context.Background(), 57)
	if err != nil {
		t.Fatal(err)
	}
	cand := res.JSON200
	if cand == nil || cand.ID != 57 {
		t.Fatalf("status %d, candidate = %+v", res.StatusCode(), cand)
	}
	wantPtr(t, "Source", cand.Source, "linkedin")
	wantPtr(t, "Medium", cand.Medium, "job_post")
	wantPtr(t, "LastName", cand.LastName, "Martín Ortega")
	wantPtr(t, "TalentPool", cand.TalentPool, true)
}

func TestDeleteCandidate_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/ats/candidates/58", Status: 204,
	}))
	res, err := c.DeleteCandidateWithResponse(context.Background(), 58)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %v", res.StatusCode(), res.JSON200)
	}
}

// cvPDF is a tiny but well-formed-looking PDF used as an uploaded CV.
const cvPDF = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"

func TestCreateApplication(t *testing.T) {
	size := strconv.Itoa(len(cvPDF))
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/ats/applications", Status: 201,
		Body: `{
  "id": 311,
  "ats_candidate_id": 57,
  "ats_job_posting_id": 9,
  "ats_application_phase_id": 21,
  "ats_application_phase_name": "New",
  "ats_application_phase_type": "new",
  "ats_job_posting_title": "A wonderful job",
  "conversation_id": 4183,
  "cover_letter": "I have five years of Ruby on Rails experience and would love to join the team.",
  "cv": {"file": "https://api.factorialhr.com/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnsiZGF0YSI6OTAxMjN9fQ/cv-lucia-martin.pdf", "content_type": "application/pdf", "filename": "cv-lucia-martin.pdf", "size": ` + size + `, "created_at": "2023-09-04T08:12:46.000Z"},
  "photo": null,
  "disqualified_reason": null,
  "email": "lucia.martin.ortega@gmail.com",
  "first_name": "Lucía",
  "full_name": "Lucía Martín Ortega",
  "last_name": "Martín Ortega",
  "medium": "job_post",
  "personal_url": null,
  "phone": "+34 612 345 678",
  "qualified": true,
  "rating_average": null,
  "source": "linkedin",
  "talent_pool": false,
  "created_at": "2023-09-04T08:12:45.000Z",
  "answers": [
    {"id": 801, "ats_question_id": 15, "ats_application_id": 311, "value": "Yes"},
    {"id": 802, "ats_question_id": 16, "ats_application_id": 311, "value": null}
  ]
}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			form := parseMultipart(t, r, body)
			if form == nil {
				return
			}
			want := map[string][]string{
				"ats_job_posting_id": {"9"}, "source": {"linkedin"}, "medium": {"job_post"},
				"first_name": {"Lucía"}, "last_name": {"Martín Ortega"}, "email": {"lucia.martin.ortega@gmail.com"},
				"phone": {"+34 612 345 678"}, "cover_letter": {"I have five years of Ruby on Rails experience and would love to join the team."},
			}
			wantFormValues(t, form, want)
			if len(form.Value) != len(want) {
				t.Errorf("value parts = %v", form.Value)
			}
			wantFilePart(t, form, "cv", "cv-lucia-martin.pdf", "application/pdf", cvPDF)
			if len(form.File) != 1 {
				t.Errorf("file parts = %v, want only cv", form.File)
			}
		},
	}))
	ct, body := multipartBody(t,
		formPart{Name: "ats_job_posting_id", Value: "9"},
		formPart{Name: "source", Value: string(api.AtsApplicationCreateSourceLinkedin)},
		formPart{Name: "medium", Value: "job_post"},
		formPart{Name: "first_name", Value: "Lucía"},
		formPart{Name: "last_name", Value: "Martín Ortega"},
		formPart{Name: "email", Value: "lucia.martin.ortega@gmail.com"},
		formPart{Name: "phone", Value: "+34 612 345 678"},
		formPart{Name: "cover_letter", Value: "I have five years of Ruby on Rails experience and would love to join the team."},
		formPart{Name: "cv", Filename: "cv-lucia-martin.pdf", ContentType: "application/pdf", Value: cvPDF})
	res, err := c.CreateApplicationWithBodyWithResponse(context.Background(), ct, body)
	if err != nil {
		t.Fatal(err)
	}
	a := res.JSON201
	if a == nil {
		t.Fatalf("status %d, no typed 201 body: %s", res.StatusCode(), res.Body)
	}
	if a.ID != 311 {
		t.Errorf("ID = %d", a.ID)
	}
	wantPtr(t, "AtsCandidateID", a.AtsCandidateID, 57)
	wantPtr(t, "AtsJobPostingID", a.AtsJobPostingID, 9)
	wantPtr(t, "ConversationID", a.ConversationID, 4183)
	wantPtr(t, "AtsApplicationPhaseName", a.AtsApplicationPhaseName, "New")
	wantPtr(t, "Qualified", a.Qualified, true)
	wantNil(t, "Photo", a.Photo)
	wantNil(t, "DisqualifiedReason", a.DisqualifiedReason)
	wantNil(t, "RatingAverage", a.RatingAverage)
	wantNil(t, "PersonalURL", a.PersonalURL)
	if a.Cv == nil {
		t.Fatal("Cv = nil")
	}
	wantPtr(t, "Cv.Filename", a.Cv.Filename, "cv-lucia-martin.pdf")
	wantPtr(t, "Cv.ContentType", a.Cv.ContentType, "application/pdf")
	wantPtr(t, "Cv.Size", a.Cv.Size, len(cvPDF))
	if len(a.Answers) != 2 {
		t.Fatalf("Answers = %+v", a.Answers)
	}
	if a.Answers[0].ID != 801 || *a.Answers[0].AtsQuestionID != 15 || *a.Answers[0].AtsApplicationID != 311 || a.Answers[0].Value == nil {
		t.Fatalf("answer = %+v", a.Answers[0])
	}
	if v, err := a.Answers[0].Value.AsAtsAnswerValue0(); err != nil || v != "Yes" {
		t.Errorf("answer value = %q, %v", v, err)
	}
	if a.Answers[1].Value != nil {
		if raw, _ := a.Answers[1].Value.MarshalJSON(); string(raw) != "null" {
			t.Errorf("unanswered value = %s, want null", raw)
		}
	}
}

func TestUpdateApplication(t *testing.T) {
	// Disqualify the application: a restricted-looking answer where the
	// phase and rating are null and no CV was uploaded.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/ats/applications/312", Status: 200,
		Body: `{
  "id": 312,
  "ats_candidate_id": 58,
  "ats_job_posting_id": 9,
  "ats_application_phase_id": null,
  "ats_application_phase_name": null,
  "ats_application_phase_type": null,
  "ats_job_posting_title": "A wonderful job",
  "conversation_id": 4190,
  "cover_letter": null,
  "cv": null,
  "photo": null,
  "disqualified_reason": "salary",
  "email": "jordi.puig@outlook.com",
  "first_name": "Jordi",
  "full_name": "Jordi Puig",
  "last_name": "Puig",
  "medium": null,
  "personal_url": "https://www.linkedin.com/in/jordipuig",
  "phone": null,
  "qualified": false,
  "rating_average": 3,
  "source": "indeed",
  "talent_pool": true,
  "created_at": "2023-09-05T10:01:12.000Z",
  "answers": []
}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			form := parseMultipart(t, r, body)
			if form == nil {
				return
			}
			want := map[string][]string{"qualified": {"false"}, "disqualified_reason": {"salary"}, "personal_url": {"https://www.linkedin.com/in/jordipuig"}}
			wantFormValues(t, form, want)
			if len(form.Value) != len(want) || len(form.File) != 0 {
				t.Errorf("parts = %v / files %v", form.Value, form.File)
			}
		},
	}))
	ct, body := multipartBody(t,
		formPart{Name: "qualified", Value: "false"},
		formPart{Name: "disqualified_reason", Value: string(api.AtsApplicationUpdateDisqualifiedReasonSalary)},
		formPart{Name: "personal_url", Value: "https://www.linkedin.com/in/jordipuig"})
	res, err := c.UpdateApplicationWithBodyWithResponse(context.Background(), 312, ct, body)
	if err != nil {
		t.Fatal(err)
	}
	a := res.JSON200
	if a == nil || a.ID != 312 {
		t.Fatalf("status %d, application = %+v", res.StatusCode(), a)
	}
	wantPtr(t, "Qualified", a.Qualified, false)
	wantPtr(t, "DisqualifiedReason", a.DisqualifiedReason, "salary")
	wantPtr(t, "RatingAverage", a.RatingAverage, 3)
	wantNil(t, "AtsApplicationPhaseID", a.AtsApplicationPhaseID)
	wantNil(t, "CoverLetter", a.CoverLetter)
	wantNil(t, "Phone", a.Phone)
	if a.Cv != nil {
		t.Errorf("Cv = %+v, want nil", a.Cv)
	}
	if a.Answers == nil || len(a.Answers) != 0 {
		t.Errorf("Answers = %v, want empty", a.Answers)
	}
}

func TestListAtsMessages(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/ats/messages", Status: 200,
		Body: `[
  {"id": 9001, "conversation_id": 4183, "content": "Hola Lucía, thanks for applying! Are you available for a call on Thursday?", "sent_by_type": "Access", "sent_by_id": 12, "sent_at": "2023-09-06T09:30:00.000Z", "attachments": []},
  {"id": 9002, "conversation_id": 4183, "content": "Yes, Thursday at 11:00 works for me. I attach my portfolio.", "sent_by_type": "AtsCandidate", "sent_by_id": 57, "sent_at": "2023-09-06T12:04:51.000Z", "attachments": ["https://api.factorialhr.com/rails/active_storage/blobs/redirect/eyJfcmFpbHMiOnsiZGF0YSI6OTAyMDF9fQ/portfolio.pdf"]}
]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantRawQuery(t, r, "conversation_id=4183")
			wantQuery(t, r, map[string][]string{"conversation_id": {"4183"}})
		},
	}))
	res, err := c.ListAtsMessagesWithResponse(context.Background(), &api.ListAtsMessagesParams{ConversationID: 4183})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, messages = %v", res.StatusCode(), res.JSON200)
	}
	ms := *res.JSON200
	if ms[0].ID != 9001 || *ms[0].ConversationID != 4183 || *ms[0].SentByType != "Access" || *ms[0].SentByID != 12 || len(ms[0].Attachments) != 0 {
		t.Errorf("message 0 = %+v", ms[0])
	}
	wantPtr(t, "ms[1].SentByType", ms[1].SentByType, "AtsCandidate")
	wantPtr(t, "ms[1].SentAt", ms[1].SentAt, "2023-09-06T12:04:51.000Z")
	if len(ms[1].Attachments) != 1 {
		t.Errorf("attachments = %v", ms[1].Attachments)
	}
}

func TestCreateAtsMessage(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/ats/messages", Status: 201,
		Body: `{"id": 9003, "conversation_id": 4183, "content": "Perfect, see you on Thursday at 11:00.", "sent_by_type": "Access", "sent_by_id": 12, "sent_at": "2023-09-06T12:10:03.000Z", "attachments": null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			got := apitest.JSONBody(t, r, body)
			want := map[string]any{"job_application_id": float64(311), "content": "Perfect, see you on Thursday at 11:00."}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("body = %v, want %v", got, want)
			}
		},
	}))
	res, err := c.CreateAtsMessageWithResponse(context.Background(), api.CreateAtsMessageJSONRequestBody{
		JobApplicationID: 311, Content: "Perfect, see you on Thursday at 11:00.",
	})
	if err != nil {
		t.Fatal(err)
	}
	m := res.JSON201
	if m == nil || m.ID != 9003 {
		t.Fatalf("status %d, message = %+v", res.StatusCode(), m)
	}
	wantPtr(t, "ConversationID", m.ConversationID, 4183)
	wantPtr(t, "Content", m.Content, "Perfect, see you on Thursday at 11:00.")
	if m.Attachments != nil {
		t.Errorf("Attachments = %v, want nil", m.Attachments)
	}
}
