package oauth

import (
	"fmt"
	"slices"
	"strings"
)

// OAuth scopes Factorial knows, for WithScopes and AuthScopes. They are
// plain strings so that a scope Factorial adds later can be requested
// before this package has a constant for it.
//
// The v1 API knows only ScopeRead and ScopeWrite, which New requests by
// default. The dated API (/api/<version>/resources/...) grants each area
// to a granular scope instead; each one covers reading and writing its
// area. An application's scopes are chosen when it is created on
// Factorial's OAuth applications page, a request may ask for those or a
// subset, and changing an application's scopes invalidates its existing
// tokens.
const (
	ScopeRead  = "read"  // v1: read access
	ScopeWrite = "write" // v1: write access

	ScopeBanking                   = "banking"
	ScopeCompanyLegalEntities      = "company_legal_entities"
	ScopeCompanyHolidays           = "company_holidays"
	ScopeCompanyLocations          = "company_locations"
	ScopeContracts                 = "contracts"
	ScopeCustomFields              = "custom_fields"
	ScopeDocuments                 = "documents"
	ScopeEmployees                 = "employees" // employees and teams
	ScopeEmployeeUpdates           = "employee_updates"
	ScopeExpenses                  = "expenses"
	ScopeFinance                   = "finance"
	ScopeIntegrations              = "integrations"
	ScopeJobCatalog                = "job_catalog"
	ScopeMarketplace               = "marketplace"
	ScopePayroll                   = "payroll"
	ScopePayrollSupplements        = "payroll_supplements"
	ScopePerformance               = "performance"
	ScopePosts                     = "posts"
	ScopeProjectManagementExpenses = "project_management_expenses"
	ScopeProjectManagementProjects = "project_management_projects"
	ScopeProjectManagementTime     = "project_management_time"
	ScopeShiftManagement           = "shift_management"
	ScopeTasks                     = "tasks"
	ScopeTimeOff                   = "time_off"
	ScopeTimeTracking              = "time_tracking" // attendance, work schedules, time planning
	ScopeTrainings                 = "trainings"
	ScopeRecruitment               = "recruitment"
)

// LegacyScopes returns the v1 scopes, read and write: what New requests
// unless WithScopes says otherwise.
func LegacyScopes() []string { return []string{ScopeRead, ScopeWrite} }

// GranularScopes returns every granular scope of the dated API, in the
// order Factorial's scope guide lists them. Request only the ones the
// program needs: the user sees them on the consent page, and a token
// carrying fewer scopes does less damage if it leaks.
func GranularScopes() []string {
	return []string{
		ScopeBanking, ScopeCompanyLegalEntities, ScopeCompanyHolidays, ScopeCompanyLocations,
		ScopeContracts, ScopeCustomFields, ScopeDocuments, ScopeEmployees, ScopeEmployeeUpdates,
		ScopeExpenses, ScopeFinance, ScopeIntegrations, ScopeJobCatalog, ScopeMarketplace,
		ScopePayroll, ScopePayrollSupplements, ScopePerformance, ScopePosts,
		ScopeProjectManagementExpenses, ScopeProjectManagementProjects, ScopeProjectManagementTime,
		ScopeShiftManagement, ScopeTasks, ScopeTimeOff, ScopeTimeTracking, ScopeTrainings,
		ScopeRecruitment,
	}
}

// normalizeScopes turns scopes as a caller passed them into the list the
// authorize URL carries, space-joined: an element holding several
// space-separated scopes ("read write") is split, duplicates and empty
// elements are dropped, order is kept. A comma is refused: Doorkeeper
// splits on whitespace only, so "read,write" would reach it as one unknown
// scope and fail as invalid_scope after the user has already been sent to
// the consent page.
func normalizeScopes(in []string) ([]string, error) {
	out := make([]string, 0, len(in))
	for _, s := range in {
		for _, f := range strings.Fields(s) {
			if strings.Contains(f, ",") {
				return nil, fmt.Errorf("oauth: scope %q contains a comma: scopes are separate arguments (or space-separated), never comma-separated", f)
			}
			if !slices.Contains(out, f) {
				out = append(out, f)
			}
		}
	}
	return out, nil
}
