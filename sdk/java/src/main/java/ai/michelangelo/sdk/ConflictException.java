package ai.michelangelo.sdk;

import io.grpc.Status;
import java.util.List;

/** ABORTED: a stale {@code metadata.resourceVersion}; read again and retry, e.g. with {@link Conflicts#retryOnConflict}. */
public class ConflictException extends MichelangeloException {
  private static final long serialVersionUID = 1L;

  public ConflictException(String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(Status.Code.ABORTED, message, fieldViolations, cause);
  }

  public ConflictException(String message) {
    this(message, List.of(), null);
  }
}
