// Command factorial is a command-line client for Factorial HR's APIs, the
// current dated one (/api/VERSION/resources) and v1, built on this
// module's packages: oauth for the login, factorial (its Resources and v1
// services) for typed calls and errors, webhook for the demo's receiver,
// and factorialtest for a local sandbox.
//
// The quickest way to see the whole getting-started guide work, with no
// account and no network:
//
//	go run ./cmd/factorial demo
//
// # Commands
//
//	factorial demo [--api VERSION]
//	    Start a local sandbox and walk Factorial's getting-started guide
//	    end to end over real HTTP: authorize URL, consent page, code
//	    exchange, who the token acts as and the employees (on the current
//	    API; on v1's GET /api/v1/me and /api/v1/employees with --api v1),
//	    refresh (with refresh-token rotation persisted to a token file),
//	    revocation. Then more of the current, dated API against the same
//	    sandbox: a token with a
//	    granular scope, the credentials (who the token acts as), the
//	    employees listed two per page with each page's cursor and
//	    metadata, and a webhook subscription that receives a delivery (a
//	    loopback receiver built with webhook.NewHandler, a random
//	    challenge, an employee update raising the event, then the
//	    unsubscription). Prints every step; never prints a secret.
//
//	factorial auth login [--oob] [--no-browser] [--port N] [--scopes "read write"] [--timeout 5m] [--api VERSION]
//	    Log in with the OAuth authorization-code flow (state and PKCE S256).
//	    By default the redirect goes to a listener on
//	    http://127.0.0.1:PORT/callback (a random port unless --port; register
//	    that URI in Factorial's OAuth application). The authorize URL is
//	    always printed, and opened in the browser ($BROWSER, xdg-open when
//	    there is a display, open or rundll32) unless --no-browser. With --oob the redirect URI is
//	    urn:ietf:wg:oauth:2.0:oob, as in the guide's sandbox section: approve
//	    in the browser, then paste the code, or the URL of the page that
//	    shows it (/oauth/authorize/native?code=...), at the prompt. Who
//	    logged in is then asked of the current API (--api as for auth
//	    status).
//
//	factorial auth status [--api VERSION]
//	    Who the credentials act as (the current API's GET
//	    /api/VERSION/resources/api_public/credentials; --api v1 for v1's GET
//	    /api/v1/me), the granted scopes and the token's expiry. Never prints
//	    the token.
//
//	factorial auth refresh
//	    Refresh the stored token now. Factorial rotates the refresh token;
//	    the new pair is saved before it is used.
//
//	factorial auth logout
//	    Revoke the stored token (POST /oauth/revoke), then delete it.
//
//	factorial api [METHOD] PATH [-f key=value ...] [-F key=value ...] [--input FILE] [-i] [--api VERSION]
//	    Call any operation of the dated API (openapi-resources.yaml) or of
//	    v1 (openapi.yaml), in the manner of gh api. A PATH under /api/ is
//	    used as it is (/api/v1/employees,
//	    /api/2026-07-01/resources/teams/teams); v1/... and v2/... are
//	    short for /api/v1/... and /api/v2/...; any other PATH is relative
//	    to the --api version: /api/VERSION/resources/PATH for a date
//	    (factorial api employees/employees), /api/v1/PATH with --api v1.
//	    METHOD defaults to GET, or POST when fields or --input are given.
//	    -f key=value adds a typed field: integers and decimals become JSON
//	    numbers, true and false booleans, null null, anything else a
//	    string; key[]=value appends to an array. -F key=value adds the
//	    value as a plain string (the dated API's ids are strings: -F
//	    employee_id=3). For GET and HEAD the fields become query
//	    parameters (key[] stays key[], as Factorial's filters spell it);
//	    otherwise they form a JSON object body. --input FILE ("-" for
//	    standard input) sends the file as the body instead, and the fields
//	    go to the query. The request is checked before it is sent against
//	    the description of its path (openapi-resources.yaml for
//	    /api/VERSION/resources, openapi.yaml otherwise): an unknown route
//	    or a request the spec rejects is refused with the validation
//	    message and exit code 2 (--no-validate skips the check). The
//	    response is printed as indented JSON, a dated list as the one page
//	    the server sent (data and meta; -f limit=N and -F
//	    after_id=END_CURSOR page through it); -i prints the status line
//	    and headers first.
//
//	factorial list [COLLECTION] [-f key=value ...] [--max N] [--output table|json] [--api VERSION]
//	    Every record of any collection of the dated API (NAMESPACE/RESOURCE
//	    as in its paths: ats/candidates, tasks/tasks, ...), following the
//	    pages; without COLLECTION, the collections and their list
//	    operations. Fields are the list's filters, checked against its
//	    declared query parameters before anything is sent. The table shows
//	    the id and the fields that name a record; --output json one array
//	    of every page's data elements as the API sent them.
//
//	factorial me | employees | teams | locations | leaves | leave-types | shifts | holidays [--api VERSION] [--output table|json]
//	    The common reads, as a table (default) or as the API's JSON. By
//	    default they call the current dated API (the Client's services:
//	    Credentials.List for me, Employees.List, Teams.List,
//	    Locations.List, TimeOff.ListLeaves and ListLeaveTypes,
//	    Attendance.List, Holidays.List), which follow every page; with
//	    --api v1, the v1 services (GET /api/v1/me, /api/v1/employees, ...).
//	    leaves takes --employee ID (repeatable), --from and --to
//	    (YYYY-MM-DD), sent as the filters employee_ids[], from and to on
//	    both APIs; shifts takes --year and --month (default: this month),
//	    sent as start_on and end_on (the month's first and last days) to
//	    the dated API and as year and month to v1. With the dated API, me
//	    describes the credential: a user's token names the person, an API
//	    key or company token the company. --output json prints what the
//	    API answered: v1's response body; for the dated API, whose lists
//	    come in pages, one JSON array of the data of every page, each
//	    element exactly as the API sent it (page metadata left out; use
//	    factorial api to see a page whole).
//
//	--api VERSION (resource commands and api)
//	    v1, or a dated version YYYY-MM-DD: a quarter's first day; the
//	    default is factorial.DefaultAPIVersion (2026-07-01). A version past
//	    its year of service draws a warning: Factorial answers it with its
//	    oldest supported version. The dated API grants each area to a
//	    granular OAuth scope; log in with them (factorial auth login
//	    --scopes "employees time_off time_tracking ...") or use an API key.
//	    A 403 for a missing scope says so.
//
//	factorial sandbox [--addr 127.0.0.1:8899]
//	    Run factorialtest, the module's fake of Factorial (OAuth server and
//	    REST API with a demo company), on a loopback address until Ctrl-C
//	    or SIGTERM. Prints the base URL, the client id and secret, an API
//	    key and a ready access token, with a curl example. These are
//	    throwaway credentials of the local fake, printed on purpose: the
//	    only secrets this command ever prints. --addr 127.0.0.1:0 picks a
//	    free port.
//
//	factorial help [COMMAND]
//	    Usage of every command, or of one.
//
// # Environments and credentials
//
// These flags are accepted by every command (before or after its name):
//
//	--env production|demo|demo-v1|URL
//	                            production (https://api.factorialhr.com, the
//	                            default), demo (https://api.eu2.demo.factorial.dev),
//	                            demo-v1 (https://api.demo.factorialhr.com, the v1
//	                            demo host) or a base URL (http only on loopback,
//	                            e.g. a factorial sandbox)
//	--client-id ID              OAuth application client id
//	--client-secret SECRET      OAuth application client secret
//	--api-key KEY               company API key, sent as x-api-key
//	--config-dir DIR            config directory; tokens go in DIR/tokens
//	--debug                     log requests (never credentials) to stderr
//
// Flags win over environment variables:
//
//	FACTORIAL_ENV            as --env
//	FACTORIAL_BASE_URL       as --env URL, when FACTORIAL_ENV is unset (the
//	                         sandbox prints it)
//	FACTORIAL_CLIENT_ID      as --client-id
//	FACTORIAL_CLIENT_SECRET  as --client-secret
//	FACTORIAL_API_KEY        as --api-key
//	FACTORIAL_CONFIG_DIR     as --config-dir
//	BROWSER                  the program auth login opens the URL with
//
// With an API key, requests carry it in x-api-key and no login is needed;
// it takes precedence over a stored login. Without one, requests use the
// token auth login stored, refreshing it as needed, which needs the client
// id and secret. Tokens are kept per environment in
// CONFIG/tokens/ENV.json, where CONFIG is os.UserConfigDir()/factorial (for
// example ~/.config/factorial) unless --config-dir or FACTORIAL_CONFIG_DIR
// says otherwise, and ENV is production, demo, or the host and port of a
// URL environment. The tokens directory is 0700 and the files 0600
// (oauth.FileStore: atomic writes, and a lock so several processes can
// share one login and its rotating refresh token).
//
// Nothing secret is printed: no access or refresh token, authorization
// code, PKCE verifier, client secret or API key. Tokens appear at most as
// a fingerprint (the first four hex digits of their SHA-256). The sandbox
// command is the one exception, for its own throwaway credentials.
//
// # Exit codes
//
//	0  success
//	1  the API answered with an error (its messages are printed), or
//	   another failure
//	2  bad flags or arguments, or a request the spec rejects (api)
//	3  missing or rejected client credentials: set FACTORIAL_API_KEY, or
//	   FACTORIAL_CLIENT_ID and FACTORIAL_CLIENT_SECRET
//	4  not logged in, or the login expired or was revoked (the API
//	   answered 401, or the refresh token was refused): run factorial
//	   auth login
//	5  network failure: the server could not be reached or the connection
//	   broke
//	130 interrupted (Ctrl-C)
package main
