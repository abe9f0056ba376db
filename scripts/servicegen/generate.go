package main

// The test document's oapi-codegen output, servicegen's input in its
// golden-file test (main_test.go).
//go:generate go tool oapi-codegen -config testdata/oapi.yaml testdata/mini.yaml
