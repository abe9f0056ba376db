// Command oasdiff compares our description of Factorial's dated API with
// Factorial's own OpenAPI document for a version, field by field.
//
//	go run ./scripts/oasdiff -ours openapi-resources.yaml -theirs oas-2026-07-01.yaml
//
// Operations are matched by method and path, both taken relative to
// /api/{version}/resources (ours puts that prefix in the server URL,
// Factorial's in every path). For each operation in both it prints the
// parameters, request body fields and response fields present on one side
// only, and the differences of type, format, nullability, array items,
// enum values and requiredness; then the operations present on one side
// only, figures per namespace, and the line
//
//	differences: N (not listed as deviations: M)
//
// A difference is "listed" when an entry of the allowlist (-allow, by
// default docs/oasdiff-allowlist.txt; format in allowlist.go) accepts it
// by the number of a deviation of docs/dated-api.md (-deviations). With
// -strict the exit status is 1 when M > 0. Errors exit with status 2.
// -paths limits both documents to the operations whose path matches a
// pattern, to review one area or to compare against an excerpt.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(context.Background(), os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command without the process: it returns the exit status.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("oasdiff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	oursPath := fs.String("ours", "openapi-resources.yaml", "our OpenAPI document")
	theirsPath := fs.String("theirs", "", "Factorial's OpenAPI document for a version (required)")
	allowPath := fs.String("allow", "docs/oasdiff-allowlist.txt", `accepted differences; "" for none`)
	devPath := fs.String("deviations", "docs/dated-api.md", `Markdown file whose numbered table rows the allowlist may cite; "" to skip the check`)
	strict := fs.Bool("strict", false, "exit 1 when a difference is not listed as a deviation")
	unlisted := fs.Bool("unlisted", false, "print only the differences not listed as deviations")
	scope := fs.String("paths", "", `compare only operations whose path matches one of these comma-separated patterns ("*" matches any run of characters), e.g. "/attendance/shifts*,/timeoff/*"`)
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	if *theirsPath == "" || fs.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: oasdiff -ours OURS.yaml -theirs THEIRS.yaml [-allow FILE] [-deviations FILE] [-paths PATTERN] [-strict] [-unlisted]")
		return 2
	}
	fail := func(err error) int {
		fmt.Fprintln(stderr, "oasdiff:", err)
		return 2
	}
	var allow *Allowlist
	if *allowPath != "" {
		var known map[int]bool
		if *devPath != "" {
			k, err := LoadDeviationNumbers(*devPath)
			if err != nil {
				return fail(err)
			}
			known = k
		}
		a, err := LoadAllowlist(*allowPath, known)
		if err != nil {
			return fail(err)
		}
		allow = a
	}
	ours, err := LoadDocument(ctx, *oursPath)
	if err != nil {
		return fail(err)
	}
	theirs, err := LoadDocument(ctx, *theirsPath)
	if err != nil {
		return fail(err)
	}
	if *scope != "" {
		ours, theirs = ours.Restrict(*scope), theirs.Restrict(*scope)
	}
	ds := Compare(ours, theirs)
	allow.Apply(ds)
	s := Summarise(ours, theirs, ds)
	if err := WriteReport(stdout, ReportOptions{OursPath: *oursPath, TheirsPath: *theirsPath, Paths: *scope, UnlistedOnly: *unlisted}, ds, s, allow); err != nil {
		return fail(err)
	}
	if *strict && s.NotListed > 0 {
		return 1
	}
	return 0
}
