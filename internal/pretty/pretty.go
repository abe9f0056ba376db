// Package pretty renders the generated API types for people and logs: the
// fields that are set, pointers followed, secrets replaced by REDACTED.
// The generated String and LogValue methods call it; nothing here runs
// unless a value is printed or logged.
package pretty

import (
	"fmt"
	"log/slog"
	"reflect"
	"slices"
	"strings"
)

// Redacted replaces the value of a secret field.
const Redacted = "REDACTED"

// String renders the struct v as TypeName{Field:value ...}: nil pointers,
// nil or empty slices and maps are left out, pointers print their target,
// strings are quoted, and the fields named in secrets print REDACTED.
func String(v any, secrets ...string) string {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Struct {
		return fmt.Sprint(v)
	}
	var b strings.Builder
	b.WriteString(rv.Type().String())
	b.WriteByte('{')
	first := true
	each(rv, secrets, func(name string, secret bool, f reflect.Value) {
		if !first {
			b.WriteByte(' ')
		}
		first = false
		b.WriteString(name)
		b.WriteByte(':')
		if secret {
			b.WriteString(Redacted)
			return
		}
		if f.Kind() == reflect.String {
			fmt.Fprintf(&b, "%q", f.String())
			return
		}
		fmt.Fprintf(&b, "%v", f.Interface())
	})
	b.WriteByte('}')
	return b.String()
}

// LogValue renders the struct v as a slog group of the same fields String
// shows, so a JSON handler logs an object without nil fields or secrets.
func LogValue(v any, secrets ...string) slog.Value {
	rv := reflect.ValueOf(v)
	if rv.Kind() != reflect.Struct {
		return slog.AnyValue(v)
	}
	var attrs []slog.Attr
	each(rv, secrets, func(name string, secret bool, f reflect.Value) {
		if secret {
			attrs = append(attrs, slog.String(name, Redacted))
			return
		}
		attrs = append(attrs, slog.Any(name, f.Interface()))
	})
	return slog.GroupValue(attrs...)
}

// each calls fn for every exported field of rv that is set, pointers
// dereferenced.
func each(rv reflect.Value, secrets []string, fn func(name string, secret bool, f reflect.Value)) {
	t := rv.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		f := rv.Field(i)
		switch f.Kind() {
		case reflect.Pointer, reflect.Interface:
			if f.IsNil() {
				continue
			}
			f = f.Elem()
		case reflect.Slice, reflect.Map:
			if f.Len() == 0 {
				continue
			}
		}
		fn(sf.Name, slices.Contains(secrets, sf.Name), f)
	}
}
