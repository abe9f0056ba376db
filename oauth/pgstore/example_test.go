package pgstore_test

import (
	"context"
	"crypto/rand"
	"fmt"
	"log"
	"os"

	"github.com/jackc/pgx/v5/pgxpool"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
	"github.com/factorial-go/factorial/oauth/pgstore"
)

// A marketplace app on several replicas: every replica runs this setup at
// startup, and any of them can serve any connected company. factorialtest
// stands in for Factorial and the user's browser.
func Example() {
	srv := factorialtest.NewServer()
	defer srv.Close()
	ctx := context.Background()

	// Startup, on every replica.
	pool, err := pgxpool.New(ctx, os.Getenv("DATABASE_URL"))
	if err != nil {
		log.Fatal(err)
	}
	defer pool.Close()
	if err := pgstore.Migrate(ctx, pool); err != nil { // idempotent; replicas may race
		log.Fatal(err)
	}
	key := make([]byte, 32) // in production: the same key on every replica, from a secret manager
	if _, err := rand.Read(key); err != nil {
		log.Fatal(err)
	}
	store, err := pgstore.New(pool, pgstore.WithEncryptionKey(key))
	if err != nil {
		log.Fatal(err)
	}
	cfg, err := oauth.New(factorialtest.DefaultClientID, factorialtest.DefaultClientSecret,
		factorialtest.DefaultRedirectURI, oauth.WithBaseURL(srv.URL()), oauth.WithScopes(oauth.ScopeEmployees))
	if err != nil {
		log.Fatal(err)
	}
	sources, err := oauth.NewTokenSources(cfg, store)
	if err != nil {
		log.Fatal(err)
	}

	// A company connects: the authorization-code flow, then its token is
	// saved under the company's key.
	auth, err := cfg.Authorize()
	if err != nil {
		log.Fatal(err)
	}
	callback, err := srv.Approve(ctx, auth.URL) // the admin clicks Authorize
	if err != nil {
		log.Fatal(err)
	}
	code, err := auth.Callback(callback.Query())
	if err != nil {
		log.Fatal(err)
	}
	tok, err := cfg.Exchange(ctx, code, auth)
	if err != nil {
		log.Fatal(err)
	}
	if err := sources.Save(ctx, "company-42", tok); err != nil {
		log.Fatal(err)
	}

	// Any request for that company, on any replica.
	ts, err := sources.Source("company-42")
	if err != nil {
		log.Fatal(err)
	}
	client, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithTokenSource(ts))
	if err != nil {
		log.Fatal(err)
	}
	employees, err := client.Employees.List(ctx, nil)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(employees), "employees")
	for k, err := range store.Keys(ctx) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("connected:", k)
	}
	// Output:
	// 5 employees
	// connected: company-42
}
