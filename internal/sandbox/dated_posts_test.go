package sandbox

import (
	"encoding/json"
	"net/http"
	"slices"
	"testing"
)

func init() { areaWalks["posts"] = walkPosts }

// walkPosts is the posts part of TestDatedEveryOperationAnswers2xx.
func walkPosts(t *testing.T, _ *env, ok okFunc) {
	ok("GET", "/posts/groups", nil)
	g := idOf(t, ok("POST", "/posts/groups", map[string]any{"title": "Book club", "description": "What we read", "company_id": "1"}))
	ok("GET", "/posts/groups/"+g, nil)
	ok("PUT", "/posts/groups/"+g, map[string]any{"id": g, "description": "What we are reading"})
	ok("GET", "/posts/posts", nil)
	p := idOf(t, ok("POST", "/posts/posts", map[string]any{"title": "March book", "description": "Dune", "post_group_id": g}))
	ok("GET", "/posts/posts/"+p, nil)
	ok("PUT", "/posts/posts/"+p, map[string]any{"id": p, "title": "March book: Dune"})
	ok("GET", "/posts/comments?post_ids%5B%5D="+p, nil)
	cm := idOf(t, ok("POST", "/posts/comments", map[string]any{"post_id": p, "text": "Count me in"}))
	ok("GET", "/posts/comments/"+cm, nil)
	ok("PUT", "/posts/comments/"+cm, map[string]any{"id": cm, "post_id": p, "text": "Count me in!"})
	ok("DELETE", "/posts/comments/"+cm, nil)
	ok("DELETE", "/posts/posts/"+p, nil)
	ok("POST", "/posts/groups/archive", map[string]any{"id": g})
	ok("DELETE", "/posts/groups/"+g, nil)
}

// TestDatedPostsShareV1: the dated posts are v1's, and a comment written
// through the dated API moves the count v1 shows.
func TestDatedPostsShareV1(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	r := e.dated("GET", "/posts/posts/1", key, nil)
	post := r.obj(t)
	if r.status != 200 || post["title"] != "Welcome Bruno!" || post["posts_group_id"] != "1" || post["comments_count"] != float64(2) {
		t.Fatalf("v1's post through the dated API: %d %v", r.status, post)
	}
	if r := e.dated("GET", "/posts/comments?post_ids%5B%5D=1", key, nil); !slices.Equal(idsOf(t, r), []string{"1", "2"}) {
		t.Errorf("comments of post 1: %s", r.body)
	}
	r = e.dated("POST", "/posts/comments", tokBasic, map[string]any{"post_id": "1", "text": "Hi!"})
	if r.status != http.StatusForbidden {
		t.Errorf("basic user comment: %d %s, want 403", r.status, r.body)
	}
	r = e.dated("POST", "/posts/comments", tokAdmin, map[string]any{"post_id": "1", "text": "Hi!"})
	if r.status != http.StatusCreated || r.obj(t)["author_id"] != "1" {
		t.Fatalf("admin comment: %d %s (author: the admin's access 1)", r.status, r.body)
	}
	cm := idOf(t, r.obj(t))
	status, _, body := e.raw("GET", "/api/v1/posts/1", tokAdmin, "", "")
	var v1 map[string]any
	if err := json.Unmarshal(body, &v1); status != 200 || err != nil || v1["comments_count"] != float64(3) {
		t.Errorf("v1 post after a dated comment: %d %s", status, body)
	}
	if r := e.dated("DELETE", "/posts/comments/"+cm, key, nil); r.status != 200 {
		t.Fatalf("delete comment: %d %s", r.status, r.body)
	}
	if r := e.dated("GET", "/posts/posts/1", key, nil); r.obj(t)["comments_count"] != float64(2) {
		t.Errorf("count after deleting the comment: %s", r.body)
	}
}

// TestDatedPostRules: a post needs an existing group that is not
// archived, a post closed to comments takes none, the comments list needs
// post_ids[], and the lists filter by group, day and search text.
func TestDatedPostRules(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	key := "key:" + tokKey
	if r := e.dated("POST", "/posts/posts", key, map[string]any{"title": "x", "description": "y", "post_group_id": "99"}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("post in a missing group: %d %s, want 422", r.status, r.body)
	}
	r := e.dated("POST", "/posts/posts", key, map[string]any{"title": "Release 2.0", "description": "Shipped", "post_group_id": "2",
		"allow_comments_and_reactions": false})
	if r.status != http.StatusCreated {
		t.Fatalf("create: %d %s", r.status, r.body)
	}
	p := r.obj(t)
	if p["posts_group_id"] != "2" || p["comments_count"] != float64(0) || p["published_at"] == nil {
		t.Errorf("created post: %v", p)
	}
	if r := e.dated("POST", "/posts/comments", key, map[string]any{"post_id": idOf(t, p), "text": "Nice"}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("comment on a closed post: %d %s, want 422", r.status, r.body)
	}
	if r := e.dated("GET", "/posts/comments", key, nil); r.status != http.StatusBadRequest {
		t.Errorf("comments without post_ids[]: %d %s, want 400", r.status, r.body)
	}
	if got := idsOf(t, e.dated("GET", "/posts/posts?groups%5B%5D=2", key, nil)); !slices.Equal(got, []string{idOf(t, p)}) {
		t.Errorf("posts of group 2: %v", got)
	}
	if got := idsOf(t, e.dated("GET", "/posts/posts?until=2000-01-01", key, nil)); len(got) != 0 {
		t.Errorf("posts published by 2000: %v", got)
	}
	if got := idsOf(t, e.dated("GET", "/posts/groups?search=RELEASES", key, nil)); !slices.Equal(got, []string{"2"}) {
		t.Errorf("groups matching RELEASES: %v", got)
	}
	if r := e.dated("POST", "/posts/groups/archive", key, map[string]any{"id": "2"}); r.status != 200 {
		t.Fatalf("archive: %d %s", r.status, r.body)
	}
	if r := e.dated("POST", "/posts/groups/archive", key, map[string]any{"id": "2"}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("archive twice: %d %s, want 422", r.status, r.body)
	}
	if r := e.dated("POST", "/posts/posts", key, map[string]any{"title": "x", "description": "y", "post_group_id": "2"}); r.status != http.StatusUnprocessableEntity {
		t.Errorf("post in an archived group: %d %s, want 422", r.status, r.body)
	}
	if r := e.dated("GET", "/posts/groups/2", key, nil); r.status != 200 {
		t.Errorf("an archived group is still read: %d %s", r.status, r.body)
	}
}
