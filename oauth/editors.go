package oauth

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"golang.org/x/oauth2"
)

// The editors return a plain func type rather than a named one so that the
// value is assignable to the generated client's api.RequestEditorFn without
// this package importing it.

// BearerEditor sets "Authorization: Bearer <token>" from src. When src has
// a TokenContext method (TokenSource does), waiting for a refresh is bounded
// by the request's context; the refresh itself is not tied to it.
//
// It does not retry on 401: the client layer does, through
// TokenSource.RefreshIfStale.
func BearerEditor(src oauth2.TokenSource) func(ctx context.Context, req *http.Request) error {
	return func(_ context.Context, req *http.Request) error {
		if src == nil {
			return errors.New("oauth: bearer: nil token source")
		}
		// The generated client gives the request the operation's context.
		ctx := req.Context()
		var (
			tok *oauth2.Token
			err error
		)
		if cs, ok := src.(interface {
			TokenContext(context.Context) (*oauth2.Token, error)
		}); ok {
			tok, err = cs.TokenContext(ctx)
		} else {
			tok, err = src.Token()
		}
		if err != nil {
			return fmt.Errorf("oauth: bearer: %w", err)
		}
		if tok == nil || tok.AccessToken == "" {
			return errors.New("oauth: bearer: token source returned no access token")
		}
		req.Header.Set("Authorization", "Bearer "+tok.AccessToken)
		return nil
	}
}

// APIKeyEditor authenticates with a company API key: the x-api-key header,
// bare, without any prefix (Factorial rejects "Bearer ..." there). API keys
// have full company access and never expire; guard them like passwords.
func APIKeyEditor(key string) func(ctx context.Context, req *http.Request) error {
	return func(_ context.Context, req *http.Request) error {
		if key == "" {
			return errors.New("oauth: empty API key")
		}
		req.Header.Set("x-api-key", key)
		return nil
	}
}
