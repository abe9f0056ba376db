package engine

import (
	"context"
	"sync"
	"time"
)

// deadlines ends the attempts that outlive the client's timeout, with one
// timer for all of an engine's attempts rather than a runtime timer each
// (context.WithDeadline's). Every attempt's deadline is its start plus the
// same timeout, so deadlines arrive in the order attempts start and wait
// in a queue, oldest first; the timer is armed for the oldest and, when it
// fires, ends the attempts whose deadline has passed and re-arms for the
// next. An attempt costs a cancelable context and two short critical
// sections: in a loop of calls the timer stays armed for a deadline
// seconds away and is not touched.
//
// An attempt ended this way has a context whose Err is context.Canceled
// and whose cause (context.Cause) is context.DeadlineExceeded, which
// net/http reports; the engine reports the cause (deadlineError).
type deadlines struct {
	mu    sync.Mutex
	queue []queued // oldest deadline first, from head on
	head  int
	timer *time.Timer
	armed time.Time // when the timer fires; zero when it is not armed
	// sweepAt is the queue length at which finished entries behind a live
	// one (an attempt still reading its body, say) are swept out: twice
	// the live entries the last sweep left, so sweeping costs O(1) per
	// attempt however long an attempt stays.
	sweepAt int
}

// watch is one exchange's registration, reused by its attempts (which run
// one at a time): gen tells the current attempt's queue entry from those
// of its earlier attempts that are still queued.
type watch struct {
	cancel context.CancelCauseFunc
	gen    uint64
	done   bool
}

type queued struct {
	w   *watch
	gen uint64
	at  time.Time
}

func (q queued) live() bool { return q.w.gen == q.gen && !q.w.done }

// start bounds an attempt under parent by at and returns its context;
// end(w) must follow once the attempt is over.
func (q *deadlines) start(parent context.Context, w *watch, at time.Time) context.Context {
	ctx, cancel := context.WithCancelCause(parent)
	q.mu.Lock()
	w.gen++
	w.cancel, w.done = cancel, false
	q.trim()
	if len(q.queue)-q.head >= max(q.sweepAt, 64) {
		q.sweep()
	}
	// Insert in order: almost always at the end.
	i := len(q.queue)
	q.queue = append(q.queue, queued{})
	for i > q.head && q.queue[i-1].at.After(at) {
		q.queue[i] = q.queue[i-1]
		i--
	}
	q.queue[i] = queued{w: w, gen: w.gen, at: at}
	if q.armed.IsZero() || at.Before(q.armed) {
		q.arm(at)
	}
	q.mu.Unlock()
	return ctx
}

// end ends the attempt w watches, releasing its context. Ending an
// attempt the timer already ended is harmless.
func (q *deadlines) end(w *watch) {
	q.mu.Lock()
	w.done = true
	cancel := w.cancel
	w.cancel = nil
	q.mu.Unlock()
	if cancel != nil {
		cancel(context.Canceled)
	}
}

// trim drops the entries at the head that no longer watch an attempt, and
// gives the queue's room back once it is empty.
func (q *deadlines) trim() {
	for q.head < len(q.queue) && !q.queue[q.head].live() {
		q.queue[q.head] = queued{}
		q.head++
	}
	if q.head == len(q.queue) {
		q.queue, q.head = q.queue[:0], 0
	} else if q.head > 64 && q.head > len(q.queue)/2 {
		n := copy(q.queue, q.queue[q.head:])
		clear(q.queue[n:])
		q.queue, q.head = q.queue[:n], 0
	}
}

// sweep removes every finished entry, keeping the order of the others.
func (q *deadlines) sweep() {
	live := q.queue[:0]
	for _, e := range q.queue[q.head:] {
		if e.live() {
			live = append(live, e)
		}
	}
	clear(q.queue[len(live):])
	q.queue, q.head = live, 0
	q.sweepAt = 2 * len(live)
}

// arm sets the timer to fire at at. The caller holds mu.
func (q *deadlines) arm(at time.Time) {
	q.armed = at
	d := time.Until(at)
	if q.timer == nil {
		q.timer = time.AfterFunc(d, q.fire)
		return
	}
	q.timer.Reset(d)
}

// fire ends the attempts whose deadline has passed and re-arms the timer
// for the oldest one left. A timer that fires early or twice (Reset racing
// an expiry) finds nothing to end and only re-arms.
func (q *deadlines) fire() {
	var expired []context.CancelCauseFunc
	q.mu.Lock()
	q.armed = time.Time{}
	now := time.Now()
	for q.head < len(q.queue) {
		e := q.queue[q.head]
		if e.live() {
			if e.at.After(now) {
				q.arm(e.at)
				break
			}
			e.w.done = true
			expired = append(expired, e.w.cancel)
			e.w.cancel = nil
		}
		q.queue[q.head] = queued{}
		q.head++
	}
	q.trim()
	q.mu.Unlock()
	for _, cancel := range expired {
		cancel(context.DeadlineExceeded)
	}
}
