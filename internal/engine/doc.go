// Package engine sends the requests of a factorial.Client and decides what
// comes back: one file per stage. engine.go holds the entry points (Do,
// Decode, List, StartStream) and the Engine; request building per attempt
// is attempt.go, the retry loop and its waits exchange.go and retry.go,
// the checks and the decode of a response response.go, bodies read as
// they arrive stream.go, the lists' pages and elements list.go, what an
// error body says errorbody.go and fielderrors.go, secrets kept out of
// errors and logs redact.go. A response the engine will not trust is a
// *Failure, which the client turns into its public *Error; everything the
// public API documents (retry policy, token source, validation modes) is
// converted into the engine's own small types when the client is built.
//
// The engine knows each operation from its generated descriptor
// (Operation): declared statuses and media types, credentials, which API.
// It never parses a spec.
package engine
