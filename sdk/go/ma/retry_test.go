package ma

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"google.golang.org/genproto/googleapis/rpc/errdetails"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
	"google.golang.org/protobuf/types/known/durationpb"
)

func TestBackoffWithoutJitterWaitsTheBound(t *testing.T) {
	b := Backoff{Initial: 100 * time.Millisecond, Max: 300 * time.Millisecond, Multiplier: 2, Steps: 5}
	want := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 300 * time.Millisecond, 300 * time.Millisecond}
	for n, w := range want {
		if got := b.Delay(n + 1); got != w {
			t.Errorf("Delay(%d) = %v, want %v", n+1, got, w)
		}
	}
}

// Full jitter: the n-th wait is uniform in [0, min(Max, Initial*Multiplier^(n-1))].
// The old model (+-fraction around the bound) never went below bound*(1-Jitter).
func TestBackoffFullJitter(t *testing.T) {
	b := Backoff{Initial: 100 * time.Millisecond, Max: 300 * time.Millisecond, Multiplier: 2, Jitter: true, Steps: 5}
	bounds := []time.Duration{100 * time.Millisecond, 200 * time.Millisecond, 300 * time.Millisecond, 300 * time.Millisecond}
	for n, bound := range bounds {
		var low, high int
		for range 4000 {
			got := b.Delay(n + 1)
			if got < 0 || got > bound {
				t.Fatalf("Delay(%d) = %v, outside [0, %v]", n+1, got, bound)
			}
			if got < bound/4 {
				low++
			}
			if got > bound*3/4 {
				high++
			}
		}
		// Each quarter holds about 1000 of 4000 draws; 700 is far below any plausible
		// uniform sample and far above what a +-20% spread produces (0).
		if low < 700 || high < 700 {
			t.Errorf("Delay(%d): %d draws in the lowest quarter, %d in the highest; not uniform over [0, %v]", n+1, low, high, bound)
		}
	}
}

func TestDefaultsMatchTheOtherSDKs(t *testing.T) {
	// Python: Retry() and DEFAULT_CONFLICT_RETRY; Java: RetrySettings.defaults() and Conflicts.
	if d := DefaultRetry; d.Initial != 100*time.Millisecond || d.Max != 5*time.Second || d.Multiplier != 2 || d.Steps != 5 || !d.Jitter || d.AttemptTimeout != 0 {
		t.Errorf("DefaultRetry = %+v", d)
	}
	if d := DefaultConflictRetry; d.Initial != 10*time.Millisecond || d.Max != time.Second || d.Multiplier != 2 || d.Steps != 10 || !d.Jitter {
		t.Errorf("DefaultConflictRetry = %+v", d)
	}
	if DefaultTimeout != 30*time.Second {
		t.Errorf("DefaultTimeout = %v", DefaultTimeout)
	}
	if UserAgent != "michelangelo-sdk-go/"+Version || Version == "" {
		t.Errorf("UserAgent = %q", UserAgent)
	}
}

// RetryOnConflict waits with full jitter too: over many short runs some waits
// are far below the bound (the old 10% spread never went below 90%).
func TestRetryOnConflictFullJitter(t *testing.T) {
	b := Backoff{Initial: 20 * time.Millisecond, Max: 20 * time.Millisecond, Multiplier: 1, Jitter: true, Steps: 2}
	conflict := NewError(codes.Aborted, "stale")
	short := 0
	for range 40 {
		start := time.Now()
		calls := 0
		err := RetryOnConflict(context.Background(), b, func(context.Context) error { calls++; return conflict })
		if !IsConflict(err) || calls != 2 {
			t.Fatalf("err = %v after %d calls", err, calls)
		}
		if time.Since(start) < 10*time.Millisecond {
			short++
		}
	}
	if short == 0 {
		t.Fatal("no wait below half the bound in 40 runs: not full jitter")
	}
}

// A wait that would end after ctx's deadline is not started: the last conflict returns at once.
func TestRetryOnConflictStopsBeforeTheDeadline(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
	defer cancel()
	b := Backoff{Initial: time.Second, Max: time.Second, Multiplier: 1, Steps: 5}
	start := time.Now()
	calls := 0
	err := RetryOnConflict(ctx, b, func(context.Context) error { calls++; return NewError(codes.Aborted, "stale") })
	if !IsConflict(err) || calls != 1 || time.Since(start) > 100*time.Millisecond {
		t.Fatalf("err = %v after %d calls in %v", err, calls, time.Since(start))
	}
}

func TestResourceExhaustedIsRetryableOnlyWithRetryInfo(t *testing.T) {
	plain := FromError(status.Error(codes.ResourceExhausted, "message larger than max"))
	if plain.Retryable() || IsRetryable(plain) {
		t.Fatal("RESOURCE_EXHAUSTED without RetryInfo is retryable")
	}
	if _, ok := plain.RetryDelay(); ok {
		t.Fatal("RetryDelay without RetryInfo")
	}
	st, err := status.New(codes.ResourceExhausted, "slow down").WithDetails(&errdetails.RetryInfo{RetryDelay: durationpb.New(250 * time.Millisecond)})
	if err != nil {
		t.Fatal(err)
	}
	told := FromError(st.Err())
	if d, ok := told.RetryDelay(); !told.Retryable() || !ok || d != 250*time.Millisecond {
		t.Fatalf("with RetryInfo: retryable %v, delay %v %v", told.Retryable(), d, ok)
	}
	if !FromError(status.Error(codes.Unavailable, "down")).Retryable() || FromError(status.Error(codes.Internal, "x")).Retryable() {
		t.Fatal("Unavailable must be retryable, Internal not")
	}
}

func TestWithCauseKeepsTheCodeAndAddsTheCause(t *testing.T) {
	e := FromError(status.Error(codes.DeadlineExceeded, "deadline"))
	w := e.WithCause(context.DeadlineExceeded)
	if !errors.Is(w, context.DeadlineExceeded) || !errors.Is(w, ErrDeadlineExceeded) || errors.Is(e, context.DeadlineExceeded) {
		t.Fatalf("WithCause: %v", w)
	}
	if !strings.Contains(w.Error(), "deadline") {
		t.Fatalf("message %q", w.Error())
	}
}
