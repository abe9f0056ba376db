package factorial

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/engine"
	"github.com/factorial-go/factorial/internal/loopback"
	"github.com/factorial-go/factorial/resources/raw"
)

// Hosts Factorial serves its APIs and its OAuth server from. REST paths
// live under /api and OAuth under /oauth, so the base URL is the bare host.
const (
	// ProductionURL serves the dated API, v1 (retired by Factorial in 2025)
	// and OAuth.
	ProductionURL = "https://api.factorialhr.com"
	// DemoURL is Factorial's demo environment for the dated API.
	DemoURL = "https://api.eu2.demo.factorial.dev"
	// OldDemoURL is the dated API's previous demo host.
	//
	// Deprecated: Factorial marks it deprecated; use DemoURL.
	OldDemoURL = "https://api.demo.factorial.dev"
	// V1DemoURL is the demo host of the v1 API.
	V1DemoURL = "https://api.demo.factorialhr.com"
)

// Version is this module's version, sent in the User-Agent.
const Version = "0.1.0"

// DefaultUserAgent identifies this client to Factorial.
const DefaultUserAgent = "factorial-go/" + Version

// Client calls Factorial's API: the dated API Factorial serves today
// (/api/<version>/resources/..., version WithAPIVersion's). Each field is
// the service of one area; its methods return the types of package
// resources, generated from openapi-resources.yaml, and paginated lists
// come as List (every page), ListIter (one page in memory at a time) and
// ListPage (one page with its meta).
//
// Every call goes through the same transport: credentials, retries, token
// refresh on 401, and response checks that turn anything but a
// trustworthy 2xx into an *Error. Raw returns the generated client
// underneath, for what a service does not express.
//
// V1 holds the services of the v1 API, which Factorial retired in 2025.
//
// A Client is safe for concurrent use and holds a connection pool: create
// one and share it.
type Client struct {
	// Approvals: the approval flows of records that need approving
	// (leaves, overtime requests...), decided by naming the record.
	Approvals *ApprovalsService
	// ATS: recruiting (applicant tracking): job postings and their
	// screening questions, candidates, their applications moving through
	// each posting's pipeline of phases, feedback, evaluation forms and
	// the messages exchanged with candidates.
	ATS *ATSService
	// Attendance: shifts (clock-ins, clock-outs and breaks) of employees,
	// requests to edit them or count overtime, timesheet reviews, expected
	// and worked time per day, and the kinds of break each employee may
	// take.
	Attendance *AttendanceService
	// Banking: company bank accounts (Factorial's banking product and
	// accounts added by hand), card payments and transactions.
	Banking *BankingService
	// Bookkeepers: the employee updates (incidences) the company's
	// bookkeeper processes for payroll.
	Bookkeepers *BookkeepersService
	// Companies: legal entities, the registered businesses employees are
	// contracted under.
	Companies *CompaniesService
	// Contracts: contract versions (job, salary and working time from a
	// day onwards), their history, compensations and taxonomies, payroll
	// concepts, contract templates and the per-country catalogues contracts
	// name.
	Contracts *ContractsService
	// Credentials: the credential making the call (user token, company
	// token or API key) and its company.
	Credentials *CredentialsService
	// CustomFields: custom fields, their options, custom-table fields and
	// the values stored per record.
	CustomFields *CustomFieldsService
	// CustomResources: custom tables of the employee profile (schemas),
	// their rows (resources) and cells (values).
	CustomResources *CustomResourcesService
	// Documents: company and employee documents and their folders.
	Documents *DocumentsService
	// Employees: employees, their lifecycle (hire with contract, invite,
	// terminate, unterminate) and their personal data.
	Employees *EmployeesService
	// EmployeeUpdates: the changes payroll has to act on (absences,
	// contract changes, hires, personal changes, terminations), per kind
	// and in short form (read-only).
	EmployeeUpdates *EmployeeUpdatesService
	// Expenses: expense claims (expensables) and their details: receipts
	// (expenses), mileage claims and per diems, with their review status.
	Expenses *ExpensesService
	// Finance: the accounting records of the legal entities (ledger
	// accounts, accounting settings, contacts) and the budgets and
	// expense categories spending is classified by.
	Finance *FinanceService
	// Holidays: company (bank) holidays of each location.
	Holidays *HolidaysService
	// Integrations: Factorial's integration framework: the items a sync
	// run delivers to an external system, their outcomes and output files.
	Integrations *IntegrationsService
	// ITManagement: the company's equipment (IT assets) and the makes and
	// models they are units of.
	ITManagement *ITManagementService
	// JobCatalog: the job catalog's roles, their levels, its tree of
	// nodes and the attributes attached to them (read-only).
	JobCatalog *JobCatalogService
	// Locations: the company's locations (workplaces) and the work areas
	// that divide them.
	Locations *LocationsService
	// Marketplace: marketplace integrations installed by the company and
	// their settings.
	Marketplace *MarketplaceService
	// Payroll: payroll supplements (one-off amounts paid with an
	// employee's payroll in a period), the stage of payroll periods,
	// employees' family situations and payroll identifiers, and the codes
	// external payroll systems know records by.
	Payroll *PayrollService
	// Performance: performance review processes, their participants,
	// evaluations, questionnaires and scores, action plans and the
	// company's employee score scale.
	Performance *PerformanceService
	// Posts: the company feed's community groups, the posts published in
	// them and the comments on posts.
	Posts *PostsService
	// Procurement: purchase requests, the purchase orders placed for
	// them and the procurement types they are classified by (read-only).
	Procurement *ProcurementService
	// ProjectManagement: projects and their subprojects, workers, tasks,
	// budgets and planned time, and the time and expenses charged to them.
	ProjectManagement *ProjectManagementService
	// ShiftManagement: the rota, shifts planned for employees ahead of
	// time (not the attendance shifts they clock).
	ShiftManagement *ShiftManagementService
	// Tasks: tasks (to-dos assigned to people, with a status and a due
	// date) and the files attached to them.
	Tasks *TasksService
	// Teams: teams and the memberships that place employees in them.
	Teams *TeamsService
	// TimeOff: leaves, leave types, allowances with their counters and
	// manual adjustments, blocked periods, and time-off policies with their
	// assignments to employees and each employee's policy timeline.
	TimeOff *TimeOffService
	// TimePlanning: breaks planned within shifts and schedules, and the
	// planning versions saying what sets each employee's expected hours.
	TimePlanning *TimePlanningService
	// TimeSettings: the company's kinds of break (paid or not).
	TimeSettings *TimeSettingsService
	// Trainings: trainings (courses), their classes and sessions, the
	// employees enrolled and invited, their attendance, and categories.
	Trainings *TrainingsService
	// Webhooks: subscriptions that deliver the bare resource to a target
	// URL when an event happens.
	Webhooks *WebhooksService
	// WorkSchedules: work schedules, their periods of the year and the
	// working time per weekday of each period.
	WorkSchedules *WorkSchedulesService

	// OAuth: the authorization server (token, revoke, token info), which
	// serves every API. Package oauth wraps it in a flow and a refreshing
	// token source.
	OAuth *OAuthService

	// V1 holds the services of the v1 REST API.
	//
	// Deprecated: Factorial retired v1 in 2025; the services above call
	// the dated API that replaced it.
	V1 *V1

	core
}

// core is what every service shares: the transport, the generated
// clients for Raw, and what the generated request constructors need.
type core struct {
	engine   *engine.Engine
	raw      *raw.ClientWithResponses
	v1Raw    *api.ClientWithResponses
	v1Server string  // the base URL with a trailing slash, as the generated constructors expect
	v1Base   apiBase // the base URL, parsed once: services build their requests on it
	editors  []func(ctx context.Context, req *http.Request) error

	// The dated API: the base URL its constructors take (v1Server +
	// "api/<version>/resources/") and the one its services build on. Its
	// version, and the warning once it is past its year of service, are
	// the engine's.
	datedServer string
	datedBase   apiBase // v1Base + /api/<version>/resources
}

// NewClient returns a Client for ProductionURL with no credentials, the
// default retry policy, a 30 s per-attempt timeout and a silent logger,
// each changed by opts.
func NewClient(opts ...Option) (*Client, error) {
	cfg := config{
		apiVersion: DefaultAPIVersion,
		baseURL:    ProductionURL,
		timeout:    DefaultTimeout,
		userAgent:  DefaultUserAgent,
		logger:     slog.New(slog.DiscardHandler),
		retry:      DefaultRetryPolicy(),
		maxBody:    DefaultMaxResponseBytes,
	}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	base, err := parseBaseURL(cfg.baseURL)
	if err != nil {
		return nil, err
	}
	d := engine.New(engine.Config{
		APIVersion:  cfg.apiVersion,
		RetiredOn:   versionRetires(cfg.apiVersion),
		HTTPClient:  buildHTTPClient(cfg.httpClient, cfg.transport),
		Base:        base,
		UserAgent:   cfg.userAgent,
		APIKey:      cfg.apiKey,
		Tokens:      cfg.tokens,
		Timeout:     cfg.timeout,
		Retry:       engine.Retry(cfg.retry),
		MaxBody:     cfg.maxBody,
		Validator:   cfg.validator,
		Validation:  engine.Validation(cfg.validation),
		Log:         cfg.logger,
		Operations:  operations,
		PublicError: publicError,
	})
	server := base.String()
	if !strings.HasSuffix(server, "/") {
		server += "/"
	}
	datedServer := server + "api/" + cfg.apiVersion + "/resources/"
	v1Opts := []api.ClientOption{api.WithHTTPClient(d)}
	datedOpts := []raw.ClientOption{raw.WithHTTPClient(d)}
	for _, ed := range cfg.editors {
		v1Opts = append(v1Opts, api.WithRequestEditorFn(ed))
		datedOpts = append(datedOpts, raw.WithRequestEditorFn(ed))
	}
	v1Raw, err := api.NewClientWithResponses(server, v1Opts...)
	if err != nil {
		return nil, fmt.Errorf("factorial: %w", err)
	}
	raw, err := raw.NewClientWithResponses(datedServer, datedOpts...)
	if err != nil {
		return nil, fmt.Errorf("factorial: %w", err)
	}
	v1Base := *base
	v1Base.Path = strings.TrimSuffix(base.Path, "/")
	v1Base.RawPath = strings.TrimSuffix(base.RawPath, "/")
	datedBase := v1Base
	datedBase.Path += "/api/" + cfg.apiVersion + "/resources"
	if datedBase.RawPath != "" {
		datedBase.RawPath += "/api/" + cfg.apiVersion + "/resources"
	}
	c := &Client{core: core{
		engine: d, raw: raw, v1Raw: v1Raw, v1Server: server, datedServer: datedServer,
		v1Base: newAPIBase(v1Base), datedBase: newAPIBase(datedBase),
		editors: slices.Clone(cfg.editors),
	}}
	c.initServices()
	c.OAuth = &OAuthService{c: c}
	return c, nil
}

// APIVersion returns the dated API version the client's services call
// (WithAPIVersion).
func (c *Client) APIVersion() string { return c.engine.APIVersion() }

// Raw returns the generated client of the dated API that the services are
// built on, for what a service does not express: the response headers, or
// a body sent as raw bytes (the *WithBody methods). It shares the Client's
// transport and version, so a non-2xx answer is still an *Error; but a 2xx
// body that does not fit its type comes back as the generated parser's own
// json error, where a service returns an *Error of KindDecode.
func (c *Client) Raw() *raw.ClientWithResponses { return c.raw }

// Raw returns the generated client of the v1 API, as Client.Raw does for
// the dated API.
//
// Deprecated: Factorial retired v1 in 2025; use Client.Raw.
func (v *V1) Raw() *api.ClientWithResponses { return v.c.v1Raw }

// Do sends a hand-built request through the same pipeline as the services: credentials (only for the client's own origin), retries, the 401
// refresh, and errors as *Error. It is the escape hatch for an endpoint the
// spec does not describe yet; such a request gets the generic checks only
// (non-2xx is an *Error, announced JSON must be well-formed). On success the
// body is already read into memory; closing it is still good form.
func (c *Client) Do(req *http.Request) (*http.Response, error) { return c.engine.Do(req) }

// BaseURL returns the base URL the client sends requests to.
func (c *Client) BaseURL() string { return c.engine.Base().String() }

func parseBaseURL(raw string) (*url.URL, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, &ConfigError{Option: "WithBaseURL", Err: errors.New("unparseable URL")}
	}
	if u.Scheme == "" || u.Host == "" {
		return nil, configErr("WithBaseURL", "%s is not an absolute URL", engine.RedactURL(u))
	}
	if u.User != nil {
		return nil, configErr("WithBaseURL", "URL must not carry credentials; use WithAPIKey or WithTokenSource")
	}
	if u.RawQuery != "" || u.Fragment != "" {
		return nil, configErr("WithBaseURL", "URL must not have a query or fragment")
	}
	switch strings.ToLower(u.Scheme) {
	case "https":
	case "http":
		if !loopback.Host(u.Hostname()) {
			return nil, &ConfigError{Option: "WithBaseURL", Err: fmt.Errorf("%w: %s", ErrInsecureURL, engine.RedactURL(u))}
		}
	default:
		return nil, configErr("WithBaseURL", "unsupported scheme %q", u.Scheme)
	}
	return u, nil
}

// buildHTTPClient returns the client attempts are sent with. The caller's
// *http.Client is copied, never modified.
func buildHTTPClient(hc *http.Client, rt http.RoundTripper) *http.Client {
	var out http.Client
	if hc != nil {
		out = *hc
	}
	if rt != nil {
		out.Transport = rt
	}
	if hc == nil && rt == nil {
		out.Transport = defaultTransport()
	}
	if out.CheckRedirect == nil {
		// The API does not redirect; a redirect means a wrong base URL, and
		// following it would send the x-api-key header (which Go does not
		// strip the way it strips Authorization) to another host. The 3xx
		// comes back as an *Error instead.
		out.CheckRedirect = func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }
	} else {
		out.CheckRedirect = credentialsStayHome(out.CheckRedirect)
	}
	return &out
}

// credentialsStayHome wraps a caller's redirect policy: a redirect to
// another origin (another host or port, or https to http on the same host)
// loses the x-api-key and Authorization headers before the policy decides.
// Go copies every header to a redirect and strips Authorization only when
// the domain changes, so neither would otherwise be safe.
func credentialsStayHome(policy func(*http.Request, []*http.Request) error) func(*http.Request, []*http.Request) error {
	return func(req *http.Request, via []*http.Request) error {
		if len(via) > 0 && !engine.SameOrigin(req.URL, via[0].URL) {
			req.Header.Del(engine.APIKeyHeader)
			req.Header.Del("Authorization")
		}
		return policy(req, via)
	}
}

// defaultTransport is http.DefaultTransport's configuration with a pool
// sized for one API host. The stdlib keeps at most 2 idle connections per
// host: at 16 concurrent calls, 14 connections would be closed after every
// burst and re-dialled (TCP and TLS handshakes, TIME_WAIT sockets) for the
// next. A Client talks to a single host, so the per-host limit can equal the
// total.
func defaultTransport() *http.Transport {
	var t *http.Transport
	if dt, ok := http.DefaultTransport.(*http.Transport); ok {
		t = dt.Clone()
	} else {
		t = &http.Transport{
			Proxy:                 http.ProxyFromEnvironment,
			ForceAttemptHTTP2:     true,
			TLSHandshakeTimeout:   10 * time.Second,
			ExpectContinueTimeout: time.Second,
		}
	}
	t.MaxIdleConns = 100
	t.MaxIdleConnsPerHost = 100
	t.IdleConnTimeout = 90 * time.Second
	return t
}
