package main

import (
	"bytes"
	"strings"
	"testing"
)

const sample = `goos: linux
BenchmarkCallPaired/me-2         	    4755	    254762 ns/op	    134214 client-ns/call	         1.117 client/raw	    120209 raw-ns/call
BenchmarkCallPaired/me-2         	    4972	    246180 ns/op	    133740 client-ns/call	         1.05 client/raw	    112122 raw-ns/call
BenchmarkCallPaired/me-2         	    5570	    224839 ns/op	    117281 client-ns/call	         1.093 client/raw	    107283 raw-ns/call
BenchmarkCall/me/raw-2         	   12349	     95591 ns/op	    5427 B/op	      70 allocs/op
BenchmarkCall/me/client-2      	   10000	    119378 ns/op	    7732 B/op	      94 allocs/op
BenchmarkCallInMemory/employees100-2         	     181	   3398654 ns/op	   1693042 client-ns/call	         0.9917 client/raw	   1707248 raw-ns/call
BenchmarkSandbox-2   	       1	1385164745 ns/op	      6891 req/s
BenchmarkBigList-2   	       3	3450651827 ns/op	1041462742 iter-ns/call	         0.8263 iter/raw	1148774986 list-ns/call	         0.9114 list/raw	1260410165 raw-ns/call
BenchmarkBigListHeap/raw-2         	       1	2583878803 ns/op	        49.18 body-MiB	       130.8 peak-MiB	         2.659 peak/body
BenchmarkBigListHeap/list-2        	       1	1600695873 ns/op	        49.18 body-MiB	       131.0 peak-MiB	         2.663 peak/body
BenchmarkBigListHeap/iter-2        	       1	1708338298 ns/op	        49.18 body-MiB	         1.827 peak-MiB	         0.03715 peak/body
BenchmarkRefreshFanIn-2         	       5	   6398730 ns/op	      1000 goroutines	      2286 p50-µs	      8606 p99-µs
BenchmarkPagedList-2   	       4	 609767634 ns/op	 293481406 client-ns/call	         0.9279 client/raw	 316285083 raw-ns/call
BenchmarkPagedListHeap-2   	       4	1849891968 ns/op	         1.059 10000/1000	       172.6 live1000-KiB	       172.9 live10000-KiB	       149.6 page-KiB	      2154 peak1000-KiB	      2281 peak10000-KiB
PASS
`

func TestSummary(t *testing.T) {
	var out, errOut bytes.Buffer
	status := run(strings.NewReader(sample), &out, &errOut)
	got := out.String()
	for _, want := range []string{
		"call GET /api/v1/me via Credentials.GetMe time client/raw: 1.093x [client 133.7µs, raw 112.1µs per call; paired, median of 3] (target ≤ 1.10x)\n",
		"call GET /api/v1/me via Credentials.GetMe allocs/op client/raw: 1.343x [client 94, raw 70; median of 1] (target ≤ 1.25x)\n",
		"big list GET /api/v1/employees (50,000) via Employees.List time client/raw: 0.911x [client 1.15s, raw 1.26s per call; paired, median of 1] (target ≤ 1.10x)\n",
		"big list GET /api/v1/employees (50,000) via Employees.List peak heap client/raw: 1.002x [client 131.0 MiB = 2.66x the body, raw 130.8 MiB = 2.66x; median of 1] (target ≤ 1.00x)\n",
		"big list GET /api/v1/employees (50,000) via Employees.ListIter (each element dropped) peak heap / body size: 0.037x [1.8 MiB for a 49.2 MiB body; median of 1] (target ≤ 0.25x)\n",
		"big list GET /api/v1/employees (50,000) via Employees.ListIter (each element dropped) time client/raw: 0.826x [client 1.04s, raw 1.26s per call; paired, median of 1] (target ≤ 1.0x)\n",
		"sandbox throughput, full validation, concurrency 8, GET /api/v1/me + clock-in/out pairs over loopback: 6891 req/s [median of 1] (target ≥ 5000 req/s)\n",
		"refresh fan-in wait p50: 2.3ms (target none set)\n",
		"client layer CPU per call without a network (in-memory transport), GET /api/v1/employees (100) via Employees.List: -14.2µs, 0.99x [client 1.7ms, raw 1.7ms] (target none set)\n",
		"call GET /api/v1/employees (100) via Employees.List time client/raw: unavailable, benchmark missing or failed (target ≤ 1.10x)\n",
		"iterating 10,000 employees (100 pages) via Employees.ListIter time client/raw: 0.928x [client 293.5ms, raw 316.3ms per call; paired, median of 1] (target ≤ 1.10x)\n",
		"peak heap of ListIter, 10,000 vs 1,000 employees: 1.059x [peak 10,000: 2.23 MiB, 1,000: 2.10 MiB (ten walks, the same 100 pages' worth); live mid-page 173 KiB vs 173 KiB; one page's body 150 KiB; median of 1] (target ≤ 1.25x)\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing line %q in:\n%s", want, got)
		}
	}
	// Met: GetMe time, the fan-in, List time, ListIter heap and time, the
	// sandbox, the paged walk's time and heap; the heap ratio a hair above
	// 1 is a miss.
	if !strings.Contains(got, "targets met: 8 of 15 (target 15 of 15)\n") {
		t.Errorf("wrong count of targets met in:\n%s", got)
	}
	for _, line := range strings.Split(strings.TrimSpace(got), "\n") {
		if !strings.Contains(line, ": ") || !strings.HasSuffix(line, ")") || !strings.Contains(line, " (target ") {
			t.Errorf("line not in the form NAME: VALUE (target TARGET): %q", line)
		}
	}
	if status != 1 || !strings.Contains(errOut.String(), "missing") {
		t.Errorf("status %d, stderr %q: want 1 for missing figures", status, errOut.String())
	}

	out.Reset()
	errOut.Reset()
	failed := strings.Replace(sample, "PASS", "--- FAIL: BenchmarkRefreshFanIn\n    refresh_test.go:99: 1000 goroutines caused 2 refresh requests, want exactly 1\nFAIL", 1)
	if status := run(strings.NewReader(failed), &out, &errOut); status != 1 {
		t.Errorf("status %d after a failed benchmark", status)
	}
	if !strings.Contains(out.String(), "token requests per fan-in: unavailable") {
		t.Errorf("a failed fan-in still reads as met:\n%s", out.String())
	}
}
