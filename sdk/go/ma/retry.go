package ma

import (
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/internal/config"
)

// Backoff is a retry policy with exponential backoff and full jitter.
//
// Steps is the maximum number of attempts, the first included (<= 1: no
// retry). The wait before attempt n+1 is bounded by min(Max, Initial *
// Multiplier^(n-1)) (Max 0: no cap); with Jitter it is drawn uniformly from
// [0, bound] ("full jitter", the Python and Java SDKs' model too), without
// it the wait is the bound itself.
//
// AttemptTimeout, when positive, is the deadline of each attempt; the
// call's timeout (WithTimeout / WithCallTimeout, or ctx's deadline) still
// bounds the whole call, so an attempt gets whichever ends first. An attempt
// cut short by AttemptTimeout while the call's deadline has time left is
// retried like Unavailable.
type Backoff struct {
	Initial        time.Duration
	Max            time.Duration
	Multiplier     float64
	Jitter         bool
	Steps          int
	AttemptTimeout time.Duration
}

// DefaultRetry is the client's default retry policy: 5 attempts, 100ms
// doubling up to 5s, full jitter, no per-attempt timeout (the Python and
// Java SDKs' default too).
var DefaultRetry = Backoff{Initial: 100 * time.Millisecond, Max: 5 * time.Second, Multiplier: 2, Jitter: true, Steps: 5}

// DefaultConflictRetry is RetryOnConflict's usual policy, the same budget as
// the Python and Java SDKs: 10 attempts, 10ms doubling up to 1s, full jitter.
// Bound the whole retry with ctx.
var DefaultConflictRetry = Backoff{Initial: 10 * time.Millisecond, Max: time.Second, Multiplier: 2, Jitter: true, Steps: 10}

// DefaultWatchRetry is the backoff between watch reconnects: up to 10
// consecutive failed attempts, 50ms doubling to 5s, full jitter.
var DefaultWatchRetry = Backoff{Initial: 50 * time.Millisecond, Max: 5 * time.Second, Multiplier: 2, Jitter: true, Steps: 10}

// NoRetry makes exactly one attempt.
var NoRetry = Backoff{Steps: 1}

// Delay is the wait before attempt n+1 (n >= 1 attempts done), drawn as
// described on Backoff.
func (b Backoff) Delay(n int) time.Duration { return config.Backoff(b).Delay(n) }
