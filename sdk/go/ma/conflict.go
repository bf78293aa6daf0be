package ma

import (
	"context"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/internal/config"
)

// RetryOnConflict runs fn and, while it fails with a conflict (code Aborted:
// someone else wrote the object since fn read it), waits per backoff (full
// jitter) and runs it again; fn should read the latest object, change it and
// update it. It returns nil, fn's first non-conflict error, or the last
// conflict once backoff.Steps attempts are spent, ctx ends, or the next wait
// would end at or after ctx's deadline. Modelled on client-go's
// util/retry.RetryOnConflict; DefaultConflictRetry is a usual backoff.
func RetryOnConflict(ctx context.Context, backoff Backoff, fn func(ctx context.Context) error) error {
	var err error
	for attempt := 1; ; attempt++ {
		err = fn(ctx)
		if err == nil || attempt >= max(backoff.Steps, 1) || !IsConflict(err) {
			return err
		}
		d := backoff.Delay(attempt)
		if dl, ok := ctx.Deadline(); ok && !time.Now().Add(d).Before(dl) {
			return err
		}
		if config.Sleep(ctx, d) != nil {
			return err
		}
	}
}
