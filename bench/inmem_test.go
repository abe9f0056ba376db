package bench

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"testing"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/resources"
)

// datedEmployeeJSON is one employee of the dated API, valid against
// openapi-resources.yaml.
const datedEmployeeJSON = `{"id":"7","company_id":"1","first_name":"Ada","last_name":"Lovelace","full_name":"Ada Lovelace","email":"ada@example.com","active":true,"manager_id":null,"terminated_on":null,"created_at":"2026-01-05T09:00:00Z","updated_at":"2026-01-05T09:00:00Z"}`

// memTransport answers every request with a canned body without a
// network: what remains of a call's time is the client's own work.
type memTransport struct{ body []byte }

func (m memTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	if req.Header.Get("X-Api-Key") != apiKey {
		return &http.Response{StatusCode: 401, Header: http.Header{}, Body: http.NoBody, Request: req}, nil
	}
	return &http.Response{
		StatusCode:    200,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": {"application/json; charset=utf-8"}, "Content-Length": {strconv.Itoa(len(m.body))}},
		ContentLength: int64(len(m.body)),
		Body:          io.NopCloser(bytes.NewReader(m.body)),
		Request:       req,
	}, nil
}

// BenchmarkCallInMemory is figure 1 without the network: the same raw and
// client calls over an in-memory RoundTripper, paired like
// BenchmarkCallPaired, so the difference is the client layer's CPU cost
// alone, free of loopback and scheduling noise. (WithTransport replaces
// the default transport; everything else is the default client.)
func BenchmarkCallInMemory(b *testing.B) {
	ctx := context.Background()
	const base = "http://127.0.0.1:1"
	b.Run("me", func(b *testing.B) {
		rt := memTransport{body: []byte(meJSON)}
		hc := &http.Client{Transport: rt}
		c := newMemClient(b, base, rt)
		pairedLoop(b,
			func() error { _, err := rawMe(ctx, hc, base); return err },
			func() error { _, err := clientMe(ctx, c); return err })
	})
	b.Run("employee", func(b *testing.B) {
		// One record of the current API: GET /employees/employees/7.
		rt := memTransport{body: []byte(datedEmployeeJSON)}
		hc := &http.Client{Transport: rt}
		c := newMemClient(b, base, rt)
		url := base + "/api/" + factorial.DefaultAPIVersion + "/resources/employees/employees/7"
		pairedLoop(b,
			func() error {
				var e resources.Employee
				if err := rawGet(ctx, hc, url, &e); err != nil || e.ID != "7" {
					return fmt.Errorf("raw: %v %q", err, e.ID)
				}
				return nil
			},
			func() error {
				e, err := c.Employees.Get(ctx, "7")
				if err != nil || e.ID != "7" {
					return fmt.Errorf("client: %v %q", err, e.ID)
				}
				return nil
			})
	})
	b.Run("employees100", func(b *testing.B) {
		rt := memTransport{body: employeesJSON(100)}
		hc := &http.Client{Transport: rt}
		c := newMemClient(b, base, rt)
		pairedLoop(b,
			func() error { return wantLen(rawEmployees(ctx, hc, base))(100) },
			func() error { return wantLen(clientEmployees(ctx, c))(100) })
	})
}

func newMemClient(b *testing.B, base string, rt http.RoundTripper) *factorial.Client {
	c, err := factorial.NewClient(factorial.WithBaseURL(base), factorial.WithAPIKey(apiKey), factorial.WithTransport(rt))
	if err != nil {
		b.Fatal(err)
	}
	return c
}

// BenchmarkCallInMemoryAllocs is the dated employee GET of
// BenchmarkCallInMemory with each side on its own, for its allocations
// (-benchmem): what the client layer allocates beyond the hand-written
// call.
//
//	go test -run '^$' -bench CallInMemoryAllocs -benchmem ./bench
func BenchmarkCallInMemoryAllocs(b *testing.B) {
	ctx := context.Background()
	const base = "http://127.0.0.1:1"
	rt := memTransport{body: []byte(datedEmployeeJSON)}
	b.Run("raw", func(b *testing.B) {
		hc := &http.Client{Transport: rt}
		url := base + "/api/" + factorial.DefaultAPIVersion + "/resources/employees/employees/7"
		for b.Loop() {
			var e resources.Employee
			if err := rawGet(ctx, hc, url, &e); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("client", func(b *testing.B) {
		c := newMemClient(b, base, rt)
		for b.Loop() {
			if _, err := c.Employees.Get(ctx, "7"); err != nil {
				b.Fatal(err)
			}
		}
	})
}
