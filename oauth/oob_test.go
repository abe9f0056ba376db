package oauth_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
)

func TestOutOfBandPaste(t *testing.T) {
	tests := []struct {
		name   string
		opts   []factorialtest.Option
		paste  func(pageURL, code string) string
		prefix string
	}{
		{name: "page URL, query form", paste: func(u, _ string) string { return "  " + u + "\n" }, prefix: "/oauth/authorize/native?code="},
		{name: "bare code", paste: func(_, c string) string { return "\t" + c + " \r\n" }, prefix: "/oauth/authorize/native?code="},
		{name: "page URL, path form", opts: []factorialtest.Option{factorialtest.WithNativeCodeInPath()},
			paste: func(u, _ string) string { return u }, prefix: "/oauth/authorize/"},
		{name: "quoted code, path form", opts: []factorialtest.Option{factorialtest.WithNativeCodeInPath()},
			paste: func(_, c string) string { return `"` + c + `"` }, prefix: "/oauth/authorize/"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, tc.opts...)
			lc := newLeakCheck(t, srv)
			cfg := newConfig(t, srv, lc, oauth.OOBRedirectURI)
			auth, _ := cfg.Authorize()
			lc.secret(auth.State(), auth.Verifier())

			page := consent(t, srv, auth.URL, false)
			if !strings.HasPrefix(page.RequestURI(), tc.prefix) {
				t.Fatalf("OOB redirect to %s", page.RequestURI())
			}
			pageURL := srv.URL() + page.RequestURI()
			resp, err := srv.Client().Get(pageURL)
			if err != nil {
				t.Fatal(err)
			}
			html, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			shown, err := factorialtest.NativeCode(string(html))
			if err != nil {
				t.Fatal(err)
			}

			code, err := oauth.ParseCode(tc.paste(pageURL, shown))
			if err != nil || code != shown {
				t.Fatalf("ParseCode = %v, %v; want the shown code", code == shown, lc.err(err))
			}
			tok, err := cfg.Exchange(context.Background(), code, auth)
			if err != nil || !srv.TokenActive(tok.AccessToken) {
				t.Fatalf("exchange: %v", lc.err(err))
			}
		})
	}
}

func TestParseCodeRejectsGarbage(t *testing.T) {
	tests := []struct {
		in        string
		wantCode  string // accepted code, or "" for an error
		oauthCode string // error is *oauth.Error with this code
	}{
		{in: "abcDEF123_-", wantCode: "abcDEF123_-"},
		{in: "https://api.demo.factorialhr.com/oauth/authorize/native?code=Zz9", wantCode: "Zz9"},
		{in: "/oauth/authorize/native?code=Zz9", wantCode: "Zz9"},
		{in: "https://api.factorialhr.com/oauth/authorize/Zz9/", wantCode: "Zz9"},
		{in: ""},
		{in: "   \n"},
		{in: "two words"},
		{in: "<script>alert(1)</script>"},
		{in: "https://api.factorialhr.com/oauth/authorize/native"},
		{in: "https://api.factorialhr.com/oauth/authorize/native?code=a%20b"},
		{in: "https://example.com/elsewhere"},
		{in: "%zz://bad"},
		{in: strings.Repeat("a", 600)},
		{in: "https://api.factorialhr.com/oauth/authorize/native?error=access_denied&error_description=The+resource+owner+denied", oauthCode: "access_denied"},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := oauth.ParseCode(tc.in)
			if tc.wantCode != "" {
				if err != nil || got != tc.wantCode {
					t.Fatalf("ParseCode = %q, %v; want %q", got, err, tc.wantCode)
				}
				return
			}
			if err == nil {
				t.Fatalf("ParseCode accepted %q as %q", tc.in, got)
			}
			var oe *oauth.Error
			if tc.oauthCode != "" {
				if !errors.As(err, &oe) || oe.Code != tc.oauthCode {
					t.Fatalf("error %v, want *oauth.Error %s", err, tc.oauthCode)
				}
				return
			}
			if !errors.Is(err, oauth.ErrInvalidCode) {
				t.Fatalf("error %v does not match ErrInvalidCode", err)
			}
			if in := strings.TrimSpace(tc.in); len(in) > 3 && strings.Contains(err.Error(), in) {
				t.Errorf("error quotes the input: %v", err)
			}
		})
	}
}
