package ai.michelangelo.conformance;

import ai.michelangelo.sdk.FieldViolation;
import ai.michelangelo.sdk.MichelangeloException;
import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.MessageOrBuilder;
import com.google.protobuf.util.JsonFormat;

/** Request field access, proto3 JSON conversion and the protocol's Error object. */
final class Json {
  /** Compact, keeps {@code "error": null}, leaves {@code <>&=} as they are. */
  static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

  private static final JsonFormat.Printer PRINTER = JsonFormat.printer();
  private static final JsonFormat.Parser PARSER = JsonFormat.parser();

  private Json() {}

  // -- proto3 JSON ----------------------------------------------------------------------------

  /** The canonical proto3 JSON of {@code message}, as a JSON tree to embed in a response. */
  static JsonElement proto(MessageOrBuilder message) {
    try {
      return JsonParser.parseString(PRINTER.print(message));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("cannot print " + message.getClass().getName(), e);
    }
  }

  /** Merges the proto3 JSON {@code json} into {@code builder}. */
  static <B extends Message.Builder> B merge(JsonElement json, B builder, String what) {
    if (json == null || !json.isJsonObject()) {
      throw new RunnerError(what + " must be a JSON object");
    }
    try {
      PARSER.merge(GSON.toJson(json), builder);
    } catch (InvalidProtocolBufferException e) {
      throw new RunnerError(
          what
              + " is not valid proto3 JSON of "
              + builder.getDescriptorForType().getFullName()
              + ": "
              + e.getMessage(),
          e);
    }
    return builder;
  }

  // -- errors ---------------------------------------------------------------------------------

  /** The protocol's Error object of {@code t}. */
  static JsonObject error(Throwable t) {
    JsonObject e = new JsonObject();
    JsonArray violations = new JsonArray();
    if (t instanceof MichelangeloException m) {
      e.addProperty("code", m.getCode().name());
      e.addProperty("typed", true);
      e.addProperty("type", m.getClass().getSimpleName());
      e.addProperty("message", String.valueOf(m.getMessage()));
      for (FieldViolation v : m.getFieldViolations()) {
        JsonObject fv = new JsonObject();
        fv.addProperty("field", v.field());
        fv.addProperty("description", v.description());
        violations.add(fv);
      }
    } else {
      e.addProperty("code", t instanceof RunnerError ? "RUNNER_ERROR" : "UNKNOWN");
      e.addProperty("typed", false);
      e.addProperty("type", t.getClass().getSimpleName());
      e.addProperty("message", t.getMessage() != null ? t.getMessage() : t.toString());
    }
    e.add("field_violations", violations);
    return e;
  }

  // -- request fields (absent and null are the same) ------------------------------------------

  private static JsonElement field(JsonObject o, String name) {
    JsonElement e = o.get(name);
    return e == null || e.isJsonNull() ? null : e;
  }

  static JsonPrimitive primitive(JsonObject o, String name) {
    JsonElement e = field(o, name);
    if (e == null) {
      return null;
    }
    if (!e.isJsonPrimitive()) {
      throw new RunnerError(name + " must be a string, number or boolean");
    }
    return e.getAsJsonPrimitive();
  }

  static String str(JsonObject o, String name) {
    JsonPrimitive p = primitive(o, name);
    if (p != null && !p.isString()) {
      throw new RunnerError(name + " must be a string");
    }
    return p == null ? null : p.getAsString();
  }

  static String requiredStr(JsonObject o, String name) {
    String s = str(o, name);
    if (s == null) {
      throw new RunnerError("missing field " + name);
    }
    return s;
  }

  static Double num(JsonObject o, String name) {
    JsonPrimitive p = primitive(o, name);
    if (p != null && !p.isNumber()) {
      throw new RunnerError(name + " must be a number");
    }
    return p == null ? null : p.getAsDouble();
  }

  static Long lng(JsonObject o, String name) {
    JsonPrimitive p = primitive(o, name);
    if (p != null && !p.isNumber()) {
      throw new RunnerError(name + " must be a number");
    }
    try {
      return p == null ? null : p.getAsLong();
    } catch (NumberFormatException e) {
      throw new RunnerError(name + " must be an integer", e);
    }
  }

  static Integer integer(JsonObject o, String name) {
    Long v = lng(o, name);
    if (v != null && (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE)) {
      throw new RunnerError(name + " is out of range");
    }
    return v == null ? null : v.intValue();
  }

  static Boolean bool(JsonObject o, String name) {
    JsonPrimitive p = primitive(o, name);
    if (p != null && !p.isBoolean()) {
      throw new RunnerError(name + " must be a boolean");
    }
    return p == null ? null : p.getAsBoolean();
  }

  static boolean bool(JsonObject o, String name, boolean absent) {
    Boolean b = bool(o, name);
    return b == null ? absent : b;
  }

  static JsonObject obj(JsonObject o, String name) {
    JsonElement e = field(o, name);
    if (e != null && !e.isJsonObject()) {
      throw new RunnerError(name + " must be an object");
    }
    return e == null ? null : e.getAsJsonObject();
  }

  static JsonObject requiredObj(JsonObject o, String name) {
    JsonObject v = obj(o, name);
    if (v == null) {
      throw new RunnerError("missing field " + name);
    }
    return v;
  }

  static JsonArray arr(JsonObject o, String name) {
    JsonElement e = field(o, name);
    if (e != null && !e.isJsonArray()) {
      throw new RunnerError(name + " must be a list");
    }
    return e == null ? null : e.getAsJsonArray();
  }
}
