// Package vectors checks the Go bindings against the shared cross-language
// test vectors in testdata/vectors at the repository root.
//
// The vectors are written by `ma-codegen vectors` from the Python bindings:
// every message is stored as deterministic binary (<name>.binpb) and as
// proto3 JSON (<name>.json). The test in this package requires the Go
// bindings to reproduce the binary byte for byte and the JSON value for
// value, so the Go, Python and Java SDKs agree on the wire.
package vectors
