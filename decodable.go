package factorial

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	openapi_types "github.com/oapi-codegen/runtime/types"
)

// checkDecodable reports where json.Unmarshal of data into the Go type
// oapi-codegen generates for schema would fail, or nil if it would succeed.
//
// It exists because the generated <Op>WithResponse methods return the raw
// *json.UnmarshalTypeError (or *time.ParseError, ...) when a well-formed
// body does not fit the type, losing status, URL and body. Running this in
// the transport turns those failures into an *Error before the parser sees
// the body. It checks decodability only, not the schema: a missing required
// field or an unknown enum value decodes fine and is drift, which
// WithResponseValidation reports.
//
// The walk mirrors encoding/json and oapi-codegen v2's default type mapping
// (integer→int, number→float32, format date-time→time.Time, date→
// openapi_types.Date, ...). Schemas with x-go-type are skipped (their Go type
// is unknown here), as are oneOf/anyOf unions, which the generated code keeps
// as raw JSON. A type-mapping added to api/config.yaml would need the same
// change in goLeafTarget.
func checkDecodable(data []byte, schema *openapi3.Schema) error {
	if schema == nil {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	var err error
	if hasDuplicateKey(data) {
		// Rare, so the slow path: a map would keep only the last value of
		// a repeated key, but encoding/json decodes every one of them into
		// the field, and any of them can fail.
		v, err = decodeKeepingDuplicates(dec)
	} else {
		err = dec.Decode(&v)
	}
	if err != nil {
		return err
	}
	if v == nil && !schema.Nullable && !isUnion(schema) {
		// json.Unmarshal accepts null into a struct or slice and leaves it
		// zero, so the caller would get an empty JSON200 for a body that is
		// not what the operation declares.
		return &decodeError{msg: "null body where the spec declares a value"}
	}
	return walkDecodable(v, schema, "", false)
}

// decodeError names the JSON pointer of the first value that does not fit.
// It never includes the value itself: bodies carry personal data and tokens.
type decodeError struct {
	path string
	msg  string
}

func (e *decodeError) Error() string {
	p := e.path
	if p == "" {
		p = "/"
	}
	return "at " + p + ": " + e.msg
}

func isUnion(s *openapi3.Schema) bool { return len(s.OneOf) > 0 || len(s.AnyOf) > 0 }

// walkDecodable checks v against s. ptr says the generated Go value is a
// pointer (optional or nullable), where null is always accepted.
func walkDecodable(v any, s *openapi3.Schema, path string, ptr bool) error {
	if s == nil {
		return nil
	}
	if _, custom := s.Extensions["x-go-type"]; custom {
		return nil
	}
	if isUnion(s) {
		return nil
	}
	if v == nil {
		if ptr || s.Nullable {
			return nil
		}
		// null into a non-pointer is a no-op for plain types but reaches
		// custom unmarshalers (openapi_types.Date fails on it).
		if target := goLeafTarget(s); target != nil {
			if err := json.Unmarshal([]byte("null"), target); err != nil {
				return &decodeError{path, "null for a required " + describe(s)}
			}
		}
		return nil
	}
	for _, sub := range s.AllOf {
		// oapi-codegen merges allOf into one struct: the value must fit each.
		if sub != nil {
			if err := walkDecodable(v, sub.Value, path, ptr); err != nil {
				return err
			}
		}
	}
	switch kindOf(s) {
	case "object":
		return walkObject(v, s, path)
	case "array":
		items, ok := v.([]any)
		if !ok {
			return mismatch(path, "array", v)
		}
		if s.Items == nil || s.Items.Value == nil {
			return nil
		}
		for i, item := range items {
			if err := walkDecodable(item, s.Items.Value, path+"/"+strconv.Itoa(i), s.Items.Value.Nullable); err != nil {
				return err
			}
		}
		return nil
	case "string":
		if s.Format == "json" { // json.RawMessage holds anything
			return nil
		}
		str, ok := v.(string)
		if !ok {
			return mismatch(path, "string", v)
		}
		if target := goLeafTarget(s); target != nil {
			raw, _ := json.Marshal(str)
			if err := json.Unmarshal(raw, target); err != nil {
				return &decodeError{path, fmt.Sprintf("string is not a valid %q value", s.Format)}
			}
		}
		return nil
	case "integer":
		n, ok := v.(json.Number)
		if !ok {
			return mismatch(path, "integer", v)
		}
		bits, unsigned := intFormat(s.Format)
		var err error
		if unsigned {
			_, err = strconv.ParseUint(string(n), 10, bits)
		} else {
			_, err = strconv.ParseInt(string(n), 10, bits)
		}
		if err != nil {
			return &decodeError{path, "number does not fit " + describe(s)}
		}
		return nil
	case "number":
		n, ok := v.(json.Number)
		if !ok {
			return mismatch(path, "number", v)
		}
		bits := 32 // oapi-codegen maps number without format to float32
		if s.Format == "double" {
			bits = 64
		}
		if _, err := strconv.ParseFloat(string(n), bits); err != nil {
			return &decodeError{path, "number does not fit " + describe(s)}
		}
		return nil
	case "boolean":
		if _, ok := v.(bool); !ok {
			return mismatch(path, "boolean", v)
		}
		return nil
	}
	return nil // no type: interface{} holds anything
}

func walkObject(v any, s *openapi3.Schema, path string) error {
	m, ok := v.(map[string]any)
	if !ok {
		return mismatch(path, "object", v)
	}
	ap := s.AdditionalProperties
	// A struct with an AdditionalProperties map gets a generated
	// UnmarshalJSON that matches property names exactly; a plain struct
	// goes through encoding/json, which also matches case-insensitively.
	customUnmarshal := ap.Schema != nil || (ap.Has != nil && *ap.Has && len(s.Properties) > 0)
	for _, key := range slices.Sorted(maps.Keys(m)) {
		name, prop := lookupProperty(s, key, !customUnmarshal)
		p := path + "/" + escapePointer(key)
		values := []any{m[key]}
		if dup, ok := m[key].(duplicates); ok {
			values = dup
			if customUnmarshal {
				// The generated UnmarshalJSON goes through a map: the last
				// value wins.
				values = dup[len(dup)-1:]
			}
		}
		for _, v := range values {
			switch {
			case prop != nil && prop.Value != nil:
				ptr := !slices.Contains(s.Required, name) || prop.Value.Nullable
				if err := walkDecodable(v, prop.Value, p, ptr); err != nil {
					return err
				}
			case prop == nil && ap.Schema != nil && ap.Schema.Value != nil:
				if err := walkDecodable(v, ap.Schema.Value, p, ap.Schema.Value.Nullable); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// duplicates holds, in order, the values of a key an object names more than
// once (see decodeKeepingDuplicates).
type duplicates []any

// decodeKeepingDuplicates decodes one JSON value like Decode into an any,
// except that a key repeated within an object maps to duplicates.
func decodeKeepingDuplicates(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok {
	case json.Delim('{'):
		m := map[string]any{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, err
			}
			key, _ := kt.(string)
			v, err := decodeKeepingDuplicates(dec)
			if err != nil {
				return nil, err
			}
			if old, seen := m[key]; seen {
				dup, ok := old.(duplicates)
				if !ok {
					dup = duplicates{old}
				}
				v = append(dup, v)
			}
			m[key] = v
		}
		_, err := dec.Token() // }
		return m, err
	case json.Delim('['):
		a := []any{}
		for dec.More() {
			v, err := decodeKeepingDuplicates(dec)
			if err != nil {
				return nil, err
			}
			a = append(a, v)
		}
		_, err := dec.Token() // ]
		return a, err
	}
	return tok, nil
}

// hasDuplicateKey reports whether some object in data names a key twice,
// comparing keys as decoded (so "\u0069d" repeats "id"). It is a single
// pass over the bytes that allocates only for escaped or non-ASCII keys
// and for objects with many keys; malformed JSON yields false, and the
// decoder reports it.
func hasDuplicateKey(data []byte) bool {
	type frame struct {
		object bool
		start  int                 // the object's keys begin at keys[start]
		set    map[string]struct{} // replaces the linear scan once it has many keys
	}
	const linear = 16
	var (
		stack     []frame
		keys      [][]byte
		expectKey bool
	)
	for i := 0; i < len(data); i++ {
		switch data[i] {
		case '"':
			j := i + 1
			for j < len(data) && data[j] != '"' {
				if data[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(data) {
				return false
			}
			if expectKey && len(stack) > 0 && stack[len(stack)-1].object {
				o := &stack[len(stack)-1]
				k := canonicalKey(data[i : j+1])
				if o.set != nil {
					if _, ok := o.set[string(k)]; ok {
						return true
					}
					o.set[string(k)] = struct{}{}
				} else {
					for _, prev := range keys[o.start:] {
						if bytes.Equal(prev, k) {
							return true
						}
					}
					keys = append(keys, k)
					if len(keys)-o.start > linear {
						o.set = make(map[string]struct{}, 2*linear)
						for _, prev := range keys[o.start:] {
							o.set[string(prev)] = struct{}{}
						}
					}
				}
				expectKey = false
			}
			i = j
		case '{':
			stack = append(stack, frame{object: true, start: len(keys)})
			expectKey = true
		case '[':
			stack = append(stack, frame{start: len(keys)})
			expectKey = false
		case '}', ']':
			if len(stack) == 0 {
				return false
			}
			keys = keys[:stack[len(stack)-1].start]
			stack = stack[:len(stack)-1]
			expectKey = false
		case ',':
			expectKey = len(stack) > 0 && stack[len(stack)-1].object
		}
	}
	return false
}

// canonicalKey returns the quoted key as encoding/json decodes it: the raw
// bytes when they hold no escape and no non-ASCII byte (the common case),
// otherwise the decoded string (invalid UTF-8 becomes U+FFFD, as in the
// decoder).
func canonicalKey(quoted []byte) []byte {
	raw := quoted[1 : len(quoted)-1]
	for _, c := range raw {
		if c == '\\' || c >= 0x80 {
			var s string
			if json.Unmarshal(quoted, &s) != nil {
				return raw
			}
			return []byte(s)
		}
	}
	return raw
}

func lookupProperty(s *openapi3.Schema, key string, fold bool) (string, *openapi3.SchemaRef) {
	if p, ok := s.Properties[key]; ok {
		return key, p
	}
	if fold {
		for name, p := range s.Properties {
			if strings.EqualFold(name, key) {
				return name, p
			}
		}
	}
	return "", nil
}

func kindOf(s *openapi3.Schema) string {
	if s.Type != nil && s.Type.IsSingle() {
		return s.Type.Slice()[0]
	}
	if (s.Type == nil || s.Type.IsEmpty()) && (len(s.Properties) > 0 || s.AdditionalProperties.Schema != nil || s.AdditionalProperties.Has != nil) {
		return "object"
	}
	return ""
}

// goLeafTarget returns a fresh value of the Go type oapi-codegen generates
// for a formatted string, or nil when the type is a plain string.
func goLeafTarget(s *openapi3.Schema) any {
	if kindOf(s) != "string" {
		return nil
	}
	switch s.Format {
	case "date-time":
		return new(time.Time)
	case "date":
		return new(openapi_types.Date)
	case "email":
		return new(openapi_types.Email)
	case "uuid":
		return new(openapi_types.UUID)
	case "duration":
		return new(openapi_types.Duration)
	case "byte":
		return new([]byte)
	case "binary":
		return new(openapi_types.File)
	}
	return nil
}

func intFormat(format string) (bits int, unsigned bool) {
	switch format {
	case "int8":
		return 8, false
	case "int16":
		return 16, false
	case "int32":
		return 32, false
	case "int64":
		return 64, false
	case "uint":
		return strconv.IntSize, true
	case "uint8":
		return 8, true
	case "uint16":
		return 16, true
	case "uint32":
		return 32, true
	case "uint64":
		return 64, true
	}
	return strconv.IntSize, false
}

func describe(s *openapi3.Schema) string {
	k := kindOf(s)
	if s.Format != "" {
		return k + " (" + s.Format + ")"
	}
	return k
}

func mismatch(path, want string, v any) error {
	return &decodeError{path, "JSON " + jsonKind(v) + " where the spec declares " + want}
}

func jsonKind(v any) string {
	switch v.(type) {
	case nil:
		return "null"
	case bool:
		return "boolean"
	case json.Number, float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return fmt.Sprintf("%T", v)
}

func escapePointer(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "~", "~0"), "/", "~1")
}
