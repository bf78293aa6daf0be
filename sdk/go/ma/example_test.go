package ma_test

import (
	"context"
	"log"
	"os"
	"strings"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/client"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/grpc"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// A logging interceptor: it runs below the retry loop, so it sees every
// attempt. (clienttest's Example_interceptors runs the same against a real server.)
func ExampleWithUnaryInterceptor() {
	logCalls := func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
		invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		start := time.Now()
		err := invoker(ctx, method, req, reply, cc, opts...)
		md, _ := metadata.FromOutgoingContext(ctx)
		log.Printf("%s %s in %v (idempotency-key %v)", method, status.Code(err), time.Since(start), md.Get("idempotency-key"))
		return err
	}
	c, err := client.New("api.example.com:443", ma.WithUnaryInterceptor(logCalls))
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
}

// A refreshable token: the source is asked before every attempt.
func ExampleWithTokenSource() {
	// In real code: an oauth2.TokenSource's Token().AccessToken, or a file a sidecar refreshes.
	fetchToken := func(ctx context.Context) (string, error) {
		b, err := os.ReadFile("/var/run/secrets/ma/token")
		return strings.TrimSpace(string(b)), err
	}
	c, err := client.New("api.example.com:443", ma.WithTokenSource(fetchToken))
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
}

// One deadline for the whole call, each attempt cut at 2s, and per-call metadata.
func ExampleWithCallRetry() {
	c, err := client.New("api.example.com:443")
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	policy := ma.DefaultRetry
	policy.AttemptTimeout = 2 * time.Second
	p, err := c.Projects().Get(context.Background(), "eta", ma.WithNamespace("eta"),
		ma.WithCallTimeout(10*time.Second), ma.WithCallRetry(policy), ma.WithMetadata("x-request-id", "r-42"))
	if err != nil {
		log.Fatal(err)
	}
	log.Println(p.GetMetadata().GetResourceVersion())
}

// Three instances serving one store: round robin over the healthy ones, and
// a call that loses its instance is retried on another.
func ExampleWithTargets() {
	c, err := client.New("", ma.WithTargets("ma-0.example.com:443", "ma-1.example.com:443", "ma-2.example.com:443"))
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
}
