package factorial

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"
)

// multipartRequest encodes a generated multipart body type as
// multipart/form-data and builds the request with it.
func multipartRequest(body any, build func(contentType string, r io.Reader) (*http.Request, error)) (*http.Request, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	if err := writeMultipart(w, reflect.ValueOf(body)); err != nil {
		return nil, err
	}
	if err := w.Close(); err != nil {
		return nil, err
	}
	return build(w.FormDataContentType(), bytes.NewReader(buf.Bytes()))
}

var fileType = reflect.TypeFor[openapi_types.File]()

// writeMultipart writes one part per set field of struct v, named by its
// json tag: scalars as text, an openapi_types.File as a file part, and a
// slice as one part per element, a file part for each file of a list (the
// spec names such fields with Rails' brackets, "signees[]", "files[]").
// Fields of a Rails nested list ("answers[][id]", "answers[][value]") are
// interleaved element by element, because Rails starts a new hash when a
// key repeats.
func writeMultipart(w *multipart.Writer, v reflect.Value) error {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	if v.Kind() != reflect.Struct {
		return fmt.Errorf("multipart body must be a struct, not %s", v.Type())
	}
	type field struct {
		name string
		v    reflect.Value
	}
	var plain []field
	nested := map[string][]field{} // by "answers[]" prefix, in field order
	var prefixes []string
	t := v.Type()
	for i := range t.NumField() {
		sf := t.Field(i)
		if !sf.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(sf.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		fv := v.Field(i)
		if (fv.Kind() == reflect.Pointer || fv.Kind() == reflect.Slice || fv.Kind() == reflect.Map) && fv.IsNil() {
			continue
		}
		if prefix, _, ok := strings.Cut(name, "[]["); ok {
			p := prefix + "[]"
			if _, seen := nested[p]; !seen {
				prefixes = append(prefixes, p)
			}
			nested[p] = append(nested[p], field{name, fv})
			continue
		}
		plain = append(plain, field{name, fv})
	}
	for _, f := range plain {
		if err := writePart(w, f.name, f.v); err != nil {
			return err
		}
	}
	for _, p := range prefixes {
		fields := nested[p]
		n := 0
		for _, f := range fields {
			if f.v.Kind() != reflect.Slice {
				return fmt.Errorf("multipart field %s: a nested list field must be a slice", f.name)
			}
			n = max(n, f.v.Len())
		}
		for i := range n {
			for _, f := range fields {
				if i < f.v.Len() {
					if err := writeScalar(w, f.name, f.v.Index(i)); err != nil {
						return err
					}
				}
			}
		}
	}
	return nil
}

func writePart(w *multipart.Writer, name string, v reflect.Value) error {
	for v.Kind() == reflect.Pointer {
		v = v.Elem()
	}
	if v.Type() == fileType {
		f := v.Interface().(openapi_types.File)
		data, err := f.Bytes()
		if err != nil {
			return fmt.Errorf("multipart file %s: %w", name, err)
		}
		filename := f.Filename()
		if filename == "" {
			filename = name
		}
		ct := mime.TypeByExtension(filepath.Ext(filename))
		if ct == "" {
			ct = "application/octet-stream"
		}
		h := textproto.MIMEHeader{}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name=%s; filename=%s`, strconv.Quote(name), strconv.Quote(filename)))
		h.Set("Content-Type", ct)
		pw, err := w.CreatePart(h)
		if err != nil {
			return err
		}
		_, err = pw.Write(data)
		return err
	}
	if v.Kind() == reflect.Slice && v.Type().Elem().Kind() != reflect.Uint8 {
		for i := range v.Len() {
			write := writeScalar
			if v.Type().Elem() == fileType {
				write = writePart // a list of files ("files[]"): one file part each
			}
			if err := write(w, name, v.Index(i)); err != nil {
				return err
			}
		}
		return nil
	}
	return writeScalar(w, name, v)
}

// writeScalar writes one text part: strings, numbers and booleans as Rails
// reads them, dates as YYYY-MM-DD, times as RFC 3339, and anything else
// as JSON.
func writeScalar(w *multipart.Writer, name string, v reflect.Value) error {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return nil
		}
		v = v.Elem()
	}
	var s string
	switch x := v.Interface().(type) {
	case openapi_types.Date:
		s = x.String()
	case time.Time:
		s = x.Format(time.RFC3339)
	default:
		switch v.Kind() {
		case reflect.String:
			s = v.String()
		case reflect.Bool:
			s = strconv.FormatBool(v.Bool())
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			s = strconv.FormatInt(v.Int(), 10)
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
			s = strconv.FormatUint(v.Uint(), 10)
		case reflect.Float32, reflect.Float64:
			s = strconv.FormatFloat(v.Float(), 'f', -1, 64)
		default:
			data, err := json.Marshal(v.Interface())
			if err != nil {
				return fmt.Errorf("multipart field %s: %w", name, err)
			}
			s = string(data)
		}
	}
	return w.WriteField(name, s)
}
