package g4_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/internal/apitest"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

// g4Operations are the ATS (13) and Payroll (25) operations of openapi.yaml
// this group owns.
var g4Operations = []string{
	// ATS
	"ListJobPostings", "CreateJobPosting", "UpdateJobPosting", "DeleteJobPosting", "DuplicateJobPosting",
	"ListCandidates", "CreateCandidate", "UpdateCandidate", "DeleteCandidate",
	"CreateApplication", "UpdateApplication", "ListAtsMessages", "CreateAtsMessage",
	// Payroll
	"ListFamilySituations", "CreateFamilySituation", "UpdateFamilySituation",
	"ListContractVersions", "CreateContractVersion", "UpdateContractVersion", "DeleteContractVersion",
	"ListReferenceContracts",
	"ListSupplements", "CreateSupplement", "UpdateSupplement", "DeleteSupplement",
	"ListPayrollIntegrationCodes", "CreatePayrollIntegrationCode", "UpdatePayrollIntegrationCode",
	"DeletePayrollIntegrationCode", "FindEmployeeByIntegrationCode",
	"BulkListContractVersions",
	"ListCompensations", "CreateCompensation", "GetCompensation", "UpdateCompensation", "DeleteCompensation",
	"ListTaxonomies", "GetTaxonomy",
}

// TestMain fails the run when one of g4Operations had no validated 2xx
// exchange (only when the whole package ran, without -run or -short); it
// reports missing operations even when some test already failed.
func TestMain(m *testing.M) {
	code := m.Run()
	if testing.Short() {
		os.Exit(code)
	}
	for _, a := range os.Args {
		if strings.HasPrefix(a, "-test.run") {
			os.Exit(code)
		}
	}
	v := specvalidate.MustNew()
	known := map[string]bool{}
	for _, op := range v.Operations() {
		known[op] = true
	}
	mine := map[string]bool{}
	for _, op := range g4Operations {
		mine[op] = true
		if !known[op] {
			fmt.Fprintf(os.Stderr, "g4 coverage: %s is not an operation of openapi.yaml\n", op)
			code = 1
		}
	}
	var missing []string
	for _, op := range apitest.Coverage.Missing(v) {
		if mine[op] {
			missing = append(missing, op)
		}
	}
	if len(missing) > 0 {
		fmt.Fprintf(os.Stderr, "g4 coverage: missing validated 2xx for:\n  %s\n", strings.Join(missing, "\n  "))
		code = 1
	} else if code == 0 {
		fmt.Fprintf(os.Stderr, "g4 coverage: %d/%d operations validated\n", len(g4Operations), len(g4Operations))
	}
	os.Exit(code)
}
