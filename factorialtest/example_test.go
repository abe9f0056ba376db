package factorialtest_test

import (
	"context"
	"fmt"
	"log"
	"net/http"
	"strings"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
)

// The sandbox in your own test: one server for OAuth and the REST API, the
// generated client pointed at it, state that persists between calls. In a
// test, pass factorialtest.WithTB(t) so spec violations fail it and the
// server closes with the test.
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
	client, err := api.NewClientWithResponses(srv.URL(), api.WithRequestEditorFn(
		func(_ context.Context, r *http.Request) error {
			r.Header.Set("Authorization", "Bearer "+tok.AccessToken)
			return nil
		}))
	if err != nil {
		log.Fatal(err)
	}

	me, _ := client.GetMeWithResponse(ctx)
	fmt.Println(me.JSON200.Email, *me.JSON200.Role)

	created, _ := client.CreateTeamWithResponse(ctx, api.TeamCreate{Name: "Platform"})
	fmt.Println(created.StatusCode(), created.JSON201.ID)
	_, _ = client.AssignEmployeeToTeamWithResponse(ctx, created.JSON201.ID, factorialtest.BasicEmployeeID)

	teams, _ := client.ListTeamsWithResponse(ctx)
	for _, t := range *teams.JSON200 {
		fmt.Println(t.ID, *t.Name, t.EmployeeIds)
	}
	fmt.Println("spec violations:", len(srv.Errors()))
	// Output:
	// admin@example.com admin
	// 201 3
	// 1 Engineering [1002 1003 1004]
	// 2 People [1001]
	// 3 Platform [1003]
	// spec violations: 0
}

// Seeding: typed helpers for the common records (with the API's own
// defaults and checks), Put for anything else. Put takes maps or, through
// Record, the generated types.
func ExampleServer_AddEmployee() {
	srv := factorialtest.NewServer(factorialtest.WithFrozenClock(factorialtest.DemoTime))
	defer srv.Close()
	ctx := context.Background()

	grace, err := srv.AddEmployee("Grace", "Hopper", "grace@example.com",
		factorialtest.ManagedBy(factorialtest.ManagerEmployeeID))
	if err != nil {
		log.Fatal(err)
	}
	team, _ := srv.AddTeam("Compilers", grace, factorialtest.BasicEmployeeID)
	monday := factorialtest.DemoTime.AddDate(0, 0, 7)
	if _, err := srv.AddLeave(grace, 1, monday, monday.AddDate(0, 0, 4)); err != nil {
		log.Fatal(err)
	}
	srv.Put(factorialtest.Locations, factorialtest.Record(api.Location{ID: 9, Name: ptr("Remote")}))
	if _, err := srv.AddEmployee("Grace", "Twin", "grace@example.com"); err != nil {
		fmt.Println(err)
	}

	// Bea, a basic user, sees her new colleague without private data.
	tok, _ := srv.IssueToken(factorialtest.BasicUserID)
	client, _ := api.NewClientWithResponses(srv.URL(), api.WithRequestEditorFn(
		func(_ context.Context, r *http.Request) error {
			r.Header.Set("Authorization", "Bearer "+tok.AccessToken)
			return nil
		}))
	emp, _ := client.GetEmployeeWithResponse(ctx, grace)
	fmt.Println(grace, *emp.JSON200.FullName, *emp.JSON200.ManagerID, emp.JSON200.BirthdayOn == nil)
	t, _ := client.GetTeamWithResponse(ctx, team)
	fmt.Println(*t.JSON200.Name, t.JSON200.EmployeeIds)
	leaves, _ := client.ListLeavesWithResponse(ctx, &api.ListLeavesParams{EmployeeIds: []int{grace}})
	for _, l := range *leaves.JSON200 {
		fmt.Println(*l.LeaveTypeName, l.StartOn, l.FinishOn)
	}
	loc, _ := client.GetLocationWithResponse(ctx, 9)
	fmt.Println(*loc.JSON200.Name)
	// Output:
	// factorialtest: create employees: 422 ["There is already a user with that email (grace@example.com)"]
	// 1006 Grace Hopper 1002 true
	// Compilers [1003 1006]
	// Vacation 2024-03-11 2024-03-15
	// Remote
}

// A rate limit, once: the client sees Factorial's 429 with Retry-After,
// then the next call goes through. Faults also take latency, HTML gateway
// pages, dropped connections and the OAuth endpoints ("CreateToken").
func ExampleServer_InjectFault() {
	srv := factorialtest.NewServer()
	defer srv.Close()
	ctx := context.Background()
	client, _ := api.NewClientWithResponses(srv.URL(), api.WithRequestEditorFn(oauth.APIKeyEditor(factorialtest.DefaultAPIKey)))

	fault := srv.InjectFault(factorialtest.Fault{
		Match:      "ListEmployees", // or "GET /api/v1/employees", "/api/v1/*"
		Status:     http.StatusTooManyRequests,
		RetryAfter: 2 * time.Second,
		Times:      1,
	})
	r, _ := client.ListEmployeesWithResponse(ctx)
	fmt.Println(r.StatusCode(), r.HTTPResponse.Header.Get("Retry-After"), string(r.Body))
	r, _ = client.ListEmployeesWithResponse(ctx)
	fmt.Println(r.StatusCode(), len(*r.JSON200), fault.Hits())
	// Output:
	// 429 2 {"errors":"Too Many Requests"}
	// 200 5 1
}

// An access token that dies before its expiry time (revoked elsewhere, or
// expired on the server's clock) is Doorkeeper's 401 with the reason in
// WWW-Authenticate; the client refreshes and retries. oauth.TokenSource is
// this module's answer; the sandbox checks whatever a client does.
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
	client, _ := api.NewClientWithResponses(srv.URL(), api.WithRequestEditorFn(oauth.BearerEditor(ts)))

	srv.ExpireToken(issued.AccessToken) // now, although 7200 s were promised
	r, _ := client.GetMeWithResponse(ctx)
	fmt.Println(r.StatusCode(), r.HTTPResponse.Header.Get("WWW-Authenticate"))

	// On 401, refresh the token that failed, then retry.
	if _, err := ts.RefreshIfStale(ctx, issued.AccessToken); err != nil {
		log.Fatal(err)
	}
	r, _ = client.GetMeWithResponse(ctx)
	fmt.Println(r.StatusCode(), r.JSON200.Email, srv.TokenRequests("refresh_token"))
	// Output:
	// 401 Bearer realm="Doorkeeper", error="invalid_token", error_description="The access token expired"
	// 200 basic@example.com 1
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
