package main

import (
	"context"
	"encoding/json"
	"iter"
	"log"
	"runtime/debug"
	"sync"
	"sync/atomic"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	"google.golang.org/protobuf/proto"
)

// handle is an open_list / open_pages / open_watch iterator.
type handle interface {
	next(maxItems int, wait time.Duration) (*nextResult, error)
	close()
}

type nextResult struct {
	Items []any      `json:"items"`
	Done  bool       `json:"done"`
	Error *errorJSON `json:"error"`
	// Relists (watch handles only): calls of the SDK's relist hook
	// (ma.WithOnRelist) since open_watch.
	Relists *int64 `json:"relists,omitempty"`
}

// pulled wraps iter.Pull2 of an SDK iterator. The SDK iterators are lazy, so
// nothing is fetched before the first next. Pull2's next and stop are only
// called from the request loop, never concurrently.
type pulled[T any] struct {
	pull   func() (T, error, bool)
	stop   func()
	cancel context.CancelFunc
	conv   func(T) (any, error)
	done   bool
	err    error
}

func newPulled[T any](seq iter.Seq2[T, error], cancel context.CancelFunc, conv func(T) (any, error)) *pulled[T] {
	next, stop := iter.Pull2(seq)
	return &pulled[T]{pull: next, stop: stop, cancel: cancel, conv: conv}
}

func (p *pulled[T]) next(maxItems int, _ time.Duration) (*nextResult, error) {
	res := &nextResult{Items: []any{}}
	for len(res.Items) < maxItems && !p.done {
		v, err, ok := p.pull()
		switch {
		case !ok:
			p.done = true
		case err != nil:
			// The SDK yields nothing more after an error.
			p.done, p.err = true, err
			p.stop()
		default:
			item, err := p.conv(v)
			if err != nil {
				return nil, err
			}
			res.Items = append(res.Items, item)
		}
	}
	res.Done = p.done
	res.Error = toErrorJSON(p.err)
	return res, nil
}

func (p *pulled[T]) close() {
	p.cancel()
	p.stop()
}

func listItem(m proto.Message) (any, error) { return marshalProto(m) }

type pageJSON struct {
	Items           []json.RawMessage `json:"items"`
	Continue        string            `json:"continue"`
	ResourceVersion string            `json:"resource_version"`
}

func pageItem(p page) (any, error) {
	items, err := marshalAll(p.items)
	if err != nil {
		return nil, err
	}
	return pageJSON{Items: items, Continue: p.meta.GetContinueToken(), ResourceVersion: p.meta.GetResourceVersion()}, nil
}

type eventJSON struct {
	Type   string          `json:"type"`
	Object json.RawMessage `json:"object"`
}

// watcher consumes an SDK watch in a goroutine into an unbounded queue, so
// that next can return what arrived within wait_ms.
type watcher struct {
	cancel   context.CancelFunc
	relists  *atomic.Int64
	finished chan struct{} // closed when the consuming goroutine returns

	mu     sync.Mutex
	queue  []eventJSON
	ended  bool
	err    error
	notify chan struct{} // closed and replaced whenever queue or ended changes
}

func startWatch(seq iter.Seq2[event, error], cancel context.CancelFunc, relists *atomic.Int64) *watcher {
	w := &watcher{cancel: cancel, relists: relists, finished: make(chan struct{}), notify: make(chan struct{})}
	go w.run(seq)
	return w
}

func (w *watcher) run(seq iter.Seq2[event, error]) {
	defer close(w.finished)
	var endErr error
	defer func() {
		// A panic here would kill the runner mid-case; report it on the handle instead.
		if p := recover(); p != nil {
			log.Printf("watch panic: %v\n%s", p, debug.Stack())
			w.mu.Lock()
			w.ended, w.err = true, runnerErrorf("watch panic: %v", p)
			w.wake()
			w.mu.Unlock()
		}
	}()
	for ev, err := range seq {
		if err != nil {
			endErr = err // the SDK ends the watch after yielding an error
			break
		}
		if ev.typ == api.WatchEventType_BOOKMARK {
			continue // never reported: the protocol has ADDED, MODIFIED and DELETED only
		}
		obj, merr := marshalProto(ev.object)
		if merr != nil {
			endErr = merr
			break
		}
		w.mu.Lock()
		w.queue = append(w.queue, eventJSON{Type: ev.typ.String(), Object: obj})
		w.wake()
		w.mu.Unlock()
	}
	w.mu.Lock()
	w.ended, w.err = true, endErr
	w.wake()
	w.mu.Unlock()
}

// wake signals waiters; w.mu is held.
func (w *watcher) wake() {
	close(w.notify)
	w.notify = make(chan struct{})
}

func (w *watcher) next(maxItems int, wait time.Duration) (*nextResult, error) {
	deadline := time.NewTimer(wait)
	defer deadline.Stop()
	w.mu.Lock()
	for len(w.queue) < maxItems && !w.ended {
		ch := w.notify
		w.mu.Unlock()
		select {
		case <-ch:
			w.mu.Lock()
			continue
		case <-deadline.C:
		}
		w.mu.Lock()
		break
	}
	defer w.mu.Unlock()
	n := min(maxItems, len(w.queue))
	relists := w.relists.Load()
	res := &nextResult{Items: make([]any, 0, n), Relists: &relists}
	for _, ev := range w.queue[:n] {
		res.Items = append(res.Items, ev)
	}
	w.queue = w.queue[n:]
	// done only once the ended watch's queued events have all been returned.
	res.Done = w.ended && len(w.queue) == 0
	if res.Done {
		res.Error = toErrorJSON(w.err)
	}
	return res, nil
}

func (w *watcher) close() {
	w.cancel()
	// Cancelling ends the SDK watch promptly; do not hang the runner if not.
	select {
	case <-w.finished:
	case <-time.After(5 * time.Second):
	}
}
