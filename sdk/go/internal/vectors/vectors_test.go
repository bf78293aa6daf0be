package vectors

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"sort"
	"testing"

	"google.golang.org/protobuf/encoding/protojson"
	"google.golang.org/protobuf/encoding/protowire"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
	"google.golang.org/protobuf/reflect/protoregistry"

	// Imported for their side effect: registering the generated types.
	_ "github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	_ "github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api/v2"
)

// minVectors guards against an empty or truncated manifest passing vacuously.
const minVectors = 50

type manifest struct {
	Vectors []struct {
		Name string `json:"name"`
		Type string `json:"type"`
	} `json:"vectors"`
}

// vectorsDir is testdata/vectors at the repository root, found from this
// file's location (sdk/go/internal/vectors) so it works from any directory.
func vectorsDir(t *testing.T) string {
	t.Helper()
	_, file, _, ok := runtime.Caller(0)
	if !ok {
		t.Fatal("runtime.Caller failed: cannot locate the test file")
	}
	return filepath.Join(filepath.Dir(file), "..", "..", "..", "..", "testdata", "vectors")
}

func TestVectors(t *testing.T) {
	dir := vectorsDir(t)
	raw, err := os.ReadFile(filepath.Join(dir, "manifest.json"))
	if err != nil {
		t.Fatalf("reading manifest: %v", err)
	}
	var m manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("parsing manifest: %v", err)
	}
	if len(m.Vectors) < minVectors {
		t.Fatalf("manifest lists %d vectors, want at least %d", len(m.Vectors), minVectors)
	}
	seen := map[string]bool{}
	for _, v := range m.Vectors {
		if v.Name == "" || v.Type == "" {
			t.Fatalf("manifest entry %+v lacks a name or type", v)
		}
		if seen[v.Name] {
			t.Fatalf("manifest lists vector %q twice", v.Name)
		}
		seen[v.Name] = true
		t.Run(v.Name, func(t *testing.T) {
			checkVector(t, dir, v.Name, protoreflect.FullName(v.Type))
		})
	}
}

func checkVector(t *testing.T, dir, name string, typeName protoreflect.FullName) {
	mt, err := protoregistry.GlobalTypes.FindMessageByName(typeName)
	if err != nil {
		t.Fatalf("type %s is not registered by the Go bindings: %v", typeName, err)
	}
	binData := readVectorFile(t, filepath.Join(dir, name+".binpb"))
	jsonData := readVectorFile(t, filepath.Join(dir, name+".json"))

	// (a) binary -> message -> deterministic binary reproduces the file.
	fromBin := mt.New().Interface()
	if err := proto.Unmarshal(binData, fromBin); err != nil {
		t.Fatalf("%s: proto.Unmarshal: %v", name, err)
	}
	if unknown := fromBin.ProtoReflect().GetUnknown(); len(unknown) > 0 {
		t.Errorf("%s: binary has %d bytes of fields unknown to the Go bindings", name, len(unknown))
	}
	reBin, err := proto.MarshalOptions{Deterministic: true}.Marshal(fromBin)
	if err != nil {
		t.Fatalf("%s: proto.Marshal: %v", name, err)
	}
	if !bytes.Equal(reBin, binData) {
		// protobuf-go writes set oneof members after all other fields ("to
		// preserve compatibility with historic wire output", see
		// internal/impl/codec_message.go; proto.MarshalOptions documents that
		// deterministic output is not canonical across languages), while
		// Python and Java write fields in field-number order. Accept exactly
		// that reordering and nothing else: the file must be in field-number
		// order, and its bytes put into Go's field order must equal Go's
		// output byte for byte.
		byNumber, err1 := reorder(binData, mt.Descriptor(), false)
		goOrder, err2 := reorder(binData, mt.Descriptor(), true)
		switch {
		case err1 != nil || err2 != nil:
			t.Errorf("%s: reordering %s.binpb: %v", name, name, errors.Join(err1, err2))
		case !bytes.Equal(byNumber, binData):
			t.Errorf("%s: %s.binpb is not in field-number order, and Go's output differs from it:\n%s",
				name, name, bytesDiff(binData, reBin))
		case bytes.Equal(reBin, goOrder):
			t.Logf("%s: Go wrote oneof fields last; bytes equal the file after that reordering", name)
		default:
			t.Errorf("%s: deterministic re-serialization differs from %s.binpb (compared in Go's oneofs-last field order):\n%s",
				name, name, bytesDiff(goOrder, reBin))
		}
	}

	// (b) JSON -> message equals the message parsed from binary.
	fromJSON := mt.New().Interface()
	if err := protojson.Unmarshal(jsonData, fromJSON); err != nil {
		t.Fatalf("%s: protojson.Unmarshal: %v", name, err)
	}
	if !proto.Equal(fromJSON, fromBin) {
		t.Errorf("%s: message parsed from JSON differs from message parsed from binary\nfrom JSON:   %s\nfrom binary: %s",
			name, excerpt(compactJSON(fromJSON)), excerpt(compactJSON(fromBin)))
	}

	// (c) message -> JSON is the file's JSON value for value.
	reJSON, err := protojson.Marshal(fromBin)
	if err != nil {
		t.Fatalf("%s: protojson.Marshal: %v", name, err)
	}
	var want, got any
	if err := json.Unmarshal(jsonData, &want); err != nil {
		t.Fatalf("%s: %s.json is not valid JSON: %v", name, name, err)
	}
	if err := json.Unmarshal(reJSON, &got); err != nil {
		t.Fatalf("%s: protojson output is not valid JSON: %v", name, err)
	}
	if !reflect.DeepEqual(want, got) {
		t.Errorf("%s: protojson output differs from %s.json: %s", name, name, jsonDiff("$", want, got))
	}
}

func readVectorFile(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		t.Fatalf("vector file listed in the manifest is missing: %s", path)
	}
	if err != nil {
		t.Fatalf("reading %s: %v", path, err)
	}
	return data
}

// bytesDiff describes where two byte strings first differ, with hex context.
func bytesDiff(want, got []byte) string {
	i := 0
	for i < len(want) && i < len(got) && want[i] == got[i] {
		i++
	}
	lo := max(0, i-16)
	window := func(b []byte) string {
		if lo >= len(b) {
			return "(end)"
		}
		return hex.EncodeToString(b[lo:min(len(b), i+32)])
	}
	return fmt.Sprintf("  length want %d, got %d; first difference at offset %d\n  want[%d:]: %s\n  got [%d:]: %s",
		len(want), len(got), i, lo, window(want), lo, window(got))
}

// reorder re-emits the wire-format message b of type md, recursively, with
// its fields sorted by field number or, if oneofsLast, in protobuf-go's
// marshal order (fields outside a oneof by number, then oneof members by
// oneof declaration index and number). Each field's bytes are kept as they
// are; the sort is stable, so repeated elements and map entries keep their
// order.
func reorder(b []byte, md protoreflect.MessageDescriptor, oneofsLast bool) ([]byte, error) {
	type field struct {
		fd  protoreflect.FieldDescriptor
		num protowire.Number
		raw []byte
	}
	var fields []field
	for len(b) > 0 {
		num, typ, n := protowire.ConsumeTag(b)
		if n < 0 {
			return nil, fmt.Errorf("%s: bad tag: %w", md.FullName(), protowire.ParseError(n))
		}
		fd := md.Fields().ByNumber(num)
		var raw []byte
		if fd != nil && typ == protowire.BytesType && fd.Kind() == protoreflect.MessageKind {
			v, m := protowire.ConsumeBytes(b[n:])
			if m < 0 {
				return nil, fmt.Errorf("%s: bad length of field %d: %w", md.FullName(), num, protowire.ParseError(m))
			}
			inner, err := reorder(v, fd.Message(), oneofsLast)
			if err != nil {
				return nil, err
			}
			raw = protowire.AppendBytes(protowire.AppendTag(nil, num, typ), inner)
			n += m
		} else {
			m := protowire.ConsumeFieldValue(num, typ, b[n:])
			if m < 0 {
				return nil, fmt.Errorf("%s: bad value of field %d: %w", md.FullName(), num, protowire.ParseError(m))
			}
			n += m
			raw = b[:n]
		}
		fields = append(fields, field{fd, num, raw})
		b = b[n:]
	}
	oneofIndex := func(f field) int {
		if !oneofsLast || f.fd == nil {
			return -1
		}
		if od := f.fd.ContainingOneof(); od != nil && !od.IsSynthetic() {
			return od.Index()
		}
		return -1
	}
	sort.SliceStable(fields, func(i, j int) bool {
		oi, oj := oneofIndex(fields[i]), oneofIndex(fields[j])
		if oi != oj {
			return oi < oj // non-oneof (-1) first, then oneofs in declaration order
		}
		return fields[i].num < fields[j].num
	})
	var out []byte
	for _, f := range fields {
		out = append(out, f.raw...)
	}
	return out, nil
}

// jsonDiff returns the first path at which two decoded JSON values differ.
func jsonDiff(path string, want, got any) string {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return fmt.Sprintf("at %s: want object, got %s", path, excerpt(fmt.Sprint(got)))
		}
		keys := make([]string, 0, len(w)+len(g))
		for k := range w {
			keys = append(keys, k)
		}
		for k := range g {
			if _, dup := w[k]; !dup {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			wv, inW := w[k]
			gv, inG := g[k]
			switch {
			case !inW:
				return fmt.Sprintf("at %s.%s: unexpected key, got %s", path, k, excerpt(fmt.Sprint(gv)))
			case !inG:
				return fmt.Sprintf("at %s.%s: key missing, want %s", path, k, excerpt(fmt.Sprint(wv)))
			case !reflect.DeepEqual(wv, gv):
				return jsonDiff(path+"."+k, wv, gv)
			}
		}
	case []any:
		g, ok := got.([]any)
		if !ok {
			return fmt.Sprintf("at %s: want array, got %s", path, excerpt(fmt.Sprint(got)))
		}
		if len(w) != len(g) {
			return fmt.Sprintf("at %s: want %d elements, got %d", path, len(w), len(g))
		}
		for i := range w {
			if !reflect.DeepEqual(w[i], g[i]) {
				return jsonDiff(fmt.Sprintf("%s[%d]", path, i), w[i], g[i])
			}
		}
	}
	return fmt.Sprintf("at %s: want %#v, got %#v", path, want, got)
}

// compactJSON renders a message as one-line JSON for failure messages.
func compactJSON(m proto.Message) string {
	b, err := protojson.Marshal(m)
	if err != nil {
		return fmt.Sprintf("<%v>", err)
	}
	return string(b)
}

func excerpt(s string) string {
	const limit = 2000
	if len(s) > limit {
		return s[:limit] + "…"
	}
	return s
}
