package pretty

import (
	"bytes"
	"encoding/json"
	"log/slog"
	"strings"
	"testing"
)

type inner struct{ N int }

func (x inner) String() string { return String(x) }

type sample struct {
	ID      string
	Name    *string
	Missing *string
	Tags    []string
	Empty   []string
	Token   *string
	Nested  *inner
	secret  string
}

func TestString(t *testing.T) {
	t.Parallel()
	name, tok := "Ada", "tok-SECRET"
	s := sample{ID: "7", Name: &name, Tags: []string{"a"}, Token: &tok, Nested: &inner{N: 3}, secret: "x"}
	got := String(s, "Token")
	want := `pretty.sample{ID:"7" Name:"Ada" Tags:[a] Token:REDACTED Nested:pretty.inner{N:3}}`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := String(42); got != "42" {
		t.Errorf("non-struct: %q", got)
	}
}

func TestLogValue(t *testing.T) {
	t.Parallel()
	tok := "tok-SECRET"
	var buf bytes.Buffer
	slog.New(slog.NewJSONHandler(&buf, nil)).Info("x", "v", LogValue(sample{ID: "7", Token: &tok}, "Token"))
	if strings.Contains(buf.String(), tok) {
		t.Fatalf("secret logged: %s", buf.String())
	}
	var line struct {
		V map[string]any `json:"v"`
	}
	if err := json.Unmarshal(buf.Bytes(), &line); err != nil {
		t.Fatal(err)
	}
	if line.V["ID"] != "7" || line.V["Token"] != Redacted || len(line.V) != 2 {
		t.Errorf("logged %v", line.V)
	}
}
