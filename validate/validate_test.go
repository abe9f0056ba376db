package validate_test

//lint:file-ignore SA1019 validation of v1 responses is tested through v1's raw client

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/validate"
)

// syncBuffer is a log sink safe for the transport's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// client returns a Client of a server answering every request with
// status, contentType and body, logging into logs.
func client(t *testing.T, status int, contentType, body string, logs *syncBuffer, opts ...factorial.Option) *factorial.Client {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.WriteHeader(status)
		_, _ = w.Write([]byte(body))
	}))
	t.Cleanup(srv.Close)
	opts = append([]factorial.Option{
		factorial.WithBaseURL(srv.URL),
		factorial.WithAPIKey("test-key"),
		factorial.WithLogger(slog.New(slog.NewTextHandler(logs, nil))),
		factorial.WithRetryPolicy(factorial.RetryPolicy{MaxAttempts: 1}),
	}, opts...)
	c, err := factorial.NewClient(opts...)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// GET /api/v1/me without the required "email": decodable, but drift.
const driftingAccess = `{"employee_id":7,"full_name":"Ada Lovelace"}`

func TestResponses(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		name    string
		mode    []factorial.Option
		wantErr bool
		wantLog bool
	}{
		{"off by default", nil, false, false},
		{"log", []factorial.Option{validate.Responses(factorial.ValidationLog)}, false, true},
		{"strict", []factorial.Option{validate.Responses(factorial.ValidationStrict)}, true, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			var logs syncBuffer
			c := client(t, 200, "application/json", driftingAccess, &logs, tt.mode...)
			res, err := c.V1.Raw().GetMeWithResponse(context.Background())
			if tt.wantErr {
				var e *factorial.Error
				if !errors.As(err, &e) || e.Kind != factorial.KindSpecDrift || !strings.Contains(err.Error(), `property "email" is missing`) {
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

// The dated API's responses are held to openapi-resources.yaml, through
// a typed service.
func TestResponsesDatedAPI(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	// An employee without its required id.
	c := client(t, 200, "application/json", `{"full_name":"Ada Lovelace"}`, &logs, validate.Responses(factorial.ValidationStrict))
	_, err := c.Employees.Get(context.Background(), "7")
	var e *factorial.Error
	if !errors.As(err, &e) || e.Kind != factorial.KindSpecDrift || e.Operation != "GetEmployee" {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(err.Error(), `property "id" is missing`) {
		t.Errorf("drift does not name the missing id: %v", err)
	}
}

// Error bodies are validated too (logged, never turned into drift errors:
// the status already is the error).
func TestResponsesErrorBodies(t *testing.T) {
	t.Parallel()
	var logs syncBuffer
	c := client(t, 404, "application/json", `{"errors":42}`, &logs, validate.Responses(factorial.ValidationStrict))
	_, err := c.V1.Raw().GetMeWithResponse(context.Background())
	var e *factorial.Error
	if !errors.As(err, &e) || e.Kind != factorial.KindStatus || e.StatusCode != 404 {
		t.Errorf("got %v", err)
	}
	if !strings.Contains(logs.String(), "does not match the spec") {
		t.Errorf("drift in the error body not logged:\n%s", logs.String())
	}
}

// A drifting token response names the drifting field, never a value.
func TestResponsesNeverQuoteValues(t *testing.T) {
	t.Parallel()
	const secret = "AT-SECRET-IN-BODY-4242"
	var logs syncBuffer
	// expires_in has the wrong type; the body carries a token.
	c := client(t, 200, "application/json", `{"access_token":"`+secret+`","token_type":"Bearer","expires_in":"`+secret+`"}`, &logs,
		validate.Responses(factorial.ValidationStrict))
	_, err := c.OAuth.CreateToken(context.Background(), factorialTokenRequest())
	var e *factorial.Error
	if !errors.As(err, &e) || e.Kind != factorial.KindSpecDrift {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(err.Error(), "expires_in") {
		t.Errorf("drift does not name the field: %v", err)
	}
	if strings.Contains(err.Error(), secret) || strings.Contains(logs.String(), secret) {
		t.Errorf("a value reached the error or the log:\n%v\n%s", err, logs.String())
	}
}

func TestWithResponseValidatorRefusesBadInput(t *testing.T) {
	t.Parallel()
	for name, opt := range map[string]factorial.Option{
		"unknown mode":  validate.Responses(factorial.ValidationMode(7)),
		"nil validator": factorial.WithResponseValidator(nil, factorial.ValidationLog),
	} {
		var ce *factorial.ConfigError
		if _, err := factorial.NewClient(opt); !errors.As(err, &ce) {
			t.Errorf("%s: got %v, want a *ConfigError", name, err)
		}
	}
}

func factorialTokenRequest() api.TokenRequest {
	return api.TokenRequest{GrantType: api.TokenRequestGrantTypeRefreshToken}
}
