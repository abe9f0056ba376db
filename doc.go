// Package factorial is a Go client for Factorial HR's v1 REST API and its
// OAuth server.
//
// The typed operations are generated from openapi.yaml into package api by
// oapi-codegen. This package is the hand-written layer around them: the
// Client users construct, and the transport every generated call goes
// through.
//
// # Constructing a client
//
//	c, err := factorial.NewClient(
//		factorial.WithTokenSource(ts), // or factorial.WithAPIKey(key)
//		factorial.WithLogger(logger),
//	)
//	res, err := c.GetMeWithResponse(ctx)
//	if err != nil {
//		return err
//	}
//	fmt.Println(res.JSON200.Email)
//
// The base URL defaults to ProductionURL; WithBaseURL(DemoURL) selects the
// demo company. http:// is refused except on loopback.
//
// # Errors
//
// The generated methods return results only for responses the client
// trusts. Everything else is an *Error, reached with errors.As:
//
//   - a non-2xx status, with every message of Factorial's error body
//     whatever its shape ({"errors": "..."}, a list, per-field messages in
//     FieldErrors, a bare array, Doorkeeper's error/error_description, or an
//     excerpt of an HTML page from a proxy);
//   - a 2xx the operation does not declare, a body in an undeclared content
//     type, an empty or malformed body where JSON is declared, and JSON that
//     does not fit the generated type.
//
// So a nil error means the typed field for the status (res.JSON200, ...) is
// set when the spec declares a body for it. errors.Is matches ErrNotFound,
// ErrUnauthorized, ErrForbidden and ErrRateLimited; IsRetryable tells
// whether trying later may help. Failures before any response arrives are
// *url.Error values, and TokenSource errors come back wrapped; timeouts
// match context.DeadlineExceeded. URLs in errors
// and logs have secret query values (token, code, client_secret, ...)
// replaced, and credentials are never logged.
//
// # Retries
//
// GET, HEAD, OPTIONS, PUT and DELETE are retried on 429, 502, 503, 504 and
// on connection failures, with exponential backoff and full jitter,
// honouring Retry-After; see RetryPolicy for the bounds. A POST is retried
// only when the caller promises it is idempotent (Idempotent,
// IdempotentRequest): Factorial has no idempotency keys, and a clock-in sent
// twice is real harm. A connection that could not be established proves
// nothing was sent, and is retried for every method.
//
// With a TokenSource, a 401 makes the client refresh the rejected token
// (RefreshIfStale) and repeat the call once, POST included: a 401 is a
// rejection before any effect.
//
// # Timeouts
//
// WithTimeout bounds each attempt, body included (default 30 s), so a
// stalled attempt can still be retried. The whole call is bounded by the
// context and by RetryPolicy.MaxElapsed.
//
// # Spec validation
//
// WithResponseValidation checks live responses against the spec embedded
// in package api and logs drift, or fails on it in strict mode.
package factorial
