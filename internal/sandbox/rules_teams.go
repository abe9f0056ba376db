package sandbox

// Teams: defaults, and memberships kept on all sides (the team's
// employee_ids and lead_ids, the employee's team_ids, and the dated API's
// membership records).

import (
	"net/http"
	"slices"
	"strconv"
	"time"
)

func prepareTeam(c *call, rec, old map[string]any) {
	setDefault(rec, "employee_ids", []any{})
	setDefault(rec, "lead_ids", []any{})
}

// teamDeleted removes the team from its members' team_ids and drops its
// membership records. (Not through setMembership, which would store the
// deleted team again.)
func teamDeleted(s *Sandbox, team map[string]any) {
	teamID := team["id"].(int)
	ms := s.store(ResMemberships)
	var gone []int
	ms.each(func(m map[string]any) bool {
		if intOr(m["team_id"]) == teamID {
			gone = append(gone, m["id"].(int))
		}
		return true
	})
	for _, id := range gone {
		ms.remove(id)
	}
	emps := s.store(ResEmployees)
	now := s.clock().UTC().Format(time.RFC3339)
	for _, id := range intSlice(team["employee_ids"]) {
		if emp := emps.recs[id]; emp != nil {
			e := clone(emp)
			e["team_ids"] = anySlice(toggleID(intSlice(e["team_ids"]), teamID, false))
			e["updated_at"] = now
			emps.insert(e)
		}
	}
}

// membership assigns (POST), updates the lead flag of (PUT) or unassigns
// (DELETE) an employee, on both sides: the team's employee_ids/lead_ids and
// the employee's team_ids.
func (c *call) membership() {
	c.onRecord(writeLock, byID(ResTeams), func(team map[string]any) *apiError {
		raw := c.path["employee_id"]
		empID, _ := strconv.Atoi(raw)
		emp := c.s.tbl(ResEmployees).recs[empID]
		if emp == nil {
			return notFound(raw)
		}
		member := slices.Contains(intSlice(team["employee_ids"]), empID)
		switch c.r.Method {
		case http.MethodPost:
			var lead *bool
			if b, ok := toBool(c.in["lead"]); ok && c.in["lead"] != nil {
				lead = &b
			}
			team = c.s.setMembership(team, emp, true, lead)
		case http.MethodPut:
			if !member {
				return notFound(raw)
			}
			b, _ := toBool(c.in["lead"])
			team = c.s.setMembership(team, emp, true, &b)
		case http.MethodDelete:
			if !member {
				return notFound(raw)
			}
			team = c.s.setMembership(team, emp, false, nil)
		}
		c.respond(team)
		return nil
	})
}

// setMembership writes every side of a membership (team, employee,
// membership record) and returns the stored team. lead nil keeps the lead
// flag. Callers hold the write lock.
func (s *Sandbox) setMembership(team, emp map[string]any, in bool, lead *bool) map[string]any {
	teamID, empID := team["id"].(int), emp["id"].(int)
	t, e := clone(team), clone(emp)
	members, leads, teams := intSlice(t["employee_ids"]), intSlice(t["lead_ids"]), intSlice(e["team_ids"])
	members, teams = toggleID(members, empID, in), toggleID(teams, teamID, in)
	switch {
	case !in:
		leads = toggleID(leads, empID, false)
	case lead != nil:
		leads = toggleID(leads, empID, *lead)
	}
	t["employee_ids"], t["lead_ids"], e["team_ids"] = anySlice(members), anySlice(leads), anySlice(teams)
	now := s.clock().UTC().Format(time.RFC3339)
	t["updated_at"], e["updated_at"] = now, now
	s.store(ResTeams).insert(t)
	s.store(ResEmployees).insert(e)
	s.syncMembership(teamID, empID, in, slices.Contains(leads, empID))
	return t
}

// syncMembership keeps the membership record of empID in teamID in step:
// it exists exactly while in, with the lead flag. Callers hold the write
// lock.
func (s *Sandbox) syncMembership(teamID, empID int, in, lead bool) {
	t := s.store(ResMemberships)
	m := s.membershipOf(teamID, empID)
	switch {
	case !in:
		if m != nil {
			t.remove(m["id"].(int))
		}
	case m == nil:
		t.insert(map[string]any{"id": t.next, "team_id": teamID, "employee_id": empID, "lead": lead, "company_id": 1})
	case m["lead"] != lead:
		m2 := clone(m)
		m2["lead"] = lead
		t.insert(m2)
	}
}

// membershipOf finds the membership record of empID in teamID. Callers
// hold the lock.
func (s *Sandbox) membershipOf(teamID, empID int) map[string]any {
	var found map[string]any
	s.tbl(ResMemberships).each(func(m map[string]any) bool {
		if intOr(m["team_id"]) == teamID && intOr(m["employee_id"]) == empID {
			found = m
		}
		return found == nil
	})
	return found
}

func toggleID(ids []int, id int, in bool) []int {
	i := slices.Index(ids, id)
	switch {
	case in && i < 0:
		ids = append(ids, id)
		slices.Sort(ids)
	case !in && i >= 0:
		ids = slices.Delete(ids, i, i+1)
	}
	return ids
}
