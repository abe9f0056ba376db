package main

import (
	"strings"

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
// The rule is factorial.CheckAPIVersion's, the one WithAPIVersion applies;
// checking it here turns a wrong date into a usage error that names the
// flag, before any credential is looked up.
func parseAPIVersion(v string) (string, error) {
	v = strings.TrimSpace(v)
	switch {
	case v == "":
		return factorial.DefaultAPIVersion, nil
	case strings.EqualFold(v, apiV1):
		return apiV1, nil
	}
	if err := factorial.CheckAPIVersion(v); err != nil {
		return "", usagef("--api must be v1 or a version date (e.g. %s): %v", factorial.DefaultAPIVersion, err)
	}
	return v, nil
}
