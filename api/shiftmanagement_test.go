package api_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

const managedShiftJSON = `{"id":3301,"employee_id":7,"start_at":"2024-03-11T07:00:00.000Z","end_at":"2024-03-11T15:00:00.000Z","state":"published","notes":"Opening shift - bring the shop keys","location_id":12,"work_area_id":4,"extra_hours":false}`

func checkManagedShift(t testing.TB, s *api.ShiftManagement) {
	t.Helper()
	if s == nil || s.ID != 3301 || *s.EmployeeID != 7 || *s.StartAt != "2024-03-11T07:00:00.000Z" || *s.EndAt != "2024-03-11T15:00:00.000Z" ||
		*s.State != api.ShiftManagementStatePublished || *s.Notes != "Opening shift - bring the shop keys" || *s.LocationID != 12 || *s.WorkAreaID != 4 || *s.ExtraHours {
		t.Fatalf("managed shift = %+v", s)
	}
}

func TestListManagedShifts_BracketArrayQuery(t *testing.T) {
	// The second shift is a draft seen through a basic user's token: notes,
	// location and work area are null.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/time/shifts_management", Status: 200,
		Body: `[` + managedShiftJSON + `,
 {"id":3302,"employee_id":2,"start_at":"2024-03-11T14:00:00.000Z","end_at":"2024-03-11T22:00:00.000Z","state":"draft","notes":null,"location_id":null,"work_area_id":null,"extra_hours":null}]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantBracketArray(t, r, "employee_ids[]", "1", "2")
			// The 2024 spec literally names this parameter employee_ids%5B%5D;
			// the generated client sends exactly that encoded key per value.
			const want = "employee_ids%5B%5D=1&employee_ids%5B%5D=2&start_at=2024-03-11&end_at=2024-03-17&only_published=false"
			wantRawQuery(t, r, want)
		},
	}))
	res, err := c.ListManagedShiftsWithResponse(context.Background(), &api.ListManagedShiftsParams{
		EmployeeIDs: []int{1, 2}, StartAt: apitest.Ptr("2024-03-11"), EndAt: apitest.Ptr("2024-03-17"), OnlyPublished: apitest.Ptr(false),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, shifts = %v", res.StatusCode(), res.JSON200)
	}
	checkManagedShift(t, &(*res.JSON200)[0])
	d := (*res.JSON200)[1]
	if d.ID != 3302 || *d.State != api.ShiftManagementStateDraft || d.Notes != nil || d.LocationID != nil || d.WorkAreaID != nil || d.ExtraHours != nil {
		t.Errorf("draft shift = %+v", d)
	}
}

func TestListManagedShifts_SingleEmployee(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/time/shifts_management", Status: 200, Body: `[` + managedShiftJSON + `]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) {
			wantRawQuery(t, r, "employee_id=7&only_published=true")
		},
	}))
	res, err := c.ListManagedShiftsWithResponse(context.Background(), &api.ListManagedShiftsParams{EmployeeID: apitest.Ptr(7), OnlyPublished: apitest.Ptr(true)})
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, shifts = %v", res.StatusCode(), res.JSON200)
	}
	checkManagedShift(t, &(*res.JSON200)[0])
}

func TestCreateManagedShift(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/time/shifts_management", Status: 201,
		Body: `{"id":3310,"employee_id":9,"start_at":"2024-03-12T08:00:00.000Z","end_at":"2024-03-12T16:00:00.000Z","state":"draft","notes":"Inventory count","location_id":12,"work_area_id":5,"extra_hours":false}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["employee_id"] != float64(9) || m["start_at"] != "2024-03-12T09:00:00+01:00" || m["end_at"] != "2024-03-12T17:00:00+01:00" ||
				m["notes"] != "Inventory count" || m["location_id"] != float64(12) || m["work_area_id"] != float64(5) {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.CreateManagedShiftWithResponse(context.Background(), api.CreateManagedShiftJSONRequestBody{
		EmployeeID: 9, StartAt: "2024-03-12T09:00:00+01:00", EndAt: "2024-03-12T17:00:00+01:00",
		Notes: apitest.Ptr("Inventory count"), LocationID: apitest.Ptr(12), WorkAreaID: apitest.Ptr(5),
	})
	if err != nil {
		t.Fatal(err)
	}
	s := res.JSON201
	if s == nil || s.ID != 3310 || *s.EmployeeID != 9 || *s.State != api.ShiftManagementStateDraft || *s.WorkAreaID != 5 {
		t.Fatalf("status %d, shift = %+v", res.StatusCode(), s)
	}
}

func TestPublishManagedShifts(t *testing.T) {
	// 201 with no body (2024 spec); employee_ids is a JSON array in the body,
	// not a bracketed query key.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/time/shifts_management/publish", Status: 201,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			ids, _ := m["employee_ids"].([]any)
			if len(ids) != 2 || ids[0] != float64(7) || ids[1] != float64(9) || m["start_at"] != "2024-03-11" || m["end_at"] != "2024-03-17" || m["send_notification"] != true {
				t.Errorf("body = %v", m)
			}
			noQuery(t, r)
		},
	}))
	res, err := c.PublishManagedShiftsWithResponse(context.Background(), api.PublishManagedShiftsJSONRequestBody{
		EmployeeIDs: []int{7, 9}, StartAt: apitest.Ptr("2024-03-11"), EndAt: apitest.Ptr("2024-03-17"), SendNotification: apitest.Ptr(true),
	})
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 201 || len(res.Body) != 0 || res.JSONDefault != nil {
		t.Fatalf("status %d, body %q", res.StatusCode(), res.Body)
	}
}

func TestUpdateManagedShiftLocation(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/time/shifts_management/3301/locations", Status: 200,
		Body: `{"id":3301,"employee_id":7,"start_at":"2024-03-11T07:00:00.000Z","end_at":"2024-03-11T15:00:00.000Z","state":"published","notes":"Opening shift - bring the shop keys","location_id":15,"work_area_id":8,"extra_hours":false}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			m := apitest.JSONBody(t, r, body)
			if m["location_id"] != float64(15) || m["work_area_id"] != float64(8) || len(m) != 2 {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.UpdateManagedShiftLocationWithResponse(context.Background(), 3301, api.UpdateManagedShiftLocationJSONRequestBody{
		LocationID: apitest.Ptr(15), WorkAreaID: apitest.Ptr(8),
	})
	if err != nil {
		t.Fatal(err)
	}
	if s := res.JSON200; s == nil || s.ID != 3301 || *s.LocationID != 15 || *s.WorkAreaID != 8 || *s.State != api.ShiftManagementStatePublished {
		t.Fatalf("status %d, shift = %+v", res.StatusCode(), s)
	}
}

func TestUpdateManagedShiftNotes(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/time/shifts_management/3301/notes", Status: 200,
		Body: `{"id":3301,"employee_id":7,"start_at":"2024-03-11T07:00:00.000Z","end_at":"2024-03-11T15:00:00.000Z","state":"published","notes":"Cover for Jordi at the till","location_id":12,"work_area_id":4,"extra_hours":true}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			if m := apitest.JSONBody(t, r, body); m["notes"] != "Cover for Jordi at the till" || len(m) != 1 {
				t.Errorf("body = %v", m)
			}
		},
	}))
	res, err := c.UpdateManagedShiftNotesWithResponse(context.Background(), 3301, api.UpdateManagedShiftNotesJSONRequestBody{
		Notes: apitest.Ptr("Cover for Jordi at the till"),
	})
	if err != nil {
		t.Fatal(err)
	}
	if s := res.JSON200; s == nil || s.ID != 3301 || *s.Notes != "Cover for Jordi at the till" || !*s.ExtraHours {
		t.Fatalf("status %d, shift = %+v", res.StatusCode(), s)
	}
}

func TestGetManagedShift(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/time/shifts_management/3301", Status: 200, Body: managedShiftJSON,
	}))
	res, err := c.GetManagedShiftWithResponse(context.Background(), 3301)
	if err != nil {
		t.Fatal(err)
	}
	checkManagedShift(t, res.JSON200)
}

func TestGetManagedShift_NotFound(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/time/shifts_management/111", Status: 404, Body: `{"errors":"Resource #111 not found"}`,
	}))
	res, err := c.GetManagedShiftWithResponse(context.Background(), 111)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 404 || res.JSON200 != nil || res.JSONDefault == nil {
		t.Fatalf("status %d, JSON200 %v, JSONDefault %v", res.StatusCode(), res.JSON200, res.JSONDefault)
	}
}

func TestDeleteManagedShift(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/time/shifts_management/3301", Status: 200, Body: managedShiftJSON,
	}))
	res, err := c.DeleteManagedShiftWithResponse(context.Background(), 3301)
	if err != nil {
		t.Fatal(err)
	}
	checkManagedShift(t, res.JSON200)
}

func TestDeleteManagedShift_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/time/shifts_management/3301", Status: 204,
	}))
	res, err := c.DeleteManagedShiftWithResponse(context.Background(), 3301)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil || len(res.Body) != 0 {
		t.Fatalf("status %d, JSON200 %v, body %q", res.StatusCode(), res.JSON200, res.Body)
	}
}
