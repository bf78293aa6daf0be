package ai.michelangelo.conformance;

import ai.michelangelo.sdk.Page;
import ai.michelangelo.sdk.Watcher;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open iterator handle: {@link Items} (the lazy item iterator of a Pager), {@link Pages} (its
 * page iterator) or {@link Watch} (a Watcher consumed by a background thread). {@code done} is
 * reported by the {@code next} that finds the iterator exhausted or failed; later calls repeat it.
 */
abstract class Iter implements AutoCloseable {
  private boolean done;
  private Throwable error;

  /** Up to {@code max} entries; {@code waitMs} only matters to watches. */
  final JsonObject next(int max, long waitMs) {
    JsonArray items = new JsonArray();
    if (!done) {
      try {
        done = pull(items, max, waitMs);
      } catch (RuntimeException e) {
        fail(e);
      }
    }
    JsonObject r = new JsonObject();
    r.add("items", items);
    r.addProperty("done", done);
    r.add("error", error == null ? JsonNull.INSTANCE : Json.error(error));
    addTo(r);
    return r;
  }

  /** Fields of this kind of iterator in every {@code next} result. */
  void addTo(JsonObject result) {}

  /** Adds up to {@code max} entries to {@code out}; true when the iterator has ended. */
  abstract boolean pull(JsonArray out, int max, long waitMs);

  final void fail(Throwable t) {
    done = true;
    error = t;
  }

  @Override
  public void close() {}

  /** {@code Pager.iterator()}: every item of every page, fetched lazily. */
  static final class Items extends Iter {
    private final Iterator<Message> items;

    Items(Iterator<Message> items) {
      this.items = items;
    }

    @Override
    boolean pull(JsonArray out, int max, long waitMs) {
      while (out.size() < max) {
        if (!items.hasNext()) {
          return true;
        }
        out.add(Json.proto(items.next()));
      }
      return false;
    }
  }

  /** {@code Pager.pages().iterator()}. */
  static final class Pages extends Iter {
    private final Iterator<Page<Message>> pages;

    Pages(Iterator<Page<Message>> pages) {
      this.pages = pages;
    }

    @Override
    boolean pull(JsonArray out, int max, long waitMs) {
      while (out.size() < max) {
        if (!pages.hasNext()) {
          return true;
        }
        Page<Message> page = pages.next();
        JsonArray items = new JsonArray();
        for (Message m : page.items()) {
          items.add(Json.proto(m));
        }
        JsonObject p = new JsonObject();
        p.add("items", items);
        p.addProperty("continue", page.continueToken());
        p.addProperty("resource_version", page.resourceVersion());
        out.add(p);
      }
      return false;
    }
  }

  /**
   * A Watcher read into a queue, so {@code next} can wait with a bound: by a background thread, or
   * in async mode by the SDK's {@code Watcher.forEachAsync} on an executor.
   */
  static final class Watch extends Iter {
    /** Queued last: the watch ended, with {@code error} or (null) because it was closed. */
    private record End(Throwable error) {}

    private final Watcher<Message> watcher;
    private final LinkedBlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger relists;
    private final Thread thread;
    private final ExecutorService executor;
    private final CompletableFuture<Void> reading;

    Watch(Watcher<Message> watcher, String handle, AtomicInteger relists, boolean async) {
      this.watcher = watcher;
      this.relists = relists;
      if (async) {
        this.thread = null;
        this.executor =
            Executors.newSingleThreadExecutor(
                r -> {
                  Thread t = new Thread(r, "watch-" + handle);
                  t.setDaemon(true);
                  return t;
                });
        this.reading =
            watcher
                .forEachAsync(queue::add, executor)
                .whenComplete((v, t) -> queue.add(new End(t == null ? null : Resource.unwrap(t))));
      } else {
        this.executor = null;
        this.reading = null;
        this.thread = new Thread(this::consume, "watch-" + handle);
        thread.setDaemon(true);
        thread.start();
      }
    }

    /** How many times the SDK's relist hook was called since open_watch. */
    @Override
    void addTo(JsonObject result) {
      result.addProperty("relists", relists.get());
    }

    private void consume() {
      Throwable error = null;
      try {
        while (watcher.hasNext()) {
          queue.add(watcher.next());
        }
      } catch (Throwable t) {
        error = t;
      } finally {
        queue.add(new End(error));
      }
    }

    @Override
    boolean pull(JsonArray out, int max, long waitMs) {
      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(Math.max(0, waitMs));
      while (out.size() < max) {
        Object o;
        try {
          o = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted", e);
        }
        if (o == null) {
          return false;
        }
        if (o instanceof End end) {
          return ended(end);
        }
        out.add(event((Message) o));
      }
      // Report the end now if it is already queued behind the last event.
      return queue.peek() instanceof End end && queue.remove(end) && ended(end);
    }

    private boolean ended(End end) {
      if (end.error() != null) {
        fail(end.error());
      }
      return true;
    }

    private static JsonObject event(Message event) {
      FieldDescriptor type = event.getDescriptorForType().findFieldByName("type");
      FieldDescriptor object = event.getDescriptorForType().findFieldByName("object");
      JsonObject e = new JsonObject();
      e.addProperty("type", ((EnumValueDescriptor) event.getField(type)).getName());
      e.add("object", Json.proto((Message) event.getField(object)));
      return e;
    }

    /** Closes the watcher (thread-safe in the SDK) and lets the reader thread finish. */
    @Override
    public void close() {
      watcher.close();
      if (reading != null) {
        try {
          reading.get(2, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
          System.err.println("ma-conformance-runner: an async watch is still running");
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException e) {
          // the watch's end is reported by next, not by close
        }
        executor.shutdownNow();
        return;
      }
      try {
        thread.join(2000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      if (thread.isAlive()) {
        System.err.println("ma-conformance-runner: " + thread.getName() + " still running");
      }
    }
  }
}
