package main

import (
	"context"
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
)

// loadSpec reads and validates an OpenAPI document.
func loadSpec(path string) (*openapi3.T, error) {
	doc, err := openapi3.NewLoader().LoadFromFile(path)
	if err != nil {
		return nil, err
	}
	if err := doc.Validate(context.Background()); err != nil {
		return nil, fmt.Errorf("%s does not validate: %w", path, err)
	}
	return doc, nil
}

// operations is what a document holds for the renderers.
type operations struct {
	// services are the tags' services, by name, each with its operations
	// by method name.
	services []*service
	// all is every operation in path order; skipped those marked
	// x-go-service: false, which get no method (browser-only flows) but a
	// descriptor and a row in the docs.
	all, skipped []*operation
}

// readOperations collects the operations of doc, described against the
// generated code g, into services, and checks that no two operations of a
// service map to the same method.
func readOperations(o options, doc *openapi3.T, g *generated) (*operations, error) {
	tagDoc := map[string]string{}
	tagCurrent := map[string]bool{}
	for _, t := range doc.Tags {
		tagDoc[t.Name] = t.Description
		tagCurrent[t.Name] = t.Extensions["x-go-current"] == true
	}
	tagNoun := tagNouns(doc)
	var successors map[string]string
	if o.Successor != "" {
		var err error
		if successors, err = successorMethods(o.Successor); err != nil {
			return nil, err
		}
	}

	out := &operations{}
	services := map[string]*service{}
	for _, path := range doc.Paths.InMatchingOrder() {
		item := doc.Paths.Value(path)
		for method, op := range item.Operations() {
			if len(op.Tags) != 1 {
				return nil, fmt.Errorf("%s %s: want exactly one tag", method, path)
			}
			tag := op.Tags[0]
			r := &operation{
				tag: tag, opID: op.OperationID, httpMethod: method, path: path,
				summary: op.Summary, description: op.Description, deprecated: op.Deprecated,
				service: serviceName(tag), method: methodName(op.OperationID, tag, tagNoun[tag]),
			}
			if err := describeContract(r, op); err != nil {
				return nil, fmt.Errorf("%s (%s %s): %w", op.OperationID, method, path, err)
			}
			if successors != nil && !tagCurrent[tag] {
				r.retired = true
				var err error
				if r.successor, err = replacement(op, successors); err != nil {
					return nil, fmt.Errorf("%s (%s %s): %w", op.OperationID, method, path, err)
				}
			}
			out.all = append(out.all, r)
			if v, ok := op.Extensions["x-go-service"]; ok && v == false {
				out.skipped = append(out.skipped, r)
				continue
			}
			if err := g.describe(r, op, g.pkg); err != nil {
				return nil, fmt.Errorf("%s (%s %s): %w", op.OperationID, method, path, err)
			}
			s := services[tag]
			if s == nil {
				s = &service{tag: tag, name: serviceName(tag), doc: tagDoc[tag], current: tagCurrent[tag]}
				services[tag] = s
			}
			s.ops = append(s.ops, r)
		}
	}
	for _, s := range services {
		sort.Slice(s.ops, func(i, j int) bool { return s.ops[i].method < s.ops[j].method })
		seen := map[string]string{}
		for _, op := range s.ops {
			for _, name := range []string{op.method, op.method + "Iter", op.method + "Page"} {
				if prev, dup := seen[name]; dup {
					return nil, fmt.Errorf("service %s: %s and %s both map to method %s", s.name, prev, op.opID, name)
				}
				seen[name] = op.opID
			}
		}
		out.services = append(out.services, s)
	}
	sort.Slice(out.services, func(i, j int) bool { return out.services[i].name < out.services[j].name })
	return out, nil
}

// tagNouns maps each tag to the resource noun its methods drop
// (x-go-resource, else the tag in the singular).
func tagNouns(doc *openapi3.T) map[string]string {
	nouns := map[string]string{}
	for _, t := range doc.Tags {
		nouns[t.Name] = singular(t.Name)
		if v, ok := t.Extensions["x-go-resource"]; ok {
			s, _ := v.(string)
			nouns[t.Name] = s
		}
	}
	return nouns
}

// successorMethods names the calls of the document at path, keyed by
// operationId, as "Service.Method (METHOD /path)".
func successorMethods(path string) (map[string]string, error) {
	doc, err := openapi3.NewLoader().LoadFromFile(path)
	if err != nil {
		return nil, fmt.Errorf("successor: %w", err)
	}
	nouns := tagNouns(doc)
	out := map[string]string{}
	for _, p := range doc.Paths.InMatchingOrder() {
		for method, op := range doc.Paths.Value(p).Operations() {
			if len(op.Tags) != 1 {
				return nil, fmt.Errorf("successor %s %s: want exactly one tag", method, p)
			}
			call := serviceName(op.Tags[0]) + "." + methodName(op.OperationID, op.Tags[0], nouns[op.Tags[0]])
			out[op.OperationID] = call + " (" + method + " " + p + ")"
		}
	}
	return out, nil
}

// replacement is the successor's calls that an operation's x-replaced-by
// names (operationIds of the successor's document), joined with "or"; ""
// without the extension.
func replacement(op *openapi3.Operation, successors map[string]string) (string, error) {
	raw, ok := op.Extensions["x-replaced-by"]
	if !ok {
		return "", nil
	}
	ids, ok := raw.([]any)
	if !ok || len(ids) == 0 {
		return "", errors.New("x-replaced-by must list operationIds")
	}
	var calls []string
	for _, id := range ids {
		s, _ := id.(string)
		call, ok := successors[s]
		if !ok {
			return "", fmt.Errorf("x-replaced-by names %q, which the successor's document does not have", s)
		}
		calls = append(calls, "Client."+call)
	}
	return strings.Join(calls, " or "), nil
}

// describeContract records what the spec promises for op's successes and
// credentials, for its descriptor.
func describeContract(o *operation, op *openapi3.Operation) error {
	o.noCredentials = op.Security != nil && len(*op.Security) == 0
	for code, ref := range op.Responses.Map() {
		if code == "default" {
			continue // the error body in both documents
		}
		status, err := strconv.Atoi(code)
		if err != nil {
			return fmt.Errorf("response %q: only explicit status codes are supported", code)
		}
		if status < 200 || status > 299 {
			continue
		}
		var media []string
		if ref.Value != nil {
			for mt := range ref.Value.Content {
				media = append(media, strings.ToLower(mt))
			}
		}
		sort.Strings(media)
		o.success = append(o.success, success{status: status, media: media})
	}
	sort.Slice(o.success, func(i, j int) bool { return o.success[i].status < o.success[j].status })
	if len(o.success) == 0 {
		return errors.New("no success response")
	}
	return nil
}
