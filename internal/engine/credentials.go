package engine

import (
	"context"
	"net/http"
	"net/url"
	"strings"

	"golang.org/x/oauth2"
)

// Tokens supplies OAuth access tokens; the public token source interface
// has the same methods and documents them.
type Tokens interface {
	TokenContext(ctx context.Context) (*oauth2.Token, error)
	RefreshIfStale(ctx context.Context, staleAccessToken string) (*oauth2.Token, error)
}

// APIKeyHeader is where Factorial expects a company API key, without any
// prefix.
const APIKeyHeader = "X-Api-Key"

// wantsCredentials reports whether the client should attach its credential
// to req. Two cases say no: a request for another origin (a hand-built
// request passed to Client.Do must not carry the key elsewhere), and an
// operation that declares `security: []` (the OAuth token endpoints, where
// a bearer token is meaningless and fetching one could recurse into the
// token source's own refresh).
func wantsCredentials(req *http.Request, base *url.URL, op *Operation) bool {
	return SameOrigin(req.URL, base) && (op == nil || !op.NoCredentials)
}

// SameOrigin reports whether a and b share scheme and host (port included).
func SameOrigin(a, b *url.URL) bool {
	return strings.EqualFold(a.Scheme, b.Scheme) && strings.EqualFold(a.Host, b.Host)
}
