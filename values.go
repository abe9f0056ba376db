package factorial

import (
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"
)

// Date is a calendar day (YYYY-MM-DD on the wire): the type of every date
// field and date query parameter in package api. It is the generator's
// date type under a name this module exports, so callers need no other
// import; build one with NewDate or DateOf.
type Date = openapi_types.Date

// NewDate returns the calendar day t falls on in t's location.
func NewDate(t time.Time) Date {
	y, m, d := t.Date()
	return DateOf(y, m, d)
}

// DateOf returns the given calendar day.
func DateOf(year int, month time.Month, day int) Date {
	return Date{Time: time.Date(year, month, day, 0, 0, 0, 0, time.UTC)}
}

// Ptr returns a pointer to v, for the optional fields and parameters of
// the generated types: api.EmployeeUpdate{FirstName: factorial.Ptr("Ada")}.
func Ptr[T any](v T) *T { return &v }

// Value returns *p, or T's zero value when p is nil. The generated types
// also have nil-safe getters (e.GetEmail()) for their optional fields.
func Value[T any](p *T) T {
	if p == nil {
		var zero T
		return zero
	}
	return *p
}
