package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"net/http/httputil"
	"net/url"
	"os"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
)

// TestMain clears the variables the CLI reads, so a developer's own
// Factorial credentials never reach the tests (or the other way round).
func TestMain(m *testing.M) {
	for _, k := range []string{"FACTORIAL_ENV", "FACTORIAL_BASE_URL", "FACTORIAL_CLIENT_ID", "FACTORIAL_CLIENT_SECRET",
		"FACTORIAL_API_KEY", "FACTORIAL_CONFIG_DIR", "BROWSER"} {
		_ = os.Unsetenv(k)
	}
	os.Exit(m.Run())
}

// syncBuffer is an output stream a command writes while the test reads.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// waitFor polls until re matches the output and returns the match.
func (b *syncBuffer) waitFor(t *testing.T, re *regexp.Regexp, timeout time.Duration) []string {
	t.Helper()
	deadline := time.Now().Add(timeout)
	for {
		if m := re.FindStringSubmatch(b.String()); m != nil {
			return m
		}
		if time.Now().After(deadline) {
			t.Fatalf("output never matched %s; got:\n%s", re, b.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// result is one finished command.
type result struct {
	code   int
	stdout string
	stderr string
}

func (r result) all() string { return r.stdout + r.stderr }

// runCLI runs the command in-process with no standard input.
func runCLI(t *testing.T, args ...string) result {
	t.Helper()
	return runCLIInput(t, "", args...)
}

func runCLIInput(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	var out, errOut syncBuffer
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	code := run(ctx, args, strings.NewReader(stdin), &out, &errOut)
	return result{code: code, stdout: out.String(), stderr: errOut.String()}
}

// async is a command running in the background.
type async struct {
	stdout, stderr *syncBuffer
	done           chan int
	cancel         context.CancelFunc
}

func startCLI(t *testing.T, stdin io.Reader, args ...string) *async {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	a := &async{stdout: &syncBuffer{}, stderr: &syncBuffer{}, done: make(chan int, 1), cancel: cancel}
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	go func() { a.done <- run(ctx, args, stdin, a.stdout, a.stderr) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-a.done:
		case <-time.After(10 * time.Second):
			t.Error("command did not stop after cancel")
		}
	})
	return a
}

// wait returns the exit code once the command ends.
func (a *async) wait(t *testing.T) result {
	t.Helper()
	select {
	case code := <-a.done:
		a.done <- code // keep it for Cleanup
		return result{code: code, stdout: a.stdout.String(), stderr: a.stderr.String()}
	case <-time.After(45 * time.Second):
		t.Fatalf("command did not finish; stdout:\n%s\nstderr:\n%s", a.stdout, a.stderr)
	}
	return result{}
}

// sandbox is a factorialtest server behind a recording proxy: the CLI
// talks to the proxy, which notes every secret that crosses it (client
// secret, code, PKCE verifier, tokens, API key) so the tests can prove none
// of them reaches the output.
type sandbox struct {
	*factorialtest.Server
	proxy *httptest.Server
	dir   string // config dir

	mu       sync.Mutex
	secrets  []string
	requests []string // "METHOD /path" of every request, in order
}

func newSandbox(t *testing.T, opts ...factorialtest.Option) *sandbox {
	t.Helper()
	srv := factorialtest.NewServer(append([]factorialtest.Option{factorialtest.WithTB(t), factorialtest.WithLoopbackRedirects()}, opts...)...)
	sb := &sandbox{Server: srv, dir: t.TempDir()}
	target, _ := url.Parse(srv.URL())
	rp := httputil.NewSingleHostReverseProxy(target)
	sb.proxy = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sb.record(r)
		rp.ServeHTTP(w, r)
	}))
	t.Cleanup(sb.proxy.Close)
	return sb
}

var secretFormFields = []string{"client_secret", "code", "code_verifier", "refresh_token", "token", "access_token"}

func (sb *sandbox) record(r *http.Request) {
	var found []string
	if r.Body != nil && strings.HasPrefix(r.Header.Get("Content-Type"), "application/x-www-form-urlencoded") {
		body, _ := io.ReadAll(r.Body)
		r.Body = io.NopCloser(bytes.NewReader(body))
		if form, err := url.ParseQuery(string(body)); err == nil {
			for _, k := range secretFormFields {
				found = append(found, form[k]...)
			}
		}
	}
	for _, k := range secretFormFields {
		found = append(found, r.URL.Query()[k]...)
	}
	if h := r.Header.Get("Authorization"); strings.HasPrefix(h, "Bearer ") {
		found = append(found, strings.TrimPrefix(h, "Bearer "))
	}
	found = append(found, r.Header.Get("x-api-key"))
	sb.mu.Lock()
	sb.secrets = append(sb.secrets, found...)
	sb.requests = append(sb.requests, r.Method+" "+r.URL.Path)
	sb.mu.Unlock()
}

// requested returns the requests so far ("GET /api/v1/me") and forgets
// them.
func (sb *sandbox) requested() []string {
	sb.mu.Lock()
	defer sb.mu.Unlock()
	out := sb.requests
	sb.requests = nil
	return out
}

// URL is where the CLI should point: the recording proxy.
func (sb *sandbox) URL() string { return sb.proxy.URL }

// allSecrets is what the proxy saw plus what the server knows.
func (sb *sandbox) allSecrets() []string {
	sb.mu.Lock()
	out := slices.Clone(sb.secrets)
	sb.mu.Unlock()
	out = append(out, sb.Secrets()...)
	out = append(out, factorialtest.DefaultClientSecret, factorialtest.DefaultAPIKey)
	return slices.DeleteFunc(out, func(s string) bool { return len(s) < 8 })
}

// oauthArgs are the flags of a CLI that logs in to the sandbox.
func (sb *sandbox) oauthArgs(extra ...string) []string {
	return append([]string{"--env", sb.URL(), "--config-dir", sb.dir,
		"--client-id", factorialtest.DefaultClientID, "--client-secret", factorialtest.DefaultClientSecret}, extra...)
}

// keyArgs are the flags of a CLI that uses the sandbox's API key.
func (sb *sandbox) keyArgs(extra ...string) []string {
	return append([]string{"--env", sb.URL(), "--config-dir", sb.dir, "--api-key", factorialtest.DefaultAPIKey}, extra...)
}

// tokenFile is where the CLI keeps the sandbox login.
func (sb *sandbox) tokenFile() string {
	s := &settings{envName: sb.URL(), baseURL: sb.URL(), configDir: sb.dir}
	return s.tokenPath()
}

// seedLogin stores a token for userID as if auth login had run.
func (sb *sandbox) seedLogin(t *testing.T, userID int) factorialtest.IssuedToken {
	t.Helper()
	it, err := sb.IssueToken(userID)
	if err != nil {
		t.Fatal(err)
	}
	sb.storeIssued(t, it)
	return it
}

// storeIssued stores an issued token as if auth login had obtained it.
func (sb *sandbox) storeIssued(t *testing.T, it factorialtest.IssuedToken) {
	t.Helper()
	store, err := oauth.NewFileStore(sb.tokenFile())
	if err != nil {
		t.Fatal(err)
	}
	tok := &oauth.Token{AccessToken: it.AccessToken, RefreshToken: it.RefreshToken, TokenType: "Bearer",
		Scopes: it.Scopes, CreatedAt: it.CreatedAt, ExpiresIn: int64(it.ExpiresIn.Seconds()), Expiry: it.CreatedAt.Add(it.ExpiresIn)}
	if err := store.Save(context.Background(), tok); err != nil {
		t.Fatal(err)
	}
}

// storedToken reads the CLI's token file.
func (sb *sandbox) storedToken(t *testing.T) *oauth.Token {
	t.Helper()
	store, err := oauth.NewFileStore(sb.tokenFile())
	if err != nil {
		t.Fatal(err)
	}
	tok, err := store.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// tokenLikeRE matches what Doorkeeper's tokens and codes and a PKCE
// verifier look like: 43 characters of unpadded base64url.
var (
	tokenLikeRE     = regexp.MustCompile(`[A-Za-z0-9_-]{43,}`)
	pkceChallengeRE = regexp.MustCompile(`code_challenge=([A-Za-z0-9_-]{43})`)
)

// assertNoSecrets fails if output contains any of secrets, or anything
// shaped like a token other than the public PKCE challenge of a printed
// authorize URL.
func assertNoSecrets(t *testing.T, output string, secrets []string) {
	t.Helper()
	for _, s := range secrets {
		if s != "" && strings.Contains(output, s) {
			t.Errorf("output contains a secret (%s...):\n%s", s[:4], output)
		}
	}
	public := map[string]bool{}
	for _, m := range pkceChallengeRE.FindAllStringSubmatch(output, -1) {
		public[m[1]] = true
	}
	for _, m := range tokenLikeRE.FindAllString(output, -1) {
		if !public[m] {
			t.Errorf("output contains a token-like string %s...:\n%s", m[:4], output)
		}
	}
}

var authorizeURLRE = regexp.MustCompile(`(?m)^\s+(http://\S+/oauth/authorize\?\S+)$`)
