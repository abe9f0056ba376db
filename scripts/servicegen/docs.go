package main

import (
	"path"
	"slices"
	"sort"
	"strings"
)

// docsView is the data of docs.tmpl: a document's operations table, by
// area, path and method.
type docsView struct {
	Spec              string
	Total, Deprecated int
	// Dated selects the dated API's introduction; RawPkg is the package of
	// the generated client behind Raw.
	Dated  bool
	RawPkg string
	Areas  []docsArea
	Rows   []docsRow
}

// docsArea is one tag and its number of operations.
type docsArea struct {
	Name  string
	Count int
}

// docsRow is one operation's row, every cell ready to print.
type docsRow struct {
	Area, Method, Path, Call, Raw, Deprecated, Summary string
}

// renderDocs writes the operations table of a document: every operation,
// its Go call ("(browser only)" for the skipped ones) and the generated
// client's method behind Raw.
func renderDocs(t *templates, o options, all, skipped []*operation) ([]byte, error) {
	ops := slices.Clone(all)
	sort.Slice(ops, func(i, j int) bool {
		a, b := ops[i], ops[j]
		if a.tag != b.tag {
			return a.tag < b.tag
		}
		if a.path != b.path {
			return a.path < b.path
		}
		return a.httpMethod < b.httpMethod
	})
	v := docsView{Spec: o.specName, Total: len(ops), Dated: o.Dated, RawPkg: path.Base(o.PkgPath)}
	if o.ClientPackage != "" {
		v.RawPkg = path.Base(o.ClientPackage)
	}
	for _, r := range ops {
		if n := len(v.Areas); n == 0 || v.Areas[n-1].Name != r.tag {
			v.Areas = append(v.Areas, docsArea{Name: r.tag})
		}
		v.Areas[len(v.Areas)-1].Count++
		row := docsRow{
			Area: r.tag, Method: r.httpMethod, Path: r.path,
			Call:    "`" + r.service + "." + r.method + "`",
			Raw:     exportName(r.opID),
			Summary: strings.ReplaceAll(r.summary, "|", "\\|"),
		}
		if r.deprecated {
			v.Deprecated++
			row.Deprecated = "yes"
		}
		if o.Tree != "" && r.retired {
			row.Call = "`" + o.Tree + "." + r.service + "." + r.method + "`"
		}
		if slices.Contains(skipped, r) {
			row.Call = "(browser only)"
		}
		switch r.bodyKind {
		case "form":
			row.Raw += "WithFormdataBody"
		case "multipart":
			row.Raw += "WithBody"
		}
		v.Rows = append(v.Rows, row)
	}
	md, err := t.execute("docs.tmpl", v)
	return []byte(md), err
}
