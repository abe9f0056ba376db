package main

import (
	"errors"
	"fmt"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
)

// specRejection is a request that openapi.yaml does not allow; it was not
// sent. It exits 2 like any other bad input.
type specRejection struct {
	summary  string
	problems []string
}

func (e *specRejection) Error() string {
	msg := e.summary + ":\n  " + strings.Join(e.problems, "\n  ")
	if strings.Contains(msg, "must be a string") {
		msg += "\n(-f turns numbers, true, false and null into JSON values; -F sends the value as a string.)"
	}
	return msg
}

// specProblems turns a validation error into one short line per problem:
// where (a parameter, or a JSON pointer into the body) and why, without
// kin-openapi's schema and value dumps.
func specProblems(err error) []string {
	var out []string
	for err != nil {
		switch e := err.(type) {
		case openapi3.MultiError:
			for _, sub := range e {
				out = append(out, specProblems(sub)...)
			}
			return out
		case *openapi3filter.RequestError:
			where := "request body"
			if e.Parameter != nil {
				where = fmt.Sprintf("%s parameter %q", e.Parameter.In, e.Parameter.Name)
			}
			if inner := schemaProblems(e.Err); len(inner) > 0 {
				for _, p := range inner {
					out = append(out, where+" "+p)
				}
				return out
			}
			reason := e.Reason
			if e.Err != nil {
				reason = firstLine(e.Err.Error())
			}
			return append(out, where+": "+reason)
		case *openapi3filter.SecurityRequirementsError:
			return append(out, "the operation does not accept the credentials in use (an API key or an OAuth token)")
		case *openapi3.SchemaError:
			return append(out, schemaProblems(e)...)
		}
		if next := errors.Unwrap(err); next != nil {
			err = next
			continue
		}
		return append(out, firstLine(err.Error()))
	}
	return out
}

// schemaProblems flattens schema errors into `at "/path": reason`.
func schemaProblems(err error) []string {
	switch e := err.(type) {
	case openapi3.MultiError:
		var out []string
		for _, sub := range e {
			out = append(out, schemaProblems(sub)...)
		}
		return out
	case *openapi3.SchemaError:
		path := "/" + strings.Join(e.JSONPointer(), "/")
		reason := e.Reason
		if e.Origin != nil {
			reason = firstLine(e.Origin.Error())
		}
		if reason == "" {
			reason = fmt.Sprintf("does not match the schema's %q", e.SchemaField)
		}
		return []string{fmt.Sprintf("at %q: %s", path, reason)}
	}
	return nil
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(strings.TrimSpace(s), "\n")
	return s
}
