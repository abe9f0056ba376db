package sandbox

import (
	"encoding/json"
	"math"
	"net/http"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
)

// shape is a compiled, immutable view of a schema: what projection and input
// coercion need, without walking kin-openapi structures per request.
type shape struct {
	kind      shapeKind
	nullable  bool
	props     map[string]*shape
	names     []string // sorted property names
	required  map[string]bool
	items     *shape
	addl      bool   // additionalProperties declared: extra keys are part of the object
	addlShape *shape // their schema (nil: untyped)
	enum      []any
	format    string
	pattern   string
	example   any
	src       *openapi3.Schema
}

type shapeKind uint8

const (
	shAny shapeKind = iota
	shObject
	shArray
	shString
	shInteger
	shNumber
	shBool
)

type compiler struct {
	s    *Sandbox
	memo map[*openapi3.Schema]*shape
}

func newCompiler(s *Sandbox) *compiler {
	return &compiler{s: s, memo: map[*openapi3.Schema]*shape{}}
}

func (c *compiler) compile(ref *openapi3.SchemaRef) *shape {
	if ref == nil || ref.Value == nil {
		return &shape{kind: shAny, nullable: true}
	}
	sch := ref.Value
	if sh, ok := c.memo[sch]; ok {
		return sh
	}
	sh := &shape{src: sch, nullable: sch.Nullable, format: sch.Format, pattern: sch.Pattern, enum: sch.Enum, example: sch.Example}
	c.memo[sch] = sh
	switch {
	case sch.Type.Is("object") || (sch.Type == nil && (len(sch.Properties) > 0 || len(sch.AllOf) > 0)):
		sh.kind = shObject
	case sch.Type.Is("array") || (sch.Type == nil && sch.Items != nil):
		sh.kind = shArray
	case sch.Type.Is("string"):
		sh.kind = shString
	case sch.Type.Is("integer"):
		sh.kind = shInteger
	case sch.Type.Is("number"):
		sh.kind = shNumber
	case sch.Type.Is("boolean"):
		sh.kind = shBool
	}
	if sh.kind == shObject {
		sh.props, sh.required = map[string]*shape{}, map[string]bool{}
		parts := []*openapi3.Schema{sch}
		for _, a := range sch.AllOf {
			if a.Value != nil {
				parts = append(parts, a.Value)
			}
		}
		for _, p := range parts {
			for name, pr := range p.Properties {
				sh.props[name] = c.compile(pr)
			}
			for _, r := range p.Required {
				sh.required[r] = true
			}
			if p.AdditionalProperties.Schema != nil {
				sh.addl, sh.addlShape = true, c.compile(p.AdditionalProperties.Schema)
			} else if p.AdditionalProperties.Has != nil && *p.AdditionalProperties.Has && len(p.Properties) > 0 {
				sh.addl = true
			}
		}
		for name := range sh.props {
			sh.names = append(sh.names, name)
		}
		sort.Strings(sh.names)
	}
	if sh.kind == shArray {
		sh.items = c.compile(sch.Items)
	}
	// A nullable field typed by a shared enum ({type: string, nullable:
	// true, allOf: [$ref]}) takes the enum's values.
	if sh.kind != shObject && len(sh.enum) == 0 {
		for _, a := range sch.AllOf {
			if a.Value != nil && len(a.Value.Enum) > 0 {
				sh.enum = a.Value.Enum
				break
			}
		}
	}
	return sh
}

// success picks the success response an operation answers and its schema:
// POST prefers 201, everything else 200; 204 only when nothing else exists.
func (c *compiler) success(op *openapi3.Operation, method string) (int, *shape, string) {
	if op.Responses == nil {
		return http.StatusOK, nil, ""
	}
	var codes []int
	for code := range op.Responses.Map() {
		if n, err := strconv.Atoi(code); err == nil && n >= 200 && n < 300 {
			codes = append(codes, n)
		}
	}
	if len(codes) == 0 {
		return http.StatusOK, nil, ""
	}
	rank := func(n int) int {
		switch {
		case method == http.MethodPost && n == 201:
			return 0
		case n == 200:
			return 1
		case n == 201:
			return 2
		case n == 204:
			return 1000
		}
		return n
	}
	sort.Slice(codes, func(i, j int) bool { return rank(codes[i]) < rank(codes[j]) })
	code := codes[0]
	resp := op.Responses.Value(strconv.Itoa(code))
	if resp == nil || resp.Value == nil {
		return code, nil, ""
	}
	for _, media := range []string{"application/json", "text/html"} {
		if mt := resp.Value.Content.Get(media); mt != nil && mt.Schema != nil {
			return code, c.compile(mt.Schema), media
		}
	}
	return code, nil, ""
}

// requestBody compiles the request schema (JSON, multipart or form).
func (c *compiler) requestBody(op *openapi3.Operation) *shape {
	if op.RequestBody == nil || op.RequestBody.Value == nil {
		return nil
	}
	for _, media := range []string{"application/json", "multipart/form-data", "application/x-www-form-urlencoded"} {
		if mt := op.RequestBody.Value.Content.Get(media); mt != nil && mt.Schema != nil {
			return c.compile(mt.Schema)
		}
	}
	return nil
}

// queryParams records the declared query parameters and plans a list filter
// for each from the item schema (filter.go).
func (c *compiler) queryParams(rt *route, op *openapi3.Operation, item *pathItemParams) {
	params := append(slices.Clone(item.params), op.Parameters...)
	rt.qshape = map[string]*shape{}
	for _, pr := range params {
		if pr.Value == nil || pr.Value.In != openapi3.ParameterInQuery {
			continue
		}
		name := pr.Value.Name
		rt.qnames = append(rt.qnames, name)
		rt.qshape[name] = c.compile(pr.Value.Schema)
		if plan, ok := planFilter(name, rt.item); ok {
			rt.query = append(rt.query, plan)
		}
	}
}

// projector writes records in the shape of a response schema.
type projector struct{ today, now string }

func newProjector(now time.Time) projector {
	now = now.UTC()
	return projector{today: now.Format(time.DateOnly), now: now.Format(time.RFC3339)}
}

func (p projector) value(sh *shape, v any) any {
	if sh == nil {
		return v
	}
	if v == nil {
		return p.absent(sh)
	}
	switch sh.kind {
	case shObject:
		m, ok := v.(map[string]any)
		if !ok {
			return p.absent(sh)
		}
		if len(sh.names) == 0 && !sh.addl { // a free-form object
			return clone(m)
		}
		return p.object(sh, m)
	case shArray:
		xs, ok := v.([]any)
		if !ok {
			return p.absent(sh)
		}
		out := make([]any, len(xs))
		for i, x := range xs {
			out[i] = p.value(sh.items, x)
		}
		return out
	case shString:
		return p.str(sh, v)
	case shInteger:
		if n, ok := toInt(v); ok {
			return n
		}
		return p.absent(sh)
	case shNumber:
		if f, ok := toFloat(v); ok {
			return f
		}
		return p.absent(sh)
	case shBool:
		if b, ok := toBool(v); ok {
			return b
		}
		return p.absent(sh)
	}
	return v
}

func (p projector) absent(sh *shape) any {
	if sh.nullable {
		return nil
	}
	return p.zero(sh)
}

// object keeps only the schema's properties: absent nullable ones become
// null, absent required ones a zero value; declared additional properties
// carry the record's extra scalar cells.
func (p projector) object(sh *shape, m map[string]any) *object {
	o := &object{keys: sh.names, vals: make([]any, 0, len(sh.names))}
	own := false // o.keys is no longer the shape's shared slice
	for i, name := range sh.names {
		ps := sh.props[name]
		v, ok := m[name]
		var out any
		switch {
		case ok && v != nil:
			out = p.value(ps, v)
		case ps.nullable:
		case sh.required[name] || ok:
			out = p.zero(ps)
		default: // absent, optional, not nullable: omitted
			if !own {
				o.keys, own = slices.Clone(sh.names[:i]), true
			}
			continue
		}
		if own {
			o.keys = append(o.keys, name)
		}
		o.vals = append(o.vals, out)
	}
	if sh.addl {
		var extra []string
		for k, v := range m {
			if _, declared := sh.props[k]; declared || strings.HasPrefix(k, "_") || strings.HasSuffix(k, "_id") || k == "created_at" || k == "updated_at" {
				continue
			}
			switch v.(type) {
			case nil, string, int, float64, bool:
				extra = append(extra, k)
			}
		}
		if len(extra) > 0 {
			slices.Sort(extra)
			if !own {
				o.keys = slices.Clone(o.keys)
			}
			for _, k := range extra {
				o.keys = append(o.keys, k)
				o.vals = append(o.vals, p.value(sh.addlShape, m[k]))
			}
		}
	}
	return o
}

// zero is the schema-derived value of an absent required property.
func (p projector) zero(sh *shape) any {
	switch sh.kind {
	case shObject:
		return p.object(sh, nil)
	case shArray:
		return []any{}
	case shString:
		switch {
		case len(sh.enum) > 0:
			return sh.enum[0]
		case sh.format == "date":
			return p.today
		case sh.format == "date-time":
			return p.now
		case strings.Contains(sh.pattern, ":[0-5]"):
			return "00:00"
		}
		return ""
	case shInteger:
		return 0
	case shNumber:
		return 0.0
	case shBool:
		return false
	}
	return nil
}

func (p projector) str(sh *shape, v any) any {
	var s string
	switch x := v.(type) {
	case string:
		s = x
	case map[string]any: // an uploaded file projected onto a URL field
		for _, k := range []string{"url", "file", "filename"} {
			if u, ok := x[k].(string); ok {
				return u
			}
		}
		return p.absent(sh)
	case []any:
		return p.absent(sh)
	default:
		s = fmtVal(v)
	}
	switch sh.format {
	case "date":
		if len(s) > 10 && s[10] == 'T' {
			s = s[:10]
		}
	case "date-time":
		if len(s) == 10 {
			s += "T00:00:00Z"
		}
	}
	return s
}

// toInt accepts the integer forms a record may hold.
func toInt(v any) (int, bool) {
	switch x := v.(type) {
	case int:
		return x, true
	case int64:
		return int(x), true
	case int32:
		return int(x), true
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int(x), true
		}
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return int(n), true
		}
	case string:
		if n, err := strconv.Atoi(strings.TrimSpace(x)); err == nil {
			return n, true
		}
	}
	return 0, false
}

func toFloat(v any) (float64, bool) {
	switch x := v.(type) {
	case int:
		return float64(x), true
	case float64:
		return x, true
	case json.Number:
		f, err := x.Float64()
		return f, err == nil
	case string:
		f, err := strconv.ParseFloat(strings.TrimSpace(x), 64)
		return f, err == nil
	}
	return 0, false
}

func toBool(v any) (bool, bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case string:
		switch strings.ToLower(x) {
		case "true", "1", "on", "yes":
			return true, true
		case "false", "0", "off", "no", "":
			return false, true
		}
	case int:
		return x != 0, true
	}
	return false, false
}

// fmtVal renders a scalar the way it appears in a query string.
func fmtVal(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case int:
		return strconv.Itoa(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	case bool:
		return strconv.FormatBool(x)
	case json.Number:
		return x.String()
	}
	b, _ := json.Marshal(v)
	return string(b)
}

// normalize turns any Go or decoded-JSON value into the store's canonical
// forms: int for integral numbers, float64, string, bool, []any and
// map[string]any.
func normalize(v any) any {
	switch x := v.(type) {
	case nil, string, bool, int:
		return x
	case json.Number:
		if n, err := x.Int64(); err == nil {
			return int(n)
		}
		f, _ := x.Float64()
		return f
	case float64:
		if x == math.Trunc(x) && math.Abs(x) < 1<<53 {
			return int(x)
		}
		return x
	case float32:
		return normalize(float64(x))
	case int64:
		return int(x)
	case int32:
		return int(x)
	case time.Time:
		return x.UTC().Format(time.RFC3339)
	case map[string]any:
		out := make(map[string]any, len(x))
		for k, e := range x {
			out[k] = normalize(e)
		}
		return out
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = normalize(e)
		}
		return out
	}
	rv := reflect.ValueOf(v)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		out := make([]any, rv.Len())
		for i := range out {
			out[i] = normalize(rv.Index(i).Interface())
		}
		return out
	case reflect.Map:
		out := make(map[string]any, rv.Len())
		for _, k := range rv.MapKeys() {
			out[fmtVal(normalize(k.Interface()))] = normalize(rv.MapIndex(k).Interface())
		}
		return out
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return int(rv.Convert(reflect.TypeFor[int64]()).Int())
	case reflect.Pointer:
		if rv.IsNil() {
			return nil
		}
		return normalize(rv.Elem().Interface())
	case reflect.String:
		return rv.String()
	}
	b, err := json.Marshal(v)
	if err != nil {
		return nil
	}
	var out any
	dec := json.NewDecoder(strings.NewReader(string(b)))
	dec.UseNumber()
	_ = dec.Decode(&out)
	return normalize(out)
}

// coerce converts a form or query string to the type its schema declares.
func coerce(sh *shape, raw []string) any {
	if sh == nil || len(raw) == 0 {
		if len(raw) == 1 {
			return raw[0]
		}
		return normalize(raw)
	}
	if sh.kind == shArray {
		var vals []string
		for _, r := range raw {
			if strings.Contains(r, ",") {
				vals = append(vals, strings.Split(r, ",")...)
			} else {
				vals = append(vals, r)
			}
		}
		out := make([]any, len(vals))
		for i, r := range vals {
			out[i] = coerce(sh.items, []string{r})
		}
		return out
	}
	s := raw[len(raw)-1] // Rack keeps the last of repeated values
	switch sh.kind {
	case shInteger:
		if n, ok := toInt(s); ok {
			return n
		}
	case shNumber:
		if f, ok := toFloat(s); ok {
			return normalize(f)
		}
	case shBool:
		if b, ok := toBool(s); ok {
			return b
		}
	}
	return s
}

func intSlice(v any) []int {
	xs, _ := v.([]any)
	out := make([]int, 0, len(xs))
	for _, x := range xs {
		if n, ok := toInt(x); ok {
			out = append(out, n)
		}
	}
	return out
}

func anySlice(xs []int) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}
