package rt

import (
	"fmt"
	"math"
	"net/url"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/michelangelo-ai/apikit/sdk/go/gen/michelangelo/api"
	"github.com/michelangelo-ai/apikit/sdk/go/ma"
	"google.golang.org/grpc/codes"
	"google.golang.org/protobuf/proto"
	"google.golang.org/protobuf/reflect/protoreflect"
)

// Rule is the validation rules of one field, addressed from the resource
// root; generated code emits one table per resource from the
// (michelangelo.api.field) options. Nil pointers are unset rules. Rules of
// fields inside list items and map values are read from the descriptors.
type Rule struct {
	Path      string   // JSON path, e.g. spec.owningTeam
	ProtoPath []string // proto field names, e.g. spec, owning_team
	Required  bool
	MinLen    *int
	MaxLen    *int
	Pattern   string
	Format    string // dns1123_label | dns1123_subdomain | uri | uuid
	Min       *float64
	Max       *float64
	Allowed   []string
	MinItems  *int
	MaxItems  *int
}

// Int returns &n, for rule tables.
func Int(n int) *int { return &n }

// Float returns &f, for rule tables.
func Float(f float64) *float64 { return &f }

// Messages are the violation texts, word for word the server's
// (ma_server/validation.py MESSAGES); %s is the parameter.
var Messages = map[string]string{
	"required":                 "required",
	"min_len":                  "must be at least %s characters",
	"max_len":                  "must be at most %s characters",
	"min_bytes":                "must be at least %s bytes",
	"max_bytes":                "must be at most %s bytes",
	"pattern":                  "must match the regular expression %s",
	"format_dns1123_label":     "must be a DNS-1123 label: at most 63 lower-case alphanumeric characters or '-', starting and ending with an alphanumeric character",
	"format_dns1123_subdomain": "must be a DNS-1123 subdomain: at most 253 lower-case alphanumeric characters, '-' or '.', starting and ending with an alphanumeric character",
	"format_uri":               "must be an absolute URI with a scheme, e.g. https://host/path",
	"format_uuid":              "must be a lower-case UUID, e.g. 0b8e2f4a-6a55-4c57-9c39-3b0f6b1c8e21",
	"min":                      "must be at least %s",
	"max":                      "must be at most %s",
	"finite":                   "must be a finite number",
	"allowed_values":           "must be one of %s",
	"enum_value":               "unknown value %s; must be one of %s",
	"min_items":                "must have at least %s items",
	"max_items":                "must have at most %s items",
	"qualified_name":           "must be a qualified name: an optional DNS-1123 subdomain prefix and '/', then at most 63 alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character",
	"label_value":              "must be empty or at most 63 alphanumeric characters, '-', '_' or '.', starting and ending with an alphanumeric character",
	"annotations_size":         "total size of annotations must be at most %s bytes",
	"api_version":              "must be %s",
	"kind":                     "must be %s",
	"namespace_required":       "required for namespaced kind %s",
}

const annotationsMaxBytes = 256 * 1024

func msg(key string, params ...string) string {
	args := make([]any, len(params))
	for i, p := range params {
		args[i] = p
	}
	return fmt.Sprintf(Messages[key], args...)
}

var (
	dnsLabel     = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`)
	dnsSubdomain = regexp.MustCompile(`^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$`)
	qualified    = regexp.MustCompile(`^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$`)
	uuidRe       = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
	uriScheme    = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.\-]*$`)
	patterns     sync.Map // pattern -> *regexp.Regexp or nil
)

func isDNSLabel(s string) bool     { return len(s) <= 63 && dnsLabel.MatchString(s) }
func isDNSSubdomain(s string) bool { return len(s) <= 253 && dnsSubdomain.MatchString(s) }

func isURI(s string) bool {
	for _, r := range s {
		if unicode.IsSpace(r) || r < 0x20 {
			return false
		}
	}
	scheme, rest, ok := strings.Cut(s, ":")
	if !ok || rest == "" || !uriScheme.MatchString(scheme) {
		return false
	}
	u, err := url.Parse(s)
	if err != nil {
		return true // Python's urlsplit is lenient; the scheme check above is what matters
	}
	return u.Host != "" || u.Path != "" || u.Opaque != ""
}

func isQualifiedName(s string) bool {
	prefix, name := "", s
	if i := strings.LastIndex(s, "/"); i >= 0 {
		prefix, name = s[:i], s[i+1:]
		if prefix == "" || !isDNSSubdomain(prefix) {
			return false
		}
	}
	return len(name) > 0 && len(name) <= 63 && qualified.MatchString(name)
}

func isLabelValue(s string) bool { return s == "" || (len(s) <= 63 && qualified.MatchString(s)) }

func compiled(p string) *regexp.Regexp {
	if v, ok := patterns.Load(p); ok {
		return v.(*regexp.Regexp)
	}
	rx, err := regexp.Compile(`^(?:` + p + `)$`)
	if err != nil {
		rx = nil // the linter rejects bad patterns; never fail a request on one
	}
	patterns.Store(p, rx)
	return rx
}

func num(f float64) string {
	if f == float64(int64(f)) {
		return strconv.FormatInt(int64(f), 10)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// Object describes the resource a Validate call checks.
type Object struct {
	Kind       string
	APIVersion string
	Namespaced bool
	Rules      []Rule
}

// Validate checks msg (a resource) before a call, the way the server does:
// the top-level fields named in fields (JSON names, e.g. "apiVersion",
// "kind", "metadata", "spec"), with the table's rules, enum values and the
// Kubernetes syntax of labels, annotations and finalizers. An unset top-level
// message (spec) is checked as an empty one; an unset message below it is not
// descended into, only its own required rule applies. It returns nil or
// an *Error with code InvalidArgument, the server's message
// (`Project 'x' is invalid: spec.owningTeam: required`) and the violations.
func Validate(o Object, msg proto.Message, fields ...string) error {
	v := &validator{table: map[string]*Rule{}}
	for i := range o.Rules {
		v.table[o.Rules[i].Path] = &o.Rules[i]
	}
	m := msg.ProtoReflect()
	only := map[string]bool{}
	for _, f := range fields {
		only[f] = true
	}
	if only["apiVersion"] || only["kind"] {
		for _, f := range [][3]string{{"api_version", "apiVersion", o.APIVersion}, {"kind", "kind", o.Kind}} {
			if fd := m.Descriptor().Fields().ByName(protoreflect.Name(f[0])); fd != nil {
				if s := m.Get(fd).String(); s != "" && s != f[2] {
					v.add(f[1], f[0], f[2])
				}
			}
		}
	}
	if only["metadata"] && o.Namespaced {
		if fd := m.Descriptor().Fields().ByName("metadata"); fd != nil {
			if ns := m.Get(fd).Message().Get(fd.Message().Fields().ByName("namespace")).String(); ns == "" {
				v.add("metadata.namespace", "namespace_required", o.Kind)
			}
		}
	}
	v.message(m, "", true, only)
	if len(v.out) == 0 {
		return nil
	}
	name := ""
	if fd := m.Descriptor().Fields().ByName("metadata"); fd != nil {
		if meta, ok := m.Get(fd).Message().Interface().(*api.ObjectMeta); ok {
			name = meta.GetName()
		}
	}
	parts := make([]string, len(v.out))
	for i, x := range v.out {
		parts[i] = x.String()
	}
	return ma.NewError(codes.InvalidArgument, fmt.Sprintf("%s %s is invalid: %s", o.Kind, pyQuote(name), strings.Join(parts, "; ")), v.out...)
}

// pyQuote renders s the way Python's repr does for plain strings: 'x'.
func pyQuote(s string) string {
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(s, "'", `\'`) + "'"
}

type validator struct {
	table map[string]*Rule
	out   []ma.FieldViolation
}

func (v *validator) add(path, key string, params ...string) {
	v.out = append(v.out, ma.FieldViolation{Field: path, Description: msg(key, params...)})
}

// rules returns the rules of fd at path: from the table for fields reached
// through singular messages (root true), else from the descriptor.
func (v *validator) rules(fd protoreflect.FieldDescriptor, path string, root bool) *Rule {
	if root {
		return v.table[path]
	}
	return descriptorRule(fd)
}

func (v *validator) message(m protoreflect.Message, prefix string, root bool, only map[string]bool) {
	fields := m.Descriptor().Fields()
	for i := 0; i < fields.Len(); i++ {
		fd := fields.Get(i)
		if prefix == "" && only != nil && len(only) > 0 && !only[fd.JSONName()] {
			continue
		}
		path := prefix + fd.JSONName()
		r := v.rules(fd, path, root)
		val := m.Get(fd)
		switch {
		case fd.IsMap():
			mp := val.Map()
			if r != nil {
				v.items(path, mp.Len(), r)
			}
			keys := make([]protoreflect.MapKey, 0, mp.Len())
			mp.Range(func(k protoreflect.MapKey, _ protoreflect.Value) bool { keys = append(keys, k); return true })
			sort.Slice(keys, func(a, b int) bool { return keyLess(keys[a], keys[b]) })
			vfd := fd.MapValue()
			for _, k := range keys {
				ip := mapKeyPath(path, k)
				if vfd.Kind() == protoreflect.MessageKind {
					v.message(mp.Get(k).Message(), ip+".", false, nil)
					continue
				}
				v.enum(ip, vfd, mp.Get(k))
				if r != nil {
					v.scalar(ip, vfd, mp.Get(k), r)
				}
			}
		case fd.IsList():
			l := val.List()
			if r != nil {
				v.items(path, l.Len(), r)
			}
			for j := 0; j < l.Len(); j++ {
				ip := fmt.Sprintf("%s[%d]", path, j)
				if fd.Kind() == protoreflect.MessageKind {
					v.message(l.Get(j).Message(), ip+".", false, nil)
					continue
				}
				v.enum(ip, fd, l.Get(j))
				if r != nil {
					v.scalar(ip, fd, l.Get(j), r)
				}
			}
		case fd.Kind() == protoreflect.MessageKind || fd.Kind() == protoreflect.GroupKind:
			present := m.Has(fd)
			if r != nil && r.Required && !present {
				v.add(path, "required")
			}
			if strings.HasPrefix(string(fd.Message().FullName()), "google.protobuf.") {
				continue
			}
			// An unset message is checked as an empty one only at the top level
			// (a Project without spec lacks spec.owningTeam); below it, an unset
			// message is optional and not descended into (Pipeline.spec.schedule).
			if present || prefix == "" {
				v.message(val.Message(), path+".", root, nil)
			}
		default:
			present := m.Has(fd)
			v.enum(path, fd, val)
			if r != nil && r.Required && !present {
				v.add(path, "required")
			} else if r != nil {
				v.scalar(path, fd, val, r)
			}
		}
	}
	if m.Descriptor().FullName() == "michelangelo.api.ObjectMeta" {
		v.meta(m.Interface().(*api.ObjectMeta), prefix)
	}
}

func (v *validator) items(path string, n int, r *Rule) {
	if r.Required && n == 0 {
		v.add(path, "required")
	}
	if r.MinItems != nil && n < *r.MinItems {
		v.add(path, "min_items", strconv.Itoa(*r.MinItems))
	}
	if r.MaxItems != nil && n > *r.MaxItems {
		v.add(path, "max_items", strconv.Itoa(*r.MaxItems))
	}
}

func (v *validator) enum(path string, fd protoreflect.FieldDescriptor, val protoreflect.Value) {
	if fd.Kind() != protoreflect.EnumKind {
		return
	}
	ed := fd.Enum()
	if ed.Values().ByNumber(val.Enum()) != nil {
		return
	}
	var names []string
	for i := 0; i < ed.Values().Len(); i++ {
		if ev := ed.Values().Get(i); ev.Number() != 0 {
			names = append(names, string(ev.Name()))
		}
	}
	v.add(path, "enum_value", strconv.Itoa(int(val.Enum())), strings.Join(names, ", "))
}

func (v *validator) scalar(path string, fd protoreflect.FieldDescriptor, val protoreflect.Value, r *Rule) {
	switch fd.Kind() {
	case protoreflect.StringKind:
		s := val.String()
		if s == "" {
			return
		}
		n := utf8.RuneCountInString(s)
		if r.MinLen != nil && n < *r.MinLen {
			v.add(path, "min_len", strconv.Itoa(*r.MinLen))
		}
		if r.MaxLen != nil && n > *r.MaxLen {
			v.add(path, "max_len", strconv.Itoa(*r.MaxLen))
		}
		if r.Pattern != "" {
			if rx := compiled(r.Pattern); rx != nil && !rx.MatchString(s) {
				v.add(path, "pattern", r.Pattern)
			}
		}
		ok := true
		switch r.Format {
		case "dns1123_label":
			ok = isDNSLabel(s)
		case "dns1123_subdomain":
			ok = isDNSSubdomain(s)
		case "uri":
			ok = isURI(s)
		case "uuid":
			ok = uuidRe.MatchString(s)
		}
		if !ok {
			v.add(path, "format_"+r.Format)
		}
		if len(r.Allowed) > 0 && !contains(r.Allowed, s) {
			v.add(path, "allowed_values", strings.Join(r.Allowed, ", "))
		}
	case protoreflect.BytesKind:
		b := val.Bytes()
		if r.MinLen != nil && len(b) > 0 && len(b) < *r.MinLen {
			v.add(path, "min_bytes", strconv.Itoa(*r.MinLen))
		}
		if r.MaxLen != nil && len(b) > *r.MaxLen {
			v.add(path, "max_bytes", strconv.Itoa(*r.MaxLen))
		}
	case protoreflect.BoolKind, protoreflect.EnumKind:
	default:
		var x float64
		switch fd.Kind() {
		case protoreflect.FloatKind, protoreflect.DoubleKind:
			x = val.Float()
		case protoreflect.Uint32Kind, protoreflect.Uint64Kind, protoreflect.Fixed32Kind, protoreflect.Fixed64Kind:
			x = float64(val.Uint())
		default:
			x = float64(val.Int())
		}
		// NaN compares false with every bound, so a ranged float must first be finite (as on the server).
		if (r.Min != nil || r.Max != nil) && (math.IsNaN(x) || math.IsInf(x, 0)) {
			v.add(path, "finite")
			return
		}
		if r.Min != nil && x < *r.Min {
			v.add(path, "min", num(*r.Min))
		}
		if r.Max != nil && x > *r.Max {
			v.add(path, "max", num(*r.Max))
		}
	}
}

func (v *validator) meta(m *api.ObjectMeta, prefix string) {
	for _, k := range sortedKeys(m.GetLabels()) {
		p := mapKeyPath(prefix+"labels", protoreflect.ValueOfString(k).MapKey())
		if !isQualifiedName(k) {
			v.add(p, "qualified_name")
		}
		if !isLabelValue(m.GetLabels()[k]) {
			v.add(p, "label_value")
		}
	}
	size := 0
	for _, k := range sortedKeys(m.GetAnnotations()) {
		size += len(k) + len(m.GetAnnotations()[k])
		if !isQualifiedName(k) {
			v.add(mapKeyPath(prefix+"annotations", protoreflect.ValueOfString(k).MapKey()), "qualified_name")
		}
	}
	if size > annotationsMaxBytes {
		v.add(prefix+"annotations", "annotations_size", strconv.Itoa(annotationsMaxBytes))
	}
	for i, f := range m.GetFinalizers() {
		if !isQualifiedName(f) {
			v.add(fmt.Sprintf("%sfinalizers[%d]", prefix, i), "qualified_name")
		}
	}
}

func descriptorRule(fd protoreflect.FieldDescriptor) *Rule {
	opts := fd.Options()
	if opts == nil || !proto.HasExtension(opts, api.E_Field) {
		return nil
	}
	fo, _ := proto.GetExtension(opts, api.E_Field).(*api.FieldOptions)
	r := fo.GetRules()
	if r == nil || proto.Size(r) == 0 {
		return nil
	}
	out := &Rule{Required: r.GetRequired(), Pattern: r.GetPattern(), Allowed: r.GetAllowedValues()}
	if r.MinLen != nil {
		out.MinLen = Int(int(r.GetMinLen()))
	}
	if r.MaxLen != nil {
		out.MaxLen = Int(int(r.GetMaxLen()))
	}
	if r.Min != nil {
		out.Min = Float(r.GetMin())
	}
	if r.Max != nil {
		out.Max = Float(r.GetMax())
	}
	if r.MinItems != nil {
		out.MinItems = Int(int(r.GetMinItems()))
	}
	if r.MaxItems != nil {
		out.MaxItems = Int(int(r.GetMaxItems()))
	}
	switch r.GetFormat() {
	case api.StringFormat_STRING_FORMAT_DNS1123_LABEL:
		out.Format = "dns1123_label"
	case api.StringFormat_STRING_FORMAT_DNS1123_SUBDOMAIN:
		out.Format = "dns1123_subdomain"
	case api.StringFormat_STRING_FORMAT_URI:
		out.Format = "uri"
	case api.StringFormat_STRING_FORMAT_UUID:
		out.Format = "uuid"
	}
	return out
}

func mapKeyPath(path string, k protoreflect.MapKey) string {
	if s, ok := k.Interface().(string); ok {
		return path + "[" + jsonQuote(s) + "]"
	}
	return fmt.Sprintf("%s[%v]", path, k.Interface())
}

// jsonQuote is Python's json.dumps(s, ensure_ascii=False).
func jsonQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\r':
			b.WriteString(`\r`)
		case '\t':
			b.WriteString(`\t`)
		case '\b':
			b.WriteString(`\b`)
		case '\f':
			b.WriteString(`\f`)
		default:
			if r < 0x20 {
				fmt.Fprintf(&b, `\u%04x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

func keyLess(a, b protoreflect.MapKey) bool {
	if s, ok := a.Interface().(string); ok {
		return s < b.Interface().(string)
	}
	return fmt.Sprint(a.Interface()) < fmt.Sprint(b.Interface())
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
