package factorial

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/factorial-go/factorial/api"
)

func TestNewClientBaseURL(t *testing.T) {
	tests := []struct {
		url      string
		ok       bool
		insecure bool
	}{
		{ProductionURL, true, false},
		{DemoURL, true, false},
		{"https://proxy.example.com/factorial", true, false},
		{"http://127.0.0.1:8080", true, false},
		{"http://localhost:3000", true, false},
		{"http://[::1]:3000", true, false},
		{"http://api.factorialhr.com", false, true},
		{"http://10.0.0.1", false, true},
		{"ftp://api.factorialhr.com", false, false},
		{"api.factorialhr.com", false, false},
		{"https://user:secret-password@api.factorialhr.com", false, false},
		{"https://api.factorialhr.com/?token=x", false, false},
		{"://bad", false, false},
	}
	for _, tt := range tests {
		c, err := NewClient(WithBaseURL(tt.url))
		if (err == nil) != tt.ok {
			t.Errorf("%q: err %v, want ok=%v", tt.url, err, tt.ok)
			continue
		}
		if err != nil {
			var ce *ConfigError
			if !errors.As(err, &ce) || ce.Option != "WithBaseURL" {
				t.Errorf("%q: %v is not a *ConfigError for WithBaseURL", tt.url, err)
			}
			if errors.Is(err, ErrInsecureURL) != tt.insecure {
				t.Errorf("%q: errors.Is(ErrInsecureURL) = %v", tt.url, !tt.insecure)
			}
			if strings.Contains(err.Error(), "secret-password") {
				t.Errorf("%q: error leaks the password: %v", tt.url, err)
			}
			continue
		}
		if c.BaseURL() != tt.url {
			t.Errorf("BaseURL() = %q, want %q", c.BaseURL(), tt.url)
		}
	}
	if c, err := NewClient(); err != nil || c.BaseURL() != ProductionURL {
		t.Errorf("default client: %v", err)
	}
}

func TestNewClientRejectsBadOptions(t *testing.T) {
	for name, opts := range map[string][]Option{
		"two credentials":    {WithAPIKey("k"), WithTokenSource(&fakeTokens{})},
		"two credentials 2":  {WithTokenSource(&fakeTokens{}), WithAPIKey("k")},
		"empty key":          {WithAPIKey("")},
		"nil token source":   {WithTokenSource(nil)},
		"nil http client":    {WithHTTPClient(nil)},
		"nil transport":      {WithTransport(nil)},
		"negative timeout":   {WithTimeout(-1)},
		"empty user agent":   {WithUserAgent("")},
		"negative attempts":  {WithRetryPolicy(RetryPolicy{MaxAttempts: -1})},
		"zero max body":      {WithMaxResponseBytes(0)},
		"unknown validation": {WithResponseValidator(nil, ValidationMode(7))},
		"nil validator":      {WithResponseValidator(nil, ValidationStrict)},
		"nil editor":         {WithRequestEditor(nil)},
	} {
		_, err := NewClient(opts...)
		var ce *ConfigError
		if !errors.As(err, &ce) {
			t.Errorf("%s: err %v, want *ConfigError", name, err)
		}
	}
}

func TestRequestHeaders(t *testing.T) {
	var got http.Header
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		reply(w, 200, "application/json", accessJSON)
	})
	c, _, _ := newTestClient(t, h, WithAPIKey("test-key-123"))
	if _, err := c.V1.Raw().GetMeWithResponse(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got.Get("x-api-key") != "test-key-123" || got.Get("Authorization") != "" {
		t.Errorf("credentials: x-api-key %q, Authorization %q", got.Get("x-api-key"), got.Get("Authorization"))
	}
	if got.Get("User-Agent") != DefaultUserAgent || DefaultUserAgent != "factorial-go/"+Version {
		t.Errorf("User-Agent %q", got.Get("User-Agent"))
	}
	if got.Get("Accept") != "application/json" {
		t.Errorf("Accept %q", got.Get("Accept"))
	}

	ts := &fakeTokens{current: "access-token-1"}
	c2, _, _ := newTestClient(t, h, WithTokenSource(ts), WithUserAgent("myapp/1.0 "+DefaultUserAgent))
	if _, err := c2.V1.Raw().GetMeWithResponse(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got.Get("Authorization") != "Bearer access-token-1" || got.Get("x-api-key") != "" {
		t.Errorf("Authorization %q", got.Get("Authorization"))
	}
	if got.Get("User-Agent") != "myapp/1.0 "+DefaultUserAgent {
		t.Errorf("User-Agent %q", got.Get("User-Agent"))
	}
}

// The OAuth endpoints declare `security: []`: no credential is attached and
// the token source is not consulted (it may be refreshing through this very
// endpoint).
func TestNoCredentialsWhereSpecSaysNone(t *testing.T) {
	var auth, key string
	h := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		auth, key = r.Header.Get("Authorization"), r.Header.Get("x-api-key")
		reply(w, 200, "application/json", `{"access_token":"new","token_type":"Bearer"}`)
	})
	ts := &fakeTokens{current: "access-token-1"}
	c, _, _ := newTestClient(t, h, WithTokenSource(ts))
	res, err := c.V1.Raw().CreateTokenWithFormdataBodyWithResponse(context.Background(), api.TokenRequest{GrantType: api.TokenRequestGrantTypeRefreshToken})
	if err != nil || res.JSON200 == nil || res.JSON200.AccessToken != "new" {
		t.Fatalf("err %v", err)
	}
	if tokens, _ := ts.counts(); tokens != 0 || auth != "" {
		t.Errorf("token source called %d times, Authorization %q", tokens, auth)
	}
	c2, _, _ := newTestClient(t, h, WithAPIKey("test-key-123"))
	if _, err := c2.V1.Raw().CreateTokenWithFormdataBodyWithResponse(context.Background(), api.TokenRequest{GrantType: api.TokenRequestGrantTypeRefreshToken}); err != nil || key != "" {
		t.Errorf("err %v, x-api-key %q", err, key)
	}
}

// A base URL with a path prefix (a proxy) keeps both the prefix and the
// spec checks, which match paths from the host root.
func TestBaseURLPathPrefix(t *testing.T) {
	var path string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		path = r.URL.Path
		reply(w, 202, "application/json", accessJSON)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(WithBaseURL(srv.URL + "/proxy/factorial"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = c.V1.Raw().GetMeWithResponse(context.Background())
	if e := asError(t, err); e.Kind != KindUndocumentedStatus || e.Operation != "GetMe" {
		t.Errorf("spec checks lost behind the prefix: %v", err)
	}
	if path != "/proxy/factorial/api/v1/me" {
		t.Errorf("path %q", path)
	}
}

type countingTransport struct {
	n    atomic.Int64
	base http.RoundTripper
}

func (c *countingTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	c.n.Add(1)
	return c.base.RoundTrip(r)
}

func TestCustomHTTPClientAndTransport(t *testing.T) {
	h := count(func(w http.ResponseWriter, r *http.Request) { reply(w, 200, "application/json", accessJSON) })
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)

	rt := &countingTransport{base: http.DefaultTransport}
	hc := &http.Client{Transport: rt}
	c, err := NewClient(WithBaseURL(srv.URL), WithHTTPClient(hc))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.V1.Raw().GetMeWithResponse(context.Background()); err != nil || rt.n.Load() != 1 {
		t.Fatalf("err %v, transport used %d times", err, rt.n.Load())
	}
	if hc.CheckRedirect != nil {
		t.Error("the caller's *http.Client was modified")
	}

	rt2 := &countingTransport{base: http.DefaultTransport}
	c2, err := NewClient(WithBaseURL(srv.URL), WithHTTPClient(hc), WithTransport(rt2))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c2.V1.Raw().GetMeWithResponse(context.Background()); err != nil || rt2.n.Load() != 1 || rt.n.Load() != 1 {
		t.Errorf("WithTransport did not replace the client's transport: %d, %d", rt2.n.Load(), rt.n.Load())
	}
}

func TestRequestEditors(t *testing.T) {
	var got http.Header
	c, _, _ := newTestClient(t, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Clone()
		reply(w, 200, "application/json", accessJSON)
	}), WithRequestEditor(func(_ context.Context, r *http.Request) error {
		r.Header.Set("X-Client", "client-level")
		return nil
	}))
	_, err := c.V1.Raw().GetMeWithResponse(context.Background(), func(_ context.Context, r *http.Request) error {
		r.Header.Set("X-Call", "per-call")
		return nil
	})
	if err != nil || got.Get("X-Client") != "client-level" || got.Get("X-Call") != "per-call" {
		t.Errorf("err %v, headers %v", err, got)
	}
}

// Client.Do never attaches the client's credential to another origin.
func TestDoKeepsCredentialsOnOrigin(t *testing.T) {
	var key string
	other := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		key = r.Header.Get("x-api-key")
		reply(w, 200, "application/json", `{}`)
	}))
	t.Cleanup(other.Close)
	c, _, _ := newTestClient(t, http.NotFoundHandler(), WithAPIKey("test-key-123"))
	req, _ := http.NewRequest(http.MethodGet, other.URL+"/anything", nil)
	resp, err := c.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	_ = resp.Body.Close()
	if key != "" {
		t.Errorf("API key sent to %s", other.URL)
	}
	// A relative URL is refused, and a request without headers is fine.
	rel, _ := http.NewRequest(http.MethodGet, "/api/v1/me", nil)
	if _, err := c.Do(rel); err == nil {
		t.Error("relative URL accepted")
	}
	bare := &http.Request{Method: http.MethodGet, URL: req.URL}
	if resp, err := c.Do(bare.WithContext(context.Background())); err != nil {
		t.Error(err)
	} else {
		_ = resp.Body.Close()
	}
}

// A service's request path continues the base URL's escaped path, also
// when the base or an id carries characters that must stay escaped.
func TestServiceRequestPathBehindAPrefix(t *testing.T) {
	t.Parallel()
	var mu sync.Mutex
	var got []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		got = append(got, r.URL.EscapedPath())
		mu.Unlock()
		reply(w, 200, "application/json", `{"id":"7","first_name":"Ada","last_name":"Lovelace","full_name":"Ada Lovelace"}`)
	}))
	t.Cleanup(srv.Close)
	for _, tc := range []struct{ prefix, id, want string }{
		{"", "7", "/api/" + DefaultAPIVersion + "/resources/employees/employees/7"},
		{"/proxy/factorial", "7", "/proxy/factorial/api/" + DefaultAPIVersion + "/resources/employees/employees/7"},
		{"/proxy/factorial", "a/b c", "/proxy/factorial/api/" + DefaultAPIVersion + "/resources/employees/employees/a%2Fb%20c"},
		{"/pro%20xy", "7", "/pro%20xy/api/" + DefaultAPIVersion + "/resources/employees/employees/7"},
		{"/pro%20xy", "a/b", "/pro%20xy/api/" + DefaultAPIVersion + "/resources/employees/employees/a%2Fb"},
	} {
		c, err := NewClient(WithBaseURL(srv.URL + tc.prefix))
		if err != nil {
			t.Fatal(err)
		}
		if _, err := c.Employees.Get(context.Background(), tc.id); err != nil {
			t.Errorf("%s, id %q: %v", tc.prefix, tc.id, err)
			continue
		}
		mu.Lock()
		last := got[len(got)-1]
		mu.Unlock()
		if last != tc.want {
			t.Errorf("%s, id %q: path %q, want %q", tc.prefix, tc.id, last, tc.want)
		}
		if _, err := c.Employees.Get(context.Background(), ".."); !errors.Is(err, ErrInvalidID) {
			t.Errorf("%s: id \"..\" gave %v", tc.prefix, err)
		}
	}
}
