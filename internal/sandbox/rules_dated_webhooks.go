package sandbox

// Dated API: webhook subscriptions. Deliveries are webhook.go's.

import (
	"net/url"

	"github.com/factorial-go/factorial/internal/loopback"
)

// createSubscription subscribes a target URL to an event type. The type
// must be one of the spec's x-webhook-events and the URL a loopback one
// (the sandbox delivers to this machine only); 422 otherwise. enabled
// defaults to true and api_version to the dated spec's version. 201.
func (c *call) createSubscription() {
	rec := map[string]any{
		"type": c.in["subscription_type"], "target_url": c.in["target_url"], "company_id": 1,
		"name": c.in["name"], "challenge": c.in["challenge"], "enabled": true, "api_version": DatedAPIVersion,
	}
	for _, k := range []string{"enabled", "api_version"} {
		if v, ok := c.in[k]; ok && v != nil {
			rec[k] = v
		}
	}
	if aerr := c.s.checkSubscription(rec); aerr != nil {
		c.fail(aerr)
		return
	}
	c.locked(writeLock, func() *apiError { return c.save(ResWebhookSubscriptions, rec, nil) })
}

// updateSubscription changes a subscription (enabled turns deliveries on
// and off), under the same rules as a create.
func (c *call) updateSubscription() {
	c.edit(ResWebhookSubscriptions, func(rec map[string]any) *apiError {
		for from, to := range map[string]string{
			"subscription_type": "type", "target_url": "target_url", "name": "name",
			"challenge": "challenge", "enabled": "enabled", "api_version": "api_version",
		} {
			if v, ok := c.in[from]; ok {
				rec[to] = v
			}
		}
		return c.s.checkSubscription(rec)
	})
}

// checkSubscription: a known event type and a loopback target URL.
func (s *Sandbox) checkSubscription(rec map[string]any) *apiError {
	typ, _ := rec["type"].(string)
	if s.events[typ] == nil {
		return invalid("subscription_type", "is not included in the list")
	}
	raw, _ := rec["target_url"].(string)
	if !loopbackURL(raw) {
		return invalid("target_url", "must be an http(s) URL on a loopback address (127.0.0.1, [::1] or localhost): the sandbox delivers webhooks to this machine only")
	}
	return nil
}

// loopbackURL reports an absolute http or https URL whose host is
// loopback.
func loopbackURL(raw string) bool {
	u, err := url.Parse(raw)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.User == nil && loopback.Host(u.Hostname())
}
