package main

import (
	"io"
	"regexp"
	"strings"
	"testing"
	"time"
)

// One user's whole session, --debug included, with every output scanned
// for every secret that crossed the wire: the client secret, the API key,
// each authorization code, the PKCE verifiers, and every access and
// refresh token. Only the sandbox command may print credentials (its own
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
		debug("employees", "-o", "json"),
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
	// The demo against its own sandbox.
	collect(runCLI(t, "demo"))

	secrets := sb.allSecrets()
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
