package resources_test

import (
	"bytes"
	"context"
	"encoding/json"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

// The conventions of openapi-resources.yaml (docs/dated-api.md) that a
// program can check. Each test reports every violation, not the first.

func loadSpecFile(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile("../openapi-resources.yaml")
	if err != nil {
		t.Fatalf("load openapi-resources.yaml: %v", err)
	}
	return doc
}

func report(t *testing.T, problems []string) {
	t.Helper()
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
}

func TestSpecValidates(t *testing.T) {
	doc := loadSpecFile(t)
	if err := doc.Validate(context.Background(), openapi3.EnableMultiError()); err != nil {
		t.Fatalf("openapi-resources.yaml does not validate:\n%v", err)
	}
	if doc.OpenAPI != "3.0.3" {
		t.Errorf("openapi = %q, want 3.0.3", doc.OpenAPI)
	}
}

func TestEmbeddedSpecMatchesFile(t *testing.T) {
	embedded, err := specvalidate.LoadDated()
	if err != nil {
		t.Fatal(err)
	}
	file := loadSpecFile(t)
	a, _ := embedded.Paths.MarshalJSON()
	b, _ := file.Paths.MarshalJSON()
	ai, _ := embedded.Info.MarshalJSON()
	bi, _ := file.Info.MarshalJSON()
	if !bytes.Equal(a, b) || !bytes.Equal(ai, bi) {
		t.Fatal("embedded spec differs from openapi-resources.yaml: run go generate ./...")
	}
}

// TestVersionOnlyInServers keeps the API version out of everything a
// generator turns into a name.
func TestVersionOnlyInServers(t *testing.T) {
	doc := loadSpecFile(t)
	var problems []string
	if len(doc.Servers) == 0 {
		problems = append(problems, "no servers")
	}
	for _, s := range doc.Servers {
		v, ok := s.Variables["version"]
		if !strings.Contains(s.URL, "/api/{version}/resources") || !ok || v.Default != doc.Info.Version {
			problems = append(problems, "server "+s.URL+": want .../api/{version}/resources with version defaulting to info.version")
		}
	}
	for path, item := range doc.Paths.Map() {
		if strings.Contains(path, "/api/") || strings.ContainsAny(path, "0123456789") {
			problems = append(problems, "path "+path+" carries a version")
		}
		for _, op := range item.Operations() {
			if strings.ContainsAny(op.OperationID, "0123456789") {
				problems = append(problems, "operationId "+op.OperationID+" carries a version")
			}
		}
	}
	for name := range doc.Components.Schemas {
		if strings.ContainsAny(name, "0123456789") {
			problems = append(problems, "schema "+name+" carries a version")
		}
		for _, suffix := range []string{"Response", "Params", "Body", "Request"} {
			if strings.HasSuffix(name, suffix) {
				problems = append(problems, "schema "+name+" ends in "+suffix+", which clashes with generated names")
			}
		}
	}
	report(t, problems)
}

// scopes is the OAuth scope that grants each tag's operations; Credentials
// and Webhooks have none documented (an empty requirement).
var scopes = map[string]string{
	"Approvals":         "employees",
	"Ats":               "recruitment",
	"Attendance":        "time_tracking",
	"Banking":           "banking",
	"Bookkeepers":       "employee_updates",
	"Companies":         "company_legal_entities",
	"Contracts":         "contracts",
	"Credentials":       "",
	"CustomFields":      "custom_fields",
	"CustomResources":   "custom_fields",
	"Documents":         "documents",
	"EmployeeUpdates":   "employee_updates",
	"Employees":         "employees",
	"Expenses":          "expenses",
	"Finance":           "finance",
	"Holidays":          "company_holidays",
	"Integrations":      "integrations",
	"ITManagement":      "employees",
	"JobCatalog":        "job_catalog",
	"Locations":         "company_locations",
	"Marketplace":       "marketplace",
	"Payroll":           "payroll",
	"Performance":       "performance",
	"Posts":             "posts",
	"Procurement":       "finance",
	"ProjectManagement": "project_management_projects",
	"ShiftManagement":   "shift_management",
	"Tasks":             "tasks",
	"Teams":             "employees",
	"TimeOff":           "time_off",
	"TimePlanning":      "time_tracking",
	"TimeSettings":      "time_tracking",
	"Trainings":         "trainings",
	"Webhooks":          "",
	"WorkSchedules":     "time_tracking",
}

// resourceScopes are the scopes of the collections whose scope is not
// their area's: project management splits its resources over three, and
// payroll supplements have a scope of their own while the rest of payroll
// (periods, family situations, identifiers, integration codes) is under
// payroll.
var resourceScopes = map[string]string{
	"/payroll/supplements":                    "payroll_supplements",
	"/project_management/time_records":        "project_management_time",
	"/project_management/expense_records":     "project_management_expenses",
	"/project_management/exportable_expenses": "project_management_expenses",
}

// scopeOf is the OAuth scope of an operation of the area tag on path.
func scopeOf(tag, path string) (string, bool) {
	for prefix, scope := range resourceScopes {
		if path == prefix || strings.HasPrefix(path, prefix+"/") {
			return scope, true
		}
	}
	scope, known := scopes[tag]
	return scope, known
}

var listParams = []string{"limit", "page", "after_id", "before_id"}

// TestEveryOperationFollowsTheWireShape checks each operation against the
// three path shapes (collection, item, action), its security and responses.
func TestEveryOperationFollowsTheWireShape(t *testing.T) {
	doc := loadSpecFile(t)
	declaredScopes := doc.Components.SecuritySchemes["oauth2"].Value.Flows.AuthorizationCode.Scopes
	ids := map[string]bool{}
	var problems []string
	for path, item := range doc.Paths.Map() {
		isItem := strings.HasSuffix(path, "/{id}")
		for method, op := range item.Operations() {
			id := op.OperationID + " (" + method + " " + path + ")"
			bad := func(msg string) { problems = append(problems, id+": "+msg) }
			if op.OperationID == "" || ids[op.OperationID] {
				bad("missing or duplicate operationId")
			}
			ids[op.OperationID] = true
			if strings.TrimSpace(op.Summary) == "" {
				bad("no summary")
			}
			if len(op.Tags) != 1 {
				bad("needs exactly one tag")
				continue
			}
			scope, known := scopeOf(op.Tags[0], path)
			if !known {
				bad("undeclared area tag " + op.Tags[0])
			}
			if op.Security == nil || len(*op.Security) != 2 {
				bad("security must list oauth2 and apiKey")
			} else {
				sec := *op.Security
				want := []string{}
				if scope != "" {
					want = []string{scope}
					if _, ok := declaredScopes[scope]; !ok {
						bad("scope " + scope + " not declared")
					}
				}
				got, ok := sec[0]["oauth2"]
				if !ok || strings.Join(got, " ") != strings.Join(want, " ") {
					bad("oauth2 requirement " + strings.Join(got, " ") + ", want " + strings.Join(want, " "))
				}
				if k, ok := sec[1]["apiKey"]; !ok || len(k) != 0 {
					bad("second alternative must be apiKey")
				}
			}
			if r := op.Responses.Value("401"); r == nil || r.Ref != "#/components/responses/Unauthorized" {
				bad("no shared 401")
			}
			if d := op.Responses.Default(); d == nil || d.Ref != "#/components/responses/Error" {
				bad("no shared default Error")
			}
			success := ""
			for code := range op.Responses.Map() {
				if code[0] == '2' {
					if success != "" {
						bad("more than one success status")
					}
					success = code
				}
			}
			var body *openapi3.Schema
			if r := op.Responses.Value(success); r != nil && r.Value.Content["application/json"] != nil {
				body = r.Value.Content["application/json"].Schema.Value
			}
			if body == nil {
				bad("success response without a JSON schema")
				continue
			}
			switch {
			case method == "PATCH":
				bad("the API has no PATCH")
			case method == "GET" && !isItem: // collection list
				if success != "200" {
					bad("lists answer 200")
				}
				r := op.Responses.Value("200").Value.Content["application/json"].Schema
				if !strings.HasSuffix(r.Ref, "Page") || body.Properties["meta"] == nil || body.Properties["data"] == nil ||
					strings.Join(body.Required, ",") != "data,meta" {
					bad("list response must be a <Thing>Page with required data and meta")
				}
				for _, name := range listParams {
					if op.Parameters.GetByInAndName("query", name) == nil {
						bad("list without the " + name + " parameter")
					}
				}
			case method == "POST" && !isItem && (item.Get != nil || strings.Count(path, "/") == 2) && item.Post == op:
				// collection create: a POST on namespace/resource, which some
				// resources offer without a list (sync run outputs, installations)
				if success != "201" {
					bad("creates answer 201")
				}
			case method == "POST": // action
				if success != "200" {
					bad("actions answer 200")
				}
				if op.RequestBody == nil {
					bad("actions carry their ids in a body")
				}
			case isItem && method != "GET" && method != "PUT" && method != "DELETE":
				bad("item paths take GET, PUT and DELETE only")
			case isItem && success != "200":
				bad("item operations answer 200")
			}
			if method == "PUT" || method == "POST" {
				if op.RequestBody == nil || !op.RequestBody.Value.Required {
					bad("request body must be required")
				}
			}
			for _, p := range op.Parameters {
				if p.Value.In == "query" && p.Value.Required {
					bad("query parameter " + p.Value.Name + " is required; filters are optional")
				}
				if strings.HasSuffix(p.Value.Name, "[]") && (p.Value.Style != "form" || p.Value.Explode == nil || !*p.Value.Explode) {
					bad("array parameter " + p.Value.Name + " must be form-exploded")
				}
			}
		}
	}
	report(t, problems)
}

// TestIDsAreStrings: every id and *_id (and *_ids items) is a string, in
// requests and responses alike.
func TestIDsAreStrings(t *testing.T) {
	doc := loadSpecFile(t)
	var problems []string
	for name, ref := range doc.Components.Schemas {
		for prop, p := range ref.Value.Properties {
			s := p.Value
			isID := prop == "id" || strings.HasSuffix(prop, "_id")
			isIDs := strings.HasSuffix(prop, "_ids") || strings.HasSuffix(prop, "_ids[]")
			if isID && !s.Type.Is("string") {
				problems = append(problems, name+"."+prop+" is not a string")
			}
			if isIDs && (!s.Type.Is("array") || !s.Items.Value.Type.Is("string")) {
				problems = append(problems, name+"."+prop+" is not an array of strings")
			}
		}
	}
	for path, item := range doc.Paths.Map() {
		for _, op := range item.Operations() {
			for _, p := range append(item.Parameters, op.Parameters...) {
				n := strings.TrimSuffix(p.Value.Name, "[]")
				s := p.Value.Schema.Value
				if s.Type.Is("array") {
					s = s.Items.Value
				}
				// A boolean flag asking for ids to be included
				// (with_employee_ids) names no id.
				flag := strings.HasPrefix(n, "with_") && s.Type.Is("boolean")
				if (n == "id" || n == "ids" || strings.HasSuffix(n, "_id") || strings.HasSuffix(n, "_ids")) && !flag && !s.Type.Is("string") {
					problems = append(problems, path+" parameter "+p.Value.Name+" is not a string")
				}
			}
		}
	}
	report(t, problems)
}

// TestWebhookEvents: every event type names an existing payload schema.
func TestWebhookEvents(t *testing.T) {
	doc := loadSpecFile(t)
	raw, ok := doc.Extensions["x-webhook-events"]
	if !ok {
		t.Fatal("no x-webhook-events")
	}
	b, _ := json.Marshal(raw)
	var events map[string]string
	if err := json.Unmarshal(b, &events); err != nil {
		t.Fatalf("x-webhook-events is not a map of strings: %v", err)
	}
	var problems []string
	for event, schema := range events {
		if strings.Count(event, "/") != 2 {
			problems = append(problems, event+": want <namespace>/<resource>/<action>")
		}
		if doc.Components.Schemas[schema] == nil {
			problems = append(problems, event+": no schema "+schema)
		}
	}
	report(t, problems)
}
