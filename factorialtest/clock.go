package factorialtest

import (
	"sync/atomic"
	"time"
)

// clock is the server's notion of now, shared by the OAuth server and the
// REST sandbox: tokens, codes, created_at, the Date header, record
// timestamps, the demo data's dates and the default "now" of clock-in
// actions all read it, so advancing it moves everything consistently.
//
// It needs no lock (the offset is atomic, the rest immutable), so the
// sandbox can read it while holding its own lock.
type clock struct {
	source    func() time.Time // WithClock; nil: real or frozen time
	frozen    bool
	start     time.Time // server time at realStart
	realStart time.Time
	offset    atomic.Int64 // Advance, in nanoseconds
}

func newClock(source func() time.Time, frozen bool, start time.Time) *clock {
	real := time.Now()
	if start.IsZero() {
		start = real
	}
	return &clock{source: source, frozen: frozen, start: start, realStart: real}
}

func (c *clock) now() time.Time {
	off := time.Duration(c.offset.Load())
	switch {
	case c.source != nil:
		return c.source().Add(off)
	case c.frozen:
		return c.start.Add(off)
	}
	return c.start.Add(time.Since(c.realStart) + off)
}

func (c *clock) advance(d time.Duration) { c.offset.Add(int64(d)) }
