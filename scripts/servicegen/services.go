package main

import (
	"path"
	"slices"
	"strings"
)

// servicesView is the data of services.tmpl: the body of the service file
// of a document.
type servicesView struct {
	Descriptors descriptorsView
	Encoders    []queryEncoderView
	// Tree is "" when the services sit on the Client itself (attached by
	// initServices, with Subtrees); else the type holding them, TreeDoc
	// its description.
	Tree, TreeDoc string
	Subtrees      []string
	Spec, Pkg     string
	// Retired marks a document whose API has a successor: its tree and
	// services are deprecated.
	Retired  bool
	Services []serviceView
}

// serviceView is one service type with its methods, rendered.
type serviceView struct {
	Name, Type, Tag string
	Doc             string // the tag description's first sentence
	Reach           string // the expression that reaches it from a Client
	Current         bool   // shared by every API: never on the tree, never deprecated
	Methods         []string
}

// subtreeDocs describe the Client fields that hold another document's
// services.
var subtreeDocs = map[string]string{
	"V1": "the v1 REST API (/api/v1/...) and the OAuth endpoints. Factorial retired v1 in 2025; the Client's own services call the dated API that replaced it",
}

// renderServices writes the service file of a document (package
// factorial): its operation descriptors, query encoders, the service
// types with their methods, and what attaches them to the Client.
func renderServices(t *templates, o options, pkg string, list []*service, all []*operation) ([]byte, error) {
	v := servicesView{
		Descriptors: descriptors(o, all), Encoders: queryEncoders(o, all),
		Tree: o.Tree, TreeDoc: subtreeDocs[o.Tree], Subtrees: o.Subtrees,
		Spec: o.specName, Pkg: pkg, Retired: o.Successor != "",
	}
	reach := "Client."
	if o.Tree != "" {
		reach += o.Tree + "."
	}
	multipart := false
	for _, s := range list {
		sv := serviceView{Name: s.name, Type: serviceTypeName(o, s), Tag: s.tag, Doc: sentence(s.doc), Reach: reach + s.name, Current: s.current}
		if s.current {
			sv.Reach = "Client." + s.name
		}
		for _, op := range s.ops {
			src, err := renderMethods(t, o, sv.Type, op, pkg)
			if err != nil {
				return nil, err
			}
			sv.Methods = append(sv.Methods, src)
		}
		multipart = multipart || slices.ContainsFunc(s.ops, func(op *operation) bool { return op.bodyKind == "multipart" })
		v.Services = append(v.Services, sv)
	}
	body, err := t.execute("services.tmpl", v)
	if err != nil {
		return nil, err
	}

	// The standard library imports the body uses, and the generated
	// packages: the models, and the client package when a method calls
	// one of its request builders.
	std := []string{"context"}
	if multipart {
		std = append(std, "io")
	}
	if strings.Contains(body, "url.PathEscape(") {
		std = append(std, "net/url")
	}
	if strings.Contains(body, "strconv.") {
		std = append(std, "strconv")
	}
	std = append(std, "iter", "net/http")
	generated := []string{"github.com/factorial-go/factorial/internal/engine", o.PkgPath}
	if o.ClientPackage != "" && strings.Contains(body, path.Base(o.ClientPackage)+".New") {
		generated = append(generated, o.ClientPackage)
	}
	return t.goSource(goFile{
		Source: o.specName, Package: "factorial",
		Imports: [][]goImport{imports(std...), imports(generated...)},
		Body:    body,
	})
}
