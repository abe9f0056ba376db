// Command factorial is a command-line client for Factorial HR's API, built
// on this module's packages: oauth for the login, factorial for typed calls
// and errors, and factorialtest for a local sandbox.
//
// The quickest way to see the whole getting-started guide work, with no
// account and no network:
//
//	go run ./cmd/factorial demo
//
// # Commands
//
//	factorial demo
//	    Start a local sandbox and walk Factorial's getting-started guide
//	    end to end over real HTTP: authorize URL, consent page, code
//	    exchange, GET /api/v1/me, employees, refresh (with refresh-token
//	    rotation persisted to a token file), revocation. Prints every step;
//	    never prints a secret.
//
//	factorial auth login [--oob] [--no-browser] [--port N] [--scopes "read write"] [--timeout 5m]
//	    Log in with the OAuth authorization-code flow (state and PKCE S256).
//	    By default the redirect goes to a listener on
//	    http://127.0.0.1:PORT/callback (a random port unless --port; register
//	    that URI in Factorial's OAuth application). The authorize URL is
//	    always printed, and opened in the browser ($BROWSER, xdg-open when
//	    there is a display, open or rundll32) unless --no-browser. With --oob the redirect URI is
//	    urn:ietf:wg:oauth:2.0:oob, as in the guide's sandbox section: approve
//	    in the browser, then paste the code, or the URL of the page that
//	    shows it (/oauth/authorize/native?code=...), at the prompt.
//
//	factorial auth status
//	    Who the credentials act as (GET /api/v1/me), the granted scopes and
//	    the token's expiry. Never prints the token.
//
//	factorial auth refresh
//	    Refresh the stored token now. Factorial rotates the refresh token;
//	    the new pair is saved before it is used.
//
//	factorial auth logout
//	    Revoke the stored token (POST /oauth/revoke), then delete it.
//
//	factorial api [METHOD] PATH [-f key=value ...] [-F key=value ...] [--input FILE] [-i]
//	    Call any operation of openapi.yaml, in the manner of gh api. PATH is
//	    /api/v1/... (the /api prefix may be left out). METHOD defaults to GET,
//	    or POST when fields or --input are given.
//	    -f key=value adds a typed field: integers and decimals become JSON
//	    numbers, true and false booleans, null null, anything else a
//	    string; key[]=value appends to an array. -F key=value adds the
//	    value as a plain string. For GET and HEAD the fields become query
//	    parameters (key[] stays key[], as Factorial's filters spell it);
//	    otherwise they form a JSON object body. --input FILE ("-" for
//	    standard input) sends the file as the body instead, and the fields
//	    go to the query. The request is checked against the spec before it
//	    is sent: an unknown route or a request the spec rejects is refused
//	    with the validation message and exit code 2 (--no-validate skips
//	    the check). The response is printed as indented JSON; -i prints the
//	    status line and headers first.
//
//	factorial me | employees | teams | locations | leaves | leave-types | shifts | holidays [--output table|json]
//	    The common reads, as a table (default) or as the API's JSON.
//	    leaves takes --employee ID (repeatable), --from and --to
//	    (YYYY-MM-DD); shifts takes --year and --month (default: this
//	    month).
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
