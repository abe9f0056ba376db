package sandbox

import (
	"encoding/json"
	"net/http"
	"reflect"
	"slices"
	"testing"
	"time"
)

func TestStoreAPI(t *testing.T) {
	e := newEnv(t)
	c := e.client(tokAdmin)

	id := e.s.Put(ResEmployees, map[string]any{"first_name": "Tess", "last_name": "Fixture", "email": "tess@acme.test",
		"team_ids": []int{}, "hiring": map[string]any{"base_compensation_amount_in_cents": int64(1), "base_compensation_type": "monthly"}})
	if id != DemoTerminatedID+1 {
		t.Errorf("Put id = %d, want %d", id, DemoTerminatedID+1)
	}
	got, _ := c.GetEmployeeWithResponse(ctx, id)
	if got.StatusCode() != http.StatusOK || *got.JSON200.FullName != "Tess Fixture" || *got.JSON200.Hiring.BaseCompensationAmountInCents != 1 {
		t.Errorf("Put employee through the API: %s", got.Body)
	}
	// Put with an id replaces; Get/List return copies.
	e.s.Put(ResEmployees, map[string]any{"id": id, "first_name": "Tess", "last_name": "Replaced"})
	rec, ok := e.s.Get(ResEmployees, id)
	if !ok || rec["full_name"] != "Tess Replaced" {
		t.Errorf("Get after replace: %v", rec)
	}
	rec["first_name"] = "mutated"
	if again, _ := e.s.Get(ResEmployees, id); again["first_name"] != "Tess" {
		t.Error("Get returned the stored map, not a copy")
	}
	if n := len(e.s.List(ResEmployees)); n != 6 {
		t.Errorf("List has %d employees", n)
	}
	if err := e.s.AddTeamMember(2, id, true); err != nil {
		t.Fatal(err)
	}
	team, _ := c.GetTeamWithResponse(ctx, 2)
	emp, _ := e.s.Get(ResEmployees, id)
	if !slices.Contains(team.JSON200.EmployeeIDs, id) || !slices.Contains(team.JSON200.LeadIDs, id) || !slices.Equal(intSlice(emp["team_ids"]), []int{2}) {
		t.Errorf("AddTeamMember: team %s, employee team_ids %v", team.Body, emp["team_ids"])
	}
	if !e.s.Delete(ResEmployees, id) || e.s.Delete(ResEmployees, id) {
		t.Error("Delete")
	}

	// Reset restores the demo company exactly.
	fresh, err := New()
	if err != nil {
		t.Fatal(err)
	}
	e.s.Reset()
	for _, res := range e.s.Resources() {
		if !reflect.DeepEqual(e.s.List(res), fresh.List(res)) {
			t.Errorf("%s differs after Reset", res)
		}
	}
}

// TestSeedDeterministicAndAnchored: the seed has no randomness, has a record
// for every resource and moves with the injected clock.
func TestSeedDeterministicAndAnchored(t *testing.T) {
	a, _ := New()
	b, _ := New()
	for _, res := range a.Resources() {
		ja, _ := json.Marshal(a.List(res))
		jb, _ := json.Marshal(b.List(res))
		if string(ja) != string(jb) {
			t.Errorf("%s: two sandboxes seeded differently", res)
		}
		if len(a.List(res)) == 0 {
			t.Errorf("%s has no seeded record", res)
		}
	}
	later, _ := New(WithClock(func() time.Time { return time.Date(2030, 6, 10, 8, 0, 0, 0, time.UTC) }))
	leave, _ := later.Get(ResLeaves, 1)
	if leave["start_on"] != "2030-06-17" {
		t.Errorf("seeded leave starts %v, want a week after the clock's day", leave["start_on"])
	}
	empty, _ := New(WithoutDemoData())
	if len(empty.List(ResEmployees)) != 0 {
		t.Error("WithoutDemoData seeded employees")
	}
	// Every GET-by-id finds its seeded record.
	e := newEnv(t)
	c := e.client(tokAdmin)
	for _, rt := range e.s.routes {
		if rt.kind != kindGet {
			continue
		}
		in := callIn{path: e.pathFor(rt)}
		if r := invoke(t, c, rt.opID, in); r.status != http.StatusOK {
			t.Errorf("%s on the seed: %d %s", rt.opID, r.status, r.body)
		}
	}
	// Demo people have the roles the constants promise.
	me, _ := e.client(tokBasic).GetMeWithResponse(ctx)
	admin, _ := c.GetEmployeeWithResponse(ctx, DemoAdminID)
	term, _ := c.GetEmployeeWithResponse(ctx, DemoTerminatedID)
	if me.JSON200.EmployeeID != DemoBasicID || *admin.JSON200.Role != "admin" || term.JSON200.TerminatedOn == nil {
		t.Errorf("demo people: me %s, admin %s, terminated %s", me.Body, admin.Body, term.Body)
	}
}

// TestResourceConstants: the constants name exactly the tables the spec's
// operations use, apart from the dated-only tables nothing hand-written
// names.
func TestResourceConstants(t *testing.T) {
	consts := []string{
		ResEmployees, ResTeams, ResLocations, ResLegalEntities, ResWorkplaces, ResCompanyHolidays, ResLeaveTypes,
		ResLeaves, ResPolicies, ResShifts, ResAttendance, ResBreakConfigurations, ResManagedShifts, ResPayslips,
		ResFolders, ResDocuments, ResTasks, ResTaskFiles, ResWebhooks, ResWebhooksV2, ResEvents, ResAPIKeys,
		ResCustomFields, ResCustomValues, ResCustomTables, ResCustomTableFields, ResCustomTableValues, ResPosts,
		ResJobPostings, ResCandidates, ResApplications, ResAtsMessages, ResFamilySituations, ResContractVersions,
		ResSupplements, ResCompensations, ResTaxonomies, ResPayrollIntegrationCodes, ResExpenses,
		ResMemberships, ResAllowances, ResCustomFieldOptions, ResResourceFields, ResWebhookSubscriptions, ResWorkAreas,
		ResJobCatalogRoles, ResJobCatalogLevels, ResJobCatalogTreeNodes, ResJobCatalogNodeAttributes,
		ResBankAccounts, ResCardPayments, ResBankTransactions,
		ResAllowanceIncidences, ResBlockedPeriods, ResPolicyAssignments,
		ResEUAbsences, ResEUContractChanges, ResEUNewHires, ResEUPersonalChanges, ResEUTerminations,
		ResPostGroups, ResPostComments,
		ResITAssets, ResITAssetModels, ResCustomResources, ResCustomResourceSchemas, ResCustomResourceValues,
		ResBookkeeperIncidences, ResApprovalFlows, ResSyncableItems, ResSyncableSyncRuns, ResSyncRunOutputs,
		ResMarketplaceInstallations, ResMarketplaceSettings,
		ResAtsApplicationPhases, ResAtsHiringStages, ResAtsCandidateSources, ResAtsRejectionReasons,
		ResAtsEvaluationForms, ResAtsFeedbacks, ResAtsQuestions, ResAtsAnswers,
		ResPerfProcesses, ResPerfTargets, ResPerfEvaluations, ResPerfOwners, ResPerfAgreements, ResPerfQuestionnaires,
		ResPerfVisibility, ResPerfTemplates, ResPerfScales, ResPerfCompanyScales, ResPerfAnswers, ResPerfScores,
		ResPMProjects, ResPMSubprojects, ResPMWorkers, ResPMTimeRecords, ResPMPlannedRecords, ResPMBudgetStrategies,
		ResPMExpenseRecords, ResPMProjectTasks,
		ResTrainingCategories, ResTrainings, ResTrainingClasses, ResTrainingSessions, ResSessionAccessMembers,
		ResSessionAttendances, ResTrainingMemberships,
		ResEmployeeBreakConfigs, ResEditTimesheetRequests, ResOvertimeRequests, ResAttendanceReviews,
		ResTimeBreakConfigs, ResPlannedBreaks, ResPlanningVersions, ResWorkSchedules, ResOverlapPeriods,
		ResDayConfigurations,
		ResContractTemplates, ResContractVersionHistories, ResMaterializedTemplates, ResFrenchContractTypes,
		ResGermanContractTypes, ResPortugueseContractTypes, ResSpanishContractTypes, ResSpanishEducationLevels,
		ResSpanishProfessionalCats, ResSpanishWorkingDayTypes, ResCompensationConcepts, ResPayrollPolicyPeriods,
		ResPayrollEmployeeIdentifiers,
		ResExpensables, ResMileages, ResPerDiems,
		ResPurchaseOrders, ResPurchaseRequests, ResProcurementTypes,
		ResLedgerAccounts, ResAccountingSettings, ResBudgetOptions, ResFinanceCategories, ResFinanceContacts,
		ResCostCenters, ResCostCenterMemberships, ResLedgerAccountResources, ResTaxRates, ResTaxTypes,
		ResJournalEntries, ResJournalLines, ResFinancialDocuments,
	}
	s, _ := New()
	// A table only the dated API's generic engine serves (namespace_resource,
	// no v1 route, no entry in datedTables) needs no constant: code that
	// names it in a rule, view or seed declares one, and then it is listed.
	generic := map[string]bool{}
	for _, rt := range s.dated {
		generic[rt.resource] = rt.resource != ""
	}
	for _, rt := range s.routes {
		delete(generic, rt.resource)
	}
	for _, table := range datedTables {
		delete(generic, table)
	}
	for _, c := range consts {
		delete(generic, c)
	}
	var want []string
	for _, res := range s.Resources() {
		if !generic[res] {
			want = append(want, res)
		}
	}
	slices.Sort(consts)
	if !slices.Equal(want, consts) {
		t.Errorf("resources from the spec that need a constant %v\nconstants %v", want, consts)
	}
	// Twins and aliases share tables.
	for res, ops := range map[string][]string{
		ResEmployees:         {"ListEmployees", "ListEmployeesV2", "ListEmployeesBulk"},
		ResLeaves:            {"ListLeaves", "ListLeavesV2", "ListLeavesLegacy"},
		ResShifts:            {"ListShifts", "ListShiftsLegacy", "ClockIn", "ClockInLegacy"},
		ResTeams:             {"ListTeams", "ListTeamsLegacy"},
		ResLocations:         {"ListLocations"},
		ResWorkplaces:        {"ListWorkplaces"},
		ResAttendance:        {"ListAttendance", "ListAttendanceBulk", "StartBreak"},
		ResWebhooks:          {"ListWebhooks", "ListWebhooksLegacy"},
		ResWebhooksV2:        {"ListWebhooksV2"},
		ResCandidates:        {"ListCandidates", "ListAtsCandidatesLegacy"},
		ResTaskFiles:         {"ListTaskFiles", "GetTaskFile", "DeleteTaskFile"},
		ResTasks:             {"ListTasks", "CopyTask"},
		ResCustomTableValues: {"ListCustomTableValues"},
	} {
		for _, op := range ops {
			if rt := s.byOp[op]; rt == nil || rt.resource != res {
				t.Errorf("%s is not served from %s", op, res)
			}
		}
	}
}
