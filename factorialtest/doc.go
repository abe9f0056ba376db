// Package factorialtest runs a fake of Factorial for tests: one server on
// 127.0.0.1 that serves a Doorkeeper-faithful OAuth server under /oauth and
// a stateful sandbox of every operation of the v1 REST API (/api/v1, /api/v2)
// and of the dated API (/api/<YYYY-MM-DD>/resources, see "The dated API"),
// so code using this module (or any Factorial client) can be tested end to
// end without network access or credentials.
//
//	srv := factorialtest.NewServer(factorialtest.WithTB(t))
//	client, _ := factorial.NewClient(factorial.WithBaseURL(srv.URL()),
//		factorial.WithAPIKey(factorialtest.DefaultAPIKey)) // or as a user: srv.TokenSourceAs(factorialtest.BasicUserID)
//	team, _ := client.Teams.Create(ctx, resources.TeamCreate{Name: "Platform"}) // 201, and it stays created
//	client.Teams.CreateMembership(ctx, resources.TeamMembershipCreate{TeamID: team.ID, EmployeeID: "1003"})
//	teams, _ := client.Teams.List(ctx, nil) // Engineering, People, and Platform with employee "1003"
//
// v1's services (client.V1) are served by the same server, from the same
// records.
//
// # The company
//
// Every server starts with the same demo company: Acme Labs, with two
// teams, two offices, leave types, leaves, shifts, documents, tasks and a
// record of every other resource. Its people are the users who can log in:
//
//	user (IssueToken)  employee (REST ids)        role
//	AdminUserID        AdminEmployeeID      1001  admin: full access
//	ManagerUserID      ManagerEmployeeID    1002  basic, manages the basics (/me says "manager")
//	BasicUserID        BasicEmployeeID      1003  basic
//	Basic2UserID       Basic2EmployeeID     1004  basic
//	-                  TerminatedEmployeeID 1005  left last month
//
// A bearer token acts as its user's employee: /api/v1/me describes them,
// an admin may do anything, and a basic user reads colleagues with private
// data (bank number, salary, address...) nulled, writes only through
// self-service operations for their own employee_id (their own leave,
// clocking in) and gets 403 on everything else. A company API key
// (x-api-key: DefaultAPIKey, WithAPIKey, or one created through
// APIKeys.Create) has full access. A missing, unknown, expired or revoked
// credential is Doorkeeper's 401: an empty body and the reason in
// WWW-Authenticate ("The access token expired").
//
// WithoutDemoData starts empty except for the users' employees; WithUser
// and AddUser add people who can log in.
//
// The constants are numbers, as v1 writes ids; the dated API writes the
// same ids as strings, StringID(BasicEmployeeID) is "1003" (IntID goes
// back).
//
// # Seeding and acting as a user
//
// AddEmployee, AddTeam, AddTeamMember and AddLeave seed the common records
// the way the API creates them, with its defaults and checks, taking and
// returning the dated API's string ids; V1() has the same helpers with
// v1's integer ids. They act as the admin, and that shows: a leave an
// admin creates comes back approved, whatever its type.
//
// To see what a given person sees, TokenSourceAs(userID) returns a token
// source acting as that user (their token, refreshed on the server's
// clock) for factorial.WithTokenSource, and TokenSourceAsEmployee
// (employeeID) the same for an employee, giving them a login first if they
// have none:
//
//	ts, _ := srv.TokenSourceAs(factorialtest.BasicUserID)
//	bea, _ := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithTokenSource(ts))
//	leave, _ := bea.TimeOff.CreateLeave(ctx, resources.LeaveCreate{EmployeeID: "1003", ...})
//	// leave.GetApproved() is false: Bea requested it; Manu, her time-off manager, decides it
//
// IssueToken gives the bare token instead, for a client of your own.
//
// # How it behaves like Factorial
//
// The OAuth half reproduces what a client can trip over in Doorkeeper:
//
//   - GET /oauth/authorize renders a consent page whose Authorize form posts
//     back and redirects (302) with code and state; the out-of-band URI
//     urn:ietf:wg:oauth:2.0:oob goes to /oauth/authorize/native?code=...
//     (or /oauth/authorize/CODE with WithNativeCodeInPath). An unknown
//     client or redirect URI renders an error page instead of redirecting.
//     WithAutoApprove skips the page; Server.Approve drives it.
//   - POST /oauth/token for authorization_code and refresh_token, with
//     client credentials in the form or HTTP Basic (never both), PKCE S256
//     and plain, single-use codes valid 600 s, redirect_uri matching, the
//     response in Doorkeeper's field order with created_at, and refresh
//     tokens that rotate: the old pair is revoked at once, or, with
//     WithRefreshGrace, when the new access token is first used.
//   - Errors as {error, error_description} with Doorkeeper >= 5.1 statuses
//     (invalid_client 401, the rest 400) or, with WithLegacyErrorStatuses,
//     the older all-401 behaviour.
//   - POST /oauth/revoke (always 200 {} for an authenticated client) and
//     GET /oauth/token/info, which lists the token's scopes.
//   - Scopes as Factorial's dated API has them: the scope parameter is
//     split on whitespace (so "read,write" is one unknown scope), and a
//     scope the application may not request is invalid_scope, redirected
//     to the callback. The default application grants v1's read and
//     write when no scope is asked for (as IssueToken does) and may also
//     request every granular scope (GranularScopes: employees, time_off,
//     ...); WithAppScopes registers it with exactly the scopes given, and
//     App.Scopes and App.OptionalScopes do the same for WithApp. Tokens
//     remember their scopes. A token with only read and write keeps v1's
//     full access to the REST API; one with a granular scope is held to
//     its scopes on the dated API (v1's operations list only read and
//     write, and do not check scopes). IssueScopedToken mints one without
//     the browser step.
//   - Company tokens: resource_owner_type=company on /oauth/authorize
//     yields a token that belongs to the company, with no expires_in and
//     no refresh_token; it never expires on the server clock (Advance
//     leaves it alone), token info reports expires_in null, and only
//     revoking it (or ExpireToken) ends it. On the REST API it has an
//     admin's company-wide access within its scopes, and /api/v1/me
//     describes the company's first admin. IssueCompanyToken mints one;
//     IssuedToken.Company tells them apart. Any resource_owner_type other
//     than company or user is invalid_request.
//
// The REST half serves all of openapi.yaml's /api operations from
// in-memory tables. Plain CRUD is generic: a create stores the request
// (with server-set id and timestamps) and answers 201, gets and lists read
// it back through the operation's response schema, list filters come from
// the declared query parameters, updates merge, deletes answer 200 with
// the record (204 with WithDeleteNoContent). v1 and v2 versions and legacy
// paths of a resource share a table. Where Factorial has rules the sandbox
// follows them: required fields present and not blank (an empty or
// white-space string is answered as missing, as Rails' presence validation
// does), unique employee emails (in any case, with surrounding white space
// ignored), existing managers, leave dates
// and types, approval of leaves, team membership kept on both sides,
// clock in/out and breaks (one open shift), terminations, invitations,
// API key tokens, webhook subscriptions. Errors have Factorial's shapes:
// 404 {"errors": "Resource #42 not found"}, 422 {"errors": {"field":
// ["can't be blank"]}}, 400 for malformed JSON or parameters.
//
// # The dated API
//
// The same server answers Factorial's current API, openapi-resources.yaml,
// under /api/<YYYY-MM-DD>/resources/<namespace>/<resource>, which the
// client's services call:
//
//	c, _ := factorial.NewClient(factorial.WithBaseURL(srv.URL()),
//		factorial.WithAPIKey(factorialtest.DefaultAPIKey))
//	for emp, err := range c.Employees.ListIter(ctx, nil) { ... } // every page
//	c.Attendance.ClockIn(ctx, resources.ClockInInput{EmployeeID: &id, Now: now})
//
// It is the same company as v1's, served from the same tables: an
// employee hired with CreateWithContract is in v1's ListEmployees, a shift
// opened through one API is open in the other, a v1 team assignment is a
// dated team membership. IDs are the same numbers, sent as strings
// ("1003"). Every released version, each quarter's first day from
// 2024-10-01 to 2026-10-01, is served with the one schema the sandbox has
// (Factorial answers a retired version with its oldest schema rather than
// an error); any other date in the path is 404.
//
// Input is read the way Factorial's Rails app reads it: only the
// attributes an operation's request schema declares are written (others
// are dropped without an error), a repeated query parameter keeps its last
// value, a boolean one reads "yes" as true, a body over 10 MiB is 413 and
// JSON with trailing data or invalid UTF-8 is 400. Every answer carries an
// X-Request-Id. docs/dated-api.md lists these decisions.
//
// Lists are pages, {"data": [...], "meta": {...}}, in ascending id order:
// limit (default and maximum 100; a larger or non-positive one means 100), then
// after_id or before_id with the previous answer's meta.end_cursor or
// meta.start_cursor (opaque strings, not ids), or page (1-based). meta has
// has_next_page, has_previous_page, total, limit and both cursors. The
// filters the spec declares (ids[], employee_ids[], team_ids[], dates,
// flags) apply before paging. The shifts list comes whole, as Factorial's
// does: meta.paginateable false and meta.limit null.
//
// Actions keep Factorial's rules: a leave created by an admin, an API key
// or a company token, or of a leave type that needs no approval, is
// approved at once, while one an employee requests for themselves is
// pending; no clock-in while a shift is open (422);
// a break closes the worked shift and opens a break, its end opens a new
// worked shift; toggle_clock clocks in or out; autofill fills working days
// that have no shift, leave or holiday with 09:00-17:00 shifts. Leaves are
// approved (approve, approve_all) or rejected only while pending (422
// otherwise), by an admin, an API key, a company token or the employee's
// time-off manager (403 for anyone else); a basic user requests their own
// leaves and clocks themselves in and out (the clock actions' employee_id
// defaults to the caller).
// terminate (422 when already terminated) sets terminated_on, and the
// employee stays active until that day; unterminate clears it;
// create_with_contract hires (200, with the team_id's membership);
// documents move to and back from the trash bin (deleted_at; trashed ones
// leave the list unless by_trash_bin=true); allowance stats are computed
// from the allowances of the employee's policy and their approved leaves.
// Creates answer 201, deletes 200 with the deleted record. Errors come in
// the dated API's shapes: 404 {"errors": ["Resource #42 not found"]}, 400
// and 422 {"errors": {"errors": ["Name can't be blank"]}} (Rails' full
// messages; a blank required string is missing, as on v1), 403 {"errors":
// [...]}.
//
// GET api_public/credentials says who the caller is: for a user's token
// the employee (id "access-<user id>", employee_id, email, names, role),
// for a company token or an API key the company (id "company-1" or
// "api_key-1", name, legal_name, tin, ...), company_id always. A token that
// carries OAuth scopes is refused (403, WWW-Authenticate error=
// "insufficient_scope") an operation whose scope it lacks, the one the
// spec lists for the operation (employees for employees and teams,
// time_off for leaves and allowances, time_tracking for shifts, ...);
// credentials and webhook subscriptions need none. API keys, and tokens without scopes, pass. A
// company token acts for the company: full access, and no employee of its
// own, so self-service actions need an employee_id.
//
// Webhooks: a subscription (Webhooks.Create with a
// subscription_type from the spec's x-webhook-events, such as
// "timeoff/leave/approve" or "attendance/shift/clock_in") must target a
// loopback URL (others are refused, 422), typically an httptest.Server of
// the test. Every successful write of the dated API that raises a
// subscribed event is POSTed there, asynchronously: the bare record,
// exactly as the API answered the write, with the subscription's challenge
// in x-factorial-wh-challenge and x-factorial-author-type (employee or
// company) and x-factorial-author-id. A failed attempt (not 2xx, or no
// answer) is retried with doubling waits, up to WithWebhookRetries'
// attempts (default 5 from 100 ms); then the subscription is disabled, as
// Factorial disables one after 20 failures in 48 hours. A disabled
// subscription gets nothing. WaitWebhooks returns once the deliveries in
// progress are over, WebhookDeliveries shows each with its attempts, and
// Close cancels them. Writes through v1 and the seeding helpers raise no
// events.
//
// # What is validated
//
// Every exchange passes through the module's OpenAPI validator
// (internal/specvalidate), against the same document the client is
// generated from: openapi.yaml (package api) for v1,
// openapi-resources.yaml (package resources) for the dated API:
//
//   - A response the spec rejects is never sent: the client gets a 500 with
//     X-Spec-Violation: response, the violation is recorded in Errors and,
//     with WithTB, fails the test (t.Error). So the fake can only say what
//     the spec allows, and a drift between the two shows at once.
//   - REST requests are validated too, and a request the spec rejects is
//     answered the way Factorial would (400, 404 or 422 as above): testing a
//     client's error handling takes no special setup. To catch a client
//     that sends off-spec requests, wrap its transport in
//     specvalidate.Transport (this module's own tests do).
//   - The OAuth endpoints skip request validation so that they, like
//     Doorkeeper, answer malformed requests with proper OAuth errors; their
//     responses are still validated.
//
// Faults (InjectFault) sit in front of everything, like a failing proxy,
// and are not validated: an HTML 503 is not in the spec, and a gateway
// sends one anyway.
//
// # Controlling it
//
// One clock serves both halves (Now, Advance, WithFrozenClock, WithClock):
// token expiry, codes, created_at, the Date header, record timestamps and
// the demo data's dates (anchored to the clock's day at start and on
// Reset) all move together. Helpers issue, expire and revoke tokens
// directly (IssueToken, ExpireToken, RevokeToken) and give clients that
// act as someone (TokenSourceAs, TokenSourceAsEmployee); Put, Create, Get, List and
// Delete (on the sandbox's integer ids) and the typed AddEmployee,
// AddTeam, AddTeamMember and AddLeave (string ids; V1() for integers)
// seed and inspect data; Reset restores the initial data; InjectFault adds
// rate limits, latency, gateway errors, dropped connections and tokens that
// die mid-test; counters (TokenRequests, TokenErrors) prove how many
// refreshes a client made; Secrets lists every credential so a test can
// check that none leaks into logs or errors.
//
// # Determinism
//
// The demo data contains no randomness: ids are sequential per resource
// (employees from 1001, everything else from 1), values are fixed, and
// dates are relative to the clock's day. With WithFrozenClock(DemoTime)
// every record, and every timestamp the server writes, is the same on
// every run and machine, and Reset returns to that state (anchored to the
// clock's day when Reset runs). Only access and refresh tokens and
// authorization codes are random, as on Doorkeeper. Concurrent requests
// are safe (a 1,000-client test runs under the race detector): writes are
// applied one at a time, so their effects are those of some serial order.
//
// # Outside tests
//
// Nothing requires a *testing.T: without WithTB violations are only
// recorded (Errors) and answered 500. Start (or WithAddr, WithListener)
// serves on a fixed loopback port for a command, a TestMain or a client
// under development; Credentials returns the base URL, client id and
// secret, redirect URIs, an API key and a fresh admin token, and its
// String method prints them as shell lines ready for curl. Non-loopback
// addresses are refused unless WithAllowNonLoopback.
package factorialtest
