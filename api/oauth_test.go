package api_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

func TestCreateTokenAuthorizationCode(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/oauth/token", Status: 200,
		// Doorkeeper's field order, as in Factorial's documentation sample.
		Body: `{"access_token":"de67","token_type":"Bearer","expires_in":7200,"refresh_token":"8257","scope":"read write","created_at":1680013957}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			f := apitest.Form(t, r, body)
			for k, want := range map[string]string{"grant_type": "authorization_code", "code": "c0de", "client_id": "id", "client_secret": "s", "redirect_uri": "urn:ietf:wg:oauth:2.0:oob"} {
				if got := f.Get(k); got != want {
					t.Errorf("form %s = %q, want %q", k, got, want)
				}
			}
		},
	}))
	res, err := c.CreateTokenWithFormdataBodyWithResponse(context.Background(), api.TokenRequest{
		GrantType: api.TokenRequestGrantTypeAuthorizationCode, Code: apitest.Ptr("c0de"),
		ClientID: apitest.Ptr("id"), ClientSecret: apitest.Ptr("s"), RedirectURI: apitest.Ptr("urn:ietf:wg:oauth:2.0:oob"),
	})
	if err != nil {
		t.Fatal(err)
	}
	tok := res.JSON200
	if tok == nil || tok.AccessToken != "de67" || tok.TokenType != "Bearer" || *tok.ExpiresIn != 7200 || *tok.CreatedAt != 1680013957 || *tok.Scope != "read write" {
		t.Fatalf("token = %+v", tok)
	}
}

func TestCreateTokenInvalidGrant(t *testing.T) {
	// Doorkeeper before 5.1 answers every error with 401; key on the code.
	for _, status := range []int{400, 401} {
		c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
			Method: http.MethodPost, Path: "/oauth/token", Status: status,
			Body: `{"error":"invalid_grant","error_description":"The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client."}`,
		}))
		res, err := c.CreateTokenWithFormdataBodyWithResponse(context.Background(), api.TokenRequest{
			GrantType: api.TokenRequestGrantTypeRefreshToken, RefreshToken: apitest.Ptr("old"),
		})
		if err != nil {
			t.Fatal(err)
		}
		var e *api.OAuthError
		switch status {
		case 400:
			e = res.JSON400
		case 401:
			e = res.JSON401
		}
		if e == nil || e.Error != "invalid_grant" {
			t.Fatalf("status %d: OAuth error = %+v", status, e)
		}
	}
}

func TestRevokeToken(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/oauth/revoke", Status: 200, Body: `{}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			if got := apitest.Form(t, r, body).Get("token"); got != "tok" {
				t.Errorf("token = %q", got)
			}
		},
	}))
	res, err := c.RevokeTokenWithFormdataBodyWithResponse(context.Background(), api.RevokeRequest{Token: "tok", ClientID: apitest.Ptr("id"), ClientSecret: apitest.Ptr("s")})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 0 {
		t.Fatalf("revoke body = %v, want {}", res.JSON200)
	}
}

func TestGetTokenInfo(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/oauth/token/info", Status: 200,
		Body: `{"resource_owner_id":7,"scope":["read","write"],"expires_in":7100,"application":{"uid":"app"},"created_at":1680013957}`,
	}))
	res, err := c.GetTokenInfoWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	info := res.JSON200
	if info == nil || *info.ResourceOwnerID != 7 || len(info.Scope) != 2 || *info.Application.UID != "app" {
		t.Fatalf("info = %+v", info)
	}
}
