package factorialtest_test

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"testing"
	"time"

	openapi_types "github.com/oapi-codegen/runtime/types"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

var ctx = context.Background()

// validating is an HTTP client for srv whose transport checks both sides
// of every exchange against openapi.yaml; report gets the failures (nil:
// t.Error).
func validating(t testing.TB, srv *factorialtest.Server, report func(error)) *http.Client {
	if report == nil {
		report = func(err error) { t.Errorf("exchange violates the spec: %v", err) }
	}
	return &http.Client{
		Timeout: 30 * time.Second,
		Transport: &specvalidate.Transport{
			Validator: specvalidate.MustNew(),
			Base:      srv.Client().Transport,
			Report:    report,
		},
	}
}

// bearerAuth and apiKeyAuth are the two ways to authenticate.
func bearerAuth(tok string) api.RequestEditorFn {
	return func(_ context.Context, r *http.Request) error {
		r.Header.Set("Authorization", "Bearer "+tok)
		return nil
	}
}

func apiKeyAuth(key string) api.RequestEditorFn {
	return func(_ context.Context, r *http.Request) error {
		r.Header.Set("x-api-key", key)
		return nil
	}
}

// client is the generated client against srv through the validating
// transport.
func client(t testing.TB, srv *factorialtest.Server, auth api.RequestEditorFn) *api.ClientWithResponses {
	t.Helper()
	c, err := api.NewClientWithResponses(srv.URL(), api.WithHTTPClient(validating(t, srv, nil)), api.WithRequestEditorFn(auth))
	if err != nil {
		t.Fatal(err)
	}
	return c
}

// tokenPair is the token endpoint's answer.
type tokenPair struct {
	AccessToken  string `json:"access_token"`
	RefreshToken string `json:"refresh_token"`
	ExpiresIn    int    `json:"expires_in"`
}

// codeFlowToken logs userID in through the real authorization-code flow:
// the consent page approved by that user, the out-of-band code page, and
// the exchange with a PKCE verifier, all through the validating client.
func codeFlowToken(t testing.TB, srv *factorialtest.Server, userID int) tokenPair {
	t.Helper()
	if err := srv.SetApprover(userID); err != nil {
		t.Fatal(err)
	}
	const verifier = "sandbox-verifier-0123456789-0123456789-0123456789"
	q := url.Values{
		"client_id": {factorialtest.DefaultClientID}, "redirect_uri": {factorialtest.OOBRedirectURI},
		"response_type": {"code"}, "scope": {"read write"}, "state": {"s1"},
		"code_challenge": {s256(verifier)}, "code_challenge_method": {"S256"},
	}
	loc, err := srv.Approve(ctx, srv.URL()+"/oauth/authorize?"+q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	return tokenRequest(t, srv, url.Values{
		"grant_type": {"authorization_code"}, "code": {loc.Query().Get("code")},
		"redirect_uri": {factorialtest.OOBRedirectURI}, "code_verifier": {verifier},
	})
}

// refresh spends a refresh token.
func refresh(t testing.TB, srv *factorialtest.Server, refreshToken string) tokenPair {
	t.Helper()
	return tokenRequest(t, srv, url.Values{"grant_type": {"refresh_token"}, "refresh_token": {refreshToken}})
}

func tokenRequest(t testing.TB, srv *factorialtest.Server, form url.Values) tokenPair {
	t.Helper()
	form.Set("client_id", factorialtest.DefaultClientID)
	form.Set("client_secret", factorialtest.DefaultClientSecret)
	resp, err := validating(t, srv, nil).PostForm(srv.URL()+"/oauth/token", form)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	var tp tokenPair
	if err := json.NewDecoder(resp.Body).Decode(&tp); err != nil || resp.StatusCode != http.StatusOK || tp.AccessToken == "" {
		t.Fatalf("token request (%s): %d %v", form.Get("grant_type"), resp.StatusCode, err)
	}
	return tp
}

func ptr[T any](v T) *T { return &v }

func date(s string) openapi_types.Date {
	d, err := time.Parse(time.DateOnly, s)
	if err != nil {
		panic(err)
	}
	return openapi_types.Date{Time: d}
}

// status is what every generated response has.
type status interface{ StatusCode() int }

func wantStatus(t testing.TB, what string, r status, err error, want int) {
	t.Helper()
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	if r.StatusCode() != want {
		body := ""
		if b, ok := r.(interface{ GetBody() []byte }); ok {
			body = string(b.GetBody())
		}
		t.Fatalf("%s: status %d, want %d %s", what, r.StatusCode(), want, body)
	}
}
