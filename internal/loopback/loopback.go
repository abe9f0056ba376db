// Package loopback decides which hosts count as this machine, the one
// exception every package makes to "https only" (and the only place the
// sandbox agrees to listen). One definition keeps the client, the oauth
// package, the CLI and the sandbox in agreement.
package loopback

import (
	"net"
	"strings"
)

// Host reports whether host (no port) is "localhost" or a loopback IP.
// Names under .localhost are not accepted: whether they resolve to
// loopback is up to the local resolver.
func Host(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}
