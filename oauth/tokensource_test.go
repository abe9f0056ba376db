package oauth_test

import (
	"context"
	"errors"
	"reflect"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
	"golang.org/x/oauth2"
)

// TokenSource must satisfy x/oauth2's interface.
var _ oauth2.TokenSource = (*oauth.TokenSource)(nil)

// gatedStore is a MemoryStore whose Save can be held open, to observe what
// callers see while a token is being persisted.
type gatedStore struct {
	*oauth.MemoryStore
	entered chan *oauth.Token // receives each token Save is asked to store
	release chan struct{}     // Save proceeds when this is closed or receives
	saves   atomic.Int32
	failN   atomic.Int32 // fail this many Saves before succeeding
}

func (g *gatedStore) Save(ctx context.Context, tok *oauth.Token) error {
	if g.entered != nil {
		g.entered <- tok
		<-g.release
	}
	if g.failN.Add(-1) >= 0 {
		return errors.New("disk full")
	}
	g.saves.Add(1)
	return g.MemoryStore.Save(ctx, tok)
}

// sourceAt issues a token for user, stores it and returns a source on the
// server clock.
func sourceAt(t *testing.T, srv *factorialtest.Server, lc *leakCheck, store oauth.Store, opts ...oauth.TokenSourceOption) (*oauth.TokenSource, *oauth.Token) {
	t.Helper()
	issued, err := srv.IssueToken(factorialtest.AdminUserID)
	if err != nil {
		t.Fatal(err)
	}
	tok := issued.Token()
	if err := store.Save(context.Background(), tok); err != nil {
		t.Fatal(err)
	}
	return mustSource(t, newConfig(t, srv, lc, oauth.OOBRedirectURI), store, opts...), tok
}

func TestRefreshPersistsBeforeHandingOut(t *testing.T) {
	srv := newServer(t)
	lc := newLeakCheck(t, srv)
	store := &gatedStore{MemoryStore: oauth.NewMemoryStore(nil)}
	// The hook runs on the refreshing goroutine before callers are released.
	hooked := make(chan *oauth.Token, 10)
	ts, first := sourceAt(t, srv, lc, store, oauth.WithOnRefresh(func(tok *oauth.Token) { hooked <- tok }))

	got, err := ts.Token()
	if err != nil || got.AccessToken != first.AccessToken {
		t.Fatalf("first Token: %v", lc.err(err))
	}
	// One second before the 2-minute margin: still the same token.
	srv.Advance(7200*time.Second - 2*time.Minute - time.Second)
	if got, _ := ts.Token(); got.AccessToken != first.AccessToken || srv.TokenRequests("refresh_token") != 0 {
		t.Fatal("refreshed before the margin")
	}
	srv.Advance(time.Second)

	store.entered = make(chan *oauth.Token, 1)
	store.release = make(chan struct{})
	result := make(chan *oauth2.Token, 1)
	go func() {
		tok, err := ts.Token()
		lc.err(err)
		result <- tok
	}()
	saving := <-store.entered
	issued, _ := srv.LastIssued()
	if saving.RefreshToken != issued.RefreshToken || saving.RefreshToken == first.RefreshToken {
		t.Fatal("the store is not being given the rotated refresh token")
	}
	select {
	case <-result:
		t.Fatal("Token returned before the rotated token was saved")
	case <-time.After(50 * time.Millisecond):
	}
	close(store.release)
	tok := <-result
	if tok == nil || tok.AccessToken != issued.AccessToken {
		t.Fatal("Token did not return the refreshed token")
	}
	stored, _ := store.Load(context.Background())
	if stored.RefreshToken != issued.RefreshToken || stored.AccessToken != issued.AccessToken {
		t.Fatal("store does not hold the rotated token")
	}
	if tok.Extra("scope") != "read write" || tok.Extra("created_at") != srv.Now().Unix() {
		t.Errorf("Extra scope %v created_at %v", tok.Extra("scope"), tok.Extra("created_at"))
	}
	if n := srv.TokenRequests("refresh_token"); n != 1 {
		t.Errorf("refresh requests = %d, want 1", n)
	}
	if h := <-hooked; h.AccessToken != issued.AccessToken || len(hooked) != 0 {
		t.Errorf("OnRefresh got another token or was called %d more times", len(hooked))
	}
}

func TestThousandGoroutinesOneRefresh(t *testing.T) {
	srv := newServer(t)
	lc := newLeakCheck(t, srv)
	store := oauth.NewMemoryStore(nil)
	ts, first := sourceAt(t, srv, lc, store)
	if _, err := ts.Token(); err != nil {
		t.Fatal(lc.err(err))
	}
	srv.Advance(7200 * time.Second) // it has just expired

	const n = 1000
	var (
		wg    sync.WaitGroup
		start = make(chan struct{})
		toks  = make([]string, n)
		errs  atomic.Int32
	)
	for i := range n {
		wg.Go(func() {
			<-start
			tok, err := ts.TokenContext(context.Background())
			if lc.err(err) != nil {
				errs.Add(1)
				return
			}
			toks[i] = tok.AccessToken
		})
	}
	close(start)
	wg.Wait()
	if errs.Load() != 0 {
		t.Fatalf("%d goroutines failed", errs.Load())
	}
	issued, _ := srv.LastIssued()
	for i, tok := range toks {
		if tok != issued.AccessToken || tok == first.AccessToken {
			t.Fatalf("goroutine %d got a different token", i)
		}
	}
	if got := srv.TokenRequests("refresh_token"); got != 1 {
		t.Fatalf("%d goroutines caused %d refresh requests, want 1", n, got)
	}
	t.Logf("%d goroutines, %d refresh request", n, srv.TokenRequests("refresh_token"))
}

func TestRefreshIfStaleHundredGoroutines(t *testing.T) {
	srv := newServer(t)
	lc := newLeakCheck(t, srv)
	ts, first := sourceAt(t, srv, lc, oauth.NewMemoryStore(nil))
	if _, err := ts.Token(); err != nil {
		t.Fatal(lc.err(err))
	}

	const n = 100
	var wg sync.WaitGroup
	start := make(chan struct{})
	got := make([]string, n)
	for i := range n {
		wg.Go(func() {
			<-start
			tok, err := ts.RefreshIfStale(context.Background(), first.AccessToken)
			if lc.err(err) == nil {
				got[i] = tok.AccessToken
			}
		})
	}
	close(start)
	wg.Wait()
	second, _ := srv.LastIssued()
	for i := range got {
		if got[i] != second.AccessToken {
			t.Fatalf("goroutine %d did not get the refreshed token", i)
		}
	}
	if r := srv.TokenRequests("refresh_token"); r != 1 {
		t.Fatalf("%d goroutines with one stale token caused %d refreshes, want 1", n, r)
	}
	// A late caller with the old token gets the current one, no refresh.
	if tok, _ := ts.RefreshIfStale(context.Background(), first.AccessToken); tok.AccessToken != second.AccessToken || srv.TokenRequests("refresh_token") != 1 {
		t.Fatal("late RefreshIfStale refreshed again")
	}
	// The current token reported stale: refresh again.
	if tok, _ := ts.RefreshIfStale(context.Background(), second.AccessToken); tok.AccessToken == second.AccessToken || srv.TokenRequests("refresh_token") != 2 {
		t.Fatal("RefreshIfStale with the current token did not refresh")
	}
}

func TestInvalidGrantNeedsReauth(t *testing.T) {
	tests := []struct {
		name       string
		legacy     bool
		wantStatus int
	}{
		{name: "Doorkeeper >= 5.1", wantStatus: 400},
		{name: "Doorkeeper < 5.1", legacy: true, wantStatus: 401},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var opts []factorialtest.Option
			if tc.legacy {
				opts = append(opts, factorialtest.WithLegacyErrorStatuses())
			}
			srv := newServer(t, opts...)
			lc := newLeakCheck(t, srv)
			dir := t.TempDir()
			store, err := oauth.NewFileStore(dir + "/factorial/token.json")
			if err != nil {
				t.Fatal(err)
			}
			ts, tok := sourceAt(t, srv, lc, store)
			srv.RevokeToken(tok.RefreshToken)
			srv.Advance(2 * time.Hour)
			before, _ := store.Load(context.Background())

			_, err = ts.Token()
			lc.err(err)
			if !errors.Is(err, oauth.ErrReauthRequired) {
				t.Fatalf("error %v does not match ErrReauthRequired", err)
			}
			var oe *oauth.Error
			if !errors.As(err, &oe) || oe.Code != oauth.CodeInvalidGrant || oe.StatusCode != tc.wantStatus || oe.Op != "refresh" {
				t.Fatalf("error = %#v", oe)
			}
			after, err := store.Load(context.Background())
			if err != nil || !reflect.DeepEqual(before, after) {
				t.Fatalf("stored token changed after invalid_grant (%v)", err)
			}
			// Every caller keeps getting the verdict; the server sees one
			// request per attempt, never a retry storm.
			_, err = ts.Token()
			if !errors.Is(lc.err(err), oauth.ErrReauthRequired) || srv.TokenRequests("refresh_token") != 2 {
				t.Fatalf("second attempt: %v, %d requests", err, srv.TokenRequests("refresh_token"))
			}
		})
	}
}

func TestEmptyStoreNeedsReauth(t *testing.T) {
	srv := newServer(t)
	lc := newLeakCheck(t, srv)
	ts := mustSource(t, newConfig(t, srv, lc, oauth.OOBRedirectURI), &oauth.MemoryStore{})
	_, err := ts.Token()
	if !errors.Is(lc.err(err), oauth.ErrReauthRequired) || !errors.Is(err, oauth.ErrNoToken) {
		t.Fatalf("error = %v", err)
	}
}

// TestCallerContextOnlyBoundsTheWait: a caller that gives up does not
// cancel the refresh, which completes, is saved, and serves the next call.
func TestCallerContextOnlyBoundsTheWait(t *testing.T) {
	srv := newServer(t)
	lc := newLeakCheck(t, srv)
	store := &gatedStore{MemoryStore: oauth.NewMemoryStore(nil)}
	ts, _ := sourceAt(t, srv, lc, store)
	saved := store.saves.Load()
	srv.Advance(3 * time.Hour)
	store.entered = make(chan *oauth.Token, 1)
	store.release = make(chan struct{})

	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() {
		_, err := ts.TokenContext(ctx)
		done <- err
	}()
	<-store.entered // the refresh request is done; saving is pending
	cancel()
	if err := lc.err(<-done); !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled caller got %v", err)
	}
	close(store.release)
	tok, err := ts.Token()
	if err != nil {
		t.Fatal(lc.err(err))
	}
	issued, _ := srv.LastIssued()
	if tok.AccessToken != issued.AccessToken || srv.TokenRequests("refresh_token") != 1 || store.saves.Load() != saved+1 {
		t.Fatalf("refresh did not survive the caller: %d requests, %d saves", srv.TokenRequests("refresh_token"), store.saves.Load())
	}
}

// TestSaveFailureKeepsTheToken: the server has rotated, so the new token
// must not be lost when Save fails; it is retried, not re-requested.
func TestSaveFailureKeepsTheToken(t *testing.T) {
	srv := newServer(t)
	lc := newLeakCheck(t, srv)
	store := &gatedStore{MemoryStore: oauth.NewMemoryStore(nil)}
	ts, _ := sourceAt(t, srv, lc, store)
	srv.Advance(3 * time.Hour)
	store.failN.Store(1)
	if _, err := ts.Token(); lc.err(err) == nil {
		t.Fatal("Token handed out a token that was not saved")
	}
	tok, err := ts.Token()
	if err != nil {
		t.Fatal(lc.err(err))
	}
	issued, _ := srv.LastIssued()
	stored, _ := store.Load(context.Background())
	if tok.AccessToken != issued.AccessToken || stored.RefreshToken != issued.RefreshToken || srv.TokenRequests("refresh_token") != 1 {
		t.Fatalf("pending token not persisted on retry (%d refresh requests)", srv.TokenRequests("refresh_token"))
	}
}

// TestAdoptsTokenRefreshedByAnotherHolder is the 401 path of the client
// layer: another holder of the store rotated the pair, the old access token
// is now refused, and RefreshIfStale picks up the stored token without a
// request.
func TestAdoptsTokenRefreshedByAnotherHolder(t *testing.T) {
	srv := newServer(t)
	lc := newLeakCheck(t, srv)
	store := oauth.NewMemoryStore(nil)
	ts1, first := sourceAt(t, srv, lc, store)
	ts2 := mustSource(t, newConfig(t, srv, lc, oauth.OOBRedirectURI), store)
	if _, err := ts1.Token(); err != nil {
		t.Fatal(lc.err(err))
	}
	if _, err := ts2.RefreshIfStale(context.Background(), first.AccessToken); err != nil {
		t.Fatal(lc.err(err))
	}
	resp, err := me(t, srv, oauth.BearerEditor(ts1))
	if err != nil || resp.StatusCode() != 401 {
		t.Fatalf("old token: %v %d, want 401", lc.err(err), resp.StatusCode())
	}
	tok, err := ts1.RefreshIfStale(context.Background(), first.AccessToken)
	if err != nil {
		t.Fatal(lc.err(err))
	}
	issued, _ := srv.LastIssued()
	if tok.AccessToken != issued.AccessToken || srv.TokenRequests("refresh_token") != 1 {
		t.Fatalf("did not adopt the stored token (%d refreshes)", srv.TokenRequests("refresh_token"))
	}
	if resp, _ := me(t, srv, oauth.BearerEditor(ts1)); resp.StatusCode() != 200 {
		t.Fatalf("after adoption: %d", resp.StatusCode())
	}
}
