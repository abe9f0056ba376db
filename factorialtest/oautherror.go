package factorialtest

import (
	"encoding/json"
	"fmt"
	"net/http"
)

// Doorkeeper's English error descriptions (config/locales/en.yml), so a
// client's error messages read the same against the fake and the real
// server.
var descriptions = map[string]string{
	"invalid_request":           "The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.",
	"invalid_client":            "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
	"invalid_grant":             "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
	"unsupported_grant_type":    "The authorization grant type is not supported by the authorization server.",
	"invalid_scope":             "The requested scope is invalid, unknown, or malformed.",
	"invalid_redirect_uri":      "The requested redirect uri is malformed or doesn't match client redirect URI.",
	"unsupported_response_type": "The authorization server does not support this response type.",
	"access_denied":             "The resource owner or authorization server denied the request.",
	"unauthorized_client":       "The client is not authorized to perform this request using this method.",
	"invalid_token":             string(reasonUnknown),
}

func describe(code string) string { return descriptions[code] }

func missingParam(name string) string {
	return fmt.Sprintf("Missing required parameter: %s.", name)
}

// oauthStatus is the HTTP status Doorkeeper gives an error code. Since 5.1
// only client-authentication failures are 401; before, everything was, which
// is why clients must classify by the error code and never by the status.
func (s *Server) oauthStatus(code string) int {
	if s.cfg.legacyStatuses {
		return http.StatusUnauthorized
	}
	switch code {
	case "invalid_client", "unauthorized_client", "invalid_token":
		return http.StatusUnauthorized
	}
	return http.StatusBadRequest
}

// writeOAuthError sends Doorkeeper's ErrorResponse: the JSON body, the
// no-store headers and a WWW-Authenticate challenge.
func (s *Server) writeOAuthError(w http.ResponseWriter, code, desc string) {
	s.writeOAuthErrorStatus(w, s.oauthStatus(code), code, desc)
}

func (s *Server) writeOAuthErrorStatus(w http.ResponseWriter, status int, code, desc string) {
	if desc == "" {
		desc = describe(code)
	}
	h := w.Header()
	h.Set("Cache-Control", "no-store")
	h.Set("Pragma", "no-cache")
	h.Set("WWW-Authenticate", challenge(code, desc))
	writeJSON(w, status, oauthErrorBody{Error: code, Description: desc})
}

type oauthErrorBody struct {
	Error       string `json:"error"`
	Description string `json:"error_description,omitempty"`
}

func challenge(code, desc string) string {
	return fmt.Sprintf("Bearer realm=%q, error=%q, error_description=%q", "Doorkeeper", code, desc)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	body, err := json.Marshal(v)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_, _ = w.Write(body)
}
