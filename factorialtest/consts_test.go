package factorialtest

import (
	"reflect"
	"slices"
	"testing"

	"github.com/factorial-go/factorial/internal/sandbox"
)

// The exported constants are literals (so godoc shows values, not an
// internal package); they must stay equal to the sandbox's.
func TestConstantsMatchTheSandbox(t *testing.T) {
	for name, pair := range map[string][2]int{
		"AdminEmployeeID":      {AdminEmployeeID, sandbox.DemoAdminID},
		"ManagerEmployeeID":    {ManagerEmployeeID, sandbox.DemoManagerID},
		"BasicEmployeeID":      {BasicEmployeeID, sandbox.DemoBasicID},
		"Basic2EmployeeID":     {Basic2EmployeeID, sandbox.DemoBasic2ID},
		"TerminatedEmployeeID": {TerminatedEmployeeID, sandbox.DemoTerminatedID},
	} {
		if pair[0] != pair[1] {
			t.Errorf("%s = %d, the sandbox says %d", name, pair[0], pair[1])
		}
	}
	if !DemoTime.Equal(sandbox.DefaultNow) {
		t.Errorf("DemoTime = %v, sandbox.DefaultNow = %v", DemoTime, sandbox.DefaultNow)
	}
	resources := []string{
		Employees, Teams, Locations, LegalEntities, Workplaces, CompanyHolidays, LeaveTypes, Leaves, Policies,
		Shifts, Attendance, BreakConfigurations, ManagedShifts, Payslips, Folders, Documents, Tasks, TaskFiles,
		Webhooks, WebhooksV2, Events, APIKeys, CustomFields, CustomValues, CustomTables, CustomTableFields,
		CustomTableValues, Posts, JobPostings, Candidates, Applications, AtsMessages, FamilySituations,
		ContractVersions, Supplements, Compensations, Taxonomies, PayrollIntegrationCodes, Expenses,
		Memberships, Allowances, CustomFieldOptions, ResourceFields, WebhookSubscriptions, WorkAreas,
		JobCatalogRoles, JobCatalogLevels, JobCatalogTreeNodes, JobCatalogNodeAttributes,
		BankAccounts, CardPayments, BankTransactions,
	}
	srv := NewServer(WithTB(t), WithFrozenClock(DemoTime))
	for _, res := range resources {
		if !slices.Contains(srv.Resources(), res) {
			t.Errorf("constant %q names no table of the sandbox %v", res, srv.Resources())
		}
	}
	// The default users are the demo people exactly: syncing them changes
	// nothing, so a server's data equals a bare sandbox's.
	sb, err := sandbox.New()
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range defaultUsers() {
		a, _ := sb.Get(Employees, u.EmployeeID)
		b, _ := srv.Get(Employees, u.EmployeeID)
		if a["email"] != u.Email || a["first_name"] != u.FirstName || a["last_name"] != u.LastName || !reflect.DeepEqual(a, b) {
			t.Errorf("user %d differs from demo employee %d: %+v vs %v", u.ID, u.EmployeeID, u, a)
		}
	}
}
