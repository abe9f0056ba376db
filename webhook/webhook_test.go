package webhook_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/factorial-go/factorial/resources"
	"github.com/factorial-go/factorial/webhook"
)

const (
	challenge = "s3cr3t-challenge-value"
	leaveJSON = `{"id":"77","employee_id":"1003","leave_type_id":"5","start_on":"2026-08-03","finish_on":"2026-08-07","approved":true,"company_id":"1","days_taken":5,"updated_at":"2026-08-01T10:00:00Z"}`
)

func newLeaveHandler(t *testing.T, fail error) (*webhook.Handler, *[]resources.Leave, *[]webhook.Delivery) {
	t.Helper()
	var mu sync.Mutex
	var leaves []resources.Leave
	var deliveries []webhook.Delivery
	h, err := webhook.NewHandler(webhook.TimeOffLeaveApprove, challenge, func(ctx context.Context, l resources.Leave, d webhook.Delivery) error {
		mu.Lock()
		defer mu.Unlock()
		leaves = append(leaves, l)
		deliveries = append(deliveries, d)
		return fail
	})
	if err != nil {
		t.Fatal(err)
	}
	return h, &leaves, &deliveries
}

func TestHandlerAcceptsADelivery(t *testing.T) {
	h, leaves, deliveries := newLeaveHandler(t, nil)
	mux := http.NewServeMux() // any mux: the Handler is a plain http.Handler
	mux.Handle("POST /hooks/leave-approved", h)
	req := httptest.NewRequest(http.MethodPost, "/hooks/leave-approved", strings.NewReader(leaveJSON))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(webhook.ChallengeHeader, challenge)
	req.Header.Set(webhook.AuthorTypeHeader, "employee")
	req.Header.Set(webhook.AuthorIDHeader, "1001")
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	if rec.Code != http.StatusOK {
		t.Fatalf("status %d: %s", rec.Code, rec.Body)
	}
	if len(*leaves) != 1 {
		t.Fatalf("%d callbacks", len(*leaves))
	}
	l, d := (*leaves)[0], (*deliveries)[0]
	if l.ID != "77" || l.GetEmployeeID() != "1003" || !l.GetApproved() || l.StartOn.String() != "2026-08-03" {
		t.Errorf("payload %+v", l)
	}
	if d.Event != webhook.TimeOffLeaveApprove || d.AuthorType != "employee" || d.AuthorID != "1001" || string(d.Body) != leaveJSON {
		t.Errorf("delivery %+v", d)
	}
}

func TestHandlerRefuses(t *testing.T) {
	for _, tc := range []struct {
		name, method, challenge, contentType, body string
		want                                       int
	}{
		{"no challenge", "POST", "", "application/json", leaveJSON, 401},
		{"wrong challenge", "POST", challenge + "x", "application/json", leaveJSON, 401},
		{"prefix of the challenge", "POST", challenge[:5], "application/json", leaveJSON, 401},
		{"GET", "GET", challenge, "", "", 405},
		{"not JSON", "POST", challenge, "text/plain", leaveJSON, 415},
		{"garbage", "POST", challenge, "application/json", "{not json", 400},
		{"empty", "POST", challenge, "application/json", "", 400},
		{"null", "POST", challenge, "application/json", "null", 400},
		{"wrong shape", "POST", challenge, "application/json", `[1,2]`, 400},
		{"wrong field type", "POST", challenge, "application/json", `{"id":77}`, 400},
		{"too large", "POST", challenge, "application/json", `{"id":"1","pad":"` + strings.Repeat("x", webhook.DefaultMaxBodyBytes) + `"}`, 413},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h, leaves, _ := newLeaveHandler(t, nil)
			req := httptest.NewRequest(tc.method, "/", strings.NewReader(tc.body))
			if tc.contentType != "" {
				req.Header.Set("Content-Type", tc.contentType)
			}
			if tc.challenge != "" {
				req.Header.Set(webhook.ChallengeHeader, tc.challenge)
			}
			rec := httptest.NewRecorder()
			h.ServeHTTP(rec, req)
			if rec.Code != tc.want || len(*leaves) != 0 {
				t.Errorf("status %d, %d callbacks; want %d and none", rec.Code, len(*leaves), tc.want)
			}
			if strings.Contains(rec.Body.String(), challenge) {
				t.Error("the answer echoes the challenge")
			}
		})
	}
}

// A callback that fails answers 500, so Factorial delivers again.
func TestHandlerCallbackFailure(t *testing.T) {
	h, leaves, _ := newLeaveHandler(t, errors.New("database down"))
	req := httptest.NewRequest("POST", "/", strings.NewReader(leaveJSON))
	req.Header.Set(webhook.ChallengeHeader, challenge)
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != http.StatusInternalServerError || len(*leaves) != 1 {
		t.Fatalf("status %d, %d callbacks", rec.Code, len(*leaves))
	}
	if strings.Contains(rec.Body.String(), "database down") {
		t.Error("the callback's error reached the sender")
	}
}

func TestNewHandlerChecksItsArguments(t *testing.T) {
	noop := func(context.Context, resources.Leave, webhook.Delivery) error { return nil }
	if _, err := webhook.NewHandler("timeoff/leave/explode", challenge, noop); !errors.Is(err, webhook.ErrUnknownEvent) {
		t.Errorf("unknown event: %v", err)
	}
	if _, err := webhook.NewHandler("employees/employee/update", challenge, noop); err == nil || !strings.Contains(err.Error(), "resources.Employee") {
		t.Errorf("payload type mismatch: %v", err)
	}
	if _, err := webhook.NewHandler("timeoff/leave/approve", "", noop); err == nil {
		t.Error("empty challenge accepted")
	}
	if _, err := webhook.NewHandler[resources.Leave]("timeoff/leave/approve", challenge, nil); err == nil {
		t.Error("nil callback accepted")
	}
	for _, ev := range webhook.EventTypes() {
		if webhook.PayloadType(ev) == nil {
			t.Errorf("%s has no payload type", ev)
		}
	}
	if len(webhook.EventTypes()) < 40 {
		t.Errorf("only %d event types", len(webhook.EventTypes()))
	}
}

// FuzzHandler: whatever arrives, the Handler answers without panicking;
// 200 only with the right challenge and a body that decodes, 4xx for
// everything else (the callback never fails here).
func FuzzHandler(f *testing.F) {
	f.Add("POST", challenge, "application/json", []byte(leaveJSON))
	f.Add("POST", challenge, "application/json", []byte(`{"id":"1","approved":"yes"}`))
	f.Add("POST", "", "", []byte(leaveJSON))
	f.Add("PUT", challenge, "application/json; charset=utf-8", []byte(`{}`))
	f.Add("POST", challenge, "application/merge-patch+json", []byte(`null`))
	f.Add("POST", challenge, "multipart/form-data; boundary=", []byte("\x00\xff"))
	f.Fuzz(func(t *testing.T, method, gotChallenge, contentType string, body []byte) {
		var calls int
		h, err := webhook.NewHandler("timeoff/leave/approve", challenge, func(context.Context, resources.Leave, webhook.Delivery) error {
			calls++
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		req, err := http.NewRequest(method, "http://receiver/hook", strings.NewReader(string(body)))
		if err != nil {
			return // not a request net/http would let through
		}
		req.Header.Set(webhook.ChallengeHeader, gotChallenge)
		req.Header.Set("Content-Type", contentType)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		switch {
		case rec.Code == http.StatusOK:
			if method != "POST" || gotChallenge != challenge || calls != 1 {
				t.Fatalf("accepted method %q challenge %q (%d calls)", method, gotChallenge, calls)
			}
		case rec.Code >= 400 && rec.Code < 500:
			if calls != 0 {
				t.Fatalf("refused with %d after calling back", rec.Code)
			}
		default:
			t.Fatalf("status %d", rec.Code)
		}
	})
}
