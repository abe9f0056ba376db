package factorialtest_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
	"github.com/factorial-go/factorial/resources"
)

// Seeding for code of the current API: the helpers take and return its
// string ids, and apply the API's own defaults and checks.
func ExampleServer_AddEmployee() {
	srv := factorialtest.NewServer(factorialtest.WithFrozenClock(factorialtest.DemoTime))
	defer srv.Close()
	ctx := context.Background()

	grace, err := srv.AddEmployee("Grace", "Hopper", "grace@example.com",
		factorialtest.ManagedBy(factorialtest.ManagerEmployeeID))
	if err != nil {
		log.Fatal(err)
	}
	team, err := srv.AddTeam("Compilers", grace, factorialtest.StringID(factorialtest.BasicEmployeeID))
	if err != nil {
		log.Fatal(err)
	}
	monday := factorialtest.DemoTime.AddDate(0, 0, 7)
	leave, err := srv.AddLeave(grace, "1", monday, monday.AddDate(0, 0, 4))
	if err != nil {
		log.Fatal(err)
	}
	if _, err := srv.AddEmployee("Grace", "Twin", "grace@example.com"); err != nil {
		fmt.Println(err)
	}

	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		log.Fatal(err)
	}
	emp, err := c.Employees.Get(ctx, grace)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(grace, emp.GetFullName(), emp.GetManagerID())
	t, err := c.Teams.Get(ctx, team)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(t.GetName(), t.EmployeeIDs)
	l, err := c.TimeOff.GetLeave(ctx, leave)
	if err != nil {
		log.Fatal(err)
	}
	// Vacation needs approval, but the helper creates leaves as the admin.
	fmt.Println(l.StartOn, l.GetFinishOn(), "approved:", l.GetApproved())
	// Output:
	// factorialtest: create employees: 422 ["There is already a user with that email (grace@example.com)"]
	// 1006 Grace Hopper 1002
	// Compilers [1003 1006]
	// 2024-03-11 2024-03-15 approved: true
}

// Acting as a given user: one call gives a token source for that user
// (refreshed when the token expires on the server's clock), and a client
// built on it has that user's permissions. Bea's own request stays pending until Manu, her time-off
// manager, approves it; a leave the admin creates is approved at once.
func ExampleServer_TokenSourceAs() {
	srv := factorialtest.NewServer(factorialtest.WithFrozenClock(factorialtest.DemoTime))
	defer srv.Close()
	ctx := context.Background()
	bea := factorialtest.StringID(factorialtest.BasicEmployeeID)
	vacation := resources.LeaveCreate{
		EmployeeID: bea, LeaveTypeID: factorial.Ptr("1"),
		StartOn:  openapi_types.Date{Time: time.Date(2024, 4, 1, 0, 0, 0, 0, time.UTC)},
		FinishOn: &openapi_types.Date{Time: time.Date(2024, 4, 5, 0, 0, 0, 0, time.UTC)},
	}

	as := func(ts *oauth.TokenSource, err error) *factorial.Client {
		if err != nil {
			log.Fatal(err)
		}
		c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithTokenSource(ts))
		if err != nil {
			log.Fatal(err)
		}
		return c
	}

	asBea := as(srv.TokenSourceAs(factorialtest.BasicUserID))
	requested, err := asBea.TimeOff.CreateLeave(ctx, vacation)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("Bea requests:", requested.GetApproved())
	_, err = asBea.TimeOff.ApproveLeave(ctx, resources.ApproveLeaveInput{ID: requested.ID})
	fmt.Println("Bea approves her own:", errors.Is(err, factorial.ErrForbidden))

	asManu := as(srv.TokenSourceAs(factorialtest.ManagerUserID))
	approved, err := asManu.TimeOff.ApproveLeave(ctx, resources.ApproveLeaveInput{ID: requested.ID})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("Manu approves:", approved.GetApproved())
	_, err = asManu.TimeOff.ApproveLeave(ctx, resources.ApproveLeaveInput{ID: requested.ID})
	fmt.Println("again:", errors.Is(err, factorial.ErrValidation))

	asAda := as(srv.TokenSourceAsEmployee(factorialtest.StringID(factorialtest.AdminEmployeeID)))
	vacation.StartOn.Time, vacation.FinishOn.Time = vacation.StartOn.AddDate(0, 1, 0), vacation.FinishOn.AddDate(0, 1, 0)
	created, err := asAda.TimeOff.CreateLeave(ctx, vacation)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("Ada creates:", created.GetApproved())
	// Output:
	// Bea requests: false
	// Bea approves her own: true
	// Manu approves: true
	// again: true
	// Ada creates: true
}
