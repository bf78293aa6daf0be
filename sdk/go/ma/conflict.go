package ma

import "context"

// RetryOnConflict runs fn and, while it fails with a conflict (code Aborted:
// someone else wrote the object since fn read it), waits per backoff and
// runs it again; fn should read the latest object, change it and update it.
// It returns nil, fn's first non-conflict error or the last conflict once
// backoff.Steps attempts are spent. Modelled on client-go's
// util/retry.RetryOnConflict; DefaultConflictRetry is a usual backoff.
func RetryOnConflict(ctx context.Context, backoff Backoff, fn func(ctx context.Context) error) error {
	return retry(ctx, backoff, IsConflict, fn)
}
