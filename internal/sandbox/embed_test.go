package sandbox

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The hooks factorialtest builds on: Create with rules, authenticator
// reasons in the challenge, and faults in front of non-API handlers.

func TestCreateRunsTheRules(t *testing.T) {
	e := newEnv(t)
	id, err := e.s.Create(ResEmployees, map[string]any{"id": 1, "first_name": "Zoe", "last_name": "Zed", "email": "zoe@example.com"})
	if err != nil {
		t.Fatal(err)
	}
	if id != DemoTerminatedID+1 {
		t.Errorf("id = %d, want the next free one (%d), not the given 1", id, DemoTerminatedID+1)
	}
	rec, _ := e.s.Get(ResEmployees, id)
	if rec["role"] != "basic" || rec["full_name"] != "Zoe Zed" || rec["created_at"] == nil || len(intSlice(rec["team_ids"])) != 0 {
		t.Errorf("defaults not applied: %v", rec)
	}
	got, _ := e.client(tokAdmin).GetEmployeeWithResponse(ctx, id)
	if got.StatusCode() != http.StatusOK || *got.JSON200.Email != "zoe@example.com" {
		t.Errorf("created employee through the API: %d %s", got.StatusCode(), got.Body)
	}

	_, err = e.s.Create(ResEmployees, map[string]any{"first_name": "Twin", "last_name": "Zed", "email": "zoe@example.com"})
	var ae *APIError
	if !errors.As(err, &ae) || ae.Status != http.StatusUnprocessableEntity || !strings.Contains(err.Error(), "already a user") {
		t.Errorf("duplicate email: %v", err)
	}
	_, err = e.s.Create(ResLeaves, map[string]any{"employee_id": DemoBasicID, "start_on": "2024-03-10", "finish_on": "2024-03-09"})
	if !errors.As(err, &ae) || !strings.Contains(err.Error(), "finish_on") {
		t.Errorf("leave ending before it starts: %v", err)
	}
	if n := len(e.s.List(ResLeaves)); n != 3 {
		t.Errorf("a refused Create stored a record: %d leaves", n)
	}
}

func TestAuthenticatorReasonInChallenge(t *testing.T) {
	expired := &InvalidTokenError{Description: "The access token expired"}
	s, err := New(WithAuthenticator(func(r *http.Request) (Principal, error) {
		if bearerTok, _ := bearer(r); bearerTok == "good" {
			return Principal{EmployeeID: DemoAdminID, Admin: true}, nil
		}
		return Principal{}, expired
	}))
	if err != nil {
		t.Fatal(err)
	}
	srv := newServer(t, s)
	for _, tc := range []struct {
		name, auth, body string
		want             string
	}{
		{"expired", "Bearer old", "", "The access token expired"},
		// Validation fails first (a bad body); the authenticator still
		// decides, and its reason still wins.
		{"expired with a bad body", "Bearer old", `{"name": 5}`, "The access token expired"},
		{"no credentials", "", "", "The access token expired"},
	} {
		method := http.MethodGet
		path := "/api/v1/core/teams"
		if tc.body != "" {
			method = http.MethodPost
		}
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(tc.body))
		req.Header.Set("Content-Type", "application/json")
		if tc.auth != "" {
			req.Header.Set("Authorization", tc.auth)
		}
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		want := `Bearer realm="Doorkeeper", error="invalid_token", error_description="` + tc.want + `"`
		if resp.StatusCode != http.StatusUnauthorized || len(b) != 0 || resp.Header.Get("WWW-Authenticate") != want {
			t.Errorf("%s: %d %q %q", tc.name, resp.StatusCode, resp.Header.Get("WWW-Authenticate"), b)
		}
	}
}

func TestFaultLayerCoversOtherHandlers(t *testing.T) {
	s, err := New(WithAuthenticator(StaticTokens(testTokens)))
	if err != nil {
		t.Fatal(err)
	}
	oauth := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "token") })
	mux := http.NewServeMux()
	mux.Handle("/api/", s.APIHandler())
	mux.Handle("/oauth/", oauth)
	srv := httptest.NewServer(s.FaultLayer(mux))
	t.Cleanup(srv.Close)
	send := func(method, path string) int {
		req, _ := http.NewRequest(method, srv.URL+path, nil)
		req.Header.Set("Authorization", "Bearer "+tokAdmin)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	// An OAuth operation is matched by its operationId too: the fault
	// layer names operations with the validator's router, which knows
	// every path of the spec.
	h := s.InjectFault(Fault{Match: "CreateToken", Status: http.StatusServiceUnavailable, Times: 1})
	if st := send(http.MethodPost, "/oauth/token"); st != http.StatusServiceUnavailable || h.Hits() != 1 {
		t.Errorf("faulted token request: %d, hits %d", st, h.Hits())
	}
	if st := send(http.MethodPost, "/oauth/token"); st != http.StatusOK {
		t.Errorf("after the one shot: %d", st)
	}
	s.InjectFault(Fault{Match: "ListTeams", Status: http.StatusBadGateway, Times: 1})
	if st := send(http.MethodGet, "/api/v1/core/teams"); st != http.StatusBadGateway {
		t.Errorf("API fault through FaultLayer: %d", st)
	}
	// APIHandler alone has no fault layer.
	s.InjectFault(Fault{Match: "ListTeams", Status: http.StatusBadGateway})
	bare := httptest.NewServer(s.APIHandler())
	t.Cleanup(bare.Close)
	req, _ := http.NewRequest(http.MethodGet, bare.URL+"/api/v1/core/teams", nil)
	req.Header.Set("Authorization", "Bearer "+tokAdmin)
	resp, err := bare.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("APIHandler applied a fault: %d", resp.StatusCode)
	}
}
