package rt

import (
	"context"
	"errors"
	"io"
	"iter"

	"github.com/michelangelo-ai/apikit/sdk/go/ma"
)

// ServerStream yields the messages of one server-streaming call of a custom
// method. The stream opens when the sequence is ranged over (each range is
// a new call). Like a watch it has no deadline unless the call has
// WithCallTimeout (the client's WithTimeout does not apply), and it is
// neither retried nor resumed: an error, an *ma.Error, is yielded once and
// ends it; stopping the range or cancelling ctx cancels the stream. A
// method with side effects sends one idempotency key (WithIdempotencyKey,
// else a fresh UUID v4); WithMetadata applies too.
func ServerStream[T any](ctx context.Context, call *Call, m Method, open func(ctx context.Context) (recv func() (T, error), err error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		if call.cfg.HasTimeout && call.cfg.Timeout > 0 {
			ctx, cancel = context.WithTimeout(ctx, call.cfg.Timeout)
			defer cancel()
		}
		var zero T
		recv, err := open(call.outgoing(ctx, m.Write))
		if err != nil {
			yield(zero, ma.FromError(err))
			return
		}
		for {
			msg, err := recv()
			if errors.Is(err, io.EOF) {
				return
			}
			if err != nil {
				yield(zero, ma.FromError(err))
				return
			}
			if !yield(msg, nil) {
				return
			}
		}
	}
}
