package api_test

import (
	"context"
	"net/http"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

// notDrivenByClient lists operations that a program never calls: the
// authorize step happens in the user's browser (it is exercised by the
// oauth package's flow tests against the Doorkeeper fake).
var notDrivenByClient = []string{"Authorize"}

// TestMain fails the run when an operation in openapi.yaml has no test that
// exchanged a validated 2xx with it.
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && !testing.Short() && runAll() {
		missing := apitest.Coverage.Missing(specvalidate.MustNew(), notDrivenByClient...)
		total := len(specvalidate.MustNew().Operations())
		if len(missing) > 0 {
			os.Stderr.WriteString("operation coverage: missing tests for:\n  " + strings.Join(missing, "\n  ") + "\n")
			code = 1
		} else {
			os.Stderr.WriteString("operation coverage: " + strconv.Itoa(total-len(notDrivenByClient)) + "/" + strconv.Itoa(total-len(notDrivenByClient)) + " client operations validated\n")
		}
	}
	os.Exit(code)
}

// runAll reports whether the whole package ran (no -run filter), the only
// case where coverage is meaningful.
func runAll() bool {
	for _, a := range os.Args {
		if strings.HasPrefix(a, "-test.run") {
			return false
		}
	}
	return true
}

func TestGetMe(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/me", Status: 200,
		Body: `{"email":"ana@example.com","full_name":"Ana Ruiz","first_name":"Ana","last_name":"Ruiz","employee_id":7,"role":"basic"}`,
	}))
	res, err := c.GetMeWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil {
		t.Fatalf("status %d, no typed body", res.StatusCode())
	}
	if got := res.JSON200.EmployeeID; got != 7 {
		t.Errorf("EmployeeID = %d, want 7", got)
	}
	if res.JSON200.Role == nil || *res.JSON200.Role != "basic" {
		t.Errorf("Role = %v, want basic", res.JSON200.Role)
	}
}

func TestGetMeRejectsDrift(t *testing.T) {
	// The harness must catch a response that breaks the spec: employee_id
	// as a string. Collect reports instead of failing this test.
	var reports []error
	v := specvalidate.MustNew()
	tr := &specvalidate.Transport{Validator: v, Report: func(err error) { reports = append(reports, err) }}
	srv := apitest.Handler(t, apitest.Exchange{Method: "GET", Path: "/api/v1/me", Status: 200, Body: `{"email":"a@b.c","employee_id":"7"}`})
	ts := newServer(t, srv)
	c, _ := api.NewClientWithResponses(ts, api.WithHTTPClient(&http.Client{Transport: tr}),
		api.WithRequestEditorFn(func(_ context.Context, r *http.Request) error { r.Header.Set("Authorization", "Bearer x"); return nil }))
	_, _ = c.GetMeWithResponse(context.Background())
	if len(reports) != 1 || !strings.Contains(reports[0].Error(), "GetMe") || !strings.Contains(reports[0].Error(), "employee_id") {
		t.Fatalf("reports = %v, want one naming GetMe and employee_id", reports)
	}
}
