package main

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
)

func TestSandboxCommand(t *testing.T) {
	cmd := startCLI(t, nil, "sandbox", "--addr", "127.0.0.1:0")
	cmd.stdout.waitFor(t, regexp.MustCompile(`Press Ctrl-C to stop\.`), 10*time.Second)
	out := cmd.stdout.String()

	env := map[string]string{}
	for _, m := range regexp.MustCompile(`(?m)^export (FACTORIAL_\w+)='([^']*)'$`).FindAllStringSubmatch(out, -1) {
		env[m[1]] = m[2]
	}
	base := env["FACTORIAL_BASE_URL"]
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+$`).MatchString(base) {
		t.Fatalf("base URL %q\n%s", base, out)
	}
	if !strings.HasPrefix(out, "Factorial sandbox running at "+base+"\n") {
		t.Errorf("first line:\n%s", out)
	}
	if env["FACTORIAL_CLIENT_ID"] != factorialtest.DefaultClientID || env["FACTORIAL_CLIENT_SECRET"] != factorialtest.DefaultClientSecret ||
		env["FACTORIAL_API_KEY"] != factorialtest.DefaultAPIKey || len(env["FACTORIAL_ACCESS_TOKEN"]) < 20 {
		t.Errorf("credentials: %v", env)
	}
	// The printed token is deliberate, and the output says so.
	if !strings.Contains(out, "THROWAWAY CREDENTIALS, printed on purpose") {
		t.Error("no notice that the printed credentials are throwaway")
	}
	credentialsURL := base + "/api/" + factorial.DefaultAPIVersion + "/resources/api_public/credentials"
	if !strings.Contains(out, "curl -H 'Authorization: Bearer "+env["FACTORIAL_ACCESS_TOKEN"]+"' "+credentialsURL+"\n") {
		t.Errorf("no curl example of the current API:\n%s", out)
	}

	// The printed token works, over real HTTP, on the URL the curl line
	// gives.
	req, _ := http.NewRequest(http.MethodGet, credentialsURL, nil)
	req.Header.Set("Authorization", "Bearer "+env["FACTORIAL_ACCESS_TOKEN"])
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var page struct {
		Data []map[string]any `json:"data"`
	}
	err = json.NewDecoder(resp.Body).Decode(&page)
	resp.Body.Close()
	if err != nil || resp.StatusCode != http.StatusOK || len(page.Data) != 1 || page.Data[0]["email"] != "admin@example.com" {
		t.Fatalf("GET %s: %d %v %v", credentialsURL, resp.StatusCode, page, err)
	}

	// So does the CLI, pointed at it through the variables it printed.
	t.Setenv("FACTORIAL_BASE_URL", base)
	t.Setenv("FACTORIAL_API_KEY", env["FACTORIAL_API_KEY"])
	t.Setenv("FACTORIAL_CONFIG_DIR", t.TempDir())
	if r := runCLI(t, "employees"); r.code != exitOK || !strings.Contains(r.stdout, "Ada Admin") {
		t.Fatalf("factorial employees against the sandbox: exit %d\n%s", r.code, r.all())
	}

	// Ctrl-C stops it with exit 0, and the port is closed.
	cmd.cancel()
	if r := cmd.wait(t); r.code != exitOK || !strings.Contains(r.stderr, "Stopping the sandbox.") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	if _, err := http.Get(base + "/api/v1/me"); err == nil {
		t.Error("the sandbox still answers after stopping")
	}
}

func TestSandboxRefusesNonLoopback(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "192.0.2.1:8899", "nonsense"} {
		if r := runCLI(t, "sandbox", "--addr", addr); r.code != exitUsage {
			t.Errorf("--addr %s: exit %d, want 2\n%s", addr, r.code, r.all())
		}
	}
}

func TestSandboxPortInUse(t *testing.T) {
	sb := newSandbox(t)
	addr := strings.TrimPrefix(sb.Server.URL(), "http://")
	if r := runCLI(t, "sandbox", "--addr", addr); r.code != exitAPI || !strings.Contains(r.stderr, "try --addr 127.0.0.1:0") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
}
