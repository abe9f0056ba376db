package sandbox

// How the dated API sees and writes the shared records: views derive the
// fields only the dated schemas have (an employee's active flag, a shift's
// date and minutes, a leave's days_taken, ...) at read time; prepares turn
// dated request fields into the stored form (address_line_one is
// address_line_1, a shift's clock_in timestamp is an HH:MM time plus the
// instant); filters apply the list parameters whose meaning is not a plain
// field comparison.

import (
	"maps"
	"net/url"
	"path"
	"slices"
	"strconv"
	"strings"
	"time"
)

// datedView returns rec as the dated API shows it (a copy when the
// resource has a view). The caller holds the store lock.
func (c *call) datedView(res string, rec map[string]any) map[string]any {
	f := datedViews[res]
	if f == nil {
		return rec
	}
	out := maps.Clone(rec)
	f(c, out)
	return out
}

var datedViews map[string]func(c *call, v map[string]any)

func init() {
	company := func(c *call, v map[string]any) { setDefault(v, "company_id", 1) }
	datedViews = map[string]func(c *call, v map[string]any){
		ResEmployees:    viewEmployee,
		ResTeams:        company,
		ResMemberships:  company,
		ResPolicies:     company,
		ResLeaves:       viewLeave,
		ResLeaveTypes:   viewLeaveType,
		ResShifts:       viewShift,
		ResDocuments:    viewDocument,
		ResCustomFields: viewCustomField,
		ResCustomValues: viewCustomValue,
		ResTasks:        viewTask,

		ResAllowanceIncidences: viewAllowanceIncidence,

		// Performance reviews (rules_dated_performance.go).
		ResPerfProcesses: viewReviewProcess,
		ResPerfTargets:   viewPerfTarget,
		// Project management (rules_dated_projects.go).
		ResPMProjects:    viewProject,
		ResPMSubprojects: viewSubproject,
		ResPMWorkers:     viewWorker,
		ResPMTimeRecords: viewTimeRecord,
		// Trainings (rules_dated_trainings.go).
		ResTrainingCategories:   company,
		ResTrainings:            viewTraining,
		ResTrainingClasses:      viewTrainingClass,
		ResTrainingSessions:     viewTrainingSession,
		ResSessionAccessMembers: viewSessionAccessMember,
		ResSessionAttendances:   viewSessionAttendance,
		ResTrainingMemberships:  viewTrainingMembership,
		// The time areas (rules_dated_timetracking.go,
		// rules_dated_shiftmanagement.go).
		ResEmployeeBreakConfigs: viewEmployeeBreakConfig,
		ResOvertimeRequests:     viewOvertimeRequest,
		ResPlannedBreaks:        viewPlannedBreak,
		ResWorkSchedules:        viewWorkSchedule,
		ResManagedShifts:        viewPlannedShift,
		// Contracts and payroll (rules_dated_contracts.go).
		ResContractVersions:      viewContractVersion,
		ResMaterializedTemplates: viewMaterializedTemplate,
		ResCompensations:         func(c *call, v map[string]any) { setDefault(v, "currency", "EUR") },
		// Expenses (rules_dated_expenses.go).
		ResExpensables: company,
		ResExpenses:    viewExpenseDetail,
		ResMileages:    viewExpenseDetail,
		ResPerDiems:    viewExpenseDetail,

		// Finance (rules_dated_finance.go).
		ResCostCenters: viewCostCenter,

		// The job catalog (rules_dated_jobcatalog.go).
		ResJobCatalogRoles:  company,
		ResJobCatalogLevels: viewJobCatalogLevel,

		// Recruiting (rules_dated_ats.go).
		ResJobPostings:          viewAtsJobPosting,
		ResCandidates:           viewAtsCandidate,
		ResApplications:         viewAtsApplication,
		ResAtsMessages:          viewAtsMessage,
		ResAtsApplicationPhases: viewAtsApplicationPhase,
		ResAtsHiringStages:      company,
		ResAtsCandidateSources:  company,
		ResAtsRejectionReasons:  company,
		ResAtsEvaluationForms:   company,

		ResLocations: func(c *call, v map[string]any) {
			company(c, v)
			setDefault(v, "main", false)
		},
		ResLegalEntities: func(c *call, v map[string]any) {
			company(c, v)
			setDefault(v, "tin", v["tax_identification_number"])
		},
		ResFolders: func(c *call, v map[string]any) {
			company(c, v)
			setDefault(v, "space", "company_public")
		},
		ResSupplements: func(c *call, v map[string]any) {
			company(c, v)
			setDefault(v, "currency", "EUR")
			setDefault(v, "description", v["description_entity"])
			if e := c.s.tbl(ResEmployees).recs[intOr(v["employee_id"])]; e != nil {
				setDefault(v, "legal_entity_id", e["legal_entity_id"])
			}
		},
	}
}

// viewEmployee: active until the termination date has come, terminating
// while it is ahead; the login email is the email.
func viewEmployee(c *call, v map[string]any) {
	setDefault(v, "company_id", 1)
	term, _ := v["terminated_on"].(string)
	v["active"] = term == "" || term > c.pj.today
	v["is_terminating"] = term != "" && term > c.pj.today
	setDefault(v, "attendable", true)
	setDefault(v, "login_email", v["email"])
}

// viewShift: the date from v1's day/month/year, the minutes between
// clock-in and clock-out (null while open), breaks marked not workable.
func viewShift(c *call, v map[string]any) {
	setDefault(v, "company_id", 1)
	if v["date"] == nil {
		y, yok := toInt(v["year"])
		m, mok := toInt(v["month"])
		d, dok := toInt(v["day"])
		if yok && mok && dok {
			v["date"] = time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC).Format(time.DateOnly)
		}
	}
	setDefault(v, "reference_date", v["date"])
	setDefault(v, "workable", true)
	in, _ := v["clock_in"].(string)
	out, _ := v["clock_out"].(string)
	if in != "" {
		setDefault(v, "clock_in_with_seconds", in+":00")
	}
	v["minutes"] = nil
	if a, aok := clockMinutes(in); aok {
		if b, bok := clockMinutes(out); bok {
			if b < a {
				b += 24 * 60 // past midnight
			}
			v["minutes"] = b - a
		}
	}
}

// clockMinutes parses an HH:MM time of day into minutes after midnight.
func clockMinutes(hhmm string) (int, bool) {
	t, err := time.Parse("15:04", hhmm)
	if err != nil {
		return 0, false
	}
	return t.Hour()*60 + t.Minute(), true
}

// viewLeave: days_taken counts the working days (Monday to Friday) from
// start_on to finish_on, half a day for a half-day leave.
func viewLeave(c *call, v map[string]any) {
	setDefault(v, "company_id", 1)
	v["days_taken"] = leaveDays(v)
}

func leaveDays(v map[string]any) float64 {
	if h, _ := v["half_day"].(string); h != "" {
		return 0.5
	}
	start, finish, ok := leaveSpan(v)
	if !ok {
		return 0
	}
	return float64(workdays(start, finish))
}

// leaveSpan is a leave's first and last day, the first again when
// finish_on is unreadable; ok is false when start_on is unreadable.
func leaveSpan(l map[string]any) (from, to time.Time, ok bool) {
	from, err := time.Parse(time.DateOnly, cut(fmtVal(l["start_on"]), "YYYY-MM-DD"))
	if err != nil {
		return time.Time{}, time.Time{}, false
	}
	to, err = time.Parse(time.DateOnly, cut(fmtVal(l["finish_on"]), "YYYY-MM-DD"))
	if err != nil {
		to = from
	}
	return from, to, true
}

// workdays counts Mondays to Fridays from a to b, both included.
func workdays(a, b time.Time) int {
	n := 0
	for d := a; !d.After(b); d = d.AddDate(0, 0, 1) {
		if wd := d.Weekday(); wd != time.Saturday && wd != time.Sunday {
			n++
		}
	}
	return n
}

// viewLeaveType: the allowances that leaves of the type consume.
func viewLeaveType(c *call, v map[string]any) {
	setDefault(v, "company_id", 1)
	for _, k := range []string{"details_required", "payable", "allow_endless", "restricted"} {
		setDefault(v, k, false)
	}
	id := intOr(v["id"])
	ids := []any{}
	c.s.tbl(ResAllowances).each(func(a map[string]any) bool {
		if slices.Contains(intSlice(a["leave_type_ids"]), id) {
			ids = append(ids, a["id"])
		}
		return true
	})
	v["allowance_ids"] = ids
}

// viewDocument: the space an upload went to (an employee's documents or
// the company's), the file's extension.
func viewDocument(c *call, v map[string]any) {
	setDefault(v, "company_id", 1)
	if v["space"] == nil {
		v["space"] = "company_internal"
		if v["employee_id"] != nil {
			v["space"] = "employee_my_documents"
		}
	}
	setDefault(v, "is_company_document", v["employee_id"] == nil)
	if name, _ := v["filename"].(string); name != "" {
		setDefault(v, "extension", strings.TrimPrefix(path.Ext(name), "."))
	}
}

// viewCustomField: v1's label and slug under the dated names.
func viewCustomField(c *call, v map[string]any) {
	setDefault(v, "label_text", v["label"])
	setDefault(v, "slug", v["slug_name"])
	setDefault(v, "slug", v["identifier"])
}

// viewCustomValue: the record holding the value (v1's instance, an
// employee unless said otherwise) and its field's identifier.
func viewCustomValue(c *call, v map[string]any) {
	setDefault(v, "valuable_type", "Employee")
	setDefault(v, "valuable_id", v["instance_id"])
	if f := c.s.tbl(ResCustomFields).recs[intOr(v["field_id"])]; f != nil {
		setDefault(v, "custom_field_identifier", f["identifier"])
		setDefault(v, "label", f["label"])
		setDefault(v, "required", f["required"])
	}
}

// datedPrepares turn a dated create or update into the stored form, and
// refuse what the API refuses. They run before the resource's shared hooks,
// under the write lock.
var datedPrepares map[string]func(c *call, rec, old map[string]any) *apiError

func init() {
	datedPrepares = map[string]func(c *call, rec, old map[string]any) *apiError{
		ResLocations:             prepareDatedLocation,
		ResLegalEntities:         prepareDatedLegalEntity,
		ResShifts:                prepareDatedShift,
		ResDocuments:             prepareDatedDocument,
		ResCustomFields:          prepareDatedCustomField,
		ResCustomFieldOptions:    prepareDatedOption,
		ResResourceFields:        prepareDatedResourceField,
		ResCustomValues:          prepareDatedCustomValue,
		ResSupplements:           prepareDatedSupplement,
		ResAllowances:            prepareDatedAllowance,
		ResEmployees:             prepareDatedEmployee,
		ResWorkAreas:             prepareDatedWorkArea,
		ResPerfVisibility:        prepareVisibility,
		ResTasks:                 prepareDatedTask,
		ResTaskFiles:             prepareDatedTaskFile,
		ResJobPostings:           prepareDatedAtsJobPosting,
		ResApplications:          prepareDatedAtsApplication,
		ResAtsMessages:           prepareDatedAtsMessage,
		ResAtsFeedbacks:          prepareDatedAtsFeedback,
		ResAtsQuestions:          prepareDatedAtsQuestion,
		ResAtsAnswers:            prepareDatedAtsAnswer,
		ResPMProjects:            prepareProject,
		ResPMSubprojects:         prepareSubproject,
		ResPMWorkers:             prepareWorker,
		ResPMTimeRecords:         prepareTimeRecord,
		ResPMPlannedRecords:      preparePlannedRecord,
		ResPMBudgetStrategies:    prepareBudgetStrategy,
		ResTrainings:             prepareTraining,
		ResTrainingClasses:       prepareTrainingClass,
		ResTrainingSessions:      prepareTrainingSession,
		ResTimeBreakConfigs:      prepareTimeBreakConfig,
		ResEmployeeBreakConfigs:  prepareEmployeeBreakConfig,
		ResEditTimesheetRequests: prepareEditTimesheetRequest,
		ResOvertimeRequests:      prepareOvertimeRequest,
		ResPlannedBreaks:         preparePlannedBreak,
		ResPlanningVersions:      preparePlanningVersion,
		ResOverlapPeriods:        prepareOverlapPeriod,
		ResManagedShifts:         preparePlannedShift,

		// Contracts and payroll (rules_dated_contracts.go).
		ResContractVersions:           prepareDatedContractVersion,
		ResCompensations:              prepareDatedCompensation,
		ResSpanishContractTypes:       prepareSpanishCatalogue,
		ResSpanishEducationLevels:     prepareSpanishCatalogue,
		ResSpanishProfessionalCats:    prepareSpanishCatalogue,
		ResSpanishWorkingDayTypes:     prepareSpanishCatalogue,
		ResFamilySituations:           prepareFamilySituation,
		ResPayrollEmployeeIdentifiers: prepareEmployeeIdentifier,
		ResPayrollIntegrationCodes:    prepareIntegrationCode,
		ResTaxRates:                   prepareTaxRate,
		ResAllowanceIncidences:        prepareAllowanceIncidence,
		ResBlockedPeriods:             prepareBlockedPeriod,
		ResPolicyAssignments:          preparePolicyAssignment,
		ResPosts:                      preparePost,
		ResPostComments:               preparePostComment,
		ResITAssets:                   prepareITAsset,
		ResITAssetModels:              prepareITAssetModel,
		ResCustomResourceValues:       prepareCustomResourceValue,
		ResBookkeeperIncidences:       prepareIncidence,
		ResSyncRunOutputs:             prepareSyncRunOutput,
		ResSyncableSyncRuns:           prepareSyncableSyncRun,
		ResMarketplaceInstallations:   prepareInstallation,
		ResFolders: func(c *call, rec, old map[string]any) *apiError {
			setDefault(rec, "active", true)
			return nil
		},
		ResLeaveTypes: func(c *call, rec, old map[string]any) *apiError {
			setDefault(rec, "active", true)
			return nil
		},
		// finish_on is optional on the dated API: a one-day leave.
		ResLeaves: func(c *call, rec, old map[string]any) *apiError {
			setDefault(rec, "finish_on", rec["start_on"])
			return nil
		},
	}
}

// prepareDatedEmployee: an update's access_id names the access (login) of
// the person making the change, not an attribute of the employee, so the
// employee keeps their own.
func prepareDatedEmployee(c *call, rec, old map[string]any) *apiError {
	if old != nil {
		if v, ok := old["access_id"]; ok {
			rec["access_id"] = v
		} else {
			delete(rec, "access_id")
		}
	}
	return nil
}

// prepareDatedLocation: requests spell the address lines
// address_line_one/two, records address_line_1/2.
func prepareDatedLocation(c *call, rec, old map[string]any) *apiError {
	for from, to := range map[string]string{"address_line_one": "address_line_1", "address_line_two": "address_line_2"} {
		if v, ok := rec[from]; ok {
			rec[to] = v
			delete(rec, from)
		}
	}
	return nil
}

// prepareDatedLegalEntity: the dated tin is v1's tax_identification_number.
func prepareDatedLegalEntity(c *call, rec, old map[string]any) *apiError {
	if v, ok := rec["tin"]; ok {
		rec["tax_identification_number"] = v
	}
	return nil
}

// prepareDatedShift stores a dated shift in the form v1's shifts have: the
// clock_in and clock_out timestamps become HH:MM times (in their own
// offset), the clock-in instant is kept, and the date is also v1's
// day/month/year. The employee must exist; clock_out may not precede
// clock_in.
func prepareDatedShift(c *call, rec, old map[string]any) *apiError {
	if c.s.tbl(ResEmployees).recs[intOr(rec["employee_id"])] == nil {
		return invalid("employee_id", "The employee does not belong to the company")
	}
	var in, out time.Time
	for _, k := range []string{"clock_in", "clock_out"} {
		raw, _ := rec[k].(string)
		if len(raw) <= 5 { // already a time of day, or absent
			continue
		}
		t, err := parseTime(raw)
		if err != nil {
			return invalid(k, "is invalid")
		}
		rec[k] = t.Format("15:04")
		if k == "clock_in" {
			in = t
			rec["_clock_in_at"] = t.Format(time.RFC3339)
			setDefault(rec, "date", t.Format(time.DateOnly))
		} else {
			out = t
		}
	}
	if !in.IsZero() && !out.IsZero() && out.Before(in) {
		return invalid("clock_out", "must be after clock_in")
	}
	if d, err := time.Parse(time.DateOnly, fmtVal(rec["date"])); err == nil {
		rec["day"], rec["month"], rec["year"] = d.Day(), int(d.Month()), d.Year()
		if old != nil && old["reference_date"] == old["date"] {
			rec["reference_date"] = rec["date"]
		}
	}
	setDefault(rec, "workable", true)
	if old == nil {
		setDefault(rec, "in_source", "api")
	}
	return nil
}

// prepareDatedDocument records an upload's file details: its name (the
// file_filename field wins), type and size, and the people asked to sign.
func prepareDatedDocument(c *call, rec, old map[string]any) *apiError {
	if f, ok := rec["file"].(map[string]any); ok {
		name, _ := rec["file_filename"].(string)
		if name == "" {
			name, _ = f["filename"].(string)
		}
		rec["filename"] = name
		rec["content_type"] = f["content_type"]
		rec["file_size"] = f["size"]
		rec["url"] = f["url"]
	}
	delete(rec, "file_filename")
	if ids, ok := rec["signee_ids"]; ok {
		switch x := ids.(type) {
		case []any:
			rec["signees"] = x
		case nil, string:
			if s, _ := x.(string); s != "" {
				rec["signees"] = []any{s}
			} else {
				rec["signees"] = []any{}
			}
		}
		delete(rec, "signee_ids")
	}
	if b, _ := toBool(rec["request_esignature"]); b && rec["signature_status"] == nil {
		rec["signature_status"] = "pending"
	}
	return nil
}

// slug is a label as an identifier ("T-shirt size" is t_shirt_size).
func slug(label string) string {
	var b strings.Builder
	under := false
	for _, r := range strings.ToLower(label) {
		if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
			b.WriteRune(r)
			under = false
		} else if !under && b.Len() > 0 {
			b.WriteByte('_')
			under = true
		}
	}
	return strings.TrimSuffix(b.String(), "_")
}

// prepareDatedCustomField: the identifier and slug come from the label;
// the options of a choice field become option records.
func prepareDatedCustomField(c *call, rec, old map[string]any) *apiError {
	label, _ := rec["label"].(string)
	if old == nil {
		setDefault(rec, "identifier", slug(label))
		setDefault(rec, "slug_name", rec["identifier"])
	}
	if opts, ok := rec["options"].([]any); ok {
		t := c.s.store(ResCustomFieldOptions)
		for _, o := range opts {
			l := fmtVal(o)
			t.insert(map[string]any{"id": t.next, "field_id": rec["id"], "label": l, "value": slug(l), "is_active": true})
		}
		delete(rec, "options")
	}
	return nil
}

// prepareDatedOption: the field exists; the value is the label's slug.
func prepareDatedOption(c *call, rec, old map[string]any) *apiError {
	if c.s.tbl(ResCustomFields).recs[intOr(rec["field_id"])] == nil {
		return invalid("field_id", "The custom field does not exist")
	}
	setDefault(rec, "value", slug(fmtVal(rec["label"])))
	setDefault(rec, "is_active", true)
	return nil
}

// prepareDatedResourceField: a custom table's column is a custom field of
// its own, created with it.
func prepareDatedResourceField(c *call, rec, old map[string]any) *apiError {
	if old != nil {
		return nil
	}
	t := c.s.store(ResCustomFields)
	label, _ := rec["label"].(string)
	f := map[string]any{"id": t.next, "label": label, "identifier": slug(label), "slug_name": slug(label),
		"field_type": rec["field_type"], "required": rec["required"], "position": rec["position"],
		"created_at": c.pj.now, "updated_at": c.pj.now}
	t.insert(f)
	rec["field_id"] = f["id"]
	return nil
}

// prepareDatedCustomValue: the field exists; the value's holder is v1's
// instance.
func prepareDatedCustomValue(c *call, rec, old map[string]any) *apiError {
	if c.s.tbl(ResCustomFields).recs[intOr(rec["field_id"])] == nil {
		return invalid("field_id", "The custom field does not exist")
	}
	if v, ok := rec["valuable_id"]; ok {
		rec["instance_id"] = v
	}
	return nil
}

// prepareDatedSupplement: the employee exists.
func prepareDatedSupplement(c *call, rec, old map[string]any) *apiError {
	if c.s.tbl(ResEmployees).recs[intOr(rec["employee_id"])] == nil {
		return invalid("employee_id", "The employee does not belong to the company")
	}
	setDefault(rec, "unit", "money")
	return nil
}

// prepareDatedAllowance: the policy exists.
func prepareDatedAllowance(c *call, rec, old map[string]any) *apiError {
	if c.s.tbl(ResPolicies).recs[intOr(rec["timeoff_policy_id"])] == nil {
		return invalid("timeoff_policy_id", "The time off policy does not exist")
	}
	return nil
}

// datedFilter returns the check of the list parameters that are not plain
// field comparisons (the generic matcher does those), or nil.
func (c *call) datedFilter() func(v map[string]any) bool {
	f := datedFilters[c.rt.resource]
	if f == nil {
		return nil
	}
	return f(c, c.r.URL.Query())
}

// queryIDs reads an array query parameter as integer ids.
func queryIDs(q url.Values, name string) []int {
	var out []int
	for _, v := range q[name] {
		for _, p := range strings.Split(v, ",") {
			if n, err := strconv.Atoi(p); err == nil {
				out = append(out, n)
			}
		}
	}
	return out
}

func queryBool(q url.Values, name string) (val, set bool) {
	if !q.Has(name) {
		return false, false
	}
	b, ok := toBool(q.Get(name))
	return b, ok
}

var datedFilters map[string]func(c *call, q url.Values) func(v map[string]any) bool

func init() {
	datedFilters = map[string]func(c *call, q url.Values) func(v map[string]any) bool{
		ResBankAccounts:          bankAccountFilter,
		ResCardPayments:          bankingFilter("created_at"),
		ResBankTransactions:      bankingFilter("booking_date"),
		ResCandidates:            atsCandidateFilter,
		ResApplications:          atsApplicationFilter,
		ResAtsMessages:           atsMessageFilter,
		ResAtsHiringStages:       atsHiringStageFilter,
		ResAtsRejectionReasons:   atsRejectionReasonFilter,
		ResAtsEvaluationForms:    atsEvaluationFormFilter,
		ResPerfProcesses:         searchFilter("name"),
		ResPerfTemplates:         searchFilter("name"),
		ResPerfTargets:           perfTargetFilter,
		ResPerfEvaluations:       perfEvaluationFilter,
		ResPMProjects:            projectFilter,
		ResPMSubprojects:         updatedAfterFilter,
		ResPMWorkers:             workerFilter,
		ResPMTimeRecords:         timeRecordFilter,
		ResPMPlannedRecords:      plannedRecordFilter,
		ResPMBudgetStrategies:    budgetStrategyFilter,
		ResPMExpenseRecords:      expenseRecordFilter,
		ResPMProjectTasks:        projectTaskFilter,
		ResTrainingSessions:      trainingSessionFilter,
		ResSessionAccessMembers:  sessionMemberFilter,
		ResSessionAttendances:    sessionAttendanceFilter,
		ResTrainings:             trainingFilter,
		ResTrainingClasses:       searchFilter("name"),
		ResTrainingMemberships:   trainingMembershipFilter,
		ResEditTimesheetRequests: editTimesheetFilter,
		ResOvertimeRequests:      dateBetween("date"),
		ResAttendanceReviews:     reviewFilter,
		ResPlannedBreaks:         plannedBreakFilter,
		ResPlanningVersions:      planningVersionFilter,
		ResDayConfigurations:     dayConfigurationFilter,
		ResManagedShifts:         plannedShiftFilter,
		ResTimeBreakConfigs: func(c *call, q url.Values) func(v map[string]any) bool {
			active, set := queryBool(q, "active")
			if !set {
				return nil
			}
			return func(v map[string]any) bool { return (v["archived"] != true) == active }
		},

		// Contracts and payroll (rules_dated_contracts.go).
		ResContractVersions:           personal(contractVersionFilter),
		ResContractVersionHistories:   personal(versionHistoryFilter),
		ResFamilySituations:           personal(nil),
		ResPayrollEmployeeIdentifiers: personal(employeeIdentifierFilter),
		ResMaterializedTemplates:      materializedTemplateFilter,
		ResCompensationConcepts:       compensationConceptFilter,
		ResFrenchContractTypes:        catalogueFilter,
		ResGermanContractTypes:        catalogueFilter,
		ResPortugueseContractTypes:    catalogueFilter,
		ResSpanishContractTypes:       catalogueFilter,
		ResSpanishEducationLevels:     catalogueFilter,
		ResSpanishProfessionalCats:    catalogueFilter,
		ResSpanishWorkingDayTypes:     catalogueFilter,
		ResExpensables:                expensableFilter,
		ResExpenses:                   expenseFilter,
		ResMileages:                   mileageFilter,
		ResPerDiems:                   perDiemFilter,
		ResLedgerAccounts:             updatedFromFilter,
		ResAccountingSettings:         updatedFromFilter,
		ResFinanceCategories:          financeCategoryFilter,
		ResFinanceContacts:            financeContactFilter,
		ResCostCenters:                costCenterFilter,
		ResCostCenterMemberships:      costCenterMembershipFilter,
		ResLedgerAccountResources:     ledgerAccountResourceFilter,
		ResTaxRates:                   updatedFromFilter,
		ResTaxTypes:                   updatedFromFilter,
		ResJournalEntries:             updatedFromFilter,
		ResJournalLines:               journalLineFilter,
		ResFinancialDocuments:         financialDocumentFilter,
		ResPosts:                      postFilter,
		ResPostGroups:                 searchFilter("title", "description"),
		ResITAssets:                   itAssetFilter,
		ResCustomResources:            attachedEmployeeFilter,
		ResCustomResourceValues:       attachedEmployeeFilter,
		ResBookkeeperIncidences:       incidenceFilter,
		ResSyncableItems:              syncRunFilter,
		ResMarketplaceSettings:        installationFilter,
		ResEmployees: func(c *call, q url.Values) func(v map[string]any) bool {
			teams := queryIDs(q, "team_ids[]")
			active, byActive := queryBool(q, "only_active")
			managers, byManagers := queryBool(q, "only_managers")
			prefix := strings.ToLower(q.Get("name_starts_with"))
			return func(v map[string]any) bool {
				switch {
				case len(teams) > 0 && !slices.ContainsFunc(intSlice(v["team_ids"]), func(id int) bool { return slices.Contains(teams, id) }):
					return false
				case byActive && active && v["active"] != true:
					return false
				case byManagers && managers && !c.s.leadsAnyone(intOr(v["id"])):
					return false
				case prefix != "":
					first, _ := v["first_name"].(string)
					full, _ := v["full_name"].(string)
					return strings.HasPrefix(strings.ToLower(first), prefix) || strings.HasPrefix(strings.ToLower(full), prefix)
				}
				return true
			}
		},
		ResLocations: func(c *call, q url.Values) func(v map[string]any) bool {
			emps := queryIDs(q, "employee_ids[]")
			if len(emps) == 0 {
				return nil
			}
			locs := c.employeeField(emps, "location_id")
			return func(v map[string]any) bool { return slices.Contains(locs, intOr(v["id"])) }
		},
		ResLegalEntities: func(c *call, q url.Values) func(v map[string]any) bool {
			emps := queryIDs(q, "employees_ids[]")
			companies := queryIDs(q, "companies_ids[]")
			countries := q["country_ids[]"]
			ents := c.employeeField(emps, "legal_entity_id")
			return func(v map[string]any) bool {
				return (len(emps) == 0 || slices.Contains(ents, intOr(v["id"]))) &&
					(len(companies) == 0 || slices.Contains(companies, intOr(v["company_id"]))) &&
					(len(countries) == 0 || slices.Contains(countries, fmtVal(v["country"])))
			}
		},
		ResCompanyHolidays: func(c *call, q url.Values) func(v map[string]any) bool {
			emps, teams := queryIDs(q, "employee_ids[]"), queryIDs(q, "team_ids[]")
			if !q.Has("employee_ids[]") && !q.Has("team_ids[]") {
				return nil
			}
			// A holiday applies to a team through its members' locations.
			byEmp := c.employeeField(emps, "location_id")
			byTeam := c.employeeField(c.teamMembers(teams), "location_id")
			return func(v map[string]any) bool {
				loc := intOr(v["location_id"])
				return (!q.Has("employee_ids[]") || slices.Contains(byEmp, loc)) &&
					(!q.Has("team_ids[]") || slices.Contains(byTeam, loc))
			}
		},
		ResFolders: func(c *call, q url.Values) func(v map[string]any) bool {
			if !q.Has("employee_id") {
				return nil
			}
			// The folders holding the employee's documents.
			emp, _ := strconv.Atoi(q.Get("employee_id"))
			var folders []int
			c.s.tbl(ResDocuments).each(func(d map[string]any) bool {
				if intOr(d["employee_id"]) == emp && emp != 0 {
					if f, ok := toInt(d["folder_id"]); ok {
						folders = append(folders, f)
					}
				}
				return true
			})
			return func(v map[string]any) bool { return slices.Contains(folders, intOr(v["id"])) }
		},
		ResLeaves: func(c *call, q url.Values) func(v map[string]any) bool {
			workable, byWorkable := queryBool(q, "type_is_workable")
			payable, byPayable := queryBool(q, "type_is_payable")
			if !byWorkable && !byPayable {
				return nil
			}
			return func(v map[string]any) bool {
				lt := c.s.tbl(ResLeaveTypes).recs[intOr(v["leave_type_id"])]
				if lt == nil {
					return false
				}
				w, _ := toBool(lt["workable"])
				p, _ := toBool(lt["payable"])
				return (!byWorkable || w == workable) && (!byPayable || p == payable)
			}
		},
		ResLeaveTypes: func(c *call, q url.Values) func(v map[string]any) bool {
			id := q.Get("leave_type_id")
			// Every leave type of the company is available to each of its
			// employees (the sandbox's policies do not restrict types); an
			// employee the company does not have gets none.
			emp, _ := strconv.Atoi(q.Get("employee_id"))
			known := c.s.tbl(ResEmployees).recs[emp] != nil
			return func(v map[string]any) bool {
				return (id == "" || fmtVal(v["id"]) == id) && (!q.Has("employee_id") || known)
			}
		},
		ResAllowances: func(c *call, q url.Values) func(v map[string]any) bool {
			overtime, set := queryBool(q, "by_overtime")
			if !set {
				return nil
			}
			return func(v map[string]any) bool { return (v["source_units"] == "overtime_units") == overtime }
		},
		ResShifts: func(c *call, q url.Values) func(v map[string]any) bool {
			from, to, updated := q.Get("start_on"), q.Get("end_on"), q.Get("updated_at")
			return func(v map[string]any) bool {
				d := fmtVal(v["date"])
				return (from == "" || d >= from) && (to == "" || d <= to) &&
					(updated == "" || cut(fmtVal(v["updated_at"]), updated) == updated)
			}
		},
		ResDocuments: func(c *call, q url.Values) func(v map[string]any) bool {
			trash, _ := queryBool(q, "by_trash_bin")
			noFolder, _ := queryBool(q, "by_without_folder")
			pending, byPending := queryBool(q, "by_pending_assignment")
			return func(v map[string]any) bool {
				inTrash := v["deleted_at"] != nil
				p, _ := toBool(v["is_pending_assignment"])
				return inTrash == trash && (!noFolder || v["folder_id"] == nil) && (!byPending || p == pending)
			}
		},
		ResCustomFields: func(c *call, q url.Values) func(v map[string]any) bool {
			label := q.Get("label")
			if label == "" {
				return nil
			}
			return func(v map[string]any) bool { return v["label"] == label }
		},
		ResResourceFields: func(c *call, q url.Values) func(v map[string]any) bool {
			schemas := queryIDs(q, "schema_ids[]")
			if len(schemas) == 0 {
				return nil
			}
			return func(v map[string]any) bool { return slices.Contains(schemas, intOr(v["schema_id"])) }
		},
		ResCustomValues: func(c *call, q url.Values) func(v map[string]any) bool {
			emps := queryIDs(q, "employee_ids[]")
			idents := q["identifiers[]"]
			slugName, instance := q.Get("slug"), q.Get("instance_id")
			return func(v map[string]any) bool {
				if len(emps) > 0 && (v["valuable_type"] != "Employee" || !slices.Contains(emps, intOr(v["valuable_id"]))) {
					return false
				}
				if len(idents) > 0 && !slices.Contains(idents, fmtVal(v["custom_field_identifier"])) {
					return false
				}
				if slugName != "" && v["slug_name"] != slugName && v["custom_field_identifier"] != slugName {
					return false
				}
				return instance == "" || fmtVal(v["valuable_id"]) == instance
			}
		},
		ResWorkAreas: func(c *call, q url.Values) func(v map[string]any) bool {
			active, set := queryBool(q, "only_non_archived")
			if !set || !active {
				return nil
			}
			return func(v map[string]any) bool { return v["archived_at"] == nil }
		},
		ResTasks: func(c *call, q url.Values) func(v map[string]any) bool {
			status := q.Get("task_status")
			due, byDue := queryBool(q, "already_due")
			involvee := q.Get("involvee_id")
			today := c.pj.today
			return func(v map[string]any) bool {
				if status != "" && v["status"] != status {
					return false
				}
				if byDue {
					d := fmtVal(v["due_on"])
					if overdue := v["due_on"] != nil && d < today; overdue != due {
						return false
					}
				}
				return involvee == "" || slices.Contains(intSlice(v["assignee_ids"]), intOr(involvee))
			}
		},
		ResSupplements: func(c *call, q url.Values) func(v map[string]any) bool {
			periods := queryIDs(q, "policy_period_ids[]")
			comp := q.Get("compensation_id")
			return func(v map[string]any) bool {
				return (len(periods) == 0 || slices.Contains(periods, intOr(v["payroll_policy_period_id"]))) &&
					(comp == "" || fmtVal(v["contracts_compensation_id"]) == comp)
			}
		},
	}
}

// teamMembers lists the employees of the teams given. The caller holds the
// lock.
func (c *call) teamMembers(teams []int) []int {
	var out []int
	for _, id := range teams {
		if t := c.s.tbl(ResTeams).recs[id]; t != nil {
			out = append(out, intSlice(t["employee_ids"])...)
		}
	}
	return out
}

// datedFilterParams names, per table, the list parameters its datedFilters
// entry applies (or customParams keeps from the generic matcher).
var datedFilterParams = map[string][]string{
	ResEmployees:        {"team_ids[]", "only_active", "only_managers", "name_starts_with"},
	ResLocations:        {"employee_ids[]"},
	ResLegalEntities:    {"employees_ids[]", "companies_ids[]", "country_ids[]"},
	ResCompanyHolidays:  {"employee_ids[]", "team_ids[]"},
	ResFolders:          {"employee_id"},
	ResLeaves:           {"type_is_workable", "type_is_payable"},
	ResLeaveTypes:       {"leave_type_id", "employee_id"},
	ResAllowances:       {"by_overtime"},
	ResShifts:           {"start_on", "end_on", "updated_at"},
	ResDocuments:        {"by_trash_bin", "by_without_folder", "by_pending_assignment"},
	ResCustomFields:     {"label"},
	ResResourceFields:   {"schema_ids[]"},
	ResCustomValues:     {"employee_ids[]", "identifiers[]", "slug", "instance_id"},
	ResSupplements:      {"policy_period_ids[]", "compensation_id"},
	ResWorkAreas:        {"only_non_archived"},
	ResTasks:            {"task_status", "already_due", "involvee_id"},
	ResBankAccounts:     {"updated_from"},
	ResCardPayments:     {"account_ids[]", "from", "to"},
	ResBankTransactions: {"from", "to", "updated_from"},
	ResCandidates: {"job_posting_ids[]", "team_ids[]", "location_ids[]", "source[]", "remote", "active", "archived",
		"minimum_average_rating"},
	ResApplications:        {"search", "ats_tags_ids[]"},
	ResAtsMessages:         {"last_per_conversation"},
	ResAtsHiringStages:     {"ats_application_phase_id"},
	ResAtsRejectionReasons: {"ats_application_ids[]"},
	ResAtsEvaluationForms:  {"template"},
	ResPosts:               {"groups[]", "from", "until"},
	ResPostGroups:          {"search"},
	ResPerfProcesses:       {"search"},
	ResPerfTemplates:       {"search"},
	ResPerfTargets: {"without_manager", "pending_peer_evaluations", "only_for_peer_assignment", "agreement_completion_status",
		"managed_by_filter[manager_employee_id]", "managed_by_filter[only_direct_reports]"},
	ResPerfEvaluations: {"reviewer_ids[]", "reviewer_strategies[]", "exclude_ids[]",
		"with_targets_managed_by_filter[manager_employee_id]", "with_targets_managed_by_filter[only_direct_reports]"},
	ResPMProjects: {"name_or_code", "updated_after", "no_clients", "total_currency", // projects
		"only_active", "assigned", "employee_ids[]"}, // imputable projects
	ResPMSubprojects:         {"updated_after"},
	ResPMWorkers:             {"assigned", "project_active", "employee_name", "updated_after"},
	ResPMTimeRecords:         {"employee_ids[]", "month", "year", "updated_after"},
	ResPMPlannedRecords:      {"start_date", "end_date"},
	ResPMBudgetStrategies:    {"without_subproject"},
	ResPMExpenseRecords:      {"start_date", "end_date", "project_ids[]", "updated_after", "employee_user_name_like"},
	ResPMProjectTasks:        {"completed", "overdue", "search", "due_status", "client_ids[]"},
	ResTrainingSessions:      {"search", "start_after", "start_before", "next", "employee_id", "access_id"},
	ResSessionAccessMembers:  {"search", "team_ids[]", "status[]"},
	ResSessionAttendances:    {"session_id"},
	ResTrainings:             {"search", "access_id", "only_assigned", "with_expired_memberships", "with_current_training_classes"},
	ResTrainingClasses:       {"search"},
	ResTrainingMemberships:   {"search", "team_id", "class_id", "due_date"},
	ResEditTimesheetRequests: {"shift_id", "pending", "start_on", "end_on"},
	ResOvertimeRequests:      {"start_on", "end_on"},
	ResAttendanceReviews:     {"start_on", "end_on", "reviewed_at"},
	ResTimeBreakConfigs:      {"active"},
	ResPlannedBreaks:         {"paid", "active_break_configuration"},
	ResPlanningVersions:      {"for_shifts", "only_active", "schedule_ids[]"},
	ResDayConfigurations:     {"schedule_id"},
	ResManagedShifts:         {"without_ids[]", "only_states[]"},

	ResContractVersions:           {"date"},
	ResContractVersionHistories:   {"contract_version_ids[]", "changes_gteq", "changes_lteq"},
	ResMaterializedTemplates:      {"countries[]"},
	ResCompensationConcepts:       {"with_active_status"},
	ResPayrollEmployeeIdentifiers: {"employees_ids[]", "legal_entities_ids[]"},
	ResFrenchContractTypes:        {"archived"},
	ResGermanContractTypes:        {"archived"},
	ResPortugueseContractTypes:    {"archived"},
	ResSpanishContractTypes:       {"archived", "contract_template_id"},
	ResSpanishEducationLevels:     {"contract_template_id"},
	ResSpanishProfessionalCats:    {"contract_template_id"},
	ResSpanishWorkingDayTypes:     {"contract_template_id"},
	ResExpensables:                {"include_manual_drafts", "creation_type[]", "search"},
	ResExpenses:                   {"include_manual_drafts", "card_ids[]"},
	ResMileages:                   {"include_manual_drafts", "external_authorization_ids[]", "card_ids[]", "card_payment_ids[]", "dispute_ids[]"},
	ResPerDiems:                   {"exclude_drafts"},
	ResLedgerAccounts:             {"updated_from"},
	ResAccountingSettings:         {"updated_from"},
	ResFinanceCategories:          {"category_level", "statuses[]", "search"},
	ResFinanceContacts:            {"contact_type", "legal_name", "updated_from"},
	ResCostCenters:                {"include_actives_on_date", "search"},
	ResCostCenterMemberships:      {"active_on", "only_active", "applying_on"},
	ResLedgerAccountResources:     {"finance_account_ids[]", "updated_from"},
	ResTaxRates:                   {"updated_from"},
	ResTaxTypes:                   {"updated_from"},
	ResJournalEntries:             {"updated_from"},
	ResJournalLines:               {"journal_entry_types[]", "description", "reconciliation_status", "updated_from"},
	ResFinancialDocuments:         {"statuses[]", "updated_from"},
	ResITAssets:                   {"type_names[]"},
	ResCustomResources:            {"employee_ids[]"},
	ResCustomResourceValues:       {"employee_ids[]"},
	ResBookkeeperIncidences:       {"legal_entities_ids[]", "type[]", "starts_on", "ends_on", "search", "contains_message", "custom_leave_name[]"},
	ResSyncableItems:              {"sync_run_id"},
	ResMarketplaceSettings:        {"integration_id"},
}

// paginationParams are the dated API's page parameters (respondPage).
var paginationParams = []string{"limit", "page", "after_id", "before_id"}

// unappliedParams are declared list parameters ("<table> <param>") that
// select nothing in the sandbox, each with the reason; everything else a list declares filters
// (see planFilter). They are accepted, as the API accepts them.
var unappliedParams = map[string]string{
	ResLeaves + " include_leave_type":                "shapes the answer: the sandbox always fills leave_type_name",
	ResLeaves + " include_duration":                  "shapes the answer: the sandbox always fills the duration",
	ResLeaves + " include_pending":                   "Factorial does not document its default; the sandbox lists pending leaves always",
	ResLeaves + " include_deleted_leaves":            "deleted leaves are removed from the sandbox, none is kept to include",
	ResLeaves + " only_active":                       "leaves: what makes a leave active is undocumented",
	ResLeaveTypes + " reference_date":                "the date availability and counters are evaluated at; the sandbox has no history",
	ResShifts + " sort_created_at_asc":               "ordering: the sandbox lists by id, which is creation order",
	ResShifts + " breaks_with_time_configuration":    "shapes the answer (break configurations are not modelled)",
	ResShifts + " half_day":                          "shifts: the sandbox records no half-day shifts",
	ResShifts + " latest_shift":                      "shifts: per-employee selection not modelled",
	ResShifts + " last_working_shift":                "shifts: per-employee selection not modelled",
	ResDocuments + " by_bookkeeper_documents":        "documents: the sandbox has no bookkeepers",
	ResCustomFields + " field_group":                 "v1 custom fields: the records carry no group",
	ResCustomValues + " field_value":                 "v1 custom values: matched on the value's text, not modelled",
	ResContractVersions + " date":                    "v1 contract versions: the version in force on a date, not modelled",
	ResContractVersions + " forfait_jours":           "v1 contract versions: the records carry no forfait flag",
	ResSupplements + " dev_payroll_policies_feature": "a feature flag of Factorial's, not a filter",
	ResSupplements + " compensation_id":              "v1 supplements: the records carry no compensation",
	ResPayslips + " month":                           "v1 payslips: the records carry no period fields to match",
	ResPayslips + " year":                            "v1 payslips: the records carry no period fields to match",
	ResBreakConfigurations + " employee_id":          "v1 break configurations are company-wide",
	ResWorkplaces + " employee_ids":                  "v1 workplaces: the employees of a workplace are not modelled",
	ResCustomValues + " employee_ids[]":              "v1 custom values are matched by valuable, not modelled on v1",
	ResEmployees + " integration":                    "v1 find_employee: the integration is the code's, one per code",
	ResTasks + " category":                           "tasks: the records carry no category (Factorial's answers have none either)",
	ResPMProjects + " include_inputed_minutes":       "shapes the answer: inputed_minutes is computed when true, 0 otherwise",
	ResPMProjects + " include_costs":                 "shapes the answer: the sandbox models no cost rates, costs are 0",
	ResPMSubprojects + " include_inputed_minutes":    "shapes the answer: inputed_minutes is computed when true, 0 otherwise",
	ResPMSubprojects + " include_cost":               "shapes the answer: the sandbox models no cost rates, costs are 0",
	ResPMSubprojects + " include_no_subproject":      "adds the part of a project outside its subprojects, which the sandbox does not list as a row",
	ResPMWorkers + " include_inputed_minutes":        "shapes the answer: inputed_minutes is computed when true, 0 otherwise",
	ResPMWorkers + " include_cost":                   "shapes the answer: the sandbox models no cost rates, costs are 0",
	ResPMWorkers + " include_labor_cost":             "shapes the answer: the sandbox models no cost rates, costs are 0",
	ResPMWorkers + " subproject_ids[]":               "project workers: the sandbox does not model a worker's subprojects",
	ResPMWorkers + " no_subproject":                  "project workers: the sandbox does not model a worker's subprojects",
	ResTrainingSessions + " active":                  "trainings: Factorial does not say what makes a session active",
	ResTrainings + " return_expired_memberships":     "shapes the answer: fills number_of_expired_participants (viewTraining)",
	ResOvertimeRequests + " include_approval_flow":   "shapes the answer: the sandbox has no approval flows",
	ResManagedShifts + " split_overnight_shifts":     "shapes the answer: overnight shifts are answered whole",
	ResWorkSchedules + " with_employee_ids":          "shapes the answer: the sandbox always fills employee_ids",
	ResWorkSchedules + " with_periods":               "shapes the answer: the sandbox always fills periods",
	ResContractVersionHistories + " current_on":      "contract version histories: Factorial's document does not say what the day selects",
	ResMaterializedTemplates + " field_ids[]":        "shapes the answer (each template's field list), selects no template",
	ResMaterializedTemplates + " include_archived":   "materialized templates: the sandbox's templates carry no archived options",
	ResExpensables + " include_grouped":              "expensables: Factorial does not say what either value selects; the sandbox lists grouped and ungrouped claims",
	ResExpensables + " include_attachments":          "shapes the answer: expensables carry no attachments",
	ResExpensables + " by_resources[]":               "expensables: the form of its items is undocumented (untyped in Factorial's document)",
	ResExpenses + " include_attachments":             "shapes the answer: the sandbox always fills files",
	ResMileages + " include_attachments":             "shapes the answer: the sandbox always fills files",
	ResBudgetOptions + " employee_ids[]":             "budget options: which employees may use one is not modelled",
	ResBudgetOptions + " effective_at":               "budget options: the records carry no validity period",
	ResBudgetOptions + " include_inactive":           "budget options: the records carry no active flag (all are active)",
	ResBudgetOptions + " include_archived":           "budget options: the records carry no archived flag (none is archived)",
	ResFinanceCategories + " type":                   "categories: the records carry no claim kind (Factorial's answers have none either)",
	ResBookkeeperIncidences + " sort_by":             "ordering: the sandbox lists by id",
	ResBookkeeperIncidences + " direction":           "ordering: the sandbox lists by id",
}

// employeeField lists the values of an integer field of the employees
// given (their locations, their legal entities). The caller holds the
// lock.
func (c *call) employeeField(emps []int, field string) []int {
	var out []int
	for _, id := range emps {
		if e := c.s.tbl(ResEmployees).recs[id]; e != nil {
			if n, ok := toInt(e[field]); ok {
				out = append(out, n)
			}
		}
	}
	return out
}

// searchFilter applies a list's search parameter: a record passes when one
// of fields contains the text, in any case. Without search it selects
// everything.
func searchFilter(fields ...string) func(c *call, q url.Values) func(v map[string]any) bool {
	return func(_ *call, q url.Values) func(v map[string]any) bool {
		needle := strings.ToLower(strings.TrimSpace(q.Get("search")))
		if needle == "" {
			return nil
		}
		return func(v map[string]any) bool {
			for _, f := range fields {
				if textContains(v, f, needle) {
					return true
				}
			}
			return false
		}
	}
}

// textContains reports whether the string field of v contains needle
// (already lower-case), in any case.
func textContains(v map[string]any, field, needle string) bool {
	s, _ := v[field].(string)
	return strings.Contains(strings.ToLower(s), needle)
}
