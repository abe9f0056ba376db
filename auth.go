package factorial

import (
	"context"

	"golang.org/x/oauth2"
)

// TokenSource supplies OAuth access tokens. oauth.TokenSource implements it;
// implementations must be safe for concurrent use.
//
// x/oauth2's TokenSource is not enough here: it cannot take a context, and
// it cannot be told that the server rejected a token it still believes
// valid (revoked, or rotated by another process), which is what a 401 means.
type TokenSource interface {
	// TokenContext returns a valid token, refreshing it first if it has
	// expired (one refresh at a time, shared by concurrent callers).
	TokenContext(ctx context.Context) (*oauth2.Token, error)
	// RefreshIfStale refreshes the token only if the current access token
	// still equals staleAccessToken, and returns the current token either
	// way. Concurrent 401s for the same token thus cause one refresh.
	RefreshIfStale(ctx context.Context, staleAccessToken string) (*oauth2.Token, error)
}
