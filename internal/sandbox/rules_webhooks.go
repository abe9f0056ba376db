package sandbox

// Webhooks: v1 subscriptions, one per event type.

import (
	"net/http"
)

// subscribeWebhook: "if the webhook already exists, it just changes the
// target_url" (v1 subscriptions are unique per type).
func (c *call) subscribeWebhook() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	if existing := webhookOfType(c.s.tbl(ResWebhooks), c.in["type"]); existing != nil {
		rec := clone(existing)
		rec["target_url"] = c.in["target_url"]
		_ = c.replace(ResWebhooks, rec, existing)
		c.respond(rec)
		return
	}
	rec := map[string]any{"type": c.in["type"], "target_url": c.in["target_url"]}
	_ = c.insert(ResWebhooks, rec)
	c.respond(rec)
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

// unsubscribeWebhook is the legacy DELETE /api/v1/webhooks with {type}.
func (c *call) unsubscribeWebhook() {
	c.s.mu.Lock()
	defer c.s.mu.Unlock()
	t := c.s.tbl(ResWebhooks)
	found := webhookOfType(t, c.in["type"])
	if found == nil {
		c.fail(&apiError{http.StatusNotFound, map[string]any{"errors": "Resource not found"}})
		return
	}
	t.remove(found["id"].(int))
	c.respond(found)
}

// findEmployeeByCode answers the employee a payroll integration code is

// prepareWebhook: subscriptions belong to the (single) company.
func prepareWebhook(c *call, rec, old map[string]any) { rec["company_id"] = 1 }
