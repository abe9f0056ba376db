package sandbox

// Company settings: API keys and custom tables.

import (
	"strconv"
)

// prepareAPIKey gives a new key its token, shown once, and the digest that
// stands for it afterwards.
func prepareAPIKey(c *call, rec, old map[string]any) {
	if old == nil {
		id := strconv.Itoa(rec["id"].(int))
		rec["token"] = "sandbox-api-key-" + id
		rec["token_digest"] = "****-" + id
	}
}

// prepareCustomTableField flattens the nested custom_field definition into
// the field record.
func prepareCustomTableField(c *call, rec, old map[string]any) {
	if def, ok := rec["custom_field"].(map[string]any); ok {
		for k, v := range def {
			rec[k] = v
		}
		delete(rec, "custom_field")
	}
}

// prepareCustomTableValue flattens the rows of table_values into the value
// record and drops the spec's misspelt emloyee_id input.
func prepareCustomTableValue(c *call, rec, old map[string]any) {
	rows, _ := rec["table_values"].([]any)
	for _, row := range rows {
		if m, ok := row.(map[string]any); ok {
			for k, v := range m {
				rec[k] = v
			}
		}
	}
	delete(rec, "table_values")
	delete(rec, "emloyee_id")
}
