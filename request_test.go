package factorial_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/resources"
)

// An empty or dot id never reaches the server: GET .../employees/ would be
// the list, and ".." would climb a segment, either answered as a success.
func TestEmptyAndDotIDsAreRefused(t *testing.T) {
	t.Parallel()
	var hits atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hits.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"data":[],"meta":{"has_next_page":false,"has_previous_page":false}}`))
	}))
	t.Cleanup(srv.Close)
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL), factorial.WithAPIKey("k"))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	for _, id := range []string{"", ".", ".."} {
		if _, err := c.Employees.Get(ctx, id); !errors.Is(err, factorial.ErrInvalidPathParameter) {
			t.Errorf("Get(%q): %v, want ErrInvalidPathParameter", id, err)
		}
		if _, err := c.Teams.Update(ctx, id, resources.TeamUpdate{}); !errors.Is(err, factorial.ErrInvalidPathParameter) {
			t.Errorf("Update(%q): %v", id, err)
		}
	}
	if _, err := c.V1.Employees.Get(ctx, 0); err == nil && hits.Load() == 0 {
		t.Error("an integer id of 0 is a valid segment and must be sent")
	}
	if n := hits.Load(); n != 1 {
		t.Errorf("%d requests reached the server, want only the v1 one", n)
	}
	// A slash or a dot inside an id is escaped into its one segment.
	if _, err := c.Employees.Get(ctx, "a/../b"); errors.Is(err, factorial.ErrInvalidPathParameter) {
		t.Errorf("an id with a slash inside: %v", err)
	}
}
