package ai.michelangelo.sdk;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter, immutable. Unary calls (all eight standard methods; writes
 * carry an idempotency key, the same on every attempt) retry UNAVAILABLE, RESOURCE_EXHAUSTED only
 * when the server sent a {@code google.rpc.RetryInfo} (its delay is the minimum wait), and
 * DEADLINE_EXCEEDED of an attempt cut short by {@link #getAttemptTimeout()} while the call's
 * timeout still has time. {@link Conflicts#retryOnConflict} uses the same backoff for ABORTED.
 *
 * <p>The n-th wait is uniform in {@code [0, min(maxBackoff, initialBackoff * multiplier^(n-1))]}
 * (full jitter), or exactly that bound when {@code jitter} is off. A wait that would end at or
 * after the call's deadline is not taken: the last error is thrown instead.
 */
public final class RetrySettings {
  private static final RetrySettings DEFAULTS = newBuilder().build();
  private static final RetrySettings NONE = newBuilder().setMaxAttempts(1).build();

  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final boolean jitter;
  private final int maxAttempts;
  private final Duration attemptTimeout;

  private RetrySettings(Builder b) {
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.maxAttempts = b.maxAttempts;
    this.attemptTimeout = b.attemptTimeout;
  }

  /** 5 attempts, 100 ms doubling up to 5 s, full jitter, no per-attempt timeout. */
  public static RetrySettings defaults() {
    return DEFAULTS;
  }

  /** One attempt, no retries. */
  public static RetrySettings none() {
    return NONE;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.initialBackoff = initialBackoff;
    b.maxBackoff = maxBackoff;
    b.multiplier = multiplier;
    b.jitter = jitter;
    b.maxAttempts = maxAttempts;
    b.attemptTimeout = attemptTimeout;
    return b;
  }

  public Duration getInitialBackoff() {
    return initialBackoff;
  }

  public Duration getMaxBackoff() {
    return maxBackoff;
  }

  public double getMultiplier() {
    return multiplier;
  }

  /** Full jitter (the default): each wait is drawn uniformly from [0, bound]. */
  public boolean isJitter() {
    return jitter;
  }

  /**
   * The deadline of each attempt, or null (the default) for none: then every attempt gets what
   * remains of the call's timeout. When set, an attempt's deadline is the shorter of the two; an
   * attempt that hits it while the call's timeout still has time is retried.
   */
  public Duration getAttemptTimeout() {
    return attemptTimeout;
  }

  /** Total attempts including the first; 1 means no retries. */
  public int getMaxAttempts() {
    return maxAttempts;
  }

  /**
   * The wait before attempt {@code attempt + 1}, after {@code attempt} failed attempts (>= 1):
   * uniform in [0, bound] with jitter, else the bound, where bound = {@code min(maxBackoff,
   * initialBackoff * multiplier^(attempt-1))}.
   */
  public Duration backoff(int attempt) {
    double bound = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
    bound = Math.min(bound, maxBackoff.toNanos());
    double wait = jitter ? ThreadLocalRandom.current().nextDouble() * bound : bound;
    return Duration.ofNanos((long) wait);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetrySettings r
        && initialBackoff.equals(r.initialBackoff)
        && maxBackoff.equals(r.maxBackoff)
        && multiplier == r.multiplier
        && jitter == r.jitter
        && maxAttempts == r.maxAttempts
        && Objects.equals(attemptTimeout, r.attemptTimeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        initialBackoff, maxBackoff, multiplier, jitter, maxAttempts, attemptTimeout);
  }

  @Override
  public String toString() {
    return "RetrySettings{initialBackoff="
        + initialBackoff
        + ", maxBackoff="
        + maxBackoff
        + ", multiplier="
        + multiplier
        + ", jitter="
        + jitter
        + ", maxAttempts="
        + maxAttempts
        + ", attemptTimeout="
        + attemptTimeout
        + "}";
  }

  /** Builder of {@link RetrySettings}. */
  public static final class Builder {
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private double multiplier = 2.0;
    private boolean jitter = true;
    private int maxAttempts = 5;
    private Duration attemptTimeout;

    private Builder() {}

    public Builder setInitialBackoff(Duration initialBackoff) {
      this.initialBackoff = requireNonNegative(initialBackoff, "initialBackoff");
      return this;
    }

    public Builder setMaxBackoff(Duration maxBackoff) {
      this.maxBackoff = requireNonNegative(maxBackoff, "maxBackoff");
      return this;
    }

    public Builder setMultiplier(double multiplier) {
      if (!(multiplier >= 1.0)) {
        throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
      }
      this.multiplier = multiplier;
      return this;
    }

    /** Full jitter (true, the default) or none (false: every wait is its full bound). */
    public Builder setJitter(boolean jitter) {
      this.jitter = jitter;
      return this;
    }

    /** The deadline of each attempt (null: none, each attempt gets what remains of the call's). */
    public Builder setAttemptTimeout(Duration attemptTimeout) {
      if (attemptTimeout != null && (attemptTimeout.isNegative() || attemptTimeout.isZero())) {
        throw new IllegalArgumentException("attemptTimeout must be positive");
      }
      this.attemptTimeout = attemptTimeout;
      return this;
    }

    public Builder setMaxAttempts(int maxAttempts) {
      if (maxAttempts < 1) {
        throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
      }
      this.maxAttempts = maxAttempts;
      return this;
    }

    public RetrySettings build() {
      if (maxBackoff.compareTo(initialBackoff) < 0) {
        throw new IllegalArgumentException("maxBackoff must not be below initialBackoff");
      }
      return new RetrySettings(this);
    }

    private static Duration requireNonNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative");
      }
      return d;
    }
  }
}
