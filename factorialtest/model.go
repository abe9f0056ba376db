package factorialtest

import (
	"time"

	"github.com/factorial-go/factorial/internal/sandbox"
	"github.com/factorial-go/factorial/oauth"
)

// Credentials of the application every Server registers, so tests need no
// setup for the common case. They are fake values: never reuse them.
const (
	DefaultClientID     = "factorialtest-client-id"
	DefaultClientSecret = "factorialtest-client-secret-Kx9qT2vLm4"
	// DefaultRedirectURI is the web callback registered on the default
	// application besides OOBRedirectURI.
	DefaultRedirectURI = "https://app.example.com/oauth/callback"
	// OOBRedirectURI is Doorkeeper's out-of-band redirect: the code is shown
	// on /oauth/authorize/native instead of being sent to a callback.
	OOBRedirectURI = "urn:ietf:wg:oauth:2.0:oob"
	// DefaultAPIKey is a company API key: full access, and /api/v1/me
	// answers with the admin.
	DefaultAPIKey = "factorialtest-api-key-7Hd2Qw"
)

// The people every Server knows. Users (OAuth resource owners, Doorkeeper's
// resource_owner_id) and employees are numbered apart, as on Factorial
// where an access and an employee are different records: IssueToken takes
// a user id, the REST API speaks employee ids.
const (
	// AdminUserID is Ada Admin, role admin: full access. She approves
	// authorizations unless WithApprover or SetApprover says otherwise.
	AdminUserID = 1
	// ManagerUserID is Manu Manager, a basic user who manages the basic
	// employees and leads the Engineering team; /api/v1/me says "manager".
	ManagerUserID = 2
	// BasicUserID is Bea Basic, a basic user: she reads restricted views of
	// her colleagues and gets 403 on admin actions.
	BasicUserID = 3
	// Basic2UserID is Bruno Basic, another basic user.
	Basic2UserID = 4
)

// Employee ids of the demo company (the REST API's ids for the users above,
// plus an employee who left and has no login), as v1 writes them; the
// dated API writes them as strings: StringID(BasicEmployeeID) is "1003".
const (
	AdminEmployeeID      = 1001
	ManagerEmployeeID    = 1002
	BasicEmployeeID      = 1003
	Basic2EmployeeID     = 1004
	TerminatedEmployeeID = 1005
)

// DemoTime is Monday 2024-03-04 09:00 UTC, the instant the sandbox's own
// tests use. WithFrozenClock(DemoTime) gives byte-for-byte reproducible
// demo data; with any other clock the demo dates (leaves next week, shifts
// yesterday) move with the clock's day.
var DemoTime = time.Date(2024, time.March, 4, 9, 0, 0, 0, time.UTC)

// App is a registered OAuth application (Doorkeeper's oauth_applications
// row).
type App struct {
	Name         string
	ClientID     string
	ClientSecret string
	RedirectURIs []string
	// Scopes are the application's default scopes: what an authorization
	// without a scope parameter, and IssueToken, grant. The application
	// may request any of them.
	Scopes []string
	// OptionalScopes are further scopes the application may request by
	// name but does not get by default (Doorkeeper's optional scopes). An
	// authorization asking for a scope in neither list is refused with
	// invalid_scope.
	OptionalScopes []string
	// Public (non-confidential) applications may omit the client secret,
	// as Doorkeeper allows for non-confidential clients.
	Public bool
}

// User is a resource owner: a person who can approve an authorization and
// whose tokens act on the REST API. Every user is an employee of the
// sandbox company (EmployeeID); /api/v1/me and the employee endpoints show
// that employee, whose name and email follow the user's.
type User struct {
	ID         int // resource_owner_id
	EmployeeID int
	Email      string
	FirstName  string
	LastName   string
	// Role "admin" has full access; any other value ("basic", "manager")
	// is a basic user: restricted views of colleagues, 403 on admin
	// actions. /api/v1/me reports "manager" for a basic user who manages
	// someone, as Factorial does.
	Role string
}

// IssuedToken describes a token the server minted. It holds secrets: it is
// meant for assertions inside tests, not for logs.
type IssuedToken struct {
	AccessToken  string
	RefreshToken string // "" for company tokens
	ClientID     string
	UserID       int // the resource owner; 0 for company tokens
	Scopes       []string
	CreatedAt    time.Time
	ExpiresIn    time.Duration // 0: never expires
}

// Token is the token as package oauth stores it, as if it had come from
// the code exchange: one issued without a lifetime (a company token) gets
// no Expiry.
func (t IssuedToken) Token() *oauth.Token {
	tok := &oauth.Token{
		AccessToken:  t.AccessToken,
		TokenType:    "Bearer",
		RefreshToken: t.RefreshToken,
		Scopes:       t.Scopes,
		CreatedAt:    t.CreatedAt,
		ExpiresIn:    int64(t.ExpiresIn.Seconds()),
	}
	if t.ExpiresIn > 0 {
		tok.Expiry = t.CreatedAt.Add(t.ExpiresIn)
	}
	return tok
}

// Company reports a company token (resource_owner_type=company): it
// belongs to the company rather than a user, never expires and has no
// refresh token.
func (t IssuedToken) Company() bool { return t.AccessToken != "" && t.UserID == 0 }

// Scopes the server knows. The v1 API has read and write; the dated API
// grants each area to a granular scope, each covering reads and writes.
const (
	ScopeRead  = "read"
	ScopeWrite = "write"
)

// GranularScopes returns the dated API's granular scopes, in the order
// Factorial's scope guide lists them (the same names as package oauth's
// Scope constants).
func GranularScopes() []string {
	return []string{
		"banking", "company_legal_entities", "company_holidays", "company_locations",
		"contracts", "custom_fields", "documents", "employees", "employee_updates",
		"expenses", "finance", "integrations", "job_catalog", "marketplace",
		"payroll", "payroll_supplements", "performance", "posts",
		"project_management_expenses", "project_management_projects", "project_management_time",
		"shift_management", "tasks", "time_off", "time_tracking", "trainings",
		"recruitment",
	}
}

func defaultApp() App {
	return App{
		Name:         "factorialtest",
		ClientID:     DefaultClientID,
		ClientSecret: DefaultClientSecret,
		RedirectURIs: []string{DefaultRedirectURI, OOBRedirectURI},
		// v1 clients, which ask for read write or for nothing, get what
		// they always got; a client of the dated API asks for the granular
		// scopes it needs.
		Scopes:         []string{ScopeRead, ScopeWrite},
		OptionalScopes: GranularScopes(),
	}
}

// defaultUsers are the demo company's people who can log in, exactly as
// the sandbox seeds them.
func defaultUsers() []User {
	return []User{
		{ID: AdminUserID, EmployeeID: AdminEmployeeID, Email: sandbox.DemoAdminEmail, FirstName: "Ada", LastName: "Admin", Role: "admin"},
		{ID: ManagerUserID, EmployeeID: ManagerEmployeeID, Email: sandbox.DemoManagerEmail, FirstName: "Manu", LastName: "Manager", Role: "manager"},
		{ID: BasicUserID, EmployeeID: BasicEmployeeID, Email: sandbox.DemoBasicEmail, FirstName: "Bea", LastName: "Basic", Role: "basic"},
		{ID: Basic2UserID, EmployeeID: Basic2EmployeeID, Email: sandbox.DemoBasic2Email, FirstName: "Bruno", LastName: "Basic", Role: "basic"},
	}
}
