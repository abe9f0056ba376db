package engine

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
)

// Validation is what the engine does with responses that drift from the
// spec; the public validation mode documents each value.
type Validation int

// The validation modes, in the public mode's order.
const (
	ValidationOff Validation = iota
	ValidationLog
	ValidationStrict
)

// Validator checks responses against an API description; the public
// response validator interface documents it.
type Validator interface {
	ValidateResponse(ctx context.Context, req *http.Request, status int, header http.Header, body []byte) []string
}

// validate runs the optional schema validation. Drift is logged; in strict
// mode a drifting 2xx becomes a *Failure.
func (c *exchange) validate(resp *http.Response, data []byte, success bool) error {
	if c.eng.validation == ValidationOff || c.operation == nil {
		return nil
	}
	req := c.req
	if c.eng.basePath != "" {
		u := *req.URL
		u.Path, u.RawPath = strings.TrimPrefix(u.Path, c.eng.basePath), ""
		req = req.WithContext(c.ctx)
		req.URL = &u
	}
	problems := c.eng.validator.ValidateResponse(c.ctx, req, resp.StatusCode, resp.Header, data)
	if len(problems) == 0 {
		return nil
	}
	for i, p := range problems {
		problems[i] = c.secrets.string(p)
	}
	c.log(slog.LevelWarn, "factorial: response does not match the spec",
		slog.Int("status", resp.StatusCode), slog.Any("problems", problems))
	if c.eng.validation != ValidationStrict || !success {
		return nil
	}
	e := c.newError(KindSpecDrift, resp, data, false)
	e.Err = errors.New(strings.Join(problems, "; "))
	return e
}
