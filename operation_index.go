package factorial

import (
	"sync"

	"github.com/factorial-go/factorial/internal/engine"
)

// operations indexes both documents' descriptors, for the requests that
// come without one (the raw generated clients', Do's). Built on the first
// such request and never modified after.
var operations = sync.OnceValues(func() (v1, dated *engine.Index) {
	return engine.NewIndex(v1Operations), engine.NewIndex(datedOperations)
})
