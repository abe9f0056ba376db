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
// consumer's go.mod. A user's build gets only what it runs.
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
	} {
		if strings.Contains(string(gomod), leak) {
			t.Errorf("the consumer's go.mod requires %s, which only the generator needs:\n%s", leak, gomod)
		}
	}
	build := exec.Command(gocmd, "build", "-o", os.DevNull, ".")
	build.Dir = dir
	build.Env = tidy.Env
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("the consumer module does not build: %v\n%s", err, out)
	}
	t.Logf("consumer go.mod after tidy:\n%s", gomod)
}
