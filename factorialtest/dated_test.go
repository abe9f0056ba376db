package factorialtest_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/resources"
	"github.com/factorial-go/factorial/webhook"
)

// datedClient is a client of srv with the company API key, or with a
// user's bearer token when userID is not 0.
func datedClient(t *testing.T, srv *factorialtest.Server, userID int) *factorial.Client {
	t.Helper()
	opts := []factorial.Option{factorial.WithBaseURL(srv.URL())}
	if userID == 0 {
		opts = append(opts, factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	} else {
		tok, err := srv.IssueToken(userID)
		if err != nil {
			t.Fatal(err)
		}
		opts = append(opts, factorial.WithRequestEditor(func(_ context.Context, r *http.Request) error {
			r.Header.Set("Authorization", "Bearer "+tok.AccessToken)
			return nil
		}))
	}
	c, err := factorial.NewClient(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func dayOf(t time.Time) openapi_types.Date { return openapi_types.Date{Time: t} }

// apiStatus is the status of a *factorial.Error (0 for none).
func apiStatus(err error) int {
	var fe *factorial.Error
	if errors.As(err, &fe) {
		return fe.StatusCode
	}
	return 0
}

// TestDatedListIterWalksAThousandEmployees: ListIter follows end_cursor
// through a 1,000-employee company and sees everyone once; ListPage shows
// the cursor and page-number modes with their meta.
func TestDatedListIterWalksAThousandEmployees(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(factorialtest.DemoTime))
	for i := range 995 {
		if _, err := srv.AddEmployee("Emp", fmt.Sprint(i), fmt.Sprintf("emp%d@example.com", i)); err != nil {
			t.Fatal(err)
		}
	}
	c := datedClient(t, srv, 0)
	ctx := context.Background()
	seen := map[string]int{}
	var order []string
	for emp, err := range c.Employees.ListIter(ctx, nil) {
		if err != nil {
			t.Fatal(err)
		}
		seen[emp.ID]++
		order = append(order, emp.ID)
	}
	if len(order) != 1000 || len(seen) != 1000 {
		t.Fatalf("ListIter yielded %d employees, %d distinct", len(order), len(seen))
	}
	if order[0] != "1001" || order[999] != "2000" {
		t.Errorf("first %s, last %s", order[0], order[999])
	}

	first, err := c.Employees.ListPage(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	m := first.Meta
	if len(first.Data) != 100 || !m.HasNextPage || m.HasPreviousPage || m.Total != 1000 || m.Limit == nil || *m.Limit != 100 ||
		m.EndCursor == nil || m.StartCursor == nil {
		t.Fatalf("first page: %d records, meta %+v", len(first.Data), m)
	}
	second, err := c.Employees.ListPage(ctx, &resources.ListEmployeesParams{AfterID: m.EndCursor, Limit: ptr(50)})
	if err != nil {
		t.Fatal(err)
	}
	if len(second.Data) != 50 || second.Data[0].ID != "1101" || !second.Meta.HasPreviousPage || !second.Meta.HasNextPage {
		t.Errorf("after the first page: %d from %s, meta %+v", len(second.Data), second.Data[0].ID, second.Meta)
	}
	back, err := c.Employees.ListPage(ctx, &resources.ListEmployeesParams{BeforeID: second.Meta.StartCursor})
	if err != nil {
		t.Fatal(err)
	}
	if len(back.Data) != 100 || back.Data[0].ID != "1001" || back.Meta.HasPreviousPage {
		t.Errorf("before the second page: %d from %s", len(back.Data), back.Data[0].ID)
	}
	last, err := c.Employees.ListPage(ctx, &resources.ListEmployeesParams{Page: ptr(10)})
	if err != nil {
		t.Fatal(err)
	}
	if len(last.Data) != 100 || last.Data[99].ID != "2000" || last.Meta.HasNextPage || !last.Meta.HasPreviousPage {
		t.Errorf("page 10: %d records, meta %+v", len(last.Data), last.Meta)
	}
	filtered, err := c.Employees.List(ctx, &resources.ListEmployeesParams{TeamIDs: []string{"1"}})
	if err != nil || len(filtered) != 3 {
		t.Errorf("team_ids[]=1: %d, %v", len(filtered), err)
	}
	noViolations(t, srv)
}

// TestDatedAttendanceAndLeaves: no double clock-in, and leave decisions
// through the client, by the people allowed to make them.
func TestDatedAttendanceAndLeaves(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(factorialtest.DemoTime))
	ctx := context.Background()
	bea := datedClient(t, srv, factorialtest.BasicUserID)
	now := factorialtest.DemoTime
	shift, err := bea.Attendance.ClockIn(ctx, resources.ClockInInput{Now: now})
	if err != nil || shift.EmployeeID == nil || *shift.EmployeeID != "1003" || shift.ClockOut != nil {
		t.Fatalf("clock in: %+v %v", shift, err)
	}
	_, err = bea.Attendance.ClockIn(ctx, resources.ClockInInput{Now: now.Add(time.Minute)})
	if apiStatus(err) != 422 {
		t.Fatalf("double clock-in: %v", err)
	}
	shift, err = bea.Attendance.ClockOut(ctx, resources.ClockOutInput{Now: now.Add(8 * time.Hour)})
	if err != nil || shift.Minutes == nil || *shift.Minutes != 480 {
		t.Fatalf("clock out: %+v %v", shift, err)
	}

	// Bea asks; Manu, her time-off manager, approves; nobody can decide it
	// again.
	leave, err := bea.TimeOff.CreateLeave(ctx, resources.LeaveCreate{EmployeeID: "1003", LeaveTypeID: ptr("1"),
		StartOn: dayOf(now.AddDate(0, 1, 0)), FinishOn: ptr(dayOf(now.AddDate(0, 1, 2)))})
	if err != nil || leave.Approved == nil || *leave.Approved {
		t.Fatalf("request: %+v %v", leave, err)
	}
	if _, err := bea.TimeOff.ApproveLeave(ctx, resources.ApproveLeaveInput{ID: leave.ID}); apiStatus(err) != 403 {
		t.Errorf("approving one's own leave: %v", err)
	}
	manu := datedClient(t, srv, factorialtest.ManagerUserID)
	approved, err := manu.TimeOff.ApproveLeave(ctx, resources.ApproveLeaveInput{ID: leave.ID})
	if err != nil || approved.Approved == nil || !*approved.Approved {
		t.Fatalf("approve: %+v %v", approved, err)
	}
	admin := datedClient(t, srv, 0)
	if _, err := admin.TimeOff.RejectLeave(ctx, resources.RejectLeaveInput{ID: leave.ID}); apiStatus(err) != 422 {
		t.Errorf("rejecting an approved leave: %v", err)
	}
	other, _ := bea.TimeOff.CreateLeave(ctx, resources.LeaveCreate{EmployeeID: "1003", StartOn: dayOf(now.AddDate(0, 2, 0))})
	rejected, err := admin.TimeOff.RejectLeave(ctx, resources.RejectLeaveInput{ID: other.ID, Reason: ptr("Release week")})
	if err != nil || rejected.Approved == nil || *rejected.Approved {
		t.Fatalf("reject: %+v %v", rejected, err)
	}
	if _, err := admin.TimeOff.ApproveLeave(ctx, resources.ApproveLeaveInput{ID: other.ID}); apiStatus(err) != 422 {
		t.Errorf("approving a rejected leave: %v", err)
	}
	noViolations(t, srv)
}

// TestDatedTerminateUnterminate: the dated lifecycle, seen by v1 too.
func TestDatedTerminateUnterminate(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(factorialtest.DemoTime))
	ctx := context.Background()
	c := datedClient(t, srv, 0)
	on := factorialtest.DemoTime.AddDate(0, 0, -1)
	emp, err := c.Employees.Terminate(ctx, resources.TerminateEmployeeInput{ID: "1004", TerminatedOn: dayOf(on)})
	if err != nil || emp.TerminatedOn == nil || emp.Active == nil || *emp.Active {
		t.Fatalf("terminate: %+v %v", emp, err)
	}
	if rec, _ := srv.Get(factorialtest.Employees, factorialtest.Basic2EmployeeID); rec["terminated_on"] != on.Format(time.DateOnly) {
		t.Errorf("stored terminated_on %v", rec["terminated_on"])
	}
	emp, err = c.Employees.Unterminate(ctx, resources.UnterminateEmployeeInput{ID: "1004"})
	if err != nil || emp.TerminatedOn != nil || !*emp.Active {
		t.Fatalf("unterminate: %+v %v", emp, err)
	}
	noViolations(t, srv)
}

// TestDatedCredentials: a user token describes the employee, the API key
// the company.
func TestDatedCredentials(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	ctx := context.Background()
	creds, err := datedClient(t, srv, factorialtest.BasicUserID).Credentials.List(ctx, nil)
	if err != nil || len(creds) != 1 {
		t.Fatalf("user credentials: %v %v", creds, err)
	}
	u := creds[0]
	if u.ID != "access-3" || u.CompanyID != "1" || *u.EmployeeID != "1003" || *u.Email != "basic@example.com" || u.Name != nil {
		t.Errorf("user credential: %+v", u)
	}
	creds, err = datedClient(t, srv, 0).Credentials.List(ctx, nil)
	if err != nil || len(creds) != 1 {
		t.Fatalf("API key credentials: %v %v", creds, err)
	}
	k := creds[0]
	if k.ID != "api_key-1" || k.CompanyID != "1" || k.EmployeeID != nil || k.Name == nil || *k.Name != "Acme Labs" || *k.LegalName != "Acme Labs S.L." {
		t.Errorf("API key credential: %+v", k)
	}
	noViolations(t, srv)
}

// TestDatedBlankString: a blank required string is refused as missing, in
// the dated API's error shape.
func TestDatedBlankString(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	r := do(t, srv, "POST", "/api/2026-07-01/resources/teams/teams", nil, nil)
	if r.status != 401 {
		t.Fatalf("no credentials: %d", r.status)
	}
	req, _ := http.NewRequest("POST", srv.URL()+"/api/2026-07-01/resources/teams/teams", strings.NewReader(`{"name": "  "}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("x-api-key", factorialtest.DefaultAPIKey)
	resp, err := srv.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 422 || string(body) != `{"errors":{"errors":["Name can't be blank"]}}` {
		t.Errorf("blank name: %d %s", resp.StatusCode, body)
	}
	_, err = datedClient(t, srv, 0).Teams.Create(context.Background(), resources.TeamCreate{Name: "\t"})
	var fe *factorial.Error
	if !errors.As(err, &fe) || fe.StatusCode != 422 || !strings.Contains(strings.Join(fe.Messages, " "), "Name can't be blank") {
		t.Errorf("client: %v", err)
	}
	noViolations(t, srv)
}

// hookReceiver records the webhooks it receives and answers the statuses
// given, in turn, then 200.
type hookReceiver struct {
	*httptest.Server
	mu       sync.Mutex
	headers  []http.Header
	bodies   []string
	statuses []int
}

func newHookReceiver(t *testing.T, statuses ...int) *hookReceiver {
	h := &hookReceiver{statuses: statuses}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		h.mu.Lock()
		defer h.mu.Unlock()
		h.headers = append(h.headers, r.Header.Clone())
		h.bodies = append(h.bodies, string(b))
		status := 200
		if len(h.statuses) > 0 {
			status, h.statuses = h.statuses[0], h.statuses[1:]
		}
		w.WriteHeader(status)
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hookReceiver) received() ([]http.Header, []string) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.headers, h.bodies
}

// TestDatedWebhooks: a subscribed event is POSTed with the challenge, and
// retried after a failure; a remote target is refused.
func TestDatedWebhooks(t *testing.T) {
	hooks := newHookReceiver(t, http.StatusServiceUnavailable)
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(factorialtest.DemoTime),
		factorialtest.WithWebhookRetries(3, 10*time.Millisecond))
	ctx := context.Background()
	c := datedClient(t, srv, 0)
	if _, err := c.Webhooks.Create(ctx, resources.WebhookSubscriptionCreate{
		SubscriptionType: "attendance/shift/clock_in", TargetURL: "https://hooks.example.com/in", CompanyID: "1"}); apiStatus(err) != 422 {
		t.Errorf("remote target: %v", err)
	}
	sub, err := c.Webhooks.Create(ctx, resources.WebhookSubscriptionCreate{
		SubscriptionType: "attendance/shift/clock_in", TargetURL: hooks.URL + "/clock-in", CompanyID: "1", Challenge: ptr("wh-secret")})
	if err != nil || !sub.Enabled || sub.Type != "attendance/shift/clock_in" {
		t.Fatalf("subscribe: %+v %v", sub, err)
	}

	bea := datedClient(t, srv, factorialtest.BasicUserID)
	shift, err := bea.Attendance.ClockIn(ctx, resources.ClockInInput{Now: factorialtest.DemoTime})
	if err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := srv.WaitWebhooks(wctx); err != nil {
		t.Fatal(err)
	}
	headers, bodies := hooks.received()
	if len(bodies) != 2 {
		t.Fatalf("%d attempts, want a failure and a retry", len(bodies))
	}
	for i, h := range headers {
		if h.Get("x-factorial-wh-challenge") != "wh-secret" || h.Get("x-factorial-author-type") != "employee" || h.Get("x-factorial-author-id") != "1003" {
			t.Errorf("attempt %d headers: %v", i, h)
		}
	}
	if !strings.Contains(bodies[1], `"id":"`+shift.ID+`"`) || !strings.Contains(bodies[1], `"employee_id":"1003"`) || bodies[0] != bodies[1] {
		t.Errorf("payload: %s", bodies[1])
	}
	ds := srv.WebhookDeliveries()
	if len(ds) != 1 || !ds[0].Delivered || ds[0].Attempts != 2 || ds[0].Type != "attendance/shift/clock_in" || string(ds[0].Payload) != bodies[1] {
		t.Errorf("deliveries: %+v", ds)
	}

	// Disabled: nothing is sent.
	if _, err := c.Webhooks.Update(ctx, sub.ID, resources.WebhookSubscriptionUpdate{ID: sub.ID, Enabled: ptr(false)}); err != nil {
		t.Fatal(err)
	}
	if _, err := bea.Attendance.ClockOut(ctx, resources.ClockOutInput{Now: factorialtest.DemoTime.Add(time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if _, err := bea.Attendance.ClockIn(ctx, resources.ClockInInput{Now: factorialtest.DemoTime.Add(2 * time.Hour)}); err != nil {
		t.Fatal(err)
	}
	if err := srv.WaitWebhooks(wctx); err != nil {
		t.Fatal(err)
	}
	if _, bodies := hooks.received(); len(bodies) != 2 || len(srv.WebhookDeliveries()) != 1 {
		t.Errorf("a disabled subscription got %d requests", len(bodies)-2)
	}
	noViolations(t, srv)
}

// bearerClient is a client of srv sending tok as it is.
func bearerClient(t *testing.T, srv *factorialtest.Server, tok factorialtest.IssuedToken) *factorial.Client {
	t.Helper()
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()),
		factorial.WithRequestEditor(func(_ context.Context, r *http.Request) error {
			r.Header.Set("Authorization", "Bearer "+tok.AccessToken)
			return nil
		}))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// TestDatedScopesAndCompanyTokens: a token is held to its granular scopes
// on the dated API, and a company token is the company.
func TestDatedScopesAndCompanyTokens(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	ctx := context.Background()
	tok, err := srv.IssueScopedToken(factorialtest.AdminUserID, "time_off")
	if err != nil {
		t.Fatal(err)
	}
	c := bearerClient(t, srv, tok)
	if _, err := c.TimeOff.ListLeaves(ctx, nil); err != nil {
		t.Errorf("leaves with time_off: %v", err)
	}
	_, err = c.Employees.List(ctx, nil)
	var fe *factorial.Error
	if !errors.As(err, &fe) || fe.StatusCode != 403 || !strings.Contains(fe.Header.Get("WWW-Authenticate"), `error="insufficient_scope"`) {
		t.Errorf("employees with time_off only: %v", err)
	}
	if creds, err := c.Credentials.List(ctx, nil); err != nil || creds[0].ID != "access-1" {
		t.Errorf("credentials need no scope: %v %v", creds, err)
	}
	// v1 tokens (read and write) are not held to granular scopes.
	v1tok, _ := srv.IssueToken(factorialtest.BasicUserID)
	if _, err := bearerClient(t, srv, v1tok).Employees.List(ctx, nil); err != nil {
		t.Errorf("a v1 token on the dated API: %v", err)
	}

	company, err := srv.IssueCompanyToken("employees")
	if err != nil {
		t.Fatal(err)
	}
	cc := bearerClient(t, srv, company)
	creds, err := cc.Credentials.List(ctx, nil)
	if err != nil || len(creds) != 1 || creds[0].ID != "company-1" || creds[0].EmployeeID != nil || creds[0].Name == nil || *creds[0].Name != "Acme Labs" {
		t.Fatalf("company credentials: %+v %v", creds, err)
	}
	if _, err := cc.Employees.Terminate(ctx, resources.TerminateEmployeeInput{ID: "1004", TerminatedOn: dayOf(time.Now())}); err != nil {
		t.Errorf("a company token terminating: %v", err)
	}
	if _, err := cc.TimeOff.ListLeaves(ctx, nil); apiStatus(err) != 403 {
		t.Errorf("a company token outside its scopes: %v", err)
	}
	noViolations(t, srv)
}

// TestDatedWebhookToHandler: the sandbox's deliveries drive this module's
// webhook.Handler end to end; a failing callback is delivered again.
func TestDatedWebhookToHandler(t *testing.T) {
	var mu sync.Mutex
	var got []resources.Leave
	calls := 0
	h, err := webhook.NewHandler("timeoff/leave/approve", "hook-secret",
		func(_ context.Context, leave resources.Leave, d webhook.Delivery) error {
			mu.Lock()
			defer mu.Unlock()
			calls++
			if calls == 1 {
				return errors.New("database briefly down")
			}
			if d.AuthorType != "company" {
				return fmt.Errorf("author %q", d.AuthorType)
			}
			got = append(got, leave)
			return nil
		}, webhook.WithLogger(slog.New(slog.DiscardHandler)))
	if err != nil {
		t.Fatal(err)
	}
	target := httptest.NewServer(h)
	t.Cleanup(target.Close)
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithWebhookRetries(3, 10*time.Millisecond))
	ctx := context.Background()
	c := datedClient(t, srv, 0)
	if _, err := c.Webhooks.Create(ctx, resources.WebhookSubscriptionCreate{
		SubscriptionType: "timeoff/leave/approve", TargetURL: target.URL, CompanyID: "1", Challenge: ptr("hook-secret")}); err != nil {
		t.Fatal(err)
	}
	leave, err := c.TimeOff.ApproveLeave(ctx, resources.ApproveLeaveInput{ID: "3"})
	if err != nil {
		t.Fatal(err)
	}
	wctx, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := srv.WaitWebhooks(wctx); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if calls != 2 || len(got) != 1 || got[0].ID != leave.ID || got[0].Approved == nil || !*got[0].Approved {
		t.Errorf("handler: %d calls, %+v", calls, got)
	}
	if ds := srv.WebhookDeliveries(); len(ds) != 1 || ds[0].Attempts != 2 || !ds[0].Delivered {
		t.Errorf("deliveries: %+v", ds)
	}
	noViolations(t, srv)
}
