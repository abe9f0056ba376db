package main

import (
	"slices"
	"sort"
	"strconv"
)

// queryEncoderView is the data of one function of query.tmpl, which
// encodes an operation's XxxParams as the generated constructor would: in
// declaration order, unset parameters left out, lists exploded
// (name=a&name=b) or comma-separated as the spec says.
type queryEncoderView struct {
	Name, OpID, Params string
	Fields             []queryFieldView
}

// queryFieldView is one parameter of an encoder.
type queryFieldView struct {
	// Field is the Go expression of the field (p.Limit), Name the quoted
	// wire name.
	Field, Name string
	// Shape is "exploded" or "list" for a slice, "pointer" for an
	// optional scalar, "value" for a required one.
	Shape string
	// Value is the Go expression of the parameter's string: of the
	// element v for a slice, of the field (dereferenced) for a scalar.
	Value string
}

// queryEncoders describes the encoder of every operation whose request
// the service builds and that has query parameters, by operationId.
func queryEncoders(o options, all []*operation) []queryEncoderView {
	ops := slices.Clone(all)
	sort.Slice(ops, func(i, j int) bool { return ops[i].opID < ops[j].opID })
	var out []queryEncoderView
	for _, op := range ops {
		if op.params == "" || op.pathExpr == "" {
			continue
		}
		e := queryEncoderView{Name: queryEncoderName(o, op), OpID: op.opID, Params: op.params}
		for _, q := range op.query {
			f := queryFieldView{Field: "p." + q.field, Name: strconv.Quote(q.name)}
			switch {
			case q.list && q.explode:
				f.Shape, f.Value = "exploded", queryString(q.kind, "v")
			case q.list:
				f.Shape, f.Value = "list", queryString(q.kind, "v")
			case q.pointer:
				f.Shape, f.Value = "pointer", queryString(q.kind, "*"+f.Field)
			default:
				f.Shape, f.Value = "value", queryString(q.kind, f.Field)
			}
			e.Fields = append(e.Fields, f)
		}
		out = append(out, e)
	}
	return out
}

// queryString is the Go expression that formats x, of the query kind
// kind (see generated.kind), as a query value.
func queryString(kind, x string) string {
	switch kind {
	case "string":
		return "string(" + x + ")"
	case "int":
		return "strconv.Itoa(int(" + x + "))"
	case "bool":
		return "strconv.FormatBool(" + x + ")"
	case "float32":
		// Plain decimal at float32 precision (3.5, not 3.5e+00 nor
		// float64's digits of a float32).
		return "strconv.FormatFloat(float64(" + x + "), 'f', -1, 32)"
	case "float64":
		return "strconv.FormatFloat(" + x + ", 'f', -1, 64)"
	}
	return "(" + x + ").String()"
}
