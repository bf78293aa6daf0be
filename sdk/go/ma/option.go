package ma

import (
	"context"
	"crypto/tls"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	"github.com/michelangelo-ai/apikit/sdk/go/internal/config"
	"google.golang.org/grpc"
)

// Option configures a client (client.New). The set is closed: only this
// package's With... functions return Options (the method's argument type is
// internal to this module).
type Option interface{ ApplyClient(*config.Client) }

// CallOption configures one call. The set is closed: only this package's
// With... functions return CallOptions. Options that a method does not use
// (a label selector on Get, say) are ignored.
type CallOption interface{ ApplyCall(*config.Call) }

type clientOptionFunc func(*config.Client)

func (f clientOptionFunc) ApplyClient(c *config.Client) { f(c) }

type callOptionFunc func(*config.Call)

func (f callOptionFunc) ApplyCall(c *config.Call) { f(c) }

// DefaultTimeout is the client's default deadline of every call (see WithTimeout).
const DefaultTimeout = 30 * time.Second

// WithInsecure connects without TLS (plaintext), e.g. to a local server.
// Without it the client uses TLS with the system's root certificates. A
// bearer token is then refused unless the target (every address of
// WithTargets) is loopback (127.0.0.0/8, ::1, localhost) or
// WithInsecureTokenAllowed is given.
func WithInsecure() Option {
	return clientOptionFunc(func(c *config.Client) { c.Insecure = true })
}

// WithTargets names several instances of the server ("host:port" each: a
// host name, an IPv4 address or a bracketed IPv6 address, and a port
// 1-65535) that serve the same data; client.New must then be given the
// empty target (client.New("", ma.WithTargets(a, b))). Each address is one
// instance: a host name is looked up when connecting to it (use a single
// "dns:///name:port" target to spread over all of a name's addresses).
//
// The client balances calls round robin over the instances and checks
// their health with the standard grpc.health.v1.Health service (service
// name ""): an instance that is down or reports NOT_SERVING gets no calls
// until it is reachable and SERVING again. A call that fails with
// Unavailable is retried under the retry policy (WithRetry), so it moves on
// to another instance; writes keep their idempotency key across instances.
// A watch reconnects the same way, from the last version it saw.
//
// With TLS every instance's certificate is checked against the first
// address's host (unless the tls.Config of WithTLS sets ServerName), so the
// certificates must all be valid for that name. A bearer token in
// plaintext is refused unless every address is loopback or
// WithInsecureTokenAllowed is given.
//
// client.New fails with an InvalidArgument *Error naming the address when
// one is not host:port or appears twice, when no address is given, or when
// a target is given too. A later WithTargets replaces an earlier one.
func WithTargets(addrs ...string) Option {
	addrs = append([]string(nil), addrs...)
	return clientOptionFunc(func(c *config.Client) { c.Targets, c.HasTargets = addrs, true })
}

// WithTLS connects with TLS using cfg.
func WithTLS(cfg *tls.Config) Option {
	return clientOptionFunc(func(c *config.Client) { c.Insecure, c.TLS = false, cfg })
}

// WithCAFile trusts the PEM certificates in path (in addition to a WithTLS config's roots).
func WithCAFile(path string) Option {
	return clientOptionFunc(func(c *config.Client) { c.Insecure, c.CAFile = false, path })
}

// WithBearerToken sends "authorization: Bearer <token>" with every call. The
// token never appears in the output of fmt (%v, %+v, %#v) of the client or
// in error messages.
func WithBearerToken(token string) Option {
	return clientOptionFunc(func(c *config.Client) { c.Token, c.TokenSource = config.Secret(token), nil })
}

// WithTokenSource sends "authorization: Bearer <token>" with every call,
// asking source for the token before each attempt (so it can refresh an
// expiring token; cache it in source if fetching is costly). source gets
// the attempt's context; an error from it fails the attempt with code
// Unauthenticated (not retried). It replaces WithBearerToken.
func WithTokenSource(source func(ctx context.Context) (string, error)) Option {
	return clientOptionFunc(func(c *config.Client) { c.Token, c.TokenSource = "", source })
}

// WithInsecureTokenAllowed lets a bearer token (WithBearerToken or
// WithTokenSource) travel in plaintext (WithInsecure) to a target that is
// not loopback (or to WithTargets addresses not all loopback). Without it
// client.New refuses that combination.
func WithInsecureTokenAllowed() Option {
	return clientOptionFunc(func(c *config.Client) { c.InsecureTokenAllowed = true })
}

// WithDefaultNamespace is the namespace used when a call names none (see WithNamespace).
func WithDefaultNamespace(namespace string) Option {
	return clientOptionFunc(func(c *config.Client) { c.DefaultNamespace = namespace })
}

// WithTimeout is the default deadline of every call (DefaultTimeout, 30s,
// unless set; 0 means none): one deadline for the whole call, every
// attempt and every backoff wait included, and for each page of a List
// separately. WithCallTimeout overrides it; a deadline of ctx applies too
// (the earlier one wins). Watch streams have no deadline.
func WithTimeout(d time.Duration) Option {
	return clientOptionFunc(func(c *config.Client) { c.Timeout = d })
}

// WithRetry is the client's retry policy (DefaultRetry unless set). Every
// method is retried under it on Unavailable, on ResourceExhausted carrying
// a google.rpc.RetryInfo (its delay is the minimum wait), and on an attempt
// that hit the policy's AttemptTimeout. Writes are safe to retry: each
// carries an idempotency key, the same on every attempt.
func WithRetry(b Backoff) Option {
	return clientOptionFunc(func(c *config.Client) { c.Retry = config.Backoff(b) })
}

// WithDialOptions adds gRPC dial options (keepalive, ...). They come after
// the client's own, so they win where the two set the same thing; e.g.
// grpc.WithDefaultServiceConfig replaces the client's default service
// config (round robin with health checking, see WithTargets).
func WithDialOptions(opts ...grpc.DialOption) Option {
	return clientOptionFunc(func(c *config.Client) { c.Dial = append(c.Dial, opts...) })
}

// WithUnaryInterceptor adds client interceptors of unary calls (tracing,
// logging, ...), run in the order given, after earlier ones. They see
// every attempt: a retried call passes through them once per attempt, with
// the attempt's deadline, metadata and idempotency key in its context.
func WithUnaryInterceptor(interceptors ...grpc.UnaryClientInterceptor) Option {
	return clientOptionFunc(func(c *config.Client) { c.Unary = append(c.Unary, interceptors...) })
}

// WithStreamInterceptor adds client interceptors of streaming calls
// (Watch), run in the order given; they see every (re)connect of a watch.
func WithStreamInterceptor(interceptors ...grpc.StreamClientInterceptor) Option {
	return clientOptionFunc(func(c *config.Client) { c.Stream = append(c.Stream, interceptors...) })
}

// WithCallTimeout is this call's deadline (each page's, for List),
// overriding WithTimeout; 0 means none. See WithTimeout for what it covers.
// On Watch it bounds the whole watch.
func WithCallTimeout(d time.Duration) CallOption {
	return callOptionFunc(func(c *config.Call) { c.Timeout, c.HasTimeout = d, true })
}

// WithCallRetry is this call's retry policy: it replaces the client's
// WithRetry (or DefaultRetry) for the call, all fields alike. NoRetry
// disables retrying.
func WithCallRetry(b Backoff) CallOption {
	return callOptionFunc(func(c *config.Call) { cb := config.Backoff(b); c.Retry = &cb })
}

// WithIdempotencyKey is the idempotency key of this write (Create, Update,
// UpdateStatus, Delete, DeleteCollection), sent as "idempotency-key"
// metadata on every attempt. Without it each write gets a fresh random UUID
// v4. The server records a keyed write's outcome and answers a repeat of
// the key (same caller, same method, within its retention window) with it,
// applying nothing again; the same key with a different request fails with
// InvalidArgument. Use your own key to make a write safe to repeat across
// process restarts. Reads ignore it.
func WithIdempotencyKey(key string) CallOption {
	return callOptionFunc(func(c *config.Call) { c.IdempotencyKey = key })
}

// WithMetadata adds request metadata (a gRPC header) key: value to this
// call; repeat it for more pairs. Metadata already in ctx
// (metadata.AppendToOutgoingContext / NewOutgoingContext) is sent too.
// Keys are lower-cased by gRPC.
func WithMetadata(key, value string) CallOption {
	return callOptionFunc(func(c *config.Call) { c.Metadata = append(c.Metadata, key, value) })
}

// WithDryRun validates a Create, Update, UpdateStatus, Delete or
// DeleteCollection on the server without storing anything.
func WithDryRun() CallOption {
	return callOptionFunc(func(c *config.Call) { c.DryRun = true })
}

// WithNamespace is the namespace of this call. For Create, Update and
// UpdateStatus it fills an object's empty metadata.namespace. Without it a
// call uses WithDefaultNamespace; List and Watch without either see all
// namespaces. For List and Watch, WithNamespace("") means all namespaces even
// when a default namespace is configured; for the other methods "" is the
// same as no WithNamespace.
func WithNamespace(namespace string) CallOption {
	return callOptionFunc(func(c *config.Call) { c.Namespace, c.HasNamespace = namespace, true })
}

// WithoutValidation skips the client-side check of Create, Update and
// UpdateStatus (see the sub-clients' Validate): the object is sent as is and
// the server's validation answers, with an InvalidArgument *Error carrying
// the same field violations the client-side check would have reported.
func WithoutValidation() CallOption {
	return callOptionFunc(func(c *config.Call) { c.NoValidate = true })
}

// WithLabelSelector filters List, Watch and DeleteCollection, e.g. "team=ml,tier in (gold,silver)".
func WithLabelSelector(selector string) CallOption {
	return callOptionFunc(func(c *config.Call) { c.List.LabelSelector = selector })
}

// WithFieldSelector filters List, Watch and DeleteCollection on metadata and
// indexed fields, e.g. "metadata.name=foo,spec.owningTeam!=bob".
func WithFieldSelector(selector string) CallOption {
	return callOptionFunc(func(c *config.Call) { c.List.FieldSelector = selector })
}

// WithLimit is the page size of List (0: the server's default).
func WithLimit(n int32) CallOption {
	return callOptionFunc(func(c *config.Call) { c.List.Limit = n })
}

// WithContinue starts a List at a continue token from an earlier page.
func WithContinue(token string) CallOption {
	return callOptionFunc(func(c *config.Call) { c.List.ContinueToken = token })
}

// WithCriteria adds a structured filter on indexed fields to List and DeleteCollection.
func WithCriteria(criteria *api.Criteria) CallOption {
	return callOptionFunc(func(c *config.Call) { c.List.Criteria = criteria })
}

// WithOrderBy sorts List results on indexed fields.
func WithOrderBy(order ...*api.OrderBy) CallOption {
	return callOptionFunc(func(c *config.Call) { c.List.OrderBy = append(c.List.OrderBy, order...) })
}

// WithResourceVersion is the version a Get or List must be at least as new
// as, or the version after which a Watch starts (empty or "0": list first,
// then watch from the list's version).
func WithResourceVersion(rv string) CallOption {
	return callOptionFunc(func(c *config.Call) { c.ResourceVer = rv })
}

// WithPreconditions makes Delete fail with FailedPrecondition unless the
// stored object has this uid and resourceVersion (empty values are not checked).
func WithPreconditions(uid, resourceVersion string) CallOption {
	return callOptionFunc(func(c *config.Call) {
		c.Preconditions = &api.Preconditions{Uid: uid, ResourceVersion: resourceVersion}
	})
}

// WithBookmarks makes Watch yield BOOKMARK events too (they are skipped by default;
// their version is always recorded).
func WithBookmarks() CallOption {
	return callOptionFunc(func(c *config.Call) { c.Bookmarks = true })
}

// WithRelist controls what Watch does when its version is too old for the
// server (OutOfRange): list again, yield ADDED for every current object and
// resume from the list's version (true, the default), or yield the error and stop.
func WithRelist(enabled bool) CallOption {
	return callOptionFunc(func(c *config.Call) { c.NoRelist = !enabled })
}

// WithOnRelist makes Watch call fn each time it relists after OutOfRange,
// before it yields the relist's ADDED events (deletions during the gap are
// not reported, so a cache can use this to drop what it holds). fn runs on
// the goroutine ranging over the watch.
func WithOnRelist(fn func()) CallOption {
	return callOptionFunc(func(c *config.Call) { c.OnRelist = fn })
}

// WithWatchRetry is the backoff between Watch reconnects; Steps bounds the
// consecutive failed reconnects before Watch yields the error and stops.
func WithWatchRetry(b Backoff) CallOption {
	return callOptionFunc(func(c *config.Call) { cb := config.Backoff(b); c.WatchRetry = &cb })
}

// WithGRPCCallOptions passes raw gRPC call options (compressors, ...).
func WithGRPCCallOptions(opts ...grpc.CallOption) CallOption {
	return callOptionFunc(func(c *config.Call) { c.GRPC = append(c.GRPC, opts...) })
}
