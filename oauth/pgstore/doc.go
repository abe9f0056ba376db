// Package pgstore keeps OAuth tokens in PostgreSQL, one per key, for a
// service on several replicas: typically a marketplace app holding one
// authorization per connected company. It implements oauth.KeyedStore over
// github.com/jackc/pgx/v5; use it with oauth.TokenSources.
//
//	pool, _ := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
//	_ = pgstore.Migrate(ctx, pool)                               // at startup, on every replica
//	store, _ := pgstore.New(pool, pgstore.WithEncryptionKey(key)) // key: 32 bytes from your secrets
//	sources, _ := oauth.NewTokenSources(cfg, store)
//	ts, _ := sources.Source(companyKey)
//
// It lives in its own package so that programs that do not use it do not
// link the PostgreSQL driver.
//
// # One refresh per expiry across machines
//
// Factorial rotates the refresh token on every refresh; two replicas that
// spend the same one leave the second with invalid_grant and the company
// logged out. A key's refresh therefore runs inside a transaction holding
// the key's row lock (SELECT ... FOR UPDATE). The token is read after the
// lock is taken, so a replica that waited while another refreshed finds
// the fresh token and uses it; otherwise it refreshes, and writes and
// commits the rotated token before handing it to anyone. Different keys do
// not wait for each other.
//
// A process that dies while holding the lock closes its connection, and
// PostgreSQL rolls its transaction back and releases the lock at once; one
// that hangs loses its session after the hold timeout (WithHoldTimeout).
// What no store can save is the successor minted for a process killed
// after the server rotated and before the commit: the row keeps its
// predecessor, which Factorial (Doorkeeper's refresh_token_revoked_on_use)
// keeps valid until the successor is first used, so the next replica's
// refresh succeeds; where the old token is revoked at once, that key needs
// a new authorization (oauth.ErrReauthRequired).
//
// # Schema
//
// Migrate applies the embedded migrations (migrations/NNNN_name.sql,
// also returned by Migrations for other migration tools) in one
// transaction under an advisory lock and records them in
// factorial_oauth_migrations; it is idempotent. The tokens live in
// factorial_oauth_tokens: token_key, the token (JSON, or AES-GCM sealed),
// encrypted, expiry (not secret, for monitoring) and updated_at.
//
// # Secrets
//
// With WithEncryptionKey tokens are sealed with AES-GCM, bound to their
// key so a row copied to another key does not open. The store logs
// nothing, and its errors name keys, never token content.
package pgstore
