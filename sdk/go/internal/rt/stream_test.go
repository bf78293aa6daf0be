package rt

import (
	"context"
	"io"
	"testing"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
	"google.golang.org/grpc/status"
)

// fakeStream opens a stream of msgs ending with end (io.EOF: a clean end),
// recording each open's context.
type fakeStream struct {
	msgs  []string
	end   error
	opens []context.Context
}

func (f *fakeStream) open(ctx context.Context) (func() (string, error), error) {
	f.opens = append(f.opens, ctx)
	i := 0
	return func() (string, error) {
		if err := ctx.Err(); err != nil {
			return "", status.FromContextError(err).Err()
		}
		if i < len(f.msgs) {
			i++
			return f.msgs[i-1], nil
		}
		return "", f.end
	}, nil
}

func collect(seq func(func(string, error) bool)) (got []string, errs []error) {
	for m, err := range seq {
		if err != nil {
			errs = append(errs, err)
			continue
		}
		got = append(got, m)
	}
	return got, errs
}

// Every message in order; a clean end yields no error; a keyed method sends
// one key; the client's default timeout does not bound a stream.
func TestServerStreamYieldsEveryMessage(t *testing.T) {
	c := testConn(t, ma.WithTimeout(time.Millisecond))
	f := &fakeStream{msgs: []string{"a", "b", "c"}, end: io.EOF}
	got, errs := collect(ServerStream(context.Background(), c.NewCall(nil), archive, f.open))
	if len(errs) != 0 || len(got) != 3 || got[2] != "c" {
		t.Fatalf("got %v, errors %v", got, errs)
	}
	md, _ := metadata.FromOutgoingContext(f.opens[0])
	if key := md.Get(IdempotencyKeyHeader); len(key) != 1 || !uuid4.MatchString(key[0]) {
		t.Fatalf("key %q", key)
	}
	if _, ok := f.opens[0].Deadline(); ok {
		t.Fatal("the stream has a deadline without WithCallTimeout")
	}
}

// An error is yielded once, as an *ma.Error, and the stream is not reopened.
func TestServerStreamErrorIsNotRetried(t *testing.T) {
	c := testConn(t, ma.WithRetry(fast(5)))
	f := &fakeStream{msgs: []string{"a"}, end: status.Error(codes.Unavailable, "gone")}
	got, errs := collect(ServerStream(context.Background(), c.NewCall(nil), get, f.open))
	if len(got) != 1 || len(errs) != 1 || !ma.IsUnavailable(errs[0]) || len(f.opens) != 1 {
		t.Fatalf("got %v, errors %v, %d opens", got, errs, len(f.opens))
	}
	md, _ := metadata.FromOutgoingContext(f.opens[0])
	if key := md.Get(IdempotencyKeyHeader); len(key) != 0 {
		t.Fatalf("a read-only stream sent key %q", key)
	}
}

// Stopping the range cancels the stream's context; WithCallTimeout bounds it.
func TestServerStreamStopCancelsAndCallTimeoutBounds(t *testing.T) {
	c := testConn(t)
	f := &fakeStream{msgs: []string{"a", "b"}, end: io.EOF}
	for range ServerStream(context.Background(), c.NewCall([]ma.CallOption{ma.WithCallTimeout(time.Minute)}), get, f.open) {
		break
	}
	if f.opens[0].Err() == nil {
		t.Fatal("the stream's context is still live after the range stopped")
	}
	if dl, ok := f.opens[0].Deadline(); !ok || time.Until(dl) > time.Minute {
		t.Fatalf("deadline %v %v, want WithCallTimeout's", dl, ok)
	}
}
