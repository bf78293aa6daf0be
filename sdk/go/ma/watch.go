package ma

import (
	"context"
	"errors"
	"io"
	"iter"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	"google.golang.org/grpc/codes"
)

// Event is one change seen by a watch. ResourceVersion is the object's
// metadata.resourceVersion, the point a watch resumes after.
type Event[T any] struct {
	Type            api.WatchEventType
	Object          T
	ResourceVersion string
}

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

// DefaultWatchRetry is the backoff between watch reconnects: up to 10
// consecutive failed attempts, 50ms doubling to 5s.
var DefaultWatchRetry = Backoff{Initial: 50 * time.Millisecond, Max: 5 * time.Second, Multiplier: 2, Jitter: 0.2, Steps: 10}

// Watch yields every change after the call's WithResourceVersion, like
// client-go's RetryWatcher: it records the version of every event (and of
// skipped BOOKMARK events), reconnects from it when the stream ends or fails
// with Unavailable, ResourceExhausted or Internal, so each later change is
// delivered exactly once. Without a start version it first lists (ADDED for
// every current object) and watches from the list's version. When the version
// is too old for the server (OutOfRange) it lists again, yields ADDED for the
// current objects and resumes (WithRelist(false): yields the error and stops).
// Other errors, or more consecutive failures than the backoff's Steps, are
// yielded once and end the watch. Cancelling ctx (or WithCallTimeout
// expiring) ends it without an error. The client's WithTimeout does not apply.
func Watch[T any](ctx context.Context, call *Call, spec WatchSpec[T]) iter.Seq2[Event[T], error] {
	return func(yield func(Event[T], error) bool) {
		ctx, cancel := context.WithCancel(ctx)
		defer cancel()
		if call.cfg.hasTimeout && call.cfg.timeout > 0 {
			ctx, cancel = context.WithTimeout(ctx, call.cfg.timeout)
			defer cancel()
		}
		b := DefaultWatchRetry
		if call.cfg.watchRetry != nil {
			b = *call.cfg.watchRetry
		}
		steps := max(b.Steps, 1)
		rv := call.ResourceVersion()
		needList := rv == "" || rv == "0"
		failures := 0
		fail := func(err error) {
			var zero Event[T]
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
						if !yield(Event[T]{Type: api.WatchEventType_ADDED, Object: it, ResourceVersion: spec.Version(it)}, nil) {
							return
						}
					}
					continue
				}
			} else {
				err = stream(ctx, rv, spec, func(ev Event[T]) bool {
					failures = 0
					if ev.ResourceVersion != "" {
						rv = ev.ResourceVersion
					}
					if ev.Type == api.WatchEventType_BOOKMARK && !call.cfg.bookmarks {
						return true
					}
					return yield(ev, nil)
				})
				if errors.Is(err, errStop) {
					return
				}
			}
			if ctx.Err() != nil {
				return
			}
			e := FromError(err)
			switch {
			case errors.Is(err, io.EOF):
				// The server ended the stream cleanly: resume.
			case e.Code == codes.OutOfRange && !needList:
				if call.cfg.noRelist {
					fail(e)
					return
				}
				needList = true
				continue
			case e.Retryable() || e.Code == codes.Internal:
			default:
				fail(e)
				return
			}
			failures++
			if failures >= steps {
				if errors.Is(err, io.EOF) {
					e = NewError(codes.Unavailable, "watch stream ended repeatedly without events")
				}
				fail(e)
				return
			}
			if sleep(ctx, b.delay(failures)) != nil {
				return
			}
		}
	}
}

var errStop = errors.New("ma: watch stopped by consumer")

// stream runs one server stream, handing events to emit until it returns false
// (errStop) or the stream ends (io.EOF or the stream's error).
func stream[T any](ctx context.Context, rv string, spec WatchSpec[T], emit func(Event[T]) bool) error {
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
		if !emit(Event[T]{Type: typ, Object: obj, ResourceVersion: spec.Version(obj)}) {
			return errStop
		}
	}
}
