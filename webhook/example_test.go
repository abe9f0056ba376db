package webhook_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/factorial-go/factorial/resources"
	"github.com/factorial-go/factorial/webhook"
)

// One Handler per subscription: here the leave approvals, whose payload is
// a resources.Leave. A delivery without the subscription's challenge is
// refused before the callback runs.
func ExampleNewHandler() {
	const challenge = "a-long-random-string-set-on-the-subscription"
	h, err := webhook.NewHandler(webhook.TimeOffLeaveApprove, challenge,
		func(ctx context.Context, leave resources.Leave, d webhook.Delivery) error {
			fmt.Printf("%s: leave %s of employee %s from %s, approved by %s %s\n",
				d.Event, leave.ID, leave.GetEmployeeID(), leave.GetStartOn(), d.AuthorType, d.AuthorID)
			return nil
		})
	if err != nil {
		log.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("POST /hooks/leave-approved", h)
	srv := httptest.NewServer(mux)
	defer srv.Close()

	deliver := func(challengeHeader string) {
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/hooks/leave-approved",
			strings.NewReader(`{"id":"77","employee_id":"1003","leave_type_id":"5","start_on":"2026-12-21","finish_on":"2026-12-23","approved":true,"company_id":"1","days_taken":3,"updated_at":"2026-12-01T10:00:00Z"}`))
		if err != nil {
			log.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set(webhook.ChallengeHeader, challengeHeader)
		req.Header.Set(webhook.AuthorTypeHeader, "employee")
		req.Header.Set(webhook.AuthorIDHeader, "1001")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			log.Fatal(err)
		}
		resp.Body.Close()
		fmt.Println(resp.Status)
	}
	deliver(challenge)
	deliver("forged")
	// Output:
	// timeoff/leave/approve: leave 77 of employee 1003 from 2026-12-21, approved by employee 1001
	// 200 OK
	// 401 Unauthorized
}
