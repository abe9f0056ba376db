//go:build ignore

// The generator is pinned in go.mod, not here: its `tool` directive
// records oapi-codegen at the exact version `go generate` runs (go tool
// oapi-codegen, see gen.go), and tool dependencies never reach the go.mod
// of a module that imports this one. The build constraint keeps this file
// out of every build and out of `go mod tidy`, here and in consumers.

package factorial
