// Command getbench measures the cost the generated client adds to a Get:
// client.Projects().Get (option resolution, retry and error mapping in
// package ma) against the raw apiv2.ProjectServiceClient.GetProject stub.
//
// Both paths share one *grpc.ClientConn (the raw stub is built on
// client.GRPC()) and both carry the client's default 30 s deadline, so the
// only difference between them is the wrapper code. Each phase is a closed loop of -concurrency goroutines calling until
// -calls calls have completed or 20 s have passed, and reports completed
// calls per second. Raw and wrapper phases alternate within each round so
// that drift (server warm-up, a noisy machine) affects both alike; the
// caller compares medians over rounds. Each path gets 2,000 calls of warm-up
// (connection set-up, lazy initialisation) before the first round.
//
// -target is either a server's host:port, where the project
// -namespace/-name (bench/p0) must exist, or the word "inprocess": the
// program then serves ProjectService itself, on 127.0.0.1:0 in the same
// process, answering GetProject for -namespace/-name from memory with one
// fixed Project (NOT_FOUND for any other name), and both paths call it over
// loopback TCP; the server is stopped at exit. A real server is slow enough
// (a few thousand calls per second) to hide the wrapper's cost in its own
// noise; the in-process server costs little beyond gRPC itself, so the
// difference between the paths shows.
// -cpuprofile writes a CPU profile of the measured rounds (not the warm-up).
// Output, one pair per round, on stdout:
//
//	raw <calls_per_second>
//	wrapper <calls_per_second>
//
// Any failed call ends the program with a message and exit status 1.
//
//	go run ./internal/getbench -target 127.0.0.1:50051 -rounds 5 -calls 5000 -concurrency 16
//	go run ./internal/getbench -target inprocess -rounds 7 -calls 50000 -concurrency 16
package main

import (
	"context"
	"flag"
	"fmt"
	"net"
	"os"
	"runtime/pprof"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/client"
	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	apiv2 "github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api/v2"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/timestamppb"
)

const (
	warmupCalls = 2000
	phaseLimit  = 20 * time.Second // bounds a phase when the server is slow
	inProcess   = "inprocess"      // -target that starts the built-in server
)

func main() {
	target := flag.String("target", "", `server address host:port, or "inprocess" (required)`)
	rounds := flag.Int("rounds", 5, "rounds of raw then wrapper")
	calls := flag.Int("calls", 5000, "calls per phase")
	conc := flag.Int("concurrency", 16, "concurrent callers per phase")
	ns := flag.String("namespace", "bench", "namespace of the project to get")
	name := flag.String("name", "p0", "name of the project to get")
	cpuprofile := flag.String("cpuprofile", "", "write a CPU profile of the measured rounds to this file")
	flag.Parse()
	if *target == "" || *rounds < 1 || *calls < 1 || *conc < 1 {
		fmt.Fprintln(os.Stderr, "getbench: need -target and positive -rounds, -calls, -concurrency")
		os.Exit(2)
	}
	if err := run(*target, *rounds, *calls, *conc, *ns, *name, *cpuprofile); err != nil {
		fmt.Fprintln(os.Stderr, "getbench:", err)
		os.Exit(1)
	}
}

func run(target string, rounds, calls, conc int, ns, name, cpuprofile string) error {
	if target == inProcess {
		addr, stop, err := serve(ns, name)
		if err != nil {
			return err
		}
		defer stop()
		target = addr
	}
	c, err := client.New(target, ma.WithInsecure())
	if err != nil {
		return err
	}
	defer c.Close()
	stub := apiv2.NewProjectServiceClient(c.GRPC())

	// Each call checks the answer so that neither path can "win" by failing fast.
	check := func(p *apiv2.Project, err error) error {
		if err != nil {
			return err
		}
		if got := p.GetMetadata().GetName(); got != name {
			return fmt.Errorf("got project %q, want %q", got, name)
		}
		return nil
	}
	// The raw call carries the deadline the client gives every call by default
	// (as the Python and Java benches do): a deadline costs grpc-go a timer per
	// call, which is the price of bounded calls, not of the wrapper.
	raw := func(ctx context.Context) error {
		ctx, cancel := context.WithTimeout(ctx, ma.DefaultTimeout)
		defer cancel()
		return check(stub.GetProject(ctx, &apiv2.GetProjectRequest{Namespace: ns, Name: name}))
	}
	wrapper := func(ctx context.Context) error {
		return check(c.Projects().Get(ctx, name, ma.WithNamespace(ns)))
	}

	paths := []struct {
		label string
		call  func(context.Context) error
	}{{"raw", raw}, {"wrapper", wrapper}}
	for _, p := range paths {
		if _, err := phase(p.call, warmupCalls, conc); err != nil {
			return fmt.Errorf("%s warm-up: %w", p.label, err)
		}
	}
	if cpuprofile != "" {
		f, err := os.Create(cpuprofile)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			return err
		}
		defer pprof.StopCPUProfile()
	}
	for r := 1; r <= rounds; r++ {
		for _, p := range paths {
			rate, err := phase(p.call, calls, conc)
			if err != nil {
				return fmt.Errorf("round %d, %s: %w", r, p.label, err)
			}
			fmt.Printf("%s %.1f\n", p.label, rate)
		}
	}
	return nil
}

// phase runs conc goroutines, each calling call back to back, until n calls
// are claimed or phaseLimit passes, and returns completed calls per second
// of wall time. The first error cancels the rest and is returned.
func phase(call func(context.Context) error, n, conc int) (float64, error) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var (
		claimed, done atomic.Int64
		once          sync.Once
		firstErr      error
		wg            sync.WaitGroup
	)
	start := time.Now()
	deadline := start.Add(phaseLimit)
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for claimed.Add(1) <= int64(n) && ctx.Err() == nil && time.Now().Before(deadline) {
				if err := call(ctx); err != nil {
					once.Do(func() { firstErr = err; cancel() })
					return
				}
				done.Add(1)
			}
		}()
	}
	wg.Wait()
	elapsed := time.Since(start)
	if firstErr != nil {
		return 0, firstErr
	}
	return float64(done.Load()) / elapsed.Seconds(), nil
}

// projectServer answers GetProject from memory with one fixed project.
type projectServer struct {
	apiv2.UnimplementedProjectServiceServer
	project *apiv2.Project
}

func (s *projectServer) GetProject(_ context.Context, req *apiv2.GetProjectRequest) (*apiv2.Project, error) {
	m := s.project.GetMetadata()
	if req.GetNamespace() != m.GetNamespace() || req.GetName() != m.GetName() {
		return nil, status.Errorf(codes.NotFound, "project %q not found in namespace %q", req.GetName(), req.GetNamespace())
	}
	return s.project, nil
}

// serve starts the in-process ProjectService on 127.0.0.1:0 holding the
// project ns/name, and returns its address and a function that stops it.
func serve(ns, name string) (addr string, stop func(), err error) {
	lis, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return "", nil, err
	}
	srv := grpc.NewServer()
	apiv2.RegisterProjectServiceServer(srv, &projectServer{project: benchProject(ns, name)})
	go func() { _ = srv.Serve(lis) }() // returns when srv stops
	return lis.Addr().String(), srv.Stop, nil
}

// benchProject is a realistic stored project: what ma-server returns for a
// project created with labels, a team, a tier, a description and two
// notification addresses.
func benchProject(ns, name string) *apiv2.Project {
	created := timestamppb.New(time.Date(2025, 3, 14, 9, 26, 53, 0, time.UTC))
	return &apiv2.Project{
		ApiVersion: "michelangelo.api/v2",
		Kind:       "Project",
		Metadata: &api.ObjectMeta{
			Name:              name,
			Namespace:         ns,
			Uid:               "3f2b8c1e-7d4a-4e9b-9c61-0a5d2e8f4b17",
			ResourceVersion:   "128734",
			Generation:        3,
			CreationTimestamp: created,
			Labels: map[string]string{
				"team":        "ml-platform",
				"environment": "production",
				"cost-center": "cc-4412",
			},
		},
		Spec: &apiv2.ProjectSpec{
			Description: strings.Join([]string{
				"Estimated time of arrival models for the rides marketplace: daily retraining",
				"on the last 90 days of trips, shadow evaluation against the serving model, and",
				"promotion after the weekly review.",
			}, " "),
			OwningTeam:         "ml-platform",
			Tier:               "critical",
			NotificationEmails: []string{"ml-platform-oncall@example.com", "eta-models@example.com"},
		},
	}
}
