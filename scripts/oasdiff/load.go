package main

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"regexp"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// versionedPrefix is the prefix of Factorial's full paths,
// /api/2026-07-01/resources, also matched with a {version} template.
var versionedPrefix = regexp.MustCompile(`^/api/(\{[^}/]+\}|\d{4}-\d{2}-\d{2}|v\d+)/resources(/|$)`)

// maxDepth bounds how deep bodies are flattened, so recursive schemas end.
const maxDepth = 8

// LoadDocument reads an OpenAPI 3.0 or 3.1 document (YAML or JSON) and
// reduces its operations to what the diff compares. Paths are normalised
// to be relative to /api/{version}/resources, whether the document puts
// that prefix in its paths or in its server URL.
func LoadDocument(ctx context.Context, path string) (*Document, error) {
	loader := openapi3.NewLoader()
	loader.Context = ctx
	loader.IsExternalRefsAllowed = false
	doc, err := loader.LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("load %s: %w", path, err)
	}
	if doc.Paths == nil || doc.Paths.Len() == 0 {
		return nil, fmt.Errorf("load %s: %w", path, ErrNoOperations)
	}
	out := &Document{Operations: map[string]*Operation{}}
	for rawPath, item := range doc.Paths.Map() {
		if item == nil {
			continue
		}
		p := normalisePath(rawPath)
		for method, op := range item.Operations() {
			o := &Operation{
				Method:   strings.ToUpper(method),
				Path:     p,
				Params:   params(item.Parameters, op.Parameters),
				Request:  requestFields(op.RequestBody),
				Response: responseFields(op.Responses),
			}
			k := o.Key()
			if prev, ok := out.Operations[k]; ok {
				return nil, fmt.Errorf("load %s: %s and %s: %w", path, prev.Label(), o.Label(), ErrDuplicateOperation)
			}
			out.Operations[k] = o
		}
	}
	if len(out.Operations) == 0 {
		return nil, fmt.Errorf("load %s: %w", path, ErrNoOperations)
	}
	return out, nil
}

// ErrNoOperations is returned for a document without any operation.
var ErrNoOperations = errors.New("document declares no operation")

// ErrDuplicateOperation is returned when two paths of one document
// normalise to the same operation.
var ErrDuplicateOperation = errors.New("two operations normalise to the same method and path")

func normalisePath(p string) string {
	if u, err := url.PathUnescape(p); err == nil {
		p = u
	}
	if m := versionedPrefix.FindStringIndex(p); m != nil {
		p = "/" + p[m[1]:]
	}
	if len(p) > 1 {
		p = strings.TrimSuffix(p, "/")
	}
	return p
}

func params(pathLevel, opLevel openapi3.Parameters) map[string]Field {
	out := map[string]Field{}
	add := func(ps openapi3.Parameters) {
		for _, ref := range ps {
			if ref == nil || ref.Value == nil {
				continue
			}
			p := ref.Value
			f := Field{Required: p.Required}
			if p.Schema != nil {
				f.Shape = shapeOf(p.Schema.Value)
			} else if mt := pickMedia(p.Content); mt != nil && mt.Schema != nil {
				f.Shape = shapeOf(mt.Schema.Value)
			}
			out[p.In+":"+p.Name] = f
		}
	}
	add(pathLevel)
	add(opLevel) // an operation's parameter overrides the path item's
	return out
}

// pickMedia prefers JSON, then the form encodings, then the first media
// type by name.
func pickMedia(c openapi3.Content) *openapi3.MediaType {
	if len(c) == 0 {
		return nil
	}
	for _, want := range []string{"application/json", "multipart/form-data", "application/x-www-form-urlencoded"} {
		if mt, ok := c[want]; ok {
			return mt
		}
	}
	names := make([]string, 0, len(c))
	for n := range c {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		if strings.Contains(n, "json") {
			return c[n]
		}
	}
	return c[names[0]]
}

func requestFields(body *openapi3.RequestBodyRef) map[string]Field {
	out := map[string]Field{}
	if body == nil || body.Value == nil {
		return out
	}
	if mt := pickMedia(body.Value.Content); mt != nil && mt.Schema != nil {
		flatten(out, "", mt.Schema.Value, body.Value.Required, 0, map[*openapi3.Schema]bool{})
	}
	return out
}

// responseFields flattens the body of the first success response (lowest
// 2xx status, else 2XX, else default).
func responseFields(rs *openapi3.Responses) map[string]Field {
	out := map[string]Field{}
	if rs == nil {
		return out
	}
	m := rs.Map()
	codes := make([]string, 0, len(m))
	for c := range m {
		if strings.HasPrefix(c, "2") {
			codes = append(codes, c)
		}
	}
	sort.Strings(codes) // "200" < "201" < "2XX"
	if len(codes) == 0 {
		return out
	}
	r := m[codes[0]]
	if r == nil || r.Value == nil {
		return out
	}
	if mt := pickMedia(r.Value.Content); mt != nil && mt.Schema != nil {
		flatten(out, "", mt.Schema.Value, true, 0, map[*openapi3.Schema]bool{})
	}
	return out
}

// flatten records the schema at name and, for objects and arrays of
// objects, every property below it: "meta.limit", "data[].id". The body
// itself is recorded under "" only when it is not an object, so the
// wrapper of a list is compared through its members.
func flatten(out map[string]Field, name string, s *openapi3.Schema, required bool, depth int, onPath map[*openapi3.Schema]bool) {
	if s == nil || depth > maxDepth || onPath[s] {
		return
	}
	onPath[s] = true
	defer delete(onPath, s)

	sh := shapeOf(s)
	if name != "" || sh.Type != "object" {
		out[name] = Field{Shape: sh, Required: required}
	}
	props, req := objectMembers(s)
	if sh.Type == "array" {
		if it := itemsOf(s); it != nil {
			props, req = objectMembers(it)
			prefix := name + "[]"
			for _, p := range sortedNames(props) {
				flatten(out, prefix+"."+p, props[p], req[p], depth+1, onPath)
			}
		}
		return
	}
	for _, p := range sortedNames(props) {
		child := p
		if name != "" {
			child = name + "." + p
		}
		flatten(out, child, props[p], req[p], depth+1, onPath)
	}
}

func sortedNames(m map[string]*openapi3.Schema) []string {
	names := make([]string, 0, len(m))
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
