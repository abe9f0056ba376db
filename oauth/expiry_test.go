package oauth_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial/oauth"
)

// TestExpiryFromCreatedAt drives Exchange against hand-written token
// responses to pin down how Expiry is computed.
func TestExpiryFromCreatedAt(t *testing.T) {
	local := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC) // the client's clock
	tests := []struct {
		name        string
		server      time.Time // the server's clock (created_at, Date)
		date        bool      // send a Date header
		body        string    // {created}: the server time; {created30}: 30 minutes before
		form        bool      // form-encoded body instead of JSON
		want        time.Time
		wantScopes  string
		wantCreated bool
	}{
		{name: "server clock 1h ahead, Date corrects it", server: local.Add(time.Hour), date: true,
			body: `{"access_token":"a","token_type":"Bearer","expires_in":7200,"refresh_token":"r","scope":"read write","created_at":{created}}`,
			want: local.Add(2 * time.Hour), wantScopes: "read write", wantCreated: true},
		{name: "server clock 1h behind, Date corrects it", server: local.Add(-time.Hour), date: true,
			body: `{"access_token":"a","token_type":"Bearer","expires_in":7200,"refresh_token":"r","scope":"read","created_at":{created}}`,
			want: local.Add(2 * time.Hour), wantScopes: "read", wantCreated: true},
		{name: "no Date, server ahead: capped at receipt + expires_in", server: local.Add(time.Hour),
			body: `{"access_token":"a","token_type":"Bearer","expires_in":7200,"refresh_token":"r","created_at":{created}}`,
			want: local.Add(2 * time.Hour), wantCreated: true},
		{name: "no Date, server behind: created_at + expires_in", server: local.Add(-time.Hour),
			body: `{"access_token":"a","token_type":"Bearer","expires_in":7200,"refresh_token":"r","created_at":{created}}`,
			want: local.Add(time.Hour), wantCreated: true},
		{name: "reused token issued 30 min before", server: local, date: true,
			body: `{"access_token":"a","token_type":"Bearer","expires_in":5400,"refresh_token":"r","created_at":{created30}}`,
			want: local.Add(time.Hour), wantCreated: true},
		{name: "four-field response without created_at", server: local.Add(time.Hour), date: true,
			body: `{"access_token":"a","token_type":"Bearer","expires_in":7200,"refresh_token":"r"}`,
			want: local.Add(2 * time.Hour)},
		{name: "no expires_in: never expires", server: local, date: true,
			body: `{"access_token":"a","token_type":"Bearer","created_at":{created}}`, wantCreated: true},
		{name: "company token: scopes, no expires_in, no refresh token", server: local.Add(time.Hour), date: true,
			body:       `{"access_token":"a","token_type":"Bearer","scope":"employees time_off","created_at":{created}}`,
			wantScopes: "employees time_off", wantCreated: true},
		{name: "expires_in null: never expires", server: local, date: true,
			body: `{"access_token":"a","token_type":"Bearer","expires_in":null,"created_at":{created}}`, wantCreated: true},
		{name: "expires_in 0: never expires, as in x/oauth2", server: local, date: true,
			body: `{"access_token":"a","token_type":"Bearer","expires_in":0,"created_at":{created}}`, wantCreated: true},
		{name: "form-encoded empty expires_in: never expires", server: local, date: true, form: true,
			body: `access_token=a&token_type=Bearer&expires_in=&created_at={created}`, wantCreated: true},
		{name: "form-encoded", server: local.Add(time.Hour), date: true, form: true,
			body: `access_token=a&token_type=Bearer&expires_in=7200&refresh_token=r&scope=read+write&created_at={created}`,
			want: local.Add(2 * time.Hour), wantScopes: "read write", wantCreated: true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if tc.date {
					w.Header().Set("Date", tc.server.Format(http.TimeFormat))
				} else {
					w.Header()["Date"] = nil
				}
				ct := "application/json"
				if tc.form {
					ct = "application/x-www-form-urlencoded"
				}
				w.Header().Set("Content-Type", ct)
				fmt.Fprint(w, strings.NewReplacer(
					"{created}", fmt.Sprint(tc.server.Unix()),
					"{created30}", fmt.Sprint(tc.server.Add(-30*time.Minute).Unix()),
				).Replace(tc.body))
			}))
			defer fake.Close()
			cfg, err := oauth.New("id", "secret", oauth.OOBRedirectURI, oauth.WithBaseURL(fake.URL),
				oauth.WithClock(func() time.Time { return local }))
			if err != nil {
				t.Fatal(err)
			}
			tok, err := cfg.Exchange(context.Background(), "code", nil)
			if err != nil {
				t.Fatal(err)
			}
			if !tok.Expiry.Equal(tc.want) || tok.NeverExpires() != tc.want.IsZero() {
				t.Errorf("Expiry = %v (NeverExpires %v), want %v", tok.Expiry, tok.NeverExpires(), tc.want)
			}
			if got := strings.Join(tok.Scopes, " "); got != tc.wantScopes {
				t.Errorf("Scopes = %q, want %q", got, tc.wantScopes)
			}
			if tc.wantCreated != !tok.CreatedAt.IsZero() {
				t.Errorf("CreatedAt = %v", tok.CreatedAt)
			}
		})
	}
}

// TestTokenEndpointErrorsNeverEchoTheBody: x/oauth2's RetrieveError prints
// the response body; a server that echoes the request must not make our
// errors print credentials.
func TestTokenEndpointErrorsNeverEchoTheBody(t *testing.T) {
	const secret = "client-secret-DO-NOT-PRINT"
	const code = "code-DO-NOT-PRINT-123"
	const refresh = "refresh-DO-NOT-PRINT-456"
	tests := []struct {
		name, ct, body string
		status         int
		wantCode       string
	}{
		{name: "OAuth JSON error", ct: "application/json", status: 400, wantCode: "invalid_grant",
			body: `{"error":"invalid_grant","error_description":"The provided authorization grant is invalid","echo":"%s"}`},
		{name: "proxy HTML page", ct: "text/html", status: 502, body: `<html>bad gateway for %s</html>`},
		{name: "plain text", ct: "text/plain", status: 500, body: `crash while handling %s`},
		{name: "200 with an error", ct: "application/json", status: 200, wantCode: "invalid_client",
			body: `{"error":"invalid_client","echo":"%s"}`},
		{name: "200 without a token", ct: "application/json", status: 200, body: `{"echo":"%s"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fake := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				_ = r.ParseForm()
				w.Header().Set("Content-Type", tc.ct)
				w.WriteHeader(tc.status)
				fmt.Fprintf(w, tc.body, r.Form.Encode())
			}))
			defer fake.Close()
			cfg, _ := oauth.New("id", secret, oauth.OOBRedirectURI, oauth.WithBaseURL(fake.URL))
			_, err1 := cfg.Exchange(context.Background(), code, nil)
			_, err2 := cfg.Refresh(context.Background(), refresh)
			for _, err := range []error{err1, err2} {
				if err == nil {
					t.Fatal("no error")
				}
				for _, s := range []string{secret, code, refresh} {
					for _, text := range []string{err.Error(), fmt.Sprintf("%+v", err), fmt.Sprintf("%#v", err)} {
						if strings.Contains(text, s) {
							t.Fatalf("error prints %s: %s", s, text)
						}
					}
				}
				var oe *oauth.Error
				if tc.wantCode != "" && (!errors.As(err, &oe) || oe.Code != tc.wantCode) {
					t.Errorf("error %v, want code %s", err, tc.wantCode)
				}
			}
		})
	}
}
