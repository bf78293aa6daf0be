package clienttest

// Wire-level checks against an in-process gRPC server on loopback: what the
// client puts on the wire (metadata, keys, user agent, tokens, deadlines) and
// how it reacts to statuses the real server cannot produce yet (RetryInfo,
// watch streams ending with INTERNAL or RESOURCE_EXHAUSTED).

import (
	"context"
	"errors"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/client"
	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	apiv2 "github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api/v2"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/health"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"
)

type wireCall struct {
	method   string
	md       metadata.MD
	deadline time.Duration // 0: none
	rv       string        // WatchProjects: the resource version asked for
}

// watchLeg is what one WatchProjects stream does: send these events, then end with err (nil: OK).
type watchLeg struct {
	events []*apiv2.ProjectWatchEvent
	err    error
}

type fakeServer struct {
	apiv2.UnimplementedProjectServiceServer
	mu    sync.Mutex
	calls []wireCall
	fails map[string][]error // per method: errors returned by its next calls, in turn
	legs  []watchLeg         // per WatchProjects stream, in turn; then streams hang
	delay time.Duration      // before every unary answer
	log   *eventLog          // if set, WatchProjects streams serve it (legs unused)
}

// startFake serves ProjectService (and the standard health service,
// SERVING) on 127.0.0.1:0 until the test ends.
func startFake(t *testing.T) (*fakeServer, string) {
	t.Helper()
	in := startInstance(t, true)
	return in.fakeServer, in.addr
}

// instance is one in-process server: the scripted ProjectService and, unless
// started without, the standard grpc.health.v1.Health service (SERVING).
type instance struct {
	*fakeServer
	addr   string
	srv    *grpc.Server
	health *health.Server // nil: no health service
}

// startInstance serves an instance on 127.0.0.1:0 until the test ends (or srv.Stop()).
func startInstance(t *testing.T, withHealth bool, opts ...grpc.ServerOption) *instance {
	t.Helper()
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	in := &instance{fakeServer: &fakeServer{fails: map[string][]error{}}, addr: lis.Addr().String(), srv: grpc.NewServer(opts...)}
	apiv2.RegisterProjectServiceServer(in.srv, in.fakeServer)
	if withHealth {
		in.health = health.NewServer()
		healthpb.RegisterHealthServer(in.srv, in.health)
	}
	go func() { _ = in.srv.Serve(lis) }()
	t.Cleanup(in.srv.Stop)
	return in
}

// eventLog is a watch history that several instances serve alike, as
// instances sharing one store do: a stream gets every event after the
// version it asks for, then each event added later, until it ends.
type eventLog struct {
	mu     sync.Mutex
	events []*apiv2.ProjectWatchEvent // increasing numeric resourceVersions
	grew   chan struct{}              // closed (and replaced) by add
}

func newEventLog(events ...*apiv2.ProjectWatchEvent) *eventLog {
	return &eventLog{events: events, grew: make(chan struct{})}
}

func (l *eventLog) add(ev *apiv2.ProjectWatchEvent) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.events = append(l.events, ev)
	close(l.grew)
	l.grew = make(chan struct{})
}

// serve sends the events after version rv on s, then each added one, until s ends.
func (l *eventLog) serve(rv string, s grpc.ServerStreamingServer[apiv2.ProjectWatchEvent]) error {
	last, err := strconv.Atoi(rv)
	if err != nil {
		return status.Errorf(codes.InvalidArgument, "resourceVersion %q", rv)
	}
	for {
		l.mu.Lock()
		var todo []*apiv2.ProjectWatchEvent
		for _, ev := range l.events {
			if v, _ := strconv.Atoi(ev.GetObject().GetMetadata().GetResourceVersion()); v > last {
				todo = append(todo, ev)
			}
		}
		grew := l.grew
		l.mu.Unlock()
		for _, ev := range todo {
			if err := s.Send(ev); err != nil {
				return err
			}
			last, _ = strconv.Atoi(ev.GetObject().GetMetadata().GetResourceVersion())
		}
		select {
		case <-grew:
		case <-s.Context().Done():
			return nil
		}
	}
}

func (f *fakeServer) failNext(method string, errs ...error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.fails[method] = append(f.fails[method], errs...)
}

func (f *fakeServer) record(ctx context.Context, method, rv string) error {
	md, _ := metadata.FromIncomingContext(ctx)
	c := wireCall{method: method, md: md, rv: rv}
	if dl, ok := ctx.Deadline(); ok {
		c.deadline = time.Until(dl)
	}
	f.mu.Lock()
	f.calls = append(f.calls, c)
	var err error
	if q := f.fails[method]; len(q) > 0 {
		err, f.fails[method] = q[0], q[1:]
	}
	delay := f.delay
	f.mu.Unlock()
	if delay > 0 && method != "WatchProjects" {
		select {
		case <-time.After(delay):
		case <-ctx.Done():
			return ctx.Err()
		}
	}
	return err
}

func (f *fakeServer) callsOf(method string) []wireCall {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []wireCall
	for _, c := range f.calls {
		if c.method == method {
			out = append(out, c)
		}
	}
	return out
}

func fakeProject(name, rv string) *apiv2.Project {
	return &apiv2.Project{ApiVersion: "michelangelo.api/v2", Kind: "Project",
		Metadata: &api.ObjectMeta{Name: name, Namespace: "ns", ResourceVersion: rv},
		Spec:     &apiv2.ProjectSpec{OwningTeam: "maps"}}
}

func (f *fakeServer) CreateProject(ctx context.Context, r *apiv2.CreateProjectRequest) (*apiv2.Project, error) {
	return r.GetProject(), f.record(ctx, "CreateProject", "")
}
func (f *fakeServer) GetProject(ctx context.Context, r *apiv2.GetProjectRequest) (*apiv2.Project, error) {
	return fakeProject(r.GetName(), "1"), f.record(ctx, "GetProject", "")
}
func (f *fakeServer) UpdateProject(ctx context.Context, r *apiv2.UpdateProjectRequest) (*apiv2.Project, error) {
	return r.GetProject(), f.record(ctx, "UpdateProject", "")
}
func (f *fakeServer) UpdateProjectStatus(ctx context.Context, r *apiv2.UpdateProjectStatusRequest) (*apiv2.Project, error) {
	return r.GetProject(), f.record(ctx, "UpdateProjectStatus", "")
}
func (f *fakeServer) DeleteProject(ctx context.Context, r *apiv2.DeleteProjectRequest) (*apiv2.Project, error) {
	return fakeProject(r.GetName(), "1"), f.record(ctx, "DeleteProject", "")
}
func (f *fakeServer) DeleteProjectCollection(ctx context.Context, _ *apiv2.DeleteProjectCollectionRequest) (*apiv2.ProjectList, error) {
	return &apiv2.ProjectList{}, f.record(ctx, "DeleteProjectCollection", "")
}
func (f *fakeServer) ListProjects(ctx context.Context, _ *apiv2.ListProjectsRequest) (*apiv2.ProjectList, error) {
	return &apiv2.ProjectList{Items: []*apiv2.Project{fakeProject("listed", "5")}, Metadata: &api.ListMeta{ResourceVersion: "5"}},
		f.record(ctx, "ListProjects", "")
}
func (f *fakeServer) WatchProjects(r *apiv2.WatchProjectsRequest, s grpc.ServerStreamingServer[apiv2.ProjectWatchEvent]) error {
	if err := f.record(s.Context(), "WatchProjects", r.GetOptions().GetResourceVersion()); err != nil {
		return err
	}
	f.mu.Lock()
	var leg *watchLeg
	if len(f.legs) > 0 {
		leg, f.legs = &f.legs[0], f.legs[1:]
	}
	log := f.log
	f.mu.Unlock()
	if log != nil {
		return log.serve(r.GetOptions().GetResourceVersion(), s)
	}
	if leg == nil {
		<-s.Context().Done()
		return nil
	}
	for _, ev := range leg.events {
		if err := s.Send(ev); err != nil {
			return err
		}
	}
	return leg.err
}

func fakeClient(t *testing.T, addr string, opts ...ma.Option) *client.Client {
	t.Helper()
	c, err := client.New(addr, append([]ma.Option{ma.WithInsecure(), ma.WithDefaultNamespace("ns"),
		ma.WithRetry(ma.Backoff{Initial: time.Millisecond, Max: 5 * time.Millisecond, Multiplier: 2, Steps: 5})}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

func one(md metadata.MD, key string) string {
	if v := md.Get(key); len(v) == 1 {
		return v[0]
	}
	return fmt.Sprintf("%q", md.Get(key))
}

var uuid4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

func unavailable() error { return status.Error(codes.Unavailable, "lost") }

// Every write sends one UUID v4 idempotency key, the same on every attempt
// and new for each logical call; the caller's key replaces it; reads send none.
func TestWireIdempotencyKeys(t *testing.T) {
	f, addr := startFake(t)
	c := fakeClient(t, addr)
	ctx := ctxT(t, 30*time.Second)
	p := fakeProject("k", "1")
	writes := map[string]func(...ma.CallOption) error{
		"CreateProject":           func(o ...ma.CallOption) error { _, err := c.Projects().Create(ctx, p, o...); return err },
		"UpdateProject":           func(o ...ma.CallOption) error { _, err := c.Projects().Update(ctx, p, o...); return err },
		"UpdateProjectStatus":     func(o ...ma.CallOption) error { _, err := c.Projects().UpdateStatus(ctx, p, o...); return err },
		"DeleteProject":           func(o ...ma.CallOption) error { _, err := c.Projects().Delete(ctx, "k", o...); return err },
		"DeleteProjectCollection": func(o ...ma.CallOption) error { _, err := c.Projects().DeleteCollection(ctx, o...); return err },
	}
	seen := map[string]bool{}
	for method, write := range writes {
		f.failNext(method, unavailable(), unavailable())
		if err := write(); err != nil {
			t.Fatalf("%s: %v", method, err)
		}
		calls := f.callsOf(method)
		if len(calls) != 3 {
			t.Fatalf("%s: %d attempts, want 3", method, len(calls))
		}
		key := one(calls[0].md, "idempotency-key")
		if !uuid4.MatchString(key) || seen[key] {
			t.Fatalf("%s: key %s is not a fresh UUID v4", method, key)
		}
		seen[key] = true
		for i, call := range calls {
			if got := one(call.md, "idempotency-key"); got != key {
				t.Fatalf("%s attempt %d: key %s, want %s", method, i, got, key)
			}
		}
		if err := write(ma.WithIdempotencyKey("caller-key-" + method)); err != nil {
			t.Fatal(err)
		}
		calls = f.callsOf(method)
		if got := one(calls[len(calls)-1].md, "idempotency-key"); got != "caller-key-"+method {
			t.Fatalf("%s: key %s, want the caller's", method, got)
		}
	}
	if _, err := c.Projects().Get(ctx, "k", ma.WithIdempotencyKey("ignored")); err != nil {
		t.Fatal(err)
	}
	if _, err := ma.Collect(c.Projects().List(ctx)); err != nil {
		t.Fatal(err)
	}
	for _, m := range []string{"GetProject", "ListProjects"} {
		if got := f.callsOf(m)[0].md.Get("idempotency-key"); len(got) != 0 {
			t.Fatalf("%s sent key %q", m, got)
		}
	}
}

// The user agent, per-call metadata (option and outgoing context) reach the
// server on unary calls and on watch streams.
func TestWireUserAgentAndMetadata(t *testing.T) {
	f, addr := startFake(t)
	c := fakeClient(t, addr)
	ctx := metadata.AppendToOutgoingContext(ctxT(t, 30*time.Second), "x-from-context", "ctx-value")
	if _, err := c.Projects().Get(ctx, "m", ma.WithMetadata("x-request-id", "r-1"), ma.WithMetadata("x-tenant", "t-1")); err != nil {
		t.Fatal(err)
	}
	get := f.callsOf("GetProject")[0].md
	if ua := one(get, "user-agent"); !strings.HasPrefix(ua, "michelangelo-sdk-go/"+ma.Version+" ") {
		t.Fatalf("user-agent %s", ua)
	}
	for k, v := range map[string]string{"x-request-id": "r-1", "x-tenant": "t-1", "x-from-context": "ctx-value"} {
		if got := one(get, k); got != v {
			t.Fatalf("%s = %s, want %s", k, got, v)
		}
	}
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	next, stop := pull(c.Projects().Watch(wctx, ma.WithResourceVersion("3"), ma.WithMetadata("x-request-id", "w-1")))
	defer stop()
	f.mu.Lock()
	f.legs = []watchLeg{{events: []*apiv2.ProjectWatchEvent{{Type: api.WatchEventType_ADDED, Object: fakeProject("a", "4")}}}}
	f.mu.Unlock()
	if ev, err, ok := next(); !ok || err != nil || ev.Object.GetMetadata().GetName() != "a" {
		t.Fatalf("watch: %v %v %v", ev, err, ok)
	}
	w := f.callsOf("WatchProjects")[0].md
	if one(w, "x-request-id") != "w-1" || one(w, "x-from-context") != "ctx-value" || !strings.HasPrefix(one(w, "user-agent"), "michelangelo-sdk-go/") {
		t.Fatalf("watch metadata %v", w)
	}
	if len(w.Get("idempotency-key")) != 0 {
		t.Fatal("a watch sent an idempotency key")
	}
}

// RESOURCE_EXHAUSTED with RetryInfo is retried after at least its delay;
// without RetryInfo (e.g. a message over the size limit) it is attempted once.
func TestWireRetryInfo(t *testing.T) {
	f, addr := startFake(t)
	c := fakeClient(t, addr)
	ctx := ctxT(t, 30*time.Second)
	st, _ := status.New(codes.ResourceExhausted, "slow down").WithDetails(&errdetails.RetryInfo{RetryDelay: durationpb.New(300 * time.Millisecond)})
	f.failNext("GetProject", st.Err())
	start := time.Now()
	if _, err := c.Projects().Get(ctx, "r"); err != nil {
		t.Fatal(err)
	}
	if n := len(f.callsOf("GetProject")); n != 2 || time.Since(start) < 300*time.Millisecond {
		t.Fatalf("%d attempts in %v, want 2 after at least 300ms", n, time.Since(start))
	}
	f.failNext("UpdateProject", status.Error(codes.ResourceExhausted, "grpc: received message larger than max"))
	if _, err := c.Projects().Update(ctx, fakeProject("r", "1")); !errors.Is(err, ma.ErrResourceExhausted) {
		t.Fatalf("err = %v", err)
	}
	if n := len(f.callsOf("UpdateProject")); n != 1 {
		t.Fatalf("%d attempts of a RESOURCE_EXHAUSTED without RetryInfo", n)
	}
}

// Deadlines on the wire: each attempt carries what remains of the call's
// timeout, or the policy's AttemptTimeout when that is shorter; an attempt
// that runs out of its own time is retried.
func TestWireDeadlines(t *testing.T) {
	f, addr := startFake(t)
	c := fakeClient(t, addr)
	ctx := ctxT(t, 30*time.Second)
	f.failNext("GetProject", unavailable(), unavailable())
	if _, err := c.Projects().Get(ctx, "d", ma.WithCallTimeout(2*time.Second)); err != nil {
		t.Fatal(err)
	}
	for i, call := range f.callsOf("GetProject") {
		if call.deadline > 2*time.Second || call.deadline < time.Second {
			t.Fatalf("attempt %d deadline %v, want at most the 2s left", i, call.deadline)
		}
	}
	// The default timeout is 30s.
	if _, err := c.Projects().Delete(ctx, "d"); err != nil {
		t.Fatal(err)
	}
	if d := f.callsOf("DeleteProject")[0].deadline; d > 30*time.Second || d < 25*time.Second {
		t.Fatalf("default deadline %v", d)
	}
	f.mu.Lock()
	f.delay = 500 * time.Millisecond
	f.mu.Unlock()
	policy := ma.Backoff{Initial: time.Millisecond, Max: time.Millisecond, Multiplier: 1, Steps: 3, AttemptTimeout: 200 * time.Millisecond}
	start := time.Now()
	_, err := c.Projects().Update(ctx, fakeProject("d", "1"), ma.WithCallRetry(policy), ma.WithCallTimeout(5*time.Second))
	if !ma.IsDeadlineExceeded(err) {
		t.Fatalf("err = %v", err)
	}
	calls := f.callsOf("UpdateProject")
	if len(calls) != 3 || time.Since(start) > 2*time.Second {
		t.Fatalf("%d attempts in %v, want 3 cut at 200ms each", len(calls), time.Since(start))
	}
	for i, call := range calls {
		if call.deadline > 200*time.Millisecond {
			t.Fatalf("attempt %d deadline %v, want the 200ms per-attempt timeout", i, call.deadline)
		}
	}
}

// A token source is asked on every attempt, its token sent as a bearer token;
// its failure is UNAUTHENTICATED (not retried) and never shows the token.
func TestWireTokenSource(t *testing.T) {
	f, addr := startFake(t)
	var n atomic.Int32
	c := fakeClient(t, addr, ma.WithTokenSource(func(ctx context.Context) (string, error) {
		if _, ok := ctx.Deadline(); !ok {
			return "", errors.New("no deadline in the token source's context")
		}
		return fmt.Sprintf("tok-%d", n.Add(1)), nil
	}))
	ctx := ctxT(t, 30*time.Second)
	f.failNext("GetProject", unavailable())
	if _, err := c.Projects().Get(ctx, "t"); err != nil {
		t.Fatal(err)
	}
	calls := f.callsOf("GetProject")
	if len(calls) != 2 || one(calls[0].md, "authorization") != "Bearer tok-1" || one(calls[1].md, "authorization") != "Bearer tok-2" {
		t.Fatalf("authorization per attempt: %v", calls)
	}
	bad := fakeClient(t, addr, ma.WithTokenSource(func(context.Context) (string, error) { return "", errors.New("refresh failed") }))
	_, err := bad.Projects().Get(ctx, "t")
	if !errors.Is(err, ma.ErrUnauthenticated) || len(f.callsOf("GetProject")) != 2 {
		t.Fatalf("err = %v (calls %d)", err, len(f.callsOf("GetProject")))
	}
}

// A token in plaintext to a target that is not loopback is refused at
// construction unless allowed; the token never appears in what fmt prints or
// in errors.
func TestTokenSafety(t *testing.T) {
	const secret = "s3cr3t-t0ken"
	src := func(context.Context) (string, error) { return secret, nil }
	for _, tok := range []ma.Option{ma.WithBearerToken(secret), ma.WithTokenSource(src)} {
		_, err := client.New("10.1.2.3:50051", ma.WithInsecure(), tok)
		if !errors.Is(err, ma.ErrInvalid) || !strings.Contains(err.Error(), "WithInsecureTokenAllowed") || strings.Contains(err.Error(), secret) {
			t.Fatalf("plaintext token to a remote target: %v", err)
		}
		c, err := client.New("10.1.2.3:50051", ma.WithInsecure(), tok, ma.WithInsecureTokenAllowed())
		if err != nil {
			t.Fatalf("allowed: %v", err)
		}
		_ = c.Close()
		for _, local := range []string{"127.0.0.1:1", "localhost:1", "[::1]:1"} {
			c, err := client.New(local, ma.WithInsecure(), tok)
			if err != nil {
				t.Fatalf("%s: %v", local, err)
			}
			_ = c.Close()
		}
		// TLS to a remote target is fine (no connection is made here).
		c, err = client.New("10.1.2.3:50051", tok)
		if err != nil {
			t.Fatal(err)
		}
		_ = c.Close()
	}
	f, addr := startFake(t)
	c := fakeClient(t, addr, ma.WithBearerToken(secret))
	f.failNext("GetProject", status.Error(codes.PermissionDenied, "denied"))
	_, err := c.Projects().Get(ctxT(t, 10*time.Second), "x")
	var e *ma.Error
	if !errors.As(err, &e) {
		t.Fatal(err)
	}
	for _, s := range []string{fmt.Sprintf("%v %+v %#v", c, c, c), fmt.Sprintf("%v %+v %#v", *c, *c, *c),
		fmt.Sprintf("%v %+v %#v", err, err, e), e.Message, err.Error()} {
		if strings.Contains(s, secret) {
			t.Fatalf("token printed: %s", s)
		}
	}
}

// A watch reconnects from the last version after a clean end and after
// UNAVAILABLE, INTERNAL and RESOURCE_EXHAUSTED (with or without RetryInfo);
// any other code ends it with that error.
func TestWireWatchReconnectCodes(t *testing.T) {
	f, addr := startFake(t)
	c := fakeClient(t, addr)
	ev := func(name, rv string) *apiv2.ProjectWatchEvent {
		return &apiv2.ProjectWatchEvent{Type: api.WatchEventType_ADDED, Object: fakeProject(name, rv)}
	}
	f.legs = []watchLeg{
		{events: []*apiv2.ProjectWatchEvent{ev("a", "11")}, err: nil},
		{events: []*apiv2.ProjectWatchEvent{ev("b", "12")}, err: status.Error(codes.Unavailable, "x")},
		{events: []*apiv2.ProjectWatchEvent{ev("c", "13")}, err: status.Error(codes.Internal, "x")},
		{events: []*apiv2.ProjectWatchEvent{ev("d", "14")}, err: status.Error(codes.ResourceExhausted, "x")},
		{events: []*apiv2.ProjectWatchEvent{ev("e", "15")}, err: status.Error(codes.PermissionDenied, "no")},
	}
	var names []string
	var last error
	fast := ma.Backoff{Initial: time.Millisecond, Max: 5 * time.Millisecond, Multiplier: 2, Steps: 3}
	for ev, err := range c.Projects().Watch(ctxT(t, 20*time.Second), ma.WithResourceVersion("10"), ma.WithWatchRetry(fast)) {
		if err != nil {
			last = err
			break
		}
		names = append(names, ev.Object.GetMetadata().GetName())
		if len(names) > 5 {
			break
		}
	}
	if fmt.Sprint(names) != "[a b c d e]" || !errors.Is(last, ma.ErrPermissionDenied) {
		t.Fatalf("events %v, end %v", names, last)
	}
	var rvs []string
	for _, call := range f.callsOf("WatchProjects") {
		rvs = append(rvs, call.rv)
	}
	if fmt.Sprint(rvs) != "[10 11 12 13 14]" {
		t.Fatalf("resumed from %v", rvs)
	}
}

// resourceVersion "0" means "" : list first, then watch from the list's version.
func TestWireWatchVersionZeroListsFirst(t *testing.T) {
	for _, rv := range []string{"", "0"} {
		f, addr := startFake(t)
		c := fakeClient(t, addr)
		next, stop := pull(c.Projects().Watch(ctxT(t, 10*time.Second), ma.WithResourceVersion(rv)))
		ev, err, ok := next()
		stop()
		if !ok || err != nil || ev.Object.GetMetadata().GetName() != "listed" || len(f.callsOf("ListProjects")) != 1 {
			t.Fatalf("rv %q: first event %v %v %v", rv, ev, err, ok)
		}
	}
}
