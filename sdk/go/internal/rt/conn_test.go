package rt

import (
	"context"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// healthFake is a grpc.health.v1.Health server written against the
// generated stubs only: this package's tests do not import
// google.golang.org/grpc/health, so only conn.go's import of it registers
// the client-side health check these tests rely on.
type healthFake struct {
	healthpb.UnimplementedHealthServer
	mu      sync.Mutex
	status  healthpb.HealthCheckResponse_ServingStatus
	changed chan struct{} // closed (and replaced) by set
	checks  atomic.Int32  // Check calls (the "API calls" of these tests)
}

func (h *healthFake) set(s healthpb.HealthCheckResponse_ServingStatus) {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.status = s
	close(h.changed)
	h.changed = make(chan struct{})
}

func (h *healthFake) Check(context.Context, *healthpb.HealthCheckRequest) (*healthpb.HealthCheckResponse, error) {
	h.checks.Add(1)
	return &healthpb.HealthCheckResponse{Status: healthpb.HealthCheckResponse_SERVING}, nil
}

func (h *healthFake) Watch(_ *healthpb.HealthCheckRequest, s healthpb.Health_WatchServer) error {
	for {
		h.mu.Lock()
		st, changed := h.status, h.changed
		h.mu.Unlock()
		if err := s.Send(&healthpb.HealthCheckResponse{Status: st}); err != nil {
			return err
		}
		select {
		case <-changed:
		case <-s.Context().Done():
			return nil
		}
	}
}

// Every target gets the client's service config (round robin with health
// checking): a NOT_SERVING server gets no calls, which fail with
// Unavailable, until it is SERVING again.
func TestDialChecksHealth(t *testing.T) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	h := &healthFake{status: healthpb.HealthCheckResponse_NOT_SERVING, changed: make(chan struct{})}
	srv := grpc.NewServer()
	healthpb.RegisterHealthServer(srv, h)
	go func() { _ = srv.Serve(lis) }()
	defer srv.Stop()

	for _, opts := range [][]ma.Option{{}, {ma.WithTargets(lis.Addr().String())}} {
		h.set(healthpb.HealthCheckResponse_NOT_SERVING)
		target := lis.Addr().String()
		if len(opts) > 0 {
			target = ""
		}
		conn, err := Dial(target, append(opts, ma.WithInsecure())...)
		if err != nil {
			t.Fatal(err)
		}
		stub := healthpb.NewHealthClient(conn.GRPC())
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		_, err = stub.Check(ctx, &healthpb.HealthCheckRequest{})
		if status.Code(err) != codes.Unavailable || h.checks.Load() != 0 {
			t.Fatalf("%v NOT_SERVING: %v, %d calls reached it", conn, err, h.checks.Load())
		}
		h.set(healthpb.HealthCheckResponse_SERVING)
		// The client sees the change on its health stream a moment later.
		for i := 0; i < 500 && ctx.Err() == nil; i++ {
			if _, err = stub.Check(ctx, &healthpb.HealthCheckRequest{}); err == nil {
				break
			}
			time.Sleep(10 * time.Millisecond)
		}
		cancel()
		if err != nil {
			t.Fatalf("%v SERVING: %v", conn, err)
		}
		h.checks.Store(0)
		_ = conn.Close()
	}
}

// The client's health-check streams carry no token and never ask the token
// source (which fails a context without deadline here); other calls, a
// Health/Check included, do.
func TestHealthChecksCarryNoToken(t *testing.T) {
	var asked atomic.Int32
	b := bearer{source: func(ctx context.Context) (string, error) {
		asked.Add(1)
		return "tok", nil
	}}
	if md, err := b.GetRequestMetadata(context.Background()); err != nil || md["authorization"] != "Bearer tok" || asked.Load() != 1 {
		t.Fatalf("API call: %v %v", md, err)
	}
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var seen sync.Map // method -> authorization
	srv := grpc.NewServer(grpc.ChainStreamInterceptor(func(srv any, ss grpc.ServerStream, info *grpc.StreamServerInfo, handler grpc.StreamHandler) error {
		md, _ := metadata.FromIncomingContext(ss.Context())
		seen.Store(info.FullMethod, strings.Join(md.Get("authorization"), ","))
		return handler(srv, ss)
	}))
	h := &healthFake{status: healthpb.HealthCheckResponse_SERVING, changed: make(chan struct{})}
	healthpb.RegisterHealthServer(srv, h)
	go func() { _ = srv.Serve(lis) }()
	defer srv.Stop()
	conn, err := Dial("", ma.WithTargets(lis.Addr().String()), ma.WithInsecure(), ma.WithTokenSource(func(ctx context.Context) (string, error) {
		if _, ok := ctx.Deadline(); !ok {
			return "", status.Error(codes.Unauthenticated, "no deadline")
		}
		asked.Add(1)
		return "tok", nil
	}))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := healthpb.NewHealthClient(conn.GRPC()).Check(ctx, &healthpb.HealthCheckRequest{}); err != nil {
		t.Fatal(err)
	}
	auth, ok := seen.Load("/grpc.health.v1.Health/Watch")
	if !ok || auth != "" || asked.Load() != 2 {
		t.Fatalf("health stream seen %v with authorization %q; token source asked %d times, want 2 (the direct call and the Check)", ok, auth, asked.Load())
	}
}
