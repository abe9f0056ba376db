package factorial

import (
	"bytes"
	"encoding/json"
	"html"
	"maps"
	"mime"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// excerptRunes bounds the human-readable excerpt taken from an HTML or text
// body: enough for "502 Bad Gateway nginx", not a whole error page.
const excerptRunes = 240

// errorDetails is what an error body says, whatever shape it came in.
type errorDetails struct {
	code     string              // OAuth error code (Doorkeeper's "error")
	messages []string            // every human-readable message, field errors as "field: msg"
	fields   map[string][]string // {"errors": {"field": [...]}} with the field names kept
}

// parseErrorBody extracts messages from the shapes Factorial and the proxies
// in front of it are known to send. It never fails: an unknown shape yields
// no messages and the caller still has the raw body.
//
// JSON: {"errors": "msg"}, {"errors": ["a", "b"]}, {"errors": null},
// {"errors": {"field": ["msg"]}}, a bare array of strings, Doorkeeper's
// {"error", "error_description"}, and the common {"message": ...}.
// Otherwise: an HTML page (tags stripped) or plain text, as a short excerpt.
func parseErrorBody(contentType string, body []byte) errorDetails {
	trimmed := bytes.TrimSpace(body)
	if len(trimmed) == 0 {
		return errorDetails{}
	}
	mediaType := mediaTypeOf(contentType)
	if strings.Contains(mediaType, "json") || trimmed[0] == '{' || trimmed[0] == '[' || trimmed[0] == '"' {
		dec := json.NewDecoder(bytes.NewReader(trimmed))
		dec.UseNumber()
		var v any
		if err := dec.Decode(&v); err == nil {
			return detailsFromJSON(v)
		}
		if strings.Contains(mediaType, "json") {
			// Broken JSON quoted back as a "message" is noise; Body has it.
			return errorDetails{}
		}
	}
	if strings.Contains(mediaType, "html") || trimmed[0] == '<' {
		if s := htmlExcerpt(trimmed); s != "" {
			return errorDetails{messages: []string{s}}
		}
		return errorDetails{}
	}
	if s := textExcerpt(trimmed); s != "" {
		return errorDetails{messages: []string{s}}
	}
	return errorDetails{}
}

func detailsFromJSON(v any) errorDetails {
	var d errorDetails
	switch t := v.(type) {
	case map[string]any:
		if errs, ok := t["errors"]; ok {
			d.addErrors(errs)
		}
		if code, ok := t["error"]; ok {
			switch c := code.(type) {
			case string:
				// Doorkeeper (RFC 6749 section 5.2): the code is machine-readable,
				// the description is the message a human needs.
				d.code = c
				if desc, ok := t["error_description"].(string); ok && desc != "" {
					d.messages = append(d.messages, desc)
				} else if c != "" {
					d.messages = append(d.messages, c)
				}
			case map[string]any:
				if m, ok := c["message"].(string); ok {
					d.messages = append(d.messages, m)
				} else {
					d.messages = append(d.messages, compactJSON(c))
				}
			case nil:
			default:
				d.messages = append(d.messages, compactJSON(c))
			}
		}
		if m, ok := t["message"].(string); ok && m != "" && len(d.messages) == 0 {
			d.messages = append(d.messages, m)
		}
	case []any:
		d.addList(t)
	case string:
		if t != "" {
			d.messages = append(d.messages, t)
		}
	case nil:
	default:
		d.messages = append(d.messages, compactJSON(t))
	}
	return d
}

// addErrors handles the value of Factorial's "errors" key: a string, a list,
// null, or messages per field.
func (d *errorDetails) addErrors(v any) {
	switch t := v.(type) {
	case string:
		if t != "" {
			d.messages = append(d.messages, t)
		}
	case []any:
		d.addList(t)
	case map[string]any:
		if d.fields == nil {
			d.fields = make(map[string][]string, len(t))
		}
		// Sorted so Error() strings are stable across runs.
		for _, field := range slices.Sorted(maps.Keys(t)) {
			var msgs []string
			switch m := t[field].(type) {
			case string:
				msgs = []string{m}
			case []any:
				for _, item := range m {
					msgs = append(msgs, stringOrJSON(item))
				}
			case nil:
			default:
				msgs = []string{compactJSON(m)}
			}
			d.fields[field] = msgs
			for _, m := range msgs {
				d.messages = append(d.messages, field+": "+m)
			}
		}
	case nil:
	default:
		d.messages = append(d.messages, compactJSON(t))
	}
}

func (d *errorDetails) addList(items []any) {
	for _, item := range items {
		if s := stringOrJSON(item); s != "" {
			d.messages = append(d.messages, s)
		}
	}
}

func stringOrJSON(v any) string {
	if s, ok := v.(string); ok {
		return s
	}
	if v == nil {
		return ""
	}
	return compactJSON(v)
}

func compactJSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return ""
	}
	return truncateRunes(string(b), excerptRunes)
}

func mediaTypeOf(contentType string) string {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		mt, _, _ = strings.Cut(contentType, ";")
		mt = strings.ToLower(strings.TrimSpace(mt))
	}
	return mt
}

// htmlExcerpt strips tags, scripts, styles and comments from an HTML page
// and returns its visible text, whitespace collapsed and shortened.
func htmlExcerpt(b []byte) string {
	var out strings.Builder
	s := string(b)
	lower := strings.ToLower(s)
	for i := 0; i < len(s); {
		if s[i] != '<' {
			j := strings.IndexByte(s[i:], '<')
			if j < 0 {
				j = len(s) - i
			}
			out.WriteString(s[i : i+j])
			i += j
			continue
		}
		out.WriteByte(' ')
		switch {
		case strings.HasPrefix(lower[i:], "<!--"):
			i = skipPast(lower, i, "-->")
		case strings.HasPrefix(lower[i:], "<script"):
			i = skipPast(lower, i, "</script>")
		case strings.HasPrefix(lower[i:], "<style"):
			i = skipPast(lower, i, "</style>")
		default:
			i = skipPast(lower, i, ">")
		}
	}
	return textExcerpt([]byte(html.UnescapeString(out.String())))
}

func skipPast(s string, from int, marker string) int {
	j := strings.Index(s[from:], marker)
	if j < 0 {
		return len(s)
	}
	return from + j + len(marker)
}

// textExcerpt returns printable text with whitespace collapsed, or "" when
// the bytes are not text (garbage is not worth quoting).
func textExcerpt(b []byte) string {
	if !utf8.Valid(b) {
		return ""
	}
	s := string(b)
	printable := 0
	for _, r := range s {
		if unicode.IsPrint(r) || unicode.IsSpace(r) {
			printable++
		}
	}
	if printable < utf8.RuneCountInString(s)*9/10 {
		return ""
	}
	return truncateRunes(strings.Join(strings.Fields(s), " "), excerptRunes)
}

func truncateRunes(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n]) + "…"
}
