package ai.michelangelo.sdk;

import io.grpc.Status;
import java.util.List;

/** UNIMPLEMENTED: the server does not know the method. */
public class UnimplementedException extends MichelangeloException {
  private static final long serialVersionUID = 1L;

  public UnimplementedException(String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(Status.Code.UNIMPLEMENTED, message, fieldViolations, cause);
  }

  public UnimplementedException(String message) {
    this(message, List.of(), null);
  }
}
