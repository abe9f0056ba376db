package pgstore

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"iter"
	"time"

	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"

	"github.com/factorial-go/factorial/oauth"
)

// DB is what the store needs from a database handle. *pgxpool.Pool
// implements it; the handle must be safe for concurrent use, so a pool
// rather than a single *pgx.Conn for anything but one goroutine.
type DB interface {
	Begin(ctx context.Context) (pgx.Tx, error)
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
}

var (
	// ErrInvalidKey is returned by New for an encryption key that is not an
	// AES key.
	ErrInvalidKey = errors.New("pgstore: invalid encryption key")
	// ErrEncryptionKeyRequired is the Err of a *DecodeError for an
	// encrypted token read by a store without an encryption key.
	ErrEncryptionKeyRequired = errors.New("the token is encrypted and the store has no encryption key")
)

// DecodeError reports a stored token that cannot be read: encrypted with
// another key, encrypted while the store has none, or not a token. Its
// message names the key, never the content; Unwrap gives the cause.
type DecodeError struct {
	Key string
	Err error
}

func (e *DecodeError) Error() string {
	return fmt.Sprintf("pgstore: the token stored under key %q cannot be read: %v", e.Key, e.Err)
}

func (e *DecodeError) Unwrap() error { return e.Err }

// Store is an oauth.KeyedStore in a PostgreSQL table, shared by every
// process that connects to the database. Safe for concurrent use.
type Store struct {
	db          DB
	seal        *sealer
	holdTimeout time.Duration
}

// Option configures New.
type Option func(*Store) error

// WithEncryptionKey encrypts tokens at rest with AES-GCM under key (16, 24
// or 32 bytes: AES-128, -192 or -256), bound to the row's key so a sealed
// token copied to another row does not open. Keep the key outside the
// database (a secret manager, an environment variable). Rows written
// without encryption are still read, and encrypted at their next save; an
// encrypted row read without the key, or with another one, is a
// *DecodeError.
func WithEncryptionKey(key []byte) Option {
	return func(s *Store) error {
		sl, err := newSealer(key)
		if err != nil {
			return err
		}
		s.seal = sl
		return nil
	}
}

// WithHoldTimeout bounds how long a holder of a key's lock may stay idle
// inside its transaction (default 1 minute), through PostgreSQL's
// idle_in_transaction_session_timeout: a process that hangs (rather than
// dies, which releases the lock at once) while refreshing loses its
// session, and with it the lock, after d. Keep it above the refresh
// request's timeout. Zero leaves the server's setting.
func WithHoldTimeout(d time.Duration) Option {
	return func(s *Store) error {
		if d < 0 {
			return fmt.Errorf("pgstore: negative hold timeout %v", d)
		}
		s.holdTimeout = d
		return nil
	}
}

// New returns a store over db, whose schema must be current (Migrate).
func New(db DB, opts ...Option) (*Store, error) {
	if db == nil {
		return nil, errors.New("pgstore: New needs a database handle")
	}
	s := &Store{db: db, holdTimeout: time.Minute}
	for _, o := range opts {
		if err := o(s); err != nil {
			return nil, err
		}
	}
	return s, nil
}

var _ oauth.KeyedStore = (*Store)(nil)

// Load returns the key's token, or an error matching oauth.ErrNoToken.
func (s *Store) Load(ctx context.Context, key string) (*oauth.Token, error) {
	if key == "" {
		return nil, oauth.ErrEmptyKey
	}
	return s.read(ctx, s.db, key, "")
}

const selectToken = `SELECT token, encrypted FROM factorial_oauth_tokens WHERE token_key = $1`

func (s *Store) read(ctx context.Context, q interface {
	QueryRow(context.Context, string, ...any) pgx.Row
}, key, suffix string) (*oauth.Token, error) {
	var data []byte
	var encrypted bool
	err := q.QueryRow(ctx, selectToken+suffix, key).Scan(&data, &encrypted)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, fmt.Errorf("pgstore: key %q: %w", key, oauth.ErrNoToken)
	}
	if err != nil {
		return nil, fmt.Errorf("pgstore: load key %q: %w", key, err)
	}
	return s.decode(key, data, encrypted)
}

func (s *Store) decode(key string, data []byte, encrypted bool) (*oauth.Token, error) {
	if encrypted {
		if s.seal == nil {
			return nil, &DecodeError{Key: key, Err: ErrEncryptionKeyRequired}
		}
		plain, err := s.seal.open(key, data)
		if err != nil {
			return nil, &DecodeError{Key: key, Err: errors.New("decryption failed: another encryption key, or a token copied from another key")}
		}
		data = plain
	}
	var tok oauth.Token
	if err := json.Unmarshal(data, &tok); err != nil {
		// The JSON error may quote the content: keep only its kind.
		return nil, &DecodeError{Key: key, Err: errors.New("not a token (invalid JSON)")}
	}
	if tok.AccessToken == "" && tok.RefreshToken == "" {
		return nil, &DecodeError{Key: key, Err: errors.New("no token in the row")}
	}
	return &tok, nil
}

func (s *Store) encode(key string, tok *oauth.Token) ([]byte, bool, error) {
	data, err := json.Marshal(tok)
	if err != nil {
		return nil, false, fmt.Errorf("pgstore: encode token: %w", err)
	}
	if s.seal == nil {
		return data, false, nil
	}
	sealed, err := s.seal.seal(key, data)
	if err != nil {
		return nil, false, fmt.Errorf("pgstore: encrypt token: %w", err)
	}
	return sealed, true, nil
}

const upsertToken = `INSERT INTO factorial_oauth_tokens (token_key, token, encrypted, expiry, updated_at)
VALUES ($1, $2, $3, $4, now())
ON CONFLICT (token_key) DO UPDATE
SET token = EXCLUDED.token, encrypted = EXCLUDED.encrypted, expiry = EXCLUDED.expiry, updated_at = now()`

func (s *Store) write(ctx context.Context, q interface {
	Exec(context.Context, string, ...any) (pgconn.CommandTag, error)
}, key string, tok *oauth.Token) error {
	switch {
	case key == "":
		return oauth.ErrEmptyKey
	case tok == nil:
		return errors.New("pgstore: save: nil token")
	}
	data, encrypted, err := s.encode(key, tok)
	if err != nil {
		return err
	}
	var expiry *time.Time
	if !tok.NeverExpires() {
		expiry = &tok.Expiry
	}
	if _, err := q.Exec(ctx, upsertToken, key, data, encrypted, expiry); err != nil {
		return fmt.Errorf("pgstore: save key %q: %w", key, err)
	}
	return nil
}

// Save stores tok under key, replacing what was there: for the token from
// Exchange when a company connects or authorises again.
func (s *Store) Save(ctx context.Context, key string, tok *oauth.Token) error {
	return s.write(ctx, s.db, key, tok)
}

// Delete removes the key's token (a company disconnected). A refresh of
// the key in progress finishes first: the delete waits for its row lock.
func (s *Store) Delete(ctx context.Context, key string) error {
	if key == "" {
		return oauth.ErrEmptyKey
	}
	if _, err := s.db.Exec(ctx, `DELETE FROM factorial_oauth_tokens WHERE token_key = $1`, key); err != nil {
		return fmt.Errorf("pgstore: delete key %q: %w", key, err)
	}
	return nil
}

// Keys yields the stored keys in order, then stops at the first error.
func (s *Store) Keys(ctx context.Context) iter.Seq2[string, error] {
	return func(yield func(string, error) bool) {
		r, err := s.db.Query(ctx, `SELECT token_key FROM factorial_oauth_tokens ORDER BY token_key`)
		if err != nil {
			yield("", fmt.Errorf("pgstore: keys: %w", err))
			return
		}
		defer r.Close()
		for r.Next() {
			var k string
			if err := r.Scan(&k); err != nil {
				yield("", fmt.Errorf("pgstore: keys: %w", err))
				return
			}
			if !yield(k, nil) {
				return
			}
		}
		if err := r.Err(); err != nil {
			yield("", fmt.Errorf("pgstore: keys: %w", err))
		}
	}
}

// Lock begins a transaction and locks the key's row (SELECT ... FOR
// UPDATE), reading the token under the lock: a holder that waited sees
// what the previous holder saved. The KeyLock's Save writes the new token
// in the same transaction and commits, which ends the hold. A process
// that dies while holding the lock loses its connection, and PostgreSQL
// rolls the transaction back and releases the lock at once. A key with no
// row locks nothing (there is nothing to refresh).
func (s *Store) Lock(ctx context.Context, key string) (oauth.KeyLock, error) {
	if key == "" {
		return nil, oauth.ErrEmptyKey
	}
	tx, err := s.db.Begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("pgstore: lock key %q: %w", key, err)
	}
	l := &keyLock{s: s, tx: tx, key: key}
	if s.holdTimeout > 0 {
		// SET LOCAL takes no parameters; the value is an integer.
		stmt := fmt.Sprintf("SET LOCAL idle_in_transaction_session_timeout = %d", s.holdTimeout.Milliseconds())
		if _, err := tx.Exec(ctx, stmt); err != nil {
			l.Unlock()
			return nil, fmt.Errorf("pgstore: lock key %q: %w", key, err)
		}
	}
	l.tok, l.loadErr = s.read(ctx, tx, key, " FOR UPDATE")
	if l.loadErr != nil && !errors.Is(l.loadErr, oauth.ErrNoToken) {
		var de *DecodeError
		if !errors.As(l.loadErr, &de) {
			// The lock was not taken (a cancelled wait, a lost connection).
			l.Unlock()
			return nil, l.loadErr
		}
	}
	return l, nil
}

type keyLock struct {
	s       *Store
	tx      pgx.Tx
	key     string
	tok     *oauth.Token
	loadErr error
	ended   bool
}

// Load returns the token read when the lock was taken.
func (l *keyLock) Load(context.Context) (*oauth.Token, error) {
	if l.loadErr != nil {
		return nil, l.loadErr
	}
	return l.tok, nil
}

// Save writes tok and commits, ending the hold. The token is durable when
// Save returns nil; on an error nothing was written.
func (l *keyLock) Save(ctx context.Context, tok *oauth.Token) error {
	if l.ended {
		return errors.New("pgstore: save after the key's lock ended")
	}
	if err := l.s.write(ctx, l.tx, l.key, tok); err != nil {
		l.Unlock()
		return err
	}
	l.ended = true
	if err := l.tx.Commit(ctx); err != nil {
		_ = l.tx.Rollback(context.WithoutCancel(ctx))
		return fmt.Errorf("pgstore: save key %q: commit: %w", l.key, err)
	}
	return nil
}

// Unlock rolls back whatever Save did not commit and releases the lock.
func (l *keyLock) Unlock() {
	if l.ended {
		return
	}
	l.ended = true
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_ = l.tx.Rollback(ctx)
}
