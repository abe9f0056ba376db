package sandbox

import "strconv"

// Dated API: tasks. They are v1's task records (one company for both
// APIs): v1 names assignees by employee id, the dated API by access id,
// so the dated view and prepare translate between the two through the
// employees' access_id. A task's status is stored; v1's records, which
// have none, read as done once completed_at is set and as todo before.

// taskItemFields are the members of an item of a bulk update (the schema
// TaskBulkUpdateItem declares): nothing else of an item is written.
var taskItemFields = []string{"name", "content", "due_on", "assignee_ids", "status"}

// employeeOfAccess finds the employee whose access_id is access. The
// caller holds the lock.
func (s *Sandbox) employeeOfAccess(access int) (int, bool) {
	var found int
	s.tbl(ResEmployees).each(func(e map[string]any) bool {
		if intOr(e["access_id"]) == access && access != 0 {
			found = intOr(e["id"])
			return false
		}
		return true
	})
	return found, found != 0
}

// accessOf is the access id of an employee (0 when there is none). The
// caller holds the lock.
func (s *Sandbox) accessOf(employee int) int {
	if e := s.tbl(ResEmployees).recs[employee]; e != nil {
		return intOr(e["access_id"])
	}
	return 0
}

// viewTask shows assignees as access ids, the status (derived for v1's
// records) and the one company.
func viewTask(c *call, v map[string]any) {
	setDefault(v, "company_id", demoCompanyID)
	if v["status"] == nil {
		v["status"] = "todo"
		if v["completed_at"] != nil {
			v["status"] = "done"
		}
	}
	accesses := []any{}
	for _, emp := range intSlice(v["assignee_ids"]) {
		if a := c.s.accessOf(emp); a != 0 {
			accesses = append(accesses, a)
		}
	}
	v["assignee_ids"] = accesses
}

// employeesOfAccesses turns the access ids a request names as assignees
// into the employee ids the records hold: 422 naming the first that is no
// access of the company. The caller holds the lock.
func (c *call) employeesOfAccesses(v any) ([]any, *apiError) {
	emps := []any{}
	for _, x := range listOf(v) {
		a, ok := toInt(x)
		if !ok {
			a, ok = numericID(x)
		}
		emp, found := c.s.employeeOfAccess(a)
		if !ok || !found {
			return nil, invalid("assignee_ids", "The assignee "+fmtVal(x)+" does not exist")
		}
		emps = append(emps, emp)
	}
	return emps, nil
}

// prepareDatedTask stores a dated create or update: the assignees a
// create or update names are access ids (employeesOfAccesses); a task
// moving to done records when and by whom (the caller's access, none for
// an API key or a company token), one moving out of done clears both; a
// new task records its author. Bulk handlers translate assignees
// themselves; copies and comments keep the stored ones.
func prepareDatedTask(c *call, rec, old map[string]any) *apiError {
	if _, named := c.in["assignee_ids"]; named && (c.rt.kind == kindCreate || c.rt.kind == kindUpdate) {
		emps, aerr := c.employeesOfAccesses(rec["assignee_ids"])
		if aerr != nil {
			return aerr
		}
		rec["assignee_ids"] = emps
	}
	setDefault(rec, "company_id", demoCompanyID)
	setDefault(rec, "assignee_ids", []any{})
	caller := 0
	if c.p.EmployeeID != 0 && !c.p.APIKey && !c.p.Company {
		caller = c.p.EmployeeID
	}
	if old == nil && caller != 0 {
		setDefault(rec, "author_employee_id", caller)
	}
	wasDone := old != nil && (old["status"] == "done" || old["status"] == nil && old["completed_at"] != nil)
	switch {
	case rec["status"] == "done" && !wasDone:
		rec["completed_at"] = c.pj.now
		rec["completed_by_id"] = nil
		if a := c.s.accessOf(caller); a != 0 {
			rec["completed_by_id"] = a
		}
	case rec["status"] != nil && rec["status"] != "done":
		rec["completed_at"], rec["completed_by_id"] = nil, nil
	}
	return nil
}

// prepareDatedTaskFile records an attachment's file details and where to
// download it from; the task must exist (422).
func prepareDatedTaskFile(c *call, rec, old map[string]any) *apiError {
	if c.s.tbl(ResTasks).recs[intOr(rec["task_id"])] == nil {
		return invalid("task_id", "The task does not exist")
	}
	if f, ok := rec["file"].(map[string]any); ok {
		rec["filename"] = f["filename"]
		rec["content_type"] = f["content_type"]
	}
	delete(rec, "file")
	rec["path"] = "/tasks/tasks_files/" + strconv.Itoa(intOr(rec["id"]))
	return nil
}

// createTasksInBulk creates one task per assignee, each assigned to that
// access alone, and answers them in the order of the assignees (a bare
// array; none for an empty list).
func (c *call) createTasksInBulk() {
	c.locked(writeLock, func() *apiError {
		emps, aerr := c.employeesOfAccesses(c.in["assignee_ids"])
		if aerr != nil {
			return aerr
		}
		out := []map[string]any{}
		for _, emp := range emps {
			rec := clone(c.in)
			delete(rec, "id")
			rec["assignee_ids"] = []any{emp}
			if aerr := c.insert(ResTasks, rec); aerr != nil {
				return aerr
			}
			out = append(out, c.decorate(rec))
		}
		c.respondList(out)
		return nil
	})
}

// deleteTasksInBulk deletes every task named, or none when one id names no
// task (404), and answers the deleted tasks.
func (c *call) deleteTasksInBulk() {
	c.locked(writeLock, func() *apiError {
		recs, aerr := c.recordsByIDs(ResTasks, listOf(c.in["ids"]))
		if aerr != nil {
			return aerr
		}
		out := make([]map[string]any, 0, len(recs))
		for _, rec := range recs {
			out = append(out, c.decorate(rec))
			c.s.tbl(ResTasks).remove(intOr(rec["id"]))
		}
		c.respondList(out)
		return nil
	})
}

// updateTasksInBulk applies each item to the task its id names, writing
// only the members an item may carry; nothing is written when an id names
// no task (404) or an item is refused (422).
func (c *call) updateTasksInBulk() {
	c.locked(writeLock, func() *apiError {
		items := listOf(c.in["tasks"])
		ids := make([]any, len(items))
		for i, it := range items {
			m, _ := it.(map[string]any)
			ids[i] = m["id"]
		}
		olds, aerr := c.recordsByIDs(ResTasks, ids)
		if aerr != nil {
			return aerr
		}
		recs := make([]map[string]any, len(items))
		for i, it := range items {
			item := it.(map[string]any)
			rec := clone(olds[i])
			for _, k := range taskItemFields {
				if v, ok := item[k]; ok {
					rec[k] = cloneVal(v)
				}
			}
			if v, ok := item["assignee_ids"]; ok {
				emps, aerr := c.employeesOfAccesses(v)
				if aerr != nil {
					return aerr
				}
				rec["assignee_ids"] = emps
			}
			rec["updated_at"] = c.pj.now
			if aerr := c.applyRules(ResTasks, rec, olds[i]); aerr != nil {
				return aerr
			}
			recs[i] = rec
		}
		out := make([]map[string]any, len(recs))
		for i, rec := range recs {
			c.s.store(ResTasks).insert(rec)
			out[i] = c.decorate(rec)
		}
		c.respondList(out)
		return nil
	})
}

// copyDatedTask copies a task (renamed when a name is given) as a new,
// not yet started one: to do, not completed.
func (c *call) copyDatedTask() {
	c.duplicate(ResTasks, func(_, rec map[string]any) {
		if name, ok := c.in["name"].(string); ok && name != "" {
			rec["name"] = name
		}
		rec["status"] = "todo"
		rec["completed_at"], rec["completed_by_id"] = nil, nil
		delete(rec, "comments")
	})
}

// commentTask adds a comment to the task resource_id names (404 when none
// does) and answers the task. Comments are kept on the record, outside
// the task's schema (an answer never shows them); the author must be an
// access of the company (422).
func (c *call) commentTask() {
	byResource := func(c *call) (map[string]any, *apiError) {
		id, ok := toInt(c.in["resource_id"])
		rec := c.s.tbl(ResTasks).recs[id]
		if !ok || rec == nil {
			return nil, notFound(fmtVal(c.in["resource_id"]))
		}
		return rec, nil
	}
	c.onRecord(writeLock, byResource, func(old map[string]any) *apiError {
		author, _ := toInt(c.in["author_id"])
		if _, ok := c.s.employeeOfAccess(author); !ok {
			return invalid("author_id", "The author does not exist")
		}
		rec := clone(old)
		comment := map[string]any{"content": c.in["content"], "author_id": author,
			"mentioned_access_ids": c.in["mentioned_access_ids"], "created_at": c.pj.now}
		rec["comments"] = append(listOf(rec["comments"]), comment)
		return c.save(ResTasks, rec, old)
	})
}
