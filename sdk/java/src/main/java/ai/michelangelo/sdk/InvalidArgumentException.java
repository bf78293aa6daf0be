package ai.michelangelo.sdk;

import io.grpc.Status;
import java.util.List;

/** INVALID_ARGUMENT: the request is invalid; {@link #getFieldViolations()} says where. */
public class InvalidArgumentException extends MichelangeloException {
  private static final long serialVersionUID = 1L;

  public InvalidArgumentException(String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(Status.Code.INVALID_ARGUMENT, message, fieldViolations, cause);
  }

  public InvalidArgumentException(String message) {
    this(message, List.of(), null);
  }
}
