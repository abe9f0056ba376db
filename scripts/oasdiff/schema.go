package main

import (
	"fmt"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// members returns the schemas that together describe s: s itself and,
// recursively, every allOf member; and, when s is a oneOf/anyOf of one
// schema and null (OpenAPI 3.1's way to say nullable), that schema.
func members(s *openapi3.Schema, depth int) []*openapi3.Schema {
	if s == nil || depth > maxDepth {
		return nil
	}
	out := []*openapi3.Schema{s}
	for _, a := range s.AllOf {
		if a != nil {
			out = append(out, members(a.Value, depth+1)...)
		}
	}
	if one := soleAlternative(s); one != nil {
		out = append(out, members(one, depth+1)...)
	}
	return out
}

// soleAlternative returns X for oneOf/anyOf [X, {type: null}] or [X].
func soleAlternative(s *openapi3.Schema) *openapi3.Schema {
	for _, alts := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf} {
		var nonNull []*openapi3.Schema
		for _, a := range alts {
			if a == nil || a.Value == nil || isNullSchema(a.Value) {
				continue
			}
			nonNull = append(nonNull, a.Value)
		}
		if len(nonNull) == 1 {
			return nonNull[0]
		}
	}
	return nil
}

func isNullSchema(s *openapi3.Schema) bool {
	return s.Type != nil && len(*s.Type) == 1 && (*s.Type)[0] == openapi3.TypeNull
}

func hasNullAlternative(s *openapi3.Schema) bool {
	for _, alts := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf} {
		for _, a := range alts {
			if a != nil && a.Value != nil && isNullSchema(a.Value) {
				return true
			}
		}
	}
	return false
}

// shapeOf merges a schema with its allOf members: the first type, format
// and enum found win; null is allowed if any member allows it (3.0
// nullable, a 3.1 type list with "null", a null alternative, or an enum
// listing null).
func shapeOf(s *openapi3.Schema) Shape {
	var sh Shape
	if s == nil {
		return sh
	}
	var alternatives []string
	for _, m := range members(s, 0) {
		if m.Nullable || hasNullAlternative(m) {
			sh.Nullable = true
		}
		if m.Type != nil {
			for _, t := range *m.Type {
				if t == openapi3.TypeNull {
					sh.Nullable = true
				} else if sh.Type == "" {
					sh.Type = t
				}
			}
		}
		if sh.Format == "" {
			sh.Format = m.Format
		}
		if sh.Enum == nil && len(m.Enum) > 0 {
			for _, v := range m.Enum {
				if v == nil {
					sh.Nullable = true
					continue
				}
				sh.Enum = append(sh.Enum, fmt.Sprint(v))
			}
			sort.Strings(sh.Enum)
		}
		if len(alternatives) == 0 && soleAlternative(m) == nil {
			alternatives = alternativeTypes(m)
		}
	}
	if sh.Type == "" && len(alternatives) > 0 {
		sh.Type = "oneOf(" + strings.Join(alternatives, "|") + ")"
	}
	if sh.Type == "" && hasObjectMembers(s) {
		sh.Type = "object"
	}
	if sh.Type == "array" {
		if it := itemsOf(s); it != nil {
			is := shapeOf(it)
			is.Nullable = false
			is.Enum = nil
			sh.Items = is.String()
		}
	}
	return sh
}

// alternativeTypes names the types of a oneOf/anyOf of several schemas.
func alternativeTypes(s *openapi3.Schema) []string {
	var out []string
	for _, alts := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf} {
		for _, a := range alts {
			if a == nil || a.Value == nil || isNullSchema(a.Value) {
				continue
			}
			sh := shapeOf(a.Value)
			sh.Nullable = false
			out = append(out, sh.String())
		}
	}
	sort.Strings(out)
	return out
}

func hasObjectMembers(s *openapi3.Schema) bool {
	props, _ := objectMembers(s)
	return len(props) > 0
}

// objectMembers collects the properties and required names of s and its
// allOf members.
func objectMembers(s *openapi3.Schema) (map[string]*openapi3.Schema, map[string]bool) {
	props := map[string]*openapi3.Schema{}
	req := map[string]bool{}
	for _, m := range members(s, 0) {
		for name, ref := range m.Properties {
			if ref == nil || ref.Value == nil {
				continue
			}
			if _, ok := props[name]; !ok {
				props[name] = ref.Value
			}
		}
		for _, r := range m.Required {
			req[r] = true
		}
	}
	return props, req
}

// itemsOf returns the items schema of an array (of s or an allOf member).
func itemsOf(s *openapi3.Schema) *openapi3.Schema {
	for _, m := range members(s, 0) {
		if m.Items != nil && m.Items.Value != nil {
			return m.Items.Value
		}
	}
	return nil
}
