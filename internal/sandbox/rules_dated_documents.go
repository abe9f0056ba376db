package sandbox

// Dated API: the documents' trash bin.

// trashDocuments moves the body's documents to the trash bin (in) or back
// out of it: deleted_at is set or cleared. Every id must name a document
// (404 naming the first that does not); the documents are answered, a bare
// array.
func (c *call) trashDocuments(in bool) {
	c.locked(writeLock, func() *apiError {
		raw, _ := c.in["document_ids"].([]any)
		t := c.s.tbl(ResDocuments)
		for _, x := range raw {
			if id, ok := x.(int); !ok || t.recs[id] == nil {
				return notFound(fmtVal(x))
			}
		}
		out := []map[string]any{}
		for _, x := range raw {
			old := c.s.tbl(ResDocuments).recs[x.(int)]
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
