package ai.michelangelo.sdk;

import io.grpc.Status;
import java.util.List;

/** INTERNAL: a server bug. */
public class InternalException extends MichelangeloException {
  private static final long serialVersionUID = 1L;

  public InternalException(String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(Status.Code.INTERNAL, message, fieldViolations, cause);
  }

  public InternalException(String message) {
    this(message, List.of(), null);
  }
}
