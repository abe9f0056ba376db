package factorialtest

import (
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"time"

	"github.com/factorial-go/factorial/internal/sandbox"
)

// Resource names for Put, Get, List, Delete and Create: the tables behind
// the REST API. Versions and legacy aliases of an operation share a table
// (ListEmployees, ListEmployeesV2 and ListEmployeesBulk all read
// Employees), and so do the dated API's operations where v1 has the same
// records (its employees/employees is Employees, attendance/shifts is
// Shifts, tasks/tasks is Tasks, whose assignee_ids are stored as employee
// ids and shown by the dated API as access ids). A collection only the
// dated API has, with no constant here, is served from the table named
// "<namespace>_<resource>" ("performance_review_processes" for
// performance/review_processes); Resources lists them all. Records hold
// integer ids; the dated API shows them as strings (StringID, IntID).
const (
	Employees               = "employees"
	Teams                   = "teams"
	Locations               = "locations"
	LegalEntities           = "legal_entities"
	Workplaces              = "workplaces"
	CompanyHolidays         = "company_holidays"
	LeaveTypes              = "leave_types"
	Leaves                  = "leaves"
	Policies                = "policies"
	Shifts                  = "shifts"
	Attendance              = "attendance"
	BreakConfigurations     = "break_configurations"
	ManagedShifts           = "managed_shifts"
	Payslips                = "payslips"
	Folders                 = "folders"
	Documents               = "documents"
	Tasks                   = "tasks"
	TaskFiles               = "task_files"
	Webhooks                = "webhooks"
	WebhooksV2              = "webhooks_v2"
	Events                  = "events"
	APIKeys                 = "api_keys"
	CustomFields            = "custom_fields"
	CustomValues            = "custom_values"
	CustomTables            = "custom_tables"
	CustomTableFields       = "custom_table_fields"
	CustomTableValues       = "custom_table_values"
	Posts                   = "posts"
	JobPostings             = "ats_job_postings"
	Candidates              = "ats_candidates"
	Applications            = "ats_applications"
	AtsMessages             = "ats_messages"
	FamilySituations        = "family_situations"
	ContractVersions        = "contract_versions"
	Supplements             = "supplements"
	Compensations           = "compensations"
	Taxonomies              = "taxonomies"
	PayrollIntegrationCodes = "payroll_integration_codes"
	Expenses                = "expenses"

	// Tables of the dated API only. Memberships mirror the teams'
	// employee_ids and lead_ids: change them through the API or
	// AddTeamMember, not Put.
	Memberships          = "memberships"
	Allowances           = "allowances"
	CustomFieldOptions   = "custom_field_options"
	ResourceFields       = "resource_fields"
	WebhookSubscriptions = "webhook_subscriptions"
	WorkAreas            = "work_areas"

	// The dated API's job catalog. Tree nodes are named by their uuid
	// ("jobcatalog_treelevel-2", ancestor_uuid its parent's); a node
	// attribute names its node in node_uuid, which no response shows.
	JobCatalogRoles          = "job_catalog_roles"
	JobCatalogLevels         = "job_catalog_levels"
	JobCatalogTreeNodes      = "job_catalog_tree_nodes"
	JobCatalogNodeAttributes = "job_catalog_node_attributes"

	// Banking tables of the dated API. A basic user sees only the accounts
	// listing them as members, and the card payments and transactions of
	// those accounts (bank_account_id).
	BankAccounts     = "banking_bank_accounts"
	CardPayments     = "banking_card_payments"
	BankTransactions = "banking_transactions"
)

// Resources lists every resource name the REST API uses.
func (s *Server) Resources() []string { return s.sb.Resources() }

// Put stores a copy of rec in resource as is, and returns its id:
// rec["id"] when set (replacing any record with that id), else the next
// free id. Values are normalised (integral numbers become int, times RFC
// 3339); created_at and updated_at default to now. Put runs no business
// rules, so it can store what the API would refuse: keep cross references
// consistent yourself (AddTeamMember does both sides of a membership), or
// use Create. A record is shown through each operation's response schema,
// so fields the schema lacks are kept but never sent, and a value of the
// wrong type is a spec violation when it is served (a 500, recorded in
// Errors).
func (s *Server) Put(resource string, rec map[string]any) int { return s.sb.Put(resource, rec) }

// Create stores a copy of rec the way the API's create operation does, as
// the admin: a fresh id (rec["id"] is ignored), timestamps, the resource's
// defaults (an employee's role, team_ids, a leave approved because the
// admin creates it, ...) and checks (a unique email, an existing manager,
// a leave's dates). The error is the answer the API
// would give, e.g. "factorialtest: 422 {"errors":{...}}".
func (s *Server) Create(resource string, rec map[string]any) (int, error) {
	id, err := s.sb.Create(resource, rec)
	if err != nil {
		var ae *sandbox.APIError
		if errors.As(err, &ae) {
			b, _ := json.Marshal(ae.Body)
			return 0, fmt.Errorf("factorialtest: create %s: %d %s", resource, ae.Status, b)
		}
		return 0, err
	}
	return id, nil
}

// Get returns a copy of a record (every field stored, whatever the
// operations show).
func (s *Server) Get(resource string, id int) (map[string]any, bool) { return s.sb.Get(resource, id) }

// List returns copies of a resource's records in id order.
func (s *Server) List(resource string) []map[string]any { return s.sb.List(resource) }

// Delete removes a record without running any rule; it reports whether the
// record existed.
func (s *Server) Delete(resource string, id int) bool { return s.sb.Delete(resource, id) }

// Record turns a value of the api package (api.Employee, api.TeamCreate,
// ...) or any JSON-encodable value into a record for Put or Create, so
// seeds can be written with the generated types:
//
//	srv.Put(factorialtest.Teams, factorialtest.Record(api.Team{ID: 7, Name: "Ops"}))
//
// It panics if v does not encode to a JSON object.
func Record(v any) map[string]any {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("factorialtest.Record: %v", err))
	}
	var rec map[string]any
	if err := json.Unmarshal(b, &rec); err != nil || rec == nil {
		panic(fmt.Sprintf("factorialtest.Record: %T is not a JSON object", v))
	}
	return rec
}

// EmployeeOption sets fields of the employee AddEmployee (or
// V1().AddEmployee) creates.
type EmployeeOption func(rec map[string]any)

// AsAdmin gives the employee the admin role.
func AsAdmin() EmployeeOption { return func(rec map[string]any) { rec["role"] = "admin" } }

// ManagedBy sets the employee's manager (and time-off manager, who
// decides their leaves): an id as either API writes it, 1002 or "1002". An
// id that names no employee makes the create fail (422 on manager_id).
func ManagedBy[ID int | string](employeeID ID) EmployeeOption {
	return func(rec map[string]any) {
		var v any = employeeID
		if s, ok := v.(string); ok {
			n, err := IntID(s)
			if err != nil {
				v = badID{err}
			} else {
				v = n
			}
		}
		rec["manager_id"] = v
		rec["timeoff_manager_id"] = v
	}
}

// badID stands in a record for an id an option could not parse, so that
// the helper applying the option fails with err instead of storing it.
type badID struct{ err error }

// checkIDs returns the error of the first badID in rec.
func checkIDs(rec map[string]any) error {
	for _, v := range rec {
		if b, ok := v.(badID); ok {
			return b.err
		}
	}
	return nil
}

// StartingOn sets the employee's start date.
func StartingOn(day time.Time) EmployeeOption {
	return func(rec map[string]any) { rec["start_date"] = day.Format(time.DateOnly) }
}

// EmployeeFields sets any other fields by their JSON names
// ({"birthday_on": "1990-01-31", "location_id": 2}).
func EmployeeFields(fields map[string]any) EmployeeOption {
	return func(rec map[string]any) { maps.Copy(rec, fields) }
}

// The seeding helpers below speak the dated API's ids, strings ("1006"),
// as its services take and return them. V1 has the same helpers with
// v1's integer ids; both seed the same company (an employee added here
// is v1's employee 1006 too).

// AddEmployee creates an employee as hiring one through the API would,
// as the admin, and returns the new employee's id ("1006"): role basic
// unless AsAdmin, company defaults, and Factorial's checks, each an error
// holding the API's answer: first name, last name and email must not be
// blank, the email must not belong to another employee (compared without
// regard to case or surrounding spaces), and a ManagedBy manager must
// exist. Add the employee to teams with AddTeamMember; to act as them,
// TokenSourceAsEmployee (which gives them a login).
func (s *Server) AddEmployee(firstName, lastName, email string, opts ...EmployeeOption) (string, error) {
	id, err := s.V1().AddEmployee(firstName, lastName, email, opts...)
	return idString(id, err)
}

// AddTeam creates a team with these members (none leads it) and returns
// its id. Every member must exist.
func (s *Server) AddTeam(name string, memberIDs ...string) (string, error) {
	members := make([]int, len(memberIDs))
	for i, m := range memberIDs {
		n, err := IntID(m)
		if err != nil {
			return "", err
		}
		members[i] = n
	}
	id, err := s.V1().AddTeam(name, members...)
	return idString(id, err)
}

// AddTeamMember puts an employee in a team (a lead when lead), on both
// sides as the API's team memberships do: the team's employee_ids and
// lead_ids, the employee's team_ids, and a membership record. The team and
// the employee must exist.
func (s *Server) AddTeamMember(teamID, employeeID string, lead bool) error {
	team, err := IntID(teamID)
	if err != nil {
		return err
	}
	emp, err := IntID(employeeID)
	if err != nil {
		return err
	}
	return s.V1().AddTeamMember(team, emp, lead)
}

// AddLeave creates a leave (time off) from start to finish, both days
// included, and returns its id. It creates the leave as the admin, and a
// leave an admin creates comes back approved, whatever its type (as
// CreateLeave does for an admin, an API key or a company token); for a
// pending leave, request it as the employee:
//
//	ts, _ := srv.TokenSourceAsEmployee(id)
//	c, _ := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithTokenSource(ts))
//	c.TimeOff.CreateLeave(ctx, resources.LeaveCreate{EmployeeID: id, ...}) // approved false
//
// leaveTypeID "" picks the company's first leave type (the demo
// company's are "1" Vacation, "2" Sick leave, "3" Training). The employee
// and the leave type must exist and finish may not be before start; each
// refusal is an error holding the API's 422.
func (s *Server) AddLeave(employeeID, leaveTypeID string, start, finish time.Time) (string, error) {
	emp, err := IntID(employeeID)
	if err != nil {
		return "", err
	}
	leaveType := 0
	if leaveTypeID != "" {
		if leaveType, err = IntID(leaveTypeID); err != nil {
			return "", err
		}
	}
	id, err := s.V1().AddLeave(emp, leaveType, start, finish)
	return idString(id, err)
}

func idString(id int, err error) (string, error) {
	if err != nil {
		return "", err
	}
	return StringID(id), nil
}

// V1Helpers are the seeding helpers with v1's integer ids; Server.V1
// returns them.
type V1Helpers struct{ s *Server }

// V1 returns the seeding helpers that take and return v1's integer ids
// (1006): the same operations, rules and data as AddEmployee, AddTeam,
// AddTeamMember and AddLeave, for tests of v1 code.
func (s *Server) V1() V1Helpers { return V1Helpers{s} }

// AddEmployee is Server.AddEmployee with v1's integer ids: it returns the
// new employee id (1006).
func (v V1Helpers) AddEmployee(firstName, lastName, email string, opts ...EmployeeOption) (int, error) {
	rec := map[string]any{"first_name": firstName, "last_name": lastName, "email": email}
	for _, o := range opts {
		o(rec)
	}
	if err := checkIDs(rec); err != nil {
		return 0, err
	}
	return v.s.Create(Employees, rec)
}

// AddTeam is Server.AddTeam with v1's integer ids.
func (v V1Helpers) AddTeam(name string, memberIDs ...int) (int, error) {
	id, err := v.s.Create(Teams, map[string]any{"name": name})
	if err != nil {
		return 0, err
	}
	for _, emp := range memberIDs {
		if err := v.AddTeamMember(id, emp, false); err != nil {
			return id, err
		}
	}
	return id, nil
}

// AddTeamMember is Server.AddTeamMember with v1's integer ids (what v1's
// AssignEmployeeToTeam and UpdateTeamMembership do).
func (v V1Helpers) AddTeamMember(teamID, employeeID int, lead bool) error {
	if err := v.s.sb.AddTeamMember(teamID, employeeID, lead); err != nil {
		return fmt.Errorf("factorialtest: %w", err)
	}
	return nil
}

// AddLeave is Server.AddLeave with v1's integer ids; leaveTypeID 0 picks
// the first leave type. As there, the admin creates the leave, so it
// comes back approved.
func (v V1Helpers) AddLeave(employeeID, leaveTypeID int, start, finish time.Time) (int, error) {
	rec := map[string]any{
		"employee_id": employeeID,
		"start_on":    start.Format(time.DateOnly),
		"finish_on":   finish.Format(time.DateOnly),
	}
	if leaveTypeID != 0 {
		rec["leave_type_id"] = leaveTypeID
	}
	return v.s.Create(Leaves, rec)
}

// AddUser registers a resource owner on a running server, so IssueToken,
// the consent page (through SetApprover) and /api/v1/me work for them. A
// zero ID picks the next free one. The employee u.EmployeeID is created if
// it does not exist; empty names and email are taken from it if it does.
// It returns the user as stored.
func (s *Server) AddUser(u User) (User, error) {
	if u.EmployeeID <= 0 {
		return User{}, errors.New("factorialtest: AddUser needs an EmployeeID")
	}
	if rec, ok := s.sb.Get(Employees, u.EmployeeID); ok {
		fill := func(dst *string, field string) {
			if v, _ := rec[field].(string); *dst == "" {
				*dst = v
			}
		}
		fill(&u.FirstName, "first_name")
		fill(&u.LastName, "last_name")
		fill(&u.Email, "email")
		if r, _ := rec["role"].(string); u.Role == "" {
			u.Role = r
		}
	}
	if u.Role == "" {
		u.Role = "basic"
	}
	s.mu.Lock()
	if u.ID <= 0 {
		for id := range s.users {
			u.ID = max(u.ID, id)
		}
		u.ID++
	}
	if _, taken := s.users[u.ID]; taken {
		s.mu.Unlock()
		return User{}, fmt.Errorf("factorialtest: user %d exists", u.ID)
	}
	stored := u
	s.users[u.ID] = &stored
	s.mu.Unlock()
	s.syncUser(u)
	return u, nil
}
