package main

import (
	"net"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/factorialtest"
)

// Every documented exit code, each from a real situation.
func TestExitCodes(t *testing.T) {
	sb := newSandbox(t)
	closed := closedPort(t)
	tests := []struct {
		name  string
		setup func(t *testing.T, sb *sandbox)
		args  func(sb *sandbox) []string
		code  int
		want  string // on stderr (or stdout for 0)
	}{
		// The dated API's credentials describe the company an API key
		// belongs to; v1's /me the admin it acts as.
		{name: "ok", args: func(sb *sandbox) []string { return sb.keyArgs("me") }, code: exitOK, want: "Acme Labs"},
		{name: "ok v1", args: func(sb *sandbox) []string { return sb.keyArgs("me", "--api", "v1") }, code: exitOK, want: "Ada Admin"},
		{name: "help", args: func(sb *sandbox) []string { return []string{"help"} }, code: exitOK, want: "Exit codes:"},

		{name: "API error 404", args: func(sb *sandbox) []string { return sb.keyArgs("api", "/api/v1/teams/424242") }, code: exitAPI, want: "404 Not Found"},
		{name: "API error 403", setup: func(t *testing.T, sb *sandbox) { sb.seedLogin(t, factorialtest.BasicUserID) },
			args: func(sb *sandbox) []string { return sb.oauthArgs("api", "DELETE", "/api/v1/core/teams/1") }, code: exitAPI, want: "403 Forbidden"},
		{name: "dated API error 404", args: func(sb *sandbox) []string { return sb.keyArgs("api", "teams/teams/424242") }, code: exitAPI, want: "404 Not Found"},
		{name: "dated API error 403", setup: func(t *testing.T, sb *sandbox) { sb.seedLogin(t, factorialtest.BasicUserID) },
			args: func(sb *sandbox) []string { return sb.oauthArgs("api", "DELETE", "teams/teams/1") }, code: exitAPI, want: "403 Forbidden"},
		{name: "bad --api", args: func(sb *sandbox) []string { return sb.keyArgs("teams", "--api", "2025-13-01") }, code: exitUsage, want: "--api must be v1 or a version date"},

		{name: "no command", args: func(sb *sandbox) []string { return nil }, code: exitUsage, want: "no command given"},
		{name: "unknown command", args: func(sb *sandbox) []string { return []string{"frobnicate"} }, code: exitUsage, want: `unknown command "frobnicate"`},
		{name: "unknown flag", args: func(sb *sandbox) []string { return []string{"me", "--frob"} }, code: exitUsage, want: "flag provided but not defined: -frob"},
		{name: "bad env", args: func(sb *sandbox) []string { return []string{"me", "--env", "ftp://example.com"} }, code: exitUsage, want: "--env must be production, demo"},
		{name: "http env off loopback", args: func(sb *sandbox) []string { return []string{"me", "--env", "http://example.com"} }, code: exitUsage, want: "http is allowed only on loopback"},
		{name: "spec rejection", args: func(sb *sandbox) []string { return sb.keyArgs("api", "POST", "/api/v1/core/teams") }, code: exitUsage, want: "does not match the API description"},

		{name: "no credentials", args: func(sb *sandbox) []string { return []string{"me", "--env", sb.URL(), "--config-dir", sb.dir} }, code: exitCredentials, want: "Check FACTORIAL_API_KEY"},
		{name: "login without secret", args: func(sb *sandbox) []string {
			return []string{"auth", "login", "--env", sb.URL(), "--config-dir", sb.dir, "--client-id", "x"}
		},
			code: exitCredentials, want: "missing OAuth client credentials: set FACTORIAL_CLIENT_SECRET"},
		{name: "wrong client secret", setup: func(t *testing.T, sb *sandbox) {
			it := sb.seedLogin(t, factorialtest.AdminUserID)
			sb.ExpireToken(it.AccessToken)
		}, args: func(sb *sandbox) []string {
			return []string{"me", "--env", sb.URL(), "--config-dir", sb.dir, "--client-id", factorialtest.DefaultClientID, "--client-secret", "wrong"}
		},
			code: exitCredentials, want: "invalid_client"},

		{name: "not logged in", args: func(sb *sandbox) []string { return sb.oauthArgs("me") }, code: exitLogin, want: "not logged in to " + sb.URL()},
		{name: "revoked login", setup: func(t *testing.T, sb *sandbox) {
			it := sb.seedLogin(t, factorialtest.AdminUserID)
			sb.RevokeToken(it.RefreshToken)
		}, args: func(sb *sandbox) []string { return sb.oauthArgs("teams") }, code: exitLogin, want: "run 'factorial auth login'"},
		{name: "API key refused", args: func(sb *sandbox) []string { return []string{"me", "--env", sb.URL(), "--api-key", "not-the-key"} }, code: exitLogin, want: "The API key was refused"},

		{name: "network failure", args: func(sb *sandbox) []string { return []string{"me", "--env", "http://" + closed, "--api-key", "k"} }, code: exitNetwork, want: "Could not reach the server"},
		{name: "other environment, no login", args: func(sb *sandbox) []string {
			return []string{"auth", "refresh", "--env", "http://" + closed, "--config-dir", sb.dir, "--client-id", "x", "--client-secret", "y"}
		}, code: exitLogin, want: "not logged in"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sb.dir = t.TempDir() // each case starts logged out
			if tc.setup != nil {
				tc.setup(t, sb)
			}
			r := runCLI(t, tc.args(sb)...)
			if r.code != tc.code {
				t.Fatalf("exit %d, want %d\n%s", r.code, tc.code, r.all())
			}
			if !strings.Contains(r.all(), tc.want) {
				t.Errorf("output lacks %q:\n%s", tc.want, r.all())
			}
			assertNoSecrets(t, r.all(), sb.allSecrets())
		})
	}
}

// A refresh that cannot reach the server is a network failure, not a
// reason to log in again.
func TestExitCodeNetworkDuringRefresh(t *testing.T) {
	sb := newSandbox(t)
	sb.seedLogin(t, factorialtest.AdminUserID)
	// The stored login's server is gone.
	sb.proxy.Close()
	r := runCLI(t, sb.oauthArgs("auth", "refresh")...)
	if r.code != exitNetwork || !strings.Contains(r.stderr, "Could not reach the server") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
}

func TestHelp(t *testing.T) {
	r := runCLI(t, "help")
	if r.code != exitOK {
		t.Fatalf("exit %d", r.code)
	}
	for _, want := range []string{"demo", "auth", "api", "employees", "sandbox", "FACTORIAL_CLIENT_ID",
		"0    success", "1    the API answered with an error", "2    bad flags", "3    missing or rejected client credentials",
		"4    not logged in", "5    network failure"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("help lacks %q", want)
		}
	}
	for _, args := range [][]string{{"-h"}, {"help", "api"}, {"api", "-h"}, {"sandbox", "--help"}, {"auth", "help"}} {
		if r := runCLI(t, args...); r.code != exitOK || r.stdout == "" {
			t.Errorf("%v: exit %d\n%s", args, r.code, r.all())
		}
	}
	if r := runCLI(t, "help", "nope"); r.code != exitUsage {
		t.Errorf("help nope: exit %d", r.code)
	}
}

// Flags win over environment variables; the variables work alone.
func TestEnvironmentVariables(t *testing.T) {
	sb := newSandbox(t)
	t.Setenv("FACTORIAL_ENV", sb.URL())
	t.Setenv("FACTORIAL_API_KEY", factorialtest.DefaultAPIKey)
	t.Setenv("FACTORIAL_CONFIG_DIR", sb.dir)
	if r := runCLI(t, "me"); r.code != exitOK || !strings.Contains(r.stdout, "Acme Labs") {
		t.Fatalf("env only: exit %d\n%s", r.code, r.all())
	}
	if r := runCLI(t, "me", "--api-key", "flag-wins"); r.code != exitLogin {
		t.Fatalf("flag over env: exit %d\n%s", r.code, r.all())
	}
	t.Setenv("FACTORIAL_API_KEY", "")
	t.Setenv("FACTORIAL_CLIENT_ID", factorialtest.DefaultClientID)
	t.Setenv("FACTORIAL_CLIENT_SECRET", factorialtest.DefaultClientSecret)
	sb.seedLogin(t, factorialtest.ManagerUserID)
	if r := runCLI(t, "auth", "status"); r.code != exitOK || !strings.Contains(r.stdout, "Manu Manager") {
		t.Fatalf("OAuth from env: exit %d\n%s", r.code, r.all())
	}
}

func TestParseEnvAndTokenPath(t *testing.T) {
	tests := []struct{ in, name, base, file string }{
		{"production", "production", "https://api.factorialhr.com", "production.json"},
		{"demo", "demo", "https://api.eu2.demo.factorial.dev", "demo.json"},
		{"demo-v1", "demo-v1", "https://api.demo.factorialhr.com", "demo-v1.json"},
		{"http://127.0.0.1:8899/", "http://127.0.0.1:8899", "http://127.0.0.1:8899", "127.0.0.1_8899.json"},
		{"https://proxy.example.com/factorial", "https://proxy.example.com/factorial", "https://proxy.example.com/factorial", "proxy.example.com_factorial.json"},
	}
	for _, tc := range tests {
		name, base, err := parseEnv(tc.in)
		if err != nil || name != tc.name || base != tc.base {
			t.Errorf("parseEnv(%q) = %q, %q, %v", tc.in, name, base, err)
			continue
		}
		s := &settings{envName: name, baseURL: base, configDir: "/cfg"}
		if got := s.tokenPath(); got != "/cfg/tokens/"+tc.file {
			t.Errorf("tokenPath(%q) = %s", tc.in, got)
		}
	}
	for _, bad := range []string{"staging", "http://10.0.0.1", "https://u:p@example.com", "https://example.com?x=1"} {
		if _, _, err := parseEnv(bad); err == nil {
			t.Errorf("parseEnv(%q) accepted", bad)
		}
	}
}

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

// A login without the dated API's granular scope gets 403 from it, and the
// CLI says how to get one; v1 does not check those scopes.
func TestMissingScopeAdvice(t *testing.T) {
	sb := newSandbox(t)
	it, err := sb.IssueScopedToken(factorialtest.AdminUserID, "time_off")
	if err != nil {
		t.Fatal(err)
	}
	sb.storeIssued(t, it)
	r := runCLI(t, sb.oauthArgs("employees")...)
	if r.code != exitAPI || !strings.Contains(r.stderr, "403 Forbidden") || !strings.Contains(r.stderr, "factorial auth login --scopes") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	if r := runCLI(t, sb.oauthArgs("leaves")...); r.code != exitOK {
		t.Fatalf("leaves, within the scope: exit %d\n%s", r.code, r.all())
	}
	assertNoSecrets(t, r.all(), sb.allSecrets())
}
