// Package rt is the runtime behind the generated client (gen/client): the
// connection, call resolution, the retry loop, pagination, watches and
// client-side validation. It is internal: programs use the generated client
// and package ma, whose options and errors it implements.
package rt

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"net"
	"net/netip"
	"os"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	"github.com/michelangelo-ai/apikit/sdk/go/internal/config"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/credentials"
	"google.golang.org/grpc/credentials/insecure"
	_ "google.golang.org/grpc/health" // registers the client-side health check (ServiceConfig's healthCheckConfig)
	"google.golang.org/grpc/resolver"
	"google.golang.org/grpc/resolver/manual"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/proto"
)

// Conn is a gRPC connection plus the client options; the generated client
// holds one. It is safe for concurrent use.
type Conn struct {
	cc   *grpc.ClientConn
	cfg  config.Client
	name string // what String shows: the target, or WithTargets' addresses
}

// ServiceConfig is the client's default gRPC service config: round robin
// over every address the resolver gives (all of WithTargets' addresses, all
// of a DNS name's), with client-side health checking (grpc.health.v1.Health,
// service ""), so that an instance that is down or NOT_SERVING gets no
// calls. A service config from the resolver (e.g. a DNS TXT record) or the
// user's grpc.WithDefaultServiceConfig (WithDialOptions, applied after
// ours) replaces it.
const ServiceConfig = `{"loadBalancingConfig":[{"round_robin":{}}],"healthCheckConfig":{"serviceName":""}}`

// targetsScheme numbers the resolver schemes of WithTargets clients, one per client.
var targetsScheme atomic.Uint64

// Dial creates a connection to target ("host:port" or any gRPC target), or
// with ma.WithTargets to those addresses (target must then be "").
// Like grpc.NewClient it does not wait for the server. It fails on invalid
// addresses and when the options send a bearer token in plaintext to a
// target that is not loopback, unless ma.WithInsecureTokenAllowed.
func Dial(target string, opts ...ma.Option) (*Conn, error) {
	cfg := config.Client{Retry: config.Backoff(ma.DefaultRetry), Timeout: ma.DefaultTimeout}
	for _, o := range opts {
		if o != nil {
			o.ApplyClient(&cfg)
		}
	}
	if target == "" && !cfg.HasTargets {
		return nil, ma.NewError(codes.InvalidArgument, "no target: give client.New a target, or \"\" and ma.WithTargets(addresses...)")
	}
	// remote is the first address that is not loopback, if any.
	name, remote, hasRemote := target, target, !isLoopback(target)
	var res *manual.Resolver
	if cfg.HasTargets {
		if err := checkTargets(target, cfg.Targets); err != nil {
			return nil, err
		}
		name, hasRemote = strings.Join(cfg.Targets, ","), false
		addrs := make([]resolver.Address, len(cfg.Targets))
		for i, a := range cfg.Targets {
			addrs[i] = resolver.Address{Addr: a}
			if !hasRemote && !isLoopback(a) {
				remote, hasRemote = a, true
			}
		}
		// A resolver of this client's own (grpc.WithResolvers), under a
		// scheme no other client uses; the target's endpoint, the first
		// address, is the default authority (the TLS server name).
		res = manual.NewBuilderWithScheme(fmt.Sprintf("ma-targets-%d", targetsScheme.Add(1)))
		res.InitialState(resolver.State{Addresses: addrs})
		target = res.Scheme() + ":///" + cfg.Targets[0]
	}
	hasToken := cfg.Token != "" || cfg.TokenSource != nil
	if hasToken && cfg.Insecure && !cfg.InsecureTokenAllowed && hasRemote {
		return nil, ma.NewError(codes.InvalidArgument, fmt.Sprintf(
			"refusing to send a bearer token in plaintext to %q (not a loopback address): use TLS, or ma.WithInsecureTokenAllowed() to allow it", remote))
	}
	dial := []grpc.DialOption{grpc.WithUserAgent(ma.UserAgent), grpc.WithDefaultServiceConfig(ServiceConfig)}
	if res != nil {
		dial = append(dial, grpc.WithResolvers(res))
	}
	if cfg.Insecure {
		dial = append(dial, grpc.WithTransportCredentials(insecure.NewCredentials()))
	} else {
		t, err := tlsConfig(&cfg)
		if err != nil {
			return nil, err
		}
		dial = append(dial, grpc.WithTransportCredentials(credentials.NewTLS(t)))
	}
	if hasToken {
		dial = append(dial, grpc.WithPerRPCCredentials(bearer{token: cfg.Token, source: cfg.TokenSource, secure: !cfg.Insecure}))
	}
	if len(cfg.Unary) > 0 {
		dial = append(dial, grpc.WithChainUnaryInterceptor(cfg.Unary...))
	}
	if len(cfg.Stream) > 0 {
		dial = append(dial, grpc.WithChainStreamInterceptor(cfg.Stream...))
	}
	// The user's options last, so that they win (a later option of the same
	// kind replaces an earlier one, e.g. grpc.WithDefaultServiceConfig).
	dial = append(dial, cfg.Dial...)
	cc, err := grpc.NewClient(target, dial...)
	if err != nil {
		return nil, ma.FromError(err)
	}
	return &Conn{cc: cc, cfg: cfg, name: name}, nil
}

// checkTargets validates WithTargets' addresses (and that target is empty),
// naming the first bad one.
func checkTargets(target string, addrs []string) error {
	invalid := func(format string, a ...any) error {
		return ma.NewError(codes.InvalidArgument, "ma.WithTargets: "+fmt.Sprintf(format, a...))
	}
	if target != "" {
		return invalid("give client.New a target or WithTargets, not both (target %q): pass \"\" as the target", target)
	}
	if len(addrs) == 0 {
		return invalid("no address given")
	}
	seen := make(map[string]bool, len(addrs))
	for i, a := range addrs {
		if err := checkHostPort(a); err != nil {
			return invalid("address %d %q: %v", i+1, a, err)
		}
		if seen[a] {
			return invalid("address %d %q is given twice", i+1, a)
		}
		seen[a] = true
	}
	return nil
}

// checkHostPort accepts "host:port": a host name, an IPv4 address or a
// bracketed IPv6 address, and a decimal port 1-65535.
func checkHostPort(addr string) error {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("want host:port (%v)", err)
	}
	n, err := strconv.Atoi(port)
	if err != nil || n < 1 || n > 65535 || strings.TrimLeft(port, "0123456789") != "" {
		return fmt.Errorf("port %q is not a number 1-65535", port)
	}
	if host == "" {
		return fmt.Errorf("no host")
	}
	// net.SplitHostPort already refuses an IPv6 address without brackets.
	if _, err := netip.ParseAddr(host); err != nil && !isHostName(host) {
		return fmt.Errorf("host %q is neither an IP address nor a host name", host)
	}
	return nil
}

// isHostName reports whether h is a DNS host name: dot-separated labels of
// letters, digits, '-' and '_' (1-63 characters each, at most 253 in all).
func isHostName(h string) bool {
	h = strings.TrimSuffix(h, ".")
	if h == "" || len(h) > 253 {
		return false
	}
	for _, label := range strings.Split(h, ".") {
		if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
			return false
		}
		for _, r := range label {
			if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_') {
				return false
			}
		}
	}
	return true
}

// isLoopback reports whether target names 127.0.0.0/8, ::1 or localhost
// (or a unix socket, which never leaves the machine). Anything it cannot
// parse counts as remote.
func isLoopback(target string) bool {
	if strings.HasPrefix(target, "unix:") || strings.HasPrefix(target, "unix-abstract:") {
		return true
	}
	t := target
	if i := strings.Index(t, "://"); i >= 0 { // scheme://authority/endpoint
		t = t[i+3:]
		if j := strings.Index(t, "/"); j >= 0 {
			t = t[j+1:]
		}
	}
	host := t
	if h, _, err := net.SplitHostPort(t); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// GRPC is the underlying connection, e.g. for the raw apiv2.New...ServiceClient stubs.
func (c *Conn) GRPC() *grpc.ClientConn { return c.cc }

// Close closes the connection; calls in flight fail with Canceled.
func (c *Conn) Close() error { return c.cc.Close() }

// String keeps a %v of the connection short and free of credentials.
func (c *Conn) String() string { return "rt.Conn(" + c.name + ")" }

// bearer is the per-RPC credentials of WithBearerToken / WithTokenSource.
type bearer struct {
	token  config.Secret
	source config.TokenSource
	secure bool
}

// healthWatch is the method of the client-side health checks of
// ServiceConfig (one stream per connection, with no deadline). They carry no
// token: ma-server's health service is open, and a token source is asked
// only for calls, each attempt with its deadline.
const healthWatch = "/grpc.health.v1.Health/Watch"

func (b bearer) GetRequestMetadata(ctx context.Context, _ ...string) (map[string]string, error) {
	if ri, ok := credentials.RequestInfoFromContext(ctx); ok && ri.Method == healthWatch {
		return nil, nil
	}
	tok := string(b.token)
	if b.source != nil {
		var err error
		if tok, err = b.source(ctx); err != nil {
			// A plain error would become Unavailable (and be retried) in grpc-go.
			if s, ok := status.FromError(err); ok && s.Code() != codes.Unknown {
				return nil, err
			}
			return nil, status.Errorf(codes.Unauthenticated, "ma: token source failed: %v", err)
		}
	}
	return map[string]string{"authorization": "Bearer " + tok}, nil
}

func (b bearer) RequireTransportSecurity() bool { return b.secure }

// Method describes one RPC for the runtime, from its (michelangelo.api.method)
// idempotency (the standard methods: reads read-only, writes idempotent).
type Method struct {
	Name string // full gRPC name, e.g. /michelangelo.api.v2.ProjectService/GetProject
	// Write: the call has side effects (Create, Update, UpdateStatus, Delete,
	// DeleteCollection, custom IDEMPOTENT and NON_IDEMPOTENT methods) and
	// sends an idempotency key, the same on every attempt.
	Write bool
	// Idempotent: the call is retried under the client's retry policy
	// (everything but NON_IDEMPOTENT custom methods, which are attempted
	// once unless the call passes WithCallRetry).
	Idempotent bool
}

// Call is the resolved configuration of one call, handed to generated code.
type Call struct {
	conn *Conn
	cfg  config.Call
}

// NewCall resolves opts against the client's options.
func (c *Conn) NewCall(opts []ma.CallOption) *Call {
	call := &Call{conn: c}
	for _, o := range opts {
		if o != nil {
			o.ApplyCall(&call.cfg)
		}
	}
	return call
}

// Namespace is WithNamespace, else WithDefaultNamespace, else "".
func (c *Call) Namespace() string {
	if c.cfg.Namespace != "" {
		return c.cfg.Namespace
	}
	return c.conn.cfg.DefaultNamespace
}

// ListNamespace is the namespace of a List or Watch: WithNamespace (even ""),
// else WithDefaultNamespace, else "" (all namespaces).
func (c *Call) ListNamespace() string {
	if c.cfg.HasNamespace {
		return c.cfg.Namespace
	}
	return c.conn.cfg.DefaultNamespace
}

// Validate is Validate(o, msg, fields...), or nil without checking when the
// call has WithoutValidation.
func (c *Call) Validate(o Object, msg proto.Message, fields ...string) error {
	if c.cfg.NoValidate {
		return nil
	}
	return Validate(o, msg, fields...)
}

// DryRun reports WithDryRun.
func (c *Call) DryRun() bool { return c.cfg.DryRun }

// ResourceVersion is WithResourceVersion.
func (c *Call) ResourceVersion() string { return c.cfg.ResourceVer }

// Preconditions is WithPreconditions (nil when unset).
func (c *Call) Preconditions() *api.Preconditions { return c.cfg.Preconditions }

// ListOptions are the selectors, criteria, order, limit, continue token and
// resource version of a List or DeleteCollection (a fresh copy).
func (c *Call) ListOptions() *api.ListOptions {
	l := &c.cfg.List
	o := &api.ListOptions{
		LabelSelector:   l.LabelSelector,
		FieldSelector:   l.FieldSelector,
		Limit:           l.Limit,
		ContinueToken:   l.ContinueToken,
		ResourceVersion: c.cfg.ResourceVer,
	}
	for _, ob := range l.OrderBy {
		o.OrderBy = append(o.OrderBy, proto.CloneOf(ob))
	}
	if l.Criteria != nil {
		o.Criteria = proto.CloneOf(l.Criteria)
	}
	return o
}

// WatchOptions are the selectors of a Watch starting after resourceVersion.
func (c *Call) WatchOptions(resourceVersion string) *api.WatchOptions {
	return &api.WatchOptions{
		ResourceVersion: resourceVersion,
		AllowBookmarks:  true,
		LabelSelector:   c.cfg.List.LabelSelector,
		FieldSelector:   c.cfg.List.FieldSelector,
	}
}

// GRPCOptions are the WithGRPCCallOptions options.
func (c *Call) GRPCOptions() []grpc.CallOption { return c.cfg.GRPC }

func (c *Call) timeout() time.Duration {
	if c.cfg.HasTimeout {
		return c.cfg.Timeout
	}
	return c.conn.cfg.Timeout
}

// backoff is the call's policy: WithCallRetry (for any method), else the
// client's for an idempotent method and none for another.
func (c *Call) backoff(m Method) config.Backoff {
	if c.cfg.Retry != nil {
		return *c.cfg.Retry
	}
	if !m.Idempotent {
		return config.Backoff(ma.NoRetry)
	}
	return c.conn.cfg.Retry
}

func tlsConfig(c *config.Client) (*tls.Config, error) {
	cfg := &tls.Config{MinVersion: tls.VersionTLS12}
	if c.TLS != nil {
		cfg = c.TLS.Clone()
	}
	if c.CAFile != "" {
		pem, err := os.ReadFile(c.CAFile)
		if err != nil {
			return nil, fmt.Errorf("ma: reading CA file: %w", err)
		}
		pool := cfg.RootCAs
		if pool == nil {
			pool = x509.NewCertPool()
		}
		if !pool.AppendCertsFromPEM(pem) {
			return nil, fmt.Errorf("ma: no PEM certificates in %s", c.CAFile)
		}
		cfg.RootCAs = pool
	}
	return cfg, nil
}
