package sandbox

import (
	"fmt"
	"maps"
	"net/http"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

// nonAPI are the spec's operations outside /api/ (the OAuth server's).
func nonAPI(t testing.TB) []string {
	var out []string
	for path, item := range specvalidate.MustNew().Doc().Paths.Map() {
		if !strings.HasPrefix(path, "/api/") {
			for _, op := range item.Operations() {
				out = append(out, op.OperationID)
			}
		}
	}
	return out
}

// actionOrder sequences the rule-bearing actions in the sweep so each one
// meets the state it needs (clock in before clock out, invite before
// terminate, ...).
var actionOrder = []string{
	"GetMe", "FindEmployeeByIntegrationCode",
	"InviteEmployee", "UpdateEmployeeEmail", "TerminateEmployee", "UnterminateEmployee",
	"TerminateEmployeeV2", "UnterminateEmployeeV2",
	"AssignEmployeeToTeam", "UpdateTeamMembership", "UnassignEmployeeFromTeam",
	"ClockIn", "ClockOut", "ClockInLegacy", "ClockOutLegacy", "ToggleClock",
	"StartBreak", "EndBreak", "CreateBreak",
	"PublishManagedShifts", "DuplicateJobPosting", "ResolveTask", "CopyTask",
	"CreateWebhook", "CreateWebhookLegacy",
}

func phase(rt *route) int {
	switch rt.kind {
	case kindCreate:
		return 0
	case kindList, kindFind, kindGet, kindBulk:
		return 1
	case kindUpdate:
		return 2
	case kindAction:
		if rt.method == http.MethodDelete {
			return 4
		}
		return 3
	}
	return 4
}

func sweepOrder(routes []*route) []*route {
	out := slices.Clone(routes)
	sort.SliceStable(out, func(i, j int) bool {
		pi, pj := phase(out[i]), phase(out[j])
		if pi != pj {
			return pi < pj
		}
		if pi == 3 {
			return slices.Index(actionOrder, out[i].opID) < slices.Index(actionOrder, out[j].opID)
		}
		return out[i].opID < out[j].opID
	})
	return out
}

// pathFor picks path parameters: item routes address the resource's last
// record (usually the one the sweep created), sub-collections the seeded
// parent.
func (e *env) pathFor(rt *route) []any {
	switch rt.opID {
	case "AssignEmployeeToTeam", "UpdateTeamMembership", "UnassignEmployeeFromTeam":
		return []any{2, DemoBasic2ID}
	}
	var rec map[string]any
	if rt.idParam != "" {
		recs := e.s.List(rt.resource)
		if rt.action != nil && rt.resource == ResEmployees && rt.opID == "FindEmployeeByIntegrationCode" {
			recs = e.s.List(ResPayrollIntegrationCodes)
		}
		if len(recs) == 0 {
			e.t.Fatalf("%s: no %s record to address", rt.opID, rt.resource)
		}
		rec = recs[len(recs)-1]
		if rt.opID == "FindEmployeeByIntegrationCode" {
			rec = recs[0]
		}
	}
	var out []any
	for _, p := range rt.params {
		switch {
		case p == rt.idParam:
			out = append(out, rec["id"])
		case rec != nil:
			for _, f := range rt.fks {
				if f.param == p {
					out = append(out, rec[f.field])
				}
			}
		case p == "employee_id":
			out = append(out, DemoBasicID)
		default:
			out = append(out, 1)
		}
	}
	return out
}

// queryFor supplies the required query parameters.
func (e *env) queryFor(rt *route) map[string]any {
	q := map[string]any{}
	op := e.s.validator.Doc().Paths.Find(rt.template).GetOperation(rt.method)
	for _, p := range op.Parameters {
		if p.Value.In != "query" || !p.Value.Required {
			continue
		}
		switch name := p.Value.Name; {
		case name == "instance_id":
			q[name] = DemoBasicID
		case strings.HasSuffix(name, "_id"):
			q[name] = 1
		default:
			q[name] = "employees-questions"
		}
	}
	return q
}

// TestEveryOperationAnswers2xx drives every /api/ operation of the spec
// through the generated client and the validating transport, in an order
// that creates before it reads, updates and deletes, and requires a
// validated 2xx exchange for each: 100% of the spec's /api/ operations.
func TestEveryOperationAnswers2xx(t *testing.T) {
	e := newEnv(t)
	c := e.client(tokAdmin)
	for _, rt := range sweepOrder(e.s.routes) {
		in := e.requestFor(rt)
		in.path = e.pathFor(rt)
		in.query = e.queryFor(rt)
		repeatPathID(rt, &in)
		if rt.opID == "DeleteWebhookLegacy" {
			hooks := e.s.List(ResWebhooks)
			in.body = map[string]any{"type": hooks[len(hooks)-1]["type"]}
		}
		res := invoke(t, c, rt.opID, in)
		if res.status < 200 || res.status > 299 {
			t.Errorf("%s %s (%s): status %d: %s", rt.method, rt.template, rt.opID, res.status, res.body)
		}
	}
	v := specvalidate.MustNew()
	skip := nonAPI(t)
	missing := e.cov.Missing(v, skip...)
	total := len(v.Operations()) - len(skip)
	t.Logf("coverage: %d/%d /api/ operations answered a validated 2xx (%.1f%%)",
		total-len(missing), total, 100*float64(total-len(missing))/float64(total))
	if len(missing) > 0 {
		t.Errorf("operations without a validated 2xx exchange: %v", missing)
	}
	if vs := e.s.Violations(); len(vs) > 0 {
		t.Errorf("sandbox produced %d spec violations", len(vs))
	}
}

// TestRoundTripEveryResource: for every operation family (a resource's v1,
// v2 or legacy operations) that can create, create → get → list → update →
// delete through the generated client, using whichever of those steps the
// family has; without a GET-by-id the list is the read-back.
func TestRoundTripEveryResource(t *testing.T) {
	e := newEnv(t)
	c := e.client("key:" + tokKey)
	type family struct{ create, get, list, update, del *route }
	fams := map[string]*family{}
	for _, rt := range e.s.routes {
		version := strings.Split(rt.template, "/")[2]
		if strings.HasSuffix(rt.opID, "Legacy") {
			version += "-legacy"
		}
		key := rt.resource + " " + version
		f := fams[key]
		if f == nil {
			f = &family{}
			fams[key] = f
		}
		switch rt.kind {
		case kindCreate:
			f.create = rt
		case kindGet:
			f.get = rt
		case kindList:
			if len(rt.fks) == 0 {
				f.list = rt
			}
		case kindUpdate:
			if f.update == nil || rt.method == http.MethodPut && rt.idParam == "id" && !strings.Contains(rt.template, "}/") {
				f.update = rt
			}
		case kindDelete:
			if len(rt.fks) == 0 {
				f.del = rt
			}
		}
	}
	var tested []string
	for _, key := range slices.Sorted(maps.Keys(fams)) {
		f := fams[key]
		if f.create == nil || len(f.create.fks) > 0 || (f.get == nil && f.list == nil) {
			continue
		}
		tested = append(tested, key)
		t.Run(key, func(t *testing.T) {
			// read returns the record via GET /{id}, or by scanning the list.
			read := func(id int) (map[string]any, bool) {
				if f.get != nil {
					res := invoke(t, c, f.get.opID, callIn{path: []any{id}})
					if res.status == http.StatusNotFound {
						if !strings.Contains(string(res.body), fmt.Sprintf(`"Resource #%d not found"`, id)) {
							t.Errorf("404 body %s", res.body)
						}
						return nil, false
					}
					return res.obj(t), true
				}
				res := invoke(t, c, f.list.opID, callIn{query: e.queryFor(f.list)})
				for _, x := range res.json(t).([]any) {
					if m := x.(map[string]any); int(m["id"].(float64)) == id {
						return m, true
					}
				}
				return nil, false
			}
			in := e.requestFor(f.create)
			in.query = e.queryFor(f.create)
			res := invoke(t, c, f.create.opID, in)
			if res.status != f.create.status {
				t.Fatalf("%s: status %d, want %d: %s", f.create.opID, res.status, f.create.status, res.body)
			}
			id := int(res.obj(t)["id"].(float64))
			if got, ok := read(id); !ok || int(got["id"].(float64)) != id {
				t.Fatalf("created %d not readable", id)
			}
			if f.list != nil {
				found := false
				for _, x := range invoke(t, c, f.list.opID, callIn{query: e.queryFor(f.list)}).json(t).([]any) {
					found = found || int(x.(map[string]any)["id"].(float64)) == id
				}
				if !found {
					t.Errorf("%s does not list %d", f.list.opID, id)
				}
			}
			if f.update != nil {
				up := e.requestFor(f.update)
				up.path = []any{id}
				repeatPathID(f.update, &up)
				field, want := changeOne(up)
				res = invoke(t, c, f.update.opID, up)
				if res.status/100 != 2 {
					t.Fatalf("%s: %d %s", f.update.opID, res.status, res.body)
				}
				if got, _ := read(id); field != "" && got != nil {
					if _, shown := got[field]; shown && fmt.Sprint(got[field]) != fmt.Sprint(want) {
						t.Errorf("after %s, %s = %v, want %v", f.update.opID, field, got[field], want)
					}
				}
			}
			if f.del != nil {
				res = invoke(t, c, f.del.opID, callIn{path: []any{id}})
				if res.status != http.StatusOK || int(res.obj(t)["id"].(float64)) != id {
					t.Fatalf("%s: %d %s", f.del.opID, res.status, res.body)
				}
				if _, ok := read(id); ok {
					t.Errorf("%d still readable after %s", id, f.del.opID)
				}
			}
		})
	}
	if len(tested) < 25 {
		t.Errorf("only %d families round-tripped", len(tested))
	}
	t.Logf("round-tripped %d operation families: %v", len(tested), tested)
}

// changeOne sets a recognisable value on one string field of an update
// body and returns it, so the test can read it back.
func changeOne(in callIn) (string, any) {
	body, _ := in.body.(map[string]any)
	for _, k := range []string{"name", "title", "description", "notes", "first_name", "label", "code", "observations", "job_title", "value"} {
		if _, ok := body[k].(string); ok {
			body[k] = "Changed " + k
			return k, body[k]
		}
	}
	return "", nil
}

// repeatPathID makes an update's body repeat the path's id, where its
// schema has an id, as the API requires.
func repeatPathID(rt *route, in *callIn) {
	body, ok := in.body.(map[string]any)
	if !ok || rt.kind != kindUpdate || rt.idParam == "" {
		return
	}
	if _, has := body["id"]; !has {
		return
	}
	for i, p := range rt.params {
		if p == rt.idParam && i < len(in.path) {
			body["id"] = in.path[i]
		}
	}
}
