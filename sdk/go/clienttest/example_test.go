package clienttest

import (
	"context"
	"errors"
	"fmt"
	"log"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/client"
	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	apiv2 "github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api/v2"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/grpc"
	"google.golang.org/grpc/status"
)

// Example_quickstart is the five-minute example of sdk/go/README.md; keep the two in sync.
func Example_quickstart() {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()

	c, err := client.New(target, // e.g. "localhost:50051"
		ma.WithInsecure(), ma.WithDefaultNamespace("eta"), ma.WithTimeout(10*time.Second))
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()

	// Create a project (validated on the client first; retried safely with an idempotency key).
	p, err := c.Projects().Create(ctx, &apiv2.Project{
		Metadata: &api.ObjectMeta{Name: "eta", Labels: map[string]string{"team": "maps"}},
		Spec:     &apiv2.ProjectSpec{OwningTeam: "maps", Tier: "critical"},
	})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("created", p.GetMetadata().GetName(), "generation", p.GetMetadata().GetGeneration())

	// Errors: one type, matched with errors.Is / errors.As.
	if _, err := c.Projects().Create(ctx, p); errors.Is(err, ma.ErrAlreadyExists) {
		fmt.Println("already exists")
	}

	// List models lazily, 100 per page (every page gets the 10s timeout).
	for m, err := range c.Models().List(ctx, ma.WithLimit(100), ma.WithLabelSelector("team=maps")) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println("model", m.GetMetadata().GetName())
	}

	// Watch pipeline runs: reconnects and resumes by itself; stop by breaking or cancelling ctx.
	wctx, stop := context.WithTimeout(ctx, 500*time.Millisecond)
	defer stop()
	for ev, err := range c.PipelineRuns().Watch(wctx) {
		if err != nil {
			log.Fatal(err)
		}
		fmt.Println(ev.Type, ev.Object.GetMetadata().GetName())
	}

	// Read-modify-write with optimistic concurrency.
	err = ma.RetryOnConflict(ctx, ma.DefaultConflictRetry, func(ctx context.Context) error {
		p, err := c.Projects().Get(ctx, "eta")
		if err != nil {
			return err
		}
		p.Spec.Description = "ETA prediction"
		_, err = c.Projects().Update(ctx, p)
		return err
	})
	fmt.Println("updated:", err == nil)
	// Output:
	// created eta generation 1
	// already exists
	// updated: true
}

// Example_interceptors adds a logging interceptor; tracing works the
// same way (e.g. otelgrpc's client interceptors). It sees every attempt, so a
// retried call shows once per attempt.
func Example_interceptors() {
	logCalls := func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn,
		invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		err := invoker(ctx, method, req, reply, cc, opts...)
		fmt.Println(method, status.Code(err))
		return err
	}
	c, err := client.New(target, ma.WithInsecure(), ma.WithDefaultNamespace("example-interceptors"),
		ma.WithUnaryInterceptor(logCalls))
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	_, err = c.Projects().Get(ctx, "missing", ma.WithMetadata("x-request-id", "example-1"))
	fmt.Println(ma.IsNotFound(err))
	// Output:
	// /michelangelo.api.v2.ProjectService/GetProject NotFound
	// true
}
