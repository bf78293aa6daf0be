package clienttest

// Client-side failover: ma.WithTargets balances round robin over several
// instances with gRPC health checking, a single target gets the same
// service config, and calls and watches move to a surviving instance.

import (
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"errors"
	"fmt"
	"math/big"
	"net"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/client"
	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	apiv2 "github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api/v2"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/grpc"
	"google.golang.org/grpc/credentials"
	healthpb "google.golang.org/grpc/health/grpc_health_v1"
)

// eventually calls cond every 10ms until it holds, failing the test after d
// (or 1,000 tries).
func eventually(t *testing.T, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for i := 0; i < 1000; i++ {
		if cond() {
			return
		}
		if time.Now().After(deadline) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	t.Fatalf("not within %v: %s", d, what)
}

// journal is the server's journal of method (a ProjectService method name),
// cleared when clear.
func journal(t *testing.T, s *server, method string, clear bool) []map[string]any {
	t.Helper()
	res := controlAt(t, s.addr, "Calls", map[string]any{"method": "/michelangelo.api.v2.ProjectService/" + method, "clear": clear})
	var out []map[string]any
	calls, _ := res["calls"].([]any)
	for _, c := range calls {
		if m, ok := c.(map[string]any); ok {
			out = append(out, m)
		}
	}
	return out
}

// countOK is the number of calls in a journal that ended OK.
func countOK(calls []map[string]any) int {
	n := 0
	for _, c := range calls {
		if c["code"] == "OK" {
			n++
		}
	}
	return n
}

// Two real servers: calls are spread over both; after one is killed (-9)
// every call, Creates included, succeeds on the survivor.
func TestFailoverTwoServers(t *testing.T) {
	a, err := startServer()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(a.kill)
	b, err := startServer()
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(b.kill)
	ctx := ctxT(t, 60*time.Second)
	ns := namespace(t)
	var attempts atomic.Int32
	c, err := client.New("", ma.WithTargets(a.addr, b.addr), ma.WithInsecure(), ma.WithDefaultNamespace(ns),
		ma.WithTimeout(10*time.Second),
		ma.WithRetry(ma.Backoff{Initial: 10 * time.Millisecond, Max: 200 * time.Millisecond, Multiplier: 2, Jitter: true, Steps: 8}),
		ma.WithUnaryInterceptor(countCalls(&attempts)))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })

	// Until both instances are connected and healthy, some calls go to one.
	eventually(t, 10*time.Second, "both servers get calls", func() bool {
		if _, err := c.Projects().Get(ctx, "warm-up"); !ma.IsNotFound(err) {
			t.Fatalf("Get: %v", err)
		}
		return len(journal(t, a, "GetProject", false)) > 0 && len(journal(t, b, "GetProject", false)) > 0
	})
	journal(t, a, "CreateProject", true)
	journal(t, b, "CreateProject", true)
	for i := 0; i < 20; i++ {
		if _, err := c.Projects().Create(ctx, project(ns, fmt.Sprintf("p-%d", i))); err != nil {
			t.Fatalf("Create p-%d: %v", i, err)
		}
	}
	na, nb := countOK(journal(t, a, "CreateProject", false)), countOK(journal(t, b, "CreateProject", false))
	// Round robin alternates over the two healthy instances.
	if na+nb != 20 || na < 8 || nb < 8 {
		t.Fatalf("creates per server: %d and %d, want 20 spread round robin", na, nb)
	}

	// Kill a while Creates run back to back: the ones in flight on a, and
	// the ones sent before the client has noticed, fail with Unavailable and
	// are retried on b.
	errs := make(chan error, 1)
	var done atomic.Int32
	go func() {
		defer close(errs)
		for i := 0; i < 1000 && done.Load() < 40; i++ {
			if _, err := c.Projects().Create(ctx, project(ns, fmt.Sprintf("k-%d", i))); err != nil {
				errs <- fmt.Errorf("Create k-%d: %w", i, err)
				return
			}
			done.Add(1)
		}
	}()
	eventually(t, 10*time.Second, "creates run", func() bool { return done.Load() >= 10 })
	attempts.Store(0)
	before := done.Load()
	a.kill()
	if err := <-errs; err != nil {
		t.Fatalf("during the kill: %v", err)
	}
	t.Logf("%d creates after the kill took %d attempts", done.Load()-before, attempts.Load())

	journal(t, b, "CreateProject", true)
	attempts.Store(0)
	start := time.Now()
	for i := 0; i < 10; i++ {
		name := fmt.Sprintf("q-%d", i)
		if _, err := c.Projects().Create(ctx, project(ns, name)); err != nil {
			t.Fatalf("Create %s after the kill: %v", name, err)
		}
		if _, err := c.Projects().Get(ctx, name); err != nil {
			t.Fatalf("Get %s after the kill: %v", name, err)
		}
	}
	if n := countOK(journal(t, b, "CreateProject", false)); n != 10 {
		t.Fatalf("the survivor applied %d creates, want 10", n)
	}
	t.Logf("20 calls after the kill in %v, %d attempts", time.Since(start), attempts.Load())
}

// getOn makes n Gets that must succeed.
func getOn(t *testing.T, c *client.Client, n int) {
	t.Helper()
	ctx := ctxT(t, 10*time.Second)
	for i := 0; i < n; i++ {
		if _, err := c.Projects().Get(ctx, "h"); err != nil {
			t.Fatal(err)
		}
	}
}

func gets(in *instance) int { return len(in.callsOf("GetProject")) }

// An instance whose health is NOT_SERVING gets no calls; it gets calls again
// once SERVING.
func TestFailoverSkipsNotServing(t *testing.T) {
	a, b := startInstance(t, true), startInstance(t, true)
	c := fakeClient(t, "", ma.WithTargets(a.addr, b.addr))
	eventually(t, 5*time.Second, "both instances get calls", func() bool {
		getOn(t, c, 1)
		return gets(a) > 0 && gets(b) > 0
	})

	a.health.SetServingStatus("", healthpb.HealthCheckResponse_NOT_SERVING)
	// The client learns it over the health stream, a moment later.
	eventually(t, 5*time.Second, "calls stop reaching the NOT_SERVING instance", func() bool {
		n := gets(a)
		getOn(t, c, 4)
		return gets(a) == n
	})
	na, nb := gets(a), gets(b)
	getOn(t, c, 20)
	if gets(a) != na || gets(b) != nb+20 {
		t.Fatalf("of 20 calls, %d reached the NOT_SERVING instance and %d the other", gets(a)-na, gets(b)-nb)
	}

	a.health.SetServingStatus("", healthpb.HealthCheckResponse_SERVING)
	eventually(t, 5*time.Second, "calls reach the instance again once SERVING", func() bool {
		getOn(t, c, 1)
		return gets(a) > na
	})
}

// A single target, "dns:///host:port" or plain "host:port", is health
// checked too: nothing reaches it while it is NOT_SERVING (calls fail with
// Unavailable), and calls go through once it is SERVING.
func TestSingleTargetIsHealthChecked(t *testing.T) {
	for _, form := range []string{"dns:///%s", "%s"} {
		a := startInstance(t, true)
		a.health.SetServingStatus("", healthpb.HealthCheckResponse_NOT_SERVING)
		target := fmt.Sprintf(form, a.addr)
		c := fakeClient(t, target)
		_, err := c.Projects().Get(ctxT(t, 10*time.Second), "h", ma.WithCallRetry(ma.NoRetry), ma.WithCallTimeout(5*time.Second))
		if !ma.IsUnavailable(err) || gets(a) != 0 {
			t.Fatalf("%s NOT_SERVING: err %v, %d calls reached it", target, err, gets(a))
		}
		a.health.SetServingStatus("", healthpb.HealthCheckResponse_SERVING)
		eventually(t, 5*time.Second, target+" gets calls once SERVING", func() bool {
			_, err := c.Projects().Get(ctxT(t, 5*time.Second), "h", ma.WithCallRetry(ma.NoRetry))
			return err == nil
		})
	}
}

// A server without the health service is treated as healthy (gRPC's rule
// for UNIMPLEMENTED), so it gets calls.
func TestServerWithoutHealthService(t *testing.T) {
	a, b := startInstance(t, false), startInstance(t, false)
	c := fakeClient(t, "", ma.WithTargets(a.addr, b.addr))
	eventually(t, 5*time.Second, "both instances get calls", func() bool {
		getOn(t, c, 1)
		return gets(a) > 0 && gets(b) > 0
	})
}

// The user's grpc.WithDefaultServiceConfig (through WithDialOptions) replaces
// the client's: pick_first sends every call to the first address.
func TestUserServiceConfigWins(t *testing.T) {
	a, b := startInstance(t, true), startInstance(t, true)
	c := fakeClient(t, "", ma.WithTargets(a.addr, b.addr),
		ma.WithDialOptions(grpc.WithDefaultServiceConfig(`{"loadBalancingConfig":[{"pick_first":{}}]}`)))
	getOn(t, c, 20)
	if gets(a) != 20 || gets(b) != 0 {
		t.Fatalf("pick_first: %d and %d calls, want all 20 on the first address", gets(a), gets(b))
	}
}

// A watch whose instance dies reconnects to the other one from the last
// version it saw, and every event arrives exactly once.
func TestFailoverWatchResumesOnTheOtherInstance(t *testing.T) {
	ev := func(name, rv string) *apiv2.ProjectWatchEvent {
		return &apiv2.ProjectWatchEvent{Type: api.WatchEventType_ADDED, Object: fakeProject(name, rv)}
	}
	history := newEventLog(ev("a", "11"), ev("b", "12"))
	x, y := startInstance(t, true), startInstance(t, true)
	x.log, y.log = history, history
	c := fakeClient(t, "", ma.WithTargets(x.addr, y.addr))
	fast := ma.Backoff{Initial: 10 * time.Millisecond, Max: 100 * time.Millisecond, Multiplier: 2, Steps: 10}
	next, stop := pull(c.Projects().Watch(ctxT(t, 20*time.Second), ma.WithResourceVersion("10"), ma.WithWatchRetry(fast)))
	defer stop()
	var names []string
	read := func() {
		t.Helper()
		e, err, ok := next()
		if !ok || err != nil {
			t.Fatalf("watch ended: %v (events %v)", err, names)
		}
		names = append(names, e.Object.GetMetadata().GetName()+"@"+e.Object.GetMetadata().GetResourceVersion())
	}
	read()
	read()
	first, other := x, y
	if len(y.callsOf("WatchProjects")) > 0 {
		first, other = y, x
	}
	if calls := first.callsOf("WatchProjects"); len(calls) != 1 || calls[0].rv != "10" || len(other.callsOf("WatchProjects")) != 0 {
		t.Fatalf("watch streams: %v and %v", calls, other.callsOf("WatchProjects"))
	}

	first.srv.Stop() // its connections close, as when the process dies
	history.add(ev("c", "13"))
	read()
	if fmt.Sprint(names) != "[a@11 b@12 c@13]" {
		t.Fatalf("events %v", names)
	}
	calls := other.callsOf("WatchProjects")
	if len(calls) != 1 || calls[0].rv != "12" || len(first.callsOf("WatchProjects")) != 1 {
		t.Fatalf("the survivor's watch streams %v, want one from version 12", calls)
	}
}

// selfSigned is a certificate for the DNS name host only, and a pool that trusts it.
func selfSigned(t *testing.T, host string) (tls.Certificate, *x509.CertPool) {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(1), Subject: pkix.Name{CommonName: host}, DNSNames: []string{host},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(time.Hour),
		KeyUsage: x509.KeyUsageDigitalSignature, ExtKeyUsage: []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth}}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	leaf, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	return tls.Certificate{Certificate: [][]byte{der}, PrivateKey: key, Leaf: leaf}, pool
}

// With TLS every instance is verified against the first address's host.
func TestTargetsTLSServerNameIsTheFirstHost(t *testing.T) {
	cert, pool := selfSigned(t, "localhost")
	creds := grpc.Creds(credentials.NewTLS(&tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}))
	a, b := startInstance(t, true, creds), startInstance(t, true, creds)
	_, portA, _ := net.SplitHostPort(a.addr)
	trust := ma.WithTLS(&tls.Config{RootCAs: pool, MinVersion: tls.VersionTLS12})

	// b is dialled at 127.0.0.1 but verified as "localhost", which its certificate names.
	c := fakeClient(t, "", ma.WithTargets("localhost:"+portA, b.addr), trust)
	eventually(t, 5*time.Second, "both TLS instances get calls", func() bool {
		getOn(t, c, 1)
		return gets(a) > 0 && gets(b) > 0
	})

	// First address 127.0.0.1: neither certificate is valid for it.
	bad := fakeClient(t, "", ma.WithTargets(b.addr, "localhost:"+portA), trust)
	_, err := bad.Projects().Get(ctxT(t, 10*time.Second), "h", ma.WithCallRetry(ma.NoRetry), ma.WithCallTimeout(5*time.Second))
	if !ma.IsUnavailable(err) || !strings.Contains(err.Error(), "certificate") {
		t.Fatalf("server name 127.0.0.1: %v", err)
	}
}

// WithTargets' addresses are checked by client.New, which names the bad one.
func TestTargetsValidation(t *testing.T) {
	for _, tc := range []struct {
		target string
		addrs  []string
		want   string // in the error; "" means valid
	}{
		{"", []string{"127.0.0.1:1", "localhost:65535", "[::1]:50051", "ma-0.ma.svc.cluster.local:443", "10.0.0.1:80"}, ""},
		{"", nil, "no address"},
		{"127.0.0.1:1", []string{"127.0.0.1:2"}, "not both"},
		{"", []string{"127.0.0.1:1", ""}, `address 2 ""`},
		{"", []string{"127.0.0.1"}, `"127.0.0.1"`},
		{"", []string{"h:0"}, `"h:0"`},
		{"", []string{"h:65536"}, `"h:65536"`},
		{"", []string{"h:+80"}, `"h:+80"`},
		{"", []string{"h:http"}, `"h:http"`},
		{"", []string{":80"}, `":80"`},
		{"", []string{"::1:80"}, `"::1:80"`},
		{"", []string{"dns:///h:80"}, `"dns:///h:80"`},
		{"", []string{"h/x:80"}, `"h/x:80"`},
		{"", []string{"a b:80"}, `"a b:80"`},
		{"", []string{"h:80", "g:81", "h:80"}, `address 3 "h:80" is given twice`},
	} {
		c, err := client.New(tc.target, ma.WithInsecure(), ma.WithTargets(tc.addrs...))
		if tc.want == "" {
			if err != nil {
				t.Fatalf("%q: %v", tc.addrs, err)
			}
			_ = c.Close()
			continue
		}
		if !errors.Is(err, ma.ErrInvalid) || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), "WithTargets") {
			t.Fatalf("%q %q: err %v, want one naming %s", tc.target, tc.addrs, err, tc.want)
		}
	}
}

// client.New without a target and without WithTargets is refused.
func TestNoTarget(t *testing.T) {
	if _, err := client.New("", ma.WithInsecure()); !errors.Is(err, ma.ErrInvalid) || !strings.Contains(err.Error(), "WithTargets") {
		t.Fatalf("no target: %v", err)
	}
}

// A token in plaintext needs every address to be loopback (or WithInsecureTokenAllowed).
func TestTargetsTokenNeedsEveryAddressLoopback(t *testing.T) {
	tok := ma.WithBearerToken("s3cr3t")
	_, err := client.New("", ma.WithInsecure(), tok, ma.WithTargets("127.0.0.1:1", "10.1.2.3:2", "localhost:3"))
	if !errors.Is(err, ma.ErrInvalid) || !strings.Contains(err.Error(), "10.1.2.3:2") || strings.Contains(err.Error(), "s3cr3t") {
		t.Fatalf("a remote address in plaintext: %v", err)
	}
	for _, opts := range [][]ma.Option{
		{ma.WithInsecure(), ma.WithTargets("127.0.0.1:1", "localhost:2", "[::1]:3")},
		{ma.WithInsecure(), ma.WithTargets("127.0.0.1:1", "10.1.2.3:2"), ma.WithInsecureTokenAllowed()},
		{ma.WithTargets("127.0.0.1:1", "10.1.2.3:2")}, // TLS
	} {
		c, err := client.New("", append(opts, tok)...)
		if err != nil {
			t.Fatal(err)
		}
		_ = c.Close()
	}
}
