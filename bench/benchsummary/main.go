// Command benchsummary reads `go test -bench` output of the bench package
// (several rounds of it, concatenated) and prints one line per figure:
//
//	NAME: VALUE (target TARGET)
//
// Each benchmark's value is the median over the rounds it ran in, and every
// ratio is computed from those medians, so all figures come from the same
// run. A last line counts the targets met. The exit status is 1 when a
// benchmark failed or a figure is missing, 0 otherwise (a missed target is
// a finding, not an error).
//
//	go test -run '^$' -bench . -benchmem -count 5 ./bench | go run ./bench/benchsummary
package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"os"
	"regexp"
	"slices"
	"strconv"
	"strings"
)

// results maps benchmark name (without the -GOMAXPROCS suffix) to unit to
// the values seen, one per round.
type results map[string]map[string][]float64

var benchLine = regexp.MustCompile(`^(Benchmark\S+?)(?:-\d+)?\s+\d+\s+(.*)$`)

func parse(r io.Reader) (results, []string, error) {
	res := results{}
	var failures []string
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "--- FAIL") || strings.HasPrefix(line, "FAIL") || strings.HasPrefix(line, "panic:") {
			failures = append(failures, line)
			continue
		}
		m := benchLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		fields := strings.Fields(m[2])
		for i := 0; i+1 < len(fields); i += 2 {
			v, err := strconv.ParseFloat(fields[i], 64)
			if err != nil {
				continue
			}
			if res[m[1]] == nil {
				res[m[1]] = map[string][]float64{}
			}
			res[m[1]][fields[i+1]] = append(res[m[1]][fields[i+1]], v)
		}
	}
	return res, failures, sc.Err()
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return math.NaN()
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s)%2 == 1 {
		return s[len(s)/2]
	}
	return (s[len(s)/2-1] + s[len(s)/2]) / 2
}

// get returns the median of a benchmark's metric and how many rounds it
// is over.
func (r results) get(name, unit string) (float64, int) {
	vs := r[name][unit]
	return median(vs), len(vs)
}

type summary struct {
	res        results
	failures   []string
	out        io.Writer
	met, total int
	missing    []string
}

func (s *summary) value(name, unit string) (float64, bool) {
	v, n := s.res.get(name, unit)
	if n == 0 {
		s.missing = append(s.missing, name+" "+unit)
		return 0, false
	}
	return v, true
}

// line prints one figure; ok is nil for a figure without a target.
func (s *summary) line(name, value, target string, ok *bool) {
	if ok != nil {
		s.total++
		if *ok {
			s.met++
		}
	}
	fmt.Fprintf(s.out, "%s: %s (target %s)\n", name, value, target)
}

func (s *summary) unavailable(name, target string, hasTarget bool) {
	if hasTarget {
		s.total++
	}
	fmt.Fprintf(s.out, "%s: unavailable, benchmark missing or failed (target %s)\n", name, target)
}

func ptr(b bool) *bool { return &b }

// failed reports a FAIL line for the benchmark in any round.
func (s *summary) failed(name string) bool {
	for _, f := range s.failures {
		if strings.Contains(f, name+" ") || strings.HasSuffix(f, name) || strings.Contains(f, name+"-") {
			return true
		}
	}
	return false
}

func dur(ns float64) string {
	switch {
	case ns >= 1e9:
		return fmt.Sprintf("%.2fs", ns/1e9)
	case ns >= 1e6:
		return fmt.Sprintf("%.1fms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.1fµs", ns/1e3)
	}
	return fmt.Sprintf("%.0fns", ns)
}

// ratio prints client/raw of one unit with a ceiling.
func (s *summary) ratio(label, base, unit string, ceiling float64, show func(float64) string) {
	name := fmt.Sprintf("%s %s client/raw", label, unit)
	target := fmt.Sprintf("≤ %.2fx", ceiling)
	c, ok1 := s.value(base+"/client", unit)
	r, ok2 := s.value(base+"/raw", unit)
	if !ok1 || !ok2 || r == 0 {
		s.unavailable(name, target, true)
		return
	}
	_, rounds := s.res.get(base+"/client", unit)
	q := c / r
	s.line(name, fmt.Sprintf("%.3fx [client %s, raw %s; median of %d]", q, show(c), show(r), rounds), target, ptr(q <= ceiling))
}

// paired prints the time ratio of a timed-in-rotation benchmark (see
// rotatedTimes in the bench package): the median over rounds of each
// round's LEG/raw, both sides timed in alternation. leg is the metric
// prefix of the side compared with raw ("client", "list", "iter").
func (s *summary) paired(label, name, leg, target string, ceiling float64) {
	title := label + " time client/raw"
	q, ok1 := s.value(name, leg+"/raw")
	c, ok2 := s.value(name, leg+"-ns/call")
	r, ok3 := s.value(name, "raw-ns/call")
	if !ok1 || !ok2 || !ok3 {
		s.unavailable(title, target, true)
		return
	}
	_, rounds := s.res.get(name, leg+"/raw")
	s.line(title, fmt.Sprintf("%.3fx [client %s, raw %s per call; paired, median of %d]", q, dur(c), dur(r), rounds),
		target, ptr(q <= ceiling))
}

// heapRatio prints the ratio of two peak-heap benchmarks' medians (MiB),
// with each side's peak as a multiple of the body size alongside.
func (s *summary) heapRatio(name, client, raw string, ceiling float64) {
	target := fmt.Sprintf("≤ %.2fx", ceiling)
	c, ok1 := s.value(client, "peak-MiB")
	r, ok2 := s.value(raw, "peak-MiB")
	if !ok1 || !ok2 || r == 0 {
		s.unavailable(name, target, true)
		return
	}
	cb, _ := s.value(client, "peak/body")
	rb, _ := s.value(raw, "peak/body")
	_, rounds := s.res.get(client, "peak-MiB")
	q := c / r
	s.line(name, fmt.Sprintf("%.3fx [client %.1f MiB = %.2fx the body, raw %.1f MiB = %.2fx; median of %d]", q, c, cb, r, rb, rounds),
		target, ptr(q <= ceiling))
}

// pagedHeap prints the ratio of the medians over rounds of a ListIter
// walk's peak heap at 10,000 and at 1,000 employees (see
// BenchmarkPagedListHeap: the 1,000 side is ten walks, so both peaks are
// over the same number of pages), with both peaks, the live heap in the
// middle of a page at each total, and one page's body size.
func (s *summary) pagedHeap(name, bench string, ceiling float64) {
	target := fmt.Sprintf("≤ %.2fx", ceiling)
	big, ok1 := s.value(bench, "peak10000-KiB")
	small, ok2 := s.value(bench, "peak1000-KiB")
	liveBig, ok3 := s.value(bench, "live10000-KiB")
	liveSmall, ok4 := s.value(bench, "live1000-KiB")
	page, ok5 := s.value(bench, "page-KiB")
	if !ok1 || !ok2 || !ok3 || !ok4 || !ok5 || small == 0 {
		s.unavailable(name, target, true)
		return
	}
	_, rounds := s.res.get(bench, "peak10000-KiB")
	q := big / small
	s.line(name, fmt.Sprintf("%.3fx [peak 10,000: %s, 1,000: %s (ten walks, the same 100 pages' worth); live mid-page %s vs %s; one page's body %s; median of %d]",
		q, kib(big), kib(small), kib(liveBig), kib(liveSmall), kib(page), rounds), target, ptr(q <= ceiling))
}

// kib prints a size given in KiB, in MiB from 1 MiB up.
func kib(v float64) string {
	if v >= 1024 {
		return fmt.Sprintf("%.2f MiB", v/1024)
	}
	return fmt.Sprintf("%.0f KiB", v)
}

// delta is a signed difference of durations: "+5.2µs", "-4.3µs" (the
// client can be the faster side, and dur reads only magnitudes).
func delta(ns float64) string {
	if ns < 0 {
		return "-" + dur(-ns)
	}
	return "+" + dur(ns)
}

func count(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

func main() {
	var in io.Reader = os.Stdin
	if len(os.Args) > 1 {
		var readers []io.Reader
		for _, p := range os.Args[1:] {
			f, err := os.Open(p)
			if err != nil {
				fmt.Fprintln(os.Stderr, err)
				os.Exit(2)
			}
			defer f.Close()
			readers = append(readers, f)
		}
		in = io.MultiReader(readers...)
	}
	os.Exit(run(in, os.Stdout, os.Stderr))
}

// run prints the summary of the benchmark output in and returns the exit
// status.
func run(in io.Reader, out, errOut io.Writer) int {
	res, failures, err := parse(in)
	if err != nil {
		fmt.Fprintln(errOut, err)
		return 2
	}
	s := &summary{res: res, failures: failures, out: out}

	// 1. Per-call overhead: time from the paired benchmarks, allocations
	// from the separate ones.
	for _, c := range []struct{ label, suffix string }{
		{"GET /api/v1/me via Credentials.GetMe", "me"},
		{"GET /api/v1/employees (100) via Employees.List", "employees100"},
		{"GET /api/v1/employees (10,000) via Employees.List", "employees10000"},
	} {
		s.paired("call "+c.label, "BenchmarkCallPaired/"+c.suffix, "client", "≤ 1.10x", 1.10)
		s.ratio("call "+c.label, "BenchmarkCall/"+c.suffix, "allocs/op", 1.25, count)
	}
	for _, c := range []struct{ label, suffix string }{
		{"GET /api/v1/me via Credentials.GetMe", "me"},
		{"GET /api/v1/employees (100) via Employees.List", "employees100"},
	} {
		name := "client layer CPU per call without a network (in-memory transport), " + c.label
		q, ok1 := s.value("BenchmarkCallInMemory/"+c.suffix, "client/raw")
		cl, ok2 := s.value("BenchmarkCallInMemory/"+c.suffix, "client-ns/call")
		rw, ok3 := s.value("BenchmarkCallInMemory/"+c.suffix, "raw-ns/call")
		if !ok1 || !ok2 || !ok3 {
			s.unavailable(name, "none set", false)
			continue
		}
		s.line(name, fmt.Sprintf("%s, %.2fx [client %s, raw %s]", delta(cl-rw), q, dur(cl), dur(rw)), "none set", nil)
	}

	// 2. Refresh fan-in.
	if p50, ok := s.value("BenchmarkRefreshFanIn", "p50-µs"); ok && !s.failed("BenchmarkRefreshFanIn") {
		p99, _ := s.value("BenchmarkRefreshFanIn", "p99-µs")
		_, rounds := res.get("BenchmarkRefreshFanIn", "p50-µs")
		s.line("refresh fan-in, 1,000 goroutines on an expired token: token requests per fan-in",
			fmt.Sprintf("1, asserted in every iteration of %d rounds", rounds), "exactly 1", ptr(true))
		s.line("refresh fan-in wait p50", dur(p50*1e3), "none set", nil)
		s.line("refresh fan-in wait p99", dur(p99*1e3), "none set", nil)
	} else {
		s.unavailable("refresh fan-in, 1,000 goroutines on an expired token: token requests per fan-in", "exactly 1", true)
	}
	if p50, ok := s.value("BenchmarkRefreshFanInClient", "p50-µs"); ok && !s.failed("BenchmarkRefreshFanInClient") {
		p99, _ := s.value("BenchmarkRefreshFanInClient", "p99-µs")
		s.line("refresh fan-in through the client (1,000 calls get 401, one refresh, 1,000 retries; 32 connections): token requests",
			"1, asserted", "exactly 1", ptr(true))
		s.line("refresh fan-in through the client, call time p50 / p99", dur(p50*1e3)+" / "+dur(p99*1e3), "none set", nil)
	} else {
		s.unavailable("refresh fan-in through the client: token requests", "exactly 1", true)
	}

	// 3. Big lists: time from the rotation of raw, List and ListIter; peak
	// heap from one call of each per round.
	const big = "big list GET /api/v1/employees (50,000)"
	s.paired(big+" via Employees.List", "BenchmarkBigList", "list", "≤ 1.10x", 1.10)
	s.heapRatio(big+" via Employees.List peak heap client/raw", "BenchmarkBigListHeap/list", "BenchmarkBigListHeap/raw", 1.00)
	if pb, ok := s.value("BenchmarkBigListHeap/iter", "peak/body"); ok {
		mib, _ := s.value("BenchmarkBigListHeap/iter", "peak-MiB")
		body, _ := s.value("BenchmarkBigListHeap/iter", "body-MiB")
		_, rounds := res.get("BenchmarkBigListHeap/iter", "peak/body")
		s.line(big+" via Employees.ListIter (each element dropped) peak heap / body size",
			fmt.Sprintf("%.3fx [%.1f MiB for a %.1f MiB body; median of %d]", pb, mib, body, rounds), "≤ 0.25x", ptr(pb <= 0.25))
	} else {
		s.unavailable(big+" via Employees.ListIter (each element dropped) peak heap / body size", "≤ 0.25x", true)
	}
	s.paired(big+" via Employees.ListIter (each element dropped)", "BenchmarkBigList", "iter", "≤ 1.0x", 1.0)
	if pb, ok := s.value("BenchmarkBigListHeap/raw", "peak/body"); ok {
		mib, _ := s.value("BenchmarkBigListHeap/raw", "peak-MiB")
		s.line(big+" raw net/http+encoding/json peak heap / body size",
			fmt.Sprintf("%.2fx [%.0f MiB]", pb, mib), "none set: the baseline", nil)
	}

	// 4. Sandbox throughput.
	if rps, ok := s.value("BenchmarkSandbox", "req/s"); ok {
		_, rounds := res.get("BenchmarkSandbox", "req/s")
		s.line("sandbox throughput, full validation, concurrency 8, GET /api/v1/me + clock-in/out pairs over loopback",
			fmt.Sprintf("%.0f req/s [median of %d]", rps, rounds), "≥ 5000 req/s", ptr(rps >= 5000))
	} else {
		s.unavailable("sandbox throughput", "≥ 5000 req/s", true)
	}
	if rps, ok := s.value("BenchmarkSandboxLong", "req/s"); ok {
		s.line("sandbox throughput, same mix, requests 16,001-20,000 (about 4,000 shifts stored)",
			fmt.Sprintf("%.0f req/s", rps), "≥ 5000 req/s", ptr(rps >= 5000))
	}

	// 5. Validating transport.
	for _, c := range []struct{ label, base string }{
		{"GET /api/v1/me", "BenchmarkValidatingTransport/me"},
		{"GET /api/v1/employees (100)", "BenchmarkValidatingTransport/employees100"},
	} {
		v, ok1 := s.value(c.base+"/validated", "ns/op")
		p, ok2 := s.value(c.base+"/plain", "ns/op")
		name := "specvalidate.Transport cost, " + c.label
		if !ok1 || !ok2 {
			s.unavailable(name, "none set", false)
			continue
		}
		s.line(name, fmt.Sprintf("%s per request, %.2fx [validated %s, plain %s]", delta(v-p), v/p, dur(v), dur(p)), "none set", nil)
	}

	// 6. Paged lists of the dated API: a ListIter walk's time against the
	// raw page loop, and its peak heap at two totals.
	s.paired("iterating 10,000 employees (100 pages) via Employees.ListIter", "BenchmarkPagedList", "client", "≤ 1.10x", 1.10)
	s.pagedHeap("peak heap of ListIter, 10,000 vs 1,000 employees", "BenchmarkPagedListHeap", 1.25)

	fmt.Fprintf(out, "targets met: %d of %d (target %d of %d)\n", s.met, s.total, s.total, s.total)
	status := 0
	if len(failures) > 0 {
		for _, f := range failures {
			fmt.Fprintln(errOut, "benchsummary: failure in the benchmark output:", f)
		}
		status = 1
	}
	if len(s.missing) > 0 {
		fmt.Fprintln(errOut, "benchsummary: missing from the benchmark output:", strings.Join(s.missing, ", "))
		status = 1
	}
	return status
}
