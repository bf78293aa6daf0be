package clienttest

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"iter"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/client"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials/insecure"
	"google.golang.org/grpc/encoding"
)

// target is the gRPC address of the ma-server started by TestMain.
var target string

// TestMain starts a real ma-server (MA_SERVER or `ma-server` on PATH) on
// 127.0.0.1 with in-memory storage and fault injection, runs the tests and
// always stops it. A missing server is a failure, not a skip.
func TestMain(m *testing.M) {
	os.Exit(run(m))
}

func run(m *testing.M) int {
	srv, err := startServer()
	if err != nil {
		fmt.Fprintln(os.Stderr, "FAIL:", err)
		return 1
	}
	defer srv.kill()
	target = srv.addr
	return m.Run()
}

// server is a running ma-server process.
type server struct {
	addr string // its gRPC address, 127.0.0.1:port
	cmd  *exec.Cmd
}

// startServer starts an ma-server (MA_SERVER or `ma-server` on PATH) on
// 127.0.0.1 with in-memory storage and fault injection, and waits (at most
// 30s) for its ready line.
func startServer() (*server, error) {
	exe := os.Getenv("MA_SERVER")
	if exe == "" {
		var err error
		if exe, err = exec.LookPath("ma-server"); err != nil {
			return nil, fmt.Errorf("ma-server not found on PATH (set MA_SERVER to its path, or activate the venv that installs it)")
		}
	}
	cmd := exec.Command(exe, "--storage", "memory://", "--host", "127.0.0.1", "--grpc-port", "0", "--http-port", "0",
		"--conformance", "--log-level", "warning")
	cmd.Stderr = os.Stderr
	out, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting ma-server: %w", err)
	}
	s := &server{cmd: cmd}
	ready := make(chan string, 1)
	go func() {
		sc := bufio.NewScanner(out)
		for sc.Scan() {
			var ev struct {
				Event    string `json:"event"`
				GRPCPort int    `json:"grpc_port"`
			}
			if json.Unmarshal(sc.Bytes(), &ev) == nil && ev.Event == "ready" {
				ready <- fmt.Sprintf("127.0.0.1:%d", ev.GRPCPort)
			}
		}
	}()
	select {
	case s.addr = <-ready:
		return s, nil
	case <-time.After(30 * time.Second):
		s.kill()
		return nil, fmt.Errorf("ma-server printed no ready line within 30s")
	}
}

// kill stops the server with SIGKILL (no graceful shutdown) and reaps it;
// calling it again does nothing.
func (s *server) kill() {
	if s.cmd.ProcessState == nil {
		_ = s.cmd.Process.Kill()
		_ = s.cmd.Wait()
	}
}

// newClient connects to the test server.
func newClient(t testing.TB, opts ...ma.Option) *client.Client {
	t.Helper()
	c, err := client.New(target, append([]ma.Option{ma.WithInsecure()}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

// rawCodec sends and receives raw JSON bytes (the Control service's bodies).
type rawCodec struct{}

func (rawCodec) Marshal(v any) ([]byte, error) { return *(v.(*[]byte)), nil }
func (rawCodec) Unmarshal(b []byte, v any) error {
	*(v.(*[]byte)) = append([]byte(nil), b...)
	return nil
}
func (rawCodec) Name() string { return "ma-raw-json" }

var _ encoding.Codec = rawCodec{}

// control calls ma.conformance.Control/<method> with a JSON body on the test server.
func control(t testing.TB, method string, body map[string]any) map[string]any {
	t.Helper()
	return controlAt(t, target, method, body)
}

// controlAt calls ma.conformance.Control/<method> on the server at addr.
func controlAt(t testing.TB, addr, method string, body map[string]any) map[string]any {
	t.Helper()
	conn, err := grpc.NewClient(addr, grpc.WithTransportCredentials(insecure.NewCredentials()))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	in, _ := json.Marshal(body)
	var out []byte
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	if err := conn.Invoke(ctx, "/ma.conformance.Control/"+method, &in, &out, grpc.ForceCodec(rawCodec{})); err != nil {
		t.Fatalf("Control/%s: %v", method, err)
	}
	res := map[string]any{}
	_ = json.Unmarshal(out, &res)
	return res
}

// reset clears injected faults now and when the test ends.
func reset(t testing.TB) {
	t.Helper()
	control(t, "Reset", map[string]any{})
	t.Cleanup(func() { control(t, "Reset", map[string]any{}) })
}

// namespace is a fresh DNS-1123 namespace for one test.
func namespace(t testing.TB) string {
	n := strings.ToLower(strings.NewReplacer("/", "-", "_", "-").Replace(t.Name()))
	if len(n) > 40 {
		n = n[:40]
	}
	return strings.Trim(n, "-") + fmt.Sprintf("-%d", time.Now().UnixNano()%1_000_000)
}

// pull is iter.Pull2 of a watch, for tests that step through events.
func pull[T any](seq iter.Seq2[T, error]) (func() (T, error, bool), func()) {
	return iter.Pull2(seq)
}
