package resources_test

import (
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/resources"
)

// Performance: review processes and everything hanging from them. A
// participant (review process target) has a composite id,
// "<process id>-<access id>".

// reviewProcessJSON is an active process of one team with self and manager
// reviews and action plans on.
const reviewProcessJSON = `{"id":"12","company_id":"77","name":"H1 2026 review","description":"First half",` +
	`"status":"active","target_strategy":{"strategy":"by_teams","arguments":["5"]},"reviewer_strategies":["self","manager"],` +
	`"starts_at":"2026-06-01T08:00:00.000Z","ends_at":"2026-07-15T00:00:00.000Z","start_validation_errors":[],"archived":false,` +
	`"agreements_configuration":{"enabled":true},"competencies_assessments_configuration":{"enabled":false},` +
	`"last_bulk_reminder":null,"cycle_id":"3"}`

// draftProcessJSON is a draft that cannot start yet.
const draftProcessJSON = `{"id":"13","company_id":"77","name":null,"status":"draft","target_strategy":null,"reviewer_strategies":[],` +
	`"starts_at":null,"ends_at":null,"start_validation_errors":["missing_title","missing_deadline","missing_target_strategy"],` +
	`"archived":false,"agreements_configuration":{"enabled":false},"competencies_assessments_configuration":{"enabled":false}}`

// utc parses a fixture timestamp for a request.
func utc(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t
}

func checkActiveProcess(t *testing.T, p resources.PerformanceReviewProcess) {
	t.Helper()
	eq(t, "ID", p.ID, "12")
	is(t, "Name", p.Name, "H1 2026 review")
	is(t, "Status", p.Status, resources.PerformanceReviewProcessStatusActive)
	if p.TargetStrategy == nil || p.TargetStrategy.Strategy == nil || *p.TargetStrategy.Strategy != resources.PerformanceTargetStrategyByTeams {
		t.Errorf("TargetStrategy = %+v, want by_teams", p.TargetStrategy)
	} else {
		ids(t, "TargetStrategy.Arguments", p.TargetStrategy.Arguments, "5")
	}
	if len(p.ReviewerStrategies) != 2 || p.ReviewerStrategies[1] != resources.PerformanceReviewerStrategyManager {
		t.Errorf("ReviewerStrategies = %v", p.ReviewerStrategies)
	}
	at(t, "EndsAt", p.EndsAt, "2026-07-15T00:00:00Z")
	if p.AgreementsConfiguration == nil || p.AgreementsConfiguration.Enabled == nil || !*p.AgreementsConfiguration.Enabled {
		t.Errorf("AgreementsConfiguration = %+v, want enabled", p.AgreementsConfiguration)
	}
	if len(p.StartValidationErrors) != 0 {
		t.Errorf("StartValidationErrors = %v, want none", p.StartValidationErrors)
	}
	null(t, "LastBulkReminder", p.LastBulkReminder)
	is(t, "CycleID", p.CycleID, "3")
}

func TestListPerformanceReviewProcesses(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/performance/review_processes", status: 200,
		body: page(onePage(2), reviewProcessJSON, draftProcessJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ids[]": {"12", "13"}, "search": {"2026"}})
		},
	})
	all, err := c.Performance.ListReviewProcesses(t.Context(), &resources.ListPerformanceReviewProcessesParams{IDs: []string{"12", "13"}, Search: ptr("2026")})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d processes, want 2", len(all))
	}
	checkActiveProcess(t, all[0])
	is(t, "draft Status", all[1].Status, resources.PerformanceReviewProcessStatusDraft)
	null(t, "draft Name", all[1].Name)
	null(t, "draft TargetStrategy", all[1].TargetStrategy)
	if len(all[1].StartValidationErrors) != 3 || all[1].StartValidationErrors[1] != resources.PerformanceStartValidationErrorMissingDeadline {
		t.Errorf("draft StartValidationErrors = %v", all[1].StartValidationErrors)
	}
}

func TestCreateAndGetPerformanceReviewProcess(t *testing.T) {
	c, _ := newClient(t, exchange{
		method: http.MethodPost, path: "/performance/review_processes", status: 201, body: reviewProcessJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			noQuery(t, r)
			wantJSON(t, r, body, `{"author_access_id":"4","name":"H1 2026 review","reviewer_strategies":["self","manager"],`+
				`"target_strategy":"by_teams","arguments":["5"],"ends_at":"2026-07-15T00:00:00Z","agreements_enabled":true,"cycle_id":"3"}`)
		},
	}, exchange{
		method: http.MethodGet, path: "/performance/review_processes/12", status: 200, body: reviewProcessJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	p, err := c.Performance.CreateReviewProcess(t.Context(), resources.PerformanceReviewProcessCreate{
		AuthorAccessID: "4", Name: ptr("H1 2026 review"),
		ReviewerStrategies: []resources.PerformanceReviewerStrategy{resources.PerformanceReviewerStrategySelf, resources.PerformanceReviewerStrategyManager},
		TargetStrategy:     ptr(resources.PerformanceTargetStrategyByTeams), Arguments: []string{"5"},
		EndsAt: ptr(utc("2026-07-15T00:00:00Z")), AgreementsEnabled: ptr(true), CycleID: ptr("3"),
	})
	must(t, err)
	checkActiveProcess(t, p)
	p, err = c.Performance.GetReviewProcess(t.Context(), "12")
	must(t, err)
	checkActiveProcess(t, p)
}

func TestDeletePerformanceReviewProcess(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodDelete, path: "/performance/review_processes/13", status: 200, body: draftProcessJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	p, err := c.Performance.DeleteReviewProcess(t.Context(), "13")
	must(t, err)
	eq(t, "ID", p.ID, "13")
	is(t, "Status", p.Status, resources.PerformanceReviewProcessStatusDraft)
}

// TestPerformanceReviewProcessActions: each action posts its body and
// answers the process.
func TestPerformanceReviewProcessActions(t *testing.T) {
	ctx := t.Context()
	for _, tc := range []struct {
		verb, body string
		call       func(c *factorial.Client) (resources.PerformanceReviewProcess, error)
	}{
		{"create_from_template", `{"author_access_id":"4","template_id":"2","template_type":"custom","name":"H2"}`,
			func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
				return c.Performance.CreateReviewProcessFromTemplate(ctx, resources.CreatePerformanceReviewProcessFromTemplateInput{
					AuthorAccessID: "4", TemplateID: "2", TemplateType: resources.PerformanceTemplateTypeCustom, Name: ptr("H2")})
			}},
		{"duplicate", `{"id":"12","author_access_id":"5"}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.DuplicateReviewProcess(ctx, resources.DuplicatePerformanceReviewProcessInput{ID: "12", AuthorAccessID: "5"})
		}},
		{"remind_in_bulk", `{"id":"12","evaluation_types":["self","peers"]}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.RemindReviewProcessInBulk(ctx, resources.RemindPerformanceReviewProcessInBulkInput{ID: "12",
				EvaluationTypes: []resources.PerformanceReviewerStrategy{resources.PerformanceReviewerStrategySelf, resources.PerformanceReviewerStrategyPeers}})
		}},
		{"remove_schedule", `{"id":"12"}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.RemoveReviewProcessSchedule(ctx, resources.RemovePerformanceReviewProcessScheduleInput{ID: "12"})
		}},
		{"reopen", `{"id":"12","ends_at":"2026-07-15T00:00:00Z"}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.ReopenReviewProcess(ctx, resources.ReopenPerformanceReviewProcessInput{ID: "12", EndsAt: utc("2026-07-15T00:00:00Z")})
		}},
		{"schedule", `{"id":"12","starts_at":"2026-06-15T08:00:00Z"}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.ScheduleReviewProcess(ctx, resources.SchedulePerformanceReviewProcessInput{ID: "12", StartsAt: utc("2026-06-15T08:00:00Z")})
		}},
		{"start", `{"id":"12"}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.StartReviewProcess(ctx, resources.StartPerformanceReviewProcessInput{ID: "12"})
		}},
		{"stop", `{"id":"12"}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.StopReviewProcess(ctx, resources.StopPerformanceReviewProcessInput{ID: "12"})
		}},
		{"toggle_archive", `{"id":"12"}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.ToggleReviewProcessArchive(ctx, resources.TogglePerformanceReviewProcessArchiveInput{ID: "12"})
		}},
		{"update_agreements_configuration", `{"id":"12","enabled":true}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.UpdateReviewProcessAgreementsConfiguration(ctx, resources.UpdatePerformanceReviewProcessAgreementsConfigurationInput{ID: "12", Enabled: true})
		}},
		{"update_basic_info", `{"id":"12","name":"H1 2026 review","description":"First half"}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.UpdateReviewProcessBasicInfo(ctx, resources.UpdatePerformanceReviewProcessBasicInfoInput{ID: "12",
				Name: ptr("H1 2026 review"), Description: ptr("First half")})
		}},
		{"update_competencies_assessments_configuration", `{"id":"12","enabled":false}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.UpdateReviewProcessCompetenciesAssessmentsConfiguration(ctx,
				resources.UpdatePerformanceReviewProcessCompetenciesAssessmentsConfigurationInput{ID: "12", Enabled: false})
		}},
		{"update_deadline", `{"id":"12","ends_at":"2026-07-15T00:00:00Z"}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.UpdateReviewProcessDeadline(ctx, resources.UpdatePerformanceReviewProcessDeadlineInput{ID: "12", EndsAt: utc("2026-07-15T00:00:00Z")})
		}},
		{"update_employee_score_configuration", `{"id":"12","enabled":true}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.UpdateReviewProcessEmployeeScoreConfiguration(ctx,
				resources.UpdatePerformanceReviewProcessEmployeeScoreConfigurationInput{ID: "12", Enabled: true})
		}},
		{"update_reviewer_strategies", `{"id":"12","reviewer_strategies":["self","manager"]}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.UpdateReviewProcessReviewerStrategies(ctx, resources.UpdatePerformanceReviewProcessReviewerStrategiesInput{ID: "12",
				ReviewerStrategies: []resources.PerformanceReviewerStrategy{resources.PerformanceReviewerStrategySelf, resources.PerformanceReviewerStrategyManager}})
		}},
		{"update_schedule", `{"id":"12","starts_at":"2026-06-15T08:00:00Z"}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.UpdateReviewProcessSchedule(ctx, resources.UpdatePerformanceReviewProcessScheduleInput{ID: "12", StartsAt: utc("2026-06-15T08:00:00Z")})
		}},
		{"update_target_strategy", `{"id":"12","target_strategy":"by_teams","arguments":["5"]}`, func(c *factorial.Client) (resources.PerformanceReviewProcess, error) {
			return c.Performance.UpdateReviewProcessTargetStrategy(ctx, resources.UpdatePerformanceReviewProcessTargetStrategyInput{ID: "12",
				TargetStrategy: ptr(resources.PerformanceTargetStrategyByTeams), Arguments: []string{"5"}})
		}},
	} {
		t.Run(tc.verb, func(t *testing.T) {
			c := one(t, exchange{
				method: http.MethodPost, path: "/performance/review_processes/" + tc.verb, status: 200, body: reviewProcessJSON,
				check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); wantJSON(t, r, body, tc.body) },
			})
			p, err := tc.call(c)
			must(t, err)
			checkActiveProcess(t, p)
		})
	}
}

// reviewTargetJSON is Bea (access 3) taking part in process 12.
const reviewTargetJSON = `{"id":"12-3","access_id":"3","performance_review_process_id":"12","materialized_process_target_id":"41"}`

func checkTarget(t *testing.T, tg resources.PerformanceReviewProcessTarget) {
	t.Helper()
	eq(t, "ID", tg.ID, "12-3")
	is(t, "AccessID", tg.AccessID, "3")
	is(t, "PerformanceReviewProcessID", tg.PerformanceReviewProcessID, "12")
	is(t, "MaterializedProcessTargetID", tg.MaterializedProcessTargetID, "41")
}

func TestPerformanceReviewProcessTargets(t *testing.T) {
	c, _ := newClient(t, exchange{
		method: http.MethodGet, path: "/performance/review_process_targets", status: 200, body: page(onePage(1), reviewTargetJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"ids[]": {"12-3"}, "access_ids[]": {"3"}, "only_for_peer_assignment": {"true"},
				"without_manager": {"false"}, "performance_review_process_ids[]": {"12"}, "agreement_completion_status": {"haspendingagreement"},
				"pending_peer_evaluations": {"true"}, "managed_by_filter[manager_employee_id]": {"1002"},
				"managed_by_filter[only_direct_reports]": {"true"}})
		},
	}, exchange{
		// The composite id travels as is: a hyphen needs no escaping.
		method: http.MethodGet, path: "/performance/review_process_targets/12-3", status: 200, body: reviewTargetJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	}, exchange{
		method: http.MethodDelete, path: "/performance/review_process_targets/12-3", status: 200, body: reviewTargetJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	}, exchange{
		method: http.MethodPost, path: "/performance/review_process_targets/add_peers", status: 200, body: reviewTargetJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"12-3","peer_access_ids":["4","6"]}`)
		},
	}, exchange{
		method: http.MethodPost, path: "/performance/review_process_targets/remove_peer_evaluations", status: 200, body: reviewTargetJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"12-3","evaluation_ids":["88"]}`)
		},
	}, exchange{
		method: http.MethodPost, path: "/performance/review_process_targets/bulk_create", status: 200,
		body: `[` + reviewTargetJSON + `,{"id":"12-4","access_id":"4","performance_review_process_id":"12","materialized_process_target_id":"42"}]`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"performance_review_process_id":"12","targets_access_ids":["3","4"]}`)
		},
	})
	all, err := c.Performance.ListReviewProcessTargets(t.Context(), &resources.ListPerformanceReviewProcessTargetsParams{
		IDs: []string{"12-3"}, AccessIDs: []string{"3"}, OnlyForPeerAssignment: ptr(true), WithoutManager: ptr(false),
		PerformanceReviewProcessIDs: []string{"12"}, AgreementCompletionStatus: ptr(resources.PerformanceAgreementCompletionStatusHaspendingagreement),
		PendingPeerEvaluations: ptr(true), ManagedByFilterManagerEmployeeID: ptr("1002"), ManagedByFilterOnlyDirectReports: ptr(true),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d participants, want 1", len(all))
	}
	checkTarget(t, all[0])
	tg, err := c.Performance.GetReviewProcessTarget(t.Context(), "12-3")
	must(t, err)
	checkTarget(t, tg)
	tg, err = c.Performance.DeleteReviewProcessTarget(t.Context(), "12-3")
	must(t, err)
	checkTarget(t, tg)
	tg, err = c.Performance.AddReviewProcessTargetPeers(t.Context(), resources.AddPerformanceReviewProcessTargetPeersInput{ID: "12-3", PeerAccessIDs: []string{"4", "6"}})
	must(t, err)
	checkTarget(t, tg)
	tg, err = c.Performance.RemoveReviewProcessTargetPeerEvaluations(t.Context(), resources.RemovePerformanceReviewProcessTargetPeerEvaluationsInput{ID: "12-3", EvaluationIDs: []string{"88"}})
	must(t, err)
	checkTarget(t, tg)
	added, err := c.Performance.CreateReviewProcessTargetsInBulk(t.Context(), resources.CreatePerformanceReviewProcessTargetsInBulkInput{
		PerformanceReviewProcessID: "12", TargetsAccessIDs: []string{"3", "4"}})
	must(t, err)
	if len(added) != 2 {
		t.Fatalf("%d participants added, want 2", len(added))
	}
	checkTarget(t, added[0])
	eq(t, "second ID", added[1].ID, "12-4")
}

func TestListPerformanceReviewProcessEstimatedTargets(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/performance/review_process_estimated_targets", status: 200,
		body: page(onePage(1), `{"id":"13-3","performance_review_process_id":"13","access_id":"3","employee_id":"1003"}`),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"performance_review_process_ids[]": {"13"}, "access_ids[]": {"3"}})
		},
	})
	all, err := c.Performance.ListReviewProcessEstimatedTargets(t.Context(), &resources.ListPerformanceReviewProcessEstimatedTargetsParams{
		PerformanceReviewProcessIDs: []string{"13"}, AccessIDs: []string{"3"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d estimates, want 1", len(all))
	}
	eq(t, "ID", all[0].ID, "13-3")
	is(t, "EmployeeID", all[0].EmployeeID, "1003")
	is(t, "AccessID", all[0].AccessID, "3")
}

// reviewEvaluationJSON is Manu's (access 2) pending manager review of Bea.
const reviewEvaluationJSON = `{"id":"88","performance_review_process_id":"12","target_access_id":"3","reviewer_access_id":"2",` +
	`"evaluation_type":"manager","published":false,"status":"pending","review_process_target_id":"12-3","published_at":null}`

func checkEvaluation(t *testing.T, e resources.PerformanceReviewEvaluation) {
	t.Helper()
	eq(t, "ID", e.ID, "88")
	is(t, "TargetAccessID", e.TargetAccessID, "3")
	is(t, "ReviewerAccessID", e.ReviewerAccessID, "2")
	is(t, "EvaluationType", e.EvaluationType, resources.PerformanceReviewerStrategyManager)
	is(t, "Published", e.Published, false)
	is(t, "Status", e.Status, resources.PerformanceEvaluationStatusPending)
	is(t, "ReviewProcessTargetID", e.ReviewProcessTargetID, "12-3")
	null(t, "PublishedAt", e.PublishedAt)
}

func TestPerformanceReviewEvaluations(t *testing.T) {
	replaced := `{"id":"88","performance_review_process_id":"12","target_access_id":"3","reviewer_access_id":"1",` +
		`"evaluation_type":"manager","published":false,"status":"pending","review_process_target_id":"12-3"}`
	c, _ := newClient(t, exchange{
		method: http.MethodGet, path: "/performance/review_evaluations", status: 200, body: page(onePage(1), reviewEvaluationJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"ids[]": {"88"}, "performance_review_process_ids[]": {"12"}, "published": {"false"},
				"reviewer_ids[]": {"2"}, "reviewer_strategies[]": {"manager"}, "target_access_ids[]": {"3"},
				"review_process_target_ids[]": {"12-3"}, "with_targets_managed_by_filter[manager_employee_id]": {"1002"},
				"with_targets_managed_by_filter[only_direct_reports]": {"false"}, "exclude_ids[]": {"87"}})
		},
	}, exchange{
		method: http.MethodGet, path: "/performance/review_evaluations/88", status: 200, body: reviewEvaluationJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	}, exchange{
		method: http.MethodPost, path: "/performance/review_evaluations/replace_reviewer", status: 200, body: replaced,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"88","new_reviewer_access_id":"1"}`)
		},
	})
	all, err := c.Performance.ListReviewEvaluations(t.Context(), &resources.ListPerformanceReviewEvaluationsParams{
		IDs: []string{"88"}, PerformanceReviewProcessIDs: []string{"12"}, Published: ptr(false), ReviewerIDs: []string{"2"},
		ReviewerStrategies: []resources.PerformanceReviewerStrategy{resources.PerformanceReviewerStrategyManager},
		TargetAccessIDs:    []string{"3"}, ReviewProcessTargetIDs: []string{"12-3"},
		WithTargetsManagedByFilterManagerEmployeeID: ptr("1002"), WithTargetsManagedByFilterOnlyDirectReports: ptr(false),
		ExcludeIDs: []string{"87"},
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d evaluations, want 1", len(all))
	}
	checkEvaluation(t, all[0])
	e, err := c.Performance.GetReviewEvaluation(t.Context(), "88")
	must(t, err)
	checkEvaluation(t, e)
	e, err = c.Performance.ReplaceReviewEvaluationReviewer(t.Context(), resources.ReplacePerformanceReviewEvaluationReviewerInput{ID: "88", NewReviewerAccessID: "1"})
	must(t, err)
	is(t, "replaced ReviewerAccessID", e.ReviewerAccessID, "1")
}

func TestListPerformanceReviewEvaluationAnswers(t *testing.T) {
	answer := `{"id":"88","performance_review_evaluation_id":"88","answered_questionnaire_with_sections":{"content":[` +
		`{"uuid":"g1","type":"section","section_title":"Performance","questions":[{"question":{"uuid":"q1","title":"Team player?",` +
		`"answer_type":"multiple_choice","max_choices":1,"choice_options":["Yes","No"]},"answer":{"uuid":"q1","answer_choice":["Yes"]}}]}]},` +
		`"answered_employee_score_questionnaire":null}`
	c := one(t, exchange{
		method: http.MethodGet, path: "/performance/review_evaluation_answers", status: 200, body: page(onePage(1), answer),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"performance_review_evaluation_ids[]": {"88"}})
		},
	})
	all, err := c.Performance.ListReviewEvaluationAnswers(t.Context(), &resources.ListPerformanceReviewEvaluationAnswersParams{PerformanceReviewEvaluationIDs: []string{"88"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d answers, want 1", len(all))
	}
	eq(t, "ID", all[0].ID, "88")
	is(t, "PerformanceReviewEvaluationID", all[0].PerformanceReviewEvaluationID, "88")
	if all[0].AnsweredQuestionnaireWithSections == nil {
		t.Fatal("AnsweredQuestionnaireWithSections is nil")
	}
	content, _ := (*all[0].AnsweredQuestionnaireWithSections)["content"].([]any)
	if len(content) != 1 {
		t.Errorf("answered content = %v, want one section", content)
	}
	null(t, "AnsweredEmployeeScoreQuestionnaire", all[0].AnsweredEmployeeScoreQuestionnaire)
}

func TestPerformanceReviewEvaluationScores(t *testing.T) {
	score := `{"id":"501","review_process_id":"12","review_evaluation_id":"88","target_access_id":"3","company_id":"77",` +
		`"reviewer_strategy":"manager","review_process_target_id":"12-3","potential_score":null,"normalized_potential_score":null,` +
		`"score":4.0,"scale_min":1,"scale_max":5,"normalized_score":75.0,"published_at":"2026-06-20T10:00:00.000+00:00"}`
	c, _ := newClient(t, exchange{
		method: http.MethodGet, path: "/performance/review_evaluation_scores", status: 200, body: page(onePage(1), score),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"ids[]": {"501"}, "review_process_ids[]": {"12"}, "review_evaluation_ids[]": {"88"},
				"target_access_ids[]": {"3"}, "reviewer_strategies[]": {"manager", "self"}, "review_process_target_ids[]": {"12-3"}})
		},
	}, exchange{
		method: http.MethodGet, path: "/performance/review_evaluation_scores/501", status: 200, body: score,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	all, err := c.Performance.ListReviewEvaluationScores(t.Context(), &resources.ListPerformanceReviewEvaluationScoresParams{
		IDs: []string{"501"}, ReviewProcessIDs: []string{"12"}, ReviewEvaluationIDs: []string{"88"}, TargetAccessIDs: []string{"3"},
		ReviewerStrategies:     []resources.PerformanceReviewerStrategy{resources.PerformanceReviewerStrategyManager, resources.PerformanceReviewerStrategySelf},
		ReviewProcessTargetIDs: []string{"12-3"},
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d scores, want 1", len(all))
	}
	s, err := c.Performance.GetReviewEvaluationScore(t.Context(), "501")
	must(t, err)
	for _, got := range []resources.PerformanceReviewEvaluationScore{all[0], s} {
		eq(t, "ID", got.ID, "501")
		is(t, "ReviewerStrategy", got.ReviewerStrategy, resources.PerformanceReviewerStrategyManager)
		is(t, "Score", got.Score, float32(4))
		is(t, "ScaleMax", got.ScaleMax, 5)
		is(t, "NormalizedScore", got.NormalizedScore, float32(75))
		null(t, "PotentialScore", got.PotentialScore)
		at(t, "PublishedAt", got.PublishedAt, "2026-06-20T10:00:00Z")
	}
}

func TestPerformanceReviewOwners(t *testing.T) {
	owner := `{"id":"61","access_id":"4","performance_review_process_id":"12"}`
	c, _ := newClient(t, exchange{
		method: http.MethodGet, path: "/performance/review_owners", status: 200, body: page(onePage(1), owner),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"performance_review_process_ids[]": {"12"}})
		},
	}, exchange{
		method: http.MethodPost, path: "/performance/review_owners/bulk_create", status: 200,
		body: `[` + owner + `,{"id":"62","access_id":"5","performance_review_process_id":"12"}]`,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"review_process_id":"12","owner_access_ids":["4","5"]}`)
		},
	}, exchange{
		method: http.MethodDelete, path: "/performance/review_owners/62", status: 200,
		body:  `{"id":"62","access_id":"5","performance_review_process_id":"12"}`,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) },
	})
	all, err := c.Performance.ListReviewOwners(t.Context(), &resources.ListPerformanceReviewOwnersParams{PerformanceReviewProcessIDs: []string{"12"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d owners, want 1", len(all))
	}
	eq(t, "ID", all[0].ID, "61")
	is(t, "AccessID", all[0].AccessID, "4")
	owners, err := c.Performance.CreateReviewOwnersInBulk(t.Context(), resources.CreatePerformanceReviewOwnersInBulkInput{
		ReviewProcessID: "12", OwnerAccessIDs: []string{"4", "5"}})
	must(t, err)
	if len(owners) != 2 {
		t.Fatalf("%d owners, want 2", len(owners))
	}
	is(t, "second AccessID", owners[1].AccessID, "5")
	gone, err := c.Performance.DeleteReviewOwner(t.Context(), "62")
	must(t, err)
	eq(t, "deleted ID", gone.ID, "62")
	is(t, "deleted PerformanceReviewProcessID", gone.PerformanceReviewProcessID, "12")
}

// agreementJSON is Bea's pending action plan.
const agreementJSON = `{"id":"7","process_id":"12","target_id":"12-3","signer_id":null,"reviewer_id":"1002",` +
	`"manager_signed_at":null,"target_signed_at":null,"agreement_signed_at":null,"last_modified_at":"2026-06-21T09:00:00Z",` +
	`"status":"pending","locked":false,"conclusions":{"text":"Keep going","last_updated_at":"2026-06-21T09:00:00Z"},` +
	`"self_evaluation_id":"87","manager_evaluation_id":"88","self_comments":[],` +
	`"manager_comments":[{"question_uuid":"q1","author_access_id":2,"text":"Great teamwork","updated_at":"2026-06-21T09:00:00Z"}]}`

func checkAgreement(t *testing.T, a resources.PerformanceAgreement) {
	t.Helper()
	eq(t, "ID", a.ID, "7")
	is(t, "ProcessID", a.ProcessID, "12")
	is(t, "TargetID", a.TargetID, "12-3")
	is(t, "ReviewerID", a.ReviewerID, "1002")
	is(t, "Status", a.Status, resources.PerformanceAgreementStatusPending)
	is(t, "Locked", a.Locked, false)
	null(t, "ManagerSignedAt", a.ManagerSignedAt)
	is(t, "ManagerEvaluationID", a.ManagerEvaluationID, "88")
	if len(a.ManagerComments) != 1 || a.ManagerComments[0]["text"] != "Great teamwork" {
		t.Errorf("ManagerComments = %v", a.ManagerComments)
	}
	if a.Conclusions["text"] != "Keep going" {
		t.Errorf("Conclusions = %v", a.Conclusions)
	}
}

func TestPerformanceAgreements(t *testing.T) {
	c, _ := newClient(t, exchange{
		method: http.MethodGet, path: "/performance/agreements", status: 200, body: page(onePage(1), agreementJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"ids[]": {"7"}, "process_ids[]": {"12"}, "target_ids[]": {"12-3"}})
		},
	}, exchange{
		method: http.MethodGet, path: "/performance/agreements/7", status: 200, body: agreementJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	}, exchange{
		method: http.MethodPost, path: "/performance/agreements/initiate", status: 200, body: agreementJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"process_id":"12","target_id":"12-3"}`)
		},
	}, exchange{
		method: http.MethodPost, path: "/performance/agreements/bulk_initiate", status: 200, body: `[` + agreementJSON + `]`,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"process_id":"12"}`) },
	})
	all, err := c.Performance.ListAgreements(t.Context(), &resources.ListPerformanceAgreementsParams{
		IDs: []string{"7"}, ProcessIDs: []string{"12"}, TargetIDs: []string{"12-3"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d action plans, want 1", len(all))
	}
	checkAgreement(t, all[0])
	a, err := c.Performance.GetAgreement(t.Context(), "7")
	must(t, err)
	checkAgreement(t, a)
	a, err = c.Performance.InitiateAgreement(t.Context(), resources.InitiatePerformanceAgreementInput{ProcessID: "12", TargetID: "12-3"})
	must(t, err)
	checkAgreement(t, a)
	started, err := c.Performance.InitiateAgreementsInBulk(t.Context(), resources.InitiatePerformanceAgreementsInBulkInput{ProcessID: "12"})
	must(t, err)
	if len(started) != 1 {
		t.Fatalf("%d action plans started, want 1", len(started))
	}
	checkAgreement(t, started[0])
}

func TestPerformanceScoreScales(t *testing.T) {
	scale := `{"id":"1","is_default":true,"scale":[{"value":1,"text":"Unsatisfactory"},{"value":2,"text":"Missed expectations"},` +
		`{"value":3,"text":"Meets expectations"}]}`
	company := `{"id":"77","scale_id":"2","is_default":false}`
	c, _ := newClient(t, exchange{
		method: http.MethodGet, path: "/performance/employee_score_scales", status: 200, body: page(onePage(1), scale),
		check: func(t testing.TB, r *http.Request, body []byte) { wantQuery(t, r, url.Values{"ids[]": {"1"}}) },
	}, exchange{
		method: http.MethodGet, path: "/performance/employee_score_scales/1", status: 200, body: scale,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	}, exchange{
		method: http.MethodGet, path: "/performance/company_employee_score_scales", status: 200, body: page(onePage(1), company),
		check: func(t testing.TB, r *http.Request, body []byte) { wantQuery(t, r, url.Values{"ids[]": {"77"}}) },
	}, exchange{
		method: http.MethodGet, path: "/performance/company_employee_score_scales/77", status: 200, body: company,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	}, exchange{
		method: http.MethodPost, path: "/performance/company_employee_score_scales/set", status: 200, body: company,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"77","scale_id":"2"}`) },
	})
	scales, err := c.Performance.ListEmployeeScoreScales(t.Context(), &resources.ListPerformanceEmployeeScoreScalesParams{IDs: []string{"1"}})
	must(t, err)
	if len(scales) != 1 {
		t.Fatalf("%d scales, want 1", len(scales))
	}
	s, err := c.Performance.GetEmployeeScoreScale(t.Context(), "1")
	must(t, err)
	for _, got := range []resources.PerformanceEmployeeScoreScale{scales[0], s} {
		is(t, "IsDefault", got.IsDefault, true)
		if len(got.Scale) != 3 || got.Scale[2].Value != 3 || got.Scale[2].Text != "Meets expectations" {
			t.Errorf("Scale = %+v", got.Scale)
		}
	}
	companies, err := c.Performance.ListCompanyEmployeeScoreScales(t.Context(), &resources.ListPerformanceCompanyEmployeeScoreScalesParams{IDs: []string{"77"}})
	must(t, err)
	if len(companies) != 1 {
		t.Fatalf("%d company scales, want 1", len(companies))
	}
	cs, err := c.Performance.GetCompanyEmployeeScoreScale(t.Context(), "77")
	must(t, err)
	set, err := c.Performance.SetCompanyEmployeeScoreScale(t.Context(), resources.SetPerformanceCompanyEmployeeScoreScaleInput{ID: "77", ScaleID: "2"})
	must(t, err)
	for _, got := range []resources.PerformanceCompanyEmployeeScoreScale{companies[0], cs, set} {
		eq(t, "ID", got.ID, "77")
		is(t, "ScaleID", got.ScaleID, "2")
		is(t, "IsDefault", got.IsDefault, false)
	}
}

func TestPerformanceReviewProcessCustomTemplates(t *testing.T) {
	tpl := `{"id":"2","author_id":"1","company_id":"77","name":"Yearly review","description":null,` +
		`"template_description":"Self and manager review","target_strategy":{"strategy":"all_employees","arguments":[]},` +
		`"reviewer_strategies":["self","manager"],"agreements_enabled":true,"employee_potential_score_enabled":false,` +
		`"competencies_assessments_enabled":false,"visibility_settings":{"early_access_to_answers_for_managers":true,` +
		`"restrict_answers_visibility_to_reportees":false,"anonymous_peer_evaluation_for_target":false},"created_at":"2026-01-10T12:00:00.000Z"}`
	c, _ := newClient(t, exchange{
		method: http.MethodGet, path: "/performance/review_process_custom_templates", status: 200, body: page(onePage(1), tpl),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"ids[]": {"2"}, "author_ids[]": {"1"}, "search": {"Yearly"}})
		},
	}, exchange{
		method: http.MethodGet, path: "/performance/review_process_custom_templates/2", status: 200, body: tpl,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	all, err := c.Performance.ListReviewProcessCustomTemplates(t.Context(), &resources.ListPerformanceReviewProcessCustomTemplatesParams{
		IDs: []string{"2"}, AuthorIDs: []string{"1"}, Search: ptr("Yearly")})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d templates, want 1", len(all))
	}
	got, err := c.Performance.GetReviewProcessCustomTemplate(t.Context(), "2")
	must(t, err)
	for _, x := range []resources.PerformanceReviewProcessCustomTemplate{all[0], got} {
		eq(t, "ID", x.ID, "2")
		is(t, "Name", x.Name, "Yearly review")
		null(t, "Description", x.Description)
		is(t, "AgreementsEnabled", x.AgreementsEnabled, true)
		if x.VisibilitySettings == nil {
			t.Fatal("VisibilitySettings is nil")
		}
		is(t, "EarlyAccessToAnswersForManagers", x.VisibilitySettings.EarlyAccessToAnswersForManagers, true)
		at(t, "CreatedAt", x.CreatedAt, "2026-01-10T12:00:00Z")
	}
}

// questionnairesJSON is process 12's rating scale and its self review
// questions; the other review types ask nothing yet.
const questionnairesJSON = `{"id":"12","performance_review_process_id":"12","default_rating_scale":[{"value":1,"text":"Poor"},` +
	`{"value":5,"text":"Exceptional"}],"self_questionnaire":{"reviewer_strategy":"self","content":[{"uuid":"g1","type":"question",` +
	`"questions":[{"uuid":"q1","mandatory":true,"with_comment":false,"title":"Do you think you are a team player?",` +
	`"answer_type":"single_choice","choice_options":["Yes","No"]}]}]},"manager_questionnaire":null}`

func checkQuestionnaires(t *testing.T, q resources.PerformanceReviewQuestionnaires) {
	t.Helper()
	eq(t, "ID", q.ID, "12")
	if len(q.DefaultRatingScale) != 2 || q.DefaultRatingScale[1].Text != "Exceptional" {
		t.Errorf("DefaultRatingScale = %+v", q.DefaultRatingScale)
	}
	if q.SelfQuestionnaire == nil || len(q.SelfQuestionnaire.Content) != 1 || len(q.SelfQuestionnaire.Content[0].Questions) != 1 {
		t.Fatalf("SelfQuestionnaire = %+v", q.SelfQuestionnaire)
	}
	question := q.SelfQuestionnaire.Content[0].Questions[0]
	is(t, "AnswerType", question.AnswerType, "single_choice")
	ids(t, "ChoiceOptions", question.ChoiceOptions, "Yes", "No")
	null(t, "ManagerQuestionnaire", q.ManagerQuestionnaire)
}

func TestPerformanceReviewQuestionnaires(t *testing.T) {
	c, _ := newClient(t, exchange{
		method: http.MethodGet, path: "/performance/review_questionnaire_by_strategies", status: 200, body: page(onePage(1), questionnairesJSON),
		check: func(t testing.TB, r *http.Request, body []byte) { wantQuery(t, r, url.Values{"ids[]": {"12"}}) },
	}, exchange{
		method: http.MethodGet, path: "/performance/review_questionnaire_by_strategies/12", status: 200, body: questionnairesJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	}, exchange{
		method: http.MethodPost, path: "/performance/review_questionnaire_by_strategies/update_default_rating_scale", status: 200, body: questionnairesJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"performance_review_process_id":"12","default_rating_scale":[{"text":"Poor","value":1},{"text":"Exceptional","value":5}]}`)
		},
	}, exchange{
		method: http.MethodPost, path: "/performance/review_questionnaire_by_strategies/update_questionnaire_for_strategy", status: 200, body: questionnairesJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"performance_review_process_id":"12","strategy":"self","questionnaire_content":[{"uuid":"g1","type":"question",`+
				`"questions":[{"uuid":"q1","mandatory":true,"title":"Do you think you are a team player?","answer_type":"multiple_choice",`+
				`"max_choices":1,"choice_options":["Yes","No"]}]}]}`)
		},
	})
	all, err := c.Performance.ListReviewQuestionnaires(t.Context(), &resources.ListPerformanceReviewQuestionnairesParams{IDs: []string{"12"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d questionnaire records, want 1", len(all))
	}
	checkQuestionnaires(t, all[0])
	q, err := c.Performance.GetReviewQuestionnaires(t.Context(), "12")
	must(t, err)
	checkQuestionnaires(t, q)
	q, err = c.Performance.UpdateReviewDefaultRatingScale(t.Context(), resources.UpdatePerformanceReviewDefaultRatingScaleInput{
		PerformanceReviewProcessID: "12", DefaultRatingScale: []resources.PerformanceRatingStep{{Value: 1, Text: "Poor"}, {Value: 5, Text: "Exceptional"}}})
	must(t, err)
	checkQuestionnaires(t, q)
	q, err = c.Performance.UpdateReviewQuestionnaire(t.Context(), resources.UpdatePerformanceReviewQuestionnaireInput{
		PerformanceReviewProcessID: "12", Strategy: resources.PerformanceReviewerStrategySelf,
		QuestionnaireContent: []resources.PerformanceQuestionGroup{{UUID: ptr("g1"), Type: ptr("question"), Questions: []resources.PerformanceQuestion{{
			UUID: ptr("q1"), Mandatory: ptr(true), Title: ptr("Do you think you are a team player?"), AnswerType: ptr("multiple_choice"),
			MaxChoices: ptr(1), ChoiceOptions: []string{"Yes", "No"}}}}},
	})
	must(t, err)
	checkQuestionnaires(t, q)
}

func TestPerformanceReviewVisibilitySettings(t *testing.T) {
	vis := `{"id":"12","performance_review_process_id":"12","restrict_answers_visibility_to_reportees":false,` +
		`"early_access_to_answers_for_managers":true,"anonymous_peer_evaluation_for_target":true}`
	c, _ := newClient(t, exchange{
		method: http.MethodGet, path: "/performance/review_visibility_settings", status: 200, body: page(onePage(1), vis),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"performance_review_process_ids[]": {"12"}})
		},
	}, exchange{
		method: http.MethodPut, path: "/performance/review_visibility_settings/12", status: 200, body: vis,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"restrict_answers_visibility_to_reportees":false,"early_access_to_answers_for_managers":true,`+
				`"anonymous_peer_evaluation_for_target":true}`)
		},
	})
	all, err := c.Performance.ListReviewVisibilitySettings(t.Context(), &resources.ListPerformanceReviewVisibilitySettingsParams{PerformanceReviewProcessIDs: []string{"12"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d settings, want 1", len(all))
	}
	v, err := c.Performance.UpdateReviewVisibilitySetting(t.Context(), "12", resources.PerformanceReviewVisibilitySettingUpdate{
		RestrictAnswersVisibilityToReportees: false, EarlyAccessToAnswersForManagers: true, AnonymousPeerEvaluationForTarget: true})
	must(t, err)
	for _, got := range []resources.PerformanceReviewVisibilitySetting{all[0], v} {
		eq(t, "ID", got.ID, "12")
		is(t, "RestrictAnswersVisibilityToReportees", got.RestrictAnswersVisibilityToReportees, false)
		is(t, "EarlyAccessToAnswersForManagers", got.EarlyAccessToAnswersForManagers, true)
		is(t, "AnonymousPeerEvaluationForTarget", got.AnonymousPeerEvaluationForTarget, true)
	}
}

func TestPerformanceTargetManagers(t *testing.T) {
	mgr := `{"id":"1002","performance_review_process_id":"12","manager_access_id":"2","manager_full_name":"Manu Manager"}`
	c, _ := newClient(t, exchange{
		method: http.MethodGet, path: "/performance/target_managers", status: 200, body: page(onePage(1), mgr),
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantQuery(t, r, url.Values{"ids[]": {"1002"}, "performance_review_process_ids[]": {"12"}})
		},
	}, exchange{
		method: http.MethodGet, path: "/performance/target_managers/1002", status: 200, body: mgr,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	all, err := c.Performance.ListTargetManagers(t.Context(), &resources.ListPerformanceTargetManagersParams{
		IDs: []string{"1002"}, PerformanceReviewProcessIDs: []string{"12"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d managers, want 1", len(all))
	}
	m, err := c.Performance.GetTargetManager(t.Context(), "1002")
	must(t, err)
	for _, got := range []resources.PerformanceTargetManager{all[0], m} {
		eq(t, "ID", got.ID, "1002")
		is(t, "ManagerAccessID", got.ManagerAccessID, "2")
		is(t, "ManagerFullName", got.ManagerFullName, "Manu Manager")
	}
}
