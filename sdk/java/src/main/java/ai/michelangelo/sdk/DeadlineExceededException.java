package ai.michelangelo.sdk;

import io.grpc.Status;
import java.util.List;

/** DEADLINE_EXCEEDED: the call's timeout passed. */
public class DeadlineExceededException extends MichelangeloException {
  private static final long serialVersionUID = 1L;

  public DeadlineExceededException(String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(Status.Code.DEADLINE_EXCEEDED, message, fieldViolations, cause);
  }

  public DeadlineExceededException(String message) {
    this(message, List.of(), null);
  }
}
