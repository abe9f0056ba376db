package sandbox

// Hand-written behaviour: the registry of actions with business rules and
// of the per-resource hooks the generic engine calls; their handlers live
// in rules_<area>.go. Everything else is generic.

import (
	"net/http"
	"strings"
)

type actionFunc func(c *call)

// actionDef binds a hand-written handler to every operation whose method
// and trailing path segments match ("{}" matches any parameter), so v1/v2
// twins and legacy aliases share one handler.
type actionDef struct {
	method   string
	suffix   string
	resource string
	fn       actionFunc
	self     bool // basic users may call it for their own employee_id
}

var actionDefs = []actionDef{
	{http.MethodGet, "v1/me", ResEmployees, (*call).me, false},
	{http.MethodPost, "employees/{}/terminate", ResEmployees, (*call).terminate, false},
	{http.MethodPost, "employees/{}/unterminate", ResEmployees, (*call).unterminate, false},
	{http.MethodPost, "employees/{}/invite", ResEmployees, (*call).invite, false},
	{http.MethodPut, "employees/{}/email", ResEmployees, (*call).changeEmail, false},
	{http.MethodPost, "teams/{}/employees/{}", ResTeams, (*call).membership, false},
	{http.MethodPut, "teams/{}/employees/{}", ResTeams, (*call).membership, false},
	{http.MethodDelete, "teams/{}/employees/{}", ResTeams, (*call).membership, false},
	{http.MethodPost, "shifts/clock_in", ResShifts, (*call).clockIn, true},
	{http.MethodPost, "shifts/clock_out", ResShifts, (*call).clockOut, true},
	{http.MethodPost, "shifts/toggle", ResShifts, (*call).toggle, true},
	{http.MethodPost, "breaks/start", ResAttendance, (*call).breakStart, true},
	{http.MethodPost, "breaks/end", ResAttendance, (*call).breakEnd, true},
	{http.MethodPost, "time/breaks", ResAttendance, (*call).createBreak, true},
	{http.MethodPost, "job_postings/{}/duplicate", ResJobPostings, (*call).duplicatePosting, false},
	{http.MethodPost, "tasks/{}/resolve", ResTasks, (*call).resolveTask, false},
	{http.MethodPost, "tasks/{}/copy", ResTasks, (*call).copyTask, false},
	{http.MethodPost, "shifts_management/publish", ResManagedShifts, (*call).publishShifts, false},
	{http.MethodPost, "v1/core/webhooks", ResWebhooks, (*call).subscribeWebhook, false},
	{http.MethodPost, "v1/webhooks", ResWebhooks, (*call).subscribeWebhook, false},
	{http.MethodDelete, "v1/webhooks", ResWebhooks, (*call).unsubscribeWebhook, false},
	{http.MethodGet, "codes/{}/find_employee", ResEmployees, (*call).findEmployeeByCode, false},
}

// adminOnly resources are hidden from basic users even for reads (API keys
// need full-admin credentials).
var adminOnly = map[string]bool{ResAPIKeys: true}

func findAction(method string, segs []string) *actionDef {
	for i := range actionDefs {
		a := &actionDefs[i]
		if a.method != method {
			continue
		}
		want := strings.Split(a.suffix, "/")
		if len(want) > len(segs) {
			continue
		}
		tail := segs[len(segs)-len(want):]
		ok := true
		for j, w := range want {
			if (w == "{}") != isParam(tail[j]) || (w != "{}" && w != tail[j]) {
				ok = false
				break
			}
		}
		if ok {
			return a
		}
	}
	return nil
}

// resourceHooks are the per-resource rules of the generic engine.
type resourceHooks struct {
	prepare  func(c *call, rec, old map[string]any) // defaults and derived fields (old nil on create)
	validate func(c *call, rec, old map[string]any) *apiError
	decorate func(s *Sandbox, rec map[string]any) map[string]any // read-time joins
	deleted  func(s *Sandbox, rec map[string]any)
}

var hooks map[string]*resourceHooks

func init() {
	hooks = map[string]*resourceHooks{
		ResEmployees:         {prepare: prepareEmployee, validate: validateEmployee},
		ResTeams:             {prepare: prepareTeam, deleted: teamDeleted},
		ResTrainingSessions:  {deleted: sessionDeleted},
		ResLeaves:            {prepare: prepareLeave, validate: validateLeave, decorate: decorateLeave},
		ResAPIKeys:           {prepare: prepareAPIKey},
		ResCustomTableFields: {prepare: prepareCustomTableField},
		ResCustomTableValues: {prepare: prepareCustomTableValue},
		ResManagedShifts:     {prepare: prepareManagedShift},
		ResJobPostings:       {prepare: prepareJobPosting},
		ResAtsMessages:       {prepare: prepareAtsMessage},
		ResWebhooksV2:        {prepare: prepareWebhook},
		ResWebhooks:          {prepare: prepareWebhook},
		ResOverlapPeriods:    {deleted: overlapPeriodDeleted},
		ResCompensations:     {deleted: compensationDeleted},
		ResPostComments:      {deleted: postCommentDeleted},
	}
}

func setDefault(rec map[string]any, k string, v any) {
	if rec[k] == nil {
		rec[k] = v
	}
}

func intOr(v any) int {
	n, _ := toInt(v)
	return n
}
