package ai.michelangelo.sdk;

import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link Watcher} recovers, immutable. A dropped stream (a clean end, UNAVAILABLE, INTERNAL
 * or RESOURCE_EXHAUSTED) is reopened from the last resource version seen, with {@code reconnect}
 * backoff; the attempt count resets on every event. An expired version (OUT_OF_RANGE, after
 * compaction) is handled by listing again and emitting ADDED for every current object, then
 * watching from the list's version ({@code relistOnExpired}, default true), or else ends the watch
 * with {@link ExpiredException}. {@code onRelist} is called (on the consumer's thread) once each
 * time the watch relists after OUT_OF_RANGE, so a cache can drop what it held; the initial list of
 * a watch from "" is not a relist.
 */
public final class WatchSettings {
  private static final WatchSettings DEFAULTS = newBuilder().build();

  private final RetrySettings reconnect;
  private final boolean relistOnExpired;
  private final boolean emitBookmarks;
  private final Runnable onRelist;

  private WatchSettings(Builder b) {
    this.reconnect = b.reconnect;
    this.relistOnExpired = b.relistOnExpired;
    this.emitBookmarks = b.emitBookmarks;
    this.onRelist = b.onRelist;
  }

  public static WatchSettings defaults() {
    return DEFAULTS;
  }

  public static Builder newBuilder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder()
        .setReconnect(reconnect)
        .setRelistOnExpired(relistOnExpired)
        .setEmitBookmarks(emitBookmarks)
        .setOnRelist(onRelist);
  }

  public RetrySettings getReconnect() {
    return reconnect;
  }

  public boolean isRelistOnExpired() {
    return relistOnExpired;
  }

  /** Deliver BOOKMARK events too (default false: they only advance the resume version). */
  public boolean isEmitBookmarks() {
    return emitBookmarks;
  }

  /** Called once per relist after OUT_OF_RANGE, or null. */
  public Runnable getOnRelist() {
    return onRelist;
  }

  /** Builder of {@link WatchSettings}. */
  public static final class Builder {
    private RetrySettings reconnect =
        RetrySettings.newBuilder()
            .setInitialBackoff(Duration.ofMillis(50))
            .setMaxBackoff(Duration.ofSeconds(5))
            .setMaxAttempts(10)
            .build();
    private boolean relistOnExpired = true;
    private boolean emitBookmarks;
    private Runnable onRelist;

    private Builder() {}

    public Builder setReconnect(RetrySettings reconnect) {
      this.reconnect = Objects.requireNonNull(reconnect, "reconnect");
      return this;
    }

    public Builder setRelistOnExpired(boolean relistOnExpired) {
      this.relistOnExpired = relistOnExpired;
      return this;
    }

    public Builder setEmitBookmarks(boolean emitBookmarks) {
      this.emitBookmarks = emitBookmarks;
      return this;
    }

    /** A hook called once each time the watch relists after OUT_OF_RANGE (null: none). */
    public Builder setOnRelist(Runnable onRelist) {
      this.onRelist = onRelist;
      return this;
    }

    public WatchSettings build() {
      return new WatchSettings(this);
    }
  }
}
