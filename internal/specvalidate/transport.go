package specvalidate

import (
	"bytes"
	"io"
	"net/http"
	"sort"
	"sync"
)

// Transport is an http.RoundTripper that validates every request before it
// is sent and every response after it arrives. Failures go to Report (a
// test passes t.Error); the response is still returned so the caller sees
// what the server sent.
type Transport struct {
	Validator *Validator
	Base      http.RoundTripper // nil means http.DefaultTransport
	Report    func(error)
	// Coverage, when set, records the operation of every exchange whose
	// request and response both validated.
	Coverage *Coverage
}

// RoundTrip implements http.RoundTripper.
func (t *Transport) RoundTrip(req *http.Request) (*http.Response, error) {
	base := t.Base
	if base == nil {
		base = http.DefaultTransport
	}
	route, err := t.Validator.FindRoute(req)
	if err != nil {
		t.Report(err)
		return base.RoundTrip(req)
	}
	// RoundTrippers must not modify the caller's request; work on a clone
	// whose body is a replayable snapshot.
	req = req.Clone(req.Context())
	reqErr := t.Validator.ValidateRequest(req.Context(), req, route)
	if reqErr != nil {
		t.Report(reqErr)
	}
	resp, err := base.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	body, readErr := io.ReadAll(resp.Body)
	_ = resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	if readErr != nil {
		// Hand the truncated body and the read error to the caller unchanged.
		resp.Body = io.NopCloser(io.MultiReader(bytes.NewReader(body), errReader{readErr}))
		return resp, nil
	}
	respErr := t.Validator.ValidateResponse(req.Context(), req, route, resp.StatusCode, resp.Header, body)
	if respErr != nil {
		t.Report(respErr)
	}
	if t.Coverage != nil && reqErr == nil && respErr == nil {
		t.Coverage.Record(route.OperationID(), resp.StatusCode)
	}
	return resp, nil
}

type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// Coverage counts validated exchanges per operation.
type Coverage struct {
	mu   sync.Mutex
	seen map[string]map[int]int
}

// Record notes one validated exchange.
func (c *Coverage) Record(op string, status int) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.seen == nil {
		c.seen = map[string]map[int]int{}
	}
	if c.seen[op] == nil {
		c.seen[op] = map[int]int{}
	}
	c.seen[op][status]++
}

// Missing returns the operations of v that never had a validated 2xx
// exchange, sorted. skip names operations covered some other way.
func (c *Coverage) Missing(v *Validator, skip ...string) []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	skipped := map[string]bool{}
	for _, s := range skip {
		skipped[s] = true
	}
	var missing []string
	for _, op := range v.Operations() {
		if skipped[op] {
			continue
		}
		ok := false
		for status := range c.seen[op] {
			if status >= 200 && status < 300 {
				ok = true
			}
		}
		if !ok {
			missing = append(missing, op)
		}
	}
	sort.Strings(missing)
	return missing
}

// Count returns how many operations had a validated 2xx exchange.
func (c *Coverage) Count() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	n := 0
	for _, byStatus := range c.seen {
		for status := range byStatus {
			if status >= 200 && status < 300 {
				n++
				break
			}
		}
	}
	return n
}
