package engine

import (
	"context"
	"errors"
	"math/rand/v2"
	"sync"
	"testing"
	"time"
)

// Attempts registered out of order each end at their own deadline, with
// context.DeadlineExceeded as the cause; attempts ended first are never
// cancelled by the timer.
func TestDeadlinesEndEachAttemptAtItsDeadline(t *testing.T) {
	t.Parallel()
	var q deadlines
	base := time.Now().Add(50 * time.Millisecond)
	const n = 40
	type attempt struct {
		ctx context.Context
		end func()
		at  time.Time
	}
	attempts := make([]attempt, n)
	watches := make([]watch, n)
	for _, i := range rand.Perm(n) {
		at := base.Add(time.Duration(i) * 5 * time.Millisecond)
		ctx := q.start(context.Background(), &watches[i], at)
		w := &watches[i]
		attempts[i] = attempt{ctx, func() { q.end(w) }, at}
	}
	// Every third attempt finishes before its deadline.
	for i := 0; i < n; i += 3 {
		attempts[i].end()
	}
	for i, a := range attempts {
		if i%3 == 0 {
			continue
		}
		<-a.ctx.Done()
		if late := time.Now(); late.Before(a.at) {
			t.Errorf("attempt %d ended %v before its deadline", i, a.at.Sub(late))
		}
		if cause := context.Cause(a.ctx); !errors.Is(cause, context.DeadlineExceeded) {
			t.Errorf("attempt %d: cause %v", i, cause)
		}
		a.end() // ending an expired attempt is harmless
	}
	for i := 0; i < n; i += 3 {
		if cause := context.Cause(attempts[i].ctx); !errors.Is(cause, context.Canceled) {
			t.Errorf("finished attempt %d: cause %v, want context.Canceled", i, cause)
		}
	}
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.trim(); len(q.queue) != q.head {
		t.Errorf("%d entries left in the queue", len(q.queue)-q.head)
	}
}

// An exchange's next attempt reuses its watch: the entry its first
// attempt left in the queue must not end the second one.
func TestDeadlinesWatchReusedByTheNextAttempt(t *testing.T) {
	t.Parallel()
	var q deadlines
	var w watch
	ctx1 := q.start(context.Background(), &w, time.Now().Add(20*time.Millisecond))
	q.end(&w)
	ctx2 := q.start(context.Background(), &w, time.Now().Add(time.Hour))
	defer q.end(&w)
	time.Sleep(60 * time.Millisecond)
	if ctx2.Err() != nil {
		t.Fatalf("second attempt ended by the first one's deadline: %v", context.Cause(ctx2))
	}
	if !errors.Is(context.Cause(ctx1), context.Canceled) {
		t.Errorf("first attempt: cause %v", context.Cause(ctx1))
	}
}

// The caller's cancellation still reaches an attempt, and many
// goroutines starting and ending attempts at once leave the queue empty.
func TestDeadlinesConcurrentAttempts(t *testing.T) {
	t.Parallel()
	var q deadlines
	parent, cancel := context.WithCancel(context.Background())
	var w0 watch
	ctx0 := q.start(parent, &w0, time.Now().Add(time.Hour))
	cancel()
	<-ctx0.Done()
	if !errors.Is(context.Cause(ctx0), context.Canceled) {
		t.Errorf("cause %v, want the caller's context.Canceled", context.Cause(ctx0))
	}
	q.end(&w0)

	// An attempt that stays (a long body read) while thousands finish
	// behind it: the finished ones are swept, the queue stays small.
	var long watch
	q.start(context.Background(), &long, time.Now().Add(time.Hour))
	defer q.end(&long)

	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			var w watch
			for i := range 500 {
				at := time.Now().Add(2 * time.Hour) // behind the long attempt
				if i%3 == 0 {
					at = time.Now()
				}
				ctx := q.start(context.Background(), &w, at)
				if i%3 == 0 {
					<-ctx.Done() // a deadline already passed: the timer ends it
				}
				q.end(&w)
			}
		})
	}
	wg.Wait()
	var w watch
	q.start(context.Background(), &w, time.Now().Add(3*time.Hour))
	q.end(&w)
	q.mu.Lock()
	defer q.mu.Unlock()
	if n := len(q.queue) - q.head; n > 130 {
		t.Errorf("%d entries in the queue behind one live attempt", n)
	}
}

// deadlineError reports why the attempt's context ended, whatever the
// transport returned.
func TestDeadlineError(t *testing.T) {
	t.Parallel()
	var q deadlines
	var w watch
	ctx := q.start(context.Background(), &w, time.Now())
	defer q.end(&w)
	<-ctx.Done()
	err := deadlineError(ctx, context.Canceled) // a transport reporting ctx.Err()
	if !errors.Is(err, context.DeadlineExceeded) || errors.Is(err, context.Canceled) {
		t.Errorf("%v: matches context.DeadlineExceeded %v, context.Canceled %v", err,
			errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled))
	}
	reset := errors.New("connection reset")
	if err := deadlineError(ctx, reset); !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, reset) {
		t.Errorf("%v does not match both the deadline and the read error", err)
	}
	if err := deadlineError(context.Background(), errors.New("reset")); err.Error() != "reset" {
		t.Errorf("an error under a live context changed: %v", err)
	}
}

// BenchmarkAttemptDeadline compares what bounding one attempt costs: a
// context with a runtime timer of its own (context.WithDeadline), against
// the engine's deadlines (a cancelable context and the shared queue).
//
//	go test -run '^$' -bench AttemptDeadline -benchmem ./internal/engine
func BenchmarkAttemptDeadline(b *testing.B) {
	parent := context.Background()
	b.Run("context.WithDeadline", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			_, cancel := context.WithDeadline(parent, time.Now().Add(30*time.Second))
			cancel()
		}
	})
	b.Run("deadlines", func(b *testing.B) {
		var q deadlines
		var w watch
		b.ReportAllocs()
		for b.Loop() {
			q.start(parent, &w, time.Now().Add(30*time.Second))
			q.end(&w)
		}
	})
}

// BenchmarkAttemptDeadlineParallel is BenchmarkAttemptDeadline from many
// goroutines at once: the queue's lock against the runtime's timers.
func BenchmarkAttemptDeadlineParallel(b *testing.B) {
	parent := context.Background()
	b.Run("context.WithDeadline", func(b *testing.B) {
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			for pb.Next() {
				_, cancel := context.WithDeadline(parent, time.Now().Add(30*time.Second))
				cancel()
			}
		})
	})
	b.Run("deadlines", func(b *testing.B) {
		var q deadlines
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			var w watch
			for pb.Next() {
				q.start(parent, &w, time.Now().Add(30*time.Second))
				q.end(&w)
			}
		})
	})
}
