package ai.michelangelo.sdk;

import io.grpc.Status;
import java.util.List;

/** RESOURCE_EXHAUSTED: a quota or rate limit was hit; retryable. */
public class ResourceExhaustedException extends MichelangeloException {
  private static final long serialVersionUID = 1L;

  public ResourceExhaustedException(String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(Status.Code.RESOURCE_EXHAUSTED, message, fieldViolations, cause);
  }

  public ResourceExhaustedException(String message) {
    this(message, List.of(), null);
  }
}
