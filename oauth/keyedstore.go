package oauth

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
)

// ErrEmptyKey is returned for an empty key by KeyedStore implementations
// and TokenSources: an empty key would silently share one token between
// every caller that forgot to set it.
var ErrEmptyKey = errors.New("oauth: empty token key")

// KeyedStore persists one token per key: a company in a marketplace app
// (one authorization per connected company), a user, or any key the
// caller chooses. TokenSources builds a TokenSource per key over it.
//
// Like Store, it must keep every token TokenSource saves, because
// Factorial rotates refresh tokens; Lock must exclude every other holder
// of the same key, in this process and in any other sharing the storage
// (package oauth/pgstore: replicas on several machines sharing one
// PostgreSQL database). Different keys never wait for each other.
type KeyedStore interface {
	// Load returns the key's token, or an error matching ErrNoToken.
	Load(ctx context.Context, key string) (*Token, error)
	// Save stores tok under key, replacing what was there (for a token
	// from Exchange when a company connects or authorises again).
	Save(ctx context.Context, key string, tok *Token) error
	// Delete removes the key's token (a company disconnected). Deleting a
	// key that holds nothing is not an error.
	Delete(ctx context.Context, key string) error
	// Lock takes the exclusive hold on key, waiting until ctx ends.
	// TokenSource reads, refreshes and saves through the KeyLock.
	Lock(ctx context.Context, key string) (KeyLock, error)
}

// KeyLock is the exclusive hold on one key of a KeyedStore.
//
// Package oauth/oauthtest checks an implementation against this contract
// and KeyedStore's.
type KeyLock interface {
	// Load reads the key's token under the hold (an error matching
	// ErrNoToken if there is none): what another holder saved before
	// this hold began is visible.
	Load(ctx context.Context) (*Token, error)
	// Save stores tok and returns once it is durable. The hold may end
	// with it (a transactional store commits): after Save the holder calls
	// only Unlock.
	Save(ctx context.Context, tok *Token) error
	// Unlock ends the hold, discarding nothing Save stored. It may be
	// called after Save and more than once; a Save after it fails.
	Unlock()
}

// locker is what TokenSource needs from its storage.
type locker interface {
	lock(ctx context.Context) (KeyLock, error)
}

// storeLocker makes a single-token Store the one-key case.
type storeLocker struct{ store Store }

func (l storeLocker) lock(ctx context.Context) (KeyLock, error) {
	unlock, err := l.store.Lock(ctx)
	if err != nil {
		return nil, err
	}
	return &storeLock{store: l.store, unlock: sync.OnceFunc(unlock)}, nil
}

type storeLock struct {
	store  Store
	unlock func()
}

func (l *storeLock) Load(ctx context.Context) (*Token, error) { return l.store.Load(ctx) }

func (l *storeLock) Save(ctx context.Context, tok *Token) error { return l.store.Save(ctx, tok) }

func (l *storeLock) Unlock() { l.unlock() }

// keyLocker is one key of a KeyedStore.
type keyLocker struct {
	store KeyedStore
	key   string
}

func (l keyLocker) lock(ctx context.Context) (KeyLock, error) { return l.store.Lock(ctx, l.key) }

// KeyedMemoryStore is a KeyedStore in memory: for tests, and for a single
// process that keeps its tokens elsewhere between runs. The zero value is
// an empty store. Safe for concurrent use; Lock excludes only users of the
// same KeyedMemoryStore value.
type KeyedMemoryStore struct {
	mu   sync.Mutex
	keys map[string]*memoryKey
}

type memoryKey struct {
	tok *Token
	sem chan struct{} // the key's lock: a channel so waiting can honour a context
}

// NewKeyedMemoryStore returns an empty KeyedMemoryStore.
func NewKeyedMemoryStore() *KeyedMemoryStore { return &KeyedMemoryStore{} }

// entryLocked returns the key's record, creating it; the caller holds m.mu.
func (m *KeyedMemoryStore) entryLocked(key string) *memoryKey {
	if m.keys == nil {
		m.keys = make(map[string]*memoryKey)
	}
	e := m.keys[key]
	if e == nil {
		e = &memoryKey{sem: make(chan struct{}, 1)}
		m.keys[key] = e
	}
	return e
}

// Load returns a copy of the key's token.
func (m *KeyedMemoryStore) Load(_ context.Context, key string) (*Token, error) {
	if key == "" {
		return nil, ErrEmptyKey
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if e := m.keys[key]; e != nil && e.tok != nil {
		return e.tok.clone(), nil
	}
	return nil, fmt.Errorf("oauth: key %q: %w", key, ErrNoToken)
}

// Save stores a copy of tok under key.
func (m *KeyedMemoryStore) Save(_ context.Context, key string, tok *Token) error {
	switch {
	case key == "":
		return ErrEmptyKey
	case tok == nil:
		return errors.New("oauth: save: nil token")
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.entryLocked(key).tok = tok.clone()
	return nil
}

// Delete removes the key's token.
func (m *KeyedMemoryStore) Delete(_ context.Context, key string) error {
	if key == "" {
		return ErrEmptyKey
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	if e := m.keys[key]; e != nil {
		e.tok = nil
	}
	return nil
}

// Lock takes the key's lock.
func (m *KeyedMemoryStore) Lock(ctx context.Context, key string) (KeyLock, error) {
	if key == "" {
		return nil, ErrEmptyKey
	}
	m.mu.Lock()
	e := m.entryLocked(key)
	m.mu.Unlock()
	select {
	case e.sem <- struct{}{}:
		l := &memoryKeyLock{m: m, key: key}
		l.unlock = sync.OnceFunc(func() { l.released.Store(true); <-e.sem })
		return l, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("oauth: lock key %q: %w", key, context.Cause(ctx))
	}
}

type memoryKeyLock struct {
	m        *KeyedMemoryStore
	key      string
	unlock   func()
	released atomic.Bool
}

func (l *memoryKeyLock) Load(ctx context.Context) (*Token, error) { return l.m.Load(ctx, l.key) }

func (l *memoryKeyLock) Save(ctx context.Context, tok *Token) error {
	if l.released.Load() {
		return fmt.Errorf("oauth: key %q: %w", l.key, errUnlocked)
	}
	return l.m.Save(ctx, l.key, tok)
}

// errUnlocked is a KeyLock's Save after its Unlock: the holder no longer
// excludes anyone, and its token may be older than one saved since.
var errUnlocked = errors.New("save after Unlock")

func (l *memoryKeyLock) Unlock() { l.unlock() }
