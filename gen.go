// Package factorial is a Go client for Factorial HR's v1 REST API.
//
// The typed request/response code lives in package api and is generated from
// openapi.yaml by oapi-codegen; this package adds the hand-owned layer users
// construct (see NewClient).
package factorial

//go:generate go run github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen -config api/config.yaml openapi.yaml
//go:generate go run ./scripts/opstable -spec openapi.yaml -gen api/api.gen.go -out docs/operations.md
