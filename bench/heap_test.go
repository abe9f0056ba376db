package bench

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"time"
)

// heapMetric is the bytes of heap memory occupied by objects, live or not
// yet swept: what the program's heap really holds at an instant.
const heapMetric = "/memory/classes/heap/objects:bytes"

// peakHeap runs call once and returns how far the heap grew above where it
// stood before the call, at its highest.
//
// Method: two forced GCs leave only live data, whose size is the baseline.
// GOGC is lowered to 10 for the call, so the collector runs whenever the
// heap grows 10% past the last live set: garbage can only inflate a
// reading by about that much, and what the figure shows is the memory the
// call needs live at once (buffers and decoded values), not how lazily the
// collector happened to run. A goroutine samples heapMetric with
// runtime/metrics (which does not stop the world) every ~50µs during the
// call; the last sample is taken after call returns, while its result is
// still reachable. The result is the highest sample minus the baseline. A
// peak shorter than the sampling interval can be missed; the buffers that
// matter here live for milliseconds.
func peakHeap(call func() error) (uint64, error) {
	old := debug.SetGCPercent(10)
	defer debug.SetGCPercent(old)
	runtime.GC()
	runtime.GC()
	sample := []metrics.Sample{{Name: heapMetric}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	base := read()
	stop := make(chan struct{})
	peakc := make(chan uint64)
	go func() {
		s := []metrics.Sample{{Name: heapMetric}}
		var peak uint64
		for {
			metrics.Read(s)
			peak = max(peak, s[0].Value.Uint64())
			select {
			case <-stop:
				peakc <- peak
				return
			default:
			}
			time.Sleep(50 * time.Microsecond)
		}
	}()
	err := call()
	last := read()
	close(stop)
	peak := max(<-peakc, last)
	if peak < base {
		return 0, err
	}
	return peak - base, err
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}
