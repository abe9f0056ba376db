package sandbox

import (
	"crypto/rand"
	"encoding/hex"
	"net/http"
	"time"
)

// RequestIDHeader is the header Rails answers every request with.
const RequestIDHeader = "X-Request-Id"

// RequestID sets X-Request-Id on every response of next, as Rails'
// ActionDispatch::RequestId middleware does: the request's own
// X-Request-Id when it sent one, kept to letters, digits, '_', '-' and '@'
// and cut to 255 characters; otherwise, or when nothing is left of it, a
// new random UUID. A RequestID nested behind another (the sandbox's own
// behind factorialtest's) finds the id already set and keeps it.
func RequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if w.Header().Get(RequestIDHeader) == "" {
			id := sanitizeRequestID(r.Header.Get(RequestIDHeader))
			if id == "" {
				id = newUUID()
			}
			w.Header().Set(RequestIDHeader, id)
		}
		next.ServeHTTP(w, r)
	})
}

// sanitizeRequestID is Rails' make_request_id for a client's value:
// request_id.gsub(/[^\w\-@]/, "").first(255).
func sanitizeRequestID(s string) string {
	out := make([]byte, 0, min(len(s), 255))
	for i := 0; i < len(s) && len(out) < 255; i++ {
		c := s[i]
		if c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '-' || c == '@' {
			out = append(out, c)
		}
	}
	return string(out)
}

// newUUID is a random (version 4) UUID, as SecureRandom.uuid makes.
func newUUID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		// crypto/rand does not fail on supported platforms; a clock-based
		// id still tells requests apart.
		return "req-" + time.Now().UTC().Format("20060102T150405.000000000")
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var out [36]byte
	hex.Encode(out[0:8], b[0:4])
	out[8] = '-'
	hex.Encode(out[9:13], b[4:6])
	out[13] = '-'
	hex.Encode(out[14:18], b[6:8])
	out[18] = '-'
	hex.Encode(out[19:23], b[8:10])
	out[23] = '-'
	hex.Encode(out[24:], b[10:])
	return string(out[:])
}
