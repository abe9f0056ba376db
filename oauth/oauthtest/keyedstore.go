// Package oauthtest checks that a KeyedStore keeps the contract that
// oauth.TokenSources relies on, so an implementation of your own (Redis,
// DynamoDB, a secrets manager) can be tested the way oauth's own stores
// are:
//
//	func TestRedisStore(t *testing.T) {
//		oauthtest.TestKeyedStore(t, func(t *testing.T) oauth.KeyedStore {
//			return newRedisStore(t) // empty, private to this test
//		})
//	}
package oauthtest

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/factorial-go/factorial/oauth"
)

// TestKeyedStore runs the KeyedStore contract against stores from
// newStore, which must return an empty store no other test uses (each
// subtest gets its own). It checks:
//
//   - an empty key is refused with oauth.ErrEmptyKey by every method;
//   - a key with no token loads as oauth.ErrNoToken, and deleting it is no
//     error;
//   - Save replaces, Load returns every field saved, Delete removes one key
//     and leaves the others, a loaded token is the caller's to change;
//   - Lock excludes every other holder of the same key (a waiter gives up
//     with its context's error), never a holder of another key, and the next
//     holder reads what the previous one saved;
//   - Unlock may follow Save and may be called twice, Save after Unlock
//     fails, and Unlock without Save changes nothing;
//   - holders racing on one key lose no update (a read-modify-write under
//     the lock by each of 16 goroutines leaves 16 increments).
//
// Waiting is bounded by a few seconds; tests of stores that talk to a
// server run in parallel with each other but not with their own subtests.
func TestKeyedStore(t *testing.T, newStore func(t *testing.T) oauth.KeyedStore) {
	t.Helper()
	ctx := context.Background()

	t.Run("EmptyKey", func(t *testing.T) {
		s := newStore(t)
		checks := map[string]error{}
		_, checks["Load"] = s.Load(ctx, "")
		checks["Save"] = s.Save(ctx, "", token("a"))
		checks["Delete"] = s.Delete(ctx, "")
		lk, err := s.Lock(ctx, "")
		checks["Lock"] = err
		if lk != nil {
			lk.Unlock()
		}
		for method, err := range checks {
			if !errors.Is(err, oauth.ErrEmptyKey) {
				t.Errorf("%s with an empty key: %v, want an error matching oauth.ErrEmptyKey", method, err)
			}
		}
	})

	t.Run("Missing", func(t *testing.T) {
		s := newStore(t)
		if tok, err := s.Load(ctx, "absent"); !errors.Is(err, oauth.ErrNoToken) {
			t.Errorf("Load of a key never saved: %v, %v; want an error matching oauth.ErrNoToken", tok, err)
		}
		if err := s.Delete(ctx, "absent"); err != nil {
			t.Errorf("Delete of a key holding nothing: %v", err)
		}
		lk := lock(t, s, "absent")
		defer lk.Unlock()
		if tok, err := lk.Load(ctx); !errors.Is(err, oauth.ErrNoToken) {
			t.Errorf("Load under the lock of a key never saved: %v, %v; want oauth.ErrNoToken", tok, err)
		}
	})

	t.Run("SaveLoadDelete", func(t *testing.T) {
		s := newStore(t)
		full := &oauth.Token{
			AccessToken: "access-1", TokenType: "Bearer", RefreshToken: "refresh-1",
			Scopes:    []string{"employees", "time_off"},
			CreatedAt: time.Date(2026, 7, 1, 9, 0, 0, 0, time.UTC), ExpiresIn: 3600,
			Expiry: time.Date(2026, 7, 1, 10, 0, 0, 0, time.UTC),
		}
		save(t, s, "company-1", full)
		save(t, s, "company-2", token("other"))
		got := load(t, s, "company-1")
		if got.AccessToken != full.AccessToken || got.TokenType != full.TokenType || got.RefreshToken != full.RefreshToken ||
			fmt.Sprint(got.Scopes) != fmt.Sprint(full.Scopes) || !got.CreatedAt.Equal(full.CreatedAt) ||
			got.ExpiresIn != full.ExpiresIn || !got.Expiry.Equal(full.Expiry) {
			t.Errorf("Load returned %#v, saved %#v", got, full)
		}
		got.AccessToken = "changed by the caller"
		got.Scopes[0] = "changed"
		if again := load(t, s, "company-1"); again.AccessToken != full.AccessToken || again.Scopes[0] != full.Scopes[0] {
			t.Error("changing a loaded token changed the stored one")
		}

		save(t, s, "company-1", token("access-2"))
		if got := load(t, s, "company-1"); got.AccessToken != "access-2" || got.RefreshToken != "refresh-access-2" {
			t.Errorf("after a second Save, Load returned %q/%q", got.AccessToken, got.RefreshToken)
		}
		if err := s.Delete(ctx, "company-1"); err != nil {
			t.Fatalf("Delete: %v", err)
		}
		if _, err := s.Load(ctx, "company-1"); !errors.Is(err, oauth.ErrNoToken) {
			t.Errorf("Load after Delete: %v, want oauth.ErrNoToken", err)
		}
		if got := load(t, s, "company-2"); got.AccessToken != "other" {
			t.Errorf("Delete of one key changed another: %q", got.AccessToken)
		}
	})

	t.Run("LockExcludesOneKey", func(t *testing.T) {
		s := newStore(t)
		save(t, s, "a", token("a-0"))
		held := lock(t, s, "a")
		other := lock(t, s, "b") // never waits for a
		other.Unlock()

		short, cancel := context.WithTimeout(ctx, 200*time.Millisecond)
		defer cancel()
		if lk, err := s.Lock(short, "a"); err == nil {
			lk.Unlock()
			t.Fatal("a second Lock of a held key succeeded")
		} else if !errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("a waiter whose context ended: %v, want an error matching context.DeadlineExceeded", err)
		}

		next := make(chan *oauth.Token, 1)
		go func() {
			lk, err := s.Lock(ctx, "a")
			if err != nil {
				t.Error(err)
				next <- nil
				return
			}
			defer lk.Unlock()
			tok, err := lk.Load(ctx)
			if err != nil {
				t.Error(err)
			}
			next <- tok
		}()
		select {
		case <-next:
			t.Fatal("a second holder got the lock while the first held it")
		case <-time.After(300 * time.Millisecond):
		}
		if err := held.Save(ctx, token("a-1")); err != nil {
			t.Fatalf("Save under the lock: %v", err)
		}
		held.Unlock()
		select {
		case tok := <-next:
			if tok == nil || tok.AccessToken != "a-1" {
				t.Errorf("the next holder read %v, want the token the previous holder saved (a-1)", tok)
			}
		case <-time.After(10 * time.Second):
			t.Fatal("the next holder still waits after the first unlocked")
		}
	})

	t.Run("UnlockAndSave", func(t *testing.T) {
		s := newStore(t)
		save(t, s, "a", token("a-0"))
		lk := lock(t, s, "a")
		if err := lk.Save(ctx, token("a-1")); err != nil {
			t.Fatalf("Save under the lock: %v", err)
		}
		lk.Unlock()
		lk.Unlock() // harmless
		if err := lk.Save(ctx, token("a-late")); err == nil {
			t.Error("Save after Unlock succeeded: a holder that lost the lock could overwrite a rotated token")
		}
		if got := load(t, s, "a"); got.AccessToken != "a-1" {
			t.Errorf("after Save, Unlock and a late Save: %q, want a-1", got.AccessToken)
		}
		lk = lock(t, s, "a")
		lk.Unlock()
		if got := load(t, s, "a"); got.AccessToken != "a-1" {
			t.Errorf("Unlock without Save changed the token to %q", got.AccessToken)
		}
	})

	t.Run("NoLostUpdates", func(t *testing.T) {
		s := newStore(t)
		save(t, s, "counter", token("0"))
		const holders = 16
		var wg sync.WaitGroup
		for range holders {
			wg.Go(func() {
				lctx, cancel := context.WithTimeout(ctx, 30*time.Second)
				defer cancel()
				lk, err := s.Lock(lctx, "counter")
				if err != nil {
					t.Error(err)
					return
				}
				defer lk.Unlock()
				tok, err := lk.Load(lctx)
				if err != nil {
					t.Error(err)
					return
				}
				n, _ := strconv.Atoi(tok.AccessToken)
				if err := lk.Save(lctx, token(strconv.Itoa(n+1))); err != nil {
					t.Error(err)
				}
			})
		}
		wg.Wait()
		if got := load(t, s, "counter"); got.AccessToken != strconv.Itoa(holders) {
			t.Errorf("%d holders each added one under the lock: %s, want %d", holders, got.AccessToken, holders)
		}
	})
}

func token(access string) *oauth.Token {
	return &oauth.Token{AccessToken: access, TokenType: "Bearer", RefreshToken: "refresh-" + access}
}

func save(t *testing.T, s oauth.KeyedStore, key string, tok *oauth.Token) {
	t.Helper()
	if err := s.Save(context.Background(), key, tok); err != nil {
		t.Fatalf("Save %q: %v", key, err)
	}
}

func load(t *testing.T, s oauth.KeyedStore, key string) *oauth.Token {
	t.Helper()
	tok, err := s.Load(context.Background(), key)
	if err != nil || tok == nil {
		t.Fatalf("Load %q: %v, %v", key, tok, err)
	}
	return tok
}

func lock(t *testing.T, s oauth.KeyedStore, key string) oauth.KeyLock {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	lk, err := s.Lock(ctx, key)
	if err != nil {
		t.Fatalf("Lock %q: %v", key, err)
	}
	return lk
}
