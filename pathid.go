package factorial

import (
	"errors"
	"net/http"
	"net/url"
	"strings"
)

// ErrInvalidID is matched (errors.Is) by every *InvalidIDError.
var ErrInvalidID = errors.New("factorial: invalid id")

// InvalidIDError is returned, before anything is sent, by a call whose
// path parameter cannot name one record: an empty id (a Get of an
// employee's unset manager id, say), which would address the collection
// and answer its list, or "." or "..", which would climb a path segment.
type InvalidIDError struct {
	Operation string // the spec's operationId
}

func (e *InvalidIDError) Error() string {
	return "factorial: " + e.Operation + `: a path id is empty, "." or "..", which names no single record`
}

// Is matches ErrInvalidID.
func (e *InvalidIDError) Is(target error) bool { return target == ErrInvalidID }

// checkPathIDs refuses a request built for op whose path, below the
// client's base path, has an empty segment or one that decodes to "." or
// "..". No operation's path has such a segment of its own, so one comes
// from a path parameter: the generated code escapes parameters but
// resolves the path against the server URL, which turns a "." or ".."
// parameter into an empty last segment, and an empty parameter leaves one.
//
// Without a RawPath the URL's Path holds no encoded slash, so its decoded
// segments are checked directly (no escaping to undo, no copy made).
func checkPathIDs(op, basePath string, req *http.Request) error {
	decoded := req.URL.RawPath == ""
	p := req.URL.Path
	if !decoded {
		p = req.URL.EscapedPath()
	}
	p = strings.TrimPrefix(p, basePath)
	p = strings.TrimPrefix(p, "/")
	for {
		seg, rest, more := strings.Cut(p, "/")
		if seg == "" || seg == "." || seg == ".." || (!decoded && strings.IndexByte(seg, '%') >= 0 && dotSegment(seg)) {
			return &InvalidIDError{Operation: op}
		}
		if !more {
			return nil
		}
		p = rest
	}
}

// dotSegment reports an escaped segment that decodes to "." or "..".
func dotSegment(seg string) bool {
	v, err := url.PathUnescape(seg)
	return err == nil && (v == "." || v == "..")
}
