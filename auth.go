package factorial

import (
	"context"
	"net/http"
	"net/url"
	"strings"

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

// apiKeyHeader is where Factorial expects a company API key, without any
// prefix.
const apiKeyHeader = "X-Api-Key"

// wantsCredentials reports whether the client should attach its credential
// to req. Two cases say no: a request for another origin (a hand-built
// request passed to Client.Do must not carry the key elsewhere), and an
// operation that declares `security: []` (the OAuth token endpoints, where
// a bearer token is meaningless and fetching one could recurse into the
// token source's own refresh).
func wantsCredentials(req *http.Request, base *url.URL, op *operation) bool {
	return sameOrigin(req.URL, base) && (op == nil || !op.noCredentials)
}

func sameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Host, b.Host)
}
