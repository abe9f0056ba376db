package main

import (
	"bufio"
	"context"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestBrowserLogin is the real thing: factorial auth login prints its
// authorize URL, a headless Chromium opens it, clicks Authorize on the
// sandbox's consent page, the browser follows the redirect to the CLI's
// loopback listener, and the CLI ends logged in.
//
// Chromium is driven over the DevTools protocol on a pipe
// (--remote-debugging-pipe: JSON messages separated by NUL bytes on file
// descriptors 3 and 4), which needs no WebSocket client and no module
// beyond the standard library. The test skips only when no Chromium binary
// is found; set FACTORIAL_CHROMIUM to choose one, and
// FACTORIAL_E2E_SCREENSHOTS to a directory to keep screenshots.
func TestBrowserLogin(t *testing.T) {
	chromium := findChromium()
	if chromium == "" {
		t.Skip("no Chromium binary found (looked at $FACTORIAL_CHROMIUM, /usr/bin/chromium, chromium, chromium-browser, google-chrome): install Debian's chromium to run the browser test")
	}
	sb := newSandbox(t)
	cmd := startCLI(t, nil, sb.oauthArgs("auth", "login", "--no-browser", "--timeout", "60s")...)
	authorizeURL := cmd.stderr.waitFor(t, authorizeURLRE, 10*time.Second)[1]

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	b := launchChromium(ctx, t, chromium)
	page := b.open(ctx, t, authorizeURL)

	b.waitTrue(ctx, t, page, `document.querySelector('#authorize button') !== null`)
	consent := b.eval(ctx, t, page, `document.body.innerText`)
	if !strings.Contains(consent, "Authorize factorialtest to use the account of admin@example.com?") {
		t.Fatalf("consent page text:\n%s", consent)
	}
	b.screenshot(ctx, t, page, "1-consent.png")
	b.eval(ctx, t, page, `document.querySelector('#authorize button').click(), 'clicked'`)

	// The click posts the form; the server redirects to the CLI's listener.
	r := cmd.wait(t)
	if r.code != exitOK {
		t.Fatalf("login: exit %d\n%s", r.code, r.all())
	}
	if !strings.Contains(r.stdout, "Logged in to "+sb.URL()+" as Ada Admin <admin@example.com>") {
		t.Errorf("login output:\n%s", r.stdout)
	}
	b.waitTrue(ctx, t, page, `(document.getElementById('result') || {}).textContent === 'Authorization received'`)
	landed := b.eval(ctx, t, page, `location.origin + location.pathname`)
	if !regexp.MustCompile(`^http://127\.0\.0\.1:\d+/callback$`).MatchString(landed) {
		t.Errorf("browser ended at %s, want the CLI's loopback callback", landed)
	}
	b.screenshot(ctx, t, page, "2-callback.png")

	status := runCLI(t, sb.oauthArgs("auth", "status")...)
	if status.code != exitOK || !strings.Contains(status.stdout, "Logged in to "+sb.URL()+" as Ada Admin") {
		t.Fatalf("auth status: exit %d\n%s", status.code, status.all())
	}
	if n := sb.TokenRequests("authorization_code"); n != 1 {
		t.Errorf("%d code exchanges, want 1", n)
	}
	assertNoSecrets(t, r.all()+status.all(), sb.allSecrets())
}

func findChromium() string {
	if p := os.Getenv("FACTORIAL_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// devtools is a minimal Chrome DevTools Protocol client over the pipe.
type devtools struct {
	w       io.Writer
	mu      sync.Mutex
	next    int
	pending map[int]chan cdpMessage
}

type cdpMessage struct {
	ID        int             `json:"id,omitempty"`
	Method    string          `json:"method,omitempty"`
	Params    any             `json:"params,omitempty"`
	SessionID string          `json:"sessionId,omitempty"`
	Result    json.RawMessage `json:"result,omitempty"`
	Error     *struct {
		Message string `json:"message"`
	} `json:"error,omitempty"`
}

func launchChromium(ctx context.Context, t *testing.T, binary string) *devtools {
	t.Helper()
	// fd 3: the browser reads commands; fd 4: it writes replies.
	cmdR, cmdW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	repR, repW, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	proc := exec.Command(binary,
		"--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
		"--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--no-proxy-server", "--user-data-dir="+t.TempDir(), "--remote-debugging-pipe", "about:blank")
	proc.ExtraFiles = []*os.File{cmdR, repW}
	var logs syncBuffer
	proc.Stdout, proc.Stderr = &logs, &logs
	if err := proc.Start(); err != nil {
		t.Fatalf("start %s: %v", binary, err)
	}
	cmdR.Close()
	repW.Close()
	d := &devtools{w: cmdW, pending: map[int]chan cdpMessage{}}
	exited := make(chan struct{})
	go func() {
		_ = proc.Wait()
		close(exited)
	}()
	go d.read(repR)
	t.Cleanup(func() {
		closeCtx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		_ = d.call(closeCtx, "", "Browser.close", nil, nil)
		select {
		case <-exited:
		case <-time.After(5 * time.Second):
			_ = proc.Process.Kill()
			<-exited
		}
		cmdW.Close()
		repR.Close()
		if t.Failed() {
			t.Logf("chromium output:\n%s", logs.String())
		}
	})
	// The first answer proves the browser is up.
	var v struct {
		Product string `json:"product"`
	}
	if err := d.call(ctx, "", "Browser.getVersion", nil, &v); err != nil {
		t.Fatalf("chromium did not answer on the DevTools pipe: %v\n%s", err, logs.String())
	}
	t.Logf("browser: %s", v.Product)
	return d
}

func (d *devtools) read(r io.Reader) {
	br := bufio.NewReader(r)
	for {
		frame, err := br.ReadBytes(0)
		if err != nil {
			d.mu.Lock()
			for id, ch := range d.pending {
				close(ch)
				delete(d.pending, id)
			}
			d.mu.Unlock()
			return
		}
		var m cdpMessage
		if json.Unmarshal(frame[:len(frame)-1], &m) != nil || m.ID == 0 {
			continue // events are not needed
		}
		d.mu.Lock()
		ch := d.pending[m.ID]
		delete(d.pending, m.ID)
		d.mu.Unlock()
		if ch != nil {
			ch <- m
		}
	}
}

func (d *devtools) call(ctx context.Context, session, method string, params, result any) error {
	d.mu.Lock()
	d.next++
	id := d.next
	ch := make(chan cdpMessage, 1)
	d.pending[id] = ch
	data, err := json.Marshal(cdpMessage{ID: id, Method: method, Params: params, SessionID: session})
	if err == nil {
		_, err = d.w.Write(append(data, 0))
	}
	d.mu.Unlock()
	if err != nil {
		return err
	}
	select {
	case m, ok := <-ch:
		if !ok {
			return errors.New("browser closed the pipe")
		}
		if m.Error != nil {
			return fmt.Errorf("%s: %s", method, m.Error.Message)
		}
		if result != nil {
			return json.Unmarshal(m.Result, result)
		}
		return nil
	case <-ctx.Done():
		return fmt.Errorf("%s: %w", method, ctx.Err())
	}
}

// open creates a tab at url and returns its session id.
func (d *devtools) open(ctx context.Context, t *testing.T, url string) string {
	t.Helper()
	var target struct {
		TargetID string `json:"targetId"`
	}
	if err := d.call(ctx, "", "Target.createTarget", map[string]any{"url": url}, &target); err != nil {
		t.Fatal(err)
	}
	var attached struct {
		SessionID string `json:"sessionId"`
	}
	if err := d.call(ctx, "", "Target.attachToTarget", map[string]any{"targetId": target.TargetID, "flatten": true}, &attached); err != nil {
		t.Fatal(err)
	}
	return attached.SessionID
}

// eval runs JavaScript in the page and returns the result as a string.
func (d *devtools) eval(ctx context.Context, t *testing.T, session, expr string) string {
	t.Helper()
	var res struct {
		Result struct {
			Value any `json:"value"`
		} `json:"result"`
		ExceptionDetails *struct {
			Text string `json:"text"`
		} `json:"exceptionDetails"`
	}
	if err := d.call(ctx, session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &res); err != nil {
		t.Fatal(err)
	}
	if res.ExceptionDetails != nil {
		t.Fatalf("%s: %s", expr, res.ExceptionDetails.Text)
	}
	return fmt.Sprint(res.Result.Value)
}

// waitTrue polls a boolean expression until it holds; navigation in
// between (the page is replaced) just means trying again.
func (d *devtools) waitTrue(ctx context.Context, t *testing.T, session, expr string) {
	t.Helper()
	for {
		var res struct {
			Result struct {
				Value any `json:"value"`
			} `json:"result"`
		}
		err := d.call(ctx, session, "Runtime.evaluate", map[string]any{"expression": expr, "returnByValue": true}, &res)
		if err == nil && res.Result.Value == true {
			return
		}
		select {
		case <-ctx.Done():
			t.Fatalf("never true: %s (last error %v)", expr, err)
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// screenshot saves the page when FACTORIAL_E2E_SCREENSHOTS names a
// directory, for a person to look at.
func (d *devtools) screenshot(ctx context.Context, t *testing.T, session, name string) {
	t.Helper()
	dir := os.Getenv("FACTORIAL_E2E_SCREENSHOTS")
	if dir == "" {
		return
	}
	var shot struct {
		Data string `json:"data"`
	}
	if err := d.call(ctx, session, "Page.captureScreenshot", map[string]any{"format": "png"}, &shot); err != nil {
		t.Errorf("screenshot: %v", err)
		return
	}
	png, err := base64.StdEncoding.DecodeString(shot.Data)
	if err == nil {
		err = os.WriteFile(filepath.Join(dir, name), png, 0o644)
	}
	if err != nil {
		t.Errorf("screenshot: %v", err)
	}
}
