package oauth

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"golang.org/x/oauth2"
)

// Exchange trades an authorization code for a token. auth is the
// Authorization the code came from: its PKCE verifier and redirect URI are
// sent with the code. Pass nil for a code obtained elsewhere (Factorial's
// dashboard Authorize button); the Config's redirect URI is then used.
//
// The token's Expiry comes from Doorkeeper's created_at + expires_in,
// translated to the local clock with the response's Date header (see
// Token.Expiry); x/oauth2 alone would ignore created_at. A response without
// expires_in (a company token, see CompanyToken) gives a token whose
// Expiry is zero: it never expires, and usually has no refresh token.
//
// A rejected code is an *Error; invalid_grant also matches
// ErrReauthRequired (start a new authorization).
func (c *Config) Exchange(ctx context.Context, code string, auth *Authorization) (*Token, error) {
	if code == "" {
		return nil, fmt.Errorf("%w: empty code", ErrInvalidCode)
	}
	var opts []oauth2.AuthCodeOption
	redirect := c.redirectURI
	secrets := []string{c.clientSecret, code}
	if auth != nil {
		redirect = auth.redirectURI
		if auth.verifier != "" {
			opts = append(opts, oauth2.VerifierOption(auth.verifier))
			secrets = append(secrets, auth.verifier)
		}
	}
	opts = append(opts, oauth2.SetAuthURLParam("redirect_uri", redirect))
	ctx, wire := c.wireContext(ctx)
	t, err := c.o2.Exchange(ctx, code, opts...)
	if err != nil {
		return nil, wrapTokenError("exchange", err, secrets...)
	}
	return c.fromWire(t, wire), nil
}

// Refresh spends a refresh token for a new token. Factorial rotates refresh
// tokens: the returned token carries a new one and the old one is dead, so
// persist the result before using it (TokenSource does this for you).
//
// A rejected refresh token is an *Error matching ErrReauthRequired.
func (c *Config) Refresh(ctx context.Context, refreshToken string) (*Token, error) {
	if refreshToken == "" {
		return nil, fmt.Errorf("oauth: refresh: no refresh token: %w", ErrReauthRequired)
	}
	ctx, wire := c.wireContext(ctx)
	// x/oauth2's refresher: with no access token the source is invalid, so
	// Token makes exactly one refresh_token request.
	t, err := c.o2.TokenSource(ctx, &oauth2.Token{RefreshToken: refreshToken}).Token()
	if err != nil {
		return nil, wrapTokenError("refresh", err, c.clientSecret, refreshToken)
	}
	return c.fromWire(t, wire), nil
}

func (c *Config) wireContext(ctx context.Context) (context.Context, *wireInfo) {
	ctx = context.WithValue(ctx, oauth2.HTTPClient, c.tokenClient)
	return withWireInfo(ctx)
}

// fromWire keeps what x/oauth2 parsed and recovers what it drops: scope and
// created_at from Extra, and an expiry based on them.
func (c *Config) fromWire(o *oauth2.Token, wire *wireInfo) *Token {
	t := &Token{
		AccessToken:  o.AccessToken,
		TokenType:    o.TokenType,
		RefreshToken: o.RefreshToken,
	}
	if t.TokenType == "" {
		t.TokenType = "Bearer"
	}
	if s, ok := o.Extra("scope").(string); ok {
		t.Scopes = strings.Fields(s)
	}
	t.CreatedAt = createdAt(o.Extra("created_at"))
	hasExpiry := o.Extra("expires_in") != nil
	t.ExpiresIn = o.ExpiresIn
	if t.ExpiresIn == 0 && hasExpiry {
		// Form-encoded bodies do not fill ExpiresIn.
		t.ExpiresIn, _ = number(o.Extra("expires_in"))
	}
	// x/oauth2 caps a JSON expires_in the same way; a form-encoded one up
	// to MaxInt64 would overflow time.Duration in every use of it.
	t.ExpiresIn = min(t.ExpiresIn, maxExpiresIn)
	if t.ExpiresIn == 0 {
		// Doorkeeper leaves expires_in out for tokens that never expire
		// (Factorial's company tokens). A zero or empty value is read the
		// same way, as x/oauth2 does: taking it as "expired on arrival"
		// would make a token without a refresh token unusable at once.
		hasExpiry = false
	}
	received := wire.received
	if received.IsZero() {
		received = c.now()
	}
	t.Expiry = computeExpiry(t.ExpiresIn, hasExpiry, t.CreatedAt, wire.date, received)
	return t
}

// wrapTokenError turns x/oauth2's errors into ours. *oauth2.RetrieveError
// is replaced, not wrapped: its Error() includes the raw response body,
// which can echo credentials, and keeping it in the chain would let any
// %v of an unwrapped error print it. secrets are the request's, removed
// from the server's error code and description.
func wrapTokenError(op string, err error, secrets ...string) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		e := &Error{Op: op, Code: sanitize(re.ErrorCode, secrets...), Description: sanitize(re.ErrorDescription, secrets...)}
		if re.Response != nil {
			e.StatusCode = re.Response.StatusCode
		}
		return e
	}
	// Transport errors (*url.Error names the token URL, never the form
	// body) and context errors stay matchable.
	return fmt.Errorf("oauth: %s: %w", op, err)
}
