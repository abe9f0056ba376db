package pgstore_test

import (
	"context"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
	"github.com/factorial-go/factorial/oauth/pgstore"
)

// slowTokenEndpoint delays the first token response it receives past the
// store's hold timeout.
type slowTokenEndpoint struct {
	base  http.RoundTripper
	delay time.Duration
	done  atomic.Bool
}

func (s *slowTokenEndpoint) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := s.base.RoundTrip(req)
	if err == nil && strings.HasSuffix(req.URL.Path, "/oauth/token") && s.done.CompareAndSwap(false, true) {
		time.Sleep(s.delay)
	}
	return resp, err
}

// A holder that stays idle in its transaction past the hold timeout loses
// its session and with it the lock, so a hung process cannot block a key
// for ever. Its commit then fails; the token it minted is not handed out
// unsaved, and the next call saves it first, so no refresh token is lost
// or spent twice.
func TestHoldTimeoutEndsAStalledHold(t *testing.T) {
	t.Parallel()
	pool, _ := newDB(t)
	ctx := context.Background()
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(frozenStart))
	issued, _ := srv.IssueToken(factorialtest.AdminUserID)
	store, err := pgstore.New(pool, pgstore.WithEncryptionKey(testKey), pgstore.WithHoldTimeout(200*time.Millisecond))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pgstore.New(pool, pgstore.WithHoldTimeout(-time.Second)); err == nil {
		t.Error("a negative hold timeout was accepted")
	}
	if err := store.Save(ctx, replicaKey, issued.Token()); err != nil {
		t.Fatal(err)
	}
	cfg, _ := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret, oauth.OOBRedirectURI,
		oauth.WithBaseURL(srv.URL()), oauth.WithClock(srv.Now),
		oauth.WithHTTPClient(&http.Client{Timeout: 10 * time.Second, Transport: &slowTokenEndpoint{base: http.DefaultTransport, delay: time.Second}}))
	sources, _ := oauth.NewTokenSources(cfg, store)
	ts, _ := sources.Source(replicaKey)

	if _, err := ts.RefreshIfStale(ctx, issued.AccessToken); err == nil || !strings.Contains(err.Error(), "persist refreshed token") {
		t.Fatalf("refresh whose hold timed out: %v, want a failed save", err)
	}
	if got, _ := store.Load(ctx, replicaKey); got.RefreshToken != issued.RefreshToken {
		t.Fatal("the row changed although the commit failed")
	}
	// Meanwhile the lock is free: another holder gets it at once.
	short, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	lk, err := store.Lock(short, replicaKey)
	if err != nil {
		t.Fatalf("the lock of the timed-out hold is still taken: %v", err)
	}
	lk.Unlock()

	// The next call persists the minted token before handing it out,
	// without another refresh.
	tok, err := ts.RefreshIfStale(ctx, issued.AccessToken)
	if err != nil {
		t.Fatal(err)
	}
	last, _ := srv.LastIssued()
	stored, err := store.Load(ctx, replicaKey)
	if err != nil || tok.AccessToken != last.AccessToken || stored.RefreshToken != last.RefreshToken {
		t.Errorf("after the retry: handed out the last issued token %v, stored it %v (%v)",
			tok.AccessToken == last.AccessToken, stored != nil && stored.RefreshToken == last.RefreshToken, err)
	}
	if n := srv.TokenRequests("refresh_token"); n != 1 {
		t.Errorf("%d refreshes, want 1", n)
	}
	if n := srv.TokenErrors("invalid_grant"); n != 0 {
		t.Errorf("%d invalid_grant", n)
	}
}
