package factorial_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestConsumerModuleInheritsNoGenerator builds a throwaway module that
// imports every public package of this one, runs `go mod tidy` in it, and
// fails if the generator or anything only the generator needs reaches the
// consumer's go.mod, or if the PostgreSQL driver (which only oauth/pgstore
// needs) reaches its go.mod, its packages or its binary. A user's build
// gets only what it runs.
func TestConsumerModuleInheritsNoGenerator(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the go command")
	}
	root, err := filepath.Abs(".")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("go.mod", "module example.com/consumer\n\ngo 1.26.0\n\nrequire github.com/factorial-go/factorial v0.0.0\n\nreplace github.com/factorial-go/factorial => "+root+"\n")
	write("main.go", `package main

import (
	"context"
	"fmt"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/factorialtest"
	"github.com/factorial-go/factorial/oauth"
	"github.com/factorial-go/factorial/resources"
	"github.com/factorial-go/factorial/webhook"
)

func main() {
	srv := factorialtest.NewServer()
	defer srv.Close()
	c, err := factorial.NewClient(factorial.WithBaseURL(srv.URL()), factorial.WithAPIKey(factorialtest.DefaultAPIKey))
	if err != nil {
		panic(err)
	}
	var e api.Employee
	me, err := c.V1.Credentials.GetMe(context.Background())
	var l resources.Leave
	fmt.Println(e.GetEmail(), me.Email, err, oauth.OOBRedirectURI, l.GetEmployeeID(), webhook.EventTypes())
}
`)
	gocmd, err := exec.LookPath("go")
	if err != nil {
		t.Fatalf("the go command: %v", err)
	}
	tidy := exec.Command(gocmd, "mod", "tidy")
	tidy.Dir = dir
	tidy.Env = append(os.Environ(), "GOFLAGS=-mod=mod", "GOWORK=off")
	if out, err := tidy.CombinedOutput(); err != nil {
		t.Fatalf("go mod tidy in the consumer module: %v\n%s", err, out)
	}
	gomod, err := os.ReadFile(filepath.Join(dir, "go.mod"))
	if err != nil {
		t.Fatal(err)
	}
	for _, leak := range []string{
		"github.com/oapi-codegen/oapi-codegen",
		"golang.org/x/tools",
		"golang.org/x/mod",
		"github.com/speakeasy-api",
		"github.com/dprotaso/go-yit",
		"github.com/vmware-labs/yaml-jsonpath",
		"github.com/jackc/",
	} {
		if strings.Contains(string(gomod), leak) {
			t.Errorf("the consumer's go.mod requires %s, which only the generator (or, for pgx, oauth/pgstore) needs:\n%s", leak, gomod)
		}
	}
	consumerBin := filepath.Join(dir, "consumer.bin")
	build := exec.Command(gocmd, "build", "-o", consumerBin, ".")
	build.Dir = dir
	build.Env = tidy.Env
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the consumer module does not build: %v\n%s", err, out)
	}
	listDeps := exec.Command(gocmd, "list", "-deps", ".")
	listDeps.Dir = dir
	listDeps.Env = tidy.Env
	pkgs, err := listDeps.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	if !strings.Contains(string(pkgs), "github.com/factorial-go/factorial/oauth\n") {
		t.Fatalf("go list -deps does not list package oauth; the check below would prove nothing:\n%s", pkgs)
	}
	consumerVersion := exec.Command(gocmd, "version", "-m", consumerBin)
	consumerVersion.Env = tidy.Env
	info, err := consumerVersion.Output()
	if err != nil {
		t.Fatalf("go version -m: %v", err)
	}
	// The same check on the one package that does use the driver, so a
	// renamed driver module cannot make the check pass vacuously.
	pgDeps := exec.Command(gocmd, "list", "-deps", "./oauth/pgstore")
	pgDeps.Dir = root
	pgPkgs, err := pgDeps.Output()
	if err != nil {
		t.Fatalf("go list -deps ./oauth/pgstore: %v", err)
	}
	if !strings.Contains(string(pgPkgs), "github.com/jackc/pgx/v5\n") {
		t.Fatalf("oauth/pgstore does not list the driver github.com/jackc/pgx/v5 among its dependencies:\n%s", pgPkgs)
	}
	for _, text := range []string{string(pkgs), string(info)} {
		if strings.Contains(text, "github.com/jackc/") || strings.Contains(text, "oauth/pgstore") {
			t.Errorf("a program importing the root package and oauth links the PostgreSQL driver:\n%s", text)
		}
	}
	t.Logf("consumer go.mod after tidy:\n%s", gomod)

	// A program that only calls the API links no OpenAPI parser, YAML or
	// JSON-schema code: those come with package validate alone.
	if err := os.MkdirAll(filepath.Join(dir, "lister"), 0o755); err != nil {
		t.Fatal(err)
	}
	write("lister/main.go", `package main

import (
	"context"
	"fmt"
	"os"

	"github.com/factorial-go/factorial"
)

func main() {
	c, err := factorial.NewClient(factorial.WithAPIKey(os.Getenv("FACTORIAL_API_KEY")))
	if err != nil {
		panic(err)
	}
	emps, err := c.Employees.List(context.Background(), nil)
	fmt.Println(len(emps), err)
}
`)
	bin := filepath.Join(dir, "lister.bin")
	build = exec.Command(gocmd, "build", "-o", bin, "./lister")
	build.Dir = dir
	build.Env = tidy.Env
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the lister does not build: %v\n%s", err, out)
	}
	version := exec.Command(gocmd, "version", "-m", bin)
	deps, err := version.CombinedOutput()
	if err != nil {
		t.Fatalf("go version -m: %v\n%s", err, deps)
	}
	for _, heavy := range []string{"github.com/getkin/kin-openapi", "yaml", "jsonschema", "jsonpointer", "github.com/jackc/pgx"} {
		if strings.Contains(string(deps), heavy) {
			t.Errorf("a program that only lists employees links %s:\n%s", heavy, deps)
		}
	}
	if !strings.Contains(string(deps), "golang.org/x/oauth2") {
		t.Errorf("go version -m lists no dependency the client does link; the check above would be vacuous:\n%s", deps)
	}
}
