// Package factorial is a Go client for Factorial HR's API and its OAuth
// server. The Client's services call the dated API Factorial serves today
// (/api/<YYYY-MM-DD>/resources/...); the v1 REST API, which Factorial
// retired in 2025, stays available behind Client.V1.
//
// Package resources holds the types generated from openapi-resources.yaml
// (the dated API), package api those generated from openapi.yaml (v1 and
// OAuth), both by oapi-codegen. This package is the client around them: a
// Client with one service per API area (Client.Employees, Client.TimeOff,
// Client.Attendance, ...), whose methods take and return those types, and
// the transport every call goes through.
//
//	c, err := factorial.NewClient(
//		factorial.WithAPIKey(key), // or factorial.WithTokenSource(ts)
//		factorial.WithLogger(logger),
//	)
//	if err != nil {
//		return err
//	}
//	emps, err := c.Employees.List(ctx, nil) // every page: []resources.Employee
//	for e, err := range c.Employees.ListIter(ctx, nil) { ... } // one page in memory at a time
//	page, err := c.Employees.ListPage(ctx, &resources.ListEmployeesParams{Limit: factorial.Ptr(25)})
//
// Lists follow meta.end_cursor (or page numbers) until has_next_page is
// false. The version is WithAPIVersion's (DefaultAPIVersion otherwise) and
// lives only in the request path; a client on a version past its year of
// service logs one warning, because Factorial silently answers such calls
// with its oldest supported version. Webhook deliveries are received with
// package webhook. The base URL defaults to ProductionURL;
// WithBaseURL(DemoURL) selects the demo company. http:// is refused except
// on loopback.
//
// # Services and methods
//
// A service is the operation's tag in the spec, and a method its
// operationId without the area's resource noun after the verb:
// ListEmployees is Employees.List, UpdateTeamMembership is
// Teams.UpdateMembership. Each method's documentation names its route and
// operationId, and docs/resources-operations.md maps every operation to its
// call.
//
// A method returns the success type itself: a value for a single record,
// every page of a list (with ...Iter and ...Page beside it), a pointer when
// the operation may also succeed without a body (nil then), and only an
// error when the success has no body.
//
// # The v1 API
//
// Client.V1 holds v1's services (package api's types): c.V1.Employees.List
// returns []api.Employee. Every v1 method is deprecated and names the dated
// call that replaces it where one has the same name. v1 lists also have an
// ...Iter method that decodes the elements as they arrive; it is retried
// like any call until the first element is yielded, and a failure after
// that ends the sequence with an *Error.
//
// Optional fields are pointers: Ptr builds one for a request, Value and the
// generated getters (e.GetEmail()) read one as its zero value when nil.
// Date (NewDate, DateOf) is the type of every date field.
//
// Every generated model prints the fields that are set (fmt and slog),
// secrets as REDACTED.
//
// Raw returns the generated client underneath, for what a service does not
// express: response headers, or a body sent as raw bytes (V1.Raw for v1).
//
// # Errors
//
// A service returns a result only for a response the client trusts.
// Everything else is an *Error, reached with errors.As; its Kind says why:
//
//   - KindStatus: a non-2xx status, with every message of Factorial's error
//     body whatever its shape ({"errors": "..."}, a list, per-field
//     messages in FieldErrors, a bare array, Doorkeeper's
//     error/error_description, or an excerpt of an HTML page from a proxy);
//     the dated API's 422 messages ({"errors": {"errors": ["Email can't be
//     blank"]}}) are filed in FieldErrors by the request field their words
//     name, best effort (see Error.FieldErrors);
//   - the other kinds: a 2xx the operation does not declare, a body in an
//     undeclared content type, an empty, truncated or malformed body where
//     JSON is declared, JSON that does not fit the generated type
//     (KindDecode), or a body too large or cut off while being read.
//
// So a nil error means the returned value was decoded from a declared
// success. errors.Is matches ErrNotFound, ErrUnauthorized, ErrForbidden,
// ErrRateLimited and ErrValidation (422); IsRetryable tells whether trying
// later may help. Failures before any response arrives wrap a *url.Error
// (reach it with errors.As), and TokenSource errors come back wrapped;
// timeouts match context.DeadlineExceeded. URLs in errors and logs have
// secret query values (token, code, client_secret, ...) replaced, and
// credentials are never logged.
//
// Through Raw, a non-2xx answer is still an *Error, and so are the
// response checks above, but a well-formed 2xx body that does not fit its
// type comes back as the generated parser's own encoding/json error.
//
// # Retries
//
// A 429 is retried for every method, POST included: the server refused the
// request before it had any effect. Its Retry-After is honoured, in seconds
// or as a date, up to RetryPolicy.MaxRetryAfter; a longer one ends the call
// with the *Error, whose RetryAfter says when to come back.
//
// The other transient failures (502, 503, 504, a connection that broke or
// timed out after the request may have been sent) are retried only for
// idempotent calls: GET, HEAD, OPTIONS, PUT and DELETE, or any call whose
// context carries the caller's promise (Idempotent; IdempotentRequest for
// a Raw method). Factorial has no idempotency keys, and a clock-in sent
// twice is real harm. A connection that could not be established proves
// nothing was sent, and is retried for every method.
//
// Waits use exponential backoff with full jitter; RetryPolicy sets the
// attempts and the bounds (MaxElapsed for the whole call).
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
// validate.Responses (package validate) checks live responses against the
// specs this module is generated from and logs drift, or fails on it in
// strict mode. The specs and their parser live in that package: a program
// that does not import it links no OpenAPI, YAML or JSON-schema code, and
// no call of this package parses a spec (each service hands the transport
// the operation's declared statuses and media types, recorded when the
// code was generated).
package factorial
