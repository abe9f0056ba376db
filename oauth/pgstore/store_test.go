package pgstore_test

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial/oauth"
	"github.com/factorial-go/factorial/oauth/oauthtest"
	"github.com/factorial-go/factorial/oauth/pgstore"
)

func sampleToken(n int) *oauth.Token {
	return &oauth.Token{
		AccessToken:  fmt.Sprintf("access-secret-%d", n),
		TokenType:    "Bearer",
		RefreshToken: fmt.Sprintf("refresh-secret-%d", n),
		Scopes:       []string{"read", "write"},
		CreatedAt:    frozenStart,
		ExpiresIn:    7200,
		Expiry:       frozenStart.Add(2 * time.Hour),
	}
}

func TestMigrateIsIdempotent(t *testing.T) {
	t.Parallel()
	pool, _ := newDB(t) // migrated once
	ctx := context.Background()
	// Replicas starting together: all succeed, each migration applies once.
	errs := make(chan error, 4)
	for range 4 {
		go func() { errs <- pgstore.Migrate(ctx, pool) }()
	}
	for range 4 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	var applied int
	if err := pool.QueryRow(ctx, `SELECT count(*) FROM factorial_oauth_migrations`).Scan(&applied); err != nil {
		t.Fatal(err)
	}
	files, err := fs.Glob(pgstore.Migrations(), "*.sql")
	if err != nil || len(files) == 0 {
		t.Fatalf("migration files: %v %v", files, err)
	}
	if applied != len(files) {
		t.Errorf("%d migrations recorded, want %d", applied, len(files))
	}
	// The files run by hand (another migration tool) are idempotent too.
	for _, f := range files {
		sql, _ := fs.ReadFile(pgstore.Migrations(), f)
		if _, err := pool.Exec(ctx, string(sql)); err != nil {
			t.Errorf("%s a second time: %v", f, err)
		}
	}
}

func TestSaveLoadDeleteKeys(t *testing.T) {
	t.Parallel()
	pool, _ := newDB(t)
	ctx := context.Background()
	store, err := pgstore.New(pool)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := store.Load(ctx, "acme"); !errors.Is(err, oauth.ErrNoToken) {
		t.Errorf("Load of an absent key: %v, want ErrNoToken", err)
	}
	for i, key := range []string{"b", "a", "c"} {
		if err := store.Save(ctx, key, sampleToken(i)); err != nil {
			t.Fatal(err)
		}
	}
	// Save replaces.
	if err := store.Save(ctx, "a", sampleToken(9)); err != nil {
		t.Fatal(err)
	}
	got, err := store.Load(ctx, "a")
	if err != nil {
		t.Fatal(err)
	}
	want := sampleToken(9)
	if got.AccessToken != want.AccessToken || got.RefreshToken != want.RefreshToken || !got.Expiry.Equal(want.Expiry) ||
		!got.CreatedAt.Equal(want.CreatedAt) || got.ExpiresIn != want.ExpiresIn || strings.Join(got.Scopes, " ") != "read write" {
		t.Errorf("round trip: got %v, want %v", got, want)
	}
	// A company token (no expiry) keeps its zero Expiry, and the expiry
	// column says NULL.
	company := &oauth.Token{AccessToken: "company-access-secret", TokenType: "Bearer"}
	if err := store.Save(ctx, "d", company); err != nil {
		t.Fatal(err)
	}
	if got, err := store.Load(ctx, "d"); err != nil || !got.NeverExpires() {
		t.Errorf("company token: %v %v", got, err)
	}
	var nullExpiry bool
	if err := pool.QueryRow(ctx, `SELECT expiry IS NULL FROM factorial_oauth_tokens WHERE token_key = 'd'`).Scan(&nullExpiry); err != nil || !nullExpiry {
		t.Errorf("expiry column of a company token: null=%v %v", nullExpiry, err)
	}

	var keys []string
	for k, err := range store.Keys(ctx) {
		if err != nil {
			t.Fatal(err)
		}
		keys = append(keys, k)
	}
	if strings.Join(keys, ",") != "a,b,c,d" {
		t.Errorf("Keys: %v", keys)
	}
	if err := store.Delete(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	if err := store.Delete(ctx, "b"); err != nil {
		t.Errorf("deleting an absent key: %v", err)
	}
	if _, err := store.Load(ctx, "b"); !errors.Is(err, oauth.ErrNoToken) {
		t.Errorf("Load after Delete: %v", err)
	}

	// Bad input: typed errors, nothing written.
	if err := store.Save(ctx, "", sampleToken(1)); !errors.Is(err, oauth.ErrEmptyKey) {
		t.Errorf("Save with empty key: %v", err)
	}
	if _, err := store.Load(ctx, ""); !errors.Is(err, oauth.ErrEmptyKey) {
		t.Errorf("Load with empty key: %v", err)
	}
	if _, err := store.Lock(ctx, ""); !errors.Is(err, oauth.ErrEmptyKey) {
		t.Errorf("Lock with empty key: %v", err)
	}
	if err := store.Delete(ctx, ""); !errors.Is(err, oauth.ErrEmptyKey) {
		t.Errorf("Delete with empty key: %v", err)
	}
	if err := store.Save(ctx, "e", nil); err == nil {
		t.Error("Save(nil) succeeded")
	}
	if _, err := store.Load(ctx, "e"); !errors.Is(err, oauth.ErrNoToken) {
		t.Errorf("a failed Save wrote something: %v", err)
	}
	if _, err := pgstore.New(nil); err == nil {
		t.Error("New(nil) succeeded")
	}
}

func TestEncryptionAtRest(t *testing.T) {
	t.Parallel()
	pool, _ := newDB(t)
	ctx := context.Background()
	for _, n := range []int{0, 15, 33} {
		if _, err := pgstore.New(pool, pgstore.WithEncryptionKey(make([]byte, n))); !errors.Is(err, pgstore.ErrInvalidKey) {
			t.Errorf("%d-byte key: %v, want ErrInvalidKey", n, err)
		}
	}
	plain, _ := pgstore.New(pool)
	sealed, err := pgstore.New(pool, pgstore.WithEncryptionKey(testKey))
	if err != nil {
		t.Fatal(err)
	}
	other, _ := pgstore.New(pool, pgstore.WithEncryptionKey([]byte("another key of thirty-two bytes!")))

	tok := sampleToken(1)
	if err := sealed.Save(ctx, "acme", tok); err != nil {
		t.Fatal(err)
	}
	var raw []byte
	var encrypted bool
	if err := pool.QueryRow(ctx, `SELECT token, encrypted FROM factorial_oauth_tokens WHERE token_key = 'acme'`).Scan(&raw, &encrypted); err != nil {
		t.Fatal(err)
	}
	if !encrypted || strings.Contains(string(raw), "secret") || strings.Contains(string(raw), "Bearer") {
		t.Errorf("the row is not encrypted (encrypted=%v)", encrypted)
	}
	if got, err := sealed.Load(ctx, "acme"); err != nil || got.RefreshToken != tok.RefreshToken {
		t.Errorf("Load with the key: %v", err)
	}
	var de *pgstore.DecodeError
	if _, err := plain.Load(ctx, "acme"); !errors.As(err, &de) || !errors.Is(err, pgstore.ErrEncryptionKeyRequired) {
		t.Errorf("Load without the key: %v", err)
	}
	if _, err := other.Load(ctx, "acme"); !errors.As(err, &de) || de.Key != "acme" {
		t.Errorf("Load with another key: %v", err)
	}
	// A sealed token copied into another key's row does not open there.
	if _, err := pool.Exec(ctx, `INSERT INTO factorial_oauth_tokens (token_key, token, encrypted) SELECT 'evil', token, true FROM factorial_oauth_tokens WHERE token_key = 'acme'`); err != nil {
		t.Fatal(err)
	}
	if _, err := sealed.Load(ctx, "evil"); !errors.As(err, &de) {
		t.Errorf("a row copied to another key opened: %v", err)
	}
	// Rows written before encryption was turned on are read, and sealed
	// at their next save.
	if err := plain.Save(ctx, "legacy", tok); err != nil {
		t.Fatal(err)
	}
	got, err := sealed.Load(ctx, "legacy")
	if err != nil || got.AccessToken != tok.AccessToken {
		t.Fatalf("plaintext row through an encrypting store: %v", err)
	}
	lk, err := sealed.Lock(ctx, "legacy")
	if err != nil {
		t.Fatal(err)
	}
	if err := lk.Save(ctx, sampleToken(2)); err != nil {
		t.Fatal(err)
	}
	lk.Unlock()
	if err := pool.QueryRow(ctx, `SELECT encrypted FROM factorial_oauth_tokens WHERE token_key = 'legacy'`).Scan(&encrypted); err != nil || !encrypted {
		t.Errorf("legacy row after a save: encrypted=%v %v", encrypted, err)
	}
	// Garbage in a row: a typed error that does not quote it.
	if _, err := pool.Exec(ctx, `INSERT INTO factorial_oauth_tokens (token_key, token, encrypted) VALUES ('junk', 'access-secret-x{', false)`); err != nil {
		t.Fatal(err)
	}
	if _, err := plain.Load(ctx, "junk"); !errors.As(err, &de) || strings.Contains(err.Error(), "secret") {
		t.Errorf("junk row: %v", err)
	}
	for _, e := range []error{de} {
		if strings.Contains(fmt.Sprintf("%+v %#v", e, e), "access-secret") {
			t.Error("an error quotes the stored token")
		}
	}
}

// Store keeps the KeyedStore contract, on a database of each subtest's
// own.
func TestStoreContract(t *testing.T) {
	t.Parallel()
	oauthtest.TestKeyedStore(t, func(t *testing.T) oauth.KeyedStore {
		pool, _ := newDB(t)
		store, err := pgstore.New(pool, pgstore.WithEncryptionKey(testKey))
		if err != nil {
			t.Fatal(err)
		}
		return store
	})
}
