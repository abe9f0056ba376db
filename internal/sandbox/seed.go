package sandbox

import (
	"strings"
	"time"
)

// seed writes the demo company: fixed data, dates relative to the clock's
// day, no randomness. Resources without hand-written records, of either
// API, get one record synthesised from their schema, so every GET-by-id has
// something to find.
// The caller holds the write lock.
func (s *Sandbox) seed() {
	now := s.clock().UTC()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	day := func(offset int) string { return today.AddDate(0, 0, offset).Format(time.DateOnly) }
	at := func(offset int, hhmm string) string { return day(offset) + "T" + hhmm + ":00Z" }
	year := today.Format("2006")
	stamp := now.Format(time.RFC3339)
	put := func(res string, recs ...map[string]any) {
		for _, r := range recs {
			r = normalize(r).(map[string]any)
			setDefault(r, "created_at", stamp)
			setDefault(r, "updated_at", stamp)
			s.store(res).insert(r)
		}
	}
	type M = map[string]any
	addr := func(city, state, postal, line1 string) M {
		return M{"country": "es", "city": city, "state": state, "postal_code": postal, "address_line_1": line1, "address_line_2": nil}
	}
	with := func(base M, more M) M {
		for k, v := range more {
			base[k] = v
		}
		return base
	}

	put(ResLegalEntities, with(addr("Barcelona", "Barcelona", "08001", "Carrer de la Pau 1"), M{
		"id": 1, "legal_name": "Acme Labs S.L.", "tax_identification_number": "B12345678", "currency": "EUR", "company_id": 1}))
	put(ResLocations,
		with(addr("Barcelona", "Barcelona", "08001", "Carrer de la Pau 1"), M{"id": 1, "name": "Barcelona HQ",
			"phone_number": "+34 930 000 001", "timezone": "Europe/Madrid", "company_holidays_ids": []int{1, 2, 3, 5}, "company_holiday_ids": []int{1, 2, 3, 5},
			"main": true, "latitude": 41.3818, "longitude": 2.1685, "radius": 200}),
		with(addr("Madrid", "Madrid", "28001", "Calle Mayor 10"), M{"id": 2, "name": "Madrid office",
			"phone_number": "+34 910 000 002", "timezone": "Europe/Madrid", "company_holidays_ids": []int{4}, "company_holiday_ids": []int{4},
			"main": false, "latitude": 40.4153, "longitude": -3.7074, "radius": 200}))
	put(ResWorkplaces,
		with(addr("Barcelona", "Barcelona", "08001", "Carrer de la Pau 1"), M{"id": 1, "name": "Barcelona HQ", "phone_number": "+34 930 000 001",
			"company_id": 1, "legal_entity_id": 1, "payroll_policy_id": 1, "main": true, "timezone": "Europe/Madrid"}),
		with(addr("Madrid", "Madrid", "28001", "Calle Mayor 10"), M{"id": 2, "name": "Madrid office", "phone_number": "+34 910 000 002",
			"company_id": 1, "legal_entity_id": 1, "payroll_policy_id": 1, "main": false, "timezone": "Europe/Madrid"}))
	put(ResCompanyHolidays,
		M{"id": 1, "summary": "New Year's Day", "description": "Any Nou", "date": year + "-01-01", "half_day": nil, "location_id": 1},
		M{"id": 2, "summary": "Labour Day", "description": "Dia del Treball", "date": year + "-05-01", "half_day": nil, "location_id": 1},
		M{"id": 3, "summary": "Christmas Day", "description": "Nadal", "date": year + "-12-25", "half_day": nil, "location_id": 1},
		M{"id": 4, "summary": "San Isidro", "description": "Madrid's patron saint", "date": year + "-05-15", "half_day": nil, "location_id": 2},
		M{"id": 5, "summary": "Christmas Eve", "description": "Afternoon off", "date": year + "-12-24", "half_day": "end_of_day", "location_id": 1})

	// n is the person's position (1-5): it varies addresses, phone numbers
	// and seniority; id is the employee id (DemoAdminID...).
	person := func(id, n int, first, last, email, gender, role string, managerID any, teams []int, birthday, ident string, extra M) M {
		digit := string(rune('0' + n))
		e := with(addr("Barcelona", "Barcelona", "0800"+digit, "Carrer Demo "+ident[:2]), M{
			"id": id, "first_name": first, "last_name": last, "full_name": first + " " + last,
			"email": email, "role": role,
			"birthday_on": birthday, "gender": gender, "nationality": "es",
			"identifier": ident, "identifier_type": "dni", "bank_number": "ES9121000418450200051" + ident[:3],
			"swift_bic": "CAIXESBBXXX", "social_security_number": "08/1234567" + ident[:2], "tax_id": ident,
			"phone_number": "+34 600 000 00" + digit, "company_id": 1, "legal_entity_id": 1,
			"location_id": 1, "manager_id": managerID, "timeoff_manager_id": managerID, "timeoff_policy_id": 1,
			"start_date": day(-365 * n), "regular_access_starts_on": day(-365 * n),
			"terminated_on": nil, "termination_reason": nil, "team_ids": teams, "company_holiday_ids": []int{1, 2, 3, 5},
			"avatar": nil, "company_identifier": "ACME-00" + digit, "access_id": n,
			"hiring": M{"base_compensation_amount_in_cents": 3000000 + 500000*n, "base_compensation_type": "yearly"},
		})
		return with(e, extra)
	}
	put(ResEmployees,
		person(DemoAdminID, 1, "Ada", "Admin", DemoAdminEmail, "female", "admin", nil, []int{2}, "1985-02-11", "11111111H", nil),
		person(DemoManagerID, 2, "Manu", "Manager", DemoManagerEmail, "male", "basic", DemoAdminID, []int{1}, "1988-06-23", "22222222J", nil),
		person(DemoBasicID, 3, "Bea", "Basic", DemoBasicEmail, "female", "basic", DemoManagerID, []int{1}, "1993-09-02", "33333333P", nil),
		person(DemoBasic2ID, 4, "Bruno", "Basic", DemoBasic2Email, "male", "basic", DemoManagerID, []int{1}, "1995-12-30", "44444444A", nil),
		person(DemoTerminatedID, 5, "Tere", "Terminated", DemoTerminatedEmail, "female", "basic", DemoManagerID, []int{}, "1990-04-17", "55555555K",
			M{"terminated_on": day(-30), "termination_reason": "End of contract", "termination_reason_type": "company"}))
	put(ResTeams,
		M{"id": 1, "name": "Engineering", "description": "Builds the product", "avatar": nil,
			"employee_ids": []int{DemoManagerID, DemoBasicID, DemoBasic2ID}, "lead_ids": []int{DemoManagerID}},
		M{"id": 2, "name": "People", "description": "HR and operations", "avatar": nil,
			"employee_ids": []int{DemoAdminID}, "lead_ids": []int{DemoAdminID}})

	put(ResLeaveTypes,
		M{"id": 1, "name": "Vacation", "identifier": "holiday", "color": "07A2AD", "accrues": true, "active": true,
			"approval_required": true, "attachment": false, "visibility": true, "workable": false,
			"half_days_units_enabled": true, "max_days_in_cents": nil, "min_days_in_cents": nil, "payable": true},
		M{"id": 2, "name": "Sick leave", "identifier": "sick_leave", "color": "E4544A", "accrues": false, "active": true,
			"approval_required": false, "attachment": true, "visibility": false, "workable": false,
			"half_days_units_enabled": false, "max_days_in_cents": nil, "min_days_in_cents": nil, "payable": true},
		M{"id": 3, "name": "Training", "identifier": "custom", "color": "6A5ACD", "accrues": false, "active": true,
			"approval_required": true, "attachment": false, "visibility": true, "workable": true,
			"half_days_units_enabled": true, "max_days_in_cents": 500, "min_days_in_cents": 50, "payable": false})
	put(ResLeaves,
		M{"id": 1, "employee_id": DemoBasicID, "leave_type_id": 1, "start_on": day(7), "finish_on": day(11),
			"half_day": nil, "approved": true, "description": "Summer trip", "hours_amount_in_cents": nil},
		M{"id": 2, "employee_id": DemoBasic2ID, "leave_type_id": 2, "start_on": day(-3), "finish_on": day(-2),
			"half_day": nil, "approved": true, "description": "Flu", "hours_amount_in_cents": nil},
		M{"id": 3, "employee_id": DemoManagerID, "leave_type_id": 1, "start_on": day(21), "finish_on": day(21),
			"half_day": "beggining_of_day", "approved": false, "description": "Dentist", "hours_amount_in_cents": 400})
	put(ResPolicies, M{"id": 1, "name": "Spain default", "description": "23 working days a year", "main": true,
		"default_allowance_id": 1, "allowance_incidences": 0, "company_id": 1})

	put(ResShifts,
		M{"id": 1, "employee_id": DemoBasicID, "day": today.AddDate(0, 0, -1).Day(), "month": int(today.AddDate(0, 0, -1).Month()),
			"year": today.AddDate(0, 0, -1).Year(), "clock_in": "09:00", "clock_out": "17:30", "_clock_in_at": at(-1, "09:00"),
			"observations": nil, "location_type": "office"},
		M{"id": 2, "employee_id": DemoBasic2ID, "day": today.AddDate(0, 0, -1).Day(), "month": int(today.AddDate(0, 0, -1).Month()),
			"year": today.AddDate(0, 0, -1).Year(), "clock_in": "08:30", "clock_out": "16:30", "_clock_in_at": at(-1, "08:30"),
			"observations": "Left early", "location_type": "work_from_home"})
	put(ResAttendance,
		M{"id": 1, "employee_id": DemoBasicID, "clock_in": at(-1, "09:00"), "clock_out": at(-1, "17:30"),
			"observations": nil, "location_type": "office", "workable": true, "automatic_clock_in": false, "automatic_clock_out": false},
		M{"id": 2, "employee_id": DemoBasicID, "clock_in": at(-1, "13:00"), "clock_out": at(-1, "13:45"),
			"observations": "Lunch", "workable": false, "time_settings_break_configuration_id": 1})
	put(ResBreakConfigurations, M{"id": 1, "date": day(0), "employee_id": DemoBasicID,
		"break_configurations": []M{{"time_settings_break_configuration_id": 1, "name": "Lunch", "paid": false}}})
	put(ResManagedShifts,
		M{"id": 1, "employee_id": DemoBasicID, "start_at": at(1, "09:00"), "end_at": at(1, "17:00"), "state": "draft",
			"notes": "Opening shift", "location_id": 1, "work_area_id": nil, "extra_hours": false},
		M{"id": 2, "employee_id": DemoBasic2ID, "start_at": at(1, "13:00"), "end_at": at(1, "21:00"), "state": "published",
			"notes": nil, "location_id": 1, "work_area_id": nil, "extra_hours": false})

	put(ResFolders, M{"id": 1, "name": "Contracts", "active": true, "company_id": 1, "type": "custom", "space": "employee_my_documents"})
	put(ResDocuments, M{"id": 1, "employee_id": DemoBasicID, "company_id": 1, "folder_id": 1, "filename": "contract.pdf",
		"url": "https://sandbox.factorial.test/uploads/contract.pdf", "file": "https://sandbox.factorial.test/uploads/contract.pdf", "public": false,
		"author_id": 1, "content_type": "application/pdf", "file_size": 48213, "space": "employee_my_documents"})
	put(ResTasks, M{"id": 1, "name": "Sign your contract", "content": "Sign and upload it", "due_on": day(3),
		"assignee_ids": []int{DemoBasicID}, "completed_at": nil})
	put(ResTaskFiles, M{"id": 1, "task_id": 1, "filename": "contract.pdf", "path": "/tasks/1/contract.pdf"})
	put(ResWebhooks, M{"id": 1, "type": "employee_created", "target_url": "https://hooks.acme.test/factorial", "company_id": 1})
	put(ResWebhooksV2, M{"id": 1, "subscription_type": "Employees::Events::EmployeeCreated", "name": "HRIS sync",
		"challenge": "sandbox-challenge", "target_url": "https://hooks.acme.test/v2", "company_id": 1})
	put(ResEvents, M{"id": 1, "type": "employee_created", "name": "Employee created", "datetime": stamp, "resource_id": DemoBasic2ID})
	put(ResAPIKeys, M{"id": 1, "name": "Data warehouse", "token": "sandbox-api-key-1", "token_digest": "****-1"})

	put(ResCustomFields, M{"id": 1, "label": "T-shirt size", "identifier": "t_shirt_size", "position": 1, "required": false,
		"field_type": "single_choice", "min_value": nil, "max_value": nil, "slug_id": 1, "slug_name": "t_shirt_size",
		"field_group": "employees-questions", "choice_options": []M{
			{"id": 1, "label": "S", "value": "s", "is_active": true}, {"id": 2, "label": "M", "value": "m", "is_active": true}}})
	put(ResCustomValues, M{"id": 1, "field_id": 1, "instance_id": DemoBasicID, "label": "T-shirt size", "value": "m",
		"required": false, "slug_id": 1, "slug_name": "t_shirt_size"})
	put(ResCustomTables, M{"id": 1, "name": "Equipment", "topic_name": "employees", "custom_resources_topic_id": 1,
		"reportable": true, "hidden": false})
	put(ResCustomTableFields, M{"id": 1, "custom_table_id": 1, "label": "Laptop", "identifier": "laptop", "position": 1,
		"required": false, "field_type": "text", "slug_id": 2, "slug_name": "laptop"})
	put(ResCustomTableValues, M{"id": 1, "custom_table_id": 1, "employee_id": DemoBasicID, "1": "MacBook Pro 14"})
	put(ResPosts, M{"id": 1, "title": "Welcome Bruno!", "description": "Say hi to our new engineer", "type": "first_day",
		"allow_comments_and_reactions": true, "location": nil, "published_at": stamp, "starts_at": nil, "ends_at": nil,
		"visits_count": 12, "comments_count": 2, "reactions_count": 5, "cover_image_url": nil, "author_id": DemoAdminID,
		"posts_group_id": 1, "target_id": nil})
	put(ResJobPostings, M{"id": 1, "title": "Backend Engineer", "description": "Go and Postgres", "status": "published",
		"remote": true, "schedule_type": "full_time", "contract_type": "indefinite", "team_id": 1, "location_id": 1,
		"legal_entity_id": 1, "ats_company_id": 1, "salary_format": "range", "salary_from_amount_in_cents": 4500000,
		"salary_to_amount_in_cents": 6000000, "cv_requirement": "mandatory", "cover_letter_requirement": "optional",
		"phone_requirement": "optional", "photo_requirement": "do_not_ask", "creation_date": stamp, "candidate_count": 1, "questions": []M{}})
	put(ResCandidates, M{"id": 1, "first_name": "Carla", "last_name": "Candidate", "full_name": "Carla Candidate",
		"email": "carla@candidates.test", "talent_pool": true, "source": "linkedin", "medium": nil, "photo": nil,
		"application_count": 1, "consent_given_at": nil})
	put(ResApplications, M{"id": 1, "ats_candidate_id": 1, "ats_job_posting_id": 1, "ats_job_posting_title": "Backend Engineer",
		"first_name": "Carla", "last_name": "Candidate", "full_name": "Carla Candidate", "email": "carla@candidates.test",
		"source": "linkedin", "qualified": true, "conversation_id": 1, "ats_application_phase_id": 1,
		"ats_application_phase_name": "New", "ats_application_phase_type": "new", "answers": []M{}})
	put(ResAtsMessages, M{"id": 1, "conversation_id": 1, "content": "Thanks for applying!", "sent_by_type": "Access",
		"sent_by_id": DemoAdminID, "sent_at": stamp, "attachments": []string{}})

	put(ResContractVersions, M{"id": 1, "employee_id": DemoBasicID, "country": "es", "job_title": "Software Engineer",
		"role": "Engineer", "level": "Mid", "effective_on": day(-365 * 3), "starts_on": day(-365 * 3), "ends_on": nil,
		"has_payroll": true, "salary_amount": 4500000, "salary_frequency": "yearly", "working_week_days": "mon,tue,wed,thu,fri",
		"working_hours": 4000, "working_hours_frequency": "week", "compensation_ids": []int{1}})
	put(ResCompensations, M{"id": 1, "contract_version_id": 1, "description": "Meal vouchers", "compensation_type": "fixed",
		"amount": 11000, "unit": "money", "recurrence": "monthly", "sync_with_supplements": true, "contracts_taxonomy_id": 1,
		"starts_on": day(-365), "first_payment_on": day(-365), "calculation": "current_period"})
	put(ResTaxonomies, M{"id": 1, "name": "Meal vouchers", "archived": false, "default": true, "legal_entity_id": 1})
	put(ResSupplements, M{"id": 1, "employee_id": DemoBasicID, "contracts_compensation_id": 1, "contracts_taxonomy_id": 1,
		"amount_in_cents": 11000, "unit": "money", "effective_on": day(-4), "description_entity": "Meal vouchers",
		"created_by_access_id": DemoAdminID, "payroll_policy_period_id": 1, "validated": true})
	put(ResFamilySituations, M{"id": 1, "employee_id": DemoBasicID, "civil_status": "married", "number_of_dependants": 1})
	put(ResPayrollIntegrationCodes, M{"id": 1, "codeable_id": DemoBasicID, "codeable_type": "Employee", "integration": "a3nom",
		"code": "EMP-0003", "company_id": 1, "forfait_jours": false})

	s.seedDated(put)

	// Everything else: one record synthesised from the schema.
	for res, sh := range s.itemShape {
		if t := s.tbl(res); len(t.ids) == 0 {
			rec, _ := s.synth(sh, res, newProjector(now)).(map[string]any)
			if rec == nil {
				rec = map[string]any{}
			}
			rec["id"] = 1
			put(res, rec)
		}
	}
	// Tables of the dated API that no hand-written record fills get one
	// too, synthesised from the dated schema, its references the integers
	// the tables hold (the dated schemas type them as strings).
	for _, rt := range s.dated {
		if rt.item == nil || rt.kind == kindAction || rt.resource == "" || len(s.tbl(rt.resource).ids) > 0 {
			continue
		}
		rec, _ := s.synth(rt.item, rt.resource, newProjector(now)).(map[string]any)
		if rec == nil {
			rec = map[string]any{}
		}
		for name, sh := range rt.item.props {
			switch {
			case strings.HasSuffix(name, "_id") && sh.kind == shString:
				rec[name] = 1
			case strings.HasSuffix(name, "_ids") && sh.kind == shArray:
				rec[name] = []any{1}
			}
		}
		rec["id"] = 1
		put(rt.resource, rec)
	}
}

// synth invents a plausible value for a schema: its example, its first enum
// value, or something derived from the property name (x_id → 1, *_on → a
// date, email → an address).
func (s *Sandbox) synth(sh *shape, name string, pj projector) any {
	if sh.example != nil {
		return normalize(sh.example)
	}
	if len(sh.enum) > 0 {
		return sh.enum[0]
	}
	switch sh.kind {
	case shObject:
		out := map[string]any{}
		for _, n := range sh.names {
			if n != "id" {
				out[n] = s.synth(sh.props[n], n, pj)
			}
		}
		return out
	case shArray:
		if sh.items.kind == shInteger {
			return []any{1}
		}
		return []any{}
	case shInteger:
		return 1
	case shNumber:
		return 1.5
	case shBool:
		return false
	case shString:
		switch {
		case sh.format == "date" || strings.HasSuffix(name, "_on") || name == "date":
			return pj.today
		case sh.format == "date-time" || strings.HasSuffix(name, "_at") || name == "datetime":
			return pj.now
		case strings.Contains(name, "email"):
			return "demo@acme.test"
		case strings.Contains(name, "url") || name == "path":
			return "https://sandbox.factorial.test/" + name
		}
		return "Demo " + strings.ReplaceAll(name, "_", " ")
	}
	return nil
}
