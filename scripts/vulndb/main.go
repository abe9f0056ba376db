// Command vulndb converts the data/osv directory of a golang.org/x/vulndb
// module snapshot into the v1 database layout that govulncheck reads from a
// local "-db file:///abs/dir" source (https://go.dev/security/vuln/database):
//
//	<out>/index/db.json       {"modified":"<RFC3339 UTC>"}
//	<out>/index/modules.json  [{"path":..., "vulns":[{"id":..., "modified":..., "fixed":...}]}]
//	<out>/index/vulns.json    [{"id":..., "modified":..., "aliases":[...]}]
//	<out>/ID/<id>.json        one OSV entry per file
//
// govulncheck v1.9.0 (internal/client) reads a file:// source as plain,
// uncompressed <endpoint>.json files and recognises the v1 layout by the
// presence of index/modules.json, so no .gz copies are written. The index
// contents mirror golang.org/x/vulndb/internal/database: modules and vulns
// sorted by path/ID, times as RFC3339 in UTC, and "fixed" the latest
// non-superseded SEMVER fix without a "v" prefix (omitted when none).
//
// The OSV files committed to x/vulndb carry a zero "modified" time (the
// published database derives it from git commit dates, which a module zip
// does not have). A zero modified time is replaced by the latest of the
// entry's published and withdrawn times (or -snapshot-time if both are
// zero), in both the index and the ID/ file. index/db.json gets the latest
// entry time, or -snapshot-time if that is later.
//
// Usage:
//
//	go run ./scripts/vulndb -osv <vulndb>/data/osv -out <new dir> [-snapshot-time RFC3339]
//
// Standard library only, so it builds inside any module.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"
)

func main() {
	osvDir := flag.String("osv", "", "directory of OSV entries named <ID>.json (e.g. <vulndb module>/data/osv)")
	outDir := flag.String("out", "", "output directory; must not exist or be empty")
	snapshot := flag.String("snapshot-time", "", "RFC3339 time of the vulndb snapshot (e.g. the module's commit time)")
	flag.Parse()
	if *osvDir == "" || *outDir == "" || flag.NArg() != 0 {
		fmt.Fprintln(os.Stderr, "usage: vulndb -osv DIR -out DIR [-snapshot-time RFC3339]")
		os.Exit(2)
	}
	var snap time.Time
	if *snapshot != "" {
		t, err := time.Parse(time.RFC3339, *snapshot)
		if err != nil {
			fatalf("-snapshot-time: %v", err)
		}
		snap = t.UTC()
	}
	st, err := build(*osvDir, *outDir, snap)
	if err != nil {
		fatalf("%v", err)
	}
	fmt.Printf("vulndb: wrote %d entries (%d modules) to %s\n", st.entries, st.modules, *outDir)
}

func fatalf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "vulndb: "+format+"\n", args...)
	os.Exit(1)
}

// rfc3339 marshals like x/vulndb's osv.Time: RFC3339, UTC, second precision.
type rfc3339 time.Time

func (t rfc3339) MarshalJSON() ([]byte, error) {
	return json.Marshal(time.Time(t).UTC().Format(time.RFC3339))
}

// entry holds the OSV fields the index needs; the file itself is copied
// through a map so no field is lost.
type entry struct {
	ID        string     `json:"id"`
	Modified  time.Time  `json:"modified"`
	Published time.Time  `json:"published"`
	Withdrawn *time.Time `json:"withdrawn"`
	Aliases   []string   `json:"aliases"`
	Affected  []struct {
		Package struct {
			Name string `json:"name"`
		} `json:"package"`
		Ranges []osvRange `json:"ranges"`
	} `json:"affected"`
}

type osvRange struct {
	Type   string `json:"type"`
	Events []struct {
		Introduced string `json:"introduced"`
		Fixed      string `json:"fixed"`
	} `json:"events"`
}

type dbMeta struct {
	Modified rfc3339 `json:"modified"`
}

type moduleMeta struct {
	Path  string       `json:"path"`
	Vulns []moduleVuln `json:"vulns"`
}

type moduleVuln struct {
	ID       string  `json:"id"`
	Modified rfc3339 `json:"modified"`
	Fixed    string  `json:"fixed,omitempty"`
}

type vulnMeta struct {
	ID       string   `json:"id"`
	Modified rfc3339  `json:"modified"`
	Aliases  []string `json:"aliases,omitempty"`
}

type stats struct{ entries, modules int }

func build(osvDir, outDir string, snapshot time.Time) (stats, error) {
	files, err := os.ReadDir(osvDir)
	if err != nil {
		return stats{}, err
	}
	if existing, err := os.ReadDir(outDir); err == nil && len(existing) > 0 {
		return stats{}, fmt.Errorf("%s is not empty", outDir)
	}
	idDir := filepath.Join(outDir, "ID")
	indexDir := filepath.Join(outDir, "index")
	for _, d := range []string{idDir, indexDir} {
		if err := os.MkdirAll(d, 0o755); err != nil {
			return stats{}, err
		}
	}

	var dbModified time.Time
	modules := map[string]*moduleMeta{}
	var vulns []vulnMeta
	seen := map[string]bool{}
	for _, f := range files {
		name := f.Name()
		if f.IsDir() || filepath.Ext(name) != ".json" {
			continue
		}
		raw, err := os.ReadFile(filepath.Join(osvDir, name))
		if err != nil {
			return stats{}, err
		}
		var e entry
		if err := json.Unmarshal(raw, &e); err != nil {
			return stats{}, fmt.Errorf("%s: %v", name, err)
		}
		if e.ID == "" || name != e.ID+".json" {
			return stats{}, fmt.Errorf("%s: OSV entries must be named <id>.json (id %q)", name, e.ID)
		}
		if seen[e.ID] {
			return stats{}, fmt.Errorf("%s: duplicate id", name)
		}
		seen[e.ID] = true

		modified := e.Modified.UTC()
		if modified.IsZero() {
			modified = e.Published.UTC()
			if e.Withdrawn != nil && e.Withdrawn.After(modified) {
				modified = e.Withdrawn.UTC()
			}
			if modified.IsZero() {
				modified = snapshot
			}
		}
		if modified.After(dbModified) {
			dbModified = modified
		}

		for _, a := range e.Affected {
			path := a.Package.Name
			if path == "" {
				return stats{}, fmt.Errorf("%s: affected entry without package name", name)
			}
			m := modules[path]
			if m == nil {
				m = &moduleMeta{Path: path, Vulns: []moduleVuln{}}
				modules[path] = m
			}
			m.Vulns = append(m.Vulns, moduleVuln{ID: e.ID, Modified: rfc3339(modified), Fixed: latestFixed(a.Ranges)})
		}
		vulns = append(vulns, vulnMeta{ID: e.ID, Modified: rfc3339(modified), Aliases: e.Aliases})

		// Re-encode the entry with the effective modified time; every other
		// field is passed through unchanged.
		var fields map[string]json.RawMessage
		if err := json.Unmarshal(raw, &fields); err != nil {
			return stats{}, fmt.Errorf("%s: %v", name, err)
		}
		mod, err := json.Marshal(rfc3339(modified))
		if err != nil {
			return stats{}, err
		}
		fields["modified"] = mod
		out, err := json.Marshal(fields)
		if err != nil {
			return stats{}, fmt.Errorf("%s: %v", name, err)
		}
		if err := os.WriteFile(filepath.Join(idDir, name), out, 0o644); err != nil {
			return stats{}, err
		}
	}
	if len(vulns) == 0 {
		return stats{}, fmt.Errorf("no OSV entries (*.json) in %s", osvDir)
	}
	if snapshot.After(dbModified) {
		dbModified = snapshot
	}

	mods := make([]*moduleMeta, 0, len(modules))
	for _, m := range modules {
		sort.SliceStable(m.Vulns, func(i, j int) bool { return m.Vulns[i].ID < m.Vulns[j].ID })
		mods = append(mods, m)
	}
	sort.Slice(mods, func(i, j int) bool { return mods[i].Path < mods[j].Path })
	sort.Slice(vulns, func(i, j int) bool { return vulns[i].ID < vulns[j].ID })

	// modules.json last: govulncheck treats its presence as "v1 layout".
	for _, w := range []struct {
		name string
		v    any
	}{
		{"db.json", dbMeta{Modified: rfc3339(dbModified)}},
		{"vulns.json", vulns},
		{"modules.json", mods},
	} {
		b, err := json.Marshal(w.v)
		if err != nil {
			return stats{}, err
		}
		if err := os.WriteFile(filepath.Join(indexDir, w.name), b, 0o644); err != nil {
			return stats{}, err
		}
	}
	return stats{entries: len(vulns), modules: len(mods)}, nil
}

// latestFixed mirrors NonSupersededFix in govulncheck's internal/semver (and
// LatestFixed in x/vulndb's internal/osvutils): the highest SEMVER fixed
// version, or "" if the vulnerability was re-introduced after it.
func latestFixed(ranges []osvRange) string {
	var latest string
	for _, r := range ranges {
		if r.Type != "SEMVER" {
			continue
		}
		for _, e := range r.Events {
			if e.Fixed != "" && less(latest, e.Fixed) {
				latest = e.Fixed
			}
		}
		for _, e := range r.Events {
			if e.Introduced != "" && e.Introduced != "0" && less(latest, e.Introduced) {
				latest = ""
				break
			}
		}
	}
	return latest
}

// less reports v1 < v2 the way govulncheck's internal/semver.Less does:
// strip a "v" or "go" prefix, add "v", then compare as golang.org/x/mod/semver
// (invalid versions sort before valid ones and equal each other).
func less(v1, v2 string) bool {
	return compare(canonicalPrefix(v1), canonicalPrefix(v2)) < 0
}

func canonicalPrefix(s string) string {
	s = strings.TrimPrefix(s, "v")
	s = strings.TrimPrefix(s, "go")
	return "v" + s
}

type version struct {
	major, minor, patch string
	prerelease          string
}

func compare(v, w string) int {
	pv, okv := parse(v)
	pw, okw := parse(w)
	switch {
	case !okv && !okw:
		return 0
	case !okv:
		return -1
	case !okw:
		return 1
	}
	if c := compareInt(pv.major, pw.major); c != 0 {
		return c
	}
	if c := compareInt(pv.minor, pw.minor); c != 0 {
		return c
	}
	if c := compareInt(pv.patch, pw.patch); c != 0 {
		return c
	}
	return comparePrerelease(pv.prerelease, pw.prerelease)
}

// parse accepts the syntax golang.org/x/mod/semver accepts: vMAJOR[.MINOR[.PATCH[-PRERELEASE][+BUILD]]].
func parse(v string) (p version, ok bool) {
	if !strings.HasPrefix(v, "v") {
		return p, false
	}
	v = v[1:]
	if p.major, v, ok = parseInt(v); !ok {
		return p, false
	}
	if v == "" {
		p.minor, p.patch = "0", "0"
		return p, true
	}
	if v[0] != '.' {
		return p, false
	}
	if p.minor, v, ok = parseInt(v[1:]); !ok {
		return p, false
	}
	if v == "" {
		p.patch = "0"
		return p, true
	}
	if v[0] != '.' {
		return p, false
	}
	if p.patch, v, ok = parseInt(v[1:]); !ok {
		return p, false
	}
	if strings.HasPrefix(v, "-") {
		end := strings.IndexByte(v, '+')
		if end < 0 {
			end = len(v)
		}
		p.prerelease = v[:end]
		if !validIdents(p.prerelease[1:], true) {
			return p, false
		}
		v = v[end:]
	}
	if strings.HasPrefix(v, "+") {
		if !validIdents(v[1:], false) {
			return p, false
		}
		v = ""
	}
	return p, v == ""
}

func parseInt(v string) (n, rest string, ok bool) {
	i := 0
	for i < len(v) && '0' <= v[i] && v[i] <= '9' {
		i++
	}
	if i == 0 || (v[0] == '0' && i != 1) {
		return "", "", false
	}
	return v[:i], v[i:], true
}

func validIdents(s string, prerelease bool) bool {
	for _, id := range strings.Split(s, ".") {
		if id == "" {
			return false
		}
		for i := 0; i < len(id); i++ {
			c := id[i]
			if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-') {
				return false
			}
		}
		if prerelease && isNum(id) && id[0] == '0' && len(id) > 1 {
			return false
		}
	}
	return true
}

func isNum(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func compareInt(x, y string) int {
	switch {
	case len(x) != len(y):
		if len(x) < len(y) {
			return -1
		}
		return 1
	case x < y:
		return -1
	case x > y:
		return 1
	}
	return 0
}

// comparePrerelease compares "-a.b" strings per semver 2.0.0; a version
// without a prerelease sorts after one with a prerelease.
func comparePrerelease(x, y string) int {
	if x == y {
		return 0
	}
	if x == "" {
		return 1
	}
	if y == "" {
		return -1
	}
	xs := strings.Split(x[1:], ".")
	ys := strings.Split(y[1:], ".")
	for i := 0; i < len(xs) && i < len(ys); i++ {
		a, b := xs[i], ys[i]
		if a == b {
			continue
		}
		an, bn := isNum(a), isNum(b)
		switch {
		case an && bn:
			return compareInt(a, b)
		case an:
			return -1
		case bn:
			return 1
		case a < b:
			return -1
		default:
			return 1
		}
	}
	switch {
	case len(xs) < len(ys):
		return -1
	case len(xs) > len(ys):
		return 1
	}
	return 0
}
