package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/internal/datedpath"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

const apiUsage = `Usage: factorial api [METHOD] PATH [-f key=value ...] [-F key=value ...] [--input FILE] [-i] [--no-validate] [--api VERSION]

Call any operation of Factorial's API, in the manner of gh api: the dated API
(openapi-resources.yaml, docs/resources-operations.md) or v1 (openapi.yaml,
docs/operations.md). METHOD defaults to GET, or POST when fields or --input
are given.

PATH is where the request goes:
  /api/...        as it is: /api/v1/employees, /api/2026-07-01/resources/teams/teams
  v1/... v2/...   the legacy API: v1/employees is /api/v1/employees
  anything else   relative to --api: employees/employees is
                  /api/` + factorial.DefaultAPIVersion + `/resources/employees/employees by default;
                  with --api v1, time/leaves is /api/v1/time/leaves

  -f key=value   a typed field: integers and decimals become JSON numbers,
                 true and false booleans, null null, anything else a string
  -F key=value   a field whose value is always a string
  key[]=value    appends to an array (key[] alone is an empty array)

The dated API's ids are strings, in bodies too: send them with -F
(-F employee_id=1003); -f would make them numbers, which the check refuses.

For GET and HEAD the fields become query parameters (key[] stays key[], as
Factorial's filters are spelled); otherwise they form a JSON object body.
--input FILE sends FILE ("-" for standard input) as the body instead, and the
fields go to the query string.

Before anything is sent, the request is checked against the API description
of its path (openapi-resources.yaml for /api/VERSION/resources, openapi.yaml
otherwise): an unknown route, a missing required field, a wrong type or an
unknown enum value is refused with the validation message and exit code 2.
--no-validate sends it anyway.

The response is printed as indented JSON, as the server sent it: for a dated
list, one page with its data and meta (GET with -f limit=N, then also -f
after_id=<the meta's end_cursor> for the next page). -i also prints the status line and the
headers. Errors print the server's messages (exit code 1, or 4 for 401).

Examples:
  factorial api employees/employees
  factorial api GET employees/employees -f limit=2
  factorial api GET timeoff/leaves -f 'employee_ids[]=1003' -f from=2024-03-01
  factorial api POST timeoff/leaves -F employee_id=1003 -F leave_type_id=1 -f start_on=2024-03-04 -f finish_on=2024-03-05
  factorial api PUT employees/employees/1003 --input employee.json
  factorial api /api/v1/employees
  factorial api --api v1 GET time/leaves -f 'employee_ids[]=3'

Flags:
  -f, --field key=value      typed field (repeatable)
  -F, --raw-field key=value  string field (repeatable)
  --input FILE               request body from FILE, - for standard input
  -i, --include              print the status line and headers
  --no-validate              skip the check against the API description
` + apiFlagHelp

type apiFlags struct {
	api        string // --api as given
	version    string // "v1" or a dated version
	fields     []field
	input      string
	include    bool
	noValidate bool
}

func runAPI(ctx context.Context, a *app, g *globals, args []string) error {
	var af apiFlags
	fs := newFlagSet("api", g)
	typed, raw := fieldFlag{fields: &af.fields, typed: true}, fieldFlag{fields: &af.fields}
	fs.Var(typed, "f", "")
	fs.Var(typed, "field", "")
	fs.Var(raw, "F", "")
	fs.Var(raw, "raw-field", "")
	fs.StringVar(&af.input, "input", "", "")
	fs.BoolVar(&af.include, "i", false, "")
	fs.BoolVar(&af.include, "include", false, "")
	fs.BoolVar(&af.noValidate, "no-validate", false, "")
	fs.StringVar(&af.api, "api", "", "")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return helpOrErr(err, a.stdout, apiUsage)
	}
	if af.version, err = parseAPIVersion(af.api); err != nil {
		return err
	}
	method, path, err := af.target(rest)
	if err != nil {
		return err
	}
	s, err := a.resolve(g)
	if err != nil {
		return err
	}
	s.apiVersion = af.version
	req, body, err := af.request(ctx, a, s.baseURL, method, path)
	if err != nil {
		return err
	}
	sess, err := a.session(ctx, s)
	if err != nil {
		return err
	}
	if !af.noValidate {
		if err := checkAgainstSpec(ctx, req, body, sess.apiKey); err != nil {
			return err
		}
	}
	resp, err := sess.client.Do(req)
	if err != nil {
		var fe *factorial.Error
		if af.include && errors.As(err, &fe) {
			printHead(a.stdout, fe.StatusCode, fe.Header)
			_ = printJSON(a.stdout, fe.Body)
		}
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if af.include {
		printHead(a.stdout, resp.StatusCode, resp.Header)
	}
	return printJSON(a.stdout, data)
}

// target reads [METHOD] PATH and makes PATH absolute (see apiUsage).
func (af *apiFlags) target(rest []string) (method, path string, err error) {
	switch len(rest) {
	case 1:
		path = rest[0]
		method = http.MethodGet
		if len(af.fields) > 0 || af.input != "" {
			method = http.MethodPost
		}
	case 2:
		method, path = strings.ToUpper(rest[0]), rest[1]
	case 0:
		return "", "", usagef("api: missing PATH")
	default:
		return "", "", usagef("api: too many arguments; want [METHOD] PATH")
	}
	if !slices.Contains([]string{"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"}, method) {
		return "", "", usagef("api: unsupported method %q", method)
	}
	if !strings.HasPrefix(path, "/") {
		path = "/" + path
	}
	switch {
	case path == "/oauth" || strings.HasPrefix(path, "/oauth/"):
		return "", "", usagef("api: /oauth endpoints are used by factorial auth, not api")
	case strings.HasPrefix(path, "/api/"):
	case hasSegmentPrefix(path, "/v1"), hasSegmentPrefix(path, "/v2"):
		// The legacy shorthand, with the /api prefix left out.
		path = "/api" + path
	case af.version == apiV1:
		path = "/api/v1" + path
	default:
		path = "/api/" + af.version + "/resources" + path
	}
	return method, path, nil
}

// request builds the HTTP request and returns its body too (nil without
// one).
func (af *apiFlags) request(ctx context.Context, a *app, base, method, path string) (*http.Request, []byte, error) {
	u, err := url.Parse(base + path)
	if err != nil {
		return nil, nil, usagef("api: bad path: %v", err)
	}
	bodyless := method == http.MethodGet || method == http.MethodHead
	var body []byte
	switch {
	case af.input != "":
		if bodyless {
			return nil, nil, usagef("api: --input needs a method with a body, not %s", method)
		}
		if body, err = af.readInput(a); err != nil {
			return nil, nil, err
		}
		q := u.Query()
		addFieldsToQuery(q, af.fields)
		u.RawQuery = q.Encode()
	case bodyless:
		q := u.Query()
		addFieldsToQuery(q, af.fields)
		u.RawQuery = q.Encode()
	case len(af.fields) > 0:
		if body, err = fieldsBody(af.fields); err != nil {
			return nil, nil, err
		}
	}
	var rd io.Reader = http.NoBody
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u.String(), rd)
	if err != nil {
		return nil, nil, usagef("api: %v", err)
	}
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	return req, body, nil
}

func (af *apiFlags) readInput(a *app) ([]byte, error) {
	if af.input == "-" {
		return io.ReadAll(a.stdin)
	}
	data, err := os.ReadFile(af.input)
	if err != nil {
		return nil, usagef("api: --input: %v", err)
	}
	return data, nil
}

// checkAgainstSpec validates the request as the server would see it. The
// credential is not attached yet (the client adds it when sending), so a
// placeholder of the kind that will be sent stands in for it: an operation
// that does not accept that kind is refused too.
//
// A path of the dated API is checked against openapi-resources.yaml, any
// other against openapi.yaml.
func checkAgainstSpec(ctx context.Context, req *http.Request, body []byte, apiKey bool) error {
	newValidator, spec, ops := specvalidate.New, "openapi.yaml", "docs/operations.md"
	if datedpath.Is(req.URL.Path) {
		newValidator, spec, ops = specvalidate.NewResources, "openapi-resources.yaml", "docs/resources-operations.md"
	}
	v, err := newValidator()
	if err != nil {
		return err
	}
	check := req.Clone(ctx)
	if body != nil {
		check.Body = io.NopCloser(bytes.NewReader(body))
	}
	if apiKey {
		check.Header.Set("x-api-key", "placeholder")
	} else {
		check.Header.Set("Authorization", "Bearer placeholder")
	}
	route, err := v.FindRoute(check)
	if err != nil {
		return usagef("api: no operation in the API description (%s) matches %s %s; see %s, or pass --no-validate",
			spec, req.Method, req.URL.Path, ops)
	}
	if err := v.ValidateRequest(ctx, check, route); err != nil {
		return &specRejection{
			summary:  fmt.Sprintf("api: %s %s (%s) does not match the API description, so it was not sent", req.Method, req.URL.Path, route.OperationID()),
			problems: specProblems(err),
		}
	}
	return nil
}

// hasSegmentPrefix reports whether path is prefix or starts with prefix
// followed by a slash.
func hasSegmentPrefix(path, prefix string) bool {
	return path == prefix || strings.HasPrefix(path, prefix+"/")
}

func printHead(w io.Writer, status int, h http.Header) {
	fmt.Fprintf(w, "HTTP %d %s\n", status, http.StatusText(status))
	keys := make([]string, 0, len(h))
	for k := range h {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, k := range keys {
		if strings.EqualFold(k, "Set-Cookie") {
			continue
		}
		for _, v := range h[k] {
			fmt.Fprintf(w, "%s: %s\n", k, v)
		}
	}
	fmt.Fprintln(w)
}
