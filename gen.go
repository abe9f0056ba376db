package factorial

// gen.go regenerates the generated packages (api from openapi.yaml,
// resources from openapi-resources.yaml; oapi-codegen's configuration in
// api/config.yaml and resources/config.yaml), the services over them
// (services.gen.go, resources_services.gen.go, getters.gen.go in each
// package, webhook/events.gen.go; servicegen's configuration in
// api/servicegen.json and resources/servicegen.json), the operation tables
// in docs/, and the specs compiled into internal/specvalidate.

//go:generate go tool oapi-codegen -config api/config.yaml openapi.yaml
//go:generate go tool oapi-codegen -config resources/config.yaml openapi-resources.yaml
//go:generate go tool oapi-codegen -config resources/raw/config.yaml openapi-resources.yaml
//go:generate go run ./scripts/servicegen -config api/servicegen.json
//go:generate go run ./scripts/servicegen -config resources/servicegen.json
//go:generate go run ./scripts/specembed -out internal/specvalidate/specs.gen.go v1Spec=openapi.yaml datedSpec=openapi-resources.yaml
