package factorial_test

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"log/slog"
	"strings"
	"testing"

	"github.com/factorial-go/factorial"
	"github.com/factorial-go/factorial/api"
	"github.com/factorial-go/factorial/resources"
)

// Every exported field of every generated model has a nil-safe getter
// (pointer or not), and every model but a union (or the generated client)
// prints its fields.
func TestEveryGeneratedFieldHasAGetter(t *testing.T) {
	t.Parallel()
	for _, pkg := range []string{"api", "resources"} {
		fset := token.NewFileSet()
		models, err := parser.ParseFile(fset, pkg+"/"+pkg+".gen.go", nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		getters, err := parser.ParseFile(fset, pkg+"/getters.gen.go", nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		methods := map[string]bool{} // "Type.Method"
		for _, f := range []*ast.File{models, getters} {
			for _, d := range f.Decls {
				fd, ok := d.(*ast.FuncDecl)
				if !ok || fd.Recv == nil {
					continue
				}
				recv := fd.Recv.List[0].Type
				if star, ok := recv.(*ast.StarExpr); ok {
					recv = star.X
				}
				methods[recv.(*ast.Ident).Name+"."+fd.Name.Name] = true
			}
		}
		fields, structs := 0, 0
		for _, d := range models.Decls {
			gd, ok := d.(*ast.GenDecl)
			if !ok {
				continue
			}
			for _, spec := range gd.Specs {
				ts, ok := spec.(*ast.TypeSpec)
				if !ok || ts.Assign.IsValid() {
					continue
				}
				st, ok := ts.Type.(*ast.StructType)
				name := ts.Name.Name
				if !ok || strings.HasSuffix(name, "Params") || strings.HasSuffix(name, "Response") || strings.HasSuffix(name, "Headers") {
					continue
				}
				structs++
				union := false
				for _, f := range st.Fields.List {
					union = union || len(f.Names) == 0 // an embedded client, not a model
					for _, n := range f.Names {
						if n.Name == "union" {
							union = true
						}
						if !n.IsExported() {
							continue
						}
						fields++
						if !methods[name+".Get"+n.Name] {
							t.Errorf("%s.%s.%s has no getter", pkg, name, n.Name)
						}
					}
				}
				if !union && !methods[name+".String"] {
					t.Errorf("%s.%s has no String method", pkg, name)
				}
			}
		}
		if structs < 90 || fields < 500 {
			t.Fatalf("%s: only %d structs, %d fields: the scan is broken", pkg, structs, fields)
		}
	}
}

// Printing a generated value shows its values, pointers followed; secrets
// never appear, in fmt or in a JSON log.
func TestGeneratedValuesPrintTheirFields(t *testing.T) {
	t.Parallel()
	e := resources.Employee{ID: "7", FullName: factorial.Ptr("Ada Lovelace"), Email: factorial.Ptr("ada@example.com")}
	got := fmt.Sprint(e)
	for _, want := range []string{`ID:"7"`, `FullName:"Ada Lovelace"`, `Email:"ada@example.com"`} {
		if !strings.Contains(got, want) {
			t.Errorf("fmt.Sprint(employee) = %s, lacks %s", got, want)
		}
	}
	if strings.Contains(got, "0xc") {
		t.Errorf("a pointer printed as an address: %s", got)
	}
	if e.GetID() != "7" || (*resources.Employee)(nil).GetID() != "" {
		t.Error("GetID")
	}

	const secret = "at-SECRET-42"
	tok := api.Token{AccessToken: secret, RefreshToken: factorial.Ptr(secret), TokenType: "Bearer"}
	sub := resources.WebhookSubscriptionCreate{Challenge: factorial.Ptr(secret), SubscriptionType: "timeoff/leave/create", TargetURL: "https://example.com/hook"}
	var logs bytes.Buffer
	slog.New(slog.NewJSONHandler(&logs, nil)).Info("values", "token", tok, "subscription", sub)
	for _, out := range []string{fmt.Sprint(tok), fmt.Sprintf("%+v", sub), fmt.Sprintf("%v", &sub), logs.String()} {
		if strings.Contains(out, secret) {
			t.Errorf("a secret was printed: %s", out)
		}
		if !strings.Contains(out, "REDACTED") {
			t.Errorf("no redacted field in %s", out)
		}
	}
	if !strings.Contains(logs.String(), `"TargetURL":"https://example.com/hook"`) {
		t.Errorf("JSON log lacks the set fields: %s", logs.String())
	}
}
