package ma

import (
	"context"
	"math/rand/v2"
	"time"
)

// Backoff is an exponential backoff: the first wait is Initial, each next
// one Multiplier times longer, each spread by +-Jitter (a fraction, 0.1 =
// 10%), and no wait longer than Max (jitter included, as in the Python and
// Java SDKs). Steps is the maximum number of attempts (the first
// call included); Steps <= 1 means no retry.
type Backoff struct {
	Initial    time.Duration
	Max        time.Duration
	Multiplier float64
	Jitter     float64
	Steps      int
}

// DefaultRetry is the client's default retry policy for idempotent calls
// that fail with Unavailable or ResourceExhausted: 5 attempts, 100ms doubling
// up to 5s (the Python and Java SDKs' default too), 20% jitter.
var DefaultRetry = Backoff{Initial: 100 * time.Millisecond, Max: 5 * time.Second, Multiplier: 2, Jitter: 0.2, Steps: 5}

// DefaultConflictRetry is RetryOnConflict's usual policy, the same budget as
// the Python and Java SDKs: 10 attempts, 10ms doubling up to 1s, with 10%
// jitter. Backoff has no overall deadline; bound the whole retry with ctx.
var DefaultConflictRetry = Backoff{Initial: 10 * time.Millisecond, Max: time.Second, Multiplier: 2, Jitter: 0.1, Steps: 10}

// NoRetry makes exactly one attempt.
var NoRetry = Backoff{Steps: 1}

// delay is the wait before attempt n+1 (n >= 1 attempts done).
func (b Backoff) delay(n int) time.Duration {
	d := float64(b.Initial)
	m := b.Multiplier
	if m < 1 {
		m = 1
	}
	for i := 1; i < n; i++ {
		d *= m
		if b.Max > 0 && d >= float64(b.Max) {
			d = float64(b.Max)
			break
		}
	}
	if b.Max > 0 && d > float64(b.Max) {
		d = float64(b.Max)
	}
	if b.Jitter > 0 {
		d += d * b.Jitter * (2*rand.Float64() - 1)
	}
	if b.Max > 0 && d > float64(b.Max) {
		d = float64(b.Max)
	}
	if d < 0 {
		d = 0
	}
	return time.Duration(d)
}

// sleep waits d or until ctx ends, returning ctx.Err() in the latter case.
func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

// retry runs fn until it succeeds, fails with an error for which again is
// false, runs out of steps or ctx ends. It returns fn's last error.
func retry(ctx context.Context, b Backoff, again func(error) bool, fn func(context.Context) error) error {
	steps := b.Steps
	if steps < 1 {
		steps = 1
	}
	var err error
	for attempt := 1; ; attempt++ {
		err = fn(ctx)
		if err == nil || attempt >= steps || !again(err) {
			return err
		}
		if sleep(ctx, b.delay(attempt)) != nil {
			return err
		}
	}
}
