package ai.michelangelo.sdk;

import io.grpc.Status;
import java.util.List;

/** OUT_OF_RANGE: a resource version older than the server keeps (compacted); list again. */
public class ExpiredException extends MichelangeloException {
  private static final long serialVersionUID = 1L;

  public ExpiredException(String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(Status.Code.OUT_OF_RANGE, message, fieldViolations, cause);
  }

  public ExpiredException(String message) {
    this(message, List.of(), null);
  }
}
