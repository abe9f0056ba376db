package main

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/resources"
)

// fetchDated is fetchResource for the dated API: it calls the Resources
// service of name, which follows every page, and returns the data of all
// the pages as one JSON array (each element as the API sent it; see
// pageCopies.data) and a table of the decoded records.
func fetchDated(ctx context.Context, c *factorial.Client, name string, rf resourceFlags) ([]byte, *table, error) {
	ctx, pages := withPageCopies(ctx)
	t, err := datedTable(ctx, c, name, rf)
	if err != nil {
		return nil, nil, err
	}
	body, err := pages.data()
	if err != nil {
		return nil, nil, err
	}
	return body, t, nil
}

// datedTable lists the records of name through its dated service. IDs are
// strings in the dated API; the flags' numeric ids are sent as such.
func datedTable(ctx context.Context, c *factorial.Client, name string, rf resourceFlags) (*table, error) {
	r := c
	switch name {
	case "me":
		creds, err := r.Credentials.List(ctx, nil)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"FIELD", "VALUE"}}
		for _, cr := range creds {
			credentialRows(t, cr)
		}
		return t, nil
	case "employees":
		emps, err := r.Employees.List(ctx, nil)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"ID", "NAME", "EMAIL", "MANAGER", "LOCATION", "TERMINATED"}}
		for _, e := range emps {
			email := e.GetEmail()
			if email == "" {
				email = e.GetLoginEmail()
			}
			t.add(e.ID, datedEmployeeName(e), email, e.GetManagerID(), e.GetLocationID(), optDate(e.TerminatedOn))
		}
		return t, nil
	case "teams":
		teams, err := r.Teams.List(ctx, nil)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"ID", "NAME", "MEMBERS", "LEADS"}}
		for _, tm := range teams {
			t.add(tm.ID, tm.GetName(), strconv.Itoa(len(tm.EmployeeIDs)), strings.Join(tm.LeadIDs, ","))
		}
		return t, nil
	case "locations":
		locs, err := r.Locations.List(ctx, nil)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"ID", "NAME", "CITY", "COUNTRY", "TIMEZONE", "MAIN"}}
		for _, l := range locs {
			t.add(l.ID, l.GetName(), l.GetCity(), l.GetCountry(), l.GetTimezone(), optBool(l.Main))
		}
		return t, nil
	case "leaves":
		params := &resources.ListLeavesParams{IncludeLeaveType: factorial.Ptr(true)}
		for _, id := range rf.employees {
			params.EmployeeIDs = append(params.EmployeeIDs, strconv.Itoa(id))
		}
		params.From, params.To = flagDate(rf.from), flagDate(rf.to)
		leaves, err := r.TimeOff.ListLeaves(ctx, params)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"ID", "EMPLOYEE", "TYPE", "FROM", "TO", "HALF_DAY", "APPROVED"}}
		for _, l := range leaves {
			who := l.GetEmployeeFullName()
			if who == "" {
				who = l.GetEmployeeID()
			}
			kind := l.GetLeaveTypeName()
			if kind == "" {
				kind = l.GetLeaveTypeID()
			}
			t.add(l.ID, who, kind, optDate(l.StartOn), optDate(l.FinishOn), l.GetHalfDay(), approval(l.Approved))
		}
		return t, nil
	case "leave-types":
		types, err := r.TimeOff.ListLeaveTypes(ctx, nil)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"ID", "NAME", "ACTIVE", "APPROVAL_REQUIRED"}}
		for _, lt := range types {
			t.add(lt.ID, lt.GetName(), optBool(lt.Active), optBool(lt.ApprovalRequired))
		}
		return t, nil
	case "shifts":
		// The dated API filters shifts by a date range rather than by
		// year and month: the month's first and last days.
		year, month := rf.shiftMonth(time.Now())
		first := time.Date(year, time.Month(month), 1, 0, 0, 0, 0, time.UTC)
		last := first.AddDate(0, 1, -1)
		params := &resources.ListShiftsParams{
			StartOn: factorial.Ptr(factorial.NewDate(first)),
			EndOn:   factorial.Ptr(factorial.NewDate(last)),
		}
		shifts, err := r.Attendance.List(ctx, params)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"ID", "EMPLOYEE", "DATE", "CLOCK_IN", "CLOCK_OUT", "MINUTES"}}
		for _, sh := range shifts {
			t.add(sh.ID, sh.GetEmployeeID(), optDate(sh.Date), sh.GetClockIn(), sh.GetClockOut(), optInt(sh.Minutes))
		}
		return t, nil
	case "holidays":
		holidays, err := r.Holidays.List(ctx, nil)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"ID", "DATE", "SUMMARY", "LOCATION", "HALF_DAY"}}
		for _, h := range holidays {
			half := ""
			if h.HalfDay != nil {
				half = string(*h.HalfDay)
			}
			t.add(h.ID, optDate(h.Date), h.GetSummary(), h.GetLocationID(), half)
		}
		return t, nil
	}
	return nil, usagef("unknown resource %q", name)
}

// credentialRows adds the fields of one credential that have a value: a
// user's token names the person and their employee, a company token or
// API key the company.
func credentialRows(t *table, cr resources.Credential) {
	name := cr.GetFullName()
	if name == "" {
		name = strings.TrimSpace(cr.GetFirstName() + " " + cr.GetLastName())
	}
	if name == "" {
		name = cr.GetName()
	}
	kind := "company (company token or API key)"
	if cr.GetEmployeeID() != "" {
		kind = "user"
	}
	email := cr.GetEmail()
	if email == "" {
		email = cr.GetLoginEmail()
	}
	t.add("credential", cr.ID)
	t.add("kind", kind)
	for _, row := range [][2]string{
		{"name", name},
		{"email", email},
		{"employee_id", cr.GetEmployeeID()},
		{"role", cr.GetRole()},
		{"company_id", cr.CompanyID},
		{"legal_name", cr.GetLegalName()},
	} {
		if row[1] != "" {
			t.add(row[0], row[1])
		}
	}
}

// describeCredential is "Ada Admin <admin@example.com> (employee 1001,
// role admin)", or the company's name for a company credential.
func describeCredential(cr resources.Credential) string {
	if cr.GetEmployeeID() == "" {
		return fmt.Sprintf("the company %s (credential %s)", cr.GetName(), cr.ID)
	}
	s := cr.GetFullName()
	if s == "" {
		s = strings.TrimSpace(cr.GetFirstName() + " " + cr.GetLastName())
	}
	if e := cr.GetEmail(); e != "" {
		s += " <" + e + ">"
	}
	s += " (employee " + cr.GetEmployeeID()
	if r := cr.GetRole(); r != "" {
		s += ", role " + r
	}
	return s + ")"
}

func datedEmployeeName(e resources.Employee) string {
	if n := e.GetFullName(); n != "" {
		return n
	}
	return strings.TrimSpace(e.GetFirstName() + " " + e.GetLastName())
}
