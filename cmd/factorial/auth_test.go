package main

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
)

func TestAuthStatusRefreshLogout(t *testing.T) {
	sb := newSandbox(t)
	first := sb.seedLogin(t, factorialtest.AdminUserID)

	r := runCLI(t, sb.oauthArgs("auth", "status")...)
	if r.code != exitOK {
		t.Fatalf("status: exit %d\n%s", r.code, r.all())
	}
	for _, want := range []string{
		"Logged in to " + sb.URL() + " as Ada Admin <admin@example.com> (employee 1001, role admin).",
		"Scopes:      read write",
		"Refresh:     refresh token stored (fingerprint " + fingerprint(first.RefreshToken) + ")",
		"Token file:  " + sb.tokenFile(),
	} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("status lacks %q:\n%s", want, r.stdout)
		}
	}
	if !regexp.MustCompile(`Expires:\s+at \d{4}-\d\d-\d\dT\S+Z \(in (1h59m\d\ds|2h0m0s)\)`).MatchString(r.stdout) {
		t.Errorf("status lacks the expiry:\n%s", r.stdout)
	}
	if n := sb.TokenRequests("refresh_token"); n != 0 {
		t.Errorf("status of a fresh token refreshed it (%d)", n)
	}
	assertNoSecrets(t, r.all(), sb.allSecrets())

	r = runCLI(t, sb.oauthArgs("auth", "refresh")...)
	if r.code != exitOK {
		t.Fatalf("refresh: exit %d\n%s", r.code, r.all())
	}
	second := sb.storedToken(t)
	want := "Refresh token rotated: " + fingerprint(first.RefreshToken) + " -> " + fingerprint(second.RefreshToken) + ", saved to " + sb.tokenFile()
	if second.RefreshToken == first.RefreshToken || !strings.Contains(r.stdout, want) {
		t.Errorf("refresh output lacks %q:\n%s", want, r.stdout)
	}
	if sb.TokenActive(first.AccessToken) || !sb.TokenActive(second.AccessToken) {
		t.Error("after a refresh the old pair should be dead and the new one active")
	}
	if n := sb.TokenRequests("refresh_token"); n != 1 {
		t.Errorf("%d refreshes, want 1", n)
	}
	assertNoSecrets(t, r.all(), sb.allSecrets())

	if r = runCLI(t, sb.oauthArgs("me")...); r.code != exitOK || !strings.Contains(r.stdout, "Ada Admin") {
		t.Fatalf("me after refresh: exit %d\n%s", r.code, r.all())
	}

	r = runCLI(t, sb.oauthArgs("auth", "logout")...)
	if r.code != exitOK || !strings.Contains(r.stdout, "Logged out of "+sb.URL()) {
		t.Fatalf("logout: exit %d\n%s", r.code, r.all())
	}
	if sb.TokenActive(second.AccessToken) {
		t.Error("logout did not revoke the token")
	}
	if _, err := os.Stat(sb.tokenFile()); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("logout left the token file: %v", err)
	}
	assertNoSecrets(t, r.all(), sb.allSecrets())

	r = runCLI(t, sb.oauthArgs("auth", "status")...)
	if r.code != exitLogin || !strings.Contains(r.stderr, "run 'factorial auth login'") {
		t.Fatalf("status after logout: exit %d\n%s", r.code, r.all())
	}
	r = runCLI(t, sb.oauthArgs("auth", "logout")...)
	if r.code != exitOK || !strings.Contains(r.stdout, "Not logged in") {
		t.Fatalf("second logout: exit %d\n%s", r.code, r.all())
	}
}

// An expired access token is refreshed on the way, and the rotated pair
// is what the file holds afterwards.
func TestExpiredTokenIsRefreshed(t *testing.T) {
	sb := newSandbox(t)
	first := sb.seedLogin(t, factorialtest.BasicUserID)
	sb.Advance(3 * time.Hour)

	r := runCLI(t, sb.oauthArgs("me", "--output", "json")...)
	if r.code != exitOK || !strings.Contains(r.stdout, `"email": "basic@example.com"`) {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	if n := sb.TokenRequests("refresh_token"); n != 1 {
		t.Errorf("%d refreshes, want 1", n)
	}
	if tok := sb.storedToken(t); tok.RefreshToken == first.RefreshToken || !sb.TokenActive(tok.AccessToken) {
		t.Error("the refreshed pair was not saved")
	}
}

// With an API key the current API says the key is the company's; v1's
// /me names the admin it acts as.
func TestAuthStatusWithAPIKey(t *testing.T) {
	sb := newSandbox(t)
	r := runCLI(t, sb.keyArgs("auth", "status")...)
	if r.code != exitOK || !strings.Contains(r.stdout, "with an API key (x-api-key) as the company Acme Labs (credential api_key-1).") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	if got, want := sb.requested(), []string{"GET /api/" + factorial.DefaultAPIVersion + "/resources/api_public/credentials"}; !slices.Equal(got, want) {
		t.Errorf("requests %q, want %q", got, want)
	}
	assertNoSecrets(t, r.all(), sb.allSecrets())

	r = runCLI(t, sb.keyArgs("auth", "status", "--api", "v1")...)
	if r.code != exitOK || !strings.Contains(r.stdout, "with an API key (x-api-key) as Ada Admin <admin@example.com> (employee 1001, role admin).") {
		t.Fatalf("--api v1: exit %d\n%s", r.code, r.all())
	}
	if got, want := sb.requested(), []string{"GET /api/v1/me"}; !slices.Equal(got, want) {
		t.Errorf("--api v1: requests %q, want %q", got, want)
	}
}

// auth status asks the current API by default, v1 only with --api v1, and
// another dated version when --api names one.
func TestAuthStatusAPIs(t *testing.T) {
	sb := newSandbox(t)
	sb.seedLogin(t, factorialtest.BasicUserID)
	who := "Logged in to " + sb.URL() + " as Bea Basic <basic@example.com> (employee 1003, role basic)."
	for _, tt := range []struct {
		api     []string
		request string
	}{
		{nil, "GET /api/" + factorial.DefaultAPIVersion + "/resources/api_public/credentials"},
		{[]string{"--api", "2025-10-01"}, "GET /api/2025-10-01/resources/api_public/credentials"},
		{[]string{"--api", "v1"}, "GET /api/v1/me"},
	} {
		sb.requested()
		r := runCLI(t, sb.oauthArgs(append([]string{"auth", "status"}, tt.api...)...)...)
		if r.code != exitOK {
			t.Fatalf("%q: exit %d\n%s", tt.api, r.code, r.all())
		}
		if !strings.Contains(r.stdout, who) {
			t.Errorf("%q: output lacks %q:\n%s", tt.api, who, r.stdout)
		}
		if got := sb.requested(); !slices.Equal(got, []string{tt.request}) {
			t.Errorf("%q: requests %q, want %q", tt.api, got, tt.request)
		}
		assertNoSecrets(t, r.all(), sb.allSecrets())
	}
	if r := runCLI(t, sb.oauthArgs("auth", "status", "--api", "v2")...); r.code != exitUsage || !strings.Contains(r.stderr, "--api must be v1 or a version date") {
		t.Fatalf("--api v2: exit %d\n%s", r.code, r.all())
	}
	if got := sb.requested(); len(got) != 0 {
		t.Errorf("a usage error made requests: %q", got)
	}
}

// A revoked login: the API answers 401, the client tries the refresh
// token (dead with its pair) and the CLI says to log in again.
func TestRevokedLoginAsksToLogIn(t *testing.T) {
	sb := newSandbox(t)
	it := sb.seedLogin(t, factorialtest.AdminUserID)
	sb.RevokeToken(it.AccessToken)

	r := runCLI(t, sb.oauthArgs("employees")...)
	if r.code != exitLogin || !strings.Contains(r.stderr, "run 'factorial auth login'") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	if n := sb.TokenErrors("invalid_grant"); n != 1 {
		t.Errorf("%d invalid_grant refreshes, want 1", n)
	}
	assertNoSecrets(t, r.all(), sb.allSecrets())
}

func TestRefreshWithoutLogin(t *testing.T) {
	sb := newSandbox(t)
	r := runCLI(t, sb.oauthArgs("auth", "refresh")...)
	if r.code != exitLogin || !strings.Contains(r.stderr, "not logged in to "+sb.URL()) {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
}

func TestAuthUsage(t *testing.T) {
	if r := runCLI(t, "auth"); r.code != exitUsage || !strings.Contains(r.stderr, "missing subcommand") {
		t.Fatalf("auth: exit %d\n%s", r.code, r.all())
	}
	if r := runCLI(t, "auth", "whoami"); r.code != exitUsage || !strings.Contains(r.stderr, `unknown subcommand "whoami"`) {
		t.Fatalf("auth whoami: exit %d\n%s", r.code, r.all())
	}
	if r := runCLI(t, "auth", "login", "-h"); r.code != exitOK || !strings.Contains(r.stdout, "--oob") {
		t.Fatalf("auth login -h: exit %d\n%s", r.code, r.all())
	}
	if r := runCLI(t, "auth", "status", "extra"); r.code != exitUsage {
		t.Fatalf("auth status extra: exit %d\n%s", r.code, r.all())
	}
}

// TestInsecureTokenFileMessage: a token file or directory others can read
// is reported in the CLI's terms (the chmod to run, logout to revoke),
// never by the library option a program would use.
func TestInsecureTokenFileMessage(t *testing.T) {
	sb := newSandbox(t)
	sb.seedLogin(t, factorialtest.AdminUserID)
	for _, tc := range []struct {
		path string
		mode os.FileMode
		want string
	}{
		{sb.tokenFile(), 0o644, "chmod 0600 " + sb.tokenFile()},
		{filepath.Dir(sb.tokenFile()), 0o755, "chmod 0700 " + filepath.Dir(sb.tokenFile())},
	} {
		if err := os.Chmod(tc.path, tc.mode); err != nil {
			t.Fatal(err)
		}
		r := runCLI(t, sb.oauthArgs("me")...)
		if r.code == exitOK || !strings.Contains(r.stderr, tc.want) || !strings.Contains(r.stderr, "factorial auth logout") {
			t.Errorf("mode %04o on %s: exit %d\n%s", tc.mode, tc.path, r.code, r.all())
		}
		if strings.Contains(r.all(), "WithRepairPermissions") {
			t.Errorf("the message names a library option:\n%s", r.all())
		}
		assertNoSecrets(t, r.all(), sb.allSecrets())
		if err := os.Chmod(tc.path, map[bool]os.FileMode{true: 0o700, false: 0o600}[tc.mode == 0o755]); err != nil {
			t.Fatal(err)
		}
	}
}
