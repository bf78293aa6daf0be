package ma

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"os"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	"google.golang.org/grpc"
)

// Option configures a client (client.New). The set is closed: only this
// package's With... functions return Options.
type Option interface{ applyClient(*clientConfig) }

// CallOption configures one call. The set is closed: only this package's
// With... functions return CallOptions. Options that a method does not use
// (a label selector on Get, say) are ignored.
type CallOption interface{ applyCall(*callConfig) }

type clientOptionFunc func(*clientConfig)

func (f clientOptionFunc) applyClient(c *clientConfig) { f(c) }

type callOptionFunc func(*callConfig)

func (f callOptionFunc) applyCall(c *callConfig) { f(c) }

type clientConfig struct {
	insecure         bool
	tls              *tls.Config
	caFile           string
	token            string
	defaultNamespace string
	timeout          time.Duration
	retry            Backoff
	dial             []grpc.DialOption
	err              error
}

// WithInsecure connects without TLS (plaintext), e.g. to a local server.
// Without it the client uses TLS with the system's root certificates.
func WithInsecure() Option {
	return clientOptionFunc(func(c *clientConfig) { c.insecure = true })
}

// WithTLS connects with TLS using cfg.
func WithTLS(cfg *tls.Config) Option {
	return clientOptionFunc(func(c *clientConfig) { c.insecure, c.tls = false, cfg })
}

// WithCAFile trusts the PEM certificates in path (in addition to a WithTLS config's roots).
func WithCAFile(path string) Option {
	return clientOptionFunc(func(c *clientConfig) { c.insecure, c.caFile = false, path })
}

// WithBearerToken sends "authorization: Bearer <token>" with every call.
func WithBearerToken(token string) Option {
	return clientOptionFunc(func(c *clientConfig) { c.token = token })
}

// WithDefaultNamespace is the namespace used when a call names none (see WithNamespace).
func WithDefaultNamespace(namespace string) Option {
	return clientOptionFunc(func(c *clientConfig) { c.defaultNamespace = namespace })
}

// WithTimeout is the default deadline of every unary call and of every page
// of a List; 0 (the default) means none. WithCallTimeout overrides it.
func WithTimeout(d time.Duration) Option {
	return clientOptionFunc(func(c *clientConfig) { c.timeout = d })
}

// WithRetry is the retry policy of idempotent calls failing with Unavailable
// or ResourceExhausted (DefaultRetry unless set). Create is never retried.
func WithRetry(b Backoff) Option {
	return clientOptionFunc(func(c *clientConfig) { c.retry = b })
}

// WithDialOptions adds gRPC dial options (interceptors, keepalive, ...).
func WithDialOptions(opts ...grpc.DialOption) Option {
	return clientOptionFunc(func(c *clientConfig) { c.dial = append(c.dial, opts...) })
}

func (c *clientConfig) tlsConfig() (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if c.tls != nil {
		cfg = c.tls.Clone()
	}
	if c.caFile != "" {
		pem, err := os.ReadFile(c.caFile)
		if err != nil {
			return nil, fmt.Errorf("ma: reading CA file: %w", err)
		}
		pool := cfg.RootCAs
		if pool == nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("ma: no PEM certificates in %s", c.caFile)
		}
		cfg.RootCAs = pool
	}
	return cfg, nil
}

// listConfig holds the list options as plain fields: a call is built for
// every RPC, and embedding an api.ListOptions message (with its protobuf
// internal state) made every Get allocate and zero it for nothing.
type listConfig struct {
	labelSelector string
	fieldSelector string
	limit         int32
	continueToken string
	criteria      *api.Criteria
	orderBy       []*api.OrderBy
}

type callConfig struct {
	namespace     string
	hasNamespace  bool
	noValidate    bool
	timeout       time.Duration
	hasTimeout    bool
	retry         *Backoff
	dryRun        bool
	list          listConfig
	resourceVer   string
	preconditions *api.Preconditions
	bookmarks     bool
	noRelist      bool
	watchRetry    *Backoff
	grpc          []grpc.CallOption
}

// WithCallTimeout is this call's deadline (each page's, for List),
// overriding WithTimeout; 0 means none.
func WithCallTimeout(d time.Duration) CallOption {
	return callOptionFunc(func(c *callConfig) { c.timeout, c.hasTimeout = d, true })
}

// WithCallRetry is this call's retry policy, overriding WithRetry (NoRetry disables it).
func WithCallRetry(b Backoff) CallOption {
	return callOptionFunc(func(c *callConfig) { c.retry = &b })
}

// WithDryRun validates a Create, Update, UpdateStatus, Delete or
// DeleteCollection on the server without storing anything.
func WithDryRun() CallOption {
	return callOptionFunc(func(c *callConfig) { c.dryRun = true })
}

// WithNamespace is the namespace of this call. For Create, Update and
// UpdateStatus it fills an object's empty metadata.namespace. Without it a
// call uses WithDefaultNamespace; List and Watch without either see all
// namespaces. For List and Watch, WithNamespace("") means all namespaces even
// when a default namespace is configured; for the other methods "" is the
// same as no WithNamespace.
func WithNamespace(namespace string) CallOption {
	return callOptionFunc(func(c *callConfig) { c.namespace, c.hasNamespace = namespace, true })
}

// WithoutValidation skips the client-side check of Create, Update and
// UpdateStatus (see Validate): the object is sent as is and the server's
// validation answers, with an InvalidArgument *Error carrying the same field
// violations the client-side check would have reported.
func WithoutValidation() CallOption {
	return callOptionFunc(func(c *callConfig) { c.noValidate = true })
}

// WithLabelSelector filters List, Watch and DeleteCollection, e.g. "team=ml,tier in (gold,silver)".
func WithLabelSelector(selector string) CallOption {
	return callOptionFunc(func(c *callConfig) { c.list.labelSelector = selector })
}

// WithFieldSelector filters List, Watch and DeleteCollection on metadata and
// indexed fields, e.g. "metadata.name=foo,spec.owningTeam!=bob".
func WithFieldSelector(selector string) CallOption {
	return callOptionFunc(func(c *callConfig) { c.list.fieldSelector = selector })
}

// WithLimit is the page size of List (0: the server's default).
func WithLimit(n int32) CallOption {
	return callOptionFunc(func(c *callConfig) { c.list.limit = n })
}

// WithContinue starts a List at a continue token from an earlier page.
func WithContinue(token string) CallOption {
	return callOptionFunc(func(c *callConfig) { c.list.continueToken = token })
}

// WithCriteria adds a structured filter on indexed fields to List and DeleteCollection.
func WithCriteria(criteria *api.Criteria) CallOption {
	return callOptionFunc(func(c *callConfig) { c.list.criteria = criteria })
}

// WithOrderBy sorts List results on indexed fields.
func WithOrderBy(order ...*api.OrderBy) CallOption {
	return callOptionFunc(func(c *callConfig) { c.list.orderBy = append(c.list.orderBy, order...) })
}

// WithResourceVersion is the version a Get or List must be at least as new
// as, or the version after which a Watch starts (empty: list first, then watch).
func WithResourceVersion(rv string) CallOption {
	return callOptionFunc(func(c *callConfig) { c.resourceVer = rv })
}

// WithPreconditions makes Delete fail with FailedPrecondition unless the
// stored object has this uid and resourceVersion (empty values are not checked).
func WithPreconditions(uid, resourceVersion string) CallOption {
	return callOptionFunc(func(c *callConfig) {
		c.preconditions = &api.Preconditions{Uid: uid, ResourceVersion: resourceVersion}
	})
}

// WithBookmarks makes Watch yield BOOKMARK events too (they are skipped by default;
// their version is always recorded).
func WithBookmarks() CallOption {
	return callOptionFunc(func(c *callConfig) { c.bookmarks = true })
}

// WithRelist controls what Watch does when its version is too old for the
// server (OutOfRange): list again, yield ADDED for every current object and
// resume from the list's version (true, the default), or yield the error and stop.
func WithRelist(enabled bool) CallOption {
	return callOptionFunc(func(c *callConfig) { c.noRelist = !enabled })
}

// WithWatchRetry is the backoff between Watch reconnects; Steps bounds the
// consecutive failed reconnects before Watch yields the error and stops.
func WithWatchRetry(b Backoff) CallOption {
	return callOptionFunc(func(c *callConfig) { c.watchRetry = &b })
}

// WithGRPCCallOptions passes raw gRPC call options (headers, compressors, ...).
func WithGRPCCallOptions(opts ...grpc.CallOption) CallOption {
	return callOptionFunc(func(c *callConfig) { c.grpc = append(c.grpc, opts...) })
}
