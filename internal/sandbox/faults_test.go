package sandbox

import (
	"errors"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
)

func TestFaults(t *testing.T) {
	e := newEnv(t)
	e.strict = false // forced HTML and dropped answers are off-spec on purpose
	c := e.client(tokAdmin)
	get := func(path string) (int, http.Header, string, error) {
		req, _ := http.NewRequest(http.MethodGet, e.srv.URL+path, nil)
		req.Header.Set("Authorization", "Bearer "+tokAdmin)
		resp, err := e.srv.Client().Do(req)
		if err != nil {
			return 0, nil, "", err
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		return resp.StatusCode, resp.Header, string(b), err
	}

	t.Run("429 one-shot by operationId", func(t *testing.T) {
		h := e.s.InjectFault(Fault{Match: "ListEmployees", Status: http.StatusTooManyRequests, Times: 1})
		r, _ := c.ListEmployeesWithResponse(ctx)
		if r.StatusCode() != 429 || r.HTTPResponse.Header.Get("Retry-After") != "1" || r.JSONDefault == nil {
			t.Errorf("first call: %d %q %s", r.StatusCode(), r.HTTPResponse.Header.Get("Retry-After"), r.Body)
		}
		r, _ = c.ListEmployeesWithResponse(ctx)
		if r.StatusCode() != 200 || h.Hits() != 1 {
			t.Errorf("second call: %d, hits %d", r.StatusCode(), h.Hits())
		}
	})

	t.Run("503 HTML counted by path template", func(t *testing.T) {
		e.s.InjectFault(Fault{Match: "GET /api/v1/employees/{id}", Status: 503, HTML: true, RetryAfter: 30 * time.Second, Times: 2})
		for i := 0; i < 2; i++ {
			st, h, body, _ := get("/api/v1/employees/1001")
			if st != 503 || !strings.Contains(h.Get("Content-Type"), "text/html") || !strings.Contains(body, "nginx") || h.Get("Retry-After") != "30" {
				t.Errorf("call %d: %d %v %s", i, st, h, body)
			}
		}
		if st, _, _, _ := get("/api/v1/employees/1001"); st != 200 {
			t.Errorf("after two shots: %d", st)
		}
	})

	t.Run("500 Factorial body, permanent by glob until removed", func(t *testing.T) {
		h := e.s.InjectFault(Fault{Match: "/api/v1/time/*", Status: 500})
		for i := 0; i < 3; i++ {
			r, _ := c.ListLeavesWithResponse(ctx, nil)
			if r.StatusCode() != 500 || r.JSONDefault == nil {
				t.Errorf("call %d: %d %s", i, r.StatusCode(), r.Body)
			}
		}
		if r, _ := c.ListEmployeesWithResponse(ctx); r.StatusCode() != 200 {
			t.Errorf("unmatched path: %d", r.StatusCode())
		}
		h.Remove()
		if r, _ := c.ListLeavesWithResponse(ctx, nil); r.StatusCode() != 200 || h.Hits() != 3 {
			t.Errorf("after Remove: %d, hits %d", r.StatusCode(), h.Hits())
		}
	})

	t.Run("latency", func(t *testing.T) {
		e.s.InjectFault(Fault{Match: "GetMe", Latency: 150 * time.Millisecond, Times: 1})
		start := time.Now()
		r, _ := c.GetMeWithResponse(ctx)
		if d := time.Since(start); d < 150*time.Millisecond || r.StatusCode() != 200 {
			t.Errorf("took %v, status %d", d, r.StatusCode())
		}
		start = time.Now()
		_, _ = c.GetMeWithResponse(ctx)
		if d := time.Since(start); d > 100*time.Millisecond {
			t.Errorf("second call still slow: %v", d)
		}
	})

	t.Run("dropped connection mid-response", func(t *testing.T) {
		e.s.InjectFault(Fault{Match: "ListTeams", Drop: true, Times: 1})
		_, _, _, err := get("/api/v1/core/teams")
		if err == nil || !(errors.Is(err, io.ErrUnexpectedEOF) || strings.Contains(err.Error(), "EOF")) {
			t.Errorf("want an unexpected EOF, got %v", err)
		}
		if st, _, _, err := get("/api/v1/core/teams"); err != nil || st != 200 {
			t.Errorf("next call: %d %v", st, err)
		}
	})

	t.Run("token expiry through Hook and Respond", func(t *testing.T) {
		var revoked atomic.Bool
		e.s.InjectFault(Fault{Match: "POST /api/*", Times: 1, Respond: InvalidToken,
			Hook: func(*http.Request) { revoked.Store(true) }})
		r, _ := c.CreateTeamWithResponse(ctx, api.CreateTeamJSONRequestBody{Name: "Expired"})
		if r.StatusCode() != 401 || !revoked.Load() || !strings.Contains(r.HTTPResponse.Header.Get("WWW-Authenticate"), "invalid_token") {
			t.Errorf("expired token: %d %v", r.StatusCode(), r.HTTPResponse.Header)
		}
	})

	t.Run("ClearFaults", func(t *testing.T) {
		e.s.InjectFault(Fault{Status: 502})
		if st, _, _, _ := get("/api/v1/locations"); st != 502 {
			t.Errorf("match-all fault: %d", st)
		}
		e.s.ClearFaults()
		if st, _, _, _ := get("/api/v1/locations"); st != 200 {
			t.Errorf("after ClearFaults: %d", st)
		}
	})
}
