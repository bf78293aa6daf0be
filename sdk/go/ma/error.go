package ma

import (
	"context"
	"errors"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

// FieldViolation is one invalid field: Field is a JSON path such as
// "spec.owningTeam" or `metadata.labels["a b"]`, Description the reason
// ("required", "must be at most 128 characters", ...).
type FieldViolation struct {
	Field       string
	Description string
}

func (v FieldViolation) String() string { return v.Field + ": " + v.Description }

// Error is the one error type returned by the client: a gRPC code, the
// server's (or client's) message and, for InvalidArgument, the field
// violations from google.rpc.BadRequest. Use errors.As to get it, or
// errors.Is with the sentinels (ErrNotFound, ErrConflict, ...).
type Error struct {
	Code    codes.Code
	Message string
	Details []FieldViolation

	cause      error
	sentinel   bool
	retryInfo  bool
	retryDelay time.Duration
}

func (e *Error) Error() string {
	if e.Message == "" {
		return "ma: " + e.Code.String()
	}
	return "ma: " + e.Code.String() + ": " + e.Message
}

// Unwrap returns the underlying error (the gRPC status error or a context error).
func (e *Error) Unwrap() error { return e.cause }

// Is reports whether target is the sentinel with the same code, so that
// errors.Is(err, ma.ErrNotFound) works for any *Error with code NotFound.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.sentinel && t.Code == e.Code
}

// Retryable reports whether the client retries a call that failed with e:
// code Unavailable, or ResourceExhausted when the server said when to retry
// (a google.rpc.RetryInfo detail; without one, e.g. a message over the size
// limit, repeating cannot help).
func (e *Error) Retryable() bool {
	return e != nil && (e.Code == codes.Unavailable || (e.Code == codes.ResourceExhausted && e.retryInfo))
}

// RetryDelay is the server's google.rpc.RetryInfo retry_delay, when the
// status carried one; the client waits at least this long before retrying.
func (e *Error) RetryDelay() (time.Duration, bool) {
	if e == nil {
		return 0, false
	}
	return e.retryDelay, e.retryInfo
}

// GRPCStatus lets status.FromError and status.Code see through *Error.
func (e *Error) GRPCStatus() *status.Status {
	if s, ok := status.FromError(e.cause); ok && s.Code() == e.Code {
		return s
	}
	return status.New(e.Code, e.Message)
}

func sentinel(c codes.Code) *Error { return &Error{Code: c, sentinel: true} }

// Sentinels for errors.Is. Each matches every *Error with its code.
var (
	ErrNotFound           = sentinel(codes.NotFound)
	ErrAlreadyExists      = sentinel(codes.AlreadyExists)
	ErrConflict           = sentinel(codes.Aborted) // stale resourceVersion: read again and retry
	ErrInvalid            = sentinel(codes.InvalidArgument)
	ErrPreconditionFailed = sentinel(codes.FailedPrecondition)
	ErrOutOfRange         = sentinel(codes.OutOfRange) // watch version compacted: list again
	ErrUnavailable        = sentinel(codes.Unavailable)
	ErrResourceExhausted  = sentinel(codes.ResourceExhausted)
	ErrDeadlineExceeded   = sentinel(codes.DeadlineExceeded)
	ErrCanceled           = sentinel(codes.Canceled)
	ErrUnauthenticated    = sentinel(codes.Unauthenticated)
	ErrPermissionDenied   = sentinel(codes.PermissionDenied)
	ErrInternal           = sentinel(codes.Internal)
)

// NewError returns an *Error with the given code and message.
func NewError(c codes.Code, message string, details ...FieldViolation) *Error {
	return &Error{Code: c, Message: message, Details: details}
}

// FromError converts any error to *Error: gRPC status errors keep their code,
// message and BadRequest field violations; context errors become Canceled or
// DeadlineExceeded (and still match context.Canceled / DeadlineExceeded with
// errors.Is); other errors become Unknown. nil stays nil.
func FromError(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	switch {
	case errors.Is(err, context.DeadlineExceeded):
		return &Error{Code: codes.DeadlineExceeded, Message: err.Error(), cause: err}
	case errors.Is(err, context.Canceled):
		return &Error{Code: codes.Canceled, Message: err.Error(), cause: err}
	}
	s, ok := status.FromError(err)
	if !ok {
		return &Error{Code: codes.Unknown, Message: err.Error(), cause: err}
	}
	out := &Error{Code: s.Code(), Message: s.Message(), cause: err}
	for _, d := range s.Details() {
		switch d := d.(type) {
		case *errdetails.BadRequest:
			for _, v := range d.GetFieldViolations() {
				out.Details = append(out.Details, FieldViolation{Field: v.GetField(), Description: v.GetDescription()})
			}
		case *errdetails.RetryInfo:
			out.retryInfo, out.retryDelay = true, max(d.GetRetryDelay().AsDuration(), 0)
		}
	}
	return out
}

// WithCause is e with cause joined to its cause, so that errors.Is also
// matches cause (e.g. context.DeadlineExceeded when the call's own deadline
// ended it). The runtime uses it; e is not changed.
func (e *Error) WithCause(cause error) *Error {
	c := *e
	c.cause = errors.Join(e.cause, cause)
	return &c
}

// Code returns the code of err: codes.OK for nil, the code of an *Error or
// gRPC status, codes.Unknown otherwise.
func Code(err error) codes.Code {
	if err == nil {
		return codes.OK
	}
	return FromError(err).Code
}

// IsNotFound reports whether err has code NotFound.
func IsNotFound(err error) bool { return Code(err) == codes.NotFound }

// IsAlreadyExists reports whether err has code AlreadyExists.
func IsAlreadyExists(err error) bool { return Code(err) == codes.AlreadyExists }

// IsConflict reports whether err has code Aborted (a stale resourceVersion).
func IsConflict(err error) bool { return Code(err) == codes.Aborted }

// IsInvalid reports whether err has code InvalidArgument.
func IsInvalid(err error) bool { return Code(err) == codes.InvalidArgument }

// IsPreconditionFailed reports whether err has code FailedPrecondition.
func IsPreconditionFailed(err error) bool { return Code(err) == codes.FailedPrecondition }

// IsOutOfRange reports whether err has code OutOfRange (e.g. a compacted watch version).
func IsOutOfRange(err error) bool { return Code(err) == codes.OutOfRange }

// IsUnavailable reports whether err has code Unavailable.
func IsUnavailable(err error) bool { return Code(err) == codes.Unavailable }

// IsDeadlineExceeded reports whether err has code DeadlineExceeded.
func IsDeadlineExceeded(err error) bool { return Code(err) == codes.DeadlineExceeded }

// IsRetryable reports whether the client retries a call failing with err (see Error.Retryable).
func IsRetryable(err error) bool { return err != nil && FromError(err).Retryable() }
