package sandbox

// Tasks: resolving and copying.

// resolveTask sets completed_at (done, the default) or clears it.
func (c *call) resolveTask() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	old, aerr := c.lookup(ResTasks)
	if aerr != nil {
		c.fail(aerr)
		return
	}
	rec := clone(old)
	done := true
	if b, ok := toBool(c.in["done"]); ok && c.in["done"] != nil {
		done = b
	}
	rec["completed_at"] = nil
	if done {
		rec["completed_at"] = c.pj.now
	}
	_ = c.replace(ResTasks, rec, old)
	c.respond(rec)
}

// copyTask copies a task (optionally renamed) as not done.
func (c *call) copyTask() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	src, aerr := c.lookup(ResTasks)
	if aerr != nil {
		c.fail(aerr)
		return
	}
	rec := clone(src)
	delete(rec, "id")
	if name, ok := c.in["name"].(string); ok && name != "" {
		rec["name"] = name
	}
	rec["completed_at"] = nil
	_ = c.insert(ResTasks, rec)
	c.respond(rec)
}
