package ai.michelangelo.sdk;

import io.grpc.Status;
import java.util.List;

/** ALREADY_EXISTS: an object with that name exists (Create). */
public class AlreadyExistsException extends MichelangeloException {
  private static final long serialVersionUID = 1L;

  public AlreadyExistsException(String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(Status.Code.ALREADY_EXISTS, message, fieldViolations, cause);
  }

  public AlreadyExistsException(String message) {
    this(message, List.of(), null);
  }
}
