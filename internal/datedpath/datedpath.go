// Package datedpath holds the one rule that tells the dated API's paths
// (/api/<YYYY-MM-DD>/resources/...) from the rest (v1 and OAuth): the
// client, the validator, the sandbox and the CLI all use it. It imports
// nothing heavy, so the client can.
package datedpath

import "strings"

// Rest returns the part of p after /api/<YYYY-MM-DD>/resources ("/" for
// the resources root itself), and whether p is a path of the dated API at
// all.
func Rest(p string) (string, bool) {
	rest, ok := strings.CutPrefix(p, "/api/")
	if !ok || len(rest) < len("2006-01-02/resources") || rest[4] != '-' || rest[7] != '-' {
		return "", false
	}
	for i, c := range rest[:10] {
		if i != 4 && i != 7 && (c < '0' || c > '9') {
			return "", false
		}
	}
	tail := rest[10:]
	if tail == "/resources" {
		return "/", true
	}
	if tail, ok := strings.CutPrefix(tail, "/resources/"); ok {
		return "/" + tail, true
	}
	return "", false
}

// Is reports a path of the dated API: /api/<YYYY-MM-DD>/resources or below.
func Is(p string) bool {
	_, ok := Rest(p)
	return ok
}
