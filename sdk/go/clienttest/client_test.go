package clienttest

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	apiv2 "github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api/v2"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/grpc"
	"google.golang.org/grpc/codes"
	"google.golang.org/grpc/status"
)

func project(ns, name string) *apiv2.Project {
	return &apiv2.Project{
		Metadata: &api.ObjectMeta{Name: name, Namespace: ns, Labels: map[string]string{"team": "maps"}},
		Spec:     &apiv2.ProjectSpec{OwningTeam: "maps", Tier: "standard"},
	}
}

func ctxT(t *testing.T, d time.Duration) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), d)
	t.Cleanup(cancel)
	return ctx
}

func TestCRUD(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 30*time.Second)
	ns := namespace(t)
	c := newClient(t, ma.WithDefaultNamespace(ns), ma.WithTimeout(10*time.Second))
	p := c.Projects()

	created, err := p.Create(ctx, project("", "alpha"))
	if err != nil {
		t.Fatal(err)
	}
	if created.GetMetadata().GetNamespace() != ns || created.GetMetadata().GetUid() == "" || created.GetKind() != "Project" {
		t.Fatalf("created = %v", created)
	}
	got, err := p.Get(ctx, "alpha")
	if err != nil || got.GetSpec().GetOwningTeam() != "maps" {
		t.Fatalf("Get = %v, %v", got, err)
	}
	got.Spec.Description = "changed"
	updated, err := p.Update(ctx, got)
	if err != nil || updated.GetSpec().GetDescription() != "changed" {
		t.Fatalf("Update = %v, %v", updated, err)
	}
	updated.Status = &apiv2.ProjectStatus{ModelCount: 3}
	st, err := p.UpdateStatus(ctx, updated)
	if err != nil || st.GetStatus().GetModelCount() != 3 {
		t.Fatalf("UpdateStatus = %v, %v", st, err)
	}
	// A stale resourceVersion is a conflict.
	if _, err := p.Update(ctx, got); !ma.IsConflict(err) || !errors.Is(err, ma.ErrConflict) {
		t.Fatalf("stale Update: %v", err)
	}
	if _, err := p.Create(ctx, project(ns, "alpha")); !errors.Is(err, ma.ErrAlreadyExists) {
		t.Fatalf("second Create: %v", err)
	}
	if _, err := p.Create(ctx, project(ns, "beta"), ma.WithDryRun()); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Get(ctx, "beta"); !ma.IsNotFound(err) {
		t.Fatalf("dry-run object exists: %v", err)
	}
	if _, err := p.Delete(ctx, "alpha", ma.WithPreconditions("wrong-uid", "")); err == nil {
		t.Fatal("Delete with a wrong uid precondition succeeded")
	}
	if _, err := p.Delete(ctx, "alpha", ma.WithPreconditions(created.GetMetadata().GetUid(), "")); err != nil {
		t.Fatal(err)
	}
	if _, err := p.Get(ctx, "alpha"); !errors.Is(err, ma.ErrNotFound) {
		t.Fatalf("Get after Delete: %v", err)
	}
	for i := range 3 {
		if _, err := p.Create(ctx, project(ns, fmt.Sprintf("gone-%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	deleted, err := p.DeleteCollection(ctx, ma.WithLabelSelector("team=maps"))
	if err != nil || len(deleted.GetItems()) != 3 {
		t.Fatalf("DeleteCollection = %d items, %v", len(deleted.GetItems()), err)
	}
	// Every resource has a sub-client (spot check another kind).
	fam := &apiv2.ModelFamily{Metadata: &api.ObjectMeta{Name: "fam"}}
	if err := c.ModelFamilies().Validate(fam); err != nil && !ma.IsInvalid(err) {
		t.Fatal(err)
	}
}

func TestListManyPages(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 120*time.Second)
	ns := namespace(t)
	c := newClient(t, ma.WithDefaultNamespace(ns))
	const n = 1050
	var wg sync.WaitGroup
	errs := make(chan error, n)
	sem := make(chan struct{}, 16)
	for i := range n {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			if _, err := c.Projects().Create(ctx, project(ns, fmt.Sprintf("p-%04d", i))); err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for obj, err := range c.Projects().List(ctx, ma.WithLimit(100)) {
		if err != nil {
			t.Fatal(err)
		}
		if seen[obj.GetMetadata().GetName()] {
			t.Fatalf("duplicate %s", obj.GetMetadata().GetName())
		}
		seen[obj.GetMetadata().GetName()] = true
		if len(seen) > n {
			t.Fatal("too many items")
		}
	}
	if len(seen) != n {
		t.Fatalf("listed %d, want %d", len(seen), n)
	}
	pages := 0
	for page, err := range c.Projects().Pages(ctx, ma.WithLimit(100)) {
		if err != nil {
			t.Fatal(err)
		}
		if len(page.GetItems()) > 100 {
			t.Fatalf("page of %d items", len(page.GetItems()))
		}
		pages++
		if pages > 20 {
			t.Fatal("too many pages")
		}
	}
	if pages != 11 {
		t.Fatalf("pages = %d, want 11", pages)
	}
	first, err := c.Projects().ListPage(ctx, ma.WithLimit(100))
	if err != nil || len(first.GetItems()) != 100 || first.GetMetadata().GetContinueToken() == "" {
		t.Fatalf("ListPage: %d items, %v", len(first.GetItems()), err)
	}
	second, err := c.Projects().ListPage(ctx, ma.WithLimit(100), ma.WithContinue(first.GetMetadata().GetContinueToken()))
	if err != nil || second.GetItems()[0].GetMetadata().GetName() != "p-0100" {
		t.Fatalf("second page: %v", err)
	}
}

func TestListTimeoutPerPage(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 60*time.Second)
	ns := namespace(t)
	c := newClient(t, ma.WithDefaultNamespace(ns))
	for i := range 5 {
		if _, err := c.Projects().Create(ctx, project(ns, fmt.Sprintf("p-%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	// Every page takes 0.3s; 5 pages take 1.5s, more than the 1s timeout,
	// which must bound each page, not the whole walk.
	control(t, "Delay", map[string]any{"method": "/michelangelo.api.v2.ProjectService/ListProjects", "seconds": 0.3, "times": 0})
	items, err := ma.Collect(c.Projects().List(ctx, ma.WithLimit(1), ma.WithCallTimeout(time.Second)))
	if err != nil || len(items) != 5 {
		t.Fatalf("slow pages: %d items, %v", len(items), err)
	}
	// Later pages slower than the timeout fail with DeadlineExceeded.
	n := 0
	var last error
	for obj, err := range c.Projects().List(ctx, ma.WithLimit(2), ma.WithCallTimeout(time.Second)) {
		if err != nil {
			last = err
			break
		}
		_ = obj
		n++
		if n == 2 {
			control(t, "Delay", map[string]any{"method": "/michelangelo.api.v2.ProjectService/ListProjects", "seconds": 2, "times": 0})
		}
	}
	if n != 2 || !errors.Is(last, ma.ErrDeadlineExceeded) || !errors.Is(last, context.DeadlineExceeded) {
		t.Fatalf("after %d items: %v", n, last)
	}
}

func TestDeadlineExceeded(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 30*time.Second)
	ns := namespace(t)
	c := newClient(t, ma.WithDefaultNamespace(ns), ma.WithTimeout(300*time.Millisecond))
	control(t, "Delay", map[string]any{"method": "/michelangelo.api.v2.ProjectService/GetProject", "seconds": 1.5, "times": 1})
	start := time.Now()
	_, err := c.Projects().Get(ctx, "nope")
	if !ma.IsDeadlineExceeded(err) || status.Code(err) != codes.DeadlineExceeded {
		t.Fatalf("err = %v", err)
	}
	if time.Since(start) > time.Second {
		t.Fatalf("took %v", time.Since(start))
	}
}

func watchEvents(t *testing.T, seq func(func(ma.Event[*apiv2.Project], error) bool), want int, onEvent func(int)) []ma.Event[*apiv2.Project] {
	t.Helper()
	var out []ma.Event[*apiv2.Project]
	for ev, err := range seq {
		if err != nil {
			t.Fatalf("watch error after %d events: %v", len(out), err)
		}
		out = append(out, ev)
		if onEvent != nil {
			onEvent(len(out))
		}
		if len(out) >= want {
			break
		}
	}
	return out
}

func TestWatchResumesAfterDroppedStream(t *testing.T) {
	for _, st := range []string{"UNAVAILABLE", "OK"} {
		t.Run(st, func(t *testing.T) {
			reset(t)
			ctx := ctxT(t, 60*time.Second)
			ns := namespace(t)
			c := newClient(t, ma.WithDefaultNamespace(ns))
			seed, err := c.Projects().Create(ctx, project(ns, "seed"))
			if err != nil {
				t.Fatal(err)
			}
			control(t, "CutWatch", map[string]any{"method": "/michelangelo.api.v2.ProjectService/WatchProjects", "after_events": 3, "status": st, "times": 2})
			const n = 10
			go func() {
				for i := range n {
					if _, err := c.Projects().Create(ctx, project(ns, fmt.Sprintf("w-%02d", i))); err != nil {
						t.Error(err)
						return
					}
				}
			}()
			evs := watchEvents(t, c.Projects().Watch(ctx, ma.WithResourceVersion(seed.GetMetadata().GetResourceVersion())), n, nil)
			for i, ev := range evs {
				if want := fmt.Sprintf("w-%02d", i); ev.Type != api.WatchEventType_ADDED || ev.Object.GetMetadata().GetName() != want {
					t.Fatalf("event %d = %v %s, want ADDED %s", i, ev.Type, ev.Object.GetMetadata().GetName(), want)
				}
			}
		})
	}
}

func TestWatchFromNowListsFirst(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 30*time.Second)
	ns := namespace(t)
	c := newClient(t, ma.WithDefaultNamespace(ns))
	for i := range 3 {
		if _, err := c.Projects().Create(ctx, project(ns, fmt.Sprintf("a-%d", i))); err != nil {
			t.Fatal(err)
		}
	}
	evs := watchEvents(t, c.Projects().Watch(ctx, ma.WithLimit(2)), 5, func(n int) {
		if n == 3 {
			if _, err := c.Projects().Delete(ctx, "a-0"); err != nil {
				t.Error(err)
			}
			if _, err := c.Projects().Create(ctx, project(ns, "b")); err != nil {
				t.Error(err)
			}
		}
	})
	if evs[3].Type != api.WatchEventType_DELETED || evs[4].Type != api.WatchEventType_ADDED || evs[4].Object.GetMetadata().GetName() != "b" {
		t.Fatalf("events: %v", evs)
	}
}

func TestWatchRelistAfterOutOfRange(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 30*time.Second)
	ns := namespace(t)
	c := newClient(t, ma.WithDefaultNamespace(ns))
	old, err := c.Projects().Create(ctx, project(ns, "old"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Projects().Create(ctx, project(ns, "newer")); err != nil {
		t.Fatal(err)
	}
	control(t, "Compact", map[string]any{})
	oldRV := old.GetMetadata().GetResourceVersion()

	// Without relist: the OutOfRange error.
	for _, err := range c.Projects().Watch(ctx, ma.WithResourceVersion(oldRV), ma.WithRelist(false)) {
		if !errors.Is(err, ma.ErrOutOfRange) {
			t.Fatalf("err = %v", err)
		}
		break
	}
	// With relist: the hook, then ADDED for the current objects, then later changes.
	relists := 0
	evs := watchEvents(t, c.Projects().Watch(ctx, ma.WithResourceVersion(oldRV), ma.WithOnRelist(func() { relists++ })), 3, func(n int) {
		if relists != 1 {
			t.Errorf("after %d events the relist hook ran %d times, want 1", n, relists)
		}
		if n == 2 {
			if _, err := c.Projects().Create(ctx, project(ns, "later")); err != nil {
				t.Error(err)
			}
		}
	})
	names := []string{}
	for _, ev := range evs {
		if ev.Type != api.WatchEventType_ADDED {
			t.Fatalf("event %v", ev)
		}
		names = append(names, ev.Object.GetMetadata().GetName())
	}
	if fmt.Sprint(names) != "[newer old later]" {
		t.Fatalf("names = %v", names)
	}
}

func TestRetryOnUnavailable(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 30*time.Second)
	ns := namespace(t)
	var attempts atomic.Int32
	c := newClient(t, ma.WithDefaultNamespace(ns), ma.WithRetry(ma.Backoff{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond, Multiplier: 2, Steps: 5}),
		ma.WithDialOptions(grpc.WithChainUnaryInterceptor(countCalls(&attempts))))
	if _, err := c.Projects().Create(ctx, project(ns, "r")); err != nil {
		t.Fatal(err)
	}
	control(t, "Fail", map[string]any{"method": "/michelangelo.api.v2.ProjectService/GetProject", "code": "UNAVAILABLE", "times": 2})
	attempts.Store(0)
	if _, err := c.Projects().Get(ctx, "r"); err != nil {
		t.Fatal(err)
	}
	if attempts.Load() != 3 {
		t.Fatalf("attempts = %d, want 3", attempts.Load())
	}
	// With retries disabled for the call, the injected failure surfaces.
	control(t, "Fail", map[string]any{"method": "/michelangelo.api.v2.ProjectService/GetProject", "code": "UNAVAILABLE", "times": 1})
	if _, err := c.Projects().Get(ctx, "r", ma.WithCallRetry(ma.NoRetry)); !ma.IsUnavailable(err) {
		t.Fatalf("err = %v", err)
	}
}

// Create carries an idempotency key, so it is retried like every other method.
func TestCreateIsRetried(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 30*time.Second)
	ns := namespace(t)
	var attempts atomic.Int32
	c := newClient(t, ma.WithDefaultNamespace(ns), ma.WithRetry(ma.Backoff{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond, Multiplier: 2, Steps: 5}),
		ma.WithUnaryInterceptor(countCalls(&attempts)))
	control(t, "Fail", map[string]any{"method": "/michelangelo.api.v2.ProjectService/CreateProject", "code": "UNAVAILABLE", "times": 2})
	created, err := c.Projects().Create(ctx, project(ns, "once"))
	if err != nil || created.GetMetadata().GetGeneration() != 1 {
		t.Fatalf("Create = %v, %v", created, err)
	}
	if attempts.Load() != 3 {
		t.Fatalf("attempts = %d, want 3", attempts.Load())
	}
}

func countCalls(n *atomic.Int32) grpc.UnaryClientInterceptor {
	return func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
		n.Add(1)
		return invoker(ctx, method, req, reply, cc, opts...)
	}
}

func TestRetryOnConflict(t *testing.T) {
	// The default budget is the Python and Java SDKs': 10 attempts, 10ms doubling up to 1s.
	if b := ma.DefaultConflictRetry; b.Steps != 10 || b.Initial != 10*time.Millisecond || b.Multiplier != 2 || b.Max != time.Second {
		t.Fatalf("DefaultConflictRetry = %+v", b)
	}
	reset(t)
	ctx := ctxT(t, 60*time.Second)
	ns := namespace(t)
	c := newClient(t, ma.WithDefaultNamespace(ns))
	obj := project(ns, "counter")
	obj.Metadata.Labels["count"] = "0"
	if _, err := c.Projects().Create(ctx, obj); err != nil {
		t.Fatal(err)
	}
	backoff := ma.Backoff{Initial: time.Millisecond, Max: 20 * time.Millisecond, Multiplier: 1.5, Jitter: true, Steps: 200}
	var conflicts atomic.Int32
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range 20 {
				err := ma.RetryOnConflict(ctx, backoff, func(ctx context.Context) error {
					p, err := c.Projects().Get(ctx, "counter")
					if err != nil {
						return err
					}
					n, _ := strconv.Atoi(p.GetMetadata().GetLabels()["count"])
					p.Metadata.Labels["count"] = strconv.Itoa(n + 1)
					_, err = c.Projects().Update(ctx, p)
					if ma.IsConflict(err) {
						conflicts.Add(1)
					}
					return err
				})
				if err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	wg.Wait()
	p, err := c.Projects().Get(ctx, "counter")
	if err != nil {
		t.Fatal(err)
	}
	if got := p.GetMetadata().GetLabels()["count"]; got != "160" {
		t.Fatalf("count = %s, want 160", got)
	}
	t.Logf("%d conflicts retried", conflicts.Load())
	// A non-conflict error is returned at once.
	calls := 0
	err = ma.RetryOnConflict(ctx, backoff, func(context.Context) error { calls++; return ma.NewError(codes.NotFound, "x") })
	if !ma.IsNotFound(err) || calls != 1 {
		t.Fatalf("err = %v after %d calls", err, calls)
	}
}

func TestErrorTypes(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 30*time.Second)
	ns := namespace(t)
	c := newClient(t, ma.WithDefaultNamespace(ns))
	_, err := c.Projects().Get(ctx, "missing")
	var e *ma.Error
	if !errors.As(err, &e) || e.Code != codes.NotFound || e.Retryable() {
		t.Fatalf("err = %#v", err)
	}
	if !errors.Is(err, ma.ErrNotFound) || errors.Is(err, ma.ErrConflict) || !ma.IsNotFound(fmt.Errorf("wrapped: %w", err)) {
		t.Fatal("errors.Is mismatch")
	}
	if e.Message == "" || status.Code(err) != codes.NotFound {
		t.Fatalf("message %q, status %v", e.Message, status.Code(err))
	}
	// Server-side validation: skip the client check by sending through the raw stub.
	bad := project(ns, "bad")
	bad.Spec.OwningTeam = ""
	_, rawErr := c.Projects().Raw().CreateProject(ctx, &apiv2.CreateProjectRequest{Project: bad})
	se := ma.FromError(rawErr)
	if se.Code != codes.InvalidArgument || len(se.Details) == 0 || se.Details[0].Field != "spec.owningTeam" {
		t.Fatalf("server error = %v %v", se, se.Details)
	}
}

func TestClientSideValidation(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 30*time.Second)
	ns := namespace(t)
	var attempts atomic.Int32
	c := newClient(t, ma.WithDefaultNamespace(ns), ma.WithDialOptions(grpc.WithChainUnaryInterceptor(countCalls(&attempts))))
	cases := []func(p *apiv2.Project){
		func(p *apiv2.Project) { p.Spec.OwningTeam = "" },
		func(p *apiv2.Project) { p.Spec.Tier = "gold" },
		func(p *apiv2.Project) { p.Spec.GitRepo = "not a uri" },
		func(p *apiv2.Project) { p.Spec.Quota = &apiv2.ResourceQuota{MaxGpu: 5000} },
		func(p *apiv2.Project) { p.Metadata.Labels["bad key!"] = "x" },
		func(p *apiv2.Project) { p.Metadata.Name = "Upper" },
		func(p *apiv2.Project) { p.Kind = "Model" },
		func(p *apiv2.Project) { p.Spec = nil },
	}
	for i, mutate := range cases {
		p := project(ns, fmt.Sprintf("v-%d", i))
		mutate(p)
		attempts.Store(0)
		_, clientErr := c.Projects().Create(ctx, p)
		if !ma.IsInvalid(clientErr) || attempts.Load() != 0 {
			t.Fatalf("case %d: client err = %v after %d calls", i, clientErr, attempts.Load())
		}
		_, serverErr := c.Projects().Raw().CreateProject(ctx, &apiv2.CreateProjectRequest{Project: p})
		ce, se := ma.FromError(clientErr), ma.FromError(serverErr)
		if ce.Message != se.Message || fmt.Sprint(ce.Details) != fmt.Sprint(se.Details) {
			t.Errorf("case %d:\nclient %q %v\nserver %q %v", i, ce.Message, ce.Details, se.Message, se.Details)
		}
	}
}

// An unset optional nested message is not validated; only the object's own
// metadata and spec count as empty messages when unset.
func TestOptionalNestedMessages(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 30*time.Second)
	ns := namespace(t)
	c := newClient(t, ma.WithDefaultNamespace(ns))
	pipeline := func() *apiv2.Pipeline {
		return &apiv2.Pipeline{
			Metadata: &api.ObjectMeta{Name: "train-eta", Namespace: ns},
			Spec: &apiv2.PipelineSpec{
				PipelineType: apiv2.PipelineType_PIPELINE_TYPE_TRAIN,
				GitRef:       &apiv2.PipelineGitRef{Repo: "https://git.example.com/ml/eta"},
			},
		}
	}
	fields := func(err error) string {
		if err == nil {
			return "[]"
		}
		var out []string
		for _, v := range ma.FromError(err).Details {
			out = append(out, v.String())
		}
		return fmt.Sprint(out)
	}
	noGitRef := pipeline()
	noGitRef.Spec.GitRef = nil // its required repo is not checked while git_ref is unset
	scheduled := pipeline()
	scheduled.Spec.Schedule = &apiv2.PipelineSchedule{TimeZone: "UTC"}
	pipelines := []struct {
		obj  *apiv2.Pipeline
		want string
	}{
		{pipeline(), "[]"}, // "unset means the pipeline runs only on demand"
		{noGitRef, "[]"},
		{scheduled, "[spec.schedule.cron: required]"},
	}
	for i, tc := range pipelines {
		clientErr := c.Pipelines().Validate(tc.obj)
		_, serverErr := c.Pipelines().Raw().CreatePipeline(ctx, &apiv2.CreatePipelineRequest{Pipeline: tc.obj, DryRun: true})
		if got := fields(clientErr); got != tc.want {
			t.Errorf("pipeline %d: client %s, want %s", i, got, tc.want)
		}
		if got := fields(serverErr); got != tc.want {
			t.Errorf("pipeline %d: server %s, want %s", i, got, tc.want)
		}
	}
	// An unset required nested message is reported, without descending into it.
	rc := &apiv2.RayCluster{Metadata: &api.ObjectMeta{Name: "rc", Namespace: ns}, Spec: &apiv2.RayClusterSpec{RayVersion: "2.9.3"}}
	if got := fields(c.RayClusters().Validate(rc)); got != "[spec.headGroup: required]" {
		t.Errorf("ray cluster: %s", got)
	}
	// A Project without spec still lacks spec.owningTeam.
	p := project(ns, "no-spec")
	p.Spec = nil
	if got := fields(c.Projects().Validate(p)); got != "[spec.owningTeam: required]" {
		t.Errorf("project without spec: %s", got)
	}
}

func TestWithoutValidation(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 30*time.Second)
	ns := namespace(t)
	var attempts atomic.Int32
	c := newClient(t, ma.WithDefaultNamespace(ns), ma.WithDialOptions(grpc.WithChainUnaryInterceptor(countCalls(&attempts))))
	bad := project(ns, "bad")
	bad.Spec.OwningTeam = ""
	bad.Spec.Tier = "gold"

	// Validated on the client: no call.
	attempts.Store(0)
	_, clientErr := c.Projects().Create(ctx, bad)
	if !ma.IsInvalid(clientErr) || attempts.Load() != 0 {
		t.Fatalf("Create: %v after %d calls", clientErr, attempts.Load())
	}
	// Without validation the object reaches the server, whose error has the
	// same message and field violations.
	attempts.Store(0)
	_, serverErr := c.Projects().Create(ctx, bad, ma.WithoutValidation())
	if !ma.IsInvalid(serverErr) || attempts.Load() != 1 {
		t.Fatalf("Create WithoutValidation: %v after %d calls", serverErr, attempts.Load())
	}
	ce, se := ma.FromError(clientErr), ma.FromError(serverErr)
	if len(se.Details) != 2 || ce.Message != se.Message || fmt.Sprint(ce.Details) != fmt.Sprint(se.Details) {
		t.Fatalf("client %q %v\nserver %q %v", ce.Message, ce.Details, se.Message, se.Details)
	}

	// Update likewise.
	good, err := c.Projects().Create(ctx, project(ns, "good"))
	if err != nil {
		t.Fatal(err)
	}
	good.Spec.OwningTeam = ""
	attempts.Store(0)
	_, clientErr = c.Projects().Update(ctx, good)
	if !ma.IsInvalid(clientErr) || attempts.Load() != 0 {
		t.Fatalf("Update: %v after %d calls", clientErr, attempts.Load())
	}
	attempts.Store(0)
	_, serverErr = c.Projects().Update(ctx, good, ma.WithoutValidation())
	if !ma.IsInvalid(serverErr) || attempts.Load() != 1 {
		t.Fatalf("Update WithoutValidation: %v after %d calls", serverErr, attempts.Load())
	}
	ce, se = ma.FromError(clientErr), ma.FromError(serverErr)
	if ce.Message != se.Message || fmt.Sprint(ce.Details) != fmt.Sprint(se.Details) {
		t.Fatalf("client %q %v\nserver %q %v", ce.Message, ce.Details, se.Message, se.Details)
	}

	// A valid object is unaffected.
	if _, err := c.Projects().Create(ctx, project(ns, "fine"), ma.WithoutValidation()); err != nil {
		t.Fatal(err)
	}
}

func TestListWatchNamespace(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 30*time.Second)
	ns := namespace(t)
	other := ns + "-other"
	run := ma.WithLabelSelector("run=" + ns)
	labelled := func(ns, name, run string) *apiv2.Project {
		p := project(ns, name)
		p.Metadata.Labels["run"] = run
		return p
	}
	names := func(seq iter.Seq2[*apiv2.Project, error]) []string {
		t.Helper()
		items, err := ma.Collect(seq)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, p := range items {
			out = append(out, p.GetMetadata().GetName())
		}
		slices.Sort(out)
		return out
	}
	all := newClient(t)
	if _, err := all.Projects().Create(ctx, labelled(ns, "here", ns)); err != nil {
		t.Fatal(err)
	}
	if _, err := all.Projects().Create(ctx, labelled(other, "there", ns)); err != nil {
		t.Fatal(err)
	}
	scoped := newClient(t, ma.WithDefaultNamespace(ns))
	for _, tc := range []struct {
		name string
		seq  iter.Seq2[*apiv2.Project, error]
		want []string
	}{
		{"no default, no namespace", all.Projects().List(ctx, run), []string{"here", "there"}},
		{"no default, empty namespace", all.Projects().List(ctx, run, ma.WithNamespace("")), []string{"here", "there"}},
		{"default, no namespace", scoped.Projects().List(ctx, run), []string{"here"}},
		{"default, empty namespace", scoped.Projects().List(ctx, run, ma.WithNamespace("")), []string{"here", "there"}},
		{"default, other namespace", scoped.Projects().List(ctx, run, ma.WithNamespace(other)), []string{"there"}},
	} {
		if got := names(tc.seq); !slices.Equal(got, tc.want) {
			t.Errorf("%s: List = %v, want %v", tc.name, got, tc.want)
		}
	}
	page, err := scoped.Projects().ListPage(ctx, run, ma.WithNamespace(""))
	if err != nil || len(page.GetItems()) != 2 {
		t.Fatalf("ListPage all namespaces = %v, %v", page, err)
	}

	// Watch: the default namespace, or all of them with WithNamespace("").
	wctx, cancel := context.WithCancel(ctx)
	defer cancel()
	watchNames := func(seq iter.Seq2[ma.Event[*apiv2.Project], error], n int) []string {
		t.Helper()
		var out []string
		for ev, err := range seq {
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, ev.Object.GetMetadata().GetName())
			if len(out) == n {
				break
			}
		}
		return out
	}
	if got := watchNames(scoped.Projects().Watch(wctx, run), 1); !slices.Equal(got, []string{"here"}) {
		t.Errorf("Watch in the default namespace: %v", got)
	}
	got := watchNames(scoped.Projects().Watch(wctx, run, ma.WithNamespace("")), 2)
	slices.Sort(got)
	if !slices.Equal(got, []string{"here", "there"}) {
		t.Errorf("Watch in all namespaces: %v", got)
	}
	// Changes: the watch of the default namespace sees only its own.
	next, stop := iter.Pull2(scoped.Projects().Watch(wctx, run, ma.WithResourceVersion(page.GetMetadata().GetResourceVersion())))
	defer stop()
	if _, err := all.Projects().Create(ctx, labelled(other, "there-2", ns)); err != nil {
		t.Fatal(err)
	}
	if _, err := all.Projects().Create(ctx, labelled(ns, "here-2", ns)); err != nil {
		t.Fatal(err)
	}
	ev, err, ok := next()
	if !ok || err != nil || ev.Object.GetMetadata().GetName() != "here-2" {
		t.Fatalf("next event = %v, %v, %v; want here-2", ev, err, ok)
	}
}

// The timeout bounds the whole call: every attempt takes 300ms and fails
// (Delay + Fail), so within a 1s timeout the fourth attempt is cut by the
// deadline and the call ends with DEADLINE_EXCEEDED after about 1s. (Were the
// timeout per attempt, ten attempts would end UNAVAILABLE after 3s.)
func TestTimeoutBoundsTheWholeCall(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 30*time.Second)
	ns := namespace(t)
	var attempts atomic.Int32
	c := newClient(t, ma.WithDefaultNamespace(ns), ma.WithUnaryInterceptor(countCalls(&attempts)),
		ma.WithRetry(ma.Backoff{Initial: 10 * time.Millisecond, Max: 10 * time.Millisecond, Multiplier: 1, Steps: 10}))
	control(t, "Delay", map[string]any{"method": "/michelangelo.api.v2.ProjectService/GetProject", "seconds": 0.3, "times": 0})
	control(t, "Fail", map[string]any{"method": "/michelangelo.api.v2.ProjectService/GetProject", "code": "UNAVAILABLE", "times": 10})
	start := time.Now()
	_, err := c.Projects().Get(ctx, "p", ma.WithCallTimeout(time.Second))
	took := time.Since(start)
	if !errors.Is(err, ma.ErrDeadlineExceeded) || !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("err = %v", err)
	}
	// 0.3 s attempts and 10 ms waits fit four attempts in 1 s, three on a loaded machine: the
	// point is that the retries stop at the call's timeout, not after the policy's 10 steps (3 s).
	if n := attempts.Load(); took < 900*time.Millisecond || took > 2*time.Second || n < 3 || n > 4 {
		t.Fatalf("%d attempts in %v, want 3 or 4 in about 1s", n, took)
	}
}

// With a per-attempt timeout a hung attempt is cut and retried while the
// call's timeout has time left.
func TestAttemptTimeoutRetriesAHungAttempt(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 30*time.Second)
	ns := namespace(t)
	var attempts atomic.Int32
	c := newClient(t, ma.WithDefaultNamespace(ns), ma.WithUnaryInterceptor(countCalls(&attempts)))
	if _, err := c.Projects().Create(ctx, project(ns, "hung")); err != nil {
		t.Fatal(err)
	}
	control(t, "Delay", map[string]any{"method": "/michelangelo.api.v2.ProjectService/GetProject", "seconds": 2.0, "times": 1})
	attempts.Store(0)
	policy := ma.DefaultRetry
	policy.AttemptTimeout = 300 * time.Millisecond
	start := time.Now()
	got, err := c.Projects().Get(ctx, "hung", ma.WithCallRetry(policy), ma.WithCallTimeout(5*time.Second))
	if err != nil || got.GetMetadata().GetName() != "hung" {
		t.Fatalf("Get = %v, %v", got, err)
	}
	if took := time.Since(start); attempts.Load() != 2 || took < 300*time.Millisecond || took > 1500*time.Millisecond {
		t.Fatalf("%d attempts in %v, want 2 after the 300ms attempt timeout", attempts.Load(), took)
	}
}

// Interceptors see every call: each attempt of a retried unary call and
// each stream of a watch.
func TestInterceptorsSeeEveryCall(t *testing.T) {
	reset(t)
	ctx := ctxT(t, 30*time.Second)
	ns := namespace(t)
	var mu sync.Mutex
	var seen []string
	c := newClient(t, ma.WithDefaultNamespace(ns),
		ma.WithRetry(ma.Backoff{Initial: 10 * time.Millisecond, Max: 50 * time.Millisecond, Multiplier: 2, Steps: 5}),
		ma.WithUnaryInterceptor(func(ctx context.Context, method string, req, reply any, cc *grpc.ClientConn, invoker grpc.UnaryInvoker, opts ...grpc.CallOption) error {
			err := invoker(ctx, method, req, reply, cc, opts...)
			mu.Lock()
			seen = append(seen, fmt.Sprintf("%s %s", method[strings.LastIndex(method, "/")+1:], status.Code(err)))
			mu.Unlock()
			return err
		}),
		ma.WithStreamInterceptor(func(ctx context.Context, desc *grpc.StreamDesc, cc *grpc.ClientConn, method string, streamer grpc.Streamer, opts ...grpc.CallOption) (grpc.ClientStream, error) {
			mu.Lock()
			seen = append(seen, "stream "+method[strings.LastIndex(method, "/")+1:])
			mu.Unlock()
			return streamer(ctx, desc, cc, method, opts...)
		}))
	control(t, "Fail", map[string]any{"method": "/michelangelo.api.v2.ProjectService/CreateProject", "code": "UNAVAILABLE", "times": 1})
	created, err := c.Projects().Create(ctx, project(ns, "seen"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Projects().Get(ctx, "seen"); err != nil {
		t.Fatal(err)
	}
	for _, err := range c.Projects().Watch(ctx, ma.WithResourceVersion(created.GetMetadata().GetResourceVersion()), ma.WithCallTimeout(300*time.Millisecond)) {
		t.Fatalf("watch: %v", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if got := fmt.Sprint(seen); got != "[CreateProject Unavailable CreateProject OK GetProject OK stream WatchProjects]" {
		t.Fatalf("interceptors saw %s", got)
	}
}
