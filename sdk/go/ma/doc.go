// Package ma is the public half of the Michelangelo client runtime: the
// client and call options used with the generated client (package client
// under gen/client), the one error type, the retry policy (Backoff), watch
// events and RetryOnConflict. The plumbing the generated code calls lives
// in the module's internal/rt and is not part of the API.
//
// Timeouts: WithTimeout (default 30s) and WithCallTimeout are one deadline
// for the whole call, every attempt and backoff wait included; each attempt
// gets what remains, or the policy's Backoff.AttemptTimeout when shorter. A
// pager's timeout bounds each page; a watch stream has none.
//
// Retries: every method is retried under the policy on Unavailable, on
// ResourceExhausted carrying a google.rpc.RetryInfo (its delay is the
// minimum wait), and on an attempt cut by AttemptTimeout, with full-jitter
// backoff. Writes are safe to retry: each sends an idempotency key (a UUID
// v4, or WithIdempotencyKey), the same on every attempt, and the server
// answers a repeat with the recorded outcome.
//
// Several instances: WithTargets names them; calls go round robin to the
// ones that are reachable and report SERVING on the standard gRPC health
// service, and a call or watch that loses its instance is retried on
// another. A single target (e.g. "dns:///name:port") gets the same round
// robin and health checking over the addresses it resolves to.
package ma
