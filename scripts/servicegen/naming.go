package main

import (
	"strings"
	"unicode"
)

// words splits a PascalCase identifier into its words: "ListEmployeesV2"
// is [List Employees V2], "GetAPIKey" is [Get API Key].
func words(s string) []string {
	var out []string
	rs := []rune(s)
	start := 0
	for i := 1; i < len(rs); i++ {
		prev, cur := rs[i-1], rs[i]
		next := rune(0)
		if i+1 < len(rs) {
			next = rs[i+1]
		}
		switch {
		case unicode.IsUpper(cur) && unicode.IsLower(prev),
			unicode.IsUpper(cur) && unicode.IsUpper(prev) && unicode.IsLower(next),
			unicode.IsDigit(cur) && !unicode.IsDigit(prev) && !unicode.IsUpper(prev),
			unicode.IsUpper(cur) && unicode.IsDigit(prev):
			out = append(out, string(rs[start:i]))
			start = i
		}
	}
	return append(out, string(rs[start:]))
}

// initialisms are the words oapi-codegen's ToCamelCaseWithInitialisms
// upper-cases; service and method names follow the same spelling so that
// APIKeys reads the same in both packages.
var initialisms = map[string]string{"Api": "API", "Id": "ID", "IDs": "IDs", "Url": "URL", "Http": "HTTP", "Json": "JSON", "Oauth": "OAuth"}

// goName joins words with the initialisms applied.
func goName(ws []string) string {
	var b strings.Builder
	for _, w := range ws {
		if v, ok := initialisms[w]; ok {
			w = v
		}
		b.WriteString(w)
	}
	return b.String()
}

// singular turns a tag name into the resource noun its operations carry:
// Employees -> Employee, Holidays -> Holiday, Attendance -> Attendance.
func singular(tag string) string {
	if strings.HasSuffix(tag, "ies") {
		return strings.TrimSuffix(tag, "ies") + "y"
	}
	if strings.HasSuffix(tag, "s") && !strings.HasSuffix(tag, "ss") {
		return strings.TrimSuffix(tag, "s")
	}
	return tag
}

// plural is the plural of a PascalCase noun's last word.
func plural(noun string) string {
	switch {
	case strings.HasSuffix(noun, "y") && !strings.HasSuffix(noun, "ay") && !strings.HasSuffix(noun, "ey"):
		return strings.TrimSuffix(noun, "y") + "ies"
	case strings.HasSuffix(noun, "s"), strings.HasSuffix(noun, "x"), strings.HasSuffix(noun, "ch"), strings.HasSuffix(noun, "sh"):
		return noun + "es"
	}
	return noun + "s"
}

// methodName is the naming rule for service methods. The service is the
// operation's tag; inside it:
//
//  1. the resource noun (the tag's x-go-resource, else the tag without a
//     trailing "s") is dropped when it comes right after the leading verb,
//     singular or plural: Employees ListEmployeesV2 -> ListV2,
//     Teams UpdateTeamMembership -> UpdateMembership;
//  2. a last word equal to the tag is dropped: Legacy ListLeavesLegacy ->
//     ListLeaves;
//  3. what is left keeps the operationId's words: Attendance ClockIn.
//
// A rule that would leave nothing keeps the operationId.
func methodName(opID, tag, noun string) string {
	ws := words(opID)
	if noun != "" && len(ws) > 1 {
		for _, form := range []string{noun, plural(noun)} {
			nw := words(form)
			if len(ws) < 1+len(nw) {
				continue
			}
			match := true
			for i, w := range nw {
				if !strings.EqualFold(ws[1+i], w) {
					match = false
					break
				}
			}
			if match {
				ws = append([]string{ws[0]}, ws[1+len(nw):]...)
				break
			}
		}
	}
	if len(ws) > 1 && strings.EqualFold(ws[len(ws)-1], tag) {
		ws = ws[:len(ws)-1]
	}
	name := goName(ws)
	if name == "" {
		return goName(words(opID))
	}
	return name
}

// serviceName is the Go name of a tag's service field: APIKeys, ATS,
// TimeOff.
func serviceName(tag string) string {
	ws := words(tag)
	for i, w := range ws {
		if strings.EqualFold(w, "ats") {
			ws[i] = "ATS"
		}
	}
	return goName(ws)
}

// exportName is oapi-codegen's name for an operationId: the first letter
// upper-cased and the initialisms applied (ListApiKeys -> ListAPIKeys).
func exportName(opID string) string { return goName(words(opID)) }

// descriptorName is the Go name of op's descriptor in package factorial.
func descriptorName(o options, op *operation) string { return o.Prefix + exportName(op.opID) }

// queryEncoderName is the Go name of the function in package factorial
// that encodes op's query parameters.
func queryEncoderName(o options, op *operation) string {
	return o.Prefix + "Query" + exportName(op.opID)
}

// serviceTypeName is the Go type of a service: its name prefixed with the
// document's tree (V1EmployeesService), but for a service every API shares.
func serviceTypeName(o options, s *service) string {
	if s.current {
		return s.name + "Service"
	}
	return o.Tree + s.name + "Service"
}

// eventConstName is the Go name of an event type:
// "timeoff/leave/approve" is TimeOffLeaveApprove.
func eventConstName(event string) string {
	var ws []string
	for _, part := range strings.FieldsFunc(event, func(r rune) bool { return r == '/' || r == '_' }) {
		if w, ok := eventWords[part]; ok {
			ws = append(ws, w)
			continue
		}
		ws = append(ws, strings.ToUpper(part[:1])+part[1:])
	}
	return goName(ws)
}

// eventWords spell the namespaces of event types as the services do.
var eventWords = map[string]string{"timeoff": "TimeOff", "api": "API"}
