package sandbox

import (
	"slices"
	"strings"
	"testing"
	"time"
)

func init() { areaWalks["performance"] = walkPerformance }

// perfAt is a timestamp days after the sandbox's clock.
func perfAt(days int) string { return DefaultNow.AddDate(0, 0, days).UTC().Format(time.RFC3339) }

// perfQuestion is a questionnaire of one rating question.
func perfQuestion(title string) []any {
	return []any{map[string]any{"uuid": "g-" + title, "type": "question", "questions": []any{
		map[string]any{"uuid": "q-" + title, "mandatory": true, "with_comment": false, "title": title, "answer_type": "rating"}}}}
}

// perfDraft creates a draft process of the Engineering team (Manu, Bea and
// Bruno; Manu manages the other two, Ada manages Manu) with self, manager
// and peer reviews, action plans on, a deadline a month ahead and a
// question per review type, so it can start. It returns the process id.
func perfNewDraft(t *testing.T, e *env, token string) string {
	t.Helper()
	r := e.dated("POST", "/performance/review_processes", token, map[string]any{"author_access_id": "1", "name": "H1 review",
		"reviewer_strategies": []string{"self", "manager", "peers"}, "target_strategy": "by_teams", "arguments": []string{"1"},
		"ends_at": perfAt(30), "agreements_enabled": true})
	if r.status != 201 {
		t.Fatalf("create review process: %d %s", r.status, r.body)
	}
	p := idOf(t, r.obj(t))
	for _, s := range []string{"self", "manager", "peers"} {
		r := e.dated("POST", "/performance/review_questionnaire_by_strategies/update_questionnaire_for_strategy", token, map[string]any{
			"performance_review_process_id": p, "strategy": s, "questionnaire_content": perfQuestion("How did it go for " + s + "?")})
		if r.status != 200 {
			t.Fatalf("questionnaire %s: %d %s", s, r.status, r.body)
		}
	}
	return p
}

// walkPerformance is the performance part of TestDatedEveryOperationAnswers2xx.
func walkPerformance(t *testing.T, e *env, ok okFunc) {
	key := "key:" + tokKey
	array := func(method, path string, body any) []any {
		t.Helper()
		r := e.dated(method, path, key, body)
		if r.status != 200 {
			t.Fatalf("%s %s: %d %s", method, path, r.status, r.body)
		}
		return r.list(t)
	}
	ok("GET", "/performance/employee_score_scales", nil)
	ok("GET", "/performance/employee_score_scales/2", nil)
	ok("GET", "/performance/company_employee_score_scales", nil)
	ok("GET", "/performance/company_employee_score_scales/1", nil)
	ok("POST", "/performance/company_employee_score_scales/set", map[string]any{"id": "1", "scale_id": "2"})
	ok("GET", "/performance/review_process_custom_templates", nil)
	ok("GET", "/performance/review_process_custom_templates/1", nil)

	p := perfNewDraft(t, e, key)
	ok("GET", "/performance/review_processes", nil)
	ok("GET", "/performance/review_processes/"+p, nil)
	ok("GET", "/performance/review_process_estimated_targets?performance_review_process_ids[]="+p, nil)
	ok("POST", "/performance/review_processes/update_basic_info", map[string]any{"id": p, "description": "First half"})
	ok("POST", "/performance/review_processes/update_deadline", map[string]any{"id": p, "ends_at": perfAt(40)})
	ok("POST", "/performance/review_processes/update_reviewer_strategies", map[string]any{"id": p, "reviewer_strategies": []string{"self", "manager", "peers"}})
	ok("POST", "/performance/review_processes/update_target_strategy", map[string]any{"id": p, "target_strategy": "by_teams", "arguments": []string{"1"}})
	ok("POST", "/performance/review_processes/update_agreements_configuration", map[string]any{"id": p, "enabled": true})
	ok("POST", "/performance/review_processes/update_competencies_assessments_configuration", map[string]any{"id": p, "enabled": false})
	ok("POST", "/performance/review_processes/update_employee_score_configuration", map[string]any{"id": p, "enabled": true})
	ok("GET", "/performance/review_questionnaire_by_strategies", nil)
	ok("GET", "/performance/review_questionnaire_by_strategies/"+p, nil)
	ok("POST", "/performance/review_questionnaire_by_strategies/update_default_rating_scale", map[string]any{"performance_review_process_id": p,
		"default_rating_scale": []any{map[string]any{"value": 1, "text": "Low"}, map[string]any{"value": 2, "text": "High"}}})
	ok("GET", "/performance/review_visibility_settings", nil)
	ok("PUT", "/performance/review_visibility_settings/"+p, map[string]any{"restrict_answers_visibility_to_reportees": false,
		"early_access_to_answers_for_managers": true, "anonymous_peer_evaluation_for_target": true})
	ok("POST", "/performance/review_processes/schedule", map[string]any{"id": p, "starts_at": perfAt(1)})
	ok("POST", "/performance/review_processes/update_schedule", map[string]any{"id": p, "starts_at": perfAt(2)})
	ok("POST", "/performance/review_processes/remove_schedule", map[string]any{"id": p})
	ok("POST", "/performance/review_processes/start", map[string]any{"id": p})

	target := p + "-3"
	ok("GET", "/performance/review_process_targets", nil)
	ok("GET", "/performance/review_process_targets/"+target, nil)
	ok("POST", "/performance/review_process_targets/add_peers", map[string]any{"id": target, "peer_access_ids": []string{"4"}})
	r := e.dated("GET", "/performance/review_evaluations?target_access_ids[]=3&reviewer_strategies[]=peers&performance_review_process_ids[]="+p, key, nil)
	evals, _ := r.page(t)
	if len(evals) != 1 {
		t.Fatalf("peer evaluations of Bea: %s", r.body)
	}
	ok("POST", "/performance/review_process_targets/remove_peer_evaluations", map[string]any{"id": target, "evaluation_ids": []any{evals[0]["id"]}})
	r = e.dated("GET", "/performance/review_evaluations?target_access_ids[]=3&reviewer_strategies[]=manager&performance_review_process_ids[]="+p, key, nil)
	evals, _ = r.page(t)
	if len(evals) != 1 {
		t.Fatalf("manager evaluation of Bea: %s", r.body)
	}
	eval := idOf(t, evals[0])
	ok("GET", "/performance/review_evaluations", nil)
	ok("GET", "/performance/review_evaluations/"+eval, nil)
	ok("POST", "/performance/review_evaluations/replace_reviewer", map[string]any{"id": eval, "new_reviewer_access_id": "1"})
	ok("GET", "/performance/review_evaluation_answers", nil)
	ok("GET", "/performance/review_evaluation_scores", nil)
	ok("GET", "/performance/review_evaluation_scores/1", nil)
	ok("GET", "/performance/target_managers?performance_review_process_ids[]="+p, nil)
	ok("GET", "/performance/target_managers/1002", nil)
	agreement := idOf(t, ok("POST", "/performance/agreements/initiate", map[string]any{"process_id": p, "target_id": target}))
	array("POST", "/performance/agreements/bulk_initiate", map[string]any{"process_id": p})
	ok("GET", "/performance/agreements", nil)
	ok("GET", "/performance/agreements/"+agreement, nil)
	array("POST", "/performance/review_process_targets/bulk_create", map[string]any{"performance_review_process_id": p, "targets_access_ids": []string{"1"}})
	ok("DELETE", "/performance/review_process_targets/"+p+"-1", nil)
	ok("POST", "/performance/review_processes/remind_in_bulk", map[string]any{"id": p, "evaluation_types": []string{"self"}})
	ok("POST", "/performance/review_processes/stop", map[string]any{"id": p})
	ok("POST", "/performance/review_processes/reopen", map[string]any{"id": p, "ends_at": perfAt(50)})
	ok("POST", "/performance/review_processes/toggle_archive", map[string]any{"id": p})

	ok("GET", "/performance/review_owners", nil)
	owners := array("POST", "/performance/review_owners/bulk_create", map[string]any{"review_process_id": p, "owner_access_ids": []string{"2"}})
	owner, _ := owners[0].(map[string]any)
	ok("DELETE", "/performance/review_owners/"+idOf(t, owner), nil)
	dup := idOf(t, ok("POST", "/performance/review_processes/duplicate", map[string]any{"id": p, "author_access_id": "2"}))
	ok("POST", "/performance/review_processes/create_from_template", map[string]any{"author_access_id": "1", "template_id": "1", "template_type": "custom"})
	ok("DELETE", "/performance/review_processes/"+dup, nil)
}

// TestDatedPerformanceLifecycle: a draft lists what it lacks and cannot
// start until it has it; starting turns the Engineering team into
// participants with a self review each and a manager review by their
// manager; stop, reopen and the draft-only changes follow the states.
func TestDatedPerformanceLifecycle(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	r := e.dated("POST", "/performance/review_processes", key, map[string]any{"author_access_id": "1"})
	if r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	bare := r.obj(t)
	if bare["status"] != "draft" || bare["archived"] != false {
		t.Errorf("new process: %s", r.body)
	}
	errs, _ := bare["start_validation_errors"].([]any)
	for _, want := range []string{"missing_title", "missing_deadline", "missing_target_strategy", "missing_reviewer_strategy"} {
		if !slices.Contains(errs, any(want)) {
			t.Errorf("start_validation_errors %v lacks %s", errs, want)
		}
	}
	if r := e.dated("POST", "/performance/review_processes/start", key, map[string]any{"id": idOf(t, bare)}); r.status != 422 ||
		!strings.Contains(string(r.body), "missing_title") {
		t.Errorf("start of an incomplete draft: %d %s", r.status, r.body)
	}
	// Owners: the author only.
	r = e.dated("GET", "/performance/review_owners?performance_review_process_ids[]="+idOf(t, bare), key, nil)
	if data, _ := r.page(t); len(data) != 1 || data[0]["access_id"] != "1" {
		t.Errorf("owners of a new process: %s", r.body)
	}

	p := perfNewDraft(t, e, key)
	r = e.dated("GET", "/performance/review_process_estimated_targets?performance_review_process_ids[]="+p, key, nil)
	if got := idsOf(t, r); !slices.Equal(got, []string{p + "-2", p + "-3", p + "-4"}) {
		t.Errorf("estimated participants %v", got)
	}
	if r := e.dated("POST", "/performance/review_processes/stop", key, map[string]any{"id": p}); r.status != 422 {
		t.Errorf("stop of a draft: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/performance/review_processes/schedule", key, map[string]any{"id": p, "starts_at": perfAt(-1)}); r.status != 422 {
		t.Errorf("schedule in the past: %d %s", r.status, r.body)
	}
	r = e.dated("POST", "/performance/review_processes/start", key, map[string]any{"id": p})
	if r.status != 200 || r.obj(t)["status"] != "active" {
		t.Fatalf("start: %d %s", r.status, r.body)
	}
	r = e.dated("GET", "/performance/review_process_targets?performance_review_process_ids[]="+p, key, nil)
	if got := idsOf(t, r); !slices.Equal(got, []string{p + "-2", p + "-3", p + "-4"}) {
		t.Errorf("participants %v", got)
	}
	// Bea (access 3): a self review and a manager review by Manu (access 2).
	r = e.dated("GET", "/performance/review_evaluations?target_access_ids[]=3&performance_review_process_ids[]="+p, key, nil)
	data, _ := r.page(t)
	got := map[string]string{}
	for _, ev := range data {
		got[ev["evaluation_type"].(string)] = ev["reviewer_access_id"].(string)
		if ev["review_process_target_id"] != p+"-3" || ev["status"] != "pending" {
			t.Errorf("evaluation %v", ev)
		}
	}
	if len(got) != 2 || got["self"] != "3" || got["manager"] != "2" {
		t.Errorf("Bea's evaluations by type and reviewer: %v", got)
	}
	for _, tc := range []struct {
		path string
		body map[string]any
	}{
		{"/performance/review_processes/update_reviewer_strategies", map[string]any{"id": p, "reviewer_strategies": []string{"self"}}},
		{"/performance/review_processes/update_target_strategy", map[string]any{"id": p, "target_strategy": "all_employees"}},
		{"/performance/review_processes/reopen", map[string]any{"id": p, "ends_at": perfAt(60)}},
		{"/performance/review_questionnaire_by_strategies/update_questionnaire_for_strategy", map[string]any{
			"performance_review_process_id": p, "strategy": "self", "questionnaire_content": perfQuestion("Again?")}},
	} {
		if r := e.dated("POST", tc.path, key, tc.body); r.status != 422 {
			t.Errorf("%s on an active process: %d %s", tc.path, r.status, r.body)
		}
	}
	if r := e.dated("POST", "/performance/review_processes/stop", key, map[string]any{"id": p}); r.status != 200 || r.obj(t)["status"] != "finished" {
		t.Errorf("stop: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/performance/review_processes/reopen", key, map[string]any{"id": p, "ends_at": perfAt(-2)}); r.status != 422 {
		t.Errorf("reopen with a past deadline: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/performance/review_processes/reopen", key, map[string]any{"id": p, "ends_at": perfAt(60)}); r.status != 200 ||
		r.obj(t)["status"] != "active" {
		t.Errorf("reopen: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/performance/review_processes/start", key, map[string]any{"id": "999"}); r.status != 404 {
		t.Errorf("start of a missing process: %d %s", r.status, r.body)
	}
}

// TestDatedPerformanceParticipants: peers get evaluations and lose them,
// a self review keeps its reviewer, removing a participant removes their
// evaluations, the last owner stays, and action plans start once per
// participant, for a manager's direct reports only.
func TestDatedPerformanceParticipants(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	p := perfNewDraft(t, e, key)
	if r := e.dated("POST", "/performance/review_processes/start", key, map[string]any{"id": p}); r.status != 200 {
		t.Fatalf("start: %d %s", r.status, r.body)
	}
	target := p + "-3"
	if r := e.dated("POST", "/performance/review_process_targets/add_peers", key, map[string]any{"id": target, "peer_access_ids": []string{"3"}}); r.status != 422 {
		t.Errorf("participant as their own peer: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/performance/review_process_targets/add_peers", key, map[string]any{"id": p + "-99", "peer_access_ids": []string{"4"}}); r.status != 404 {
		t.Errorf("peers of a missing participant: %d %s", r.status, r.body)
	}
	e.dated("POST", "/performance/review_process_targets/add_peers", key, map[string]any{"id": target, "peer_access_ids": []string{"4", "4"}})
	r := e.dated("GET", "/performance/review_process_targets?pending_peer_evaluations=true&performance_review_process_ids[]="+p, key, nil)
	if got := idsOf(t, r); !slices.Equal(got, []string{p + "-2", p + "-4"}) {
		t.Errorf("participants without peers %v", got)
	}
	r = e.dated("GET", "/performance/review_evaluations?reviewer_strategies[]=self&target_access_ids[]=3&performance_review_process_ids[]="+p, key, nil)
	self, _ := r.page(t)
	if len(self) != 1 {
		t.Fatalf("self review of Bea: %s", r.body)
	}
	if r := e.dated("POST", "/performance/review_evaluations/replace_reviewer", key, map[string]any{"id": self[0]["id"], "new_reviewer_access_id": "1"}); r.status != 422 {
		t.Errorf("replace the reviewer of a self review: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/performance/review_process_targets/remove_peer_evaluations", key, map[string]any{"id": target, "evaluation_ids": []any{self[0]["id"]}}); r.status != 422 {
		t.Errorf("remove a self review as a peer evaluation: %d %s", r.status, r.body)
	}
	r = e.dated("GET", "/performance/review_process_targets?managed_by_filter[manager_employee_id]=1002&managed_by_filter[only_direct_reports]=true&performance_review_process_ids[]="+p, key, nil)
	if got := idsOf(t, r); !slices.Equal(got, []string{p + "-3", p + "-4"}) {
		t.Errorf("participants managed by Manu %v", got)
	}
	r = e.dated("GET", "/performance/target_managers?performance_review_process_ids[]="+p, key, nil)
	if got := idsOf(t, r); !slices.Equal(got, []string{"1001", "1002"}) {
		t.Errorf("managers of the participants %v", got)
	}

	// Action plans: Manu (a basic user) starts those of his reports only.
	r = e.dated("POST", "/performance/agreements/bulk_initiate", tokManager, map[string]any{"process_id": p})
	if r.status != 200 || len(r.list(t)) != 2 {
		t.Fatalf("Manu's bulk initiate: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/performance/agreements/initiate", key, map[string]any{"process_id": p, "target_id": target}); r.status != 422 {
		t.Errorf("second action plan of Bea: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/performance/agreements/initiate", tokBasic, map[string]any{"process_id": p, "target_id": p + "-2"}); r.status != 403 {
		t.Errorf("Bea starting Manu's action plan: %d %s", r.status, r.body)
	}
	r = e.dated("GET", "/performance/review_process_targets?agreement_completion_status=haspendingagreement&performance_review_process_ids[]="+p, key, nil)
	if got := idsOf(t, r); !slices.Equal(got, []string{p + "-3", p + "-4"}) {
		t.Errorf("participants with a pending action plan %v", got)
	}

	// Removing Bea removes her evaluations.
	if r := e.dated("DELETE", "/performance/review_process_targets/"+target, key, nil); r.status != 200 || r.obj(t)["id"] != target {
		t.Fatalf("remove Bea: %d %s", r.status, r.body)
	}
	r = e.dated("GET", "/performance/review_evaluations?target_access_ids[]=3&performance_review_process_ids[]="+p, key, nil)
	if data, _ := r.page(t); len(data) != 0 {
		t.Errorf("Bea's evaluations after her removal: %s", r.body)
	}
	if r := e.dated("GET", "/performance/review_process_targets/"+target, key, nil); r.status != 404 {
		t.Errorf("removed participant: %d %s", r.status, r.body)
	}

	// The last owner stays; a basic user who owns nothing changes nothing.
	r = e.dated("GET", "/performance/review_owners?performance_review_process_ids[]="+p, key, nil)
	owners, _ := r.page(t)
	if r := e.dated("DELETE", "/performance/review_owners/"+idOf(t, owners[0]), key, nil); r.status != 422 {
		t.Errorf("delete the last owner: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/performance/review_processes/toggle_archive", tokBasic, map[string]any{"id": p}); r.status != 403 {
		t.Errorf("a basic user archiving: %d %s", r.status, r.body)
	}
	e.dated("POST", "/performance/review_owners/bulk_create", key, map[string]any{"review_process_id": p, "owner_access_ids": []string{"3"}})
	if r := e.dated("POST", "/performance/review_processes/toggle_archive", tokBasic, map[string]any{"id": p}); r.status != 200 || r.obj(t)["archived"] != true {
		t.Errorf("an owner archiving: %d %s", r.status, r.body)
	}
}

// TestDatedPerformanceSettings: questionnaires, rating scales, visibility
// settings and the company's score scale refuse what Factorial's
// descriptions rule out.
func TestDatedPerformanceSettings(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	p := perfNewDraft(t, e, key)
	for _, body := range []map[string]any{
		{"performance_review_process_id": p, "default_rating_scale": []any{map[string]any{"value": 1, "text": "Only"}}},
		{"performance_review_process_id": p, "default_rating_scale": []any{map[string]any{"value": 1, "text": "A"}, map[string]any{"value": 11, "text": "B"}}},
		{"performance_review_process_id": "999", "default_rating_scale": []any{map[string]any{"value": 1, "text": "A"}, map[string]any{"value": 2, "text": "B"}}},
	} {
		if r := e.dated("POST", "/performance/review_questionnaire_by_strategies/update_default_rating_scale", key, body); r.status != 422 {
			t.Errorf("rating scale %v: %d %s", body, r.status, r.body)
		}
	}
	bad := []any{map[string]any{"type": "question", "questions": []any{map[string]any{"title": "Why?", "answer_type": "essay"}}}}
	if r := e.dated("POST", "/performance/review_questionnaire_by_strategies/update_questionnaire_for_strategy", key, map[string]any{
		"performance_review_process_id": p, "strategy": "self", "questionnaire_content": bad}); r.status != 422 {
		t.Errorf("unknown answer type: %d %s", r.status, r.body)
	}
	r := e.dated("GET", "/performance/review_questionnaire_by_strategies/"+p, key, nil)
	q := r.obj(t)
	self, _ := q["self_questionnaire"].(map[string]any)
	if content, _ := self["content"].([]any); r.status != 200 || len(content) != 1 || self["reviewer_strategy"] != "self" {
		t.Errorf("questionnaires: %d %s", r.status, r.body)
	}
	if r := e.dated("PUT", "/performance/review_visibility_settings/"+p, key, map[string]any{"performance_review_process_id": "1",
		"restrict_answers_visibility_to_reportees": true, "early_access_to_answers_for_managers": true, "anonymous_peer_evaluation_for_target": true}); r.status != 422 {
		t.Errorf("visibility of another process: %d %s", r.status, r.body)
	}
	r = e.dated("PUT", "/performance/review_visibility_settings/"+p, key, map[string]any{
		"restrict_answers_visibility_to_reportees": true, "early_access_to_answers_for_managers": false, "anonymous_peer_evaluation_for_target": true})
	if v := r.obj(t); r.status != 200 || v["restrict_answers_visibility_to_reportees"] != true || v["performance_review_process_id"] != p {
		t.Errorf("visibility: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/performance/company_employee_score_scales/set", key, map[string]any{"id": "1", "scale_id": "9"}); r.status != 422 {
		t.Errorf("unknown scale: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/performance/company_employee_score_scales/set", tokBasic, map[string]any{"id": "1", "scale_id": "2"}); r.status != 403 {
		t.Errorf("basic user setting the scale: %d %s", r.status, r.body)
	}
	r = e.dated("POST", "/performance/company_employee_score_scales/set", key, map[string]any{"id": "1", "scale_id": "2"})
	if v := r.obj(t); r.status != 200 || v["scale_id"] != "2" || v["is_default"] != false {
		t.Errorf("set scale: %d %s", r.status, r.body)
	}
	r = e.dated("POST", "/performance/review_processes/create_from_template", key, map[string]any{"author_access_id": "2", "template_id": "1",
		"template_type": "custom", "name": "2026 yearly review"})
	tpl := r.obj(t)
	if strategies, _ := tpl["reviewer_strategies"].([]any); r.status != 200 || tpl["name"] != "2026 yearly review" || len(strategies) != 2 {
		t.Errorf("from template: %d %s", r.status, r.body)
	}
	r = e.dated("GET", "/performance/review_visibility_settings?performance_review_process_ids[]="+idOf(t, tpl), key, nil)
	if data, _ := r.page(t); len(data) != 1 || data[0]["early_access_to_answers_for_managers"] != true {
		t.Errorf("visibility copied from the template: %s", r.body)
	}
	if r := e.dated("POST", "/performance/review_processes/create_from_template", key, map[string]any{"author_access_id": "1", "template_id": "7",
		"template_type": "custom"}); r.status != 422 {
		t.Errorf("missing template: %d %s", r.status, r.body)
	}
	r = e.dated("GET", "/performance/review_processes?search=2026+YEARLY", key, nil)
	if got := idsOf(t, r); !slices.Equal(got, []string{idOf(t, tpl)}) {
		t.Errorf("search: %v", got)
	}
}

// TestDatedPerformanceSeed: the seeded 2023 review is finished and
// consistent: Bea's participant, evaluations, answers, scores and signed
// action plan name each other.
func TestDatedPerformanceSeed(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	p := e.dated("GET", "/performance/review_processes/1", tokAdmin, nil).obj(t)
	if p["status"] != "finished" || p["name"] != "2023 yearly review" {
		t.Errorf("seeded process: %v", p)
	}
	if errs, _ := p["start_validation_errors"].([]any); len(errs) != 0 {
		t.Errorf("a finished process lacks nothing to start, got %v", errs)
	}
	r := e.dated("GET", "/performance/review_evaluations?review_process_target_ids[]=1-3", tokAdmin, nil)
	if got := idsOf(t, r); !slices.Equal(got, []string{"3", "4"}) {
		t.Errorf("Bea's evaluations %v", got)
	}
	r = e.dated("GET", "/performance/review_evaluation_answers?performance_review_evaluation_ids[]=4", tokAdmin, nil)
	if got := idsOf(t, r); !slices.Equal(got, []string{"4"}) {
		t.Errorf("answers of the manager review %v", got)
	}
	r = e.dated("GET", "/performance/review_evaluation_scores?reviewer_strategies[]=manager", tokAdmin, nil)
	scores, _ := r.page(t)
	if len(scores) != 1 || scores[0]["score"] != 3.5 || scores[0]["normalized_score"] != 62.5 || scores[0]["review_evaluation_id"] != "4" {
		t.Errorf("manager scores: %s", r.body)
	}
	r = e.dated("GET", "/performance/review_process_targets?agreement_completion_status=hassignedagreement", tokAdmin, nil)
	if got := idsOf(t, r); !slices.Equal(got, []string{"1-3"}) {
		t.Errorf("participants with a signed action plan %v", got)
	}
	// A finished process takes no new participants.
	if r := e.dated("POST", "/performance/review_process_targets/bulk_create", tokAdmin, map[string]any{
		"performance_review_process_id": "1", "targets_access_ids": []string{"1"}}); r.status != 422 {
		t.Errorf("participants added to a finished process: %d %s", r.status, r.body)
	}
}

// TestDatedPerformanceEvents: creating and starting a review process raise
// performance/review_process/create and .../start (the plural "processes"
// names the singular "process"), each delivering the process answered.
func TestDatedPerformanceEvents(t *testing.T) {
	e := newEnv(t)
	t.Cleanup(e.s.Close)
	created, started := newReceiver(t), newReceiver(t)
	e.subscribe("performance/review_process/create", created.srv.URL, "c", true)
	e.subscribe("performance/review_process/start", started.srv.URL, "c", true)
	p := perfNewDraft(t, e, tokAdmin)
	r := e.dated("POST", "/performance/review_processes/start", tokAdmin, map[string]any{"id": p})
	if r.status != 200 {
		t.Fatalf("start: %d %s", r.status, r.body)
	}
	e.waitWebhooks()
	if created.count() != 1 || started.count() != 1 {
		t.Fatalf("deliveries: create %d, start %d", created.count(), started.count())
	}
	_, body := started.at(0)
	if !strings.Contains(string(body), `"status":"active"`) || !strings.Contains(string(body), `"id":"`+p+`"`) {
		t.Errorf("start payload %s", body)
	}
}
