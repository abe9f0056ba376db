package engine

import (
	"bytes"
	"net/url"
	"slices"
	"strings"
)

// redacted replaces every secret the client removes from error strings and
// log lines.
const redacted = "REDACTED"

// isSecretParam reports whether a query parameter carries a credential.
// OAuth flows put codes and tokens in query strings (the authorize callback,
// Doorkeeper's token parameters), and a hand-built URL may carry an API key,
// so the value of any parameter that looks like one never reaches an error
// string or a log line.
func isSecretParam(name string) bool {
	n := strings.ToLower(name)
	switch n {
	case "code", "code_verifier", "key", "api_key", "apikey", "api-key", "x-api-key",
		"password", "passwd", "assertion", "signature", "sig", "auth", "authorization":
		return true
	}
	return strings.Contains(n, "token") || strings.Contains(n, "secret") || strings.Contains(n, "password")
}

// redactURL renders u for humans: the values of secret query parameters and
// any userinfo are replaced, the fragment (never sent) is dropped, and the
// rest keeps its original encoding so the URL still reads like the request.
func RedactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	c := *u
	c.Fragment, c.RawFragment = "", ""
	if c.User != nil {
		c.User = url.User(redacted)
	}
	if c.RawQuery != "" {
		parts := strings.Split(c.RawQuery, "&")
		for i, p := range parts {
			k, _, hasValue := strings.Cut(p, "=")
			name, err := url.QueryUnescape(k)
			if err != nil {
				name = k
			}
			if hasValue && isSecretParam(name) {
				parts[i] = k + "=" + redacted
			}
		}
		c.RawQuery = strings.Join(parts, "&")
	}
	return c.String()
}

// requestSecrets collects the values redactURL hides, so that a server
// echoing the request URL into its error body does not undo the redaction.
func requestSecrets(u *url.URL) scrubber {
	var s scrubber
	if u == nil {
		return s
	}
	if u.User != nil {
		pw, _ := u.User.Password()
		s = s.with(pw).with(u.User.Username())
	}
	if u.RawQuery == "" {
		return s // u.Query() would allocate an empty map to find nothing
	}
	for name, values := range u.Query() {
		if isSecretParam(name) {
			for _, v := range values {
				s = s.with(v).with(url.QueryEscape(v))
			}
		}
	}
	return s
}

// scrubber removes known credential values (the API key, the access tokens a
// call used) from text that came from the server. A server that echoes a
// rejected credential back in its error body would otherwise put it in
// Error() strings and logs.
type scrubber []string

// minSecretLen keeps absurdly short "secrets" from shredding ordinary text.
const minSecretLen = 6

func (s scrubber) with(secret string) scrubber {
	if len(secret) < minSecretLen || slices.Contains(s, secret) {
		return s
	}
	out := make(scrubber, len(s), len(s)+1)
	copy(out, s)
	return append(out, secret)
}

func (s scrubber) string(v string) string {
	for _, secret := range s {
		if strings.Contains(v, secret) {
			v = strings.ReplaceAll(v, secret, redacted)
		}
	}
	return v
}

func (s scrubber) bytes(v []byte) []byte {
	for _, secret := range s {
		if bytes.Contains(v, []byte(secret)) {
			v = bytes.ReplaceAll(v, []byte(secret), []byte(redacted))
		}
	}
	return v
}
