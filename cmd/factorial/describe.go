package main

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"
	"time"

	"github.com/factorial-go/factorial/api"
)

// accessName is the user's full name, or what there is of it.
func accessName(me api.Access) string {
	if n := me.GetFullName(); n != "" {
		return n
	}
	return strings.TrimSpace(me.GetFirstName() + " " + me.GetLastName())
}

// describeAccess is "Ada Admin <ada@example.com> (employee 1, role admin)".
func describeAccess(me api.Access) string {
	s := accessName(me)
	if me.Email != "" {
		s += " <" + me.Email + ">"
	}
	s += fmt.Sprintf(" (employee %d", me.EmployeeID)
	if r := me.GetRole(); r != "" {
		s += ", role " + r
	}
	return s + ")"
}

func scopeList(scopes []string) string {
	if len(scopes) == 0 {
		return "(none reported)"
	}
	return strings.Join(scopes, " ")
}

// describeExpiry is "at 2025-01-02T15:04:05Z (in 1h59m58s)".
func describeExpiry(expiry, now time.Time) string {
	if expiry.IsZero() {
		return "never"
	}
	left := expiry.Sub(now).Round(time.Second)
	when := expiry.UTC().Format(time.RFC3339)
	if left <= 0 {
		return fmt.Sprintf("at %s (expired %s ago)", when, -left)
	}
	return fmt.Sprintf("at %s (in %s)", when, left)
}

// fingerprint identifies a secret without revealing it: the first four hex
// digits of its SHA-256, enough to see that a stored token changed.
func fingerprint(secret string) string {
	if secret == "" {
		return "none"
	}
	sum := sha256.Sum256([]byte(secret))
	return "sha256:" + hex.EncodeToString(sum[:2])
}
