// Command lister lists the employees of the current API through the
// client: scripts/bench.sh compares its size with bench/sizes/raw, the same
// program on net/http and encoding/json.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/factorial-go/factorial"
)

func main() {
	c, err := factorial.NewClient(factorial.WithAPIKey(os.Getenv("FACTORIAL_API_KEY")))
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	emps, err := c.Employees.List(context.Background(), nil)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, e := range emps {
		fmt.Println(e.ID, e.GetFullName())
	}
}
