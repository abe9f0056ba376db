package pgstore_test

import (
	"context"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
	"github.com/factorial-go/factorial/oauth/pgstore"
)

const manyKeys = 1000

func companyKey(i int) string { return fmt.Sprintf("company-%04d", i) }

// seedKeys issues a token per key at the fake and saves it in store.
func seedKeys(tb testing.TB, srv *factorialtest.Server, store oauth.KeyedStore) {
	tb.Helper()
	ctx := context.Background()
	for i := range manyKeys {
		issued, err := srv.IssueToken(factorialtest.AdminUserID)
		if err != nil {
			tb.Fatal(err)
		}
		if err := store.Save(ctx, companyKey(i), issued.Token()); err != nil {
			tb.Fatal(err)
		}
	}
}

// refreshSpread forces refreshes spread over the keys from workers
// goroutines, each owning every workers-th key and visiting its keys in
// turn, total times in all, and returns how many refreshes the sources
// made. Every forced refresh names the key's current token, so each one
// costs exactly one refresh.
func refreshSpread(sources *oauth.TokenSources, workers, total int) error {
	ctx := context.Background()
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for w := range workers {
		wg.Go(func() {
			n := total / workers
			if w < total%workers {
				n++
			}
			for j := range n {
				// Worker w's keys are w, w+workers, w+2*workers...
				perWorker := (manyKeys - w + workers - 1) / workers
				key := companyKey(w + (j%perWorker)*workers)
				ts, err := sources.Source(key)
				if err != nil {
					errs <- err
					return
				}
				cur, err := ts.TokenContext(ctx)
				if err != nil {
					errs <- fmt.Errorf("%s: %w", key, err)
					return
				}
				if _, err := ts.RefreshIfStale(ctx, cur.AccessToken); err != nil {
					errs <- fmt.Errorf("%s: %w", key, err)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	return <-errs
}

// 1,000 companies, refreshes spread over them from concurrent goroutines
// sharing one pool: every forced refresh costs one request, none is spent
// twice, every key ends with a live token of its own.
func TestManyKeys(t *testing.T) {
	t.Parallel()
	pool, _ := newDB(t)
	ctx := context.Background()
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	store, _ := pgstore.New(pool, pgstore.WithEncryptionKey(testKey))
	seedKeys(t, srv, store)
	cfg, _ := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret, oauth.OOBRedirectURI, oauth.WithBaseURL(srv.URL()))
	var minted atomic.Int64
	sources, _ := oauth.NewTokenSources(cfg, store, oauth.WithOnRefresh(func(*oauth.Token) { minted.Add(1) }))

	const workers, total = 16, 2 * manyKeys
	start := time.Now()
	if err := refreshSpread(sources, workers, total); err != nil {
		t.Fatal(err)
	}
	elapsed := time.Since(start)
	if n := srv.TokenRequests("refresh_token"); n != total || minted.Load() != total {
		t.Errorf("%d refreshes at the server, %d by the sources; want %d", n, minted.Load(), total)
	}
	if n := srv.TokenErrors("invalid_grant"); n != 0 {
		t.Errorf("%d invalid_grant", n)
	}
	seen := make(map[string]bool)
	count := 0
	for key, err := range store.Keys(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		tok, err := store.Load(ctx, key)
		if err != nil {
			t.Fatal(err)
		}
		if seen[tok.AccessToken] || !srv.TokenActive(tok.AccessToken) {
			t.Fatalf("%s: token shared with another key or not active", key)
		}
		seen[tok.AccessToken] = true
		count++
	}
	if count != manyKeys {
		t.Errorf("%d keys stored, want %d", count, manyKeys)
	}
	t.Logf("%d keys, %d forced refreshes from %d goroutines over one pool (AES-GCM at rest): %v, %.0f refreshes/s",
		manyKeys, total, workers, elapsed.Round(time.Millisecond), float64(total)/elapsed.Seconds())
}

// BenchmarkRefreshManyKeys measures refreshes per second spread over 1,000
// keys, with the PostgreSQL store (AES-GCM at rest) and, as the baseline
// in the same run, with KeyedMemoryStore: the difference is the cost of
// the row lock, the transaction and the encryption, against the same fake
// token endpoint.
func BenchmarkRefreshManyKeys(b *testing.B) {
	for _, name := range []string{"memory", "postgres"} {
		b.Run(name, func(b *testing.B) {
			var store oauth.KeyedStore = oauth.NewKeyedMemoryStore()
			if name == "postgres" {
				pool, _ := newDB(b)
				store, _ = pgstore.New(pool, pgstore.WithEncryptionKey(testKey))
			}
			srv := factorialtest.NewServer(factorialtest.WithTB(b))
			seedKeys(b, srv, store)
			cfg, _ := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret, oauth.OOBRedirectURI, oauth.WithBaseURL(srv.URL()))
			sources, _ := oauth.NewTokenSources(cfg, store)
			b.ResetTimer()
			start := time.Now()
			if err := refreshSpread(sources, 16, b.N); err != nil {
				b.Fatal(err)
			}
			b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "refreshes/s")
			if n := srv.TokenErrors("invalid_grant"); n != 0 {
				b.Fatalf("%d invalid_grant", n)
			}
		})
	}
}
