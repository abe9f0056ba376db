package pgstore_test

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
	"github.com/factorial-go/factorial/oauth/pgstore"
)

// Environment of a child replica.
const (
	envDB   = "PGSTORE_TEST_DB"   // database URL
	envFake = "PGSTORE_TEST_FAKE" // factorialtest server URL
	envKey  = "PGSTORE_TEST_KEY"  // the token key
	envNow  = "PGSTORE_TEST_NOW"  // the fake's clock at start, Unix nanoseconds
)

const replicaKey = "company-4242"

func runChild(mode string) int {
	var err error
	switch mode {
	case "replica":
		err = childReplica()
	case "hold":
		err = childHold()
	case "die-after-rotate":
		err = childDieAfterRotate()
	default:
		err = fmt.Errorf("unknown child mode %q", mode)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "child:", err)
		return 1
	}
	return 0
}

// childSetup connects as a separate machine would: its own pool, its own
// Config, on the clock the parent sets.
func childSetup(ctx context.Context, now *atomic.Int64, httpClient *http.Client, opts ...oauth.TokenSourceOption) (*pgxpool.Pool, *oauth.TokenSource, error) {
	pool, err := pgxpool.New(ctx, os.Getenv(envDB))
	if err != nil {
		return nil, nil, err
	}
	store, err := pgstore.New(pool, pgstore.WithEncryptionKey(testKey))
	if err != nil {
		return nil, nil, err
	}
	start, err := strconv.ParseInt(os.Getenv(envNow), 10, 64)
	if err != nil {
		return nil, nil, err
	}
	now.Store(start)
	cfgOpts := []oauth.Option{
		oauth.WithBaseURL(os.Getenv(envFake)),
		oauth.WithClock(func() time.Time { return time.Unix(0, now.Load()) }),
	}
	if httpClient != nil {
		cfgOpts = append(cfgOpts, oauth.WithHTTPClient(httpClient))
	}
	cfg, err := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret, oauth.OOBRedirectURI, cfgOpts...)
	if err != nil {
		return nil, nil, err
	}
	sources, err := oauth.NewTokenSources(cfg, store, opts...)
	if err != nil {
		return nil, nil, err
	}
	ts, err := sources.Source(os.Getenv(envKey))
	return pool, ts, err
}

// childReplica loads the key's token, says "ready", then obeys one
// command per stdin line and answers "ok N" with N the refreshes it made
// itself, after checking at the server that the token it got works:
//
//	force         RefreshIfStale with the current token (a 401's path)
//	expire NANOS  set the clock to NANOS (past the expiry) and get a token
func childReplica() error {
	ctx := context.Background()
	var now atomic.Int64
	var minted atomic.Int64
	pool, ts, err := childSetup(ctx, &now, nil, oauth.WithOnRefresh(func(*oauth.Token) { minted.Add(1) }))
	if err != nil {
		return err
	}
	defer pool.Close()
	// Start with the stored token, as a replica that has been serving
	// requests would: a forced refresh is about the token a process used.
	if _, err := ts.TokenContext(ctx); err != nil {
		return fmt.Errorf("first token: %w", err)
	}
	fmt.Println("ready")
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		f := strings.Fields(in.Text())
		before := minted.Load()
		var access string
		switch {
		case len(f) == 1 && f[0] == "force":
			cur, err := ts.TokenContext(ctx)
			if err != nil {
				return fmt.Errorf("token: %w", err)
			}
			tok, err := ts.RefreshIfStale(ctx, cur.AccessToken)
			if err != nil {
				return fmt.Errorf("forced refresh: %w", err)
			}
			if tok.AccessToken == cur.AccessToken {
				return errors.New("forced refresh returned the stale token")
			}
			access = tok.AccessToken
		case len(f) == 2 && f[0] == "expire":
			n, err := strconv.ParseInt(f[1], 10, 64)
			if err != nil {
				return err
			}
			now.Store(n)
			tok, err := ts.TokenContext(ctx)
			if err != nil {
				return fmt.Errorf("token after expiry: %w", err)
			}
			access = tok.AccessToken
		default:
			return fmt.Errorf("unknown command %q", in.Text())
		}
		if err := checkMe(ctx, access); err != nil {
			return err
		}
		fmt.Printf("ok %d\n", minted.Load()-before)
	}
	return in.Err()
}

// checkMe calls GET /api/v1/me with the token.
func checkMe(ctx context.Context, access string) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, os.Getenv(envFake)+"/api/v1/me", nil)
	if err != nil {
		return err
	}
	req.Header.Set("Authorization", "Bearer "+access)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	_, _ = io.Copy(io.Discard, resp.Body)
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET /api/v1/me with the token: status %d", resp.StatusCode)
	}
	return nil
}

// childHold takes the key's lock, says "locked" and waits to be killed.
func childHold() error {
	ctx := context.Background()
	pool, err := pgxpool.New(ctx, os.Getenv(envDB))
	if err != nil {
		return err
	}
	store, err := pgstore.New(pool, pgstore.WithEncryptionKey(testKey))
	if err != nil {
		return err
	}
	lk, err := store.Lock(ctx, os.Getenv(envKey))
	if err != nil {
		return err
	}
	if _, err := lk.Load(ctx); err != nil {
		return err
	}
	fmt.Println("locked")
	time.Sleep(time.Hour)
	return errors.New("not killed")
}

// stallAfterToken lets a token response reach the client in full, says
// "rotated" and never returns: the process is between the server's
// rotation and the commit of the new token when the parent kills it.
type stallAfterToken struct{ base http.RoundTripper }

func (s stallAfterToken) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := s.base.RoundTrip(req)
	if err == nil && strings.HasSuffix(req.URL.Path, "/oauth/token") && resp.StatusCode == http.StatusOK {
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		fmt.Println("rotated")
		time.Sleep(time.Hour)
	}
	return resp, err
}

func childDieAfterRotate() error {
	ctx := context.Background()
	var now atomic.Int64
	pool, ts, err := childSetup(ctx, &now, &http.Client{Transport: stallAfterToken{http.DefaultTransport}})
	if err != nil {
		return err
	}
	defer pool.Close()
	cur, err := ts.TokenContext(ctx)
	if err != nil {
		return err
	}
	_, err = ts.RefreshIfStale(ctx, cur.AccessToken)
	return fmt.Errorf("refresh returned: %w", err)
}

// child is a re-executed test binary acting as another replica.
type child struct {
	cmd    *exec.Cmd
	stdin  io.WriteCloser
	lines  chan string
	stderr lockedBuffer
	mu     sync.Mutex
	out    strings.Builder // everything the child printed
}

type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func startChild(t *testing.T, mode, dbURL string, srv *factorialtest.Server) *child {
	t.Helper()
	c := &child{cmd: exec.Command(os.Args[0], "-test.run=^$"), lines: make(chan string, 16)}
	c.cmd.Env = append(os.Environ(), childEnv+"="+mode, envDB+"="+dbURL, envFake+"="+srv.URL(),
		envKey+"="+replicaKey, envNow+"="+strconv.FormatInt(srv.Now().UnixNano(), 10))
	c.cmd.Stderr = &c.stderr
	var err error
	if c.stdin, err = c.cmd.StdinPipe(); err != nil {
		t.Fatal(err)
	}
	stdout, err := c.cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() {
		sc := bufio.NewScanner(stdout)
		for sc.Scan() {
			c.mu.Lock()
			c.out.WriteString(sc.Text() + "\n")
			c.mu.Unlock()
			c.lines <- sc.Text()
		}
		close(c.lines)
	}()
	t.Cleanup(func() {
		_ = c.cmd.Process.Kill()
		_ = c.cmd.Wait()
		c.mu.Lock()
		defer c.mu.Unlock()
		for _, s := range srv.Secrets() {
			if len(s) >= 8 && (strings.Contains(c.out.String(), s) || strings.Contains(c.stderr.String(), s)) {
				t.Errorf("child %s printed a secret", mode)
			}
		}
	})
	return c
}

// next returns the child's next output line.
func (c *child) next(t *testing.T, timeout time.Duration) string {
	t.Helper()
	select {
	case line, ok := <-c.lines:
		if !ok {
			t.Fatalf("child exited: %v\n%s", c.cmd.Wait(), c.stderr.String())
		}
		return line
	case <-time.After(timeout):
		t.Fatalf("no answer from the child in %v\n%s", timeout, c.stderr.String())
	}
	return ""
}

// replicaFigures reads the race's size from the environment (for longer
// runs by hand), with defaults that keep the test to a few seconds.
func replicaFigures() (procs, expiries int) {
	procs, expiries = 6, 200
	if n, err := strconv.Atoi(os.Getenv("PGSTORE_RACE_PROCS")); err == nil && n > 0 {
		procs = n
	}
	if n, err := strconv.Atoi(os.Getenv("PGSTORE_RACE_EXPIRIES")); err == nil && n > 0 {
		expiries = n
	}
	return procs, expiries
}

// N processes, each with its own pool as separate machines would have,
// need a token of the same key at the same moment, M times: half the time
// because the parent moved the clock past the expiry, half because a 401
// made them all force a refresh. Against the fake's strict rotation (a
// refresh token spent twice is invalid_grant), every expiry must cost
// exactly one refresh at the server and every process must get a working
// token.
func TestReplicasRefreshOncePerExpiry(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	t.Parallel()
	pool, dbURL := newDB(t)
	ctx := context.Background()
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(frozenStart))
	issued, err := srv.IssueToken(factorialtest.AdminUserID)
	if err != nil {
		t.Fatal(err)
	}
	store, _ := pgstore.New(pool, pgstore.WithEncryptionKey(testKey))
	if err := store.Save(ctx, replicaKey, issued.Token()); err != nil {
		t.Fatal(err)
	}
	procs, expiries := replicaFigures()
	children := make([]*child, procs)
	for i := range children {
		children[i] = startChild(t, "replica", dbURL, srv)
	}
	for i, c := range children {
		if line := c.next(t, 60*time.Second); line != "ready" {
			t.Fatalf("child %d said %q", i, line)
		}
	}
	start := time.Now()
	mintedBy := make([]int, procs)
	forced, timed := 0, 0
	for round := range expiries {
		cmd := "force"
		if round%2 == 1 {
			srv.Advance(3 * time.Hour)
			cmd = fmt.Sprintf("expire %d", srv.Now().UnixNano())
			timed++
		} else {
			forced++
		}
		for _, c := range children {
			if _, err := io.WriteString(c.stdin, cmd+"\n"); err != nil {
				t.Fatal(err)
			}
		}
		minted := 0
		for i, c := range children {
			line := c.next(t, 60*time.Second)
			n, err := strconv.Atoi(strings.TrimPrefix(line, "ok "))
			if err != nil {
				t.Fatalf("child %d: %q", i, line)
			}
			minted += n
			mintedBy[i] += n
		}
		if got := srv.TokenRequests("refresh_token"); got != round+1 || minted != 1 {
			t.Fatalf("expiry %d (%s): %d refreshes at the server so far (want %d), %d by the processes this time (want 1)",
				round+1, strings.Fields(cmd)[0], got, round+1, minted)
		}
	}
	elapsed := time.Since(start)
	for _, c := range children {
		_ = c.stdin.Close()
	}
	for i, c := range children {
		if err := c.cmd.Wait(); err != nil {
			t.Errorf("child %d: %v\n%s", i, err, c.stderr.String())
		}
	}
	invalid := srv.TokenErrors("invalid_grant")
	refreshes := srv.TokenRequests("refresh_token")
	if invalid != 0 {
		t.Errorf("%d invalid_grant: a refresh token was spent twice", invalid)
	}
	last, _ := srv.LastIssued()
	final, err := store.Load(ctx, replicaKey)
	if err != nil {
		t.Fatal(err)
	}
	if final.RefreshToken != last.RefreshToken || !srv.TokenActive(final.AccessToken) {
		t.Error("the store does not hold the last token the server issued")
	}
	t.Logf("%d processes × %d expiries (%d forced, %d by time): %d refreshes at the server, %d invalid_grant, %.2f refreshes per expiry; refreshes by process %v; %v",
		procs, expiries, forced, timed, refreshes, invalid, float64(refreshes)/float64(expiries), mintedBy, elapsed.Round(time.Millisecond))
}

// A process killed while it holds a key's lock (before it refreshed)
// loses its connection; PostgreSQL rolls its transaction back and
// releases the lock, and the waiting replica refreshes with the token
// that survived.
func TestKilledHolderReleasesLock(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	t.Parallel()
	pool, dbURL := newDB(t)
	ctx := context.Background()
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(frozenStart))
	issued, _ := srv.IssueToken(factorialtest.AdminUserID)
	store, _ := pgstore.New(pool, pgstore.WithEncryptionKey(testKey))
	if err := store.Save(ctx, replicaKey, issued.Token()); err != nil {
		t.Fatal(err)
	}
	holder := startChild(t, "hold", dbURL, srv)
	if line := holder.next(t, 30*time.Second); line != "locked" {
		t.Fatalf("holder said %q", line)
	}

	cfg, _ := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret, oauth.OOBRedirectURI,
		oauth.WithBaseURL(srv.URL()), oauth.WithClock(srv.Now))
	sources, _ := oauth.NewTokenSources(cfg, store)
	ts, _ := sources.Source(replicaKey)
	type result struct {
		access string
		err    error
		at     time.Time
	}
	done := make(chan result, 1)
	go func() {
		tok, err := ts.RefreshIfStale(ctx, issued.AccessToken)
		r := result{err: err, at: time.Now()}
		if tok != nil {
			r.access = tok.AccessToken
		}
		done <- r
	}()
	select {
	case r := <-done:
		t.Fatalf("the refresh did not wait for the holder's lock: %v", r.err)
	case <-time.After(500 * time.Millisecond):
	}
	killed := time.Now()
	if err := holder.cmd.Process.Kill(); err != nil {
		t.Fatal(err)
	}
	_ = holder.cmd.Wait()
	var r result
	select {
	case r = <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("the lock of the killed process was not released")
	}
	if r.err != nil {
		t.Fatalf("refresh after the holder died: %v", r.err)
	}
	if srv.TokenRequests("refresh_token") != 1 || srv.TokenErrors("invalid_grant") != 0 {
		t.Errorf("%d refreshes, %d invalid_grant; want 1 and 0", srv.TokenRequests("refresh_token"), srv.TokenErrors("invalid_grant"))
	}
	stored, err := store.Load(ctx, replicaKey)
	if err != nil || stored.AccessToken != r.access || !srv.TokenActive(stored.AccessToken) {
		t.Errorf("stored token after the refresh: %v", err)
	}
	t.Logf("SIGKILL of the lock holder: lock released and the waiting replica refreshed %v after the kill; 1 refresh, 0 invalid_grant, token kept",
		r.at.Sub(killed).Round(time.Millisecond))
}

// A process killed after the server rotated the token and before it
// committed the successor: the inherent case. The row still holds the
// predecessor, untouched. Whether that predecessor still works is the
// server's choice: with Doorkeeper's refresh_token_revoked_on_use, which
// Factorial documents (the old refresh token lives until the new access
// token is first used, and the dead process never used it), the next
// replica refreshes with it and nothing is lost; with immediate
// revocation it is invalid_grant and the company must authorise again.
func TestKilledBetweenRotationAndCommit(t *testing.T) {
	if testing.Short() {
		t.Skip("re-executes the test binary")
	}
	t.Parallel()
	for _, tc := range []struct {
		name  string
		grace bool
	}{{"revoked_on_use", true}, {"revoked_at_once", false}} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			pool, dbURL := newDB(t)
			ctx := context.Background()
			opts := []factorialtest.Option{factorialtest.WithTB(t), factorialtest.WithFrozenClock(frozenStart)}
			if tc.grace {
				opts = append(opts, factorialtest.WithRefreshGrace())
			}
			srv := factorialtest.NewServer(opts...)
			issued, _ := srv.IssueToken(factorialtest.AdminUserID)
			store, _ := pgstore.New(pool, pgstore.WithEncryptionKey(testKey))
			if err := store.Save(ctx, replicaKey, issued.Token()); err != nil {
				t.Fatal(err)
			}
			dying := startChild(t, "die-after-rotate", dbURL, srv)
			if line := dying.next(t, 30*time.Second); line != "rotated" {
				t.Fatalf("child said %q", line)
			}
			if err := dying.cmd.Process.Kill(); err != nil {
				t.Fatal(err)
			}
			_ = dying.cmd.Wait()
			stored, err := store.Load(ctx, replicaKey)
			if err != nil || stored.RefreshToken != issued.RefreshToken {
				t.Fatalf("the row after the kill: %v (want the predecessor, untouched)", err)
			}

			cfg, _ := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret, oauth.OOBRedirectURI,
				oauth.WithBaseURL(srv.URL()), oauth.WithClock(srv.Now))
			sources, _ := oauth.NewTokenSources(cfg, store)
			ts, _ := sources.Source(replicaKey)
			refreshCtx, cancel := context.WithTimeout(ctx, 30*time.Second)
			defer cancel()
			tok, err := ts.RefreshIfStale(refreshCtx, issued.AccessToken)
			if tc.grace {
				if err != nil {
					t.Fatalf("refresh with the surviving predecessor: %v", err)
				}
				if err := checkMeAt(srv, tok.AccessToken); err != nil {
					t.Error(err)
				}
				if n := srv.TokenErrors("invalid_grant"); n != 0 {
					t.Errorf("%d invalid_grant", n)
				}
				t.Logf("SIGKILL between rotation and commit, refresh_token_revoked_on_use: the next replica refreshed with the stored predecessor; 0 invalid_grant, nothing lost")
				return
			}
			if !errors.Is(err, oauth.ErrReauthRequired) {
				t.Fatalf("refresh with a revoked predecessor: %v, want ErrReauthRequired", err)
			}
			if n := srv.TokenErrors("invalid_grant"); n != 1 {
				t.Errorf("%d invalid_grant, want 1", n)
			}
			if after, _ := store.Load(ctx, replicaKey); after.RefreshToken != issued.RefreshToken {
				t.Error("the failed refresh changed the row")
			}
			t.Logf("SIGKILL between rotation and commit, immediate revocation: ErrReauthRequired (the inherent case: the successor died with the process)")
		})
	}
}

func checkMeAt(srv *factorialtest.Server, access string) error {
	req, _ := http.NewRequest(http.MethodGet, srv.URL()+"/api/v1/me", nil)
	req.Header.Set("Authorization", "Bearer "+access)
	resp, err := srv.Client().Do(req)
	if err != nil {
		return err
	}
	_ = resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("GET /api/v1/me: status %d", resp.StatusCode)
	}
	return nil
}
