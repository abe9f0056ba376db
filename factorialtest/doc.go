// Package factorialtest runs a fake of Factorial's OAuth server for tests:
// a Doorkeeper look-alike on 127.0.0.1 that code using this module (or any
// Factorial client) can be tested against without network access or
// credentials.
//
// # What it imitates
//
// Factorial's OAuth server is Rails Doorkeeper, and the fake reproduces the
// behaviour a client can trip over:
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
//     tokens that rotate: the old one is revoked at once, or, with
//     WithRefreshGrace, when the new access token is first used.
//   - Errors as {error, error_description} with Doorkeeper >= 5.1 statuses
//     (invalid_client 401, the rest 400) or, with WithLegacyErrorStatuses,
//     the older all-401 behaviour.
//   - POST /oauth/revoke (always 200 {} for an authenticated client),
//     GET /oauth/token/info, and GET /api/v1/me for a bearer token or an
//     x-api-key.
//
// # Contract checking
//
// Every exchange passes through the module's OpenAPI validator
// (internal/specvalidate), so the fake can only say what openapi.yaml
// allows: a response the spec rejects becomes a 500 and is recorded in
// Errors, and with WithTB it also fails the test. The OAuth endpoints skip
// request validation so that they, like Doorkeeper, can answer malformed
// requests with proper OAuth errors.
//
// # Controlling it
//
// The server has its own clock (Now, Advance, WithFrozenClock) used for
// expiry, created_at and the Date header; helpers issue, expire and revoke
// tokens directly (IssueToken, ExpireToken, RevokeToken); counters
// (TokenRequests, TokenErrors) let a test prove how many refreshes a client
// made; Secrets lists every credential so a test can check that none leaks
// into logs or errors.
//
// The Server type is meant to grow into a stateful sandbox of the whole
// REST API; /api/v1/me is the first resource.
package factorialtest
