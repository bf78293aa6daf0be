package ai.michelangelo.sdk;

import io.grpc.Status;
import java.util.List;

/** PERMISSION_DENIED: the caller may not do this. */
public class PermissionDeniedException extends MichelangeloException {
  private static final long serialVersionUID = 1L;

  public PermissionDeniedException(String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(Status.Code.PERMISSION_DENIED, message, fieldViolations, cause);
  }

  public PermissionDeniedException(String message) {
    this(message, List.of(), null);
  }
}
