package main

// The 14 sub-clients of client.Client have the same method set with different
// concrete types (*apiv2.Project, *apiv2.ProjectList, ...). Rather than a
// hand-written table, a resource name is mapped to its accessor by reflection
// ("model_families" -> c.ModelFamilies()) and its methods are called through
// reflect, so every resource the generator emits works without touching the
// runner. Everything reflective is confined to this file; the rest of the
// runner sees proto.Message values and plain Go iterators.

import (
	"context"
	"fmt"
	"iter"
	"reflect"
	"strings"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/client"
	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/protobuf/proto"
)

// resource is one sub-client, e.g. c.Projects().
type resource struct {
	name    string
	sub     reflect.Value // *client.ProjectClient
	objType reflect.Type  // *apiv2.Project
}

// Methods every sub-client must have; checked before the accessor is called,
// so that e.g. resource "close" cannot reach Client.Close.
var subMethods = []string{"Create", "Get", "Update", "UpdateStatus", "Delete", "DeleteCollection", "List", "Pages", "Watch"}

// camel turns a snake_case plural into the accessor name: model_families -> ModelFamilies.
func camel(snake string) string {
	var b strings.Builder
	for _, part := range strings.Split(snake, "_") {
		if part == "" {
			continue
		}
		b.WriteString(strings.ToUpper(part[:1]))
		b.WriteString(part[1:])
	}
	return b.String()
}

func lookupResource(c *client.Client, name string) (*resource, error) {
	if name == "" {
		return nil, runnerErrorf("missing field: resource")
	}
	acc := reflect.ValueOf(c).MethodByName(camel(name))
	if !acc.IsValid() || acc.Type().NumIn() != 0 || acc.Type().NumOut() != 1 {
		return nil, runnerErrorf("unknown resource %q", name)
	}
	subType := acc.Type().Out(0)
	for _, m := range subMethods {
		if _, ok := subType.MethodByName(m); !ok {
			return nil, runnerErrorf("unknown resource %q", name)
		}
	}
	sub := acc.Call(nil)[0]
	// Create(ctx, obj *T, opts ...ma.CallOption): the object type is parameter 1.
	objType := sub.MethodByName("Create").Type().In(1)
	if !objType.Implements(reflect.TypeFor[proto.Message]()) {
		return nil, runnerErrorf("resource %q: %v is not a proto message", name, objType)
	}
	return &resource{name: name, sub: sub, objType: objType}, nil
}

// newObject is a fresh, empty object of the resource's type.
func (r *resource) newObject() proto.Message {
	return reflect.New(r.objType.Elem()).Interface().(proto.Message)
}

// call invokes method with ctx, args and the variadic call options and
// returns its (value, error) results.
func (r *resource) call(method string, ctx context.Context, opts []ma.CallOption, args ...any) (reflect.Value, error) {
	in := []reflect.Value{reflect.ValueOf(ctx)}
	for _, a := range args {
		in = append(in, reflect.ValueOf(a))
	}
	if opts == nil {
		opts = []ma.CallOption{}
	}
	in = append(in, reflect.ValueOf(opts))
	out := r.sub.MethodByName(method).CallSlice(in)
	if len(out) == 2 {
		if e := out[1]; !e.IsNil() {
			return reflect.Value{}, e.Interface().(error)
		}
	}
	return out[0], nil
}

func (r *resource) object(method string, ctx context.Context, opts []ma.CallOption, args ...any) (proto.Message, error) {
	v, err := r.call(method, ctx, opts, args...)
	if err != nil {
		return nil, err
	}
	return v.Interface().(proto.Message), nil
}

func (r *resource) Create(ctx context.Context, obj proto.Message, opts []ma.CallOption) (proto.Message, error) {
	return r.object("Create", ctx, opts, obj)
}

func (r *resource) Get(ctx context.Context, name string, opts []ma.CallOption) (proto.Message, error) {
	return r.object("Get", ctx, opts, name)
}

func (r *resource) Update(ctx context.Context, obj proto.Message, opts []ma.CallOption) (proto.Message, error) {
	return r.object("Update", ctx, opts, obj)
}

func (r *resource) UpdateStatus(ctx context.Context, obj proto.Message, opts []ma.CallOption) (proto.Message, error) {
	return r.object("UpdateStatus", ctx, opts, obj)
}

func (r *resource) Delete(ctx context.Context, name string, opts []ma.CallOption) (proto.Message, error) {
	return r.object("Delete", ctx, opts, name)
}

func (r *resource) DeleteCollection(ctx context.Context, opts []ma.CallOption) ([]proto.Message, error) {
	v, err := r.call("DeleteCollection", ctx, opts)
	if err != nil {
		return nil, err
	}
	return listPage(v).items, nil
}

// page is one list page: its items and ListMeta.
type page struct {
	items []proto.Message
	meta  *api.ListMeta
}

// listPage unpacks a *apiv2.ProjectList-like value.
func listPage(v reflect.Value) page {
	p := page{items: []proto.Message{}}
	if v.IsNil() {
		return p
	}
	items := v.MethodByName("GetItems").Call(nil)[0]
	for i := range items.Len() {
		p.items = append(p.items, items.Index(i).Interface().(proto.Message))
	}
	if m, ok := v.Interface().(interface{ GetMetadata() *api.ListMeta }); ok {
		p.meta = m.GetMetadata()
	}
	return p
}

// seq2 adapts a reflected iter.Seq2[X, error] to iter.Seq2[Y, error],
// converting each X with conv. The SDK iterator itself runs unchanged; only
// the yield function is built by reflection.
func seq2[Y any](seq reflect.Value, conv func(reflect.Value) Y) iter.Seq2[Y, error] {
	return func(yield func(Y, error) bool) {
		y := reflect.MakeFunc(seq.Type().In(0), func(args []reflect.Value) []reflect.Value {
			var err error
			if !args[1].IsNil() {
				err = args[1].Interface().(error)
			}
			var item Y
			if err == nil {
				item = conv(args[0])
			}
			return []reflect.Value{reflect.ValueOf(yield(item, err))}
		})
		seq.Call([]reflect.Value{y})
	}
}

// List is the SDK's lazy item iterator (nothing is fetched until it is pulled).
func (r *resource) List(ctx context.Context, opts []ma.CallOption) iter.Seq2[proto.Message, error] {
	v, _ := r.call("List", ctx, opts)
	return seq2(v, func(x reflect.Value) proto.Message { return x.Interface().(proto.Message) })
}

// Pages is the SDK's lazy page iterator.
func (r *resource) Pages(ctx context.Context, opts []ma.CallOption) iter.Seq2[page, error] {
	v, _ := r.call("Pages", ctx, opts)
	return seq2(v, listPage)
}

// event is an ma.Event[T] without its type parameter.
type event struct {
	typ    api.WatchEventType
	object proto.Message
}

// Watch is the SDK's watch iterator.
func (r *resource) Watch(ctx context.Context, opts []ma.CallOption) iter.Seq2[event, error] {
	v, _ := r.call("Watch", ctx, opts)
	return seq2(v, func(x reflect.Value) event {
		ev := event{typ: x.FieldByName("Type").Interface().(api.WatchEventType)}
		if o := x.FieldByName("Object"); !o.IsNil() {
			ev.object = o.Interface().(proto.Message)
		}
		return ev
	})
}

// metadataOf returns obj's *api.ObjectMeta, creating it when unset.
func metadataOf(obj proto.Message) (*api.ObjectMeta, error) {
	g, ok := obj.(interface{ GetMetadata() *api.ObjectMeta })
	if !ok {
		return nil, fmt.Errorf("%T has no metadata", obj)
	}
	if m := g.GetMetadata(); m != nil {
		return m, nil
	}
	f := reflect.ValueOf(obj).Elem().FieldByName("Metadata")
	f.Set(reflect.ValueOf(&api.ObjectMeta{}))
	return g.GetMetadata(), nil
}
