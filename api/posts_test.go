package api_test

import (
	"context"
	"net/http"
	"testing"
	"time"

	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/internal/apitest"
)

// Post shapes: only the 2024 spec and one other open-source client
// (leon1995's) describe posts.
const (
	postEventJSON = `{"id":7001,"title":"Calçotada de primavera","description":"Nos vemos en Valls el sábado. Autobús desde la oficina a las 10:00.","type":"event","allow_comments_and_reactions":true,"location":"Valls, Tarragona",` +
		`"published_at":"2024-03-04T09:00:00.000+01:00","starts_at":"2024-03-16T10:00:00.000+01:00","ends_at":"2024-03-16T18:00:00.000+01:00","created_at":"2024-03-04T08:55:12.000Z","updated_at":"2024-03-04T08:55:12.000Z",` +
		`"visits_count":143,"comments_count":12,"reactions_count":57,"cover_image_url":"https://factorial-production.s3.eu-west-1.amazonaws.com/posts/7001/cover/calcotada.jpg","author_id":3,"posts_group_id":14,"target_id":null}`
	postAnnouncementJSON = `{"id":7002,"title":"Bienvenida, Ana","description":"Hoy se incorpora Ana Ruiz al equipo de Finanzas.","type":"first_day","allow_comments_and_reactions":true,"location":null,` +
		`"published_at":"2024-03-01T08:00:00.000+01:00","starts_at":null,"ends_at":null,"created_at":"2024-03-01T07:00:02.000Z","updated_at":"2024-03-01T07:00:02.000Z",` +
		`"visits_count":88,"comments_count":9,"reactions_count":41,"cover_image_url":null,"author_id":null,"posts_group_id":14,"target_id":7}`
)

func TestListPosts(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/posts", Status: 200,
		Body:  `[` + postEventJSON + `,` + postAnnouncementJSON + `]`,
		Check: func(t testing.TB, r *http.Request, _ []byte) { noQuery(t, r) },
	}))
	res, err := c.ListPostsWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 2 {
		t.Fatalf("status %d, posts = %v", res.StatusCode(), res.JSON200)
	}
	p := (*res.JSON200)[0]
	if p.ID != 7001 {
		t.Errorf("ID = %d, want 7001", p.ID)
	}
	wantPtr(t, "Type", p.Type, api.PostTypeEvent)
	wantPtr(t, "StartsAt", p.StartsAt, "2024-03-16T10:00:00.000+01:00")
	wantPtr(t, "ReactionsCount", p.ReactionsCount, 57)
	wantPtr(t, "PostsGroupID", p.PostsGroupID, 14)
	wantNil(t, "TargetID", p.TargetID)
	wantPtr(t, "CreatedAt", p.CreatedAt, time.Date(2024, 3, 4, 8, 55, 12, 0, time.UTC))
	first := (*res.JSON200)[1]
	wantPtr(t, "[1].Type", first.Type, api.PostTypeFirstDay)
	wantPtr(t, "[1].TargetID", first.TargetID, 7)
	wantNil(t, "[1].StartsAt", first.StartsAt)
	wantNil(t, "[1].CoverImageURL", first.CoverImageURL)
}

func TestListPosts_BasicUser(t *testing.T) {
	// Restricted payload: counters, author and audit fields withheld.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/posts", Status: 200,
		Body: `[{"id":7003,"title":"Cierre de oficina por Sant Joan","description":"La oficina de Barcelona cierra el lunes 24 de junio.","type":"announcement","allow_comments_and_reactions":null,"location":null,` +
			`"published_at":"2024-06-10T09:00:00.000+02:00","starts_at":null,"ends_at":null,"created_at":null,"updated_at":null,"visits_count":null,"comments_count":null,"reactions_count":null,"cover_image_url":null,"author_id":null,"posts_group_id":null,"target_id":null}]`,
	}))
	res, err := c.ListPostsWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || len(*res.JSON200) != 1 {
		t.Fatalf("status %d, posts = %v", res.StatusCode(), res.JSON200)
	}
	p := (*res.JSON200)[0]
	wantPtr(t, "Type", p.Type, api.PostTypeAnnouncement)
	wantPtr(t, "Title", p.Title, "Cierre de oficina por Sant Joan")
	wantNil(t, "AuthorID", p.AuthorID)
	wantNil(t, "VisitsCount", p.VisitsCount)
	wantNil(t, "CreatedAt", p.CreatedAt)
	wantNil(t, "AllowCommentsAndReactions", p.AllowCommentsAndReactions)
}

func TestListPosts_ServerErrorNoBody(t *testing.T) {
	// The 2024 spec documents a 500 with no body for this route.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/posts", Status: 500,
	}))
	res, err := c.ListPostsWithResponse(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 500 || res.JSON200 != nil || res.JSONDefault != nil || len(res.Body) != 0 {
		t.Fatalf("status %d, JSON200 %v, JSONDefault %v, body %q", res.StatusCode(), res.JSON200, res.JSONDefault, res.Body)
	}
}

func TestCreatePost(t *testing.T) {
	const jpg = "\xff\xd8\xff\xe0\x00\x10JFIF\x00calcotada\xff\xd9"
	const pdf = "%PDF-1.4\n% programa calçotada\n%%EOF\n"
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/posts", Status: 200, Body: postEventJSON,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			f := parseMultipart(t, r, body)
			wantFilePart(t, f, "image", "calcotada.jpg", "image/jpeg", jpg)
			wantFilePart(t, f, "attachments", "programa.pdf", "application/pdf", pdf)
			wantFormValues(t, f, map[string][]string{
				"title":                        {"Calçotada de primavera"},
				"description":                  {"Nos vemos en Valls el sábado. Autobús desde la oficina a las 10:00."},
				"posts_group_id":               {"14"},
				"type":                         {"event"},
				"published_at":                 {"2024-03-04T09:00:00+01:00"},
				"starts_at":                    {"2024-03-16T10:00:00+01:00"},
				"ends_at":                      {"2024-03-16T18:00:00+01:00"},
				"location":                     {"Valls, Tarragona"},
				"send_notifications":           {"true"},
				"allow_comments_and_reactions": {"true"},
			})
			if f != nil && (len(f.Value) != 10 || len(f.File) != 2) {
				t.Errorf("multipart = %d fields, %d file parts; want 10 and 2", len(f.Value), len(f.File))
			}
		},
	}))
	ct, body := multipartBody(t,
		formPart{Name: "title", Value: "Calçotada de primavera"},
		formPart{Name: "description", Value: "Nos vemos en Valls el sábado. Autobús desde la oficina a las 10:00."},
		formPart{Name: "posts_group_id", Value: "14"},
		formPart{Name: "type", Value: string(api.PostCreateTypeEvent)},
		formPart{Name: "published_at", Value: "2024-03-04T09:00:00+01:00"},
		formPart{Name: "starts_at", Value: "2024-03-16T10:00:00+01:00"},
		formPart{Name: "ends_at", Value: "2024-03-16T18:00:00+01:00"},
		formPart{Name: "location", Value: "Valls, Tarragona"},
		formPart{Name: "send_notifications", Value: "true"},
		formPart{Name: "allow_comments_and_reactions", Value: "true"},
		formPart{Name: "image", Filename: "calcotada.jpg", ContentType: "image/jpeg", Value: jpg},
		formPart{Name: "attachments", Filename: "programa.pdf", ContentType: "application/pdf", Value: pdf},
	)
	res, err := c.CreatePostWithBodyWithResponse(context.Background(), ct, body)
	if err != nil {
		t.Fatal(err)
	}
	p := res.JSON200
	if p == nil || p.ID != 7001 {
		t.Fatalf("status %d, post = %+v (body %s)", res.StatusCode(), p, res.Body)
	}
	wantPtr(t, "Title", p.Title, "Calçotada de primavera")
	wantPtr(t, "Location", p.Location, "Valls, Tarragona")
	wantPtr(t, "CoverImageURL", p.CoverImageURL, "https://factorial-production.s3.eu-west-1.amazonaws.com/posts/7001/cover/calcotada.jpg")
	wantPtr(t, "AuthorID", p.AuthorID, 3)
}

func TestCreatePost_TargetedNoFiles(t *testing.T) {
	// The required fields plus a target employee; no file parts.
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPost, Path: "/api/v1/posts", Status: 200, Body: postAnnouncementJSON,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			f := parseMultipart(t, r, body)
			wantFormValues(t, f, map[string][]string{
				"title": {"Bienvenida, Ana"}, "description": {"Hoy se incorpora Ana Ruiz al equipo de Finanzas."},
				"posts_group_id": {"14"}, "type": {"first_day"}, "published_at": {"2024-03-01T08:00:00+01:00"}, "target_id": {"7"},
			})
			if f != nil && (len(f.Value) != 6 || len(f.File) != 0) {
				t.Errorf("multipart = %v fields, %d file parts; want 6 and 0", f.Value, len(f.File))
			}
		},
	}))
	ct, body := multipartBody(t,
		formPart{Name: "title", Value: "Bienvenida, Ana"},
		formPart{Name: "description", Value: "Hoy se incorpora Ana Ruiz al equipo de Finanzas."},
		formPart{Name: "posts_group_id", Value: "14"},
		formPart{Name: "type", Value: string(api.PostCreateTypeFirstDay)},
		formPart{Name: "published_at", Value: "2024-03-01T08:00:00+01:00"},
		formPart{Name: "target_id", Value: "7"},
	)
	res, err := c.CreatePostWithBodyWithResponse(context.Background(), ct, body)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 7002 {
		t.Fatalf("status %d, post = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "TargetID", res.JSON200.TargetID, 7)
	wantPtr(t, "Type", res.JSON200.Type, api.PostTypeFirstDay)
}

func TestGetPost(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodGet, Path: "/api/v1/posts/7002", Status: 200, Body: postAnnouncementJSON,
	}))
	res, err := c.GetPostWithResponse(context.Background(), 7002)
	if err != nil {
		t.Fatal(err)
	}
	p := res.JSON200
	if p == nil || p.ID != 7002 {
		t.Fatalf("status %d, post = %+v", res.StatusCode(), p)
	}
	wantPtr(t, "Title", p.Title, "Bienvenida, Ana")
	wantPtr(t, "PublishedAt", p.PublishedAt, "2024-03-01T08:00:00.000+01:00")
	wantPtr(t, "CommentsCount", p.CommentsCount, 9)
	wantNil(t, "AuthorID", p.AuthorID)
}

func TestUpdatePost(t *testing.T) {
	const png = "\x89PNG\r\n\x1a\nnueva-portada"
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodPut, Path: "/api/v1/posts/7001", Status: 200,
		Body: `{"id":7001,"title":"Calçotada de primavera (nueva fecha)","description":"Nos vemos en Valls el sábado. Autobús desde la oficina a las 10:00.","type":"event","allow_comments_and_reactions":false,"location":"Valls, Tarragona",` +
			`"published_at":"2024-03-04T09:00:00.000+01:00","starts_at":"2024-03-23T10:00:00.000+01:00","ends_at":"2024-03-16T18:00:00.000+01:00","created_at":"2024-03-04T08:55:12.000Z","updated_at":"2024-03-11T16:30:45.000Z",` +
			`"visits_count":201,"comments_count":15,"reactions_count":63,"cover_image_url":"https://factorial-production.s3.eu-west-1.amazonaws.com/posts/7001/cover/portada.png","author_id":3,"posts_group_id":14,"target_id":null}`,
		Check: func(t testing.TB, r *http.Request, body []byte) {
			f := parseMultipart(t, r, body)
			wantFilePart(t, f, "image", "portada.png", "image/png", png)
			wantFormValues(t, f, map[string][]string{
				"id":                           {"7001"},
				"title":                        {"Calçotada de primavera (nueva fecha)"},
				"starts_at":                    {"2024-03-23T10:00:00+01:00"},
				"allow_comments_and_reactions": {"false"},
				"send_notifications":           {"false"},
				"delete_cover_image":           {"true"},
				"deleted_attachments[]":        {"880", "881"},
			})
			if f != nil && (len(f.Value) != 7 || len(f.File) != 1) {
				t.Errorf("multipart = %v fields, %d file parts; want 7 and 1", f.Value, len(f.File))
			}
		},
	}))
	ct, body := multipartBody(t,
		formPart{Name: "id", Value: "7001"},
		formPart{Name: "title", Value: "Calçotada de primavera (nueva fecha)"},
		formPart{Name: "starts_at", Value: "2024-03-23T10:00:00+01:00"},
		formPart{Name: "allow_comments_and_reactions", Value: "false"},
		formPart{Name: "send_notifications", Value: "false"},
		formPart{Name: "delete_cover_image", Value: "true"},
		formPart{Name: "image", Filename: "portada.png", ContentType: "image/png", Value: png},
		// The spec's array property as repeated parts.
		formPart{Name: "deleted_attachments[]", Value: "880"},
		formPart{Name: "deleted_attachments[]", Value: "881"},
	)
	res, err := c.UpdatePostWithBodyWithResponse(context.Background(), 7001, ct, body)
	if err != nil {
		t.Fatal(err)
	}
	p := res.JSON200
	if p == nil || p.ID != 7001 {
		t.Fatalf("status %d, post = %+v (body %s)", res.StatusCode(), p, res.Body)
	}
	wantPtr(t, "Title", p.Title, "Calçotada de primavera (nueva fecha)")
	wantPtr(t, "StartsAt", p.StartsAt, "2024-03-23T10:00:00.000+01:00")
	wantPtr(t, "AllowCommentsAndReactions", p.AllowCommentsAndReactions, false)
	wantPtr(t, "UpdatedAt", p.UpdatedAt, time.Date(2024, 3, 11, 16, 30, 45, 0, time.UTC))
}

func TestDeletePost(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/posts/7002", Status: 200, Body: postAnnouncementJSON,
	}))
	res, err := c.DeletePostWithResponse(context.Background(), 7002)
	if err != nil {
		t.Fatal(err)
	}
	if res.JSON200 == nil || res.JSON200.ID != 7002 {
		t.Fatalf("status %d, post = %+v", res.StatusCode(), res.JSON200)
	}
	wantPtr(t, "Type", res.JSON200.Type, api.PostTypeFirstDay)
}

func TestDeletePost_NoContent(t *testing.T) {
	c := apitest.NewClient(t, apitest.Handler(t, apitest.Exchange{
		Method: http.MethodDelete, Path: "/api/v1/posts/7002", Status: 204,
	}))
	res, err := c.DeletePostWithResponse(context.Background(), 7002)
	if err != nil {
		t.Fatal(err)
	}
	if res.StatusCode() != 204 || res.JSON200 != nil {
		t.Fatalf("status %d, JSON200 %+v; want 204 and nil", res.StatusCode(), res.JSON200)
	}
}
