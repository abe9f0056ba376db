package factorial

import (
	"bytes"
	"context"
	"errors"
	"io"
	"net/http"
	"reflect"
	"testing"
	"time"

	"github.com/factorial-go/factorial/resources"
	openapi_types "github.com/oapi-codegen/runtime/types"
)

// TestFieldErrorsFromSentBody: with no operation matched (a hand-built
// request through Do), the keys of the JSON body sent are the fields.
func TestFieldErrorsFromSentBody(t *testing.T) {
	t.Parallel()
	c, srv, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		reply(w, http.StatusUnprocessableEntity, "application/json", `{"errors":{"errors":["Nickname is reserved","Something else"]}}`)
	}), WithAPIKey("test-key-123"))
	req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, srv.URL+"/custom/path", bytes.NewReader([]byte(`{"nickname":"root"}`)))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/json")
	_, err = c.Do(req)
	e := asError(t, err)
	if e.Operation != "" {
		t.Fatalf("Operation = %q: the path matched an operation", e.Operation)
	}
	want := map[string][]string{"nickname": {"Nickname is reserved"}}
	if !reflect.DeepEqual(e.FieldErrors, want) {
		t.Errorf("FieldErrors = %q, want %q", e.FieldErrors, want)
	}
}

// TestFieldErrorsOnlyFor422: a 400 or 404 in the same shape attributes
// nothing; those are not validation messages.
func TestFieldErrorsOnlyFor422(t *testing.T) {
	t.Parallel()
	for _, status := range []int{http.StatusBadRequest, http.StatusNotFound, http.StatusConflict} {
		c, srv, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			reply(w, status, "application/json", `{"errors":{"errors":["Nickname is reserved"]}}`)
		}), WithAPIKey("test-key-123"))
		req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, srv.URL+"/custom/path", bytes.NewReader([]byte(`{"nickname":"root"}`)))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		_, err = c.Do(req)
		e := asError(t, err)
		if e.FieldErrors != nil || e.Is(ErrValidation) {
			t.Errorf("%d: FieldErrors %q, ErrValidation %v", status, e.FieldErrors, e.Is(ErrValidation))
		}
	}
}

// TestFieldErrorsOfAService: through a service, the fields sent are
// known, required ones even when empty; an optional field the request
// left out is not, and its message stays in Messages only.
func TestFieldErrorsOfAService(t *testing.T) {
	t.Parallel()
	var sent []byte
	c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		sent, _ = io.ReadAll(r.Body)
		reply(w, http.StatusUnprocessableEntity, "application/json; charset=utf-8",
			`{"errors":{"errors":["Employee can't be blank","Leave type can't be blank","Start on must be before finish on"]}}`)
	}), WithAPIKey("test-key-123"))
	_, err := c.TimeOff.CreateLeave(context.Background(), resources.LeaveCreate{StartOn: openapi_types.Date{Time: time.Date(2026, 8, 3, 0, 0, 0, 0, time.UTC)}})
	e := asError(t, err)
	if bytes.Contains(sent, []byte("leave_type_id")) || !bytes.Contains(sent, []byte(`"employee_id":""`)) {
		t.Fatalf("the body sent: %s", sent)
	}
	if e.Operation != "CreateLeave" {
		t.Errorf("Operation = %q", e.Operation)
	}
	want := map[string][]string{"employee_id": {"Employee can't be blank"}, "start_on": {"Start on must be before finish on"}}
	if !reflect.DeepEqual(e.FieldErrors, want) {
		t.Errorf("FieldErrors = %q, want %q", e.FieldErrors, want)
	}
	if len(e.Messages) != 3 {
		t.Errorf("Messages = %q, want all three", e.Messages)
	}
	if !errors.Is(err, ErrValidation) {
		t.Errorf("errors.Is(err, ErrValidation) = false for %v", err)
	}
}
