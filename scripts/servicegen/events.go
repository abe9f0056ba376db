package main

import (
	"fmt"
	"sort"
	"strconv"

	"github.com/getkin/kin-openapi/openapi3"
)

// eventsView is the data of events.tmpl: the document's webhook events,
// by event type.
type eventsView struct {
	Spec, Pkg string // Pkg is the name of the generated package
	Events    []eventView
}

// eventView is one event type: its constant, the wire name (quoted), and
// the generated type of its payload.
type eventView struct{ Const, Event, Type string }

// renderEvents writes what package webhook knows of the document's
// x-webhook-events: one Event constant per event type, its payload type in
// its doc, and the registry NewHandler decodes deliveries with.
func renderEvents(t *templates, o options, doc *openapi3.T, g *generated) ([]byte, error) {
	raw, ok := doc.Extensions["x-webhook-events"].(map[string]any)
	if !ok {
		return nil, fmt.Errorf("%s has no x-webhook-events map", o.specName)
	}
	types := make([]string, 0, len(raw))
	for t := range raw {
		types = append(types, t)
	}
	sort.Strings(types)
	v := eventsView{Spec: o.specName, Pkg: g.pkg}
	seen := map[string]string{}
	for _, event := range types {
		schema, _ := raw[event].(string)
		typ := goName(words(schema))
		if _, ok := g.structs[typ]; !ok {
			return nil, fmt.Errorf("x-webhook-events: %s names %q, which the generated package has no struct for", event, schema)
		}
		name := eventConstName(event)
		if prev, dup := seen[name]; dup {
			return nil, fmt.Errorf("x-webhook-events: %s and %s both name the constant %s", prev, event, name)
		}
		seen[name] = event
		v.Events = append(v.Events, eventView{Const: name, Event: strconv.Quote(event), Type: typ})
	}
	body, err := t.execute("events.tmpl", v)
	if err != nil {
		return nil, err
	}
	return t.goSource(goFile{
		Source: o.specName, Package: "webhook",
		Imports: [][]goImport{imports("reflect"), imports(o.PkgPath)},
		Body:    body,
	})
}
