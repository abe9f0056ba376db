package factorialtest_test

import (
	"encoding/json"
	"errors"
	"net"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
)

// freePort finds a loopback port nothing listens on (there is a window in
// which another process could take it; tests accept that).
func freePort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func TestServeOnAChosenAddress(t *testing.T) {
	t.Run("WithAddr", func(t *testing.T) {
		addr := freePort(t)
		srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithAddr(addr))
		if srv.URL() != "http://"+addr {
			t.Fatalf("URL = %s, want http://%s", srv.URL(), addr)
		}
		// A plain client, not the server's: what another process would use.
		req, _ := http.NewRequest(http.MethodGet, "http://"+addr+"/api/v1/me", nil)
		req.Header.Set("x-api-key", factorialtest.DefaultAPIKey)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Errorf("GET /api/v1/me on %s: %d", addr, resp.StatusCode)
		}
		srv.Close()
		if _, err := http.DefaultClient.Do(req); err == nil {
			t.Error("the port still answers after Close")
		}
	})

	t.Run("Start", func(t *testing.T) {
		addr := freePort(t)
		srv, err := factorialtest.Start(addr)
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		if srv.URL() != "http://"+addr {
			t.Errorf("URL = %s", srv.URL())
		}
		// The port is taken now: a second server reports it.
		if _, err := factorialtest.Start(addr); err == nil || !strings.Contains(err.Error(), "listen") {
			t.Errorf("second Start on %s: %v", addr, err)
		}
	})

	t.Run("localhost and IPv6 loopback", func(t *testing.T) {
		srv, err := factorialtest.Start("localhost:0")
		if err != nil {
			t.Fatal(err)
		}
		defer srv.Close()
		if !strings.HasPrefix(srv.URL(), "http://127.0.0.1:") && !strings.HasPrefix(srv.URL(), "http://[::1]:") {
			t.Errorf("URL = %s", srv.URL())
		}
		if ln, err := net.Listen("tcp6", "[::1]:0"); err == nil { // IPv6 may be off in containers
			defer ln.Close()
			srv6 := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithListener(ln))
			if !strings.HasPrefix(srv6.URL(), "http://[::1]:") {
				t.Errorf("URL = %s", srv6.URL())
			}
		}
	})

	t.Run("WithListener", func(t *testing.T) {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			t.Fatal(err)
		}
		srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithListener(ln))
		if srv.URL() != "http://"+ln.Addr().String() {
			t.Errorf("URL = %s, listener %s", srv.URL(), ln.Addr())
		}
		me, err := client(t, srv, apiKeyAuth(factorialtest.DefaultAPIKey)).GetMeWithResponse(ctx)
		wantStatus(t, "me", me, err, http.StatusOK)
	})

	t.Run("non-loopback refused", func(t *testing.T) {
		for _, addr := range []string{":0", "0.0.0.0:0", "[::]:0", "192.0.2.1:8080", "example.com:80", "no-port"} {
			if srv, err := factorialtest.Start(addr); err == nil {
				srv.Close()
				t.Errorf("Start(%q) served", addr)
			} else if addr != "no-port" && !strings.Contains(err.Error(), "loopback") {
				t.Errorf("Start(%q): %v", addr, err)
			}
		}
		// A listener on every interface is refused too, and closed.
		ln, err := net.Listen("tcp", ":0")
		if err != nil {
			t.Fatal(err)
		}
		if _, err := factorialtest.Start("", factorialtest.WithListener(ln)); err == nil || !strings.Contains(err.Error(), "loopback") {
			t.Errorf("wildcard listener: %v", err)
		}
		_ = ln.(*net.TCPListener).SetDeadline(time.Now().Add(50 * time.Millisecond))
		if _, err := ln.Accept(); !errors.Is(err, net.ErrClosed) {
			t.Errorf("the refused listener was left open: %v", err)
		}
		// Explicitly allowed.
		srv, err := factorialtest.Start(":0", factorialtest.WithAllowNonLoopback())
		if err != nil {
			t.Fatalf("WithAllowNonLoopback: %v", err)
		}
		srv.Close()
	})
}

// TestCredentials: what Credentials prints works as a person with curl
// would use it: the export lines are read back like a shell would, and the
// requests built from them succeed.
func TestCredentials(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithAddr(freePort(t)),
		factorialtest.WithFrozenClock(factorialtest.DemoTime))
	creds := srv.Credentials()
	text := creds.String()

	vars := map[string]string{}
	for _, line := range strings.Split(text, "\n") {
		kv, ok := strings.CutPrefix(line, "export ")
		if !ok {
			continue
		}
		k, v, _ := strings.Cut(kv, "=")
		unq, err := strconv.Unquote(`"` + strings.Trim(v, "'") + `"`)
		if err != nil || !strings.HasPrefix(v, "'") || !strings.HasSuffix(v, "'") {
			t.Fatalf("line %q is not a single-quoted export", line)
		}
		vars[k] = unq
	}
	for _, k := range []string{"FACTORIAL_BASE_URL", "FACTORIAL_CLIENT_ID", "FACTORIAL_CLIENT_SECRET", "FACTORIAL_REDIRECT_URI",
		"FACTORIAL_API_KEY", "FACTORIAL_ACCESS_TOKEN", "FACTORIAL_REFRESH_TOKEN"} {
		if vars[k] == "" {
			t.Errorf("%s missing from:\n%s", k, text)
		}
	}
	if vars["FACTORIAL_BASE_URL"] != srv.URL() || vars["FACTORIAL_CLIENT_ID"] != factorialtest.DefaultClientID ||
		vars["FACTORIAL_REDIRECT_URI"] != factorialtest.OOBRedirectURI || vars["FACTORIAL_ACCESS_TOKEN"] != creds.AccessToken {
		t.Errorf("exports disagree with the server: %v", vars)
	}
	if strings.Join(creds.Env(), "\n") == "" || len(creds.Env()) != 7 {
		t.Errorf("Env() = %v", creds.Env())
	}
	for _, want := range []string{"curl -H \"Authorization: Bearer $FACTORIAL_ACCESS_TOKEN\" \"$FACTORIAL_BASE_URL/api/v1/me\"",
		"expires at 2024-03-04T11:00:00Z", factorialtest.DefaultRedirectURI, "/oauth/authorize?client_id="} {
		if !strings.Contains(text, want) {
			t.Errorf("String() lacks %q:\n%s", want, text)
		}
	}

	// curl -H "Authorization: Bearer $FACTORIAL_ACCESS_TOKEN" "$FACTORIAL_BASE_URL/api/v1/me"
	get := func(path, header, value string) (int, []byte) {
		req, _ := http.NewRequest(http.MethodGet, vars["FACTORIAL_BASE_URL"]+path, nil)
		req.Header.Set(header, value)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		var b json.RawMessage
		_ = json.NewDecoder(resp.Body).Decode(&b)
		return resp.StatusCode, b
	}
	st, body := get("/api/v1/me", "Authorization", "Bearer "+vars["FACTORIAL_ACCESS_TOKEN"])
	var me api.Access
	if err := json.Unmarshal(body, &me); st != http.StatusOK || err != nil || me.EmployeeID != factorialtest.AdminEmployeeID || *me.Role != "admin" {
		t.Errorf("curl /api/v1/me with the token: %d %s", st, body)
	}
	// curl -H "x-api-key: $FACTORIAL_API_KEY" "$FACTORIAL_BASE_URL/api/v2/core/employees"
	if st, body := get("/api/v2/core/employees", "x-api-key", vars["FACTORIAL_API_KEY"]); st != http.StatusOK || !strings.Contains(string(body), "Bea") {
		t.Errorf("curl employees with the API key: %d %.200s", st, body)
	}
	// The refresh token works at the token endpoint.
	refreshed := refresh(t, srv, vars["FACTORIAL_REFRESH_TOKEN"])
	if refreshed.ExpiresIn != 7200 {
		t.Errorf("refresh: %+v", refreshed.ExpiresIn)
	}
	// Each call mints a new pair.
	if again := srv.Credentials(); again.AccessToken == creds.AccessToken || !srv.TokenActive(again.AccessToken) {
		t.Error("Credentials did not mint a fresh token")
	}
	if creds.ExpiresAt != factorialtest.DemoTime.Add(2*time.Hour) || creds.UserID != factorialtest.AdminUserID {
		t.Errorf("creds = %v %d", creds.ExpiresAt, creds.UserID)
	}
	noViolations(t, srv)
}
