package webhook_test

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/factorial-go/factorial/resources"
	"github.com/factorial-go/factorial/webhook"
)

// TestHandlerRefusesWhatIsNotTheResource: JSON that decodes into the
// event's type without being one of its resources ({}, another
// resource's object, a null or empty id) is refused 400 and never
// reaches the callback as a zero value.
func TestHandlerRefusesWhatIsNotTheResource(t *testing.T) {
	t.Parallel()
	for name, body := range map[string]string{
		"empty object":      `{}`,
		"a team":            `{"id":"3","company_id":"1","name":"People","employee_ids":["1001"]}`,
		"an employee":       `{"id":"1003","company_id":"1","full_name":"Bea Basic","email":"basic@example.com"}`,
		"null id":           strings.Replace(leaveJSON, `"id":"77"`, `"id":null`, 1),
		"empty id":          strings.Replace(leaveJSON, `"id":"77"`, `"id":""`, 1),
		"no employee_id":    strings.Replace(leaveJSON, `"employee_id":"1003",`, ``, 1),
		"unknown keys only": `{"foo":1,"bar":[]}`,
	} {
		h, leaves, _ := newLeaveHandler(t, nil)
		req := httptest.NewRequest("POST", "/", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(webhook.ChallengeHeader, challenge)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusBadRequest || len(*leaves) != 0 {
			t.Errorf("%s: status %d, %d callbacks; want 400 and none", name, rec.Code, len(*leaves))
		}
	}
}

// TestHandlerCallbackPanic: a panicking callback answers 500 over an
// intact connection (Factorial then delivers again) and is logged as an
// error without the payload.
func TestHandlerCallbackPanic(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	var mu sync.Mutex
	h, err := webhook.NewHandler("timeoff/leave/approve", challenge, func(context.Context, resources.Leave, webhook.Delivery) error {
		panic("nil map in the receiver")
	}, webhook.WithLogger(slog.New(slog.NewTextHandler(lockedWriter{&mu, &logs}, nil))))
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	defer srv.Close()
	for range 3 { // the connection survives: the next delivery is answered too
		req, _ := http.NewRequest("POST", srv.URL, strings.NewReader(leaveJSON))
		req.Header.Set(webhook.ChallengeHeader, challenge)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatalf("delivery: %v", err)
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		_ = resp.Body.Close()
		if resp.StatusCode != http.StatusInternalServerError {
			t.Fatalf("status %d, want 500", resp.StatusCode)
		}
	}
	mu.Lock()
	out := logs.String()
	mu.Unlock()
	if !strings.Contains(out, "level=ERROR") || !strings.Contains(out, "callback panicked") {
		t.Errorf("panic not logged as an error: %s", out)
	}
	// The payload's values, not bare digits: the logged stack's addresses
	// are hexadecimal and may contain any run of digits.
	if strings.Contains(out, "2026-08-03") || strings.Contains(out, "employee_id") || strings.Contains(out, challenge) || strings.Contains(out, "nil map in the receiver") {
		t.Errorf("the log carries payload, challenge or panic value: %s", out)
	}
}

type lockedWriter struct {
	mu *sync.Mutex
	w  io.Writer
}

func (l lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}

// TestHandlerRefusalLogsAreBounded: a flood of forged deliveries logs a
// bounded number of lines (a burst of 10, then one a second), and the
// next line says how many were left out.
func TestHandlerRefusalLogsAreBounded(t *testing.T) {
	t.Parallel()
	var logs bytes.Buffer
	var mu sync.Mutex
	h, err := webhook.NewHandler("timeoff/leave/approve", challenge, func(context.Context, resources.Leave, webhook.Delivery) error { return nil },
		webhook.WithLogger(slog.New(slog.NewTextHandler(lockedWriter{&mu, &logs}, nil))))
	if err != nil {
		t.Fatal(err)
	}
	const forged = 20000
	start := time.Now()
	for range forged {
		req := httptest.NewRequest("POST", "/", strings.NewReader(leaveJSON))
		req.Header.Set(webhook.ChallengeHeader, "forged")
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusUnauthorized {
			t.Fatalf("forged delivery: %d", rec.Code)
		}
	}
	elapsed := time.Since(start)
	mu.Lock()
	lines := strings.Count(logs.String(), "\n")
	mu.Unlock()
	if max := 10 + int(elapsed/time.Second) + 1; lines > max {
		t.Fatalf("%d forged deliveries in %v logged %d lines, want at most %d", forged, elapsed, lines, max)
	}
	time.Sleep(1100 * time.Millisecond)
	req := httptest.NewRequest("POST", "/", strings.NewReader(leaveJSON))
	h.ServeHTTP(httptest.NewRecorder(), req)
	mu.Lock()
	last := logs.String()[strings.LastIndex(strings.TrimSuffix(logs.String(), "\n"), "\n")+1:]
	mu.Unlock()
	if !strings.Contains(last, "suppressed=") {
		t.Errorf("the line after the flood does not count what was left out: %s", last)
	}
	t.Logf("%d forged deliveries in %v: %d log lines", forged, elapsed, lines)
}
