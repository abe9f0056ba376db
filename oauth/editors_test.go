package oauth_test

import (
	"context"
	"errors"
	"net/http"
	"testing"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
	"golang.org/x/oauth2"
)

// The editors must plug into the generated client as they are.
var (
	_ api.RequestEditorFn = oauth.BearerEditor(nil)
	_ api.RequestEditorFn = oauth.APIKeyEditor("")
)

func TestEditors(t *testing.T) {
	srv := newServer(t, factorialtest.WithAPIKey("key-of-carol-123456", 3))
	lc := newLeakCheck(t, srv)
	ts, _ := sourceAt(t, srv, lc, oauth.NewMemoryStore(nil))
	issued, _ := srv.IssueToken(2)
	tests := []struct {
		name       string
		editor     api.RequestEditorFn
		wantStatus int
		wantEmp    int
		wantHeader string // the header the editor must set, exactly
		header     string
	}{
		{name: "bearer from TokenSource", editor: oauth.BearerEditor(ts), wantStatus: 200, wantEmp: 1001},
		{name: "bearer from a plain oauth2.TokenSource", editor: oauth.BearerEditor(oauth2.StaticTokenSource(&oauth2.Token{AccessToken: issued.AccessToken})),
			wantStatus: 200, wantEmp: 1002, header: "Authorization", wantHeader: "Bearer " + issued.AccessToken},
		{name: "default API key", editor: oauth.APIKeyEditor(factorialtest.DefaultAPIKey), wantStatus: 200, wantEmp: 1001,
			header: "X-Api-Key", wantHeader: factorialtest.DefaultAPIKey},
		{name: "another API key", editor: oauth.APIKeyEditor("key-of-carol-123456"), wantStatus: 200, wantEmp: 1003},
		{name: "unknown API key", editor: oauth.APIKeyEditor("nope"), wantStatus: 401},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var seen http.Header
			spy := func(ctx context.Context, req *http.Request) error {
				if err := tc.editor(ctx, req); err != nil {
					return err
				}
				seen = req.Header.Clone()
				return nil
			}
			resp, err := me(t, srv, spy)
			if err != nil {
				t.Fatal(lc.err(err))
			}
			if resp.StatusCode() != tc.wantStatus {
				t.Fatalf("status %d, want %d", resp.StatusCode(), tc.wantStatus)
			}
			if tc.wantStatus == 200 && resp.JSON200.EmployeeID != tc.wantEmp {
				t.Errorf("employee %d, want %d", resp.JSON200.EmployeeID, tc.wantEmp)
			}
			if tc.header != "" && seen.Get(tc.header) != tc.wantHeader {
				t.Errorf("%s header not set as expected", tc.header)
			}
		})
	}
}

func TestEditorErrors(t *testing.T) {
	srv := newServer(t)
	lc := newLeakCheck(t, srv)
	req, _ := http.NewRequest("GET", srv.URL()+"/api/v1/me", nil)
	if err := oauth.APIKeyEditor("")(context.Background(), req); lc.err(err) == nil {
		t.Error("empty API key accepted")
	}
	if err := oauth.BearerEditor(nil)(context.Background(), req); lc.err(err) == nil {
		t.Error("nil source accepted")
	}
	// A source that cannot produce a token fails the request before it is
	// sent, and the cause stays matchable.
	ts := mustSource(t, newConfig(t, srv, lc, oauth.OOBRedirectURI), oauth.NewMemoryStore(nil))
	_, err := me(t, srv, oauth.BearerEditor(ts))
	if !errors.Is(lc.err(err), oauth.ErrReauthRequired) {
		t.Errorf("error = %v", err)
	}
	// Waiting is bounded by the request's context.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	req = req.WithContext(ctx)
	blocked := &oauth.MemoryStore{}
	unlock, _ := blocked.Lock(context.Background())
	defer unlock()
	ts = mustSource(t, newConfig(t, srv, lc, oauth.OOBRedirectURI), blocked)
	if err := oauth.BearerEditor(ts)(ctx, req); !errors.Is(lc.err(err), context.Canceled) {
		t.Errorf("cancelled request: %v", err)
	}
}
