package factorial

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/resources"
)

// TestEmptyAndDotIDs: a path id that is empty, "." or ".." is refused
// before anything is sent, with an *InvalidIDError matching
// ErrInvalidID: an empty one would address the collection (and decode its
// list as an empty record with a nil error), a dotted one climb a segment.
func TestEmptyAndDotIDs(t *testing.T) {
	t.Parallel()
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	var sent atomic.Int64
	counting := &http.Client{Transport: roundTripFunc(func(r *http.Request) (*http.Response, error) {
		sent.Add(1)
		return http.DefaultTransport.RoundTrip(r)
	})}
	c, err := NewClient(WithBaseURL(srv.URL()), WithAPIKey(factorialtest.DefaultAPIKey), WithHTTPClient(counting))
	if err != nil {
		t.Fatal(err)
	}
	ctx := t.Context()
	calls := map[string]func(id string) error{
		"Employees.Get": func(id string) error { _, err := c.Employees.Get(ctx, id); return err },
		"Employees.Update": func(id string) error {
			_, err := c.Employees.Update(ctx, id, resources.EmployeeUpdate{ID: id})
			return err
		},
		"Teams.Delete": func(id string) error { _, err := c.Teams.Delete(ctx, id); return err },
		"Teams.Update": func(id string) error {
			_, err := c.Teams.Update(ctx, id, resources.TeamUpdate{ID: id})
			return err
		},
	}
	for name, call := range calls {
		for _, id := range []string{"", ".", ".."} {
			err := call(id)
			var ie *InvalidIDError
			if !errors.Is(err, ErrInvalidID) || !errors.As(err, &ie) || ie.Operation == "" {
				t.Errorf("%s(%q): %v, want an *InvalidIDError", name, id, err)
			}
		}
	}
	if n := sent.Load(); n != 0 {
		t.Fatalf("%d requests sent for invalid ids", n)
	}
	// A manager-less employee's manager id is the realistic empty id.
	emp, err := c.Employees.Get(ctx, "1001")
	if err != nil || emp.ID != "1001" {
		t.Fatalf("Get(1001): %+v, %v", emp, err)
	}
	if _, err := c.Employees.Get(ctx, emp.GetManagerID()); !errors.Is(err, ErrInvalidID) {
		t.Errorf("Get(employee without a manager's manager id): %v", err)
	}
	// IDs that merely contain dots or slashes are escaped and sent.
	for _, id := range []string{"...", "a.b", "1/2"} {
		if _, err := c.Teams.Get(ctx, id); !errors.Is(err, ErrNotFound) {
			t.Errorf("Teams.Get(%q): %v, want the server's 404", id, err)
		}
	}
}

// TestAPIKeyDoesNotFollowRedirects: with an http.Client that follows
// redirects, the x-api-key header (and Authorization) reaches neither
// another host nor the same host over plain http; a redirect on the same
// origin keeps it.
func TestAPIKeyDoesNotFollowRedirects(t *testing.T) {
	t.Parallel()
	const key = "secret-api-key-value"
	var leaked atomic.Int64
	var sameOriginKey atomic.Int64
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("X-Api-Key") != "" || r.Header.Get("Authorization") != "" {
			leaked.Add(1)
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":[],"meta":{"has_next_page":false,"has_previous_page":false,"limit":100,"total":0}}`))
	}))
	defer other.Close()
	api := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case strings.HasSuffix(r.URL.Path, "/teams/teams"):
			http.Redirect(w, r, other.URL+r.URL.Path, http.StatusFound)
		case strings.HasSuffix(r.URL.Path, "/teams/memberships"):
			http.Redirect(w, r, strings.Replace(r.URL.Path, "memberships", "memberships_moved", 1), http.StatusTemporaryRedirect)
		default:
			if r.Header.Get("X-Api-Key") == key {
				sameOriginKey.Add(1)
			}
			w.Header().Set("Content-Type", "application/json")
			_, _ = w.Write([]byte(`{"data":[],"meta":{"has_next_page":false,"has_previous_page":false,"limit":100,"total":0}}`))
		}
	}))
	defer api.Close()
	follows := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return nil }}
	c, err := NewClient(WithBaseURL(api.URL), WithAPIKey(key), WithHTTPClient(follows))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	if _, err := c.Teams.List(ctx, nil); err != nil {
		t.Fatalf("List through a cross-host redirect: %v", err)
	}
	if n := leaked.Load(); n != 0 {
		t.Errorf("the API key reached another host %d times", n)
	}
	if _, err := c.Teams.ListMemberships(ctx, nil); err != nil {
		t.Fatalf("List through a same-origin redirect: %v", err)
	}
	if sameOriginKey.Load() != 1 {
		t.Errorf("the same-origin redirect lost the key")
	}
}

// TestTransportFailureWrapsURLError holds the documented form of a failure
// before any response: not an *Error, not itself a *url.Error, but
// wrapping one (errors.As) whose URL is redacted.
func TestTransportFailureWrapsURLError(t *testing.T) {
	t.Parallel()
	srv := httptest.NewServer(http.NotFoundHandler())
	base := srv.URL
	srv.Close() // nothing listens there now
	c, err := NewClient(WithBaseURL(base), WithAPIKey("k"), WithRetryPolicy(RetryPolicy{MaxAttempts: 1}))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.Teams.Get(t.Context(), "1")
	var ue *url.Error
	var fe *Error
	if _, direct := err.(*url.Error); direct || !errors.As(err, &ue) || errors.As(err, &fe) {
		t.Fatalf("%T %v: want an error wrapping a *url.Error", err, err)
	}
	if !strings.Contains(ue.URL, "/teams/teams/1") {
		t.Errorf("url.Error URL %q", ue.URL)
	}
}
