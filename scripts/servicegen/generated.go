package main

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
)

// loadGenerated reads oapi-codegen's output for the document, with its
// client package's when the configuration names one, after removing the
// package comments oapi-codegen writes.
func loadGenerated(o options) (*generated, error) {
	if err := dropGeneratedPackageDoc(o.Gen); err != nil {
		return nil, err
	}
	g, err := parseGenerated(o.Gen)
	if err != nil {
		return nil, err
	}
	g.ctorPkg = g.pkg
	if o.Client != "" {
		if err := dropGeneratedPackageDoc(o.Client); err != nil {
			return nil, err
		}
		c, err := parseGenerated(o.Client)
		if err != nil {
			return nil, err
		}
		g.addClient(c)
	}
	return g, nil
}

// dropGeneratedPackageDoc removes oapi-codegen's package comment ("Package
// x provides primitives to interact with the openapi HTTP API.") from its
// output and separates the "Code generated" line from the package clause,
// so that the package documentation is the package's own doc.go.
func dropGeneratedPackageDoc(path string) error {
	src, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	first, rest, ok := bytes.Cut(src, []byte("\n"))
	if !ok || !bytes.HasPrefix(first, []byte("// Package ")) {
		return nil // already done
	}
	rest = bytes.TrimPrefix(rest, []byte("//\n"))
	marker, body, ok := bytes.Cut(rest, []byte("\n"))
	if !ok || !bytes.HasPrefix(marker, []byte("// Code generated ")) || !bytes.HasPrefix(body, []byte("package ")) {
		return fmt.Errorf("%s: unexpected header from oapi-codegen", path)
	}
	out := append(append(append([]byte{}, marker...), "\n\n"...), body...)
	return os.WriteFile(path, out, 0o644)
}

// generated is what servicegen needs from the oapi-codegen output.
type generated struct {
	pkg       string
	funcs     map[string]*ast.FuncDecl
	methods   map[string]map[string]bool // type -> its methods in the generated file
	aliases   map[string]ast.Expr
	structs   map[string]*ast.StructType
	named     map[string]string // a defined type over a basic one: its underlying
	typeOrder []string
	// ctorPkg is the package of the request builders: pkg itself, or the
	// client package (options.Client).
	ctorPkg string
}

// addClient takes the request builders and response types of the
// document's client package c, whose code names the models unqualified
// (a dot import); getters stay for the models alone (typeOrder).
func (g *generated) addClient(c *generated) {
	g.ctorPkg = c.pkg
	for name, fn := range c.funcs {
		g.funcs[name] = fn
	}
	for name, st := range c.structs {
		if _, model := g.structs[name]; !model {
			g.structs[name] = st
		}
	}
	for name, e := range c.aliases {
		if _, model := g.aliases[name]; !model {
			g.aliases[name] = e
		}
	}
}

func parseGenerated(path string) (*generated, error) {
	f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	g := &generated{pkg: f.Name.Name, funcs: map[string]*ast.FuncDecl{}, methods: map[string]map[string]bool{}, aliases: map[string]ast.Expr{}, structs: map[string]*ast.StructType{}, named: map[string]string{}}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				g.funcs[d.Name.Name] = d
				continue
			}
			recv := d.Recv.List[0].Type
			if star, ok := recv.(*ast.StarExpr); ok {
				recv = star.X
			}
			if id, ok := recv.(*ast.Ident); ok {
				if g.methods[id.Name] == nil {
					g.methods[id.Name] = map[string]bool{}
				}
				g.methods[id.Name][d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				ts, ok := s.(*ast.TypeSpec)
				if !ok {
					continue
				}
				if ts.Assign.IsValid() {
					g.aliases[ts.Name.Name] = ts.Type
					continue
				}
				switch t := ts.Type.(type) {
				case *ast.StructType:
					g.structs[ts.Name.Name] = t
					g.typeOrder = append(g.typeOrder, ts.Name.Name)
				case *ast.Ident:
					g.named[ts.Name.Name] = t.Name
				}
			}
		}
	}
	return g, nil
}

// goType prints a type expression of the generated package as seen from
// another package: exported names qualified, aliases of the generated
// package resolved (CreateEmployeeJSONRequestBody -> api.EmployeeCreate,
// ID -> int).
func (g *generated) goType(e ast.Expr, pkg string) string {
	switch e := e.(type) {
	case *ast.Ident:
		if target, ok := g.aliases[e.Name]; ok {
			return g.goType(target, pkg)
		}
		if ast.IsExported(e.Name) {
			return pkg + "." + e.Name
		}
		return e.Name
	case *ast.StarExpr:
		return "*" + g.goType(e.X, pkg)
	case *ast.ArrayType:
		return "[]" + g.goType(e.Elt, pkg)
	case *ast.MapType:
		return "map[" + g.goType(e.Key, pkg) + "]" + g.goType(e.Value, pkg)
	case *ast.SelectorExpr:
		x := e.X.(*ast.Ident).Name
		if x == "openapi_types" && e.Sel.Name == "Date" {
			return "Date"
		}
		return x + "." + e.Sel.Name
	case *ast.InterfaceType:
		return "any"
	}
	var buf bytes.Buffer
	_ = format.Node(&buf, token.NewFileSet(), e)
	return buf.String()
}

// typeString prints a type expression as written in the generated package.
func typeString(e ast.Expr) string {
	var tb bytes.Buffer
	_ = format.Node(&tb, token.NewFileSet(), e)
	return tb.String()
}
