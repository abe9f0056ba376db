package factorialtest_test

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
)

// TestFaultsReachClients: each kind of fault, as the generated client (or
// a plain HTTP client, for the token endpoint) sees it.
func TestFaultsReachClients(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	tok, _ := srv.IssueToken(factorialtest.AdminUserID)
	// Faulted answers are off-spec on purpose (an HTML 503 is not in
	// openapi.yaml); record what the validating transport says instead of
	// failing.
	var mu sync.Mutex
	var offSpec []string
	hc := validating(t, srv, func(err error) {
		mu.Lock()
		offSpec = append(offSpec, err.Error())
		mu.Unlock()
	})
	c, err := api.NewClientWithResponses(srv.URL(), api.WithHTTPClient(hc), api.WithRequestEditorFn(bearerAuth(tok.AccessToken)))
	if err != nil {
		t.Fatal(err)
	}

	t.Run("429 with Retry-After, one shot by operationId", func(t *testing.T) {
		h := srv.InjectFault(factorialtest.Fault{Match: "ListEmployees", Status: http.StatusTooManyRequests, RetryAfter: 3 * time.Second, Times: 1})
		r, err := c.ListEmployeesWithResponse(ctx)
		wantStatus(t, "faulted", r, err, http.StatusTooManyRequests)
		if r.HTTPResponse.Header.Get("Retry-After") != "3" || r.JSONDefault == nil || !strings.Contains(string(r.Body), "Too Many Requests") {
			t.Errorf("429: %v %s", r.HTTPResponse.Header, r.Body)
		}
		r, err = c.ListEmployeesWithResponse(ctx)
		wantStatus(t, "next call", r, err, http.StatusOK)
		if h.Hits() != 1 {
			t.Errorf("hits = %d", h.Hits())
		}
	})

	t.Run("HTML 503 by path template, permanent until removed", func(t *testing.T) {
		h := srv.InjectFault(factorialtest.Fault{Match: "GET /api/v1/employees/{id}", Status: http.StatusServiceUnavailable, HTML: true})
		for range 3 {
			r, err := c.GetEmployeeWithResponse(ctx, factorialtest.BasicEmployeeID)
			wantStatus(t, "faulted", r, err, http.StatusServiceUnavailable)
			if !strings.HasPrefix(r.HTTPResponse.Header.Get("Content-Type"), "text/html") || !strings.Contains(string(r.Body), "<html>") {
				t.Errorf("503: %v %s", r.HTTPResponse.Header, r.Body)
			}
		}
		if r, _ := c.GetTeamWithResponse(ctx, 1); r.StatusCode() != http.StatusOK {
			t.Errorf("an unmatched operation was faulted: %d", r.StatusCode())
		}
		h.Remove()
		r, err := c.GetEmployeeWithResponse(ctx, factorialtest.BasicEmployeeID)
		wantStatus(t, "after Remove", r, err, http.StatusOK)
		if h.Hits() != 3 {
			t.Errorf("hits = %d", h.Hits())
		}
	})

	t.Run("latency beyond the client's timeout", func(t *testing.T) {
		srv.InjectFault(factorialtest.Fault{Match: "ListTeams", Latency: 2 * time.Second, Times: 1})
		short, cancel := context.WithTimeout(ctx, 100*time.Millisecond)
		defer cancel()
		start := time.Now()
		_, err := c.ListTeamsWithResponse(short)
		if !errors.Is(err, context.DeadlineExceeded) || time.Since(start) > time.Second {
			t.Errorf("err = %v after %v, want the client's deadline", err, time.Since(start))
		}
		r, err := c.ListTeamsWithResponse(ctx)
		wantStatus(t, "next call", r, err, http.StatusOK)
	})

	t.Run("dropped connection", func(t *testing.T) {
		srv.InjectFault(factorialtest.Fault{Match: "/api/v1/core/*", Drop: true, Times: 1})
		_, err := c.ListTeamsWithResponse(ctx)
		if err == nil || !(errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "EOF")) {
			t.Errorf("err = %v, want an unexpected EOF", err)
		}
		r, err := c.ListTeamsWithResponse(ctx)
		wantStatus(t, "next call", r, err, http.StatusOK)
	})

	t.Run("token expires mid-test", func(t *testing.T) {
		other, _ := srv.IssueToken(factorialtest.BasicUserID)
		oc, _ := api.NewClientWithResponses(srv.URL(), api.WithHTTPClient(hc), api.WithRequestEditorFn(bearerAuth(other.AccessToken)))
		srv.InjectFault(factorialtest.Fault{Match: "POST /api/*", ExpireToken: true, Times: 1})
		r, err := oc.CreateLeaveWithResponse(ctx, api.LeaveCreate{EmployeeID: factorialtest.BasicEmployeeID,
			StartOn: date("2030-02-01"), FinishOn: date("2030-02-01")})
		wantStatus(t, "request that expired the token", r, err, http.StatusUnauthorized)
		if !strings.Contains(r.HTTPResponse.Header.Get("WWW-Authenticate"), "The access token expired") || srv.TokenActive(other.AccessToken) {
			t.Errorf("401: %v, active %v", r.HTTPResponse.Header, srv.TokenActive(other.AccessToken))
		}
		if n := len(srv.List(factorialtest.Leaves)); n != 3 {
			t.Errorf("the refused request stored a leave (%d leaves)", n)
		}
	})

	t.Run("ClearFaults", func(t *testing.T) {
		srv.InjectFault(factorialtest.Fault{Status: http.StatusInternalServerError})
		if r, _ := c.ListLeaveTypesWithResponse(ctx); r.StatusCode() != http.StatusInternalServerError {
			t.Errorf("match-all fault: %d", r.StatusCode())
		}
		srv.ClearFaults()
		if r, _ := c.ListLeaveTypesWithResponse(ctx); r.StatusCode() != http.StatusOK {
			t.Errorf("after ClearFaults: %d", r.StatusCode())
		}
	})

	t.Run("token endpoint by operationId", func(t *testing.T) {
		srv.InjectFault(factorialtest.Fault{Match: "CreateToken", Status: http.StatusBadGateway, HTML: true, Times: 1})
		form := url.Values{"grant_type": {"refresh_token"}, "refresh_token": {tok.RefreshToken},
			"client_id": {factorialtest.DefaultClientID}, "client_secret": {factorialtest.DefaultClientSecret}}
		resp, err := hc.PostForm(srv.URL()+"/oauth/token", form)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusBadGateway {
			t.Errorf("faulted refresh: %d", resp.StatusCode)
		}
		// The faulted request never reached the server: the refresh token
		// is unspent and a retry succeeds.
		if n := srv.TokenRequests("refresh_token"); n != 0 {
			t.Errorf("token endpoint saw %d refreshes", n)
		}
		// The retry rotates the pair, revoking tok: this subtest runs last.
		refresh(t, srv, tok.RefreshToken)
	})

	mu.Lock()
	defer mu.Unlock()
	// The HTML pages are the only answers the spec does not describe.
	for _, e := range offSpec {
		if !strings.Contains(e, "text/html") && !strings.Contains(e, "response 503") && !strings.Contains(e, "response 502") {
			t.Errorf("unexpected off-spec exchange: %s", e)
		}
	}
	if len(offSpec) == 0 {
		t.Error("the HTML faults were not off-spec; the check is not looking")
	}
	noViolations(t, srv)
}
