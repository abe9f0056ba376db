package main

import (
	"errors"
	"io/fs"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/factorialtest"
)

// The README's first command: the whole guide, end to end, exit 0, every
// step printed in order and no secret shown.
func TestDemo(t *testing.T) {
	r := runCLI(t, "demo")
	if r.code != exitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("stderr not empty:\n%s", r.stderr)
	}
	out := r.stdout

	// Every step, in the guide's order, with what happened on the wire.
	steps := []string{
		`(?m)^1\. Create an OAuth application$`,
		`Client ID\s+factorialtest-client-id`,
		`Client secret\s+\(set; never shown\)`,
		`Redirect URI\s+http://127\.0\.0\.1:\d+/callback`,
		`(?m)^2\. Request an authorization code$`,
		`http://127\.0\.0\.1:\d+/oauth/authorize\?client_id=factorialtest-client-id&code_challenge=[A-Za-z0-9_-]{43}&code_challenge_method=S256&redirect_uri=http%3A%2F%2F127\.0\.0\.1%3A\d+%2Fcallback&response_type=code&scope=read\+write&state=\w+`,
		`GET /oauth/authorize → 200 OK`,
		`Consent page: "Authorize factorialtest to use the account of admin@example\.com\?"`,
		`POST /oauth/authorize → 302 Found`,
		`GET http://127\.0\.0\.1:\d+/callback → 200 OK`,
		`state of this request \(checked\)`,
		`(?m)^3\. Request an access token$`,
		`client_secret=<CLIENT_SECRET>&code=<AUTHORIZATION_CODE>&grant_type=authorization_code`,
		`POST /oauth/token → 200 OK`,
		`Response: token_type Bearer, expires_in 7200, scope "read write";`,
		`Stored refresh token: sha256:[0-9a-f]{4}`,
		`(?m)^4\. Make requests with the token`,
		`GET /api/v1/me → 200 OK`,
		`You are Ada Admin <admin@example\.com> \(employee 1001, role admin\)\.`,
		`GET /api/v1/employees → 200 OK`,
		`\d+ employees: Ada Admin, Manu Manager, Bea Basic, \.\.\.`,
		`(?m)^5\. Refresh the access token$`,
		`refresh_token=<REFRESH_TOKEN>&grant_type=refresh_token`,
		`POST /oauth/token → 200 OK`,
		`stored refresh token  sha256:[0-9a-f]{4} -> sha256:[0-9a-f]{4}`,
		`POST /oauth/token → 400 Bad Request`,
		`error invalid_grant`,
		`GET /api/v1/me → 200 OK`,
		`(?m)^6\. Revoke the token$`,
		`POST /oauth/revoke → 200 OK`,
		`GET /api/v1/me → 401 Unauthorized`,
		`refused: 401 Unauthorized \(invalid_token: The access token was revoked\)`,
		`Done: the whole guide ran against the sandbox`,
	}
	rest := out
	for _, s := range steps {
		loc := regexp.MustCompile(s).FindStringIndex(rest)
		if loc == nil {
			t.Fatalf("missing, or out of order: %s\noutput:\n%s", s, out)
		}
		rest = rest[loc[1]:]
	}

	// The rotation was persisted: the stored fingerprint after the
	// exchange is the "before" of the refresh, and the "after" differs.
	first := regexp.MustCompile(`Stored refresh token: (sha256:[0-9a-f]{4})`).FindStringSubmatch(out)
	rot := regexp.MustCompile(`stored refresh token  (sha256:[0-9a-f]{4}) -> (sha256:[0-9a-f]{4})`).FindStringSubmatch(out)
	if first[1] != rot[1] {
		t.Errorf("refresh started from %s, but the exchange stored %s", rot[1], first[1])
	}
	if rot[1] == rot[2] {
		t.Errorf("stored refresh token did not change: %s", rot[1])
	}
	// Exactly one token request per guide step: exchange, refresh, and the
	// deliberate reuse of the old refresh token.
	if n := strings.Count(out, "POST /oauth/token → "); n != 3 {
		t.Errorf("%d token requests, want 3", n)
	}

	// The token file lived in a temporary directory that is gone.
	path := regexp.MustCompile(`Saved to (\S+) \(mode 0600\)`).FindStringSubmatch(out)
	if path == nil {
		t.Fatal("no token path printed")
	}
	if _, err := os.Stat(path[1]); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("demo left its token file behind: %v", err)
	}

	assertNoSecrets(t, out, []string{factorialtest.DefaultClientSecret, factorialtest.DefaultAPIKey})
}

func TestDemoRefusesArguments(t *testing.T) {
	r := runCLI(t, "demo", "extra")
	if r.code != exitUsage || !strings.Contains(r.stderr, `unexpected argument "extra"`) {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
}
