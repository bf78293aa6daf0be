package rt

import (
	"context"
	"errors"
	"io"
	"iter"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	"github.com/michelangelo-ai/apikit/sdk/go/internal/config"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/grpc/codes"
)

// WatchSpec is what generated code hands Watch for one resource.
type WatchSpec[T any] struct {
	// Open starts a server stream of the changes after resourceVersion;
	// recv returns the next event, io.EOF when the server ended the stream.
	Open func(ctx context.Context, resourceVersion string) (recv func() (api.WatchEventType, T, error), err error)
	// List returns every current object (all pages) and the list's resource version.
	List func(ctx context.Context) (items []T, resourceVersion string, err error)
	// Version returns an object's metadata.resourceVersion.
	Version func(T) string
}

// Watch yields every change after the call's WithResourceVersion, like
// client-go's RetryWatcher: it records the version of every event (and of
// skipped BOOKMARK events), reconnects from it when the stream ends cleanly
// or fails with Unavailable, ResourceExhausted or Internal, so each later
// change is delivered exactly once. Without a start version (or with "0") it
// first lists (ADDED for every current object) and watches from the list's
// version. When the version is too old for the server (OutOfRange) it calls
// the WithOnRelist hook, lists again, yields ADDED for the current objects
// and resumes (WithRelist(false): yields the error and stops).
// Other errors, or more consecutive failures than the backoff's Steps, are
// yielded once and end the watch. Cancelling ctx (or WithCallTimeout
// expiring) ends it without an error. The client's WithTimeout does not apply.
func Watch[T any](ctx context.Context, call *Call, spec WatchSpec[T]) iter.Seq2[ma.Event[T], error] {
	return func(yield func(ma.Event[T], error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		if call.cfg.HasTimeout && call.cfg.Timeout > 0 {
			ctx, cancel = context.WithTimeout(ctx, call.cfg.Timeout)
			defer cancel()
		}
		b := config.Backoff(ma.DefaultWatchRetry)
		if call.cfg.WatchRetry != nil {
			b = *call.cfg.WatchRetry
		}
		streamCtx := call.outgoing(ctx, false)
		steps := max(b.Steps, 1)
		rv := call.ResourceVersion()
		needList := rv == "" || rv == "0"
		failures := 0
		fail := func(err error) {
			var zero ma.Event[T]
			yield(zero, err)
		}
		for ctx.Err() == nil {
			var err error
			if needList {
				var items []T
				items, rv, err = spec.List(ctx)
				if err == nil {
					needList = false
					failures = 0
					for _, it := range items {
						if !yield(ma.Event[T]{Type: api.WatchEventType_ADDED, Object: it, ResourceVersion: spec.Version(it)}, nil) {
							return
						}
					}
					continue
				}
			} else {
				err = stream(streamCtx, rv, spec, func(ev ma.Event[T]) bool {
					failures = 0
					if ev.ResourceVersion != "" {
						rv = ev.ResourceVersion
					}
					if ev.Type == api.WatchEventType_BOOKMARK && !call.cfg.Bookmarks {
						return true
					}
					return yield(ev, nil)
				})
				if errors.Is(err, errStop) {
					return
				}
			}
			if ended(ctx, err) {
				return
			}
			e := ma.FromError(err)
			switch {
			case errors.Is(err, io.EOF):
				// The server ended the stream cleanly: resume.
			case e.Code == codes.OutOfRange && !needList:
				if call.cfg.NoRelist {
					fail(e)
					return
				}
				if call.cfg.OnRelist != nil {
					call.cfg.OnRelist()
				}
				needList = true
				continue
			case e.Code == codes.Unavailable || e.Code == codes.Internal || e.Code == codes.ResourceExhausted:
			default:
				fail(e)
				return
			}
			failures++
			if failures >= steps {
				if errors.Is(err, io.EOF) {
					e = ma.NewError(codes.Unavailable, "watch stream ended repeatedly without events")
				}
				fail(e)
				return
			}
			if config.Sleep(ctx, b.Delay(failures)) != nil {
				return
			}
		}
	}
}

var errStop = errors.New("ma: watch stopped by consumer")

// stream runs one server stream, handing events to emit until it returns false
// (errStop) or the stream ends (io.EOF or the stream's error).
func stream[T any](ctx context.Context, rv string, spec WatchSpec[T], emit func(ma.Event[T]) bool) error {
	sctx, cancel := context.WithCancel(ctx)
	defer cancel()
	recv, err := spec.Open(sctx, rv)
	if err != nil {
		return err
	}
	for {
		typ, obj, err := recv()
		if err != nil {
			return err
		}
		if !emit(ma.Event[T]{Type: typ, Object: obj, ResourceVersion: spec.Version(obj)}) {
			return errStop
		}
	}
}

// ended reports whether ctx (the caller's, or WithCallTimeout) has ended the
// watch. grpc-go runs its own timer for a deadline and may fail a call with
// DeadlineExceeded a moment before ctx's timer fires, so that error within
// attemptSlack of ctx's deadline counts as ctx ending too.
func ended(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return true
	}
	dl, ok := ctx.Deadline()
	return ok && err != nil && ma.FromError(err).Code == codes.DeadlineExceeded && time.Until(dl) < attemptSlack
}
