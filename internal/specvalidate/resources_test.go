package specvalidate

import (
	"net/http/httptest"
	"testing"
)

func TestResourcesRoutes(t *testing.T) {
	v := MustNewResources()
	for _, tc := range []struct{ method, path, op string }{
		{"GET", "/api/2026-07-01/resources/employees/employees", "ListEmployees"},
		{"GET", "/api/2025-10-01/resources/employees/employees/123", "GetEmployee"},
		{"POST", "/api/2026-07-01/resources/timeoff/leaves/approve", "ApproveLeave"},
		{"GET", "/api/2026-07-01/resources/api_public/credentials", "ListCredentials"},
	} {
		rt, err := v.FindRoute(httptest.NewRequest(tc.method, tc.path, nil))
		if err != nil || rt.OperationID() != tc.op {
			t.Errorf("%s %s: %v %v", tc.method, tc.path, rt, err)
			continue
		}
		if rt.PathParams()["version"] == "" {
			t.Errorf("%s: no version param", tc.path)
		}
	}
	if _, err := v.FindRoute(httptest.NewRequest("GET", "/api/v1/employees", nil)); err == nil {
		t.Error("a v1 path matched the resources spec")
	}
}
