package factorial

// gen.go regenerates package api, the services over it (services.gen.go,
// api/getters.gen.go) and docs/operations.md from openapi.yaml.

//go:generate go tool oapi-codegen -config api/config.yaml openapi.yaml
//go:generate go run ./scripts/servicegen -spec openapi.yaml -gen api/api.gen.go -out services.gen.go -getters api/getters.gen.go -docs docs/operations.md
