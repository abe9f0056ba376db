package sandbox

import (
	"net/http"
	"slices"
	"testing"
	"time"
)

func init() { areaWalks["employee_updates"] = walkEmployeeUpdates }

// walkEmployeeUpdates is the employee updates part of
// TestDatedEveryOperationAnswers2xx.
func walkEmployeeUpdates(t *testing.T, _ *env, ok okFunc) {
	for _, p := range []string{"absences", "contract_changes", "new_hires", "personal_changes", "terminations"} {
		ok("GET", "/employee_updates/"+p, nil)
	}
	ok("GET", "/employee_updates/absences/1", nil)
	ok("GET", "/employee_updates/contract_changes/3", nil)
	ok("GET", "/employee_updates/new_hires/4", nil)
	ok("GET", "/employee_updates/personal_changes/5", nil)
	ok("GET", "/employee_updates/terminations/6", nil)
	ok("GET", "/employee_updates/summaries", nil)
	ok("GET", "/employee_updates/summaries/6", nil)
}

// TestDatedEmployeeUpdateSummaries: the summaries list every update of
// every kind under its own id and type, and their filters select by
// employee, legal entity, type and start day.
func TestDatedEmployeeUpdateSummaries(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	list := func(q string) []string {
		t.Helper()
		r := e.dated("GET", "/employee_updates/summaries"+q, key, nil)
		if r.status != 200 {
			t.Fatalf("summaries%s: %d %s", q, r.status, r.body)
		}
		return idsOf(t, r)
	}
	if got := list(""); !slices.Equal(got, []string{"1", "2", "3", "4", "5", "6"}) {
		t.Errorf("all summaries: %v", got)
	}
	today := DefaultNow.Format(time.DateOnly)
	for q, want := range map[string][]string{
		"?type%5B%5D=termination":                        {"6"},
		"?type%5B%5D=hiring&type%5B%5D=address":          {"4", "5"},
		"?employee_ids%5B%5D=1003":                       {"1", "3"},
		"?legal_entities_ids%5B%5D=1":                    {"1", "2", "3", "4", "5", "6"},
		"?legal_entities_ids%5B%5D=2":                    {},
		"?starts_on=" + today:                            {"1"},
		"?ends_on=" + today + "&type%5B%5D=custom-leave": {"2"},
	} {
		if got := list(q); !slices.Equal(got, want) {
			t.Errorf("summaries%s: %v, want %v", q, got, want)
		}
	}
	r := e.dated("GET", "/employee_updates/summaries/6", key, nil)
	sum := r.obj(t)
	if r.status != 200 || sum["type"] != "termination" || sum["employee_id"] != "1005" || sum["legal_entity_id"] != "1" {
		t.Errorf("summary 6: %d %v", r.status, sum)
	}
	if r := e.dated("GET", "/employee_updates/summaries/99", key, nil); r.status != http.StatusNotFound {
		t.Errorf("missing summary: %d %s, want 404", r.status, r.body)
	}
	// The personal change's internal type is not part of its record.
	pc := e.dated("GET", "/employee_updates/personal_changes/5", key, nil).obj(t)
	if _, ok := pc["summary_type"]; ok || pc["address_line_1"] != "Carrer Nou 12" {
		t.Errorf("personal change 5: %v", pc)
	}
}
