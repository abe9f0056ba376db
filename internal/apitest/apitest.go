// Package apitest wires the generated client to a loopback handler through
// the spec-validating transport. Every operation test in the module uses it,
// so each exchange is checked against openapi.yaml in both directions.
package apitest

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

// Coverage is shared by the operation tests of one test binary.
var Coverage = &specvalidate.Coverage{}

// NewClient starts h on loopback and returns a generated client whose
// transport validates every exchange (failures call t.Error) and records
// coverage. Requests carry a Bearer token so security requirements pass.
func NewClient(t testing.TB, h http.Handler) *api.ClientWithResponses {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	hc := &http.Client{Transport: &specvalidate.Transport{
		Validator: specvalidate.MustNew(),
		Base:      srv.Client().Transport,
		Report:    func(err error) { t.Helper(); t.Error(err) },
		Coverage:  Coverage,
	}}
	c, err := api.NewClientWithResponses(srv.URL, api.WithHTTPClient(hc),
		api.WithRequestEditorFn(func(_ context.Context, r *http.Request) error {
			r.Header.Set("Authorization", "Bearer test-access-token")
			return nil
		}))
	if err != nil {
		t.Fatalf("NewClientWithResponses: %v", err)
	}
	return c
}

// Exchange is one canned answer for Handler.
type Exchange struct {
	Method string
	Path   string // exact request path, e.g. /api/v1/employees/7
	Status int
	Body   string // sent as application/json when non-empty
	// Check, when set, inspects the request (query, form, JSON body).
	Check func(t testing.TB, r *http.Request, body []byte)
}

// Handler answers exactly one request shape and fails the test on any other.
func Handler(t testing.TB, ex Exchange) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != ex.Method || r.URL.Path != ex.Path {
			t.Errorf("unexpected request %s %s, want %s %s", r.Method, r.URL.Path, ex.Method, ex.Path)
			http.NotFound(w, r)
			return
		}
		body, _ := io.ReadAll(r.Body)
		if ex.Check != nil {
			ex.Check(t, r, body)
		}
		if ex.Body != "" {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
		}
		w.WriteHeader(ex.Status)
		_, _ = io.WriteString(w, ex.Body)
	})
}

// DecodeJSON unmarshals a request body or fails the test.
func DecodeJSON(t testing.TB, body []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(body, v); err != nil {
		t.Fatalf("request body %q: %v", body, err)
	}
}

// Ptr returns a pointer to v, for optional request fields.
func Ptr[T any](v T) *T { return &v }

// Form parses a form-encoded request body, failing the test when the
// request is not form-encoded.
func Form(t testing.TB, r *http.Request, body []byte) url.Values {
	t.Helper()
	if ct := r.Header.Get("Content-Type"); ct != "application/x-www-form-urlencoded" {
		t.Errorf("Content-Type = %q, want application/x-www-form-urlencoded", ct)
	}
	v, err := url.ParseQuery(string(body))
	if err != nil {
		t.Fatalf("form body %q: %v", body, err)
	}
	return v
}

// JSONBody decodes a JSON request body into a generic map, failing the test
// when the request is not JSON.
func JSONBody(t testing.TB, r *http.Request, body []byte) map[string]any {
	t.Helper()
	if ct := r.Header.Get("Content-Type"); ct != "application/json" {
		t.Errorf("Content-Type = %q, want application/json", ct)
	}
	var m map[string]any
	DecodeJSON(t, body, &m)
	return m
}
