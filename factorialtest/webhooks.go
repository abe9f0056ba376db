package factorialtest

import (
	"context"
	"slices"
)

// WebhookDelivery is one event of the dated API delivered, or being
// delivered, to one webhook subscription: what was sent and how the
// attempts went.
type WebhookDelivery struct {
	SubscriptionID int    // the subscription (its id on the API is this number as a string)
	Type           string // the event, e.g. "timeoff/leave/approve"
	TargetURL      string
	// Challenge is the subscription's challenge, sent in the
	// x-factorial-wh-challenge header ("" sends no header).
	Challenge string
	// AuthorType and AuthorID are the x-factorial-author-type and -id
	// headers: "employee" and the employee id for a user's token,
	// "company" and "1" for a company token or an API key.
	AuthorType string
	AuthorID   string
	// Payload is the body POSTed: the record exactly as the API answered
	// the request that raised the event.
	Payload   []byte
	Attempts  int    // HTTP attempts made so far
	Status    int    // status of the last attempt; 0 when it got no answer
	Err       string // why the last attempt failed, if it did
	Delivered bool   // an attempt was answered 2xx
	Done      bool   // no further attempt will be made
}

// WebhookDeliveries returns every webhook delivery started so far, in the
// order the events happened, each as it stands now (attempts in progress
// included). Reset does not clear it.
func (s *Server) WebhookDeliveries() []WebhookDelivery {
	ds := s.sb.WebhookDeliveries()
	out := make([]WebhookDelivery, len(ds))
	for i, d := range ds {
		out[i] = WebhookDelivery{
			SubscriptionID: d.SubscriptionID, Type: d.Type, TargetURL: d.TargetURL, Challenge: d.Challenge,
			AuthorType: d.AuthorType, AuthorID: d.AuthorID, Payload: slices.Clone(d.Payload),
			Attempts: d.Attempts, Status: d.Status, Err: d.Err, Delivered: d.Delivered, Done: d.Done,
		}
	}
	return out
}

// WaitWebhooks blocks until no webhook delivery is in progress, retries
// and the waits between them included, or until ctx ends (its error is
// returned). A request's events are raised before its response is sent,
// so once a call has returned, WaitWebhooks covers the deliveries it
// caused:
//
//	c.TimeOff.ApproveLeave(ctx, resources.ApproveLeaveInput{ID: id})
//	srv.WaitWebhooks(ctx) // the receiver has had its POST (or it failed for good)
func (s *Server) WaitWebhooks(ctx context.Context) error { return s.sb.WaitWebhooks(ctx) }
