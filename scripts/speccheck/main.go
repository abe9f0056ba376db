// Command speccheck loads an OpenAPI document and reports every
// validation error kin-openapi finds. Used while editing openapi.yaml.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/getkin/kin-openapi/openapi3"
)

func main() {
	path := "openapi.yaml"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	doc, err := openapi3.NewLoader().LoadFromFile(path)
	if err != nil {
		fmt.Fprintln(os.Stderr, "load:", err)
		os.Exit(1)
	}
	if err := doc.Validate(context.Background(), openapi3.EnableMultiError()); err != nil {
		fmt.Fprintln(os.Stderr, "validate:", err)
		os.Exit(1)
	}
	n := 0
	for _, item := range doc.Paths.Map() {
		n += len(item.Operations())
	}
	fmt.Printf("ok: %d operations\n", n)
}
