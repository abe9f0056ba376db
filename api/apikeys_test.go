package api_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// API keys as the 2024 spec's ApiKey and ApiKeyCreate schemas describe
// them: the plaintext token is in the create answer only; list and delete
// carry a masked token_digest.
const (
	apiKeyToken    = "fct_4b1e9c0d7a2f4e6b8c3d5a7e9f1b2c4d"
	apiKeyListJSON = `[{"id":12,"name":"Nóminas (Sage)","token_digest":"fct_4b1e••••••••••••2c4d","created_at":"2024-03-04T12:55:02.000Z"},` +
		`{"id":9,"name":"Power BI","token_digest":"fct_91aa••••••••••••07be","created_at":"2023-09-11T08:14:39.000Z"}]`
)

func TestListAPIKeys(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/keys", Status: 200, Body: apiKeyListJSON,
	}))
	res, err := c.ListAPIKeysWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, keys = %v", res.StatusCode(), res.JSON200)
	}
	k := (*res.JSON200)[0]
	if k.ID != 12 {
		t.Errorf("ID = %d, want 12", k.ID)
	}
	wantPtr(t, "Name", k.Name, "Nóminas (Sage)")
	wantPtr(t, "TokenDigest", k.TokenDigest, "fct_4b1e••••••••••••2c4d")
	wantPtr(t, "CreatedAt", k.CreatedAt, time.Date(2024, 3, 4, 12, 55, 2, 0, time.UTC))
}

func TestListAPIKeys_BasicUser(t *testing.T) {
	// Restricted payload: only ids survive for a token outside full admin.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/keys", Status: 200,
		Body: `[{"id":12,"name":null,"token_digest":null,"created_at":null}]`,
	}))
	res, err := c.ListAPIKeysWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 || (*res.JSON200)[0].ID != 12 {
		t.Fatalf("status %d, keys = %v", res.StatusCode(), res.JSON200)
	}
	k := (*res.JSON200)[0]
	wantNil(t, "Name", k.Name)
	wantNil(t, "TokenDigest", k.TokenDigest)
	wantNil(t, "CreatedAt", k.CreatedAt)
}

func TestCreateAPIKey(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/keys", Status: 201,
		Body: `{"id":12,"name":"Nóminas (Sage)","token":"` + apiKeyToken + `"}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSONBody(t, r, body, `{"name":"Nóminas (Sage)"}`)
		},
	}))
	res, err := c.CreateAPIKeyWithResponse(context.Background(), api.APIKeyCreate{Name: "Nóminas (Sage)"})
	if err != nil {
		t.Fatal(err)
	}
	k := res.JSON201
	if k == nil || k.ID != 12 {
		t.Fatalf("status %d, key = %+v", res.StatusCode(), k)
	}
	wantPtr(t, "Name", k.Name, "Nóminas (Sage)")
	wantPtr(t, "Token", k.Token, apiKeyToken)
}

// TestCreateAPIKey_TokenShownOnce creates a key and lists the keys on the
// same server: the create answer has the plaintext token, the list only the
// masked digest, and the plaintext never appears in the list.
func TestCreateAPIKey_TokenShownOnce(t *testing.T) {
	mux := http.NewServeMux()
	mux.Handle("POST /api/v1/core/keys", apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/core/keys", Status: 201,
		Body: `{"id":12,"name":"Nóminas (Sage)","token":"` + apiKeyToken + `"}`,
	}))
	mux.Handle("GET /api/v1/core/keys", apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/core/keys", Status: 200, Body: apiKeyListJSON,
	}))
	c := apitest.NewClient(t, mux)

	created, err := c.CreateAPIKeyWithResponse(context.Background(), api.APIKeyCreate{Name: "Nóminas (Sage)"})
	if err != nil {
		t.Fatal(err)
	}
	if created.JSON201 == nil || created.JSON201.Token == nil || *created.JSON201.Token != apiKeyToken {
		t.Fatalf("create: status %d, key = %+v", created.StatusCode(), created.JSON201)
	}
	var raw map[string]any
	if err := json.Unmarshal(created.Body, &raw); err != nil {
		t.Fatal(err)
	}
	if _, ok := raw["token_digest"]; ok {
		t.Errorf("create answer carries token_digest: %s", created.Body)
	}

	listed, err := c.ListAPIKeysWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if listed.JSON200 == nil || len(*listed.JSON200) != 2 {
		t.Fatalf("list: status %d, keys = %v", listed.StatusCode(), listed.JSON200)
	}
	var same *api.APIKey
	for i := range *listed.JSON200 {
		if (*listed.JSON200)[i].ID == created.JSON201.ID {
			same = &(*listed.JSON200)[i]
		}
	}
	if same == nil {
		t.Fatalf("created key %d not listed", created.JSON201.ID)
	}
	if same.TokenDigest == nil || *same.TokenDigest == apiKeyToken {
		t.Errorf("listed TokenDigest = %v, want a masked digest", same.TokenDigest)
	}
	if strings.Contains(string(listed.Body), apiKeyToken) || strings.Contains(string(listed.Body), `"token"`) {
		t.Errorf("list leaks the plaintext token: %s", listed.Body)
	}
}

func TestDeleteAPIKey(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/core/keys/9", Status: 200,
		Body: `{"id":9,"name":"Power BI","token_digest":"fct_91aa••••••••••••07be","created_at":"2023-09-11T08:14:39.000Z"}`,
	}))
	res, err := c.DeleteAPIKeyWithResponse(context.Background(), 9)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 9 {
		t.Fatalf("status %d, key = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Name", res.JSON200.Name, "Power BI")
	wantPtr(t, "TokenDigest", res.JSON200.TokenDigest, "fct_91aa••••••••••••07be")
}

func TestDeleteAPIKey_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/core/keys/9", Status: 204,
	}))
	res, err := c.DeleteAPIKeyWithResponse(context.Background(), 9)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %+v; want 204 and nil", res.StatusCode(), res.JSON200)
	}
}
