package ai.michelangelo.sdk;

import io.grpc.Status;
import java.util.List;

/** UNAVAILABLE: the server could not be reached or is shutting down; retryable. */
public class UnavailableException extends MichelangeloException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(Status.Code.UNAVAILABLE, message, fieldViolations, cause);
  }

  public UnavailableException(String message) {
    this(message, List.of(), null);
  }
}
