package factorial_test

// The fault matrix: every network and server fault the client is meant to
// survive, against one operation of each kind (GET list/item, PUT, DELETE,
// two POSTs). It uses only the exported API; the retry waits are made
// short with an ordinary RetryPolicy, and the Retry-After faults send real
// 1-2 s values that the client waits out, so the cells run in parallel.
//
// go test -race -run TestFaultMatrix -v . prints the matrix.

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/api"
)

const (
	fmEmployee = `{"id":7,"email":"ada@example.com","first_name":"Ada","last_name":"Lovelace","full_name":"Ada Lovelace","role":"admin"}`
	fmLeave    = `{"id":9,"employee_id":7,"start_on":"2025-08-01","finish_on":"2025-08-15","approved":null,"half_day":null}`
	fmShift    = `{"id":3,"employee_id":7,"day":2,"month":1,"year":2025,"clock_in":"09:00","clock_out":null}`
	fmNginx502 = "<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n<hr><center>nginx/1.20.1</center>\r\n</body>\r\n</html>\r\n"

	// fmMaxBody is every cell's WithMaxResponseBytes: the success bodies fit,
	// the oversize fault sends four times as much.
	fmMaxBody = 1024
	// fmAttemptTimeout is the per-attempt timeout of the timeout fault:
	// long enough that connecting and sending the request fit in it on a
	// loaded machine under -race (the fault is the server stalling after
	// it has the request, and the cell counts the attempts it saw).
	fmAttemptTimeout = time.Second
)

// fmPolicy is the retry policy of every cell: the defaults' three attempts,
// with backoff in milliseconds instead of seconds. Retry-After is honoured
// as sent (1-2 s in the matrix), up to 3 s.
var fmPolicy = factorial.RetryPolicy{
	MaxAttempts:   3,
	BaseDelay:     time.Millisecond,
	MaxDelay:      2 * time.Millisecond,
	MaxRetryAfter: 3 * time.Second,
	MaxElapsed:    15 * time.Second,
}

// fmOp is one column: a service method and what its success looks like.
type fmOp struct {
	name       string
	method     string
	path       string
	idempotent bool // by method: the client may retry it on its own
	status     int  // success status
	body       string
	// call invokes the method and reports whether the typed result is
	// what the server sent.
	call func(ctx context.Context, c *factorial.Client) (typed bool, err error)
}

var fmOps = []fmOp{
	{"list", http.MethodGet, "/api/v1/employees", true, 200, "[" + fmEmployee + "]",
		func(ctx context.Context, c *factorial.Client) (bool, error) {
			list, err := c.V1.Employees.List(ctx)
			return err == nil && len(list) == 1, err
		}},
	{"get", http.MethodGet, "/api/v1/employees/7", true, 200, fmEmployee,
		func(ctx context.Context, c *factorial.Client) (bool, error) {
			e, err := c.V1.Employees.Get(ctx, 7)
			return err == nil && e.ID == 7, err
		}},
	{"update", http.MethodPut, "/api/v1/employees/7", true, 200, fmEmployee,
		func(ctx context.Context, c *factorial.Client) (bool, error) {
			e, err := c.V1.Employees.Update(ctx, 7, api.EmployeeUpdate{FirstName: factorial.Ptr("Ada")})
			return err == nil && e.ID == 7, err
		}},
	{"delete", http.MethodDelete, "/api/v1/time/leaves/9", true, 200, fmLeave,
		func(ctx context.Context, c *factorial.Client) (bool, error) {
			l, err := c.V1.TimeOff.DeleteLeave(ctx, 9)
			return err == nil && l != nil && l.ID == 9, err
		}},
	{"create", http.MethodPost, "/api/v1/time/leaves", false, 201, fmLeave,
		func(ctx context.Context, c *factorial.Client) (bool, error) {
			l, err := c.V1.TimeOff.CreateLeave(ctx, api.LeaveCreate{
				EmployeeID: 7,
				StartOn:    factorial.DateOf(2025, time.August, 1),
				FinishOn:   factorial.DateOf(2025, time.August, 15),
			})
			return err == nil && l.ID == 9, err
		}},
	{"clock_in", http.MethodPost, "/api/v1/time/shifts/clock_in", false, 201, fmShift,
		func(ctx context.Context, c *factorial.Client) (bool, error) {
			sh, err := c.V1.Attendance.ClockIn(ctx, api.ClockInInput{EmployeeID: 7, Now: time.Date(2025, 1, 2, 9, 0, 0, 0, time.UTC)})
			return err == nil && sh.ID == 3, err
		}},
}

// fmFault is one row.
type fmFault struct {
	name string
	// faulty is how many attempts meet the fault before the server
	// answers normally ("fault on the first N attempts, then success").
	faulty int
	// transient: the client retries it for idempotent methods.
	transient bool
	// refused: the fault is a refused connection, which proves nothing
	// was sent, so every method is retried.
	refused bool
	// refusal: the server refused the request before it had any effect
	// (429), so every method is retried, POST included; the faulty
	// attempt is not a double-send.
	refusal bool
	opts    []factorial.Option
	// serve answers a faulty attempt.
	serve func(t *testing.T, w http.ResponseWriter, r *http.Request, op fmOp)
	// check asserts the error a cell surfaces when it cannot retry.
	check func(t *testing.T, op fmOp, err error)
	// minGap is the shortest wait the client must leave between the faulty
	// attempt and the next (Retry-After).
	minGap time.Duration
}

func fmReply(w http.ResponseWriter, status int, contentType, body string) {
	if contentType != "" {
		w.Header().Set("Content-Type", contentType)
	}
	w.WriteHeader(status)
	_, _ = io.WriteString(w, body)
}

// fmHijack writes the success status line and headers with a Content-Length
// for the whole body, then half the body, and ends the connection: with an
// RST (SO_LINGER 0) when reset is set, else with an orderly close.
func fmHijack(t *testing.T, w http.ResponseWriter, op fmOp, reset bool) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		t.Error(err)
		return
	}
	fmt.Fprintf(buf, "HTTP/1.1 %d %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s",
		op.status, http.StatusText(op.status), len(op.body), op.body[:len(op.body)/2])
	_ = buf.Flush()
	if reset {
		// Let the headers and the first half reach the client first, so
		// the reset lands while it reads the body.
		time.Sleep(30 * time.Millisecond)
		_ = conn.(*net.TCPConn).SetLinger(0)
	}
	_ = conn.Close()
}

func fmAsError(t *testing.T, err error) *factorial.Error {
	t.Helper()
	var e *factorial.Error
	if !errors.As(err, &e) {
		t.Fatalf("error %v (%T) is not a *factorial.Error", err, err)
	}
	return e
}

// fmExpectKind asserts an *Error of kind k with the operation's success
// status: the server said yes in a way the client cannot trust.
func fmExpectKind(k factorial.ErrorKind) func(*testing.T, fmOp, error) {
	return func(t *testing.T, op fmOp, err error) {
		e := fmAsError(t, err)
		if e.Kind != k || e.StatusCode != op.status {
			t.Errorf("got kind %q status %d, want %q %d: %v", e.Kind, e.StatusCode, k, op.status, err)
		}
		if factorial.IsRetryable(err) {
			t.Errorf("IsRetryable(%v) = true", err)
		}
	}
}

// fmExpectStatus asserts a KindStatus *Error with status and messages.
func fmExpectStatus(status int, retryable bool, msg string) func(*testing.T, fmOp, error) {
	return func(t *testing.T, op fmOp, err error) {
		e := fmAsError(t, err)
		if e.Kind != factorial.KindStatus || e.StatusCode != status || e.Method != op.method {
			t.Errorf("got %q %d %s, want status %d: %v", e.Kind, e.StatusCode, e.Method, status, err)
		}
		if !strings.Contains(e.Message(), msg) {
			t.Errorf("Message() = %q, want it to contain %q", e.Message(), msg)
		}
		if factorial.IsRetryable(err) != retryable {
			t.Errorf("IsRetryable = %v, want %v", !retryable, retryable)
		}
	}
}

func fmExpectBodyRead(cause error) func(*testing.T, fmOp, error) {
	return func(t *testing.T, op fmOp, err error) {
		e := fmAsError(t, err)
		if e.Kind != factorial.KindBodyRead || e.StatusCode != op.status || !errors.Is(err, cause) {
			t.Errorf("got kind %q status %d, want %q %d wrapping %v: %v", e.Kind, e.StatusCode, factorial.KindBodyRead, op.status, cause, err)
		}
		if !factorial.IsRetryable(err) {
			t.Errorf("IsRetryable(%v) = false", err)
		}
	}
}

var fmFaults = []fmFault{
	{
		name: "connection refused", faulty: 1, refused: true,
	},
	{
		name: "reset mid-body", faulty: 1, transient: true,
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, op fmOp) { fmHijack(t, w, op, true) },
		check: fmExpectBodyRead(syscall.ECONNRESET),
	},
	{
		name: "timeout (stalled)", faulty: 1, transient: true,
		opts: []factorial.Option{factorial.WithTimeout(fmAttemptTimeout)},
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, op fmOp) {
			// No headers until the client gives up.
			select {
			case <-r.Context().Done():
			case <-time.After(10 * time.Second):
				t.Error("the client never gave up on a stalled attempt")
			}
		},
		check: func(t *testing.T, op fmOp, err error) {
			var e *factorial.Error
			if errors.As(err, &e) {
				t.Errorf("no response arrived, yet *Error %v", err)
			}
			var ue *url.Error
			if !errors.As(err, &ue) || !errors.Is(err, context.DeadlineExceeded) || !factorial.IsRetryable(err) {
				t.Errorf("want a retryable *url.Error matching context.DeadlineExceeded, got %T %v", err, err)
			}
		},
	},
	{
		name: "429 Retry-After: 1", faulty: 1, transient: true, refusal: true, minGap: 950 * time.Millisecond,
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, op fmOp) {
			w.Header().Set("Retry-After", "1")
			fmReply(w, http.StatusTooManyRequests, "application/json", `{"errors":"Too many requests"}`)
		},
		check: func(t *testing.T, op fmOp, err error) {
			fmExpectStatus(429, true, "Too many requests")(t, op, err)
			if e := fmAsError(t, err); e.RetryAfter != time.Second || !errors.Is(err, factorial.ErrRateLimited) {
				t.Errorf("RetryAfter %v, Is(ErrRateLimited) %v", e.RetryAfter, errors.Is(err, factorial.ErrRateLimited))
			}
		},
	},
	{
		name: "429 Retry-After: date", faulty: 1, transient: true, refusal: true, minGap: 900 * time.Millisecond,
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, op fmOp) {
			// HTTP-dates have whole seconds: the wait is in (1 s, 2 s].
			w.Header().Set("Retry-After", time.Now().Add(2*time.Second).UTC().Format(http.TimeFormat))
			fmReply(w, http.StatusTooManyRequests, "application/json", `{"errors":"Too many requests"}`)
		},
		check: func(t *testing.T, op fmOp, err error) {
			fmExpectStatus(429, true, "Too many requests")(t, op, err)
			if e := fmAsError(t, err); e.RetryAfter <= 0 || e.RetryAfter > 2*time.Second {
				t.Errorf("RetryAfter %v, want (0, 2s]", e.RetryAfter)
			}
		},
	},
	{
		name: "500", faulty: 1,
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, op fmOp) {
			fmReply(w, http.StatusInternalServerError, "application/json", `{"errors":"Internal Server Error"}`)
		},
		check: fmExpectStatus(500, false, "Internal Server Error"),
	},
	{
		name: "502 nginx HTML", faulty: 2, transient: true,
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, op fmOp) {
			fmReply(w, http.StatusBadGateway, "text/html", fmNginx502)
		},
		check: fmExpectStatus(502, true, "502 Bad Gateway 502 Bad Gateway nginx/1.20.1"),
	},
	{
		name: "503", faulty: 2, transient: true,
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, op fmOp) {
			fmReply(w, http.StatusServiceUnavailable, "application/json", `{"errors":"Service Unavailable"}`)
		},
		check: fmExpectStatus(503, true, "Service Unavailable"),
	},
	{
		name: "truncated body", faulty: 1, transient: true,
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, op fmOp) { fmHijack(t, w, op, false) },
		check: fmExpectBodyRead(io.ErrUnexpectedEOF),
	},
	{
		name: "invalid JSON", faulty: 1,
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, op fmOp) {
			fmReply(w, op.status, "application/json", `{"id":7,,"email":}`)
		},
		check: fmExpectKind(factorial.KindInvalidJSON),
	},
	{
		name: "empty 2xx, JSON type", faulty: 1,
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, op fmOp) {
			fmReply(w, op.status, "application/json", "")
		},
		check: fmExpectKind(factorial.KindEmptyBody),
	},
	{
		name: "oversize body", faulty: 1,
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, op fmOp) {
			// Well-formed JSON four times the limit, chunked (no
			// Content-Length), so the cap on reading is what stops it.
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(op.status)
			w.(http.Flusher).Flush()
			pad := strings.Repeat("x", 4*fmMaxBody)
			body := strings.Replace(op.body, `"id":`, `"observations":"`+pad+`","id":`, 1)
			_, _ = io.WriteString(w, body)
		},
		check: func(t *testing.T, op fmOp, err error) {
			fmExpectKind(factorial.KindTooLarge)(t, op, err)
			if e := fmAsError(t, err); len(e.Body) > fmMaxBody+1 {
				t.Errorf("kept %d bytes of an oversize body", len(e.Body))
			}
		},
	},
	{
		name: "wrong content type", faulty: 1,
		serve: func(t *testing.T, w http.ResponseWriter, r *http.Request, op fmOp) {
			fmReply(w, op.status, "text/html; charset=utf-8", "<html><body><p>Please sign in</p></body></html>")
		},
		check: func(t *testing.T, op fmOp, err error) {
			fmExpectKind(factorial.KindContentType)(t, op, err)
			if e := fmAsError(t, err); e.Message() != "Please sign in" {
				t.Errorf("Message() = %q", e.Message())
			}
		},
	},
}

// fmCell is what one cell observed.
type fmCell struct {
	ok       bool
	attempts int // requests the server saw
	dials    int // connection attempts (refused ones included)
	err      error
}

func (c fmCell) String() string {
	if c.ok {
		return fmt.Sprintf("ok/%d", c.attempts)
	}
	var e *factorial.Error
	switch {
	case errors.As(c.err, &e) && e.Kind == factorial.KindStatus:
		return fmt.Sprintf("E:%d/%d", e.StatusCode, c.attempts)
	case errors.As(c.err, &e):
		short := map[factorial.ErrorKind]string{
			factorial.KindBodyRead: "read", factorial.KindInvalidJSON: "json", factorial.KindEmptyBody: "empty",
			factorial.KindTooLarge: "large", factorial.KindContentType: "ctype",
		}[e.Kind]
		if short == "" {
			short = string(e.Kind)
		}
		return fmt.Sprintf("E:%d-%s/%d", e.StatusCode, short, c.attempts)
	case errors.Is(c.err, context.DeadlineExceeded):
		return fmt.Sprintf("E:net-timeout/%d", c.attempts)
	default:
		return fmt.Sprintf("E:net/%d", c.attempts)
	}
}

type fmCtxKey struct{}

// fmRefusedAddr is where a refused dial goes: port 1 (tcpmux) on loopback,
// which nothing listens on and no test server can be given, so the kernel
// answers with a real RST. (A port freed by closing a listener would do the
// same until a parallel cell's server is handed that port.)
const fmRefusedAddr = "127.0.0.1:1"

// fmDialer refuses the first n connections of each cell (told apart by a
// counter in the request's context, which the transport's dial inherits).
func fmDialer() *http.Transport {
	var d net.Dialer
	return &http.Transport{DialContext: func(ctx context.Context, network, addr string) (net.Conn, error) {
		if st, ok := ctx.Value(fmCtxKey{}).(*fmDials); ok && int(st.n.Add(1)) <= st.refuse {
			return d.DialContext(ctx, network, fmRefusedAddr)
		}
		return d.DialContext(ctx, network, addr)
	}}
}

type fmDials struct {
	n      atomic.Int32
	refuse int
}

func TestFaultMatrix(t *testing.T) {
	start := time.Now()
	var (
		mu    sync.Mutex
		cells = map[[2]string]fmCell{}
	)
	// Every cell at once, whatever -parallel says: most of the time is
	// spent waiting out Retry-After and timeouts, not on the CPU.
	var wg sync.WaitGroup
	for _, f := range fmFaults {
		for _, op := range fmOps {
			wg.Go(func() {
				t.Run(f.name+"/"+op.name, func(t *testing.T) {
					cell := fmRunCell(t, f, op)
					mu.Lock()
					cells[[2]string{f.name, op.name}] = cell
					mu.Unlock()
				})
			})
		}
	}
	wg.Wait()

	// The matrix and the totals.
	var b strings.Builder
	w := 22
	fmt.Fprintf(&b, "\n%-*s", w, "fault \\ operation")
	for _, op := range fmOps {
		fmt.Fprintf(&b, "%-16s", fmt.Sprintf("%s (%s)", op.name, op.method))
	}
	b.WriteByte('\n')
	var total, retried, surfaced, postDouble, firstTry int
	for _, f := range fmFaults {
		fmt.Fprintf(&b, "%-*s", w, f.name)
		for _, op := range fmOps {
			c, ok := cells[[2]string{f.name, op.name}]
			if !ok {
				fmt.Fprintf(&b, "%-16s", "(not run)")
				continue
			}
			total++
			switch {
			case c.ok && (c.attempts > 1 || c.dials > 1):
				retried++
			case c.ok:
				firstTry++
			default:
				surfaced++
			}
			if !op.idempotent && c.attempts > 1 && !f.refusal {
				postDouble++
			}
			fmt.Fprintf(&b, "%-16s", c)
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "\ncells %d: retried to success %d, surfaced errors %d, success without retry %d; POST double-sends %d (%v)\n",
		total, retried, surfaced, firstTry, postDouble, time.Since(start).Round(time.Millisecond))
	b.WriteString("ok/N: success after N requests reached the server; E:<status>/N: *factorial.Error of KindStatus;\n" +
		"E:<status>-<kind>/N: *factorial.Error of another kind; E:net-timeout/N: *url.Error matching context.DeadlineExceeded.\n" +
		"connection refused: each cell dialled twice, the refused dial never reached the server.\n")
	t.Log(b.String())
	if total != len(fmFaults)*len(fmOps) {
		t.Errorf("%d of %d cells ran", total, len(fmFaults)*len(fmOps))
	}
	if postDouble != 0 {
		t.Errorf("%d POST cells reached the server twice", postDouble)
	}
}

// fmRunCell runs one operation against one fault and asserts the outcome,
// the number of attempts and, for POST, that nothing was sent twice.
func fmRunCell(t *testing.T, f fmFault, op fmOp) fmCell {
	var (
		mu     sync.Mutex
		times  []time.Time
		bodies []string
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(bufio.NewReader(r.Body))
		mu.Lock()
		times = append(times, time.Now())
		bodies = append(bodies, string(body))
		n := len(times)
		mu.Unlock()
		if r.Method != op.method || r.URL.Path != op.path {
			t.Errorf("server got %s %s, want %s %s", r.Method, r.URL.Path, op.method, op.path)
		}
		if n <= f.faulty && f.serve != nil {
			f.serve(t, w, r, op)
			return
		}
		fmReply(w, op.status, "application/json", op.body)
	}))
	t.Cleanup(srv.Close)

	opts := append([]factorial.Option{
		factorial.WithBaseURL(srv.URL),
		factorial.WithAPIKey("fault-matrix-key"),
		factorial.WithRetryPolicy(fmPolicy),
		factorial.WithMaxResponseBytes(fmMaxBody),
	}, f.opts...)
	dials := &fmDials{}
	ctx := context.Background()
	if f.refused {
		dials.refuse = f.faulty
		opts = append(opts, factorial.WithTransport(fmDialer()))
		ctx = context.WithValue(ctx, fmCtxKey{}, dials)
	}
	c, err := factorial.NewClient(opts...)
	if err != nil {
		t.Fatal(err)
	}
	typed, err := op.call(ctx, c)

	mu.Lock()
	defer mu.Unlock()
	cell := fmCell{ok: err == nil, attempts: len(times), dials: int(dials.n.Load()), err: err}

	retries := f.refused || f.refusal || (f.transient && op.idempotent)
	wantAttempts := 1
	if retries && !f.refused {
		wantAttempts = f.faulty + 1
	}
	if cell.attempts != wantAttempts {
		t.Errorf("the server saw %d attempts, want %d (err %v)", cell.attempts, wantAttempts, err)
	}
	if !op.idempotent && cell.attempts > 1 && !f.refusal {
		t.Errorf("POST reached the server %d times", cell.attempts)
	}
	if f.refused && cell.dials != f.faulty+1 {
		t.Errorf("%d dials, want %d", cell.dials, f.faulty+1)
	}
	if retries {
		if err != nil || !typed {
			t.Errorf("want a typed success after retrying, got typed=%v err=%v", typed, err)
		}
	} else {
		if err == nil {
			t.Fatalf("want the fault to surface, got success")
		}
		f.check(t, op, err)
	}
	// A retried request carries the same body every time.
	for _, b := range bodies[min(1, len(bodies)):] {
		if b != bodies[0] {
			t.Errorf("attempt bodies differ: %q", bodies)
		}
	}
	if f.minGap > 0 && len(times) > 1 {
		if gap := times[1].Sub(times[0]); gap < f.minGap {
			t.Errorf("retried %v after the 429, want at least %v (Retry-After)", gap, f.minGap)
		}
	}
	return cell
}
