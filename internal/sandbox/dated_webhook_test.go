package sandbox

import (
	"context"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"reflect"
	"sync"
	"testing"
	"time"
)

// receiver is a webhook target that records what it receives and answers
// with the statuses given, in turn (200 once they run out).
type receiver struct {
	srv      *httptest.Server
	mu       sync.Mutex
	got      []*http.Request
	bodies   [][]byte
	statuses []int
}

func newReceiver(t *testing.T, statuses ...int) *receiver {
	rc := &receiver{statuses: statuses}
	rc.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		rc.mu.Lock()
		rc.got = append(rc.got, r)
		rc.bodies = append(rc.bodies, b)
		status := http.StatusOK
		if len(rc.statuses) > 0 {
			status, rc.statuses = rc.statuses[0], rc.statuses[1:]
		}
		rc.mu.Unlock()
		w.WriteHeader(status)
	}))
	t.Cleanup(rc.srv.Close)
	return rc
}

func (rc *receiver) count() int {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return len(rc.got)
}

// at returns the i-th request received and its body.
func (rc *receiver) at(i int) (*http.Request, []byte) {
	rc.mu.Lock()
	defer rc.mu.Unlock()
	return rc.got[i], rc.bodies[i]
}

func (e *env) waitWebhooks() {
	e.t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := e.s.WaitWebhooks(ctx); err != nil {
		e.t.Fatalf("WaitWebhooks: %v", err)
	}
}

func (e *env) subscribe(typ, target, challenge string, enabled bool) string {
	e.t.Helper()
	r := e.dated("POST", "/api_public/webhook_subscriptions", "key:"+tokKey, map[string]any{
		"subscription_type": typ, "target_url": target, "company_id": "1", "challenge": challenge, "enabled": enabled})
	if r.status != 201 {
		e.t.Fatalf("subscribe: %d %s", r.status, r.body)
	}
	return idOf(e.t, r.obj(e.t))
}

// TestDatedWebhookSubscriptions: only known event types, only loopback
// targets, only admins and API keys.
func TestDatedWebhookSubscriptions(t *testing.T) {
	e := newEnv(t)
	for _, tc := range []struct {
		tok, typ, target string
		status           int
	}{
		{"key:" + tokKey, "employees/employee/update", "https://hooks.example.com/x", 422},
		{"key:" + tokKey, "employees/employee/update", "http://10.0.0.1/x", 422},
		{"key:" + tokKey, "employees/employee/fly", "http://127.0.0.1:9/x", 422},
		{tokBasic, "employees/employee/update", "http://127.0.0.1:9/x", 403},
		{tokAdmin, "employees/employee/update", "http://localhost:9/x", 201},
		{tokCompany, "employees/employee/update", "http://[::1]:9/x", 201},
	} {
		r := e.dated("POST", "/api_public/webhook_subscriptions", tc.tok, map[string]any{
			"subscription_type": tc.typ, "target_url": tc.target, "company_id": "1", "enabled": false})
		if r.status != tc.status {
			t.Errorf("%s %s as %s: %d %s", tc.typ, tc.target, tc.tok, r.status, r.body)
		}
	}
	r := e.dated("PUT", "/api_public/webhook_subscriptions/1", "key:"+tokKey, map[string]any{"id": "1", "target_url": "http://example.com"})
	if r.status != 422 {
		t.Errorf("updating to a remote target: %d %s", r.status, r.body)
	}
}

// TestDatedWebhookDelivery: the bare record, as the API answered it, with
// the challenge and the author, to enabled subscriptions of the event's
// type only.
func TestDatedWebhookDelivery(t *testing.T) {
	e := newEnv(t)
	t.Cleanup(e.s.Close)
	approvals, updates, off := newReceiver(t), newReceiver(t), newReceiver(t)
	e.subscribe("timeoff/leave/approve", approvals.srv.URL+"/approve", "s3cret", true)
	e.subscribe("employees/employee/update", updates.srv.URL, "", true)
	e.subscribe("timeoff/leave/approve", off.srv.URL, "x", false)

	// Leave 3, Manu's, is pending.
	r := e.dated("POST", "/timeoff/leaves/approve", tokAdmin, map[string]any{"id": "3"})
	if r.status != 200 {
		t.Fatalf("approve: %d %s", r.status, r.body)
	}
	e.waitWebhooks()
	if approvals.count() != 1 || updates.count() != 0 || off.count() != 0 {
		t.Fatalf("deliveries: approvals %d, updates %d, disabled %d", approvals.count(), updates.count(), off.count())
	}
	got, body := approvals.at(0)
	if got.Method != "POST" || got.URL.Path != "/approve" || got.Header.Get("x-factorial-wh-challenge") != "s3cret" ||
		got.Header.Get("x-factorial-author-type") != "employee" || got.Header.Get("x-factorial-author-id") != "1001" ||
		got.Header.Get("Content-Type") != "application/json" {
		t.Errorf("request: %s %s %v", got.Method, got.URL, got.Header)
	}
	var payload, answered any
	_ = json.Unmarshal(body, &payload)
	_ = json.Unmarshal(r.body, &answered)
	if !reflect.DeepEqual(payload, answered) {
		t.Errorf("payload %s\nthe API answered %s", body, r.body)
	}
	ds := e.s.WebhookDeliveries()
	if len(ds) != 1 || !ds[0].Delivered || !ds[0].Done || ds[0].Attempts != 1 || ds[0].Status != 200 || ds[0].Type != "timeoff/leave/approve" {
		t.Errorf("deliveries: %+v", ds)
	}

	// An API key is the company; the update payload is the employee.
	r = e.dated("PUT", "/employees/employees/1003", "key:"+tokKey, map[string]any{"id": "1003", "pronouns": "she/her"})
	e.waitWebhooks()
	if updates.count() != 1 {
		t.Fatalf("update deliveries: %d", updates.count())
	}
	got, body = updates.at(0)
	if got.Header.Get("x-factorial-author-type") != "company" || got.Header.Get("x-factorial-wh-challenge") != "" {
		t.Errorf("update delivery headers: %v", got.Header)
	}
	_ = json.Unmarshal(body, &payload)
	_ = json.Unmarshal(r.body, &answered)
	if !reflect.DeepEqual(payload, answered) {
		t.Errorf("payload %s\nthe API answered %s", body, r.body)
	}
	// A failed request raises nothing.
	e.dated("POST", "/timeoff/leaves/approve", tokAdmin, map[string]any{"id": "3"})
	e.waitWebhooks()
	if approvals.count() != 1 {
		t.Errorf("a refused approval was delivered")
	}
}

// TestDatedWebhookRetries: failures are retried with backoff; once the
// attempts are spent the subscription is disabled and gets nothing more.
func TestDatedWebhookRetries(t *testing.T) {
	e := newEnv(t, WithWebhookRetries(3, 5*time.Millisecond))
	t.Cleanup(e.s.Close)
	flaky := newReceiver(t, 500, 502)
	e.subscribe("teams/team/create", flaky.srv.URL, "c", true)
	e.dated("POST", "/teams/teams", "key:"+tokKey, map[string]any{"name": "Ops"})
	e.waitWebhooks()
	ds := e.s.WebhookDeliveries()
	if flaky.count() != 3 || len(ds) != 1 || !ds[0].Delivered || ds[0].Attempts != 3 {
		t.Fatalf("flaky target: %d requests, %+v", flaky.count(), ds)
	}

	// A target that is down: connection errors, then the subscription is
	// disabled.
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	down := "http://" + ln.Addr().String() + "/hook"
	_ = ln.Close()
	sub := e.subscribe("teams/team/create", down, "c", true)
	e.dated("POST", "/teams/teams", "key:"+tokKey, map[string]any{"name": "Sales"})
	e.waitWebhooks()
	ds = e.s.WebhookDeliveries()
	last := ds[len(ds)-1]
	if last.Delivered || last.Attempts != 3 || last.Status != 0 || last.Err == "" || !last.Done {
		t.Errorf("down target: %+v", last)
	}
	if r := e.dated("GET", "/api_public/webhook_subscriptions/"+sub, "key:"+tokKey, nil).obj(t); r["enabled"] != false {
		t.Errorf("subscription after spent attempts: %v", r)
	}
	n := len(ds)
	e.dated("POST", "/teams/teams", "key:"+tokKey, map[string]any{"name": "Legal"})
	e.waitWebhooks()
	if ds := e.s.WebhookDeliveries(); len(ds) != n+1 || ds[n].TargetURL != flaky.srv.URL {
		t.Errorf("after disabling, deliveries went to %+v", ds[n:])
	}
}

// TestDatedWebhookClose: Close cancels the wait before a retry and returns
// once the delivery goroutines are gone.
func TestDatedWebhookClose(t *testing.T) {
	e := newEnv(t, WithWebhookRetries(5, time.Hour))
	failing := newReceiver(t, 500, 500, 500, 500, 500)
	e.subscribe("teams/team/create", failing.srv.URL, "c", true)
	e.dated("POST", "/teams/teams", "key:"+tokKey, map[string]any{"name": "Ops"})
	deadline := time.Now().Add(5 * time.Second)
	for failing.count() == 0 && time.Now().Before(deadline) {
		time.Sleep(time.Millisecond)
	}
	done := make(chan struct{})
	go func() { e.s.Close(); close(done) }()
	select {
	case <-done:
	case <-time.After(5 * time.Second):
		t.Fatal("Close did not return while a retry was pending")
	}
	if ds := e.s.WebhookDeliveries(); len(ds) != 1 || !ds[0].Done || ds[0].Attempts != 1 {
		t.Errorf("after Close: %+v", ds)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Second)
	defer cancel()
	if err := e.s.WaitWebhooks(ctx); err != nil {
		t.Errorf("WaitWebhooks after Close: %v", err)
	}
	e.dated("POST", "/teams/teams", "key:"+tokKey, map[string]any{"name": "Sales"})
	if ds := e.s.WebhookDeliveries(); len(ds) != 1 {
		t.Errorf("an event after Close was delivered: %+v", ds)
	}
	e.s.Close() // twice is fine
}
