package factorial

import (
	"fmt"
	"time"
)

// DefaultAPIVersion is the dated API version the Client's services call
// unless WithAPIVersion says otherwise: the version openapi-resources.yaml
// describes.
const DefaultAPIVersion = "2026-07-01"

// versionLifetime is how long Factorial serves a dated version: a year
// from its release date.
const versionLifetime = 1

// WithAPIVersion sets the dated API version (YYYY-MM-DD, a quarter's first
// day) that the Client's services call; the path of every such call carries it
// (/api/<version>/resources/...). Factorial serves each version for one
// year and then, without any error, answers with the oldest version it
// still serves, so a client on a retired version logs a warning (once) on
// its first call. The services' types describe DefaultAPIVersion; another
// version may differ in fields the types do not know.
func WithAPIVersion(version string) Option {
	return func(c *config) error {
		if err := CheckAPIVersion(version); err != nil {
			return &ConfigError{Option: "WithAPIVersion", Err: err}
		}
		c.apiVersion = version
		return nil
	}
}

// CheckAPIVersion reports whether version can name a dated API version: a
// date (YYYY-MM-DD) on a quarter's first day, when Factorial releases them.
func CheckAPIVersion(version string) error {
	t, err := time.Parse(time.DateOnly, version)
	if err != nil || t.Format(time.DateOnly) != version {
		return fmt.Errorf("%q is not a version date (YYYY-MM-DD)", version)
	}
	if t.Day() != 1 || (t.Month()-1)%3 != 0 {
		return fmt.Errorf("%s is not a quarter's first day; Factorial releases versions on 01-01, 04-01, 07-01 and 10-01", version)
	}
	return nil
}

// versionRetires returns when Factorial stops serving version.
func versionRetires(version string) time.Time {
	t, err := time.Parse(time.DateOnly, version)
	if err != nil {
		return time.Time{}
	}
	return t.AddDate(versionLifetime, 0, 0)
}
