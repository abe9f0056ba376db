package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
)

// printJSON writes body indented; a body that is not JSON is written as
// it is.
func printJSON(w io.Writer, body []byte) error {
	if len(bytes.TrimSpace(body)) == 0 {
		return nil
	}
	var out bytes.Buffer
	if err := json.Indent(&out, body, "", "  "); err != nil {
		_, werr := w.Write(body)
		return werr
	}
	out.WriteByte('\n')
	_, err := w.Write(out.Bytes())
	return err
}

// table is rows under a header, printed with text/tabwriter.
type table struct {
	header []string
	rows   [][]string
}

func (t *table) add(cells ...string) { t.rows = append(t.rows, cells) }

func (t *table) print(w io.Writer) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	if len(t.header) > 0 {
		fmt.Fprintln(tw, strings.Join(t.header, "\t"))
	}
	for _, r := range t.rows {
		cells := make([]string, len(r))
		for i, c := range r {
			// A tab or newline in a value would break the columns.
			c = strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(c)
			if c == "" {
				c = "-"
			}
			cells[i] = c
		}
		fmt.Fprintln(tw, strings.Join(cells, "\t"))
	}
	return tw.Flush()
}
