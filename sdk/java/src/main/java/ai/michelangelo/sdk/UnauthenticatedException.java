package ai.michelangelo.sdk;

import io.grpc.Status;
import java.util.List;

/** UNAUTHENTICATED: missing or invalid credentials. */
public class UnauthenticatedException extends MichelangeloException {
  private static final long serialVersionUID = 1L;

  public UnauthenticatedException(String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(Status.Code.UNAUTHENTICATED, message, fieldViolations, cause);
  }

  public UnauthenticatedException(String message) {
    this(message, List.of(), null);
  }
}
