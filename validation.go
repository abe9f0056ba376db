package factorial

import (
	"context"
	"net/http"
)

// ValidationMode selects what the client does with responses that drift
// from the spec.
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

// ResponseValidator checks responses against an API description. Package
// validate has the one for the specs this module is generated from
// (validate.Responses); it lives there so that a program that never
// validates links no OpenAPI parser.
type ResponseValidator interface {
	// ValidateResponse reports how a response to req drifts from the
	// description of its operation: one line per problem, naming where in
	// the body and why, never the offending value. It reports nothing when
	// the response matches or the operation is unknown to it. req's path
	// starts at the API host's root: a base URL path prefix is removed.
	ValidateResponse(ctx context.Context, req *http.Request, status int, header http.Header, body []byte) []string
}

// WithResponseValidator validates live responses with v (off by default;
// validation costs CPU on every response). Most callers want
// validate.Responses(mode), which supplies the validator.
func WithResponseValidator(v ResponseValidator, mode ValidationMode) Option {
	return func(c *config) error {
		if mode < ValidationOff || mode > ValidationStrict {
			return configErr("WithResponseValidator", "unknown mode %d", mode)
		}
		if v == nil && mode != ValidationOff {
			return configErr("WithResponseValidator", "nil validator")
		}
		c.validator, c.validation = v, mode
		return nil
	}
}
