package factorial

import (
	"context"
	"encoding/json"
	"errors"
	"net/http"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

// serviceMethod is one generated service method found by reflection.
type serviceMethod struct {
	name string // Employees.List
	fn   reflect.Value
	iter bool
	page reflect.Type // the page type a paginated list reads, else nil
}

// serviceMethods lists every method of every service on c, so the tests
// below grow with the spec and hold no per-operation code.
func serviceMethods(c *Client) []serviceMethod {
	var out []serviceMethod
	var walk func(v reflect.Value, prefix string)
	walk = func(v reflect.Value, prefix string) {
		for i := range v.NumField() {
			f, sf := v.Field(i), v.Type().Field(i)
			if !sf.IsExported() || f.Kind() != reflect.Pointer {
				continue
			}
			if !strings.HasSuffix(f.Type().Elem().Name(), "Service") {
				if f.Elem().Kind() == reflect.Struct {
					walk(f.Elem(), prefix+sf.Name+".") // a tree of services: Resources
				}
				continue
			}
			for j := range f.NumMethod() {
				m := f.Type().Method(j)
				sm := serviceMethod{name: prefix + sf.Name + "." + m.Name, fn: f.Method(j), iter: strings.HasSuffix(m.Name, "Iter")}
				if page, ok := f.Type().MethodByName(strings.TrimSuffix(m.Name, "Iter") + "Page"); ok {
					sm.page = page.Type.Out(0) // a paginated list (List, ListIter): its pages are objects
				}
				out = append(out, sm)
			}
		}
	}
	walk(reflect.ValueOf(c).Elem(), "")
	return out
}

// invoke calls m with ctx and zero values for its other arguments and
// returns its result (nil for error-only methods and for sequences, which
// it collects: the elements' count is returned instead) and its error.
func (m serviceMethod) invoke(ctx context.Context) (result any, n int, err error) {
	t := m.fn.Type()
	args := []reflect.Value{reflect.ValueOf(ctx)}
	for i := 1; i < t.NumIn(); i++ {
		arg := reflect.New(t.In(i)).Elem()
		if arg.Kind() == reflect.String {
			arg.SetString("1") // a path id: "" would leave an empty segment
		}
		args = append(args, arg)
	}
	out := m.fn.Call(args)
	if m.iter {
		seq := out[0]
		yield := reflect.MakeFunc(seq.Type().In(0), func(a []reflect.Value) []reflect.Value {
			if e := a[1].Interface(); e != nil {
				err = e.(error)
				return []reflect.Value{reflect.ValueOf(false)}
			}
			n++
			return []reflect.Value{reflect.ValueOf(true)}
		})
		seq.Call([]reflect.Value{yield})
		return nil, n, err
	}
	last := out[len(out)-1].Interface()
	if last != nil {
		err = last.(error)
	}
	if len(out) == 2 {
		result = out[0].Interface()
	}
	return result, 0, err
}

// failureShape is one way a response can fail to be a trustworthy
// success, and the *Error kind a service must turn it into.
type failureShape struct {
	name        string
	status      int // 0: the operation's first JSON success status
	contentType string
	body        string
	kind        ErrorKind
}

// shapesFor lists the failure shapes that apply to an operation: every
// operation can get an error status or an undeclared 2xx; one that
// declares a JSON success can also get its body wrong in every way.
func shapesFor(jsonStatus int, result reflect.Type) []failureShape {
	shapes := []failureShape{
		{"404", 404, "application/json", `{"errors":"Record not found"}`, KindStatus},
		{"500 html", 500, "text/html", "<html><body>Internal Server Error</body></html>", KindStatus},
		{"undeclared 2xx", 203, "application/json", `{}`, KindUndocumentedStatus},
	}
	if jsonStatus == 0 {
		return shapes
	}
	wrongKind := `[]`
	for result != nil && result.Kind() == reflect.Pointer {
		result = result.Elem()
	}
	if result != nil && result.Kind() == reflect.Slice {
		wrongKind = `{}`
	}
	return append(shapes,
		failureShape{"html page", jsonStatus, "text/html; charset=utf-8", "<html><body>Please log in</body></html>", KindContentType},
		failureShape{"empty body", jsonStatus, "application/json", "", KindEmptyBody},
		failureShape{"truncated JSON", jsonStatus, "application/json", `{"id":`, KindInvalidJSON},
		failureShape{"garbage", jsonStatus, "application/json", "\x00garbage", KindInvalidJSON},
		failureShape{"wrong JSON kind", jsonStatus, "application/json", wrongKind, KindDecode},
		failureShape{"null", jsonStatus, "application/json", "null", KindDecode},
	)
}

// TestEveryServiceFailureShape drives every service method, iterators
// included, through every failure shape that applies to its operation and
// through a valid success built from the spec's schema. Each failure must
// be an *Error of the expected kind carrying the status, the operationId,
// the URL, the request id and the body excerpt; each success must decode.
func TestEveryServiceFailureShape(t *testing.T) {
	validator, dated := specvalidate.MustNew(), specvalidate.MustNewResources()
	var (
		mu    sync.Mutex
		probe bool
		route *specvalidate.Route
		reply failureShape
	)
	c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if probe {
			if strings.Contains(r.URL.Path, "/resources/") {
				route, _ = dated.FindRoute(r)
			} else {
				route, _ = validator.FindRoute(r)
			}
			w.WriteHeader(http.StatusTeapot)
			return
		}
		w.Header().Set("X-Request-Id", "req-42")
		if reply.contentType != "" {
			w.Header().Set("Content-Type", reply.contentType)
		}
		w.WriteHeader(reply.status)
		_, _ = w.Write([]byte(reply.body))
	}))
	ctx := context.Background()
	methods := serviceMethods(c)
	if len(methods) < 390 {
		t.Fatalf("found %d service methods, want every operation", len(methods))
	}
	ops, shapes, successes := map[string]bool{}, 0, 0
	for _, m := range methods {
		mu.Lock()
		probe, route = true, nil
		mu.Unlock()
		if _, _, err := m.invoke(ctx); err == nil {
			t.Fatalf("%s: the probe's 418 came back as success", m.name)
		}
		mu.Lock()
		probe = false
		rt := route
		mu.Unlock()
		if rt == nil {
			t.Fatalf("%s: the request matched no spec operation", m.name)
		}
		op := rt.OperationID()
		ops[op] = true
		var result reflect.Type
		if m.fn.Type().NumOut() == 2 {
			result = m.fn.Type().Out(0)
		}
		if m.iter {
			result = reflect.TypeFor[[]any]() // a sequence reads a JSON array
		}
		if m.page != nil {
			result = m.page // or pages of {data, meta}
		}
		jsonStatus, schema, bodiless := successes2xx(rt)
		for _, sh := range shapesFor(jsonStatus, result) {
			shapes++
			mu.Lock()
			reply = sh
			mu.Unlock()
			res, _, err := m.invoke(ctx)
			var e *Error
			if !errors.As(err, &e) {
				t.Errorf("%s on %s: error %T %v is not an *Error", m.name, sh.name, err, err)
				continue
			}
			if e.Kind != sh.kind || e.StatusCode != sh.status || e.Operation != op || e.RequestID != "req-42" ||
				!strings.Contains(e.URL, "/api/") && !strings.Contains(e.URL, "/oauth/") || string(e.Body) != sh.body {
				t.Errorf("%s on %s: got kind %q status %d op %q request id %q url %q body %q; want %q %d %q", m.name, sh.name,
					e.Kind, e.StatusCode, e.Operation, e.RequestID, e.URL, e.Body, sh.kind, sh.status, op)
			}
			if res != nil && !reflect.ValueOf(res).IsZero() {
				t.Errorf("%s on %s: a failed call returned %v", m.name, sh.name, res)
			}
		}

		// The successes: a body sampled from the schema decodes, and a
		// bodiless success is nil (error-only and optional results).
		if jsonStatus != 0 {
			sample := sampleValue(schema, 0)
			if m, ok := sample.(map[string]any); ok {
				if meta, ok := m["meta"].(map[string]any); ok {
					meta["has_next_page"] = false // one page
				}
			}
			body, _ := json.Marshal(sample)
			mu.Lock()
			reply = failureShape{status: jsonStatus, contentType: "application/json", body: string(body)}
			mu.Unlock()
			res, n, err := m.invoke(ctx)
			if err != nil {
				t.Errorf("%s: a schema-valid %d body failed: %v (body %s)", m.name, jsonStatus, err, body)
			} else if m.iter && n != 1 || !m.iter && res != nil && reflect.ValueOf(res).IsZero() {
				t.Errorf("%s: success decoded to nothing (n=%d, result %v)", m.name, n, res)
			}
			successes++
		}
		for _, status := range bodiless {
			mu.Lock()
			reply = failureShape{status: status}
			mu.Unlock()
			res, _, err := m.invoke(ctx)
			if err != nil {
				t.Errorf("%s: bodiless %d failed: %v", m.name, status, err)
			} else if res != nil && !reflect.ValueOf(res).IsNil() {
				t.Errorf("%s: bodiless %d returned %v, want nil", m.name, status, res)
			}
			successes++
		}
	}
	t.Logf("%d service methods over %d operations: %d failure shapes and %d successes checked", len(methods), len(ops), shapes, successes)
}

// successes2xx returns an operation's first JSON success status and its
// schema, and its statuses declared without a body.
func successes2xx(route *specvalidate.Route) (jsonStatus int, schema *openapi3.Schema, bodiless []int) {
	responses := route.Operation().Responses.Map()
	codes := make([]string, 0, len(responses))
	for code := range responses {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		status, err := strconv.Atoi(code)
		if err != nil || status < 200 || status > 299 {
			continue
		}
		ref := responses[code]
		if ref.Value == nil || len(ref.Value.Content) == 0 || status == 204 {
			bodiless = append(bodiless, status)
			continue
		}
		for mt, media := range ref.Value.Content {
			if jsonStatus == 0 && strings.Contains(mt, "json") && media.Schema != nil {
				jsonStatus, schema = status, media.Schema.Value
			}
		}
	}
	return jsonStatus, schema, bodiless
}

// sampleValue builds a value that satisfies s at the type level.
func sampleValue(s *openapi3.Schema, depth int) any {
	if s == nil || depth > 8 {
		return nil
	}
	if len(s.OneOf) > 0 {
		return sampleValue(s.OneOf[0].Value, depth+1)
	}
	if len(s.AnyOf) > 0 {
		return sampleValue(s.AnyOf[0].Value, depth+1)
	}
	if len(s.AllOf) == 1 {
		return sampleValue(s.AllOf[0].Value, depth+1)
	}
	if len(s.AllOf) > 0 {
		merged := map[string]any{}
		for _, sub := range s.AllOf {
			if m, ok := sampleValue(sub.Value, depth+1).(map[string]any); ok {
				for k, v := range m {
					merged[k] = v
				}
			}
		}
		return merged
	}
	if len(s.Enum) > 0 {
		return s.Enum[0]
	}
	typ := ""
	if s.Type != nil && len(*s.Type) > 0 {
		typ = (*s.Type)[0]
	}
	switch typ {
	case "object", "":
		m := map[string]any{}
		for name, p := range s.Properties {
			m[name] = sampleValue(p.Value, depth+1)
		}
		return m
	case "array":
		if s.Items == nil {
			return []any{}
		}
		return []any{sampleValue(s.Items.Value, depth+1)}
	case "string":
		switch s.Format {
		case "date-time":
			return "2022-01-12T11:20:57.000Z"
		case "date":
			return "2022-01-12"
		case "byte":
			return "aGk="
		}
		return "s"
	case "integer":
		return 1
	case "number":
		return 1.5
	case "boolean":
		return true
	}
	return "anything"
}
