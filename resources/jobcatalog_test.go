package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/resources"
)

// The job catalog: roles, their levels, the tree of nodes above them and
// the attributes attached to the nodes. Every operation is a read.

const jobRoleEngineerJSON = `{"id":"31","company_id":"77","name":"Software Engineer","description":"Builds the product.",` +
	`"legal_entities_ids":["301","302"],"supervisors_ids":["4242"],"competencies_ids":[],"archived":false}`

// jobRoleArchivedJSON is a role a basic user's token sees without its optional lists.
const jobRoleArchivedJSON = `{"id":"32","company_id":"77","name":"Office Manager","description":null,` +
	`"legal_entities_ids":["301"],"supervisors_ids":null,"competencies_ids":null,"archived":true}`

const jobLevelSeniorJSON = `{"id":"41","role_id":"31","name":"Senior","role_name":"Software Engineer","order":2,` +
	`"archived":false,"is_default":false}`

const jobLevelJuniorJSON = `{"id":"40","role_id":"31","name":"Junior","role_name":"Software Engineer","order":1,` +
	`"archived":false,"is_default":true}`

func checkEngineer(t *testing.T, r resources.JobCatalogRole) {
	t.Helper()
	eq(t, "ID", r.ID, "31")
	is(t, "CompanyID", r.CompanyID, "77")
	is(t, "Name", r.Name, "Software Engineer")
	is(t, "Description", r.Description, "Builds the product.")
	ids(t, "LegalEntitiesIDs", r.LegalEntitiesIDs, "301", "302")
	ids(t, "SupervisorsIDs", r.SupervisorsIDs, "4242")
	ids(t, "CompetenciesIDs", r.CompetenciesIDs)
	is(t, "Archived", r.Archived, false)
}

func checkSenior(t *testing.T, l resources.JobCatalogLevel) {
	t.Helper()
	eq(t, "ID", l.ID, "41")
	is(t, "RoleID", l.RoleID, "31")
	is(t, "Name", l.Name, "Senior")
	is(t, "RoleName", l.RoleName, "Software Engineer")
	is(t, "Order", l.Order, 2)
	is(t, "Archived", l.Archived, false)
	is(t, "IsDefault", l.IsDefault, false)
}

func TestListJobCatalogRoles(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/job_catalog/roles", status: 200,
		body: page(onePage(2), jobRoleEngineerJSON, jobRoleArchivedJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"ids[]": {"31", "32"}})
			wantRawQuery(t, r, "ids%5B%5D=31&ids%5B%5D=32")
		},
	})
	all, err := c.JobCatalog.ListRoles(t.Context(), &resources.ListJobCatalogRolesParams{IDs: []string{"31", "32"}})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d roles, want 2", len(all))
	}
	checkEngineer(t, all[0])
	eq(t, "second ID", all[1].ID, "32")
	null(t, "second Description", all[1].Description)
	if all[1].SupervisorsIDs != nil || all[1].CompetenciesIDs != nil {
		t.Errorf("null lists decoded as %v and %v, want nil", all[1].SupervisorsIDs, all[1].CompetenciesIDs)
	}
	is(t, "second Archived", all[1].Archived, true)
}

func TestGetJobCatalogRole(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/job_catalog/roles/31", status: 200, body: jobRoleEngineerJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	r, err := c.JobCatalog.GetRole(t.Context(), "31")
	must(t, err)
	checkEngineer(t, r)
}

func TestListJobCatalogLevels(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/job_catalog/levels", status: 200,
		body: page(onePage(2), jobLevelJuniorJSON, jobLevelSeniorJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"role_ids[]": {"31"}, "limit": {"50"}})
		},
	})
	all, err := c.JobCatalog.ListLevels(t.Context(), &resources.ListJobCatalogLevelsParams{RoleIDs: []string{"31"}, Limit: ptr(50)})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d levels, want 2", len(all))
	}
	eq(t, "first ID", all[0].ID, "40")
	is(t, "first IsDefault", all[0].IsDefault, true)
	is(t, "first Order", all[0].Order, 1)
	checkSenior(t, all[1])
}

func TestGetJobCatalogLevel(t *testing.T) {
	c := one(t, exchange{
		method: http.MethodGet, path: "/job_catalog/levels/41", status: 200, body: jobLevelSeniorJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noQuery(t, r); noBody(t, body) },
	})
	l, err := c.JobCatalog.GetLevel(t.Context(), "41")
	must(t, err)
	checkSenior(t, l)
}

// TestListJobCatalogTreeNodes: the node type is always sent; nodes are
// named by UUID and carry their path to the root when asked.
func TestListJobCatalogTreeNodes(t *testing.T) {
	const senior = `{"type":"jobcatalog_treelevel","uuid":"jobcatalog_treelevel-41","ancestor_uuid":"jobcatalog_treerole-31",` +
		`"name":"Senior","description":null,"created_at":"2026-01-15","updated_at":"2026-03-02",` +
		`"full_path_to_root":["jobcatalog_treelevel-41","jobcatalog_treerole-31","jobcatalog_treefunction-21",` +
		`"jobcatalog_treefamily-11","jobcatalog_treeroot-1"],"job_catalog_title":"Software Engineer, Senior"}`
	c := one(t, exchange{
		method: http.MethodGet, path: "/job_catalog/tree_nodes", status: 200,
		body: page(onePage(1), senior),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"node_type": {"jobcatalog_treelevel"}, "ancestor_uuids[]": {"jobcatalog_treefamily-11"},
				"include_full_path": {"true"}})
		},
	})
	all, err := c.JobCatalog.ListTreeNodes(t.Context(), &resources.ListJobCatalogTreeNodesParams{
		NodeType: ptr(resources.JobCatalogNodeTypeLevel), AncestorUUIDs: []string{"jobcatalog_treefamily-11"}, IncludeFullPath: ptr(true),
	})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d nodes, want 1", len(all))
	}
	n := all[0]
	is(t, "Type", n.Type, resources.JobCatalogNodeTypeLevel)
	eq(t, "UUID", n.UUID, "jobcatalog_treelevel-41")
	is(t, "AncestorUUID", n.AncestorUUID, "jobcatalog_treerole-31")
	is(t, "Name", n.Name, "Senior")
	null(t, "Description", n.Description)
	is(t, "CreatedAt", n.CreatedAt, "2026-01-15")
	ids(t, "FullPathToRoot", n.FullPathToRoot, "jobcatalog_treelevel-41", "jobcatalog_treerole-31",
		"jobcatalog_treefunction-21", "jobcatalog_treefamily-11", "jobcatalog_treeroot-1")
	is(t, "JobCatalogTitle", n.JobCatalogTitle, "Software Engineer, Senior")
}

// TestListJobCatalogNodeAttributes: one value member per attribute, the
// others null.
func TestListJobCatalogNodeAttributes(t *testing.T) {
	const competency = `{"id":"61","type":"competency","attribute_id":"7","value_competency":{"name":"Code review",` +
		`"description":"Reviews changes of others","level":{"id":"2","name":"Level 2"}},"value_it_management_asset":null,` +
		`"value_salary_range":null,"value_working_conditions":null}`
	const salary = `{"id":"62","type":"salary_range","attribute_id":null,"value_competency":null,"value_it_management_asset":null,` +
		`"value_salary_range":{"currency":"EUR","periodicity":"yearly","min":4500000,"max":6000000,"workplaces":[]},` +
		`"value_working_conditions":null}`
	c := one(t, exchange{
		method: http.MethodGet, path: "/job_catalog/node_attributes", status: 200,
		body: page(onePage(2), competency, salary),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"node_uuid": {"jobcatalog_treelevel-41"}, "attribute_types[]": {"competency", "salary_range"}})
			wantRawQuery(t, r, "node_uuid=jobcatalog_treelevel-41&attribute_types%5B%5D=competency&attribute_types%5B%5D=salary_range")
		},
	})
	all, err := c.JobCatalog.ListNodeAttributes(t.Context(), &resources.ListJobCatalogNodeAttributesParams{
		NodeUUID:       ptr("jobcatalog_treelevel-41"),
		AttributeTypes: []resources.JobCatalogAttributeType{resources.JobCatalogAttributeTypeCompetency, resources.JobCatalogAttributeTypeSalaryRange},
	})
	must(t, err)
	if len(all) != 2 {
		t.Fatalf("%d attributes, want 2", len(all))
	}
	eq(t, "ID", all[0].ID, "61")
	is(t, "Type", all[0].Type, "competency")
	is(t, "AttributeID", all[0].AttributeID, "7")
	if all[0].ValueCompetency["name"] != "Code review" || all[0].ValueSalaryRange != nil {
		t.Errorf("competency values %v / %v", all[0].ValueCompetency, all[0].ValueSalaryRange)
	}
	null(t, "second AttributeID", all[1].AttributeID)
	if all[1].ValueSalaryRange["max"] != float64(6000000) || all[1].ValueCompetency != nil {
		t.Errorf("salary values %v / %v", all[1].ValueSalaryRange, all[1].ValueCompetency)
	}
}
