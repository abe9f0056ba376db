package sandbox

// Recruitment (ATS): job postings and candidate messages.

// duplicatePosting copies a job posting: title + " Copy", status draft.
func (c *call) duplicatePosting() {
	c.duplicate(ResJobPostings, func(src, rec map[string]any) {
		rec["title"] = fmtVal(src["title"]) + " Copy"
		rec["status"] = "draft"
		rec["candidate_count"] = 0
	})
}

// prepareJobPosting stamps a new posting's creation_date.
func prepareJobPosting(c *call, rec, old map[string]any) {
	if old == nil {
		rec["creation_date"] = rec["created_at"]
	}
}

// prepareAtsMessage: a message joins its application's conversation, sent
// now by the caller.
func prepareAtsMessage(c *call, rec, old map[string]any) {
	if app := c.s.tbl(ResApplications).recs[intOr(rec["job_application_id"])]; app != nil && rec["conversation_id"] == nil {
		rec["conversation_id"] = app["conversation_id"]
	}
	if old == nil && (c.rt == nil || !c.rt.dated) {
		// v1's body names no sender: the caller sends it now. The dated
		// API's names the sender (prepareDatedAtsMessage).
		rec["sent_at"], rec["sent_by_type"], rec["sent_by_id"] = c.pj.now, "Access", c.p.EmployeeID
		setDefault(rec, "attachments", []any{})
	}
}
