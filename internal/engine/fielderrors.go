package engine

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxAttributionBody bounds the request body read back to learn its field
// names for a 422: a JSON form is small, an upload is not worth parsing.
const maxAttributionBody = 1 << 20

// errorDetails reads an error body (parseErrorBody) and, for a 422 that
// named no fields, attributes Rails' full messages to the fields of the
// JSON object the request sent (attributeFullMessages). The generated
// request types send every required field, empty or not, so a "can't be
// blank" about one finds it; an optional field left out is not known.
func (c *exchange) errorDetails(resp *http.Response, data []byte) errorDetails {
	d := parseErrorBody(resp.Header.Get("Content-Type"), data)
	if resp.StatusCode == http.StatusUnprocessableEntity && d.fields == nil && len(d.messages) > 0 {
		d.fields = attributeFullMessages(d.messages, sentJSONFields(c.req))
	}
	return d
}

// sentJSONFields returns the top-level keys of the JSON object req
// carried, or nil for any other body (an upload, a form, none).
func sentJSONFields(req *http.Request) []string {
	if req.GetBody == nil || req.ContentLength > maxAttributionBody ||
		!strings.Contains(mediaTypeOf(req.Header.Get("Content-Type")), "json") {
		return nil
	}
	body, err := req.GetBody()
	if err != nil {
		return nil
	}
	defer body.Close()
	data, err := io.ReadAll(io.LimitReader(body, maxAttributionBody+1))
	if err != nil || len(data) > maxAttributionBody {
		return nil
	}
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return nil
	}
	var obj map[string]json.RawMessage
	if json.Unmarshal(data, &obj) != nil {
		return nil
	}
	names := make([]string, 0, len(obj))
	for k := range obj {
		names = append(names, k)
	}
	return names
}

// attributeFullMessages files Rails' full messages ("Email can't be
// blank", "First name is too long") under the field whose humanized name
// starts them: the longest one that does, followed by a space or the end
// of the message. A message no field starts, or that two fields humanized
// alike start equally (name and name_id), stays unattributed. The message
// is kept whole, attribute included. It returns nil when nothing matched.
func attributeFullMessages(messages, fields []string) map[string][]string {
	if len(fields) == 0 {
		return nil
	}
	type candidate struct{ field, human string }
	cands := make([]candidate, 0, len(fields))
	for _, f := range fields {
		if h := humanize(f); h != "" {
			cands = append(cands, candidate{f, h})
		}
	}
	var out map[string][]string
	for _, m := range messages {
		best, tie := -1, false
		for i, c := range cands {
			if !startsWithWord(m, c.human) {
				continue
			}
			switch {
			case best < 0 || len(c.human) > len(cands[best].human):
				best, tie = i, false
			case len(c.human) == len(cands[best].human):
				// name and name_id both humanize to "Name": the one
				// spelled like the words wins, else neither.
				plain := func(c candidate) bool { return !strings.HasSuffix(c.field, "_id") }
				switch {
				case plain(c) && !plain(cands[best]):
					best, tie = i, false
				case plain(c) == plain(cands[best]):
					tie = true
				}
			}
		}
		if best < 0 || tie {
			continue
		}
		if out == nil {
			out = make(map[string][]string)
		}
		f := cands[best].field
		out[f] = append(out[f], m)
	}
	return out
}

// startsWithWord reports whether msg starts with prefix, ignoring case,
// followed by a space or nothing.
func startsWithWord(msg, prefix string) bool {
	if len(msg) < len(prefix) || !strings.EqualFold(msg[:len(prefix)], prefix) {
		return false
	}
	return len(msg) == len(prefix) || msg[len(prefix)] == ' '
}

// humanize is Rails' String#humanize, the attribute name of a full
// message: leading underscores and a trailing "_id" dropped, underscores
// to spaces, lowercase, the first letter capitalised ("first_name" is
// "First name", "leave_type_id" is "Leave type").
func humanize(field string) string {
	s := strings.TrimLeft(field, "_")
	if s != "id" {
		s = strings.TrimSuffix(s, "_id")
	}
	s = strings.TrimSpace(strings.ToLower(strings.ReplaceAll(s, "_", " ")))
	if s == "" {
		return ""
	}
	r, size := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[size:]
}
