package ai.michelangelo.sdk;

import io.grpc.Status;
import java.util.List;

/** NOT_FOUND: the object does not exist. */
public class NotFoundException extends MichelangeloException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(Status.Code.NOT_FOUND, message, fieldViolations, cause);
  }

  public NotFoundException(String message) {
    this(message, List.of(), null);
  }
}
