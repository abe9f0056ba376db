package sandbox

// The hostile-input suite: malformed bodies, hostile ids, the semantics of
// every declared filter and pagination extremes, each run over every
// operation of both APIs the sandbox serves, so an operation added to
// either spec is probed without a line here. Every answer is checked for
// what a client of the real API relies on: a 4xx in the documented shape
// (never a 5xx, a reset connection or a 2xx), an X-Request-Id, and no
// change to the company's records.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
)

// allRoutes are the operations of both APIs.
func (e *env) allRoutes() []*route { return slices.Concat(e.s.routes, e.s.dated) }

// urlFor fills rt's path template: the version, id (the given value, sent
// as is) and any other parameter (an existing record's id).
func urlFor(rt *route, id string) string {
	segs := strings.Split(rt.template, "/")
	for i, sg := range segs {
		if !isParam(sg) {
			continue
		}
		switch p := paramName(sg); {
		case p == "version":
			segs[i] = DatedAPIVersion
		case p == rt.idParam:
			segs[i] = id
		case p == "employee_id":
			segs[i] = strconv.Itoa(DemoBasicID)
		default:
			segs[i] = "1"
		}
	}
	return strings.Join(segs, "/")
}

// send is a request without client-side validation, as the admin.
func (e *env) send(method, path, contentType string, body []byte, header http.Header) (int, http.Header, []byte) {
	e.t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, bytes.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	if req.Header.Get("Authorization") == "" {
		req.Header.Set("Authorization", "Bearer "+tokAdmin)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := e.srv.Client().Do(req)
	if err != nil {
		e.t.Fatalf("%s %s: %v", method, path, err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}

// snapshot is every record of every table, to prove a refused request
// changed nothing.
func (s *Sandbox) snapshot() map[string][]map[string]any {
	out := map[string][]map[string]any{}
	for _, res := range s.Resources() {
		out[res] = s.List(res)
	}
	return out
}

func (e *env) unchanged(t *testing.T, before map[string][]map[string]any, what string) {
	t.Helper()
	if after := e.s.snapshot(); !reflect.DeepEqual(before, after) {
		for res := range after {
			if !reflect.DeepEqual(before[res], after[res]) {
				t.Errorf("%s changed table %s", what, res)
			}
		}
	}
}

// isJSONBody reports an operation whose request body is JSON.
func isJSONBody(e *env, rt *route) bool {
	doc := e.s.validator.Doc()
	if rt.dated {
		doc = e.s.resources.Doc()
	}
	item := doc.Paths.Find(rt.template)
	if item == nil {
		return false
	}
	op := item.GetOperation(rt.method)
	return op != nil && op.RequestBody != nil && op.RequestBody.Value != nil &&
		op.RequestBody.Value.Content.Get("application/json") != nil
}

// TestHostileBodies sends every operation with a JSON request body bodies
// Rails' parser refuses: each is a 400, the records stay as they were.
func TestHostileBodies(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	bodies := []struct{ name, body string }{
		{"truncated", `{"name":`},
		{"trailing garbage", `{"name":"a"} garbage`},
		{"two values", `{"name":"a"}{"name":"b"}`},
		{"invalid UTF-8", "{\"name\":\"a\xff\xfeb\"}"},
		{"lone surrogate bytes", "{\"name\":\"\xed\xa0\x80\"}"},
		{"not JSON", `name=a`},
		{"nesting", strings.Repeat("[", 100000)},
	}
	before := e.s.snapshot()
	n := 0
	for _, rt := range e.allRoutes() {
		if !isJSONBody(e, rt) {
			continue
		}
		n++
		path := urlFor(rt, "1")
		for _, b := range bodies {
			status, h, body := e.send(rt.method, path, "application/json", []byte(b.body), nil)
			if status != http.StatusBadRequest {
				t.Errorf("%s %s, %s body: %d %s", rt.method, rt.template, b.name, status, body)
			}
			if h.Get(RequestIDHeader) == "" {
				t.Errorf("%s %s: no X-Request-Id", rt.method, rt.template)
			}
		}
	}
	if n < 50 {
		t.Fatalf("only %d operations with a JSON body", n)
	}
	e.unchanged(t, before, "a refused body")
}

// TestHostileFormBodies sends every operation whose body is multipart or
// form-encoded a body that does not parse as one: each is a 400, the
// records stay as they were.
func TestHostileFormBodies(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	before := e.s.snapshot()
	body := []byte("--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n\xff\xfe")
	n := 0
	for _, rt := range e.allRoutes() {
		if rt.body == nil || isJSONBody(e, rt) {
			continue
		}
		n++
		for _, ct := range []string{"multipart/form-data; boundary=xyz", "multipart/form-data", "application/x-www-form-urlencoded"} {
			status, _, b := e.send(rt.method, urlFor(rt, "1"), ct, body, nil)
			if status != http.StatusBadRequest {
				t.Errorf("%s %s as %s: %d %s", rt.method, rt.template, ct, status, b)
			}
		}
	}
	if n < 5 {
		t.Fatalf("only %d operations with a form body", n)
	}
	e.unchanged(t, before, "a form body that does not parse")
}

// TestBodyOverTheCap: a body over MaxBodyBytes is refused 413 on every
// operation that takes one, whether its length is announced or streamed.
func TestBodyOverTheCap(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	before := e.s.snapshot()
	addr := strings.TrimPrefix(e.srv.URL, "http://")
	for _, rt := range e.allRoutes() {
		if rt.body == nil {
			continue
		}
		// Announced: refused from the header, before a byte of the body.
		conn, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(conn, "%s %s HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n{",
			rt.method, urlFor(rt, "1"), tokAdmin, MaxBodyBytes+1)
		_ = conn.SetReadDeadline(time.Now().Add(5 * time.Second))
		resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
		if err != nil {
			t.Fatalf("%s %s: %v", rt.method, rt.template, err)
		}
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Fatalf("%s %s, Content-Length over the cap: %d", rt.method, rt.template, resp.StatusCode)
		}
		_ = resp.Body.Close()
		_ = conn.Close()
	}
	// Streamed (no Content-Length), on one operation of each API.
	for _, path := range []string{"/api/v1/core/teams", "/api/" + DatedAPIVersion + "/resources/teams/teams"} {
		big := io.MultiReader(strings.NewReader(`{"name":"`), io.LimitReader(zeros{}, MaxBodyBytes), strings.NewReader(`"}`))
		req, _ := http.NewRequest(http.MethodPost, e.srv.URL+path, io.NopCloser(big))
		req.Header.Set("Authorization", "Bearer "+tokAdmin)
		req.Header.Set("Content-Type", "application/json")
		resp, err := e.srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusRequestEntityTooLarge {
			t.Errorf("POST %s, streamed body over the cap: %d", path, resp.StatusCode)
		}
	}
	e.unchanged(t, before, "a body over the cap")
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = 'a'
	}
	return len(p), nil
}

// hostileIDs are path ids no record has: not decimal, out of range,
// path tricks, encodings.
var hostileIDs = []string{
	"0", "-1", "abc", "1.5", "1e3", "0x10", "01", "+1", "%20", "1%20", "%00", "1%00",
	"9223372036854775807", "9223372036854775808", "99999999999999999999999999",
	strings.Repeat("9", 5000), "..", "%2e%2e", ".", "%2F", "1;DROP%20TABLE", "%E2%80%8B1",
	"%D9%A3", "null", "undefined", "%7B%7D",
}

// TestHostileIDs addresses every item operation by ids no record has:
// GET, PUT and DELETE answer 404 (a PUT whose body fails first, 4xx), and
// nothing changes.
func TestHostileIDs(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	before := e.s.snapshot()
	n := 0
	for _, rt := range e.allRoutes() {
		if rt.idParam == "" || rt.bodyID || !strings.Contains(rt.template, "{"+rt.idParam+"}") {
			continue
		}
		n++
		for _, id := range hostileIDs {
			body := []byte(nil)
			ct := ""
			if rt.body != nil {
				body, ct = []byte(`{}`), "application/json"
			}
			status, h, b := e.send(rt.method, urlFor(rt, id), ct, body, nil)
			switch {
			case status >= 500 || status < 400:
				t.Errorf("%s %s with id %.40q: %d %s", rt.method, rt.template, id, status, b)
			case rt.body == nil && status != http.StatusNotFound:
				t.Errorf("%s %s with id %.40q: %d, want 404: %s", rt.method, rt.template, id, status, b)
			}
			if h.Get(RequestIDHeader) == "" {
				t.Errorf("%s %s: no X-Request-Id", rt.method, rt.template)
			}
		}
	}
	if n < 40 {
		t.Fatalf("only %d item operations", n)
	}
	e.unchanged(t, before, "a hostile id")
}

// listRecords reads a list answer: a bare array or a dated page's data.
func listRecords(t *testing.T, body []byte) []map[string]any {
	t.Helper()
	var xs []map[string]any
	if err := json.Unmarshal(body, &xs); err == nil {
		return xs
	}
	var pg struct {
		Data []map[string]any `json:"data"`
	}
	if err := json.Unmarshal(body, &pg); err != nil {
		t.Fatalf("not a list: %.200s", body)
	}
	return pg.Data
}

// listRoutes are the list operations both APIs answer from a table.
func (e *env) listRoutes() []*route {
	var out []*route
	for _, rt := range e.allRoutes() {
		if rt.kind == kindList && rt.resource != "" && !strings.Contains(strings.TrimPrefix(rt.template, "/api/{version}"), "{") {
			out = append(out, rt)
		}
	}
	return out
}

// queryParam is the declared query parameter name of rt, or nil.
func (e *env) queryParam(rt *route, name string) *openapi3.Parameter {
	doc := e.s.validator.Doc()
	if rt.dated {
		doc = e.s.resources.Doc()
	}
	item := doc.Paths.Find(rt.template)
	for _, p := range slices.Concat(item.Parameters, item.GetOperation(rt.method).Parameters) {
		if p.Value != nil && p.Value.In == "query" && p.Value.Name == name {
			return p.Value
		}
	}
	return nil
}

// TestEveryDeclaredFilterIsApplied: every query parameter a list declares
// filters (a plan derived from its name and the item schema, or a dated
// filter that names it), pages, or is listed with the reason it selects
// nothing here. A new operation's parameters must be one of these: none
// is silently ignored.
func TestEveryDeclaredFilterIsApplied(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	for _, rt := range e.listRoutes() {
		for _, name := range rt.qnames {
			switch {
			case slices.ContainsFunc(rt.query, func(p queryPlan) bool { return p.param == name }):
			case rt.dated && slices.Contains(datedFilterParams[rt.resource], name):
			case rt.dated && slices.Contains(paginationParams, name):
			case unappliedParams[rt.resource+" "+name] != "":
			default:
				t.Errorf("%s %s: query parameter %s is neither applied nor listed in unappliedParams", rt.method, rt.template, name)
			}
		}
	}
}

// noMatch is a value of a filter parameter that no record matches (for
// an exclusion, a value that excludes no record).
func noMatch(name string, p *openapi3.Parameter) string {
	base := strings.TrimSuffix(name, "[]")
	sch := p.Schema.Value
	if sch.Type.Is("array") && sch.Items != nil {
		sch = sch.Items.Value
	}
	switch {
	case sch.Type.Is("integer") || base == "id" || base == "ids" || strings.HasSuffix(base, "_id") || strings.HasSuffix(base, "_ids") || base == "instance_id":
		return "987654321"
	case len(sch.Enum) > 0:
		return ""
	case sch.Type.Is("string") && sch.Format == "":
		return "no-such-value-" + base
	}
	return ""
}

// TestFilterSemantics: for every filter every list declares, a value no
// record has answers an empty list, a boolean filter answers a subset of
// the unfiltered list, and, for the filters derived from a field, the
// value of a listed record answers that record and only records holding
// it.
func TestFilterSemantics(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	checked := 0
	for _, rt := range e.listRoutes() {
		base := urlFor(rt, "")
		required := url.Values{}
		if !rt.dated {
			for k, v := range e.queryFor(rt) {
				required.Set(k, fmt.Sprint(v))
			}
		}
		base += "?" + required.Encode()
		status, _, body := e.send(http.MethodGet, base, "", nil, nil)
		if status != http.StatusOK {
			t.Errorf("%s: %d %s", base, status, body)
			continue
		}
		all := listRecords(t, body)
		ids := map[any]bool{}
		for _, r := range all {
			ids[r["id"]] = true
		}
		for _, name := range rt.qnames {
			p := e.queryParam(rt, name)
			if p == nil || unappliedParams[rt.resource+" "+name] != "" || slices.Contains(paginationParams, name) {
				continue
			}
			if required.Has(name) {
				continue
			}
			get := func(v string) []map[string]any {
				u := base + "&" + url.Values{name: {v}}.Encode()
				status, _, body := e.send(http.MethodGet, u, "", nil, nil)
				if status != http.StatusOK {
					t.Errorf("GET %s: %d %s", u, status, body)
					return nil
				}
				return listRecords(t, body)
			}
			if p.Schema.Value.Type.Is("boolean") {
				for _, v := range []string{"true", "false"} {
					for _, r := range get(v) {
						if !ids[r["id"]] {
							t.Errorf("%s?%s=%s lists %v, which the unfiltered list does not", rt.template, name, v, r["id"])
						}
					}
				}
				checked++
				continue
			}
			if v := noMatch(name, p); v != "" && exclusion(name) {
				// An exclusion naming no record leaves the list whole.
				if got := get(v); len(got) != len(all) {
					t.Errorf("%s %s?%s=%s lists %d records, want all %d", rt.method, rt.template, name, v, len(got), len(all))
				}
				checked++
				continue
			}
			plan := slices.IndexFunc(rt.query, func(q queryPlan) bool { return q.param == name })
			window := plan >= 0 && slices.Contains([]planKind{planFrom, planTo, planCmp}, rt.query[plan].kind)
			if v := noMatch(name, p); v != "" && !window {
				if got := get(v); len(got) != 0 {
					t.Errorf("%s %s?%s=%s matches nothing, yet lists %d records", rt.method, rt.template, name, v, len(got))
				}
				checked++
			}
			if plan < 0 || len(all) == 0 {
				continue
			}
			q := rt.query[plan]
			if q.kind != planIn || q.field == "" {
				continue
			}
			var want string
			for _, r := range all {
				if s := fmtVal(r[q.field]); s != "" && r[q.field] != nil {
					want = s
					break
				}
			}
			if want == "" {
				continue
			}
			got := get(want)
			if len(got) == 0 {
				t.Errorf("%s?%s=%s lists nothing, though a record has %s %s", rt.template, name, want, q.field, want)
			}
			for _, r := range got {
				if fmtVal(r[q.field]) != want {
					t.Errorf("%s?%s=%s lists a record whose %s is %v", rt.template, name, want, q.field, r[q.field])
				}
			}
		}
	}
	if checked < 60 {
		t.Fatalf("only %d filters checked", checked)
	}
}

// TestPaginationExtremes pages every dated list with extreme values: a
// page far past the end (whose offset overflows an int64 product) is an
// empty last page, a limit outside 1..100 means 100, and nothing is a
// 5xx.
func TestPaginationExtremes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	cases := []struct {
		query      string
		status     int
		emptyLast  bool // an empty page with no next page
		limitIs100 bool
	}{
		{"page=92233720368547760", 200, true, true},
		{"page=9223372036854775807", 200, true, true},
		{"page=4611686018427387904&limit=100", 200, true, true},
		{"page=3&limit=9223372036854775807", 200, true, true},
		{"page=99999999999999999999", 400, false, false},
		{"page=0", 400, false, false},
		{"page=-1", 400, false, false},
		{"limit=0", 200, false, true},
		{"limit=-5", 200, false, true},
		{"limit=101", 200, false, true},
		{"limit=100000", 200, false, true},
		{"limit=abc", 400, false, false},
		{"after_id=%00", 400, false, false},
		{"before_id=" + strings.Repeat("A", 4096), 400, false, false},
		{"after_id=Yzk5OTk5OTk5OTk5OTk5OTk5OTk5OTk5OQ%3D%3D", 400, false, false},
	}
	n := 0
	for _, rt := range e.listRoutes() {
		if !rt.paged || rt.unpaged {
			continue
		}
		n++
		for _, tc := range cases {
			u := urlFor(rt, "") + "?" + tc.query
			status, _, body := e.send(http.MethodGet, u, "", nil, nil)
			if status != tc.status {
				t.Errorf("GET %s: %d, want %d: %.200s", u, status, tc.status, body)
				continue
			}
			if status != http.StatusOK {
				continue
			}
			var pg struct {
				Data []any          `json:"data"`
				Meta map[string]any `json:"meta"`
			}
			if err := json.Unmarshal(body, &pg); err != nil {
				t.Fatalf("GET %s: %v", u, err)
			}
			if tc.limitIs100 && pg.Meta["limit"] != float64(100) {
				t.Errorf("GET %s: meta.limit %v, want 100", u, pg.Meta["limit"])
			}
			if len(pg.Data) > 100 {
				t.Errorf("GET %s: %d records in one page", u, len(pg.Data))
			}
			if tc.emptyLast && (len(pg.Data) != 0 || pg.Meta["has_next_page"] != false) {
				t.Errorf("GET %s: %d records, has_next_page %v", u, len(pg.Data), pg.Meta["has_next_page"])
			}
		}
	}
	if n < 15 {
		t.Fatalf("only %d paged lists", n)
	}
}

// exclusion reports a filter that removes the records it names
// (exclude_ids[], without_ids[]) rather than keeping them.
func exclusion(name string) bool {
	return strings.HasPrefix(name, "exclude_") || strings.HasPrefix(name, "without_")
}
