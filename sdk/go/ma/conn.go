package ma

import (
	"context"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/protobuf/proto"
)

// Conn is a gRPC connection plus the client options; the generated client
// holds one. It is safe for concurrent use.
type Conn struct {
	cc  *grpc.ClientConn
	cfg clientConfig
}

// Dial creates a connection to target ("host:port" or any gRPC target).
// Like grpc.NewClient it does not wait for the server.
func Dial(target string, opts ...Option) (*Conn, error) {
	cfg := clientConfig{retry: DefaultRetry}
	for _, o := range opts {
		o.applyClient(&cfg)
	}
	var dial []grpc.DialOption
	if cfg.insecure {
		dial = append(dial, grpc.WithTransportCredentials(insecure.NewCredentials()))
	} else {
		t, err := cfg.tlsConfig()
		if err != nil {
			return nil, err
		}
		dial = append(dial, grpc.WithTransportCredentials(credentials.NewTLS(t)))
	}
	if cfg.token != "" {
		dial = append(dial, grpc.WithPerRPCCredentials(bearer{token: cfg.token, secure: !cfg.insecure}))
	}
	dial = append(dial, cfg.dial...)
	cc, err := grpc.NewClient(target, dial...)
	if err != nil {
		return nil, FromError(err)
	}
	return &Conn{cc: cc, cfg: cfg}, nil
}

// GRPC is the underlying connection, e.g. for the raw apiv2.New...ServiceClient stubs.
func (c *Conn) GRPC() *grpc.ClientConn { return c.cc }

// Close closes the connection; calls in flight fail with Canceled.
func (c *Conn) Close() error { return c.cc.Close() }

type bearer struct {
	token  string
	secure bool
}

func (b bearer) GetRequestMetadata(context.Context, ...string) (map[string]string, error) {
	return map[string]string{"authorization": "Bearer " + b.token}, nil
}

func (b bearer) RequireTransportSecurity() bool { return b.secure }

// Method describes one RPC for the runtime.
type Method struct {
	Name       string // full gRPC name, e.g. /michelangelo.api.v2.ProjectService/GetProject
	Idempotent bool   // retried on Unavailable / ResourceExhausted
}

// Call is the resolved configuration of one call, handed to generated code.
type Call struct {
	conn *Conn
	cfg  callConfig
}

// NewCall resolves opts against the client's options.
func (c *Conn) NewCall(opts []CallOption) *Call {
	call := &Call{conn: c}
	for _, o := range opts {
		if o != nil {
			o.applyCall(&call.cfg)
		}
	}
	return call
}

// Namespace is WithNamespace, else WithDefaultNamespace, else "".
func (c *Call) Namespace() string {
	if c.cfg.namespace != "" {
		return c.cfg.namespace
	}
	return c.conn.cfg.defaultNamespace
}

// ListNamespace is the namespace of a List or Watch: WithNamespace (even ""),
// else WithDefaultNamespace, else "" (all namespaces).
func (c *Call) ListNamespace() string {
	if c.cfg.hasNamespace {
		return c.cfg.namespace
	}
	return c.conn.cfg.defaultNamespace
}

// Validate is Validate(o, msg, fields...), or nil without checking when the
// call has WithoutValidation.
func (c *Call) Validate(o Object, msg proto.Message, fields ...string) error {
	if c.cfg.noValidate {
		return nil
	}
	return Validate(o, msg, fields...)
}

// DryRun reports WithDryRun.
func (c *Call) DryRun() bool { return c.cfg.dryRun }

// ResourceVersion is WithResourceVersion.
func (c *Call) ResourceVersion() string { return c.cfg.resourceVer }

// Preconditions is WithPreconditions (nil when unset).
func (c *Call) Preconditions() *api.Preconditions { return c.cfg.preconditions }

// ListOptions are the selectors, criteria, order, limit, continue token and
// resource version of a List or DeleteCollection (a fresh copy).
func (c *Call) ListOptions() *api.ListOptions {
	l := &c.cfg.list
	o := &api.ListOptions{
		LabelSelector:   l.labelSelector,
		FieldSelector:   l.fieldSelector,
		Limit:           l.limit,
		ContinueToken:   l.continueToken,
		ResourceVersion: c.cfg.resourceVer,
	}
	for _, ob := range l.orderBy {
		o.OrderBy = append(o.OrderBy, proto.CloneOf(ob))
	}
	if l.criteria != nil {
		o.Criteria = proto.CloneOf(l.criteria)
	}
	return o
}

// WatchOptions are the selectors of a Watch starting after resourceVersion.
func (c *Call) WatchOptions(resourceVersion string) *api.WatchOptions {
	return &api.WatchOptions{
		ResourceVersion: resourceVersion,
		AllowBookmarks:  true,
		LabelSelector:   c.cfg.list.labelSelector,
		FieldSelector:   c.cfg.list.fieldSelector,
	}
}

// GRPCOptions are the WithGRPCCallOptions options.
func (c *Call) GRPCOptions() []grpc.CallOption { return c.cfg.grpc }

func (c *Call) timeout() time.Duration {
	if c.cfg.hasTimeout {
		return c.cfg.timeout
	}
	return c.conn.cfg.timeout
}

func (c *Call) backoff(m Method) Backoff {
	if !m.Idempotent {
		return NoRetry
	}
	if c.cfg.retry != nil {
		return *c.cfg.retry
	}
	return c.conn.cfg.retry
}

// Unary runs one unary call: fn is called with a context carrying the call's
// deadline, repeated per the retry policy when m is idempotent and fn fails
// with Unavailable or ResourceExhausted; any error is returned as *Error.
func Unary[T any](ctx context.Context, call *Call, m Method, fn func(ctx context.Context) (T, error)) (T, error) {
	if d := call.timeout(); d > 0 {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, d)
		defer cancel()
	}
	var out T
	err := retry(ctx, call.backoff(m), IsRetryable, func(ctx context.Context) error {
		r, err := fn(ctx)
		if err != nil {
			return fromCall(ctx, err)
		}
		out = r
		return nil
	})
	if err != nil {
		var zero T
		return zero, err
	}
	return out, nil
}
