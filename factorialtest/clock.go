package factorialtest

import "time"

// clock is the server's notion of now. Tokens, codes, created_at and the
// Date header all read it, so advancing it expires everything consistently.
// It is guarded by Server.mu.
type clock struct {
	frozen    bool
	start     time.Time // server time at realStart
	realStart time.Time
	offset    time.Duration
}

func newClock(frozen bool, start time.Time) clock {
	real := time.Now()
	if start.IsZero() {
		start = real
	}
	return clock{frozen: frozen, start: start, realStart: real}
}

func (c *clock) now() time.Time {
	if c.frozen {
		return c.start.Add(c.offset)
	}
	return c.start.Add(time.Since(c.realStart) + c.offset)
}
