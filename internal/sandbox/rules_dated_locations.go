package sandbox

// Dated API: work areas, the parts of a location that shifts are planned
// in. They are archived rather than deleted.

// prepareDatedWorkArea: a work area belongs to a location of the company
// (422 otherwise).
func prepareDatedWorkArea(c *call, rec, old map[string]any) *apiError {
	if c.s.tbl(ResLocations).recs[intOr(rec["location_id"])] == nil {
		return invalid("location_id", "The location does not exist")
	}
	setDefault(rec, "archived_at", nil)
	return nil
}

// archiveWorkArea sets archived_at; an archived work area keeps the time
// it was first archived.
func (c *call) archiveWorkArea() {
	c.edit(ResWorkAreas, func(rec map[string]any) *apiError {
		setDefault(rec, "archived_at", c.pj.now)
		return nil
	})
}

// unarchiveWorkArea clears archived_at.
func (c *call) unarchiveWorkArea() {
	c.edit(ResWorkAreas, func(rec map[string]any) *apiError {
		rec["archived_at"] = nil
		return nil
	})
}
