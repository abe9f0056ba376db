package oauth

import (
	"context"
	"errors"
	"fmt"
	"sync"
)

// Store persists the token of one user. TokenSource saves every token it
// obtains before handing it out, because Factorial rotates refresh tokens:
// a refresh token that was spent but whose successor was not saved leaves
// the user logged out.
type Store interface {
	// Load returns the stored token, or an error matching ErrNoToken.
	Load(ctx context.Context) (*Token, error)
	// Save replaces the stored token.
	Save(ctx context.Context, tok *Token) error
	// Lock takes an exclusive lock shared with every other user of the
	// same storage (other processes included, where the store can), until
	// unlock is called. TokenSource holds it across load, refresh and save,
	// so two holders never spend the same refresh token.
	Lock(ctx context.Context) (unlock func(), err error)
}

// MemoryStore keeps the token in memory: for tests, and for programs that
// get a fresh authorization at every start. The zero value is an empty
// store. Safe for concurrent use.
type MemoryStore struct {
	mu  sync.Mutex
	tok *Token

	semOnce sync.Once
	sem     chan struct{} // Lock: a channel so waiting can honour a context
}

// NewMemoryStore returns a store holding a copy of tok (nil for an empty
// store).
func NewMemoryStore(tok *Token) *MemoryStore {
	m := &MemoryStore{}
	if tok != nil {
		m.tok = tok.clone()
	}
	return m
}

// Load returns a copy of the stored token.
func (m *MemoryStore) Load(context.Context) (*Token, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	if m.tok == nil {
		return nil, ErrNoToken
	}
	return m.tok.clone(), nil
}

// Save stores a copy of tok.
func (m *MemoryStore) Save(_ context.Context, tok *Token) error {
	if tok == nil {
		return errors.New("oauth: save: nil token")
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	m.tok = tok.clone()
	return nil
}

// Lock serialises the users of this MemoryStore value.
func (m *MemoryStore) Lock(ctx context.Context) (func(), error) {
	m.semOnce.Do(func() { m.sem = make(chan struct{}, 1) })
	select {
	case m.sem <- struct{}{}:
		return func() { <-m.sem }, nil
	case <-ctx.Done():
		return nil, fmt.Errorf("oauth: lock memory store: %w", context.Cause(ctx))
	}
}
