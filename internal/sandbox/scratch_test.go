package sandbox

import (
	"fmt"
	"testing"
)

func TestScratch(t *testing.T) {
	e := newEnv(t)
	for _, rq := range [][4]string{
		{"GET", "/api/v1/employees/4", tokBasic, ""},
		{"GET", "/api/v1/employees/3", tokBasic, ""},
		{"GET", "/api/v1/me", tokBasic, ""},
		{"GET", "/api/v1/time/leaves?employee_ids[]=3", tokAdmin, ""},
		{"POST", "/api/v1/time/shifts/clock_in", tokBasic, `{"employee_id":3,"now":"2024-03-04T10:15:00+01:00"}`},
		{"POST", "/api/v1/time/shifts/clock_in", tokBasic, `{"employee_id":3,"now":"2024-03-04T10:15:00+01:00"}`},
		{"POST", "/api/v1/time/leaves", tokAdmin, `{"employee_id":3,"start_on":"2024-03-10","finish_on":"2024-03-01","leave_type_id":99}`},
		{"POST", "/api/v1/time/leaves", tokAdmin, `{"employee_id":"x","start_on":"2024-03-10"}`},
		{"GET", "/api/v1/time/leaves/abc", tokAdmin, ""},
		{"GET", "/api/v1/time/leaves/999", tokAdmin, ""},
		{"GET", "/api/v1/time/shifts?year=abc", tokAdmin, ""},
		{"POST", "/api/v1/time/leaves", tokAdmin, `{"employee_id":3,`},
		{"GET", "/api/v1/employees", "", ""},
		{"POST", "/api/v1/core/teams", tokBasic, `{"name":"x"}`},
		{"GET", "/api/v1/core/custom/tables/1/values/3", tokAdmin, ""},
		{"GET", "/api/v1/custom_fields?field_group=x", tokAdmin, ""},
		{"GET", "/api/v2/core/employees?full_text_name=bas", tokAdmin, ""},
		{"GET", "/api/v1/nope", tokAdmin, ""},
	} {
		st, h, b := e.raw(rq[0], rq[1], rq[2], "application/json", rq[3])
		fmt.Printf("%s %s -> %d %s %s\n\n", rq[0], rq[1], st, h.Get("WWW-Authenticate"), b)
	}
}
