package ai.michelangelo.sdk;

import ai.michelangelo.api.FieldRules;
import ai.michelangelo.api.ObjectMeta;
import ai.michelangelo.api.OptionsProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Client-side validation with the server's rules and messages (ma_server/validation.py), so an
 * invalid object fails before any call with the same {@code path: message} texts, e.g. {@code
 * spec.owningTeam: required}. The generated clients hold each resource's rule table (from the
 * {@code (michelangelo.api.field)} options); items of lists and map values are checked with the
 * rules of their message descriptors. An unset top-level message (metadata, spec) is checked as an
 * empty one; the rules inside an unset message below it are not checked.
 *
 * <p>Patterns are RE2 and run on re2j, so they mean what they mean in Go and on the server ({@code
 * java.util.regex} is another dialect: it reads {@code [[:digit:]]} as a set of characters and its
 * {@code .} does not match {@code \r}); a pattern must match the whole value.
 */
public final class Validation {
  /** The server's message texts, keyed as in MESSAGES of ma_server/validation.py. */
  public static final Map<String, String> MESSAGES =
      Map.ofEntries(
          Map.entry("required", "required"),
          Map.entry("min_len", "must be at least {n} characters"),
          Map.entry("max_len", "must be at most {n} characters"),
          Map.entry("min_bytes", "must be at least {n} bytes"),
          Map.entry("max_bytes", "must be at most {n} bytes"),
          Map.entry("pattern", "must match the regular expression {pattern}"),
          Map.entry(
              "format_dns1123_label",
              "must be a DNS-1123 label: at most 63 lower-case alphanumeric characters or '-', "
                  + "starting and ending with an alphanumeric character"),
          Map.entry(
              "format_dns1123_subdomain",
              "must be a DNS-1123 subdomain: at most 253 lower-case alphanumeric characters, '-' or"
                  + " '.', starting and ending with an alphanumeric character"),
          Map.entry("format_uri", "must be an absolute URI with a scheme, e.g. https://host/path"),
          Map.entry(
              "format_uuid", "must be a lower-case UUID, e.g. 0b8e2f4a-6a55-4c57-9c39-3b0f6b1c8e21"),
          Map.entry("min", "must be at least {n}"),
          Map.entry("max", "must be at most {n}"),
          Map.entry("finite", "must be a finite number"),
          Map.entry("allowed_values", "must be one of {values}"),
          Map.entry("enum_value", "unknown value {n}; must be one of {values}"),
          Map.entry("min_items", "must have at least {n} items"),
          Map.entry("max_items", "must have at most {n} items"),
          Map.entry(
              "qualified_name",
              "must be a qualified name: an optional DNS-1123 subdomain prefix and '/', then at most"
                  + " 63 alphanumeric characters, '-', '_' or '.', starting and ending with an"
                  + " alphanumeric character"),
          Map.entry(
              "label_value",
              "must be empty or at most 63 alphanumeric characters, '-', '_' or '.', "
                  + "starting and ending with an alphanumeric character"),
          Map.entry("annotations_size", "total size of annotations must be at most {n} bytes"),
          Map.entry("api_version", "must be {expected}"),
          Map.entry("kind", "must be {expected}"),
          Map.entry("namespace_required", "required for namespaced kind {kind}"),
          Map.entry("namespace_forbidden", "must be empty for cluster-scoped kind {kind}"));

  static final int ANNOTATIONS_MAX_BYTES = 256 * 1024;

  private static final Pattern DNS1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
  private static final Pattern DNS1123_SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
  private static final Pattern QUALIFIED_NAME_PART =
      Pattern.compile("([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]");
  private static final Pattern UUID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  private static final Pattern URI_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.\\-]*");
  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
  private static final Pattern NO_PATTERN = Pattern.compile("");

  private Validation() {}

  /** The kind of a rule's value, as in the API model. */
  public enum ValueKind {
    STRING,
    BYTES,
    INT,
    FLOAT,
    BOOL,
    ENUM,
    MESSAGE
  }

  /** The validation rules of one field, addressed by its path from the resource root. */
  public static final class Rule {
    final String path;
    final List<String> protoPath;
    final ValueKind valueKind;
    boolean required;
    Integer minLen;
    Integer maxLen;
    String pattern = "";
    String format = "";
    Double min;
    Double max;
    List<String> allowedValues = List.of();
    Integer minItems;
    Integer maxItems;

    private Rule(String path, List<String> protoPath, ValueKind valueKind) {
      this.path = path;
      this.protoPath = protoPath;
      this.valueKind = valueKind;
    }

    public String getPath() {
      return path;
    }

    public List<String> getProtoPath() {
      return protoPath;
    }

    public ValueKind getValueKind() {
      return valueKind;
    }

    static Rule fromOptions(String path, FieldRules r) {
      Rule out = new Rule(path, List.of(), ValueKind.MESSAGE);
      out.required = r.getRequired();
      out.minLen = r.hasMinLen() ? (int) r.getMinLen() : null;
      out.maxLen = r.hasMaxLen() ? (int) r.getMaxLen() : null;
      out.pattern = r.getPattern();
      out.format =
          switch (r.getFormat()) {
            case STRING_FORMAT_DNS1123_LABEL -> "dns1123_label";
            case STRING_FORMAT_DNS1123_SUBDOMAIN -> "dns1123_subdomain";
            case STRING_FORMAT_URI -> "uri";
            case STRING_FORMAT_UUID -> "uuid";
            default -> "";
          };
      out.min = r.hasMin() ? r.getMin() : null;
      out.max = r.hasMax() ? r.getMax() : null;
      out.allowedValues = List.copyOf(r.getAllowedValuesList());
      out.minItems = r.hasMinItems() ? (int) r.getMinItems() : null;
      out.maxItems = r.hasMaxItems() ? (int) r.getMaxItems() : null;
      return out;
    }
  }

  /**
   * Starts a rule table entry (used by generated code).
   *
   * @param path JSON path, e.g. {@code spec.owningTeam}
   * @param protoPath proto field names joined by dots, e.g. {@code spec.owning_team}
   */
  public static RuleBuilder rule(String path, String protoPath, ValueKind valueKind) {
    return new RuleBuilder(new Rule(path, List.of(protoPath.split("\\.")), valueKind));
  }

  /** Builder of one {@link Rule}. */
  public static final class RuleBuilder {
    private final Rule r;

    private RuleBuilder(Rule r) {
      this.r = r;
    }

    public RuleBuilder required() {
      r.required = true;
      return this;
    }

    public RuleBuilder minLen(int n) {
      r.minLen = n;
      return this;
    }

    public RuleBuilder maxLen(int n) {
      r.maxLen = n;
      return this;
    }

    public RuleBuilder pattern(String pattern) {
      r.pattern = pattern;
      return this;
    }

    public RuleBuilder format(String format) {
      r.format = format;
      return this;
    }

    public RuleBuilder min(double n) {
      r.min = n;
      return this;
    }

    public RuleBuilder max(double n) {
      r.max = n;
      return this;
    }

    public RuleBuilder allowedValues(String... values) {
      r.allowedValues = List.of(values);
      return this;
    }

    public RuleBuilder minItems(int n) {
      r.minItems = n;
      return this;
    }

    public RuleBuilder maxItems(int n) {
      r.maxItems = n;
      return this;
    }

    public Rule build() {
      return r;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Whole objects

  /**
   * Violations of an object about to be created or updated: apiVersion and kind (when set), the
   * namespace of a namespaced kind, every rule of the table on metadata and spec, and list items,
   * map values, enum values and label/annotation/finalizer syntax.
   */
  public static List<FieldViolation> validateObject(
      Message obj, String apiVersion, String kind, boolean namespaced, List<Rule> rules) {
    List<FieldViolation> out = new ArrayList<>();
    Descriptor d = obj.getDescriptorForType();
    String av = (String) obj.getField(d.findFieldByName("api_version"));
    if (!av.isEmpty() && !av.equals(apiVersion)) {
      out.add(violation("apiVersion", "api_version", "expected", apiVersion));
    }
    String k = (String) obj.getField(d.findFieldByName("kind"));
    if (!k.isEmpty() && !k.equals(kind)) {
      out.add(violation("kind", "kind", "expected", kind));
    }
    ObjectMeta meta = (ObjectMeta) obj.getField(d.findFieldByName("metadata"));
    if (namespaced && meta.getNamespace().isEmpty()) {
      out.add(violation("metadata.namespace", "namespace_required", "kind", kind));
    }
    Set<String> covered = new HashSet<>();
    for (Rule rule : rules) {
      String top = rule.protoPath.get(0);
      if (!top.equals("metadata") && !top.equals("spec")) {
        continue;
      }
      covered.add(rule.path);
      checkRule(out, obj, rule);
    }
    for (String top : List.of("metadata", "spec")) {
      FieldDescriptor fd = d.findFieldByName(top);
      if (fd != null && obj.hasField(fd)) {
        walkUncovered(out, (Message) obj.getField(fd), fd.getJsonName() + ".", covered);
      }
    }
    return out;
  }

  /** The violations of one rule of the table in {@code obj}. */
  private static void checkRule(List<FieldViolation> out, Message obj, Rule rule) {
    // The top-level field (metadata, spec, status) counts as an empty message when unset; below
    // it, the rules inside an unset message are not checked (an optional nested message may be
    // left out).
    Message parent = obj;
    for (int i = 0; i < rule.protoPath.size() - 1; i++) {
      FieldDescriptor seg = parent.getDescriptorForType().findFieldByName(rule.protoPath.get(i));
      if (i > 0 && !parent.hasField(seg)) {
        return;
      }
      parent = (Message) parent.getField(seg);
    }
    FieldDescriptor fd =
        parent
            .getDescriptorForType()
            .findFieldByName(rule.protoPath.get(rule.protoPath.size() - 1));
    if (fd == null) {
      throw new IllegalStateException("rule table out of date: no field " + rule.protoPath);
    }
    checkField(out, rule.path, parent, fd, rule);
  }

  /**
   * Violations of an object about to get a new status (UpdateStatus): the rules of the table on
   * {@code status}, as the Python and Go SDKs check them.
   */
  public static List<FieldViolation> validateStatus(Message obj, List<Rule> rules) {
    List<FieldViolation> out = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule.protoPath.get(0).equals("status")) {
        checkRule(out, obj, rule);
      }
    }
    return out;
  }

  /** Throws {@link InvalidArgumentException} when {@link #validateStatus} finds violations. */
  public static void checkStatus(Message obj, String kind, List<Rule> rules) {
    throwIfAny(obj, kind, validateStatus(obj, rules));
  }

  /**
   * Throws {@link InvalidArgumentException} like the server's ({@code Kind 'name' is invalid:
   * ...}).
   */
  public static void check(
      Message obj, String apiVersion, String kind, boolean namespaced, List<Rule> rules) {
    throwIfAny(obj, kind, validateObject(obj, apiVersion, kind, namespaced, rules));
  }

  private static void throwIfAny(Message obj, String kind, List<FieldViolation> v) {
    if (!v.isEmpty()) {
      ObjectMeta meta =
          (ObjectMeta) obj.getField(obj.getDescriptorForType().findFieldByName("metadata"));
      throw new InvalidArgumentException(
          kind + " " + pyRepr(meta.getName()) + " is invalid: " + render(v), v, null);
    }
  }

  /** {@code a: x; b: y}, the form used in error messages. */
  public static String render(List<FieldViolation> violations) {
    return violations.stream().map(FieldViolation::toString).collect(Collectors.joining("; "));
  }

  /** Fields the table does not cover: list items, map values, enums, metadata syntax. */
  private static void walkUncovered(
      List<FieldViolation> out, Message msg, String prefix, Set<String> covered) {
    for (FieldDescriptor fd : msg.getDescriptorForType().getFields()) {
      String path = prefix + fd.getJsonName();
      if (covered.contains(path)) {
        continue;
      }
      if (fd.isMapField() || fd.isRepeated()) {
        checkField(out, path, msg, fd, null);
      } else if (fd.getJavaType() == FieldDescriptor.JavaType.ENUM) {
        checkEnum(out, path, fd, msg.getField(fd));
      } else if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE
          && !fd.getMessageType().getFullName().startsWith("google.protobuf.")
          && msg.hasField(fd)) {
        walkUncovered(out, (Message) msg.getField(fd), path + ".", covered);
      }
    }
    if (msg instanceof ObjectMeta meta) {
      validateMeta(out, meta, prefix);
    }
  }

  /**
   * All violations of {@code msg} by the rules of its descriptor (a port of the server's
   * validate_message); {@code prefix} is its JSON path plus a dot. An unset message field of {@code
   * msg} itself is checked as an empty message (a Project without spec lacks {@code
   * spec.owningTeam}); below that level an unset message is not descended into, only its own
   * {@code required} rule applies.
   */
  public static List<FieldViolation> validateMessage(Message msg, String prefix) {
    List<FieldViolation> out = new ArrayList<>();
    validateMessage(out, msg, prefix, true);
    return out;
  }

  private static void validateMessage(
      List<FieldViolation> out, Message msg, String prefix, boolean top) {
    for (FieldDescriptor fd : msg.getDescriptorForType().getFields()) {
      String path = prefix + fd.getJsonName();
      Rule rules = rulesOf(fd, path);
      if (fd.isMapField() || fd.isRepeated()) {
        checkField(out, path, msg, fd, rules);
      } else if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
        boolean present = msg.hasField(fd);
        if (rules != null && rules.required && !present) {
          out.add(violation(path, "required"));
        }
        String sub = fd.getMessageType().getFullName();
        if (sub.startsWith("google.protobuf.")) {
          continue;
        }
        if (present || top) {
          validateMessage(out, (Message) msg.getField(fd), path + ".", false);
        }
      } else {
        checkField(out, path, msg, fd, rules);
      }
    }
    if (msg instanceof ObjectMeta meta) {
      validateMeta(out, meta, prefix);
    }
  }

  private static final Map<FieldDescriptor, Object> RULES_CACHE = new ConcurrentHashMap<>();

  private static Rule rulesOf(FieldDescriptor fd, String path) {
    Object cached =
        RULES_CACHE.computeIfAbsent(
            fd,
            f -> {
              if (!f.getOptions().hasExtension(OptionsProto.field)) {
                return Boolean.FALSE;
              }
              ai.michelangelo.api.FieldOptions o = f.getOptions().getExtension(OptionsProto.field);
              if (!o.hasRules() || o.getRules().getSerializedSize() == 0) {
                return Boolean.FALSE;
              }
              return o.getRules();
            });
    return cached instanceof FieldRules r ? Rule.fromOptions(path, r) : null;
  }

  // ---------------------------------------------------------------------------------------------
  // One field

  private static void checkField(
      List<FieldViolation> out, String path, Message msg, FieldDescriptor fd, Rule rules) {
    if (fd.isMapField()) {
      int count = msg.getRepeatedFieldCount(fd);
      if (rules != null) {
        itemsRules(out, path, count, rules);
      }
      FieldDescriptor keyFd = fd.getMessageType().findFieldByName("key");
      FieldDescriptor valueFd = fd.getMessageType().findFieldByName("value");
      List<Message> entries = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        entries.add((Message) msg.getRepeatedField(fd, i));
      }
      entries.sort(Comparator.comparing(e -> String.valueOf(e.getField(keyFd))));
      for (Message e : entries) {
        String itemPath = mapKeyPath(path, e.getField(keyFd));
        Object v = e.getField(valueFd);
        if (v instanceof Message m) {
          validateMessage(out, m, itemPath + ".", false);
        } else {
          checkEnum(out, itemPath, valueFd, v);
          if (rules != null) {
            checkScalar(out, itemPath, valueFd, v, rules);
          }
        }
      }
    } else if (fd.isRepeated()) {
      int count = msg.getRepeatedFieldCount(fd);
      if (rules != null) {
        itemsRules(out, path, count, rules);
      }
      for (int i = 0; i < count; i++) {
        Object v = msg.getRepeatedField(fd, i);
        String itemPath = path + "[" + i + "]";
        if (v instanceof Message m) {
          validateMessage(out, m, itemPath + ".", false);
        } else {
          checkEnum(out, itemPath, fd, v);
          if (rules != null) {
            checkScalar(out, itemPath, fd, v, rules);
          }
        }
      }
    } else if (fd.getJavaType() == FieldDescriptor.JavaType.MESSAGE) {
      if (rules != null && rules.required && !msg.hasField(fd)) {
        out.add(violation(path, "required"));
      }
    } else {
      Object value = msg.getField(fd);
      boolean present = fd.hasPresence() ? msg.hasField(fd) : !value.equals(fd.getDefaultValue());
      checkEnum(out, path, fd, value);
      if (rules != null && rules.required && !present) {
        out.add(violation(path, "required"));
      } else if (rules != null) {
        checkScalar(out, path, fd, value, rules);
      }
    }
  }

  private static void itemsRules(List<FieldViolation> out, String path, int count, Rule rules) {
    if (rules.required && count == 0) {
      out.add(violation(path, "required"));
    }
    if (rules.minItems != null && count < rules.minItems) {
      out.add(violation(path, "min_items", "n", rules.minItems));
    }
    if (rules.maxItems != null && count > rules.maxItems) {
      out.add(violation(path, "max_items", "n", rules.maxItems));
    }
  }

  private static void checkEnum(
      List<FieldViolation> out, String path, FieldDescriptor fd, Object value) {
    if (!(value instanceof EnumValueDescriptor ev)) {
      return;
    }
    if (ev.getType().findValueByNumber(ev.getNumber()) != null) {
      return;
    }
    String names =
        ev.getType().getValues().stream()
            .filter(v -> v.getNumber() != 0)
            .map(EnumValueDescriptor::getName)
            .collect(Collectors.joining(", "));
    out.add(violation(path, "enum_value", "n", ev.getNumber(), "values", names));
  }

  private static void checkScalar(
      List<FieldViolation> out, String path, FieldDescriptor fd, Object value, Rule rules) {
    if (value instanceof String s) {
      if (s.isEmpty()) {
        return;
      }
      int n = s.codePointCount(0, s.length());
      if (rules.minLen != null && n < rules.minLen) {
        out.add(violation(path, "min_len", "n", rules.minLen));
      }
      if (rules.maxLen != null && n > rules.maxLen) {
        out.add(violation(path, "max_len", "n", rules.maxLen));
      }
      if (!rules.pattern.isEmpty()) {
        Pattern p = compile(rules.pattern);
        if (p != NO_PATTERN && !p.matcher(s).matches()) {
          out.add(violation(path, "pattern", "pattern", rules.pattern));
        }
      }
      String fmt = rules.format;
      if (fmt.equals("dns1123_label") && !isDns1123Label(s)
          || fmt.equals("dns1123_subdomain") && !isDns1123Subdomain(s)
          || fmt.equals("uri") && !isUri(s)
          || fmt.equals("uuid") && !UUID.matcher(s).matches()) {
        out.add(violation(path, "format_" + fmt));
      }
      if (!rules.allowedValues.isEmpty() && !rules.allowedValues.contains(s)) {
        out.add(violation(path, "allowed_values", "values", String.join(", ", rules.allowedValues)));
      }
    } else if (value instanceof ByteString b) {
      if (rules.minLen != null && !b.isEmpty() && b.size() < rules.minLen) {
        out.add(violation(path, "min_bytes", "n", rules.minLen));
      }
      if (rules.maxLen != null && b.size() > rules.maxLen) {
        out.add(violation(path, "max_bytes", "n", rules.maxLen));
      }
    } else if (value instanceof Number num) {
      double x = num.doubleValue();
      // NaN compares false with every bound, so a ranged float must first be finite (as on the
      // server).
      if ((rules.min != null || rules.max != null) && !Double.isFinite(x)) {
        out.add(violation(path, "finite"));
        return;
      }
      if (rules.min != null && x < rules.min) {
        out.add(violation(path, "min", "n", num(rules.min)));
      }
      if (rules.max != null && x > rules.max) {
        out.add(violation(path, "max", "n", num(rules.max)));
      }
    }
  }

  private static Pattern compile(String pattern) {
    return PATTERNS.computeIfAbsent(
        pattern,
        p -> {
          try {
            return Pattern.compile(p);
          } catch (PatternSyntaxException e) {
            return NO_PATTERN; // the linter rejects bad patterns; never fail requests on one
          }
        });
  }

  private static void validateMeta(List<FieldViolation> out, ObjectMeta meta, String prefix) {
    for (String k : meta.getLabelsMap().keySet().stream().sorted().toList()) {
      String path = mapKeyPath(prefix + "labels", k);
      if (!isQualifiedName(k)) {
        out.add(violation(path, "qualified_name"));
      }
      if (!isLabelValue(meta.getLabelsMap().get(k))) {
        out.add(violation(path, "label_value"));
      }
    }
    long size = 0;
    for (String k : meta.getAnnotationsMap().keySet().stream().sorted().toList()) {
      size += utf8(k) + utf8(meta.getAnnotationsMap().get(k));
      if (!isQualifiedName(k)) {
        out.add(violation(mapKeyPath(prefix + "annotations", k), "qualified_name"));
      }
    }
    if (size > ANNOTATIONS_MAX_BYTES) {
      out.add(violation(prefix + "annotations", "annotations_size", "n", ANNOTATIONS_MAX_BYTES));
    }
    for (int i = 0; i < meta.getFinalizersCount(); i++) {
      if (!isQualifiedName(meta.getFinalizers(i))) {
        out.add(violation(prefix + "finalizers[" + i + "]", "qualified_name"));
      }
    }
  }

  private static int utf8(String s) {
    return s.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
  }

  // ---------------------------------------------------------------------------------------------
  // Syntax checks (ma_server/validation.py)

  public static boolean isDns1123Label(String s) {
    return s.length() <= 63 && DNS1123_LABEL.matcher(s).matches();
  }

  public static boolean isDns1123Subdomain(String s) {
    return s.length() <= 253 && DNS1123_SUBDOMAIN.matcher(s).matches();
  }

  public static boolean isUri(String s) {
    if (s.chars().anyMatch(c -> Character.isWhitespace(c) || c < 0x20)) {
      return false;
    }
    int colon = s.indexOf(':');
    if (colon < 0) {
      return false;
    }
    String scheme = s.substring(0, colon);
    String rest = s.substring(colon + 1);
    if (rest.isEmpty() || !URI_SCHEME.matcher(scheme).matches()) {
      return false;
    }
    int cut = rest.length();
    for (char c : new char[] {'#', '?'}) {
      int i = rest.indexOf(c);
      if (i >= 0) {
        cut = Math.min(cut, i);
      }
    }
    rest = rest.substring(0, cut);
    if (rest.startsWith("//")) {
      String afterSlashes = rest.substring(2);
      int slash = afterSlashes.indexOf('/');
      String netloc = slash < 0 ? afterSlashes : afterSlashes.substring(0, slash);
      String path = slash < 0 ? "" : afterSlashes.substring(slash);
      return !netloc.isEmpty() || !path.isEmpty();
    }
    return !rest.isEmpty();
  }

  public static boolean isQualifiedName(String s) {
    int slash = s.lastIndexOf('/');
    String name = s;
    if (slash >= 0) {
      String prefix = s.substring(0, slash);
      if (prefix.isEmpty() || !isDns1123Subdomain(prefix)) {
        return false;
      }
      name = s.substring(slash + 1);
    }
    return !name.isEmpty() && name.length() <= 63 && QUALIFIED_NAME_PART.matcher(name).matches();
  }

  public static boolean isLabelValue(String s) {
    return s.isEmpty() || (s.length() <= 63 && QUALIFIED_NAME_PART.matcher(s).matches());
  }

  // ---------------------------------------------------------------------------------------------
  // Texts

  /** The text of {@code MESSAGES.get(key)} with {@code {name}} parameters filled in. */
  public static String message(String key, Object... params) {
    String text = MESSAGES.get(key);
    if (text == null) {
      throw new IllegalArgumentException("unknown message " + key);
    }
    for (int i = 0; i + 1 < params.length; i += 2) {
      text = text.replace("{" + params[i] + "}", String.valueOf(params[i + 1]));
    }
    return text;
  }

  static FieldViolation violation(String path, String key, Object... params) {
    return new FieldViolation(path, message(key, params));
  }

  /** 4096.0 -> "4096", as the server prints rule bounds. */
  static String num(double x) {
    return x == Math.rint(x) && !Double.isInfinite(x) ? Long.toString((long) x) : Double.toString(x);
  }

  /** {@code path["key"]} with JSON string quoting, as the server writes map entries. */
  static String mapKeyPath(String path, Object key) {
    if (!(key instanceof String s)) {
      return path + "[" + key + "]";
    }
    StringBuilder b = new StringBuilder(path).append("[\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\b' -> b.append("\\b");
        case '\f' -> b.append("\\f");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append("\"]").toString();
  }

  /** Python's repr of a string, as the server quotes names in messages. */
  static String pyRepr(String s) {
    String quote = s.contains("'") && !s.contains("\"") ? "\"" : "'";
    String body = s.replace("\\", "\\\\");
    if (quote.equals("'")) {
      body = body.replace("'", "\\'");
    }
    return quote + body + quote;
  }
}
