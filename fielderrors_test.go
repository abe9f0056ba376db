package factorial_test

import (
	"errors"
	"net/http"
	"reflect"
	"slices"
	"testing"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/resources"
)

// datedClient is an API-key client of a fresh factorialtest server.
func datedClient(t *testing.T) (*factorial.Client, *factorialtest.Server) {
	t.Helper()
	srv := factorialtest.NewServer(factorialtest.WithTB(t), factorialtest.WithFrozenClock(factorialtest.DemoTime))
	t.Cleanup(srv.Close)
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		t.Fatal(err)
	}
	return c, srv
}

// TestValidationErrorDated: the dated API answers a hire without an email
// with Rails' full message in its nested list; the error matches
// ErrValidation and files the message under "email".
func TestValidationErrorDated(t *testing.T) {
	t.Parallel()
	c, _ := datedClient(t)
	_, err := c.Employees.CreateWithContract(t.Context(), resources.CreateEmployeeWithContractInput{
		CompanyID: "1", FirstName: "Nora", LastName: "New", Email: "",
	})
	if !errors.Is(err, factorial.ErrValidation) {
		t.Fatalf("err = %v, want ErrValidation", err)
	}
	for _, other := range []error{factorial.ErrNotFound, factorial.ErrForbidden, factorial.ErrUnauthorized, factorial.ErrRateLimited} {
		if errors.Is(err, other) {
			t.Errorf("a 422 matched %v", other)
		}
	}
	var fe *factorial.Error
	if !errors.As(err, &fe) {
		t.Fatalf("%T is not *factorial.Error", err)
	}
	if fe.StatusCode != http.StatusUnprocessableEntity || fe.Operation != "CreateEmployeeWithContract" {
		t.Errorf("status %d operation %q", fe.StatusCode, fe.Operation)
	}
	// The body is the dated API's shape, which names no field itself.
	if got := string(fe.Body); got != `{"errors":{"errors":["Email can't be blank"]}}` {
		t.Errorf("Body = %s", got)
	}
	if !slices.Equal(fe.Messages, []string{"Email can't be blank"}) {
		t.Errorf("Messages = %q", fe.Messages)
	}
	want := map[string][]string{"email": {"Email can't be blank"}}
	if !reflect.DeepEqual(fe.FieldErrors, want) {
		t.Errorf("FieldErrors = %q, want %q", fe.FieldErrors, want)
	}
}

// TestValidationErrorDatedSeveralFields: every missing field gets its own
// message, multi-word names ("First name") included.
func TestValidationErrorDatedSeveralFields(t *testing.T) {
	t.Parallel()
	c, _ := datedClient(t)
	_, err := c.Employees.CreateWithContract(t.Context(), resources.CreateEmployeeWithContractInput{
		CompanyID: "1", LastName: "New",
	})
	var fe *factorial.Error
	if !errors.As(err, &fe) || !errors.Is(err, factorial.ErrValidation) {
		t.Fatalf("err = %v, want a 422 *factorial.Error", err)
	}
	want := map[string][]string{"email": {"Email can't be blank"}, "first_name": {"First name can't be blank"}}
	if !reflect.DeepEqual(fe.FieldErrors, want) {
		t.Errorf("FieldErrors = %q, want %q (messages %q)", fe.FieldErrors, want, fe.Messages)
	}
}

// TestValidationErrorDatedUnattributed: a message that starts with no
// field's name is in Messages only.
func TestValidationErrorDatedUnattributed(t *testing.T) {
	t.Parallel()
	c, _ := datedClient(t)
	_, err := c.Employees.CreateWithContract(t.Context(), resources.CreateEmployeeWithContractInput{
		CompanyID: "1", FirstName: "Nora", LastName: "New", Email: "nora@example.com", TeamID: factorial.Ptr("999"),
	})
	var fe *factorial.Error
	if !errors.As(err, &fe) || !errors.Is(err, factorial.ErrValidation) {
		t.Fatalf("err = %v, want a 422 *factorial.Error", err)
	}
	if !slices.Equal(fe.Messages, []string{"The team does not exist"}) || fe.FieldErrors != nil {
		t.Errorf("Messages %q FieldErrors %q, want the message alone", fe.Messages, fe.FieldErrors)
	}
}

// TestValidationErrorV1: v1's per-field body is kept as sent, and matches
// ErrValidation too.
func TestValidationErrorV1(t *testing.T) {
	t.Parallel()
	c, _ := datedClient(t)
	_, err := c.V1.Teams.Create(t.Context(), api.TeamCreate{Name: ""})
	var fe *factorial.Error
	if !errors.As(err, &fe) || !errors.Is(err, factorial.ErrValidation) {
		t.Fatalf("err = %v, want a 422 *factorial.Error", err)
	}
	want := map[string][]string{"name": {"can't be blank"}}
	if !reflect.DeepEqual(fe.FieldErrors, want) {
		t.Errorf("FieldErrors = %q, want %q", fe.FieldErrors, want)
	}
}
