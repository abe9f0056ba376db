package sandbox

import (
	"slices"
	"strings"
	"testing"
)

func init() { areaWalks["contracts"] = walkContracts }

// walkContracts is the contracts and payroll part of
// TestDatedEveryOperationAnswers2xx.
func walkContracts(t *testing.T, _ *env, ok okFunc) {
	ok("GET", "/compensations/concepts", nil)
	ok("GET", "/compensations/concepts/1", nil)

	cv := idOf(t, ok("POST", "/contracts/contract_versions", map[string]any{"employee_id": "1004", "effective_on": "2025-01-01",
		"starts_on": "2025-01-01", "job_title": "Designer", "salary_amount": 3000000, "salary_frequency": "yearly",
		"job_catalog_tree_node_uuid": "jobcatalog_treelevel-1", "bank_holiday_treatment": "workable"}))
	ok("GET", "/contracts/contract_versions", nil)
	ok("GET", "/contracts/contract_versions/"+cv, nil)
	ok("PUT", "/contracts/contract_versions/"+cv, map[string]any{"id": cv, "job_title": "Senior designer"})
	ok("GET", "/contracts/reference_contracts", nil)
	ok("GET", "/contracts/contract_version_meta_data?contract_version_ids[]=1", nil)
	ok("GET", "/contracts/contract_version_histories", nil)
	ok("GET", "/contracts/contract_version_histories/1", nil)

	comp := idOf(t, ok("POST", "/contracts/compensations", map[string]any{"contract_version_id": cv, "contracts_taxonomy_id": "1",
		"compensation_type": "fixed", "amount": 12000, "recurrence": "monthly"}))
	ok("GET", "/contracts/compensations", nil)
	ok("GET", "/contracts/compensations/"+comp, nil)
	ok("PUT", "/contracts/compensations/"+comp, map[string]any{"contracts_taxonomy_id": "1", "amount": 15000})
	ok("DELETE", "/contracts/compensations/"+comp, nil)
	ok("DELETE", "/contracts/contract_versions/"+cv, nil)

	ok("GET", "/contracts/taxonomies", nil)
	ok("GET", "/contracts/taxonomies/1", nil)
	ok("GET", "/contracts/contract_templates", nil)
	ok("GET", "/contracts/contract_templates/1", nil)
	ok("GET", "/contracts/materialized_templates?template_type=legal_entity", nil)
	for _, list := range []string{"french_contract_types", "german_contract_types", "portuguese_contract_types"} {
		ok("GET", "/contracts/"+list, nil)
		ok("GET", "/contracts/"+list+"/1", nil)
	}
	for _, list := range []string{"spanish_contract_types", "spanish_education_levels", "spanish_professional_categories", "spanish_working_day_types"} {
		ok("GET", "/contracts/"+list, nil)
		id := idOf(t, ok("POST", "/contracts/"+list, map[string]any{"name": "Own entry", "contracts_contract_template_id": "1"}))
		ok("GET", "/contracts/"+list+"/"+id, nil)
	}

	ok("GET", "/payroll/family_situations", nil)
	fs := idOf(t, ok("POST", "/payroll/family_situations", map[string]any{"employee_id": "1002", "civil_status": "single"}))
	ok("PUT", "/payroll/family_situations/"+fs, map[string]any{"id": fs, "employee_id": "1002", "number_of_dependants": 1})
	ok("POST", "/payroll/policy_periods/change_status", map[string]any{"id": "1", "status": "under_review",
		"notify_employee": false, "employee_ids": []string{"1003"}})

	ok("GET", "/payroll_employees/identifiers", nil)
	pid := idOf(t, ok("POST", "/payroll_employees/identifiers", map[string]any{"employee_id": "1003", "country": "it",
		"tax_id": "RSSMRA80A01H501U"}))
	ok("GET", "/payroll_employees/identifiers/"+pid, nil)
	ok("PUT", "/payroll_employees/identifiers/"+pid, map[string]any{"id": pid, "country": "it", "social_security_number": "123"})
	ok("DELETE", "/payroll_employees/identifiers/"+pid, nil)

	ok("GET", "/payroll_integrations_base/codes?integrations[]=a3nom", nil)
	code := idOf(t, ok("POST", "/payroll_integrations_base/codes", map[string]any{"code": "LOC-1", "codeable_id": "1",
		"codeable_type": "Location", "integration": "silae"}))
	ok("PUT", "/payroll_integrations_base/codes/"+code, map[string]any{"id": code, "code": "LOC-2"})
	ok("DELETE", "/payroll_integrations_base/codes/"+code, nil)
}

// TestDatedContractsSharedWithV1: the dated contract versions,
// compensations, taxonomies, family situations and integration codes are
// v1's records, and a compensation created on the dated API joins its
// contract version's compensation_ids on v1 until it is deleted.
func TestDatedContractsSharedWithV1(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	r := e.dated("GET", "/contracts/contract_versions/1", key, nil)
	if r.status != 200 {
		t.Fatalf("GET contract version 1: %d %s", r.status, r.body)
	}
	v := r.obj(t)
	for k, want := range map[string]any{"employee_id": "1003", "job_title": "Software Engineer", "company_id": "1",
		"effective_on": e.s.tbl(ResContractVersions).recs[1]["effective_on"], "bank_holiday_treatment": "workable", "fr_forfait_jours": false} {
		if v[k] != want {
			t.Errorf("contract version %s = %v, want %v", k, v[k], want)
		}
	}
	for path, want := range map[string]string{
		"/contracts/compensations/1":           "Meal vouchers",
		"/contracts/taxonomies/1":              "Meal vouchers",
		"/payroll/family_situations":           "married",
		"/payroll_integrations_base/codes":     "EMP-0003",
		"/contracts/contract_versions?ids[]=1": "Software Engineer",
	} {
		r := e.dated("GET", path, key, nil)
		if r.status != 200 || !strings.Contains(string(r.body), want) {
			t.Errorf("%s: %d %s, want v1's record (%q)", path, r.status, r.body, want)
		}
	}
	r = e.dated("POST", "/contracts/compensations", key, map[string]any{"contract_version_id": "1", "contracts_taxonomy_id": "1",
		"compensation_type": "undefined"})
	if r.status != 201 {
		t.Fatalf("create compensation: %d %s", r.status, r.body)
	}
	comp := r.obj(t)
	if comp["unit"] != "money" || comp["currency"] != "EUR" {
		t.Errorf("new compensation: %v", comp)
	}
	n := intOr(comp["id"].(string))
	if ids := intSlice(e.s.tbl(ResContractVersions).recs[1]["compensation_ids"]); !slices.Contains(ids, n) || !slices.Contains(ids, 1) {
		t.Errorf("compensation_ids after create: %v", ids)
	}
	if r := e.dated("DELETE", "/contracts/compensations/"+comp["id"].(string), key, nil); r.status != 200 {
		t.Fatalf("delete: %d %s", r.status, r.body)
	}
	if ids := intSlice(e.s.tbl(ResContractVersions).recs[1]["compensation_ids"]); slices.Contains(ids, n) {
		t.Errorf("compensation_ids after delete: %v", ids)
	}
}

// TestDatedContractsRules: references must exist, the compensation type
// rules, the salary pair, level nodes only, one family situation per
// employee, one identifier per employee and country, one code per record
// and payroll system; basic users read and may not write.
func TestDatedContractsRules(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	version := map[string]any{"employee_id": "1004", "effective_on": "2025-01-01", "starts_on": "2025-01-01"}
	with := func(base map[string]any, kv ...any) map[string]any {
		m := map[string]any{}
		for k, v := range base {
			m[k] = v
		}
		for i := 0; i < len(kv); i += 2 {
			if kv[i+1] == nil {
				delete(m, kv[i].(string))
			} else {
				m[kv[i].(string)] = kv[i+1]
			}
		}
		return m
	}
	comp := map[string]any{"contract_version_id": "1", "contracts_taxonomy_id": "1", "compensation_type": "fixed", "amount": 100}
	for _, tc := range []struct {
		name, method, path string
		token              string
		body               map[string]any
		status             int
		msg                string
	}{
		{"version of no employee", "POST", "/contracts/contract_versions", key, with(version, "employee_id", "99999"), 422, "Employee must exist"},
		{"salary without frequency", "POST", "/contracts/contract_versions", key, with(version, "salary_amount", 100), 422, "Salary frequency can't be blank"},
		{"frequency without salary", "POST", "/contracts/contract_versions", key, with(version, "salary_frequency", "yearly"), 422, "Salary amount can't be blank"},
		{"role node", "POST", "/contracts/contract_versions", key, with(version, "job_catalog_tree_node_uuid", "jobcatalog_treerole-1"), 422, "must be a level"},
		{"ends before it starts", "POST", "/contracts/contract_versions", key, with(version, "ends_on", "2024-01-01"), 422, "Ends on must be on or after starts_on"},
		{"basic user creates a version", "POST", "/contracts/contract_versions", tokBasic, with(version, "employee_id", "1003"), 403, ""},
		{"compensation of no version", "POST", "/contracts/compensations", key, with(comp, "contract_version_id", "999"), 422, "Contract version must exist"},
		{"compensation of no taxonomy", "POST", "/contracts/compensations", key, with(comp, "contracts_taxonomy_id", "999"), 422, "Contracts taxonomy must exist"},
		{"compensation without type", "POST", "/contracts/compensations", key, with(comp, "compensation_type", nil), 422, "Compensation type can't be blank"},
		{"unknown compensation type", "POST", "/contracts/compensations", key, with(comp, "compensation_type", "weekly"), 422, "is not included in the list"},
		{"fixed compensation without amount", "POST", "/contracts/compensations", key, with(comp, "amount", nil), 422, "Amount can't be blank"},
		{"update of a missing compensation", "PUT", "/contracts/compensations/999", key, map[string]any{"contracts_taxonomy_id": "1"}, 404, ""},
		{"Spanish entry of no template", "POST", "/contracts/spanish_contract_types", key, map[string]any{"name": "X", "contracts_contract_template_id": "99"}, 422, "Contracts contract template must exist"},
		{"working day type without template", "POST", "/contracts/spanish_working_day_types", key, map[string]any{"name": "Media jornada"}, 201, ""},
		{"second family situation", "POST", "/payroll/family_situations", key, map[string]any{"employee_id": "1003"}, 422, "Employee has already been taken"},
		{"family situation of no employee", "POST", "/payroll/family_situations", key, map[string]any{"employee_id": "99999"}, 422, "Employee must exist"},
		{"basic user's family situation", "POST", "/payroll/family_situations", tokBasic, map[string]any{"employee_id": "1004"}, 403, ""},
		{"second identifier of a country", "POST", "/payroll_employees/identifiers", key, map[string]any{"employee_id": "1002", "country": "pt"}, 422, "Country has already been taken"},
		{"identifier of no employee", "POST", "/payroll_employees/identifiers", key, map[string]any{"employee_id": "99999", "country": "de"}, 422, "Employee must exist"},
		{"code of no record", "POST", "/payroll_integrations_base/codes", key, map[string]any{"code": "X", "codeable_id": "999", "codeable_type": "Employee", "integration": "silae"}, 422, "Codeable must exist"},
		{"code of an unknown kind", "POST", "/payroll_integrations_base/codes", key, map[string]any{"code": "X", "codeable_id": "1", "codeable_type": "Team", "integration": "silae"}, 422, "Codeable type is not included in the list"},
		{"second code of a system", "POST", "/payroll_integrations_base/codes", key, map[string]any{"code": "X", "codeable_id": "1003", "codeable_type": "Employee", "integration": "a3nom"}, 422, "already has a code"},
		{"company code", "POST", "/payroll_integrations_base/codes", key, map[string]any{"code": "ACME", "codeable_id": "1", "codeable_type": "Company", "integration": "datev"}, 201, ""},
		{"period of no employee", "POST", "/payroll/policy_periods/change_status", key, map[string]any{"id": "1", "status": "paid", "notify_employee": true, "employee_ids": []string{"99999"}}, 422, "Employee must exist"},
		{"missing period", "POST", "/payroll/policy_periods/change_status", key, map[string]any{"id": "9", "status": "paid", "notify_employee": true, "employee_ids": []string{"1003"}}, 404, ""},
		{"basic user moves a period", "POST", "/payroll/policy_periods/change_status", tokBasic, map[string]any{"id": "1", "status": "paid", "notify_employee": true, "employee_ids": []string{"1003"}}, 403, ""},
	} {
		r := e.dated(tc.method, tc.path, tc.token, tc.body)
		if r.status != tc.status || !strings.Contains(string(r.body), tc.msg) {
			t.Errorf("%s: %d %s, want %d %q", tc.name, r.status, r.body, tc.status, tc.msg)
		}
	}
	// A basic user reads the lists; a token without the contracts scope
	// is refused.
	if r := e.dated("GET", "/contracts/contract_versions", tokBasic, nil); r.status != 200 {
		t.Errorf("basic user lists contract versions: %d", r.status)
	}
	if r := e.dated("GET", "/contracts/taxonomies", tokTimeOff, nil); r.status != 403 {
		t.Errorf("token without the contracts scope: %d %s, want 403", r.status, r.body)
	}
	if r := e.dated("GET", "/payroll/family_situations", tokTimeOff, nil); r.status != 403 {
		t.Errorf("token without the payroll scope: %d %s, want 403", r.status, r.body)
	}
}

// TestDatedContractVersionCopyAndSalary: copy_current_contract_version
// takes the fields not sent from the version in force; a version that
// already had a salary may change its amount alone.
func TestDatedContractVersionCopyAndSalary(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	r := e.dated("POST", "/contracts/contract_versions", key, map[string]any{"employee_id": "1003", "effective_on": "2099-01-01",
		"starts_on": "2099-01-01", "copy_current_contract_version": true, "job_title": "Staff Engineer"})
	if r.status != 201 {
		t.Fatalf("copy: %d %s", r.status, r.body)
	}
	v := r.obj(t)
	if v["job_title"] != "Staff Engineer" || v["salary_amount"] != 4500000.0 || v["salary_frequency"] != "yearly" || v["working_week_days"] != "mon,tue,wed,thu,fri" {
		t.Errorf("copied version: %v", v)
	}
	if r := e.dated("PUT", "/contracts/contract_versions/1", key, map[string]any{"id": "1", "salary_amount": 4800000}); r.status != 200 || r.obj(t)["salary_amount"] != 4800000.0 {
		t.Errorf("salary change: %d %s", r.status, r.body)
	}
}

// TestDatedReferenceContracts: the version in force today, else the next
// one, else the latest past one; one per employee.
func TestDatedReferenceContracts(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	create := func(emp, eff, ends string) string {
		t.Helper()
		body := map[string]any{"employee_id": emp, "effective_on": eff, "starts_on": eff}
		if ends != "" {
			body["ends_on"] = ends
		}
		r := e.dated("POST", "/contracts/contract_versions", key, body)
		if r.status != 201 {
			t.Fatalf("create: %d %s", r.status, r.body)
		}
		return idOf(t, r.obj(t))
	}
	future := create("1003", "2099-01-01", "")         // Bea: version 1 is in force, this one is ahead
	next := create("1004", "2098-01-01", "")           // only future versions: the nearest
	create("1004", "2099-06-01", "")                   //
	past := create("1002", "2020-01-01", "2021-12-31") // only ended versions: the latest
	create("1002", "2019-01-01", "2019-12-31")
	r := e.dated("GET", "/contracts/reference_contracts?employee_ids[]=1002&employee_ids[]=1003&employee_ids[]=1004", key, nil)
	if r.status != 200 {
		t.Fatalf("reference contracts: %d %s", r.status, r.body)
	}
	if got, want := idsOf(t, r), []string{"1", next, past}; !slices.Equal(got, want) {
		t.Errorf("reference versions %v, want %v (future %s)", got, want, future)
	}
	r = e.dated("GET", "/contracts/reference_contracts?job_catalog_tree_node_uuids[]=jobcatalog_treelevel-2", key, nil)
	if got := idsOf(t, r); len(got) != 0 {
		t.Errorf("no reference version is at that node: %v", got)
	}
}

// TestDatedContractsFilters: the filters that are not a field comparison.
func TestDatedContractsFilters(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	eff := fmtVal(e.s.tbl(ResContractVersions).recs[1]["effective_on"])
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/contracts/contract_versions?date=2000-01-01", []string{}},
		{"/contracts/contract_versions?date=" + eff, []string{"1"}},
		{"/contracts/contract_versions?employee_ids[]=1003", []string{"1"}},
		{"/contracts/compensations?contract_version_ids[]=2", []string{}},
		{"/contracts/contract_version_histories?changes_gteq=2000-01-01&changes_lteq=2000-12-31", []string{}},
		{"/contracts/contract_version_histories?contract_version_ids[]=1", []string{"1"}},
		{"/contracts/contract_version_histories?contract_version_ids[]=2", []string{}},
		{"/contracts/contract_version_histories?employee_ids[]=1003", []string{"1"}},
		{"/contracts/french_contract_types?archived=false", []string{"1", "2"}},
		{"/contracts/spanish_contract_types?archived=true", []string{"2"}},
		{"/contracts/spanish_contract_types?contract_template_id=2", []string{}},
		{"/contracts/spanish_education_levels?contract_template_id=1", []string{"1"}},
		{"/contracts/contract_templates?contract_version_type=fr", []string{"2"}},
		{"/contracts/taxonomies?legal_entity_ids[]=2", []string{}},
		{"/compensations/concepts?with_active_status=true", []string{"1"}},
		{"/compensations/concepts?categories[]=earnings_variable", []string{"2"}},
		{"/contracts/materialized_templates?template_type=legal_entity", []string{"1-legal_entity-1-es"}},
		{"/contracts/materialized_templates?countries[]=es", []string{"1-country--es", "1-legal_entity-1-es"}},
		{"/payroll_employees/identifiers?employees_ids[]=1002", []string{"1"}},
		{"/payroll_employees/identifiers?country=it", []string{}},
		{"/payroll_employees/identifiers?legal_entities_ids[]=99", []string{}},
		{"/payroll_integrations_base/codes?integrations[]=silae", []string{}},
		{"/payroll_integrations_base/codes?codeable_type=Employee&codeable_id=1003", []string{"1"}},
		{"/payroll/family_situations?employee_ids[]=1004", []string{}},
	} {
		r := e.dated("GET", tc.path, key, nil)
		if r.status != 200 {
			t.Fatalf("%s: %d %s", tc.path, r.status, r.body)
		}
		if got := idsOf(t, r); !slices.Equal(got, tc.want) {
			t.Errorf("%s: ids %v, want %v", tc.path, got, tc.want)
		}
	}
	// Meta data: one entry per existing version asked for, none without ids.
	r := e.dated("GET", "/contracts/contract_version_meta_data?contract_version_ids[]=1&contract_version_ids[]=999", key, nil)
	data, _ := r.page(t)
	if len(data) != 1 || data[0]["contract_version_id"] != "1" || data[0]["action_type"] != "promotion" {
		t.Errorf("meta data: %s", r.body)
	}
	r = e.dated("GET", "/contracts/contract_version_meta_data", key, nil)
	if data, _ := r.page(t); len(data) != 0 {
		t.Errorf("meta data without ids: %s", r.body)
	}
}

// TestDatedChangePolicyPeriodStatus: the period takes the stage sent and
// the change raises its webhook event's record.
func TestDatedChangePolicyPeriodStatus(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	r := e.dated("POST", "/payroll/policy_periods/change_status", "key:"+tokKey, map[string]any{"id": "1", "status": "paid",
		"notify_employee": true, "employee_ids": []string{"1003", "1004"}})
	if r.status != 200 {
		t.Fatalf("change_status: %d %s", r.status, r.body)
	}
	p := r.obj(t)
	if p["status"] != "paid" || p["id"] != "1" || p["policy_name"] != "Monthly payroll" {
		t.Errorf("period: %v", p)
	}
	if got := e.s.tbl(ResPayrollPolicyPeriods).recs[1]["status"]; got != "paid" {
		t.Errorf("stored status %v", got)
	}
}

// TestDatedContractsPersonalData: contract versions, their history,
// family situations and payroll identifiers are seen whole by admins and
// API keys, by any other user only for themselves; another employee's
// record reads as missing. Catalogues stay readable by everyone.
func TestDatedContractsPersonalData(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	// A version of the manager's, which the basic user may not see.
	r := e.dated("POST", "/contracts/contract_versions", key, map[string]any{"employee_id": "1002", "effective_on": "2025-01-01", "starts_on": "2025-01-01"})
	if r.status != 201 {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	managers := idOf(t, r.obj(t))
	for _, tc := range []struct {
		token, path string
		want        []string
	}{
		{key, "/contracts/contract_versions", []string{"1", managers}},
		{tokAdmin, "/contracts/contract_versions", []string{"1", managers}},
		{tokBasic, "/contracts/contract_versions", []string{"1"}},
		{tokManager, "/contracts/contract_versions", []string{managers}},
		{tokBasic, "/contracts/reference_contracts", []string{"1"}},
		{tokBasic, "/contracts/contract_version_histories", []string{"1"}},
		{tokManager, "/contracts/contract_version_histories", []string{}},
		{tokBasic, "/payroll/family_situations", []string{"1"}},
		{tokManager, "/payroll/family_situations", []string{}},
		{tokBasic, "/payroll_employees/identifiers", []string{}},
		{tokManager, "/payroll_employees/identifiers", []string{"1"}},
		{tokBasic, "/contracts/taxonomies", []string{"1"}},
	} {
		r := e.dated("GET", tc.path, tc.token, nil)
		if r.status != 200 {
			t.Fatalf("%s as %s: %d %s", tc.path, tc.token, r.status, r.body)
		}
		if got := idsOf(t, r); !slices.Equal(got, tc.want) {
			t.Errorf("%s as %s: ids %v, want %v", tc.path, tc.token, got, tc.want)
		}
	}
	for _, tc := range []struct {
		token, path string
		status      int
	}{
		{tokBasic, "/contracts/contract_versions/" + managers, 404},
		{tokBasic, "/contracts/contract_versions/1", 200},
		{tokManager, "/contracts/contract_version_histories/1", 404},
		{tokBasic, "/payroll_employees/identifiers/1", 404},
		{tokManager, "/payroll_employees/identifiers/1", 200},
		{key, "/payroll_employees/identifiers/1", 200},
	} {
		if r := e.dated("GET", tc.path, tc.token, nil); r.status != tc.status {
			t.Errorf("GET %s as %s: %d %s, want %d", tc.path, tc.token, r.status, r.body, tc.status)
		}
	}
	r = e.dated("GET", "/contracts/contract_version_meta_data?contract_version_ids[]="+managers, tokBasic, nil)
	if data, _ := r.page(t); len(data) != 0 {
		t.Errorf("meta data of another's version: %s", r.body)
	}
}

// TestDatedContractsEvents: the writes Factorial lists webhook events for
// raise them: contract version create, update and delete, the policy
// period's stage change and integration code create, update and delete.
func TestDatedContractsEvents(t *testing.T) {
	s, err := New()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"CreateContractVersion":    "contracts/contract_version/create",
		"UpdateContractVersion":    "contracts/contract_version/update",
		"DeleteContractVersion":    "contracts/contract_version/delete",
		"ChangePolicyPeriodStatus": "payroll/policy_period/change_status",
		"CreateIntegrationCode":    "payroll_integrations_base/code/create",
		"UpdateIntegrationCode":    "payroll_integrations_base/code/update",
		"DeleteIntegrationCode":    "payroll_integrations_base/code/delete",
		"CreateCompensation":       "",
		"CreateFamilySituation":    "",
	}
	seen := 0
	for _, rt := range s.dated {
		ev, ok := want[rt.opID]
		if !ok {
			continue
		}
		seen++
		if rt.eventType != ev {
			t.Errorf("%s raises %q, want %q", rt.opID, rt.eventType, ev)
		}
	}
	if seen != len(want) {
		t.Errorf("found %d of the %d operations", seen, len(want))
	}
}
