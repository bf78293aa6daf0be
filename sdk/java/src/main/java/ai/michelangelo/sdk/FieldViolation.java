package ai.michelangelo.sdk;

import java.util.Objects;

/**
 * One invalid field of a request: a path with JSON field names such as {@code spec.owningTeam} or
 * {@code metadata.labels["a b"]}, and what is wrong with it, word for word as the server says it.
 */
public record FieldViolation(String field, String description) {
  public FieldViolation {
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(description, "description");
  }

  /** {@code field: description}, the form used in error messages. */
  @Override
  public String toString() {
    return field + ": " + description;
  }
}
