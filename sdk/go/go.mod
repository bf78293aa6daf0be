module github.com/michelangelo-ai/apikit/sdk/go

// The floors of the supported range (GO_RUNTIME_RANGES and GO_LINE in
// codegen/ma_codegen/toolchain.py): by minimal version selection these
// requirements ARE the oldest versions a consumer can build with.
go 1.23.0

require (
	google.golang.org/genproto/googleapis/api v0.0.0-20240318140521-94a12d6c2237
	google.golang.org/genproto/googleapis/rpc v0.0.0-20240318140521-94a12d6c2237
	google.golang.org/grpc v1.64.0
	google.golang.org/protobuf v1.36.6
)

require (
	golang.org/x/net v0.22.0 // indirect
	golang.org/x/sys v0.18.0 // indirect
	golang.org/x/text v0.14.0 // indirect
)
