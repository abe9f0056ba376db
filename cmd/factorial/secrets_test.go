package main

import (
	"io"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
)

// One user's whole session, --debug included, on both APIs, with every
// output scanned for every secret that crossed the wire: the client
// secret, the API key, each authorization code, the PKCE verifiers, every
// access and refresh token, and the demo's webhook challenge. Only the sandbox command may print credentials (its own
// throwaway ones), and it is not part of this session.
func TestNoSecretsInOutput(t *testing.T) {
	sb := newSandbox(t)
	var outputs []string
	collect := func(r result) result {
		outputs = append(outputs, r.all())
		return r
	}
	debug := func(args ...string) []string { return append(sb.oauthArgs(args...), "--debug") }

	// Log in through the loopback redirect...
	cmd := startCLI(t, nil, debug("auth", "login", "--no-browser")...)
	m := cmd.stderr.waitFor(t, authorizeURLRE, 10*time.Second)
	loc := approve(t, sb, m[1])
	follow(t, loc.String())
	if r := collect(cmd.wait(t)); r.code != exitOK {
		t.Fatalf("loopback login: exit %d\n%s", r.code, r.all())
	}

	// ...and again out of band, pasting the page URL.
	pr, pw := io.Pipe()
	cmd = startCLI(t, pr, debug("auth", "login", "--oob", "--no-browser")...)
	m = cmd.stderr.waitFor(t, authorizeURLRE, 10*time.Second)
	cmd.stderr.waitFor(t, regexp.MustCompile(`paste the code`), 5*time.Second)
	loc = approve(t, sb, m[1])
	if _, err := io.WriteString(pw, sb.URL()+loc.RequestURI()+"\n"); err != nil {
		t.Fatal(err)
	}
	if r := collect(cmd.wait(t)); r.code != exitOK {
		t.Fatalf("oob login: exit %d\n%s", r.code, r.all())
	}
	pw.Close()

	steps := [][]string{
		debug("auth", "status"),
		debug("auth", "refresh"),
		debug("me"),
		debug("me", "--api", "v1"),
		debug("employees", "-o", "json"),
		debug("employees", "--api", "v1", "-o", "json"),
		debug("leaves", "--employee", "1003"),
		debug("api", "-i", "employees/employees"),
		debug("api", "-i", "GET", "employees/employees", "-f", "limit=2"),
		debug("api", "POST", "teams/teams", "-f", "name=Dated secrets"),
		debug("api", "POST", "teams/teams"), // spec rejection, dated
		debug("api", "teams/teams/987654"),  // 404, dated
		debug("api", "-i", "/api/v1/me"),
		debug("api", "POST", "/api/v1/core/teams", "-f", "name=Secrets"),
		debug("api", "POST", "/api/v1/core/teams"),                  // spec rejection
		debug("api", "/api/v1/employees/987654"),                    // 404
		sb.keyArgs("auth", "status", "--debug"),                     // API key
		sb.keyArgs("api", "-i", "/api/v1/employees/1/nope"),         // unknown route
		{"me", "--env", sb.URL(), "--api-key", "wrong-key-1234567"}, // refused key
	}
	for _, args := range steps {
		r := collect(runCLI(t, args...))
		if r.code == exitInterrupted || r.code == exitNetwork {
			t.Fatalf("%v: exit %d\n%s", args, r.code, r.all())
		}
	}
	// A token that expired on the server: refreshed on the way.
	sb.ExpireToken(sb.storedToken(t).AccessToken)
	if r := collect(runCLI(t, debug("teams")...)); r.code != exitOK {
		t.Fatalf("teams after expiry: exit %d\n%s", r.code, r.all())
	}
	// A revoked one: the refresh fails and the CLI asks for a login.
	tok := sb.storedToken(t)
	sb.RevokeToken(tok.AccessToken)
	if r := collect(runCLI(t, debug("me")...)); r.code != exitLogin {
		t.Fatalf("me after revocation: exit %d\n%s", r.code, r.all())
	}
	if r := collect(runCLI(t, debug("auth", "logout")...)); r.code != exitOK {
		t.Fatalf("logout: exit %d\n%s", r.code, r.all())
	}
	// The demo against its own sandbox, whose secrets (its tokens and
	// codes, and the challenge of its webhook subscription) join the scan.
	demo, demoSrv := runDemoObserved(t)
	if collect(demo).code != exitOK {
		t.Fatalf("demo: exit %d\n%s", demo.code, demo.all())
	}
	demoSecrets := demoSecrets(demoSrv)
	var challenges int
	for _, d := range demoSrv.WebhookDeliveries() {
		if d.Challenge != "" && slices.Contains(demoSecrets, d.Challenge) {
			challenges++
		}
	}
	if challenges == 0 {
		t.Fatal("the demo's webhook challenge is not among the secrets scanned")
	}

	secrets := append(sb.allSecrets(), demoSecrets...)
	var verifiers int
	for _, s := range secrets {
		if len(s) == 43 {
			verifiers++
		}
	}
	if len(secrets) < 10 || verifiers == 0 {
		t.Fatalf("the proxy recorded too few secrets (%d) for the scan to mean anything", len(secrets))
	}
	all := strings.Join(outputs, "\n")
	assertNoSecrets(t, all, secrets)
	if !strings.Contains(all, "level=DEBUG") {
		t.Error("--debug logged nothing: the scan did not cover the logs")
	}
}
