package sandbox

// The dated API's posts namespace: community groups, the posts published
// in them (v1's posts, one table for both APIs) and comments on posts.
// A post's comments_count is kept in step with its comments, so v1 and
// the dated API show the same count.

import (
	"net/url"
	"slices"
)

// Tables of the community groups and of the comments on posts.
const (
	ResPostGroups   = "posts_groups"
	ResPostComments = "posts_comments"
)

// groupArchivedAt is the internal field of an archived group: the time it
// was archived. No schema shows it.
const groupArchivedAt = "archived_at"

// preparePost: the dated request names the group post_group_id, stored
// as the post's posts_group_id; the group exists and is not archived. A
// new post is published now, by the caller, allows comments unless told
// otherwise and starts with no visits and no comments.
func preparePost(c *call, rec, old map[string]any) *apiError {
	if g, ok := rec["post_group_id"]; ok {
		rec["posts_group_id"] = g
		delete(rec, "post_group_id")
	}
	if old == nil || rec["posts_group_id"] != old["posts_group_id"] {
		g := c.s.tbl(ResPostGroups).recs[intOr(rec["posts_group_id"])]
		switch {
		case g == nil:
			return invalid("post_group_id", "The group does not exist")
		case g[groupArchivedAt] != nil:
			return invalid("post_group_id", "The group is archived")
		}
	}
	if old == nil {
		setDefault(rec, "published_at", c.pj.now)
		setDefault(rec, "allow_comments_and_reactions", true)
		rec["visits_count"], rec["comments_count"], rec["reactions_count"] = 0, 0, 0
		if c.p.EmployeeID != 0 && !c.p.APIKey && !c.p.Company {
			rec["author_id"] = c.p.EmployeeID
		}
	}
	return nil
}

// preparePostComment: the post exists and allows comments; a new comment
// is written by the caller's access (null for API keys and company
// tokens). The posts' comments_count follows the comment.
func preparePostComment(c *call, rec, old map[string]any) *apiError {
	posts := c.s.tbl(ResPosts)
	post := posts.recs[intOr(rec["post_id"])]
	switch {
	case post == nil:
		return invalid("post_id", "The post does not exist")
	case post["allow_comments_and_reactions"] == false && (old == nil || intOr(old["post_id"]) != intOr(rec["post_id"])):
		return invalid("post_id", "The post does not allow comments")
	}
	if old == nil {
		rec["author_id"] = nil
		if emp := c.s.tbl(ResEmployees).recs[c.p.EmployeeID]; emp != nil && !c.p.APIKey && !c.p.Company {
			rec["author_id"] = emp["access_id"]
		}
		c.s.countComment(intOr(rec["post_id"]), 1)
		return nil
	}
	if from, to := intOr(old["post_id"]), intOr(rec["post_id"]); from != to {
		c.s.countComment(from, -1)
		c.s.countComment(to, 1)
	}
	return nil
}

// countComment moves a post's comments_count by delta, never below 0. The
// caller holds the write lock.
func (s *Sandbox) countComment(post, delta int) {
	p := s.tbl(ResPosts).recs[post]
	if p == nil {
		return
	}
	p["comments_count"] = max(0, intOr(p["comments_count"])+delta)
}

// postCommentDeleted takes a deleted comment off its post's count.
func postCommentDeleted(s *Sandbox, rec map[string]any) { s.countComment(intOr(rec["post_id"]), -1) }

// listPostComments lists the comments of the posts in post_ids[], which
// Factorial requires (400 without it).
func (c *call) listPostComments() {
	if len(queryList(c.r.URL.Query(), "post_ids[]")) == 0 {
		c.fail(missingParam("post_ids"))
		return
	}
	c.list()
}

// archivePostGroup archives a group, keeping its posts; an archived group
// takes no new posts (preparePost). Archiving it again is refused.
func (c *call) archivePostGroup() {
	c.onRecord(writeLock, byID(ResPostGroups), func(rec map[string]any) *apiError {
		if rec[groupArchivedAt] != nil {
			return invalid("id", "The group is already archived")
		}
		rec[groupArchivedAt] = c.pj.now
		rec["updated_at"] = c.pj.now
		c.respond(rec)
		return nil
	})
}

// postFilter applies groups[] (group ids) and the from/until days, which
// bound the publication day.
func postFilter(c *call, q url.Values) func(v map[string]any) bool {
	groups := queryList(q, "groups[]")
	from, until := q.Get("from"), q.Get("until")
	return func(v map[string]any) bool {
		if len(groups) > 0 && !slices.Contains(groups, fmtVal(v["posts_group_id"])) {
			return false
		}
		return onOrAfter(v["published_at"], from) && onOrBefore(v["published_at"], until)
	}
}

// seedPosts writes the community groups (the first is the group of v1's
// seeded post) and the two comments v1's post counts.
func seedPosts(put func(res string, recs ...map[string]any)) {
	type M = map[string]any
	put(ResPostGroups,
		M{"id": 1, "title": "Company announcements", "description": "News from the whole company", "company_id": 1},
		M{"id": 2, "title": "Engineering", "description": "Releases, incidents and tech talks", "company_id": 1})
	put(ResPostComments,
		M{"id": 1, "post_id": 1, "author_id": 2, "text": "Welcome aboard, Bruno!"},
		M{"id": 2, "post_id": 1, "author_id": 3, "text": "Great to have you in the team"})
}
