package main

import (
	"io/fs"
	"os"
	"strings"
	"testing"
	"testing/fstest"
)

// withTemplate is the embedded templates with the file name replaced by
// text.
func withTemplate(t *testing.T, name, text string) fs.FS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(templateFS, "templates", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(templateFS, path)
		fsys[path] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	fsys["templates/"+name] = &fstest.MapFile{Data: []byte(text)}
	return fsys
}

// A template that does not parse or fails on its data is an error naming
// the template and the file being written (and, for a method, the
// operation), and no file is written from it.
func TestGenerateNamesTheFailingTemplate(t *testing.T) {
	spec, err := os.ReadFile("testdata/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		template, text string
		want           []string
		unwritten      func(options) string
	}{
		"parse":           {"docs.tmpl", "{{if .Dated}}", []string{"parse templates", "docs.tmpl"}, func(o options) string { return o.Out }},
		"a missing field": {"getters.tmpl", "{{range .Types}}{{.Fields}}{{end}}", []string{"g: ", "getters.tmpl", "Fields"}, func(o options) string { return o.Getters }},
		"a method":        {"method.tmpl", `{{if eq .Kind "optional"}}{{.Missing}}{{end}}`, []string{"s: ", "DeletePet: ", "method.tmpl", "Missing"}, func(o options) string { return o.Out }},
		"the frame":       {"gofile.tmpl", "{{.Imports.Missing}}", []string{"s: ", "gofile.tmpl"}, func(o options) string { return o.Out }},
		"not Go":          {"events.tmpl", "const (", []string{"e: ", "does not parse"}, func(o options) string { return o.Events }},
	} {
		t.Run(name, func(t *testing.T) {
			o := tempOptions(t, string(spec))
			err := generate(o, withTemplate(t, tc.template, tc.text))
			for _, want := range tc.want {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("got %v, want an error naming %q", err, want)
				}
			}
			if _, err := os.Stat(tc.unwritten(o)); err == nil {
				t.Errorf("%s was written", tc.unwritten(o))
			}
		})
	}
}

// The embedded templates parse and name every template the renderers
// execute.
func TestTemplatesParse(t *testing.T) {
	tm, err := parseTemplates(templateFS)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"gofile.tmpl", "services.tmpl", "descriptors.tmpl", "query.tmpl", "method.tmpl", "getters.tmpl", "events.tmpl", "docs.tmpl"} {
		if tm.set.Lookup(name) == nil {
			t.Errorf("no template %s", name)
		}
	}
}
