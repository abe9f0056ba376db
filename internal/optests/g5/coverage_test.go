package g5_test

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/factorial-go/factorial/internal/apitest"
	"github.com/factorial-go/factorial/internal/specvalidate"
)

// TestMain fails the run when one of g5Operations had no validated 2xx
// exchange. Only a full run (no -run filter, not -short) is checked.
func TestMain(m *testing.M) {
	code := m.Run()
	if !testing.Short() && g5RunAll() {
		mine := map[string]bool{}
		for _, op := range g5Operations {
			mine[op] = true
		}
		var missing []string
		for _, op := range apitest.Coverage.Missing(specvalidate.MustNew()) {
			if mine[op] {
				missing = append(missing, op)
			}
		}
		if len(missing) > 0 {
			fmt.Fprintf(os.Stderr, "g5 coverage: no validated 2xx for:\n  %s\n", strings.Join(missing, "\n  "))
			code = 1
		} else {
			fmt.Fprintf(os.Stderr, "g5 coverage: %d/%d Legacy operations validated\n", len(g5Operations), len(g5Operations))
		}
	}
	os.Exit(code)
}

func g5RunAll() bool {
	for _, a := range os.Args {
		if strings.HasPrefix(a, "-test.run") {
			return false
		}
	}
	return true
}
