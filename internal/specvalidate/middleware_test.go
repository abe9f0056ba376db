package specvalidate

import (
	"net/http"
	"net/http/httptest"
	"testing"
)

// TestMiddlewareRouteInContext: the handler behind Wrap gets the route the
// middleware matched, path parameters included, and no route for a path
// the spec does not have.
func TestMiddlewareRouteInContext(t *testing.T) {
	var got *Route
	var seen bool
	h := (&Middleware{Validator: MustNew()}).Wrap(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got, seen = RouteFromContext(r.Context()), true
		w.WriteHeader(http.StatusNotFound)
	}))

	req := httptest.NewRequest(http.MethodGet, "/api/v1/employees/42", nil)
	req.Header.Set("Authorization", "Bearer token")
	h.ServeHTTP(httptest.NewRecorder(), req)
	if !seen || got == nil {
		t.Fatal("no route in the context of a request the spec routes")
	}
	if got.OperationID() != "GetEmployee" || got.PathParams()["id"] != "42" {
		t.Errorf("route: %s %v", got.OperationID(), got.PathParams())
	}

	got, seen = nil, false
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/api/v1/nothing/here", nil))
	if !seen || got != nil {
		t.Errorf("unknown path: reached handler %v, route %v", seen, got)
	}
}
