package main

// operation is one spec operation as the service layer sees it: the spec
// (spec.go) and the generated code (describe.go) fill it in, the renderers
// read it.
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

// service is one tag's operations, which become one service type.
type service struct {
	tag, name, doc string
	ops            []*operation
	// current marks a tag that serves every API (x-go-current: OAuth): its
	// service keeps its plain name, sits on the Client itself (client.go
	// attaches it) and is never deprecated with its document.
	current bool
}
