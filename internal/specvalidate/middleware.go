package specvalidate

import (
	"bytes"
	"context"
	"net/http"
	"strconv"
)

// Middleware validates the traffic of a fake server. A request the spec
// rejects is answered by OnRequestError (the fake decides what the real
// server would send); a response the spec rejects is never sent: the client
// gets a 500 naming the validation error and OnResponseError is called so a
// test can fail.
type Middleware struct {
	Validator       *Validator
	OnRequestError  func(w http.ResponseWriter, r *http.Request, err error)
	OnResponseError func(r *http.Request, err error)
	// SkipRequest, when set and true for a request, passes the request on
	// without request validation (the response is still validated). Fakes
	// use it for routes that must see malformed input to answer it the way
	// the real server does.
	SkipRequest func(r *http.Request, route *Route) bool
	// Prepare, when set, may replace a routed request before it is
	// validated and served: a fake reads the query string the way its
	// framework does (the last of repeated values, say) so that both the
	// validator and the handler see what the real server would.
	Prepare func(r *http.Request, route *Route) *http.Request
}

// Wrap returns next with validation around it. The route it matched
// travels in the request's context (RouteFromContext), so OnRequestError
// and next act on the operation that was validated without routing the
// request again; a request that reaches next without one matched no
// operation of the spec.
func (m *Middleware) Wrap(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		route, err := m.Validator.FindRoute(r)
		if err != nil {
			// Unknown routes reach the fake, which answers 404 like the API.
			next.ServeHTTP(w, r)
			return
		}
		if m.Prepare != nil {
			r = m.Prepare(r, route)
		}
		r = r.WithContext(ContextWithRoute(r.Context(), route))
		if m.SkipRequest == nil || !m.SkipRequest(r, route) {
			if err := m.Validator.ValidateRequest(r.Context(), r, route); err != nil {
				if m.OnRequestError != nil {
					m.OnRequestError(w, r, err)
					return
				}
				http.Error(w, err.Error(), http.StatusBadRequest)
				return
			}
		}
		rec := &recorder{header: http.Header{}}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		if err := m.Validator.ValidateResponse(r.Context(), r, route, rec.status, rec.header, rec.body.Bytes()); err != nil {
			if m.OnResponseError != nil {
				m.OnResponseError(r, err)
			}
			w.Header().Set("Content-Type", "text/plain; charset=utf-8")
			w.Header().Set("X-Spec-Violation", "response")
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = w.Write([]byte(err.Error()))
			return
		}
		for k, vs := range rec.header {
			w.Header()[k] = vs
		}
		if rec.body.Len() > 0 && w.Header().Get("Content-Length") == "" {
			w.Header().Set("Content-Length", strconv.Itoa(rec.body.Len()))
		}
		w.WriteHeader(rec.status)
		_, _ = w.Write(rec.body.Bytes())
	})
}

type routeKey struct{}

// ContextWithRoute returns a copy of ctx that carries route.
func ContextWithRoute(ctx context.Context, route *Route) context.Context {
	return context.WithValue(ctx, routeKey{}, route)
}

// RouteFromContext returns the route Middleware matched for the request
// whose context ctx is, or nil when it matched none.
func RouteFromContext(ctx context.Context) *Route {
	route, _ := ctx.Value(routeKey{}).(*Route)
	return route
}

// recorder buffers a handler's response so it can be validated before any
// byte reaches the client.
type recorder struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (r *recorder) Header() http.Header { return r.header }

func (r *recorder) WriteHeader(status int) {
	if r.status == 0 {
		r.status = status
	}
}

func (r *recorder) Write(b []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	return r.body.Write(b)
}
