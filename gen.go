package factorial

// gen.go regenerates package api and docs/operations.md from openapi.yaml.

//go:generate go run github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen -config api/config.yaml openapi.yaml
//go:generate go run ./scripts/opstable -spec openapi.yaml -gen api/api.gen.go -out docs/operations.md
