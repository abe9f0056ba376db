package main

import (
	"context"
	"io"
	"net/http"
	"net/url"
	"os"
	"regexp"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
)

// approve plays the user's browser: open the consent page, click
// Authorize, and return where the server redirected.
func approve(t *testing.T, sb *sandbox, authorizeURL string) *url.URL {
	t.Helper()
	loc, err := sb.Approve(context.Background(), authorizeURL)
	if err != nil {
		t.Fatalf("approve: %v", err)
	}
	return loc
}

// follow GETs a redirect target the way the browser would.
func follow(t *testing.T, target string) (int, string) {
	t.Helper()
	resp, err := http.Get(target)
	if err != nil {
		t.Fatalf("GET callback: %v", err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestLoginOutOfBand(t *testing.T) {
	tests := []struct {
		name  string
		opts  []factorialtest.Option
		paste func(pageURL, code string) string
		api   []string // --api and its value; the default API when nil
	}{
		{name: "bare code", paste: func(_, code string) string { return "  " + code + "\n" }},
		{name: "bare code, v1", paste: func(_, code string) string { return code + "\n" }, api: []string{"--api", "v1"}},
		{name: "page URL", paste: func(page, _ string) string { return page + "\n" }},
		{name: "page URL, path form", opts: []factorialtest.Option{factorialtest.WithNativeCodeInPath()},
			paste: func(page, _ string) string { return "'" + page + "'\n" }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			sb := newSandbox(t, tc.opts...)
			pr, pw := io.Pipe()
			defer pw.Close()
			cmd := startCLI(t, pr, sb.oauthArgs(append([]string{"auth", "login", "--oob", "--no-browser"}, tc.api...)...)...)

			m := cmd.stderr.waitFor(t, authorizeURLRE, 10*time.Second)
			au, _ := url.Parse(m[1])
			if got := au.Query().Get("redirect_uri"); got != factorialtest.OOBRedirectURI {
				t.Errorf("redirect_uri = %q, want the out-of-band URI", got)
			}
			if au.Query().Get("code_challenge_method") != "S256" || au.Query().Get("state") == "" {
				t.Errorf("authorize URL lacks PKCE or state: %s", au.RawQuery)
			}
			cmd.stderr.waitFor(t, regexp.MustCompile(`paste the code`), 5*time.Second)

			loc := approve(t, sb, m[1])
			pageURL := sb.URL() + loc.RequestURI()
			status, page := follow(t, pageURL)
			code, err := factorialtest.NativeCode(page)
			if status != http.StatusOK || err != nil {
				t.Fatalf("native page %d: %v", status, err)
			}
			if _, err := io.WriteString(pw, tc.paste(pageURL, code)); err != nil {
				t.Fatal(err)
			}

			r := cmd.wait(t)
			if r.code != exitOK {
				t.Fatalf("exit %d\n%s", r.code, r.all())
			}
			if !strings.Contains(r.stdout, "Logged in to "+sb.URL()+" as Ada Admin <admin@example.com> (employee 1001, role admin).") {
				t.Errorf("stdout:\n%s", r.stdout)
			}
			whoAmI := "GET /api/" + factorial.DefaultAPIVersion + "/resources/api_public/credentials"
			if tc.api != nil {
				whoAmI = "GET /api/v1/me"
			}
			if reqs := sb.requested(); !slices.Contains(reqs, whoAmI) || slices.ContainsFunc(reqs, func(r string) bool {
				return r != whoAmI && (strings.Contains(r, "/credentials") || strings.HasSuffix(r, "/me"))
			}) {
				t.Errorf("requests %q: want %s alone to say who logged in", reqs, whoAmI)
			}
			if !regexp.MustCompile(`Scopes: read write; the access token expires at \S+ \(in (1h59m5\ds|2h0m0s)\)`).MatchString(r.stdout) {
				t.Errorf("no scopes/expiry line:\n%s", r.stdout)
			}
			tok := sb.storedToken(t)
			if !sb.TokenActive(tok.AccessToken) || tok.RefreshToken == "" {
				t.Error("stored token is not an active token pair")
			}
			if info, err := os.Stat(sb.tokenFile()); err != nil || info.Mode().Perm() != 0o600 {
				t.Errorf("token file: %v, mode %v", err, info.Mode())
			}
			if n := sb.TokenRequests("authorization_code"); n != 1 {
				t.Errorf("%d code exchanges, want 1", n)
			}
			assertNoSecrets(t, r.all(), sb.allSecrets())
		})
	}
}

func TestLoginOutOfBandRejectsGarbage(t *testing.T) {
	sb := newSandbox(t)
	r := runCLIInput(t, "not a code at all\n", sb.oauthArgs("auth", "login", "--oob", "--no-browser")...)
	if r.code != exitUsage || !strings.Contains(r.stderr, "not an authorization code") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	if strings.Contains(r.stderr, "not a code at all") {
		t.Error("the error quotes the pasted input")
	}
	r = runCLIInput(t, "", sb.oauthArgs("auth", "login", "--oob", "--no-browser")...)
	if r.code != exitUsage || !strings.Contains(r.stderr, "no code entered") {
		t.Fatalf("empty input: exit %d\n%s", r.code, r.all())
	}
	if _, err := os.Stat(sb.tokenFile()); err == nil {
		t.Error("a failed login stored a token")
	}
}

func TestLoginLoopback(t *testing.T) {
	sb := newSandbox(t)
	cmd := startCLI(t, nil, sb.oauthArgs("auth", "login", "--no-browser")...)
	m := cmd.stderr.waitFor(t, authorizeURLRE, 10*time.Second)
	au, _ := url.Parse(m[1])
	redirect := au.Query().Get("redirect_uri")
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+/callback$`).MatchString(redirect) {
		t.Fatalf("redirect_uri = %q, want a loopback callback", redirect)
	}
	cmd.stderr.waitFor(t, regexp.MustCompile(`Waiting for the redirect to `+regexp.QuoteMeta(redirect)), 5*time.Second)

	// A redirect that does not carry this login's state is refused and
	// does not end the login.
	status, page := follow(t, redirect+"?code=forged&state=forged")
	if status != http.StatusBadRequest || !strings.Contains(page, "Login refused") {
		t.Fatalf("forged callback: %d %s", status, page)
	}

	loc := approve(t, sb, m[1])
	if got := loc.Scheme + "://" + loc.Host + loc.Path; got != redirect {
		t.Fatalf("server redirected to %s, want %s", got, redirect)
	}
	status, page = follow(t, loc.String())
	if status != http.StatusOK || !strings.Contains(page, "Authorization received") {
		t.Fatalf("callback page %d: %s", status, page)
	}
	r := cmd.wait(t)
	if r.code != exitOK {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	if !strings.Contains(r.stdout, "Logged in to "+sb.URL()+" as Ada Admin") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	// Who the new login is comes from the current API, not v1's /me.
	reqs := sb.requested()
	if !slices.Contains(reqs, "GET /api/"+factorial.DefaultAPIVersion+"/resources/api_public/credentials") || slices.Contains(reqs, "GET /api/v1/me") {
		t.Errorf("requests %q: want the dated credentials and not /api/v1/me", reqs)
	}
	if !sb.TokenActive(sb.storedToken(t).AccessToken) {
		t.Error("stored token is not active")
	}
	// The listener is gone once the login is over.
	if _, err := http.Get(redirect); err == nil {
		t.Error("the callback listener still answers after the login")
	}
	assertNoSecrets(t, r.all(), sb.allSecrets())
}

func TestLoginLoopbackDenied(t *testing.T) {
	sb := newSandbox(t)
	cmd := startCLI(t, nil, sb.oauthArgs("auth", "login", "--no-browser")...)
	m := cmd.stderr.waitFor(t, authorizeURLRE, 10*time.Second)

	// Click Deny: the consent page's second form.
	resp, err := http.Get(m[1])
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	form, err := factorialtest.ConsentForm(string(body))
	if err != nil {
		t.Fatal(err)
	}
	form.Set("_method", "delete")
	noFollow := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	resp, err = noFollow.PostForm(sb.URL()+"/oauth/authorize", form)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	status, page := follow(t, resp.Header.Get("Location"))
	if status != http.StatusOK || !strings.Contains(page, "Login failed") {
		t.Fatalf("callback page %d: %s", status, page)
	}
	r := cmd.wait(t)
	if r.code != exitAPI || !strings.Contains(r.stderr, "access_denied") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
	if _, err := os.Stat(sb.tokenFile()); err == nil {
		t.Error("a denied login stored a token")
	}
}

func TestLoginTimesOut(t *testing.T) {
	sb := newSandbox(t)
	r := runCLI(t, sb.oauthArgs("auth", "login", "--no-browser", "--timeout", "200ms")...)
	if r.code != exitAPI || !strings.Contains(r.stderr, "no authorization arrived within 200ms") {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
}

func TestLoginInterrupted(t *testing.T) {
	sb := newSandbox(t)
	cmd := startCLI(t, nil, sb.oauthArgs("auth", "login", "--no-browser")...)
	cmd.stderr.waitFor(t, regexp.MustCompile(`Waiting for the redirect`), 10*time.Second)
	cmd.cancel()
	if r := cmd.wait(t); r.code != exitInterrupted {
		t.Fatalf("exit %d\n%s", r.code, r.all())
	}
}

// The browser is opened unless --no-browser, with the same URL as printed.
func TestLoginOpensBrowser(t *testing.T) {
	sb := newSandbox(t)
	opened := make(chan string, 1)
	a := &app{stdin: strings.NewReader(""), stdout: io.Discard, stderr: &syncBuffer{}, getenv: func(string) string { return "" },
		openURL: func(_ context.Context, u string) error { opened <- u; return nil }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- a.dispatch(ctx, sb.oauthArgs("auth", "login", "--timeout", "10s")) }()
	var u string
	select {
	case u = <-opened:
	case <-time.After(10 * time.Second):
		t.Fatal("browser not opened")
	}
	printed := a.stderr.(*syncBuffer).waitFor(t, authorizeURLRE, 5*time.Second)[1]
	if u != printed {
		t.Errorf("opened %s, printed %s", u, printed)
	}
	cancel()
	<-done
}

func TestBrowserCommand(t *testing.T) {
	tests := []struct {
		goos, env string
		name      string
		args      []string
	}{
		{goos: "linux", name: "xdg-open", args: []string{"U"}},
		{goos: "darwin", name: "open", args: []string{"U"}},
		{goos: "windows", name: "rundll32", args: []string{"url.dll,FileProtocolHandler", "U"}},
		{goos: "linux", env: "firefox --new-tab", name: "firefox", args: []string{"--new-tab", "U"}},
		{goos: "linux", env: "w3m %s:lynx", name: "w3m", args: []string{"U"}},
		{goos: "plan9", name: ""},
	}
	if runtime.GOOS == "linux" {
		err := openBrowser(context.Background(), func(string) string { return "" }, "http://127.0.0.1:1/")
		if err == nil || !strings.Contains(err.Error(), "no graphical display") {
			t.Errorf("without a display: %v", err)
		}
	}
	for _, tc := range tests {
		name, args := browserCommand(tc.goos, tc.env, "U")
		if name != tc.name || strings.Join(args, " ") != strings.Join(tc.args, " ") {
			t.Errorf("%s %q: got %s %v", tc.goos, tc.env, name, args)
		}
	}
}
