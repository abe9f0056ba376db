package factorialtest_test

//lint:file-ignore SA1019 these show the retired v1 API's services on purpose

import (
	"context"
	"errors"
	"fmt"
	"log"
	"net/http"
	"strings"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
)

// The sandbox in your own test: one server for OAuth and the REST API, the
// client pointed at it, state that persists between calls. In a test, pass
// factorialtest.WithTB(t) so spec violations fail it and the server closes
// with the test.
func Example() {
	srv := factorialtest.NewServer() // factorialtest.NewServer(factorialtest.WithTB(t))
	defer srv.Close()
	ctx := context.Background()

	// A token as if the admin had logged in (Approve drives the real
	// consent page when the flow itself is under test).
	tok, err := srv.IssueToken(factorialtest.AdminUserID)
	if err != nil {
		log.Fatal(err)
	}
	client, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()),
		factorial.WithRequestEditor(func(_ context.Context, r *http.Request) error {
			r.Header.Set("Authorization", "Bearer "+tok.AccessToken) // sent as it is: no refresh
			return nil
		}))
	if err != nil {
		log.Fatal(err)
	}

	me, err := client.V1.Credentials.GetMe(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(me.Email, me.GetRole())

	created, err := client.V1.Teams.Create(ctx, api.TeamCreate{Name: "Platform"})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created", created.ID)
	if _, err := client.V1.Teams.AssignEmployeeToTeam(ctx, created.ID, factorialtest.BasicEmployeeID); err != nil {
		log.Fatal(err)
	}

	teams, err := client.V1.Teams.List(ctx)
	if err != nil {
		log.Fatal(err)
	}
	for _, t := range teams {
		fmt.Println(t.ID, t.GetName(), t.EmployeeIDs)
	}
	fmt.Println("spec violations:", len(srv.Errors()))
	// Output:
	// admin@example.com admin
	// created 3
	// 1 Engineering [1002 1003 1004]
	// 2 People [1001]
	// 3 Platform [1003]
	// spec violations: 0
}

// Seeding for v1 code: the same helpers with v1's integer ids (with the
// API's own defaults and checks), Put for anything else. Put takes maps
// or, through Record, the generated types.
func ExampleV1Helpers_AddEmployee() {
	srv := factorialtest.NewServer(factorialtest.WithFrozenClock(factorialtest.DemoTime))
	defer srv.Close()
	ctx := context.Background()

	grace, err := srv.V1().AddEmployee("Grace", "Hopper", "grace@example.com",
		factorialtest.ManagedBy(factorialtest.ManagerEmployeeID))
	if err != nil {
		log.Fatal(err)
	}
	team, _ := srv.V1().AddTeam("Compilers", grace, factorialtest.BasicEmployeeID)
	monday := factorialtest.DemoTime.AddDate(0, 0, 7)
	if _, err := srv.V1().AddLeave(grace, 1, monday, monday.AddDate(0, 0, 4)); err != nil {
		log.Fatal(err)
	}
	srv.Put(factorialtest.Locations, factorialtest.Record(api.Location{ID: 9, Name: factorial.Ptr("Remote")}))
	if _, err := srv.V1().AddEmployee("Grace", "Twin", "grace@example.com"); err != nil {
		fmt.Println(err)
	}

	// Bea, a basic user, sees her new colleague without private data.
	tok, _ := srv.IssueToken(factorialtest.BasicUserID)
	client, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()),
		factorial.WithRequestEditor(func(_ context.Context, r *http.Request) error {
			r.Header.Set("Authorization", "Bearer "+tok.AccessToken) // sent as it is: no refresh
			return nil
		}))
	if err != nil {
		log.Fatal(err)
	}
	emp, err := client.V1.Employees.Get(ctx, grace)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(grace, emp.GetFullName(), emp.GetManagerID(), emp.BirthdayOn == nil)
	t, err := client.V1.Teams.Get(ctx, team)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(t.GetName(), t.EmployeeIDs)
	leaves, err := client.V1.TimeOff.ListLeaves(ctx, &api.ListLeavesParams{EmployeeIDs: []int{grace}})
	if err != nil {
		log.Fatal(err)
	}
	for _, l := range leaves {
		fmt.Println(l.GetLeaveTypeName(), l.GetStartOn(), l.GetFinishOn())
	}
	loc, err := client.V1.Locations.Get(ctx, 9)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(loc.GetName())
	// Output:
	// factorialtest: create employees: 422 ["There is already a user with that email (grace@example.com)"]
	// 1006 Grace Hopper 1002 true
	// Compilers [1003 1006]
	// Vacation 2024-03-11 2024-03-15
	// Remote
}

// A rate limit, once: Factorial's 429 with Retry-After, then the next
// call goes through. The client here makes one attempt per call, to show
// the 429 itself; by default it would wait the Retry-After and retry.
// Faults also take latency, HTML gateway pages, dropped connections and
// the OAuth endpoints ("CreateToken").
func ExampleServer_InjectFault() {
	srv := factorialtest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	client, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()),
		factorial.WithAPIKey(factorialtest.DefaultAPIKey),
		factorial.WithRetryPolicy(factorial.RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		log.Fatal(err)
	}

	fault := srv.InjectFault(factorialtest.Fault{
		Match:      "ListEmployees", // or "GET /api/v1/employees", "/api/v1/*"
		Status:     http.StatusTooManyRequests,
		RetryAfter: 2 * time.Second,
		Times:      1,
	})
	_, err = client.V1.Employees.List(ctx)
	var fe *factorial.Error
	if errors.As(err, &fe) {
		fmt.Println(fe.StatusCode, fe.RetryAfter, fe.Message(), errors.Is(err, factorial.ErrRateLimited))
	}
	emps, err := client.V1.Employees.List(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(emps), "employees;", fault.Hits(), "rate-limited call")
	// Output:
	// 429 2s Too Many Requests true
	// 5 employees; 1 rate-limited call
}

// An access token that dies before its expiry time (revoked elsewhere, or
// expired on the server's clock) is Doorkeeper's 401 with the reason in
// WWW-Authenticate. A client with a token source refreshes the token the
// server rejected and repeats the call; the sandbox counts the refreshes.
func ExampleServer_ExpireToken() {
	srv := factorialtest.NewServer()
	defer srv.Close()
	ctx := context.Background()

	issued, _ := srv.IssueToken(factorialtest.BasicUserID)
	cfg, err := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret, factorialtest.OOBRedirectURI,
		oauth.WithBaseURL(srv.URL()), oauth.WithClock(srv.Now))
	if err != nil {
		log.Fatal(err)
	}
	ts, err := oauth.NewTokenSource(cfg, oauth.NewMemoryStore(&oauth.Token{
		AccessToken: issued.AccessToken, RefreshToken: issued.RefreshToken, TokenType: "Bearer",
		CreatedAt: issued.CreatedAt, Expiry: issued.CreatedAt.Add(issued.ExpiresIn),
	}))
	if err != nil {
		log.Fatal(err)
	}
	client, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithTokenSource(ts))
	if err != nil {
		log.Fatal(err)
	}

	srv.ExpireToken(issued.AccessToken) // now, although 7200 s were promised

	// The token as it is, with nothing to refresh it: the 401.
	static, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()),
		factorial.WithRequestEditor(func(_ context.Context, r *http.Request) error {
			r.Header.Set("Authorization", "Bearer "+issued.AccessToken) // sent as it is: no refresh
			return nil
		}))
	if err != nil {
		log.Fatal(err)
	}
	_, err = static.V1.Credentials.GetMe(ctx)
	var fe *factorial.Error
	if errors.As(err, &fe) {
		fmt.Println(fe.StatusCode, fe.Header.Get("WWW-Authenticate"))
	}

	// With the token source: refresh, then the call again.
	me, err := client.V1.Credentials.GetMe(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(me.Email, "after", srv.TokenRequests("refresh_token"), "refresh")
	// Output:
	// 401 Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token expired"
	// basic@example.com after 1 refresh
}

// Serving the sandbox to other processes (curl, a client under
// development, a script) on a fixed loopback port; Credentials prints what
// they need. A small main would block after printing until interrupted.
func ExampleStart() {
	srv, err := factorialtest.Start("127.0.0.1:0") // e.g. "127.0.0.1:8080"
	if err != nil {
		log.Fatal(err)
	}
	defer srv.Close()

	creds := srv.Credentials()
	// fmt.Print(creds) prints shell lines:
	//   export FACTORIAL_BASE_URL='http://127.0.0.1:8080'
	//   export FACTORIAL_ACCESS_TOKEN='...'
	//   # curl -H "Authorization: Bearer $FACTORIAL_ACCESS_TOKEN" "$FACTORIAL_BASE_URL/api/v1/me"
	for _, line := range strings.Split(creds.String(), "\n") {
		if name, _, ok := strings.Cut(strings.TrimPrefix(line, "export "), "="); ok && strings.HasPrefix(line, "export ") {
			fmt.Println(name)
		}
	}

	// What the curl line does:
	req, _ := http.NewRequest(http.MethodGet, creds.BaseURL+"/api/v1/me", nil)
	req.Header.Set("Authorization", "Bearer "+creds.AccessToken)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		log.Fatal(err)
	}
	resp.Body.Close()
	fmt.Println(resp.StatusCode)

	_, err = factorialtest.Start("0.0.0.0:8080")
	fmt.Println(err)
	// Output:
	// FACTORIAL_BASE_URL
	// FACTORIAL_CLIENT_ID
	// FACTORIAL_CLIENT_SECRET
	// FACTORIAL_REDIRECT_URI
	// FACTORIAL_API_KEY
	// FACTORIAL_ACCESS_TOKEN
	// FACTORIAL_REFRESH_TOKEN
	// 200
	// factorialtest: refusing to serve on "0.0.0.0:8080": not a loopback address (WithAllowNonLoopback overrides)
}
