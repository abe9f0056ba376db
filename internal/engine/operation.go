package engine

import (
	"net/http"
	"strings"
)

// Operation describes one operation of either document as the generator
// read it from the spec: a service hands its descriptor to the engine,
// which checks the response against it without parsing the spec or
// matching the URL.
type Operation struct {
	ID     string // the spec's operationId
	Method string
	// Path is the spec's path template: from the host root for openapi.yaml,
	// from /api/<version>/resources for the dated API (Dated).
	Path  string
	Dated bool
	// NoCredentials marks an operation declared with `security: []` (the
	// OAuth token endpoints): no key or token goes with it.
	NoCredentials bool
	// Success lists the declared 2xx responses.
	Success []Response
}

// Response is one declared success status and its media types,
// lowercased; none for a response without a body.
type Response struct {
	Status int
	Media  []string
}

// MediaJSON is the media list of most responses, shared by the generated
// descriptors. It is never modified.
var MediaJSON = []string{"application/json"}

// expectation is what the spec promises for one status of one operation:
// a service decodes a declared JSON body into its type, and the raw
// generated parser returns a result with every typed field nil for a
// status or media type it does not know. So the transport checks the
// status and media type before anything is decoded. A request that matched
// no operation (a hand-built one) gets the zero expectation: generic
// checks only.
type expectation struct {
	// undocumented: a 2xx the operation does not declare.
	undocumented bool
	// media lists the declared media types for the status; empty when the
	// status declares no body.
	media []string
}

// expect looks status up in op's declared successes.
func (op *Operation) expect(status int) expectation {
	if op == nil {
		return expectation{}
	}
	for _, r := range op.Success {
		if r.Status == status {
			return expectation{media: r.Media}
		}
	}
	return expectation{undocumented: true}
}

// match returns the declared media type that contentType satisfies, and
// whether one does. Wildcards in the spec ("*/*", "text/*") match, and any
// JSON media type satisfies a declared JSON one, as it does for the
// generated parser (application/problem+json for application/json).
func (e expectation) match(contentType string) (string, bool) {
	mt := mediaTypeOf(contentType)
	if mt == "" {
		return "", false
	}
	for _, declared := range e.media {
		if declared == mt || declared == "*/*" {
			return declared, true
		}
		if prefix, ok := strings.CutSuffix(declared, "/*"); ok && strings.HasPrefix(mt, prefix+"/") {
			return declared, true
		}
	}
	if isJSONMedia(mt) {
		for _, declared := range e.media {
			if isJSONMedia(declared) {
				return declared, true
			}
		}
	}
	return "", false
}

// isJSONMedia mirrors how the generated parser decides to unmarshal: any
// media type containing "json" (application/json, application/problem+json).
func isJSONMedia(mt string) bool { return strings.Contains(mt, "json") }

// bodyless reports responses that carry no body whatever the headers say.
func bodyless(req *http.Request, status int) bool {
	return req.Method == http.MethodHead || status == http.StatusNoContent || status == http.StatusNotModified
}

// Index finds the descriptor of a request that came without one:
// the raw generated client's and Do's. Service calls never use it.
type Index struct {
	// byShape holds the operations by method and number of path segments.
	byShape map[shapeKey][]indexedOperation
}

type shapeKey struct {
	method   string
	segments int
}

type indexedOperation struct {
	op       *Operation
	segments []string // "" for a {parameter}
}

// NewIndex indexes the descriptors of one document.
func NewIndex(ops ...[]*Operation) *Index {
	ix := &Index{byShape: map[shapeKey][]indexedOperation{}}
	for _, list := range ops {
		for _, op := range list {
			segs := strings.Split(strings.Trim(op.Path, "/"), "/")
			for i, s := range segs {
				if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
					segs[i] = ""
				}
			}
			k := shapeKey{op.Method, len(segs)}
			ix.byShape[k] = append(ix.byShape[k], indexedOperation{op: op, segments: segs})
		}
	}
	return ix
}

// Find returns the operation whose template matches method and path (a
// path in the template's own terms: from the host root, or from the dated
// API's resources root). A literal segment beats a parameter where
// templates overlap (/leaves/summary over /leaves/{id}), as routers do.
func (ix *Index) Find(method, path string) *Operation {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	var best *Operation
	bestLiterals := -1
	for _, cand := range ix.byShape[shapeKey{method, len(segs)}] {
		literals := 0
		ok := true
		for i, s := range cand.segments {
			switch {
			case s == "":
				if segs[i] == "" {
					ok = false
				}
			case s == segs[i]:
				literals++
			default:
				ok = false
			}
			if !ok {
				break
			}
		}
		if ok && literals > bestLiterals {
			best, bestLiterals = cand.op, literals
		}
	}
	return best
}
