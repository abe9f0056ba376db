package main

import (
	"context"
	"crypto/rand"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/oauth"
	"github.com/factorial-go/factorial/resources"
	"github.com/factorial-go/factorial/webhook"
)

// The second half of the demo: the guide's steps again, on Factorial's
// current API (the dated one, /api/<version>/resources), against the same
// sandbox: a token with a granular scope, who the credentials are, a list
// walked page by page, and a webhook subscription that receives a
// delivery. As in the first half, no token, code or challenge is printed.

// demoPageSize is the page size of the paginated list: small, so that the
// demo company's employees fill several pages.
const demoPageSize = 2

// demoEvent is the webhook event the demo subscribes to and raises (an
// employee update), and demoHookPath where its receiver listens.
const (
	demoEvent    = "employees/employee/update"
	demoHookPath = "/hooks/" + demoEvent
)

// demoPreferredName is what the demo sets as Bea Basic's preferred name,
// to raise demoEvent.
const demoPreferredName = "Bee"

// runDated walks steps 7 onwards. cfg is the guide's OAuth application.
func (d *demo) runDated(ctx context.Context, cfg *oauth.Config) error {
	version := d.version
	if version == apiV1 {
		version = factorial.DefaultAPIVersion
	}
	fmt.Fprintf(d.w, "\nThe current API in depth (version %s)\n", version)
	fmt.Fprintln(d.w, "Factorial's dated API lives under /api/<version>/resources/...: the version is a")
	fmt.Fprintln(d.w, "date (factorial.WithAPIVersion), lists come in pages, ids are strings, each area")
	fmt.Fprintln(d.w, "needs its own OAuth scope, and changes can be pushed to you by webhooks.")

	// 7. A token with the dated API's scope.
	d.step(7, "Request a token with a granular scope")
	d.say("The same OAuth application; the authorization asks for the one scope the calls below")
	d.say("need: %s (employees and teams). Credentials and webhook subscriptions need none.", oauth.ScopeEmployees)
	cb, err := listenCallback(0)
	if err != nil {
		return err
	}
	defer cb.close()
	auth, err := cfg.Authorize(oauth.AuthScopes(oauth.ScopeEmployees), oauth.AuthRedirectURI(cb.redirectURI))
	if err != nil {
		return err
	}
	cb.serve(auth)
	d.say("  %s", auth.URL)
	if err := d.consent(ctx, auth.URL); err != nil {
		return err
	}
	waitCtx, cancel := context.WithTimeout(ctx, 10*time.Second)
	code, err := cb.wait(waitCtx)
	cancel()
	if err != nil {
		return fmt.Errorf("waiting for the redirect: %w", err)
	}
	tok, err := cfg.Exchange(ctx, code, auth)
	if err != nil {
		return err
	}
	d.say("Response: token_type %s, expires_in %d, scope %q; tokens received (not shown).",
		tok.TokenType, tok.ExpiresIn, strings.Join(tok.Scopes, " "))
	ts, err := oauth.NewTokenSource(cfg, oauth.NewMemoryStore(tok), oauth.WithBaseContext(ctx))
	if err != nil {
		return err
	}
	client, err := factorial.NewClient(factorial.WithBaseURL(d.base), factorial.WithTokenSource(ts),
		factorial.WithAPIVersion(version),
		factorial.WithHTTPClient(d.traced), factorial.WithUserAgent(userAgent))
	if err != nil {
		return err
	}
	r := client

	// 8. Who am I.
	d.step(8, "Who the token acts as: the credentials")
	d.say("client.Credentials.List(ctx, nil):")
	creds, err := r.Credentials.List(ctx, nil)
	if err != nil {
		return err
	}
	if len(creds) == 0 {
		return errors.New("the credentials list is empty")
	}
	me := creds[0]
	d.say("You are %s; credential %q of company %q.", describeCredential(me), me.ID, me.CompanyID)
	d.say("(A company token or an API key describes the company instead of a person.)")

	// 9. A paginated list.
	d.step(9, "List employees, page by page")
	d.say("client.Employees.ListPage(ctx, &resources.ListEmployeesParams{Limit: %d, AfterID: cursor}),", demoPageSize)
	d.say("each page's meta.end_cursor being the next page's after_id:")
	pages, total, err := d.walkEmployees(ctx, r)
	if err != nil {
		return err
	}
	d.say("client.Employees.List(ctx, params) follows the same cursors itself and returns")
	d.say("every employee (ListIter yields them one page at a time instead):")
	all, err := r.Employees.List(ctx, &resources.ListEmployeesParams{Limit: factorial.Ptr(demoPageSize)})
	if err != nil {
		return err
	}
	if len(all) != total {
		return fmt.Errorf("the employee list has %d employees, its pages %d", len(all), total)
	}
	d.say("%d employees in %d pages of %d.", len(all), pages, demoPageSize)

	// 10. A webhook.
	if err := d.webhook(ctx, r, me.CompanyID); err != nil {
		return err
	}

	d.say("Logging out revokes the token:")
	return cfg.Revoke(ctx, tok.RefreshToken, oauth.RefreshTokenHint)
}

// walkEmployees lists the employees a page at a time, printing each page
// and its metadata; it returns the number of pages and of employees.
func (d *demo) walkEmployees(ctx context.Context, r *factorial.Client) (pages, total int, err error) {
	params := &resources.ListEmployeesParams{Limit: factorial.Ptr(demoPageSize)}
	for {
		page, err := r.Employees.ListPage(ctx, params)
		if err != nil {
			return 0, 0, err
		}
		pages++
		total += len(page.Data)
		names := make([]string, len(page.Data))
		for i, e := range page.Data {
			names[i] = e.ID + " " + datedEmployeeName(e)
		}
		m := page.Meta
		after := "none"
		if params.AfterID != nil {
			after = fmt.Sprintf("%q", *params.AfterID)
		}
		d.say("page %d (after_id %s): %s", pages, after, strings.Join(names, ", "))
		d.say("  meta: total %d, has_next_page %t, end_cursor %s", m.Total, m.HasNextPage, quoteOpt(m.EndCursor))
		if !m.HasNextPage || m.EndCursor == nil || *m.EndCursor == "" {
			return pages, total, nil
		}
		if pages >= 100 {
			return 0, 0, errors.New("more than 100 pages: the server keeps answering has_next_page")
		}
		params.AfterID = m.EndCursor
	}
}

// delivery is what the demo's webhook receiver accepted.
type delivery struct {
	employee resources.Employee
	d        webhook.Delivery
}

// webhook is step 10: a loopback receiver, a subscription, the event, the
// delivery, and the subscription's removal.
func (d *demo) webhook(ctx context.Context, r *factorial.Client, companyID string) error {
	d.step(10, "Receive a webhook")
	// The challenge proves a delivery comes from the subscription: Factorial
	// sends it back in every delivery's x-factorial-wh-challenge header. It
	// is a shared secret, so it is random and never printed.
	challenge := rand.Text()
	got := make(chan delivery, 1)
	h, err := webhook.NewHandler(demoEvent, challenge, func(_ context.Context, e resources.Employee, wd webhook.Delivery) error {
		select {
		case got <- delivery{employee: e, d: wd}:
		default: // a redelivery: the first one is what the demo shows
		}
		return nil
	})
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return fmt.Errorf("listen for webhooks: %w", err)
	}
	mux := http.NewServeMux()
	mux.Handle("POST "+demoHookPath, h)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go func() { _ = srv.Serve(ln) }()
	defer func() {
		shutdown, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		_ = srv.Shutdown(shutdown)
	}()
	target := "http://" + ln.Addr().String() + demoHookPath
	d.say("A receiver listens on loopback, one URL per event:")
	d.say("  %s", target)
	d.say("webhook.NewHandler(%q, challenge, func(ctx, e resources.Employee, d webhook.Delivery) error)", demoEvent)
	d.say("accepts a delivery only when its x-factorial-wh-challenge header equals the challenge")
	d.say("(compared in constant time) and the body decodes into resources.Employee.")

	d.say("Subscribe, with a random challenge (a shared secret: not shown):")
	sub, err := r.Webhooks.Create(ctx, resources.WebhookSubscriptionCreate{
		CompanyID:        companyID,
		SubscriptionType: demoEvent,
		TargetURL:        target,
		Challenge:        &challenge,
		Name:             factorial.Ptr("factorial demo"),
	})
	if err != nil {
		return err
	}
	d.say("Subscription %q: %s -> %s (enabled %t, payload version %s).", sub.ID, sub.Type, sub.TargetURL, sub.Enabled, sub.APIVersion)

	d.say("Raise the event: set Bea Basic's preferred name to %q.", demoPreferredName)
	if _, err := r.Employees.Update(ctx, "1003", resources.EmployeeUpdate{ID: "1003", PreferredName: factorial.Ptr(demoPreferredName)}); err != nil {
		return err
	}
	wait := time.NewTimer(10 * time.Second)
	defer wait.Stop()
	var in delivery
	select {
	case in = <-got:
	case <-wait.C:
		return errors.New("no webhook delivery within 10 seconds")
	case <-ctx.Done():
		return ctx.Err()
	}
	author := "not named"
	if in.d.AuthorType != "" {
		author = strings.TrimSpace(in.d.AuthorType + " " + in.d.AuthorID)
	}
	d.say("The receiver got POST %s from the sandbox, as Factorial delivers:", demoHookPath)
	d.say("  event %s, challenge header matched (not shown), author %s", in.d.Event, author)
	d.say("  payload: the bare resources.Employee (%d bytes), employee %s %s, preferred_name %s",
		len(in.d.Body), in.employee.ID, datedEmployeeName(in.employee), quoteOpt(in.employee.PreferredName))

	d.say("Unsubscribe:")
	if _, err := r.Webhooks.Delete(ctx, sub.ID); err != nil {
		return err
	}
	return nil
}

// quoteOpt is the quoted string, or null.
func quoteOpt(p *string) string {
	if p == nil {
		return "null"
	}
	return fmt.Sprintf("%q", *p)
}
