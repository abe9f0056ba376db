package main

import (
	"bytes"
	"embed"
	"fmt"
	"go/format"
	"io/fs"
	"strings"
	"text/template"
)

// templateFS holds the layout of every file servicegen writes, one
// template per file or part of a file (templates/*.tmpl); the renderers
// compute the data each one prints.
//
//go:embed templates/*.tmpl
var templateFS embed.FS

// templates is the parsed set of templates/*.tmpl, each named by its file
// name ("method.tmpl").
type templates struct{ set *template.Template }

// parseTemplates parses every *.tmpl under templates/ in fsys.
func parseTemplates(fsys fs.FS) (*templates, error) {
	set, err := template.New("").Funcs(template.FuncMap{
		// lowerFirst turns an exported method name into its unexported
		// helper's prefix ("ListLeaves" -> "listLeaves").
		"lowerFirst": func(s string) string {
			if s == "" {
				return s
			}
			return strings.ToLower(s[:1]) + s[1:]
		},
		// doc is the data of method.tmpl's "doc" template: one method's
		// comment.
		"doc": func(m methodView, name, what, extra string) map[string]any {
			return map[string]any{"M": m, "Name": name, "What": what, "Extra": extra}
		},
	}).ParseFS(fsys, "templates/*.tmpl")
	if err != nil {
		return nil, fmt.Errorf("parse templates: %w", err)
	}
	return &templates{set: set}, nil
}

// execute renders the template name with data. The error text/template
// returns names the template, the line and the field or call that failed.
func (t *templates) execute(name string, data any) (string, error) {
	var b bytes.Buffer
	if err := t.set.ExecuteTemplate(&b, name, data); err != nil {
		return "", err
	}
	return b.String(), nil
}

// goFile is a generated Go file as gofile.tmpl lays it out: the "Code
// generated" line naming its input, the package clause, the imports in
// groups, and a body another template rendered.
type goFile struct {
	Source, Package string
	Imports         [][]goImport
	Body            string
}

// goImport is one import: its path and, when the file renames it, its
// name.
type goImport struct{ Name, Path string }

// imports is an import group of plain paths.
func imports(paths ...string) []goImport {
	out := make([]goImport, len(paths))
	for i, p := range paths {
		out[i] = goImport{Path: p}
	}
	return out
}

// goSource renders f and formats it as gofmt does.
func (t *templates) goSource(f goFile) ([]byte, error) {
	src, err := t.execute("gofile.tmpl", f)
	if err != nil {
		return nil, err
	}
	out, err := format.Source([]byte(src))
	if err != nil {
		return nil, fmt.Errorf("the rendered source does not parse: %w", err)
	}
	return out, nil
}
