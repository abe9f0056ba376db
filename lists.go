package factorial

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"

	"github.com/factorial-go/factorial/internal/engine"
	"github.com/factorial-go/factorial/resources"
)

// Every list of either API is an engine.Lister: its All is the services'
// iterator (ListIter) and its Collect their List. What differs is how a
// batch arrives, one source per shape of the wire:
//
//   - pages: a dated API list, one page per batch, following the cursor;
//   - wholeArray: a v1 array, the whole of it as one batch;
//   - arrayElements: a v1 array, one element per batch, read from the
//     connection as it arrives.

// pages reads a paginated list of the dated API: a page per batch, moving
// on with meta.end_cursor in after_id (or, without cursors, the next page
// number) until meta.has_next_page is false. Each page is one send, with
// its own retries; one page is in memory at a time. cursor returns the
// addresses of params' after_id and page fields, which pages sets on its
// own copy of params: params is never modified.
func pages[E, Pg, P any](ctx context.Context, c *Client, op *engine.Operation, params *P,
	build func(*P) (*http.Request, error),
	split func(*Pg) ([]E, resources.PageMeta),
	cursor func(*P) (**string, **int),
) engine.Lister[E] {
	return func() engine.Batches[E] {
		var p P
		if params != nil {
			p = *params
		}
		var pending error // a broken cursor, returned after the page that sent it
		next := func() ([]E, bool, error) {
			if pending != nil {
				return nil, false, pending
			}
			req, err := build(&p)
			pg, err := send[Pg](ctx, c, op, req, err)
			if err != nil {
				return nil, false, err
			}
			items, meta := split(&pg)
			if !meta.HasNextPage {
				return items, false, nil
			}
			after, page := cursor(&p)
			switch {
			case meta.EndCursor != nil && *meta.EndCursor != "":
				if *after != nil && **after == *meta.EndCursor {
					pending = fmt.Errorf("factorial: %s: the server answered the same end_cursor twice with has_next_page true", op.ID)
					break
				}
				next := *meta.EndCursor
				*after, *page = &next, nil
			case len(items) == 0:
				pending = fmt.Errorf("factorial: %s: an empty page with has_next_page true and no cursor", op.ID)
			default:
				next := 2
				if *page != nil {
					next = **page + 1
				}
				*after, *page = nil, &next
			}
			return items, true, nil
		}
		return engine.Batches[E]{Next: next}
	}
}

// wholeArray reads a v1 list call's array as one batch. A big (or
// unannounced) body is decoded element by element into the slice, inside
// the attempt: it is never held whole beside the result, a read failure is
// retried like any other, and it stays bounded by WithMaxResponseBytes. A
// body announced small is read and decoded whole, which is faster there.
// With response validation on, every body is read whole to be validated.
func wholeArray[T any](ctx context.Context, c *Client, op *engine.Operation, build func() (*http.Request, error)) engine.Lister[T] {
	return func() engine.Batches[T] {
		next := func() ([]T, bool, error) {
			req, err := build()
			if c.engine.Validation() != engine.ValidationOff {
				all, err := send[[]T](ctx, c, op, req, err)
				return all, false, err
			}
			if req, err = c.prepare(ctx, op, req, err); err != nil {
				return nil, false, err
			}
			var out []T
			open := func(body io.Reader) error {
				out = nil // a retried attempt starts over
				dec, err := engine.OpenArray[T](body)
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
				return engine.EndArray(dec)
			}
			if err := c.engine.DecodeList(req, op, &out, open); err != nil {
				return nil, false, err
			}
			return out, false, nil
		}
		return engine.Batches[T]{Next: next}
	}
}

// arrayElements reads a v1 list call's array one element per batch, as
// the elements are decoded from the connection. Opening the array and
// decoding the first element happen inside the engine's attempt, so a
// failure there is retried like any other; once the first batch is out
// the call is committed, and a later failure ends the walk with an *Error.
// With response validation on, the whole body is needed to validate it,
// so the array comes as one batch.
func arrayElements[T any](ctx context.Context, c *Client, op *engine.Operation, build func() (*http.Request, error)) engine.Lister[T] {
	return func() engine.Batches[T] {
		if c.engine.Validation() != engine.ValidationOff {
			return wholeArray[T](ctx, c, op, build)()
		}
		var (
			stream *engine.Stream
			dec    *json.Decoder
			one    [1]T // the batch, reused: All yields it before asking for the next
		)
		next := func() ([]T, bool, error) {
			var zero T
			if stream == nil {
				req, err := build()
				if req, err = c.prepare(ctx, op, req, err); err != nil {
					return nil, false, err
				}
				empty := false
				open := func(body io.Reader) error {
					one[0], empty = zero, false
					var err error
					if dec, err = engine.OpenArray[T](body); err != nil {
						return err
					}
					if !dec.More() {
						// "[]", or a read failure More cannot report:
						// EndArray tells them apart, still inside the
						// attempt.
						empty = true
						return engine.EndArray(dec)
					}
					return dec.Decode(&one[0])
				}
				s, err := c.engine.StartStream(req, op, open)
				if err != nil {
					return nil, false, err
				}
				stream = s
				if empty {
					return nil, false, nil
				}
				return one[:], true, nil
			}
			if !dec.More() {
				if err := engine.EndArray(dec); err != nil {
					return nil, false, stream.Fail(err)
				}
				return nil, false, nil
			}
			one[0] = zero
			if err := dec.Decode(&one[0]); err != nil {
				return nil, false, stream.Fail(err)
			}
			return one[:], true, nil
		}
		closeStream := func() {
			if stream != nil {
				stream.Close()
			}
		}
		return engine.Batches[T]{Next: next, Close: closeStream}
	}
}
