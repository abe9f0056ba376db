package oauth

import (
	"errors"
	"fmt"
	"strings"
	"unicode"
)

// Sentinel errors. Match them with errors.Is.
var (
	// ErrReauthRequired means no usable grant is left: the refresh token
	// was rejected (invalid_grant), there is no stored token, the token
	// expired without a refresh token, or the server rejected a token that
	// has none (*TokenRejectedError, the end of a company token). The user
	// must authorise the application again; retrying cannot help.
	ErrReauthRequired = errors.New("oauth: the user must authorise the application again")

	// ErrNoToken is returned by Store.Load and KeyedStore.Load when nothing
	// is stored.
	ErrNoToken = errors.New("oauth: no token stored")

	// ErrStateMismatch means the callback's state is not the one sent: the
	// redirect did not come from this authorization (possibly CSRF).
	ErrStateMismatch = errors.New("oauth: callback state does not match the authorization")

	// ErrInvalidCode means the text given as an authorization code is not
	// one, or a callback carried no code.
	ErrInvalidCode = errors.New("oauth: not an authorization code")
)

// OAuth error codes (RFC 6749 section 5.2 and 4.1.2.1) worth switching on.
const (
	CodeInvalidRequest     = "invalid_request"
	CodeInvalidClient      = "invalid_client"
	CodeInvalidGrant       = "invalid_grant"
	CodeUnauthorizedClient = "unauthorized_client"
	CodeUnsupportedGrant   = "unsupported_grant_type"
	CodeInvalidScope       = "invalid_scope"
	CodeAccessDenied       = "access_denied"
	CodeInvalidToken       = "invalid_token"
)

// Error is an OAuth error answered by the server (token, revoke and token
// info endpoints) or carried by an authorization callback.
//
// Classify it by Code, not StatusCode: Doorkeeper before 5.1 answers every
// error with 401, later versions use 400 except for client authentication.
// An Error never holds the response body, which may echo credentials.
type Error struct {
	Op          string // "exchange", "refresh", "revoke", "token info" or "authorize"
	Code        string // the "error" field; "" when the body was not an OAuth error
	Description string // the "error_description" field, sanitised
	StatusCode  int    // HTTP status; 0 for callback errors
}

func (e *Error) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "oauth: %s: ", e.Op)
	if e.Code != "" {
		b.WriteString(e.Code)
	} else {
		b.WriteString("server error")
	}
	if e.StatusCode != 0 {
		fmt.Fprintf(&b, " (HTTP %d)", e.StatusCode)
	}
	if e.Description != "" {
		b.WriteString(": ")
		b.WriteString(e.Description)
	}
	return b.String()
}

// Is makes errors.Is(err, ErrReauthRequired) true for invalid_grant: the
// code or refresh token is dead, and only a new authorization helps.
func (e *Error) Is(target error) bool {
	return target == ErrReauthRequired && e.Code == CodeInvalidGrant
}

// sanitize bounds server-provided text before it enters an error string:
// no secret the request carried (a server may quote the code, token or
// client secret back in error_description), no control characters (log
// injection), at most 200 runes.
func sanitize(s string, secrets ...string) string {
	for _, secret := range secrets {
		if secret != "" {
			s = strings.ReplaceAll(s, secret, redacted)
		}
	}
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
	if r := []rune(s); len(r) > 200 {
		s = string(r[:200]) + "..."
	}
	return strings.TrimSpace(s)
}

// TokenRejectedError is TokenSource's answer when the server rejected
// (HTTP 401, reported through RefreshIfStale) an access token that has no
// refresh token, so nothing can be refreshed. It is the usual end of a
// company token (see CompanyToken): such a token never expires, so a 401
// means it was revoked or the application's scopes were changed.
//
// It matches ErrReauthRequired: the user must authorise the application
// again. It holds no part of the token.
type TokenRejectedError struct {
	// NeverExpires is true when the rejected token had no expiry (a
	// company token), false for a token with an expiry that was stored
	// without its refresh token.
	NeverExpires bool
}

func (e *TokenRejectedError) Error() string {
	if e.NeverExpires {
		return "oauth: the server rejected a token that never expires (a company token: revoked, or the application's scopes changed) and there is no refresh token; authorise the application again"
	}
	return "oauth: the server rejected the access token and there is no refresh token; authorise the application again"
}

// Is makes errors.Is(err, ErrReauthRequired) true.
func (e *TokenRejectedError) Is(target error) bool { return target == ErrReauthRequired }

// InsecureURLError is returned for a base URL that would send credentials
// in clear text: http:// is accepted only for loopback hosts (tests and
// local fakes).
type InsecureURLError struct {
	URL string
}

func (e *InsecureURLError) Error() string {
	return fmt.Sprintf("oauth: refusing insecure base URL %q: use https (http is allowed only for 127.0.0.1, ::1 and localhost)", e.URL)
}
