package bench

import (
	"context"
	"encoding/base64"
	"fmt"
	"net/http"
	"net/url"
	"runtime"
	"runtime/metrics"
	"strconv"
	"testing"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/resources"
)

// Figure 6: paginated lists of the dated API. The canned child serves
// GET /api/2026-07-01/resources/employees/employees in pages of 100
// employees of the dated shape, with opaque cursors in meta, on one
// listener per total (pagedTotals). The client walks them with
// Employees.ListIter; the raw baseline is the hand-written loop
// an SDK-less caller writes (rawPagedEmployees).

// datedEmployeesPath is the list's path under the base URL for the
// client's default API version.
const datedEmployeesPath = "/api/2026-07-01/resources/employees/employees"

// pageLimit is the page size both sides ask for: the API's maximum.
const pageLimit = 100

// Totals of the paged lists served, one listener each: 10,000 for the
// time figure, 10,000 against 1,000 for the peak heap figure.
var pagedTotals = []int{1_000, 10_000}

// datedCursor is the opaque cursor the canned server gives for the record
// with this id: base64 with padding, so both sides must query-escape it
// ('=' becomes %3D), as with a real relay-style cursor.
func datedCursor(id int) string {
	return base64.StdEncoding.EncodeToString([]byte("employees/employee:" + strconv.Itoa(id)))
}

// employeePagesJSON returns the bodies of the n-employee list in pages of
// pageLimit, in order, and the cursor that asks for each page after the
// first (the previous page's end_cursor). Employee ids run from 1001, as
// in the v1 fixture.
func employeePagesJSON(n int) (pages [][]byte, after map[string]int) {
	after = map[string]int{}
	for start := 0; start < n; start += pageLimit {
		end := min(start+pageLimit, n)
		b := make([]byte, 0, (end-start)*1600+256)
		b = append(b, `{"data":[`...)
		for i := start; i < end; i++ {
			if i > start {
				b = append(b, ',')
			}
			b = appendDatedEmployee(b, i)
		}
		b = append(b, `],"meta":{"has_next_page":`...)
		b = strconv.AppendBool(b, end < n)
		b = append(b, `,"has_previous_page":`...)
		b = strconv.AppendBool(b, start > 0)
		b = append(b, `,"limit":`...)
		b = strconv.AppendInt(b, pageLimit, 10)
		b = append(b, `,"total":`...)
		b = strconv.AppendInt(b, int64(n), 10)
		b = append(b, `,"start_cursor":"`...)
		b = append(b, datedCursor(1001+start)...)
		b = append(b, `","end_cursor":"`...)
		b = append(b, datedCursor(1000+end)...)
		b = append(b, `"}}`...)
		if end < n {
			after[datedCursor(1000+end)] = len(pages) + 1
		}
		pages = append(pages, b)
	}
	return pages, after
}

// appendDatedEmployee appends employee i in the dated API's shape (the
// Employee schema of openapi-resources.yaml): every property present, ids
// as strings, nulls where a real company has gaps (no preferred name or
// pronouns, no second address line, no termination), accented names, an
// IBAN, RFC 3339 timestamps with the offset Factorial sends; about 1.5 KiB.
// Deterministic, like appendEmployee.
func appendDatedEmployee(b []byte, i int) []byte {
	id := 1001 + i
	first := firstNames[i%len(firstNames)]
	last := lastNames[(i/len(firstNames))%len(lastNames)]
	c := cities[i%len(cities)]
	key := func(k string) { b = append(append(append(b, '"'), k...), `":`...) }
	str := func(k string, parts ...string) {
		key(k)
		b = append(b, '"')
		for _, p := range parts {
			b = append(b, p...) // fixture text needs no escaping
		}
		b = append(b, `",`...)
	}
	null := func(k string) { key(k); b = append(b, "null,"...) }
	num := func(k string, v int) { key(k); b = append(strconv.AppendInt(b, int64(v), 10), ',') }
	boolean := func(k string, v bool) { key(k); b = append(strconv.AppendBool(b, v), ',') }
	pad := func(v, width int) string {
		s := strconv.Itoa(v)
		for len(s) < width {
			s = "0" + s
		}
		return s
	}
	date := func(k string, y, m, d int) { str(k, pad(y, 4), "-", pad(m, 2), "-", pad(d, 2)) }
	ids := strconv.Itoa(id)
	email := first + "." + last + "." + ids + "@example.com"
	terminated := i%17 == 0

	b = append(b, '{')
	str("id", ids)
	str("access_id", strconv.Itoa(2001+i))
	str("company_id", "45012")
	str("legal_entity_id", strconv.Itoa(51+i%2))
	str("location_id", strconv.Itoa(71+i%6))
	if i%3 == 0 {
		str("default_work_area_id", strconv.Itoa(301+i%6))
	} else {
		null("default_work_area_id")
	}
	if i == 0 {
		null("manager_id")
		null("timeoff_manager_id")
	} else {
		str("manager_id", strconv.Itoa(1001+i/10))
		str("timeoff_manager_id", strconv.Itoa(1001+i/10))
	}
	str("first_name", first)
	str("last_name", last)
	str("full_name", first, " ", last)
	if i%7 == 0 {
		str("preferred_name", first)
	} else {
		null("preferred_name")
	}
	null("birth_name")
	null("pronouns")
	switch i % 3 {
	case 0:
		str("gender", "female")
	case 1:
		str("gender", "male")
	default:
		null("gender")
	}
	date("birthday_on", 1960+i%40, 1+i%12, 1+i%28)
	num("age_number", 66-i%40)
	str("country_of_birth", "es")
	str("birthplace", c.city)
	str("nationality", "es")
	str("identifier", pad(10000000+i*37%90000000, 8), "Z")
	str("identifier_type", "dni")
	date("identifier_expiration_date", 2027+i%8, 1+i%12, 1+i%28)
	str("social_security_number", "08/", pad(i, 8), "/", pad(i%100, 2))
	str("email", email)
	str("login_email", email)
	if i%2 == 0 {
		str("personal_email", first, ".", last, ".", ids, "@correo.example.es")
	} else {
		null("personal_email")
	}
	str("communications_email", email)
	null("unconfirmed_communications_email")
	str("phone_number", "+34 6", pad(i%100, 2), " ", pad(i%1000, 3), " ", pad((i*3)%1000, 3))
	str("address_line_1", streets[i%len(streets)], " ", strconv.Itoa(1+i%400), ", ", strconv.Itoa(1+i%8), "º ", strconv.Itoa(1+i%4), "ª")
	if i%4 == 0 {
		str("address_line_2", "Escalera B")
	} else {
		null("address_line_2")
	}
	str("postal_code", c.postal)
	str("city", c.city)
	str("state", c.state)
	str("country", "es")
	str("bank_number", "ES91 2100 0418 45", pad(i%100, 2), " ", pad(i%10000, 4), " ", pad((i*7)%10000, 4))
	str("swift_bic", "CAIXESBBXXX")
	str("bank_number_format", "iban")
	if i%5 == 0 {
		null("contact_name")
		null("contact_number")
	} else {
		str("contact_name", firstNames[(i+3)%len(firstNames)], " ", last)
		str("contact_number", "+34 6", pad((i+7)%100, 2), " ", pad((i*11)%1000, 3), " ", pad((i*13)%1000, 3))
	}
	str("company_identifier", "EMP-", pad(id, 5))
	date("seniority_calculation_date", 2015+i%9, 1+i%12, 1+i%28)
	if i%50 == 0 {
		num("disability_percentage_cents", 3300)
	} else {
		null("disability_percentage_cents")
	}
	boolean("active", !terminated)
	boolean("attendable", true)
	boolean("is_terminating", false)
	if terminated {
		date("terminated_on", 2025, 1+i%12, 1+i%28)
		str("termination_reason_type", "voluntary")
		str("termination_reason", "Personal reasons")
		str("termination_type_description", "Voluntary resignation")
	} else {
		null("terminated_on")
		null("termination_reason_type")
		null("termination_reason")
		null("termination_type_description")
	}
	null("termination_observations")
	str("created_at", pad(2015+i%9, 4), "-", pad(1+i%12, 2), "-", pad(1+i%28, 2), "T09:", pad(i%60, 2), ":", pad((i*7)%60, 2), ".000+01:00")
	key("updated_at")
	b = append(b, `"2026-03-`...)
	b = append(b, pad(1+i%28, 2)...)
	b = append(b, "T16:"...)
	b = append(b, pad((i*3)%60, 2)...)
	b = append(b, ':')
	b = append(b, pad((i*11)%60, 2)...)
	b = append(b, `.000+01:00"}`...)
	return b
}

// pagedHandler serves the pages of one total: no after_id is the first
// page, a known end_cursor the page after it. limit must be pageLimit, as
// both sides send it; anything else is a 400 so a mistake cannot pass for
// a fast walk.
func pagedHandler(pages [][]byte, after map[string]int) http.HandlerFunc {
	lengths := make([]string, len(pages))
	for k, p := range pages {
		lengths[k] = strconv.Itoa(len(p))
	}
	return func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h["Content-Type"] = []string{"application/json; charset=utf-8"}
		if r.Header.Get("X-Api-Key") != apiKey {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		q := r.URL.Query()
		k := 0
		if a := q.Get("after_id"); a != "" {
			var ok bool
			if k, ok = after[a]; !ok {
				w.WriteHeader(http.StatusBadRequest)
				_, _ = fmt.Fprintf(w, `{"errors":{"errors":["unknown after_id %q"]}}`, a)
				return
			}
		}
		if q.Get("limit") != strconv.Itoa(pageLimit) {
			w.WriteHeader(http.StatusBadRequest)
			_, _ = w.Write([]byte(`{"errors":{"errors":["limit must be 100 here"]}}`))
			return
		}
		h["Content-Length"] = []string{lengths[k]}
		h["X-Request-Id"] = []string{"4f1c2b9e-bench"}
		_, _ = w.Write(pages[k])
	}
}

// checkDated is what both sides check of every employee they walk: k-th
// in order (ids from 1001) and decoded to its last property.
func checkDated(e *resources.Employee, k int) error {
	if id, err := strconv.Atoi(e.ID); err != nil || id != 1001+k {
		return fmt.Errorf("element %d has id %q", k, e.ID)
	}
	if e.UpdatedAt == nil {
		return fmt.Errorf("element %d has no updated_at", k)
	}
	return nil
}

// rawPagedEmployees is the raw baseline of a paged walk, as a caller
// without the SDK writes it: GET a page with rawGet (io.ReadAll and
// json.Unmarshal into a fresh resources.EmployeePage), look at each
// element, and follow meta.end_cursor in after_id until has_next_page is
// false. One page is in memory at a time, as with ListIter.
func rawPagedEmployees(ctx context.Context, hc *http.Client, base string, n int) error {
	first := base + datedEmployeesPath + "?limit=" + strconv.Itoa(pageLimit)
	next := first
	count := 0
	for {
		var page resources.EmployeePage
		if err := rawGet(ctx, hc, next, &page); err != nil {
			return err
		}
		for _, e := range page.Data {
			if err := checkDated(&e, count); err != nil {
				return err
			}
			count++
		}
		if !page.Meta.HasNextPage {
			break
		}
		if page.Meta.EndCursor == nil {
			return fmt.Errorf("page ending at %d has a next page but no end_cursor", count)
		}
		next = first + "&after_id=" + url.QueryEscape(*page.Meta.EndCursor)
	}
	if count != n {
		return fmt.Errorf("raw: got %d employees", count)
	}
	return nil
}

// iterPagedEmployees walks the list through Employees.ListIter
// with pages of pageLimit, checking each element as the raw loop does and
// dropping it.
func iterPagedEmployees(ctx context.Context, c *factorial.Client, n int) error {
	count := 0
	for e, err := range c.Employees.ListIter(ctx, &resources.ListEmployeesParams{Limit: factorial.Ptr(pageLimit)}) {
		if err != nil {
			return err
		}
		if err := checkDated(&e, count); err != nil {
			return err
		}
		count++
	}
	if count != n {
		return fmt.Errorf("ListIter: got %d employees", count)
	}
	return nil
}

// BenchmarkPagedList is figure 6's time: walking 10,000 employees (100
// pages) with the raw loop and with ListIter, timed in rotation (see
// rotatedTimes) after one warm-up walk of each. Run it with an even
// number of iterations so each side goes first equally often.
func BenchmarkPagedList(b *testing.B) {
	srv := cannedServer(b)
	ctx := context.Background()
	const n = 10_000
	base := srv.pagedURLs[n]
	hc, c := rawClient(), newClient(b, base)
	pairedLoop(b,
		func() error { return rawPagedEmployees(ctx, hc, base, n) },
		func() error { return iterPagedEmployees(ctx, c, n) })
}

// BenchmarkPagedListHeap is figure 6's memory: whether what a ListIter
// walk holds depends on the list's total. Each iteration measures, with
// peakHeap, one walk of 10,000 employees (100 pages) and ten walks of
// 1,000 (10 pages each) in one call, alternating which goes first.
//
// Why ten walks of 1,000 rather than one: peakHeap's reading is the
// highest sample over the call, and at a low GOGC the garbage a walk
// leaves between collections swings from page to page (more under load,
// when the collector's mark phase lags the allocations). A walk over more
// pages samples more of those swings, so its highest reading is higher
// even when what it keeps live is the same; one walk of 10 pages against
// one of 100 shows the length of the walk, not its total. Ten walks of
// 1,000 go through the same 100 pages' worth of requests, decoding and
// collections as one walk of 10,000, so the ratio of their peaks isolates
// the total.
//
// Also reported, also alternating: the heap live at a forced collection
// in the middle of a page (liveMidPage), the largest over 10 pages of one
// walk of each total: what one page of the walk holds, without garbage.
// And the size of one page's body, for scale. Values in KiB, medians over
// the iterations.
func BenchmarkPagedListHeap(b *testing.B) {
	srv := cannedServer(b)
	ctx := context.Background()
	const big, small = 10_000, 1_000
	cBig, cSmall := newClient(b, srv.pagedURLs[big]), newClient(b, srv.pagedURLs[small])
	walks := []func() error{
		func() error { return iterPagedEmployees(ctx, cBig, big) },
		func() error {
			for range big / small {
				if err := iterPagedEmployees(ctx, cSmall, small); err != nil {
					return err
				}
			}
			return nil
		},
	}
	for _, w := range walks { // warm the connections
		if err := w(); err != nil {
			b.Fatal(err)
		}
	}
	lives := []func() (uint64, error){
		func() (uint64, error) { return liveMidPage(ctx, cBig, big, 10) },
		func() (uint64, error) { return liveMidPage(ctx, cSmall, small, 1) },
	}
	var peaks, live [2][]float64
	i := 0
	for b.Loop() {
		for k := range walks {
			j := (i + k) % len(walks)
			peak, err := peakHeap(walks[j])
			if err != nil {
				b.Fatal(err)
			}
			peaks[j] = append(peaks[j], float64(peak))
		}
		for k := range lives {
			j := (i + k) % len(lives)
			l, err := lives[j]()
			if err != nil {
				b.Fatal(err)
			}
			live[j] = append(live[j], float64(l))
		}
		i++
	}
	pBig, pSmall := median(peaks[0]), median(peaks[1])
	b.ReportMetric(pBig/1024, "peak10000-KiB")
	b.ReportMetric(pSmall/1024, "peak1000-KiB")
	b.ReportMetric(pBig/pSmall, "10000/1000")
	b.ReportMetric(median(live[0])/1024, "live10000-KiB")
	b.ReportMetric(median(live[1])/1024, "live1000-KiB")
	b.ReportMetric(float64(srv.pageSizes[big])/1024, "page-KiB")
}

// liveMidPage walks the n-employee list with ListIter and, at the 51st
// element of every stride-th page, forces a collection and reads
// heapMetric: right after runtime.GC (which returns once sweeping is
// done) that is the live heap. It returns the largest reading above the
// live heap before the walk. What the walk needs at that point is the
// page being yielded (decoded) and the iterator's state; the page's body
// is already garbage, so this is a floor for the peak, not the peak.
func liveMidPage(ctx context.Context, c *factorial.Client, n, stride int) (uint64, error) {
	sample := []metrics.Sample{{Name: heapMetric}}
	read := func() uint64 {
		metrics.Read(sample)
		return sample[0].Value.Uint64()
	}
	runtime.GC()
	runtime.GC()
	base := read()
	var most uint64
	count := 0
	for e, err := range c.Employees.ListIter(ctx, &resources.ListEmployeesParams{Limit: factorial.Ptr(pageLimit)}) {
		if err != nil {
			return 0, err
		}
		if err := checkDated(&e, count); err != nil {
			return 0, err
		}
		if count%pageLimit == pageLimit/2 && (count/pageLimit)%stride == 0 {
			runtime.GC()
			most = max(most, read())
		}
		count++
	}
	if count != n {
		return 0, fmt.Errorf("ListIter: got %d employees", count)
	}
	if most < base {
		return 0, nil
	}
	return most - base, nil
}
