package sandbox

import (
	"net/http"
	"slices"
	"testing"
)

// uuidsOf lists the uuid (or, without one, the id) of each record.
func uuidsOf(recs []map[string]any) []string {
	var out []string
	for _, r := range recs {
		if u, ok := r["uuid"].(string); ok {
			out = append(out, u)
		} else {
			out = append(out, r["id"].(string))
		}
	}
	return out
}

// TestDatedJobCatalogRolesAndLevels: plain lists of the seeded catalog,
// ids as strings, levels filtered by role and showing their role's name.
func TestDatedJobCatalogRolesAndLevels(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	roles, meta := e.dated("GET", "/job_catalog/roles", key, nil).page(t)
	if got := uuidsOf(roles); !slices.Equal(got, []string{"1", "2"}) || meta["total"] != float64(2) {
		t.Fatalf("roles %v, meta %v", got, meta)
	}
	if r := roles[0]; r["name"] != "Software Engineer" || r["company_id"] != "1" || r["archived"] != false ||
		!slices.Equal(r["supervisors_ids"].([]any), []any{"1002"}) || !slices.Equal(r["legal_entities_ids"].([]any), []any{"1"}) {
		t.Errorf("role 1: %v", r)
	}
	levels, _ := e.dated("GET", "/job_catalog/levels?role_ids%5B%5D=1", key, nil).page(t)
	if got := uuidsOf(levels); !slices.Equal(got, []string{"1", "2"}) {
		t.Fatalf("levels of role 1: %v", got)
	}
	senior := e.dated("GET", "/job_catalog/levels/2", key, nil).obj(t)
	if senior["role_name"] != "Software Engineer" || senior["role_id"] != "1" || senior["order"] != float64(2) || senior["is_default"] != false {
		t.Errorf("level 2: %v", senior)
	}
	if r := e.dated("GET", "/job_catalog/levels/99", key, nil); r.status != http.StatusNotFound {
		t.Errorf("missing level: %d %s", r.status, r.body)
	}
	// The catalog needs its scope.
	if r := e.dated("GET", "/job_catalog/roles", tokTimeOff, nil); r.status != http.StatusForbidden ||
		string(r.body) != `{"errors":["The access token does not grant the job_catalog scope"]}` {
		t.Errorf("time_off token on roles: %d %s", r.status, r.body)
	}
}

// TestDatedJobCatalogTreeNodes: one type per request, nodes found through
// any of their ancestors, the path to the root on request, and names
// hidden from users who are not admins.
func TestDatedJobCatalogTreeNodes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	list := func(token, query string) []map[string]any {
		t.Helper()
		r := e.dated("GET", "/job_catalog/tree_nodes"+query, token, nil)
		if r.status != http.StatusOK {
			t.Fatalf("tree_nodes%s: %d %s", query, r.status, r.body)
		}
		recs, _ := r.page(t)
		return recs
	}
	if all := list(key, ""); len(all) != 10 {
		t.Errorf("every node: %v", uuidsOf(all))
	}
	levels := list(key, "?node_type=jobcatalog_treelevel")
	if got := uuidsOf(levels); !slices.Equal(got, []string{"jobcatalog_treelevel-1", "jobcatalog_treelevel-2", "jobcatalog_treelevel-3"}) {
		t.Errorf("levels: %v", got)
	}
	if levels[1]["full_path_to_root"] != nil || levels[1]["job_catalog_title"] != "Software Engineer, Senior" ||
		levels[1]["ancestor_uuid"] != "jobcatalog_treerole-1" || levels[1]["type"] != "jobcatalog_treelevel" {
		t.Errorf("Senior without include_full_path: %v", levels[1])
	}
	// A family three steps up selects its levels only.
	eng := list(key, "?node_type=jobcatalog_treelevel&ancestor_uuids%5B%5D=jobcatalog_treefamily-1&include_full_path=true")
	if got := uuidsOf(eng); !slices.Equal(got, []string{"jobcatalog_treelevel-1", "jobcatalog_treelevel-2"}) {
		t.Errorf("levels of Engineering: %v", got)
	}
	want := []any{"jobcatalog_treelevel-2", "jobcatalog_treerole-1", "jobcatalog_treefunction-1", "jobcatalog_treefamily-1", "jobcatalog_treeroot-1"}
	if len(eng) == 2 && !slices.Equal(eng[1]["full_path_to_root"].([]any), want) {
		t.Errorf("path of Senior: %v", eng[1]["full_path_to_root"])
	}
	// UUIDs of another type than node_type find nothing.
	if got := list(key, "?node_type=jobcatalog_treerole&uuids%5B%5D=jobcatalog_treelevel-2"); len(got) != 0 {
		t.Errorf("a level's uuid under node_type role: %v", uuidsOf(got))
	}
	if got := uuidsOf(list(key, "?node_type=jobcatalog_treerole&uuids%5B%5D=jobcatalog_treerole-2")); !slices.Equal(got, []string{"jobcatalog_treerole-2"}) {
		t.Errorf("role 2 by uuid: %v", got)
	}
	// A node itself is not its own ancestor.
	if got := list(key, "?node_type=jobcatalog_treerole&ancestor_uuids%5B%5D=jobcatalog_treerole-1"); len(got) != 0 {
		t.Errorf("roles below role 1: %v", uuidsOf(got))
	}
	// Filters by node need the node type.
	for _, q := range []string{"?uuids%5B%5D=jobcatalog_treelevel-2", "?ancestor_uuids%5B%5D=jobcatalog_treeroot-1"} {
		r := e.dated("GET", "/job_catalog/tree_nodes"+q, key, nil)
		if r.status != http.StatusBadRequest || string(r.body) != `{"errors":{"errors":["param is missing or the value is empty: node_type"]}}` {
			t.Errorf("%s without node_type: %d %s", q, r.status, r.body)
		}
	}
	// A basic user sees the nodes, not what they are called.
	basic := list(tokBasic, "?node_type=jobcatalog_treelevel")
	if len(basic) != 3 || basic[1]["uuid"] != "jobcatalog_treelevel-2" || basic[1]["name"] != nil || basic[1]["job_catalog_title"] != nil {
		t.Errorf("basic user's levels: %v", basic)
	}
	if admin := list(tokAdmin, "?node_type=jobcatalog_treelevel"); admin[1]["name"] != "Senior" {
		t.Errorf("admin's Senior: %v", admin[1])
	}
}

// TestDatedJobCatalogNodeAttributes: the attributes of one node, of the
// kinds asked; it_management selects IT assets; both parameters needed.
func TestDatedJobCatalogNodeAttributes(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	list := func(query string) []map[string]any {
		t.Helper()
		r := e.dated("GET", "/job_catalog/node_attributes"+query, key, nil)
		if r.status != http.StatusOK {
			t.Fatalf("node_attributes%s: %d %s", query, r.status, r.body)
		}
		recs, _ := r.page(t)
		return recs
	}
	senior := list("?node_uuid=jobcatalog_treelevel-2&attribute_types%5B%5D=competency&attribute_types%5B%5D=salary_range")
	if got := uuidsOf(senior); !slices.Equal(got, []string{"1", "2"}) {
		t.Fatalf("Senior's attributes: %v", got)
	}
	if c := senior[0]; c["type"] != "competency" || c["attribute_id"] != "1" || c["value_salary_range"] != nil ||
		c["value_competency"].(map[string]any)["name"] != "Code review" {
		t.Errorf("competency: %v", c)
	}
	if s := senior[1]; s["attribute_id"] != nil || s["value_salary_range"].(map[string]any)["max"] != float64(6000000) {
		t.Errorf("salary range: %v", s)
	}
	if got := uuidsOf(list("?node_uuid=jobcatalog_treelevel-2&attribute_types%5B%5D=working_conditions")); len(got) != 0 {
		t.Errorf("Senior's working conditions: %v", got)
	}
	assets := list("?node_uuid=jobcatalog_treerole-1&attribute_types%5B%5D=it_management")
	if len(assets) != 1 || assets[0]["type"] != "it_management_asset" || assets[0]["value_it_management_asset"].(map[string]any)["brand"] != "Lenovo" {
		t.Errorf("role 1's IT assets: %v", assets)
	}
	if got := list("?node_uuid=jobcatalog_treelevel-404&attribute_types%5B%5D=competency"); len(got) != 0 {
		t.Errorf("a node the catalog lacks: %v", got)
	}
	for q, param := range map[string]string{
		"?attribute_types%5B%5D=competency": "node_uuid",
		"?node_uuid=jobcatalog_treelevel-2": "attribute_types",
	} {
		r := e.dated("GET", "/job_catalog/node_attributes"+q, key, nil)
		if r.status != http.StatusBadRequest || string(r.body) != `{"errors":{"errors":["param is missing or the value is empty: `+param+`"]}}` {
			t.Errorf("%s: %d %s", q, r.status, r.body)
		}
	}
}
