package sandbox

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/factorial-go/factorial/internal/datedpath"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

// apiError is an error answer in one of Factorial's documented shapes.
type apiError struct {
	status int
	body   any
	header http.Header // extra headers (the dated API's scope refusal)
}

var (
	errForbidden = &apiError{status: http.StatusForbidden, body: map[string]any{"errors": []string{"Forbidden access to this resource"}}}
	//lint:ignore ST1005 Rails' own message, sent to clients verbatim.
	errMalformed = errors.New("There was a problem in the JSON you submitted")
)

// errNoMatch is the 404 of an operation that answers the first record its
// filters match, when none does.
var errNoMatch = &apiError{status: http.StatusNotFound, body: map[string]any{"errors": "Resource not found"}}

// notFound is Factorial's 404: {"errors": "Resource #111 not found"}.
func notFound(id string) *apiError {
	return &apiError{status: http.StatusNotFound, body: map[string]any{"errors": "Resource #" + id + " not found"}}
}

// msgBlank is Rails' presence message, the answer for a required field
// that is missing or blank.
const msgBlank = "can't be blank"

// missing is the 422 for required fields that are missing or blank.
func missing(fields []string) *apiError {
	f := make(map[string][]string, len(fields))
	for _, name := range fields {
		f[name] = []string{msgBlank}
	}
	return fieldErrors(f)
}

// invalid is a 422 with messages per field: {"errors": {"field": ["msg"]}}.
func invalid(field, msg string) *apiError {
	return fieldErrors(map[string][]string{field: {msg}})
}

func fieldErrors(f map[string][]string) *apiError {
	return &apiError{status: http.StatusUnprocessableEntity, body: map[string]any{"errors": f}}
}

// fail answers an error, in the dated API's shapes on its routes.
func (c *call) fail(e *apiError) {
	c.failed = true
	if c.rt != nil && c.rt.dated {
		e = datedError(e)
		for k, v := range e.header {
			c.w.Header()[k] = v
		}
	}
	writeJSON(c.w, e.status, e.body)
}

// unauthorized is Doorkeeper's answer to a missing, expired or revoked
// token: 401, empty body, the reason in WWW-Authenticate. The reason is
// the authenticator's *InvalidTokenError description when it gave one.
func unauthorized(w http.ResponseWriter, err error) {
	desc := reasonInvalid
	var ite *InvalidTokenError
	if errors.As(err, &ite) && ite.Description != "" {
		desc = ite.Description
	}
	w.Header().Set("WWW-Authenticate", `Bearer realm="Doorkeeper", error="invalid_token", error_description="`+desc+`"`)
	w.WriteHeader(http.StatusUnauthorized)
}

const reasonInvalid = "The access token is invalid"

// InvalidTokenError is an authentication failure with Doorkeeper's reason
// ("The access token expired", "The access token was revoked"); an
// Authenticator returns it so the 401's WWW-Authenticate says why.
type InvalidTokenError struct{ Description string }

func (e *InvalidTokenError) Error() string { return "sandbox: " + e.Description }

// InvalidToken answers like Doorkeeper for a token that expired or was
// revoked. Fault.Respond takes it to expire tokens mid-test.
var InvalidToken http.Handler = http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) { unauthorized(w, nil) })

// requestError answers a request the spec rejects the way the real server
// would:
//
//   - a body over MaxBodyBytes: 413, before anything else (the proxy in
//     front of the app refuses it);
//   - credentials missing, or rejected by the authenticator: 401, empty
//     body (Doorkeeper runs before the controller);
//   - a path parameter that is not an id (/employees/abc): 404
//     {"errors": "Resource #abc not found"} (ActiveRecord's find);
//   - malformed JSON or a missing required body: 400 {"errors": "..."}
//     (Rails' ParseError / ParameterMissing);
//   - a query or header parameter of the wrong type or value: 400
//     {"errors": "Invalid value for parameter x"} (BadRequest);
//   - a body that fails the schema: 422 {"errors": {"field": ["msg"]}} with
//     Rails-style messages ("can't be blank", "is invalid", "is not
//     included in the list").
//
// On the dated API the same answers come in its shapes (datedError), and a
// token lacking the operation's scope is refused first (403).
func (s *Sandbox) requestError(w http.ResponseWriter, r *http.Request, err error) {
	if tooLarge(err) {
		e := errTooLarge
		if datedpath.Is(r.URL.Path) {
			e = datedError(e)
		}
		writeJSON(w, e.status, e.body)
		return
	}
	p, aerr := s.auth(r)
	if aerr != nil || p.zero() {
		unauthorized(w, aerr)
		return
	}
	var d diagnosis
	d.walk(err)
	d.malformed = d.malformed || malformedJSON(r)
	if d.security {
		unauthorized(w, nil)
		return
	}
	e := s.diagnosed(r, &d, err)
	if datedpath.Is(r.URL.Path) {
		// Doorkeeper checks the token's scopes before the controller
		// looks at the parameters: a token without the scope is refused
		// whatever it sent.
		if rt := s.routeOf(r); rt != nil {
			if se := scopeError(rt, p); se != nil {
				e = se
			}
		}
		e = datedError(e)
		for k, v := range e.header {
			w.Header()[k] = v
		}
	}
	writeJSON(w, e.status, e.body)
}

// diagnosed is the answer to a request the spec rejects for the reasons d
// collected (see requestError).
func (s *Sandbox) diagnosed(r *http.Request, d *diagnosis, err error) *apiError {
	switch {
	case d.path != "":
		return &apiError{status: http.StatusNotFound, body: map[string]any{"errors": "Resource #" + d.path + " not found"}}
	case d.malformed:
		msg := errMalformed.Error()
		if !strings.Contains(r.Header.Get("Content-Type"), "json") {
			msg = "The request body could not be parsed"
		}
		return &apiError{status: http.StatusBadRequest, body: map[string]any{"errors": msg}}
	case d.missingBody:
		return &apiError{status: http.StatusBadRequest, body: map[string]any{"errors": "param is missing or the value is empty"}}
	case len(d.params) > 0:
		sort.Strings(d.params)
		return &apiError{status: http.StatusBadRequest, body: map[string]any{"errors": "Invalid value for parameter " + strings.Join(d.params, ", ")}}
	case len(d.fields) > 0:
		// Rails reports every invalid field at once: blank required
		// strings, which the schema accepts, join the fields it rejected,
		// each answered as missing.
		for _, f := range s.blankFields(r) {
			d.fields[f] = []string{msgBlank}
		}
		return fieldErrors(d.fields)
	}
	return &apiError{status: http.StatusUnprocessableEntity, body: map[string]any{"errors": map[string][]string{"base": {err.Error()}}}}
}

// routeOf is the route of the operation the validator matched for r, if
// any.
func (s *Sandbox) routeOf(r *http.Request) *route {
	sr := specvalidate.RouteFromContext(r.Context())
	if sr == nil {
		return nil
	}
	return s.byOper[sr.Operation()]
}

// blankFields lists the blank required strings of r's body (see
// blankRequired), for a request the validator routed.
func (s *Sandbox) blankFields(r *http.Request) []string {
	rt := s.routeOf(r)
	if rt == nil || rt.body == nil {
		return nil
	}
	c := &call{s: s, r: r, rt: rt, pj: newProjector(s.clock())}
	if c.parseInput() != nil {
		return nil
	}
	return blankRequired(rt.body, c.in)
}

// malformedJSON reports a JSON request body that Rails' parser refuses
// (decodeJSON) although the schema validator read it: trailing data after
// the value, invalid UTF-8. The body parses before any parameter is
// looked at, so that is the answer.
func malformedJSON(r *http.Request) bool {
	if r.GetBody == nil || !strings.Contains(r.Header.Get("Content-Type"), "json") {
		return false
	}
	rc, err := r.GetBody()
	if err != nil {
		return false
	}
	defer rc.Close()
	b, err := io.ReadAll(rc)
	if err != nil || len(bytes.TrimSpace(b)) == 0 {
		return false
	}
	_, err = decodeJSON(b)
	return err != nil
}

type diagnosis struct {
	security, malformed, missingBody bool
	path                             string
	params                           []string
	fields                           map[string][]string
}

func (d *diagnosis) walk(err error) {
	switch e := err.(type) {
	case *specvalidate.Error:
		d.walk(e.Err)
	case openapi3.MultiError:
		for _, x := range e {
			d.walk(x)
		}
	case *openapi3filter.SecurityRequirementsError:
		d.security = true
	case *openapi3filter.RequestError:
		switch {
		case e.Parameter != nil && e.Parameter.In == openapi3.ParameterInPath:
			d.path = pathValue(e)
		case e.Parameter != nil:
			d.params = append(d.params, e.Parameter.Name)
		case e.RequestBody != nil:
			if e.Err == nil || errors.Is(e.Err, openapi3filter.ErrInvalidRequired) {
				d.missingBody = true
				return
			}
			before := len(d.fields)
			d.schema(e.Err)
			if len(d.fields) == before {
				d.malformed = true
			}
		default:
			d.schema(e.Err)
		}
	default:
		d.schema(err)
	}
}

// schema collects the schema errors under err as field messages.
func (d *diagnosis) schema(err error) {
	if multi, ok := err.(openapi3.MultiError); ok {
		for _, e := range multi {
			d.schema(e)
		}
		return
	}
	var se *openapi3.SchemaError
	if !errors.As(err, &se) {
		return
	}
	field := strings.Join(se.JSONPointer(), ".")
	if field == "" {
		field = "base"
	}
	msg := se.Reason
	switch se.SchemaField {
	case "required":
		msg = msgBlank
	case "type", "format", "pattern":
		msg = "is invalid"
	case "enum":
		msg = "is not included in the list"
	}
	if d.fields == nil {
		d.fields = map[string][]string{}
	}
	d.fields[field] = append(d.fields[field], msg)
}

func pathValue(re *openapi3filter.RequestError) string {
	if re.Input != nil && re.Input.PathParams != nil {
		if v, ok := re.Input.PathParams[re.Parameter.Name]; ok {
			return v
		}
	}
	return re.Parameter.Name
}
