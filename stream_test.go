package factorial

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"

	"github.com/factorial-go/factorial/api"
)

// writeEmployees streams a JSON array of n employees, flushing as it goes,
// and stops after cut elements (cut < 0: never) by closing the connection
// mid-body.
func writeEmployees(w http.ResponseWriter, n, cut int) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(http.StatusOK)
	fl := w.(http.Flusher)
	_, _ = io.WriteString(w, "[")
	for i := range n {
		if i == cut {
			fl.Flush()
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				_ = conn.(interface{ SetLinger(int) error }).SetLinger(0) // RST, not FIN
				_ = conn.Close()
			}
			return
		}
		if i > 0 {
			_, _ = io.WriteString(w, ",")
		}
		fmt.Fprintf(w, `{"id":%d,"email":"e%d@example.com","first_name":"E%d"}`, i+1, i+1, i+1)
		if i%1000 == 0 {
			fl.Flush()
		}
	}
	_, _ = io.WriteString(w, "]")
}

func TestListIterYieldsEveryElementOnce(t *testing.T) {
	const n = 20000
	c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeEmployees(w, n, -1)
	}))
	next := 1
	for e, err := range c.V1.Employees.ListIter(context.Background()) {
		if err != nil {
			t.Fatalf("after %d elements: %v", next-1, err)
		}
		if e.ID != next || e.GetFirstName() != fmt.Sprintf("E%d", next) {
			t.Fatalf("element %d is %+v", next, e)
		}
		next++
	}
	if next-1 != n {
		t.Fatalf("saw %d elements, want %d", next-1, n)
	}
}

func TestListIterStopsWhenTheCallerDoes(t *testing.T) {
	c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeEmployees(w, 5000, -1)
	}))
	seen := 0
	for _, err := range c.V1.Employees.ListIter(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		if seen++; seen == 3 {
			break
		}
	}
	if seen != 3 {
		t.Fatalf("saw %d", seen)
	}
}

// A connection that breaks before the first element is an attempt that
// failed: a GET is retried. One that breaks after elements were yielded is
// not: the caller already acted on them, so the sequence ends with an
// *Error.
func TestListIterRetriesOnlyBeforeTheFirstElement(t *testing.T) {
	t.Run("before", func(t *testing.T) {
		var attempts atomic.Int32
		c, _, rec := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if attempts.Add(1) == 1 {
				writeEmployees(w, 10, 0)
				return
			}
			writeEmployees(w, 10, -1)
		}))
		n := 0
		for _, err := range c.V1.Employees.ListIter(context.Background()) {
			if err != nil {
				t.Fatal(err)
			}
			n++
		}
		if n != 10 || attempts.Load() != 2 || len(rec.get()) != 1 {
			t.Fatalf("%d elements over %d attempts, %d waits; want 10 over 2 after 1", n, attempts.Load(), len(rec.get()))
		}
	})
	t.Run("after", func(t *testing.T) {
		var attempts atomic.Int32
		c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			attempts.Add(1)
			writeEmployees(w, 5000, 2500)
		}))
		n := 0
		var last error
		for _, err := range c.V1.Employees.ListIter(context.Background()) {
			if err != nil {
				last = err
				continue
			}
			n++
		}
		var e *Error
		if !errors.As(last, &e) || e.Kind != KindBodyRead || e.StatusCode != 200 || e.Operation != "ListEmployees" || !errors.Is(last, syscall.ECONNRESET) {
			t.Fatalf("want a KindBodyRead *Error wrapping ECONNRESET, got %T %v", last, last)
		}
		if attempts.Load() != 1 || n == 0 || n > 2500 {
			t.Fatalf("%d attempts, %d elements yielded; want 1 attempt and at most the 2,500 sent before the reset", attempts.Load(), n)
		}
		if !strings.HasPrefix(string(e.Body), "[{") {
			t.Errorf("Body excerpt %q", e.Body[:min(len(e.Body), 40)])
		}
	})
}

// Data after the closing bracket is not a list a decoder accepts; the
// sequence yields what it decoded and then the error.
func TestListIterTrailingData(t *testing.T) {
	c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reply(w, 200, "application/json", `[{"id":1}] {"id":2}`)
	}))
	var got []api.Employee
	var last error
	for e, err := range c.V1.Employees.ListIter(context.Background()) {
		if err != nil {
			last = err
			break
		}
		got = append(got, e)
	}
	var e *Error
	if len(got) != 1 || !errors.As(last, &e) || e.Kind != KindInvalidJSON {
		t.Fatalf("got %d elements, error %v", len(got), last)
	}
}

// The slice call and the iterator agree on what a list holds.
func TestListAndListIterAgree(t *testing.T) {
	c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeEmployees(w, 1234, -1)
	}))
	all, err := c.V1.Employees.List(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	i := 0
	for e, err := range c.V1.Employees.ListIter(context.Background()) {
		if err != nil {
			t.Fatal(err)
		}
		if e.ID != all[i].ID || e.GetEmail() != all[i].GetEmail() {
			t.Fatalf("element %d: %+v vs %+v", i, e, all[i])
		}
		i++
	}
	if i != len(all) || i != 1234 {
		t.Fatalf("iterator %d, slice %d", i, len(all))
	}
}

// A list whose body is announced big is decoded as it arrives, and stays
// bounded by WithMaxResponseBytes like any buffered call.
func TestBigAnnouncedListIsBounded(t *testing.T) {
	var body strings.Builder
	body.WriteString("[")
	for i := range 20000 {
		if i > 0 {
			body.WriteString(",")
		}
		fmt.Fprintf(&body, `{"id":%d,"email":"e%d@example.com","first_name":"E%d","last_name":"L"}`, i+1, i+1, i+1)
	}
	body.WriteString("]")
	if body.Len() <= 1<<20 {
		t.Fatalf("the body (%d bytes) must be over 1 MiB, the size from which a list is decoded as it arrives", body.Len())
	}
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reply(w, 200, "application/json", body.String()) // with Content-Length
	})
	c, _, _ := newTestClient(t, h)
	all, err := c.V1.Employees.List(context.Background())
	if err != nil || len(all) != 20000 || all[19999].ID != 20000 {
		t.Fatalf("%d employees, %v", len(all), err)
	}
	small, _, _ := newTestClient(t, h, WithMaxResponseBytes(int64(body.Len()-1)))
	_, err = small.V1.Employees.List(context.Background())
	var e *Error
	if !errors.As(err, &e) || e.Kind != KindTooLarge {
		t.Fatalf("over the limit: %v", err)
	}
	// Unannounced (chunked) and over the limit: caught while decoding.
	chunked, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		writeEmployees(w, 20000, -1)
	}), WithMaxResponseBytes(100_000))
	_, err = chunked.V1.Employees.List(context.Background())
	if !errors.As(err, &e) || e.Kind != KindTooLarge || IsRetryable(err) {
		t.Fatalf("chunked over the limit: %v", err)
	}
}
