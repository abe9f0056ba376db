package factorial

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"

	"github.com/factorial-go/factorial/api"
)

// syncBuffer is a log sink safe for the transport's goroutines.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// careless is a ResponseValidator that quotes the request URL in every
// problem, and the body of an error response (which here echoes the
// credential). The client scrubs the secrets it knows (key, tokens, secret
// query parameters) before a problem reaches a log or an error; that
// problems never quote the values of a success body is package validate's
// own promise, tested there.
type careless struct{}

func (careless) ValidateResponse(_ context.Context, req *http.Request, status int, _ http.Header, body []byte) []string {
	if status >= 400 {
		return []string{"unexpected error body " + string(body) + " for " + req.URL.String()}
	}
	return []string{"token_type is missing in the response to " + req.URL.String()}
}

func TestSecretsNeverLeak(t *testing.T) {
	const (
		apiKey     = "sk-live-APIKEY-0123456789"
		stale      = "at-STALE-SECRET-111"
		fresh      = "at-FRESH-SECRET-222"
		bodyToken  = "TOKEN-IN-BODY-888"
		queryCode  = "CODE-SECRET-333"
		querySec   = "CS-SECRET-444"
		queryRT    = "RT-SECRET-555"
		queryAT    = "AT-QUERY-666"
		queryKey   = "AK-QUERY-777"
		userinfoPw = "USERINFO-PW-999"
	)
	secrets := []string{apiKey, stale, fresh, bodyToken, queryCode, querySec, queryRT, queryAT, queryKey, userinfoPw}
	query := "?code=" + queryCode + "&client_secret=" + querySec + "&refresh_token=" + queryRT +
		"&access_token=" + queryAT + "&api_key=" + queryKey + "&page=2"

	var logs syncBuffer
	logger := slog.New(slog.NewTextHandler(&logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	var errs []string

	// The server echoes whatever credential it was sent, as a careless
	// error page would.
	echo := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		cred := r.Header.Get("x-api-key") + r.Header.Get("Authorization")
		switch {
		case r.URL.Path == "/oauth/token":
			// token_type is required: drift, but decodable.
			reply(w, 200, "application/json", `{"access_token":"`+bodyToken+`","scope":"read"}`)
		case r.URL.Path == "/oauth/token/info":
			reply(w, 200, "application/json", `{"scope":["read"],"resource_owner_id":"`+bodyToken+`"}`)
		case r.URL.Query().Get("page") == "2":
			reply(w, 503, "text/plain", "unavailable for "+cred+" at "+r.URL.RawQuery)
		default:
			w.Header().Set("WWW-Authenticate", `Bearer error="invalid_token"`)
			reply(w, 401, "application/json", `{"error":"invalid_token","error_description":"token `+cred+` is invalid"}`)
		}
	})

	// API key, rejected, with the key echoed back.
	c, srv, _ := newTestClient(t, echo, WithAPIKey(apiKey), WithLogger(logger), WithResponseValidator(careless{}, ValidationLog))
	_, err := c.V1.Raw().GetMeWithResponse(context.Background())
	errs = append(errs, err.Error())
	// Secret query parameters on a retried GET.
	req, _ := http.NewRequest(http.MethodGet, srv.URL+"/api/v1/custom"+query, nil)
	_, err = c.Do(req)
	errs = append(errs, err.Error())
	var e *Error
	if errors.As(err, &e) {
		errs = append(errs, string(e.Body), e.URL)
	}
	// A token response that drifts (logged).
	if _, err := c.V1.Raw().CreateTokenWithFormdataBodyWithResponse(context.Background(), api.TokenRequest{GrantType: api.TokenRequestGrantTypeRefreshToken}); err != nil {
		t.Fatal(err)
	}

	// OAuth: rejected, refreshed, rejected again.
	ts := &fakeTokens{current: stale, next: []string{fresh}}
	c2, srv2, _ := newTestClient(t, echo, WithTokenSource(ts), WithLogger(logger), WithResponseValidator(careless{}, ValidationStrict))
	_, err = c2.V1.Raw().GetMeWithResponse(context.Background())
	errs = append(errs, err.Error())
	if errors.As(err, &e) {
		errs = append(errs, string(e.Body), e.Message())
	}
	// A token-info body that does not decode; a drifting token response
	// under strict validation.
	_, err = c2.V1.Raw().GetTokenInfoWithResponse(context.Background())
	errs = append(errs, err.Error())
	_, err = c2.V1.Raw().CreateTokenWithFormdataBodyWithResponse(context.Background(), api.TokenRequest{GrantType: api.TokenRequestGrantTypeRefreshToken})
	if e := asError(t, err); e.Kind != KindSpecDrift {
		t.Errorf("strict validation: %v", err)
	}
	errs = append(errs, err.Error())

	// No response at all: connection refused, userinfo and query in the URL.
	l, _ := net.Listen("tcp", "127.0.0.1:0")
	dead := l.Addr().String()
	_ = l.Close()
	u, _ := url.Parse(srv2.URL)
	u.Host, u.User = dead, url.UserPassword("user", userinfoPw)
	req, _ = http.NewRequest(http.MethodGet, u.String()+"/api/v1/me"+query, nil)
	_, err = c2.Do(req)
	errs = append(errs, err.Error())

	out := logs.String()
	for _, want := range []string{"factorial: response", "factorial: retrying", "refreshed token", "does not match the spec", "status=401", "REDACTED"} {
		if !strings.Contains(out, want) {
			t.Errorf("logs lack %q; the scan below would be vacuous:\n%s", want, out)
		}
	}
	for _, s := range secrets {
		if strings.Contains(out, s) {
			t.Errorf("logs contain secret %q", s)
		}
		for _, e := range errs {
			if strings.Contains(e, s) {
				t.Errorf("error text contains secret %q: %s", s, e)
			}
		}
	}
	if testing.Verbose() {
		t.Logf("errors:\n%s\nlogs:\n%s", strings.Join(errs, "\n"), out)
	}
}
