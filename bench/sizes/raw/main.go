// Command raw lists the employees of the current API with net/http and
// encoding/json alone, following the pages' cursors: the baseline of
// bench/sizes/lister's size.
package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
)

type page struct {
	Data []struct {
		ID       string  `json:"id"`
		FullName *string `json:"full_name"`
	} `json:"data"`
	Meta struct {
		HasNextPage bool    `json:"has_next_page"`
		EndCursor   *string `json:"end_cursor"`
	} `json:"meta"`
}

func main() {
	after := ""
	for {
		u := "https://api.factorialhr.com/api/2026-07-01/resources/employees/employees"
		if after != "" {
			u += "?after_id=" + url.QueryEscape(after)
		}
		req, err := http.NewRequest(http.MethodGet, u, nil)
		if err != nil {
			fail(err)
		}
		req.Header.Set("x-api-key", os.Getenv("FACTORIAL_API_KEY"))
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			fail(err)
		}
		var p page
		err = json.NewDecoder(resp.Body).Decode(&p)
		resp.Body.Close()
		if err != nil {
			fail(err)
		}
		for _, e := range p.Data {
			name := ""
			if e.FullName != nil {
				name = *e.FullName
			}
			fmt.Println(e.ID, name)
		}
		if !p.Meta.HasNextPage || p.Meta.EndCursor == nil {
			return
		}
		after = *p.Meta.EndCursor
	}
}

func fail(err error) {
	fmt.Fprintln(os.Stderr, err)
	os.Exit(1)
}
