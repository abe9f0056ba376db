// Package specvalidate checks HTTP traffic against the OpenAPI documents the
// api and resources packages were generated from (openapi.yaml and
// openapi-resources.yaml, compiled in as specs.gen.go), in both directions.
//
// It is the contract between openapi.yaml, the generated code and every fake
// server in this module: tests wrap their client transport with Transport,
// and fake servers wrap their handlers with Middleware, so a request or a
// response the spec does not describe fails loudly instead of passing.
package specvalidate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
)

// Validator validates requests and responses against the embedded spec.
// It is immutable after New and safe for concurrent use.
type Validator struct {
	doc      *openapi3.T
	segments *segmentRouter
}

// Error describes one validation failure. It names the operation so a
// failing test says which endpoint drifted.
type Error struct {
	Operation string // operationId, or "" when no route matched
	Method    string
	Path      string
	Stage     string // "route", "request" or "response"
	Status    int    // response status (response stage only)
	Err       error
}

func (e *Error) Error() string {
	op := e.Operation
	if op == "" {
		op = "(no operation)"
	}
	if e.Stage == "response" {
		return fmt.Sprintf("spec: %s %s %s: response %d: %v", op, e.Method, e.Path, e.Status, e.Err)
	}
	return fmt.Sprintf("spec: %s %s %s: %s: %v", op, e.Method, e.Path, e.Stage, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// LoadV1 parses openapi.yaml (v1 and OAuth) as committed, a new document
// on every call.
func LoadV1() (*openapi3.T, error) { return load("openapi.yaml", v1Spec) }

// LoadDated parses openapi-resources.yaml (the dated API) as committed, a
// new document on every call; its paths start at the resource, as written.
func LoadDated() (*openapi3.T, error) { return load("openapi-resources.yaml", datedSpec) }

func load(name, spec string) (*openapi3.T, error) {
	doc, err := openapi3.NewLoader().LoadFromData([]byte(spec))
	if err != nil {
		return nil, fmt.Errorf("specvalidate: load %s: %w", name, err)
	}
	return doc, nil
}

var loadOnce = sync.OnceValues(func() (*Validator, error) {
	doc, err := LoadV1()
	if err != nil {
		return nil, err
	}
	return newValidator(doc)
})

var loadResourcesOnce = sync.OnceValues(func() (*Validator, error) {
	doc, err := LoadDated()
	if err != nil {
		return nil, err
	}
	return NewDated(doc)
})

// NewDated returns the validator of a dated API document as LoadDated
// returns it (paths starting at the resource); it takes doc over. The
// document keeps the version in its server URL
// (https://api.factorialhr.com/api/{version}/resources), while traffic
// carries the whole path: every path gets the server's prefix back, with
// the version as a path parameter.
func NewDated(doc *openapi3.T) (*Validator, error) {
	prefixed := openapi3.NewPaths()
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		item.Parameters = append(openapi3.Parameters{{Value: versionParam}}, item.Parameters...)
		prefixed.Set(ResourcesPrefix+path, item)
	}
	doc.Paths = prefixed
	return newValidator(doc)
}

// ResourcesPrefix is the path template the dated API's paths live under.
const ResourcesPrefix = "/api/{version}/resources"

var versionParam = openapi3.NewPathParameter("version").WithSchema(
	openapi3.NewStringSchema().WithPattern(`^[0-9]{4}-[0-9]{2}-[0-9]{2}$`))

func newValidator(doc *openapi3.T) (*Validator, error) {
	// The spec's servers name the production and demo hosts; tests and fakes
	// run on loopback. kin-openapi matches any host against a server URL
	// that has none, and paths keep their /api and /oauth prefixes.
	doc.Servers = openapi3.Servers{{URL: "/"}}
	// kin-openapi has no text/html body decoder, and the OAuth browser
	// routes declare HTML pages. Its decoder registry is process-wide;
	// registering once here, and only when nothing is installed, keeps a
	// decoder a user may have chosen.
	if openapi3filter.RegisteredBodyDecoder("text/html") == nil {
		openapi3filter.RegisterBodyDecoder("text/html", openapi3filter.PlainBodyDecoder)
	}
	// The segment router matches exactly as kin-openapi's gorillamux does
	// (router_test.go holds it to that) at a fraction of the cost. It
	// refuses path templates it cannot route identically; such a spec
	// change fails here, loudly, rather than falling back to a slower router.
	segments, err := newSegmentRouter(doc)
	if err != nil {
		return nil, err
	}
	return &Validator{doc: doc, segments: segments}, nil
}

// NewResources returns the validator for the dated API's embedded spec
// (package resources), its paths under ResourcesPrefix. Parsed once per
// process, like New.
func NewResources() (*Validator, error) { return loadResourcesOnce() }

// MustNewResources is NewResources for tests and fakes.
func MustNewResources() *Validator {
	v, err := NewResources()
	if err != nil {
		panic(err)
	}
	return v
}

// New returns the validator for the embedded spec. The spec is parsed once
// per process; every call returns the same immutable value.
func New() (*Validator, error) { return loadOnce() }

// MustNew is New for tests and fakes that cannot proceed without a spec.
func MustNew() *Validator {
	v, err := New()
	if err != nil {
		panic(err)
	}
	return v
}

// Doc returns the parsed spec (servers replaced by "/"). Callers must not
// modify it.
func (v *Validator) Doc() *openapi3.T { return v.doc }

// Operations returns every operationId in the spec.
func (v *Validator) Operations() []string {
	var ids []string
	for _, item := range v.doc.Paths.Map() {
		for _, op := range item.Operations() {
			ids = append(ids, op.OperationID)
		}
	}
	return ids
}

// Route is a matched operation.
type Route struct {
	route  *routers.Route
	params map[string]string
}

// OperationID of the matched operation.
func (r *Route) OperationID() string { return r.route.Operation.OperationID }

// Operation returns the matched operation.
func (r *Route) Operation() *openapi3.Operation { return r.route.Operation }

// PathTemplate is the spec path ("/api/v1/employees/{id}").
func (r *Route) PathTemplate() string { return r.route.Path }

// Parameters are the operation's parameters after its path item's.
func (r *Route) Parameters() openapi3.Parameters {
	var out openapi3.Parameters
	if r.route.PathItem != nil {
		out = append(out, r.route.PathItem.Parameters...)
	}
	return append(out, r.route.Operation.Parameters...)
}

// PathParams are the path parameters, as they appear in the request's
// escaped path. The map is shared: callers must not modify it.
func (r *Route) PathParams() map[string]string { return r.params }

// FindRoute matches req to an operation.
func (v *Validator) FindRoute(req *http.Request) (*Route, error) {
	rt, err := v.segments.find(req)
	if err != nil {
		return nil, &Error{Method: req.Method, Path: req.URL.Path, Stage: "route", Err: err}
	}
	return rt, nil
}

func options() *openapi3filter.Options {
	return &openapi3filter.Options{
		IncludeResponseStatus: true,
		MultiError:            true,
		AuthenticationFunc:    authenticate,
	}
}

// authenticate accepts a request that carries the credential a security
// scheme names. It checks presence and shape only; whether the credential is
// valid is the server's business.
func authenticate(_ context.Context, in *openapi3filter.AuthenticationInput) error {
	switch in.SecuritySchemeName {
	case "oauth2":
		// The scheme is case-insensitive (RFC 7235 section 2.1), as
		// Doorkeeper matches it.
		h := in.RequestValidationInput.Request.Header.Get("Authorization")
		if len(h) <= len("Bearer ") || !strings.EqualFold(h[:len("Bearer ")], "Bearer ") || strings.TrimSpace(h[len("Bearer "):]) == "" {
			return errors.New("missing Authorization: Bearer header")
		}
		return nil
	case "apiKey":
		if in.RequestValidationInput.Request.Header.Get("x-api-key") == "" {
			return errors.New("missing x-api-key header")
		}
		return nil
	}
	return fmt.Errorf("unknown security scheme %q", in.SecuritySchemeName)
}

// ValidateRequest validates req (params, body, security) against route. The
// request body is read and replaced, so req stays sendable.
func (v *Validator) ValidateRequest(ctx context.Context, req *http.Request, route *Route) error {
	body, err := snapshotRequestBody(req)
	if err != nil {
		return &Error{Operation: route.OperationID(), Method: req.Method, Path: req.URL.Path, Stage: "request", Err: err}
	}
	// Validate a clone so kin-openapi consumes a copy of the body.
	clone := req.Clone(ctx)
	if body != nil {
		clone.Body = io.NopCloser(bytes.NewReader(body))
	}
	in := &openapi3filter.RequestValidationInput{
		Request:    clone,
		PathParams: route.params,
		Route:      route.route,
		Options:    options(),
	}
	if err := openapi3filter.ValidateRequest(ctx, in); err != nil {
		return &Error{Operation: route.OperationID(), Method: req.Method, Path: req.URL.Path, Stage: "request", Err: err}
	}
	return nil
}

// ValidateResponse validates a response to req.
func (v *Validator) ValidateResponse(ctx context.Context, req *http.Request, route *Route, status int, header http.Header, body []byte) error {
	in := &openapi3filter.ResponseValidationInput{
		RequestValidationInput: &openapi3filter.RequestValidationInput{
			Request:    req,
			PathParams: route.params,
			Route:      route.route,
			Options:    options(),
		},
		Status:  status,
		Header:  header,
		Options: options(),
	}
	in.SetBodyBytes(body)
	if err := openapi3filter.ValidateResponse(ctx, in); err != nil {
		return &Error{Operation: route.OperationID(), Method: req.Method, Path: req.URL.Path, Stage: "response", Status: status, Err: err}
	}
	return nil
}

// snapshotRequestBody reads the body once and makes it replayable through
// both Body and GetBody.
func snapshotRequestBody(req *http.Request) ([]byte, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return nil, nil
	}
	b, err := io.ReadAll(req.Body)
	_ = req.Body.Close()
	if err != nil {
		return nil, fmt.Errorf("read request body: %w", err)
	}
	req.Body = io.NopCloser(bytes.NewReader(b))
	req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(b)), nil }
	req.ContentLength = int64(len(b))
	return b, nil
}
