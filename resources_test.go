package factorial

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factorial-go/factorial/resources"
)

// pagedEmployees serves n employees of the dated API in pages of limit
// (default 100), by opaque cursor (after_id) or page number, the way the
// research describes Factorial's meta.
func pagedEmployees(t *testing.T, n int, cursors bool, requests *atomic.Int32) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
		if !strings.HasPrefix(r.URL.Path, "/api/2026-07-01/resources/employees/employees") {
			t.Errorf("path %s", r.URL.Path)
		}
		q := r.URL.Query()
		limit := 100
		if l, err := strconv.Atoi(q.Get("limit")); err == nil && l > 0 && l < 100 {
			limit = l
		}
		start := 0
		if a := q.Get("after_id"); a != "" {
			if !cursors {
				t.Errorf("after_id %q in page mode", a)
			}
			var err error
			if start, err = strconv.Atoi(strings.TrimPrefix(a, "cur-")); err != nil {
				t.Errorf("after_id %q", a)
			}
		}
		if p, err := strconv.Atoi(q.Get("page")); err == nil {
			if cursors {
				t.Errorf("page %d in cursor mode", p)
			}
			start = (p - 1) * limit
		}
		end := min(start+limit, n)
		var page struct {
			Data []map[string]any `json:"data"`
			Meta map[string]any   `json:"meta"`
		}
		page.Data = []map[string]any{}
		for i := start; i < end; i++ {
			page.Data = append(page.Data, map[string]any{"id": strconv.Itoa(i + 1), "full_name": fmt.Sprintf("Employee %d", i+1)})
		}
		page.Meta = map[string]any{"has_next_page": end < n, "has_previous_page": start > 0, "limit": limit, "total": n}
		if cursors {
			page.Meta["start_cursor"] = "cur-" + strconv.Itoa(start)
			page.Meta["end_cursor"] = "cur-" + strconv.Itoa(end)
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(page)
	}
}

func TestResourcesListFollowsEveryPage(t *testing.T) {
	for _, cursors := range []bool{true, false} {
		t.Run(fmt.Sprintf("cursors=%v", cursors), func(t *testing.T) {
			var requests atomic.Int32
			c, _, _ := newTestClient(t, pagedEmployees(t, 1000, cursors, &requests))
			params := &resources.ListEmployeesParams{OnlyActive: Ptr(true)}
			seen := map[string]bool{}
			for e, err := range c.Employees.ListIter(context.Background(), params) {
				if err != nil {
					t.Fatal(err)
				}
				if seen[e.ID] {
					t.Fatalf("employee %s twice", e.ID)
				}
				seen[e.ID] = true
			}
			if len(seen) != 1000 || requests.Load() != 10 {
				t.Fatalf("%d employees in %d requests, want 1000 in 10", len(seen), requests.Load())
			}
			if params.AfterID != nil || params.Page != nil {
				t.Error("the caller's params were modified")
			}
			all, err := c.Employees.List(context.Background(), &resources.ListEmployeesParams{Limit: Ptr(50)})
			if err != nil || len(all) != 1000 || all[999].ID != "1000" {
				t.Fatalf("List: %d employees, %v", len(all), err)
			}
			page, err := c.Employees.ListPage(context.Background(), nil)
			if err != nil || len(page.Data) != 100 || !page.Meta.HasNextPage || page.Meta.Total != 1000 {
				t.Fatalf("ListPage: %d, %+v, %v", len(page.Data), page.Meta, err)
			}
		})
	}
}

func TestResourcesPageErrorEndsTheSequence(t *testing.T) {
	var requests atomic.Int32
	inner := pagedEmployees(t, 300, true, &requests)
	c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Query().Get("after_id") == "cur-200" {
			reply(w, 403, "application/json", `{"errors":{"errors":["Forbidden"]}}`)
			return
		}
		inner(w, r)
	}))
	n := 0
	var last error
	for _, err := range c.Employees.ListIter(context.Background(), nil) {
		if err != nil {
			last = err
			break
		}
		n++
	}
	if n != 200 || !errors.Is(last, ErrForbidden) {
		t.Fatalf("%d elements then %v", n, last)
	}
	var e *Error
	if errors.As(last, &e); e.Operation != "ListEmployees" {
		t.Errorf("operation %q", e.Operation)
	}
}

func TestResourcesPaginationThatDoesNotAdvance(t *testing.T) {
	c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reply(w, 200, "application/json", `{"data":[{"id":"1"}],"meta":{"has_next_page":true,"has_previous_page":false,"limit":100,"total":9,"end_cursor":"same"}}`)
	}))
	_, err := c.Employees.List(context.Background(), nil)
	if err == nil || !strings.Contains(err.Error(), "same end_cursor") {
		t.Fatalf("want a stuck-cursor error, got %v", err)
	}
}

func TestWithAPIVersion(t *testing.T) {
	for _, bad := range []string{"", "2026-7-01", "2026-07-02", "2026-02-01", "v1", "2026-13-01"} {
		if _, err := NewClient(WithAPIVersion(bad)); err == nil {
			t.Errorf("WithAPIVersion(%q) accepted", bad)
		}
	}
	var path string
	c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path = r.URL.Path
		reply(w, 200, "application/json", `{"data":[],"meta":{"has_next_page":false,"has_previous_page":false,"limit":100,"total":0}}`)
	}), WithAPIVersion("2025-10-01"))
	if _, err := c.Credentials.List(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	if path != "/api/2025-10-01/resources/api_public/credentials" || c.APIVersion() != "2025-10-01" {
		t.Errorf("path %s, version %s", path, c.APIVersion())
	}
}

// Factorial answers a retired version with its oldest supported one and
// says nothing: the client logs it, once.
func TestRetiredVersionWarnsOnce(t *testing.T) {
	var logs bytes.Buffer
	logger := slog.New(slog.NewTextHandler(&logs, nil))
	for _, tc := range []struct {
		now  time.Time
		want int
	}{
		{time.Date(2027, 6, 30, 23, 0, 0, 0, time.UTC), 0},
		{time.Date(2027, 7, 1, 0, 0, 0, 0, time.UTC), 1},
	} {
		logs.Reset()
		c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			reply(w, 200, "application/json", `{"data":[],"meta":{"has_next_page":false,"has_previous_page":false,"limit":100,"total":0}}`)
		}), WithLogger(logger))
		c.engine.Now = func() time.Time { return tc.now }
		for range 3 {
			if _, err := c.Credentials.List(context.Background(), nil); err != nil {
				t.Fatal(err)
			}
		}
		// A v1 call is not under a dated version: it never warns, whatever
		// this canned server answers it.
		_, _ = c.V1.Credentials.GetMe(context.Background())
		if got := strings.Count(logs.String(), "past its year of service"); got != tc.want {
			t.Errorf("at %v: %d warnings, want %d:\n%s", tc.now, got, tc.want, logs.String())
		}
		if tc.want == 1 && !strings.Contains(logs.String(), "api_version=2026-07-01 retired_on=2027-07-01") {
			t.Errorf("warning lacks the version: %s", logs.String())
		}
	}
}
