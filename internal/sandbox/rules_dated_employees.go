package sandbox

// Dated API: the caller's credential, and the employee actions whose
// rules differ from v1's (hire with a contract, terminate, regular access).

// DemoCompanyName is the name of the seeded company (its legal entity is
// Acme Labs S.L.).
const DemoCompanyName = "Acme Labs"

// credentials answers who the caller is, as a page of one: for a user
// token the employee (id access-<access id>), for a company token or an
// API key the company (id company-1 or api_key-1); company_id always.
func (c *call) credentials() {
	c.locked(readLock, func() *apiError {
		cred := map[string]any{"_seq": 1, "company_id": 1}
		if c.p.Company || c.p.APIKey || c.p.EmployeeID == 0 {
			kind := "company"
			if c.p.APIKey {
				kind = "api_key"
			}
			cred["id"] = kind + "-1"
			cred["name"] = DemoCompanyName
			cred["locale"] = "en"
			cred["subscription_plan"] = "enterprise"
			cred["onboarded_on"] = "2019-01-15"
			cred["tos"], cred["gdpr_tos"] = true, true
			if ids := c.s.tbl(ResLegalEntities).ids; len(ids) > 0 {
				le := c.s.tbl(ResLegalEntities).recs[ids[0]]
				cred["legal_name"], cred["tin"] = le["legal_name"], le["tax_identification_number"]
			}
			return c.respondPage([]map[string]any{cred})
		}
		emp, aerr := principalEmployee(c)
		if aerr != nil {
			return aerr
		}
		access := emp["access_id"]
		if access == nil {
			access = emp["id"]
		}
		cred["id"] = "access-" + fmtVal(access)
		role := "basic"
		switch {
		case c.p.privileged():
			role = "admin"
		case c.s.leadsAnyone(c.p.EmployeeID):
			role = "manager"
		}
		cred["role"] = role
		cred["employee_id"] = emp["id"]
		for _, k := range []string{"email", "full_name", "first_name", "last_name"} {
			cred[k] = emp[k]
		}
		cred["login_email"] = emp["email"]
		return c.respondPage([]map[string]any{cred})
	})
}

// contractFields are hire inputs about the contract rather than the
// person; the employee record keeps them aside, under _contract.
var contractFields = []string{
	"contract_effective_on", "ends_on", "has_trial_period", "trial_period_ends_on", "job_catalog_tree_node_uuid",
	"a3_innuva_code", "a3_nom_code", "contracts_bank_holiday_treatment", "contracts_annual_working_time_distribution",
	"contracts_working_time_percentage_in_cents", "contracts_max_legal_yearly_hours", "contracts_maximum_weekly_hours",
}

// createWithContract hires an employee: the employee's rules as on a v1
// create (a unique email, existing managers, company defaults), the
// contract's start as the start date, and membership of team_id when
// given. It answers 200 with the employee (an action, not a create).
func (c *call) createWithContract() {
	rec := clone(c.in)
	delete(rec, "id")
	if v, ok := rec["address_line1"]; ok {
		rec["address_line_1"] = v
		delete(rec, "address_line1")
	}
	if v, ok := rec["contract_starts_on"]; ok {
		rec["start_date"] = v
		delete(rec, "contract_starts_on")
	}
	contract := map[string]any{}
	for _, k := range contractFields {
		if v, ok := rec[k]; ok {
			contract[k] = v
			delete(rec, k)
		}
	}
	rec["_contract"] = contract
	teamID, hasTeam := toInt(rec["team_id"])
	delete(rec, "team_id")
	c.locked(writeLock, func() *apiError {
		var team map[string]any
		if hasTeam {
			if team = c.s.tbl(ResTeams).recs[teamID]; team == nil {
				return invalid("team_id", "The team does not exist")
			}
		}
		if aerr := c.insert(ResEmployees, rec); aerr != nil {
			return aerr
		}
		if team != nil {
			c.s.setMembership(team, rec, true, nil)
		}
		c.respond(c.s.tbl(ResEmployees).recs[rec["id"].(int)])
		return nil
	})
}

// setRegularAccessStart sets the day the employee gets regular access
// (today when starts_on is not given).
func (c *call) setRegularAccessStart() {
	c.edit(ResEmployees, func(rec map[string]any) *apiError {
		on, _ := c.in["starts_on"].(string)
		if on == "" {
			on = c.pj.today
		}
		rec["regular_access_starts_on"] = on
		return nil
	})
}

// terminateDated sets terminated_on and the reason: the employee stays
// active, terminating, until that day. An employee already terminated
// cannot be terminated again (unterminate first). Unlike v1's
// termination_assigned_manager_id, which moves the leaver's reports, the
// dated field records who terminated the employee.
func (c *call) terminateDated() {
	c.edit(ResEmployees, func(rec map[string]any) *apiError {
		if rec["terminated_on"] != nil {
			return invalid("base", "The employee is already terminated on "+fmtVal(rec["terminated_on"]))
		}
		rec["terminated_on"] = c.in["terminated_on"]
		rec["termination_reason"] = c.in["termination_reason"]
		if v, ok := c.in["termination_assigned_manager_id"]; ok {
			id, _ := toInt(v)
			if c.s.tbl(ResEmployees).recs[id] == nil {
				return invalid("termination_assigned_manager_id", "The manager does not belong to the company")
			}
			rec["termination_assigned_manager_id"] = id
		}
		return nil
	})
}

// nextAccessID is the access (login) id a new employee gets: one more
// than the highest in use. The caller holds the write lock.
func (s *Sandbox) nextAccessID() int {
	n := 0
	s.tbl(ResEmployees).each(func(e map[string]any) bool {
		n = max(n, intOr(e["access_id"]))
		return true
	})
	return n + 1
}
