package main

import (
	"fmt"
	"io"
	"sort"
	"text/tabwriter"
)

// Summary holds the figures of one comparison.
type Summary struct {
	OursOperations, TheirsOperations, Both int
	Differences, NotListed                 int
	Namespaces                             []NamespaceSummary
}

// NamespaceSummary holds the figures of one namespace (first path segment).
type NamespaceSummary struct {
	Name                           string
	Ours, Theirs, Both             int
	Differences, NotListed         int
	OnlyTheirsOperations, OnlyOurs int
}

// Summarise counts operations and differences, overall and per namespace.
func Summarise(ours, theirs *Document, ds []Difference) Summary {
	s := Summary{OursOperations: len(ours.Operations), TheirsOperations: len(theirs.Operations)}
	ns := map[string]*NamespaceSummary{}
	get := func(name string) *NamespaceSummary {
		if n, ok := ns[name]; ok {
			return n
		}
		n := &NamespaceSummary{Name: name}
		ns[name] = n
		return n
	}
	for k, o := range ours.Operations {
		get(o.Namespace()).Ours++
		if _, ok := theirs.Operations[k]; ok {
			s.Both++
			get(o.Namespace()).Both++
		}
	}
	for _, t := range theirs.Operations {
		get(t.Namespace()).Theirs++
	}
	for _, d := range ds {
		n := get(d.Namespace)
		n.Differences++
		s.Differences++
		if d.Deviation == 0 {
			n.NotListed++
			s.NotListed++
		}
		if d.Where == WhereOperation && d.Kind == KindOnlyTheirs {
			n.OnlyTheirsOperations++
		}
		if d.Where == WhereOperation && d.Kind == KindOnlyOurs {
			n.OnlyOurs++
		}
	}
	for _, n := range ns {
		s.Namespaces = append(s.Namespaces, *n)
	}
	sort.Slice(s.Namespaces, func(i, j int) bool { return s.Namespaces[i].Name < s.Namespaces[j].Name })
	return s
}

// ReportOptions choose what the report prints.
type ReportOptions struct {
	OursPath, TheirsPath string
	// Paths is the -paths restriction, printed when set.
	Paths string
	// UnlistedOnly prints only the differences no deviation accepts.
	UnlistedOnly bool
}

// WriteReport prints the differences grouped by operation, the figures
// per namespace, the allowlist entries that accepted nothing, and the
// closing line "differences: N (not listed as deviations: M)".
func WriteReport(w io.Writer, opt ReportOptions, ds []Difference, s Summary, allow *Allowlist) error {
	ew := &errWriter{w: w}
	if opt.Paths != "" {
		ew.printf("paths:  %s\n", opt.Paths)
	}
	ew.printf("ours:   %s (%d operations)\n", opt.OursPath, s.OursOperations)
	ew.printf("theirs: %s (%d operations)\n", opt.TheirsPath, s.TheirsOperations)
	ew.printf("in both: %d; only in ours: %d; only in theirs: %d\n\n", s.Both, s.OursOperations-s.Both, s.TheirsOperations-s.Both)

	current := ""
	for _, d := range ds {
		if opt.UnlistedOnly && d.Deviation != 0 {
			continue
		}
		if d.Where == WhereOperation {
			side := "ours"
			if d.Kind == KindOnlyTheirs {
				side = "theirs"
			}
			ew.printf("%s: operation only in %s%s\n", d.Operation, side, listed(d))
			current = ""
			continue
		}
		if d.Operation != current {
			ew.printf("%s\n", d.Operation)
			current = d.Operation
		}
		name := d.Name
		if name == "" {
			name = "(body)"
		}
		ew.printf("  %-9s %-40s %s%s\n", d.Where, name, describe(d), listed(d))
	}

	ew.printf("\nper namespace:\n")
	tw := tabwriter.NewWriter(ew, 2, 8, 2, ' ', 0)
	fmt.Fprintf(tw, "  namespace\tours\ttheirs\tboth\tdifferences\tnot listed\n")
	for _, n := range s.Namespaces {
		fmt.Fprintf(tw, "  %s\t%d\t%d\t%d\t%d\t%d\n", n.Name, n.Ours, n.Theirs, n.Both, n.Differences, n.NotListed)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if allow != nil {
		for _, e := range allow.Entries {
			if e.Used == 0 {
				ew.printf("allowlist line %d accepted nothing: %s\n", e.Line, e.Text)
			}
		}
	}
	ew.printf("differences: %d (not listed as deviations: %d)\n", s.Differences, s.NotListed)
	return ew.err
}

func describe(d Difference) string {
	switch d.Kind {
	case KindOnlyOurs:
		return "only in ours (" + d.Ours + ")"
	case KindOnlyTheirs:
		return "only in theirs (" + d.Theirs + ")"
	case KindRequired:
		return "required: ours " + d.Ours + ", theirs " + d.Theirs
	default:
		return d.Kind + ": ours " + orNone(d.Ours) + ", theirs " + orNone(d.Theirs)
	}
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func listed(d Difference) string {
	if d.Deviation == 0 {
		return ""
	}
	return fmt.Sprintf("  [deviation %d]", d.Deviation)
}

type errWriter struct {
	w   io.Writer
	err error
}

func (e *errWriter) Write(p []byte) (int, error) {
	if e.err != nil {
		return 0, e.err
	}
	n, err := e.w.Write(p)
	e.err = err
	return n, err
}

func (e *errWriter) printf(format string, a ...any) {
	fmt.Fprintf(e, format, a...)
}
