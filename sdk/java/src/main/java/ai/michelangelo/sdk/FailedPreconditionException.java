package ai.michelangelo.sdk;

import io.grpc.Status;
import java.util.List;

/** FAILED_PRECONDITION: delete preconditions (uid, resourceVersion) did not hold. */
public class FailedPreconditionException extends MichelangeloException {
  private static final long serialVersionUID = 1L;

  public FailedPreconditionException(String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(Status.Code.FAILED_PRECONDITION, message, fieldViolations, cause);
  }

  public FailedPreconditionException(String message) {
    this(message, List.of(), null);
  }
}
