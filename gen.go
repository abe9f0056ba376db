package factorial

// gen.go regenerates the generated packages (api from openapi.yaml,
// resources from openapi-resources.yaml), the services over them
// (services.gen.go, resources_services.gen.go, getters.gen.go in each
// package) and the operation tables in docs/.

//go:generate go tool oapi-codegen -config api/config.yaml openapi.yaml
//go:generate go tool oapi-codegen -config resources/config.yaml openapi-resources.yaml
//go:generate go run ./scripts/servicegen -spec openapi.yaml -gen api/api.gen.go -pkg github.com/factorial-go/factorial/api -out services.gen.go -getters api/getters.gen.go -docs docs/operations.md -tree V1 -prefix v1 -successor openapi-resources.yaml
//go:generate go run ./scripts/servicegen -spec openapi-resources.yaml -gen resources/resources.gen.go -pkg github.com/factorial-go/factorial/resources -out resources_services.gen.go -getters resources/getters.gen.go -docs docs/resources-operations.md -subtrees V1 -server datedServer -events webhook/events.gen.go -prefix dated -dated
//go:generate go run ./scripts/specembed -out internal/specvalidate/specs.gen.go v1Spec=openapi.yaml datedSpec=openapi-resources.yaml
