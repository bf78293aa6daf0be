package ai.michelangelo.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * Per-call options, immutable; unset values fall back to the {@link ClientSettings}. A timeout
 * becomes the call's gRPC deadline (for a {@link Pager}, every page gets the full timeout).
 */
public final class CallOptions {
  private static final CallOptions DEFAULTS = newBuilder().build();

  private final Duration timeout;
  private final RetrySettings retrySettings;
  private final boolean dryRun;
  private final boolean validate;

  private CallOptions(Builder b) {
    this.timeout = b.timeout;
    this.retrySettings = b.retrySettings;
    this.dryRun = b.dryRun;
    this.validate = b.validate;
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
    return b;
  }

  /** The per-call timeout, or null for the client's default. */
  public Duration getTimeout() {
    return timeout;
  }

  /** The retry settings, or null for the client's default. */
  public RetrySettings getRetrySettings() {
    return retrySettings;
  }

  /** Create, Update, UpdateStatus, Delete, DeleteCollection: validate without storing. */
  public boolean isDryRun() {
    return dryRun;
  }

  /** Validate objects on the client before Create/Update (default true). */
  public boolean isValidate() {
    return validate;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CallOptions c
        && Objects.equals(timeout, c.timeout)
        && Objects.equals(retrySettings, c.retrySettings)
        && dryRun == c.dryRun
        && validate == c.validate;
  }

  @Override
  public int hashCode() {
    return Objects.hash(timeout, retrySettings, dryRun, validate);
  }

  @Override
  public String toString() {
    return "CallOptions{timeout=" + timeout + ", retrySettings=" + retrySettings + ", dryRun="
        + dryRun + ", validate=" + validate + "}";
  }

  /** Builder of {@link CallOptions}. */
  public static final class Builder {
    private Duration timeout;
    private RetrySettings retrySettings;
    private boolean dryRun;
    private boolean validate = true;

    private Builder() {}

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

    public CallOptions build() {
      return new CallOptions(this);
    }
  }
}
