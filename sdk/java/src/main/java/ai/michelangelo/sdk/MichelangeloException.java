package ai.michelangelo.sdk;

import com.google.rpc.BadRequest;
import com.google.rpc.RetryInfo;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The one (unchecked) exception of the SDK: a failed call with its gRPC status code, the server's
 * message and, for invalid requests, the field violations. Every code has its own subclass made by
 * {@link #from(Throwable)}, so callers catch {@link NotFoundException}, {@link ConflictException}
 * and so on rather than comparing codes.
 */
public class MichelangeloException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final Status.Code code;
  private final transient List<FieldViolation> fieldViolations;
  private transient Duration retryDelay;

  public MichelangeloException(
      Status.Code code, String message, List<FieldViolation> fieldViolations, Throwable cause) {
    super(message, cause);
    this.code = code;
    this.fieldViolations = fieldViolations == null ? List.of() : List.copyOf(fieldViolations);
  }

  /** The gRPC status code, e.g. {@code NOT_FOUND}. */
  public Status.Code getCode() {
    return code;
  }

  /** Field violations sent by the server (google.rpc.BadRequest) or found by client validation. */
  public List<FieldViolation> getFieldViolations() {
    return fieldViolations;
  }

  /**
   * The server's {@code google.rpc.RetryInfo} delay (the least time to wait before trying again),
   * or null when the status carried none.
   */
  public Duration getRetryDelay() {
    return retryDelay;
  }

  /**
   * True when repeating the same call may succeed: UNAVAILABLE, and RESOURCE_EXHAUSTED when the
   * server said so with a {@code google.rpc.RetryInfo} (a message-size RESOURCE_EXHAUSTED has none
   * and would fail again).
   */
  public boolean isRetryable() {
    return code == Status.Code.UNAVAILABLE
        || (code == Status.Code.RESOURCE_EXHAUSTED && retryDelay != null);
  }

  /**
   * The SDK exception for any throwable of a call: a gRPC status exception becomes the subclass of
   * its code; a MichelangeloException (also wrapped in CompletionException or ExecutionException)
   * is returned as is; anything else is UNKNOWN.
   */
  public static MichelangeloException from(Throwable t) {
    if (t instanceof MichelangeloException e) {
      return e;
    }
    if ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      return from(t.getCause());
    }
    if (t instanceof StatusRuntimeException || t instanceof StatusException) {
      return fromStatus(Status.fromThrowable(t), t);
    }
    return new MichelangeloException(Status.Code.UNKNOWN, String.valueOf(t), List.of(), t);
  }

  /** The subclass of {@code e}'s code, with the server's field violations. */
  public static MichelangeloException from(StatusRuntimeException e) {
    return fromStatus(e.getStatus(), e);
  }

  private static MichelangeloException fromStatus(Status status, Throwable cause) {
    String message =
        status.getDescription() != null ? status.getDescription() : status.getCode().name();
    Status.Code code = status.getCode();
    if (code == Status.Code.UNKNOWN && status.getCause() instanceof ClosedChannelException) {
      // grpc-java's Netty transport reports a connection lost while a call was being sent (e.g. to
      // an instance that just died) as UNKNOWN "channel closed" when the ClosedChannelException has
      // no cause, as UNAVAILABLE when it has one (grpc/grpc-java#10120). Only the client makes such
      // a status (one from the server carries no Java cause): the connection is gone, so it is
      // UNAVAILABLE here too, retried like it (a write with its idempotency key) and a watch
      // reconnects.
      code = Status.Code.UNAVAILABLE;
    }
    com.google.rpc.Status details = details(cause);
    MichelangeloException e = create(code, message, violations(details), cause);
    e.retryDelay = retryDelay(details);
    return e;
  }

  private static com.google.rpc.Status details(Throwable t) {
    try {
      return StatusProto.fromThrowable(t);
    } catch (RuntimeException e) {
      return null; // malformed grpc-status-details-bin: the status code and message still count
    }
  }

  private static Duration retryDelay(com.google.rpc.Status status) {
    if (status == null) {
      return null;
    }
    for (com.google.protobuf.Any any : status.getDetailsList()) {
      if (any.is(RetryInfo.class)) {
        try {
          com.google.protobuf.Duration d = any.unpack(RetryInfo.class).getRetryDelay();
          return Duration.ofSeconds(Math.max(0, d.getSeconds()), Math.max(0, d.getNanos()));
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          return null;
        }
      }
    }
    return null;
  }

  /** The one factory of subclasses by code. */
  public static MichelangeloException create(
      Status.Code code, String message, List<FieldViolation> violations, Throwable cause) {
    return switch (code) {
      case NOT_FOUND -> new NotFoundException(message, violations, cause);
      case ALREADY_EXISTS -> new AlreadyExistsException(message, violations, cause);
      case ABORTED -> new ConflictException(message, violations, cause);
      case INVALID_ARGUMENT -> new InvalidArgumentException(message, violations, cause);
      case FAILED_PRECONDITION -> new FailedPreconditionException(message, violations, cause);
      case UNAVAILABLE -> new UnavailableException(message, violations, cause);
      case DEADLINE_EXCEEDED -> new DeadlineExceededException(message, violations, cause);
      case OUT_OF_RANGE -> new ExpiredException(message, violations, cause);
      case PERMISSION_DENIED -> new PermissionDeniedException(message, violations, cause);
      case UNAUTHENTICATED -> new UnauthenticatedException(message, violations, cause);
      case RESOURCE_EXHAUSTED -> new ResourceExhaustedException(message, violations, cause);
      case CANCELLED -> new CancelledException(message, violations, cause);
      case INTERNAL -> new InternalException(message, violations, cause);
      case UNIMPLEMENTED -> new UnimplementedException(message, violations, cause);
      default -> new MichelangeloException(code, message, violations, cause);
    };
  }

  private static List<FieldViolation> violations(com.google.rpc.Status status) {
    List<FieldViolation> out = new ArrayList<>();
    if (status == null) {
      return out;
    }
    for (com.google.protobuf.Any any : status.getDetailsList()) {
      if (any.is(BadRequest.class)) {
        try {
          for (BadRequest.FieldViolation v :
              any.unpack(BadRequest.class).getFieldViolationsList()) {
            out.add(new FieldViolation(v.getField(), v.getDescription()));
          }
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
          // a malformed detail is ignored; the message still says what is wrong
        }
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "(" + code + "): " + getMessage();
  }
}
