package main

import (
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
)

var update = flag.Bool("update", false, "rewrite the golden files from this run")

// TestGolden runs servicegen on its test document (testdata/mini.yaml and
// oapi-codegen's output for it) and compares every file it writes with
// testdata/golden. After an intended change: go test ./scripts/servicegen -update.
func TestGolden(t *testing.T) {
	o, err := loadOptions("testdata/servicegen.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	// run rewrites the header of its input; work on a copy.
	gen, err := os.ReadFile(o.Gen)
	if err != nil {
		t.Fatal(err)
	}
	o.Gen = filepath.Join(dir, "mini.gen.go")
	if err := os.WriteFile(o.Gen, gen, 0o644); err != nil {
		t.Fatal(err)
	}
	golden := map[string]string{}
	for _, out := range []*string{&o.Out, &o.Getters, &o.Docs, &o.Events} {
		name := filepath.Base(*out)
		golden[filepath.Join(dir, name)] = *out
		*out = filepath.Join(dir, name)
	}
	if err := run(o); err != nil {
		t.Fatal(err)
	}
	for got, want := range golden {
		data, err := os.ReadFile(got)
		if err != nil {
			t.Fatal(err)
		}
		if *update {
			if err := os.WriteFile(want, data, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		expected, err := os.ReadFile(want)
		if err != nil {
			t.Fatalf("%v (run with -update to create it)", err)
		}
		if string(data) != string(expected) {
			t.Errorf("%s differs from %s (run with -update after an intended change):\n%s", filepath.Base(got), want, firstDiff(string(expected), string(data)))
		}
	}
}

// The rendering decisions the golden files hold, spelled out.
func TestGoldenContents(t *testing.T) {
	read := func(name string) string {
		data, err := os.ReadFile(filepath.Join("testdata/golden", name))
		if err != nil {
			t.Fatal(err)
		}
		return string(data)
	}
	services := read("services.gen.go.txt")
	for _, want := range []string{
		// A paginated list: every page, an iterator, one page.
		"func (s *PetsService) List(ctx context.Context, params *mini.ListPetsParams) ([]mini.Pet, error)",
		"func (s *PetsService) ListIter(ctx context.Context, params *mini.ListPetsParams) iter.Seq2[mini.Pet, error]",
		"func (s *PetsService) ListPage(ctx context.Context, params *mini.ListPetsParams) (mini.PetPage, error)",
		// A delete answering 200 or 204: a pointer.
		"func (s *PetsService) Delete(ctx context.Context, id string) (*mini.Pet, error)",
		// An action without a body: only an error.
		"func (s *PetsService) Adopt(ctx context.Context, body mini.AdoptPetJSONRequestBody) error",
		// A bare array streams.
		"func (s *PetsService) ListVisitsIter(ctx context.Context) iter.Seq2[mini.Visit, error]",
		// The descriptor and the request built from it, without parsing.
		`engine.Operation{ID: "GetPet", Method: "GET", Path: "/pets/pets/{id}", Dated: true, Success: []engine.Response{{Status: 200, Media: engine.MediaJSON}}}`,
		`engine.Operation{ID: "CreateToken", Method: "POST", Path: "/auth/token", Dated: true, NoCredentials: true`,
		`s.c.newRequest(ctx, &miniGetPet, &s.c.datedBase, s.c.datedBase.path+"/pets/pets/"+url.PathEscape(string(id)), "", nil)`,
		`q.add("ids[]", string(v))`,
		`q.add("born_on", (*p.BornOn).String())`,
	} {
		if !strings.Contains(services, want) {
			t.Errorf("services lack %q", want)
		}
	}
	getters := read("getters.gen.go.txt")
	for _, want := range []string{
		"func (x *Pet) GetName() (v string)", // not a pointer: a getter all the same
		"func (x *Pet) GetBornOn() (v openapi_types.Date)",
		`func (x Token) String() string { return pretty.String(x, "AccessToken", "RefreshToken") }`,
	} {
		if !strings.Contains(getters, want) {
			t.Errorf("getters lack %q", want)
		}
	}
	events := read("events.gen.go.txt")
	if !strings.Contains(events, `PetsPetAdopt Event = "pets/pet/adopt"`) || !strings.Contains(events, "reflect.TypeFor[mini.Pet]()") {
		t.Errorf("events:\n%s", events)
	}
}

func TestLoadOptionsRefusesBadConfigs(t *testing.T) {
	dir := t.TempDir()
	for name, body := range map[string]string{
		"unknown field": `{"spec":"a","gen":"b","package":"c","services":"d","getters":"e","docs":"f","server":"g","base":"h","prefix":"i","sevrer":"typo"}`,
		"missing field": `{"spec":"a","gen":"b","package":"c","services":"d","getters":"e","docs":"f","server":"g","base":"h"}`,
		"not json":      `spec: a`,
	} {
		path := filepath.Join(dir, "c.json")
		if err := os.WriteFile(path, []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
		if _, err := loadOptions(path); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// A spec servicegen cannot render is an error naming the operation, not a
// crash or a silently wrong file.
func TestRunNamesWhatItCannotRender(t *testing.T) {
	spec, err := os.ReadFile("testdata/mini.yaml")
	if err != nil {
		t.Fatal(err)
	}
	for name, tc := range map[string]struct {
		from, to string
		want     []string
	}{
		"range status": {`"201":
          description: Created.`, `"2XX":
          description: Created.`, []string{"CreatePet"}},
		"two tags": {"tags: [Pets]\n      summary: Get a pet", "tags: [Pets, Auth]\n      summary: Get a pet", []string{"want exactly one tag"}},
		// The events file names its event and the schema it cannot find.
		"unknown event payload": {"pets/pet/adopt: Pet", "pets/pet/adopt: Parrot", []string{"e: x-webhook-events", "pets/pet/adopt", `"Parrot"`}},
	} {
		t.Run(name, func(t *testing.T) {
			broken := strings.Replace(string(spec), tc.from, tc.to, 1)
			if broken == string(spec) {
				t.Fatal("the edit did not apply")
			}
			err := run(tempOptions(t, broken))
			for _, want := range tc.want {
				if err == nil || !strings.Contains(err.Error(), want) {
					t.Errorf("got %v, want an error naming %q", err, want)
				}
			}
		})
	}
}

// tempOptions is the test configuration with every file in a temporary
// directory: spec as the document, a copy of its generated code, and the
// outputs named s (services), g (getters), d (docs) and e (events).
func tempOptions(t *testing.T, spec string) options {
	t.Helper()
	o, err := loadOptions("testdata/servicegen.json")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	gen, err := os.ReadFile(o.Gen)
	if err != nil {
		t.Fatal(err)
	}
	o.Spec, o.Gen = filepath.Join(dir, "mini.yaml"), filepath.Join(dir, "mini.gen.go")
	o.Out, o.Getters, o.Docs, o.Events = filepath.Join(dir, "s"), filepath.Join(dir, "g"), filepath.Join(dir, "d"), filepath.Join(dir, "e")
	for path, data := range map[string][]byte{o.Spec: []byte(spec), o.Gen: gen} {
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return o
}

func firstDiff(a, b string) string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(al) || i < len(bl); i++ {
		var x, y string
		if i < len(al) {
			x = al[i]
		}
		if i < len(bl) {
			y = bl[i]
		}
		if x != y {
			return "line " + strconv.Itoa(i+1) + ":\n- " + x + "\n+ " + y
		}
	}
	return ""
}

func TestReplacement(t *testing.T) {
	successors := map[string]string{"ListEmployees": "Employees.List (GET /employees/employees)", "InviteEmployee": "Employees.Invite (POST /employees/employees/invite)"}
	op := &openapi3.Operation{Extensions: map[string]any{"x-replaced-by": []any{"ListEmployees", "InviteEmployee"}}}
	got, err := replacement(op, successors)
	if err != nil || got != "Client.Employees.List (GET /employees/employees) or Client.Employees.Invite (POST /employees/employees/invite)" {
		t.Errorf("got %q, %v", got, err)
	}
	if got, err := replacement(&openapi3.Operation{}, successors); got != "" || err != nil {
		t.Errorf("without the extension: %q, %v", got, err)
	}
	op.Extensions["x-replaced-by"] = []any{"ListEmployes"}
	if _, err := replacement(op, successors); err == nil || !strings.Contains(err.Error(), "ListEmployes") {
		t.Errorf("a misspelt operationId: %v", err)
	}
}
