// Command servicegen writes the typed service layer over an
// oapi-codegen package: one service per tag with one method per operation
// returning the success type itself, an iterator beside every list, nil-safe
// getters on the generated types, and the operations table in docs.
//
// It reads the OpenAPI document for tags, operations and success statuses,
// and the generated Go file for the request constructors and types, so a
// method can only call code that exists. `go generate ./...` runs it (see
// gen.go); scripts/check-generated.sh fails CI when its output is stale.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"log"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

type options struct {
	spec, gen, pkgPath, out, getters, docs, specName string
}

func main() {
	var o options
	flag.StringVar(&o.spec, "spec", "openapi.yaml", "OpenAPI document")
	flag.StringVar(&o.gen, "gen", "api/api.gen.go", "oapi-codegen output for the document")
	flag.StringVar(&o.pkgPath, "pkg", "github.com/factorial-go/factorial/api", "import path of the generated package")
	flag.StringVar(&o.out, "out", "services.gen.go", "service file to write (package factorial)")
	flag.StringVar(&o.getters, "getters", "api/getters.gen.go", "getter file to write (in the generated package)")
	flag.StringVar(&o.docs, "docs", "docs/operations.md", "operations table to write")
	flag.Parse()
	o.specName = filepath.Base(o.spec)
	if err := run(o); err != nil {
		log.Fatalf("servicegen: %v", err)
	}
}

// operation is one spec operation as the service layer sees it.
type operation struct {
	tag, service, method, opID, httpMethod, path, summary, description string
	deprecated                                                         bool

	// ctor is the generated request constructor and its arguments after
	// the server URL; bodyKind says how the body argument is passed.
	ctor     string
	args     []arg
	bodyKind string // "", "json", "form", "multipart"

	// result is the Go type of the success body ("" when no 2xx has one);
	// optional means another 2xx has no body, so the call returns *T.
	result   string
	optional bool
	elem     string // element type when result is a slice
}

type arg struct{ name, typ string }

type service struct {
	tag, name, doc string
	ops            []*operation
}

func run(o options) error {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(o.spec)
	if err != nil {
		return err
	}
	if err := doc.Validate(context.Background()); err != nil {
		return fmt.Errorf("%s does not validate: %w", o.spec, err)
	}
	g, err := parseGenerated(o.gen)
	if err != nil {
		return err
	}
	pkgName := g.pkg

	tagDoc := map[string]string{}
	tagNoun := map[string]string{}
	for _, t := range doc.Tags {
		tagDoc[t.Name] = t.Description
		tagNoun[t.Name] = singular(t.Name)
		if v, ok := t.Extensions["x-go-resource"]; ok {
			s, _ := v.(string)
			tagNoun[t.Name] = s
		}
	}

	services := map[string]*service{}
	var skipped []*operation
	var all []*operation
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		for method, op := range item.Operations() {
			if len(op.Tags) != 1 {
				return fmt.Errorf("%s %s: want exactly one tag", method, path)
			}
			tag := op.Tags[0]
			o := &operation{
				tag: tag, opID: op.OperationID, httpMethod: method, path: path,
				summary: op.Summary, description: op.Description, deprecated: op.Deprecated,
				service: serviceName(tag), method: methodName(op.OperationID, tag, tagNoun[tag]),
			}
			all = append(all, o)
			if v, ok := op.Extensions["x-go-service"]; ok && v == false {
				skipped = append(skipped, o)
				continue
			}
			if err := g.describe(o, op, pkgName); err != nil {
				return fmt.Errorf("%s (%s %s): %w", op.OperationID, method, path, err)
			}
			s := services[tag]
			if s == nil {
				s = &service{tag: tag, name: serviceName(tag), doc: tagDoc[tag]}
				services[tag] = s
			}
			s.ops = append(s.ops, o)
		}
	}
	var list []*service
	for _, s := range services {
		sort.Slice(s.ops, func(i, j int) bool { return s.ops[i].method < s.ops[j].method })
		seen := map[string]string{}
		for _, op := range s.ops {
			for _, name := range []string{op.method, op.method + "Iter"} {
				if prev, dup := seen[name]; dup {
					return fmt.Errorf("service %s: %s and %s both map to method %s", s.name, prev, op.opID, name)
				}
				seen[name] = op.opID
			}
		}
		list = append(list, s)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].name < list[j].name })

	src, err := renderServices(o, pkgName, list)
	if err != nil {
		return err
	}
	if err := os.WriteFile(o.out, src, 0o644); err != nil {
		return err
	}
	getters, err := renderGetters(o, g)
	if err != nil {
		return err
	}
	if err := os.WriteFile(o.getters, getters, 0o644); err != nil {
		return err
	}
	return os.WriteFile(o.docs, renderDocs(o, all, skipped), 0o644)
}

// generated is what servicegen needs from the oapi-codegen output.
type generated struct {
	pkg       string
	funcs     map[string]*ast.FuncDecl
	aliases   map[string]ast.Expr
	structs   map[string]*ast.StructType
	typeOrder []string
}

func parseGenerated(path string) (*generated, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	g := &generated{pkg: f.Name.Name, funcs: map[string]*ast.FuncDecl{}, aliases: map[string]ast.Expr{}, structs: map[string]*ast.StructType{}}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				g.funcs[d.Name.Name] = d
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				ts, ok := s.(*ast.TypeSpec)
				if !ok {
					continue
				}
				if ts.Assign.IsValid() {
					g.aliases[ts.Name.Name] = ts.Type
					continue
				}
				if st, ok := ts.Type.(*ast.StructType); ok {
					g.structs[ts.Name.Name] = st
					g.typeOrder = append(g.typeOrder, ts.Name.Name)
				}
			}
		}
	}
	return g, nil
}

// goType prints a type expression of the generated package as seen from
// another package: exported names qualified, aliases of the generated
// package resolved (CreateEmployeeJSONRequestBody -> api.EmployeeCreate,
// ID -> int).
func (g *generated) goType(e ast.Expr, pkg string) string {
	switch e := e.(type) {
	case *ast.Ident:
		if target, ok := g.aliases[e.Name]; ok {
			return g.goType(target, pkg)
		}
		if ast.IsExported(e.Name) {
			return pkg + "." + e.Name
		}
		return e.Name
	case *ast.StarExpr:
		return "*" + g.goType(e.X, pkg)
	case *ast.ArrayType:
		return "[]" + g.goType(e.Elt, pkg)
	case *ast.MapType:
		return "map[" + g.goType(e.Key, pkg) + "]" + g.goType(e.Value, pkg)
	case *ast.SelectorExpr:
		x := e.X.(*ast.Ident).Name
		if x == "openapi_types" && e.Sel.Name == "Date" {
			return "Date"
		}
		return x + "." + e.Sel.Name
	case *ast.InterfaceType:
		return "any"
	}
	var buf bytes.Buffer
	_ = format.Node(&buf, token.NewFileSet(), e)
	return buf.String()
}

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
	// Lists stream; a create or an action that happens to answer an array
	// does not.
	if elem, ok := strings.CutPrefix(o.result, "[]"); ok && !o.optional &&
		(o.httpMethod == "GET" || strings.HasPrefix(o.opID, "List") || strings.HasPrefix(o.opID, "BulkList")) {
		o.elem = elem
	}
	return nil
}

// exportName is oapi-codegen's name for an operationId: the first letter
// upper-cased and the initialisms applied (ListApiKeys -> ListAPIKeys).
func exportName(opID string) string { return goName(words(opID)) }

func firstSentence(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return s
	}
	s = strings.TrimSuffix(strings.SplitN(s, "\n", 2)[0], ".")
	return strings.ToLower(s[:1]) + s[1:]
}

func renderServices(o options, pkg string, list []*service) ([]byte, error) {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("// Code generated by scripts/servicegen from %s; DO NOT EDIT.\n\n", o.specName)
	p("package factorial\n\n")
	imports := "\t\"context\"\n"
	for _, s := range list {
		if slices.ContainsFunc(s.ops, func(op *operation) bool { return op.bodyKind == "multipart" }) {
			imports += "\t\"io\"\n"
			break
		}
	}
	p("import (\n%s\t\"iter\"\n\t\"net/http\"\n\n\t%q\n)\n\n", imports, o.pkgPath)

	p("// Client calls Factorial's API. Each field is the service of one API\n")
	p("// area; its methods return the types of package %s, generated from\n", pkg)
	p("// %s. Raw returns the generated client underneath, for what a service\n", o.specName)
	p("// does not express. Every call goes through the same transport:\n")
	p("// credentials, retries, token refresh on 401, and response checks that\n")
	p("// turn anything but a trustworthy 2xx into an *Error.\n//\n")
	p("// A Client is safe for concurrent use and holds a connection pool: create\n")
	p("// one and share it.\n")
	p("type Client struct {\n")
	for _, s := range list {
		p("\t// %s: %s\n", s.name, sentence(s.doc))
		p("\t%s *%sService\n", s.name, s.name)
	}
	p("\n\tcore\n}\n\n")
	p("func (c *Client) initServices() {\n")
	for _, s := range list {
		p("\tc.%s = &%sService{c: c}\n", s.name, s.name)
	}
	p("}\n\n")

	for _, s := range list {
		p("// %sService calls the %s operations: %s.\n", s.name, s.tag, sentence(s.doc))
		p("// Reach it as Client.%s.\n", s.name)
		p("type %sService struct{ c *Client }\n\n", s.name)
		for _, op := range s.ops {
			renderMethod(p, s, op, pkg)
		}
	}
	src, err := format.Source(b.Bytes())
	if err != nil {
		return b.Bytes(), fmt.Errorf("format generated services: %w", err)
	}
	return src, nil
}

// sentence is the first sentence of a tag description, without its period.
func sentence(s string) string {
	s = firstLine(s)
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSuffix(s, ".")
}

func firstLine(s string) string {
	return strings.TrimSpace(strings.SplitN(strings.TrimSpace(s), "\n", 2)[0])
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func renderMethod(p func(string, ...any), s *service, op *operation, pkg string) {
	var sig, call []string
	for _, a := range op.args {
		sig = append(sig, a.name+" "+a.typ)
		if op.bodyKind == "multipart" && a.name == "body" {
			continue
		}
		call = append(call, a.name)
	}
	params := strings.Join(append([]string{"ctx context.Context"}, sig...), ", ")
	ctorArgs := strings.Join(append([]string{"s.c.server"}, call...), ", ")
	doc := func(extra string) {
		p("// %s %s.\n", op.method, strings.TrimSuffix(lowerFirst(op.summary), "."))
		if extra != "" {
			p("//\n// %s\n", extra)
		}
		p("//\n//\t%s %s (%s)\n", op.httpMethod, op.path, op.opID)
		if op.deprecated {
			p("//\n// Deprecated: %s\n", deprecationNote(op.description))
		}
	}
	build := func() string {
		if op.bodyKind == "multipart" {
			return fmt.Sprintf("multipartRequest(body, func(contentType string, r io.Reader) (*http.Request, error) {\n\t\treturn %s.%s(%s, contentType, r)\n\t})", pkg, op.ctor, ctorArgs)
		}
		return fmt.Sprintf("%s.%s(%s)", pkg, op.ctor, ctorArgs)
	}
	switch {
	case op.result == "":
		doc("")
		p("func (s *%sService) %s(%s) error {\n", s.name, op.method, params)
		p("\treq, err := %s\n\treturn sendNoContent(ctx, s.c, %q, req, err)\n}\n\n", build(), op.opID)
	case op.optional:
		doc("The result is nil when the server answers without a body (204).")
		p("func (s *%sService) %s(%s) (*%s, error) {\n", s.name, op.method, params, op.result)
		p("\treq, err := %s\n\treturn sendOptional[%s](ctx, s.c, %q, req, err)\n}\n\n", build(), op.result, op.opID)
	default:
		doc("")
		p("func (s *%sService) %s(%s) (%s, error) {\n", s.name, op.method, params, op.result)
		p("\treq, err := %s\n\treturn send[%s](ctx, s.c, %q, req, err)\n}\n\n", build(), op.result, op.opID)
	}
	if op.elem != "" {
		p("// %sIter is %s as a sequence decoded element by element from the\n", op.method, op.method)
		p("// connection: memory stays flat whatever the list's length. It retries\n// only until the first element is yielded; later failures end the\n// sequence with an *Error.\n")
		p("//\n//\t%s %s (%s)\n", op.httpMethod, op.path, op.opID)
		if op.deprecated {
			p("//\n// Deprecated: %s\n", deprecationNote(op.description))
		}
		p("func (s *%sService) %sIter(%s) iter.Seq2[%s, error] {\n", s.name, op.method, params, op.elem)
		p("\treturn stream[%s](ctx, s.c, %q, func() (*http.Request, error) {\n\t\treturn %s\n\t})\n}\n\n", op.elem, op.opID, build())
	}
}

func deprecationNote(desc string) string {
	d := strings.Join(strings.Fields(desc), " ")
	if d == "" {
		return "Factorial no longer documents this route."
	}
	return d
}

func renderGetters(o options, g *generated) ([]byte, error) {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("// Code generated by scripts/servicegen from %s; DO NOT EDIT.\n\n", filepath.Base(o.gen))
	p("package %s\n\n", g.pkg)
	usesTypes := false
	var body bytes.Buffer
	for _, name := range g.typeOrder {
		if strings.HasSuffix(name, "Params") || strings.HasSuffix(name, "Response") || strings.HasSuffix(name, "Headers") {
			continue
		}
		st := g.structs[name]
		methods := map[string]bool{}
		for _, f := range st.Fields.List {
			for _, n := range f.Names {
				methods[n.Name] = true
			}
		}
		for _, f := range st.Fields.List {
			star, ok := f.Type.(*ast.StarExpr)
			if !ok || len(f.Names) != 1 {
				continue
			}
			field := f.Names[0].Name
			getter := "Get" + field
			if methods[getter] || !ast.IsExported(field) {
				continue // a field named like the getter would collide
			}
			var tb bytes.Buffer
			_ = format.Node(&tb, token.NewFileSet(), star.X)
			t := tb.String()
			if strings.Contains(t, "openapi_types.") {
				usesTypes = true
			}
			fmt.Fprintf(&body, "// %s returns x.%s, or its zero value when x or the field is nil.\n", getter, field)
			fmt.Fprintf(&body, "func (x *%s) %s() (v %s) {\n\tif x == nil || x.%s == nil {\n\t\treturn v\n\t}\n\treturn *x.%s\n}\n\n", name, getter, t, field, field)
		}
	}
	var imports []string
	if strings.Contains(body.String(), " time.") {
		imports = append(imports, "\t\"time\"\n")
	}
	if usesTypes {
		imports = append(imports, "\n\topenapi_types \"github.com/oapi-codegen/runtime/types\"\n")
	}
	if len(imports) > 0 {
		p("import (\n%s)\n\n", strings.Join(imports, ""))
	}
	b.Write(body.Bytes())
	src, err := format.Source(b.Bytes())
	if err != nil {
		return b.Bytes(), fmt.Errorf("format getters: %w", err)
	}
	return src, nil
}

func renderDocs(o options, all, skipped []*operation) []byte {
	sort.Slice(all, func(i, j int) bool {
		a, b := all[i], all[j]
		if a.tag != b.tag {
			return a.tag < b.tag
		}
		if a.path != b.path {
			return a.path < b.path
		}
		return a.httpMethod < b.httpMethod
	})
	skip := map[*operation]bool{}
	for _, s := range skipped {
		skip[s] = true
	}
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("# Operations\n\n")
	p("Generated from %s by `go generate ./...` (scripts/servicegen); do not edit.\n\n", o.specName)
	perArea := map[string]int{}
	var areas []string
	deprecated := 0
	for _, r := range all {
		if perArea[r.tag] == 0 {
			areas = append(areas, r.tag)
		}
		perArea[r.tag]++
		if r.deprecated {
			deprecated++
		}
	}
	p("%d operations (%d deprecated legacy paths).\n\n", len(all), deprecated)
	p("Go call: the method on `*factorial.Client`. Lists also have an `...Iter` method that streams the elements.\n")
	p("Raw method: the generated `api.ClientWithResponses` method behind `Client.Raw()`.\n\n")
	p("| Area | Operations |\n|---|---|\n")
	for _, a := range areas {
		p("| %s | %d |\n", a, perArea[a])
	}
	p("\n| Area | Method | Path | Go call | Raw method | Deprecated | Summary |\n|---|---|---|---|---|---|---|\n")
	for _, r := range all {
		dep := ""
		if r.deprecated {
			dep = "yes"
		}
		call := "`" + r.service + "." + r.method + "`"
		if skip[r] {
			call = "(browser only)"
		}
		raw := exportName(r.opID)
		switch r.bodyKind {
		case "form":
			raw += "WithFormdataBody"
		case "multipart":
			raw += "WithBody"
		}
		p("| %s | %s | `%s` | %s | `%sWithResponse` | %s | %s |\n", r.tag, r.httpMethod, r.path, call, raw, dep, strings.ReplaceAll(r.summary, "|", "\\|"))
	}
	return b.Bytes()
}
