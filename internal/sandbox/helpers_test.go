package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

// env is a sandbox behind httptest with a generated client whose transport
// validates every exchange (failures are test errors) and counts coverage.
type env struct {
	t   testing.TB
	s   *Sandbox
	srv *httptest.Server
	cov *specvalidate.Coverage
	// strict: a spec violation in either direction fails the test.
	strict bool
}

// tokens used by the tests' authenticator.
const (
	tokAdmin   = "admin-token"
	tokManager = "manager-token"
	tokBasic   = "basic-token"
	tokKey     = "company-api-key"
	// tokCompany is a company token (resource_owner_type=company), tokTimeOff
	// an admin's token granted only the time_off scope.
	tokCompany = "company-token"
	tokTimeOff = "time-off-token"
)

var testTokens = map[string]Principal{
	tokAdmin:   {EmployeeID: DemoAdminID, Admin: true},
	tokManager: {EmployeeID: DemoManagerID},
	tokBasic:   {EmployeeID: DemoBasicID},
	tokKey:     {EmployeeID: DemoAdminID, APIKey: true},
	tokCompany: {Company: true, Scopes: []string{"employees", "time_off", "time_tracking"}},
	tokTimeOff: {EmployeeID: DemoAdminID, Admin: true, Scopes: []string{"time_off"}},
}

func newEnv(t testing.TB, opts ...Option) *env {
	t.Helper()
	e := &env{t: t, cov: &specvalidate.Coverage{}, strict: true}
	opts = append([]Option{
		WithAuthenticator(StaticTokens(testTokens)),
		WithViolationHandler(func(r *http.Request, err error) { t.Errorf("sandbox response violates the spec: %v", err) }),
	}, opts...)
	s, err := New(opts...)
	if err != nil {
		t.Fatal(err)
	}
	e.s = s
	e.srv = httptest.NewServer(s.Handler())
	t.Cleanup(e.srv.Close)
	t.Cleanup(s.Close)
	return e
}

func newServer(t testing.TB, s *Sandbox) *httptest.Server {
	srv := httptest.NewServer(s.Handler())
	t.Cleanup(srv.Close)
	return srv
}

// client returns a generated client authenticated with token ("key:" prefix
// sends it as x-api-key).
func (e *env) client(token string) *api.ClientWithResponses {
	e.t.Helper()
	hc := &http.Client{Transport: &specvalidate.Transport{
		Validator: specvalidate.MustNew(),
		Base:      e.srv.Client().Transport,
		Report: func(err error) {
			if e.strict {
				e.t.Errorf("exchange violates the spec: %v", err)
			}
		},
		Coverage: e.cov,
	}, Timeout: 30 * time.Second}
	c, err := api.NewClientWithResponses(e.srv.URL, api.WithHTTPClient(hc),
		api.WithRequestEditorFn(func(_ context.Context, r *http.Request) error {
			if k, ok := strings.CutPrefix(token, "key:"); ok {
				r.Header.Set("x-api-key", k)
			} else if token != "" {
				r.Header.Set("Authorization", "Bearer "+token)
			}
			return nil
		}))
	if err != nil {
		e.t.Fatal(err)
	}
	return c
}

// raw sends a request without client-side validation (for invalid input).
func (e *env) raw(method, path, token, contentType, body string) (int, http.Header, []byte) {
	e.t.Helper()
	req, err := http.NewRequest(method, e.srv.URL+path, strings.NewReader(body))
	if err != nil {
		e.t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}
	resp, err := e.srv.Client().Do(req)
	if err != nil {
		e.t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, resp.Header, b
}

// result is what invoke returns.
type result struct {
	status int
	body   []byte
	resp   reflect.Value // *api.<Op>Response
}

func (r result) json(t testing.TB) any {
	t.Helper()
	var v any
	if len(r.body) > 0 {
		if err := json.Unmarshal(r.body, &v); err != nil {
			t.Fatalf("response body %q: %v", r.body, err)
		}
	}
	return v
}

func (r result) obj(t testing.TB) map[string]any {
	t.Helper()
	switch v := r.json(t).(type) {
	case map[string]any:
		return v
	case []any:
		if len(v) == 1 {
			if m, ok := v[0].(map[string]any); ok {
				return m
			}
		}
	}
	t.Fatalf("want one object, got %s", r.body)
	return nil
}

// call is the input of one generated-client call.
type callIn struct {
	path        []any          // path parameters in template order
	query       map[string]any // query parameters by wire name
	body        any            // JSON body (map) or multipart fields
	contentType string         // default application/json
}

// invoke calls the generated client's method for opID by reflection, so
// every operation goes through the generated request builders and the
// generated typed response parser.
func invoke(t testing.TB, c *api.ClientWithResponses, opID string, in callIn) result {
	t.Helper()
	cv := reflect.ValueOf(c)
	m := cv.MethodByName(opID + "WithBodyWithResponse")
	withBody := m.IsValid()
	if !withBody {
		m = cv.MethodByName(opID + "WithResponse")
	}
	if !m.IsValid() {
		t.Fatalf("generated client has no method for %s", opID)
	}
	mt := m.Type()
	args := []reflect.Value{reflect.ValueOf(context.Background())}
	pi := 0
	ct, body := encodeBody(t, in)
	for i := 1; i < mt.NumIn(); i++ {
		pt := mt.In(i)
		if mt.IsVariadic() && i == mt.NumIn()-1 {
			break
		}
		switch {
		case pt.Kind() == reflect.Int:
			if pi >= len(in.path) {
				t.Fatalf("%s: missing path parameter %d", opID, pi)
			}
			args = append(args, reflect.ValueOf(in.path[pi]).Convert(pt))
			pi++
		case pt.Kind() == reflect.Pointer && pt.Elem().Kind() == reflect.Struct:
			args = append(args, buildParams(t, pt.Elem(), in.query))
		case pt.Kind() == reflect.String:
			args = append(args, reflect.ValueOf(ct))
		case pt == reflect.TypeFor[io.Reader]():
			args = append(args, reflect.ValueOf(body))
		default:
			t.Fatalf("%s: unexpected parameter type %s", opID, pt)
		}
	}
	out := m.Call(args)
	if err, _ := out[1].Interface().(error); err != nil {
		t.Fatalf("%s: %v", opID, err)
	}
	resp := out[0]
	status := resp.MethodByName("StatusCode").Call(nil)[0].Interface().(int)
	return result{status: status, body: resp.Elem().FieldByName("Body").Bytes(), resp: resp}
}

// encodeBody renders the body as JSON or multipart.
func encodeBody(t testing.TB, in callIn) (string, io.Reader) {
	if in.contentType == "multipart/form-data" {
		var buf bytes.Buffer
		w := multipart.NewWriter(&buf)
		fields, _ := in.body.(map[string]any)
		for k, v := range fields {
			switch x := v.(type) {
			case fileField:
				fw, err := w.CreateFormFile(k, string(x))
				if err != nil {
					t.Fatal(err)
				}
				_, _ = fw.Write([]byte("%PDF-1.4 sandbox"))
			case []any:
				for _, e := range x {
					_ = w.WriteField(k, fmtVal(e))
				}
			default:
				_ = w.WriteField(k, fmtVal(v))
			}
		}
		_ = w.Close()
		return w.FormDataContentType(), &buf
	}
	b, err := json.Marshal(in.body)
	if err != nil {
		t.Fatal(err)
	}
	return "application/json", bytes.NewReader(b)
}

// fileField marks a multipart file part (its value is the filename).
type fileField string

// buildParams fills a generated *Params struct from wire names.
func buildParams(t testing.TB, typ reflect.Type, q map[string]any) reflect.Value {
	pv := reflect.New(typ)
	for i := 0; i < typ.NumField(); i++ {
		f := typ.Field(i)
		name, _, _ := strings.Cut(f.Tag.Get("form"), ",")
		v, ok := q[name]
		if !ok {
			continue
		}
		setField(t, pv.Elem().Field(i), v)
	}
	return pv
}

func setField(t testing.TB, fv reflect.Value, v any) {
	ft := fv.Type()
	switch ft.Kind() {
	case reflect.Pointer:
		p := reflect.New(ft.Elem())
		setField(t, p.Elem(), v)
		fv.Set(p)
	case reflect.Slice:
		xs := reflect.ValueOf(v)
		s := reflect.MakeSlice(ft, xs.Len(), xs.Len())
		for i := 0; i < xs.Len(); i++ {
			setField(t, s.Index(i), xs.Index(i).Interface())
		}
		fv.Set(s)
	case reflect.String:
		fv.SetString(fmt.Sprint(v))
	case reflect.Int, reflect.Int64, reflect.Int32:
		fv.SetInt(reflect.ValueOf(v).Convert(reflect.TypeFor[int64]()).Int())
	case reflect.Bool:
		fv.SetBool(v.(bool))
	default:
		t.Fatalf("cannot set %s from %T", ft, v)
	}
}

var seqMu sync.Mutex
var seq int

func nextSeq() int {
	seqMu.Lock()
	defer seqMu.Unlock()
	seq++
	return seq
}

// requestFor synthesises a valid request body for an operation from its
// request schema, with values that satisfy the sandbox's rules.
func (e *env) requestFor(rt *route) callIn {
	in := callIn{contentType: "application/json"}
	if rt.body == nil {
		return in
	}
	if rt.body == nil || rt.body.kind != shObject {
		return in
	}
	n := nextSeq()
	now := e.s.Now().UTC()
	body := map[string]any{}
	multipartBody := false
	for _, name := range rt.body.names {
		v := sampleValue(rt.body.props[name], name, n, now)
		if _, isFile := v.(fileField); isFile {
			multipartBody = true
		}
		body[name] = v
	}
	doc := e.s.validator.Doc()
	if rt.dated {
		doc = e.s.resources.Doc()
	}
	for _, media := range []string{"multipart/form-data"} {
		if doc.Paths.Find(rt.template).GetOperation(rt.method).RequestBody.Value.Content.Get(media) != nil {
			multipartBody = true
		}
	}
	if multipartBody {
		in.contentType = "multipart/form-data"
		for k, v := range body {
			if m, ok := v.(map[string]any); ok && len(m) == 0 {
				delete(body, k)
			}
		}
	}
	in.body = body
	return in
}

// sampleValue is a valid value for a request property.
func sampleValue(sh *shape, name string, n int, now time.Time) any {
	day := func(d int) string { return now.AddDate(0, 0, d).Format(time.DateOnly) }
	switch name {
	case "employee_id", "emloyee_id":
		return DemoBasic2ID
	case "manager_id", "timeoff_manager_id", "termination_assigned_manager_id":
		return DemoAdminID
	case "employee_ids", "signees", "assignee_ids":
		return []any{DemoBasic2ID}
	case "email":
		return fmt.Sprintf("sweep%d@acme.test", n)
	case "start_on", "starts_on", "effective_on", "regular_access_starts_on", "start_date", "first_payment_on":
		return day(1)
	case "finish_on", "ends_on", "due_on":
		return day(3)
	case "terminated_on":
		return day(14)
	case "birthday_on":
		return "1990-01-01"
	case "now":
		return now.Format(time.RFC3339)
	case "break_start":
		return now.Add(-3 * time.Hour).Format(time.RFC3339)
	case "break_end":
		return now.Add(-150 * time.Minute).Format(time.RFC3339)
	case "start_at":
		return now.Add(24 * time.Hour).Format(time.RFC3339)
	case "end_at":
		return now.Add(32 * time.Hour).Format(time.RFC3339)
	case "color":
		return "07A2AD"
	case "target_url":
		return fmt.Sprintf("https://hooks.acme.test/%d", n)
	}
	if sh.kind == shString && sh.format == "binary" {
		return fileField(name + ".pdf")
	}
	if len(sh.enum) > 0 {
		return sh.enum[0]
	}
	switch sh.kind {
	case shObject:
		out := map[string]any{}
		for _, p := range sh.names {
			out[p] = sampleValue(sh.props[p], p, n, now)
		}
		return out
	case shArray:
		if sh.items.kind == shInteger {
			return []any{1}
		}
		return []any{}
	case shInteger:
		return 1
	case shNumber:
		return 1.5
	case shBool:
		return true
	case shString:
		switch {
		case sh.format == "date":
			return day(1)
		case sh.format == "date-time":
			if name == "clock_out" {
				return now.Add(-time.Hour).Format(time.RFC3339)
			}
			return now.Add(-2 * time.Hour).Format(time.RFC3339)
		case name == "clock_in":
			return "08:00"
		case name == "clock_out":
			return "16:00"
		}
		return fmt.Sprintf("Sweep %s %d", strings.ReplaceAll(name, "_", " "), n)
	}
	return nil
}
