package main

import (
	"regexp"
	"strings"
	"time"

	"github.com/factorial-go/factorial"
)

// The CLI speaks both of Factorial's APIs. --api picks one: "v1", the
// legacy API under /api/v1 (openapi.yaml, package api), or a version date
// of the dated API under /api/<version>/resources (openapi-resources.yaml,
// package resources). The default is the version this module describes,
// factorial.DefaultAPIVersion.

// apiV1 is the --api value of the legacy API.
const apiV1 = "v1"

// apiFlagHelp is the --api line of the commands' usage.
const apiFlagHelp = "  --api VERSION     v1, or a dated API version YYYY-MM-DD (default " + factorial.DefaultAPIVersion + ", the current one)\n"

// parseAPIVersion checks an --api value and returns "v1" or the version
// date; "" is the default version.
//
// The quarter rule is the one factorial.WithAPIVersion enforces; checking
// it here as well turns a wrong date into a usage error that names the
// flag, before any credential is looked up.
func parseAPIVersion(v string) (string, error) {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return factorial.DefaultAPIVersion, nil
	case strings.EqualFold(v, apiV1):
		return apiV1, nil
	}
	t, err := time.Parse(time.DateOnly, v)
	if err != nil || t.Format(time.DateOnly) != v {
		return "", usagef("--api must be v1 or a version date YYYY-MM-DD (e.g. %s), not %q", factorial.DefaultAPIVersion, v)
	}
	if t.Day() != 1 || (t.Month()-1)%3 != 0 {
		return "", usagef("--api %s: Factorial releases versions on a quarter's first day (YYYY-01-01, -04-01, -07-01 or -10-01)", v)
	}
	return v, nil
}

// datedPathRE matches a path of the dated API: /api/<version>/resources,
// then the operation's path.
var datedPathRE = regexp.MustCompile(`^/api/[0-9]{4}-[0-9]{2}-[0-9]{2}/resources(/|$)`)

// isDatedPath reports whether path belongs to the dated API.
func isDatedPath(path string) bool { return datedPathRE.MatchString(path) }
