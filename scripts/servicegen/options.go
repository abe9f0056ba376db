package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
)

// options is one run's configuration, read from a JSON file beside the
// generated package (api/servicegen.json, resources/servicegen.json).
// Paths are relative to the module root, where go generate runs it.
type options struct {
	// Spec is the OpenAPI document; Gen oapi-codegen's output for it, in
	// package PkgPath.
	Spec    string `json:"spec"`
	Gen     string `json:"gen"`
	PkgPath string `json:"package"`
	// Client, when set, is oapi-codegen's client for the document, in a
	// package of its own (ClientPackage) that imports the models: the
	// request builders the services call come from there.
	Client        string `json:"client,omitempty"`
	ClientPackage string `json:"clientPackage,omitempty"`
	// Out is the service file to write (package factorial), Getters the
	// getter file (in the generated package), Docs the operations table.
	Out     string `json:"services"`
	Getters string `json:"getters"`
	Docs    string `json:"docs"`
	// Events, when set, is the file for package webhook's event constants
	// and payload registry, from the document's x-webhook-events.
	Events string `json:"events,omitempty"`
	// Tree is "" for the Client's own services, or the name of the Client
	// field holding this document's services ("V1"), which also prefixes
	// their type names. Subtrees are the fields the Client gets for the
	// other documents' trees.
	Tree     string   `json:"tree,omitempty"`
	Subtrees []string `json:"subtrees,omitempty"`
	// Server is the core field with the base URL string the document's
	// generated constructors take; Base the core field with the parsed
	// base URL the services build their requests on.
	Server string `json:"server"`
	Base   string `json:"base"`
	// Prefix names the document's descriptors and query encoders in
	// package factorial ("v1" gives v1GetMe, v1Operations).
	Prefix string `json:"prefix"`
	// Dated marks the dated API's document: its paths are relative to
	// /api/<version>/resources.
	Dated bool `json:"dated,omitempty"`
	// Successor, when set, is the document of the API that replaces this
	// one: every method is marked deprecated, naming the successor's calls
	// that the operation's x-replaced-by lists.
	Successor string `json:"successor,omitempty"`

	specName string
}

// loadOptions reads and checks a configuration file.
func loadOptions(path string) (options, error) {
	var o options
	data, err := os.ReadFile(path)
	if err != nil {
		return o, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&o); err != nil {
		return o, fmt.Errorf("%s: %w", path, err)
	}
	for name, v := range map[string]string{"spec": o.Spec, "gen": o.Gen, "package": o.PkgPath, "services": o.Out, "getters": o.Getters, "docs": o.Docs, "server": o.Server, "base": o.Base, "prefix": o.Prefix} {
		if v == "" {
			return o, fmt.Errorf("%s: %q is required", path, name)
		}
	}
	o.specName = filepath.Base(o.Spec)
	return o, nil
}
