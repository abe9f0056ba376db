package sandbox

// What a Rails controller does with a request's input before a model sees
// it, derived from the spec so that every operation gets it: strong
// parameters (only the attributes the request schema declares are
// written), Rack's reading of the query string (a repeated scalar keeps
// its last value, a boolean is cast the way ActiveModel casts one), a
// capped and strictly parsed JSON body, and presence checks that hold on
// updates as on creates.

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

// MaxBodyBytes is the largest request body the sandbox reads; a larger one
// is answered 413 before any of it is parsed, as the proxy in front of a
// Rails app refuses it (nginx's client_max_body_size).
const MaxBodyBytes = 10 << 20

// errTooLarge is the 413 for a body over MaxBodyBytes.
var errTooLarge = &apiError{status: http.StatusRequestEntityTooLarge, body: map[string]any{"errors": "Request Entity Too Large"}}

// tooLarge reports whether err (or what it wraps) is a body that went over
// the cap.
func tooLarge(err error) bool {
	var mbe *http.MaxBytesError
	return errors.As(err, &mbe)
}

// strongParams keeps the attributes of v that the request schema sh
// declares, recursively through declared objects and arrays of objects;
// everything else is dropped, as Rails' params.permit drops unpermitted
// keys without an error (ActionController's default
// action_on_unpermitted_parameters is to log them). A schema that allows
// additional properties, or a free-form object (one declaring no members),
// permits every key at its level. An operation
// without a request schema permits nothing.
func strongParams(sh *shape, v map[string]any) map[string]any {
	if sh == nil {
		return map[string]any{}
	}
	out, _ := permitValue(sh, v).(map[string]any)
	if out == nil {
		out = map[string]any{}
	}
	return out
}

func permitValue(sh *shape, v any) any {
	if sh == nil {
		return v
	}
	switch sh.kind {
	case shObject:
		m, ok := v.(map[string]any)
		if !ok {
			return v
		}
		if len(sh.names) == 0 && !sh.addl {
			// A free-form object (additionalProperties: true and no
			// properties, as the projector reads it): every key is its.
			return m
		}
		out := make(map[string]any, len(m))
		for k, x := range m {
			ps, declared := sh.props[k]
			switch {
			case declared:
				out[k] = permitValue(ps, x)
			case sh.addl, len(sh.props) == 0:
				// Additional properties declared, or a free-form object
				// (no members declared): every key is permitted.
				out[k] = x
			}
		}
		return out
	case shArray:
		xs, ok := v.([]any)
		if !ok {
			return v
		}
		out := make([]any, len(xs))
		for i, x := range xs {
			out[i] = permitValue(sh.items, x)
		}
		return out
	}
	return v
}

// rackQuery rewrites r's query string the way Rack and Rails read it,
// before the request is validated, for the query parameters the matched
// operation declares: a scalar parameter given more than once keeps its
// last value (Rack's parse_nested_query), and a boolean parameter holds
// what ActiveModel's boolean cast makes of it: "0", "f", "false", "off"
// (in either case) are false, an empty value is no value, and anything
// else is true. Undeclared parameters are left alone (and ignored).
func rackQuery(r *http.Request, route *specvalidate.Route) *http.Request {
	if r.URL.RawQuery == "" {
		return r
	}
	params := route.Parameters()
	q := r.URL.Query()
	changed := false
	for _, pr := range params {
		p := pr.Value
		if p == nil || p.In != openapi3.ParameterInQuery || p.Schema == nil || p.Schema.Value == nil {
			continue
		}
		vs, ok := q[p.Name]
		if !ok {
			continue
		}
		sch := p.Schema.Value
		if sch.Type.Is("array") {
			continue
		}
		v := vs[len(vs)-1]
		if sch.Type.Is("boolean") {
			switch {
			case v == "":
				delete(q, p.Name)
				changed = true
				continue
			case railsFalse[v]:
				v = "false"
			default:
				v = "true"
			}
		}
		if len(vs) != 1 || vs[0] != v {
			q[p.Name] = []string{v}
			changed = true
		}
	}
	if !changed {
		return r
	}
	u := *r.URL
	u.RawQuery = q.Encode()
	r2 := r.WithContext(r.Context())
	r2.URL = &u
	return r2
}

// railsFalse are the strings ActiveModel::Type::Boolean casts to false.
var railsFalse = map[string]bool{
	"0": true, "f": true, "F": true, "false": true, "FALSE": true, "off": true, "OFF": true,
}

// decodeJSON parses a JSON request body the way Rails' JSON params parser
// does: one value (numbers kept exact), in valid UTF-8, with nothing but
// white space after it. Anything else is the 400 of a body that does not
// parse: trailing garbage is not silently dropped, and invalid UTF-8 is
// refused rather than turned into U+FFFD.
func decodeJSON(b []byte) (any, error) {
	if !utf8.Valid(b) {
		return nil, errMalformed
	}
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, errMalformed
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, errMalformed
	}
	return normalize(v), nil
}

// blankPresent returns the fields of in, among fields, that hold a blank
// string (see blankRequired).
func blankPresent(fields []string, in map[string]any) []string {
	var out []string
	for _, f := range fields {
		if s, ok := in[f].(string); ok && isBlank(s) {
			out = append(out, f)
		}
	}
	return out
}

// presenceOnUpdate gives every update route the string fields that the
// create of its resource, in the same API, requires: the model validates
// their presence on every save, so an update may leave them out but not
// blank them.
func presenceOnUpdate(routes []*route) {
	required := map[string][]string{}
	for _, rt := range routes {
		if rt.kind != kindCreate || rt.body == nil || rt.body.kind != shObject {
			continue
		}
		for _, name := range rt.body.names {
			if rt.body.required[name] && rt.body.props[name].kind == shString && len(rt.body.props[name].enum) == 0 && !slices.Contains(required[rt.resource], name) {
				required[rt.resource] = append(required[rt.resource], name)
			}
		}
	}
	for _, rt := range routes {
		if rt.kind == kindUpdate {
			rt.presence = required[rt.resource]
		}
	}
}
