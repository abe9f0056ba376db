package oauth_test

// Fuzz targets for package oauth: token responses as a fake Doorkeeper
// sends them, pasted OOB codes, and token files. Seed corpora live in
// testdata/fuzz/<FuzzName>/; scripts/fuzz.sh runs every target, and a
// plain `go test` replays the seeds.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"golang.org/x/oauth2"

	"github.com/factorial-go/factorial/oauth"
)

// The secrets FuzzTokenResponse's requests carry. The fake server replaces
// $SECRET, $CODE, $VERIFIER, $REFRESH and $ACCESS in a fuzzed body with
// them, playing a server that quotes the request back.
const (
	fzClientSecret = "cs-FUZZ-client-secret-7d1e"
	fzCode         = "code-FUZZ-authorization-4b2c"
	fzVerifier     = "vf-FUZZ-pkce-verifier-0a9f8e7d6c5b4a3928171605f4e3d2c1b0a9"
	fzRefresh      = "rt-FUZZ-refresh-token-93aa"
	fzAccess       = "at-FUZZ-access-token-51cc"
)

var fzSecrets = []string{fzClientSecret, fzCode, fzVerifier, fzRefresh, fzAccess}

// fzKnown lists, per operation, the secrets the Config can recognise in a
// reply: the client secret and what the request carried. (A server could
// also quote a token the call never saw; no client can scrub that.)
var fzKnown = map[int][]string{
	fzExchange:  {fzClientSecret, fzCode, fzVerifier},
	fzRefreshOp: {fzClientSecret, fzRefresh},
	fzRevoke:    {fzClientSecret, fzRefresh},
	fzTokenInfo: {fzClientSecret, fzAccess},
}

var fzEcho = strings.NewReplacer("$SECRET", fzClientSecret, "$CODE", fzCode, "$VERIFIER", fzVerifier,
	"$REFRESH", fzRefresh, "$ACCESS", fzAccess)

// Operations of FuzzTokenResponse (mode % 4); mode&4 drops the Date
// header, mode&8 sends client credentials with HTTP Basic.
const (
	fzExchange = iota
	fzRefreshOp
	fzRevoke
	fzTokenInfo
)

type fzReply struct {
	status      int
	contentType string
	body        []byte
	noDate      bool
}

// FuzzTokenResponse serves a fuzzed status, Content-Type and body from a
// fake token endpoint to Exchange, Refresh, Revoke and TokenInfo.
// Properties: no panic; exactly one of token and error; a non-2xx or an
// OAuth error body is an *oauth.Error with the status, never x/oauth2's
// RetrieveError (whose message holds the raw body); no error string quotes
// a secret the request carried, even when the server echoes it; Code and
// Description carry no control characters and stay short; a token has an
// access token, can be stored (JSON round trip), and its Expiry is
// received + expires_in at the latest, or exactly that without created_at.
func FuzzTokenResponse(f *testing.F) {
	for _, s := range []struct {
		mode   uint8
		status uint16
		ct     string
		body   string
	}{
		{fzExchange, 200, "application/json", `{"access_token":"a1","token_type":"Bearer","expires_in":7200,"refresh_token":"r1","scope":"read write","created_at":1767225600}`},
		{fzRefreshOp, 200, "application/json; charset=utf-8", `{"access_token":"a2","token_type":"Bearer","expires_in":7200,"refresh_token":"r2","created_at":1767225600}`},
		{fzExchange | 4, 200, "application/json", `{"access_token":"a3","token_type":"Bearer","expires_in":7200,"created_at":1767225600}`},
		{fzRefreshOp, 200, "application/x-www-form-urlencoded", `access_token=a4&token_type=bearer&expires_in=7200&refresh_token=r4&scope=read&created_at=1767225600`},
		{fzExchange, 200, "text/plain", `access_token=a5&expires_in=60`},
		{fzExchange, 200, "application/json", `{"access_token":"a6"}`},
		{fzExchange, 200, "application/json", `{"access_token":""}`},
		{fzExchange, 200, "application/json", `{"access_token":7}`},
		{fzExchange, 200, "application/json", `{"access_token":"a","expires_in":"3600"}`},
		{fzExchange, 200, "application/json", `{"access_token":"a","expires_in":-5}`},
		{fzExchange, 200, "application/json", `{"access_token":"a","expires_in":99999999999999}`},
		{fzRefreshOp, 200, "application/x-www-form-urlencoded", `access_token=a&expires_in=9223372036854775807`},
		{fzRefreshOp, 200, "application/json", `{"access_token":"a","expires_in":60,"created_at":1e17}`},
		{fzRefreshOp, 200, "application/x-www-form-urlencoded", `access_token=a&expires_in=60&created_at=99999999999999`},
		{fzExchange, 200, "application/json", `{"access_token":"a","created_at":9223372036854775808}`},
		{fzExchange, 400, "application/json", `{"error":"invalid_grant","error_description":"The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."}`},
		{fzRefreshOp, 400, "application/json", `{"error":"invalid_grant","error_description":"refresh token $REFRESH was revoked"}`},
		{fzExchange | 8, 401, "application/json", `{"error":"invalid_client","error_description":"Client authentication failed: $SECRET"}`},
		{fzExchange, 400, "application/json", `{"error":"invalid_request","error_description":"code=$CODE code_verifier=$VERIFIER"}`},
		{fzExchange, 200, "application/json", `{"error":"invalid_grant"}`},
		{fzExchange, 400, "application/x-www-form-urlencoded", `error=invalid_scope&error_description=line1%0d%0aline2`},
		{fzRefreshOp, 502, "text/html", "<html><body><h1>502 Bad Gateway</h1>$REFRESH</body></html>"},
		{fzRefreshOp, 500, "", ""},
		{fzExchange, 200, "application/json", `{"access_token":"a","scope":"  read   write "}`},
		{fzRevoke, 200, "application/json", `{}`},
		{fzRevoke, 403, "application/json", `{"error":"unauthorized_client","error_description":"You are not authorized to revoke $REFRESH"}`},
		{fzTokenInfo, 200, "application/json", `{"resource_owner_id":1,"scope":["read"],"expires_in":7200,"application":{"uid":"x"},"created_at":1767225600}`},
		{fzTokenInfo, 401, "application/json", `{"error":"invalid_token","error_description":"The access token $ACCESS is invalid"}`},
	} {
		f.Add(s.mode, s.status, s.ct, []byte(s.body))
	}

	var (
		mu   sync.Mutex
		next fzReply
	)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		mu.Lock()
		rep := next
		mu.Unlock()
		if rep.noDate {
			w.Header()["Date"] = nil
		}
		if rep.contentType != "" {
			w.Header().Set("Content-Type", rep.contentType)
		} else {
			w.Header()["Content-Type"] = nil
		}
		w.WriteHeader(rep.status)
		_, _ = w.Write(rep.body)
	}))
	f.Cleanup(srv.Close)
	hc := &http.Client{Timeout: 5 * time.Second}
	form, err := oauth.New("client-id", fzClientSecret, oauth.OOBRedirectURI, oauth.WithBaseURL(srv.URL), oauth.WithHTTPClient(hc))
	if err != nil {
		f.Fatal(err)
	}
	basic, err := oauth.New("client-id", fzClientSecret, oauth.OOBRedirectURI, oauth.WithBaseURL(srv.URL), oauth.WithHTTPClient(hc), oauth.WithBasicAuth())
	if err != nil {
		f.Fatal(err)
	}
	auth := oauth.ResumeAuthorization("state-1", fzVerifier, oauth.OOBRedirectURI)

	f.Fuzz(func(t *testing.T, mode uint8, status uint16, contentType string, body []byte) {
		rep := fzReply{
			status:      fzStatus(status),
			contentType: fzHeaderSafe(contentType),
			body:        []byte(fzEcho.Replace(string(body))),
			noDate:      mode&4 != 0,
		}
		mu.Lock()
		next = rep
		mu.Unlock()
		cfg := form
		if mode&8 != 0 {
			cfg = basic
		}
		ctx := context.Background()

		var (
			tok  *oauth.Token
			info *oauth.TokenInfo
			err  error
		)
		op := int(mode % 4)
		before := time.Now()
		switch op {
		case fzExchange:
			tok, err = cfg.Exchange(ctx, fzCode, auth)
		case fzRefreshOp:
			tok, err = cfg.Refresh(ctx, fzRefresh)
		case fzRevoke:
			err = cfg.Revoke(ctx, fzRefresh, oauth.RefreshTokenHint)
		case fzTokenInfo:
			info, err = cfg.TokenInfo(ctx, fzAccess)
		}
		after := time.Now()

		if err != nil {
			if tok != nil || info != nil {
				t.Fatalf("both a result and an error: %v", err)
			}
			fzCheckError(t, rep, op, err)
			return
		}
		if rep.status < 200 || rep.status > 299 {
			t.Fatalf("op %d: success on HTTP %d", op, rep.status)
		}
		switch op {
		case fzExchange, fzRefreshOp:
			if tok == nil {
				t.Fatal("nil token and nil error")
			}
			fzCheckToken(t, tok, before, after)
		case fzTokenInfo:
			if info == nil {
				t.Fatal("nil token info and nil error")
			}
		}
	})
}

func fzCheckError(t *testing.T, rep fzReply, op int, err error) {
	t.Helper()
	for e := err; e != nil; e = errors.Unwrap(e) {
		msg := e.Error()
		for _, s := range fzKnown[op] {
			if strings.Contains(msg, s) {
				t.Fatalf("error %T quotes a secret: %s", e, msg)
			}
		}
	}
	if full := fmt.Sprintf("%+v %#v", err, err); containsAny(full, fzKnown[op]) {
		t.Fatalf("formatted error quotes a secret: %s", full)
	}
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		t.Fatalf("x/oauth2's RetrieveError (raw body inside) escaped: %v", err)
	}
	var oe *oauth.Error
	isOAuth := errors.As(err, &oe)
	if rep.status < 200 || rep.status > 299 {
		if !isOAuth {
			t.Fatalf("HTTP %d: error %T %v is not an *oauth.Error", rep.status, err, err)
		}
		if oe.StatusCode != rep.status {
			t.Errorf("*oauth.Error status %d, server sent %d", oe.StatusCode, rep.status)
		}
	}
	if isOAuth {
		for _, s := range []string{oe.Code, oe.Description} {
			if utf8.RuneCountInString(s) > 203 || strings.IndexFunc(s, unicode.IsControl) >= 0 {
				t.Errorf("unsanitised server text %q", s)
			}
		}
		if errors.Is(err, oauth.ErrReauthRequired) != (oe.Code == oauth.CodeInvalidGrant) {
			t.Errorf("Is(ErrReauthRequired) disagrees with code %q", oe.Code)
		}
		return
	}
	// Anything else is wrapped with the operation's name: a malformed 2xx
	// (x/oauth2's parse errors) or a transport failure.
	prefix := map[int]string{fzExchange: "oauth: exchange: ", fzRefreshOp: "oauth: refresh: ", fzRevoke: "oauth: revoke: ", fzTokenInfo: "oauth: token info: "}[op]
	if !strings.HasPrefix(err.Error(), prefix) {
		t.Errorf("error %q lacks %q", err, prefix)
	}
}

func fzCheckToken(t *testing.T, tok *oauth.Token, before, after time.Time) {
	t.Helper()
	if tok.AccessToken == "" || tok.TokenType == "" {
		t.Fatalf("token without access token or type: %v", tok)
	}
	for _, s := range tok.Scopes {
		if s == "" || strings.ContainsFunc(s, unicode.IsSpace) {
			t.Errorf("scope %q", s)
		}
	}
	// Every token is saved before use: it must survive JSON.
	data, err := json.Marshal(tok)
	if err != nil {
		t.Fatalf("token cannot be stored: %v", err)
	}
	var back oauth.Token
	if err := json.Unmarshal(data, &back); err != nil || !back.Expiry.Equal(tok.Expiry) || !back.CreatedAt.Equal(tok.CreatedAt) || back.ExpiresIn != tok.ExpiresIn {
		t.Fatalf("token does not round-trip through JSON: %v", err)
	}
	if tok.Expiry.IsZero() {
		return
	}
	if tok.ExpiresIn > math.MaxInt64/int64(time.Second) {
		t.Fatalf("expires_in %d s overflows a time.Duration", tok.ExpiresIn)
	}
	life := time.Duration(tok.ExpiresIn) * time.Second
	if latest := after.Add(life).Add(time.Second); tok.Expiry.After(latest) {
		t.Errorf("Expiry %v after receipt + expires_in %v", tok.Expiry, latest)
	}
	if tok.CreatedAt.IsZero() {
		if earliest := before.Add(life).Add(-time.Second); tok.Expiry.Before(earliest) {
			t.Errorf("Expiry %v before request + expires_in %v (expires_in %d)", tok.Expiry, earliest, tok.ExpiresIn)
		}
	}
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// fzHeaderSafe drops what a server cannot put in a header value.
func fzHeaderSafe(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == utf8.RuneError {
			return -1
		}
		return r
	}, s)
	return strings.TrimSpace(s[:min(len(s), 256)])
}

// invalidCodeReasons are the only texts ParseCode's ErrInvalidCode errors
// may carry: it never quotes its input.
var invalidCodeReasons = regexp.MustCompile(`^oauth: not an authorization code: (empty input|neither a code nor a URL|unexpected characters or length|malformed path|the URL carries no code)$`)

// FuzzParseCode pastes arbitrary text as an OOB authorization code.
// Properties: no panic; an accepted code is 1-512 URL-safe characters (no
// whitespace, no control characters) and ParseCode is idempotent on it;
// the code also survives the pasting forms users produce (quoted, with
// whitespace, as the native page URL); a refusal either names one of the
// fixed reasons (never the input) or is an *oauth.Error from an ?error=
// URL whose texts are sanitised.
func FuzzParseCode(f *testing.F) {
	for _, s := range []string{
		"Xy7_-Ab9.c~d",
		"  \"Xy7Ab9\"\n",
		"'abc'",
		"<abc>",
		"https://api.factorialhr.com/oauth/authorize/native?code=Xy7Ab9",
		"https://api.factorialhr.com/oauth/authorize/Xy7Ab9",
		"https://api.factorialhr.com/oauth/authorize/Xy7%41b9/",
		"https://api.factorialhr.com/oauth/authorize/native",
		"https://api.factorialhr.com/oauth/authorize?error=access_denied&error_description=The+resource+owner+denied+the+request.",
		"/oauth/authorize?error=a%0d%0ab",
		"?code=a%20b",
		"code=abc",
		"http://[::1",
		"a b",
		"",
		"ab\u200bcd",
		"https://x/oauth/authorize/%zz",
		strings.Repeat("a", 513),
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, input string) {
		code, err := oauth.ParseCode(input)
		if err != nil {
			if code != "" {
				t.Fatalf("code %q with error %v", code, err)
			}
			var oe *oauth.Error
			switch {
			case errors.As(err, &oe):
				if oe.Op != "authorize" {
					t.Errorf("op %q", oe.Op)
				}
				for _, s := range []string{oe.Code, oe.Description} {
					if utf8.RuneCountInString(s) > 203 || strings.IndexFunc(s, unicode.IsControl) >= 0 {
						t.Errorf("unsanitised %q", s)
					}
				}
			case errors.Is(err, oauth.ErrInvalidCode):
				if !invalidCodeReasons.MatchString(err.Error()) {
					t.Errorf("unexpected error text %q", err)
				}
			default:
				t.Errorf("error %T %v is neither *oauth.Error nor ErrInvalidCode", err, err)
			}
			return
		}
		if n := len(code); n == 0 || n > 512 {
			t.Fatalf("accepted a code of %d bytes", n)
		}
		for _, r := range code {
			if unicode.IsSpace(r) || unicode.IsControl(r) || r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r) || strings.ContainsRune("-._~", r)) {
				t.Fatalf("accepted code %q contains %q", code, r)
			}
		}
		for _, pasted := range []string{
			code,
			" \t" + code + "\r\n",
			`"` + code + `"`,
			"https://api.factorialhr.com/oauth/authorize/native?code=" + url.QueryEscape(code),
			"https://api.factorialhr.com/oauth/authorize/" + url.PathEscape(code),
		} {
			if again, err := oauth.ParseCode(pasted); err != nil || again != code {
				t.Errorf("ParseCode(%q) = %q, %v; want %q", pasted, again, err, code)
			}
		}
	})
}

// corruptReason is what a CorruptTokenError may say about the file: never
// its contents.
var corruptReason = regexp.MustCompile(`^oauth: token file .* is corrupt \((unreadable content|invalid JSON at byte \d+|field "[A-Za-z0-9_.]*" has the wrong type)\); log in again to replace it$`)

// FuzzFileStoreLoad writes arbitrary bytes as the token file and loads it.
// Properties: no panic; either a token holding an access or a refresh
// token, or a *CorruptTokenError whose message does not quote the file;
// a loaded token saves and loads back unchanged.
func FuzzFileStoreLoad(f *testing.F) {
	for _, s := range []string{
		`{"version":1,"token":{"access_token":"a","token_type":"Bearer","refresh_token":"r","scopes":["read","write"],"created_at":"2026-01-01T00:00:00Z","expires_in":7200,"expiry":"2026-01-01T02:00:00+01:00"}}`,
		`{"version":1,"token":{"refresh_token":"r"}}`,
		`{"version":1,"token":{}}`,
		`{"version":1,"token":null}`,
		`{"version":2,"token":{"access_token":"a"}}`,
		`{"version":1,"token":{"access_token":7}}`,
		`{"version":1,"token":{"access_token":"a","expiry":"soon"}}`,
		`{"version":1,"token":{"access_token":"a","expiry":"0000-01-01T00:00:00-23:59"}}`,
		`{"version":1,"token":{"access_token":"a","scopes":"read"}}`,
		`{"version":1,"token":{"access_token":"a\ud800"}}`,
		`{"version":1,"version":1,"token":{"access_token":"a"},"token":{"refresh_token":"b"}}`,
		`{"version":1,"token":{"access_token":"a"}} trailing`,
		`{"VERSION":1,"TOKEN":{"ACCESS_TOKEN":"a"}}`,
		`[]`,
		`null`,
		``,
		"\xef\xbb\xbf{\"version\":1}",
	} {
		f.Add([]byte(s))
	}
	dir := filepath.Join(f.TempDir(), "store")
	store, err := oauth.NewFileStore(filepath.Join(dir, "token.json"))
	if err != nil {
		f.Fatal(err)
	}
	ctx := context.Background()
	f.Fuzz(func(t *testing.T, data []byte) {
		if err := os.WriteFile(store.Path(), data, 0o600); err != nil {
			t.Fatal(err)
		}
		tok, err := store.Load(ctx)
		if err != nil {
			if tok != nil {
				t.Fatal("token and error")
			}
			var ce *oauth.CorruptTokenError
			if !errors.As(err, &ce) {
				t.Fatalf("error %T %v is not a *CorruptTokenError", err, err)
			}
			if !corruptReason.MatchString(err.Error()) {
				t.Fatalf("unexpected error text %q", err)
			}
			return
		}
		if tok == nil || (tok.AccessToken == "" && tok.RefreshToken == "") {
			t.Fatalf("loaded an empty token %v", tok)
		}
		if err := store.Save(ctx, tok); err != nil {
			t.Fatalf("a loaded token cannot be saved: %v", err)
		}
		again, err := store.Load(ctx)
		if err != nil {
			t.Fatalf("reload: %v", err)
		}
		a, _ := json.Marshal(tok)
		b, _ := json.Marshal(again)
		if string(a) != string(b) {
			t.Fatalf("save/load changed the token:\n%s\n%s", a, b)
		}
	})
}

// fzStatus maps a fuzzed number to an HTTP status a server can send (200-599),
// keeping the ones already in range so seeds mean what they say.
func fzStatus(n uint16) int {
	if n >= 200 && n <= 599 {
		return int(n)
	}
	return 200 + int(n)%400
}

// Regression tests for inputs FuzzTokenResponse found, kept as plain tests;
// the same inputs are committed under testdata/fuzz.

// A Doorkeeper-style error whose description quotes the refresh token, the
// code or the client secret must not bring them into the error string.
func TestTokenErrorDoesNotEchoSecrets(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusBadRequest)
		fmt.Fprintf(w, `{"error":"invalid_grant %s","error_description":"refresh_token=%s code=%s secret=%s token=%s"}`,
			r.PostForm.Get("client_secret"), r.PostForm.Get("refresh_token"), r.PostForm.Get("code"), r.PostForm.Get("client_secret"), r.PostForm.Get("token"))
	}))
	defer srv.Close()
	cfg, err := oauth.New("client-id", fzClientSecret, oauth.OOBRedirectURI, oauth.WithBaseURL(srv.URL))
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	_, errRefresh := cfg.Refresh(ctx, fzRefresh)
	_, errExchange := cfg.Exchange(ctx, fzCode, nil)
	errRevoke := cfg.Revoke(ctx, fzAccess, oauth.AccessTokenHint)
	for _, err := range []error{errRefresh, errExchange, errRevoke} {
		var oe *oauth.Error
		if !errors.As(err, &oe) || oe.StatusCode != 400 {
			t.Fatalf("want an *oauth.Error with status 400, got %v", err)
		}
		if containsAny(err.Error(), fzSecrets) {
			t.Errorf("secret in %q", err)
		}
		if !strings.Contains(oe.Description, "[REDACTED]") {
			t.Errorf("Description %q: want the secrets replaced", oe.Description)
		}
	}
}

// A form-encoded expires_in near MaxInt64 would overflow time.Duration: the
// token's Expiry would land in the past (or anywhere), and a stored token
// with such an ExpiresIn would make TokenSource's refresh margin negative
// and hand out an expired token as valid. Both are capped.
func TestHugeExpiresIn(t *testing.T) {
	local := time.Date(2026, 5, 1, 12, 0, 0, 0, time.UTC)
	var refreshes atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		refreshes.Add(1)
		w.Header().Set("Content-Type", "application/x-www-form-urlencoded")
		fmt.Fprint(w, "access_token=fresh&token_type=Bearer&refresh_token=r2&expires_in=9223372036854775807")
	}))
	defer srv.Close()
	cfg, err := oauth.New("client-id", fzClientSecret, oauth.OOBRedirectURI, oauth.WithBaseURL(srv.URL), oauth.WithClock(func() time.Time { return local }))
	if err != nil {
		t.Fatal(err)
	}
	tok, err := cfg.Refresh(context.Background(), "r1")
	if err != nil {
		t.Fatal(err)
	}
	if tok.Expiry.Before(local.Add(60 * 365 * 24 * time.Hour)) {
		t.Errorf("Expiry %v for expires_in=MaxInt64 (ExpiresIn %d)", tok.Expiry, tok.ExpiresIn)
	}

	// A stored token that expired an hour ago, with an absurd ExpiresIn.
	store := oauth.NewMemoryStore(&oauth.Token{AccessToken: "old", RefreshToken: "r1", ExpiresIn: 1e10, Expiry: local.Add(-time.Hour)})
	ts, err := oauth.NewTokenSource(cfg, store)
	if err != nil {
		t.Fatal(err)
	}
	refreshes.Store(0)
	got, err := ts.Token()
	if err != nil {
		t.Fatal(err)
	}
	if got.AccessToken != "fresh" || refreshes.Load() != 1 {
		t.Errorf("got %q after %d refreshes; want the expired token refreshed", got.AccessToken, refreshes.Load())
	}
}

// A created_at beyond year 9999 (here in a form body, where x/oauth2 does
// no range check) would make a token that json.Marshal, and so every Store,
// refuses, losing the rotated refresh token. Such a created_at is ignored.
func TestCreatedAtOutOfRangeIsIgnored(t *testing.T) {
	for _, body := range []string{"access_token=a&expires_in=60&created_at=99999999999999", `{"access_token":"a","expires_in":60,"created_at":1e17}`} {
		srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			ct := "application/json"
			if !strings.HasPrefix(body, "{") {
				ct = "application/x-www-form-urlencoded"
			}
			w.Header().Set("Content-Type", ct)
			fmt.Fprint(w, body)
		}))
		cfg, err := oauth.New("client-id", fzClientSecret, oauth.OOBRedirectURI, oauth.WithBaseURL(srv.URL))
		if err != nil {
			t.Fatal(err)
		}
		tok, err := cfg.Refresh(context.Background(), "r1")
		srv.Close()
		if err != nil {
			t.Fatal(err)
		}
		if !tok.CreatedAt.IsZero() {
			t.Errorf("%s: CreatedAt %v", body, tok.CreatedAt)
		}
		store, err := oauth.NewFileStore(filepath.Join(t.TempDir(), "store", "token.json"))
		if err != nil {
			t.Fatal(err)
		}
		if err := store.Save(context.Background(), tok); err != nil {
			t.Errorf("%s: %v", body, err)
		}
	}
}
