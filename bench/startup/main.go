// Command startup measures what a fresh process pays before and during its
// first calls: package initialisation, NewClient, and the first call on
// each API (v1's GET /api/v1/me and the dated API's GET of one employee)
// over an in-memory transport, so no network time is counted. It prints
// one line in `go test -bench` format for bench/benchsummary:
//
//	BenchmarkStartup 1 <ns> ns/op <bytes> client-B <bytes> process-B
//
// client-B is what NewClient and the two calls allocated; process-B is
// everything the process allocated up to then, runtime and package
// initialisation included. scripts/bench.sh runs it several times, each a
// new process.
package main

//lint:file-ignore SA1019 the first v1 call is measured on purpose

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"time"

	"github.com/factorial-go/factorial"
)

const (
	apiKey     = "startup-key"
	meJSON     = `{"email":"ada@example.com","employee_id":7,"full_name":"Ada Lovelace","first_name":"Ada","last_name":"Lovelace","role":"admin"}`
	datedEmpJS = `{"id":"7","full_name":"Ada Lovelace","email":"ada@example.com","company_id":"1","first_name":"Ada","last_name":"Lovelace"}`
)

// memTransport answers from memory: the v1 record for /api/v1/me, the
// dated employee for anything else.
type memTransport struct{}

func (memTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	body := datedEmpJS
	if req.URL.Path == "/api/v1/me" {
		body = meJSON
	}
	return &http.Response{
		StatusCode:    200,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        http.Header{"Content-Type": {"application/json; charset=utf-8"}, "Content-Length": {strconv.Itoa(len(body))}},
		ContentLength: int64(len(body)),
		Body:          io.NopCloser(bytes.NewReader([]byte(body))),
		Request:       req,
	}, nil
}

func main() {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	start := time.Now()

	ctx := context.Background()
	c, err := factorial.NewClient(factorial.WithBaseURL("http://127.0.0.1:1"), factorial.WithAPIKey(apiKey), factorial.WithTransport(memTransport{}))
	if err != nil {
		fail(err)
	}
	me, err := c.V1.Credentials.GetMe(ctx)
	if err != nil || me.EmployeeID != 7 {
		fail(fmt.Errorf("v1 call: %v", err))
	}
	emp, err := c.Employees.Get(ctx, "7")
	if err != nil || emp.ID != "7" {
		fail(fmt.Errorf("dated call: %v", err))
	}

	elapsed := time.Since(start)
	runtime.ReadMemStats(&after)
	fmt.Printf("BenchmarkStartup 1 %d ns/op %d client-B %d process-B\n",
		elapsed.Nanoseconds(), after.TotalAlloc-before.TotalAlloc, after.TotalAlloc)
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, "startup:", err)
	os.Exit(1)
}
