package factorialtest_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/resources"
)

// Bounds of TestLoadMixedReadsAndWrites: enough clients to contend for the
// sandbox's lock from both APIs' code paths, for long enough to interleave
// thousands of operations, short enough for CI on a shared machine.
const (
	loadClients  = 16
	loadDuration = 3 * time.Second
)

// TestLoadMixedReadsAndWrites: loadClients concurrent clients, each its
// own factorial.Client over loopback, mix dated-API writes (create,
// update, delete a team) and reads (get, a list page) for loadDuration.
// Then the company must be consistent: every team created and not deleted
// is listed exactly once, no deleted one is, each with its last name. It
// logs the throughput and the latency percentiles; it asserts no figure
// about speed (timing asserts would flake on a shared machine), only that
// every call succeeded and the state adds up.
func TestLoadMixedReadsAndWrites(t *testing.T) {
	srv := factorialtest.NewServer(factorialtest.WithTB(t))
	duration := loadDuration
	if testing.Short() {
		duration = time.Second
	}
	type outcome struct {
		live      map[string]string // id → last name written
		deleted   []string
		latencies []time.Duration
		errs      []error
	}
	results := make([]outcome, loadClients)
	ctx, cancel := context.WithTimeout(t.Context(), duration)
	defer cancel()
	var wg sync.WaitGroup
	start := time.Now()
	for w := range loadClients {
		wg.Go(func() {
			out := &results[w]
			out.live = map[string]string{}
			c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
			if err != nil {
				out.errs = append(out.errs, err)
				return
			}
			rng := rand.New(rand.NewPCG(uint64(w), 42))
			// Calls run on a context that outlives the deadline, so the
			// last call in flight completes and is accounted for.
			call := context.WithoutCancel(ctx)
			timed := func(f func() error) {
				t0 := time.Now()
				if err := f(); err != nil {
					out.errs = append(out.errs, err)
				}
				out.latencies = append(out.latencies, time.Since(t0))
			}
			for n := 0; ctx.Err() == nil; n++ {
				ids := slices.Collect(func(yield func(string) bool) {
					for id := range out.live {
						if !yield(id) {
							return
						}
					}
				})
				switch op := rng.IntN(10); {
				case op < 3 || len(ids) == 0: // create
					name := fmt.Sprintf("load-%d-%d", w, n)
					timed(func() error {
						team, err := c.Teams.Create(call, resources.TeamCreate{Name: name})
						if err == nil {
							out.live[team.ID] = name
						}
						return err
					})
				case op < 5: // update
					id := ids[rng.IntN(len(ids))]
					name := fmt.Sprintf("load-%d-%d-renamed", w, n)
					timed(func() error {
						_, err := c.Teams.Update(call, id, resources.TeamUpdate{ID: id, Name: &name})
						if err == nil {
							out.live[id] = name
						}
						return err
					})
				case op < 6: // delete
					id := ids[rng.IntN(len(ids))]
					timed(func() error {
						_, err := c.Teams.Delete(call, id)
						if err == nil {
							delete(out.live, id)
							out.deleted = append(out.deleted, id)
						}
						return err
					})
				case op < 8: // read one
					id := ids[rng.IntN(len(ids))]
					timed(func() error {
						team, err := c.Teams.Get(call, id)
						if err == nil && team.GetName() != out.live[id] {
							return fmt.Errorf("team %s reads %q, last written %q", id, team.GetName(), out.live[id])
						}
						return err
					})
				default: // a list page
					limit := resources.Limit(1 + rng.IntN(100))
					timed(func() error {
						_, err := c.Teams.ListPage(call, &resources.ListTeamsParams{Limit: &limit})
						return err
					})
				}
			}
		})
	}
	wg.Wait()
	elapsed := time.Since(start)

	var all []time.Duration
	live := map[string]string{}
	deleted := map[string]bool{}
	for _, r := range results {
		for _, err := range r.errs {
			t.Error(err)
		}
		all = append(all, r.latencies...)
		for id, name := range r.live {
			live[id] = name
		}
		for _, id := range r.deleted {
			deleted[id] = true
		}
	}
	if len(all) == 0 {
		t.Fatal("no operation ran")
	}

	// Consistency, through the API: the whole list, page by page.
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		t.Fatal(err)
	}
	teams, err := c.Teams.List(t.Context(), nil)
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]int{}
	for _, team := range teams {
		seen[team.ID]++
		if deleted[team.ID] {
			t.Errorf("deleted team %s is listed", team.ID)
		}
		if want, ok := live[team.ID]; ok && team.GetName() != want {
			t.Errorf("team %s is listed as %q, last written %q", team.ID, team.GetName(), want)
		}
	}
	for id, n := range seen {
		if n != 1 {
			t.Errorf("team %s listed %d times", id, n)
		}
	}
	for id := range live {
		if seen[id] != 1 {
			t.Errorf("created team %s listed %d times", id, seen[id])
		}
	}
	for id := range deleted {
		if _, err := c.Teams.Get(t.Context(), id); !errors.Is(err, factorial.ErrNotFound) {
			t.Errorf("deleted team %s: %v, want not found", id, err)
		}
	}

	slices.Sort(all)
	pct := func(p float64) time.Duration { return all[min(len(all)-1, int(float64(len(all))*p))] }
	t.Logf("load: %d clients, %d operations in %v: %.0f ops/s; latency p50 %v, p99 %v, max %v; %d teams live, %d deleted",
		loadClients, len(all), elapsed.Round(time.Millisecond), float64(len(all))/elapsed.Seconds(),
		pct(0.50), pct(0.99), all[len(all)-1], len(live), len(deleted))
}
