package ai.michelangelo.conformance;

/** A malformed request (unknown op, missing or ill-typed field): answered with RUNNER_ERROR. */
final class RunnerError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  RunnerError(String message) {
    super(message);
  }

  RunnerError(String message, Throwable cause) {
    super(message, cause);
  }
}
