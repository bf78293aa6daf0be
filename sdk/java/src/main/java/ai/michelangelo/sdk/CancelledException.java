package ai.michelangelo.sdk;

import io.grpc.Status;
import java.util.List;

/** CANCELLED: the call was cancelled, usually by the caller. */
public class CancelledException extends MichelangeloException {
  private static final long serialVersionUID = 1L;

  public CancelledException(String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(Status.Code.CANCELLED, message, fieldViolations, cause);
  }

  public CancelledException(String message) {
    this(message, List.of(), null);
  }
}
