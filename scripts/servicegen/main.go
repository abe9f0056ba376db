// Command servicegen writes the typed service layer over an
// oapi-codegen package: one service per tag with one method per operation
// returning the success type itself, an iterator beside every list, nil-safe
// getters on the generated types, and the operations table in docs.
//
// It reads the OpenAPI document for tags, operations and success statuses,
// and the generated Go file for the request constructors and types, so a
// method can only call code that exists. `go generate ./...` runs it (see
// gen.go); scripts/check-generated.sh fails CI when its output is stale.
//
// The program is in steps, a file each: options.go reads the
// configuration; spec.go the OpenAPI document; generated.go and
// describe.go oapi-codegen's output and how each operation is called
// through it (operation.go holds what they find). Every file it writes is
// laid out by a template in templates/ (templates.go), fed by a renderer
// that computes the template's data: services.go (with descriptors.go,
// query.go and method.go), getters.go, events.go and docs.go. naming.go
// and wording.go decide the Go names and the prose of the comments.
package main

import (
	"flag"
	"fmt"
	"io/fs"
	"os"
)

func main() {
	config := flag.String("config", "", "JSON configuration of the run (see options)")
	flag.Parse()
	o, err := loadOptions(*config)
	if err == nil {
		err = run(o)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "servicegen:", err)
		os.Exit(1)
	}
}

// run generates the files o names with the embedded templates.
func run(o options) error { return generate(o, templateFS) }

// generate reads the document and the generated code and writes every
// file o names, laid out by the templates in fsys.
func generate(o options, fsys fs.FS) error {
	t, err := parseTemplates(fsys)
	if err != nil {
		return err
	}
	doc, err := loadSpec(o.Spec)
	if err != nil {
		return err
	}
	g, err := loadGenerated(o)
	if err != nil {
		return err
	}
	ops, err := readOperations(o, doc, g)
	if err != nil {
		return err
	}

	files := []struct {
		path   string
		render func() ([]byte, error)
	}{
		{o.Out, func() ([]byte, error) { return renderServices(t, o, g.pkg, ops.services, ops.all) }},
		{o.Getters, func() ([]byte, error) { return renderGetters(t, o, g) }},
		{o.Events, func() ([]byte, error) { return renderEvents(t, o, doc, g) }},
		{o.Docs, func() ([]byte, error) { return renderDocs(t, o, ops.all, ops.skipped) }},
	}
	for _, f := range files {
		if f.path == "" {
			continue // an optional file this document does not have
		}
		src, err := f.render()
		if err != nil {
			return fmt.Errorf("%s: %w", f.path, err)
		}
		if err := os.WriteFile(f.path, src, 0o644); err != nil {
			return err
		}
	}
	return nil
}
