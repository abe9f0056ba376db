// Package oauth authenticates with Factorial HR's API: the OAuth2
// authorization-code flow against Factorial's Doorkeeper server, token
// storage and refresh, and request editors for clients that take them
// (the generated client in package api, factorial.WithRequestEditor).
//
// # Flow
//
//	cfg, _ := oauth.New(clientID, clientSecret, redirectURI)  // oauth.WithBaseURL(oauth.DemoURL) for the sandbox
//	auth, _ := cfg.Authorize()             // open auth.URL in the browser
//	code, _ := auth.Callback(r.URL.Query()) // on the redirect: checks state
//	tok, _ := cfg.Exchange(ctx, code, auth) // sends the PKCE verifier
//	store, _ := oauth.NewFileStore(path)
//	_ = store.Save(ctx, tok)
//	ts, _ := oauth.NewTokenSource(cfg, store)
//	client, _ := factorial.NewClient(factorial.WithTokenSource(ts)) // refreshes, and retries a 401 once
//	me, _ := client.V1.Credentials.GetMe(ctx)
//
// For a command-line login without a callback server use OOBRedirectURI:
// Factorial shows the code on a page, and ParseCode accepts what the user
// pastes (the code or the page's URL). Company API keys skip OAuth
// altogether: factorial.WithAPIKey, or APIKeyEditor where a client takes
// request editors.
//
// # Many companies, many replicas
//
// A marketplace app holds one authorization per connected company.
// KeyedStore keeps one token per key and TokenSources hands out one
// TokenSource per key, so each key's refresh runs once however many
// goroutines need it; package oauth/pgstore is a KeyedStore in PostgreSQL
// whose row lock makes it run once across replicas on several machines:
//
//	sources, _ := oauth.NewTokenSources(cfg, store) // store: pgstore.New(pool), or NewKeyedMemoryStore()
//	_ = sources.Save(ctx, companyKey, tok)          // when the company connects
//	ts, _ := sources.Source(companyKey)
//
// The single-token Store (FileStore, MemoryStore) with NewTokenSource is
// the one-key case.
//
// # Scopes
//
// The v1 API knows two scopes, read and write (ScopeRead, ScopeWrite), and
// New requests both unless told otherwise. The dated API
// (/api/<version>/resources/...) grants each area to a granular scope,
// which covers reading and writing it: ScopeEmployees (employees and
// teams), ScopeTimeOff, ScopeTimeTracking (attendance, work schedules,
// time planning), ScopePayroll and the rest (GranularScopes lists them
// all). An application's scopes are chosen when it is created on
// Factorial, an authorization may ask for those or fewer, and changing an
// application's scopes invalidates its tokens. Ask for what the program
// needs:
//
//	cfg, _ := oauth.New(id, secret, redirect, oauth.WithScopes(oauth.ScopeEmployees, oauth.ScopeTimeOff))
//	auth, _ := cfg.Authorize(oauth.AuthScopes(oauth.ScopeTasks)) // or other scopes for one authorization
//
// Scopes are sent space-separated in the scope parameter; a comma-joined
// list (as one Factorial page shows) would be a single unknown scope, so
// New and Authorize refuse it. The token lists what was granted
// (Token.Scopes, Token.HasScope), which may be fewer than asked for; a
// scope the application may not use fails the authorization with an
// *Error of Code CodeInvalidScope.
//
// # Company tokens
//
// CompanyToken adds resource_owner_type=company to the authorization and
// yields a company token: it acts for the company rather than for the
// user who approved it (within its scopes), never expires and has no
// refresh token, where a user token lasts an hour (expires_in is
// authoritative) and is refreshed. Such a token has a zero Expiry
// (Token.NeverExpires), is stored and reloaded as is by MemoryStore and
// FileStore, and TokenSource hands it out without ever refreshing it. It
// stays valid until revoked (Revoke) or until the application's scopes
// change; when the server then answers 401, TokenSource returns a
// *TokenRejectedError, which matches ErrReauthRequired, instead of
// attempting a refresh. Once a new authorization's token is saved in the
// store (by this process or another), the next 401 for the old token makes
// TokenSource adopt it, which the client's retry does transparently.
//
//	auth, _ := cfg.Authorize(oauth.CompanyToken())
//	// ... callback and Exchange as above; then, for every call:
//	if errors.Is(err, oauth.ErrReauthRequired) { /* authorise again */ }
//
// # What x/oauth2 does, and what this package adds
//
// golang.org/x/oauth2 does the wire work: the authorize URL, PKCE
// (GenerateVerifier, S256ChallengeOption, VerifierOption), the token
// requests and the parsing of token and error responses (RetrieveError).
// Around it this package adds what a Factorial client needs and x/oauth2
// leaves out or gets wrong for this server:
//
//   - An explicit client authentication style. x/oauth2's default
//     auto-detection tries HTTP Basic and, on any error, repeats the request
//     with form credentials: the retry re-sends a single-use code or a
//     rotating refresh token. Credentials go in the form body, as
//     Factorial's guide shows; WithBasicAuth opts into Basic.
//   - Refresh-token rotation. Doorkeeper issues a new refresh token on
//     every refresh and revokes the old one. x/oauth2 has no hook to learn
//     of a refresh, so its TokenSource cannot persist the new token;
//     TokenSource here saves every token to a Store before handing it out.
//   - Concurrency across processes. Two processes sharing a token file
//     would both spend the same refresh token, and the second gets
//     invalid_grant. FileStore's lock plus a re-read before refreshing lets
//     the second process adopt the first one's token instead; across
//     machines, oauth/pgstore's row lock does the same.
//   - A long-lived context. x/oauth2's Config.TokenSource keeps the context
//     it was created with for every later refresh, so a request context
//     breaks refreshing once it ends. TokenSource refreshes with its own
//     context (WithBaseContext); callers' contexts only bound their wait.
//   - Expiry from created_at. Doorkeeper sends created_at (Unix seconds)
//     next to expires_in; x/oauth2 keeps it only in Extra and computes
//     expiry from the local clock. Token.Expiry uses created_at +
//     expires_in, translated to the local clock with the Date header (see
//     Exchange), and Token keeps the scopes.
//   - A refresh margin (default 2 minutes rather than x/oauth2's 10 s) and
//     RefreshIfStale, so N goroutines that got a 401 with the same token
//     cause one refresh.
//   - Errors classified by OAuth error code. Doorkeeper answers 400 or 401
//     for the same error depending on its version, so *Error carries Code
//     and invalid_grant matches ErrReauthRequired. x/oauth2's RetrieveError
//     prints the raw response body, which may echo credentials; it is
//     replaced, never wrapped.
//   - Secrets stay out of output: Token and Authorization redact themselves
//     in fmt and slog, no error message includes a token, code, verifier or
//     secret, and nothing secret is logged.
//   - Revoke (RFC 7009) and TokenInfo, which x/oauth2 does not offer.
//     Factorial documents revocation; token info is a Doorkeeper default
//     that Factorial may have disabled.
//
// Base URLs must be https; http is accepted only for loopback hosts, so
// tests can run against package factorialtest, a Doorkeeper-faithful fake
// server.
package oauth
