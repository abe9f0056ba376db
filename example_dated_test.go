package factorial_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/resources"
)

// These examples call the dated API Factorial serves today, against
// factorialtest's fake of it (the demo company: Ada Admin, Manu Manager,
// Bea Basic, ...). Against Factorial, drop WithBaseURL and use your API key
// or an oauth token source.

// sandboxClient starts the fake and returns a client of it with the demo
// company's API key.
func sandboxClient() (*factorialtest.Server, *factorial.Client) {
	srv := factorialtest.NewServer(factorialtest.WithFrozenClock(factorialtest.DemoTime))
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		log.Fatal(err)
	}
	return srv, c
}

// Who the credentials act as: an API key acts for its company.
func ExampleCredentialsService_List() {
	srv, c := sandboxClient()
	defer srv.Close()

	creds, err := c.Credentials.List(context.Background(), nil)
	if err != nil {
		log.Fatal(err)
	}
	for _, cr := range creds {
		fmt.Println(cr.CompanyID, cr.GetEmployeeID() == "")
	}
	// Output:
	// 1 true
}

// List follows the pages for you and returns every employee.
func ExampleEmployeesService_List() {
	srv, c := sandboxClient()
	defer srv.Close()

	emps, err := c.Employees.List(context.Background(), &resources.ListEmployeesParams{OnlyActive: factorial.Ptr(true)})
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range emps {
		// Optional fields are pointers; the getters return "" (or 0, or
		// nil) for an unset one.
		fmt.Printf("%s %s <%s> manager %q\n", e.ID, e.GetFullName(), e.GetEmail(), e.GetManagerID())
	}
	// Output:
	// 1001 Ada Admin <admin@example.com> manager ""
	// 1002 Manu Manager <manager@example.com> manager "1001"
	// 1003 Bea Basic <basic@example.com> manager "1002"
	// 1004 Bruno Basic <basic2@example.com> manager "1002"
}

// ListIter holds one page in memory at a time: it yields a page's
// employees, then fetches the next page with the cursor the last one
// returned. Breaking out of the loop stops the walk.
func ExampleEmployeesService_ListIter() {
	srv, c := sandboxClient()
	defer srv.Close()

	for e, err := range c.Employees.ListIter(context.Background(), &resources.ListEmployeesParams{Limit: factorial.Ptr(2)}) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(e.ID, e.GetFullName())
		if e.GetFullName() == "Bea Basic" {
			break
		}
	}
	// Output:
	// 1001 Ada Admin
	// 1002 Manu Manager
	// 1003 Bea Basic
}

// ListPage returns one page with its meta: the cursor of its last record
// goes into AfterID for the next page.
func ExampleEmployeesService_ListPage() {
	srv, c := sandboxClient()
	defer srv.Close()
	ctx := context.Background()

	page, err := c.Employees.ListPage(ctx, &resources.ListEmployeesParams{Limit: factorial.Ptr(2)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(page.Data), page.Meta.HasNextPage)
	next, err := c.Employees.ListPage(ctx, &resources.ListEmployeesParams{Limit: factorial.Ptr(2), AfterID: page.Meta.EndCursor})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(next.Data[0].GetFullName(), next.Meta.HasPreviousPage)
	// Output:
	// 2 true
	// Bea Basic true
}

// A leave created with an admin's credentials (an API key acts as the
// company's admin) is approved at once; one created by the employee
// waits for approval.
func ExampleTimeOffService_CreateLeave() {
	srv, c := sandboxClient()
	defer srv.Close()
	ctx := context.Background()

	types, err := c.TimeOff.ListLeaveTypes(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	leave, err := c.TimeOff.CreateLeave(ctx, resources.LeaveCreate{
		EmployeeID:  "1003",
		LeaveTypeID: &types[0].ID,
		StartOn:     factorial.NewDate(time.Date(2026, 12, 21, 0, 0, 0, 0, time.UTC)),
		FinishOn:    factorial.Ptr(factorial.NewDate(time.Date(2026, 12, 23, 0, 0, 0, 0, time.UTC))),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(leave.GetEmployeeID(), leave.GetStartOn(), leave.GetFinishOn(), leave.GetApproved())
	// Output:
	// 1003 2026-12-21 2026-12-23 true
}

// Clocking in opens a shift; clocking out closes it.
func ExampleAttendanceService_ClockIn() {
	srv, c := sandboxClient()
	defer srv.Close()
	ctx := context.Background()

	in, err := c.Attendance.ClockIn(ctx, resources.ClockInInput{EmployeeID: factorial.Ptr("1003"), Now: factorialtest.DemoTime})
	if err != nil {
		log.Fatal(err)
	}
	out, err := c.Attendance.ClockOut(ctx, resources.ClockOutInput{EmployeeID: factorial.Ptr("1003"), Now: factorialtest.DemoTime.Add(8 * time.Hour)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(in.ID == out.ID, in.GetClockIn(), in.GetClockOut() == "", out.GetClockOut())
	// Output:
	// true 09:00 true 17:00
}

func ExampleTeamsService_Create() {
	srv, c := sandboxClient()
	defer srv.Close()

	ctx := context.Background()
	team, err := c.Teams.Create(ctx, resources.TeamCreate{Name: "Platform"})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.Teams.CreateMembership(ctx, resources.TeamMembershipCreate{TeamID: team.ID, EmployeeID: "1003", Lead: factorial.Ptr(true)}); err != nil {
		log.Fatal(err)
	}
	team, err = c.Teams.Get(ctx, team.ID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(team.GetName(), team.GetEmployeeIDs(), team.GetLeadIDs())
	// Output:
	// Platform [1003] [1003]
}

// A 422 is a validation error: errors.Is matches ErrValidation, and the
// messages Factorial sends are on the *Error, per field where they name one.
func ExampleError_validation() {
	srv, c := sandboxClient()
	defer srv.Close()

	_, err := c.Teams.Create(context.Background(), resources.TeamCreate{Name: " "})
	fmt.Println(errors.Is(err, factorial.ErrValidation))
	var fe *factorial.Error
	if errors.As(err, &fe) {
		// Factorial sends Rails' full messages; those that start with a
		// field of the body sent are filed under it (best effort).
		fmt.Println(fe.StatusCode, fe.Messages, fe.FieldErrors["name"])
	}
	// Output:
	// true
	// 422 [Name can't be blank] [Name can't be blank]
}

// Raw is the generated client under the services, for what a service does
// not express: here the response's status and headers. It goes through the
// same transport, so a non-2xx answer is still an *Error.
func ExampleClient_Raw() {
	srv, c := sandboxClient()
	defer srv.Close()

	resp, err := c.Raw().GetEmployeeWithResponse(context.Background(), "1003")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(resp.StatusCode(), resp.JSON200.GetFullName(), resp.HTTPResponse.Header.Get("X-Request-Id") != "")
	// Output:
	// 200 Bea Basic true
}
