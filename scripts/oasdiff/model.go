package main

import (
	"regexp"
	"sort"
	"strings"
)

// Shape is what the diff compares of one schema: its JSON type (without
// "null"), format, whether null is allowed, the shape of an array's items and
// the enum values.
type Shape struct {
	Type     string
	Format   string
	Nullable bool
	Items    string
	Enum     []string
}

// Field is a parameter, or a property of a request or response body reached
// from the top of the body ("data[].employee_id").
type Field struct {
	Shape
	Required bool
}

// Operation is one METHOD + path of a document, reduced to what is compared.
type Operation struct {
	Method string
	// Path is the path relative to /api/{version}/resources, as it is
	// printed; Key matches operations across documents.
	Path     string
	Params   map[string]Field // "query:ids[]", "path:id"
	Request  map[string]Field // body fields; "" is the body itself
	Response map[string]Field // fields of the first 2xx JSON response
}

// Key identifies an operation across documents: the method and the
// normalised path with every path parameter written "{}".
func (o *Operation) Key() string { return o.Method + " " + templateFree(o.Path) }

// Label is how an operation is printed.
func (o *Operation) Label() string { return o.Method + " " + o.Path }

// Namespace is the first segment of the path ("timeoff" for
// /timeoff/leaves).
func (o *Operation) Namespace() string { return namespaceOf(o.Path) }

func namespaceOf(path string) string {
	p := strings.TrimPrefix(path, "/")
	if i := strings.IndexByte(p, '/'); i >= 0 {
		return p[:i]
	}
	return p
}

func templateFree(path string) string {
	var b strings.Builder
	depth := 0
	for _, r := range path {
		switch {
		case r == '{':
			depth++
			if depth == 1 {
				b.WriteString("{}")
			}
		case r == '}':
			if depth > 0 {
				depth--
			}
		case depth == 0:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Document is the set of operations of one OpenAPI document by Key.
type Document struct {
	Operations map[string]*Operation
}

// SortedKeys returns the operation keys in order.
func (d *Document) SortedKeys() []string {
	keys := make([]string, 0, len(d.Operations))
	for k := range d.Operations {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// String renders a shape compactly: "string/date?" is a nullable date,
// "array<string>" an array of strings.
func (s Shape) String() string {
	t := s.Type
	if t == "" {
		t = "any"
	}
	if s.Type == "array" && s.Items != "" {
		t += "<" + s.Items + ">"
	}
	if s.Format != "" {
		t += "/" + s.Format
	}
	if s.Nullable {
		t += "?"
	}
	return t
}

// Restrict returns the operations whose path matches one of patterns,
// a comma-separated list where "*" matches any run of characters.
func (d *Document) Restrict(patterns string) *Document {
	var res []*regexp.Regexp
	for _, p := range strings.Split(patterns, ",") {
		if p = strings.TrimSpace(p); p != "" {
			res = append(res, glob(p))
		}
	}
	out := &Document{Operations: map[string]*Operation{}}
	for k, o := range d.Operations {
		for _, re := range res {
			if re.MatchString(o.Path) {
				out.Operations[k] = o
				break
			}
		}
	}
	return out
}
