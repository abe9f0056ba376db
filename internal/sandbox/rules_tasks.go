package sandbox

// Tasks: resolving and copying.

// resolveTask sets completed_at (done, the default) or clears it.
func (c *call) resolveTask() {
	c.edit(ResTasks, func(rec map[string]any) *apiError {
		done := true
		if b, ok := toBool(c.in["done"]); ok && c.in["done"] != nil {
			done = b
		}
		rec["completed_at"] = nil
		if done {
			rec["completed_at"] = c.pj.now
		}
		return nil
	})
}

// copyTask copies a task (optionally renamed) as not done.
func (c *call) copyTask() {
	c.duplicate(ResTasks, func(_, rec map[string]any) {
		if name, ok := c.in["name"].(string); ok && name != "" {
			rec["name"] = name
		}
		rec["completed_at"] = nil
	})
}
