package sandbox

// Webhooks: v1 subscriptions, one per event type.

// subscribeWebhook: "if the webhook already exists, it just changes the
// target_url" (v1 subscriptions are unique per type).
func (c *call) subscribeWebhook() {
	c.locked(writeLock, func() *apiError {
		if existing := webhookOfType(c.s.tbl(ResWebhooks), c.in["type"]); existing != nil {
			rec := clone(existing)
			rec["target_url"] = c.in["target_url"]
			return c.save(ResWebhooks, rec, existing)
		}
		return c.save(ResWebhooks, map[string]any{"type": c.in["type"], "target_url": c.in["target_url"]}, nil)
	})
}

// webhookOfType finds the v1 subscription of an event type (at most one).
func webhookOfType(t *table, typ any) map[string]any {
	var found map[string]any
	t.each(func(r map[string]any) bool {
		if r["type"] == typ {
			found = r
		}
		return found == nil
	})
	return found
}

// webhookOfBodyType finds the v1 subscription of the body's type (404).
func webhookOfBodyType(c *call) (map[string]any, *apiError) {
	if found := webhookOfType(c.s.tbl(ResWebhooks), c.in["type"]); found != nil {
		return found, nil
	}
	return nil, errNoMatch
}

// unsubscribeWebhook is the legacy DELETE /api/v1/webhooks with {type}.
func (c *call) unsubscribeWebhook() {
	c.onRecord(writeLock, webhookOfBodyType, func(found map[string]any) *apiError {
		c.s.tbl(ResWebhooks).remove(found["id"].(int))
		c.respond(found)
		return nil
	})
}

// prepareWebhook: subscriptions belong to the (single) company.
func prepareWebhook(c *call, rec, old map[string]any) { rec["company_id"] = 1 }
