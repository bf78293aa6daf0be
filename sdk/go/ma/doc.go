// Package ma is the hand-written runtime behind the generated Michelangelo
// client (package client under gen/client): connection and call options,
// one error type, retries with backoff, lazy pagination, resumable watches,
// RetryOnConflict and client-side validation with the server's messages.
//
// Most programs only use the generated client and, from this package, the
// options (WithInsecure, WithNamespace, WithLimit, ...), the error helpers
// (IsNotFound, errors.Is(err, ErrConflict), ...) and RetryOnConflict.
package ma
