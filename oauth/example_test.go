package oauth_test

//lint:file-ignore SA1019 these show the retired v1 API's services on purpose

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
)

// The authorization-code flow with state and PKCE, then API calls with a
// self-refreshing token. factorialtest stands in for Factorial and for the
// user's browser; against the real API drop WithBaseURL (or use
// oauth.DemoURL) and the Approve step.
func Example_codeFlow() {
	srv := factorialtest.NewServer()
	defer srv.Close()
	ctx := context.Background()

	cfg, err := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret,
		factorialtest.DefaultRedirectURI, oauth.WithBaseURL(srv.URL()))
	if err != nil {
		log.Fatal(err)
	}

	// 1. Send the user to auth.URL; keep auth (state and PKCE verifier)
	// in the server-side session until the callback.
	auth, err := cfg.Authorize()
	if err != nil {
		log.Fatal(err)
	}
	callback, err := srv.Approve(ctx, auth.URL) // the user clicks Authorize
	if err != nil {
		log.Fatal(err)
	}

	// 2. In the callback handler: check state, take the code.
	code, err := auth.Callback(callback.Query()) // r.URL.Query() in a handler
	if err != nil {
		log.Fatal(err)
	}

	// 3. Exchange it and keep the token somewhere durable.
	tok, err := cfg.Exchange(ctx, code, auth)
	if err != nil {
		log.Fatal(err)
	}
	store := oauth.NewMemoryStore(tok)

	// 4. Call the API; the token source refreshes and re-saves as needed,
	// and the client refreshes and repeats a call the server answers 401.
	ts, err := oauth.NewTokenSource(cfg, store)
	if err != nil {
		log.Fatal(err)
	}
	client, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithTokenSource(ts))
	if err != nil {
		log.Fatal(err)
	}
	me, err := client.V1.Credentials.GetMe(ctx)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(me.Email, me.GetRole())
	fmt.Println(tok.Scopes, tok.ExpiresIn)
	// Output:
	// admin@example.com admin
	// [read write] 7200
}

// A command-line login without a callback server: the out-of-band redirect
// makes Factorial show the code, and the user pastes it (or the page's URL)
// back.
func Example_outOfBand() {
	srv := factorialtest.NewServer()
	defer srv.Close()
	ctx := context.Background()

	cfg, err := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret,
		oauth.OOBRedirectURI, oauth.WithBaseURL(srv.URL()))
	if err != nil {
		log.Fatal(err)
	}
	auth, err := cfg.Authorize()
	if err != nil {
		log.Fatal(err)
	}
	// fmt.Println("Open", auth.URL, "and paste the code shown:")
	page, err := srv.Approve(ctx, auth.URL) // the browser lands on the code page
	if err != nil {
		log.Fatal(err)
	}
	// pasted, _ := bufio.NewReader(os.Stdin).ReadString('\n')
	pasted := "  " + page.String() + "\n"
	code, err := oauth.ParseCode(pasted)
	if err != nil {
		log.Fatal(err)
	}
	tok, err := cfg.Exchange(ctx, code, auth)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tok.TokenType, tok.Scopes)
	// Output: Bearer [read write]
}

// A token file shared by every run (and every process) of a CLI. When the
// access token expires, the source refreshes it and saves the rotated
// refresh token before returning.
func ExampleFileStore() {
	srv := factorialtest.NewServer(factorialtest.WithAutoApprove())
	defer srv.Close()
	ctx := context.Background()

	dir, err := os.MkdirTemp("", "factorial-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	// A directory of its own, e.g. $XDG_CONFIG_HOME/yourtool; created 0700.
	store, err := oauth.NewFileStore(filepath.Join(dir, "yourtool", "token.json"))
	if err != nil {
		log.Fatal(err)
	}

	// WithClock lets the example move time; real programs leave it out.
	cfg, err := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret,
		oauth.OOBRedirectURI, oauth.WithBaseURL(srv.URL()), oauth.WithClock(srv.Now))
	if err != nil {
		log.Fatal(err)
	}
	auth, err := cfg.Authorize()
	if err != nil {
		log.Fatal(err)
	}
	page, err := srv.Approve(ctx, auth.URL)
	if err != nil {
		log.Fatal(err)
	}
	code, err := oauth.ParseCode(page.String())
	if err != nil {
		log.Fatal(err)
	}
	tok, err := cfg.Exchange(ctx, code, auth)
	if err != nil {
		log.Fatal(err)
	}
	if err := store.Save(ctx, tok); err != nil {
		log.Fatal(err)
	}

	ts, err := oauth.NewTokenSource(cfg, store, oauth.WithOnRefresh(func(*oauth.Token) {
		fmt.Println("refreshed")
	}))
	if err != nil {
		log.Fatal(err)
	}
	srv.Advance(2 * time.Hour) // the access token expires
	fresh, err := ts.Token()
	if err != nil {
		log.Fatal(err)
	}
	saved, _ := store.Load(ctx)
	info, _ := os.Stat(store.Path())
	fmt.Println("saved before use:", saved.AccessToken == fresh.AccessToken)
	fmt.Println("refresh token rotated:", saved.RefreshToken != tok.RefreshToken)
	fmt.Printf("mode: %04o\n", info.Mode().Perm())
	// Output:
	// refreshed
	// saved before use: true
	// refresh token rotated: true
	// mode: 0600
}

// A company token for the dated API: granular scopes, and
// resource_owner_type=company. The token never expires and has no refresh
// token; the source hands it out as is, and once it is revoked the client
// reports that a new authorization is needed.
func ExampleCompanyToken() {
	srv := factorialtest.NewServer(factorialtest.WithAutoApprove())
	defer srv.Close()
	ctx := context.Background()

	cfg, err := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret,
		oauth.OOBRedirectURI, oauth.WithBaseURL(srv.URL()),
		oauth.WithScopes(oauth.ScopeEmployees, oauth.ScopeTimeOff))
	if err != nil {
		log.Fatal(err)
	}
	auth, err := cfg.Authorize(oauth.CompanyToken())
	if err != nil {
		log.Fatal(err)
	}
	page, err := srv.Approve(ctx, auth.URL)
	if err != nil {
		log.Fatal(err)
	}
	code, err := oauth.ParseCode(page.String())
	if err != nil {
		log.Fatal(err)
	}
	tok, err := cfg.Exchange(ctx, code, auth)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(tok.Scopes, "never expires:", tok.NeverExpires(), "refresh token:", tok.RefreshToken != "")

	ts, err := oauth.NewTokenSource(cfg, oauth.NewMemoryStore(tok))
	if err != nil {
		log.Fatal(err)
	}
	client, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithTokenSource(ts))
	if err != nil {
		log.Fatal(err)
	}
	_ = cfg.Revoke(ctx, tok.AccessToken, oauth.AccessTokenHint) // say, an admin revoked it
	_, err = client.V1.Credentials.GetMe(ctx)
	fmt.Println("authorise again:", errors.Is(err, oauth.ErrReauthRequired))
	// Output:
	// [employees time_off] never expires: true refresh token: false
	// authorise again: true
}

// Company API keys need no OAuth: APIKeyEditor puts the key in x-api-key,
// for any client that takes request editors (factorial.WithAPIKey does
// the same for factorial.NewClient).
func ExampleAPIKeyEditor() {
	srv := factorialtest.NewServer()
	defer srv.Close()

	// Against Factorial, leave out WithBaseURL.
	client, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()),
		factorial.WithRequestEditor(oauth.APIKeyEditor(factorialtest.DefaultAPIKey)))
	if err != nil {
		log.Fatal(err)
	}
	me, err := client.V1.Credentials.GetMe(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(me.Email, me.EmployeeID)
	// Output: admin@example.com 1001
}
