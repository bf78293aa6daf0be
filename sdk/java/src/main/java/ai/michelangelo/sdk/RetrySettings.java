package ai.michelangelo.sdk;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff, immutable. Unary calls retry only idempotent methods (never Create) and only
 * on UNAVAILABLE and RESOURCE_EXHAUSTED; {@link Conflicts#retryOnConflict} uses the same settings
 * for ABORTED. The n-th retry waits {@code min(maxBackoff, initialBackoff * multiplier^(n-1))},
 * spread by {@code +-jitter} (a fraction), and never past the call's deadline.
 */
public final class RetrySettings {
  private static final RetrySettings DEFAULTS = newBuilder().build();
  private static final RetrySettings NONE = newBuilder().setMaxAttempts(1).build();

  private final Duration initialBackoff;
  private final Duration maxBackoff;
  private final double multiplier;
  private final double jitter;
  private final int maxAttempts;

  private RetrySettings(Builder b) {
    this.initialBackoff = b.initialBackoff;
    this.maxBackoff = b.maxBackoff;
    this.multiplier = b.multiplier;
    this.jitter = b.jitter;
    this.maxAttempts = b.maxAttempts;
  }

  /** 5 attempts, 100 ms doubling up to 5 s, 20% jitter. */
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

  public double getJitter() {
    return jitter;
  }

  /** Total attempts including the first; 1 means no retries. */
  public int getMaxAttempts() {
    return maxAttempts;
  }

  /** The wait before attempt {@code attempt + 1}, after {@code attempt} failed attempts (>= 1). */
  public Duration backoff(int attempt) {
    double base = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
    base = Math.min(base, maxBackoff.toNanos());
    double spread = jitter == 0 ? 0 : (ThreadLocalRandom.current().nextDouble() * 2 - 1) * jitter;
    return Duration.ofNanos((long) Math.max(0, Math.min(maxBackoff.toNanos(), base * (1 + spread))));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RetrySettings r
        && initialBackoff.equals(r.initialBackoff)
        && maxBackoff.equals(r.maxBackoff)
        && multiplier == r.multiplier
        && jitter == r.jitter
        && maxAttempts == r.maxAttempts;
  }

  @Override
  public int hashCode() {
    return Objects.hash(initialBackoff, maxBackoff, multiplier, jitter, maxAttempts);
  }

  @Override
  public String toString() {
    return "RetrySettings{initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff
        + ", multiplier=" + multiplier + ", jitter=" + jitter + ", maxAttempts=" + maxAttempts + "}";
  }

  /** Builder of {@link RetrySettings}. */
  public static final class Builder {
    private Duration initialBackoff = Duration.ofMillis(100);
    private Duration maxBackoff = Duration.ofSeconds(5);
    private double multiplier = 2.0;
    private double jitter = 0.2;
    private int maxAttempts = 5;

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

    /** A fraction in [0, 1]: each wait is spread uniformly by +-jitter of itself. */
    public Builder setJitter(double jitter) {
      if (!(jitter >= 0 && jitter <= 1)) {
        throw new IllegalArgumentException("jitter must be in [0, 1], got " + jitter);
      }
      this.jitter = jitter;
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
