// Package clienttest holds the integration tests of the generated client
// (gen/client) and the runtime (ma) against a real ma-server process.
package clienttest
