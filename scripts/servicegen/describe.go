package main

import (
	"fmt"
	"go/ast"
	"reflect"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// describe fills in how op is called and what it returns.
func (g *generated) describe(o *operation, op *openapi3.Operation, pkg string) error {
	hasJSON, hasForm, hasMultipart := false, false, false
	if op.RequestBody != nil && op.RequestBody.Value != nil {
		for mt := range op.RequestBody.Value.Content {
			switch {
			case strings.Contains(mt, "json"):
				hasJSON = true
			case mt == "application/x-www-form-urlencoded":
				hasForm = true
			case mt == "multipart/form-data":
				hasMultipart = true
			}
		}
	}
	id := exportName(o.opID)
	switch {
	case hasJSON:
		o.ctor, o.bodyKind = "New"+id+"Request", "json"
	case hasForm:
		o.ctor, o.bodyKind = "New"+id+"RequestWithFormdataBody", "form"
	case hasMultipart:
		o.ctor, o.bodyKind = "New"+id+"RequestWithBody", "multipart"
	default:
		o.ctor = "New" + id + "Request"
	}
	o.ctorPkg = g.ctorPkg
	fn, ok := g.funcs[o.ctor]
	if !ok {
		return fmt.Errorf("generated package has no %s; run go generate", o.ctor)
	}
	var params []arg
	for _, f := range fn.Type.Params.List {
		for _, n := range f.Names {
			params = append(params, arg{n.Name, g.goType(f.Type, pkg)})
		}
	}
	params = params[1:] // server
	if o.bodyKind == "multipart" {
		// (contentType string, body io.Reader) become the typed body.
		alias := id + "MultipartRequestBody"
		if _, ok := g.aliases[alias]; !ok {
			return fmt.Errorf("no %s for the multipart body", alias)
		}
		params = append(params[:len(params)-2], arg{"body", g.goType(&ast.Ident{Name: alias}, pkg)})
	}
	o.args = params
	if o.bodyKind == "" || o.bodyKind == "json" {
		if err := g.describeRequest(o, op); err != nil {
			return err
		}
	}

	resp, ok := g.structs[id+"Response"]
	if !ok {
		return fmt.Errorf("generated package has no %sResponse", id)
	}
	fields := map[string]ast.Expr{}
	for _, f := range resp.Fields.List {
		for _, n := range f.Names {
			fields[n.Name] = f.Type
		}
	}
	bodies, bodiless := map[string]bool{}, 0
	for code, ref := range op.Responses.Map() {
		status, err := strconv.Atoi(code)
		if err != nil || status < 200 || status > 299 {
			continue
		}
		if ref.Value == nil || len(ref.Value.Content) == 0 || status == 204 {
			bodiless++
			continue
		}
		t, ok := fields["JSON"+code]
		if !ok {
			return fmt.Errorf("%s success has no JSON body the generated client decodes", code)
		}
		bodies[g.goType(t.(*ast.StarExpr).X, pkg)] = true
	}
	if len(bodies) > 1 {
		return fmt.Errorf("its success statuses declare different body types %v", bodies)
	}
	if len(bodies) == 0 && bodiless == 0 {
		return fmt.Errorf("no success response")
	}
	for t := range bodies {
		o.result = t
	}
	o.optional = o.result != "" && bodiless > 0
	// A paginated list answers {data: [T], meta: PageMeta}.
	if name, ok := strings.CutPrefix(o.result, pkg+"."); ok && !o.optional && o.httpMethod == "GET" {
		if st, ok := g.structs[name]; ok && len(st.Fields.List) == 2 {
			data, meta := st.Fields.List[0], st.Fields.List[1]
			if len(data.Names) == 1 && data.Names[0].Name == "Data" && len(meta.Names) == 1 && meta.Names[0].Name == "Meta" {
				if arr, ok := data.Type.(*ast.ArrayType); ok {
					o.page = true
					o.elem = g.goType(arr.Elt, pkg)
					return nil
				}
			}
		}
	}
	// Lists stream; a create or an action that happens to answer an array
	// does not.
	if elem, ok := strings.CutPrefix(o.result, "[]"); ok && !o.optional &&
		(o.httpMethod == "GET" || strings.HasPrefix(o.opID, "List") || strings.HasPrefix(o.opID, "BulkList")) {
		o.elem = elem
	}
	return nil
}

// describeRequest works out how the service builds op's request itself:
// the escaped path from the path template and the path arguments, and
// the query parameters of its XxxParams struct.
func (g *generated) describeRequest(o *operation, op *openapi3.Operation) error {
	var pathArgs []arg
	for _, a := range o.args {
		if a.name != "params" && a.name != "body" {
			pathArgs = append(pathArgs, a)
		}
	}
	var parts []string
	rest := o.path
	for i := 0; ; i++ {
		open := strings.IndexByte(rest, '{')
		if open < 0 {
			if rest != "" {
				parts = append(parts, strconv.Quote(rest))
			}
			if i != len(pathArgs) {
				return fmt.Errorf("%d path arguments for %d path parameters", len(pathArgs), i)
			}
			break
		}
		end := strings.IndexByte(rest, '}')
		if end < open || i >= len(pathArgs) {
			return fmt.Errorf("path %s does not match the constructor's arguments", o.path)
		}
		if open > 0 {
			parts = append(parts, strconv.Quote(rest[:open]))
		}
		a := pathArgs[i]
		switch g.kind(a.typ) {
		case "string":
			parts = append(parts, "url.PathEscape(string("+a.name+"))")
		case "int":
			parts = append(parts, "strconv.Itoa(int("+a.name+"))")
		default:
			return fmt.Errorf("path parameter %s has type %s, neither a string nor an integer", a.name, a.typ)
		}
		rest = rest[end+1:]
	}
	o.pathExpr = strings.Join(parts, " + ")

	for _, a := range o.args {
		if a.name != "params" {
			continue
		}
		o.params = a.typ
		name := strings.TrimPrefix(a.typ[strings.LastIndexByte(a.typ, '.')+1:], "*")
		st, ok := g.structs[name]
		if !ok {
			return fmt.Errorf("no struct %s", name)
		}
		explode := map[string]bool{}
		for _, p := range op.Parameters {
			if p.Value != nil && p.Value.In == "query" {
				explode[p.Value.Name] = p.Value.Explode == nil || *p.Value.Explode
			}
		}
		for _, f := range st.Fields.List {
			if len(f.Names) != 1 || f.Tag == nil {
				return fmt.Errorf("%s: unexpected field", name)
			}
			tag, _ := strconv.Unquote(f.Tag.Value)
			wire, _, _ := strings.Cut(reflect.StructTag(tag).Get("form"), ",")
			if wire == "" {
				return fmt.Errorf("%s.%s has no form tag", name, f.Names[0].Name)
			}
			q := queryParam{field: f.Names[0].Name, name: wire, explode: explode[wire]}
			t := f.Type
			if star, ok := t.(*ast.StarExpr); ok {
				q.pointer, t = true, star.X
			}
			if arr, ok := t.(*ast.ArrayType); ok {
				q.list, t = true, arr.Elt
			}
			q.kind = g.kind(typeString(t))
			if q.kind == "" {
				return fmt.Errorf("%s.%s: query type %s is not supported", name, q.field, typeString(t))
			}
			o.query = append(o.query, q)
		}
	}
	return nil
}

// kind is the basic kind of a type of the generated package as written
// there or qualified ("ID", "resources.ID", "*Limit"): "string", "int",
// "float32", "float64", "bool", "date", or "" for anything else.
func (g *generated) kind(t string) string {
	t = strings.TrimPrefix(t, "*")
	if i := strings.LastIndexByte(t, '.'); i >= 0 && !strings.HasPrefix(t, "openapi_types.") {
		t = t[i+1:]
	}
	for range 8 {
		switch t {
		case "string":
			return "string"
		case "int", "int32", "int64":
			return "int"
		case "float32", "float64":
			return t
		case "bool":
			return "bool"
		case "openapi_types.Date", "Date":
			return "date"
		}
		if target, ok := g.aliases[t]; ok {
			t = typeString(target)
			continue
		}
		if under, ok := g.named[t]; ok {
			t = under
			continue
		}
		return ""
	}
	return ""
}
