package factorial

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"iter"
	"net/http"
	"reflect"

	"github.com/factorial-go/factorial/resources"
)

// The generated services (services.gen.go) call these helpers: one request
// built by the generated package, sent through the client's transport, and
// its success body decoded once into the generated type.

// prepare puts the call's context and the client's request editors on a
// request, after refusing a path whose id parameter is empty, "." or ".."
// (*InvalidIDError).
func (c *Client) prepare(ctx context.Context, op *operation, req *http.Request, err error) (*http.Request, error) {
	if err != nil {
		return nil, fmt.Errorf("factorial: %s: build request: %w", op.id, err)
	}
	if ctx == nil {
		return nil, fmt.Errorf("factorial: %s: nil context", op.id)
	}
	if err := checkPathIDs(op.id, c.engine.basePath, req); err != nil {
		return nil, err
	}
	if req.Context() != ctx {
		req = req.WithContext(ctx) // built by a generated constructor
	}
	for _, ed := range c.editors {
		if err := ed(ctx, req); err != nil {
			return nil, fmt.Errorf("factorial: %s: request editor: %w", op.id, err)
		}
	}
	return req, nil
}

// send performs a call whose every success status carries a body of
// type T.
func send[T any](ctx context.Context, c *Client, op *operation, req *http.Request, err error) (T, error) {
	var out T
	if req, err = c.prepare(ctx, op, req, err); err != nil {
		return out, err
	}
	if _, err = c.engine.decode(req, op, &out); err != nil {
		var zero T // not what a failed decode left half-filled
		return zero, err
	}
	return out, nil
}

// sendOptional performs a call where some success statuses carry a T and
// others no body (a delete answering 200 with the object or 204): nil
// means the server sent none.
func sendOptional[T any](ctx context.Context, c *Client, op *operation, req *http.Request, err error) (*T, error) {
	if req, err = c.prepare(ctx, op, req, err); err != nil {
		return nil, err
	}
	out := new(T)
	decoded, err := c.engine.decode(req, op, out)
	if err != nil || !decoded {
		return nil, err
	}
	return out, nil
}

// sendNoContent performs a call whose success has no body.
func sendNoContent(ctx context.Context, c *Client, op *operation, req *http.Request, err error) error {
	if req, err = c.prepare(ctx, op, req, err); err != nil {
		return err
	}
	_, err = c.engine.decode(req, op, nil)
	return err
}

// streamElements performs a list call and yields its elements as they are decoded
// from the connection. Opening the array and decoding the first element
// happen inside the transport's attempt, so a failure there is retried like
// any other; once an element has been yielded the call is committed, and a
// later failure ends the sequence with an *Error.
//
// With response validation on, the whole body is needed to validate it,
// so the list is read at once and then yielded.
func streamElements[T any](ctx context.Context, c *Client, op *operation, build func() (*http.Request, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		var zero T
		built, err := build()
		req, err := c.prepare(ctx, op, built, err)
		if err != nil {
			yield(zero, err)
			return
		}
		if c.engine.validation != ValidationOff {
			var all []T
			if _, err := c.engine.decode(req, op, &all); err != nil {
				yield(zero, err)
				return
			}
			for _, v := range all {
				if !yield(v, nil) {
					return
				}
			}
			return
		}

		var dec *json.Decoder
		var first T
		empty := false
		open := func(body io.Reader) error {
			first, empty = zero, false
			var err error
			if dec, err = openArray[T](body); err != nil {
				return err
			}
			if !dec.More() {
				// "[]", or a read failure More cannot report: endArray
				// tells them apart, still inside the attempt.
				empty = true
				return endArray(dec)
			}
			return dec.Decode(&first)
		}
		s, err := c.engine.startStream(req, op, open)
		if err != nil {
			yield(zero, err)
			return
		}
		defer s.close()
		if empty {
			return
		}
		if !yield(first, nil) {
			return
		}
		for dec.More() {
			var v T
			if err := dec.Decode(&v); err != nil {
				yield(zero, s.fail(err))
				return
			}
			if !yield(v, nil) {
				return
			}
		}
		if err := endArray(dec); err != nil {
			yield(zero, s.fail(err))
		}
	}
}

// listAll performs a listAll call. A big (or unannounced) body is decoded
// element by element into the slice, inside the attempt: it is never held
// whole beside the result, a read failure is retried like any other, and
// it stays bounded by WithMaxResponseBytes. A body announced small is read
// and decoded whole, which is faster there. With response validation on,
// every body is read whole to be validated.
func listAll[T any](ctx context.Context, c *Client, op *operation, req *http.Request, err error) ([]T, error) {
	if c.engine.validation != ValidationOff {
		return send[[]T](ctx, c, op, req, err)
	}
	if req, err = c.prepare(ctx, op, req, err); err != nil {
		return nil, err
	}
	var out []T
	open := func(body io.Reader) error {
		out = nil // a retried attempt starts over
		dec, err := openArray[T](body)
		if err != nil {
			return err
		}
		out = make([]T, 0)
		for dec.More() {
			var v T
			if err := dec.Decode(&v); err != nil {
				return err
			}
			out = append(out, v)
		}
		return endArray(dec)
	}
	if err := c.engine.list(req, op, &out, open); err != nil {
		return nil, err
	}
	return out, nil
}

// openArray starts decoding a JSON array of T from body: it reads the
// opening bracket, or fails with notArrayError for any other first token.
func openArray[T any](body io.Reader) (*json.Decoder, error) {
	dec := json.NewDecoder(body)
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, &notArrayError{json.UnmarshalTypeError{Value: tokenKind(tok), Type: reflect.TypeFor[[]T](), Offset: dec.InputOffset()}}
	}
	return dec, nil
}

// endArray reads the closing bracket and makes sure nothing follows it,
// which also drains the body so the connection can be reused.
func endArray(dec *json.Decoder) error {
	if _, err := dec.Token(); err != nil {
		return err
	}
	if _, err := dec.Token(); err != io.EOF {
		if err == nil {
			return errTrailingData
		}
		return err
	}
	return nil
}

var errTrailingData = errors.New("data after the top-level array")

// notArrayError is a list body that does not start with '['. Whether it
// is well-formed JSON of another kind (KindDecode) or not JSON at all
// (KindInvalidJSON) is decided from the rest of the body.
type notArrayError struct{ json.UnmarshalTypeError }

// tokenKind names a JSON token's kind for a decode error.
func tokenKind(tok json.Token) string {
	switch t := tok.(type) {
	case json.Delim:
		if t == '{' {
			return "object"
		}
		return "array"
	case string:
		return "string"
	case bool:
		return "bool"
	case nil:
		return "null"
	}
	return "number"
}

// decodeKind classifies a decode failure: JSON that is not well-formed
// (truncated included) or JSON that does not fit the generated type.
func decodeKind(err error) ErrorKind {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.Is(err, errTrailingData) {
		return KindInvalidJSON
	}
	return KindDecode
}

// walkPages walks a paginated list of the dated API: it fetches a page,
// yields its elements, and moves on with meta.end_cursor in after_id (or,
// without cursors, the next page number) until meta.has_next_page is
// false. Each page is one send, with its own retries; one page is in
// memory at a time. cursor returns the addresses of params' after_id and
// page fields, which walkPages sets on its own copy of params.
func walkPages[E, Pg, P any](ctx context.Context, c *Client, op *operation, params *P,
	build func(*P) (*http.Request, error),
	split func(*Pg) ([]E, resources.PageMeta),
	cursor func(*P) (**string, **int),
) iter.Seq2[E, error] {
	return func(yield func(E, error) bool) {
		var zero E
		var p P
		if params != nil {
			p = *params
		}
		for {
			req, err := build(&p)
			pg, err := send[Pg](ctx, c, op, req, err)
			if err != nil {
				yield(zero, err)
				return
			}
			items, meta := split(&pg)
			for _, it := range items {
				if !yield(it, nil) {
					return
				}
			}
			if !meta.HasNextPage {
				return
			}
			after, page := cursor(&p)
			switch {
			case meta.EndCursor != nil && *meta.EndCursor != "":
				if *after != nil && **after == *meta.EndCursor {
					yield(zero, fmt.Errorf("factorial: %s: the server answered the same end_cursor twice with has_next_page true", op.id))
					return
				}
				next := *meta.EndCursor
				*after, *page = &next, nil
			case len(items) == 0:
				yield(zero, fmt.Errorf("factorial: %s: an empty page with has_next_page true and no cursor", op.id))
				return
			default:
				next := 2
				if *page != nil {
					next = **page + 1
				}
				*after, *page = nil, &next
			}
		}
	}
}

// collect gathers a sequence into a slice, stopping at the first error.
func collect[E any](seq iter.Seq2[E, error]) ([]E, error) {
	var out []E
	for v, err := range seq {
		if err != nil {
			return nil, err
		}
		out = append(out, v)
	}
	return out, nil
}
