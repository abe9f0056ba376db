package factorial

import (
	"encoding/binary"
	"encoding/json"
	"math/bits"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode/utf8"
	"unsafe"

	"github.com/getkin/kin-openapi/openapi3"
	openapi_types "github.com/oapi-codegen/runtime/types"
)

// This file is the fast path of the checks a 2xx JSON body goes through
// before the generated parser sees it: json.Valid and checkDecodable. Both
// are exact but slow on a big list: json.Valid runs encoding/json's scanner
// (a function call per byte), and checkDecodable decodes the whole body
// into map[string]any before walking it, which allocated and cost more than
// the parser's own json.Unmarshal (the client took 3.5x the time of a
// hand-written call on 10,000 employees).
//
// fastCheck does both in one pass over the bytes, allocation-free, against
// a plan compiled once per schema. It only ever answers "certainly fine":
// whenever it is not sure (a syntax error, a value that does not fit, an
// escaped or non-ASCII key, deep nesting, anything unusual), the caller runs
// the exact checks, which then decide and build the error. So it cannot
// accept a body the exact checks reject; TestFastCheckAgreesWithExactChecks
// and FuzzFastCheck hold it to that.

// planKind mirrors kindOf.
type planKind uint8

const (
	planAny planKind = iota
	planObject
	planArray
	planString
	planInteger
	planNumber
	planBoolean
)

// plan is a schema compiled for fastCheck, following walkDecodable's rules.
type plan struct {
	skip     bool // x-go-type or a oneOf/anyOf union: any value decodes
	union    bool
	nullable bool
	// nullFails: null at a position whose Go value is not a pointer cannot
	// be decoded (the leaf type's UnmarshalJSON rejects it).
	nullFails bool
	allOf     []*plan
	kind      planKind

	// objects
	props map[string]*propPlan
	// fold: property names also match case-insensitively (a plain struct,
	// decoded by encoding/json); false for structs with a generated
	// UnmarshalJSON (additionalProperties).
	fold       bool
	propList   []*propPlan
	additional *plan
	first      atomic.Pointer[propPlan] // the first key's property last time

	// arrays
	items *plan

	// plainString: a string schema whose Go type is a string, without
	// allOf: any JSON string fits.
	plainString bool

	// strings
	format  string
	leaf    bool // the Go type is not a plain string: check the value parses
	anyJSON bool // format json: json.RawMessage holds anything

	// integers and numbers
	bits     int
	unsigned bool
}

type propPlan struct {
	name string
	plan *plan
	ptr  bool // the Go field is a pointer: null always decodes
	// next is the property that followed this one in the last object
	// scanned: a server writes its objects' keys in one order, so it
	// predicts the next key and spares a map lookup. Only a hint; it is
	// verified against the key before use.
	next atomic.Pointer[propPlan]
	// plain: the name has no quote, backslash or control character, so a
	// key can be compared with it byte for byte in the body.
	plain bool
	// nullOK: null decodes here (value's null rule, precomputed).
	nullOK bool
}

// plainName is the name when it can be compared in place, else "".
func (pp *propPlan) plainName() string {
	if pp == nil || !pp.plain {
		return ""
	}
	return pp.name
}

func plainName(name string) bool {
	for i := 0; i < len(name); i++ {
		if strStop[name[i]] {
			return false
		}
	}
	return true
}

var plans sync.Map // *openapi3.Schema -> *plan

// planFor returns the compiled plan of s (nil for a nil schema).
func planFor(s *openapi3.Schema) *plan {
	if s == nil {
		return nil
	}
	if p, ok := plans.Load(s); ok {
		return p.(*plan)
	}
	p := compilePlan(s, map[*openapi3.Schema]*plan{})
	actual, _ := plans.LoadOrStore(s, p)
	return actual.(*plan)
}

func compilePlan(s *openapi3.Schema, seen map[*openapi3.Schema]*plan) *plan {
	if p := seen[s]; p != nil {
		return p // a recursive schema: the plan is being built above
	}
	p := &plan{nullable: s.Nullable, union: isUnion(s)}
	seen[s] = p
	if _, custom := s.Extensions["x-go-type"]; custom || p.union {
		p.skip = true
		return p
	}
	if target := goLeafTarget(s); target != nil {
		p.nullFails = json.Unmarshal([]byte("null"), target) != nil
	}
	for _, sub := range s.AllOf {
		if sub != nil && sub.Value != nil {
			p.allOf = append(p.allOf, compilePlan(sub.Value, seen))
		}
	}
	switch kindOf(s) {
	case "object":
		p.kind = planObject
		ap := s.AdditionalProperties
		p.fold = !(ap.Schema != nil || (ap.Has != nil && *ap.Has && len(s.Properties) > 0))
		p.props = make(map[string]*propPlan, len(s.Properties))
		for name, ref := range s.Properties {
			if ref == nil || ref.Value == nil {
				// lookupProperty finds it, and walkObject then ignores the
				// value: it decodes whatever it is.
				pp := &propPlan{name: name, plan: &plan{skip: true}, ptr: true, plain: plainName(name), nullOK: true}
				p.props[name] = pp
				p.propList = append(p.propList, pp)
				continue
			}
			pp := &propPlan{
				name:  name,
				plan:  compilePlan(ref.Value, seen),
				ptr:   !containsString(s.Required, name) || ref.Value.Nullable,
				plain: plainName(name),
			}
			// What value() decides for null, from fields a plan sets
			// before compiling anything below it (so they hold even for a
			// plan still being built higher up a recursive schema).
			pp.nullOK = pp.plan.skip || pp.ptr || pp.plan.nullable || !pp.plan.nullFails
			p.props[name] = pp
			p.propList = append(p.propList, pp)
		}
		if ap.Schema != nil && ap.Schema.Value != nil {
			p.additional = compilePlan(ap.Schema.Value, seen)
		}
	case "array":
		p.kind = planArray
		if s.Items != nil && s.Items.Value != nil {
			p.items = compilePlan(s.Items.Value, seen)
		}
	case "string":
		p.kind = planString
		p.format = s.Format
		p.anyJSON = s.Format == "json"
		p.leaf = goLeafTarget(s) != nil
		p.plainString = !p.anyJSON && !p.leaf && len(p.allOf) == 0
	case "integer":
		p.kind = planInteger
		p.bits, p.unsigned = intFormat(s.Format)
	case "number":
		p.kind = planNumber
		p.bits = 32
		if s.Format == "double" {
			p.bits = 64
		}
	case "boolean":
		p.kind = planBoolean
	}
	return p
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// fastCheck reports that data is well-formed JSON (json.Valid) and, when p
// is not nil, that checkDecodable(data, schema) would return nil. false
// means "not sure": run the exact checks.
func fastCheck(data []byte, p *plan) bool {
	sc := scanner{data: data}
	sc.skipSpace()
	if p != nil && sc.pos < len(data) && data[sc.pos] == 'n' && !p.nullable && !p.union {
		return false // a null body: checkDecodable rejects it, and says why
	}
	var ok bool
	if p == nil {
		ok = sc.skipValue()
	} else {
		ok = sc.value(p, false)
	}
	if !ok {
		return false
	}
	sc.skipSpace()
	return sc.pos == len(data)
}

// maxFastDepth bounds nesting; deeper bodies take the exact path
// (encoding/json's own limit is 10000).
const maxFastDepth = 512

type scanner struct {
	data  []byte
	pos   int
	depth int
}

// ws is skipSpace for the common case of compact JSON, cheap enough to
// inline before every token.
func (sc *scanner) ws() {
	if sc.pos < len(sc.data) && sc.data[sc.pos] <= ' ' {
		sc.skipSpace()
	}
}

func (sc *scanner) skipSpace() {
	for sc.pos < len(sc.data) {
		switch sc.data[sc.pos] {
		case ' ', '\t', '\n', '\r':
			sc.pos++
		default:
			return
		}
	}
}

// value scans one value against p. ptr says the Go value is a pointer.
func (sc *scanner) value(p *plan, ptr bool) bool {
	if p.skip {
		return sc.skipValue()
	}
	if sc.pos >= len(sc.data) {
		return false
	}
	if sc.data[sc.pos] == 'n' {
		if !sc.literal("null") {
			return false
		}
		return ptr || p.nullable || !p.nullFails
	}
	if len(p.allOf) > 0 {
		// The value must fit every allOf member and the schema itself:
		// scan it once per plan.
		start := sc.pos
		end := -1
		for _, sub := range p.allOf {
			sc.pos = start
			if !sc.value(sub, ptr) {
				return false
			}
			if end >= 0 && sc.pos != end {
				return false
			}
			end = sc.pos
		}
		sc.pos = start
	}
	switch p.kind {
	case planObject:
		return sc.object(p)
	case planArray:
		return sc.array(p.items)
	case planString:
		if p.anyJSON {
			return sc.skipValue()
		}
		if sc.data[sc.pos] != '"' {
			return false
		}
		start := sc.pos
		escaped, ok := sc.skipString()
		if !ok {
			return false
		}
		if p.leaf {
			return leafFits(p.format, sc.data[start:sc.pos], escaped)
		}
		return true
	case planInteger:
		// A plain integer of up to 18 digits, scanned and range-checked
		// in one pass; anything else (a fraction, an exponent, a
		// leading zero, more digits) through skipNumber and intFits.
		data, i := sc.data, sc.pos
		neg := data[i] == '-'
		if neg {
			i++
		}
		first, v := i, uint64(0)
		for i < len(data) && i-first < 19 && '0' <= data[i] && data[i] <= '9' {
			v = v*10 + uint64(data[i]-'0')
			i++
		}
		if n := i - first; n > 0 && n <= 18 && (data[first] != '0' || n == 1) && !(neg && p.unsigned) &&
			(i == len(data) || data[i] != '.' && data[i] != 'e' && data[i] != 'E' && (data[i] < '0' || data[i] > '9')) {
			sc.pos = i
			return fitsBits(v, neg, p.bits, p.unsigned)
		}
		start := sc.pos
		if !sc.skipNumber() {
			return false
		}
		return intFits(sc.data[start:sc.pos], p.bits, p.unsigned)
	case planNumber:
		start := sc.pos
		if !sc.skipNumber() {
			return false
		}
		_, err := strconv.ParseFloat(unsafeString(sc.data[start:sc.pos]), p.bits)
		return err == nil
	case planBoolean:
		switch sc.data[sc.pos] {
		case 't':
			return sc.literal("true")
		case 'f':
			return sc.literal("false")
		}
		return false
	}
	return sc.skipValue()
}

func (sc *scanner) object(p *plan) bool {
	// The hot loop of a list keeps data and pos in locals (the compiler
	// cannot keep sc.pos in a register across calls) and writes pos back
	// only around calls that scan through sc.
	data, pos := sc.data, sc.pos
	if data[pos] != '{' {
		return false
	}
	if sc.depth++; sc.depth > maxFastDepth {
		return false
	}
	pos = skipWS(data, pos+1)
	if pos < len(data) && data[pos] == '}' {
		sc.pos = pos + 1
		sc.depth--
		return true
	}
	var prev *propPlan
	for {
		if pos >= len(data) || data[pos] != '"' {
			return false
		}
		var pp, hint *propPlan
		if p.props != nil {
			if prev == nil {
				hint = p.first.Load()
			} else {
				hint = prev.next.Load()
			}
		}
		var key []byte
		if end := pos + 1 + len(hint.plainName()); hint != nil && hint.plain && end < len(data) &&
			data[end] == '"' && string(data[pos+1:end]) == hint.name {
			// The predicted key, compared in place: a plain name followed
			// by the closing quote is that whole key.
			pp, key = hint, data[pos+1:end]
			pos = end + 1
		} else {
			end, escaped, ok := scanString(data, pos)
			if !ok || escaped {
				return false
			}
			key = data[pos+1 : end-1]
			pos = end
		}
		pos = skipWS(data, pos)
		if pos >= len(data) || data[pos] != ':' {
			return false
		}
		pos = skipWS(data, pos+1)
		if pos >= len(data) {
			return false
		}
		if pp == nil && p.props != nil {
			if hint != nil && hint.name == string(key) {
				pp = hint
			} else if pp = p.props[string(key)]; pp != nil {
				if prev == nil {
					p.first.Store(pp)
				} else {
					prev.next.Store(pp)
				}
			}
		}
		if pp == nil {
			// Not a property name (those are valid UTF-8, so a key equal
			// to one decodes to itself).
			if !utf8.Valid(key) {
				return false // encoding/json would decode it with U+FFFD in place
			}
			if p.fold && len(p.propList) > 0 {
				var found bool
				if pp, found = foldLookup(p.propList, key); !found {
					return false // ambiguous or not plain ASCII: let the exact path decide
				}
			}
		}
		if pp != nil {
			prev = pp
		}
		switch c := data[pos]; {
		case pp != nil && c == '"' && pp.plan.plainString:
			// The two commonest values, a plain string and null, inline.
			end, _, ok := scanString(data, pos)
			if !ok {
				return false
			}
			pos = end
		case pp != nil && c == 'n' && pp.nullOK:
			if len(data)-pos < 4 || string(data[pos:pos+4]) != "null" {
				return false
			}
			pos += 4
		default:
			sc.pos = pos
			var ok bool
			switch {
			case pp != nil:
				ok = sc.value(pp.plan, pp.ptr)
			case p.additional != nil:
				ok = sc.value(p.additional, p.additional.nullable)
			default:
				ok = sc.skipValue()
			}
			if !ok {
				return false
			}
			pos = sc.pos
		}
		pos = skipWS(data, pos)
		if pos >= len(data) {
			return false
		}
		switch data[pos] {
		case ',':
			pos = skipWS(data, pos+1)
		case '}':
			sc.pos = pos + 1
			sc.depth--
			return true
		default:
			return false
		}
	}
}

// skipWS returns the index of the first byte at or after i that is not
// JSON whitespace; compact JSON takes the first test only.
func skipWS(data []byte, i int) int {
	if i < len(data) && data[i] > ' ' {
		return i
	}
	for i < len(data) {
		switch data[i] {
		case ' ', '\t', '\n', '\r':
			i++
		default:
			return i
		}
	}
	return i
}

// foldLookup finds the property a key matches case-insensitively, as
// encoding/json does for a plain struct. found is false when the answer is
// not certain: a key with bytes outside ASCII (Unicode folding maps some
// to ASCII letters) or more than one matching property (lookupProperty
// would pick one at random).
func foldLookup(props []*propPlan, key []byte) (pp *propPlan, found bool) {
	for _, c := range key {
		if c >= 0x80 {
			return nil, false
		}
	}
	k := unsafeString(key)
	for _, cand := range props {
		if strings.EqualFold(cand.name, k) {
			if pp != nil {
				return nil, false
			}
			pp = cand
		}
	}
	return pp, true
}

func (sc *scanner) array(items *plan) bool {
	if sc.data[sc.pos] != '[' {
		return false
	}
	if sc.depth++; sc.depth > maxFastDepth {
		return false
	}
	sc.pos++
	sc.ws()
	if sc.pos < len(sc.data) && sc.data[sc.pos] == ']' {
		sc.pos++
		sc.depth--
		return true
	}
	for {
		var ok bool
		if items == nil {
			ok = sc.skipValue()
		} else {
			ok = sc.value(items, items.nullable)
		}
		if !ok {
			return false
		}
		sc.ws()
		if sc.pos >= len(sc.data) {
			return false
		}
		switch sc.data[sc.pos] {
		case ',':
			sc.pos++
			sc.ws()
		case ']':
			sc.pos++
			sc.depth--
			return true
		default:
			return false
		}
	}
}

// skipValue checks the syntax of one value of any kind.
func (sc *scanner) skipValue() bool {
	if sc.pos >= len(sc.data) {
		return false
	}
	switch c := sc.data[sc.pos]; {
	case c == '{':
		return sc.object(&anyObject)
	case c == '[':
		return sc.array(nil)
	case c == '"':
		_, ok := sc.skipString()
		return ok
	case c == 't':
		return sc.literal("true")
	case c == 'f':
		return sc.literal("false")
	case c == 'n':
		return sc.literal("null")
	default:
		return sc.skipNumber()
	}
}

// anyObject is the plan of an object whose members are not checked.
var anyObject = plan{kind: planObject}

func (sc *scanner) literal(lit string) bool {
	if len(sc.data)-sc.pos < len(lit) || string(sc.data[sc.pos:sc.pos+len(lit)]) != lit {
		return false
	}
	sc.pos += len(lit)
	return true
}

// strStop marks the bytes that end a run of plain string content: the
// closing quote, an escape, and the control characters JSON forbids.
var strStop = func() (t [256]bool) {
	for c := range 0x20 {
		t[c] = true
	}
	t['"'], t['\\'] = true, true
	return t
}()

// skipString scans a string starting at its opening quote. escaped
// reports a backslash escape inside it.
func (sc *scanner) skipString() (escaped, ok bool) {
	end, escaped, ok := scanString(sc.data, sc.pos)
	if ok {
		sc.pos = end
	}
	return escaped, ok
}

// scanString scans the string whose opening quote is at data[i] and
// returns the index just past its closing quote.
func scanString(data []byte, i int) (end int, escaped, ok bool) {
	i++
	for {
		// Eight bytes at a time while none of them needs a look: the
		// lowest flagged byte of a word is exact (borrows only run
		// upwards), so the byte loop below starts right at it.
		for i+8 <= len(data) {
			w := binary.LittleEndian.Uint64(data[i:])
			if m := hasZeroByte(w^(lsb*'"')) | hasZeroByte(w^(lsb*'\\')) | ((w - lsb*0x20) &^ w & msb); m != 0 {
				i += bits.TrailingZeros64(m) / 8
				break
			}
			i += 8
		}
		for i < len(data) && !strStop[data[i]] {
			i++
		}
		if i >= len(data) {
			return 0, escaped, false
		}
		switch data[i] {
		case '"':
			return i + 1, escaped, true
		case '\\':
			escaped = true
			if i+1 >= len(data) {
				return 0, escaped, false
			}
			switch data[i+1] {
			case '"', '\\', '/', 'b', 'f', 'n', 'r', 't':
				i += 2
			case 'u':
				if i+6 > len(data) {
					return 0, escaped, false
				}
				for _, h := range data[i+2 : i+6] {
					if !isHex(h) {
						return 0, escaped, false
					}
				}
				i += 6
			default:
				return 0, escaped, false
			}
		default: // a control character
			return 0, escaped, false
		}
	}
}

const (
	lsb = 0x0101010101010101
	msb = 0x8080808080808080
)

// hasZeroByte flags (in its top bit) each zero byte of w, exactly for the
// lowest one.
func hasZeroByte(w uint64) uint64 { return (w - lsb) &^ w & msb }

// intFits is strconv.ParseInt (ParseUint when unsigned) succeeding on a
// number token, without the call for plain short integers.
func intFits(tok []byte, bitSize int, unsigned bool) bool {
	digits := tok
	neg := len(tok) > 0 && tok[0] == '-'
	if neg {
		digits = tok[1:]
	}
	if len(digits) == 0 || len(digits) > 18 || unsigned && neg {
		return parseIntOK(tok, bitSize, unsigned)
	}
	var v uint64
	for _, c := range digits {
		if c < '0' || c > '9' {
			return parseIntOK(tok, bitSize, unsigned) // a fraction or exponent: ParseInt says no
		}
		v = v*10 + uint64(c-'0')
	}
	return fitsBits(v, neg, bitSize, unsigned)
}

// fitsBits reports whether the integer of magnitude v (at most 18 digits)
// and sign neg parses at bitSize, as strconv would.
func fitsBits(v uint64, neg bool, bitSize int, unsigned bool) bool {
	switch {
	case unsigned:
		return !neg && (bitSize >= 64 || v < 1<<bitSize)
	case bitSize >= 64:
		return true // 18 digits fit in an int64
	case neg:
		return v <= 1<<(bitSize-1)
	default:
		return v < 1<<(bitSize-1)
	}
}

func parseIntOK(tok []byte, bitSize int, unsigned bool) bool {
	var err error
	if unsigned {
		_, err = strconv.ParseUint(unsafeString(tok), 10, bitSize)
	} else {
		_, err = strconv.ParseInt(unsafeString(tok), 10, bitSize)
	}
	return err == nil
}

// dateOK is time.Parse(openapi_types.DateFormat, s) succeeding, checked
// directly for the one shape that layout accepts (YYYY-MM-DD, a month of
// the year, a day of the month); anything else asks time.Parse.
func dateOK(s []byte) bool {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, ok1 := digits(s[0:4])
		m, ok2 := digits(s[5:7])
		d, ok3 := digits(s[8:10])
		if ok1 && ok2 && ok3 && m >= 1 && m <= 12 && d >= 1 && d <= daysIn(m, y) {
			return true
		}
	}
	_, err := time.Parse(openapi_types.DateFormat, unsafeString(s))
	return err == nil
}

func digits(b []byte) (int, bool) {
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, true
}

func daysIn(month, year int) int {
	switch month {
	case 2:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

// skipNumber scans -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (sc *scanner) skipNumber() bool {
	data, i := sc.data, sc.pos
	if i < len(data) && data[i] == '-' {
		i++
	}
	if i >= len(data) {
		return false
	}
	switch c := data[i]; {
	case c == '0':
		i++
	case '1' <= c && c <= '9':
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	default:
		return false
	}
	if i < len(data) && data[i] == '.' {
		i++
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			return false
		}
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			return false
		}
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	}
	sc.pos = i
	return true
}

// leafFits reports whether a string token (quotes included) decodes into
// the Go type of its format, exactly as walkDecodable checks it: there the
// decoded string is marshalled again and unmarshalled into the type. For
// plain ASCII without escapes and without <, > or & (which json.Marshal
// would escape), that marshalled form is the token itself, so dates and
// times are parsed in place; anything else goes through walkDecodable's
// own steps.
func leafFits(format string, tok []byte, escaped bool) bool {
	plain := !escaped
	if plain {
		for _, c := range tok[1 : len(tok)-1] {
			if c >= 0x80 || c == '<' || c == '>' || c == '&' {
				plain = false
				break
			}
		}
	}
	if plain {
		switch format {
		case "date":
			// openapi_types.Date.UnmarshalJSON: unquote, then time.Parse.
			return dateOK(tok[1 : len(tok)-1])
		case "date-time":
			var t time.Time
			return t.UnmarshalJSON(tok) == nil
		}
	}
	var str string
	if err := json.Unmarshal(tok, &str); err != nil {
		return false
	}
	target := goLeafTarget(&openapi3.Schema{Type: &openapi3.Types{openapi3.TypeString}, Format: format})
	if target == nil {
		return true
	}
	raw, _ := json.Marshal(str)
	return json.Unmarshal(raw, target) == nil
}

// unsafeString views b as a string for a call that does not keep it
// (strconv and time copy what they put in an error).
func unsafeString(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(&b[0], len(b))
}
