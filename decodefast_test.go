package factorial

import (
	"encoding/json"
	"math/rand/v2"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

// exactOK is what the transport decided before fastCheck existed.
func exactOK(data []byte, s *openapi3.Schema) bool {
	if !json.Valid(data) {
		return false
	}
	return s == nil || checkDecodable(data, s) == nil
}

// responseSchemas returns every JSON response schema of the spec, named.
func responseSchemas(t testing.TB) map[string]*openapi3.Schema {
	v := specvalidate.MustNew()
	out := map[string]*openapi3.Schema{}
	for path, item := range v.Doc().Paths.Map() {
		for method, op := range item.Operations() {
			for status, ref := range op.Responses.Map() {
				if ref.Value == nil {
					continue
				}
				for mt, m := range ref.Value.Content {
					if isJSONMedia(mt) && m.Schema != nil && m.Schema.Value != nil {
						out[method+" "+path+" "+status] = m.Schema.Value
					}
				}
			}
		}
	}
	if len(out) < 100 {
		t.Fatalf("only %d response schemas", len(out))
	}
	return out
}

// gen writes a random JSON value for s: mostly what the spec declares, and
// with probability bad per value something that may not decode (a wrong
// type, null, a malformed date, an out-of-range number, an escaped or
// case-changed key, a duplicate key).
type gen struct {
	r     *rand.Rand
	bad   float64
	depth int
}

func (g *gen) coin(p float64) bool { return g.r.Float64() < p }

func (g *gen) value(b *strings.Builder, s *openapi3.Schema) {
	g.depth++
	defer func() { g.depth-- }()
	if s == nil || g.depth > 6 {
		b.WriteString("null")
		return
	}
	if g.coin(g.bad) {
		g.wrong(b)
		return
	}
	if s.Nullable && g.coin(0.1) {
		b.WriteString("null")
		return
	}
	if len(s.OneOf) > 0 {
		g.value(b, s.OneOf[g.r.IntN(len(s.OneOf))].Value)
		return
	}
	if len(s.AnyOf) > 0 {
		g.value(b, s.AnyOf[g.r.IntN(len(s.AnyOf))].Value)
		return
	}
	if len(s.AllOf) > 0 && kindOf(s) == "" {
		// Merge the members' properties into one object.
		merged := &openapi3.Schema{Type: &openapi3.Types{"object"}, Properties: openapi3.Schemas{}}
		for _, sub := range s.AllOf {
			if sub.Value != nil {
				for k, p := range sub.Value.Properties {
					merged.Properties[k] = p
				}
				merged.Required = append(merged.Required, sub.Value.Required...)
			}
		}
		g.value(b, merged)
		return
	}
	switch kindOf(s) {
	case "object":
		b.WriteByte('{')
		names := slices.Sorted(func(yield func(string) bool) {
			for k := range s.Properties {
				if !yield(k) {
					return
				}
			}
		})
		first := true
		sep := func() {
			if !first {
				b.WriteByte(',')
			}
			first = false
			if g.coin(0.05) {
				b.WriteString(" \n\t")
			}
		}
		for _, name := range names {
			if !slices.Contains(s.Required, name) && g.coin(0.3) {
				continue
			}
			sep()
			key := name
			switch {
			case g.coin(g.bad / 2):
				key = strings.ToUpper(name)
			case g.coin(g.bad / 4):
				key = `\u00` + strconv.FormatInt(int64(name[0]), 16) + name[1:]
			}
			b.WriteString(`"` + key + `":`)
			g.value(b, s.Properties[name].Value)
			if g.coin(g.bad / 4) { // a duplicate key
				sep()
				b.WriteString(`"` + name + `":`)
				g.value(b, s.Properties[name].Value)
			}
		}
		if g.coin(0.1) {
			sep()
			b.WriteString(`"unknown_field":{"deep":[1,"x",null]}`)
		}
		if ap := s.AdditionalProperties.Schema; ap != nil && ap.Value != nil && g.coin(0.5) {
			sep()
			b.WriteString(`"extra":`)
			g.value(b, ap.Value)
		}
		b.WriteByte('}')
	case "array":
		b.WriteByte('[')
		for i := range g.r.IntN(4) {
			if i > 0 {
				b.WriteByte(',')
			}
			var items *openapi3.Schema
			if s.Items != nil {
				items = s.Items.Value
			}
			g.value(b, items)
		}
		b.WriteByte(']')
	case "string":
		switch s.Format {
		case "date":
			b.WriteString(pick(g.r, `"2024-03-04"`, `"1999-12-31"`, `"2024-02-29"`, `"2023-02-29"`, `"2024-13-01"`, `"2024-3-4"`, `"\u0032024-03-04"`, `"2024-03-04T00:00:00Z"`, `""`))
		case "date-time":
			b.WriteString(pick(g.r, `"2024-03-04T09:00:00Z"`, `"2024-03-04T09:00:00.123+01:00"`, `"2024-03-04 09:00:00"`, `"2024-03-04T25:00:00Z"`, `"2024-03-04T09:00:00\u005a"`, `"12/01/2022"`))
		case "binary", "byte":
			b.WriteString(pick(g.r, `"aGVsbG8="`, `"not base64!"`, `""`))
		default:
			b.WriteString(pick(g.r, `"plain"`, `"Núria Díaz"`, `"a \"quoted\" \\ word\n"`, `"<b>&amp;</b>"`, `"\ud83d\ude00"`, `""`))
		}
	case "integer":
		b.WriteString(pick(g.r, "0", "7", "-42", "1001", "2147483648", "-9223372036854775808", "9223372036854775808", "1.0", "1e3", "99999999999999999999", "18446744073709551615"))
	case "number":
		b.WriteString(pick(g.r, "0", "1.5", "-0.25", "3.4e38", "1e39", "1e-50", "12345678901234567890", "2E+5"))
	case "boolean":
		b.WriteString(pick(g.r, "true", "false"))
	default:
		g.wrong(b)
	}
}

// wrong writes a value of a random kind.
func (g *gen) wrong(b *strings.Builder) {
	b.WriteString(pick(g.r, "null", "true", "1", "-1.5e3", `"x"`, `"2024-03-04"`, "[]", "{}", `[1,"a"]`, `{"id":"1"}`))
}

func pick(r *rand.Rand, opts ...string) string { return opts[r.IntN(len(opts))] }

// TestFastCheckAgreesWithExactChecks: fastCheck never accepts a body that
// json.Valid or checkDecodable rejects, for every response schema of the
// spec, on generated bodies both valid and not; and it does accept
// well-formed bodies (or it would not be a fast path).
func TestFastCheckAgreesWithExactChecks(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 8))
	schemas := responseSchemas(t)
	names := slices.Sorted(func(yield func(string) bool) {
		for k := range schemas {
			if !yield(k) {
				return
			}
		}
	})
	rounds := 40
	if testing.Short() {
		rounds = 8
	}
	var fast, exact, total, validAccepted, validTotal int
	for _, name := range names {
		s := schemas[name]
		p := planFor(s)
		for i := range rounds {
			g := &gen{r: r, bad: []float64{0, 0.02, 0.1, 0.3}[i%4]}
			var b strings.Builder
			g.value(&b, s)
			body := []byte(b.String())
			bodies := [][]byte{body}
			if len(body) > 2 {
				cut := 1 + r.IntN(len(body)-1)
				bodies = append(bodies, body[:cut], append(slices.Clone(body[:cut]), body[cut+1:]...))
			}
			for _, data := range bodies {
				total++
				f, e := fastCheck(data, p), exactOK(data, s)
				if f {
					fast++
				}
				if e {
					exact++
				}
				if f && !e {
					t.Fatalf("%s: fastCheck accepted a body the exact checks reject:\n%s\nexact: valid %v, %v",
						name, data, json.Valid(data), checkDecodable(data, s))
				}
				if g.bad == 0 && len(bodies) > 0 && &data[0] == &bodies[0][0] && e {
					validTotal++
					if f {
						validAccepted++
					}
				}
			}
		}
	}
	t.Logf("%d bodies: exact accepted %d, fast accepted %d; of %d well-formed generated bodies fast accepted %d",
		total, exact, fast, validTotal, validAccepted)
	if validAccepted < validTotal*9/10 {
		t.Errorf("fastCheck accepted only %d of %d well-formed bodies", validAccepted, validTotal)
	}
}

// TestFastCheckSyntax: without a schema fastCheck is json.Valid, or unsure.
func TestFastCheckSyntax(t *testing.T) {
	for _, s := range fastCheckSeeds {
		if fastCheck([]byte(s), nil) && !json.Valid([]byte(s)) {
			t.Errorf("fastCheck accepted invalid JSON %q", s)
		}
	}
	for _, s := range []string{`{}`, `[]`, ` {"a":[1,2.5e-3,-0,true,false,null,"\u00e9\n"]} `, `"x"`, `0`, `[[[[]]]]`} {
		if !fastCheck([]byte(s), nil) {
			t.Errorf("fastCheck refused valid JSON %q", s)
		}
	}
	deep := strings.Repeat("[", maxFastDepth+1) + strings.Repeat("]", maxFastDepth+1)
	if fastCheck([]byte(deep), nil) {
		t.Error("fastCheck accepted nesting beyond maxFastDepth")
	}
}

var fastCheckSeeds = []string{
	``, ` `, `{`, `}`, `[`, `]`, `{"a"}`, `{"a":}`, `{"a":1,}`, `[1,]`, `[,1]`, `{,}`, `{"a" 1}`, `{1:2}`,
	`01`, `-`, `-01`, `1.`, `.5`, `1e`, `1e+`, `+1`, `0x10`, `1.5e3.2`, `NaN`, `Infinity`,
	`tru`, `truex`, `nul`, `nulll`, `fals`, `"abc`, `"a\qb"`, `"a\u12g4"`, "\"a\tb\"", "\"a\x01\"", `"\"`,
	`{"a":1} {"b":2}`, `[1] x`, `"x" "y"`, "\ufeff{}", `{"a":1}garbage`,
	`{"id":1,"at":"2022-01-12T11:20:57.000Z","day":"2022-01-12"}`, `{"ID":"7"}`, `{"id":1.5}`, `{"id":1e3}`,
	`{"small":2147483648}`, `{"ratio":1e39}`, `{"day":"2022-13-01"}`, `{"day":null}`, `{"tags":["a",1]}`,
	`{"counts":{"a/b":"x"}}`, `null`, ` null `, `{"Id":1,"id":"x"}`, `{"id":"x","id":1}`, `{"\u0069d":"x"}`,
	`{"at":"2022-01-12T11:20:57Z","day":"\u0032022-01-12","id":1}`, `{"id":1,"at":null,"day":"2022-01-12","nullable_day":null}`,
	`[{"day":"2022-01-01","size":1},{"size":"2"}]`, `[{"size":2147483647}]`, `[{"SIZE":1.5}]`,
	"{\"id\":1,\"at\":\"2022-01-12T11:20:57Z\",\"day\":\"2022-01-12\",\"k\xffy\":1}",
}

// FuzzFastCheck holds fastCheck to the exact checks on arbitrary bytes,
// with the schemas of TestCheckDecodable (run with -fuzz to explore; the
// seeds run with every go test).
func FuzzFastCheck(f *testing.F) {
	for _, s := range fastCheckSeeds {
		f.Add([]byte(s))
	}
	obj := decodableTestSchema(f)
	list := tbSchema(f, `{"type":"array","items":{"allOf":[
		{"type":"object","properties":{"day":{"type":"string","format":"date"}}},
		{"type":"object","required":["size"],"properties":{"size":{"type":"integer","format":"int32"}}}]}}`)
	nums := tbSchema(f, `{"type":"object","properties":{
		"u8":{"type":"integer","format":"uint8"},"u64":{"type":"integer","format":"uint64"},
		"i8":{"type":"integer","format":"int8"},"i16":{"type":"integer","format":"int16"},
		"i64":{"type":"integer","format":"int64"},"n":{"type":"integer"},
		"f":{"type":"number"},"d":{"type":"number","format":"double"}}}`)
	for _, s := range []string{`{"u8":255,"u64":18446744073709551615,"i8":-128,"i16":32767,"i64":-9223372036854775808}`,
		`{"u8":256}`, `{"u8":-0}`, `{"u64":-1}`, `{"i8":128}`, `{"i8":-129}`, `{"n":-0}`, `{"n":00}`, `{"n":1.0}`,
		`{"n":123456789012345678}`, `{"n":1234567890123456789}`, `{"n":-9223372036854775809}`, `{"f":3.5e38}`, `{"d":1e309}`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		if fastCheck(data, nil) && !json.Valid(data) {
			t.Fatalf("syntax: fastCheck accepted %q", data)
		}
		for _, s := range []*openapi3.Schema{obj, list, nums} {
			if fastCheck(data, planFor(s)) && !exactOK(data, s) {
				t.Fatalf("fastCheck accepted %q: %v", data, checkDecodable(data, s))
			}
		}
	})
}

// decodableTestSchema is TestCheckDecodable's object schema.
func decodableTestSchema(tb testing.TB) *openapi3.Schema {
	return tbSchema(tb, `{"type":"object","required":["id","at","day"],"properties":{
		"id":{"type":"integer"},
		"ratio":{"type":"number"},
		"ok":{"type":"boolean"},
		"at":{"type":"string","format":"date-time"},
		"day":{"type":"string","format":"date"},
		"opt_day":{"type":"string","format":"date"},
		"nullable_day":{"type":"string","format":"date","nullable":true},
		"tags":{"type":"array","items":{"type":"string"}},
		"small":{"type":"integer","format":"int32"},
		"counts":{"type":"object","additionalProperties":{"type":"integer"}},
		"any":{},
		"union":{"oneOf":[{"type":"string"},{"type":"integer"}]},
		"custom":{"type":"string","x-go-type":"mytype.T"}
	}}`)
}

func tbSchema(tb testing.TB, js string) *openapi3.Schema {
	tb.Helper()
	var s openapi3.Schema
	if err := json.Unmarshal([]byte(js), &s); err != nil {
		tb.Fatal(err)
	}
	return &s
}

// TestFastCheckInTransport: a body fastCheck is unsure of still gets the
// exact checks' verdict and error.
func TestFastCheckInTransport(t *testing.T) {
	for _, tc := range []struct {
		body string
		kind ErrorKind
	}{
		{`[{"id":1,"birthday_on":"2024-13-01"}]`, KindDecode},
		{`[{"id":"1"}]`, KindDecode},
		{`[{"id":1}`, KindInvalidJSON},
		{`[{"id":1,"team_ids":[1,2.5]}]`, KindDecode},
		{`[{"ID":1,"Birthday_On":"2024-01-01"}]`, ""},
		{`[{"id":1,"\u0062irthday_on":"2024-01-01"}]`, ""},
		{`[{"id":1,"birthday_on":"\u0032024-01-01"}]`, ""},
	} {
		c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			reply(w, http.StatusOK, "application/json", tc.body)
		}))
		res, err := c.ListEmployeesWithResponse(t.Context())
		if tc.kind == "" {
			if err != nil || res.JSON200 == nil || len(*res.JSON200) != 1 {
				t.Errorf("%s: %v", tc.body, err)
			}
			continue
		}
		if e := asError(t, err); e.Kind != tc.kind {
			t.Errorf("%s: got %v, want kind %q", tc.body, err, tc.kind)
		}
	}
}
