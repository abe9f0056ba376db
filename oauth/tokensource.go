package oauth

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// TokenSource hands out access tokens for one user (a Store, through
// NewTokenSource) or one key of a KeyedStore (through TokenSources),
// refreshing them before they expire, and is safe for concurrent use. It
// implements oauth2.TokenSource.
//
// What it adds to x/oauth2's ReuseTokenSource:
//   - every new token, rotated refresh token included, is saved to the
//     Store before anyone receives it;
//   - the refresh runs under the store's lock after re-reading the store, so
//     another process's (or machine's) fresher token is adopted instead of
//     spending the same refresh token twice;
//   - the refresh HTTP call uses the source's own long-lived context; a
//     caller's context only bounds how long that caller waits;
//   - however many goroutines need a token at once, one refresh runs and
//     the others wait for it;
//   - RefreshIfStale lets a client that got a 401 force a refresh exactly
//     once per stale token;
//   - invalid_grant surfaces as ErrReauthRequired and leaves the store as
//     it was;
//   - a token without expiry (a company token) is handed out as long as the
//     server accepts it and never refreshed; one without a refresh token
//     that the server rejects ends in a *TokenRejectedError, not in a
//     refresh request with an empty refresh token.
type TokenSource struct {
	cfg       *Config
	store     locker
	ctx       context.Context
	margin    time.Duration
	onRefresh func(*Token)
	log       *slog.Logger

	mu       sync.Mutex
	cur      *Token // last token handed out; always persisted
	unsaved  *Token // minted but not yet persisted (Save failed)
	inflight *call
}

// call is one refresh that any number of callers wait on.
type call struct {
	done chan struct{}
	tok  *Token
	err  error
}

// TokenSourceOption configures NewTokenSource.
type TokenSourceOption func(*TokenSource)

// WithRefreshMargin refreshes tokens this long before they expire (default
// 2 minutes): room for clock drift, the one-second resolution of created_at
// and Date, and a request that starts just before expiry and is still in
// flight when it passes. Negative values are ignored.
func WithRefreshMargin(d time.Duration) TokenSourceOption {
	return func(s *TokenSource) {
		if d >= 0 {
			s.margin = d
		}
	}
}

// WithBaseContext sets the context for refresh requests and store access
// (default context.Background()). Cancel it to stop refreshing at shutdown.
// Never pass a request's context: it would end, and every later refresh
// would fail with it (x/oauth2's well-known trap).
func WithBaseContext(ctx context.Context) TokenSourceOption {
	return func(s *TokenSource) {
		if ctx != nil {
			s.ctx = ctx
		}
	}
}

// WithOnRefresh calls fn with a copy of every token this source obtains
// from the server, after it is saved and before the callers waiting for it
// receive it. It runs on the refreshing goroutine and those callers wait
// for it: keep it short. Tokens adopted from the store (a refresh by
// another process) do not trigger it.
func WithOnRefresh(fn func(*Token)) TokenSourceOption {
	return func(s *TokenSource) { s.onRefresh = fn }
}

// NewTokenSource returns a source that reads the user's token from store
// and keeps it fresh. Save the token from Exchange in store first.
func NewTokenSource(cfg *Config, store Store, opts ...TokenSourceOption) (*TokenSource, error) {
	if cfg == nil || store == nil {
		return nil, errors.New("oauth: NewTokenSource needs a Config and a Store")
	}
	return newTokenSource(cfg, storeLocker{store}, cfg.logger, opts), nil
}

func newTokenSource(cfg *Config, store locker, log *slog.Logger, opts []TokenSourceOption) *TokenSource {
	s := &TokenSource{
		cfg:    cfg,
		store:  store,
		ctx:    context.Background(),
		margin: 2 * time.Minute,
		log:    log,
	}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Token returns a valid token, refreshing it if needed, waiting as long as
// the refresh takes (bounded by the HTTP client's timeout).
func (s *TokenSource) Token() (*oauth2.Token, error) {
	return s.TokenContext(context.Background())
}

// TokenContext is Token with ctx bounding the wait. When ctx ends the
// caller gets its error, but a refresh in progress continues for the other
// callers and is still saved.
func (s *TokenSource) TokenContext(ctx context.Context) (*oauth2.Token, error) {
	return s.get(ctx, "")
}

// RefreshIfStale is for a client that got 401 with staleAccessToken: if
// that is still the current token, it is refreshed (even if it has not
// expired: Factorial revokes a pair when another process refreshes it);
// otherwise the current token is returned. So any number of goroutines that
// failed with the same token cause one refresh.
//
// A rejected token without a refresh token (a company token) cannot be
// refreshed: unless the store holds another token by now, the result is a
// *TokenRejectedError, which matches ErrReauthRequired.
func (s *TokenSource) RefreshIfStale(ctx context.Context, staleAccessToken string) (*oauth2.Token, error) {
	return s.get(ctx, staleAccessToken)
}

func (s *TokenSource) get(ctx context.Context, stale string) (*oauth2.Token, error) {
	s.mu.Lock()
	if t := s.cur; t != nil && s.usable(t, stale) {
		s.mu.Unlock()
		return t.OAuth2(), nil
	}
	// Deciding and joining under one lock is what makes the refresh
	// single: a caller either sees the new token or joins the call that
	// produces it.
	c := s.inflight
	if c == nil {
		c = &call{done: make(chan struct{})}
		s.inflight = c
		go s.run(c, stale)
	}
	s.mu.Unlock()

	select {
	case <-c.done:
		if c.err != nil {
			return nil, c.err
		}
		return c.tok.OAuth2(), nil
	case <-ctx.Done():
		return nil, fmt.Errorf("oauth: waiting for token refresh: %w", context.Cause(ctx))
	}
}

// usable reports whether t can be handed out: not the token a caller saw
// rejected, and not within the margin of its expiry. A token without
// expiry (a company token) is never stale by time.
func (s *TokenSource) usable(t *Token, stale string) bool {
	if t.AccessToken == "" || (stale != "" && t.AccessToken == stale) {
		return false
	}
	if t.NeverExpires() {
		return true
	}
	margin := s.margin
	if t.ExpiresIn > 0 {
		// A margin longer than half the lifetime would make every fresh
		// token look stale and refresh on every call.
		// Capped first: a stored expires_in beyond maxExpiresIn would
		// overflow into a negative margin, and an expired token would look
		// valid for a century.
		margin = min(margin, time.Duration(min(t.ExpiresIn, maxExpiresIn))*time.Second/2)
	}
	return s.cfg.now().Before(t.Expiry.Add(-margin))
}

func (s *TokenSource) run(c *call, stale string) {
	tok, minted, err := s.refresh(stale)
	s.mu.Lock()
	if err == nil {
		s.cur = tok
	}
	s.inflight = nil
	c.tok, c.err = tok, err
	s.mu.Unlock()
	// The hook runs after the token is current (so a hook that calls back
	// into the source gets it instead of deadlocking) and before the waiters
	// are released (so what it records happens before they see the token).
	if minted && s.onRefresh != nil {
		s.onRefresh(tok.clone())
	}
	close(c.done)
}

// refresh produces the token to hand out, holding the store's lock so that
// no other holder (goroutine, process or machine) spends the same refresh
// token. It reports whether the token came from the server.
func (s *TokenSource) refresh(stale string) (*Token, bool, error) {
	for {
		tok, minted, again, err := s.refreshOnce(stale)
		if !again {
			return tok, minted, err
		}
	}
}

// refreshOnce is one hold of the lock. again asks for another: a KeyLock
// may end with Save, so after persisting a token minted earlier that is
// no longer usable, the next refresh needs the lock taken afresh.
func (s *TokenSource) refreshOnce(stale string) (tok *Token, minted, again bool, err error) {
	ctx := s.ctx
	lk, err := s.store.lock(ctx)
	if err != nil {
		return nil, false, false, err
	}
	defer lk.Unlock()

	s.mu.Lock()
	pending := s.unsaved
	s.mu.Unlock()
	if pending != nil {
		// A token minted earlier could not be saved. Its predecessor is
		// already revoked, so it must be persisted before anything else.
		if err := lk.Save(ctx, pending); err != nil {
			return nil, false, false, fmt.Errorf("oauth: persist refreshed token: %w", err)
		}
		s.mu.Lock()
		s.unsaved = nil
		s.mu.Unlock()
		if s.usable(pending, stale) {
			return pending, false, false, nil
		}
		return nil, false, true, nil
	}

	// Read under the lock: another holder may have refreshed while this
	// one waited for it.
	stored, err := lk.Load(ctx)
	if errors.Is(err, ErrNoToken) {
		// The store is the source of truth: an emptied store means the
		// user logged out, even if this process still remembers a token.
		return nil, false, false, fmt.Errorf("%w: %w", ErrReauthRequired, err)
	}
	if err != nil {
		return nil, false, false, fmt.Errorf("oauth: load token: %w", err)
	}
	if s.usable(stored, stale) {
		s.mu.Lock()
		adopted := s.cur != nil && s.cur.AccessToken != stored.AccessToken
		s.mu.Unlock()
		if adopted {
			s.log.Debug("oauth: using the token another holder refreshed", "expiry", stored.Expiry)
		}
		return stored, false, false, nil
	}
	if stored.RefreshToken == "" {
		if stale != "" && stored.AccessToken == stale {
			// The server refused this token and nothing can renew it: a
			// refresh_token grant without a refresh token would only earn
			// invalid_request. The token stays current, so a later call
			// that the server accepts (the 401 was passing) still works.
			s.log.Warn("oauth: the server rejected an access token that has no refresh token; authorise the application again", "never_expires", stored.NeverExpires())
			return nil, false, false, &TokenRejectedError{NeverExpires: stored.NeverExpires()}
		}
		return nil, false, false, fmt.Errorf("oauth: token expired and has no refresh token: %w", ErrReauthRequired)
	}

	fresh, err := s.cfg.Refresh(ctx, stored.RefreshToken)
	if err != nil {
		// The stored token stays as it was: on invalid_grant the user must
		// authorise again, on anything else a retry may work.
		s.log.Warn("oauth: token refresh failed", "error", err)
		return nil, false, false, err
	}
	if err := lk.Save(ctx, fresh); err != nil {
		s.mu.Lock()
		s.unsaved = fresh
		s.mu.Unlock()
		s.log.Error("oauth: refreshed token could not be saved; will retry", "error", err)
		return nil, false, false, fmt.Errorf("oauth: persist refreshed token: %w", err)
	}
	s.log.Info("oauth: token refreshed", "expiry", fresh.Expiry, "scopes", fresh.Scopes)
	return fresh, true, false, nil
}
