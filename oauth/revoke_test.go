package oauth_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
)

func TestRevokeAndTokenInfo(t *testing.T) {
	tests := []struct {
		name  string
		hint  oauth.TokenHint
		which func(tok factorialtest.IssuedToken) string
	}{
		{name: "access token", hint: oauth.AccessTokenHint, which: func(tok factorialtest.IssuedToken) string { return tok.AccessToken }},
		{name: "refresh token", hint: oauth.RefreshTokenHint, which: func(tok factorialtest.IssuedToken) string { return tok.RefreshToken }},
		{name: "refresh token without hint", which: func(tok factorialtest.IssuedToken) string { return tok.RefreshToken }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t)
			lc := newLeakCheck(t, srv)
			ctx := context.Background()
			cfg := newConfig(t, srv, lc, oauth.OOBRedirectURI)
			tok, _ := srv.IssueToken(3)
			srv.Advance(10 * time.Minute)

			info, err := cfg.TokenInfo(ctx, tok.AccessToken)
			if err != nil {
				t.Fatal(lc.err(err))
			}
			if info.ResourceOwnerID != 3 || info.ExpiresIn != 110*time.Minute || info.NeverExpires ||
				info.ApplicationUID != factorialtest.DefaultClientID || !info.CreatedAt.Equal(tok.CreatedAt) || len(info.Scopes) != 2 {
				t.Fatalf("info = %+v", info)
			}
			if err := cfg.Revoke(ctx, tc.which(tok), tc.hint); err != nil {
				t.Fatal(lc.err(err))
			}
			_, err = cfg.TokenInfo(ctx, tok.AccessToken)
			var oe *oauth.Error
			if !errors.As(lc.err(err), &oe) || oe.Code != oauth.CodeInvalidToken || oe.StatusCode != 401 || oe.Description != "The access token was revoked" {
				t.Fatalf("token info after revoke: %v", err)
			}
			_, err = cfg.Refresh(ctx, tok.RefreshToken)
			if !errors.Is(lc.err(err), oauth.ErrReauthRequired) {
				t.Fatalf("refresh after revoke: %v", err)
			}
			// Revoking again, or an unknown token, succeeds (RFC 7009).
			if err := cfg.Revoke(ctx, tc.which(tok), tc.hint); err != nil {
				t.Fatal(lc.err(err))
			}
			if err := cfg.Revoke(ctx, "never-issued", ""); err != nil {
				t.Fatal(lc.err(err))
			}
		})
	}
}

func TestRevokeRefusedForWrongClient(t *testing.T) {
	srv := newServer(t)
	lc := newLeakCheck(t, srv)
	tok, _ := srv.IssueToken(1)
	cfg, err := oauth.New(factorialtest.DefaultClientID, "wrong-secret-value", oauth.OOBRedirectURI,
		oauth.WithBaseURL(srv.URL()), oauth.WithHTTPClient(validatingClient(t, srv)))
	if err != nil {
		t.Fatal(err)
	}
	lc.secret("wrong-secret-value")
	err = cfg.Revoke(context.Background(), tok.AccessToken, oauth.AccessTokenHint)
	var oe *oauth.Error
	if !errors.As(lc.err(err), &oe) || oe.Code != oauth.CodeUnauthorizedClient || oe.StatusCode != 403 {
		t.Fatalf("error = %v", err)
	}
	if !srv.TokenActive(tok.AccessToken) {
		t.Fatal("token revoked by an unauthenticated client")
	}
	// The same wrong secret at the token endpoint is invalid_client, 401.
	_, err = cfg.Refresh(context.Background(), tok.RefreshToken)
	if !errors.As(lc.err(err), &oe) || oe.Code != oauth.CodeInvalidClient || oe.StatusCode != 401 || errors.Is(err, oauth.ErrReauthRequired) {
		t.Fatalf("refresh with a wrong secret: %v", err)
	}
}
