// Package engine sends the requests of a factorial.Client and decides what
// comes back, one file per stage: engine.go holds the entry points (Do,
// Decode, DecodeList, StartStream) and the Engine; the request an attempt
// sends is built in attempt.go; the retry loop and its waits are
// exchange.go and retry.go, every attempt's timeout deadline.go; the checks
// and the decode of a response are response.go, bodies read as they arrive
// stream.go; list.go is the one iterator and collector of every list; what
// an error body says is errorbody.go and fielderrors.go, and redact.go keeps
// secrets out of errors and logs.
//
// A response the engine will not trust is a *Failure, which the client
// turns into its public *Error; what the public API documents (retry
// policy, token source, validation modes) is converted into the engine's
// own small types when the client is built.
//
// The engine knows each operation from its generated descriptor
// (Operation): declared statuses and media types, credentials, which API.
// It never parses a spec.
package engine
