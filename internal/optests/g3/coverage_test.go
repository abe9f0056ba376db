package g3_test

import (
	"os"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/internal/apitest"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

// g3Operations are the operations of the Documents, Tasks, Webhooks,
// ApiKeys, CustomFields and Posts tags in openapi.yaml.
var g3Operations = []string{
	// Documents (9)
	"ListFolders", "CreateFolder", "GetFolder", "UpdateFolder",
	"ListDocuments", "CreateDocument", "GetDocument", "UpdateDocument", "DeleteDocument",
	// Tasks (11)
	"ListTasks", "CreateTask", "GetTask", "UpdateTask", "DeleteTask", "ResolveTask", "CopyTask",
	"ListTaskFiles", "CreateTaskFile", "GetTaskFile", "DeleteTaskFile",
	// Webhooks (8)
	"ListWebhooksV2", "CreateWebhookV2", "UpdateWebhookV2", "DeleteWebhookV2",
	"ListEvents", "ListWebhooks", "CreateWebhook", "DeleteWebhook",
	// ApiKeys (3)
	"ListAPIKeys", "CreateAPIKey", "DeleteAPIKey",
	// CustomFields (15)
	"ListCustomFields", "ListCustomValues", "CreateCustomValue",
	"ListCustomTables", "CreateCustomTable", "GetCustomTable",
	"ListCustomTableFields", "CreateCustomTableField", "ListCustomTableValues", "CreateCustomTableValue",
	"ListCustomFieldsV2", "CreateCustomFieldV2", "DeleteCustomFieldV2", "ListCustomValuesV2", "UpdateCustomValueV2",
	// Posts (5)
	"ListPosts", "CreatePost", "GetPost", "UpdatePost", "DeletePost",
}

// TestMain fails the run when one of g3Operations had no validated 2xx
// exchange. It only judges full runs (no -run filter, not -short).
func TestMain(m *testing.M) {
	code := m.Run()
	if code == 0 && !testing.Short() && g3RunAll() {
		v := specvalidate.MustNew()
		inSpec := map[string]bool{}
		for _, op := range v.Operations() {
			inSpec[op] = true
		}
		uncovered := map[string]bool{}
		for _, op := range apitest.Coverage.Missing(v) {
			uncovered[op] = true
		}
		var missing []string
		for _, op := range g3Operations {
			if !inSpec[op] || uncovered[op] {
				missing = append(missing, op)
			}
		}
		if len(missing) > 0 {
			os.Stderr.WriteString("g3 operation coverage: no validated 2xx for:\n  " + strings.Join(missing, "\n  ") + "\n")
			code = 1
		}
	}
	os.Exit(code)
}

// g3RunAll reports whether the whole package ran (no -run filter).
func g3RunAll() bool {
	for _, a := range os.Args {
		if strings.HasPrefix(a, "-test.run") {
			return false
		}
	}
	return true
}
