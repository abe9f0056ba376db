package factorial

import (
	"net/http"
	"strconv"
	"strings"
	"sync"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

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

// expect looks up status in the operation's responses. An explicit code or
// its range ("2XX") counts; "default" does not count for a 2xx, because in
// Factorial's spec default is always the error body.
func expect(route *specvalidate.Route, status int) expectation {
	if route == nil {
		return expectation{}
	}
	ref := responseFor(route.Operation().Responses, status)
	if ref == nil || ref.Value == nil {
		return expectation{undocumented: true}
	}
	return expectation{media: declaredMedia(ref.Value)}
}

// mediaByResponse caches declaredMedia: the spec is immutable, and the
// list was rebuilt for every response.
var mediaByResponse sync.Map // *openapi3.Response -> []string

// declaredMedia lists a response's media types, lowercased. The slice is
// shared: callers must not modify it.
func declaredMedia(r *openapi3.Response) []string {
	if m, ok := mediaByResponse.Load(r); ok {
		return m.([]string)
	}
	var media []string
	for mt := range r.Content {
		media = append(media, strings.ToLower(mt))
	}
	m, _ := mediaByResponse.LoadOrStore(r, media)
	return m.([]string)
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

// statusKeys holds "100" to "599", the keys responseFor looks up.
var statusKeys = func() (keys [600]string) {
	for code := 100; code < 600; code++ {
		keys[code] = strconv.Itoa(code)
	}
	return keys
}()

// responseFor is responses.Status(status) without formatting the status
// on every response (strconv allocates for numbers above 99): the exact
// code, else its range ("2XX").
func responseFor(responses *openapi3.Responses, status int) *openapi3.ResponseRef {
	if status < 100 || status >= 600 || responses == nil {
		return responses.Status(status)
	}
	if ref := responses.Value(statusKeys[status]); ref != nil {
		return ref
	}
	return responses.Value(rangeKeys[status/100])
}

var rangeKeys = [6]string{1: "1XX", 2: "2XX", 3: "3XX", 4: "4XX", 5: "5XX"}
