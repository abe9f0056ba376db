// Package raw is the dated API's client as oapi-codegen generates it from
// openapi-resources.yaml: a request builder per operation (NewXxxRequest),
// Client and ClientWithResponses, whose methods answer the status, the
// headers and the body decoded into package resources' types.
//
// Reach it through factorial.Client.Raw, which shares the Client's
// transport (credentials, retries, the 401 refresh, and an *Error for any
// response the client does not trust), for what a service does not
// express: the response headers, or a body sent as raw bytes.
package raw
