package factorialtest

import "time"

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
	// DefaultAPIKey is a company API key that authenticates as the admin.
	DefaultAPIKey = "factorialtest-api-key-7Hd2Qw"
	// AdminUserID is the resource owner who approves authorizations unless
	// WithApprover or SetApprover says otherwise.
	AdminUserID = 1
)

// App is a registered OAuth application (Doorkeeper's oauth_applications
// row).
type App struct {
	Name         string
	ClientID     string
	ClientSecret string
	RedirectURIs []string
	// Scopes the application may request; a request without a scope gets
	// all of them.
	Scopes []string
	// Public (non-confidential) applications may omit the client secret,
	// as Doorkeeper allows for non-confidential clients.
	Public bool
}

// User is a resource owner: a person who can approve an authorization and
// whom /api/v1/me describes. The sandbox will attach richer employee data;
// this is what the OAuth server needs.
type User struct {
	ID         int // resource_owner_id
	EmployeeID int
	Email      string
	FirstName  string
	LastName   string
	Role       string // "admin", "basic" or "manager"
}

// IssuedToken describes a token the server minted. It holds secrets: it is
// meant for assertions inside tests, not for logs.
type IssuedToken struct {
	AccessToken  string
	RefreshToken string
	ClientID     string
	UserID       int
	Scopes       []string
	CreatedAt    time.Time
	ExpiresIn    time.Duration // 0: never expires
}

func defaultApp() App {
	return App{
		Name:         "factorialtest",
		ClientID:     DefaultClientID,
		ClientSecret: DefaultClientSecret,
		RedirectURIs: []string{DefaultRedirectURI, OOBRedirectURI},
		Scopes:       []string{"read", "write"},
	}
}

func defaultUsers() []User {
	return []User{
		{ID: AdminUserID, EmployeeID: 1001, Email: "admin@example.com", FirstName: "Ada", LastName: "Admin", Role: "admin"},
		{ID: 2, EmployeeID: 1002, Email: "bob@example.com", FirstName: "Bob", LastName: "Basic", Role: "basic"},
		{ID: 3, EmployeeID: 1003, Email: "carol@example.com", FirstName: "Carol", LastName: "Basic", Role: "basic"},
	}
}
