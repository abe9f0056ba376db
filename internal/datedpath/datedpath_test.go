package datedpath

import "testing"

func TestRest(t *testing.T) {
	t.Parallel()
	for p, want := range map[string]string{
		"/api/2026-07-01/resources":                     "/",
		"/api/2026-07-01/resources/":                    "/",
		"/api/2026-07-01/resources/employees/employees": "/employees/employees",
		"/api/2024-10-01/resources/teams/teams/7":       "/teams/teams/7",
		"/api/v1/employees":                             "",
		"/api/2026-07-01/resourcesX":                    "",
		"/api/2026-7-01/resources/employees/employees":  "",
		"/api/20a6-07-01/resources/employees/employees": "",
		"/oauth/token":                                  "",
		"/api/2026-07-01":                               "",
	} {
		got, ok := Rest(p)
		if ok != (want != "") || got != want {
			t.Errorf("Rest(%q) = %q, %v; want %q", p, got, ok, want)
		}
		if Is(p) != ok {
			t.Errorf("Is(%q) disagrees with Rest", p)
		}
	}
}
