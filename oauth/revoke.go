package oauth

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"strings"
)

// TokenHint tells the revocation endpoint which kind of token it gets
// (RFC 7009 token_type_hint).
type TokenHint string

const (
	AccessTokenHint  TokenHint = "access_token"
	RefreshTokenHint TokenHint = "refresh_token"
)

// Revoke revokes an access or refresh token (POST /oauth/revoke, RFC 7009).
// In Doorkeeper both tokens of a pair live in one row, so revoking either
// ends the pair. Unknown or already revoked tokens succeed, as RFC 7009
// requires; a token of another application is an *Error
// (unauthorized_client, HTTP 403).
func (c *Config) Revoke(ctx context.Context, token string, hint TokenHint) error {
	form := url.Values{"token": {token}}
	if hint != "" {
		form.Set("token_type_hint", string(hint))
	}
	if !c.basicAuth {
		form.Set("client_id", c.clientID)
		form.Set("client_secret", c.clientSecret)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, c.Endpoint().RevokeURL, strings.NewReader(form.Encode()))
	if err != nil {
		return fmt.Errorf("oauth: revoke: %w", err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Accept", "application/json")
	if c.basicAuth {
		// The same encoding x/oauth2 uses for token calls, so one secret
		// works for both (New refuses secrets where it would matter).
		req.SetBasicAuth(url.QueryEscape(c.clientID), url.QueryEscape(c.clientSecret))
	}
	resp, err := c.httpClient.Do(req)
	if err != nil {
		return fmt.Errorf("oauth: revoke: %w", err)
	}
	defer resp.Body.Close()
	if resp.StatusCode/100 == 2 {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return nil
	}
	return readError("revoke", resp, token, c.clientSecret)
}

var challengeErrorRE = regexp.MustCompile(`error="([^"]*)"(?:.*error_description="([^"]*)")?`)

// readError builds an *Error from a failed response: the JSON body when it
// is an OAuth error, else the WWW-Authenticate challenge (Doorkeeper's
// protected resources answer 401 with an empty body). The body itself never
// reaches the error, nor do the secrets the request carried.
func readError(op string, resp *http.Response, secrets ...string) error {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	var oe struct {
		Error       string `json:"error"`
		Description string `json:"error_description"`
	}
	_ = json.Unmarshal(body, &oe)
	if oe.Error == "" {
		if m := challengeErrorRE.FindStringSubmatch(resp.Header.Get("WWW-Authenticate")); m != nil {
			oe.Error, oe.Description = m[1], m[2]
		}
	}
	return &Error{Op: op, Code: sanitize(oe.Error, secrets...), Description: sanitize(oe.Description, secrets...), StatusCode: resp.StatusCode}
}
