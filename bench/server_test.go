package bench

import (
	"bufio"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// The canned server runs in a child process: this test binary, re-run with
// servingEnv set. Keeping it out of the benchmark process means allocs/op
// and the heap figures count the client's side only, and the server's
// goroutines do not share the client's scheduler and GC.
const servingEnv = "BENCH_CANNED_SERVER"

// apiKey is what both the client and the raw baseline send; the canned
// server answers 401 without it so neither side can skip the header.
const apiKey = "bench-api-key-0123456789"

// Employee counts served, one listener each, so the client needs no path
// prefix or query to pick a list (either would add work to one side only).
var listSizes = []int{100, 10_000, 50_000}

func TestMain(m *testing.M) {
	if os.Getenv(servingEnv) == "1" {
		serveCanned()
		return
	}
	code := m.Run()
	stopCanned()
	os.Exit(code)
}

// serveCanned serves /api/v1/me and /api/v1/employees on one loopback
// listener per list size, and the dated API's paged employee list on one
// listener per total (pagedTotals). It prints a "v1 size addr bodybytes"
// or "paged total addr pagebytes" line per listener (pagebytes: the body
// of one full page) and a blank line, and exits when its stdin closes
// (the parent ended).
func serveCanned() {
	me := []byte(meJSON)
	for _, n := range listSizes {
		list := employeesJSON(n)
		mux := http.NewServeMux()
		mux.HandleFunc("GET /api/v1/me", cannedHandler(me))
		mux.HandleFunc("GET /api/v1/employees", cannedHandler(list))
		fmt.Printf("v1 %d http://%s %d\n", n, listen(mux), len(list))
	}
	for _, n := range pagedTotals {
		pages, after := employeePagesJSON(n)
		mux := http.NewServeMux()
		mux.HandleFunc("GET "+datedEmployeesPath, pagedHandler(pages, after))
		fmt.Printf("paged %d http://%s %d\n", n, listen(mux), len(pages[0]))
	}
	fmt.Println()
	_, _ = io.Copy(io.Discard, os.Stdin)
}

// listen serves h on a new loopback listener and returns its address.
func listen(h http.Handler) net.Addr {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	return ln.Addr()
}

func cannedHandler(body []byte) http.HandlerFunc {
	length := strconv.Itoa(len(body))
	return func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Api-Key") != apiKey {
			w.Header().Set("Content-Type", "application/json; charset=utf-8")
			w.WriteHeader(http.StatusUnauthorized)
			_, _ = w.Write([]byte(`{"error":"invalid_token"}`))
			return
		}
		h := w.Header()
		h["Content-Type"] = []string{"application/json; charset=utf-8"}
		h["Content-Length"] = []string{length}
		h["X-Request-Id"] = []string{"4f1c2b9e-bench"}
		_, _ = w.Write(body)
	}
}

// canned is the running child: base URL and body size per v1 list size,
// base URL and one full page's body size per paged total.
type canned struct {
	urls      map[int]string
	sizes     map[int]int
	pagedURLs map[int]string
	pageSizes map[int]int
}

var (
	cannedOnce sync.Once
	cannedSrv  *canned
	cannedErr  error
	cannedCmd  *exec.Cmd
	cannedIn   io.WriteCloser
)

// cannedServer starts the child on first use.
func cannedServer(tb testing.TB) *canned {
	tb.Helper()
	cannedOnce.Do(func() { cannedSrv, cannedErr = startCanned() })
	if cannedErr != nil {
		tb.Fatalf("canned server: %v", cannedErr)
	}
	return cannedSrv
}

func startCanned() (*canned, error) {
	exe, err := os.Executable()
	if err != nil {
		return nil, err
	}
	cmd := exec.Command(exe, "-test.run=^$")
	cmd.Env = append(os.Environ(), servingEnv+"=1")
	cmd.Stderr = os.Stderr
	in, err := cmd.StdinPipe()
	if err != nil {
		return nil, err
	}
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, err
	}
	cannedCmd, cannedIn = cmd, in
	c := &canned{urls: map[int]string{}, sizes: map[int]int{}, pagedURLs: map[int]string{}, pageSizes: map[int]int{}}
	sc := bufio.NewScanner(out)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" {
			return c, nil
		}
		var kind, url string
		var n, size int
		if _, err := fmt.Sscanf(line, "%s %d %s %d", &kind, &n, &url, &size); err != nil {
			return nil, fmt.Errorf("child said %q: %w", line, err)
		}
		switch kind {
		case "v1":
			c.urls[n], c.sizes[n] = url, size
		case "paged":
			c.pagedURLs[n], c.pageSizes[n] = url, size
		default:
			return nil, fmt.Errorf("child said %q", line)
		}
	}
	return nil, fmt.Errorf("child exited before listening: %v", sc.Err())
}

// stopCanned closes the child's stdin, which makes it exit, and waits.
func stopCanned() {
	if cannedCmd == nil {
		return
	}
	_ = cannedIn.Close()
	done := make(chan struct{})
	go func() { _ = cannedCmd.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		_ = cannedCmd.Process.Kill()
		<-done
	}
}
