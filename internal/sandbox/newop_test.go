package sandbox

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http/httptest"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers/gorillamux"
)

const gadgetPaths = `
  /api/v1/core/gadgets:
    get:
      operationId: ListGadgets
      summary: List gadgets
      tags: [Employees]
      parameters:
        - {name: "owner_ids[]", in: query, style: form, explode: true, schema: {type: array, items: {type: integer}}}
        - {name: status, in: query, schema: {type: string}}
        - {name: from, in: query, schema: {type: string}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/Gadget"}}}}}
        default: {$ref: "#/components/responses/Error"}
    post:
      operationId: CreateGadget
      summary: Create a gadget
      tags: [Employees]
      requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/GadgetCreate"}}}}
      responses:
        "201": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Gadget"}}}}
        default: {$ref: "#/components/responses/Error"}
  /api/v1/core/gadgets/{id}:
    parameters: [{$ref: "#/components/parameters/ID"}]
    get:
      operationId: GetGadget
      summary: Get a gadget
      tags: [Employees]
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Gadget"}}}}
        default: {$ref: "#/components/responses/Error"}
    put:
      operationId: UpdateGadget
      summary: Update a gadget
      tags: [Employees]
      requestBody: {required: true, content: {application/json: {schema: {$ref: "#/components/schemas/GadgetCreate"}}}}
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Gadget"}}}}
        default: {$ref: "#/components/responses/Error"}
    delete:
      operationId: DeleteGadget
      summary: Delete a gadget
      tags: [Employees]
      responses:
        "200": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/Gadget"}}}}
        "204": {$ref: "#/components/responses/NoContent"}
        default: {$ref: "#/components/responses/Error"}
  /api/v1/core/gadgets/{id}/parts:
    parameters: [{$ref: "#/components/parameters/ID"}]
    get:
      operationId: ListGadgetParts
      summary: List parts
      tags: [Employees]
      responses:
        "200": {description: ok, content: {application/json: {schema: {type: array, items: {$ref: "#/components/schemas/GadgetPart"}}}}}
        default: {$ref: "#/components/responses/Error"}
    post:
      operationId: CreateGadgetPart
      summary: Add a part
      tags: [Employees]
      requestBody: {required: true, content: {application/json: {schema: {type: object, required: [name], properties: {name: {type: string}}}}}}
      responses:
        "201": {description: ok, content: {application/json: {schema: {$ref: "#/components/schemas/GadgetPart"}}}}
        default: {$ref: "#/components/responses/Error"}
`

const gadgetSchemas = `
    Gadget:
      type: object
      required: [id, required_count]
      properties:
        id: {type: integer}
        name: {type: string, nullable: true}
        owner_id: {type: integer, nullable: true}
        status: {type: string, nullable: true, enum: [active, retired]}
        bought_on: {type: string, format: date, nullable: true}
        tags: {type: array, nullable: true, items: {type: string}}
        required_count: {type: integer}
        created_at: {type: string, format: date-time, nullable: true}
    GadgetCreate:
      type: object
      properties:
        name: {type: string}
        owner_id: {type: integer}
        status: {type: string, enum: [active, retired]}
        bought_on: {type: string, format: date}
    GadgetPart:
      type: object
      required: [id]
      properties:
        id: {type: integer}
        gadget_id: {type: integer, nullable: true}
        name: {type: string, nullable: true}
`

// TestNewOperationNeedsNoCode adds a resource the sandbox has never heard
// of to a copy of openapi.yaml (CRUD, filters, a sub-collection) and checks
// the generic engine serves it, every answer validated against that spec.
func TestNewOperationNeedsNoCode(t *testing.T) {
	raw, err := os.ReadFile("../../openapi.yaml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(raw), "\npaths:\n", "\npaths:"+gadgetPaths, 1)
	text = strings.Replace(text, "\n  schemas:\n", "\n  schemas:"+gadgetSchemas, 1)
	doc, err := openapi3.NewLoader().LoadFromData([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("modified spec: %v", err)
	}
	doc.Servers = openapi3.Servers{{URL: "/"}}
	router, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	s := &Sandbox{auth: DefaultAuthenticator, clock: func() time.Time { return DefaultNow }}
	if err := s.init(doc); err != nil {
		t.Fatal(err)
	}
	s.Reset()
	if len(s.List("gadgets")) != 1 {
		t.Errorf("the seed did not synthesise a gadget: %v", s.List("gadgets"))
	}

	do := func(method, path, body string, want int) map[string]any {
		t.Helper()
		req := httptest.NewRequest(method, path, strings.NewReader(body))
		req.Header.Set("Authorization", "Bearer x")
		req.Header.Set("Content-Type", "application/json")
		route, params, err := router.FindRoute(req)
		if err != nil {
			t.Fatal(err)
		}
		w := httptest.NewRecorder()
		s.serveOperation(w, req, route.Operation, params)
		if w.Code != want {
			t.Fatalf("%s %s: %d %s", method, path, w.Code, w.Body)
		}
		in := &openapi3filter.ResponseValidationInput{
			RequestValidationInput: &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route},
			Status:                 w.Code, Header: w.Header(),
			Options: &openapi3filter.Options{IncludeResponseStatus: true},
		}
		in.SetBodyBytes(w.Body.Bytes())
		if err := openapi3filter.ValidateResponse(context.Background(), in); err != nil {
			t.Errorf("%s %s: response violates the modified spec: %v", method, path, err)
		}
		var out map[string]any
		if b := w.Body.Bytes(); len(b) > 0 && b[0] == '{' {
			_ = json.Unmarshal(b, &out)
		} else {
			out = map[string]any{"list": json.RawMessage(bytes.Clone(b))}
		}
		return out
	}
	created := do("POST", "/api/v1/core/gadgets", `{"name":"Drill","owner_id":3,"status":"active","bought_on":"2024-02-01"}`, 201)
	if created["id"] != 2.0 || created["required_count"] != 0.0 || created["tags"] != nil || created["created_at"] != "2024-03-04T09:00:00Z" {
		t.Errorf("created %v", created)
	}
	do("POST", "/api/v1/core/gadgets", `{"name":"Saw","owner_id":4,"status":"retired","bought_on":"2023-01-01"}`, 201)
	for query, want := range map[string]string{
		"owner_ids[]=3":                `"Drill"`,
		"status=retired":               `"Saw"`,
		"owner_ids[]=3&status=retired": `[]`,
	} {
		got := string(do("GET", "/api/v1/core/gadgets?"+query, "", 200)["list"].(json.RawMessage))
		if !strings.Contains(got, want) || (want != `[]` && strings.Count(got, `"id"`) != 1) {
			t.Errorf("?%s: %s", query, got)
		}
	}
	upd := do("PUT", "/api/v1/core/gadgets/2", `{"status":"retired"}`, 200)
	if upd["status"] != "retired" || upd["name"] != "Drill" {
		t.Errorf("updated %v", upd)
	}
	part := do("POST", "/api/v1/core/gadgets/2/parts", `{"name":"Chuck"}`, 201)
	if part["gadget_id"] != 2.0 {
		t.Errorf("part %v", part)
	}
	parts := string(do("GET", "/api/v1/core/gadgets/2/parts", "", 200)["list"].(json.RawMessage))
	if !strings.Contains(parts, "Chuck") || strings.Contains(string(do("GET", "/api/v1/core/gadgets/1/parts", "", 200)["list"].(json.RawMessage)), "Chuck") {
		t.Errorf("parts of 2: %s", parts)
	}
	do("DELETE", "/api/v1/core/gadgets/2", "", 200)
	do("GET", "/api/v1/core/gadgets/2", "", 404)
}
