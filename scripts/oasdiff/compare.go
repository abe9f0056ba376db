package main

import (
	"sort"
	"strings"
)

// Where a difference is.
const (
	WhereOperation = "operation"
	WhereParameter = "parameter"
	WhereRequest   = "request"
	WhereResponse  = "response"
)

// Kinds of difference.
const (
	KindOnlyOurs   = "only-ours"
	KindOnlyTheirs = "only-theirs"
	KindType       = "type"
	KindFormat     = "format"
	KindNullable   = "nullable"
	KindItems      = "items"
	KindEnum       = "enum"
	KindRequired   = "required"
)

// Kinds lists every kind, in the order they are reported.
func Kinds() []string {
	return []string{KindOnlyOurs, KindOnlyTheirs, KindType, KindFormat, KindNullable, KindItems, KindEnum, KindRequired}
}

// Difference is one thing that differs between the two documents.
type Difference struct {
	// Operation is the operation's label ("GET /timeoff/leaves"), ours
	// when both documents have it.
	Operation string
	Namespace string
	Where     string // WhereOperation, WhereParameter, WhereRequest or WhereResponse
	// Name is the parameter ("query:ids[]") or field ("data[].id"); empty
	// for an operation, "" also for a body that is not an object.
	Name   string
	Kind   string
	Ours   string
	Theirs string
	// Deviation is the number of the listed deviation that accepts this
	// difference, 0 when none does.
	Deviation int
}

// Compare lists every difference between ours and theirs, sorted by
// operation, place and name.
func Compare(ours, theirs *Document) []Difference {
	var out []Difference
	keys := map[string]bool{}
	for k := range ours.Operations {
		keys[k] = true
	}
	for k := range theirs.Operations {
		keys[k] = true
	}
	for k := range keys {
		o, t := ours.Operations[k], theirs.Operations[k]
		switch {
		case t == nil:
			out = append(out, Difference{Operation: o.Label(), Namespace: o.Namespace(), Where: WhereOperation, Kind: KindOnlyOurs})
		case o == nil:
			out = append(out, Difference{Operation: t.Label(), Namespace: t.Namespace(), Where: WhereOperation, Kind: KindOnlyTheirs})
		default:
			out = append(out, compareFields(o, WhereParameter, o.Params, t.Params)...)
			out = append(out, compareFields(o, WhereRequest, o.Request, t.Request)...)
			out = append(out, compareFields(o, WhereResponse, o.Response, t.Response)...)
		}
	}
	sortDifferences(out)
	return out
}

func sortDifferences(ds []Difference) {
	whereOrder := map[string]int{WhereOperation: 0, WhereParameter: 1, WhereRequest: 2, WhereResponse: 3}
	kindOrder := map[string]int{}
	for i, k := range Kinds() {
		kindOrder[k] = i
	}
	sort.SliceStable(ds, func(i, j int) bool {
		a, b := ds[i], ds[j]
		if a.Operation != b.Operation {
			return pathThenMethod(a.Operation) < pathThenMethod(b.Operation)
		}
		if a.Where != b.Where {
			return whereOrder[a.Where] < whereOrder[b.Where]
		}
		if a.Name != b.Name {
			return a.Name < b.Name
		}
		return kindOrder[a.Kind] < kindOrder[b.Kind]
	})
}

// pathThenMethod sorts "GET /a" by path first, so an operation's methods
// stay together.
func pathThenMethod(label string) string {
	method, path, _ := strings.Cut(label, " ")
	return path + " " + method
}

func compareFields(op *Operation, where string, ours, theirs map[string]Field) []Difference {
	var out []Difference
	d := func(name, kind, o, t string) {
		out = append(out, Difference{Operation: op.Label(), Namespace: op.Namespace(), Where: where, Name: name, Kind: kind, Ours: o, Theirs: t})
	}
	for name, o := range ours {
		t, ok := theirs[name]
		if !ok {
			d(name, KindOnlyOurs, o.Shape.String(), "")
			continue
		}
		if o.Type != t.Type {
			d(name, KindType, o.Type, t.Type)
		}
		if o.Format != t.Format {
			d(name, KindFormat, o.Format, t.Format)
		}
		if o.Nullable != t.Nullable {
			d(name, KindNullable, yesNo(o.Nullable), yesNo(t.Nullable))
		}
		if o.Type == "array" && t.Type == "array" && o.Items != t.Items {
			d(name, KindItems, o.Items, t.Items)
		}
		if strings.Join(o.Enum, ",") != strings.Join(t.Enum, ",") {
			d(name, KindEnum, enumString(o.Enum), enumString(t.Enum))
		}
		if o.Required != t.Required {
			d(name, KindRequired, yesNo(o.Required), yesNo(t.Required))
		}
	}
	for name, t := range theirs {
		if _, ok := ours[name]; !ok {
			d(name, KindOnlyTheirs, "", t.Shape.String())
		}
	}
	return out
}

func yesNo(b bool) string {
	if b {
		return "yes"
	}
	return "no"
}

func enumString(e []string) string {
	if len(e) == 0 {
		return "(none)"
	}
	return "[" + strings.Join(e, " ") + "]"
}
