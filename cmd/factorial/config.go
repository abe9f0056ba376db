package main

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/internal/loopback"
)

// settings is what a command runs with: the environment, where its token
// lives, and the credentials, resolved from flags first, then the
// environment variables.
type settings struct {
	envName      string // "production", "demo", or the base URL itself
	baseURL      string
	configDir    string
	clientID     string
	clientSecret string
	apiKey       string
	debug        bool
	// apiVersion is the command's --api: "v1" or a dated version. The
	// clients of a dated version call it (WithAPIVersion); "" or "v1"
	// leaves the client's default for the dated API's services.
	apiVersion string
}

// resolve combines the flags with the environment variables.
func (a *app) resolve(g *globals) (*settings, error) {
	s := &settings{
		clientID:     first(g.clientID, a.getenv("FACTORIAL_CLIENT_ID")),
		clientSecret: first(g.clientSecret, a.getenv("FACTORIAL_CLIENT_SECRET")),
		apiKey:       first(g.apiKey, a.getenv("FACTORIAL_API_KEY")),
		debug:        g.debug,
	}
	env := first(g.env, a.getenv("FACTORIAL_ENV"), a.getenv("FACTORIAL_BASE_URL"), "production")
	var err error
	if s.envName, s.baseURL, err = parseEnv(env); err != nil {
		return nil, err
	}
	s.configDir = first(g.configDir, a.getenv("FACTORIAL_CONFIG_DIR"))
	if s.configDir == "" {
		dir, err := os.UserConfigDir()
		if err != nil {
			return nil, usagef("no config directory (%v): set --config-dir or FACTORIAL_CONFIG_DIR", err)
		}
		s.configDir = filepath.Join(dir, "factorial")
	}
	return s, nil
}

func first(vals ...string) string {
	for _, v := range vals {
		if v = strings.TrimSpace(v); v != "" {
			return v
		}
	}
	return ""
}

// parseEnv turns --env into a name and a base URL. A URL must be https,
// or http on a loopback address (a local sandbox): credentials never cross
// a network in clear text.
func parseEnv(env string) (name, base string, err error) {
	switch strings.ToLower(env) {
	case "production", "prod":
		return "production", factorial.ProductionURL, nil
	case "demo", "sandbox-demo":
		return "demo", factorial.DemoURL, nil
	case "demo-v1":
		return "demo-v1", factorial.V1DemoURL, nil
	}
	u, perr := url.Parse(env)
	if perr != nil || u.Host == "" || (u.Scheme != "https" && u.Scheme != "http") {
		return "", "", usagef("--env must be production, demo, demo-v1 or an http(s) base URL, not %q", env)
	}
	if u.User != nil || u.RawQuery != "" || u.Fragment != "" {
		return "", "", usagef("--env URL must not carry credentials, a query or a fragment")
	}
	if u.Scheme == "http" && !loopback.Host(u.Hostname()) {
		return "", "", usagef("--env %s: http is allowed only on loopback (127.0.0.1, ::1, localhost); use https", u.Host)
	}
	base = strings.TrimSuffix(u.String(), "/")
	return base, base, nil
}

var unsafeFileChars = regexp.MustCompile(`[^A-Za-z0-9._-]+`)

// tokenPath is the token file of the environment: one per environment, so
// a sandbox login never reaches production and the other way round. The
// files live in a tokens directory of their own, which oauth.FileStore
// creates with mode 0700 (and refuses if others can enter it), so the
// config directory itself may be readable by others.
func (s *settings) tokenPath() string {
	key := s.envName
	if key != "production" && key != "demo" && key != "demo-v1" {
		u, _ := url.Parse(s.baseURL)
		key = strings.Trim(unsafeFileChars.ReplaceAllString(u.Host+u.Path, "_"), "_.")
	}
	return filepath.Join(s.configDir, "tokens", key+".json")
}

// describe names the environment for messages.
func (s *settings) describe() string {
	if s.envName == s.baseURL {
		return s.baseURL
	}
	return fmt.Sprintf("%s (%s)", s.envName, s.baseURL)
}
