package engine

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

// maxMessagesBytes bounds the text of all messages taken from one error
// body. Field errors repeat their field name in every message, so without a
// bound a 64 KiB body naming one long field thousands of times would expand
// into gigabytes of messages.
const maxMessagesBytes = maxErrorBody

// errorDetails is what an error body says, whatever shape it came in.
type errorDetails struct {
	code     string              // OAuth error code (Doorkeeper's "error")
	messages []string            // every human-readable message, field errors as "field: msg"
	fields   map[string][]string // {"errors": {"field": [...]}} with the field names kept
	size     int                 // bytes in messages, at most maxMessagesBytes
	full     bool                // the budget ran out; later messages were dropped
}

// add appends prefix+msg to the messages unless the budget is spent; the
// message that exhausts it is cut and marked with "…". It reports whether
// the message was kept whole.
func (d *errorDetails) add(prefix, msg string) bool {
	if d.full {
		return false
	}
	n := len(prefix) + len(msg)
	if d.size+n <= maxMessagesBytes {
		d.size += n
		d.messages = append(d.messages, prefix+msg)
		return true
	}
	d.full = true
	m := prefix + msg
	cut := maxMessagesBytes - d.size // < len(m)
	for cut > 0 && !utf8.RuneStart(m[cut]) {
		cut--
	}
	d.messages = append(d.messages, m[:cut]+"…")
	d.size += cut
	return false
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
					d.add("", desc)
				} else if c != "" {
					d.add("", c)
				}
			case map[string]any:
				if m, ok := c["message"].(string); ok {
					d.add("", m)
				} else {
					d.add("", compactJSON(c))
				}
			case nil:
			default:
				d.add("", compactJSON(c))
			}
		}
		if m, ok := t["message"].(string); ok && m != "" && len(d.messages) == 0 {
			d.add("", m)
		}
	case []any:
		d.addList(t)
	case string:
		if t != "" {
			d.add("", t)
		}
	case nil:
	default:
		d.add("", compactJSON(t))
	}
	return d
}

// addErrors handles the value of Factorial's "errors" key: a string, a list,
// null, messages per field, or (the dated API) an object holding the list
// under "errors" again.
func (d *errorDetails) addErrors(v any) {
	switch t := v.(type) {
	case string:
		if t != "" {
			d.add("", t)
		}
	case []any:
		d.addList(t)
	case map[string]any:
		if inner, ok := t["errors"]; ok && len(t) == 1 {
			// The dated API's request validation nests the list:
			// {"errors": {"errors": ["..."]}}. The inner key names no field.
			d.addErrors(inner)
			return
		}
		if d.fields == nil {
			d.fields = make(map[string][]string, len(t))
		}
		// Sorted so Error() strings are stable across runs.
		for _, field := range slices.Sorted(maps.Keys(t)) {
			if d.full {
				break
			}
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
			// FieldErrors keeps what Messages kept, so the two agree when
			// the budget runs out.
			var kept []string
			for _, m := range msgs {
				if !d.add(field+": ", m) {
					break
				}
				kept = append(kept, m)
			}
			if len(kept) > 0 || len(msgs) == 0 {
				d.fields[field] = kept
			}
		}
	case nil:
	default:
		d.add("", compactJSON(t))
	}
}

func (d *errorDetails) addList(items []any) {
	for _, item := range items {
		if s := stringOrJSON(item); s != "" {
			d.add("", s)
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
	// Whatever mime.ParseMediaType says about the parameters, the media
	// type this returns is the part before ';', trimmed and lowercased
	// (ParseMediaType computes it that way, and so does the fallback
	// below). For ASCII, compute it directly: no allocation when the
	// header is already lowercase, where ParseMediaType allocates a map
	// for the parameters on every response.
	if base, _, _ := strings.Cut(contentType, ";"); isASCII(base) {
		return strings.ToLower(strings.TrimSpace(base))
	}
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
	// ASCII only, byte for byte: the markers are ASCII, and offsets found
	// in lower must be offsets in s. strings.ToLower changes lengths (the
	// Kelvin sign K, 3 bytes, becomes k, 1 byte), so an index found in
	// its result can run past the end of s.
	lower := asciiLower(s)
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

func asciiLower(s string) string {
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
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

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
