package sandbox

// Dated API: recruiting (ats). Job postings, candidates, applications and
// messages are v1's records (one company for both APIs); the rest
// (application phases, hiring stages, candidate sources, rejection
// reasons, evaluation forms, feedback, screening questions and their
// answers) are tables of the dated API alone.
//
// What Factorial documents and the sandbox follows: a user who is not an
// admin sees only the candidates who applied to a job posting they are a
// hiring manager of (job postings keep their hiring managers in
// hiring_manager_ids, a field no response shows); an application moves
// only to a phase of its own job posting; a feedback rating is 1 to 5.
// Where Factorial says nothing, the choices are written at each rule.

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// Tables of the dated recruiting API that hand-written code names.
const (
	ResAtsApplicationPhases = "ats_application_phases"
	ResAtsHiringStages      = "ats_hiring_stages"
	ResAtsCandidateSources  = "ats_candidate_sources"
	ResAtsRejectionReasons  = "ats_rejection_reasons"
	ResAtsEvaluationForms   = "ats_evaluation_forms"
	ResAtsFeedbacks         = "ats_feedbacks"
	ResAtsQuestions         = "ats_questions"
	ResAtsAnswers           = "ats_answers"
)

// hiringManagers is the internal field of a job posting listing the
// employees who manage its hiring; no response declares it.
const hiringManagers = "hiring_manager_ids"

// evaluationTemplate is the internal field marking an evaluation form as
// a template; the list's template filter reads it.
const evaluationTemplate = "template"

// candidateVisible reports whether the caller may see a candidate: admins,
// API keys and company tokens see every one, anyone else the candidates
// with an application to a job posting they are a hiring manager of. The
// caller holds the lock.
func (c *call) candidateVisible(cand map[string]any) bool {
	if c.p.privileged() {
		return true
	}
	if c.p.EmployeeID == 0 {
		return false
	}
	id := intOr(cand["id"])
	postings := c.s.tbl(ResJobPostings)
	visible := false
	c.s.tbl(ResApplications).each(func(app map[string]any) bool {
		if intOr(app["ats_candidate_id"]) != id {
			return true
		}
		if p := postings.recs[intOr(app["ats_job_posting_id"])]; p != nil && slices.Contains(intSlice(p[hiringManagers]), c.p.EmployeeID) {
			visible = true
			return false
		}
		return true
	})
	return visible
}

// getCandidate answers GET of a candidate the caller may see; any other
// reads as missing (404), as a record outside the caller's reach does
// elsewhere.
func (c *call) getCandidate() {
	c.onRecord(readLock, byID(ResCandidates), func(rec map[string]any) *apiError {
		if !c.candidateVisible(rec) {
			return notFound(c.path["id"])
		}
		c.respond(rec)
		return nil
	})
}

// viewAtsCandidate: the job postings applied to, the source as a candidate
// source id when its name is one, and the talent pool flag never null.
func viewAtsCandidate(c *call, v map[string]any) {
	setDefault(v, "company_id", demoCompanyID)
	setDefault(v, "talent_pool", false)
	id := intOr(v["id"])
	postings := []int{}
	c.s.tbl(ResApplications).each(func(app map[string]any) bool {
		if intOr(app["ats_candidate_id"]) == id {
			if p, ok := toInt(app["ats_job_posting_id"]); ok && !slices.Contains(postings, p) {
				postings = append(postings, p)
			}
		}
		return true
	})
	v["ats_job_posting_ids"] = anySlice(postings)
	if v["source_id"] == nil {
		v["source_id"] = c.candidateSourceID(v["source"])
	}
}

// candidateSourceID is the id of the candidate source named name (its
// name or label, case-insensitively), nil when none is. The caller holds
// the lock.
func (c *call) candidateSourceID(name any) any {
	s, _ := name.(string)
	if s == "" {
		return nil
	}
	var out any
	c.s.tbl(ResAtsCandidateSources).each(func(src map[string]any) bool {
		if strings.EqualFold(fmtVal(src["name"]), s) || strings.EqualFold(fmtVal(src["label"]), s) {
			out = src["id"]
			return false
		}
		return true
	})
	return out
}

// viewAtsApplication: the conversation under its dated name, the source
// as a candidate source id, and v1's CV object ({file, size, ...}) under
// the names Factorial's dated document gives (url, byte_size).
func viewAtsApplication(c *call, v map[string]any) {
	setDefault(v, "company_id", demoCompanyID)
	setDefault(v, "ats_conversation_id", v["conversation_id"])
	if v["source_id"] == nil {
		v["source_id"] = c.candidateSourceID(v["source"])
	}
	if cv, ok := v["cv"].(map[string]any); ok {
		v["cv"] = map[string]any{"filename": cv["filename"], "url": cv["file"], "byte_size": cv["size"],
			"content_type": cv["content_type"], "created_at": cv["created_at"]}
	}
}

// viewAtsJobPosting: v1 records keep their creation time in
// creation_date; a posting that asks nothing about a personal URL does
// not ask for one.
func viewAtsJobPosting(c *call, v map[string]any) {
	setDefault(v, "company_id", demoCompanyID)
	setDefault(v, "created_at", v["creation_date"])
	setDefault(v, "personal_url_requirement", "do_not_ask")
}

// viewAtsMessage: the conversation under its dated name; v1's messages
// were created when sent.
func viewAtsMessage(c *call, v map[string]any) {
	setDefault(v, "ats_conversation_id", v["conversation_id"])
	setDefault(v, "created_at", v["sent_at"])
	setDefault(v, "attachments", []any{})
}

// viewAtsApplicationPhase: the applications in the phase, and those of
// them still qualified (active).
func viewAtsApplicationPhase(c *call, v map[string]any) {
	id := intOr(v["id"])
	all, active := 0, 0
	c.s.tbl(ResApplications).each(func(app map[string]any) bool {
		if intOr(app["ats_application_phase_id"]) == id {
			all++
			if app["qualified"] != false {
				active++
			}
		}
		return true
	})
	v["applications_count"], v["active_applications_count"] = all, active
}

// prepareDatedAtsJobPosting: the remote flag follows the workplace type
// when one is sent.
func prepareDatedAtsJobPosting(c *call, rec, old map[string]any) *apiError {
	if w, ok := c.in["workplace_type"].(string); ok {
		rec["remote"] = w == "remote"
	}
	if rec["status"] == "published" && rec["published_at"] == nil {
		rec["published_at"] = c.pj.now
	}
	return nil
}

// prepareDatedAtsApplication checks what an application names: its job
// posting and candidate must exist, a phase must be one of the posting's
// and a rejection reason must exist (422 otherwise). A new application
// starts qualified, in the posting's first phase unless it names one, with
// a conversation of its own; v1's copies of the posting's and candidate's
// names follow.
func prepareDatedAtsApplication(c *call, rec, old map[string]any) *apiError {
	posting := c.s.tbl(ResJobPostings).recs[intOr(rec["ats_job_posting_id"])]
	if posting == nil {
		return invalid("ats_job_posting_id", "The job posting does not exist")
	}
	if rec["ats_candidate_id"] != nil {
		cand := c.s.tbl(ResCandidates).recs[intOr(rec["ats_candidate_id"])]
		if cand == nil {
			return invalid("ats_candidate_id", "The candidate does not exist")
		}
		rec["first_name"], rec["last_name"], rec["full_name"], rec["email"] = cand["first_name"], cand["last_name"], cand["full_name"], cand["email"]
	}
	if rec["ats_rejection_reason_id"] != nil && c.s.tbl(ResAtsRejectionReasons).recs[intOr(rec["ats_rejection_reason_id"])] == nil {
		return invalid("ats_rejection_reason_id", "The rejection reason does not exist")
	}
	if old == nil {
		setDefault(rec, "qualified", true)
		rec["conversation_id"] = rec["id"]
		if rec["ats_application_phase_id"] == nil {
			if ph := c.firstPhase(intOr(posting["id"])); ph != nil {
				rec["ats_application_phase_id"] = ph["id"]
			}
		}
	}
	if rec["ats_application_phase_id"] != nil {
		ph := c.s.tbl(ResAtsApplicationPhases).recs[intOr(rec["ats_application_phase_id"])]
		if ph == nil || intOr(ph["ats_job_posting_id"]) != intOr(posting["id"]) {
			return invalid("ats_application_phase_id", "The phase is not one of the job posting's")
		}
		rec["ats_application_phase_name"], rec["ats_application_phase_type"] = ph["name"], ph["phase_type"]
	}
	rec["ats_job_posting_title"] = posting["title"]
	if old == nil {
		// Last, so that a refused application leaves no answers behind.
		return c.storeAnswers(rec, posting)
	}
	return nil
}

// firstPhase is the phase of lowest position of a job posting's pipeline,
// nil when it has none. The caller holds the lock.
func (c *call) firstPhase(posting int) map[string]any {
	var first map[string]any
	c.s.tbl(ResAtsApplicationPhases).each(func(ph map[string]any) bool {
		if intOr(ph["ats_job_posting_id"]) == posting && (first == nil || intOr(ph["position"]) < intOr(first["position"])) {
			first = ph
		}
		return true
	})
	return first
}

// storeAnswers records the answers a new application carries, each naming
// one of its job posting's questions (ats_question_id) and a value, as
// answer records (ListAtsAnswers) and in v1's answers list. Factorial
// leaves the items untyped; v1 took these two members. The caller holds
// the write lock.
func (c *call) storeAnswers(app, posting map[string]any) *apiError {
	items, _ := app["answers"].([]any)
	var answers []map[string]any
	for _, it := range items {
		m, _ := it.(map[string]any)
		qid, _ := numericID(fmtVal(m["ats_question_id"]))
		q := c.s.tbl(ResAtsQuestions).recs[qid]
		if q == nil || intOr(q["ats_job_posting_id"]) != intOr(posting["id"]) {
			return invalid("answers", "names a question that is not one of the job posting's: "+fmtVal(m["ats_question_id"]))
		}
		answers = append(answers, map[string]any{"ats_question_id": qid, "ats_application_id": app["id"],
			"value": stringOrNil(m["value"]), "original_question_label": q["label"], "original_question_type": q["question_type"]})
	}
	v1 := []any{}
	t := c.s.store(ResAtsAnswers)
	for _, a := range answers {
		// Stored directly: the application they belong to is being
		// stored, so the answers' own check (prepareDatedAtsAnswer) would
		// not find it yet.
		a["id"], a["created_at"], a["updated_at"] = t.next, c.pj.now, c.pj.now
		t.insert(a)
		v1 = append(v1, map[string]any{"id": a["id"], "ats_question_id": a["ats_question_id"], "ats_application_id": a["ats_application_id"], "value": a["value"]})
	}
	app["answers"] = v1
	return nil
}

// stringOrNil is the text of a scalar answer value, nil for none.
func stringOrNil(v any) any {
	if v == nil {
		return nil
	}
	return fmtVal(v)
}

// prepareDatedAtsMessage: the message joins the conversation of the
// application it names (422 when there is none), which v1 knows as
// job_application_id; the attachment uploaded (the sandbox keeps the
// first file part) becomes the list of attachments.
func prepareDatedAtsMessage(c *call, rec, old map[string]any) *apiError {
	app := c.s.tbl(ResApplications).recs[intOr(rec["ats_application_id"])]
	if app == nil {
		return invalid("ats_application_id", "The application does not exist")
	}
	rec["job_application_id"], rec["conversation_id"] = app["id"], app["conversation_id"]
	switch a := rec["attachments"].(type) {
	case map[string]any:
		rec["attachments"] = []any{a}
	case []any:
	default:
		rec["attachments"] = []any{}
	}
	if old == nil && rec["delayed_until"] == nil {
		rec["sent_at"] = c.pj.now
	}
	return nil
}

// prepareDatedAtsFeedback: the candidate must exist, an application must
// be the candidate's and a phase one of its job posting's (422); the
// rating is 1 to 5, as Factorial documents.
func prepareDatedAtsFeedback(c *call, rec, old map[string]any) *apiError {
	if r, ok := toInt(rec["rating"]); rec["rating"] != nil && (!ok || r < 1 || r > 5) {
		return invalid("rating", "must be between 1 and 5")
	}
	cand := intOr(rec["ats_candidate_id"])
	if c.s.tbl(ResCandidates).recs[cand] == nil {
		return invalid("ats_candidate_id", "The candidate does not exist")
	}
	var app map[string]any
	if rec["ats_application_id"] != nil {
		app = c.s.tbl(ResApplications).recs[intOr(rec["ats_application_id"])]
		if app == nil || intOr(app["ats_candidate_id"]) != cand {
			return invalid("ats_application_id", "The application is not one of the candidate's")
		}
	}
	if rec["ats_application_phase_id"] != nil {
		ph := c.s.tbl(ResAtsApplicationPhases).recs[intOr(rec["ats_application_phase_id"])]
		if ph == nil || (app != nil && intOr(ph["ats_job_posting_id"]) != intOr(app["ats_job_posting_id"])) {
			return invalid("ats_application_phase_id", "The phase is not one of the application's job posting")
		}
	}
	if old == nil {
		setDefault(rec, "evaluation_form_answers", []any{})
	}
	return nil
}

// prepareDatedAtsQuestion: a question belongs to an existing job posting
// (422 otherwise); flags not sent are false.
func prepareDatedAtsQuestion(c *call, rec, old map[string]any) *apiError {
	if c.s.tbl(ResJobPostings).recs[intOr(rec["ats_job_posting_id"])] == nil {
		return invalid("ats_job_posting_id", "The job posting does not exist")
	}
	setDefault(rec, "mandatory", false)
	setDefault(rec, "auto_disqualify", false)
	setDefault(rec, "options", []any{})
	return nil
}

// prepareDatedAtsAnswer: the application and the question must exist
// (422), and the question must be one of the application's job posting.
func prepareDatedAtsAnswer(c *call, rec, old map[string]any) *apiError {
	app := c.s.tbl(ResApplications).recs[intOr(rec["ats_application_id"])]
	if app == nil {
		return invalid("ats_application_id", "The application does not exist")
	}
	q := c.s.tbl(ResAtsQuestions).recs[intOr(rec["ats_question_id"])]
	if q == nil || intOr(q["ats_job_posting_id"]) != intOr(app["ats_job_posting_id"]) {
		return invalid("ats_question_id", "The question is not one of the application's job posting")
	}
	return nil
}

// applyToJobPosting answers SubmitAtsApplication: the careers-page
// application. The job posting must exist and take applications
// (published or unlisted; 422 otherwise, the sandbox's reading of a
// posting that is not open). The candidate is the one with the email
// given (case-insensitively), else a new one; the application starts in
// the posting's first phase.
func (c *call) applyToJobPosting() {
	c.locked(writeLock, func() *apiError {
		posting := c.s.tbl(ResJobPostings).recs[intOr(c.in["ats_job_posting_id"])]
		if posting == nil {
			return invalid("ats_job_posting_id", "The job posting does not exist")
		}
		if st := fmtVal(posting["status"]); st != "published" && st != "unlisted" {
			return invalid("ats_job_posting_id", "The job posting is not accepting applications")
		}
		email := strings.TrimSpace(fmtVal(c.in["email"]))
		var cand map[string]any
		c.s.tbl(ResCandidates).each(func(rec map[string]any) bool {
			if strings.EqualFold(fmtVal(rec["email"]), email) {
				cand = rec
				return false
			}
			return true
		})
		consent, _ := c.in["consent_to_talent_pool"].(bool)
		if cand == nil {
			cand = map[string]any{"first_name": c.in["first_name"], "last_name": c.in["last_name"], "email": email,
				"phone_number": c.in["phone"], "gender": c.in["gender"], "source": c.in["source"], "medium": c.in["medium"],
				"consent_to_talent_pool": consent, "talent_pool": consent}
			if aerr := c.insert(ResCandidates, cand); aerr != nil {
				return aerr
			}
		}
		app := map[string]any{"ats_job_posting_id": posting["id"], "ats_candidate_id": cand["id"], "phone": c.in["phone"],
			"cover_letter": c.in["cover_letter"], "source": c.in["source"], "medium": c.in["medium"],
			"consent_to_talent_pool": consent, "answers": c.in["answers"]}
		return c.save(ResApplications, app, nil)
	})
}

// moveApplicationToPhase answers MoveAtsApplicationToPhase: the phase must
// be one of the application's job posting (422, as Factorial documents).
func (c *call) moveApplicationToPhase() {
	c.edit(ResApplications, func(rec map[string]any) *apiError {
		ph := c.s.tbl(ResAtsApplicationPhases).recs[intOr(c.in["ats_application_phase_id"])]
		if ph == nil || intOr(ph["ats_job_posting_id"]) != intOr(rec["ats_job_posting_id"]) {
			return invalid("ats_application_phase_id", "The phase is not one of the application's job posting")
		}
		rec["ats_application_phase_id"] = ph["id"]
		return nil
	})
}

// duplicateDatedPosting answers DuplicateAtsJobPosting: v1's copy (the
// title followed by " Copy", a draft, never published), with the
// pipeline's phases and the screening questions copied too, since a
// posting without phases could not take applications the same way.
func (c *call) duplicateDatedPosting() {
	c.onRecord(writeLock, byID(ResJobPostings), func(src map[string]any) *apiError {
		rec := clone(src)
		delete(rec, "id")
		rec["title"] = fmtVal(src["title"]) + " Copy"
		rec["status"], rec["published_at"], rec["candidate_count"] = "draft", nil, 0
		if aerr := c.save(ResJobPostings, rec, nil); aerr != nil {
			return aerr
		}
		for _, res := range []string{ResAtsApplicationPhases, ResAtsQuestions} {
			var copies []map[string]any
			c.s.tbl(res).each(func(r map[string]any) bool {
				if intOr(r["ats_job_posting_id"]) == intOr(src["id"]) {
					cp := clone(r)
					delete(cp, "id")
					cp["ats_job_posting_id"] = rec["id"]
					copies = append(copies, cp)
				}
				return true
			})
			for _, cp := range copies {
				if aerr := c.insert(res, cp); aerr != nil {
					return aerr
				}
			}
		}
		return nil
	})
}

// saveEvaluationFormAsTemplate answers SaveAtsEvaluationFormAsTemplate: a
// copy of the form, tied to no job posting, marked as a template and
// based on the original.
func (c *call) saveEvaluationFormAsTemplate() {
	c.duplicate(ResAtsEvaluationForms, func(src, rec map[string]any) {
		rec["ats_job_posting_id"], rec["based_on_id"], rec[evaluationTemplate] = nil, src["id"], true
	})
}

// atsCandidateFilter applies the candidates list's parameters that are not
// fields of a candidate: the caller's visibility, and the job postings,
// teams, locations and remoteness of the postings applied to, the source's
// name, the average feedback rating, activity and archival (the sandbox
// archives no candidate, so archived=true selects none).
func atsCandidateFilter(c *call, q url.Values) func(v map[string]any) bool {
	postings := queryIDs(q, "job_posting_ids[]")
	teams := queryIDs(q, "team_ids[]")
	locations := queryIDs(q, "location_ids[]")
	sources := q["source[]"]
	remote, byRemote := queryBool(q, "remote")
	active, byActive := queryBool(q, "active")
	archived, byArchived := queryBool(q, "archived")
	minRating, rateErr := strconv.ParseFloat(q.Get("minimum_average_rating"), 64)
	byRating := q.Has("minimum_average_rating") && rateErr == nil
	return func(v map[string]any) bool {
		if !c.candidateVisible(v) {
			return false
		}
		applied := intSlice(v["ats_job_posting_ids"])
		if len(postings) > 0 && !slices.ContainsFunc(applied, func(id int) bool { return slices.Contains(postings, id) }) {
			return false
		}
		if len(teams) > 0 || len(locations) > 0 || byRemote {
			if !slices.ContainsFunc(applied, func(id int) bool {
				p := c.s.tbl(ResJobPostings).recs[id]
				return p != nil && (len(teams) == 0 || slices.Contains(teams, intOr(p["team_id"]))) &&
					(len(locations) == 0 || slices.Contains(locations, intOr(p["location_id"]))) &&
					(!byRemote || (p["remote"] == true) == remote)
			}) {
				return false
			}
		}
		if len(sources) > 0 && !slices.ContainsFunc(sources, func(s string) bool { return strings.EqualFold(s, fmtVal(v["source"])) }) {
			return false
		}
		if byActive && (v["inactive_since"] == nil) != active {
			return false
		}
		if byArchived && archived {
			return false
		}
		if byRating {
			avg, ok := c.candidateRating(intOr(v["id"]))
			return ok && avg >= minRating
		}
		return true
	}
}

// candidateRating is the average of a candidate's feedback ratings; false
// when none is rated. The caller holds the lock.
func (c *call) candidateRating(cand int) (float64, bool) {
	sum, n := 0, 0
	c.s.tbl(ResAtsFeedbacks).each(func(f map[string]any) bool {
		if r, ok := toInt(f["rating"]); ok && intOr(f["ats_candidate_id"]) == cand {
			sum, n = sum+r, n+1
		}
		return true
	})
	if n == 0 {
		return 0, false
	}
	return float64(sum) / float64(n), true
}

// atsApplicationFilter: search matches the candidate's name or email and
// the posting's title, case-insensitively (what Factorial searches is not
// documented); no application carries tags in the sandbox, so
// ats_tags_ids[] selects none.
func atsApplicationFilter(c *call, q url.Values) func(v map[string]any) bool {
	search := strings.ToLower(strings.TrimSpace(q.Get("search")))
	tags := len(q["ats_tags_ids[]"]) > 0
	return func(v map[string]any) bool {
		if tags {
			return false
		}
		if search == "" {
			return true
		}
		for _, f := range []string{"full_name", "email", "ats_job_posting_title"} {
			if strings.Contains(strings.ToLower(fmtVal(v[f])), search) {
				return true
			}
		}
		return false
	}
}

// atsMessageFilter: last_per_conversation keeps the message of highest id
// of each conversation.
func atsMessageFilter(c *call, q url.Values) func(v map[string]any) bool {
	last, set := queryBool(q, "last_per_conversation")
	if !set || !last {
		return nil
	}
	latest := map[int]int{}
	c.s.tbl(ResAtsMessages).each(func(m map[string]any) bool {
		conv := intOr(m["conversation_id"])
		latest[conv] = max(latest[conv], intOr(m["id"]))
		return true
	})
	return func(v map[string]any) bool { return latest[intOr(v["conversation_id"])] == intOr(v["id"]) }
}

// atsHiringStageFilter: ats_application_phase_id selects the stage that
// phase belongs to.
func atsHiringStageFilter(c *call, q url.Values) func(v map[string]any) bool {
	if !q.Has("ats_application_phase_id") {
		return nil
	}
	ph := c.s.tbl(ResAtsApplicationPhases).recs[intOr(q.Get("ats_application_phase_id"))]
	return func(v map[string]any) bool {
		return ph != nil && intOr(ph["ats_hiring_stage_id"]) == intOr(v["id"])
	}
}

// atsRejectionReasonFilter: ats_application_ids[] selects the reasons
// those applications were rejected for.
func atsRejectionReasonFilter(c *call, q url.Values) func(v map[string]any) bool {
	apps := queryIDs(q, "ats_application_ids[]")
	if len(q["ats_application_ids[]"]) == 0 {
		return nil
	}
	var reasons []int
	for _, id := range apps {
		if app := c.s.tbl(ResApplications).recs[id]; app != nil {
			if r, ok := toInt(app["ats_rejection_reason_id"]); ok {
				reasons = append(reasons, r)
			}
		}
	}
	return func(v map[string]any) bool { return slices.Contains(reasons, intOr(v["id"])) }
}

// atsEvaluationFormFilter: template=true keeps the templates, false the
// forms of job postings.
func atsEvaluationFormFilter(c *call, q url.Values) func(v map[string]any) bool {
	tmpl, set := queryBool(q, "template")
	if !set {
		return nil
	}
	return func(v map[string]any) bool { return (v[evaluationTemplate] == true) == tmpl }
}

// seedAts writes the recruiting records only the dated API has, around
// v1's job posting, candidate and application (all id 1): the company's
// hiring stages, the posting's pipeline (the application sits in its
// first phase), candidate sources, rejection reasons, an evaluation form
// of the posting and a template, a screening question answered by the
// application, and a feedback entry. The manager (DemoManagerID) is the
// posting's hiring manager. The caller holds the write lock.
func (s *Sandbox) seedAts(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	stamp := s.clock().UTC().AddDate(0, 0, -20).Format("2006-01-02T15:04:05.000Z")
	if p := s.tbl(ResJobPostings).recs[1]; p != nil {
		p[hiringManagers] = []any{DemoManagerID}
		p["workplace_type"], p["category"], p["salary_period"], p["personal_url_requirement"] = "remote", "engineering", "annual", "optional"
		p["published_at"], p["hide_salary"] = stamp, false
	}
	for i, st := range []struct{ name, label string }{{"new", "New"}, {"screening", "Screening"}, {"interview", "Interview"},
		{"assessment", "Assessment"}, {"offer", "Offer"}, {"hired", "Hired"}} {
		put(ResAtsHiringStages, M{"id": i + 1, "name": st.name, "label": st.label, "company_id": 1, "position": i + 1})
	}
	put(ResAtsApplicationPhases,
		M{"id": 1, "ats_job_posting_id": 1, "name": "New", "position": 1, "editable": false, "phase_type": "initial", "ats_hiring_stage_id": 1},
		M{"id": 2, "ats_job_posting_id": 1, "name": "Phone screen", "position": 2, "editable": true, "phase_type": "screening", "ats_hiring_stage_id": 2},
		M{"id": 3, "ats_job_posting_id": 1, "name": "Technical interview", "position": 3, "editable": true, "phase_type": "interview", "ats_hiring_stage_id": 3},
		M{"id": 4, "ats_job_posting_id": 1, "name": "Offer", "position": 4, "editable": true, "phase_type": "offer", "ats_hiring_stage_id": 5},
		M{"id": 5, "ats_job_posting_id": 1, "name": "Hired", "position": 5, "editable": false, "phase_type": "hired", "ats_hiring_stage_id": 6})
	put(ResAtsCandidateSources,
		M{"id": 1, "company_id": 1, "category": "social_media", "name": "linkedin", "label": "LinkedIn"},
		M{"id": 2, "company_id": 1, "category": "manually_added", "name": "manually_added", "label": "Manually added"},
		M{"id": 3, "company_id": 1, "category": "referral", "name": "referral", "label": "Referral"})
	put(ResAtsRejectionReasons,
		M{"id": 1, "company_id": 1, "decision_maker": "company", "reason": "Unfit for the role", "created_at": stamp, "updated_at": stamp},
		M{"id": 2, "company_id": 1, "decision_maker": "candidate", "reason": "Accepted another offer", "created_at": stamp, "updated_at": stamp})
	put(ResAtsEvaluationForms,
		M{"id": 1, "company_id": 1, "ats_job_posting_id": 1, "name": "Technical interview", "based_on_id": 2, evaluationTemplate: false,
			"questions": []M{{"id": 1, "text": "Go experience", "description": "Years and depth"}}, "created_at": stamp, "updated_at": stamp},
		M{"id": 2, "company_id": 1, "ats_job_posting_id": nil, "name": "Engineering interview template", "based_on_id": nil, evaluationTemplate: true,
			"questions": []M{{"id": 1, "text": "Go experience", "description": "Years and depth"}}, "created_at": stamp, "updated_at": stamp})
	put(ResAtsQuestions, M{"id": 1, "ats_job_posting_id": 1, "label": "Are you open to relocate?", "position": 1, "mandatory": true,
		"auto_disqualify": false, "question_type": "single_choice", "created_at": stamp, "updated_at": stamp,
		"options": []M{{"text": "Yes", "disqualifies": false}, {"text": "No", "disqualifies": false}}})
	put(ResAtsAnswers, M{"id": 1, "ats_question_id": 1, "ats_application_id": 1, "value": "Yes",
		"original_question_label": "Are you open to relocate?", "original_question_type": "single_choice", "created_at": stamp, "updated_at": stamp})
	put(ResAtsFeedbacks, M{"id": 1, "ats_candidate_id": 1, "ats_application_id": 1, "ats_application_phase_id": 1, "rating": 4,
		"description": "Strong Go background, clear communicator.", "ats_evaluation_forms_id": nil, "evaluation_form_answers": []M{}, "created_at": stamp})
}
