package factorial

import (
	"context"
	"log/slog"
	"net/http"
	"strings"
	"testing"
)

// GET /api/v1/me without the required "email": decodable, but drift.
const driftingAccess = `{"employee_id":7,"full_name":"Ada Lovelace"}`

func TestResponseValidation(t *testing.T) {
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reply(w, 200, "application/json", driftingAccess)
	})
	for _, tt := range []struct {
		name    string
		mode    []Option
		wantErr bool
		wantLog bool
	}{
		{"off by default", nil, false, false},
		{"log", []Option{WithResponseValidation(ValidationLog)}, false, true},
		{"strict", []Option{WithResponseValidation(ValidationStrict)}, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			var logs syncBuffer
			opts := append([]Option{WithLogger(slog.New(slog.NewTextHandler(&logs, nil)))}, tt.mode...)
			c, _, _ := newTestClient(t, h, opts...)
			res, err := c.V1.Raw().GetMeWithResponse(context.Background())
			if tt.wantErr {
				e := asError(t, err)
				if e.Kind != KindSpecDrift || !strings.Contains(err.Error(), `property "email" is missing`) {
					t.Errorf("got %v", err)
				}
			} else if err != nil || res.JSON200 == nil || res.JSON200.EmployeeID != 7 {
				t.Errorf("err %v", err)
			}
			logged := strings.Contains(logs.String(), `property \"email\" is missing`)
			if logged != tt.wantLog {
				t.Errorf("drift logged %v, want %v:\n%s", logged, tt.wantLog, logs.String())
			}
		})
	}
}

// Error bodies are validated too (logged, never turned into drift errors:
// the status already is the error).
func TestValidationOfErrorBodies(t *testing.T) {
	var logs syncBuffer
	c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reply(w, 404, "application/json", `{"errors":42}`)
	}), WithLogger(slog.New(slog.NewTextHandler(&logs, nil))), WithResponseValidation(ValidationStrict))
	_, err := c.V1.Raw().GetMeWithResponse(context.Background())
	if e := asError(t, err); e.Kind != KindStatus || e.StatusCode != 404 {
		t.Errorf("got %v", err)
	}
	if !strings.Contains(logs.String(), "does not match the spec") {
		t.Errorf("drift in the error body not logged:\n%s", logs.String())
	}
}
