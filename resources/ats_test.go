package resources_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/factorial-go/factorial/resources"
)

// ATS: recruiting. Job postings and their questions, candidates, their
// applications and answers, pipeline phases and hiring stages, feedback,
// evaluation forms and messages.

const atsJobPostingJSON = `{"id":"71","company_id":"7","ats_company_id":"70","title":"Backend Engineer","description":"Go and Postgres",` +
	`"contract_type":"indefinite","category":"engineering","workplace_type":"remote","remote":true,"status":"published",` +
	`"schedule_type":"full_time","team_id":"8","location_id":"9","legal_entity_id":"10","salary_format":"range",` +
	`"salary_from_amount_in_cents":4500000,"salary_to_amount_in_cents":6000000,"hide_salary":false,"cv_requirement":"mandatory",` +
	`"cover_letter_requirement":"optional","phone_requirement":"optional","photo_requirement":"do_not_ask",` +
	`"personal_url_requirement":"optional","url":"https://acme.factorialhr.com/job_posting/backend-engineer",` +
	`"salary_period":"annual","published_at":"2026-06-02T08:28:00.000Z","created_at":"2026-06-01T13:30:02.000Z"}`

const atsCandidateJSON = `{"id":"81","company_id":"7","first_name":"Carla","last_name":"Candidate","full_name":"Carla Candidate",` +
	`"email":"carla@candidates.test","talent_pool":true,"phone_number":"645786980","created_at":"2026-06-03T10:00:00Z",` +
	`"updated_at":"2026-06-04T10:00:00Z","consent_given_at":"2026-06-03T10:00:00Z","inactive_since":null,` +
	`"ats_job_posting_ids":["71"],"personal_url":"https://carla.dev","consent_expiration_date":"2028-06-03T10:00:00Z",` +
	`"consent_to_talent_pool":true,"medium":"Ana from sales","source_id":"3","gender":"female","score":7.5}`

const atsApplicationJSON = `{"id":"91","company_id":"7","ats_job_posting_id":"71","ats_candidate_id":"81","employee_id":null,` +
	`"phone":"34612345678","qualified":true,"ats_application_phase_id":"102","created_at":"2026-06-03T10:05:00.000Z",` +
	`"cover_letter":"I love Go","cv":{"filename":"cv.pdf","url":"https://files.test/cv.pdf","byte_size":2048},` +
	`"ats_conversation_id":"111","medium":"careers page","rating_average":4,"ats_rejection_reason_id":null,"source_id":"3"}`

const atsAnswerJSON = `{"id":"121","ats_question_id":"131","ats_application_id":"91","original_question_label":"Are you open to relocate?",` +
	`"value":"Yes","original_question_type":"single_choice","created_at":"2026-06-03T10:05:00.000Z","updated_at":"2026-06-03T10:05:00.000Z"}`

const atsQuestionJSON = `{"id":"131","ats_job_posting_id":"71","label":"Are you open to relocate?","position":1,"mandatory":true,` +
	`"auto_disqualify":false,"question_type":"single_choice","created_at":"2026-06-01T00:00:00.000Z","updated_at":"2026-06-01T00:00:00.000Z",` +
	`"options":[{"text":"Yes","disqualifies":false},{"text":"No","disqualifies":true}]}`

const atsPhaseJSON = `{"id":"102","ats_job_posting_id":"71","name":"Phone screen","position":2,"editable":true,"phase_type":"screening",` +
	`"applications_count":3,"active_applications_count":2,"ats_hiring_stage_id":"142"}`

const atsHiringStageJSON = `{"id":"142","name":"screening","label":"Screening","company_id":"7","position":2}`

const atsSourceJSON = `{"id":"3","company_id":"7","category":"referral","name":"referral","label":"Referral"}`

const atsRejectionReasonJSON = `{"id":"151","company_id":"7","decision_maker":"candidate","reason":"Accepted another offer",` +
	`"created_at":"2026-05-22T14:30:00-07:00","updated_at":"2026-05-22T14:30:00-07:00"}`

const atsEvaluationFormJSON = `{"id":"161","company_id":"7","ats_job_posting_id":"71","name":"Technical interview","based_on_id":"160",` +
	`"questions":[{"id":1,"text":"Go experience","description":"years"}],"created_at":"2026-06-01T00:00:00Z","updated_at":"2026-06-02T00:00:00Z"}`

const atsFeedbackJSON = `{"id":"171","rating":4,"description":"Clear communicator","ats_application_id":"91","ats_application_phase_id":"102",` +
	`"created_at":"2026-06-05T09:00:00Z","ats_candidate_id":"81","ats_evaluation_forms_id":"161",` +
	`"evaluation_form_answers":[{"id":1,"score":3,"note":"Solid"}]}`

const atsMessageJSON = `{"id":"181","content":"When can you start?","ats_conversation_id":"111","sent_by_id":"5150","sent_by_type":"user",` +
	`"created_at":"2026-06-06T09:00:00Z","attachments":[{"filename":"offer.pdf"}],"topic":"Next steps","delayed_until":null,` +
	`"sent_at":"2026-06-06T09:00:01Z","delivered_at":null,"opened_at":null,"last_error_at":null}`

func checkAtsJobPosting(t *testing.T, p resources.AtsJobPosting) {
	t.Helper()
	eq(t, "ID", p.ID, "71")
	is(t, "Title", p.Title, "Backend Engineer")
	is(t, "Status", p.Status, resources.AtsJobPostingStatusPublished)
	is(t, "ContractType", p.ContractType, resources.AtsContractTypeIndefinite)
	is(t, "Category", p.Category, resources.AtsJobCategoryEngineering)
	is(t, "WorkplaceType", p.WorkplaceType, resources.AtsWorkplaceTypeRemote)
	is(t, "ScheduleType", p.ScheduleType, resources.AtsScheduleTypeFullTime)
	is(t, "SalaryFormat", p.SalaryFormat, resources.AtsSalaryFormatRange)
	is(t, "SalaryToAmountInCents", p.SalaryToAmountInCents, 6000000)
	is(t, "CvRequirement", p.CvRequirement, resources.AtsFieldRequirementMandatory)
	is(t, "SalaryPeriod", p.SalaryPeriod, resources.AtsSalaryPeriodAnnual)
	at(t, "PublishedAt", p.PublishedAt, "2026-06-02T08:28:00Z")
}

func checkAtsCandidate(t *testing.T, c resources.AtsCandidate) {
	t.Helper()
	eq(t, "ID", c.ID, "81")
	is(t, "FullName", c.FullName, "Carla Candidate")
	is(t, "PhoneNumber", c.PhoneNumber, "645786980")
	is(t, "Gender", c.Gender, resources.AtsGenderFemale)
	ids(t, "AtsJobPostingIDs", c.AtsJobPostingIDs, "71")
	is(t, "Score", c.Score, float32(7.5))
	null(t, "InactiveSince", c.InactiveSince)
	at(t, "ConsentExpirationDate", c.ConsentExpirationDate, "2028-06-03T10:00:00Z")
}

func checkAtsApplication(t *testing.T, a resources.AtsApplication) {
	t.Helper()
	eq(t, "ID", a.ID, "91")
	is(t, "AtsCandidateID", a.AtsCandidateID, "81")
	is(t, "AtsApplicationPhaseID", a.AtsApplicationPhaseID, "102")
	is(t, "AtsConversationID", a.AtsConversationID, "111")
	is(t, "RatingAverage", a.RatingAverage, 4)
	null(t, "EmployeeID", a.EmployeeID)
	if a.Cv["url"] != "https://files.test/cv.pdf" {
		t.Errorf("Cv = %v", a.Cv)
	}
}

func checkAtsFeedback(t *testing.T, f resources.AtsFeedback) {
	t.Helper()
	eq(t, "ID", f.ID, "171")
	is(t, "Rating", f.Rating, 4)
	is(t, "AtsCandidateID", f.AtsCandidateID, "81")
	is(t, "AtsEvaluationFormsID", f.AtsEvaluationFormsID, "161")
	if len(f.EvaluationFormAnswers) != 1 || f.EvaluationFormAnswers[0]["note"] != "Solid" {
		t.Errorf("EvaluationFormAnswers = %v", f.EvaluationFormAnswers)
	}
}

func checkAtsQuestion(t *testing.T, q resources.AtsQuestion) {
	t.Helper()
	eq(t, "ID", q.ID, "131")
	is(t, "QuestionType", q.QuestionType, resources.AtsQuestionTypeSingleChoice)
	is(t, "Mandatory", q.Mandatory, true)
	if len(q.Options) != 2 {
		t.Fatalf("Options = %v", q.Options)
	}
	is(t, "second option Text", q.Options[1].Text, "No")
	is(t, "second option Disqualifies", q.Options[1].Disqualifies, true)
}

func getNoBody(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) }

func TestListAtsJobPostings(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/ats/job_postings", status: 200, body: page(onePage(1), atsJobPostingJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ids[]": {"71"}, "status": {"published"}, "team_id": {"8"}, "location_id": {"9"}, "legal_entity_id": {"10"}})
		},
	})
	all, err := c.ATS.ListJobPostings(t.Context(), &resources.ListAtsJobPostingsParams{IDs: []string{"71"},
		Status: ptr(resources.AtsJobPostingStatusPublished), TeamID: ptr("8"), LocationID: ptr("9"), LegalEntityID: ptr("10")})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d postings, want 1", len(all))
	}
	checkAtsJobPosting(t, all[0])
}

func TestCreateAtsJobPosting(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/ats/job_postings", status: 201, body: atsJobPostingJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"title":"Backend Engineer","status":"published","workplace_type":"remote","salary_period":"annual",`+
				`"cv_requirement":"mandatory","cover_letter_requirement":"optional","phone_requirement":"optional",`+
				`"photo_requirement":"do_not_ask","personal_url_requirement":"optional"}`)
		},
	})
	p, err := c.ATS.CreateJobPosting(t.Context(), resources.AtsJobPostingCreate{Title: "Backend Engineer",
		Status: resources.AtsJobPostingStatusPublished, WorkplaceType: ptr(resources.AtsWorkplaceTypeRemote),
		SalaryPeriod: ptr(resources.AtsSalaryPeriodAnnual), CvRequirement: resources.AtsFieldRequirementMandatory,
		CoverLetterRequirement: resources.AtsFieldRequirementOptional, PhoneRequirement: resources.AtsFieldRequirementOptional,
		PhotoRequirement: resources.AtsFieldRequirementDoNotAsk, PersonalURLRequirement: resources.AtsFieldRequirementOptional})
	must(t, err)
	checkAtsJobPosting(t, p)
}

func TestGetAtsJobPosting(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/ats/job_postings/71", status: 200, body: atsJobPostingJSON, check: getNoBody})
	p, err := c.ATS.GetJobPosting(t.Context(), "71")
	must(t, err)
	checkAtsJobPosting(t, p)
}

func TestUpdateAtsJobPosting(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/ats/job_postings/71", status: 200, body: atsJobPostingJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"71","salary_from_amount_in_cents":4500000,"contract_type":"indefinite"}`)
		},
	})
	p, err := c.ATS.UpdateJobPosting(t.Context(), "71", resources.AtsJobPostingUpdate{ID: "71",
		SalaryFromAmountInCents: ptr(4500000), ContractType: ptr(resources.AtsContractTypeIndefinite)})
	must(t, err)
	checkAtsJobPosting(t, p)
}

func TestDeleteAtsJobPosting(t *testing.T) {
	c := one(t, exchange{method: http.MethodDelete, path: "/ats/job_postings/71", status: 200, body: atsJobPostingJSON, check: getNoBody})
	p, err := c.ATS.DeleteJobPosting(t.Context(), "71")
	must(t, err)
	checkAtsJobPosting(t, p)
}

func TestDuplicateAtsJobPosting(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/ats/job_postings/duplicate", status: 200, body: atsJobPostingJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"70"}`) },
	})
	p, err := c.ATS.DuplicateJobPosting(t.Context(), resources.DuplicateAtsJobPostingInput{ID: "70"})
	must(t, err)
	checkAtsJobPosting(t, p)
}

func TestListAtsCandidates(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/ats/candidates", status: 200, body: page(onePage(1), atsCandidateJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"emails[]": {"carla@candidates.test"}, "team_ids[]": {"8"}, "source[]": {"referral", "linkedin"},
				"job_posting_ids[]": {"71"}, "minimum_average_rating": {"3.5"}, "active": {"true"}, "archived": {"false"}, "remote": {"true"}})
		},
	})
	all, err := c.ATS.ListCandidates(t.Context(), &resources.ListAtsCandidatesParams{Emails: []string{"carla@candidates.test"},
		TeamIDs: []string{"8"}, Source: []string{"referral", "linkedin"}, JobPostingIDs: []string{"71"},
		MinimumAverageRating: ptr(float32(3.5)), Active: ptr(true), Archived: ptr(false), Remote: ptr(true)})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d candidates, want 1", len(all))
	}
	checkAtsCandidate(t, all[0])
}

func TestCreateAtsCandidate(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/ats/candidates", status: 201, body: atsCandidateJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"first_name":"Carla","last_name":"Candidate","company_id":"7","email":"carla@candidates.test",`+
				`"consent_given_at":"2026-06-03T10:00:00Z","source":"referral","gender":"female"}`)
		},
	})
	cand, err := c.ATS.CreateCandidate(t.Context(), resources.AtsCandidateCreate{FirstName: "Carla", LastName: "Candidate",
		CompanyID: "7", Email: ptr("carla@candidates.test"), ConsentGivenAt: ptr(time.Date(2026, time.June, 3, 10, 0, 0, 0, time.UTC)),
		Source: ptr("referral"), Gender: ptr("female")})
	must(t, err)
	checkAtsCandidate(t, cand)
}

func TestGetAtsCandidate(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/ats/candidates/81", status: 200, body: atsCandidateJSON, check: getNoBody})
	cand, err := c.ATS.GetCandidate(t.Context(), "81")
	must(t, err)
	checkAtsCandidate(t, cand)
}

func TestUpdateAtsCandidate(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/ats/candidates/81", status: 200, body: atsCandidateJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"81","talent_pool":true,"personal_url":"https://carla.dev"}`)
		},
	})
	cand, err := c.ATS.UpdateCandidate(t.Context(), "81", resources.AtsCandidateUpdate{ID: "81", TalentPool: ptr(true), PersonalURL: ptr("https://carla.dev")})
	must(t, err)
	checkAtsCandidate(t, cand)
}

func TestDeleteAtsCandidate(t *testing.T) {
	c := one(t, exchange{method: http.MethodDelete, path: "/ats/candidates/81", status: 200, body: atsCandidateJSON, check: getNoBody})
	cand, err := c.ATS.DeleteCandidate(t.Context(), "81")
	must(t, err)
	checkAtsCandidate(t, cand)
}

func TestListAtsApplications(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/ats/applications", status: 200, body: page(onePage(1), atsApplicationJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ats_job_posting_id": {"71"}, "qualified": {"true"}, "ats_application_phase_id": {"102"},
				"ats_candidate_ids[]": {"81"}, "ats_rejection_reason_ids[]": {"151"}, "search": {"carla"}, "ats_tags_ids[]": {"5"}})
		},
	})
	all, err := c.ATS.ListApplications(t.Context(), &resources.ListAtsApplicationsParams{AtsJobPostingID: ptr("71"), Qualified: ptr(true),
		AtsApplicationPhaseID: ptr("102"), AtsCandidateIDs: []string{"81"}, AtsRejectionReasonIDs: []string{"151"}, Search: ptr("carla"),
		AtsTagsIDs: []string{"5"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d applications, want 1", len(all))
	}
	checkAtsApplication(t, all[0])
}

func TestCreateAtsApplication(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/ats/applications", status: 201, body: atsApplicationJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"ats_job_posting_id":"71","ats_candidate_id":"81","author_type":"company",`+
				`"answers":[{"ats_question_id":"131","value":"Yes"}]}`)
		},
	})
	a, err := c.ATS.CreateApplication(t.Context(), resources.AtsApplicationCreate{AtsJobPostingID: "71", AtsCandidateID: ptr("81"),
		AuthorType: ptr(resources.AtsApplicationAuthorTypeCompany),
		Answers:    []resources.AtsApplicationAnswer{{"ats_question_id": "131", "value": "Yes"}}})
	must(t, err)
	checkAtsApplication(t, a)
}

func TestGetAtsApplication(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/ats/applications/91", status: 200, body: atsApplicationJSON, check: getNoBody})
	a, err := c.ATS.GetApplication(t.Context(), "91")
	must(t, err)
	checkAtsApplication(t, a)
}

func TestUpdateAtsApplication(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/ats/applications/91", status: 200, body: atsApplicationJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"91","qualified":false,"ats_rejection_reason_id":"151","disqualified_reason":"Unfit for the role"}`)
		},
	})
	a, err := c.ATS.UpdateApplication(t.Context(), "91", resources.AtsApplicationUpdate{ID: "91", Qualified: ptr(false),
		AtsRejectionReasonID: ptr("151"), DisqualifiedReason: ptr("Unfit for the role")})
	must(t, err)
	checkAtsApplication(t, a)
}

func TestDeleteAtsApplication(t *testing.T) {
	c := one(t, exchange{method: http.MethodDelete, path: "/ats/applications/91", status: 200, body: atsApplicationJSON, check: getNoBody})
	a, err := c.ATS.DeleteApplication(t.Context(), "91")
	must(t, err)
	checkAtsApplication(t, a)
}

func TestSubmitAtsApplication(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/ats/applications/apply", status: 200, body: atsApplicationJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"first_name":"Carla","last_name":"Candidate","ats_job_posting_id":"71","email":"carla@candidates.test",`+
				`"consent_to_talent_pool":true}`)
		},
	})
	a, err := c.ATS.SubmitApplication(t.Context(), resources.SubmitAtsApplicationInput{FirstName: "Carla", LastName: "Candidate",
		AtsJobPostingID: "71", Email: "carla@candidates.test", ConsentToTalentPool: ptr(true)})
	must(t, err)
	checkAtsApplication(t, a)
}

func TestMoveAtsApplicationToPhase(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/ats/applications/move_to_phase", status: 200, body: atsApplicationJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"91","ats_application_phase_id":"102"}`)
		},
	})
	a, err := c.ATS.MoveApplicationToPhase(t.Context(), resources.MoveAtsApplicationToPhaseInput{ID: "91", AtsApplicationPhaseID: "102"})
	must(t, err)
	checkAtsApplication(t, a)
}

func TestListAtsAnswers(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/ats/answers", status: 200, body: page(onePage(1), atsAnswerJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ids[]": {"121"}, "ats_application_ids[]": {"91"}})
		},
	})
	all, err := c.ATS.ListAnswers(t.Context(), &resources.ListAtsAnswersParams{IDs: []string{"121"}, AtsApplicationIDs: []string{"91"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d answers, want 1", len(all))
	}
	eq(t, "ID", all[0].ID, "121")
	is(t, "Value", all[0].Value, "Yes")
	is(t, "OriginalQuestionType", all[0].OriginalQuestionType, resources.AtsQuestionTypeSingleChoice)
}

func TestCreateAtsAnswer(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/ats/answers", status: 201, body: atsAnswerJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"ats_question_id":"131","ats_application_id":"91","value":"Yes",`+
				`"original_question_label":"Are you open to relocate?","original_question_type":"single_choice"}`)
		},
	})
	a, err := c.ATS.CreateAnswer(t.Context(), resources.AtsAnswerCreate{AtsQuestionID: "131", AtsApplicationID: "91", Value: "Yes",
		OriginalQuestionLabel: "Are you open to relocate?", OriginalQuestionType: resources.AtsAnswerCreateOriginalQuestionTypeSingleChoice})
	must(t, err)
	eq(t, "ID", a.ID, "121")
	is(t, "AtsQuestionID", a.AtsQuestionID, "131")
	at(t, "CreatedAt", a.CreatedAt, "2026-06-03T10:05:00Z")
}

func TestGetAtsAnswer(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/ats/answers/121", status: 200, body: atsAnswerJSON, check: getNoBody})
	a, err := c.ATS.GetAnswer(t.Context(), "121")
	must(t, err)
	eq(t, "ID", a.ID, "121")
	is(t, "OriginalQuestionLabel", a.OriginalQuestionLabel, "Are you open to relocate?")
}

func TestListAtsQuestions(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/ats/questions", status: 200, body: page(onePage(1), atsQuestionJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ats_job_posting_ids[]": {"71", "72"}})
		},
	})
	all, err := c.ATS.ListQuestions(t.Context(), &resources.ListAtsQuestionsParams{AtsJobPostingIDs: []string{"71", "72"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d questions, want 1", len(all))
	}
	checkAtsQuestion(t, all[0])
}

func TestCreateAtsQuestion(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/ats/questions", status: 201, body: atsQuestionJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"ats_job_posting_id":"71","company_id":"7","label":"Are you open to relocate?","position":1,`+
				`"mandatory":true,"question_type":"single_choice","options":[{"text":"Yes","disqualifies":false},{"text":"No","disqualifies":true}]}`)
		},
	})
	q, err := c.ATS.CreateQuestion(t.Context(), resources.AtsQuestionCreate{AtsJobPostingID: "71", CompanyID: "7",
		Label: "Are you open to relocate?", Position: 1, Mandatory: ptr(true), QuestionType: resources.AtsQuestionTypeSingleChoice,
		Options: []resources.AtsQuestionOption{{Text: ptr("Yes"), Disqualifies: ptr(false)}, {Text: ptr("No"), Disqualifies: ptr(true)}}})
	must(t, err)
	checkAtsQuestion(t, q)
}

func TestGetAtsQuestion(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/ats/questions/131", status: 200, body: atsQuestionJSON, check: getNoBody})
	q, err := c.ATS.GetQuestion(t.Context(), "131")
	must(t, err)
	checkAtsQuestion(t, q)
}

func TestUpdateAtsQuestion(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/ats/questions/131", status: 200, body: atsQuestionJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"131","position":1,"auto_disqualify":false}`)
		},
	})
	q, err := c.ATS.UpdateQuestion(t.Context(), "131", resources.AtsQuestionUpdate{ID: "131", Position: ptr(1), AutoDisqualify: ptr(false)})
	must(t, err)
	checkAtsQuestion(t, q)
}

func TestDeleteAtsQuestion(t *testing.T) {
	c := one(t, exchange{method: http.MethodDelete, path: "/ats/questions/131", status: 200, body: atsQuestionJSON, check: getNoBody})
	q, err := c.ATS.DeleteQuestion(t.Context(), "131")
	must(t, err)
	checkAtsQuestion(t, q)
}

func TestListAtsApplicationPhases(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/ats/application_phases", status: 200, body: page(onePage(1), atsPhaseJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ids[]": {"102"}, "ats_job_posting_ids[]": {"71"}})
		},
	})
	all, err := c.ATS.ListApplicationPhases(t.Context(), &resources.ListAtsApplicationPhasesParams{IDs: []string{"102"}, AtsJobPostingIDs: []string{"71"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d phases, want 1", len(all))
	}
	is(t, "PhaseType", all[0].PhaseType, resources.AtsApplicationPhaseTypeScreening)
	is(t, "ActiveApplicationsCount", all[0].ActiveApplicationsCount, 2)
	is(t, "AtsHiringStageID", all[0].AtsHiringStageID, "142")
}

func TestGetAtsApplicationPhase(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/ats/application_phases/102", status: 200, body: atsPhaseJSON, check: getNoBody})
	ph, err := c.ATS.GetApplicationPhase(t.Context(), "102")
	must(t, err)
	eq(t, "ID", ph.ID, "102")
	is(t, "Name", ph.Name, "Phone screen")
	is(t, "Position", ph.Position, 2)
}

func TestListAtsHiringStages(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/ats/hiring_stages", status: 200, body: page(onePage(1), atsHiringStageJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ats_application_phase_id": {"102"}})
		},
	})
	all, err := c.ATS.ListHiringStages(t.Context(), &resources.ListAtsHiringStagesParams{AtsApplicationPhaseID: ptr("102")})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d stages, want 1", len(all))
	}
	is(t, "Name", all[0].Name, resources.AtsHiringStageNameScreening)
}

func TestGetAtsHiringStage(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/ats/hiring_stages/142", status: 200, body: atsHiringStageJSON, check: getNoBody})
	st, err := c.ATS.GetHiringStage(t.Context(), "142")
	must(t, err)
	eq(t, "ID", st.ID, "142")
	is(t, "Label", st.Label, "Screening")
}

func TestListAtsCandidateSources(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/ats/candidate_sources", status: 200, body: page(onePage(1), atsSourceJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ids[]": {"3"}})
		},
	})
	all, err := c.ATS.ListCandidateSources(t.Context(), &resources.ListAtsCandidateSourcesParams{IDs: []string{"3"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d sources, want 1", len(all))
	}
	is(t, "Category", all[0].Category, resources.AtsCandidateSourceCategoryReferral)
}

func TestGetAtsCandidateSource(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/ats/candidate_sources/3", status: 200, body: atsSourceJSON, check: getNoBody})
	s, err := c.ATS.GetCandidateSource(t.Context(), "3")
	must(t, err)
	eq(t, "ID", s.ID, "3")
	is(t, "Label", s.Label, "Referral")
}

func TestListAtsRejectionReasons(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/ats/rejection_reasons", status: 200, body: page(onePage(1), atsRejectionReasonJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ats_application_ids[]": {"91"}})
		},
	})
	all, err := c.ATS.ListRejectionReasons(t.Context(), &resources.ListAtsRejectionReasonsParams{AtsApplicationIDs: []string{"91"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d reasons, want 1", len(all))
	}
	is(t, "DecisionMaker", all[0].DecisionMaker, resources.AtsRejectionDecisionMakerCandidate)
	at(t, "CreatedAt", all[0].CreatedAt, "2026-05-22T21:30:00Z")
}

func TestGetAtsRejectionReason(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/ats/rejection_reasons/151", status: 200, body: atsRejectionReasonJSON, check: getNoBody})
	rr, err := c.ATS.GetRejectionReason(t.Context(), "151")
	must(t, err)
	eq(t, "ID", rr.ID, "151")
	is(t, "Reason", rr.Reason, "Accepted another offer")
}

func TestListAtsEvaluationForms(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/ats/evaluation_forms", status: 200, body: page(onePage(1), atsEvaluationFormJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ats_job_posting_ids[]": {"71"}, "template": {"false"}})
		},
	})
	all, err := c.ATS.ListEvaluationForms(t.Context(), &resources.ListAtsEvaluationFormsParams{AtsJobPostingIDs: []string{"71"}, Template: ptr(false)})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d forms, want 1", len(all))
	}
	is(t, "BasedOnID", all[0].BasedOnID, "160")
	if len(all[0].Questions) != 1 || all[0].Questions[0]["text"] != "Go experience" {
		t.Errorf("Questions = %v", all[0].Questions)
	}
}

func TestGetAtsEvaluationForm(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/ats/evaluation_forms/161", status: 200, body: atsEvaluationFormJSON, check: getNoBody})
	f, err := c.ATS.GetEvaluationForm(t.Context(), "161")
	must(t, err)
	eq(t, "ID", f.ID, "161")
	is(t, "Name", f.Name, "Technical interview")
}

func TestSaveAtsEvaluationFormAsTemplate(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/ats/evaluation_forms/save_as_template", status: 200, body: atsEvaluationFormJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"160"}`) },
	})
	f, err := c.ATS.SaveEvaluationFormAsTemplate(t.Context(), resources.SaveAtsEvaluationFormAsTemplateInput{ID: "160"})
	must(t, err)
	eq(t, "ID", f.ID, "161")
	at(t, "UpdatedAt", f.UpdatedAt, "2026-06-02T00:00:00Z")
}

func TestListAtsFeedbacks(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/ats/feedbacks", status: 200, body: page(onePage(1), atsFeedbackJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ats_application_ids[]": {"91"}, "ats_candidate_id": {"81"}})
		},
	})
	all, err := c.ATS.ListFeedbacks(t.Context(), &resources.ListAtsFeedbacksParams{AtsApplicationIDs: []string{"91"}, AtsCandidateID: ptr("81")})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d feedback entries, want 1", len(all))
	}
	checkAtsFeedback(t, all[0])
}

func TestCreateAtsFeedback(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/ats/feedbacks", status: 201, body: atsFeedbackJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"ats_candidate_id":"81","rating":4,"ats_application_id":"91","description":"Clear communicator",`+
				`"mention_ids":["5150"],"ats_evaluation_forms_id":"161"}`)
		},
	})
	f, err := c.ATS.CreateFeedback(t.Context(), resources.AtsFeedbackCreate{AtsCandidateID: "81", Rating: ptr(4), AtsApplicationID: ptr("91"),
		Description: ptr("Clear communicator"), MentionIDs: []string{"5150"}, AtsEvaluationFormsID: ptr("161")})
	must(t, err)
	checkAtsFeedback(t, f)
}

func TestGetAtsFeedback(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/ats/feedbacks/171", status: 200, body: atsFeedbackJSON, check: getNoBody})
	f, err := c.ATS.GetFeedback(t.Context(), "171")
	must(t, err)
	checkAtsFeedback(t, f)
}

func TestUpdateAtsFeedback(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPut, path: "/ats/feedbacks/171", status: 200, body: atsFeedbackJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"rating":4}`) },
	})
	f, err := c.ATS.UpdateFeedback(t.Context(), "171", resources.AtsFeedbackUpdate{Rating: ptr(4)})
	must(t, err)
	checkAtsFeedback(t, f)
}

func TestDeleteAtsFeedback(t *testing.T) {
	c := one(t, exchange{method: http.MethodDelete, path: "/ats/feedbacks/171", status: 200, body: atsFeedbackJSON, check: getNoBody})
	f, err := c.ATS.DeleteFeedback(t.Context(), "171")
	must(t, err)
	checkAtsFeedback(t, f)
}

func TestListAtsMessages(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/ats/messages", status: 200, body: page(onePage(1), atsMessageJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ats_conversation_ids[]": {"111", "112"}, "last_per_conversation": {"true"}})
		},
	})
	all, err := c.ATS.ListMessages(t.Context(), &resources.ListAtsMessagesParams{AtsConversationIDs: []string{"111", "112"}, LastPerConversation: ptr(true)})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d messages, want 1", len(all))
	}
	eq(t, "ID", all[0].ID, "181")
	is(t, "Topic", all[0].Topic, "Next steps")
	null(t, "DeliveredAt", all[0].DeliveredAt)
}

// TestCreateAtsMessage sends a message with one attachment: one form part
// per field, the file as an attachments[] file part.
func TestCreateAtsMessage(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodPost, path: "/ats/messages", status: 201, body: atsMessageJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			parts := readMultipart(t, r, body)
			wantFile(t, parts, "attachments[]", "offer.pdf", "application/pdf", pdf)
			wantFields(t, parts, map[string][]string{"content": {"When can you start?"}, "sent_by_id": {"5150"},
				"sent_by_type": {"user"}, "ats_application_id": {"91"}, "topic": {"Next steps"}, "send_as_corporate_email": {"true"}})
		},
	})
	var file openapi_types.File
	file.InitFromBytes([]byte(pdf), "offer.pdf")
	m, err := c.ATS.CreateMessage(t.Context(), resources.AtsMessageCreate{Content: "When can you start?", SentByID: "5150",
		SentByType: resources.AtsMessageSenderTypeUser, AtsApplicationID: "91", Attachments: []openapi_types.File{file},
		Topic: "Next steps", SendAsCorporateEmail: true})
	must(t, err)
	eq(t, "ID", m.ID, "181")
	is(t, "AtsConversationID", m.AtsConversationID, "111")
	if len(m.Attachments) != 1 || m.Attachments[0]["filename"] != "offer.pdf" {
		t.Errorf("Attachments = %v", m.Attachments)
	}
}

func TestGetAtsMessage(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/ats/messages/181", status: 200, body: atsMessageJSON, check: getNoBody})
	m, err := c.ATS.GetMessage(t.Context(), "181")
	must(t, err)
	eq(t, "ID", m.ID, "181")
	is(t, "SentByType", m.SentByType, "user")
	is(t, "Content", m.Content, "When can you start?")
}
