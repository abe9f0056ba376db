package main

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
)

// dated is the path prefix of the dated API's calls in the demo's trace,
// as a regular expression.
var dated = regexp.QuoteMeta(factorial.DefaultAPIVersion) + "/resources"

// The README's first command: the whole guide, end to end, exit 0, every
// step printed in order and no secret shown.
func TestDemo(t *testing.T) {
	r, srv := runDemoObserved(t)
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
		`GET /api/` + dated + `/api_public/credentials → 200 OK`,
		`You are Ada Admin <admin@example\.com> \(employee 1001, role admin\)\.`,
		`GET /api/` + dated + `/employees/employees → 200 OK`,
		`5 employees: Ada Admin, Manu Manager, Bea Basic, \.\.\.`,
		`(?m)^5\. Refresh the access token$`,
		`refresh_token=<REFRESH_TOKEN>&grant_type=refresh_token`,
		`POST /oauth/token → 200 OK`,
		`stored refresh token  sha256:[0-9a-f]{4} -> sha256:[0-9a-f]{4}`,
		`POST /oauth/token → 400 Bad Request`,
		`error invalid_grant`,
		`GET /api/` + dated + `/api_public/credentials → 200 OK`,
		`(?m)^6\. Revoke the token$`,
		`POST /oauth/revoke → 200 OK`,
		`GET /api/` + dated + `/api_public/credentials → 401 Unauthorized`,
		`refused: 401 Unauthorized \(invalid_token: The access token was revoked\)`,

		// The same on the dated API.
		`(?m)^The current API in depth \(version ` + regexp.QuoteMeta(factorial.DefaultAPIVersion) + `\)$`,
		`(?m)^7\. Request a token with a granular scope$`,
		`/oauth/authorize\?client_id=factorialtest-client-id&code_challenge=[A-Za-z0-9_-]{43}&code_challenge_method=S256&redirect_uri=\S+&response_type=code&scope=employees&state=\w+`,
		`GET /oauth/authorize → 200 OK`,
		`POST /oauth/authorize → 302 Found`,
		`POST /oauth/token → 200 OK`,
		`scope "employees"; tokens received \(not shown\)`,
		`(?m)^8\. Who the token acts as: the credentials$`,
		`GET /api/` + dated + `/api_public/credentials → 200 OK`,
		`You are Ada Admin <admin@example\.com> \(employee 1001, role admin\); credential "[^"]+" of company "1"\.`,
		`(?m)^9\. List employees, page by page$`,
		`GET /api/` + dated + `/employees/employees → 200 OK`,
		`page 1 \(after_id none\): 1001 Ada Admin, 1002 Manu Manager\n`,
		`meta: total 5, has_next_page true, end_cursor "[^"]+"`,
		`page 2 \(after_id "[^"]+"\): 1003 Bea Basic, 1004 Bruno Basic\n`,
		`page 3 \(after_id "[^"]+"\): 1005 Tere Terminated\n`,
		`meta: total 5, has_next_page false`,
		`5 employees in 3 pages of 2\.`,
		`(?m)^10\. Receive a webhook$`,
		`http://127\.0\.0\.1:\d+/hooks/employees/employee/update\n`,
		`POST /api/` + dated + `/api_public/webhook_subscriptions → 201 Created`,
		`Subscription "\d+": employees/employee/update -> http://127\.0\.0\.1:\d+/hooks/employees/employee/update \(enabled true`,
		`PUT /api/` + dated + `/employees/employees/1003 → 200 OK`,
		`The receiver got POST /hooks/employees/employee/update from the sandbox`,
		`event employees/employee/update, challenge header matched \(not shown\), author employee 1001`,
		`payload: the bare resources\.Employee \(\d+ bytes\), employee 1003 Bea Basic, preferred_name "Bee"`,
		`DELETE /api/` + dated + `/api_public/webhook_subscriptions/\d+ → 200 OK`,
		`POST /oauth/revoke → 200 OK`,
		`Done: the whole guide ran against the sandbox, on the current API\. Next:`,
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
	// Exactly one token request per guide step: exchange, refresh, the
	// deliberate reuse of the old refresh token, and the dated API's
	// exchange.
	if n := strings.Count(out, "POST /oauth/token → "); n != 4 {
		t.Errorf("%d token requests, want 4", n)
	}

	// Each page starts after the cursor that ended the page before it.
	cursors := regexp.MustCompile(`end_cursor "([^"]+)"`).FindAllStringSubmatch(out, -1)
	afters := regexp.MustCompile(`page \d \(after_id "([^"]+)"\)`).FindAllStringSubmatch(out, -1)
	if len(cursors) != 3 || len(afters) != 2 || afters[0][1] != cursors[0][1] || afters[1][1] != cursors[1][1] {
		t.Errorf("pages do not follow the cursors: end_cursor %v, after_id %v", cursors, afters)
	}

	// The sandbox delivered the event once, to the demo's receiver, which
	// accepted it; the subscription is gone.
	var ours []factorialtest.WebhookDelivery
	for _, d := range srv.WebhookDeliveries() {
		if d.Type == "employees/employee/update" {
			ours = append(ours, d)
		}
	}
	if len(ours) != 1 || !ours[0].Delivered || ours[0].Status != 200 || ours[0].Challenge == "" ||
		!strings.Contains(string(ours[0].Payload), `"preferred_name":"Bee"`) {
		t.Fatalf("deliveries: %+v", ours)
	}
	for _, sub := range srv.List("webhook_subscriptions") {
		if sub["target_url"] == ours[0].TargetURL {
			t.Errorf("the demo left its subscription behind: %v", sub)
		}
	}

	// The token file lived in a temporary directory that is gone.
	path := regexp.MustCompile(`Saved to (\S+) \(mode 0600\)`).FindStringSubmatch(out)
	if path == nil {
		t.Fatal("no token path printed")
	}
	if _, err := os.Stat(path[1]); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("demo left its token file behind: %v", err)
	}

	if strings.Contains(out, "/api/v1/") {
		t.Errorf("the default demo called v1:\n%s", out)
	}
	assertNoSecrets(t, out, demoSecrets(srv))
}

// With --api v1 the guide's requests (steps 4 to 6) go to v1; the rest of
// the demo stays on the current API.
func TestDemoV1(t *testing.T) {
	r, srv := runDemoObserved(t, "--api", "v1")
	if r.code != exitOK {
		t.Fatalf("exit %d\nstdout:\n%s\nstderr:\n%s", r.code, r.stdout, r.stderr)
	}
	steps := []string{
		`(?m)^4\. Make requests with the token`,
		`GET /api/v1/me → 200 OK`,
		`You are Ada Admin <admin@example\.com> \(employee 1001, role admin\)\.`,
		`GET /api/v1/employees → 200 OK`,
		`\d+ employees: Ada Admin, Manu Manager, Bea Basic, \.\.\.`,
		`(?m)^5\. Refresh the access token$`,
		`GET /api/v1/me → 200 OK`,
		`(?m)^6\. Revoke the token$`,
		`GET /api/v1/me → 401 Unauthorized`,
		`(?m)^The current API in depth \(version ` + regexp.QuoteMeta(factorial.DefaultAPIVersion) + `\)$`,
		`GET /api/` + dated + `/api_public/credentials → 200 OK`,
		`Done: the whole guide ran against the sandbox, on v1 \(steps 4 to 6\) and on the current API\. Next:`,
	}
	rest := r.stdout
	for _, s := range steps {
		loc := regexp.MustCompile(s).FindStringIndex(rest)
		if loc == nil {
			t.Fatalf("missing, or out of order: %s\noutput:\n%s", s, r.stdout)
		}
		rest = rest[loc[1]:]
	}
	assertNoSecrets(t, r.stdout+r.stderr, demoSecrets(srv))

	if r := runCLI(t, "demo", "--api", "yesterday"); r.code != exitUsage || !strings.Contains(r.stderr, "--api must be v1 or a version date") {
		t.Fatalf("--api yesterday: exit %d\n%s", r.code, r.all())
	}
}

// runDemoObserved runs factorial demo and returns, with its result, the
// sandbox it ran against (closed by then, its records still readable).
func runDemoObserved(t *testing.T, args ...string) (result, *factorialtest.Server) {
	t.Helper()
	var out, errOut syncBuffer
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	a := newApp(strings.NewReader(""), &out, &errOut)
	var srv *factorialtest.Server
	a.demoStarted = func(s *factorialtest.Server) { srv = s }
	code := a.main(ctx, append([]string{"demo"}, args...))
	if srv == nil {
		t.Fatalf("the demo started no sandbox: exit %d\n%s%s", code, out.String(), errOut.String())
	}
	return result{code: code, stdout: out.String(), stderr: errOut.String()}, srv
}

// demoSecrets are the secrets of the demo's sandbox: client secret, API
// keys, codes and every token issued, and each webhook challenge it sent.
func demoSecrets(srv *factorialtest.Server) []string {
	out := srv.Secrets()
	for _, d := range srv.WebhookDeliveries() {
		out = append(out, d.Challenge)
	}
	out = append(out, factorialtest.DefaultClientSecret, factorialtest.DefaultAPIKey)
	return slices.DeleteFunc(out, func(s string) bool { return len(s) < 8 })
}

func TestDemoRefusesArguments(t *testing.T) {
	r := runCLI(t, "demo", "extra")
	if r.code != exitUsage || !strings.Contains(r.stderr, `unexpected argument "extra"`) {
		t.Fatalf("exit %d, stderr %s", r.code, r.stderr)
	}
}
