package main

import (
	"errors"
	"fmt"
	"strings"
)

// methodView is what method.tmpl needs of an operation, every string
// ready to print.
type methodView struct {
	Type, Method, Summary, Kind string
	Params, Args                string // the signature after ctx; the call's arguments
	Build, Rebuilt              string // the request expression; with params renamed p
	Descriptor, Pkg             string
	Result, Elem, ParamsType    string
	HTTPMethod, Path, OpID      string
	Description                 []string // wrapped lines
	Deprecated                  string
}

// renderMethods renders op's methods on the service type typ. Each
// operation is rendered on its own so that a failure names it.
func renderMethods(t *templates, o options, typ string, op *operation, pkg string) (string, error) {
	v, err := newMethodView(o, typ, op, pkg)
	if err == nil {
		var src string
		if src, err = t.execute("method.tmpl", v); err == nil {
			return src, nil
		}
	}
	return "", fmt.Errorf("%s: %w", op.opID, err)
}

// newMethodView works out op's methods: their kind (one value, a list, a
// paginated list...), signature, request and comment.
func newMethodView(o options, typ string, op *operation, pkg string) (methodView, error) {
	var sig, call []string
	for _, a := range op.args {
		sig = append(sig, a.name+" "+a.typ)
		if op.bodyKind == "multipart" && a.name == "body" {
			continue
		}
		call = append(call, a.name)
	}
	ctorArgs := strings.Join(append([]string{"s.c." + o.Server}, call...), ", ")
	v := methodView{
		Type: typ, Method: op.method, Pkg: pkg, Descriptor: descriptorName(o, op),
		Summary: strings.TrimSuffix(thirdPerson(lowerFirst(op.summary)), "."),
		Params:  strings.Join(append([]string{"ctx context.Context"}, sig...), ", "),
		Args:    strings.Join(append([]string{"ctx"}, call...), ", "),
		Result:  op.result, Elem: op.elem,
		HTTPMethod: op.httpMethod, Path: op.path, OpID: op.opID,
		Deprecated: deprecation(o, op),
	}
	// The spec's description holds the rules a caller can trip on (a
	// deprecated route's is its Deprecated note instead).
	if d := strings.TrimSpace(op.description); d != "" && !op.deprecated {
		v.Description = wrap(strings.Join(strings.Fields(d), " "), 76)
	}
	switch {
	case op.pathExpr != "":
		query, body := `""`, "nil"
		if op.params != "" {
			query = queryEncoderName(o, op) + "(params)"
		}
		if op.bodyKind == "json" {
			body = "body"
		}
		// The base's escaped path and the operation's path are joined in
		// the one concatenation that escapes the parameters.
		v.Build = fmt.Sprintf("s.c.newRequest(ctx, &%s, &s.c.%s, s.c.%s.path+%s, %s, %s)", v.Descriptor, o.Base, o.Base, op.pathExpr, query, body)
	case op.bodyKind == "multipart":
		v.Build = fmt.Sprintf("multipartRequest(body, func(contentType string, r io.Reader) (*http.Request, error) {\n\t\treturn %s.%s(%s, contentType, r)\n\t})", op.ctorPkg, op.ctor, ctorArgs)
	default:
		v.Build = fmt.Sprintf("%s.%s(%s)", op.ctorPkg, op.ctor, ctorArgs)
	}
	switch {
	case op.page:
		for _, a := range op.args {
			if a.name == "params" {
				v.ParamsType = a.typ
			}
		}
		if v.ParamsType == "" {
			return v, errors.New("a paginated list without query parameters")
		}
		v.Kind, v.Rebuilt = "page", strings.Replace(v.Build, "params)", "p)", 1)
	case op.result == "":
		v.Kind = "none"
	case op.optional:
		v.Kind = "optional"
	case op.elem != "":
		v.Kind = "list"
	default:
		v.Kind = "value"
	}
	return v, nil
}
