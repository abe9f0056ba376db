package oauth_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
	"github.com/factorial-go/factorial/oauth/oauthtest"
)

var _ oauth.KeyedStore = (*oauth.KeyedMemoryStore)(nil)

// Many goroutines force refreshes of several keys at once: each key's
// stale token is refreshed once, keys do not share tokens, and nothing is
// spent twice.
func TestTokenSourcesOneRefreshPerKey(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	lc := newLeakCheck(t, srv)
	store := oauth.NewKeyedMemoryStore()
	sources, err := oauth.NewTokenSources(newConfig(t, srv, lc, oauth.OOBRedirectURI), store)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	const keys, callers, rounds = 5, 8, 3
	for k := range keys {
		issued, err := srv.IssueToken(factorialtest.AdminUserID)
		if err != nil {
			t.Fatal(err)
		}
		if err := sources.Save(ctx, fmt.Sprint("company-", k), issued.Token()); err != nil {
			t.Fatal(err)
		}
	}
	for range rounds {
		var wg sync.WaitGroup
		seen := make([]map[string]bool, keys)
		var mu sync.Mutex
		for k := range keys {
			seen[k] = make(map[string]bool)
			ts, err := sources.Source(fmt.Sprint("company-", k))
			if err != nil {
				t.Fatal(err)
			}
			stale, err := ts.Token()
			if err != nil {
				t.Fatal(lc.err(err))
			}
			for range callers {
				wg.Go(func() {
					tok, err := ts.RefreshIfStale(ctx, stale.AccessToken)
					if err != nil {
						t.Error(lc.err(err))
						return
					}
					mu.Lock()
					seen[k][tok.AccessToken] = true
					mu.Unlock()
				})
			}
		}
		wg.Wait()
		all := make(map[string]bool)
		for k := range keys {
			if len(seen[k]) != 1 {
				t.Fatalf("key %d: callers got %d different tokens, want 1", k, len(seen[k]))
			}
			for a := range seen[k] {
				if all[a] || !srv.TokenActive(a) {
					t.Fatalf("key %d: token shared with another key or not active", k)
				}
				all[a] = true
			}
		}
	}
	if n := srv.TokenRequests("refresh_token"); n != keys*rounds {
		t.Errorf("%d refreshes, want %d (one per key and round)", n, keys*rounds)
	}
	if n := srv.TokenErrors("invalid_grant"); n != 0 {
		t.Errorf("%d invalid_grant", n)
	}
}

func TestTokenSourcesKeys(t *testing.T) {
	t.Parallel()
	srv := newServer(t)
	lc := newLeakCheck(t, srv)
	store := oauth.NewKeyedMemoryStore()
	sources, err := oauth.NewTokenSources(newConfig(t, srv, lc, oauth.OOBRedirectURI), store)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := sources.Source(""); !errors.Is(err, oauth.ErrEmptyKey) {
		t.Errorf("Source(\"\"): %v, want ErrEmptyKey", err)
	}
	if err := sources.Save(ctx, "", &oauth.Token{AccessToken: "x"}); !errors.Is(err, oauth.ErrEmptyKey) {
		t.Errorf("Save with empty key: %v", err)
	}
	if _, err := store.Lock(ctx, ""); !errors.Is(err, oauth.ErrEmptyKey) {
		t.Errorf("Lock with empty key: %v", err)
	}
	if err := store.Save(ctx, "a", nil); err == nil {
		t.Error("Save(nil) succeeded")
	}
	if _, err := oauth.NewTokenSources(nil, store); err == nil {
		t.Error("NewTokenSources(nil, ...) succeeded")
	}

	// A key with no token: ErrReauthRequired, matching ErrNoToken too.
	ts, _ := sources.Source("nobody")
	if _, err := ts.Token(); !errors.Is(err, oauth.ErrReauthRequired) || !errors.Is(err, oauth.ErrNoToken) {
		t.Errorf("unknown key: %v", lc.err(err))
	}

	first, _ := srv.IssueToken(factorialtest.AdminUserID)
	if err := sources.Save(ctx, "acme", first.Token()); err != nil {
		t.Fatal(err)
	}
	a1, _ := sources.Source("acme")
	if a2, _ := sources.Source("acme"); a1 != a2 {
		t.Error("two sources for one key")
	}
	if tok, err := a1.Token(); err != nil || tok.AccessToken != first.AccessToken {
		t.Fatalf("acme: %v", lc.err(err))
	}
	// Authorising again replaces the token and the cached source.
	second, _ := srv.IssueToken(factorialtest.AdminUserID)
	if err := sources.Save(ctx, "acme", second.Token()); err != nil {
		t.Fatal(err)
	}
	a3, _ := sources.Source("acme")
	if tok, err := a3.Token(); err != nil || tok.AccessToken != second.AccessToken {
		t.Fatalf("acme after a new authorization: %v", lc.err(err))
	}
	// Disconnecting: the store forgets the key, and a refresh asks for a
	// new authorization without a request to the server.
	if err := sources.Delete(ctx, "acme"); err != nil {
		t.Fatal(err)
	}
	if _, err := store.Load(ctx, "acme"); !errors.Is(err, oauth.ErrNoToken) {
		t.Errorf("Load after Delete: %v", err)
	}
	srv.Advance(3 * time.Hour)
	if _, err := a3.Token(); !errors.Is(err, oauth.ErrReauthRequired) {
		t.Errorf("refresh after Delete: %v", lc.err(err))
	}
	if n := srv.TokenRequests("refresh_token"); n != 0 {
		t.Errorf("%d refresh requests for deleted or absent keys", n)
	}
}

// KeyedMemoryStore keeps the KeyedStore contract.
func TestKeyedMemoryStoreContract(t *testing.T) {
	t.Parallel()
	oauthtest.TestKeyedStore(t, func(*testing.T) oauth.KeyedStore { return oauth.NewKeyedMemoryStore() })
}
