package sandbox

// Dated API: the documents' trash bin.

// trashDocuments moves the body's documents to the trash bin (in) or back
// out of it: deleted_at is set or cleared. Every id must name a document
// (404 naming the first that does not); the documents are answered, a bare
// array.
func (c *call) trashDocuments(in bool) {
	c.locked(writeLock, func() *apiError {
		olds, aerr := c.recordsByIDs(ResDocuments, listOf(c.in["document_ids"]))
		if aerr != nil {
			return aerr
		}
		out := []map[string]any{}
		for _, old := range olds {
			rec := clone(old)
			switch {
			case in && rec["deleted_at"] == nil:
				rec["deleted_at"] = c.pj.now
			case !in:
				rec["deleted_at"] = nil
			}
			if aerr := c.replace(ResDocuments, rec, old); aerr != nil {
				return aerr
			}
			out = append(out, c.decorate(rec))
		}
		c.respondList(out)
		return nil
	})
}

func (c *call) moveToTrashBin()      { c.trashDocuments(true) }
func (c *call) restoreFromTrashBin() { c.trashDocuments(false) }
