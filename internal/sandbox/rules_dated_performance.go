package sandbox

// Dated API: performance reviews. A review process goes from draft
// (optionally scheduled) to active when it starts, and to finished when it
// stops; reopening makes it active again. Starting it turns its target
// strategy into participants (targets, ids "<process id>-<access id>") and
// creates their evaluations, one per participant and review type: self
// (the participant reviews themselves), manager (their manager's access),
// direct_reports (one per report with an access) and peers (created when
// peers are added). Each process has owners (its author first), a
// visibility setting and a questionnaire record, both with the process's
// id. Action plans (agreements) are started per participant once action
// plans are on.
//
// Who may act: Factorial documents no permission beyond the performance
// scope; the sandbox lets admins, API keys and company tokens change every
// process, and any other user only the processes they own. A manager may
// start the action plans of their direct reports. Reads are open to every
// caller (which evaluations a basic user may read is not documented).

import (
	"fmt"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"time"
)

// Review process states.
const (
	perfDraft     = "draft"
	perfScheduled = "scheduled"
	perfActive    = "active"
	perfFinished  = "finished"
)

// perfStrategies are the review types, in Factorial's order.
var perfStrategies = []string{"self", "manager", "direct_reports", "peers"}

// perfQuestionnaireField is the questionnaire record's field holding the
// questions of a review type.
var perfQuestionnaireField = map[string]string{
	"self": "self_questionnaire", "manager": "manager_questionnaire",
	"direct_reports": "direct_report_questionnaire", "peers": "peers_questionnaire",
}

// perfDefaultRatingScale is the rating scale a new process starts with.
func perfDefaultRatingScale() []any {
	labels := []string{"Poor", "Inconsistent", "Meets expectations", "Exceeds expectations", "Exceptional"}
	out := make([]any, len(labels))
	for i, l := range labels {
		out[i] = map[string]any{"value": i + 1, "text": l}
	}
	return out
}

// perfTargetID is a participant's composite id.
func perfTargetID(process, access int) string {
	return strconv.Itoa(process) + "-" + strconv.Itoa(access)
}

// parsePerfTargetID splits "<process id>-<access id>"; ok is false for any
// other form.
func parsePerfTargetID(s string) (process, access int, ok bool) {
	p, a, found := strings.Cut(s, "-")
	if !found {
		return 0, 0, false
	}
	process, ok1 := canonicalID(p)
	access, ok2 := canonicalID(a)
	return process, access, ok1 && ok2
}

// perfTime reads a request timestamp; ok is false unless it is RFC 3339.
func perfTime(v any) (time.Time, bool) {
	s, _ := v.(string)
	t, err := time.Parse(time.RFC3339, s)
	return t, err == nil
}

// perfNow is the request's time.
func (c *call) perfNow() time.Time {
	t, _ := time.Parse(time.RFC3339, c.pj.now)
	return t
}

// perfProcess finds a review process by id (404). The caller holds the
// lock.
func (c *call) perfProcess(v any) (map[string]any, *apiError) {
	id, ok := toInt(v)
	rec := c.s.tbl(ResPerfProcesses).recs[id]
	if !ok || rec == nil {
		return nil, notFound(fmtVal(v))
	}
	return rec, nil
}

// perfMayEdit reports whether the caller may change the process: admins,
// API keys and company tokens always, other users when they own it. The
// caller holds the lock.
func (c *call) perfMayEdit(process int) bool {
	if c.p.privileged() {
		return true
	}
	access := c.s.accessOf(c.p.EmployeeID)
	if access == 0 {
		return false
	}
	found := false
	c.s.tbl(ResPerfOwners).each(func(o map[string]any) bool {
		if intOr(o["performance_review_process_id"]) == process && intOr(o["access_id"]) == access {
			found = true
			return false
		}
		return true
	})
	return found
}

// perfAccess checks that v names an access of the company and returns the
// employee holding it (422 naming field otherwise). The caller holds the
// lock.
func (c *call) perfAccess(field string, v any) (access, employee int, aerr *apiError) {
	access, ok := toInt(v)
	if !ok {
		return 0, 0, invalid(field, "is not an access of the company: "+fmtVal(v))
	}
	emp, ok := c.s.employeeOfAccess(access)
	if !ok {
		return 0, 0, invalid(field, "is not an access of the company: "+fmtVal(v))
	}
	return access, emp, nil
}

// perfStrategyList reads a list of review types (422 for an unknown one).
func perfStrategyList(field string, v any) ([]any, *apiError) {
	raw, ok := v.([]any)
	if !ok {
		return nil, invalid(field, "is not a list of review types")
	}
	out := []any{}
	for _, x := range raw {
		s, _ := x.(string)
		if !slices.Contains(perfStrategies, s) {
			return nil, invalid(field, "is not a review type: "+fmtVal(x))
		}
		if !slices.Contains(out, any(s)) {
			out = append(out, s)
		}
	}
	return out, nil
}

// perfTargetStrategy reads a target strategy and its arguments into the
// stored object (422 for an unknown strategy or a non-numeric argument).
func perfTargetStrategy(strategy, args any) (map[string]any, *apiError) {
	s, _ := strategy.(string)
	if !slices.Contains([]string{"all_employees", "by_locations", "by_teams", "by_employees", "manual_selection"}, s) {
		return nil, invalid("target_strategy", "is not a target strategy: "+fmtVal(strategy))
	}
	out := []any{}
	if args != nil {
		raw, ok := args.([]any)
		if !ok {
			return nil, invalid("arguments", "is not a list of ids")
		}
		for _, x := range raw {
			n, ok := toInt(x)
			if !ok {
				if str, isStr := x.(string); isStr {
					n, ok = canonicalID(str)
				}
			}
			if !ok || n <= 0 {
				return nil, invalid("arguments", "is not an id: "+fmtVal(x))
			}
			out = append(out, strconv.Itoa(n))
		}
	}
	return map[string]any{"strategy": s, "arguments": out}, nil
}

// perfMembers lists the employees (with an access, not terminated) a
// target strategy selects, by employee id. The caller holds the lock.
func (c *call) perfMembers(ts map[string]any) []int {
	strategy, _ := ts["strategy"].(string)
	var args []int
	raw, _ := ts["arguments"].([]any)
	for _, x := range raw {
		if n, ok := canonicalID(fmtVal(x)); ok {
			args = append(args, n)
		}
	}
	var out []int
	emps := c.s.tbl(ResEmployees)
	for _, id := range emps.ids {
		e := emps.recs[id]
		if e["terminated_on"] != nil || intOr(e["access_id"]) == 0 {
			continue
		}
		keep := false
		switch strategy {
		case "all_employees":
			keep = true
		case "by_locations":
			keep = slices.Contains(args, intOr(e["location_id"]))
		case "by_teams":
			keep = slices.ContainsFunc(intSlice(e["team_ids"]), func(t int) bool { return slices.Contains(args, t) })
		case "by_employees":
			keep = slices.Contains(args, id)
		}
		if keep {
			out = append(out, id)
		}
	}
	return out
}

// perfValidationErrors lists what a draft or scheduled process lacks
// before it can start (none once it started). The caller holds the lock.
func (c *call) perfValidationErrors(p map[string]any) []any {
	out := []any{}
	if st := p["status"]; st != perfDraft && st != perfScheduled {
		return out
	}
	if strings.TrimSpace(stringOr(p["name"])) == "" {
		out = append(out, "missing_title")
	}
	if ends, ok := perfTime(p["ends_at"]); !ok {
		out = append(out, "missing_deadline")
	} else if !ends.After(c.perfNow()) {
		out = append(out, "invalid_deadline")
	}
	ts, _ := p["target_strategy"].(map[string]any)
	switch {
	case ts == nil:
		out = append(out, "missing_target_strategy")
	case ts["strategy"] != "manual_selection" && len(c.perfMembers(ts)) == 0:
		out = append(out, "missing_target_strategy_members")
	}
	strategies, _ := p["reviewer_strategies"].([]any)
	if len(strategies) == 0 {
		out = append(out, "missing_reviewer_strategy")
	}
	q := c.s.tbl(ResPerfQuestionnaires).recs[intOr(p["id"])]
	for _, s := range strategies {
		if q == nil || !perfHasQuestions(q[perfQuestionnaireField[fmtVal(s)]]) {
			out = append(out, "missing_questions")
			break
		}
	}
	return out
}

// perfHasQuestions reports whether a stored questionnaire has a question.
func perfHasQuestions(v any) bool {
	qn, _ := v.(map[string]any)
	groups, _ := qn["content"].([]any)
	for _, g := range groups {
		gm, _ := g.(map[string]any)
		if qs, _ := gm["questions"].([]any); len(qs) > 0 {
			return true
		}
	}
	return false
}

// viewReviewProcess derives start_validation_errors and the company.
func viewReviewProcess(c *call, v map[string]any) {
	setDefault(v, "company_id", demoCompanyID)
	v["start_validation_errors"] = c.perfValidationErrors(v)
}

// viewPerfTarget shows a participant's composite id; _seq keeps the
// stored order for pagination.
func viewPerfTarget(c *call, v map[string]any) {
	v["_seq"] = v["id"]
	v["materialized_process_target_id"] = v["id"]
	v["id"] = perfTargetID(intOr(v["performance_review_process_id"]), intOr(v["access_id"]))
}

// createReviewProcess creates a draft process, its owner (the author), its
// visibility setting and its questionnaire record.
func (c *call) createReviewProcess() {
	c.locked(writeLock, func() *apiError {
		access, _, aerr := c.perfAccess("author_access_id", c.in["author_access_id"])
		if aerr != nil {
			return aerr
		}
		rec := map[string]any{
			"name": c.in["name"], "description": c.in["description"], "status": perfDraft, "author_access_id": access,
			"target_strategy": nil, "reviewer_strategies": []any{}, "starts_at": nil, "ends_at": nil, "archived": false,
			"agreements_configuration":               map[string]any{"enabled": c.in["agreements_enabled"] == true},
			"competencies_assessments_configuration": map[string]any{"enabled": c.in["competencies_assessments_enabled"] == true},
			"employee_score_enabled":                 c.in["employee_score_enabled"] == true,
			"employee_potential_score_enabled":       c.in["employee_potential_score_enabled"] == true,
			"last_bulk_reminder":                     nil, "cycle_id": c.in["cycle_id"], "company_id": demoCompanyID,
		}
		if v, ok := c.in["reviewer_strategies"]; ok && v != nil {
			list, aerr := perfStrategyList("reviewer_strategies", v)
			if aerr != nil {
				return aerr
			}
			rec["reviewer_strategies"] = list
		}
		if v, ok := c.in["target_strategy"]; ok && v != nil {
			ts, aerr := perfTargetStrategy(v, c.in["arguments"])
			if aerr != nil {
				return aerr
			}
			rec["target_strategy"] = ts
		}
		if v, ok := c.in["ends_at"]; ok && v != nil {
			if _, ok := perfTime(v); !ok {
				return invalid("ends_at", "is not a timestamp")
			}
			rec["ends_at"] = v
		}
		return c.perfInsertProcess(rec, access, nil)
	})
}

// perfInsertProcess stores a new process with its author as owner, its
// visibility setting and its questionnaires (copied from src when given).
// The caller holds the write lock.
func (c *call) perfInsertProcess(rec map[string]any, author int, src map[string]any) *apiError {
	if aerr := c.insert(ResPerfProcesses, rec); aerr != nil {
		return aerr
	}
	id := intOr(rec["id"])
	if aerr := c.insert(ResPerfOwners, map[string]any{"access_id": author, "performance_review_process_id": id}); aerr != nil {
		return aerr
	}
	vis := map[string]any{"id": id, "performance_review_process_id": id, "restrict_answers_visibility_to_reportees": false,
		"early_access_to_answers_for_managers": false, "anonymous_peer_evaluation_for_target": false}
	q := map[string]any{"id": id, "performance_review_process_id": id, "default_rating_scale": perfDefaultRatingScale()}
	for _, s := range perfStrategies {
		q[perfQuestionnaireField[s]] = map[string]any{"reviewer_strategy": s, "content": []any{}}
	}
	if src != nil {
		srcID := intOr(src["id"])
		if old := c.s.tbl(ResPerfVisibility).recs[srcID]; old != nil {
			vis = clone(old)
			vis["id"], vis["performance_review_process_id"] = id, id
		}
		if old := c.s.tbl(ResPerfQuestionnaires).recs[srcID]; old != nil {
			q = clone(old)
			q["id"], q["performance_review_process_id"] = id, id
		}
	}
	c.s.store(ResPerfVisibility).insert(vis)
	c.s.store(ResPerfQuestionnaires).insert(q)
	c.respond(rec)
	return nil
}

// deleteReviewProcess removes a process with everything hanging from it.
func (c *call) deleteReviewProcess() {
	c.onRecord(writeLock, byID(ResPerfProcesses), func(rec map[string]any) *apiError {
		id := intOr(rec["id"])
		if !c.perfMayEdit(id) {
			return errForbidden
		}
		for _, res := range []string{ResPerfOwners, ResPerfTargets, ResPerfEvaluations} {
			c.perfRemoveWhere(res, func(r map[string]any) bool { return intOr(r["performance_review_process_id"]) == id })
		}
		c.perfRemoveWhere(ResPerfAgreements, func(r map[string]any) bool { return intOr(r["process_id"]) == id })
		c.s.tbl(ResPerfVisibility).remove(id)
		c.s.tbl(ResPerfQuestionnaires).remove(id)
		c.s.tbl(ResPerfProcesses).remove(id)
		c.respond(rec)
		return nil
	})
}

// perfRemoveWhere removes the records of res that match. The caller holds
// the write lock.
func (c *call) perfRemoveWhere(res string, match func(map[string]any) bool) {
	t := c.s.tbl(res)
	var gone []int
	t.each(func(r map[string]any) bool {
		if match(r) {
			gone = append(gone, intOr(r["id"]))
		}
		return true
	})
	for _, id := range gone {
		t.remove(id)
	}
}

// editProcess is the frame of the process actions: find the process named
// by the body's id (404), check the caller may change it (403) and that it
// is in one of the states given (422, none given: any), let f change a
// copy, and store and answer it.
func (c *call) editProcess(states []string, f func(p map[string]any) *apiError) {
	c.edit(ResPerfProcesses, func(p map[string]any) *apiError {
		if !c.perfMayEdit(intOr(p["id"])) {
			return errForbidden
		}
		if len(states) > 0 && !slices.Contains(states, fmtVal(p["status"])) {
			return invalid("status", "The review process is "+fmtVal(p["status"])+"; this needs it "+strings.Join(states, " or "))
		}
		return f(p)
	})
}

// perfSetTime copies a required timestamp of the request into the record
// (422 when it is not one).
func (c *call) perfSetTime(p map[string]any, field string) *apiError {
	if _, ok := perfTime(c.in[field]); !ok {
		return invalid(field, "is not a timestamp")
	}
	p[field] = c.in[field]
	return nil
}

// perfToggle returns the action that sets one configuration switch.
func perfToggle(field string) actionFunc {
	return func(c *call) {
		c.editProcess(nil, func(p map[string]any) *apiError {
			on, ok := c.in["enabled"].(bool)
			if !ok {
				return invalid("enabled", "is not a boolean")
			}
			if field == "employee_score_enabled" {
				p[field] = on
			} else {
				p[field] = map[string]any{"enabled": on}
			}
			return nil
		})
	}
}

func (c *call) scheduleReviewProcess() {
	c.editProcess([]string{perfDraft}, func(p map[string]any) *apiError {
		if aerr := c.perfSetStart(p); aerr != nil {
			return aerr
		}
		p["status"] = perfScheduled
		return nil
	})
}

func (c *call) updateReviewProcessSchedule() {
	c.editProcess([]string{perfScheduled}, c.perfSetStart)
}

// perfSetStart sets starts_at, which must lie in the future (422).
func (c *call) perfSetStart(p map[string]any) *apiError {
	t, ok := perfTime(c.in["starts_at"])
	if !ok {
		return invalid("starts_at", "is not a timestamp")
	}
	if !t.After(c.perfNow()) {
		return invalid("starts_at", "must be in the future")
	}
	p["starts_at"] = c.in["starts_at"]
	return nil
}

func (c *call) removeReviewProcessSchedule() {
	c.editProcess([]string{perfScheduled}, func(p map[string]any) *apiError {
		p["status"], p["starts_at"] = perfDraft, nil
		return nil
	})
}

// startReviewProcess starts a draft or scheduled process that lacks
// nothing (422 listing what it lacks): its participants are the members
// of its target strategy, each with their evaluations.
func (c *call) startReviewProcess() {
	c.editProcess([]string{perfDraft, perfScheduled}, func(p map[string]any) *apiError {
		if errs := c.perfValidationErrors(p); len(errs) > 0 {
			msgs := make([]string, len(errs))
			for i, e := range errs {
				msgs[i] = fmtVal(e)
			}
			return invalid("start_validation_errors", "The review process cannot start: "+strings.Join(msgs, ", "))
		}
		p["status"], p["starts_at"] = perfActive, c.pj.now
		ts, _ := p["target_strategy"].(map[string]any)
		for _, emp := range c.perfMembers(ts) {
			if aerr := c.perfAddTarget(p, c.s.accessOf(emp)); aerr != nil {
				return aerr
			}
		}
		return nil
	})
}

// perfAddTarget makes an access a participant of an active process and
// creates its evaluations; an access already taking part is left as it
// is. The caller holds the write lock.
func (c *call) perfAddTarget(p map[string]any, access int) *apiError {
	pid := intOr(p["id"])
	if c.perfTarget(pid, access) != nil {
		return nil
	}
	emp, ok := c.s.employeeOfAccess(access)
	if !ok {
		return invalid("targets_access_ids", "is not an access of the company: "+strconv.Itoa(access))
	}
	if aerr := c.insert(ResPerfTargets, map[string]any{"performance_review_process_id": pid, "access_id": access, "employee_id": emp}); aerr != nil {
		return aerr
	}
	strategies, _ := p["reviewer_strategies"].([]any)
	for _, s := range strategies {
		var reviewers []int
		switch s {
		case "self":
			reviewers = []int{access}
		case "manager":
			if m := c.s.accessOf(intOr(c.s.tbl(ResEmployees).recs[emp]["manager_id"])); m != 0 {
				reviewers = []int{m}
			}
		case "direct_reports":
			for _, r := range c.perfReports(emp, true) {
				if a := c.s.accessOf(r); a != 0 {
					reviewers = append(reviewers, a)
				}
			}
		}
		for _, r := range reviewers {
			if aerr := c.perfAddEvaluation(pid, access, r, fmtVal(s)); aerr != nil {
				return aerr
			}
		}
	}
	return nil
}

func (c *call) perfAddEvaluation(process, target, reviewer int, kind string) *apiError {
	return c.insert(ResPerfEvaluations, map[string]any{"performance_review_process_id": process, "target_access_id": target,
		"reviewer_access_id": reviewer, "evaluation_type": kind, "published": false, "status": "pending",
		"review_process_target_id": perfTargetID(process, target), "published_at": nil})
}

// perfTarget is the stored participant of a process with that access, or
// nil. The caller holds the lock.
func (c *call) perfTarget(process, access int) map[string]any {
	var found map[string]any
	c.s.tbl(ResPerfTargets).each(func(t map[string]any) bool {
		if intOr(t["performance_review_process_id"]) == process && intOr(t["access_id"]) == access {
			found = t
			return false
		}
		return true
	})
	return found
}

// perfReports lists the employees managed by emp: directly, or anywhere
// below them when direct is false. The caller holds the lock.
func (c *call) perfReports(emp int, direct bool) []int {
	var out []int
	emps := c.s.tbl(ResEmployees)
	for _, id := range emps.ids {
		if emps.recs[id]["terminated_on"] != nil {
			continue
		}
		if direct && intOr(emps.recs[id]["manager_id"]) == emp || !direct && c.perfManagedBy(id, emp) {
			out = append(out, id)
		}
	}
	return out
}

// perfManagedBy reports whether manager is above emp in the reporting
// line (bounded, so a cycle in hand-written data cannot loop). The caller
// holds the lock.
func (c *call) perfManagedBy(emp, manager int) bool {
	cur := emp
	for range 64 {
		m := intOr(c.s.tbl(ResEmployees).recs[cur]["manager_id"])
		if m == 0 {
			return false
		}
		if m == manager {
			return true
		}
		cur = m
	}
	return false
}

func (c *call) stopReviewProcess() {
	c.editProcess([]string{perfActive}, func(p map[string]any) *apiError {
		p["status"] = perfFinished
		return nil
	})
}

// reopenReviewProcess makes a finished process active again with a new
// deadline, which must lie in the future (422).
func (c *call) reopenReviewProcess() {
	c.editProcess([]string{perfFinished}, func(p map[string]any) *apiError {
		t, ok := perfTime(c.in["ends_at"])
		if !ok {
			return invalid("ends_at", "is not a timestamp")
		}
		if !t.After(c.perfNow()) {
			return invalid("ends_at", "must be in the future")
		}
		p["ends_at"], p["status"] = c.in["ends_at"], perfActive
		return nil
	})
}

func (c *call) toggleReviewProcessArchive() {
	c.editProcess(nil, func(p map[string]any) *apiError {
		p["archived"] = p["archived"] != true
		return nil
	})
}

// updateReviewProcessBasicInfo changes what the body sends; a blank name
// is refused (422).
func (c *call) updateReviewProcessBasicInfo() {
	c.editProcess(nil, func(p map[string]any) *apiError {
		if v, ok := c.in["name"]; ok {
			if strings.TrimSpace(stringOr(v)) == "" {
				return invalid("name", msgBlank)
			}
			p["name"] = v
		}
		if v, ok := c.in["description"]; ok {
			p["description"] = v
		}
		return nil
	})
}

func (c *call) updateReviewProcessDeadline() {
	c.editProcess(nil, func(p map[string]any) *apiError { return c.perfSetTime(p, "ends_at") })
}

func (c *call) updateReviewProcessReviewerStrategies() {
	c.editProcess([]string{perfDraft}, func(p map[string]any) *apiError {
		list, aerr := perfStrategyList("reviewer_strategies", c.in["reviewer_strategies"])
		if aerr != nil {
			return aerr
		}
		if len(list) == 0 {
			return invalid("reviewer_strategies", msgBlank)
		}
		p["reviewer_strategies"] = list
		return nil
	})
}

func (c *call) updateReviewProcessTargetStrategy() {
	c.editProcess([]string{perfDraft}, func(p map[string]any) *apiError {
		strategy := c.in["target_strategy"]
		if strategy == nil {
			old, _ := p["target_strategy"].(map[string]any)
			if old == nil {
				return invalid("target_strategy", msgBlank)
			}
			strategy = old["strategy"]
		}
		ts, aerr := perfTargetStrategy(strategy, c.in["arguments"])
		if aerr != nil {
			return aerr
		}
		p["target_strategy"] = ts
		return nil
	})
}

// remindReviewProcessInBulk records the reminder of an active process's
// pending reviewers (the sandbox sends no mail).
func (c *call) remindReviewProcessInBulk() {
	c.editProcess([]string{perfActive}, func(p map[string]any) *apiError {
		if v, ok := c.in["evaluation_types"]; ok && v != nil {
			if _, aerr := perfStrategyList("evaluation_types", v); aerr != nil {
				return aerr
			}
		}
		p["last_bulk_reminder"] = c.pj.now
		return nil
	})
}

// duplicateReviewProcess copies a process, its settings and questionnaires
// into a new draft by another author; participants and evaluations are
// not copied.
func (c *call) duplicateReviewProcess() {
	c.locked(writeLock, func() *apiError {
		src, aerr := c.perfProcess(c.in["id"])
		if aerr != nil {
			return aerr
		}
		if !c.perfMayEdit(intOr(src["id"])) {
			return errForbidden
		}
		access, _, aerr := c.perfAccess("author_access_id", c.in["author_access_id"])
		if aerr != nil {
			return aerr
		}
		rec := clone(src)
		delete(rec, "id")
		rec["status"], rec["starts_at"], rec["archived"], rec["last_bulk_reminder"], rec["author_access_id"] = perfDraft, nil, false, nil, access
		return c.perfInsertProcess(rec, access, src)
	})
}

// createReviewProcessFromTemplate creates a draft from a custom template
// of the company (422 when there is none with that id) or a predefined
// one. Factorial's predefined templates are not published; the sandbox
// reads any predefined template as a self and manager review of every
// employee.
func (c *call) createReviewProcessFromTemplate() {
	c.locked(writeLock, func() *apiError {
		access, _, aerr := c.perfAccess("author_access_id", c.in["author_access_id"])
		if aerr != nil {
			return aerr
		}
		rec := map[string]any{"status": perfDraft, "author_access_id": access, "starts_at": nil, "ends_at": nil, "archived": false,
			"last_bulk_reminder": nil, "cycle_id": nil, "company_id": demoCompanyID, "employee_score_enabled": false}
		tid, ok := toInt(c.in["template_id"])
		var vis map[string]any
		switch c.in["template_type"] {
		case "custom":
			tpl := c.s.tbl(ResPerfTemplates).recs[tid]
			if !ok || tpl == nil {
				return invalid("template_id", "The template does not exist")
			}
			rec["name"], rec["description"] = tpl["name"], tpl["description"]
			rec["target_strategy"] = cloneVal(tpl["target_strategy"])
			rec["reviewer_strategies"] = cloneVal(tpl["reviewer_strategies"])
			rec["agreements_configuration"] = map[string]any{"enabled": tpl["agreements_enabled"] == true}
			rec["competencies_assessments_configuration"] = map[string]any{"enabled": tpl["competencies_assessments_enabled"] == true}
			rec["employee_potential_score_enabled"] = tpl["employee_potential_score_enabled"] == true
			vis, _ = tpl["visibility_settings"].(map[string]any)
		case "predefined":
			if !ok || tid <= 0 {
				return invalid("template_id", "The template does not exist")
			}
			rec["name"], rec["description"] = "Performance review", nil
			rec["target_strategy"] = map[string]any{"strategy": "all_employees", "arguments": []any{}}
			rec["reviewer_strategies"] = []any{"self", "manager"}
			rec["agreements_configuration"] = map[string]any{"enabled": false}
			rec["competencies_assessments_configuration"] = map[string]any{"enabled": false}
			rec["employee_potential_score_enabled"] = false
		default:
			return invalid("template_type", "is not a template type: "+fmtVal(c.in["template_type"]))
		}
		if n, ok := c.in["name"].(string); ok && strings.TrimSpace(n) != "" {
			rec["name"] = n
		}
		if aerr := c.perfInsertProcess(rec, access, nil); aerr != nil {
			return aerr
		}
		if vis != nil {
			v := c.s.tbl(ResPerfVisibility).recs[intOr(rec["id"])]
			for _, k := range []string{"restrict_answers_visibility_to_reportees", "early_access_to_answers_for_managers", "anonymous_peer_evaluation_for_target"} {
				if b, ok := vis[k].(bool); ok && v != nil {
					v[k] = b
				}
			}
		}
		return nil
	})
}

// --------------------------------------------------------------- owners

// createReviewOwnersInBulk makes each access an owner of the process (an
// owner already is kept) and answers one owner record per access given.
func (c *call) createReviewOwnersInBulk() {
	c.locked(writeLock, func() *apiError {
		p, aerr := c.perfProcess(c.in["review_process_id"])
		if aerr != nil {
			return invalid("review_process_id", "The review process does not exist")
		}
		pid := intOr(p["id"])
		if !c.perfMayEdit(pid) {
			return errForbidden
		}
		raw, _ := c.in["owner_access_ids"].([]any)
		if len(raw) == 0 {
			return invalid("owner_access_ids", msgBlank)
		}
		var accesses []int
		for _, x := range raw {
			a, _, aerr := c.perfAccess("owner_access_ids", x)
			if aerr != nil {
				return aerr
			}
			if !slices.Contains(accesses, a) {
				accesses = append(accesses, a)
			}
		}
		var out []map[string]any
		for _, a := range accesses {
			var owner map[string]any
			c.s.tbl(ResPerfOwners).each(func(o map[string]any) bool {
				if intOr(o["performance_review_process_id"]) == pid && intOr(o["access_id"]) == a {
					owner = o
					return false
				}
				return true
			})
			if owner == nil {
				owner = map[string]any{"access_id": a, "performance_review_process_id": pid}
				if aerr := c.insert(ResPerfOwners, owner); aerr != nil {
					return aerr
				}
			}
			out = append(out, c.decorate(owner))
		}
		c.respondList(out)
		return nil
	})
}

// deleteReviewOwner removes an owner unless it is the process's last (422).
func (c *call) deleteReviewOwner() {
	c.onRecord(writeLock, byID(ResPerfOwners), func(o map[string]any) *apiError {
		pid := intOr(o["performance_review_process_id"])
		if !c.perfMayEdit(pid) {
			return errForbidden
		}
		owners := 0
		c.s.tbl(ResPerfOwners).each(func(r map[string]any) bool {
			if intOr(r["performance_review_process_id"]) == pid {
				owners++
			}
			return true
		})
		if owners <= 1 {
			return invalid("base", "A review process needs at least one owner")
		}
		c.s.tbl(ResPerfOwners).remove(intOr(o["id"]))
		c.respond(o)
		return nil
	})
}

// --------------------------------------------------------------- participants

// perfTargetByPath finds the participant a composite id names (404). The
// caller holds the lock.
func (c *call) perfTargetByPath(raw string) (map[string]any, *apiError) {
	pid, access, ok := parsePerfTargetID(raw)
	if !ok {
		return nil, notFound(raw)
	}
	t := c.perfTarget(pid, access)
	if t == nil {
		return nil, notFound(raw)
	}
	return t, nil
}

func (c *call) getReviewProcessTarget() {
	c.locked(readLock, func() *apiError {
		t, aerr := c.perfTargetByPath(c.path["id"])
		if aerr != nil {
			return aerr
		}
		c.respond(t)
		return nil
	})
}

// perfActiveTarget finds the participant the path names in an active
// process the caller may change. The caller holds the write lock.
func (c *call) perfActiveTarget() (target, process map[string]any, aerr *apiError) {
	t, aerr := c.perfTargetByPath(c.path["id"])
	if aerr != nil {
		return nil, nil, aerr
	}
	p, aerr := c.perfProcess(t["performance_review_process_id"])
	if aerr != nil {
		return nil, nil, aerr
	}
	if !c.perfMayEdit(intOr(p["id"])) {
		return nil, nil, errForbidden
	}
	if p["status"] != perfActive {
		return nil, nil, invalid("status", "The review process is "+fmtVal(p["status"])+"; this needs it active")
	}
	return t, p, nil
}

// deleteReviewProcessTarget removes a participant of an active process
// with every evaluation about them.
func (c *call) deleteReviewProcessTarget() {
	c.locked(writeLock, func() *apiError {
		t, p, aerr := c.perfActiveTarget()
		if aerr != nil {
			return aerr
		}
		pid, access := intOr(p["id"]), intOr(t["access_id"])
		c.perfRemoveWhere(ResPerfEvaluations, func(e map[string]any) bool {
			return intOr(e["performance_review_process_id"]) == pid && intOr(e["target_access_id"]) == access
		})
		c.s.tbl(ResPerfTargets).remove(intOr(t["id"]))
		c.respond(t)
		return nil
	})
}

// addReviewProcessTargetPeers gives a participant of an active process a
// peer evaluation by each access (not the participant; a peer already
// reviewing them is kept).
func (c *call) addReviewProcessTargetPeers() {
	c.locked(writeLock, func() *apiError {
		t, p, aerr := c.perfActiveTarget()
		if aerr != nil {
			return aerr
		}
		pid, access := intOr(p["id"]), intOr(t["access_id"])
		raw, _ := c.in["peer_access_ids"].([]any)
		if len(raw) == 0 {
			return invalid("peer_access_ids", msgBlank)
		}
		var peers []int
		for _, x := range raw {
			a, _, aerr := c.perfAccess("peer_access_ids", x)
			if aerr != nil {
				return aerr
			}
			if a == access {
				return invalid("peer_access_ids", "A participant cannot be their own peer")
			}
			if !slices.Contains(peers, a) {
				peers = append(peers, a)
			}
		}
		for _, a := range peers {
			exists := false
			c.s.tbl(ResPerfEvaluations).each(func(e map[string]any) bool {
				if intOr(e["performance_review_process_id"]) == pid && intOr(e["target_access_id"]) == access &&
					intOr(e["reviewer_access_id"]) == a && e["evaluation_type"] == "peers" {
					exists = true
					return false
				}
				return true
			})
			if !exists {
				if aerr := c.perfAddEvaluation(pid, access, a, "peers"); aerr != nil {
					return aerr
				}
			}
		}
		c.respond(t)
		return nil
	})
}

// removeReviewProcessTargetPeerEvaluations removes peer evaluations of the
// participant; each id must name one (422), all or nothing.
func (c *call) removeReviewProcessTargetPeerEvaluations() {
	c.locked(writeLock, func() *apiError {
		t, p, aerr := c.perfActiveTarget()
		if aerr != nil {
			return aerr
		}
		pid, access := intOr(p["id"]), intOr(t["access_id"])
		raw, _ := c.in["evaluation_ids"].([]any)
		if len(raw) == 0 {
			return invalid("evaluation_ids", msgBlank)
		}
		var ids []int
		for _, x := range raw {
			id, _ := toInt(x)
			e := c.s.tbl(ResPerfEvaluations).recs[id]
			if e == nil || e["evaluation_type"] != "peers" || intOr(e["performance_review_process_id"]) != pid || intOr(e["target_access_id"]) != access {
				return invalid("evaluation_ids", "is not a peer evaluation of the participant: "+fmtVal(x))
			}
			ids = append(ids, id)
		}
		for _, id := range ids {
			c.s.tbl(ResPerfEvaluations).remove(id)
		}
		c.respond(t)
		return nil
	})
}

// createReviewProcessTargetsInBulk adds participants to an active process
// and answers them (those already taking part included).
func (c *call) createReviewProcessTargetsInBulk() {
	c.locked(writeLock, func() *apiError {
		p, aerr := c.perfProcess(c.in["performance_review_process_id"])
		if aerr != nil {
			return invalid("performance_review_process_id", "The review process does not exist")
		}
		pid := intOr(p["id"])
		if !c.perfMayEdit(pid) {
			return errForbidden
		}
		if p["status"] != perfActive {
			return invalid("status", "The review process is "+fmtVal(p["status"])+"; this needs it active")
		}
		raw, _ := c.in["targets_access_ids"].([]any)
		if len(raw) == 0 {
			return invalid("targets_access_ids", msgBlank)
		}
		var accesses []int
		for _, x := range raw {
			a, _, aerr := c.perfAccess("targets_access_ids", x)
			if aerr != nil {
				return aerr
			}
			if !slices.Contains(accesses, a) {
				accesses = append(accesses, a)
			}
		}
		var out []map[string]any
		for _, a := range accesses {
			if aerr := c.perfAddTarget(p, a); aerr != nil {
				return aerr
			}
			out = append(out, c.decorate(c.perfTarget(pid, a)))
		}
		c.respondList(out)
		return nil
	})
}

// perfTargetFilter applies the participant filters that are not plain
// field comparisons. only_for_peer_assignment keeps the participants of
// processes that have peer reviews (the reading the sandbox chose: who
// else could be given peers is not documented).
func perfTargetFilter(c *call, q url.Values) func(v map[string]any) bool {
	noManager, byNoManager := queryBool(q, "without_manager")
	noPeers, byNoPeers := queryBool(q, "pending_peer_evaluations")
	forPeers, byForPeers := queryBool(q, "only_for_peer_assignment")
	agreement := q.Get("agreement_completion_status")
	managed := c.perfManagedFilter(q, "managed_by_filter")
	return func(v map[string]any) bool {
		emp := intOr(v["employee_id"])
		pid, access := intOr(v["performance_review_process_id"]), intOr(v["access_id"])
		if byNoManager && noManager && intOr(c.s.tbl(ResEmployees).recs[emp]["manager_id"]) != 0 {
			return false
		}
		if byNoPeers && noPeers && c.perfHasPeers(pid, access) {
			return false
		}
		if byForPeers && forPeers {
			strategies, _ := c.s.tbl(ResPerfProcesses).recs[pid]["reviewer_strategies"].([]any)
			if !slices.Contains(strategies, any("peers")) {
				return false
			}
		}
		if agreement != "" && c.perfAgreementState(pid, access) != agreement {
			return false
		}
		return managed == nil || managed(emp)
	}
}

// perfHasPeers reports whether a participant has a peer evaluation. The
// caller holds the lock.
func (c *call) perfHasPeers(process, access int) bool {
	found := false
	c.s.tbl(ResPerfEvaluations).each(func(e map[string]any) bool {
		if intOr(e["performance_review_process_id"]) == process && intOr(e["target_access_id"]) == access && e["evaluation_type"] == "peers" {
			found = true
			return false
		}
		return true
	})
	return found
}

// perfAgreementState is the agreement_completion_status a participant
// matches: their action plan's (pending or signed), else canbeinitiated
// when action plans are on, else notinitiated. The electronic signature
// states never occur in the sandbox. The caller holds the lock.
func (c *call) perfAgreementState(process, access int) string {
	if a := c.perfAgreementOf(process, perfTargetID(process, access)); a != nil {
		if a["status"] == "signed" {
			return "hassignedagreement"
		}
		return "haspendingagreement"
	}
	p := c.s.tbl(ResPerfProcesses).recs[process]
	if cfg, _ := p["agreements_configuration"].(map[string]any); cfg["enabled"] == true {
		return "canbeinitiated"
	}
	return "notinitiated"
}

// perfManagedFilter reads <prefix>[manager_employee_id] and
// <prefix>[only_direct_reports] into a check of an employee id, or nil
// when no manager is named.
func (c *call) perfManagedFilter(q url.Values, prefix string) func(emp int) bool {
	raw := q.Get(prefix + "[manager_employee_id]")
	if raw == "" {
		return nil
	}
	manager, ok := canonicalID(raw)
	if !ok {
		return func(int) bool { return false }
	}
	direct, _ := queryBool(q, prefix+"[only_direct_reports]")
	return func(emp int) bool {
		if direct {
			return intOr(c.s.tbl(ResEmployees).recs[emp]["manager_id"]) == manager
		}
		return c.perfManagedBy(emp, manager)
	}
}

// perfEvaluationFilter applies the evaluation filters that are not plain
// field comparisons.
func perfEvaluationFilter(c *call, q url.Values) func(v map[string]any) bool {
	reviewers := queryIDs(q, "reviewer_ids[]")
	strategies := q["reviewer_strategies[]"]
	excluded := queryIDs(q, "exclude_ids[]")
	managed := c.perfManagedFilter(q, "with_targets_managed_by_filter")
	return func(v map[string]any) bool {
		switch {
		case len(reviewers) > 0 && !slices.Contains(reviewers, intOr(v["reviewer_access_id"])):
			return false
		case len(strategies) > 0 && !slices.Contains(strategies, fmtVal(v["evaluation_type"])):
			return false
		case slices.Contains(excluded, intOr(v["id"])):
			return false
		}
		if managed == nil {
			return true
		}
		emp, _ := c.s.employeeOfAccess(intOr(v["target_access_id"]))
		return managed(emp)
	}
}

// replaceReviewEvaluationReviewer hands an unpublished evaluation that is
// not a self review, in an active process, to another access (422 for
// each of those conditions).
func (c *call) replaceReviewEvaluationReviewer() {
	c.edit(ResPerfEvaluations, func(e map[string]any) *apiError {
		p, aerr := c.perfProcess(e["performance_review_process_id"])
		if aerr != nil {
			return aerr
		}
		if !c.perfMayEdit(intOr(p["id"])) {
			return errForbidden
		}
		switch {
		case p["status"] != perfActive:
			return invalid("base", "The review process is not active")
		case e["published"] == true:
			return invalid("base", "The evaluation is already published")
		case e["evaluation_type"] == "self":
			return invalid("base", "A self review cannot change its reviewer")
		}
		access, _, aerr := c.perfAccess("new_reviewer_access_id", c.in["new_reviewer_access_id"])
		if aerr != nil {
			return aerr
		}
		if access == intOr(e["target_access_id"]) {
			return invalid("new_reviewer_access_id", "The participant cannot review themselves here")
		}
		e["reviewer_access_id"] = access
		return nil
	})
}

// --------------------------------------------------------------- estimated participants and managers

// listEstimatedTargets answers, for each process that has not started,
// the people its target strategy selects now.
func (c *call) listEstimatedTargets() {
	c.locked(readLock, func() *apiError {
		m := newMatcher(c.rt, c.r.URL.Query(), c.path)
		var out []map[string]any
		procs := c.s.tbl(ResPerfProcesses)
		for _, pid := range procs.ids {
			p := procs.recs[pid]
			ts, _ := p["target_strategy"].(map[string]any)
			if (p["status"] != perfDraft && p["status"] != perfScheduled) || ts == nil {
				continue
			}
			for _, emp := range c.perfMembers(ts) {
				access := c.s.accessOf(emp)
				rec := map[string]any{"id": perfTargetID(pid, access), "performance_review_process_id": pid,
					"access_id": access, "employee_id": emp, "_seq": len(out) + 1}
				if m.match(rec) {
					out = append(out, rec)
				}
			}
		}
		return c.respondPage(out)
	})
}

// perfTargetManagers lists the managers of the participants of each
// process (or of those given), one record per process and manager. The
// caller holds the lock.
func (c *call) perfTargetManagers(processes []int) []map[string]any {
	var out []map[string]any
	seen := map[string]bool{}
	c.s.tbl(ResPerfTargets).each(func(t map[string]any) bool {
		pid := intOr(t["performance_review_process_id"])
		if len(processes) > 0 && !slices.Contains(processes, pid) {
			return true
		}
		emp := c.s.tbl(ResEmployees).recs[intOr(t["employee_id"])]
		mid := intOr(emp["manager_id"])
		mgr := c.s.tbl(ResEmployees).recs[mid]
		key := fmt.Sprint(pid, "/", mid)
		if mgr == nil || seen[key] {
			return true
		}
		seen[key] = true
		out = append(out, map[string]any{"id": mid, "performance_review_process_id": pid,
			"manager_access_id": nilIfZero(intOr(mgr["access_id"])), "manager_full_name": mgr["full_name"], "_seq": len(out) + 1})
		return true
	})
	return out
}

func nilIfZero(n int) any {
	if n == 0 {
		return nil
	}
	return n
}

func (c *call) listTargetManagers() {
	c.locked(readLock, func() *apiError {
		m := newMatcher(c.rt, c.r.URL.Query(), c.path)
		var out []map[string]any
		for _, rec := range c.perfTargetManagers(nil) {
			if m.match(rec) {
				out = append(out, rec)
			}
		}
		return c.respondPage(out)
	})
}

// getTargetManager answers the manager with that employee id, in the
// first process where they manage a participant.
func (c *call) getTargetManager() {
	c.locked(readLock, func() *apiError {
		id, ok := canonicalID(c.path["id"])
		if !ok {
			return notFound(c.path["id"])
		}
		for _, rec := range c.perfTargetManagers(nil) {
			if rec["id"] == id {
				c.respond(rec)
				return nil
			}
		}
		return notFound(c.path["id"])
	})
}

// --------------------------------------------------------------- action plans

// perfAgreementOf is the action plan of a participant, or nil. The caller
// holds the lock.
func (c *call) perfAgreementOf(process int, target string) map[string]any {
	var found map[string]any
	c.s.tbl(ResPerfAgreements).each(func(a map[string]any) bool {
		if intOr(a["process_id"]) == process && a["target_id"] == target {
			found = a
			return false
		}
		return true
	})
	return found
}

// perfStartAgreement stores a pending action plan for a participant. The
// caller holds the write lock.
func (c *call) perfStartAgreement(pid int, t map[string]any) (map[string]any, *apiError) {
	access := intOr(t["access_id"])
	target := perfTargetID(pid, access)
	emp := c.s.tbl(ResEmployees).recs[intOr(t["employee_id"])]
	rec := map[string]any{"process_id": pid, "target_id": target, "signer_id": nil, "reviewer_id": nilIfZero(intOr(emp["manager_id"])),
		"manager_signed_at": nil, "target_signed_at": nil, "agreement_signed_at": nil, "last_modified_at": c.pj.now,
		"status": "pending", "locked": false, "conclusions": nil, "self_comments": []any{}, "manager_comments": []any{},
		"self_evaluation_id": nil, "manager_evaluation_id": nil}
	c.s.tbl(ResPerfEvaluations).each(func(e map[string]any) bool {
		if intOr(e["performance_review_process_id"]) == pid && intOr(e["target_access_id"]) == access {
			switch e["evaluation_type"] {
			case "self":
				rec["self_evaluation_id"] = e["id"]
			case "manager":
				rec["manager_evaluation_id"] = e["id"]
			}
		}
		return true
	})
	if aerr := c.insert(ResPerfAgreements, rec); aerr != nil {
		return nil, aerr
	}
	return rec, nil
}

// perfAgreementProcess finds the process of an action plan request: it
// must exist (422), have action plans on (422) and have started (422).
// The caller holds the lock.
func (c *call) perfAgreementProcess() (map[string]any, *apiError) {
	p, aerr := c.perfProcess(c.in["process_id"])
	if aerr != nil {
		return nil, invalid("process_id", "The review process does not exist")
	}
	if cfg, _ := p["agreements_configuration"].(map[string]any); cfg["enabled"] != true {
		return nil, invalid("process_id", "Action plans are not enabled in this review process")
	}
	if p["status"] != perfActive && p["status"] != perfFinished {
		return nil, invalid("process_id", "The review process has not started")
	}
	return p, nil
}

// perfMayStartAgreement: admins, API keys and company tokens, owners of
// the process, and the participant's direct manager. The caller holds
// the lock.
func (c *call) perfMayStartAgreement(pid int, t map[string]any) bool {
	if c.perfMayEdit(pid) {
		return true
	}
	emp := c.s.tbl(ResEmployees).recs[intOr(t["employee_id"])]
	return c.p.EmployeeID != 0 && intOr(emp["manager_id"]) == c.p.EmployeeID
}

// initiateAgreement starts the action plan of one participant (422 when
// it already has one).
func (c *call) initiateAgreement() {
	c.locked(writeLock, func() *apiError {
		p, aerr := c.perfAgreementProcess()
		if aerr != nil {
			return aerr
		}
		pid := intOr(p["id"])
		tp, access, ok := parsePerfTargetID(fmtVal(c.in["target_id"]))
		t := c.perfTarget(pid, access)
		if !ok || tp != pid || t == nil {
			return invalid("target_id", "is not a participant of the review process")
		}
		if !c.perfMayStartAgreement(pid, t) {
			return errForbidden
		}
		if c.perfAgreementOf(pid, perfTargetID(pid, access)) != nil {
			return invalid("target_id", "The action plan has already been started")
		}
		rec, aerr := c.perfStartAgreement(pid, t)
		if aerr != nil {
			return aerr
		}
		c.respond(rec)
		return nil
	})
}

// initiateAgreementsInBulk starts the missing action plans of the
// caller's direct reports in the process, or of every participant for
// admins, API keys and company tokens.
func (c *call) initiateAgreementsInBulk() {
	c.locked(writeLock, func() *apiError {
		p, aerr := c.perfAgreementProcess()
		if aerr != nil {
			return aerr
		}
		pid := intOr(p["id"])
		all := c.p.privileged()
		var targets []map[string]any
		c.s.tbl(ResPerfTargets).each(func(t map[string]any) bool {
			if intOr(t["performance_review_process_id"]) != pid {
				return true
			}
			emp := c.s.tbl(ResEmployees).recs[intOr(t["employee_id"])]
			if (all || c.p.EmployeeID != 0 && intOr(emp["manager_id"]) == c.p.EmployeeID) &&
				c.perfAgreementOf(pid, perfTargetID(pid, intOr(t["access_id"]))) == nil {
				targets = append(targets, t)
			}
			return true
		})
		out := []map[string]any{}
		for _, t := range targets {
			rec, aerr := c.perfStartAgreement(pid, t)
			if aerr != nil {
				return aerr
			}
			out = append(out, c.decorate(rec))
		}
		c.respondList(out)
		return nil
	})
}

// --------------------------------------------------------------- questionnaires and settings

// editQuestionnaires changes the questionnaire record of the process the
// body names (422 when there is none); f edits a copy.
func (c *call) editQuestionnaires(draftOnly bool, f func(q map[string]any) *apiError) {
	c.locked(writeLock, func() *apiError {
		p, aerr := c.perfProcess(c.in["performance_review_process_id"])
		if aerr != nil {
			return invalid("performance_review_process_id", "The review process does not exist")
		}
		pid := intOr(p["id"])
		if !c.perfMayEdit(pid) {
			return errForbidden
		}
		if draftOnly && p["status"] != perfDraft {
			return invalid("status", "The review process is "+fmtVal(p["status"])+"; this needs it draft")
		}
		old := c.s.tbl(ResPerfQuestionnaires).recs[pid]
		if old == nil {
			return notFound(strconv.Itoa(pid))
		}
		q := clone(old)
		if aerr := f(q); aerr != nil {
			return aerr
		}
		return c.save(ResPerfQuestionnaires, q, old)
	})
}

// updateDefaultRatingScale replaces the rating scale: at least two steps,
// values 0 to 10, each once, each with a label (422).
func (c *call) updateDefaultRatingScale() {
	c.editQuestionnaires(false, func(q map[string]any) *apiError {
		raw, _ := c.in["default_rating_scale"].([]any)
		if len(raw) < 2 {
			return invalid("default_rating_scale", "needs at least two steps")
		}
		var seen []int
		out := make([]any, 0, len(raw))
		for _, x := range raw {
			step, _ := x.(map[string]any)
			v, ok := toInt(step["value"])
			text := strings.TrimSpace(stringOr(step["text"]))
			if !ok || v < 0 || v > 10 || slices.Contains(seen, v) || text == "" {
				return invalid("default_rating_scale", "needs steps with distinct values from 0 to 10 and a text each")
			}
			seen = append(seen, v)
			out = append(out, map[string]any{"value": v, "text": text})
		}
		q["default_rating_scale"] = out
		return nil
	})
}

// updateQuestionnaireForStrategy replaces one review type's questions in a
// draft process: groups are sections (with a title) or single questions,
// every question has a title and an answer type among Factorial's (422).
func (c *call) updateQuestionnaireForStrategy() {
	c.editQuestionnaires(true, func(q map[string]any) *apiError {
		strategy, _ := c.in["strategy"].(string)
		field := perfQuestionnaireField[strategy]
		if field == "" {
			return invalid("strategy", "is not a review type: "+fmtVal(c.in["strategy"]))
		}
		raw, ok := c.in["questionnaire_content"].([]any)
		if !ok {
			return invalid("questionnaire_content", "is not a list of groups")
		}
		for _, g := range raw {
			gm, _ := g.(map[string]any)
			typ := stringOr(gm["type"])
			qs, _ := gm["questions"].([]any)
			if (typ != "section" && typ != "question") || len(qs) == 0 || typ == "question" && len(qs) != 1 {
				return invalid("questionnaire_content", "needs groups of type section, or question with one question")
			}
			for _, x := range qs {
				qm, _ := x.(map[string]any)
				if strings.TrimSpace(stringOr(qm["title"])) == "" ||
					!slices.Contains([]string{"text", "rating", "number", "multiple_choice"}, stringOr(qm["answer_type"])) {
					return invalid("questionnaire_content", "needs questions with a title and an answer type of text, rating, number or multiple_choice")
				}
			}
		}
		q[field] = map[string]any{"reviewer_strategy": strategy, "content": cloneVal(raw)}
		return nil
	})
}

// prepareVisibility: the settings belong to the process of their id; a
// different performance_review_process_id is refused (422), and only a
// process's owners (or admins) change them (403).
func prepareVisibility(c *call, rec, old map[string]any) *apiError {
	if old == nil {
		return nil
	}
	if !c.perfMayEdit(intOr(old["id"])) {
		return errForbidden
	}
	if v, ok := c.in["performance_review_process_id"]; ok && v != nil && fmtVal(v) != fmtVal(old["id"]) {
		return invalid("performance_review_process_id", "does not match the id in the path")
	}
	rec["performance_review_process_id"] = old["id"]
	return nil
}

// setCompanyEmployeeScoreScale chooses the company's scale; the id is the
// company's (404 for another) and the scale must exist (422).
func (c *call) setCompanyEmployeeScoreScale() {
	c.edit(ResPerfCompanyScales, func(rec map[string]any) *apiError {
		id, _ := toInt(c.in["scale_id"])
		scale := c.s.tbl(ResPerfScales).recs[id]
		if scale == nil {
			return invalid("scale_id", "The employee score scale does not exist")
		}
		rec["scale_id"], rec["is_default"] = id, scale["is_default"] == true
		return nil
	})
}
