package oauth

import (
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// Doorkeeper codes are URL-safe base64 or hex; allow RFC 3986 unreserved
// characters and a sane length so garbage is refused before it costs a
// token request.
var codeRE = regexp.MustCompile(`^[A-Za-z0-9._~-]{1,512}$`)

// ParseCode reads an authorization code the user pasted after an
// out-of-band (OOBRedirectURI) authorization. It accepts the bare code or
// the URL of the page that showed it, in Doorkeeper's query form
// (.../oauth/authorize/native?code=CODE) or path form
// (.../oauth/authorize/CODE), with surrounding whitespace or quotes. An error
// page URL (?error=...) becomes an *Error. The error never quotes the input.
func ParseCode(input string) (string, error) {
	s := strings.Trim(strings.TrimSpace(input), "\"'<>")
	s = strings.TrimSpace(s)
	if s == "" {
		return "", fmt.Errorf("%w: empty input", ErrInvalidCode)
	}
	if !strings.ContainsAny(s, "/?=&:") {
		return checkCode(s)
	}
	u, err := url.Parse(s)
	if err != nil {
		return "", fmt.Errorf("%w: neither a code nor a URL", ErrInvalidCode)
	}
	q := u.Query()
	if e := q.Get("error"); e != "" {
		return "", &Error{Op: "authorize", Code: sanitize(e), Description: sanitize(q.Get("error_description"))}
	}
	if c := q.Get("code"); c != "" {
		return checkCode(c)
	}
	segs := strings.Split(strings.TrimSuffix(u.Path, "/"), "/")
	if n := len(segs); n >= 2 && segs[n-2] == "authorize" && segs[n-1] != "native" && segs[n-1] != "" {
		last, err := url.PathUnescape(segs[n-1])
		if err != nil {
			return "", fmt.Errorf("%w: malformed path", ErrInvalidCode)
		}
		return checkCode(last)
	}
	return "", fmt.Errorf("%w: the URL carries no code", ErrInvalidCode)
}

func checkCode(s string) (string, error) {
	if !codeRE.MatchString(s) {
		return "", fmt.Errorf("%w: unexpected characters or length", ErrInvalidCode)
	}
	return s, nil
}
