package main

// Wire types of conformance/PROTOCOL.md (v1) and their mapping to ma options
// and errors.

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/proto"
)

// request is every field of every op; pointers where "omitted" differs from
// the zero value.
type request struct {
	ID *int64 `json:"id"`
	Op string `json:"op"`

	// connect
	Target           string `json:"target"`
	TLS              bool   `json:"tls"`
	CAFile           string `json:"ca_file"`
	Token            string `json:"token"`
	TokenProvider    bool   `json:"token_provider"`
	DefaultNamespace string `json:"default_namespace"`
	TimeoutMS        *int64 `json:"timeout_ms"`
	Retry            *retry `json:"retry"`

	// API ops
	Resource        string            `json:"resource"`
	Object          json.RawMessage   `json:"object"`
	Name            string            `json:"name"`
	Namespace       *string           `json:"namespace"`
	UID             string            `json:"uid"`
	ResourceVersion string            `json:"resource_version"`
	DryRun          bool              `json:"dry_run"`
	Validate        *bool             `json:"validate"`
	LabelSelector   string            `json:"label_selector"`
	FieldSelector   string            `json:"field_selector"`
	Criteria        json.RawMessage   `json:"criteria"`
	OrderBy         []string          `json:"order_by"`
	Limit           int32             `json:"limit"`
	AllowBookmarks  *bool             `json:"allow_bookmarks"`
	RelistOnExpired *bool             `json:"relist_on_expired"`
	SetLabels       map[string]string `json:"set_labels"`
	Call            *callOpts         `json:"call"`

	// iterators
	Handle string `json:"handle"`
	Max    *int   `json:"max"`
	WaitMS int64  `json:"wait_ms"`
}

type callOpts struct {
	TimeoutMS      *int64            `json:"timeout_ms"`
	Retry          *retry            `json:"retry"`
	IdempotencyKey *string           `json:"idempotency_key"`
	Metadata       map[string]string `json:"metadata"`
}

type retry struct {
	InitialMS  *int64   `json:"initial_ms"`
	MaxMS      *int64   `json:"max_ms"`
	Multiplier *float64 `json:"multiplier"`
	Attempts   *int     `json:"attempts"`
	Jitter     *bool    `json:"jitter"`
	// AttemptTimeoutMS is the per-attempt deadline (ma.Backoff.AttemptTimeout).
	AttemptTimeoutMS *int64 `json:"attempt_timeout_ms"`
}

func ms(n int64) time.Duration { return time.Duration(n) * time.Millisecond }

// backoff overrides the given fields of base: ma.DefaultRetry for connect's
// retry; for call.retry the client's policy, which is what the call would use
// without WithCallRetry (the Python runner does the same). The result is a
// whole policy: WithCallRetry replaces the client's.
func (r *retry) backoff(base ma.Backoff) ma.Backoff {
	b := base
	if r.InitialMS != nil {
		b.Initial = ms(*r.InitialMS)
	}
	if r.MaxMS != nil {
		b.Max = ms(*r.MaxMS)
	}
	if r.Multiplier != nil {
		b.Multiplier = *r.Multiplier
	}
	if r.Attempts != nil {
		b.Steps = *r.Attempts
	}
	if r.Jitter != nil {
		b.Jitter = *r.Jitter
	}
	if r.AttemptTimeoutMS != nil {
		b.AttemptTimeout = ms(*r.AttemptTimeoutMS)
	}
	return b
}

// clientRetry is the client's retry policy per connect's retry.
func (r *request) clientRetry() ma.Backoff {
	if r.Retry == nil {
		return ma.DefaultRetry
	}
	return r.Retry.backoff(ma.DefaultRetry)
}

// clientOptions maps connect's fields to client.New options.
func (r *request) clientOptions() []ma.Option {
	var opts []ma.Option
	if !r.TLS {
		opts = append(opts, ma.WithInsecure())
	}
	if r.CAFile != "" {
		opts = append(opts, ma.WithCAFile(r.CAFile))
	}
	switch {
	case r.Token != "" && r.TokenProvider:
		token := r.Token
		opts = append(opts, ma.WithTokenSource(func(context.Context) (string, error) { return token, nil }))
	case r.Token != "":
		opts = append(opts, ma.WithBearerToken(r.Token))
	}
	if r.DefaultNamespace != "" {
		opts = append(opts, ma.WithDefaultNamespace(r.DefaultNamespace))
	}
	if r.TimeoutMS != nil {
		opts = append(opts, ma.WithTimeout(ms(*r.TimeoutMS)))
	}
	if r.Retry != nil {
		opts = append(opts, ma.WithRetry(r.clientRetry()))
	}
	return opts
}

// callOptions are the per-call options common to every API op: call.timeout_ms,
// call.retry (over clientRetry, the connected client's policy) and namespace.
func (r *request) callOptions(clientRetry ma.Backoff) []ma.CallOption {
	var opts []ma.CallOption
	if r.Call != nil {
		if r.Call.TimeoutMS != nil {
			opts = append(opts, ma.WithCallTimeout(ms(*r.Call.TimeoutMS)))
		}
		if r.Call.Retry != nil {
			opts = append(opts, ma.WithCallRetry(r.Call.Retry.backoff(clientRetry)))
		}
		if r.Call.IdempotencyKey != nil {
			opts = append(opts, ma.WithIdempotencyKey(*r.Call.IdempotencyKey))
		}
		for _, k := range slices.Sorted(maps.Keys(r.Call.Metadata)) {
			opts = append(opts, ma.WithMetadata(k, r.Call.Metadata[k]))
		}
	}
	if r.Namespace != nil {
		opts = append(opts, ma.WithNamespace(*r.Namespace))
	}
	return opts
}

// listOptions adds the selectors, criteria, order, limit and resource version
// of list, open_list, open_pages and delete_collection.
func (r *request) listOptions(clientRetry ma.Backoff) ([]ma.CallOption, error) {
	opts := r.callOptions(clientRetry)
	if r.LabelSelector != "" {
		opts = append(opts, ma.WithLabelSelector(r.LabelSelector))
	}
	if r.FieldSelector != "" {
		opts = append(opts, ma.WithFieldSelector(r.FieldSelector))
	}
	if len(r.Criteria) > 0 && string(r.Criteria) != "null" {
		c := &api.Criteria{}
		if err := unmarshalProto(r.Criteria, c); err != nil {
			return nil, runnerErrorf("criteria: %v", err)
		}
		opts = append(opts, ma.WithCriteria(c))
	}
	for _, f := range r.OrderBy {
		desc := strings.HasPrefix(f, "-")
		opts = append(opts, ma.WithOrderBy(&api.OrderBy{Field: strings.TrimPrefix(f, "-"), Descending: desc}))
	}
	if r.Limit != 0 {
		opts = append(opts, ma.WithLimit(r.Limit))
	}
	if r.ResourceVersion != "" {
		opts = append(opts, ma.WithResourceVersion(r.ResourceVersion))
	}
	if r.DryRun {
		opts = append(opts, ma.WithDryRun())
	}
	return opts, nil
}

func unmarshalProto(b []byte, m proto.Message) error {
	return protojson.UnmarshalOptions{DiscardUnknown: false}.Unmarshal(b, m)
}

// marshalProto is protojson with default options. protojson's output is
// valid JSON (with deliberately unstable whitespace); encoding/json compacts
// a RawMessage when it writes it, so each response stays on one line.
func marshalProto(m proto.Message) (json.RawMessage, error) {
	return protojson.Marshal(m)
}

func marshalAll(ms []proto.Message) ([]json.RawMessage, error) {
	out := make([]json.RawMessage, 0, len(ms))
	for _, m := range ms {
		b, err := marshalProto(m)
		if err != nil {
			return nil, err
		}
		out = append(out, b)
	}
	return out, nil
}

type response struct {
	ID     *int64     `json:"id"` // null when the request line has no usable id
	OK     bool       `json:"ok"`
	Result any        `json:"result,omitempty"`
	Error  *errorJSON `json:"error,omitempty"`
}

type errorJSON struct {
	Code            string      `json:"code"`
	Typed           bool        `json:"typed"`
	Type            string      `json:"type"`
	Message         string      `json:"message"`
	FieldViolations []violation `json:"field_violations"`
}

type violation struct {
	Field       string `json:"field"`
	Description string `json:"description"`
}

// codeNames are the canonical gRPC status names. codes.Code.String() gives
// Go's CamelCase ("NotFound", and "Canceled" with one L), not these.
var codeNames = map[codes.Code]string{
	codes.OK:                 "OK",
	codes.Canceled:           "CANCELLED",
	codes.Unknown:            "UNKNOWN",
	codes.InvalidArgument:    "INVALID_ARGUMENT",
	codes.DeadlineExceeded:   "DEADLINE_EXCEEDED",
	codes.NotFound:           "NOT_FOUND",
	codes.AlreadyExists:      "ALREADY_EXISTS",
	codes.PermissionDenied:   "PERMISSION_DENIED",
	codes.ResourceExhausted:  "RESOURCE_EXHAUSTED",
	codes.FailedPrecondition: "FAILED_PRECONDITION",
	codes.Aborted:            "ABORTED",
	codes.OutOfRange:         "OUT_OF_RANGE",
	codes.Unimplemented:      "UNIMPLEMENTED",
	codes.Internal:           "INTERNAL",
	codes.Unavailable:        "UNAVAILABLE",
	codes.DataLoss:           "DATA_LOSS",
	codes.Unauthenticated:    "UNAUTHENTICATED",
}

// runnerError is a malformed request or a runner bug: RUNNER_ERROR.
type runnerError struct{ msg string }

func (e *runnerError) Error() string { return e.msg }

func runnerErrorf(format string, args ...any) error {
	return &runnerError{msg: fmt.Sprintf(format, args...)}
}

// toErrorJSON reports err as the protocol's Error: code, message and
// violations from the SDK's *ma.Error when it is one (typed), else UNKNOWN.
func toErrorJSON(err error) *errorJSON {
	if err == nil {
		return nil
	}
	out := &errorJSON{FieldViolations: []violation{}}
	var re *runnerError
	var me *ma.Error
	switch {
	case errors.As(err, &re):
		out.Code, out.Type, out.Message = "RUNNER_ERROR", "RunnerError", re.msg
	case errors.As(err, &me):
		code := ma.Code(err)
		name, ok := codeNames[code]
		if !ok {
			name = "UNKNOWN" // not a gRPC code; cannot happen with ma.Code
		}
		out.Code, out.Typed, out.Type, out.Message = name, true, "*ma.Error", me.Message
		for _, v := range me.Details {
			out.FieldViolations = append(out.FieldViolations, violation{Field: v.Field, Description: v.Description})
		}
	default:
		out.Code, out.Type, out.Message = "UNKNOWN", fmt.Sprintf("%T", err), err.Error()
	}
	return out
}
