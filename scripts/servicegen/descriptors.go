package main

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
)

// descriptorsView is the data of descriptors.tmpl: one operation
// descriptor per operation of the document (browser-only ones too: Raw
// and Do reach them) and the table Raw and Do look requests up in.
type descriptorsView struct {
	Spec, Prefix string
	Where        string // what the paths are relative to
	Ops          []descriptorView
}

// descriptorView is one operation's descriptor, every value a Go
// expression.
type descriptorView struct {
	Name, ID, Method, Path string // Path and the like quoted
	Dated, NoCredentials   bool
	Success                []successView
}

// successView is one declared success response; Media is the Go
// expression of its media types, "" for a response without a body.
type successView struct {
	Status int
	Media  string
}

func descriptors(o options, all []*operation) descriptorsView {
	ops := slices.Clone(all)
	sort.Slice(ops, func(i, j int) bool { return ops[i].opID < ops[j].opID })
	v := descriptorsView{Spec: o.specName, Prefix: o.Prefix, Where: "relative to the host"}
	if o.Dated {
		v.Where = "relative to /api/<version>/resources"
	}
	for _, op := range ops {
		d := descriptorView{
			Name: descriptorName(o, op),
			ID:   strconv.Quote(op.opID), Method: strconv.Quote(op.httpMethod), Path: strconv.Quote(op.path),
			Dated: o.Dated, NoCredentials: op.noCredentials,
		}
		for _, s := range op.success {
			sv := successView{Status: s.status}
			switch {
			case len(s.media) == 0:
			case len(s.media) == 1 && s.media[0] == "application/json":
				sv.Media = "engine.MediaJSON" // the shared slice most operations declare
			default:
				sv.Media = fmt.Sprintf("%#v", s.media)
			}
			d.Success = append(d.Success, sv)
		}
		v.Ops = append(v.Ops, d)
	}
	return v
}
