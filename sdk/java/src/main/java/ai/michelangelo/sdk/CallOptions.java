package ai.michelangelo.sdk;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Per-call options, immutable; unset values fall back to the {@link ClientSettings}.
 *
 * <p>The timeout bounds the whole logical call: every attempt and every backoff wait between
 * attempts. Each attempt's gRPC deadline is the time that remains (or the retry settings' {@link
 * RetrySettings#getAttemptTimeout() attempt timeout}, whichever is shorter); when the timeout is
 * reached the call ends with {@link DeadlineExceededException}. For a {@link Pager} each page is
 * one logical call with its own timeout. Watches have no deadline.
 *
 * <p>Writes (create, update, updateStatus, delete, deleteCollection) send an {@code
 * idempotency-key}: {@link #getIdempotencyKey()} when set, else a random UUID per logical call, the
 * same on every attempt, so a retried write whose first response was lost is not applied twice.
 * Reads send none.
 */
public final class CallOptions {
  private static final CallOptions DEFAULTS = newBuilder().build();

  private final Duration timeout;
  private final RetrySettings retrySettings;
  private final boolean dryRun;
  private final boolean validate;
  private final String idempotencyKey;
  private final List<Map.Entry<String, String>> metadata;

  private CallOptions(Builder b) {
    this.timeout = b.timeout;
    this.retrySettings = b.retrySettings;
    this.dryRun = b.dryRun;
    this.validate = b.validate;
    this.idempotencyKey = b.idempotencyKey;
    this.metadata = List.copyOf(b.metadata);
  }

  /** No overrides. */
  public static CallOptions defaults() {
    return DEFAULTS;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  /** Shorthand for {@code newBuilder().setTimeout(timeout).build()}. */
  public static CallOptions withTimeout(Duration timeout) {
    return newBuilder().setTimeout(timeout).build();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.timeout = timeout;
    b.retrySettings = retrySettings;
    b.dryRun = dryRun;
    b.validate = validate;
    b.idempotencyKey = idempotencyKey;
    b.metadata.addAll(metadata);
    return b;
  }

  /** The timeout of the whole call (attempts and backoff), or null for the client's default. */
  public Duration getTimeout() {
    return timeout;
  }

  /**
   * The retry settings, or null for the client's default. When set they are used as given, for
   * every method: {@code RetrySettings.none()} disables retries of this call.
   */
  public RetrySettings getRetrySettings() {
    return retrySettings;
  }

  /** Create, Update, UpdateStatus, Delete, DeleteCollection: validate without storing. */
  public boolean isDryRun() {
    return dryRun;
  }

  /** Validate objects on the client before Create, Update and UpdateStatus (default true). */
  public boolean isValidate() {
    return validate;
  }

  /** The idempotency key of a write, or null for a random one per call. Reads ignore it. */
  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  /** Extra request metadata (gRPC headers) sent with every attempt, in order. */
  public List<Map.Entry<String, String>> getMetadata() {
    return metadata;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CallOptions c
        && Objects.equals(timeout, c.timeout)
        && Objects.equals(retrySettings, c.retrySettings)
        && dryRun == c.dryRun
        && validate == c.validate
        && Objects.equals(idempotencyKey, c.idempotencyKey)
        && metadata.equals(c.metadata);
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, retrySettings, dryRun, validate, idempotencyKey, metadata);
  }

  /** Metadata values are left out (they may carry credentials); only their keys are shown. */
  @Override
  public String toString() {
    return "CallOptions{timeout="
        + timeout
        + ", retrySettings="
        + retrySettings
        + ", dryRun="
        + dryRun
        + ", validate="
        + validate
        + ", idempotencyKey="
        + idempotencyKey
        + ", metadataKeys="
        + metadata.stream().map(Map.Entry::getKey).toList()
        + "}";
  }

  /** Builder of {@link CallOptions}. */
  public static final class Builder {
    private Duration timeout;
    private RetrySettings retrySettings;
    private boolean dryRun;
    private boolean validate = true;
    private String idempotencyKey;
    private final List<Map.Entry<String, String>> metadata = new ArrayList<>();

    private Builder() {}

    /** The timeout of the whole call, retries and backoff included (null: the client's). */
    public Builder setTimeout(Duration timeout) {
      if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
        throw new IllegalArgumentException("timeout must be positive");
      }
      this.timeout = timeout;
      return this;
    }

    public Builder setRetrySettings(RetrySettings retrySettings) {
      this.retrySettings = retrySettings;
      return this;
    }

    public Builder setDryRun(boolean dryRun) {
      this.dryRun = dryRun;
      return this;
    }

    public Builder setValidate(boolean validate) {
      this.validate = validate;
      return this;
    }

    /**
     * The idempotency key of this write (printable ASCII, 1 to 128 characters, as the server
     * accepts), e.g. one kept by the caller across its own retries; null for a random UUID.
     */
    public Builder setIdempotencyKey(String idempotencyKey) {
      if (idempotencyKey != null
          && (idempotencyKey.isEmpty()
              || idempotencyKey.length() > 128
              || !idempotencyKey.chars().allMatch(c -> c >= 0x20 && c < 0x7f))) {
        throw new IllegalArgumentException(
            "idempotency key must be 1 to 128 printable ASCII characters");
      }
      this.idempotencyKey = idempotencyKey;
      return this;
    }

    /**
     * Adds a request metadata entry (an ASCII gRPC header; the key is lower-cased by gRPC rules and
     * may not end in {@code -bin}). Repeating a key sends several values.
     */
    public Builder addMetadata(String key, String value) {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (key.endsWith(io.grpc.Metadata.BINARY_HEADER_SUFFIX)) {
        throw new IllegalArgumentException("binary metadata is not supported: " + key);
      }
      io.grpc.Metadata.Key.of(key, io.grpc.Metadata.ASCII_STRING_MARSHALLER); // validates the key
      metadata.add(Map.entry(key, value));
      return this;
    }

    public CallOptions build() {
      return new CallOptions(this);
    }
  }
}
