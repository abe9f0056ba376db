package sandbox

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

// TestServeRoutesOnce: the sandbox answers the operation the validation
// middleware matched (carried in the request's context) and never routes
// the request again. A request without a matched operation is answered
// 404 even when its path names a real operation, and a request whose
// context carries another operation's route is answered as that operation.
func TestServeRoutesOnce(t *testing.T) {
	e := newEnv(t)
	get := func(r *http.Request) *httptest.ResponseRecorder {
		t.Helper()
		r.Header.Set("Authorization", "Bearer "+tokAdmin)
		w := httptest.NewRecorder()
		e.s.serve(w, r)
		return w
	}

	unrouted := get(httptest.NewRequest(http.MethodGet, "/api/v1/employees", nil))
	if unrouted.Code != http.StatusNotFound || !strings.Contains(unrouted.Body.String(), `"Not found"`) {
		t.Errorf("no route in context: %d %s, want 404 Not found", unrouted.Code, unrouted.Body)
	}

	teams, err := e.s.validator.FindRoute(httptest.NewRequest(http.MethodGet, "/api/v1/core/teams", nil))
	if err != nil {
		t.Fatal(err)
	}
	req := httptest.NewRequest(http.MethodGet, "/api/v1/employees", nil)
	req = req.WithContext(specvalidate.ContextWithRoute(req.Context(), teams))
	w := get(req)
	if w.Code != http.StatusOK || !strings.Contains(w.Body.String(), `"name":"Engineering"`) || strings.Contains(w.Body.String(), DemoAdminEmail) {
		t.Errorf("ListTeams route on an employees path: %d %s, want the teams", w.Code, w.Body)
	}

}

// TestTrailingSlash: a trailing slash names the same operation, as in
// Rails, and the request is validated like any other.
func TestTrailingSlash(t *testing.T) {
	e := newEnv(t)
	st, _, plain := e.raw(http.MethodGet, "/api/v1/core/teams", tokAdmin, "", "")
	st2, _, slashed := e.raw(http.MethodGet, "/api/v1/core/teams/", tokAdmin, "", "")
	if st != http.StatusOK || st2 != http.StatusOK || string(plain) != string(slashed) {
		t.Errorf("GET teams: %d %s; with a trailing slash: %d %s", st, plain, st2, slashed)
	}
	st, _, body := e.raw(http.MethodPost, "/api/v1/core/teams/", tokAdmin, "application/json", `{"description":"no name"}`)
	wantErrors(t, "create without a name, trailing slash", st, body, http.StatusUnprocessableEntity, `"name":["can't be blank"]`)
	if st, _, _ := e.raw(http.MethodGet, "/api/", tokAdmin, "", ""); st != http.StatusNotFound {
		t.Errorf("GET /api/: %d, want 404", st)
	}
}
