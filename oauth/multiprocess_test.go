package oauth_test

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
)

const rotationsPerChild = 100

// childRotate shares the FileStore with another process and forces
// rotations until this process has made rotationsPerChild of them itself,
// calling /api/v1/me with every token and recovering from 401 the way the
// client layer does (RefreshIfStale).
func childRotate() int {
	fail := func(format string, args ...any) int {
		fmt.Fprintf(os.Stderr, format+"\n", args...)
		return 1
	}
	base := os.Getenv("OAUTH_TEST_URL")
	cfg, err := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret, oauth.OOBRedirectURI, oauth.WithBaseURL(base))
	if err != nil {
		return fail("config: %v", err)
	}
	store, err := oauth.NewFileStore(os.Getenv("OAUTH_TEST_PATH"))
	if err != nil {
		return fail("store: %v", err)
	}
	minted := 0
	ts, err := oauth.NewTokenSource(cfg, store, oauth.WithOnRefresh(func(*oauth.Token) { minted++ }))
	if err != nil {
		return fail("source: %v", err)
	}
	client, err := api.NewClientWithResponses(base, api.WithHTTPClient(&http.Client{Timeout: 10 * time.Second}))
	if err != nil {
		return fail("client: %v", err)
	}
	ctx := context.Background()
	adopted, recovered := 0, 0
	for minted < rotationsPerChild {
		tok, err := ts.TokenContext(ctx)
		if err != nil {
			return fail("token: %v", err)
		}
		resp, err := client.GetMeWithResponse(ctx, oauth.BearerEditor(ts))
		if err != nil {
			return fail("me: %v", err)
		}
		if resp.StatusCode() == http.StatusUnauthorized {
			// The other process rotated the pair: pick up its token.
			recovered++
			if _, err := ts.RefreshIfStale(ctx, tok.AccessToken); err != nil {
				return fail("refresh after 401: %v", err)
			}
			continue
		}
		if resp.StatusCode() != http.StatusOK {
			return fail("me: status %d", resp.StatusCode())
		}
		before := minted
		if _, err := ts.RefreshIfStale(ctx, tok.AccessToken); err != nil {
			return fail("forced rotation: %v", err)
		}
		if minted == before {
			adopted++
		}
	}
	fmt.Printf("minted=%d adopted=%d recovered=%d\n", minted, adopted, recovered)
	return 0
}

func TestTwoProcessesShareFileStore(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	// No grace window: a refresh token spent twice is invalid_grant.
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	path := filepath.Join(t.TempDir(), "shared", "token.json")
	store, err := oauth.NewFileStore(path)
	if err != nil {
		t.Fatal(err)
	}
	issued, _ := srv.IssueToken(factorialtest.AdminUserID)
	if err := store.Save(context.Background(), issued.Token()); err != nil {
		t.Fatal(err)
	}

	type child struct {
		cmd    *exec.Cmd
		stdout bytes.Buffer
		stderr bytes.Buffer
	}
	children := make([]*child, 2)
	for i := range children {
		c := &child{cmd: exec.Command(os.Args[0], "-test.run=^$")}
		c.cmd.Env = append(os.Environ(), childEnv+"=rotate", "OAUTH_TEST_URL="+srv.URL(), "OAUTH_TEST_PATH="+path)
		c.cmd.Stdout, c.cmd.Stderr = &c.stdout, &c.stderr
		if err := c.cmd.Start(); err != nil {
			t.Fatal(err)
		}
		children[i] = c
	}
	for i, c := range children {
		if err := c.cmd.Wait(); err != nil {
			t.Errorf("child %d: %v\n%s", i, err, c.stderr.String())
		}
		t.Logf("child %d: %s", i, strings.TrimSpace(c.stdout.String()))
	}
	for _, c := range children {
		for _, s := range srv.Secrets() {
			if strings.Contains(c.stderr.String(), s) || strings.Contains(c.stdout.String(), s) {
				t.Error("a child printed a secret")
			}
		}
	}
	if t.Failed() {
		return
	}

	if n := srv.TokenErrors("invalid_grant"); n != 0 {
		t.Errorf("%d invalid_grant errors: a refresh token was spent twice", n)
	}
	if n := srv.TokenRequests("refresh_token"); n != 2*rotationsPerChild {
		t.Errorf("%d refresh requests, want %d", n, 2*rotationsPerChild)
	}
	last, _ := srv.LastIssued()
	final, err := store.Load(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if final.RefreshToken != last.RefreshToken || final.AccessToken != last.AccessToken || !srv.TokenActive(final.AccessToken) {
		t.Error("the file does not hold the last token the server issued")
	}
	cfg, _ := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret, oauth.OOBRedirectURI, oauth.WithBaseURL(srv.URL()))
	if _, err := cfg.Refresh(context.Background(), final.RefreshToken); err != nil {
		t.Errorf("the stored refresh token does not work: %v", err)
	}
	total := 0
	for _, c := range children {
		f := strings.Fields(c.stdout.String())
		if len(f) > 0 {
			n, _ := strconv.Atoi(strings.TrimPrefix(f[0], "minted="))
			total += n
		}
	}
	if total != 2*rotationsPerChild {
		t.Errorf("children report %d rotations", total)
	}
}
