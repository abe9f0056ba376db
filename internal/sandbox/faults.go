package sandbox

import (
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/factorial-go/factorial/internal/datedpath"
)

// Fault makes matching requests misbehave, for testing a client's retries,
// timeouts and error handling. Faults run before authentication and spec
// validation, like a proxy or load balancer failing in front of the API.
type Fault struct {
	// Match selects requests: an operationId ("ListEmployees"), a spec path
	// template ("/api/v1/employees/{id}") or a glob on the request path
	// ("/api/v1/time/*"; a trailing * also matches deeper paths), optionally
	// prefixed by a method ("POST /api/*").
	// Empty matches every request.
	Match string
	// Times is how many matching requests the fault applies to (one-shot =
	// 1); 0 means until removed.
	Times int

	Latency    time.Duration // delay before answering (or before passing on)
	Status     int           // answer this status instead of the API
	RetryAfter time.Duration // Retry-After header (a 429 without it gets 1 s)
	Body       string        // raw body; default Factorial's {"errors": "..."}
	HTML       bool          // an nginx-style HTML error page, as a proxy sends
	Drop       bool          // send half a response, then close the connection

	// Respond, when set, answers instead (e.g. InvalidToken to expire a
	// token). Hook, when set, runs first (e.g. revoke a token in the OAuth
	// server). Wrappers build token expiry and revocation from these.
	Respond http.Handler
	Hook    func(r *http.Request)
}

// FaultHandle controls an injected fault.
type FaultHandle struct {
	set *faultSet
	f   *activeFault
}

// Hits is how many requests the fault has fired on.
func (h *FaultHandle) Hits() int { return int(h.f.hits.Load()) }

// Remove stops the fault.
func (h *FaultHandle) Remove() { h.set.remove(h.f) }

type activeFault struct {
	Fault
	method, pattern string
	left            atomic.Int64 // remaining shots; unused when Times == 0
	hits            atomic.Int64
}

type faultSet struct {
	mu     sync.RWMutex
	active []*activeFault
	n      atomic.Int32
}

// InjectFault adds a fault; faults are tried in the order added and the
// first whose Match applies (and has shots left) fires.
func (s *Sandbox) InjectFault(f Fault) *FaultHandle {
	af := &activeFault{Fault: f, pattern: f.Match}
	if m, p, ok := strings.Cut(f.Match, " "); ok {
		af.method, af.pattern = strings.ToUpper(m), strings.TrimSpace(p)
	}
	af.left.Store(int64(f.Times))
	s.faults.mu.Lock()
	s.faults.active = append(s.faults.active, af)
	s.faults.n.Store(int32(len(s.faults.active)))
	s.faults.mu.Unlock()
	return &FaultHandle{set: &s.faults, f: af}
}

// ClearFaults removes every fault.
func (s *Sandbox) ClearFaults() {
	s.faults.mu.Lock()
	s.faults.active = nil
	s.faults.n.Store(0)
	s.faults.mu.Unlock()
}

func (fs *faultSet) remove(af *activeFault) {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	for i, x := range fs.active {
		if x == af {
			fs.active = append(fs.active[:i:i], fs.active[i+1:]...)
			break
		}
	}
	fs.n.Store(int32(len(fs.active)))
}

// take returns the fault to fire for r, consuming one shot.
func (s *Sandbox) takeFault(r *http.Request) *activeFault {
	fs := &s.faults
	fs.mu.RLock()
	defer fs.mu.RUnlock()
	var opID, template string
	looked := false
	for _, af := range fs.active {
		if af.method != "" && af.method != r.Method {
			continue
		}
		if af.pattern != "" && af.pattern != r.URL.Path {
			if !globMatch(af.pattern, r.URL.Path) {
				if !looked {
					opID, template = s.operationOf(r)
					looked = true
				}
				if opID == "" || (af.pattern != opID && af.pattern != template) {
					continue
				}
			}
		}
		if af.Times > 0 && af.left.Add(-1) < 0 {
			continue
		}
		af.hits.Add(1)
		return af
	}
	return nil
}

// operationOf names the spec operation of r (an /api/ operation of either
// spec or one of the OAuth endpoints). Faults run before validation, so
// this is a lookup of its own, made only while a fault names an operation
// or a template that r's path does not match as a glob. Both specs have a
// ListEmployees: an operationId matches in both APIs, a template or a
// glob tells them apart.
func (s *Sandbox) operationOf(r *http.Request) (opID, template string) {
	v := s.validator
	if datedpath.Is(r.URL.Path) {
		v = s.resources
	}
	if route, err := v.FindRoute(r); err == nil {
		return route.OperationID(), route.PathTemplate()
	}
	return "", ""
}

// globMatch is path.Match, except that a trailing "*" also matches deeper
// paths ("/api/*" matches /api/v1/core/teams).
func globMatch(pattern, p string) bool {
	if ok, _ := path.Match(pattern, p); ok {
		return true
	}
	prefix, ok := strings.CutSuffix(pattern, "*")
	return ok && !strings.ContainsAny(prefix, "*?[") && strings.HasPrefix(p, prefix)
}

// faultLayer is the outermost handler.
func (s *Sandbox) faultLayer(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if s.faults.n.Load() == 0 {
			next.ServeHTTP(w, r)
			return
		}
		af := s.takeFault(r)
		if af == nil {
			next.ServeHTTP(w, r)
			return
		}
		if af.Hook != nil {
			af.Hook(r)
		}
		if af.Latency > 0 {
			t := time.NewTimer(af.Latency)
			select {
			case <-t.C:
			case <-r.Context().Done():
				t.Stop()
				return
			}
		}
		switch {
		case af.Respond != nil:
			af.Respond.ServeHTTP(w, r)
		case af.Drop:
			dropConnection(w)
		case af.Status != 0:
			writeFault(w, &af.Fault)
		default:
			next.ServeHTTP(w, r)
		}
	})
}

func writeFault(w http.ResponseWriter, f *Fault) {
	retry := f.RetryAfter
	if retry == 0 && f.Status == http.StatusTooManyRequests {
		retry = time.Second
	}
	if retry > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(int((retry+time.Second-1)/time.Second)))
	}
	text := http.StatusText(f.Status)
	body := f.Body
	switch {
	case body != "" && f.HTML:
		w.Header().Set("Content-Type", "text/html")
	case body != "":
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
	case f.HTML:
		w.Header().Set("Content-Type", "text/html")
		code := strconv.Itoa(f.Status) + " " + text
		body = "<html>\r\n<head><title>" + code + "</title></head>\r\n<body>\r\n<center><h1>" + code +
			"</h1></center>\r\n<hr><center>nginx/1.20.1</center>\r\n</body>\r\n</html>\r\n"
	default:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		body = `{"errors":"` + text + `"}`
	}
	w.WriteHeader(f.Status)
	_, _ = w.Write([]byte(body))
}

// dropConnection sends a status line, headers promising a longer body and
// part of it, then closes the connection: the client sees an unexpected EOF
// mid-response. Without a hijackable connection (HTTP/2) the handler aborts.
func dropConnection(w http.ResponseWriter) {
	hj, ok := w.(http.Hijacker)
	if !ok {
		panic(http.ErrAbortHandler)
	}
	conn, buf, err := hj.Hijack()
	if err != nil {
		panic(http.ErrAbortHandler)
	}
	_, _ = buf.WriteString("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 4096\r\n\r\n[{\"id\":1,\"first_na")
	_ = buf.Flush()
	_ = conn.Close()
}
