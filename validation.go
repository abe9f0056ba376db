package factorial

import (
	"errors"
	"log/slog"
	"net/http"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

// ValidationMode selects what the client does with responses that drift
// from the embedded spec.
type ValidationMode int

const (
	// ValidationOff skips schema validation (the default). The structural
	// checks (declared status and content type, size, and for a service
	// the decode into the generated type) always run.
	ValidationOff ValidationMode = iota
	// ValidationLog validates every response against the spec and logs
	// drift at Warn level; the response is returned as usual.
	ValidationLog
	// ValidationStrict turns drift in a 2xx response into an *Error of
	// kind KindSpecDrift.
	ValidationStrict
)

// WithResponseValidation validates live responses against the embedded
// spec (off by default; validation costs CPU on every response).
func WithResponseValidation(mode ValidationMode) Option {
	return func(c *config) error {
		if mode < ValidationOff || mode > ValidationStrict {
			return configErr("WithResponseValidation", "unknown mode %d", mode)
		}
		c.validation = mode
		return nil
	}
}

// validate runs the optional schema validation. Drift is logged; in strict
// mode a drifting 2xx becomes an *Error.
func (c *call) validate(resp *http.Response, data []byte, success bool) error {
	if c.d.validation == ValidationOff || c.route == nil {
		return nil
	}
	err := c.validator.ValidateResponse(c.ctx, c.routeReq, c.route, resp.StatusCode, resp.Header, data)
	if err == nil {
		return nil
	}
	problems := driftProblems(err)
	for i, p := range problems {
		problems[i] = c.secrets.string(p)
	}
	c.log(slog.LevelWarn, "factorial: response does not match the spec",
		slog.Int("status", resp.StatusCode), slog.Any("problems", problems))
	if c.d.validation != ValidationStrict || !success {
		return nil
	}
	e := c.newError(KindSpecDrift, resp, data, false)
	e.Err = errors.New(strings.Join(problems, "; "))
	return e
}

// driftProblems renders a validation failure as one line per problem: the
// JSON pointer and kin-openapi's reason. Values never appear: kin-openapi's
// own Error() strings embed the offending value, and a token response or an
// employee record must not end up in a log because a field drifted.
func driftProblems(err error) []string {
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
