package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

const listUsage = `Usage: factorial list COLLECTION [-f key=value ...] [-F key=value ...] [--max N] [--output table|json] [--api VERSION]

List every record of any collection of the dated API, following the pages
(meta.end_cursor in after_id, or the next page number where a list has no
cursors). COLLECTION is NAMESPACE/RESOURCE as in the API's paths:
employees/employees, timeoff/leaves, ats/candidates, ...; 'factorial list'
alone lists the collections.

  -f key=value     a filter, sent as a query parameter (key[] for lists:
                   -f 'employee_ids[]=1003'); -F is the same
  --max N          stop after N records (0, the default: all of them)
  --output, -o FMT table (default): the id and the fields that name a
                   record; json: one array of every page's data elements,
                   each as the API sent it

Filters are checked against the collection's declared query parameters
before anything is sent; an unknown one is refused with exit code 2.

Examples:
  factorial list ats/candidates
  factorial list timeoff/leaves -f 'employee_ids[]=1003' -f from=2026-01-01
  factorial list tasks/tasks --max 20 -o json

  --api VERSION    a dated API version YYYY-MM-DD (default ` + factorial.DefaultAPIVersion + `)
`

// listCollection is one dated collection's list operation.
type listCollection struct {
	name    string   // namespace/resource
	opID    string   // its operationId
	filters []string // its declared query parameters
}

// datedCollections lists the dated API's list operations: every GET of a
// NAMESPACE/RESOURCE path, from openapi-resources.yaml.
func datedCollections() ([]listCollection, error) {
	v, err := specvalidate.NewResources()
	if err != nil {
		return nil, err
	}
	var out []listCollection
	for path, item := range v.Doc().Paths.Map() {
		// The loaded document's paths carry the server's path template.
		rest, ok := strings.CutPrefix(path, "/api/{version}/resources/")
		if !ok {
			continue
		}
		name := strings.Trim(rest, "/")
		if item.Get == nil || strings.Count(name, "/") != 1 || strings.Contains(name, "{") {
			continue
		}
		c := listCollection{name: name, opID: item.Get.OperationID}
		for _, p := range slices.Concat(item.Parameters, item.Get.Parameters) {
			if p.Value != nil && p.Value.In == "query" {
				c.filters = append(c.filters, p.Value.Name)
			}
		}
		out = append(out, c)
	}
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out, nil
}

func runList(ctx context.Context, a *app, g *globals, args []string) error {
	var fields []field
	output, limit, version := "table", 0, ""
	fs := newFlagSet("list", g)
	typed, raw := fieldFlag{fields: &fields, typed: true}, fieldFlag{fields: &fields}
	fs.Var(typed, "f", "")
	fs.Var(typed, "field", "")
	fs.Var(raw, "F", "")
	fs.Var(raw, "raw-field", "")
	fs.IntVar(&limit, "max", 0, "")
	fs.StringVar(&version, "api", "", "")
	fs.StringVar(&output, "output", output, "")
	fs.StringVar(&output, "o", output, "")
	rest, err := parseFlags(fs, args)
	if err != nil {
		return helpOrErr(err, a.stdout, listUsage)
	}
	if output != "table" && output != "json" {
		return usagef("list: --output must be table or json, not %q", output)
	}
	if limit < 0 {
		return usagef("list: --max must not be negative")
	}
	if version, err = parseAPIVersion(version); err != nil {
		return err
	}
	if version == apiV1 {
		return usagef("list: lists the dated API's collections; for v1 use the resource commands or api")
	}
	all, err := datedCollections()
	if err != nil {
		return err
	}
	if len(rest) == 0 {
		t := &table{header: []string{"COLLECTION", "OPERATION"}}
		for _, c := range all {
			t.add(c.name, c.opID)
		}
		return t.print(a.stdout)
	}
	if len(rest) > 1 {
		return usagef("list: want one COLLECTION, got %d arguments", len(rest))
	}
	name := strings.Trim(rest[0], "/")
	i := slices.IndexFunc(all, func(c listCollection) bool { return c.name == name })
	if i < 0 {
		return usagef("list: %q is not a collection of the dated API (factorial list shows them)", rest[0])
	}
	coll := all[i]
	q := url.Values{}
	for _, f := range fields {
		if f.name() == "after_id" || f.name() == "before_id" || f.name() == "page" {
			return usagef("list: %s is set by list itself, page after page", f.name())
		}
		if !slices.Contains(coll.filters, f.key) && !slices.Contains(coll.filters, f.name()) {
			return usagef("list: %s takes no parameter %q; it takes %s", coll.name, f.key, strings.Join(coll.filters, ", "))
		}
	}
	addFieldsToQuery(q, fields)

	sess, err := a.sessionOn(ctx, g, version)
	if err != nil {
		return err
	}
	records, err := listPages(ctx, sess.client, coll.name, q, limit)
	if err != nil {
		return err
	}
	if output == "json" {
		body, err := json.Marshal(records)
		if err != nil {
			return err
		}
		return printJSON(a.stdout, body)
	}
	if len(records) == 0 {
		fmt.Fprintf(a.stderr, "No records in %s.\n", coll.name)
		return nil
	}
	return recordTable(records).print(a.stdout)
}

// listPages follows the pages of a dated list and returns their data
// elements as the API sent them, up to limit of them (0: all).
func listPages(ctx context.Context, c *factorial.Client, collection string, q url.Values, limit int) ([]json.RawMessage, error) {
	base := strings.TrimSuffix(c.BaseURL(), "/") + "/api/" + c.APIVersion() + "/resources/" + collection
	var out []json.RawMessage
	seen := map[string]bool{}
	for page := 1; ; page++ {
		req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"?"+q.Encode(), nil)
		if err != nil {
			return nil, err
		}
		resp, err := c.Do(req)
		if err != nil {
			return nil, err
		}
		data, err := io.ReadAll(resp.Body)
		_ = resp.Body.Close()
		if err != nil {
			return nil, err
		}
		var pg struct {
			Data []json.RawMessage `json:"data"`
			Meta struct {
				HasNextPage bool    `json:"has_next_page"`
				EndCursor   *string `json:"end_cursor"`
			} `json:"meta"`
		}
		dec := json.NewDecoder(bytes.NewReader(data))
		if err := dec.Decode(&pg); err != nil {
			return nil, fmt.Errorf("list %s: page %d is not a {data, meta} page: %w", collection, page, err)
		}
		for _, rec := range pg.Data {
			if limit > 0 && len(out) == limit {
				return out, nil
			}
			out = append(out, rec)
		}
		if !pg.Meta.HasNextPage || (limit > 0 && len(out) == limit) {
			return out, nil
		}
		switch {
		case pg.Meta.EndCursor != nil && *pg.Meta.EndCursor != "":
			if seen[*pg.Meta.EndCursor] {
				return nil, fmt.Errorf("list %s: the server answered end_cursor %q twice with has_next_page true", collection, *pg.Meta.EndCursor)
			}
			seen[*pg.Meta.EndCursor] = true
			q.Set("after_id", *pg.Meta.EndCursor)
			q.Del("page")
		case len(pg.Data) == 0:
			return nil, fmt.Errorf("list %s: an empty page with has_next_page true and no cursor", collection)
		default:
			q.Del("after_id")
			q.Set("page", strconv.Itoa(page+1))
		}
	}
}

// namingFields are the fields a table shows after the id, in this order,
// when the records have them.
var namingFields = []string{
	"full_name", "name", "title", "first_name", "last_name", "email", "subject",
	"employee_id", "status", "state", "start_on", "starts_on", "finish_on", "ends_on", "date",
}

// recordTable shows records as a table: the id, then up to five of
// namingFields the records have (or, for records with none of them, their
// first scalar fields by name).
func recordTable(records []json.RawMessage) *table {
	var objs []map[string]any
	present := map[string]bool{}
	for _, r := range records {
		var m map[string]any
		if json.Unmarshal(r, &m) != nil {
			m = map[string]any{}
		}
		objs = append(objs, m)
		for k, v := range m {
			if isScalar(v) {
				present[k] = true
			}
		}
	}
	var cols []string
	for _, f := range namingFields {
		if present[f] && len(cols) < 5 {
			cols = append(cols, f)
		}
	}
	if len(cols) == 0 {
		var names []string
		for k := range present {
			if k != "id" {
				names = append(names, k)
			}
		}
		sort.Strings(names)
		cols = names[:min(5, len(names))]
	}
	t := &table{header: []string{"ID"}}
	for _, c := range cols {
		t.header = append(t.header, strings.ToUpper(c))
	}
	for _, m := range objs {
		row := []string{cell(m["id"])}
		for _, c := range cols {
			row = append(row, cell(m[c]))
		}
		t.add(row...)
	}
	return t
}

func isScalar(v any) bool {
	switch v.(type) {
	case string, float64, bool:
		return true
	}
	return false
}

func cell(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case float64, bool:
		return fmt.Sprint(x)
	}
	return ""
}
