package sandbox

import (
	"bytes"
	"encoding/json"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/factorial-go/factorial/internal/datedpath"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

// call is one request in flight.
type call struct {
	s    *Sandbox
	w    http.ResponseWriter
	r    *http.Request
	rt   *route
	p    Principal
	path map[string]string // path parameter values
	in   map[string]any    // request input: body, plus declared query params on writes
	pj   projector
	out  reply
	// failed is set once an error was answered: no webhook event then.
	failed bool
}

// reply is the success answer a handler leaves for serve to write once the
// store lock is released: stored records are never mutated in place (every
// change stores a copy), so they can be projected and encoded unlocked.
type reply struct {
	set  bool
	one  map[string]any
	many []map[string]any
	list bool
	meta map[string]any // a page of the dated API: many wrapped {data, meta}
}

// serve is the innermost handler (behind validation). It answers the
// operation the validation middleware matched, which the request's context
// carries: a request is routed once, by the validator. A request without
// one matched no operation of the spec (an unknown path, or a method the
// path does not have) and is answered 404, as the API does.
func (s *Sandbox) serve(w http.ResponseWriter, r *http.Request) {
	sr := specvalidate.RouteFromContext(r.Context())
	if sr == nil {
		if datedpath.Is(r.URL.Path) {
			writeJSON(w, http.StatusNotFound, map[string]any{"errors": []string{"Not found"}})
			return
		}
		writeJSON(w, http.StatusNotFound, map[string]any{"errors": "Not found"})
		return
	}
	s.serveOperation(w, r, sr.Operation(), sr.PathParams())
}

// serveOperation answers r as the spec operation op with the path
// parameters params (as they appear in the escaped path).
func (s *Sandbox) serveOperation(w http.ResponseWriter, r *http.Request, op *openapi3.Operation, params map[string]string) {
	rt := s.byOper[op]
	if rt == nil {
		writeJSON(w, http.StatusNotFound, map[string]any{"errors": "Not found"})
		return
	}
	p, err := s.auth(r)
	if err != nil || p.zero() {
		unauthorized(w, err)
		return
	}
	c := &call{s: s, w: w, r: r, rt: rt, p: p, path: unescapeParams(params), pj: newProjector(s.clock())}
	if rt.dated {
		c.serveDated()
		return
	}
	if !c.readInput() {
		return
	}
	if !c.permitted() {
		c.fail(errForbidden)
		return
	}
	c.dispatch()
	c.flush()
}

// readInput parses the request's input into c.in, answering a body that
// does not parse (400) or a required string sent blank and false. A blank
// required string passes the schema but not Rails' presence validation: it
// is answered as the missing field it stands for, at the stage a missing
// field is (before permissions and rules), on both APIs.
//
// Only the attributes the request schema declares reach c.in (strong
// parameters, strongParams). An update whose body repeats the id must
// repeat the path's (422 otherwise), and a blank string is refused on an
// update wherever the resource's create requires the field, as the
// model's presence validation runs on every save.
func (c *call) readInput() bool {
	if err := c.parseInput(); err != nil {
		if tooLarge(err) {
			c.fail(errTooLarge)
			return false
		}
		c.fail(&apiError{status: http.StatusBadRequest, body: map[string]any{"errors": err.Error()}})
		return false
	}
	if blank := blankRequired(c.rt.body, c.in); len(blank) > 0 {
		c.fail(missing(blank))
		return false
	}
	if c.rt.kind == kindUpdate && c.rt.idParam != "" {
		if id, ok := c.in["id"]; ok && id != nil && fmtVal(id) != c.path[c.rt.idParam] {
			c.fail(invalid("id", "does not match the id in the path"))
			return false
		}
	}
	if blank := blankPresent(c.rt.presence, c.in); len(blank) > 0 {
		c.fail(missing(blank))
		return false
	}
	return true
}

// dispatch runs the handler of the call's operation.
func (c *call) dispatch() {
	switch c.rt.kind {
	case kindList, kindBulk:
		c.list()
	case kindFind:
		c.find()
	case kindCreate:
		c.create()
	case kindGet:
		c.get()
	case kindUpdate:
		c.update()
	case kindDelete:
		c.remove()
	case kindAction:
		if c.rt.action == nil {
			// The spec has the operation but the sandbox has no rule for
			// it yet: say so for this operation alone.
			c.fail(&apiError{status: http.StatusNotImplemented, body: map[string]any{
				"errors": "the sandbox has no rule for " + c.rt.opID + " yet"}})
			return
		}
		c.rt.action(c)
	}
}

// unescapeParams decodes path parameter values ("a%20b" is "a b").
func unescapeParams(params map[string]string) map[string]string {
	out := make(map[string]string, len(params))
	for name, v := range params {
		if u, err := url.PathUnescape(v); err == nil {
			v = u
		}
		out[name] = v
	}
	return out
}

// permitted applies Factorial's permission model: admins, API keys and
// company tokens may do anything; basic users may read (except admin-only
// resources) and may only write through self-service routes for their own
// employee_id, or, on the dated API, decide the leaves they manage.
func (c *call) permitted() bool {
	if c.p.privileged() {
		return true
	}
	if c.rt.admin {
		return false
	}
	if c.rt.manager {
		return true // the handler checks the manager relation
	}
	switch c.rt.kind {
	case kindList, kindFind, kindGet, kindBulk:
		return true
	}
	if c.rt.method == http.MethodGet {
		return true
	}
	if c.rt.self || (c.rt.resource == ResLeaves && c.rt.kind == kindCreate) {
		id, ok := toInt(c.in["employee_id"])
		return ok && id == c.p.EmployeeID
	}
	return false
}

// parseInput reads JSON, multipart or form bodies, typed by the request
// schema, and on writes merges the declared query parameters (Rails merges
// query and body params; some legacy routes take their fields in the query).
func (c *call) parseInput() error {
	c.in = map[string]any{}
	r := c.r
	if r.Method == http.MethodGet || r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	props := map[string]*shape{}
	if c.rt.body != nil {
		props = c.rt.body.props
	}
	switch mt {
	case "multipart/form-data":
		if err := r.ParseMultipartForm(32 << 20); err != nil {
			return err
		}
		for k, vs := range r.MultipartForm.Value {
			key := strings.TrimSuffix(k, "[]")
			c.in[key] = coerce(props[key], vs)
		}
		for k, fhs := range r.MultipartForm.File {
			if len(fhs) == 0 {
				continue
			}
			fh := fhs[0]
			url := "https://sandbox.factorial.test/uploads/" + fh.Filename
			c.in[strings.TrimSuffix(k, "[]")] = map[string]any{
				"file": url, "url": url, "filename": fh.Filename, "size": int(fh.Size),
				"content_type": fh.Header.Get("Content-Type"), "created_at": c.pj.now,
			}
		}
	case "application/x-www-form-urlencoded":
		if err := r.ParseForm(); err != nil {
			return err
		}
		for k, vs := range r.PostForm {
			key := strings.TrimSuffix(k, "[]")
			c.in[key] = coerce(props[key], vs)
		}
	default:
		var body bytes.Buffer
		if _, err := body.ReadFrom(r.Body); err != nil {
			return err
		}
		if body.Len() > 0 {
			v, err := decodeJSON(body.Bytes())
			if err != nil {
				return err
			}
			if m, ok := v.(map[string]any); ok {
				c.in = m
			}
		}
	}
	c.in = strongParams(c.rt.body, c.in)
	q := r.URL.Query()
	for _, name := range c.rt.qnames {
		key := strings.TrimSuffix(name, "[]")
		if _, set := c.in[key]; !set && len(q[name]) > 0 {
			c.in[key] = coerce(c.rt.qshape[name], q[name])
		}
	}
	return nil
}

// itemID parses the route's id path parameter: a record id is a positive
// decimal integer written canonically, so "01", "+1", "1e3" or " 1" name
// no record (404) rather than record 1.
func (c *call) itemID() (int, *apiError) {
	raw := c.path[c.rt.idParam]
	id, ok := canonicalID(raw)
	if !ok {
		return 0, notFound(raw)
	}
	return id, nil
}

// canonicalID parses a positive decimal id without sign, leading zeros
// or anything around it.
func canonicalID(s string) (int, bool) {
	if s == "" || s[0] < '1' || s[0] > '9' {
		return 0, false
	}
	for i := 1; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
	}
	n, err := strconv.Atoi(s)
	return n, err == nil
}

// lookup finds the addressed record under the caller's lock, checking the
// parent path parameters (GetTaskFile's task_id) too.
func (c *call) lookup(resource string) (map[string]any, *apiError) {
	id, aerr := c.itemID()
	if aerr != nil {
		return nil, aerr
	}
	rec := c.s.tbl(resource).recs[id]
	if rec == nil {
		return nil, notFound(strconv.Itoa(id))
	}
	for _, f := range c.rt.fks {
		if f.param != c.rt.idParam && fmtVal(rec[f.field]) != c.path[f.param] {
			return nil, notFound(strconv.Itoa(id))
		}
	}
	return rec, nil
}

// lockMode says which store lock a handler holds.
type lockMode bool

const (
	readLock  lockMode = false
	writeLock lockMode = true
)

// locked runs f under the store lock and answers the error f returns, if
// any. Every handler runs through it (most through onRecord), so taking
// the lock and answering a failure are written once.
func (c *call) locked(mode lockMode, f func() *apiError) {
	if mode == writeLock {
		c.s.mu.Lock()
		defer c.s.mu.Unlock()
	} else {
		c.s.mu.RLock()
		defer c.s.mu.RUnlock()
	}
	if aerr := f(); aerr != nil {
		c.fail(aerr)
	}
}

// finder finds the record a handler acts on, under the store lock, or
// returns the error the API answers when there is none.
type finder func(c *call) (map[string]any, *apiError)

// byID finds the record of resource that the path's id names (404).
func byID(resource string) finder {
	return func(c *call) (map[string]any, *apiError) { return c.lookup(resource) }
}

// onRecord is the opening most handlers share: take the store lock, find
// the record the request addresses, and run f on it; a record find cannot
// produce, or an error f returns, is the answer.
func (c *call) onRecord(mode lockMode, find finder, f func(rec map[string]any) *apiError) {
	c.locked(mode, func() *apiError {
		rec, aerr := find(c)
		if aerr != nil {
			return aerr
		}
		return f(rec)
	})
}

// edit changes the record of resource the path's id names: f edits a
// copy, which is stored through the resource's rules and answered.
func (c *call) edit(resource string, f func(rec map[string]any) *apiError) {
	c.onRecord(writeLock, byID(resource), func(old map[string]any) *apiError {
		rec := clone(old)
		if aerr := f(rec); aerr != nil {
			return aerr
		}
		return c.save(resource, rec, old)
	})
}

// duplicate stores a copy of the record of resource the path's id names
// as a new record, after f adjusts it, and answers the copy.
func (c *call) duplicate(resource string, f func(src, rec map[string]any)) {
	c.onRecord(writeLock, byID(resource), func(src map[string]any) *apiError {
		rec := clone(src)
		delete(rec, "id")
		f(src, rec)
		return c.save(resource, rec, nil)
	})
}

// save stores rec through the resource's rules, as a new record (old nil)
// or in place of old, and answers it. The caller holds the write lock.
func (c *call) save(resource string, rec, old map[string]any) *apiError {
	var aerr *apiError
	if old == nil {
		aerr = c.insert(resource, rec)
	} else {
		aerr = c.replace(resource, rec, old)
	}
	if aerr == nil {
		c.respond(rec)
	}
	return aerr
}

// answer is the f of onRecord for a handler that answers the record found.
func (c *call) answer(rec map[string]any) *apiError {
	c.respond(rec)
	return nil
}

func (c *call) list() {
	if c.rt.paged {
		c.pagedList()
		return
	}
	c.locked(readLock, func() *apiError {
		m := newMatcher(c.rt, c.r.URL.Query(), c.path)
		out := make([]map[string]any, 0, 16)
		c.s.tbl(c.rt.resource).each(func(rec map[string]any) bool {
			if m.match(rec) {
				out = append(out, c.decorate(rec))
			}
			return true
		})
		c.respondList(out)
		return nil
	})
}

func (c *call) find() { c.onRecord(readLock, firstMatch, c.answer) }

// firstMatch finds the first record that the query's filters match.
func firstMatch(c *call) (map[string]any, *apiError) {
	m := newMatcher(c.rt, c.r.URL.Query(), c.path)
	var found map[string]any
	c.s.tbl(c.rt.resource).each(func(rec map[string]any) bool {
		if m.match(rec) {
			found = rec
			return false
		}
		return true
	})
	if found == nil {
		return nil, errNoMatch
	}
	return found, nil
}

func (c *call) get() { c.onRecord(readLock, byID(c.rt.resource), c.answer) }

func (c *call) create() {
	rec := clone(c.in)
	delete(rec, "id")
	for _, f := range c.rt.fks {
		v, _ := toInt(c.path[f.param])
		rec[f.field] = v
	}
	c.locked(writeLock, func() *apiError { return c.save(c.rt.resource, rec, nil) })
}

// insert runs the resource's rules and stores rec with a fresh id and
// timestamps. The caller holds the write lock.
func (c *call) insert(resource string, rec map[string]any) *apiError {
	t := c.s.store(resource)
	rec["id"] = t.next
	rec["created_at"], rec["updated_at"] = c.pj.now, c.pj.now
	if aerr := c.applyRules(resource, rec, nil); aerr != nil {
		return aerr
	}
	t.insert(rec)
	return nil
}

func (c *call) update() {
	c.edit(c.rt.resource, func(rec map[string]any) *apiError {
		for k, v := range c.in {
			if k != "id" {
				rec[k] = v
			}
		}
		return nil
	})
}

// replace runs the resource's rules and stores an updated record. The
// caller holds the write lock.
func (c *call) replace(resource string, rec, old map[string]any) *apiError {
	rec["updated_at"] = c.pj.now
	if aerr := c.applyRules(resource, rec, old); aerr != nil {
		return aerr
	}
	c.s.store(resource).insert(rec)
	return nil
}

// applyRules derives full_name and runs the resource's prepare and
// validate hooks on a record about to be stored (old nil on create); on
// the dated API its prepare (datedPrepares) runs first.
func (c *call) applyRules(resource string, rec, old map[string]any) *apiError {
	deriveNames(rec)
	if c.rt != nil && c.rt.dated {
		if f := datedPrepares[resource]; f != nil {
			if aerr := f(c, rec, old); aerr != nil {
				return aerr
			}
		}
	}
	h := hooks[resource]
	if h == nil {
		return nil
	}
	if h.prepare != nil {
		h.prepare(c, rec, old)
	}
	if h.validate != nil {
		return h.validate(c, rec, old)
	}
	return nil
}

func (c *call) remove() {
	c.onRecord(writeLock, byID(c.rt.resource), func(rec map[string]any) *apiError {
		c.s.tbl(c.rt.resource).remove(rec["id"].(int))
		if h := hooks[c.rt.resource]; h != nil && h.deleted != nil {
			h.deleted(c.s, rec)
		}
		c.respond(rec)
		return nil
	})
}

// deriveNames keeps full_name in step with first_name and last_name.
func deriveNames(rec map[string]any) {
	f, fok := rec["first_name"].(string)
	l, lok := rec["last_name"].(string)
	if fok || lok {
		rec["full_name"] = strings.TrimSpace(f + " " + l)
	}
}

// decorate joins read-time fields (leave_type_name, ...), and on the dated
// API derives that API's fields from the shared record (datedView). The
// caller holds the lock.
func (c *call) decorate(rec map[string]any) map[string]any {
	if h := hooks[c.rt.resource]; h != nil && h.decorate != nil {
		rec = h.decorate(c.s, rec)
	}
	if c.rt.dated {
		rec = c.datedView(c.rt.resource, rec)
	}
	return rec
}

// respond answers the route's success status with one record (wrapped in
// an array where the spec says the operation answers a list).
func (c *call) respond(rec map[string]any) { c.out = reply{set: true, one: c.decorate(rec)} }

// respondList answers decorated records.
func (c *call) respondList(recs []map[string]any) { c.out = reply{set: true, many: recs, list: true} }

// render projects a record onto the route's item schema, hiding what the
// principal may not see.
func (c *call) render(rec map[string]any) any {
	out := c.pj.value(c.rt.item, rec)
	if c.rt.resource == ResEmployees && !c.p.privileged() {
		if id, _ := toInt(rec["id"]); id != c.p.EmployeeID {
			restrict(c.pj, c.rt.item, out)
		}
	}
	return out
}

// flush writes the reply, outside the store lock.
func (c *call) flush() {
	if !c.out.set {
		return
	}
	if c.rt.resp == nil {
		c.w.WriteHeader(c.rt.status)
		return
	}
	var v any
	if c.out.list {
		xs := make([]any, len(c.out.many))
		for i, rec := range c.out.many {
			xs[i] = c.render(rec)
		}
		v = xs
		if c.out.meta != nil {
			v = map[string]any{"data": xs, "meta": c.out.meta}
		}
	} else {
		v = c.render(c.out.one)
		if c.rt.respArray {
			v = []any{v}
		}
	}
	bp := bufPool.Get().(*[]byte)
	b := appendJSON((*bp)[:0], v)
	h := c.w.Header()
	h["Content-Type"] = []string{"application/json; charset=utf-8"}
	c.w.WriteHeader(c.rt.status)
	_, _ = c.w.Write(b)
	if cap(b) <= 1<<20 {
		*bp = b
		bufPool.Put(bp)
	}
}

var bufPool = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		status, b = http.StatusInternalServerError, []byte(`{"errors":"sandbox: cannot encode response"}`)
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// nowArg parses a request's "now" (ISO 8601 with offset), defaulting to
// the sandbox clock.
func (c *call) nowArg(key string) (time.Time, *apiError) {
	raw, _ := c.in[key].(string)
	if raw == "" {
		return c.s.clock(), nil
	}
	t, err := parseTime(raw)
	if err != nil {
		return time.Time{}, invalid(key, "is invalid")
	}
	return t, nil
}

func parseTime(raw string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339Nano, "2006-01-02T15:04:05", "2006-01-02T15:04", time.DateOnly} {
		if t, err := time.Parse(layout, raw); err == nil {
			return t, nil
		}
	}
	return time.Parse(time.RFC3339, raw)
}
