package factorial

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

// TestNoRawDecodeErrorEscapes is the property the transport's decode check
// exists for, checked over every generated operation: for a 2xx body, the
// generated parser alone (a bare api.ClientWithResponses) fails exactly when
// the Client returns an *Error of kind KindDecode, and succeeds exactly when
// the Client does. Bodies are a sample built from each operation's response
// schema and mutations of it that put a wrong JSON kind at one node.
//
// Operations are found by reflection on *api.ClientWithResponses, so the
// test grows with the spec and holds no per-endpoint code.
func TestNoRawDecodeErrorEscapes(t *testing.T) {
	const maxMutationsPerOp = 16
	if testing.Short() {
		t.Skip("walks every operation")
	}
	validator := specvalidate.MustNew()

	var mu sync.Mutex
	var probe *probed
	var answer struct {
		status      int
		contentType string
		body        []byte
	}
	rt := handlerTransport(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		if probe != nil {
			probe.route, _ = validator.FindRoute(r)
			w.WriteHeader(http.StatusTeapot)
			return
		}
		w.Header().Set("Content-Type", answer.contentType)
		w.WriteHeader(answer.status)
		_, _ = w.Write(answer.body)
	}))
	const base = "http://localhost"
	bare, err := api.NewClientWithResponses(base, api.WithHTTPClient(&http.Client{Transport: rt}))
	if err != nil {
		t.Fatal(err)
	}
	ours, err := NewClient(WithBaseURL(base), WithTransport(rt), WithRetryPolicy(RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}

	seen := map[string]bool{}
	ops, bodies, rejected, skipped := 0, 0, 0, 0
	for _, m := range withResponseMethods(bare) {
		mu.Lock()
		probe = &probed{}
		mu.Unlock()
		if !callMethod(bare, m, context.Background()).ok {
			skipped++
			continue
		}
		mu.Lock()
		route := probe.route
		probe = nil
		mu.Unlock()
		if route == nil || seen[route.OperationID()] {
			continue
		}
		seen[route.OperationID()] = true
		status, mediaType, schema := jsonSuccess(route)
		if schema == nil {
			continue
		}
		ops++
		sample := sampleValue(schema, 0)
		cases := append([][]byte{mustJSON(t, sample)}, mutations(sample, maxMutationsPerOp)...)
		for _, body := range cases {
			mu.Lock()
			answer.status, answer.contentType, answer.body = status, mediaType, body
			mu.Unlock()
			bodies++
			want := callMethod(bare, m, context.Background())
			got := callMethod(ours.ClientWithResponses, m, context.Background())
			if want.err != nil {
				rejected++
			}
			var e *Error
			switch {
			case want.err == nil && got.err != nil:
				t.Errorf("%s %s: the parser accepts it, the Client says %v", route.OperationID(), body, got.err)
			case want.err != nil && !errors.As(got.err, &e):
				t.Errorf("%s %s: raw error escaped: %v (parser: %v)", route.OperationID(), body, got.err, want.err)
			case want.err != nil && e.Kind != KindDecode:
				t.Errorf("%s %s: kind %q, want %q: %v", route.OperationID(), body, e.Kind, KindDecode, got.err)
			}
		}
	}
	t.Logf("%d operations with a JSON 2xx, %d bodies compared (%d the parser rejects), %d methods not callable with zero arguments",
		ops, bodies, rejected, skipped)
	if ops == 0 || rejected == 0 {
		t.Fatal("nothing exercised")
	}
}

type probed struct{ route *specvalidate.Route }

// handlerTransport serves requests in process: no sockets, so thousands of
// exchanges stay cheap.
func handlerTransport(h http.Handler) http.RoundTripper {
	return roundTripFunc(func(r *http.Request) (*http.Response, error) {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		resp := rec.Result()
		resp.Request = r
		return resp, nil
	})
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func withResponseMethods(c *api.ClientWithResponses) []string {
	typ := reflect.TypeOf(c)
	var names []string
	for i := range typ.NumMethod() {
		if n := typ.Method(i).Name; strings.HasSuffix(n, "WithResponse") {
			names = append(names, n)
		}
	}
	return names
}

type callResult struct {
	ok  bool // the method could be called
	err error
}

// callMethod calls a generated method with placeholder arguments: "1" or 1
// for path parameters, zero values for params and bodies.
func callMethod(c *api.ClientWithResponses, name string, ctx context.Context) (res callResult) {
	defer func() {
		if recover() != nil {
			res = callResult{}
		}
	}()
	m := reflect.ValueOf(c).MethodByName(name)
	typ := m.Type()
	args := []reflect.Value{reflect.ValueOf(ctx)}
	for i := 1; i < typ.NumIn(); i++ {
		in := typ.In(i)
		if typ.IsVariadic() && i == typ.NumIn()-1 {
			break
		}
		v := reflect.New(in).Elem()
		switch in.Kind() {
		case reflect.String:
			v.SetString("1")
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			v.SetInt(1)
		}
		args = append(args, v)
	}
	out := m.Call(args)
	err, _ := out[1].Interface().(error)
	return callResult{ok: true, err: err}
}

// jsonSuccess returns the operation's first 2xx response with a JSON schema.
func jsonSuccess(route *specvalidate.Route) (int, string, *openapi3.Schema) {
	responses := route.Operation().Responses.Map()
	codes := make([]string, 0, len(responses))
	for code := range responses {
		codes = append(codes, code)
	}
	sort.Strings(codes)
	for _, code := range codes {
		var status int
		if _, err := fmt.Sscanf(code, "%d", &status); err != nil || status < 200 || status > 299 {
			continue
		}
		ref := responses[code]
		if ref == nil || ref.Value == nil {
			continue
		}
		for mt, media := range ref.Value.Content {
			if strings.Contains(mt, "json") && media.Schema != nil && media.Schema.Value != nil {
				return status, mt, media.Schema.Value
			}
		}
	}
	return 0, "", nil
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
	switch kindOf(s) {
	case "object":
		m := map[string]any{}
		for name, p := range s.Properties {
			m[name] = sampleValue(p.Value, depth+1)
		}
		if ap := s.AdditionalProperties.Schema; ap != nil {
			m["extra"] = sampleValue(ap.Value, depth+1)
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
		case "email":
			return "ada@example.com"
		case "uuid":
			return "123e4567-e89b-12d3-a456-426614174000"
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

// mutations returns up to n copies of v, each with one node replaced by a
// value of another JSON kind (rotating through them), spread evenly over
// the nodes.
func mutations(v any, n int) [][]byte {
	wrong := []any{"x", 1.5, 7, true, []any{}, map[string]any{}, nil}
	var paths [][]any
	var collect func(v any, path []any)
	collect = func(v any, path []any) {
		paths = append(paths, slices.Clone(path))
		switch t := v.(type) {
		case map[string]any:
			for _, k := range slices.Sorted(maps.Keys(t)) {
				collect(t[k], append(path, k))
			}
		case []any:
			for i, item := range t {
				collect(item, append(path, i))
			}
		}
	}
	collect(v, nil)
	paths = paths[1:] // the root: a top-level null is rejected on purpose
	stride := max(1, len(paths)/n)
	var out [][]byte
	for i := 0; i < len(paths) && len(out) < n; i += stride {
		b, err := json.Marshal(replaceAt(v, paths[i], wrong[i%len(wrong)]))
		if err == nil {
			out = append(out, b)
		}
	}
	return out
}

func replaceAt(v any, path []any, with any) any {
	if len(path) == 0 {
		return with
	}
	switch t := v.(type) {
	case map[string]any:
		c := make(map[string]any, len(t))
		for k, x := range t {
			c[k] = x
		}
		k := path[0].(string)
		c[k] = replaceAt(t[k], path[1:], with)
		return c
	case []any:
		c := slices.Clone(t)
		i := path[0].(int)
		c[i] = replaceAt(t[i], path[1:], with)
		return c
	}
	return v
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
