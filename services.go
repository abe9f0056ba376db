package factorial

import (
	"context"
	"fmt"
	"net/http"

	"github.com/factorial-go/factorial/internal/engine"
)

// The generated services (services.gen.go) call these helpers: one request
// built by the generated package, sent through the client's engine, and
// its success body decoded once into the generated type.

// prepare puts the call's context and the client's request editors on a
// request, after refusing a path whose id parameter is empty, "." or ".."
// (*InvalidIDError).
func (c *Client) prepare(ctx context.Context, op *engine.Operation, req *http.Request, err error) (*http.Request, error) {
	if err != nil {
		return nil, fmt.Errorf("factorial: %s: build request: %w", op.ID, err)
	}
	if ctx == nil {
		return nil, fmt.Errorf("factorial: %s: nil context", op.ID)
	}
	if err := checkPathIDs(op.ID, c.engine.BasePath(), req); err != nil {
		return nil, err
	}
	if req.Context() != ctx {
		req = req.WithContext(ctx) // built by a generated constructor
	}
	for _, ed := range c.editors {
		if err := ed(ctx, req); err != nil {
			return nil, fmt.Errorf("factorial: %s: request editor: %w", op.ID, err)
		}
	}
	return req, nil
}

// send performs a call whose every success status carries a body of
// type T.
func send[T any](ctx context.Context, c *Client, op *engine.Operation, req *http.Request, err error) (T, error) {
	var out T
	if req, err = c.prepare(ctx, op, req, err); err != nil {
		return out, err
	}
	if _, err = c.engine.Decode(req, op, &out); err != nil {
		var zero T // not what a failed decode left half-filled
		return zero, err
	}
	return out, nil
}

// sendOptional performs a call where some success statuses carry a T and
// others no body (a delete answering 200 with the object or 204): nil
// means the server sent none.
func sendOptional[T any](ctx context.Context, c *Client, op *engine.Operation, req *http.Request, err error) (*T, error) {
	if req, err = c.prepare(ctx, op, req, err); err != nil {
		return nil, err
	}
	out := new(T)
	decoded, err := c.engine.Decode(req, op, out)
	if err != nil || !decoded {
		return nil, err
	}
	return out, nil
}

// sendNoContent performs a call whose success has no body.
func sendNoContent(ctx context.Context, c *Client, op *engine.Operation, req *http.Request, err error) error {
	if req, err = c.prepare(ctx, op, req, err); err != nil {
		return err
	}
	_, err = c.engine.Decode(req, op, nil)
	return err
}
