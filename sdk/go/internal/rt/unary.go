package rt

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/internal/config"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/metadata"
)

// IdempotencyKeyHeader is the request metadata carrying a write's key.
const IdempotencyKeyHeader = "idempotency-key"

// attemptSlack is how close to its own deadline an attempt's DeadlineExceeded
// must come to count as the per-attempt timeout firing (see Unary).
const attemptSlack = 5 * time.Millisecond

// Unary runs one logical unary call. The call's timeout (WithCallTimeout,
// else the client's WithTimeout) and ctx's deadline, whichever ends first,
// bound the whole call: every attempt and every backoff wait. Each attempt
// gets what remains, or the policy's AttemptTimeout when shorter. fn is
// repeated per the call's policy while it fails with Unavailable,
// ResourceExhausted with a RetryInfo (its delay is the minimum wait), or
// DeadlineExceeded from an AttemptTimeout while the call has time left. A
// wait that would end at or after the deadline is not started: the last
// error is returned. A write sends one idempotency key (WithIdempotencyKey,
// else a fresh UUID v4) on every attempt. Any error is an *ma.Error.
func Unary[T any](ctx context.Context, call *Call, m Method, fn func(ctx context.Context) (T, error)) (T, error) {
	if d := call.timeout(); d > 0 {
		// A ctx that already ends sooner needs no second timer.
		if dl, ok := ctx.Deadline(); !ok || time.Until(dl) > d {
			var cancel context.CancelFunc
			ctx, cancel = context.WithTimeout(ctx, d)
			defer cancel()
		}
	}
	ctx = call.outgoing(ctx, m.Write)
	b := call.backoff(m)
	var zero T
	for attempt := 1; ; attempt++ {
		actx, acancel := ctx, context.CancelFunc(nil)
		if b.AttemptTimeout > 0 {
			actx, acancel = context.WithTimeout(ctx, b.AttemptTimeout)
		}
		out, err := fn(actx)
		// grpc-go runs its own timer for the attempt's deadline and may return
		// DeadlineExceeded a moment before actx's timer fires, so an attempt that
		// ends within attemptSlack of its deadline counts as expired too; a
		// DeadlineExceeded long before it came from the server and is final.
		attemptExpired := false
		if acancel != nil {
			adl, _ := actx.Deadline()
			attemptExpired = actx.Err() != nil || time.Until(adl) < attemptSlack
		}
		if acancel != nil {
			acancel()
		}
		if err == nil {
			return out, nil
		}
		e := ma.FromError(err)
		if ended(ctx, err) {
			// The call's own deadline (or ctx) ended it: never retried.
			ce := ctx.Err()
			if ce == nil { // grpc-go's timer fired a moment before ctx's
				ce = context.DeadlineExceeded
			}
			if e.Code == codes.DeadlineExceeded || e.Code == codes.Canceled {
				e = e.WithCause(ce)
			}
			return zero, e
		}
		var minWait time.Duration
		switch {
		case e.Code == codes.DeadlineExceeded && attemptExpired:
		case e.Retryable():
			minWait, _ = e.RetryDelay()
		default:
			return zero, e
		}
		if attempt >= b.Attempts() {
			return zero, e
		}
		wait := max(b.Delay(attempt), minWait)
		if dl, ok := ctx.Deadline(); ok && !time.Now().Add(wait).Before(dl) {
			return zero, e
		}
		if config.Sleep(ctx, wait) != nil {
			return zero, e
		}
	}
}

// outgoing adds the call's metadata (WithMetadata) and, for a write, its
// idempotency key to ctx's outgoing metadata, keeping what ctx already has.
func (c *Call) outgoing(ctx context.Context, write bool) context.Context {
	kv := c.cfg.Metadata
	if write {
		key := c.cfg.IdempotencyKey
		if key == "" {
			key = NewUUID()
		}
		kv = append(kv[:len(kv):len(kv)], IdempotencyKeyHeader, key)
	}
	if len(kv) == 0 {
		return ctx
	}
	return metadata.AppendToOutgoingContext(ctx, kv...)
}

// NewUUID is a random (version 4, RFC 9562) UUID from crypto/rand.
func NewUUID() string {
	var b [16]byte
	if _, err := rand.Read(b[:]); err != nil {
		panic("ma: no randomness for an idempotency key: " + err.Error())
	}
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	var s [36]byte
	hex.Encode(s[0:8], b[0:4])
	s[8] = '-'
	hex.Encode(s[9:13], b[4:6])
	s[13] = '-'
	hex.Encode(s[14:18], b[6:8])
	s[18] = '-'
	hex.Encode(s[19:23], b[8:10])
	s[23] = '-'
	hex.Encode(s[24:], b[10:])
	return string(s[:])
}
