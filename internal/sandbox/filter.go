package sandbox

import (
	"net/url"
	"slices"
	"strconv"
	"strings"
)

// queryPlan is the list filter a declared query parameter becomes. Plans are
// derived from names and the item schema only, so a new operation's filters
// need no code:
//
//	ids, ids[]              id in values
//	x_ids, x_ids[]          field x_id in values (or array field x_ids intersects)
//	xs, xs[]                field x in values (emails[] → email)
//	x (a property)          field x equals value (array property: contains)
//	x (x+"s" array prop)    array field xs contains value (assignee_id → assignee_ids)
//	x_gt/_gteq/_lt/_lteq    comparison on field x (Ransack style)
//	from/to, date_from/date_to, start_at/end_at
//	                        window overlapping the record's start/end fields
//	full_text_name          case-insensitive substring of full_name or name
//	only_published          state == published
//	company_id(s)           the sandbox's one company (items without the field)
//
// Parameters whose meaning is not a field comparison are applied by the
// dated API's filters (datedFilters, naming them in datedFilterParams), or
// are listed in unappliedParams with the reason they change nothing here;
// a test holds every declared parameter to one of these. Undeclared
// parameters are ignored, as Rails ignores unknown params.
type queryPlan struct {
	param string
	kind  planKind
	field string
	op    string
}

type planKind uint8

const (
	planEq planKind = iota + 1
	planIn
	planContains
	planFrom
	planTo
	planCmp
	planText
	planPublished
	planCompany
)

// companyParams filter by company where the item has no company_id: the
// sandbox holds one company (demoCompanyID), whose records every value
// naming it matches and any other value none.
var companyParams = map[string]bool{"company_id": true, "company_ids": true, "companies_ids": true}

var windowFrom = map[string]bool{"from": true, "date_from": true, "start_at": true}
var windowTo = map[string]bool{"to": true, "date_to": true, "end_at": true}

// windows are the (start, end) field pairs a date window applies to, in
// order of preference.
var windows = [][2]string{
	{"start_on", "finish_on"}, {"start_at", "end_at"}, {"start_date", "end_date"},
	{"clock_in", "clock_out"}, {"starts_on", "ends_on"}, {"date", "date"},
	{"effective_on", "effective_on"},
}

func planFilter(name string, item *shape) (queryPlan, bool) {
	base := strings.TrimSuffix(name, "[]")
	has := func(f string) bool { return item != nil && item.props[f] != nil }
	isArr := func(f string) bool { return has(f) && item.props[f].kind == shArray }
	p := queryPlan{param: name}
	switch {
	case base == "ids":
		p.kind, p.field = planIn, "id"
	case windowFrom[base]:
		p.kind = planFrom
	case windowTo[base]:
		p.kind = planTo
	case base == "full_text_name":
		p.kind = planText
	case base == "only_published":
		p.kind = planPublished
	case isArr(base):
		p.kind, p.field = planContains, base
	case has(base):
		p.kind, p.field = planIn, base
	case strings.HasSuffix(base, "_ids") && has(strings.TrimSuffix(base, "s")):
		p.kind, p.field = planIn, strings.TrimSuffix(base, "s")
	case strings.HasSuffix(base, "s") && has(singular(base)) && !isArr(singular(base)):
		p.kind, p.field = planIn, singular(base)
	case isArr(base + "s"):
		p.kind, p.field = planContains, base+"s"
	case companyParams[base]:
		p.kind = planCompany
	default:
		for _, op := range []string{"_gteq", "_lteq", "_gt", "_lt"} {
			if f, ok := strings.CutSuffix(base, op); ok && has(f) {
				return queryPlan{param: name, kind: planCmp, field: f, op: op[1:]}, true
			}
		}
		return p, false
	}
	return p, true
}

// matcher is a compiled set of filters for one request.
type matcher struct {
	plans []queryPlan
	vals  [][]string
	ints  [][]int           // vals parsed as integers (nil when one is not)
	fks   map[string]string // path parameters constraining fields
}

// matchesAny reports whether a record value equals one of the values of
// plan i, without formatting integers per record.
func (m *matcher) matchesAny(i int, v any) bool {
	if n, ok := v.(int); ok && m.ints[i] != nil {
		return slices.Contains(m.ints[i], n)
	}
	return slices.Contains(m.vals[i], fmtVal(v))
}

func newMatcher(rt *route, q url.Values, pathVals map[string]string) *matcher {
	m := &matcher{}
	for _, p := range rt.query {
		vs := q[p.param]
		if len(vs) == 0 {
			continue
		}
		if p.kind == planIn && len(vs) == 1 && strings.Contains(vs[0], ",") {
			vs = strings.Split(vs[0], ",")
		}
		var ints []int
		for _, v := range vs {
			n, err := strconv.Atoi(v)
			if err != nil {
				ints = nil
				break
			}
			ints = append(ints, n)
		}
		m.plans, m.vals, m.ints = append(m.plans, p), append(m.vals, vs), append(m.ints, ints)
	}
	for _, f := range rt.fks {
		if f.param == rt.idParam {
			continue
		}
		if m.fks == nil {
			m.fks = map[string]string{}
		}
		m.fks[f.field] = pathVals[f.param]
	}
	return m
}

func (m *matcher) match(rec map[string]any) bool {
	for field, want := range m.fks {
		if n, ok := rec[field].(int); ok {
			if strconv.Itoa(n) != want {
				return false
			}
		} else if fmtVal(rec[field]) != want {
			return false
		}
	}
	for i, p := range m.plans {
		vs := m.vals[i]
		switch p.kind {
		case planEq, planIn:
			if !m.matchesAny(i, rec[p.field]) {
				return false
			}
		case planContains:
			xs, _ := rec[p.field].([]any)
			if !slices.ContainsFunc(xs, func(x any) bool { return m.matchesAny(i, x) }) {
				return false
			}
		case planFrom, planTo:
			start, end, ok := window(rec)
			if !ok {
				continue
			}
			if p.kind == planFrom && end != "" && cut(end, vs[0]) < vs[0] {
				return false
			}
			if p.kind == planTo && start != "" && cut(start, vs[0]) > vs[0] {
				return false
			}
		case planCmp:
			v := fmtVal(rec[p.field])
			if v == "" {
				return false
			}
			c := strings.Compare(cut(v, vs[0]), vs[0])
			if (p.op == "gt" && c <= 0) || (p.op == "gteq" && c < 0) || (p.op == "lt" && c >= 0) || (p.op == "lteq" && c > 0) {
				return false
			}
		case planText:
			needle := strings.ToLower(vs[0])
			name, _ := rec["full_name"].(string)
			if name == "" {
				name, _ = rec["name"].(string)
			}
			if !strings.Contains(strings.ToLower(name), needle) {
				return false
			}
		case planCompany:
			if !slices.Contains(m.vals[i], strconv.Itoa(demoCompanyID)) {
				return false
			}
		case planPublished:
			if b, _ := toBool(vs[0]); b && rec["state"] != "published" {
				return false
			}
		}
	}
	return true
}

// window returns a record's start and end ("" = open) for date filters.
func window(rec map[string]any) (start, end string, ok bool) {
	for _, w := range windows {
		if s, isStr := rec[w[0]].(string); isStr && s != "" {
			e, _ := rec[w[1]].(string)
			return s, e, true
		}
	}
	return "", "", false
}

// cut truncates a record value to the precision of the query value, so a
// date bound compares whole days against timestamps.
func cut(v, bound string) string {
	if len(bound) == 10 && len(v) > 10 {
		return v[:10]
	}
	return v
}
