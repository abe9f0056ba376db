package sandbox

import (
	"errors"
	"net/http"
	"strings"
)

var errNoCredentials = errors.New("sandbox: no credentials")

// DefaultAuthenticator accepts any credential: an x-api-key acts as a
// company API key, any Bearer token as the demo admin. Tests that need basic
// users or token checks pass their own (see StaticTokens).
func DefaultAuthenticator(r *http.Request) (Principal, error) {
	if r.Header.Get("x-api-key") != "" {
		return Principal{EmployeeID: DemoAdminID, APIKey: true}, nil
	}
	if tok, ok := bearer(r); ok && tok != "" {
		return Principal{EmployeeID: DemoAdminID, Admin: true}, nil
	}
	return Principal{}, errNoCredentials
}

// StaticTokens authenticates by exact credential: the Bearer token or the
// x-api-key value (an API key takes precedence, as on Factorial).
func StaticTokens(tokens map[string]Principal) Authenticator {
	return func(r *http.Request) (Principal, error) {
		if k := r.Header.Get("x-api-key"); k != "" {
			if p, ok := tokens[k]; ok {
				return p, nil
			}
			return Principal{}, errNoCredentials
		}
		if tok, ok := bearer(r); ok {
			if p, ok := tokens[tok]; ok {
				return p, nil
			}
		}
		return Principal{}, errNoCredentials
	}
}

func bearer(r *http.Request) (string, bool) {
	h := r.Header.Get("Authorization")
	if len(h) < 7 || !strings.EqualFold(h[:7], "Bearer ") {
		return "", false
	}
	return strings.TrimSpace(h[7:]), true
}
