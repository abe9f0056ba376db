package factorial_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strings"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
)

// These examples run against factorialtest, a local fake of Factorial
// with a demo company (Ada Admin, Manu Manager, Bea Basic, ...). Against
// Factorial, drop WithBaseURL and use your API key or token source. The
// frozen clock keeps the demo data's dates, and so the output, the same
// on every run.

// The client against the sandbox, as in the README: seed data, inject a
// rate limit, and watch the client retry the GET through it.
func Example_sandbox() {
	srv := factorialtest.NewServer() // in a test: factorialtest.NewServer(factorialtest.WithTB(t))
	defer srv.Close()

	client, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()),
		factorial.WithAPIKey(factorialtest.DefaultAPIKey),
		factorial.WithRetryPolicy(factorial.RetryPolicy{BaseDelay: time.Millisecond}))
	if err != nil {
		log.Fatal(err)
	}
	if _, err := srv.AddEmployee("Grace", "Hopper", "grace@example.com"); err != nil {
		log.Fatal(err)
	}
	fault := srv.InjectFault(factorialtest.Fault{Match: "ListEmployees", Status: 429, Times: 1})

	emps, err := client.V1.Employees.List(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	last := emps[len(emps)-1]
	fmt.Println(last.GetFullName(), "found after", fault.Hits(), "rate-limited attempt")
	// Output: Grace Hopper found after 1 rate-limited attempt
}

func ExampleV1CredentialsService_GetMe() {
	srv := factorialtest.NewServer()
	defer srv.Close()
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		log.Fatal(err)
	}

	// Who the credentials act as: an API key acts as the company's admin.
	me, err := c.V1.Credentials.GetMe(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(me.GetFullName(), me.Email, me.EmployeeID, me.GetRole())
	// Output:
	// Ada Admin admin@example.com 1001 admin
}

func ExampleV1EmployeesService_List() {
	srv := factorialtest.NewServer(factorialtest.WithFrozenClock(factorialtest.DemoTime))
	defer srv.Close()
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		log.Fatal(err)
	}

	emps, err := c.V1.Employees.List(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, e := range emps {
		// Optional fields are pointers; the getters return "" (or 0, or
		// the zero Date) for a nil one.
		fmt.Println(e.ID, e.GetFullName(), e.GetEmail(), e.GetManagerID(), e.TerminatedOn != nil)
	}
	// Output:
	// 1001 Ada Admin admin@example.com 0 false
	// 1002 Manu Manager manager@example.com 1001 false
	// 1003 Bea Basic basic@example.com 1002 false
	// 1004 Bruno Basic basic2@example.com 1002 false
	// 1005 Tere Terminated terminated@example.com 1002 true
}

// ListIter decodes the list element by element as it arrives, so memory
// stays flat however many employees there are; breaking out of the loop
// closes the connection. A failure before the first element is retried
// like any call; one after it ends the loop with an *Error.
func ExampleV1EmployeesService_ListIter() {
	srv := factorialtest.NewServer()
	defer srv.Close()
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		log.Fatal(err)
	}

	for e, err := range c.V1.Employees.ListIter(context.Background()) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(e.ID, e.GetFullName())
		if e.ID == factorialtest.BasicEmployeeID {
			break // found; the rest is not read
		}
	}
	// Output:
	// 1001 Ada Admin
	// 1002 Manu Manager
	// 1003 Bea Basic
}

// Dates are factorial.Date values (YYYY-MM-DD on the wire). The sandbox
// applies Factorial's rules: a leave that ends before it starts is
// refused with a 422 naming the field.
func ExampleV1TimeOffService_CreateLeave() {
	srv := factorialtest.NewServer(factorialtest.WithFrozenClock(factorialtest.DemoTime))
	defer srv.Close()
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	leave, err := c.V1.TimeOff.CreateLeave(ctx, api.LeaveCreate{
		EmployeeID:  factorialtest.BasicEmployeeID,
		LeaveTypeID: factorial.Ptr(1),
		StartOn:     factorial.DateOf(2024, time.March, 11),
		FinishOn:    factorial.DateOf(2024, time.March, 15),
		Description: factorial.Ptr("Conference"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(leave.ID, leave.GetEmployeeID(), leave.GetStartOn(), leave.GetFinishOn(), leave.GetDescription())

	_, err = c.V1.TimeOff.CreateLeave(ctx, api.LeaveCreate{
		EmployeeID: factorialtest.BasicEmployeeID,
		StartOn:    factorial.DateOf(2024, time.March, 15),
		FinishOn:   factorial.DateOf(2024, time.March, 11),
	})
	var fe *factorial.Error
	if errors.As(err, &fe) {
		fmt.Println(fe.StatusCode, fe.FieldErrors["finish_on"])
	}
	// Output:
	// 4 1003 2024-03-11 2024-03-15 Conference
	// 422 [must be on or after start_on]
}

// A delete returns the deleted record, or nil when the server answers 204
// without a body (as factorialtest does with WithDeleteNoContent).
func ExampleV1TimeOffService_DeleteLeave() {
	srv := factorialtest.NewServer(factorialtest.WithDeleteNoContent())
	defer srv.Close()
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	deleted, err := c.V1.TimeOff.DeleteLeave(ctx, 1)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("no body:", deleted == nil)
	_, err = c.V1.TimeOff.GetLeave(ctx, 1)
	fmt.Println("gone:", errors.Is(err, factorial.ErrNotFound))
	// Output:
	// no body: true
	// gone: true
}

// Clocking in opens a shift; a second clock-in while it is open is
// refused. ClockIn is a POST, so the client never repeats it after a
// failure that may have reached the server (a 429 excepted).
func ExampleV1AttendanceService_ClockIn() {
	srv := factorialtest.NewServer(factorialtest.WithFrozenClock(factorialtest.DemoTime))
	defer srv.Close()
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	now := srv.Now() // 2024-03-04 09:00 UTC

	shift, err := c.V1.Attendance.ClockIn(ctx, api.ClockInInput{EmployeeID: factorialtest.Basic2EmployeeID, Now: now})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("in:", shift.ID, shift.GetClockIn(), shift.ClockOut == nil)

	_, err = c.V1.Attendance.ClockIn(ctx, api.ClockInInput{EmployeeID: factorialtest.Basic2EmployeeID, Now: now})
	var fe *factorial.Error
	if errors.As(err, &fe) {
		fmt.Println(fe.StatusCode, fe.Message())
	}

	shift, err = c.V1.Attendance.ClockOut(ctx, api.ClockOutInput{EmployeeID: factorialtest.Basic2EmployeeID, Now: now.Add(8 * time.Hour)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("out:", shift.ID, shift.GetClockIn(), shift.GetClockOut())
	// Output:
	// in: 3 09:00 true
	// 422 clock_in: You are already clocked in. Clock out before clocking in again
	// out: 3 09:00 17:00
}

// Teams.Create, then the membership operations (the spec's
// AssignEmployeeToTeam and UpdateTeamMembership): the sandbox keeps both
// sides, the team's member and lead ids.
func ExampleV1TeamsService_Create() {
	srv := factorialtest.NewServer()
	defer srv.Close()
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()

	team, err := c.V1.Teams.Create(ctx, api.TeamCreate{Name: "Platform", Description: factorial.Ptr("Build and CI")})
	if err != nil {
		log.Fatal(err)
	}
	if _, err := c.V1.Teams.AssignEmployeeToTeam(ctx, team.ID, factorialtest.BasicEmployeeID); err != nil {
		log.Fatal(err)
	}
	team, err = c.V1.Teams.UpdateMembership(ctx, team.ID, factorialtest.BasicEmployeeID, api.TeamMembershipUpdate{Lead: factorial.Ptr(true)})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(team.ID, team.GetName(), team.EmployeeIDs, team.LeadIDs)
	// Output:
	// 3 Platform [1003] [1003]
}

func ExampleV1LocationsService_List() {
	srv := factorialtest.NewServer()
	defer srv.Close()
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		log.Fatal(err)
	}

	locs, err := c.V1.Locations.List(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range locs {
		fmt.Println(l.ID, l.GetName(), l.GetCity(), l.GetTimezone())
	}
	// Output:
	// 1 Barcelona HQ Barcelona Europe/Madrid
	// 2 Madrid office Madrid Europe/Madrid
}

// List parameters are the generated ...Params structs; nil asks for
// everything.
func ExampleV1DocumentsService_List() {
	srv := factorialtest.NewServer()
	defer srv.Close()
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		log.Fatal(err)
	}

	docs, err := c.V1.Documents.List(context.Background(), &api.ListDocumentsParams{EmployeeID: factorial.Ptr(factorialtest.BasicEmployeeID)})
	if err != nil {
		log.Fatal(err)
	}
	for _, d := range docs {
		fmt.Println(d.ID, d.GetFilename(), d.GetEmployeeID(), d.GetFolderID())
	}
	// Output:
	// 1 contract.pdf 1003 1
}

// An operation whose success has no body returns only an error.
func ExampleV1ShiftManagementService_Publish() {
	srv := factorialtest.NewServer(factorialtest.WithFrozenClock(factorialtest.DemoTime))
	defer srv.Close()
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		log.Fatal(err)
	}
	ctx := context.Background()
	published := &api.ListManagedShiftsParams{OnlyPublished: factorial.Ptr(true)}

	before, err := c.V1.ShiftManagement.List(ctx, published)
	if err != nil {
		log.Fatal(err)
	}
	if err := c.V1.ShiftManagement.Publish(ctx, api.PublishShiftsInput{}); err != nil {
		log.Fatal(err)
	}
	after, err := c.V1.ShiftManagement.List(ctx, published)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("published:", len(before), "->", len(after))
	// Output: published: 1 -> 2
}

// Ptr fills the optional (pointer) fields of a request: here an update
// that changes the first name and leaves every other field alone.
func ExamplePtr() {
	srv := factorialtest.NewServer()
	defer srv.Close()
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		log.Fatal(err)
	}

	e, err := c.V1.Employees.Update(context.Background(), factorialtest.BasicEmployeeID, api.EmployeeUpdate{
		FirstName: factorial.Ptr("Beatrice"),
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(e.GetFirstName(), e.GetLastName(), e.GetManagerID())
	// Output:
	// Beatrice Basic 1002
}

// A basic user sees colleagues without their private data: those fields
// are nil. Value and the getters read a pointer field as its zero value
// when nil; compare with nil where "unknown" and "zero" differ.
func ExampleValue() {
	srv := factorialtest.NewServer()
	defer srv.Close()
	tok, err := srv.IssueToken(factorialtest.BasicUserID)
	if err != nil {
		log.Fatal(err)
	}
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()),
		factorial.WithRequestEditor(func(_ context.Context, r *http.Request) error {
			r.Header.Set("Authorization", "Bearer "+tok.AccessToken) // a token source in real code
			return nil
		}))
	if err != nil {
		log.Fatal(err)
	}

	ada, err := c.V1.Employees.Get(context.Background(), factorialtest.AdminEmployeeID)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%q %q\n", factorial.Value(ada.FullName), ada.GetFullName())
	fmt.Printf("%q %q %v\n", factorial.Value(ada.BankNumber), ada.GetBankNumber(), ada.BankNumber == nil)
	// Output:
	// "Ada Admin" "Ada Admin"
	// "" "" true
}

// Date is a calendar day. NewDate takes the day a time falls on in its
// own location; DateOf names the day directly.
func ExampleNewDate() {
	madrid, err := time.LoadLocation("Europe/Madrid")
	if err != nil {
		log.Fatal(err)
	}
	late := time.Date(2024, time.March, 10, 23, 30, 0, 0, time.UTC) // already the 11th in Madrid
	fmt.Println(factorial.NewDate(late), factorial.NewDate(late.In(madrid)))
	fmt.Println(factorial.DateOf(2024, time.March, 11) == factorial.NewDate(late.In(madrid)))
	// Output:
	// 2024-03-10 2024-03-11
	// true
}

// Raw is the generated client underneath, for what a service does not
// express: here a body sent as raw bytes and the response's headers and
// body as sent. A non-2xx answer is still an *Error.
func ExampleV1_Raw() {
	srv := factorialtest.NewServer(factorialtest.WithFrozenClock(factorialtest.DemoTime))
	defer srv.Close()
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		log.Fatal(err)
	}

	res, err := c.V1.Raw().CreateTeamWithBodyWithResponse(context.Background(), "application/json",
		strings.NewReader(`{"name": "Platform"}`))
	if err != nil {
		log.Fatal(err)
	}
	// The raw result keeps the status, the headers and the body as sent.
	fmt.Println(res.StatusCode(), res.HTTPResponse.Header.Get("Date"))
	var team api.Team
	if err := json.Unmarshal(res.Body, &team); err != nil {
		log.Fatal(err)
	}
	fmt.Println(team.ID, team.GetName())
	// Output:
	// 201 Mon, 04 Mar 2024 09:00:00 GMT
	// 3 Platform
}
