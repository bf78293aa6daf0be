package ai.michelangelo.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.michelangelo.api.ObjectMeta;
import ai.michelangelo.api.OptionsProto;
import ai.michelangelo.api.v2.Pipeline;
import ai.michelangelo.api.v2.PipelineGitRef;
import ai.michelangelo.api.v2.PipelineSchedule;
import ai.michelangelo.api.v2.PipelineSpec;
import ai.michelangelo.api.v2.PipelineType;
import ai.michelangelo.api.v2.client.PipelineClient;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Field-rule patterns are RE2 with RE2 semantics (re2j), as in Go, Python and the server. */
class ValidationTest {

  static Pipeline pipeline(String cron) {
    return Pipeline.newBuilder()
        .setMetadata(ObjectMeta.newBuilder().setNamespace("eta").setName("train-eta"))
        .setSpec(
            PipelineSpec.newBuilder()
                .setPipelineType(PipelineType.PIPELINE_TYPE_TRAIN)
                .setGitRef(PipelineGitRef.newBuilder().setRepo("https://git.example.com/ml/eta"))
                .setSchedule(PipelineSchedule.newBuilder().setCron(cron)))
        .build();
  }

  static List<FieldViolation> validate(Pipeline p, List<Validation.Rule> rules) {
    return Validation.validateObject(
        p, PipelineClient.API_VERSION, PipelineClient.KIND, true, rules);
  }

  @Test
  void cronPatternHasRe2Semantics() {
    String pattern =
        PipelineSchedule.getDescriptor()
            .findFieldByName("cron")
            .getOptions()
            .getExtension(OptionsProto.field)
            .getRules()
            .getPattern();
    assertEquals(List.of(), validate(pipeline("0 3 * * *"), PipelineClient.RULES));
    // RE2's \s is ASCII only (Python's re would match U+00A0): "0\u00a00" is one field, so the
    // value has four fields. Go, Python and the server reject it the same way.
    Pipeline nbsp = pipeline("0\u00a00 * * *");
    List<FieldViolation> want =
        List.of(
            new FieldViolation(
                "spec.schedule.cron", "must match the regular expression " + pattern));
    assertEquals(want, validate(nbsp, PipelineClient.RULES));
    assertEquals(want, Validation.validateMessage(nbsp, ""));
  }

  static Stream<Arguments> patterns() {
    return Stream.of(
        Arguments.of("[0-9]+", "12", true),
        // The whole value must match, as Go's ^(?:p)$ and Python's fullmatch.
        Arguments.of("[0-9]+", "12a", false),
        Arguments.of("[0-9]+", "a12", false),
        Arguments.of("a|ab", "ab", true),
        // RE2's POSIX classes; java.util.regex reads [[:digit:]] as a set of characters.
        Arguments.of("[[:digit:]]{3}", "123", true),
        // RE2's . matches \r; java.util.regex's does not.
        Arguments.of("a.c", "a\rc", true),
        Arguments.of("\\d+", "\u0663", false),
        // RE2 cannot compile a lookahead: lint rejects it in the protos, requests never fail on it.
        Arguments.of("(?=b)a", "a", true));
  }

  @ParameterizedTest
  @MethodSource("patterns")
  void patternsMatchWholeValuesWithRe2Semantics(String pattern, String value, boolean ok) {
    Validation.Rule rule =
        Validation.rule("spec.schedule.cron", "spec.schedule.cron", Validation.ValueKind.STRING)
            .pattern(pattern)
            .build();
    List<FieldViolation> want =
        ok
            ? List.of()
            : List.of(
                new FieldViolation(
                    "spec.schedule.cron", "must match the regular expression " + pattern));
    assertEquals(want, validate(pipeline(value), List.of(rule)));
  }
}
