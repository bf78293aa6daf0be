// Command go is the Go conformance runner: it reads JSON-lines requests on
// stdin, executes them through the Go SDK's generated wrapper clients
// (sdk/go/gen/client, never raw stubs) and writes one JSON-lines response per
// request on stdout, as described in conformance/PROTOCOL.md. Logs go to stderr.
//
// Build: cd conformance/runners/go && go build -o <out> .
// Run:   <out>   (the driver writes requests to its stdin)
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log"
	"os"
	"runtime/debug"
	"sync/atomic"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/client"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/protobuf/proto"
)

type empty struct{}

type runner struct {
	client    *client.Client
	ctx       context.Context // cancelled by close/connect: ends every iterator
	cancel    context.CancelFunc
	resources map[string]*resource
	handles   map[string]handle
	retry     ma.Backoff // the client's retry policy, base of call.retry
}

func main() {
	log.SetOutput(os.Stderr)
	log.SetPrefix("go-runner: ")
	log.SetFlags(log.Ltime | log.Lmicroseconds)

	// ReadBytes grows its buffer as needed, so multi-MB lines are fine.
	in := bufio.NewReaderSize(os.Stdin, 1<<20)
	out := bufio.NewWriterSize(os.Stdout, 1<<16)
	zero := int64(0)
	write(out, &response{ID: &zero, OK: true, Result: map[string]any{"runner": "go", "protocol": 1}})

	r := &runner{handles: map[string]handle{}}
	for {
		line, err := in.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			write(out, r.serve(line))
		}
		if err != nil {
			if err != io.EOF {
				log.Printf("reading stdin: %v", err)
			}
			break
		}
	}
	r.closeAll()
	os.Exit(0)
}

// write prints one response line and flushes it.
func write(w *bufio.Writer, resp *response) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(resp); err != nil {
		buf.Reset()
		log.Printf("encoding response: %v", err)
		_ = enc.Encode(&response{ID: resp.ID, Error: toErrorJSON(runnerErrorf("encoding response: %v", err))})
	}
	if _, err := w.Write(buf.Bytes()); err != nil {
		log.Fatalf("writing stdout: %v", err)
	}
	if err := w.Flush(); err != nil {
		log.Fatalf("writing stdout: %v", err)
	}
}

// serve answers one request line; a panic becomes a RUNNER_ERROR answer.
func (r *runner) serve(line []byte) (resp *response) {
	var req request
	err := json.Unmarshal(line, &req)
	if err != nil {
		req.ID = idOf(line) // json.Unmarshal may have half-filled req
	}
	resp = &response{ID: req.ID}
	defer func() {
		if p := recover(); p != nil {
			log.Printf("%s: panic: %v\n%s", req.Op, p, debug.Stack())
			resp.OK, resp.Result, resp.Error = false, nil, toErrorJSON(runnerErrorf("runner panic: %v", p))
		}
	}()
	if err != nil {
		err = runnerErrorf("malformed request: %v", err)
	} else {
		log.Printf("%s %s", req.Op, req.Resource)
		resp.Result, err = r.do(&req)
	}
	if err != nil {
		resp.OK, resp.Result, resp.Error = false, nil, toErrorJSON(err)
		return resp
	}
	resp.OK = true
	return resp
}

// idOf is the integer id of a malformed request line, nil when it has none.
func idOf(line []byte) *int64 {
	var probe struct {
		ID json.RawMessage `json:"id"`
	}
	var id int64
	if json.Unmarshal(line, &probe) != nil || json.Unmarshal(probe.ID, &id) != nil {
		return nil
	}
	return &id
}

func (r *runner) do(req *request) (any, error) {
	switch req.Op {
	case "connect":
		return r.connect(req)
	case "close":
		r.closeAll()
		return empty{}, nil
	case "next":
		return r.next(req)
	case "close_iter":
		h, ok := r.handles[req.Handle]
		if !ok {
			return nil, runnerErrorf("unknown handle %q", req.Handle)
		}
		h.close()
		delete(r.handles, req.Handle)
		return empty{}, nil
	}

	op, ok := apiOps[req.Op]
	if !ok {
		return nil, runnerErrorf("unknown op %q", req.Op)
	}
	if r.client == nil {
		return nil, runnerErrorf("%s before connect", req.Op)
	}
	res, ok := r.resources[req.Resource]
	if !ok {
		var err error
		if res, err = lookupResource(r.client, req.Resource); err != nil {
			return nil, err
		}
		r.resources[req.Resource] = res
	}
	return op(r, res, req)
}

func (r *runner) connect(req *request) (any, error) {
	r.closeAll()
	if req.Target == "" {
		return nil, runnerErrorf("missing field: target")
	}
	c, err := client.New(req.Target, req.clientOptions()...)
	if err != nil {
		return nil, err
	}
	r.client, r.retry = c, req.clientRetry()
	r.ctx, r.cancel = context.WithCancel(context.Background())
	r.resources = map[string]*resource{}
	return empty{}, nil
}

// closeAll closes every iterator, then the client.
func (r *runner) closeAll() {
	for name, h := range r.handles {
		h.close()
		delete(r.handles, name)
	}
	if r.cancel != nil {
		r.cancel()
	}
	if r.client != nil {
		if err := r.client.Close(); err != nil {
			log.Printf("closing client: %v", err)
		}
	}
	r.client, r.ctx, r.cancel, r.resources = nil, nil, nil, nil
}

func (r *runner) next(req *request) (any, error) {
	h, ok := r.handles[req.Handle]
	if !ok {
		return nil, runnerErrorf("unknown handle %q", req.Handle)
	}
	if req.Max == nil || *req.Max < 1 {
		return nil, runnerErrorf("next: max must be an integer >= 1")
	}
	return h.next(*req.Max, ms(req.WaitMS))
}

// addHandle registers an iterator; a handle still open under the same name is closed first.
func (r *runner) addHandle(name string, h handle) {
	if old, ok := r.handles[name]; ok {
		log.Printf("handle %q reopened; closing the previous iterator", name)
		old.close()
	}
	r.handles[name] = h
}

type apiOp func(r *runner, res *resource, req *request) (any, error)

var apiOps = map[string]apiOp{
	"create":            writeOp((*resource).Create),
	"update":            writeOp((*resource).Update),
	"update_status":     writeOp((*resource).UpdateStatus),
	"get":               opGet,
	"delete":            opDelete,
	"delete_collection": opDeleteCollection,
	"list":              opList,
	"open_list":         opOpenList,
	"open_pages":        opOpenPages,
	"open_watch":        opOpenWatch,
	"retry_on_conflict": opRetryOnConflict,
}

// writeOp is create, update and update_status: an object in, an object out.
func writeOp(method func(*resource, context.Context, proto.Message, []ma.CallOption) (proto.Message, error)) apiOp {
	return func(r *runner, res *resource, req *request) (any, error) {
		if len(req.Object) == 0 {
			return nil, runnerErrorf("missing field: object")
		}
		obj := res.newObject()
		if err := unmarshalProto(req.Object, obj); err != nil {
			return nil, runnerErrorf("object: %v", err)
		}
		opts := req.callOptions(r.retry)
		if req.Validate != nil && !*req.Validate {
			opts = append(opts, ma.WithoutValidation())
		}
		if req.DryRun {
			opts = append(opts, ma.WithDryRun())
		}
		out, err := method(res, r.ctx, obj, opts)
		if err != nil {
			return nil, err
		}
		return marshalProto(out)
	}
}

func opGet(r *runner, res *resource, req *request) (any, error) {
	if req.Name == "" {
		return nil, runnerErrorf("missing field: name")
	}
	out, err := res.Get(r.ctx, req.Name, req.callOptions(r.retry))
	if err != nil {
		return nil, err
	}
	return marshalProto(out)
}

func opDelete(r *runner, res *resource, req *request) (any, error) {
	if req.Name == "" {
		return nil, runnerErrorf("missing field: name")
	}
	opts := req.callOptions(r.retry)
	if req.UID != "" || req.ResourceVersion != "" {
		opts = append(opts, ma.WithPreconditions(req.UID, req.ResourceVersion))
	}
	if req.DryRun {
		opts = append(opts, ma.WithDryRun())
	}
	out, err := res.Delete(r.ctx, req.Name, opts)
	if err != nil {
		return nil, err
	}
	return marshalProto(out)
}

type itemsJSON struct {
	Items []json.RawMessage `json:"items"`
}

func opDeleteCollection(r *runner, res *resource, req *request) (any, error) {
	opts, err := req.listOptions(r.retry)
	if err != nil {
		return nil, err
	}
	items, err := res.DeleteCollection(r.ctx, opts)
	if err != nil {
		return nil, err
	}
	raw, err := marshalAll(items)
	return itemsJSON{Items: raw}, err
}

// opList drains the SDK's lazy item iterator (all pages).
func opList(r *runner, res *resource, req *request) (any, error) {
	opts, err := req.listOptions(r.retry)
	if err != nil {
		return nil, err
	}
	items, err := ma.Collect(res.List(r.ctx, opts))
	if err != nil {
		return nil, err
	}
	raw, err := marshalAll(items)
	return itemsJSON{Items: raw}, err
}

func opOpenList(r *runner, res *resource, req *request) (any, error) {
	if req.Handle == "" {
		return nil, runnerErrorf("missing field: handle")
	}
	opts, err := req.listOptions(r.retry)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(r.ctx)
	r.addHandle(req.Handle, newPulled(res.List(ctx, opts), cancel, listItem))
	return empty{}, nil
}

func opOpenPages(r *runner, res *resource, req *request) (any, error) {
	if req.Handle == "" {
		return nil, runnerErrorf("missing field: handle")
	}
	opts, err := req.listOptions(r.retry)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithCancel(r.ctx)
	r.addHandle(req.Handle, newPulled(res.Pages(ctx, opts), cancel, pageItem))
	return empty{}, nil
}

func opOpenWatch(r *runner, res *resource, req *request) (any, error) {
	if req.Handle == "" {
		return nil, runnerErrorf("missing field: handle")
	}
	opts := req.callOptions(r.retry)
	if req.ResourceVersion != "" {
		opts = append(opts, ma.WithResourceVersion(req.ResourceVersion))
	}
	if req.LabelSelector != "" {
		opts = append(opts, ma.WithLabelSelector(req.LabelSelector))
	}
	if req.FieldSelector != "" {
		opts = append(opts, ma.WithFieldSelector(req.FieldSelector))
	}
	// allow_bookmarks (default true) -> WithBookmarks(): the SDK then yields
	// BOOKMARK events, which the watcher drops (the protocol never reports them).
	if req.AllowBookmarks == nil || *req.AllowBookmarks {
		opts = append(opts, ma.WithBookmarks())
	}
	opts = append(opts, ma.WithRelist(req.RelistOnExpired == nil || *req.RelistOnExpired))
	relists := new(atomic.Int64)
	opts = append(opts, ma.WithOnRelist(func() { relists.Add(1) }))
	ctx, cancel := context.WithCancel(r.ctx)
	r.addHandle(req.Handle, startWatch(res.Watch(ctx, opts), cancel, relists))
	return empty{}, nil
}

// opRetryOnConflict runs ma.RetryOnConflict with ma.DefaultConflictRetry and
// fn = get, set labels, update; attempts counts calls of fn.
func opRetryOnConflict(r *runner, res *resource, req *request) (any, error) {
	if req.Name == "" {
		return nil, runnerErrorf("missing field: name")
	}
	opts := req.callOptions(r.retry)
	attempts := 0
	var final proto.Message
	err := ma.RetryOnConflict(r.ctx, ma.DefaultConflictRetry, func(ctx context.Context) error {
		attempts++
		obj, err := res.Get(ctx, req.Name, opts)
		if err != nil {
			return err
		}
		meta, err := metadataOf(obj)
		if err != nil {
			return runnerErrorf("retry_on_conflict: %v", err)
		}
		if meta.Labels == nil {
			meta.Labels = map[string]string{}
		}
		for k, v := range req.SetLabels {
			meta.Labels[k] = v
		}
		final, err = res.Update(ctx, obj, opts)
		return err
	})
	if err != nil {
		return nil, err
	}
	raw, err := marshalProto(final)
	if err != nil {
		return nil, err
	}
	return struct {
		Object   json.RawMessage `json:"object"`
		Attempts int             `json:"attempts"`
	}{raw, attempts}, nil
}
