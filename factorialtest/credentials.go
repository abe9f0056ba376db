package factorialtest

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"
)

// Credentials is everything a person with curl, or a client under
// development, needs to talk to a running server. The values are fake but
// work: treat them as secrets of a throwaway server all the same.
type Credentials struct {
	BaseURL      string // API and OAuth base URL
	ClientID     string // the default application
	ClientSecret string
	RedirectURIs []string
	AuthorizeURL string // a consent URL for the out-of-band redirect
	TokenURL     string
	APIKey       string // full access (x-api-key)
	// AccessToken and RefreshToken are a fresh admin token pair of the
	// default application, minted by Credentials.
	AccessToken  string
	RefreshToken string
	ExpiresAt    time.Time // zero: the token never expires
	UserID       int       // the admin user the token belongs to
	EmployeeID   int
}

// Credentials returns the server's base URL, the default application's
// client id, secret and redirect URIs, an API key and a newly minted admin
// access token, for handing to a person or a process (see String and Env).
func (s *Server) Credentials() Credentials {
	s.mu.Lock()
	app := s.apps[DefaultClientID]
	admin := s.adminLocked()
	var key string
	keys := make([]string, 0, len(s.cfg.apiKeys))
	for k := range s.cfg.apiKeys {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if u := s.users[s.cfg.apiKeys[k]]; u != nil && u.Role == "admin" && (key == "" || k == DefaultAPIKey) {
			key = k
		}
	}
	if key == "" && len(keys) > 0 {
		key = keys[0]
	}
	c := Credentials{BaseURL: s.URL(), TokenURL: s.URL() + "/oauth/token", APIKey: key}
	if app != nil {
		c.ClientID, c.ClientSecret, c.RedirectURIs = app.ClientID, app.ClientSecret, slices.Clone(app.RedirectURIs)
		c.AuthorizeURL = s.URL() + "/oauth/authorize?" + url.Values{
			"client_id": {app.ClientID}, "redirect_uri": {preferredRedirect(app.RedirectURIs)}, "response_type": {"code"},
			"scope": {strings.Join(app.Scopes, " ")},
		}.Encode()
		if admin != nil {
			t := s.issueLocked(app.ClientID, admin.ID, app.Scopes)
			c.AccessToken, c.RefreshToken = t.access, t.refresh
			c.ExpiresAt = t.expiresAt
			c.UserID, c.EmployeeID = admin.ID, admin.EmployeeID
		}
	}
	s.mu.Unlock()
	return c
}

// Env returns the credentials as FACTORIAL_* environment variables
// (KEY=value), for exec.Cmd.Env or a .env file.
func (c Credentials) Env() []string {
	vars := [][2]string{
		{"FACTORIAL_BASE_URL", c.BaseURL},
		{"FACTORIAL_CLIENT_ID", c.ClientID},
		{"FACTORIAL_CLIENT_SECRET", c.ClientSecret},
		{"FACTORIAL_REDIRECT_URI", preferredRedirect(c.RedirectURIs)},
		{"FACTORIAL_API_KEY", c.APIKey},
		{"FACTORIAL_ACCESS_TOKEN", c.AccessToken},
		{"FACTORIAL_REFRESH_TOKEN", c.RefreshToken},
	}
	out := make([]string, 0, len(vars))
	for _, v := range vars {
		out = append(out, v[0]+"="+v[1])
	}
	return out
}

// preferredRedirect is the out-of-band URI when registered (a terminal
// user has no callback server), else the first one.
func preferredRedirect(uris []string) string {
	if len(uris) == 0 || slices.Contains(uris, OOBRedirectURI) {
		return OOBRedirectURI
	}
	return uris[0]
}

// String renders the credentials as shell lines to paste into a terminal:
// export statements for the values, then commented curl commands that use
// them (the identity, a list of employees, a token refresh).
func (c Credentials) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "# Factorial sandbox (factorialtest) at %s: fake data and credentials.\n", c.BaseURL)
	for _, kv := range c.Env() {
		k, v, _ := strings.Cut(kv, "=")
		fmt.Fprintf(&b, "export %s=%s\n", k, shellQuote(v))
	}
	if len(c.RedirectURIs) > 0 {
		fmt.Fprintf(&b, "# Registered redirect URIs: %s\n", strings.Join(c.RedirectURIs, " "))
	}
	who := fmt.Sprintf("user %d, employee %d", c.UserID, c.EmployeeID)
	if c.ExpiresAt.IsZero() {
		fmt.Fprintf(&b, "# The access token (admin, %s) does not expire.\n", who)
	} else {
		fmt.Fprintf(&b, "# The access token (admin, %s) expires at %s.\n", who, c.ExpiresAt.UTC().Format(time.RFC3339))
	}
	b.WriteString(`# curl -H "Authorization: Bearer $FACTORIAL_ACCESS_TOKEN" "$FACTORIAL_BASE_URL/api/v1/me"` + "\n")
	b.WriteString(`# curl -H "x-api-key: $FACTORIAL_API_KEY" "$FACTORIAL_BASE_URL/api/v2/core/employees"` + "\n")
	b.WriteString(`# curl -d grant_type=refresh_token -d "refresh_token=$FACTORIAL_REFRESH_TOKEN" -d "client_id=$FACTORIAL_CLIENT_ID" -d "client_secret=$FACTORIAL_CLIENT_SECRET" "$FACTORIAL_BASE_URL/oauth/token"` + "\n")
	if c.AuthorizeURL != "" {
		fmt.Fprintf(&b, "# Log in through the consent page: %s\n", c.AuthorizeURL)
	}
	return b.String()
}

// shellQuote quotes v for POSIX shells.
func shellQuote(v string) string {
	return "'" + strings.ReplaceAll(v, "'", `'\''`) + "'"
}
