// Package config holds the resolved client and call settings that package
// ma's options write and the runtime (internal/rt) reads. It lives under
// internal/ so that ma's Option and CallOption stay a closed set: their
// methods take these types, which no code outside the module can name.
package config

import (
	"context"
	"crypto/tls"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	"google.golang.org/grpc"
)

// Backoff has exactly the fields of ma.Backoff, in the same order, so that
// the two convert into each other (ma.Backoff(b), config.Backoff(b)).
type Backoff struct {
	Initial        time.Duration
	Max            time.Duration
	Multiplier     float64
	Jitter         bool
	Steps          int
	AttemptTimeout time.Duration
}

// Bound is the longest wait before attempt n+1 (n >= 1 attempts done):
// min(Max, Initial * Multiplier^(n-1)); Max <= 0 means no cap.
func (b Backoff) Bound(n int) time.Duration {
	d := float64(b.Initial)
	m := max(b.Multiplier, 1)
	for i := 1; i < n; i++ {
		d *= m
		if b.Max > 0 && d >= float64(b.Max) {
			break
		}
	}
	if b.Max > 0 && d > float64(b.Max) {
		d = float64(b.Max)
	}
	return time.Duration(max(d, 0))
}

// Delay is the wait before attempt n+1: with Jitter uniform in [0, Bound(n)]
// ("full jitter", as in the Python and Java SDKs), else Bound(n).
func (b Backoff) Delay(n int) time.Duration {
	d := b.Bound(n)
	if b.Jitter && d > 0 {
		return time.Duration(rand.Int64N(int64(d) + 1))
	}
	return d
}

// Attempts is Steps, at least 1.
func (b Backoff) Attempts() int { return max(b.Steps, 1) }

// Secret is a bearer token. It prints as "[redacted]" with every fmt verb,
// so that a logged config or connection never shows it.
type Secret string

// String implements fmt.Stringer.
func (Secret) String() string { return "[redacted]" }

// GoString implements fmt.GoStringer (%#v).
func (Secret) GoString() string { return `"[redacted]"` }

// Format implements fmt.Formatter, covering %s, %v, %+v, %q, %x, ...
func (Secret) Format(f fmt.State, _ rune) { _, _ = f.Write([]byte("[redacted]")) }

// TokenSource returns the bearer token for one call.
type TokenSource func(ctx context.Context) (string, error)

// Client is the resolved client options.
type Client struct {
	// Targets are WithTargets' addresses; HasTargets tells WithTargets()
	// with none (an error) from no WithTargets.
	Targets              []string
	HasTargets           bool
	Insecure             bool
	TLS                  *tls.Config
	CAFile               string
	Token                Secret
	TokenSource          TokenSource
	InsecureTokenAllowed bool
	DefaultNamespace     string
	Timeout              time.Duration
	Retry                Backoff
	Dial                 []grpc.DialOption
	Unary                []grpc.UnaryClientInterceptor
	Stream               []grpc.StreamClientInterceptor
}

// List holds the list options as plain fields: a call is built for every
// RPC, and embedding an api.ListOptions message (with its protobuf internal
// state) made every Get allocate and zero it for nothing.
type List struct {
	LabelSelector string
	FieldSelector string
	Limit         int32
	ContinueToken string
	Criteria      *api.Criteria
	OrderBy       []*api.OrderBy
}

// Call is the resolved options of one call.
type Call struct {
	Namespace      string
	HasNamespace   bool
	NoValidate     bool
	Timeout        time.Duration
	HasTimeout     bool
	Retry          *Backoff
	DryRun         bool
	List           List
	ResourceVer    string
	Preconditions  *api.Preconditions
	Bookmarks      bool
	NoRelist       bool
	OnRelist       func()
	WatchRetry     *Backoff
	GRPC           []grpc.CallOption
	IdempotencyKey string
	Metadata       []string // key, value, key, value, ...
}

// Sleep waits d or until ctx ends, returning ctx.Err() in the latter case.
func Sleep(ctx context.Context, d time.Duration) error {
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
