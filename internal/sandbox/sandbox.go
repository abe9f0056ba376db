// Package sandbox is a stateful in-memory fake of Factorial's v1 API,
// built from openapi.yaml, and of its dated API (openapi-resources.yaml,
// served under /api/<YYYY-MM-DD>/resources/), both answering from one set
// of tables: one company seen through two APIs.
//
// Every /api/ operation of both specs is served. Plain CRUD is answered by one
// generic engine that classifies each operation once, at construction, from
// its method, path shape and response schema (routes.go); records are stored
// as map[string]any supersets and projected onto each operation's response
// schema (shape.go); list filters come from the declared query parameters
// (filter.go); a blank required string is refused as missing, from the
// request schema (blank.go). Input is read as a Rails controller reads it
// (input.go): strong parameters from the request schema, a capped body
// parsed strictly, Rack's reading of the query string; every answer
// carries an X-Request-Id (requestid.go). docs/dated-api.md ("How the
// sandbox answers where Factorial's behaviour is not documented") lists
// these decisions. Only actions with business rules are
// hand-written: rules.go registers them and the per-resource hooks, whose
// handlers are in rules_<area>.go. Traffic is validated in both directions
// with specvalidate.Middleware, and a request is routed once, by it: the
// engine answers the operation the middleware matched (engine.go).
//
// The package knows nothing about OAuth: authentication is injected
// (WithAuthenticator). factorialtest.Server is its public face: it serves
// APIHandler next to its Doorkeeper-faithful OAuth server, authenticates
// with that server's tokens, runs FaultLayer in front of both and
// re-exports seeding, Reset and faults.
package sandbox

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"maps"
	"net/http"
	"net/url"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/factorial-go/factorial/internal/datedpath"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

// Logical resource names (the tables behind the routes). v1/v2 twins and
// legacy aliases share a table: ListEmployees, ListEmployeesV2 and
// ListEmployeesBulk all read ResEmployees.
const (
	ResEmployees               = "employees"
	ResTeams                   = "teams"
	ResLocations               = "locations"
	ResLegalEntities           = "legal_entities"
	ResWorkplaces              = "workplaces"
	ResCompanyHolidays         = "company_holidays"
	ResLeaveTypes              = "leave_types"
	ResLeaves                  = "leaves"
	ResPolicies                = "policies"
	ResShifts                  = "shifts"
	ResAttendance              = "attendance"
	ResBreakConfigurations     = "break_configurations"
	ResManagedShifts           = "managed_shifts"
	ResPayslips                = "payslips"
	ResFolders                 = "folders"
	ResDocuments               = "documents"
	ResTasks                   = "tasks"
	ResTaskFiles               = "task_files"
	ResWebhooks                = "webhooks"
	ResWebhooksV2              = "webhooks_v2"
	ResEvents                  = "events"
	ResAPIKeys                 = "api_keys"
	ResCustomFields            = "custom_fields"
	ResCustomValues            = "custom_values"
	ResCustomTables            = "custom_tables"
	ResCustomTableFields       = "custom_table_fields"
	ResCustomTableValues       = "custom_table_values"
	ResPosts                   = "posts"
	ResJobPostings             = "ats_job_postings"
	ResCandidates              = "ats_candidates"
	ResApplications            = "ats_applications"
	ResAtsMessages             = "ats_messages"
	ResFamilySituations        = "family_situations"
	ResContractVersions        = "contract_versions"
	ResSupplements             = "supplements"
	ResCompensations           = "compensations"
	ResTaxonomies              = "taxonomies"
	ResPayrollIntegrationCodes = "payroll_integration_codes"
	ResExpenses                = "expenses"
)

// Tables of the dated API's banking namespace: company bank accounts, the
// card payments made on them and their transactions. Card payments and
// transactions keep the account they belong to in bank_account_id, which
// decides who may see them.
const (
	ResBankAccounts     = "banking_bank_accounts"
	ResCardPayments     = "banking_card_payments"
	ResBankTransactions = "banking_transactions"
)

// IDs and emails of the seeded demo company's people (seed.go). Employee
// ids start at 1001, as in a company that has had people come and go, so
// they cannot be mistaken for the ids of other resources (or of OAuth
// resource owners) in a test.
const (
	DemoAdminID      = 1001 // Ada Admin, role admin, lead of People
	DemoManagerID    = 1002 // Manu Manager, lead of Engineering, manager of the basics
	DemoBasicID      = 1003 // Bea Basic, Engineering
	DemoBasic2ID     = 1004 // Bruno Basic, Engineering
	DemoTerminatedID = 1005 // Tere Terminated, terminated last month

	DemoAdminEmail      = "admin@example.com"
	DemoManagerEmail    = "manager@example.com"
	DemoBasicEmail      = "basic@example.com"
	DemoBasic2Email     = "basic2@example.com"
	DemoTerminatedEmail = "terminated@example.com"
)

// DefaultNow is the sandbox clock unless WithClock replaces it: Monday
// 2024-03-04 09:00 UTC. Seed dates are relative to the clock's date.
var DefaultNow = time.Date(2024, time.March, 4, 9, 0, 0, 0, time.UTC)

// Principal is who a request acts as. A zero Principal is no principal.
type Principal struct {
	EmployeeID int  // the token holder's employee (API keys: the admin's)
	Admin      bool // an admin user token: full access
	APIKey     bool // a company API key: full access
	// Company marks a company token (resource_owner_type=company): it
	// acts for the company, not for an employee, and never expires.
	Company bool
	// Scopes are the token's OAuth scopes. The dated API grants each area
	// to its granular scope (employees, time_off, ...); v1 knows only
	// read and write. Nil means every scope (API keys, legacy tokens).
	Scopes []string
}

// privileged reports full access: admins, API keys and company tokens
// (which act for the company as a whole).
func (p Principal) privileged() bool { return p.Admin || p.APIKey || p.Company }

// hasScope reports whether the principal's token grants scope; nil Scopes
// grant every scope.
func (p Principal) hasScope(scope string) bool {
	return p.Scopes == nil || slices.Contains(p.Scopes, scope)
}

// zero reports a Principal that identifies nobody.
func (p Principal) zero() bool {
	return p.EmployeeID == 0 && !p.Admin && !p.APIKey && !p.Company && p.Scopes == nil
}

// Authenticator resolves a request's credentials. An error or a zero
// Principal answers 401 with an empty body and Doorkeeper's
// WWW-Authenticate: Bearer ... error="invalid_token" header.
type Authenticator func(r *http.Request) (Principal, error)

// Option configures New.
type Option func(*Sandbox)

// WithWebhookRetries sets how the dated API's webhook deliveries retry a
// failed attempt (a non-2xx answer or a connection error): at most
// attempts tries in all, the first retry backoff after the failure and
// each later one twice the previous wait. Factorial tries up to 20 times
// over 48 hours; the default, 5 attempts from 100 ms, keeps tests short.
// Once the attempts are spent the subscription is disabled, as Factorial
// does.
func WithWebhookRetries(attempts int, backoff time.Duration) Option {
	return func(s *Sandbox) {
		s.hookAttempts = max(attempts, 1)
		s.hookBackoff = max(backoff, 0)
	}
}

// WithAuthenticator injects authentication (default: DefaultAuthenticator).
func WithAuthenticator(a Authenticator) Option { return func(s *Sandbox) { s.auth = a } }

// WithClock replaces the clock (default: the fixed DefaultNow). The seed is
// anchored to the clock's date at New and at every Reset.
func WithClock(now func() time.Time) Option { return func(s *Sandbox) { s.clock = now } }

// WithDeleteNoContent answers deletes 204 with no body, as the 2022 spec and
// a real capture show, instead of 200 with the deleted object (2024 spec).
func WithDeleteNoContent() Option { return func(s *Sandbox) { s.deleteNoContent = true } }

// WithViolationHandler is called for every response that breaks the spec
// (the client gets a 500 naming the violation). factorialtest passes
// t.Error. Default: log.Printf.
func WithViolationHandler(f func(r *http.Request, err error)) Option {
	return func(s *Sandbox) { s.onViolation = f }
}

// WithoutDemoData starts with empty tables (Reset keeps them empty).
func WithoutDemoData() Option { return func(s *Sandbox) { s.noSeed = true } }

// WithValidator uses v instead of specvalidate.New() (tests).
func WithValidator(v *specvalidate.Validator) Option { return func(s *Sandbox) { s.validator = v } }

// WithDatedValidator serves and validates the dated API from v's document
// instead of openapi-resources.yaml (specvalidate.NewDated).
func WithDatedValidator(v *specvalidate.Validator) Option {
	return func(s *Sandbox) { s.resources = v }
}

// Sandbox is the fake. All methods are safe for concurrent use.
type Sandbox struct {
	mu     sync.RWMutex // guards tables and every record in them
	tables map[string]*table

	routes    []*route // v1 (openapi.yaml)
	dated     []*route // dated API (openapi-resources.yaml)
	byOp      map[string]*route
	byOper    map[*openapi3.Operation]*route // how serve finds the route of the operation the validator matched
	itemShape map[string]*shape              // per resource, for seeding
	validator *specvalidate.Validator
	resources *specvalidate.Validator // the dated API's
	handler   http.Handler            // faults in front of api
	api       http.Handler            // /api/ only, validated

	// events maps each webhook event type of the dated API
	// (x-webhook-events) to the shape of its payload.
	events       map[string]*shape
	hooks        *dispatcher
	hookAttempts int
	hookBackoff  time.Duration

	auth            Authenticator
	clock           func() time.Time
	deleteNoContent bool
	noSeed          bool
	onViolation     func(*http.Request, error)

	vmu        sync.Mutex
	violations []error

	faults faultSet
}

// New builds the sandbox: it classifies every /api/ operation of the spec
// once, seeds the demo company and wires validation.
func New(opts ...Option) (*Sandbox, error) {
	s := &Sandbox{auth: DefaultAuthenticator, clock: func() time.Time { return DefaultNow },
		hookAttempts: 5, hookBackoff: 100 * time.Millisecond}
	for _, o := range opts {
		o(s)
	}
	if s.validator == nil {
		v, err := specvalidate.New()
		if err != nil {
			return nil, err
		}
		s.validator = v
	}
	if s.resources == nil {
		rv, err := specvalidate.NewResources()
		if err != nil {
			return nil, err
		}
		s.resources = rv
	}
	if s.onViolation == nil {
		s.onViolation = func(r *http.Request, err error) {
			log.Printf("sandbox: SPEC VIOLATION answering %s %s: %v", r.Method, r.URL.Path, err)
		}
	}
	if err := s.init(s.validator.Doc()); err != nil {
		return nil, err
	}
	if err := s.initDated(s.resources.Doc()); err != nil {
		return nil, err
	}
	v1 := &specvalidate.Middleware{
		Validator:       s.validator,
		OnRequestError:  s.requestError,
		OnResponseError: s.responseError,
		Prepare:         rackQuery,
	}
	dated := &specvalidate.Middleware{
		Validator:       s.resources,
		OnRequestError:  s.requestError,
		OnResponseError: s.responseError,
		Prepare:         rackQuery,
	}
	s.api = RequestID(apiOnly(v1.Wrap(http.HandlerFunc(s.serve)), dated.Wrap(http.HandlerFunc(s.serve))))
	s.handler = RequestID(s.faultLayer(s.api))
	s.hooks = newDispatcher(s)
	s.Reset()
	return s, nil
}

// Close stops webhook deliveries: attempts in flight are cancelled and
// Close waits for their goroutines to end. Requests served afterwards
// still work but raise no webhooks. Safe to call more than once.
func (s *Sandbox) Close() { s.hooks.close() }

// apiOnly answers 404 outside /api/: /oauth/* belongs to the caller's OAuth
// server and must not be validated against the sandbox's answers. Paths of
// the dated API (/api/<version>/resources/...) go to dated, the rest to v1:
// each is validated against its own spec and answered by the same engine.
// It drops trailing slashes, as Rails' router does (/api/v1/employees/ is
// /api/v1/employees), before the request is routed and validated, refuses
// a body over MaxBodyBytes (413) and answers a dated path whose version
// Factorial has never released 404 (servedVersion).
func apiOnly(v1, dated http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !strings.HasPrefix(r.URL.Path, "/api/") {
			http.NotFound(w, r)
			return
		}
		if strings.HasSuffix(r.URL.EscapedPath(), "/") {
			r = withoutTrailingSlash(r)
		}
		isDated := datedpath.Is(r.URL.Path)
		if r.ContentLength > MaxBodyBytes {
			e := errTooLarge
			if isDated {
				e = datedError(e)
			}
			writeJSON(w, e.status, e.body)
			return
		}
		if r.Body != nil && r.Body != http.NoBody {
			r.Body = http.MaxBytesReader(w, r.Body, MaxBodyBytes)
		}
		if isDated {
			if !servedVersion(r.URL.Path[len("/api/") : len("/api/")+len("2006-01-02")]) {
				writeJSON(w, http.StatusNotFound, map[string]any{"errors": []string{"Not found"}})
				return
			}
			dated.ServeHTTP(w, r)
			return
		}
		v1.ServeHTTP(w, r)
	})
}

// withoutTrailingSlash returns a shallow copy of r whose path has no
// trailing slash.
//
// Only literal slashes are dropped: an escaped one (%2F) is part of the
// last segment, as it is to Rails' router.
func withoutTrailingSlash(r *http.Request) *http.Request {
	u := *r.URL
	escaped := strings.TrimRight(u.EscapedPath(), "/")
	if p, err := url.PathUnescape(escaped); err == nil {
		u.Path = p
	}
	u.RawPath = ""
	if u.EscapedPath() != escaped {
		u.RawPath = escaped
	}
	r2 := r.WithContext(r.Context())
	r2.URL = &u
	return r2
}

func (s *Sandbox) init(doc *openapi3.T) error {
	routes, err := s.buildRoutes(doc)
	if err != nil {
		return err
	}
	if len(routes) == 0 {
		return errors.New("sandbox: the spec has no /api/ operations")
	}
	presenceOnUpdate(routes)
	s.routes = routes
	s.byOp = map[string]*route{}
	s.byOper = map[*openapi3.Operation]*route{}
	s.itemShape = map[string]*shape{}
	for _, rt := range routes {
		s.byOp[rt.opID] = rt
		s.byOper[rt.op] = rt
		if rt.item == nil || rt.kind == kindAction {
			continue
		}
		// Prefer the shape of GET /{id}, then any other.
		if cur := s.itemShape[rt.resource]; cur == nil || rt.kind == kindGet {
			s.itemShape[rt.resource] = rt.item
		}
	}
	return nil
}

// Handler serves every /api/ operation of both specs, with validation and
// fault injection. /oauth/* is the caller's business.
func (s *Sandbox) Handler() http.Handler { return s.handler }

// APIHandler is Handler without fault injection, for a caller that puts
// FaultLayer in front of more than the API (factorialtest covers its OAuth
// endpoints too). Paths outside /api/ are answered 404.
func (s *Sandbox) APIHandler() http.Handler { return s.api }

// FaultLayer runs the injected faults in front of next. A Fault's Match
// names any path of the spec there: "CreateToken" or "/oauth/token" work
// as "ListEmployees" does.
func (s *Sandbox) FaultLayer(next http.Handler) http.Handler { return s.faultLayer(next) }

// Now is the sandbox clock.
func (s *Sandbox) Now() time.Time { return s.clock() }

// Operations describes how each /api/ operation is served, v1's sorted by
// path, then the dated API's (paths under /api/{version}/resources).
func (s *Sandbox) Operations() []OperationInfo {
	out := make([]OperationInfo, 0, len(s.routes)+len(s.dated))
	for _, rt := range slices.Concat(s.routes, s.dated) {
		out = append(out, OperationInfo{OperationID: rt.opID, Method: rt.method, Path: rt.template,
			Kind: rt.kind.String(), Resource: rt.resource, Status: rt.status})
	}
	return out
}

// Resources lists the logical resources (tables) the specs' operations
// use. Answers computed from other tables (credentials, allowance stats)
// have none.
func (s *Sandbox) Resources() []string {
	set := map[string]bool{}
	for _, rt := range slices.Concat(s.routes, s.dated) {
		if rt.resource != "" {
			set[rt.resource] = true
		}
	}
	return slices.Sorted(maps.Keys(set))
}

// Violations returns the spec violations the sandbox's responses produced.
func (s *Sandbox) Violations() []error {
	s.vmu.Lock()
	defer s.vmu.Unlock()
	return slices.Clone(s.violations)
}

func (s *Sandbox) responseError(r *http.Request, err error) {
	s.vmu.Lock()
	s.violations = append(s.violations, err)
	s.vmu.Unlock()
	s.onViolation(r, err)
}

// Reset drops every record and reseeds the demo company (unless
// WithoutDemoData).
func (s *Sandbox) Reset() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.tables = map[string]*table{}
	for _, res := range s.Resources() {
		s.store(res)
	}
	if !s.noSeed {
		s.seed()
	}
}

// Put stores a copy of rec in resource and returns its id: rec["id"] when
// set (replacing any record with that id), else the next id. Values are
// normalised (integral numbers become int, slices []any, times RFC 3339).
// Put does not run business rules: keep cross references (team_ids vs
// employee_ids) consistent yourself, or use AddTeamMember.
func (s *Sandbox) Put(resource string, rec map[string]any) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	r, _ := normalize(rec).(map[string]any)
	if r == nil {
		r = map[string]any{}
	}
	deriveNames(r)
	now := s.clock().UTC().Format(time.RFC3339)
	if _, ok := r["created_at"]; !ok {
		r["created_at"] = now
	}
	if _, ok := r["updated_at"]; !ok {
		r["updated_at"] = now
	}
	return s.store(resource).insert(r)
}

// Create stores a copy of rec the way the API's create operations do: a
// fresh id, timestamps, and the resource's rules (defaults such as an
// employee's role and team_ids, checks such as a unique email or a leave's
// dates). It returns the new id, or the error the API would answer (an
// *APIError carrying its status and body). The rules run as the demo admin.
func (s *Sandbox) Create(resource string, rec map[string]any) (int, error) {
	r, _ := normalize(rec).(map[string]any)
	if r == nil {
		r = map[string]any{}
	}
	delete(r, "id")
	c := &call{s: s, pj: newProjector(s.clock()), p: Principal{EmployeeID: DemoAdminID, Admin: true}}
	s.mu.Lock()
	defer s.mu.Unlock()
	if aerr := c.insert(resource, r); aerr != nil {
		return 0, &APIError{Status: aerr.status, Body: aerr.body}
	}
	return r["id"].(int), nil
}

// APIError is a failure Create reports: the status and JSON body the API
// would have answered.
type APIError struct {
	Status int
	Body   any
}

func (e *APIError) Error() string {
	b, _ := json.Marshal(e.Body)
	return fmt.Sprintf("sandbox: %d %s", e.Status, b)
}

// Get returns a copy of a record.
func (s *Sandbox) Get(resource string, id int) (map[string]any, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t := s.tables[resource]
	if t == nil || t.recs[id] == nil {
		return nil, false
	}
	return clone(t.recs[id]), true
}

// List returns copies of a resource's records in id order.
func (s *Sandbox) List(resource string) []map[string]any {
	s.mu.RLock()
	defer s.mu.RUnlock()
	t := s.tables[resource]
	if t == nil {
		return nil
	}
	out := make([]map[string]any, 0, len(t.ids))
	for _, id := range t.ids {
		out = append(out, clone(t.recs[id]))
	}
	return out
}

// Delete removes a record; it reports whether it existed.
func (s *Sandbox) Delete(resource string, id int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.tables[resource]
	return t != nil && t.remove(id) != nil
}

// AddTeamMember puts an employee in a team on both sides (team employee_ids
// and lead_ids, employee team_ids), like AssignEmployeeToTeam.
func (s *Sandbox) AddTeamMember(teamID, employeeID int, lead bool) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	team, emp := s.tbl(ResTeams).recs[teamID], s.tbl(ResEmployees).recs[employeeID]
	if team == nil || emp == nil {
		return fmt.Errorf("sandbox: team %d or employee %d does not exist", teamID, employeeID)
	}
	s.setMembership(team, emp, true, &lead)
	return nil
}

// tbl returns a resource's table for reading (an empty one if the spec has
// no such resource); store returns it for writing, creating it. Both need
// the sandbox lock (read or write respectively).
func (s *Sandbox) tbl(name string) *table {
	if t := s.tables[name]; t != nil {
		return t
	}
	return emptyTable
}

func (s *Sandbox) store(name string) *table {
	t := s.tables[name]
	if t == nil {
		t = newTable()
		s.tables[name] = t
	}
	return t
}

var emptyTable = newTable()

// table is one resource's records. Records are only mutated under the
// sandbox write lock; readers hold the read lock.
type table struct {
	next int
	recs map[int]map[string]any
	ids  []int // ascending
	// open indexes, by employee_id, the ids of records stored without a
	// clock_out (open shifts and attendance), so the clock-in/out rules do
	// not scan the whole table: a long-running sandbox holds thousands of
	// shifts. Rules close records in place, so entries can go stale;
	// openOfEmployee re-checks and prunes.
	open map[int][]int
}

func newTable() *table {
	return &table{next: 1, recs: map[int]map[string]any{}, open: map[int][]int{}}
}

func (t *table) indexAdd(rec map[string]any, id int) {
	emp, ok := toInt(rec["employee_id"])
	if !ok {
		return
	}
	if rec["clock_out"] == nil {
		addID(t.open, emp, id)
	}
}

func (t *table) indexRemove(rec map[string]any, id int) {
	if emp, ok := toInt(rec["employee_id"]); ok {
		removeID(t.open, emp, id)
	}
}

func addID(index map[int][]int, key, id int) {
	ids := index[key]
	if i, found := slices.BinarySearch(ids, id); !found {
		index[key] = slices.Insert(ids, i, id)
	}
}

func removeID(index map[int][]int, key, id int) {
	ids := index[key]
	if i, found := slices.BinarySearch(ids, id); found {
		ids = slices.Delete(ids, i, i+1)
		if len(ids) == 0 {
			delete(index, key)
		} else {
			index[key] = ids
		}
	}
}

// openOfEmployee visits, in id order, the records of an employee stored
// open, dropping index entries whose record has since been closed in place.
func (t *table) openOfEmployee(emp int, f func(rec map[string]any)) {
	ids := t.open[emp]
	kept := ids[:0]
	for _, id := range ids {
		rec := t.recs[id]
		if rec == nil || rec["clock_out"] != nil {
			continue
		}
		kept = append(kept, id)
		f(rec)
	}
	switch {
	case len(kept) == len(ids):
		// Nothing pruned: leave the index untouched.
	case len(kept) == 0:
		delete(t.open, emp)
	default:
		t.open[emp] = kept
	}
}

// insert stores rec under rec["id"] (replacing) or the next id.
func (t *table) insert(rec map[string]any) int {
	id, ok := toInt(rec["id"])
	if !ok || id <= 0 {
		id = t.next
	}
	rec["id"] = id
	if id >= t.next {
		t.next = id + 1
	}
	if prev, exists := t.recs[id]; !exists {
		i := sort.SearchInts(t.ids, id)
		t.ids = slices.Insert(t.ids, i, id)
	} else {
		t.indexRemove(prev, id)
	}
	t.recs[id] = rec
	t.indexAdd(rec, id)
	return id
}

func (t *table) remove(id int) map[string]any {
	rec := t.recs[id]
	if rec == nil {
		return nil
	}
	delete(t.recs, id)
	t.indexRemove(rec, id)
	if i, ok := slices.BinarySearch(t.ids, id); ok {
		t.ids = slices.Delete(t.ids, i, i+1)
	}
	return rec
}

func (t *table) each(f func(rec map[string]any) bool) {
	for _, id := range t.ids {
		if !f(t.recs[id]) {
			return
		}
	}
}

// clone copies a record deeply enough that callers cannot reach the store.
func clone(rec map[string]any) map[string]any {
	out := make(map[string]any, len(rec))
	for k, v := range rec {
		out[k] = cloneVal(v)
	}
	return out
}

func cloneVal(v any) any {
	switch x := v.(type) {
	case map[string]any:
		return clone(x)
	case []any:
		out := make([]any, len(x))
		for i, e := range x {
			out[i] = cloneVal(e)
		}
		return out
	}
	return v
}
