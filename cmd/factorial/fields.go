package main

import (
	"encoding/json"
	"fmt"
	"net/url"
	"regexp"
	"strings"
)

// field is one -f or -F argument of factorial api.
type field struct {
	key   string // as given, with a trailing [] for array elements
	value any    // string, bool, nil or json.Number
	array bool   // key[]=value: append to an array
	none  bool   // key[] with no value: an empty array
}

// name is the key without its [] suffix.
func (f field) name() string { return strings.TrimSuffix(f.key, "[]") }

var (
	integerRE = regexp.MustCompile(`^-?(0|[1-9][0-9]*)$`)
	decimalRE = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$`)
)

// parseField reads key=value. typed (-f) turns integers and decimals into
// numbers, true/false into booleans and null into null; raw (-F) keeps the
// string. "key[]" alone is an empty array.
func parseField(arg string, typed bool) (field, error) {
	key, val, ok := strings.Cut(arg, "=")
	if key == "" || key == "[]" {
		return field{}, usagef("field %q: want key=value", arg)
	}
	f := field{key: key, array: strings.HasSuffix(key, "[]")}
	if !ok {
		if !f.array {
			return field{}, usagef("field %q: want key=value (or key[] for an empty array)", arg)
		}
		f.none = true
		return f, nil
	}
	if typed {
		f.value = typeValue(val)
	} else {
		f.value = val
	}
	return f, nil
}

// typeValue gives a -f value its JSON type. Numbers with leading zeros
// ("007", a postal code) stay strings.
func typeValue(s string) any {
	switch s {
	case "true":
		return true
	case "false":
		return false
	case "null":
		return nil
	}
	if integerRE.MatchString(s) || decimalRE.MatchString(s) {
		return json.Number(s)
	}
	return s
}

// fieldsBody builds the JSON object the fields describe.
func fieldsBody(fields []field) ([]byte, error) {
	obj := map[string]any{}
	for _, f := range fields {
		name := f.name()
		cur, exists := obj[name]
		if !f.array {
			if exists {
				return nil, usagef("field %q given twice (use %s[]=value for an array)", name, name)
			}
			obj[name] = f.value
			continue
		}
		arr, isArr := cur.([]any)
		if exists && !isArr {
			return nil, usagef("field %q is both a value and an array", name)
		}
		if arr == nil {
			arr = []any{}
		}
		if !f.none {
			arr = append(arr, f.value)
		}
		obj[name] = arr
	}
	return json.Marshal(obj)
}

// addFieldsToQuery adds the fields as query parameters. Array fields keep
// their [] (employee_ids[]=1&employee_ids[]=2), as Factorial's filters are
// named.
func addFieldsToQuery(q url.Values, fields []field) {
	for _, f := range fields {
		if f.none {
			continue
		}
		v := ""
		if f.value != nil {
			v = fmt.Sprint(f.value)
		}
		q.Add(f.key, v)
	}
}

// fieldFlag is the flag.Value of -f (typed) and -F (raw); both append to
// one list so that their order is kept.
type fieldFlag struct {
	fields *[]field
	typed  bool
}

func (ff fieldFlag) String() string { return "" }

func (ff fieldFlag) Set(v string) error {
	f, err := parseField(v, ff.typed)
	if err != nil {
		return err
	}
	*ff.fields = append(*ff.fields, f)
	return nil
}
