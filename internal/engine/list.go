package engine

import (
	"encoding/json"
	"errors"
	"io"
	"iter"
	"reflect"
)

// OpenArray starts decoding a JSON array of T from body: it reads the
// opening bracket, or fails with notArrayError for any other first token.
func OpenArray[T any](body io.Reader) (*json.Decoder, error) {
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

// EndArray reads the closing bracket and makes sure nothing follows it,
// which also drains the body so the connection can be reused.
func EndArray(dec *json.Decoder) error {
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
func decodeKind(err error) Kind {
	var syntax *json.SyntaxError
	if errors.As(err, &syntax) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) || errors.Is(err, errTrailingData) {
		return KindInvalidJSON
	}
	return KindDecode
}

// Lister is the one way a list is read, whatever its shape on the wire: a
// dated API list page by page, a v1 array decoded whole, or a v1 array
// element by element as it arrives. Each call starts a walk of the list
// from its first batch; All yields the elements of each batch in turn and
// Collect gathers them.
type Lister[E any] func() Batches[E]

// Batches is one walk of a list. Next returns the next batch of elements
// and whether another may follow; it is not called again after an error
// or after more is false. Close, when set, releases what an unfinished
// walk holds (an open response body); it runs once the walk ends, however
// it ends.
type Batches[E any] struct {
	Next  func() (batch []E, more bool, err error)
	Close func()
}

// All yields every element of the list, batch after batch, and ends with
// the first error. Stopping early closes the walk.
func (l Lister[E]) All() iter.Seq2[E, error] {
	return func(yield func(E, error) bool) {
		b := l()
		if b.Close != nil {
			defer b.Close()
		}
		for {
			batch, more, err := b.Next()
			if err != nil {
				var zero E
				yield(zero, err)
				return
			}
			for _, v := range batch {
				if !yield(v, nil) {
					return
				}
			}
			if !more {
				return
			}
		}
	}
}

// Collect returns every element of the list, or nil and the first error.
// A list that arrives in one batch is returned as that batch, not copied.
func (l Lister[E]) Collect() ([]E, error) {
	b := l()
	if b.Close != nil {
		defer b.Close()
	}
	var out []E
	for first := true; ; first = false {
		batch, more, err := b.Next()
		if err != nil {
			return nil, err
		}
		if first && !more {
			return batch, nil
		}
		out = append(out, batch...)
		if !more {
			return out, nil
		}
	}
}
