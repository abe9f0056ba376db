package specvalidate

import (
	"errors"
	"maps"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

// requestPaths derives request paths from every spec path: the template
// with its parameters filled in several ways, plus near misses (a trailing
// slash, an empty or encoded segment, a parameter value that is another
// path's literal).
func requestPaths(doc *openapi3.T) []string {
	fills := []string{"7", "bulk", "me", "clock_in", "a%2Fb", "%7B%7D", "x.json", "-1", "%20"}
	var out []string
	for path := range doc.Paths.Map() {
		for _, f := range fills {
			segs := strings.Split(path, "/")
			for i, s := range segs {
				if strings.HasPrefix(s, "{") {
					segs[i] = f
				}
			}
			p := strings.Join(segs, "/")
			out = append(out, p, p+"/", strings.Replace(p, "/", "//", 2), strings.ToUpper(p), p+"/extra")
			if i := strings.LastIndex(p, "/"); i > 0 {
				out = append(out, p[:i], p[:i]+"/")
			}
		}
	}
	return append(out, "", "/", "/api", "/api/", "/oauth/token", "/oauth/token/", "/api/v1/employees/%31", "/api/v1/employees/1%2F2/x")
}

// TestSegmentRouterMatchesGorillamux: for every path and method, the trie
// returns exactly what gorillamux returns (route fields, parameters,
// errors). gorillamux stays the reference for this spec and any other.
func TestSegmentRouterMatchesGorillamux(t *testing.T) {
	v := MustNew() // panics if the segment router refused openapi.yaml
	ref, err := gorillamux.NewRouter(v.doc)
	if err != nil {
		t.Fatal(err)
	}
	methods := []string{"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "get", "QUERY", "TRACE"}
	n := 0
	for _, p := range requestPaths(v.doc) {
		for _, m := range methods {
			u, err := url.Parse("http://127.0.0.1:8080" + p)
			if err != nil {
				continue
			}
			req := &http.Request{Method: m, URL: u, Header: http.Header{}}
			wantRoute, wantParams, wantErr := ref.FindRoute(req)
			got, gotErr := v.segments.find(req)
			n++
			if !errors.Is(gotErr, wantErr) || (wantErr == nil) != (gotErr == nil) {
				t.Errorf("%s %s: error %v, gorillamux %v", m, p, gotErr, wantErr)
				continue
			}
			if wantErr != nil {
				continue
			}
			if *got.route != *wantRoute {
				t.Errorf("%s %s: route %s %s, gorillamux %s %s", m, p, got.route.Method, got.route.Path, wantRoute.Method, wantRoute.Path)
			}
			if !maps.Equal(got.params, wantParams) || got.params == nil {
				t.Errorf("%s %s: params %v, gorillamux %v", m, p, got.params, wantParams)
			}
		}
	}
	t.Logf("%d requests compared", n)
}

func TestSegmentRouterRefusesWhatItCannotMatch(t *testing.T) {
	for _, path := range []string{"/books/{id}.json", "/files/{path:.*}", "/a/{x}{y}"} {
		doc := &openapi3.T{Paths: openapi3.NewPaths(openapi3.WithPath(path, &openapi3.PathItem{Get: &openapi3.Operation{}}))}
		if _, err := newSegmentRouter(doc); err == nil {
			t.Errorf("%s: accepted", path)
		}
	}
	doc := &openapi3.T{
		Servers: openapi3.Servers{{URL: "https://api.example.com/v2"}},
		Paths:   openapi3.NewPaths(openapi3.WithPath("/a", &openapi3.PathItem{Get: &openapi3.Operation{}})),
	}
	if _, err := newSegmentRouter(doc); err == nil {
		t.Error("server with host and path: accepted")
	}
}

func TestFindRouteErrors(t *testing.T) {
	v := MustNew()
	for _, tc := range []struct {
		method, path string
		want         error
	}{
		{"GET", "/api/v1/nothing", routers.ErrPathNotFound},
		{"PATCH", "/api/v1/me", routers.ErrMethodNotAllowed},
	} {
		u, _ := url.Parse("http://127.0.0.1" + tc.path)
		_, err := v.FindRoute(&http.Request{Method: tc.method, URL: u})
		var e *Error
		if !errors.As(err, &e) || e.Stage != "route" || !errors.Is(err, tc.want) {
			t.Errorf("%s %s: %v", tc.method, tc.path, err)
		}
	}
	u, _ := url.Parse("http://127.0.0.1/api/v1/employees/42")
	rt, err := v.FindRoute(&http.Request{Method: "GET", URL: u})
	if err != nil || rt.OperationID() != "GetEmployee" || rt.PathParams()["id"] != "42" || rt.PathTemplate() != "/api/v1/employees/{id}" {
		t.Fatalf("GetEmployee: %v %+v", err, rt)
	}
}

func BenchmarkFindRoute(b *testing.B) {
	v := MustNew()
	ref, _ := gorillamux.NewRouter(v.doc)
	for _, p := range []string{"/api/v1/me", "/api/v1/employees", "/api/v1/employees/42", "/api/v1/time/shifts/clock_in"} {
		u, _ := url.Parse("http://127.0.0.1" + p)
		req := &http.Request{Method: "GET", URL: u}
		if strings.HasSuffix(p, "clock_in") {
			req.Method = "POST"
		}
		b.Run(p+"/segments", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := v.segments.find(req); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(p+"/gorillamux", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, _, err := ref.FindRoute(req); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
