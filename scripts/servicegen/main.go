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
	_ "embed"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"

	"os"
	"path"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strconv"
	"strings"
	"text/template"

	"github.com/getkin/kin-openapi/openapi3"
)

// options is one run's configuration, read from a JSON file beside the
// generated package (api/servicegen.json, resources/servicegen.json).
// Paths are relative to the module root, where go generate runs it.
type options struct {
	// Spec is the OpenAPI document; Gen oapi-codegen's output for it, in
	// package PkgPath.
	Spec    string `json:"spec"`
	Gen     string `json:"gen"`
	PkgPath string `json:"package"`
	// Client, when set, is oapi-codegen's client for the document, in a
	// package of its own (ClientPackage) that imports the models: the
	// request builders the services call come from there.
	Client        string `json:"client,omitempty"`
	ClientPackage string `json:"clientPackage,omitempty"`
	// Out is the service file to write (package factorial), Getters the
	// getter file (in the generated package), Docs the operations table.
	Out     string `json:"services"`
	Getters string `json:"getters"`
	Docs    string `json:"docs"`
	// Events, when set, is the file for package webhook's event constants
	// and payload registry, from the document's x-webhook-events.
	Events string `json:"events,omitempty"`
	// Tree is "" for the Client's own services, or the name of the Client
	// field holding this document's services ("V1"), which also prefixes
	// their type names. Subtrees are the fields the Client gets for the
	// other documents' trees.
	Tree     string   `json:"tree,omitempty"`
	Subtrees []string `json:"subtrees,omitempty"`
	// Server is the core field with the base URL string the document's
	// generated constructors take; Base the core field with the parsed
	// base URL the services build their requests on.
	Server string `json:"server"`
	Base   string `json:"base"`
	// Prefix names the document's descriptors and query encoders in
	// package factorial ("v1" gives v1GetMe, v1Operations).
	Prefix string `json:"prefix"`
	// Dated marks the dated API's document: its paths are relative to
	// /api/<version>/resources.
	Dated bool `json:"dated,omitempty"`
	// Successor, when set, is the document of the API that replaces this
	// one: every method is marked deprecated, naming the successor's calls
	// that the operation's x-replaced-by lists.
	Successor string `json:"successor,omitempty"`

	specName string
}

// loadOptions reads and checks a configuration file.
func loadOptions(path string) (options, error) {
	var o options
	data, err := os.ReadFile(path)
	if err != nil {
		return o, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		return o, fmt.Errorf("%s: %w", path, err)
	}
	for name, v := range map[string]string{"spec": o.Spec, "gen": o.Gen, "package": o.PkgPath, "services": o.Out, "getters": o.Getters, "docs": o.Docs, "server": o.Server, "base": o.Base, "prefix": o.Prefix} {
		if v == "" {
			return o, fmt.Errorf("%s: %q is required", path, name)
		}
	}
	o.specName = filepath.Base(o.Spec)
	return o, nil
}

func main() {
	config := flag.String("config", "", "JSON configuration of the run (see options)")
	flag.Parse()
	o, err := loadOptions(*config)
	if err == nil {
		err = run(o)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "servicegen:", err)
		os.Exit(1)
	}
}

// operation is one spec operation as the service layer sees it.
type operation struct {
	tag, service, method, opID, httpMethod, path, summary, description string
	deprecated                                                         bool

	// ctor is the generated request constructor (in package ctorPkg) and
	// its arguments after the server URL; bodyKind says how the body
	// argument is passed.
	ctor     string
	ctorPkg  string
	args     []arg
	bodyKind string // "", "json", "form", "multipart"

	// result is the Go type of the success body ("" when no 2xx has one);
	// optional means another 2xx has no body, so the call returns *T.
	result   string
	optional bool
	elem     string // element type when result is a slice
	// page is set when the result is one page of a paginated list
	// ({data, meta}): List collects every page, ListIter walks them, and
	// ListPage returns one.
	page bool

	// pathExpr is the Go expression of the operation's escaped path
	// ("/employees/employees/" + url.PathEscape(id)); query describes its
	// query parameters, encoded by a generated function. Both are empty
	// for an operation whose request the generated constructor builds
	// (form and multipart bodies).
	pathExpr string
	query    []queryParam
	params   string // the *XxxParams type, when the operation has one

	// successor is the calls of the replacing API that the operation's
	// x-replaced-by names ("Client.Employees.List (GET
	// /employees/employees)"), if any.
	successor string
	// retired marks an operation of a retired API (its document has a
	// successor and its tag is not x-go-current).
	retired bool

	// What the descriptor records: the declared success statuses with
	// their media types, and whether the operation takes no credentials
	// (security: []).
	success       []success
	noCredentials bool
}

// success is one declared 2xx response: its status and media types
// (lowercased, sorted; none for a response without a body).
type success struct {
	status int
	media  []string
}

type arg struct{ name, typ string }

// queryParam is one field of a generated XxxParams struct as the query
// encoder writes it.
type queryParam struct {
	field, name string // Go field, wire name
	kind        string // "string", "int", "float32", "float64", "bool" or "date"
	pointer     bool   // optional scalar
	list        bool   // a slice
	explode     bool   // a list as name=a&name=b, else name=a,b
}

type service struct {
	tag, name, doc string
	ops            []*operation
	// current marks a tag that serves every API (x-go-current: OAuth): its
	// service keeps its plain name, sits on the Client itself (client.go
	// attaches it) and is never deprecated with its document.
	current bool
}

func run(o options) error {
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromFile(o.Spec)
	if err != nil {
		return err
	}
	if err := doc.Validate(context.Background()); err != nil {
		return fmt.Errorf("%s does not validate: %w", o.Spec, err)
	}
	if err := dropGeneratedPackageDoc(o.Gen); err != nil {
		return err
	}
	g, err := parseGenerated(o.Gen)
	if err != nil {
		return err
	}
	pkgName := g.pkg
	g.ctorPkg = g.pkg
	if o.Client != "" {
		if err := dropGeneratedPackageDoc(o.Client); err != nil {
			return err
		}
		c, err := parseGenerated(o.Client)
		if err != nil {
			return err
		}
		g.addClient(c)
	}

	tagDoc := map[string]string{}
	tagCurrent := map[string]bool{}
	for _, t := range doc.Tags {
		tagDoc[t.Name] = t.Description
		tagCurrent[t.Name] = t.Extensions["x-go-current"] == true
	}
	tagNoun := tagNouns(doc)
	var successors map[string]string
	if o.Successor != "" {
		if successors, err = successorMethods(o.Successor); err != nil {
			return err
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
			if err := describeContract(o, op); err != nil {
				return fmt.Errorf("%s (%s %s): %w", op.OperationID, method, path, err)
			}
			if successors != nil && !tagCurrent[tag] {
				o.retired = true
				if o.successor, err = replacement(op, successors); err != nil {
					return fmt.Errorf("%s (%s %s): %w", op.OperationID, method, path, err)
				}
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
				s = &service{tag: tag, name: serviceName(tag), doc: tagDoc[tag], current: tagCurrent[tag]}
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
			for _, name := range []string{op.method, op.method + "Iter", op.method + "Page"} {
				if prev, dup := seen[name]; dup {
					return fmt.Errorf("service %s: %s and %s both map to method %s", s.name, prev, op.opID, name)
				}
				seen[name] = op.opID
			}
		}
		list = append(list, s)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].name < list[j].name })

	src, err := renderServices(o, pkgName, list, all)
	if err != nil {
		return err
	}
	if err := os.WriteFile(o.Out, src, 0o644); err != nil {
		return err
	}
	getters, err := renderGetters(o, g)
	if err != nil {
		return err
	}
	if err := os.WriteFile(o.Getters, getters, 0o644); err != nil {
		return err
	}
	if o.Events != "" {
		src, err := renderEvents(o, doc, g)
		if err != nil {
			return err
		}
		if err := os.WriteFile(o.Events, src, 0o644); err != nil {
			return err
		}
	}
	return os.WriteFile(o.Docs, renderDocs(o, all, skipped), 0o644)
}

// renderEvents writes what package webhook knows of the document's
// x-webhook-events: one Event constant per event type, its payload type in
// its doc, and the registry NewHandler decodes deliveries with.
func renderEvents(o options, doc *openapi3.T, g *generated) ([]byte, error) {
	raw, ok := doc.Extensions["x-webhook-events"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s has no x-webhook-events map", o.specName)
	}
	types := make([]string, 0, len(raw))
	for t := range raw {
		types = append(types, t)
	}
	sort.Strings(types)
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("// Code generated by scripts/servicegen from %s; DO NOT EDIT.\n\n", o.specName)
	p("package webhook\n\nimport (\n\t\"reflect\"\n\n\t%q\n)\n\n", o.PkgPath)
	p("// The event types Factorial delivers for the resources %s describes.\n", o.specName)
	p("// A delivery's body is the event's payload type, named on each.\n")
	p("const (\n")
	names := map[string]string{}
	seen := map[string]string{}
	for _, t := range types {
		schema, _ := raw[t].(string)
		typ := goName(words(schema))
		if _, ok := g.structs[typ]; !ok {
			return nil, fmt.Errorf("x-webhook-events: %s names %q, which the generated package has no struct for", t, schema)
		}
		name := eventConstName(t)
		if prev, dup := seen[name]; dup {
			return nil, fmt.Errorf("x-webhook-events: %s and %s both name the constant %s", prev, t, name)
		}
		seen[name], names[t] = t, name
		p("\t// %s is delivered with a %s.%s.\n\t%s Event = %q\n", name, g.pkg, typ, name, t)
	}
	p(")\n\n")
	p("// payloads maps every event type to the generated type of its bare\n// payload.\n")
	p("var payloads = map[Event]reflect.Type{\n")
	for _, t := range types {
		schema, _ := raw[t].(string)
		p("\t%s: reflect.TypeFor[%s.%s](),\n", names[t], g.pkg, goName(words(schema)))
	}
	p("}\n")
	return format.Source(b.Bytes())
}

// eventConstName is the Go name of an event type:
// "timeoff/leave/approve" is TimeOffLeaveApprove.
func eventConstName(event string) string {
	var ws []string
	for _, part := range strings.FieldsFunc(event, func(r rune) bool { return r == '/' || r == '_' }) {
		if w, ok := eventWords[part]; ok {
			ws = append(ws, w)
			continue
		}
		ws = append(ws, strings.ToUpper(part[:1])+part[1:])
	}
	return goName(ws)
}

// eventWords spell the namespaces of event types as the services do.
var eventWords = map[string]string{"timeoff": "TimeOff", "api": "API"}

// tagNouns maps each tag to the resource noun its methods drop
// (x-go-resource, else the tag in the singular).
func tagNouns(doc *openapi3.T) map[string]string {
	nouns := map[string]string{}
	for _, t := range doc.Tags {
		nouns[t.Name] = singular(t.Name)
		if v, ok := t.Extensions["x-go-resource"]; ok {
			s, _ := v.(string)
			nouns[t.Name] = s
		}
	}
	return nouns
}

// successorMethods names the calls of the document at path, keyed by
// operationId, as "Service.Method (METHOD /path)".
func successorMethods(path string) (map[string]string, error) {
	doc, err := openapi3.NewLoader().LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("successor: %w", err)
	}
	nouns := tagNouns(doc)
	out := map[string]string{}
	for _, p := range doc.Paths.InMatchingOrder() {
		for method, op := range doc.Paths.Value(p).Operations() {
			if len(op.Tags) != 1 {
				return nil, fmt.Errorf("successor %s %s: want exactly one tag", method, p)
			}
			call := serviceName(op.Tags[0]) + "." + methodName(op.OperationID, op.Tags[0], nouns[op.Tags[0]])
			out[op.OperationID] = call + " (" + method + " " + p + ")"
		}
	}
	return out, nil
}

// replacement is the successor's calls that an operation's x-replaced-by
// names (operationIds of the successor's document), joined with "or"; ""
// without the extension.
func replacement(op *openapi3.Operation, successors map[string]string) (string, error) {
	raw, ok := op.Extensions["x-replaced-by"]
	if !ok {
		return "", nil
	}
	ids, ok := raw.([]any)
	if !ok || len(ids) == 0 {
		return "", errors.New("x-replaced-by must list operationIds")
	}
	var calls []string
	for _, id := range ids {
		s, _ := id.(string)
		call, ok := successors[s]
		if !ok {
			return "", fmt.Errorf("x-replaced-by names %q, which the successor's document does not have", s)
		}
		calls = append(calls, "Client."+call)
	}
	return strings.Join(calls, " or "), nil
}

// describeContract records what the spec promises for op's successes and
// credentials, for its descriptor.
func describeContract(o *operation, op *openapi3.Operation) error {
	o.noCredentials = op.Security != nil && len(*op.Security) == 0
	for code, ref := range op.Responses.Map() {
		if code == "default" {
			continue // the error body in both documents
		}
		status, err := strconv.Atoi(code)
		if err != nil {
			return fmt.Errorf("response %q: only explicit status codes are supported", code)
		}
		if status < 200 || status > 299 {
			continue
		}
		var media []string
		if ref.Value != nil {
			for mt := range ref.Value.Content {
				media = append(media, strings.ToLower(mt))
			}
		}
		sort.Strings(media)
		o.success = append(o.success, success{status: status, media: media})
	}
	sort.Slice(o.success, func(i, j int) bool { return o.success[i].status < o.success[j].status })
	if len(o.success) == 0 {
		return errors.New("no success response")
	}
	return nil
}

// descriptorName is the Go name of op's descriptor in package factorial.
func descriptorName(o options, op *operation) string { return o.Prefix + exportName(op.opID) }

// renderDescriptors writes one operation descriptor per operation of the
// document (browser-only ones too: Raw and Do reach them) and the table
// Raw and Do look requests up in.
func renderDescriptors(p func(string, ...any), o options, all []*operation) {
	ops := slices.Clone(all)
	sort.Slice(ops, func(i, j int) bool { return ops[i].opID < ops[j].opID })
	where := "relative to the host"
	if o.Dated {
		where = "relative to /api/<version>/resources"
	}
	p("// The operations of %s: what the spec declares for each, recorded when\n", o.specName)
	p("// the code is generated, so a call never parses the spec. Paths are %s.\n", where)
	p("var (\n")
	for _, op := range ops {
		var b strings.Builder
		fmt.Fprintf(&b, "id: %q, method: %q, path: %q", op.opID, op.httpMethod, op.path)
		if o.Dated {
			b.WriteString(", dated: true")
		}
		if op.noCredentials {
			b.WriteString(", noCredentials: true")
		}
		b.WriteString(", success: []response{")
		for i, s := range op.success {
			if i > 0 {
				b.WriteString(", ")
			}
			switch {
			case len(s.media) == 0:
				fmt.Fprintf(&b, "{status: %d}", s.status)
			case len(s.media) == 1 && s.media[0] == "application/json":
				fmt.Fprintf(&b, "{status: %d, media: mediaJSON}", s.status)
			default:
				fmt.Fprintf(&b, "{status: %d, media: %#v}", s.status, s.media)
			}
		}
		b.WriteString("}")
		p("\t%s = operation{%s}\n", descriptorName(o, op), b.String())
	}
	p(")\n\n")
	p("// %sOperations lists the descriptors of %s.\n", o.Prefix, o.specName)
	p("var %sOperations = []*operation{\n", o.Prefix)
	for _, op := range ops {
		p("\t&%s,\n", descriptorName(o, op))
	}
	p("}\n\n")
}

// dropGeneratedPackageDoc removes oapi-codegen's package comment ("Package
// x provides primitives to interact with the openapi HTTP API.") from its
// output and separates the "Code generated" line from the package clause,
// so that the package documentation is the package's own doc.go.
func dropGeneratedPackageDoc(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	first, rest, ok := bytes.Cut(src, []byte("\n"))
	if !ok || !bytes.HasPrefix(first, []byte("// Package ")) {
		return nil // already done
	}
	rest = bytes.TrimPrefix(rest, []byte("//\n"))
	marker, body, ok := bytes.Cut(rest, []byte("\n"))
	if !ok || !bytes.HasPrefix(marker, []byte("// Code generated ")) || !bytes.HasPrefix(body, []byte("package ")) {
		return fmt.Errorf("%s: unexpected header from oapi-codegen", path)
	}
	out := append(append(append([]byte{}, marker...), "\n\n"...), body...)
	return os.WriteFile(path, out, 0o644)
}

// generated is what servicegen needs from the oapi-codegen output.
type generated struct {
	pkg       string
	funcs     map[string]*ast.FuncDecl
	methods   map[string]map[string]bool // type -> its methods in the generated file
	aliases   map[string]ast.Expr
	structs   map[string]*ast.StructType
	named     map[string]string // a defined type over a basic one: its underlying
	typeOrder []string
	// ctorPkg is the package of the request builders: pkg itself, or the
	// client package (options.Client).
	ctorPkg string
}

// addClient takes the request builders and response types of the
// document's client package c, whose code names the models unqualified
// (a dot import); getters stay for the models alone (typeOrder).
func (g *generated) addClient(c *generated) {
	g.ctorPkg = c.pkg
	for name, fn := range c.funcs {
		g.funcs[name] = fn
	}
	for name, st := range c.structs {
		if _, model := g.structs[name]; !model {
			g.structs[name] = st
		}
	}
	for name, e := range c.aliases {
		if _, model := g.aliases[name]; !model {
			g.aliases[name] = e
		}
	}
}

func parseGenerated(path string) (*generated, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	g := &generated{pkg: f.Name.Name, funcs: map[string]*ast.FuncDecl{}, methods: map[string]map[string]bool{}, aliases: map[string]ast.Expr{}, structs: map[string]*ast.StructType{}, named: map[string]string{}}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				g.funcs[d.Name.Name] = d
				continue
			}
			recv := d.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				recv = star.X
			}
			if id, ok := recv.(*ast.Ident); ok {
				if g.methods[id.Name] == nil {
					g.methods[id.Name] = map[string]bool{}
				}
				g.methods[id.Name][d.Name.Name] = true
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
				switch t := ts.Type.(type) {
				case *ast.StructType:
					g.structs[ts.Name.Name] = t
					g.typeOrder = append(g.typeOrder, ts.Name.Name)
				case *ast.Ident:
					g.named[ts.Name.Name] = t.Name
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

// renderQueryEncoders writes, for every operation with query parameters,
// the function that encodes its XxxParams as the generated constructor
// would: in declaration order, unset parameters left out, lists exploded
// (name=a&name=b) or comma-separated as the spec says.
func renderQueryEncoders(p func(string, ...any), o options, all []*operation) {
	ops := slices.Clone(all)
	sort.Slice(ops, func(i, j int) bool { return ops[i].opID < ops[j].opID })
	for _, op := range ops {
		if op.params == "" || op.pathExpr == "" {
			continue
		}
		p("// %s encodes the query of %s.\n", queryEncoderName(o, op), op.opID)
		p("func %s(p %s) string {\n\tif p == nil {\n\t\treturn \"\"\n\t}\n\tvar q query\n", queryEncoderName(o, op), op.params)
		for _, q := range op.query {
			v := "p." + q.field
			format := func(x string) string {
				switch q.kind {
				case "string":
					return "string(" + x + ")"
				case "int":
					return "strconv.Itoa(int(" + x + "))"
				case "bool":
					return "strconv.FormatBool(" + x + ")"
				case "float32":
					// Plain decimal at float32 precision (3.5, not
					// 3.5e+00 nor float64's digits of a float32).
					return "strconv.FormatFloat(float64(" + x + "), 'f', -1, 32)"
				case "float64":
					return "strconv.FormatFloat(" + x + ", 'f', -1, 64)"
				}
				return "(" + x + ").String()"
			}
			switch {
			case q.list && q.explode:
				p("\tfor _, v := range %s {\n\t\tq.add(%q, %s)\n\t}\n", v, q.name, format("v"))
			case q.list:
				p("\tif len(%s) > 0 {\n\t\tparts := make([]string, len(%s))\n\t\tfor i, v := range %s {\n\t\t\tparts[i] = %s\n\t\t}\n\t\tq.addList(%q, parts)\n\t}\n", v, v, v, format("v"), q.name)
			case q.pointer:
				p("\tif %s != nil {\n\t\tq.add(%q, %s)\n\t}\n", v, q.name, format("*"+v))
			default:
				p("\tq.add(%q, %s)\n", q.name, format(v))
			}
		}
		p("\treturn q.String()\n}\n\n")
	}
}

func queryEncoderName(o options, op *operation) string {
	return o.Prefix + "Query" + exportName(op.opID)
}

// exportName is oapi-codegen's name for an operationId: the first letter
// upper-cased and the initialisms applied (ListApiKeys -> ListAPIKeys).
func exportName(opID string) string { return goName(words(opID)) }

// subtreeDocs describe the Client fields that hold another document's
// services.
var subtreeDocs = map[string]string{
	"V1": "the v1 REST API (/api/v1/...) and the OAuth endpoints. Factorial retired v1 in 2025; the Client's own services call the dated API that replaced it",
}

func renderServices(o options, pkg string, list []*service, all []*operation) ([]byte, error) {
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
	var rest bytes.Buffer
	header := b.Bytes()
	b = rest
	renderDescriptors(p, o, all)
	renderQueryEncoders(p, o, all)

	typeName := func(s *service) string {
		if s.current {
			return s.name + "Service"
		}
		return o.Tree + s.name + "Service"
	}
	if o.Tree == "" {
		// The Client type itself is written by hand (client.go); this
		// attaches its services, so a service without a field there fails
		// to compile.
		p("func (c *Client) initServices() {\n")
		for _, sub := range o.Subtrees {
			p("\tc.%s = new%s(c)\n", sub, sub)
		}
		for _, s := range list {
			p("\tc.%s = &%s{c: c}\n", s.name, typeName(s))
		}
		p("}\n\n")
	} else {
		p("// %s holds the services of %s: %s. Reach it as Client.%s.\n", o.Tree, o.specName, subtreeDocs[o.Tree], o.Tree)
		p("// Its methods return the types of package %s.\n", pkg)
		if o.Successor != "" {
			p("//\n// Deprecated: Factorial retired this API in 2025; use the Client's own services.\n")
		}
		p("type %s struct {\n", o.Tree)
		for _, s := range list {
			if s.current {
				continue
			}
			p("\t// %s: %s\n", s.name, sentence(s.doc))
			p("\t%s *%s\n", s.name, typeName(s))
		}
		p("\n\tc *Client\n}\n\n")
		p("func new%s(c *Client) *%s {\n\treturn &%s{\n", o.Tree, o.Tree, o.Tree)
		for _, s := range list {
			if !s.current {
				p("\t\t%s: &%s{c: c},\n", s.name, typeName(s))
			}
		}
		p("\t\tc: c,\n\t}\n}\n\n")
	}

	reach := "Client."
	if o.Tree != "" {
		reach += o.Tree + "."
	}
	for _, s := range list {
		p("// %s calls the %s operations: %s.\n", typeName(s), s.tag, sentence(s.doc))
		if s.current {
			p("// Reach it as Client.%s.\n", s.name)
		} else {
			p("// Reach it as %s%s.\n", reach, s.name)
		}
		if o.Successor != "" && !s.current {
			p("//\n// Deprecated: Factorial retired this API in 2025; use the Client's own services.\n")
		}
		p("type %s struct{ c *Client }\n\n", typeName(s))
		for _, op := range s.ops {
			if err := renderMethod(&b, o, typeName(s), op, pkg); err != nil {
				return nil, err
			}
		}
	}
	body := b.String()
	if strings.Contains(body, "url.PathEscape(") {
		imports += "\t\"net/url\"\n"
	}
	if strings.Contains(body, "strconv.") {
		imports += "\t\"strconv\"\n"
	}
	var out bytes.Buffer
	out.Write(header)
	pkgs := fmt.Sprintf("\t%q\n", o.PkgPath)
	if o.ClientPackage != "" && strings.Contains(body, path.Base(o.ClientPackage)+".New") {
		pkgs += fmt.Sprintf("\t%q\n", o.ClientPackage)
	}
	fmt.Fprintf(&out, "import (\n%s\t\"iter\"\n\t\"net/http\"\n\n%s)\n\n", imports, pkgs)
	out.WriteString(body)
	src, err := format.Source(out.Bytes())
	if err != nil {
		return out.Bytes(), fmt.Errorf("format generated services: %w", err)
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

// methodTemplate renders one operation's service methods (methodView).
//
//go:embed templates/method.tmpl
var methodTemplate string

var methodTmpl = template.Must(template.New("method").Funcs(template.FuncMap{
	// doc is the data of the "doc" template: one method's comment.
	"doc": func(m methodView, name, what, extra string) map[string]any {
		return map[string]any{"M": m, "Name": name, "What": what, "Extra": extra}
	},
}).Parse(methodTemplate))

// methodView is what the method template needs of an operation, every
// string ready to print.
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

func renderMethod(w *bytes.Buffer, o options, typ string, op *operation, pkg string) error {
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
		v.Build = fmt.Sprintf("s.c.newRequest(ctx, &%s, s.c.%s, %s, %s, %s)", v.Descriptor, o.Base, op.pathExpr, query, body)
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
			return fmt.Errorf("%s: a paginated list without query parameters", op.opID)
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
	if err := methodTmpl.Execute(w, v); err != nil {
		return fmt.Errorf("%s: %w", op.opID, err)
	}
	return nil
}

// wrap breaks text into lines of at most width characters, at spaces (a
// longer word gets a line of its own).
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case len(line)+1+len(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// thirdPerson conjugates the imperative verb a summary starts with, so
// that "list the company's employees" documents List as "List lists the
// company's employees".
func thirdPerson(summary string) string {
	verb, rest, _ := strings.Cut(summary, " ")
	switch {
	case verb == "":
		return summary
	case strings.HasSuffix(verb, "s"), strings.HasSuffix(verb, "sh"), strings.HasSuffix(verb, "ch"),
		strings.HasSuffix(verb, "x"), strings.HasSuffix(verb, "z"), strings.HasSuffix(verb, "o"):
		verb += "es"
	case strings.HasSuffix(verb, "y") && len(verb) > 1 && !strings.ContainsRune("aeiou", rune(verb[len(verb)-2])):
		verb = verb[:len(verb)-1] + "ies"
	default:
		verb += "s"
	}
	if rest == "" {
		return verb
	}
	return verb + " " + rest
}

// deprecation is op's Deprecated note: the spec's own for a deprecated
// route, and for every operation of a replaced API the successor's call.
func deprecation(o options, op *operation) string {
	var notes []string
	if op.deprecated {
		notes = append(notes, deprecationNote(op.description))
	}
	if op.retired {
		if op.successor != "" {
			notes = append(notes, "Factorial retired v1 in 2025; use "+op.successor+" of the dated API.")
		} else {
			notes = append(notes, "Factorial retired v1 in 2025; the dated API's operation that replaces this one is not in openapi-resources.yaml yet (docs/dated-api.md maps v1 to the dated API).")
		}
	}
	return strings.Join(notes, " ")
}

func deprecationNote(desc string) string {
	d := strings.Join(strings.Fields(desc), " ")
	if d == "" {
		return "Factorial no longer documents this route."
	}
	return d
}

// renderGetters writes, for every generated struct (but the client's
// params, responses and headers), a nil-safe getter per field and String
// and LogValue methods that show the fields that are set and never a
// secret (see secretFields).
func renderGetters(o options, g *generated) ([]byte, error) {
	var b bytes.Buffer
	p := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	p("// Code generated by scripts/servicegen from %s; DO NOT EDIT.\n\n", filepath.Base(o.Gen))
	p("package %s\n\n", g.pkg)
	var body bytes.Buffer
	for _, name := range g.typeOrder {
		if strings.HasSuffix(name, "Params") || strings.HasSuffix(name, "Response") || strings.HasSuffix(name, "Headers") {
			continue
		}
		st := g.structs[name]
		taken := map[string]bool{}
		for _, f := range st.Fields.List {
			for _, n := range f.Names {
				taken[n.Name] = true
			}
		}
		for m := range g.methods[name] {
			taken[m] = true
		}
		union := false
		for _, f := range st.Fields.List {
			if len(f.Names) != 1 {
				union = union || len(f.Names) == 0
				continue
			}
			field := f.Names[0].Name
			if field == "union" {
				union = true
			}
			getter := "Get" + field
			if taken[getter] || !ast.IsExported(field) {
				continue // a field or method named like the getter would collide
			}
			if star, ok := f.Type.(*ast.StarExpr); ok {
				t := typeString(star.X)
				fmt.Fprintf(&body, "// %s returns x.%s, or its zero value when x or the field is nil.\n", getter, field)
				fmt.Fprintf(&body, "func (x *%s) %s() (v %s) {\n\tif x == nil || x.%s == nil {\n\t\treturn v\n\t}\n\treturn *x.%s\n}\n\n", name, getter, t, field, field)
				continue
			}
			t := typeString(f.Type)
			fmt.Fprintf(&body, "// %s returns x.%s, or its zero value when x is nil.\n", getter, field)
			fmt.Fprintf(&body, "func (x *%s) %s() (v %s) {\n\tif x == nil {\n\t\treturn v\n\t}\n\treturn x.%s\n}\n\n", name, getter, t, field)
		}
		// A union's value lives in raw JSON that its own methods decode.
		if union || taken["String"] || taken["LogValue"] {
			continue
		}
		secrets := ""
		for _, f := range secretFields(name, st) {
			secrets += fmt.Sprintf(", %q", f)
		}
		fmt.Fprintf(&body, "// String shows the fields of x that are set%s.\n", map[bool]string{true: ", secrets as REDACTED", false: ""}[secrets != ""])
		fmt.Fprintf(&body, "func (x %s) String() string { return pretty.String(x%s) }\n\n", name, secrets)
		fmt.Fprintf(&body, "// LogValue logs the fields of x that are set%s.\n", map[bool]string{true: ", secrets as REDACTED", false: ""}[secrets != ""])
		fmt.Fprintf(&body, "func (x %s) LogValue() slog.Value { return pretty.LogValue(x%s) }\n\n", name, secrets)
	}
	imports := []string{"\t\"log/slog\"\n"}
	if strings.Contains(body.String(), " time.") {
		imports = append(imports, "\t\"time\"\n")
	}
	if strings.Contains(body.String(), "json.RawMessage") {
		imports = append([]string{"\t\"encoding/json\"\n"}, imports...)
	}
	imports = append(imports, "\n\t\"github.com/factorial-go/factorial/internal/pretty\"\n")
	if strings.Contains(body.String(), "openapi_types.") {
		imports = append(imports, "\topenapi_types \"github.com/oapi-codegen/runtime/types\"\n")
	}
	p("import (\n%s)\n\n", strings.Join(imports, ""))
	b.Write(body.Bytes())
	src, err := format.Source(b.Bytes())
	if err != nil {
		return b.Bytes(), fmt.Errorf("format getters: %w", err)
	}
	return src, nil
}

// typeString prints a type expression as written in the generated package.
func typeString(e ast.Expr) string {
	var tb bytes.Buffer
	_ = format.Node(&tb, token.NewFileSet(), e)
	return tb.String()
}

// secretFields names the fields of the struct typeName whose values are
// secrets and never printed or logged: tokens, client secrets, passwords,
// PKCE verifiers, webhook challenges, and an authorization code.
func secretFields(typeName string, st *ast.StructType) []string {
	var out []string
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			name := n.Name
			switch {
			case strings.HasSuffix(name, "Token"), strings.Contains(name, "Secret"), strings.Contains(name, "Password"),
				strings.Contains(name, "Verifier"), name == "Challenge",
				name == "Code" && strings.Contains(typeName, "Token"):
				out = append(out, name)
			}
		}
	}
	return out
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
	rawPkg := path.Base(o.PkgPath)
	if o.ClientPackage != "" {
		rawPkg = path.Base(o.ClientPackage)
	}
	if o.Dated {
		p("Go call: the method on `*factorial.Client`. Paginated lists return every page; their `...Iter` method walks the pages one at a time and `...Page` returns one page.\n")
		p("Raw method: the generated `%s.ClientWithResponses` method behind `Client.Raw()`.\n\n", rawPkg)
	} else {
		p("Go call: the method on `*factorial.Client` (v1 sits behind `Client.V1`, deprecated: Factorial retired it in 2025). Lists also have an `...Iter` method that streams the elements.\n")
		p("Raw method: the generated `api.ClientWithResponses` method behind `Client.V1.Raw()`.\n\n")
	}
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
		prefix := ""
		if o.Tree != "" && r.retired {
			prefix = o.Tree + "."
		}
		call := "`" + prefix + r.service + "." + r.method + "`"
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
