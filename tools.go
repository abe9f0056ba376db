//go:build tools

// Package factorial pins the code generator used by gen.go so that `go
// generate` runs the exact oapi-codegen version recorded in go.mod.
package factorial

import (
	_ "github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen"
)
