package ai.michelangelo.sdk;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks the Java bindings against the shared cross-language test vectors in {@code
 * testdata/vectors} at the repository root (written by {@code ma-codegen vectors} from the Python
 * bindings): every vector must reproduce its binary byte for byte and its proto3 JSON value for
 * value.
 */
class VectorsTest {

  /** Guards against an empty or truncated manifest passing vacuously. */
  private static final int MIN_VECTORS = 50;

  private static final int EXCERPT_LIMIT = 2000;

  @TestFactory
  Stream<DynamicTest> vectors() throws IOException {
    String dirProp = System.getProperty("vectors.dir");
    assertNotNull(dirProp, "system property vectors.dir is not set (surefire sets it in pom.xml)");
    Path dir = Path.of(dirProp).normalize();
    Path manifestPath = dir.resolve("manifest.json");
    assertTrue(Files.isRegularFile(manifestPath), "manifest is missing: " + manifestPath);

    JsonArray entries =
        JsonParser.parseString(Files.readString(manifestPath, StandardCharsets.UTF_8))
            .getAsJsonObject()
            .getAsJsonArray("vectors");
    assertNotNull(entries, "manifest has no \"vectors\" array");
    assertTrue(
        entries.size() >= MIN_VECTORS,
        "manifest lists " + entries.size() + " vectors, want at least " + MIN_VECTORS);

    List<DynamicTest> tests = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonElement e : entries) {
      JsonObject entry = e.getAsJsonObject();
      String name = entry.get("name").getAsString();
      String type = entry.get("type").getAsString();
      assertTrue(seen.add(name), "manifest lists vector " + name + " twice");
      tests.add(DynamicTest.dynamicTest(name, () -> checkVector(dir, name, type)));
    }
    return tests.stream();
  }

  private static void checkVector(Path dir, String name, String type) throws Exception {
    Message prototype = defaultInstance(type);
    byte[] binData = readVectorFile(dir.resolve(name + ".binpb"));
    String jsonText = new String(readVectorFile(dir.resolve(name + ".json")), StandardCharsets.UTF_8);

    Message fromBin = prototype.getParserForType().parseFrom(binData);

    assertAll(
        name,
        // (a) binary -> message -> deterministic binary reproduces the file.
        () -> {
          assertTrue(
              fromBin.getUnknownFields().asMap().isEmpty(),
              name + ": binary has fields unknown to the Java bindings: " + fromBin.getUnknownFields());
          byte[] reBin = serializeDeterministic(fromBin);
          if (!java.util.Arrays.equals(binData, reBin)) {
            fail(
                name
                    + ": deterministic re-serialization differs from "
                    + name
                    + ".binpb:\n"
                    + bytesDiff(binData, reBin));
          }
        },
        // (b) JSON -> message equals the message parsed from binary.
        () -> {
          Message.Builder builder = prototype.newBuilderForType();
          JsonFormat.parser().merge(jsonText, builder);
          Message fromJson = builder.build();
          assertEquals(
              fromBin,
              fromJson,
              () -> name + ": message parsed from JSON differs from message parsed from binary");
        },
        // (c) message -> JSON is the file's JSON value for value.
        () -> {
          String printed = JsonFormat.printer().print(fromBin);
          String diff = jsonDiff("$", JsonParser.parseString(jsonText), JsonParser.parseString(printed));
          if (diff != null) {
            fail(name + ": JsonFormat output differs from " + name + ".json: " + diff);
          }
        });
  }

  /** The generated class of a proto message: michelangelo.api.v2.Project is ai.michelangelo.api.v2.Project. */
  private static Message defaultInstance(String type) throws ReflectiveOperationException {
    Class<?> cls;
    try {
      cls = Class.forName("ai." + type);
    } catch (ClassNotFoundException e) {
      throw new AssertionError("type " + type + " has no generated class ai." + type, e);
    }
    return (Message) cls.getMethod("getDefaultInstance").invoke(null);
  }

  private static byte[] readVectorFile(Path path) throws IOException {
    if (!Files.isRegularFile(path)) {
      fail("vector file listed in the manifest is missing: " + path);
    }
    return Files.readAllBytes(path);
  }

  private static byte[] serializeDeterministic(Message message) throws IOException {
    byte[] out = new byte[message.getSerializedSize()];
    CodedOutputStream stream = CodedOutputStream.newInstance(out);
    stream.useDeterministicSerialization();
    message.writeTo(stream);
    stream.checkNoSpaceLeft();
    return out;
  }

  /** Where two byte strings first differ, with hex context. */
  private static String bytesDiff(byte[] want, byte[] got) {
    int i = 0;
    while (i < want.length && i < got.length && want[i] == got[i]) {
      i++;
    }
    int lo = Math.max(0, i - 16);
    return String.format(
        "  length want %d, got %d; first difference at offset %d%n  want[%d:]: %s%n  got [%d:]: %s",
        want.length, got.length, i, lo, hex(want, lo, i + 32), lo, hex(got, lo, i + 32));
  }

  private static String hex(byte[] b, int from, int to) {
    if (from >= b.length) {
      return "(end)";
    }
    StringBuilder sb = new StringBuilder();
    for (int k = from; k < Math.min(b.length, to); k++) {
      sb.append(String.format("%02x", b[k] & 0xff));
    }
    return sb.toString();
  }

  /**
   * The first path at which two JSON values differ, or null if they are equal. Objects compare
   * without regard to key order, numbers by numeric value (1 equals 1.0), everything else exactly.
   */
  static String jsonDiff(String path, JsonElement want, JsonElement got) {
    if (want.isJsonObject() && got.isJsonObject()) {
      JsonObject w = want.getAsJsonObject();
      JsonObject g = got.getAsJsonObject();
      Set<String> keys = new TreeSet<>(w.keySet());
      keys.addAll(g.keySet());
      for (String k : keys) {
        if (!w.has(k)) {
          return "at " + path + "." + k + ": unexpected key, got " + excerpt(g.get(k));
        }
        if (!g.has(k)) {
          return "at " + path + "." + k + ": key missing, want " + excerpt(w.get(k));
        }
        String d = jsonDiff(path + "." + k, w.get(k), g.get(k));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (want.isJsonArray() && got.isJsonArray()) {
      JsonArray w = want.getAsJsonArray();
      JsonArray g = got.getAsJsonArray();
      if (w.size() != g.size()) {
        return "at " + path + ": want " + w.size() + " elements, got " + g.size();
      }
      for (int i = 0; i < w.size(); i++) {
        String d = jsonDiff(path + "[" + i + "]", w.get(i), g.get(i));
        if (d != null) {
          return d;
        }
      }
      return null;
    }
    if (want.isJsonPrimitive() && got.isJsonPrimitive()) {
      JsonPrimitive w = want.getAsJsonPrimitive();
      JsonPrimitive g = got.getAsJsonPrimitive();
      if (w.isNumber() && g.isNumber()) {
        if (w.getAsBigDecimal().compareTo(g.getAsBigDecimal()) == 0) {
          return null;
        }
      } else if (w.isNumber() == g.isNumber()
          && w.isString() == g.isString()
          && w.isBoolean() == g.isBoolean()
          && w.equals(g)) {
        return null;
      }
    } else if (want.isJsonNull() && got.isJsonNull()) {
      return null;
    }
    return "at " + path + ": want " + excerpt(want) + ", got " + excerpt(got);
  }

  private static String excerpt(JsonElement e) {
    String s = String.valueOf(e);
    return s.length() > EXCERPT_LIMIT ? s.substring(0, EXCERPT_LIMIT) + "…" : s;
  }
}
