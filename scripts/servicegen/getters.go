package main

import (
	"go/ast"
	"path/filepath"
	"strings"
)

// gettersView is the data of getters.tmpl: the types of the generated
// package that get getters, in declaration order.
type gettersView struct{ Types []getterType }

// getterType is one generated struct's getters and printers.
type getterType struct {
	Name    string
	Getters []getter
	// Printers is set for a type that gets String and LogValue methods,
	// which print every field but Secrets as REDACTED.
	Printers bool
	Secrets  []string
}

// getter is the nil-safe getter of one field; Pointer marks an optional
// field, returned dereferenced.
type getter struct {
	Name, Field, Type string
	Pointer           bool
}

// renderGetters writes, for every generated struct (but the client's
// params, responses and headers), a nil-safe getter per field and String
// and LogValue methods that show the fields that are set and never a
// secret (see secretFields).
func renderGetters(t *templates, o options, g *generated) ([]byte, error) {
	var v gettersView
	for _, name := range g.typeOrder {
		if strings.HasSuffix(name, "Params") || strings.HasSuffix(name, "Response") || strings.HasSuffix(name, "Headers") {
			continue
		}
		v.Types = append(v.Types, getterTypeOf(g, name))
	}
	body, err := t.execute("getters.tmpl", v)
	if err != nil {
		return nil, err
	}
	std := []string{"log/slog"}
	if strings.Contains(body, " time.") {
		std = append(std, "time")
	}
	if strings.Contains(body, "json.RawMessage") {
		std = append([]string{"encoding/json"}, std...)
	}
	own := imports("github.com/factorial-go/factorial/internal/pretty")
	if strings.Contains(body, "openapi_types.") {
		own = append(own, goImport{Name: "openapi_types", Path: "github.com/oapi-codegen/runtime/types"})
	}
	return t.goSource(goFile{
		Source: filepath.Base(o.Gen), Package: g.pkg,
		Imports: [][]goImport{imports(std...), own},
		Body:    body,
	})
}

// getterTypeOf works out the getters of the generated struct name: one
// per exported field unless a field or method already has the getter's
// name, and the printers unless the type is a union (its value lives in
// raw JSON that its own methods decode) or prints itself.
func getterTypeOf(g *generated, name string) getterType {
	st := g.structs[name]
	taken := map[string]bool{}
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			taken[n.Name] = true
		}
	}
	for m := range g.methods[name] {
		taken[m] = true
	}
	gt := getterType{Name: name}
	union := false
	for _, f := range st.Fields.List {
		if len(f.Names) != 1 {
			union = union || len(f.Names) == 0
			continue
		}
		field := f.Names[0].Name
		if field == "union" {
			union = true
		}
		get := getter{Name: "Get" + field, Field: field}
		if taken[get.Name] || !ast.IsExported(field) {
			continue // a field or method named like the getter would collide
		}
		if star, ok := f.Type.(*ast.StarExpr); ok {
			get.Pointer, get.Type = true, typeString(star.X)
		} else {
			get.Type = typeString(f.Type)
		}
		gt.Getters = append(gt.Getters, get)
	}
	if !union && !taken["String"] && !taken["LogValue"] {
		gt.Printers = true
		gt.Secrets = secretFields(name, st)
	}
	return gt
}

// secretFields names the fields of the struct typeName whose values are
// secrets and never printed or logged: tokens, client secrets, passwords,
// PKCE verifiers, webhook challenges, and an authorization code.
func secretFields(typeName string, st *ast.StructType) []string {
	var out []string
	for _, f := range st.Fields.List {
		for _, n := range f.Names {
			name := n.Name
			switch {
			case strings.HasSuffix(name, "Token"), strings.Contains(name, "Secret"), strings.Contains(name, "Password"),
				strings.Contains(name, "Verifier"), name == "Challenge",
				name == "Code" && strings.Contains(typeName, "Token"):
				out = append(out, name)
			}
		}
	}
	return out
}
