package resources_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/factorial-go/factorial/resources"
)

// Posts: community groups, the posts published in them and comments.

const (
	postJSON = `{"id":"51","title":"Are you ready for the performance review?","description":"It starts today.",` +
		`"allow_comments_and_reactions":true,"published_at":"2026-07-01T08:00:00Z","created_at":"2026-06-30T17:00:00Z",` +
		`"updated_at":"2026-06-30T17:00:00Z","visits_count":10,"comments_count":2,"cover_image_url":null,"posts_group_id":"3"}`
	postGroupJSON   = `{"id":"3","title":"Company announcements","description":"News from the whole company"}`
	postCommentJSON = `{"id":"700","post_id":"51","author_id":"8","text":"Ready!","created_at":"2026-07-01T09:15:00Z"}`
)

func checkPost(t *testing.T, p resources.Post) {
	t.Helper()
	eq(t, "ID", p.ID, "51")
	is(t, "AllowCommentsAndReactions", p.AllowCommentsAndReactions, true)
	at(t, "PublishedAt", p.PublishedAt, "2026-07-01T08:00:00Z")
	is(t, "VisitsCount", p.VisitsCount, 10)
	is(t, "CommentsCount", p.CommentsCount, 2)
	null(t, "CoverImageURL", p.CoverImageURL)
	is(t, "PostsGroupID", p.PostsGroupID, "3")
}

func TestListPosts(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/posts/posts", status: 200, body: page(onePage(1), postJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"groups[]": {"3", "4"}, "from": {"2026-06-01"}, "until": {"2026-07-31"}})
		}})
	all, err := c.Posts.List(t.Context(), &resources.ListPostsParams{Groups: []string{"3", "4"}, From: datep("2026-06-01"), Until: datep("2026-07-31")})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d posts, want 1", len(all))
	}
	checkPost(t, all[0])
}

// TestCreatePost sends the group as post_group_id; the post shows it as
// posts_group_id.
func TestCreatePost(t *testing.T) {
	c := one(t, exchange{method: http.MethodPost, path: "/posts/posts", status: 201, body: postJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"title":"Are you ready for the performance review?","description":"It starts today.",`+
				`"post_group_id":"3","allow_comments_and_reactions":true}`)
		}})
	p, err := c.Posts.Create(t.Context(), resources.PostCreate{Title: "Are you ready for the performance review?",
		Description: "It starts today.", PostGroupID: "3", AllowCommentsAndReactions: ptr(true)})
	must(t, err)
	checkPost(t, p)
}

func TestGetPost(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/posts/posts/51", status: 200, body: postJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) }})
	p, err := c.Posts.Get(t.Context(), "51")
	must(t, err)
	checkPost(t, p)
}

func TestUpdatePost(t *testing.T) {
	c := one(t, exchange{method: http.MethodPut, path: "/posts/posts/51", status: 200, body: postJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"51","allow_comments_and_reactions":true}`)
		}})
	p, err := c.Posts.Update(t.Context(), "51", resources.PostUpdate{ID: "51", AllowCommentsAndReactions: ptr(true)})
	must(t, err)
	checkPost(t, p)
}

func TestDeletePost(t *testing.T) {
	c := one(t, exchange{method: http.MethodDelete, path: "/posts/posts/51", status: 200, body: postJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) }})
	p, err := c.Posts.Delete(t.Context(), "51")
	must(t, err)
	checkPost(t, p)
}

func checkPostGroup(t *testing.T, g resources.PostGroup) {
	t.Helper()
	eq(t, "ID", g.ID, "3")
	is(t, "Title", g.Title, "Company announcements")
	is(t, "Description", g.Description, "News from the whole company")
}

func TestListPostGroups(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/posts/groups", status: 200, body: page(onePage(1), postGroupJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"search": {"announce"}})
		}})
	all, err := c.Posts.ListGroups(t.Context(), &resources.ListPostGroupsParams{Search: ptr("announce")})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d groups, want 1", len(all))
	}
	checkPostGroup(t, all[0])
}

func TestCreatePostGroup(t *testing.T) {
	c := one(t, exchange{method: http.MethodPost, path: "/posts/groups", status: 201, body: postGroupJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"title":"Company announcements","description":"News from the whole company","company_id":"77"}`)
		}})
	g, err := c.Posts.CreateGroup(t.Context(), resources.PostGroupCreate{Title: "Company announcements",
		Description: "News from the whole company", CompanyID: "77"})
	must(t, err)
	checkPostGroup(t, g)
}

func TestGetPostGroup(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/posts/groups/3", status: 200, body: postGroupJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) }})
	g, err := c.Posts.GetGroup(t.Context(), "3")
	must(t, err)
	checkPostGroup(t, g)
}

func TestUpdatePostGroup(t *testing.T) {
	c := one(t, exchange{method: http.MethodPut, path: "/posts/groups/3", status: 200, body: postGroupJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"3","description":"News from the whole company"}`)
		}})
	g, err := c.Posts.UpdateGroup(t.Context(), "3", resources.PostGroupUpdate{ID: "3", Description: ptr("News from the whole company")})
	must(t, err)
	checkPostGroup(t, g)
}

func TestDeletePostGroup(t *testing.T) {
	c := one(t, exchange{method: http.MethodDelete, path: "/posts/groups/3", status: 200, body: postGroupJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) }})
	g, err := c.Posts.DeleteGroup(t.Context(), "3")
	must(t, err)
	checkPostGroup(t, g)
}

func TestArchivePostGroup(t *testing.T) {
	c := one(t, exchange{method: http.MethodPost, path: "/posts/groups/archive", status: 200, body: postGroupJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { wantJSON(t, r, body, `{"id":"3"}`) }})
	g, err := c.Posts.ArchiveGroup(t.Context(), resources.ArchivePostGroupInput{ID: "3"})
	must(t, err)
	checkPostGroup(t, g)
}

func checkPostComment(t *testing.T, cm resources.PostComment) {
	t.Helper()
	eq(t, "ID", cm.ID, "700")
	is(t, "PostID", cm.PostID, "51")
	is(t, "AuthorID", cm.AuthorID, "8")
	is(t, "Text", cm.Text, "Ready!")
	at(t, "CreatedAt", cm.CreatedAt, "2026-07-01T09:15:00Z")
}

func TestListPostComments(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/posts/comments", status: 200, body: page(onePage(1), postCommentJSON),
		check: func(t testing.TB, r *http.Request, body []byte) {
			noBody(t, body)
			wantQuery(t, r, url.Values{"post_ids[]": {"51"}})
		}})
	all, err := c.Posts.ListComments(t.Context(), &resources.ListPostCommentsParams{PostIDs: []string{"51"}})
	must(t, err)
	if len(all) != 1 {
		t.Fatalf("%d comments, want 1", len(all))
	}
	checkPostComment(t, all[0])
}

func TestCreatePostComment(t *testing.T) {
	c := one(t, exchange{method: http.MethodPost, path: "/posts/comments", status: 201, body: postCommentJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"post_id":"51","text":"Ready!"}`)
		}})
	cm, err := c.Posts.CreateComment(t.Context(), resources.PostCommentCreate{PostID: "51", Text: "Ready!"})
	must(t, err)
	checkPostComment(t, cm)
}

func TestGetPostComment(t *testing.T) {
	c := one(t, exchange{method: http.MethodGet, path: "/posts/comments/700", status: 200, body: postCommentJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) }})
	cm, err := c.Posts.GetComment(t.Context(), "700")
	must(t, err)
	checkPostComment(t, cm)
}

func TestUpdatePostComment(t *testing.T) {
	c := one(t, exchange{method: http.MethodPut, path: "/posts/comments/700", status: 200, body: postCommentJSON,
		check: func(t testing.TB, r *http.Request, body []byte) {
			wantJSON(t, r, body, `{"id":"700","post_id":"51","text":"Ready!"}`)
		}})
	cm, err := c.Posts.UpdateComment(t.Context(), "700", resources.PostCommentUpdate{ID: "700", PostID: "51", Text: "Ready!"})
	must(t, err)
	checkPostComment(t, cm)
}

func TestDeletePostComment(t *testing.T) {
	c := one(t, exchange{method: http.MethodDelete, path: "/posts/comments/700", status: 200, body: postCommentJSON,
		check: func(t testing.TB, r *http.Request, body []byte) { noBody(t, body) }})
	cm, err := c.Posts.DeleteComment(t.Context(), "700")
	must(t, err)
	checkPostComment(t, cm)
}
