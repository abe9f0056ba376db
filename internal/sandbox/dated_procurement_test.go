package sandbox

import (
	"slices"
	"testing"
)

func init() { areaWalks["procurement"] = walkProcurement }

// walkProcurement is the procurement part of TestDatedEveryOperationAnswers2xx.
func walkProcurement(t *testing.T, _ *env, ok okFunc) {
	ok("GET", "/procurement/purchase_orders", nil)
	ok("GET", "/procurement/purchase_orders/1", nil)
	ok("GET", "/procurement/purchase_requests", nil)
	ok("GET", "/procurement/purchase_requests/1", nil)
	ok("GET", "/procurement/types", nil)
	ok("GET", "/procurement/types/1", nil)
}

// TestDatedProcurement: the seeded records, the declared filters and the
// finance scope the namespace requires.
func TestDatedProcurement(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	for _, tc := range []struct {
		path string
		want []string
	}{
		{"/procurement/purchase_requests?status=pending", []string{"2"}},
		{"/procurement/purchase_requests?requester_employee_ids[]=1002", []string{"1"}},
		{"/procurement/purchase_requests?type_ids[]=2&type_ids[]=1", []string{"1", "2"}},
		{"/procurement/purchase_orders?purchase_request_ids[]=1", []string{"1"}},
		{"/procurement/purchase_orders?status=received", []string{}},
		{"/procurement/types?ids[]=2", []string{"2"}},
	} {
		r := e.dated("GET", tc.path, key, nil)
		if r.status != 200 {
			t.Fatalf("%s: %d %s", tc.path, r.status, r.body)
		}
		if got := idsOf(t, r); !slices.Equal(got, tc.want) {
			t.Errorf("%s: ids %v, want %v", tc.path, got, tc.want)
		}
	}
	m := e.dated("GET", "/procurement/purchase_orders/1", tokBasic, nil).obj(t)
	cost, _ := m["cost"].(map[string]any)
	if m["formatted_po_number"] != "PO-00042" || m["purchase_request_id"] != "1" || cost["cents"] != float64(356000) {
		t.Errorf("purchase order 1: %v", m)
	}
	if r := e.dated("GET", "/procurement/types/9", key, nil); r.status != 404 {
		t.Errorf("unknown type: %d %s, want 404", r.status, r.body)
	}
	if r := e.dated("GET", "/procurement/purchase_orders", tokTimeOff, nil); r.status != 403 {
		t.Errorf("token without the finance scope: %d %s, want 403", r.status, r.body)
	}
}
