// The prose of the generated doc comments, built from the spec's
// summaries and descriptions.

package main

import "strings"

// sentence is the first sentence of a tag description, without its period.
func sentence(s string) string {
	s = firstLine(s)
	if i := strings.Index(s, ". "); i >= 0 {
		s = s[:i]
	}
	return strings.TrimSuffix(s, ".")
}

func firstLine(s string) string {
	return strings.TrimSpace(strings.SplitN(strings.TrimSpace(s), "\n", 2)[0])
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// wrap breaks text into lines of at most width characters, at spaces (a
// longer word gets a line of its own).
func wrap(text string, width int) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(text) {
		switch {
		case line == "":
			line = w
		case len(line)+1+len(w) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// thirdPerson conjugates the imperative verb a summary starts with, so
// that "list the company's employees" documents List as "List lists the
// company's employees".
func thirdPerson(summary string) string {
	verb, rest, _ := strings.Cut(summary, " ")
	switch {
	case verb == "":
		return summary
	case strings.HasSuffix(verb, "s"), strings.HasSuffix(verb, "sh"), strings.HasSuffix(verb, "ch"),
		strings.HasSuffix(verb, "x"), strings.HasSuffix(verb, "z"), strings.HasSuffix(verb, "o"):
		verb += "es"
	case strings.HasSuffix(verb, "y") && len(verb) > 1 && !strings.ContainsRune("aeiou", rune(verb[len(verb)-2])):
		verb = verb[:len(verb)-1] + "ies"
	default:
		verb += "s"
	}
	if rest == "" {
		return verb
	}
	return verb + " " + rest
}

// deprecation is op's Deprecated note: the spec's own for a deprecated
// route, and for every operation of a replaced API the successor's call.
func deprecation(o options, op *operation) string {
	var notes []string
	if op.deprecated {
		notes = append(notes, deprecationNote(op.description))
	}
	if op.retired {
		if op.successor != "" {
			notes = append(notes, "Factorial retired v1 in 2025; use "+op.successor+" of the dated API.")
		} else {
			notes = append(notes, "Factorial retired v1 in 2025; the dated API's operation that replaces this one is not in openapi-resources.yaml yet (docs/dated-api.md maps v1 to the dated API).")
		}
	}
	return strings.Join(notes, " ")
}

func deprecationNote(desc string) string {
	d := strings.Join(strings.Fields(desc), " ")
	if d == "" {
		return "Factorial no longer documents this route."
	}
	return d
}
