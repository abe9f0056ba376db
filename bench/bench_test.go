package bench

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/specvalidate"
	"github.com/factorial-go/factorial/resources"
)

// These tests keep the benchmarks honest as the code they measure changes:
// they run with go test ./... (scripts/test.sh), the benchmarks only with
// -bench.

// TestFixturesMatchSpec: the canned bodies are valid responses of their
// operations, and decode into the generated types, so the benchmarks
// measure real work rather than an error path.
func TestFixturesMatchSpec(t *testing.T) {
	v := specvalidate.MustNew()
	for _, tc := range []struct {
		path string
		body []byte
		into any
	}{
		{"/api/v1/me", []byte(meJSON), new(api.Access)},
		{"/api/v1/employees", employeesJSON(100), new([]api.Employee)},
	} {
		req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1"+tc.path, nil)
		req.Header.Set("X-Api-Key", apiKey)
		route, err := v.FindRoute(req)
		if err != nil {
			t.Fatal(err)
		}
		h := http.Header{"Content-Type": {"application/json; charset=utf-8"}}
		if err := v.ValidateResponse(context.Background(), req, route, http.StatusOK, h, tc.body); err != nil {
			t.Errorf("%s: %v", tc.path, err)
		}
		if err := json.Unmarshal(tc.body, tc.into); err != nil {
			t.Errorf("%s: %v", tc.path, err)
		}
	}
	if n := len(employeesJSON(1000)) / 1000; n < 900 || n > 1200 {
		t.Errorf("an employee is %d bytes of JSON, want about 1 KiB", n)
	}
}

// TestPagedFixturesMatchSpec: every page of the dated list is a valid
// ListEmployees response of openapi-resources.yaml and decodes into
// resources.EmployeePage; the pages chain by cursor (each has_next_page
// page's end_cursor asks for the next one) and hold the ids in order.
func TestPagedFixturesMatchSpec(t *testing.T) {
	v := specvalidate.MustNewResources()
	const n = 1_050 // a short last page too
	pages, after := employeePagesJSON(n)
	if len(pages) != 11 || len(after) != 10 {
		t.Fatalf("%d pages, %d cursors", len(pages), len(after))
	}
	req := httptest.NewRequest(http.MethodGet, "http://127.0.0.1"+datedEmployeesPath+"?limit=100", nil)
	req.Header.Set("X-Api-Key", apiKey)
	route, err := v.FindRoute(req)
	if err != nil {
		t.Fatal(err)
	}
	h := http.Header{"Content-Type": {"application/json; charset=utf-8"}}
	count := 0
	for k, body := range pages {
		if err := v.ValidateResponse(context.Background(), req, route, http.StatusOK, h, body); err != nil {
			t.Fatalf("page %d: %v", k, err)
		}
		var page resources.EmployeePage
		if err := json.Unmarshal(body, &page); err != nil {
			t.Fatalf("page %d: %v", k, err)
		}
		for _, e := range page.Data {
			if err := checkDated(&e, count); err != nil {
				t.Fatal(err)
			}
			count++
		}
		m := page.Meta
		if m.HasNextPage != (k < len(pages)-1) || m.HasPreviousPage != (k > 0) || m.Total != n || m.EndCursor == nil {
			t.Fatalf("page %d: meta %+v", k, m)
		}
		if m.HasNextPage && after[*m.EndCursor] != k+1 {
			t.Fatalf("page %d: end_cursor %q asks for page %d", k, *m.EndCursor, after[*m.EndCursor])
		}
	}
	if count != n {
		t.Fatalf("%d employees", count)
	}
	if per := len(pages[0]) / pageLimit; per < 1300 || per > 1800 {
		t.Errorf("a dated employee is %d bytes of JSON, want about 1.5 KiB", per)
	}
}

// TestCannedServerAndClient: one call of each kind against the canned
// child process, as the benchmarks make them.
func TestCannedServerAndClient(t *testing.T) {
	if testing.Short() {
		t.Skip("starts a child process")
	}
	srv := cannedServer(t)
	ctx := context.Background()
	base := srv.urls[100]
	if _, err := rawMe(ctx, rawClient(), base); err != nil {
		t.Fatal(err)
	}
	c := newClient(t, base)
	if a, err := clientMe(ctx, c); err != nil || a.EmployeeID != 1001 {
		t.Fatalf("%+v %v", a, err)
	}
	if err := wantLen(clientEmployees(ctx, c))(100); err != nil {
		t.Fatal(err)
	}
	if err := iterEmployees(ctx, c, 100); err != nil {
		t.Fatal(err)
	}
	if err := wantLen(rawEmployees(ctx, rawClient(), base))(100); err != nil {
		t.Fatal(err)
	}
	for _, n := range pagedTotals {
		paged := srv.pagedURLs[n]
		if err := rawPagedEmployees(ctx, rawClient(), paged, n); err != nil {
			t.Fatal(err)
		}
		if err := iterPagedEmployees(ctx, newClient(t, paged), n); err != nil {
			t.Fatal(err)
		}
	}
	if err := roundTrip(&specvalidate.Transport{Validator: specvalidate.MustNew(), Base: rawClient().Transport, Report: func(err error) { t.Error(err) }},
		base+"/api/v1/employees"); err != nil {
		t.Fatal(err)
	}
}

// TestSandboxCycle: the figure-4 workload gets only 2xx answers (a 422
// from the open-shift rule would fail the benchmark).
func TestSandboxCycle(t *testing.T) {
	s, emps := newBenchSandbox(t)
	srv := httptest.NewServer(s.Handler())
	defer srv.Close()
	sent, err := runSandbox(srv.Client(), srv.URL, emps, 3*len(sandboxCycle)*sandboxWorkers)
	if err != nil {
		t.Fatal(err)
	}
	if sent < int64(3*len(sandboxCycle)*sandboxWorkers) {
		t.Fatalf("sent %d requests", sent)
	}
	if v := s.Violations(); len(v) > 0 {
		t.Fatalf("spec violations: %v", v)
	}
}

// TestRefreshFanInOnce: one figure-2 round, with its assertion.
func TestRefreshFanInOnce(t *testing.T) {
	f := newRefreshFixture(t)
	waits, err := f.fanIn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(waits) != fanIn {
		t.Fatalf("%d waits", len(waits))
	}
}
