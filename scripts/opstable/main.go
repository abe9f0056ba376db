// Command opstable writes docs/operations.md: one row per operation in
// openapi.yaml with its method, path, Go method, area and deprecation. It is
// run by `go generate ./...` (see gen.go), and scripts/check-generated.sh
// fails CI when the committed table is stale.
//
// The Go method name is looked up in the generated api/api.gen.go, so the
// table cannot name a method that does not exist.
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log"
	"os"
	"sort"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

type row struct {
	area, method, path, goMethod, opID, summary string
	deprecated                                  bool
}

func main() {
	spec := flag.String("spec", "openapi.yaml", "OpenAPI document")
	gen := flag.String("gen", "api/api.gen.go", "generated client")
	out := flag.String("out", "docs/operations.md", "output file")
	flag.Parse()

	doc, err := openapi3.NewLoader().LoadFromFile(*spec)
	if err != nil {
		log.Fatalf("opstable: %v", err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		log.Fatalf("opstable: %s does not validate: %v", *spec, err)
	}
	methods, err := generatedMethods(*gen)
	if err != nil {
		log.Fatalf("opstable: %v", err)
	}

	var rows []row
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			// oapi-codegen's initialism normalizer only changes letter case
			// (Id -> ID), so a case-insensitive match finds the method.
			// Operations with a body get typed variants; multipart ones only
			// the raw-body method. Name the one a caller would reach for.
			var name string
			for _, suffix := range []string{"WithResponse", "WithFormdataBodyWithResponse", "WithBodyWithResponse"} {
				if n, ok := methods[strings.ToLower(op.OperationID+suffix)]; ok {
					name = n
					break
				}
			}
			if name == "" {
				log.Fatalf("opstable: %s (%s %s): generated client has no method for it; run go generate", op.OperationID, method, path)
			}
			area := "(untagged)"
			if len(op.Tags) > 0 {
				area = op.Tags[0]
			}
			rows = append(rows, row{area: area, method: method, path: path, goMethod: name, opID: op.OperationID, summary: op.Summary, deprecated: op.Deprecated})
		}
	}
	sort.Slice(rows, func(i, j int) bool {
		a, b := rows[i], rows[j]
		if a.area != b.area {
			return a.area < b.area
		}
		if a.path != b.path {
			return a.path < b.path
		}
		return a.method < b.method
	})

	var buf bytes.Buffer
	fmt.Fprintf(&buf, "# Operations\n\n")
	fmt.Fprintf(&buf, "Generated from openapi.yaml by `go generate ./...` (scripts/opstable); do not edit.\n\n")
	perArea := map[string]int{}
	var areas []string
	deprecated := 0
	for _, r := range rows {
		if perArea[r.area] == 0 {
			areas = append(areas, r.area)
		}
		perArea[r.area]++
		if r.deprecated {
			deprecated++
		}
	}
	fmt.Fprintf(&buf, "%d operations (%d deprecated legacy paths).\n\n", len(rows), deprecated)
	fmt.Fprintf(&buf, "| Area | Operations |\n|---|---|\n")
	for _, a := range areas {
		fmt.Fprintf(&buf, "| %s | %d |\n", a, perArea[a])
	}
	fmt.Fprintf(&buf, "\n| Area | Method | Path | Go method (api.ClientWithResponses) | Deprecated | Summary |\n|---|---|---|---|---|---|\n")
	for _, r := range rows {
		dep := ""
		if r.deprecated {
			dep = "yes"
		}
		fmt.Fprintf(&buf, "| %s | %s | `%s` | `%s` | %s | %s |\n", r.area, r.method, r.path, r.goMethod, dep, strings.ReplaceAll(r.summary, "|", "\\|"))
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		log.Fatalf("opstable: %v", err)
	}
}

// generatedMethods lists the methods of ClientWithResponses in the
// generated file.
func generatedMethods(path string) (map[string]string, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	m := map[string]string{}
	for _, d := range f.Decls {
		fn, ok := d.(*ast.FuncDecl)
		if !ok || fn.Recv == nil || len(fn.Recv.List) != 1 {
			continue
		}
		if star, ok := fn.Recv.List[0].Type.(*ast.StarExpr); ok {
			if id, ok := star.X.(*ast.Ident); ok && id.Name == "ClientWithResponses" {
				m[strings.ToLower(fn.Name.Name)] = fn.Name.Name
			}
		}
	}
	return m, nil
}
