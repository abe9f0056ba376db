package factorial_test

import (
	"context"
	"fmt"
	"log"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
)

// The client against the sandbox, as in the README: seed data, inject a
// rate limit, and watch the client retry the GET through it.
func Example_sandbox() {
	srv := factorialtest.NewServer() // in a test: factorialtest.NewServer(factorialtest.WithTB(t))
	defer srv.Close()

	client, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()),
		factorial.WithAPIKey(factorialtest.DefaultAPIKey),
		factorial.WithRetryPolicy(factorial.RetryPolicy{BaseDelay: time.Millisecond}))
	if err != nil {
		log.Fatal(err)
	}
	if _, err := srv.AddEmployee("Grace", "Hopper", "grace@example.com"); err != nil {
		log.Fatal(err)
	}
	fault := srv.InjectFault(factorialtest.Fault{Match: "ListEmployees", Status: 429, Times: 1})

	res, err := client.Raw().ListEmployeesWithResponse(context.Background())
	if err != nil {
		log.Fatal(err)
	}
	last := (*res.JSON200)[len(*res.JSON200)-1]
	fmt.Println(*last.FullName, "found after", fault.Hits(), "rate-limited attempt")
	// Output: Grace Hopper found after 1 rate-limited attempt
}
