package sandbox

// Webhook delivery for the dated API's subscriptions. A successful write
// raises its event (raiseEvents); every enabled subscription of that type
// gets the bare payload POSTed to its target URL, asynchronously, with the
// subscription's challenge in x-factorial-wh-challenge and the author in
// x-factorial-author-type / -id. A failed attempt (a non-2xx answer or a
// connection error) is retried with doubling waits, up to the configured
// number of attempts (WithWebhookRetries); then the subscription is
// disabled, as Factorial disables one after 20 failures in 48 hours.
// Deliveries of different events are independent and may arrive in any
// order, as real webhooks do.

import (
	"bytes"
	"context"
	"net/http"
	"slices"
	"sync"
	"time"
)

// attemptTimeout bounds one delivery attempt.
const attemptTimeout = 10 * time.Second

// WebhookDelivery is one event's delivery to one subscription, as it
// stands: attempts made so far, the last outcome, and whether it is over.
type WebhookDelivery struct {
	SubscriptionID int
	Type           string // the event type, e.g. timeoff/leave/approve
	TargetURL      string
	Challenge      string // sent in x-factorial-wh-challenge ("" omits the header)
	AuthorType     string // x-factorial-author-type: employee or company
	AuthorID       string // x-factorial-author-id
	Payload        []byte // the JSON body: the record as the API returns it
	Attempts       int    // HTTP attempts made
	Status         int    // status of the last attempt (0: it got no answer)
	Err            string // why the last attempt failed, if it did
	Delivered      bool   // an attempt was answered 2xx
	Done           bool   // no attempt will follow (delivered, given up, disabled or closed)
}

type webhookAuthor struct{ kind, id string }

// dispatcher runs deliveries, one goroutine each, until closed.
type dispatcher struct {
	s      *Sandbox
	client *http.Client
	ctx    context.Context
	cancel context.CancelFunc
	wg     sync.WaitGroup

	mu     sync.Mutex // guards the fields below and every delivery in log
	log    []*WebhookDelivery
	active int           // deliveries not Done
	idle   chan struct{} // closed while active is 0
	closed bool
}

func newDispatcher(s *Sandbox) *dispatcher {
	ctx, cancel := context.WithCancel(context.Background())
	idle := make(chan struct{})
	close(idle)
	return &dispatcher{
		s: s, ctx: ctx, cancel: cancel, idle: idle,
		client: &http.Client{
			// A connection per attempt: nothing outlives close.
			Transport: &http.Transport{DisableKeepAlives: true},
			// A redirect is an answer, not something to follow.
			CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
		},
	}
}

// publish starts a delivery of payload to every enabled subscription of
// typ. Callers hold no store lock.
func (d *dispatcher) publish(typ string, payload []byte, author webhookAuthor) {
	var ds []*WebhookDelivery
	d.s.mu.RLock()
	d.s.tbl(ResWebhookSubscriptions).each(func(r map[string]any) bool {
		if r["type"] == typ && r["enabled"] == true {
			ch, _ := r["challenge"].(string)
			url, _ := r["target_url"].(string)
			ds = append(ds, &WebhookDelivery{
				SubscriptionID: r["id"].(int), Type: typ, TargetURL: url, Challenge: ch,
				AuthorType: author.kind, AuthorID: author.id, Payload: payload,
			})
		}
		return true
	})
	d.s.mu.RUnlock()
	if len(ds) == 0 {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.closed {
		return
	}
	for _, del := range ds {
		d.log = append(d.log, del)
		if d.active == 0 {
			d.idle = make(chan struct{})
		}
		d.active++
		d.wg.Add(1)
		go d.deliver(del)
	}
}

// deliver makes the attempts of one delivery.
func (d *dispatcher) deliver(del *WebhookDelivery) {
	defer d.wg.Done()
	defer d.finish(del)
	wait := d.s.hookBackoff
	for attempt := 1; attempt <= d.s.hookAttempts; attempt++ {
		if !d.s.subscriptionEnabled(del.SubscriptionID) {
			return
		}
		status, err := d.post(del)
		d.mu.Lock()
		del.Attempts, del.Status, del.Err = attempt, status, ""
		if err != nil {
			del.Err = err.Error()
		}
		del.Delivered = err == nil && status >= 200 && status < 300
		d.mu.Unlock()
		if del.Delivered || d.ctx.Err() != nil {
			return
		}
		if attempt == d.s.hookAttempts {
			d.s.disableSubscription(del.SubscriptionID)
			return
		}
		t := time.NewTimer(wait)
		select {
		case <-t.C:
		case <-d.ctx.Done():
			t.Stop()
			return
		}
		wait *= 2
	}
}

// post makes one attempt and returns the answer's status.
func (d *dispatcher) post(del *WebhookDelivery) (int, error) {
	if !loopbackURL(del.TargetURL) { // checked on subscribing; kept here as a backstop
		return 0, errNotLoopback
	}
	ctx, cancel := context.WithTimeout(d.ctx, attemptTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, del.TargetURL, bytes.NewReader(del.Payload))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("User-Agent", "factorial-sandbox-webhooks")
	if del.Challenge != "" {
		req.Header.Set("x-factorial-wh-challenge", del.Challenge)
	}
	if del.AuthorType != "" {
		req.Header.Set("x-factorial-author-type", del.AuthorType)
		req.Header.Set("x-factorial-author-id", del.AuthorID)
	}
	resp, err := d.client.Do(req)
	if err != nil {
		return 0, err
	}
	_ = resp.Body.Close()
	return resp.StatusCode, nil
}

type deliveryError string

func (e deliveryError) Error() string { return string(e) }

const errNotLoopback = deliveryError("sandbox: webhook target is not a loopback URL")

func (d *dispatcher) finish(del *WebhookDelivery) {
	d.mu.Lock()
	defer d.mu.Unlock()
	del.Done = true
	d.active--
	if d.active == 0 {
		close(d.idle)
	}
}

// deliveries returns copies of every delivery so far, in the order the
// events were raised.
func (d *dispatcher) deliveries() []WebhookDelivery {
	d.mu.Lock()
	defer d.mu.Unlock()
	out := make([]WebhookDelivery, len(d.log))
	for i, del := range d.log {
		out[i] = *del
		out[i].Payload = slices.Clone(del.Payload)
	}
	return out
}

// wait returns once no delivery is in progress (retries included), or
// with ctx's error.
func (d *dispatcher) wait(ctx context.Context) error {
	d.mu.Lock()
	idle := d.idle
	d.mu.Unlock()
	select {
	case <-idle:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// close cancels the attempts in flight and the waits between them, and
// returns once every delivery goroutine has ended. Later events are not
// delivered.
func (d *dispatcher) close() {
	d.mu.Lock()
	d.closed = true
	d.mu.Unlock()
	d.cancel()
	d.wg.Wait()
	d.client.CloseIdleConnections()
}

// WebhookDeliveries returns every webhook delivery the dated API has
// started, in the order the events happened, each as it stands now.
func (s *Sandbox) WebhookDeliveries() []WebhookDelivery { return s.hooks.deliveries() }

// WaitWebhooks blocks until no webhook delivery is in progress (waits
// between retries included) or ctx ends. The events of a request are
// raised before its response is sent, so after a call returns,
// WaitWebhooks covers its deliveries.
func (s *Sandbox) WaitWebhooks(ctx context.Context) error { return s.hooks.wait(ctx) }

// subscriptionEnabled reports whether a subscription still exists and is
// enabled (deliveries stop when it is disabled or deleted).
func (s *Sandbox) subscriptionEnabled(id int) bool {
	s.mu.RLock()
	defer s.mu.RUnlock()
	r := s.tbl(ResWebhookSubscriptions).recs[id]
	return r != nil && r["enabled"] == true
}

// disableSubscription turns a subscription off after its deliveries kept
// failing.
func (s *Sandbox) disableSubscription(id int) {
	s.mu.Lock()
	defer s.mu.Unlock()
	t := s.store(ResWebhookSubscriptions)
	if r := t.recs[id]; r != nil && r["enabled"] == true {
		r2 := clone(r)
		r2["enabled"] = false
		r2["updated_at"] = s.clock().UTC().Format(time.RFC3339)
		t.insert(r2)
	}
}
