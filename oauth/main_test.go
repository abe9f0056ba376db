package oauth_test

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/internal/specvalidate"
	"github.com/factorial-go/factorial/oauth"
)

// childEnv selects a helper mode when the test binary re-executes itself
// (see multiprocess_test.go and filestore_test.go).
const childEnv = "OAUTH_TEST_CHILD"

func TestMain(m *testing.M) {
	switch os.Getenv(childEnv) {
	case "":
		os.Exit(m.Run())
	case "rotate":
		os.Exit(childRotate())
	case "save-loop":
		os.Exit(childSaveLoop())
	default:
		fmt.Fprintln(os.Stderr, "unknown child mode")
		os.Exit(2)
	}
}

// leakCheck collects every error message and log line a test produces and,
// when the test ends, fails it if any contains a secret: the server's
// (client secret, codes, tokens, API keys) plus the ones a test adds
// (PKCE verifiers, states).
type leakCheck struct {
	t      *testing.T
	srv    *factorialtest.Server
	mu     sync.Mutex
	texts  []string
	extra  []string
	logBuf bytes.Buffer
}

func newLeakCheck(t *testing.T, srv *factorialtest.Server) *leakCheck {
	lc := &leakCheck{t: t, srv: srv}
	t.Cleanup(lc.verify)
	return lc
}

// err records err's message (and returns err for inline use).
func (lc *leakCheck) err(err error) error {
	if err != nil {
		lc.mu.Lock()
		lc.texts = append(lc.texts, err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err))
		lc.mu.Unlock()
	}
	return err
}

// text records any output (a printed token, say).
func (lc *leakCheck) text(s string) {
	lc.mu.Lock()
	lc.texts = append(lc.texts, s)
	lc.mu.Unlock()
}

func (lc *leakCheck) secret(s ...string) {
	lc.mu.Lock()
	lc.extra = append(lc.extra, s...)
	lc.mu.Unlock()
}

// logger writes debug-level JSON logs into the check.
func (lc *leakCheck) logger() *slog.Logger {
	return slog.New(slog.NewJSONHandler(syncWriter{lc}, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

type syncWriter struct{ lc *leakCheck }

func (w syncWriter) Write(p []byte) (int, error) {
	w.lc.mu.Lock()
	defer w.lc.mu.Unlock()
	return w.lc.logBuf.Write(p)
}

func (lc *leakCheck) verify() {
	lc.mu.Lock()
	defer lc.mu.Unlock()
	secrets := append(lc.srv.Secrets(), lc.extra...)
	all := append(lc.texts, lc.logBuf.String())
	scanned := 0
	for _, text := range all {
		for _, s := range secrets {
			if len(s) >= 8 && strings.Contains(text, s) {
				lc.t.Errorf("secret leaked into output: %q", text)
			}
		}
		scanned++
	}
	if scanned == 0 {
		lc.t.Error("leak check scanned nothing")
	}
}

// newServer starts a fake on a frozen clock with spec violations failing t.
func newServer(t *testing.T, opts ...factorialtest.Option) *factorialtest.Server {
	t.Helper()
	return factorialtest.NewServer(append([]factorialtest.Option{
		factorialtest.WithTB(t),
		factorialtest.WithFrozenClock(time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)),
	}, opts...)...)
}

// validatingClient checks the client's side of every exchange against
// openapi.yaml as well.
func validatingClient(t *testing.T, srv *factorialtest.Server) *http.Client {
	return &http.Client{
		Timeout: 10 * time.Second,
		Transport: &specvalidate.Transport{
			Validator: specvalidate.MustNew(),
			Base:      srv.Client().Transport,
			Report:    func(err error) { t.Error(err) },
		},
	}
}

// newConfig configures the default application against srv, on srv's clock.
func newConfig(t *testing.T, srv *factorialtest.Server, lc *leakCheck, redirect string, opts ...oauth.Option) *oauth.Config {
	t.Helper()
	base := []oauth.Option{
		oauth.WithBaseURL(srv.URL()),
		oauth.WithClock(srv.Now),
		oauth.WithHTTPClient(validatingClient(t, srv)),
		oauth.WithLogger(lc.logger()),
	}
	cfg, err := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret, redirect, append(base, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	return cfg
}

// me calls GET /api/v1/me through the generated client with editor.
func me(t *testing.T, srv *factorialtest.Server, editor api.RequestEditorFn) (*api.GetMeResponse, error) {
	t.Helper()
	c, err := api.NewClientWithResponses(srv.URL(), api.WithHTTPClient(validatingClient(t, srv)), api.WithRequestEditorFn(editor))
	if err != nil {
		t.Fatal(err)
	}
	return c.GetMeWithResponse(context.Background())
}
