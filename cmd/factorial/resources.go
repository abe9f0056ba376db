package main

//lint:file-ignore SA1019 the CLI still speaks v1 when asked (--api v1, the v1 half of the demo)

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/api"
)

// resourceFlags are the flags of the resource commands; each command
// registers the ones it uses.
type resourceFlags struct {
	api       string // --api as given; check turns it into version
	version   string // "v1" or a dated version
	output    string
	employees intList
	from, to  string
	year      int
	month     int
}

// intList is a repeatable integer flag that also takes comma lists.
type intList []int

func (l *intList) String() string {
	parts := make([]string, len(*l))
	for i, v := range *l {
		parts[i] = strconv.Itoa(v)
	}
	return strings.Join(parts, ",")
}

func (l *intList) Set(v string) error {
	for _, p := range strings.Split(v, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || n <= 0 {
			return fmt.Errorf("%q is not an id", p)
		}
		*l = append(*l, n)
	}
	return nil
}

func resourceUsage(name string) string {
	extra := ""
	switch name {
	case "leaves":
		extra = "  --employee ID     only these employees' leaves (repeatable, or a comma list)\n" +
			"  --from DATE       start of the window, YYYY-MM-DD\n" +
			"  --to DATE         end of the window, YYYY-MM-DD\n"
	case "shifts":
		extra = "  --year YYYY       year of the shifts (default: this year)\n" +
			"  --month M         month 1-12 (default: this month; with --api v1 and neither, the API returns every shift ever)\n"
	}
	// What each command does, and the operation it calls on each API.
	what := map[string][3]string{
		"me":          {"Show who the credentials act as.", "api_public/credentials", "/api/v1/me"},
		"employees":   {"List the company's employees.", "employees/employees", "/api/v1/employees"},
		"teams":       {"List teams.", "teams/teams", "/api/v1/core/teams"},
		"locations":   {"List locations.", "locations/locations", "/api/v1/locations"},
		"leaves":      {"List leaves (time off).", "timeoff/leaves", "/api/v1/time/leaves"},
		"leave-types": {"List leave types.", "timeoff/leave_types", "/api/v1/time/leave_types"},
		"shifts":      {"List the shifts (clock-ins) of one month.", "attendance/shifts", "/api/v1/time/shifts"},
		"holidays":    {"List company holidays.", "holidays/company_holidays", "/api/v1/company_holidays"},
	}[name]
	return fmt.Sprintf(`Usage: factorial %s [--api VERSION] [--output table|json]

%s
  dated API (default):  GET /api/VERSION/resources/%s, every page
  --api v1:             GET %s

Flags:
%s  --output, -o FMT  table (default) or json: the API's response, indented. For
                    the dated API, whose lists come in pages (followed by their
                    cursors), one array of every page's data elements, each as
                    the API sent it; the page metadata is left out ('factorial
                    api' shows a page whole).
%s`, name, what[0], what[1], what[2], apiFlagHelp, extra)
}

// resourceCommand returns the command that lists one kind of record.
func resourceCommand(name string) func(context.Context, *app, *globals, []string) error {
	return func(ctx context.Context, a *app, g *globals, args []string) error {
		rf := resourceFlags{output: "table"}
		fs := newFlagSet(name, g)
		fs.StringVar(&rf.output, "output", rf.output, "")
		fs.StringVar(&rf.output, "o", rf.output, "")
		fs.StringVar(&rf.api, "api", "", "")
		switch name {
		case "leaves":
			fs.Var(&rf.employees, "employee", "")
			fs.StringVar(&rf.from, "from", "", "")
			fs.StringVar(&rf.to, "to", "", "")
		case "shifts":
			fs.IntVar(&rf.year, "year", 0, "")
			fs.IntVar(&rf.month, "month", 0, "")
		}
		rest, err := parseFlags(fs, args)
		if err != nil {
			return helpOrErr(err, a.stdout, resourceUsage(name))
		}
		if err := noArgs(name, rest); err != nil {
			return err
		}
		if err := rf.check(); err != nil {
			return err
		}
		sess, err := a.sessionOn(ctx, g, rf.version)
		if err != nil {
			return err
		}
		fetch := fetchDated
		if rf.version == apiV1 {
			fetch = fetchResource
		}
		body, t, err := fetch(ctx, sess.client, name, rf)
		if err != nil {
			return err
		}
		if rf.output == "json" {
			return printJSON(a.stdout, body)
		}
		if len(t.rows) == 0 {
			fmt.Fprintf(a.stderr, "No %s.\n", name)
			return nil
		}
		return t.print(a.stdout)
	}
}

func (rf *resourceFlags) check() error {
	if err := oneOf("output", rf.output, "table", "json"); err != nil {
		return err
	}
	version, err := parseAPIVersion(rf.api)
	if err != nil {
		return err
	}
	rf.version = version
	for flagName, v := range map[string]string{"from": rf.from, "to": rf.to} {
		if v == "" {
			continue
		}
		if _, err := time.Parse(time.DateOnly, v); err != nil {
			return usagef("--%s must be a date YYYY-MM-DD, not %q", flagName, v)
		}
	}
	if rf.month < 0 || rf.month > 12 {
		return usagef("--month must be 1-12")
	}
	if rf.year < 0 || rf.year > 9999 {
		return usagef("--year must be a four-digit year")
	}
	return nil
}

// fetchResource calls the v1 service method for name and returns the
// response body as the API sent it (for --output json) and a table built
// from the decoded records.
func fetchResource(ctx context.Context, c *factorial.Client, name string, rf resourceFlags) ([]byte, *table, error) {
	ctx, body := withBodyCopy(ctx)
	t, err := resourceTable(ctx, c, name, rf)
	if err != nil {
		return nil, nil, err
	}
	return body.Bytes(), t, nil
}

// resourceTable lists the records of name through its v1 service.
func resourceTable(ctx context.Context, c *factorial.Client, name string, rf resourceFlags) (*table, error) {
	switch name {
	case "me":
		me, err := c.V1.Credentials.GetMe(ctx)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"FIELD", "VALUE"}}
		t.add("name", accessName(me))
		t.add("email", me.Email)
		t.add("employee_id", strconv.Itoa(me.EmployeeID))
		t.add("role", me.GetRole())
		return t, nil
	case "employees":
		emps, err := c.V1.Employees.List(ctx)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"ID", "NAME", "EMAIL", "ROLE", "MANAGER", "TERMINATED"}}
		for _, e := range emps {
			t.add(strconv.Itoa(e.ID), employeeName(e), e.GetEmail(), strings.TrimSpace(e.GetRole()), optInt(e.ManagerID), optDate(e.TerminatedOn))
		}
		return t, nil
	case "teams":
		teams, err := c.V1.Teams.List(ctx)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"ID", "NAME", "MEMBERS", "LEADS"}}
		for _, tm := range teams {
			t.add(strconv.Itoa(tm.ID), tm.GetName(), strconv.Itoa(len(tm.EmployeeIDs)), joinInts(tm.LeadIDs))
		}
		return t, nil
	case "locations":
		locs, err := c.V1.Locations.List(ctx)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"ID", "NAME", "CITY", "COUNTRY", "TIMEZONE"}}
		for _, l := range locs {
			t.add(strconv.Itoa(l.ID), l.GetName(), l.GetCity(), l.GetCountry(), l.GetTimezone())
		}
		return t, nil
	case "leaves":
		params := &api.ListLeavesParams{EmployeeIDs: rf.employees, IncludeLeaveType: factorial.Ptr(true)}
		params.From, params.To = flagDate(rf.from), flagDate(rf.to)
		leaves, err := c.V1.TimeOff.ListLeaves(ctx, params)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"ID", "EMPLOYEE", "TYPE", "FROM", "TO", "HALF_DAY", "APPROVED"}}
		for _, l := range leaves {
			who := l.GetEmployeeFullName()
			if who == "" {
				who = optInt(l.EmployeeID)
			}
			kind := l.GetLeaveTypeName()
			if kind == "" {
				kind = optInt(l.LeaveTypeID)
			}
			t.add(strconv.Itoa(l.ID), who, kind, optDate(l.StartOn), optDate(l.FinishOn), string(l.GetHalfDay()), approval(l.Approved))
		}
		return t, nil
	case "leave-types":
		types, err := c.V1.TimeOff.ListLeaveTypes(ctx)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"ID", "NAME", "ACTIVE", "APPROVAL_REQUIRED"}}
		for _, lt := range types {
			t.add(strconv.Itoa(lt.ID), lt.GetName(), optBool(lt.Active), optBool(lt.ApprovalRequired))
		}
		return t, nil
	case "shifts":
		year, month := rf.shiftMonth(time.Now())
		shifts, err := c.V1.Attendance.ListShifts(ctx, &api.ListShiftsParams{Year: &year, Month: &month})
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"ID", "EMPLOYEE", "DATE", "CLOCK_IN", "CLOCK_OUT"}}
		for _, sh := range shifts {
			day := ""
			if sh.Year != nil && sh.Month != nil && sh.Day != nil {
				day = fmt.Sprintf("%04d-%02d-%02d", *sh.Year, *sh.Month, *sh.Day)
			}
			t.add(strconv.Itoa(sh.ID), optInt(sh.EmployeeID), day, sh.GetClockIn(), sh.GetClockOut())
		}
		return t, nil
	case "holidays":
		holidays, err := c.V1.Holidays.List(ctx)
		if err != nil {
			return nil, err
		}
		t := &table{header: []string{"ID", "DATE", "SUMMARY", "LOCATION", "HALF_DAY"}}
		for _, h := range holidays {
			t.add(strconv.Itoa(h.ID), optDate(h.Date), h.GetSummary(), optInt(h.LocationID), string(h.GetHalfDay()))
		}
		return t, nil
	}
	return nil, usagef("unknown resource %q", name)
}

func employeeName(e api.Employee) string {
	if n := e.GetFullName(); n != "" {
		return n
	}
	return strings.TrimSpace(e.GetFirstName() + " " + e.GetLastName())
}

func approval(b *bool) string {
	switch {
	case b == nil:
		return "pending"
	case *b:
		return "yes"
	}
	return "no"
}

func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}

func optBool(p *bool) string {
	if p == nil {
		return ""
	}
	return strconv.FormatBool(*p)
}

func optDate[D fmt.Stringer](p *D) string {
	if p == nil {
		return ""
	}
	return (*p).String()
}

func joinInts(v []int) string {
	parts := make([]string, len(v))
	for i, n := range v {
		parts[i] = strconv.Itoa(n)
	}
	return strings.Join(parts, ",")
}

var _ flag.Value = (*intList)(nil)

// shiftMonth is the year and month of --year and --month, each
// defaulting to now's.
func (rf *resourceFlags) shiftMonth(now time.Time) (year, month int) {
	year, month = rf.year, rf.month
	if year == 0 {
		year = now.Year()
	}
	if month == 0 {
		month = int(now.Month())
	}
	return year, month
}

// flagDate turns a --from/--to value, already checked to be YYYY-MM-DD,
// into a date filter; empty means no filter.
func flagDate(v string) *factorial.Date {
	t, err := time.Parse(time.DateOnly, v)
	if v == "" || err != nil {
		return nil
	}
	return factorial.Ptr(factorial.NewDate(t))
}
