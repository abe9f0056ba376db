package sandbox

// The job catalog of the dated API (job_catalog/...): roles, their levels,
// the tree of nodes above them (root, family, function, role, level) and
// the attributes attached to nodes. Every operation is a read. Roles and
// levels are plain lists; the tree nodes and node attributes lists have
// rules of their own: nodes are named by UUID and filtered through their
// ancestors, and an attribute belongs to the node its hidden node_uuid
// names.

import (
	"maps"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// viewJobCatalogLevel: a level shows its role's name.
func viewJobCatalogLevel(c *call, v map[string]any) {
	if r := c.s.tbl(ResJobCatalogRoles).recs[intOr(v["role_id"])]; r != nil {
		v["role_name"] = r["name"]
	}
}

// missingParam is the 400 Rails answers for a parameter the action needs.
func missingParam(name string) *apiError {
	return &apiError{status: http.StatusBadRequest, body: map[string]any{"errors": "param is missing or the value is empty: " + name}}
}

// queryList reads an array query parameter, repeated or comma-separated.
func queryList(q url.Values, name string) []string {
	var out []string
	for _, v := range q[name] {
		for _, p := range strings.Split(v, ",") {
			if p != "" {
				out = append(out, p)
			}
		}
	}
	return out
}

// listTreeNodes answers the nodes of one type (node_type), or of every
// type when the request names neither nodes nor ancestors: node_type is
// needed with uuids[] and ancestor_uuids[], as Factorial describes it.
// ancestor_uuids[] keeps the nodes below any of the nodes named, however
// far up; include_full_path fills full_path_to_root (this node first, the
// root last). Only admins, API keys and company tokens see names,
// descriptions and titles; other users get them null.
func (c *call) listTreeNodes() {
	q := c.r.URL.Query()
	typ := q.Get("node_type")
	uuids, ancestors := queryList(q, "uuids[]"), queryList(q, "ancestor_uuids[]")
	if typ == "" && (len(uuids) > 0 || len(ancestors) > 0) {
		c.fail(missingParam("node_type"))
		return
	}
	full, _ := queryBool(q, "include_full_path")
	c.locked(readLock, func() *apiError {
		tbl := c.s.tbl(ResJobCatalogTreeNodes)
		byUUID := make(map[string]map[string]any, len(tbl.ids))
		tbl.each(func(rec map[string]any) bool {
			byUUID[fmtVal(rec["uuid"])] = rec
			return true
		})
		var out []map[string]any
		tbl.each(func(rec map[string]any) bool {
			uuid := fmtVal(rec["uuid"])
			if (typ != "" && fmtVal(rec["type"]) != typ) || (len(uuids) > 0 && !slices.Contains(uuids, uuid)) {
				return true
			}
			path := pathToRoot(byUUID, rec)
			if len(ancestors) > 0 && !slices.ContainsFunc(path[1:], func(a any) bool { return slices.Contains(ancestors, a.(string)) }) {
				return true
			}
			v := maps.Clone(rec)
			v["full_path_to_root"] = nil
			if full {
				v["full_path_to_root"] = path
			}
			if !c.p.privileged() {
				v["name"], v["description"], v["job_catalog_title"] = nil, nil, nil
			}
			out = append(out, v)
			return true
		})
		return c.respondPage(out)
	})
}

// pathToRoot lists the UUIDs from rec up through its ancestors, rec
// first. A dangling or cyclic ancestor ends the path.
func pathToRoot(byUUID map[string]map[string]any, rec map[string]any) []any {
	path := []any{fmtVal(rec["uuid"])}
	for n := rec; len(path) <= len(byUUID); {
		parent := fmtVal(n["ancestor_uuid"])
		next := byUUID[parent]
		if next == nil || slices.Contains(path, any(parent)) {
			break
		}
		path = append(path, parent)
		n = next
	}
	return path
}

// attributeTypes maps the node attributes list's attribute_types[] to the
// attribute types it selects: it_management selects the IT assets, whose
// type is it_management_asset.
var attributeTypes = map[string]string{"it_management": "it_management_asset"}

// listNodeAttributes answers the attributes of one node (node_uuid) of the
// kinds asked (attribute_types[]); Factorial requires both, so a request
// without either is refused. A node without attributes, or one the
// catalog does not have, answers an empty list.
func (c *call) listNodeAttributes() {
	q := c.r.URL.Query()
	node := q.Get("node_uuid")
	if node == "" {
		c.fail(missingParam("node_uuid"))
		return
	}
	var types []string
	for _, t := range queryList(q, "attribute_types[]") {
		if mapped, ok := attributeTypes[t]; ok {
			t = mapped
		}
		types = append(types, t)
	}
	if len(types) == 0 {
		c.fail(missingParam("attribute_types"))
		return
	}
	c.locked(readLock, func() *apiError {
		var out []map[string]any
		c.s.tbl(ResJobCatalogNodeAttributes).each(func(rec map[string]any) bool {
			if fmtVal(rec["node_uuid"]) == node && slices.Contains(types, fmtVal(rec["type"])) {
				out = append(out, rec)
			}
			return true
		})
		return c.respondPage(out)
	})
}
