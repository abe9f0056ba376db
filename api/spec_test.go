package api_test

import (
	"bytes"
	"context"
	"os"
	"sort"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"

	"github.com/factorial-go/factorial/internal/specvalidate"
)

// loadSpecFile loads openapi.yaml from the repository root, the file the
// generated code must have been built from.
func loadSpecFile(t *testing.T) *openapi3.T {
	t.Helper()
	doc, err := openapi3.NewLoader().LoadFromFile("../openapi.yaml")
	if err != nil {
		t.Fatalf("load openapi.yaml: %v", err)
	}
	return doc
}

func TestSpecValidates(t *testing.T) {
	doc := loadSpecFile(t)
	if err := doc.Validate(context.Background(), openapi3.EnableMultiError()); err != nil {
		t.Fatalf("openapi.yaml does not validate:\n%v", err)
	}
	if doc.OpenAPI != "3.0.3" {
		t.Errorf("openapi = %q, want 3.0.3", doc.OpenAPI)
	}
}

func TestEmbeddedSpecMatchesFile(t *testing.T) {
	// The compiled-in copy is what the validators use; it must describe
	// the same operations as the file.
	embedded, err := specvalidate.LoadV1()
	if err != nil {
		t.Fatal(err)
	}
	file := loadSpecFile(t)
	a, _ := embedded.Paths.MarshalJSON()
	b, _ := file.Paths.MarshalJSON()
	ai, _ := embedded.Info.MarshalJSON()
	bi, _ := file.Info.MarshalJSON()
	if !bytes.Equal(a, b) || !bytes.Equal(ai, bi) {
		t.Fatal("embedded spec differs from openapi.yaml: run go generate ./...")
	}
}

// TestEveryOperationIsComplete enforces the per-operation rules of the spec:
// operationId, summary, exactly one declared tag, a success response with a
// schema or an explicit empty one, and a documented error response (REST
// operations: the shared 401 and default error).
func TestEveryOperationIsComplete(t *testing.T) {
	doc := loadSpecFile(t)
	declared := map[string]bool{}
	for _, tag := range doc.Tags {
		declared[tag.Name] = true
	}
	var problems []string
	bad := func(op string, format string) { problems = append(problems, op+": "+format) }
	for path, item := range doc.Paths.Map() {
		for method, op := range item.Operations() {
			id := method + " " + path
			if op.OperationID == "" {
				bad(id, "no operationId")
			} else {
				id = op.OperationID + " (" + id + ")"
			}
			if strings.TrimSpace(op.Summary) == "" {
				bad(id, "no summary")
			}
			if len(op.Tags) != 1 || !declared[op.Tags[0]] {
				bad(id, "needs exactly one declared tag, has "+strings.Join(op.Tags, ","))
			}
			if op.Deprecated && strings.TrimSpace(op.Description) == "" {
				bad(id, "deprecated without a description naming its replacement")
			}
			success, failure := false, false
			for code, ref := range op.Responses.Map() {
				switch {
				case code == "default" || code[0] == '4' || code[0] == '5':
					failure = true
				case code[0] == '2' || code[0] == '3':
					if ref.Value == nil {
						bad(id, "unresolved response "+code)
						continue
					}
					for mt, c := range ref.Value.Content {
						if c.Schema == nil {
							bad(id, "response "+code+" "+mt+" has no schema")
						}
					}
					success = true
				}
			}
			if !success {
				bad(id, "no success response")
			}
			if !failure {
				bad(id, "no error response")
			}
			if strings.HasPrefix(path, "/api/") {
				if op.Responses.Value("401") == nil {
					bad(id, "REST operation without the 401 response")
				}
				if op.Responses.Default() == nil || op.Responses.Default().Ref != "#/components/responses/Error" {
					bad(id, "REST operation without the shared default Error response")
				}
			}
		}
	}
	sort.Strings(problems)
	for _, p := range problems {
		t.Error(p)
	}
}

func TestSpecFileIsTheOneGenerated(t *testing.T) {
	// Guard against editing a copy: gen.go must point at the root file.
	b, err := os.ReadFile("../gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte("-config api/config.yaml openapi.yaml")) {
		t.Fatal("gen.go no longer generates from openapi.yaml")
	}
}
