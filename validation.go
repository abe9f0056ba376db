package factorial

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
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

// validate runs the optional schema validation. Drift is logged; in strict
// mode a drifting 2xx becomes an *Error.
func (c *call) validate(resp *http.Response, data []byte, success bool) error {
	if c.d.validation == ValidationOff || c.operation == nil {
		return nil
	}
	req := c.req
	if c.d.basePath != "" {
		u := *req.URL
		u.Path, u.RawPath = strings.TrimPrefix(u.Path, c.d.basePath), ""
		req = req.WithContext(c.ctx)
		req.URL = &u
	}
	problems := c.d.validator.ValidateResponse(c.ctx, req, resp.StatusCode, resp.Header, data)
	if len(problems) == 0 {
		return nil
	}
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
