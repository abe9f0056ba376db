package factorialtest

import (
	"io"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"testing"
)

// recordingTB captures what the server reports instead of failing the test.
type recordingTB struct {
	testing.TB
	mu   sync.Mutex
	errs []string
}

func (r *recordingTB) Error(args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for _, a := range args {
		if e, ok := a.(error); ok {
			r.errs = append(r.errs, e.Error())
		}
	}
}

func (r *recordingTB) Errorf(format string, args ...any) { r.Error(args...) }

func TestResponseViolationIsReportedAndAnswered500(t *testing.T) {
	tb := &recordingTB{TB: t}
	srv := NewServer(WithTB(tb))
	// Put stores what the API would refuse: a gender outside the enum makes
	// GetEmployee's answer break the Employee schema.
	id := srv.Put(Employees, map[string]any{"first_name": "Rob", "last_name": "Ot", "gender": "robot"})
	req, _ := http.NewRequest("GET", srv.URL()+"/api/v1/employees/"+strconv.Itoa(id), nil)
	req.Header.Set("x-api-key", DefaultAPIKey)
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusInternalServerError || resp.Header.Get("X-Spec-Violation") != "response" {
		t.Fatalf("status %d, body %s", resp.StatusCode, body)
	}
	if errs := srv.Errors(); len(errs) != 1 || !strings.Contains(errs[0].Error(), "GetEmployee") || !strings.Contains(errs[0].Error(), "gender") {
		t.Fatalf("Errors() = %v, want one GetEmployee violation about gender", errs)
	}
	tb.mu.Lock()
	defer tb.mu.Unlock()
	if len(tb.errs) != 1 {
		t.Fatalf("reported %d errors to the TB, want 1", len(tb.errs))
	}
}

func TestViolationsRecordedWithoutTB(t *testing.T) {
	srv := NewServer()
	defer srv.Close()
	srv.mux.HandleFunc("GET 127.0.0.1/oauth/token/info", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusTeapot, map[string]any{})
	})
	req, _ := http.NewRequest("GET", srv.URL()+"/oauth/token/info", nil)
	req.Header.Set("Authorization", "Bearer x")
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 500 || len(srv.Errors()) != 1 {
		t.Fatalf("status %d, %d errors recorded; want 500 and 1", resp.StatusCode, len(srv.Errors()))
	}
	srv.Close() // a second Close is harmless
}
