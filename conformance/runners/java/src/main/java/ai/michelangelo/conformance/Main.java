package ai.michelangelo.conformance;

import ai.michelangelo.api.Criteria;
import ai.michelangelo.api.ListOptions;
import ai.michelangelo.api.ObjectMeta;
import ai.michelangelo.api.OrderBy;
import ai.michelangelo.api.Preconditions;
import ai.michelangelo.api.WatchOptions;
import ai.michelangelo.api.v2.client.MichelangeloClient;
import ai.michelangelo.sdk.CallOptions;
import ai.michelangelo.sdk.Conflicts;
import ai.michelangelo.sdk.MichelangeloException;
import ai.michelangelo.sdk.Pager;
import ai.michelangelo.sdk.RetrySettings;
import ai.michelangelo.sdk.WatchSettings;
import ai.michelangelo.sdk.Watcher;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java conformance runner (conformance/PROTOCOL.md): JSON-lines requests on stdin, one response
 * line each on stdout, every call made through the generated clients of {@link MichelangeloClient}.
 *
 * <p>{@code --async} (runner name {@code java-async}): every op the clients have an async variant
 * of goes through its {@code CompletableFuture} (see {@link Resource}); the others stay sync.
 */
public final class Main {
  private final PrintStream out;
  private final boolean async;
  private MichelangeloClient client;
  private final Map<String, Resource> resources = new HashMap<>();
  private final Map<String, Iter> handles = new LinkedHashMap<>();

  private Main(PrintStream out, boolean async) {
    this.out = out;
    this.async = async;
  }

  public static void main(String[] args) throws IOException {
    boolean async = false;
    for (String arg : args) {
      if (arg.equals("--async")) {
        async = true;
      } else {
        System.err.println("usage: ma-conformance-runner [--async]");
        System.exit(2);
      }
    }
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, "UTF-8");
    System.setOut(System.err); // stdout carries protocol lines only
    Main runner = new Main(out, async);
    JsonObject hello = new JsonObject();
    hello.addProperty("runner", async ? "java-async" : "java");
    hello.addProperty("protocol", 1);
    runner.send(ok(new JsonPrimitive(0), hello));

    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8), 1 << 16);
    for (String line; (line = in.readLine()) != null; ) {
      if (!line.isBlank()) {
        runner.send(runner.handle(line));
      }
    }
    runner.closeAll();
    out.flush();
    System.exit(0);
  }

  private void send(JsonObject response) {
    out.print(Json.GSON.toJson(response));
    out.print('\n');
    out.flush();
    if (out.checkError()) {
      System.err.println("ma-conformance-runner: stdout is closed; exiting");
      System.exit(1);
    }
  }

  private static JsonObject ok(JsonElement id, JsonElement result) {
    JsonObject r = new JsonObject();
    r.add("id", id);
    r.addProperty("ok", true);
    r.add("result", result);
    return r;
  }

  /** The response to one request line. */
  JsonObject handle(String line) {
    JsonElement id = new JsonPrimitive(0);
    try {
      JsonElement parsed;
      try {
        parsed = JsonParser.parseString(line);
      } catch (JsonParseException e) {
        throw new RunnerError("request is not JSON: " + e.getMessage(), e);
      }
      if (!parsed.isJsonObject()) {
        throw new RunnerError("request is not a JSON object");
      }
      JsonObject req = parsed.getAsJsonObject();
      Long n = Json.lng(req, "id");
      if (n == null) {
        throw new RunnerError("missing field id");
      }
      id = req.get("id");
      return ok(id, dispatch(req, Json.requiredStr(req, "op")));
    } catch (Throwable e) {
      if (!(e instanceof RunnerError || e instanceof MichelangeloException)) {
        e.printStackTrace(); // a runner or SDK bug: the stack goes to the driver's report
      }
      JsonObject r = new JsonObject();
      r.add("id", id);
      r.addProperty("ok", false);
      r.add("error", Json.error(e));
      return r;
    }
  }

  private JsonElement dispatch(JsonObject req, String op) {
    return switch (op) {
      case "connect" -> connect(req);
      case "close" -> {
        closeAll();
        yield new JsonObject();
      }
      case "create" -> {
        Resource r = resource(req);
        yield Json.proto(r.create(r.parse(Json.requiredObj(req, "object")), callOptions(req)));
      }
      case "get" ->
          Json.proto(
              resource(req)
                  .get(
                      Json.str(req, "namespace"), Json.requiredStr(req, "name"), callOptions(req)));
      case "update" -> {
        Resource r = resource(req);
        yield Json.proto(r.update(r.parse(Json.requiredObj(req, "object")), callOptions(req)));
      }
      case "update_status" -> {
        Resource r = resource(req);
        yield Json.proto(
            r.updateStatus(r.parse(Json.requiredObj(req, "object")), callOptions(req)));
      }
      case "delete" -> delete(req);
      case "delete_collection" -> deleteCollection(req);
      case "list" -> {
        JsonArray items = new JsonArray();
        for (Message m : pager(req)) {
          items.add(Json.proto(m));
        }
        JsonObject result = new JsonObject();
        result.add("items", items);
        yield result;
      }
      case "open_list" -> open(req, new Iter.Items(pager(req).iterator()));
      case "open_pages" -> open(req, new Iter.Pages(pager(req).pages().iterator()));
      case "open_watch" -> openWatch(req);
      case "next" -> next(req);
      case "close_iter" -> {
        Iter it = handles.remove(Json.requiredStr(req, "handle"));
        if (it == null) {
          throw new RunnerError("unknown handle " + Json.str(req, "handle"));
        }
        it.close();
        yield new JsonObject();
      }
      case "retry_on_conflict" -> retryOnConflict(req);
      default -> throw new RunnerError("unknown op " + op);
    };
  }

  // -- client ---------------------------------------------------------------------------------

  private JsonElement connect(JsonObject req) {
    closeAll();
    MichelangeloClient.Builder b =
        MichelangeloClient.newBuilder().setTarget(Json.requiredStr(req, "target"));
    // Absent tls is plaintext, as in the other runners (the SDK's own default is TLS).
    b.setTls(Json.bool(req, "tls", false));
    String caFile = Json.str(req, "ca_file");
    if (caFile != null && !caFile.isEmpty()) {
      b.setCaFile(Path.of(caFile));
    }
    String token = Json.str(req, "token");
    if (token != null) {
      if (Json.bool(req, "token_provider", false)) {
        b.setTokenProvider(() -> token); // asked on every attempt, as a refreshing source would be
      } else {
        b.setBearerToken(token);
      }
    }
    String namespace = Json.str(req, "default_namespace");
    if (namespace != null) {
      b.setDefaultNamespace(namespace);
    }
    Long timeoutMs = Json.lng(req, "timeout_ms");
    if (timeoutMs != null) {
      b.setDefaultTimeout(timeoutMs > 0 ? Duration.ofMillis(timeoutMs) : null);
    }
    JsonObject retry = Json.obj(req, "retry");
    if (retry != null) {
      b.setRetrySettings(retry(retry, RetrySettings.defaults()));
    }
    client = b.build();
    return new JsonObject();
  }

  /** Closes every open iterator, then the client. */
  private void closeAll() {
    for (Iter it : handles.values()) {
      try {
        it.close();
      } catch (RuntimeException e) {
        e.printStackTrace();
      }
    }
    handles.clear();
    resources.clear();
    if (client != null) {
      MichelangeloClient c = client;
      client = null;
      c.close();
    }
  }

  private Resource resource(JsonObject req) {
    if (client == null) {
      throw new RunnerError("not connected: send connect first");
    }
    MichelangeloClient c = client;
    return resources.computeIfAbsent(
        Json.requiredStr(req, "resource"), name -> Resource.of(c, name, async));
  }

  // -- options --------------------------------------------------------------------------------

  /** {@code base} with the fields of the protocol's Retry object that are present. */
  static RetrySettings retry(JsonObject r, RetrySettings base) {
    RetrySettings.Builder b = base.toBuilder();
    try {
      Double initial = Json.num(r, "initial_ms");
      Double max = Json.num(r, "max_ms");
      Double multiplier = Json.num(r, "multiplier");
      Integer attempts = Json.integer(r, "attempts");
      Double attemptTimeout = Json.num(r, "attempt_timeout_ms");
      if (initial != null) {
        b.setInitialBackoff(millis(initial));
      }
      if (max != null) {
        b.setMaxBackoff(millis(max));
      }
      if (multiplier != null) {
        b.setMultiplier(multiplier);
      }
      if (attempts != null) {
        b.setMaxAttempts(attempts);
      }
      if (attemptTimeout != null) {
        b.setAttemptTimeout(attemptTimeout > 0 ? millis(attemptTimeout) : null);
      }
      JsonPrimitive jitter = Json.primitive(r, "jitter");
      if (jitter != null) {
        // Full jitter or none; a number (an older fraction form) counts as on unless 0.
        b.setJitter(jitter.isBoolean() ? jitter.getAsBoolean() : jitter.getAsDouble() != 0);
      }
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new RunnerError("invalid retry " + r + ": " + e.getMessage(), e);
    }
  }

  private static Duration millis(double ms) {
    return Duration.ofNanos(Math.round(ms * 1_000_000));
  }

  /**
   * The per-call options: {@code call.timeout_ms}, {@code call.retry}, {@code
   * call.idempotency_key}, {@code call.metadata}, dry_run, validate.
   */
  private static CallOptions callOptions(JsonObject req) {
    CallOptions.Builder b = CallOptions.newBuilder();
    JsonObject call = Json.obj(req, "call");
    if (call != null) {
      Long timeoutMs = Json.lng(call, "timeout_ms");
      if (timeoutMs != null) {
        if (timeoutMs <= 0) {
          throw new RunnerError("call.timeout_ms must be positive");
        }
        b.setTimeout(Duration.ofMillis(timeoutMs));
      }
      JsonObject retry = Json.obj(call, "retry");
      if (retry != null) {
        b.setRetrySettings(retry(retry, RetrySettings.defaults()));
      }
      String key = Json.str(call, "idempotency_key");
      if (key != null) {
        try {
          b.setIdempotencyKey(key);
        } catch (IllegalArgumentException e) {
          throw new RunnerError("invalid call.idempotency_key: " + e.getMessage(), e);
        }
      }
      JsonObject metadata = Json.obj(call, "metadata");
      if (metadata != null) {
        for (String k : metadata.keySet()) {
          try {
            b.addMetadata(k, Json.requiredStr(metadata, k));
          } catch (IllegalArgumentException e) {
            throw new RunnerError("invalid call.metadata key " + k + ": " + e.getMessage(), e);
          }
        }
      }
    }
    b.setDryRun(Json.bool(req, "dry_run", false));
    b.setValidate(Json.bool(req, "validate", true));
    return b.build();
  }

  /** label_selector, field_selector, criteria, order_by, limit, resource_version. */
  private static ListOptions listOptions(JsonObject req) {
    ListOptions.Builder b = ListOptions.newBuilder();
    String label = Json.str(req, "label_selector");
    if (label != null) {
      b.setLabelSelector(label);
    }
    String field = Json.str(req, "field_selector");
    if (field != null) {
      b.setFieldSelector(field);
    }
    JsonObject criteria = Json.obj(req, "criteria");
    if (criteria != null) {
      b.setCriteria(Json.merge(criteria, Criteria.newBuilder(), "criteria"));
    }
    JsonArray orderBy = Json.arr(req, "order_by");
    if (orderBy != null) {
      for (JsonElement e : orderBy) {
        if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
          String path = e.getAsString();
          boolean descending = path.startsWith("-");
          b.addOrderBy(
              OrderBy.newBuilder()
                  .setField(descending ? path.substring(1) : path)
                  .setDescending(descending));
        } else {
          b.addOrderBy(Json.merge(e, OrderBy.newBuilder(), "order_by item"));
        }
      }
    }
    Integer limit = Json.integer(req, "limit");
    if (limit != null) {
      b.setLimit(limit);
    }
    String version = Json.str(req, "resource_version");
    if (version != null) {
      b.setResourceVersion(version);
    }
    return b.build();
  }

  // -- ops ------------------------------------------------------------------------------------

  private JsonElement delete(JsonObject req) {
    Resource r = resource(req);
    String uid = Json.str(req, "uid");
    String version = Json.str(req, "resource_version");
    Preconditions pre = null;
    if (uid != null || version != null) {
      Preconditions.Builder p = Preconditions.newBuilder();
      if (uid != null) {
        p.setUid(uid);
      }
      if (version != null) {
        p.setResourceVersion(version);
      }
      pre = p.build();
    }
    return Json.proto(
        r.delete(Json.str(req, "namespace"), Json.requiredStr(req, "name"), pre, callOptions(req)));
  }

  private JsonElement deleteCollection(JsonObject req) {
    Message list =
        resource(req)
            .deleteCollection(Json.str(req, "namespace"), listOptions(req), callOptions(req));
    FieldDescriptor itemsField = list.getDescriptorForType().findFieldByName("items");
    JsonArray items = new JsonArray();
    for (int i = 0; i < list.getRepeatedFieldCount(itemsField); i++) {
      items.add(Json.proto((Message) list.getRepeatedField(itemsField, i)));
    }
    JsonObject result = new JsonObject();
    result.add("items", items);
    return result;
  }

  private Pager<Message> pager(JsonObject req) {
    return resource(req).list(Json.str(req, "namespace"), listOptions(req), callOptions(req));
  }

  /** Registers an iterator under {@code handle}, closing one still open under that name. */
  private JsonElement open(JsonObject req, Iter it) {
    Iter old = handles.put(Json.requiredStr(req, "handle"), it);
    if (old != null) {
      old.close();
    }
    return new JsonObject();
  }

  private JsonElement openWatch(JsonObject req) {
    String handle = Json.requiredStr(req, "handle");
    Resource r = resource(req);
    WatchOptions.Builder o = WatchOptions.newBuilder();
    String version = Json.str(req, "resource_version");
    if (version != null) {
      o.setResourceVersion(version);
    }
    String label = Json.str(req, "label_selector");
    if (label != null) {
      o.setLabelSelector(label);
    }
    String field = Json.str(req, "field_selector");
    if (field != null) {
      o.setFieldSelector(field);
    }
    // The SDK sends allow_bookmarks=true on every watch stream whatever is set here.
    o.setAllowBookmarks(Json.bool(req, "allow_bookmarks", true));
    java.util.concurrent.atomic.AtomicInteger relists =
        new java.util.concurrent.atomic.AtomicInteger();
    WatchSettings.Builder s =
        WatchSettings.newBuilder()
            .setRelistOnExpired(Json.bool(req, "relist_on_expired", true))
            .setOnRelist(relists::incrementAndGet);
    JsonObject call = Json.obj(req, "call");
    if (call != null) {
      // Java watches take no CallOptions: the retry becomes the reconnect backoff (fields
      // omitted keep the watch's default reconnect settings); the timeout has no equivalent.
      JsonObject retry = Json.obj(call, "retry");
      if (retry != null) {
        s.setReconnect(retry(retry, WatchSettings.defaults().getReconnect()));
      }
      if (Json.lng(call, "timeout_ms") != null) {
        System.err.println("ma-conformance-runner: call.timeout_ms of open_watch is ignored");
      }
      if (Json.obj(call, "metadata") != null || Json.str(call, "idempotency_key") != null) {
        System.err.println("ma-conformance-runner: call.metadata of open_watch is ignored");
      }
    }
    Watcher<Message> watcher = r.watch(Json.str(req, "namespace"), o.build(), s.build());
    return open(req, new Iter.Watch(watcher, handle, relists, async));
  }

  private JsonElement next(JsonObject req) {
    String handle = Json.requiredStr(req, "handle");
    Iter it = handles.get(handle);
    if (it == null) {
      throw new RunnerError("unknown handle " + handle);
    }
    Integer max = Json.integer(req, "max");
    if (max == null || max < 1) {
      throw new RunnerError("max must be an integer >= 1");
    }
    Long waitMs = Json.lng(req, "wait_ms");
    return it.next(max, waitMs == null ? 0 : waitMs);
  }

  private JsonElement retryOnConflict(JsonObject req) {
    Resource r = resource(req);
    String namespace = Json.str(req, "namespace");
    String name = Json.requiredStr(req, "name");
    Map<String, String> labels = new LinkedHashMap<>();
    JsonObject set = Json.obj(req, "set_labels");
    if (set != null) {
      for (String key : set.keySet()) {
        labels.put(key, Json.requiredStr(set, key));
      }
    }
    CallOptions options = callOptions(req);
    int[] attempts = {0};
    Message result =
        Conflicts.retryOnConflict(
            () -> {
              attempts[0]++;
              Message current = r.get(namespace, name, options);
              return r.update(withLabels(current, labels), options);
            });
    JsonObject out = new JsonObject();
    out.add("object", Json.proto(result));
    out.addProperty("attempts", attempts[0]);
    return out;
  }

  /** {@code object} with {@code labels} set on its metadata.labels. */
  private static Message withLabels(Message object, Map<String, String> labels) {
    FieldDescriptor metadata = object.getDescriptorForType().findFieldByName("metadata");
    ObjectMeta meta = (ObjectMeta) object.getField(metadata);
    return object.toBuilder()
        .setField(metadata, meta.toBuilder().putAllLabels(labels).build())
        .build();
  }
}
