package main

import (
	"fmt"
	"io"
	"net/http"
)

// tracer prints one line per HTTP exchange: method, path and status. It
// never prints a query string, header or body, which is where codes,
// tokens and secrets travel.
type tracer struct {
	w      io.Writer
	base   http.RoundTripper
	home   string // host:port shown as a bare path; other hosts are shown in full
	indent string
}

func (t *tracer) RoundTrip(req *http.Request) (*http.Response, error) {
	target := req.URL.Path
	if req.URL.Host != t.home {
		target = req.URL.Scheme + "://" + req.URL.Host + req.URL.Path
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		fmt.Fprintf(t.w, "%s%s %s → failed\n", t.indent, req.Method, target)
		return nil, err
	}
	fmt.Fprintf(t.w, "%s%s %s → %s\n", t.indent, req.Method, target, resp.Status)
	return resp, nil
}
