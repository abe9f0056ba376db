package sandbox

import (
	"slices"
	"strconv"
	"strings"
)

// blankRequired returns the fields of in that the request schema body
// requires as strings but that hold a blank one: empty or only white
// space. Rails validates presence with blank?, so the API answers such a
// field exactly as a missing one. Nested objects, and objects in arrays,
// are walked where in has them; a field is named like a schema error's
// JSON pointer, its segments joined by dots ("rows.0.name"). A property
// whose enum lists a blank value accepts it. The check is derived from
// the schema alone, so it serves any spec the sandbox is built from.
func blankRequired(body *shape, in map[string]any) []string {
	var fields []string
	walkBlank(body, in, "", &fields)
	slices.Sort(fields)
	return fields
}

func walkBlank(sh *shape, v any, at string, fields *[]string) {
	if sh == nil {
		return
	}
	switch sh.kind {
	case shObject:
		m, _ := v.(map[string]any)
		for _, name := range sh.names {
			val, ok := m[name]
			if !ok {
				continue
			}
			ps := sh.props[name]
			if s, isStr := val.(string); isStr && ps.kind == shString && sh.required[name] && isBlank(s) && !slices.Contains(ps.enum, any(s)) {
				*fields = append(*fields, at+name)
				continue
			}
			walkBlank(ps, val, at+name+".", fields)
		}
	case shArray:
		xs, _ := v.([]any)
		for i, x := range xs {
			walkBlank(sh.items, x, at+strconv.Itoa(i)+".", fields)
		}
	}
}

// isBlank is Ruby's String#blank?: empty or only white space.
func isBlank(s string) bool { return strings.TrimSpace(s) == "" }
