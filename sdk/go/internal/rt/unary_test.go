package rt

import (
	"context"
	"errors"
	"regexp"
	"sync"
	"testing"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"
)

var (
	get    = Method{Name: "/t/Get", Idempotent: true}
	create = Method{Name: "/t/Create", Write: true, Idempotent: true}
	// A custom NON_IDEMPOTENT method: keyed, but attempted once by default.
	archive = Method{Name: "/t/Archive", Write: true}
)

// testConn is a Conn without a network connection: these tests drive Unary's
// loop with a fake attempt function; clienttest covers the wire.
func testConn(t *testing.T, opts ...ma.Option) *Conn {
	t.Helper()
	c, err := Dial("127.0.0.1:1", append([]ma.Option{ma.WithInsecure()}, opts...)...)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = c.Close() })
	return c
}

type attempt struct {
	at       time.Time
	deadline time.Duration // remaining at the start of the attempt
	md       metadata.MD
}

// recorder is an attempt function that answers with errs in turn (nil: success).
type recorder struct {
	mu       sync.Mutex
	attempts []attempt
	answer   func(n int, ctx context.Context) error
}

func (r *recorder) fn(ctx context.Context) (string, error) {
	r.mu.Lock()
	a := attempt{at: time.Now()}
	if dl, ok := ctx.Deadline(); ok {
		a.deadline = time.Until(dl)
	}
	a.md, _ = metadata.FromOutgoingContext(ctx)
	r.attempts = append(r.attempts, a)
	n := len(r.attempts)
	r.mu.Unlock()
	if err := r.answer(n, ctx); err != nil {
		return "", err
	}
	return "ok", nil
}

func failing(code codes.Code) func(int, context.Context) error {
	return func(int, context.Context) error { return status.Error(code, "injected") }
}

func fast(steps int) ma.Backoff {
	return ma.Backoff{Initial: 5 * time.Millisecond, Max: 20 * time.Millisecond, Multiplier: 2, Steps: steps}
}

// The call's timeout bounds attempts and waits: a wait that would end after
// the deadline is not started, and the last error is returned at once.
func TestWaitPastTheDeadlineIsNotStarted(t *testing.T) {
	c := testConn(t, ma.WithTimeout(300*time.Millisecond), ma.WithRetry(ma.Backoff{Initial: time.Second, Max: time.Second, Multiplier: 1, Steps: 5}))
	r := &recorder{answer: failing(codes.Unavailable)}
	start := time.Now()
	_, err := Unary(context.Background(), c.NewCall(nil), get, r.fn)
	if !ma.IsUnavailable(err) || len(r.attempts) != 1 {
		t.Fatalf("err = %v after %d attempts", err, len(r.attempts))
	}
	if d := time.Since(start); d > 150*time.Millisecond {
		t.Fatalf("took %v: slept into the deadline", d)
	}
}

// Each attempt's deadline is what remains of the call's; the retries stop
// when the deadline is reached, with DeadlineExceeded.
func TestAttemptsShareTheCallDeadline(t *testing.T) {
	c := testConn(t, ma.WithRetry(fast(100)))
	r := &recorder{answer: func(n int, ctx context.Context) error {
		if n < 3 {
			time.Sleep(100 * time.Millisecond)
			return status.Error(codes.Unavailable, "down")
		}
		<-ctx.Done()
		return status.FromContextError(ctx.Err()).Err()
	}}
	start := time.Now()
	_, err := Unary(context.Background(), c.NewCall([]ma.CallOption{ma.WithCallTimeout(500 * time.Millisecond)}), get, r.fn)
	if !errors.Is(err, ma.ErrDeadlineExceeded) || !errors.Is(err, context.DeadlineExceeded) || len(r.attempts) != 3 {
		t.Fatalf("err = %v after %d attempts", err, len(r.attempts))
	}
	if d := time.Since(start); d < 450*time.Millisecond || d > 900*time.Millisecond {
		t.Fatalf("took %v, want about the 500ms timeout", d)
	}
	if first, third := r.attempts[0].deadline, r.attempts[2].deadline; first < 400*time.Millisecond || third > first-150*time.Millisecond {
		t.Fatalf("attempt deadlines %v then %v: not the remaining time", first, third)
	}
}

// ctx's own deadline counts like the timeout: whichever ends first.
func TestContextDeadlineBoundsTheCall(t *testing.T) {
	c := testConn(t, ma.WithRetry(ma.Backoff{Initial: 400 * time.Millisecond, Max: 400 * time.Millisecond, Multiplier: 1, Steps: 5}))
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	r := &recorder{answer: failing(codes.Unavailable)}
	start := time.Now()
	_, err := Unary(ctx, c.NewCall(nil), get, r.fn)
	if !ma.IsUnavailable(err) || len(r.attempts) != 1 || time.Since(start) > 150*time.Millisecond {
		t.Fatalf("err = %v after %d attempts in %v", err, len(r.attempts), time.Since(start))
	}
	if d := r.attempts[0].deadline; d > 200*time.Millisecond || d < 100*time.Millisecond {
		t.Fatalf("attempt deadline %v, want ctx's 200ms", d)
	}
}

// With AttemptTimeout an attempt that runs out of its own time is retried
// while the call has time left; each attempt gets min(AttemptTimeout, remaining).
func TestAttemptTimeoutIsRetried(t *testing.T) {
	policy := fast(5)
	policy.AttemptTimeout = 100 * time.Millisecond
	c := testConn(t, ma.WithTimeout(2*time.Second), ma.WithRetry(policy))
	r := &recorder{answer: func(n int, ctx context.Context) error {
		if n < 3 {
			<-ctx.Done() // a hung server
			return status.FromContextError(ctx.Err()).Err()
		}
		return nil
	}}
	out, err := Unary(context.Background(), c.NewCall(nil), get, r.fn)
	if err != nil || out != "ok" || len(r.attempts) != 3 {
		t.Fatalf("out %q, err %v after %d attempts", out, err, len(r.attempts))
	}
	for i, a := range r.attempts {
		if a.deadline > 100*time.Millisecond || a.deadline < 50*time.Millisecond {
			t.Fatalf("attempt %d deadline %v, want the 100ms per-attempt timeout", i, a.deadline)
		}
	}
	// When the call's deadline is the shorter one it wins, and ends the call.
	r = &recorder{answer: func(_ int, ctx context.Context) error { <-ctx.Done(); return status.FromContextError(ctx.Err()).Err() }}
	policy.AttemptTimeout = time.Second
	_, err = Unary(context.Background(), c.NewCall([]ma.CallOption{ma.WithCallTimeout(150 * time.Millisecond), ma.WithCallRetry(policy)}), get, r.fn)
	if !ma.IsDeadlineExceeded(err) || len(r.attempts) != 1 || r.attempts[0].deadline > 150*time.Millisecond {
		t.Fatalf("err = %v after %d attempts (deadline %v)", err, len(r.attempts), r.attempts[0].deadline)
	}
}

// DEADLINE_EXCEEDED answered by the server (no per-attempt timeout fired) is final.
func TestServerDeadlineExceededIsNotRetried(t *testing.T) {
	policy := fast(5)
	policy.AttemptTimeout = time.Second
	c := testConn(t, ma.WithRetry(policy))
	r := &recorder{answer: failing(codes.DeadlineExceeded)}
	if _, err := Unary(context.Background(), c.NewCall(nil), get, r.fn); !ma.IsDeadlineExceeded(err) || len(r.attempts) != 1 {
		t.Fatalf("err = %v after %d attempts", err, len(r.attempts))
	}
}

func resourceExhausted(delay time.Duration) error {
	st := status.New(codes.ResourceExhausted, "quota")
	if delay >= 0 {
		st, _ = st.WithDetails(&errdetails.RetryInfo{RetryDelay: durationpb.New(delay)})
	}
	return st.Err()
}

// RESOURCE_EXHAUSTED is retried only with RetryInfo, waiting at least its delay.
func TestResourceExhaustedNeedsRetryInfo(t *testing.T) {
	c := testConn(t, ma.WithRetry(fast(5)))
	r := &recorder{answer: func(int, context.Context) error { return resourceExhausted(-1) }}
	if _, err := Unary(context.Background(), c.NewCall(nil), get, r.fn); ma.Code(err) != codes.ResourceExhausted || len(r.attempts) != 1 {
		t.Fatalf("without RetryInfo: err = %v after %d attempts", err, len(r.attempts))
	}
	r = &recorder{answer: func(n int, _ context.Context) error {
		if n == 1 {
			return resourceExhausted(300 * time.Millisecond)
		}
		return nil
	}}
	if _, err := Unary(context.Background(), c.NewCall(nil), get, r.fn); err != nil || len(r.attempts) != 2 {
		t.Fatalf("with RetryInfo: err = %v after %d attempts", err, len(r.attempts))
	}
	if gap := r.attempts[1].at.Sub(r.attempts[0].at); gap < 300*time.Millisecond {
		t.Fatalf("waited %v, less than the server's 300ms retry delay", gap)
	}
	// A retry delay past the deadline ends the call with the error at once.
	r = &recorder{answer: func(int, context.Context) error { return resourceExhausted(5 * time.Second) }}
	start := time.Now()
	_, err := Unary(context.Background(), c.NewCall([]ma.CallOption{ma.WithCallTimeout(time.Second)}), get, r.fn)
	if ma.Code(err) != codes.ResourceExhausted || len(r.attempts) != 1 || time.Since(start) > 500*time.Millisecond {
		t.Fatalf("delay past the deadline: err = %v after %d attempts in %v", err, len(r.attempts), time.Since(start))
	}
}

// A non-idempotent method sends a key but is attempted once under the
// client's policy; a policy passed for the call is honoured, with one key.
func TestNonIdempotentIsRetriedOnlyWhenAsked(t *testing.T) {
	c := testConn(t, ma.WithRetry(fast(5)))
	r := &recorder{answer: failing(codes.Unavailable)}
	if _, err := Unary(context.Background(), c.NewCall(nil), archive, r.fn); !ma.IsUnavailable(err) || len(r.attempts) != 1 {
		t.Fatalf("err = %v after %d attempts, want 1", err, len(r.attempts))
	}
	if key := r.attempts[0].md.Get(IdempotencyKeyHeader); len(key) != 1 || !uuid4.MatchString(key[0]) {
		t.Fatalf("key %q is not one UUID v4", key)
	}
	r2 := &recorder{answer: failing(codes.Unavailable)}
	_, _ = Unary(context.Background(), c.NewCall([]ma.CallOption{ma.WithCallRetry(fast(3))}), archive, r2.fn)
	if len(r2.attempts) != 3 || r2.attempts[0].md.Get(IdempotencyKeyHeader)[0] != r2.attempts[2].md.Get(IdempotencyKeyHeader)[0] {
		t.Fatalf("explicit retry: %d attempts, want 3 with one key", len(r2.attempts))
	}
}

var uuid4 = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`)

// A write is retried (Create included) with one idempotency key on every attempt;
// each logical call gets a new key; reads send none.
func TestWritesCarryOneKeyPerCall(t *testing.T) {
	c := testConn(t, ma.WithRetry(fast(5)))
	twice := func(n int, _ context.Context) error {
		if n <= 2 {
			return status.Error(codes.Unavailable, "lost")
		}
		return nil
	}
	r := &recorder{answer: twice}
	if _, err := Unary(context.Background(), c.NewCall(nil), create, r.fn); err != nil || len(r.attempts) != 3 {
		t.Fatalf("Create: err = %v after %d attempts", err, len(r.attempts))
	}
	key := r.attempts[0].md.Get(IdempotencyKeyHeader)
	if len(key) != 1 || !uuid4.MatchString(key[0]) {
		t.Fatalf("key %q is not one UUID v4", key)
	}
	for i, a := range r.attempts {
		if got := a.md.Get(IdempotencyKeyHeader); len(got) != 1 || got[0] != key[0] {
			t.Fatalf("attempt %d key %q, want %q", i, got, key[0])
		}
	}
	r2 := &recorder{answer: twice}
	_, _ = Unary(context.Background(), c.NewCall(nil), create, r2.fn)
	if other := r2.attempts[0].md.Get(IdempotencyKeyHeader); len(other) != 1 || other[0] == key[0] {
		t.Fatalf("second call key %q, want a new one (first %q)", other, key[0])
	}
	r3 := &recorder{answer: twice}
	_, _ = Unary(context.Background(), c.NewCall([]ma.CallOption{ma.WithIdempotencyKey("mine-1")}), create, r3.fn)
	for i, a := range r3.attempts {
		if got := a.md.Get(IdempotencyKeyHeader); len(got) != 1 || got[0] != "mine-1" {
			t.Fatalf("attempt %d key %q, want the caller's", i, got)
		}
	}
	r4 := &recorder{answer: twice}
	_, _ = Unary(context.Background(), c.NewCall([]ma.CallOption{ma.WithIdempotencyKey("ignored")}), get, r4.fn)
	if got := r4.attempts[0].md.Get(IdempotencyKeyHeader); len(got) != 0 {
		t.Fatalf("a read sent key %q", got)
	}
}

// A per-call policy replaces the client's, both ways.
func TestCallRetryReplacesTheClientPolicy(t *testing.T) {
	always := &recorder{answer: failing(codes.Unavailable)}
	c := testConn(t, ma.WithRetry(fast(4)))
	_, _ = Unary(context.Background(), c.NewCall([]ma.CallOption{ma.WithCallRetry(ma.NoRetry)}), get, always.fn)
	if len(always.attempts) != 1 {
		t.Fatalf("NoRetry over a 4-attempt client: %d attempts", len(always.attempts))
	}
	always = &recorder{answer: failing(codes.Unavailable)}
	c = testConn(t, ma.WithRetry(ma.NoRetry))
	_, _ = Unary(context.Background(), c.NewCall([]ma.CallOption{ma.WithCallRetry(fast(3))}), get, always.fn)
	if len(always.attempts) != 3 {
		t.Fatalf("3-attempt call over a NoRetry client: %d attempts", len(always.attempts))
	}
	// The replaced policy is whole: its AttemptTimeout does not leak into the call's.
	p := fast(2)
	p.AttemptTimeout = 50 * time.Millisecond
	c = testConn(t, ma.WithRetry(p))
	r := &recorder{answer: func(int, context.Context) error { return nil }}
	_, _ = Unary(context.Background(), c.NewCall([]ma.CallOption{ma.WithCallRetry(fast(2)), ma.WithCallTimeout(time.Second)}), get, r.fn)
	if d := r.attempts[0].deadline; d < 500*time.Millisecond {
		t.Fatalf("attempt deadline %v: the client's AttemptTimeout applied to a per-call policy", d)
	}
}

// The client default timeout is 30s.
func TestDefaultTimeout(t *testing.T) {
	r := &recorder{answer: func(int, context.Context) error { return nil }}
	_, _ = Unary(context.Background(), testConn(t).NewCall(nil), get, r.fn)
	if d := r.attempts[0].deadline; d > 30*time.Second || d < 29*time.Second {
		t.Fatalf("default deadline %v, want 30s", d)
	}
}

func TestWithMetadataKeepsContextMetadata(t *testing.T) {
	c := testConn(t)
	r := &recorder{answer: func(int, context.Context) error { return nil }}
	ctx := metadata.AppendToOutgoingContext(context.Background(), "x-from-ctx", "1")
	_, _ = Unary(ctx, c.NewCall([]ma.CallOption{ma.WithMetadata("x-trace", "abc"), ma.WithMetadata("x-trace", "def")}), create, r.fn)
	md := r.attempts[0].md
	if got := md.Get("x-from-ctx"); len(got) != 1 || got[0] != "1" {
		t.Fatalf("context metadata %q", got)
	}
	if got := md.Get("x-trace"); len(got) != 2 || got[0] != "abc" || got[1] != "def" {
		t.Fatalf("call metadata %q", got)
	}
}

func TestIsLoopback(t *testing.T) {
	for target, want := range map[string]bool{
		"127.0.0.1:50051": true, "127.3.2.1:1": true, "[::1]:50051": true, "localhost:1": true, "LOCALHOST:1": true,
		"dns:///localhost:50051": true, "passthrough:///127.0.0.1:1": true, "unix:///tmp/s": true, "unix:s": true,
		"10.0.0.1:50051": false, "example.com:443": false, "dns:///api.example.com:443": false, "[::2]:1": false,
		"localhost.example.com:1": false, "dns://127.0.0.1/api.example.com:443": false,
	} {
		if got := isLoopback(target); got != want {
			t.Errorf("isLoopback(%q) = %v, want %v", target, got, want)
		}
	}
}

func TestNewUUID(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		u := NewUUID()
		if !uuid4.MatchString(u) || seen[u] {
			t.Fatalf("NewUUID() = %q (seen before: %v)", u, seen[u])
		}
		seen[u] = true
	}
}
