package sandbox

// Dated API: team memberships, records of their own that mirror the teams'
// employee_ids and lead_ids (setMembership writes every side).

// membershipEnds finds the team and the employee a request names by
// team_id and employee_id (422 when either does not exist).
func (c *call) membershipEnds(teamID, empID int) (team, emp map[string]any, aerr *apiError) {
	if team = c.s.tbl(ResTeams).recs[teamID]; team == nil {
		return nil, nil, invalid("team_id", "The team does not exist")
	}
	if emp = c.s.tbl(ResEmployees).recs[empID]; emp == nil {
		return nil, nil, invalid("employee_id", "The employee does not belong to the company")
	}
	return team, emp, nil
}

// createMembership adds an employee to a team, as a lead when lead is
// true; an employee is in a team once (422 otherwise). 201.
func (c *call) createMembership() {
	c.locked(writeLock, func() *apiError {
		teamID, empID := intOr(c.in["team_id"]), intOr(c.in["employee_id"])
		team, emp, aerr := c.membershipEnds(teamID, empID)
		if aerr != nil {
			return aerr
		}
		if c.s.membershipOf(teamID, empID) != nil {
			return invalid("employee_id", "has already been taken")
		}
		lead, _ := toBool(c.in["lead"])
		c.s.setMembership(team, emp, true, &lead)
		c.respond(c.s.membershipOf(teamID, empID))
		return nil
	})
}

// updateMembership changes the lead flag (the only thing that can change).
func (c *call) updateMembership() {
	c.onRecord(writeLock, byID(ResMemberships), func(m map[string]any) *apiError {
		teamID, empID := intOr(m["team_id"]), intOr(m["employee_id"])
		team, emp, aerr := c.membershipEnds(teamID, empID)
		if aerr != nil {
			return aerr
		}
		var lead *bool
		if v, ok := c.in["lead"]; ok && v != nil {
			b, _ := toBool(v)
			lead = &b
		}
		c.s.setMembership(team, emp, true, lead)
		c.respond(c.s.membershipOf(teamID, empID))
		return nil
	})
}

// deleteMembership takes the employee out of the team and answers the
// deleted membership.
func (c *call) deleteMembership() {
	c.onRecord(writeLock, byID(ResMemberships), func(m map[string]any) *apiError {
		team := c.s.tbl(ResTeams).recs[intOr(m["team_id"])]
		emp := c.s.tbl(ResEmployees).recs[intOr(m["employee_id"])]
		if team != nil && emp != nil {
			c.s.setMembership(team, emp, false, nil)
		}
		c.s.store(ResMemberships).remove(m["id"].(int))
		c.respond(m)
		return nil
	})
}
