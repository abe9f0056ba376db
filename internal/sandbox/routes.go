package sandbox

import (
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// opKind says how the generic engine answers an operation.
type opKind uint8

const (
	kindList   opKind = iota + 1 // GET collection answering an array
	kindFind                     // GET collection answering one object (first filter match)
	kindBulk                     // POST collection that reads (no request body, array answer)
	kindCreate                   // POST collection
	kindGet                      // GET item
	kindUpdate                   // PUT/PATCH item, or PUT/POST item/verb answering the item
	kindDelete                   // DELETE item, or an item operation named Delete*
	kindAction                   // hand-written handler (rules.go)
)

var kindNames = map[opKind]string{
	kindList: "list", kindFind: "find", kindBulk: "bulk-read", kindCreate: "create",
	kindGet: "get", kindUpdate: "update", kindDelete: "delete", kindAction: "action",
}

func (k opKind) String() string { return kindNames[k] }

// route is one spec operation, classified once at construction.
type route struct {
	op       *openapi3.Operation // the spec's operation: the key the validator's route is looked up by
	opID     string
	method   string
	template string
	kind     opKind
	resource string // logical resource (shared by v1/v2 twins and legacy aliases)
	idParam  string // path parameter holding the record id ("" on collections)
	fks      []fk   // other path parameters, matched against record fields
	params   []string

	status    int    // success status answered
	resp      *shape // response schema (nil: no body)
	respArray bool   // the response is an array of item
	item      *shape // resp, or its items when respArray

	query  []queryPlan // filters derived from the declared query parameters
	qnames []string    // declared query parameter names (merged into write input)
	qshape map[string]*shape
	body   *shape // request body schema (the first media type)
	// presence lists the string fields the resource's create requires,
	// which an update may not blank (updates only).
	presence []string

	action actionFunc // kindAction
	self   bool       // basic users may call it for their own employee_id
	admin  bool       // admins only, even for reads

	// The dated API (openapi-resources.yaml).
	dated     bool
	paged     bool     // a list answered as a page: {data, meta}
	unpaged   bool     // a paged list that returns every record (meta.paginateable false)
	bodyID    bool     // an action naming its record by the body's id
	manager   bool     // the record's employee's manager may call it too (the handler decides)
	scopes    []string // OAuth scopes the operation requires of a token
	eventType string   // the webhook event a success raises ("" for none)
}

// fk maps a path parameter to the record field it constrains.
type fk struct{ param, field string }

// OperationInfo describes how the sandbox serves one operation.
type OperationInfo struct {
	OperationID string
	Method      string
	Path        string
	Kind        string // list, find, bulk-read, create, get, update, delete, action
	Resource    string
	Status      int // success status
}

// namespaces are leading path segments that group resources without naming
// them (/api/v1/core/teams is "teams").
var namespaces = map[string]bool{"core": true, "time": true, "payroll": true, "finance": true}

// aliases maps a derived collection name to its logical resource, so v1/v2
// twins, legacy flat paths and bulk readers share one table. A "v2:" key
// applies to /api/v2 paths only.
var aliases = map[string]string{
	"bulk_employee":                  ResEmployees,
	"bulk_attendance":                ResAttendance,
	"bulk_contract_version":          ResContractVersions,
	"reference_contracts":            ResContractVersions,
	"breaks":                         ResAttendance,
	"keys":                           ResAPIKeys,
	"v2:webhooks":                    ResWebhooksV2,
	"custom_fields_fields":           ResCustomFields,
	"custom_fields_values":           ResCustomValues,
	"payroll_integrations_codes":     ResPayrollIntegrationCodes,
	"shifts_management":              ResManagedShifts,
	"family_situation":               ResFamilySituations,
	"break_configurations_for_dates": ResBreakConfigurations,
}

// collectionName derives the logical resource of a collection path from its
// static segments (version and namespace stripped).
func collectionName(version string, statics []string) string {
	if len(statics) > 1 && namespaces[statics[0]] {
		statics = statics[1:]
	}
	name := strings.Join(statics, "_")
	if a, ok := aliases[version+":"+name]; ok {
		return a
	}
	if a, ok := aliases[name]; ok {
		return a
	}
	return name
}

// singular is enough English for foreign keys (tasks → task_id).
func singular(s string) string {
	switch {
	case strings.HasSuffix(s, "ies"):
		return strings.TrimSuffix(s, "ies") + "y"
	case strings.HasSuffix(s, "sses"):
		return strings.TrimSuffix(s, "es") // processes, addresses
	case strings.HasSuffix(s, "s"):
		return strings.TrimSuffix(s, "s")
	}
	return s
}

func isParam(seg string) bool { return strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") }
func paramName(seg string) string {
	return strings.TrimSuffix(strings.TrimPrefix(seg, "{"), "}")
}

// pathInfo splits a template into its version and segments after it.
func pathInfo(template string) (version string, segs []string) {
	all := strings.Split(strings.Trim(template, "/"), "/")
	if len(all) >= 2 && all[0] == "api" {
		return all[1], all[2:]
	}
	return "", all
}

// staticsOf returns the static segments of segs.
func staticsOf(segs []string) []string {
	var out []string
	for _, s := range segs {
		if !isParam(s) {
			out = append(out, s)
		}
	}
	return out
}

// buildRoutes classifies every /api/ operation of doc.
func (s *Sandbox) buildRoutes(doc *openapi3.T) ([]*route, error) {
	c := newCompiler(s)
	type rawOp struct {
		method, template string
		op               *openapi3.Operation
		item             *pathItemParams
	}
	var raws []rawOp
	for template, item := range doc.Paths.Map() {
		if !strings.HasPrefix(template, "/api/") {
			continue
		}
		for method, op := range item.Operations() {
			raws = append(raws, rawOp{method, template, op, &pathItemParams{item.Parameters}})
		}
	}
	sort.Slice(raws, func(i, j int) bool {
		if raws[i].template != raws[j].template {
			return raws[i].template < raws[j].template
		}
		return raws[i].method < raws[j].method
	})

	// Pass 1: the item schema of every plain resource (its GET /{id}, or
	// its list items), to tell /{id}/verb updates from sub-collections.
	itemOf := map[string]*shape{}
	for _, ro := range raws {
		if ro.method != http.MethodGet {
			continue
		}
		version, segs := pathInfo(ro.template)
		n := len(segs)
		if n >= 2 && segs[n-1] == "{id}" && !slices.ContainsFunc(segs[:n-1], isParam) {
			_, sh, _ := c.success(ro.op, http.MethodGet)
			if sh != nil {
				itemOf[collectionName(version, staticsOf(segs[:n-1]))] = elem(sh)
			}
		}
	}
	for _, ro := range raws {
		if ro.method != http.MethodGet {
			continue
		}
		version, segs := pathInfo(ro.template)
		if len(segs) > 0 && !slices.ContainsFunc(segs, isParam) {
			name := collectionName(version, staticsOf(segs))
			if _, ok := itemOf[name]; !ok {
				if _, sh, _ := c.success(ro.op, http.MethodGet); sh != nil && sh.kind == shArray {
					itemOf[name] = sh.items
				}
			}
		}
	}

	var routes []*route
	for _, ro := range raws {
		rt := &route{op: ro.op, opID: ro.op.OperationID, method: ro.method, template: ro.template}
		version, segs := pathInfo(ro.template)
		for _, sg := range segs {
			if isParam(sg) {
				rt.params = append(rt.params, paramName(sg))
			}
		}
		status, resp, _ := c.success(ro.op, ro.method)
		rt.status, rt.resp = status, resp
		rt.item = elem(resp)
		rt.respArray = resp != nil && resp.kind == shArray
		rt.body = c.requestBody(ro.op)
		s.classify(rt, version, segs, itemOf)
		rt.admin = adminOnly[rt.resource]
		if (rt.kind == kindDelete || rt.kind == kindAction && rt.method == http.MethodDelete) && s.deleteNoContent && hasStatus(ro.op, http.StatusNoContent) {
			rt.status, rt.resp, rt.item, rt.respArray = http.StatusNoContent, nil, nil, false
		}
		c.queryParams(rt, ro.op, ro.item)
		routes = append(routes, rt)
	}
	return routes, nil
}

type pathItemParams struct{ params openapi3.Parameters }

func elem(sh *shape) *shape {
	if sh != nil && sh.kind == shArray {
		return sh.items
	}
	return sh
}

func hasStatus(op *openapi3.Operation, status int) bool {
	return op.Responses != nil && op.Responses.Value(strconv.Itoa(status)) != nil
}

// classify decides the kind, resource and path-parameter mapping of rt from
// its method, path shape and response schema. Hand-written actions (rules.go)
// are matched first by method and path suffix.
func (s *Sandbox) classify(rt *route, version string, segs []string, itemOf map[string]*shape) {
	n := len(segs)
	if a := findAction(rt.method, append([]string{version}, segs...)); a != nil {
		rt.kind, rt.action, rt.self, rt.resource = kindAction, a.fn, a.self, a.resource
		if slices.Contains(rt.params, "id") {
			rt.idParam = "id"
		}
		return
	}
	switch {
	case n >= 2 && segs[n-1] == "{id}":
		// Item operation: /collection/{id}, possibly under a parent.
		s.collection(rt, version, segs[:n-1])
		rt.idParam = "id"
		switch {
		case rt.method == http.MethodGet:
			rt.kind = kindGet
		case rt.method == http.MethodDelete || strings.HasPrefix(rt.opID, "Delete"):
			rt.kind = kindDelete
		default:
			rt.kind = kindUpdate
		}
	case n >= 3 && isParam(segs[n-2]) && !isParam(segs[n-1]):
		// /parent/{p}/verb: an update of the parent when it answers the
		// parent's shape, otherwise a sub-collection.
		parent := collectionName(version, staticsOf(segs[:n-2]))
		if rt.method != http.MethodGet && (rt.item == nil || rt.item == itemOf[parent]) && !slices.ContainsFunc(segs[:n-2], isParam) {
			rt.resource, rt.idParam, rt.kind = parent, paramName(segs[n-2]), kindUpdate
			return
		}
		s.collection(rt, version, segs)
		rt.kind = collectionKind(rt)
	default:
		s.collection(rt, version, segs)
		rt.kind = collectionKind(rt)
	}
}

// collection sets resource and foreign keys for a collection path that may
// contain parent parameters (/tasks/{id}/files, /tables/{id}/values/{employee_id}).
func (s *Sandbox) collection(rt *route, version string, segs []string) {
	var statics []string
	var parent string
	for _, sg := range segs {
		if !isParam(sg) {
			statics = append(statics, sg)
			continue
		}
		p := paramName(sg)
		if parent == "" {
			parent = collectionName(version, statics)
		}
		// {id} of a parent is singular(parent)_id; any other parameter
		// (values/{employee_id}) filters the field of its own name.
		field := p
		if p == "id" {
			field = singular(parent) + "_id"
		}
		rt.fks = append(rt.fks, fk{param: p, field: field})
	}
	if parent == "" {
		rt.resource = collectionName(version, statics)
		return
	}
	// Sub-collection: singular(parent) + "_" + the segments after it.
	var after []string
	seen := false
	for _, sg := range segs {
		if isParam(sg) {
			seen = true
			continue
		}
		if seen {
			after = append(after, sg)
		}
	}
	rt.resource = singular(parent) + "_" + strings.Join(after, "_")
}

func collectionKind(rt *route) opKind {
	switch rt.method {
	case http.MethodGet:
		if rt.respArray {
			return kindList
		}
		return kindFind
	case http.MethodPost:
		if rt.body == nil && rt.respArray {
			return kindBulk
		}
		return kindCreate
	}
	return kindAction // a collection-level PUT/DELETE needs a rule
}
