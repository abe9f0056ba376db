package pgstore_test

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/factorial-go/factorial/internal/pgtest"
	"github.com/factorial-go/factorial/oauth/pgstore"
)

// childEnv selects a helper mode when the test binary re-executes itself
// as another replica (see replica_test.go).
const childEnv = "PGSTORE_TEST_CHILD"

// server is the PostgreSQL server the tests of this binary share; nil with
// skipReason set where PostgreSQL is not installed (never in CI).
var (
	server     *pgtest.Server
	skipReason string
)

// testKey encrypts tokens at rest in the tests that use encryption.
var testKey = []byte("0123456789abcdef0123456789abcdef")

func TestMain(m *testing.M) {
	if mode := os.Getenv(childEnv); mode != "" {
		os.Exit(runChild(mode))
	}
	flag.Parse()
	srv, err := pgtest.Start()
	switch {
	case errors.Is(err, pgtest.ErrNotInstalled) && os.Getenv("CI") == "":
		skipReason = err.Error() + " (in CI, where CI is set, this fails instead)"
		fmt.Fprintln(os.Stderr, "pgstore tests skipped:", skipReason)
		// Examples cannot skip themselves.
		_ = flag.Set("test.skip", "^Example")
		os.Exit(m.Run())
	case err != nil:
		fmt.Fprintln(os.Stderr, "pgstore tests: cannot start PostgreSQL:", err)
		os.Exit(1)
	}
	server = srv
	// The runnable example connects the way an application does.
	if url, err := srv.CreateDatabase("example"); err == nil {
		_ = os.Setenv("DATABASE_URL", url)
	} else {
		fmt.Fprintln(os.Stderr, err)
		_ = srv.Stop()
		os.Exit(1)
	}
	code := m.Run()
	if err := srv.Stop(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		if code == 0 {
			code = 1
		}
	}
	os.Exit(code)
}

// newDB creates a database of the test's own with the current schema and
// returns a pool on it and its URL.
func newDB(t testing.TB) (*pgxpool.Pool, string) {
	t.Helper()
	if server == nil {
		t.Skip(skipReason)
	}
	url, err := server.CreateDatabase(t.Name())
	if err != nil {
		t.Fatal(err)
	}
	pool, err := pgxpool.New(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(pool.Close)
	if err := pgstore.Migrate(context.Background(), pool); err != nil {
		t.Fatal(err)
	}
	return pool, url
}

// frozenStart is the fake's clock in tests that move it.
var frozenStart = time.Date(2026, 3, 1, 9, 0, 0, 0, time.UTC)
