package sandbox

import "time"

// Dated API versions the sandbox serves: every quarter's first day from
// FirstAPIVersion, Factorial's first dated release, to NewestAPIVersion,
// the newest it has released. Factorial answers a retired version with the
// oldest one it still serves instead of an error, and the sandbox has one
// schema for all of them (DatedAPIVersion's), so each of these is served
// alike. A path naming any other date, an impossible one (2026-13-01,
// 2026-02-30), one that is no quarter's first day or a version not yet
// released, matches no route of the Rails app and is answered 404.
const (
	FirstAPIVersion  = "2024-10-01"
	NewestAPIVersion = "2026-10-01"
)

// servedVersion reports whether the sandbox serves the dated API version
// v (see FirstAPIVersion).
func servedVersion(v string) bool {
	t, err := time.Parse(time.DateOnly, v)
	if err != nil || t.Format(time.DateOnly) != v {
		return false
	}
	if t.Day() != 1 || (t.Month()-1)%3 != 0 {
		return false
	}
	return v >= FirstAPIVersion && v <= NewestAPIVersion
}
