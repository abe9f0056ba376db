// Package validate checks a Client's responses against the OpenAPI
// documents this module is generated from (openapi.yaml for v1 and OAuth,
// openapi-resources.yaml for the dated API):
//
//	c, err := factorial.NewClient(factorial.WithAPIKey(key), validate.Responses(factorial.ValidationLog))
//
// The documents and the parser that reads them (kin-openapi, YAML, JSON
// schema) are linked only into programs that import this package. Each
// document is parsed once per process, on the first response of its API
// that needs validating.
package validate

import (
	"context"
	"errors"
	"net/http"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/internal/datedpath"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

// Responses validates every response against the spec: drift is logged at
// Warn level (ValidationLog), or a drifting 2xx becomes an *factorial.Error
// of kind KindSpecDrift (ValidationStrict).
func Responses(mode factorial.ValidationMode) factorial.Option {
	return factorial.WithResponseValidator(Validator{}, mode)
}

// Validator is the factorial.ResponseValidator of the embedded specs.
type Validator struct{}

// ValidateResponse implements factorial.ResponseValidator.
func (Validator) ValidateResponse(ctx context.Context, req *http.Request, status int, header http.Header, body []byte) []string {
	v, err := specvalidate.New()
	if datedpath.Is(req.URL.Path) {
		v, err = specvalidate.NewResources()
	}
	if err != nil {
		return []string{"spec unavailable: " + err.Error()}
	}
	route, err := v.FindRoute(req)
	if err != nil {
		return nil // not an operation of the spec: nothing to hold it to
	}
	return problems(v.ValidateResponse(ctx, req, route, status, header, body))
}

// problems renders a validation failure as one line per problem: the JSON
// pointer and kin-openapi's reason. Values never appear: kin-openapi's own
// Error() strings embed the offending value, and a token response or an
// employee record must not end up in a log because a field drifted.
func problems(err error) []string {
	var out []string
	var visit func(err error, prefix string)
	visit = func(err error, prefix string) {
		switch e := err.(type) {
		case nil:
		case *specvalidate.Error:
			visit(e.Err, prefix)
		case *openapi3filter.ResponseError:
			switch e.Err.(type) {
			case openapi3.MultiError, *openapi3.SchemaError:
				visit(e.Err, prefix+e.Reason+": ")
			default:
				// Decode and read failures carry body excerpts; the reason
				// alone says enough.
				out = append(out, prefix+e.Reason)
			}
		case openapi3.MultiError:
			for _, inner := range e {
				visit(inner, prefix)
			}
		case *openapi3.SchemaError:
			reason := e.Reason
			if reason == "" {
				reason = "does not match the schema's " + e.SchemaField
			}
			out = append(out, prefix+"at /"+strings.Join(e.JSONPointer(), "/")+": "+reason)
		default:
			if inner := errors.Unwrap(err); inner != nil {
				visit(inner, prefix)
				return
			}
			out = append(out, prefix+"invalid response")
		}
	}
	visit(err, "")
	return out
}
