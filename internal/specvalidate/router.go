package specvalidate

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
)

// segmentRouter finds the operation of a request by walking a trie of path
// segments, keyed by method at the leaves. It returns what kin-openapi's
// gorillamux router returns for the same spec (the same route fields, the
// same path parameters, the same errors) without its cost: gorillamux tries
// one regular expression per spec path in turn and allocates a route, a
// match and a parameter map for every attempt, which made route lookup the
// largest single cost of a client call and of every request a fake server
// validates.
//
// It reproduces gorillamux's rules exactly for the templates it accepts
// (newSegmentRouter refuses any other, and New then fails):
//   - the request's escaped path is matched, as gorillamux does with
//     UseEncodedPath, and parameter values are the escaped segments;
//   - a {name} parameter is a whole segment and matches one or more
//     characters other than '/' (gorilla's default pattern [^/]+);
//   - when several templates match, the first in
//     openapi3.Paths.InMatchingOrder wins, and the method is only checked
//     against that one (ErrMethodNotAllowed even if a later template would
//     have the method);
//   - no template matches: ErrPathNotFound.
type segmentRouter struct {
	root *segNode
}

type segNode struct {
	literal map[string]*segNode
	param   *segNode
	end     *pathEntry
}

// pathEntry is one spec path and its precomputed routes.
type pathEntry struct {
	order  int // position in InMatchingOrder: lower wins
	item   *openapi3.PathItem
	params []pathParam
	// routes holds, per method with an operation, the route handed out
	// for it. Routes of parameterless paths are shared by every request:
	// Route and routers.Route are read-only to their users.
	routes map[string]*Route
	base   routers.Route // Spec, Server, Path, PathItem
}

type pathParam struct {
	segment int // index of the segment after the leading '/'
	name    string
}

// emptyParams is the PathParams of every parameterless route (gorillamux
// returned an empty, non-nil map).
var emptyParams = map[string]string{}

// newSegmentRouter builds the trie, or returns an error for a spec it
// cannot route exactly like gorillamux (a parameter that is not a whole
// segment or has a custom pattern, per-path servers, more than one server,
// a server with a host, scheme, path or variables).
func newSegmentRouter(doc *openapi3.T) (*segmentRouter, error) {
	if len(doc.Servers) > 1 {
		return nil, fmt.Errorf("specvalidate: segment router: %d servers", len(doc.Servers))
	}
	var server *openapi3.Server
	if len(doc.Servers) == 1 {
		server = doc.Servers[0]
		if server.URL != "/" && server.URL != "" {
			return nil, fmt.Errorf("specvalidate: segment router: server %q", server.URL)
		}
	}
	r := &segmentRouter{root: &segNode{}}
	for order, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		if len(item.Servers) > 0 {
			return nil, fmt.Errorf("specvalidate: segment router: %s has its own servers", path)
		}
		if !strings.HasPrefix(path, "/") {
			return nil, fmt.Errorf("specvalidate: segment router: path %q", path)
		}
		e := &pathEntry{
			order:  order,
			item:   item,
			routes: map[string]*Route{},
			base:   routers.Route{Spec: doc, Server: server, Path: path, PathItem: item},
		}
		n := r.root
		for i, seg := range strings.Split(path[1:], "/") {
			if strings.ContainsAny(seg, "{}") {
				if len(seg) < 3 || seg[0] != '{' || seg[len(seg)-1] != '}' || strings.ContainsAny(seg[1:len(seg)-1], "{}:") {
					return nil, fmt.Errorf("specvalidate: segment router: %s: segment %q", path, seg)
				}
				e.params = append(e.params, pathParam{segment: i, name: seg[1 : len(seg)-1]})
				if n.param == nil {
					n.param = &segNode{}
				}
				n = n.param
				continue
			}
			if n.literal == nil {
				n.literal = map[string]*segNode{}
			}
			next := n.literal[seg]
			if next == nil {
				next = &segNode{}
				n.literal[seg] = next
			}
			n = next
		}
		if n.end == nil { // an earlier path with the same shape shadows it, as in gorillamux
			n.end = e
		}
		for method, op := range item.Operations() {
			e.routes[method] = e.newRoute(method, op, nil)
		}
	}
	return r, nil
}

func (e *pathEntry) newRoute(method string, op *openapi3.Operation, params map[string]string) *Route {
	rt := e.base
	rt.Method, rt.Operation = method, op
	if params == nil {
		params = emptyParams
	}
	return &Route{route: &rt, params: params}
}

// find returns the route for req, or routers.ErrPathNotFound /
// routers.ErrMethodNotAllowed.
func (r *segmentRouter) find(req *http.Request) (*Route, error) {
	path := req.URL.EscapedPath()
	if !strings.HasPrefix(path, "/") {
		return nil, routers.ErrPathNotFound
	}
	e := r.root.match(path[1:], nil)
	if e == nil {
		return nil, routers.ErrPathNotFound
	}
	if len(e.params) == 0 {
		if rt := e.routes[req.Method]; rt != nil {
			return rt, nil
		}
	}
	op := e.item.GetOperation(req.Method)
	if op == nil {
		return nil, routers.ErrMethodNotAllowed
	}
	if len(e.params) == 0 {
		return e.newRoute(req.Method, op, nil), nil
	}
	params := make(map[string]string, len(e.params))
	seg, at := 0, 0
	for _, p := range e.params {
		for ; seg < p.segment; seg++ {
			at += strings.IndexByte(path[at+1:], '/') + 1
		}
		value := path[at+1:]
		if i := strings.IndexByte(value, '/'); i >= 0 {
			value = value[:i]
		}
		params[p.name] = value
	}
	if rt := e.routes[req.Method]; rt != nil {
		return &Route{route: rt.route, params: params}, nil
	}
	return e.newRoute(req.Method, op, params), nil
}

// match returns the matching entry with the lowest order for rest (the
// path after a '/'), trying literal and parameter children both, or best
// when none beats it.
func (n *segNode) match(rest string, best *pathEntry) *pathEntry {
	seg, tail, more := strings.Cut(rest, "/")
	if next := n.literal[seg]; next != nil {
		best = next.descend(tail, more, best)
	}
	if n.param != nil && seg != "" {
		best = n.param.descend(tail, more, best)
	}
	return best
}

func (n *segNode) descend(tail string, more bool, best *pathEntry) *pathEntry {
	if more {
		return n.match(tail, best)
	}
	if n.end != nil && (best == nil || n.end.order < best.order) {
		return n.end
	}
	return best
}
