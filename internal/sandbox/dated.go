package sandbox

// The dated API (openapi-resources.yaml, /api/<YYYY-MM-DD>/resources/...):
// its routes, classified like v1's but from the dated path shapes, and
// what is particular to it: string ids on the wire, lists as pages, OAuth
// scopes, its error shapes and webhook events. It is served from the same
// tables as v1, so both APIs show one company; datedView (dated_views.go)
// derives the dated fields from the shared records.

import (
	"encoding/base64"
	"fmt"
	"net/http"
	"slices"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

// Tables only the dated API has. Team memberships mirror the teams'
// employee_ids and lead_ids (every membership change goes through
// setMembership, which keeps both).
const (
	ResMemberships          = "memberships"
	ResAllowances           = "allowances"
	ResCustomFieldOptions   = "custom_field_options"
	ResResourceFields       = "resource_fields"
	ResWebhookSubscriptions = "webhook_subscriptions"
	ResWorkAreas            = "work_areas"
)

// Tables of the dated API's time-off extras (rules_dated_timeoff.go):
// manual adjustments of allowance counters, blocked periods, and the
// assignments of policies to employees from a date.
const (
	ResAllowanceIncidences = "timeoff_allowance_incidences"
	ResBlockedPeriods      = "timeoff_blocked_periods"
	ResPolicyAssignments   = "timeoff_policy_assignments"
)

// Tables of the dated API's job catalog (rules_dated_jobcatalog.go):
// roles, their levels, the nodes of the catalog's tree (named by their
// uuid) and the attributes attached to nodes (each naming its node in a
// node_uuid field no response shows).
const (
	ResJobCatalogRoles          = "job_catalog_roles"
	ResJobCatalogLevels         = "job_catalog_levels"
	ResJobCatalogTreeNodes      = "job_catalog_tree_nodes"
	ResJobCatalogNodeAttributes = "job_catalog_node_attributes"
)

// Tables of the dated API's performance reviews
// (rules_dated_performance.go). Visibility settings and questionnaire
// records take the id of their review process.
const (
	ResPerfProcesses      = "performance_review_processes"
	ResPerfTargets        = "performance_review_process_targets"
	ResPerfEvaluations    = "performance_review_evaluations"
	ResPerfOwners         = "performance_review_owners"
	ResPerfAgreements     = "performance_agreements"
	ResPerfQuestionnaires = "performance_review_questionnaire_by_strategies"
	ResPerfVisibility     = "performance_review_visibility_settings"
	ResPerfTemplates      = "performance_review_process_custom_templates"
	ResPerfScales         = "performance_employee_score_scales"
	ResPerfCompanyScales  = "performance_company_employee_score_scales"
	ResPerfAnswers        = "performance_review_evaluation_answers"
	ResPerfScores         = "performance_review_evaluation_scores"
)

// Tables of the dated API's project management namespace
// (rules_dated_projects.go): projects (imputable projects are the same
// records), subprojects, project workers, time records (each naming an
// attendance shift), planned records, budget strategies, expense records
// (each naming an expense) and project tasks (each naming a task).
const (
	ResPMProjects         = "project_management_projects"
	ResPMSubprojects      = "project_management_subprojects"
	ResPMWorkers          = "project_management_project_workers"
	ResPMTimeRecords      = "project_management_time_records"
	ResPMPlannedRecords   = "project_management_planned_records"
	ResPMBudgetStrategies = "project_management_budget_strategies"
	ResPMExpenseRecords   = "project_management_expense_records"
	ResPMProjectTasks     = "project_management_project_tasks"
)

// Tables of the time areas (rules_dated_timetracking.go): attendance
// requests, reviews and each employee's switch for a kind of break, the
// company's kinds of break (time settings), planned breaks and planning
// versions (time planning), and work schedules with their periods and
// weekdays. Planned shifts are v1's managed shifts.
const (
	ResEmployeeBreakConfigs  = "attendance_break_configurations"
	ResEditTimesheetRequests = "attendance_edit_timesheet_requests"
	ResOvertimeRequests      = "attendance_overtime_requests"
	ResAttendanceReviews     = "attendance_reviews"
	ResTimeBreakConfigs      = "time_settings_break_configurations"
	ResPlannedBreaks         = "time_planning_planned_breaks"
	ResPlanningVersions      = "time_planning_planning_versions"
	ResWorkSchedules         = "work_schedule_schedules"
	ResOverlapPeriods        = "work_schedule_overlap_periods"
	ResDayConfigurations     = "work_schedule_day_configurations"
)

// Tables of the dated API's contracts and payroll namespaces named by their
// rules, filters and seeds (rules_dated_contracts.go, seed_dated.go).
const (
	ResContractTemplates          = "contracts_contract_templates"
	ResContractVersionHistories   = "contracts_contract_version_histories"
	ResMaterializedTemplates      = "contracts_materialized_templates"
	ResFrenchContractTypes        = "contracts_french_contract_types"
	ResGermanContractTypes        = "contracts_german_contract_types"
	ResPortugueseContractTypes    = "contracts_portuguese_contract_types"
	ResSpanishContractTypes       = "contracts_spanish_contract_types"
	ResSpanishEducationLevels     = "contracts_spanish_education_levels"
	ResSpanishProfessionalCats    = "contracts_spanish_professional_categories"
	ResSpanishWorkingDayTypes     = "contracts_spanish_working_day_types"
	ResCompensationConcepts       = "compensations_concepts"
	ResPayrollPolicyPeriods       = "payroll_policy_periods"
	ResPayrollEmployeeIdentifiers = "payroll_employees_identifiers"
)

// Tables of the dated API's expenses (rules_dated_expenses.go): the
// expensables (one per claim, carrying its status) and the mileage claims
// and per diems they name; the expenses themselves are v1's (ResExpenses).
const (
	ResExpensables = "expenses_expensables"
	ResMileages    = "expenses_mileages"
	ResPerDiems    = "expenses_per_diems"
)

// Tables of the dated API's procurement namespace, read-only and served
// by the generic engine; seedProcurement fills them.
const (
	ResPurchaseOrders   = "procurement_purchase_orders"
	ResPurchaseRequests = "procurement_purchase_requests"
	ResProcurementTypes = "procurement_types"
)

// Tables of the dated API's finance namespace (rules_dated_finance.go).
const (
	ResLedgerAccounts         = "finance_accounts"
	ResAccountingSettings     = "finance_accounting_settings"
	ResBudgetOptions          = "finance_budget_options"
	ResFinanceCategories      = "finance_categories"
	ResFinanceContacts        = "finance_contacts"
	ResCostCenters            = "finance_cost_centers"
	ResCostCenterMemberships  = "finance_cost_center_memberships"
	ResLedgerAccountResources = "finance_ledger_account_resources"
	ResTaxRates               = "finance_tax_rates"
	ResTaxTypes               = "finance_tax_types"
	ResJournalEntries         = "finance_journal_entries"
	ResJournalLines           = "finance_journal_lines"
	ResFinancialDocuments     = "finance_financial_documents"
)

// demoCompanyID is the id of the sandbox's one company: a dated request
// naming any other company_id is refused (422), as Factorial refuses a
// company the credential does not belong to.
const demoCompanyID = 1

// DatedAPIVersion is the version the dated spec describes. Every released
// version (FirstAPIVersion to NewestAPIVersion) is served with it:
// Factorial answers a retired version with its oldest schema rather than
// an error, and the sandbox has one schema for all of them.
const DatedAPIVersion = "2026-07-01"

// datedTables maps a dated collection (namespace/resource) to the table it
// is served from; v1 tables where v1 has the same records. A collection
// missing here gets a table of its own (namespace_resource), served by the
// generic engine. "" marks answers computed from other tables.
var datedTables = map[string]string{
	"api_public/credentials":                       "",
	"api_public/webhook_subscriptions":             ResWebhookSubscriptions,
	"employees/employees":                          ResEmployees,
	"teams/teams":                                  ResTeams,
	"teams/memberships":                            ResMemberships,
	"locations/locations":                          ResLocations,
	"locations/work_areas":                         ResWorkAreas,
	"companies/legal_entities":                     ResLegalEntities,
	"holidays/company_holidays":                    ResCompanyHolidays,
	"timeoff/leaves":                               ResLeaves,
	"timeoff/leave_types":                          ResLeaveTypes,
	"timeoff/allowances":                           ResAllowances,
	"timeoff/allowance_stats":                      "",
	"timeoff/policies":                             ResPolicies,
	"timeoff/policy_timelines":                     "",
	"employee_updates/summaries":                   "",
	"posts/posts":                                  ResPosts,
	"posts/groups":                                 ResPostGroups,
	"posts/comments":                               ResPostComments,
	"attendance/shifts":                            ResShifts,
	"documents/documents":                          ResDocuments,
	"documents/folders":                            ResFolders,
	"custom_fields/fields":                         ResCustomFields,
	"custom_fields/options":                        ResCustomFieldOptions,
	"custom_fields/resource_fields":                ResResourceFields,
	"custom_fields/values":                         ResCustomValues,
	"payroll/supplements":                          ResSupplements,
	"tasks/tasks":                                  ResTasks,
	"tasks/task_files":                             ResTaskFiles,
	"ats/job_postings":                             ResJobPostings,
	"ats/candidates":                               ResCandidates,
	"ats/applications":                             ResApplications,
	"ats/messages":                                 ResAtsMessages,
	"performance/review_process_estimated_targets": "",
	"performance/target_managers":                  "",
	// Imputable projects are the projects, in their short form.
	"project_management/imputable_projects":  ResPMProjects,
	"project_management/exportable_expenses": "",
	"attendance/open_shifts":                 "",
	"attendance/estimated_times":             "",
	"attendance/worked_times":                "",
	"shift_management/shifts":                ResManagedShifts,

	// Contracts and payroll: v1's records where v1 has them.
	"contracts/contract_versions":          ResContractVersions,
	"contracts/reference_contracts":        ResContractVersions,
	"contracts/contract_version_meta_data": "",
	"contracts/compensations":              ResCompensations,
	"contracts/taxonomies":                 ResTaxonomies,
	"payroll/family_situations":            ResFamilySituations,
	"payroll_integrations_base/codes":      ResPayrollIntegrationCodes,
	"documents/download_urls":              "",
	"expenses/expenses":                    ResExpenses,
}

// datedAction is a hand-written handler of the dated API, keyed by method
// and path shape ("POST timeoff/leaves/approve", "PUT teams/memberships/{id}").
type datedAction struct {
	fn      actionFunc
	self    bool // basic users may call it for their own employee_id (the default)
	manager bool // so may the employee's time-off manager (the handler checks)
}

var datedActions map[string]datedAction

func init() {
	datedActions = map[string]datedAction{
		"GET api_public/credentials":                                   {fn: (*call).credentials},
		"POST api_public/webhook_subscriptions":                        {fn: (*call).createSubscription},
		"PUT api_public/webhook_subscriptions/{id}":                    {fn: (*call).updateSubscription},
		"POST employees/employees/create_with_contract":                {fn: (*call).createWithContract},
		"POST employees/employees/invite":                              {fn: (*call).invite},
		"POST employees/employees/set_regular_access_start_date":       {fn: (*call).setRegularAccessStart},
		"POST employees/employees/terminate":                           {fn: (*call).terminateDated},
		"POST employees/employees/unterminate":                         {fn: (*call).unterminate},
		"POST teams/memberships":                                       {fn: (*call).createMembership},
		"PUT teams/memberships/{id}":                                   {fn: (*call).updateMembership},
		"DELETE teams/memberships/{id}":                                {fn: (*call).deleteMembership},
		"POST timeoff/leaves":                                          {fn: (*call).create, self: true},
		"POST timeoff/leaves/approve":                                  {fn: (*call).approveLeave, manager: true},
		"POST timeoff/leaves/approve_all":                              {fn: (*call).approveLeave, manager: true},
		"POST timeoff/leaves/reject":                                   {fn: (*call).rejectLeave, manager: true},
		"POST timeoff/allowances/delete_with_alt_allowance":            {fn: (*call).deleteAllowanceWithAlt},
		"GET timeoff/allowance_stats":                                  {fn: (*call).allowanceStats},
		"GET timeoff/allowance_stats/{id}":                             {fn: (*call).allowanceStat},
		"GET timeoff/policy_timelines":                                 {fn: (*call).policyTimelines},
		"GET employee_updates/summaries":                               {fn: (*call).listEmployeeUpdateSummaries},
		"GET employee_updates/summaries/{id}":                          {fn: (*call).getEmployeeUpdateSummary},
		"GET posts/comments":                                           {fn: (*call).listPostComments},
		"POST posts/groups/archive":                                    {fn: (*call).archivePostGroup},
		"POST attendance/shifts":                                       {fn: (*call).create, self: true},
		"POST attendance/shifts/clock_in":                              {fn: (*call).clockInDated, self: true},
		"POST attendance/shifts/clock_out":                             {fn: (*call).clockOutDated, self: true},
		"POST attendance/shifts/break_start":                           {fn: (*call).breakStartDated, self: true},
		"POST attendance/shifts/break_end":                             {fn: (*call).breakEndDated, self: true},
		"POST attendance/shifts/toggle_clock":                          {fn: (*call).toggleClock, self: true},
		"POST attendance/shifts/autofill":                              {fn: (*call).autofill},
		"POST documents/documents/move_to_trash_bin":                   {fn: (*call).moveToTrashBin},
		"POST documents/documents/restore_from_trash_bin":              {fn: (*call).restoreFromTrashBin},
		"POST locations/work_areas/archive":                            {fn: (*call).archiveWorkArea},
		"GET contracts/reference_contracts":                            {fn: (*call).referenceContracts},
		"GET contracts/contract_versions/{id}":                         {fn: (*call).getPersonalRecord},
		"GET contracts/contract_version_histories/{id}":                {fn: (*call).getPersonalRecord},
		"GET payroll_employees/identifiers/{id}":                       {fn: (*call).getPersonalRecord},
		"GET contracts/contract_version_meta_data":                     {fn: (*call).contractVersionMetaData},
		"POST payroll/policy_periods/change_status":                    {fn: (*call).changePolicyPeriodStatus},
		"POST locations/work_areas/unarchive":                          {fn: (*call).unarchiveWorkArea},
		"POST tasks/tasks/bulk_create":                                 {fn: (*call).createTasksInBulk},
		"POST tasks/tasks/bulk_delete":                                 {fn: (*call).deleteTasksInBulk},
		"POST tasks/tasks/bulk_update":                                 {fn: (*call).updateTasksInBulk},
		"POST tasks/tasks/copy":                                        {fn: (*call).copyDatedTask},
		"POST tasks/tasks/create_comment":                              {fn: (*call).commentTask},
		"GET job_catalog/tree_nodes":                                   {fn: (*call).listTreeNodes},
		"GET job_catalog/node_attributes":                              {fn: (*call).listNodeAttributes},
		"POST banking/bank_accounts/create_manual":                     {fn: (*call).createManualBankAccount},
		"GET banking/bank_accounts/{id}":                               {fn: (*call).getBankingRecord},
		"GET banking/card_payments/{id}":                               {fn: (*call).getBankingRecord},
		"GET banking/transactions/{id}":                                {fn: (*call).getBankingRecord},
		"GET ats/candidates/{id}":                                      {fn: (*call).getCandidate},
		"DELETE it_management/it_assets/{id}":                          {fn: (*call).deleteITAsset},
		"POST approvals/materialized_approvals_flows/approve_resource": {fn: func(c *call) { c.decideApprovalFlow("approved") }, manager: true},
		"POST approvals/materialized_approvals_flows/reject_resource":  {fn: func(c *call) { c.decideApprovalFlow("rejected") }, manager: true},
		"GET integrations/syncable_items":                              {fn: (*call).listSyncableItems},
		"GET marketplace/installation_settings":                        {fn: (*call).listInstallationSettings},
		"POST documents/download_urls/bulk_create":                     {fn: (*call).documentDownloadURLs},
		"POST ats/applications/apply":                                  {fn: (*call).applyToJobPosting},
		"POST ats/applications/move_to_phase":                          {fn: (*call).moveApplicationToPhase},
		"POST ats/job_postings/duplicate":                              {fn: (*call).duplicateDatedPosting},
		"POST ats/evaluation_forms/save_as_template":                   {fn: (*call).saveEvaluationFormAsTemplate},
		// Performance reviews (rules_dated_performance.go): manager marks the
		// actions a process's owners may take; the handler checks ownership.
		"GET performance/review_process_estimated_targets":                                      {fn: (*call).listEstimatedTargets},
		"GET performance/target_managers":                                                       {fn: (*call).listTargetManagers},
		"GET performance/target_managers/{id}":                                                  {fn: (*call).getTargetManager},
		"POST performance/agreements/initiate":                                                  {fn: (*call).initiateAgreement, manager: true},
		"POST performance/agreements/bulk_initiate":                                             {fn: (*call).initiateAgreementsInBulk, manager: true},
		"POST performance/company_employee_score_scales/set":                                    {fn: (*call).setCompanyEmployeeScoreScale},
		"POST performance/review_evaluations/replace_reviewer":                                  {fn: (*call).replaceReviewEvaluationReviewer, manager: true},
		"POST performance/review_owners/bulk_create":                                            {fn: (*call).createReviewOwnersInBulk, manager: true},
		"DELETE performance/review_owners/{id}":                                                 {fn: (*call).deleteReviewOwner, manager: true},
		"POST performance/review_processes":                                                     {fn: (*call).createReviewProcess},
		"DELETE performance/review_processes/{id}":                                              {fn: (*call).deleteReviewProcess, manager: true},
		"POST performance/review_processes/create_from_template":                                {fn: (*call).createReviewProcessFromTemplate},
		"POST performance/review_processes/duplicate":                                           {fn: (*call).duplicateReviewProcess, manager: true},
		"POST performance/review_processes/remind_in_bulk":                                      {fn: (*call).remindReviewProcessInBulk, manager: true},
		"POST performance/review_processes/remove_schedule":                                     {fn: (*call).removeReviewProcessSchedule, manager: true},
		"POST performance/review_processes/reopen":                                              {fn: (*call).reopenReviewProcess, manager: true},
		"POST performance/review_processes/schedule":                                            {fn: (*call).scheduleReviewProcess, manager: true},
		"POST performance/review_processes/start":                                               {fn: (*call).startReviewProcess, manager: true},
		"POST performance/review_processes/stop":                                                {fn: (*call).stopReviewProcess, manager: true},
		"POST performance/review_processes/toggle_archive":                                      {fn: (*call).toggleReviewProcessArchive, manager: true},
		"POST performance/review_processes/update_agreements_configuration":                     {fn: perfToggle("agreements_configuration"), manager: true},
		"POST performance/review_processes/update_basic_info":                                   {fn: (*call).updateReviewProcessBasicInfo, manager: true},
		"POST performance/review_processes/update_competencies_assessments_configuration":       {fn: perfToggle("competencies_assessments_configuration"), manager: true},
		"POST performance/review_processes/update_deadline":                                     {fn: (*call).updateReviewProcessDeadline, manager: true},
		"POST performance/review_processes/update_employee_score_configuration":                 {fn: perfToggle("employee_score_enabled"), manager: true},
		"POST performance/review_processes/update_reviewer_strategies":                          {fn: (*call).updateReviewProcessReviewerStrategies, manager: true},
		"POST performance/review_processes/update_schedule":                                     {fn: (*call).updateReviewProcessSchedule, manager: true},
		"POST performance/review_processes/update_target_strategy":                              {fn: (*call).updateReviewProcessTargetStrategy, manager: true},
		"GET performance/review_process_targets/{id}":                                           {fn: (*call).getReviewProcessTarget},
		"DELETE performance/review_process_targets/{id}":                                        {fn: (*call).deleteReviewProcessTarget, manager: true},
		"POST performance/review_process_targets/add_peers":                                     {fn: (*call).addReviewProcessTargetPeers, manager: true},
		"POST performance/review_process_targets/bulk_create":                                   {fn: (*call).createReviewProcessTargetsInBulk, manager: true},
		"POST performance/review_process_targets/remove_peer_evaluations":                       {fn: (*call).removeReviewProcessTargetPeerEvaluations, manager: true},
		"POST performance/review_questionnaire_by_strategies/update_default_rating_scale":       {fn: (*call).updateDefaultRatingScale, manager: true},
		"POST performance/review_questionnaire_by_strategies/update_questionnaire_for_strategy": {fn: (*call).updateQuestionnaireForStrategy, manager: true},
		"PUT performance/review_visibility_settings/{id}":                                       {fn: (*call).update, manager: true},
		"GET project_management/projects/{id}":                                                  {fn: (*call).getVisibleProject},
		"GET project_management/imputable_projects/{id}":                                        {fn: (*call).getVisibleProject},
		"POST project_management/projects/activate":                                             {fn: (*call).activateProject},
		"POST project_management/projects/close":                                                {fn: (*call).closeProject},
		"POST project_management/projects/change_status":                                        {fn: (*call).changeProjectStatus},
		"POST project_management/projects/change_assignment":                                    {fn: (*call).changeProjectAssignment},
		"POST project_management/projects/soft_delete":                                          {fn: (*call).softDeleteProject},
		"POST project_management/subprojects/rename":                                            {fn: (*call).renameSubproject},
		"POST project_management/project_workers/bulk_create":                                   {fn: (*call).createWorkersInBulk},
		"POST project_management/project_workers/bulk_assign":                                   {fn: (*call).assignWorkersInBulk},
		"POST project_management/project_workers/unassign":                                      {fn: (*call).unassignWorker},
		"POST project_management/time_records/bulk_delete":                                      {fn: (*call).deleteTimeRecordsOfDay},
		"POST project_management/time_records/bulk_process":                                     {fn: (*call).processTimeRecordsInBulk},
		"POST project_management/time_records/update_project_worker":                            {fn: (*call).moveTimeRecord},
		"POST project_management/planned_records/bulk_create":                                   {fn: (*call).createPlannedRecordsInBulk},
		"GET project_management/exportable_expenses":                                            {fn: (*call).exportableExpenses},
		"POST project_management/project_tasks":                                                 {fn: (*call).createProjectTask},
		"PUT project_management/project_tasks/{id}":                                             {fn: (*call).updateProjectTask},
		"GET project_management/project_tasks/{id}":                                             {fn: (*call).getVisibleProjectTask},
		"POST project_management/project_tasks/bulk_destroy":                                    {fn: (*call).deleteProjectTasksInBulk},
		"POST project_management/project_tasks/bulk_duplicate":                                  {fn: (*call).duplicateProjectTasksInBulk},
		"POST trainings/session_access_memberships/bulk_create":                                 {fn: (*call).createSessionAccessMembers},
		"POST trainings/session_access_memberships/bulk_destroy":                                {fn: (*call).deleteSessionAccessMembers},
		"POST trainings/session_attendances/bulk_update":                                        {fn: (*call).updateSessionAttendances},
		"POST trainings/trainings/bulk_delete":                                                  {fn: (*call).deleteTrainingsInBulk},
		"POST trainings/trainings/bulk_update_catalog":                                          {fn: (*call).setTrainingsCatalog},
		"POST trainings/trainings/update_status":                                                {fn: (*call).updateTrainingStatus},
		"POST trainings/training_memberships/bulk_create":                                       {fn: (*call).createTrainingMemberships},
		"POST trainings/training_memberships/bulk_destroy":                                      {fn: (*call).deleteTrainingMemberships},
		"GET attendance/open_shifts":                                                            {fn: (*call).listOpenShifts},
		"GET attendance/estimated_times":                                                        {fn: (*call).listEstimatedTimes},
		"GET attendance/worked_times":                                                           {fn: (*call).listWorkedTimes},
		"GET attendance/reviews":                                                                {fn: (*call).listAttendanceReviews},
		"POST attendance/reviews/bulk_create":                                                   {fn: (*call).createAttendanceReviews},
		"POST attendance/reviews/bulk_destroy":                                                  {fn: (*call).deleteAttendanceReviews},
		"POST attendance/overtime_requests/approve":                                             {fn: (*call).approveOvertimeRequest},
		"POST attendance/overtime_requests/reject":                                              {fn: (*call).rejectOvertimeRequest},
		"POST shift_management/shifts/bulk_create":                                              {fn: (*call).createPlannedShiftsInBulk},
		"POST shift_management/shifts/bulk_delete":                                              {fn: (*call).deletePlannedShiftsInBulk},
		"POST time_planning/planned_breaks/bulk_create":                                         {fn: (*call).createPlannedBreaksInBulk},
		"POST time_planning/planning_versions/bulk_create":                                      {fn: (*call).createPlanningVersionsInBulk},
		"POST work_schedule/schedules/toggle_archive":                                           {fn: (*call).toggleWorkScheduleArchive},
		"POST work_schedule/day_configurations/bulk_cud":                                        {fn: (*call).applyDayConfigurationChanges},
		"POST expenses/expensables/bulk_set_to_paid":                                            {fn: (*call).setExpensablesToPaid},
		"POST expenses/expensables/update_reimbursable_amount":                                  {fn: (*call).updateReimbursableAmount},
		"POST finance/accounting_settings/upsert":                                               {fn: (*call).upsertAccountingSetting},
		"POST finance/cost_centers/edit":                                                        {fn: (*call).editCostCenter},
		"POST finance/ledger_account_resources/upsert":                                          {fn: (*call).upsertLedgerAccountResource},
		"POST finance/journal_entries":                                                          {fn: (*call).createJournalEntry},
		"POST finance/cost_center_memberships/bulk_create_update":                               {fn: (*call).replaceCostCenterMemberships},
	}
}

// unpagedLists answer every matching record in one page, as Factorial's
// live shifts list does (meta.paginateable false, meta.limit null).
var unpagedLists = map[string]bool{"GET attendance/shifts": true}

// initDated classifies every operation of the dated spec (paths under
// specvalidate.ResourcesPrefix) and compiles its webhook event payloads.
func (s *Sandbox) initDated(doc *openapi3.T) error {
	c := newCompiler(s)
	s.events = map[string]*shape{}
	if ext, ok := doc.Extensions["x-webhook-events"].(map[string]any); ok {
		for typ, name := range ext {
			n, _ := name.(string)
			sch := doc.Components.Schemas[n]
			if sch == nil {
				return fmt.Errorf("sandbox: webhook event %s names unknown schema %q", typ, n)
			}
			s.events[typ] = c.compile(sch)
		}
	}
	var routes []*route
	for template, item := range doc.Paths.Map() {
		rest, ok := strings.CutPrefix(template, specvalidate.ResourcesPrefix+"/")
		if !ok {
			continue
		}
		for method, op := range item.Operations() {
			rt, err := s.datedRoute(c, doc, method, template, rest, op, &pathItemParams{item.Parameters})
			if err != nil {
				return err
			}
			routes = append(routes, rt)
		}
	}
	sort.Slice(routes, func(i, j int) bool {
		if routes[i].template != routes[j].template {
			return routes[i].template < routes[j].template
		}
		return routes[i].method < routes[j].method
	})
	if len(routes) == 0 {
		return fmt.Errorf("sandbox: the dated spec has no operations under %s", specvalidate.ResourcesPrefix)
	}
	presenceOnUpdate(routes)
	s.dated = routes
	for _, rt := range routes {
		s.byOper[rt.op] = rt
	}
	return nil
}

// datedRoute classifies one dated operation from its path shape:
// ns/res (list, create), ns/res/{id} (get, update, delete) or ns/res/verb
// (an action, which must have a handler in datedActions).
func (s *Sandbox) datedRoute(c *compiler, doc *openapi3.T, method, template, rest string, op *openapi3.Operation, item *pathItemParams) (*route, error) {
	segs := strings.Split(rest, "/")
	if len(segs) < 2 || len(segs) > 3 {
		return nil, fmt.Errorf("sandbox: dated path %s has an unknown shape", template)
	}
	rt := &route{op: op, opID: op.OperationID, method: method, template: template, dated: true}
	ns, res := segs[0], segs[1]
	key := ns + "/" + res
	table, known := datedTables[key]
	if !known {
		table = ns + "_" + res
	}
	rt.resource = table
	shapeKey := key
	verb := ""
	if len(segs) == 3 {
		if isParam(segs[2]) {
			shapeKey += "/{id}"
			rt.idParam = "id"
		} else {
			shapeKey += "/" + segs[2]
			verb = segs[2]
		}
	}
	rt.params = []string{"version"}
	if rt.idParam != "" {
		rt.params = append(rt.params, "id")
	}
	status, resp, _ := c.success(op, method)
	rt.status, rt.resp = status, resp
	rt.item = elem(resp)
	rt.respArray = resp != nil && resp.kind == shArray
	if resp != nil && resp.kind == shObject && resp.props["data"] != nil && resp.props["data"].kind == shArray && resp.props["meta"] != nil {
		rt.paged, rt.item = true, resp.props["data"].items
		rt.unpaged = unpagedLists[method+" "+shapeKey]
	}
	rt.body = c.requestBody(op)

	if a, ok := datedActions[method+" "+shapeKey]; ok {
		rt.kind, rt.action, rt.self, rt.manager = kindAction, a.fn, a.self, a.manager
	} else {
		switch {
		case verb != "":
			// An action without a rule in datedActions: it answers 501
			// (see engine.go) and every other operation is served.
			rt.kind = kindAction
		case rt.idParam == "" && method == http.MethodGet:
			rt.kind = kindList
		case rt.idParam == "" && method == http.MethodPost:
			rt.kind = kindCreate
		case method == http.MethodGet:
			rt.kind = kindGet
		case method == http.MethodPut:
			rt.kind = kindUpdate
		case method == http.MethodDelete:
			rt.kind = kindDelete
		default:
			rt.kind = kindAction // no generic meaning: 501, like an action without a rule
		}
	}
	if rt.kind == kindAction && rt.idParam == "" && rt.body != nil && rt.body.props["id"] != nil {
		rt.bodyID, rt.idParam = true, "id"
	}
	rt.admin = adminOnly[rt.resource] || rt.resource == ResWebhookSubscriptions
	rt.scopes = oauthScopes(doc, op)

	// The event a success raises: <namespace>/<singular resource>/<verb>,
	// where plain creates, updates and deletes are create, update, delete.
	switch {
	case verb != "":
	case method == http.MethodPost:
		verb = "create"
	case method == http.MethodPut:
		verb = "update"
	case method == http.MethodDelete:
		verb = "delete"
	}
	if ev := ns + "/" + singular(res) + "/" + verb; verb != "" && s.events[ev] != nil {
		rt.eventType = ev
	}
	c.queryParams(rt, op, item)
	rt.query = slices.DeleteFunc(rt.query, func(p queryPlan) bool { return slices.Contains(customParams[rt.resource], p.param) })
	return rt, nil
}

// customParams are list parameters a dated filter (datedFilters) applies,
// whose names would otherwise make the generic matcher compare a field of
// the same name (a shift's updated_at is a timestamp, the parameter a
// day).
var customParams = map[string][]string{
	ResShifts:               {"updated_at", "half_day"},
	ResCardPayments:         {"from", "to"},
	ResBankTransactions:     {"from", "to"},
	ResPMPlannedRecords:     {"start_date", "end_date"},
	ResPMWorkers:            {"assigned"},
	ResAttendanceReviews:    {"reviewed_at"},
	ResFinanceContacts:      {"legal_name"},
	ResBookkeeperIncidences: {"starts_on", "ends_on"},
}

// oauthScopes are the scopes of the operation's oauth2 requirement (the
// document's when the operation sets none).
func oauthScopes(doc *openapi3.T, op *openapi3.Operation) []string {
	reqs := doc.Security
	if op.Security != nil {
		reqs = *op.Security
	}
	var out []string
	for _, req := range reqs {
		out = append(out, req["oauth2"]...)
	}
	return out
}

// insufficientScope is Doorkeeper's description of a token that lacks a
// scope the action requires.
const insufficientScope = "The request requires higher privileges than provided by the access token."

// scopeError is the 403 for a token whose scopes lack one the dated
// operation requires; nil when it may proceed. Tokens without scopes (nil:
// API keys, v1-style tokens) have them all. v1 operations are not checked:
// openapi.yaml lists read and write on every operation, the app-wide grant
// of the legacy API, not a per-operation rule.
func scopeError(rt *route, p Principal) *apiError {
	if !rt.dated {
		return nil
	}
	var missing []string
	for _, sc := range rt.scopes {
		if !p.hasScope(sc) {
			missing = append(missing, sc)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	return &apiError{
		status: http.StatusForbidden,
		body:   map[string]any{"errors": []string{"The access token does not grant the " + strings.Join(missing, ", ") + " scope"}},
		header: http.Header{"Www-Authenticate": {`Bearer realm="Doorkeeper", error="insufficient_scope", error_description="` + insufficientScope + `"`}},
	}
}

// serveDated answers a dated operation: scopes first (Doorkeeper refuses
// before the controller runs), then the body, blank required strings, the
// role permissions and the handler; a success raises its webhook event.
func (c *call) serveDated() {
	rt := c.rt
	if e := scopeError(rt, c.p); e != nil {
		c.fail(e)
		return
	}
	if !c.readInput() {
		return
	}
	datedIDs(c.in)
	if v, ok := c.in["company_id"]; ok && v != nil && v != demoCompanyID {
		c.fail(invalid("company_id", "The company does not exist"))
		return
	}
	if rt.bodyID {
		c.path["id"] = fmtVal(c.in["id"])
	}
	// Self-service actions default employee_id to the caller's employee.
	// API keys and company tokens act for no employee, so they name one.
	if rt.self && c.in["employee_id"] == nil && c.p.EmployeeID != 0 && !c.p.APIKey && !c.p.Company {
		c.in["employee_id"] = c.p.EmployeeID
	}
	if !c.permitted() {
		c.fail(errForbidden)
		return
	}
	c.dispatch()
	c.flush()
	c.raiseEvents()
	c.raiseBankNumberUpsert()
}

// datedIDs turns the dated API's string ids in a request ("id", "*_id" and
// the items of "*_ids") into the integers the tables use. A value that is
// not a positive decimal integer stays a string and matches no record.
func datedIDs(in map[string]any) {
	for k, v := range in {
		switch {
		case k == "id" || strings.HasSuffix(k, "_id"):
			if n, ok := numericID(v); ok {
				in[k] = n
			}
		case strings.HasSuffix(k, "_ids"):
			if xs, ok := v.([]any); ok {
				for i, x := range xs {
					if n, ok := numericID(x); ok {
						xs[i] = n
					}
				}
			}
		}
	}
}

func numericID(v any) (int, bool) {
	s, ok := v.(string)
	if !ok || s == "" || (s[0] == '0' && len(s) > 1) {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	return n, err == nil && n > 0
}

// listOf is v as a list: a JSON array, or one value.
func listOf(v any) []any {
	switch x := v.(type) {
	case nil:
		return nil
	case []any:
		return x
	case []int:
		out := make([]any, len(x))
		for i, n := range x {
			out[i] = n
		}
		return out
	}
	return []any{v}
}

// existing returns the record of res that id (an integer or a numeric
// string) names, or nil. The caller holds the lock.
func (c *call) existing(res string, id any) map[string]any {
	n, ok := toInt(id)
	if !ok {
		return nil
	}
	return c.s.tbl(res).recs[n]
}

// recordsByIDs finds the records of table a bulk request names, 404
// naming the first id that names none. The caller holds the lock.
func (c *call) recordsByIDs(table string, raw []any) ([]map[string]any, *apiError) {
	out := make([]map[string]any, 0, len(raw))
	for _, x := range raw {
		id, ok := x.(int)
		if !ok {
			id, ok = numericID(x)
		}
		rec := c.s.tbl(table).recs[id]
		if !ok || rec == nil {
			return nil, notFound(fmtVal(x))
		}
		out = append(out, rec)
	}
	return out, nil
}

// datedError reshapes an error answer the way the dated API sends it:
// {"errors": {"errors": ["Email can't be blank"]}} for a refused request
// (400 and 422, Rails' full messages), {"errors": ["..."]} for a missing
// record and any other refusal.
func datedError(e *apiError) *apiError {
	msgs := messagesOf(e.body)
	out := &apiError{status: e.status, header: e.header}
	switch e.status {
	case http.StatusBadRequest, http.StatusUnprocessableEntity:
		out.body = map[string]any{"errors": map[string]any{"errors": msgs}}
	default:
		out.body = map[string]any{"errors": msgs}
	}
	return out
}

// messagesOf lists the messages of a v1-shaped error body.
func messagesOf(body any) []string {
	if xs, ok := body.([]string); ok {
		return xs
	}
	m, _ := body.(map[string]any)
	switch v := m["errors"].(type) {
	case string:
		return []string{v}
	case []string:
		return v
	case map[string][]string:
		fields := slices.Sorted(func(yield func(string) bool) {
			for f := range v {
				if !yield(f) {
					return
				}
			}
		})
		var out []string
		for _, f := range fields {
			for _, msg := range v[f] {
				out = append(out, fullMessage(f, msg))
			}
		}
		return out
	}
	return []string{"Unprocessable request"}
}

// fullMessage is Rails' full_message: the humanised attribute before the
// message ("Email can't be blank"); base errors and messages that are
// already sentences stand alone.
func fullMessage(field, msg string) string {
	if r, _ := utf8.DecodeRuneInString(msg); field == "base" || unicode.IsUpper(r) {
		return msg
	}
	name := strings.TrimSuffix(field, "_id")
	name = strings.ReplaceAll(name, "_", " ")
	r, size := utf8.DecodeRuneInString(name)
	return string(unicode.ToUpper(r)) + name[size:] + " " + msg
}

// maxPage is the dated API's page size: the default and the maximum.
const maxPage = 100

// pagedList answers a dated list: the table's records, seen through the
// dated view, filtered by the declared parameters and the dated filters,
// then paginated.
func (c *call) pagedList() {
	c.locked(readLock, func() *apiError {
		m := newMatcher(c.rt, c.r.URL.Query(), c.path)
		keep := c.datedFilter()
		var out []map[string]any
		c.s.tbl(c.rt.resource).each(func(rec map[string]any) bool {
			v := c.decorate(rec)
			if m.match(v) && (keep == nil || keep(v)) {
				out = append(out, v)
			}
			return true
		})
		return c.respondPage(out)
	})
}

// pageKey orders records for pagination: the id, or _seq for answers
// computed without a table id (allowance stats, credentials).
func pageKey(rec map[string]any) int {
	if n, ok := rec["_seq"].(int); ok {
		return n
	}
	return intOr(rec["id"])
}

// respondPage answers recs (ascending pageKey) as one page {data, meta}:
// limit (default and maximum 100), then cursors (after_id / before_id
// take the opaque meta.end_cursor / meta.start_cursor) or 1-based page
// numbers; no parameter is the first page.
func (c *call) respondPage(recs []map[string]any) *apiError {
	q := c.r.URL.Query()
	meta := map[string]any{"total": len(recs)}
	if c.rt.unpaged {
		meta["limit"], meta["paginateable"] = nil, false
		meta["has_next_page"], meta["has_previous_page"] = false, false
		meta["start_cursor"], meta["end_cursor"] = nil, nil
		c.out = reply{set: true, many: recs, list: true, meta: meta}
		return nil
	}
	limit := maxPage
	if n, err := strconv.Atoi(q.Get("limit")); err == nil && n > 0 {
		limit = min(n, maxPage)
	}
	var from, to int
	switch {
	case q.Get("after_id") != "":
		k, ok := decodeCursor(q.Get("after_id"))
		if !ok {
			return badCursor("after_id")
		}
		from = sort.Search(len(recs), func(i int) bool { return pageKey(recs[i]) > k })
		to = min(from+limit, len(recs))
	case q.Get("before_id") != "":
		k, ok := decodeCursor(q.Get("before_id"))
		if !ok {
			return badCursor("before_id")
		}
		to = sort.Search(len(recs), func(i int) bool { return pageKey(recs[i]) >= k })
		from = max(0, to-limit)
	case q.Get("page") != "":
		// A page past the end is an empty last page; the offset is only
		// computed for pages that exist, so (page-1)*limit cannot
		// overflow.
		p, _ := strconv.Atoi(q.Get("page"))
		p = max(p, 1)
		from = len(recs)
		if p-1 < (len(recs)+limit-1)/limit {
			from = (p - 1) * limit
		}
		to = min(from+limit, len(recs))
	default:
		to = min(limit, len(recs))
	}
	page := recs[from:to]
	meta["limit"] = limit
	meta["has_previous_page"] = from > 0
	meta["has_next_page"] = to < len(recs)
	meta["start_cursor"], meta["end_cursor"] = nil, nil
	if len(page) > 0 {
		meta["start_cursor"] = encodeCursor(pageKey(page[0]))
		meta["end_cursor"] = encodeCursor(pageKey(page[len(page)-1]))
	}
	c.out = reply{set: true, many: page, list: true, meta: meta}
	return nil
}

// badCursor is the 400 for a cursor the API did not issue.
func badCursor(param string) *apiError {
	return &apiError{status: http.StatusBadRequest, body: map[string]any{"errors": "Invalid value for parameter " + param + ": not a cursor this API issued"}}
}

// Cursors are opaque to clients (base64, as Factorial's look): the
// position of a record in its ordering, not its id.
func encodeCursor(key int) string {
	return base64.StdEncoding.EncodeToString([]byte("c" + strconv.Itoa(key)))
}

func decodeCursor(cur string) (int, bool) {
	b, err := base64.StdEncoding.DecodeString(cur)
	if err != nil || len(b) < 2 || b[0] != 'c' {
		return 0, false
	}
	n, err := strconv.Atoi(string(b[1:]))
	return n, err == nil
}

// raiseEvents publishes the webhook event of a successful write, one
// delivery per record answered, to the subscriptions of its type. It runs
// before the response leaves the middleware's buffer, so a client that got
// the answer can wait for the delivery (WaitWebhooks).
func (c *call) raiseEvents() {
	if c.failed || !c.out.set || c.rt.eventType == "" {
		return
	}
	sh := c.s.events[c.rt.eventType]
	recs := c.out.many
	if !c.out.list {
		recs = []map[string]any{c.out.one}
	}
	author := webhookAuthor{kind: "company", id: "1"}
	if c.p.EmployeeID != 0 && !c.p.APIKey && !c.p.Company {
		author = webhookAuthor{kind: "employee", id: strconv.Itoa(c.p.EmployeeID)}
	}
	for _, rec := range recs {
		c.s.hooks.publish(c.rt.eventType, appendJSON(nil, c.pj.value(sh, rec)), author)
	}
}
