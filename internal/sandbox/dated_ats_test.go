package sandbox

import (
	"encoding/json"
	"slices"
	"testing"
)

func init() { areaWalks["ats"] = walkAts }

// walkAts is the recruiting part of TestDatedEveryOperationAnswers2xx.
func walkAts(t *testing.T, e *env, ok okFunc) {
	ok("GET", "/ats/job_postings", nil)
	jp := idOf(t, ok("POST", "/ats/job_postings", map[string]any{"title": "Data Engineer", "status": "published",
		"cv_requirement": "mandatory", "cover_letter_requirement": "optional", "phone_requirement": "optional",
		"photo_requirement": "do_not_ask", "personal_url_requirement": "optional", "workplace_type": "hybrid"}))
	ok("GET", "/ats/job_postings/"+jp, nil)
	ok("PUT", "/ats/job_postings/"+jp, map[string]any{"id": jp, "salary_period": "monthly"})
	dup := idOf(t, ok("POST", "/ats/job_postings/duplicate", map[string]any{"id": "1"}))

	ok("GET", "/ats/application_phases", nil)
	ok("GET", "/ats/application_phases/2", nil)
	ok("GET", "/ats/hiring_stages", nil)
	ok("GET", "/ats/hiring_stages/3", nil)
	ok("GET", "/ats/candidate_sources", nil)
	ok("GET", "/ats/candidate_sources/1", nil)
	ok("GET", "/ats/rejection_reasons", nil)
	ok("GET", "/ats/rejection_reasons/1", nil)

	ok("GET", "/ats/questions", nil)
	q := idOf(t, ok("POST", "/ats/questions", map[string]any{"ats_job_posting_id": "1", "company_id": "1", "label": "Notice period?",
		"position": 2, "question_type": "text"}))
	ok("GET", "/ats/questions/"+q, nil)
	ok("PUT", "/ats/questions/"+q, map[string]any{"id": q, "mandatory": true})

	ok("GET", "/ats/candidates", nil)
	cand := idOf(t, ok("POST", "/ats/candidates", map[string]any{"first_name": "Dora", "last_name": "Data", "company_id": "1",
		"email": "dora@candidates.test", "source": "referral"}))
	ok("GET", "/ats/candidates/"+cand, nil)
	ok("PUT", "/ats/candidates/"+cand, map[string]any{"id": cand, "talent_pool": true})

	ok("GET", "/ats/applications", nil)
	app := idOf(t, ok("POST", "/ats/applications", map[string]any{"ats_job_posting_id": "1", "ats_candidate_id": cand,
		"answers": []any{map[string]any{"ats_question_id": q, "value": "One month"}}}))
	ok("GET", "/ats/applications/"+app, nil)
	ok("PUT", "/ats/applications/"+app, map[string]any{"id": app, "qualified": true})
	ok("POST", "/ats/applications/move_to_phase", map[string]any{"id": app, "ats_application_phase_id": "3"})
	applied := idOf(t, ok("POST", "/ats/applications/apply", map[string]any{"ats_job_posting_id": "1", "first_name": "Eve",
		"last_name": "Applicant", "email": "eve@candidates.test"}))

	ok("GET", "/ats/answers", nil)
	ans := idOf(t, ok("POST", "/ats/answers", map[string]any{"ats_question_id": "1", "ats_application_id": applied, "value": "Yes",
		"original_question_label": "Are you open to relocate?", "original_question_type": "single_choice"}))
	ok("GET", "/ats/answers/"+ans, nil)

	ok("GET", "/ats/evaluation_forms", nil)
	ok("GET", "/ats/evaluation_forms/1", nil)
	ok("POST", "/ats/evaluation_forms/save_as_template", map[string]any{"id": "1"})

	ok("GET", "/ats/feedbacks", nil)
	fb := idOf(t, ok("POST", "/ats/feedbacks", map[string]any{"ats_candidate_id": cand, "ats_application_id": app, "rating": 5}))
	ok("GET", "/ats/feedbacks/"+fb, nil)
	ok("PUT", "/ats/feedbacks/"+fb, map[string]any{"description": "Great pairing session"})

	ok("GET", "/ats/messages", nil)
	msg := idOf(t, ok("POST", "/ats/messages", multipartOf(t, map[string][]string{"content": {"When can you start?"},
		"sent_by_id": {"1"}, "sent_by_type": {"user"}, "ats_application_id": {app}, "topic": {"Next steps"},
		"send_as_corporate_email": {"true"}}, "attachments[]", "offer.pdf")))
	ok("GET", "/ats/messages/"+msg, nil)

	ok("DELETE", "/ats/feedbacks/"+fb, nil)
	ok("DELETE", "/ats/applications/"+applied, nil)
	ok("DELETE", "/ats/questions/"+q, nil)
	ok("DELETE", "/ats/candidates/"+cand, nil)
	ok("DELETE", "/ats/job_postings/"+dup, nil)
	_ = e
}

// TestDatedAtsCandidateVisibility: admins and API keys see every
// candidate; a user who is not an admin only the candidates of job
// postings they are a hiring manager of (the manager manages posting 1,
// the basic user none), and any other reads as missing.
func TestDatedAtsCandidateVisibility(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	cand := idOf(t, e.dated("POST", "/ats/candidates", key, map[string]any{"first_name": "Ned", "last_name": "New", "company_id": "1"}).obj(t))
	for _, tc := range []struct {
		token string
		want  []string
	}{
		{key, []string{"1", cand}},
		{tokAdmin, []string{"1", cand}},
		{tokManager, []string{"1"}},
		{tokBasic, []string{}},
	} {
		r := e.dated("GET", "/ats/candidates", tc.token, nil)
		if r.status != 200 {
			t.Fatalf("list as %s: %d %s", tc.token, r.status, r.body)
		}
		if got := idsOf(t, r); !slices.Equal(got, tc.want) {
			t.Errorf("list as %s: ids %v, want %v", tc.token, got, tc.want)
		}
	}
	if r := e.dated("GET", "/ats/candidates/1", tokManager, nil); r.status != 200 || r.obj(t)["full_name"] != "Carla Candidate" {
		t.Errorf("hiring manager GET: %d %s", r.status, r.body)
	}
	for _, tc := range []struct{ token, id string }{{tokBasic, "1"}, {tokManager, cand}} {
		if r := e.dated("GET", "/ats/candidates/"+tc.id, tc.token, nil); r.status != 404 {
			t.Errorf("GET candidate %s as %s: %d %s, want 404", tc.id, tc.token, r.status, r.body)
		}
	}
	if r := e.dated("POST", "/ats/candidates", tokBasic, map[string]any{"first_name": "X", "last_name": "Y", "company_id": "1"}); r.status != 403 {
		t.Errorf("basic user creating a candidate: %d %s, want 403", r.status, r.body)
	}
	if r := e.dated("GET", "/ats/candidates", tokTimeOff, nil); r.status != 403 {
		t.Errorf("token without the recruitment scope: %d %s, want 403", r.status, r.body)
	}
}

// TestDatedAtsSharedRecords: the dated collections are v1's records: the
// seeded application shows its conversation and CV under the dated names,
// a candidate lists the postings applied to, and a message sent on the
// dated API is in v1's conversation.
func TestDatedAtsSharedRecords(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	app := e.dated("GET", "/ats/applications/1", key, nil).obj(t)
	if app["ats_conversation_id"] != "1" || app["company_id"] != "1" || app["source_id"] != "1" || app["ats_application_phase_id"] != "1" {
		t.Errorf("application 1: %v", app)
	}
	cand := e.dated("GET", "/ats/candidates/1", key, nil).obj(t)
	if ids, _ := cand["ats_job_posting_ids"].([]any); len(ids) != 1 || ids[0] != "1" {
		t.Errorf("candidate 1 postings: %v", cand["ats_job_posting_ids"])
	}
	jp := e.dated("GET", "/ats/job_postings/1", key, nil).obj(t)
	if jp["title"] != "Backend Engineer" || jp["created_at"] == nil || jp["hiring_manager_ids"] != nil {
		t.Errorf("job posting 1: %v", jp)
	}
	r := e.dated("POST", "/ats/messages", key, multipartOf(t, map[string][]string{"content": {"Hello"}, "sent_by_id": {"1"},
		"sent_by_type": {"candidate"}, "ats_application_id": {"1"}, "topic": {"Question"}, "send_as_corporate_email": {"false"}}, "", ""))
	if r.status != 201 {
		t.Fatalf("message: %d %s", r.status, r.body)
	}
	msg := r.obj(t)
	if msg["ats_conversation_id"] != "1" || msg["sent_by_type"] != "candidate" || msg["sent_by_id"] != "1" {
		t.Errorf("message: %v", msg)
	}
	if atts, _ := msg["attachments"].([]any); atts == nil || len(atts) != 0 {
		t.Errorf("attachments of a message without files: %v", msg["attachments"])
	}
	v1 := e.s.tbl(ResAtsMessages).recs[intOr(numericOr(t, idOf(t, msg)))]
	if v1["job_application_id"] != 1 || v1["conversation_id"] != 1 {
		t.Errorf("v1 record of the message: %v", v1)
	}
	if r := e.dated("POST", "/ats/messages", key, multipartOf(t, map[string][]string{"content": {"Hi"}, "sent_by_id": {"1"},
		"sent_by_type": {"user"}, "ats_application_id": {"999"}, "topic": {"x"}, "send_as_corporate_email": {"false"}}, "", "")); r.status != 422 {
		t.Errorf("message to a missing application: %d %s, want 422", r.status, r.body)
	}
	last := e.dated("GET", "/ats/messages?last_per_conversation=true", key, nil)
	if got := idsOf(t, last); !slices.Equal(got, []string{idOf(t, msg)}) {
		t.Errorf("last per conversation: %v", got)
	}
}

// numericOr parses a dated id for a look into the store.
func numericOr(t *testing.T, id string) int {
	t.Helper()
	n, ok := numericID(id)
	if !ok {
		t.Fatalf("id %q is not numeric", id)
	}
	return n
}

// TestDatedAtsApplications: an application starts in its posting's first
// phase and moves only to a phase of its own posting; apply finds the
// candidate by email or creates one, and refuses postings not taking
// applications; answers name questions of the posting.
func TestDatedAtsApplications(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	r := e.dated("POST", "/ats/applications/apply", key, map[string]any{"ats_job_posting_id": "1", "first_name": "Carla",
		"last_name": "Candidate", "email": "CARLA@candidates.test", "answers": []any{map[string]any{"ats_question_id": "1", "value": "No"}}})
	if r.status != 200 {
		t.Fatalf("apply: %d %s", r.status, r.body)
	}
	app := r.obj(t)
	if app["ats_candidate_id"] != "1" || app["ats_application_phase_id"] != "1" || app["qualified"] != true {
		t.Errorf("apply of a known email: %v", app)
	}
	ans := e.dated("GET", "/ats/answers?ats_application_ids[]="+idOf(t, app), key, nil)
	if data, _ := ans.page(t); len(data) != 1 || data[0]["value"] != "No" || data[0]["original_question_type"] != "single_choice" {
		t.Errorf("answers of the application: %s", ans.body)
	}
	r = e.dated("POST", "/ats/applications/apply", key, map[string]any{"ats_job_posting_id": "1", "first_name": "Finn",
		"last_name": "Fresh", "email": "finn@candidates.test", "consent_to_talent_pool": true})
	fresh := r.obj(t)
	if r.status != 200 || fresh["ats_candidate_id"] == "1" {
		t.Fatalf("apply of a new email: %d %s", r.status, r.body)
	}
	cand := e.dated("GET", "/ats/candidates/"+fresh["ats_candidate_id"].(string), key, nil).obj(t)
	if cand["email"] != "finn@candidates.test" || cand["talent_pool"] != true {
		t.Errorf("candidate created by apply: %v", cand)
	}

	draft := idOf(t, e.dated("POST", "/ats/job_postings", key, map[string]any{"title": "Later", "status": "draft",
		"cv_requirement": "optional", "cover_letter_requirement": "optional", "phone_requirement": "optional",
		"photo_requirement": "optional", "personal_url_requirement": "optional"}).obj(t))
	for _, tc := range []struct {
		name string
		body map[string]any
	}{
		{"draft posting", map[string]any{"ats_job_posting_id": draft, "first_name": "A", "last_name": "B", "email": "a@b.test"}},
		{"missing posting", map[string]any{"ats_job_posting_id": "999", "first_name": "A", "last_name": "B", "email": "a@b.test"}},
		{"question of another posting", map[string]any{"ats_job_posting_id": "1", "first_name": "A", "last_name": "B", "email": "a@b.test",
			"answers": []any{map[string]any{"ats_question_id": "999", "value": "x"}}}},
	} {
		if r := e.dated("POST", "/ats/applications/apply", key, tc.body); r.status != 422 {
			t.Errorf("apply, %s: %d %s, want 422", tc.name, r.status, r.body)
		}
	}
	e.strict = false // the body breaks the schema on purpose
	if r := e.dated("POST", "/ats/applications/apply", key, map[string]any{"ats_job_posting_id": "1", "first_name": "A"}); r.status != 422 {
		t.Errorf("apply without last name and email: %d %s, want 422", r.status, r.body)
	}
	e.strict = true

	id := idOf(t, fresh)
	r = e.dated("POST", "/ats/applications/move_to_phase", key, map[string]any{"id": id, "ats_application_phase_id": "4"})
	if r.status != 200 || r.obj(t)["ats_application_phase_id"] != "4" {
		t.Errorf("move to the offer phase: %d %s", r.status, r.body)
	}
	phase := e.dated("GET", "/ats/application_phases/4", key, nil).obj(t)
	if phase["applications_count"] != float64(1) || phase["active_applications_count"] != float64(1) {
		t.Errorf("offer phase counts: %v", phase)
	}
	// The copy of posting 1 has phases of its own, which posting 1's
	// applications may not enter.
	dup := idOf(t, e.dated("POST", "/ats/job_postings/duplicate", key, map[string]any{"id": "1"}).obj(t))
	phases := idsOf(t, e.dated("GET", "/ats/application_phases?ats_job_posting_ids[]="+dup, key, nil))
	if len(phases) != 5 {
		t.Fatalf("phases of the copy: %v", phases)
	}
	for _, tc := range []struct{ id, phase string }{{id, phases[1]}, {id, "999"}} {
		if r := e.dated("POST", "/ats/applications/move_to_phase", key, map[string]any{"id": tc.id, "ats_application_phase_id": tc.phase}); r.status != 422 {
			t.Errorf("move to phase %s: %d %s, want 422", tc.phase, r.status, r.body)
		}
	}
	if r := e.dated("POST", "/ats/applications/move_to_phase", key, map[string]any{"id": "999", "ats_application_phase_id": "2"}); r.status != 404 {
		t.Errorf("move of a missing application: %d %s, want 404", r.status, r.body)
	}
	if r := e.dated("POST", "/ats/applications", key, map[string]any{"ats_job_posting_id": "1", "ats_candidate_id": "999"}); r.status != 422 {
		t.Errorf("application of a missing candidate: %d %s, want 422", r.status, r.body)
	}
	if r := e.dated("PUT", "/ats/applications/"+id, key, map[string]any{"id": id, "ats_rejection_reason_id": "999"}); r.status != 422 {
		t.Errorf("unknown rejection reason: %d %s, want 422", r.status, r.body)
	}
	r = e.dated("PUT", "/ats/applications/"+id, key, map[string]any{"id": id, "qualified": false, "ats_rejection_reason_id": "2"})
	if r.status != 200 {
		t.Fatalf("reject: %d %s", r.status, r.body)
	}
	if got := idsOf(t, e.dated("GET", "/ats/rejection_reasons?ats_application_ids[]="+id, key, nil)); !slices.Equal(got, []string{"2"}) {
		t.Errorf("reasons of the rejected application: %v", got)
	}
	if got := idsOf(t, e.dated("GET", "/ats/applications?qualified=false", key, nil)); !slices.Equal(got, []string{id}) {
		t.Errorf("disqualified applications: %v", got)
	}
	if got := idsOf(t, e.dated("GET", "/ats/applications?search=FINN", key, nil)); !slices.Equal(got, []string{id}) {
		t.Errorf("search: %v", got)
	}
	if got := idsOf(t, e.dated("GET", "/ats/applications?ats_tags_ids[]=1", key, nil)); len(got) != 0 {
		t.Errorf("tags select nothing: %v", got)
	}
}

// TestDatedAtsFeedbackAndForms: ratings are 1 to 5 and feedback names the
// candidate's own application; save_as_template makes a template based on
// the form; the candidate filters read postings and ratings.
func TestDatedAtsFeedbackAndForms(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	for _, body := range []map[string]any{
		{"ats_candidate_id": "1", "rating": 6},
		{"ats_candidate_id": "1", "rating": 0},
		{"ats_candidate_id": "999", "rating": 3},
		{"ats_candidate_id": "1", "ats_application_id": "999"},
	} {
		if r := e.dated("POST", "/ats/feedbacks", key, body); r.status != 422 {
			t.Errorf("feedback %v: %d %s, want 422", body, r.status, r.body)
		}
	}
	if r := e.dated("PUT", "/ats/feedbacks/1", key, map[string]any{"rating": 9}); r.status != 422 {
		t.Errorf("feedback update to 9: %d %s, want 422", r.status, r.body)
	}
	if r := e.dated("PUT", "/ats/feedbacks/1", key, map[string]any{"id": "2", "rating": 3}); r.status != 422 {
		t.Errorf("feedback update naming another id: %d %s, want 422", r.status, r.body)
	}
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/ats/candidates?minimum_average_rating=4", []string{"1"}},
		{"/ats/candidates?minimum_average_rating=4.5", []string{}},
		{"/ats/candidates?job_posting_ids[]=1", []string{"1"}},
		{"/ats/candidates?team_ids[]=1&remote=true", []string{"1"}},
		{"/ats/candidates?remote=false", []string{}},
		{"/ats/candidates?source[]=LinkedIn", []string{"1"}},
		{"/ats/candidates?archived=true", []string{}},
		{"/ats/candidates?emails[]=carla@candidates.test", []string{"1"}},
		{"/ats/hiring_stages?ats_application_phase_id=4", []string{"5"}},
		{"/ats/evaluation_forms?template=true", []string{"2"}},
		{"/ats/evaluation_forms?template=false", []string{"1"}},
		{"/ats/questions?ats_job_posting_ids[]=1", []string{"1"}},
	} {
		r := e.dated("GET", tc.path, key, nil)
		if r.status != 200 {
			t.Fatalf("%s: %d %s", tc.path, r.status, r.body)
		}
		if got := idsOf(t, r); !slices.Equal(got, tc.want) {
			t.Errorf("%s: ids %v, want %v", tc.path, got, tc.want)
		}
	}
	r := e.dated("POST", "/ats/evaluation_forms/save_as_template", key, map[string]any{"id": "1"})
	tmpl := r.obj(t)
	if r.status != 200 || tmpl["based_on_id"] != "1" || tmpl["ats_job_posting_id"] != nil || tmpl["name"] != "Technical interview" {
		t.Fatalf("save as template: %d %s", r.status, r.body)
	}
	if got := idsOf(t, e.dated("GET", "/ats/evaluation_forms?template=true", key, nil)); !slices.Equal(got, []string{"2", idOf(t, tmpl)}) {
		t.Errorf("templates after saving one: %v", got)
	}
	if r := e.dated("POST", "/ats/evaluation_forms/save_as_template", key, map[string]any{"id": "999"}); r.status != 404 {
		t.Errorf("save a missing form: %d %s, want 404", r.status, r.body)
	}
	if r := e.dated("POST", "/ats/questions", key, map[string]any{"ats_job_posting_id": "999", "company_id": "1", "label": "?",
		"position": 1, "question_type": "text"}); r.status != 422 {
		t.Errorf("question of a missing posting: %d %s, want 422", r.status, r.body)
	}
	if r := e.dated("POST", "/ats/answers", key, map[string]any{"ats_question_id": "1", "ats_application_id": "999", "value": "x",
		"original_question_label": "?", "original_question_type": "text"}); r.status != 422 {
		t.Errorf("answer of a missing application: %d %s, want 422", r.status, r.body)
	}
	r = e.dated("POST", "/ats/job_postings", key, map[string]any{"title": "Remote SRE", "status": "published", "workplace_type": "remote",
		"cv_requirement": "optional", "cover_letter_requirement": "optional", "phone_requirement": "optional",
		"photo_requirement": "optional", "personal_url_requirement": "optional"})
	if jp := r.obj(t); r.status != 201 || jp["remote"] != true || jp["published_at"] == nil || jp["company_id"] != "1" {
		t.Errorf("published remote posting: %d %s", r.status, r.body)
	}
}

// TestDatedAtsWebhooks: apply raises ats/application/apply with the
// application as answered, duplicate raises ats/job_posting/duplicate,
// and moving to a phase raises nothing (Factorial lists no such event).
func TestDatedAtsWebhooks(t *testing.T) {
	e := newEnv(t)
	t.Cleanup(e.s.Close)
	applies, duplicates, updates := newReceiver(t), newReceiver(t), newReceiver(t)
	e.subscribe("ats/application/apply", applies.srv.URL, "", true)
	e.subscribe("ats/job_posting/duplicate", duplicates.srv.URL, "", true)
	e.subscribe("ats/application/update", updates.srv.URL, "", true)
	key := "key:" + tokKey
	r := e.dated("POST", "/ats/applications/apply", key, map[string]any{"ats_job_posting_id": "1", "first_name": "Hana",
		"last_name": "Hook", "email": "hana@candidates.test"})
	if r.status != 200 {
		t.Fatalf("apply: %d %s", r.status, r.body)
	}
	app := idOf(t, r.obj(t))
	if r := e.dated("POST", "/ats/job_postings/duplicate", key, map[string]any{"id": "1"}); r.status != 200 {
		t.Fatalf("duplicate: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/ats/applications/move_to_phase", key, map[string]any{"id": app, "ats_application_phase_id": "2"}); r.status != 200 {
		t.Fatalf("move: %d %s", r.status, r.body)
	}
	e.waitWebhooks()
	if applies.count() != 1 || duplicates.count() != 1 || updates.count() != 0 {
		t.Fatalf("deliveries: apply %d, duplicate %d, update %d; want 1, 1, 0", applies.count(), duplicates.count(), updates.count())
	}
	_, body := applies.at(0)
	var payload map[string]any
	if err := json.Unmarshal(body, &payload); err != nil || payload["id"] != app || payload["ats_job_posting_id"] != "1" {
		t.Errorf("apply payload: %s (%v)", body, err)
	}
	_, body = duplicates.at(0)
	payload = nil
	if err := json.Unmarshal(body, &payload); err != nil || payload["title"] != "Backend Engineer Copy" || payload["status"] != "draft" {
		t.Errorf("duplicate payload: %s (%v)", body, err)
	}
}
