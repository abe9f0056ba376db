package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
)

// An Allowlist marks differences as accepted, each by the number of a
// deviation listed in docs/dated-api.md.
//
// The file has one entry a line, six fields separated by blanks:
//
//	<deviation> <method> <path> <where> <name> <kind>
//
// deviation is the number in the deviations table; method is GET, POST...;
// path is the operation's path relative to /api/{version}/resources; where
// is operation, parameter, request or response; name is the parameter
// ("query:limit") or field ("data[].id"), "-" for the operation itself
// or a body that is not an object; kind is one of only-ours, only-theirs,
// type, format, nullable, items, enum, required. In every field but the
// deviation, "*" matches any run of characters ("/" and "." included) and
// a lone "*" matches anything. "#" starts a comment; blank lines are
// ignored.
type Allowlist struct {
	Entries []AllowEntry
}

// AllowEntry is one line of an allowlist.
type AllowEntry struct {
	Line      int
	Deviation int
	Text      string
	method    *regexp.Regexp
	path      *regexp.Regexp
	where     *regexp.Regexp
	name      *regexp.Regexp
	kind      *regexp.Regexp
	// Used counts the differences this entry accepted in the last Apply.
	Used int
}

// ErrAllowlist is wrapped by every error about an allowlist's content.
var ErrAllowlist = errors.New("allowlist")

// LoadAllowlist reads an allowlist file; known, when not nil, holds the
// deviation numbers an entry may cite.
func LoadAllowlist(path string, known map[int]bool) (*Allowlist, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("allowlist: %w", err)
	}
	defer f.Close()
	a, err := ParseAllowlist(f, known)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return a, nil
}

// ParseAllowlist reads allowlist entries; see Allowlist for the format.
func ParseAllowlist(r io.Reader, known map[int]bool) (*Allowlist, error) {
	a := &Allowlist{}
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		fields := strings.Fields(line)
		if len(fields) == 0 {
			continue
		}
		if len(fields) != 6 {
			return nil, fmt.Errorf("%w: line %d: want 6 fields (deviation method path where name kind), got %d", ErrAllowlist, n, len(fields))
		}
		dev, err := strconv.Atoi(fields[0])
		if err != nil || dev <= 0 {
			return nil, fmt.Errorf("%w: line %d: deviation %q is not a positive number", ErrAllowlist, n, fields[0])
		}
		if known != nil && !known[dev] {
			return nil, fmt.Errorf("%w: line %d: deviation %d is not in the deviations table", ErrAllowlist, n, dev)
		}
		if w := fields[3]; w != "*" && !isOneOf(w, WhereOperation, WhereParameter, WhereRequest, WhereResponse) {
			return nil, fmt.Errorf("%w: line %d: where %q is not operation, parameter, request or response", ErrAllowlist, n, w)
		}
		if k := fields[5]; !strings.Contains(k, "*") && !isOneOf(k, Kinds()...) {
			return nil, fmt.Errorf("%w: line %d: unknown kind %q", ErrAllowlist, n, k)
		}
		e := AllowEntry{Line: n, Deviation: dev, Text: strings.Join(fields, " ")}
		e.method = glob(strings.ToUpper(fields[1]))
		e.path = glob(fields[2])
		e.where = glob(fields[3])
		name := fields[4]
		if name == "-" {
			name = ""
		}
		e.name = glob(name)
		e.kind = glob(fields[5])
		a.Entries = append(a.Entries, e)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%w: %w", ErrAllowlist, err)
	}
	return a, nil
}

func isOneOf(s string, set ...string) bool {
	for _, x := range set {
		if s == x {
			return true
		}
	}
	return false
}

// glob compiles a pattern where "*" matches any run of characters.
func glob(p string) *regexp.Regexp {
	parts := strings.Split(p, "*")
	for i, s := range parts {
		parts[i] = regexp.QuoteMeta(s)
	}
	return regexp.MustCompile("^" + strings.Join(parts, ".*") + "$")
}

// Match returns the first entry that accepts d, or nil.
func (a *Allowlist) Match(d Difference) *AllowEntry {
	if a == nil {
		return nil
	}
	method, path, _ := strings.Cut(d.Operation, " ")
	for i := range a.Entries {
		e := &a.Entries[i]
		if e.method.MatchString(method) && e.path.MatchString(path) && e.where.MatchString(d.Where) &&
			e.name.MatchString(d.Name) && e.kind.MatchString(d.Kind) {
			return e
		}
	}
	return nil
}

// Apply sets Deviation on every difference an entry accepts and counts
// each entry's uses.
func (a *Allowlist) Apply(ds []Difference) {
	if a == nil {
		return
	}
	for i := range a.Entries {
		a.Entries[i].Used = 0
	}
	for i := range ds {
		if e := a.Match(ds[i]); e != nil {
			ds[i].Deviation = e.Deviation
			e.Used++
		}
	}
}

// deviationRow matches a row of the deviations table: "| 12 | ...".
var deviationRow = regexp.MustCompile(`^\|\s*(\d+)\s*\|`)

// LoadDeviationNumbers reads the numbers of the deviations table of a
// Markdown file such as docs/dated-api.md.
func LoadDeviationNumbers(path string) (map[int]bool, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("deviations: %w", err)
	}
	defer f.Close()
	known := map[int]bool{}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		if m := deviationRow.FindStringSubmatch(sc.Text()); m != nil {
			n, _ := strconv.Atoi(m[1])
			known[n] = true
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("deviations %s: %w", path, err)
	}
	if len(known) == 0 {
		return nil, fmt.Errorf("deviations %s: no numbered table row found", path)
	}
	return known, nil
}
