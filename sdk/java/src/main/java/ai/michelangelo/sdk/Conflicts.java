package ai.michelangelo.sdk;

import java.time.Duration;
import java.util.function.Supplier;

/** Optimistic concurrency helpers. */
public final class Conflicts {
  private static final RetrySettings DEFAULTS =
      RetrySettings.newBuilder()
          .setInitialBackoff(Duration.ofMillis(10))
          .setMaxBackoff(Duration.ofSeconds(1))
          .setMultiplier(2.0)
          .setJitter(true)
          .setMaxAttempts(10)
          .build();

  private Conflicts() {}

  /**
   * 10 attempts, 10 ms doubling up to 1 s, full jitter (the n-th wait uniform in [0, min(1 s, 10 ms
   * * 2^(n-1))]): the same budget and jitter as the Python and Go SDKs' default conflict retry. The
   * attempt timeout of the settings does not apply here (each call has its own timeout).
   */
  public static RetrySettings defaultRetrySettings() {
    return DEFAULTS;
  }

  /**
   * Runs {@code readModifyWrite} (read the latest object, change it, update it) again while it
   * throws {@link ConflictException} (ABORTED: someone else wrote first), up to {@code
   * settings.getMaxAttempts()} attempts with backoff; then the last conflict is thrown.
   */
  public static <T> T retryOnConflict(Supplier<T> readModifyWrite, RetrySettings settings) {
    for (int attempt = 1; ; attempt++) {
      try {
        return readModifyWrite.get();
      } catch (ConflictException e) {
        if (attempt >= settings.getMaxAttempts()) {
          throw e;
        }
        Transport.sleep(settings.backoff(attempt));
      }
    }
  }

  /** {@link #retryOnConflict(Supplier, RetrySettings)} with {@link #defaultRetrySettings()}. */
  public static <T> T retryOnConflict(Supplier<T> readModifyWrite) {
    return retryOnConflict(readModifyWrite, DEFAULTS);
  }
}
