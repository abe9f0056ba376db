package oauth

import (
	"context"
	"errors"
	"sync"
)

// TokenSources hands out one TokenSource per key of a KeyedStore: the
// shape of a marketplace app, which holds one authorization per connected
// company, on any number of replicas. Every goroutine asking for the same
// key gets the same TokenSource, so a key's refresh runs once in the
// process; the store's lock makes it run once across processes and
// machines. Safe for concurrent use.
//
//	sources, _ := oauth.NewTokenSources(cfg, store) // store: e.g. pgstore.New(pool)
//	_ = sources.Save(ctx, companyKey, tok)          // when a company connects (tok from Exchange)
//	ts, _ := sources.Source(companyKey)             // for every request on its behalf
//	client, _ := factorial.NewClient(factorial.WithTokenSource(ts))
type TokenSources struct {
	cfg   *Config
	store KeyedStore
	opts  []TokenSourceOption

	mu      sync.Mutex
	sources map[string]*TokenSource
}

// NewTokenSources returns the sources for cfg's application over store.
// opts apply to every key's TokenSource (WithOnRefresh's function is then
// called for every key's refreshes).
func NewTokenSources(cfg *Config, store KeyedStore, opts ...TokenSourceOption) (*TokenSources, error) {
	if cfg == nil || store == nil {
		return nil, errors.New("oauth: NewTokenSources needs a Config and a KeyedStore")
	}
	return &TokenSources{cfg: cfg, store: store, opts: opts, sources: make(map[string]*TokenSource)}, nil
}

// Source returns the key's TokenSource, the same one on every call until
// Save or Delete for the key. The key's token must be in the store by the
// time the source is used; an empty key is ErrEmptyKey.
func (ts *TokenSources) Source(key string) (*TokenSource, error) {
	if key == "" {
		return nil, ErrEmptyKey
	}
	ts.mu.Lock()
	defer ts.mu.Unlock()
	s := ts.sources[key]
	if s == nil {
		s = newTokenSource(ts.cfg, keyLocker{store: ts.store, key: key}, ts.cfg.logger.With("token_key", key), ts.opts)
		ts.sources[key] = s
	}
	return s, nil
}

// Save stores tok (from Exchange) under key and starts the key's next
// Source afresh, so it hands out the new token instead of what an earlier
// authorization left in memory.
func (ts *TokenSources) Save(ctx context.Context, key string, tok *Token) error {
	if key == "" {
		return ErrEmptyKey
	}
	if err := ts.store.Save(ctx, key, tok); err != nil {
		return err
	}
	ts.forget(key)
	return nil
}

// Delete removes the key's token from the store (a company disconnected)
// and forgets its TokenSource. A TokenSource obtained before keeps handing
// out the token it holds until that token is stale; its next refresh then
// fails with ErrReauthRequired.
func (ts *TokenSources) Delete(ctx context.Context, key string) error {
	if key == "" {
		return ErrEmptyKey
	}
	if err := ts.store.Delete(ctx, key); err != nil {
		return err
	}
	ts.forget(key)
	return nil
}

func (ts *TokenSources) forget(key string) {
	ts.mu.Lock()
	delete(ts.sources, key)
	ts.mu.Unlock()
}
